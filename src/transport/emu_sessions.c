/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The emulated recorder's multisession disc (MMC-6 §6.22 READ DISC INFORMATION, §6.26 READ TOC, §6.27
 * READ TRACK INFORMATION, §7.5 page 05h): a raw recording that ends well while page 05h's Multi-session
 * field (byte 3 bits 7-6) is 11b leaves the disc appendable, its session kept (the lead-in's ADR 1
 * items, and the ADR 5 items B0 and C0 it carried); the next recording must start where this one ended
 * (the next session's lead-in: READ DISC INFORMATION bytes 17-19 say where, as they give the ATIP lead-in
 * on a blank disc). A session closed with the field 00b completes the disc. READ TOC formats 0, 1 and 2
 * then answer for every session kept: format 2 lists per session A0, A1, A2, the tracks, B0 and C0 as
 * the lead-ins carried them, and rawcd_toc_decode() derives the rest.
 */
#include "emu_internal.h"

#include <string.h>

#include "mmc/mmc_bytes.h"
#include "rawcd/error.h"
#include "rawcd/subcode.h"

#define FULL_DESC 11
#define POINT_B0 0xB0
#define POINT_C0 0xC0

/* An ADR 5 item of the lead-in (B0, C0): Q bytes 3-9 as first seen. */
void rcd_emu_leadin_item5(struct rcd_emu *e, const uint8_t q[RAWCD_Q_SIZE])
{
	struct rcd_emu_item5 *it = q[2] == POINT_B0 ? &e->b0 : q[2] == POINT_C0 ? &e->c0 : NULL;
	if (!it || it->seen)
		return;
	it->seen = true;
	it->control = q[0] >> 4;
	memcpy(it->q, q + 3, sizeof(it->q));
}

bool rcd_emu_appendable(const struct rcd_emu *e)
{
	return e->st.disc_status == 1 && e->session_count > 0 && !e->st.recording;
}

bool rcd_emu_has_sessions(const struct rcd_emu *e)
{
	return e->session_count > 0 && (e->st.disc_status == 2 || rcd_emu_appendable(e));
}

static int bin(uint8_t bcd)
{
	int v = rawcd_bcd_decode(bcd);
	return v < 0 ? bcd : v; /* FFh stays FFh (B0 of Multi-session 01b) */
}

static void put_item(const struct rcd_emu_item *it, unsigned number, uint8_t point, uint8_t binary_point,
		     uint8_t *o)
{
	memset(o, 0, FULL_DESC);
	o[0] = (uint8_t)number;
	o[1] = (uint8_t)(0x10 | it->control);
	o[3] = binary_point;
	o[8] = (uint8_t)bin(it->p[0]);
	o[9] = point == 0xA0 ? it->p[1] : (uint8_t)bin(it->p[1]); /* A0 PSEC: the disc type */
	o[10] = (uint8_t)bin(it->p[2]);
}

/* A session's descriptors as drives order them: A0, A1, A2, the tracks, B0, C0. */
static size_t put_items(const struct rcd_emu_session *s, unsigned number, uint8_t *d)
{
	size_t n = 0;
	for (uint8_t a = 0xA0; a <= 0xA2; a++)
		if (s->items[a].seen)
			put_item(&s->items[a], number, a, a, d + FULL_DESC * n++);
	for (uint8_t t = 1; t <= 99; t++) {
		uint8_t point = rawcd_bcd_encode(t);
		if (s->items[point].seen)
			put_item(&s->items[point], number, point, t, d + FULL_DESC * n++);
	}
	const struct rcd_emu_item5 *five[] = {&s->b0, &s->c0};
	for (size_t k = 0; k < 2; k++) {
		if (!five[k]->seen)
			continue;
		const uint8_t *q = five[k]->q; /* MIN SEC FRAME ZERO PMIN PSEC PFRAME */
		uint8_t *o = d + FULL_DESC * n++;
		o[0] = (uint8_t)number;
		o[1] = (uint8_t)(0x50 | five[k]->control);
		o[2] = 0;
		o[3] = k == 0 ? POINT_B0 : POINT_C0;
		for (size_t i = 0; i < 7; i++) /* C0's MIN is the writing power, a raw byte */
			o[4 + i] = k == 1 && i < 3 ? q[i] : (uint8_t)bin(q[i]);
	}
	return n;
}

