/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CD-TEXT packs back to strings (MMC-6 Annex J; research/subcode.md §5), pack CRCs, and the READ
 * TOC/PMA/ATIP format 5 response that carries packs (MMC-6 §6.26.3.7).
 *
 * Packs come in blocks (byte 3 bits 6-4), blocks in ascending order, each numbered by its own sequence
 * from 0 and closed by three 8Fh packs of size information. The strings of one type are read as one
 * stream: the track byte of the type's first pack says whose string comes first (0 = the disc), each
 * NUL moves to the next track, and the zeros padding the last pack fall past the last track.
 */
#include "rawcd/cdtext.h"
#include "rawcd/error.h"

#include <stdlib.h>
#include <string.h>

#define PAYLOAD_SIZE 12
#define HEADER_SIZE 4 /* format 5 response: length, two reserved bytes */
#define MAX_BLOCKS 8
#define PACKS_PER_BLOCK 256 /* the sequence number is one byte */
#define TAB 0x09            /* a string of one TAB: "the same as the previous track" */

/* Pack @p i of a run (plain bytes: const arrays of arrays do not convert in C11). */
#define PACK(p, i) ((p) + (size_t)(i) * RAWCD_CDTEXT_PACK_SIZE)

bool rawcd_cdtext_pack_crc_ok(const uint8_t pack[RAWCD_CDTEXT_PACK_SIZE])
{
	uint16_t crc = (uint16_t)~rawcd_crc16(pack, 16);
	return pack[16] == (uint8_t)(crc >> 8) && pack[17] == (uint8_t)crc;
}

void rawcd_cdtext_packs_finish(struct rawcd_cdtext_packs *packs)
{
	if (!packs)
		return;
	free(packs->pack);
	packs->pack = NULL;
	packs->count = 0;
}

void rawcd_cdtext_blocks_free(struct rawcd_cdtext_block *blocks, size_t count)
{
	if (!blocks)
		return;
	for (size_t b = 0; b < count; b++)
		for (size_t t = 0; t < 16; t++)
			for (size_t k = 0; k <= RAWCD_MAX_TRACKS; k++)
				free(blocks[b].item[t][k]);
	free(blocks);
}

/* A run of consecutive packs of one block. */
struct run {
	size_t first, count;
	unsigned block;
};

static unsigned pack_block(const uint8_t *pack)
{
	return (pack[3] >> 4) & 0x07;
}

/* Split the packs into blocks: CRCs right, blocks ascending, sequence numbers 0, 1, 2... in each. */
static int split_blocks(const struct rawcd_cdtext_packs *packs, struct run runs[MAX_BLOCKS], size_t *run_count)
{
	size_t n = 0;
	for (size_t i = 0; i < packs->count; i++) {
		const uint8_t *p = packs->pack[i];
		if (!rawcd_cdtext_pack_crc_ok(p) || (p[0] & 0xF0) != 0x80)
			return RAWCD_E_FORMAT;
		unsigned block = pack_block(p);
		if (n == 0 || block != runs[n - 1].block) {
			if (n > 0 && block < runs[n - 1].block)
				return RAWCD_E_FORMAT;
			runs[n++] = (struct run){.first = i, .count = 0, .block = block};
		}
		struct run *r = &runs[n - 1];
		if (r->count >= PACKS_PER_BLOCK || p[2] != r->count)
			return RAWCD_E_FORMAT;
		r->count++;
	}
	*run_count = n;
	return RAWCD_OK;
}

/* The 36-byte size information record of a block (8Fh packs with track bytes 0, 1, 2). */
static bool size_info(const uint8_t *p, size_t n, uint8_t info[36])
{
	unsigned found = 0;
	for (size_t i = 0; i < n; i++) {
		const uint8_t *pack = PACK(p, i);
		unsigned part = pack[1] & 0x7F;
		if (pack[0] == RAWCD_PACK_SIZE_INFO && part < 3) {
			memcpy(info + part * PAYLOAD_SIZE, pack + 4, PAYLOAD_SIZE);
			found |= 1u << part;
		}
	}
	return found == 7;
}

