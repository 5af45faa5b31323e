/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CD_TEXT blocks of a TOC file (cdrdao(1) "CD-TEXT Blocks"):
 *   CD_TEXT { LANGUAGE_MAP { 0 : EN  1 : 15 ... }  LANGUAGE 0 { ENCODING_ISO_8859_1 TITLE "..." ... } ... }
 * The map (disc level only) gives each block number 0-7 its language code (EBU Tech 3264: EN is 9);
 * an ENCODING_* word sets the block's character code (8Fh byte 0: ISO-8859-1 00h, ASCII 01h, MS-JIS 80h).
 * Items hold a string or binary data { 0, 10, 255, ... }; of binary items only GENRE's text is kept
 * (SIZE_INFO, TOC_INFO1 and TOC_INFO2 are derived again when the packs are built). */
#include "tocfile/tocfile_internal.h"

#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

static int next(struct rcd_toc_parser *p)
{
	int rc = rcd_toc_lex_next(&p->lx);
	if (rc && !p->rc)
		p->rc = rc;
	return rc;
}

static int expect_punct(struct rcd_toc_parser *p, char c, const char *where)
{
	if (rcd_toc_is_punct(&p->lx, c))
		return next(p);
	char d[64];
	return rcd_toc_fail(p, p->lx.tok.line, "%s: expected '%c', found %s", where, c,
			    rcd_toc_describe(&p->lx, d, sizeof(d)));
}

int rcd_toc_cdtext_reserve(struct rcd_toc_cdtext *t, size_t n)
{
	if (n <= t->track_cap)
		return RAWCD_OK;
	for (int b = 0; b < RCD_TOC_MAX_BLOCKS; b++) {
		struct rawcd_cdtext *a = realloc(t->track[b], n * sizeof(*a));
		if (!a)
			return RAWCD_E_NOMEM;
		memset(a + t->track_cap, 0, (n - t->track_cap) * sizeof(*a));
		t->track[b] = a;
	}
	t->track_cap = n;
	return RAWCD_OK;
}

static void text_free(struct rawcd_cdtext *c)
{
	for (int i = 0; i < RAWCD_CDTEXT_ITEM_COUNT; i++) {
		free(c->item[i]);
		c->item[i] = NULL;
	}
}

void rcd_toc_cdtext_free(struct rcd_toc_cdtext *t, size_t tracks)
{
	for (int b = 0; b < RCD_TOC_MAX_BLOCKS; b++) {
		text_free(&t->disc[b]);
		for (size_t i = 0; t->track[b] && i < tracks && i < t->track_cap; i++)
			text_free(&t->track[b][i]);
		free(t->track[b]);
		t->track[b] = NULL;
	}
	t->track_cap = 0;
}

/* Language names cdrdao's map accepts besides numbers (cdrdao(1) lists EN; the rest are EBU codes). */
static int language_code(const char *w)
{
	static const struct {
		const char *name;
		int code;
	} names[] = {{"EN", 9}, {"DE", 8}, {"FR", 15}, {"ES", 10}, {"IT", 21}, {"NL", 29}, {"JA", 105}};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(w, names[i].name) == 0)
			return names[i].code;
	return -1;
}

static int parse_map_entry(struct rcd_toc_parser *p)
{
	unsigned line = p->lx.tok.line;
	if (p->lx.tok.kind != RCD_TOK_NUMBER || p->lx.tok.value >= RCD_TOC_MAX_BLOCKS)
		return rcd_toc_fail(p, line, "LANGUAGE_MAP: a block number 0 to 7 must start each entry (n : code)");
	unsigned n = (unsigned)p->lx.tok.value;
	if (next(p) || expect_punct(p, ':', "LANGUAGE_MAP entry"))
		return p->rc;
	int code = -1;
	if (p->lx.tok.kind == RCD_TOK_NUMBER && p->lx.tok.value <= 255)
		code = (int)p->lx.tok.value;
	else if (p->lx.tok.kind == RCD_TOK_WORD)
		code = language_code(p->lx.tok.text);
	if (code < 0)
		return rcd_toc_fail(p, line, "LANGUAGE_MAP: block %u needs a language code 0-255 or EN", n);
	if (p->text.language[n] >= 0)
		return rcd_toc_fail(p, line, "LANGUAGE_MAP: block %u is mapped twice", n);
	p->text.language[n] = code;
	p->text.map_line[n] = line;
	return next(p);
}

