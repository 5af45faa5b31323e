/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The emulated recorder's session-at-once recording (MMC-6 §6.40 SEND CUE SHEET; research/burn.md §1.5):
 * the cue sheet is checked as a strict drive would (8-byte entries, MCN and lead-in first, the lead-out
 * last, tracks and indexes in order, MSF increasing, data forms it knows), then WRITE(10) takes blocks
 * strictly consecutive from LBA -150 (from the ATIP lead-in start when the lead-in entry asks for R-W from
 * the host: the CD-TEXT), each command of one data form, as many bytes a block as that form says. The
 * drive writes the lead-in, the lead-out and P and Q itself, so after the burn the TOC, the MCN and the
 * ISRCs come from the cue sheet; the CD-TEXT from the R-W the host sent over the lead-in.
 */
#include "emu_internal.h"

#include <stdlib.h>
#include <string.h>

#include "mmc/mmc_bytes.h"
#include "rawcd/error.h"
#include "rawcd/subcode.h"

#define ENTRY RAWCD_MMC_CUE_ENTRY_SIZE
#define PREGAP_LBA (-150)
#define MSF_OFFSET 150
#define ADR_POSITION 1
#define ADR_MCN 2
#define ADR_ISRC 3
#define SUB_BITS 0xC0
#define POINT_A0 0xA0
#define POINT_A1 0xA1
#define POINT_A2 0xA2

/* ---- checking a cue sheet ---- */

static bool is_generated(uint8_t form)
{
	return form == RAWCD_MMC_FORM_CDDA_GENERATED || form == RAWCD_MMC_FORM_MODE1_GENERATED ||
	       form == RAWCD_MMC_FORM_XA_GENERATED || form == RAWCD_MMC_FORM_MODE2_GENERATED;
}

/* Forms a track may have here: main data from the host, no sub-channel (the fake does not take R-W in
 * the program area). */
static bool is_track_form(uint8_t form)
{
	return !(form & SUB_BITS) && rawcd_mmc_data_form_size(form) > 0;
}

/* The lead-in: generated, or CD-DA generated with raw R-W from the host (the CD-TEXT lead-in). */
static bool is_leadin_form(uint8_t form)
{
	return is_generated(form) || form == (RAWCD_MMC_FORM_SUB_RW_RAW | RAWCD_MMC_FORM_CDDA_GENERATED);
}

static bool msf_valid(const uint8_t *p)
{
	return p[5] <= 99 && p[6] < 60 && p[7] < RAWCD_FRAMES_PER_SECOND;
}

static int32_t entry_lba(const uint8_t *p)
{
	return rcd_msf_frames(p[5], p[6], p[7]) - MSF_OFFSET;
}

static bool digits(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return true;
}

static bool isrc_chars(const uint8_t *a, const uint8_t *b)
{
	for (size_t i = 0; i < 5; i++)
		if (!((a[i] >= '0' && a[i] <= '9') || (a[i] >= 'A' && a[i] <= 'Z')))
			return false;
	return digits(a + 5, 1) && digits(b, 6);
}

/* Walking the entries of a cue sheet. */
struct walk {
	const uint8_t *d;
	size_t n, i;                      /* entries, the next one */
	struct rcd_emu_cue_point *pts;    /* room for n */
	size_t np;
	unsigned tno, index;              /* the current track and index, tno 0 before the first */
};

static const uint8_t *at(const struct walk *w, size_t i)
{
	return i < w->n ? w->d + i * ENTRY : NULL;
}

/* Two ADR 2 entries: 7 digits, then 6 and a zero byte. */
static bool mcn_ok(struct walk *w)
{
	const uint8_t *a = at(w, w->i), *b = at(w, w->i + 1);
	if (!a || (a[0] & 0x0F) != ADR_MCN)
		return true; /* no MCN */
	w->i += 2;
	return b && (b[0] & 0x0F) == ADR_MCN && digits(a + 1, 7) && digits(b + 1, 6) && b[7] == 0;
}

