/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SG_IO transport without a drive: how a finished SG_IO is judged (hand-made sg_io_hdr values as the
 * kernel fills them; research/burn.md §1.9 measured a timeout as ioctl 0, status 0, host_status 03h,
 * info 1, and every CHECK CONDITION with driver_status 08h), the transfer limit, opening paths that are
 * not SCSI devices, and the argument checks of rawcd_transport_execute().
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <scsi/sg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emu_util.h"
#include "rawcd/diag.h"
#include "rawcd/error.h"
#include "transport/sg_linux.h"

static uint8_t sense_buf[64];

/* A header as the kernel returns it after a command of @p dxfer_len bytes. */
static struct sg_io_hdr hdr(unsigned dxfer_len, unsigned char status, unsigned short host, unsigned short driver,
			    unsigned info)
{
	memset(sense_buf, 0, sizeof sense_buf);
	struct sg_io_hdr h = {.interface_id = 'S', .dxfer_len = dxfer_len, .status = status, .masked_status = status >> 1,
			      .host_status = host, .driver_status = driver, .info = info,
			      .mx_sb_len = sizeof sense_buf, .sbp = sense_buf};
	return h;
}

static void fixed_sense(struct sg_io_hdr *h, uint8_t key, uint8_t asc, uint8_t ascq)
{
	uint8_t s[18] = {0x70, 0, key, 0, 0, 0, 0, 10, 0, 0, 0, 0, asc, ascq};
	memcpy(sense_buf, s, sizeof s);
	h->sb_len_wr = sizeof s;
}

Test(sg_result, good_status_moves_all_but_the_residual)
{
	struct sg_io_hdr h = hdr(36, 0, 0, 0, 0);
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(r.ok);
	cr_assert(!r.timed_out);
	cr_assert(!r.check_condition);
	cr_assert_eq(r.transferred, 36);
	h.resid = 10;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 26);
}

Test(sg_result, timeout_with_status_zero_is_a_failure)
{
	/* measured with scsi_debug opts=4: ioctl 0, status 0, host_status DID_TIME_OUT, info SG_INFO_CHECK */
	struct sg_io_hdr h = hdr(2448 * 26, 0, 0x03, 0, SG_INFO_CHECK);
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(!r.ok);
	cr_assert(r.timed_out);
	cr_assert(!r.check_condition);
	cr_assert_eq(r.host_status, 0x03);
	cr_assert_eq(r.status, 0);
	cr_assert_eq(r.transferred, 0);
	cr_assert_eq(r.os_error, 0);
}

Test(sg_result, driver_timeout_of_older_kernels)
{
	struct sg_io_hdr h = hdr(0, 0, 0, 0x06, SG_INFO_CHECK);
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(!r.ok);
	cr_assert(r.timed_out);
}

Test(sg_result, check_condition_with_driver_sense_is_decoded)
{
	struct sg_io_hdr h = hdr(63648, 0x02, 0, 0x08, SG_INFO_CHECK);
	fixed_sense(&h, 0x2, 0x04, 0x08);
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(!r.ok);
	cr_assert(!r.timed_out);
	cr_assert(r.check_condition);
	cr_assert_eq(r.sense.response_code, 0x70);
	cr_assert_eq(r.sense.key, 0x2);
	cr_assert_eq(r.sense.asc, 0x04);
	cr_assert_eq(r.sense.ascq, 0x08);
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_RETRY);
	cr_assert_eq(r.driver_status, 0x08);
}

Test(sg_result, driver_sense_alone_with_good_status_still_decodes)
{
	/* DRIVER_SENSE is no error by itself: status 0 with sense of key 0 is a good command */
	struct sg_io_hdr h = hdr(8, 0, 0, 0x08, SG_INFO_CHECK);
	fixed_sense(&h, 0x0, 0x00, 0x00);
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(r.check_condition);
	cr_assert_eq(r.sense.key, 0);
	cr_assert(r.ok);
}

