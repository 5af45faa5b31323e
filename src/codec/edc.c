/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EDC (ECMA-130 §14.3): CRC-32 with P(x) = (x^16+x^15+x^2+1)(x^16+x^2+x+1), data bits least significant
 * first, register preset to 0, no final inversion, stored little-endian.
 *
 * Two kernels compute the same function:
 *  - slicing-by-8 (portable): eight table lookups retire 8 bytes, so the loop carries one dependency
 *    per 8 bytes instead of one per byte (research/perf.md: 3.7x over byte-at-a-time);
 *  - carry-less multiplication folding (x86-64 with PCLMULQDQ, checked at run time): four 128-bit
 *    accumulators are folded forward 512 bits a step, then into one, and the last 16 bytes go through
 *    the tables (perf.md: about 0.1 ns/byte).
 */
#include "rawcd/sector.h"

#include "codec.h"
#include "edc_tables.h"

#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#define RCD_HAVE_X86 1
#include <immintrin.h>
#else
#define RCD_HAVE_X86 0
#endif

static uint32_t edc_slice8(uint32_t edc, const uint8_t *p, size_t n)
{
	while (n >= 8) {
		uint32_t lo = edc ^ rcd_load_le32(p);
		uint32_t hi = rcd_load_le32(p + 4);
		edc = edc_slice[7][lo & 0xFF] ^ edc_slice[6][lo >> 8 & 0xFF] ^ edc_slice[5][lo >> 16 & 0xFF] ^
		      edc_slice[4][lo >> 24] ^ edc_slice[3][hi & 0xFF] ^ edc_slice[2][hi >> 8 & 0xFF] ^
		      edc_slice[1][hi >> 16 & 0xFF] ^ edc_slice[0][hi >> 24];
		p += 8;
		n -= 8;
	}
	while (n--)
		edc = edc >> 8 ^ edc_slice[0][(edc ^ *p++) & 0xFF];
	return edc;
}

#if RCD_HAVE_X86
/*
 * Reflected domain: bit n of a 128-bit block (byte n/8, bit n%8) is the coefficient of x^(127-n) counted
 * from the block's end, because ECMA-130 feeds the least significant bit first. The carry-less product
 * of two such 64-bit operands lands one bit short of that convention (it represents x * a * b), which
 * is why the constants are x^(D+63) and x^(D-1) rather than x^(D+64) and x^D. Folding block X over the
 * following D bits: X * x^D = H * x^(D+64) + L * x^D ≡ clmul(H, x^(D+63)) + clmul(L, x^(D-1)) (mod P),
 * where H is the low qword (higher degrees) and L the high qword. The result stays under 128 bits and is
 * congruent to the data it replaces, so the EDC of the folded 16 bytes is the EDC of the prefix.
 */
__attribute__((target("pclmul,sse2"))) static inline __m128i fold(__m128i x, __m128i k)
{
	return _mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00), _mm_clmulepi64_si128(x, k, 0x11));
}

__attribute__((target("pclmul,sse2"))) static uint32_t edc_clmul(uint32_t edc, const uint8_t *p, size_t n)
{
	if (n < 64)
		return edc_slice8(edc, p, n);
	const __m128i k512 = _mm_set_epi64x((long long)EDC_FOLD512_HI, (long long)EDC_FOLD512_LO);
	const __m128i k128 = _mm_set_epi64x((long long)EDC_FOLD128_HI, (long long)EDC_FOLD128_LO);
	/* A register preset is the same as XORing it into the first four data bytes. */
	__m128i x0 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)p), _mm_cvtsi32_si128((int)edc));
	__m128i x1 = _mm_loadu_si128((const __m128i *)(p + 16));
	__m128i x2 = _mm_loadu_si128((const __m128i *)(p + 32));
	__m128i x3 = _mm_loadu_si128((const __m128i *)(p + 48));
	for (p += 64, n -= 64; n >= 64; p += 64, n -= 64) {
		x0 = _mm_xor_si128(fold(x0, k512), _mm_loadu_si128((const __m128i *)p));
		x1 = _mm_xor_si128(fold(x1, k512), _mm_loadu_si128((const __m128i *)(p + 16)));
		x2 = _mm_xor_si128(fold(x2, k512), _mm_loadu_si128((const __m128i *)(p + 32)));
		x3 = _mm_xor_si128(fold(x3, k512), _mm_loadu_si128((const __m128i *)(p + 48)));
	}
	x1 = _mm_xor_si128(fold(x0, k128), x1);
	x2 = _mm_xor_si128(fold(x1, k128), x2);
	x3 = _mm_xor_si128(fold(x2, k128), x3);
	for (; n >= 16; p += 16, n -= 16)
		x3 = _mm_xor_si128(fold(x3, k128), _mm_loadu_si128((const __m128i *)p));
	uint8_t last[16];
	_mm_storeu_si128((__m128i *)last, x3);
	return edc_slice8(edc_slice8(0, last, sizeof(last)), p, n);
}

