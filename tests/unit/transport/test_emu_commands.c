/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The emulated recorder, command by command, read back through mmc.h's parsers (so what it answers is
 * what a burner will understand): TEST UNIT READY, REQUEST SENSE, INQUIRY, GET CONFIGURATION, MODE
 * SENSE/SELECT of pages 05h and 2Ah, READ DISC INFORMATION, READ TOC format 4, READ TRACK INFORMATION,
 * SET CD SPEED, READ BUFFER CAPACITY, WRITE(10), SYNCHRONIZE CACHE, BLANK, and the command log.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "emu_util.h"
#include "rawcd/error.h"

static uint8_t buf[4096];
static uint8_t cdb[RAWCD_CDB_MAX];

Test(emu_commands, test_unit_ready_and_inquiry)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.vendor = "PLEXTOR";
	cfg.product = "DVDR PX-716A";
	cfg.revision = "1.11";
	rawcd_transport *t = emu_open(&cfg);
	struct rawcd_cmd_result r = emu_tur(t);
	cr_assert(r.ok);
	cr_assert(!r.check_condition);
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_inquiry(cdb, RAWCD_MMC_INQUIRY_LEN), RAWCD_XFER_FROM_DEVICE, buf,
		    RAWCD_MMC_INQUIRY_LEN);
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 36);
	struct rawcd_mmc_inquiry q;
	cr_assert_eq(rawcd_mmc_parse_inquiry(&q, buf, r.transferred), RAWCD_OK);
	cr_assert_eq(q.device_type, 5);
	cr_assert(q.removable);
	cr_assert_str_eq(q.vendor, "PLEXTOR");
	cr_assert_str_eq(q.product, "DVDR PX-716A");
	cr_assert_str_eq(q.revision, "1.11");
	/* a shorter allocation gets a shorter answer */
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_inquiry(cdb, 8), RAWCD_XFER_FROM_DEVICE, buf, 8);
	cr_assert_eq(r.transferred, 8);
	rawcd_transport_close(t);
}

Test(emu_commands, not_ready_then_ready_and_no_medium)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.not_ready_polls = 2;
	rawcd_transport *t = emu_open(&cfg);
	for (int i = 0; i < 2; i++) {
		struct rawcd_cmd_result r = emu_tur(t);
		cr_assert(!r.ok);
		cr_assert(emu_sense_is(&r, 2, 0x04, 0x01));
		cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_RETRY);
	}
	cr_assert(emu_tur(t).ok);
	rawcd_transport_close(t);

	cfg = (struct rawcd_emu_config)RAWCD_EMU_CONFIG_INIT;
	cfg.no_medium = true;
	t = emu_open(&cfg);
	struct rawcd_cmd_result r = emu_tur(t);
	cr_assert(emu_sense_is(&r, 2, 0x3A, 0x00));
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_NO_MEDIUM);
	struct rawcd_mmc_disc_info di;
	r = emu_disc_info(t, &di);
	cr_assert(emu_sense_is(&r, 2, 0x3A, 0x00));
	r = emu_get_config(t, 0, 0, buf, 64);
	cr_assert(r.ok);
	struct rawcd_mmc_profiles p;
	cr_assert_eq(rawcd_mmc_parse_profiles(&p, buf, r.transferred), RAWCD_OK);
	cr_assert_eq(p.current_profile, RAWCD_MMC_PROFILE_NONE);
	rawcd_transport_close(t);
}

