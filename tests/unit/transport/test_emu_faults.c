/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The emulated recorder's scripted faults and lying drives (DESIGN.md §5 "drives that lie";
 * research/burn.md §1.6, §1.8, §1.10, §2b): 2/04/08 bursts, recovered errors, refused mode pages,
 * writes out of order, loss of streaming, timeouts, EPERM on a read-only open, EINVAL over the
 * transfer limit, a full buffer, a drive that ignores RT, one that answers READ TOC format 4 with a
 * format-0 TOC, and OS errors.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "emu_util.h"
#include "rawcd/error.h"

static uint8_t buf[4096];
static uint8_t cdb[RAWCD_CDB_MAX];

/* An emulated recorder with @p faults, page 05h set to RAW / 2448-byte blocks. */
static rawcd_transport *raw_recorder(struct rawcd_emu_config *cfg, const struct rawcd_emu_fault *faults, size_t n)
{
	cfg->faults = faults;
	cfg->fault_count = n;
	rawcd_transport *t = emu_open(cfg);
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, 3, false, false).ok);
	return t;
}

static uint8_t *lead_in_blocks(int32_t lba, unsigned n)
{
	uint8_t *d = malloc((size_t)n * RAW96_BLOCK);
	cr_assert_not_null(d);
	emu_blocks(d, RAW96_BLOCK, lba, n, true);
	return d;
}

Test(emu_faults, long_write_in_progress_burst_then_success)
{
	const struct rawcd_emu_fault f[] = {{RAWCD_MMC_OP_WRITE10, 2, 3, 0, RAWCD_EMU_FAULT_SENSE, 0x2, 0x04, 0x08, 0}};
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	rawcd_transport *t = raw_recorder(&cfg, f, 1);
	uint8_t *d = lead_in_blocks(LEADIN_97_27_00, 2 * BLOCKS_PER_WRITE);
	cr_assert(emu_write(t, LEADIN_97_27_00, BLOCKS_PER_WRITE, d, RAW96_BLOCK).ok);
	int32_t next = LEADIN_97_27_00 + BLOCKS_PER_WRITE;
	const uint8_t *second = d + BLOCKS_PER_WRITE * RAW96_BLOCK;
	for (int i = 0; i < 3; i++) { /* the same WRITE, resent as a burner does */
		struct rawcd_cmd_result r = emu_write(t, next, BLOCKS_PER_WRITE, second, RAW96_BLOCK);
		cr_assert(!r.ok);
		cr_assert(emu_sense_is(&r, 2, 0x04, 0x08));
		cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_RETRY);
		cr_assert(emu_last(t)->fault);
		cr_assert_eq(emu_state(t).next_lba, next, "nothing taken");
	}
	struct rawcd_cmd_result r = emu_write(t, next, BLOCKS_PER_WRITE, second, RAW96_BLOCK);
	cr_assert(r.ok);
	cr_assert(!emu_last(t)->fault);
	struct rawcd_emu_state s = emu_state(t);
	cr_assert_eq(s.next_lba, next + BLOCKS_PER_WRITE);
	cr_assert_eq(s.writes, 5);
	cr_assert_eq(s.writes_refused, 3);
	cr_assert_eq(s.busy_answers, 3);
	cr_assert_eq(s.faults_fired, 3);
	cr_assert_eq(s.blocks, 2 * BLOCKS_PER_WRITE);
	free(d);
	rawcd_transport_close(t);
}

Test(emu_faults, periodic_fault)
{
	/* 2/04/08 on every 4th WRITE from the 4th on, as the lab's fake drive did every 100th */
	const struct rawcd_emu_fault f[] = {{RAWCD_MMC_OP_WRITE10, 4, 1, 4, RAWCD_EMU_FAULT_SENSE, 0x2, 0x04, 0x08, 0}};
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	rawcd_transport *t = raw_recorder(&cfg, f, 1);
	uint8_t blk[RAW96_BLOCK];
	int32_t lba = LEADIN_97_27_00;
	unsigned refused = 0;
	for (unsigned n = 1; n <= 12; n++) {
		emu_block(blk, RAW96_BLOCK, lba, true);
		struct rawcd_cmd_result r = emu_write(t, lba, 1, blk, RAW96_BLOCK);
		cr_assert_eq(r.ok, n % 4 != 0, "WRITE %u", n);
		if (r.ok)
			lba++;
		else
			refused++;
	}
	cr_assert_eq(refused, 3);
	cr_assert_eq(emu_state(t).busy_answers, 3);
	rawcd_transport_close(t);
}

