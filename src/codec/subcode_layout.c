/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Byte layouts of one sector's subcode (subcode.md §0, where every writer and reader agrees) and the
 * Q-frame CRC (subcode.md §4). Pure functions on caller buffers.
 */
#include "rawcd/subcode.h"

#include <string.h>

#define CHANNEL_BYTES 12 /* 96 bits of one channel */

/* Bit i (0 = first recorded) of a channel stored MSB first. */
static unsigned channel_bit(const uint8_t ch[CHANNEL_BYTES], size_t i)
{
	return (unsigned)(ch[i / 8] >> (7 - i % 8)) & 1u;
}

/* Raw interleaved form (MMC data block type 3): byte i carries bit i of every channel, P in bit 7, Q in
 * bit 6 and the R-W symbol in bits 5-0 (cdrecord `qpto96`, cdrdao `PWSubChannel96`, libmirage). */
void rawcd_subcode_raw96(const struct rawcd_subchannels *sc, uint8_t out[RAWCD_SUBCODE_SIZE])
{
	for (size_t i = 0; i < RAWCD_SUBCODE_SIZE; i++)
		out[i] = (uint8_t)(channel_bit(sc->p, i) << 7 | channel_bit(sc->q, i) << 6 | (sc->rw[i] & 0x3F));
}

/* Packed form (data block type 2): P and Q in bits 7-6 as in raw96 (cdrecord raw96p), the R-W symbols
 * in the order they are held. The generator never interleaves R-W (CD-TEXT in the lead-in is written
 * plain, CD+G input comes already in recorded order), so the bytes equal raw96's: subcode.md §1-2. */
void rawcd_subcode_packed96(const struct rawcd_subchannels *sc, uint8_t out[RAWCD_SUBCODE_SIZE])
{
	rawcd_subcode_raw96(sc, out);
}

/* PQ form (data block type 1): Q, three zero bytes, the P flag in bit 7 of byte 15. */
void rawcd_subcode_pq16(const struct rawcd_subchannels *sc, uint8_t out[RAWCD_PQ16_SIZE])
{
	memcpy(out, sc->q, RAWCD_Q_SIZE);
	memset(out + RAWCD_Q_SIZE, 0, RAWCD_PQ16_SIZE - RAWCD_Q_SIZE);
	out[RAWCD_PQ16_SIZE - 1] = (uint8_t)(channel_bit(sc->p, 0) << 7);
}

/* CloneCD `.sub`: channel after channel, each 12 bytes MSB first (libburn `uncook_subs`, libmirage
 * PW96_LINEAR, BizHawk: subcode.md §0, §6). Channel R is bit 5 of the symbols, W bit 0. */
void rawcd_subcode_channels96(const struct rawcd_subchannels *sc, uint8_t out[RAWCD_SUBCODE_SIZE])
{
	memcpy(out, sc->p, CHANNEL_BYTES);
	memcpy(out + CHANNEL_BYTES, sc->q, CHANNEL_BYTES);
	for (unsigned c = 0; c < 6; c++) {
		uint8_t *ch = out + (2 + c) * CHANNEL_BYTES;
		unsigned shift = 5 - c;
		for (size_t j = 0; j < CHANNEL_BYTES; j++) {
			unsigned byte = 0;
			for (size_t b = 0; b < 8; b++)
				byte = byte << 1 | ((unsigned)sc->rw[8 * j + b] >> shift & 1u);
			ch[j] = (uint8_t)byte;
		}
	}
}

void rawcd_subcode_from_raw96(struct rawcd_subchannels *out, const uint8_t in[RAWCD_SUBCODE_SIZE])
{
	memset(out->p, 0, sizeof(out->p));
	memset(out->q, 0, sizeof(out->q));
	for (size_t i = 0; i < RAWCD_SUBCODE_SIZE; i++) {
		unsigned bit = 7 - (unsigned)(i % 8);
		out->p[i / 8] |= (uint8_t)((in[i] >> 7 & 1u) << bit);
		out->q[i / 8] |= (uint8_t)((in[i] >> 6 & 1u) << bit);
		out->rw[i] = in[i] & 0x3F;
	}
}

/* CRC-16 x^16+x^12+x^5+1 over bytes 0-9, preset 0, stored inverted and big-endian (IEC 60908 §17.5;
 * subcode.md §4: cdrecord, cdrdao, libmirage, redumper agree). */
void rawcd_q_set_crc(uint8_t q[RAWCD_Q_SIZE])
{
	uint16_t crc = (uint16_t)~rawcd_crc16(q, 10);
	q[10] = (uint8_t)(crc >> 8);
	q[11] = (uint8_t)crc;
}

bool rawcd_q_crc_ok(const uint8_t q[RAWCD_Q_SIZE])
{
	uint16_t crc = (uint16_t)~rawcd_crc16(q, 10);
	return q[10] == (uint8_t)(crc >> 8) && q[11] == (uint8_t)crc;
}
