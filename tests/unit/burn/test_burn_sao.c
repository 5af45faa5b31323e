/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rawcd_burn() in SAO with a cue sheet against the emulated recorder: the mixed sheet's cue sheet entry
 * by entry; the blocks received equal to `rawcd convert --format bin` from LBA 0 on (the pregap -150..-1
 * as the stream gives it, the CD-TEXT as R-W over the lead-in); forced SAO, the automatic fallback to SAO
 * when RAW is refused, a drive without SAO, a refused cue sheet, simulation, verify, progress, retries
 * and cancel.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "burn_fixture.h"

TestSuite(burn_sao, .init = bf_setup, .fini = bf_teardown, .timeout = 120);

#define SECTOR 2352
#define RW_BLOCK 96
#define LEADIN_BLOCKS 11475  /* -11625 .. -151 */
#define LEADOUT 1300         /* the mixed sheet: 300 + 150 + 400 + 450 */
#define CUE_ENTRIES 15

/* The mixed sheet (burn_fixture.h) laid out: track 1 Mode 1 at 0-299; track 2 audio (CONTROL 3: DCP,
 * PRE) with its PREGAP at 300, INDEX 01 at 450, INDEX 02 at 675; track 3 audio (CONTROL 0) INDEX 00 at
 * 850, INDEX 01 at 925; lead-out 1300. MSF = LBA + 150 frames: 300 → 00:06:00, 450 → 00:08:00,
 * 675 → 00:11:00, 850 → 00:13:25, 925 → 00:14:25, 1300 → 00:19:25. */
static const uint8_t mixed_cue[CUE_ENTRIES][8] = {
	{0x02, '4', '0', '0', '6', '3', '8', '1'},  /* CATALOG 4006381333931 */
	{0x02, '3', '3', '3', '9', '3', '1', 0x00},
	{0x41, 0x00, 0x00, 0x41, 0x00, 0, 0, 0},    /* lead-in: CD-DA generated + R-W from the host */
	{0x41, 0x01, 0x00, 0x11, 0x00, 0, 0, 0},    /* track 1, Mode 1 raw, INDEX 00 at LBA -150 */
	{0x41, 0x01, 0x01, 0x11, 0x00, 0, 2, 0},
	{0x33, 0x02, 'U', 'S', 'R', 'C', '1', '7'}, /* ISRC USRC17607839 */
	{0x33, 0x02, '6', '0', '7', '8', '3', '9'},
	{0x31, 0x02, 0x00, 0x00, 0x00, 0, 6, 0},
	{0x31, 0x02, 0x01, 0x00, 0x00, 0, 8, 0},
	{0x31, 0x02, 0x02, 0x00, 0x00, 0, 11, 0},
	{0x03, 0x03, 'G', 'B', 'X', 'Y', 'Z', '0'}, /* ISRC GBXYZ0100001 */
	{0x03, 0x03, '1', '0', '0', '0', '0', '1'},
	{0x01, 0x03, 0x00, 0x00, 0x00, 0, 13, 25},
	{0x01, 0x03, 0x01, 0x00, 0x00, 0, 14, 25},
	{0x01, 0xAA, 0x01, 0x01, 0x00, 0, 19, 25},  /* lead-out, CONTROL of track 3 */
};

Test(burn_sao, cue_sheet_of_the_mixed_sheet)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	uint8_t buf[CUE_ENTRIES * 8];
	size_t len = 0;
	cr_assert_eq(rawcd_mmc_cue_sheet_length(d), sizeof(buf));
	cr_assert_eq(rawcd_mmc_build_cue_sheet(buf, sizeof(buf), &len, d, true), RAWCD_OK);
	cr_assert_eq(len, sizeof(buf));
	for (size_t i = 0; i < CUE_ENTRIES; i++)
		for (size_t k = 0; k < 8; k++)
			cr_assert_eq(buf[i * 8 + k], mixed_cue[i][k], "entry %zu byte %zu: %02Xh, expected %02Xh", i, k,
				     buf[i * 8 + k], mixed_cue[i][k]);
	rawcd_disc_free(d);
}

