/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file tocfile.h
 * @brief cdrdao TOC files (`.toc`, cdrdao 1.2.4's grammar) → a laid-out disc model.
 */
#ifndef RAWCD_TOCFILE_H
#define RAWCD_TOCFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "disc.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Read a cdrdao TOC file, measure its files and lay the disc out.
 * @param out the disc, written only on success; free with rawcd_disc_free().
 * @param opts layout options; NULL for defaults.
 * @return RAWCD_OK; RAWCD_E_SYNTAX (a line breaks the grammar: file and line in @p diag); RAWCD_E_INPUT;
 *         RAWCD_E_LAYOUT; RAWCD_E_UNSUPPORTED; RAWCD_E_NOMEM.
 */
int rawcd_tocfile_load(struct rawcd_disc **out, const char *path, const struct rawcd_layout_options *opts,
		       rawcd_diag *diag);

/** true if @p text (@p len bytes) reads as a cdrdao TOC file: its first keyword, past `//` comments and
 *  blanks, is CD_DA, CD_ROM, CD_ROM_XA, CD_I, CATALOG, CD_TEXT or TRACK. */
bool rawcd_tocfile_sniff(const char *text, size_t len);

#ifdef __cplusplus
}
#endif
#endif
