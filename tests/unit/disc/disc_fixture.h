/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A temporary folder with a sheet and the files it names, made by each test. */
#ifndef DISC_FIXTURE_H
#define DISC_FIXTURE_H

#include <criterion/criterion.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/cue.h"
#include "rawcd/error.h"

static char fixture_dir[64];

static inline void fixture_setup(void)
{
	strcpy(fixture_dir, "/tmp/rawcd-test-XXXXXX");
	cr_assert_not_null(mkdtemp(fixture_dir));
}

static inline void fixture_teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fixture_dir);
	cr_assert_eq(system(cmd), 0);
}

static inline char *fixture_path(const char *name)
{
	static char path[2][256];
	static int which;
	which ^= 1;
	snprintf(path[which], sizeof(path[which]), "%s/%s", fixture_dir, name);
	return path[which];
}

/* A file of @p bytes zero bytes. */
static inline void make_bin(const char *name, long bytes)
{
	FILE *f = fopen(fixture_path(name), "wb");
	cr_assert_not_null(f);
	if (bytes > 0) {
		cr_assert_eq(fseek(f, bytes - 1, SEEK_SET), 0);
		cr_assert_eq(fputc(0, f), 0);
	}
	fclose(f);
}

/* A WAVE file of @p frames silent sample frames. */
static inline void make_wav(const char *name, long frames, int rate, int channels, int subtype)
{
	SF_INFO info = {.samplerate = rate, .channels = channels, .format = SF_FORMAT_WAV | subtype};
	SNDFILE *sf = sf_open(fixture_path(name), SFM_WRITE, &info);
	cr_assert_not_null(sf, "%s", sf_strerror(NULL));
	short zero[2 * 588] = {0};
	for (long done = 0; done < frames;) {
		long n = frames - done < 588 ? frames - done : 588;
		cr_assert_eq(sf_writef_short(sf, zero, n), n);
		done += n;
	}
	sf_close(sf);
}

static inline void make_sheet(const char *text)
{
	FILE *f = fopen(fixture_path("t.cue"), "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

/* Load the fixture's sheet; *diag gets the diagnostics (caller frees). */
static inline int load(struct rawcd_disc **out, rawcd_diag **diag)
{
	*diag = rawcd_diag_new();
	return rawcd_cue_load(out, fixture_path("t.cue"), NULL, *diag);
}

static inline const struct rawcd_diag_entry *find_diag(const rawcd_diag *d, enum rawcd_severity sev,
							 const char *words)
{
	for (size_t i = 0; i < rawcd_diag_count(d); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(d, i);
		if (e->severity == sev && strstr(e->message, words))
			return e;
	}
	return NULL;
}

#endif
