/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internal to the inspect module. An inspection is a source (a laid-out disc through the sector stream,
 * or a raw file) that fills batches ("slots") with sectors and plans them (each sector's track, what it
 * should be, its subcode verdict), and a pipeline of two threads that checks and hashes them and then
 * adds them up into the report, in LBA order.
 */
#ifndef RCD_INSPECT_INTERNAL_H
#define RCD_INSPECT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rawcd/inspect.h"

#define RCD_INSPECT_BATCH 256 /* sectors a slot */
#define RCD_INSPECT_SLOTS 4   /* slots in the ring: memory 4 * 256 * (2352 + 120 + 12) bytes, 2.5 MB */
/* Tracks of a report: 99, plus the sectors before LBA 0 and the lead-out of a raw image. */
#define RCD_INSPECT_MAX_TRACKS (RAWCD_MAX_TRACKS + 2)

/* One sector of a slot: its plan (from the source) and its verdict (from the checks). */
struct rcd_isector {
	int32_t lba;
	uint16_t findings; /* ::rawcd_inspect_finding bits: subcode ones from the plan, the rest from the check */
	uint8_t track;     /* into the report's tracks */
	uint8_t expect;    /* ::rawcd_inspect_expect */
	uint8_t cls;       /* ::rawcd_inspect_class */
	uint8_t adr;       /* the Q ADR of a frame with a valid CRC (2 MCN, 3 ISRC counted), else 0 */
	bool no_edc;
	bool missing;      /* beyond the end of the image file: not checked, not hashed as data */
};

struct rcd_islot {
	uint8_t *main;                 /* RCD_INSPECT_BATCH * 2352 bytes */
	struct rawcd_subchannels *sub; /* RCD_INSPECT_BATCH, or NULL when the image has no subcode */
	struct rcd_isector *sec;       /* RCD_INSPECT_BATCH */
	size_t count;                  /* sectors filled; 0 at the end */
	size_t split;                  /* the helper thread checks sectors split .. count */
};

struct rcd_ihash;

/* The state of one inspection, owned by the calling thread except where said. */
struct rcd_irun {
	struct rawcd_inspect_report *report;  /* tracks has room for RCD_INSPECT_MAX_TRACKS */
	struct rcd_ihash *hash[RCD_INSPECT_MAX_TRACKS]; /* per track when hashing */
	const struct rawcd_inspect_options *opts;
	rawcd_diag *diag;
};

/* Where sectors come from: fill() reads the next up to RCD_INSPECT_BATCH sectors into slot->main (and
 * ->sub), sets every slot->sec[i] but cls and no_edc (findings: the subcode ones) and slot->count, 0 at
 * the end. Called in the calling thread only. */
struct rcd_isource {
	int (*fill)(void *ctx, struct rcd_irun *run, struct rcd_islot *slot);
	void *ctx;
	uint64_t total;  /* sectors in all, for progress */
	bool subcode;    /* slots need sub */
};

/* A new report for @p image (its tracks array allocated, empty) in @p run. */
int rcd_irun_init(struct rcd_irun *run, const char *image, enum rawcd_inspect_source source,
		  const struct rawcd_inspect_options *opts, rawcd_diag *diag);

/* Free the run and its report (after a failure). */
void rcd_irun_discard(struct rcd_irun *run);

/* Hand over the report (hashes finished, raw track modes decided, totals summed) and free the rest. */
struct rawcd_inspect_report *rcd_irun_finish(struct rcd_irun *run);

/* The index of track @p number, added at @p first_lba if new. RAWCD_E_NOMEM; RAWCD_E_INTERNAL when
 * RCD_INSPECT_MAX_TRACKS are already there. */
int rcd_irun_track(struct rcd_irun *run, unsigned number, enum rawcd_track_mode mode, bool from_content,
		   int32_t first_lba, uint8_t *out);

/* Plan sector @p i of @p slot's subcode: rawcd_inspect_subcode() against @p expected, the findings and the
 * ADR into the plan, an MCN or ISRC found into the report (slot->sec[i].track must be set). */
void rcd_irun_subcode(struct rcd_irun *run, struct rcd_islot *slot, size_t i, const struct rawcd_inspect_subq *sq);

/* Check, hash and add up every sector of @p src, two threads at once. */
int rcd_inspect_pipeline(struct rcd_irun *run, const struct rcd_isource *src);

/* ---- hashes (inspect_hash.c) ---- */

enum {
	RCD_HASH_XXH3 = 1, /* XXH3-128, libxxhash */
	RCD_HASH_CRC32 = 2, /* zlib */
	RCD_HASH_MD5 = 4,  /* OpenSSL EVP */
	RCD_HASH_SHA1 = 8  /* OpenSSL EVP */
};

int rcd_ihash_new(struct rcd_ihash **out);
/* Add @p n bytes to the hashes in @p which (a thread may own a subset: the others are not touched). */
void rcd_ihash_update(struct rcd_ihash *h, unsigned which, const uint8_t *data, size_t n);
/* Write the digests into @p t and set t->hashed. RAWCD_E_INTERNAL if OpenSSL fails. */
int rcd_ihash_final(struct rcd_ihash *h, struct rawcd_inspect_track *t);
void rcd_ihash_free(struct rcd_ihash *h);

#endif
