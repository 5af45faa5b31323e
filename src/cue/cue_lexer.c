/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Lines and words of a CUE sheet. CDRWin syntax: one statement a line, words separated by blanks,
 * strings in double quotes. Real sheets add a UTF-8 BOM, CRLF, lower-case keywords and no final newline. */
#include "cue/cue_internal.h"

#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

/* Cut one line (NUL-terminated, in place) into words. */
static void split_line(struct rcd_cue_line *ln, char *p)
{
	while (is_blank(*p))
		p++;
	while (*p) {
		if (ln->count == 1)
			ln->rest = p;
		if (ln->count == RCD_CUE_MAX_TOKENS) {
			ln->too_many = true;
			return;
		}
		struct rcd_cue_token *t = &ln->tok[ln->count++];
		if (*p == '"') {
			t->quoted = true;
			t->text = ++p;
			char *end = strchr(p, '"');
			if (!end) {
				ln->unterminated = true;
				return;
			}
			*end = '\0';
			p = end + 1;
		} else {
			t->text = p;
			while (*p && !is_blank(*p))
				p++;
			if (*p)
				*p++ = '\0';
		}
		while (is_blank(*p))
			p++;
	}
}

/* `rest` must stay unsplit for REM and bare CD-TEXT values, so it is copied before splitting. */
static int add_line(struct rcd_cue_lexed *lx, size_t *cap, char *start, unsigned number)
{
	char *p = start;
	while (is_blank(*p))
		p++;
	if (*p == '\0')
		return RAWCD_OK;
	if (lx->count == *cap) {
		size_t n = *cap ? *cap * 2 : 64;
		struct rcd_cue_line *l = realloc(lx->lines, n * sizeof(*l));
		if (!l)
			return RAWCD_E_NOMEM;
		lx->lines = l;
		*cap = n;
	}
	struct rcd_cue_line *ln = &lx->lines[lx->count++];
	*ln = (struct rcd_cue_line){.number = number, .rest = ""};
	/* Keep an unsplit copy of everything after the keyword: split_line() writes NULs into `p`. */
	char *kw_end = p;
	while (*kw_end && !is_blank(*kw_end))
		kw_end++;
	while (is_blank(*kw_end))
		kw_end++;
	char *rest = strdup(kw_end);
	if (!rest)
		return RAWCD_E_NOMEM;
	size_t rl = strlen(rest);
	while (rl && is_blank(rest[rl - 1]))
		rest[--rl] = '\0';
	split_line(ln, p);
	ln->rest = rest;
	lx->last_line = number;
	return RAWCD_OK;
}

int rcd_cue_lex(struct rcd_cue_lexed *out, const char *text, size_t len, const char *sheet, rawcd_diag *diag)
{
	struct rcd_cue_lexed lx = {0};
	size_t cap = 0;
	const char *nul = memchr(text, '\0', len);
	if (nul) {
		unsigned line = 1;
		for (const char *c = text; c < nul; c++)
			line += *c == '\n';
		return rcd_error(diag, RAWCD_E_SYNTAX, sheet, line,
				 "NUL byte in the sheet: this is not a text CUE sheet (a binary file given as the sheet?)");
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
		lx.had_bom = true;
	}
	lx.buf = malloc(len + 1);
	if (!lx.buf)
		return RAWCD_E_NOMEM;
	memcpy(lx.buf, text, len);
	lx.buf[len] = '\0';
	unsigned number = 1;
	char *start = lx.buf;
	int rc = RAWCD_OK;
	for (char *p = lx.buf;; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\0') {
			char c = *p;
			*p = '\0';
			rc = add_line(&lx, &cap, start, number);
			if (rc != RAWCD_OK || c == '\0')
				break;
			if (c == '\r' && p[1] == '\n')
				p++;
			number++;
			start = p + 1;
		}
	}
	if (rc != RAWCD_OK) {
		rcd_cue_lexed_free(&lx);
		return rc;
	}
	*out = lx;
	return RAWCD_OK;
}

void rcd_cue_lexed_free(struct rcd_cue_lexed *lx)
{
	for (size_t i = 0; i < lx->count; i++)
		free((char *)lx->lines[i].rest);
	free(lx->lines);
	free(lx->buf);
	*lx = (struct rcd_cue_lexed){0};
}

bool rcd_utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned n;
		if (*p < 0x80)
			n = 0;
		else if ((*p & 0xE0) == 0xC0 && *p >= 0xC2)
			n = 1;
		else if ((*p & 0xF0) == 0xE0)
			n = 2;
		else if ((*p & 0xF8) == 0xF0 && *p <= 0xF4)
			n = 3;
		else
			return false;
		p++;
		for (unsigned i = 0; i < n; i++, p++)
			if ((*p & 0xC0) != 0x80)
				return false;
	}
	return true;
}
