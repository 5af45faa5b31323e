/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file disc.h
 * @brief The disc model and its layout: which LBA every pregap, index, track, session and lead-out has.
 *
 * The model mirrors IMAPI2's IRawCDImageCreator: StartingTrackNumber (first_track), MediaCatalogNumber
 * (mcn), StartOfLeadout (sessions[last].leadout_lba), LastUsedUserSectorInImage
 * (last_used_user_sector) and per track IRawCDImageTrackInfo: StartingLba (start_lba), SectorCount
 * (length), TrackIndexes (indexes), ISRC (isrc), DigitalAudioCopySetting (flags & RAWCD_FLAG_DCP,
 * RAWCD_FLAG_SCMS), AudioHasPreemphasis (flags & RAWCD_FLAG_PRE).
 *
 * Units: every `*_lba` field is an LBA (sector address, 0 = MSF 00:02:00); every length or gap is a
 * count of sectors (1/75 s); every `offset` is sectors from the start of an input file, counted in that
 * file's sector size (rawcd_track_mode_file_sector_size(), or 2352 bytes for audio files).
 *
 * A disc is built by rawcd_cue_parse() (model only) and completed by rawcd_disc_load_files() (file
 * lengths) and rawcd_disc_layout() (LBAs). The structs are plain data owned by the disc: read them,
 * free the whole with rawcd_disc_free().
 */
#ifndef RAWCD_DISC_H
#define RAWCD_DISC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RAWCD_SECTOR_SIZE 2352        /**< bytes of main channel in a sector (ECMA-130 §14) */
#define RAWCD_AUDIO_FRAMES_PER_SECTOR 588 /**< 16-bit stereo sample frames per 2352-byte sector */
#define RAWCD_MAX_TRACKS 99           /**< track numbers 1–99 (ECMA-130 §22.3.3.1) */
#define RAWCD_MAX_INDEX 99            /**< index numbers 0–99 */
#define RAWCD_LEADOUT_TNO 0xAA        /**< TNO of the lead-out in Q and in READ TOC */
#define RAWCD_SESSION_GAP 11400       /**< LBAs from a lead-out start to the next session's track start:
                                           6750 lead-out + 4500 lead-in + 150 pregap (Orange Book) */
#define RAWCD_DEFAULT_CAPACITY 359849 /**< last LBA a lead-out may start at by default: 79:59:74 */
#define RAWCD_MCN_SIZE 14             /**< bytes of an MCN string: 13 digits (UPC/EAN: CUE CATALOG, Q mode 2)
                                           and the NUL */
#define RAWCD_ISRC_SIZE 13            /**< bytes of an ISRC string: 12 characters 0–9 A–Z (ISO 3901: CUE
                                           ISRC, Q mode 3) and the NUL */

/** CUE `FILE` types. */
enum rawcd_file_type {
	RAWCD_FILE_BINARY,   /**< raw sectors; audio little-endian */
	RAWCD_FILE_MOTOROLA, /**< raw sectors; audio big-endian (swapped on input) */
	RAWCD_FILE_WAVE,     /**< audio read through libsndfile (any container it reads) */
	RAWCD_FILE_AIFF,
	RAWCD_FILE_MP3,
	RAWCD_FILE_FLAC,
	RAWCD_FILE_ZERO,     /**< no file: `bytes` of zeros (cdrdao SILENCE and ZERO); path and name are NULL */
	RAWCD_FILE_CALLBACK  /**< no file: `bytes` read through rawcd_file.read (rawcd_creator_add_track());
	                          path is NULL, name a label for diagnostics. Sequential: see ::rawcd_read_fn */
};

