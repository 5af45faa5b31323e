/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "image_fixture.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char dir[64];

void fx_setup(void)
{
	strcpy(dir, "/tmp/rawcd-image-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

void fx_teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

const char *fx_path(const char *name)
{
	static char path[4][512];
	static unsigned which;
	which = (which + 1) % 4;
	snprintf(path[which], sizeof(path[which]), "%s/%s", dir, name);
	return path[which];
}

void fx_write(const char *name, const void *bytes, size_t n)
{
	FILE *f = fopen(fx_path(name), "wb");
	cr_assert_not_null(f, "cannot create %s", name);
	cr_assert_eq(fwrite(bytes, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
}

void fx_sheet(const char *text)
{
	fx_write("t.cue", text, strlen(text));
}

void fx_random(uint8_t *p, size_t n, uint64_t seed)
{
	for (size_t i = 0; i < n; i++) {
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		p[i] = (uint8_t)(seed >> 56);
	}
}

struct rawcd_disc *fx_load(rawcd_diag **diag)
{
	*diag = rawcd_diag_new();
	cr_assert_not_null(*diag);
	struct rawcd_disc *d = NULL;
	int rc = rawcd_cue_load(&d, fx_path("t.cue"), NULL, *diag);
	cr_assert_eq(rc, RAWCD_OK, "rawcd_cue_load: %s (%s)", rawcd_strerror(rc),
		     rawcd_diag_count(*diag) ? rawcd_diag_get(*diag, 0)->message : "no diagnostics");
	cr_assert_not_null(d);
	return d;
}

uint8_t *fx_read(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	long n = ftell(f);
	cr_assert_geq(n, 0);
	rewind(f);
	uint8_t *buf = malloc((size_t)n + 1);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	buf[n] = 0; /* so that a text file can be compared as a string */
	*size = (size_t)n;
	return buf;
}

/* The track whose sectors (pregap to end) hold @p lba. */
static size_t track_of(const struct rawcd_disc *d, int32_t lba)
{
	for (size_t t = 0; t < d->track_count; t++) {
		int32_t first = t == 0 ? 0 : d->tracks[t].pregap_lba;
		if (lba >= first && lba < d->tracks[t].end_lba)
			return t;
	}
	cr_assert_fail("LBA %d is in no track", lba);
	return 0;
}

static size_t extent_of(const struct rawcd_disc *d, int32_t lba)
{
	for (size_t i = 0; i < d->extent_count; i++)
		if (lba >= d->extents[i].lba && lba < d->extents[i].lba + (int64_t)d->extents[i].sectors)
			return i;
	cr_assert_fail("LBA %d is in no extent", lba);
	return 0;
}

uint8_t *fx_stream_all(const struct rawcd_disc *disc, const struct rawcd_stream_options *opts, size_t max_sectors,
		       rawcd_diag *diag, size_t *count, size_t *batches)
{
	rawcd_stream *st = NULL;
	cr_assert_eq(rawcd_stream_new(&st, disc, opts, diag), RAWCD_OK);
	cr_assert_not_null(st);
	uint64_t total = rawcd_stream_total(st);
	cr_assert_eq(disc->session_count, 1);
	cr_assert_eq(total, (uint64_t)rawcd_disc_leadout_lba(disc), "total %llu, lead-out %d",
		     (unsigned long long)total, rawcd_disc_leadout_lba(disc));
	uint8_t *all = malloc((size_t)total * S + max_sectors * S);
	uint8_t *buf = malloc(max_sectors * S);
	cr_assert(all && buf);
	size_t got = 0, calls = 0;
	for (;;) {
		size_t n = 12345;
		int32_t lba = -99999;
		memset(buf, 0xA5, max_sectors * S); /* stale bytes must not survive */
		cr_assert_eq(rawcd_stream_read(st, buf, max_sectors, &n, &lba), RAWCD_OK);
		if (n == 0)
			break;
		cr_assert_leq(n, max_sectors);
		cr_assert_eq(lba, (int32_t)got, "a batch starts at LBA %d, expected %zu", lba, got);
		size_t t = track_of(disc, lba), e = extent_of(disc, lba);
		cr_assert_eq(track_of(disc, lba + (int32_t)n - 1), t, "the batch at LBA %d (%zu sectors) crosses "
			     "the end of track %02u at LBA %d", lba, n, disc->tracks[t].number, disc->tracks[t].end_lba);
		cr_assert_eq(extent_of(disc, lba + (int32_t)n - 1), e, "the batch at LBA %d crosses an extent", lba);
		memcpy(all + got * S, buf, n * S);
		got += n;
		calls++;
		cr_assert_leq(got, total);
	}
	cr_assert_eq(got, total);
	size_t n = 7;
	int32_t lba;
	cr_assert_eq(rawcd_stream_read(st, buf, max_sectors, &n, &lba), RAWCD_OK);
	cr_assert_eq(n, 0, "the end stays the end");
	rawcd_stream_free(st);
	free(buf);
	*count = got;
	if (batches)
		*batches = calls;
	return all;
}

size_t fx_diag_count(const rawcd_diag *d, enum rawcd_severity sev, const char *words)
{
	size_t n = 0;
	for (size_t i = 0; i < rawcd_diag_count(d); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(d, i);
		if (e->severity == sev && strstr(e->message, words))
			n++;
	}
	return n;
}

size_t fx_diag_lba_count(const rawcd_diag *d, int32_t lba)
{
	char want[32];
	snprintf(want, sizeof(want), "LBA %d", lba);
	size_t n = 0, len = strlen(want);
	for (size_t i = 0; i < rawcd_diag_count(d); i++) {
		const char *m = rawcd_diag_get(d, i)->message;
		for (const char *p = strstr(m, want); p; p = strstr(p + 1, want))
			if (p[len] < '0' || p[len] > '9') {
				n++;
				break;
			}
	}
	return n;
}

static size_t count_entries(bool dot_only)
{
	DIR *dp = opendir(dir);
	cr_assert_not_null(dp);
	size_t n = 0;
	for (struct dirent *de; (de = readdir(dp));)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") && (!dot_only || de->d_name[0] == '.'))
			n++;
	closedir(dp);
	return n;
}

size_t fx_temp_files(void)
{
	return count_entries(true);
}

size_t fx_file_count(void)
{
	return count_entries(false);
}

bool fx_exists(const char *name)
{
	struct stat st;
	return stat(fx_path(name), &st) == 0;
}
