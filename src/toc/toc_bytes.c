/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * READ TOC/PMA/ATIP response bytes (MMC-6 §6.26.3), formats 0, 1 and 2, both ways. Every response starts
 * with a 4-byte header: a big-endian TOC data length that counts the bytes after itself, then two
 * format-dependent bytes. Format 0 (§6.26.3.2, table 472) and format 1 (§6.26.3.3, table 474) continue
 * with 8-byte track descriptors; format 2 (§6.26.3.4, table 476) with 11-byte lead-in Q descriptors.
 * Decoding is strict on purpose: some drives answer one format with another and GOOD status (DESIGN.md
 * §5), and the length arithmetic, the ranges and the order of the descriptors are what catch it.
 * No allocation.
 */
#include "rawcd/toc.h"

#include <string.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"

#define HEADER_SIZE 4
#define TRACK_DESC_SIZE 8  /* formats 0 and 1 */
#define FULL_DESC_SIZE 11  /* format 2 */
#define SESSION_INFO_LENGTH 0x000A /* format 1: header bytes 2-3 and one descriptor */
#define MMC_FORMAT_MAX 0x0F /* the CDB's Format field is four bits (MMC-6 table 468) */

#define POINT_FIRST_TRACK 0xA0
#define POINT_LAST_TRACK 0xA1
#define POINT_LEADOUT 0xA2
#define POINT_NEXT_AREA 0xB0
#define POINT_LEADIN_START 0xC0
#define ADR_POSITION 1
#define ADR_MODE5 5

#define MAX_SESSIONS 99

/* ---- helpers shared by both directions ---- */

