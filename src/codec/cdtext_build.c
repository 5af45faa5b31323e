/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Block 0 of a disc's CD-TEXT, built from its CUE texts (MMC-6 Annex J; research/subcode.md §5).
 *
 * For each pack type the strings (the disc's, then one per track from the first to the last) are
 * written back to back, each ended by a NUL, 12 payload bytes to a pack, and the last pack of a type is
 * padded with zeros. A pack's header names the track that owns its first payload byte and how many
 * characters of that string earlier packs already hold (15 = 15 or more). Types come in ascending
 * order, then the three 8Fh packs that describe the block. One sequence number per pack from 0, so a
 * block holds at most 256 packs: 253 of text and the 3 of size information (libburn doc/cdtext.txt).
 */
#include "rawcd/cdtext.h"
#include "rawcd/error.h"

#include "util/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAYLOAD_SIZE 12
#define SIZE_INFO_PACKS 3       /* 8Fh, track bytes 0, 1, 2: a 36-byte record */
#define MAX_TEXT_PACKS 253      /* 256 sequence numbers less the size information */
#define CHARSET_ISO_8859_1 0x00 /* 8Fh byte 0 */
#define LANGUAGE_ENGLISH 0x09   /* EBU Tech 3264 code, 8Fh bytes 28-35 */
#define CHARPOS_MAX 15          /* the 4-bit character position saturates */

_Static_assert(RAWCD_CDTEXT_TITLE == RAWCD_PACK_TITLE - 0x80 && RAWCD_CDTEXT_MESSAGE == RAWCD_PACK_MESSAGE - 0x80 &&
		       RAWCD_CDTEXT_DISC_ID == RAWCD_PACK_DISC_ID - 0x80 && RAWCD_CDTEXT_GENRE == RAWCD_PACK_GENRE - 0x80,
	       "CUE items 80h-87h are indexed by pack type - 80h");

/* The types a CUE sheet can fill, in the order they are recorded. */
static const struct {
	uint8_t type;
	bool per_track; /* a string for the disc and each track; otherwise the disc's only */
} plan[] = {
	{RAWCD_PACK_TITLE, true},    {RAWCD_PACK_PERFORMER, true}, {RAWCD_PACK_SONGWRITER, true},
	{RAWCD_PACK_COMPOSER, true}, {RAWCD_PACK_ARRANGER, true},  {RAWCD_PACK_MESSAGE, true},
	{RAWCD_PACK_DISC_ID, false}, {RAWCD_PACK_GENRE, false},    {RAWCD_PACK_UPC_ISRC, true},
};

struct builder {
	uint8_t (*pack)[RAWCD_CDTEXT_PACK_SIZE];
	size_t count, capacity;
	bool nomem;
	size_t fill;     /* payload bytes used in pack[count]; 0 when no pack is open */
	uint8_t type;    /* the type being written */
	unsigned track;  /* owner of the string being written */
	size_t chars;    /* characters of that string already written */
	unsigned type_count[16];
	/* Characters outside ISO-8859-1, reported once. */
	size_t replaced;
	uint8_t replaced_type;
	unsigned replaced_track;
};

static void set_crc(uint8_t pack[RAWCD_CDTEXT_PACK_SIZE])
{
	uint16_t crc = (uint16_t)~rawcd_crc16(pack, 16);
	pack[16] = (uint8_t)(crc >> 8);
	pack[17] = (uint8_t)crc;
}

/* Start pack[count] with its header (MMC-6 table J.1): block 0, single-byte characters. */
static bool open_pack(struct builder *b)
{
	if (b->count == b->capacity) {
		size_t cap = b->capacity ? 2 * b->capacity : 64;
		void *p = realloc(b->pack, cap * sizeof(*b->pack));
		if (!p) {
			b->nomem = true;
			return false;
		}
		b->pack = p;
		b->capacity = cap;
	}
	uint8_t *p = b->pack[b->count];
	memset(p, 0, RAWCD_CDTEXT_PACK_SIZE);
	p[0] = b->type;
	p[1] = (uint8_t)(b->track & 0x7F);
	p[2] = (uint8_t)b->count; /* wraps only past 256 packs, which is refused */
	p[3] = (uint8_t)(b->chars < CHARPOS_MAX ? b->chars : CHARPOS_MAX);
	b->type_count[b->type & 0x0F]++;
	return true;
}

static void close_pack(struct builder *b)
{
	set_crc(b->pack[b->count]);
	b->count++;
	b->fill = 0;
}

/* Append one payload byte; @p is_char counts it toward the character position. */
static void put_byte(struct builder *b, uint8_t byte, bool is_char)
{
	if (b->nomem || (b->fill == 0 && !open_pack(b)))
		return;
	b->pack[b->count][4 + b->fill++] = byte;
	if (is_char)
		b->chars++;
	if (b->fill == PAYLOAD_SIZE)
		close_pack(b);
}

/* Length of the UTF-8 sequence at @p s (1-4), or 0 if it is not well-formed (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF). *cp receives the code point. */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t n;
	uint32_t min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, min = 0x80, *cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, min = 0x800, *cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, min = 0x10000, *cp = c & 0x07;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0; /* also stops at the NUL */
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		return 0;
	return n;
}

