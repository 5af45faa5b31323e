/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Lines rawcd does not keep (tests/README.md, "Lines rawcd does not keep"): each is a warning or an
 * error at its line, never dropped without a word.
 */
#include <criterion/criterion.h>

#include "cue_test_util.h"
#include "rawcd/cdtext.h"

#define TRACK1 "FILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n"

struct warned_sheet {
	const char *text;
	unsigned line;
	const char *words;
};

static const struct warned_sheet warned[] = {
	{"REM LEAD-OUT 00:30:00\n" TRACK1, 1, "REM LEAD-OUT before any TRACK"},
	{TRACK1 "REM LEAD-OUT 00:30:00\nREM LEAD-OUT 00:40:00\n", 5, "REM LEAD-OUT given twice for session 01 (first on line 4)"},
	{"REM LEAD-IN 00:30:00\nREM LEAD-IN 00:40:00\n" TRACK1, 2, "REM LEAD-IN given twice before one session (first on line 1)"},
	{TRACK1 "REM LEAD-IN 00:30:00\n", 4, "REM LEAD-IN after the last TRACK"},
	{"FILE \"unused\" BINARY\n" TRACK1, 1, "FILE \"unused\" has no INDEX"},
	{TRACK1 "FILE \"tail\" BINARY\n", 4, "FILE \"tail\" has no INDEX"},
	{TRACK1 "  TITLE \"one\"\n  TITLE \"two\"\n", 5, "TITLE given twice; the later one is kept"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  ISRC 000000000000\n  INDEX 01 00:00:00\n", 3, "gets no ISRC"},
	{"CATALOG 1234567890123\n" TRACK1, 1, "check digit"},
};

/* Each sheet parses with exactly one warning, at the line, holding the words. */
Test(cue_drops, warned_at_line)
{
	for (size_t i = 0; i < sizeof(warned) / sizeof(warned[0]); i++) {
		const struct warned_sheet *w = &warned[i];
		struct rawcd_disc *d = NULL;
		rawcd_diag *diag = rawcd_diag_new();
		cr_assert_eq(parse_text(&d, w->text, diag), RAWCD_OK, "sheet: %s", w->text);
		cr_assert_eq(rawcd_diag_count(diag), 1, "sheet %s: %zu entries", w->text, rawcd_diag_count(diag));
		const struct rawcd_diag_entry *e = rawcd_diag_get(diag, 0);
		cr_assert_eq(e->severity, RAWCD_SEV_WARNING);
		cr_assert_eq(e->line, w->line, "sheet %s: line %u, expected %u (%s)", w->text, e->line, w->line,
			     e->message);
		cr_assert_not_null(strstr(e->message, w->words), "message \"%s\" lacks \"%s\"", e->message, w->words);
		rawcd_disc_free(d);
		rawcd_diag_free(diag);
	}
}

Test(cue_drops, later_leadout_is_kept)
{
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(parse_text(&d, TRACK1 "REM LEAD-OUT 00:30:00\nREM LEAD-OUT 00:40:00\n", diag), RAWCD_OK);
	cr_assert_eq(d->sessions[0].leadout_length, 40 * 75);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(cue_drops, leadout_before_tracks_keeps_the_default)
{
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(parse_text(&d, "REM LEAD-OUT 00:30:00\n" TRACK1, diag), RAWCD_OK);
	cr_assert_eq(d->sessions[0].leadout_length, 6750);
	cr_assert_eq(d->rem_count, 1, "the REM line itself is kept as a comment");
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(cue_drops, a_clean_multisession_sheet_is_silent)
{
	const char *s = "REM SESSION 01\n" TRACK1 "REM LEAD-OUT 01:30:00\nREM SESSION 02\nREM LEAD-IN 01:00:00\n"
			"FILE \"b\" BINARY\n TRACK 02 MODE1/2352\n  INDEX 01 00:00:00\n";
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(parse_text(&d, s, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_count(diag), 0, "%s", rawcd_diag_count(diag) ? rawcd_diag_get(diag, 0)->message : "");
	cr_assert_eq(d->sessions[0].leadout_length, 90 * 75);
	cr_assert_eq(d->sessions[1].leadin_length, 60 * 75);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(cue_drops, cdtextfile_twice_is_an_error)
{
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(parse_text(&d, "CDTEXTFILE \"a.cdt\"\nCDTEXTFILE \"b.cdt\"\n" TRACK1, diag), RAWCD_E_SYNTAX);
	const struct rawcd_diag_entry *e = first_error(diag);
	cr_assert_eq(e->line, 2);
	cr_assert_not_null(strstr(e->message, "CDTEXTFILE given twice (first on line 1)"), "%s", e->message);
	cr_assert_null(d);
	rawcd_diag_free(diag);
}

/* A CDTEXTFILE that does not exist: an error where CD-TEXT is recorded (rawcd_cdtext_for_disc), a
 * warning at its line where the work goes on without it (rawcd_cdtext_file_check). */
Test(cue_drops, missing_cdtextfile)
{
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(parse_text(&d, "REM x\nCDTEXTFILE \"none.cdt\"\n" TRACK1, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_count(diag), 0, "parsing alone does not look for files");

	struct rawcd_cdtext_packs packs = {0};
	cr_assert_eq(rawcd_cdtext_for_disc(&packs, d, diag), RAWCD_E_INPUT);
	cr_assert_eq(first_error(diag)->line, 2);
	cr_assert_not_null(strstr(first_error(diag)->message, "none.cdt"));

	rawcd_diag_clear(diag);
	cr_assert_eq(rawcd_cdtext_file_check(d, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_count(diag), 1);
	const struct rawcd_diag_entry *e = rawcd_diag_get(diag, 0);
	cr_assert_eq(e->severity, RAWCD_SEV_WARNING);
	cr_assert_eq(e->line, 2);
	cr_assert_str_eq(e->file, "/nonexistent/t.cue");
	cr_assert_not_null(strstr(e->message, "going on without CD-TEXT"), "%s", e->message);
	rawcd_disc_free(d);

	rawcd_diag_clear(diag);
	cr_assert_eq(parse_text(&d, TRACK1, diag), RAWCD_OK);
	cr_assert_eq(rawcd_cdtext_file_check(d, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_count(diag), 0, "no CDTEXTFILE: nothing to say");
	cr_assert_eq(rawcd_cdtext_file_check(NULL, diag), RAWCD_E_ARG);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}