Test(emu_commands, get_configuration_profiles_and_features)
{
	rawcd_transport *t = emu_open(NULL);
	struct rawcd_cmd_result r = emu_get_config(t, 0, 0, buf, 256);
	cr_assert(r.ok);
	struct rawcd_mmc_profiles p;
	cr_assert_eq(rawcd_mmc_parse_profiles(&p, buf, r.transferred), RAWCD_OK);
	cr_assert_eq(p.current_profile, RAWCD_MMC_PROFILE_CD_R);
	cr_assert_eq(p.count, 3);
	cr_assert_eq(p.list[0].number, RAWCD_MMC_PROFILE_CD_RW);
	cr_assert(!p.list[0].current);
	cr_assert_eq(p.list[1].number, RAWCD_MMC_PROFILE_CD_R);
	cr_assert(p.list[1].current);

	r = emu_get_config(t, 2, RAWCD_MMC_FEATURE_CD_MASTERING, buf, 64);
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 16, "header and the one feature asked for");
	struct rawcd_mmc_cd_mastering m;
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, buf, r.transferred), RAWCD_OK);
	cr_assert(m.current);
	cr_assert(m.buf && m.sao && m.raw && m.test_write && m.cd_rw && m.rw);
	cr_assert(!m.raw_ms);
	cr_assert_eq(m.max_cue_sheet_length, 0x000F00);

	r = emu_get_config(t, 2, RAWCD_MMC_FEATURE_CD_TAO, buf, 64);
	struct rawcd_mmc_cd_tao tao;
	cr_assert_eq(rawcd_mmc_parse_cd_tao(&tao, buf, r.transferred), RAWCD_OK);
	cr_assert(tao.buf && tao.rw_raw && tao.rw_pack && tao.test_write && tao.rw_subcode);
	cr_assert_eq(tao.data_types, 0x3F0F);

	/* RT 0 from 002Dh: 002Dh first, then 002Eh */
	r = emu_get_config(t, 0, RAWCD_MMC_FEATURE_CD_TAO, buf, 64);
	cr_assert_eq(r.transferred, 8 + 8 + 8);
	cr_assert_eq(buf[8] << 8 | buf[9], 0x002D);
	cr_assert_eq(buf[16] << 8 | buf[17], 0x002E);
	/* RT 2 of a feature the drive lacks: the header only */
	r = emu_get_config(t, 2, 0x0107, buf, 64);
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 8);
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, buf, r.transferred), RAWCD_E_UNSUPPORTED);
	/* RT 3 is reserved (the builder refuses it: a CDB by hand) */
	uint8_t rt3[RAWCD_CDB_MAX] = {0x46, 0x03, 0, 0, 0, 0, 0, 0, 64};
	r = emu_cmd(t, rt3, 10, RAWCD_XFER_FROM_DEVICE, buf, 64);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00));
	rawcd_transport_close(t);
}

Test(emu_commands, configurable_feature_bits_and_cd_rw_profile)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.profile = RAWCD_MMC_PROFILE_CD_RW;
	cfg.cd_mastering_clear = 0x40 | 0x08; /* no BUF, no raw */
	cfg.cd_tao_clear = 0x10;              /* no R-W raw */
	rawcd_transport *t = emu_open(&cfg);
	struct rawcd_cmd_result r = emu_get_config(t, 2, RAWCD_MMC_FEATURE_CD_MASTERING, buf, 64);
	struct rawcd_mmc_cd_mastering m;
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, buf, r.transferred), RAWCD_OK);
	cr_assert_eq(m.current_profile, RAWCD_MMC_PROFILE_CD_RW);
	cr_assert(!m.buf);
	cr_assert(!m.raw);
	cr_assert(m.sao);
	r = emu_get_config(t, 2, RAWCD_MMC_FEATURE_CD_TAO, buf, 64);
	struct rawcd_mmc_cd_tao tao;
	cr_assert_eq(rawcd_mmc_parse_cd_tao(&tao, buf, r.transferred), RAWCD_OK);
	cr_assert(!tao.rw_raw);
	cr_assert(tao.rw_pack);
	/* the features decide what MODE SELECT takes */
	r = emu_select(t, RAWCD_MMC_WRITE_RAW, 1, false, false);
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00));
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_REFUSED);
	r = emu_select(t, RAWCD_MMC_WRITE_SAO, 0, false, true);
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00), "BUFE without BUF");
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_SAO, 0, true, false).ok);
	rawcd_transport_close(t);
}

