/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * INQUIRY, GET CONFIGURATION and the mode pages of src/mmc/responses.c, and the page-05h builder
 * (test_disc_responses.c has the disc, ATIP, track, buffer and sub-channel parsers), on:
 *  - responses of QEMU's emulated CD drive (research/burn.md §2b measured it through SG_IO), written
 *    out byte by byte from what QEMU's source puts in each field (qemu/qemu at 00a17d80,
 *    hw/scsi/scsi-disk.c: scsi_disk_emulate_inquiry, scsi_get_configuration, mode_sense_page, 2Ah);
 *  - hand-made responses of a CD-R recorder laid out by MMC's field tables (DESIGN.md §5 bits);
 *  - malformed responses, each refused with RAWCD_E_FORMAT.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/mmc.h"

/* ---- INQUIRY ---- */

/* QEMU scsi-cd on virtio-scsi: type 5, removable, SPC-3 (5), format 2 with HiSup (12h), additional
 * length 31, byte 7 Sync+CmdQue (12h), "QEMU", "QEMU CD-ROM", revision QEMU's hw version "2.5+". */
static const uint8_t qemu_inquiry[36] = {
	0x05, 0x80, 0x05, 0x12, 0x1F, 0x00, 0x00, 0x12, 'Q', 'E', 'M', 'U', ' ', ' ', ' ', ' ',
	'Q',  'E',  'M',  'U',  ' ',  'C',  'D',  '-',  'R', 'O', 'M', ' ', ' ', ' ', ' ', ' ',
	'2',  '.',  '5',  '+',
};

Test(mmc_inquiry, qemu_scsi_cd)
{
	struct rawcd_mmc_inquiry q;
	cr_assert_eq(rawcd_mmc_parse_inquiry(&q, qemu_inquiry, sizeof qemu_inquiry), RAWCD_OK);
	cr_assert_eq(q.qualifier, 0);
	cr_assert_eq(q.device_type, 5);
	cr_assert(q.removable);
	cr_assert_eq(q.version, 5);
	cr_assert_eq(q.response_format, 2);
	cr_assert_str_eq(q.vendor, "QEMU");
	cr_assert_str_eq(q.product, "QEMU CD-ROM");
	cr_assert_str_eq(q.revision, "2.5+");
}

Test(mmc_inquiry, padding_and_unprintable_bytes)
{
	uint8_t b[44];
	memcpy(b, qemu_inquiry, sizeof qemu_inquiry);
	memset(b + 36, 0xAA, 8); /* vendor-specific bytes past 36 are ignored */
	b[0] = 0x65;             /* qualifier 3 (no device), type 5 */
	b[1] = 0x00;
	memcpy(b + 8, "AB\x01" "D\0\0\0\0", 8);  /* NUL padding dropped, control byte shown as '?' */
	memcpy(b + 32, "1.0\x7F", 4);
	struct rawcd_mmc_inquiry q;
	cr_assert_eq(rawcd_mmc_parse_inquiry(&q, b, sizeof b), RAWCD_OK);
	cr_assert_eq(q.qualifier, 3);
	cr_assert_not(q.removable);
	cr_assert_str_eq(q.vendor, "AB?D");
	cr_assert_str_eq(q.revision, "1.0?");
	memset(b + 16, ' ', 16);
	cr_assert_eq(rawcd_mmc_parse_inquiry(&q, b, sizeof b), RAWCD_OK);
	cr_assert_str_eq(q.product, "");
}

Test(mmc_inquiry, malformed)
{
	struct rawcd_mmc_inquiry q = {.device_type = 0x1F};
	cr_assert_eq(rawcd_mmc_parse_inquiry(&q, qemu_inquiry, 35), RAWCD_E_FORMAT);
	uint8_t b[36];
	memcpy(b, qemu_inquiry, sizeof b);
	b[4] = 30; /* additional length too small for the revision */
	cr_assert_eq(rawcd_mmc_parse_inquiry(&q, b, sizeof b), RAWCD_E_FORMAT);
	cr_assert_eq(q.device_type, 0x1F, "written on failure");
	cr_assert_eq(rawcd_mmc_parse_inquiry(NULL, qemu_inquiry, 36), RAWCD_E_ARG);
	cr_assert_eq(rawcd_mmc_parse_inquiry(&q, NULL, 36), RAWCD_E_ARG);
}

