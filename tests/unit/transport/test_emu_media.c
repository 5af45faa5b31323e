/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The emulated recorder's medium and mechanism commands (emu_media.c), sent with the CDBs cdrdao 1.2.4,
 * wodim 1.1.11 and the kernel's sr driver were seen to send in the kernel-path test: PREVENT ALLOW MEDIUM
 * REMOVAL with START STOP UNIT, GET EVENT STATUS NOTIFICATION (polled, media class), READ CAPACITY and
 * MECHANISM STATUS; and the commands still answered 5/20/00.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "emu_util.h"

static uint8_t buf[64];

static struct rawcd_cmd_result prevent(rawcd_transport *t, bool on)
{
	uint8_t cdb[6] = {0x1E, 0, 0, 0, on ? 0x01 : 0x00, 0};
	return emu_cmd(t, cdb, sizeof cdb, RAWCD_XFER_NONE, NULL, 0);
}

static struct rawcd_cmd_result start_stop(rawcd_transport *t, bool load)
{
	uint8_t cdb[6] = {RAWCD_MMC_OP_START_STOP_UNIT, 0, 0, 0, load ? 0x03 : 0x02, 0};
	return emu_cmd(t, cdb, sizeof cdb, RAWCD_XFER_NONE, NULL, 0);
}

/* GET EVENT STATUS NOTIFICATION as cdrdao sends it: polled, class request 10h (media), 8 bytes. */
static struct rawcd_cmd_result gesn(rawcd_transport *t, uint8_t polled, uint8_t classes)
{
	uint8_t cdb[10] = {0x4A, polled, 0, 0, classes, 0, 0, 0, 8, 0};
	memset(buf, 0xEE, sizeof buf);
	return emu_cmd(t, cdb, sizeof cdb, RAWCD_XFER_FROM_DEVICE, buf, 8);
}

Test(emu_media, prevent_allow_guards_the_tray)
{
	rawcd_transport *t = emu_open(NULL);
	cr_assert(prevent(t, true).ok);
	struct rawcd_cmd_result r = start_stop(t, false);
	cr_assert(emu_sense_is(&r, 0x5, 0x53, 0x02), "eject while prevented: medium removal prevented");
	cr_assert(emu_tur(t).ok, "the disc is still in");
	cr_assert(prevent(t, false).ok);
	cr_assert(start_stop(t, false).ok);
	r = emu_tur(t);
	cr_assert(emu_sense_is(&r, 0x2, 0x3A, 0x00), "ejected: no medium");
	cr_assert(start_stop(t, true).ok);
	cr_assert(emu_tur(t).ok);
	rawcd_transport_close(t);
}

Test(emu_media, event_status_reports_the_medium_and_its_changes)
{
	rawcd_transport *t = emu_open(NULL);
	struct rawcd_cmd_result r = gesn(t, 1, 0x10);
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 8);
	cr_assert_eq(buf[0] << 8 | buf[1], 6, "event data length: the 8 bytes less 2");
	cr_assert_eq(buf[2], 4, "notification class 4 (media), NEA 0");
	cr_assert_eq(buf[3], 0x10, "supported classes: media");
	cr_assert_eq(buf[4], 0, "NoChg");
	cr_assert_eq(buf[5], 0x02, "media present, tray closed");

	cr_assert(start_stop(t, false).ok);
	cr_assert(gesn(t, 1, 0x10).ok);
	cr_assert_eq(buf[4], 3, "MediaRemoval, once");
	cr_assert_eq(buf[5], 0x01, "no medium, tray open");
	cr_assert(gesn(t, 1, 0x10).ok);
	cr_assert_eq(buf[4], 0, "then NoChg");
	cr_assert(start_stop(t, true).ok);
	cr_assert(gesn(t, 1, 0x10).ok);
	cr_assert_eq(buf[4], 2, "NewMedia");
	cr_assert_eq(buf[5], 0x02);

	r = gesn(t, 1, 0x04); /* the operational change class only: not supported */
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 4);
	cr_assert_eq(buf[2], 0x80, "NEA, no class");
	cr_assert_eq(buf[3], 0x10);
	r = gesn(t, 0, 0x10);
	cr_assert(emu_sense_is(&r, 0x5, 0x24, 0x00), "asynchronous notification is not supported");
	rawcd_transport_close(t);
}

Test(emu_media, read_capacity_of_a_blank_disc)
{
	rawcd_transport *t = emu_open(NULL);
	uint8_t cdb[10] = {0x25};
	memset(buf, 0xEE, sizeof buf);
	struct rawcd_cmd_result r = emu_cmd(t, cdb, sizeof cdb, RAWCD_XFER_FROM_DEVICE, buf, 8);
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 8);
	static const uint8_t want[8] = {0, 0, 0, 0, 0, 0, 0x08, 0x00}; /* last LBA 0, 2048-byte blocks */
	cr_assert_arr_eq(buf, want, 8);
	rawcd_transport_close(t);

	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.no_medium = true;
	t = emu_open(&cfg);
	r = emu_cmd(t, cdb, sizeof cdb, RAWCD_XFER_FROM_DEVICE, buf, 8);
	cr_assert(emu_sense_is(&r, 0x2, 0x3A, 0x00));
	rawcd_transport_close(t);
}

Test(emu_media, mechanism_status_without_a_changer)
{
	rawcd_transport *t = emu_open(NULL);
	uint8_t cdb[12] = {0xBD, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0};
	memset(buf, 0xEE, sizeof buf);
	struct rawcd_cmd_result r = emu_cmd(t, cdb, sizeof cdb, RAWCD_XFER_FROM_DEVICE, buf, 8);
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 8);
	cr_assert_eq(buf[0], 0x00, "no fault, tray closed");
	cr_assert_eq(buf[1], 0x00, "idle");
	cr_assert_eq(buf[5], 0, "no slot tables");
	cr_assert(start_stop(t, false).ok);
	cr_assert(emu_cmd(t, cdb, sizeof cdb, RAWCD_XFER_FROM_DEVICE, buf, 8).ok);
	cr_assert_eq(buf[0], 0x10, "door open");
	rawcd_transport_close(t);
}

/* What a real drive may refuse too, and the clients go on without: REZERO UNIT (01h, not MMC) and READ
 * BUFFER (3Ch) stay invalid operation codes. */
Test(emu_media, old_commands_stay_unknown)
{
	rawcd_transport *t = emu_open(NULL);
	uint8_t rezero[6] = {0x01};
	struct rawcd_cmd_result r = emu_cmd(t, rezero, sizeof rezero, RAWCD_XFER_NONE, NULL, 0);
	cr_assert(emu_sense_is(&r, 0x5, 0x20, 0x00));
	uint8_t read_buffer[10] = {0x3C, 0, 0, 0, 0, 0, 0, 0, 4, 0};
	r = emu_cmd(t, read_buffer, sizeof read_buffer, RAWCD_XFER_FROM_DEVICE, buf, 4);
	cr_assert(emu_sense_is(&r, 0x5, 0x20, 0x00));
	rawcd_transport_close(t);
}
