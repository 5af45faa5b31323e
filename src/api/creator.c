/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IRawCDImageCreator (creator.h; research/imapi.md §2): the properties and the tracks. The creator keeps
 * a disc model of its own, one CALLBACK file a track, and lays it out after every change with the
 * functions the CUE reader's discs go through (rawcd_disc_load_files(), rawcd_disc_layout()), so its
 * LBAs, TOC and image are those of the equivalent CUE sheet. A refused change is undone.
 */
#include "api/creator_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "util/diag.h"

#define NO_DATA_GAP 150 /* a track of another kind than the one before: IEC 60908 §18 */

int rcd_creator_not_frozen(rawcd_creator *c, const char *what)
{
	if (!c->frozen)
		return RAWCD_OK;
	return rcd_error(c->diag, RAWCD_E_STATE, RCD_CREATOR_NAME, 0, "%s: the creator is read-only once "
			 "CreateResultImage ran (E_IMAPI_RAW_IMAGE_IS_READ_ONLY); make a new one", what);
}

int rcd_creator_writable(rawcd_creator *c, const char *what)
{
	int rc = rcd_creator_not_frozen(c, what);
	if (rc || !c->loaded)
		return rc;
	return rcd_error(c->diag, RAWCD_E_STATE, c->disc->sheet_path, 0, "%s: the disc was read from this file, "
			 "whose tracks and their properties it keeps (E_IMAPI_RAW_IMAGE_IS_READ_ONLY): change the "
			 "file, or build the disc with rawcd_creator_new()", what);
}

int rawcd_creator_new(rawcd_creator **out, rawcd_diag *diag)
{
	if (!out)
		return RAWCD_E_ARG;
	rawcd_creator *c = calloc(1, sizeof(*c));
	struct rawcd_disc *d = calloc(1, sizeof(*d));
	if (c && d) {
		d->files = calloc(RAWCD_MAX_TRACKS + 1, sizeof(*d->files));
		d->tracks = calloc(RAWCD_MAX_TRACKS, sizeof(*d->tracks));
		d->sessions = calloc(1, sizeof(*d->sessions));
		d->sheet_path = strdup(RCD_CREATOR_NAME);
	}
	if (!c || !d || !d->files || !d->tracks || !d->sessions || !d->sheet_path) {
		rawcd_disc_free(d);
		free(c);
		return RAWCD_E_NOMEM;
	}
	d->session_count = 1;
	d->input_kind = RAWCD_INPUT_CUE; /* the nearest: a description, not an image */
	*c = (rawcd_creator){.diag = diag, .disc = d, .format = RAWCD_IMAGE_RAW96, .first_number = 1,
			     .limit = RAWCD_CREATOR_MAX_LEADOUT};
	*out = c;
	return RAWCD_OK;
}

void rawcd_creator_free(rawcd_creator *c)
{
	if (!c)
		return;
	rawcd_disc_free(c->disc);
	rawcd_cdtext_packs_finish(&c->packs);
	free(c);
}

struct rawcd_track *rcd_creator_track(rawcd_creator *c, unsigned pos, const char *what)
{
	if (c && pos >= 1 && pos <= c->disc->track_count)
		return &c->disc->tracks[pos - 1];
	if (c && what)
		rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "%s: there is no track at position %u (%zu "
			  "added; positions count from 1)", what, pos, c->disc->track_count);
	return NULL;
}

int rcd_creator_add_file(rawcd_creator *c, rawcd_read_fn read, void *ctx, uint64_t bytes, const char *label,
			 size_t *index)
{
	struct rawcd_disc *d = c->disc;
	char *name = strdup(label);
	if (!name)
		return RAWCD_E_NOMEM;
	d->files[d->file_count] = (struct rawcd_file){.name = name, .type = RAWCD_FILE_CALLBACK, .bytes = bytes,
						      .read = read, .read_ctx = ctx};
	*index = d->file_count++;
	return RAWCD_OK;
}

static uint8_t disc_type(const struct rawcd_disc *d)
{
	uint8_t type = 0x00; /* CD-DA or CD-ROM; as the CUE reader decides it */
	for (size_t i = 0; i < d->track_count; i++) {
		enum rawcd_track_mode m = d->tracks[i].mode;
		if (m == RAWCD_MODE_CDI_2336 || m == RAWCD_MODE_CDI_2352)
			return 0x10;
		if (m == RAWCD_MODE_MODE2_2336 || m == RAWCD_MODE_MODE2_2352)
			type = 0x20;
	}
	return type;
}