/* The full TOC of every session kept, checked and decoded by rawcd_toc_decode(). */
static int sessions_toc(const struct rcd_emu *e, struct rawcd_toc *out)
{
	static uint8_t d[4 + FULL_DESC * RAWCD_TOC_MAX_DESCRIPTORS];
	size_t n = 0;
	for (size_t s = 0; s < e->session_count; s++) {
		if (n + 3 + 99 + 2 > RAWCD_TOC_MAX_DESCRIPTORS)
			return RAWCD_E_FORMAT;
		n += put_items(&e->sessions[s], (unsigned)(s + 1), d + 4 + FULL_DESC * n);
	}
	rcd_put_be16(d, (unsigned)(2 + FULL_DESC * n));
	d[2] = 1;
	d[3] = (uint8_t)e->session_count;
	return rawcd_toc_decode(out, 2, true, d, 4 + FULL_DESC * n) == RAWCD_OK ? RAWCD_OK : RAWCD_E_FORMAT;
}

int rcd_emu_session_close(struct rcd_emu *e)
{
	if (e->session_count == RCD_EMU_MAX_SESSIONS)
		return RAWCD_E_FORMAT;
	struct rcd_emu_session *s = &e->sessions[e->session_count++];
	memcpy(s->items, e->items, sizeof(s->items));
	s->b0 = e->b0;
	s->c0 = e->c0;
	s->first_lba = e->st.first_lba;
	s->end_lba = e->st.next_lba;
	bool open = (e->page05[3] >> 6) == 3;
	e->st.disc_status = open ? 1 : 2;
	e->st.sessions = (unsigned)e->session_count;
	int rc = sessions_toc(e, e->toc);
	e->toc_valid = rc == RAWCD_OK;
	return rc;
}

void rcd_emu_sessions_forget(struct rcd_emu *e)
{
	e->session_count = 0;
	e->st.sessions = 0;
	memset(&e->b0, 0, sizeof(e->b0));
	memset(&e->c0, 0, sizeof(e->c0));
}

int32_t rcd_emu_next_leadin(const struct rcd_emu *e)
{
	return rcd_emu_appendable(e) ? e->sessions[e->session_count - 1].end_lba : e->leadin_lba;
}

/* READ DISC INFORMATION of an appendable disc: sessions, last session complete, next lead-in start. */
void rcd_emu_disc_info_sessions(const struct rcd_emu *e, uint8_t *d)
{
	if (!rcd_emu_has_sessions(e))
		return;
	d[2] = (uint8_t)((d[2] & ~0x0F) | 3 << 2 | e->st.disc_status); /* last session complete */
	d[4] = (uint8_t)e->session_count;
	if (e->toc_valid) {
		d[5] = (uint8_t)e->toc->tracks[e->toc->track_count - 1].number; /* first track of the last session */
		for (size_t i = 0; i < e->toc->track_count; i++)
			if (e->toc->tracks[i].session == e->session_count) {
				d[5] = (uint8_t)e->toc->tracks[i].number;
				break;
			}
		d[6] = (uint8_t)e->toc->last_track;
	}
	if (rcd_emu_appendable(e)) {
		struct rawcd_msf m = rawcd_lba_to_msf(rcd_emu_next_leadin(e));
		d[16] = 0;
		d[17] = m.m;
		d[18] = m.s;
		d[19] = m.f;
	}
}

/* READ TRACK INFORMATION of the invisible track on an appendable disc: where the next session's
 * recording starts (raw: its lead-in) and the blocks left. false when the disc is not appendable. */
bool rcd_emu_track_info_next(const struct rcd_emu *e, uint32_t number, uint8_t *d)
{
	if (!rcd_emu_appendable(e) || (number != 0xFF && (!e->toc_valid || number != e->toc->last_track + 1u)))
		return false;
	int32_t next = rcd_emu_next_leadin(e);
	uint32_t free_blocks = e->leadout_lba > next ? (uint32_t)(e->leadout_lba - next) : 0;
	d[2] = e->toc_valid ? (uint8_t)(e->toc->last_track + 1) : 1;
	d[3] = (uint8_t)(e->session_count + 1);
	d[5] = 0x04;
	d[6] = 0x40 | 0x01; /* blank, data mode 1 */
	d[7] = 0x01;        /* NWA valid */
	rcd_put_be32(d + 8, (uint32_t)next);
	rcd_put_be32(d + 12, (uint32_t)next);
	rcd_put_be32(d + 16, free_blocks);
	rcd_put_be32(d + 24, free_blocks);
	return true;
}
