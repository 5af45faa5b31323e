/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd_drive_probe(), its JSON, reading a burned disc's TOC and CD-TEXT back, and blanking, against the
 * emulated recorder. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "burn_fixture.h"

TestSuite(drive, .init = bf_setup, .fini = bf_teardown, .timeout = 120);

static struct rawcd_drive_info probe(rawcd_transport *t, rawcd_diag *diag)
{
	struct rawcd_drive_info info;
	memset(&info, 0xA5, sizeof(info));
	int rc = rawcd_drive_probe(t, &info, diag);
	cr_assert_eq(rc, RAWCD_OK, "%s", bf_diag_text(diag));
	return info;
}

Test(drive, probe_reports_identity_features_medium_and_modes)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.vendor = "PLEXTOR";
	cfg.product = "PX-W4012A";
	cfg.revision = "1.07";
	rawcd_transport *t = bf_open(&cfg);
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_drive_info in = probe(t, diag);
	cr_assert_str_eq(in.inquiry.vendor, "PLEXTOR");
	cr_assert_str_eq(in.inquiry.product, "PX-W4012A");
	cr_assert_str_eq(in.inquiry.revision, "1.07");
	cr_assert_eq(in.inquiry.device_type, 5);
	cr_assert(in.medium_present);
	cr_assert_not(in.read_only);
	cr_assert(in.has_profiles);
	cr_assert_eq(in.profiles.current_profile, RAWCD_MMC_PROFILE_CD_R);
	cr_assert(in.can_write_cd);
	cr_assert(in.has_cd_mastering);
	cr_assert(in.cd_mastering.raw && in.cd_mastering.sao && in.cd_mastering.test_write && in.cd_mastering.buf);
	cr_assert(in.has_cd_tao);
	cr_assert(in.cd_tao.rw_raw && in.cd_tao.rw_pack);
	cr_assert_eq(in.cd_tao.data_types, 0x3F0F);
	cr_assert_not(in.ignores_rt);
	cr_assert(in.buf);
	cr_assert(in.has_disc_info);
	cr_assert_eq(in.disc_info.disc_status, 0);
	cr_assert(in.has_atip);
	cr_assert_eq(in.atip.leadin_start_lba, -11625);
	cr_assert_eq(in.atip.last_leadout_start_lba, 359849);
	cr_assert_not(in.atip.disc_is_rw);
	cr_assert_eq(in.raw96r, RAWCD_MODE_ACCEPTED);
	cr_assert_eq(in.raw16, RAWCD_MODE_ACCEPTED);
	cr_assert_eq(in.raw96p, RAWCD_MODE_ACCEPTED);
	cr_assert_eq(in.sao, RAWCD_MODE_ACCEPTED);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_MODE_SELECT10), 4, "one MODE SELECT a pair");
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_WRITE10), 0);
	cr_assert_eq(rawcd_diag_count(diag), 0, "%s", bf_diag_text(diag));
	/* GET CONFIGURATION for one feature at a time: RT 2 with the feature asked for */
	size_t i = bf_find_op(t, RAWCD_MMC_OP_GET_CONFIGURATION, 1);
	cr_assert_eq(rawcd_emu_command_get(t, i)->rt, 2);
	cr_assert_eq(rawcd_emu_command_get(t, i)->feature, 0x002E);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
}

Test(drive, probe_keeps_only_what_mode_select_accepts)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.refused_raw_block_types = 1u << 3 | 1u << 2; /* the features claim more than the drive does */
	cfg.refused_write_types = 1u << RAWCD_MMC_WRITE_SAO;
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_drive_info in = probe(t, NULL);
	cr_assert(in.cd_mastering.raw && in.cd_tao.rw_raw, "the features still claim raw P-W");
	cr_assert_eq(in.raw96r, RAWCD_MODE_REFUSED);
	cr_assert_eq(in.raw16, RAWCD_MODE_ACCEPTED);
	cr_assert_eq(in.raw96p, RAWCD_MODE_REFUSED);
	cr_assert_eq(in.sao, RAWCD_MODE_REFUSED);
	rawcd_transport_close(t);
}

