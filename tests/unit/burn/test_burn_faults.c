/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Every fault the emulated recorder can script, with what rawcd_burn() must make of it: "busy" answers
 * resent, recovered errors taken as success, a refused RAW/3 falling back to RAW/1, a drive that refuses
 * every mode failing with the disc still blank (never a success on a blank disc), fatal senses,
 * timeouts, EPERM, EBUSY, an over-size transfer, drives that ignore RT or read the TOC format from the
 * wrong byte, cancel mid-burn. */
#include <criterion/criterion.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "burn_fixture.h"

TestSuite(burn_faults, .init = bf_setup, .fini = bf_teardown, .timeout = 120);

struct run {
	struct rawcd_disc *disc;
	rawcd_transport *t;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	int rc;
};

/* Burn the mixed sheet on a recorder configured by @p cfg (with @p faults), with @p opts. */
static struct run burn_with(struct rawcd_emu_config *cfg, const struct rawcd_emu_fault *faults, size_t n,
			    const struct rawcd_burn_options *opts)
{
	struct run run = {0};
	bf_mixed_sheet(0);
	run.disc = bf_load();
	struct rawcd_emu_config c = RAWCD_EMU_CONFIG_INIT;
	if (cfg)
		c = *cfg;
	c.faults = faults;
	c.fault_count = n;
	run.t = bf_open(&c);
	run.rc = bf_burn(run.t, run.disc, opts, &run.r, &run.diag);
	return run;
}

static void done(struct run *run)
{
	rawcd_diag_free(run->diag);
	rawcd_transport_close(run->t);
	rawcd_disc_free(run->disc);
}

/* A failed burn: no success, an error entry holding @p words, and the drive's cache flushed if writing
 * had started. */
static void assert_failed(const struct run *run, int rc, const char *words)
{
	cr_assert_eq(run->rc, rc, "rc %d (%s): %s", run->rc, rawcd_strerror(run->rc), bf_diag_text(run->diag));
	cr_assert_geq(bf_diag_count(run->diag, RAWCD_SEV_ERROR, words), 1, "no error with \"%s\" in:\n%s", words,
		      bf_diag_text(run->diag));
}

Test(burn_faults, long_write_in_progress_bursts_are_resent)
{
	const struct rawcd_emu_fault f[] = {
		{RAWCD_MMC_OP_WRITE10, 5, 3, 0, RAWCD_EMU_FAULT_SENSE, 2, 0x04, 0x08, 0},
		{RAWCD_MMC_OP_WRITE10, 100, 2, 150, RAWCD_EMU_FAULT_SENSE, 2, 0x04, 0x08, 0},
		{RAWCD_MMC_OP_MODE_SELECT10, 1, 2, 0, RAWCD_EMU_FAULT_SENSE, 2, 0x04, 0x07, 0},
		{RAWCD_MMC_OP_SYNCHRONIZE_CACHE, 1, 1, 0, RAWCD_EMU_FAULT_SENSE, 6, 0x29, 0x00, 0},
	};
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.not_ready_polls = 3;
	cfg.flush_polls = 4;
	struct run run = burn_with(&cfg, f, sizeof(f) / sizeof(f[0]), NULL);
	cr_assert_eq(run.rc, RAWCD_OK, "%s", bf_diag_text(run.diag));
	struct rawcd_emu_state s = bf_state(run.t);
	cr_assert_eq(s.disc_status, 2);
	cr_assert_eq(s.blocks, run.r.total);
	cr_assert_eq(s.bad_q_crc, 0);
	unsigned write_busy = 3;
	for (unsigned n = 100; n <= s.writes; n++)
		write_busy += (n - 100) % 150 < 2;
	cr_assert_eq(s.busy_answers, write_busy, "busy %u, expected %u", s.busy_answers, write_busy);
	cr_assert_eq(s.writes, run.r.write_commands + write_busy);
	cr_assert_eq(run.r.retries, write_busy + 2 + 1, "retries %u", run.r.retries);
	cr_assert_eq(run.r.written, run.r.total);
	/* the same WRITE was resent: the 5th to 8th WRITE commands all start at the same LBA */
	size_t i5 = bf_find_op(run.t, RAWCD_MMC_OP_WRITE10, 4);
	for (size_t k = 1; k <= 3; k++)
		cr_assert_eq(rawcd_emu_command_get(run.t, bf_find_op(run.t, RAWCD_MMC_OP_WRITE10, 4 + k))->lba,
			     rawcd_emu_command_get(run.t, i5)->lba);
	done(&run);
}

