/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Sheets and images from libcdio's test suite (../shared/testdata), with the values cd-info reports. */
#include <criterion/criterion.h>
#include <string.h>

#include "rawcd/cue.h"
#include "rawcd/error.h"

#define LIBCDIO SHARED_TESTDATA "/libcdio_libcdio/test/data/"

static struct rawcd_disc *load_ok(const char *path, rawcd_diag *diag)
{
	struct rawcd_disc *d = NULL;
	int rc = rawcd_cue_load(&d, path, NULL, diag);
	cr_assert_eq(rc, RAWCD_OK, "%s: %s", path, rawcd_diag_count(diag) ? rawcd_diag_get(diag, 0)->message : "");
	return d;
}

Test(real_sheets, isofs_m1)
{
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = load_ok(LIBCDIO "isofs-m1.cue", diag);
	cr_assert_eq(d->track_count, 1);
	cr_assert_eq(d->tracks[0].mode, RAWCD_MODE_MODE1_2352);
	cr_assert_eq(d->tracks[0].start_lba, 0);
	cr_assert_eq(rawcd_disc_leadout_lba(d), 302);
	cr_assert_str_eq(d->mcn, "0000012101954");
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(real_sheets, cdda_says_CDDA_BIN_for_cdda_bin)
{
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = load_ok(LIBCDIO "cdda.cue", diag);
	cr_assert_str_eq(d->mcn, "0000010271955");
	cr_assert_eq(rawcd_disc_leadout_lba(d), 302);
	cr_assert_str_eq(d->cdtext.item[RAWCD_CDTEXT_TITLE], "Join us now we have the software");
	cr_assert_str_eq(d->tracks[0].cdtext.item[RAWCD_CDTEXT_PERFORMER], "Richard S");
	cr_assert_eq(d->tracks[0].flags, RAWCD_FLAG_DCP);
	bool case_warning = false;
	for (size_t i = 0; i < rawcd_diag_count(diag); i++)
		case_warning |= strstr(rawcd_diag_get(diag, i)->message, "\"CDDA.BIN\" does not exist") != NULL;
	cr_assert(case_warning);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(real_sheets, cdda_4_5_starts_at_track_4)
{
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = load_ok(LIBCDIO "cdda_4_5.cue", diag);
	cr_assert_eq(rawcd_disc_first_track(d), 4);
	cr_assert_eq(rawcd_disc_last_track(d), 5);
	cr_assert_eq(d->tracks[1].start_lba, 150);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}
