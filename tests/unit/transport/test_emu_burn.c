/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Whole burns into the emulated recorder: the image `rawcd convert --format raw96 --lead-in=11625
 * --lead-out` writes (made here through rawcd_image_write()) is sent as a raw DAO burn would send it
 * (page 05h RAW/3, WRITE(10)s of 26 blocks from the ATIP lead-in start 97:27:00 = LBA -11625, SYNCHRONIZE
 * CACHE with Immed, TEST UNIT READY until ready). The recorder must receive exactly the image's bytes,
 * count 11475 lead-in sectors that all carry TOC items, 150 pregap sectors with P, 6750 lead-out frames
 * and no bad CRC, and afterwards answer READ TOC formats 0, 1, 2 and 5 with what rawcd computes for the
 * sheet, and READ SUB-CHANNEL formats 2 and 3 with the MCN and ISRCs the program area carried. A Test
 * Write leaves the disc blank; a PQ-only burn with a small lead-in goes to a sink file.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emu_util.h"
#include "rawcd/cdtext.h"
#include "rawcd/cue.h"
#include "rawcd/disc.h"
#include "rawcd/error.h"
#include "rawcd/image.h"
#include "rawcd/sector.h"
#include "rawcd/subcode.h"
#include "rawcd/toc.h"

#define TRACK_SECTORS 300
#define TOC_MAX (4 + 18 * RAWCD_CDTEXT_MAX_PACKS)

static const char sheet[] = "PERFORMER \"Rawcd Tests\"\n"
			    "TITLE \"Emulated Burn\"\n"
			    "FILE \"audio.bin\" BINARY\n"
			    "  TRACK 01 AUDIO\n"
			    "    TITLE \"First\"\n"
			    "    PERFORMER \"Someone\"\n"
			    "    INDEX 01 00:00:00\n"
			    "  TRACK 02 AUDIO\n"
			    "    TITLE \"Second\"\n"
			    "    PERFORMER \"Someone Else\"\n"
			    "    INDEX 01 00:04:00\n";

static char dir[64];
static char img[128];
static struct rawcd_disc *disc;

static void write_file(const char *name, const void *data, size_t n)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(data, 1, n, f), n);
	fclose(f);
}

/* The same disc with a CATALOG and track 1's ISRC (track 2 has none). */
static const char sheet_ids[] = "CATALOG 4006381333931\n"
				"PERFORMER \"Rawcd Tests\"\n"
				"TITLE \"Emulated Burn\"\n"
				"FILE \"audio.bin\" BINARY\n"
				"  TRACK 01 AUDIO\n"
				"    TITLE \"First\"\n"
				"    ISRC USRC17607839\n"
				"    INDEX 01 00:00:00\n"
				"  TRACK 02 AUDIO\n"
				"    TITLE \"Second\"\n"
				"    INDEX 01 00:04:00\n";

/* @p text as the sheet, 600 sectors of audio, the disc, and its image in @p format with @p leadin
 * sectors. */
