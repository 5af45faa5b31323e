/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The report of an inspection: its tracks, the MCN and ISRCs found, the totals; and rawcd_inspect_image(),
 * which picks the reader by the image's extension. */
#include "inspect/inspect_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rawcd/ccd.h"
#include "rawcd/cue.h"
#include "rawcd/error.h"
#include "rawcd/input.h"
#include "rawcd/tocfile.h"
#include "util/path.h"

int rcd_irun_init(struct rcd_irun *run, const char *image, enum rawcd_inspect_source source,
		  const struct rawcd_inspect_options *opts, rawcd_diag *diag)
{
	*run = (struct rcd_irun){.opts = opts, .diag = diag};
	struct rawcd_inspect_report *r = calloc(1, sizeof(*r));
	if (!r)
		return RAWCD_E_NOMEM;
	r->image = strdup(image);
	r->tracks = calloc(RCD_INSPECT_MAX_TRACKS, sizeof(*r->tracks));
	r->source = source;
	r->sector_size = RAWCD_SECTOR_SIZE;
	run->report = r;
	if (!r->image || !r->tracks) {
		rcd_irun_discard(run);
		return RAWCD_E_NOMEM;
	}
	return RAWCD_OK;
}

static void free_hashes(struct rcd_irun *run)
{
	for (size_t i = 0; i < RCD_INSPECT_MAX_TRACKS; i++) {
		rcd_ihash_free(run->hash[i]);
		run->hash[i] = NULL;
	}
}

void rcd_irun_discard(struct rcd_irun *run)
{
	free_hashes(run);
	rawcd_inspect_report_free(run->report);
	run->report = NULL;
}

int rcd_irun_track(struct rcd_irun *run, unsigned number, enum rawcd_track_mode mode, bool from_content,
		   int32_t first_lba, uint8_t *out)
{
	struct rawcd_inspect_report *r = run->report;
	for (size_t i = 0; i < r->track_count; i++)
		if (r->tracks[i].number == number) {
			*out = (uint8_t)i;
			return RAWCD_OK;
		}
	if (r->track_count == RCD_INSPECT_MAX_TRACKS)
		return RAWCD_E_INTERNAL;
	size_t i = r->track_count;
	if (run->opts->hash) {
		int rc = rcd_ihash_new(&run->hash[i]);
		if (rc)
			return rc;
	}
	r->tracks[i] = (struct rawcd_inspect_track){
		.number = number, .mode = mode, .mode_from_content = from_content, .first_lba = first_lba};
	r->track_count++;
	*out = (uint8_t)i;
	return RAWCD_OK;
}

void rcd_irun_subcode(struct rcd_irun *run, struct rcd_islot *slot, size_t i, const struct rawcd_inspect_subq *sq)
{
	struct rcd_isector *x = &slot->sec[i];
	x->findings |= (uint16_t)sq->findings;
	x->adr = sq->crc_ok && (sq->adr == 2 || sq->adr == 3) ? sq->adr : 0;
	if (x->adr == 2 && !run->report->mcn[0])
		memcpy(run->report->mcn, sq->mcn, sizeof(sq->mcn));
	struct rawcd_inspect_track *t = &run->report->tracks[x->track];
	if (x->adr == 3 && !t->isrc[0])
		memcpy(t->isrc, sq->isrc, sizeof(sq->isrc));
}

/* A raw image's track is audio, Mode 1 or Mode 2 by what most of its sectors are. */
static void decide_mode(struct rawcd_inspect_track *t)
{
	const uint64_t *c = t->counts.cls;
	uint64_t mode1 = c[RAWCD_INSPECT_MODE1];
	uint64_t mode2 = c[RAWCD_INSPECT_FORM1] + c[RAWCD_INSPECT_FORM2] + c[RAWCD_INSPECT_FORMLESS];
	uint64_t data = mode1 + mode2 + c[RAWCD_INSPECT_MODE0] + c[RAWCD_INSPECT_DAMAGED];
	if (data * 2 <= t->counts.sectors)
		t->mode = RAWCD_MODE_AUDIO;
	else
		t->mode = mode2 > mode1 ? RAWCD_MODE_MODE2_2352 : RAWCD_MODE_MODE1_2352;
}