Test(burn_faults, a_full_drive_buffer_is_waited_for)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.buffer_size = 256 * 1024;
	cfg.drain_per_command = 56 * 1024;
	struct run run = burn_with(&cfg, NULL, 0, NULL);
	cr_assert_eq(run.rc, RAWCD_OK, "%s", bf_diag_text(run.diag));
	struct rawcd_emu_state s = bf_state(run.t);
	cr_assert_gt(s.busy_answers, 10, "the buffer filled up (%u busy answers)", s.busy_answers);
	cr_assert_eq(s.blocks, run.r.total);
	cr_assert_eq(s.disc_status, 2);
	done(&run);
}

Test(burn_faults, recovered_errors_are_success)
{
	const struct rawcd_emu_fault f[] = {
		{RAWCD_MMC_OP_WRITE10, 10, 1, 100, RAWCD_EMU_FAULT_RECOVERED, 1, 0x17, 0x01, 0},
		{RAWCD_MMC_OP_MODE_SELECT10, 1, 1, 0, RAWCD_EMU_FAULT_RECOVERED, 1, 0x5D, 0x00, 0},
		{RAWCD_MMC_OP_SYNCHRONIZE_CACHE, 1, 1, 0, RAWCD_EMU_FAULT_RECOVERED, 1, 0x00, 0x00, 0},
	};
	struct run run = burn_with(NULL, f, 3, NULL);
	cr_assert_eq(run.rc, RAWCD_OK, "%s", bf_diag_text(run.diag));
	struct rawcd_emu_state s = bf_state(run.t);
	unsigned want = (s.writes - 10) / 100 + 1 + 2;
	cr_assert_eq(run.r.recovered, want, "recovered %u, expected %u", run.r.recovered, want);
	cr_assert_eq(s.faults_fired, want);
	cr_assert_eq(s.blocks, run.r.total, "recovered WRITEs were carried out, not resent");
	cr_assert_eq(s.writes, run.r.write_commands);
	cr_assert_eq(s.disc_status, 2);
	cr_assert_eq(run.r.mode, RAWCD_WRITE_RAW96R, "a recovered MODE SELECT is an accepted one");
	done(&run);
}

Test(burn_faults, raw3_refused_falls_back_to_raw1)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.refused_raw_block_types = 1u << 3;
	struct run run = burn_with(&cfg, NULL, 0, NULL);
	cr_assert_eq(run.rc, RAWCD_OK, "%s", bf_diag_text(run.diag));
	cr_assert_eq(run.r.mode, RAWCD_WRITE_RAW16);
	cr_assert_eq(run.r.data_block_type, 1);
	cr_assert_eq(run.r.block_size, 2368);
	const struct rawcd_emu_command *first =
		rawcd_emu_command_get(run.t, bf_find_op(run.t, RAWCD_MMC_OP_MODE_SELECT10, 0));
	const struct rawcd_emu_command *second =
		rawcd_emu_command_get(run.t, bf_find_op(run.t, RAWCD_MMC_OP_MODE_SELECT10, 1));
	cr_assert_eq(first->data_block_type, 3);
	cr_assert(first->check_condition);
	cr_assert_eq(first->key, 5);
	cr_assert_eq(first->asc, 0x26);
	cr_assert_eq(second->data_block_type, 1);
	cr_assert(second->ok);
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_WARNING, "write mode raw16"), 1, "%s", bf_diag_text(run.diag));
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_WARNING, "refused data block type 3 (sense 5/26/00"), 1,
		     "%s", bf_diag_text(run.diag));
	struct rawcd_emu_state s = bf_state(run.t);
	cr_assert_eq(s.data_block_type, 1);
	cr_assert_eq(s.blocks, run.r.total);
	cr_assert_eq(s.bad_q_crc, 0);
	cr_assert_eq(s.disc_status, 2);
	done(&run);
}

