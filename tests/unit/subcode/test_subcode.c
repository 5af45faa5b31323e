/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The subcode generator on a disc loaded from a sheet: a Mode 1 track, then audio tracks with PREGAP,
 * INDEX 00/02, FLAGS DCP PRE / SCMS, ISRC and a CATALOG. Each sector is checked by a decoder written
 * here (its own BCD, CRC and 6-bit code tables) against a layout computed by hand, from the lead-in
 * start to 6750 sectors into the lead-out.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/cue.h"
#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawcd/subcode.h"

/* ---- a temporary folder with the sheet and its files ---- */

static char dir[64];

static void setup(void)
{
	strcpy(dir, "/tmp/rawcd-subcode-XXXXXX");
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

static struct rawcd_disc *load_sheet(void)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/t.cue", dir);
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = NULL;
	int rc = rawcd_cue_load(&d, path, NULL, diag);
	cr_assert_eq(rc, RAWCD_OK, "%s", rawcd_strerror(rc));
	rawcd_diag_free(diag);
	return d;
}

/* ---- the disc and its layout, by hand ---- */

#define LEADOUT 2150
#define LEADOUT_SPAN 6750
static const char mcn[] = "0123456789012";

struct expect_track {
	unsigned tno;
	int32_t pregap, start, end;
	int32_t idx2;        /* INDEX 02, or 0 */
	unsigned control;    /* CONTROL without the SCMS alternation */
	bool scms;
	const char *isrc;
};

/* audio.bin starts at LBA 750 (600 data sectors + PREGAP 150); track 3's INDEX 00/01/02 are at file
 * sectors 420/520/720, track 4's INDEX 01 at 970; the file has 1400 sectors. */
static const struct expect_track tracks[] = {
	{1, -150, 0, 600, 0, 0x4, false, NULL},
	{2, 600, 750, 1170, 0, 0x3, false, "USABC9912345"},
	{3, 1170, 1270, 1720, 1470, 0x0, true, NULL},
	{4, 1720, 1720, LEADOUT, 0, 0x0, false, "GBXYZ0100001"},
};
#define NTRACKS 4

static struct rawcd_disc *load_mixed(void)
{
	make_file("data.bin", 600L * 2048, NULL);
	make_file("audio.bin", 1400L * 2352, NULL);
	make_file("t.cue", 0,
		  "CATALOG 0123456789012\n"
		  "FILE \"data.bin\" BINARY\n"
		  "  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n"
		  "FILE \"audio.bin\" BINARY\n"
		  "  TRACK 02 AUDIO\n    FLAGS DCP PRE\n    ISRC USABC9912345\n    PREGAP 00:02:00\n"
		  "    INDEX 01 00:00:00\n"
		  "  TRACK 03 AUDIO\n    FLAGS SCMS\n    INDEX 00 00:05:45\n    INDEX 01 00:06:70\n"
		  "    INDEX 02 00:09:45\n"
		  "  TRACK 04 AUDIO\n    ISRC GBXYZ0100001\n    INDEX 01 00:12:70\n");
	struct rawcd_disc *d = load_sheet();
	cr_assert_eq(d->track_count, NTRACKS);
	cr_assert_eq(rawcd_disc_leadout_lba(d), LEADOUT);
	for (size_t i = 0; i < NTRACKS; i++) {
		cr_assert_eq(d->tracks[i].start_lba, tracks[i].start, "track %zu", i + 1);
		cr_assert_eq(d->tracks[i].end_lba, tracks[i].end, "track %zu", i + 1);
		if (i > 0)
			cr_assert_eq(d->tracks[i].pregap_lba, tracks[i].pregap, "track %zu", i + 1);
	}
	cr_assert_eq(d->tracks[2].indexes[2].lba, 1470);
	return d;
}

/* What the model says about an LBA of the program area (-150 <= lba < LEADOUT). */
struct expect {
	const struct expect_track *t;
	unsigned index;
	bool pause;
	uint32_t rel;
};

static struct expect model(int32_t lba)
{
	size_t i = NTRACKS - 1;
	while (i > 0 && tracks[i].pregap > lba)
		i--;
	const struct expect_track *t = &tracks[i];
	struct expect e = {t, 0, lba < t->start, 0};
	if (e.pause) {
		e.rel = (uint32_t)(t->start - lba);
	} else {
		e.index = t->idx2 && lba >= t->idx2 ? 2 : 1;
		e.rel = (uint32_t)(lba - t->start);
	}
	return e;
}

