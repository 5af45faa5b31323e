/* SPDX-License-Identifier: GPL-2.0-or-later */
/* MSF, LBA and BCD: the lead-in wrap at 90:00:00 (MMC-6 §4.2.3.4) and the CUE time syntax. */
#include <criterion/criterion.h>

#include "rawcd/msf.h"

static struct rawcd_msf msf(uint8_t m, uint8_t s, uint8_t f)
{
	return (struct rawcd_msf){m, s, f};
}

Test(msf, lba_of_program_area_msf)
{
	cr_assert_eq(rawcd_msf_to_lba(msf(0, 2, 0)), 0);
	cr_assert_eq(rawcd_msf_to_lba(msf(0, 0, 0)), -150);
	cr_assert_eq(rawcd_msf_to_lba(msf(0, 6, 2)), 302);
	cr_assert_eq(rawcd_msf_to_lba(msf(79, 59, 74)), 359849);
	cr_assert_eq(rawcd_msf_to_lba(msf(89, 59, 74)), 404849);
}

Test(msf, lead_in_wraps_at_90_minutes)
{
	cr_assert_eq(rawcd_msf_to_lba(msf(90, 0, 0)), -45150);
	cr_assert_eq(rawcd_msf_to_lba(msf(95, 0, 0)), -22650);
	cr_assert_eq(rawcd_msf_to_lba(msf(97, 27, 0)), -11625);
	cr_assert_eq(rawcd_msf_to_lba(msf(99, 59, 74)), -151);
}

Test(msf, msf_of_lba_round_trips)
{
	for (int32_t lba = RAWCD_LBA_MIN; lba <= RAWCD_LBA_MAX; lba += 7) {
		struct rawcd_msf m = rawcd_lba_to_msf(lba);
		cr_assert_lt(m.s, 60);
		cr_assert_lt(m.f, 75);
		cr_assert_eq(rawcd_msf_to_lba(m), lba, "LBA %d", lba);
	}
	struct rawcd_msf m = rawcd_lba_to_msf(-22650);
	cr_assert(m.m == 95 && m.s == 0 && m.f == 0);
	m = rawcd_lba_to_msf(-151);
	cr_assert(m.m == 99 && m.s == 59 && m.f == 74);
	m = rawcd_lba_to_msf(-150);
	cr_assert(m.m == 0 && m.s == 0 && m.f == 0);
}

Test(msf, bcd)
{
	cr_assert_eq(rawcd_bcd_encode(0), 0x00);
	cr_assert_eq(rawcd_bcd_encode(59), 0x59);
	cr_assert_eq(rawcd_bcd_encode(99), 0x99);
	cr_assert_eq(rawcd_bcd_encode(100), 0xFF);
	for (int v = 0; v < 100; v++)
		cr_assert_eq(rawcd_bcd_decode(rawcd_bcd_encode((uint8_t)v)), v);
	cr_assert_eq(rawcd_bcd_decode(0x0A), -1);
	cr_assert_eq(rawcd_bcd_decode(0xA0), -1);
	cr_assert_eq(rawcd_bcd_decode(0xAA), -1);
}

Test(msf, cue_time_syntax)
{
	uint32_t f = 0;
	cr_assert(rawcd_msf_parse("00:00:00", &f) && f == 0);
	cr_assert(rawcd_msf_parse("02:10:15", &f) && f == (2 * 60 + 10) * 75 + 15);
	cr_assert(rawcd_msf_parse("0:0:0", &f) && f == 0, "real sheets write single digits");
	cr_assert(rawcd_msf_parse("100:00:00", &f) && f == 100 * 60 * 75);
	cr_assert_not(rawcd_msf_parse("00:99:00", &f), "seconds >= 60 (libcue accepts it)");
	cr_assert_not(rawcd_msf_parse("00:00:75", &f), "frames >= 75");
	cr_assert_not(rawcd_msf_parse("00:00.00", &f));
	cr_assert_not(rawcd_msf_parse("588", &f));
	cr_assert_not(rawcd_msf_parse("00:00:00x", &f));
	cr_assert_not(rawcd_msf_parse("", &f));
	cr_assert_not(rawcd_msf_parse("1234:00:00", &f));
}

Test(msf, format)
{
	char buf[10];
	cr_assert_str_eq(rawcd_msf_format(0, buf), "00:00:00");
	cr_assert_str_eq(rawcd_msf_format(452, buf), "00:06:02");
	cr_assert_str_eq(rawcd_msf_format(100 * 60 * 75 + 74, buf), "100:00:74");
}
