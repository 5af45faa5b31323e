/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sector encoders and the sector check (ECMA-130 §14; Mode 2 Forms from CD-ROM XA). Batch functions pick
 * the EDC and ECC kernels once per call and then work sector by sector in the caller's buffer.
 */
#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawcd/sector.h"

#include "codec.h"

#include <string.h>

/* ECMA-130 §14.1: one byte 00, ten bytes FF, one byte 00. */
static const uint8_t sync_field[RAWCD_SYNC_SIZE] = {
	0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00
};

#define SUBHEADER_COPY 4 /* the subheader is 4 bytes, recorded twice */
#define MODE1_ZERO_OFFSET 2068
#define MODE1_ZERO_SIZE 8

/* The kernels a batch uses. */
struct kernels {
	enum rcd_edc_impl edc;
	enum rcd_ecc_impl ecc;
};

static struct kernels kernels_best(void)
{
	return (struct kernels){ rcd_edc_best_impl(), rcd_ecc_best_impl() };
}

static bool lba_range_ok(int32_t lba, size_t count)
{
	if (lba < RAWCD_LBA_MIN || lba > RAWCD_LBA_MAX)
		return false;
	return count <= (size_t)(RAWCD_LBA_MAX - lba) + 1;
}

/* §14.2: the header address is the absolute time of the sector, in BCD. */
static void write_header(uint8_t *out, int32_t lba, uint8_t mode_byte)
{
	struct rawcd_msf msf = rawcd_lba_to_msf(lba);
	memcpy(out, sync_field, sizeof(sync_field));
	out[12] = rawcd_bcd_encode(msf.m);
	out[13] = rawcd_bcd_encode(msf.s);
	out[14] = rawcd_bcd_encode(msf.f);
	out[15] = mode_byte;
}

int rawcd_sector_header(uint8_t *out, int32_t lba, uint8_t mode_byte)
{
	if (!out || !lba_range_ok(lba, 1))
		return RAWCD_E_ARG;
	write_header(out, lba, mode_byte);
	return RAWCD_OK;
}

enum rawcd_sector_mode rawcd_sector_mode2_form(const uint8_t *subheader)
{
	if (memcmp(subheader, subheader + SUBHEADER_COPY, SUBHEADER_COPY) != 0)
		return RAWCD_SECTOR_MODE2;
	if (subheader[2] & RAWCD_SUBMODE_FORM2)
		return RAWCD_SECTOR_MODE2_FORM2;
	return RAWCD_SECTOR_MODE2_FORM1;
}

size_t rawcd_sector_input_size(enum rawcd_sector_mode mode)
{
	switch (mode) {
	case RAWCD_SECTOR_MODE1:
		return RAWCD_MODE1_DATA_SIZE;
	case RAWCD_SECTOR_MODE2:
	case RAWCD_SECTOR_MODE2_AUTO:
		return RAWCD_MODE2_DATA_SIZE;
	case RAWCD_SECTOR_MODE2_FORM1:
		return RAWCD_SUBHEADER_SIZE + RAWCD_FORM1_DATA_SIZE;
	case RAWCD_SECTOR_MODE2_FORM2:
		return RAWCD_SUBHEADER_SIZE + RAWCD_FORM2_DATA_SIZE;
	default:
		return 0;
	}
}

static bool mode_encodable(enum rawcd_sector_mode mode)
{
	return mode >= RAWCD_SECTOR_MODE0 && mode <= RAWCD_SECTOR_MODE2_AUTO;
}

static void edc_store(uint8_t *s, size_t from, size_t at, enum rcd_edc_impl impl)
{
	rcd_store_le32(s + at, rcd_edc_update_impl(0, s + from, at - from, impl));
}

/* Complete one sector whose payload is in place (see rawcd_sector_fill()). */
static void fill_one(uint8_t *s, enum rawcd_sector_mode mode, int32_t lba, struct kernels k)
{
	if (mode == RAWCD_SECTOR_MODE2_AUTO)
		mode = rawcd_sector_mode2_form(s + RAWCD_DATA_OFFSET);
	switch (mode) {
	case RAWCD_SECTOR_MODE0:
		write_header(s, lba, 0);
		memset(s + RAWCD_DATA_OFFSET, 0, RAWCD_MODE2_DATA_SIZE);
		return;
	case RAWCD_SECTOR_MODE1:
		write_header(s, lba, 1);
		edc_store(s, 0, RAWCD_MODE1_EDC_OFFSET, k.edc);
		memset(s + MODE1_ZERO_OFFSET, 0, MODE1_ZERO_SIZE);
		rcd_ecc_encode_impl(s, false, k.ecc);
		return;
	case RAWCD_SECTOR_MODE2_FORM1:
		write_header(s, lba, 2);
		edc_store(s, RAWCD_DATA_OFFSET, RAWCD_FORM1_EDC_OFFSET, k.edc);
		rcd_ecc_encode_impl(s, true, k.ecc);
		return;
	case RAWCD_SECTOR_MODE2_FORM2:
		write_header(s, lba, 2);
		edc_store(s, RAWCD_DATA_OFFSET, RAWCD_FORM2_EDC_OFFSET, k.edc);
		return;
	default: /* formless Mode 2: the 2336 bytes are the user data */
		write_header(s, lba, 2);
		return;
	}
}

