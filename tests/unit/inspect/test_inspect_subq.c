/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rawcd_inspect_subcode(): the generator's own subcode passes everywhere (lead-in, pregaps, program,
 * lead-out), with and without the layout; a damaged CRC, a wrong TNO/INDEX/absolute time and a P that is
 * not uniform or is 0 in a pause are found; what other writers do differently (MCN/ISRC frames in other
 * sectors, another relative time, P raised around a track start) is not a finding.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "inspect_fixture.h"

#define SECTORS 1500
#define LEADIN RAWCD_LEADIN_DEFAULT

static struct rawcd_disc *disc;
static rawcd_subcode *gen;

static void setup(void)
{
	ix_setup();
	uint8_t *zeros = calloc(SECTORS, S);
	cr_assert_not_null(zeros);
	ix_write("a.bin", zeros, (size_t)SECTORS * S);
	free(zeros);
	const char *sheet = "CATALOG 1234567890128\nFILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    ISRC USRC17607839\n"
			    "    INDEX 01 00:00:00\n  TRACK 02 AUDIO\n    INDEX 00 00:10:00\n    INDEX 01 00:12:00\n";
	ix_write("t.cue", sheet, strlen(sheet));
	disc = ix_load("t.cue");
	cr_assert_eq(disc->tracks[1].pregap_lba, 750);
	cr_assert_eq(disc->tracks[1].start_lba, 900);
	cr_assert_eq(rawcd_subcode_new(&gen, disc, NULL, NULL), RAWCD_OK);
}

static void teardown(void)
{
	rawcd_subcode_free(gen);
	rawcd_disc_free(disc);
	ix_teardown();
}

TestSuite(inspect_subq, .init = setup, .fini = teardown);

static struct rawcd_subchannels ours(int32_t lba)
{
	struct rawcd_subchannels sc;
	cr_assert_eq(rawcd_subcode_sector(gen, lba, NULL, &sc), RAWCD_OK);
	return sc;
}

static struct rawcd_inspect_subq judge(const struct rawcd_subchannels *sc, int32_t lba, bool layout)
{
	struct rawcd_inspect_subq v;
	cr_assert_eq(rawcd_inspect_subcode(&v, sc, lba, layout ? gen : NULL, true), RAWCD_OK);
	return v;
}

/* The first LBA from @p from on whose frame of ours has @p adr. */
static int32_t find_adr(int32_t from, unsigned adr)
{
	for (int32_t lba = from; lba < SECTORS; lba++)
		if ((ours(lba).q[0] & 0x0F) == adr)
			return lba;
	cr_assert_fail("no frame of ADR %u", adr);
	return -1;
}

Test(inspect_subq, the_generators_subcode_passes_everywhere)
{
	for (int32_t lba = LEADIN; lba < SECTORS + RAWCD_LEADOUT_DEFAULT; lba++) {
		struct rawcd_subchannels sc = ours(lba);
		struct rawcd_inspect_subq with = judge(&sc, lba, true), without = judge(&sc, lba, false);
		cr_assert_eq(with.findings, 0u, "LBA %d against the layout: 0x%x", lba, with.findings);
		cr_assert_eq(without.findings, 0u, "LBA %d by the LBA alone: 0x%x", lba, without.findings);
		cr_assert(with.crc_ok);
	}
	struct rawcd_subchannels sc = ours(100);
	struct rawcd_inspect_subq v = judge(&sc, 100, true);
	cr_expect_eq(v.adr, 1);
	cr_expect_eq(v.tno, 1);
	cr_expect_eq(v.index, 1);
	sc = ours(800);
	v = judge(&sc, 800, true);
	cr_expect_eq(v.tno, 2);
	cr_expect_eq(v.index, 0);
	cr_expect(v.p, "P is 1 in the pregap");
	sc = ours(SECTORS + 5);
	cr_expect_eq(judge(&sc, SECTORS + 5, true).tno, 0xAA);
}

Test(inspect_subq, a_flipped_q_bit_is_a_crc_finding)
{
	for (int bit = 0; bit < 96; bit += 7) {
		struct rawcd_subchannels sc = ours(333);
		sc.q[bit / 8] ^= (uint8_t)(0x80 >> (bit % 8));
		struct rawcd_inspect_subq v = judge(&sc, 333, true);
		cr_expect_eq(v.findings, RAWCD_FINDING_SUBQ_CRC, "bit %d: 0x%x", bit, v.findings);
		cr_expect(!v.crc_ok);
	}
}

