/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Layout: the LBA of every index, pregap and lead-out, for the layouts real sheets use. */
#include "disc_fixture.h"

#define S 2352L

static void assert_extent(const struct rawcd_disc *d, size_t i, int32_t lba, uint32_t sectors, size_t file,
			  uint32_t offset)
{
	cr_assert_lt(i, d->extent_count);
	const struct rawcd_extent *e = &d->extents[i];
	cr_assert(e->lba == lba && e->sectors == sectors && e->file == file && e->offset == offset,
		  "extent %zu is {%d, %u, %zu, %u}, expected {%d, %u, %zu, %u}", i, e->lba, e->sectors, e->file,
		  e->offset, lba, sectors, file, offset);
}

TestSuite(layout, .init = fixture_setup, .fini = fixture_teardown);

Test(layout, one_bin_with_index0_pregaps)
{
	make_bin("a.bin", 3000 * S);
	make_sheet("FILE \"a.bin\" BINARY\n"
		   " TRACK 01 AUDIO\n  INDEX 01 00:00:00\n"
		   " TRACK 02 AUDIO\n  INDEX 00 00:10:00\n  INDEX 01 00:12:00\n  INDEX 02 00:20:00\n"
		   " TRACK 03 AUDIO\n  INDEX 01 00:30:00\n");
	struct rawcd_disc *d;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_OK);
	cr_assert_eq(d->tracks[0].start_lba, 0);
	cr_assert_eq(d->tracks[0].end_lba, 750);
	cr_assert_eq(d->tracks[0].length, 900, "length runs to the next INDEX 01, as READ TOC implies");
	cr_assert_eq(d->tracks[1].pregap_lba, 750);
	cr_assert_eq(d->tracks[1].start_lba, 900);
	cr_assert_eq(d->tracks[1].indexes[2].lba, 1500);
	cr_assert_eq(d->tracks[2].start_lba, 2250);
	cr_assert_eq(d->tracks[2].length, 750);
	cr_assert_eq(rawcd_disc_leadout_lba(d), 3000);
	cr_assert_eq(d->last_used_user_sector, 2999);
	cr_assert(d->laid_out);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(layout, generated_pregap_and_postgap_shift_what_follows)
{
	make_bin("a.bin", 2000 * S);
	make_sheet("FILE \"a.bin\" BINARY\n"
		   " TRACK 01 AUDIO\n  INDEX 01 00:00:00\n  POSTGAP 00:01:00\n"
		   " TRACK 02 AUDIO\n  PREGAP 00:02:00\n  INDEX 01 00:10:00\n");
	struct rawcd_disc *d;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_OK);
	cr_assert_eq(d->tracks[0].end_lba, 750 + 75, "the POSTGAP belongs to track 1");
	cr_assert_eq(d->tracks[1].pregap_lba, 825);
	cr_assert_eq(d->tracks[1].start_lba, 975);
	cr_assert_eq(rawcd_disc_leadout_lba(d), 2000 + 75 + 150);
	cr_assert_eq(d->extent_count, 3);
	assert_extent(d, 0, 0, 750, 0, 0);
	assert_extent(d, 1, 750, 225, RAWCD_NO_FILE, 0);
	assert_extent(d, 2, 975, 1250, 0, 750);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(layout, one_file_per_track_with_index0_in_the_previous_file)
{
	/* EAC "non-compliant": track 2's INDEX 00 lies at the end of 1.wav. */
	make_wav("1.wav", 600 * 588, 44100, 2, SF_FORMAT_PCM_16);
	make_wav("2.wav", 500 * 588, 44100, 2, SF_FORMAT_PCM_16);
	make_sheet("FILE \"1.wav\" WAVE\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n"
		   " TRACK 02 AUDIO\n  INDEX 00 00:06:00\n"
		   "FILE \"2.wav\" WAVE\n  INDEX 01 00:00:00\n");
	struct rawcd_disc *d;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_OK);
	cr_assert_eq(d->tracks[1].pregap_lba, 450);
	cr_assert_eq(d->tracks[1].start_lba, 600);
	cr_assert_eq(d->tracks[0].length, 600);
	cr_assert_eq(rawcd_disc_leadout_lba(d), 1100);
	cr_assert_eq(d->extent_count, 2);
	assert_extent(d, 0, 0, 600, 0, 0);
	assert_extent(d, 1, 600, 500, 1, 0);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(layout, hidden_track_one_audio)
{
	make_bin("a.bin", 1000 * S);
	make_sheet("FILE \"a.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 00 00:00:00\n  INDEX 01 00:04:00\n");
	struct rawcd_disc *d;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_OK);
	cr_assert_eq(d->tracks[0].pregap_lba, 0);
	cr_assert_eq(d->tracks[0].start_lba, 300);
	cr_assert_eq(d->tracks[0].length, 700);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(layout, redump_multisession_gap)
{
	make_bin("a.bin", 1000 * S);
	make_bin("b.bin", 800 * S);
	make_sheet("REM SESSION 01\nFILE \"a.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n"
		   "REM LEAD-OUT 01:30:00\nREM SESSION 02\nREM LEAD-IN 01:00:00\nREM PREGAP 00:02:00\n"
		   "FILE \"b.bin\" BINARY\n TRACK 02 MODE1/2352\n  INDEX 01 00:00:00\n");
	struct rawcd_disc *d;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_OK);
	cr_assert_eq(d->sessions[0].leadout_lba, 1000);
	cr_assert_eq(d->tracks[1].start_lba, 1000 + 11400, "6750 lead-out + 4500 lead-in + 150 pregap");
	cr_assert_eq(d->tracks[0].length, 1000, "a session's last track runs to its own lead-out");
	cr_assert_eq(d->sessions[1].leadout_lba, 12400 + 800);
	cr_assert_eq(d->extent_count, 2, "the gap between sessions is in no extent");
	assert_extent(d, 0, 0, 1000, 0, 0);
	assert_extent(d, 1, 12400, 800, 1, 0);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(layout, multisession_pregap_in_the_file)
{
	make_bin("a.bin", 1000 * S);
	make_bin("b.bin", 950 * S);
	make_sheet("REM SESSION 01\nFILE \"a.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n"
		   "REM SESSION 02\nFILE \"b.bin\" BINARY\n TRACK 02 MODE2/2352\n  INDEX 00 00:00:00\n"
		   "  INDEX 01 00:02:00\n");
	struct rawcd_disc *d;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_OK);
	cr_assert_eq(d->tracks[1].start_lba, 12400);
	cr_assert_eq(d->tracks[1].pregap_lba, 12250);
	cr_assert_eq(d->sessions[1].leadout_lba, 12250 + 950);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(layout, index_beyond_the_file_is_an_error)
{
	make_bin("a.bin", 100 * S);
	make_sheet("FILE \"a.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n"
		   " TRACK 02 AUDIO\n  INDEX 01 00:02:00\n");
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_E_LAYOUT);
	cr_assert_null(d);
	const struct rawcd_diag_entry *e = find_diag(diag, RAWCD_SEV_ERROR, "beyond the end");
	cr_assert_not_null(e);
	cr_assert_eq(e->line, 5);
	rawcd_diag_free(diag);
}

