/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rawcd_cdtext_build(): pack layout (MMC-6 Annex J; research/subcode.md §5) checked by hand, by round
 * trip through rawcd_cdtext_decode(), and byte for byte against real packs: libcdio's cdtext.cdt (the
 * libburn NIGHTCATS example) rebuilt from its .right strings, and its historic cdtext.cdt rebuilt from a
 * CUE sheet with the same texts.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdtext_test_util.h"
#include "rawcd/cue.h"
#include "rawcd/error.h"

static struct rawcd_disc *disc;
static struct rawcd_cdtext_packs packs;
static struct rawcd_cdtext_block *blocks;
static size_t block_count;
static rawcd_diag *diag;

static void setup(void)
{
	diag = rawcd_diag_new();
	cr_assert_not_null(diag);
}

static void teardown(void)
{
	rawcd_cdtext_blocks_free(blocks, block_count);
	blocks = NULL;
	block_count = 0;
	rawcd_cdtext_packs_finish(&packs);
	rawcd_disc_free(disc);
	disc = NULL;
	rawcd_diag_free(diag);
	tu_cleanup();
}

TestSuite(cdtext_build, .init = setup, .fini = teardown);

/* The 36-byte size information of block 0. */
static void size_info(const struct rawcd_cdtext_packs *p, uint8_t info[36])
{
	cr_assert_geq(p->count, 3);
	for (unsigned part = 0; part < 3; part++) {
		const uint8_t *pk = p->pack[p->count - 3 + part];
		cr_assert_eq(pk[0], 0x8F);
		cr_assert_eq(pk[1], part);
		memcpy(info + 12 * part, pk + 4, 12);
	}
}

/* Sequence numbers 0, 1, 2 ..., block 0, single-byte, types ascending, every CRC right. */
static void assert_well_formed(const struct rawcd_cdtext_packs *p)
{
	for (size_t i = 0; i < p->count; i++) {
		const uint8_t *pk = p->pack[i];
		cr_assert_eq(pk[2], (uint8_t)i, "pack %zu has sequence %u", i, pk[2]);
		cr_assert_eq(pk[3] & 0xF0, 0x00, "pack %zu: block 0, no DBCC", i);
		cr_assert(rawcd_cdtext_pack_crc_ok(pk), "pack %zu CRC", i);
		if (i > 0)
			cr_assert_geq(pk[0], p->pack[i - 1][0], "pack %zu: types ascending", i);
	}
}

/* A disc with 3 tracks: strings shorter than a pack, of exactly 12 characters and over 24, missing ones. */
static void make_round_trip_disc(void)
{
	disc = tu_disc_new(3);
	strcpy(disc->mcn, "1234567890123");
	tu_set(disc, -1, RAWCD_CDTEXT_TITLE, "Night Cats");
	tu_set(disc, -1, RAWCD_CDTEXT_PERFORMER, "United Cat Orchestra");
	tu_set(disc, -1, RAWCD_CDTEXT_MESSAGE, "For all our fans");
	tu_set(disc, -1, RAWCD_CDTEXT_DISC_ID, "1234567890");
	tu_set(disc, -1, RAWCD_CDTEXT_GENRE, "Feline classic music");
	tu_set(disc, 0, RAWCD_CDTEXT_TITLE, "Twelve chars");
	tu_set(disc, 0, RAWCD_CDTEXT_PERFORMER, "Felix");
	tu_set(disc, 0, RAWCD_CDTEXT_MESSAGE, "Fritz and Louie once were punks");
	strcpy(disc->tracks[0].isrc, "XYBLG1101234");
	tu_set(disc, 1, RAWCD_CDTEXT_TITLE, "A much longer title that spans packs");
	strcpy(disc->tracks[1].isrc, "XYBLG1100005");
	tu_set(disc, 2, RAWCD_CDTEXT_TITLE, "Mee");
	tu_set(disc, 2, RAWCD_CDTEXT_PERFORMER, "Mia Kitten");
}

