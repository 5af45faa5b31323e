/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Appending a session to a written disc (issue 13 item 4; IMAPI StartOfNextSession, cdrecord -multi) on
 * the emulated recorder: an enhanced CD burned with --multi (2 sessions, the second left open), then a
 * data sheet burned onto it becomes session 3 with track 4, its lead-in at the drive's next lead-in; the
 * TOC read back (READ TOC formats 0, 1, 2) is that of the three-session sheet (B0 in sessions 1 and 2, C0
 * in session 1, A0/A1/A2 of each); a session that does not fit is refused with no WRITE. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "burn_fixture.h"
#include "rawcd/toc.h"

TestSuite(burn_append, .init = bf_setup, .fini = bf_teardown, .timeout = 120);

static const char *const session12 =
	"REM SESSION 01\nFILE \"a1.pcm\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
	"FILE \"a2.pcm\" BINARY\n  TRACK 02 AUDIO\n    INDEX 01 00:00:00\n"
	"REM SESSION 02\nFILE \"data.bin\" BINARY\n  TRACK 03 MODE1/2048\n    INDEX 01 00:00:00\n";

static struct rawcd_disc *load_sheet(const char *name, const char *text)
{
	FILE *f = fopen(bf_path(name), "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_input_load(&d, bf_path(name), NULL, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	return d;
}

/* The enhanced CD burned with --multi: two sessions, the disc left appendable. */
static struct rawcd_disc *burn_open_enhanced_cd(rawcd_transport *t)
{
	bf_mixed_sheet(0); /* for its a1.pcm and data.bin */
	struct rawcd_disc *d = load_sheet("e.cue", session12);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.multi = true;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_state(t).sessions, 2);
	cr_assert_eq(bf_state(t).disc_status, 1, "left appendable");
	rawcd_diag_free(diag);
	return d;
}

static struct rawcd_toc *drive_toc(rawcd_transport *t)
{
	struct rawcd_toc *toc = calloc(1, sizeof(*toc));
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_drive_read_toc(t, toc, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, ""), 0, "formats 0, 1 and 2 agree: %s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	return toc;
}

static char *toc_json(const struct rawcd_toc *toc)
{
	char *json = NULL;
	cr_assert_eq(rawcd_toc_to_json(&json, toc, NULL), RAWCD_OK);
	return json;
}

static const struct rawcd_toc_descriptor *find(const struct rawcd_toc *toc, unsigned session, uint8_t point)
{
	for (size_t i = 0; i < toc->full_count; i++)
		if (toc->full[i].session == session && toc->full[i].point == point)
			return &toc->full[i];
	return NULL;
}

static void check_appended(bool multi)
{
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_disc *e = burn_open_enhanced_cd(t);
	int32_t next = e->sessions[1].leadout_lba + 6750;
	struct rawcd_disc *add = load_sheet("add.cue", "FILE \"data.bin\" BINARY\n  TRACK 01 MODE1/2048\n"
					    "    INDEX 01 00:00:00\n");
	size_t before = rawcd_emu_command_count(t);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.multi = multi;
	o.verify = true;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, add, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "session 3 is appended"), 1, "%s", bf_diag_text(diag));
	cr_assert(r.verified);
	cr_assert_eq(r.verify_mismatches, 0, "--verify of the appended disc: %s", bf_diag_text(diag));
	cr_assert_eq(r.first_lba, next, "the new session starts at the next lead-in");
	int32_t start3 = next + 4500 + 150;
	cr_assert_eq(r.leadout_lba, start3 + (int32_t)add->tracks[0].length);
	cr_assert_eq(r.written, (uint64_t)(r.leadout_lba + 6750 - next), "only the new session is written");
	const struct rawcd_emu_command *first = NULL;
	for (size_t i = before; i < rawcd_emu_command_count(t) && !first; i++)
		if (rawcd_emu_command_get(t, i)->opcode == RAWCD_MMC_OP_WRITE10)
			first = rawcd_emu_command_get(t, i);
	cr_assert_not_null(first);
	cr_assert_eq(first->lba, next, "the first WRITE at the next lead-in, LBA %d (got %d)", next, first->lba);
	struct rawcd_emu_state st = bf_state(t);
	cr_assert_eq(st.sessions, 3);
	cr_assert_eq(st.disc_status, multi ? 1 : 2);
	rawcd_diag_free(diag);

	struct rawcd_toc *got = drive_toc(t);
	cr_assert_eq(got->last_session, 3);
	cr_assert_eq(got->first_track, 1);
	cr_assert_eq(got->last_track, 4);
	cr_assert_eq(got->tracks[3].number, 4);
	cr_assert_eq(got->tracks[3].session, 3);
	cr_assert_eq(got->tracks[3].start_lba, start3);
	cr_assert_eq(got->leadout_lba, r.leadout_lba);
	const struct rawcd_toc_descriptor *a0 = find(got, 3, 0xA0), *a1 = find(got, 3, 0xA1), *a2 = find(got, 3, 0xA2);
	cr_assert(a0 && a1 && a2, "A0, A1, A2 of session 3");
	cr_assert_eq(a0->pmin, 4, "session 3's first track");
	cr_assert_eq(a1->pmin, 4, "session 3's last track");
	cr_assert_eq(rawcd_msf_to_lba((struct rawcd_msf){a2->pmin, a2->psec, a2->pframe}), r.leadout_lba);
	cr_assert_not_null(find(got, 1, 0xB0));
	cr_assert_not_null(find(got, 2, 0xB0));
	cr_assert_not_null(find(got, 1, 0xC0), "C0 in the first session");
	cr_assert_null(find(got, 2, 0xC0));
	cr_assert_null(find(got, 3, 0xC0), "C0 only in the first session");
	cr_assert_eq(find(got, 3, 0xB0) != NULL, multi, "B0 in session 3 only when left open");

	/* The whole disc read back is the three-session sheet's. */
	char text[1024];
	snprintf(text, sizeof(text), "%sREM SESSION 03\nFILE \"data.bin\" BINARY\n  TRACK 04 MODE1/2048\n"
		 "    INDEX 01 00:00:00\n", session12);
	struct rawcd_disc *three = load_sheet("three.cue", text);
	three->last_session_open = multi;
	struct rawcd_toc *want = calloc(1, sizeof(*want));
	cr_assert_eq(rawcd_toc_from_disc(want, three), RAWCD_OK);
	char *wj = toc_json(want), *gj = toc_json(got);
	cr_assert_str_eq(gj, wj, "the appended disc's TOC is not the three-session sheet's");
	free(wj);
	free(gj);
	free(want);
	free(got);
	rawcd_disc_free(three);
	rawcd_disc_free(add);
	rawcd_disc_free(e);
	rawcd_transport_close(t);
}