Test(burn_faults, every_mode_refused_is_a_failure_on_a_blank_disc)
{
	/* RAW refused whatever the block type, and no SAO in feature 002Eh: SAO is not even asked for */
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.refused_raw_block_types = 0xFFFF;
	cfg.cd_mastering_clear = 0x20;
	struct run run = burn_with(&cfg, NULL, 0, NULL);
	assert_failed(&run, RAWCD_E_IO, "the drive accepted no write mode: RAW with data block type 3 (sense "
		      "5/26/00");
	cr_assert_eq(rawcd_error_exit_status(run.rc), 3);
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_ERROR, "5/26/00"), 1);
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_ERROR, "SAO with data block type 0 (the drive does not "
				   "report SAO in feature 002Eh"), 1, "%s", bf_diag_text(run.diag));
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_MODE_SELECT10), 2, "RAW/3 then RAW/1");
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_SEND_CUE_SHEET), 0);
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 0);
	cr_assert_eq(run.r.written, 0);
	cr_assert_not(run.r.started);
	cr_assert_not(run.r.disc_unusable);
	cr_assert_eq(bf_state(run.t).disc_status, 0, "the disc is still blank");
	done(&run);
}

Test(burn_faults, a_forced_mode_that_is_refused_does_not_fall_back)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.refused_raw_block_types = 1u << 3;
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.write_mode = RAWCD_WRITE_RAW96R;
	struct run run = burn_with(&cfg, NULL, 0, &o);
	assert_failed(&run, RAWCD_E_IO, "the drive refused write mode raw96r");
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_MODE_SELECT10), 1);
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 0);
	done(&run);
}

Test(burn_faults, simulation_refused_by_a_drive_without_test_write_fails)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.cd_mastering_clear = 0x04;
	cfg.cd_tao_clear = 0x04;
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.simulate = true;
	struct run run = burn_with(&cfg, NULL, 0, &o);
	assert_failed(&run, RAWCD_E_IO, "accepted no write mode");
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_WARNING, "does not report Test Write"), 1);
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_MODE_SELECT10), 4, "RAW/3, RAW/1, SAO/3 and SAO/0");
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 0);
	done(&run);
}

/* A WRITE answered with a fatal sense ends the burn: no WRITE after it, the cache flushed, the disc
 * called unusable, the sense sentence in the error. */
static void fatal_write(uint8_t key, uint8_t asc, uint8_t ascq, const char *code, const char *words)
{
	const struct rawcd_emu_fault f[] = {{RAWCD_MMC_OP_WRITE10, 20, 1, 0, RAWCD_EMU_FAULT_SENSE, key, asc, ascq, 0}};
	struct run run = burn_with(NULL, f, 1, NULL);
	assert_failed(&run, RAWCD_E_IO, code);
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_ERROR, words), 1, "%s", bf_diag_text(run.diag));
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_ERROR, "WRITE(10) of"), 1);
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_ERROR, "the disc is unusable"), 1);
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 20, "nothing written after the failure");
	size_t sync = bf_find_op(run.t, RAWCD_MMC_OP_SYNCHRONIZE_CACHE, 0);
	cr_assert_gt(sync, bf_find_op(run.t, RAWCD_MMC_OP_WRITE10, 19), "the cache was flushed after it");
	cr_assert_eq(run.r.write_commands, 19);
	cr_assert(run.r.started);
	cr_assert(run.r.disc_unusable);
	cr_assert_eq(rawcd_error_exit_status(run.rc), 3);
	done(&run);
}