static int parse_map(struct rcd_toc_parser *p, long track)
{
	unsigned line = p->lx.tok.line;
	if (track >= 0)
		return rcd_toc_fail(p, line, "LANGUAGE_MAP belongs in the disc's CD_TEXT, before the first TRACK");
	if (p->text.have_map)
		return rcd_toc_fail(p, line, "a second LANGUAGE_MAP: give one map with every block");
	p->text.have_map = true;
	if (next(p) || expect_punct(p, '{', "LANGUAGE_MAP"))
		return p->rc;
	while (p->rc == RAWCD_OK && !rcd_toc_is_punct(&p->lx, '}'))
		parse_map_entry(p);
	return p->rc ? p->rc : next(p);
}

/* { 0, 10, 255, ... } into @p out (at most @p cap bytes); *n the count. */
static int parse_binary(struct rcd_toc_parser *p, const char *item, uint8_t *out, size_t cap, size_t *n)
{
	unsigned line = p->lx.tok.line;
	*n = 0;
	if (next(p))
		return p->rc;
	while (p->rc == RAWCD_OK && !rcd_toc_is_punct(&p->lx, '}')) {
		if (*n && expect_punct(p, ',', item))
			return p->rc;
		if (p->lx.tok.kind != RCD_TOK_NUMBER || p->lx.tok.value > 255)
			return rcd_toc_fail(p, line, "%s: binary data is numbers 0-255 separated by commas", item);
		if (*n == cap)
			return rcd_toc_fail(p, line, "%s: more than %zu bytes of binary data", item, cap);
		out[(*n)++] = (uint8_t)p->lx.tok.value;
		next(p);
	}
	return p->rc ? p->rc : next(p);
}

static const struct {
	const char *word;
	int item; /* rawcd_cdtext_item, or -1: binary data that is derived again (dropped) */
} items[] = {
	{"TITLE", RAWCD_CDTEXT_TITLE},       {"PERFORMER", RAWCD_CDTEXT_PERFORMER},
	{"SONGWRITER", RAWCD_CDTEXT_SONGWRITER}, {"COMPOSER", RAWCD_CDTEXT_COMPOSER},
	{"ARRANGER", RAWCD_CDTEXT_ARRANGER}, {"MESSAGE", RAWCD_CDTEXT_MESSAGE},
	{"DISC_ID", RAWCD_CDTEXT_DISC_ID},   {"GENRE", RAWCD_CDTEXT_GENRE},
	{"UPC_EAN", RAWCD_CDTEXT_UPC_ISRC},  {"ISRC", RAWCD_CDTEXT_UPC_ISRC},
	{"TOC_INFO1", -1}, {"TOC_INFO2", -1}, {"SIZE_INFO", -1},
};

static int set_item(struct rcd_toc_parser *p, struct rawcd_cdtext *c, int item, const char *word, unsigned line,
		    char *value)
{
	if (c->item[item]) {
		free(value);
		return rcd_toc_fail(p, line, "%s is given twice in this LANGUAGE block: keep one", word);
	}
	c->item[item] = value;
	return RAWCD_OK;
}

/* GENRE { code high, code low, text..., 0 }: the text is kept, the genre code is not (a warning). */
static char *genre_text(struct rcd_toc_parser *p, const uint8_t *bin, size_t n, unsigned line)
{
	if (n >= 2 && (bin[0] || bin[1]))
		rcd_warn(p->lx.diag, p->lx.path, line, "GENRE code %u is not kept: rawcd records genre code 0 "
			 "(not used) with the genre's text", (unsigned)(bin[0] << 8 | bin[1]));
	size_t len = 0;
	while (2 + len < n && bin[2 + len])
		len++;
	return len ? strndup((const char *)bin + 2, len) : NULL;
}

static int parse_item(struct rcd_toc_parser *p, struct rawcd_cdtext *c, size_t k)
{
	unsigned line = p->lx.tok.line;
	const char *word = items[k].word;
	if (next(p))
		return p->rc;
	if (p->lx.tok.kind == RCD_TOK_STRING) {
		char *s = p->lx.tok.text;
		p->lx.tok.text = NULL;
		if (strlen(s) != p->lx.tok.len) {
			free(s);
			return rcd_toc_fail(p, line, "%s holds a NUL byte (\\000): CD-TEXT strings end at the first NUL",
					    word);
		}
		if (next(p) || items[k].item < 0) {
			free(s);
			return p->rc;
		}
		return set_item(p, c, items[k].item, word, line, s);
	}
	if (!rcd_toc_is_punct(&p->lx, '{'))
		return rcd_toc_fail(p, line, "%s needs a \"string\" or binary data { n, n, ... }", word);
	uint8_t bin[RCD_TOC_MAX_STRING];
	size_t n = 0;
	if (parse_binary(p, word, bin, sizeof(bin), &n))
		return p->rc;
	if (items[k].item != RAWCD_CDTEXT_GENRE)
		return RAWCD_OK; /* derived again from the disc */
	char *s = genre_text(p, bin, n, line);
	return s ? set_item(p, c, RAWCD_CDTEXT_GENRE, word, line, s) : RAWCD_OK;
}

