/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The P, Q and R–W subchannels of every sector of a laid-out single-session disc (IEC 60908 §17,
 * ECMA-130 §22). Each rule below names the writer it follows; the facts and the places where cdrdao,
 * cdrecord, libburn and libmirage disagree are in research/subcode.md (cited as "subcode.md §n").
 *
 * Every call is pure: rawcd_subcode_sector() derives everything from the LBA, so sectors may be asked
 * for in any order (a writer thread, a verifier, a test walking backwards).
 */
#include "rawcd/subcode.h"

#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"

enum {
	ADR_POSITION = 1,  /* mode 1: position (program, lead-out) or a TOC item (lead-in) */
	ADR_MCN = 2,       /* mode 2: media catalogue number */
	ADR_ISRC = 3,      /* mode 3: ISRC of the track */
	CONTROL_COPY = 0x02,
	TOC_REPEAT = 3,    /* each lead-in TOC item on 3 consecutive sectors (subcode.md §4, cdrecord and cdrdao) */
	POINT_A0 = 0xA0, POINT_A1 = 0xA1, POINT_A2 = 0xA2,
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

/* One lead-in TOC item: the CONTROL nibble and bytes POINT, PMIN, PSEC, PFRAME of its Q frames. */
struct toc_item {
	uint8_t control, point, p[3];
};

struct rawcd_subcode {
	const struct rawcd_disc *disc;
	int32_t leadin_lba;
	int32_t leadout_lba;
	uint8_t (*packs)[RAWCD_CDTEXT_PACK_SIZE];
	size_t pack_count;
	size_t toc_count;
	struct toc_item toc[3 + RAWCD_MAX_TRACKS];
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
	if (!disc || !disc->laid_out || !disc->track_count || !disc->session_count)
		return RAWCD_E_ARG;
	if (disc->track_count > RAWCD_MAX_TRACKS)
		return RAWCD_E_ARG;
	if (disc->session_count > 1)
		return RAWCD_E_UNSUPPORTED;
	if (disc->mcn[0] && (strlen(disc->mcn) != 13 || !all_digits(disc->mcn, 13)))
		return RAWCD_E_ARG;
	for (size_t i = 0; i < disc->track_count; i++)
		if (disc->tracks[i].isrc[0] && !isrc_encodable(disc->tracks[i].isrc))
			return RAWCD_E_ARG;
	return RAWCD_OK;
}

/*
 * The lead-in TOC in the order cdrecord sends it: A0, A1, A2, then tracks 1..N (subcode.md §4; cdrdao
 * puts the tracks first; readers go by POINT). A0: PMIN first track, PSEC the disc type as a raw byte;
 * A1: PMIN last track; A2: the lead-out start; tracks: their INDEX 01. CONTROL: A0 the first track's,
 * A1 and A2 the last track's (cdrecord), each track its own.
 */
static void build_toc(struct rawcd_subcode *sc)
{
	const struct rawcd_disc *d = sc->disc;
	const struct rawcd_track *first = &d->tracks[0], *last = &d->tracks[d->track_count - 1];
	struct toc_item *it = sc->toc;
	it[0] = (struct toc_item){rawcd_track_control(first), POINT_A0,
				  {rawcd_bcd_encode((uint8_t)first->number), d->sessions[0].disc_type, 0}};
	it[1] = (struct toc_item){rawcd_track_control(last), POINT_A1,
				  {rawcd_bcd_encode((uint8_t)last->number), 0, 0}};
	it[2] = (struct toc_item){rawcd_track_control(last), POINT_A2, {0}};
	put_msf(it[2].p, rawcd_lba_to_msf(sc->leadout_lba));
	for (size_t i = 0; i < d->track_count; i++) {
		const struct rawcd_track *t = &d->tracks[i];
		it[3 + i] = (struct toc_item){rawcd_track_control(t), rawcd_bcd_encode((uint8_t)t->number), {0}};
		put_msf(it[3 + i].p, rawcd_lba_to_msf(t->start_lba));
	}
	sc->toc_count = 3 + d->track_count;
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
	sc->leadin_lba = opts->leadin_lba;
	sc->leadout_lba = disc->sessions[0].leadout_lba;
	if (cdtext && cdtext->count) {
		sc->packs = malloc(cdtext->count * sizeof(*sc->packs));
		if (!sc->packs) {
			free(sc);
			return RAWCD_E_NOMEM;
		}
		memcpy(sc->packs, cdtext->pack, cdtext->count * sizeof(*sc->packs));
		sc->pack_count = cdtext->count;
	}
	build_toc(sc);
	*out = sc;
	return RAWCD_OK;
}

void rawcd_subcode_free(rawcd_subcode *sc)
{
	if (!sc)
		return;
	free(sc->packs);
	free(sc);
}

/* The track an LBA of the program area belongs to: the last one whose pregap starts at or before it
 * (a pregap belongs to the track that follows it; LBAs -150.. before track 1's start are track 1's). */
static const struct rawcd_track *owner(const struct rawcd_disc *d, int32_t lba)
{
	size_t lo = 0, hi = d->track_count;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->tracks[mid].pregap_lba <= lba)
			lo = mid;
		else
			hi = mid;
	}
	return &d->tracks[lo];
}

/* Precondition: -150 <= lba < lead-out. */
static struct position locate(const struct rawcd_subcode *sc, int32_t lba)
{
	const struct rawcd_track *t = owner(sc->disc, lba);
	struct position pos = {.track = t, .tno = t->number, .index = 0, .pause = lba < t->start_lba};
	if (pos.pause)
		return pos;
	/* The index whose LBA is the last at or before this one (indexes are in ascending LBA). */
	for (size_t i = 0; i < t->index_count && t->indexes[i].lba <= lba; i++)
		pos.index = t->indexes[i].number;
	return pos;
}