Test(inspect_subq, a_wrong_tno_index_or_absolute_time_is_a_position_finding)
{
	static const struct {
		size_t byte;
		uint8_t value;
		unsigned want;
	} cases[] = {
		{1, 0x02, RAWCD_FINDING_SUBQ_POSITION}, /* TNO 2 in track 1 */
		{2, 0x02, RAWCD_FINDING_SUBQ_POSITION}, /* INDEX 2 */
		{9, 0x33, RAWCD_FINDING_SUBQ_POSITION}, /* absolute frame */
		{7, 0x01, RAWCD_FINDING_SUBQ_POSITION}, /* absolute minute */
		{5, 0x44, 0},                           /* relative time: writers differ */
		{0, 0x21, 0},                           /* CONTROL: not judged */
	};
	int32_t lba = 301; /* (301 + 150) % 100 = 51: an ADR 1 frame of ours */
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct rawcd_subchannels sc = ours(lba);
		cr_assert_eq(sc.q[0] & 0x0F, 1);
		sc.q[cases[i].byte] = cases[i].value;
		rawcd_q_set_crc(sc.q);
		cr_expect_eq(judge(&sc, lba, true).findings, cases[i].want, "case %zu", i);
		if (cases[i].byte >= 7)
			cr_expect_eq(judge(&sc, lba, false).findings, cases[i].want, "case %zu without layout", i);
	}
}

Test(inspect_subq, mcn_and_isrc_frames_in_other_slots_are_no_error_and_are_decoded)
{
	int32_t mcn_at = find_adr(0, 2), isrc_at = find_adr(0, 3);
	struct rawcd_subchannels mcn = ours(mcn_at), isrc = ours(isrc_at);
	struct rawcd_inspect_subq v = judge(&mcn, mcn_at, true);
	cr_expect_str_eq(v.mcn, "1234567890128");
	cr_expect_eq(v.findings, 0u);
	v = judge(&isrc, isrc_at, true);
	cr_expect_str_eq(v.isrc, "USRC17607839");
	/* Another writer puts them elsewhere: moved 31 sectors on, they are still no finding... */
	cr_expect_eq(judge(&mcn, mcn_at + 31, true).findings, 0u);
	cr_expect_eq(judge(&isrc, isrc_at + 31, false).findings, 0u);
	/* ...and where ours has the MCN, theirs has a position frame. */
	struct rawcd_subchannels pos = ours(mcn_at - 1);
	struct rawcd_msf m = rawcd_lba_to_msf(mcn_at);
	pos.q[7] = rawcd_bcd_encode(m.m);
	pos.q[8] = rawcd_bcd_encode(m.s);
	pos.q[9] = rawcd_bcd_encode(m.f);
	rawcd_q_set_crc(pos.q);
	cr_expect_eq(judge(&pos, mcn_at, true).findings, 0u);
	pos.q[1] = 0x05;
	rawcd_q_set_crc(pos.q);
	cr_expect_eq(judge(&pos, mcn_at, true).findings, RAWCD_FINDING_SUBQ_POSITION);
}

Test(inspect_subq, p_must_be_uniform_and_set_in_a_pause)
{
	struct rawcd_subchannels sc = ours(100);
	sc.p[5] ^= 0x10;
	cr_expect_eq(judge(&sc, 100, true).findings, RAWCD_FINDING_SUBP);
	struct rawcd_inspect_subq v;
	cr_assert_eq(rawcd_inspect_subcode(&v, &sc, 100, gen, false), RAWCD_OK);
	cr_expect_eq(v.findings, 0u, "with only the first P bit known, uniformity is not judged");
	sc = ours(800); /* the pregap of track 2 */
	memset(sc.p, 0, sizeof(sc.p));
	cr_expect_eq(judge(&sc, 800, true).findings, RAWCD_FINDING_SUBP);
	cr_expect_eq(judge(&sc, 800, false).findings, RAWCD_FINDING_SUBP, "INDEX 00 in the frame itself");
	sc = ours(900); /* cdrdao raises P on the INDEX 01 sector: not a finding */
	memset(sc.p, 0xFF, sizeof(sc.p));
	cr_expect_eq(judge(&sc, 900, true).findings, 0u);
}

Test(inspect_subq, without_layout_the_lba_alone_is_the_reference)
{
	struct rawcd_subchannels sc = ours(-1000); /* a lead-in TOC frame: TNO 0 */
	sc.q[1] = 0x01;
	rawcd_q_set_crc(sc.q);
	cr_expect_eq(judge(&sc, -1000, false).findings, RAWCD_FINDING_SUBQ_POSITION);
	sc = ours(100);
	sc.q[1] = 0x00;
	rawcd_q_set_crc(sc.q);
	cr_expect_eq(judge(&sc, 100, false).findings, RAWCD_FINDING_SUBQ_POSITION);
	sc = ours(100);
	cr_expect_eq(judge(&sc, 101, false).findings, RAWCD_FINDING_SUBQ_POSITION, "one sector off");
}

Test(inspect_subq, bad_arguments)
{
	struct rawcd_subchannels sc = ours(0);
	struct rawcd_inspect_subq v;
	cr_expect_eq(rawcd_inspect_subcode(NULL, &sc, 0, gen, true), RAWCD_E_ARG);
	cr_expect_eq(rawcd_inspect_subcode(&v, NULL, 0, gen, true), RAWCD_E_ARG);
	cr_expect_eq(rawcd_inspect_subcode(&v, &sc, LEADIN - 1, gen, true), RAWCD_E_ARG);
	cr_expect_eq(rawcd_inspect_subcode(&v, &sc, RAWCD_LBA_MAX + 1, NULL, true), RAWCD_E_ARG);
}