/* Two ADR 3 entries of the track that starts next. */
static bool isrc_ok(struct walk *w)
{
	const uint8_t *a = at(w, w->i), *b = at(w, w->i + 1), *next = at(w, w->i + 2);
	w->i += 2;
	return b && next && (b[0] & 0x0F) == ADR_ISRC && a[1] == b[1] && (next[0] & 0x0F) == ADR_POSITION &&
	       next[1] == a[1] && a[1] != w->tno && isrc_chars(a + 2, b + 2);
}

/* An ADR 1 entry of a track: the same track with the next index, or the next track with INDEX 00 or 01
 * (the first track with INDEX 00 at 00:00:00), a track form, the MSF after the previous one. */
static bool position_ok(struct walk *w)
{
	const uint8_t *p = at(w, w->i++);
	unsigned tno = p[1], index = p[2];
	int32_t lba = entry_lba(p);
	bool first = w->tno == 0;
	if (!msf_valid(p) || !is_track_form(p[3]) || (p[4] & 0x7F))
		return false;
	if (first && (tno < 1 || tno > 99 || index != 0 || lba != PREGAP_LBA))
		return false;
	if (!first && tno == w->tno && index != w->index + 1)
		return false;
	if (!first && tno != w->tno && (tno != w->tno + 1 || tno > 99 || index > 1 || w->index == 0))
		return false;
	if (w->np && lba <= w->pts[w->np - 1].lba)
		return false;
	w->tno = tno;
	w->index = index;
	w->pts[w->np++] = (struct rcd_emu_cue_point){lba, (uint8_t)(p[0] >> 4), (uint8_t)tno, (uint8_t)index, p[3]};
	return true;
}

static bool leadout_ok(struct walk *w)
{
	const uint8_t *p = at(w, w->i++);
	int32_t lba = entry_lba(p);
	if ((p[0] & 0x0F) != ADR_POSITION || p[1] != RAWCD_MMC_CUE_LEADOUT_TNO || p[2] != 1 || !is_generated(p[3]) ||
	    !msf_valid(p) || w->index == 0 || lba <= w->pts[w->np - 1].lba)
		return false;
	w->pts[w->np++] = (struct rcd_emu_cue_point){lba, (uint8_t)(p[0] >> 4), p[1], 1, p[3]};
	return true;
}

/* The whole sheet (MMC-6 §6.40's order); fills w->pts. */
static bool sheet_ok(struct walk *w, uint8_t *leadin_form)
{
	if (!mcn_ok(w))
		return false;
	const uint8_t *in = at(w, w->i++);
	if (!in || (in[0] & 0x0F) != ADR_POSITION || in[1] != 0 || in[2] != 0 || !is_leadin_form(in[3]) ||
	    in[4] != 0 || in[5] != 0 || in[6] != 0 || in[7] != 0)
		return false;
	*leadin_form = in[3];
	while (w->i + 1 < w->n) {
		unsigned adr = at(w, w->i)[0] & 0x0F;
		bool ok = adr == ADR_ISRC ? isrc_ok(w) : adr == ADR_POSITION && position_ok(w);
		if (!ok)
			return false;
	}
	return w->np > 0 && w->i + 1 == w->n && leadout_ok(w);
}

void rcd_emu_drop_cue_sheet(struct rcd_emu *e)
{
	free(e->cue);
	free(e->points);
	e->cue = NULL;
	e->points = NULL;
	e->cue_len = e->point_count = 0;
	e->st.cue_sheet = false;
}

/* Check and keep a cue sheet; false (nothing kept) if it is not acceptable. */
static bool accept_sheet(struct rcd_emu *e, const uint8_t *d, size_t len)
{
	struct walk w = {.d = d, .n = len / ENTRY};
	uint8_t *copy = malloc(len);
	w.pts = calloc(w.n, sizeof(*w.pts));
	uint8_t leadin_form = 0;
	if (!copy || !w.pts || !sheet_ok(&w, &leadin_form)) {
		free(copy);
		free(w.pts);
		return false;
	}
	memcpy(copy, d, len);
	rcd_emu_drop_cue_sheet(e);
	e->cue = copy;
	e->cue_len = len;
	e->points = w.pts;
	e->point_count = w.np;
	e->leadin_form = leadin_form;
	e->st.cue_sheet = true;
	e->st.cue_sheet_length = len;
	return true;
}

