/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The file fields the TOC and raw readers use: byte_offset and byte_length (cdrdao's start and length),
 * record_size (2352 main bytes out of each 2448-byte record), swap, and ZERO files: measured by
 * rawcd_disc_load_files(), read by the sector stream. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rawcd/rawcd.h"

static char dir[] = "/tmp/rawcd-ranges-XXXXXX";
static char bin_path[256];

/* 20 records of @p stride bytes: byte k of record r is (r * 7 + k) & 0xFF. */
static void setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
	snprintf(bin_path, sizeof(bin_path), "%s/a.bin", dir);
}

static void teardown(void)
{
	char cmd[64];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(ranges, .init = setup, .fini = teardown);

static void write_records(unsigned stride, size_t count)
{
	FILE *f = fopen(bin_path, "wb");
	cr_assert_not_null(f);
	for (size_t r = 0; r < count; r++)
		for (unsigned k = 0; k < stride; k++)
			fputc((int)((r * 7 + k) & 0xFF), f);
	fclose(f);
}

/* An audio disc over a.bin, not yet measured. */
static struct rawcd_disc *parse(void)
{
	static const char sheet[] = "FILE \"a.bin\" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n";
	char path[300];
	snprintf(path, sizeof(path), "%s/t.cue", dir);
	struct rawcd_disc *d = NULL;
	cr_assert_eq(rawcd_cue_parse(&d, sheet, strlen(sheet), path, NULL), RAWCD_OK);
	return d;
}

/* Measure, lay out and stream the whole program area into a malloc'd buffer. */
static uint8_t *stream_all(struct rawcd_disc *d, size_t *sectors, rawcd_diag *diag)
{
	cr_assert_eq(rawcd_disc_load_files(d, diag), RAWCD_OK);
	cr_assert_eq(rawcd_disc_layout(d, NULL, diag), RAWCD_OK);
	rawcd_stream *s = NULL;
	cr_assert_eq(rawcd_stream_new(&s, d, NULL, diag), RAWCD_OK);
	size_t total = (size_t)rawcd_stream_total(s), done = 0, n;
	uint8_t *out = malloc(total * 2352);
	int32_t lba;
	while (rawcd_stream_read(s, out + done * 2352, total - done, &n, &lba) == RAWCD_OK && n)
		done += n;
	cr_assert_eq(done, total);
	rawcd_stream_free(s);
	*sectors = total;
	return out;
}

static uint8_t expected(size_t record, unsigned k)
{
	return (uint8_t)((record * 7 + k) & 0xFF);
}

Test(ranges, byte_offset_and_length)
{
	write_records(2352, 20);
	struct rawcd_disc *d = parse();
	d->files[0].byte_offset = 3 * 2352 + 4; /* a sample-aligned start, as cdrdao's `#offset` allows */
	d->files[0].byte_length = 10 * 2352;
	size_t n;
	uint8_t *out = stream_all(d, &n, NULL);
	cr_assert_eq(n, 10);
	cr_assert_eq(d->files[0].bytes, 10 * 2352);
	for (size_t i = 0; i < 10 * 2352; i++) {
		size_t pos = 3 * 2352 + 4 + i;
		cr_assert_eq(out[i], expected(pos / 2352, (unsigned)(pos % 2352)), "byte %zu", i);
	}
	free(out);
	rawcd_disc_free(d);
}

Test(ranges, start_or_length_past_the_end_is_an_error)
{
	write_records(2352, 4);
	struct rawcd_disc *d = parse();
	d->files[0].byte_offset = 5 * 2352;
	rawcd_diag *diag = rawcd_diag_new();
	cr_assert_eq(rawcd_disc_load_files(d, diag), RAWCD_E_INPUT);
	cr_assert(strstr(rawcd_diag_get(diag, 0)->message, "to start at byte 11760"));
	cr_assert_eq(rawcd_diag_get(diag, 0)->line, 1);
	rawcd_diag_clear(diag);
	d->files[0].byte_offset = 2352;
	d->files[0].byte_length = 4 * 2352;
	cr_assert_eq(rawcd_disc_load_files(d, diag), RAWCD_E_INPUT);
	cr_assert(strstr(rawcd_diag_get(diag, 0)->message, "fewer than the 9408 asked for"));
	rawcd_diag_free(diag);
	rawcd_disc_free(d);
}

Test(ranges, records_larger_than_the_sector)
{
	write_records(2448, 20);
	struct rawcd_disc *d = parse();
	d->files[0].record_size = 2448;
	d->files[0].byte_offset = 2 * 2448; /* two records of lead-in skipped */
	size_t n;
	uint8_t *out = stream_all(d, &n, NULL);
	cr_assert_eq(n, 18);
	for (size_t r = 0; r < 18; r++)
		for (unsigned k = 0; k < 2352; k += 97)
			cr_assert_eq(out[r * 2352 + k], expected(r + 2, k), "sector %zu byte %u", r, k);
	free(out);
	rawcd_disc_free(d);
}

Test(ranges, swap)
{
	write_records(2352, 2);
	struct rawcd_disc *d = parse();
	d->files[0].swap = true;
	size_t n;
	uint8_t *out = stream_all(d, &n, NULL);
	for (unsigned k = 0; k < 2352; k += 2) {
		cr_assert_eq(out[k], expected(0, k + 1));
		cr_assert_eq(out[k + 1], expected(0, k));
	}
	free(out);
	rawcd_disc_free(d);
}

Test(ranges, zero_files_need_no_file)
{
	struct rawcd_disc *d = parse();
	free(d->files[0].path);
	free(d->files[0].name);
	d->files[0].path = d->files[0].name = NULL;
	d->files[0].type = RAWCD_FILE_ZERO;
	d->files[0].bytes = 300 * 2352 + 100; /* padded to 301 sectors, with a warning */
	rawcd_diag *diag = rawcd_diag_new();
	size_t n;
	uint8_t *out = stream_all(d, &n, diag);
	cr_assert_eq(n, 301);
	cr_assert_eq(rawcd_diag_count(diag), 1);
	cr_assert(strstr(rawcd_diag_get(diag, 0)->message, "padded"));
	for (size_t i = 0; i < n * 2352; i++)
		cr_assert_eq(out[i], 0);
	cr_assert_str_eq(rawcd_file_type_name(RAWCD_FILE_ZERO), "ZERO");
	free(out);
	rawcd_diag_free(diag);
	rawcd_disc_free(d);
}
