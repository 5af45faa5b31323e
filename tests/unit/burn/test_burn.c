/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd_burn() against the emulated recorder: a mixed sheet burned block for block as `rawcd convert
 * --format raw96 --lead-in=11625 --lead-out` writes it (data sectors scrambled), the page 05h the drive
 * got, the recorder's counts, simulation, write-mode choice, verify and reading the disc back. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "burn_fixture.h"

TestSuite(burn, .init = bf_setup, .fini = bf_teardown, .timeout = 120);

/* What rawcd_image_write() gives for the sheet with the burn's lead-in and lead-out. */
static uint8_t *expected_image(const struct rawcd_disc *d, enum rawcd_image_format format, size_t *size)
{
	struct rawcd_image_options io = RAWCD_IMAGE_OPTIONS_INIT;
	io.format = format;
	io.leadin_sectors = (uint32_t)-LEADIN_LBA;
	io.leadout_sectors = RAWCD_LEADOUT_DEFAULT;
	rawcd_diag *diag = rawcd_diag_new();
	int rc = rawcd_image_write(d, bf_path("expected.img"), &io, diag);
	cr_assert_eq(rc, RAWCD_OK, "rawcd_image_write: %s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	return bf_read_file(bf_path("expected.img"), size);
}

/* The received blocks equal the image's, except that the main channel of data sectors (the lead-in,
 * pregap and track 1, all in track 1's Mode 1 kind) arrived scrambled: descramble them first. Returns
 * how many blocks were descrambled. */
static size_t compare_received(const struct rawcd_disc *d, const uint8_t *got, size_t got_size,
			       const uint8_t *want, size_t want_size, size_t block)
{
	cr_assert_eq(got_size, want_size, "received %zu bytes, the image has %zu", got_size, want_size);
	cr_assert_eq(got_size % block, 0);
	int32_t data_end = d->tracks[1].pregap_lba; /* track 2 (audio) starts with its PREGAP */
	size_t scrambled = 0;
	uint8_t main[RAWCD_SECTOR_SIZE];
	for (size_t i = 0; i < got_size / block; i++) {
		int32_t lba = LEADIN_LBA + (int32_t)i;
		const uint8_t *g = got + i * block, *w = want + i * block;
		memcpy(main, g, RAWCD_SECTOR_SIZE);
		if (lba < data_end) {
			cr_assert(memcmp(main, w, RAWCD_SECTOR_SIZE) != 0, "LBA %d: the data sector was not scrambled",
				  lba);
			cr_assert_eq(rawcd_scramble_sectors(main, 1), RAWCD_OK);
			scrambled++;
		}
		cr_assert(memcmp(main, w, RAWCD_SECTOR_SIZE) == 0, "LBA %d: main channel differs", lba);
		cr_assert(memcmp(g + RAWCD_SECTOR_SIZE, w + RAWCD_SECTOR_SIZE, block - RAWCD_SECTOR_SIZE) == 0,
			  "LBA %d: subcode differs", lba);
	}
	return scrambled;
}

Test(burn, mixed_sheet_is_received_block_for_block)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.sink_path = bf_path("received.raw");
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	int rc = bf_burn(t, d, NULL, &r, &diag);
	cr_assert_eq(rc, RAWCD_OK, "%s", bf_diag_text(diag));

	int32_t leadout = rawcd_disc_leadout_lba(d);
	uint64_t total = (uint64_t)(leadout + 6750 - LEADIN_LBA);
	cr_assert_eq(leadout, 300 + 150 + 400 + 450);
	cr_assert_eq(r.mode, RAWCD_WRITE_RAW96R);
	cr_assert_eq(r.write_type, 3);
	cr_assert_eq(r.data_block_type, 3);
	cr_assert_eq(r.block_size, 2448);
	cr_assert_eq(r.first_lba, -11625);
	cr_assert_eq(r.total, total);
	cr_assert_eq(r.written, total);
	cr_assert(r.bufe);
	cr_assert_not(r.test_write);
	cr_assert_not(r.disc_unusable);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, ""), 0);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "write mode raw96r"), 1, "%s", bf_diag_text(diag));

	struct rawcd_emu_state s = bf_state(t);
	cr_assert_eq(s.disc_status, 2, "the disc is complete");
	cr_assert_eq(s.write_type, 3);
	cr_assert_eq(s.data_block_type, 3);
	cr_assert_not(s.test_write);
	cr_assert(s.bufe);
	cr_assert_eq(s.multisession, 0);
	cr_assert_eq(s.session_format, 0x00);
	cr_assert_eq(s.first_lba, -11625);
	cr_assert_eq(s.blocks, total);
	cr_assert_eq(s.bad_q_crc, 0);
	cr_assert_eq(s.leadin_blocks, 11475, "11,475 lead-in sectors before LBA -150");
	cr_assert_eq(s.leadin_toc_frames, 11475);
	cr_assert_eq(s.leadin_p_frames, 0);
	cr_assert_eq(s.leadin_bad_repeats, 0);
	cr_assert_eq(s.leadin_conflicts, 0);
	cr_assert_eq(s.pregap_blocks, 150);
	cr_assert_eq(s.pregap_p_frames, 150);
	cr_assert_eq(s.leadout_frames, 6750);
	cr_assert_eq(s.program_blocks, (uint64_t)leadout);
	cr_assert_gt(s.cdtext_packs, 0);
	cr_assert_eq(s.syncs, 1);
	cr_assert_eq(s.writes - s.writes_refused, r.write_commands);

	size_t got_size, want_size;
	uint8_t *got = bf_read_file(bf_path("received.raw"), &got_size);
	uint8_t *want = expected_image(d, RAWCD_IMAGE_RAW96, &want_size);
	size_t scrambled = compare_received(d, got, got_size, want, want_size, 2448);
	cr_assert_eq(scrambled, 11625 + 300, "lead-in, pregap and track 1 are Mode 1 data");
	free(got);
	free(want);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn, writes_are_consecutive_and_within_max_transfer)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.max_transfer = 32768; /* 13 blocks of 2448 */
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	int32_t next = LEADIN_LBA;
	size_t writes = 0, biggest = 0;
	for (size_t i = 0; i < rawcd_emu_command_count(t); i++) {
		const struct rawcd_emu_command *c = rawcd_emu_command_get(t, i);
		if (c->opcode != RAWCD_MMC_OP_WRITE10)
			continue;
		cr_assert_eq(c->lba, next, "WRITE %zu at LBA %d, expected %d", writes, c->lba, next);
		cr_assert_leq(c->len, 32768u);
		cr_assert_eq(c->len, (size_t)c->blocks * 2448);
		cr_assert_eq(c->timeout_ms, RAWCD_TIMEOUT_WRITE_MS);
		biggest = c->blocks > biggest ? c->blocks : biggest;
		next += (int32_t)c->blocks;
		writes++;
	}
	cr_assert_eq(biggest, 13);
	cr_assert_eq(next, rawcd_disc_leadout_lba(d) + 6750);
	cr_assert_eq(writes, r.write_commands);
	/* The order of DESIGN.md §5: MODE SELECT and SET CD SPEED before the first WRITE, SYNCHRONIZE CACHE
	 * (Immed) after the last, then TEST UNIT READY. */
	size_t first_write = bf_find_op(t, RAWCD_MMC_OP_WRITE10, 0);
	size_t last_write = bf_find_op(t, RAWCD_MMC_OP_WRITE10, writes - 1);
	size_t sync = bf_find_op(t, RAWCD_MMC_OP_SYNCHRONIZE_CACHE, 0);
	cr_assert_lt(bf_find_op(t, RAWCD_MMC_OP_MODE_SELECT10, 0), first_write);
	cr_assert_lt(bf_find_op(t, RAWCD_MMC_OP_SET_CD_SPEED, 0), first_write);
	cr_assert_lt(bf_find_op(t, RAWCD_MMC_OP_READ_TOC, 0), first_write);
	cr_assert_gt(sync, last_write);
	cr_assert(rawcd_emu_command_get(t, sync)->immed);
	cr_assert_eq(rawcd_emu_command_get(t, sync + 1)->opcode, RAWCD_MMC_OP_TEST_UNIT_READY);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn, simulate_sets_test_write_and_leaves_the_disc_blank)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.simulate = true;
	o.verify = true;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert(r.test_write);
	cr_assert_not(r.verified, "a simulation is not verified");
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "--verify skipped"), 1);
	size_t sel = bf_find_op(t, RAWCD_MMC_OP_MODE_SELECT10, 0);
	cr_assert_neq(sel, (size_t)-1);
	const struct rawcd_emu_command *c = rawcd_emu_command_get(t, sel);
	cr_assert(c->test_write);
	cr_assert_eq(c->write_type, 3);
	cr_assert_eq(c->data_block_type, 3);
	struct rawcd_emu_state s = bf_state(t);
	cr_assert(s.test_write);
	cr_assert(s.recording_test);
	cr_assert_eq(s.disc_status, 0, "a Test Write leaves the disc blank");
	cr_assert_eq(s.blocks, r.total);
	cr_assert_eq(s.bad_q_crc, 0);
	cr_assert_eq(s.leadin_blocks, 11475);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn, no_bufe_and_speed_reach_the_drive)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.no_bufe = true;
	o.write_speed = 1412;
	o.simulate = true;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	struct rawcd_emu_state s = bf_state(t);
	cr_assert_not(s.bufe);
	cr_assert_not(r.bufe);
	cr_assert_eq(s.write_speed, 1412);
	cr_assert_eq(s.read_speed, 0xFFFF);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "BUFE off (--no-bufe)"), 1, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn, drive_without_buf_gets_bufe_off)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.cd_mastering_clear = 0x40;
	cfg.cd_tao_clear = 0x40;
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.simulate = true;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	int rc = bf_burn(t, d, &o, &r, &diag);
	cr_assert_eq(rc, RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_not(bf_state(t).bufe);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "reports no BUF"), 1, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn, raw16_forced_sends_pq16_blocks)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.sink_path = bf_path("received.raw");
	rawcd_transport *t = bf_open(&cfg);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.write_mode = RAWCD_WRITE_RAW16;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(r.data_block_type, 1);
	cr_assert_eq(r.block_size, 2368);
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_MODE_SELECT10), 1, "a forced mode tries no other");
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_NOTE, "as --write-mode asked"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "CD-TEXT or CD+G, which raw16 cannot write"), 1);
	struct rawcd_emu_state s = bf_state(t);
	cr_assert_eq(s.data_block_type, 1);
	cr_assert_eq(s.bad_q_crc, 0);
	cr_assert_eq(s.cdtext_packs, 0);
	size_t got_size, want_size;
	uint8_t *got = bf_read_file(bf_path("received.raw"), &got_size);
	uint8_t *want = expected_image(d, RAWCD_IMAGE_PQ16, &want_size);
	cr_assert_eq(compare_received(d, got, got_size, want, want_size, 2368), 11625 + 300);
	free(got);
	free(want);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn, verify_after_a_burn_finds_nothing)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.verify = true;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert(r.verified);
	cr_assert_eq(r.verify_mismatches, 0, "%s", bf_diag_text(diag));
	cr_assert_eq(r.verify_unchecked, 0, "everything was checked: %s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, 0, "verify:"), 0, "%s", bf_diag_text(diag));
	/* The verify read formats 0 and 2 and the CD-TEXT after the SYNCHRONIZE CACHE, then the MCN and
	 * the ISRC of each of the 3 tracks. */
	size_t sync = bf_find_op(t, RAWCD_MMC_OP_SYNCHRONIZE_CACHE, 0);
	size_t toc_reads = 0, subchannel_reads[4] = {0};
	for (size_t i = sync; i < rawcd_emu_command_count(t); i++) {
		const struct rawcd_emu_command *c = rawcd_emu_command_get(t, i);
		if (c->opcode == RAWCD_MMC_OP_READ_TOC)
			toc_reads |= 1u << c->format;
		if (c->opcode == RAWCD_MMC_OP_READ_SUBCHANNEL && c->format < 4) {
			cr_assert(c->ok, "READ SUB-CHANNEL format %u: %02X/%02X", c->format, c->asc, c->ascq);
			subchannel_reads[c->format]++;
		}
	}
	cr_assert_eq(toc_reads & 0x25, 0x25, "formats 0, 2 and 5 read back (mask %zx)", toc_reads);
	cr_assert_eq(subchannel_reads[2], 1);
	cr_assert_eq(subchannel_reads[3], 3);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn, verify_against_another_sheet_counts_mismatches)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	rawcd_diag_free(diag);
	bf_mixed_sheet(30); /* track 3 starts 30 sectors later, the lead-out too */
	struct rawcd_disc *other = bf_load();
	struct rawcd_verify_report v = {99, 99};
	diag = rawcd_diag_new();
	cr_assert_eq(rawcd_burn_verify(t, other, &v, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	/* the lead-out, track 3's start, full TOC items 03h and A2h; the CD-TEXT, MCN and ISRCs are equal */
	cr_assert_eq(v.mismatches, 4, "%u: %s", v.mismatches, bf_diag_text(diag));
	cr_assert_eq(v.unchecked, 0);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "verify: track 03 starts at LBA 925"), 1,
		     "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "verify: the lead-out starts at LBA 1300 on the disc, "
				   "1330 in the sheet"), 1, "%s", bf_diag_text(diag));
	rawcd_disc_free(other);
	rawcd_diag_free(diag);

	/* another CATALOG and track 3's ISRC: the MCN and ISRCs the recorder received are read back */
	bf_mixed_sheet_ids(0, "4006381333948", "GBXYZ0100002");
	other = bf_load();
	diag = rawcd_diag_new();
	cr_assert_eq(rawcd_burn_verify(t, other, &v, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	/* the MCN, track 3's ISRC, and the CD-TEXT, whose 8Eh packs carry the UPC/EAN and ISRCs */
	cr_assert_eq(v.mismatches, 3, "%u: %s", v.mismatches, bf_diag_text(diag));
	cr_assert_eq(v.unchecked, 0);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "verify: the disc's MCN is \"4006381333931\", the "
				   "sheet's \"4006381333948\""), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "verify: track 03's ISRC is \"GBXYZ0100001\" on the "
				   "disc, \"GBXYZ0100002\" in the sheet"), 1, "%s", bf_diag_text(diag));
	rawcd_disc_free(other);
	rawcd_diag_free(diag);

	/* no CATALOG and no ISRC for track 3: what the disc has and the sheet lacks differs too */
	bf_mixed_sheet_ids(0, "", "");
	other = bf_load();
	diag = rawcd_diag_new();
	cr_assert_eq(rawcd_burn_verify(t, other, &v, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	/* the MCN, track 3's ISRC, and the CD-TEXT, whose 8Eh packs carry the UPC/EAN and ISRCs */
	cr_assert_eq(v.mismatches, 3, "%u: %s", v.mismatches, bf_diag_text(diag));
	cr_assert_eq(v.unchecked, 0, "an MCN check without an MCN in the sheet is still a check");
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "verify: the disc's MCN is \"4006381333931\", the "
				   "sheet's \"\""), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "verify: track 03's ISRC is \"GBXYZ0100001\" on the "
				   "disc, \"\" in the sheet"), 1, "%s", bf_diag_text(diag));
	rawcd_disc_free(other);

	v = (struct rawcd_verify_report){99, 99};
	cr_assert_eq(rawcd_burn_verify(t, d, &v, diag), RAWCD_OK);
	cr_assert_eq(v.mismatches, 0, "the sheet that was burned matches");
	cr_assert_eq(v.unchecked, 0);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