Test(drive, probe_without_raw_feature)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.cd_mastering_clear = 0x08; /* no Raw bit: the drive refuses write type RAW */
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_drive_info in = probe(t, NULL);
	cr_assert_not(in.cd_mastering.raw);
	cr_assert_eq(in.raw96r, RAWCD_MODE_REFUSED);
	cr_assert_eq(in.raw16, RAWCD_MODE_REFUSED);
	cr_assert_eq(in.sao, RAWCD_MODE_ACCEPTED);
	rawcd_transport_close(t);
}

Test(drive, probe_of_a_drive_ignoring_rt_looks_the_features_up)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.ignore_rt = true;
	cfg.cd_mastering_clear = 0x20; /* no SAO: shows the 002Eh descriptor was read, not another one */
	rawcd_transport *t = bf_open(&cfg);
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_drive_info in = probe(t, diag);
	cr_assert(in.ignores_rt);
	cr_assert(in.has_cd_mastering);
	cr_assert_not(in.cd_mastering.sao);
	cr_assert(in.cd_mastering.raw);
	cr_assert(in.has_cd_tao);
	cr_assert_eq(in.cd_tao.data_types, 0x3F0F);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "ignores GET CONFIGURATION's RT"), 1, "%s",
		     bf_diag_text(diag));
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
}

Test(drive, probe_of_a_read_only_open_and_an_empty_drive)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.read_only = true;
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_drive_info in = probe(t, NULL);
	cr_assert(in.read_only);
	cr_assert_eq(in.raw96r, RAWCD_MODE_UNTESTED);
	cr_assert_eq(in.sao, RAWCD_MODE_UNTESTED);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_MODE_SELECT10), 0);
	cr_assert(in.has_atip);
	rawcd_transport_close(t);

	cfg = (struct rawcd_emu_config)RAWCD_EMU_CONFIG_INIT;
	cfg.no_medium = true;
	t = bf_open(&cfg);
	in = probe(t, NULL);
	cr_assert_not(in.medium_present);
	cr_assert_not(in.has_atip);
	cr_assert_not(in.has_disc_info);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_READ_TOC), 0);
	rawcd_transport_close(t);
}

Test(drive, probe_catches_a_toc_sent_for_atip)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.toc_format_in_byte9 = true;
	rawcd_transport *t = bf_open(&cfg);
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_drive_info in = probe(t, diag);
	cr_assert_not(in.has_atip);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "that are not ATIP"), 1, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
}

Test(drive, json_has_the_documented_keys_and_values)
{
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_drive_info in = probe(t, NULL);
	char *text = NULL;
	cr_assert_eq(rawcd_drive_info_to_json(&text, &in), RAWCD_OK);
	cr_assert_not_null(text);
	cr_assert_eq(text[strlen(text) - 1], '\n');
	json_object *o = json_tokener_parse(text);
	cr_assert_not_null(o, "not JSON: %s", text);
	json_object *v;
	cr_assert(json_object_object_get_ex(o, "vendor", &v));
	cr_assert_str_eq(json_object_get_string(v), "RAWCD");
	cr_assert(json_object_object_get_ex(o, "current_profile", &v));
	json_object *name;
	cr_assert(json_object_object_get_ex(v, "name", &name));
	cr_assert_str_eq(json_object_get_string(name), "CD-R");
	cr_assert(json_object_object_get_ex(o, "atip", &v));
	json_object *lba;
	cr_assert(json_object_object_get_ex(v, "leadin_start_lba", &lba));
	cr_assert_eq(json_object_get_int(lba), -11625);
	cr_assert(json_object_object_get_ex(v, "leadin_start", &lba));
	cr_assert_str_eq(json_object_get_string(lba), "97:27:00");
	cr_assert(json_object_object_get_ex(o, "write_modes", &v));
	json_object *m;
	cr_assert(json_object_object_get_ex(v, "raw96r", &m));
	cr_assert_str_eq(json_object_get_string(m), "accepted");
	cr_assert(json_object_object_get_ex(o, "disc", &v));
	cr_assert(json_object_object_get_ex(v, "status", &m));
	cr_assert_str_eq(json_object_get_string(m), "blank");
	static const char *const keys[] = {"product", "revision", "device_type", "medium_present", "read_only",
					   "profiles", "cd_mastering", "cd_tao", "ignores_rt", "capabilities", "buf"};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		cr_assert(json_object_object_get_ex(o, keys[i], NULL), "no key %s", keys[i]);
	json_object_put(o);
	free(text);
	cr_assert_eq(rawcd_drive_info_to_json(NULL, &in), RAWCD_E_ARG);
	rawcd_transport_close(t);
}

