/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file inspect.h
 * @brief Inspect existing images: every sector and its subcode checked, every track hashed.
 *
 * Images: a CUE sheet with its files (read through the sector stream, so every FILE type and track mode a
 * sheet may use is understood), a CloneCD image (.ccd with .img and .sub), or a raw file of 2352-byte
 * sectors, 2368-byte sectors with 16 bytes of P and Q (MMC data block type 1) or 2448-byte sectors with 96
 * bytes of P–W (types 2 and 3: raw96 and packed96 have the same P and Q bits).
 *
 * The checks are the encoders' own code: rawcd_sector_check() (sync, header, mode, EDC, P/Q parity, the
 * fields that must be zero) and, for subcode, rawcd_q_crc_ok() and the Q frames rawcd_subcode_sector()
 * generates for the layout. Nothing here is a second EDC, ECC or CRC.
 *
 * Per track the report counts each kind of sector and each finding, lists the first bad LBAs and hashes
 * the track's 2352-byte sectors (main channel only, from its pregap to its end, as Redump's per-track
 * files): XXH3-128 (libxxhash), CRC-32 (zlib), MD5 and SHA-1 (OpenSSL libcrypto).
 *
 * Units: LBAs (0 = MSF 00:02:00; negative in the pregap of track 1 and the lead-in); counts are sectors.
 * The library never prints: rawcd_inspect_report_json() renders a report, the CLI prints it.
 */
#ifndef RAWCD_INSPECT_H
#define RAWCD_INSPECT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "disc.h"
#include "subcode.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a sector holds, judged by its content. */
enum rawcd_inspect_class {
	RAWCD_INSPECT_AUDIO,    /**< not a data sector: no sync pattern and no header of its own LBA (audio, or
	                             anything else that is not data) */
	RAWCD_INSPECT_MODE0,    /**< mode byte 0 */
	RAWCD_INSPECT_MODE1,    /**< mode byte 1 */
	RAWCD_INSPECT_FORM1,    /**< mode byte 2, CD-ROM XA Form 1 */
	RAWCD_INSPECT_FORM2,    /**< mode byte 2, CD-ROM XA Form 2 */
	RAWCD_INSPECT_FORMLESS, /**< mode byte 2, no valid subheader: 2336 user bytes, nothing to check */
	RAWCD_INSPECT_DAMAGED,  /**< looks like a data sector but its mode byte is not 0, 1 or 2 */
	RAWCD_INSPECT_CLASS_COUNT
};

/** Findings, as bits of a mask; each has a count in the report. */
enum rawcd_inspect_finding {
	RAWCD_FINDING_SYNC = 1u << 0,          /**< the 12 sync bytes are wrong */
	RAWCD_FINDING_HEADER = 1u << 1,        /**< the header MSF is not the sector's own position */
	RAWCD_FINDING_MODE = 1u << 2,          /**< the content is not of the track's mode (data in an audio
	                                            track, audio or another data mode in a data track), or the
	                                            mode byte is not 0, 1 or 2 */
	RAWCD_FINDING_EDC = 1u << 3,           /**< the stored EDC is not the EDC of the bytes it covers */
	RAWCD_FINDING_ECC = 1u << 4,           /**< P or Q parity is not what the encoder computes */
	RAWCD_FINDING_SUBHEADER = 1u << 5,     /**< the two copies of a Form 1/2 subheader differ */
	RAWCD_FINDING_ZERO = 1u << 6,          /**< Mode 0 payload or Mode 1 bytes 2068–2075 are not zero */
	RAWCD_FINDING_SUBQ_CRC = 1u << 7,      /**< the Q frame's CRC-16 is wrong */
	RAWCD_FINDING_SUBQ_POSITION = 1u << 8, /**< an ADR 1 Q frame names another TNO, INDEX or absolute
	                                            time than the sector's position */
	RAWCD_FINDING_SUBP = 1u << 9,          /**< P is not the same bit all through the sector, or is 0 in
	                                            a pause (an index-0 pregap), where every writer sets it */
	RAWCD_FINDING_MISSING = 1u << 10       /**< the image file ends before this sector */
};
#define RAWCD_FINDING_COUNT 11 /**< the bits above are 1u << 0 .. 1u << (RAWCD_FINDING_COUNT - 1) */

