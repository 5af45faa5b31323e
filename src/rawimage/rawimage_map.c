/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the Q channel of a raw image says, in two passes over its records (ECMA-130 §22.3; IEC 60908 §17.5):
 * 1. where LBA 0 lies: every position frame (ADR 1, TNO 1-99 or AAh, valid CRC) votes for "LBA of record 0"
 *    = its absolute time - its record number (Boyer-Moore majority vote, so a few damaged frames do not
 *    move it);
 * 2. with that origin: the runs of records of one TNO/INDEX (and the lead-ins, TNO 0, and lead-outs,
 *    TNO AAh), the lead-in TOC items, the MCN (ADR 2), the ISRCs (ADR 3), each data track's mode (from the
 *    sync and mode byte of its first synced sector) and the CD-TEXT packs of the first lead-in's R-W.
 * Frames with a bad CRC are skipped. A position frame whose time disagrees with its record is skipped
 * with a warning when alone; two such frames in a row are a splice or a jump: refused.
 */
#include <stdlib.h>
#include <string.h>

#include "rawcd/cdtext.h"
#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawimage/rawimage_internal.h"
#include "util/diag.h"

enum { ADR_POSITION = 1, ADR_MCN = 2, ADR_ISRC = 3, ADR_MODE5 = 5, CONTROL_DATA = 0x04 };

static const uint8_t sync_pattern[12] = {0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0};

/* TNO of a position frame: 1-99 or AAh; -1 otherwise (0, the lead-in, is not a position). */
static int position_tno(const uint8_t q[RAWCD_Q_SIZE])
{
	if ((q[0] & 0x0F) != ADR_POSITION || !rawcd_q_crc_ok(q))
		return -1;
	if (q[1] == RAWCD_LEADOUT_TNO)
		return RAWCD_LEADOUT_TNO;
	int t = rawcd_bcd_decode(q[1]);
	return t >= 1 ? t : -1;
}

/* The absolute time in bytes 7-9 as an LBA; false if it is no BCD MSF. */
static bool abs_lba(const uint8_t q[RAWCD_Q_SIZE], int32_t *out)
{
	int m = rawcd_bcd_decode(q[7]), s = rawcd_bcd_decode(q[8]), f = rawcd_bcd_decode(q[9]);
	if (m < 0 || s < 0 || f < 0 || s > 59 || f > 74)
		return false;
	*out = rawcd_msf_to_lba((struct rawcd_msf){(uint8_t)m, (uint8_t)s, (uint8_t)f});
	return true;
}

/* ---- pass 1: the origin ---- */

struct vote {
	int64_t candidate;
	uint64_t weight, frames, leadin;
};

static int vote_visit(void *ctx, const struct rcd_raw_record *r, rawcd_diag *diag)
{
	(void)diag;
	struct vote *v = ctx;
	int32_t lba;
	if (rawcd_q_crc_ok(r->q) && r->q[1] == 0 && ((r->q[0] & 0x0F) == ADR_POSITION || (r->q[0] & 0x0F) == ADR_MODE5))
		v->leadin++;
	if (position_tno(r->q) < 0 || !abs_lba(r->q, &lba))
		return RAWCD_OK;
	int64_t c = (int64_t)lba - (int64_t)r->index;
	v->frames++;
	if (v->weight == 0) {
		v->candidate = c;
		v->weight = 1;
	} else {
		v->weight += c == v->candidate ? 1 : (uint64_t)-1;
	}
	return RAWCD_OK;
}

/* ---- pass 2: the runs ---- */

struct pass {
	struct rcd_raw_map *map;
	const struct rcd_raw_in *in;
	size_t run_cap;
	uint64_t agree;
	bool last_misplaced;    /* the previous position frame disagreed with its record */
	uint64_t misplaced_at;  /* its record */
	int32_t misplaced_said; /* and the LBA its time says */
	int64_t last_good;      /* LBA of the last record whose Q frame was used */
	bool mcn_conflict, cdtext_done, cdtext_broken;
	size_t pack_cap;
};

static struct rcd_raw_run *current(struct pass *p)
{
	return p->map->run_count ? &p->map->runs[p->map->run_count - 1] : NULL;
}

