/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The P, Q and R–W subchannels of every sector of a laid-out disc, one session or several (IEC 60908
 * §17, ECMA-130 §22; Orange Book part II for the multisession lead-in). Each rule below names the writer
 * it follows; the facts and the places where cdrdao, cdrecord, libburn and libmirage disagree are in
 * research/subcode.md (cited as "subcode.md §n").
 *
 * A disc is a run of sessions, each covering [its lead-in start, the next session's lead-in start) and
 * made of: its lead-in, its program area (the first track's pregap, then its tracks), its lead-out.
 * Session 1's lead-in starts at the options' leadin_lba and ends at LBA -151; session k > 1's lead-in
 * follows the previous lead-out (previous leadout_lba + leadout_length) and lasts its leadin_length, as
 * rawcd_disc_layout() leaves room for them (RAWCD_SESSION_GAP). The last lead-out has no end.
 *
 * Every call is pure: rawcd_subcode_sector() derives everything from the LBA, so sectors may be asked
 * for in any order (a writer thread, a verifier, a test walking backwards).
 */
#include "rawcd/subcode.h"

#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawcd/toc.h"

enum {
	ADR_POSITION = 1,  /* mode 1: position (program, lead-out) or a TOC item (lead-in) */
	ADR_MCN = 2,       /* mode 2: media catalogue number */
	ADR_ISRC = 3,      /* mode 3: ISRC of the track */
	ADR_MODE5 = 5,     /* mode 5: multisession pointers B0, C0 in the lead-in (Orange Book part II) */
	CONTROL_COPY = 0x02,
	TOC_REPEAT = 3,    /* each lead-in TOC item on 3 consecutive sectors (subcode.md §4, cdrecord and cdrdao) */
	POINT_A0 = 0xA0, POINT_A1 = 0xA1, POINT_A2 = 0xA2, POINT_B0 = 0xB0,
	/*
	 * Slots of the ADR 2/3 frames, in (LBA + 150) mod 100, i.e. counted from absolute time 00:00:00:
	 * one MCN and one ISRC in every 100 sectors, as ECMA-130 asks (at least 1 in 100, ADR 1 in at least
	 * 9 of 10). The values are ours; every writer picks its own (cdrecord 99/49, libburn 0/10, libmirage
	 * 25/50, cdrdao LBA % 90 == 0/50: subcode.md §4). They are 50 apart and a frame is deferred at most
	 * MAX_DEFER sectors (past a run of TNO/INDEX changes; a longer run, possible only with indexes one
	 * sector apart, drops it), so the two never meet.
	 */
	SLOT_MCN = 20,
	SLOT_ISRC = 70,
	MAX_DEFER = 49,
	/* Lead-out P (subcode.md §3, cdrdao): 0 for the first 150 frames after frame 0, then a 2 Hz square
	 * wave of 19 frames on, 19 off. */
	LEADOUT_P_QUIET = 150,
	LEADOUT_P_HALF = 19,
	SCMS_PERIOD = 8,   /* SCMS copy bit: 4 frames clear, 4 set (subcode.md §4, cdrecord fillsubch) */
	SCMS_CLEAR = 4,
	PACKS_PER_SECTOR = 4,
	SYMBOLS_PER_PACK = 24,
};

/* One lead-in TOC item: CONTROL, ADR and bytes POINT, PMIN, PSEC, PFRAME of its Q frames. ADR 1 items
 * carry the running time in MIN/SEC/FRAME and 0 in ZERO; ADR 5 items (B0, C0) carry their own values
 * there (`min`, `zero`). */
struct toc_item {
	uint8_t control, adr, point, min[3], zero, p[3];
};

/* One session as the generator sees it: its tracks, where its regions start, its lead-in items. */
struct session_map {
	size_t first, count;         /* its tracks: disc->tracks[first .. first + count) */
	int32_t leadin_lba;          /* first sector of its lead-in */
	int32_t program_lba;         /* one past its lead-in: the first track's pregap starts here */
	int32_t leadout_lba;         /* its lead-out, which lasts up to the next session's lead-in */
	size_t toc_first, toc_count; /* its lead-in items in rawcd_subcode.toc */
};

struct rawcd_subcode {
	const struct rawcd_disc *disc;
	uint8_t (*packs)[RAWCD_CDTEXT_PACK_SIZE];
	size_t pack_count;
	struct session_map *ses;
	size_t ses_count;
	struct toc_item *toc;
	size_t toc_count;
};

/* Where an LBA of the program area or a pregap stands: its track, TNO and INDEX, and whether it is in
 * a pause (an index-0 pregap, where P is 1 and relative time counts down). */
struct position {
	const struct rawcd_track *track;
	unsigned tno, index;
	bool pause;
};

static void put_msf(uint8_t *p, struct rawcd_msf msf)
{
	p[0] = rawcd_bcd_encode(msf.m);
	p[1] = rawcd_bcd_encode(msf.s);
	p[2] = rawcd_bcd_encode(msf.f);
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* ISO 3901 as the ISRC frame can carry it: 5 characters 0-9 or A-Z, then 7 digits. */
static bool isrc_encodable(const char *isrc)
{
	if (strlen(isrc) != 12)
		return false;
	for (size_t i = 0; i < 5; i++)
		if (!((isrc[i] >= '0' && isrc[i] <= '9') || (isrc[i] >= 'A' && isrc[i] <= 'Z')))
			return false;
	return all_digits(isrc + 5, 7);
}

static int check_disc(const struct rawcd_disc *disc)
{
	if (!disc || !disc->laid_out || !disc->track_count || !disc->session_count || !disc->sessions)
		return RAWCD_E_ARG;
	/* Every session holds a track (rawcd_toc_from_disc() checks the rest for several sessions). */
	if (disc->track_count > RAWCD_MAX_TRACKS || disc->session_count > disc->track_count)
		return RAWCD_E_ARG;
	if (disc->mcn[0] && (strlen(disc->mcn) != 13 || !all_digits(disc->mcn, 13)))
		return RAWCD_E_ARG;
	for (size_t i = 0; i < disc->track_count; i++)
		if (disc->tracks[i].isrc[0] && !isrc_encodable(disc->tracks[i].isrc))
			return RAWCD_E_ARG;
	return RAWCD_OK;
}

/*
 * The sessions' regions. One session: its tracks are all the disc's, its lead-in runs from the options'
 * start to -151, its program area from -150 (as before multisession). Several: each session's tracks are
 * its own (rawcd_toc_from_disc() has checked they cover the disc in order); session k > 1's lead-in
 * starts where the previous lead-out ends (its leadout_lba + leadout_length) and lasts leadin_length,
 * and from there to its first track's INDEX 01 is that track's pregap: 150 sectors as rawcd_disc_layout()
 * places it (RAWCD_SESSION_GAP; Orange Book part II), whether or not the sheet stored an INDEX 00. A
 * zero lead-out or lead-in length is refused: a session has both, and rawcd_toc_from_disc() would read 0
 * as the default length (6750, 4500) for B0, so B0 and the lead-in would disagree.
 */
static int map_sessions(struct rawcd_subcode *sc, int32_t leadin_lba)
{
	const struct rawcd_disc *d = sc->disc;
	if (d->session_count == 1) {
		sc->ses[0] = (struct session_map){0, d->track_count, leadin_lba, -RAWCD_MSF_LBA_OFFSET,
						  d->sessions[0].leadout_lba, 0, 0};
		sc->ses_count = 1;
		return RAWCD_OK;
	}
	for (size_t s = 0; s < d->session_count; s++) {
		const struct rawcd_session *ses = &d->sessions[s];
		struct session_map *m = &sc->ses[s];
		m->first = ses->first_track;
		m->count = ses->track_count;
		m->leadout_lba = ses->leadout_lba;
		if (s == 0) {
			m->leadin_lba = leadin_lba;
			m->program_lba = -RAWCD_MSF_LBA_OFFSET;
		} else {
			const struct rawcd_session *prev = &d->sessions[s - 1];
			if (!prev->leadout_length || !ses->leadin_length)
				return RAWCD_E_ARG;
			int64_t in = (int64_t)prev->leadout_lba + prev->leadout_length;
			int64_t program = in + ses->leadin_length;
			if (program > RAWCD_LBA_MAX)
				return RAWCD_E_ARG;
			m->leadin_lba = (int32_t)in;
			m->program_lba = (int32_t)program;
			if (sc->ses[s - 1].leadout_lba < sc->ses[s - 1].program_lba)
				return RAWCD_E_ARG;
		}
		/* Regions in order: the pregap (maybe empty) before INDEX 01, the last track before the lead-out. */
		if (d->tracks[m->first].start_lba < m->program_lba ||
		    d->tracks[m->first + m->count - 1].start_lba >= m->leadout_lba)
			return RAWCD_E_ARG;
	}
	sc->ses_count = d->session_count;
	return RAWCD_OK;
}

/*
 * The lead-in items of one session, in the order cdrecord sends them: A0, A1, A2, then the session's
 * tracks (subcode.md §4; cdrdao puts the tracks first; readers go by POINT), then the session's ADR 5
 * items in the order rawcd_toc_from_disc() lists them (B0 in every session but the last, C0 in the
 * first; MMC-6 §6.26.3.4 order). subcode.md §4 also reports ADR 1 and ADR 5 items alternating (3
 * sectors each); we keep the TOC's order, as readers go by POINT. A0: PMIN the session's first track, PSEC its disc type as a raw byte;
 * A1: PMIN its last track; A2: its lead-out start; tracks: their INDEX 01. CONTROL: A0 the first track's,
 * A1 and A2 the last track's (cdrecord), each track its own.
 */
static void build_session_toc(struct rawcd_subcode *sc, size_t s, uint8_t disc_type)
{
	const struct rawcd_disc *d = sc->disc;
	struct session_map *m = &sc->ses[s];
	const struct rawcd_track *first = &d->tracks[m->first], *last = &d->tracks[m->first + m->count - 1];
	struct toc_item *it = &sc->toc[sc->toc_count];
	it[0] = (struct toc_item){.control = rawcd_track_control(first), .adr = ADR_POSITION, .point = POINT_A0,
				  .p = {rawcd_bcd_encode((uint8_t)first->number), disc_type, 0}};
	it[1] = (struct toc_item){.control = rawcd_track_control(last), .adr = ADR_POSITION, .point = POINT_A1,
				  .p = {rawcd_bcd_encode((uint8_t)last->number), 0, 0}};
	it[2] = (struct toc_item){.control = rawcd_track_control(last), .adr = ADR_POSITION, .point = POINT_A2};
	put_msf(it[2].p, rawcd_lba_to_msf(m->leadout_lba));
	for (size_t i = 0; i < m->count; i++) {
		const struct rawcd_track *t = &d->tracks[m->first + i];
		it[3 + i] = (struct toc_item){.control = rawcd_track_control(t), .adr = ADR_POSITION,
					      .point = rawcd_bcd_encode((uint8_t)t->number)};
		put_msf(it[3 + i].p, rawcd_lba_to_msf(t->start_lba));
	}
	m->toc_first = sc->toc_count;
	m->toc_count = 3 + m->count;
	sc->toc_count += 3 + m->count;
}

/*
 * B0 and C0 of session @p s, from the full TOC rawcd_toc_from_disc() computes, so READ TOC and the
 * lead-in agree (Orange Book part II via subcode.md §4; the values and their reasons are in
 * src/toc/toc_build.c). Q carries BCD where the TOC has binary: B0's MIN/SEC/FRAME (the next possible
 * program area), every PMIN/PSEC/PFRAME (B0: the outermost lead-out; C0: the first lead-in's start) and
 * B0's ZERO (the number of ADR 5 pointers, 1 or 2, the same in BCD). C0's MIN/SEC/FRAME are not a time
 * but ATIP special-information bytes, copied unconverted as cdrecord's clone_toc does (subcode.md §4);
 * the TOC has them 0. CONTROL as the TOC: the session's last track's.
 */
static void add_mode5_items(struct rawcd_subcode *sc, size_t s, const struct rawcd_toc *toc)
{
	uint8_t number = (uint8_t)sc->disc->sessions[s].number;
	for (size_t i = 0; i < toc->full_count; i++) {
		const struct rawcd_toc_descriptor *x = &toc->full[i];
		if (x->session != number || x->adr != ADR_MODE5)
			continue;
		struct toc_item *it = &sc->toc[sc->toc_count++];
		*it = (struct toc_item){.control = x->control, .adr = ADR_MODE5, .point = x->point,
					.zero = rawcd_bcd_encode(x->zero),
					.p = {rawcd_bcd_encode(x->pmin), rawcd_bcd_encode(x->psec),
					      rawcd_bcd_encode(x->pframe)}};
		if (x->point == POINT_B0)
			put_msf(it->min, (struct rawcd_msf){x->min, x->sec, x->frame});
		else
			memcpy(it->min, (const uint8_t[3]){x->min, x->sec, x->frame}, 3);
		sc->ses[s].toc_count++;
	}
}

static int build_toc(struct rawcd_subcode *sc, int32_t leadin_lba)
{
	const struct rawcd_disc *d = sc->disc;
	struct rawcd_toc *toc = NULL;
	if (d->session_count > 1 || d->last_session_open) {
		toc = malloc(sizeof(*toc));
		if (!toc)
			return RAWCD_E_NOMEM;
		if (rawcd_toc_from_disc(toc, d) != RAWCD_OK) {
			free(toc);
			return RAWCD_E_ARG;
		}
	}
	int rc = map_sessions(sc, leadin_lba);
	for (size_t s = 0; rc == RAWCD_OK && s < sc->ses_count; s++) {
		build_session_toc(sc, s, d->sessions[s].disc_type);
		if (toc)
			add_mode5_items(sc, s, toc);
	}
	free(toc);
	return rc;
}

int rawcd_subcode_new(rawcd_subcode **out, const struct rawcd_disc *disc, const struct rawcd_cdtext_packs *cdtext,
		      const struct rawcd_subcode_options *opts)
{
	struct rawcd_subcode_options defaults = RAWCD_SUBCODE_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!out || opts->version != RAWCD_SUBCODE_OPTIONS_VERSION)
		return RAWCD_E_ARG;
	/* The lead-in ends at LBA -151; below 90:00:00 (RAWCD_LBA_MIN) its running time has no MSF. */
	if (opts->leadin_lba >= -RAWCD_MSF_LBA_OFFSET || opts->leadin_lba < RAWCD_LBA_MIN)
		return RAWCD_E_ARG;
	if (cdtext && cdtext->count && !cdtext->pack)
		return RAWCD_E_ARG;
	int rc = check_disc(disc);
	if (rc != RAWCD_OK)
		return rc;

	struct rawcd_subcode *sc = calloc(1, sizeof(*sc));
	if (!sc)
		return RAWCD_E_NOMEM;
	sc->disc = disc;
	/* Items: A0, A1, A2, B0, C0 at most per session, and one per track. */
	sc->ses = calloc(disc->session_count, sizeof(*sc->ses));
	sc->toc = calloc(5 * disc->session_count + disc->track_count, sizeof(*sc->toc));
	rc = sc->ses && sc->toc ? RAWCD_OK : RAWCD_E_NOMEM;
	if (rc == RAWCD_OK && cdtext && cdtext->count) {
		sc->packs = malloc(cdtext->count * sizeof(*sc->packs));
		if (sc->packs) {
			memcpy(sc->packs, cdtext->pack, cdtext->count * sizeof(*sc->packs));
			sc->pack_count = cdtext->count;
		} else {
			rc = RAWCD_E_NOMEM;
		}
	}
	if (rc == RAWCD_OK)
		rc = build_toc(sc, opts->leadin_lba);
	if (rc != RAWCD_OK) {
		rawcd_subcode_free(sc);
		return rc;
	}
	*out = sc;
	return RAWCD_OK;
}

void rawcd_subcode_free(rawcd_subcode *sc)
{
	if (!sc)
		return;
	free(sc->packs);
	free(sc->ses);
	free(sc->toc);
	free(sc);
}

/* The session an LBA at or after the first lead-in start belongs to: the last one whose lead-in starts
 * at or before it (a session's lead-out lasts up to the next lead-in). */
static const struct session_map *session_of(const struct rawcd_subcode *sc, int32_t lba)
{
	size_t lo = 0, hi = sc->ses_count;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (sc->ses[mid].leadin_lba <= lba)
			lo = mid;
		else
			hi = mid;
	}
	return &sc->ses[lo];
}

/* The track an LBA of a session's program area belongs to: the last one whose pregap starts at or before
 * it (a pregap belongs to the track that follows it; every LBA from the end of the lead-in to the first
 * track's start is the first track's: -150.. in session 1, and in a later session the 150 sectors even
 * when the sheet stored no INDEX 00 and pregap_lba is start_lba). */
static const struct rawcd_track *owner(const struct rawcd_disc *d, const struct session_map *m, int32_t lba)
{
	size_t lo = m->first, hi = m->first + m->count;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->tracks[mid].pregap_lba <= lba)
			lo = mid;
		else
			hi = mid;
	}
	return &d->tracks[lo];
}

