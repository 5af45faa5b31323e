/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The subcode generator on two-session discs loaded from Redump-style sheets (REM SESSION, REM LEAD-OUT,
 * REM LEAD-IN): every sector from the first lead-in to 6750 sectors into the last lead-out, checked by a
 * decoder written here (its own BCD, CRC and 8-to-6 bit split) against a layout computed by hand, and
 * the lead-in items of each session against rawcd_toc_from_disc().
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/cue.h"
#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawcd/subcode.h"
#include "rawcd/toc.h"

/* ---- a temporary folder with the sheet and its files ---- */

static char dir[64];

static void setup(void)
{
	strcpy(dir, "/tmp/rawcd-subcode-ms-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

static void make_file(const char *name, long bytes, const char *text)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	if (text)
		fputs(text, f);
	else if (bytes > 0 && (fseek(f, bytes - 1, SEEK_SET) != 0 || fputc(0, f) != 0))
		cr_assert_fail("cannot size %s", name);
	fclose(f);
}

static struct rawcd_disc *load_sheet(const char *text)
{
	make_file("t.cue", 0, text);
	char path[128];
	snprintf(path, sizeof(path), "%s/t.cue", dir);
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = NULL;
	int rc = rawcd_cue_load(&d, path, NULL, diag);
	cr_assert_eq(rc, RAWCD_OK, "%s", rawcd_strerror(rc));
	rawcd_diag_free(diag);
	return d;
}

/* ---- the disc and its layout, by hand ----
 *
 * Session 1: a.bin, 1500 audio sectors: track 1 at 0, track 2 (FLAGS DCP, an ISRC) INDEX 00 at 750 and
 * INDEX 01 at 900. Lead-out [1500, 8250) (REM LEAD-OUT 01:30:00). Session 2: lead-in [8250, 12750)
 * (REM LEAD-IN 01:00:00); track 3 MODE2/2352 from b.bin (800 sectors) with no INDEX 00 in the sheet:
 * its pregap is [12750, 12900), INDEX 01 at 12900 = 1500 + 11400; last lead-out at 13700. */
#define LEADIN1 RAWCD_LEADIN_DEFAULT
#define LEADOUT1 1500
#define LEADIN2 (LEADOUT1 + 6750)
#define PROGRAM2 (LEADIN2 + 4500)
#define START3 (PROGRAM2 + 150)
#define LEADOUT2 (START3 + 800)
#define SPAN 6750

static const char mcn[] = "0123456789012";
static const char isrc2[] = "USABC9912345";

static const char sheet[] =
	"CATALOG 0123456789012\n"
	"REM SESSION 01\n"
	"FILE \"a.bin\" BINARY\n"
	"  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
	"  TRACK 02 AUDIO\n    FLAGS DCP\n    ISRC USABC9912345\n    INDEX 00 00:10:00\n    INDEX 01 00:12:00\n"
	"REM LEAD-OUT 01:30:00\n"
	"REM SESSION 02\n"
	"REM LEAD-IN 01:00:00\n"
	"REM PREGAP 00:02:00\n"
	"FILE \"b.bin\" BINARY\n"
	"  TRACK 03 MODE2/2352\n    INDEX 01 00:00:00\n";

struct expect_track {
	unsigned tno;
	int32_t pregap, start; /* pregap: first LBA the track owns (its session's program start for a first track) */
	unsigned control;
	const char *isrc;
	int32_t program;       /* its session's first LBA after the lead-in */
};

static const struct expect_track tracks[] = {
	{1, -150, 0, 0x0, NULL, -150},
	{2, 750, 900, 0x2, isrc2, -150},
	{3, PROGRAM2, START3, 0x4, NULL, PROGRAM2},
};
#define NTRACKS 3

static struct rawcd_disc *load_two_sessions(void)
{
	make_file("a.bin", 1500L * 2352, NULL);
	make_file("b.bin", 800L * 2352, NULL);
	struct rawcd_disc *d = load_sheet(sheet);
	cr_assert_eq(d->session_count, 2);
	cr_assert_eq(d->track_count, NTRACKS);
	cr_assert_eq(d->sessions[0].leadout_lba, LEADOUT1);
	cr_assert_eq(d->sessions[0].leadout_length, 6750);
	cr_assert_eq(d->sessions[1].leadin_length, 4500);
	cr_assert_eq(d->sessions[1].leadout_lba, LEADOUT2);
	cr_assert_eq(d->tracks[1].pregap_lba, 750);
	cr_assert_eq(d->tracks[1].start_lba, 900);
	cr_assert_eq(d->tracks[2].start_lba, START3);
	cr_assert_eq(d->tracks[2].pregap_lba, START3, "no INDEX 00 in the sheet: the model has no pregap");
	return d;
}

/* ---- an independent decoder ---- */

static uint16_t crc_bitwise(const uint8_t *p, size_t n)
{
	uint16_t crc = 0;
	for (size_t i = 0; i < n; i++)
		for (int b = 7; b >= 0; b--) {
			unsigned in = (p[i] >> b) & 1u, top = crc >> 15;
			crc = (uint16_t)(crc << 1);
			if (in ^ top)
				crc ^= 0x1021;
		}
	return crc;
}

static bool q_valid(const uint8_t q[12])
{
	uint16_t want = (uint16_t)~crc_bitwise(q, 10);
	return q[10] == want >> 8 && q[11] == (want & 0xFF);
}

static unsigned bcd(uint8_t b)
{
	cr_assert((b >> 4) < 10 && (b & 15) < 10, "not BCD: %02X", b);
	return (b >> 4) * 10u + (b & 15u);
}

static uint32_t msf_frames(const uint8_t *p)
{
	return (bcd(p[0]) * 60 + bcd(p[1])) * 75 + bcd(p[2]);
}

static unsigned p_value(const struct rawcd_subchannels *s)
{
	for (size_t i = 1; i < 12; i++)
		cr_assert_eq(s->p[i], s->p[0], "all 96 P bits alike");
	cr_assert(s->p[0] == 0 || s->p[0] == 0xFF);
	return s->p[0] ? 1 : 0;
}

static bool rw_zero(const struct rawcd_subchannels *s)
{
	for (size_t i = 0; i < 96; i++)
		if (s->rw[i])
			return false;
	return true;
}

/* Symbol k of a pack: bits 6k..6k+5 of the 144-bit string, MSB first. */
static uint8_t pack_symbol(const uint8_t pack[18], size_t k)
{
	unsigned v = 0;
	for (size_t b = 6 * k; b < 6 * k + 6; b++)
		v = v << 1 | ((pack[b / 8] >> (7 - b % 8)) & 1u);
	return (uint8_t)v;
}

static void get(const rawcd_subcode *sc, int32_t lba, struct rawcd_subchannels *s)
{
	int rc = rawcd_subcode_sector(sc, lba, NULL, s);
	cr_assert_eq(rc, RAWCD_OK, "LBA %d: %s", lba, rawcd_strerror(rc));
	cr_assert(q_valid(s->q), "LBA %d: bad CRC", lba);
}

TestSuite(multisession, .init = setup, .fini = teardown);

/* ---- the program areas, by hand ---- */

struct expect {
	const struct expect_track *t;
	unsigned index;
	bool pause;
	uint32_t rel;
};

static bool in_program(int32_t lba)
{
	return (lba >= -150 && lba < LEADOUT1) || (lba >= PROGRAM2 && lba < LEADOUT2);
}

static struct expect model(int32_t lba)
{
	size_t i = NTRACKS - 1;
	while (i > 0 && tracks[i].pregap > lba)
		i--;
	const struct expect_track *t = &tracks[i];
	struct expect e = {t, lba < t->start ? 0u : 1u, lba < t->start, 0};
	e.rel = (uint32_t)(e.pause ? t->start - lba : lba - t->start);
	return e;
}

static bool changes(int32_t lba)
{
	if (lba == -150 || lba == PROGRAM2)
		return true; /* the sector before is a lead-in */
	struct expect a = model(lba), b = model(lba - 1);
	return a.t != b.t || a.index != b.index;
}

/* An ADR 2/3 frame lands on the first sector at or after its slot ((lba + 150) % 100) where TNO and
 * INDEX do not change, within one session's program area. */
static bool expect_slot(int32_t lba, int slot)
{
	if (!in_program(lba) || changes(lba))
		return false;
	int32_t program = model(lba).t->program;
	for (int32_t j = lba;; j--) {
		if ((j + 150) % 100 == slot)
			return true;
		if (j - 1 < program || !changes(j - 1))
			return false;
	}
}

static void check_program_sector(int32_t lba, const struct rawcd_subchannels *s, unsigned *mcn_seen,
				 unsigned *isrc_seen)
{
	const uint8_t *q = s->q;
	struct expect e = model(lba);
	cr_assert_eq(q[0] >> 4, e.t->control, "LBA %d CONTROL", lba);
	cr_assert_eq(p_value(s), e.pause ? 1u : 0u, "LBA %d P", lba);
	cr_assert(rw_zero(s), "LBA %d R-W", lba);
	unsigned adr = q[0] & 15;
	bool want_mcn = expect_slot(lba, 20), want_isrc = !want_mcn && e.t->isrc && expect_slot(lba, 70);
	cr_assert_eq(adr, want_mcn ? 2u : want_isrc ? 3u : 1u, "LBA %d ADR", lba);
	if (adr == 2) {
		for (int i = 0; i < 13; i++) {
			unsigned nib = i % 2 ? q[1 + i / 2] & 15u : q[1 + i / 2] >> 4;
			cr_assert_eq(nib, (unsigned)(mcn[i] - '0'), "LBA %d MCN digit %d", lba, i);
		}
		cr_assert_eq(bcd(q[9]), (unsigned)(lba + 150) % 75, "LBA %d AFRAME", lba);
		(*mcn_seen)++;
		return;
	}
	if (adr == 3) {
		/* The last digit of the ISRC, high nibble of byte 8: enough to tell the track's. */
		cr_assert_eq(q[8] >> 4, (unsigned)(e.t->isrc[11] - '0'), "LBA %d", lba);
		(*isrc_seen)++;
		return;
	}
	cr_assert_eq(bcd(q[1]), e.t->tno, "LBA %d TNO", lba);
	cr_assert_eq(bcd(q[2]), e.index, "LBA %d INDEX", lba);
	cr_assert_eq(msf_frames(q + 3), e.rel, "LBA %d relative time", lba);
	cr_assert_eq(q[6], 0);
	cr_assert_eq(msf_frames(q + 7), (uint32_t)(lba + 150), "LBA %d absolute time", lba);
}

static void check_leadout_sector(int32_t lba, const struct rawcd_subchannels *s, int32_t leadout,
				 unsigned control)
{
	uint32_t rel = (uint32_t)(lba - leadout);
	cr_assert_eq(s->q[0], (uint8_t)(control << 4 | 1), "LBA %d: ADR 1 and the session's last CONTROL", lba);
	cr_assert_eq(s->q[1], 0xAA, "LBA %d TNO", lba);
	cr_assert_eq(s->q[2], 0x01);
	cr_assert_eq(msf_frames(s->q + 3), rel, "LBA %d relative time", lba);
	cr_assert_eq(s->q[6], 0);
	cr_assert_eq(msf_frames(s->q + 7), (uint32_t)(lba + 150), "LBA %d absolute time", lba);
	unsigned want = rel == 0 ? 1 : rel < 150 ? 0 : (rel - 150) % 38 < 19;
	cr_assert_eq(p_value(s), want, "LBA %d: lead-out frame %u", lba, rel);
	cr_assert(rw_zero(s), "LBA %d R-W", lba);
}

/* ---- the lead-ins, by hand ---- */

/* One lead-in item as its Q frame carries it: CONTROL, ADR, POINT, MIN/SEC/FRAME (ADR 5 only: ADR 1
 * has the running time there), ZERO, PMIN/PSEC/PFRAME, all as the bytes on the disc. */
struct item {
	uint8_t control, adr, point, min[3], zero, p[3];
};

/* Session 1: A0 (first track 1, CD-DA 00, track 1's CONTROL 0), A1 (last track 2), A2 (lead-out 1500 =
 * 00:22:00), tracks 1 (00:02:00) and 2 (LBA 900 = 00:14:00), B0 (next program area 12750 = 02:52:00,
 * 2 pointers, outermost lead-out 79:59:74), C0 (MIN/SEC/FRAME 0, first lead-in 95:00:00). A1, A2, B0
 * and C0 take track 2's CONTROL (DCP, 2). */
static const struct item items1[] = {
	{0x0, 1, 0xA0, {0}, 0, {0x01, 0x00, 0x00}},
	{0x2, 1, 0xA1, {0}, 0, {0x02, 0x00, 0x00}},
	{0x2, 1, 0xA2, {0}, 0, {0x00, 0x22, 0x00}},
	{0x0, 1, 0x01, {0}, 0, {0x00, 0x02, 0x00}},
	{0x2, 1, 0x02, {0}, 0, {0x00, 0x14, 0x00}},
	{0x2, 5, 0xB0, {0x02, 0x52, 0x00}, 0x02, {0x79, 0x59, 0x74}},
	{0x2, 5, 0xC0, {0x00, 0x00, 0x00}, 0x00, {0x95, 0x00, 0x00}},
};

/* Session 2 (the last: no B0, and no C0): A0 (first track 3, CD-ROM XA 20h), A1 (3), A2 (13700 =
 * 03:04:50), track 3 (12900 = 02:54:00); all Mode 2 data, CONTROL 4. */
static const struct item items2[] = {
	{0x4, 1, 0xA0, {0}, 0, {0x03, 0x20, 0x00}},
	{0x4, 1, 0xA1, {0}, 0, {0x03, 0x00, 0x00}},
	{0x4, 1, 0xA2, {0}, 0, {0x03, 0x04, 0x50}},
	{0x4, 1, 0x03, {0}, 0, {0x02, 0x54, 0x00}},
};

static void check_leadin_sector(int32_t lba, const struct rawcd_subchannels *s, int32_t leadin,
				const struct item *items, size_t count, const struct rawcd_cdtext_packs *packs)
{
	uint32_t n = (uint32_t)(lba - leadin);
	const struct item *it = &items[n / 3 % count];
	cr_assert_eq(s->q[0], (uint8_t)(it->control << 4 | it->adr), "LBA %d CONTROL/ADR", lba);
	cr_assert_eq(s->q[1], 0, "LBA %d TNO 0", lba);
	cr_assert_eq(s->q[2], it->point, "LBA %d POINT %02X, expected %02X", lba, s->q[2], it->point);
	if (it->adr == 1)
		cr_assert_eq(msf_frames(s->q + 3), (uint32_t)(lba < -150 ? lba + 450150 : lba + 150),
			     "LBA %d running time", lba);
	else
		cr_assert(memcmp(s->q + 3, it->min, 3) == 0, "LBA %d MIN/SEC/FRAME of %02X", lba, it->point);
	cr_assert_eq(s->q[6], it->zero, "LBA %d ZERO", lba);
	cr_assert(memcmp(s->q + 7, it->p, 3) == 0, "LBA %d PMIN/PSEC/PFRAME %02X %02X %02X of %02X", lba,
		  s->q[7], s->q[8], s->q[9], it->point);
	cr_assert_eq(p_value(s), 0, "LBA %d P", lba);
	if (!packs) {
		cr_assert(rw_zero(s), "LBA %d: R-W zero in this lead-in", lba);
		return;
	}
	for (size_t k = 0; k < 4; k++) {
		const uint8_t *pack = packs->pack[(n * 4 + k) % packs->count];
		for (size_t j = 0; j < 24; j++)
			cr_assert_eq(s->rw[24 * k + j], pack_symbol(pack, j), "LBA %d pack %zu symbol %zu", lba, k, j);
	}
}

static struct rawcd_cdtext_packs test_packs(uint8_t store[3][18])
{
	for (size_t i = 0; i < 3; i++)
		for (size_t j = 0; j < 18; j++)
			store[i][j] = (uint8_t)(0x80 + 31 * i + 7 * j);
	return (struct rawcd_cdtext_packs){store, 3};
}

/* ---- every sector ---- */

Test(multisession, every_sector_of_two_sessions)
{
	struct rawcd_disc *d = load_two_sessions();
	uint8_t store[3][18];
	struct rawcd_cdtext_packs packs = test_packs(store);
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, &packs, NULL), RAWCD_OK);
	struct rawcd_subchannels s;
	unsigned mcn_seen = 0, isrc_seen = 0, aa1 = 0, pause2 = 0, b0 = 0, c0 = 0, b0_leadin2 = 0;
	for (int32_t lba = LEADIN1; lba <= LEADOUT2 + SPAN; lba++) {
		get(sc, lba, &s);
		if (lba < -150) {
			check_leadin_sector(lba, &s, LEADIN1, items1, 7, &packs);
			b0 += s.q[2] == 0xB0;
			c0 += s.q[2] == 0xC0;
		} else if (lba < LEADOUT1) {
			check_program_sector(lba, &s, &mcn_seen, &isrc_seen);
		} else if (lba < LEADIN2) {
			check_leadout_sector(lba, &s, LEADOUT1, 0x2);
			aa1++;
		} else if (lba < PROGRAM2) {
			check_leadin_sector(lba, &s, LEADIN2, items2, 4, NULL);
			b0_leadin2 += s.q[2] == 0xB0 || s.q[2] == 0xC0;
		} else if (lba < LEADOUT2) {
			check_program_sector(lba, &s, &mcn_seen, &isrc_seen);
			if (lba < START3 && (s.q[0] & 15) == 1) {
				cr_assert(s.q[1] == 0x03 && s.q[2] == 0x00, "LBA %d: track 3's pregap", lba);
				pause2 += p_value(&s);
			}
		} else {
			check_leadout_sector(lba, &s, LEADOUT2, 0x4);
		}
	}
	/* The lead-in of 22500 sectors is 7500 items: 1071 cycles of 7 and A0, A1, A2 again. */
	cr_assert_eq(b0, 1071 * 3);
	cr_assert_eq(c0, 1071 * 3);
	cr_assert_eq(b0_leadin2, 0, "no B0 in the last session, no C0 after the first");
	cr_assert_eq(aa1, 6750, "session 1's lead-out is its leadout_length");
	/* Track 3's pregap: 150 sectors of INDEX 00, P 1, two of them (12770, 12870) MCN frames. */
	cr_assert_eq(pause2, 148);
	/* MCN where (LBA + 150) % 100 == 20: 17 in session 1's program (from -150 to 1499), 10 in session 2's
	 * (12750 to 13699), none in a lead-in or lead-out. ISRC of track 2 at 970 - 150 .. 1570 - 150: 7. */
	cr_assert_eq(mcn_seen, 17 + 10);
	cr_assert_eq(isrc_seen, 7);
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

