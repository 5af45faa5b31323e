/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Reading a disc back: its TOC (READ TOC/PMA/ATIP formats 0, 1 and 2, decoded by toc.h) with the MCN
 * and the ISRCs (READ SUB-CHANNEL formats 2 and 3, MMC-3), so that the result prints exactly like the
 * expected TOC of a sheet; its CD-TEXT (format 5); and the comparison of all that with the disc model a
 * burn wrote.
 */
#include "burn_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

#define TOC_ALLOC (4u + 11u * RAWCD_TOC_MAX_DESCRIPTORS) /* the largest format 0-2 response */
#define CDTEXT_ALLOC 0xFFFFu                              /* format 5 with up to 3640 packs */

static int read_format(struct rcd_drive *d, int format, struct rawcd_toc *out, struct rawcd_cmd_result *res,
		       char *why, size_t why_len)
{
	uint8_t cdb[RAWCD_CDB_MAX];
	uint8_t *buf = malloc(TOC_ALLOC);
	if (!buf)
		return RAWCD_E_NOMEM;
	/* Formats 0 and 1 as LBAs; format 2 is always MSF, asked for with TIME set from session 1 as cdrdao
	 * does. */
	int n = rawcd_mmc_cdb_read_toc(cdb, (unsigned)format, format == 2, format == 2 ? 1 : 0, TOC_ALLOC);
	size_t got = 0;
	int rc = rcd_read_cmd(d, cdb, (size_t)n, buf, TOC_ALLOC, &got, res);
	if (rc) {
		rcd_cmd_describe(res, RAWCD_TIMEOUT_DEFAULT_MS, why, why_len);
	} else if ((rc = rawcd_toc_decode(out, format, false, buf, got)) != RAWCD_OK) {
		snprintf(why, why_len, "the %zu bytes returned are not a format-%d response (%s)", got, format,
			 rawcd_strerror(rc));
		rc = RAWCD_E_FORMAT;
	}
	free(buf);
	return rc;
}

/* Tracks of format 0 against those of format 2: the same numbers, starts and CONTROL, the same lead-out. */
static bool same_tracks(const struct rawcd_toc *a, const struct rawcd_toc *b)
{
	if (a->track_count != b->track_count || a->leadout_lba != b->leadout_lba)
		return false;
	for (size_t i = 0; i < a->track_count; i++)
		if (a->tracks[i].number != b->tracks[i].number || a->tracks[i].start_lba != b->tracks[i].start_lba ||
		    (a->tracks[i].control & 0x0F) != (b->tracks[i].control & 0x0F))
			return false;
	return true;
}

static void cross_check(struct rcd_drive *d, const struct rawcd_toc *full, const struct rawcd_toc *toc0,
			bool have0)
{
	if (have0 && !same_tracks(full, toc0))
		rcd_warn(d->diag, d->name, 0, "READ TOC formats 0 and 2 disagree about the tracks or the lead-out: "
			 "format 2 is used");
	struct rawcd_toc *toc1 = malloc(sizeof(*toc1));
	struct rawcd_cmd_result res;
	char why[RAWCD_SENSE_MESSAGE_MAX + 64];
	if (toc1 && read_format(d, 1, toc1, &res, why, sizeof(why)) == RAWCD_OK &&
	    (toc1->last_session != full->last_session ||
	     (full->track_count && toc1->first_track < full->tracks[0].number)))
		rcd_warn(d->diag, d->name, 0, "READ TOC format 1 reports last session %u, the full TOC %u",
			 toc1->last_session, full->last_session);
	free(toc1);
}

/* INQUIRY, a disc in the drive, not blank. */
static int readable_disc(struct rcd_drive *d)
{
	struct rawcd_drive_info *info = calloc(1, sizeof(*info));
	if (!info)
		return RAWCD_E_NOMEM;
	int rc = rcd_probe_identify(d, info);
	if (rc == RAWCD_OK && !info->medium_present)
		rc = rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "no disc in the drive");
	if (rc == RAWCD_OK && rcd_probe_disc_info(d, info, false) == RAWCD_OK && info->has_disc_info &&
	    info->disc_info.disc_status == 0)
		rc = rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "the disc is blank: it has no TOC");
	free(info);
	return rc;
}