/* Precondition: m->program_lba <= lba < m->leadout_lba. */
static struct position locate(const struct rawcd_subcode *sc, const struct session_map *m, int32_t lba)
{
	const struct rawcd_track *t = owner(sc->disc, m, lba);
	struct position pos = {.track = t, .tno = t->number, .index = 0, .pause = lba < t->start_lba};
	if (pos.pause)
		return pos;
	/* The index whose LBA is the last at or before this one (indexes are in ascending LBA). */
	for (size_t i = 0; i < t->index_count && t->indexes[i].lba <= lba; i++)
		pos.index = t->indexes[i].number;
	return pos;
}

static bool in_program(const struct session_map *m, int32_t lba)
{
	return lba >= m->program_lba && lba < m->leadout_lba;
}

/* True when TNO or INDEX changes at @p lba (the first sector after a lead-in always: the sector before
 * it is the lead-in). Precondition: in_program(m, lba). */
static bool transition(const struct rawcd_subcode *sc, const struct session_map *m, int32_t lba)
{
	if (lba == m->program_lba)
		return true;
	struct position now = locate(sc, m, lba), before = locate(sc, m, lba - 1);
	return now.tno != before.tno || now.index != before.index;
}

/*
 * Whether the ADR 2/3 frame of @p slot goes on @p lba. Its place is the slot; on a sector where TNO or
 * INDEX changes (which must carry ADR 1 so a player finds the change where it is: cdrecord, cdrdao,
 * subcode.md §4) it moves to the first sector after the run of such sectors. Only in the program areas
 * and pregaps, never in a lead-in or lead-out (subcode.md §4 "safe choice"), and never carried over from
 * a slot in a lead-in.
 */
