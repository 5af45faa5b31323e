/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Subcode byte layouts (raw96, packed96, pq16, CloneCD channels) and the Q CRC, against hand-made
 * patterns, the CRC vectors of subcode.md §4 and real LibCrypt Q frames whose CRCs are wrong on purpose. */
#include <criterion/criterion.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/subcode.h"

static void hex_q(uint8_t q[RAWCD_Q_SIZE], const uint8_t ten[10])
{
	memset(q, 0, RAWCD_Q_SIZE);
	memcpy(q, ten, 10);
}

/* cdrecord's subchan.c TEST_CRC vectors (lead-in A0 and A2 frames), subcode.md §4. */
Test(q_crc, known_vectors)
{
	static const uint8_t v1[10] = {0x01, 0x00, 0xA0, 0x98, 0x06, 0x12, 0x00, 0x01, 0x00, 0x00};
	static const uint8_t v2[10] = {0x01, 0x00, 0xA2, 0x98, 0x06, 0x17, 0x00, 0x70, 0x40, 0x73};
	uint8_t q[RAWCD_Q_SIZE];
	hex_q(q, v1);
	rawcd_q_set_crc(q);
	cr_assert(q[10] == 0xE3 && q[11] == 0x74, "got %02X %02X", q[10], q[11]);
	cr_assert(rawcd_q_crc_ok(q));
	hex_q(q, v2);
	rawcd_q_set_crc(q);
	cr_assert(q[10] == 0xE3 && q[11] == 0x85, "got %02X %02X", q[10], q[11]);
	cr_assert(rawcd_q_crc_ok(q));
	cr_assert(memcmp(q, v2, 10) == 0, "only bytes 10-11 are written");
}

Test(q_crc, every_single_bit_error_is_caught)
{
	static const uint8_t v1[10] = {0x01, 0x00, 0xA0, 0x98, 0x06, 0x12, 0x00, 0x01, 0x00, 0x00};
	uint8_t q[RAWCD_Q_SIZE];
	hex_q(q, v1);
	rawcd_q_set_crc(q);
	for (size_t bit = 0; bit < 8 * RAWCD_Q_SIZE; bit++) {
		q[bit / 8] ^= (uint8_t)(0x80 >> bit % 8);
		cr_assert_not(rawcd_q_crc_ok(q), "bit %zu flipped and still accepted", bit);
		q[bit / 8] ^= (uint8_t)(0x80 >> bit % 8);
	}
	cr_assert(rawcd_q_crc_ok(q));
}

/* SBITools' LSD patches: 15-byte entries, 3 BCD MSF + 10 Q bytes + 2 CRC bytes, all 32 CRCs of each file
 * deliberately wrong (LibCrypt). Every one must be rejected, and re-computing the CRC must make the same
 * frame pass (so the rejection is about the CRC, not the data). */
Test(q_crc, libcrypt_lsd_frames_are_rejected)
{
	glob_t g;
	cr_assert_eq(glob(SHARED_TESTDATA "/Kippykip_SBITools/LSD Patches/*.lsd", 0, NULL, &g), 0);
	cr_assert_eq(g.gl_pathc, 3);
	for (size_t f = 0; f < g.gl_pathc; f++) {
		FILE *fp = fopen(g.gl_pathv[f], "rb");
		cr_assert_not_null(fp, "%s", g.gl_pathv[f]);
		uint8_t buf[481];
		size_t n = fread(buf, 1, sizeof(buf), fp);
		fclose(fp);
		cr_assert_eq(n, 32 * 15, "%s", g.gl_pathv[f]);
		for (size_t e = 0; e < 32; e++) {
			uint8_t q[RAWCD_Q_SIZE];
			memcpy(q, buf + 15 * e + 3, RAWCD_Q_SIZE);
			cr_assert_not(rawcd_q_crc_ok(q), "%s entry %zu accepted", g.gl_pathv[f], e);
			uint8_t fixed[RAWCD_Q_SIZE];
			memcpy(fixed, q, sizeof(fixed));
			rawcd_q_set_crc(fixed);
			cr_assert(rawcd_q_crc_ok(fixed));
			cr_assert(memcmp(fixed, q, 10) == 0);
		}
	}
	globfree(&g);
}

static void random_channels(struct rawcd_subchannels *sc, unsigned seed)
{
	srand(seed);
	for (size_t i = 0; i < sizeof(sc->p); i++)
		sc->p[i] = (uint8_t)rand();
	for (size_t i = 0; i < sizeof(sc->q); i++)
		sc->q[i] = (uint8_t)rand();
	for (size_t i = 0; i < sizeof(sc->rw); i++)
		sc->rw[i] = (uint8_t)(rand() & 0x3F);
}

