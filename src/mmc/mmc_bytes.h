/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Big-endian fields of CDBs and MMC responses (every multi-byte SCSI field is big-endian, SPC-4 §3.5),
 * and the absolute-MSF to LBA rule of MMC-6 §4.2.3.4 (the one msf.h documents), kept here so the mmc
 * module's builders and parsers call no other module (only cue_sheet.c reads the disc model).
 */
#ifndef RAWCD_MMC_BYTES_H
#define RAWCD_MMC_BYTES_H

#include <stdint.h>

static inline void rcd_put_be16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline void rcd_put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static inline unsigned rcd_be16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static inline uint32_t rcd_be24(const uint8_t *p)
{
	return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

static inline uint32_t rcd_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A 32-bit two's complement field as a signed LBA, without relying on an implementation-defined
 * conversion. */
static inline int32_t rcd_be32_signed(const uint8_t *p)
{
	uint32_t u = rcd_be32(p);
	return u <= INT32_MAX ? (int32_t)u : (int32_t)(u - 0x80000000u) - INT32_MAX - 1;
}

/* MSF frames, no offset. */
static inline int32_t rcd_msf_frames(uint8_t m, uint8_t s, uint8_t f)
{
	return ((int32_t)m * 60 + s) * 75 + f;
}

/* Absolute MSF to LBA: MSF - 150 below 90:00:00, MSF - 450150 from it on (lead-in). */
static inline int32_t rcd_msf_lba(uint8_t m, uint8_t s, uint8_t f)
{
	return rcd_msf_frames(m, s, f) - (m >= 90 ? 450150 : 150);
}

#endif