static bool changes(int32_t lba)
{
	if (lba == -150)
		return true;
	struct expect a = model(lba), b = model(lba - 1);
	return a.t != b.t || a.index != b.index;
}

/* An ADR 2/3 frame lands on the first sector at or after its slot ((lba + 150) % 100) where TNO and
 * INDEX do not change, within the program area. */
static bool expect_slot(int32_t lba, int slot)
{
	if (lba < -150 || lba >= LEADOUT || changes(lba))
		return false;
	for (int32_t j = lba;; j--) {
		if ((j + 150) % 100 == slot)
			return true;
		if (j - 1 < -150 || !changes(j - 1))
			return false;
	}
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

static int bcd(uint8_t b)
{
	cr_assert((b >> 4) < 10 && (b & 15) < 10, "not BCD: %02X", b);
	return (b >> 4) * 10 + (b & 15);
}

static uint32_t msf_frames(const uint8_t *p)
{
	return (uint32_t)((bcd(p[0]) * 60 + bcd(p[1])) * 75 + bcd(p[2]));
}

static char isrc_char(unsigned code)
{
	if (code <= 9)
		return (char)('0' + code);
	cr_assert(code >= 0x11 && code <= 0x2A, "bad ISRC code %02X", code);
	return (char)('A' + code - 0x11);
}

/* The 12 ISRC characters of an ADR 3 frame, from the bit string. */
static void decode_isrc(const uint8_t q[12], char out[13])
{
	uint32_t bits = (uint32_t)q[1] << 24 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 8 | q[4];
	cr_assert_eq(bits & 3u, 0u, "C1C2 must be 00");
	for (int i = 0; i < 5; i++)
		out[i] = isrc_char(bits >> (26 - 6 * i) & 0x3F);
	for (int i = 0; i < 7; i++) {
		uint8_t nib = (uint8_t)(i % 2 ? q[5 + i / 2] & 15 : q[5 + i / 2] >> 4);
		cr_assert_lt(nib, 10);
		out[5 + i] = (char)('0' + nib);
	}
	cr_assert_eq(q[8] & 15, 0);
	out[12] = '\0';
}

static void decode_mcn(const uint8_t q[12], char out[14])
{
	for (int i = 0; i < 13; i++) {
		uint8_t nib = (uint8_t)(i % 2 ? q[1 + i / 2] & 15 : q[1 + i / 2] >> 4);
		cr_assert_lt(nib, 10);
		out[i] = (char)('0' + nib);
	}
	cr_assert_eq(q[7] & 15, 0);
	cr_assert_eq(q[8], 0);
	out[13] = '\0';
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

static void get(const rawcd_subcode *sc, int32_t lba, struct rawcd_subchannels *s)
{
	int rc = rawcd_subcode_sector(sc, lba, NULL, s);
	cr_assert_eq(rc, RAWCD_OK, "LBA %d: %s", lba, rawcd_strerror(rc));
	cr_assert(q_valid(s->q), "LBA %d: bad CRC", lba);
}

TestSuite(subcode, .init = setup, .fini = teardown);

/* ---- the program area ---- */

static void check_program_sector(int32_t lba, const struct rawcd_subchannels *s, unsigned *mcn_seen,
				 unsigned *isrc_seen)
{
	const uint8_t *q = s->q;
	struct expect e = model(lba);
	unsigned control = e.t->control;
	if (e.t->scms)
		control = (lba + 150) % 8 <= 3 ? 0u : 2u;
	cr_assert_eq(q[0] >> 4, control, "LBA %d CONTROL", lba);
	cr_assert_eq(p_value(s), e.pause ? 1u : 0u, "LBA %d P", lba);
	cr_assert(rw_zero(s), "LBA %d R-W", lba);
	unsigned adr = q[0] & 15;
	bool want_mcn = expect_slot(lba, 20), want_isrc = !want_mcn && e.t->isrc && expect_slot(lba, 70);
	cr_assert_eq(adr, want_mcn ? 2u : want_isrc ? 3u : 1u, "LBA %d ADR", lba);
	if (adr == 2) {
		char got[14];
		decode_mcn(q, got);
		cr_assert_str_eq(got, mcn);
		cr_assert_eq(bcd(q[9]), (lba + 150) % 75, "LBA %d AFRAME", lba);
		(*mcn_seen)++;
		return;
	}
	if (adr == 3) {
		char got[13];
		decode_isrc(q, got);
		cr_assert_str_eq(got, e.t->isrc, "LBA %d", lba);
		cr_assert_eq(bcd(q[9]), (lba + 150) % 75, "LBA %d AFRAME", lba);
		(*isrc_seen)++;
		return;
	}
	cr_assert_eq((unsigned)bcd(q[1]), e.t->tno, "LBA %d TNO", lba);
	cr_assert_eq((unsigned)bcd(q[2]), e.index, "LBA %d INDEX", lba);
	cr_assert_eq(msf_frames(q + 3), e.rel, "LBA %d relative time", lba);
	cr_assert_eq(q[6], 0);
	cr_assert_eq(msf_frames(q + 7), (uint32_t)(lba + 150), "LBA %d absolute time", lba);
}

Test(subcode, program_area_and_pregaps)
{
	struct rawcd_disc *d = load_mixed();
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, NULL), RAWCD_OK);
	unsigned mcn_seen = 0, isrc_seen = 0;
	struct rawcd_subchannels s;
	for (int32_t lba = -150; lba < LEADOUT; lba++) {
		get(sc, lba, &s);
		check_program_sector(lba, &s, &mcn_seen, &isrc_seen);
	}
	/* 23 hundreds from -150 to 2149, each with one MCN. ISRC of track 2 at LBAs 620..1120 (6), track 4
	 * at 1721 (moved off the track change at 1720) and 1820..2120 (4). */
	cr_assert_eq(mcn_seen, 23);
	cr_assert_eq(isrc_seen, 11);
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

/* The places the rules put into words, checked by name. */
Test(subcode, landmarks)
{
	struct rawcd_disc *d = load_mixed();
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, NULL), RAWCD_OK);
	struct rawcd_subchannels s;
	/* Track 1 pregap: 00:02:00 down to 00:00:01, then INDEX 01 at 00:00:00; P until then. */
	get(sc, -150, &s);
	cr_assert(s.q[1] == 0x01 && s.q[2] == 0x00 && s.q[3] == 0x00 && s.q[4] == 0x02 && s.q[5] == 0x00);
	get(sc, -1, &s);
	cr_assert(s.q[2] == 0x00 && s.q[5] == 0x01 && p_value(&s) == 1);
	get(sc, 0, &s);
	cr_assert(s.q[0] == 0x41 && s.q[2] == 0x01 && s.q[5] == 0x00 && p_value(&s) == 0);
	/* Track 3's INDEX 00 at 1170 is an MCN slot: the MCN moves to 1171. */
	get(sc, 1170, &s);
	cr_assert(s.q[0] == 0x01 && s.q[1] == 0x03 && s.q[2] == 0x00);
	get(sc, 1171, &s);
	cr_assert_eq(s.q[0] & 15, 2);
	/* Track 4 starts at 1720, an ISRC slot: its ISRC moves to 1721. */
	get(sc, 1720, &s);
	cr_assert(s.q[1] == 0x04 && s.q[2] == 0x01);
	get(sc, 1721, &s);
	cr_assert_eq(s.q[0], 0x03);
	/* Track 2's ISRC already shows in its pregap (620), never in track 1 (20..520) or 3. */
	get(sc, 620, &s);
	cr_assert_eq(s.q[0], 0x33);
	get(sc, 520, &s);
	cr_assert_eq(s.q[0], 0x41);
	get(sc, 1320, &s);
	cr_assert_eq(s.q[0] & 15, 1);
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

