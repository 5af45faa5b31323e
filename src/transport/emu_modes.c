/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The emulated recorder's mode pages: MODE SENSE(10) of page 05h (Write Parameters, MMC-6 clause 7) and
 * page 2Ah (CD Capabilities and Mechanical Status, MMC-3), and MODE SELECT(10) of page 05h, which accepts
 * a write type / data block type pair only when the features say the drive can do it (research/burn.md
 * §1.1: libburn and wodim probe the pairs by trying MODE SELECT, so refusing is the drive's real answer).
 */
#include "emu_internal.h"

#include <string.h>

#include "mmc/mmc_bytes.h"

#define MASTERING_BITS 0x6F /* 002Eh byte 4: BUF, SAO, raw, Test Write, CD-RW, R-W */
#define TAO_BITS 0x5F       /* 002Dh byte 4: BUF, R-W raw, R-W pack, Test Write, CD-RW, R-W subcode */
#define BIT_BUF 0x40
#define BIT_SAO 0x20
#define BIT_RAW 0x08
#define BIT_TEST_WRITE 0x04
#define BIT_RW_RAW 0x10
#define BIT_RW_PACK 0x08
#define NON_RAW_TYPES 0x3F0Fu /* data block types 0-3 and 8-13 (002Dh data types) */

#define CAPS_SPEEDS 3
#define CAPS_PAGE_LEN (32 + 4 * CAPS_SPEEDS)
#define SENSE_LEN_MAX (RAWCD_MMC_MODE_HEADER_LEN + RCD_EMU_PAGE05_LEN + CAPS_PAGE_LEN)
#define SPEED_40X 7056 /* kB/s */

static const uint16_t write_speeds[CAPS_SPEEDS] = {8467, 4234, 1764}; /* 48x, 24x, 10x in kB/s */

uint8_t rcd_emu_mastering_bits(const struct rcd_emu *e)
{
	return MASTERING_BITS & (uint8_t)~e->cfg.cd_mastering_clear;
}

uint8_t rcd_emu_tao_bits(const struct rcd_emu *e)
{
	return TAO_BITS & (uint8_t)~e->cfg.cd_tao_clear;
}

void rcd_emu_page05_default(uint8_t p[RCD_EMU_PAGE05_LEN])
{
	memset(p, 0, RCD_EMU_PAGE05_LEN);
	p[0] = RAWCD_MMC_PAGE_WRITE_PARAMETERS;
	p[1] = RCD_EMU_PAGE05_LEN - 2;
	p[2] = RAWCD_MMC_WRITE_TAO;
	p[3] = 0x04; /* track mode: data */
	p[4] = 8;    /* Mode 1, 2048 */
	rcd_put_be16(p + 14, 150); /* audio pause length */
}

/* Page 05h for page control @p pc: 0 current, 1 changeable (a mask), 2 default. */
static size_t page05(const struct rcd_emu *e, unsigned pc, uint8_t *p)
{
	if (pc == 0) {
		memcpy(p, e->page05, RCD_EMU_PAGE05_LEN);
	} else if (pc == 2) {
		rcd_emu_page05_default(p);
	} else {
		memset(p, 0xFF, RCD_EMU_PAGE05_LEN);
		p[0] = RAWCD_MMC_PAGE_WRITE_PARAMETERS;
		p[1] = RCD_EMU_PAGE05_LEN - 2;
		p[2] = 0x7F; /* BUFE, LS_V, Test Write, write type */
		p[4] = 0x0F;
		p[6] = p[9] = 0;
	}
	return RCD_EMU_PAGE05_LEN;
}

static size_t page2a(const struct rcd_emu *e, unsigned pc, uint8_t *p)
{
	memset(p, 0, CAPS_PAGE_LEN);
	p[0] = RAWCD_MMC_PAGE_CAPABILITIES;
	p[1] = CAPS_PAGE_LEN - 2;
	if (pc == 1)
		return CAPS_PAGE_LEN; /* nothing changeable */
	uint8_t m = rcd_emu_mastering_bits(e);
	uint16_t current = e->st.write_speed && e->st.write_speed < write_speeds[0] ? e->st.write_speed
									     : write_speeds[0];
	p[2] = 0x03;                                      /* reads CD-R, CD-RW */
	p[3] = (uint8_t)(0x03 | (m & BIT_TEST_WRITE));    /* writes CD-R, CD-RW; Test Write */
	p[4] = (uint8_t)((m & BIT_BUF ? 0x80 : 0) | 0x40); /* BUF, multi-session */
	p[5] = 0x0F;                                      /* CD-DA, accurate, R-W, R-W deinterleaved */
	p[6] = 0x29;                                      /* tray, eject, lock */
	rcd_put_be16(p + 8, SPEED_40X);
	rcd_put_be16(p + 10, 256);
	rcd_put_be16(p + 12, e->st.buffer_size / 1024);
	rcd_put_be16(p + 14, SPEED_40X);
	rcd_put_be16(p + 18, write_speeds[0]);
	rcd_put_be16(p + 20, current);
	rcd_put_be16(p + 22, 1);
	rcd_put_be16(p + 28, current);
	rcd_put_be16(p + 30, CAPS_SPEEDS);
	for (size_t i = 0; i < CAPS_SPEEDS; i++)
		rcd_put_be16(p + 32 + 4 * i + 2, write_speeds[i]);
	return CAPS_PAGE_LEN;
}

void rcd_emu_mode_sense(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	unsigned pc = c->cdb[2] >> 6, page = c->cdb[2] & 0x3F;
	if (pc == 3) {
		rcd_emu_sense(r, 0x5, 0x39, 0x00); /* saving parameters not supported */
		return;
	}
	uint8_t d[SENSE_LEN_MAX] = {0};
	size_t len = RAWCD_MMC_MODE_HEADER_LEN;
	if (page == RAWCD_MMC_PAGE_WRITE_PARAMETERS || page == 0x3F)
		len += page05(e, pc, d + len);
	if (page == RAWCD_MMC_PAGE_CAPABILITIES || page == 0x3F)
		len += page2a(e, pc, d + len);
	if (len == RAWCD_MMC_MODE_HEADER_LEN) {
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
		return;
	}
	rcd_put_be16(d, (unsigned)(len - 2));
	rcd_emu_copy_out(c, r, d, len, rcd_be16(c->cdb + 7));
}

/* ---- MODE SELECT(10) ---- */

/* Whether the drive takes this write type / data block type pair and these bits (DESIGN.md §5). */
static bool page05_acceptable(const struct rcd_emu *e, const uint8_t *p)
{
	uint8_t m = rcd_emu_mastering_bits(e), tao = rcd_emu_tao_bits(e);
	unsigned wt = p[2] & 0x0F, dbt = p[4] & 0x0F, ms = p[3] >> 6, sf = p[8];
	if (wt < RAWCD_MMC_WRITE_TAO || wt > RAWCD_MMC_WRITE_RAW || (e->cfg.refused_write_types >> wt & 1))
		return false;
	if ((wt == RAWCD_MMC_WRITE_SAO && !(m & BIT_SAO)) || (wt == RAWCD_MMC_WRITE_RAW && !(m & BIT_RAW)))
		return false;
	if (wt == RAWCD_MMC_WRITE_RAW) {
		if (dbt < RAWCD_MMC_DBT_RAW_PQ || dbt > RAWCD_MMC_DBT_RAW_PW || (e->cfg.refused_raw_block_types >> dbt & 1))
			return false;
		if ((dbt == RAWCD_MMC_DBT_RAW_PW_PACK && !(tao & BIT_RW_PACK)) ||
		    (dbt == RAWCD_MMC_DBT_RAW_PW && !(tao & BIT_RW_RAW)))
			return false;
	} else if (!(NON_RAW_TYPES >> dbt & 1)) {
		return false;
	}
	if ((p[2] & 0x10) && !(m & BIT_TEST_WRITE))
		return false;
	if ((p[2] & 0x40) && !(m & BIT_BUF))
		return false;
	return ms != 2 && (sf == 0x00 || sf == 0x10 || sf == 0x20);
}

/* The page in a MODE SELECT parameter list, checked as SPC-4 §7.5 wants it sent: mode data length 0,
 * PS clear, within the list. NULL (with the sense in @p r) when it is not acceptable. */
static const uint8_t *selected_page(const struct rcd_emu_cmd *c, size_t plen, struct rcd_emu_reply *r)
{
	const uint8_t *d = c->buf;
	size_t at = RAWCD_MMC_MODE_HEADER_LEN + rcd_be16(d + 6);
	if (rcd_be16(d) != 0 || at + 2 > plen || (d[at] & 0x80)) {
		rcd_emu_sense(r, 0x5, 0x26, 0x00);
		return NULL;
	}
	const uint8_t *p = d + at;
	if ((p[0] & 0x3F) != RAWCD_MMC_PAGE_WRITE_PARAMETERS || p[1] < 0x0E || p[1] > RCD_EMU_PAGE05_LEN - 2 ||
	    at + 2u + p[1] > plen) {
		rcd_emu_sense(r, 0x5, 0x26, 0x00);
		return NULL;
	}
	return p;
}

void rcd_emu_mode_select(struct rcd_emu *e, const struct rcd_emu_cmd *c, struct rcd_emu_reply *r)
{
	size_t plen = rcd_be16(c->cdb + 7);
	e->st.mode_selects++;
	if (!(c->cdb[1] & 0x10) || (c->cdb[1] & 0x01)) { /* PF must be 1, SP 0 */
		rcd_emu_sense(r, 0x5, 0x24, 0x00);
	} else if (plen < RAWCD_MMC_MODE_HEADER_LEN + 2 || c->dir != RAWCD_XFER_TO_DEVICE || c->len < plen) {
		rcd_emu_sense(r, 0x5, 0x1A, 0x00); /* parameter list length error */
	} else if (e->st.recording) {
		rcd_emu_sense(r, 0x5, 0x2C, 0x00);
	} else if (!rcd_emu_busy(e, r)) {
		const uint8_t *p = selected_page(c, plen, r);
		if (p && !page05_acceptable(e, p))
			rcd_emu_sense(r, 0x5, 0x26, 0x00);
		else if (p) {
			memcpy(e->page05 + 2, p + 2, p[1]);
			e->st.write_type = p[2] & 0x0F;
			e->st.test_write = p[2] & 0x10;
			e->st.bufe = p[2] & 0x40;
			e->st.multisession = p[3] >> 6;
			e->st.data_block_type = p[4] & 0x0F;
			e->st.session_format = p[8];
			r->transferred = c->len;
		}
	}
	if (r->check)
		e->st.mode_selects_refused++;
}
