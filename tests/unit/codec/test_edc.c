/* SPDX-License-Identifier: GPL-2.0-or-later */
/* EDC (ECMA-130 §14.3): check value, chaining, and every kernel against a byte-at-a-time reference. */
#include <criterion/criterion.h>

#include <stdint.h>
#include <string.h>

#include "codec/codec.h"
#include "rawcd/sector.h"

/* Reference written from the definition: shift register, least significant bit first, reflected
 * polynomial 0xD8018001 = (x^16+x^15+x^2+1)(x^16+x^2+x+1), one bit at a time. */
static uint32_t ref_edc(uint32_t edc, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		edc ^= p[i];
		for (int b = 0; b < 8; b++)
			edc = (edc & 1u) ? (edc >> 1) ^ 0xD8018001u : edc >> 1;
	}
	return edc;
}

static void fill_random(uint8_t *p, size_t n, uint64_t seed)
{
	for (size_t i = 0; i < n; i++) {
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		p[i] = (uint8_t)(seed >> 56);
	}
}

Test(edc, check_value)
{
	cr_assert_eq(rawcd_edc_compute("123456789", 9), 0x6EC2EDC4u);
	cr_assert_eq(ref_edc(0, (const uint8_t *)"123456789", 9), 0x6EC2EDC4u);
}

Test(edc, empty_input_keeps_the_state)
{
	cr_assert_eq(rawcd_edc_compute(NULL, 0), 0u);
	cr_assert_eq(rawcd_edc_update(0x12345678u, NULL, 0), 0x12345678u);
}

Test(edc, one_bit_changes_it)
{
	uint8_t buf[2064];
	fill_random(buf, sizeof(buf), 7);
	uint32_t a = rawcd_edc_compute(buf, sizeof(buf));
	buf[1000] ^= 0x10;
	cr_assert_neq(rawcd_edc_compute(buf, sizeof(buf)), a);
}

Test(edc, incremental_equals_one_shot)
{
	static uint8_t buf[5000];
	fill_random(buf, sizeof(buf), 42);
	static const size_t sizes[] = { 0, 1, 3, 4, 15, 63, 64, 65, 255, 256, 300, 2048, 2064, 2332, 5000 };
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		size_t n = sizes[s];
		uint32_t whole = rawcd_edc_compute(buf, n);
		cr_assert_eq(whole, ref_edc(0, buf, n), "size %zu", n);
		for (size_t cut = 0; cut <= n; cut += n / 7 + 1) {
			uint32_t part = rawcd_edc_update(rawcd_edc_compute(buf, cut), buf + cut, n - cut);
			cr_assert_eq(part, whole, "size %zu cut at %zu", n, cut);
		}
	}
}

Test(edc, every_kernel_equals_the_reference)
{
	static uint8_t buf[2352 + 64];
	fill_random(buf, sizeof(buf), 99);
	int kernels = 0;
	for (int impl = 0; impl < RCD_EDC_IMPL_COUNT; impl++) {
		if (!rcd_edc_impl_available((enum rcd_edc_impl)impl))
			continue;
		kernels++;
		for (size_t n = 0; n <= 2352; n += (n < 300 ? 1 : 13)) {
			for (size_t align = 0; align < 3; align++) {
				uint32_t init = (uint32_t)(n * 2654435761u) ^ (uint32_t)align;
				uint32_t want = ref_edc(init, buf + align, n);
				enum rcd_edc_impl k = (enum rcd_edc_impl)impl;
				uint32_t got = rcd_edc_update_impl(init, buf + align, n, k);
				cr_assert_eq(got, want, "kernel %d size %zu offset %zu", impl, n, align);
			}
		}
	}
	cr_assert_geq(kernels, 1);
}

Test(edc, sector_lengths_on_every_kernel)
{
	/* The three lengths the encoders use: Mode 1 (2064), Form 1 (2056), Form 2 (2332). */
	static uint8_t buf[2352];
	static const size_t lens[] = { 2064, 2056, 2332 };
	for (int round = 0; round < 20; round++) {
		fill_random(buf, sizeof(buf), 1000u + (uint64_t)round);
		for (size_t l = 0; l < 3; l++) {
			uint32_t want = ref_edc(0, buf, lens[l]);
			for (int impl = 0; impl < RCD_EDC_IMPL_COUNT; impl++) {
				enum rcd_edc_impl k = (enum rcd_edc_impl)impl;
				if (rcd_edc_impl_available(k))
					cr_assert_eq(rcd_edc_update_impl(0, buf, lens[l], k), want);
			}
		}
	}
}

Test(edc, best_kernel_is_available)
{
	cr_assert(rcd_edc_impl_available(rcd_edc_best_impl()));
	cr_assert(rcd_edc_impl_available(RCD_EDC_SLICE8));
	cr_assert_not(rcd_edc_impl_available(RCD_EDC_IMPL_COUNT));
}