/* The same folding with 256-bit VPCLMULQDQ: each instruction folds two 128-bit lanes. Four 32-byte
 * accumulators cover 128 bytes a step (fold distance 1024 bits), then they are folded together: y0 and
 * y1 forward 512 bits onto y2 and y3, y2 forward 256 bits onto y3, and y3's low lane onto its high one. */
__attribute__((target("avx2,vpclmulqdq,pclmul"))) static inline __m256i fold256(__m256i y, __m256i k)
{
	return _mm256_xor_si256(_mm256_clmulepi64_epi128(y, k, 0x00), _mm256_clmulepi64_epi128(y, k, 0x11));
}

__attribute__((target("avx2,vpclmulqdq,pclmul"))) static inline __m256i k256(uint64_t hi, uint64_t lo)
{
	return _mm256_set_epi64x((long long)hi, (long long)lo, (long long)hi, (long long)lo);
}

__attribute__((target("avx2,vpclmulqdq,pclmul"))) static uint32_t edc_vclmul(uint32_t edc, const uint8_t *p,
                                                                              size_t n)
{
	if (n < 256)
		return edc_clmul(edc, p, n);
	const __m256i k1024 = k256(EDC_FOLD1024_HI, EDC_FOLD1024_LO);
	const __m256i preset = _mm256_set_epi32(0, 0, 0, 0, 0, 0, 0, (int)edc);
	__m256i y0 = _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)p), preset);
	__m256i y1 = _mm256_loadu_si256((const __m256i *)(p + 32));
	__m256i y2 = _mm256_loadu_si256((const __m256i *)(p + 64));
	__m256i y3 = _mm256_loadu_si256((const __m256i *)(p + 96));
	for (p += 128, n -= 128; n >= 128; p += 128, n -= 128) {
		y0 = _mm256_xor_si256(fold256(y0, k1024), _mm256_loadu_si256((const __m256i *)p));
		y1 = _mm256_xor_si256(fold256(y1, k1024), _mm256_loadu_si256((const __m256i *)(p + 32)));
		y2 = _mm256_xor_si256(fold256(y2, k1024), _mm256_loadu_si256((const __m256i *)(p + 64)));
		y3 = _mm256_xor_si256(fold256(y3, k1024), _mm256_loadu_si256((const __m256i *)(p + 96)));
	}
	const __m256i k512 = k256(EDC_FOLD512_HI, EDC_FOLD512_LO);
	y2 = _mm256_xor_si256(fold256(y0, k512), y2);
	y3 = _mm256_xor_si256(fold256(y1, k512), y3);
	y3 = _mm256_xor_si256(fold256(y2, k256(EDC_FOLD256_HI, EDC_FOLD256_LO)), y3);
	const __m128i k128 = _mm_set_epi64x((long long)EDC_FOLD128_HI, (long long)EDC_FOLD128_LO);
	__m128i x = _mm_xor_si128(fold(_mm256_castsi256_si128(y3), k128), _mm256_extracti128_si256(y3, 1));
	/* Clear the upper halves now: GCC 12 emits no vzeroupper for this function, and dirty upper
	 * state makes every later SSE instruction (the SSE2 ECC kernel, memcpy) pay a transition penalty
	 * (measured: the SSE2 ECC kernel ran 2x slower after it). */
	_mm256_zeroupper();
	for (; n >= 16; p += 16, n -= 16)
		x = _mm_xor_si128(fold(x, k128), _mm_loadu_si128((const __m128i *)p));
	uint8_t last[16];
	_mm_storeu_si128((__m128i *)last, x);
	return edc_slice8(edc_slice8(0, last, sizeof(last)), p, n);
}
#endif

bool rcd_edc_impl_available(enum rcd_edc_impl impl)
{
	switch (impl) {
	case RCD_EDC_SLICE8:
		return true;
#if RCD_HAVE_X86
	case RCD_EDC_CLMUL:
		return __builtin_cpu_supports("pclmul");
	case RCD_EDC_VCLMUL:
		return __builtin_cpu_supports("vpclmulqdq") && __builtin_cpu_supports("avx2");
#endif
	default:
		return false;
	}
}

enum rcd_edc_impl rcd_edc_best_impl(void)
{
	if (rcd_edc_impl_available(RCD_EDC_VCLMUL))
		return RCD_EDC_VCLMUL;
	return rcd_edc_impl_available(RCD_EDC_CLMUL) ? RCD_EDC_CLMUL : RCD_EDC_SLICE8;
}

uint32_t rcd_edc_update_impl(uint32_t edc, const uint8_t *data, size_t size, enum rcd_edc_impl impl)
{
#if RCD_HAVE_X86
	if (impl == RCD_EDC_VCLMUL)
		return edc_vclmul(edc, data, size);
	if (impl == RCD_EDC_CLMUL)
		return edc_clmul(edc, data, size);
#else
	(void)impl;
#endif
	return edc_slice8(edc, data, size);
}

uint32_t rawcd_edc_update(uint32_t edc, const void *data, size_t size)
{
	if (size == 0)
		return edc;
	return rcd_edc_update_impl(edc, data, size, rcd_edc_best_impl());
}

uint32_t rawcd_edc_compute(const void *data, size_t size)
{
	return rawcd_edc_update(0, data, size);
}