/* The region boundaries, by name. */
Test(multisession, landmarks)
{
	struct rawcd_disc *d = load_two_sessions();
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, NULL), RAWCD_OK);
	struct rawcd_subchannels s;
	get(sc, LEADIN2 - 1, &s); /* session 1's last lead-out sector */
	cr_assert(s.q[1] == 0xAA && s.q[3] == 0x01 && s.q[4] == 0x29 && s.q[5] == 0x74, "lead-out 01:29:74");
	get(sc, LEADIN2, &s);     /* session 2's lead-in, running time 8250 + 150 = 01:52:00, A0 */
	cr_assert(s.q[0] == 0x41 && s.q[1] == 0 && s.q[2] == 0xA0 && s.q[3] == 0x01 && s.q[4] == 0x52 &&
		  s.q[5] == 0x00 && s.q[7] == 0x03 && s.q[8] == 0x20);
	cr_assert_eq(p_value(&s), 0);
	get(sc, PROGRAM2 - 1, &s);
	cr_assert_eq(s.q[1], 0, "still the lead-in");
	get(sc, PROGRAM2, &s);    /* track 3's pregap: 00:02:00 counting down, P 1 */
	cr_assert(s.q[0] == 0x41 && s.q[1] == 0x03 && s.q[2] == 0x00 && s.q[3] == 0x00 && s.q[4] == 0x02 &&
		  s.q[5] == 0x00);
	cr_assert_eq(p_value(&s), 1);
	get(sc, START3 - 1, &s);
	cr_assert(s.q[2] == 0x00 && s.q[5] == 0x01 && p_value(&s) == 1);
	get(sc, START3, &s);
	cr_assert(s.q[1] == 0x03 && s.q[2] == 0x01 && s.q[5] == 0x00 && p_value(&s) == 0);
	get(sc, LEADOUT2, &s);
	cr_assert(s.q[0] == 0x41 && s.q[1] == 0xAA && p_value(&s) == 1);
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