static const char *json_text(json_object *o, const char *key)
{
	json_object *v = NULL;
	cr_assert(json_object_object_get_ex(o, key, &v), "key %s", key);
	return v ? json_object_get_string(v) : "null";
}

/* The fields of a TOC's JSON that a drive can know (first/last track, lead-out, MCN; each track's
 * number, session, ADR, CONTROL, start, ISRC), one line each, null as "null". */
static void known_fields(const char *json, char *out, size_t size)
{
	json_object *root = json_tokener_parse(json);
	cr_assert_not_null(root);
	int n = snprintf(out, size, "tracks %s-%s leadout=%s mcn=%s \n", json_text(root, "first_track"),
			 json_text(root, "last_track"), json_text(root, "leadout_lba"), json_text(root, "mcn"));
	json_object *tracks = NULL;
	cr_assert(json_object_object_get_ex(root, "tracks", &tracks));
	for (size_t i = 0; i < json_object_array_length(tracks) && n > 0 && (size_t)n < size; i++) {
		json_object *t = json_object_array_get_idx(tracks, i);
		n += snprintf(out + n, size - (size_t)n, "%s %s %s %s %s isrc=%s\n", json_text(t, "number"),
			      json_text(t, "session"), json_text(t, "adr"), json_text(t, "control"),
			      json_text(t, "start_lba"), json_text(t, "isrc"));
	}
	cr_assert(n > 0 && (size_t)n < size);
	json_object_put(root);
}