static bool utf8_valid(const char *s)
{
	uint32_t cp;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t n = utf8_decode(p, &cp);
		if (n == 0)
			return false;
		p += n;
	}
	return true;
}

/*
 * One string, NUL-ended, after @p prefix_len bytes that are not characters (the genre code). Character
 * code ISO-8859-1: UTF-8 is converted, a character above U+00FF becomes '?'. Text that is not UTF-8
 * (what the CUE reader flags in rawcd_cdtext.not_utf8) is taken as ISO-8859-1 bytes as it is.
 */
static void put_string(struct builder *b, unsigned track, const uint8_t *prefix, size_t prefix_len, const char *s)
{
	b->track = track;
	b->chars = 0;
	for (size_t i = 0; i < prefix_len; i++)
		put_byte(b, prefix[i], false);
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	bool convert = utf8_valid((const char *)p);
	while (*p) {
		uint32_t cp = *p;
		size_t n = convert ? utf8_decode(p, &cp) : 1;
		if (cp > 0xFF) {
			if (b->replaced++ == 0) {
				b->replaced_type = b->type;
				b->replaced_track = track;
			}
			cp = '?';
		}
		put_byte(b, (uint8_t)cp, true);
		p += n;
	}
	put_byte(b, 0, false);
}

/* Pad the open pack of a type with zeros. */
static void end_type(struct builder *b)
{
	if (b->fill > 0 && !b->nomem) {
		memset(b->pack[b->count] + 4 + b->fill, 0, PAYLOAD_SIZE - b->fill);
		close_pack(b);
	}
}

static const char *disc_text(const struct rawcd_disc *disc, uint8_t type)
{
	if (type == RAWCD_PACK_UPC_ISRC)
		return disc->mcn[0] ? disc->mcn : disc->cdtext.item[RAWCD_CDTEXT_UPC_ISRC];
	return disc->cdtext.item[type - 0x80];
}

static const char *track_text(const struct rawcd_track *t, uint8_t type)
{
	if (type == RAWCD_PACK_UPC_ISRC)
		return t->isrc[0] ? t->isrc : t->cdtext.item[RAWCD_CDTEXT_UPC_ISRC];
	return t->cdtext.item[type - 0x80];
}

static bool type_present(const struct rawcd_disc *disc, size_t plan_index)
{
	uint8_t type = plan[plan_index].type;
	if (disc_text(disc, type))
		return true;
	for (size_t i = 0; plan[plan_index].per_track && i < disc->track_count; i++)
		if (track_text(&disc->tracks[i], type))
			return true;
	return false;
}

/* CD-TEXT is made when the sheet gives some CD-TEXT item; CATALOG and ISRC alone are in Q already. */
static bool has_text(const struct rawcd_disc *disc)
{
	for (int k = 0; k < RAWCD_CDTEXT_ITEM_COUNT; k++) {
		if (disc->cdtext.item[k])
			return true;
		for (size_t i = 0; i < disc->track_count; i++)
			if (disc->tracks[i].cdtext.item[k])
				return true;
	}
	return false;
}

/* DISC_ID and GENRE of a track have no place in CD-TEXT (types 86h and 87h hold the disc's only). */
static void warn_track_only_items(const struct rawcd_disc *disc, rawcd_diag *diag)
{
	for (size_t i = 0; i < disc->track_count; i++) {
		const struct rawcd_track *t = &disc->tracks[i];
		for (int k = RAWCD_CDTEXT_DISC_ID; k <= RAWCD_CDTEXT_GENRE; k++) {
			if (t->cdtext.item[k]) {
				rcd_warn(diag, disc->sheet_path, 0,
					 "%s of track %02u is not recorded in CD-TEXT: it holds %s for the whole disc "
					 "only (give it before the first TRACK)",
					 rawcd_cdtext_keyword(k), t->number, rawcd_cdtext_keyword(k));
				return;
			}
		}
	}
}