Test(burn_faults, invalid_write_address_is_fatal)
{
	char sentence[RAWCD_SENSE_MESSAGE_MAX];
	struct rawcd_sense s;
	cr_assert_eq(rawcd_sense_from_codes(&s, 5, 0x21, 0x02), RAWCD_OK);
	strcpy(sentence, s.message);
	fatal_write(5, 0x21, 0x02, "sense 5/21/02", sentence);
}

Test(burn_faults, loss_of_streaming_is_fatal)
{
	struct rawcd_sense s;
	cr_assert_eq(rawcd_sense_from_codes(&s, 3, 0x0C, 0x09), RAWCD_OK);
	fatal_write(3, 0x0C, 0x09, "sense 3/0C/09", s.message);
}

Test(burn_faults, a_timeout_is_fatal)
{
	const struct rawcd_emu_fault f[] = {{RAWCD_MMC_OP_WRITE10, 15, 1, 0, RAWCD_EMU_FAULT_TIMEOUT, 0, 0, 0, 0}};
	struct run run = burn_with(NULL, f, 1, NULL);
	assert_failed(&run, RAWCD_E_IO, "timed out");
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 15, "a timed-out WRITE is not resent");
	cr_assert(run.r.disc_unusable);
	done(&run);
}

Test(burn_faults, a_timeout_in_preflight_writes_nothing)
{
	const struct rawcd_emu_fault f[] =
		{{RAWCD_MMC_OP_READ_DISC_INFORMATION, 1, 1, 0, RAWCD_EMU_FAULT_TIMEOUT, 0, 0, 0, 0}};
	struct run run = burn_with(NULL, f, 1, NULL);
	assert_failed(&run, RAWCD_E_IO, "READ DISC INFORMATION failed: the drive did not answer within 30 s");
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 0);
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_MODE_SELECT10), 0);
	cr_assert_not(run.r.disc_unusable);
	done(&run);
}

Test(burn_faults, a_failed_flush_is_a_failure)
{
	const struct rawcd_emu_fault f[] =
		{{RAWCD_MMC_OP_SYNCHRONIZE_CACHE, 1, 1, 0, RAWCD_EMU_FAULT_SENSE, 3, 0x0C, 0x09, 0}};
	struct run run = burn_with(NULL, f, 1, NULL);
	assert_failed(&run, RAWCD_E_IO, "SYNCHRONIZE CACHE failed: sense 3/0C/09");
	cr_assert(run.r.disc_unusable);
	cr_assert_eq(run.r.written, run.r.total);
	done(&run);
}

Test(burn_faults, read_only_open_is_refused_before_any_command)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.read_only = true;
	struct run run = burn_with(&cfg, NULL, 0, NULL);
	assert_failed(&run, RAWCD_E_IO, "opened read-only");
	cr_assert_eq(rawcd_error_exit_status(run.rc), 3);
	cr_assert_eq(rawcd_emu_command_count(run.t), 0);
	done(&run);
}

Test(burn_faults, eperm_from_the_system_is_a_failure)
{
	const struct rawcd_emu_fault f[] =
		{{RAWCD_MMC_OP_MODE_SELECT10, 1, 0, 0, RAWCD_EMU_FAULT_OS_ERROR, 0, 0, 0, EPERM}};
	struct run run = burn_with(NULL, f, 1, NULL);
	assert_failed(&run, RAWCD_E_IO, "opened read-write");
	cr_assert_eq(rawcd_error_exit_status(run.rc), 3);
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_MODE_SELECT10), 1, "EPERM is not a refused variant");
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 0);
	done(&run);
}