static int32_t lba_of(const struct pass *p, uint64_t record)
{
	return (int32_t)(p->map->first_lba + (int64_t)record);
}

static int add_run(struct pass *p, const struct rcd_raw_run *run, rawcd_diag *diag)
{
	struct rcd_raw_map *m = p->map;
	if (m->run_count == RCD_RAW_MAX_RUNS)
		return rcd_error(diag, RAWCD_E_INPUT, p->in->name, 0, "changes TNO or INDEX more than %d times (at "
				 "record %llu, LBA %d): not a CD image", RCD_RAW_MAX_RUNS,
				 (unsigned long long)run->record, run->first);
	if (m->run_count == p->run_cap) {
		size_t cap = p->run_cap ? p->run_cap * 2 : 64;
		struct rcd_raw_run *n = realloc(m->runs, cap * sizeof(*n));
		if (!n)
			return RAWCD_E_NOMEM;
		m->runs = n;
		p->run_cap = cap;
	}
	m->runs[m->run_count++] = *run;
	if (run->kind != RCD_RUN_LEADIN)
		return RAWCD_OK;
	if (m->leadin_count == RCD_RAW_MAX_SESSIONS)
		return rcd_error(diag, RAWCD_E_INPUT, p->in->name, 0, "has more than %d lead-ins (at record %llu, "
				 "LBA %d): not a CD image", RCD_RAW_MAX_SESSIONS, (unsigned long long)run->record, run->first);
	struct rcd_leadin_toc *l = realloc(m->leadin, (m->leadin_count + 1) * sizeof(*l));
	if (!l)
		return RAWCD_E_NOMEM;
	m->leadin = l;
	memset(&l[m->leadin_count++], 0, sizeof(*l));
	return RAWCD_OK;
}

/* The last track run before the current run (for the order of TNOs and INDEXes). */
static const struct rcd_raw_run *last_track_run(const struct pass *p)
{
	for (size_t i = p->map->run_count; i-- > 0;)
		if (p->map->runs[i].kind == RCD_RUN_TRACK)
			return &p->map->runs[i];
	return NULL;
}

static int check_order(struct pass *p, const struct rcd_raw_run *run, rawcd_diag *diag)
{
	const struct rcd_raw_run *prev = last_track_run(p), *cur = current(p);
	if (!prev)
		return RAWCD_OK;
	bool ok;
	if (cur->kind != RCD_RUN_TRACK)
		ok = run->tno == prev->tno + 1;
	else if (run->tno == prev->tno)
		ok = run->index > prev->index;
	else
		ok = run->tno == prev->tno + 1 && run->index <= 1;
	if (ok)
		return RAWCD_OK;
	return rcd_error(diag, RAWCD_E_INPUT, p->in->name, 0, "record %llu (LBA %d) is TNO %02u INDEX %02u in Q, "
			 "after TNO %02u INDEX %02u: tracks and indexes must come in order (a damaged or spliced "
			 "image)", (unsigned long long)run->record, run->first, run->tno, run->index, prev->tno,
			 prev->index);
}

static int enter(struct pass *p, const struct rcd_raw_run *run, rawcd_diag *diag)
{
	const struct rcd_raw_run *cur = current(p);
	if (cur && cur->kind == run->kind && (run->kind != RCD_RUN_TRACK || (cur->tno == run->tno &&
									   cur->index == run->index)))
		return RAWCD_OK;
	if (run->kind == RCD_RUN_LEADIN && cur && cur->kind == RCD_RUN_TRACK)
		return rcd_error(diag, RAWCD_E_INPUT, p->in->name, 0, "record %llu (LBA %d): a lead-in (TNO 0 in Q) "
				 "follows a track without a lead-out between them: the image is damaged or spliced",
				 (unsigned long long)run->record, run->first);
	int rc = run->kind == RCD_RUN_TRACK ? check_order(p, run, diag) : RAWCD_OK;
	return rc ? rc : add_run(p, run, diag);
}

