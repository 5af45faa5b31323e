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
	RAWCD_IMAGE_PQ16      /**< 2368-byte sectors: 2352 + 16 bytes of P and Q (block type 1, PQ_ONLY) */
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
};
#define RAWCD_LEADIN_SECTORS 22650 /**< from 95:00:00: IMAPI2's lead-in */
#define RAWCD_IMAGE_OPTIONS_VERSION 1
#define RAWCD_IMAGE_OPTIONS_INIT { RAWCD_IMAGE_OPTIONS_VERSION, RAWCD_IMAGE_BIN, false, NULL, NULL, NULL, 0, 0, false }

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
 *         is one of the inputs, lead-in/lead-out with a format that has no subcode); RAWCD_E_UNSUPPORTED
 *         (CD+G with PACKED96); RAWCD_E_INPUT (reading an input, a missing or bad
 *         CDTEXTFILE with a format that has subcode);
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

#ifdef __cplusplus
}
#endif
#endif
