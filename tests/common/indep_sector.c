/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The independent checker: see indep_sector.h. Nothing here comes from src/codec. */
#include "indep_sector.h"

#include <string.h>

uint32_t indep_edc(const uint8_t *p, size_t n)
{
	uint32_t edc = 0;
	for (size_t i = 0; i < n * 8; i++) {
		uint32_t bit = (p[i / 8] >> (i % 8) & 1u) ^ (edc & 1u);
		edc = (edc >> 1) ^ (bit ? 0xD8018001u : 0u); /* 0x8001801B with its bits reversed */
	}
	return edc;
}

uint32_t indep_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint8_t bcd(int v)
{
	return (uint8_t)((v / 10) << 4 | (v % 10));
}

void indep_header(uint8_t out[16], int32_t lba, uint8_t mode_byte)
{
	int32_t frames = lba >= -150 ? lba + 150 : lba + 450150;
	out[0] = 0x00;
	memset(out + 1, 0xFF, 10);
	out[11] = 0x00;
	out[12] = bcd(frames / (60 * 75));
	out[13] = bcd(frames / 75 % 60);
	out[14] = bcd(frames % 75);
	out[15] = mode_byte;
}

/* GF(2^8) with x^8 + x^4 + x^3 + x^2 + 1, multiplied by shift and add. */
static uint8_t gf_mul(uint8_t a, uint8_t b)
{
	uint8_t r = 0;
	for (; b; b >>= 1) {
		if (b & 1)
			r ^= a;
		a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1D : 0));
	}
	return r;
}

/* Division by search: slow, obviously right. Only ever divides by 1 + alpha = 3 here. */
static uint8_t gf_div(uint8_t a, uint8_t b)
{
	for (unsigned x = 0; x < 256; x++)
		if (gf_mul((uint8_t)x, b) == a)
			return (uint8_t)x;
	return 0; /* b == 0: never asked */
}

/* Word w of byte plane @p plane: bytes 12.. hold words 0..1031 (header and data), 1032..1117 (P parity),
 * 1118..1169 (Q parity); even bytes are plane 0, odd bytes plane 1. */
static size_t word_at(unsigned w, unsigned plane)
{
	return 12 + 2 * w + plane;
}

/* P column c (0..42): words 43 r + c for r = 0..25 (rows 24 and 25 are its parity). */
static void p_words(unsigned c, unsigned out[26])
{
	for (unsigned r = 0; r < 26; r++)
		out[r] = 43 * r + c;
}

/* Q diagonal d (0..25): words (44 i + 43 d) mod 1118 for i = 0..42, then its parity words. */
static void q_words(unsigned d, unsigned out[45])
{
	for (unsigned i = 0; i < 43; i++)
		out[i] = (44 * i + 43 * d) % 1118;
	out[43] = 1118 + d;
	out[44] = 1144 + d;
}

/* Both syndromes of a codeword: sum v_i and sum v_i alpha^(n-1-i) (Horner). */
static void syndromes(const uint8_t *s, const unsigned *w, unsigned n, unsigned plane, uint8_t *s0,
		      uint8_t *s1)
{
	*s0 = *s1 = 0;
	for (unsigned i = 0; i < n; i++) {
		uint8_t v = s[word_at(w[i], plane)];
		*s0 ^= v;
		*s1 = gf_mul(*s1, 2) ^ v;
	}
}

/* Set the last two words of a codeword so that both syndromes vanish: with the parity words zero the
 * syndromes are s0, s1, and parity p0 (weight alpha), p1 (weight 1) must satisfy p0 + p1 = s0 and
 * alpha p0 + p1 = s1. */
static void solve(uint8_t *s, const unsigned *w, unsigned n, unsigned plane)
{
	s[word_at(w[n - 2], plane)] = s[word_at(w[n - 1], plane)] = 0;
	uint8_t s0, s1;
	syndromes(s, w, n, plane, &s0, &s1);
	uint8_t p0 = gf_div(s0 ^ s1, 1 ^ 2);
	s[word_at(w[n - 2], plane)] = p0;
	s[word_at(w[n - 1], plane)] = p0 ^ s0;
}

void indep_ecc_encode(uint8_t *s)
{
	unsigned w[45];
	for (unsigned plane = 0; plane < 2; plane++) {
		for (unsigned c = 0; c < 43; c++) {
			p_words(c, w);
			solve(s, w, 26, plane);
		}
		for (unsigned d = 0; d < 26; d++) {
			q_words(d, w);
			solve(s, w, 45, plane);
		}
	}
}

bool indep_ecc_ok(const uint8_t *sector, bool zero_header)
{
	uint8_t s[INDEP_SECTOR];
	memcpy(s, sector, sizeof(s));
	if (zero_header)
		memset(s + 12, 0, 4);
	unsigned w[45];
	uint8_t s0, s1;
	for (unsigned plane = 0; plane < 2; plane++) {
		for (unsigned c = 0; c < 43; c++) {
			p_words(c, w);
			syndromes(s, w, 26, plane, &s0, &s1);
			if (s0 || s1)
				return false;
		}
		for (unsigned d = 0; d < 26; d++) {
			q_words(d, w);
			syndromes(s, w, 45, plane, &s0, &s1);
			if (s0 || s1)
				return false;
		}
	}
	return true;
}

static bool all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

static enum indep_kind kind_of(const uint8_t *s)
{
	switch (s[15]) {
	case 0: return INDEP_MODE0;
	case 1: return INDEP_MODE1;
	case 2:
		if (memcmp(s + 16, s + 20, 4) != 0)
			return INDEP_FORMLESS;
		return (s[18] & 0x20) ? INDEP_FORM2 : INDEP_FORM1;
	default: return INDEP_BAD_MODE;
	}
}

void indep_check(struct indep_report *r, const uint8_t *s, int32_t expected_lba)
{
	uint8_t want[16];
	indep_header(want, expected_lba, s[15]);
	*r = (struct indep_report){
		.sync_ok = memcmp(s, want, 12) == 0,
		.header_ok = memcmp(s + 12, want + 12, 3) == 0,
		.kind = kind_of(s),
		.edc_ok = true,
		.ecc_ok = true,
		.zero_ok = true,
	};
	switch (r->kind) {
	case INDEP_MODE0:
		r->zero_ok = all_zero(s + 16, INDEP_SECTOR - 16);
		break;
	case INDEP_MODE1: /* EDC over 0..2063 at 2064, 8 zero bytes, P and Q over 12..2075 */
		r->edc_ok = indep_edc(s, 2064) == indep_le32(s + 2064);
		r->zero_ok = all_zero(s + 2068, 8);
		r->ecc_ok = indep_ecc_ok(s, false);
		break;
	case INDEP_FORM1: /* EDC over 16..2071 at 2072; P and Q with the header taken as zero */
		r->edc_ok = indep_edc(s + 16, 2056) == indep_le32(s + 2072);
		r->ecc_ok = indep_ecc_ok(s, true);
		break;
	case INDEP_FORM2: /* EDC over 16..2347 at 2348, or 0 for none */
		r->edc_zero = indep_le32(s + 2348) == 0;
		r->edc_ok = r->edc_zero || indep_edc(s + 16, 2332) == indep_le32(s + 2348);
		break;
	case INDEP_FORMLESS:
		break;
	case INDEP_BAD_MODE:
		r->edc_ok = r->ecc_ok = false;
		break;
	}
}

bool indep_all_ok(const struct indep_report *r)
{
	return r->sync_ok && r->header_ok && r->kind != INDEP_BAD_MODE && r->edc_ok && r->ecc_ok && r->zero_ok;
}