static bool slot_here(const struct rawcd_subcode *sc, const struct session_map *m, int32_t lba, unsigned slot)
{
	if (!in_program(m, lba))
		return false;
	/* Sectors since the slot (LBA + 150 >= 0 in a program area). */
	int32_t dist = (lba + RAWCD_MSF_LBA_OFFSET + 100 - (int32_t)slot) % 100;
	if (dist > MAX_DEFER)
		return false;
	/* Deferred here only if every sector from the slot to the one before this changed TNO or INDEX. */
	for (int32_t k = 1; k <= dist; k++)
		if (lba - k < m->program_lba || !transition(sc, m, lba - k))
			return false;
	return !transition(sc, m, lba);
}

/* CONTROL of a program-area sector: the track's, with the copy bit of an SCMS track alternating 4 frames
 * clear, 4 set, in absolute time (cdrecord `fillsubch`, (LBA + 150) % 8 <= 3 clear; subcode.md §4).
 * The lead-in TOC and the lead-out keep the track's fixed CONTROL (copy bit clear for SCMS). */
static uint8_t program_control(const struct rawcd_track *t, int32_t lba)
{
	uint8_t control = rawcd_track_control(t);
	if (t->flags & RAWCD_FLAG_SCMS) {
		control &= (uint8_t)~CONTROL_COPY;
		if ((uint32_t)(lba + RAWCD_MSF_LBA_OFFSET) % SCMS_PERIOD >= SCMS_CLEAR)
			control |= CONTROL_COPY;
	}
	return control;
}