Test(cdtext_build, round_trip)
{
	make_round_trip_disc();
	cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_count(diag), 0);
	assert_well_formed(&packs);
	cr_assert_eq(rawcd_cdtext_decode(&blocks, &block_count, &packs), RAWCD_OK);
	cr_assert_eq(block_count, 1);
	const struct rawcd_cdtext_block *b = &blocks[0];
	cr_assert_eq(b->block, 0);
	cr_assert_eq(b->charset, 0x00);
	cr_assert_eq(b->language, 0x09);
	cr_assert_eq(b->first_track, 1);
	cr_assert_eq(b->last_track, 3);
	cr_assert_eq(b->genre_code, 0);
	for (int k = RAWCD_CDTEXT_TITLE; k <= RAWCD_CDTEXT_GENRE; k++) {
		const char *want = disc->cdtext.item[k];
		if (want)
			cr_assert_str_eq(b->item[k][0], want, "disc item %d", k);
		else
			cr_assert_null(b->item[k][0], "disc item %d", k);
		for (unsigned t = 1; t <= 3; t++) {
			want = disc->tracks[t - 1].cdtext.item[k];
			if (k >= RAWCD_CDTEXT_DISC_ID)
				cr_assert_null(b->item[k][t]);
			else if (k == RAWCD_CDTEXT_TITLE || k == RAWCD_CDTEXT_PERFORMER || k == RAWCD_CDTEXT_MESSAGE)
				cr_assert_str_eq(b->item[k][t], want ? want : "", "track %u item %d", t, k);
			else
				cr_assert_null(b->item[k][t], "type %02X is absent", 0x80 + k);
		}
	}
	cr_assert_str_eq(b->item[0x0E][0], "1234567890123");
	cr_assert_str_eq(b->item[0x0E][1], "XYBLG1101234");
	cr_assert_str_eq(b->item[0x0E][2], "XYBLG1100005");
	cr_assert_str_eq(b->item[0x0E][3], "");
	cr_assert_null(b->item[0][4]);
}

/* Pack counts worked out by hand: 80h "Night Cats\0" 11 + "Twelve chars\0" 13 + 37 + "Mee\0" 4 = 65
 * bytes, 6 packs; 81h 21 + 6 + 1 + 11 = 39, 4; 85h 17 + 32 + 1 + 1 = 51, 5; 86h 11, 1; 87h 2 + 21, 2;
 * 8Eh 14 + 13 + 13 + 1 = 41, 4; 8Fh 3. */
Test(cdtext_build, size_information)
{
	make_round_trip_disc();
	cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_OK);
	cr_assert_eq(packs.count, 25);
	uint8_t info[36];
	size_info(&packs, info);
	static const uint8_t want[36] = {
		0x00, 1, 3, 0x00,                                      /* ISO-8859-1, tracks 1-3, copyright off */
		6, 4, 0, 0, 0, 5, 1, 2, 0, 0, 0, 0, 0, 0, 4, 3,        /* packs of 80h ... 8Fh */
		24, 0, 0, 0, 0, 0, 0, 0,                               /* last sequence number per block */
		0x09, 0, 0, 0, 0, 0, 0, 0,                             /* English */
	};
	for (int i = 0; i < 36; i++)
		cr_assert_eq(info[i], want[i], "size info byte %d is %u, expected %u", i, info[i], want[i]);
	for (uint8_t type = 0x80; type <= 0x8F; type++)
		cr_assert_eq(tu_count_type(&packs, type), want[4 + type - 0x80], "type %02X", type);
}

/* The 80h packs one by one: track byte = owner of the first payload byte, character position = its
 * characters in earlier packs, 15 at most (as pack 1 of NIGHTCATS, 80 00 01 0C). */
