/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The READ TOC/PMA/ATIP format 5 response (MMC-6 §6.26.3.7) both ways, the CDTEXTFILE layouts and
 * errors of rawcd_cdtext_read_file(), and packs rawcd_cdtext_decode() must refuse.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "cdtext_test_util.h"
#include "rawcd/error.h"

static struct rawcd_cdtext_packs packs, back;
static rawcd_diag *diag;
static uint8_t *file;
static size_t file_len;

/* libcdio's historic cdtext.cdt: 45 packs, one block. */
static void setup(void)
{
	diag = rawcd_diag_new();
	cr_assert_not_null(diag);
	file = tu_read_file(HISTORIC_CDT, &file_len);
	cr_assert_eq(file_len, 45 * 18);
	packs = (struct rawcd_cdtext_packs){.pack = (uint8_t(*)[18])file, .count = 45};
}

static void teardown(void)
{
	rawcd_cdtext_packs_finish(&back);
	free(file);
	rawcd_diag_free(diag);
	tu_cleanup();
}

TestSuite(cdtext_response, .init = setup, .fini = teardown);

Test(cdtext_response, encode_decode_round_trip)
{
	uint8_t buf[4 + 45 * 18 + 10];
	size_t len = 0;
	cr_assert_eq(rawcd_cdtext_encode_response(&packs, buf, sizeof(buf), &len), RAWCD_OK);
	cr_assert_eq(len, 4 + 45 * 18);
	cr_assert_eq(buf[0], (2 + 45 * 18) >> 8); /* 812 = 032Ch: the bytes after the length field */
	cr_assert_eq(buf[1], (2 + 45 * 18) & 0xFF);
	cr_assert_eq(buf[0], 0x03);
	cr_assert_eq(buf[1], 0x2C);
	cr_assert_eq(buf[2], 0);
	cr_assert_eq(buf[3], 0);
	cr_assert_eq(memcmp(buf + 4, file, 45 * 18), 0);
	cr_assert_eq(rawcd_cdtext_decode_response(&back, buf, len), RAWCD_OK);
	cr_assert_eq(back.count, 45);
	cr_assert_eq(memcmp(back.pack, file, 45 * 18), 0);
	rawcd_cdtext_packs_finish(&back);
	/* Bytes after the response (a larger allocation length) are ignored. */
	memset(buf + len, 0xEE, 10);
	cr_assert_eq(rawcd_cdtext_decode_response(&back, buf, len + 10), RAWCD_OK);
	cr_assert_eq(back.count, 45);
}

Test(cdtext_response, encode_needs_room)
{
	uint8_t buf[4 + 45 * 18];
	size_t len = 12345;
	cr_assert_eq(rawcd_cdtext_encode_response(&packs, buf, sizeof(buf) - 1, &len), RAWCD_E_ARG);
	cr_assert_eq(len, 12345);
	struct rawcd_cdtext_packs none = {0};
	cr_assert_eq(rawcd_cdtext_encode_response(&none, buf, 4, &len), RAWCD_OK);
	cr_assert_eq(len, 4);
	cr_assert_eq(buf[0], 0);
	cr_assert_eq(buf[1], 2);
	cr_assert_eq(rawcd_cdtext_decode_response(&back, buf, 4), RAWCD_OK);
	cr_assert_eq(back.count, 0);
	cr_assert_null(back.pack);
}

Test(cdtext_response, bad_length_is_format_error)
{
	uint8_t buf[4 + 45 * 18];
	size_t len;
	cr_assert_eq(rawcd_cdtext_encode_response(&packs, buf, sizeof(buf), &len), RAWCD_OK);
	cr_assert_eq(rawcd_cdtext_decode_response(&back, buf, 3), RAWCD_E_FORMAT);      /* no header */
	cr_assert_eq(rawcd_cdtext_decode_response(&back, buf, len - 1), RAWCD_E_FORMAT); /* cut short */
	buf[1]++;                                                                       /* 2 + 18n + 1 */
	cr_assert_eq(rawcd_cdtext_decode_response(&back, buf, len), RAWCD_E_FORMAT);
	buf[1] -= 2; /* 2 + 18n - 1 */
	cr_assert_eq(rawcd_cdtext_decode_response(&back, buf, len), RAWCD_E_FORMAT);
	buf[0] = 0, buf[1] = 1; /* shorter than the reserved bytes */
	cr_assert_eq(rawcd_cdtext_decode_response(&back, buf, len), RAWCD_E_FORMAT);
	cr_assert_null(back.pack);
}

Test(cdtext_response, bad_crc_is_format_error)
{
	uint8_t buf[4 + 45 * 18];
	size_t len;
	cr_assert_eq(rawcd_cdtext_encode_response(&packs, buf, sizeof(buf), &len), RAWCD_OK);
	buf[4 + 18 * 44 + 9] ^= 0x01; /* the last pack's payload */
	cr_assert_eq(rawcd_cdtext_decode_response(&back, buf, len), RAWCD_E_FORMAT);
	cr_assert_null(back.pack);
}

