/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rawcd_image_write() for BIN + CUE (src/image/sink_bin.c, outfile.c, pipeline.c): what it writes, what
 * it refuses and what it leaves behind when it fails (nothing: no output, no ".NAME.rawcd-*" file).
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rawcd/image.h"

#include "image_fixture.h"

TestSuite(sink_bin, .init = fx_setup, .fini = fx_teardown);

static uint8_t *random_file(const char *name, size_t bytes, uint64_t seed)
{
	uint8_t *p = malloc(bytes);
	cr_assert_not_null(p);
	fx_random(p, bytes, seed);
	fx_write(name, p, bytes);
	return p;
}

/* An audio disc of @p sectors from a.bin, loaded. */
static struct rawcd_disc *audio_disc(size_t sectors, rawcd_diag **diag)
{
	free(random_file("a.bin", sectors * S, 21));
	fx_sheet("FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
	return fx_load(diag);
}

/* The file holds exactly @p text. */
static void expect_content(const char *name, const char *text)
{
	size_t n;
	uint8_t *p = fx_read(fx_path(name), &n);
	cr_assert_eq(n, strlen(text), "%s changed size", name);
	cr_assert_arr_eq(p, text, n, "%s changed", name);
	free(p);
}

/* Only the inputs (t.cue, a.bin) and @p extra (or NULL) are in the folder: no temporary file either. */
static void expect_only_inputs(const char *extra)
{
	cr_assert_eq(fx_temp_files(), 0, "a temporary file was left behind");
	cr_assert(fx_exists("t.cue") && fx_exists("a.bin"));
	cr_assert(!extra || fx_exists(extra));
	cr_assert_eq(fx_file_count(), 2 + (extra != NULL), "the folder holds other files than the inputs%s",
		     extra ? " and one more" : "");
}

static const struct rawcd_diag_entry *first_error(const rawcd_diag *diag)
{
	for (size_t i = 0; i < rawcd_diag_count(diag); i++)
		if (rawcd_diag_get(diag, i)->severity == RAWCD_SEV_ERROR)
			return rawcd_diag_get(diag, i);
	return NULL;
}

/* ---- What it writes ---- */

struct progress {
	uint64_t calls, last_done, total;
	volatile sig_atomic_t *cancel_at_second;
};

static void on_progress(void *user, uint64_t done, uint64_t total)
{
	struct progress *p = user;
	cr_assert_geq(done, p->last_done, "progress goes forward");
	p->calls++;
	p->last_done = done;
	p->total = total;
	if (p->cancel_at_second && p->calls == 2)
		*p->cancel_at_second = 1;
}

Test(sink_bin, writes_the_stream_and_its_sheet)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(3000, &diag);
	size_t n;
	uint8_t *stream = fx_stream_all(d, NULL, 500, diag, &n, NULL);
	struct progress pr = {0};
	struct rawcd_image_options opts = RAWCD_IMAGE_OPTIONS_INIT;
	opts.progress = on_progress;
	opts.progress_user = &pr;
	cr_assert_eq(rawcd_image_write(d, fx_path("out"), &opts, diag), RAWCD_OK, "no extension: out + out.cue");
	size_t size;
	uint8_t *bin = fx_read(fx_path("out"), &size);
	cr_assert_eq(size, n * S);
	cr_assert_arr_eq(bin, stream, size);
	expect_content("out.cue", "FILE \"out\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
	cr_assert_geq(pr.calls, 1);
	cr_assert_eq(pr.last_done, 3000);
	cr_assert_eq(pr.total, 3000);
	struct stat st;
	cr_assert_eq(stat(fx_path("out"), &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0644);
	cr_assert_eq(fx_temp_files(), 0);
	free(bin);
	free(stream);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* ---- What it refuses ---- */

Test(sink_bin, an_existing_output_needs_force)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(300, &diag);
	fx_write("out.bin", "hello", 5);
	struct rawcd_image_options opts = RAWCD_IMAGE_OPTIONS_INIT;
	cr_assert_eq(rawcd_image_write(d, fx_path("out.bin"), &opts, diag), RAWCD_E_ARG);
	const struct rawcd_diag_entry *e = first_error(diag);
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e->message, "--force"), "%s", e->message);
	expect_content("out.bin", "hello");
	cr_assert_not(fx_exists("out.cue"));
	expect_only_inputs("out.bin");

