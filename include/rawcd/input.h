/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file input.h
 * @brief Any image in: a CUE sheet, a cdrdao TOC file, a CloneCD image or a raw image with subcode,
 *        recognised by content, read into one laid-out disc model (DESIGN.md §1, "Readers and writers").
 *
 * Every command takes every input through rawcd_input_load(): the readers (cue.h, tocfile.h, ccd.h,
 * rawimage.h) build the same struct rawcd_disc, so layout, TOC, encoding and burning are one path. A
 * reader never writes. Detection looks at the content first (`[CloneCD]`; cdrdao's `CD_DA`/`CD_ROM`/
 * `CD_ROM_XA`/`CD_I`/`TRACK` grammar; sync patterns at a 2448- or 2368-byte stride), the extension only
 * when the content says nothing (an empty file, a file of comments, a broken first statement).
 */
#ifndef RAWCD_INPUT_H
#define RAWCD_INPUT_H

#include "diag.h"
#include "disc.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Which reader @p path needs, from its first bytes (at most 64 KiB are read) and, only when they are not
 * conclusive, its extension (.toc, .ccd, .cue; anything else that is text is taken as a CUE sheet).
 * @param out the kind, written only on success.
 * @return RAWCD_OK; RAWCD_E_INPUT (the file cannot be opened or read, or is not a regular file: named in
 *         @p diag); RAWCD_E_ARG (NULL).
 */
int rawcd_input_detect(const char *path, enum rawcd_input_kind *out, rawcd_diag *diag);

/** The reader's name of a kind ("CUE sheet", "cdrdao TOC file", "CloneCD image", "raw image"). */
const char *rawcd_input_kind_name(enum rawcd_input_kind kind);

/**
 * Detect @p path and read it into a laid-out disc: rawcd_cue_load(), rawcd_tocfile_load(),
 * rawcd_ccd_load() (its .sub becomes the disc's recorded subcode) or rawcd_rawimage_load(). The disc's
 * input_kind says which.
 * @param out the disc, written only on success; free with rawcd_disc_free().
 * @param opts layout options (capacity); NULL for defaults.
 * @return RAWCD_OK or any code of the detection and the reader (RAWCD_E_SYNTAX with the file and line of
 *         the first error, RAWCD_E_INPUT, RAWCD_E_LAYOUT, RAWCD_E_UNSUPPORTED, RAWCD_E_NOMEM).
 */
int rawcd_input_load(struct rawcd_disc **out, const char *path, const struct rawcd_layout_options *opts,
		     rawcd_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
