/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rawcd_inspect_sector(): the class of every kind of sector, mode mismatches against each expectation, and
 * the 7 damaged sectors of the acceptance list built in memory (one byte each: user data, EDC, P parity,
 * Q parity, header MSF, sync, second subheader copy), in Mode 2 Form 1 and, where it applies, Mode 1.
 * Every damaged sector is also confirmed bad by the independent checker, so the expectations are not
 * just what our own code says.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "../../common/indep_sector.h"
#include "inspect_fixture.h"

#define LBA 1000

static struct rawcd_inspect_sector judge(const uint8_t *s, int32_t lba, enum rawcd_inspect_expect e)
{
	struct rawcd_inspect_sector v;
	cr_assert_eq(rawcd_inspect_sector(&v, s, lba, e), RAWCD_OK);
	return v;
}

static void expect_verdict(const uint8_t *s, enum rawcd_inspect_expect e, enum rawcd_inspect_class cls,
			   unsigned findings)
{
	struct rawcd_inspect_sector v = judge(s, LBA, e);
	cr_expect_eq(v.cls, cls, "class %s, want %s", rawcd_inspect_class_name(v.cls), rawcd_inspect_class_name(cls));
	cr_expect_eq(v.findings, findings, "findings 0x%x, want 0x%x", v.findings, findings);
}

Test(inspect_sector, every_clean_kind_is_classified_with_no_findings)
{
	static const struct {
		enum rawcd_sector_mode mode;
		enum rawcd_inspect_expect expect;
		enum rawcd_inspect_class cls;
	} cases[] = {
		{RAWCD_SECTOR_MODE0, RAWCD_EXPECT_MODE1, RAWCD_INSPECT_MODE0},
		{RAWCD_SECTOR_MODE0, RAWCD_EXPECT_MODE2, RAWCD_INSPECT_MODE0},
		{RAWCD_SECTOR_MODE1, RAWCD_EXPECT_MODE1, RAWCD_INSPECT_MODE1},
		{RAWCD_SECTOR_MODE2_FORM1, RAWCD_EXPECT_MODE2, RAWCD_INSPECT_FORM1},
		{RAWCD_SECTOR_MODE2_FORM2, RAWCD_EXPECT_MODE2, RAWCD_INSPECT_FORM2},
		{RAWCD_SECTOR_MODE2, RAWCD_EXPECT_MODE2, RAWCD_INSPECT_FORMLESS},
		{RAWCD_SECTOR_MODE1, RAWCD_EXPECT_DATA, RAWCD_INSPECT_MODE1},
		{RAWCD_SECTOR_MODE2_FORM2, RAWCD_EXPECT_ANY, RAWCD_INSPECT_FORM2},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint8_t s[S];
		ix_sector(s, cases[i].mode, LBA, i + 1);
		struct indep_report r;
		indep_check(&r, s, LBA);
		cr_assert(indep_all_ok(&r), "case %zu: the independent checker rejects the sector", i);
		expect_verdict(s, cases[i].expect, cases[i].cls, 0);
	}
}

Test(inspect_sector, audio_is_audio_and_a_mismatch_only_in_data_tracks)
{
	uint8_t silence[S] = {0}, noise[S], ff[S];
	ix_random(noise, S, 7);
	memset(ff, 0xFF, S);
	const uint8_t *all[] = {silence, noise, ff};
	for (size_t i = 0; i < 3; i++) {
		expect_verdict(all[i], RAWCD_EXPECT_AUDIO, RAWCD_INSPECT_AUDIO, 0);
		expect_verdict(all[i], RAWCD_EXPECT_ANY, RAWCD_INSPECT_AUDIO, 0);
		expect_verdict(all[i], RAWCD_EXPECT_MODE1, RAWCD_INSPECT_AUDIO, RAWCD_FINDING_MODE);
		expect_verdict(all[i], RAWCD_EXPECT_MODE2, RAWCD_INSPECT_AUDIO, RAWCD_FINDING_MODE);
		expect_verdict(all[i], RAWCD_EXPECT_DATA, RAWCD_INSPECT_AUDIO, RAWCD_FINDING_MODE);
	}
	/* Silence at LBA -150 decodes as header 00:00:00 mode 0 there: still not data. */
	struct rawcd_inspect_sector v = judge(silence, -150, RAWCD_EXPECT_ANY);
	cr_expect_eq(v.cls, RAWCD_INSPECT_AUDIO);
	cr_expect_eq(v.findings, 0u);
}