/* ---- the lead-ins against READ TOC ---- */

/* Decode one lead-in item into a full-TOC descriptor (binary). ADR 1: MIN/SEC/FRAME are the running
 * time, which the TOC gives as 0; A0's PSEC is the disc type as a raw byte. ADR 5: B0's MIN/SEC/FRAME and
 * ZERO are BCD, C0's MIN/SEC/FRAME raw bytes (ATIP special information). */
static struct rawcd_toc_descriptor decode_item(const uint8_t q[12], unsigned session)
{
	struct rawcd_toc_descriptor x = {0};
	x.session = (uint8_t)session;
	x.control = q[0] >> 4;
	x.adr = q[0] & 15;
	x.tno = q[1];
	x.point = q[2] >= 0xA0 ? q[2] : (uint8_t)bcd(q[2]);
	if (x.point == 0xB0) {
		x.min = (uint8_t)bcd(q[3]);
		x.sec = (uint8_t)bcd(q[4]);
		x.frame = (uint8_t)bcd(q[5]);
	} else if (x.point == 0xC0) {
		x.min = q[3];
		x.sec = q[4];
		x.frame = q[5];
	}
	x.zero = (uint8_t)bcd(q[6]);
	x.pmin = (uint8_t)bcd(q[7]);
	x.psec = x.point == 0xA0 ? q[8] : (uint8_t)bcd(q[8]);
	x.pframe = (uint8_t)bcd(q[9]);
	return x;
}