Test(emu_faults, recovered_errors_count_as_success)
{
	const struct rawcd_emu_fault f[] = {
		{RAWCD_MMC_OP_MODE_SELECT10, 2, 1, 0, RAWCD_EMU_FAULT_RECOVERED, 0x1, 0x17, 0x01, 0},
		{RAWCD_MMC_OP_WRITE10, 1, 0, 0, RAWCD_EMU_FAULT_RECOVERED, 0x1, 0x5D, 0x00, 0},
		{RAWCD_MMC_OP_INQUIRY, 1, 1, 0, RAWCD_EMU_FAULT_RECOVERED, 0x1, 0x18, 0x00, 0},
	};
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	rawcd_transport *t = raw_recorder(&cfg, f, 3); /* the first MODE SELECT: clean */
	struct rawcd_cmd_result r = emu_select(t, RAWCD_MMC_WRITE_RAW, 1, true, false);
	cr_assert(r.ok);
	cr_assert(r.check_condition);
	cr_assert_eq(r.sense.key, 1);
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_SUCCESS);
	cr_assert_eq(emu_state(t).data_block_type, 1, "the page was taken");
	cr_assert_eq(emu_state(t).mode_selects_refused, 0);

	uint8_t d[PQ16_BLOCK * 3];
	emu_blocks(d, PQ16_BLOCK, LEADIN_97_27_00, 3, true);
	r = emu_write(t, LEADIN_97_27_00, 3, d, PQ16_BLOCK);
	cr_assert(r.ok);
	cr_assert(emu_sense_is(&r, 1, 0x5D, 0x00));
	cr_assert_eq(r.transferred, sizeof d);
	cr_assert_eq(emu_state(t).next_lba, LEADIN_97_27_00 + 3, "the blocks were taken");
	cr_assert_eq(emu_state(t).writes_refused, 1, "a CHECK CONDITION all the same");

	r = emu_cmd(t, cdb, rawcd_mmc_cdb_inquiry(cdb, 36), RAWCD_XFER_FROM_DEVICE, buf, 36);
	cr_assert(r.ok);
	cr_assert(r.check_condition);
	cr_assert_eq(r.transferred, 36, "data comes with a recovered error");
	struct rawcd_mmc_inquiry q;
	cr_assert_eq(rawcd_mmc_parse_inquiry(&q, buf, r.transferred), RAWCD_OK);
	cr_assert_eq(q.device_type, 5);
	rawcd_transport_close(t);
}

Test(emu_faults, mode_select_refused_for_chosen_pairs)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.refused_raw_block_types = 1u << 3; /* claims R-W raw, refuses RAW/3 */
	rawcd_transport *t = emu_open(&cfg);
	struct rawcd_cmd_result r = emu_select(t, RAWCD_MMC_WRITE_RAW, 3, false, false);
	cr_assert(!r.ok);
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00));
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_REFUSED);
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, 1, false, false).ok, "the next variant is taken");
	rawcd_transport_close(t);

	cfg = (struct rawcd_emu_config)RAWCD_EMU_CONFIG_INIT;
	cfg.refused_write_types = 1u << RAWCD_MMC_WRITE_RAW;
	t = emu_open(&cfg);
	for (uint8_t dbt = 1; dbt <= 3; dbt++) {
		r = emu_select(t, RAWCD_MMC_WRITE_RAW, dbt, false, false);
		cr_assert(emu_sense_is(&r, 5, 0x26, 0x00), "RAW/%u", dbt);
	}
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_SAO, 0, false, false).ok);
	cr_assert_eq(emu_state(t).mode_selects_refused, 3);
	rawcd_transport_close(t);

	/* the features decide too: no Test Write bit, no R-W raw */
	cfg = (struct rawcd_emu_config)RAWCD_EMU_CONFIG_INIT;
	cfg.cd_mastering_clear = 0x04;
	cfg.cd_tao_clear = 0x10;
	t = emu_open(&cfg);
	r = emu_select(t, RAWCD_MMC_WRITE_RAW, 1, true, false);
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00), "Test Write without the TW bit");
	r = emu_select(t, RAWCD_MMC_WRITE_RAW, 3, false, false);
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00), "RAW/3 without R-W raw");
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, 2, false, true).ok);
	rawcd_transport_close(t);
}