/* A position frame whose time is not its record's: skipped, unless the one before was too. */
static int misplaced(struct pass *p, const struct rcd_raw_record *r, int32_t said, rawcd_diag *diag)
{
	p->map->misplaced++;
	if (p->last_misplaced) {
		char a[10];
		uint64_t at = p->misplaced_at;
		said = p->misplaced_said;
		return rcd_error(diag, RAWCD_E_INPUT, p->in->name, 0, "the Q time of record %llu says LBA %d (%s), "
				 "but the image's other frames put that record at LBA %d, and the next frames disagree "
				 "too: the times jump (a spliced or damaged image); cut the image where its times are "
				 "continuous", (unsigned long long)at, said,
				 rawcd_msf_format((uint32_t)(said + 150 < 0 ? 0 : said + 150), a), lba_of(p, at));
	}
	p->last_misplaced = true;
	p->misplaced_at = r->index;
	p->misplaced_said = said;
	return RAWCD_OK;
}

static void take_mode(struct pass *p, const struct rcd_raw_record *r, unsigned tno)
{
	if (tno > RAWCD_MAX_TRACKS || p->map->data_mode[tno] || memcmp(r->main, sync_pattern, sizeof(sync_pattern)))
		return;
	if (r->main[15] == 1 || r->main[15] == 2)
		p->map->data_mode[tno] = r->main[15];
}

/* Where an INDEX 01 or a lead-out starts, from the relative time (bytes 3-5), which counts from there
 * (ECMA-130 §22.3.3.3): exact even when the frames just before have bad CRCs. Only back to the last frame
 * used, so a wrong relative time cannot move the start far. */
static void start_from_relative(const struct pass *p, const struct rcd_raw_record *r, struct rcd_raw_run *run)
{
	int m = rawcd_bcd_decode(r->q[3]), s = rawcd_bcd_decode(r->q[4]), f = rawcd_bcd_decode(r->q[5]);
	if (m < 0 || s < 0 || f < 0)
		return;
	int64_t rel = ((int64_t)m * 60 + s) * 75 + f;
	if (rel > 0 && run->first - rel > p->last_good && rel <= (int64_t)r->index) {
		run->first -= (int32_t)rel;
		run->record -= (uint64_t)rel;
	}
}

static int position(struct pass *p, const struct rcd_raw_record *r, int tno, rawcd_diag *diag)
{
	int32_t lba = lba_of(p, r->index), said;
	if (!abs_lba(r->q, &said) || said != lba)
		return misplaced(p, r, abs_lba(r->q, &said) ? said : 0, diag);
	p->last_misplaced = false;
	p->agree++;
	struct rcd_raw_run run = {.kind = RCD_RUN_LEADOUT, .control = r->q[0] >> 4, .first = lba, .record = r->index};
	if (tno != RAWCD_LEADOUT_TNO) {
		int index = rawcd_bcd_decode(r->q[2]);
		if (index < 0)
			return RAWCD_OK;
		run.kind = RCD_RUN_TRACK;
		run.tno = (unsigned)tno;
		run.index = (unsigned)index;
		if (index >= 1 && (run.control & CONTROL_DATA))
			take_mode(p, r, run.tno);
	}
	if (run.kind == RCD_RUN_LEADOUT || run.index == 1)
		start_from_relative(p, r, &run);
	p->last_good = lba;
	return enter(p, &run, diag);
}

/* Four 18-byte packs from 96 six-bit symbols (the inverse of the encoder's pack_symbols()). */
static void symbols_pack(const uint8_t *sym, uint8_t pack[RAWCD_CDTEXT_PACK_SIZE])
{
	for (size_t g = 0; g < RAWCD_CDTEXT_PACK_SIZE / 3; g++) {
		const uint8_t *s = sym + 4 * g;
		pack[3 * g] = (uint8_t)((s[0] & 0x3F) << 2 | (s[1] & 0x3F) >> 4);
		pack[3 * g + 1] = (uint8_t)((s[1] & 0x0F) << 4 | (s[2] & 0x3F) >> 2);
		pack[3 * g + 2] = (uint8_t)((s[2] & 0x03) << 6 | (s[3] & 0x3F));
	}
}

