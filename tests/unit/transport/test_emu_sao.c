/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The emulated recorder in session-at-once (emulated.h): SEND CUE SHEET accepted only in write type SAO
 * and only when well-formed (each rule broken once, 5/26/00; lengths 5/1A/00), then WRITE(10) of blocks
 * sized by the data form of their region, consecutive from LBA -150 (from the lead-in start with the
 * CD-TEXT lead-in), one data form a command, and after SYNCHRONIZE CACHE a disc whose TOC, MCN and ISRCs
 * come from the cue sheet.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "emu_util.h"
#include "rawcd/error.h"
#include "rawcd/toc.h"

#define SECTOR 2352
#define E 8

/* A data track (Mode 1 raw) at LBA -150 / 0, an audio track with an ISRC: INDEX 00 at 300 (00:06:00),
 * INDEX 01 at 450 (00:08:00); the lead-out at 750 (00:12:00). */
static const uint8_t sheet[][E] = {
	{0x41, 0x00, 0x00, 0x14, 0x00, 0, 0, 0},    /* lead-in, Mode 1 generated */
	{0x41, 0x01, 0x00, 0x11, 0x00, 0, 0, 0},
	{0x41, 0x01, 0x01, 0x11, 0x00, 0, 2, 0},
	{0x03, 0x02, 'U', 'S', 'R', 'C', '1', '7'},
	{0x03, 0x02, '6', '0', '7', '8', '3', '9'},
	{0x01, 0x02, 0x00, 0x00, 0x00, 0, 6, 0},
	{0x01, 0x02, 0x01, 0x00, 0x00, 0, 8, 0},
	{0x01, 0xAA, 0x01, 0x01, 0x00, 0, 12, 0},
};
#define ENTRIES (sizeof(sheet) / sizeof(sheet[0]))
#define LEADOUT 750

static const uint8_t mcn[2][E] = {
	{0x02, '1', '2', '3', '4', '5', '6', '7'},
	{0x02, '8', '9', '0', '1', '2', '3', 0x00},
};

static struct rawcd_cmd_result send_cue(rawcd_transport *t, const void *data, size_t len)
{
	uint8_t cdb[RAWCD_CDB_MAX] = {RAWCD_MMC_OP_SEND_CUE_SHEET};
	cdb[6] = (uint8_t)(len >> 16);
	cdb[7] = (uint8_t)(len >> 8);
	cdb[8] = (uint8_t)len;
	return emu_cmd(t, cdb, 10, RAWCD_XFER_TO_DEVICE, (void *)(uintptr_t)data, len);
}

static rawcd_transport *sao_drive(const struct rawcd_emu_config *cfg)
{
	rawcd_transport *t = emu_open(cfg);
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_SAO, 0, false, false).ok);
	return t;
}

/* @p n blocks of 2352 bytes with a recognisable pattern (the first byte the LBA's low byte). */
static uint8_t *main_blocks(int32_t lba, unsigned n)
{
	uint8_t *p = calloc(n, SECTOR);
	cr_assert_not_null(p);
	for (unsigned i = 0; i < n; i++)
		p[(size_t)i * SECTOR] = (uint8_t)(lba + (int32_t)i);
	return p;
}

static struct rawcd_cmd_result write_main(rawcd_transport *t, int32_t lba, unsigned n)
{
	uint8_t *p = main_blocks(lba, n);
	struct rawcd_cmd_result r = emu_write(t, lba, n, p, SECTOR);
	free(p);
	return r;
}

/* Write LBA @p from to @p to in commands of at most 26 blocks that stop at @p split. */
static void write_range(rawcd_transport *t, int32_t from, int32_t to, int32_t split)
{
	while (from < to) {
		int32_t end = from + 26 > to ? to : from + 26;
		if (from < split && end > split)
			end = split;
		struct rawcd_cmd_result r = write_main(t, from, (unsigned)(end - from));
		cr_assert(r.ok, "WRITE at %d: %02X/%02X", from, r.sense.asc, r.sense.ascq);
		from = end;
	}
}