	/* The sheet alone existing is enough to refuse, and the BIN is not written either. */
	cr_assert_eq(remove(fx_path("out.bin")), 0);
	fx_write("out.cue", "REM mine\n", 9);
	cr_assert_eq(rawcd_image_write(d, fx_path("out.bin"), &opts, diag), RAWCD_E_ARG);
	expect_content("out.cue", "REM mine\n");
	cr_assert_not(fx_exists("out.bin"));
	expect_only_inputs("out.cue");

	opts.force = true;
	cr_assert_eq(rawcd_image_write(d, fx_path("out.bin"), &opts, diag), RAWCD_OK);
	struct stat st;
	cr_assert_eq(stat(fx_path("out.bin"), &st), 0);
	cr_assert_eq(st.st_size, 300 * S);
	expect_content("out.cue", "FILE \"out.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
	cr_assert_eq(fx_temp_files(), 0);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(sink_bin, an_input_is_never_an_output)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(300, &diag);
	size_t size;
	uint8_t *a = fx_read(fx_path("a.bin"), &size);
	struct rawcd_image_options opts = RAWCD_IMAGE_OPTIONS_INIT;
	opts.force = true;
	/* The input BIN itself. */
	cr_assert_eq(rawcd_image_write(d, fx_path("a.bin"), &opts, diag), RAWCD_E_ARG);
	const struct rawcd_diag_entry *e = first_error(diag);
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e->message, "input"), "%s", e->message);
	uint8_t *again = fx_read(fx_path("a.bin"), &size);
	cr_assert_arr_eq(again, a, size);
	free(again);
	cr_assert_not(fx_exists("a.cue"));
	/* t.bin would put its sheet over the input sheet t.cue. */
	cr_assert_eq(rawcd_image_write(d, fx_path("t.bin"), &opts, diag), RAWCD_E_ARG);
	expect_content("t.cue", "FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
	cr_assert_not(fx_exists("t.bin"));
	/* The same file under another name. */
	cr_assert_eq(link(fx_path("a.bin"), fx_path("hard.bin")), 0);
	cr_assert_eq(rawcd_image_write(d, fx_path("hard.bin"), &opts, diag), RAWCD_E_ARG);
	again = fx_read(fx_path("a.bin"), &size);
	cr_assert_arr_eq(again, a, size);
	free(again);
	cr_assert_eq(remove(fx_path("hard.bin")), 0);
	expect_only_inputs(NULL);
	free(a);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(sink_bin, bad_output_names)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(300, &diag);
	cr_assert_eq(rawcd_image_write(d, fx_path("x.cue"), NULL, diag), RAWCD_E_ARG, "-o names the image");
	const struct rawcd_diag_entry *e = first_error(diag);
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e->message, "x.cue"), "%s", e->message);
	cr_assert_eq(rawcd_image_write(d, fx_path("sub/"), NULL, diag), RAWCD_E_ARG);
	cr_assert_eq(rawcd_image_write(d, "", NULL, diag), RAWCD_E_ARG);
	cr_assert_eq(rawcd_image_write(d, NULL, NULL, diag), RAWCD_E_ARG);
	cr_assert_eq(mkdir(fx_path("folder"), 0755), 0);
	cr_assert_eq(rawcd_image_write(d, fx_path("folder"), NULL, diag), RAWCD_E_ARG, "a folder is no image");
	cr_assert_eq(remove(fx_path("folder")), 0);
	/* A missing folder. */
	rawcd_diag_clear(diag);
	cr_assert_eq(rawcd_image_write(d, fx_path("nowhere/x.bin"), NULL, diag), RAWCD_E_ARG);
	e = first_error(diag);
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e->message, "does not exist"), "%s", e->message);
	cr_assert_not(fx_exists("nowhere"));
	/* Other options versions and formats are refused. */
	struct rawcd_image_options opts = RAWCD_IMAGE_OPTIONS_INIT;
	opts.version = 0;
	cr_assert_eq(rawcd_image_write(d, fx_path("v.bin"), &opts, diag), RAWCD_E_ARG);
	expect_only_inputs(NULL);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* ".CUE" is the same extension: a BIN named x.CUE would be read as a sheet by every tool, and its sheet
 * (x.cue) would replace it on a case-insensitive file system (exFAT, NTFS, macOS). */
