/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The cue module on sheets that are valid: what the model keeps. */
#include <criterion/criterion.h>
#include <stdio.h>

#include "cue_test_util.h"

Test(cue_parse, every_keyword_reaches_the_model)
{
	const char *s =
		"REM GENRE Rock\n"
		"CATALOG 0000010271955\n"
		"PERFORMER \"The Band\"\n"
		"TITLE \"The Album\"\n"
		"CDTEXTFILE \"disc.cdt\"\n"
		"FILE \"data.bin\" BINARY\n"
		"  TRACK 01 MODE1/2352\n"
		"    INDEX 01 00:00:00\n"
		"FILE \"audio.wav\" WAVE\n"
		"  TRACK 02 AUDIO\n"
		"    FLAGS DCP PRE\n"
		"    ISRC USRC17607839\n"
		"    TITLE \"Song\"\n"
		"    SONGWRITER \"Writer\"\n"
		"    PREGAP 00:02:00\n"
		"    INDEX 01 00:00:00\n"
		"    INDEX 02 00:10:00\n"
		"    REM COMMENT hello\n"
		"    POSTGAP 00:01:00\n";
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(parse_text(&d, s, diag), RAWCD_OK);
	cr_assert_str_eq(d->mcn, "0000010271955");
	cr_assert_str_eq(d->cdtext.item[RAWCD_CDTEXT_PERFORMER], "The Band");
	cr_assert_str_eq(d->cdtext.item[RAWCD_CDTEXT_TITLE], "The Album");
	cr_assert_str_eq(d->cdtextfile, "disc.cdt");
	cr_assert_eq(d->file_count, 2);
	cr_assert_eq(d->files[0].type, RAWCD_FILE_BINARY);
	cr_assert_eq(d->files[1].type, RAWCD_FILE_WAVE);
	cr_assert_str_eq(d->files[1].path, "/nonexistent/audio.wav");
	cr_assert_eq(d->track_count, 2);
	const struct rawcd_track *t = &d->tracks[1];
	cr_assert_eq(t->mode, RAWCD_MODE_AUDIO);
	cr_assert_eq(t->flags, RAWCD_FLAG_DCP | RAWCD_FLAG_PRE);
	cr_assert_str_eq(t->isrc, "USRC17607839");
	cr_assert_str_eq(t->cdtext.item[RAWCD_CDTEXT_TITLE], "Song");
	cr_assert_str_eq(t->cdtext.item[RAWCD_CDTEXT_SONGWRITER], "Writer");
	cr_assert_eq(t->pregap, 150);
	cr_assert_eq(t->postgap, 75);
	cr_assert_eq(t->index_count, 2);
	cr_assert_eq(t->indexes[1].number, 2);
	cr_assert_eq(t->indexes[1].offset, 750);
	cr_assert_eq(t->indexes[1].file, 1);
	cr_assert_eq(t->indexes[1].line, 17);
	cr_assert_eq(d->rem_count, 2);
	cr_assert_str_eq(d->rems[0].text, "GENRE Rock");
	cr_assert_eq(d->rems[0].track, -1);
	cr_assert_str_eq(d->rems[1].text, "COMMENT hello");
	cr_assert_eq(d->rems[1].track, 1);
	cr_assert_eq(d->session_count, 1);
	cr_assert_eq(d->sessions[0].disc_type, 0x00);
	cr_assert_eq(rawcd_track_control(&d->tracks[0]), 0x04);
	cr_assert_eq(rawcd_track_control(t), 0x03);
	cr_assert_eq(warning_count(diag), 1, "the MCN's check digit is wrong (7 expected)");
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(cue_parse, bom_crlf_lower_case_and_no_final_newline)
{
	const char *s = "\xEF\xBB\xBF" "file \"a.bin\" binary\r\n  track 01 mode2/2352\r\n    index 01 0:0:0";
	struct rawcd_disc *d = NULL;
	cr_assert_eq(parse_text(&d, s, NULL), RAWCD_OK);
	cr_assert_eq(d->track_count, 1);
	cr_assert_eq(d->tracks[0].mode, RAWCD_MODE_MODE2_2352);
	cr_assert_eq(d->sessions[0].disc_type, 0x20, "Mode 2 makes the session CD-ROM XA");
	rawcd_disc_free(d);
}

Test(cue_parse, modes_libcue_lacks)
{
	const char *s = "FILE \"a.bin\" BINARY\n TRACK 01 CDG\n  INDEX 01 00:00:00\n"
			"FILE \"b.bin\" BINARY\n TRACK 02 CDI/2336\n  INDEX 01 00:00:00\n"
			"FILE \"c.bin\" MOTOROLA\n TRACK 03 CDI/2352\n  INDEX 01 00:00:00\n";
	struct rawcd_disc *d = NULL;
	cr_assert_eq(parse_text(&d, s, NULL), RAWCD_OK);
	cr_assert_eq(d->tracks[0].mode, RAWCD_MODE_CDG);
	cr_assert_eq(rawcd_track_mode_file_sector_size(RAWCD_MODE_CDG), 2448);
	cr_assert_eq(d->tracks[1].mode, RAWCD_MODE_CDI_2336);
	cr_assert_eq(d->tracks[2].mode, RAWCD_MODE_CDI_2352);
	cr_assert_eq(d->files[2].type, RAWCD_FILE_MOTOROLA);
	cr_assert_eq(d->sessions[0].disc_type, 0x10, "CD-i");
	rawcd_disc_free(d);
}

Test(cue_parse, eac_noncompliant_index0_in_previous_file)
{
	const char *s = "FILE \"1.wav\" WAVE\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n"
			" TRACK 02 AUDIO\n  INDEX 00 03:00:00\nFILE \"2.wav\" WAVE\n  INDEX 01 00:00:00\n";
	struct rawcd_disc *d = NULL;
	cr_assert_eq(parse_text(&d, s, NULL), RAWCD_OK);
	cr_assert_eq(d->tracks[1].indexes[0].file, 0);
	cr_assert_eq(d->tracks[1].indexes[1].file, 1);
	rawcd_disc_free(d);
}

Test(cue_parse, redump_multisession)
{
	const char *s = "REM SESSION 01\nFILE \"a.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n"
			"REM LEAD-OUT 01:30:00\nREM SESSION 02\nREM LEAD-IN 01:00:00\nFILE \"b.bin\" BINARY\n"
			" TRACK 02 MODE2/2352\n  INDEX 01 00:00:00\n";
	struct rawcd_disc *d = NULL;
	cr_assert_eq(parse_text(&d, s, NULL), RAWCD_OK);
	cr_assert_eq(d->session_count, 2);
	cr_assert_eq(d->tracks[1].session, 2);
	cr_assert_eq(d->sessions[0].leadout_length, 6750);
	cr_assert_eq(d->sessions[1].leadin_length, 4500);
	cr_assert_eq(d->sessions[1].first_track, 1);
	cr_assert_eq(d->sessions[0].disc_type, 0x00);
	cr_assert_eq(d->sessions[1].disc_type, 0x20);
	cr_assert_eq(d->rem_count, 4, "REM lines are all kept, the Redump ones too");
	rawcd_disc_free(d);
}

Test(cue_parse, latin1_text_is_kept_as_bytes_and_flagged)
{
	const char *s = "TITLE \"Caf\xe9\"\nFILE \"a.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n";
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(parse_text(&d, s, diag), RAWCD_OK);
	cr_assert_str_eq(d->cdtext.item[RAWCD_CDTEXT_TITLE], "Caf\xe9");
	cr_assert(d->cdtext.not_utf8);
	cr_assert_eq(warning_count(diag), 1);
	cr_assert_eq(rawcd_diag_get(diag, 0)->line, 1);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(cue_parse, bare_text_and_unquoted_file_names)
{
	const char *s = "TITLE My Great Album\nFILE my file.bin BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n";
	struct rawcd_disc *d = NULL;
	cr_assert_eq(parse_text(&d, s, NULL), RAWCD_OK);
	cr_assert_str_eq(d->cdtext.item[RAWCD_CDTEXT_TITLE], "My Great Album");
	cr_assert_str_eq(d->files[0].name, "my file.bin");
	rawcd_disc_free(d);
}

Test(cue_parse, ninety_nine_indexes)
{
	char s[4096] = "FILE \"a.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 00 00:00:00\n";
	for (int i = 1; i <= 99; i++) {
		char line[40];
		snprintf(line, sizeof(line), "  INDEX %02d %02d:%02d:00\n", i, i / 60, i % 60);
		strcat(s, line);
	}
	struct rawcd_disc *d = NULL;
	cr_assert_eq(parse_text(&d, s, NULL), RAWCD_OK);
	cr_assert_eq(d->tracks[0].index_count, 100);
	rawcd_disc_free(d);
}