Test(emu_sao, cue_sheet_needs_write_type_sao_and_a_blank_disc)
{
	rawcd_transport *t = emu_open(NULL);
	struct rawcd_cmd_result r = send_cue(t, sheet, sizeof(sheet));
	cr_assert(emu_sense_is(&r, 5, 0x2C, 0x00), "the default page is TAO");
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_SAO, 0, false, false).ok);
	r = send_cue(t, sheet, sizeof(sheet));
	cr_assert(r.ok);
	struct rawcd_emu_state s = emu_state(t);
	cr_assert(s.cue_sheet);
	cr_assert_eq(s.cue_sheet_length, sizeof(sheet));
	cr_assert_eq(s.cue_sheets, 2);
	cr_assert_eq(s.cue_sheets_refused, 1);
	cr_assert_eq(emu_last(t)->opcode, RAWCD_MMC_OP_SEND_CUE_SHEET);
	cr_assert_eq(emu_last(t)->len, sizeof(sheet));
	/* a read-only open: EPERM, as for every write-class command */
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.read_only = true;
	rawcd_transport *ro = emu_open(&cfg);
	uint8_t cdb[RAWCD_CDB_MAX];
	struct rawcd_cmd_result res;
	int n = rawcd_mmc_cdb_send_cue_sheet(cdb, sizeof(sheet));
	cr_assert_eq(rawcd_transport_execute(ro, cdb, (size_t)n, RAWCD_XFER_TO_DEVICE, (void *)(uintptr_t)sheet,
					     sizeof(sheet), 0, &res), RAWCD_E_IO);
	cr_assert_eq(res.os_error, 1 /* EPERM */);
	rawcd_transport_close(ro);
	rawcd_transport_close(t);
}

Test(emu_sao, feature_002e_reports_the_maximum_cue_sheet_length)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	uint8_t buf[64];
	for (int pass = 0; pass < 2; pass++) {
		cfg.max_cue_sheet_length = pass ? 64 : 0;
		rawcd_transport *t = emu_open(&cfg);
		struct rawcd_cmd_result r = emu_get_config(t, 2, RAWCD_MMC_FEATURE_CD_MASTERING, buf, sizeof(buf));
		cr_assert(r.ok);
		struct rawcd_mmc_cd_mastering m;
		cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, buf, r.transferred), RAWCD_OK);
		cr_assert_eq(m.max_cue_sheet_length, pass ? 64u : 0x0F00u);
		cr_assert(m.sao);
		if (pass) {
			cr_assert(emu_select(t, RAWCD_MMC_WRITE_SAO, 0, false, false).ok);
			r = send_cue(t, sheet, sizeof(sheet)); /* 64 bytes: just fits */
			cr_assert(r.ok);
			uint8_t longer[sizeof(mcn) + sizeof(sheet)];
			memcpy(longer, mcn, sizeof(mcn));
			memcpy(longer + sizeof(mcn), sheet, sizeof(sheet));
			r = send_cue(t, longer, sizeof(longer));
			cr_assert(emu_sense_is(&r, 5, 0x1A, 0x00), "over the maximum");
		}
		rawcd_transport_close(t);
	}
}

/* The sheet with entry @p at changed to @p entry (or removed when NULL) is refused with 5/26/00. */
static void assert_refused_change(size_t at, const uint8_t *entry, const char *what)
{
	uint8_t copy[sizeof(sheet)];
	size_t len = sizeof(sheet);
	memcpy(copy, sheet, sizeof(sheet));
	if (entry) {
		memcpy(copy + at * E, entry, E);
	} else {
		memmove(copy + at * E, copy + (at + 1) * E, len - (at + 1) * E);
		len -= E;
	}
	rawcd_transport *t = sao_drive(NULL);
	struct rawcd_cmd_result r = send_cue(t, copy, len);
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00), "%s: %X/%02X/%02X", what, r.sense.key, r.sense.asc, r.sense.ascq);
	struct rawcd_emu_state s = emu_state(t);
	cr_assert_not(s.cue_sheet, "%s", what);
	cr_assert_eq(s.cue_sheets_refused, 1);
	rawcd_transport_close(t);
}

