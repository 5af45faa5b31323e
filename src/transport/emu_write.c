/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The emulated recorder's recording: WRITE(10) of raw blocks from the ATIP lead-in start (DESIGN.md §5:
 * strictly consecutive LBAs, LBA = MSF - 450150), what each block's subcode says (Q CRC, lead-in TOC
 * items and their 3-frame repeats, P in the lead-in and pregap, lead-out frames, CD-TEXT packs in the
 * lead-in's R-W, the MCN and ISRCs in the program area's Q), SYNCHRONIZE CACHE that closes the disc, and
 * BLANK. A WRITE(10) while page 05h says SAO goes to emu_sao.c.
 *
 * After a burn READ TOC answers from what was received, not from a copy of what the burner meant: the Q
 * items of the lead-in are rebuilt into a full TOC (format 2 bytes, then rawcd_toc_decode() checks them
 * and derives the tracks), so a burner that writes a wrong lead-in reads back a wrong (or no) TOC. READ
 * SUB-CHANNEL likewise answers with the MCN and ISRC frames the program area carried.
 */
#include "emu_internal.h"

#include <string.h>

#include "mmc/mmc_bytes.h"
#include "rawcd/error.h"
#include "rawcd/sector.h"
#include "rawcd/subcode.h"

#define PREGAP_LBA (-150)
#define LEADOUT_TNO 0xAA
#define TOC_REPEAT 3          /* each lead-in item on 3 consecutive frames (research/burn.md §1.4) */
#define PACKS_PER_SECTOR 4
#define SYMBOLS_PER_PACK 24
#define FULL_DESC 11
#define POINT_A0 0xA0
#define POINT_A1 0xA1
#define POINT_A2 0xA2

/* ---- what one block carries ---- */

/* Four 6-bit symbols back into 3 bytes (the inverse of the lead-in writer's pack_symbols()). */
static void symbols_to_pack(const uint8_t *s, uint8_t pack[RAWCD_CDTEXT_PACK_SIZE])
{
	for (size_t g = 0; g < RAWCD_CDTEXT_PACK_SIZE / 3; g++, s += 4) {
		pack[3 * g] = (uint8_t)((s[0] & 0x3F) << 2 | (s[1] & 0x3F) >> 4);
		pack[3 * g + 1] = (uint8_t)((s[1] & 0x0F) << 4 | (s[2] & 0x3F) >> 2);
		pack[3 * g + 2] = (uint8_t)((s[2] & 0x03) << 6 | (s[3] & 0x3F));
	}
}

/* CD-TEXT packs from the lead-in's R-W, 4 a sector, those with a good CRC, until the cycle comes back
 * to the first pack. */
void rcd_emu_collect_packs(struct rcd_emu *e, const uint8_t *rw)
{
	for (size_t k = 0; k < PACKS_PER_SECTOR && !e->packs_done; k++) {
		uint8_t pack[RAWCD_CDTEXT_PACK_SIZE];
		symbols_to_pack(rw + k * SYMBOLS_PER_PACK, pack);
		if (!rawcd_cdtext_pack_crc_ok(pack))
			continue;
		size_t n = e->st.cdtext_packs;
		if ((n && memcmp(pack, e->packs[0], sizeof(pack)) == 0) || n == RAWCD_CDTEXT_MAX_PACKS) {
			e->packs_done = true;
			break;
		}
		memcpy(e->packs[n], pack, sizeof(pack));
		e->st.cdtext_packs = n + 1;
	}
}

static void leadin_item(struct rcd_emu *e, const uint8_t q[RAWCD_Q_SIZE])
{
	uint8_t point = q[2], control = q[0] >> 4;
	struct rcd_emu_item *it = &e->items[point];
	e->st.leadin_toc_frames++;
	if (!it->seen) {
		*it = (struct rcd_emu_item){.seen = true, .control = control, .p = {q[7], q[8], q[9]}};
	} else if (it->control != control || memcmp(it->p, q + 7, 3) != 0) {
		e->st.leadin_conflicts++;
	}
	if (e->run_len && point == e->run_point) {
		e->run_len++;
		return;
	}
	if (e->run_len && e->run_len != TOC_REPEAT)
		e->st.leadin_bad_repeats++;
	e->run_point = point;
	e->run_len = 1;
}

/* ---- the MCN and ISRCs of the program area ---- */

/* Nibble @p i (0 = the high one of p[0]) of a BCD run; -1 if it is not a digit. */
static int bcd_digit(const uint8_t *p, size_t i)
{
	unsigned digit = i % 2 ? p[i / 2] & 0x0F : p[i / 2] >> 4;
	return digit <= 9 ? (int)digit : -1;
}

