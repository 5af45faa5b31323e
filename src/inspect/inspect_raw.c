/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inspecting a raw file: 2352-byte sectors, or 2352 + 16 (P and Q, MMC data block type 1) or 2352 + 96
 * (P–W, types 2 and 3), from a given LBA on. No layout is known, so each sector is judged against its own
 * position; with subcode the Q frames say more: whether a sector is data (CONTROL bit 2), whether it is in
 * a pause (INDEX 00: either kind accepted), and which track it belongs to (TNO; the sectors before LBA 0
 * form track 0, the lead-out track AAh). On a multisession image a later session's lead-in follows a
 * lead-out: its TNO 0 frames (ADR 1 TOC items, ADR 5 B0/C0) are lead-in frames, not wrong positions, and
 * its sectors join track 0 (every lead-in), their main channel of either kind.
 *
 * Scrambled images (redumper's .scram, rawcd convert --scrambled: data read as audio) are recognised by
 * content, sector by sector: a sync field whose header does not name the sector's position or a valid
 * mode, but does once descrambled (ECMA-130 Annex B: the sync is not scrambled, the header is), is a
 * scrambled data sector; it is descrambled, the XOR of CloneCD's DataTracksScrambled, and checked as
 * any other. Audio (no sync) and unscrambled data sectors are left as they are.
 */
#include "inspect/inspect_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawcd/sector.h"
#include "rawimage/rawimage_internal.h"
#include "util/diag.h"

#define RAW96_SIZE (RAWCD_SECTOR_SIZE + RAWCD_SUBCODE_SIZE)
#define PQ16_SIZE (RAWCD_SECTOR_SIZE + RAWCD_PQ16_SIZE)
#define CONTROL_DATA 0x04

struct raw_src {
	int fd;
	const char *path;
	unsigned size;        /* bytes a sector takes in the file */
	int32_t first_lba;
	uint64_t total, next; /* sectors in the file; the next one to read */
	uint8_t *staging;     /* RCD_INSPECT_BATCH records, for sizes other than 2352 */
	unsigned tno;         /* the track of the last sector (from its Q); 0 in a lead-in */
	bool seen_leadout;    /* a lead-out came before: TNO 0 from here on is a later session's lead-in */
	enum rawcd_inspect_expect expect; /* the kind the last good Q frame asked for */
	uint64_t descrambled; /* sectors found scrambled */
};

static int read_at(struct raw_src *s, uint8_t *buf, size_t bytes, uint64_t pos, rawcd_diag *diag)
{
	size_t got = 0;
	while (got < bytes) {
		ssize_t r = pread(s->fd, buf + got, bytes - got, (off_t)(pos + got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return rcd_error(diag, RAWCD_E_IO, s->path, 0, "read failed at byte %llu: %s",
					 (unsigned long long)(pos + got), r < 0 ? strerror(errno) : "the file shrank");
		got += (size_t)r;
	}
	return RAWCD_OK;
}

/* Main channel into the slot, P and Q (de-interleaved) beside it. */
static void split_records(const struct raw_src *s, struct rcd_islot *slot, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const uint8_t *rec = s->staging + i * s->size;
		memcpy(slot->main + i * RAWCD_SECTOR_SIZE, rec, RAWCD_SECTOR_SIZE);
		struct rawcd_subchannels *sc = &slot->sub[i];
		if (s->size == RAW96_SIZE) {
			rawcd_subcode_from_raw96(sc, rec + RAWCD_SECTOR_SIZE);
		} else {
			memcpy(sc->q, rec + RAWCD_SECTOR_SIZE, RAWCD_Q_SIZE);
			memset(sc->p, rec[RAWCD_SECTOR_SIZE + RAWCD_PQ16_SIZE - 1] & 0x80 ? 0xFF : 0x00, sizeof(sc->p));
		}
	}
}

/* Track and expected kind of a sector from its Q frame (a bad frame keeps the last ones). */
/* A later session's lead-in frame: ADR 1 or 5 with TNO 0 at an LBA of the program area, after a lead-out
 * (ECMA-130 §22.3.4.2; Orange Book multisession). Not a position error there. */
static bool later_leadin(struct raw_src *s, const struct rawcd_inspect_subq *sq, const uint8_t *q, int32_t lba)
{
	if (!sq->crc_ok || !s->seen_leadout || lba < -RAWCD_MSF_LBA_OFFSET || q[1] != 0 || (sq->adr != 1 && sq->adr != 5))
		return false;
	s->tno = 0;
	s->expect = RAWCD_EXPECT_ANY;
	return true;
}

static void follow_q(struct raw_src *s, const struct rawcd_inspect_subq *sq, int32_t lba)
{
	if (!sq->crc_ok)
		return;
	if (sq->adr == 1 && sq->tno == RAWCD_LEADOUT_TNO)
		s->seen_leadout = true;
	if (sq->adr == 1 && sq->tno >= 1 && (sq->tno <= RAWCD_MAX_TRACKS || sq->tno == RAWCD_LEADOUT_TNO) && lba >= 0)
		s->tno = (unsigned)sq->tno;
	if (lba < -RAWCD_MSF_LBA_OFFSET || (sq->adr == 1 && sq->index == 0))
		s->expect = RAWCD_EXPECT_ANY;
	else
		s->expect = sq->control & CONTROL_DATA ? RAWCD_EXPECT_DATA : RAWCD_EXPECT_AUDIO;
}

/* true if @p h (bytes 12..15, XORed with @p key) name @p lba and a mode 0–2. */
static bool header_names(const uint8_t *h, const uint8_t *key, const uint8_t want[16])
{
	for (int i = 0; i < 3; i++)
		if ((h[i] ^ key[i]) != want[12 + i])
			return false;
	return (uint8_t)(h[3] ^ key[3]) <= 2;
}

/* Descramble the sector at @p lba if it is a scrambled data sector (see the top of the file). */
static void descramble_if_scrambled(struct raw_src *s, uint8_t *sector, int32_t lba)
{
	static const uint8_t none[4] = {0};
	uint8_t want[16];
	if (rawcd_sector_header(want, lba, 0) != RAWCD_OK || memcmp(sector, want, RAWCD_SYNC_SIZE) != 0)
		return;
	const uint8_t *key = rawcd_scramble_table();
	if (header_names(sector + RAWCD_SCRAMBLE_OFFSET, none, want) ||
	    !header_names(sector + RAWCD_SCRAMBLE_OFFSET, key, want))
		return;
	rawcd_scramble_sectors(sector, 1);
	s->descrambled++;
}

static int plan(struct raw_src *s, struct rcd_irun *run, struct rcd_islot *slot, size_t i)
{
	struct rcd_isector *x = &slot->sec[i];
	*x = (struct rcd_isector){.lba = s->first_lba + (int32_t)(s->next + i), .expect = RAWCD_EXPECT_ANY};
	struct rawcd_inspect_subq sq;
	bool sub = slot->sub && rawcd_inspect_subcode(&sq, &slot->sub[i], x->lba, NULL, s->size == RAW96_SIZE) == 0;
	if (sub && later_leadin(s, &sq, slot->sub[i].q, x->lba))
		sq.findings &= ~(unsigned)RAWCD_FINDING_SUBQ_POSITION;
	else if (sub)
		follow_q(s, &sq, x->lba);
	if (sub)
		x->expect = (uint8_t)s->expect;
	unsigned number = x->lba < 0 ? 0 : s->tno;
	int rc = rcd_irun_track(run, number, RAWCD_MODE_AUDIO, true, x->lba, &x->track);
	if (rc == RAWCD_OK && sub)
		rcd_irun_subcode(run, slot, i, &sq);
	return rc;
}

static int fill(void *ctx, struct rcd_irun *run, struct rcd_islot *slot)
{
	struct raw_src *s = ctx;
	size_t n = s->total - s->next < RCD_INSPECT_BATCH ? (size_t)(s->total - s->next) : RCD_INSPECT_BATCH;
	uint8_t *buf = s->staging ? s->staging : slot->main;
	int rc = read_at(s, buf, n * s->size, s->next * s->size, run->diag);
	if (rc)
		return rc;
	if (s->staging)
		split_records(s, slot, n);
	for (size_t i = 0; i < n; i++)
		descramble_if_scrambled(s, slot->main + i * RAWCD_SECTOR_SIZE, s->first_lba + (int32_t)(s->next + i));
	for (size_t i = 0; i < n && rc == RAWCD_OK; i++)
		rc = plan(s, run, slot, i);
	s->next += n;
	slot->count = n;
	return rc;
}

static int open_raw(struct raw_src *s, const char *path, const struct rawcd_inspect_options *o, rawcd_diag *diag)
{
	struct stat st;
	*s = (struct raw_src){.path = path, .size = o->sector_size, .first_lba = o->first_lba, .tno = 1,
			      .expect = RAWCD_EXPECT_ANY};
	s->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (s->fd < 0 || fstat(s->fd, &st) != 0)
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "cannot open: %s", strerror(errno));
	posix_fadvise(s->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	s->total = (uint64_t)st.st_size / s->size;
	if (!S_ISREG(st.st_mode) || st.st_size == 0 || (uint64_t)st.st_size % s->size)
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "is %s: give the right --sector-size (2352, 2368 "
				 "or 2448)", !S_ISREG(st.st_mode) ? "not a regular file" : st.st_size == 0 ? "empty" :
				 "not a whole number of sectors of that size");
	if (s->total > (uint64_t)(RAWCD_LBA_MAX - s->first_lba) + 1)
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "holds %llu sectors: from LBA %d that goes past "
				 "89:59:74, the last address a CD has", (unsigned long long)s->total, s->first_lba);
	if (s->size != RAWCD_SECTOR_SIZE && !(s->staging = malloc((size_t)RCD_INSPECT_BATCH * s->size)))
		return RAWCD_E_NOMEM;
	return RAWCD_OK;
}

