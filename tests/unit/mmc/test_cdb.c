/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The exact bytes of every CDB builder, each worked out by hand from its command's CDB table (MMC-6
 * r2g; SPC-4 for TEST UNIT READY, REQUEST SENSE and INQUIRY; MMC-3 for READ SUB-CHANNEL), several
 * also as research/burn.md §1.2 quotes them from cdrdao, libburn and wodim; and the refusals.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/mmc.h"

#define FILL 0xEE

static uint8_t cdb[RAWCD_CDB_MAX];

static void fill(void)
{
	memset(cdb, FILL, sizeof cdb);
}

/* The builder returned @p n, wrote @p want, and cleared the rest of the 16 bytes. */
static void assert_cdb(int n, const uint8_t *want, size_t want_len)
{
	cr_assert_eq(n, (int)want_len, "CDB length %d, expected %zu", n, want_len);
	for (size_t i = 0; i < want_len; i++)
		cr_assert_eq(cdb[i], want[i], "byte %zu is %02X, expected %02X", i, cdb[i], want[i]);
	for (size_t i = want_len; i < RAWCD_CDB_MAX; i++)
		cr_assert_eq(cdb[i], 0, "byte %zu past the CDB is %02X", i, cdb[i]);
}

#define EXPECT(call, ...)                                                                                  \
	do {                                                                                               \
		static const uint8_t want_[] = {__VA_ARGS__};                                              \
		fill();                                                                                    \
		assert_cdb((call), want_, sizeof want_);                                                   \
	} while (0)