/**
 * Where a RAWCD_FILE_CALLBACK file's bytes come from (IMAPI2 passes an IStream; rawcd a function).
 * Fill @p buf with the next @p bytes bytes of the data and return 0 (RAWCD_OK), or return a negative
 * RAWCD_E_* code (RAWCD_E_IO, RAWCD_E_INPUT, ...), which ends the stream that reads it with that code.
 * Calls are sequential: the sector stream asks for the bytes in order, each once, from byte 0 on, in
 * pieces of whole sectors of the track's file sector size (2352 bytes for audio: 16-bit little-endian
 * stereo, left first; 2048 for MODE1/2048; 2336 for MODE2/2336). The callback cannot seek: a read from
 * before the bytes already given fails with RAWCD_E_INPUT without calling it, and a jump forward reads
 * and discards the bytes between. Each stream (rawcd_stream_new()) counts from byte 0 of its own, so
 * only one stream may read a callback's data (rawcd_creator_create_result_image() runs once for that).
 */
typedef int (*rawcd_read_fn)(void *ctx, uint8_t *buf, size_t bytes);

/** Which reader a disc came from (rawcd_input_load() detects it by content). */
enum rawcd_input_kind {
	RAWCD_INPUT_CUE,     /**< a CUE sheet (cue.h) */
	RAWCD_INPUT_TOC,     /**< a cdrdao TOC file (tocfile.h) */
	RAWCD_INPUT_CCD,     /**< a CloneCD image: .ccd + .img + .sub (ccd.h) */
	RAWCD_INPUT_RAW      /**< a raw image of 2448- or 2368-byte sectors with subcode (rawimage.h) */
};

/** How an image stores the subcode it recorded (rawcd_recorded_subcode). */
enum rawcd_subcode_store {
	RAWCD_SUBSTORE_NONE = 0, /**< none: the subcode is generated */
	RAWCD_SUBSTORE_CHANNELS, /**< 96 bytes a sector, channel after channel: 12 bytes P, 12 Q, then R … W
	                              (CloneCD .sub) */
	RAWCD_SUBSTORE_RAW96,    /**< 96 bytes a sector, raw interleaved P–W (MMC data block type 3) */
	RAWCD_SUBSTORE_PQ16      /**< 16 bytes a sector: 12 bytes Q, 3 zero, P in bit 7 of the last (type 1) */
};

/** Subcode an image recorded, kept as it is (deliberately wrong Q of protection schemes and LibCrypt
 *  included): the sector stream reads it in place of the generated subcode for the LBAs it covers,
 *  unless asked to regenerate (rawcd_stream_options.regenerate_subcode). */
struct rawcd_recorded_subcode {
	enum rawcd_subcode_store store; /**< RAWCD_SUBSTORE_NONE: the disc has no recorded subcode */
	char *path;            /**< the file that holds it (the .sub, or the raw image itself) */
	uint64_t byte_offset;  /**< bytes from the start of the file to the subcode of @c first_lba */
	unsigned record_size;  /**< bytes from one sector's subcode to the next: 96 (.sub), 2448 (raw96 image),
	                            2368 (pq16 image) */
	int32_t first_lba;     /**< LBA of the first record (-N for an image with a lead-in, else 0) */
	uint32_t sectors;      /**< records held (a short file holds fewer than the disc: the rest is
	                            generated) */
	bool sessions_back_to_back; /**< the records hold each session's stored sectors right after the
	                            previous session's (a CloneCD .sub of a multisession disc): an LBA's record
	                            is its place in such an image, and LBAs between sessions have none */
};

