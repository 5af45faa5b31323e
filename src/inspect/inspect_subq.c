/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The verdict on one sector's P and Q (IEC 60908 §17; research/subcode.md §3–4). The CRC is
 * rawcd_q_crc_ok() and the expected frames are rawcd_subcode_sector()'s, the generator the writers use.
 * Only what every writer agrees on is judged: TNO, INDEX and absolute time of ADR 1 frames, P uniform in a
 * sector and 1 in pauses. Relative time (cdrecord counts pregaps one lower), CONTROL, the MCN/ISRC slots,
 * the lead-in running time and order, and P around track starts and in the lead-out differ between
 * writers, so they are not findings.
 */
#include "rawcd/inspect.h"

#include <string.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"

enum { ADR_POSITION = 1, ADR_MCN = 2, ADR_ISRC = 3 };

static int bcd(uint8_t b)
{
	return rawcd_bcd_decode(b);
}

/* 13 BCD digits in bytes 1..7 (subcode.md §4). */
static void decode_mcn(const uint8_t *q, char out[14])
{
	for (size_t i = 0; i < 13; i++) {
		unsigned d = i % 2 ? q[1 + i / 2] & 0x0Fu : q[1 + i / 2] >> 4;
		out[i] = d <= 9 ? (char)('0' + d) : '?';
	}
	out[13] = '\0';
}

/* Five 6-bit codes in the top 30 bits of bytes 1..4 ('0'-'9' 0x00-0x09, 'A'-'Z' 0x11-0x2A), then 7 BCD
 * digits from byte 5 on (subcode.md §4, as the encoder writes them). */
static void decode_isrc(const uint8_t *q, char out[13])
{
	uint32_t bits = (uint32_t)q[1] << 24 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 8 | q[4];
	for (size_t i = 0; i < 5; i++) {
		unsigned c = bits >> (26 - 6 * i) & 0x3Fu;
		out[i] = c <= 9 ? (char)('0' + c) : (c >= 0x11 && c <= 0x2A) ? (char)('A' + c - 0x11) : '?';
	}
	for (size_t i = 0; i < 7; i++) {
		unsigned d = i % 2 ? q[5 + i / 2] & 0x0Fu : q[5 + i / 2] >> 4;
		out[5 + i] = d <= 9 ? (char)('0' + d) : '?';
	}
	out[12] = '\0';
}

/* The absolute time in bytes 7..9 is the sector's own (ECMA-130 §22.3.3.5). */
static bool abs_time_ok(const uint8_t *q, int32_t lba)
{
	struct rawcd_msf m = rawcd_lba_to_msf(lba);
	return q[7] == rawcd_bcd_encode(m.m) && q[8] == rawcd_bcd_encode(m.s) && q[9] == rawcd_bcd_encode(m.f);
}

static int tno_of(uint8_t b)
{
	return b == RAWCD_LEADOUT_TNO ? RAWCD_LEADOUT_TNO : bcd(b);
}

/* Our ADR 1 frame for @p lba: the generator's, or where it puts MCN/ISRC there, its neighbour's (the
 * frame moves off TNO/INDEX changes, so the sector before has the same TNO and INDEX). */
static int expected_position(const rawcd_subcode *sc, int32_t lba, struct rawcd_subchannels *exp)
{
	int rc = rawcd_subcode_sector(sc, lba, NULL, exp);
	if (rc || (exp->q[0] & 0x0F) == ADR_POSITION)
		return rc;
	struct rawcd_subchannels n;
	if (rawcd_subcode_sector(sc, lba - 1, NULL, &n) != RAWCD_OK || (n.q[0] & 0x0F) != ADR_POSITION)
		if (rawcd_subcode_sector(sc, lba + 1, NULL, &n) != RAWCD_OK)
			return RAWCD_E_ARG;
	memcpy(exp->q, n.q, sizeof(n.q));
	return RAWCD_OK;
}

/* Position of an ADR 1 frame against our frame: TNO 0 in the lead-in, else TNO, INDEX and the LBA's
 * absolute time. */
static bool position_matches(const uint8_t *q, int32_t lba, const struct rawcd_subchannels *exp)
{
	if (exp->q[1] == 0)
		return q[1] == 0;
	return q[1] == exp->q[1] && q[2] == exp->q[2] && abs_time_ok(q, lba);
}

/* Without a layout, by the LBA alone: TNO 0 in the lead-in; from LBA -150 on TNO 1-99 or AAh, a BCD
 * INDEX and the LBA's absolute time. */
static bool position_plausible(const uint8_t *q, int32_t lba)
{
	int tno = tno_of(q[1]);
	if (lba < -RAWCD_MSF_LBA_OFFSET)
		return tno == 0;
	return tno >= 1 && (tno <= 99 || tno == RAWCD_LEADOUT_TNO) && bcd(q[2]) >= 0 && abs_time_ok(q, lba);
}

static void decode(struct rawcd_inspect_subq *r, const uint8_t *q, int32_t lba)
{
	r->control = q[0] >> 4;
	r->adr = q[0] & 0x0F;
	if (r->adr == ADR_POSITION) {
		r->tno = tno_of(q[1]);
		r->index = lba < -RAWCD_MSF_LBA_OFFSET ? -1 : bcd(q[2]);
	} else if (r->adr == ADR_MCN) {
		decode_mcn(q, r->mcn);
	} else if (r->adr == ADR_ISRC) {
		decode_isrc(q, r->isrc);
	}
}

static bool p_uniform(const uint8_t p[12])
{
	for (size_t i = 0; i < 12; i++)
		if ((p[i] != 0x00 && p[i] != 0xFF) || p[i] != p[0])
			return false;
	return true;
}

int rawcd_inspect_subcode(struct rawcd_inspect_subq *out, const struct rawcd_subchannels *sub, int32_t lba,
			  const rawcd_subcode *expected, bool p_whole)
{
	if (!out || !sub || lba < RAWCD_LBA_MIN || lba > RAWCD_LBA_MAX)
		return RAWCD_E_ARG;
	struct rawcd_inspect_subq r = {.tno = -1, .index = -1, .p = sub->p[0] >> 7};
	struct rawcd_subchannels exp;
	if (expected && expected_position(expected, lba, &exp) != RAWCD_OK)
		return RAWCD_E_ARG;
	r.crc_ok = rawcd_q_crc_ok(sub->q);
	if (r.crc_ok)
		decode(&r, sub->q, lba);
	else
		r.findings |= RAWCD_FINDING_SUBQ_CRC;
	bool position = r.crc_ok && r.adr == ADR_POSITION;
	if (position && !(expected ? position_matches(sub->q, lba, &exp) : position_plausible(sub->q, lba)))
		r.findings |= RAWCD_FINDING_SUBQ_POSITION;
	/* A pause (index-0 pregap): by our frame, else by the sector's own (P is 1 there for every writer). */
	bool pause = expected ? exp.p[0] == 0xFF && exp.q[1] != 0 && exp.q[1] != RAWCD_LEADOUT_TNO
			      : position && r.tno >= 1 && r.tno <= RAWCD_MAX_TRACKS && r.index == 0;
	if ((p_whole && !p_uniform(sub->p)) || (pause && !r.p))
		r.findings |= RAWCD_FINDING_SUBP;
	*out = r;
	return RAWCD_OK;
}
