/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the fuzz harnesses share: the libFuzzer entry point and an assertion that stops the run (libFuzzer
 * reports the abort as a crash and saves the input; the replay driver dies with it, so meson test fails). */
#ifndef RAWCD_FUZZ_COMMON_H
#define RAWCD_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond)                                                                          \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* FNV-1a of the input: a stable source of choices (sizes, formats) that follows the bytes. */
static inline uint64_t fuzz_hash(const uint8_t *data, size_t size)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 0x100000001b3u;
	return h;
}

#endif