/* ---- the lead-out ---- */

Test(subcode, leadout)
{
	struct rawcd_disc *d = load_mixed();
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, NULL), RAWCD_OK);
	struct rawcd_subchannels s;
	unsigned ones = 0;
	for (int32_t lba = LEADOUT; lba <= LEADOUT + LEADOUT_SPAN; lba++) {
		get(sc, lba, &s);
		uint32_t rel = (uint32_t)(lba - LEADOUT);
		cr_assert_eq(s.q[0], 0x01, "LBA %d: ADR 1, track 4's CONTROL", lba);
		cr_assert_eq(s.q[1], 0xAA);
		cr_assert_eq(s.q[2], 0x01);
		cr_assert_eq(msf_frames(s.q + 3), rel);
		cr_assert_eq(s.q[6], 0);
		cr_assert_eq(msf_frames(s.q + 7), (uint32_t)(lba + 150));
		unsigned want = rel == 0 ? 1 : rel < 150 ? 0 : (rel - 150) % 38 < 19;
		cr_assert_eq(p_value(&s), want, "lead-out frame %u", rel);
		cr_assert(rw_zero(&s));
		ones += want;
	}
	/* 6601 frames from 150 to 6750: 173 full periods of 38 and 27 frames: 173 * 19 + 19 + the frame 0. */
	cr_assert_eq(ones, 1 + 173 * 19 + 19);
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