Test(emu_commands, mode_sense_pages)
{
	rawcd_transport *t = emu_open(NULL);
	struct rawcd_cmd_result r = emu_cmd(t, cdb, rawcd_mmc_cdb_mode_sense10(cdb, 0x05, 0, RAWCD_MMC_MODE_SENSE_LEN),
					    RAWCD_XFER_FROM_DEVICE, buf, RAWCD_MMC_MODE_SENSE_LEN);
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 8 + 52);
	struct rawcd_mmc_write_params wp;
	cr_assert_eq(rawcd_mmc_parse_write_params(&wp, buf, r.transferred), RAWCD_OK);
	cr_assert_eq(wp.write_type, RAWCD_MMC_WRITE_TAO);
	cr_assert_eq(wp.data_block_type, 8);
	cr_assert_eq(wp.audio_pause_length, 150);
	cr_assert_eq(wp.page_len, 52);

	r = emu_cmd(t, cdb, rawcd_mmc_cdb_mode_sense10(cdb, 0x2A, 0, RAWCD_MMC_MODE_SENSE_LEN), RAWCD_XFER_FROM_DEVICE,
		    buf, RAWCD_MMC_MODE_SENSE_LEN);
	cr_assert(r.ok);
	struct rawcd_mmc_capabilities caps;
	cr_assert_eq(rawcd_mmc_parse_capabilities(&caps, buf, r.transferred), RAWCD_OK);
	cr_assert(caps.cd_r_write && caps.cd_rw_write && caps.test_write && caps.buf);
	cr_assert_eq(caps.buffer_size, 2048);
	cr_assert_eq(caps.max_write_speed, 8467);
	cr_assert_eq(caps.write_speed_count, 3);
	cr_assert_eq(caps.write_speeds[2], 1764);

	/* changeable values: a mask with the write type bits */
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_mode_sense10(cdb, 0x05, 1, RAWCD_MMC_MODE_SENSE_LEN), RAWCD_XFER_FROM_DEVICE,
		    buf, RAWCD_MMC_MODE_SENSE_LEN);
	cr_assert(r.ok);
	cr_assert_eq(buf[8 + 2], 0x7F);
	cr_assert_eq(buf[8 + 4], 0x0F);
	/* saved values and unknown pages are refused */
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_mode_sense10(cdb, 0x05, 3, 64), RAWCD_XFER_FROM_DEVICE, buf, 64);
	cr_assert(emu_sense_is(&r, 5, 0x39, 0x00));
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_mode_sense10(cdb, 0x0E, 0, 64), RAWCD_XFER_FROM_DEVICE, buf, 64);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00));
	cr_assert_eq(emu_last(t)->page, 0x0E);
	rawcd_transport_close(t);
}

Test(emu_commands, mode_select_page_05_read_back)
{
	rawcd_transport *t = emu_open(NULL);
	struct rawcd_cmd_result r = emu_select(t, RAWCD_MMC_WRITE_RAW, RAWCD_MMC_DBT_RAW_PW, true, true);
	cr_assert(r.ok);
	const struct rawcd_emu_command *l = emu_last(t);
	cr_assert_eq(l->opcode, RAWCD_MMC_OP_MODE_SELECT10);
	cr_assert_eq(l->page, 0x05);
	cr_assert_eq(l->write_type, 3);
	cr_assert_eq(l->data_block_type, 3);
	cr_assert(l->test_write);
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_mode_sense10(cdb, 0x05, 0, RAWCD_MMC_MODE_SENSE_LEN), RAWCD_XFER_FROM_DEVICE,
		    buf, RAWCD_MMC_MODE_SENSE_LEN);
	struct rawcd_mmc_write_params wp;
	cr_assert_eq(rawcd_mmc_parse_write_params(&wp, buf, r.transferred), RAWCD_OK);
	cr_assert_eq(wp.write_type, 3);
	cr_assert_eq(wp.data_block_type, 3);
	cr_assert(wp.test_write);
	cr_assert(wp.bufe);
	struct rawcd_emu_state s = emu_state(t);
	cr_assert_eq(s.write_type, 3);
	cr_assert_eq(s.data_block_type, 3);
	cr_assert(s.test_write && s.bufe);
	cr_assert_eq(s.mode_selects, 1);
	cr_assert_eq(s.mode_selects_refused, 0);

	/* every raw type the features allow is taken; others refused (5/26/00) */
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, 1, false, false).ok);
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, 2, false, false).ok);
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_TAO, 8, false, false).ok);
	/* data block type 4 is reserved (the builder refuses it: the list by hand) */
	struct rawcd_mmc_write_setup tao = {.write_type = RAWCD_MMC_WRITE_TAO, .data_block_type = 8};
	uint8_t list[64];
	size_t n;
	cr_assert_eq(rawcd_mmc_build_write_params(list, sizeof list, &n, &tao, NULL), RAWCD_OK);
	list[8 + 4] = 4;
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_mode_select10(cdb, (unsigned)n), RAWCD_XFER_TO_DEVICE, list, n);
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00));
	cr_assert_eq(emu_state(t).data_block_type, 8, "a refused page changes nothing");
	rawcd_transport_close(t);
}

