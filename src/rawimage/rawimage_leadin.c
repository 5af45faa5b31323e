/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The TOC a lead-in's Q carries (ECMA-130 §22.3.4.2; MMC-6 Table 480 for the ADR 5 items of a multisession
 * disc), and its check against what the program area says. Each item is on several sectors in turn; the
 * running time of ADR 1 items (bytes 3-5) changes from sector to sector, everything else must repeat. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawcd/toc.h"
#include "rawimage/rawimage_internal.h"
#include "util/diag.h"

enum { ADR_POSITION = 1, ADR_MODE5 = 5, POINT_A0 = 0xA0, POINT_A1 = 0xA1, POINT_A2 = 0xA2, POINT_B0 = 0xB0 };

void rcd_leadin_take(struct rcd_leadin_toc *toc, const uint8_t q[RAWCD_Q_SIZE], uint64_t record)
{
	uint8_t point = q[2], adr = q[0] & 0x0F;
	if (!toc->seen[point]) {
		toc->seen[point] = true;
		toc->adr[point] = adr;
		toc->control[point] = q[0] >> 4;
		memcpy(toc->f[point], q + 3, 7);
		return;
	}
	/* ADR 1: bytes 3-5 are the running time; the rest is the item. ADR 5: all of it is. */
	size_t from = adr == ADR_POSITION ? 3 : 0;
	bool same = toc->adr[point] == adr && toc->control[point] == q[0] >> 4 &&
		    memcmp(toc->f[point] + from, q + 3 + from, 7 - from) == 0;
	if (!same && !toc->bad_record)
		toc->bad_record = record + 1;
}

static int bcd(uint8_t b)
{
	return rawcd_bcd_decode(b);
}

static const char *point_name(uint8_t point, char buf[8])
{
	if (point >= POINT_A0)
		snprintf(buf, 8, "%02X", point);
	else
		snprintf(buf, 8, "%02d", bcd(point) < 0 ? 0 : bcd(point));
	return buf;
}

/* Does the lead-in's item agree with the descriptor rawcd_toc_from_disc() computes from the layout? */
static bool item_agrees(const struct rcd_leadin_toc *toc, uint8_t point, const struct rawcd_toc_descriptor *d)
{
	const uint8_t *f = toc->f[point];
	if (toc->adr[point] != d->adr)
		return false;
	if (d->adr == ADR_MODE5) /* B0's next program area; the rest (pointers, outer limit, C0) differs by writer */
		return d->point != POINT_B0 || (bcd(f[0]) == d->min && bcd(f[1]) == d->sec && bcd(f[2]) == d->frame);
	if (toc->control[point] != d->control)
		return false;
	if (d->point == POINT_A0)
		return bcd(f[4]) == d->pmin && f[5] == d->psec;
	if (d->point == POINT_A1)
		return bcd(f[4]) == d->pmin;
	return bcd(f[4]) == d->pmin && bcd(f[5]) == d->psec && bcd(f[6]) == d->pframe;
}

/* The POINT byte of a descriptor as Q records it: BCD for tracks, as it is for A0-C0. */
static uint8_t q_point(uint8_t point)
{
	return point < POINT_A0 ? rawcd_bcd_encode(point) : point;
}

/* A0, A1, A2: which tracks the session has and where its lead-out is. */
static bool is_frame_item(uint8_t point)
{
	return point == POINT_A0 || point == POINT_A1 || point == POINT_A2;
}

static int refuse(const struct rcd_leadin_toc *toc, uint8_t point, const struct rawcd_toc_descriptor *d,
		  unsigned s, const char *name, rawcd_diag *diag)
{
	static const char *const what[3] = {"first track", "last track", "lead-out"};
	const uint8_t *f = toc->f[point];
	char a[10];
	if (point == POINT_A2)
		return rcd_error(diag, RAWCD_E_INPUT, name, 0, "the lead-in of session %u puts its lead-out at %02X:%02X:%02X, "
				 "but the program area has it at %s: the image is cut short or not of that disc", s, f[4],
				 f[5], f[6], rawcd_msf_format((uint32_t)(d->pmin * 60 + d->psec) * 75 + d->pframe, a));
	return rcd_error(diag, RAWCD_E_INPUT, name, 0, "the lead-in of session %u says its %s is %02X, but the "
			 "program area has track %02u: the image is cut short or not of that disc", s,
			 what[point - POINT_A0], f[4], d->pmin);
}

int rcd_leadin_check(const struct rcd_leadin_toc *toc, unsigned s, const struct rawcd_disc *disc,
		     const char *name, rawcd_diag *diag)
{
	struct rawcd_toc *t = malloc(sizeof(*t));
	if (!t)
		return RAWCD_E_NOMEM;
	if (rawcd_toc_from_disc(t, disc) != RAWCD_OK) {
		free(t);
		return RAWCD_OK;
	}
	bool expected[256] = {false};
	char pn[8];
	int rc = RAWCD_OK;
	for (size_t i = 0; i < t->full_count && rc == RAWCD_OK; i++) {
		const struct rawcd_toc_descriptor *d = &t->full[i];
		if (d->session != s)
			continue;
		uint8_t p = q_point(d->point);
		expected[p] = true;
		if (!toc->seen[p])
			rcd_warn(diag, name, 0, "the lead-in of session %u has no TOC item for POINT %s, which the "
				 "program area has: the layout is taken from the program area", s, point_name(p, pn));
		else if (!item_agrees(toc, p, d) && is_frame_item(p) && toc->adr[p] == d->adr)
			rc = refuse(toc, p, d, s, name, diag);
		else if (!item_agrees(toc, p, d))
			rcd_warn(diag, name, 0, "the lead-in of session %u says otherwise than the program area about "
				 "POINT %s: the layout is taken from the program area", s, point_name(p, pn));
	}
	for (unsigned p = 0; p < 256; p++)
		if (toc->seen[p] && !expected[p] && p != 0xC0)
			rcd_warn(diag, name, 0, "the lead-in of session %u has a TOC item for POINT %s, which the "
				 "program area does not have: it is ignored", s, point_name((uint8_t)p, pn));
	if (toc->bad_record)
		rcd_warn(diag, name, 0, "the lead-in of session %u repeats a TOC item with other values at record "
			 "%llu: the layout is taken from the program area", s,
			 (unsigned long long)(toc->bad_record - 1));
	free(t);
	return rc;
}