/* ---- the lead-in ---- */

static void check_leadin(const rawcd_subcode *sc, int32_t leadin, const struct rawcd_cdtext_packs *packs);

/* libburn doc/cookbook.txt: one 8Fh pack as 24 symbols (subcode.md §1). */
static const uint8_t libburn_pack[18] = {0x8F, 0x00, 0x2A, 0x00, 0x01, 0x01, 0x03, 0x00, 0x06,
					 0x05, 0x04, 0x05, 0x07, 0x06, 0x01, 0x02, 0x48, 0x65};
static const uint8_t libburn_symbols[24] = {0x23, 0x30, 0x00, 0x2A, 0x00, 0x00, 0x04, 0x01,
					    0x00, 0x30, 0x00, 0x06, 0x01, 0x10, 0x10, 0x05,
					    0x01, 0x30, 0x18, 0x01, 0x00, 0x24, 0x21, 0x25};

Test(subcode, leadin_toc_and_cdtext)
{
	struct rawcd_disc *d = load_mixed();
	uint8_t store[5][18];
	memcpy(store[0], libburn_pack, 18);
	srand(7);
	for (size_t i = 1; i < 5; i++)
		for (size_t j = 0; j < 18; j++)
			store[i][j] = (uint8_t)rand();
	struct rawcd_cdtext_packs packs = {store, 5};
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, &packs, NULL), RAWCD_OK);
	memset(store, 0, sizeof(store)); /* the generator keeps its own copy */
	uint8_t copy[5][18];
	memcpy(copy[0], libburn_pack, 18);
	srand(7);
	for (size_t i = 1; i < 5; i++)
		for (size_t j = 0; j < 18; j++)
			copy[i][j] = (uint8_t)rand();
	struct rawcd_cdtext_packs want = {copy, 5};

	struct rawcd_subchannels s;
	get(sc, RAWCD_LEADIN_DEFAULT, &s);
	cr_assert(memcmp(s.rw, libburn_symbols, 24) == 0, "libburn's symbol vector");
	check_leadin(sc, RAWCD_LEADIN_DEFAULT, &want);
	rawcd_subcode_free(sc);

	/* Another lead-in start moves the origin of both cycles. */
	struct rawcd_subcode_options opts = RAWCD_SUBCODE_OPTIONS_INIT;
	opts.leadin_lba = -11001;
	cr_assert_eq(rawcd_subcode_new(&sc, d, &want, &opts), RAWCD_OK);
	get(sc, -11001, &s);
	cr_assert(memcmp(s.rw, libburn_symbols, 24) == 0);
	cr_assert_eq(rawcd_subcode_sector(sc, -11002, NULL, &s), RAWCD_E_ARG);
	check_leadin(sc, -11001, &want);
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

/* Symbol k of a pack: bits 6k..6k+5 of the 144-bit string, MSB first. */
static uint8_t pack_symbol(const uint8_t pack[18], size_t k)
{
	unsigned v = 0;
	for (size_t b = 6 * k; b < 6 * k + 6; b++)
		v = v << 1 | ((pack[b / 8] >> (7 - b % 8)) & 1u);
	return (uint8_t)v;
}

