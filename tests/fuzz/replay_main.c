/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The standalone driver of a fuzz harness when libFuzzer is not linked in (STYLE.md habit 13, as zstd's
 * tests/fuzz regression driver): run LLVMFuzzerTestOneInput once on every file named, folders walked
 * recursively. An input that breaks an invariant aborts (so meson test fails); under -Db_sanitize the
 * sanitizers stop on a memory error. Prints how many inputs ran and exits 1 when there was none, so that
 * an empty or missing corpus cannot pass as a test.
 *   replay_fuzz_cue [--quiet] FILE|DIR... */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_common.h"

static bool quiet;
static unsigned long runs;

static int replay_file(const char *path, off_t size)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 1;
	}
	/* malloc'd to the exact size, so that ASan sees a read past the input. */
	uint8_t *buf = malloc(size > 0 ? (size_t)size : 1);
	size_t n = buf ? fread(buf, 1, (size_t)size, f) : 0;
	int bad = !buf || ferror(f) || n != (size_t)size;
	fclose(f);
	if (bad) {
		fprintf(stderr, "replay: %s: cannot read\n", path);
		free(buf);
		return 1;
	}
	if (!quiet)
		fprintf(stderr, "replay: %s (%zu bytes)\n", path, n);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	runs++;
	return 0;
}

static int replay_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return replay_file(path, st.st_size);
	struct dirent **list;
	int n = scandir(path, &list, NULL, alphasort);
	if (n < 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 1;
	}
	int bad = 0;
	for (int i = 0; i < n; i++) {
		const char *name = list[i]->d_name;
		if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0 && strcmp(name, "README") != 0) {
			size_t len = strlen(path) + strlen(name) + 2;
			char *child = malloc(len);
			if (!child)
				return 1;
			snprintf(child, len, "%s/%s", path, name);
			bad |= replay_path(child);
			free(child);
		}
		free(list[i]);
	}
	free(list);
	return bad;
}

int main(int argc, char **argv)
{
	int bad = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quiet") == 0)
			quiet = true;
		else
			bad |= replay_path(argv[i]);
	}
	printf("replayed %lu inputs\n", runs);
	if (runs == 0) {
		fprintf(stderr, "replay: no input to replay\n");
		return 1;
	}
	return bad;
}
