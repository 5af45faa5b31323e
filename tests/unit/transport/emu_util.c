/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "emu_util.h"

#include <criterion/criterion.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/sector.h"
#include "rawcd/subcode.h"

rawcd_transport *emu_open(const struct rawcd_emu_config *cfg)
{
	rawcd_transport *t = NULL;
	cr_assert_eq(rawcd_transport_open_emulated(&t, cfg), RAWCD_OK);
	cr_assert_not_null(t);
	return t;
}

struct rawcd_cmd_result emu_cmd(rawcd_transport *t, const uint8_t *cdb, int cdb_len, enum rawcd_xfer dir, void *buf,
				size_t len)
{
	struct rawcd_cmd_result r;
	cr_assert_gt(cdb_len, 0);
	cr_assert_eq(rawcd_transport_execute(t, cdb, (size_t)cdb_len, dir, buf, len, 0, &r), RAWCD_OK,
		     "opcode %02Xh not delivered (os_error %d)", cdb[0], r.os_error);
	return r;
}

struct rawcd_cmd_result emu_tur(rawcd_transport *t)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	return emu_cmd(t, cdb, rawcd_mmc_cdb_test_unit_ready(cdb), RAWCD_XFER_NONE, NULL, 0);
}

struct rawcd_cmd_result emu_select(rawcd_transport *t, uint8_t write_type, uint8_t dbt, bool test_write, bool bufe)
{
	struct rawcd_mmc_write_setup s = {.write_type = write_type, .data_block_type = dbt, .test_write = test_write,
					  .bufe = bufe};
	uint8_t list[64], cdb[RAWCD_CDB_MAX];
	size_t n;
	cr_assert_eq(rawcd_mmc_build_write_params(list, sizeof list, &n, &s, NULL), RAWCD_OK);
	return emu_cmd(t, cdb, rawcd_mmc_cdb_mode_select10(cdb, (unsigned)n), RAWCD_XFER_TO_DEVICE, list, n);
}

struct rawcd_cmd_result emu_read_toc(rawcd_transport *t, unsigned format, uint8_t *buf, size_t cap)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	unsigned alloc = cap > 0xFFFF ? 0xFFFF : (unsigned)cap;
	int n = rawcd_mmc_cdb_read_toc(cdb, format, format == 4, 0, alloc);
	return emu_cmd(t, cdb, n, RAWCD_XFER_FROM_DEVICE, buf, alloc);
}

struct rawcd_cmd_result emu_write(rawcd_transport *t, int32_t lba, unsigned blocks, const uint8_t *data,
				  size_t block_size)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	int n = rawcd_mmc_cdb_write10(cdb, lba, blocks);
	return emu_cmd(t, cdb, n, RAWCD_XFER_TO_DEVICE, (void *)(uintptr_t)data, blocks * block_size);
}

struct rawcd_cmd_result emu_sync(rawcd_transport *t, bool immed)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	return emu_cmd(t, cdb, rawcd_mmc_cdb_synchronize_cache(cdb, immed), RAWCD_XFER_NONE, NULL, 0);
}

struct rawcd_cmd_result emu_get_config(rawcd_transport *t, unsigned rt, uint16_t feature, uint8_t *buf, size_t cap)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	return emu_cmd(t, cdb, rawcd_mmc_cdb_get_configuration(cdb, rt, feature, (unsigned)cap),
		       RAWCD_XFER_FROM_DEVICE, buf, cap);
}

struct rawcd_cmd_result emu_disc_info(rawcd_transport *t, struct rawcd_mmc_disc_info *out)
{
	uint8_t cdb[RAWCD_CDB_MAX], buf[RAWCD_MMC_DISC_INFO_LEN];
	struct rawcd_cmd_result r = emu_cmd(t, cdb, rawcd_mmc_cdb_read_disc_information(cdb, sizeof buf),
					    RAWCD_XFER_FROM_DEVICE, buf, sizeof buf);
	if (r.ok)
		cr_assert_eq(rawcd_mmc_parse_disc_info(out, buf, r.transferred), RAWCD_OK);
	return r;
}

/* @p leadout: a lead-out frame (TNO AAh) instead of the lead-in, pregap or track 1 frame of @p lba. */
static void make_block(uint8_t *block, size_t size, int32_t lba, bool good_crc, bool leadout)
{
	struct rawcd_subchannels sc;
	memset(&sc, 0, sizeof sc);
	memset(block, 0, RAWCD_SECTOR_SIZE);
	struct rawcd_msf abs = rawcd_lba_to_msf(lba);
	uint8_t *q = sc.q;
	q[0] = 0x01;
	if (lba < -150) {
		q[1] = 0x00;
		q[2] = 0xA0;
		q[7] = 0x01; /* A0: first track 1, disc type 00 */
	} else {
		q[1] = leadout ? 0xAA : 0x01;
		q[2] = lba < 0 && !leadout ? 0x00 : 0x01;
		q[7] = rawcd_bcd_encode(abs.m);
		q[8] = rawcd_bcd_encode(abs.s);
		q[9] = rawcd_bcd_encode(abs.f);
	}
	rawcd_q_set_crc(q);
	if (!good_crc)
		q[11] ^= 0x01;
	bool p = lba >= -150 && lba < 0;
	if (p)
		memset(sc.p, 0xFF, sizeof sc.p);
	if (size == PQ16_BLOCK)
		rawcd_subcode_pq16(&sc, block + RAWCD_SECTOR_SIZE);
	else
		rawcd_subcode_raw96(&sc, block + RAWCD_SECTOR_SIZE);
}

void emu_block(uint8_t *block, size_t size, int32_t lba, bool good_crc)
{
	make_block(block, size, lba, good_crc, false);
}

void emu_leadout_blocks(uint8_t *out, size_t size, int32_t lba, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		make_block(out + i * size, size, lba + (int32_t)i, true, true);
}

void emu_blocks(uint8_t *out, size_t size, int32_t lba, unsigned n, bool good_crc)
{
	for (unsigned i = 0; i < n; i++)
		emu_block(out + i * size, size, lba + (int32_t)i, good_crc);
}

bool emu_sense_is(const struct rawcd_cmd_result *r, uint8_t key, uint8_t asc, uint8_t ascq)
{
	return r->check_condition && r->sense.key == key && r->sense.asc == asc && r->sense.ascq == ascq;
}

const struct rawcd_emu_command *emu_last(const rawcd_transport *t)
{
	size_t n = rawcd_emu_command_count(t);
	cr_assert_gt(n, 0);
	return rawcd_emu_command_get(t, n - 1);
}

struct rawcd_emu_state emu_state(const rawcd_transport *t)
{
	struct rawcd_emu_state s;
	cr_assert_eq(rawcd_emu_get_state(&s, t), RAWCD_OK);
	return s;
}
