/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The cue module on sheets that break a rule: the error, its line, nothing else. */
#include <criterion/criterion.h>

#include "cue_test_util.h"

struct bad_sheet {
	const char *text;
	unsigned line;
	const char *words; /* a fragment the message must hold */
};

static const struct bad_sheet bad[] = {
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:99:00\n", 3, "seconds under 60"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:75\n", 3, "frames under 75"},
	{"FILE \"a\" BINARY\nINDEX 01 00:00:00\n", 2, "before any TRACK"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n", 2, "no INDEX 01"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n  INDEX 03 00:01:00\n", 4, "go up by one"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:01:00\n  INDEX 02 00:00:10\n", 4, "must increase"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n TRACK 03 AUDIO\n", 4, "go up by one"},
	{"FILE \"a\" BINARY\n TRACK 100 AUDIO\n", 2, "1 to 99"},
	{"FILE \"a\" BINARY\n TRACK 01 MODE3/2352\n", 2, "unknown track mode"},
	{"FILE \"a\" AUDIO\n", 1, "unknown FILE type"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n  FLAGS DCP\n", 4, "before the track's first INDEX"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  FLAGS DCP COPY\n", 3, "unknown flag"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  ISRC 12345\n", 3, "not valid"},
	{"CATALOG 12345\n", 1, "13 decimal digits"},
	{"CATALOG 1234567890123\nCATALOG 1234567890123\n", 2, "twice"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\nFOO bar\n", 4, "unknown keyword"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  TITLE \"open\n", 3, "quote"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00 extra\n", 3, "unexpected"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  POSTGAP 00:02:00\n", 3, "POSTGAP"},
	{"REM SESSION 02\nFILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n", 1, "next session is 01"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\nREM SESSION 02\n", 4, "has no TRACK"},
	{"", 1, "no TRACK"},
	{"REM only a comment\n\n\n", 1, "no TRACK"},
	{"FILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n TRACK 02 AUDIO\n  INDEX 00 00:01:00\n", 5, "no INDEX 01"},
};

/* One test over the table: Criterion runs tests in another process, where pointers in parameters
 * would need cr_malloc. */
Test(cue_errors, rejected_at_line)
{
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const struct bad_sheet *b = &bad[i];
		struct rawcd_disc *d = NULL;
		rawcd_diag *diag = rawcd_diag_new();
		int rc = parse_text(&d, b->text, diag);
		cr_assert_eq(rc, RAWCD_E_SYNTAX, "sheet: %s", b->text);
		cr_assert_null(d, "nothing is returned on failure");
		const struct rawcd_diag_entry *e = first_error(diag);
		cr_assert_not_null(e);
		cr_assert_eq(e->line, b->line, "sheet %s: line %u, expected %u (%s)", b->text, e->line, b->line,
			     e->message);
		cr_assert_not_null(strstr(e->message, b->words), "message \"%s\" lacks \"%s\"", e->message,
				   b->words);
		cr_assert_str_eq(e->file, "/nonexistent/t.cue");
		rawcd_diag_free(diag);
	}
}

Test(cue_errors, nul_byte_is_not_a_sheet)
{
	static const char s[] = "FILE \"a\" BINARY\n\0 TRACK 01 AUDIO\n";
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_cue_parse(&d, s, sizeof(s) - 1, "x.cue", diag), RAWCD_E_SYNTAX);
	cr_assert_eq(first_error(diag)->line, 2);
	rawcd_diag_free(diag);
}

Test(cue_errors, bad_catalog_check_digit_is_only_a_warning)
{
	const char *s = "CATALOG 1234567890123\nFILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n";
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(parse_text(&d, s, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_count(diag), 1);
	cr_assert_eq(rawcd_diag_get(diag, 0)->severity, RAWCD_SEV_WARNING);
	cr_assert_not_null(strstr(rawcd_diag_get(diag, 0)->message, "check digit"));
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(cue_errors, valid_catalog_check_digit_is_silent)
{
	/* 4006381333931: an EAN-13 with a correct check digit (1). */
	const char *s = "CATALOG 4006381333931\nFILE \"a\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n";
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(parse_text(&d, s, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_count(diag), 0);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(cue_errors, sheet_without_file_is_checked_but_not_loaded)
{
	/* flac's good.005 has no FILE line: a valid sheet for flac's embedded cuesheets, no data for us. */
	const char *s = "TRACK 01 AUDIO\n INDEX 01 00:00:00\n";
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(parse_text(&d, s, diag), RAWCD_OK);
	cr_assert_eq(warning_count(diag), 1);
	cr_assert_eq(d->tracks[0].indexes[0].file, RAWCD_NO_FILE);
	cr_assert_eq(rawcd_disc_load_files(d, diag), RAWCD_E_INPUT);
	cr_assert_eq(first_error(diag)->line, 2);
	cr_assert_not_null(strstr(first_error(diag)->message, "no FILE"));
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}