Test(sg_result, recovered_error_counts_as_success)
{
	/* measured with scsi_debug opts=8: CHECK CONDITION 1/5D/00 */
	struct sg_io_hdr h = hdr(36, 0x02, 0, 0x08, SG_INFO_CHECK);
	fixed_sense(&h, 0x1, 0x5D, 0x00);
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(r.ok);
	cr_assert(r.check_condition);
	cr_assert_eq(r.sense.key, 1);
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_SUCCESS);
	cr_assert_eq(r.transferred, 36);
}

Test(sg_result, aborted_command_and_fatal_sense)
{
	struct sg_io_hdr h = hdr(0, 0x02, 0, 0x08, SG_INFO_CHECK);
	fixed_sense(&h, 0xB, 0x4B, 0x03);
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(!r.ok);
	cr_assert_eq(r.sense.key, 0xB);
	fixed_sense(&h, 0x3, 0x0C, 0x09);
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(!r.ok);
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_FATAL);
}

Test(sg_result, host_error_fails_even_with_good_status)
{
	struct sg_io_hdr h = hdr(36, 0, 0x07 /* DID_ERROR */, 0, SG_INFO_CHECK);
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(!r.ok);
	cr_assert(!r.timed_out);
	cr_assert_eq(r.host_status, 0x07);
	cr_assert_eq(r.transferred, 0);
	h = hdr(36, 0, 0, 0x08 | 0x10 /* DRIVER_SENSE with a suggestion bit */, SG_INFO_CHECK);
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(!r.ok);
}

Test(sg_result, busy_status_is_no_check_condition)
{
	struct sg_io_hdr h = hdr(0, 0x08, 0, 0, SG_INFO_CHECK);
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(!r.ok);
	cr_assert(!r.check_condition);
	cr_assert_eq(r.status, 0x08);
}

Test(sg_result, check_condition_without_usable_sense)
{
	struct sg_io_hdr h = hdr(0, 0x02, 0, 0, SG_INFO_CHECK);
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(!r.ok);
	cr_assert(r.check_condition);
	cr_assert_eq(r.sense.response_code, 0);
	cr_assert_eq(r.sense.sense_class, RAWCD_SENSE_FATAL);
	cr_assert_not_null(strstr(r.sense.message, "without sense"));
	/* sense bytes that are not sense data (response code 00h) */
	h = hdr(0, 0x02, 0, 0x08, SG_INFO_CHECK);
	h.sb_len_wr = 18;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(!r.ok);
	cr_assert_eq(r.sense.response_code, 0);
	cr_assert_not_null(strstr(r.sense.message, "cannot be decoded"));
}

Test(sg_result, sense_length_is_clamped_to_the_buffer)
{
	struct sg_io_hdr h = hdr(0, 0x02, 0, 0x08, SG_INFO_CHECK);
	fixed_sense(&h, 0x5, 0x21, 0x02);
	h.sb_len_wr = 200; /* more than mx_sb_len: never read past the buffer */
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert_eq(r.sense.asc, 0x21);
	cr_assert_eq(r.sense.ascq, 0x02);
}

Test(sg_result, unexplained_info_check_is_a_failure)
{
	struct sg_io_hdr h = hdr(36, 0, 0, 0, SG_INFO_CHECK);
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, 0, &r), RAWCD_OK);
	cr_assert(!r.ok);
}

Test(sg_result, failed_ioctl_is_an_io_error)
{
	struct sg_io_hdr h = hdr(131072, 0, 0, 0, 0);
	struct rawcd_cmd_result r;
	cr_assert_eq(rcd_sg_result(&h, EINVAL, &r), RAWCD_E_IO);
	cr_assert(!r.ok);
	cr_assert_eq(r.os_error, EINVAL);
	cr_assert_eq(r.transferred, 0);
}

Test(sg_limits, max_transfer)
{
	cr_assert_eq(rcd_sg_max_transfer(-1, -1, 65536), 65536);
	cr_assert_eq(rcd_sg_max_transfer(32768, -1, 65536), 32768);
	cr_assert_eq(rcd_sg_max_transfer(1 << 20, 128, 65536), 65536); /* AHCI: 128 KiB queue */
	cr_assert_eq(rcd_sg_max_transfer(-1, 32, 65536), 32768);
	cr_assert_eq(rcd_sg_max_transfer(65536, 1280, 65536), 65536);   /* virtio-scsi */
	cr_assert_eq(rcd_sg_max_transfer(0, 0, 65536), 65536);          /* unknown values change nothing */
}