int rawcd_drive_read_toc(rawcd_transport *t, struct rawcd_toc *out, rawcd_diag *diag)
{
	if (!t || !out)
		return RAWCD_E_ARG;
	struct rcd_drive d;
	rcd_drive_init(&d, t, diag);
	int rc = readable_disc(&d);
	if (rc)
		return rc;
	struct rawcd_toc *full = malloc(sizeof(*full)), *toc0 = malloc(sizeof(*toc0));
	if (!full || !toc0) {
		free(full);
		free(toc0);
		return RAWCD_E_NOMEM;
	}
	struct rawcd_cmd_result res;
	char why2[RAWCD_SENSE_MESSAGE_MAX + 64], why0[RAWCD_SENSE_MESSAGE_MAX + 64];
	int rc2 = read_format(&d, 2, full, &res, why2, sizeof(why2));
	int rc0 = read_format(&d, 0, toc0, &res, why0, sizeof(why0));
	if (rc2 == RAWCD_OK) {
		cross_check(&d, full, toc0, rc0 == RAWCD_OK);
		*out = *full;
	} else if (rc0 == RAWCD_OK) {
		rcd_warn(d.diag, d.name, 0, "READ TOC format 2 (full TOC): %s; the TOC is format 0's, without "
			 "sessions and lead-in items", why2);
		*out = *toc0;
	} else if (rc2 == RAWCD_E_NOMEM || rc0 == RAWCD_E_NOMEM) {
		rc = RAWCD_E_NOMEM;
	} else {
		rc = rcd_error(d.diag, RAWCD_E_IO, d.name, 0, "cannot read the TOC: format 2: %s; format 0: %s",
			       why2, why0);
	}
	free(full);
	free(toc0);
	return rc;
}

/* Format 5: the 4-byte header first for the length, then the whole. *refused when the drive said
 * 5/24 or 5/20 (no CD-TEXT on the disc, or a drive that cannot read it). */
static int read_cdtext(struct rcd_drive *d, struct rawcd_cdtext_packs *out, bool *refused)
{
	uint8_t cdb[RAWCD_CDB_MAX], head[4];
	struct rawcd_cmd_result res;
	size_t got = 0;
	*refused = false;
	int n = rawcd_mmc_cdb_read_toc(cdb, 5, false, 0, sizeof(head));
	int rc = rcd_read_cmd(d, cdb, (size_t)n, head, sizeof(head), &got, &res);
	if (rc) {
		enum rawcd_sense_class cls = rcd_cmd_class(&res);
		if (cls != RAWCD_SENSE_REFUSED && cls != RAWCD_SENSE_NOT_SUPPORTED)
			return rcd_cmd_error(d, "READ TOC format 5 (CD-TEXT)", &res, RAWCD_TIMEOUT_DEFAULT_MS);
		*refused = true;
		rcd_warn(d->diag, d->name, 0, "READ TOC format 5 was refused (%s): no CD-TEXT read (the disc has "
			 "none, or the drive cannot read it)", res.sense.message);
		*out = (struct rawcd_cdtext_packs){0};
		return RAWCD_OK;
	}
	size_t want = got >= 2 ? ((size_t)head[0] << 8 | head[1]) + 2 : 0;
	if (want < 4 || want > CDTEXT_ALLOC)
		want = 4;
	uint8_t *buf = malloc(want);
	if (!buf)
		return RAWCD_E_NOMEM;
	n = rawcd_mmc_cdb_read_toc(cdb, 5, false, 0, (unsigned)want);
	rc = rcd_read_cmd(d, cdb, (size_t)n, buf, want, &got, &res);
	if (rc)
		rc = rcd_cmd_error(d, "READ TOC format 5 (CD-TEXT)", &res, RAWCD_TIMEOUT_DEFAULT_MS);
	else if ((rc = rawcd_cdtext_decode_response(out, buf, got)) == RAWCD_E_FORMAT)
		rc = rcd_error(d->diag, RAWCD_E_IO, d->name, 0, "READ TOC format 5 returned %zu bytes that are not "
			       "CD-TEXT packs (a length that does not fit, or a bad CRC)", got);
	free(buf);
	return rc;
}