static bool parse_encoding(struct rcd_toc_parser *p, unsigned block)
{
	static const struct {
		const char *word;
		uint8_t charset;
	} enc[] = {{"ENCODING_ISO_8859_1", 0x00}, {"ENCODING_ASCII", 0x01}, {"ENCODING_MS_JIS", 0x80}};
	for (size_t i = 0; i < sizeof(enc) / sizeof(enc[0]); i++)
		if (rcd_toc_is(&p->lx, enc[i].word)) {
			p->text.charset[block] = enc[i].charset;
			next(p);
			return true;
		}
	return false;
}

static int parse_language(struct rcd_toc_parser *p, long track)
{
	unsigned line = p->lx.tok.line;
	if (next(p))
		return p->rc;
	if (p->lx.tok.kind != RCD_TOK_NUMBER || p->lx.tok.value >= RCD_TOC_MAX_BLOCKS)
		return rcd_toc_fail(p, line, "LANGUAGE needs a block number 0 to 7");
	unsigned b = (unsigned)p->lx.tok.value;
	if (p->text.have_map && p->text.language[b] < 0)
		return rcd_toc_fail(p, line, "LANGUAGE %u is not in the LANGUAGE_MAP: add \"%u : EN\" (or its "
				    "language code) to the map", b, b);
	if (!p->text.have_map && b > 0)
		return rcd_toc_fail(p, line, "LANGUAGE %u needs a LANGUAGE_MAP in the disc's CD_TEXT giving its "
				    "language (e.g. LANGUAGE_MAP { 0 : EN %u : 8 })", b, b);
	p->text.used[b] = true;
	struct rawcd_cdtext *c = track < 0 ? &p->text.disc[b] : &p->text.track[b][track];
	if (next(p) || expect_punct(p, '{', "LANGUAGE block"))
		return p->rc;
	while (p->rc == RAWCD_OK && !rcd_toc_is_punct(&p->lx, '}')) {
		if (parse_encoding(p, b))
			continue;
		size_t k = 0;
		while (k < sizeof(items) / sizeof(items[0]) && !rcd_toc_is(&p->lx, items[k].word))
			k++;
		if (k == sizeof(items) / sizeof(items[0])) {
			char d[64];
			return rcd_toc_fail(p, p->lx.tok.line, "%s is not a CD-TEXT item: use TITLE, PERFORMER, "
					    "SONGWRITER, COMPOSER, ARRANGER, MESSAGE, DISC_ID, GENRE, UPC_EAN, ISRC, "
					    "TOC_INFO1, TOC_INFO2, SIZE_INFO or ENCODING_*, and end the block with '}'",
					    rcd_toc_describe(&p->lx, d, sizeof(d)));
		}
		parse_item(p, c, k);
	}
	return p->rc ? p->rc : next(p);
}

int rcd_toc_parse_cdtext(struct rcd_toc_parser *p, long track)
{
	unsigned line = p->lx.tok.line;
	if (next(p) || expect_punct(p, '{', "CD_TEXT"))
		return p->rc;
	while (p->rc == RAWCD_OK && !rcd_toc_is_punct(&p->lx, '}')) {
		if (rcd_toc_is(&p->lx, "LANGUAGE_MAP"))
			parse_map(p, track);
		else if (rcd_toc_is(&p->lx, "LANGUAGE"))
			parse_language(p, track);
		else if (p->lx.tok.kind == RCD_TOK_END)
			return rcd_toc_fail(p, line, "CD_TEXT { is not closed: end it with '}'");
		else {
			char d[64];
			return rcd_toc_fail(p, p->lx.tok.line, "%s in CD_TEXT: a CD_TEXT block holds LANGUAGE_MAP "
					    "{ ... } and LANGUAGE n { ... } blocks", rcd_toc_describe(&p->lx, d, sizeof(d)));
		}
	}
	if (p->rc)
		return p->rc;
	return next(p);
}
