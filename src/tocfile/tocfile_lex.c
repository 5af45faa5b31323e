/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tokens of a cdrdao TOC file (cdrdao 1.2.4, trackdb/TocLexer): `//` comments to the end of the line,
 * blanks and line ends anywhere, keywords in upper case, strings in double quotes with the escapes `\"`,
 * `\\` and octal `\ooo` (a byte), decimal numbers (samples or bytes), `mm:ss:ff` times (frames, 75 a
 * second: ss < 60, ff < 75) and the punctuation { } : , #. */
#include "tocfile/tocfile_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_word_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '_';
}

static char peek(const struct rcd_toc_lexer *lx, size_t ahead)
{
	return lx->pos + ahead < lx->len ? lx->text[lx->pos + ahead] : '\0';
}

static void skip_blanks(struct rcd_toc_lexer *lx)
{
	while (lx->pos < lx->len) {
		char c = lx->text[lx->pos];
		if (c == '\n') {
			lx->line++;
			lx->pos++;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			lx->pos++;
		} else if (c == '/' && peek(lx, 1) == '/') {
			while (lx->pos < lx->len && lx->text[lx->pos] != '\n')
				lx->pos++;
		} else {
			return;
		}
	}
}

static int lex_error(struct rcd_toc_lexer *lx, const char *fmt, const char *arg)
{
	lx->tok.kind = RCD_TOK_BAD;
	if (!lx->error) {
		char msg[300];
		snprintf(msg, sizeof(msg), fmt, arg);
		lx->error = rcd_error(lx->diag, RAWCD_E_SYNTAX, lx->path, lx->tok.line, "%s", msg);
	}
	return lx->error;
}

static int set_text(struct rcd_toc_lexer *lx, const char *s, size_t n)
{
	char *t = malloc(n + 1);
	if (!t)
		return RAWCD_E_NOMEM;
	memcpy(t, s, n);
	t[n] = '\0';
	free(lx->tok.text);
	lx->tok.text = t;
	lx->tok.len = n;
	return RAWCD_OK;
}

/* One escape after a backslash at text[pos]; appends its byte to @p out. */
static int lex_escape(struct rcd_toc_lexer *lx, char *out, size_t *n)
{
	char c = peek(lx, 1);
	if (c == '"' || c == '\\') {
		out[(*n)++] = c;
		lx->pos += 2;
		return RAWCD_OK;
	}
	if (c < '0' || c > '7')
		return lex_error(lx, "unknown escape \\%s in a string: write \\\" for a quote, \\\\ for a "
				 "backslash or \\ooo (three octal digits) for a byte", c == '\n' || !c ? "(line end)"
				 : (char[]){c, 0});
	unsigned v = 0, k = 0;
	for (lx->pos++; k < 3 && peek(lx, 0) >= '0' && peek(lx, 0) <= '7'; k++, lx->pos++)
		v = v * 8 + (unsigned)(peek(lx, 0) - '0');
	if (v > 0xFF)
		return lex_error(lx, "octal escape \\%s is over 377 (255): a byte is \\000 to \\377",
				 (char[]){(char)('0' + (v >> 6)), (char)('0' + ((v >> 3) & 7)), (char)('0' + (v & 7)), 0});
	out[(*n)++] = (char)v;
	return RAWCD_OK;
}

static int lex_string(struct rcd_toc_lexer *lx)
{
	char *buf = malloc(RCD_TOC_MAX_STRING + 4);
	if (!buf)
		return RAWCD_E_NOMEM;
	size_t n = 0;
	int rc = RAWCD_OK;
	for (lx->pos++;; ) {
		char c = peek(lx, 0);
		if (lx->pos >= lx->len || c == '\n') {
			rc = lex_error(lx, "a string is not closed: end it with \" on the same line%s", "");
			break;
		}
		if (n >= RCD_TOC_MAX_STRING) {
			rc = lex_error(lx, "a string is longer than %s bytes: shorten it", "4096");
			break;
		}
		if (c == '"') {
			lx->pos++;
			break;
		}
		if (c == '\\') {
			rc = lex_escape(lx, buf, &n);
			if (rc)
				break;
			continue;
		}
		buf[n++] = c;
		lx->pos++;
	}
	if (rc == RAWCD_OK) {
		lx->tok.kind = RCD_TOK_STRING;
		rc = set_text(lx, buf, n);
	}
	free(buf);
	return rc;
}

/* Digits at pos + *i; their value (saturating past the limit); *i moves past them. */
static uint64_t digits(const struct rcd_toc_lexer *lx, size_t *i, size_t *count)
{
	uint64_t v = 0;
	*count = 0;
	while (is_digit(peek(lx, *i))) {
		if (v <= RCD_TOC_MAX_NUMBER)
			v = v * 10 + (uint64_t)(peek(lx, *i) - '0');
		(*i)++;
		(*count)++;
	}
	return v;
}