static void make_image_of(const char *text, enum rawcd_image_format format, uint32_t leadin, uint32_t leadout)
{
	snprintf(dir, sizeof dir, "/tmp/rawcd-emuburn-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	write_file("disc.cue", text, strlen(text));
	size_t n = (size_t)2 * TRACK_SECTORS * RAWCD_SECTOR_SIZE;
	uint8_t *audio = malloc(n);
	for (size_t i = 0; i < n; i++)
		audio[i] = (uint8_t)(i * 7 + i / 2352);
	write_file("audio.bin", audio, n);
	free(audio);
	char path[128];
	snprintf(path, sizeof path, "%s/disc.cue", dir);
	rawcd_diag *d = rawcd_diag_new();
	cr_assert_eq(rawcd_cue_load(&disc, path, NULL, d), RAWCD_OK);
	snprintf(img, sizeof img, "%s/disc.raw", dir);
	struct rawcd_image_options o = RAWCD_IMAGE_OPTIONS_INIT;
	o.format = format;
	o.leadin_sectors = leadin;
	o.leadout_sectors = leadout;
	cr_assert_eq(rawcd_image_write(disc, img, &o, d), RAWCD_OK);
	rawcd_diag_free(d);
}

static void make_image(enum rawcd_image_format format, uint32_t leadin, uint32_t leadout)
{
	make_image_of(sheet, format, leadin, leadout);
}

/* Run after each test, passed or failed (.fini): nothing is left in /tmp. */
static void remove_all(void)
{
	if (dir[0]) {
		char cmd[160];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			cr_log_warn("could not remove %s", dir);
		dir[0] = 0;
	}
	rawcd_disc_free(disc);
	disc = NULL;
}

/* A sink that compares what the recorder received with the image, block by block. */
struct compare {
	FILE *f;
	int32_t next_lba;
	uint64_t blocks, mismatched, out_of_order;
};

static int compare_sink(void *user, int32_t lba, const uint8_t *data, size_t blocks, size_t size)
{
	struct compare *c = user;
	uint8_t expect[RAW96_BLOCK];
	if (lba != c->next_lba)
		c->out_of_order++;
	for (size_t i = 0; i < blocks; i++) {
		if (fread(expect, 1, size, c->f) != size || memcmp(expect, data + i * size, size) != 0)
			c->mismatched++;
	}
	c->blocks += blocks;
	c->next_lba = lba + (int32_t)blocks;
	return 0;
}

/* Send the image from @p lba on as a burner does, resending on 2/04/08; returns blocks sent. */
static uint64_t burn(rawcd_transport *t, int32_t lba, size_t size, bool test_write)
{
	uint8_t cdb[RAWCD_CDB_MAX], atip[RAWCD_MMC_ATIP_LEN];
	cr_assert(emu_tur(t).ok);
	struct rawcd_cmd_result r = emu_read_toc(t, 4, atip, sizeof atip);
	struct rawcd_mmc_atip a;
	cr_assert_eq(rawcd_mmc_parse_atip(&a, atip, r.transferred), RAWCD_OK);
	cr_assert_eq(a.leadin_start_lba, lba);
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, size == PQ16_BLOCK ? 1 : 3, test_write, true).ok);
	cr_assert(emu_cmd(t, cdb, rawcd_mmc_cdb_set_cd_speed(cdb, 0xFFFF, 1764), RAWCD_XFER_NONE, NULL, 0).ok);
	FILE *f = fopen(img, "rb");
	cr_assert_not_null(f);
	size_t per = rawcd_transport_max_transfer(t) / size;
	uint8_t *chunk = malloc(per * size);
	uint64_t sent = 0;
	size_t got;
	while ((got = fread(chunk, size, per, f)) > 0) {
		for (int tries = 0;; tries++) {
			r = emu_write(t, lba, (unsigned)got, chunk, size);
			if (r.ok)
				break;
			cr_assert(emu_sense_is(&r, 2, 0x04, 0x08), "WRITE at %d: %s", lba, r.sense.message);
			cr_assert_lt(tries, 100);
		}
		lba += (int32_t)got;
		sent += got;
	}
	free(chunk);
	fclose(f);
	cr_assert(emu_sync(t, true).ok);
	while (!emu_tur(t).ok)
		;
	return sent;
}

static void assert_same_bytes(const uint8_t *got, size_t got_len, const uint8_t *want, size_t want_len,
			      const char *what)
{
	cr_assert_eq(got_len, want_len, "%s: %zu bytes, expected %zu", what, got_len, want_len);
	cr_assert_eq(memcmp(got, want, want_len), 0, "%s differs", what);
}

/* READ TOC formats 0, 1 and 2 equal what rawcd computes for the sheet. */
static void assert_toc_read_back(rawcd_transport *t)
{
	struct rawcd_toc *want = malloc(sizeof *want);
	cr_assert_eq(rawcd_toc_from_disc(want, disc), RAWCD_OK);
	uint8_t *got = malloc(TOC_MAX), *exp = malloc(TOC_MAX);
	for (unsigned format = 0; format <= 2; format++) {
		size_t n;
		cr_assert_eq(rawcd_toc_encode(want, (int)format, false, exp, TOC_MAX, &n), RAWCD_OK);
		struct rawcd_cmd_result r = emu_read_toc(t, format, got, TOC_MAX);
		cr_assert(r.ok, "format %u: %s", format, r.sense.message);
		char what[32];
		snprintf(what, sizeof what, "READ TOC format %u", format);
		assert_same_bytes(got, r.transferred, exp, n, what);
	}
	free(got);
	free(exp);
	free(want);
}