Test(emu_commands, mode_select_wants_it_sent_properly)
{
	rawcd_transport *t = emu_open(NULL);
	struct rawcd_mmc_write_setup s = {.write_type = RAWCD_MMC_WRITE_RAW, .data_block_type = 3};
	uint8_t list[64];
	size_t n;
	cr_assert_eq(rawcd_mmc_build_write_params(list, sizeof list, &n, &s, NULL), RAWCD_OK);
	int len = rawcd_mmc_cdb_mode_select10(cdb, (unsigned)n);
	list[1] = 58; /* mode data length not zeroed */
	struct rawcd_cmd_result r = emu_cmd(t, cdb, len, RAWCD_XFER_TO_DEVICE, list, n);
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00));
	list[1] = 0;
	list[8] |= 0x80; /* PS set */
	r = emu_cmd(t, cdb, len, RAWCD_XFER_TO_DEVICE, list, n);
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00));
	list[8] &= 0x7F;
	cdb[1] = 0x00; /* PF = 0 */
	r = emu_cmd(t, cdb, len, RAWCD_XFER_TO_DEVICE, list, n);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00));
	cdb[1] = 0x10;
	r = emu_cmd(t, cdb, len, RAWCD_XFER_TO_DEVICE, list, n - 10); /* less data than the CDB says */
	cr_assert(emu_sense_is(&r, 5, 0x1A, 0x00));
	r = emu_cmd(t, cdb, len, RAWCD_XFER_TO_DEVICE, list, n);
	cr_assert(r.ok);
	cr_assert_eq(emu_state(t).mode_selects, 5);
	cr_assert_eq(emu_state(t).mode_selects_refused, 4);
	rawcd_transport_close(t);
}

Test(emu_commands, disc_information_and_atip_of_a_blank_disc)
{
	rawcd_transport *t = emu_open(NULL);
	struct rawcd_mmc_disc_info di;
	cr_assert(emu_disc_info(t, &di).ok);
	cr_assert_eq(di.disc_status, 0);
	cr_assert(!di.erasable);
	cr_assert(di.leadin_valid);
	cr_assert_eq(di.leadin_start_lba, LEADIN_97_27_00);
	cr_assert(di.leadout_valid);
	cr_assert_eq(di.last_leadout_start.m, 79);
	cr_assert_eq(di.last_leadout_start.s, 59);
	cr_assert_eq(di.last_leadout_start.f, 74);

	struct rawcd_cmd_result r = emu_read_toc(t, 4, buf, RAWCD_MMC_ATIP_LEN);
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 28);
	struct rawcd_mmc_atip a;
	cr_assert_eq(rawcd_mmc_parse_atip(&a, buf, r.transferred), RAWCD_OK);
	cr_assert_eq(a.leadin_start.m, 97);
	cr_assert_eq(a.leadin_start.s, 27);
	cr_assert_eq(a.leadin_start.f, 0);
	cr_assert_eq(a.leadin_start_lba, -11625);
	cr_assert_eq(a.last_leadout_start_lba, 359849);
	cr_assert(!a.disc_is_rw);
	cr_assert_eq(emu_last(t)->format, 4);
	/* a blank disc has no TOC */
	r = emu_read_toc(t, 0, buf, 1024);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00));
	r = emu_read_toc(t, 2, buf, 1024);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00));
	r = emu_read_toc(t, 3, buf, 1024);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00));
	rawcd_transport_close(t);
}