static int lex_number(struct rcd_toc_lexer *lx)
{
	size_t i = 0, n1, n2, n3;
	char shown[64];
	uint64_t m = digits(lx, &i, &n1);
	size_t after_first = i;
	if (peek(lx, i) == ':' && is_digit(peek(lx, i + 1))) {
		size_t j = i + 1;
		uint64_t s = digits(lx, &j, &n2);
		if (peek(lx, j) == ':' && is_digit(peek(lx, j + 1))) {
			size_t k = j + 1;
			uint64_t f = digits(lx, &k, &n3);
			snprintf(shown, sizeof(shown), "%.*s", (int)(k < 40 ? k : 40), lx->text + lx->pos);
			lx->pos += k;
			if (is_word_char(peek(lx, 0)))
				return lex_error(lx, "a time is followed by letters: write it as mm:ss:ff (%s)", shown);
			if (m > RCD_TOC_MAX_MINUTES)
				return lex_error(lx, "time %s has too many minutes (at most 999): check the value", shown);
			if (s >= 60)
				return lex_error(lx, "time %s: seconds must be under 60", shown);
			if (f >= 75)
				return lex_error(lx, "time %s: frames must be under 75 (75 frames a second)", shown);
			lx->tok.kind = RCD_TOK_MSF;
			lx->tok.value = (m * 60 + s) * 75 + f;
			return RAWCD_OK;
		}
	}
	snprintf(shown, sizeof(shown), "%.*s", (int)(after_first < 40 ? after_first : 40), lx->text + lx->pos);
	lx->pos += after_first;
	if (is_word_char(peek(lx, 0)))
		return lex_error(lx, "a number is followed by letters (%s...): write numbers as digits and times "
				 "as mm:ss:ff", shown);
	if (m > RCD_TOC_MAX_NUMBER)
		return lex_error(lx, "number %s is too large (over 2^40): check the value", shown);
	lx->tok.kind = RCD_TOK_NUMBER;
	lx->tok.value = m;
	return RAWCD_OK;
}

static int lex_word(struct rcd_toc_lexer *lx)
{
	size_t n = 0;
	while (is_word_char(peek(lx, n)))
		n++;
	lx->tok.kind = RCD_TOK_WORD;
	int rc = set_text(lx, lx->text + lx->pos, n);
	lx->pos += n;
	return rc;
}

int rcd_toc_lex_next(struct rcd_toc_lexer *lx)
{
	if (lx->error)
		return lx->error;
	unsigned prev = lx->last_line;
	skip_blanks(lx);
	lx->tok.line = lx->line;
	lx->tok.value = 0;
	if (lx->pos < lx->len)
		lx->last_line = lx->line;
	if (lx->pos >= lx->len) {
		lx->tok.line = prev; /* the end is reported at the last line that holds a token */
		lx->tok.kind = RCD_TOK_END;
		return set_text(lx, "", 0);
	}
	char c = lx->text[lx->pos];
	if (c == '"')
		return lex_string(lx);
	if (is_digit(c))
		return lex_number(lx);
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')
		return lex_word(lx);
	if (strchr("{}:,#", c) && c) {
		lx->tok.kind = RCD_TOK_PUNCT;
		lx->pos++;
		return set_text(lx, &c, 1);
	}
	if (c == '\0')
		return lex_error(lx, "a NUL byte: this is not a text file%s", "");
	char shown[8];
	snprintf(shown, sizeof(shown), (unsigned char)c >= 0x20 && (unsigned char)c < 0x7F ? "'%c'" : "0x%02X",
		 (unsigned char)c);
	return lex_error(lx, "unexpected character %s: a TOC file holds keywords, \"strings\", numbers and "
			 "mm:ss:ff times", shown);
}

int rcd_toc_lex_init(struct rcd_toc_lexer *lx, const char *text, size_t len, const char *path, rawcd_diag *diag)
{
	*lx = (struct rcd_toc_lexer){.text = text, .len = len, .line = 1, .last_line = 1, .path = path, .diag = diag};
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		lx->pos = 3;
	return rcd_toc_lex_next(lx);
}

void rcd_toc_lex_free(struct rcd_toc_lexer *lx)
{
	free(lx->tok.text);
	lx->tok.text = NULL;
}

bool rcd_toc_is(const struct rcd_toc_lexer *lx, const char *w)
{
	return lx->tok.kind == RCD_TOK_WORD && strcmp(lx->tok.text, w) == 0;
}

bool rcd_toc_is_punct(const struct rcd_toc_lexer *lx, char c)
{
	return lx->tok.kind == RCD_TOK_PUNCT && lx->tok.text[0] == c;
}

const char *rcd_toc_describe(const struct rcd_toc_lexer *lx, char *buf, size_t size)
{
	switch (lx->tok.kind) {
	case RCD_TOK_END: snprintf(buf, size, "the end of the file"); break;
	case RCD_TOK_WORD: snprintf(buf, size, "%.40s", lx->tok.text); break;
	case RCD_TOK_STRING: snprintf(buf, size, "the string \"%.40s\"", lx->tok.text); break;
	case RCD_TOK_NUMBER: snprintf(buf, size, "the number %llu", (unsigned long long)lx->tok.value); break;
	case RCD_TOK_MSF: snprintf(buf, size, "a time"); break;
	case RCD_TOK_PUNCT: snprintf(buf, size, "'%s'", lx->tok.text); break;
	default: snprintf(buf, size, "a bad token"); break;
	}
	return buf;
}