/* ---- GET CONFIGURATION ---- */

/* QEMU scsi-cd with a CD image: it ignores RT and the starting feature and always sends this list.
 * Header: data length 36, current profile 0008h. Profile List: 0010h DVD-ROM, 0008h CD-ROM (current).
 * Core 0001h (interface 1, DBE). Removable Medium 0003h (39h). */
static const uint8_t qemu_config[40] = {
	0x00, 0x00, 0x00, 0x24, 0x00, 0x00, 0x00, 0x08,                         /* header */
	0x00, 0x00, 0x03, 0x08, 0x00, 0x10, 0x00, 0x00, 0x00, 0x08, 0x01, 0x00, /* 0000h */
	0x00, 0x01, 0x0B, 0x08, 0x00, 0x00, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, /* 0001h */
	0x00, 0x03, 0x0B, 0x04, 0x39, 0x00, 0x00, 0x00,                         /* 0003h */
};

/* A CD-R recorder answering RT = 2, feature 002Eh: version 2, current; BUF, SAO, raw, test write;
 * maximum cue sheet length 4000 bytes. */
static const uint8_t mastering[16] = {
	0x00, 0x00, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x09, 0x00, 0x2E, 0x09, 0x04, 0x6C, 0x00, 0x0F, 0xA0,
};

/* The same drive answering RT = 2, feature 002Dh with a CD-RW loaded: BUF, R-W raw, R-W pack, test
 * write; data block types 1, 2 and 3. */
static const uint8_t tao[16] = {
	0x00, 0x00, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x2D, 0x09, 0x04, 0x5C, 0x00, 0x00, 0x0E,
};

Test(mmc_config, qemu_profile_list)
{
	struct rawcd_mmc_profiles p;
	cr_assert_eq(rawcd_mmc_parse_profiles(&p, qemu_config, sizeof qemu_config), RAWCD_OK);
	cr_assert_eq(p.current_profile, RAWCD_MMC_PROFILE_CD_ROM);
	cr_assert_eq(p.count, 2);
	cr_assert_eq(p.list[0].number, 0x0010);
	cr_assert_not(p.list[0].current);
	cr_assert_eq(p.list[1].number, RAWCD_MMC_PROFILE_CD_ROM);
	cr_assert(p.list[1].current);
}

Test(mmc_config, qemu_ignores_rt)
{
	/* Asked for 002Eh or 002Dh with RT = 2, QEMU still starts with the profile list: refused, not
	 * taken for the feature (cdrdao's getFeature would take it, research/burn.md §1.2). */
	struct rawcd_mmc_cd_mastering m = {.raw = true};
	struct rawcd_mmc_cd_tao t = {.rw_raw = true};
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, qemu_config, sizeof qemu_config), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_mmc_parse_cd_tao(&t, qemu_config, sizeof qemu_config), RAWCD_E_FORMAT);
	cr_assert(m.raw && t.rw_raw, "written on failure");
	/* Each feature parser refuses the other feature too. */
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, tao, sizeof tao), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_mmc_parse_cd_tao(&t, mastering, sizeof mastering), RAWCD_E_FORMAT);
	struct rawcd_mmc_profiles p;
	cr_assert_eq(rawcd_mmc_parse_profiles(&p, mastering, sizeof mastering), RAWCD_E_FORMAT);
}

Test(mmc_config, cd_mastering)
{
	struct rawcd_mmc_cd_mastering m;
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, mastering, sizeof mastering), RAWCD_OK);
	cr_assert_eq(m.current_profile, RAWCD_MMC_PROFILE_CD_R);
	cr_assert(m.current);
	cr_assert(m.buf && m.sao && m.raw && m.test_write);
	cr_assert(!m.raw_ms && !m.cd_rw && !m.rw);
	cr_assert_eq(m.max_cue_sheet_length, 4000);
}

