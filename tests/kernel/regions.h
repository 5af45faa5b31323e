/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel-path recorder's comparison by region (tcmu_recorder.c): each received 2448-byte block
 * against the block of the same LBA in the expected raw96 image, channel by channel, counted in the
 * region the expected block's Q puts it in:
 *   leadin  LBA < -150 (the lead-in, from the ATIP lead-in start)
 *   pregap  a good ADR 1 Q of INDEX 00 (the first track's 150 sectors and every later pause)
 *   program the rest before the lead-out (ADR 2 and 3 frames take the region of the frame before)
 *   leadout a good ADR 1 Q of TNO AAh
 * Main channel: equal as sent, or once descrambled (ECMA-130 Annex B); P, Q (the 12 bytes of the
 * frame) and R-W (the 96 six-bit symbols) compared bit for bit.
 */
#ifndef KERNEL_REGIONS_H
#define KERNEL_REGIONS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum region { REGION_LEADIN, REGION_PREGAP, REGION_PROGRAM, REGION_LEADOUT, REGION_COUNT };

struct region_counts {
	uint64_t blocks, main_diff, p_diff, q_diff, rw_diff;
	unsigned q_shown; /* Q differences printed so far */
	bool main_shown;  /* the first main-channel difference was printed */
};

struct regions {
	struct region_counts r[REGION_COUNT];
	enum region last;  /* the region of the previous block */
	unsigned show;     /* Q differences to print per region and recording (0: none) */
	FILE *out;
};

/* Compare one received block (the first main-channel difference of each region is printed: "recorder:
 * main-differs region=R lba=N at=BYTE got=16 BYTES descrambled=16 BYTES want=16 BYTES", from the first
 * byte that differs as sent or descrambled, whichever is later, rounded down to 16)  @p got with the expected block @p want at @p lba. */
void regions_compare(struct regions *g, int32_t lba, const uint8_t *got, const uint8_t *want);

/* Print "recorder: regions leadin=B/M/P/Q/RW pregap=... program=... leadout=..." (blocks, then the
 * blocks whose main channel, P, Q and R-W differ) and start again. */
void regions_print(struct regions *g);

#endif
