/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The emulated recorder's answers to the commands that report: TEST UNIT READY, REQUEST SENSE, INQUIRY
 * (SPC-4), GET CONFIGURATION (MMC-6 §6.5 and the feature descriptors of clause 5), READ DISC INFORMATION
 * (§6.21), READ TOC/PMA/ATIP (formats 0, 1, 2, 4, 5), READ TRACK INFORMATION, READ SUB-CHANNEL
 * (MMC-3, formats 2 and 3), SET CD SPEED and READ BUFFER CAPACITY (§6.17). Field positions are those
 * mmc.h's parsers read (research/burn.md §1.2).
 */
#include "emu_internal.h"

#include <stdlib.h>
#include <string.h>

#include "mmc/mmc_bytes.h"
#include "rawcd/error.h"

#define INQUIRY_LEN 36
#define DISC_INFO_LEN 34
#define ATIP_LEN 28
#define TRACK_INFO_LEN 36
#define BUFFER_CAPACITY_LEN 12
#define FEATURE_LIST_MAX 128
#define MAX_CUE_SHEET 0x000F00 /* 002Eh bytes 5-7 by default: bytes of cue sheet the drive takes */
#define FAKE_TOC_LEADOUT 1000  /* the blank disc's made-up TOC (toc_format_in_byte9) */
#define TOC_RESPONSE_MAX (4 + 18 * RAWCD_CDTEXT_MAX_PACKS)
#define SUBCHANNEL_LEN 24       /* formats 2 and 3: the 4-byte header and 20 bytes of data */
#define AUDIO_STATUS_NONE 0x15  /* header byte 1: no current audio status to return */
#define ADR_ISRC 3

void rcd_emu_test_unit_ready(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	(void)c;
	if (!rcd_emu_medium(e, r))
		return;
	if (e->not_ready_left) {
		e->not_ready_left--;
		rcd_emu_sense(r, 0x2, 0x04, 0x01);
		return;
	}
	if (rcd_emu_busy(e, r) && --e->busy_left == 0)
		e->busy = RCD_EMU_IDLE;
}

void rcd_emu_request_sense(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	uint8_t s[RCD_EMU_SENSE_LEN] = {0x70, 0, 0, 0, 0, 0, 0, 10};
	struct rcd_emu_reply busy = {0};
	if (rcd_emu_busy(e, &busy)) {
		s[2] = busy.key;
		s[12] = busy.asc;
		s[13] = busy.ascq;
		s[15] = 0x80;
		rcd_put_be16(s + 16, busy.progress);
	} else if (e->cfg.stale_request_sense && e->have_last_sense) {
		memcpy(s, e->last_sense, sizeof(s));
	}
	rcd_emu_copy_out(c, r, s, sizeof(s), c->cdb[4]);
}

static void put_text(uint8_t *dst, size_t n, const char *s)
{
	memset(dst, ' ', n);
	size_t len = strlen(s);
	memcpy(dst, s, len < n ? len : n);
}

void rcd_emu_inquiry(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	if (c->cdb[1] & 0x01) { /* EVPD: no vital product data pages here */
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
		return;
	}
	uint8_t d[INQUIRY_LEN] = {0};
	d[0] = 0x05;              /* peripheral device type 5: CD/DVD (MMC) */
	d[1] = 0x80;              /* RMB: removable medium */
	d[2] = 0x05;              /* version: SPC-3 */
	d[3] = 0x02;              /* response data format 2 */
	d[4] = INQUIRY_LEN - 5;   /* additional length */
	put_text(d + 8, 8, e->cfg.vendor);
	put_text(d + 16, 16, e->cfg.product);
	put_text(d + 32, 4, e->cfg.revision);
	rcd_emu_copy_out(c, r, d, sizeof(d), rcd_be16(c->cdb + 3));
}

/* ---- GET CONFIGURATION ---- */

uint32_t rcd_emu_max_cue_sheet(const struct rcd_emu *e)
{
	return e->cfg.max_cue_sheet_length ? e->cfg.max_cue_sheet_length & 0xFFFFFFu : MAX_CUE_SHEET;
}