int rawcd_drive_read_cdtext(rawcd_transport *t, struct rawcd_cdtext_packs *out, rawcd_diag *diag)
{
	if (!t || !out)
		return RAWCD_E_ARG;
	struct rcd_drive d;
	rcd_drive_init(&d, t, diag);
	bool refused;
	return read_cdtext(&d, out, &refused);
}

/* ---- MCN and ISRCs ---- */

_Static_assert(sizeof(((struct rawcd_mmc_subchannel *)0)->mcn) == RAWCD_MCN_SIZE, "MCN sizes");
_Static_assert(sizeof(((struct rawcd_mmc_subchannel *)0)->isrc) == RAWCD_ISRC_SIZE, "ISRC sizes");

/* READ SUB-CHANNEL format 2 (the MCN, @p track 0) or 3 (the ISRC of @p track), SubQ set, LBA addresses.
 * RAWCD_E_IO when the drive cannot say (the command failed, or the data is not that format): *why then
 * says how ("failed (SENSE)", "returned N bytes ..."). */
static int subchannel(struct rcd_drive *d, unsigned format, unsigned track, struct rawcd_mmc_subchannel *out,
		      char *why, size_t why_len)
{
	uint8_t cdb[RAWCD_CDB_MAX], buf[RAWCD_MMC_SUBCHANNEL_LEN];
	struct rawcd_cmd_result res;
	size_t got = 0;
	int n = rawcd_mmc_cdb_read_subchannel(cdb, format, false, track, sizeof(buf));
	if (rcd_read_cmd(d, cdb, (size_t)n, buf, sizeof(buf), &got, &res)) {
		char sense[RAWCD_SENSE_MESSAGE_MAX + 64];
		rcd_cmd_describe(&res, RAWCD_TIMEOUT_DEFAULT_MS, sense, sizeof(sense));
		snprintf(why, why_len, "failed (%s)", sense);
		return RAWCD_E_IO;
	}
	if (rawcd_mmc_parse_subchannel(out, format, false, buf, got)) {
		snprintf(why, why_len, "returned %zu bytes that are not that format", got);
		return RAWCD_E_IO;
	}
	return RAWCD_OK;
}

/* What could not be read, as a warning: for the verify "verify: ... not checked" (the words its report
 * and tests know), else what is left empty. */
static void unread_warning(struct rcd_drive *d, bool verify, unsigned format, unsigned track, const char *why)
{
	if (verify)
		rcd_warn(d->diag, d->name, 0, "verify: READ SUB-CHANNEL format %u %s: the %s not checked", format, why,
			 format == 2 ? "MCN is" : "ISRCs are");
	else if (format == 2)
		rcd_warn(d->diag, d->name, 0, "READ SUB-CHANNEL format 2 (MCN) %s: the disc's MCN is not known and "
			 "left empty", why);
	else
		rcd_warn(d->diag, d->name, 0, "READ SUB-CHANNEL format 3 (ISRC) of track %02u %s: the ISRCs from "
			 "track %02u on are not known and left empty", track, why, track);
}

/* rawcd_drive_read_mcn_isrc(), shared with the verify (@p verify words the warnings for it). Returns the
 * RAWCD_VERIFY_MCN / _ISRC bits of what was not read; *isrcs_read = how many of the first tracks had
 * their ISRC read (all of them unless RAWCD_VERIFY_ISRC). */
static unsigned read_mcn_isrc(struct rcd_drive *d, struct rawcd_toc *toc, bool verify, size_t *isrcs_read)
{
	struct rawcd_mmc_subchannel sc;
	char why[RAWCD_SENSE_MESSAGE_MAX + 96];
	unsigned unread = 0;
	size_t count = toc->track_count < RAWCD_MAX_TRACKS ? toc->track_count : RAWCD_MAX_TRACKS, i;
	if (subchannel(d, 2, 0, &sc, why, sizeof(why)) == RAWCD_OK) {
		memcpy(toc->mcn, sc.mcn, sizeof(toc->mcn)); /* "" when MCVAL is 0 */
	} else {
		toc->mcn[0] = '\0';
		unread |= RAWCD_VERIFY_MCN;
		unread_warning(d, verify, 2, 0, why);
	}
	for (i = 0; i < count; i++) {
		struct rawcd_toc_track *t = &toc->tracks[i];
		if (subchannel(d, 3, t->number, &sc, why, sizeof(why)) != RAWCD_OK) {
			unread |= RAWCD_VERIFY_ISRC;
			unread_warning(d, verify, 3, t->number, why);
			break;
		}
		memcpy(t->isrc, sc.isrc, sizeof(t->isrc)); /* "" when TCVAL is 0 */
	}
	*isrcs_read = i;
	for (; i < count; i++)
		toc->tracks[i].isrc[0] = '\0';
	return unread;
}

