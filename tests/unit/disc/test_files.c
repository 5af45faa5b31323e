/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Input files: lengths, audio formats, padding and every way a FILE line can point at the wrong thing. */
#include <sys/stat.h>

#include "disc_fixture.h"

TestSuite(files, .init = fixture_setup, .fini = fixture_teardown);

static void expect_input_error(unsigned line, const char *words)
{
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_E_INPUT);
	cr_assert_null(d);
	const struct rawcd_diag_entry *e = find_diag(diag, RAWCD_SEV_ERROR, words);
	cr_assert_not_null(e, "no error saying \"%s\" (first: %s)", words,
			   rawcd_diag_count(diag) ? rawcd_diag_get(diag, 0)->message : "none");
	cr_assert_eq(e->line, line);
	cr_assert_str_eq(e->file, fixture_path("t.cue"));
	rawcd_diag_free(diag);
}

Test(files, missing_file)
{
	make_sheet("FILE \"nothing.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n");
	expect_input_error(1, "cannot be opened");
}

Test(files, folder)
{
	cr_assert_eq(mkdir(fixture_path("dir.bin"), 0755), 0);
	make_sheet("FILE \"dir.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n");
	expect_input_error(1, "is a folder");
}

Test(files, the_sheet_itself)
{
	make_sheet("\n\nFILE \"t.cue\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n");
	expect_input_error(3, "the sheet itself");
}

Test(files, wave_48khz)
{
	make_wav("a.wav", 44100, 48000, 2, SF_FORMAT_PCM_16);
	make_sheet("FILE \"a.wav\" WAVE\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n");
	expect_input_error(1, "48000 Hz");
}

Test(files, wave_mono_and_24_bit)
{
	make_wav("m.wav", 44100, 44100, 1, SF_FORMAT_PCM_16);
	make_sheet("FILE \"m.wav\" WAVE\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n");
	expect_input_error(1, "1 channel");
	make_wav("h.wav", 44100, 44100, 2, SF_FORMAT_PCM_24);
	make_sheet("FILE \"h.wav\" WAVE\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n");
	expect_input_error(1, "24 bit");
}

Test(files, not_audio_at_all)
{
	make_bin("x.wav", 5000);
	make_sheet("FILE \"x.wav\" WAVE\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n");
	expect_input_error(1, "libsndfile cannot read it");
}

Test(files, audio_file_for_a_data_track)
{
	make_wav("a.wav", 44100, 44100, 2, SF_FORMAT_PCM_16);
	make_sheet("FILE \"a.wav\" WAVE\n TRACK 01 MODE1/2352\n  INDEX 01 00:00:00\n");
	expect_input_error(1, "AUDIO tracks only");
}

Test(files, one_file_two_sector_sizes)
{
	make_bin("a.bin", 100000);
	make_sheet("FILE \"a.bin\" BINARY\n TRACK 01 MODE1/2048\n  INDEX 01 00:00:00\n"
		   " TRACK 02 AUDIO\n  INDEX 01 00:00:20\n");
	expect_input_error(1, "different sector sizes");
}

Test(files, partial_sectors_are_padded_with_a_warning)
{
	make_bin("a.bin", 400 * 2352L + 1000);
	make_wav("b.wav", 400 * 588 + 100, 44100, 2, SF_FORMAT_PCM_16);
	make_sheet("FILE \"a.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n"
		   "FILE \"b.wav\" WAVE\n TRACK 02 AUDIO\n  INDEX 01 00:00:00\n");
	struct rawcd_disc *d;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_OK);
	cr_assert_eq(d->files[0].sectors, 401);
	cr_assert_eq(d->files[1].sectors, 401);
	cr_assert_eq(d->files[1].bytes, (400 * 588 + 100) * 4);
	cr_assert_eq(find_diag(diag, RAWCD_SEV_WARNING, "padded with zeros")->line, 1);
	cr_assert_eq(find_diag(diag, RAWCD_SEV_WARNING, "padded with silence")->line, 4);
	cr_assert_eq(rawcd_disc_leadout_lba(d), 802);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(files, other_case_is_found_with_a_warning)
{
	make_bin("track.bin", 400 * 2352L);
	make_sheet("FILE \"TRACK.BIN\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n");
	struct rawcd_disc *d;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_OK);
	cr_assert_str_eq(d->files[0].path, fixture_path("track.bin"));
	cr_assert_eq(find_diag(diag, RAWCD_SEV_WARNING, "does not exist; using")->line, 1);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(files, windows_path_in_the_sheet)
{
	make_bin("track.bin", 400 * 2352L);
	make_sheet("FILE \"C:\\\\rips\\\\Track.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n");
	struct rawcd_disc *d;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_OK);
	cr_assert_str_eq(d->files[0].path, fixture_path("track.bin"));
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(files, sheet_errors_come_before_file_errors)
{
	make_sheet("FILE \"nothing.bin\" BINARY\n TRACK 01 AUDIO\n  INDEX 01 00:00:00\n TRACK 03 AUDIO\n");
	struct rawcd_disc *d = NULL;
	rawcd_diag *diag;
	cr_assert_eq(load(&d, &diag), RAWCD_E_SYNTAX);
	cr_assert_eq(rawcd_diag_error_count(diag), 1);
	cr_assert_eq(find_diag(diag, RAWCD_SEV_ERROR, "go up by one")->line, 4);
	rawcd_diag_free(diag);
}