/** Track modes: CUE `TRACK` modes, then the cdrdao TOC modes no CUE mode holds. */
enum rawcd_track_mode {
	RAWCD_MODE_AUDIO,      /**< 2352 bytes of audio */
	RAWCD_MODE_CDG,        /**< 2448: 2352 audio + 96 raw R-W (CD+G) */
	RAWCD_MODE_MODE1_2048, /**< Mode 1 user data only */
	RAWCD_MODE_MODE1_2352, /**< raw Mode 1 sectors */
	RAWCD_MODE_MODE2_2336, /**< Mode 2 without sync and header (formless or XA with subheader) */
	RAWCD_MODE_MODE2_2352, /**< raw Mode 2 sectors */
	RAWCD_MODE_CDI_2336,   /**< CD-i, as MODE2/2336 */
	RAWCD_MODE_CDI_2352,   /**< CD-i, as MODE2/2352 */
	/* cdrdao TOC modes whose file layout no CUE mode has (cdrdao(1) "TRACK"): */
	RAWCD_MODE_MODE0,          /**< MODE0: 2336 bytes a sector in the file, recorded as Mode 0 (all zero
	                                after the header, ECMA-130 §14.3) whatever they hold */
	RAWCD_MODE_MODE2_FORMLESS, /**< MODE2: 2336 bytes of formless Mode 2 (no EDC or ECC); MODE2_FORM_MIX,
	                                whose 2336 bytes start with a subheader, is RAWCD_MODE_MODE2_2336 */
	RAWCD_MODE_MODE2_FORM1,    /**< MODE2_FORM1: 2048 user bytes; recorded as XA Form 1 with subheader
	                                00 00 08 00 (data) */
	RAWCD_MODE_MODE2_FORM2     /**< MODE2_FORM2: 2324 user bytes; recorded as XA Form 2 with subheader
	                                00 00 20 00 (Form 2) */
};

/** Track flags (CUE FLAGS). PRE, DCP and 4CH have the values of their Q CONTROL bits (IEC 60908 §17.5.1). */
enum rawcd_track_flag {
	RAWCD_FLAG_PRE = 0x01,  /**< audio with pre-emphasis */
	RAWCD_FLAG_DCP = 0x02,  /**< digital copy permitted */
	RAWCD_FLAG_4CH = 0x08,  /**< four-channel audio */
	RAWCD_FLAG_SCMS = 0x10  /**< serial copy management: copy bit alternates (IMAPI COPY_SCMS); not in CONTROL */
};

/** CD-TEXT items a CUE sheet can give (pack types 80h–87h and 8Eh, MMC-6 Annex J). */
enum rawcd_cdtext_item {
	RAWCD_CDTEXT_TITLE,
	RAWCD_CDTEXT_PERFORMER,
	RAWCD_CDTEXT_SONGWRITER,
	RAWCD_CDTEXT_COMPOSER,
	RAWCD_CDTEXT_ARRANGER,
	RAWCD_CDTEXT_MESSAGE,
	RAWCD_CDTEXT_DISC_ID,
	RAWCD_CDTEXT_GENRE,
	RAWCD_CDTEXT_UPC_ISRC, /**< disc: UPC/EAN; track: ISRC, as CD-TEXT pack 8Eh */
	RAWCD_CDTEXT_ITEM_COUNT
};

/** Text of one CD-TEXT block (disc or track). Each entry is NUL-terminated bytes as the sheet gave them,
 *  or NULL. `not_utf8` is true when some entry is not valid UTF-8 (kept as bytes; e.g. Latin-1). */
struct rawcd_cdtext {
	char *item[RAWCD_CDTEXT_ITEM_COUNT];
	bool not_utf8;
};