static unsigned mastering_bits(const struct rawcd_mmc_cd_mastering *m)
{
	return (unsigned)m->rw | (unsigned)m->cd_rw << 1 | (unsigned)m->test_write << 2 | (unsigned)m->raw << 3 |
	       (unsigned)m->raw_ms << 4 | (unsigned)m->sao << 5 | (unsigned)m->buf << 6;
}

static unsigned tao_bits(const struct rawcd_mmc_cd_tao *t)
{
	return (unsigned)t->rw_subcode | (unsigned)t->cd_rw << 1 | (unsigned)t->test_write << 2 |
	       (unsigned)t->rw_pack << 3 | (unsigned)t->rw_raw << 4 | (unsigned)t->buf << 6;
}

Test(mmc_config, each_feature_bit_alone)
{
	/* DESIGN.md §5: 002Eh byte 4 bit 6 BUF, 5 SAO, 4 raw MS, 3 raw, 2 test write, 1 CD-RW, 0 R-W;
	 * 002Dh bit 6 BUF, 4 R-W raw, 3 R-W pack, 2 test write, 1 CD-RW, 0 R-W subcode (bit 5 reserved). */
	uint8_t b[16];
	for (unsigned bit = 0; bit < 8; bit++) {
		struct rawcd_mmc_cd_mastering m;
		memcpy(b, mastering, sizeof b);
		b[12] = (uint8_t)(1u << bit);
		cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, b, sizeof b), RAWCD_OK);
		cr_assert_eq(mastering_bits(&m), bit < 7 ? 1u << bit : 0u, "002Eh bit %u", bit);
		struct rawcd_mmc_cd_tao t;
		memcpy(b, tao, sizeof b);
		b[12] = (uint8_t)(1u << bit);
		cr_assert_eq(rawcd_mmc_parse_cd_tao(&t, b, sizeof b), RAWCD_OK);
		cr_assert_eq(tao_bits(&t), bit == 5 || bit == 7 ? 0u : 1u << bit, "002Dh bit %u", bit);
	}
}

Test(mmc_config, cd_tao)
{
	struct rawcd_mmc_cd_tao t;
	cr_assert_eq(rawcd_mmc_parse_cd_tao(&t, tao, sizeof tao), RAWCD_OK);
	cr_assert_eq(t.current_profile, RAWCD_MMC_PROFILE_CD_RW);
	cr_assert(t.current && t.buf && t.rw_raw && t.rw_pack && t.test_write);
	cr_assert(!t.cd_rw && !t.rw_subcode);
	cr_assert_eq(t.data_types, 0x000E);
	/* A longer allocation than the answer: bytes past the data length are ignored. */
	uint8_t b[64] = {0};
	memcpy(b, tao, sizeof tao);
	memset(b + sizeof tao, 0x55, sizeof b - sizeof tao);
	cr_assert_eq(rawcd_mmc_parse_cd_tao(&t, b, sizeof b), RAWCD_OK);
	cr_assert_eq(t.data_types, 0x000E);
}

Test(mmc_config, feature_absent)
{
	/* RT = 2 for a feature the drive lacks: the header alone. */
	static const uint8_t none[8] = {0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x08};
	struct rawcd_mmc_cd_mastering m;
	struct rawcd_mmc_profiles p;
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, none, sizeof none), RAWCD_E_UNSUPPORTED);
	cr_assert_eq(rawcd_mmc_parse_profiles(&p, none, sizeof none), RAWCD_E_UNSUPPORTED);
}