int rawcd_sector_fill(uint8_t *sectors, enum rawcd_sector_mode mode, int32_t lba, size_t count)
{
	if ((!sectors && count > 0) || !mode_encodable(mode) || !lba_range_ok(lba, count))
		return RAWCD_E_ARG;
	struct kernels k = kernels_best();
	for (size_t n = 0; n < count; n++)
		fill_one(sectors + n * RAWCD_SECTOR_SIZE, mode, lba + (int32_t)n, k);
	return RAWCD_OK;
}

int rawcd_sector_encode(uint8_t *out, const uint8_t *in, enum rawcd_sector_mode mode, int32_t lba,
                        size_t count)
{
	if ((!out && count > 0) || !mode_encodable(mode) || !lba_range_ok(lba, count))
		return RAWCD_E_ARG;
	size_t size = rawcd_sector_input_size(mode);
	struct kernels k = kernels_best();
	for (size_t n = 0; n < count; n++) {
		uint8_t *s = out + n * RAWCD_SECTOR_SIZE;
		if (in)
			memcpy(s + RAWCD_DATA_OFFSET, in + n * size, size);
		else
			memset(s + RAWCD_DATA_OFFSET, 0, size);
		fill_one(s, mode, lba + (int32_t)n, k);
	}
	return RAWCD_OK;
}

int rawcd_sector_encode_mode1(uint8_t *out, const uint8_t *user, int32_t lba, size_t count)
{
	return rawcd_sector_encode(out, user, RAWCD_SECTOR_MODE1, lba, count);
}

/* ---- Check ---- */

static int32_t header_lba(const uint8_t *s)
{
	int m = rawcd_bcd_decode(s[12]), sec = rawcd_bcd_decode(s[13]), f = rawcd_bcd_decode(s[14]);
	if (m < 0 || sec < 0 || f < 0 || sec >= 60 || f >= RAWCD_FRAMES_PER_SECOND)
		return INT32_MIN;
	return rawcd_msf_to_lba((struct rawcd_msf){ (uint8_t)m, (uint8_t)sec, (uint8_t)f });
}

static bool all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

static enum rawcd_check edc_check(const uint8_t *s, size_t from, size_t at)
{
	uint32_t edc = rawcd_edc_compute(s + from, at - from);
	return edc == rcd_load_le32(s + at) ? RAWCD_CHECK_OK : RAWCD_CHECK_BAD;
}

static enum rawcd_check ecc_check(const uint8_t *s, enum rawcd_sector_mode mode)
{
	return rawcd_ecc_check(s, mode) == RAWCD_OK ? RAWCD_CHECK_OK : RAWCD_CHECK_BAD;
}

/* The per-mode part of rawcd_sector_check(); `out` already has the mode byte. */
static void check_payload(struct rawcd_sector_check *out, const uint8_t *s)
{
	switch (out->mode_byte) {
	case 0:
		out->mode = RAWCD_SECTOR_MODE0;
		out->zero_ok = all_zero(s + RAWCD_DATA_OFFSET, RAWCD_MODE2_DATA_SIZE);
		return;
	case 1:
		out->mode = RAWCD_SECTOR_MODE1;
		out->zero_ok = all_zero(s + MODE1_ZERO_OFFSET, MODE1_ZERO_SIZE);
		out->edc = edc_check(s, 0, RAWCD_MODE1_EDC_OFFSET);
		out->ecc = ecc_check(s, RAWCD_SECTOR_MODE1);
		return;
	case 2:
		out->subheader_equal = memcmp(s + 16, s + 16 + SUBHEADER_COPY, SUBHEADER_COPY) == 0;
		out->mode = rawcd_sector_mode2_form(s + RAWCD_DATA_OFFSET);
		if (out->mode == RAWCD_SECTOR_MODE2_FORM1) {
			out->edc = edc_check(s, RAWCD_DATA_OFFSET, RAWCD_FORM1_EDC_OFFSET);
			out->ecc = ecc_check(s, RAWCD_SECTOR_MODE2_FORM1);
		} else if (out->mode == RAWCD_SECTOR_MODE2_FORM2) {
			out->edc_zero = rcd_load_le32(s + RAWCD_FORM2_EDC_OFFSET) == 0;
			out->edc = out->edc_zero ? RAWCD_CHECK_OK
			                         : edc_check(s, RAWCD_DATA_OFFSET, RAWCD_FORM2_EDC_OFFSET);
		}
		return;
	default:
		out->mode = RAWCD_SECTOR_MODE_INVALID;
		return;
	}
}

int rawcd_sector_check(struct rawcd_sector_check *out, const uint8_t *sector, int32_t expected_lba)
{
	if (!out || !sector || !lba_range_ok(expected_lba, 1))
		return RAWCD_E_ARG;
	uint8_t expected[RAWCD_DATA_OFFSET];
	write_header(expected, expected_lba, 0);
	struct rawcd_sector_check r = {
		.sync_ok = memcmp(sector, sync_field, sizeof(sync_field)) == 0,
		.header_ok = memcmp(sector + 12, expected + 12, 3) == 0,
		.header_lba = header_lba(sector),
		.mode_byte = sector[15],
		.zero_ok = true,
		.edc = RAWCD_CHECK_NONE,
		.ecc = RAWCD_CHECK_NONE,
	};
	check_payload(&r, sector);
	*out = r;
	return RAWCD_OK;
}