/** One input file named by a FILE line. */
struct rawcd_file {
	char *name;       /**< as written in the sheet */
	char *path;       /**< resolved path (sheet folder + name, or the case-insensitive match) */
	enum rawcd_file_type type;
	unsigned line;    /**< line of the FILE statement */
	bool loaded;      /**< true once rawcd_disc_load_files() has measured it */
	uint64_t bytes;   /**< size in bytes (BINARY/MOTOROLA) or 4 * sample frames (audio files) */
	uint32_t sectors; /**< length in sectors of its tracks' sector size, rounded up (padded) */
	uint64_t byte_offset; /**< bytes before the data the disc uses (cdrdao `#offset` and start times;
	                           a raw image's lead-in is skipped through extents instead); 0 for CUE */
	uint64_t byte_length; /**< bytes used from @c byte_offset on (cdrdao's length); 0 = to the end */
	unsigned record_size; /**< bytes from one sector to the next in the file when it is not the track mode's
	                           size: 2448 or 2368 for a raw image whose records carry subcode after the
	                           2352 main bytes; 0 = rawcd_track_mode_file_sector_size() */
	bool swap;            /**< audio stored big-endian although the type says otherwise (cdrdao SWAP) */
	bool scrambled;       /**< its data sectors (2352-byte, of data tracks) are stored scrambled
	                           (ECMA-130 Annex B), as a CloneCD .img with DataTracksScrambled=1: the
	                           sector stream descrambles them; audio sectors are never scrambled */
	rawcd_read_fn read;   /**< RAWCD_FILE_CALLBACK: the function that gives the bytes; NULL otherwise */
	void *read_ctx;       /**< passed to @c read; owned by the caller, who keeps it alive while a stream
	                           over the disc reads it */
};

#define RAWCD_NO_FILE ((size_t)-1) /**< rawcd_index.file of an index given before any FILE line */

/** One INDEX of a track. */
struct rawcd_index {
	unsigned number;   /**< 0–99 */
	size_t file;       /**< into rawcd_disc.files, or RAWCD_NO_FILE (a sheet with no FILE line) */
	uint32_t offset;   /**< sectors from the start of that file (the CUE mm:ss:ff) */
	unsigned line;     /**< line of the INDEX statement */
	int32_t lba;       /**< laid out: the index's LBA */
};

/** One track. */
struct rawcd_track {
	unsigned number;              /**< TNO 1–99 */
	unsigned session;             /**< 1-based session number */
	enum rawcd_track_mode mode;
	unsigned flags;               /**< ::rawcd_track_flag bits */
	char isrc[RAWCD_ISRC_SIZE];   /**< 12 characters, or "" */
	uint32_t pregap;              /**< PREGAP: generated sectors before the first index from the file */
	uint32_t postgap;             /**< POSTGAP: generated sectors after the track's file data */
	struct rawcd_index *indexes;  /**< in ascending number */
	size_t index_count;
	struct rawcd_cdtext cdtext;
	unsigned line;                /**< line of the TRACK statement */
	/* Filled by rawcd_disc_layout(): */
	int32_t pregap_lba;  /**< first sector of the pregap (generated PREGAP or INDEX 00), = start_lba if none */
	int32_t start_lba;   /**< INDEX 01: IMAPI StartingLba, the address in the TOC */
	uint32_t length;     /**< sectors from INDEX 01 to the next track's INDEX 01 or the session's lead-out
	                          (the length READ TOC implies); IMAPI SectorCount */
	int32_t end_lba;     /**< one past the track's last sector (before the next track's pregap) */
};

/** One session (REM SESSION nn in the sheet; a single-session sheet has one). */
struct rawcd_session {
	unsigned number;        /**< 1-based */
	size_t first_track;     /**< index into rawcd_disc.tracks */
	size_t track_count;
	uint8_t disc_type;      /**< A0 PSEC: 0x00 CD-DA or CD-ROM, 0x10 CD-i, 0x20 CD-ROM XA */
	uint32_t leadout_length;/**< sectors of its lead-out (REM LEAD-OUT, else 6750): gap to the next session */
	uint32_t leadin_length; /**< sectors of its lead-in (REM LEAD-IN, else 4500; session 1: not in the gap) */
	int32_t leadout_lba;    /**< laid out: StartOfLeadout of this session */
};

/** One REM line, kept in sheet order. */
struct rawcd_rem {
	char *text;     /**< everything after "REM ", as written */
	unsigned line;
	int track;      /**< index into rawcd_disc.tracks of the track it stands in, -1 before the first TRACK */
};

