/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file rawimage.h
 * @brief Raw images with subcode (2448-byte sectors: 2352 main + 96 raw P–W, as `convert --format raw96`
 *        writes; 2368-byte: 2352 + 16 P/Q, as `pq16`) → a laid-out disc model recovered from their Q.
 */
#ifndef RAWCD_RAWIMAGE_H
#define RAWCD_RAWIMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "disc.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Read a raw image and recover its layout from Q (IEC 60908 §17.5, ECMA-130 §22.3), in two streaming
 * passes over its records (memory stays small at any size):
 * - where LBA 0 lies: the LBA of record 0 is what most position frames (ADR 1, TNO 1-99 or AAh, valid
 *   CRC) say: their absolute time minus their record number. It must be 0 or below (an image starts at
 *   its lead-in, at track 1's pregap -150, or at LBA 0). Frames with a bad CRC are skipped; a lone frame
 *   whose time is not its record's is skipped too (a warning counts both); two in a row are refused;
 * - tracks and indexes from the TNO/INDEX runs (INDEX 01 and lead-out starts from the relative time when
 *   the frames before them are damaged); CONTROL gives audio or data and the flags DCP, PRE, 4CH (SCMS
 *   cannot be told); a data track is MODE2/2352 when its first synced sector says Mode 2, else
 *   MODE1/2352; MCN from ADR 2, ISRCs from ADR 3; in a raw96 image, the CD-TEXT packs of the first
 *   lead-in's R-W (one cycle, rawcd_disc.cdtext_pack);
 * - multisession: a lead-out (TNO AAh), then a lead-in (TNO 0), then the next session's tracks; the
 *   lengths of those lead-outs and lead-ins become the sessions' leadout_length and leadin_length, so
 *   that rawcd_disc_layout() puts every track where the image has it (checked after the layout). The
 *   150-sector pregap of a later session's first track is the one the layout always leaves (its INDEX 00
 *   is not in the model, as for track 1's pregap);
 * - a lead-in's TOC (A0, A1, A2, points, B0, C0) is checked against the program area: a warning for a
 *   track start, CONTROL or B0 that differs; A0, A1 or A2 that differ (another first or last track or
 *   lead-out: a cut image or not that disc's lead-in) are refused.
 * The disc has one BINARY file per session, all the image: file sector 0 of session 1 is LBA 0, of a
 * later session its first track's INDEX 01 (byte_offset), up to the session's lead-out (byte_length);
 * record_size 2448 or 2368 (the sector is the first 2352 bytes of a record). Its recorded subcode is the
 * image's (RAWCD_SUBSTORE_RAW96 or PQ16, first_lba the LBA of record 0, every record).
 * @param out the disc, laid out, written only on success; free with rawcd_disc_free().
 * @param opts unused (the image's lead-out is where it is; no capacity applies); may be NULL.
 * @return RAWCD_OK; RAWCD_E_INPUT (cannot be opened; not a whole number of records; no position frame
 *         with a valid CRC; times that jump; TNOs or INDEXes out of order; cut in a lead-in or a pregap;
 *         lead-ins, lead-outs and tracks out of order; a lead-in whose A0/A1/A2 disagree: each entry names
 *         the file and, where there is one, the record and LBA); RAWCD_E_IO; RAWCD_E_LAYOUT;
 *         RAWCD_E_NOMEM; RAWCD_E_ARG (NULL).
 */
int rawcd_rawimage_load(struct rawcd_disc **out, const char *path, const struct rawcd_layout_options *opts,
			rawcd_diag *diag);

/** The record size (2448 or 2368) if @p data (@p len bytes from the start of a file) holds data sectors'
 *  sync patterns or valid Q CRCs at that stride in at least three in four of its first 16 records (and
 *  in two at least); 0 otherwise (NULL, fewer than 2 records). */
unsigned rawcd_rawimage_sniff(const uint8_t *data, size_t len);

#ifdef __cplusplus
}
#endif
#endif
