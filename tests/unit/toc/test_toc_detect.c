/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rawcd_toc_detect_format(): the READ TOC format (MMC-6 §6.26.3) of saved response bytes, from the
 * header's length and what follows: 8-byte descriptors (0 with the lead-out last, 1 with one track),
 * 11-byte descriptors (2), 18-byte packs with good CRCs (5); ambiguous or unfit bytes are refused.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "rawcd/cdtext.h"
#include "rawcd/error.h"
#include "rawcd/toc.h"

struct fx_track {
	unsigned session;
	enum rawcd_track_mode mode;
	unsigned flags;
	int32_t pregap_lba;
	int32_t start_lba;
};
struct fx_disc {
	struct rawcd_disc disc;
	struct rawcd_track tracks[RAWCD_MAX_TRACKS];
	struct rawcd_session sessions[RAWCD_MAX_TRACKS];
	struct rawcd_index indexes[RAWCD_MAX_TRACKS][2];
};
/* In test_toc_build.c. */
void fx_disc_build(struct fx_disc *fx, unsigned first_number, const struct fx_track *t, size_t n,
		   const int32_t *leadouts);

static struct fx_disc fx;
static struct rawcd_toc toc;
static uint8_t buf[4 + 11 * RAWCD_TOC_MAX_DESCRIPTORS];
static size_t len;

static void audio_tracks(size_t n)
{
	struct fx_track t[99];
	for (size_t i = 0; i < n; i++)
		t[i] = (struct fx_track){ 1, RAWCD_MODE_AUDIO, 0, (int32_t)i * 1000, (int32_t)i * 1000 };
	fx_disc_build(&fx, 1, t, n, (const int32_t[]){ (int32_t)n * 1000 + 500 });
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
}

static int detect_encoded(int format, bool msf)
{
	cr_assert_eq(rawcd_toc_encode(&toc, format, msf, buf, sizeof(buf), &len), RAWCD_OK);
	return rawcd_toc_detect_format(buf, len, msf);
}

Test(toc_detect, each_encoded_format_of_1_to_20_tracks)
{
	for (size_t n = 1; n <= 20; n++) {
		audio_tracks(n);
		cr_assert_eq(detect_encoded(0, false), 0, "format 0, %zu tracks", n);
		cr_assert_eq(detect_encoded(0, true), 0, "format 0 MSF, %zu tracks", n);
		cr_assert_eq(detect_encoded(1, false), 1, "format 1, %zu tracks", n);
		cr_assert_eq(detect_encoded(2, false), 2, "format 2, %zu tracks", n);
	}
}

Test(toc_detect, format2_that_is_also_a_multiple_of_8)
{
	/* 5 tracks: A0, A1, A2 and 5 POINTs are 88 bytes, 11 descriptors of 8 as well. */
	audio_tracks(5);
	cr_assert_eq(detect_encoded(2, false), 2);
	cr_assert_eq(len, 4 + 88);
}

Test(toc_detect, format0_that_is_also_a_multiple_of_11)
{
	/* 10 tracks and the lead-out: 88 bytes, 8 descriptors of 11, refused as format 2 by its content. */
	audio_tracks(10);
	cr_assert_eq(detect_encoded(0, false), 0);
	cr_assert_eq(len, 4 + 88);
}

Test(toc_detect, real_multisession_full_toc)
{
	const uint8_t real[] = {
		0x00, 0x7B, 0x01, 0x02,
		0x01, 0x14, 0x00, 0xA0, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x00,
		0x01, 0x14, 0x00, 0xA1, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
		0x01, 0x14, 0x00, 0xA2, 0x00, 0x00, 0x00, 0x00, 0x1A, 0x18, 0x41,
		0x01, 0x14, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00,
		0x01, 0x54, 0x00, 0xB0, 0x1C, 0x36, 0x41, 0x02, 0x4A, 0x2B, 0x00,
		0x01, 0x54, 0x00, 0xC0, 0x80, 0x00, 0x00, 0x00, 0x61, 0x22, 0x15,
		0x02, 0x14, 0x00, 0xA0, 0x00, 0x00, 0x00, 0x00, 0x02, 0x20, 0x00,
		0x02, 0x14, 0x00, 0xA1, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
		0x02, 0x14, 0x00, 0xA2, 0x00, 0x00, 0x00, 0x00, 0x1E, 0x04, 0x3C,
		0x02, 0x14, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x1C, 0x38, 0x41,
		0x02, 0x54, 0x00, 0xB0, 0x1F, 0x22, 0x3C, 0x01, 0x4A, 0x2B, 0x00,
	};
	cr_assert_eq(rawcd_toc_detect_format(real, sizeof(real), false), 2);
	cr_assert_eq(rawcd_toc_detect_format(real, sizeof(real) + 100, false), 2, "trailing bytes ignored");
}

