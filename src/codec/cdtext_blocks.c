/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CD-TEXT of several blocks (languages), built from strings already in each block's character code
 * (MMC-6 Annex J; research/subcode.md §5): what a cdrdao TOC file's LANGUAGE blocks describe.
 *
 * Each block is laid out as block 0 is by rawcd_cdtext_build(): for each pack type present, the disc's
 * string then each track's, NUL-ended (two NULs in a double-byte block), 12 payload bytes a pack; then
 * three 8Fh size-information packs. A pack's byte 3 carries the block number (bits 6-4) and, in an MS-JIS
 * block, the DBCC bit (7). Sequence numbers start again at 0 in each block (as recorded discs and libburn
 * do), and every block's size information lists the last sequence number and the language of all blocks.
 */
#include "rawcd/cdtext.h"
#include "rawcd/error.h"

#include "util/diag.h"

#include <stdlib.h>
#include <string.h>

#define PAYLOAD 12
#define SIZE_PACKS 3
#define MAX_TEXT 253 /* 256 sequence numbers less the size information */
#define CHARPOS_MAX 15
#define CHARSET_MS_JIS 0x80

static const struct {
	uint8_t type;
	int item;
	bool per_track;
} kinds[] = {
	{RAWCD_PACK_TITLE, RAWCD_CDTEXT_TITLE, true},         {RAWCD_PACK_PERFORMER, RAWCD_CDTEXT_PERFORMER, true},
	{RAWCD_PACK_SONGWRITER, RAWCD_CDTEXT_SONGWRITER, true}, {RAWCD_PACK_COMPOSER, RAWCD_CDTEXT_COMPOSER, true},
	{RAWCD_PACK_ARRANGER, RAWCD_CDTEXT_ARRANGER, true},   {RAWCD_PACK_MESSAGE, RAWCD_CDTEXT_MESSAGE, true},
	{RAWCD_PACK_DISC_ID, RAWCD_CDTEXT_DISC_ID, false},    {RAWCD_PACK_GENRE, RAWCD_CDTEXT_GENRE, false},
	{RAWCD_PACK_UPC_ISRC, RAWCD_CDTEXT_UPC_ISRC, true},
};

struct blk {
	uint8_t (*pack)[RAWCD_CDTEXT_PACK_SIZE];
	size_t count, cap, first; /* first: index of the block's first pack */
	bool nomem;
	size_t fill;
	uint8_t type, byte3;      /* byte3: block << 4 | DBCC */
	unsigned track;
	size_t chars;
	unsigned type_count[16];
};

static void seal(struct blk *b)
{
	uint8_t *p = b->pack[b->count];
	uint16_t crc = (uint16_t)~rawcd_crc16(p, 16);
	p[16] = (uint8_t)(crc >> 8);
	p[17] = (uint8_t)crc;
	b->count++;
	b->fill = 0;
}

static bool start_pack(struct blk *b)
{
	if (b->count == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		void *n = realloc(b->pack, cap * sizeof(*b->pack));
		if (!n) {
			b->nomem = true;
			return false;
		}
		b->pack = n;
		b->cap = cap;
	}
	uint8_t *p = b->pack[b->count];
	memset(p, 0, RAWCD_CDTEXT_PACK_SIZE);
	p[0] = b->type;
	p[1] = (uint8_t)(b->track & 0x7F);
	p[2] = (uint8_t)(b->count - b->first);
	p[3] = (uint8_t)(b->byte3 | (b->chars < CHARPOS_MAX ? b->chars : CHARPOS_MAX));
	b->type_count[b->type & 0x0F]++;
	return true;
}

static void put(struct blk *b, uint8_t byte)
{
	if (b->nomem || (b->fill == 0 && !start_pack(b)))
		return;
	b->pack[b->count][4 + b->fill++] = byte;
	if (b->fill == PAYLOAD)
		seal(b);
}

/* One string of the block; a double-byte block counts two bytes a character and ends with two NULs. */
static void put_string(struct blk *b, unsigned track, bool genre, const char *s, bool dbcc)
{
	b->track = track;
	b->chars = 0;
	if (genre) {
		put(b, 0); /* genre code 0: not used (the text follows) */
		put(b, 0);
	}
	size_t n = s ? strlen(s) : 0;
	for (size_t i = 0; i < n; i++) {
		put(b, (uint8_t)s[i]);
		if (!dbcc || i % 2 == 1)
			b->chars++;
	}
	put(b, 0);
	if (dbcc)
		put(b, 0);
}

static bool kind_present(const struct rawcd_cdtext_block_text *bt, size_t tracks, size_t k)
{
	if (bt->disc && bt->disc->item[kinds[k].item])
		return true;
	for (size_t i = 0; kinds[k].per_track && bt->tracks && i < tracks; i++)
		if (bt->tracks[i].item[kinds[k].item])
			return true;
	return false;
}

