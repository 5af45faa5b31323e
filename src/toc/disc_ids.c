/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Disc identifiers of a TOC: freedb (CDDB1) and MusicBrainz through libdiscid, AccurateRip computed
 * here (no library offers it). Each service reads the TOC its own way; the rules below were checked
 * against the values that CUETools' AccurateRip reports, whipper's tests (from EAC and cd-discid) and
 * MusicBrainz's own example assert (tests/unit/toc/test_disc_ids.c):
 *
 * - freedb: every track of every session, the last session's lead-out; addresses are LBA + 150.
 * - MusicBrainz: the tracks up to the last audio track (a leading data track stays, as libdiscid reads a
 *   disc); if a data track follows (CD-Extra, Blue Book), the lead-out is that track's start - 11,400
 *   (the lead-out, lead-in and pregap of a second session), as libdiscid does.
 * - AccurateRip ("nnn-id1-id2-freedb"): the audio tracks only, numbered 1..n in order; offsets are LBAs
 *   (no +150) and the lead-out L is the disc's last lead-out even on a CD-Extra:
 *   id1 = sum(offset_i) + L, id2 = sum(max(offset_i, 1) * i) + max(L, 1) * (n + 1), both mod 2^32;
 *   nnn = n; the last part is the freedb id above.
 */
#include "rawcd/toc.h"

#include <stdio.h>
#include <string.h>

#include <discid/discid.h>

#include "rawcd/error.h"
#include "rawcd/msf.h"

#define CONTROL_DATA 0x04           /* IEC 60908 §17.5.1: CONTROL bit 2, data track */
#define DATA_SESSION_GAP 11400      /* Blue Book: lead-out 6750 + lead-in 4500 + pregap 150 */
#define DISCID_OFFSETS 100          /* libdiscid: offsets[0] lead-out, offsets[1..99] tracks */

static bool is_audio(const struct rawcd_toc_track *t)
{
	return (t->control & CONTROL_DATA) == 0;
}

/* Run libdiscid over tracks[0..count) with the given lead-out LBA. Writes its freedb id and/or its
 * MusicBrainz id (either pointer may be NULL). */
static int run_discid(const struct rawcd_toc *toc, size_t count, int32_t leadout, char *freedb,
		      char *musicbrainz)
{
	int offsets[DISCID_OFFSETS];
	memset(offsets, 0, sizeof(offsets));
	unsigned first = toc->tracks[0].number;
	unsigned last = toc->tracks[count - 1].number;
	if (first == 0 || last > RAWCD_MAX_TRACKS || last - first + 1 != count)
		return RAWCD_E_ARG;
	offsets[0] = leadout + RAWCD_MSF_LBA_OFFSET;
	for (size_t i = 0; i < count; i++)
		offsets[toc->tracks[i].number] = toc->tracks[i].start_lba + RAWCD_MSF_LBA_OFFSET;

	DiscId *d = discid_new();
	if (d == NULL)
		return RAWCD_E_NOMEM;
	int err = RAWCD_OK;
	if (!discid_put(d, (int)first, (int)last, offsets)) {
		err = RAWCD_E_ARG; /* libdiscid refused it: addresses out of order or beyond 90 minutes */
	} else {
		const char *f = discid_get_freedb_id(d);
		const char *m = discid_get_id(d);
		if (freedb != NULL && f != NULL && strlen(f) == 8)
			memcpy(freedb, f, 9);
		else if (freedb != NULL)
			err = RAWCD_E_INTERNAL;
		if (musicbrainz != NULL && m != NULL && strlen(m) == 28)
			memcpy(musicbrainz, m, 29);
		else if (musicbrainz != NULL)
			err = RAWCD_E_INTERNAL;
	}
	discid_free(d);
	return err;
}

/* MusicBrainz: drop trailing data tracks; the first dropped one moves the lead-out back. */
static int musicbrainz_id(const struct rawcd_toc *toc, char *out)
{
	size_t count = toc->track_count;
	while (count > 0 && !is_audio(&toc->tracks[count - 1]))
		count--;
	if (count == 0) {
		out[0] = '\0';
		return RAWCD_OK;
	}
	int32_t leadout = toc->leadout_lba;
	if (count < toc->track_count)
		leadout = toc->tracks[count].start_lba - DATA_SESSION_GAP;
	return run_discid(toc, count, leadout, NULL, out);
}

static void accuraterip_id(const struct rawcd_toc *toc, const char *freedb, char *out, size_t size)
{
	uint32_t id1 = 0, id2 = 0, n = 0;
	for (size_t i = 0; i < toc->track_count; i++) {
		const struct rawcd_toc_track *t = &toc->tracks[i];
		if (!is_audio(t))
			continue;
		uint32_t offset = t->start_lba > 0 ? (uint32_t)t->start_lba : 0;
		n++;
		id1 += offset;
		id2 += (offset > 0 ? offset : 1) * n; /* unsigned: wraps mod 2^32 as the ids do */
	}
	if (n == 0) {
		out[0] = '\0';
		return;
	}
	uint32_t leadout = toc->leadout_lba > 0 ? (uint32_t)toc->leadout_lba : 0;
	id1 += leadout;
	id2 += (leadout > 0 ? leadout : 1) * (n + 1);
	/* n <= 99 (track_count is checked): as uint8_t the compiler sees the 31 bytes fit. */
	snprintf(out, size, "%03u-%08x-%08x-%.8s", (unsigned)(uint8_t)n, (unsigned)id1, (unsigned)id2, freedb);
}

int rawcd_toc_disc_ids(struct rawcd_disc_ids *out, const struct rawcd_toc *toc)
{
	if (out == NULL || toc == NULL || toc->track_count == 0 || toc->track_count > RAWCD_MAX_TRACKS)
		return RAWCD_E_ARG;
	/* Starts must ascend and the lead-out follow them (format 1 has no lead-out: no ids). */
	for (size_t i = 0; i < toc->track_count; i++) {
		int32_t next = i + 1 < toc->track_count ? toc->tracks[i + 1].start_lba : toc->leadout_lba;
		if (toc->tracks[i].start_lba < 0 || next <= toc->tracks[i].start_lba)
			return RAWCD_E_ARG;
	}

	struct rawcd_disc_ids ids;
	memset(&ids, 0, sizeof(ids));
	int err = run_discid(toc, toc->track_count, toc->leadout_lba, ids.freedb, NULL);
	if (err == RAWCD_OK)
		err = musicbrainz_id(toc, ids.musicbrainz);
	if (err != RAWCD_OK)
		return err;
	accuraterip_id(toc, ids.freedb, ids.accuraterip, sizeof(ids.accuraterip));
	*out = ids;
	return RAWCD_OK;
}
