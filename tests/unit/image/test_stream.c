/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The sector stream (src/image/stream.c) over small discs built in a temporary folder: what each kind of
 * input becomes, generated gaps, raw-sector warnings, batch boundaries, the scramble option. Data sectors
 * are judged by the independent checker (tests/common/indep_sector.h), not by src/codec.
 */
#include <criterion/criterion.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rawcd/sector.h"

#include "image_fixture.h"

TestSuite(stream, .init = fx_setup, .fini = fx_teardown);

static uint8_t *random_file(const char *name, size_t bytes, uint64_t seed)
{
	uint8_t *p = malloc(bytes);
	cr_assert_not_null(p);
	fx_random(p, bytes, seed);
	fx_write(name, p, bytes);
	return p;
}

static bool all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/* A data sector at @p lba is a valid Mode 1 sector by the independent checker. */
static void expect_mode1(const uint8_t *s, int32_t lba)
{
	struct indep_report r;
	indep_check(&r, s, lba);
	cr_assert(r.sync_ok, "LBA %d: sync", lba);
	cr_assert(r.header_ok, "LBA %d: header %02x:%02x:%02x", lba, s[12], s[13], s[14]);
	cr_assert_eq(r.kind, INDEP_MODE1, "LBA %d: mode byte %u", lba, s[15]);
	cr_assert(r.edc_ok, "LBA %d: EDC", lba);
	cr_assert(r.zero_ok, "LBA %d: the 8 zero bytes", lba);
	cr_assert(r.ecc_ok, "LBA %d: P/Q parity", lba);
}

/* ---- Generated gaps ---- */