/** What a sector should be, from the sheet (or, in raw images, the Q CONTROL). */
enum rawcd_inspect_expect {
	RAWCD_EXPECT_ANY,   /**< audio or data (pregaps, the lead-in, raw images without subcode): no
	                         RAWCD_FINDING_MODE unless a data sector's mode byte is invalid */
	RAWCD_EXPECT_AUDIO, /**< an audio track: a data sector (sync and its own header) is a mode mismatch */
	RAWCD_EXPECT_DATA,  /**< a data track of unknown mode (Q CONTROL says data): Mode 0, 1 or 2 */
	RAWCD_EXPECT_MODE1, /**< MODE1 tracks: Mode 1 (or Mode 0) */
	RAWCD_EXPECT_MODE2  /**< MODE2 and CDI tracks: Mode 2 in any form (or Mode 0) */
};

/** The verdict on one sector's main channel. */
struct rawcd_inspect_sector {
	enum rawcd_inspect_class cls;
	unsigned findings; /**< ::rawcd_inspect_finding bits among SYNC, HEADER, MODE, EDC, ECC, SUBHEADER, ZERO */
	bool no_edc;       /**< Form 2 with an EDC field of 0 ("no EDC", as PlayStation discs): not a finding */
};

/**
 * Classify and check one sector's 2352 main-channel bytes (unscrambled) at @p lba.
 *
 * A sector is taken for data when its sync has at most 12 wrong bits, or at most 24 and its header holds
 * its own LBA with mode byte 0, 1 or 2; in an audio track (RAWCD_EXPECT_AUDIO) only when its sync is exact
 * and its header holds its own LBA. A data sector is checked with rawcd_sector_check(): sync, header, EDC,
 * ECC, zero fields. A Mode 2 sector whose subheader copies differ is Form 1 or 2 with
 * RAWCD_FINDING_SUBHEADER when making one copy equal to the other gives a valid EDC, else formless.
 * @param out written on success.
 * @param sector 2352 bytes.
 * @param lba RAWCD_LBA_MIN .. RAWCD_LBA_MAX.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL pointer, LBA out of range, bad @p expect).
 */
int rawcd_inspect_sector(struct rawcd_inspect_sector *out, const uint8_t *sector, int32_t lba,
			 enum rawcd_inspect_expect expect);

/** The verdict on one sector's P and Q subchannels. */
struct rawcd_inspect_subq {
	unsigned findings; /**< bits among RAWCD_FINDING_SUBQ_CRC, SUBQ_POSITION, SUBP */
	bool crc_ok;       /**< the CRC-16 of Q holds; the fields below come only from such frames */
	uint8_t control;   /**< Q CONTROL (bit 2 data) */
	uint8_t adr;       /**< Q ADR: 1 position, 2 MCN, 3 ISRC */
	int tno;           /**< ADR 1: TNO in binary (0 lead-in, 1–99, 0xAA lead-out); -1 otherwise */
	int index;         /**< ADR 1 outside the lead-in: INDEX in binary; -1 otherwise */
	char mcn[14];      /**< ADR 2: the 13 digits ('?' for a nibble over 9); "" otherwise */
	char isrc[13];     /**< ADR 3: 5 characters and 7 digits ('?' for an invalid code); "" otherwise */
	bool p;            /**< the P flag (its first bit) */
};