struct feature {
	uint16_t code;
	bool current;
	size_t len;       /* bytes, header included */
	uint8_t d[20];
};

static bool writable(const struct rcd_emu *e)
{
	return !e->cfg.no_medium && (e->st.disc_status == 0 || rcd_emu_appendable(e));
}

/* The drive's features in ascending order (MMC-6 §5.2: profile list, core, removable medium, CD TAO,
 * CD mastering). Byte 2: version << 2 | persistent << 1 | current. */
static size_t features(const struct rcd_emu *e, struct feature f[5])
{
	uint16_t profile = e->cfg.no_medium ? RAWCD_MMC_PROFILE_NONE : e->cfg.profile;
	memset(f, 0, 5 * sizeof(*f));
	static const uint16_t profiles[] = {RAWCD_MMC_PROFILE_CD_RW, RAWCD_MMC_PROFILE_CD_R, RAWCD_MMC_PROFILE_CD_ROM};
	f[0] = (struct feature){.code = RAWCD_MMC_FEATURE_PROFILE_LIST, .current = true, .len = 4 + 12,
				.d = {0x00, 0x00, 0x03, 12}};
	for (size_t i = 0; i < 3; i++) {
		rcd_put_be16(f[0].d + 4 + 4 * i, profiles[i]);
		f[0].d[6 + 4 * i] = profiles[i] == profile;
	}
	f[1] = (struct feature){.code = 0x0001, .current = true, .len = 12,
				.d = {0x00, 0x01, 0x0B, 8, 0, 0, 0, 0x02, 0x01}}; /* core: ATAPI, DBE */
	f[2] = (struct feature){.code = 0x0003, .current = true, .len = 8,
				.d = {0x00, 0x03, 0x03, 4, 0x29}}; /* removable: tray, eject, lock */
	bool cur = writable(e);
	f[3] = (struct feature){.code = RAWCD_MMC_FEATURE_CD_TAO, .current = cur, .len = 8,
				.d = {0x00, 0x2D, (uint8_t)(0x08 | 0x02 | cur), 4, rcd_emu_tao_bits(e), 0, 0x3F, 0x0F}};
	f[4] = (struct feature){.code = RAWCD_MMC_FEATURE_CD_MASTERING, .current = cur, .len = 8,
				.d = {0x00, 0x2E, (uint8_t)(0x04 | 0x02 | cur), 4, rcd_emu_mastering_bits(e)}};
	uint32_t max_cue = rcd_emu_max_cue_sheet(e);
	f[4].d[5] = (uint8_t)(max_cue >> 16);
	f[4].d[6] = (uint8_t)(max_cue >> 8);
	f[4].d[7] = (uint8_t)max_cue;
	return 5;
}

static bool feature_wanted(const struct feature *f, unsigned rt, unsigned start)
{
	switch (rt) {
	case 0: return f->code >= start;
	case 1: return f->code >= start && f->current;
	default: return f->code == start;
	}
}

void rcd_emu_get_configuration(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	unsigned rt = c->cdb[1] & 0x03, start = rcd_be16(c->cdb + 2);
	if (rt == 3) {
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
		return;
	}
	struct feature f[5];
	size_t n = features(e, f);
	uint8_t d[FEATURE_LIST_MAX] = {0};
	size_t len = 8;
	for (size_t i = 0; i < n; i++) {
		if (!e->cfg.ignore_rt && !feature_wanted(&f[i], rt, start))
			continue;
		memcpy(d + len, f[i].d, f[i].len);
		len += f[i].len;
	}
	rcd_put_be32(d, (uint32_t)(len - 4));
	rcd_put_be16(d + 6, e->cfg.no_medium ? RAWCD_MMC_PROFILE_NONE : e->cfg.profile);
	rcd_emu_copy_out(c, r, d, len, rcd_be16(c->cdb + 7));
}

/* ---- READ DISC INFORMATION ---- */

/* A reserved zero byte, then M, S, F (binary). */
static void put_msf(uint8_t *p, struct rawcd_msf m)
{
	p[0] = 0;
	p[1] = m.m;
	p[2] = m.s;
	p[3] = m.f;
}