Test(mmc_config, malformed)
{
	struct rawcd_mmc_cd_mastering m;
	struct rawcd_mmc_profiles p;
	uint8_t b[40];
	/* Shorter than the header. */
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, mastering, 7), RAWCD_E_FORMAT);
	/* Data length below 4. */
	memcpy(b, mastering, 16);
	b[3] = 3;
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, b, 16), RAWCD_E_FORMAT);
	/* The descriptor cut short by the transfer, and by the data length. */
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, mastering, 15), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, mastering, 11), RAWCD_E_FORMAT);
	memcpy(b, mastering, 16);
	b[3] = 0x0B;
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, b, 16), RAWCD_E_FORMAT);
	/* A data length claiming a descriptor the transfer does not hold. */
	memcpy(b, mastering, 16);
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, b, 8), RAWCD_E_FORMAT);
	/* Additional length too small for the payload. */
	memcpy(b, mastering, 16);
	b[11] = 0;
	cr_assert_eq(rawcd_mmc_parse_cd_mastering(&m, b, 12), RAWCD_E_FORMAT);
	/* A profile list whose additional length is not a multiple of 4. */
	memcpy(b, qemu_config, sizeof b);
	b[11] = 6;
	cr_assert_eq(rawcd_mmc_parse_profiles(&p, b, sizeof b), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_mmc_parse_profiles(NULL, qemu_config, sizeof qemu_config), RAWCD_E_ARG);
	cr_assert_eq(rawcd_mmc_parse_cd_tao(&(struct rawcd_mmc_cd_tao){0}, NULL, 16), RAWCD_E_ARG);
}

/* ---- MODE SENSE(10) pages ---- */

/* QEMU scsi-cd, MODE SENSE(10) page 2Ah: header (mode data length 28, no block descriptor), page
 * length 14h: CD-R/RW read, no writing, 50x read (8800), 2 volume levels, 2048 kB buffer, 16x
 * (2816) current read, max and current write speed. */
static const uint8_t qemu_page_2a[30] = {
	0x00, 0x1C, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2A, 0x14, 0x3B, 0x00, 0x7F, 0xFF, 0x2D,
	0x00, 0x22, 0x60, 0x00, 0x02, 0x08, 0x00, 0x0B, 0x00, 0x00, 0x00, 0x0B, 0x00, 0x0B, 0x00,
};

/* A recorder's MMC-3 page 2Ah after an 8-byte block descriptor, PS set, page length 22h: CD-R/RW read
 * and write, test write, BUF, multi-session, 40x read, 2048 kB, max write 20x (3528), bytes 20-21 0
 * (obsolete), current write 16x (2824) in bytes 28-29, one descriptor of 3528 kB/s. */
static const uint8_t recorder_page_2a[52] = {
	0x00, 0x32, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08, /* header */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00, /* block descriptor */
	0xAA, 0x22, 0x03, 0x07, 0xC0, 0x00, 0x29, 0x00, 0x1B, 0x90, 0x01, 0x00, 0x08, 0x00, 0x1B, 0x90,
	0x00, 0x10, 0x0D, 0xC8, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x0B, 0x08, 0x00, 0x01,
	0x00, 0x00, 0x0D, 0xC8,
};

/* A drive's page 05h (TAO, track mode 4, Mode 1 blocks, link size 7, packet size 16, pause 150),
 * PS set, page length 32h. */
static const uint8_t drive_page_05[60] = {
	0x00, 0x3A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* header */
	0x85, 0x32, 0x01, 0x04, 0x08, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x96,
};

Test(mmc_mode, qemu_capabilities)
{
	struct rawcd_mmc_capabilities c;
	cr_assert_eq(rawcd_mmc_parse_capabilities(&c, qemu_page_2a, sizeof qemu_page_2a), RAWCD_OK);
	cr_assert(c.cd_r_read && c.cd_rw_read);
	cr_assert(!c.cd_r_write && !c.cd_rw_write && !c.test_write && !c.buf);
	cr_assert(c.multisession && c.rw_supported && c.rw_deinterleaved && c.cdda_accurate && c.isrc && c.upc);
	cr_assert_eq(c.max_read_speed, 8800);
	cr_assert_eq(c.buffer_size, 2048);
	cr_assert_eq(c.current_read_speed, 2816);
	cr_assert_eq(c.max_write_speed, 2816);
	cr_assert_eq(c.current_write_speed, 2816, "bytes 20-21 when the page ends before 28");
	cr_assert_eq(c.write_speed_count, 0);
}