Test(emu_burn, raw96_image_from_9727_reads_back, .fini = remove_all)
{
	make_image(RAWCD_IMAGE_RAW96, 11625, RAWCD_LEADOUT_DEFAULT);
	struct compare cmp = {.f = fopen(img, "rb"), .next_lba = LEADIN_97_27_00};
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.sink = compare_sink;
	cfg.sink_user = &cmp;
	cfg.flush_polls = 4;
	rawcd_transport *t = emu_open(&cfg);

	uint64_t sent = burn(t, LEADIN_97_27_00, RAW96_BLOCK, false);
	cr_assert_eq(sent, 11625 + 2 * TRACK_SECTORS + 6750);
	cr_assert_eq(cmp.blocks, sent);
	cr_assert_eq(cmp.mismatched, 0, "the recorder received the image's bytes");
	cr_assert_eq(cmp.out_of_order, 0);

	struct rawcd_emu_state s = emu_state(t);
	cr_assert_eq(s.disc_status, 2);
	cr_assert(!s.recording);
	cr_assert_eq(s.first_lba, -11625);
	cr_assert_eq(s.blocks, sent);
	cr_assert_eq(s.bad_q_crc, 0);
	cr_assert_eq(s.leadin_blocks, 11475);
	cr_assert_eq(s.leadin_toc_frames, 11475);
	cr_assert_eq(s.leadin_p_frames, 0);
	cr_assert_eq(s.leadin_bad_repeats, 0, "every item on 3 frames");
	cr_assert_eq(s.leadin_conflicts, 0);
	cr_assert_eq(s.pregap_blocks, 150);
	cr_assert_eq(s.pregap_p_frames, 150);
	cr_assert_eq(s.program_blocks, 2 * TRACK_SECTORS);
	cr_assert_eq(s.leadout_frames, 6750);
	cr_assert_eq(s.write_type, 3);
	cr_assert_eq(s.data_block_type, 3);
	cr_assert(s.bufe);
	cr_assert_eq(s.write_speed, 1764);

	struct rawcd_mmc_disc_info di;
	cr_assert(emu_disc_info(t, &di).ok);
	cr_assert_eq(di.disc_status, 2);
	cr_assert_eq(di.last_track_last_session, 2);
	cr_assert_eq(di.disc_type, 0x00);
	assert_toc_read_back(t);

	/* CD-TEXT: the packs rawcd puts into the lead-in, read back as format 5 */
	struct rawcd_cdtext_packs packs;
	rawcd_diag *d = rawcd_diag_new();
	cr_assert_eq(rawcd_cdtext_for_disc(&packs, disc, d), RAWCD_OK);
	cr_assert_gt(packs.count, 0);
	cr_assert_eq(s.cdtext_packs, packs.count);
	uint8_t *got = malloc(TOC_MAX), *exp = malloc(TOC_MAX);
	size_t n;
	cr_assert_eq(rawcd_cdtext_encode_response(&packs, exp, TOC_MAX, &n), RAWCD_OK);
	struct rawcd_cmd_result r = emu_read_toc(t, 5, got, TOC_MAX);
	cr_assert(r.ok);
	assert_same_bytes(got, r.transferred, exp, n, "READ TOC format 5");
	struct rawcd_cdtext_packs back;
	cr_assert_eq(rawcd_emu_leadin_cdtext(&back, t), RAWCD_OK);
	cr_assert_eq(back.count, packs.count);
	cr_assert_eq(memcmp(back.pack, packs.pack, packs.count * RAWCD_CDTEXT_PACK_SIZE), 0);
	rawcd_cdtext_packs_finish(&back);
	rawcd_cdtext_packs_finish(&packs);
	free(got);
	free(exp);
	rawcd_diag_free(d);

	/* a complete CD-R: its features are no longer current, and nothing more can be written */
	uint8_t cfgbuf[64];
	r = emu_get_config(t, 1, RAWCD_MMC_FEATURE_CD_TAO, cfgbuf, sizeof cfgbuf);
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 8, "002Dh and 002Eh not current");
	uint8_t blk[RAW96_BLOCK];
	emu_block(blk, RAW96_BLOCK, LEADIN_97_27_00, true);
	r = emu_write(t, LEADIN_97_27_00, 1, blk, RAW96_BLOCK);
	cr_assert(emu_sense_is(&r, 5, 0x21, 0x02));
	/* READ TRACK INFORMATION of the burned tracks */
	uint8_t cdb[RAWCD_CDB_MAX], ti_buf[RAWCD_MMC_TRACK_INFO_LEN];
	r = emu_cmd(t, cdb, rawcd_mmc_cdb_read_track_information(cdb, 1, 2, sizeof ti_buf), RAWCD_XFER_FROM_DEVICE,
		    ti_buf, sizeof ti_buf);
	struct rawcd_mmc_track_info ti;
	cr_assert_eq(rawcd_mmc_parse_track_info(&ti, ti_buf, r.transferred), RAWCD_OK);
	cr_assert_eq(ti.track, 2);
	cr_assert_eq(ti.start, TRACK_SECTORS);
	cr_assert_eq(ti.track_size, TRACK_SECTORS);
	cr_assert(!ti.blank);

	fclose(cmp.f);
	rawcd_transport_close(t);
}

