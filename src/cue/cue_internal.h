/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal to the cue module: the line lexer, the statement parser and the libcue bridge. */
#ifndef RCD_CUE_INTERNAL_H
#define RCD_CUE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "rawcd/cue.h"
#include "rawcd/disc.h"

#define RCD_CUE_MAX_TOKENS 16
#define RCD_CUE_MAX_SHEET (1u << 20) /* 1 MiB: a sheet of 99 tracks with full CD-TEXT is under 64 KiB */
#define RCD_CUE_MAX_TEXT 1000u       /* bytes of one CD-TEXT item (CDTEXTFILE name too) */

/* One word of a line: quoted ("...") or bare. `text` points into the lexer's own copy of the sheet. */
struct rcd_cue_token {
	const char *text;
	bool quoted;
};

/* One non-blank line of a sheet, split into words. The keyword (token 0) is matched without case. */
struct rcd_cue_line {
	unsigned number;     /* 1-based line in the sheet */
	struct rcd_cue_token tok[RCD_CUE_MAX_TOKENS];
	size_t count;        /* words on the line; over RCD_CUE_MAX_TOKENS sets `too_many` */
	bool too_many;
	const char *rest;    /* the line after the keyword and its spaces, unsplit (for REM and bare text) */
	bool unterminated;   /* a quote was opened and not closed */
};

struct rcd_cue_lexed {
	char *buf;                  /* owned copy of the sheet, cut into NUL-terminated words */
	struct rcd_cue_line *lines; /* non-blank lines only */
	size_t count;
	unsigned last_line;         /* number of the last line holding anything (for errors at the end) */
	bool had_bom;
};

/* Split a sheet into lines and words. Handles a UTF-8 BOM, CRLF/CR/LF, a missing final newline.
 * Returns RAWCD_OK, RAWCD_E_SYNTAX (a NUL byte: the file is not a text sheet) or RAWCD_E_NOMEM. */
int rcd_cue_lex(struct rcd_cue_lexed *out, const char *text, size_t len, const char *sheet, rawcd_diag *diag);
void rcd_cue_lexed_free(struct rcd_cue_lexed *lx);

/* Statements → disc model, with every rule checked (cue_parse.c). */
int rcd_cue_build(struct rawcd_disc *disc, const struct rcd_cue_lexed *lx, rawcd_diag *diag);

/* Parse a canonical copy of the accepted sheet with libcue, take the CD-TEXT from it and check that it
 * agrees with our model (cue_libcue.c, the only file that includes libcue.h). */
int rcd_cue_libcue_merge(struct rawcd_disc *disc, rawcd_diag *diag);

/* Resolve each FILE name against the sheet's folder, with a case-insensitive fallback (cue_resolve.c). */
int rcd_cue_resolve_paths(struct rawcd_disc *disc, rawcd_diag *diag);

/* true if the NUL-terminated bytes are valid UTF-8. */
bool rcd_utf8_valid(const char *s);

#endif