/*
 * The payload stream of one type. 87h: the genre code is in the first pack; some writers repeat it at
 * the start of the following 87h packs (libburn doc/cdtext.txt), which is dropped while the disc's
 * genre text is still open.
 */
static size_t gather(const uint8_t *p, size_t n, uint8_t type, uint8_t *buf,
		     unsigned *first_track)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		const uint8_t *pack = PACK(p, i), *payload = pack + 4;
		if (pack[0] != type)
			continue;
		size_t skip = 0;
		if (len == 0)
			*first_track = pack[1] & 0x7F;
		else if (type == RAWCD_PACK_GENRE && *first_track == 0 && len >= 2 && payload[0] == buf[0] &&
			 payload[1] == buf[1] && !memchr(buf + 2, 0, len - 2))
			skip = 2;
		memcpy(buf + len, payload + skip, PAYLOAD_SIZE - skip);
		len += PAYLOAD_SIZE - skip;
	}
	return len;
}

static int store(struct rawcd_cdtext_block *blk, uint8_t type, unsigned track, const uint8_t *s, size_t len)
{
	char **slot = &blk->item[type - 0x80][track];
	/* TAB alone repeats the previous track's string (not for the first track: there is none). */
	if (len == 1 && s[0] == TAB && track > blk->first_track && blk->item[type - 0x80][track - 1]) {
		s = (const uint8_t *)blk->item[type - 0x80][track - 1];
		len = strlen((const char *)s);
	}
	char *copy = malloc(len + 1);
	if (!copy)
		return RAWCD_E_NOMEM;
	memcpy(copy, s, len);
	copy[len] = '\0';
	*slot = copy;
	return RAWCD_OK;
}

/* The strings of one type; 86h, 87h and 8Dh have the disc's only. */
static int decode_type(struct rawcd_cdtext_block *blk, const uint8_t *p, size_t n,
		       uint8_t type)
{
	uint8_t buf[PACKS_PER_BLOCK * PAYLOAD_SIZE];
	unsigned track = 0;
	size_t len = gather(p, n, type, buf, &track), pos = 0;
	bool per_track = type <= RAWCD_PACK_MESSAGE || type == RAWCD_PACK_UPC_ISRC;
	if (len == 0)
		return RAWCD_OK;
	if (type == RAWCD_PACK_GENRE && track == 0 && len >= 2) {
		blk->genre_code = (uint16_t)(buf[0] << 8 | buf[1]);
		pos = 2;
	}
	while (pos < len && track <= blk->last_track) {
		const uint8_t *nul = memchr(buf + pos, 0, len - pos);
		if (!nul)
			break; /* an unended string: nothing to trust */
		size_t slen = (size_t)(nul - (buf + pos));
		if (track == 0 || track >= blk->first_track) {
			int err = store(blk, type, track, buf + pos, slen);
			if (err)
				return err;
		}
		pos += slen + 1;
		if (!per_track)
			break;
		track = track == 0 ? blk->first_track : track + 1;
	}
	return RAWCD_OK;
}

static int decode_block(struct rawcd_cdtext_block *blk, const uint8_t *p, size_t n,
			unsigned block)
{
	uint8_t info[36];
	if (!size_info(p, n, info))
		return RAWCD_E_FORMAT;
	blk->block = block;
	blk->charset = info[0];
	blk->first_track = info[1];
	blk->last_track = info[2];
	blk->language = info[28 + block];
	if (blk->first_track < 1 || blk->first_track > blk->last_track || blk->last_track > RAWCD_MAX_TRACKS)
		return RAWCD_E_FORMAT;
	for (size_t i = 0; i < n; i++)
		if (PACK(p, i)[3] & 0x80)
			return RAWCD_OK; /* double-byte characters (MS-JIS): strings not decoded */
	static const uint8_t text_types[] = {0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x8D, 0x8E};
	for (size_t t = 0; t < sizeof(text_types); t++) {
		int err = decode_type(blk, p, n, text_types[t]);
		if (err)
			return err;
	}
	return RAWCD_OK;
}