Test(burn_faults, a_busy_device_cannot_be_opened)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.open_error = EBUSY;
	cfg.diag = rawcd_diag_new();
	rawcd_transport *t = NULL;
	int rc = rawcd_transport_open_emulated(&t, &cfg);
	cr_assert_eq(rc, RAWCD_E_IO);
	cr_assert_null(t);
	cr_assert_eq(rawcd_error_exit_status(rc), 3);
	cr_assert_eq(rawcd_diag_error_count(cfg.diag), 1);
	rawcd_diag_free(cfg.diag);
}

Test(burn_faults, an_oversize_transfer_is_refused)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.max_transfer = 65536;
	cfg.transfer_limit = 32768; /* the queue lies about its limit */
	struct run run = burn_with(&cfg, NULL, 0, NULL);
	assert_failed(&run, RAWCD_E_IO, "queue limit");
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 1);
	cr_assert_eq(rawcd_emu_command_get(run.t, bf_find_op(run.t, RAWCD_MMC_OP_WRITE10, 0))->os_error, EINVAL);
	cr_assert_eq(bf_state(run.t).blocks, 0);
	cr_assert_not(run.r.started, "the kernel refused it: nothing reached the drive");
	cr_assert_not(run.r.disc_unusable);
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_SYNCHRONIZE_CACHE), 0);
	done(&run);
}

Test(burn_faults, a_drive_ignoring_rt_still_burns)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.ignore_rt = true;
	struct run run = burn_with(&cfg, NULL, 0, NULL);
	cr_assert_eq(run.rc, RAWCD_OK, "%s", bf_diag_text(run.diag));
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_WARNING, "ignores GET CONFIGURATION's RT"), 1,
		     "%s", bf_diag_text(run.diag));
	cr_assert(run.r.bufe, "BUF was found in the whole feature list");
	cr_assert_eq(bf_state(run.t).disc_status, 2);
	done(&run);
}

Test(burn_faults, a_toc_instead_of_atip_is_caught_in_preflight)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.toc_format_in_byte9 = true;
	struct run run = burn_with(&cfg, NULL, 0, NULL);
	assert_failed(&run, RAWCD_E_IO, "READ TOC format 4 returned");
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_ERROR, "that are not ATIP"), 1);
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_MODE_SELECT10), 0);
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 0);
	done(&run);
}

Test(burn_faults, no_medium_and_written_discs_are_refused)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.no_medium = true;
	struct run run = burn_with(&cfg, NULL, 0, NULL);
	assert_failed(&run, RAWCD_E_IO, "no disc in the drive");
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 0);
	done(&run);

	run = burn_with(NULL, NULL, 0, NULL);
	cr_assert_eq(run.rc, RAWCD_OK, "%s", bf_diag_text(run.diag));
	rawcd_diag_free(run.diag);
	rawcd_emu_clear_log(run.t);
	run.rc = bf_burn(run.t, run.disc, NULL, &run.r, &run.diag);
	assert_failed(&run, RAWCD_E_IO, "the disc is not blank");
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 0);
	done(&run);
}

Test(burn_faults, a_disc_too_long_for_the_medium_is_refused)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.atip_leadout = (struct rawcd_msf){0, 10, 0}; /* LBA 600; the sheet's lead-out is at 1300 */
	struct run run = burn_with(&cfg, NULL, 0, NULL);
	assert_failed(&run, RAWCD_E_LAYOUT, "the disc does not fit");
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_ERROR, "700 sectors short"), 1, "%s", bf_diag_text(run.diag));
	cr_assert_eq(rawcd_error_exit_status(run.rc), 2);
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 0);
	done(&run);
}

Test(burn_faults, another_leadin_start_moves_the_first_write)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.atip_leadin = (struct rawcd_msf){97, 10, 0}; /* LBA -12900 */
	struct run run = burn_with(&cfg, NULL, 0, NULL);
	cr_assert_eq(run.rc, RAWCD_OK, "%s", bf_diag_text(run.diag));
	cr_assert_eq(run.r.first_lba, -12900);
	cr_assert_eq(rawcd_emu_command_get(run.t, bf_find_op(run.t, RAWCD_MMC_OP_WRITE10, 0))->lba, -12900);
	struct rawcd_emu_state s = bf_state(run.t);
	cr_assert_eq(s.leadin_blocks, 12750);
	cr_assert_eq(s.leadin_bad_repeats, 0);
	cr_assert_eq(s.disc_status, 2);
	done(&run);
}