Test(emu_burn, test_write_leaves_the_disc_blank, .fini = remove_all)
{
	make_image(RAWCD_IMAGE_RAW96, 11625, RAWCD_LEADOUT_DEFAULT);
	rawcd_transport *t = emu_open(NULL);
	uint64_t sent = burn(t, LEADIN_97_27_00, RAW96_BLOCK, true);
	struct rawcd_emu_state s = emu_state(t);
	cr_assert_eq(s.blocks, sent);
	cr_assert_eq(s.leadout_frames, 6750);
	cr_assert_eq(s.disc_status, 0, "nothing burned");
	struct rawcd_mmc_disc_info di;
	cr_assert(emu_disc_info(t, &di).ok);
	cr_assert_eq(di.disc_status, 0);
	uint8_t buf[256];
	struct rawcd_cmd_result r = emu_read_toc(t, 0, buf, sizeof buf);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00), "a blank disc has no TOC");
	/* what the lead-in carried is still known */
	struct rawcd_toc *got = malloc(sizeof *got), *want = malloc(sizeof *want);
	cr_assert_eq(rawcd_emu_leadin_toc(got, t), RAWCD_OK);
	cr_assert_eq(rawcd_toc_from_disc(want, disc), RAWCD_OK);
	cr_assert_eq(got->track_count, 2);
	cr_assert_eq(got->leadout_lba, want->leadout_lba);
	cr_assert_eq(got->tracks[1].start_lba, TRACK_SECTORS);
	cr_assert_eq(got->full_count, want->full_count);
	/* then the real burn, from the lead-in start again */
	rawcd_emu_clear_log(t);
	sent = burn(t, LEADIN_97_27_00, RAW96_BLOCK, false);
	s = emu_state(t);
	cr_assert_eq(s.blocks, sent, "counters start again");
	cr_assert_eq(s.disc_status, 2);
	cr_assert_eq(rawcd_emu_command_get(t, 2)->opcode, RAWCD_MMC_OP_MODE_SELECT10);
	cr_assert(!rawcd_emu_command_get(t, 2)->test_write);
	assert_toc_read_back(t);
	free(got);
	free(want);
	rawcd_transport_close(t);
}

/* PQ-only blocks (data block type 1), a lead-in from 99:50:00 (LBA -900), a short lead-out, into a sink
 * file; one lead-in frame repeats an item with another value. */