int rawcd_cdtext_decode(struct rawcd_cdtext_block **out, size_t *out_count, const struct rawcd_cdtext_packs *packs)
{
	if (!out || !out_count || !packs || (packs->count > 0 && !packs->pack))
		return RAWCD_E_ARG;
	struct run runs[MAX_BLOCKS];
	size_t run_count = 0;
	int err = packs->count > RAWCD_CDTEXT_MAX_PACKS ? RAWCD_E_FORMAT : split_blocks(packs, runs, &run_count);
	if (err)
		return err;
	struct rawcd_cdtext_block *blocks = NULL;
	if (run_count > 0 && !(blocks = calloc(run_count, sizeof(*blocks))))
		return RAWCD_E_NOMEM;
	for (size_t i = 0; i < run_count && !err; i++)
		err = decode_block(&blocks[i], packs->pack[runs[i].first], runs[i].count, runs[i].block);
	if (err) {
		rawcd_cdtext_blocks_free(blocks, run_count);
		return err;
	}
	*out = blocks;
	*out_count = run_count;
	return RAWCD_OK;
}

int rawcd_cdtext_encode_response(const struct rawcd_cdtext_packs *packs, uint8_t *buf, size_t capacity,
				 size_t *out_len)
{
	if (!packs || !buf || !out_len || (packs->count > 0 && !packs->pack) ||
	    packs->count > RAWCD_CDTEXT_MAX_PACKS)
		return RAWCD_E_ARG;
	size_t size = HEADER_SIZE + packs->count * RAWCD_CDTEXT_PACK_SIZE;
	if (capacity < size)
		return RAWCD_E_ARG;
	size_t data_len = size - 2; /* the length field counts the bytes after itself */
	buf[0] = (uint8_t)(data_len >> 8);
	buf[1] = (uint8_t)data_len;
	buf[2] = buf[3] = 0;
	if (packs->count > 0)
		memcpy(buf + HEADER_SIZE, packs->pack, packs->count * RAWCD_CDTEXT_PACK_SIZE);
	*out_len = size;
	return RAWCD_OK;
}

int rawcd_cdtext_decode_response(struct rawcd_cdtext_packs *out, const uint8_t *buf, size_t len)
{
	if (!out || (!buf && len > 0))
		return RAWCD_E_ARG;
	if (len < HEADER_SIZE)
		return RAWCD_E_FORMAT;
	/* As for the other READ TOC formats, bytes after the response (a larger allocation) are ignored. */
	size_t data_len = (size_t)buf[0] << 8 | buf[1];
	if (data_len < 2 || data_len + 2 > len || (data_len - 2) % RAWCD_CDTEXT_PACK_SIZE != 0)
		return RAWCD_E_FORMAT;
	size_t count = (data_len - 2) / RAWCD_CDTEXT_PACK_SIZE;
	if (count > RAWCD_CDTEXT_MAX_PACKS)
		return RAWCD_E_FORMAT;
	for (size_t i = 0; i < count; i++)
		if (!rawcd_cdtext_pack_crc_ok(buf + HEADER_SIZE + i * RAWCD_CDTEXT_PACK_SIZE))
			return RAWCD_E_FORMAT;
	uint8_t(*packs)[RAWCD_CDTEXT_PACK_SIZE] = NULL;
	if (count > 0) {
		packs = malloc(count * sizeof(*packs));
		if (!packs)
			return RAWCD_E_NOMEM;
		memcpy(packs, buf + HEADER_SIZE, count * sizeof(*packs));
	}
	*out = (struct rawcd_cdtext_packs){.pack = packs, .count = count};
	return RAWCD_OK;
}
