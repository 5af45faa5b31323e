/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bench_sector: how fast the sector codec encodes, in ns per sector and in multiples of 1x (75 sectors a
 * second). A program run by `meson test --benchmark`, never a timed test (STYLE.md habit 15).
 *
 *   bench_sector [-n SECTORS] [-r REPS]      defaults: 200000 sectors, median of 5 repetitions
 *
 * Input is pseudo-random (splitmix64) and generated before any clock starts; the output buffer is
 * pre-faulted. Each figure is the median of the repetitions of one whole pass over all sectors, so the
 * encode rows include streaming the input from and the output to memory, as a BIN writer would. The
 * EDC and ECC rows run over the sectors already in the output buffer, once per available kernel.
 */
#include "rawcd/sector.h"

#include "codec/codec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_REPS 15

struct bench {
	size_t count;
	int reps;
	uint8_t *in;  /* count * 2336 bytes of random data */
	uint8_t *out; /* count * 2352 bytes */
};

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

typedef void (*pass_fn)(struct bench *b, int arg);

/* Time b->reps passes; print the median (and the fastest, a guide on a busy machine) in ns per sector,
 * sectors per second, multiples of 1x and MB/s of 2352-byte output. */
static void report(struct bench *b, const char *what, pass_fn pass, int arg)
{
	double t[MAX_REPS];
	for (int i = 0; i < b->reps; i++) {
		double t0 = now_ns();
		pass(b, arg);
		t[i] = (now_ns() - t0) / (double)b->count;
	}
	qsort(t, (size_t)b->reps, sizeof(t[0]), cmp_double);
	double ns = t[b->reps / 2], per_s = 1e9 / ns;
	printf("%-42s %8.1f (%7.1f) %9.0f %8.0fx %6.0f\n", what, ns, t[0], per_s, per_s / 75.0,
	       per_s * RAWCD_SECTOR_SIZE / 1e6);
}

static void pass_encode(struct bench *b, int mode)
{
	if (rawcd_sector_encode(b->out, b->in, (enum rawcd_sector_mode)mode, 0, b->count) != RAWCD_OK)
		abort();
}

/* The floor: what every encoder pays to move the data (copy 2048 bytes, write sync and header). */
static void pass_floor(struct bench *b, int unused)
{
	(void)unused;
	for (size_t n = 0; n < b->count; n++) {
		uint8_t *s = b->out + n * RAWCD_SECTOR_SIZE;
		memcpy(s + RAWCD_DATA_OFFSET, b->in + n * RAWCD_MODE1_DATA_SIZE, RAWCD_MODE1_DATA_SIZE);
		rawcd_sector_header(s, (int32_t)(n % 400000), 1);
	}
}

/* Mode 1 with the portable kernels forced: what a CPU without PCLMUL/SSE2 gets. */
static void pass_mode1_portable(struct bench *b, int unused)
{
	(void)unused;
	for (size_t n = 0; n < b->count; n++) {
		uint8_t *s = b->out + n * RAWCD_SECTOR_SIZE;
		memcpy(s + RAWCD_DATA_OFFSET, b->in + n * RAWCD_MODE1_DATA_SIZE, RAWCD_MODE1_DATA_SIZE);
		rawcd_sector_header(s, (int32_t)(n % 400000), 1);
		uint32_t edc = rcd_edc_update_impl(0, s, RAWCD_MODE1_EDC_OFFSET, RCD_EDC_SLICE8);
		rcd_store_le32(s + RAWCD_MODE1_EDC_OFFSET, edc);
		memset(s + RAWCD_MODE1_EDC_OFFSET + 4, 0, 8);
		rcd_ecc_encode_impl(s, false, RCD_ECC_TABLE);
	}
}

static volatile uint32_t sink;

static void pass_edc(struct bench *b, int impl)
{
	uint32_t acc = 0;
	for (size_t n = 0; n < b->count; n++)
		acc ^= rcd_edc_update_impl(0, b->out + n * RAWCD_SECTOR_SIZE, RAWCD_MODE1_EDC_OFFSET,
		                           (enum rcd_edc_impl)impl);
	sink = acc;
}