static uint8_t aframe(int32_t lba)
{
	return rawcd_bcd_encode(rawcd_lba_to_msf(lba).f);
}

/* ADR 2 (subcode.md §4, as cdrecord `fillmcn`, cdrdao, libmirage): 13 BCD digits and a zero nibble in
 * bytes 1-7, byte 8 zero, byte 9 the frame of the absolute time. */
static void q_mcn(uint8_t q[RAWCD_Q_SIZE], const char *mcn, uint8_t control, int32_t lba)
{
	q[0] = (uint8_t)(control << 4 | ADR_MCN);
	for (size_t i = 0; i < 14; i++) {
		uint8_t digit = i < 13 ? (uint8_t)(mcn[i] - '0') : 0;
		q[1 + i / 2] |= (uint8_t)(i % 2 ? digit : digit << 4);
	}
	q[9] = aframe(lba);
}

/* The 6-bit code of an ISRC character: '0'-'9' 0x00-0x09, 'A'-'Z' 0x11-0x2A (subcode.md §4). */
static uint8_t isrc_code(char c)
{
	return (uint8_t)(c <= '9' ? c - '0' : c - 'A' + 0x11);
}

/* ADR 3 (subcode.md §4, as cdrdao, libmirage, cdrecord): the first 5 characters as 6-bit codes in the
 * 30 high bits of bytes 1-4 (the 2 low bits 0), the 7 digits as BCD from byte 5 to the high nibble of
 * byte 8 (low nibble 0), byte 9 the frame of the absolute time. Not libburn's reversed digit pairs. */
