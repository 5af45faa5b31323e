/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Multisession burns (issue 13 item 4) on the emulated recorder: an enhanced CD (an audio session, then a
 * data session) burns as two recordings, page 05h's Multi-session field 11b for the first; between them
 * the disc is appendable with the next lead-in where the layout has it; the TOC read back (READ TOC
 * formats 0, 1, 2 with B0 and C0) equals the sheet's; --multi leaves the disc appendable; a session the
 * medium cannot hold is refused with nothing written. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "burn_fixture.h"
#include "rawcd/toc.h"

TestSuite(burn_sessions, .init = bf_setup, .fini = bf_teardown, .timeout = 120);

static struct rawcd_disc *enhanced_cd(void)
{
	bf_mixed_sheet(0); /* for its a1.pcm and data.bin */
	FILE *f = fopen(bf_path("e.cue"), "w");
	cr_assert_not_null(f);
	fputs("REM SESSION 01\nFILE \"a1.pcm\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
	      "FILE \"a2.pcm\" BINARY\n  TRACK 02 AUDIO\n    INDEX 01 00:00:00\n"
	      "REM SESSION 02\nFILE \"data.bin\" BINARY\n  TRACK 03 MODE1/2048\n    INDEX 01 00:00:00\n", f);
	fclose(f);
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_input_load(&d, bf_path("e.cue"), NULL, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(d->session_count, 2);
	rawcd_diag_free(diag);
	return d;
}

static char *toc_json_of_disc(const struct rawcd_disc *d)
{
	struct rawcd_toc *toc = calloc(1, sizeof(*toc));
	cr_assert_eq(rawcd_toc_from_disc(toc, d), RAWCD_OK);
	char *json = NULL;
	cr_assert_eq(rawcd_toc_to_json(&json, toc, NULL), RAWCD_OK);
	free(toc);
	return json;
}

static char *toc_json_of_drive(rawcd_transport *t)
{
	struct rawcd_toc *toc = calloc(1, sizeof(*toc));
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_drive_read_toc(t, toc, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, ""), 0, "formats 0, 1 and 2 agree: %s", bf_diag_text(diag));
	unsigned unread = 0;
	cr_assert_eq(rawcd_drive_read_mcn_isrc(t, toc, &unread, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(unread, 0);
	char *json = NULL;
	cr_assert_eq(rawcd_toc_to_json(&json, toc, NULL), RAWCD_OK);
	rawcd_diag_free(diag);
	free(toc);
	return json;
}

Test(burn_sessions, an_enhanced_cd_burns_as_two_sessions_with_the_sheets_toc)
{
	struct rawcd_disc *d = enhanced_cd();
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(r.mode, RAWCD_WRITE_RAW96R);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "session 1 of 2 written"), 1, "%s", bf_diag_text(diag));
	struct rawcd_emu_state st = bf_state(t);
	cr_assert_eq(st.sessions, 2);
	cr_assert_eq(st.disc_status, 2, "the last session closed the disc");
	cr_assert_eq(st.multisession, 0, "page 05h of the last session: no next session");
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_SYNCHRONIZE_CACHE), 2);
	cr_assert_geq(bf_count_op(t, RAWCD_MMC_OP_READ_DISC_INFORMATION), 2, "checked appendable between sessions");
	int32_t s2 = d->sessions[0].leadout_lba + 6750;
	bool seen = false;
	for (size_t i = 0; i < rawcd_emu_command_count(t); i++) {
		const struct rawcd_emu_command *c = rawcd_emu_command_get(t, i);
		seen |= c->opcode == RAWCD_MMC_OP_WRITE10 && c->lba == s2;
	}
	cr_assert(seen, "session 2's first WRITE at its lead-in, LBA %d", s2);
	char *want = toc_json_of_disc(d), *got = toc_json_of_drive(t);
	cr_assert_str_eq(got, want, "the burned disc's TOC is not the sheet's");
	free(want);
	free(got);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_sessions, a_simulated_multisession_burn_writes_both_and_leaves_the_disc_blank)
{
	struct rawcd_disc *d = enhanced_cd();
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.simulate = true;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	struct rawcd_emu_state st = bf_state(t);
	cr_assert_eq(st.disc_status, 0);
	cr_assert_eq(r.written, r.total);
	cr_assert_eq(r.total, (uint64_t)(rawcd_disc_leadout_lba(d) + 6750 - LEADIN_LBA));
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_sessions, multi_leaves_the_disc_appendable_with_its_next_leadin)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.multi = true;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	struct rawcd_emu_state st = bf_state(t);
	cr_assert_eq(st.sessions, 1);
	cr_assert_eq(st.disc_status, 1, "appendable");
	cr_assert_eq(st.multisession, 3);
	rawcd_diag_free(diag);
	struct rawcd_drive_info info;
	diag = rawcd_diag_new();
	cr_assert_eq(rawcd_drive_probe(t, &info, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(info.disc_info.disc_status, 1);
	cr_assert_eq(info.disc_info.last_session_state, 3, "the last session is complete");
	cr_assert(info.disc_info.leadin_valid);
	cr_assert_eq(info.disc_info.leadin_start_lba, rawcd_disc_leadout_lba(d) + 6750,
		     "the next lead-in follows the lead-out");
	char *json = NULL, key[64];
	cr_assert_eq(rawcd_drive_info_to_json(&json, &info), RAWCD_OK);
	snprintf(key, sizeof(key), "\"next_session_lba\": %d", rawcd_disc_leadout_lba(d) + 6750);
	cr_assert(strstr(json, key), "rawcd drive --json shows StartOfNextSession (%s): %s", key, json);
	free(json);
	struct rawcd_disc open = *d; /* the TOC an open session's lead-in carries: B0 and C0 */
	open.last_session_open = true;
	char *want = toc_json_of_disc(&open), *got = toc_json_of_drive(t);
	cr_assert_str_eq(got, want, "the open session's TOC (with B0 and C0) is not the one read back");
	cr_assert(strstr(got, "\"point\": 176"), "B0 in the lead-in: %s", got);
	free(want);
	free(got);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_sessions, a_session_that_does_not_fit_is_refused_with_nothing_written)
{
	struct rawcd_disc *d = enhanced_cd();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.atip_leadout = rawcd_lba_to_msf(d->sessions[1].leadout_lba - 100);
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, NULL, &r, &diag), RAWCD_E_LAYOUT);
	cr_assert_eq(bf_state(t).writes, 0);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "100 sectors short; nothing was written"), 1, "%s",
		     bf_diag_text(diag));
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