Test(emu_burn, pq16_to_a_sink_file, .fini = remove_all)
{
	make_image(RAWCD_IMAGE_PQ16, 900, 200);
	/* spoil frame 16 (A0 of the second cycle: 3 frames x (A0 A1 A2 T1 T2)) with a new PMIN and CRC */
	FILE *f = fopen(img, "r+b");
	uint8_t q[16];
	cr_assert_eq(fseek(f, 16L * PQ16_BLOCK + RAWCD_SECTOR_SIZE, SEEK_SET), 0);
	cr_assert_eq(fread(q, 1, 16, f), 16);
	cr_assert_eq(q[2], 0xA0);
	q[7] = 0x02;
	rawcd_q_set_crc(q);
	cr_assert_eq(fseek(f, 16L * PQ16_BLOCK + RAWCD_SECTOR_SIZE, SEEK_SET), 0);
	cr_assert_eq(fwrite(q, 1, 16, f), 16);
	fclose(f);

	char sink[160];
	snprintf(sink, sizeof sink, "%s/received.raw", dir);
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.atip_leadin = (struct rawcd_msf){99, 50, 0};
	cfg.sink_path = sink;
	rawcd_transport *t = emu_open(&cfg);
	uint64_t sent = burn(t, -900, PQ16_BLOCK, false);
	cr_assert_eq(sent, 900 + 2 * TRACK_SECTORS + 200);
	struct rawcd_emu_state s = emu_state(t);
	cr_assert_eq(s.leadin_blocks, 750);
	cr_assert_eq(s.leadin_conflicts, 1);
	cr_assert_eq(s.bad_q_crc, 0);
	cr_assert_eq(s.leadout_frames, 200);
	cr_assert_eq(s.cdtext_packs, 0, "no R-W in PQ blocks");
	rawcd_transport_close(t); /* closes the sink file */

	FILE *a = fopen(img, "rb"), *b = fopen(sink, "rb");
	cr_assert(a && b);
	uint8_t x[PQ16_BLOCK], y[PQ16_BLOCK];
	uint64_t blocks = 0;
	size_t n;
	while ((n = fread(x, 1, sizeof x, a)) > 0) {
		cr_assert_eq(fread(y, 1, sizeof y, b), n);
		cr_assert_eq(memcmp(x, y, n), 0, "block %llu", (unsigned long long)blocks);
		blocks++;
	}
	cr_assert_eq(fread(y, 1, 1, b), 0, "nothing more in the sink file");
	cr_assert_eq(blocks, sent);
	fclose(a);
	fclose(b);
}

/* A raw recording from a lead-in at 99:59:00 (LBA -225) to LBA 74 whose lead-in Q holds A0 only, with no
 * lead-out yet; @p d is room for 25 raw96 blocks. */
static rawcd_transport *short_recording(uint8_t *d)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.atip_leadin = (struct rawcd_msf){99, 59, 0};
	rawcd_transport *t = emu_open(&cfg);
	cr_assert(emu_select(t, RAWCD_MMC_WRITE_RAW, 3, false, false).ok);
	for (int32_t lba = -225; lba < 75; lba += 25) {
		emu_blocks(d, RAW96_BLOCK, lba, 25, true);
		cr_assert(emu_write(t, lba, 25, d, RAW96_BLOCK).ok);
	}
	return t;
}

Test(emu_burn, raw_recording_without_a_lead_out_leaves_the_disc_incomplete)
{
	/* a burn stopped part way (SIGINT, an error): SYNCHRONIZE CACHE closes nothing that reads back */
	uint8_t *d = malloc((size_t)RAW96_BLOCK * 25);
	rawcd_transport *t = short_recording(d);
	cr_assert(emu_sync(t, false).ok);
	cr_assert_eq(emu_state(t).disc_status, 1, "incomplete");
	cr_assert_eq(emu_state(t).leadout_frames, 0);
	free(d);
	rawcd_transport_close(t);
}

Test(emu_burn, wrong_lead_in_makes_no_toc)
{
	/* a lead-in whose Q says nothing of A1/A2, then a lead-out: the disc completes, its TOC cannot be
	 * read */
	uint8_t *d = malloc((size_t)RAW96_BLOCK * 25);
	rawcd_transport *t = short_recording(d);
	emu_leadout_blocks(d, RAW96_BLOCK, 75, 25);
	cr_assert(emu_write(t, 75, 25, d, RAW96_BLOCK).ok);
	cr_assert(emu_sync(t, false).ok);
	cr_assert_eq(emu_state(t).disc_status, 2);
	uint8_t buf[256];
	struct rawcd_cmd_result r = emu_read_toc(t, 0, buf, sizeof buf);
	cr_assert(emu_sense_is(&r, 3, 0x57, 0x00));
	struct rawcd_toc *toc = malloc(sizeof *toc);
	cr_assert_eq(rawcd_emu_leadin_toc(toc, t), RAWCD_E_FORMAT);
	free(toc);
	free(d);
	rawcd_transport_close(t);
}

/* ---- READ SUB-CHANNEL ---- */