static void write_type(struct builder *b, const struct rawcd_disc *disc, size_t plan_index)
{
	/* 87h: a 2-byte big-endian genre code before the text; 0 is "not used" (libburn doc/cdtext.txt). */
	static const uint8_t genre_code[2] = {0x00, 0x00};
	uint8_t type = plan[plan_index].type;
	b->type = type;
	put_string(b, 0, genre_code, type == RAWCD_PACK_GENRE ? 2 : 0, disc_text(disc, type));
	for (size_t i = 0; plan[plan_index].per_track && i < disc->track_count; i++)
		put_string(b, disc->tracks[i].number, NULL, 0, track_text(&disc->tracks[i], type));
	end_type(b);
}

/* The three 8Fh packs: a 36-byte record (MMC-6 table J.3; research/subcode.md §5). */
static void write_size_info(struct builder *b, const struct rawcd_disc *disc)
{
	uint8_t info[SIZE_INFO_PACKS * PAYLOAD_SIZE] = {0};
	info[0] = CHARSET_ISO_8859_1;
	info[1] = (uint8_t)rawcd_disc_first_track(disc);
	info[2] = (uint8_t)rawcd_disc_last_track(disc);
	info[3] = 0; /* copyright: off */
	for (int t = 0; t < 16; t++)
		info[4 + t] = (uint8_t)b->type_count[t];
	info[4 + 0x0F] = SIZE_INFO_PACKS;
	info[20] = (uint8_t)(b->count + SIZE_INFO_PACKS - 1); /* last sequence number of block 0 */
	info[28] = LANGUAGE_ENGLISH;                          /* language of block 0 */
	b->type = RAWCD_PACK_SIZE_INFO;
	b->chars = 0;
	for (unsigned i = 0; i < SIZE_INFO_PACKS; i++) {
		b->track = i; /* 8Fh: the track byte numbers the part */
		for (size_t k = 0; k < PAYLOAD_SIZE; k++)
			put_byte(b, info[i * PAYLOAD_SIZE + k], false);
	}
}

static const char *type_name(uint8_t type)
{
	if (type == RAWCD_PACK_UPC_ISRC)
		return "UPC_EAN or ISRC";
	return rawcd_cdtext_keyword((enum rawcd_cdtext_item)(type - 0x80));
}

int rawcd_cdtext_build(struct rawcd_cdtext_packs *out, const struct rawcd_disc *disc, rawcd_diag *diag)
{
	if (!out || !disc || (disc->track_count > 0 && !disc->tracks))
		return RAWCD_E_ARG;
	struct builder b = {0};
	if (!has_text(disc)) {
		*out = (struct rawcd_cdtext_packs){0};
		return RAWCD_OK;
	}
	warn_track_only_items(disc, diag);
	for (size_t i = 0; i < sizeof(plan) / sizeof(plan[0]); i++)
		if (type_present(disc, i))
			write_type(&b, disc, i);
	if (b.count > MAX_TEXT_PACKS) {
		free(b.pack);
		return rcd_error(diag, RAWCD_E_LAYOUT, disc->sheet_path, 0,
				 "the CD-TEXT needs %zu packs but a block holds %d (and 3 of size information): "
				 "shorten the titles and names",
				 b.count, MAX_TEXT_PACKS);
	}
	write_size_info(&b, disc);
	if (b.nomem) {
		free(b.pack);
		return RAWCD_E_NOMEM;
	}
	if (b.replaced) {
		char where[24] = "the disc";
		if (b.replaced_track)
			snprintf(where, sizeof(where), "track %02u", b.replaced_track);
		rcd_warn(diag, disc->sheet_path, 0,
			 "CD-TEXT is ISO-8859-1 (Latin-1): %zu character%s outside it became '?' (the first in %s "
			 "of %s)",
			 b.replaced, b.replaced == 1 ? "" : "s", type_name(b.replaced_type), where);
	}
	*out = (struct rawcd_cdtext_packs){.pack = b.pack, .count = b.count};
	return RAWCD_OK;
}