static void put_be16(uint8_t *p, size_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static unsigned get_be16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint8_t adr_control(uint8_t adr, uint8_t control)
{
	return (uint8_t)((adr & 0x0F) << 4 | (control & 0x0F)); /* MMC-6 table 472: ADR bits 7-4, CONTROL 3-0 */
}

/* A track start as the 4-byte address field: a big-endian two's complement LBA, or with the MSF bit
 * 00h, M, S, F (MMC-6 §6.26.2.2 and table 14). */
static void put_address(uint8_t *p, int32_t lba, bool msf)
{
	if (msf) {
		struct rawcd_msf m = rawcd_lba_to_msf(lba);
		p[0] = 0;
		p[1] = m.m;
		p[2] = m.s;
		p[3] = m.f;
	} else {
		uint32_t u = (uint32_t)lba;
		p[0] = (uint8_t)(u >> 24);
		p[1] = (uint8_t)(u >> 16);
		p[2] = (uint8_t)(u >> 8);
		p[3] = (uint8_t)u;
	}
}

static bool msf_valid(uint8_t m, uint8_t s, uint8_t f)
{
	return m <= 99 && s < 60 && f < RAWCD_FRAMES_PER_SECOND;
}

static int32_t msf_lba(uint8_t m, uint8_t s, uint8_t f)
{
	return rawcd_msf_to_lba((struct rawcd_msf){ .m = m, .s = s, .f = f });
}

static bool get_address(const uint8_t *p, bool msf, int32_t *lba)
{
	if (msf) {
		if (p[0] != 0 || !msf_valid(p[1], p[2], p[3]))
			return false;
		*lba = msf_lba(p[1], p[2], p[3]);
		return true;
	}
	uint32_t u = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	int64_t v = u >= 0x80000000u ? (int64_t)u - 0x100000000 : (int64_t)u;
	if (v < RAWCD_LBA_MIN || v > RAWCD_LBA_MAX)
		return false;
	*lba = (int32_t)v;
	return true;
}

/* ---- encoding ---- */

static void put_track_desc(uint8_t *p, uint8_t adr, uint8_t control, uint8_t tno, int32_t lba, bool msf)
{
	p[0] = 0; /* reserved */
	p[1] = adr_control(adr, control);
	p[2] = tno;
	p[3] = 0; /* reserved */
	put_address(p + 4, lba, msf);
}

/* Format 0 (MMC-6 table 472): every track, then the lead-out AAh with the last track's CONTROL. */
static int encode_formatted(const struct rawcd_toc *toc, bool msf, uint8_t *buf, size_t capacity,
			    size_t *out_len)
{
	size_t n = toc->track_count;
	if (n == 0 || n > RAWCD_MAX_TRACKS)
		return RAWCD_E_ARG;
	size_t size = HEADER_SIZE + TRACK_DESC_SIZE * (n + 1);
	if (capacity < size)
		return RAWCD_E_ARG;
	put_be16(buf, size - 2);
	buf[2] = (uint8_t)toc->first_track;
	buf[3] = (uint8_t)toc->last_track;
	uint8_t *p = buf + HEADER_SIZE;
	for (size_t i = 0; i < n; i++, p += TRACK_DESC_SIZE) {
		const struct rawcd_toc_track *t = &toc->tracks[i];
		put_track_desc(p, t->adr, t->control, (uint8_t)t->number, t->start_lba, msf);
	}
	put_track_desc(p, ADR_POSITION, toc->tracks[n - 1].control, RAWCD_LEADOUT_TNO, toc->leadout_lba, msf);
	*out_len = size;
	return RAWCD_OK;
}

/* Format 1 (MMC-6 table 474): first and last complete session, and the first track of the last one. */
static int encode_session_info(const struct rawcd_toc *toc, bool msf, uint8_t *buf, size_t capacity,
			       size_t *out_len)
{
	const struct rawcd_toc_track *first = NULL;
	for (size_t i = 0; i < toc->track_count && first == NULL; i++)
		if (toc->tracks[i].session == toc->last_session)
			first = &toc->tracks[i];
	if (first == NULL || capacity < HEADER_SIZE + TRACK_DESC_SIZE)
		return RAWCD_E_ARG;
	put_be16(buf, SESSION_INFO_LENGTH);
	buf[2] = (uint8_t)toc->first_session;
	buf[3] = (uint8_t)toc->last_session;
	put_track_desc(buf + HEADER_SIZE, first->adr, first->control, (uint8_t)first->number, first->start_lba,
		       msf);
	*out_len = HEADER_SIZE + TRACK_DESC_SIZE;
	return RAWCD_OK;
}

/* Format 2 (MMC-6 table 476): the lead-in Q items as they are, binary (not BCD). */
static int encode_full(const struct rawcd_toc *toc, uint8_t *buf, size_t capacity, size_t *out_len)
{
	if (toc->full_count == 0)
		return RAWCD_E_UNSUPPORTED;
	if (toc->full_count > RAWCD_TOC_MAX_DESCRIPTORS)
		return RAWCD_E_ARG;
	size_t size = HEADER_SIZE + FULL_DESC_SIZE * toc->full_count;
	if (capacity < size)
		return RAWCD_E_ARG;
	put_be16(buf, size - 2);
	buf[2] = (uint8_t)toc->first_session;
	buf[3] = (uint8_t)toc->last_session;
	uint8_t *p = buf + HEADER_SIZE;
	for (size_t i = 0; i < toc->full_count; i++, p += FULL_DESC_SIZE) {
		const struct rawcd_toc_descriptor *d = &toc->full[i];
		p[0] = d->session;
		p[1] = adr_control(d->adr, d->control);
		p[2] = d->tno;
		p[3] = d->point;
		p[4] = d->min;
		p[5] = d->sec;
		p[6] = d->frame;
		p[7] = d->zero;
		p[8] = d->pmin;
		p[9] = d->psec;
		p[10] = d->pframe;
	}
	*out_len = size;
	return RAWCD_OK;
}

int rawcd_toc_encode(const struct rawcd_toc *toc, int format, bool msf, uint8_t *buf, size_t capacity,
		     size_t *out_len)
{
	if (toc == NULL || buf == NULL || out_len == NULL || format < 0 || format > MMC_FORMAT_MAX)
		return RAWCD_E_ARG;
	switch (format) {
	case 0: return encode_formatted(toc, msf, buf, capacity, out_len);
	case 1: return encode_session_info(toc, msf, buf, capacity, out_len);
	case 2: return encode_full(toc, buf, capacity, out_len);
	default: return RAWCD_E_UNSUPPORTED;
	}
}

/* ---- decoding ---- */

/* The header's length must fit the bytes received and be a whole number of descriptors. Extra bytes
 * after the response (a larger allocation length) are ignored. */
static int check_length(const uint8_t *buf, size_t len, size_t desc_size, size_t *count)
{
	if (len < HEADER_SIZE)
		return RAWCD_E_FORMAT;
	size_t data_len = get_be16(buf);
	if (data_len < 2 || data_len + 2 > len || (data_len - 2) % desc_size != 0)
		return RAWCD_E_FORMAT;
	*count = (data_len - 2) / desc_size;
	return RAWCD_OK;
}

/* Lengths to the next start in the same session, else to that session's lead-out. */
static int derive_lengths(struct rawcd_toc *toc, const int32_t *session_leadout)
{
	for (size_t i = 0; i < toc->track_count; i++) {
		struct rawcd_toc_track *t = &toc->tracks[i];
		bool next_here = i + 1 < toc->track_count && toc->tracks[i + 1].session == t->session;
		int32_t end = next_here ? toc->tracks[i + 1].start_lba : session_leadout[t->session];
		if (end <= t->start_lba)
			return RAWCD_E_FORMAT;
		t->length = (uint32_t)(end - t->start_lba);
	}
	return RAWCD_OK;
}

/* Format 0: ascending track numbers 1-99 within the header's range, ascending addresses, AAh last. */
static int decode_formatted(struct rawcd_toc *toc, bool msf, const uint8_t *buf, size_t len)
{
	size_t count;
	int err = check_length(buf, len, TRACK_DESC_SIZE, &count);
	if (err != RAWCD_OK)
		return err;
	unsigned first = buf[2], last = buf[3];
	if (count < 2 || count - 1 > RAWCD_MAX_TRACKS || first == 0 || first > last || last > RAWCD_MAX_TRACKS)
		return RAWCD_E_FORMAT;

	toc->first_track = first;
	toc->last_track = last;
	/* Format 0 carries no session numbers: every track is reported in session 1 (format 1 or 2 tell). */
	toc->first_session = toc->last_session = 1;
	for (size_t i = 0; i < count; i++) {
		const uint8_t *p = buf + HEADER_SIZE + i * TRACK_DESC_SIZE;
		int32_t lba;
		if (!get_address(p + 4, msf, &lba))
			return RAWCD_E_FORMAT;
		int32_t prev_lba = i > 0 ? toc->tracks[i - 1].start_lba : 0;
		if (i > 0 && lba <= prev_lba)
			return RAWCD_E_FORMAT;
		if (i + 1 == count) {
			if (p[2] != RAWCD_LEADOUT_TNO)
				return RAWCD_E_FORMAT;
			toc->leadout_lba = lba;
			break;
		}
		unsigned tno = p[2];
		if (tno < first || tno > last || (i > 0 && tno <= toc->tracks[i - 1].number))
			return RAWCD_E_FORMAT;
		toc->tracks[i] = (struct rawcd_toc_track){
			.number = tno, .session = 1, .adr = p[1] >> 4, .control = p[1] & 0x0F, .start_lba = lba,
		};
		toc->track_count = i + 1;
	}
	int32_t leadouts[MAX_SESSIONS + 1] = { 0 };
	leadouts[1] = toc->leadout_lba;
	return derive_lengths(toc, leadouts);
}

/* Format 1: exactly one descriptor, the first track of the last complete session. */
static int decode_session_info(struct rawcd_toc *toc, bool msf, const uint8_t *buf, size_t len)
{
	size_t count;
	int err = check_length(buf, len, TRACK_DESC_SIZE, &count);
	if (err != RAWCD_OK)
		return err;
	if (count != 1) /* a length field of 2 says "no descriptor": nothing to read behind the header */
		return RAWCD_E_FORMAT;
	const uint8_t *p = buf + HEADER_SIZE;
	unsigned first = buf[2], last = buf[3], tno = p[2];
	int32_t lba;
	if (get_be16(buf) != SESSION_INFO_LENGTH || first == 0 || first > last || last > MAX_SESSIONS ||
	    tno == 0 || tno > RAWCD_MAX_TRACKS || !get_address(p + 4, msf, &lba))
		return RAWCD_E_FORMAT;
	toc->first_session = first;
	toc->last_session = last;
	toc->first_track = toc->last_track = tno;
	toc->tracks[0] = (struct rawcd_toc_track){
		.number = tno, .session = last, .adr = p[1] >> 4, .control = p[1] & 0x0F, .start_lba = lba,
	};
	toc->track_count = 1;
	return RAWCD_OK; /* no lead-out in this format: leadout_lba and the length stay 0 */
}

/* What format 2 tells per session besides its tracks. */
struct session_points {
	bool a0, a1, a2;
	unsigned first_track, last_track;
	int32_t leadout;
};

/* One ADR-1 descriptor (ECMA-130 §22.3.4.2): a track start or A0/A1/A2. Other POINTs are not valid in
 * mode 1 of the lead-in. */
static int take_position_point(struct rawcd_toc *toc, struct session_points *sp,
			       const struct rawcd_toc_descriptor *d)
{
	if (!msf_valid(d->min, d->sec, d->frame))
		return RAWCD_E_FORMAT;
	if (d->point >= 1 && d->point <= RAWCD_MAX_TRACKS) {
		size_t n = toc->track_count;
		if (!msf_valid(d->pmin, d->psec, d->pframe) || n == RAWCD_MAX_TRACKS ||
		    (n > 0 && d->point <= toc->tracks[n - 1].number))
			return RAWCD_E_FORMAT;
		toc->tracks[n] = (struct rawcd_toc_track){
			.number = d->point, .session = d->session, .adr = d->adr, .control = d->control,
			.start_lba = msf_lba(d->pmin, d->psec, d->pframe),
		};
		toc->track_count = n + 1;
		return RAWCD_OK;
	}
	switch (d->point) {
	case POINT_FIRST_TRACK:
	case POINT_LAST_TRACK:
		if (d->pmin == 0 || d->pmin > RAWCD_MAX_TRACKS)
			return RAWCD_E_FORMAT;
		if (d->point == POINT_FIRST_TRACK) {
			sp->a0 = true;
			sp->first_track = d->pmin;
		} else {
			sp->a1 = true;
			sp->last_track = d->pmin;
		}
		return RAWCD_OK;
	case POINT_LEADOUT:
		if (!msf_valid(d->pmin, d->psec, d->pframe))
			return RAWCD_E_FORMAT;
		sp->a2 = true;
		sp->leadout = msf_lba(d->pmin, d->psec, d->pframe);
		return RAWCD_OK;
	default:
		return RAWCD_E_FORMAT;
	}
}

/* ADR-5 items (Orange Book part II): B0 holds two addresses, C0 one. Others (B1-B4, C1, the skip
 * pointers) are kept in full[] as read but not interpreted. */
static int check_mode5_point(const struct rawcd_toc_descriptor *d)
{
	if (d->point == POINT_NEXT_AREA && !msf_valid(d->min, d->sec, d->frame))
		return RAWCD_E_FORMAT;
	if ((d->point == POINT_NEXT_AREA || d->point == POINT_LEADIN_START) &&
	    !msf_valid(d->pmin, d->psec, d->pframe))
		return RAWCD_E_FORMAT;
	return RAWCD_OK;
}

static void read_full_desc(struct rawcd_toc_descriptor *d, const uint8_t *p)
{
	d->session = p[0];
	d->adr = p[1] >> 4;
	d->control = p[1] & 0x0F;
	d->tno = p[2];
	d->point = p[3];
	d->min = p[4];
	d->sec = p[5];
	d->frame = p[6];
	d->zero = p[7];
	d->pmin = p[8];
	d->psec = p[9];
	d->pframe = p[10];
}

/* After all descriptors: A0 of the first session, A1 and A2 of the last, an A2 for every session that
 * has tracks, and tracks that agree with A0/A1. */
static int finish_full(struct rawcd_toc *toc, const struct session_points *sp)
{
	const struct session_points *first = &sp[toc->first_session];
	const struct session_points *last = &sp[toc->last_session];
	if (toc->track_count == 0 || !first->a0 || !last->a1 || !last->a2)
		return RAWCD_E_FORMAT;
	toc->first_track = first->first_track;
	toc->last_track = last->last_track;
	toc->leadout_lba = last->leadout;
	if (toc->tracks[0].number != toc->first_track ||
	    toc->tracks[toc->track_count - 1].number != toc->last_track)
		return RAWCD_E_FORMAT;

	int32_t leadouts[MAX_SESSIONS + 1] = { 0 };
	for (size_t i = 0; i < toc->track_count; i++) {
		const struct session_points *s = &sp[toc->tracks[i].session];
		if (!s->a2)
			return RAWCD_E_FORMAT;
		leadouts[toc->tracks[i].session] = s->leadout;
	}
	return derive_lengths(toc, leadouts);
}

/* Format 2: sessions within the header's range and never decreasing, tracks ascending. */
static int decode_full(struct rawcd_toc *toc, const uint8_t *buf, size_t len)
{
	size_t count;
	int err = check_length(buf, len, FULL_DESC_SIZE, &count);
	if (err != RAWCD_OK)
		return err;
	unsigned first = buf[2], last = buf[3];
	if (count == 0 || count > RAWCD_TOC_MAX_DESCRIPTORS || first == 0 || first > last || last > MAX_SESSIONS)
		return RAWCD_E_FORMAT;
	toc->first_session = first;
	toc->last_session = last;

	struct session_points sp[MAX_SESSIONS + 1];
	memset(sp, 0, sizeof(sp));
	for (size_t i = 0; i < count; i++) {
		struct rawcd_toc_descriptor *d = &toc->full[i];
		read_full_desc(d, buf + HEADER_SIZE + i * FULL_DESC_SIZE);
		if (d->session < first || d->session > last || (i > 0 && d->session < toc->full[i - 1].session))
			return RAWCD_E_FORMAT;
		if (d->adr == ADR_POSITION)
			err = take_position_point(toc, &sp[d->session], d);
		else if (d->adr == ADR_MODE5)
			err = check_mode5_point(d);
		if (err != RAWCD_OK)
			return err;
		toc->full_count = i + 1;
	}
	return finish_full(toc, sp);
}

int rawcd_toc_decode(struct rawcd_toc *out, int format, bool msf, const uint8_t *buf, size_t len)
{
	if (out == NULL || (buf == NULL && len > 0) || format < 0 || format > MMC_FORMAT_MAX)
		return RAWCD_E_ARG;
	if (format > 2)
		return RAWCD_E_UNSUPPORTED;
	if (buf == NULL)
		return RAWCD_E_FORMAT;

	/* Decode into a scratch copy: @p out is written only on success. */
	struct rawcd_toc toc;
	memset(&toc, 0, sizeof(toc));
	int err;
	switch (format) {
	case 0: err = decode_formatted(&toc, msf, buf, len); break;
	case 1: err = decode_session_info(&toc, msf, buf, len); break;
	default: err = decode_full(&toc, buf, len); break;
	}
	if (err == RAWCD_OK)
		*out = toc;
	return err;
}