int rawcd_drive_read_mcn_isrc(rawcd_transport *t, struct rawcd_toc *toc, unsigned *unread, rawcd_diag *diag)
{
	if (!t || !toc)
		return RAWCD_E_ARG;
	struct rcd_drive d;
	rcd_drive_init(&d, t, diag);
	size_t isrcs_read;
	unsigned bits = read_mcn_isrc(&d, toc, false, &isrcs_read);
	if (unread)
		*unread = bits;
	return RAWCD_OK;
}

/* ---- verify ---- */

/* One difference between the disc and the sheet: a warning "verify: ...", counted. */
__attribute__((format(printf, 3, 4))) static void differs(struct rcd_drive *d, unsigned *bad, const char *fmt, ...)
{
	char text[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	rcd_warn(d->diag, d->name, 0, "verify: %s", text);
	++*bad;
}

static const struct rawcd_toc_track *find_track(const struct rawcd_toc *toc, unsigned number)
{
	for (size_t i = 0; i < toc->track_count; i++)
		if (toc->tracks[i].number == number)
			return &toc->tracks[i];
	return NULL;
}

static const struct rawcd_toc_descriptor *find_item(const struct rawcd_toc *toc, unsigned session, unsigned point)
{
	for (size_t i = 0; i < toc->full_count; i++)
		if (toc->full[i].session == session && toc->full[i].point == point)
			return &toc->full[i];
	return NULL;
}

static unsigned compare_tracks(struct rcd_drive *d, const struct rawcd_toc *want, const struct rawcd_toc *got)
{
	unsigned bad = 0;
	if (want->first_track != got->first_track || want->last_track != got->last_track)
		differs(d, &bad, "the disc has tracks %u-%u, the sheet %u-%u", got->first_track, got->last_track,
			want->first_track, want->last_track);
	if (want->leadout_lba != got->leadout_lba)
		differs(d, &bad, "the lead-out starts at LBA %d on the disc, %d in the sheet", got->leadout_lba,
			want->leadout_lba);
	for (size_t i = 0; i < want->track_count; i++) {
		const struct rawcd_toc_track *w = &want->tracks[i], *g = find_track(got, w->number);
		if (!g)
			differs(d, &bad, "track %02u is missing on the disc", w->number);
		else if (g->start_lba != w->start_lba || (g->control & 0x0F) != (w->control & 0x0F))
			differs(d, &bad, "track %02u starts at LBA %d with CONTROL %Xh on the disc, LBA %d with "
				"CONTROL %Xh in the sheet", w->number, g->start_lba, g->control, w->start_lba,
				w->control);
	}
	for (size_t i = 0; i < got->track_count; i++)
		if (!find_track(want, got->tracks[i].number))
			differs(d, &bad, "the disc has a track %02u the sheet does not have", got->tracks[i].number);
	return bad;
}

/* The lead-in items (A0, A1, A2, 01-99) of the full TOC, when the drive gave one. MIN/SEC/FRAME are the
 * running time in the lead-in, which drives report differently: not compared. */
static unsigned compare_full(struct rcd_drive *d, const struct rawcd_toc *want, const struct rawcd_toc *got)
{
	unsigned bad = 0;
	if (got->full_count == 0)
		return 0;
	for (size_t i = 0; i < want->full_count; i++) {
		const struct rawcd_toc_descriptor *w = &want->full[i], *g = find_item(got, w->session, w->point);
		if (!g)
			differs(d, &bad, "full TOC item %02Xh of session %u is missing on the disc", w->point,
				w->session);
		else if (g->adr != w->adr || g->control != w->control || g->pmin != w->pmin || g->psec != w->psec ||
			 g->pframe != w->pframe)
			differs(d, &bad, "full TOC item %02Xh reads ADR %u CONTROL %Xh %02u:%02u:%02u on the disc, "
				"ADR %u CONTROL %Xh %02u:%02u:%02u expected", w->point, g->adr, g->control, g->pmin,
				g->psec, g->pframe, w->adr, w->control, w->pmin, w->psec, w->pframe);
	}
	return bad;
}

/* The MCN and every track's ISRC against the sheet's (an empty one in the sheet must be absent on the
 * disc). Only what the drive reported is compared: the MCN unless @p unread has RAWCD_VERIFY_MCN, the
 * ISRCs of the first @p isrcs_read tracks of @p got. */
static unsigned compare_ids(struct rcd_drive *d, const struct rawcd_toc *want, const struct rawcd_toc *got,
			    unsigned unread, size_t isrcs_read)
{
	unsigned bad = 0;
	if (!(unread & RAWCD_VERIFY_MCN) && strcmp(got->mcn, want->mcn) != 0)
		differs(d, &bad, "the disc's MCN is \"%s\", the sheet's \"%s\"", got->mcn, want->mcn);
	for (size_t i = 0; i < want->track_count; i++) {
		const struct rawcd_toc_track *w = &want->tracks[i], *g = find_track(got, w->number);
		if (g && (size_t)(g - got->tracks) < isrcs_read && strcmp(g->isrc, w->isrc) != 0)
			differs(d, &bad, "track %02u's ISRC is \"%s\" on the disc, \"%s\" in the sheet", w->number,
				g->isrc, w->isrc);
	}
	return bad;
}

static bool same_packs(const struct rawcd_cdtext_packs *a, const struct rawcd_cdtext_packs *b)
{
	return a->count == b->count && (a->count == 0 || memcmp(a->pack, b->pack, a->count * sizeof(*a->pack)) == 0);
}

/* The disc's CD-TEXT packs against the sheet's; RAWCD_VERIFY_CDTEXT into *unchecked when the drive
 * refuses format 5 and the sheet has CD-TEXT (a sheet without any has nothing to miss). */
static int compare_cdtext(struct rcd_drive *d, const struct rawcd_disc *disc, unsigned *bad, unsigned *unchecked)
{
	struct rawcd_cdtext_packs want = {0}, got = {0};
	bool refused = false;
	int rc = rawcd_cdtext_for_disc(&want, disc, d->diag);
	if (rc == RAWCD_OK)
		rc = read_cdtext(d, &got, &refused);
	if (rc == RAWCD_OK && !refused && !same_packs(&want, &got))
		differs(d, bad, "the disc's CD-TEXT (%zu packs) differs from the sheet's (%zu packs)", got.count,
			want.count);
	else if (rc == RAWCD_OK && refused && want.count) {
		rcd_warn(d->diag, d->name, 0, "verify: the sheet's CD-TEXT (%zu packs) could not be checked",
			 want.count);
		*unchecked |= RAWCD_VERIFY_CDTEXT;
	}
	rawcd_cdtext_packs_finish(&want);
	rawcd_cdtext_packs_finish(&got);
	return rc;
}

int rawcd_burn_verify(rawcd_transport *t, const struct rawcd_disc *disc, struct rawcd_verify_report *out,
		      rawcd_diag *diag)
{
	if (!t || !disc || !disc->laid_out || !out)
		return RAWCD_E_ARG;
	struct rcd_drive d;
	rcd_drive_init(&d, t, diag);
	struct rawcd_toc *want = malloc(sizeof(*want)), *got = malloc(sizeof(*got));
	int rc = want && got ? rawcd_toc_from_disc(want, disc) : RAWCD_E_NOMEM;
	if (rc == RAWCD_OK)
		rc = rawcd_drive_read_toc(t, got, diag);
	struct rawcd_verify_report r = {0};
	if (rc == RAWCD_OK) {
		size_t isrcs_read;
		r.unchecked = read_mcn_isrc(&d, got, true, &isrcs_read);
		r.mismatches = compare_tracks(&d, want, got) + compare_full(&d, want, got) +
			       compare_ids(&d, want, got, r.unchecked, isrcs_read);
		rc = compare_cdtext(&d, disc, &r.mismatches, &r.unchecked);
	}
	free(want);
	free(got);
	if (rc == RAWCD_OK)
		*out = r;
	return rc;
}