/* The occurrence (1-based, as faults count) of the first READ TOC of @p format after a burn with
 * verify on a recorder without faults: the same burn repeats the same commands. */
static unsigned toc_read_occurrence(const struct rawcd_disc *d, unsigned format)
{
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.verify = true;
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, &o, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	size_t sync = bf_find_op(t, RAWCD_MMC_OP_SYNCHRONIZE_CACHE, 0);
	unsigned occurrence = 0;
	for (size_t i = sync; i < rawcd_emu_command_count(t) && !occurrence; i++) {
		const struct rawcd_emu_command *c = rawcd_emu_command_get(t, i);
		if (c->opcode == RAWCD_MMC_OP_READ_TOC && c->format == format)
			occurrence = c->occurrence;
	}
	cr_assert_gt(occurrence, 0);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	return occurrence;
}

/* Burn @p d with verify on a recorder with @p faults; the burn must succeed. */
static rawcd_transport *burn_and_verify(const struct rawcd_disc *d, const struct rawcd_emu_fault *faults, size_t n,
					struct rawcd_burn_result *r, rawcd_diag **diag)
{
	rawcd_transport *t = bf_open_faults(faults, n);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	o.verify = true;
	cr_assert_eq(bf_burn(t, d, &o, r, diag), RAWCD_OK, "%s", bf_diag_text(*diag));
	cr_assert(r->verified);
	return t;
}

