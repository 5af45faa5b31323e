/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "burn_fixture.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char dir[64];

void bf_setup(void)
{
	strcpy(dir, "/tmp/rawcd-burn-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

void bf_teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

const char *bf_path(const char *name)
{
	static char path[4][512];
	static unsigned which;
	which = (which + 1) % 4;
	snprintf(path[which], sizeof(path[which]), "%s/%s", dir, name);
	return path[which];
}

static void write_file(const char *name, const void *bytes, size_t n)
{
	FILE *f = fopen(bf_path(name), "wb");
	cr_assert_not_null(f, "cannot create %s", name);
	cr_assert_eq(fwrite(bytes, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
}

/* Deterministic pseudo-random bytes (a 64-bit LCG), different for each seed. */
static void random_bytes(uint8_t *p, size_t n, uint64_t seed)
{
	for (size_t i = 0; i < n; i++) {
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		p[i] = (uint8_t)(seed >> 56);
	}
}

static void random_file(const char *name, size_t n, uint64_t seed)
{
	uint8_t *p = malloc(n);
	cr_assert_not_null(p);
	random_bytes(p, n, seed);
	write_file(name, p, n);
	free(p);
}

void bf_mixed_sheet(unsigned variant)
{
	bf_mixed_sheet_ids(variant, "4006381333931", "GBXYZ0100001");
}

void bf_mixed_sheet_ids(unsigned variant, const char *catalog, const char *isrc3)
{
	char catalog_line[32] = "", isrc3_line[32] = "";
	if (catalog[0])
		snprintf(catalog_line, sizeof(catalog_line), "CATALOG %s\n", catalog);
	if (isrc3[0])
		snprintf(isrc3_line, sizeof(isrc3_line), "    ISRC %s\n", isrc3);
	random_file("data.bin", 300 * 2048, 1);
	random_file("a1.pcm", 400 * 2352, 2);
	random_file("a2.pcm", (450 + variant) * 2352, 3);
	char sheet[1024];
	snprintf(sheet, sizeof(sheet),
		 "%s"
		 "PERFORMER \"Burn Fixture\"\n"
		 "TITLE \"Mixed Disc\"\n"
		 "FILE \"data.bin\" BINARY\n"
		 "  TRACK 01 MODE1/2048\n"
		 "    TITLE \"Data\"\n"
		 "    INDEX 01 00:00:00\n"
		 "FILE \"a1.pcm\" BINARY\n"
		 "  TRACK 02 AUDIO\n"
		 "    TITLE \"First Song\"\n"
		 "    FLAGS DCP PRE\n"
		 "    ISRC USRC17607839\n"
		 "    PREGAP 00:02:00\n"
		 "    INDEX 01 00:00:00\n"
		 "    INDEX 02 00:03:00\n"
		 "FILE \"a2.pcm\" BINARY\n"
		 "  TRACK 03 AUDIO\n"
		 "    TITLE \"Second Song\"\n"
		 "%s"
		 "    INDEX 00 00:00:00\n"
		 "    INDEX 01 00:01:%02u\n",
		 catalog_line, isrc3_line, variant);
	write_file("t.cue", sheet, strlen(sheet));
}

struct rawcd_disc *bf_load(void)
{
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *d = NULL;
	int rc = rawcd_cue_load(&d, bf_path("t.cue"), NULL, diag);
	cr_assert_eq(rc, RAWCD_OK, "rawcd_cue_load: %s (%s)", rawcd_strerror(rc), bf_diag_text(diag));
	rawcd_diag_free(diag);
	return d;
}

rawcd_transport *bf_open(const struct rawcd_emu_config *cfg)
{
	rawcd_transport *t = NULL;
	int rc = rawcd_transport_open_emulated(&t, cfg);
	cr_assert_eq(rc, RAWCD_OK, "rawcd_transport_open_emulated: %s", rawcd_strerror(rc));
	cr_assert_not_null(t);
	return t;
}

rawcd_transport *bf_open_faults(const struct rawcd_emu_fault *faults, size_t n)
{
	struct rawcd_emu_config cfg = RAWCD_EMU_CONFIG_INIT;
	cfg.faults = faults;
	cfg.fault_count = n;
	return bf_open(&cfg);
}

int bf_burn(rawcd_transport *t, const struct rawcd_disc *disc, const struct rawcd_burn_options *opts,
	    struct rawcd_burn_result *result, rawcd_diag **diag)
{
	*diag = rawcd_diag_new();
	cr_assert_not_null(*diag);
	return rawcd_burn(t, disc, opts, NULL, NULL, NULL, result, *diag);
}

size_t bf_diag_count(const rawcd_diag *d, int sev, const char *words)
{
	size_t n = 0;
	for (size_t i = 0; i < rawcd_diag_count(d); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(d, i);
		if ((sev == 0 || (int)e->severity == sev) && strstr(e->message, words))
			n++;
	}
	return n;
}

const char *bf_diag_text(const rawcd_diag *d)
{
	static char text[8192];
	size_t used = 0;
	text[0] = '\0';
	for (size_t i = 0; i < rawcd_diag_count(d) && used + 2 < sizeof(text); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(d, i);
		int n = snprintf(text + used, sizeof(text) - used, "[%s] %s\n",
				 e->severity == RAWCD_SEV_ERROR ? "error" : e->severity == RAWCD_SEV_NOTE ? "note" : "warning", e->message);
		if (n < 0)
			break;
		used += (size_t)n < sizeof(text) - used ? (size_t)n : sizeof(text) - used - 1;
	}
	return text;
}

size_t bf_count_op(const rawcd_transport *t, uint8_t opcode)
{
	size_t n = 0;
	for (size_t i = 0; i < rawcd_emu_command_count(t); i++)
		n += rawcd_emu_command_get(t, i)->opcode == opcode;
	return n;
}

size_t bf_find_op(const rawcd_transport *t, uint8_t opcode, size_t n)
{
	for (size_t i = 0; i < rawcd_emu_command_count(t); i++)
		if (rawcd_emu_command_get(t, i)->opcode == opcode && n-- == 0)
			return i;
	return (size_t)-1;
}

struct rawcd_emu_state bf_state(const rawcd_transport *t)
{
	struct rawcd_emu_state s;
	cr_assert_eq(rawcd_emu_get_state(&s, t), RAWCD_OK);
	return s;
}

uint8_t *bf_read_file(const char *path, size_t *size)
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
	*size = (size_t)n;
	return buf;
}
