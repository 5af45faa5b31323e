/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CDB builders for the commands of a raw DAO burn (DESIGN.md §5; research/burn.md §1.2). Every CDB
 * follows its command's CDB table in MMC-6 (T10/1836-D r2g), SPC-4 for TEST UNIT READY, REQUEST SENSE
 * and INQUIRY, and MMC-3 for READ SUB-CHANNEL. Reserved bytes and the CONTROL byte (the last one) are
 * 0; the rest of the 16-byte buffer is cleared so a transport may log or compare all of it.
 */
#include "rawcd/mmc.h"

#include <string.h>

#include "rawcd/error.h"
#include "mmc_bytes.h"

#define CDB6 6
#define CDB10 10
#define CDB12 12
#define U16_MAX 0xFFFFu

/* Start a CDB: clear the whole buffer and set the operation code. */
static void cdb_start(uint8_t *cdb, enum rawcd_mmc_opcode op)
{
	memset(cdb, 0, RAWCD_CDB_MAX);
	cdb[0] = (uint8_t)op;
}

int rawcd_mmc_cdb_test_unit_ready(uint8_t cdb[RAWCD_CDB_MAX])
{
	if (!cdb)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_TEST_UNIT_READY);
	return CDB6;
}

int rawcd_mmc_cdb_request_sense(uint8_t cdb[RAWCD_CDB_MAX], unsigned allocation)
{
	if (!cdb || allocation == 0 || allocation > RAWCD_SENSE_MAX)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_REQUEST_SENSE);
	cdb[4] = (uint8_t)allocation; /* byte 1 bit 0 DESC = 0: fixed-format sense */
	return CDB6;
}

int rawcd_mmc_cdb_inquiry(uint8_t cdb[RAWCD_CDB_MAX], unsigned allocation)
{
	if (!cdb || allocation < 5 || allocation > U16_MAX)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_INQUIRY);
	rcd_put_be16(cdb + 3, allocation); /* SPC-4: bytes 3-4; SPC-2 drives read byte 4 only */
	return CDB6;
}

int rawcd_mmc_cdb_get_configuration(uint8_t cdb[RAWCD_CDB_MAX], unsigned rt, uint16_t feature,
				    unsigned allocation)
{
	if (!cdb || rt > 2 || allocation < 8 || allocation > U16_MAX)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_GET_CONFIGURATION);
	cdb[1] = (uint8_t)rt;              /* bits 1-0 RT */
	rcd_put_be16(cdb + 2, feature);    /* Starting Feature Number */
	rcd_put_be16(cdb + 7, allocation); /* Allocation Length */
	return CDB10;
}

int rawcd_mmc_cdb_mode_sense10(uint8_t cdb[RAWCD_CDB_MAX], unsigned page, unsigned page_control,
			       unsigned allocation)
{
	if (!cdb || page > 0x3F || page_control > 3 || allocation < RAWCD_MMC_MODE_HEADER_LEN ||
	    allocation > U16_MAX)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_MODE_SENSE10);
	cdb[2] = (uint8_t)(page_control << 6 | page); /* PC bits 7-6, page code bits 5-0 */
	rcd_put_be16(cdb + 7, allocation);
	return CDB10;
}

int rawcd_mmc_cdb_mode_select10(uint8_t cdb[RAWCD_CDB_MAX], unsigned parameter_length)
{
	if (!cdb || parameter_length < RAWCD_MMC_MODE_HEADER_LEN || parameter_length > U16_MAX)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_MODE_SELECT10);
	cdb[1] = 0x10; /* PF (bit 4) = 1: the page format is the standard one; SP (bit 0) = 0 */
	rcd_put_be16(cdb + 7, parameter_length);
	return CDB10;
}

int rawcd_mmc_cdb_read_disc_information(uint8_t cdb[RAWCD_CDB_MAX], unsigned allocation)
{
	if (!cdb || allocation == 0 || allocation > U16_MAX)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_READ_DISC_INFORMATION);
	rcd_put_be16(cdb + 7, allocation); /* byte 1 bits 2-0 data type 000b: standard */
	return CDB10;
}

int rawcd_mmc_cdb_read_toc(uint8_t cdb[RAWCD_CDB_MAX], unsigned format, bool msf, unsigned track_session,
			   unsigned allocation)
{
	if (!cdb || format > 5 || track_session > 0xFF || allocation < 4 || allocation > U16_MAX)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_READ_TOC);
	cdb[1] = msf ? 0x02 : 0x00; /* TIME bit */
	cdb[2] = (uint8_t)format;   /* bits 3-0 */
	cdb[6] = (uint8_t)track_session;
	rcd_put_be16(cdb + 7, allocation);
	return CDB10;
}

int rawcd_mmc_cdb_read_track_information(uint8_t cdb[RAWCD_CDB_MAX], unsigned address_type, uint32_t number,
					 unsigned allocation)
{
	if (!cdb || address_type > 2 || allocation < 4 || allocation > U16_MAX)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_READ_TRACK_INFORMATION);
	cdb[1] = (uint8_t)address_type; /* bits 1-0 Address/Number Type */
	rcd_put_be32(cdb + 2, number);
	rcd_put_be16(cdb + 7, allocation);
	return CDB10;
}

