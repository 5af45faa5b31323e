/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The .cdt files of libcdio's tests (SHARED_TESTDATA/libcdio_libcdio, testdata INDEX.md §8): read with
 * rawcd_cdtext_read_file(), every CRC checked, decoded with rawcd_cdtext_decode() and compared with what
 * libcdio's example/cdtext-raw printed for them (test/cdtext*.right), every string of every block.
 */
#include <criterion/criterion.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdtext_test_util.h"
#include "rawcd/cue.h"
#include "rawcd/error.h"

/* Every .cdt in the shared test data, and what INDEX.md says of it. */
static const struct {
	const char *name; /* path under libcdio_libcdio */
	size_t size, packs;
	const char *right; /* libcdio's expected decode, or NULL */
	size_t blocks;
} cdt_files[] = {
	{"test/data/cdtext.cdt", 1729, 96, "test/cdtext.right", 2}, /* 96 packs + a NUL */
	{"test/data/cdtext-libburnia.cdt", 1638, 91, "test/cdtext-libburnia.right", 2},
	{"test/data/cdtext-krosis.cdt", 846, 47, "test/cdtext-krosis.right", 1},
	{"historic_7b64aa70/cdtext.cdt", 810, 45, NULL, 1},
};
#define CDT_COUNT (sizeof(cdt_files) / sizeof(cdt_files[0]))

static char found[16][512];
static size_t found_count;

static int collect_cdt(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	size_t n = strlen(path);
	if (flag == FTW_F && n > 4 && strcmp(path + n - 4, ".cdt") == 0 && found_count < 16)
		snprintf(found[found_count++], sizeof(found[0]), "%s", path);
	return 0;
}

static void read_cdt(struct rawcd_cdtext_packs *packs, const char *name)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", LIBCDIO_DIR, name);
	rawcd_diag *diag = rawcd_diag_new();
	int rc = rawcd_cdtext_read_file(packs, path, diag);
	cr_assert_eq(rc, RAWCD_OK, "%s: %s", name,
		     rawcd_diag_count(diag) ? rawcd_diag_get(diag, 0)->message : rawcd_strerror(rc));
	cr_assert_eq(rawcd_diag_count(diag), 0);
	rawcd_diag_free(diag);
}

/* Exactly the four files INDEX.md lists are in the shared data, and each reads whole. */
Test(cdtext_files, every_cdt_reads_with_valid_crcs)
{
	found_count = 0;
	cr_assert_eq(nftw(SHARED_TESTDATA, collect_cdt, 16, FTW_PHYS), 0);
	cr_assert_eq(found_count, CDT_COUNT, "found %zu .cdt files", found_count);
	for (size_t f = 0; f < found_count; f++) {
		size_t k = 0;
		while (k < CDT_COUNT && !strstr(found[f], cdt_files[k].name))
			k++;
		cr_assert_lt(k, CDT_COUNT, "unexpected file %s", found[f]);
		size_t size;
		free(tu_read_file(found[f], &size));
		cr_assert_eq(size, cdt_files[k].size, "%s: %zu bytes", found[f], size);
		struct rawcd_cdtext_packs packs;
		read_cdt(&packs, cdt_files[k].name);
		cr_assert_eq(packs.count, cdt_files[k].packs, "%s: %zu packs", found[f], packs.count);
		for (size_t i = 0; i < packs.count; i++) {
			cr_assert(rawcd_cdtext_pack_crc_ok(packs.pack[i]), "%s pack %zu", found[f], i);
			cr_assert_eq(packs.pack[i][0] & 0xF0, 0x80);
		}
		rawcd_cdtext_packs_finish(&packs);
		cr_assert_null(packs.pack);
		cr_assert_eq(packs.count, 0);
	}
}

/* Every string of every block as libcdio printed it; the .right files are UTF-8, a block in ISO-8859-1
 * is compared after conversion. libcdio leaves empty strings out. */