Test(burn, verify_reports_what_the_drive_could_not_read)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	/* a drive without READ SUB-CHANNEL that refuses READ TOC format 5 */
	struct rawcd_emu_fault faults[] = {
		{RAWCD_MMC_OP_READ_SUBCHANNEL, 1, 0, 0, RAWCD_EMU_FAULT_SENSE, 5, 0x20, 0x00, 0},
		{RAWCD_MMC_OP_READ_TOC, toc_read_occurrence(d, 5), 1, 0, RAWCD_EMU_FAULT_SENSE, 5, 0x24, 0x00, 0},
	};
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	rawcd_transport *t = burn_and_verify(d, faults, 2, &r, &diag);
	cr_assert_eq(r.verify_mismatches, 0, "%s", bf_diag_text(diag));
	cr_assert_eq(r.verify_unchecked, RAWCD_VERIFY_MCN | RAWCD_VERIFY_ISRC | RAWCD_VERIFY_CDTEXT, "%x: %s",
		     r.verify_unchecked, bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "verify: READ SUB-CHANNEL format 2 failed (sense 5/20/00"),
		     1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "verify: READ SUB-CHANNEL format 3 failed (sense 5/20/00"),
		     1, "after the first track, no more are asked for: %s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "verify: the sheet's CD-TEXT"), 1, "%s",
		     bf_diag_text(diag));
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);

	/* a sheet without CD-TEXT (one track, its ISRC also in the pregap's Q): a refused format 5 misses
	 * nothing, and READ SUB-CHANNEL checks the rest */
	static const char sheet[] = "CATALOG 4006381333931\nFILE \"a1.pcm\" BINARY\n  TRACK 01 AUDIO\n"
				    "    ISRC USRC17607839\n    INDEX 01 00:00:00\n";
	FILE *f = fopen(bf_path("t.cue"), "w");
	cr_assert_not_null(f);
	cr_assert_geq(fputs(sheet, f), 0);
	cr_assert_eq(fclose(f), 0);
	d = bf_load();
	faults[1].first = toc_read_occurrence(d, 5);
	t = burn_and_verify(d, faults + 1, 1, &r, &diag);
	cr_assert_eq(r.verify_mismatches, 0, "%s", bf_diag_text(diag));
	cr_assert_eq(r.verify_unchecked, 0, "%x: %s", r.verify_unchecked, bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "READ TOC format 5 was refused"), 1, "%s",
		     bf_diag_text(diag));
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn, verify_compares_the_isrcs_read_before_a_failure)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	/* READ SUB-CHANNEL number 4 (track 3's ISRC, after the MCN and tracks 1 and 2) is refused */
	struct rawcd_emu_fault fault = {RAWCD_MMC_OP_READ_SUBCHANNEL, 4, 1, 0, RAWCD_EMU_FAULT_SENSE, 5, 0x24, 0x00, 0};
	rawcd_transport *t = bf_open_faults(&fault, 1);
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	cr_assert_eq(bf_burn(t, d, NULL, &r, &diag), RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_READ_SUBCHANNEL), 0);
	rawcd_diag_free(diag);
	/* another CATALOG and another ISRC for track 3, which cannot be read */
	bf_mixed_sheet_ids(0, "4006381333948", "GBXYZ0100002");
	struct rawcd_disc *other = bf_load();
	struct rawcd_verify_report v = {99, 99};
	diag = rawcd_diag_new();
	cr_assert_eq(rawcd_burn_verify(t, other, &v, diag), RAWCD_OK, "%s", bf_diag_text(diag));
	/* the MCN and the CD-TEXT differ; track 2's ISRC was read and matches, track 3's is unchecked */
	cr_assert_eq(v.mismatches, 2, "%u: %s", v.mismatches, bf_diag_text(diag));
	cr_assert_eq(v.unchecked, RAWCD_VERIFY_ISRC, "%x", v.unchecked);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "verify: the disc's MCN is \"4006381333931\""), 1, "%s",
		     bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_WARNING, "verify: READ SUB-CHANNEL format 3 failed (sense 5/24/00"),
		     1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_diag_count(diag, 0, "ISRC is"), 0, "%s", bf_diag_text(diag));
	rawcd_disc_free(other);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn, verify_that_cannot_read_the_toc_checks_nothing)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	/* every READ TOC from the verify's first (format 2) on is refused */
	struct rawcd_emu_fault fault = {RAWCD_MMC_OP_READ_TOC, toc_read_occurrence(d, 2), 0, 0, RAWCD_EMU_FAULT_SENSE,
					5, 0x24, 0x00, 0};
	struct rawcd_burn_result r;
	rawcd_diag *diag;
	rawcd_transport *t = burn_and_verify(d, &fault, 1, &r, &diag);
	cr_assert_eq(r.verify_mismatches, 1, "an unreadable disc does not match");
	cr_assert_eq(r.verify_unchecked, RAWCD_VERIFY_TOC | RAWCD_VERIFY_MCN | RAWCD_VERIFY_ISRC | RAWCD_VERIFY_CDTEXT,
		     "%x", r.verify_unchecked);
	cr_assert_eq(bf_diag_count(diag, RAWCD_SEV_ERROR, "cannot read the TOC"), 1, "%s", bf_diag_text(diag));
	cr_assert_eq(bf_count_op(t, RAWCD_MMC_OP_READ_SUBCHANNEL), 0);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