Test(emu_faults, writes_out_of_order)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	rawcd_transport *t = raw_recorder(&cfg, NULL, 0);
	uint8_t *d = lead_in_blocks(LEADIN_97_27_00, 4);
	struct rawcd_cmd_result r = emu_write(t, LEADIN_97_27_00 + 1, 1, d + RAW96_BLOCK, RAW96_BLOCK);
	cr_assert(emu_sense_is(&r, 5, 0x21, 0x02), "not from the lead-in start");
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_FATAL);
	cr_assert(!emu_state(t).recording);
	cr_assert(emu_write(t, LEADIN_97_27_00, 2, d, RAW96_BLOCK).ok);
	r = emu_write(t, LEADIN_97_27_00 + 3, 1, d + 3 * RAW96_BLOCK, RAW96_BLOCK);
	cr_assert(emu_sense_is(&r, 5, 0x21, 0x02), "a gap");
	r = emu_write(t, LEADIN_97_27_00 + 1, 1, d + RAW96_BLOCK, RAW96_BLOCK);
	cr_assert(emu_sense_is(&r, 5, 0x21, 0x02), "written twice");
	cr_assert(emu_write(t, LEADIN_97_27_00 + 2, 2, d + 2 * RAW96_BLOCK, RAW96_BLOCK).ok, "in order again");
	struct rawcd_emu_state s = emu_state(t);
	cr_assert_eq(s.blocks, 4);
	cr_assert_eq(s.writes_refused, 3);
	free(d);
	rawcd_transport_close(t);
}

Test(emu_faults, write_past_the_last_possible_leadout)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.atip_leadin = (struct rawcd_msf){99, 59, 0}; /* LBA -225 */
	cfg.atip_leadout = (struct rawcd_msf){0, 2, 1};   /* LBA 1: room up to 6750 */
	rawcd_transport *t = raw_recorder(&cfg, NULL, 0);
	uint8_t *d = malloc((size_t)RAW96_BLOCK * BLOCKS_PER_WRITE);
	int32_t lba = -225;
	struct rawcd_cmd_result r;
	for (;;) {
		emu_blocks(d, RAW96_BLOCK, lba, BLOCKS_PER_WRITE, true);
		r = emu_write(t, lba, BLOCKS_PER_WRITE, d, RAW96_BLOCK);
		if (!r.ok)
			break;
		lba += BLOCKS_PER_WRITE;
	}
	cr_assert(emu_sense_is(&r, 5, 0x21, 0x00));
	cr_assert_leq(lba + BLOCKS_PER_WRITE, 1 + 6750 + BLOCKS_PER_WRITE);
	cr_assert_gt(lba + BLOCKS_PER_WRITE, 1 + 6750);
	free(d);
	rawcd_transport_close(t);
}