static void check_against_toc(const rawcd_subcode *sc, const struct rawcd_toc *toc, unsigned session,
			      int32_t leadin, int32_t end)
{
	size_t count = 0;
	for (size_t i = 0; i < toc->full_count; i++)
		count += toc->full[i].session == session;
	cr_assert_gt(count, 0);
	size_t k = 0;
	for (size_t i = 0; i < toc->full_count; i++) {
		const struct rawcd_toc_descriptor *want = &toc->full[i];
		if (want->session != session)
			continue;
		/* Item k of the session's cycle, on sectors 3k..3k+2 of every cycle in the lead-in. */
		for (int32_t lba = leadin + (int32_t)(3 * k); lba < end; lba += (int32_t)(3 * count))
			for (int32_t r = 0; r < 3 && lba + r < end; r++) {
				struct rawcd_subchannels s;
				get(sc, lba + r, &s);
				struct rawcd_toc_descriptor got = decode_item(s.q, session);
				cr_assert(got.adr == want->adr && got.control == want->control && got.tno == 0 &&
						  got.point == want->point,
					  "session %u LBA %d: ADR %u CONTROL %u POINT %02X, TOC %u %u %02X", session,
					  lba + r, got.adr, got.control, got.point, want->adr, want->control, want->point);
				if (want->adr == 5)
					cr_assert(got.min == want->min && got.sec == want->sec &&
							  got.frame == want->frame,
						  "session %u POINT %02X MIN/SEC/FRAME", session, want->point);
				cr_assert(got.zero == want->zero && got.pmin == want->pmin && got.psec == want->psec &&
						  got.pframe == want->pframe,
					  "session %u LBA %d POINT %02X: %u %u:%u:%u, TOC %u %u:%u:%u", session, lba + r,
					  want->point, got.zero, got.pmin, got.psec, got.pframe, want->zero, want->pmin,
					  want->psec, want->pframe);
			}
		k++;
	}
}