Test(cdtext_build, track_byte_and_character_position)
{
	make_round_trip_disc();
	cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_OK);
	static const struct {
		uint8_t track, pos;
		char payload[13];
	} want[6] = {
		{0, 0, "Night Cats\0T"},         /* the disc title and the first character of track 1's */
		{1, 1, "welve chars\0"},         /* track 1 from its 2nd character; its NUL ends the pack */
		{2, 0, "A much longe"},          /* track 2 starts a pack */
		{2, 12, "r title that"},         /* 12 characters before */
		{2, 15, " spans packs"},         /* 24 before: saturates at 15 */
		{2, 15, "\0Mee\0\0\0\0\0\0\0\0"}, /* only track 2's NUL left (36 before), then track 3, padding */
	};
	for (size_t i = 0; i < 6; i++) {
		const uint8_t *pk = packs.pack[i];
		cr_assert_eq(pk[0], 0x80);
		cr_assert_eq(pk[1], want[i].track, "pack %zu track byte %u", i, pk[1]);
		cr_assert_eq(pk[3], want[i].pos, "pack %zu position %u", i, pk[3]);
		cr_assert_eq(memcmp(pk + 4, want[i].payload, 12), 0, "pack %zu payload", i);
	}
	/* Pack 1 in full, CRC computed separately with the bit-by-bit test model of test_crc16.c. */
	static const uint8_t pack1[18] = {0x80, 0x01, 0x01, 0x01, 'w', 'e', 'l', 'v', 'e', ' ',
					  'c',  'h',  'a',  'r',  's', 0,   0x00, 0x00};
	uint8_t full[18];
	memcpy(full, pack1, 16);
	uint16_t crc = 0;
	for (int i = 0; i < 16; i++) {
		crc ^= (uint16_t)(full[i] << 8);
		for (int bit = 0; bit < 8; bit++)
			crc = (uint16_t)((crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1);
	}
	full[16] = (uint8_t)(~crc >> 8);
	full[17] = (uint8_t)~crc;
	cr_assert_eq(memcmp(packs.pack[1], full, 18), 0, "pack 1 in full");
	/* 87h: the genre code 0000 before the text, not counted as characters. */
	const uint8_t *g0 = packs.pack[6 + 4 + 5 + 1], *g1 = g0 + 18;
	cr_assert_eq(g0[0], 0x87);
	cr_assert_eq(memcmp(g0 + 4, "\0\0Feline cla", 12), 0);
	cr_assert_eq(g1[3], 10);
	cr_assert_eq(memcmp(g1 + 4, "ssic music\0\0", 12), 0);
}

Test(cdtext_build, utf8_to_latin1)
{
	disc = tu_disc_new(1);
	tu_set(disc, -1, RAWCD_CDTEXT_TITLE, "Caf\xc3\xa9");
	cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_count(diag), 0);
	cr_assert_eq(memcmp(packs.pack[0] + 4, "Caf\xe9\0\0", 6), 0);
	cr_assert_eq(rawcd_cdtext_decode(&blocks, &block_count, &packs), RAWCD_OK);
	cr_assert_str_eq(blocks[0].item[0][0], "Caf\xe9");
	cr_assert_str_eq(blocks[0].item[0][1], "");
}

/* Characters outside Latin-1 become '?', with one warning for the whole disc that names the sheet. */
Test(cdtext_build, outside_latin1_warns_once)
{
	disc = tu_disc_new(2);
	tu_set(disc, -1, RAWCD_CDTEXT_TITLE, "Disc");
	tu_set(disc, 0, RAWCD_CDTEXT_TITLE, "\xe6\x97\xa5\xe6\x9c\xac");      /* 日本 */
	tu_set(disc, 1, RAWCD_CDTEXT_PERFORMER, "\xce\xa9 \xf0\x9f\x8e\xb5"); /* Ω 🎵 */
	cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_count(diag), 1);
	const struct rawcd_diag_entry *w = tu_first(diag, RAWCD_SEV_WARNING);
	cr_assert_not_null(w);
	cr_assert_str_eq(w->file, "hand-made.cue");
	cr_assert_not_null(strstr(w->message, "4 characters"), "%s", w->message);
	cr_assert_not_null(strstr(w->message, "TITLE of track 01"), "%s", w->message);
	cr_assert_eq(rawcd_cdtext_decode(&blocks, &block_count, &packs), RAWCD_OK);
	cr_assert_str_eq(blocks[0].item[0][1], "??");
	cr_assert_str_eq(blocks[0].item[1][2], "? ?");
}