Test(emu_faults, loss_of_streaming_ruins_the_disc)
{
	const struct rawcd_emu_fault f[] = {{RAWCD_MMC_OP_WRITE10, 3, 1, 0, RAWCD_EMU_FAULT_SENSE, 0x3, 0x0C, 0x09, 0}};
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	rawcd_transport *t = raw_recorder(&cfg, f, 1);
	uint8_t *d = lead_in_blocks(LEADIN_97_27_00, 4);
	cr_assert(emu_write(t, LEADIN_97_27_00, 1, d, RAW96_BLOCK).ok);
	cr_assert(emu_write(t, LEADIN_97_27_00 + 1, 1, d + RAW96_BLOCK, RAW96_BLOCK).ok);
	struct rawcd_cmd_result r = emu_write(t, LEADIN_97_27_00 + 2, 1, d + 2 * RAW96_BLOCK, RAW96_BLOCK);
	cr_assert(emu_sense_is(&r, 3, 0x0C, 0x09));
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_FATAL);
	cr_assert(emu_state(t).recording_failed);
	r = emu_write(t, LEADIN_97_27_00 + 2, 1, d + 2 * RAW96_BLOCK, RAW96_BLOCK);
	cr_assert(emu_sense_is(&r, 5, 0x2C, 0x00), "nothing more is written");
	cr_assert(emu_sync(t, true).ok);
	struct rawcd_mmc_disc_info di;
	cr_assert(emu_disc_info(t, &di).ok);
	cr_assert_eq(di.disc_status, 1, "a ruined, incomplete disc");
	r = emu_write(t, LEADIN_97_27_00, 1, d, RAW96_BLOCK);
	cr_assert(emu_sense_is(&r, 5, 0x21, 0x02), "and it cannot be written again");
	free(d);
	rawcd_transport_close(t);
}

Test(emu_faults, timeout)
{
	const struct rawcd_emu_fault f[] = {{RAWCD_MMC_OP_WRITE10, 2, 1, 0, RAWCD_EMU_FAULT_TIMEOUT, 0, 0, 0, 0},
					    {RAWCD_MMC_OP_SYNCHRONIZE_CACHE, 1, 0, 0, RAWCD_EMU_FAULT_TIMEOUT, 0, 0, 0, 0}};
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	rawcd_transport *t = raw_recorder(&cfg, f, 2);
	uint8_t *d = lead_in_blocks(LEADIN_97_27_00, 2);
	cr_assert(emu_write(t, LEADIN_97_27_00, 1, d, RAW96_BLOCK).ok);
	struct rawcd_cmd_result r = emu_write(t, LEADIN_97_27_00 + 1, 1, d + RAW96_BLOCK, RAW96_BLOCK);
	cr_assert(!r.ok);
	cr_assert(r.timed_out);
	cr_assert(!r.check_condition);
	cr_assert_eq(r.status, 0);
	cr_assert_eq(r.host_status, 0x03);
	cr_assert_eq(r.transferred, 0);
	cr_assert_eq(emu_state(t).next_lba, LEADIN_97_27_00 + 1);
	cr_assert(emu_last(t)->timed_out);
	for (int i = 0; i < 2; i++) { /* count 0: every SYNCHRONIZE CACHE */
		r = emu_sync(t, true);
		cr_assert(r.timed_out);
	}
	cr_assert(emu_state(t).recording, "a timed-out flush did nothing");
	free(d);
	rawcd_transport_close(t);
}