/* ADR 2, the inverse of the codec's q_mcn() (subcode.md §4): 13 BCD digits in bytes 1-7. */
static bool decode_mcn(const uint8_t q[RAWCD_Q_SIZE], char out[14])
{
	for (size_t i = 0; i < 13; i++) {
		int digit = bcd_digit(q + 1, i);
		if (digit < 0)
			return false;
		out[i] = (char)('0' + digit);
	}
	out[13] = '\0';
	return true;
}

/* ADR 3, the inverse of the codec's q_isrc() (subcode.md §4): 5 characters as 6-bit codes in the 30 high
 * bits of bytes 1-4 (00h-09h '0'-'9', 11h-2Ah 'A'-'Z'), then 7 BCD digits from byte 5. */
static bool decode_isrc(const uint8_t q[RAWCD_Q_SIZE], char out[14])
{
	uint32_t bits = (uint32_t)q[1] << 24 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 8 | q[4];
	for (size_t i = 0; i < 5; i++) {
		unsigned code = bits >> (26 - 6 * i) & 0x3F;
		if (code <= 0x09)
			out[i] = (char)('0' + code);
		else if (code >= 0x11 && code <= 0x2A)
			out[i] = (char)('A' + code - 0x11);
		else
			return false;
	}
	for (size_t i = 0; i < 7; i++) {
		int digit = bcd_digit(q + 5, i);
		if (digit < 0)
			return false;
		out[5 + i] = (char)('0' + digit);
	}
	out[12] = '\0';
	return true;
}

/* The first value seen is kept, as for the lead-in's TOC items. */
static void keep_code(struct rcd_emu_code *k, const uint8_t q[RAWCD_Q_SIZE], const char *text)
{
	if (k->seen)
		return;
	int aframe = rawcd_bcd_decode(q[9]);
	*k = (struct rcd_emu_code){.seen = true, .control = q[0] >> 4, .aframe = aframe < 0 ? 0 : (uint8_t)aframe};
	memcpy(k->text, text, sizeof(k->text));
}

/* A good Q from the pregap on: ADR 1 frames tell the track (TNO; none in the lead-out), ADR 2 the MCN,
 * ADR 3 the ISRC of that track (an ISRC before any ADR 1 frame, or in the lead-out, has no track and is
 * dropped). */
static void program_q(struct rcd_emu *e, const uint8_t q[RAWCD_Q_SIZE])
{
	char text[14];
	int tno;
	switch (q[0] & 0x0F) {
	case 1:
		tno = rawcd_bcd_decode(q[1]);
		e->q_tno = tno >= 1 && tno <= 99 ? (unsigned)tno : 0;
		break;
	case 2:
		if (decode_mcn(q, text))
			keep_code(&e->mcn, q, text);
		break;
	case 3:
		if (e->q_tno && decode_isrc(q, text))
			keep_code(&e->isrc[e->q_tno], q, text);
		break;
	default:
		break;
	}
}

static void analyse_block(struct rcd_emu *e, int32_t lba, const uint8_t *block, size_t size)
{
	const uint8_t *sub = block + RAWCD_SECTOR_SIZE;
	struct rawcd_subchannels sc;
	const uint8_t *q, *rw = NULL;
	bool p;
	if (size == RAWCD_SECTOR_SIZE + RAWCD_PQ16_SIZE) { /* data block type 1: Q, 3 zero bytes, P */
		q = sub;
		p = sub[15] & 0x80;
	} else {                                           /* types 2 and 3: P and Q raw in bits 7 and 6 */
		rawcd_subcode_from_raw96(&sc, sub);
		q = sc.q;
		p = sc.p[0] & 0x80;
		rw = sc.rw;
	}
	bool good = rawcd_q_crc_ok(q);
	bool adr1 = good && (q[0] & 0x0F) == 1;
	if (!good)
		e->st.bad_q_crc++;
	/* an appended session's lead-in lies after LBA 0: its frames say TNO 0 */
	bool later_leadin = e->st.first_lba >= PREGAP_LBA && good && q[1] == 0 &&
			    ((q[0] & 0x0F) == 1 || (q[0] & 0x0F) == 5);
	if (good && (q[0] & 0x0F) == 5 && q[1] == 0)
		rcd_emu_leadin_item5(e, q);
	if (lba < PREGAP_LBA || later_leadin) {
		e->st.leadin_blocks++;
		e->st.leadin_p_frames += p;
		if (rw && !e->packs_done)
			rcd_emu_collect_packs(e, rw);
		if (adr1 && q[1] == 0)
			leadin_item(e, q);
	} else if (lba < 0) {
		e->st.pregap_blocks++;
		e->st.pregap_p_frames += p;
	} else if (adr1 && q[1] == LEADOUT_TNO) {
		e->st.leadout_frames++;
	} else {
		e->st.program_blocks++;
	}
	if (good && lba >= PREGAP_LBA && !later_leadin)
		program_q(e, q);
}