/** A run of consecutive sectors of the image: file content or generated (PREGAP, POSTGAP). Laid out. */
struct rawcd_extent {
	int32_t lba;       /**< first sector */
	uint32_t sectors;  /**< how many */
	size_t file;       /**< into rawcd_disc.files, or RAWCD_NO_FILE for generated sectors (silence or
	                        zero data sectors of the track's mode) */
	uint32_t offset;   /**< first sector within the file (sectors of its size); 0 when generated */
};

/** A disc. */
struct rawcd_disc {
	char *sheet_path;            /**< the sheet as the user named it (for diagnostics) */
	struct rawcd_file *files;
	size_t file_count;
	struct rawcd_track *tracks;
	size_t track_count;
	struct rawcd_session *sessions;
	size_t session_count;
	struct rawcd_rem *rems;
	size_t rem_count;
	char mcn[RAWCD_MCN_SIZE];    /**< CATALOG: 13 digits, or "" (IMAPI MediaCatalogNumber) */
	char *cdtextfile;            /**< CDTEXTFILE as written, or NULL */
	unsigned cdtextfile_line;    /**< its line in the sheet */
	struct rawcd_cdtext cdtext;  /**< disc-level CD-TEXT */
	bool laid_out;               /**< true after a successful rawcd_disc_layout() */
	int32_t last_used_user_sector; /**< laid out: IMAPI LastUsedUserSectorInImage = leadout - 1 */
	struct rawcd_extent *extents;  /**< laid out: the image from LBA 0 to the last lead-out, in LBA order;
	                                    within a session they join up; the gap between sessions (lead-out,
	                                    lead-in) is in none */
	size_t extent_count;
	enum rawcd_input_kind input_kind; /**< the reader that built it */
	struct rawcd_recorded_subcode recorded_subcode; /**< what the image recorded (CloneCD, raw), or none */
	uint8_t (*cdtext_pack)[18];  /**< CD-TEXT packs the input gave as packs or blocks (a TOC file's
	                                  language blocks, a .ccd's [CDText]), all blocks in recorded order;
	                                  when there are some they are the disc's CD-TEXT (before CDTEXTFILE
	                                  and the CUE keywords; rawcd_cdtext_for_disc()) */
	size_t cdtext_pack_count;
	bool last_session_open;      /**< the disc is to be left appendable (rawcd_burn() with multi sets it
	                                  on its copy): the last session's lead-in carries B0 too, pointing
	                                  past its lead-out (6750 sectors, or its leadout_length) and a
	                                  4500-sector lead-in, and session 1's carries C0 (rawcd_toc_from_disc()) */
};

/** Options for rawcd_disc_layout(). Initialise with RAWCD_LAYOUT_OPTIONS_INIT. */
struct rawcd_layout_options {
	unsigned version;      /**< RAWCD_LAYOUT_OPTIONS_VERSION */
	int32_t capacity_lba;  /**< the latest LBA the last lead-out may start at (default 79:59:74) */
};
#define RAWCD_LAYOUT_OPTIONS_VERSION 1
#define RAWCD_LAYOUT_OPTIONS_INIT { RAWCD_LAYOUT_OPTIONS_VERSION, RAWCD_DEFAULT_CAPACITY }

/** Free a disc and everything it owns. Accepts NULL. */
void rawcd_disc_free(struct rawcd_disc *disc);

/** Bytes per sector of a mode as stored in a BINARY/MOTOROLA file: 2352, 2448 (CDG), 2048, 2336 or 2324
 *  (MODE2_FORM2). */
unsigned rawcd_track_mode_file_sector_size(enum rawcd_track_mode mode);

/** The CUE spelling of a mode ("AUDIO", "MODE1/2048", "CDI/2352", ...); cdrdao's for the TOC-only modes
 *  ("MODE0", "MODE2", "MODE2_FORM1", "MODE2_FORM2"). */
const char *rawcd_track_mode_name(enum rawcd_track_mode mode);

/** true for AUDIO and CDG. */
bool rawcd_track_mode_is_audio(enum rawcd_track_mode mode);