Test(emu_faults, read_only_open_refuses_write_commands)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.read_only = true;
	rawcd_transport *t = emu_open(&cfg);
	cr_assert(t->read_only);
	cr_assert(emu_tur(t).ok);
	cr_assert(emu_get_config(t, 0, 0, buf, 64).ok);
	cr_assert(emu_read_toc(t, 4, buf, RAWCD_MMC_ATIP_LEN).ok);
	cr_assert(emu_cmd(t, cdb, rawcd_mmc_cdb_read_buffer_capacity(cdb, 12), RAWCD_XFER_FROM_DEVICE, buf, 12).ok);
	struct rawcd_mmc_write_setup s = {.write_type = RAWCD_MMC_WRITE_RAW, .data_block_type = 3};
	uint8_t list[64];
	size_t n;
	cr_assert_eq(rawcd_mmc_build_write_params(list, sizeof list, &n, &s, NULL), RAWCD_OK);
	struct rawcd_cmd_result r;
	int len = rawcd_mmc_cdb_mode_select10(cdb, (unsigned)n);
	cr_assert_eq(rawcd_transport_execute(t, cdb, (size_t)len, RAWCD_XFER_TO_DEVICE, list, n, 0, &r), RAWCD_E_IO);
	cr_assert_eq(r.os_error, EPERM);
	cr_assert(!r.ok);
	uint8_t blk[RAW96_BLOCK] = {0};
	len = rawcd_mmc_cdb_write10(cdb, LEADIN_97_27_00, 1);
	cr_assert_eq(rawcd_transport_execute(t, cdb, (size_t)len, RAWCD_XFER_TO_DEVICE, blk, sizeof blk, 0, &r), RAWCD_E_IO);
	cr_assert_eq(r.os_error, EPERM);
	len = rawcd_mmc_cdb_set_cd_speed(cdb, 0xFFFF, 0xFFFF);
	cr_assert_eq(rawcd_transport_execute(t, cdb, (size_t)len, RAWCD_XFER_NONE, NULL, 0, 0, &r), RAWCD_E_IO);
	cr_assert_eq(r.os_error, EPERM);
	len = rawcd_mmc_cdb_synchronize_cache(cdb, true);
	cr_assert_eq(rawcd_transport_execute(t, cdb, (size_t)len, RAWCD_XFER_NONE, NULL, 0, 0, &r), RAWCD_E_IO);
	cr_assert_eq(emu_last(t)->rc, RAWCD_E_IO);
	cr_assert_eq(emu_last(t)->os_error, EPERM);
	cr_assert_eq(emu_state(t).mode_selects, 0, "the drive never saw them");
	cr_assert_eq(emu_state(t).writes, 0);
	rawcd_transport_close(t);
}

Test(emu_faults, transfer_over_the_limit)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	rawcd_transport *t = raw_recorder(&cfg, NULL, 0);
	cr_assert_eq(rawcd_transport_max_transfer(t), 65536);
	uint8_t *d = lead_in_blocks(LEADIN_97_27_00, 27);
	struct rawcd_cmd_result r;
	int len = rawcd_mmc_cdb_write10(cdb, LEADIN_97_27_00, 27); /* 66096 bytes */
	cr_assert_eq(rawcd_transport_execute(t, cdb, (size_t)len, RAWCD_XFER_TO_DEVICE, d, 27 * RAW96_BLOCK, 0, &r),
		     RAWCD_E_IO);
	cr_assert_eq(r.os_error, EINVAL);
	cr_assert(emu_write(t, LEADIN_97_27_00, 26, d, RAW96_BLOCK).ok);
	rawcd_transport_close(t);

	/* a queue that reports 64 KiB but takes only 32 KiB */
	cfg = (struct rawcd_emu_config)RAWCD_EMU_CONFIG_INIT;
	cfg.transfer_limit = 32768;
	t = raw_recorder(&cfg, NULL, 0);
	cr_assert_eq(rawcd_transport_max_transfer(t), 65536);
	len = rawcd_mmc_cdb_write10(cdb, LEADIN_97_27_00, 26);
	cr_assert_eq(rawcd_transport_execute(t, cdb, (size_t)len, RAWCD_XFER_TO_DEVICE, d, 26 * RAW96_BLOCK, 0, &r),
		     RAWCD_E_IO);
	cr_assert_eq(r.os_error, EINVAL);
	cr_assert(emu_write(t, LEADIN_97_27_00, 13, d, RAW96_BLOCK).ok);
	free(d);
	rawcd_transport_close(t);
}

