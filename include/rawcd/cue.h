/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file cue.h
 * @brief CUE sheet → disc model, through libcue 2.2, plus what libcue misses.
 *
 * Accepts CDRWin syntax as real sheets write it: a UTF-8 BOM, CRLF or LF, lower-case keywords, no
 * final newline, text that is not UTF-8 (kept as bytes, flagged in rawcd_cdtext.not_utf8). Adds what
 * libcue 2.2.1 drops or lacks: the FILE type, CATALOG, CDG and CDI/2336|2352 modes, every REM line in
 * order, REM SESSION nn and REM LEAD-OUT mm:ss:ff (Redump multisession), seconds/frames range checks,
 * the line of each error. libcue's global state is guarded by a lock and nothing it prints can reach
 * the user: the sheet is checked first and libcue only sees a canonical copy of it.
 */
#ifndef RAWCD_CUE_H
#define RAWCD_CUE_H

#include <stddef.h>

#include "diag.h"
#include "disc.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Parse CUE text into a disc model, reading no other file. Resolves each FILE name against the
 * sheet's folder (a case-insensitive match when the exact name is missing, with a warning) but does not
 * require the files to exist.
 * @param out the new disc, written only on success; free with rawcd_disc_free().
 * @param text the sheet's bytes (NUL bytes inside are an error); @p len bytes long.
 * @param sheet_path the sheet's path: names it in diagnostics, its folder is the base for FILE names.
 * @param diag receives every error and warning with its line; may be NULL.
 * @return RAWCD_OK; RAWCD_E_SYNTAX (the sheet breaks a rule; the first error's line is in @p diag);
 *         RAWCD_E_NOMEM.
 */
int rawcd_cue_parse(struct rawcd_disc **out, const char *text, size_t len, const char *sheet_path,
		    rawcd_diag *diag);

/**
 * Read a sheet from @p path and rawcd_cue_parse() it.
 * @return as rawcd_cue_parse(), and RAWCD_E_INPUT if the sheet cannot be read or is over 1 MiB.
 */
int rawcd_cue_parse_file(struct rawcd_disc **out, const char *path, rawcd_diag *diag);

/**
 * The whole job: rawcd_cue_parse_file(), rawcd_disc_load_files(), rawcd_disc_layout(). Sheet errors
 * are reported before file errors.
 * @param opts NULL for defaults.
 * @return any code of the three calls.
 */
int rawcd_cue_load(struct rawcd_disc **out, const char *path, const struct rawcd_layout_options *opts,
		   rawcd_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