Test(multisession, leadin_items_agree_with_the_toc)
{
	struct rawcd_disc *d = load_two_sessions();
	struct rawcd_toc *toc = malloc(sizeof(*toc));
	cr_assert_not_null(toc);
	cr_assert_eq(rawcd_toc_from_disc(toc, d), RAWCD_OK);
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, NULL), RAWCD_OK);
	check_against_toc(sc, toc, 1, LEADIN1, -150);
	check_against_toc(sc, toc, 2, LEADIN2, PROGRAM2);
	/* And the TOC's B0 points where session 2's program area (track 3's pregap) starts. */
	for (size_t i = 0; i < toc->full_count; i++)
		if (toc->full[i].point == 0xB0)
			cr_assert_eq((toc->full[i].min * 60 + toc->full[i].sec) * 75 + toc->full[i].frame - 150,
				     PROGRAM2);
	rawcd_subcode_free(sc);
	free(toc);
	rawcd_disc_free(d);
}

/* ---- other lengths, a pregap in the file ---- */

/* REM LEAD-OUT 01:00:00 and REM LEAD-IN 00:40:00, and session 2's first track with its INDEX 00 in the
 * file: lead-out [970, 5470), lead-in [5470, 8470), pregap [8470, 8620), INDEX 01 at 8620, last lead-out
 * at 8470 + 950 = 9420. The pregap's first sector is an MCN slot (8470 + 150 = 8620): as after the
 * first lead-in, that sector carries the position and the MCN moves to the next. */