Test(stream, mode1_2048_pregap_after_audio_is_real_mode1_sectors)
{
	uint8_t *a = random_file("a.bin", 400 * (size_t)S, 1);
	uint8_t *user = random_file("d.iso", 320 * 2048, 2);
	fx_sheet("FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
		 "FILE \"d.iso\" BINARY\n  TRACK 02 MODE1/2048\n    PREGAP 00:02:00\n    INDEX 01 00:00:00\n"
		 "    POSTGAP 00:00:30\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	cr_assert_eq(d->tracks[1].pregap_lba, 400);
	cr_assert_eq(d->tracks[1].start_lba, 550);
	cr_assert_eq(rawcd_disc_leadout_lba(d), 900);
	size_t n;
	uint8_t *img = fx_stream_all(d, NULL, 64, diag, &n, NULL);
	cr_assert_eq(n, 900);
	cr_assert_arr_eq(img, a, 400 * (size_t)S, "the audio track is the file");
	for (int32_t lba = 400; lba < 900; lba++) {
		const uint8_t *s = img + (size_t)lba * S;
		expect_mode1(s, lba);
		if (lba >= 550 && lba < 870)
			cr_assert_arr_eq(s + 16, user + (size_t)(lba - 550) * 2048, 2048, "user data of LBA %d", lba);
		else
			cr_assert(all_zero(s + 16, 2048), "the generated gap sector at LBA %d has user data", lba);
	}
	free(img);
	free(a);
	free(user);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* A generated Mode 2 pregap is Form 1 with a zero subheader; input sectors are Form 1, or formless (kept
 * whole) where the subheader copies differ. */
Test(stream, mode2_2336_pregap_is_zero_form1_and_formless_input_is_kept)
{
	uint8_t *a = random_file("a.bin", 300 * (size_t)S, 3);
	uint8_t *m2 = malloc(310 * 2336);
	cr_assert_not_null(m2);
	fx_random(m2, 310 * 2336, 4);
	for (size_t i = 10; i < 310; i++) { /* valid Form 1 subheaders but in the first 10 sectors */
		uint8_t *sh = m2 + i * 2336;
		sh[2] &= (uint8_t)~0x20;
		memcpy(sh + 4, sh, 4);
	}
	for (size_t i = 0; i < 10; i++) {
		uint8_t *sh = m2 + i * 2336;
		sh[4] = (uint8_t)~sh[0];
	}
	fx_write("x.bin", m2, 310 * 2336);
	fx_sheet("FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
		 "FILE \"x.bin\" BINARY\n  TRACK 02 MODE2/2336\n    PREGAP 00:02:00\n    INDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	size_t n;
	uint8_t *img = fx_stream_all(d, NULL, 100, diag, &n, NULL);
	cr_assert_eq(n, 300 + 150 + 310);
	for (int32_t lba = 300; lba < 760; lba++) {
		const uint8_t *s = img + (size_t)lba * S;
		struct indep_report r;
		indep_check(&r, s, lba);
		cr_assert(indep_all_ok(&r), "LBA %d", lba);
		cr_assert_eq(s[15], 2, "LBA %d: mode byte", lba);
		if (lba >= 450 && lba < 460) {
			cr_assert_eq(r.kind, INDEP_FORMLESS, "LBA %d", lba);
			cr_assert_arr_eq(s + 16, m2 + (size_t)(lba - 450) * 2336, 2336, "LBA %d: all 2336 bytes", lba);
			continue;
		}
		cr_assert_eq(r.kind, INDEP_FORM1, "LBA %d", lba);
		if (lba < 450)
			cr_assert(all_zero(s + 16, 2056), "pregap LBA %d: subheader and data are zero", lba);
		else
			cr_assert_arr_eq(s + 16, m2 + (size_t)(lba - 450) * 2336, 2056, "LBA %d", lba);
	}
	free(img);
	free(a);
	free(m2);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(stream, audio_pregap_and_postgap_are_zero_bytes)
{
	uint8_t *a = random_file("a.bin", 300 * (size_t)S, 5);
	uint8_t *b = random_file("b.bin", 320 * (size_t)S, 6);
	fx_sheet("FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n    POSTGAP 00:01:00\n"
		 "FILE \"b.bin\" BINARY\n  TRACK 02 AUDIO\n    PREGAP 00:01:10\n    INDEX 01 00:00:00\n"
		 "    POSTGAP 00:00:05\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	size_t n;
	uint8_t *img = fx_stream_all(d, NULL, 50, diag, &n, NULL);
	/* a.bin 0..299, POSTGAP 300..374, PREGAP 375..459, b.bin 460..779, POSTGAP 780..784 */
	cr_assert_eq(n, 785);
	cr_assert_eq(d->tracks[1].pregap_lba, 375);
	cr_assert_eq(d->tracks[1].start_lba, 460);
	cr_assert_arr_eq(img, a, 300 * (size_t)S);
	cr_assert(all_zero(img + 300 * (size_t)S, 160 * (size_t)S), "POSTGAP and PREGAP are silence");
	cr_assert_arr_eq(img + 460 * (size_t)S, b, 320 * (size_t)S);
	cr_assert(all_zero(img + 780 * (size_t)S, 5 * (size_t)S), "the last POSTGAP is silence");
	free(img);
	free(a);
	free(b);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* ---- Audio inputs ---- */

Test(stream, motorola_audio_is_byte_swapped)
{
	size_t bytes = 310 * (size_t)S;
	uint8_t *m = random_file("m.bin", bytes, 7);
	fx_sheet("FILE \"m.bin\" MOTOROLA\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	size_t n;
	uint8_t *img = fx_stream_all(d, NULL, 33, diag, &n, NULL);
	cr_assert_eq(n, 310);
	for (size_t i = 0; i < bytes; i++)
		cr_assert_eq(img[i], m[i ^ 1], "byte %zu", i);
	free(img);
	free(m);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* A MOTOROLA file of an odd length: the missing low byte of the last sample is a zero, so the file padded
 * with zeros is what gets swapped (the lone high byte lands at the odd offset, as every high byte does). */
Test(stream, motorola_odd_length_is_padded_then_swapped)
{
	size_t bytes = 300 * (size_t)S + 1001;
	uint8_t *m = random_file("m.bin", bytes, 8);
	fx_sheet("FILE \"m.bin\" MOTOROLA\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	cr_assert_eq(fx_diag_count(diag, RAWCD_SEV_WARNING, "padded"), 1);
	size_t n;
	uint8_t *img = fx_stream_all(d, NULL, 64, diag, &n, NULL);
	cr_assert_eq(n, 301);
	uint8_t *padded = calloc(301, S);
	cr_assert_not_null(padded);
	memcpy(padded, m, bytes);
	for (size_t i = 0; i < 301 * (size_t)S; i++)
		cr_assert_eq(img[i], padded[i ^ 1], "byte %zu (the file has %zu)", i, bytes);
	free(padded);
	free(img);
	free(m);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(stream, binary_audio_not_whole_sectors_is_padded_with_zeros)
{
	size_t bytes = 303 * (size_t)S + 1000;
	uint8_t *a = random_file("a.bin", bytes, 9);
	fx_sheet("FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	cr_assert_eq(fx_diag_count(diag, RAWCD_SEV_WARNING, "padded with zeros"), 1);
	cr_assert_eq(d->files[0].sectors, 304);
	size_t n;
	uint8_t *img = fx_stream_all(d, NULL, 128, diag, &n, NULL);
	cr_assert_eq(n, 304);
	cr_assert_arr_eq(img, a, bytes);
	cr_assert(all_zero(img + bytes, 304 * (size_t)S - bytes), "the padding is zero");
	free(img);
	free(a);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(stream, wave_gives_the_same_little_endian_samples)
{
	const long frames = 588 * 305 + 100; /* not a whole sector: padded with silence */
	SF_INFO info = {.samplerate = 44100, .channels = 2, .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16};
	SNDFILE *sf = sf_open(fx_path("ramp.wav"), SFM_WRITE, &info);
	cr_assert_not_null(sf, "%s", sf_strerror(NULL));
	short *pcm = malloc((size_t)frames * 2 * sizeof(short));
	cr_assert_not_null(pcm);
	for (long i = 0; i < frames; i++) {
		pcm[2 * i] = (short)(i * 7 - 30000);      /* left: a ramp through zero, wrapping */
		pcm[2 * i + 1] = (short)(12345 - i * 3);  /* right: a falling ramp */
	}
	cr_assert_eq(sf_writef_short(sf, pcm, frames), frames);
	sf_close(sf);
	fx_sheet("FILE \"ramp.wav\" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	size_t n;
	uint8_t *img = fx_stream_all(d, NULL, 40, diag, &n, NULL);
	cr_assert_eq(n, 306);
	for (long i = 0; i < frames; i++) {
		const uint8_t *f = img + 4 * (size_t)i;
		int16_t l = (int16_t)(uint16_t)(f[0] | f[1] << 8), r = (int16_t)(uint16_t)(f[2] | f[3] << 8);
		cr_assert_eq(l, pcm[2 * i], "left sample of frame %ld", i);
		cr_assert_eq(r, pcm[2 * i + 1], "right sample of frame %ld", i);
	}
	cr_assert(all_zero(img + 4 * (size_t)frames, 306 * (size_t)S - 4 * (size_t)frames));
	free(pcm);
	free(img);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

Test(stream, cdg_yields_the_first_2352_bytes_of_each_sector)
{
	size_t sectors = 305;
	uint8_t *g = random_file("g.cdg", sectors * 2448, 10);
	fx_sheet("FILE \"g.cdg\" BINARY\n  TRACK 01 CDG\n    INDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	size_t n;
	uint8_t *img = fx_stream_all(d, NULL, 100, diag, &n, NULL); /* more than the 64-sector staging */
	cr_assert_eq(n, sectors);
	for (size_t i = 0; i < sectors; i++)
		cr_assert_arr_eq(img + i * S, g + i * 2448, S, "sector %zu", i);
	free(img);
	free(g);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* ---- Raw data sectors ---- */

/* A valid Mode 1 sector made by the independent code. */
static void make_mode1(uint8_t *s, int32_t lba, uint64_t seed)
{
	indep_header(s, lba, 1);
	fx_random(s + 16, 2048, seed);
	uint32_t edc = indep_edc(s, 2064);
	for (int b = 0; b < 4; b++)
		s[2064 + b] = (uint8_t)(edc >> (8 * b));
	memset(s + 2068, 0, 8);
	indep_ecc_encode(s);
}

Test(stream, raw_mode1_is_copied_unchanged_and_wrong_sectors_are_named)
{
	size_t sectors = 320;
	uint8_t *raw = malloc(sectors * S);
	cr_assert_not_null(raw);
	for (size_t i = 0; i < sectors; i++)
		make_mode1(raw + i * S, (int32_t)i, 100 + i);
	struct indep_report r;
	indep_check(&r, raw + 5 * S, 5);
	cr_assert(indep_all_ok(&r), "the test's own sectors are valid");
	raw[3 * S + 5] = 0x00;           /* LBA 3: sync */
	raw[5 * S + 1000] ^= 0x40;       /* LBA 5: EDC and parity wrong, sync and header right: no warning */
	raw[7 * S + 14] = 0x08;          /* LBA 7: header of LBA 8 */
	for (size_t i = 20; i < 30; i++) /* LBAs 20..29: headers two seconds off */
		raw[i * S + 13] = 0x04;
	fx_write("raw.bin", raw, sectors * S);
	fx_sheet("FILE \"raw.bin\" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	size_t before = rawcd_diag_count(diag);
	size_t n;
	uint8_t *img = fx_stream_all(d, NULL, 16, diag, &n, NULL);
	cr_assert_eq(n, sectors);
	cr_assert_arr_eq(img, raw, sectors * S, "raw sectors are copied as they are");
	/* 12 wrong sectors: the first RAWCD_STREAM_MAX_SECTOR_WARNINGS by LBA, then one count. */
	cr_assert_eq(RAWCD_STREAM_MAX_SECTOR_WARNINGS, 10);
	cr_assert_eq(rawcd_diag_count(diag) - before, 11);
	cr_assert_eq(rawcd_diag_error_count(diag), 0);
	static const int32_t named[] = { 3, 7, 20, 21, 22, 23, 24, 25, 26, 27 };
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		cr_assert_eq(fx_diag_lba_count(diag, named[i]), 1, "LBA %d is named once", named[i]);
	cr_assert_eq(fx_diag_lba_count(diag, 28), 0);
	cr_assert_eq(fx_diag_lba_count(diag, 29), 0);
	cr_assert_eq(fx_diag_lba_count(diag, 5), 0, "a bad EDC is not the stream's business");
	cr_assert_eq(fx_diag_count(diag, RAWCD_SEV_WARNING, "wrong sync;"), 1, "LBA 3 has a wrong sync");
	cr_assert_eq(fx_diag_count(diag, RAWCD_SEV_WARNING, "wrong header"), 9, "the others a wrong header");
	const char *last = rawcd_diag_get(diag, rawcd_diag_count(diag) - 1)->message;
	cr_assert_not_null(strstr(last, "2 more"), "the rest is counted: \"%s\"", last);
	free(img);
	free(raw);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* ---- Batches and totals ---- */

Test(stream, batches_end_at_every_track_boundary)
{
	uint8_t *a = random_file("a.bin", 400 * (size_t)S, 11);
	uint8_t *user = random_file("d.iso", 320 * 2048, 12);
	/* Tracks 1 and 2 share a file (one extent), track 3 is data after a generated pregap. */
	fx_sheet("FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
		 "  TRACK 02 AUDIO\n    INDEX 00 00:02:00\n    INDEX 01 00:03:00\n"
		 "FILE \"d.iso\" BINARY\n  TRACK 03 MODE1/2048\n    PREGAP 00:02:00\n    INDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	cr_assert_eq(rawcd_disc_leadout_lba(d), 870);
	size_t n, batches;
	uint8_t *img = fx_stream_all(d, NULL, 100000, diag, &n, &batches);
	cr_assert_eq(n, 870);
	/* [0,150) track 1; [150,400) track 2 (same extent); [400,550) generated pregap; [550,870) data. */
	cr_assert_eq(batches, 4);
	cr_assert_arr_eq(img, a, 400 * (size_t)S);
	expect_mode1(img + 869 * (size_t)S, 869);
	free(img);
	/* Small batches: the same bytes. */
	size_t n2;
	uint8_t *img2 = fx_stream_all(d, NULL, 7, diag, &n2, &batches);
	cr_assert_eq(n2, 870);
	cr_assert_geq(batches, 870 / 7);
	uint8_t *img3 = fx_stream_all(d, NULL, 1, diag, &n2, &batches);
	cr_assert_eq(batches, 870);
	cr_assert_arr_eq(img2, img3, 870 * (size_t)S);
	free(img2);
	free(img3);
	free(a);
	free(user);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* ---- Scrambling ---- */

Test(stream, scramble_touches_data_sectors_only)
{
	uint8_t *a = random_file("a.bin", 300 * (size_t)S, 13);
	uint8_t *user = random_file("d.iso", 300 * 2048, 14);
	fx_sheet("FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
		 "FILE \"d.iso\" BINARY\n  TRACK 02 MODE1/2048\n    PREGAP 00:02:00\n    INDEX 01 00:00:00\n");
	rawcd_diag *diag;
	struct rawcd_disc *d = fx_load(&diag);
	struct rawcd_stream_options opts = RAWCD_STREAM_OPTIONS_INIT;
	cr_assert_not(opts.scramble);
	size_t n, ns;
	uint8_t *plain = fx_stream_all(d, &opts, 64, diag, &n, NULL);
	opts.scramble = true;
	uint8_t *scr = fx_stream_all(d, &opts, 64, diag, &ns, NULL);
	cr_assert_eq(n, 750);
	cr_assert_eq(ns, n);
	cr_assert_arr_eq(scr, plain, 300 * (size_t)S, "audio is never scrambled");
	cr_assert_arr_eq(scr, a, 300 * (size_t)S);
	for (size_t lba = 300; lba < n; lba++) {
		const uint8_t *p = plain + lba * S, *s = scr + lba * S;
		cr_assert_arr_eq(s, p, 12, "LBA %zu: the sync is not scrambled", lba);
		cr_assert_eq(s[12], (uint8_t)(p[12] ^ 0x01), "LBA %zu: Annex B starts 01 80", lba);
		cr_assert_eq(s[13], (uint8_t)(p[13] ^ 0x80), "LBA %zu", lba);
	}
	cr_assert_eq(rawcd_scramble_sectors(scr + 300 * (size_t)S, n - 300), RAWCD_OK);
	cr_assert_arr_eq(scr, plain, n * S, "descrambling gives the plain stream");
	free(plain);
	free(scr);
	free(a);
	free(user);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}

/* ---- Opening ---- */

Test(stream, open_needs_a_laid_out_disc_and_its_files)
{
	uint8_t *a = random_file("a.bin", 300 * (size_t)S, 15);
	fx_sheet("FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n");
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *parsed = NULL;
	cr_assert_eq(rawcd_cue_parse_file(&parsed, fx_path("t.cue"), diag), RAWCD_OK);
	static int sentinel;
	rawcd_stream *st = (rawcd_stream *)(void *)&sentinel;
	cr_assert_eq(rawcd_stream_new(&st, parsed, NULL, diag), RAWCD_E_ARG, "not laid out");
	cr_assert_eq((void *)st, (void *)&sentinel, "out untouched on failure");
	rawcd_disc_free(parsed);
	rawcd_diag_free(diag);

	struct rawcd_disc *d = fx_load(&diag);
	struct rawcd_stream_options bad = RAWCD_STREAM_OPTIONS_INIT;
	bad.version = 99;
	cr_assert_eq(rawcd_stream_new(&st, d, &bad, diag), RAWCD_E_ARG, "unknown options version");
	cr_assert_eq(unlink(fx_path("a.bin")), 0);
	rawcd_diag_clear(diag);
	cr_assert_eq(rawcd_stream_new(&st, d, NULL, diag), RAWCD_E_INPUT);
	cr_assert_eq(rawcd_diag_error_count(diag), 1);
	const struct rawcd_diag_entry *e = rawcd_diag_get(diag, 0);
	cr_assert_eq(e->line, 1, "the FILE line");
	cr_assert_not_null(strstr(e->message, "a.bin"));
	rawcd_stream_free(NULL);
	free(a);
	rawcd_disc_free(d);
	rawcd_diag_free(diag);
}