/* READ SUB-CHANNEL of @p format (any value) for @p track, SubQ set unless !subq, into @p buf (24 bytes). */
static struct rawcd_cmd_result read_subchannel(rawcd_transport *t, unsigned format, unsigned track, bool msf,
					       bool subq, uint8_t buf[RAWCD_MMC_SUBCHANNEL_LEN])
{
	uint8_t cdb[RAWCD_CDB_MAX];
	int n = rawcd_mmc_cdb_read_subchannel(cdb, 2, msf, track, RAWCD_MMC_SUBCHANNEL_LEN);
	cdb[3] = (uint8_t)format;
	if (!subq)
		cdb[2] = 0;
	memset(buf, 0xEE, RAWCD_MMC_SUBCHANNEL_LEN);
	return emu_cmd(t, cdb, n, RAWCD_XFER_FROM_DEVICE, buf, RAWCD_MMC_SUBCHANNEL_LEN);
}

/* Format @p format (2 or 3) for @p track, parsed; the command must succeed. */
static struct rawcd_mmc_subchannel subchannel(rawcd_transport *t, unsigned format, unsigned track)
{
	uint8_t buf[RAWCD_MMC_SUBCHANNEL_LEN];
	struct rawcd_cmd_result r = read_subchannel(t, format, track, false, true, buf);
	cr_assert(r.ok, "format %u track %u: %s", format, track, r.sense.message);
	cr_assert_eq(r.transferred, RAWCD_MMC_SUBCHANNEL_LEN);
	cr_assert_eq(buf[1], 0x15, "audio status: none to return");
	cr_assert_eq(buf[2] << 8 | buf[3], 20, "sub-channel data length");
	struct rawcd_mmc_subchannel sc;
	cr_assert_eq(rawcd_mmc_parse_subchannel(&sc, format, false, buf, r.transferred), RAWCD_OK);
	return sc;
}

static void assert_refused(rawcd_transport *t, unsigned format, unsigned track)
{
	uint8_t buf[RAWCD_MMC_SUBCHANNEL_LEN];
	struct rawcd_cmd_result r = read_subchannel(t, format, track, false, true, buf);
	cr_assert(emu_sense_is(&r, 5, 0x24, 0x00), "format %u track %u: %s", format, track, r.sense.message);
}

/* The MCN and track ISRCs of the sheet_ids burn (MCN, ISRC of track 1, none for track 2). */
static void assert_ids_read_back(rawcd_transport *t)
{
	struct rawcd_mmc_subchannel sc = subchannel(t, 2, 0);
	cr_assert(sc.valid, "MCVal");
	cr_assert_str_eq(sc.mcn, "4006381333931");
	sc = subchannel(t, 3, 1);
	cr_assert(sc.valid, "TCVal");
	cr_assert_str_eq(sc.isrc, "USRC17607839");
	cr_assert_eq(sc.adr, 3);
	cr_assert_eq(sc.control, 0, "audio, no flags");
	cr_assert_eq(sc.track, 1);
	sc = subchannel(t, 3, 2);
	cr_assert(!sc.valid, "track 2 has no ISRC");
	cr_assert_str_eq(sc.isrc, "");
	cr_assert_eq(sc.track, 2);
}

Test(emu_burn, read_subchannel_answers_the_mcn_and_isrcs_received, .fini = remove_all)
{
	make_image_of(sheet_ids, RAWCD_IMAGE_RAW96, 11625, RAWCD_LEADOUT_DEFAULT);
	rawcd_transport *t = emu_open(NULL);
	burn(t, LEADIN_97_27_00, RAW96_BLOCK, false);
	cr_assert_eq(emu_state(t).bad_q_crc, 0);
	assert_ids_read_back(t);
	cr_assert_eq(emu_last(t)->opcode, RAWCD_MMC_OP_READ_SUBCHANNEL);
	cr_assert_eq(emu_last(t)->format, 3, "the log names the format");

	/* the MSF bit changes nothing in formats 2 and 3; SubQ 0 returns the header only */
	uint8_t plain[RAWCD_MMC_SUBCHANNEL_LEN], msf[RAWCD_MMC_SUBCHANNEL_LEN];
	cr_assert(read_subchannel(t, 2, 0, false, true, plain).ok);
	cr_assert(read_subchannel(t, 2, 0, true, true, msf).ok);
	cr_assert_eq(memcmp(plain, msf, sizeof(plain)), 0);
	cr_assert_eq(plain[4], 2);
	cr_assert_eq(plain[22], 0);
	cr_assert_lt(plain[23], 75, "AFRAME");
	struct rawcd_cmd_result r = read_subchannel(t, 3, 1, false, false, plain);
	cr_assert(r.ok);
	cr_assert_eq(r.transferred, 4);
	cr_assert_eq(plain[1], 0x15);
	cr_assert_eq(plain[2] << 8 | plain[3], 0, "no sub-channel data");

	/* a track not on the disc, format 1 (no playback position) and other formats */
	assert_refused(t, 3, 3);
	assert_refused(t, 3, 0);
	assert_refused(t, 3, 0xAA);
	assert_refused(t, 1, 0);
	assert_refused(t, 0, 0);
	assert_refused(t, 4, 0);
	rawcd_transport_close(t);
}