static void check_leadin(const rawcd_subcode *sc, int32_t leadin, const struct rawcd_cdtext_packs *packs)
{
	/* POINT, CONTROL, PMIN, PSEC, PFRAME in the order A0, A1, A2, tracks (cdrecord). A0: first track 1,
	 * data (CONTROL 4), disc type 00; A1: last track 4; A2 and tracks: their LBA + 150 as MSF. */
	static const uint8_t want[7][5] = {
		{0xA0, 0x4, 0x01, 0x00, 0x00},
		{0xA1, 0x0, 0x04, 0x00, 0x00},
		{0xA2, 0x0, 0x00, 0x30, 0x50},
		{0x01, 0x4, 0x00, 0x02, 0x00},
		{0x02, 0x3, 0x00, 0x12, 0x00},
		{0x03, 0x0, 0x00, 0x18, 0x70},
		{0x04, 0x0, 0x00, 0x24, 0x70},
	};
	struct rawcd_subchannels s;
	uint8_t prev_point = 0;
	for (int32_t lba = leadin; lba < -150; lba++) {
		get(sc, lba, &s);
		uint32_t n = (uint32_t)(lba - leadin);
		const uint8_t *it = want[n / 3 % 7];
		cr_assert_eq(s.q[0], (uint8_t)(it[1] << 4 | 1), "LBA %d", lba);
		cr_assert_eq(s.q[1], 0, "TNO 0");
		cr_assert_eq(s.q[2], it[0], "LBA %d POINT", lba);
		cr_assert_eq(msf_frames(s.q + 3), (uint32_t)(lba + 450150), "LBA %d running time", lba);
		cr_assert_eq(s.q[6], 0);
		cr_assert(s.q[7] == it[2] && s.q[8] == it[3] && s.q[9] == it[4], "LBA %d P-MSF", lba);
		cr_assert_eq(p_value(&s), 0);
		/* Each item on 3 sectors in a row, a new item every third. */
		if (n > 0)
			cr_assert_eq(s.q[2] == prev_point, n % 3 != 0, "LBA %d: POINT run", lba);
		prev_point = s.q[2];
		for (size_t k = 0; k < 4; k++) {
			const uint8_t *pack = packs->pack[(n * 4 + k) % packs->count];
			for (size_t j = 0; j < 24; j++)
				cr_assert_eq(s.rw[24 * k + j], pack_symbol(pack, j), "LBA %d pack %zu symbol %zu", lba,
					     k, j);
		}
	}
	/* The running time of the default start is 95:00:00. */
	if (leadin == RAWCD_LEADIN_DEFAULT) {
		get(sc, leadin, &s);
		cr_assert(s.q[3] == 0x95 && s.q[4] == 0x00 && s.q[5] == 0x00);
		get(sc, -151, &s);
		cr_assert(s.q[3] == 0x99 && s.q[4] == 0x59 && s.q[5] == 0x74);
	}
}

Test(subcode, leadin_without_cdtext_has_zero_rw)
{
	struct rawcd_disc *d = load_mixed();
	rawcd_subcode *sc = NULL;
	struct rawcd_cdtext_packs none = {NULL, 0};
	cr_assert_eq(rawcd_subcode_new(&sc, d, &none, NULL), RAWCD_OK);
	struct rawcd_subchannels s;
	for (int32_t lba = RAWCD_LEADIN_DEFAULT; lba < RAWCD_LEADIN_DEFAULT + 100; lba++) {
		get(sc, lba, &s);
		cr_assert(rw_zero(&s));
	}
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

/* ---- purity, CD+G, errors ---- */

Test(subcode, any_order_gives_the_same_bytes)
{
	struct rawcd_disc *d = load_mixed();
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, NULL), RAWCD_OK);
	srand(11);
	for (int i = 0; i < 2000; i++) {
		int32_t lba = RAWCD_LEADIN_DEFAULT + rand() % (LEADOUT + 6750 - RAWCD_LEADIN_DEFAULT);
		struct rawcd_subchannels a, b;
		get(sc, lba, &a);
		get(sc, lba - 1, &b);
		get(sc, lba, &b);
		cr_assert(memcmp(&a, &b, sizeof(a)) == 0, "LBA %d", lba);
	}
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

Test(subcode, cdg_rw_passes_through)
{
	make_file("k.bin", 400L * 2448, NULL);
	make_file("t.cue", 0, "FILE \"k.bin\" BINARY\n  TRACK 01 CDG\n    INDEX 01 00:00:00\n");
	struct rawcd_disc *d = load_sheet();
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, NULL), RAWCD_OK);
	uint8_t raw[96];
	for (size_t i = 0; i < 96; i++)
		raw[i] = (uint8_t)(0xC0 | (i * 7));
	struct rawcd_subchannels s;
	cr_assert_eq(rawcd_subcode_sector(sc, 100, raw, &s), RAWCD_OK);
	for (size_t i = 0; i < 96; i++)
		cr_assert_eq(s.rw[i], raw[i] & 0x3F);
	cr_assert(q_valid(s.q) && s.q[1] == 0x01 && s.q[2] == 0x01);
	cr_assert_eq(rawcd_subcode_sector(sc, 100, NULL, &s), RAWCD_OK);
	cr_assert(rw_zero(&s));
	cr_assert_eq(rawcd_subcode_sector(sc, 400, raw, &s), RAWCD_OK);
	cr_assert(rw_zero(&s), "the lead-out ignores CD+G bytes");
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