void rcd_emu_read_disc_information(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	if (!rcd_emu_medium(e, r))
		return;
	if (c->cdb[1] & 0x07) { /* only the standard Disc Information Block */
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
		return;
	}
	uint8_t d[DISC_INFO_LEN] = {0};
	uint8_t status = e->st.disc_status;
	uint8_t state = status == 0 ? 0 : status == 2 ? 3 : e->st.recording ? 1 : 2;
	bool rw = e->cfg.profile == RAWCD_MMC_PROFILE_CD_RW;
	rcd_put_be16(d, DISC_INFO_LEN - 2);
	d[2] = (uint8_t)((rw ? 0x10 : 0) | state << 2 | status);
	d[3] = 1; /* first track on disc */
	d[4] = 1; /* sessions */
	d[5] = 1; /* first track in last session */
	d[6] = 1; /* last track in last session */
	d[7] = 0x20; /* URU */
	d[8] = 0xFF; /* disc type undefined on a blank disc */
	if (status == 2 && e->toc_valid) {
		d[6] = (uint8_t)e->toc->last_track;
		d[8] = e->items[0xA0].p[1]; /* A0 PSEC: the disc type */
	}
	if (status == 2) {
		memset(d + 16, 0xFF, 8); /* complete: no next lead-in, no lead-out limit */
	} else {
		put_msf(d + 16, e->cfg.atip_leadin);
		put_msf(d + 20, e->cfg.atip_leadout);
	}
	rcd_emu_disc_info_sessions(e, d);
	rcd_emu_copy_out(c, r, d, sizeof(d), rcd_be16(c->cdb + 7));
}

/* ---- READ TOC/PMA/ATIP ---- */

static size_t atip(const struct rcd_emu *e, uint8_t *d)
{
	memset(d, 0, ATIP_LEN);
	rcd_put_be16(d, ATIP_LEN - 2);
	d[4] = 0x52; /* indicative writing power 5, reference speed 2 */
	d[5] = 0x40; /* URU */
	d[6] = e->cfg.profile == RAWCD_MMC_PROFILE_CD_RW ? 0x40 : 0x00;
	put_msf(d + 7, e->cfg.atip_leadin);   /* bytes 8-10 (byte 7 reserved) */
	put_msf(d + 11, e->cfg.atip_leadout); /* bytes 12-14 (byte 11 reserved) */
	return ATIP_LEN;
}

/* toc_format_in_byte9 on a blank disc: a one-track TOC, as a drive that has a disc would send. */
static int fake_toc(int format, bool msf, uint8_t *d, size_t cap, size_t *n)
{
	struct rawcd_toc *toc = calloc(1, sizeof(*toc));
	if (!toc)
		return RAWCD_E_NOMEM;
	toc->first_track = toc->last_track = 1;
	toc->first_session = toc->last_session = 1;
	toc->leadout_lba = FAKE_TOC_LEADOUT;
	toc->tracks[0] = (struct rawcd_toc_track){.number = 1, .session = 1, .adr = 1, .control = 4,
						  .start_lba = 0, .length = FAKE_TOC_LEADOUT};
	toc->track_count = 1;
	int rc = rawcd_toc_encode(toc, format, msf, d, cap, n);
	free(toc);
	return rc;
}

static void burned_toc(struct rcd_emu *e, const struct rcd_emu_cmd *c, int format, uint8_t *d, size_t *n,
		       struct rcd_emu_reply *r)
{
	bool msf = c->cdb[1] & 0x02;
	int rc;
	if ((e->st.disc_status == 2 || rcd_emu_has_sessions(e)) && format == 5) {
		struct rawcd_cdtext_packs p = {e->packs, e->st.cdtext_packs};
		rc = rawcd_cdtext_encode_response(&p, d, TOC_RESPONSE_MAX, n);
	} else if ((e->st.disc_status == 2 || rcd_emu_has_sessions(e)) && e->toc_valid) {
		rc = rawcd_toc_encode(e->toc, format, msf, d, TOC_RESPONSE_MAX, n);
	} else if (e->st.disc_status == 2) {
		rcd_emu_sense(r, 0x3, 0x57, 0x00); /* unable to recover table of contents */
		return;
	} else if (e->cfg.toc_format_in_byte9 && format != 5) {
		rc = fake_toc(format, msf, d, TOC_RESPONSE_MAX, n);
	} else {
		rc = RAWCD_E_ARG; /* blank: no TOC yet */
	}
	if (rc != RAWCD_OK)
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
}