Test(sink_bin, an_upper_case_cue_extension_is_refused_too)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(300, &diag);
	cr_assert_eq(rawcd_image_write(d, fx_path("x.CUE"), NULL, diag), RAWCD_E_ARG);
	cr_assert_eq(rawcd_image_write(d, fx_path("y.Cue"), NULL, diag), RAWCD_E_ARG);
	expect_only_inputs(NULL);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* The sessions' sectors back to back in the BIN, Redump's REM lines in the sheet (cue_write.c); the sheet
 * reads back as the same layout, and converting it again gives the same bytes. */
Test(sink_bin, multisession_stores_the_sessions_back_to_back)
{
	uint8_t *a = random_file("a.bin", 300 * (size_t)S, 22);
	uint8_t *b = random_file("b.bin", 300 * (size_t)S, 23);
	fx_sheet("REM SESSION 01\nFILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
		 "REM LEAD-OUT 01:30:00\nREM SESSION 02\nREM LEAD-IN 01:00:00\n"
		 "FILE \"b.bin\" BINARY\n  TRACK 02 AUDIO\n    INDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	cr_assert_eq(d->session_count, 2);
	cr_assert_eq(d->tracks[1].start_lba, 300 + RAWCD_SESSION_GAP);
	cr_assert_eq(rawcd_image_write(d, fx_path("out.bin"), NULL, diag), RAWCD_OK);
	size_t n;
	uint8_t *got = fx_read(fx_path("out.bin"), &n);
	cr_assert_eq(n, 600 * (size_t)S, "the 11,400 sectors between the sessions are not stored");
	cr_assert_arr_eq(got, a, 300 * (size_t)S);
	cr_assert_arr_eq(got + 300 * (size_t)S, b, 300 * (size_t)S);
	expect_content("out.cue", "REM SESSION 01\nFILE \"out.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
		       "REM LEAD-OUT 01:30:00\nREM SESSION 02\nREM LEAD-IN 01:00:00\nREM PREGAP 00:02:00\n"
		       "  TRACK 02 AUDIO\n    INDEX 01 00:04:00\n");
	rawcd_diag *diag2 = rawcd_diag_new();
	struct rawcd_disc *back = NULL;
	cr_assert_eq(rawcd_cue_load(&back, fx_path("out.cue"), NULL, diag2), RAWCD_OK);
	cr_assert_eq(back->session_count, 2);
	cr_expect_eq(back->sessions[0].leadout_lba, 300);
	cr_expect_eq(back->tracks[1].start_lba, d->tracks[1].start_lba);
	cr_expect_eq(back->sessions[1].leadout_lba, d->sessions[1].leadout_lba);
	cr_assert_eq(rawcd_image_write(back, fx_path("again.bin"), NULL, diag2), RAWCD_OK);
	size_t n2;
	uint8_t *again = fx_read(fx_path("again.bin"), &n2);
	cr_assert_eq(n2, n);
	cr_assert_arr_eq(again, got, n);
	free(again);
	free(got);
	free(a);
	free(b);
	rawcd_disc_free(back);
	rawcd_diag_free(diag2);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* ---- Failures after the temporary files exist ---- */

Test(sink_bin, canceled_before_the_call_leaves_nothing)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(2000, &diag);
	volatile sig_atomic_t cancel = 1;
	struct rawcd_image_options opts = RAWCD_IMAGE_OPTIONS_INIT;
	opts.cancel = &cancel;
	cr_assert_eq(rawcd_image_write(d, fx_path("out.bin"), &opts, diag), RAWCD_E_CANCELED);
	expect_only_inputs(NULL);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(sink_bin, canceled_midway_leaves_nothing_and_keeps_an_old_output)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(6000, &diag); /* several 512-sector slots */
	fx_write("out.bin", "old", 3);
	volatile sig_atomic_t cancel = 0;
	struct progress pr = {.cancel_at_second = &cancel};
	struct rawcd_image_options opts = RAWCD_IMAGE_OPTIONS_INIT;
	opts.force = true;
	opts.cancel = &cancel;
	opts.progress = on_progress;
	opts.progress_user = &pr;
	cr_assert_eq(rawcd_image_write(d, fx_path("out.bin"), &opts, diag), RAWCD_E_CANCELED);
	cr_assert_lt(pr.last_done, 6000, "it stopped before the end");
	expect_content("out.bin", "old");
	cr_assert_not(fx_exists("out.cue"));
	expect_only_inputs("out.bin");
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(sink_bin, a_name_the_sheet_cannot_hold_fails_after_streaming_and_leaves_nothing)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(1200, &diag);
	cr_assert_eq(rawcd_image_write(d, fx_path("a\"b.bin"), NULL, diag), RAWCD_E_ARG);
	const struct rawcd_diag_entry *e = first_error(diag);
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e->message, "double quote"), "%s", e->message);
	expect_only_inputs(NULL);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(sink_bin, a_write_error_leaves_nothing)
{
	rawcd_diag *diag;
	struct rawcd_disc *d = audio_disc(2000, &diag); /* 4.7 MB */
	/* A file size limit of 1 MiB (this test runs in its own process): write() fails with EFBIG. */
	signal(SIGXFSZ, SIG_IGN);
	struct rlimit old, lim;
	cr_assert_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = 1 << 20;
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
	int rc = rawcd_image_write(d, fx_path("out.bin"), NULL, diag);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &old), 0);
	cr_assert_eq(rc, RAWCD_E_IO, "%s", rawcd_strerror(rc));
	const struct rawcd_diag_entry *e = first_error(diag);
	cr_assert_not_null(e);
	cr_assert_not_null(strstr(e->message, "size limit"), "%s", e->message);
	expect_only_inputs(NULL);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* ---- Idempotence ---- */