/* ---- opening what is not a drive ---- */

static const char *only_message(rawcd_diag *d)
{
	cr_assert_eq(rawcd_diag_error_count(d), 1);
	return rawcd_diag_get(d, 0)->message;
}

Test(sg_open, dev_null_is_not_a_scsi_device)
{
	rawcd_diag *d = rawcd_diag_new();
	rawcd_transport *t = NULL;
	cr_assert_eq(rawcd_transport_open_sg(&t, "/dev/null", true, d), RAWCD_E_IO);
	cr_assert_null(t);
	cr_assert_not_null(strstr(only_message(d), "not a SCSI generic device"), "%s", only_message(d));
	cr_assert_str_eq(rawcd_diag_get(d, 0)->file, "/dev/null");
	cr_assert_eq(rawcd_diag_get(d, 0)->code, RAWCD_E_IO);
	rawcd_diag_free(d);
}

Test(sg_open, regular_file_is_not_a_device)
{
	char path[] = "/tmp/rawcd-sg-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, "x", 1), 1);
	close(fd);
	rawcd_diag *d = rawcd_diag_new();
	rawcd_transport *t = NULL;
	cr_assert_eq(rawcd_transport_open_sg(&t, path, false, d), RAWCD_E_IO);
	cr_assert_null(t);
	cr_assert_not_null(strstr(only_message(d), "not a device"), "%s", only_message(d));
	FILE *f = fopen(path, "rb"); /* the file is left as it was */
	cr_assert_eq(fgetc(f), 'x');
	cr_assert_eq(fgetc(f), EOF);
	fclose(f);
	unlink(path);
	rawcd_diag_free(d);
}

Test(sg_open, missing_path_and_directory)
{
	rawcd_diag *d = rawcd_diag_new();
	rawcd_transport *t = NULL;
	cr_assert_eq(rawcd_transport_open_sg(&t, "/nonexistent/sr9", true, d), RAWCD_E_IO);
	cr_assert_not_null(strstr(only_message(d), "no such device"), "%s", only_message(d));
	rawcd_diag_clear(d);
	cr_assert_eq(rawcd_transport_open_sg(&t, "/tmp", true, d), RAWCD_E_IO);
	cr_assert_not_null(strstr(only_message(d), "Is a directory"), "%s", only_message(d));
	cr_assert_null(t);
	cr_assert_eq(rawcd_transport_open_sg(&t, "", true, d), RAWCD_E_ARG);
	cr_assert_eq(rawcd_transport_open_sg(&t, NULL, true, d), RAWCD_E_ARG);
	cr_assert_eq(rawcd_transport_open_sg(NULL, "/dev/null", true, d), RAWCD_E_ARG);
	rawcd_diag_free(d);
}

Test(sg_open, errno_sentences_say_what_to_do)
{
	/* the emulated open reports as the SG one does: EBUSY, EACCES, EPERM each with its advice */
	static const struct {
		int err;
		const char *words;
	} cases[] = {{EBUSY, "another program has the drive"}, {EACCES, "group"}, {EPERM, "CAP_SYS_RAWIO"},
		     {ENOENT, "no such device"}, {EIO, "Input/output error"}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rawcd_diag *d = rawcd_diag_new();
		struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
		cfg.open_error = cases[i].err;
		cfg.diag = d;
		cfg.name = "/dev/sr7";
		rawcd_transport *t = NULL;
		cr_assert_eq(rawcd_transport_open_emulated(&t, &cfg), RAWCD_E_IO);
		cr_assert_null(t);
		cr_assert_not_null(strstr(only_message(d), cases[i].words), "%s", only_message(d));
		cr_assert_str_eq(rawcd_diag_get(d, 0)->file, "/dev/sr7");
		rawcd_diag_free(d);
	}
}