void rcd_emu_read_toc(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	if (!rcd_emu_medium(e, r))
		return;
	int format = c->cdb[2] & 0x0F;
	if (e->cfg.toc_format_in_byte9)
		format = c->cdb[9] >> 6; /* the old SFF-8020 place (QEMU's ATAPI reads it) */
	uint8_t *d = malloc(TOC_RESPONSE_MAX);
	if (!d) {
		rcd_emu_sense(r, 0x4, 0x44, 0x00);
		return;
	}
	size_t n = 0;
	if (format == 4)
		n = atip(e, d);
	else if (format <= 2 || format == 5)
		burned_toc(e, c, format, d, &n, r);
	else
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
	if (!r->check)
		rcd_emu_copy_out(c, r, d, n, rcd_be16(c->cdb + 7));
	free(d);
}

/* ---- READ TRACK INFORMATION ---- */

static bool track_of_disc(const struct rcd_emu *e, uint32_t number, const struct rawcd_toc_track **out)
{
	if ((e->st.disc_status != 2 && !rcd_emu_has_sessions(e)) || !e->toc_valid)
		return false;
	for (size_t i = 0; i < e->toc->track_count; i++)
		if (e->toc->tracks[i].number == number) {
			*out = &e->toc->tracks[i];
			return true;
		}
	return false;
}

void rcd_emu_read_track_information(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	if (!rcd_emu_medium(e, r))
		return;
	unsigned type = c->cdb[1] & 0x03;
	uint32_t number = rcd_be32(c->cdb + 2);
	const struct rawcd_toc_track *t = NULL;
	uint8_t d[TRACK_INFO_LEN] = {0};
	rcd_put_be16(d, TRACK_INFO_LEN - 2);
	d[3] = 1; /* session */
	if (type == 1 && e->st.disc_status == 0 && (number == 1 || number == 0xFF)) {
		bool raw = (e->page05[2] & 0x0F) == RAWCD_MMC_WRITE_RAW;
		uint32_t free_blocks = (uint32_t)e->leadout_lba;
		d[2] = 1;
		d[5] = 0x04;
		d[6] = 0x40 | 0x01; /* blank, data mode 1 */
		d[7] = 0x01;        /* NWA valid */
		rcd_put_be32(d + 12, (uint32_t)(raw ? e->leadin_lba : 0));
		rcd_put_be32(d + 16, free_blocks);
		rcd_put_be32(d + 24, free_blocks);
	} else if (type == 1 && rcd_emu_track_info_next(e, number, d)) {
		/* the invisible track of an appendable disc (emu_sessions.c) */
	} else if (type == 1 && track_of_disc(e, number, &t)) {
		d[2] = (uint8_t)t->number;
		d[3] = (uint8_t)t->session;
		d[5] = t->control & 0x0F;
		d[6] = (t->control & 0x04) ? 0x01 : 0x0F;
		rcd_put_be32(d + 8, (uint32_t)t->start_lba);
		rcd_put_be32(d + 24, t->length);
	} else {
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
		return;
	}
	rcd_emu_copy_out(c, r, d, sizeof(d), rcd_be16(c->cdb + 7));
}

/* ---- READ SUB-CHANNEL ---- */

/*
 * Sub-channel data of format 2 (MCN: byte 8 bit 7 MCVal, bytes 9-21 the 13 digits, 22 zero, 23 AFRAME)
 * or 3 (ISRC of @p track: byte 5 ADR 3 and CONTROL, 6 the track, 8 bit 7 TCVal, 9-20 the 12 characters,
 * 21 zero, 22 AFRAME), from the Q frames the recording's program area carried (MMC-3 READ SUB-CHANNEL; the layout
 * mmc.h's parser reads). false for a track that is not on the disc.
 */