Test(emu_sao, cue_sheet_rules)
{
	static const uint8_t leadin_time[E] = {0x41, 0x00, 0x00, 0x14, 0x00, 0, 0, 1};
	static const uint8_t leadin_form[E] = {0x41, 0x00, 0x00, 0x11, 0x00, 0, 0, 0};
	static const uint8_t not_leadin[E] = {0x41, 0x01, 0x00, 0x11, 0x00, 0, 0, 0};
	static const uint8_t first_index1[E] = {0x41, 0x01, 0x01, 0x11, 0x00, 0, 0, 0};
	static const uint8_t first_late[E] = {0x41, 0x01, 0x00, 0x11, 0x00, 0, 0, 1};
	static const uint8_t reserved_form[E] = {0x41, 0x01, 0x01, 0x12, 0x00, 0, 2, 0};
	static const uint8_t generated_form[E] = {0x01, 0x02, 0x01, 0x01, 0x00, 0, 8, 0};
	static const uint8_t sub_form[E] = {0x01, 0x02, 0x01, 0x40, 0x00, 0, 8, 0};
	static const uint8_t bad_scms[E] = {0x01, 0x02, 0x01, 0x00, 0x01, 0, 8, 0};
	static const uint8_t tno_jump[E] = {0x01, 0x03, 0x01, 0x00, 0x00, 0, 8, 0};
	static const uint8_t index_jump[E] = {0x01, 0x02, 0x02, 0x00, 0x00, 0, 8, 0};
	static const uint8_t msf_back[E] = {0x01, 0x02, 0x01, 0x00, 0x00, 0, 5, 74};
	static const uint8_t msf_same[E] = {0x01, 0x02, 0x01, 0x00, 0x00, 0, 6, 0};
	static const uint8_t msf_bad[E] = {0x01, 0x02, 0x01, 0x00, 0x00, 0, 60, 0};
	static const uint8_t isrc_lower[E] = {0x03, 0x02, 'u', 'S', 'R', 'C', '1', '7'};
	static const uint8_t isrc_digit[E] = {0x03, 0x02, '6', '0', '7', '8', '3', 'X'};
	static const uint8_t isrc_other[E] = {0x03, 0x01, 'U', 'S', 'R', 'C', '1', '7'};
	static const uint8_t adr_5[E] = {0x05, 0x02, 0x00, 0x00, 0x00, 0, 6, 0};
	static const uint8_t leadout_index[E] = {0x01, 0xAA, 0x00, 0x01, 0x00, 0, 12, 0};
	static const uint8_t leadout_form[E] = {0x01, 0xAA, 0x01, 0x00, 0x00, 0, 12, 0};
	static const uint8_t leadout_early[E] = {0x01, 0xAA, 0x01, 0x01, 0x00, 0, 8, 0};
	assert_refused_change(0, leadin_time, "lead-in not at 00:00:00");
	assert_refused_change(0, leadin_form, "lead-in with a host data form");
	assert_refused_change(0, not_leadin, "no lead-in first");
	assert_refused_change(0, NULL, "no lead-in at all");
	assert_refused_change(1, first_index1, "the first track without INDEX 00 at 00:00:00");
	assert_refused_change(1, first_late, "the first track's INDEX 00 not at 00:00:00");
	assert_refused_change(2, reserved_form, "reserved data form 12h");
	assert_refused_change(6, generated_form, "a track in a generated form");
	assert_refused_change(6, sub_form, "a track with R-W from the host");
	assert_refused_change(6, bad_scms, "SCMS other than 00h or 80h");
	assert_refused_change(6, tno_jump, "TNO not in order");
	assert_refused_change(6, index_jump, "INDEX 00 then 02");
	assert_refused_change(6, msf_back, "MSF going back");
	assert_refused_change(6, msf_same, "MSF not increasing");
	assert_refused_change(6, msf_bad, "second 60");
	assert_refused_change(3, isrc_lower, "ISRC in lower case");
	assert_refused_change(4, isrc_digit, "ISRC year/serial not digits");
	assert_refused_change(3, isrc_other, "ISRC of another track");
	assert_refused_change(4, NULL, "one ISRC entry alone");
	assert_refused_change(5, adr_5, "ADR 5");
	assert_refused_change(7, leadout_index, "lead-out INDEX 00");
	assert_refused_change(7, leadout_form, "lead-out with a host data form");
	assert_refused_change(7, leadout_early, "lead-out before the last index");
	assert_refused_change(7, NULL, "no lead-out");
	assert_refused_change(2, NULL, "track 1 without INDEX 01");

	/* the MCN: 13 digits and a zero byte, before the lead-in; an MCN after it is refused */
	uint8_t with_mcn[sizeof(mcn) + sizeof(sheet)];
	memcpy(with_mcn, mcn, sizeof(mcn));
	memcpy(with_mcn + sizeof(mcn), sheet, sizeof(sheet));
	rawcd_transport *t = sao_drive(NULL);
	cr_assert(send_cue(t, with_mcn, sizeof(with_mcn)).ok);
	with_mcn[3] = 'A';
	struct rawcd_cmd_result r = send_cue(t, with_mcn, sizeof(with_mcn));
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00), "a letter in the MCN");
	with_mcn[3] = '3';
	with_mcn[15] = '0';
	r = send_cue(t, with_mcn, sizeof(with_mcn));
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00), "the MCN's last byte not zero");
	uint8_t late_mcn[sizeof(mcn) + sizeof(sheet)];
	memcpy(late_mcn, sheet, E);
	memcpy(late_mcn + E, mcn, sizeof(mcn));
	memcpy(late_mcn + E + sizeof(mcn), sheet[1], sizeof(sheet) - E);
	r = send_cue(t, late_mcn, sizeof(late_mcn));
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00), "the MCN after the lead-in");
	struct rawcd_emu_state s = emu_state(t);
	cr_assert(s.cue_sheet, "a refused sheet leaves the accepted one");
	cr_assert_eq(s.cue_sheet_length, sizeof(with_mcn));
	cr_assert_eq(s.cue_sheets_refused, 3);

	/* lengths: not whole entries (5/26/00); none, or not what the CDB says (5/1A/00) */
	r = send_cue(t, sheet, sizeof(sheet) - 1);
	cr_assert(emu_sense_is(&r, 5, 0x26, 0x00), "63 bytes");
	r = send_cue(t, sheet, 0);
	cr_assert(emu_sense_is(&r, 5, 0x1A, 0x00), "0 bytes");
	uint8_t cdb[RAWCD_CDB_MAX];
	int n = rawcd_mmc_cdb_send_cue_sheet(cdb, sizeof(sheet));
	r = emu_cmd(t, cdb, n, RAWCD_XFER_TO_DEVICE, (void *)(uintptr_t)sheet, sizeof(sheet) - E);
	cr_assert(emu_sense_is(&r, 5, 0x1A, 0x00), "less data than the CDB says");
	rawcd_transport_close(t);
}

