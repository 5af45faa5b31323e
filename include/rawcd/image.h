/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file image.h
 * @brief Image writers: the sector stream of a laid-out disc into files, written safely.
 *
 * Output goes to temporary files in the destination folder, is fsync'd and then renamed into place, so
 * a reader never sees a partial image; on any failure or cancellation the temporary files are removed
 * and existing files are untouched (unless `force` let them be replaced). Inputs are never written.
 */
#ifndef RAWCD_IMAGE_H
#define RAWCD_IMAGE_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "disc.h"
#include "subcode.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats (DESIGN.md §3; IMAPI_FORMAT2_RAW_CD_DATA_SECTOR_TYPE for the last three). */
enum rawcd_image_format {
	RAWCD_IMAGE_BIN,      /**< 2352-byte sectors from LBA 0 to the lead-out + a CUE sheet beside it */
	RAWCD_IMAGE_CLONECD,  /**< STEM.img (= the BIN image), STEM.sub (96 bytes a sector, channel after
	                           channel) and STEM.ccd (the full TOC, CD-TEXT, tracks and indexes) */
	RAWCD_IMAGE_RAW96,    /**< 2448-byte sectors: 2352 + 96 raw interleaved P–W (block type 3, IS_RAW) */
	RAWCD_IMAGE_PACKED96, /**< 2448-byte sectors: 2352 + 96 with R–W packed (block type 2, IS_COOKED) */
	RAWCD_IMAGE_PQ16,     /**< 2368-byte sectors: 2352 + 16 bytes of P and Q (block type 1, PQ_ONLY) */
	RAWCD_IMAGE_TOC       /**< the BIN image (as RAWCD_IMAGE_BIN) + a cdrdao TOC file STEM.toc beside it
	                           (rawcd_image_toc_text()) instead of the CUE sheet */
};

/** Called now and then while writing: @p done of @p total sectors. */
typedef void (*rawcd_progress_fn)(void *user, uint64_t done, uint64_t total);

/** Options of rawcd_image_write(). Initialise with RAWCD_IMAGE_OPTIONS_INIT. */
struct rawcd_image_options {
	unsigned version;                   /**< RAWCD_IMAGE_OPTIONS_VERSION */
	enum rawcd_image_format format;
	bool force;                         /**< replace existing output files */
	rawcd_progress_fn progress;         /**< NULL for none */
	void *progress_user;
	const volatile sig_atomic_t *cancel; /**< polled between batches; non-zero stops the write cleanly
	                                          (a SIGINT handler can set it); NULL for none */
	uint32_t leadin_sectors;  /**< RAW96/PACKED96/PQ16: sectors before LBA 0 (the track-1 pregap is the
	                               last 150 of them): 0 to start at LBA 0, RAWCD_LEADIN_SECTORS to start at
	                               95:00:00 as IMAPI2 does; at most 45150 (90:00:00) */
	uint32_t leadout_sectors; /**< RAW96/PACKED96/PQ16: lead-out sectors after the program area (0 for
	                               none; a recorder writes RAWCD_LEADOUT_DEFAULT) */
	bool regenerate_subcode;  /**< CLONECD/RAW96/PACKED96/PQ16: generate all subcode, ignoring what the
	                               input recorded (a CloneCD .sub, a raw image's P–W); false keeps it
	                               (rawcd_stream_options.regenerate_subcode) */
	bool split;               /**< BIN and TOC: one file per track (rawcd_image_split_path()) instead of
	                               one BIN, and the sheet lists them */
	bool scrambled;           /**< BIN only: a redumper-style scrambled image STEM.scram instead (see
	                               rawcd_image_write()); no sheet */
};
#define RAWCD_SCRAM_FIRST_LBA (-45150) /**< LBA of the first sector of a .scram file (redumper: the 10
                                            minutes of negative MSF before LBA 0, 90:00:00 = -45150) */
#define RAWCD_LEADIN_SECTORS 22650 /**< from 95:00:00: IMAPI2's lead-in */
#define RAWCD_IMAGE_OPTIONS_VERSION 1
#define RAWCD_IMAGE_OPTIONS_INIT { RAWCD_IMAGE_OPTIONS_VERSION, RAWCD_IMAGE_BIN, false, NULL, NULL, NULL, 0, 0, false, false, \
				   false }