Test(emu_commands, custom_atip_and_cd_rw)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.profile = RAWCD_MMC_PROFILE_CD_RW;
	cfg.atip_leadin = (struct rawcd_msf){96, 49, 30};
	cfg.atip_leadout = (struct rawcd_msf){74, 43, 72};
	rawcd_transport *t = emu_open(&cfg);
	struct rawcd_cmd_result r = emu_read_toc(t, 4, buf, RAWCD_MMC_ATIP_LEN);
	struct rawcd_mmc_atip a;
	cr_assert_eq(rawcd_mmc_parse_atip(&a, buf, r.transferred), RAWCD_OK);
	cr_assert(a.disc_is_rw);
	cr_assert_eq(a.leadin_start_lba, (96 * 60 + 49) * 75 + 30 - 450150);
	cr_assert_eq(a.last_leadout_start_lba, (74 * 60 + 43) * 75 + 72 - 150);
	struct rawcd_mmc_disc_info di;
	cr_assert(emu_disc_info(t, &di).ok);
	cr_assert(di.erasable);
	rawcd_transport_close(t);
	/* configurations that are no recorder */
	rawcd_transport *bad = NULL;
	cfg.atip_leadin = (struct rawcd_msf){50, 0, 0};
	cr_assert_eq(rawcd_transport_open_emulated(&bad, &cfg), RAWCD_E_ARG);
	cfg.atip_leadin = (struct rawcd_msf){97, 27, 0};
	cfg.profile = RAWCD_MMC_PROFILE_CD_ROM;
	cr_assert_eq(rawcd_transport_open_emulated(&bad, &cfg), RAWCD_E_ARG);
	cfg.profile = 0;
	cfg.version = 2;
	cr_assert_eq(rawcd_transport_open_emulated(&bad, &cfg), RAWCD_E_ARG);
	cfg.version = RAWCD_EMU_CONFIG_VERSION;
	cfg.fault_count = 1;
	cr_assert_eq(rawcd_transport_open_emulated(&bad, &cfg), RAWCD_E_ARG);
	cr_assert_null(bad);
	cr_assert_eq(rawcd_transport_open_emulated(NULL, NULL), RAWCD_E_ARG);
}

Test(emu_commands, track_information_next_writable_address)
{
	rawcd_transport *t = emu_open(NULL);
	int len = rawcd_mmc_cdb_read_track_information(cdb, 1, 0xFF, RAWCD_MMC_TRACK_INFO_LEN);
	struct rawcd_cmd_result r = emu_cmd(t, cdb, len, RAWCD_XFER_FROM_DEVICE, buf, RAWCD_MMC_TRACK_INFO_LEN);
	cr_assert(r.ok);
	struct rawcd_mmc_track_info ti;
	cr_assert_eq(rawcd_mmc_parse_track_info(&ti, buf, r.transferred), RAWCD_OK);
	cr_assert(ti.blank);
	cr_assert(ti.nwa_valid);
	cr_assert_eq(ti.next_writable, 0, "TAO page: NWA 0");
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, 3, false, false).ok);
	r = emu_cmd(t, cdb, len, RAWCD_XFER_FROM_DEVICE, buf, RAWCD_MMC_TRACK_INFO_LEN);
	cr_assert_eq(rawcd_mmc_parse_track_info(&ti, buf, r.transferred), RAWCD_OK);
	cr_assert_eq(ti.next_writable, LEADIN_97_27_00, "raw: the lead-in start");
	cr_assert_eq(ti.free_blocks, 359849);
	len = rawcd_mmc_cdb_read_track_information(cdb, 1, 2, RAWCD_MMC_TRACK_INFO_LEN);
	r = emu_cmd(t, cdb, len, RAWCD_XFER_FROM_DEVICE, buf, RAWCD_MMC_TRACK_INFO_LEN);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00));
	rawcd_transport_close(t);
}