static unsigned sink_blocks;
static size_t sink_size;

static int count_sink(void *user, int32_t lba, const uint8_t *data, size_t blocks, size_t block_size)
{
	(void)user;
	(void)lba;
	(void)data;
	sink_blocks += (unsigned)blocks;
	sink_size = block_size;
	return 0;
}

Test(emu_sao, writes_follow_the_cue_sheet_and_make_the_disc)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.sink = count_sink;
	sink_blocks = 0;
	rawcd_transport *t = sao_drive(&cfg);
	struct rawcd_cmd_result r = write_main(t, -150, 2);
	cr_assert(emu_sense_is(&r, 5, 0x2C, 0x00), "no cue sheet yet");
	uint8_t with_mcn[sizeof(mcn) + sizeof(sheet)];
	memcpy(with_mcn, mcn, sizeof(mcn));
	memcpy(with_mcn + sizeof(mcn), sheet, sizeof(sheet));
	cr_assert(send_cue(t, with_mcn, sizeof(with_mcn)).ok);

	r = write_main(t, -149, 2);
	cr_assert(emu_sense_is(&r, 5, 0x21, 0x02), "the recording starts at LBA -150");
	r = write_main(t, LEADIN_97_27_00, 2);
	cr_assert(emu_sense_is(&r, 5, 0x21, 0x02), "no lead-in from the host without R-W in the sheet");
	uint8_t *p = main_blocks(-150, 2);
	r = emu_write(t, -150, 2, p, RAW96_BLOCK);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00), "blocks of 2352 bytes in data form 11h");
	free(p);
	write_range(t, -150, 296, 300);
	r = write_main(t, 296, 8);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00), "one command must not span data forms 11h and 00h");
	write_range(t, 296, LEADOUT - 4, 300);
	r = write_main(t, LEADOUT - 4, 5);
	cr_assert(emu_sense_is(&r, 5, 0x21, 0x00), "the lead-out is the drive's");
	r = write_main(t, LEADOUT - 4, 4);
	cr_assert(r.ok);
	struct rawcd_emu_state s = emu_state(t);
	cr_assert(s.recording);
	cr_assert_eq(s.first_lba, -150);
	cr_assert_eq(s.sao_blocks, 150 + LEADOUT);
	cr_assert_eq(s.pregap_blocks, 150);
	cr_assert_eq(s.program_blocks, LEADOUT);
	cr_assert_eq(s.leadin_blocks, 0);
	cr_assert_eq(sink_blocks, 150 + LEADOUT);
	cr_assert_eq(sink_size, SECTOR);
	r = send_cue(t, sheet, sizeof(sheet));
	cr_assert(emu_sense_is(&r, 5, 0x2C, 0x00), "no new cue sheet during a recording");
	cr_assert(emu_sync(t, false).ok);

	s = emu_state(t);
	cr_assert_eq(s.disc_status, 2);
	cr_assert_not(s.cue_sheet, "dropped when the recording ended");
	uint8_t *buf = malloc(4096);
	cr_assert_not_null(buf);
	r = emu_read_toc(t, 2, buf, 4096);
	cr_assert(r.ok);
	struct rawcd_toc *toc = malloc(sizeof(*toc));
	cr_assert_not_null(toc);
	cr_assert_eq(rawcd_toc_decode(toc, 2, true, buf, r.transferred), RAWCD_OK);
	cr_assert_eq(toc->track_count, 2);
	cr_assert_eq(toc->tracks[0].start_lba, 0);
	cr_assert_eq(toc->tracks[0].control, 4);
	cr_assert_eq(toc->tracks[1].start_lba, 450);
	cr_assert_eq(toc->tracks[1].control, 0);
	cr_assert_eq(toc->leadout_lba, LEADOUT);
	free(toc);
	free(buf);
	struct rawcd_mmc_disc_info di;
	cr_assert(emu_disc_info(t, &di).ok);
	cr_assert_eq(di.disc_status, 2);
	cr_assert_eq(di.last_track_last_session, 2);
	cr_assert_eq(di.disc_type, 0x00, "page 05h's session format");

	/* READ SUB-CHANNEL: the MCN and the ISRC from the cue sheet */
	uint8_t cdb[RAWCD_CDB_MAX], sc_buf[RAWCD_MMC_SUBCHANNEL_LEN];
	struct rawcd_mmc_subchannel sc;
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_read_subchannel(cdb, 2, false, 0, sizeof(sc_buf)), RAWCD_XFER_FROM_DEVICE,
		    sc_buf, sizeof(sc_buf));
	cr_assert(r.ok);
	cr_assert_eq(rawcd_mmc_parse_subchannel(&sc, 2, false, sc_buf, r.transferred), RAWCD_OK);
	cr_assert(sc.valid);
	cr_assert_str_eq(sc.mcn, "1234567890123");
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_read_subchannel(cdb, 3, false, 2, sizeof(sc_buf)), RAWCD_XFER_FROM_DEVICE,
		    sc_buf, sizeof(sc_buf));
	cr_assert_eq(rawcd_mmc_parse_subchannel(&sc, 3, false, sc_buf, r.transferred), RAWCD_OK);
	cr_assert(sc.valid);
	cr_assert_str_eq(sc.isrc, "USRC17607839");
	cr_assert_eq(sc.adr, 3);
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_read_subchannel(cdb, 3, false, 1, sizeof(sc_buf)), RAWCD_XFER_FROM_DEVICE,
		    sc_buf, sizeof(sc_buf));
	cr_assert_eq(rawcd_mmc_parse_subchannel(&sc, 3, false, sc_buf, r.transferred), RAWCD_OK);
	cr_assert_not(sc.valid, "track 1 has no ISRC");

	r = send_cue(t, sheet, sizeof(sheet));
	cr_assert(emu_sense_is(&r, 5, 0x2C, 0x00), "the disc is no longer blank");
	rawcd_transport_close(t);
}

