/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd_tocfile_load() on files: pieces measured and laid out, indexes inside pieces, CD-TEXT packs of
 * every block (ISO-8859-1 and MS-JIS), block 0 as the CUE-style texts; rawcd_cdtext_build_blocks(). */
#include <criterion/criterion.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rawcd/cdtext.h"
#include "rawcd/error.h"
#include "rawcd/tocfile.h"

#define TESTTOCS SHARED_TESTDATA "/cdrdao_cdrdao/testtocs/"

static struct rawcd_disc *load(const char *path, int want)
{
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = NULL;
	int rc = rawcd_tocfile_load(&d, path, NULL, diag);
	if (rc != want && rawcd_diag_count(diag))
		cr_log_error("%s", rawcd_diag_get(diag, 0)->message);
	cr_assert_eq(rc, want);
	rawcd_diag_free(diag);
	return d;
}

static char *write_tmp(const char *dir, const char *name, const char *text, size_t zero_bytes)
{
	char *path = NULL;
	cr_assert(asprintf(&path, "%s/%s", dir, name) > 0);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	if (text)
		fputs(text, f);
	fclose(f);
	if (zero_bytes)
		cr_assert_eq(truncate(path, (off_t)zero_bytes), 0);
	return path;
}

/* A track of three pieces, START and INDEX inside the second: the layout counts every piece. */
Test(toc_load, pieces_and_positions)
{
	char dir[] = "/tmp/rawcd-tocload-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	free(write_tmp(dir, "a.raw", NULL, 2352 * 500));
	char *toc = write_tmp(dir, "t.toc", "CD_DA\nTRACK AUDIO\nSILENCE 0:1:0\nFILE \"a.raw\" 0:0:10 0:4:0\n"
				       "START 0:2:0\nSILENCE 0:2:0\nINDEX 0:1:0\nINDEX 0:3:0\n"
				       "TRACK AUDIO\nFILE \"a.raw\" 0:4:10\n", 0);
	struct rawcd_disc *d = load(toc, RAWCD_OK);
	cr_assert_eq(d->file_count, 4);
	const struct rawcd_track *t = &d->tracks[0];
	cr_assert_eq(t->index_count, 4);
	cr_assert(t->indexes[0].number == 0 && t->indexes[0].lba == 0);
	cr_assert(t->indexes[1].number == 1 && t->indexes[1].lba == 150 && t->indexes[1].file == 1 &&
		  t->indexes[1].offset == 75);
	cr_assert(t->indexes[2].number == 2 && t->indexes[2].lba == 225);
	cr_assert(t->indexes[3].number == 3 && t->indexes[3].lba == 375 && t->indexes[3].file == 2);
	cr_assert_eq(t->end_lba, 75 + 300 + 150); /* all three pieces */
	cr_assert_eq(d->tracks[1].start_lba, 525);
	cr_assert_eq(rawcd_disc_leadout_lba(d), 525 + 500 - 310);
	cr_assert_eq(d->files[1].byte_offset, 10u * 2352);
	cr_assert_eq(d->files[1].type, RAWCD_FILE_MOTOROLA);
	rawcd_disc_free(d);
	free(toc);
	char cmd[100];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(toc_load, positions_past_the_data_are_layout_errors)
{
	char dir[] = "/tmp/rawcd-tocload-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char *a = write_tmp(dir, "a.toc", "TRACK AUDIO\nSILENCE 0:4:0\nSTART 0:4:0\n", 0);
	char *b = write_tmp(dir, "b.toc", "TRACK AUDIO\nSILENCE 0:4:0\nINDEX 0:5:0\n", 0);
	char *c = write_tmp(dir, "c.toc", "TRACK AUDIO\nFILE \"missing.wav\" 0\n", 0);
	load(a, RAWCD_E_LAYOUT);
	load(b, RAWCD_E_LAYOUT);
	load(c, RAWCD_E_INPUT);
	free(a);
	free(b);
	free(c);
	char cmd[100];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

/* The payload of one pack type in one block, from its first pack on. */
static size_t payload(const struct rawcd_disc *d, unsigned block, uint8_t type, uint8_t *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < d->cdtext_pack_count; i++) {
		const uint8_t *p = d->cdtext_pack[i];
		if (p[0] == type && ((p[3] >> 4) & 7) == block && n + 12 <= cap) {
			memcpy(out + n, p + 4, 12);
			n += 12;
		}
	}
	return n;
}

Test(toc_load, three_encodings_make_three_blocks)
{
	struct rawcd_disc *d = load(TESTTOCS "3encodings.toc", RAWCD_OK);
	cr_assert_gt(d->cdtext_pack_count, 0);
	struct rawcd_cdtext_packs packs = {.pack = d->cdtext_pack, .count = d->cdtext_pack_count};
	struct rawcd_cdtext_block *blocks = NULL;
	size_t n = 0;
	cr_assert_eq(rawcd_cdtext_decode(&blocks, &n, &packs), RAWCD_OK);
	cr_assert_eq(n, 3);
	cr_assert(blocks[0].charset == 0x00 && blocks[0].language == 9);
	cr_assert(blocks[1].charset == 0x00 && blocks[1].language == 15);
	cr_assert(blocks[2].charset == 0x80 && blocks[2].language == 105);
	cr_assert_str_eq(blocks[1].item[0][0], "L'humidit\xe9 de l'eau"); /* UTF-8 in the file → Latin-1 */
	cr_assert_str_eq(blocks[1].item[0][2], "Je suis liquid\xe9" "e");
	rawcd_cdtext_blocks_free(blocks, n);
	/* Block 2: double-byte (DBCC bit), code page 932, each string ended by two NULs. */
	uint8_t raw[600];
	size_t len = payload(d, 2, 0x80, raw, sizeof(raw));
	cr_assert_gt(len, 0);
	iconv_t cd = iconv_open("UTF-8", "CP932");
	cr_assert_neq(cd, (iconv_t)-1);
	char utf8[64] = {0}, *in = (char *)raw, *o = utf8;
	size_t sj = strlen((char *)raw), room = sizeof(utf8) - 1;
	cr_assert_eq(sj % 2, 0);
	cr_assert_neq(iconv(cd, &in, &sj, &o, &room), (size_t)-1);
	iconv_close(cd);
	cr_assert_str_eq(utf8, "湿った水");
	cr_assert_eq(raw[strlen((char *)raw) + 1], 0);
	for (size_t i = 0; i < d->cdtext_pack_count; i++)
		if (((d->cdtext_pack[i][3] >> 4) & 7) == 2 && d->cdtext_pack[i][0] != 0x8F)
			cr_assert(d->cdtext_pack[i][3] & 0x80, "pack %zu lacks DBCC", i);
	/* Block 0 is also the disc's CUE-style text (what a BIN sheet keeps). */
	cr_assert_str_eq(d->cdtext.item[RAWCD_CDTEXT_TITLE], "The Water");
	cr_assert_str_eq(d->tracks[1].cdtext.item[RAWCD_CDTEXT_TITLE], "I am liquid");
	rawcd_disc_free(d);
}

Test(toc_load, octal_latin1_stays_bytes)
{
	char dir[] = "/tmp/rawcd-tocload-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char *toc = write_tmp(dir, "t.toc", "CD_TEXT { LANGUAGE_MAP { 0 : 9 } LANGUAGE 0 { TITLE \"Jos\\351\" } }\n"
				       "TRACK AUDIO\nCD_TEXT { LANGUAGE 0 { TITLE \"Caf\\351\" } }\nSILENCE 0:4:0\n", 0);
	struct rawcd_disc *d = load(toc, RAWCD_OK);
	uint8_t raw[100] = {0};
	payload(d, 0, 0x80, raw, sizeof(raw));
	cr_assert_eq(memcmp(raw, "Jos\xe9\0Caf\xe9\0", 10), 0);
	cr_assert(d->cdtext.not_utf8);
	rawcd_disc_free(d);
	free(toc);
	char cmd[100];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(cdtext_blocks, two_blocks_decode_with_their_languages)
{
	struct rawcd_track tracks[2] = {{.number = 1}, {.number = 2}};
	struct rawcd_disc disc = {.tracks = tracks, .track_count = 2, .sheet_path = "x.toc"};
	struct rawcd_cdtext d0 = {.item = {[RAWCD_CDTEXT_TITLE] = "Album"}}, d1 = {.item = {[RAWCD_CDTEXT_TITLE] = "Disque"}};
	struct rawcd_cdtext t0[2] = {{.item = {[RAWCD_CDTEXT_TITLE] = "One"}}, {.item = {[RAWCD_CDTEXT_TITLE] = "Two"}}};
	struct rawcd_cdtext t1[2] = {{.item = {[RAWCD_CDTEXT_TITLE] = "Un"}}, {.item = {[RAWCD_CDTEXT_PERFORMER] = "X"}}};
	struct rawcd_cdtext_block_text bt[2] = {{.block = 0, .language = 9, .disc = &d0, .tracks = t0},
						{.block = 1, .language = 15, .charset = 1, .disc = &d1, .tracks = t1}};
	struct rawcd_cdtext_packs packs = {0};
	cr_assert_eq(rawcd_cdtext_build_blocks(&packs, &disc, bt, 2, NULL), RAWCD_OK);
	for (size_t i = 0; i < packs.count; i++)
		cr_assert(rawcd_cdtext_pack_crc_ok(packs.pack[i]));
	struct rawcd_cdtext_block *b = NULL;
	size_t n = 0;
	cr_assert_eq(rawcd_cdtext_decode(&b, &n, &packs), RAWCD_OK);
	cr_assert_eq(n, 2);
	cr_assert(b[0].language == 9 && b[1].language == 15 && b[1].charset == 1);
	cr_assert_str_eq(b[0].item[0][2], "Two");
	cr_assert_str_eq(b[1].item[0][1], "Un");
	cr_assert_str_eq(b[1].item[0][2], "");   /* a track without the item gets an empty string */
	cr_assert_str_eq(b[1].item[1][2], "X");
	cr_assert_null(b[0].item[1][0]);          /* PERFORMER only in block 1 */
	rawcd_cdtext_blocks_free(b, n);
	/* The second block's sequence numbers start again at 0. */
	size_t first1 = 0;
	while (((packs.pack[first1][3] >> 4) & 7) == 0)
		first1++;
	cr_assert_eq(packs.pack[first1][2], 0);
	rawcd_cdtext_packs_finish(&packs);
	bt[1].block = 0;
	cr_assert_eq(rawcd_cdtext_build_blocks(&packs, &disc, bt, 2, NULL), RAWCD_E_ARG);
}