Test(emu_burn, read_subchannel_needs_a_completed_burn, .fini = remove_all)
{
	make_image(RAWCD_IMAGE_RAW96, 11625, RAWCD_LEADOUT_DEFAULT);
	rawcd_transport *t = emu_open(NULL);
	assert_refused(t, 2, 0);
	assert_refused(t, 3, 1);
	burn(t, LEADIN_97_27_00, RAW96_BLOCK, true);
	assert_refused(t, 2, 0); /* a Test Write leaves the disc blank */
	assert_refused(t, 3, 1);
	burn(t, LEADIN_97_27_00, RAW96_BLOCK, false);
	/* a sheet without CATALOG or ISRC: valid answers with MCVal and TCVal 0 */
	struct rawcd_mmc_subchannel sc = subchannel(t, 2, 0);
	cr_assert(!sc.valid);
	cr_assert_str_eq(sc.mcn, "");
	for (unsigned track = 1; track <= 2; track++) {
		sc = subchannel(t, 3, track);
		cr_assert(!sc.valid, "track %u", track);
		cr_assert_eq(sc.track, track);
	}
	rawcd_transport_close(t);
}

/* Index of the first PQ16 block of the image whose Q has ADR @p adr; the image is @p blocks long. */
static size_t find_q(const uint8_t *img_data, size_t blocks, unsigned adr)
{
	for (size_t i = 0; i < blocks; i++)
		if ((img_data[i * PQ16_BLOCK + RAWCD_SECTOR_SIZE] & 0x0F) == adr)
			return i;
	cr_assert_fail("no ADR %u frame", adr);
	return 0;
}

/* PQ-only blocks: the first MCN frame has a bad CRC and another MCN (ignored), every ISRC frame of track
 * 1 after the first another ISRC (the first one seen is kept). */
Test(emu_burn, read_subchannel_keeps_the_first_good_value, .fini = remove_all)
{
	make_image_of(sheet_ids, RAWCD_IMAGE_PQ16, 900, 200);
	FILE *f = fopen(img, "r+b");
	cr_assert_not_null(f);
	size_t blocks = 900 + 2 * TRACK_SECTORS + 200;
	uint8_t *data = malloc(blocks * PQ16_BLOCK);
	cr_assert_eq(fread(data, PQ16_BLOCK, blocks, f), blocks);
	uint8_t *mcn = data + find_q(data, blocks, 2) * PQ16_BLOCK + RAWCD_SECTOR_SIZE;
	cr_assert_eq(mcn[1], 0x40, "the MCN's first digits 4, 0");
	mcn[1] = 0x90;
	rawcd_q_set_crc(mcn);
	mcn[10] ^= 0xFF;
	size_t isrc_frames = 0;
	for (size_t i = 0; i < blocks; i++) {
		uint8_t *q = data + i * PQ16_BLOCK + RAWCD_SECTOR_SIZE;
		if ((q[0] & 0x0F) != 3 || isrc_frames++ == 0)
			continue;
		cr_assert_eq(q[8] >> 4, 9, "the ISRC's last digit");
		q[8] &= 0x0F;
		rawcd_q_set_crc(q);
	}
	cr_assert_geq(isrc_frames, 3, "track 1's pregap and program carry its ISRC");
	rewind(f);
	cr_assert_eq(fwrite(data, PQ16_BLOCK, blocks, f), blocks);
	fclose(f);
	free(data);

	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.atip_leadin = (struct rawcd_msf){99, 50, 0};
	rawcd_transport *t = emu_open(&cfg);
	cr_assert_eq(burn(t, -900, PQ16_BLOCK, false), blocks);
	cr_assert_eq(emu_state(t).bad_q_crc, 1);
	assert_ids_read_back(t);
	rawcd_transport_close(t);
}