int rcd_creator_layout(rawcd_creator *c)
{
	struct rawcd_disc *d = c->disc;
	for (size_t i = 0; i < d->track_count; i++) {
		struct rawcd_track *t = &d->tracks[i];
		t->number = c->first_number + (unsigned)i;
		t->session = 1;
		bool other_kind = i > 0 && rawcd_track_mode_is_audio(t->mode) != rawcd_track_mode_is_audio(t[-1].mode);
		t->pregap = i > 0 && (c->gaps || other_kind) ? (c->gaps ? RAWCD_CREATOR_GAP : NO_DATA_GAP) : 0;
	}
	d->sessions[0] = (struct rawcd_session){.number = 1, .first_track = 0, .track_count = d->track_count,
						.disc_type = disc_type(d), .leadout_length = RAWCD_LEADOUT_DEFAULT,
						.leadin_length = 4500};
	d->laid_out = false;
	if (d->track_count == 0)
		return RAWCD_OK;
	for (size_t f = 0; f < d->file_count; f++)
		d->files[f].loaded = false;
	struct rawcd_layout_options lo = RAWCD_LAYOUT_OPTIONS_INIT;
	lo.capacity_lba = RAWCD_LBA_MAX; /* StartOfLeadoutLimit is checked by the callers, in IMAPI's words */
	int rc = rawcd_disc_load_files(d, c->diag);
	return rc ? rc : rawcd_disc_layout(d, &lo, NULL);
}

/* After a change: the layout, and the lead-out against StartOfLeadoutLimit. */
static int relayout_checked(rawcd_creator *c, const char *what)
{
	int rc = rcd_creator_layout(c);
	if (rc || c->disc->track_count == 0)
		return rc;
	int32_t leadout = rawcd_disc_leadout_lba(c->disc);
	if (leadout <= c->limit)
		return RAWCD_OK;
	char a[12], b[12];
	return rcd_error(c->diag, RAWCD_E_LAYOUT, RCD_CREATOR_NAME, 0, "%s: the lead-out would start at LBA %d "
			 "(%s), after StartOfLeadoutLimit LBA %d (%s), %d sectors too many "
			 "(E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE); shorten the tracks or raise the limit (at most %d)",
			 what, leadout, rawcd_msf_format((uint32_t)leadout + RAWCD_MSF_LBA_OFFSET, a), c->limit,
			 rawcd_msf_format((uint32_t)c->limit + RAWCD_MSF_LBA_OFFSET, b), leadout - c->limit,
			 RAWCD_CREATOR_MAX_LEADOUT);
}

int rawcd_creator_set_result_type(rawcd_creator *c, enum rawcd_image_format f)
{
	if (!c)
		return RAWCD_E_ARG;
	int rc = rcd_creator_not_frozen(c, "ResultingImageType");
	if (rc)
		return rc;
	if (f != RAWCD_IMAGE_RAW96 && f != RAWCD_IMAGE_PACKED96 && f != RAWCD_IMAGE_PQ16)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "ResultingImageType %d: give "
				 "RAWCD_IMAGE_RAW96, RAWCD_IMAGE_PACKED96 or RAWCD_IMAGE_PQ16 (E_INVALIDARG)", (int)f);
	if (f == RAWCD_IMAGE_PQ16 && c->rw_read)
		return rcd_error(c->diag, RAWCD_E_STATE, RCD_CREATOR_NAME, 0, "ResultingImageType PQ_ONLY has no "
				 "R-W, but an R-W generator was added (E_INVALIDARG)");
	c->format = f;
	return RAWCD_OK;
}

enum rawcd_image_format rawcd_creator_result_type(const rawcd_creator *c)
{
	return c ? c->format : RAWCD_IMAGE_RAW96;
}

int rawcd_creator_set_starting_track_number(rawcd_creator *c, unsigned n)
{
	if (!c)
		return RAWCD_E_ARG;
	int rc = rcd_creator_writable(c, "StartingTrackNumber");
	if (rc)
		return rc;
	if (n < 1 || n > RAWCD_MAX_TRACKS)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "StartingTrackNumber %u: track numbers "
				 "are 1-99 (E_INVALIDARG)", n);
	if (c->disc->track_count)
		return rcd_error(c->diag, RAWCD_E_STATE, RCD_CREATOR_NAME, 0, "StartingTrackNumber: set it before "
				 "the first track (E_IMAPI_RAW_IMAGE_TRACKS_ALREADY_ADDED)");
	c->first_number = n;
	return RAWCD_OK;
}

/* EAN-13 / UPC-A check digit of the first 12 digits (GS1 General Specifications §7.9). */
static bool mcn_check_ok(const char d[13])
{
	unsigned sum = 0;
	for (int i = 0; i < 12; i++)
		sum += (unsigned)(d[i] - '0') * (i % 2 ? 3u : 1u);
	return (unsigned)(d[12] - '0') == (10 - sum % 10) % 10;
}