void rcd_emu_send_cue_sheet(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	size_t len = rcd_be24(c->cdb + 6);
	e->st.cue_sheets++;
	if (!rcd_emu_medium(e, r) || rcd_emu_busy(e, r)) {
		/* the sense is set */
	} else if (e->st.recording || (e->page05[2] & 0x0F) != RAWCD_MMC_WRITE_SAO || e->st.disc_status != 0) {
		rcd_emu_sense(r, 0x5, 0x2C, 0x00); /* command sequence error: not now, or not in SAO */
	} else if (len == 0 || len > rcd_emu_max_cue_sheet(e) || c->dir != RAWCD_XFER_TO_DEVICE || c->len != len) {
		rcd_emu_sense(r, 0x5, 0x1A, 0x00); /* parameter list length error */
	} else if (len % ENTRY != 0 || !accept_sheet(e, c->buf, len)) {
		rcd_emu_sense(r, 0x5, 0x26, 0x00); /* invalid field in parameter list */
	} else {
		r->transferred = len;
	}
	if (r->check)
		e->st.cue_sheets_refused++;
}

/* ---- WRITE(10) in SAO ---- */

/* The data form at @p lba and the first LBA after it where the form changes (or the lead-out). The
 * lead-in (before LBA -150) is one region of the lead-in entry's form. */
static uint8_t region(const struct rcd_emu *e, int32_t lba, int32_t *end)
{
	const struct rcd_emu_cue_point *out = &e->points[e->point_count - 1];
	if (lba < PREGAP_LBA) {
		*end = PREGAP_LBA;
		return e->leadin_form;
	}
	if (lba >= out->lba) {
		*end = out->lba;
		return out->form;
	}
	size_t i = 0;
	while (i + 1 < e->point_count && e->points[i + 1].lba <= lba)
		i++;
	uint8_t form = e->points[i].form;
	size_t j = i + 1;
	while (j + 1 < e->point_count && e->points[j].form == form)
		j++;
	*end = e->points[j].lba;
	return form;
}

static int32_t leadout(const struct rcd_emu *e)
{
	return e->points[e->point_count - 1].lba;
}

/* Where the recording must start: LBA -150, or the ATIP lead-in start when the host sends the lead-in's
 * R-W. */
static int32_t first_lba(const struct rcd_emu *e)
{
	return (e->leadin_form & SUB_BITS) ? e->leadin_lba : PREGAP_LBA;
}

static bool sao_refused(struct rcd_emu *e, const struct rcd_emu_cmd *c, int32_t lba, size_t blocks,
			int *size, struct rcd_emu_reply *r)
{
	const struct rawcd_emu_state *st = &e->st;
	int32_t next = st->recording ? st->next_lba : first_lba(e), end = 0;
	if (!e->cue) {
		rcd_emu_sense(r, 0x5, 0x2C, 0x00); /* SAO needs a cue sheet first */
		return true;
	}
	*size = rawcd_mmc_data_form_size(region(e, lba, &end));
	if (st->recording && st->recording_failed)
		rcd_emu_sense(r, 0x5, 0x2C, 0x00);
	else if ((!st->recording && st->disc_status != 0) || lba != next)
		rcd_emu_sense(r, 0x5, 0x21, 0x02);
	else if ((int64_t)lba + (int64_t)blocks > leadout(e))
		rcd_emu_sense(r, 0x5, 0x21, 0x00);
	else if (*size <= 0)
		rcd_emu_sense(r, 0x5, 0x64, 0x00); /* the drive generates these blocks itself */
	else if ((int64_t)lba + (int64_t)blocks > end)
		rcd_emu_sense(r, 0x5, 0x24, 0x00); /* one command, one data form */
	else if (c->dir != RAWCD_XFER_TO_DEVICE || c->len != blocks * (size_t)*size)
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
	else if ((uint64_t)st->buffer_fill + c->len > st->buffer_size)
		rcd_emu_sense(r, 0x2, 0x04, 0x08);
	return r->check;
}