/* ---- the TOC the lead-in makes ---- */

static int put_item(const struct rcd_emu *e, uint8_t point, uint8_t binary_point, uint8_t *d)
{
	const struct rcd_emu_item *it = &e->items[point];
	int m = rawcd_bcd_decode(it->p[0]), s = rawcd_bcd_decode(it->p[1]), f = rawcd_bcd_decode(it->p[2]);
	if (point == POINT_A0)
		s = it->p[1]; /* PSEC of A0 is the disc type, a raw byte (00h, 10h, 20h) */
	if (!it->seen || m < 0 || s < 0 || f < 0)
		return RAWCD_E_FORMAT;
	memset(d, 0, FULL_DESC);
	d[0] = 1;                                /* session */
	d[1] = (uint8_t)(0x10 | it->control);    /* ADR 1, CONTROL */
	d[3] = binary_point;
	d[8] = (uint8_t)m;
	d[9] = (uint8_t)s;
	d[10] = (uint8_t)f;
	return RAWCD_OK;
}

int rcd_emu_toc_from_items(const struct rcd_emu *e, struct rawcd_toc *out)
{
	uint8_t d[4 + FULL_DESC * (3 + 99)];
	size_t n = 0;
	static const uint8_t a_points[] = {POINT_A0, POINT_A1, POINT_A2};
	for (size_t i = 0; i < 3; i++)
		if (put_item(e, a_points[i], a_points[i], d + 4 + FULL_DESC * n++) != RAWCD_OK)
			return RAWCD_E_FORMAT;
	for (uint8_t t = 1; t <= 99; t++) {
		uint8_t point = rawcd_bcd_encode(t);
		if (e->items[point].seen && put_item(e, point, t, d + 4 + FULL_DESC * n++) != RAWCD_OK)
			return RAWCD_E_FORMAT;
	}
	rcd_put_be16(d, (unsigned)(2 + FULL_DESC * n));
	d[2] = d[3] = 1; /* first and last session */
	return rawcd_toc_decode(out, 2, true, d, 4 + FULL_DESC * n) == RAWCD_OK ? RAWCD_OK : RAWCD_E_FORMAT;
}

/* ---- WRITE(10) ---- */

void rcd_emu_start_recording(struct rcd_emu *e, bool test)
{
	struct rawcd_emu_state *st = &e->st;
	st->recording = true;
	st->recording_test = test;
	st->recording_failed = false;
	st->first_lba = st->next_lba;
	st->blocks = st->bytes = st->bad_q_crc = 0;
	st->leadin_blocks = st->leadin_toc_frames = st->leadin_p_frames = 0;
	st->leadin_bad_repeats = st->leadin_conflicts = 0;
	st->pregap_blocks = st->pregap_p_frames = st->program_blocks = st->leadout_frames = 0;
	st->cdtext_packs = 0;
	st->sao_blocks = 0;
	memset(e->items, 0, sizeof(e->items));
	e->run_len = 0;
	e->packs_done = false;
	e->q_tno = 0;
	memset(&e->mcn, 0, sizeof(e->mcn));
	memset(e->isrc, 0, sizeof(e->isrc));
	e->sao = false;
	memset(&e->b0, 0, sizeof(e->b0));
	memset(&e->c0, 0, sizeof(e->c0));
}

/* Hand accepted blocks to the sink file and callback; false if either failed. */
static bool sink(struct rcd_emu *e, int32_t lba, const uint8_t *data, size_t blocks, size_t size)
{
	if (e->sink_file && (fwrite(data, size, blocks, e->sink_file) != blocks || fflush(e->sink_file) != 0))
		return false;
	return !e->cfg.sink || e->cfg.sink(e->cfg.sink_user, lba, data, blocks, size) == 0;
}

/* Why a WRITE(10) of @p blocks at @p lba is refused, as sense in @p r; false if it is taken. */
static bool write_refused(struct rcd_emu *e, const struct rcd_emu_cmd *c, int32_t lba, size_t blocks,
			  size_t size, struct rcd_emu_reply *r)
{
	const struct rawcd_emu_state *st = &e->st;
	if ((e->page05[2] & 0x0F) != RAWCD_MMC_WRITE_RAW || size == 0 || size == RAWCD_SECTOR_SIZE)
		rcd_emu_sense(r, 0x5, 0x64, 0x00); /* illegal mode for this track: only raw is emulated */
	else if (c->dir != RAWCD_XFER_TO_DEVICE || c->len != blocks * size)
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
	else if (st->recording && st->recording_failed)
		rcd_emu_sense(r, 0x5, 0x2C, 0x00);
	else if ((!st->recording && st->disc_status != 0 && !rcd_emu_appendable(e)) || lba != st->next_lba)
		rcd_emu_sense(r, 0x5, 0x21, 0x02);
	else if ((int64_t)lba + (int64_t)blocks > (int64_t)e->leadout_lba + RAWCD_LEADOUT_DEFAULT)
		rcd_emu_sense(r, 0x5, 0x21, 0x00);
	else if ((uint64_t)st->buffer_fill + c->len > st->buffer_size)
		rcd_emu_sense(r, 0x2, 0x04, 0x08);
	return r->check;
}