/* One cycle of the CD-TEXT packs: from the first good pack to its return. A damaged pack in the cycle
 * starts the collection again at the next return. */
static int take_packs(struct pass *p, const struct rcd_raw_record *r)
{
	struct rcd_raw_map *m = p->map;
	for (size_t k = 0; k < 4 && !p->cdtext_done; k++) {
		uint8_t pack[RAWCD_CDTEXT_PACK_SIZE];
		symbols_pack(r->rw + 24 * k, pack);
		if (!rawcd_cdtext_pack_crc_ok(pack) || pack[0] < 0x80 || pack[0] > 0x8F) {
			p->cdtext_broken = m->pack_count > 0;
			continue;
		}
		if (m->pack_count && memcmp(pack, m->packs[0], sizeof(pack)) == 0) {
			p->cdtext_done = !p->cdtext_broken;
			m->pack_count = p->cdtext_broken ? 1 : m->pack_count;
			p->cdtext_broken = false;
			continue;
		}
		if (m->pack_count == RCD_RAW_MAX_PACKS) {
			p->cdtext_done = true;
			m->pack_count = 0;
			continue;
		}
		if (m->pack_count == p->pack_cap) {
			size_t cap = p->pack_cap ? p->pack_cap * 2 : 64;
			uint8_t(*n)[18] = realloc(m->packs, cap * sizeof(*n));
			if (!n)
				return RAWCD_E_NOMEM;
			m->packs = n;
			p->pack_cap = cap;
		}
		memcpy(m->packs[m->pack_count++], pack, sizeof(pack));
	}
	return RAWCD_OK;
}

static int leadin(struct pass *p, const struct rcd_raw_record *r, rawcd_diag *diag)
{
	int32_t lba = lba_of(p, r->index);
	struct rcd_raw_run run = {.kind = RCD_RUN_LEADIN, .first = lba, .record = r->index};
	int rc = enter(p, &run, diag);
	if (rc)
		return rc;
	struct rcd_raw_map *m = p->map;
	rcd_leadin_take(&m->leadin[m->leadin_count - 1], r->q, r->index);
	p->last_good = lba;
	if (r->rw && m->leadin_count == 1 && lba < -RAWCD_MSF_LBA_OFFSET)
		return take_packs(p, r);
	return RAWCD_OK;
}

/* 13 BCD digits in bytes 1-7 (IEC 60908 §17.5.2). */
static void mcn(struct pass *p, const uint8_t *q, rawcd_diag *diag)
{
	char s[RAWCD_MCN_SIZE];
	for (size_t i = 0; i < 13; i++) {
		unsigned d = i % 2 ? q[1 + i / 2] & 0x0Fu : q[1 + i / 2] >> 4;
		if (d > 9)
			return;
		s[i] = (char)('0' + d);
	}
	s[13] = '\0';
	if (!p->map->mcn[0])
		memcpy(p->map->mcn, s, sizeof(s));
	else if (strcmp(p->map->mcn, s) != 0 && !p->mcn_conflict) {
		p->mcn_conflict = true;
		rcd_warn(diag, p->in->name, 0, "its Q gives two MCNs, %s and %s: the first is kept", p->map->mcn, s);
	}
}

/* Five 6-bit characters, then 7 BCD digits (IEC 60908 §17.5.3), for the track the frame stands in. */
static void isrc(struct pass *p, const uint8_t *q)
{
	const struct rcd_raw_run *cur = current(p);
	if (!cur || cur->kind != RCD_RUN_TRACK || p->map->isrc[cur->tno][0])
		return;
	char s[RAWCD_ISRC_SIZE];
	uint32_t bits = (uint32_t)q[1] << 24 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 8 | q[4];
	for (size_t i = 0; i < 5; i++) {
		unsigned c = bits >> (26 - 6 * i) & 0x3Fu;
		if (c > 9 && (c < 0x11 || c > 0x2A))
			return;
		s[i] = c <= 9 ? (char)('0' + c) : (char)('A' + c - 0x11);
	}
	for (size_t i = 0; i < 7; i++) {
		unsigned d = i % 2 ? q[5 + i / 2] & 0x0Fu : q[5 + i / 2] >> 4;
		if (d > 9)
			return;
		s[5 + i] = (char)('0' + d);
	}
	s[12] = '\0';
	memcpy(p->map->isrc[cur->tno], s, sizeof(s));
}