/**
 * Write a laid-out disc.
 * - RAWCD_IMAGE_BIN: @p out_path gets every sector from LBA 0 to the lead-out, 2352 bytes each (the
 *   program area as READ CD returns it: generated PREGAPs stored, as INDEX 00), and the CUE sheet beside
 *   it, with the same stem and the extension .cue (`x.bin` → `x.cue`, `x` → `x.cue`), describes it: one
 *   FILE, every track and index, CATALOG, FLAGS, ISRC, CD-TEXT, CDTEXTFILE and REM lines carried over.
 *   Converting that sheet again gives the same bytes. A CDTEXTFILE that cannot be read is a warning
 *   here (rawcd_cdtext_file_check()): only its line is copied.
 * - RAWCD_IMAGE_CLONECD: STEM.img, STEM.sub and STEM.ccd, STEM being @p out_path without an .img, .sub or
 *   .ccd extension; LBA 0 to the lead-out.
 * - RAWCD_IMAGE_TOC: as RAWCD_IMAGE_BIN, with the cdrdao TOC file STEM.toc (rawcd_image_toc_text()) in
 *   place of the CUE sheet; @p out_path must not end in ".toc". A multisession disc is refused.
 * - opts->split (BIN and TOC only): no single BIN; each track's sectors, from its INDEX 00 (else INDEX
 *   01; LBA 0 for the first track) to the next track's, go to their own file named by
 *   rawcd_image_split_path(), and the sheet (STEM.cue, rawcd_image_split_cue_text(), or STEM.toc) lists
 *   them; the files joined are the one-file BIN byte for byte. A multisession disc is refused.
 * - opts->scrambled (BIN only, no split, one session): STEM.scram (STEM is @p out_path without a .bin or
 *   .scram extension), laid out as redumper's .scram dumps (the main channel as READ CD returns it when
 *   data is read as audio): 2352 bytes a sector from LBA RAWCD_SCRAM_FIRST_LBA (-45150) to the lead-out,
 *   data sectors scrambled (ECMA-130 Annex B, bytes 12–2351), audio as it is. LBA -45150 to -151 (the
 *   lead-in, which a drive does not return) are zeros, stored as a hole; -150 to -1 are track 1's pregap
 *   in its kind (silence, or zero-data sectors of its mode, scrambled); no lead-out; write offset 0.
 * - RAWCD_IMAGE_RAW96, PACKED96, PQ16: @p out_path gets (leadin + program + leadout) sectors of 2448,
 *   2448 or 2368 bytes, from LBA -opts->leadin_sectors on: the lead-in carries the TOC in Q and the
 *   CD-TEXT (the sheet's texts, or its CDTEXTFILE) in R–W.
 * A multisession disc: BIN and CLONECD files hold each session's readable sectors right after the previous
 *   session's (the lead-out, lead-in and unstored pregap between sessions, RAWCD_SESSION_GAP, are not
 *   stored, as Redump's and CloneCD's images leave them out); the CUE sheet puts them back with Redump's
 *   REM SESSION / LEAD-OUT / LEAD-IN / PREGAP lines before each later session, the .ccd with every
 *   session's full TOC (B0, C0) and [TRACK n] INDEX values counted from the session's first stored sector
 *   (libmirage's reading). RAW96, PACKED96 and PQ16 run on through each lead-out and lead-in.
 * The encoding and the writing overlap in two threads; memory stays under a few MB at any size.
 * @param disc laid out; @param out_path the image file; must not end in ".cue".
 * @param opts NULL for defaults.
 * @return RAWCD_OK; RAWCD_E_ARG (bad path, missing folder, an output exists without force, an output
 *         is one of the inputs, lead-in/lead-out with a format that has no subcode, split with a format
 *         other than BIN or TOC); RAWCD_E_UNSUPPORTED (CD+G with PACKED96; TOC of a disc whose first
 *         track is not 01; a multisession disc as TOC, split or scrambled); RAWCD_E_INPUT (reading an
 *         input, a missing or bad CDTEXTFILE with a format that has subcode);
 *         RAWCD_E_LAYOUT (CD-TEXT too long); RAWCD_E_IO (writing failed: disk full, file size limit, I/O
 *         error); RAWCD_E_CANCELED. Each failure leaves no output file behind. Details are in @p diag.
 */
int rawcd_image_write(const struct rawcd_disc *disc, const char *out_path, const struct rawcd_image_options *opts,
		      rawcd_diag *diag);