static void q_isrc(uint8_t q[RAWCD_Q_SIZE], const char *isrc, uint8_t control, int32_t lba)
{
	q[0] = (uint8_t)(control << 4 | ADR_ISRC);
	uint32_t bits = 0;
	for (size_t i = 0; i < 5; i++)
		bits = bits << 6 | isrc_code(isrc[i]);
	bits <<= 2;
	q[1] = (uint8_t)(bits >> 24);
	q[2] = (uint8_t)(bits >> 16);
	q[3] = (uint8_t)(bits >> 8);
	q[4] = (uint8_t)bits;
	for (size_t i = 0; i < 8; i++) {
		uint8_t digit = i < 7 ? (uint8_t)(isrc[5 + i] - '0') : 0;
		q[5 + i / 2] |= (uint8_t)(i % 2 ? digit : digit << 4);
	}
	q[9] = aframe(lba);
}

/* ADR 1 position frame: TNO, INDEX, relative MSF, ZERO, absolute MSF (all BCD). */
static void q_position(uint8_t q[RAWCD_Q_SIZE], uint8_t control, unsigned tno, unsigned index, uint32_t rel,
		       int32_t lba)
{
	q[0] = (uint8_t)(control << 4 | ADR_POSITION);
	q[1] = tno == RAWCD_LEADOUT_TNO ? RAWCD_LEADOUT_TNO : rawcd_bcd_encode((uint8_t)tno);
	q[2] = rawcd_bcd_encode((uint8_t)index);
	put_msf(q + 3, rawcd_frames_msf(rel));
	q[6] = 0;
	put_msf(q + 7, rawcd_lba_to_msf(lba));
}