/* A format 5 answer: the header, then @p n packs with their CRCs. */
static size_t cdtext_response(uint8_t *out, size_t n)
{
	memset(out, 0, 4 + 18 * n);
	out[0] = (uint8_t)((2 + 18 * n) >> 8);
	out[1] = (uint8_t)(2 + 18 * n);
	for (size_t i = 0; i < n; i++) {
		uint8_t *p = out + 4 + 18 * i;
		p[0] = 0x80;
		p[1] = (uint8_t)i;
		p[2] = (uint8_t)i;
		memcpy(p + 4, "TITLE TEXT..", 12);
		uint16_t crc = (uint16_t)~rawcd_crc16(p, 16);
		p[16] = (uint8_t)(crc >> 8);
		p[17] = (uint8_t)crc;
		cr_assert(rawcd_cdtext_pack_crc_ok(p));
	}
	return 4 + 18 * n;
}

Test(toc_detect, cdtext_packs)
{
	for (size_t n = 1; n <= 40; n++) {
		len = cdtext_response(buf, n);
		cr_assert_eq(rawcd_toc_detect_format(buf, len, false), 5, "%zu packs", n);
	}
	/* One bad CRC: no format fits (4 packs = 72 bytes = 9 descriptors of 8, no lead-out last). */
	len = cdtext_response(buf, 4);
	buf[4 + 18 * 2 + 17] ^= 1;
	cr_assert_eq(rawcd_toc_detect_format(buf, len, false), RAWCD_E_FORMAT);
}

Test(toc_detect, refuses_what_no_format_fits)
{
	const uint8_t empty[] = { 0x00, 0x02, 0x00, 0x00 };
	cr_assert_eq(rawcd_toc_detect_format(empty, sizeof(empty), false), RAWCD_E_FORMAT, "no descriptors");
	cr_assert_eq(rawcd_toc_detect_format(empty, 3, false), RAWCD_E_FORMAT, "shorter than a header");
	cr_assert_eq(rawcd_toc_detect_format(NULL, 0, false), RAWCD_E_FORMAT);
	cr_assert_eq(rawcd_toc_detect_format(NULL, 4, false), RAWCD_E_ARG);

	audio_tracks(3);
	cr_assert_eq(detect_encoded(0, false), 0);
	cr_assert_eq(rawcd_toc_detect_format(buf, len - 1, false), RAWCD_E_FORMAT, "truncated");
	buf[1] = 0x11; /* 17 bytes: 8, 11 and 18 do not divide 15 */
	cr_assert_eq(rawcd_toc_detect_format(buf, len, false), RAWCD_E_FORMAT);

	/* 8-byte descriptors whose last is no lead-out and that are more than one: neither 0 nor 1. */
	cr_assert_eq(detect_encoded(0, false), 0);
	buf[len - 8 + 2] = 0x04;
	cr_assert_eq(rawcd_toc_detect_format(buf, len, false), RAWCD_E_FORMAT);

	/* Format 0 with addresses out of order. */
	cr_assert_eq(detect_encoded(0, false), 0);
	buf[4 + 8 + 7] = 0xFF, buf[4 + 8 + 6] = 0xFF;
	cr_assert_eq(rawcd_toc_detect_format(buf, len, false), RAWCD_E_FORMAT);

	/* Format 2 without A2. */
	cr_assert_eq(detect_encoded(2, false), 2);
	buf[4 + 2 * 11 + 3] = 0x04;
	cr_assert_eq(rawcd_toc_detect_format(buf, len, false), RAWCD_E_FORMAT);
}
