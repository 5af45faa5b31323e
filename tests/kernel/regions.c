/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The comparison by region of the kernel-path recorder (regions.h). */
#include "regions.h"

#include <string.h>

#include <rawcd/rawcd.h>

#define PREGAP_LBA (-150)
#define LEADOUT_TNO 0xAA

static const char *const names[REGION_COUNT] = {"leadin", "pregap", "program", "leadout"};

static enum region region_of(struct regions *g, int32_t lba, const uint8_t q[RAWCD_Q_SIZE])
{
	enum region r = g->last;
	if (lba < PREGAP_LBA)
		r = REGION_LEADIN;
	else if (rawcd_q_crc_ok(q) && (q[0] & 0x0F) == 1)
		r = q[1] == LEADOUT_TNO ? REGION_LEADOUT : q[2] == 0 ? REGION_PREGAP : REGION_PROGRAM;
	else if (r == REGION_LEADIN)
		r = REGION_PREGAP;
	g->last = r;
	return r;
}

static void show_bytes(FILE *out, const char *name, const uint8_t *p, size_t n)
{
	fprintf(out, " %s=", name);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%02x", p[i]);
}

/* Equal as sent or once descrambled; else the first difference is shown (once a region). */
static bool main_equal(struct regions *g, struct region_counts *c, const char *name, int32_t lba, const uint8_t *got,
		       const uint8_t *want)
{
	if (memcmp(got, want, RAWCD_SECTOR_SIZE) == 0)
		return true;
	uint8_t copy[RAWCD_SECTOR_SIZE];
	memcpy(copy, got, sizeof(copy));
	rawcd_scramble_sectors(copy, 1);
	if (memcmp(copy, want, sizeof(copy)) == 0)
		return true;
	if (!c->main_shown) {
		/* the first difference as sent or descrambled, whichever comes later (the form that matches) */
		size_t at = 0, at2 = 0;
		while (at < RAWCD_SECTOR_SIZE && got[at] == want[at])
			at++;
		while (at2 < RAWCD_SECTOR_SIZE && copy[at2] == want[at2])
			at2++;
		at = (at > at2 ? at : at2) & ~(size_t)15;
		if (at + 16 > RAWCD_SECTOR_SIZE)
			at = RAWCD_SECTOR_SIZE - 16;
		fprintf(g->out, "recorder: main-differs region=%s lba=%d at=%zu", name, lba, at);
		show_bytes(g->out, "got", got + at, 16);
		show_bytes(g->out, "descrambled", copy + at, 16);
		show_bytes(g->out, "want", want + at, 16);
		fprintf(g->out, "\n");
		c->main_shown = true;
	}
	return false;
}

static void show_q(struct regions *g, enum region r, int32_t lba, const uint8_t *got, const uint8_t *want)
{
	fprintf(g->out, "recorder: q-differs region=%s lba=%d", names[r], lba);
	show_bytes(g->out, "got", got, RAWCD_Q_SIZE);
	show_bytes(g->out, "want", want, RAWCD_Q_SIZE);
	fprintf(g->out, "\n");
}

void regions_compare(struct regions *g, int32_t lba, const uint8_t *got, const uint8_t *want)
{
	struct rawcd_subchannels a, b;
	rawcd_subcode_from_raw96(&a, got + RAWCD_SECTOR_SIZE);
	rawcd_subcode_from_raw96(&b, want + RAWCD_SECTOR_SIZE);
	enum region r = region_of(g, lba, b.q);
	struct region_counts *c = &g->r[r];
	c->blocks++;
	c->main_diff += !main_equal(g, c, names[r], lba, got, want);
	c->p_diff += memcmp(a.p, b.p, sizeof(a.p)) != 0;
	c->rw_diff += memcmp(a.rw, b.rw, sizeof(a.rw)) != 0;
	if (memcmp(a.q, b.q, sizeof(a.q)) != 0) {
		c->q_diff++;
		if (c->q_shown < g->show) {
			c->q_shown++;
			show_q(g, r, lba, a.q, b.q);
		}
	}
}

void regions_print(struct regions *g)
{
	fprintf(g->out, "recorder: regions");
	for (int i = 0; i < REGION_COUNT; i++) {
		const struct region_counts *c = &g->r[i];
		fprintf(g->out, " %s=%llu/%llu/%llu/%llu/%llu", names[i], (unsigned long long)c->blocks,
			(unsigned long long)c->main_diff, (unsigned long long)c->p_diff,
			(unsigned long long)c->q_diff, (unsigned long long)c->rw_diff);
	}
	fprintf(g->out, "\n");
	memset(g->r, 0, sizeof(g->r));
	g->last = REGION_LEADIN;
}