static volatile sig_atomic_t cancel_flag;

static void cancel_at_3000(void *user, const struct rawcd_burn_progress *p)
{
	(void)user;
	if (p->done >= 3000)
		cancel_flag = 1;
}

static struct run burn_canceled(bool simulate)
{
	struct run run = {0};
	bf_mixed_sheet(0);
	run.disc = bf_load();
	run.t = bf_open(NULL);
	run.diag = rawcd_diag_new();
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.simulate = simulate;
	cancel_flag = 0;
	run.rc = rawcd_burn(run.t, run.disc, &o, cancel_at_3000, NULL, &cancel_flag, &run.r, run.diag);
	return run;
}

Test(burn_faults, cancel_stops_the_writes_flushes_and_says_unusable)
{
	struct run run = burn_canceled(false);
	cr_assert_eq(run.rc, RAWCD_E_CANCELED, "%s", bf_diag_text(run.diag));
	cr_assert_eq(rawcd_error_exit_status(run.rc), 130);
	struct rawcd_emu_state s = bf_state(run.t);
	cr_assert_eq(s.writes, run.r.write_commands, "no WRITE after the cancel");
	cr_assert_lt(run.r.written, run.r.total);
	cr_assert_geq(run.r.written, 3000);
	cr_assert_lt(run.r.written, 3000 + 26);
	cr_assert_eq(s.syncs, 1, "the cache was flushed");
	cr_assert_gt(bf_find_op(run.t, RAWCD_MMC_OP_SYNCHRONIZE_CACHE, 0),
		     bf_find_op(run.t, RAWCD_MMC_OP_WRITE10, s.writes - 1));
	cr_assert(run.r.disc_unusable);
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_ERROR, "canceled after"), 1, "%s", bf_diag_text(run.diag));
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_ERROR, "the disc is unusable"), 1);
	done(&run);
}

Test(burn_faults, cancel_of_a_simulation_leaves_the_disc_untouched)
{
	struct run run = burn_canceled(true);
	cr_assert_eq(run.rc, RAWCD_E_CANCELED);
	cr_assert_not(run.r.disc_unusable);
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_WARNING, "the disc is untouched"), 1,
		     "%s", bf_diag_text(run.diag));
	cr_assert_eq(bf_diag_count(run.diag, 0, "unusable"), 0);
	cr_assert_eq(bf_state(run.t).disc_status, 0);
	done(&run);
}

Test(burn_faults, cancel_before_the_first_write_leaves_the_disc_blank)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	rawcd_transport *t = bf_open(NULL);
	rawcd_diag *diag = rawcd_diag_new();
	cancel_flag = 1;
	struct rawcd_burn_result r;
	int rc = rawcd_burn(t, d, NULL, NULL, NULL, &cancel_flag, &r, diag);
	cr_assert_eq(rc, RAWCD_E_CANCELED);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_WRITE10), 0);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_SYNCHRONIZE_CACHE), 0);
	cr_assert_not(r.disc_unusable);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "still blank"), 1);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_faults, a_refused_speed_is_a_warning_a_failed_one_an_error)
{
	const struct rawcd_emu_fault refused[] =
		{{RAWCD_MMC_OP_SET_CD_SPEED, 1, 0, 0, RAWCD_EMU_FAULT_SENSE, 5, 0x24, 0x00, 0}};
	struct run run = burn_with(NULL, refused, 1, NULL);
	cr_assert_eq(run.rc, RAWCD_OK, "%s", bf_diag_text(run.diag));
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_WARNING,
					   "SET CD SPEED (the fastest) was refused (sense 5/24/00"),
		     1, "%s", bf_diag_text(run.diag));
	cr_assert_eq(bf_state(run.t).disc_status, 2);
	done(&run);

	const struct rawcd_emu_fault failed[] =
		{{RAWCD_MMC_OP_SET_CD_SPEED, 1, 0, 0, RAWCD_EMU_FAULT_SENSE, 4, 0x44, 0x00, 0}};
	run = burn_with(NULL, failed, 1, NULL);
	assert_failed(&run, RAWCD_E_IO, "SET CD SPEED failed: sense 4/44/00");
	cr_assert_eq(bf_count_op(run.t, RAWCD_MMC_OP_WRITE10), 0);
	done(&run);
}