static int runs_visit(void *ctx, const struct rcd_raw_record *r, rawcd_diag *diag)
{
	struct pass *p = ctx;
	if (!rawcd_q_crc_ok(r->q)) {
		p->map->bad_crc++;
		return RAWCD_OK;
	}
	unsigned adr = r->q[0] & 0x0Fu;
	int tno = position_tno(r->q);
	if ((adr == ADR_POSITION || adr == ADR_MODE5) && r->q[1] == 0)
		return leadin(p, r, diag);
	if (tno > 0)
		return position(p, r, tno, diag);
	if (adr == ADR_MCN)
		mcn(p, r->q, diag);
	else if (adr == ADR_ISRC)
		isrc(p, r->q);
	return RAWCD_OK;
}

static int origin(struct rcd_raw_map *m, const struct rcd_raw_in *in, rawcd_diag *diag)
{
	return rcd_raw_origin(in, &m->first_lba, diag);
}

int rcd_raw_origin(const struct rcd_raw_in *in, int32_t *out, rawcd_diag *diag)
{
	struct vote v = {0};
	int rc = rcd_raw_scan(in, vote_visit, &v, diag);
	if (rc)
		return rc;
	if (!v.frames && v.leadin)
		return rcd_error(diag, RAWCD_E_INPUT, in->name, 0, "holds only lead-in (%llu records, TNO 0 in Q), no "
				 "track: the image is cut short", (unsigned long long)in->records);
	if (!v.frames)
		return rcd_error(diag, RAWCD_E_INPUT, in->name, 0, "holds %llu records of %u bytes, but no Q frame "
				 "in them gives a track position with a valid CRC: it is not a raw image with subcode, "
				 "or its subcode is lost", (unsigned long long)in->records, in->record_size);
	if (v.candidate > 0 || v.candidate < RAWCD_LBA_MIN ||
	    v.candidate + (int64_t)in->records - 1 > RAWCD_LBA_MAX)
		return rcd_error(diag, RAWCD_E_INPUT, in->name, 0, "its Q puts its first record at LBA %lld: an image "
				 "must start at LBA 0 or before it and end by 89:59:74", (long long)v.candidate);
	*out = (int32_t)v.candidate;
	return RAWCD_OK;
}

int rcd_raw_map_build(struct rcd_raw_map *out, const struct rcd_raw_in *in, rawcd_diag *diag)
{
	struct rcd_raw_map *m = out;
	*m = (struct rcd_raw_map){.records = in->records};
	int rc = origin(m, in, diag);
	struct pass p = {.map = m, .in = in, .last_good = INT64_MIN};
	if (rc == RAWCD_OK)
		rc = rcd_raw_scan(in, runs_visit, &p, diag);
	if (rc == RAWCD_OK && p.agree <= m->misplaced)
		rc = rcd_error(diag, RAWCD_E_INPUT, in->name, 0, "only %llu of its %llu position frames agree on where "
			       "LBA 0 lies: the times are not those of one disc", (unsigned long long)p.agree,
			       (unsigned long long)(p.agree + m->misplaced));
	if (rc == RAWCD_OK && !p.cdtext_done)
		m->pack_count = 0;
	if (rc == RAWCD_OK && (m->bad_crc || m->misplaced))
		rcd_warn(diag, in->name, 0, "%llu of its %llu records have a Q frame with a bad CRC and %llu a time "
			 "that is not theirs: they are skipped", (unsigned long long)m->bad_crc,
			 (unsigned long long)m->records, (unsigned long long)m->misplaced);
	if (rc)
		rcd_raw_map_finish(m);
	return rc;
}

void rcd_raw_map_finish(struct rcd_raw_map *map)
{
	if (!map)
		return;
	free(map->runs);
	free(map->leadin);
	free(map->packs);
	map->runs = NULL;
	map->leadin = NULL;
	map->packs = NULL;
	map->run_count = map->leadin_count = map->pack_count = 0;
}