Test(layout, raw96_round_trip)
{
	for (unsigned seed = 1; seed <= 200; seed++) {
		struct rawcd_subchannels in, back;
		uint8_t raw[RAWCD_SUBCODE_SIZE];
		random_channels(&in, seed);
		rawcd_subcode_raw96(&in, raw);
		memset(&back, 0xEE, sizeof(back));
		rawcd_subcode_from_raw96(&back, raw);
		cr_assert(memcmp(&in, &back, sizeof(in)) == 0, "seed %u", seed);
	}
}

/* Byte i carries bit i of each channel: P bit 7, Q bit 6, R-W bits 5-0. */
Test(layout, raw96_by_hand)
{
	struct rawcd_subchannels sc;
	memset(&sc, 0, sizeof(sc));
	sc.p[0] = 0x80;      /* P bit 0 */
	sc.q[1] = 0x01;      /* Q bit 15 */
	sc.q[11] = 0x40;     /* Q bit 89 */
	sc.rw[3] = 0x3F;
	sc.rw[95] = 0xFF;    /* only the low 6 bits count */
	uint8_t raw[RAWCD_SUBCODE_SIZE], packed[RAWCD_SUBCODE_SIZE];
	rawcd_subcode_raw96(&sc, raw);
	for (size_t i = 0; i < RAWCD_SUBCODE_SIZE; i++) {
		uint8_t want = i == 0 ? 0x80 : i == 15 ? 0x40 : i == 89 ? 0x40 : i == 3 ? 0x3F : i == 95 ? 0x3F : 0;
		cr_assert_eq(raw[i], want, "byte %zu: %02X, expected %02X", i, raw[i], want);
	}
	rawcd_subcode_packed96(&sc, packed);
	cr_assert(memcmp(raw, packed, sizeof(raw)) == 0);
}

/* CloneCD .sub: 12 bytes P, 12 Q, then R..W, each channel's bits MSB first. */
Test(layout, channels96_by_hand)
{
	struct rawcd_subchannels sc;
	memset(&sc, 0, sizeof(sc));
	for (size_t i = 0; i < 12; i++) {
		sc.p[i] = (uint8_t)(0xA0 + i);
		sc.q[i] = (uint8_t)(0x10 + i);
	}
	/* R (bit 5) on odd symbols, W (bit 0) on even ones, T (bit 3) on symbols 0..7 only. */
	for (size_t i = 0; i < 96; i++)
		sc.rw[i] = (uint8_t)((i % 2 ? 0x20 : 0x01) | (i < 8 ? 0x08 : 0));
	uint8_t out[RAWCD_SUBCODE_SIZE];
	rawcd_subcode_channels96(&sc, out);
	for (size_t i = 0; i < 12; i++) {
		cr_assert_eq(out[i], 0xA0 + i);
		cr_assert_eq(out[12 + i], 0x10 + i);
		cr_assert_eq(out[24 + i], 0x55, "R byte %zu", i);      /* odd bits set */
		cr_assert_eq(out[36 + i], 0x00, "S byte %zu", i);
		cr_assert_eq(out[48 + i], i == 0 ? 0xFF : 0x00, "T byte %zu", i);
		cr_assert_eq(out[60 + i], 0x00, "U byte %zu", i);
		cr_assert_eq(out[72 + i], 0x00, "V byte %zu", i);
		cr_assert_eq(out[84 + i], 0xAA, "W byte %zu", i);      /* even bits set */
	}
}

/* Channel-major and interleaved forms carry the same bits: transpose one into the other. */
Test(layout, channels96_is_the_transpose_of_raw96)
{
	for (unsigned seed = 1; seed <= 50; seed++) {
		struct rawcd_subchannels sc;
		random_channels(&sc, seed);
		uint8_t raw[RAWCD_SUBCODE_SIZE], ch[RAWCD_SUBCODE_SIZE];
		rawcd_subcode_raw96(&sc, raw);
		rawcd_subcode_channels96(&sc, ch);
		for (size_t c = 0; c < 8; c++)
			for (size_t i = 0; i < 96; i++) {
				unsigned from_raw = raw[i] >> (7 - c) & 1u;
				unsigned from_ch = ch[12 * c + i / 8] >> (7 - i % 8) & 1u;
				cr_assert_eq(from_raw, from_ch, "seed %u channel %zu bit %zu", seed, c, i);
			}
	}
}

Test(layout, pq16_by_hand)
{
	struct rawcd_subchannels sc;
	memset(&sc, 0xFF, sizeof(sc));
	for (size_t i = 0; i < 12; i++)
		sc.q[i] = (uint8_t)(0x30 + i);
	uint8_t out[RAWCD_PQ16_SIZE];
	rawcd_subcode_pq16(&sc, out);
	cr_assert(memcmp(out, sc.q, 12) == 0);
	cr_assert(out[12] == 0 && out[13] == 0 && out[14] == 0);
	cr_assert_eq(out[15], 0x80);
	sc.p[0] = 0x7F; /* the first P bit is the flag */
	rawcd_subcode_pq16(&sc, out);
	cr_assert_eq(out[15], 0x00);
}
