/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The raw-image reader's parts: the record source (a file or a memory buffer), the Q scanner that walks
 * the records in batches and sums them up as runs, the lead-in TOC decoder and the disc builder. */
#ifndef RAWCD_RAWIMAGE_INTERNAL_H
#define RAWCD_RAWIMAGE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rawcd/diag.h"
#include "rawcd/disc.h"
#include "rawcd/subcode.h"

#define RCD_RAW96_RECORD 2448 /* 2352 main + 96 raw P-W */
#define RCD_PQ16_RECORD 2368  /* 2352 main + 16 P/Q */
#define RCD_RAW_BATCH 256     /* records read at a time */
#define RCD_RAW_MAX_RUNS 20000 /* TNO/INDEX runs an image may have (99 tracks x 99 indexes, some sessions) */
#define RCD_RAW_MAX_SESSIONS 99
#define RCD_RAW_MAX_PACKS 2048 /* CD-TEXT packs kept from the lead-in (8 blocks of 256) */

/* Where the records come from: a file (fd) or a buffer (the fuzz harness). */
struct rcd_raw_in {
	const char *name;      /* for diagnostics: the image as the user named it */
	int fd;                /* -1 for a buffer */
	const uint8_t *mem;
	uint64_t size;         /* bytes */
	unsigned record_size;  /* 2448 or 2368 */
	uint64_t records;
};

/* One record, as the scanner hands it out. */
struct rcd_raw_record {
	uint64_t index;        /* record number in the image, from 0 */
	const uint8_t *main;   /* 2352 bytes */
	uint8_t q[RAWCD_Q_SIZE];
	const uint8_t *rw;     /* 96 R-W symbols (raw96), or NULL (pq16) */
	uint8_t rw_buf[96];
};

typedef int (*rcd_raw_visit_fn)(void *ctx, const struct rcd_raw_record *rec, rawcd_diag *diag);

/* Walk every record in order, RCD_RAW_BATCH at a time (never the whole image in memory). Stops at the first
 * non-zero return of @p visit and returns it. RAWCD_E_IO for a failed read. */
int rcd_raw_scan(const struct rcd_raw_in *in, rcd_raw_visit_fn visit, void *ctx, rawcd_diag *diag);

enum rcd_run_kind { RCD_RUN_LEADIN, RCD_RUN_TRACK, RCD_RUN_LEADOUT };

/* Consecutive records of one region: a lead-in (TNO 0), one index of a track, or a lead-out (TNO AAh).
 * Records without a usable Q frame (bad CRC, MCN, ISRC) belong to the run they stand in. */
struct rcd_raw_run {
	enum rcd_run_kind kind;
	unsigned tno, index;   /* TRACK: TNO 1-99, INDEX 0-99 */
	uint8_t control;
	int32_t first;         /* LBA of the first record with this state */
	uint64_t record;       /* its record number */
};

/* A session's TOC as its lead-in's Q gives it: per POINT (01-99, A0, A1, A2 in ADR 1; B0, C0 in ADR 5)
 * the frame's bytes 3-9 as recorded (BCD, A0's PSEC the disc type as it is). */
struct rcd_leadin_toc {
	bool seen[256];
	uint8_t adr[256], control[256];
	uint8_t f[256][7];
	uint64_t bad_record;   /* record + 1 of a frame that contradicts an earlier one for its POINT; 0 none */
};

/* What the scan found. */
struct rcd_raw_map {
	int32_t first_lba;     /* LBA of record 0 */
	uint64_t records;
	struct rcd_raw_run *runs;
	size_t run_count;
	struct rcd_leadin_toc *leadin; /* one per lead-in run, in order */
	size_t leadin_count;
	char mcn[RAWCD_MCN_SIZE];
	char isrc[RAWCD_MAX_TRACKS + 1][RAWCD_ISRC_SIZE];
	uint8_t data_mode[RAWCD_MAX_TRACKS + 1]; /* 1 or 2 from the first synced sector of INDEX >= 1; 0 none */
	uint8_t (*packs)[18];  /* CD-TEXT packs of session 1's lead-in (raw96), one cycle */
	size_t pack_count;
	uint64_t bad_crc, misplaced;
};

/* The first pass alone: the LBA of record 0, by the majority of position frames. RAWCD_E_INPUT (no
 * usable position frame, an origin after LBA 0), RAWCD_E_IO, RAWCD_E_NOMEM. */
int rcd_raw_origin(const struct rcd_raw_in *in, int32_t *out, rawcd_diag *diag);

/* Is @p path a raw image with subcode? @p record_size 2448 or 2368 and @p first_lba the LBA of its first
 * record (rcd_raw_origin()) if it is; record_size 0 (and RAWCD_OK) if its first records do not look like
 * one. RAWCD_E_INPUT (cannot be opened, not a whole number of records, no usable Q), RAWCD_E_IO. */
int rcd_rawimage_probe(const char *path, unsigned *record_size, int32_t *first_lba, rawcd_diag *diag);

/* Scan @p in: where LBA 0 lies (majority of valid position frames), then the runs, the lead-in TOCs, MCN,
 * ISRCs, data modes and CD-TEXT. RAWCD_E_INPUT (no usable Q, times that jump, TNOs out of order, too many
 * runs: named with the record and LBA), RAWCD_E_IO, RAWCD_E_NOMEM. */
int rcd_raw_map_build(struct rcd_raw_map *out, const struct rcd_raw_in *in, rawcd_diag *diag);
void rcd_raw_map_finish(struct rcd_raw_map *map);

/* Take one lead-in Q frame (ADR 1 or 5, TNO 0) into @p toc. */
void rcd_leadin_take(struct rcd_leadin_toc *toc, const uint8_t q[RAWCD_Q_SIZE], uint64_t record);

/* Check the lead-in TOC of session @p s (1-based) against the laid-out @p disc: RAWCD_E_INPUT when A0, A1
 * or A2 (first and last track, lead-out) disagree (a cut image, or not that disc's lead-in); warnings for
 * other items (track starts, CONTROL, B0) that differ, are missing or are extra; RAWCD_E_NOMEM. */
int rcd_leadin_check(const struct rcd_leadin_toc *toc, unsigned s, const struct rawcd_disc *disc,
		     const char *name, rawcd_diag *diag);

/* Build and lay out the disc of a scanned image: one file per session (the image, from that session's
 * first sector on), tracks and indexes from the runs; then check that every index lies where the image
 * has it. RAWCD_E_INPUT (a layout the runs do not form), RAWCD_E_LAYOUT, RAWCD_E_NOMEM. */
int rcd_raw_disc_build(struct rawcd_disc **out, const struct rcd_raw_map *map, const struct rcd_raw_in *in,
		       const char *path, rawcd_diag *diag);

/* rawcd_rawimage_load() on a buffer of @p size bytes named @p name (the fuzz harness): nothing is read from
 * disk, the disc's files name @p name. */
int rcd_rawimage_load_mem(struct rawcd_disc **out, const uint8_t *data, size_t size, const char *name,
			  rawcd_diag *diag);

#endif