/**
 * The files rawcd_image_write() writes for @p out_path in @p format, in this order: the image (BIN,
 * RAW96, PACKED96, PQ16: @p out_path; CLONECD: STEM.img), then STEM.sub (CLONECD), then the text file
 * (BIN: the CUE sheet; CLONECD: STEM.ccd). Nothing is looked at on disk.
 * @param out a malloc'd NULL-terminated array of malloc'd paths, written only on success; free it with
 *        rawcd_image_output_paths_free().
 * @return RAWCD_OK; RAWCD_E_ARG (NULL, an unknown format); RAWCD_E_NOMEM.
 */
int rawcd_image_output_paths(char ***out, const char *out_path, enum rawcd_image_format format);

/** Free what rawcd_image_output_paths() returned. Accepts NULL. */
void rawcd_image_output_paths_free(char **paths);

/**
 * The CUE sheet rawcd_image_write() writes beside a BIN image named @p bin_name (the FILE line).
 * @param out a malloc'd NUL-terminated text; free() it.
 * @return RAWCD_OK; RAWCD_E_ARG (disc not laid out); RAWCD_E_NOMEM.
 */
int rawcd_image_bin_cue_text(char **out, const struct rawcd_disc *disc, const char *bin_name);

/**
 * The CUE sheet of a split image (rawcd_image_options.split): before each TRACK a `FILE "NAME" BINARY`
 * line naming its file, its INDEX lines counted from that file's start (INDEX 00 00:00:00 when the
 * track has a pregap in the image, else INDEX 01 00:00:00; the first track's file starts at LBA 0).
 * @param file_names disc->track_count names, as the FILE lines give them (no double quote).
 * @param out a malloc'd NUL-terminated text; free() it.
 * @return RAWCD_OK; RAWCD_E_ARG (disc not laid out, a NULL name or one with a double quote); RAWCD_E_NOMEM.
 */
int rawcd_image_split_cue_text(char **out, const struct rawcd_disc *disc, const char *const *file_names);

/**
 * The name of track @p track's file of a split image: STEM (@p out_path without its last extension)
 * + " (Track N).bin", N zero-padded to two digits only when the disc has 10 or more tracks (its
 * highest track number is 10 or more); STEM.bin for a single-track disc. This is Redump's rule, as its
 * dumper redumper writes the names (cd/toc.ixx, TOC::printCUE and getTrackString()).
 * @param track an index into disc->tracks. @param out malloc'd; free() it.
 * @return RAWCD_OK; RAWCD_E_ARG; RAWCD_E_NOMEM.
 */
int rawcd_image_split_path(char **out, const struct rawcd_disc *disc, const char *out_path, size_t track);

/**
 * The cdrdao TOC file (cdrdao 1.2.4's grammar, cdrdao(1) "TOC FILES") of the BIN image rawcd_image_write()
 * writes: CD_DA, CD_ROM, CD_ROM_XA or CD_I; CATALOG; CD_TEXT with a LANGUAGE_MAP and every language
 * block of rawcd_cdtext_for_disc()'s packs, decoded by rawcd_cdtext_decode() (an item given for the
 * disc or a track in one language is written for all, "" where absent, as cdrdao requires; double-byte
 * blocks are left out with a warning); then each track: its mode as the BIN stores it (AUDIO,
 * MODE1_RAW, MODE2_RAW), COPY, PRE_EMPHASIS, FOUR_CHANNEL_AUDIO, ISRC (audio only), CD_TEXT, the sectors
 * it takes from the file (`DATAFILE "F" #BYTE LENGTH`, or for audio `FILE "F" SWAP #BYTE 0 LENGTH`:
 * cdrdao reads raw audio files big-endian, the BIN is little-endian), `START MSF` when a pregap
 * (INDEX 00) is stored before its INDEX 01, `INDEX MSF` for each index 02+ (from INDEX 01). A track
 * spans from its first sector (rawcd_image_split_path()'s rule) to the next track's.
 * @param file_names one name (the one BIN: byte offsets from LBA 0) or disc->track_count (split: each
 *        track from byte 0 of its file); without '"' or '\'.
 * @param diag warnings (a data track's ISRC, SCMS, CD+G R–W and double-byte CD-TEXT left out) and errors.
 * @return RAWCD_OK; RAWCD_E_ARG (not laid out, bad names or count); RAWCD_E_UNSUPPORTED (more than one
 *         session: a TOC file holds one; a first track other than 01); RAWCD_E_INPUT (a bad CDTEXTFILE,
 *         CD-TEXT packs that do not decode); RAWCD_E_LAYOUT (CD-TEXT too long); RAWCD_E_NOMEM.
 */
int rawcd_image_toc_text(char **out, const struct rawcd_disc *disc, const char *const *file_names, size_t file_count,
			 rawcd_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
