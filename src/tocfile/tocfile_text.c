/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A TOC file's CD-TEXT → packs of every block, and block 0 as the CUE-style texts of the disc model.
 *
 * cdrdao 1.2.4 reads TOC files as UTF-8 (3encodings.toc holds UTF-8 for its ISO-8859-1 and MS-JIS
 * blocks, and show-toc prints them back as UTF-8): a string that is valid UTF-8 is converted to its block's
 * character code, ISO-8859-1 (outside it: '?'), ASCII (outside it: '?') or MS-JIS (code page 932, through
 * iconv; outside it: the full-width '？'). A string that is not UTF-8 (octal escapes such as \351 of
 * Latin-1 text, as cdrdao read-toc writes them) is taken as bytes already in the block's code. */
#include "tocfile/tocfile_internal.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/cdtext.h"
#include "rawcd/error.h"
#include "util/diag.h"

#define CHARSET_ASCII 0x01
#define CHARSET_MS_JIS 0x80
#define ENGLISH 9

/* Length of the well-formed UTF-8 sequence at @p s (RFC 3629), 0 if there is none; *cp its code point. */
static size_t utf8_seq(const unsigned char *s, uint32_t *cp)
{
	size_t n = s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
		 : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
	if (n == 0)
		return 0;
	static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
	*cp = n == 1 ? s[0] : s[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	if (*cp < min[n] || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		return 0;
	return n;
}

static bool utf8_valid(const char *s)
{
	uint32_t cp;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t n = utf8_seq(p, &cp);
		if (!n)
			return false;
		p += n;
	}
	return true;
}

/* UTF-8 → code page 932, a character it lacks as '？' (81h 48h). */
static char *to_ms_jis(const char *s, size_t *replaced)
{
	size_t len = strlen(s), cap = 2 * len + 2;
	char *out = malloc(cap), *o = out;
	iconv_t cd = iconv_open("CP932", "UTF-8");
	if (!out || cd == (iconv_t)-1) {
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		free(out);
		return NULL;
	}
	char *in = (char *)s;
	size_t left = len, room = cap - 1;
	while (left > 0 && iconv(cd, &in, &left, &o, &room) == (size_t)-1 && room >= 2) {
		uint32_t cp;
		size_t n = utf8_seq((const unsigned char *)in, &cp);
		in += n ? n : 1;
		left -= n ? n : 1;
		*o++ = (char)0x81;
		*o++ = 0x48;
		room -= 2;
		(*replaced)++;
	}
	*o = '\0';
	iconv_close(cd);
	return out;
}

/* @p s in character code @p charset (see the file comment). NULL stays NULL. */
static char *to_block_code(const char *s, uint8_t charset, size_t *replaced, bool *nomem)
{
	if (!s)
		return NULL;
	char *out = NULL;
	if (charset == CHARSET_MS_JIS && utf8_valid(s))
		out = to_ms_jis(s, replaced);
	else if (!utf8_valid(s)) {
		out = strdup(s);
		for (char *c = out; c && charset == CHARSET_ASCII && *c; c++)
			if ((unsigned char)*c > 0x7F)
				*c = '?', (*replaced)++;
	} else if ((out = malloc(strlen(s) + 1)) != NULL) {
		uint32_t max = charset == CHARSET_ASCII ? 0x7F : 0xFF, cp;
		char *o = out;
		for (const unsigned char *p = (const unsigned char *)s; *p; p += utf8_seq(p, &cp)) {
			utf8_seq(p, &cp);
			*o++ = cp > max ? '?' : (char)cp;
			*replaced += cp > max;
		}
		*o = '\0';
	}
	if (!out)
		*nomem = true;
	return out;
}

static void convert_text(struct rawcd_cdtext *dst, const struct rawcd_cdtext *src, uint8_t charset,
			 size_t *replaced, bool *nomem)
{
	for (int k = 0; k < RAWCD_CDTEXT_ITEM_COUNT; k++)
		dst->item[k] = to_block_code(src->item[k], charset, replaced, nomem);
}

static void free_text(struct rawcd_cdtext *c)
{
	for (int k = 0; k < RAWCD_CDTEXT_ITEM_COUNT; k++)
		free(c->item[k]);
}

/* Block 0 as the CUE-style texts (moved: the CUE writer keeps them), bytes as the TOC file gave them; the
 * packs (all blocks) stay the disc's CD-TEXT. */
static void move_block0(struct rawcd_disc *d, struct rcd_toc_cdtext *t)
{
	d->cdtext = t->disc[0];
	t->disc[0] = (struct rawcd_cdtext){0};
	for (size_t i = 0; i < d->track_count; i++) {
		d->tracks[i].cdtext = t->track[0][i];
		t->track[0][i] = (struct rawcd_cdtext){0};
		/* A CUE sheet has no keyword for a track's CD-TEXT ISRC (its ISRC is the Q code, rawcd_track.isrc),
		 * so the BIN sheet could not be read again: the item stays in the packs only. */
		free(d->tracks[i].cdtext.item[RAWCD_CDTEXT_UPC_ISRC]);
		d->tracks[i].cdtext.item[RAWCD_CDTEXT_UPC_ISRC] = NULL;
	}
	struct rawcd_cdtext *all[RAWCD_MAX_TRACKS + 1];
	size_t n = 0;
	all[n++] = &d->cdtext;
	for (size_t i = 0; i < d->track_count && n < RAWCD_MAX_TRACKS + 1; i++)
		all[n++] = &d->tracks[i].cdtext;
	for (size_t j = 0; j < n; j++)
		for (int k = 0; k < RAWCD_CDTEXT_ITEM_COUNT; k++)
			if (all[j]->item[k] && !utf8_valid(all[j]->item[k]))
				all[j]->not_utf8 = true;
}

static int build(struct rawcd_disc *d, struct rcd_toc_cdtext *t, struct rawcd_cdtext_block_text *bt, size_t n,
		 rawcd_diag *diag)
{
	struct rawcd_cdtext_packs packs = {0};
	int rc = rawcd_cdtext_build_blocks(&packs, d, bt, n, diag);
	if (rc)
		return rc;
	d->cdtext_pack = packs.pack;
	d->cdtext_pack_count = packs.count;
	if (t->used[0])
		move_block0(d, t);
	return RAWCD_OK;
}

int rcd_toc_cdtext_finish(struct rawcd_disc *d, struct rcd_toc_cdtext *t, rawcd_diag *diag)
{
	struct rawcd_cdtext_block_text bt[RCD_TOC_MAX_BLOCKS];
	struct rawcd_cdtext conv_disc[RCD_TOC_MAX_BLOCKS] = {0};
	struct rawcd_cdtext *conv_tracks[RCD_TOC_MAX_BLOCKS] = {0};
	size_t n = 0, replaced = 0;
	bool nomem = false;
	for (unsigned b = 0; b < RCD_TOC_MAX_BLOCKS; b++) {
		if (!t->used[b])
			continue;
		conv_tracks[n] = calloc(d->track_count ? d->track_count : 1, sizeof(struct rawcd_cdtext));
		nomem |= !conv_tracks[n];
		convert_text(&conv_disc[n], &t->disc[b], t->charset[b], &replaced, &nomem);
		for (size_t i = 0; conv_tracks[n] && i < d->track_count; i++)
			convert_text(&conv_tracks[n][i], &t->track[b][i], t->charset[b], &replaced, &nomem);
		bt[n] = (struct rawcd_cdtext_block_text){.block = (uint8_t)b, .charset = t->charset[b],
			.language = (uint8_t)(t->have_map ? t->language[b] : ENGLISH), .disc = &conv_disc[n],
			.tracks = conv_tracks[n]};
		n++;
	}
	int rc = nomem ? RAWCD_E_NOMEM : n ? build(d, t, bt, n, diag) : RAWCD_OK;
	if (rc == RAWCD_OK && replaced)
		rcd_warn(diag, d->sheet_path, 0, "CD-TEXT: %zu character%s outside a block's character code "
			 "became '?'", replaced, replaced == 1 ? "" : "s");
	for (size_t j = 0; j < n; j++) {
		free_text(&conv_disc[j]);
		for (size_t i = 0; conv_tracks[j] && i < d->track_count; i++)
			free_text(&conv_tracks[j][i]);
		free(conv_tracks[j]);
	}
	return rc;
}