Test(burn, bad_arguments)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	rawcd_transport *t = bf_open(NULL);
	struct rawcd_burn_options o = RAWCD_BURN_OPTIONS_INIT;
	cr_assert_eq(rawcd_burn(NULL, d, NULL, NULL, NULL, NULL, NULL, NULL), RAWCD_E_ARG);
	cr_assert_eq(rawcd_burn(t, NULL, NULL, NULL, NULL, NULL, NULL, NULL), RAWCD_E_ARG);
	o.version = 99;
	cr_assert_eq(rawcd_burn(t, d, &o, NULL, NULL, NULL, NULL, NULL), RAWCD_E_ARG);
	cr_assert_eq(rawcd_emu_command_count(t), 0);
	struct rawcd_verify_report m;
	cr_assert_eq(rawcd_burn_verify(t, d, NULL, NULL), RAWCD_E_ARG);
	cr_assert_eq(rawcd_burn_verify(NULL, d, &m, NULL), RAWCD_E_ARG);
	cr_assert_eq(rawcd_blank(t, (enum rawcd_blank_type)7, NULL), RAWCD_E_ARG);
	cr_assert_eq(rawcd_drive_probe(t, NULL, NULL), RAWCD_E_ARG);
	cr_assert_eq(rawcd_drive_read_toc(NULL, NULL, NULL), RAWCD_E_ARG);
	cr_assert_str_eq(rawcd_write_mode_name(RAWCD_WRITE_RAW96R), "raw96r");
	cr_assert_str_eq(rawcd_write_mode_name(RAWCD_WRITE_RAW16), "raw16");
	cr_assert_str_eq(rawcd_write_mode_name(RAWCD_WRITE_SAO), "sao");
	cr_assert_str_eq(rawcd_write_mode_name((enum rawcd_write_mode)42), "unknown");
	cr_assert_str_eq(rawcd_mode_support_name(RAWCD_MODE_REFUSED), "refused");
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}