Test(inspect_sector, wrong_data_mode_for_the_track_is_a_mode_mismatch)
{
	uint8_t m1[S], f1[S], f2[S];
	ix_sector(m1, RAWCD_SECTOR_MODE1, LBA, 1);
	ix_sector(f1, RAWCD_SECTOR_MODE2_FORM1, LBA, 2);
	ix_sector(f2, RAWCD_SECTOR_MODE2_FORM2, LBA, 3);
	expect_verdict(m1, RAWCD_EXPECT_MODE2, RAWCD_INSPECT_MODE1, RAWCD_FINDING_MODE);
	expect_verdict(f1, RAWCD_EXPECT_MODE1, RAWCD_INSPECT_FORM1, RAWCD_FINDING_MODE);
	expect_verdict(f2, RAWCD_EXPECT_MODE1, RAWCD_INSPECT_FORM2, RAWCD_FINDING_MODE);
	/* Data in an audio track: found only with an exact sync and the sector's own header. */
	expect_verdict(m1, RAWCD_EXPECT_AUDIO, RAWCD_INSPECT_MODE1, RAWCD_FINDING_MODE);
	struct rawcd_inspect_sector v = judge(m1, LBA + 1, RAWCD_EXPECT_AUDIO);
	cr_expect_eq(v.cls, RAWCD_INSPECT_AUDIO, "a header of another LBA is not enough in an audio track");
	/* A mode byte other than 0, 1, 2 is damaged, whatever the track. */
	m1[15] = 5;
	expect_verdict(m1, RAWCD_EXPECT_ANY, RAWCD_INSPECT_DAMAGED, RAWCD_FINDING_MODE);
	expect_verdict(m1, RAWCD_EXPECT_MODE1, RAWCD_INSPECT_DAMAGED, RAWCD_FINDING_MODE);
}

/* The acceptance list: byte offset of the damage and the findings it must give. */
struct damage {
	const char *what;
	size_t offset;
	unsigned form1, mode1; /* findings in a Form 1 and in a Mode 1 sector (~0u: not applicable) */
};

static const struct damage damages[] = {
	{"user data", 500, RAWCD_FINDING_EDC | RAWCD_FINDING_ECC, RAWCD_FINDING_EDC | RAWCD_FINDING_ECC},
	{"EDC (Form 1)", RAWCD_FORM1_EDC_OFFSET + 1, RAWCD_FINDING_EDC | RAWCD_FINDING_ECC, ~0u},
	{"EDC (Mode 1)", RAWCD_MODE1_EDC_OFFSET + 2, ~0u, RAWCD_FINDING_EDC | RAWCD_FINDING_ECC},
	{"P parity", RAWCD_ECC_P_OFFSET + 17, RAWCD_FINDING_ECC, RAWCD_FINDING_ECC},
	{"Q parity", RAWCD_ECC_Q_OFFSET + 50, RAWCD_FINDING_ECC, RAWCD_FINDING_ECC},
	/* Form 1 ECC and EDC leave the header out; Mode 1's EDC and ECC cover it. */
	{"header MSF", 14, RAWCD_FINDING_HEADER, RAWCD_FINDING_HEADER | RAWCD_FINDING_EDC | RAWCD_FINDING_ECC},
	/* The sync is under Mode 1's EDC only. */
	{"sync", 3, RAWCD_FINDING_SYNC, RAWCD_FINDING_SYNC | RAWCD_FINDING_EDC},
	{"second subheader copy", 22, RAWCD_FINDING_SUBHEADER, ~0u},
	{"first subheader copy", 17, RAWCD_FINDING_SUBHEADER, ~0u},
	{"Mode 1 zero field", 2070, ~0u, RAWCD_FINDING_ZERO | RAWCD_FINDING_ECC},
};

static void damage_test(enum rawcd_sector_mode mode)
{
	bool form1 = mode == RAWCD_SECTOR_MODE2_FORM1;
	for (size_t i = 0; i < sizeof(damages) / sizeof(damages[0]); i++) {
		unsigned want = form1 ? damages[i].form1 : damages[i].mode1;
		if (want == ~0u)
			continue;
		uint8_t s[S];
		ix_sector(s, mode, LBA, 100 + i);
		s[damages[i].offset] ^= 0x01;
		struct indep_report r;
		indep_check(&r, s, LBA);
		bool subheader = damages[i].offset >= 16 && damages[i].offset < 24;
		cr_assert(subheader || !indep_all_ok(&r), "%s: the independent checker finds nothing", damages[i].what);
		struct rawcd_inspect_sector v = judge(s, LBA, form1 ? RAWCD_EXPECT_MODE2 : RAWCD_EXPECT_MODE1);
		cr_expect_eq(v.findings, want, "%s: findings 0x%x, want 0x%x", damages[i].what, v.findings, want);
		cr_expect_eq(v.cls, form1 ? RAWCD_INSPECT_FORM1 : RAWCD_INSPECT_MODE1, "%s: class %s", damages[i].what,
			     rawcd_inspect_class_name(v.cls));
	}
}