static void count_block(struct rcd_emu *e, int32_t lba, const uint8_t *block, size_t size)
{
	if (lba < PREGAP_LBA) {
		struct rawcd_subchannels sc;
		e->st.leadin_blocks++;
		if (size == RAWCD_SUBCODE_SIZE && !e->packs_done) {
			rawcd_subcode_from_raw96(&sc, block);
			rcd_emu_collect_packs(e, sc.rw);
		}
	} else if (lba < 0) {
		e->st.pregap_blocks++;
	} else {
		e->st.program_blocks++;
	}
}

void rcd_emu_sao_write(struct rcd_emu *e, const struct rcd_emu_cmd *c, int32_t lba, size_t blocks,
		       struct rcd_emu_reply *r)
{
	int size = 0;
	if (sao_refused(e, c, lba, blocks, &size, r))
		return;
	if (!e->st.recording) {
		rcd_emu_start_recording(e, e->page05[2] & 0x10);
		e->st.first_lba = lba;
		e->sao = true;
	}
	if (rcd_emu_take_blocks(e, c, r, lba, blocks, (size_t)size, count_block))
		e->st.sao_blocks += blocks;
}

/* ---- the disc the cue sheet makes ---- */

/* A lead-in TOC item as the drive writes it from the cue sheet: CONTROL and BCD PMIN, PSEC, PFRAME. */
static void item(struct rcd_emu *e, uint8_t point, uint8_t control, uint8_t pm, uint8_t ps, uint8_t pf)
{
	e->items[point] = (struct rcd_emu_item){.seen = true, .control = control, .p = {pm, ps, pf}};
}

static void msf_item(struct rcd_emu *e, uint8_t point, uint8_t control, int32_t lba)
{
	struct rawcd_msf m = rawcd_lba_to_msf(lba);
	item(e, point, control, rawcd_bcd_encode(m.m), rawcd_bcd_encode(m.s), rawcd_bcd_encode(m.f));
}

/* The MCN and ISRCs of the cue sheet, as READ SUB-CHANNEL reports them. */
static void codes(struct rcd_emu *e)
{
	for (size_t i = 0; i + 1 < e->cue_len / ENTRY; i++) {
		const uint8_t *a = e->cue + i * ENTRY, *b = a + ENTRY;
		struct rcd_emu_code *k = NULL;
		char text[14] = {0};
		if ((a[0] & 0x0F) == ADR_MCN && (b[0] & 0x0F) == ADR_MCN) {
			memcpy(text, a + 1, 7);
			memcpy(text + 7, b + 1, 6);
			k = &e->mcn;
		} else if ((a[0] & 0x0F) == ADR_ISRC && (b[0] & 0x0F) == ADR_ISRC && a[1] < RCD_EMU_MAX_TRACKS) {
			memcpy(text, a + 2, 6);
			memcpy(text + 6, b + 2, 6);
			k = &e->isrc[a[1]];
		}
		if (!k)
			continue;
		*k = (struct rcd_emu_code){.seen = true, .control = (uint8_t)(a[0] >> 4)};
		memcpy(k->text, text, sizeof(k->text));
		i++;
	}
}

bool rcd_emu_sao_finish(struct rcd_emu *e)
{
	if (!e->cue || e->st.next_lba != leadout(e))
		return false;
	const struct rcd_emu_cue_point *first = &e->points[0], *last = &e->points[e->point_count - 2];
	const struct rcd_emu_cue_point *out = &e->points[e->point_count - 1];
	memset(e->items, 0, sizeof(e->items));
	for (size_t i = 0; i + 1 < e->point_count; i++)
		if (e->points[i].index == 1)
			msf_item(e, rawcd_bcd_encode(e->points[i].tno), e->points[i].control, e->points[i].lba);
	/* A0: first track, the disc type (page 05h session format, a raw byte); A1: last track; A2: the
	 * lead-out, with the last track's CONTROL (ECMA-130 §22.3.4.2, as the TOC builder does). */
	item(e, POINT_A0, first->control, rawcd_bcd_encode(first->tno), e->page05[8], 0);
	item(e, POINT_A1, last->control, rawcd_bcd_encode(last->tno), 0, 0);
	msf_item(e, POINT_A2, last->control, out->lba);
	codes(e);
	return true;
}