Test(emu_sao, a_recording_short_of_the_leadout_leaves_the_disc_incomplete)
{
	rawcd_transport *t = sao_drive(NULL);
	cr_assert(send_cue(t, sheet, sizeof(sheet)).ok);
	write_range(t, -150, 100, 300);
	cr_assert(emu_sync(t, true).ok);
	struct rawcd_emu_state s = emu_state(t);
	cr_assert_eq(s.disc_status, 1);
	cr_assert_not(s.recording);
	uint8_t buf[64];
	struct rawcd_cmd_result r = emu_read_toc(t, 0, buf, sizeof(buf));
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00), "no TOC on an incomplete disc");
	rawcd_transport_close(t);
}

Test(emu_sao, test_write_leaves_the_disc_blank)
{
	rawcd_transport *t = emu_open(NULL);
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_SAO, 0, true, false).ok);
	cr_assert(send_cue(t, sheet, sizeof(sheet)).ok);
	write_range(t, -150, LEADOUT, 300);
	struct rawcd_emu_state s = emu_state(t);
	cr_assert(s.recording_test);
	cr_assert_eq(s.disc_status, 0);
	cr_assert(emu_sync(t, false).ok);
	s = emu_state(t);
	cr_assert_eq(s.disc_status, 0);
	cr_assert_eq(s.sao_blocks, 150 + LEADOUT);
	rawcd_transport_close(t);
}