/* The four layouts of a CDTEXTFILE give the same packs. */
Test(cdtext_response, file_layouts)
{
	uint8_t buf[4 + 45 * 18 + 1];
	size_t n = 45 * 18;
	struct {
		const char *name;
		size_t head, trail;
		unsigned field; /* the length field of a header */
	} layouts[] = {
		{"bare.cdt", 0, 0, 0},
		{"nul.cdt", 0, 1, 0},
		{"header.cdt", 4, 0, (unsigned)n + 2},
		{"header-nul.cdt", 4, 1, (unsigned)n + 2},
		{"header-nul-counted.cdt", 4, 1, (unsigned)n + 3},
	};
	for (size_t k = 0; k < sizeof(layouts) / sizeof(layouts[0]); k++) {
		memset(buf, 0, sizeof(buf));
		buf[0] = (uint8_t)(layouts[k].field >> 8);
		buf[1] = (uint8_t)layouts[k].field;
		memcpy(buf + layouts[k].head, file, n);
		const char *path = tu_write_temp(layouts[k].name, buf, layouts[k].head + n + layouts[k].trail);
		cr_assert_eq(rawcd_cdtext_read_file(&back, path, diag), RAWCD_OK, "%s", layouts[k].name);
		cr_assert_eq(back.count, 45, "%s", layouts[k].name);
		cr_assert_eq(memcmp(back.pack, file, n), 0, "%s", layouts[k].name);
		rawcd_cdtext_packs_finish(&back);
	}
	cr_assert_eq(rawcd_diag_count(diag), 0);
}

static void assert_input_error(const char *path, const char *needle)
{
	back.count = 77;
	cr_assert_eq(rawcd_cdtext_read_file(&back, path, diag), RAWCD_E_INPUT, "%s", path);
	cr_assert_eq(back.count, 77, "output untouched on failure");
	back.count = 0;
	const struct rawcd_diag_entry *e = tu_first(diag, RAWCD_SEV_ERROR);
	cr_assert_not_null(e);
	cr_assert_eq(e->code, RAWCD_E_INPUT);
	cr_assert_str_eq(e->file, path);
	cr_assert_not_null(strstr(e->message, needle), "\"%s\" not in: %s", needle, e->message);
	rawcd_diag_clear(diag);
}

Test(cdtext_response, file_errors)
{
	uint8_t buf[4 + 45 * 18 + 2] = {0};
	memcpy(buf, file, 45 * 18);
	buf[18 * 2 + 7] ^= 0x40; /* pack 3 of 45 */
	assert_input_error(tu_write_temp("bad-crc.cdt", buf, 45 * 18), "pack 3 of 45 (at byte 36");
	buf[18 * 2 + 7] ^= 0x40;
	assert_input_error(tu_write_temp("short.cdt", buf, 17), "17 bytes");
	assert_input_error(tu_write_temp("empty.cdt", buf, 0), "0 bytes");
	buf[45 * 18] = 'x'; /* a trailing byte that is not NUL */
	assert_input_error(tu_write_temp("trail.cdt", buf, 45 * 18 + 1), "not whole 18-byte packs");
	assert_input_error(tu_write_temp("odd.cdt", buf, 45 * 18 + 2), "not whole 18-byte packs");
	/* A header whose length does not match the file. */
	uint8_t hdr[4 + 45 * 18];
	memcpy(hdr + 4, file, 45 * 18);
	hdr[0] = 0x03, hdr[1] = 0x2B, hdr[2] = hdr[3] = 0;
	assert_input_error(tu_write_temp("header.cdt", hdr, sizeof(hdr)), "READ TOC header");
	/* Not a pack type, with a right CRC. */
	memcpy(buf, file, 18);
	buf[0] = 0x20;
	uint16_t crc = (uint16_t)~rawcd_crc16(buf, 16);
	buf[16] = (uint8_t)(crc >> 8), buf[17] = (uint8_t)crc;
	assert_input_error(tu_write_temp("type.cdt", buf, 18), "no valid pack type");
	assert_input_error("/nonexistent/rawcd/none.cdt", "cannot open");
}

/* Packs rawcd_cdtext_decode() refuses, each with its CRC made right so only the fault is tested. */
static void fix_crc(uint8_t *p)
{
	uint16_t crc = (uint16_t)~rawcd_crc16(p, 16);
	p[16] = (uint8_t)(crc >> 8), p[17] = (uint8_t)crc;
}

static void assert_decode_refuses(uint8_t (*p)[18], size_t count, const char *what)
{
	struct rawcd_cdtext_packs bad = {.pack = p, .count = count};
	struct rawcd_cdtext_block *blocks = (void *)1;
	size_t n = 77;
	cr_assert_eq(rawcd_cdtext_decode(&blocks, &n, &bad), RAWCD_E_FORMAT, "%s", what);
	cr_assert_eq(n, 77, "%s: output untouched", what);
}

Test(cdtext_response, decode_refuses)
{
	uint8_t (*p)[18] = malloc(45 * 18);
	cr_assert_not_null(p);
	memcpy(p, file, 45 * 18);

	p[10][9] ^= 1;
	assert_decode_refuses(p, 45, "bad CRC");
	p[10][9] ^= 1;

	p[10][2] = 11;
	fix_crc(p[10]);
	assert_decode_refuses(p, 45, "sequence 11 where 10 belongs");
	p[10][2] = 10;
	fix_crc(p[10]);

	assert_decode_refuses(p, 44, "size information cut off");

	p[0][3] = 0x10; /* block 1 before block 0 */
	fix_crc(p[0]);
	assert_decode_refuses(p, 45, "blocks out of order");
	memcpy(p, file, 45 * 18);

	p[42][6] = 0; /* 8Fh: last track 0, before the first */
	fix_crc(p[42]);
	assert_decode_refuses(p, 45, "last track before the first");

	struct rawcd_cdtext_packs whole = {.pack = (uint8_t(*)[18])file, .count = 45};
	struct rawcd_cdtext_block *blocks = NULL;
	size_t n = 0;
	cr_assert_eq(rawcd_cdtext_decode(&blocks, &n, &whole), RAWCD_OK);
	cr_assert_eq(n, 1);
	rawcd_cdtext_blocks_free(blocks, n);
	free(p);
}