/* The sheet of test_cue_write.c's full disc: HTOA, POSTGAP, generated PREGAPs, a data track. */
static const char full_sheet[] =
	"REM GENRE Rock\n"
	"REM SESSION 01\n"
	"CATALOG 4006381333931\n"
	"PERFORMER \"The Band\"\n"
	"TITLE \"The Album\"\n"
	"FILE \"a.bin\" BINARY\n"
	"  TRACK 01 AUDIO\n"
	"    TITLE \"Hidden\"\n"
	"    FLAGS PRE DCP\n"
	"    ISRC USABC9900001\n"
	"    INDEX 00 00:00:00\n"
	"    INDEX 01 00:05:00\n"
	"    INDEX 02 00:08:00\n"
	"    POSTGAP 00:01:00\n"
	"  TRACK 02 AUDIO\n"
	"    PREGAP 00:02:00\n"
	"    INDEX 01 00:10:00\n"
	"    REM LEAD-OUT 01:00:00\n"
	"FILE \"d.iso\" BINARY\n"
	"  TRACK 03 MODE1/2048\n"
	"    PREGAP 00:02:00\n"
	"    INDEX 01 00:00:00\n"
	"    POSTGAP 00:00:20\n";

/* @p text with every "FILE \"from\"" made "FILE \"to\"". */
static char *rename_file(const char *text, const char *from, const char *to)
{
	char f[64], t[64];
	snprintf(f, sizeof(f), "FILE \"%s\"", from);
	snprintf(t, sizeof(t), "FILE \"%s\"", to);
	const char *p = strstr(text, f);
	cr_assert_not_null(p, "no %s in the sheet", f);
	char *out = malloc(strlen(text) + strlen(t) + 1);
	cr_assert_not_null(out);
	sprintf(out, "%.*s%s%s", (int)(p - text), text, t, p + strlen(f));
	cr_assert_null(strstr(p + strlen(f), f), "one FILE line");
	return out;
}

