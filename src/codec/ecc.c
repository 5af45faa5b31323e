/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ECC (ECMA-130 Annex A, "RSPC"): P and Q parity over bytes 12..2075 of a Mode 1 or Mode 2 Form 1
 * sector, in GF(2^8) with x^8+x^4+x^3+x^2+1 and alpha = 2. Every codeword v_0..v_{n-1} (parity last)
 * satisfies sum v_i = 0 and sum v_i alpha^(n-1-i) = 0.
 *
 * Kernels (all give the same bytes; the tests run each against the others):
 *  - table (portable): the two parity equations are solved once, so a data byte of weight alpha^w adds
 *    ecc_pair[w-2][byte] to both parity bytes with one lookup and the sums are independent XORs, not
 *    the serial Horner chain a = F[a ^ d] (research/perf.md: about 4x faster);
 *  - vectors of 16 bytes (SSE2, always present on x86-64) and 32 bytes (AVX2, checked at run time):
 *    P row-wise, Q row-wise through a skewed accumulator (ecc_vec.inc), no gather.
 */
#include "rawcd/error.h"
#include "rawcd/sector.h"

#include "codec.h"
#include "ecc_tables.h"

#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#define RCD_HAVE_VEC 1
#else
#define RCD_HAVE_VEC 0
#endif

#define ECC_DATA 12      /* first byte covered by the parity */
#define ECC_HEADER_SIZE 4 /* bytes 12..15: taken as zero for Mode 2 Form 1 */

/* P: byte column j of plane-interleaved rows: bytes 12 + 86 r + j, r = 0..23, weight alpha^(25 - r). */
static void ecc_p_table(uint8_t *sector)
{
	const uint8_t *d = sector + ECC_DATA;
	for (int j = 0; j < 86; j++) {
		unsigned acc = 0;
		for (int r = 0; r < 24; r++)
			acc ^= ecc_pair[23 - r][d[86 * r + j]];
		sector[RAWCD_ECC_P_OFFSET + j] = (uint8_t)acc;
		sector[RAWCD_ECC_P_OFFSET + 86 + j] = (uint8_t)(acc >> 8);
	}
}

/* Q: diagonal g holds words (44 i + 43 g) mod 1118, i = 0..42, weight alpha^(44 - i); both planes of a
 * word are done together. */
static void ecc_q_table(uint8_t *sector)
{
	const uint8_t *d = sector + ECC_DATA;
	for (int g = 0; g < 26; g++) {
		unsigned even = 0, odd = 0, w = 43u * (unsigned)g;
		for (int i = 0; i < 43; i++) {
			even ^= ecc_pair[42 - i][d[2 * w]];
			odd ^= ecc_pair[42 - i][d[2 * w + 1]];
			w += 44;
			if (w >= 1118)
				w -= 1118;
		}
		sector[RAWCD_ECC_Q_OFFSET + 2 * g] = (uint8_t)even;
		sector[RAWCD_ECC_Q_OFFSET + 2 * g + 1] = (uint8_t)odd;
		sector[RAWCD_ECC_Q_OFFSET + 52 + 2 * g] = (uint8_t)(even >> 8);
		sector[RAWCD_ECC_Q_OFFSET + 52 + 2 * g + 1] = (uint8_t)(odd >> 8);
	}
}

#if RCD_HAVE_VEC
typedef uint8_t rcd_v16 __attribute__((vector_size(16)));
typedef int8_t rcd_s16 __attribute__((vector_size(16)));
typedef uint8_t rcd_v32 __attribute__((vector_size(32)));
typedef int8_t rcd_s32 __attribute__((vector_size(32)));

#define VW 16
#define V rcd_v16
#define VS rcd_s16
#define VPAD 0
#define VQMASK ecc_qmask16
#define VATTR
#define VFN(n) n##_16
#include "ecc_vec.inc"
#undef VW
#undef V
#undef VS
#undef VPAD
#undef VQMASK
#undef VATTR
#undef VFN

#define VW 32
#define V rcd_v32
#define VS rcd_s32
#define VPAD 14
#define VQMASK ecc_qmask32
#define VATTR __attribute__((target("avx2")))
#define VFN(n) n##_32
#include "ecc_vec.inc"
#undef VW
#undef V
#undef VS
#undef VPAD
#undef VQMASK
#undef VATTR
#undef VFN
#endif

bool rcd_ecc_impl_available(enum rcd_ecc_impl impl)
{
	switch (impl) {
	case RCD_ECC_TABLE:
		return true;
#if RCD_HAVE_VEC
	case RCD_ECC_SSE2:
		return true;
	case RCD_ECC_AVX2:
		return __builtin_cpu_supports("avx2");
#endif
	default:
		return false;
	}
}

enum rcd_ecc_impl rcd_ecc_best_impl(void)
{
	if (rcd_ecc_impl_available(RCD_ECC_AVX2))
		return RCD_ECC_AVX2;
	if (rcd_ecc_impl_available(RCD_ECC_SSE2))
		return RCD_ECC_SSE2;
	return RCD_ECC_TABLE;
}

static void ecc_encode_raw(uint8_t *sector, enum rcd_ecc_impl impl)
{
	switch (impl) {
#if RCD_HAVE_VEC
	case RCD_ECC_SSE2:
		ecc_p_16(sector);
		ecc_q_16(sector);
		return;
	case RCD_ECC_AVX2:
		ecc_p_32(sector);
		ecc_q_32(sector);
		return;
#endif
	default:
		ecc_p_table(sector);
		ecc_q_table(sector); /* Q covers the P bytes just written */
		return;
	}
}

void rcd_ecc_encode_impl(uint8_t *sector, bool zero_header, enum rcd_ecc_impl impl)
{
	if (!zero_header) {
		ecc_encode_raw(sector, impl);
		return;
	}
	/* Mode 2 Form 1: the address is not protected, so that a sector's parity survives relocation. */
	uint8_t header[ECC_HEADER_SIZE];
	memcpy(header, sector + ECC_DATA, sizeof(header));
	memset(sector + ECC_DATA, 0, sizeof(header));
	ecc_encode_raw(sector, impl);
	memcpy(sector + ECC_DATA, header, sizeof(header));
}

static int ecc_mode_zero_header(enum rawcd_sector_mode mode)
{
	if (mode == RAWCD_SECTOR_MODE1)
		return 0;
	if (mode == RAWCD_SECTOR_MODE2_FORM1)
		return 1;
	return -1;
}

int rawcd_ecc_encode(uint8_t *sector, enum rawcd_sector_mode mode)
{
	int zero_header = ecc_mode_zero_header(mode);
	if (!sector || zero_header < 0)
		return RAWCD_E_ARG;
	rcd_ecc_encode_impl(sector, zero_header, rcd_ecc_best_impl());
	return RAWCD_OK;
}

int rawcd_ecc_check(const uint8_t *sector, enum rawcd_sector_mode mode)
{
	int zero_header = ecc_mode_zero_header(mode);
	if (!sector || zero_header < 0)
		return RAWCD_E_ARG;
	/* The check is the encoder run on a copy: one code path to trust. */
	uint8_t copy[RAWCD_SECTOR_SIZE] __attribute__((aligned(32)));
	memcpy(copy, sector, sizeof(copy));
	rcd_ecc_encode_impl(copy, zero_header, rcd_ecc_best_impl());
	if (memcmp(copy + RAWCD_ECC_P_OFFSET, sector + RAWCD_ECC_P_OFFSET,
		   RAWCD_ECC_P_SIZE + RAWCD_ECC_Q_SIZE) != 0)
		return RAWCD_E_FORMAT;
	return RAWCD_OK;
}