/**
 * Check one sector's P and Q at @p lba. Q: its CRC (rawcd_q_crc_ok()); an ADR 1 frame's position against
 * @p expected, the Q frames rawcd_subcode_sector() makes for the layout: TNO, INDEX and absolute time must
 * match (relative time and CONTROL may differ: writers disagree on them). Where our frame at this LBA is
 * an MCN or ISRC frame, the position is taken from the sector before (other writers put those frames in
 * other sectors, which is no error). Without @p expected: absolute time = LBA + 150 and TNO 1–99 or AAh
 * from LBA -150 on, TNO 0 below (the lead-in). MCN and ISRC frames are decoded, not judged. P: all 96 bits
 * equal (when @p p_whole), and 1 in a pause (an index-0 pregap, by @p expected, else by the frame's own
 * TNO and INDEX).
 * @param sub the sector's subchannels (P and Q used).
 * @param expected the layout's generator, or NULL for an image without one.
 * @param p_whole false when only the first P bit is known (the 16-byte PQ form).
 * @return RAWCD_OK; RAWCD_E_ARG (NULL pointers; an LBA @p expected cannot generate).
 */
int rawcd_inspect_subcode(struct rawcd_inspect_subq *out, const struct rawcd_subchannels *sub, int32_t lba,
			  const rawcd_subcode *expected, bool p_whole);

/** Most bad sectors listed per track; the rest are counted. */
#define RAWCD_INSPECT_LISTED 10

/** A bad sector: its LBA and ::rawcd_inspect_finding bits. */
struct rawcd_inspect_bad {
	int32_t lba;
	unsigned findings;
};

/** Counts of one track (or of the whole image, in rawcd_inspect_report.total). */
struct rawcd_inspect_counts {
	uint64_t sectors;
	uint64_t bad_sectors;                       /**< sectors with at least one finding */
	uint64_t cls[RAWCD_INSPECT_CLASS_COUNT];    /**< sectors of each ::rawcd_inspect_class */
	uint64_t finding[RAWCD_FINDING_COUNT];      /**< sectors with finding bit i (1u << i) */
	uint64_t bad_subq;                          /**< sectors with SUBQ_CRC or SUBQ_POSITION */
	uint64_t no_edc;                            /**< Form 2 sectors without EDC (not findings) */
	uint64_t mcn_frames, isrc_frames;           /**< Q frames of ADR 2 and 3 with a valid CRC */
};

/** One track of the report. */
struct rawcd_inspect_track {
	unsigned number;           /**< TNO 1–99; in raw images 0 for the sectors before LBA 0 (lead-in and
	                                track 1's pregap) and 0xAA for the lead-out */
	enum rawcd_track_mode mode;/**< from the sheet or .ccd; in raw images from the content (AUDIO,
	                                MODE1/2352 or MODE2/2352) */
	bool mode_from_content;    /**< true when @c mode was guessed from the sectors (raw images) */
	int32_t first_lba;         /**< its first sector (the pregap's, if any) */
	struct rawcd_inspect_counts counts;
	struct rawcd_inspect_bad bad[RAWCD_INSPECT_LISTED]; /**< the first bad sectors, in LBA order */
	size_t bad_listed;         /**< entries of @c bad used; counts.bad_sectors - bad_listed more exist */
	char isrc[13];             /**< the first ISRC found in its Q frames, or "" */
	bool hashed;               /**< the hashes below are set */
	uint8_t xxh3_128[16];      /**< XXH3-128, canonical (big-endian) bytes, as `xxhsum -H2` prints them */
	uint32_t crc32;            /**< CRC-32 (zlib, as `crc32` and Redump) */
	uint8_t md5[16];
	uint8_t sha1[20];
};

/** How the image was read. */
enum rawcd_inspect_source {
	RAWCD_INSPECT_CUE, /**< a CUE sheet and its files */
	RAWCD_INSPECT_CCD, /**< a CloneCD .ccd, .img and .sub */
	RAWCD_INSPECT_RAW, /**< a raw file of 2352-, 2368- or 2448-byte sectors */
	RAWCD_INSPECT_TOC  /**< a cdrdao TOC file and its files */
};