/*
 * Program area and pregaps. Relative time counts up from INDEX 01 and down through a pregap to
 * 00:00:01 on its last sector, so that INDEX 01 starts at 00:00:00 (cdrdao, libmirage, redumper;
 * cdrecord is one lower: subcode.md §4). P is 1 exactly in the pauses: track 1's pregap from LBA -150,
 * the pregap of each later session's first track (the 150 sectors after its lead-in: the same pause as
 * before track 1, Orange Book part II / RAWCD_SESSION_GAP) and every index-0 pregap (subcode.md §3, all
 * four writers). cdrdao also raises P on each INDEX 01 sector and for 150 sectors before every track;
 * cdrecord, libburn and libmirage do not, nor do we.
 */
static bool program_sector(const struct rawcd_subcode *sc, const struct session_map *m, int32_t lba,
			   const uint8_t *cdg_rw, struct rawcd_subchannels *out)
{
	const struct rawcd_disc *d = sc->disc;
	struct position pos = locate(sc, m, lba);
	const struct rawcd_track *t = pos.track;
	uint8_t control = program_control(t, lba);
	if (d->mcn[0] && slot_here(sc, m, lba, SLOT_MCN))
		q_mcn(out->q, d->mcn, control, lba);
	else if (t->isrc[0] && slot_here(sc, m, lba, SLOT_ISRC))
		q_isrc(out->q, t->isrc, control, lba);
	else
		q_position(out->q, control, pos.tno, pos.index,
			   (uint32_t)(pos.pause ? t->start_lba - lba : lba - t->start_lba), lba);
	if (cdg_rw && t->mode == RAWCD_MODE_CDG)
		for (size_t i = 0; i < RAWCD_SUBCODE_SIZE; i++)
			out->rw[i] = cdg_rw[i] & 0x3F;
	return pos.pause;
}

