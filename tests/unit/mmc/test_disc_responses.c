/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The disc-side parsers of src/mmc/responses.c: READ DISC INFORMATION, READ TOC format 4 (ATIP, with
 * the TOCs some drives send in its place), READ TRACK INFORMATION, READ BUFFER CAPACITY and READ
 * SUB-CHANNEL; on:
 *  - QEMU's emulated drives (research/burn.md §2b), byte by byte from qemu/qemu hw/scsi/scsi-disk.c
 *    at 00a17d80 (scsi_read_disc_information) and hw/block/cdrom.c at 003f8dbc (cdrom_read_toc, the
 *    format-0 TOC the ATAPI emulation sends for a format-4 request);
 *  - a real drive's full TOC as readcd -fulltoc printed it (Herong Yang, "readcd -fulltoc - Data CD
 *    Sample", herongyang.com/CD-DVD/CD-TOC-cdrtools-Data-CD.html);
 *  - hand-made responses of a blank CD-R recorder with the research lab's fake drive's values (ATIP
 *    lead-in 97:27:00, research/burn.md §2d) laid out by MMC's field tables;
 *  - malformed responses, each refused with RAWCD_E_FORMAT.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/mmc.h"
#include "rawcd/toc.h"

/* ---- READ DISC INFORMATION ---- */

/* QEMU scsi-cd: a complete disc (byte 2 = 0Eh: last session complete, disc complete), one track, one
 * session, URU; the rest 0. */
static const uint8_t qemu_disc_info[34] = {0x00, 0x20, 0x0E, 0x01, 0x01, 0x01, 0x01, 0x20};

/* A blank CD-R: status 0, first track 1, 1 session, tracks 1-1, URU; lead-in 97:27:00 in bytes 17-19,
 * last possible lead-out 79:59:74 in bytes 21-23. */
static const uint8_t blank_disc_info[34] = {
	0x00, 0x20, 0x00, 0x01, 0x01, 0x01, 0x01, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x61, 0x1B, 0x00, 0x00, 0x4F, 0x3B, 0x4A,
};

Test(mmc_disc_info, qemu_complete_disc)
{
	struct rawcd_mmc_disc_info d;
	cr_assert_eq(rawcd_mmc_parse_disc_info(&d, qemu_disc_info, sizeof qemu_disc_info), RAWCD_OK);
	cr_assert_eq(d.disc_status, 2);
	cr_assert_eq(d.last_session_state, 3);
	cr_assert_not(d.erasable);
	cr_assert_eq(d.first_track, 1);
	cr_assert_eq(d.sessions, 1);
	cr_assert_eq(d.first_track_last_session, 1);
	cr_assert_eq(d.last_track_last_session, 1);
	cr_assert(d.uru && !d.did_v && !d.dbc_v);
	cr_assert_eq(d.disc_type, 0x00);
}

Test(mmc_disc_info, blank_cd_r)
{
	struct rawcd_mmc_disc_info d;
	cr_assert_eq(rawcd_mmc_parse_disc_info(&d, blank_disc_info, sizeof blank_disc_info), RAWCD_OK);
	cr_assert_eq(d.disc_status, 0, "blank");
	cr_assert_eq(d.last_session_state, 0);
	cr_assert(d.leadin_valid && d.leadout_valid);
	cr_assert_eq(d.leadin_start.m, 97);
	cr_assert_eq(d.leadin_start.s, 27);
	cr_assert_eq(d.leadin_start.f, 0);
	cr_assert_eq(d.leadin_start_lba, -11625);
	cr_assert_eq(d.last_leadout_start_lba, 359849);
}

Test(mmc_disc_info, erasable_multisession_complete)
{
	uint8_t b[34];
	memcpy(b, blank_disc_info, sizeof b);
	b[2] = 0x10 | 0x04 | 0x01; /* erasable, last session incomplete, disc incomplete */
	b[4] = 0x02;
	b[9] = 0x01; /* 258 sessions: MSB in byte 9 */
	b[7] = 0x80;
	b[12] = 0x12;
	b[15] = 0x78;
	b[8] = 0x20;
	memset(b + 16, 0xFF, 8); /* no lead-in, no lead-out: FFs */
	struct rawcd_mmc_disc_info d;
	cr_assert_eq(rawcd_mmc_parse_disc_info(&d, b, sizeof b), RAWCD_OK);
	cr_assert(d.erasable);
	cr_assert_eq(d.disc_status, 1);
	cr_assert_eq(d.last_session_state, 1);
	cr_assert_eq(d.sessions, 258);
	cr_assert(d.did_v);
	cr_assert_eq(d.disc_id, 0x12000078);
	cr_assert_eq(d.disc_type, 0x20);
	cr_assert_not(d.leadin_valid);
	cr_assert_not(d.leadout_valid);
}

