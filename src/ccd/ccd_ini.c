/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The INI syntax of CloneCD's .ccd: "[Section]" or "[Section N]" lines, then "Key=Value" lines
 * (research/subcode.md §6). Lenient where writers differ (case, spaces, CRLF), strict where a mistake
 * would change the disc (a repeated section or key, a line of another shape). */
#include "ccd/ccd_internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rawcd/error.h"
#include "util/diag.h"

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

static bool grow(void **p, size_t count, size_t *cap, size_t size)
{
	if (count < *cap)
		return true;
	size_t n = *cap ? *cap * 2 : 32;
	void *q = realloc(*p, n * size);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

/* "[Name]" or "[Name N]": the name and the number (RCD_CCD_NO_NUMBER without one). */
static bool parse_section(char *s, const char **name, long *number)
{
	size_t n = strlen(s);
	if (n < 3 || s[n - 1] != ']')
		return false;
	s[n - 1] = '\0';
	char *inner = trim(s + 1), *space = strpbrk(inner, " \t");
	*name = inner;
	*number = RCD_CCD_NO_NUMBER;
	if (!space)
		return *inner != '\0';
	*space = '\0';
	char *num = trim(space + 1), *end;
	if (!isdigit((unsigned char)*num))
		return false;
	errno = 0;
	long v = strtol(num, &end, 10);
	if (*end || errno || v > 999999)
		return false;
	*number = v;
	return *inner != '\0';
}

struct lexer {
	struct rcd_ccd_doc *doc;
	size_t sec_cap, kv_cap;
};

static int add_section(struct lexer *lx, char *s, unsigned line)
{
	struct rcd_ccd_doc *d = lx->doc;
	const char *name;
	long number;
	if (!parse_section(s, &name, &number))
		return rcd_error(d->diag, RAWCD_E_SYNTAX, d->path, line,
				 "a section header must be [Name] or [Name N]: fix the brackets or the number");
	if (!grow((void **)&d->sec, d->sec_count, &lx->sec_cap, sizeof(*d->sec)))
		return RAWCD_E_NOMEM;
	d->sec[d->sec_count++] = (struct rcd_ccd_section){
		.name = name, .number = number, .line = line, .first = d->kv_count};
	return RAWCD_OK;
}

static int add_pair(struct lexer *lx, char *s, unsigned line)
{
	struct rcd_ccd_doc *d = lx->doc;
	char *eq = strchr(s, '=');
	if (!eq || eq == s)
		return rcd_error(d->diag, RAWCD_E_SYNTAX, d->path, line,
				 "expected [Section] or Key=Value: this line is neither (is it a .ccd file?)");
	if (d->sec_count == 0)
		return rcd_error(d->diag, RAWCD_E_SYNTAX, d->path, line,
				 "a Key=Value line before any [Section]: a .ccd starts with [CloneCD]");
	*eq = '\0';
	struct rcd_ccd_section *sec = &d->sec[d->sec_count - 1];
	const char *key = trim(s);
	if (!grow((void **)&d->kv, d->kv_count, &lx->kv_cap, sizeof(*d->kv)))
		return RAWCD_E_NOMEM;
	d->kv[d->kv_count++] = (struct rcd_ccd_kv){.key = key, .value = trim(eq + 1), .line = line};
	sec->count++;
	return RAWCD_OK;
}

static int lex_line(struct lexer *lx, char *s, unsigned line)
{
	s = trim(s);
	if (*s == '\0' || *s == ';' || *s == '#')
		return RAWCD_OK;
	return *s == '[' ? add_section(lx, s, line) : add_pair(lx, s, line);
}

int rcd_ccd_lex(struct rcd_ccd_doc *doc, const char *text, size_t len, const char *path, rawcd_diag *diag)
{
	*doc = (struct rcd_ccd_doc){.path = path, .diag = diag};
	const char *nul = memchr(text, '\0', len);
	if (nul) {
		unsigned line = 1;
		for (const char *c = text; c < nul; c++)
			line += *c == '\n';
		return rcd_error(diag, RAWCD_E_SYNTAX, path, line, "holds a NUL byte: a .ccd is text; is this "
				 "the .img or .sub?");
	}
	doc->buf = malloc(len + 1);
	if (!doc->buf)
		return RAWCD_E_NOMEM;
	memcpy(doc->buf, text, len);
	doc->buf[len] = '\0';
	struct lexer lx = {.doc = doc};
	unsigned line = 1;
	int rc = RAWCD_OK;
	for (char *s = doc->buf; rc == RAWCD_OK && s; line++) {
		char *end = strpbrk(s, "\r\n");
		char *next = NULL;
		if (end) {
			next = end + (end[0] == '\r' && end[1] == '\n' ? 2 : 1);
			*end = '\0';
		}
		rc = lex_line(&lx, s, line);
		s = next;
	}
	if (rc)
		rcd_ccd_doc_free(doc);
	return rc;
}

void rcd_ccd_doc_free(struct rcd_ccd_doc *doc)
{
	free(doc->buf);
	free(doc->sec);
	free(doc->kv);
	*doc = (struct rcd_ccd_doc){0};
}

char *rcd_ccd_label(const struct rcd_ccd_section *sec, char *buf, size_t size)
{
	if (sec->number == RCD_CCD_NO_NUMBER)
		snprintf(buf, size, "[%s]", sec->name);
	else
		snprintf(buf, size, "[%s %ld]", sec->name, sec->number);
	return buf;
}

int rcd_ccd_get(const struct rcd_ccd_doc *doc, const struct rcd_ccd_section *sec, const char *key,
		const struct rcd_ccd_kv **out)
{
	*out = NULL;
	for (size_t i = 0; i < sec->count; i++) {
		const struct rcd_ccd_kv *kv = &doc->kv[sec->first + i];
		if (strcasecmp(kv->key, key) != 0)
			continue;
		if (*out) {
			char label[64];
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, kv->line, "%s is given twice in %s "
					 "(line %u first): remove one of them", key,
					 rcd_ccd_label(sec, label, sizeof(label)), (*out)->line);
		}
		*out = kv;
	}
	return RAWCD_OK;
}

int rcd_ccd_int(const struct rcd_ccd_doc *doc, const struct rcd_ccd_kv *kv, long min, long max, long *out)
{
	const char *s = kv->value;
	bool neg = *s == '-';
	s += neg;
	bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
	char *end = NULL;
	errno = 0;
	long v = isxdigit((unsigned char)s[hex ? 2 : 0]) ? strtol(s + (hex ? 2 : 0), &end, hex ? 16 : 10) : 0;
	if (!end || *end || errno)
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, kv->line, "%s=%s is not a number: write it "
				 "in decimal, or in hexadecimal after 0x", kv->key, kv->value);
	v = neg ? -v : v;
	if (v < min || v > max)
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, kv->line, "%s=%s is out of range: it must be "
				 "%ld to %ld", kv->key, kv->value, min, max);
	*out = v;
	return RAWCD_OK;
}

int rcd_ccd_key_int(const struct rcd_ccd_doc *doc, const struct rcd_ccd_section *sec, const char *key,
		    long min, long max, bool optional, long dflt, long *out)
{
	const struct rcd_ccd_kv *kv;
	int rc = rcd_ccd_get(doc, sec, key, &kv);
	if (rc)
		return rc;
	if (kv)
		return rcd_ccd_int(doc, kv, min, max, out);
	if (optional) {
		*out = dflt;
		return RAWCD_OK;
	}
	char label[64];
	return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, sec->line, "%s has no %s= key: add it (CloneCD "
			 "writes every key of a section)", rcd_ccd_label(sec, label, sizeof(label)), key);
}