static bool subchannel_data(const struct rcd_emu *e, unsigned format, unsigned track, uint8_t d[SUBCHANNEL_LEN])
{
	const struct rcd_emu_code *k = &e->mcn;
	const struct rawcd_toc_track *t = NULL;
	d[4] = (uint8_t)format;
	if (format == 3) {
		if (track < 1 || track >= RCD_EMU_MAX_TRACKS || !track_of_disc(e, track, &t))
			return false;
		k = &e->isrc[track];
		d[5] = (uint8_t)(ADR_ISRC << 4 | (k->seen ? k->control : t->control & 0x0F));
		d[6] = (uint8_t)track;
	}
	if (k->seen) {
		size_t n = format == 2 ? 13 : 12;
		d[8] = 0x80;
		memcpy(d + 9, k->text, n);
		d[9 + n + 1] = k->aframe;
	}
	return true;
}

void rcd_emu_read_subchannel(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	if (!rcd_emu_medium(e, r))
		return;
	unsigned format = c->cdb[3];
	bool subq = c->cdb[2] & 0x40; /* SubQ 0: the header only (the MSF bit, byte 1 bit 1, has no address
				         to change in formats 2 and 3) */
	uint8_t d[SUBCHANNEL_LEN] = {0};
	d[1] = AUDIO_STATUS_NONE;
	/* Only a completed disc has a program area to answer from; format 1 (current position) is not
	 * emulated: there is no playback. */
	if ((format != 2 && format != 3) || (e->st.disc_status != 2 && !rcd_emu_has_sessions(e)) ||
	    !subchannel_data(e, format, c->cdb[6], d)) {
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
		return;
	}
	rcd_put_be16(d + 2, subq ? SUBCHANNEL_LEN - 4 : 0);
	rcd_emu_copy_out(c, r, d, subq ? SUBCHANNEL_LEN : 4, rcd_be16(c->cdb + 7));
}

/* ---- SET CD SPEED, READ BUFFER CAPACITY ---- */

/* START STOP UNIT (MMC-6 §6.39): LoEj with Start 0 takes the disc out (the tray opens; 5/53/02 while
 * PREVENT ALLOW MEDIUM REMOVAL prevents it), with Start 1 puts it back, either raising a media event for
 * GET EVENT STATUS NOTIFICATION; without LoEj there is no spindle to start or stop here. */
void rcd_emu_start_stop_unit(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	if (rcd_emu_busy(e, r))
		return;
	if (e->st.recording) {
		rcd_emu_sense(r, 0x5, 0x2C, 0x00); /* command sequence error: a recording runs */
		return;
	}
	if (!(c->cdb[4] & 0x02))
		return;
	bool out = !(c->cdb[4] & 0x01);
	if (out && e->prevent) {
		rcd_emu_sense(r, 0x5, 0x53, 0x02); /* medium removal prevented (PREVENT ALLOW MEDIUM REMOVAL) */
		return;
	}
	if (out != e->cfg.no_medium)
		e->media_event = out ? RCD_EMU_EVENT_REMOVAL : RCD_EMU_EVENT_NEW_MEDIA;
	e->cfg.no_medium = out;
}

void rcd_emu_set_cd_speed(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	(void)r;
	e->st.read_speed = (uint16_t)rcd_be16(c->cdb + 2);
	e->st.write_speed = (uint16_t)rcd_be16(c->cdb + 4);
}

void rcd_emu_read_buffer_capacity(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	if (c->cdb[1] & 0x01) { /* Block = 1 (capacity in blocks) is not emulated */
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
		return;
	}
	uint8_t d[BUFFER_CAPACITY_LEN] = {0};
	rcd_put_be16(d, BUFFER_CAPACITY_LEN - 2);
	rcd_put_be32(d + 4, e->st.buffer_size);
	rcd_put_be32(d + 8, e->st.buffer_size - e->st.buffer_fill);
	rcd_emu_copy_out(c, r, d, sizeof(d), rcd_be16(c->cdb + 7));
}