Test(mmc_disc_info, malformed)
{
	struct rawcd_mmc_disc_info d;
	uint8_t b[34];
	cr_assert_eq(rawcd_mmc_parse_disc_info(&d, blank_disc_info, 33), RAWCD_E_FORMAT);
	memcpy(b, blank_disc_info, sizeof b);
	b[1] = 0x1F;
	cr_assert_eq(rawcd_mmc_parse_disc_info(&d, b, sizeof b), RAWCD_E_FORMAT);
	memcpy(b, blank_disc_info, sizeof b);
	b[2] = 0x20; /* data type 001b: track resources, not the disc information asked for */
	cr_assert_eq(rawcd_mmc_parse_disc_info(&d, b, sizeof b), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_mmc_parse_disc_info(&d, NULL, 34), RAWCD_E_ARG);
}

/* ---- READ TOC format 4 (ATIP) ---- */

/* Blank CD-R: writing power 5, reference speed 2, restricted use, CD-R subtype 3, lead-in 97:27:00,
 * last possible lead-out 79:59:74, no A1-A3. ATIP data length 1Ah. */
static const uint8_t atip_cd_r[28] = {
	0x00, 0x1A, 0x00, 0x00, 0xD2, 0x00, 0x98, 0x00, 0x61, 0x1B, 0x00, 0x00, 0x4F, 0x3B, 0x4A, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

/* CD-RW, unrestricted, A1 and A2 valid, lead-in 96:40:00, lead-out 74:43:74, A1 and A2 values. */
static const uint8_t atip_cd_rw[28] = {
	0x00, 0x1A, 0x00, 0x00, 0xB0, 0x40, 0xC6, 0x00, 0x60, 0x28, 0x00, 0x00, 0x4A, 0x2B, 0x4A, 0x00,
	0x41, 0x22, 0x10, 0x00, 0x33, 0x44, 0x55, 0x00, 0x00, 0x00, 0x00, 0x00,
};

Test(mmc_atip, cd_r)
{
	struct rawcd_mmc_atip a;
	cr_assert_eq(rawcd_mmc_parse_atip(&a, atip_cd_r, sizeof atip_cd_r), RAWCD_OK);
	cr_assert_eq(a.writing_power, 5);
	cr_assert_eq(a.reference_speed, 2);
	cr_assert_not(a.uru);
	cr_assert_not(a.disc_is_rw);
	cr_assert_eq(a.disc_subtype, 3);
	cr_assert(!a.a1_valid && !a.a2_valid && !a.a3_valid);
	cr_assert_eq(a.leadin_start.m, 97);
	cr_assert_eq(a.leadin_start.s, 27);
	cr_assert_eq(a.leadin_start.f, 0);
	cr_assert_eq(a.leadin_start_lba, -11625, "DESIGN.md §5: 97:27:00 is LBA -11625");
	cr_assert_eq(a.last_leadout_start.m, 79);
	cr_assert_eq(a.last_leadout_start_lba, 359849);
	/* The 11,475 lead-in blocks before the pregap (DESIGN.md §5). */
	cr_assert_eq(-150 - a.leadin_start_lba, 11475);
}

Test(mmc_atip, cd_rw)
{
	struct rawcd_mmc_atip a;
	cr_assert_eq(rawcd_mmc_parse_atip(&a, atip_cd_rw, sizeof atip_cd_rw), RAWCD_OK);
	cr_assert(a.disc_is_rw && a.uru && a.a1_valid && a.a2_valid && !a.a3_valid);
	cr_assert_eq(a.writing_power, 3);
	cr_assert_eq(a.reference_speed, 0);
	cr_assert_eq(a.disc_subtype, 0);
	cr_assert_eq(a.leadin_start_lba, -15150);
	cr_assert_eq(a.last_leadout_start_lba, 336149);
	cr_assert_eq(a.a1[0], 0x41);
	cr_assert_eq(a.a1[2], 0x10);
	cr_assert_eq(a.a2[1], 0x44);
	cr_assert_eq(a.a3[0], 0);
}

Test(mmc_atip, short_form_and_lead_in_range)
{
	struct rawcd_mmc_atip a;
	uint8_t b[28];
	/* Data length 16h, 24 bytes: no A3. */
	memcpy(b, atip_cd_rw, sizeof b);
	b[1] = 0x16;
	b[24] = 0x77;
	cr_assert_eq(rawcd_mmc_parse_atip(&a, b, 24), RAWCD_OK);
	cr_assert_eq(a.a2[0], 0x33);
	cr_assert_eq(a.a3[0], 0, "A3 past the data length is not read");
	/* Minute 80 is the first accepted; it counts back from LBA 0 too. */
	memcpy(b, atip_cd_r, sizeof b);
	b[8] = 80;
	b[9] = 0;
	cr_assert_eq(rawcd_mmc_parse_atip(&a, b, sizeof b), RAWCD_OK);
	cr_assert_eq(a.leadin_start_lba, -90150);
	b[8] = 99;
	b[9] = 59;
	b[10] = 74;
	cr_assert_eq(rawcd_mmc_parse_atip(&a, b, sizeof b), RAWCD_OK);
	cr_assert_eq(a.leadin_start_lba, -151, "99:59:74 is the block before 00:00:00 (LBA -150)");
}

Test(mmc_atip, malformed)
{
	struct rawcd_mmc_atip a = {.leadin_start_lba = 7};
	uint8_t b[28];
	cr_assert_eq(rawcd_mmc_parse_atip(&a, atip_cd_r, 23), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_mmc_parse_atip(&a, atip_cd_r, 3), RAWCD_E_FORMAT);
	memcpy(b, atip_cd_r, sizeof b);
	b[1] = 0x15;
	cr_assert_eq(rawcd_mmc_parse_atip(&a, b, sizeof b), RAWCD_E_FORMAT);
	const struct {
		size_t at;
		uint8_t value;
	} bad[] = {
		{8, 79},  /* lead-in minute below 80 */
		{8, 100}, /* minute over 99 */
		{9, 60},  /* second 60 */
		{10, 75}, /* frame 75 */
		{12, 100}, {13, 60}, {14, 75}, /* the lead-out likewise */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memcpy(b, atip_cd_r, sizeof b);
		b[bad[i].at] = bad[i].value;
		cr_assert_eq(rawcd_mmc_parse_atip(&a, b, sizeof b), RAWCD_E_FORMAT, "byte %zu = %u", bad[i].at,
			     bad[i].value);
	}
	cr_assert_eq(a.leadin_start_lba, 7, "written on failure");
	cr_assert_eq(rawcd_mmc_parse_atip(NULL, atip_cd_r, 28), RAWCD_E_ARG);
}

Test(mmc_atip, qemu_atapi_answers_format_0)
{
	/* QEMU's ide-cd reads the format from CDB byte 9, so the ATIP request 43 02 04 ... 1C 00 gets
	 * cdrom_read_toc's format-0 TOC in MSF (a 1000-sector image: track 1 at 00:02:00, lead-out at
	 * 00:15:25) with GOOD status; the rest of the 28-byte buffer stays 0. */
	const uint8_t b[28] = {0x00, 0x12, 0x01, 0x01, 0x00, 0x14, 0x01, 0x00, 0x00, 0x00,
			       0x02, 0x00, 0x00, 0x16, 0xAA, 0x00, 0x00, 0x00, 0x0F, 0x19};
	struct rawcd_toc toc;
	cr_assert_eq(rawcd_toc_decode(&toc, 0, true, b, sizeof b), RAWCD_OK, "it is a valid format-0 TOC");
	cr_assert_eq(toc.leadout_lba, 1000);
	struct rawcd_mmc_atip a;
	cr_assert_eq(rawcd_mmc_parse_atip(&a, b, sizeof b), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_mmc_parse_atip(&a, b, 20), RAWCD_E_FORMAT);
}

Test(mmc_atip, real_full_toc_refused)
{
	/* A pressed data CD's full TOC as readcd -fulltoc printed it (herongyang.com, Data CD sample;
	 * "TOC len: 48", lead-out 33034): A0, A1, A2 = 07:22:34, track 1 at 00:02:00. */
	const uint8_t b[48] = {
		0x00, 0x2E, 0x01, 0x01,
		0x01, 0x14, 0x00, 0xA0, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
		0x01, 0x14, 0x00, 0xA1, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
		0x01, 0x14, 0x00, 0xA2, 0x00, 0x00, 0x00, 0x00, 0x07, 0x16, 0x22,
		0x01, 0x14, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00,
	};
	static struct rawcd_toc toc;
	cr_assert_eq(rawcd_toc_decode(&toc, 2, true, b, sizeof b), RAWCD_OK);
	cr_assert_eq(toc.leadout_lba, 33034, "the bytes are the sample's");
	struct rawcd_mmc_atip a;
	cr_assert_eq(rawcd_mmc_parse_atip(&a, b, sizeof b), RAWCD_E_FORMAT);
}

Test(mmc_atip, every_format_0_toc_refused)
{
	/* Whatever a format-0 TOC holds, 1 to 99 tracks, LBA or MSF addresses: never an ATIP. */
	static struct rawcd_toc toc;
	uint8_t b[4 + 8 * 100] = {0};
	struct rawcd_mmc_atip a;
	for (unsigned n = 1; n <= 99; n++) {
		memset(&toc, 0, sizeof toc);
		toc.first_track = 1;
		toc.last_track = n;
		toc.track_count = n;
		for (unsigned i = 0; i < n; i++)
			toc.tracks[i] = (struct rawcd_toc_track){.number = i + 1, .session = 1, .adr = 1,
								 .control = i % 2 ? 0x04 : 0x00,
								 .start_lba = (int32_t)(i * 3000 + 75 * n)};
		toc.leadout_lba = (int32_t)(n * 3000 + 75 * n);
		for (int msf = 0; msf <= 1; msf++) {
			size_t len;
			cr_assert_eq(rawcd_toc_encode(&toc, 0, msf, b, sizeof b, &len), RAWCD_OK);
			cr_assert_eq(rawcd_mmc_parse_atip(&a, b, len < 28 ? 28 : len), RAWCD_E_FORMAT,
				     "%u tracks, msf %d", n, msf);
		}
	}
}

/* ---- READ TRACK INFORMATION ---- */

/* The invisible track of a blank CD-R in raw mode: track 1, session 1, track mode 4, blank, data mode
 * Fh, NWA valid = the lead-in start -11625, 359849 free blocks, track size 363282. */
static const uint8_t track_info_raw[48] = {
	0x00, 0x2E, 0x01, 0x01, 0x00, 0x04, 0x4F, 0x01, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xD2, 0x97,
	0x00, 0x05, 0x7D, 0xA9, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x8B, 0x12, 0x00, 0x00, 0x00, 0x00,
};

Test(mmc_track_info, raw_invisible_track)
{
	struct rawcd_mmc_track_info t;
	cr_assert_eq(rawcd_mmc_parse_track_info(&t, track_info_raw, sizeof track_info_raw), RAWCD_OK);
	cr_assert_eq(t.track, 1);
	cr_assert_eq(t.session, 1);
	cr_assert_eq(t.track_mode, 4);
	cr_assert(t.blank && t.nwa_valid);
	cr_assert(!t.reserved_track && !t.packet && !t.fixed_packet && !t.lra_valid && !t.damage && !t.copy);
	cr_assert_eq(t.data_mode, 0x0F);
	cr_assert_eq(t.start, 0);
	cr_assert_eq(t.next_writable, -11625);
	cr_assert_eq(t.free_blocks, 359849);
	cr_assert_eq(t.track_size, 363282);
	cr_assert_eq(t.last_recorded, 0);
}

Test(mmc_track_info, short_and_long_forms)
{
	struct rawcd_mmc_track_info t;
	uint8_t b[48];
	/* MMC-1's 28-byte block (length 1Ah): no LRA, no MSBs. */
	memcpy(b, track_info_raw, sizeof b);
	b[1] = 0x1A;
	b[28] = 0x7F; /* past the data length: not read */
	b[32] = 0x01;
	cr_assert_eq(rawcd_mmc_parse_track_info(&t, b, 28), RAWCD_OK);
	cr_assert_eq(t.last_recorded, 0);
	cr_assert_eq(t.track, 1);
	cr_assert_eq(rawcd_mmc_parse_track_info(&t, b, sizeof b), RAWCD_OK);
	cr_assert_eq(t.track, 1);
	/* The full block: track and session MSBs, the LRA, damage/copy, RT/packet/FP. */
	memcpy(b, track_info_raw, sizeof b);
	b[2] = 0x02;
	b[32] = 0x01;
	b[33] = 0x02;
	b[5] = 0x35;
	b[6] = 0xB2;
	b[7] = 0x02;
	b[31] = 0x10;
	cr_assert_eq(rawcd_mmc_parse_track_info(&t, b, sizeof b), RAWCD_OK);
	cr_assert_eq(t.track, 0x0102);
	cr_assert_eq(t.session, 0x0201);
	cr_assert(t.damage && t.copy && t.reserved_track && t.packet && t.fixed_packet && t.lra_valid);
	cr_assert(!t.blank && !t.nwa_valid);
	cr_assert_eq(t.track_mode, 5);
	cr_assert_eq(t.data_mode, 2);
	cr_assert_eq(t.last_recorded, 16);
}

Test(mmc_track_info, malformed)
{
	struct rawcd_mmc_track_info t;
	uint8_t b[48];
	cr_assert_eq(rawcd_mmc_parse_track_info(&t, track_info_raw, 27), RAWCD_E_FORMAT);
	memcpy(b, track_info_raw, sizeof b);
	b[1] = 0x19;
	cr_assert_eq(rawcd_mmc_parse_track_info(&t, b, sizeof b), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_mmc_parse_track_info(&t, NULL, 48), RAWCD_E_ARG);
}

/* ---- READ BUFFER CAPACITY ---- */

Test(mmc_buffer, fill_percent)
{
	/* A 2 MiB buffer with 512 KiB free: 75 % full. */
	const uint8_t b[12] = {0x00, 0x0A, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00};
	struct rawcd_mmc_buffer_capacity c;
	cr_assert_eq(rawcd_mmc_parse_buffer_capacity(&c, b, sizeof b), RAWCD_OK);
	cr_assert_eq(c.length, 2097152);
	cr_assert_eq(c.blank, 524288);
	cr_assert_eq(c.fill_percent, 75);
	/* Empty and full; a 0-byte buffer; a 4 GiB one does not overflow. */
	uint8_t e[12];
	memcpy(e, b, sizeof e);
	memcpy(e + 8, e + 4, 4);
	cr_assert_eq(rawcd_mmc_parse_buffer_capacity(&c, e, sizeof e), RAWCD_OK);
	cr_assert_eq(c.fill_percent, 0);
	memset(e + 8, 0, 4);
	cr_assert_eq(rawcd_mmc_parse_buffer_capacity(&c, e, sizeof e), RAWCD_OK);
	cr_assert_eq(c.fill_percent, 100);
	memset(e + 4, 0, 8);
	cr_assert_eq(rawcd_mmc_parse_buffer_capacity(&c, e, sizeof e), RAWCD_OK);
	cr_assert_eq(c.fill_percent, 0);
	memset(e + 4, 0xFF, 4);
	e[8] = 0x80;
	cr_assert_eq(rawcd_mmc_parse_buffer_capacity(&c, e, sizeof e), RAWCD_OK);
	cr_assert_eq(c.fill_percent, 49);
}

Test(mmc_buffer, malformed)
{
	const uint8_t b[12] = {0x00, 0x0A, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00};
	uint8_t e[12];
	struct rawcd_mmc_buffer_capacity c;
	cr_assert_eq(rawcd_mmc_parse_buffer_capacity(&c, b, 11), RAWCD_E_FORMAT);
	memcpy(e, b, sizeof e);
	e[1] = 0x09;
	cr_assert_eq(rawcd_mmc_parse_buffer_capacity(&c, e, sizeof e), RAWCD_E_FORMAT);
	memcpy(e, b, sizeof e);
	e[8] = 0x01; /* more free than the buffer holds */
	cr_assert_eq(rawcd_mmc_parse_buffer_capacity(&c, e, sizeof e), RAWCD_E_FORMAT);
}

/* ---- READ SUB-CHANNEL ---- */

Test(mmc_subchannel, position_lba)
{
	/* Audio status 15h (none), ADR 1 CONTROL 0, track 2 index 1, LBA 12000, 75 into the track. */
	uint8_t b[16] = {0x00, 0x15, 0x00, 0x0C, 0x01, 0x10, 0x02, 0x01,
			 0x00, 0x00, 0x2E, 0xE0, 0x00, 0x00, 0x00, 0x4B};
	struct rawcd_mmc_subchannel s;
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 1, false, b, sizeof b), RAWCD_OK);
	cr_assert_eq(s.format, 1);
	cr_assert_eq(s.audio_status, 0x15);
	cr_assert_eq(s.adr, 1);
	cr_assert_eq(s.control, 0);
	cr_assert_eq(s.track, 2);
	cr_assert_eq(s.index, 1);
	cr_assert_eq(s.absolute_lba, 12000);
	cr_assert_eq(s.relative, 75);
	/* In a pregap (index 0) the relative address counts down: negative. */
	b[7] = 0;
	memcpy(b + 12, (const uint8_t[]){0xFF, 0xFF, 0xFF, 0xB5}, 4);
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 1, false, b, sizeof b), RAWCD_OK);
	cr_assert_eq(s.relative, -75);
}