/* Text the CUE reader kept as bytes (not UTF-8) is taken as ISO-8859-1 as it is. */
Test(cdtext_build, not_utf8_passes_through)
{
	disc = tu_disc_new(1);
	tu_set(disc, 0, RAWCD_CDTEXT_PERFORMER, "Bj\xf6rk \xe9t\xe9");
	disc->tracks[0].cdtext.not_utf8 = true;
	cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_count(diag), 0);
	cr_assert_eq(packs.pack[0][0], 0x81);
	cr_assert_eq(memcmp(packs.pack[0] + 4, "\0Bj\xf6rk \xe9t\xe9\0", 12), 0);
	cr_assert_eq(rawcd_cdtext_decode(&blocks, &block_count, &packs), RAWCD_OK);
	cr_assert_str_eq(blocks[0].item[1][1], "Bj\xf6rk \xe9t\xe9");
	cr_assert_str_eq(blocks[0].item[1][0], "");
}

/* No CD-TEXT item, no packs: CATALOG and ISRC alone are Q-channel data. */
Test(cdtext_build, no_text_no_packs)
{
	disc = tu_disc_new(2);
	strcpy(disc->mcn, "1234567890123");
	strcpy(disc->tracks[0].isrc, "XYBLG1101234");
	packs.count = 99;
	cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_OK);
	cr_assert_eq(packs.count, 0);
	cr_assert_null(packs.pack);
	tu_set(disc, 1, RAWCD_CDTEXT_SONGWRITER, "Somebody");
	cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_OK);
	/* 82h "\0" "\0" "Somebody\0": 1 pack; 8Eh 14 + 13 + 1 bytes: 3 packs; size info. */
	cr_assert_eq(packs.count, 1 + 3 + 3);
	cr_assert_eq(tu_count_type(&packs, 0x82), 1);
	cr_assert_eq(tu_count_type(&packs, 0x8E), 3);
	cr_assert_eq(memcmp(packs.pack[0] + 4, "\0\0Somebody\0\0", 12), 0);
	cr_assert_eq(packs.pack[0][1], 0);
	/* The last 8Eh pack: the end of track 1's ISRC (10 characters before), track 2's "", padding. */
	cr_assert_eq(memcmp(packs.pack[3] + 1, "\x01\x03\x0a" "34\0\0\0\0\0\0\0\0\0\0", 15), 0);
}

/* 253 text packs fit a block (256 sequence numbers with the 3 size packs), 254 do not. A disc title of
 * n characters and the empty title of the one track take ceil((n + 2) / 12) packs. */
Test(cdtext_build, block_limit)
{
	disc = tu_disc_new(1);
	char *title = malloc(3036);
	cr_assert_not_null(title);
	memset(title, 'x', 3035);
	title[3034] = '\0';
	tu_set(disc, -1, RAWCD_CDTEXT_TITLE, title);
	cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_OK);
	cr_assert_eq(packs.count, 256);
	uint8_t info[36];
	size_info(&packs, info);
	cr_assert_eq(info[4], 253);
	cr_assert_eq(info[20], 255);
	assert_well_formed(&packs);
	rawcd_cdtext_packs_finish(&packs);

	title[3034] = 'x';
	title[3035] = '\0';
	tu_set(disc, -1, RAWCD_CDTEXT_TITLE, title);
	free(title);
	cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_E_LAYOUT);
	cr_assert_null(packs.pack);
	const struct rawcd_diag_entry *e = tu_first(diag, RAWCD_SEV_ERROR);
	cr_assert_not_null(e);
	cr_assert_eq(e->code, RAWCD_E_LAYOUT);
	cr_assert_str_eq(e->file, "hand-made.cue");
	cr_assert_not_null(strstr(e->message, "254 packs"), "%s", e->message);
}

Test(cdtext_build, track_disc_id_warns)
{
	disc = tu_disc_new(2);
	tu_set(disc, -1, RAWCD_CDTEXT_TITLE, "T");
	tu_set(disc, 1, RAWCD_CDTEXT_GENRE, "Rock");
	cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_OK);
	cr_assert_eq(tu_count_type(&packs, 0x87), 0);
	const struct rawcd_diag_entry *w = tu_first(diag, RAWCD_SEV_WARNING);
	cr_assert_not_null(w);
	cr_assert_not_null(strstr(w->message, "GENRE of track 02"), "%s", w->message);
}