static bool in_program(const struct rawcd_subcode *sc, int32_t lba)
{
	return lba >= -RAWCD_MSF_LBA_OFFSET && lba < sc->leadout_lba;
}

/* True when TNO or INDEX changes at @p lba (the sector before is the lead-in for LBA -150). */
static bool transition(const struct rawcd_subcode *sc, int32_t lba)
{
	if (lba == -RAWCD_MSF_LBA_OFFSET)
		return true;
	struct position now = locate(sc, lba), before = locate(sc, lba - 1);
	return now.tno != before.tno || now.index != before.index;
}

/*
 * Whether the ADR 2/3 frame of @p slot goes on @p lba. Its place is the slot; on a sector where TNO or
 * INDEX changes (which must carry ADR 1 so a player finds the change where it is: cdrecord, cdrdao,
 * subcode.md §4) it moves to the first sector after the run of such sectors. Only in the program area
 * and pregaps, never in the lead-in or lead-out (subcode.md §4 "safe choice").
 */
static bool slot_here(const struct rawcd_subcode *sc, int32_t lba, unsigned slot)
{
	/* Sectors since the slot (LBA + 150 >= 0 in the program area). */
	int32_t dist = (lba + RAWCD_MSF_LBA_OFFSET + 100 - (int32_t)slot) % 100;
	if (dist > MAX_DEFER || !in_program(sc, lba))
		return false;
	/* Deferred here only if every sector from the slot to the one before this changed TNO or INDEX. */
	for (int32_t k = 1; k <= dist; k++)
		if (lba - k < -RAWCD_MSF_LBA_OFFSET || !transition(sc, lba - k))
			return false;
	return !transition(sc, lba);
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
 * cdrecord is one lower: subcode.md §4). P is 1 exactly in the pauses: track 1's pregap from LBA -150
 * and every index-0 pregap (subcode.md §3, all four writers). cdrdao also raises P on each INDEX 01
 * sector and for 150 sectors before every track; cdrecord, libburn and libmirage do not, nor do we.
 */
static bool program_sector(const struct rawcd_subcode *sc, int32_t lba, const uint8_t *cdg_rw,
			   struct rawcd_subchannels *out)
{
	const struct rawcd_disc *d = sc->disc;
	struct position pos = locate(sc, lba);
	const struct rawcd_track *t = pos.track;
	uint8_t control = program_control(t, lba);
	if (d->mcn[0] && slot_here(sc, lba, SLOT_MCN))
		q_mcn(out->q, d->mcn, control, lba);
	else if (t->isrc[0] && slot_here(sc, lba, SLOT_ISRC))
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
 * Lead-out: TNO AAh, INDEX 01, relative time from the lead-out start, the last track's CONTROL (fixed:
 * an SCMS copy bit does not alternate here). P (subcode.md §3, as cdrdao): 1 on frame 0 (P lags Q by
 * one frame; libburn too), 0 on frames 1-149, then a 2 Hz square wave of 19 frames on, 19 off
 * ((rel - 150) % 38 < 19). cdrecord's 75 on / 75 off is 0.5 Hz, not the Red Book's 2 Hz.
 */
static bool leadout_sector(const struct rawcd_subcode *sc, int32_t lba, struct rawcd_subchannels *out)
{
	const struct rawcd_track *last = &sc->disc->tracks[sc->disc->track_count - 1];
	uint32_t rel = (uint32_t)(lba - sc->leadout_lba);
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
 * Lead-in: ADR 1 TOC items, each on 3 sectors, cycling from the lead-in start; MIN/SEC/FRAME the running
 * time, which is the absolute time of the LBA as ATIP counts it (cdrecord; 95:00:00 at LBA -22650;
 * cdrdao starts at 00:00:00 instead: subcode.md §4). P is 0. R-W: the CD-TEXT packs, 4 a sector,
 * cycling from the lead-in start (cdrecord, cdrdao, libburn: subcode.md §5).
 */
static void leadin_sector(const struct rawcd_subcode *sc, int32_t lba, struct rawcd_subchannels *out)
{
	uint32_t n = (uint32_t)(lba - sc->leadin_lba);
	const struct toc_item *it = &sc->toc[n / TOC_REPEAT % sc->toc_count];
	out->q[0] = (uint8_t)(it->control << 4 | ADR_POSITION);
	out->q[1] = 0;
	out->q[2] = it->point;
	put_msf(out->q + 3, rawcd_lba_to_msf(lba));
	out->q[6] = 0;
	memcpy(out->q + 7, it->p, 3);
	if (!sc->pack_count)
		return;
	for (size_t k = 0; k < PACKS_PER_SECTOR; k++) {
		size_t pack = ((size_t)n * PACKS_PER_SECTOR + k) % sc->pack_count;
		pack_symbols(sc->packs[pack], out->rw + k * SYMBOLS_PER_PACK);
	}
}

int rawcd_subcode_sector(const rawcd_subcode *sc, int32_t lba, const uint8_t *cdg_rw, struct rawcd_subchannels *out)
{
	if (!sc || !out || lba < sc->leadin_lba || lba > RAWCD_LBA_MAX)
		return RAWCD_E_ARG;
	memset(out, 0, sizeof(*out));
	bool p;
	if (lba < -RAWCD_MSF_LBA_OFFSET) {
		leadin_sector(sc, lba, out);
		p = false;
	} else if (lba < sc->leadout_lba) {
		p = program_sector(sc, lba, cdg_rw, out);
	} else {
		p = leadout_sector(sc, lba, out);
	}
	rawcd_q_set_crc(out->q);
	memset(out->p, p ? 0xFF : 0x00, sizeof(out->p));
	return RAWCD_OK;
}