Test(multisession, sheet_lengths_and_index0_in_the_file)
{
	make_file("a.bin", 970L * 2352, NULL);
	make_file("b.bin", 950L * 2352, NULL);
	struct rawcd_disc *d = load_sheet("CATALOG 0123456789012\n"
					  "REM SESSION 01\nFILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n"
					  "    INDEX 01 00:00:00\nREM LEAD-OUT 01:00:00\n"
					  "REM SESSION 02\nREM LEAD-IN 00:40:00\nFILE \"b.bin\" BINARY\n"
					  "  TRACK 02 MODE2/2352\n    INDEX 00 00:00:00\n    INDEX 01 00:02:00\n");
	cr_assert_eq(d->tracks[1].pregap_lba, 8470);
	cr_assert_eq(d->tracks[1].start_lba, 8620);
	cr_assert_eq(d->sessions[1].leadout_lba, 9420);
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, NULL), RAWCD_OK);
	/* Session 2: A2 9420 = 02:07:45, track 2 at 8620 = 01:56:70. */
	static const struct item two[] = {
		{0x4, 1, 0xA0, {0}, 0, {0x02, 0x20, 0x00}},
		{0x4, 1, 0xA1, {0}, 0, {0x02, 0x00, 0x00}},
		{0x4, 1, 0xA2, {0}, 0, {0x02, 0x07, 0x45}},
		{0x4, 1, 0x02, {0}, 0, {0x01, 0x56, 0x70}},
	};
	struct rawcd_subchannels s;
	unsigned mcn_seen = 0;
	for (int32_t lba = 970; lba < 9420 + 200; lba++) {
		get(sc, lba, &s);
		if (lba < 5470) {
			check_leadout_sector(lba, &s, 970, 0x0);
		} else if (lba < 8470) {
			check_leadin_sector(lba, &s, 5470, two, 4, NULL);
		} else if (lba < 9420) {
			bool pause = lba < 8620;
			cr_assert_eq(p_value(&s), pause ? 1u : 0u, "LBA %d P", lba);
			bool mcn_here = lba == 8471 || (lba != 8470 && (lba + 150) % 100 == 20);
			cr_assert_eq(s.q[0], mcn_here ? 0x42 : 0x41, "LBA %d CONTROL/ADR", lba);
			if (mcn_here) {
				mcn_seen++;
				continue;
			}
			cr_assert(s.q[1] == 0x02 && s.q[2] == (pause ? 0x00 : 0x01), "LBA %d", lba);
			cr_assert_eq(msf_frames(s.q + 3), (uint32_t)(pause ? 8620 - lba : lba - 8620), "LBA %d", lba);
		} else {
			check_leadout_sector(lba, &s, 9420, 0x4);
		}
	}
	cr_assert_eq(mcn_seen, 10, "8471, then 8570 .. 9370");
	/* Session 1's B0: the next program area, 970 + 4500 + 3000 = 8470 = 01:54:70, after A0, A1, A2, 01. */
	get(sc, RAWCD_LEADIN_DEFAULT + 3 * 4, &s);
	cr_assert(s.q[0] == 0x05 && s.q[2] == 0xB0 && s.q[3] == 0x01 && s.q[4] == 0x54 && s.q[5] == 0x70 &&
		  s.q[6] == 0x02);
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