Test(emu_commands, speed_and_buffer_capacity)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.buffer_size = 1 << 20;
	cfg.drain_per_command = 1000;
	rawcd_transport *t = emu_open(&cfg);
	cr_assert(emu_cmd(t, cdb, rawcd_mmc_cdb_set_cd_speed(cdb, 0xFFFF, 1764), RAWCD_XFER_NONE, NULL, 0).ok);
	struct rawcd_emu_state s = emu_state(t);
	cr_assert_eq(s.read_speed, 0xFFFF);
	cr_assert_eq(s.write_speed, 1764);

	cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, 3, true, false).ok);
	uint8_t *data = malloc(RAW96_BLOCK * BLOCKS_PER_WRITE);
	emu_blocks(data, RAW96_BLOCK, LEADIN_97_27_00, BLOCKS_PER_WRITE, true);
	cr_assert(emu_write(t, LEADIN_97_27_00, BLOCKS_PER_WRITE, data, RAW96_BLOCK).ok);
	struct rawcd_cmd_result r = emu_cmd(t, cdb, rawcd_mmc_cdb_read_buffer_capacity(cdb, 12), RAWCD_XFER_FROM_DEVICE,
					    buf, 12);
	cr_assert(r.ok);
	struct rawcd_mmc_buffer_capacity bc;
	cr_assert_eq(rawcd_mmc_parse_buffer_capacity(&bc, buf, r.transferred), RAWCD_OK);
	cr_assert_eq(bc.length, 1u << 20);
	cr_assert_eq(bc.blank, (1u << 20) - (63648 - 1000), "one WRITE in, drained 1000 bytes since");
	cr_assert_eq(bc.fill_percent, (63648 - 1000) * 100 / (1 << 20));
	cr_assert_eq(emu_state(t).buffer_fill, 63648 - 1000);
	cr_assert(emu_sync(t, false).ok);
	cr_assert_eq(emu_state(t).buffer_fill, 0, "SYNCHRONIZE CACHE empties the buffer");
	free(data);
	rawcd_transport_close(t);
}

Test(emu_commands, write_needs_raw_mode_and_whole_blocks)
{
	rawcd_transport *t = emu_open(NULL);
	uint8_t *data = malloc(RAW96_BLOCK * 2);
	emu_blocks(data, RAW96_BLOCK, LEADIN_97_27_00, 2, true);
	struct rawcd_cmd_result r = emu_write(t, LEADIN_97_27_00, 2, data, RAW96_BLOCK);
	cr_assert(emu_sense_is(&r, 5, 0x64, 0x00), "the default page is TAO");
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, 3, false, false).ok);
	uint8_t wcdb[RAWCD_CDB_MAX];
	int n = rawcd_mmc_cdb_write10(wcdb, LEADIN_97_27_00, 2);
	r = emu_cmd(t, wcdb, n, RAWCD_XFER_TO_DEVICE, data, RAW96_BLOCK * 2 - 96);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00), "data not blocks x 2448");
	uint8_t zero[RAWCD_CDB_MAX] = {0x2A, 0, 0xFF, 0xFF, 0xD2, 0x97}; /* transfer length 0 */
	r = emu_cmd(t, zero, 10, RAWCD_XFER_NONE, NULL, 0);
	cr_assert(r.ok, "0 blocks is no error");
	cr_assert_eq(emu_state(t).blocks, 0);
	r = emu_write(t, LEADIN_97_27_00, 2, data, RAW96_BLOCK);
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 2 * RAW96_BLOCK);
	const struct rawcd_emu_command *l = emu_last(t);
	cr_assert_eq(l->lba, LEADIN_97_27_00);
	cr_assert_eq(l->blocks, 2);
	cr_assert_eq(l->cdb[2], 0xFF);
	cr_assert_eq(l->cdb[3], 0xFF);
	cr_assert_eq(l->cdb[4], 0xD2);
	cr_assert_eq(l->cdb[5], 0x97);
	struct rawcd_emu_state s = emu_state(t);
	cr_assert(s.recording);
	cr_assert_eq(s.first_lba, -11625);
	cr_assert_eq(s.next_lba, -11623);
	cr_assert_eq(s.leadin_blocks, 2);
	cr_assert_eq(s.leadin_toc_frames, 2);
	cr_assert_eq(s.disc_status, 1, "a real recording runs");
	cr_assert_eq(s.writes, 4);
	cr_assert_eq(s.writes_refused, 2);
	/* page 05h cannot change during a recording */
	r = emu_select(t, RAWCD_MMC_WRITE_RAW, 1, false, false);
	cr_assert(emu_sense_is(&r, 5, 0x2C, 0x00));
	free(data);
	rawcd_transport_close(t);
}