void rcd_emu_write10(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	if (!rcd_emu_medium(e, r) || rcd_emu_busy(e, r))
		return;
	int32_t lba = rcd_be32_signed(c->cdb + 2);
	size_t blocks = rcd_be16(c->cdb + 7);
	size_t size = rawcd_mmc_block_size(e->page05[4] & 0x0F);
	if (blocks == 0)
		return; /* SBC: a transfer length of 0 moves nothing and is not an error */
	if ((e->page05[2] & 0x0F) == RAWCD_MMC_WRITE_SAO) {
		rcd_emu_sao_write(e, c, lba, blocks, r);
		return;
	}
	if (write_refused(e, c, lba, blocks, size, r))
		return;
	if (!e->st.recording)
		rcd_emu_start_recording(e, e->page05[2] & 0x10);
	rcd_emu_take_blocks(e, c, r, lba, blocks, size, analyse_block);
}

bool rcd_emu_take_blocks(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r, int32_t lba,
			 size_t blocks, size_t size, rcd_emu_block_fn look)
{
	if (!sink(e, lba, c->buf, blocks, size)) {
		e->st.sink_failed = e->st.recording_failed = true;
		rcd_emu_sense(r, 0x4, 0x44, 0x00); /* internal target failure: the recording ends */
		return false;
	}
	for (size_t i = 0; i < blocks; i++)
		look(e, lba + (int32_t)i, c->buf + i * size, size);
	e->st.next_lba = lba + (int32_t)blocks;
	e->st.blocks += blocks;
	e->st.bytes += c->len;
	e->st.buffer_fill += (uint32_t)c->len;
	if (!e->st.recording_test)
		e->st.disc_status = 1;
	r->transferred = c->len;
	return true;
}

/* ---- SYNCHRONIZE CACHE, BLANK ---- */

static void start_busy(struct rcd_emu *e, enum rcd_emu_busy what, unsigned polls)
{
	if (polls == 0)
		return;
	e->busy = what;
	e->busy_left = e->busy_total = polls;
}

void rcd_emu_synchronize_cache(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	if (rcd_emu_busy(e, r))
		return;
	e->st.syncs++;
	e->st.buffer_fill = 0;
	if (e->st.recording) {
		/* a Test Write session left open: the next simulated one follows it */
		bool test_open = e->st.recording_test && (e->page05[3] >> 6) == 3 && e->st.leadout_frames > 0;
		e->st.recording = false;
		if (e->st.recording_test) {
			e->st.disc_status = e->session_count ? 1 : 0;
		} else if (e->st.recording_failed) {
			e->st.disc_status = 1;
		} else if (e->sao && !rcd_emu_sao_finish(e)) {
			e->st.disc_status = 1; /* an SAO recording that stopped before the lead-out */
		} else if (!e->sao && e->st.leadout_frames == 0) {
			e->st.disc_status = 1; /* a raw recording that stopped before its lead-out */
		} else if (e->sao) {
			e->st.disc_status = 2;
			e->toc_valid = rcd_emu_toc_from_items(e, e->toc) == RAWCD_OK;
		} else {
			rcd_emu_session_close(e); /* complete, or appendable (emu_sessions.c) */
		}
		e->sao = false;
		rcd_emu_drop_cue_sheet(e);
		if (!test_open)
			e->st.next_lba = rcd_emu_next_leadin(e);
	}
	if (c->cdb[1] & 0x02)
		start_busy(e, RCD_EMU_FLUSHING, e->cfg.flush_polls);
}

void rcd_emu_blank(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	unsigned type = c->cdb[1] & 0x07;
	if (!rcd_emu_medium(e, r) || rcd_emu_busy(e, r))
		return;
	if (e->cfg.profile != RAWCD_MMC_PROFILE_CD_RW || type > 1) {
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
		return;
	}
	if (e->st.recording) {
		rcd_emu_sense(r, 0x5, 0x2C, 0x00);
		return;
	}
	e->st.blanks++;
	e->st.disc_status = 0;
	rcd_emu_drop_cue_sheet(e);
	rcd_emu_sessions_forget(e);
	e->st.next_lba = e->leadin_lba;
	e->toc_valid = false;
	if (c->cdb[1] & 0x10)
		start_busy(e, RCD_EMU_BLANKING, e->cfg.blank_polls);
}