static int probe(struct rawcd_inspect_options *o, const char *path, const struct rawcd_inspect_options *opts,
		 rawcd_diag *diag)
{
	unsigned record = 0;
	int32_t first = 0;
	*o = *opts;
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return RAWCD_OK; /* open_raw() says what is wrong */
	int rc = rcd_rawimage_probe(path, &record, &first, diag);
	if (rc == RAWCD_OK && record) {
		o->sector_size = record;
		o->first_lba = first;
	}
	return rc;
}

int rawcd_inspect_raw(struct rawcd_inspect_report **out, const char *path, const struct rawcd_inspect_options *opts,
		      rawcd_diag *diag)
{
	struct rawcd_inspect_options defaults = RAWCD_INSPECT_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!out || !path || opts->version != RAWCD_INSPECT_OPTIONS_VERSION)
		return RAWCD_E_ARG;
	struct rawcd_inspect_options probed;
	if (opts->sector_size == RAWCD_SECTOR_SIZE && opts->first_lba == 0) {
		/* The defaults: a file whose records carry subcode says its own record size and first LBA. */
		int rc = probe(&probed, path, opts, diag);
		if (rc)
			return rc;
		opts = &probed;
	}
	unsigned size = opts->sector_size;
	if (
	    (size != RAWCD_SECTOR_SIZE && size != PQ16_SIZE && size != RAW96_SIZE) ||
	    opts->first_lba < RAWCD_LBA_MIN || opts->first_lba > RAWCD_LBA_MAX)
		return RAWCD_E_ARG;
	struct rcd_irun run;
	int rc = rcd_irun_init(&run, path, RAWCD_INSPECT_RAW, opts, diag);
	if (rc)
		return rc;
	struct raw_src s;
	rc = open_raw(&s, path, opts, diag);
	if (rc == RAWCD_OK) {
		run.report->sector_size = size;
		run.report->first_lba = opts->first_lba;
		run.report->subcode = size != RAWCD_SECTOR_SIZE;
		struct rcd_isource src = {.fill = fill, .ctx = &s, .total = s.total, .subcode = run.report->subcode};
		rc = rcd_inspect_pipeline(&run, &src);
		run.report->descrambled = s.descrambled;
	}
	if (s.fd >= 0)
		close(s.fd);
	free(s.staging);
	if (rc) {
		rcd_irun_discard(&run);
		return rc;
	}
	*out = rcd_irun_finish(&run);
	return *out ? RAWCD_OK : RAWCD_E_INTERNAL;
}