/** The result of an inspection: plain data, free with rawcd_inspect_report_free(). */
struct rawcd_inspect_report {
	char *image;                      /**< the path inspected, as given */
	enum rawcd_inspect_source source;
	unsigned sector_size;             /**< bytes a sector takes in the main file: 2352, 2368 or 2448 */
	int32_t first_lba;                /**< LBA of the first sector inspected */
	bool subcode;                     /**< subcode was present and checked */
	struct rawcd_inspect_counts total;/**< the sum over the tracks */
	char mcn[14];                     /**< the first MCN found in Q frames, or "" */
	struct rawcd_inspect_track *tracks; /**< in LBA order */
	size_t track_count;
	uint64_t descrambled;             /**< raw images: data sectors found stored scrambled (a .scram) and
	                                       checked descrambled (rawcd_inspect_raw()) */
};

/** Called now and then: @p done of @p total sectors inspected. */
typedef void (*rawcd_inspect_progress_fn)(void *user, uint64_t done, uint64_t total);

/** Options of the rawcd_inspect_* calls. Initialise with RAWCD_INSPECT_OPTIONS_INIT. */
struct rawcd_inspect_options {
	unsigned version;       /**< RAWCD_INSPECT_OPTIONS_VERSION */
	bool hash;              /**< compute the per-track hashes (the slow part: MD5 is ~0.75 GB/s) */
	unsigned sector_size;   /**< raw images: 2352, 2368 or 2448 bytes a sector */
	int32_t first_lba;      /**< raw images: the LBA of the file's first sector (e.g. -22650 for an image
	                             that starts with IMAPI's lead-in, -150 with track 1's pregap) */
	bool descramble;        /**< rawcd_inspect_disc(): the data sectors are stored scrambled (ECMA-130
	                             Annex B); rawcd_inspect_image() sets it from a .ccd */
	rawcd_inspect_progress_fn progress; /**< NULL for none; called from the calling thread */
	void *progress_user;
	const volatile sig_atomic_t *cancel; /**< polled between batches: non-zero stops with RAWCD_E_CANCELED */
};
#define RAWCD_INSPECT_OPTIONS_VERSION 1
#define RAWCD_INSPECT_OPTIONS_INIT { RAWCD_INSPECT_OPTIONS_VERSION, true, 2352, 0, false, NULL, NULL, NULL }

/**
 * Inspect the image at @p path, by its extension (without regard to case): `.cue` (rawcd_cue_load() and
 * rawcd_inspect_disc()), `.ccd` (rawcd_ccd_load() and rawcd_inspect_disc() with its .sub), anything else
 * a raw file (rawcd_inspect_raw() with opts->sector_size and opts->first_lba).
 * @param out the report, written only on success (findings are not failures); free it.
 * @param opts NULL for defaults.
 * @return RAWCD_OK; the codes of those calls.
 */
int rawcd_inspect_image(struct rawcd_inspect_report **out, const char *path, const struct rawcd_inspect_options *opts,
			rawcd_diag *diag);

/**
 * Inspect a laid-out disc's image: every sector of the sector stream (rawcd_stream_new(), from LBA 0 to
 * the lead-out, generated PREGAPs included), checked against its track's mode (pregaps accept either
 * kind), and with @p sub_path the subcode against rawcd_subcode_sector() for a single-session disc (CRC
 * and positions only for others). Tracks are the disc's, each from its pregap to its end. Sectors beyond
 * the end of a BINARY file (which the stream pads with zeros) are RAWCD_FINDING_MISSING.
 * Two threads: this one reads and checks, another one hashes (or, without hashing, checks half of each
 * batch); memory stays under 5 MB at any size.
 * @param disc laid out (rawcd_disc_layout()).
 * @param sub_path a CloneCD .sub: 96 bytes a sector from LBA 0, channel after channel; NULL for none.
 * @return RAWCD_OK; RAWCD_E_ARG (disc not laid out, bad options); RAWCD_E_INPUT (a file cannot be opened);
 *         RAWCD_E_IO (a read failed); RAWCD_E_CANCELED; RAWCD_E_NOMEM. Details in @p diag.
 */
