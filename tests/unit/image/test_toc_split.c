/* SPDX-License-Identifier: GPL-2.0-or-later */
/* --split names (Redump's rule), the split CUE sheet and the cdrdao TOC file (src/image/split.c,
 * cue_write.c, toc_write.c), compared with exact expected texts. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/image.h"

#include "image_fixture.h"

TestSuite(toc_split, .init = fx_setup, .fini = fx_teardown);

static void zero_file(const char *name, size_t bytes)
{
	uint8_t *p = calloc(1, bytes ? bytes : 1);
	cr_assert_not_null(p);
	fx_write(name, p, bytes);
	free(p);
}

/* A disc of @p n audio tracks of 300 sectors each in one file. */
static struct rawcd_disc *audio_disc(unsigned n, rawcd_diag **diag)
{
	zero_file("a.bin", (size_t)n * 300 * S);
	char sheet[4096] = "FILE \"a.bin\" BINARY\n";
	for (unsigned t = 1; t <= n; t++)
		snprintf(sheet + strlen(sheet), sizeof(sheet) - strlen(sheet), "  TRACK %02u AUDIO\n    INDEX 01 %02u:%02u:00\n",
			 t, (t - 1) * 4 / 60, (t - 1) * 4 % 60);
	fx_sheet(sheet);
	return fx_load(diag);
}

static void expect_name(const struct rawcd_disc *d, const char *out, size_t track, const char *want)
{
	char *name = NULL;
	cr_assert_eq(rawcd_image_split_path(&name, d, out, track), RAWCD_OK);
	cr_expect_str_eq(name, want);
	free(name);
}

Test(toc_split, redump_names)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(1, &diag);
	expect_name(d, "out/Game (USA).bin", 0, "out/Game (USA).bin");
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
	d = audio_disc(9, &diag);
	expect_name(d, "out/Game (USA).bin", 0, "out/Game (USA) (Track 1).bin");
	expect_name(d, "out/Game (USA).bin", 8, "out/Game (USA) (Track 9).bin");
	expect_name(d, "x", 1, "x (Track 2).bin");
	expect_name(d, "./.hidden", 1, "./.hidden (Track 2).bin"); /* a leading dot is no extension */
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
	d = audio_disc(10, &diag);
	expect_name(d, "g.bin", 0, "g (Track 01).bin");
	expect_name(d, "g.bin", 9, "g (Track 10).bin");
	char *name = NULL;
	cr_expect_eq(rawcd_image_split_path(&name, d, "g.bin", 10), RAWCD_E_ARG);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* Track 1 data, track 2 audio with a generated PREGAP (stored as INDEX 00) and an INDEX 02, track 3
 * with INDEX 00 inside the file. */
static const char mixed_sheet[] =
	"CATALOG 4006381333931\n"
	"TITLE \"Disc\"\n"
	"FILE \"d.iso\" BINARY\n"
	"  TRACK 01 MODE1/2048\n"
	"    INDEX 01 00:00:00\n"
	"FILE \"a.bin\" BINARY\n"
	"  TRACK 02 AUDIO\n"
	"    FLAGS DCP PRE\n"
	"    ISRC USABC9900001\n"
	"    TITLE \"T\\wo\"\n"
	"    PREGAP 00:02:00\n"
	"    INDEX 01 00:00:00\n"
	"    INDEX 02 00:01:00\n"
	"  TRACK 03 AUDIO\n"
	"    INDEX 00 00:06:00\n"
	"    INDEX 01 00:08:00\n";

static struct rawcd_disc *mixed_disc(rawcd_diag **diag)
{
	zero_file("d.iso", 300 * 2048);
	zero_file("a.bin", 1200 * (size_t)S);
	fx_sheet(mixed_sheet);
	return fx_load(diag);
}