static int last_fill;
static unsigned fills_seen;

static void note_fill(void *user, const struct rawcd_burn_progress *p)
{
	(void)user;
	last_fill = p->buffer_fill;
	fills_seen += p->buffer_fill >= 0;
}

Test(burn_faults, a_drive_without_read_buffer_capacity_is_asked_once)
{
	const struct rawcd_emu_fault f[] =
		{{RAWCD_MMC_OP_READ_BUFFER_CAPACITY, 1, 0, 0, RAWCD_EMU_FAULT_SENSE, 5, 0x20, 0x00, 0}};
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	rawcd_transport *t = bf_open_faults(f, 1);
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_burn_result r;
	last_fill = 7;
	fills_seen = 0;
	int rc = rawcd_burn(t, d, NULL, note_fill, NULL, NULL, &r, diag);
	cr_assert_eq(rc, RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_READ_BUFFER_CAPACITY), 1);
	cr_assert_eq(last_fill, -1);
	cr_assert_eq(fills_seen, 0);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_faults, eject_is_sent_last_and_takes_the_disc_out)
{
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.eject = true;
	struct run run = burn_with(NULL, NULL, 0, &o);
	cr_assert_eq(run.rc, RAWCD_OK, "%s", bf_diag_text(run.diag));
	size_t last = rawcd_emu_command_count(run.t) - 1;
	const struct rawcd_emu_command *c = rawcd_emu_command_get(run.t, last);
	cr_assert_eq(c->opcode, RAWCD_MMC_OP_START_STOP_UNIT, "START STOP UNIT comes last");
	cr_assert_eq(c->cdb_len, 6);
	cr_assert_eq(c->cdb[4], 0x02, "LoEj set, Start clear");
	cr_assert(c->ok);
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_WARNING, "ejected"), 0, "%s", bf_diag_text(run.diag));
	uint8_t tur[RAWCD_CDB_MAX];
	struct rawcd_cmd_result res;
	rawcd_mmc_cdb_test_unit_ready(tur);
	cr_assert_eq(rawcd_transport_execute(run.t, tur, 6, RAWCD_XFER_NONE, NULL, 0, 0, &res), RAWCD_OK);
	cr_assert(res.check_condition && res.sense.key == 2 && res.sense.asc == 0x3A, "no disc after the eject");
	done(&run);
}

Test(burn_faults, a_refused_eject_is_only_a_warning)
{
	/* a drive whose tray is locked: 5/53/02 medium removal prevented */
	const struct rawcd_emu_fault f[] = {
		{RAWCD_MMC_OP_START_STOP_UNIT, 1, 0, 0, RAWCD_EMU_FAULT_SENSE, 5, 0x53, 0x02, 0}};
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.eject = true;
	struct run run = burn_with(NULL, f, 1, &o);
	cr_assert_eq(run.rc, RAWCD_OK, "%s", bf_diag_text(run.diag));
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_WARNING, "could not be ejected (START STOP UNIT: sense 5/53/02"),
		     1, "%s", bf_diag_text(run.diag));
	cr_assert_eq(bf_diag_count(run.diag, RAWCD_SEV_ERROR, ""), 0);
	done(&run);
}