Test(mmc_mode, recorder_capabilities)
{
	struct rawcd_mmc_capabilities c;
	cr_assert_eq(rawcd_mmc_parse_capabilities(&c, recorder_page_2a, sizeof recorder_page_2a), RAWCD_OK);
	cr_assert(c.cd_r_write && c.cd_rw_write && c.test_write && c.buf && c.multisession);
	cr_assert(!c.rw_supported && !c.isrc);
	cr_assert_eq(c.max_read_speed, 7056);
	cr_assert_eq(c.max_write_speed, 3528);
	cr_assert_eq(c.current_write_speed, 2824, "bytes 28-29 first");
	cr_assert_eq(c.write_speed_count, 1);
	cr_assert_eq(c.write_speeds[0], 3528);
	/* Bytes 28-29 zero: back to the obsolete 20-21. A descriptor count beyond the page reads what
	 * the page holds. */
	uint8_t b[sizeof recorder_page_2a];
	memcpy(b, recorder_page_2a, sizeof b);
	b[16 + 28] = b[16 + 29] = 0;
	b[16 + 20] = 0x05;
	b[16 + 21] = 0x83;
	b[16 + 31] = 5;
	cr_assert_eq(rawcd_mmc_parse_capabilities(&c, b, sizeof b), RAWCD_OK);
	cr_assert_eq(c.current_write_speed, 1411);
	cr_assert_eq(c.write_speed_count, 1);
}

Test(mmc_mode, malformed_pages)
{
	struct rawcd_mmc_capabilities c;
	struct rawcd_mmc_write_params w;
	uint8_t b[64];
	/* The page cut by the transfer. */
	cr_assert_eq(rawcd_mmc_parse_capabilities(&c, qemu_page_2a, sizeof qemu_page_2a - 1), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_mmc_parse_capabilities(&c, qemu_page_2a, 7), RAWCD_E_FORMAT);
	/* The page running past the mode data length. */
	memcpy(b, qemu_page_2a, sizeof qemu_page_2a);
	b[1] = 0x1B;
	cr_assert_eq(rawcd_mmc_parse_capabilities(&c, b, sizeof qemu_page_2a), RAWCD_E_FORMAT);
	/* Another page than the one asked for, each way. */
	cr_assert_eq(rawcd_mmc_parse_capabilities(&c, drive_page_05, sizeof drive_page_05), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_mmc_parse_write_params(&w, qemu_page_2a, sizeof qemu_page_2a), RAWCD_E_FORMAT);
	/* A sub-page (SPF). */
	memcpy(b, qemu_page_2a, sizeof qemu_page_2a);
	b[8] = 0x6A;
	cr_assert_eq(rawcd_mmc_parse_capabilities(&c, b, sizeof qemu_page_2a), RAWCD_E_FORMAT);
	/* Page 2Ah too short to hold the write speed (page length 0Fh, mode data length to match). */
	memcpy(b, qemu_page_2a, sizeof qemu_page_2a);
	b[1] = 0x17;
	b[9] = 0x0F;
	cr_assert_eq(rawcd_mmc_parse_capabilities(&c, b, 25), RAWCD_E_FORMAT);
	/* A block descriptor length that pushes the page out of the response. */
	memcpy(b, qemu_page_2a, sizeof qemu_page_2a);
	b[7] = 8;
	cr_assert_eq(rawcd_mmc_parse_capabilities(&c, b, sizeof qemu_page_2a), RAWCD_E_FORMAT);
	/* Page 05h shorter than 16 bytes. */
	memcpy(b, drive_page_05, sizeof drive_page_05);
	b[1] = 0x15;
	b[9] = 0x0D;
	cr_assert_eq(rawcd_mmc_parse_write_params(&w, b, 23), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_mmc_parse_write_params(&w, NULL, 60), RAWCD_E_ARG);
}