int rawcd_mmc_cdb_set_cd_speed(uint8_t cdb[RAWCD_CDB_MAX], uint16_t read_kbs, uint16_t write_kbs)
{
	if (!cdb)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_SET_CD_SPEED);
	/* byte 1 bits 1-0 Rotational Control 00b: CLV */
	rcd_put_be16(cdb + 2, read_kbs);
	rcd_put_be16(cdb + 4, write_kbs);
	return CDB12;
}

int rawcd_mmc_cdb_write10(uint8_t cdb[RAWCD_CDB_MAX], int32_t lba, unsigned blocks)
{
	if (!cdb || blocks == 0 || blocks > U16_MAX)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_WRITE10);
	/* The LBA field is a 32-bit two's complement number (MMC-6 §4.2.3.4: the lead-in has negative
	 * addresses), so the conversion to uint32_t gives exactly its bytes. */
	rcd_put_be32(cdb + 2, (uint32_t)lba);
	rcd_put_be16(cdb + 7, blocks); /* Transfer Length, blocks */
	return CDB10;
}

int rawcd_mmc_cdb_synchronize_cache(uint8_t cdb[RAWCD_CDB_MAX], bool immed)
{
	if (!cdb)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_SYNCHRONIZE_CACHE);
	cdb[1] = immed ? 0x02 : 0x00; /* IMMED bit 1; LBA 0 and Number of Blocks 0: the whole cache */
	return CDB10;
}

int rawcd_mmc_cdb_send_cue_sheet(uint8_t cdb[RAWCD_CDB_MAX], size_t length)
{
	if (!cdb || length == 0 || length % RAWCD_MMC_CUE_ENTRY_SIZE != 0 || length > 0xFFFFFFu)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_SEND_CUE_SHEET);
	cdb[6] = (uint8_t)(length >> 16); /* Cue Sheet Size, bytes 6-8 (MMC-6 §6.40) */
	cdb[7] = (uint8_t)(length >> 8);
	cdb[8] = (uint8_t)length;
	return CDB10;
}

int rawcd_mmc_cdb_read_buffer_capacity(uint8_t cdb[RAWCD_CDB_MAX], unsigned allocation)
{
	if (!cdb || allocation < RAWCD_MMC_BUFFER_CAPACITY_LEN || allocation > U16_MAX)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_READ_BUFFER_CAPACITY);
	rcd_put_be16(cdb + 7, allocation); /* byte 1 bit 0 Block = 0: sizes in bytes */
	return CDB10;
}

int rawcd_mmc_cdb_blank(uint8_t cdb[RAWCD_CDB_MAX], unsigned type, bool immed, uint32_t number)
{
	if (!cdb || type > 6)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_BLANK);
	cdb[1] = (uint8_t)((immed ? 0x10 : 0x00) | type); /* IMMED bit 4, Blanking Type bits 2-0 */
	rcd_put_be32(cdb + 2, number);                    /* Start Address / Track Number */
	return CDB12;
}

int rawcd_mmc_cdb_read_subchannel(uint8_t cdb[RAWCD_CDB_MAX], unsigned format, bool msf, unsigned track,
				  unsigned allocation)
{
	if (!cdb || format < 1 || format > 3 || track > 0xFF || allocation < 4 || allocation > U16_MAX)
		return RAWCD_E_ARG;
	cdb_start(cdb, RAWCD_MMC_OP_READ_SUBCHANNEL);
	cdb[1] = msf ? 0x02 : 0x00; /* MSF bit */
	cdb[2] = 0x40;              /* SubQ: return the sub-channel data */
	cdb[3] = (uint8_t)format;   /* Sub-channel Parameter List Code */
	cdb[6] = (uint8_t)track;
	rcd_put_be16(cdb + 7, allocation);
	return CDB10;
}

size_t rawcd_mmc_block_size(unsigned data_block_type)
{
	/* MMC-6 clause 7, Write Parameters page, Data Block Type codes; 0 marks reserved/vendor. */
	static const uint16_t sizes[16] = {2352, 2368, 2448, 2448, 0, 0, 0, 0,
					   2048, 2336, 2048, 2056, 2324, 2332, 0, 0};
	return data_block_type < 16 ? sizes[data_block_type] : 0;
}

const char *rawcd_mmc_profile_name(uint16_t profile)
{
	/* MMC-6 clause 5, Profile List: the profile numbers. */
	static const struct {
		uint16_t number;
		const char *name;
	} names[] = {
		{0x0000, "none"},         {0x0001, "non-removable disk"}, {0x0002, "removable disk"},
		{0x0008, "CD-ROM"},       {0x0009, "CD-R"},               {0x000A, "CD-RW"},
		{0x0010, "DVD-ROM"},      {0x0011, "DVD-R"},              {0x0012, "DVD-RAM"},
		{0x0013, "DVD-RW restricted overwrite"},                  {0x0014, "DVD-RW sequential"},
		{0x0015, "DVD-R DL sequential"},                          {0x0016, "DVD-R DL layer jump"},
		{0x001A, "DVD+RW"},       {0x001B, "DVD+R"},              {0x002A, "DVD+RW DL"},
		{0x002B, "DVD+R DL"},     {0x0040, "BD-ROM"},             {0x0041, "BD-R SRM"},
		{0x0042, "BD-R RRM"},     {0x0043, "BD-RE"},              {0x0050, "HD DVD-ROM"},
		{0x0051, "HD DVD-R"},     {0x0052, "HD DVD-RAM"},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].number == profile)
			return names[i].name;
	return "unknown";
}