/* ---- purity and errors ---- */

Test(multisession, any_order_gives_the_same_bytes)
{
	struct rawcd_disc *d = load_two_sessions();
	uint8_t store[3][18];
	struct rawcd_cdtext_packs packs = test_packs(store);
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, &packs, NULL), RAWCD_OK);
	srand(13);
	for (int i = 0; i < 3000; i++) {
		int32_t lba = LEADIN1 + 1 + rand() % (LEADOUT2 + SPAN - LEADIN1);
		struct rawcd_subchannels a, b;
		get(sc, lba, &a);
		get(sc, lba - 1, &b);
		get(sc, lba, &b);
		cr_assert(memcmp(&a, &b, sizeof(a)) == 0, "LBA %d", lba);
	}
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

Test(multisession, inconsistent_sessions_are_refused)
{
	struct rawcd_disc *d = load_two_sessions();
	rawcd_subcode *sc = (rawcd_subcode *)&sc;
	struct rawcd_session ses[2];
	struct rawcd_disc copy = *d;
	copy.sessions = ses;

	memcpy(ses, d->sessions, sizeof(ses));
	ses[1].leadin_length = 0;
	cr_assert_eq(rawcd_subcode_new(&sc, &copy, NULL, NULL), RAWCD_E_ARG, "no lead-in");
	memcpy(ses, d->sessions, sizeof(ses));
	ses[0].leadout_length = 0;
	cr_assert_eq(rawcd_subcode_new(&sc, &copy, NULL, NULL), RAWCD_E_ARG, "no lead-out");
	memcpy(ses, d->sessions, sizeof(ses));
	ses[1].leadin_length = 4651;
	cr_assert_eq(rawcd_subcode_new(&sc, &copy, NULL, NULL), RAWCD_E_ARG, "lead-in over INDEX 01");
	memcpy(ses, d->sessions, sizeof(ses));
	ses[1].first_track = 1;
	cr_assert_eq(rawcd_subcode_new(&sc, &copy, NULL, NULL), RAWCD_E_ARG, "sessions overlap");
	cr_assert_eq(sc, (rawcd_subcode *)&sc, "out untouched on failure");

	/* The exact fit is accepted: the lead-in may end on INDEX 01 (no pregap). */
	memcpy(ses, d->sessions, sizeof(ses));
	ses[1].leadin_length = 4650;
	cr_assert_eq(rawcd_subcode_new(&sc, &copy, NULL, NULL), RAWCD_OK);
	struct rawcd_subchannels s;
	get(sc, START3 - 1, &s);
	cr_assert_eq(s.q[1], 0, "lead-in");
	get(sc, START3, &s);
	cr_assert(s.q[1] == 0x03 && s.q[2] == 0x01);
	cr_assert_eq(rawcd_subcode_sector(sc, LEADIN1 - 1, NULL, &s), RAWCD_E_ARG);
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

/* A lead-in of 4621 sectors ends at 12870, whose (LBA + 150) % 100 is the MCN slot 20: the MCN is not
 * carried over into the program area (it waits for the next slot, 12970), although the sector after a
 * lead-in is a TNO change and the one after that is not. */
Test(multisession, a_slot_in_a_leadin_stays_there)
{
	struct rawcd_disc *d = load_two_sessions();
	struct rawcd_session ses[2];
	memcpy(ses, d->sessions, sizeof(ses));
	ses[1].leadin_length = 4621;
	struct rawcd_disc copy = *d;
	copy.sessions = ses;
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, &copy, NULL, NULL), RAWCD_OK);
	struct rawcd_subchannels s;
	get(sc, 12870, &s);
	cr_assert(s.q[1] == 0 && s.q[2] == 0xA0, "the lead-in's last sector: an item (A0), no MCN");
	for (int32_t lba = 12871; lba < 12970; lba++) {
		get(sc, lba, &s);
		cr_assert_eq(s.q[0], 0x41, "LBA %d: a position frame", lba);
		cr_assert_eq(p_value(&s), lba < START3 ? 1u : 0u, "LBA %d P", lba);
	}
	get(sc, 12970, &s);
	cr_assert_eq(s.q[0], 0x42);
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}