/* The enhanced CD as a raw96 image with its lead-in and lead-out (running on through the lead-out and
 * lead-in between the sessions): it burns session by session to the sheet's blocks. */
Test(burn_sessions, a_multisession_raw_image_burns_to_the_sheets_blocks)
{
	struct rawcd_disc *sheet = enhanced_cd();
	struct rawcd_image_options io = RAWCD_IMAGE_OPTIONS_INIT;
	io.format = RAWCD_IMAGE_RAW96;
	io.leadin_sectors = 11625;
	io.leadout_sectors = 6750;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_image_write(sheet, bf_path("e.raw"), &io, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	struct rawcd_disc *d = NULL;
	diag = rawcd_diag_new();
	cr_assert_eq(rawcd_input_load(&d, bf_path("e.raw"), NULL, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(d->session_count, 2);
	rawcd_diag_free(diag);
	size_t sizes[2];
	uint8_t *got[2];
	const struct rawcd_disc *discs[2] = {sheet, d};
	for (size_t k = 0; k < 2; k++) {
		struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
		cfg.sink_path = bf_path(k ? "image.bin" : "sheet.bin");
		rawcd_transport *t = bf_open(&cfg);
		struct rawcd_burn_result r;
		cr_assert_eq(bf_burn(t, discs[k], NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
		cr_assert_eq(bf_state(t).sessions, 2);
		rawcd_diag_free(diag);
		rawcd_transport_close(t);
		got[k] = bf_read_file(bf_path(k ? "image.bin" : "sheet.bin"), &sizes[k]);
	}
	cr_assert_eq(sizes[1], sizes[0]);
	for (size_t i = 0; i < sizes[0] / 2448; i++)
		cr_assert_arr_eq(got[1] + i * 2448, got[0] + i * 2448, 2448, "block %zu (LBA %d)", i, LEADIN_LBA + (int)i);
	free(got[0]);
	free(got[1]);
	rawcd_disc_free(d);
	rawcd_disc_free(sheet);
}