Test(drive, the_toc_read_back_prints_like_the_expected_toc)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	struct rawcd_toc *want = malloc(sizeof(*want)), *got = malloc(sizeof(*got));
	cr_assert_eq(rawcd_toc_from_disc(want, d), RAWCD_OK);
	cr_assert_eq(rawcd_drive_read_toc(t, got, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(got->track_count, 3);
	cr_assert_eq(got->tracks[2].start_lba, 925);
	cr_assert_eq(got->leadout_lba, 1300);
	cr_assert_eq(got->full_count, want->full_count);
	cr_assert_str_eq(got->mcn, "", "READ TOC carries no MCN");
	/* the MCN and ISRCs the recorder received, from READ SUB-CHANNEL */
	size_t before = rawcd_emu_command_count(t);
	unsigned unread = 99;
	cr_assert_eq(rawcd_drive_read_mcn_isrc(t, got, &unread, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(unread, 0);
	cr_assert_str_eq(got->mcn, "4006381333931");
	cr_assert_str_eq(got->tracks[0].isrc, "", "the data track has none");
	cr_assert_str_eq(got->tracks[1].isrc, "USRC17607839");
	cr_assert_str_eq(got->tracks[2].isrc, "GBXYZ0100001");
	cr_assert_eq(rawcd_emu_command_count(t) - before, 4, "format 2, then format 3 for tracks 1-3");
	for (size_t i = 0; i < 4; i++) {
		const struct rawcd_emu_command *c = rawcd_emu_command_get(t, before + i);
		cr_assert_eq(c->opcode, RAWCD_MMC_OP_READ_SUBCHANNEL);
		cr_assert_eq(c->format, i == 0 ? 2u : 3u);
		cr_assert_eq(c->cdb[6], i, "track number in byte 6");
		cr_assert_eq(c->cdb[2], 0x40, "SubQ");
		cr_assert(c->ok);
	}
	char *a = NULL, *b = NULL, *sheet_json = NULL;
	cr_assert_eq(rawcd_toc_to_json(&a, want, NULL), RAWCD_OK);
	cr_assert_eq(rawcd_toc_to_json(&b, got, NULL), RAWCD_OK);
	cr_assert_str_eq(b, a);
	/* and what a drive can know of it is what `rawcd toc t.cue --format json` prints */
	cr_assert_eq(rawcd_toc_to_json(&sheet_json, want, d), RAWCD_OK);
	char drive_fields[2048], sheet_fields[2048];
	known_fields(b, drive_fields, sizeof(drive_fields));
	known_fields(sheet_json, sheet_fields, sizeof(sheet_fields));
	cr_assert_str_eq(drive_fields, sheet_fields);
	cr_assert_not_null(strstr(sheet_fields, "mcn=4006381333931 "), "%s", sheet_fields);
	cr_assert_not_null(strstr(sheet_fields, "isrc=GBXYZ0100001\n"), "%s", sheet_fields);
	free(a);
	free(b);
	free(sheet_json);
	/* formats 2, 0 and 1 were read, and agreed */
	cr_assert_eq(bf_diag_count(diag, 0, "disagree"), 0, "%s", bf_diag_text(diag));
	unsigned formats = 0;
	for (size_t i = 0; i < rawcd_emu_command_count(t); i++)
		if (rawcd_emu_command_get(t, i)->opcode == RAWCD_MMC_OP_READ_TOC)
			formats |= 1u << rawcd_emu_command_get(t, i)->format;
	cr_assert_eq(formats, 0x17, "formats read: %x", formats);

	struct rawcd_cdtext_packs packs = {0}, sheet = {0};
	cr_assert_eq(rawcd_drive_read_cdtext(t, &packs, diag), RAWCD_OK);
	cr_assert_eq(rawcd_cdtext_for_disc(&sheet, d, NULL), RAWCD_OK);
	cr_assert_gt(sheet.count, 0);
	cr_assert_eq(packs.count, sheet.count);
	cr_assert(memcmp(packs.pack, sheet.pack, sheet.count * sizeof(*sheet.pack)) == 0);
	rawcd_cdtext_packs_finish(&packs);
	rawcd_cdtext_packs_finish(&sheet);
	free(want);
	free(got);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(drive, a_drive_that_refuses_read_subchannel_leaves_the_mcn_and_isrcs_empty)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	/* every READ SUB-CHANNEL refused as an unknown command, as by a drive without it */
	struct rawcd_emu_fault fault = {RAWCD_MMC_OP_READ_SUBCHANNEL, 1, 0, 0, RAWCD_EMU_FAULT_SENSE, 5, 0x20, 0x00, 0};
	rawcd_transport *t = bf_open_faults(&fault, 1);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	rawcd_diag_clear(diag);
	struct rawcd_toc *toc = malloc(sizeof(*toc));
	cr_assert_eq(rawcd_drive_read_toc(t, toc, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	strcpy(toc->mcn, "1234567890123"); /* what was there is not kept */
	strcpy(toc->tracks[1].isrc, "XXXXX0000000");
	size_t before = bf_count_op(t, RAWCD_MMC_OP_READ_SUBCHANNEL);
	unsigned unread = 0;
	cr_assert_eq(rawcd_drive_read_mcn_isrc(t, toc, &unread, diag), RAWCD_OK, "not an error: %s",
		     bf_diag_text(diag));
	cr_assert_eq(unread, RAWCD_VERIFY_MCN | RAWCD_VERIFY_ISRC);
	cr_assert_str_eq(toc->mcn, "");
	for (size_t i = 0; i < toc->track_count; i++)
		cr_assert_str_eq(toc->tracks[i].isrc, "", "track %zu", i + 1);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_READ_SUBCHANNEL) - before, 2, "the MCN and track 1's ISRC only");
	cr_assert_eq(rawcd_diag_error_count(diag), 0, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "READ SUB-CHANNEL format 2 (MCN) failed (sense 5/20/00"),
		     1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "READ SUB-CHANNEL format 3 (ISRC) of track 01 failed "
				   "(sense 5/20/00"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, 0, "verify:"), 0, "%s", bf_diag_text(diag));
	/* JSON then has null where the sheet has an MCN and ISRCs */
	char *json = NULL;
	cr_assert_eq(rawcd_toc_to_json(&json, toc, NULL), RAWCD_OK);
	cr_assert_not_null(strstr(json, "\"mcn\": null"));
	cr_assert_null(strstr(json, "\"isrc\": \""));
	free(json);
	/* the unread bits are optional */
	cr_assert_eq(rawcd_drive_read_mcn_isrc(t, toc, NULL, diag), RAWCD_OK);
	cr_assert_eq(rawcd_drive_read_mcn_isrc(NULL, toc, NULL, diag), RAWCD_E_ARG);
	cr_assert_eq(rawcd_drive_read_mcn_isrc(t, NULL, NULL, diag), RAWCD_E_ARG);
	free(toc);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(drive, isrcs_read_before_a_failing_track_are_kept)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	/* READ SUB-CHANNEL number 4 (after the MCN and tracks 1 and 2) times out */
	struct rawcd_emu_fault fault = {RAWCD_MMC_OP_READ_SUBCHANNEL, 4, 1, 0, RAWCD_EMU_FAULT_TIMEOUT, 0, 0, 0, 0};
	rawcd_transport *t = bf_open_faults(&fault, 1);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	rawcd_diag_clear(diag);
	struct rawcd_toc *toc = malloc(sizeof(*toc));
	cr_assert_eq(rawcd_drive_read_toc(t, toc, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_READ_SUBCHANNEL), 0);
	unsigned unread = 0;
	cr_assert_eq(rawcd_drive_read_mcn_isrc(t, toc, &unread, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(unread, RAWCD_VERIFY_ISRC);
	cr_assert_str_eq(toc->mcn, "4006381333931");
	cr_assert_str_eq(toc->tracks[1].isrc, "USRC17607839");
	cr_assert_str_eq(toc->tracks[2].isrc, "", "not known");
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "ISRCs from track 03 on are not known"), 1, "%s",
		     bf_diag_text(diag));
	cr_assert_eq(rawcd_diag_count(diag), 1, "%s", bf_diag_text(diag));
	free(toc);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(drive, a_blank_disc_has_no_toc)
{
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_toc *toc = malloc(sizeof(*toc));
	rawcd_diag *diag = rawcd_diag_new();
	int rc = rawcd_drive_read_toc(t, toc, diag);
	cr_assert_eq(rc, RAWCD_E_IO);
	cr_assert_eq(rawcd_error_exit_status(rc), 3);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "the disc is blank"), 1, "%s", bf_diag_text(diag));
	free(toc);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
}