/*
 * Lead-out of a session: TNO AAh, INDEX 01, relative time from that lead-out's start, absolute time LBA
 * + 150, the CONTROL of the session's last track (fixed: an SCMS copy bit does not alternate here). P
 * (subcode.md §3, as cdrdao): 1 on frame 0 (P lags Q by one frame; libburn too), 0 on frames 1-149, then
 * a 2 Hz square wave of 19 frames on, 19 off ((rel - 150) % 38 < 19), counted from the start of each
 * lead-out, as a recorder closing each session writes one (Orange Book part II). cdrecord's 75 on /
 * 75 off is 0.5 Hz, not the Red Book's 2 Hz.
 */
static bool leadout_sector(const struct rawcd_subcode *sc, const struct session_map *m, int32_t lba,
			   struct rawcd_subchannels *out)
{
	const struct rawcd_track *last = &sc->disc->tracks[m->first + m->count - 1];
	uint32_t rel = (uint32_t)(lba - m->leadout_lba);
	q_position(out->q, rawcd_track_control(last), RAWCD_LEADOUT_TNO, 1, rel, lba);
	if (rel == 0)
		return true;
	if (rel < LEADOUT_P_QUIET)
		return false;
	return (rel - LEADOUT_P_QUIET) % (2 * LEADOUT_P_HALF) < LEADOUT_P_HALF;
}