int rawcd_inspect_disc(struct rawcd_inspect_report **out, const struct rawcd_disc *disc, const char *sub_path,
		       const struct rawcd_inspect_options *opts, rawcd_diag *diag);

/**
 * Inspect a raw file: opts->sector_size bytes a sector (2352 main + 0, 16 PQ or 96 P–W bytes), the first
 * at opts->first_lba. No layout is known: each data sector is checked against its own position; with
 * subcode, Q CRC and positions (absolute time = LBA + 150), P, the kind of each sector from the Q CONTROL
 * data bit, and tracks from the TNO; without, track 1. Either way the sectors before LBA 0 (lead-in, track
 * 1's pregap) form track 0, and with subcode the lead-out track AAh; a later session's lead-in (TNO 0 after
 * a lead-out) joins track 0 and its TOC frames are no position findings. With the defaults (sector_size
 * 2352, first_lba 0), a file whose first records carry subcode at a 2448- or 2368-byte stride
 * (rawcd_rawimage_sniff()) is inspected at that size from the LBA its Q gives (as rawcd_rawimage_load()
 * finds it). A scrambled data sector (a sync, and a header that names the sector's LBA and a mode 0–2 only once descrambled, ECMA-130 Annex
 * B: redumper's .scram, `rawcd convert --scrambled`) is descrambled before its checks and counted in
 * report->descrambled; a .scram starts at RAWCD_SCRAM_FIRST_LBA (image.h), which the caller gives as
 * opts->first_lba (the CLI does for a .scram name).
 * @return RAWCD_OK; RAWCD_E_ARG (a sector size other than 2352, 2368, 2448; a first LBA out of range);
 *         RAWCD_E_INPUT (cannot open, not a whole number of sectors, longer than the LBA range);
 *         RAWCD_E_IO; RAWCD_E_CANCELED; RAWCD_E_NOMEM.
 */
int rawcd_inspect_raw(struct rawcd_inspect_report **out, const char *path, const struct rawcd_inspect_options *opts,
		      rawcd_diag *diag);

/** Free a report. Accepts NULL. */
void rawcd_inspect_report_free(struct rawcd_inspect_report *report);

/**
 * The report as one JSON object (DESIGN.md §3): `image`, `source`, `sector_size`, `first_lba`, `subcode`,
 * `sectors`, `errors` (sectors with a finding), the counts of the whole image, `mcn`, and `tracks[]` with
 * `number`, `mode`, `first_lba`, `sectors`, `errors`, `bad_sync`, `bad_header`, `mode_mismatch`,
 * `bad_edc`, `bad_ecc`, `bad_subheader`, `bad_zero`, `bad_subq` (`bad_subq_crc` + `bad_subq_position`),
 * `bad_subp`, `missing`, `no_edc`, `classes` {audio, mode0, mode1, form1, form2, formless, damaged},
 * `first_bad_lbas` [LBA], `first_bad` [{lba, findings [names]}], `more_bad`, `isrc`, and the hashes
 * `xxh3_128`, `crc32`, `md5`, `sha1` as lower-case hex (null when not hashed).
 * @param out a malloc'd NUL-terminated text ending in a newline; free() it.
 * @return RAWCD_OK; RAWCD_E_ARG (NULL); RAWCD_E_NOMEM.
 */
int rawcd_inspect_report_json(char **out, const struct rawcd_inspect_report *report);

/** The name of a class: "audio", "mode0", "mode1", "form1", "form2", "formless", "damaged"; "?" otherwise. */
const char *rawcd_inspect_class_name(enum rawcd_inspect_class cls);

/** The name of one finding bit: "sync", "header", "mode", "edc", "ecc", "subheader", "zero", "subq_crc",
 *  "subq_position", "subp", "missing"; NULL for anything but a single known bit. */
const char *rawcd_inspect_finding_name(unsigned finding);

#ifdef __cplusplus
}
#endif
#endif