static void add_counts(struct rawcd_inspect_counts *sum, const struct rawcd_inspect_counts *c)
{
	sum->sectors += c->sectors;
	sum->bad_sectors += c->bad_sectors;
	for (size_t i = 0; i < RAWCD_INSPECT_CLASS_COUNT; i++)
		sum->cls[i] += c->cls[i];
	for (size_t i = 0; i < RAWCD_FINDING_COUNT; i++)
		sum->finding[i] += c->finding[i];
	sum->bad_subq += c->bad_subq;
	sum->no_edc += c->no_edc;
	sum->mcn_frames += c->mcn_frames;
	sum->isrc_frames += c->isrc_frames;
}

struct rawcd_inspect_report *rcd_irun_finish(struct rcd_irun *run)
{
	struct rawcd_inspect_report *r = run->report;
	for (size_t i = 0; i < r->track_count; i++) {
		struct rawcd_inspect_track *t = &r->tracks[i];
		if (run->hash[i] && rcd_ihash_final(run->hash[i], t) != RAWCD_OK) {
			rcd_irun_discard(run);
			return NULL;
		}
		if (t->mode_from_content)
			decide_mode(t);
		add_counts(&r->total, &t->counts);
	}
	free_hashes(run);
	run->report = NULL;
	return r;
}

void rawcd_inspect_report_free(struct rawcd_inspect_report *report)
{
	if (!report)
		return;
	free(report->image);
	free(report->tracks);
	free(report);
}

static bool has_extension(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	const char *base = rcd_path_base(path);
	return n > e && (size_t)(path + n - base) > e && strcasecmp(path + n - e, ext) == 0;
}

static int inspect_ccd(struct rawcd_inspect_report **out, const char *path, const struct rawcd_inspect_options *opts,
		       rawcd_diag *diag)
{
	struct rawcd_disc *disc = NULL;
	struct rawcd_ccd_info info = {0};
	int rc = rawcd_ccd_load(&disc, &info, path, diag);
	if (rc == RAWCD_OK) {
		struct rawcd_inspect_options o = *opts;
		o.descramble = false; /* DataTracksScrambled=1 marks the .img scrambled: the stream descrambles it */
		rc = rawcd_inspect_disc(out, disc, info.sub_path, &o, diag);
	}
	if (rc == RAWCD_OK)
		(*out)->source = RAWCD_INSPECT_CCD;
	rawcd_ccd_info_finish(&info);
	rawcd_disc_free(disc);
	return rc;
}

int rawcd_inspect_image(struct rawcd_inspect_report **out, const char *path, const struct rawcd_inspect_options *opts,
			rawcd_diag *diag)
{
	struct rawcd_inspect_options defaults = RAWCD_INSPECT_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!out || !path || opts->version != RAWCD_INSPECT_OPTIONS_VERSION)
		return RAWCD_E_ARG;
	/* By content first (a .ccd, a cdrdao TOC file), then by name: a .cue is a sheet, anything else raw
	 * sectors (a 2352-byte BIN has no content that says so). */
	enum rawcd_input_kind kind = RAWCD_INPUT_CUE;
	if (rawcd_input_detect(path, &kind, NULL) != RAWCD_OK)
		kind = RAWCD_INPUT_RAW; /* the raw reader names the file and the error */
	if (kind == RAWCD_INPUT_CCD)
		return inspect_ccd(out, path, opts, diag);
	if (kind != RAWCD_INPUT_TOC && !(kind == RAWCD_INPUT_CUE && has_extension(path, ".cue")))
		return rawcd_inspect_raw(out, path, opts, diag);
	struct rawcd_disc *disc = NULL;
	struct rawcd_layout_options lo = RAWCD_LAYOUT_OPTIONS_INIT;
	lo.capacity_lba = RAWCD_LBA_MAX;
	int rc = kind == RAWCD_INPUT_TOC ? rawcd_tocfile_load(&disc, path, &lo, diag) : rawcd_cue_load(&disc, path, &lo, diag);
	if (rc == RAWCD_OK)
		rc = rawcd_inspect_disc(out, disc, NULL, opts, diag);
	if (rc == RAWCD_OK && kind == RAWCD_INPUT_TOC)
		(*out)->source = RAWCD_INSPECT_TOC;
	rawcd_disc_free(disc);
	return rc;
}