static void pass_ecc(struct bench *b, int impl)
{
	for (size_t n = 0; n < b->count; n++)
		rcd_ecc_encode_impl(b->out + n * RAWCD_SECTOR_SIZE, false, (enum rcd_ecc_impl)impl);
}

static void pass_scramble(struct bench *b, int unused)
{
	(void)unused;
	rawcd_scramble_sectors(b->out, b->count);
}

static int parse_args(int argc, char **argv, struct bench *b)
{
	b->count = 200000;
	b->reps = 5;
	for (int i = 1; i + 1 < argc; i += 2) {
		long v = strtol(argv[i + 1], NULL, 10);
		if (strcmp(argv[i], "-n") == 0 && v > 0 && v <= 1000000)
			b->count = (size_t)v;
		else if (strcmp(argv[i], "-r") == 0 && v > 0 && v <= MAX_REPS)
			b->reps = (int)v;
		else
			return -1;
	}
	return argc % 2 == 1 ? 0 : -1;
}

static const char *const edc_names[RCD_EDC_IMPL_COUNT] = { "slicing-by-8", "PCLMULQDQ", "VPCLMULQDQ 256" };
static const char *const ecc_names[RCD_ECC_IMPL_COUNT] = { "table", "SSE2 vectors", "AVX2 vectors" };

static void run_components(struct bench *b)
{
	char what[64];
	for (int i = 0; i < RCD_EDC_IMPL_COUNT; i++) {
		if (!rcd_edc_impl_available((enum rcd_edc_impl)i))
			continue;
		snprintf(what, sizeof(what), "EDC only, 2064 B, %s%s", edc_names[i],
		         i == (int)rcd_edc_best_impl() ? " *" : "");
		report(b, what, pass_edc, i);
	}
	for (int i = 0; i < RCD_ECC_IMPL_COUNT; i++) {
		if (!rcd_ecc_impl_available((enum rcd_ecc_impl)i))
			continue;
		snprintf(what, sizeof(what), "ECC only, P+Q, %s%s", ecc_names[i],
		         i == (int)rcd_ecc_best_impl() ? " *" : "");
		report(b, what, pass_ecc, i);
	}
}

int main(int argc, char **argv)
{
	struct bench b;
	if (parse_args(argc, argv, &b) != 0) {
		fprintf(stderr, "usage: %s [-n SECTORS (<= 1000000)] [-r REPS (<= %d)]\n", argv[0], MAX_REPS);
		return 2;
	}
	b.in = malloc(b.count * RAWCD_MODE2_DATA_SIZE);
	b.out = malloc(b.count * RAWCD_SECTOR_SIZE);
	if (!b.in || !b.out) {
		fprintf(stderr, "bench_sector: out of memory\n");
		return 1;
	}
	uint64_t state = 0x5EC7012345ull;
	for (size_t i = 0; i + 8 <= b.count * RAWCD_MODE2_DATA_SIZE; i += 8) {
		uint64_t v = splitmix64(&state);
		memcpy(b.in + i, &v, sizeof(v));
	}
	memset(b.out, 0, b.count * RAWCD_SECTOR_SIZE);

	printf("bench_sector: %zu sectors of random data, median (fastest) of %d passes; 1x = 75 sectors/s;\n"
	       "* marks the kernel the encoders use\n\n", b.count, b.reps);
	printf("%-42s %8s %9s %9s %9s %6s\n", "", "ns/sector", "(fastest)", "sectors/s", "x 1x", "MB/s");
	report(&b, "floor: copy 2048 B + sync/header", pass_floor, 0);
	report(&b, "Mode 1 encode from 2048 B", pass_encode, RAWCD_SECTOR_MODE1);
	report(&b, "Mode 2 Form 1 encode from 2056 B", pass_encode, RAWCD_SECTOR_MODE2_FORM1);
	report(&b, "Mode 2 Form 2 encode from 2332 B", pass_encode, RAWCD_SECTOR_MODE2_FORM2);
	report(&b, "Mode 2 AUTO from 2336 B (random: formless)", pass_encode, RAWCD_SECTOR_MODE2_AUTO);
	report(&b, "Mode 1 encode, portable kernels only", pass_mode1_portable, 0);
	report(&b, "scramble (2340 B XOR)", pass_scramble, 0);
	run_components(&b);
	free(b.in);
	free(b.out);
	return 0;
}
