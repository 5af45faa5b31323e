/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: appending to a diagnostics list. */
#ifndef RCD_UTIL_DIAG_H
#define RCD_UTIL_DIAG_H

#include "rawcd/diag.h"

/* Append an entry; a NULL list is allowed (the entry is dropped). Out of memory drops the entry too:
 * diagnostics must never turn a result into a different failure. Returns @p code for tail calls. */
int rcd_diag_add(rawcd_diag *diag, enum rawcd_severity sev, int code, const char *file, unsigned line,
		 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#define rcd_error(diag, code, file, line, ...) rcd_diag_add(diag, RAWCD_SEV_ERROR, code, file, line, __VA_ARGS__)
#define rcd_warn(diag, file, line, ...) rcd_diag_add(diag, RAWCD_SEV_WARNING, 0, file, line, __VA_ARGS__)
#define rcd_note(diag, file, line, ...) rcd_diag_add(diag, RAWCD_SEV_NOTE, 0, file, line, __VA_ARGS__)

#endif