Test(emu_sao, the_cd_text_lead_in_comes_first_in_96_byte_blocks)
{
	uint8_t rw_sheet[sizeof(sheet)];
	memcpy(rw_sheet, sheet, sizeof(sheet));
	rw_sheet[3] = 0x41; /* lead-in: CD-DA generated, raw R-W from the host */
	rawcd_transport *t = sao_drive(NULL);
	cr_assert(send_cue(t, rw_sheet, sizeof(rw_sheet)).ok);
	struct rawcd_cmd_result r = write_main(t, -150, 2);
	cr_assert(emu_sense_is(&r, 5, 0x21, 0x02), "the R-W start at the ATIP lead-in start");
	uint8_t *rw = calloc(700, 96);
	cr_assert_not_null(rw);
	r = emu_write(t, LEADIN_97_27_00, 2, rw, SECTOR);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00), "96 bytes a lead-in block");
	int32_t lba = LEADIN_97_27_00;
	while (lba < -152) {
		unsigned n = -152 - lba > 680 ? 680 : (unsigned)(-152 - lba);
		r = emu_write(t, lba, n, rw, 96);
		cr_assert(r.ok, "lead-in WRITE at %d", lba);
		lba += (int32_t)n;
	}
	r = emu_write(t, -152, 3, rw, 96);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00), "a command spanning the lead-in and the pregap");
	cr_assert(emu_write(t, -152, 2, rw, 96).ok);
	write_range(t, -150, LEADOUT, 300);
	cr_assert(emu_sync(t, false).ok);
	struct rawcd_emu_state s = emu_state(t);
	cr_assert_eq(s.leadin_blocks, 11475);
	cr_assert_eq(s.sao_blocks, 11475 + 150 + LEADOUT);
	cr_assert_eq(s.first_lba, LEADIN_97_27_00);
	cr_assert_eq(s.cdtext_packs, 0, "zero R-W carry no pack");
	cr_assert_eq(s.disc_status, 2);
	free(rw);
	rawcd_transport_close(t);
}
