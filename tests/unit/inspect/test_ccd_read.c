/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The .ccd reader: what our writer produces reads back as the same layout as the sheet it came from; the
 * research example (research/subcode.md §6) gives the LBAs it states; each broken file is refused with
 * the right code, the line of the offending section or key, and words that say what is wrong.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image/sinks.h"
#include "inspect_fixture.h"

TestSuite(ccd, .init = ix_setup, .fini = ix_teardown);

/* Two audio tracks; track 2's pregap 14850, INDEX 1 at 15000; lead-out 30000 (06:42:00). */
static const char example[] =
	"[CloneCD]\nVersion=3\n[Disc]\nTocEntries=5\nSessions=1\nDataTracksScrambled=0\nCDTextLength=0\n"
	"CATALOG=0000000000017\n"
	"[Session 1]\nPreGapMode=0\nPreGapSubC=0\n"
	"[Entry 0]\nSession=1\nPoint=0xa0\nADR=0x01\nControl=0x00\nTrackNo=0\nAMin=0\nASec=0\nAFrame=0\nALBA=-150\n"
	"Zero=0\nPMin=1\nPSec=0\nPFrame=0\nPLBA=4350\n"
	"[Entry 1]\nSession=1\nPoint=0xa1\nADR=0x01\nControl=0x00\nTrackNo=0\nAMin=0\nASec=0\nAFrame=0\nALBA=-150\n"
	"Zero=0\nPMin=2\nPSec=0\nPFrame=0\nPLBA=8850\n"
	"[Entry 2]\nSession=1\nPoint=0xa2\nADR=0x01\nControl=0x00\nTrackNo=0\nAMin=0\nASec=0\nAFrame=0\nALBA=-150\n"
	"Zero=0\nPMin=6\nPSec=42\nPFrame=0\nPLBA=30000\n"
	"[Entry 3]\nSession=1\nPoint=0x01\nADR=0x01\nControl=0x02\nTrackNo=0\nAMin=0\nASec=0\nAFrame=0\nALBA=-150\n"
	"Zero=0\nPMin=0\nPSec=2\nPFrame=0\nPLBA=0\n"
	"[Entry 4]\nSession=1\nPoint=0x02\nADR=0x01\nControl=0x01\nTrackNo=0\nAMin=0\nASec=0\nAFrame=0\nALBA=-150\n"
	"Zero=0\nPMin=3\nPSec=22\nPFrame=0\nPLBA=15000\n"
	"[TRACK 1]\nMODE=0\nISRC=USRC17607839\nINDEX 1=0\n"
	"[TRACK 2]\nMODE=0\nINDEX 0=14850\nINDEX 1=15000\nINDEX 2=20000\n";

static struct rawcd_disc *parse_ok(const char *text, struct rawcd_ccd_info *info, rawcd_diag **diag)
{
	*diag = rawcd_diag_new();
	struct rawcd_disc *d = NULL;
	int rc = rawcd_ccd_parse(&d, info, text, strlen(text), "/some/where/x.ccd", *diag);
	cr_assert_eq(rc, RAWCD_OK, "rawcd_ccd_parse: %s (%s)", rawcd_strerror(rc),
		     rawcd_diag_count(*diag) ? rawcd_diag_get(*diag, 0)->message : "");
	return d;
}