Test(toc_split, split_cue_counts_indexes_from_each_file)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = mixed_disc(&diag);
	const char *names[] = {"D (Track 1).bin", "D (Track 2).bin", "D (Track 3).bin"};
	char *text = NULL;
	cr_assert_eq(rawcd_image_split_cue_text(&text, d, names), RAWCD_OK);
	cr_assert_str_eq(text, "CATALOG 4006381333931\n"
			       "TITLE \"Disc\"\n"
			       "FILE \"D (Track 1).bin\" BINARY\n"
			       "  TRACK 01 MODE1/2352\n"
			       "    INDEX 01 00:00:00\n"
			       "FILE \"D (Track 2).bin\" BINARY\n"
			       "  TRACK 02 AUDIO\n"
			       "    FLAGS DCP PRE\n"
			       "    ISRC USABC9900001\n"
			       "    TITLE \"T\\wo\"\n"
			       "    INDEX 00 00:00:00\n"
			       "    INDEX 01 00:02:00\n"
			       "    INDEX 02 00:03:00\n"
			       "FILE \"D (Track 3).bin\" BINARY\n"
			       "  TRACK 03 AUDIO\n"
			       "    INDEX 00 00:00:00\n"
			       "    INDEX 01 00:02:00\n");
	free(text);
	const char *bad[] = {"a", "b\"", "c"};
	cr_expect_eq(rawcd_image_split_cue_text(&text, d, bad), RAWCD_E_ARG);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* LBAs: track 1 0..299; track 2 pregap 300..449, INDEX 01 450, 02 at 525; track 3 INDEX 00 at 900,
 * 01 at 1050; lead-out 1650. */
Test(toc_split, toc_file_of_one_bin)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = mixed_disc(&diag);
	const char *name = "D.bin";
	char *text = NULL;
	cr_assert_eq(rawcd_image_toc_text(&text, d, &name, 1, diag), RAWCD_OK);
	cr_assert_str_eq(text, "// cdrdao TOC file written by rawcd\n"
			       "CD_ROM\n"
			       "CATALOG \"4006381333931\"\n"
			       "CD_TEXT {\n"
			       "  LANGUAGE_MAP { 0 : 9 }\n"
			       "  LANGUAGE 0 {\n"
			       "    TITLE \"Disc\"\n"
			       "    UPC_EAN \"4006381333931\"\n"
			       "  }\n"
			       "}\n"
			       "\n// Track 1\nTRACK MODE1_RAW\nNO COPY\n"
			       "CD_TEXT {\n  LANGUAGE 0 {\n    TITLE \"\"\n    ISRC \"\"\n  }\n}\n"
			       "DATAFILE \"D.bin\" #0 00:04:00\n"
			       "\n// Track 2\nTRACK AUDIO\nCOPY\nPRE_EMPHASIS\nTWO_CHANNEL_AUDIO\nISRC \"USABC9900001\"\n"
			       "CD_TEXT {\n  LANGUAGE 0 {\n    TITLE \"T\\\\wo\"\n    ISRC \"USABC9900001\"\n  }\n}\n"
			       "FILE \"D.bin\" SWAP #705600 0 00:08:00\nSTART 00:02:00\nINDEX 00:01:00\n"
			       "\n// Track 3\nTRACK AUDIO\nNO COPY\nNO PRE_EMPHASIS\nTWO_CHANNEL_AUDIO\n"
			       "CD_TEXT {\n  LANGUAGE 0 {\n    TITLE \"\"\n    ISRC \"\"\n  }\n}\n"
			       "FILE \"D.bin\" SWAP #2116800 0 00:10:00\nSTART 00:02:00\n");
	free(text);
	const char *names[] = {"1.bin", "2.bin", "3.bin"};
	cr_assert_eq(rawcd_image_toc_text(&text, d, names, 3, diag), RAWCD_OK);
	cr_expect_not_null(strstr(text, "DATAFILE \"1.bin\" #0 00:04:00\n"));
	cr_expect_not_null(strstr(text, "FILE \"2.bin\" SWAP #0 0 00:08:00\nSTART 00:02:00\n"));
	cr_expect_not_null(strstr(text, "FILE \"3.bin\" SWAP #0 0 00:10:00\nSTART 00:02:00\n"));
	free(text);
	cr_expect_eq(rawcd_image_toc_text(&text, d, names, 2, diag), RAWCD_E_ARG);
	const char *slash = "a\\b";
	cr_expect_eq(rawcd_image_toc_text(&text, d, &slash, 1, diag), RAWCD_E_ARG);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(toc_split, toc_file_refuses_two_sessions)
{
	zero_file("a.bin", 1200 * (size_t)S);
	fx_sheet("REM SESSION 01\nFILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
		 "REM SESSION 02\n  TRACK 02 MODE1/2352\n    INDEX 01 00:08:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	cr_assert_eq(d->session_count, 2);
	const char *name = "x.bin";
	char *text = NULL;
	cr_expect_eq(rawcd_image_toc_text(&text, d, &name, 1, diag), RAWCD_E_UNSUPPORTED);
	cr_expect_eq(fx_diag_count(diag, RAWCD_SEV_ERROR, "holds one session"), 1);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}