static void compare_with_right(const struct rawcd_cdtext_block *blocks, size_t count, const struct tu_expect *e)
{
	cr_assert_eq(count, e->blocks);
	for (size_t b = 0; b < count; b++) {
		const struct rawcd_cdtext_block *blk = &blocks[b];
		cr_assert_eq(blk->block, b);
		cr_assert_eq(blk->genre_code, e->genre_code[b], "block %zu genre %u", b, blk->genre_code);
		cr_assert_eq(blk->language, strcmp(e->language[b], "English") == 0 ? 0x09 : 0x08);
		for (unsigned t = 0; t < 16; t++) {
			if (t == RAWCD_PACK_CLOSED - 0x80)
				continue; /* cdtext-raw does not print closed information */
			for (unsigned k = 0; k <= RAWCD_MAX_TRACKS; k++) {
				const char *want = e->item[b][t][k], *got = blk->item[t][k];
				if (!want) {
					cr_assert(!got || !*got, "block %zu type %02X track %u: unexpected \"%s\"", b,
						  0x80 + t, k, got);
					continue;
				}
				cr_assert_not_null(got, "block %zu type %02X track %u: missing \"%s\"", b, 0x80 + t, k,
						   want);
				char *latin1 = tu_latin1(want);
				cr_assert_str_eq(got, latin1, "block %zu type %02X track %u", b, 0x80 + t, k);
				free(latin1);
			}
		}
	}
}

static void decode_file(size_t k, struct rawcd_cdtext_block **blocks, size_t *count)
{
	struct rawcd_cdtext_packs packs;
	read_cdt(&packs, cdt_files[k].name);
	cr_assert_eq(rawcd_cdtext_decode(blocks, count, &packs), RAWCD_OK, "%s", cdt_files[k].name);
	cr_assert_eq(*count, cdt_files[k].blocks);
	rawcd_cdtext_packs_finish(&packs);
}

Test(cdtext_files, decodes_as_libcdio_right_files)
{
	for (size_t k = 0; k < CDT_COUNT; k++) {
		if (!cdt_files[k].right)
			continue;
		struct rawcd_cdtext_block *blocks;
		size_t count;
		decode_file(k, &blocks, &count);
		char right[512];
		snprintf(right, sizeof(right), "%s/%s", LIBCDIO_DIR, cdt_files[k].right);
		struct tu_expect e;
		tu_expect_load(&e, right);
		cr_assert_gt(e.entries, 40, "%s: only %zu strings read", right, e.entries);
		compare_with_right(blocks, count, &e);
		tu_expect_free(&e);
		rawcd_cdtext_blocks_free(blocks, count);
	}
}

/* A few strings spelled out, so that the comparison above cannot pass on an empty .right parse. */
Test(cdtext_files, known_strings)
{
	struct rawcd_cdtext_block *b;
	size_t n;
	decode_file(0, &b, &n); /* cdtext.cdt: ASCII English, ISO-8859-1 German */
	cr_assert_eq(b[0].charset, 0x01);
	cr_assert_eq(b[1].charset, 0x00);
	cr_assert_eq(b[0].first_track, 1);
	cr_assert_eq(b[0].last_track, 3);
	cr_assert_str_eq(b[0].item[0][0], "Joyful Nights");
	cr_assert_str_eq(b[0].item[1][0], "United Cat Orchestra");
	cr_assert_str_eq(b[0].item[0][2], "Humpty Dumpty");
	cr_assert_str_eq(b[0].item[0x0E][0], "1234567890123");
	cr_assert_str_eq(b[0].item[0x0E][1], "XYBLG1101234");
	cr_assert_str_eq(b[0].item[0x07][0], "Feline classic music");
	cr_assert_str_eq(b[0].item[0x0D][0], "This is not to be shown by CD players");
	cr_assert_eq(b[0].genre_code, 5);
	cr_assert_str_eq(b[1].item[0][0], "Freudvolle N\xe4" "chte");
	cr_assert_str_eq(b[1].item[1][2], "Katzengang Sch\xf6nheiten");
	cr_assert_str_eq(b[0].item[5][3], ""); /* track 3 has no message: an empty string */
	rawcd_cdtext_blocks_free(b, n);

	decode_file(1, &b, &n); /* libburnia: TAB for track 2's arranger */
	cr_assert_str_eq(b[0].item[0][0], "Night Cats II");
	cr_assert_str_eq(b[0].item[0][2], "The Hunt");
	cr_assert_str_eq(b[0].item[4][2], "Tom Cat");
	cr_assert_str_eq(b[1].item[1][3], "Mia K\xe4tzchen");
	rawcd_cdtext_blocks_free(b, n);

	decode_file(2, &b, &n); /* krosis: TABs throughout, empty UPC */
	cr_assert_eq(b[0].last_track, 10);
	cr_assert_str_eq(b[0].item[0][0], "A Memoir of Free Will");
	cr_assert_str_eq(b[0].item[1][0], "Krosis");
	cr_assert_str_eq(b[0].item[1][10], "Krosis");
	cr_assert_str_eq(b[0].item[0][7], "Questions of a Holistic Divine");
	cr_assert_str_eq(b[0].item[0x0E][0], "");
	cr_assert_str_eq(b[0].item[0x0E][10], "QM7281905213");
	cr_assert_null(b[0].item[5][0]);
	rawcd_cdtext_blocks_free(b, n);
}

