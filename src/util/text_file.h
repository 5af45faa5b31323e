/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: reading a small text input (a .ccd, a cdrdao TOC file) whole, with a size limit. */
#ifndef RCD_UTIL_TEXT_FILE_H
#define RCD_UTIL_TEXT_FILE_H

#include <stddef.h>

#include "rawcd/diag.h"

/* Read @p path whole into a malloc'd buffer (*out, *len bytes; not NUL-terminated) when it holds at most
 * @p max bytes. Errors name @p path: RAWCD_E_INPUT when it cannot be opened or is over @p max bytes (then
 * "is over 1 MiB, " followed by @p too_big: what the user probably named instead), RAWCD_E_IO when a read
 * fails, RAWCD_E_NOMEM. */
int rcd_read_text_file(const char *path, size_t max, const char *too_big, char **out, size_t *len,
		       rawcd_diag *diag);

#endif