Test(mmc_mode, write_params_of_a_drive)
{
	struct rawcd_mmc_write_params w;
	cr_assert_eq(rawcd_mmc_parse_write_params(&w, drive_page_05, sizeof drive_page_05), RAWCD_OK);
	cr_assert_eq(w.write_type, RAWCD_MMC_WRITE_TAO);
	cr_assert(!w.test_write && !w.bufe && !w.ls_v && !w.fp && !w.copy);
	cr_assert_eq(w.multisession, 0);
	cr_assert_eq(w.track_mode, 4);
	cr_assert_eq(w.data_block_type, 8);
	cr_assert_eq(w.link_size, 7);
	cr_assert_eq(w.session_format, 0);
	cr_assert_eq(w.packet_size, 16);
	cr_assert_eq(w.audio_pause_length, 150);
	cr_assert_eq(w.page_len, 52);
	cr_assert_eq(w.page[0], 0x85);
	cr_assert_eq(memcmp(w.page, drive_page_05 + 8, 52), 0);
}

static void assert_bytes(const uint8_t *got, size_t got_len, const uint8_t *want, size_t want_len)
{
	cr_assert_eq(got_len, want_len, "length %zu, expected %zu", got_len, want_len);
	for (size_t i = 0; i < want_len; i++)
		cr_assert_eq(got[i], want[i], "byte %zu is %02X, expected %02X", i, got[i], want[i]);
}

static const struct rawcd_mmc_write_setup raw96r_test = {
	.write_type = RAWCD_MMC_WRITE_RAW, .data_block_type = RAWCD_MMC_DBT_RAW_PW, .test_write = true,
	.bufe = true, .multisession = 0, .track_mode = 0, .session_format = 0x00,
};

Test(mmc_mode, build_from_zeros)
{
	/* DESIGN.md §5: byte 2 = BUFE 40h | TW 10h | RAW 3 = 53h, byte 3 = 0, byte 4 = DBT 3, byte 8
	 * session format; PS cleared; header zero (mode data length 0); audio pause 150 as libburn. */
	uint8_t want[60] = {0};
	const uint8_t page[16] = {0x05, 0x32, 0x53, 0x00, 0x03, 0x00, 0x00, 0x00,
				  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x96};
	memcpy(want + 8, page, sizeof page);
	uint8_t got[80];
	memset(got, 0xEE, sizeof got);
	size_t n = 0;
	cr_assert_eq(rawcd_mmc_build_write_params(got, sizeof got, &n, &raw96r_test, NULL), RAWCD_OK);
	assert_bytes(got, n, want, sizeof want);
	cr_assert_eq(got[60], 0xEE, "wrote past the list");
	/* The same exactly fits 60 bytes; 59 is too few. */
	cr_assert_eq(rawcd_mmc_build_write_params(got, 60, &n, &raw96r_test, NULL), RAWCD_OK);
	cr_assert_eq(rawcd_mmc_build_write_params(got, 59, &n, &raw96r_test, NULL), RAWCD_E_ARG);
}

Test(mmc_mode, build_from_the_drive_page)
{
	struct rawcd_mmc_write_params base;
	cr_assert_eq(rawcd_mmc_parse_write_params(&base, drive_page_05, sizeof drive_page_05), RAWCD_OK);
	uint8_t want[60];
	memcpy(want, drive_page_05, sizeof want);
	memset(want, 0, 8);
	want[8] = 0x05;      /* PS cleared */
	want[8 + 2] = 0x53;  /* BUFE, TW, RAW */
	want[8 + 3] = 0x00;  /* multi-session 0, track mode 0 */
	want[8 + 4] = 0x03;  /* DBT 3 */
	want[8 + 8] = 0x00;  /* session format; link size, packet size, pause kept */
	uint8_t got[60];
	size_t n;
	cr_assert_eq(rawcd_mmc_build_write_params(got, sizeof got, &n, &raw96r_test, &base), RAWCD_OK);
	assert_bytes(got, n, want, sizeof want);
	/* LS_V, FP and Copy of the drive's page stay; SAO with DBT 0 and an XA session. */
	base.page[2] |= 0x20;
	base.page[3] = 0x34;
	struct rawcd_mmc_write_setup sao = {.write_type = RAWCD_MMC_WRITE_SAO, .data_block_type = 0,
					    .bufe = true, .multisession = 3, .session_format = 0x20};
	cr_assert_eq(rawcd_mmc_build_write_params(got, sizeof got, &n, &sao, &base), RAWCD_OK);
	cr_assert_eq(n, 60);
	cr_assert_eq(got[8 + 2], 0x62);
	cr_assert_eq(got[8 + 3], 0xF0);
	cr_assert_eq(got[8 + 4], 0x00);
	cr_assert_eq(got[8 + 8], 0x20);
}

