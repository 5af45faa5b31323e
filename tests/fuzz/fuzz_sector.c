/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fuzz the checks of raw image bytes: rawcd_sector_check on 2352-byte sectors and the subcode readers
 * (rawcd_subcode_from_raw96, rawcd_q_crc_ok) on 96-byte blocks. Input: 4 bytes of expected LBA
 * (little-endian; a value outside RAWCD_LBA_MIN..RAWCD_LBA_MAX is folded into it), 1 byte whose bit 0
 * says what follows: 2352-byte sectors (1) or 96-byte raw P-W blocks (0); a short tail is ignored.
 *
 * Invariants checked (an abort is a finding):
 *  - the checker agrees with itself: header_ok exactly when the header encodes the expected LBA, and a
 *    header it read as an LBA is what rawcd_sector_header writes for that LBA;
 *  - completing the same sector with the encoder (rawcd_sector_fill, same mode, expected LBA) gives a
 *    sector the checker finds valid in every field, of the same mode; scrambling twice restores it;
 *  - raw P-W de-interleaves and re-interleaves to the same 96 bytes; a Q frame given its CRC checks.
 */
#include <stdbool.h>
#include <string.h>

#include "fuzz_common.h"
#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawcd/sector.h"
#include "rawcd/subcode.h"

static int32_t expected_lba(const uint8_t *p)
{
	uint32_t u = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
	int32_t v = (int32_t)u;
	if (v >= RAWCD_LBA_MIN && v <= RAWCD_LBA_MAX)
		return v;
	return RAWCD_LBA_MIN + (int32_t)(u % (uint32_t)(RAWCD_LBA_MAX - RAWCD_LBA_MIN + 1));
}

static void check_sector(const uint8_t *in, int32_t lba)
{
	static uint8_t s[RAWCD_SECTOR_SIZE], h[RAWCD_HEADER_SIZE + RAWCD_SYNC_SIZE];
	struct rawcd_sector_check c, d;
	memcpy(s, in, sizeof(s));
	FUZZ_ASSERT(rawcd_sector_check(&c, s, lba) == RAWCD_OK);
	FUZZ_ASSERT(c.header_ok == (c.header_lba == lba));
	FUZZ_ASSERT(c.mode_byte == s[15]);
	if (c.header_lba != INT32_MIN) {
		FUZZ_ASSERT(c.header_lba >= RAWCD_LBA_MIN && c.header_lba <= RAWCD_LBA_MAX);
		FUZZ_ASSERT(rawcd_sector_header(h, c.header_lba, s[15]) == RAWCD_OK);
		FUZZ_ASSERT(memcmp(h + 12, s + 12, 3) == 0);
	}
	if (c.mode != RAWCD_SECTOR_MODE_INVALID) {
		FUZZ_ASSERT(rawcd_sector_fill(s, c.mode, lba, 1) == RAWCD_OK);
		FUZZ_ASSERT(rawcd_sector_check(&d, s, lba) == RAWCD_OK);
		FUZZ_ASSERT(d.sync_ok && d.header_ok && d.header_lba == lba && d.zero_ok);
		FUZZ_ASSERT(d.mode == c.mode);
		FUZZ_ASSERT(d.edc != RAWCD_CHECK_BAD && d.ecc != RAWCD_CHECK_BAD);
		FUZZ_ASSERT((d.mode == RAWCD_SECTOR_MODE1 || d.mode == RAWCD_SECTOR_MODE2_FORM1) ==
			    (d.ecc == RAWCD_CHECK_OK));
	}
	uint8_t copy[RAWCD_SECTOR_SIZE];
	memcpy(copy, s, sizeof(copy));
	FUZZ_ASSERT(rawcd_scramble_sectors(s, 1) == RAWCD_OK);
	FUZZ_ASSERT(rawcd_scramble_sectors(s, 1) == RAWCD_OK);
	FUZZ_ASSERT(memcmp(copy, s, sizeof(copy)) == 0);
}

static void check_subcode(const uint8_t *in)
{
	struct rawcd_subchannels sc;
	uint8_t back[RAWCD_SUBCODE_SIZE], pq[RAWCD_PQ16_SIZE], q[RAWCD_Q_SIZE];
	rawcd_subcode_from_raw96(&sc, in);
	rawcd_subcode_raw96(&sc, back);
	FUZZ_ASSERT(memcmp(back, in, RAWCD_SUBCODE_SIZE) == 0);
	rawcd_subcode_packed96(&sc, back);
	rawcd_subcode_channels96(&sc, back);
	rawcd_subcode_pq16(&sc, pq);
	FUZZ_ASSERT(memcmp(pq, sc.q, RAWCD_Q_SIZE) == 0);
	bool ok = rawcd_q_crc_ok(sc.q);
	memcpy(q, sc.q, sizeof(q));
	rawcd_q_set_crc(q);
	FUZZ_ASSERT(rawcd_q_crc_ok(q));
	FUZZ_ASSERT(ok == (memcmp(q, sc.q, sizeof(q)) == 0));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 5)
		return 0;
	int32_t lba = expected_lba(data);
	bool sectors = data[4] & 1;
	data += 5;
	size -= 5;
	size_t unit = sectors ? RAWCD_SECTOR_SIZE : RAWCD_SUBCODE_SIZE;
	for (size_t i = 0; i + unit <= size && i < 64 * unit; i += unit, lba = lba < RAWCD_LBA_MAX ? lba + 1 : lba) {
		if (sectors)
			check_sector(data + i, lba);
		else
			check_subcode(data + i);
	}
	return 0;
}