Test(drive, blank_a_burned_cd_rw)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.profile = RAWCD_MMC_PROFILE_CD_RW;
	cfg.blank_polls = 5;
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_state(t).disc_status, 2);
	rawcd_emu_clear_log(t);
	cr_assert_eq(rawcd_blank(t, RAWCD_BLANK_MINIMAL, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_state(t).disc_status, 0, "blank again");
	cr_assert_eq(bf_state(t).blanks, 1);
	size_t i = bf_find_op(t, RAWCD_MMC_OP_BLANK, 0);
	const struct rawcd_emu_command *c = rawcd_emu_command_get(t, i);
	cr_assert(c->immed);
	cr_assert_eq(c->cdb[1] & 0x07, 1, "minimal");
	size_t polls = 0;
	for (size_t k = i + 1; k < rawcd_emu_command_count(t); k++)
		polls += rawcd_emu_command_get(t, k)->opcode == RAWCD_MMC_OP_TEST_UNIT_READY;
	cr_assert_eq(polls, 6, "5 answers 2/04/07, then ready");
	/* the burn left Test Write off; a simulation first leaves it on, and the blank clears it */
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.simulate = true;
	rawcd_diag_free(diag);
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert(bf_state(t).test_write);
	cr_assert_eq(rawcd_blank(t, RAWCD_BLANK_ALL, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_not(bf_state(t).test_write);
	c = rawcd_emu_command_get(t, bf_find_op(t, RAWCD_MMC_OP_BLANK, 1));
	cr_assert_eq(c->cdb[1] & 0x07, 0, "whole disc");
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(drive, blank_refuses_a_cd_r_and_a_read_only_open)
{
	rawcd_transport *t = bf_open(NULL);
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_blank(t, RAWCD_BLANK_MINIMAL, diag), RAWCD_E_IO);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "not a CD-RW"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_BLANK), 0);
	rawcd_transport_close(t);
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.profile = RAWCD_MMC_PROFILE_CD_RW;
	cfg.read_only = true;
	t = bf_open(&cfg);
	rawcd_diag_clear(diag);
	cr_assert_eq(rawcd_blank(t, RAWCD_BLANK_MINIMAL, diag), RAWCD_E_IO);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "read-only"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(rawcd_emu_command_count(t), 0);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
}