int rawcd_creator_set_mcn(rawcd_creator *c, const char *mcn)
{
	if (!c)
		return RAWCD_E_ARG;
	int rc = rcd_creator_writable(c, "MediaCatalogNumber");
	if (rc)
		return rc;
	size_t n = mcn ? strlen(mcn) : 0;
	if (n == 0) {
		c->disc->mcn[0] = '\0';
		return RAWCD_OK;
	}
	bool digits = strspn(mcn, "0123456789") == n;
	char full[RAWCD_MCN_SIZE] = "0000000000000";
	if (digits && n <= 13)
		memcpy(full + 13 - n, mcn, n);
	if (!digits || n > 13 || !mcn_check_ok(full))
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "MediaCatalogNumber \"%s\": %s "
				 "(E_INVALIDARG); give the 13 digits of the EAN/UPC", mcn,
				 !digits ? "not only digits" : n > 13 ? "more than 13 digits" : "wrong check digit");
	memcpy(c->disc->mcn, full, sizeof(full));
	return RAWCD_OK;
}

const char *rawcd_creator_mcn(const rawcd_creator *c)
{
	return c ? c->disc->mcn : "";
}

int rawcd_creator_set_disable_gapless_audio(rawcd_creator *c, bool disable)
{
	if (!c)
		return RAWCD_E_ARG;
	int rc = rcd_creator_writable(c, "DisableGaplessAudio");
	if (rc || disable == c->gaps)
		return rc;
	c->gaps = disable;
	rc = relayout_checked(c, "DisableGaplessAudio");
	if (rc) {
		c->gaps = !disable;
		rcd_creator_layout(c);
	}
	return rc;
}

int rawcd_creator_set_start_of_leadout_limit(rawcd_creator *c, int32_t lba)
{
	if (!c)
		return RAWCD_E_ARG;
	int rc = rcd_creator_writable(c, "StartOfLeadoutLimit");
	if (rc)
		return rc;
	if (lba < 0 || lba > RAWCD_CREATOR_MAX_LEADOUT)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "StartOfLeadoutLimit %d: give an LBA "
				 "from 0 to %d (88:29:74) (E_INVALIDARG)", lba, RAWCD_CREATOR_MAX_LEADOUT);
	int32_t old = c->limit;
	c->limit = lba;
	rc = relayout_checked(c, "StartOfLeadoutLimit");
	if (rc)
		c->limit = old;
	return rc;
}

int32_t rawcd_creator_start_of_leadout_limit(const rawcd_creator *c)
{
	return c ? c->limit : RAWCD_CREATOR_MAX_LEADOUT;
}

unsigned rawcd_creator_track_count(const rawcd_creator *c)
{
	return c ? (unsigned)c->disc->track_count : 0;
}

static int check_new_track(rawcd_creator *c, enum rawcd_track_mode mode, rawcd_read_fn read, uint32_t sectors)
{
	if (!read || (unsigned)mode > RAWCD_MODE_CDI_2352)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "AddTrack: %s (E_INVALIDARG)",
				 read ? "the mode is not a rawcd_track_mode" : "no read callback");
	if (sectors < RAWCD_CREATOR_MIN_TRACK)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "AddTrack: %u sectors, under the 4 "
				 "seconds (300 sectors) a track needs (ECMA-130 §22.3.3.1) (E_INVALIDARG); nothing "
				 "was added", sectors);
	size_t n = c->disc->track_count;
	if (c->first_number + n > RAWCD_MAX_TRACKS)
		return rcd_error(c->diag, RAWCD_E_LAYOUT, RCD_CREATOR_NAME, 0, "AddTrack: the track would be number "
				 "%zu; track numbers end at 99 (E_IMAPI_RAW_IMAGE_TOO_MANY_TRACKS)", c->first_number + n);
	if (n == 0 && c->special_pregap && !rawcd_track_mode_is_audio(mode))
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "AddTrack: the special pregap is audio, "
				 "so track 1 must be audio too (E_INVALIDARG)");
	return RAWCD_OK;
}

/* Undo the last AddTrack. */
static void drop_last_track(rawcd_creator *c)
{
	struct rawcd_disc *d = c->disc;
	struct rawcd_track *t = &d->tracks[--d->track_count];
	free(t->indexes);
	*t = (struct rawcd_track){0};
	free(d->files[--d->file_count].name);
	d->files[d->file_count] = (struct rawcd_file){0};
	rcd_creator_layout(c);
}