Test(inspect_sector, one_damaged_byte_in_form1_gives_exactly_its_finding)
{
	damage_test(RAWCD_SECTOR_MODE2_FORM1);
}

Test(inspect_sector, one_damaged_byte_in_mode1_gives_exactly_its_findings)
{
	damage_test(RAWCD_SECTOR_MODE1);
}

Test(inspect_sector, a_header_of_another_lba_is_a_header_finding)
{
	uint8_t s[S];
	ix_sector(s, RAWCD_SECTOR_MODE2_FORM1, LBA + 1, 9);
	expect_verdict(s, RAWCD_EXPECT_MODE2, RAWCD_INSPECT_FORM1, RAWCD_FINDING_HEADER);
}

Test(inspect_sector, form2_without_edc_is_counted_apart_not_an_error)
{
	uint8_t s[S];
	ix_sector(s, RAWCD_SECTOR_MODE2_FORM2, LBA, 4);
	memset(s + RAWCD_FORM2_EDC_OFFSET, 0, 4);
	struct rawcd_inspect_sector v = judge(s, LBA, RAWCD_EXPECT_MODE2);
	cr_expect_eq(v.cls, RAWCD_INSPECT_FORM2);
	cr_expect_eq(v.findings, 0u);
	cr_expect(v.no_edc);
	s[RAWCD_FORM2_EDC_OFFSET] = 1; /* a wrong EDC that is not zero is an error */
	v = judge(s, LBA, RAWCD_EXPECT_MODE2);
	cr_expect_eq(v.findings, RAWCD_FINDING_EDC);
	cr_expect(!v.no_edc);
	ix_sector(s, RAWCD_SECTOR_MODE2_FORM2, LBA, 4);
	s[2000] ^= 0x80; /* Form 2 has no ECC: user data damage is an EDC finding only */
	expect_verdict(s, RAWCD_EXPECT_MODE2, RAWCD_INSPECT_FORM2, RAWCD_FINDING_EDC);
	ix_sector(s, RAWCD_SECTOR_MODE2_FORM2, LBA, 4);
	s[21] ^= 0x01; /* damaged subheader copy of a Form 2 sector */
	expect_verdict(s, RAWCD_EXPECT_MODE2, RAWCD_INSPECT_FORM2, RAWCD_FINDING_SUBHEADER);
}

Test(inspect_sector, mode0_with_payload_is_a_zero_finding)
{
	uint8_t s[S];
	ix_sector(s, RAWCD_SECTOR_MODE0, LBA, 1);
	s[1000] = 1;
	expect_verdict(s, RAWCD_EXPECT_MODE1, RAWCD_INSPECT_MODE0, RAWCD_FINDING_ZERO);
}

Test(inspect_sector, bad_arguments)
{
	uint8_t s[S] = {0};
	struct rawcd_inspect_sector v;
	cr_expect_eq(rawcd_inspect_sector(NULL, s, 0, RAWCD_EXPECT_ANY), RAWCD_E_ARG);
	cr_expect_eq(rawcd_inspect_sector(&v, NULL, 0, RAWCD_EXPECT_ANY), RAWCD_E_ARG);
	cr_expect_eq(rawcd_inspect_sector(&v, s, RAWCD_LBA_MAX + 1, RAWCD_EXPECT_ANY), RAWCD_E_ARG);
	cr_expect_eq(rawcd_inspect_sector(&v, s, 0, (enum rawcd_inspect_expect)99), RAWCD_E_ARG);
}

Test(inspect_sector, names)
{
	cr_expect_str_eq(rawcd_inspect_class_name(RAWCD_INSPECT_FORM2), "form2");
	cr_expect_str_eq(rawcd_inspect_class_name((enum rawcd_inspect_class)99), "?");
	cr_expect_str_eq(rawcd_inspect_finding_name(RAWCD_FINDING_SUBHEADER), "subheader");
	cr_expect_str_eq(rawcd_inspect_finding_name(RAWCD_FINDING_MISSING), "missing");
	cr_expect_null(rawcd_inspect_finding_name(RAWCD_FINDING_EDC | RAWCD_FINDING_ECC));
	cr_expect_null(rawcd_inspect_finding_name(1u << RAWCD_FINDING_COUNT));
}