/* An 18-byte CD-TEXT pack as 24 six-bit symbols: every 3 bytes give 4 symbols, MSB first (subcode.md
 * §1: cdrecord `eight2six`, cdrdao `setRawRWdata`, libburn; no R-W parity, no interleave). */
static void pack_symbols(const uint8_t pack[RAWCD_CDTEXT_PACK_SIZE], uint8_t sym[SYMBOLS_PER_PACK])
{
	for (size_t g = 0; g < RAWCD_CDTEXT_PACK_SIZE / 3; g++) {
		const uint8_t *b = pack + 3 * g;
		uint8_t *s = sym + 4 * g;
		s[0] = b[0] >> 2;
		s[1] = (uint8_t)((b[0] & 0x03) << 4 | b[1] >> 4);
		s[2] = (uint8_t)((b[1] & 0x0F) << 2 | b[2] >> 6);
		s[3] = b[2] & 0x3F;
	}
}

/*
 * Lead-in of a session: that session's TOC items (ADR 1, and ADR 5 on a multisession disc), each on 3
 * sectors, cycling from the start of that lead-in; TNO 0. An ADR 1 item's MIN/SEC/FRAME are the running
 * time, which is the absolute time of the LBA as ATIP counts it (cdrecord; 95:00:00 at LBA -22650;
 * cdrdao starts at 00:00:00 instead: subcode.md §4); in a later session's lead-in, whose LBAs are
 * positive, that is simply LBA + 150, where ATIP would place it on the disc. An ADR 5 item carries its
 * own MIN/SEC/FRAME and ZERO. P is 0 (subcode.md §3, all writers). R-W: the CD-TEXT packs, 4 a sector,
 * cycling from the lead-in start (cdrecord, cdrdao, libburn: subcode.md §5), in session 1's lead-in only:
 * those writers put the packs in the lead-in that ends at LBA -151, i.e. the first one, and no source
 * in subcode.md puts CD-TEXT in a later lead-in, so later lead-ins have zero R-W.
 */
static void leadin_sector(const struct rawcd_subcode *sc, const struct session_map *m, int32_t lba,
			  struct rawcd_subchannels *out)
{
	uint32_t n = (uint32_t)(lba - m->leadin_lba);
	const struct toc_item *it = &sc->toc[m->toc_first + n / TOC_REPEAT % m->toc_count];
	out->q[0] = (uint8_t)(it->control << 4 | it->adr);
	out->q[1] = 0;
	out->q[2] = it->point;
	if (it->adr == ADR_MODE5)
		memcpy(out->q + 3, it->min, 3);
	else
		put_msf(out->q + 3, rawcd_lba_to_msf(lba));
	out->q[6] = it->zero;
	memcpy(out->q + 7, it->p, 3);
	if (!sc->pack_count || m != &sc->ses[0])
		return;
	for (size_t k = 0; k < PACKS_PER_SECTOR; k++) {
		size_t pack = ((size_t)n * PACKS_PER_SECTOR + k) % sc->pack_count;
		pack_symbols(sc->packs[pack], out->rw + k * SYMBOLS_PER_PACK);
	}
}

int rawcd_subcode_sector(const rawcd_subcode *sc, int32_t lba, const uint8_t *cdg_rw, struct rawcd_subchannels *out)
{
	if (!sc || !out || lba < sc->ses[0].leadin_lba || lba > RAWCD_LBA_MAX)
		return RAWCD_E_ARG;
	memset(out, 0, sizeof(*out));
	const struct session_map *m = session_of(sc, lba);
	bool p;
	if (lba < m->program_lba) {
		leadin_sector(sc, m, lba, out);
		p = false;
	} else if (lba < m->leadout_lba) {
		p = program_sector(sc, m, lba, cdg_rw, out);
	} else {
		p = leadout_sector(sc, m, lba, out);
	}
	rawcd_q_set_crc(out->q);
	memset(out->p, p ? 0xFF : 0x00, sizeof(out->p));
	return RAWCD_OK;
}
