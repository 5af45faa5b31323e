/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Every CUE sheet in ../shared/testdata, written by other projects: the good ones parse, the bad ones are
 * rejected at the right line, and nothing (libcue included) writes to stderr. tests/README.md explains
 * each sheet rawcd rejects that its authors accept. */
#define _XOPEN_SOURCE 700
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cue_test_util.h"

/* Sheets outside flac's suite that rawcd rejects, with the line it names. */
static const struct {
	const char *path;
	unsigned line;
} rejected[] = {
	{"flacon_flacon/tests/data/testConvert/01 with pregap and HTOA, without cue/01.expected.cue", 11},
	{"flacon_flacon/tests/data/testConvert/19 Pre-emphasis/01.cuecreator.cue", 12},
	{"flacon_flacon/tests/data/testConvertBroken/01 Wrong length/source_file_01.cue", 6},
	{"flacon_flacon/tests/data/testCue/06_issue86.cue", 42},
	{"flacon_flacon/tests/data/testCue/10_First_index00.cue", 15},
	{"gchudov_cuetools.net/CUETools/CUETools.TestProcessor/Test Images/Circuitry/1.cue", 2},
	{"gchudov_cuetools.net/CUETools/CUETools.TestProcessor/Test Images/Headcandy/Headcandy.cue", 3},
	{"gchudov_cuetools.net/CUETools/CUETools.TestProcessor/Test Images/Les Mysterieuses Cites d'Or/"
	 "Les Mysterieuses Cites d'Or.cue", 5},
	{"libcdio_libcdio/parse/test/t2.cue", 3},
	{"libcdio_libcdio/parse/test/t3.cue", 7},
	{"libcdio_libcdio/test/data/bad-cat1.cue", 4},
	{"libcdio_libcdio/test/data/bad-cat2.cue", 4},
	{"libcdio_libcdio/test/data/bad-cat3.cue", 4},
	{"libcdio_libcdio/test/data/bad-mode1.cue", 6},
	{"libcdio_libcdio/test/data/bad-msf-1.cue", 7},
	{"libcdio_libcdio/test/data/bad-msf-2.cue", 7},
	{"libcdio_libcdio/test/data/bad-msf-3.cue", 7},
	{"lipnitsk_libcue/historic_38b43d9/test/complete.cue", 18},
	{"lipnitsk_libcue/historic_38b43d9/test/empty.cue", 1},
	{"lipnitsk_libcue/oss-fuzz/corpus/clusterfuzz-testcase-minimized-fuzz-6416083458064384.cue", 103},
	{"lipnitsk_libcue/oss-fuzz/corpus/leak.cue", 1},
	{"lipnitsk_libcue/t/issue10.cue", 8},
	{"svend_cuetools/historic_test/complete.cue", 18},
	{"svend_cuetools/historic_test/empty.cue", 1},
	{"whipper-team_whipper/whipper/test/kanye.cue", 85},
};

/* flac's bad sheets that rawcd accepts on purpose (tests/README.md says why). */
static const char *const flac_accepted[] = {
	"cuesheets/bad.069.nonzero_first_INDEX.cue",
};

static size_t checked, failures;

/* 0 = must parse; else the line of the expected error. */
static unsigned expected_line(const char *rel)
{
	for (size_t i = 0; i < sizeof(rejected) / sizeof(rejected[0]); i++)
		if (strcmp(rel, rejected[i].path) == 0)
			return rejected[i].line;
	return 0;
}

static void check_sheet(const char *path, unsigned want_line)
{
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	int rc = rawcd_cue_parse_file(&d, path, diag);
	const struct rawcd_diag_entry *e = first_error(diag);
	checked++;
	if (want_line == 0 && rc != RAWCD_OK) {
		failures++;
		cr_log_error("%s: rejected (%s at line %u)", path, e ? e->message : "?", e ? e->line : 0);
	} else if (want_line && (rc == RAWCD_OK || !e || e->line != want_line)) {
		failures++;
		cr_log_error("%s: expected an error at line %u, got rc %d line %u", path, want_line, rc,
			     e ? e->line : 0);
	}
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	size_t n = strlen(path);
	if (type != FTW_F || n < 4 || strcasecmp(path + n - 4, ".cue") != 0 || strstr(path, "xiph_flac/"))
		return 0;
	check_sheet(path, expected_line(path + strlen(SHARED_TESTDATA) + 1));
	return 0;
}

Test(cue_sheets, every_sheet_from_other_projects, .init = cr_redirect_stderr)
{
	cr_assert_eq(nftw(SHARED_TESTDATA, visit, 16, FTW_PHYS), 0, "cannot walk %s", SHARED_TESTDATA);
	cr_assert_gt(checked, 100, "only %zu sheets found under %s", checked, SHARED_TESTDATA);
	cr_assert_eq(failures, 0, "%zu of %zu sheets went wrong (see the log)", failures, checked);
	fflush(stderr);
	cr_assert_stderr_eq_str("", "nothing may reach stderr (libcue prints its errors there)");
}

static bool flac_accepts_on_purpose(const char *rel)
{
	for (size_t i = 0; i < sizeof(flac_accepted) / sizeof(flac_accepted[0]); i++)
		if (strcmp(rel, flac_accepted[i]) == 0)
			return true;
	return false;
}

/* test/cuesheet.ok: "NEGATIVE cuesheets/X" then "pass1: parse error, line N: ..."; "POSITIVE cuesheets/X". */
Test(cue_sheets, flac_suite_lines_match_cuesheet_ok)
{
	char ok[512], line[512];
	snprintf(ok, sizeof(ok), "%s/xiph_flac/test/cuesheet.ok", SHARED_TESTDATA);
	FILE *f = fopen(ok, "r");
	cr_assert_not_null(f, "cannot open %s", ok);
	size_t bad = 0, good = 0;
	char rel[256] = "";
	while (fgets(line, sizeof(line), f)) {
		char path[800];
		unsigned want;
		if (sscanf(line, "POSITIVE %255s", rel) == 1) {
			snprintf(path, sizeof(path), "%s/xiph_flac/test/%s", SHARED_TESTDATA, rel);
			check_sheet(path, 0);
			good++;
		} else if (sscanf(line, "NEGATIVE %255s", rel) == 1) {
			continue;
		} else if (sscanf(line, "pass1: parse error, line %u", &want) == 1) {
			snprintf(path, sizeof(path), "%s/xiph_flac/test/%s", SHARED_TESTDATA, rel);
			check_sheet(path, flac_accepts_on_purpose(rel) ? 0 : want);
			bad++;
		}
	}
	fclose(f);
	cr_assert_eq(bad, 44);
	cr_assert_eq(good, 6);
	cr_assert_eq(failures, 0, "%zu flac sheets went wrong (see the log)", failures);
}