/* The historic file has no .right: its strings as libburn's doc/cdtext.txt example lists them. Its 87h
 * packs repeat the genre code at the start of the second pack (allowed by the doc). */
Test(cdtext_files, historic_strings)
{
	struct rawcd_cdtext_block *b;
	size_t n;
	decode_file(3, &b, &n);
	cr_assert_eq(b[0].charset, 0x01);
	cr_assert_eq(b[0].language, 0x09);
	cr_assert_eq(b[0].first_track, 1);
	cr_assert_eq(b[0].last_track, 3);
	cr_assert_str_eq(b[0].item[0][0], "The Voice of the Gnu");
	cr_assert_str_eq(b[0].item[0][1], "I Will Survive");
	cr_assert_str_eq(b[0].item[0][3], "Gnu Opera");
	cr_assert_str_eq(b[0].item[1][0], "A Gnu");
	cr_assert_str_eq(b[0].item[4][2], "The Guy With the Microphone");
	cr_assert_str_eq(b[0].item[5][3], "Every Gnu Is Legal!");
	cr_assert_str_eq(b[0].item[6][0], "0815 42");
	cr_assert_null(b[0].item[6][1]);
	cr_assert_eq(b[0].genre_code, 0x001B); /* World Music */
	cr_assert_str_eq(b[0].item[7][0], "Animal Soundz");
	cr_assert_str_eq(b[0].item[0x0E][0], "0123456789876");
	cr_assert_str_eq(b[0].item[0x0E][3], "DE-GNU-11-00003");
	cr_assert_null(b[0].item[0][4]);
	rawcd_cdtext_blocks_free(b, n);
}

/* libcdio's historic cdtext.cue names its packs with CDTEXTFILE: the sheet, the file it names (relative to
 * the sheet's folder) and the tracks agree. */
Test(cdtext_files, historic_sheet_cdtextfile)
{
	struct rawcd_disc *disc;
	rawcd_diag *diag = rawcd_diag_new();
	const char *sheet = LIBCDIO_DIR "/historic_7b64aa70/cdtext.cue";
	cr_assert_eq(rawcd_cue_parse_file(&disc, sheet, diag), RAWCD_OK);
	cr_assert_str_eq(disc->cdtextfile, "cdtext.cdt");
	cr_assert_eq(disc->track_count, 3);
	char path[512];
	snprintf(path, sizeof(path), "%s/historic_7b64aa70/%s", LIBCDIO_DIR, disc->cdtextfile);
	struct rawcd_cdtext_packs packs;
	cr_assert_eq(rawcd_cdtext_read_file(&packs, path, diag), RAWCD_OK);
	cr_assert_eq(packs.count, 45);
	struct rawcd_cdtext_block *b;
	size_t n;
	cr_assert_eq(rawcd_cdtext_decode(&b, &n, &packs), RAWCD_OK);
	cr_assert_eq(b[0].first_track, rawcd_disc_first_track(disc));
	cr_assert_eq(b[0].last_track, rawcd_disc_last_track(disc));
	for (size_t i = 0; i < disc->track_count; i++)
		cr_assert_not_null(b[0].item[0][disc->tracks[i].number], "track %zu has a title", i);
	rawcd_cdtext_blocks_free(b, n);
	rawcd_cdtext_packs_finish(&packs);
	rawcd_disc_free(disc);
	rawcd_diag_free(diag);
}