Test(emu_commands, q_crc_and_regions_in_both_block_sizes)
{
	static const size_t sizes[] = {RAW96_BLOCK, PQ16_BLOCK};
	static const uint8_t dbts[] = {3, 1};
	for (size_t k = 0; k < 2; k++) {
		struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
		cfg.atip_leadin = (struct rawcd_msf){99, 59, 0}; /* LBA -225: 75 lead-in blocks */
		rawcd_transport *t = emu_open(&cfg);
		cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, dbts[k], false, false).ok);
		size_t size = sizes[k];
		uint8_t *data = malloc(size * 25);
		int32_t lba = -225;
		for (int w = 0; w < 12; w++, lba += 25) { /* -225 .. 74 */
			emu_blocks(data, size, lba, 25, true);
			if (w == 3)
				emu_block(data + 5 * size, size, lba + 5, false);
			struct rawcd_cmd_result r = emu_write(t, lba, 25, data, size);
			cr_assert(r.ok, "write at %d", lba);
		}
		struct rawcd_emu_state s = emu_state(t);
		cr_assert_eq(s.blocks, 300);
		cr_assert_eq(s.bytes, 300 * size);
		cr_assert_eq(s.bad_q_crc, 1);
		cr_assert_eq(s.leadin_blocks, 75);
		cr_assert_eq(s.leadin_toc_frames, 75);
		cr_assert_eq(s.leadin_p_frames, 0);
		cr_assert_eq(s.leadin_bad_repeats, 0, "one item all along: one run");
		cr_assert_eq(s.pregap_blocks, 150);
		cr_assert_eq(s.pregap_p_frames, 150);
		cr_assert_eq(s.program_blocks, 75);
		cr_assert_eq(s.leadout_frames, 0);
		free(data);
		rawcd_transport_close(t);
	}
}

Test(emu_commands, synchronize_cache_immed_and_polling)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.flush_polls = 3;
	rawcd_transport *t = emu_open(&cfg);
	struct rawcd_cmd_result r = emu_sync(t, true);
	cr_assert(r.ok);
	cr_assert(emu_last(t)->immed);
	uint16_t last = 0;
	for (int i = 0; i < 3; i++) {
		/* REQUEST SENSE reports the operation (libburn polls it for the progress) */
		uint8_t rs[RAWCD_CDB_MAX], sb[18];
		struct rawcd_cmd_result q = emu_cmd(t, rs, rawcd_mmc_cdb_request_sense(rs, 18), RAWCD_XFER_FROM_DEVICE, sb, 18);
		cr_assert(q.ok);
		cr_assert_eq(q.transferred, 18);
		cr_assert_eq(sb[2] & 0x0F, 2);
		cr_assert_eq(sb[12], 0x04);
		cr_assert_eq(sb[13], 0x08);
		cr_assert_eq(sb[15], 0x80, "SKSV: progress follows");
		r = emu_tur(t);
		cr_assert(emu_sense_is(&r, 2, 0x04, 0x08), "poll %d", i);
		cr_assert(r.sense.progress_valid);
		cr_assert_eq(r.sense.progress, sb[16] << 8 | sb[17]);
		if (i)
			cr_assert_gt(r.sense.progress, last, "progress grows");
		last = r.sense.progress;
	}
	cr_assert(emu_tur(t).ok);
	cr_assert_eq(emu_state(t).syncs, 1);
	r = emu_sync(t, false);
	cr_assert(r.ok);
	cr_assert(!emu_last(t)->immed);
	cr_assert(emu_tur(t).ok, "without Immed nothing to wait for");
	rawcd_transport_close(t);
}