Test(emu_faults, full_buffer_answers_long_write_in_progress)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.buffer_size = 150000;
	cfg.drain_per_command = 20000;
	rawcd_transport *t = raw_recorder(&cfg, NULL, 0);
	uint8_t *d = lead_in_blocks(LEADIN_97_27_00, BLOCKS_PER_WRITE * 8);
	int32_t lba = LEADIN_97_27_00;
	unsigned busy = 0, sent = 0;
	while (lba < LEADIN_97_27_00 + BLOCKS_PER_WRITE * 8) {
		const uint8_t *p = d + (size_t)(lba - LEADIN_97_27_00) * RAW96_BLOCK;
		struct rawcd_cmd_result r = emu_write(t, lba, BLOCKS_PER_WRITE, p, RAW96_BLOCK);
		sent++;
		if (r.ok) {
			lba += BLOCKS_PER_WRITE;
		} else {
			cr_assert(emu_sense_is(&r, 2, 0x04, 0x08));
			busy++;
		}
		cr_assert_leq(emu_state(t).buffer_fill, 150000);
	}
	cr_assert_gt(busy, 0, "the buffer filled up");
	cr_assert_eq(emu_state(t).busy_answers, busy);
	cr_assert_eq(emu_state(t).blocks, BLOCKS_PER_WRITE * 8, "every block arrived in the end");
	cr_assert_eq(sent, 8 + busy);
	free(d);
	rawcd_transport_close(t);
}

Test(emu_faults, drive_that_ignores_rt)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.ignore_rt = true;
	rawcd_transport *t = emu_open(&cfg);
	struct rawcd_cmd_result r = emu_get_config(t, 2, RAWCD_MMC_FEATURE_CD_MASTERING, buf, 256);
	cr_assert(r.ok);
	cr_assert_gt(r.transferred, 16, "the whole list");
	cr_assert_eq(buf[8] << 8 | buf[9], 0x0000, "starting with the profile list");
	struct rawcd_mmc_cd_mastering m;
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, buf, r.transferred), RAWCD_E_FORMAT,
		     "the parser does not take the profile list for 002Eh");
	rawcd_transport_close(t);
}

Test(emu_faults, drive_that_reads_the_toc_format_from_byte_9)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.toc_format_in_byte9 = true;
	rawcd_transport *t = emu_open(&cfg);
	struct rawcd_cmd_result r = emu_read_toc(t, 4, buf, RAWCD_MMC_ATIP_LEN);
	cr_assert(r.ok, "GOOD status");
	cr_assert(!r.check_condition);
	cr_assert_eq(buf[0] << 8 | buf[1], 0x0012, "a one-track format-0 TOC");
	cr_assert_eq(buf[2], 1);
	cr_assert_eq(buf[3], 1);
	struct rawcd_mmc_atip a;
	cr_assert_eq(rawcd_mmc_parse_atip(&a, buf, r.transferred), RAWCD_E_FORMAT, "not taken for an ATIP");
	rawcd_transport_close(t);
}

Test(emu_faults, os_errors_and_fault_order)
{
	const struct rawcd_emu_fault f[] = {
		{RAWCD_MMC_OP_INQUIRY, 1, 1, 0, RAWCD_EMU_FAULT_OS_ERROR, 0, 0, 0, EIO},
		{RAWCD_MMC_OP_INQUIRY, 1, 2, 0, RAWCD_EMU_FAULT_SENSE, 0x6, 0x29, 0x00, 0},
	};
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.faults = f;
	cfg.fault_count = 2;
	rawcd_transport *t = emu_open(&cfg);
	struct rawcd_cmd_result r;
	int len = rawcd_mmc_cdb_inquiry(cdb, 36);
	cr_assert_eq(rawcd_transport_execute(t, cdb, (size_t)len, RAWCD_XFER_FROM_DEVICE, buf, 36, 0, &r), RAWCD_E_IO);
	cr_assert_eq(r.os_error, EIO);
	r = emu_cmd(t, cdb, len, RAWCD_XFER_FROM_DEVICE, buf, 36);
	cr_assert(emu_sense_is(&r, 6, 0x29, 0x00), "the second fault hits the second INQUIRY");
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_RETRY);
	r = emu_cmd(t, cdb, len, RAWCD_XFER_FROM_DEVICE, buf, 36);
	cr_assert(r.ok);
	cr_assert_eq(emu_state(t).faults_fired, 2);
	rawcd_transport_close(t);
}