struct progress_log {
	unsigned calls;
	uint64_t last_done;
	bool monotonic;
	unsigned phases;  /* bit per phase seen */
	int max_fill;
};

static void log_progress(void *user, const struct rawcd_burn_progress *p)
{
	struct progress_log *l = user;
	if (p->done < l->last_done)
		l->monotonic = false;
	l->last_done = p->done;
	l->phases |= 1u << p->phase;
	if (p->buffer_fill > l->max_fill)
		l->max_fill = p->buffer_fill;
	l->calls++;
}

Test(burn, progress_reports_phases_and_buffer_fill)
{
	bf_mixed_sheet(0);
	struct rawcd_disc *d = bf_load();
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.buffer_size = 4u << 20;
	cfg.drain_per_command = 57344; /* 6304 bytes a WRITE stay, READ BUFFER CAPACITY drains too */
	rawcd_transport *t = bf_open(&cfg);
	struct progress_log l = {.monotonic = true, .max_fill = -1};
	struct rawcd_burn_result r;
	rawcd_diag *diag = rawcd_diag_new();
	int rc = rawcd_burn(t, d, NULL, log_progress, &l, NULL, &r, diag);
	cr_assert_eq(rc, RAWCD_OK, "%s", bf_diag_text(diag));
	cr_assert(l.monotonic);
	cr_assert_eq(l.last_done, r.total);
	cr_assert_geq(l.calls, r.write_commands);
	unsigned want = 1u << RAWCD_BURN_PREPARING | 1u << RAWCD_BURN_LEADIN | 1u << RAWCD_BURN_PROGRAM |
			1u << RAWCD_BURN_LEADOUT | 1u << RAWCD_BURN_FINISHING;
	cr_assert_eq(l.phases, want, "phases %x", l.phases);
	cr_assert_gt(l.max_fill, 0, "READ BUFFER CAPACITY gave a fill");
	cr_assert_leq(l.max_fill, 100);
	cr_assert_gt(bf_count_op(t, RAWCD_MMC_OP_READ_BUFFER_CAPACITY), 0);
	rawcd_diag_free(diag);
	rawcd_transport_close(t);
	rawcd_disc_free(d);
}
