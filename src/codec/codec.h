/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internal interface of the sector codec: the interchangeable kernels behind rawcd_edc_update() and
 * rawcd_ecc_encode(), so that sector.c picks them once per batch and the tests can run every kernel the
 * CPU has against the portable one. Not installed, not exported (rcd_ prefix).
 */
#ifndef RCD_CODEC_H
#define RCD_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* EDC kernels. */
enum rcd_edc_impl {
	RCD_EDC_SLICE8, /* portable: slicing-by-8 tables, 8 bytes a step */
	RCD_EDC_CLMUL,  /* x86-64 PCLMULQDQ folding, 128 bits an instruction (CPU feature pclmul) */
	RCD_EDC_VCLMUL, /* x86-64 VPCLMULQDQ folding, 256 bits an instruction (vpclmulqdq and avx2) */
	RCD_EDC_IMPL_COUNT
};

/* ECC kernels. */
enum rcd_ecc_impl {
	RCD_ECC_TABLE, /* portable: one lookup per data byte gives its share of both parity bytes */
	RCD_ECC_SSE2,  /* x86-64: 16-byte vectors (SSE2 is part of the x86-64 baseline) */
	RCD_ECC_AVX2,  /* x86-64: 32-byte vectors (needs the avx2 CPU feature) */
	RCD_ECC_IMPL_COUNT
};

/* True when this build has the kernel and the running CPU can execute it. */
bool rcd_edc_impl_available(enum rcd_edc_impl impl);
bool rcd_ecc_impl_available(enum rcd_ecc_impl impl);

/* The fastest available kernel. Cheap (reads the CPU feature bits libgcc filled in at start-up), so
 * batch functions call it once per call instead of caching it in a global. */
enum rcd_edc_impl rcd_edc_best_impl(void);
enum rcd_ecc_impl rcd_ecc_best_impl(void);

/* rawcd_edc_update() with a chosen kernel; @p impl must be available. */
uint32_t rcd_edc_update_impl(uint32_t edc, const uint8_t *data, size_t size, enum rcd_edc_impl impl);

/* Write P (bytes 2076..2247) and then Q (2248..2351) of a 2352-byte sector from bytes 12..2075, with
 * bytes 12..15 taken as zero when @p zero_header (Mode 2 Form 1). The sector is modified only in
 * 2076..2351 when this returns (with zero_header the header is zeroed during the call and put back).
 * @p impl must be available. */
void rcd_ecc_encode_impl(uint8_t *sector, bool zero_header, enum rcd_ecc_impl impl);

/* Little-endian 32-bit store and load (EDC fields, ECMA-130 §14.3). */
static inline void rcd_store_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static inline uint32_t rcd_load_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

#endif