/* A refused call returns RAWCD_E_ARG and leaves the buffer as it was. */
#define REFUSED(call)                                                                                      \
	do {                                                                                               \
		fill();                                                                                    \
		cr_assert_eq((call), RAWCD_E_ARG, "%s accepted", #call);                                   \
		for (size_t i_ = 0; i_ < RAWCD_CDB_MAX; i_++)                                              \
			cr_assert_eq(cdb[i_], FILL, "%s wrote byte %zu", #call, i_);                      \
	} while (0)

Test(mmc_cdb, test_unit_ready)
{
	EXPECT(rawcd_mmc_cdb_test_unit_ready(cdb), 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
	cr_assert_eq(rawcd_mmc_cdb_test_unit_ready(NULL), RAWCD_E_ARG);
}

Test(mmc_cdb, request_sense_fixed_format)
{
	/* Allocation length in byte 4; DESC (byte 1 bit 0) 0. */
	EXPECT(rawcd_mmc_cdb_request_sense(cdb, 18), 0x03, 0x00, 0x00, 0x00, 0x12, 0x00);
	EXPECT(rawcd_mmc_cdb_request_sense(cdb, 252), 0x03, 0x00, 0x00, 0x00, 0xFC, 0x00);
	REFUSED(rawcd_mmc_cdb_request_sense(cdb, 0));
	REFUSED(rawcd_mmc_cdb_request_sense(cdb, 253));
}

Test(mmc_cdb, inquiry)
{
	/* cdrdao asks for 2Ch, libburn for 36 (research/burn.md §1.2): 12 00 00 00 LEN 00. */
	EXPECT(rawcd_mmc_cdb_inquiry(cdb, 36), 0x12, 0x00, 0x00, 0x00, 0x24, 0x00);
	EXPECT(rawcd_mmc_cdb_inquiry(cdb, 0x2C), 0x12, 0x00, 0x00, 0x00, 0x2C, 0x00);
	/* SPC-4's 16-bit allocation length spills into byte 3. */
	EXPECT(rawcd_mmc_cdb_inquiry(cdb, 0x0124), 0x12, 0x00, 0x00, 0x01, 0x24, 0x00);
	REFUSED(rawcd_mmc_cdb_inquiry(cdb, 4));
	REFUSED(rawcd_mmc_cdb_inquiry(cdb, 0x10000));
	REFUSED(rawcd_mmc_cdb_inquiry(NULL, 36));
}

Test(mmc_cdb, get_configuration)
{
	/* 46 RT FEAT_HI FEAT_LO 00 00 00 ALLOC_HI ALLOC_LO 00 */
	EXPECT(rawcd_mmc_cdb_get_configuration(cdb, 2, RAWCD_MMC_FEATURE_CD_MASTERING, 16), 0x46, 0x02, 0x00,
	       0x2E, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00);
	EXPECT(rawcd_mmc_cdb_get_configuration(cdb, 2, RAWCD_MMC_FEATURE_CD_TAO, 16), 0x46, 0x02, 0x00, 0x2D,
	       0x00, 0x00, 0x00, 0x00, 0x10, 0x00);
	EXPECT(rawcd_mmc_cdb_get_configuration(cdb, 0, RAWCD_MMC_FEATURE_PROFILE_LIST, 0x100), 0x46, 0x00,
	       0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00);
	EXPECT(rawcd_mmc_cdb_get_configuration(cdb, 1, 0x1234, 0xFFFF), 0x46, 0x01, 0x12, 0x34, 0x00, 0x00, 0x00,
	       0xFF, 0xFF, 0x00);
	REFUSED(rawcd_mmc_cdb_get_configuration(cdb, 3, 0, 8));
	REFUSED(rawcd_mmc_cdb_get_configuration(cdb, 0, 0, 7));
	REFUSED(rawcd_mmc_cdb_get_configuration(cdb, 0, 0, 0x10000));
}

Test(mmc_cdb, mode_sense10)
{
	/* 5A 00 PC|PAGE 00 00 00 00 ALLOC_HI ALLOC_LO 00 */
	EXPECT(rawcd_mmc_cdb_mode_sense10(cdb, RAWCD_MMC_PAGE_CAPABILITIES, 0, RAWCD_MMC_MODE_SENSE_LEN), 0x5A,
	       0x00, 0x2A, 0x00, 0x00, 0x00, 0x00, 0x01, 0x09, 0x00);
	EXPECT(rawcd_mmc_cdb_mode_sense10(cdb, RAWCD_MMC_PAGE_WRITE_PARAMETERS, 0, 60), 0x5A, 0x00, 0x05, 0x00,
	       0x00, 0x00, 0x00, 0x00, 0x3C, 0x00);
	/* Page control 1 (changeable values) in bits 7-6 of byte 2; 3 (saved) fills both. */
	EXPECT(rawcd_mmc_cdb_mode_sense10(cdb, RAWCD_MMC_PAGE_WRITE_PARAMETERS, 1, 60), 0x5A, 0x00, 0x45, 0x00,
	       0x00, 0x00, 0x00, 0x00, 0x3C, 0x00);
	EXPECT(rawcd_mmc_cdb_mode_sense10(cdb, 0x3F, 3, 8), 0x5A, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08,
	       0x00);
	REFUSED(rawcd_mmc_cdb_mode_sense10(cdb, 0x40, 0, 60));
	REFUSED(rawcd_mmc_cdb_mode_sense10(cdb, 0x05, 4, 60));
	REFUSED(rawcd_mmc_cdb_mode_sense10(cdb, 0x05, 0, 7));
}

Test(mmc_cdb, mode_select10_pf)
{
	/* 55 10 00 00 00 00 00 LEN_HI LEN_LO 00: PF = 1, SP = 0; 60 = 8-byte header + 52-byte page 05h. */
	EXPECT(rawcd_mmc_cdb_mode_select10(cdb, 60), 0x55, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3C, 0x00);
	EXPECT(rawcd_mmc_cdb_mode_select10(cdb, 0x0108), 0x55, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x08,
	       0x00);
	REFUSED(rawcd_mmc_cdb_mode_select10(cdb, 7));
	REFUSED(rawcd_mmc_cdb_mode_select10(cdb, 0x10000));
}

Test(mmc_cdb, read_disc_information)
{
	/* 51 00 00 00 00 00 00 LEN_HI LEN_LO 00 (34 bytes) */
	EXPECT(rawcd_mmc_cdb_read_disc_information(cdb, RAWCD_MMC_DISC_INFO_LEN), 0x51, 0x00, 0x00, 0x00, 0x00,
	       0x00, 0x00, 0x00, 0x22, 0x00);
	REFUSED(rawcd_mmc_cdb_read_disc_information(cdb, 0));
}

Test(mmc_cdb, read_toc_formats)
{
	/* ATIP exactly as research/burn.md quotes the burners: 43 02 04 00 00 00 00 00 1C 00. */
	EXPECT(rawcd_mmc_cdb_read_toc(cdb, 4, true, 0, RAWCD_MMC_ATIP_LEN), 0x43, 0x02, 0x04, 0x00, 0x00, 0x00,
	       0x00, 0x00, 0x1C, 0x00);
	/* Format 0 from track 1, LBA addresses; format 1; format 2 from session 1 with MSF; format 5. */
	EXPECT(rawcd_mmc_cdb_read_toc(cdb, 0, false, 1, 804), 0x43, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x03,
	       0x24, 0x00);
	EXPECT(rawcd_mmc_cdb_read_toc(cdb, 1, false, 0, 12), 0x43, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0C,
	       0x00);
	EXPECT(rawcd_mmc_cdb_read_toc(cdb, 2, true, 1, 0x0FFF), 0x43, 0x02, 0x02, 0x00, 0x00, 0x00, 0x01, 0x0F,
	       0xFF, 0x00);
	EXPECT(rawcd_mmc_cdb_read_toc(cdb, 5, false, 0, 0xFFFF), 0x43, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0xFF,
	       0xFF, 0x00);
	/* Byte 9 (the old SFF-8020 format field) stays 0 for every format. */
	for (unsigned f = 0; f <= 5; f++) {
		fill();
		cr_assert_eq(rawcd_mmc_cdb_read_toc(cdb, f, true, 0, 100), 10);
		cr_assert_eq(cdb[2], f);
		cr_assert_eq(cdb[9], 0);
	}
	REFUSED(rawcd_mmc_cdb_read_toc(cdb, 6, false, 0, 100));
	REFUSED(rawcd_mmc_cdb_read_toc(cdb, 0, false, 0x100, 100));
	REFUSED(rawcd_mmc_cdb_read_toc(cdb, 0, false, 0, 3));
}

Test(mmc_cdb, read_track_information)
{
	/* The invisible track, as wodim asks for the NWA: 52 01 00 00 00 FF 00 00 LEN 00. */
	EXPECT(rawcd_mmc_cdb_read_track_information(cdb, 1, 0xFF, RAWCD_MMC_TRACK_INFO_LEN), 0x52, 0x01, 0x00,
	       0x00, 0x00, 0xFF, 0x00, 0x00, 0x30, 0x00);
	/* By LBA, a 32-bit number in bytes 2-5. */
	EXPECT(rawcd_mmc_cdb_read_track_information(cdb, 0, 0x00057DA9, 0x1C), 0x52, 0x00, 0x00, 0x05, 0x7D,
	       0xA9, 0x00, 0x00, 0x1C, 0x00);
	EXPECT(rawcd_mmc_cdb_read_track_information(cdb, 2, 1, 0x1C), 0x52, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00,
	       0x00, 0x1C, 0x00);
	REFUSED(rawcd_mmc_cdb_read_track_information(cdb, 3, 1, 0x1C));
}

Test(mmc_cdb, set_cd_speed)
{
	/* BB RC READ_HI READ_LO WRITE_HI WRITE_LO 00 00 00 00 00 00: read as fast as possible, write 8x
	 * (8 x 176.4 = 1411 kB/s = 0583h). */
	EXPECT(rawcd_mmc_cdb_set_cd_speed(cdb, 0xFFFF, 1411), 0xBB, 0x00, 0xFF, 0xFF, 0x05, 0x83, 0x00, 0x00,
	       0x00, 0x00, 0x00, 0x00);
	EXPECT(rawcd_mmc_cdb_set_cd_speed(cdb, 176, 0xFFFF), 0xBB, 0x00, 0x00, 0xB0, 0xFF, 0xFF, 0x00, 0x00, 0x00,
	       0x00, 0x00, 0x00);
	REFUSED(rawcd_mmc_cdb_set_cd_speed(NULL, 176, 176));
}

Test(mmc_cdb, write10_negative_lba)
{
	/* 2A 00 LBA(4, two's complement) 00 LEN_HI LEN_LO 00. DESIGN.md §5: -150 = FF FF FF 6A;
	 * research/burn.md: the lead-in of a 97:27:00 ATIP at -11625 = FF FF D2 97; 26 raw blocks. */
	EXPECT(rawcd_mmc_cdb_write10(cdb, -150, 26), 0x2A, 0x00, 0xFF, 0xFF, 0xFF, 0x6A, 0x00, 0x00, 0x1A, 0x00);
	EXPECT(rawcd_mmc_cdb_write10(cdb, -11625, 26), 0x2A, 0x00, 0xFF, 0xFF, 0xD2, 0x97, 0x00, 0x00, 0x1A, 0x00);
	EXPECT(rawcd_mmc_cdb_write10(cdb, -1, 1), 0x2A, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x01, 0x00);
	EXPECT(rawcd_mmc_cdb_write10(cdb, 0, 13), 0x2A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0D, 0x00);
	EXPECT(rawcd_mmc_cdb_write10(cdb, 359849, 0xFFFF), 0x2A, 0x00, 0x00, 0x05, 0x7D, 0xA9, 0x00, 0xFF, 0xFF,
	       0x00);
	EXPECT(rawcd_mmc_cdb_write10(cdb, INT32_MIN, 1), 0x2A, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00);
	EXPECT(rawcd_mmc_cdb_write10(cdb, INT32_MAX, 1), 0x2A, 0x00, 0x7F, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x01, 0x00);
	REFUSED(rawcd_mmc_cdb_write10(cdb, 0, 0));
	REFUSED(rawcd_mmc_cdb_write10(cdb, 0, 0x10000));
}

Test(mmc_cdb, synchronize_cache)
{
	/* 35 02 00 ...: IMMED is byte 1 bit 1. */
	EXPECT(rawcd_mmc_cdb_synchronize_cache(cdb, true), 0x35, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	       0x00);
	EXPECT(rawcd_mmc_cdb_synchronize_cache(cdb, false), 0x35, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	       0x00);
}

Test(mmc_cdb, read_buffer_capacity)
{
	/* 5C 00 ... 00 0C 00, Block = 0. */
	EXPECT(rawcd_mmc_cdb_read_buffer_capacity(cdb, RAWCD_MMC_BUFFER_CAPACITY_LEN), 0x5C, 0x00, 0x00, 0x00,
	       0x00, 0x00, 0x00, 0x00, 0x0C, 0x00);
	REFUSED(rawcd_mmc_cdb_read_buffer_capacity(cdb, 11));
}

Test(mmc_cdb, blank)
{
	/* A1 IMMED|TYPE START(4) 00 ... (12 bytes): minimal blank with Immed = A1 11, as libburn sends. */
	EXPECT(rawcd_mmc_cdb_blank(cdb, 1, true, 0), 0xA1, 0x11, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	       0x00, 0x00);
	EXPECT(rawcd_mmc_cdb_blank(cdb, 0, false, 0), 0xA1, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	       0x00, 0x00);
	EXPECT(rawcd_mmc_cdb_blank(cdb, 2, true, 5), 0xA1, 0x12, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00,
	       0x00, 0x00);
	EXPECT(rawcd_mmc_cdb_blank(cdb, 6, false, 0x01020304), 0xA1, 0x06, 0x01, 0x02, 0x03, 0x04, 0x00, 0x00,
	       0x00, 0x00, 0x00, 0x00);
	REFUSED(rawcd_mmc_cdb_blank(cdb, 7, true, 0));
}

Test(mmc_cdb, read_subchannel)
{
	/* 42 MSF 40 FORMAT 00 00 TRACK ALLOC_HI ALLOC_LO 00 with SubQ = 1. */
	EXPECT(rawcd_mmc_cdb_read_subchannel(cdb, 2, false, 0, RAWCD_MMC_SUBCHANNEL_LEN), 0x42, 0x00, 0x40, 0x02,
	       0x00, 0x00, 0x00, 0x00, 0x18, 0x00);
	EXPECT(rawcd_mmc_cdb_read_subchannel(cdb, 3, true, 3, RAWCD_MMC_SUBCHANNEL_LEN), 0x42, 0x02, 0x40, 0x03,
	       0x00, 0x00, 0x03, 0x00, 0x18, 0x00);
	EXPECT(rawcd_mmc_cdb_read_subchannel(cdb, 1, true, 0, 16), 0x42, 0x02, 0x40, 0x01, 0x00, 0x00, 0x00, 0x00,
	       0x10, 0x00);
	REFUSED(rawcd_mmc_cdb_read_subchannel(cdb, 0, false, 0, 24));
	REFUSED(rawcd_mmc_cdb_read_subchannel(cdb, 4, false, 0, 24));
	REFUSED(rawcd_mmc_cdb_read_subchannel(cdb, 1, false, 0x100, 24));
}

Test(mmc_cdb, send_cue_sheet)
{
	/* 5D 00 00 00 00 00 L2 L1 L0 00: the 24-bit length in bytes 6-8 (MMC-6 §6.40); 11 entries = 88 =
	 * 58h. */
	EXPECT(rawcd_mmc_cdb_send_cue_sheet(cdb, 88), 0x5D, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x58,
	       0x00);
	EXPECT(rawcd_mmc_cdb_send_cue_sheet(cdb, 0x0F00), 0x5D, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0F, 0x00,
	       0x00);
	EXPECT(rawcd_mmc_cdb_send_cue_sheet(cdb, 0xFFFFF8), 0x5D, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF,
	       0xF8, 0x00);
	REFUSED(rawcd_mmc_cdb_send_cue_sheet(cdb, 0));
	REFUSED(rawcd_mmc_cdb_send_cue_sheet(cdb, 7));
	REFUSED(rawcd_mmc_cdb_send_cue_sheet(cdb, 0x1000000));
	cr_assert_eq(rawcd_mmc_cdb_send_cue_sheet(NULL, 8), RAWCD_E_ARG);
}

Test(mmc_cdb, opcodes)
{
	/* The header's operation codes are the ones SPC-4 and MMC-6 assign (each EXPECT above checks that
	 * its builder writes the code). */
	struct {
		enum rawcd_mmc_opcode op;
		uint8_t byte;
	} codes[] = {
		{RAWCD_MMC_OP_TEST_UNIT_READY, 0x00}, {RAWCD_MMC_OP_REQUEST_SENSE, 0x03},
		{RAWCD_MMC_OP_INQUIRY, 0x12},         {RAWCD_MMC_OP_WRITE10, 0x2A},
		{RAWCD_MMC_OP_SYNCHRONIZE_CACHE, 0x35}, {RAWCD_MMC_OP_READ_SUBCHANNEL, 0x42},
		{RAWCD_MMC_OP_READ_TOC, 0x43},        {RAWCD_MMC_OP_GET_CONFIGURATION, 0x46},
		{RAWCD_MMC_OP_READ_DISC_INFORMATION, 0x51}, {RAWCD_MMC_OP_READ_TRACK_INFORMATION, 0x52},
		{RAWCD_MMC_OP_MODE_SELECT10, 0x55},   {RAWCD_MMC_OP_MODE_SENSE10, 0x5A},
		{RAWCD_MMC_OP_READ_BUFFER_CAPACITY, 0x5C}, {RAWCD_MMC_OP_SEND_CUE_SHEET, 0x5D},
		{RAWCD_MMC_OP_BLANK, 0xA1},
		{RAWCD_MMC_OP_SET_CD_SPEED, 0xBB},
	};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		cr_assert_eq((unsigned)codes[i].op, codes[i].byte, "entry %zu", i);
}

Test(mmc_cdb, block_sizes)
{
	/* DESIGN.md §5, data block types. */
	static const size_t want[16] = {2352, 2368, 2448, 2448, 0,    0,    0, 0,
					2048, 2336, 2048, 2056, 2324, 2332, 0, 0};
	for (unsigned t = 0; t < 16; t++)
		cr_assert_eq(rawcd_mmc_block_size(t), want[t], "data block type %u", t);
	cr_assert_eq(rawcd_mmc_block_size(16), 0);
	/* 26 raw P-W blocks are the 63 648-byte transfer cdrdao uses, under 64 KiB. */
	cr_assert_eq(26 * rawcd_mmc_block_size(RAWCD_MMC_DBT_RAW_PW), 63648);
}

Test(mmc_cdb, profile_names)
{
	cr_assert_str_eq(rawcd_mmc_profile_name(RAWCD_MMC_PROFILE_CD_R), "CD-R");
	cr_assert_str_eq(rawcd_mmc_profile_name(RAWCD_MMC_PROFILE_CD_RW), "CD-RW");
	cr_assert_str_eq(rawcd_mmc_profile_name(RAWCD_MMC_PROFILE_CD_ROM), "CD-ROM");
	cr_assert_str_eq(rawcd_mmc_profile_name(0x0010), "DVD-ROM");
	cr_assert_str_eq(rawcd_mmc_profile_name(0x0043), "BD-RE");
	cr_assert_str_eq(rawcd_mmc_profile_name(0x7777), "unknown");
}