/** The CUE keyword of a CD-TEXT item ("TITLE", ..., "UPC_EAN"); NULL for a value out of range. */
const char *rawcd_cdtext_keyword(enum rawcd_cdtext_item item);

/** The CUE FLAGS word of one ::rawcd_track_flag bit ("DCP", "4CH", "PRE", "SCMS"); NULL for other values. */
const char *rawcd_track_flag_name(unsigned flag);

#define RAWCD_FLAGS_TEXT_SIZE 18 /**< room for "DCP 4CH PRE SCMS" and its NUL */

/**
 * The CUE FLAGS words of @p flags, space-separated, in the order DCP 4CH PRE SCMS ("" for none).
 * @param buf RAWCD_FLAGS_TEXT_SIZE bytes. @return @p buf.
 */
char *rawcd_track_flags_text(unsigned flags, char buf[RAWCD_FLAGS_TEXT_SIZE]);

/** The CUE spelling of a file type ("BINARY", "WAVE", ...). */
const char *rawcd_file_type_name(enum rawcd_file_type type);

/**
 * Q-channel CONTROL nibble of a track (IEC 60908 §17.5.1, ECMA-130 §22.3.2.1): bit 2 (4) data,
 * bit 1 (2) digital copy permitted (DCP; SCMS gives 0 here), bit 0 (1) pre-emphasis, bit 3 (8) 4-channel,
 * the last two for audio only.
 */
uint8_t rawcd_track_control(const struct rawcd_track *track);

/**
 * Measure every file of the disc: BINARY/MOTOROLA by size and the sector size of the tracks that use
 * it; WAVE/AIFF/FLAC/MP3 through libsndfile by frame count (must be 44.1 kHz, 16-bit, 2 channels).
 * A file that is not a whole number of sectors is padded (a warning).
 * @return RAWCD_OK; RAWCD_E_INPUT (missing, unreadable, wrong audio format: entries name the file and
 *         the FILE line; an INDEX with no FILE before it); RAWCD_E_NOMEM.
 */
int rawcd_disc_load_files(struct rawcd_disc *disc, rawcd_diag *diag);

/**
 * Lay the disc out: LBAs of every index, pregaps (INDEX 00 and generated PREGAP), POSTGAP, track
 * lengths, lead-outs (StartOfLeadout) and LastUsedUserSectorInImage. Session n > 1 starts its first
 * track's INDEX 01 RAWCD_SESSION_GAP (11,400) sectors after the previous lead-out: the previous
 * session's lead-out (REM LEAD-OUT, else 6750), this session's lead-in (REM LEAD-IN, else 4500) and the
 * 150-sector pregap (Orange Book part II). Warns about tracks under 4 s (300 sectors, ECMA-130 §22.3.3.1)
 * and data tracks that follow audio without a 150-sector pregap (IEC 60908 §18).
 * Precondition: rawcd_disc_load_files() succeeded.
 * @return RAWCD_OK; RAWCD_E_LAYOUT (an index beyond its file's end, indexes out of order in LBA, the
 *         lead-out beyond opts->capacity_lba); RAWCD_E_ARG (files not loaded, an INDEX with no FILE).
 */
int rawcd_disc_layout(struct rawcd_disc *disc, const struct rawcd_layout_options *opts, rawcd_diag *diag);

/** The first track number (IMAPI StartingTrackNumber); 0 for a disc with no tracks. */
unsigned rawcd_disc_first_track(const struct rawcd_disc *disc);

/** The last track number; 0 for a disc with no tracks. */
unsigned rawcd_disc_last_track(const struct rawcd_disc *disc);

/** The lead-out LBA of the last session (IMAPI StartOfLeadout). Precondition: laid out. */
int32_t rawcd_disc_leadout_lba(const struct rawcd_disc *disc);

#ifdef __cplusplus
}
#endif
#endif