/* ---- rawcd_transport_execute() ---- */

Test(transport, execute_checks_its_arguments)
{
	rawcd_transport *t = emu_open(NULL);
	uint8_t cdb[RAWCD_CDB_MAX] = {0}, buf[8];
	struct rawcd_cmd_result r;
	r.ok = true;
	cr_assert_eq(rawcd_transport_execute(NULL, cdb, 6, RAWCD_XFER_NONE, NULL, 0, 0, &r), RAWCD_E_ARG);
	cr_assert(!r.ok, "out is cleared even on RAWCD_E_ARG");
	cr_assert_eq(rawcd_transport_execute(t, NULL, 6, RAWCD_XFER_NONE, NULL, 0, 0, &r), RAWCD_E_ARG);
	cr_assert_eq(rawcd_transport_execute(t, cdb, 6, RAWCD_XFER_NONE, NULL, 0, 0, NULL), RAWCD_E_ARG);
	cr_assert_eq(rawcd_transport_execute(t, cdb, 0, RAWCD_XFER_NONE, NULL, 0, 0, &r), RAWCD_E_ARG);
	cr_assert_eq(rawcd_transport_execute(t, cdb, 17, RAWCD_XFER_NONE, NULL, 0, 0, &r), RAWCD_E_ARG);
	cr_assert_eq(rawcd_transport_execute(t, cdb, 6, RAWCD_XFER_NONE, buf, 8, 0, &r), RAWCD_E_ARG);
	cr_assert_eq(rawcd_transport_execute(t, cdb, 6, RAWCD_XFER_FROM_DEVICE, NULL, 8, 0, &r), RAWCD_E_ARG);
	cr_assert_eq(rawcd_transport_execute(t, cdb, 6, (enum rawcd_xfer)7, buf, 8, 0, &r), RAWCD_E_ARG);
	cr_assert_eq(rawcd_emu_command_count(t), 0, "nothing reached the transport");
	cr_assert_eq(rawcd_transport_execute(t, cdb, 6, RAWCD_XFER_NONE, NULL, 0, 0, &r), RAWCD_OK);
	cr_assert_eq(emu_last(t)->timeout_ms, RAWCD_TIMEOUT_DEFAULT_MS, "timeout 0 means the default");
	cr_assert_eq(rawcd_transport_execute(t, cdb, 6, RAWCD_XFER_NONE, NULL, 0, RAWCD_TIMEOUT_WRITE_MS, &r), RAWCD_OK);
	cr_assert_eq(emu_last(t)->timeout_ms, RAWCD_TIMEOUT_WRITE_MS);
	rawcd_transport_close(t);
}

Test(transport, null_and_foreign_handles)
{
	rawcd_transport_close(NULL);
	cr_assert_eq(rawcd_transport_max_transfer(NULL), 0);
	cr_assert(!rawcd_transport_is_emulated(NULL));
	cr_assert_eq(rawcd_emu_command_count(NULL), 0);
	cr_assert_null(rawcd_emu_command_get(NULL, 0));
	rawcd_emu_clear_log(NULL);
	struct rawcd_emu_state s;
	cr_assert_eq(rawcd_emu_get_state(&s, NULL), RAWCD_E_ARG);
	/* a transport of another kind is not taken for the emulated one */
	struct rawcd_transport_ops ops = {0};
	struct rawcd_transport other = {.ops = &ops, .name = "x"};
	cr_assert(!rawcd_transport_is_emulated(&other));
	cr_assert_eq(rawcd_emu_get_state(&s, &other), RAWCD_E_ARG);
	cr_assert_eq(rawcd_transport_max_transfer(&other), 0);
	rawcd_transport *t = emu_open(NULL);
	cr_assert(rawcd_transport_is_emulated(t));
	cr_assert_str_eq(t->name, "emulated");
	cr_assert(!t->read_only);
	cr_assert_eq(rawcd_transport_max_transfer(t), RAWCD_MAX_TRANSFER_DEFAULT);
	cr_assert_null(rawcd_emu_command_get(t, 0));
	rawcd_transport_close(t);
}