Test(subcode, audio_tracks_ignore_cdg_bytes)
{
	struct rawcd_disc *d = load_mixed();
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, NULL), RAWCD_OK);
	uint8_t raw[96];
	memset(raw, 0x3F, sizeof(raw));
	struct rawcd_subchannels s;
	cr_assert_eq(rawcd_subcode_sector(sc, 800, raw, &s), RAWCD_OK);
	cr_assert(rw_zero(&s));
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}

Test(subcode, errors)
{
	struct rawcd_disc *d = load_mixed();
	rawcd_subcode *sc = (rawcd_subcode *)&sc;
	struct rawcd_subcode_options opts = RAWCD_SUBCODE_OPTIONS_INIT;
	opts.leadin_lba = -150;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, &opts), RAWCD_E_ARG);
	opts.leadin_lba = RAWCD_LBA_MIN - 1;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, &opts), RAWCD_E_ARG);
	opts = (struct rawcd_subcode_options)RAWCD_SUBCODE_OPTIONS_INIT;
	opts.version = 99;
	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, &opts), RAWCD_E_ARG);
	cr_assert_eq(rawcd_subcode_new(&sc, NULL, NULL, NULL), RAWCD_E_ARG);

	struct rawcd_disc copy = *d;
	copy.laid_out = false;
	cr_assert_eq(rawcd_subcode_new(&sc, &copy, NULL, NULL), RAWCD_E_ARG);
	/* Two sessions that both claim every track (multisession discs: test_subcode_multisession.c). */
	struct rawcd_session two[2] = {d->sessions[0], d->sessions[0]};
	copy = *d;
	copy.sessions = two;
	copy.session_count = 2;
	cr_assert_eq(rawcd_subcode_new(&sc, &copy, NULL, NULL), RAWCD_E_ARG);
	copy = *d;
	strcpy(copy.mcn, "01234567890X1");
	cr_assert_eq(rawcd_subcode_new(&sc, &copy, NULL, NULL), RAWCD_E_ARG);
	cr_assert_eq(sc, (rawcd_subcode *)&sc, "out untouched on failure");

	cr_assert_eq(rawcd_subcode_new(&sc, d, NULL, NULL), RAWCD_OK);
	struct rawcd_subchannels s;
	cr_assert_eq(rawcd_subcode_sector(sc, RAWCD_LEADIN_DEFAULT - 1, NULL, &s), RAWCD_E_ARG);
	cr_assert_eq(rawcd_subcode_sector(sc, RAWCD_LBA_MAX + 1, NULL, &s), RAWCD_E_ARG);
	cr_assert_eq(rawcd_subcode_sector(sc, RAWCD_LBA_MAX, NULL, &s), RAWCD_OK);
	rawcd_subcode_free(sc);
	rawcd_subcode_free(NULL);
	rawcd_disc_free(d);
}

/* ---- single-session bytes pinned ---- */

static uint64_t fnv1a(uint64_t h, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001B3u;
	return h;
}

/* Every byte of P, Q and R-W (with CD-TEXT in the lead-in) from the lead-in start to 6750 sectors into
 * the lead-out, hashed (FNV-1a 64). The value was captured from the single-session generator before it
 * learnt multisession discs: a single-session disc must keep giving exactly these bytes. */
Test(subcode, single_session_bytes_unchanged)
{
	struct rawcd_disc *d = load_mixed();
	uint8_t store[5][18];
	memcpy(store[0], libburn_pack, 18);
	srand(7);
	for (size_t i = 1; i < 5; i++)
		for (size_t j = 0; j < 18; j++)
			store[i][j] = (uint8_t)rand();
	struct rawcd_cdtext_packs packs = {store, 5};
	rawcd_subcode *sc = NULL;
	cr_assert_eq(rawcd_subcode_new(&sc, d, &packs, NULL), RAWCD_OK);
	uint64_t h = 0xCBF29CE484222325u;
	struct rawcd_subchannels s;
	for (int32_t lba = RAWCD_LEADIN_DEFAULT; lba < LEADOUT + LEADOUT_SPAN; lba++) {
		get(sc, lba, &s);
		h = fnv1a(h, s.p, sizeof(s.p));
		h = fnv1a(h, s.q, sizeof(s.q));
		h = fnv1a(h, s.rw, sizeof(s.rw));
	}
	cr_assert_eq(h, UINT64_C(0x5B8105CD270E8F62), "hash %016llX", (unsigned long long)h);
	rawcd_subcode_free(sc);
	rawcd_disc_free(d);
}