static void write_texts(struct blk *b, const struct rawcd_disc *d, const struct rawcd_cdtext_block_text *bt)
{
	bool dbcc = bt->charset == CHARSET_MS_JIS;
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		if (!kind_present(bt, d->track_count, k))
			continue;
		b->type = kinds[k].type;
		bool genre = kinds[k].type == RAWCD_PACK_GENRE;
		put_string(b, 0, genre, bt->disc ? bt->disc->item[kinds[k].item] : NULL, dbcc);
		for (size_t i = 0; kinds[k].per_track && i < d->track_count; i++)
			put_string(b, d->tracks[i].number, false, bt->tracks ? bt->tracks[i].item[kinds[k].item] : NULL,
				   dbcc);
		if (b->fill > 0 && !b->nomem)
			seal(b);
	}
}

/* Size information of block @p i (MMC-6 table J.3). Bytes 20-27 (the last sequence number of each block)
 * are filled in once every block is laid out. */
static void write_size(struct blk *b, const struct rawcd_disc *d, const struct rawcd_cdtext_block_text *blocks,
		       size_t count, size_t i)
{
	uint8_t info[SIZE_PACKS * PAYLOAD] = {0};
	info[0] = blocks[i].charset;
	info[1] = (uint8_t)rawcd_disc_first_track(d);
	info[2] = (uint8_t)rawcd_disc_last_track(d);
	for (int t = 0; t < 16; t++)
		info[4 + t] = (uint8_t)b->type_count[t];
	info[4 + 0x0F] = SIZE_PACKS;
	for (size_t k = 0; k < count; k++)
		info[28 + blocks[k].block] = blocks[k].language;
	b->type = RAWCD_PACK_SIZE_INFO;
	b->chars = 0;
	for (unsigned part = 0; part < SIZE_PACKS; part++) {
		b->track = part;
		for (size_t k = 0; k < PAYLOAD; k++)
			put(b, info[part * PAYLOAD + k]);
	}
}

/* Bytes 20-27 of every block's size information, then the CRCs again. */
static void fill_last_sequences(struct blk *b, const struct rawcd_cdtext_block_text *blocks, size_t count,
				const size_t *first, const size_t *last)
{
	for (size_t i = 0; i < count; i++) {
		uint8_t *part1 = b->pack[last[i] - 2]; /* 8Fh part 1 of 0-2: info bytes 12-23 */
		for (size_t k = 0; k < count; k++)
			part1[4 + 8 + blocks[k].block] = (uint8_t)(last[k] - 1 - first[k]);
		uint16_t crc = (uint16_t)~rawcd_crc16(part1, 16);
		part1[16] = (uint8_t)(crc >> 8);
		part1[17] = (uint8_t)crc;
	}
}

static int check_blocks(const struct rawcd_cdtext_block_text *blocks, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		if (blocks[i].block > 7 || (i > 0 && blocks[i].block <= blocks[i - 1].block))
			return RAWCD_E_ARG;
		if (blocks[i].charset != 0x00 && blocks[i].charset != 0x01 && blocks[i].charset != CHARSET_MS_JIS)
			return RAWCD_E_ARG;
	}
	return count > 8 ? RAWCD_E_ARG : RAWCD_OK;
}

int rawcd_cdtext_build_blocks(struct rawcd_cdtext_packs *out, const struct rawcd_disc *disc,
			      const struct rawcd_cdtext_block_text *blocks, size_t count, rawcd_diag *diag)
{
	if (!out || !disc || (count && !blocks) || check_blocks(blocks, count))
		return RAWCD_E_ARG;
	struct blk b = {0};
	size_t first[8] = {0}, last[8] = {0};
	for (size_t i = 0; i < count; i++) {
		memset(b.type_count, 0, sizeof(b.type_count));
		b.first = b.count;
		b.byte3 = (uint8_t)(blocks[i].block << 4 | (blocks[i].charset == CHARSET_MS_JIS ? 0x80 : 0));
		first[i] = b.count;
		write_texts(&b, disc, &blocks[i]);
		if (b.count - b.first > MAX_TEXT) {
			free(b.pack);
			return rcd_error(diag, RAWCD_E_LAYOUT, disc->sheet_path, 0, "the CD-TEXT of block %u needs %zu "
					 "packs but a block holds %d (and 3 of size information): shorten its texts",
					 blocks[i].block, b.count - b.first, MAX_TEXT);
		}
		write_size(&b, disc, blocks, count, i);
		last[i] = b.count;
	}
	if (b.nomem) {
		free(b.pack);
		return RAWCD_E_NOMEM;
	}
	fill_last_sequences(&b, blocks, count, first, last);
	*out = (struct rawcd_cdtext_packs){.pack = b.pack, .count = b.count};
	return RAWCD_OK;
}
