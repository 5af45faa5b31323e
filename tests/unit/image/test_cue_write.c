/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The CUE sheet of a BIN image (src/image/cue_write.c), compared with exact expected texts. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/image.h"

#include "image_fixture.h"

TestSuite(cue_write, .init = fx_setup, .fini = fx_teardown);

/* A zero-filled file of @p bytes. */
static void zero_file(const char *name, size_t bytes)
{
	uint8_t *p = calloc(1, bytes ? bytes : 1);
	cr_assert_not_null(p);
	fx_write(name, p, bytes);
	free(p);
}

/* HTOA (track 1 from INDEX 00 at 0), a POSTGAP, generated PREGAPs on an audio and a data track, every
 * disc- and track-level statement the sheet keeps, and the REM lines it drops. */
static const char full_sheet[] =
	"REM GENRE Rock\n"
	"REM DATE 1999\n"
	"REM SESSION 01\n"
	"CATALOG 4006381333931\n"
	"CDTEXTFILE \"disc.cdt\"\n"
	"PERFORMER \"The Band\"\n"
	"TITLE \"The Album\"\n"
	"REM COMMENT \"ExactAudioCopy v1.0b3\"\n"
	"FILE \"a.bin\" BINARY\n"
	"  TRACK 01 AUDIO\n"
	"    TITLE \"Hidden\"\n"
	"    SONGWRITER \"Someone\"\n"
	"    FLAGS PRE DCP\n"
	"    ISRC USABC9900001\n"
	"    REM COMPOSER x\n"
	"    INDEX 00 00:00:00\n"
	"    INDEX 01 00:05:00\n"
	"    INDEX 02 00:08:00\n"
	"    POSTGAP 00:01:00\n"
	"  TRACK 02 AUDIO\n"
	"    FLAGS 4CH\n"
	"    PREGAP 00:02:00\n"
	"    INDEX 01 00:10:00\n"
	"    REM LEAD-OUT 01:00:00\n"
	"    REM LEAD-IN 00:30:00\n"
	"    REM after the index\n"
	"FILE \"d.iso\" BINARY\n"
	"  TRACK 03 MODE1/2048\n"
	"    PREGAP 00:02:00\n"
	"    INDEX 01 00:00:00\n"
	"REM last remark\n";

/* a.bin: 1500 sectors. Track 1: INDEX 00 at 0, 01 at 375, 02 at 600; POSTGAP (75) and track 2's PREGAP
 * (150) go in at file sector 750, so track 2 has INDEX 00 at 825 (00:11:00) and 01 at 975 (00:13:00);
 * a.bin ends at 1725, track 3's PREGAP fills 1725..1874 (00:23:00) and its INDEX 01 is 1875 (00:25:00). */
static const char full_expected[] =
	"REM GENRE Rock\n"
	"REM DATE 1999\n"
	"REM COMMENT \"ExactAudioCopy v1.0b3\"\n"
	"CATALOG 4006381333931\n"
	"CDTEXTFILE \"disc.cdt\"\n"
	"TITLE \"The Album\"\n"
	"PERFORMER \"The Band\"\n"
	"FILE \"image.bin\" BINARY\n"
	"  TRACK 01 AUDIO\n"
	"    FLAGS DCP PRE\n"
	"    ISRC USABC9900001\n"
	"    TITLE \"Hidden\"\n"
	"    SONGWRITER \"Someone\"\n"
	"    REM COMPOSER x\n"
	"    INDEX 00 00:00:00\n"
	"    INDEX 01 00:05:00\n"
	"    INDEX 02 00:08:00\n"
	"  TRACK 02 AUDIO\n"
	"    FLAGS 4CH\n"
	"    REM after the index\n"
	"    INDEX 00 00:11:00\n"
	"    INDEX 01 00:13:00\n"
	"  TRACK 03 MODE1/2352\n"
	"    REM last remark\n"
	"    INDEX 00 00:23:00\n"
	"    INDEX 01 00:25:00\n";