/* What `rawcd convert --format bin` writes for the sheet: 2352-byte sectors from LBA 0 to the lead-out. */
static uint8_t *expected_bin(const struct rawcd_disc *d, size_t *size)
{
	struct rawcd_image_options io = RAWCD_IMAGE_OPTIONS_INIT;
	io.format = RAWCD_IMAGE_BIN;
	rawcd_diag *diag = rawcd_diag_new();
	int rc = rawcd_image_write(d, bf_path("expected.bin"), &io, diag);
	cr_assert_eq(rc, RAWCD_OK, "rawcd_image_write: %s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	return bf_read_file(bf_path("expected.bin"), size);
}

/* Track 1's pregap, LBA -150..-1, as the sector stream generates it (unscrambled). */
static void expected_pregap(const struct rawcd_disc *d, uint8_t out[150 * SECTOR])
{
	struct rawcd_stream_options so = RAWCD_STREAM_OPTIONS_INIT;
	so.first_lba = -150;
	rawcd_stream *st = NULL;
	cr_assert_eq(rawcd_stream_new(&st, d, &so, NULL), RAWCD_OK);
	size_t have = 0;
	while (have < 150) {
		size_t n = 0;
		int32_t lba = 0;
		cr_assert_eq(rawcd_stream_read(st, out + have * SECTOR, 150 - have, &n, &lba), RAWCD_OK);
		cr_assert_eq(lba, -150 + (int32_t)have);
		cr_assert_gt(n, 0);
		have += n;
	}
	rawcd_stream_free(st);
}

/* The sink file holds @p leadin 96-byte R-W blocks, then 2352-byte blocks from LBA -150 equal to the
 * stream's pregap and the BIN image; the R-W carry no P and Q (the drive writes them). */
static void compare_received(const struct rawcd_disc *d, size_t leadin)
{
	size_t got_size, bin_size;
	uint8_t *got = bf_read_file(bf_path("received.raw"), &got_size);
	uint8_t *bin = expected_bin(d, &bin_size);
	uint8_t *pregap = malloc(150 * SECTOR);
	cr_assert_not_null(pregap);
	expected_pregap(d, pregap);
	cr_assert_eq(bin_size, (size_t)LEADOUT * SECTOR);
	cr_assert_eq(got_size, leadin * RW_BLOCK + 150 * SECTOR + bin_size, "received %zu bytes", got_size);
	for (size_t i = 0; i < leadin * RW_BLOCK; i++)
		cr_assert_eq(got[i] & 0xC0, 0, "lead-in byte %zu has P or Q bits", i);
	const uint8_t *main = got + leadin * RW_BLOCK;
	cr_assert(memcmp(main, pregap, 150 * SECTOR) == 0, "the pregap differs from the stream's");
	for (size_t lba = 0; lba < LEADOUT; lba++)
		cr_assert(memcmp(main + (150 + lba) * SECTOR, bin + lba * SECTOR, SECTOR) == 0, "LBA %zu differs", lba);
	/* data sectors go unscrambled: the first Mode 1 sector starts with the sync pattern */
	static const uint8_t sync[12] = {0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00};
	cr_assert(memcmp(main + 150 * SECTOR, sync, sizeof(sync)) == 0);
	free(got);
	free(bin);
	free(pregap);
}

/* No WRITE(10) crosses -150 (lead-in R-W to Mode 1 raw) or 300 (Mode 1 raw to CD-DA); they run
 * consecutively from @p first to the lead-out with the block size of their region. */
static void assert_writes(const rawcd_transport *t, int32_t first)
{
	int32_t next = first;
	for (size_t i = 0; i < rawcd_emu_command_count(t); i++) {
		const struct rawcd_emu_command *c = rawcd_emu_command_get(t, i);
		if (c->opcode != RAWCD_MMC_OP_WRITE10 || !c->ok)
			continue;
		int32_t end = c->lba + (int32_t)c->blocks;
		cr_assert_eq(c->lba, next, "WRITE at %d, expected %d", c->lba, next);
		cr_assert(!(c->lba < -150 && end > -150), "WRITE %d..%d crosses LBA -150", c->lba, end);
		cr_assert(!(c->lba < 300 && end > 300), "WRITE %d..%d crosses LBA 300", c->lba, end);
		cr_assert_eq(c->len, c->blocks * (size_t)(c->lba < -150 ? RW_BLOCK : SECTOR));
		cr_assert_leq(c->len, RAWCD_MAX_TRANSFER_DEFAULT);
		next = end;
	}
	cr_assert_eq(next, LEADOUT, "the last block is the one before the lead-out");
}

static struct rawcd_burn_options sao_options(void)
{
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.write_mode = RAWCD_WRITE_SAO;
	return o;
}

Test(burn_sao, forced_sao_is_received_block_for_block)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.sink_path = bf_path("received.raw");
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_options o = sao_options();
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	uint64_t total = LEADIN_BLOCKS + 150 + LEADOUT;
	cr_assert_eq(r.mode, RAWCD_WRITE_SAO);
	cr_assert_eq(r.write_type, 2);
	cr_assert_eq(r.data_block_type, 3, "cdrdao's page for a CD-TEXT lead-in");
	cr_assert_eq(r.block_size, 2352);
	cr_assert_eq(r.first_lba, LEADIN_LBA);
	cr_assert_eq(r.leadout_lba, LEADOUT);
	cr_assert_eq(r.total, total);
	cr_assert_eq(r.written, total);
	cr_assert_eq(r.cue_sheet_length, CUE_ENTRIES * 8);
	cr_assert(r.cdtext_written);
	cr_assert_not(r.disc_unusable);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, ""), 0);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, ""), 0, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "write mode sao (write type SAO, data block type 3, a cue "
				   "sheet, the CD-TEXT in 96-byte R-W blocks over the lead-in"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "as --write-mode asked"), 1);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_MODE_SELECT10), 1, "a forced mode tries no other");

	struct rawcd_emu_state s = bf_state(t);
	cr_assert_eq(s.disc_status, 2, "the disc is complete");
	cr_assert_eq(s.write_type, 2);
	cr_assert_eq(s.data_block_type, 3);
	cr_assert_eq(s.session_format, 0x00);
	cr_assert_eq(s.cue_sheets, 1);
	cr_assert_eq(s.cue_sheets_refused, 0);
	cr_assert_eq(s.cue_sheet_length, CUE_ENTRIES * 8);
	cr_assert_eq(s.sao_blocks, total);
	cr_assert_eq(s.blocks, total);
	cr_assert_eq(s.leadin_blocks, LEADIN_BLOCKS);
	cr_assert_eq(s.pregap_blocks, 150);
	cr_assert_eq(s.program_blocks, LEADOUT);
	cr_assert_eq(s.leadout_frames, 0, "the drive writes the lead-out");
	cr_assert_gt(s.cdtext_packs, 0);
	cr_assert_eq(s.syncs, 1);

	/* the order: MODE SELECT, SET CD SPEED, SEND CUE SHEET, the WRITEs, SYNCHRONIZE CACHE */
	size_t cue = bf_find_op(t, RAWCD_MMC_OP_SEND_CUE_SHEET, 0);
	cr_assert_lt(bf_find_op(t, RAWCD_MMC_OP_MODE_SELECT10, 0), cue);
	cr_assert_lt(bf_find_op(t, RAWCD_MMC_OP_SET_CD_SPEED, 0), cue);
	cr_assert_lt(cue, bf_find_op(t, RAWCD_MMC_OP_WRITE10, 0));
	cr_assert_eq(rawcd_emu_command_get(t, cue)->len, CUE_ENTRIES * 8);
	cr_assert_eq(rawcd_emu_command_get(t, cue)->cdb[8], CUE_ENTRIES * 8);
	cr_assert_gt(bf_find_op(t, RAWCD_MMC_OP_SYNCHRONIZE_CACHE, 0),
		     bf_find_op(t, RAWCD_MMC_OP_WRITE10, s.writes - 1));
	assert_writes(t, LEADIN_LBA);
	compare_received(d, LEADIN_BLOCKS);

	/* the disc read back: the TOC the drive made from the cue sheet */
	struct rawcd_toc *toc = malloc(sizeof(*toc));
	cr_assert_not_null(toc);
	cr_assert_eq(rawcd_drive_read_toc(t, toc, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(toc->track_count, 3);
	cr_assert_eq(toc->tracks[0].start_lba, 0);
	cr_assert_eq(toc->tracks[0].control, 4);
	cr_assert_eq(toc->tracks[1].start_lba, 450);
	cr_assert_eq(toc->tracks[1].control, 3);
	cr_assert_eq(toc->tracks[2].start_lba, 925);
	cr_assert_eq(toc->leadout_lba, LEADOUT);
	free(toc);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_sao, without_r_w_the_cd_text_is_not_written)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.sink_path = bf_path("received.raw");
	cfg.cd_mastering_clear = 0x01; /* no R-W in feature 002Eh */
	cfg.max_transfer = 32768;      /* 13 blocks of 2352 a WRITE */
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_options o = sao_options();
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(r.data_block_type, 0);
	cr_assert_eq(r.first_lba, -150);
	cr_assert_eq(r.total, 150 + LEADOUT);
	cr_assert_not(r.cdtext_written);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "the sheet has CD-TEXT, which SAO writes only as R-W over "
				   "the lead-in (SAO with data block type 3 and the CD-TEXT lead-in: the drive does not "
				   "report R-W in feature 002Eh): the CD-TEXT is not written"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "write mode sao (write type SAO, data block type 0"), 1);
	struct rawcd_emu_state s = bf_state(t);
	cr_assert_eq(s.disc_status, 2);
	cr_assert_eq(s.leadin_blocks, 0);
	cr_assert_eq(s.cdtext_packs, 0);
	cr_assert_eq(s.sao_blocks, 150 + LEADOUT);
	assert_writes(t, -150);
	compare_received(d, 0);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_sao, raw_refused_falls_back_to_sao)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.refused_raw_block_types = 1u << 1 | 1u << 3;
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(r.mode, RAWCD_WRITE_SAO);
	cr_assert_eq(r.data_block_type, 3);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_MODE_SELECT10), 3, "RAW/3, RAW/1, then SAO/3");
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "write mode sao (write type SAO, data block type 3"), 1,
		     "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "the drive refused RAW with data block type 3 (sense "
				   "5/26/00"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, " and RAW with data block type 1 (sense 5/26/00"), 1);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, ""), 0, "%s", bf_diag_text(diag));
	struct rawcd_emu_state s = bf_state(t);
	cr_assert_eq(s.disc_status, 2);
	cr_assert_eq(s.sao_blocks, r.total);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_sao, sao_with_cd_text_refused_falls_back_to_sao_without)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.refused_raw_block_types = 1u << 1 | 1u << 3;
	/* the third MODE SELECT (SAO, data block type 3) is refused too */
	const struct rawcd_emu_fault f = {RAWCD_MMC_OP_MODE_SELECT10, 3, 1, 0, RAWCD_EMU_FAULT_SENSE, 5, 0x26, 0x00, 0};
	cfg.faults = &f;
	cfg.fault_count = 1;
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(r.mode, RAWCD_WRITE_SAO);
	cr_assert_eq(r.data_block_type, 0);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_MODE_SELECT10), 4);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "and SAO with data block type 3 and the CD-TEXT lead-in "
				   "(sense 5/26/00"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "the CD-TEXT is not written"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_state(t).disc_status, 2);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_sao, a_drive_without_sao_and_raw_writes_nothing)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.refused_raw_block_types = 0xFFFF;
	cfg.cd_mastering_clear = 0x20;
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_options o = sao_options();
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	int rc = bf_burn(t, d, &o, &r, &diag);
	cr_assert_eq(rc, RAWCD_E_IO, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "the drive refused write mode sao (SAO with data block type "
				   "3 and the CD-TEXT lead-in (the drive does not report SAO in feature 002Eh, CD "
				   "Mastering) and SAO with data block type 0 (the drive does not report SAO"), 1,
		     "%s", bf_diag_text(diag));
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_MODE_SELECT10), 0, "nothing asked that the features rule out");
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_SEND_CUE_SHEET), 0);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_WRITE10), 0);
	cr_assert_not(r.started);
	cr_assert_eq(r.written, 0);
	cr_assert_eq(bf_state(t).disc_status, 0);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);

	/* the same in automatic mode, and with SAO refused by MODE SELECT instead */
	cfg.cd_mastering_clear = 0;
	cfg.refused_write_types = 1u << RAWCD_MMC_WRITE_SAO;
	t = bf_open(&cfg);
	rc = bf_burn(t, d, NULL, &r, &diag);
	cr_assert_eq(rc, RAWCD_E_IO);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "the drive accepted no write mode: RAW with data block type "
				   "3 (sense 5/26/00"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "and SAO with data block type 0 (sense 5/26/00"), 1);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_MODE_SELECT10), 4);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_WRITE10), 0);
	cr_assert_eq(bf_state(t).disc_status, 0);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_sao, a_cue_sheet_over_the_drives_maximum_is_not_sent)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.max_cue_sheet_length = 64;
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_options o = sao_options();
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_E_IO);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "the cue sheet is 120 bytes, over the 64 that feature "
				   "002Eh says the drive takes"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_SEND_CUE_SHEET), 0);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_WRITE10), 0);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_sao, a_refused_cue_sheet_fails_with_nothing_written)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	const struct rawcd_emu_fault f = {RAWCD_MMC_OP_SEND_CUE_SHEET, 1, 0, 0, RAWCD_EMU_FAULT_SENSE, 5, 0x26, 0x00, 0};
	rawcd_transport *t = bf_open_faults(&f, 1);
	struct rawcd_burn_options o = sao_options();
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	int rc = bf_burn(t, d, &o, &r, &diag);
	cr_assert_eq(rc, RAWCD_E_IO);
	cr_assert_eq(rawcd_error_exit_status(rc), 3);
	char sentence[RAWCD_SENSE_MESSAGE_MAX];
	struct rawcd_sense sense;
	cr_assert_eq(rawcd_sense_from_codes(&sense, 5, 0x26, 0x00), RAWCD_OK);
	snprintf(sentence, sizeof(sentence), "%s", sense.message);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "the drive refused the cue sheet (SEND CUE SHEET of 15 "
				   "entries, 120 bytes): sense 5/26/00"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, sentence), 1, "the sense as a sentence");
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "nothing was written"), 1);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_WRITE10), 0);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_SYNCHRONIZE_CACHE), 0);
	cr_assert_not(r.started);
	cr_assert_not(r.disc_unusable);
	cr_assert_eq(bf_state(t).disc_status, 0);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_sao, simulate_leaves_the_disc_blank)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_options o = sao_options();
	o.simulate = true;
	o.verify = true;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert(r.test_write);
	cr_assert_not(r.verified);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "--verify skipped"), 1);
	const struct rawcd_emu_command *sel = rawcd_emu_command_get(t, bf_find_op(t, RAWCD_MMC_OP_MODE_SELECT10, 0));
	cr_assert(sel->test_write);
	cr_assert_eq(sel->write_type, 2);
	struct rawcd_emu_state s = bf_state(t);
	cr_assert(s.recording_test);
	cr_assert_eq(s.disc_status, 0, "a Test Write leaves the disc blank");
	cr_assert_eq(s.sao_blocks, r.total);
	cr_assert_not(s.cue_sheet, "the recording ended");
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn_sao, verify_after_sao_finds_nothing)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_options o = sao_options();
	o.verify = true;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert(r.verified);
	cr_assert_eq(r.verify_mismatches, 0, "%s", bf_diag_text(diag));
	cr_assert_eq(r.verify_unchecked, 0, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, 0, "verify:"), 0, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);

	/* another sheet does not match the disc the cue sheet made: track 3 and the lead-out moved */
	bf_mixed_sheet(30);
	struct rawcd_disc *other = bf_load();
	struct rawcd_verify_report v = {0};
	diag = rawcd_diag_new();
	cr_assert_eq(rawcd_burn_verify(t, other, &v, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(v.mismatches, 4, "%u: %s", v.mismatches, bf_diag_text(diag));
	rawcd_disc_free(other);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

struct progress_log {
	unsigned phases;
	uint64_t last_done;
	bool monotonic;
};

static void log_progress(void *user, const struct rawcd_burn_progress *p)
{
	struct progress_log *l = user;
	l->monotonic &= p->done >= l->last_done;
	l->last_done = p->done;
	l->phases |= 1u << p->phase;
}

Test(burn_sao, progress_and_busy_resends)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	const struct rawcd_emu_fault f[] = {
		{RAWCD_MMC_OP_WRITE10, 5, 3, 0, RAWCD_EMU_FAULT_SENSE, 2, 0x04, 0x08, 0},
		{RAWCD_MMC_OP_SEND_CUE_SHEET, 1, 1, 0, RAWCD_EMU_FAULT_SENSE, 2, 0x04, 0x08, 0},
		{RAWCD_MMC_OP_WRITE10, 30, 1, 0, RAWCD_EMU_FAULT_RECOVERED, 1, 0x17, 0x01, 0},
	};
	rawcd_transport *t = bf_open_faults(f, 3);
	struct rawcd_burn_options o = sao_options();
	struct progress_log l = {.monotonic = true};
	struct rawcd_burn_result r;
	rawcd_diag *diag = rawcd_diag_new();
	int rc = rawcd_burn(t, d, &o, log_progress, &l, NULL, &r, diag);
	cr_assert_eq(rc, RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(r.retries, 4, "3 WRITEs and the cue sheet resent");
	cr_assert_eq(r.recovered, 1);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_SEND_CUE_SHEET), 2);
	cr_assert(l.monotonic);
	cr_assert_eq(l.last_done, r.total);
	unsigned want = 1u << RAWCD_BURN_PREPARING | 1u << RAWCD_BURN_LEADIN | 1u << RAWCD_BURN_PROGRAM |
			1u << RAWCD_BURN_FINISHING;
	cr_assert_eq(l.phases, want, "phases %x: no lead-out written by the host", l.phases);
	struct rawcd_emu_state s = bf_state(t);
	cr_assert_eq(s.sao_blocks, r.total);
	cr_assert_eq(s.disc_status, 2);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

static volatile sig_atomic_t cancel_flag;

static void cancel_at_5000(void *user, const struct rawcd_burn_progress *p)
{
	(void)user;
	if (p->done >= 5000)
		cancel_flag = 1;
}

Test(burn_sao, cancel_flushes_and_says_unusable)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_options o = sao_options();
	struct rawcd_burn_result r;
	rawcd_diag *diag = rawcd_diag_new();
	cancel_flag = 0;
	int rc = rawcd_burn(t, d, &o, cancel_at_5000, NULL, &cancel_flag, &r, diag);
	cr_assert_eq(rc, RAWCD_E_CANCELED, "%s", bf_diag_text(diag));
	cr_assert_lt(r.written, r.total);
	cr_assert(r.disc_unusable);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "the disc is unusable (an SAO write cannot be resumed)"), 1,
		     "%s", bf_diag_text(diag));
	struct rawcd_emu_state s = bf_state(t);
	cr_assert_eq(s.syncs, 1, "the cache was flushed");
	cr_assert_eq(s.disc_status, 1, "a recording that stopped before the lead-out leaves the disc incomplete");
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}