Test(burn_append, a_data_session_appended_to_an_open_enhanced_cd_closes_it)
{
	check_appended(false);
}

Test(burn_append, a_session_appended_with_multi_leaves_the_disc_open)
{
	check_appended(true);
}

Test(burn_append, a_session_that_does_not_fit_after_the_others_is_refused_with_no_write)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *e = load_sheet("e.cue", session12);
	struct rawcd_disc *add = load_sheet("add.cue", "FILE \"data.bin\" BINARY\n  TRACK 01 MODE1/2048\n"
					    "    INDEX 01 00:00:00\n");
	int32_t leadout3 = e->sessions[1].leadout_lba + 6750 + 4650 + (int32_t)add->tracks[0].length;
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.atip_leadout = rawcd_lba_to_msf(leadout3 - 10);
	rawcd_transport *t = bf_open(&cfg);
	rawcd_disc_free(burn_open_enhanced_cd(t));
	unsigned writes = bf_state(t).writes;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, add, NULL, &r, &diag), RAWCD_E_LAYOUT, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_state(t).writes, writes, "no WRITE");
	char words[96];
	snprintf(words, sizeof(words), "lead-out starts at LBA %d", leadout3);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, words), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "10 sectors short; nothing was written"), 1, "%s",
		     bf_diag_text(diag));
	cr_assert_eq(bf_state(t).sessions, 2);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(add);
	rawcd_disc_free(e);
}

/* A sheet of two sessions appended: both written, session by session, after the disc's two. */
Test(burn_append, a_two_session_sheet_appended_makes_four_sessions)
{
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_disc *e = burn_open_enhanced_cd(t);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, e, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "session 3 of 4 written"), 1, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	cr_assert_eq(bf_state(t).sessions, 4);
	cr_assert_eq(bf_state(t).disc_status, 2);
	char text[2048];
	snprintf(text, sizeof(text), "%sREM SESSION 03\nFILE \"a1.pcm\" BINARY\n  TRACK 04 AUDIO\n    INDEX 01 00:00:00\n"
		 "FILE \"a2.pcm\" BINARY\n  TRACK 05 AUDIO\n    INDEX 01 00:00:00\n"
		 "REM SESSION 04\nFILE \"data.bin\" BINARY\n  TRACK 06 MODE1/2048\n    INDEX 01 00:00:00\n", session12);
	struct rawcd_disc *four = load_sheet("four.cue", text);
	struct rawcd_toc *want = calloc(1, sizeof(*want)), *got = drive_toc(t);
	cr_assert_eq(rawcd_toc_from_disc(want, four), RAWCD_OK);
	char *wj = toc_json(want), *gj = toc_json(got);
	cr_assert_str_eq(gj, wj, "the disc's TOC is not the four-session sheet's");
	free(wj);
	free(gj);
	free(want);
	free(got);
	rawcd_disc_free(four);
	rawcd_disc_free(e);
	rawcd_transport_close(t);
}

Test(burn_append, a_simulated_append_writes_the_session_and_leaves_the_disc_as_it_was)
{
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_disc *e = burn_open_enhanced_cd(t);
	struct rawcd_disc *add = load_sheet("add.cue", "FILE \"data.bin\" BINARY\n  TRACK 01 MODE1/2048\n"
					    "    INDEX 01 00:00:00\n");
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.simulate = true;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, add, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(r.first_lba, e->sessions[1].leadout_lba + 6750);
	cr_assert_eq(r.written, r.total);
	cr_assert_eq(bf_state(t).sessions, 2, "a test write adds no session");
	cr_assert_eq(bf_state(t).disc_status, 1, "still appendable");
	rawcd_diag_free(diag);
	rawcd_disc_free(add);
	rawcd_disc_free(e);
	rawcd_transport_close(t);
}

Test(burn_append, the_cd_text_of_an_appended_sheet_is_named_as_not_written)
{
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_disc *e = burn_open_enhanced_cd(t);
	struct rawcd_disc *add = load_sheet("add.cue", "TITLE \"Later\"\nFILE \"data.bin\" BINARY\n"
					    "  TRACK 01 MODE1/2048\n    TITLE \"Data\"\n    INDEX 01 00:00:00\n");
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, add, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "CD-TEXT is not written"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_state(t).sessions, 3);
	rawcd_diag_free(diag);
	rawcd_disc_free(add);
	rawcd_disc_free(e);
	rawcd_transport_close(t);
}