Test(layout, capacity)
{
	make_bin("a.bin", 1000 * S);
	make_sheet("FILE \"a.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n");
	struct rawcd_disc *d = NULL;
	struct rawcd_layout_options small = RAWCD_LAYOUT_OPTIONS_INIT;
	small.capacity_lba = 999;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_cue_load(&d, fixture_path("t.cue"), &small, diag), RAWCD_E_LAYOUT);
	cr_assert_not_null(find_diag(diag, RAWCD_SEV_ERROR, "capacity"));
	small.capacity_lba = 1000;
	rawcd_diag_clear(diag);
	cr_assert_eq(rawcd_cue_load(&d, fixture_path("t.cue"), &small, diag), RAWCD_OK);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(layout, short_tracks_and_missing_data_pregap_are_warned)
{
	make_bin("a.bin", 1000 * S);
	make_bin("d.bin", 400 * 2048L);
	make_sheet("FILE \"a.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n"
		   " TRACK 02 AUDIO\n  INDEX 01 00:10:00\n"
		   "FILE \"d.bin\" BINARY\n TRACK 03 MODE1/2048\n  INDEX 01 00:00:00\n");
	struct rawcd_disc *d;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_OK);
	const struct rawcd_diag_entry *e = find_diag(diag, RAWCD_SEV_WARNING, "under the 4 seconds");
	cr_assert_not_null(e);
	cr_assert_eq(e->line, 4, "track 02 is 250 sectors");
	e = find_diag(diag, RAWCD_SEV_WARNING, "PREGAP 00:02:00");
	cr_assert_not_null(e);
	cr_assert_eq(e->line, 7);
	cr_assert_eq(d->tracks[2].start_lba, 1000);
	cr_assert_eq(rawcd_disc_leadout_lba(d), 1400, "MODE1/2048 files count 2048 bytes a sector");
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}