Test(cue_write, everything_the_sheet_keeps)
{
	zero_file("a.bin", 1500 * (size_t)S);
	zero_file("d.iso", 300 * 2048);
	fx_sheet(full_sheet);
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	cr_assert_eq(d->tracks[1].pregap_lba, 825);
	cr_assert_eq(d->tracks[2].start_lba, 1875);
	char *text = NULL;
	cr_assert_eq(rawcd_image_bin_cue_text(&text, d, "image.bin"), RAWCD_OK);
	cr_assert_not_null(text);
	cr_assert_str_eq(text, full_expected);
	free(text);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(cue_write, modes_become_their_2352_byte_forms)
{
	zero_file("g.cdg", 300 * 2448);
	zero_file("m.bin", 300 * (size_t)S);
	zero_file("c.bin", 300 * 2336);
	zero_file("r.bin", 300 * (size_t)S);
	fx_sheet("FILE \"g.cdg\" BINARY\n  TRACK 01 CDG\n    PREGAP 00:02:00\n    INDEX 01 00:00:00\n"
		 "FILE \"m.bin\" BINARY\n  TRACK 02 MODE2/2352\n    PREGAP 00:02:00\n    INDEX 01 00:00:00\n"
		 "FILE \"c.bin\" BINARY\n  TRACK 03 CDI/2336\n    INDEX 01 00:00:00\n"
		 "FILE \"r.bin\" BINARY\n  TRACK 04 MODE1/2352\n    INDEX 00 00:00:00\n    INDEX 01 00:01:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	char *text = NULL;
	cr_assert_eq(rawcd_image_bin_cue_text(&text, d, "x"), RAWCD_OK);
	/* Track 1: generated PREGAP at 0..149, INDEX 01 at 150; track 2: 450..599, 600; track 3 at 900;
	 * track 4's INDEX 00 at 1200 and INDEX 01 75 sectors later. */
	cr_assert_str_eq(text,
		"FILE \"x\" BINARY\n"
		"  TRACK 01 AUDIO\n"
		"    INDEX 00 00:00:00\n"
		"    INDEX 01 00:02:00\n"
		"  TRACK 02 MODE2/2352\n"
		"    INDEX 00 00:06:00\n"
		"    INDEX 01 00:08:00\n"
		"  TRACK 03 CDI/2352\n"
		"    INDEX 01 00:12:00\n"
		"  TRACK 04 MODE1/2352\n"
		"    INDEX 00 00:16:00\n"
		"    INDEX 01 00:17:00\n");
	free(text);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(cue_write, arguments)
{
	zero_file("a.bin", 300 * (size_t)S);
	fx_sheet("FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *parsed = NULL;
	cr_assert_eq(rawcd_cue_parse_file(&parsed, fx_path("t.cue"), diag), RAWCD_OK);
	char *text = (char *)"untouched";
	cr_assert_eq(rawcd_image_bin_cue_text(&text, parsed, "x.bin"), RAWCD_E_ARG, "not laid out");
	cr_assert_str_eq(text, "untouched");
	rawcd_disc_free(parsed);
	rawcd_diag_free(diag);

	struct rawcd_disc *d = fx_load(&diag);
	cr_assert_eq(rawcd_image_bin_cue_text(&text, d, "a\"b.bin"), RAWCD_E_ARG, "a quote cannot be in a CUE string");
	cr_assert_eq(rawcd_image_bin_cue_text(&text, d, NULL), RAWCD_E_ARG);
	cr_assert_eq(rawcd_image_bin_cue_text(NULL, d, "x.bin"), RAWCD_E_ARG);
	cr_assert_eq(rawcd_image_bin_cue_text(&text, d, "x.bin"), RAWCD_OK);
	cr_assert_str_eq(text, "FILE \"x.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
	free(text);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* An enhanced CD: audio session, then a data session with a generated PREGAP on its first track (stored
 * as INDEX 00: only the rest of the 150-sector pregap goes unstored) and a non-default lead-out. Redump's
 * REM lines before session 2; its sectors follow session 1's in the BIN. */
Test(cue_write, a_multisession_disc_in_redumps_form)
{
	zero_file("a.bin", 1000 * (size_t)S);
	zero_file("d.iso", 400 * 2048);
	fx_sheet("REM SESSION 01\nFILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
		 "  TRACK 02 AUDIO\n    INDEX 01 00:06:00\n"
		 "REM LEAD-OUT 00:40:00\nREM SESSION 02\nREM LEAD-IN 01:00:00\n"
		 "FILE \"d.iso\" BINARY\n  TRACK 03 MODE1/2048\n    PREGAP 00:01:00\n    INDEX 01 00:00:00\n"
		 "  TRACK 04 MODE1/2048\n    INDEX 01 00:04:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	/* Session 1 ends at 1000; track 3's INDEX 01 at 1000 + 3000 + 4500 + 150 = 8650, its PREGAP 8575. */
	cr_assert_eq(d->tracks[2].start_lba, 8650);
	cr_assert_eq(d->tracks[2].pregap_lba, 8575);
	char *text = NULL;
	cr_assert_eq(rawcd_image_bin_cue_text(&text, d, "x.bin"), RAWCD_OK);
	/* Track 3's INDEX 00 is BIN sector 1000 (00:13:25), INDEX 01 1075, track 4 1375 (00:18:25). */
	cr_assert_str_eq(text,
		"REM SESSION 01\n"
		"FILE \"x.bin\" BINARY\n"
		"  TRACK 01 AUDIO\n"
		"    INDEX 01 00:00:00\n"
		"  TRACK 02 AUDIO\n"
		"    INDEX 01 00:06:00\n"
		"REM LEAD-OUT 00:40:00\n"
		"REM SESSION 02\n"
		"REM LEAD-IN 01:00:00\n"
		"REM PREGAP 00:01:00\n"
		"  TRACK 03 MODE1/2352\n"
		"    INDEX 00 00:13:25\n"
		"    INDEX 01 00:14:25\n"
		"  TRACK 04 MODE1/2352\n"
		"    INDEX 01 00:18:25\n");
	free(text);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}