Test(sink_bin, converting_the_written_sheet_again_gives_the_same_image)
{
	uint8_t *a = random_file("a.bin", 1500 * (size_t)S, 24);
	uint8_t *user = random_file("d.iso", 300 * 2048, 25);
	fx_sheet(full_sheet);
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	cr_assert_eq(rawcd_disc_leadout_lba(d), 2195);
	cr_assert_eq(rawcd_image_write(d, fx_path("first.bin"), NULL, diag), RAWCD_OK);
	size_t n1, c1;
	uint8_t *bin1 = fx_read(fx_path("first.bin"), &n1);
	char *cue1 = (char *)fx_read(fx_path("first.cue"), &c1);
	cr_assert_eq(n1, 2195 * (size_t)S);
	/* What is in it: the file's audio with silence for POSTGAP and PREGAP, then Mode 1 sectors. */
	cr_assert_arr_eq(bin1, a, 750 * (size_t)S);
	for (size_t i = 750 * S; i < 975 * S; i++)
		cr_assert_eq(bin1[i], 0, "byte %zu of the generated audio gap", i);
	cr_assert_arr_eq(bin1 + 975 * S, a + 750 * S, 750 * (size_t)S);
	for (int32_t lba = 1725; lba < 2195; lba++) {
		struct indep_report r;
		indep_check(&r, bin1 + (size_t)lba * S, lba);
		cr_assert(indep_all_ok(&r), "LBA %d", lba);
		cr_assert_eq(r.kind, INDEP_MODE1, "LBA %d", lba);
	}
	cr_assert_arr_eq(bin1 + 1875 * S + 16, user, 2048);

	/* The written sheet, converted again. */
	struct rawcd_disc *d2 = NULL;
	rawcd_diag_clear(diag);
	cr_assert_eq(rawcd_cue_load(&d2, fx_path("first.cue"), NULL, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_count(diag), 0, "the written sheet loads without a word (%s)",
		     rawcd_diag_count(diag) ? rawcd_diag_get(diag, 0)->message : "");
	cr_assert_eq(rawcd_image_write(d2, fx_path("second.bin"), NULL, diag), RAWCD_OK);
	cr_assert_eq(rawcd_diag_count(diag), 0, "and converts without a word (%s)",
		     rawcd_diag_count(diag) ? rawcd_diag_get(diag, 0)->message : "");
	size_t n2, c2;
	uint8_t *bin2 = fx_read(fx_path("second.bin"), &n2);
	char *cue2 = (char *)fx_read(fx_path("second.cue"), &c2);
	cr_assert_eq(n2, n1);
	cr_assert_arr_eq(bin2, bin1, n1, "the same bytes");
	char *want = rename_file(cue1, "first.bin", "second.bin");
	cr_assert_str_eq(cue2, want);
	/* And the sheet is the disc's: every track, flag and index kept. */
	cr_assert_str_eq(cue1,
		"REM GENRE Rock\n"
		"CATALOG 4006381333931\n"
		"TITLE \"The Album\"\n"
		"PERFORMER \"The Band\"\n"
		"FILE \"first.bin\" BINARY\n"
		"  TRACK 01 AUDIO\n"
		"    FLAGS DCP PRE\n"
		"    ISRC USABC9900001\n"
		"    TITLE \"Hidden\"\n"
		"    INDEX 00 00:00:00\n"
		"    INDEX 01 00:05:00\n"
		"    INDEX 02 00:08:00\n"
		"  TRACK 02 AUDIO\n"
		"    INDEX 00 00:11:00\n"
		"    INDEX 01 00:13:00\n"
		"  TRACK 03 MODE1/2352\n"
		"    INDEX 00 00:23:00\n"
		"    INDEX 01 00:25:00\n");
	free(want);
	free(bin1);
	free(bin2);
	free(cue1);
	free(cue2);
	free(a);
	free(user);
	rawcd_disc_free(d);
	rawcd_disc_free(d2);
	rawcd_diag_free(diag);
}