static int append_track(rawcd_creator *c, enum rawcd_track_mode mode, rawcd_read_fn read, void *ctx,
			uint32_t sectors)
{
	struct rawcd_disc *d = c->disc;
	size_t pos = d->track_count + 1, file;
	char label[40];
	snprintf(label, sizeof(label), "track at position %zu", pos);
	struct rawcd_index *x = calloc(RAWCD_MAX_INDEX + 1, sizeof(*x));
	int rc = x ? rcd_creator_add_file(c, read, ctx, (uint64_t)sectors * rawcd_track_mode_file_sector_size(mode),
					  label, &file) : RAWCD_E_NOMEM;
	if (rc) {
		free(x);
		return rc;
	}
	struct rawcd_track *t = &d->tracks[d->track_count++];
	*t = (struct rawcd_track){.mode = mode, .indexes = x, .line = 0};
	if (pos == 1 && c->special_pregap)
		x[t->index_count++] = (struct rawcd_index){.number = 0, .file = 0, .offset = 0};
	x[t->index_count++] = (struct rawcd_index){.number = 1, .file = file, .offset = 0};
	return RAWCD_OK;
}

int rawcd_creator_add_track(rawcd_creator *c, enum rawcd_track_mode mode, rawcd_read_fn read, void *ctx,
			    uint32_t sectors, unsigned *track)
{
	if (!c)
		return RAWCD_E_ARG;
	int rc = rcd_creator_writable(c, "AddTrack");
	if (rc == RAWCD_OK)
		rc = check_new_track(c, mode, read, sectors);
	if (rc == RAWCD_OK)
		rc = append_track(c, mode, read, ctx, sectors);
	if (rc)
		return rc;
	rc = relayout_checked(c, "AddTrack");
	if (rc) {
		drop_last_track(c);
		return rc;
	}
	if (track)
		*track = (unsigned)c->disc->track_count;
	return RAWCD_OK;
}

int rawcd_creator_add_special_pregap(rawcd_creator *c, rawcd_read_fn read, void *ctx, uint32_t sectors)
{
	if (!c)
		return RAWCD_E_ARG;
	int rc = rcd_creator_writable(c, "AddSpecialPregap");
	if (rc)
		return rc;
	if (c->disc->track_count || c->special_pregap)
		return rcd_error(c->diag, RAWCD_E_STATE, RCD_CREATOR_NAME, 0, "AddSpecialPregap: %s "
				 "(E_IMAPI_RAW_IMAGE_TRACKS_ALREADY_ADDED)", c->special_pregap ? "there is one already"
				 : "only before the first track");
	if (!read || sectors < RAWCD_CREATOR_MIN_SPECIAL_PREGAP)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "AddSpecialPregap: %s (E_INVALIDARG)",
				 read ? "under 150 sectors (2 s)" : "no read callback");
	if (sectors - 1 > RAWCD_CREATOR_SPECIAL_PREGAP_END)
		return rcd_error(c->diag, RAWCD_E_LAYOUT, RCD_CREATOR_NAME, 0, "AddSpecialPregap: %u sectors end "
				 "after LBA %d (88:25:74), leaving no room for a track and the lead-out "
				 "(E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE)", sectors, RAWCD_CREATOR_SPECIAL_PREGAP_END);
	size_t file;
	rc = rcd_creator_add_file(c, read, ctx, (uint64_t)sectors * RAWCD_SECTOR_SIZE, "special pregap", &file);
	if (rc == RAWCD_OK)
		c->special_pregap = true;
	return rc;
}

int rawcd_creator_add_subcode_rw_generator(rawcd_creator *c, rawcd_read_fn read, void *ctx)
{
	if (!c)
		return RAWCD_E_ARG;
	int rc = rcd_creator_writable(c, "AddSubcodeRWGenerator");
	if (rc)
		return rc;
	if (!read)
		return rcd_error(c->diag, RAWCD_E_ARG, RCD_CREATOR_NAME, 0, "AddSubcodeRWGenerator: no read "
				 "callback (E_POINTER)");
	if (c->format == RAWCD_IMAGE_PQ16 || c->rw_read)
		return rcd_error(c->diag, RAWCD_E_STATE, RCD_CREATOR_NAME, 0, "AddSubcodeRWGenerator: %s "
				 "(E_INVALIDARG)", c->rw_read ? "there is one already"
				 : "ResultingImageType PQ_ONLY has no R-W");
	c->rw_read = read;
	c->rw_ctx = ctx;
	return RAWCD_OK;
}

const struct rawcd_disc *rawcd_creator_disc(const rawcd_creator *c)
{
	return c && c->disc->track_count ? c->disc : NULL;
}