/* Build block @p block of libcdio's cdtext.cdt from the strings its .right lists (UPC_EAN as CATALOG,
 * ISRC as the tracks' ISRC). */
static void disc_from_right(const struct tu_expect *e, size_t block)
{
	disc = tu_disc_new(3);
	for (int k = RAWCD_CDTEXT_TITLE; k <= RAWCD_CDTEXT_GENRE; k++) {
		if (e->item[block][k][0])
			tu_set(disc, -1, (enum rawcd_cdtext_item)k, e->item[block][k][0]);
		for (int t = 1; t <= 3; t++)
			if (e->item[block][k][t])
				tu_set(disc, t - 1, (enum rawcd_cdtext_item)k, e->item[block][k][t]);
	}
	strcpy(disc->mcn, e->item[block][0x0E][0]);
	for (int t = 1; t <= 3; t++)
		strcpy(disc->tracks[t - 1].isrc, e->item[block][0x0E][t]);
}

/* Our packs against a block of a real file: header and payload equal; @p exact also byte 3 and the CRC
 * (block 0 only: the file's block 1 has 1 in the block bits, ours is always block 0). */
static void assert_same_packs(const uint8_t *ours, const uint8_t *theirs, bool same_seq, bool exact,
			      const char *what)
{
	cr_assert_eq(ours[0], theirs[0], "%s: type", what);
	cr_assert_eq(ours[1], theirs[1], "%s: track byte %u, file %u", what, ours[1], theirs[1]);
	if (same_seq)
		cr_assert_eq(ours[2], theirs[2], "%s: sequence", what);
	cr_assert_eq(ours[3] & 0x8F, theirs[3] & 0x8F, "%s: position %02X, file %02X", what, ours[3], theirs[3]);
	cr_assert_eq(memcmp(ours + 4, theirs + 4, 12), 0, "%s: payload", what);
	if (exact)
		cr_assert_eq(memcmp(ours, theirs, 18), 0, "%s: whole pack", what);
}

/* libcdio's cdtext.cdt, both blocks, against packs built from its strings: 80h-86h identical (block 0
 * bit for bit, CRCs included); 87h identical but for the genre code (5 there, 0 here); 8Eh identical
 * but for the sequence numbers (the file has four 8Dh packs before it, a CUE sheet has no closed
 * information); the size information counts the same packs. Block 1 checks the UTF-8 to ISO-8859-1
 * conversion against the German texts the file holds. */
Test(cdtext_build, same_packs_as_libcdio_cdtext_cdt)
{
	size_t len;
	uint8_t *file = tu_read_file(LIBCDIO_DIR "/test/data/cdtext.cdt", &len);
	cr_assert_eq(len, 96 * 18 + 1);
	struct tu_expect e;
	tu_expect_load(&e, LIBCDIO_DIR "/test/cdtext.right");
	static const size_t block_start[2] = {0, 46};
	for (size_t block = 0; block < 2; block++) {
		disc_from_right(&e, block);
		cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_OK);
		const uint8_t *theirs = file + 18 * block_start[block];
		char what[64];
		size_t i = 0;
		for (; packs.pack[i][0] <= 0x86; i++) {
			snprintf(what, sizeof(what), "block %zu pack %zu", block, i);
			assert_same_packs(packs.pack[i], theirs + 18 * i, true, block == 0, what);
		}
		cr_assert_eq(i, block == 0 ? 32 : 36, "block %zu: %zu packs of 80h-86h", block, i);
		for (size_t g = 0; g < 2; g++, i++) {
			uint8_t copy[18];
			memcpy(copy, theirs + 18 * i, 18);
			if (g == 0)
				copy[4] = copy[5] = 0; /* genre code 5 -> 0 */
			snprintf(what, sizeof(what), "block %zu 87h pack %zu", block, g);
			assert_same_packs(packs.pack[i], copy, true, false, what);
		}
		for (size_t u = 0; u < 5; u++, i++) {
			snprintf(what, sizeof(what), "block %zu 8Eh pack %zu", block, u);
			assert_same_packs(packs.pack[i], theirs + 18 * (i + 4), false, false, what);
		}
		uint8_t ours_info[36], their_info[36];
		size_info(&packs, ours_info);
		for (unsigned part = 0; part < 3; part++)
			memcpy(their_info + 12 * part, theirs + 18 * (i + 4 + part) + 4, 12);
		for (unsigned t = 0; t < 16; t++)
			if (t != 0x0D)
				cr_assert_eq(ours_info[4 + t], their_info[4 + t], "block %zu count of %02X", block, 0x80 + t);
		cr_assert_eq(their_info[4 + 0x0D], 4);
		cr_assert_eq(ours_info[4 + 0x0D], 0);
		rawcd_cdtext_packs_finish(&packs);
		rawcd_disc_free(disc);
		disc = NULL;
	}
	tu_expect_free(&e);
	free(file);
}