Test(mmc_mode, built_page_reads_back)
{
	uint8_t b[60];
	size_t n;
	cr_assert_eq(rawcd_mmc_build_write_params(b, sizeof b, &n, &raw96r_test, NULL), RAWCD_OK);
	b[1] = (uint8_t)(n - 2); /* as MODE SENSE would report it */
	struct rawcd_mmc_write_params w;
	cr_assert_eq(rawcd_mmc_parse_write_params(&w, b, n), RAWCD_OK);
	cr_assert_eq(w.write_type, 3);
	cr_assert_eq(w.data_block_type, 3);
	cr_assert(w.test_write && w.bufe);
	cr_assert_eq(w.audio_pause_length, 150);
}

Test(mmc_mode, build_refusals)
{
	uint8_t b[80];
	size_t n = 1234;
	struct rawcd_mmc_write_setup s;
#define REFUSE(field, value)                                                                               \
	do {                                                                                               \
		s = raw96r_test;                                                                           \
		s.field = (value);                                                                         \
		cr_assert_eq(rawcd_mmc_build_write_params(b, sizeof b, &n, &s, NULL), RAWCD_E_ARG,         \
			     #field " = " #value " accepted");                                            \
	} while (0)
	REFUSE(write_type, 0);
	REFUSE(write_type, 4);
	REFUSE(data_block_type, 0); /* raw needs 1, 2 or 3 */
	REFUSE(data_block_type, 8);
	REFUSE(data_block_type, 16);
	REFUSE(multisession, 2);
	REFUSE(multisession, 4);
	REFUSE(track_mode, 16);
	REFUSE(session_format, 0x30);
	REFUSE(session_format, 0x01);
#undef REFUSE
	s = raw96r_test;
	s.write_type = RAWCD_MMC_WRITE_SAO;
	s.data_block_type = 5; /* reserved */
	cr_assert_eq(rawcd_mmc_build_write_params(b, sizeof b, &n, &s, NULL), RAWCD_E_ARG);
	s.data_block_type = 13;
	cr_assert_eq(rawcd_mmc_build_write_params(b, sizeof b, &n, &s, NULL), RAWCD_OK);
	cr_assert_eq(n, 60);
	/* A base that is not page 05h or contradicts its own length. */
	struct rawcd_mmc_write_params base;
	cr_assert_eq(rawcd_mmc_parse_write_params(&base, drive_page_05, sizeof drive_page_05), RAWCD_OK);
	base.page[0] = 0x2A;
	cr_assert_eq(rawcd_mmc_build_write_params(b, sizeof b, &n, &raw96r_test, &base), RAWCD_E_ARG);
	base.page[0] = 0x05;
	base.page_len = 40;
	cr_assert_eq(rawcd_mmc_build_write_params(b, sizeof b, &n, &raw96r_test, &base), RAWCD_E_ARG);
	cr_assert_eq(rawcd_mmc_build_write_params(NULL, 60, &n, &raw96r_test, NULL), RAWCD_E_ARG);
	cr_assert_eq(rawcd_mmc_build_write_params(b, 60, NULL, &raw96r_test, NULL), RAWCD_E_ARG);
	cr_assert_eq(rawcd_mmc_build_write_params(b, 60, &n, NULL, NULL), RAWCD_E_ARG);
	cr_assert_eq(n, 60, "out_len written on failure");
}