Test(mmc_subchannel, position_msf)
{
	/* CONTROL 4 (data), absolute 02:42:59 = LBA 12059, relative 00:01:00 = 75 frames. */
	uint8_t b[16] = {0x00, 0x15, 0x00, 0x0C, 0x01, 0x14, 0x02, 0x01,
			 0x00, 0x02, 0x2A, 0x3B, 0x00, 0x00, 0x01, 0x00};
	struct rawcd_mmc_subchannel s;
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 1, true, b, sizeof b), RAWCD_OK);
	cr_assert_eq(s.control, 4);
	cr_assert_eq(s.absolute_lba, 12059);
	cr_assert_eq(s.relative, 75);
	b[10] = 60;
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 1, true, b, sizeof b), RAWCD_E_FORMAT);
	b[10] = 0x2A;
	b[15] = 75;
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 1, true, b, sizeof b), RAWCD_E_FORMAT);
}

Test(mmc_subchannel, mcn_and_isrc)
{
	uint8_t mcn[24] = {0x00, 0x15, 0x00, 0x14, 0x02, 0x00, 0x00, 0x00, 0x80, '4', '0', '0',
			   '6',  '3',  '8',  '1',  '3',  '3',  '3',  '9',  '3',  '1', 0x00, 0x00};
	uint8_t isrc[24] = {0x00, 0x15, 0x00, 0x14, 0x03, 0x10, 0x05, 0x00, 0x80, 'U', 'S', 'R',
			    'C',  '1',  '7',  '6',  '0',  '7',  '8',  '3',  '9',  0x00, 0x00, 0x00};
	struct rawcd_mmc_subchannel s;
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 2, false, mcn, sizeof mcn), RAWCD_OK);
	cr_assert(s.valid);
	cr_assert_str_eq(s.mcn, "4006381333931");
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 3, false, isrc, sizeof isrc), RAWCD_OK);
	cr_assert(s.valid);
	cr_assert_str_eq(s.isrc, "USRC17607839");
	cr_assert_eq(s.track, 5);
	cr_assert_eq(s.adr, 1);
	/* MCVAL / TCVAL 0: no code, whatever the bytes. */
	mcn[8] = 0;
	mcn[9] = 'x';
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 2, false, mcn, sizeof mcn), RAWCD_OK);
	cr_assert_not(s.valid);
	cr_assert_str_eq(s.mcn, "");
	/* A valid code with a wrong character. */
	mcn[8] = 0x80;
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 2, false, mcn, sizeof mcn), RAWCD_E_FORMAT);
	isrc[12] = 'c';
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 3, false, isrc, sizeof isrc), RAWCD_E_FORMAT);
}

Test(mmc_subchannel, malformed)
{
	const uint8_t pos[16] = {0x00, 0x15, 0x00, 0x0C, 0x01, 0x10, 0x02, 0x01,
				 0x00, 0x00, 0x2E, 0xE0, 0x00, 0x00, 0x00, 0x4B};
	uint8_t b[24] = {0};
	struct rawcd_mmc_subchannel s;
	/* Another format than the one asked for. */
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 2, false, pos, sizeof pos), RAWCD_E_FORMAT);
	memcpy(b, pos, sizeof pos);
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 3, false, b, sizeof b), RAWCD_E_FORMAT);
	/* Short, and a length field too small. */
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 1, false, pos, 15), RAWCD_E_FORMAT);
	b[3] = 0x0B;
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 1, false, b, sizeof b), RAWCD_E_FORMAT);
	b[3] = 0x0C;
	b[4] = 0x02;
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 2, false, b, sizeof b), RAWCD_E_FORMAT, "length 0Ch for MCN");
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 0, false, pos, sizeof pos), RAWCD_E_ARG);
	cr_assert_eq(rawcd_mmc_parse_subchannel(&s, 4, false, pos, sizeof pos), RAWCD_E_ARG);
}
