/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An independent sector checker for the tests, written from the rules in DESIGN.md §4 and ECMA-130
 * (§14, Annex A) without any code of src/codec: a bit-at-a-time EDC, GF(2^8) arithmetic without tables,
 * and P/Q codewords listed word by word and checked by their two syndromes. Slow on purpose: plain enough
 * to be read against the standard. Pure C, no test framework, so any test program can link it.
 */
#ifndef RAWCD_TESTS_INDEP_SECTOR_H
#define RAWCD_TESTS_INDEP_SECTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define INDEP_SECTOR 2352

/* What a sector says it is, by its mode byte (15) and, for Mode 2, the subheader (16..23). */
enum indep_kind {
	INDEP_MODE0,     /* mode byte 0 */
	INDEP_MODE1,     /* mode byte 1 */
	INDEP_FORM1,     /* mode byte 2, subheader copies equal, submode bit 5 clear */
	INDEP_FORM2,     /* mode byte 2, subheader copies equal, submode bit 5 set */
	INDEP_FORMLESS,  /* mode byte 2, subheader copies differ */
	INDEP_BAD_MODE   /* any other mode byte */
};

struct indep_report {
	bool sync_ok;          /* bytes 0..11 are 00 FF x10 00 */
	bool header_ok;        /* bytes 12..14 are the BCD MSF of the expected LBA */
	enum indep_kind kind;
	bool edc_ok;           /* Mode 1, Form 1, Form 2 (a zero Form 2 EDC counts as valid); else true */
	bool edc_zero;         /* Form 2: the EDC field is 0 ("no EDC") */
	bool ecc_ok;           /* Mode 1, Form 1: every P and Q codeword has zero syndromes; else true */
	bool zero_ok;          /* Mode 0: bytes 16..2351 zero; Mode 1: bytes 2068..2075 zero; else true */
};

/* EDC (CRC-32, 0x8001801B LSB first, preset 0, no inversion) of @p n bytes, one bit at a time. */
uint32_t indep_edc(const uint8_t *p, size_t n);

/* Little-endian 32-bit value at @p p (how the EDC is stored). */
uint32_t indep_le32(const uint8_t *p);

/* The 16 bytes a sector of @p lba and @p mode_byte starts with: sync, BCD MSF (LBA + 150, or
 * LBA + 450150 below LBA -150), mode byte. */
void indep_header(uint8_t out[16], int32_t lba, uint8_t mode_byte);

/* All P and Q codewords of both byte planes are valid; with @p zero_header the 4 header bytes are taken
 * as zero (Mode 2 Form 1). */
bool indep_ecc_ok(const uint8_t *sector, bool zero_header);

/* Compute P then Q parity (bytes 2076..2351) from bytes 12..2075, in place, by solving each codeword's
 * two parity words from its syndromes. The header is used as it is: zero it first for Form 1. */
void indep_ecc_encode(uint8_t *sector);

/* Check one unscrambled data sector against the LBA it should carry. */
void indep_check(struct indep_report *out, const uint8_t *sector, int32_t expected_lba);

/* Every field of @p r that applies is valid (sync, header, mode 0/1/2, EDC, ECC, zero fields). */
bool indep_all_ok(const struct indep_report *r);

#endif
