/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The .ccd reader's [CDText] and DataTracksScrambled: the packs our writer puts in [CDText] (16 bytes an
 * entry, without the CRC) read back as the same packs, CRCs included; 18-byte entries have their CRC
 * checked; a bad entry is refused at its line; DataTracksScrambled=1 marks the .img scrambled.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image/sinks.h"
#include "inspect_fixture.h"
#include "rawcd/cdtext.h"

TestSuite(ccd_cdtext, .init = ix_setup, .fini = ix_teardown);

static const char sheet[] =
	"TITLE \"Album\"\nPERFORMER \"Band\"\nFILE \"a.bin\" BINARY\n"
	"  TRACK 01 AUDIO\n    TITLE \"One\"\n    INDEX 01 00:00:00\n"
	"  TRACK 02 AUDIO\n    TITLE \"Two\"\n    INDEX 00 00:05:00\n    INDEX 01 00:06:00\n";

/* The sheet's disc, its packs and the .ccd our writer makes of them. */
static struct rawcd_disc *written(struct rawcd_cdtext_packs *packs, char **text)
{
	uint8_t *zeros = calloc(900, S);
	ix_write("a.bin", zeros, 900 * (size_t)S);
	free(zeros);
	ix_write("t.cue", sheet, strlen(sheet));
	struct rawcd_disc *d = ix_load("t.cue");
	cr_assert_eq(rawcd_cdtext_build(packs, d, NULL), RAWCD_OK);
	cr_assert_gt(packs->count, 3);
	cr_assert_eq(rcd_ccd_text(text, d, packs), RAWCD_OK);
	return d;
}

static int parse(const char *text, struct rawcd_disc **d, rawcd_diag *diag)
{
	*d = NULL;
	return rawcd_ccd_parse(d, NULL, text, strlen(text), "x.ccd", diag);
}

Test(ccd_cdtext, our_writers_cdtext_reads_back_as_the_same_packs)
{
	struct rawcd_cdtext_packs packs;
	char *text;
	struct rawcd_disc *want = written(&packs, &text);
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *got;
	cr_assert_eq(parse(text, &got, diag), RAWCD_OK);
	cr_assert_eq(got->cdtext_pack_count, packs.count);
	cr_assert_arr_eq(got->cdtext_pack, packs.pack, packs.count * RAWCD_CDTEXT_PACK_SIZE);
	cr_assert_eq(rawcd_diag_count(diag), 0, "%s", rawcd_diag_count(diag) ? rawcd_diag_get(diag, 0)->message : "");
	struct rawcd_cdtext_packs back;
	cr_assert_eq(rawcd_cdtext_for_disc(&back, got, NULL), RAWCD_OK);
	cr_assert_eq(back.count, packs.count, "the disc's CD-TEXT is the .ccd's packs");
	cr_assert_arr_eq(back.pack, packs.pack, packs.count * RAWCD_CDTEXT_PACK_SIZE);
	rawcd_cdtext_packs_finish(&back);
	rawcd_cdtext_packs_finish(&packs);
	free(text);
	rawcd_disc_free(got);
	rawcd_disc_free(want);
	rawcd_diag_free(diag);
}

/* The line of "Entry 1=" in @p text. */
static unsigned line_of_entry1(const char *text)
{
	const char *at = strstr(text, "\nEntry 1=");
	cr_assert_not_null(at);
	unsigned line = 2;
	for (const char *c = text; c < at; c++)
		line += *c == '\n';
	return line;
}

/* @p text with "Entry 1=" given its 18 bytes, the CRC changed by @p spoil. */
static char *with_crc(const char *text, const uint8_t pack[RAWCD_CDTEXT_PACK_SIZE], uint8_t spoil)
{
	const char *at = strstr(text, "\nEntry 1="), *end = strchr(at + 1, '\n');
	char *out = malloc(strlen(text) + 16);
	size_t head = (size_t)(at - text) + 1;
	memcpy(out, text, head);
	size_t n = head + (size_t)sprintf(out + head, "Entry 1=");
	for (int b = 0; b < RAWCD_CDTEXT_PACK_SIZE; b++)
		n += (size_t)sprintf(out + n, "%02X%s", b == 17 ? pack[b] ^ spoil : pack[b], b == 17 ? "" : " ");
	strcpy(out + n, end);
	return out;
}

Test(ccd_cdtext, entries_of_18_bytes_have_their_crc_checked)
{
	struct rawcd_cdtext_packs packs;
	char *text;
	struct rawcd_disc *want = written(&packs, &text);
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *got;
	char *good = with_crc(text, packs.pack[1], 0), *bad = with_crc(text, packs.pack[1], 0x40);
	cr_assert_eq(parse(good, &got, diag), RAWCD_OK, "an 18-byte entry with its right CRC");
	cr_assert_arr_eq(got->cdtext_pack, packs.pack, packs.count * RAWCD_CDTEXT_PACK_SIZE);
	rawcd_disc_free(got);
	cr_assert_eq(parse(bad, &got, diag), RAWCD_E_SYNTAX);
	cr_assert_null(got);
	const struct rawcd_diag_entry *e = rawcd_diag_get(diag, rawcd_diag_count(diag) - 1);
	cr_assert_eq(e->line, line_of_entry1(text));
	cr_assert_not_null(strstr(e->message, "CRC"), "%s", e->message);
	free(good);
	free(bad);
	rawcd_cdtext_packs_finish(&packs);
	free(text);
	rawcd_disc_free(want);
	rawcd_diag_free(diag);
}

Test(ccd_cdtext, data_tracks_scrambled_marks_the_img)
{
	struct rawcd_cdtext_packs packs;
	char *text;
	struct rawcd_disc *want = written(&packs, &text);
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *got;
	struct rawcd_ccd_info info = {0};
	cr_assert_eq(parse(text, &got, diag), RAWCD_OK);
	cr_assert(!got->files[0].scrambled);
	rawcd_disc_free(got);
	char *s = strstr(text, "DataTracksScrambled=0");
	cr_assert_not_null(s);
	s[strlen("DataTracksScrambled=")] = '1';
	cr_assert_eq(rawcd_ccd_parse(&got, &info, text, strlen(text), "x.ccd", diag), RAWCD_OK);
	cr_assert(got->files[0].scrambled);
	cr_assert(info.data_scrambled);
	rawcd_ccd_info_finish(&info);
	rawcd_disc_free(got);
	rawcd_cdtext_packs_finish(&packs);
	free(text);
	rawcd_disc_free(want);
	rawcd_diag_free(diag);
}