Test(ccd, the_research_example_gives_its_lbas)
{
	rawcd_diag *diag;
	struct rawcd_ccd_info info = {0};
	struct rawcd_disc *d = parse_ok(example, &info, &diag);
	cr_assert(d->laid_out);
	cr_assert_eq(d->track_count, 2);
	cr_expect_eq(rawcd_disc_leadout_lba(d), 30000);
	cr_expect_str_eq(d->mcn, "0000000000017");
	cr_expect_eq(d->tracks[0].mode, RAWCD_MODE_AUDIO);
	cr_expect_eq(d->tracks[0].flags, RAWCD_FLAG_DCP);
	cr_expect_eq(d->tracks[1].flags, RAWCD_FLAG_PRE);
	cr_expect_str_eq(d->tracks[0].isrc, "USRC17607839");
	cr_expect_eq(d->tracks[0].start_lba, 0);
	cr_expect_eq(d->tracks[0].end_lba, 14850);
	cr_expect_eq(d->tracks[0].length, 15000u);
	cr_expect_eq(d->tracks[1].pregap_lba, 14850);
	cr_expect_eq(d->tracks[1].start_lba, 15000);
	cr_expect_eq(d->tracks[1].end_lba, 30000);
	cr_expect_eq(d->tracks[1].index_count, 3);
	cr_expect_eq(d->tracks[1].indexes[2].lba, 20000);
	cr_expect_eq(d->tracks[1].indexes[2].number, 2u);
	cr_expect_eq(d->file_count, 1);
	cr_expect_str_eq(d->files[0].path, "/some/where/x.img");
	cr_expect_str_eq(d->files[0].name, "x.img");
	cr_expect_eq(d->files[0].sectors, 30000u);
	cr_expect_eq(d->extent_count, 1);
	cr_expect_eq(d->extents[0].sectors, 30000u);
	cr_expect_str_eq(info.sub_path, "/some/where/x.sub");
	cr_expect_eq(info.version, 3u);
	cr_expect(!info.data_scrambled);
	cr_expect_eq(rawcd_diag_error_count(diag), 0);
	rawcd_ccd_info_finish(&info);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(ccd, case_crlf_comments_and_spaces_do_not_matter)
{
	/* Lower-case keys and section names, CRLF, spaces around '=', a comment and a blank line. */
	char text[sizeof(example) * 2 + 64];
	size_t n = 0;
	bool value = false;
	for (const char *c = example; *c; c++) {
		value = *c == '=' ? true : *c == '\n' ? false : value;
		if (strncmp(c, "=0\nISRC", 7) == 0) {
			memcpy(text + n, " = ", 3);
			n += 3;
			continue;
		}
		if (*c == '\n')
			text[n++] = '\r';
		text[n++] = !value && *c >= 'A' && *c <= 'Z' ? (char)(*c + 32) : *c;
	}
	strcpy(text + n, "; written by hand\r\n\r\n");
	cr_assert_not_null(strstr(text, "[track 1]\r\nmode = 0\r\nisrc=USRC17607839\r\n"));
	rawcd_diag *diag;
	struct rawcd_disc *d = parse_ok(text, NULL, &diag);
	cr_expect_eq(d->tracks[1].start_lba, 15000);
	cr_expect_eq(rawcd_disc_leadout_lba(d), 30000);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* A sheet with data, audio, INDEX 00 in the file, a generated PREGAP, ISRC, FLAGS and CATALOG. */
static const char sheet[] =
	"CATALOG 1234567890128\nFILE \"d.bin\" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n"
	"FILE \"a.bin\" BINARY\n  TRACK 02 AUDIO\n    FLAGS DCP PRE\n    ISRC ZZRCD2400002\n    INDEX 00 00:00:00\n"
	"    INDEX 01 00:02:00\n    INDEX 02 00:06:00\n  TRACK 03 AUDIO\n    PREGAP 00:01:00\n    INDEX 01 00:10:00\n";

Test(ccd, our_writers_ccd_reads_back_as_the_sheets_layout)
{
	uint8_t *zeros = calloc(1500, S);
	ix_write("d.bin", zeros, 400 * (size_t)S);
	ix_write("a.bin", zeros, 1500 * (size_t)S);
	free(zeros);
	ix_write("t.cue", sheet, strlen(sheet));
	struct rawcd_disc *want = ix_load("t.cue");
	char *text = NULL;
	cr_assert_eq(rcd_ccd_text(&text, want, NULL), RAWCD_OK);
	rawcd_diag *diag;
	struct rawcd_disc *got = parse_ok(text, NULL, &diag);
	cr_assert_eq(got->track_count, want->track_count);
	cr_expect_eq(rawcd_disc_leadout_lba(got), rawcd_disc_leadout_lba(want));
	cr_expect_str_eq(got->mcn, want->mcn);
	for (size_t i = 0; i < want->track_count; i++) {
		const struct rawcd_track *g = &got->tracks[i], *w = &want->tracks[i];
		cr_expect_eq(g->number, w->number);
		cr_expect_eq(g->mode, w->mode == RAWCD_MODE_MODE1_2048 ? RAWCD_MODE_MODE1_2352 : w->mode);
		cr_expect_eq(g->flags, w->flags, "track %zu flags", i + 1);
		cr_expect_str_eq(g->isrc, w->isrc);
		cr_expect_eq(g->pregap_lba, w->pregap_lba, "track %zu pregap", i + 1);
		cr_expect_eq(g->start_lba, w->start_lba, "track %zu start", i + 1);
		cr_expect_eq(g->end_lba, w->end_lba, "track %zu end", i + 1);
		cr_expect_eq(g->length, w->length);
		for (size_t j = 0; j < w->index_count; j++) {
			bool generated = w->indexes[j].number == 0 && w->pregap; /* PREGAP becomes INDEX 0 */
			size_t k = j + (g->index_count > w->index_count && !generated);
			cr_expect_eq(g->indexes[k].lba, w->indexes[j].lba, "track %zu index %u", i + 1, w->indexes[j].number);
		}
	}
	cr_expect_eq(got->tracks[2].index_count, 2, "the generated PREGAP is INDEX 0 in the .ccd");
	cr_expect_eq(got->tracks[2].indexes[0].lba, want->tracks[2].pregap_lba);
	free(text);
	rawcd_disc_free(got);
	rawcd_disc_free(want);
	rawcd_diag_free(diag);
}

/* A broken variant of the example: @p from replaced by @p to. */
struct bad {
	const char *from, *to;
	int code;
	unsigned line;
	const char *words;
};

static const struct bad bads[] = {
	{"[Disc]\n", "[Disk]\n", RAWCD_E_SYNTAX, 0, "no [Disc] section"},
	{"TocEntries=5\n", "", RAWCD_E_SYNTAX, 3, "[Disc] has no TocEntries= key"},
	{"TocEntries=5\n", "TocEntries=6\n", RAWCD_E_SYNTAX, 4, "no [Entry 5]"},
	{"TocEntries=5\n", "TocEntries=4\n", RAWCD_E_SYNTAX, 72, "[Entry 4] is beyond TocEntries=4"},
	{"Sessions=1\n", "Sessions=2\n", RAWCD_E_SYNTAX, 3, "Point=0xa0 (ADR 1, first track) in session 2"},
	{"PMin=6\n", "", RAWCD_E_SYNTAX, 42, "[Entry 2] has no PMin= key"},
	{"Point=0xa2\n", "Point=0xzz\n", RAWCD_E_SYNTAX, 44, "Point=0xzz is not a number"},
	{"Point=0xa2\n", "Point=0xa3\n", RAWCD_E_SYNTAX, 3, "Point=0xa2"},
	{"PSec=42\n", "PSec=60\n", RAWCD_E_SYNTAX, 54, "PSec=60 is out of range"},
	{"[TRACK 1]\nMODE=0\n", "[TRACK 1]\nMODE=3\n", RAWCD_E_SYNTAX, 88, "MODE=3 is out of range"},
	{"[TRACK 1]\nMODE=0\n", "[TRACK 1]\n", RAWCD_E_SYNTAX, 87, "[TRACK 1] has no MODE= key"},
	{"INDEX 1=15000\n", "INDEX 1=15001\n", RAWCD_E_SYNTAX, 94, "INDEX 1=15001 of track 2"},
	{"INDEX 1=15000\n", "INDEX 3=15000\n", RAWCD_E_SYNTAX, 91, "[TRACK 2] has no INDEX 1="},
	{"INDEX 0=14850\n", "INDEX 0=15500\n", RAWCD_E_SYNTAX, 94, "index LBAs must rise"},
	{"INDEX 2=20000\n", "INDEX 2=30000\n", RAWCD_E_SYNTAX, 95, "not before its session's lead-out"},
	{"INDEX 0=14850\n", "INDEX 0=0\n", RAWCD_E_SYNTAX, 93, "not after the last index of track 1"},
	{"[TRACK 2]\n", "[TRACK 1]\n", RAWCD_E_SYNTAX, 91, "section [TRACK 1] repeats the one on line 87"},
	{"[TRACK 2]\nMODE=0\n", "[TRACK 3]\nMODE=0\n", RAWCD_E_SYNTAX, 72, "the TOC lists track 2 but there is no [TRACK 2]"},
	{"ISRC=USRC17607839\nINDEX 1=0\n", "ISRC=USRC17607839\nINDEX 1=0\nMODE=1\n", RAWCD_E_SYNTAX, 91,
	 "MODE is given twice in [TRACK 1] (line 88 first)"},
	{"CATALOG=0000000000017\n", "CATALOG=12345\n", RAWCD_E_SYNTAX, 8, "13 digits"},
	{"[Session 1]\n", "this is no ini line\n", RAWCD_E_SYNTAX, 9, "expected [Section] or Key=Value"},
	{"[CloneCD]\n", "Version=3\n[CloneCD]\n", RAWCD_E_SYNTAX, 1, "before any [Section]"},
	{"[Entry 4]\n", "[Entry]\n", RAWCD_E_SYNTAX, 72, "[Entry] needs a number"},
	{"[Entry 4]\n", "[Entry 4\n", RAWCD_E_SYNTAX, 72, "[Name] or [Name N]"},
	{"Session=1\nPoint=0x02", "Session=2\nPoint=0x02", RAWCD_E_SYNTAX, 72, "Session=2, but [Disc] says"},
	{"Point=0x02\n", "Point=0x01\n", RAWCD_E_SYNTAX, 72, "the TOC has this track twice"},
};

static char *variant(const struct bad *b)
{
	const char *at = strstr(example, b->from);
	cr_assert_not_null(at, "\"%s\" is not in the example", b->from);
	size_t head = (size_t)(at - example);
	char *text = malloc(sizeof(example) + strlen(b->to));
	memcpy(text, example, head);
	strcpy(text + head, b->to);
	strcat(text, at + strlen(b->from));
	return text;
}

Test(ccd, broken_files_are_refused_with_their_line)
{
	for (size_t i = 0; i < sizeof(bads) / sizeof(bads[0]); i++) {
		char *text = variant(&bads[i]);
		rawcd_diag *diag = rawcd_diag_new();
		struct rawcd_disc *d = NULL;
		struct rawcd_ccd_info info = {.version = 77};
		int rc = rawcd_ccd_parse(&d, &info, text, strlen(text), "x.ccd", diag);
		const struct rawcd_diag_entry *e = rawcd_diag_count(diag) ? rawcd_diag_get(diag, 0) : NULL;
		cr_expect_eq(rc, bads[i].code, "case %zu (%s): %s", i, bads[i].words, rawcd_strerror(rc));
		cr_expect(ix_one_error(diag, bads[i].line, bads[i].words), "case %zu: want line %u \"%s\", got line %u "
			  "\"%s\"", i, bads[i].line, bads[i].words, e ? e->line : 0, e ? e->message : "(none)");
		cr_expect_str_eq(e ? e->file : "", "x.ccd");
		cr_expect_null(d);
		cr_expect_eq(info.version, 77u, "info untouched on failure");
		rawcd_diag_free(diag);
		free(text);
	}
}

Test(ccd, nul_bytes_and_bad_arguments)
{
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = NULL;
	char text[] = "[CloneCD]\nVersion=3\n\0binary";
	cr_expect_eq(rawcd_ccd_parse(&d, NULL, text, sizeof(text), "x.ccd", diag), RAWCD_E_SYNTAX);
	cr_expect(ix_one_error(diag, 3, "NUL byte"));
	cr_expect_eq(rawcd_ccd_parse(NULL, NULL, text, 1, "x.ccd", NULL), RAWCD_E_ARG);
	cr_expect_eq(rawcd_ccd_parse(&d, NULL, NULL, 1, "x.ccd", NULL), RAWCD_E_ARG);
	cr_expect_eq(rawcd_ccd_parse(&d, NULL, text, 1, NULL, NULL), RAWCD_E_ARG);
	cr_expect_null(d);
	rawcd_ccd_info_finish(NULL);
	rawcd_diag_free(diag);
}

Test(ccd, a_bad_isrc_and_a_control_that_disagrees_are_warnings)
{
	char *text = variant(&(struct bad){"ISRC=USRC17607839\n", "ISRC=us-rc1\n", 0, 0, NULL});
	char *t2 = strstr(text, "Control=0x01");
	memcpy(t2, "Control=0x04", 12);
	rawcd_diag *diag;
	struct rawcd_disc *d = parse_ok(text, NULL, &diag);
	cr_expect_str_eq(d->tracks[0].isrc, "");
	cr_expect_eq(rawcd_diag_count(diag), 2);
	cr_expect_eq(rawcd_diag_get(diag, 0)->line, 89);
	cr_expect(strstr(rawcd_diag_get(diag, 0)->message, "ignored"));
	cr_expect_eq(rawcd_diag_get(diag, 1)->line, 91);
	cr_expect(strstr(rawcd_diag_get(diag, 1)->message, "says data"));
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
	free(text);
}

Test(ccd, load_finds_the_files_beside_it)
{
	ix_write("x.ccd", example, strlen(example));
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = NULL;
	struct rawcd_ccd_info info = {0};
	cr_expect_eq(rawcd_ccd_load(&d, &info, ix_path("x.ccd"), diag), RAWCD_E_INPUT, "no .img");
	cr_expect(ix_one_error(diag, 0, "is missing"));
	rawcd_diag_clear(diag);
	uint8_t *img = calloc(29000, S);
	ix_write("X.IMG", img, 29000 * (size_t)S); /* another case, 1000 sectors short */
	free(img);
	cr_assert_eq(rawcd_ccd_load(&d, &info, ix_path("x.ccd"), diag), RAWCD_OK);
	cr_expect_str_eq(d->files[0].path, ix_path("X.IMG"));
	cr_expect_eq(d->files[0].bytes, 29000 * (uint64_t)S);
	cr_expect_null(info.sub_path, "no .sub");
	cr_expect_eq(rawcd_diag_count(diag), 3); /* the case, the short .img, the missing .sub */
	cr_expect(strstr(rawcd_diag_get(diag, 1)->message, "missing"));
	rawcd_disc_free(d);
	rawcd_ccd_info_finish(&info);
	ix_write("x.sub", "", 0);
	cr_assert_eq(rawcd_ccd_load(&d, &info, ix_path("x.ccd"), NULL), RAWCD_OK);
	cr_expect_str_eq(info.sub_path, ix_path("x.sub"));
	rawcd_disc_free(d);
	rawcd_ccd_info_finish(&info);
	rawcd_diag_free(diag);
}

/* An enhanced CD: two audio tracks (INDEX 00 of track 2 in the file), then a data session whose first
 * track's pregap is not stored (Redump's form), and a second data track with a stored INDEX 0. */
static const char enhanced[] =
	"REM SESSION 01\nFILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
	"  TRACK 02 AUDIO\n    INDEX 00 00:06:00\n    INDEX 01 00:08:00\n"
	"REM LEAD-OUT 01:30:00\nREM SESSION 02\nREM LEAD-IN 01:00:00\nREM PREGAP 00:02:00\n"
	"FILE \"d.bin\" BINARY\n  TRACK 03 MODE1/2352\n    INDEX 01 00:00:00\n"
	"  TRACK 04 MODE1/2352\n    INDEX 00 00:05:00\n    INDEX 01 00:06:00\n";

static void expect_same_layout(const struct rawcd_disc *got, const struct rawcd_disc *want)
{
	cr_assert_eq(got->track_count, want->track_count);
	cr_assert_eq(got->session_count, want->session_count);
	for (size_t s = 0; s < want->session_count; s++) {
		const struct rawcd_session *g = &got->sessions[s], *w = &want->sessions[s];
		cr_expect_eq(g->number, w->number);
		cr_expect_eq(g->first_track, w->first_track);
		cr_expect_eq(g->track_count, w->track_count);
		cr_expect_eq(g->leadout_lba, w->leadout_lba, "session %zu lead-out", s + 1);
		cr_expect_eq(g->disc_type, w->disc_type);
	}
	for (size_t i = 0; i < want->track_count; i++) {
		const struct rawcd_track *g = &got->tracks[i], *w = &want->tracks[i];
		cr_expect_eq(g->session, w->session, "track %zu session", i + 1);
		cr_expect_eq(g->pregap_lba, w->pregap_lba, "track %zu pregap", i + 1);
		cr_expect_eq(g->start_lba, w->start_lba, "track %zu start", i + 1);
		cr_expect_eq(g->end_lba, w->end_lba, "track %zu end", i + 1);
		cr_expect_eq(g->index_count, w->index_count, "track %zu indexes", i + 1);
	}
}

Test(ccd, a_multisession_ccd_reads_back_as_the_sheets_layout)
{
	uint8_t *zeros = calloc(1500, S);
	ix_write("a.bin", zeros, 1000 * (size_t)S);
	ix_write("d.bin", zeros, 700 * (size_t)S);
	free(zeros);
	ix_write("t.cue", enhanced, strlen(enhanced));
	struct rawcd_disc *want = ix_load("t.cue");
	cr_assert_eq(want->sessions[0].leadout_lba, 1000);
	cr_assert_eq(want->tracks[2].start_lba, 12400);
	char *text = NULL;
	cr_assert_eq(rcd_ccd_text(&text, want, NULL), RAWCD_OK);
	cr_expect_not_null(strstr(text, "Sessions=2\n"));
	cr_expect_not_null(strstr(text, "[Session 2]\n"));
	cr_expect_not_null(strstr(text, "Point=0xb0\nADR=0x05\n"), "B0 in session 1");
	cr_expect_not_null(strstr(text, "Point=0xc0\nADR=0x05\n"), "C0 in session 1");
	/* INDEX values from the session's first stored sector, as libmirage reads them. */
	cr_expect_not_null(strstr(text, "[TRACK 3]\nMODE=1\nINDEX 1=0\n"), "%s", text);
	cr_expect_not_null(strstr(text, "[TRACK 4]\nMODE=1\nINDEX 0=375\nINDEX 1=450\n"), "%s", text);
	rawcd_diag *diag;
	struct rawcd_disc *got = parse_ok(text, NULL, &diag);
	expect_same_layout(got, want);
	cr_expect_eq(got->files[0].sectors, 1700u, "the .img holds the two sessions back to back");
	cr_expect_eq(got->extent_count, 2);
	cr_expect_eq(got->extents[1].lba, 12400);
	cr_expect_eq(got->extents[1].offset, 1000u);
	cr_expect_eq(got->sessions[0].leadout_length + got->sessions[1].leadin_length, 11250u);
	free(text);
	rawcd_disc_free(got);
	rawcd_disc_free(want);
	rawcd_diag_free(diag);
}

Test(ccd, a_later_session_too_close_to_the_lead_out_is_refused)
{
	uint8_t *zeros = calloc(1000, S);
	ix_write("a.bin", zeros, 1000 * (size_t)S);
	ix_write("d.bin", zeros, 700 * (size_t)S);
	free(zeros);
	ix_write("t.cue", enhanced, strlen(enhanced));
	struct rawcd_disc *want = ix_load("t.cue");
	char *text = NULL;
	cr_assert_eq(rcd_ccd_text(&text, want, NULL), RAWCD_OK);
	/* INDEX 1 of track 3 as an absolute LBA puts the session's first sector at LBA 0. */
	char *at = strstr(text, "[TRACK 3]\nMODE=1\nINDEX 1=0\n");
	cr_assert_not_null(at);
	char *bad = malloc(strlen(text) + 16);
	size_t head = (size_t)(at - text) + strlen("[TRACK 3]\nMODE=1\nINDEX 1=");
	memcpy(bad, text, head);
	strcpy(bad + head, "12400");
	strcat(bad, at + strlen("[TRACK 3]\nMODE=1\nINDEX 1=0"));
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = NULL;
	cr_expect_eq(rawcd_ccd_parse(&d, NULL, bad, strlen(bad), "x.ccd", diag), RAWCD_E_SYNTAX);
	cr_expect_null(d);
	cr_expect_eq(rawcd_diag_error_count(diag), 1);
	cr_expect_not_null(strstr(rawcd_diag_get(diag, 0)->message, "too close to session 1's lead-out"));
	free(bad);
	free(text);
	rawcd_disc_free(want);
	rawcd_diag_free(diag);
}