/* A CUE sheet with the texts of libcdio's historic cdtext.cdt (taken from its decode, which
 * historic_strings in test_cdtext_files.c checks), parsed by rawcd_cue_parse_file() and built: the
 * 80h-86h packs equal the file's bit for bit. (Its 87h has genre code 1Bh, its 8Eh ISRCs with dashes
 * that a CUE ISRC cannot hold, its 8Fh says ASCII.) */
Test(cdtext_build, historic_sheet_builds_the_same_packs)
{
	struct rawcd_cdtext_packs file;
	cr_assert_eq(rawcd_cdtext_read_file(&file, HISTORIC_CDT, diag), RAWCD_OK);
	struct rawcd_cdtext_block *hb;
	size_t hn;
	cr_assert_eq(rawcd_cdtext_decode(&hb, &hn, &file), RAWCD_OK);

	static const char *const keywords[] = {"TITLE", "PERFORMER", "SONGWRITER", "COMPOSER",
					       "ARRANGER", "MESSAGE", "DISC_ID"};
	char sheet[4096];
	size_t n = 0;
	for (unsigned t = 0; t <= 3; t++) {
		if (t == 1)
			n += (size_t)snprintf(sheet + n, sizeof(sheet) - n, "FILE \"cdtext.bin\" BINARY\n");
		if (t > 0)
			n += (size_t)snprintf(sheet + n, sizeof(sheet) - n, "  TRACK %02u AUDIO\n", t);
		for (unsigned k = 0; k < 7; k++)
			if (hb[0].item[k][t])
				n += (size_t)snprintf(sheet + n, sizeof(sheet) - n, "    %s \"%s\"\n", keywords[k],
						      hb[0].item[k][t]);
		if (t > 0)
			n += (size_t)snprintf(sheet + n, sizeof(sheet) - n, "    INDEX 01 00:%02u:00\n", 4 * (t - 1));
	}
	cr_assert_lt(n, sizeof(sheet));
	const char *path = tu_write_temp("gnu.cue", sheet, n);
	cr_assert_eq(rawcd_cue_parse_file(&disc, path, diag), RAWCD_OK);
	cr_assert_str_eq(disc->cdtext.item[RAWCD_CDTEXT_DISC_ID], "0815 42");
	cr_assert_str_eq(disc->tracks[1].cdtext.item[RAWCD_CDTEXT_ARRANGER], "The Guy With the Microphone");
	cr_assert_eq(rawcd_cdtext_build(&packs, disc, diag), RAWCD_OK);
	cr_assert_eq(tu_count_type(&packs, 0x86), 1);
	size_t i = 0;
	for (; packs.pack[i][0] <= 0x86; i++) {
		char what[32];
		snprintf(what, sizeof(what), "pack %zu", i);
		assert_same_packs(packs.pack[i], file.pack[i], true, true, what);
	}
	cr_assert_eq(i, 34);
	rawcd_cdtext_blocks_free(hb, hn);
	rawcd_cdtext_packs_finish(&file);
}