Test(emu_commands, blank_cd_rw_only)
{
	rawcd_transport *t = emu_open(NULL);
	struct rawcd_cmd_result r = emu_cmd(t, cdb, rawcd_mmc_cdb_blank(cdb, 1, true, 0), RAWCD_XFER_NONE, NULL, 0);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00), "a CD-R cannot be blanked");
	rawcd_transport_close(t);

	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.profile = RAWCD_MMC_PROFILE_CD_RW;
	cfg.blank_polls = 2;
	t = emu_open(&cfg);
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_blank(cdb, 1, true, 0), RAWCD_XFER_NONE, NULL, 0);
	cr_assert(r.ok);
	cr_assert(emu_last(t)->immed);
	r = emu_tur(t);
	cr_assert(emu_sense_is(&r, 2, 0x04, 0x07));
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_RETRY);
	uint8_t data[RAW96_BLOCK];
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, 3, false, false).check_condition, "busy blanking");
	cr_assert(!emu_tur(t).ok);
	cr_assert(emu_tur(t).ok);
	cr_assert_eq(emu_state(t).blanks, 1);
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, 3, false, false).ok);
	emu_block(data, RAW96_BLOCK, LEADIN_97_27_00, true);
	cr_assert(emu_write(t, LEADIN_97_27_00, 1, data, RAW96_BLOCK).ok);
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_blank(cdb, 0, false, 0), RAWCD_XFER_NONE, NULL, 0);
	cr_assert(emu_sense_is(&r, 5, 0x2C, 0x00), "not during a recording");
	rawcd_transport_close(t);
}

Test(emu_commands, request_sense_and_unknown_opcode)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	rawcd_transport *t = emu_open(&cfg);
	uint8_t rc[RAWCD_CDB_MAX] = {0xBE}; /* READ CD: not emulated */
	struct rawcd_cmd_result r = emu_cmd(t, rc, 12, RAWCD_XFER_FROM_DEVICE, buf, 2352);
	cr_assert(emu_sense_is(&r, 5, 0x20, 0x00));
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_NOT_SUPPORTED);
	cr_assert_eq(r.status, 0x02);
	cr_assert_eq(r.driver_status, 0x08);
	cr_assert_eq(r.transferred, 0);
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_request_sense(cdb, 18), RAWCD_XFER_FROM_DEVICE, buf, 18);
	cr_assert(r.ok);
	cr_assert_eq(buf[0], 0x70);
	cr_assert_eq(buf[2], 0, "autosense already reported it: no sense pending");
	rawcd_transport_close(t);

	cfg.stale_request_sense = true;
	t = emu_open(&cfg);
	r = emu_cmd(t, rc, 12, RAWCD_XFER_FROM_DEVICE, buf, 2352);
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_request_sense(cdb, 18), RAWCD_XFER_FROM_DEVICE, buf, 18);
	cr_assert(r.ok);
	cr_assert_eq(buf[2], 5, "the ATAPI drive's stale sense");
	cr_assert_eq(buf[12], 0x20);
	rawcd_transport_close(t);
}

Test(emu_commands, command_log)
{
	rawcd_transport *t = emu_open(NULL);
	emu_tur(t);
	emu_get_config(t, 2, RAWCD_MMC_FEATURE_CD_MASTERING, buf, 32);
	emu_read_toc(t, 4, buf, RAWCD_MMC_ATIP_LEN);
	emu_sync(t, true);
	cr_assert_eq(rawcd_emu_command_count(t), 4);
	const struct rawcd_emu_command *c = rawcd_emu_command_get(t, 0);
	cr_assert_eq(c->opcode, 0x00);
	cr_assert_eq(c->cdb_len, 6);
	cr_assert_eq(c->dir, RAWCD_XFER_NONE);
	cr_assert(c->ok);
	c = rawcd_emu_command_get(t, 1);
	cr_assert_eq(c->opcode, 0x46);
	cr_assert_eq(c->rt, 2);
	cr_assert_eq(c->feature, 0x2E);
	cr_assert_eq(c->len, 32);
	c = rawcd_emu_command_get(t, 2);
	cr_assert_eq(c->opcode, 0x43);
	cr_assert_eq(c->format, 4);
	cr_assert_eq(c->cdb[1], 0x02, "MSF bit");
	c = rawcd_emu_command_get(t, 3);
	cr_assert_eq(c->opcode, 0x35);
	cr_assert(c->immed);
	cr_assert_eq(c->occurrence, 1);
	emu_tur(t);
	cr_assert_eq(emu_last(t)->occurrence, 2, "the second TEST UNIT READY");
	cr_assert_null(rawcd_emu_command_get(t, 5));
	rawcd_emu_clear_log(t);
	cr_assert_eq(rawcd_emu_command_count(t), 0);
	rawcd_transport_close(t);
}
