/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CloneCD .ccd → laid-out disc (research/subcode.md §6). The full TOC ([Entry n]) gives the track starts,
 * their CONTROL, the first and last track and the lead-out; [TRACK n] gives each track's mode and indexes.
 * The two must agree. The disc is then built as the cue module builds one (one BINARY file, indexes as
 * offsets into it, its sessions) and laid out by rawcd_disc_layout(), so every LBA field follows the same
 * conventions as for a CUE sheet. Sessions, and where each lies in the .img: ccd_sessions.c.
 */
#include "rawcd/ccd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ccd/ccd_internal.h"
#include "rawcd/error.h"
#include "rawcd/msf.h"
#include "rawcd/toc.h"
#include "util/diag.h"
#include "util/path.h"

enum { POINT_A0 = 0xA0, POINT_A1 = 0xA1, POINT_A2 = 0xA2, CONTROL_DATA = 0x04 };

/* The sections the reader uses, found in one pass (unknown ones are ignored). */
struct known {
	const struct rcd_ccd_section *clonecd, *disc, *cdtext;
	const struct rcd_ccd_section *entry[RAWCD_TOC_MAX_DESCRIPTORS];
	const struct rcd_ccd_section *track[RAWCD_MAX_TRACKS + 1];
};

/* What the full TOC says (ADR 1 descriptors): the disc's first and last track and its last lead-out
 * (the sessions' own A0/A1/A2 are in reader.ses), and each track's start. */
struct toc {
	long first, last;
	int32_t leadout;
	struct {
		bool present;
		uint8_t control;
		long session;
		int32_t lba;
		unsigned line;
	} point[RAWCD_MAX_TRACKS + 1];
};

/* One [TRACK n] as read. */
struct ccd_track {
	unsigned number, line;
	long mode;
	char isrc[13];
	struct rawcd_index idx[RAWCD_MAX_INDEX + 1];
	size_t idx_count;
};

struct reader {
	struct rcd_ccd_doc doc;
	struct known known;
	struct toc toc;
	struct ccd_track *tracks; /* RAWCD_MAX_TRACKS */
	size_t track_count;
	long toc_entries;
	const struct rcd_ccd_kv *toc_entries_kv;
	struct rcd_ccd_sessions ses;
};

static int slot_for(struct reader *r, const struct rcd_ccd_section *s, const struct rcd_ccd_section **slot)
{
	char label[64];
	if (*slot)
		return rcd_error(r->doc.diag, RAWCD_E_SYNTAX, r->doc.path, s->line, "section %s repeats the one on "
				 "line %u: remove one of them", rcd_ccd_label(s, label, sizeof(label)), (*slot)->line);
	*slot = s;
	return RAWCD_OK;
}

static int index_sections(struct reader *r)
{
	int rc = RAWCD_OK;
	for (size_t i = 0; i < r->doc.sec_count && rc == RAWCD_OK; i++) {
		const struct rcd_ccd_section *s = &r->doc.sec[i];
		bool numbered = s->number != RCD_CCD_NO_NUMBER;
		if (!numbered && strcasecmp(s->name, "CloneCD") == 0)
			rc = slot_for(r, s, &r->known.clonecd);
		else if (!numbered && strcasecmp(s->name, "Disc") == 0)
			rc = slot_for(r, s, &r->known.disc);
		else if (!numbered && strcasecmp(s->name, "CDText") == 0)
			rc = slot_for(r, s, &r->known.cdtext);
		else if (numbered && strcasecmp(s->name, "Entry") == 0 && s->number < RAWCD_TOC_MAX_DESCRIPTORS)
			rc = slot_for(r, s, &r->known.entry[s->number]);
		else if (numbered && strcasecmp(s->name, "TRACK") == 0 && s->number >= 1 && s->number <= RAWCD_MAX_TRACKS)
			rc = slot_for(r, s, &r->known.track[s->number]);
		else if (strcasecmp(s->name, "Entry") == 0 || strcasecmp(s->name, "TRACK") == 0)
			rc = rcd_error(r->doc.diag, RAWCD_E_SYNTAX, r->doc.path, s->line, "[%s] needs a number: "
				       "[Entry 0] to [Entry %d], [TRACK 1] to [TRACK 99]", s->name,
				       RAWCD_TOC_MAX_DESCRIPTORS - 1);
	}
	return rc;
}

/* [Disc]: the number of entries and sessions, scrambling, CATALOG. */
static int read_disc(struct reader *r, struct rawcd_disc *d, struct rawcd_ccd_info *info)
{
	const struct rcd_ccd_doc *doc = &r->doc;
	const struct rcd_ccd_section *s = r->known.disc;
	if (!s)
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, 0, "has no [Disc] section: is it a CloneCD "
				 ".ccd? Its [Disc] gives TocEntries and Sessions");
	long sessions, scrambled, version = 0;
	int rc = rcd_ccd_key_int(doc, s, "TocEntries", 1, RAWCD_TOC_MAX_DESCRIPTORS, false, 0, &r->toc_entries);
	if (!rc)
		rc = rcd_ccd_get(doc, s, "TocEntries", &r->toc_entries_kv);
	if (!rc)
		rc = rcd_ccd_key_int(doc, s, "Sessions", 1, 99, false, 0, &sessions);
	if (!rc)
		rc = rcd_ccd_key_int(doc, s, "DataTracksScrambled", 0, 1, true, 0, &scrambled);
	if (!rc && r->known.clonecd)
		rc = rcd_ccd_key_int(doc, r->known.clonecd, "Version", 0, 99, true, 0, &version);
	if (rc)
		return rc;
	r->ses.count = sessions;
	info->version = (unsigned)version;
	info->data_scrambled = scrambled == 1;
	const struct rcd_ccd_kv *cat;
	rc = rcd_ccd_get(doc, s, "CATALOG", &cat);
	if (rc || !cat)
		return rc;
	bool ok = strlen(cat->value) == 13 && strspn(cat->value, "0123456789") == 13;
	if (!ok)
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, cat->line, "CATALOG=%s: the media catalogue "
				 "number is 13 digits; fix it or remove the line", cat->value);
	memcpy(d->mcn, cat->value, 14);
	return RAWCD_OK;
}

static int32_t msf_lba(long m, long s, long f)
{
	return (int32_t)((m * 60 + s) * RAWCD_FRAMES_PER_SECOND + f) - RAWCD_MSF_LBA_OFFSET;
}

/* One ADR 1 descriptor into the TOC: A0/A1/A2 into its session, a track point into toc.point. */
static int take_entry(struct reader *r, const struct rcd_ccd_section *s, long session, long point, long control,
		      long p[3])
{
	struct toc *t = &r->toc;
	if (point == POINT_A0 || point == POINT_A1 || point == POINT_A2)
		return rcd_ccd_session_point(&r->ses, &r->doc, s->line, session, point, p);
	if (point < 1 || point > RAWCD_MAX_TRACKS)
		return RAWCD_OK;
	if (t->point[point].present)
		return rcd_error(r->doc.diag, RAWCD_E_SYNTAX, r->doc.path, s->line, "Point=0x%02lx: the TOC has "
				 "this track twice; remove one of the entries", point);
	t->point[point].present = true;
	t->point[point].control = (uint8_t)control;
	t->point[point].session = session;
	t->point[point].lba = msf_lba(p[0], p[1], p[2]);
	t->point[point].line = s->line;
	return RAWCD_OK;
}

static int read_entry(struct reader *r, const struct rcd_ccd_section *s)
{
	static const char *const pkeys[3] = {"PMin", "PSec", "PFrame"};
	static const long pmax[3] = {99, 59, 74};
	const struct rcd_ccd_doc *doc = &r->doc;
	long session, point, adr, control, p[3];
	int rc = rcd_ccd_key_int(doc, s, "Session", 1, 99, false, 0, &session);
	if (!rc)
		rc = rcd_ccd_key_int(doc, s, "Point", 0, 255, false, 0, &point);
	if (!rc)
		rc = rcd_ccd_key_int(doc, s, "ADR", 0, 15, false, 0, &adr);
	if (!rc)
		rc = rcd_ccd_key_int(doc, s, "Control", 0, 15, false, 0, &control);
	for (int i = 0; i < 3 && !rc; i++)
		rc = rcd_ccd_key_int(doc, s, pkeys[i], 0, adr == 1 && point != POINT_A0 ? pmax[i] : 255, false, 0, &p[i]);
	if (rc)
		return rc;
	if (session > r->ses.count)
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, s->line, "Session=%ld, but [Disc] says "
				 "Sessions=%ld: fix the entry or Sessions", session, r->ses.count);
	return adr == 1 ? take_entry(r, s, session, point, control, p) : RAWCD_OK;
}

static int read_entries(struct reader *r)
{
	const struct rcd_ccd_doc *doc = &r->doc;
	int rc = RAWCD_OK;
	for (long i = 0; i < RAWCD_TOC_MAX_DESCRIPTORS && rc == RAWCD_OK; i++) {
		const struct rcd_ccd_section *s = r->known.entry[i];
		if (i < r->toc_entries && !s)
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, r->toc_entries_kv->line, "TocEntries=%ld "
					 "but there is no [Entry %ld]: add it or correct TocEntries", r->toc_entries, i);
		if (i >= r->toc_entries && s)
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, s->line, "[Entry %ld] is beyond "
					 "TocEntries=%ld: correct TocEntries", i, r->toc_entries);
		if (s)
			rc = read_entry(r, s);
	}
	if (rc == RAWCD_OK)
		rc = rcd_ccd_sessions_check(&r->ses, doc, r->known.disc->line);
	if (rc)
		return rc;
	r->toc.first = r->ses.s[1].first;
	r->toc.last = r->ses.s[r->ses.count].last;
	r->toc.leadout = r->ses.s[r->ses.count].leadout;
	for (unsigned n = 1; n <= RAWCD_MAX_TRACKS; n++) {
		long in = rcd_ccd_session_of(&r->ses, n);
		if (r->toc.point[n].present && in && r->toc.point[n].session != in)
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, r->toc.point[n].line, "track %u's entry "
					 "says Session=%ld, but session %ld's A0 and A1 hold it: fix one of them", n,
					 r->toc.point[n].session, in);
	}
	return RAWCD_OK;
}

/* ISO 3901 as the Q channel carries it: 5 characters 0-9/A-Z, 7 digits. */
static bool isrc_ok(const char *s)
{
	if (strlen(s) != 12)
		return false;
	for (size_t i = 0; i < 12; i++) {
		bool digit = s[i] >= '0' && s[i] <= '9', upper = s[i] >= 'A' && s[i] <= 'Z';
		if (!(digit || (i < 5 && upper)))
			return false;
	}
	return true;
}

/* "INDEX n" (any case, spaces between): n, or -1 for another key. */
static long index_key(const char *key)
{
	if (strncasecmp(key, "INDEX", 5) != 0 || (key[5] != ' ' && key[5] != '\t'))
		return -1;
	const char *d = key + 5 + strspn(key + 5, " \t");
	if (!*d || strspn(d, "0123456789") != strlen(d) || strlen(d) > 2)
		return -1;
	return strtol(d, NULL, 10);
}

static int add_index(struct reader *r, struct ccd_track *t, const struct rcd_ccd_kv *kv, long number)
{
	long lba;
	int rc = rcd_ccd_int(&r->doc, kv, 0, RAWCD_LBA_MAX, &lba);
	if (rc)
		return rc;
	size_t at = t->idx_count;
	while (at > 0 && t->idx[at - 1].number > (unsigned)number)
		at--;
	if (at > 0 && t->idx[at - 1].number == (unsigned)number)
		return rcd_error(r->doc.diag, RAWCD_E_SYNTAX, r->doc.path, kv->line, "INDEX %ld of track %u is given "
				 "twice (line %u first): remove one", number, t->number, t->idx[at - 1].line);
	memmove(&t->idx[at + 1], &t->idx[at], (t->idx_count - at) * sizeof(t->idx[0]));
	t->idx[at] = (struct rawcd_index){.number = (unsigned)number, .file = 0, .offset = (uint32_t)lba,
					  .line = kv->line, .lba = (int32_t)lba};
	t->idx_count++;
	return RAWCD_OK;
}

/* Indexes: INDEX 1 present, LBAs rising with the index number. */
static int check_indexes(const struct reader *r, const struct ccd_track *t, unsigned section_line)
{
	size_t one = t->idx_count > 1 && t->idx[0].number == 0 ? 1 : 0; /* INDEX 0 sorts first */
	if (t->idx_count == 0 || t->idx[one].number != 1)
		return rcd_error(r->doc.diag, RAWCD_E_SYNTAX, r->doc.path, section_line, "[TRACK %u] has no "
				 "INDEX 1= (its start LBA): add it", t->number);
	for (size_t i = 1; i < t->idx_count; i++)
		if (t->idx[i].offset <= t->idx[i - 1].offset)
			return rcd_error(r->doc.diag, RAWCD_E_SYNTAX, r->doc.path, t->idx[i].line, "INDEX %u=%u of "
					 "track %u is not after INDEX %u=%u: index LBAs must rise", t->idx[i].number,
					 t->idx[i].offset, t->number, t->idx[i - 1].number, t->idx[i - 1].offset);
	return RAWCD_OK;
}

static int read_track(struct reader *r, const struct rcd_ccd_section *s, struct ccd_track *t)
{
	const struct rcd_ccd_doc *doc = &r->doc;
	*t = (struct ccd_track){.number = (unsigned)s->number, .line = s->line};
	int rc = rcd_ccd_key_int(doc, s, "MODE", 0, 2, false, 0, &t->mode);
	for (size_t i = 0; i < s->count && rc == RAWCD_OK; i++) {
		const struct rcd_ccd_kv *kv = &doc->kv[s->first + i];
		long n = index_key(kv->key);
		if (n >= 0)
			rc = add_index(r, t, kv, n);
	}
	if (rc == RAWCD_OK)
		rc = check_indexes(r, t, s->line);
	const struct rcd_ccd_kv *isrc;
	if (rc == RAWCD_OK)
		rc = rcd_ccd_get(doc, s, "ISRC", &isrc);
	if (rc == RAWCD_OK && isrc && isrc_ok(isrc->value))
		memcpy(t->isrc, isrc->value, 13);
	else if (rc == RAWCD_OK && isrc && isrc->value[0])
		rcd_warn(doc->diag, doc->path, isrc->line, "ISRC=%s is not 5 letters or digits and 7 digits: "
			 "ignored", isrc->value);
	return rc;
}

/* Every track the TOC lists has its [TRACK n] and the other way round, with the same start. */
static int match_toc(struct reader *r, unsigned n)
{
	const struct rcd_ccd_doc *doc = &r->doc;
	const struct toc *toc = &r->toc;
	bool in_range = n >= toc->first && n <= toc->last;
	const struct rcd_ccd_section *s = r->known.track[n];
	if (in_range && !toc->point[n].present)
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, s ? s->line : 0, "the TOC runs from track %ld "
				 "to %ld but has no entry with Point=0x%02x: add it", toc->first, toc->last, n);
	if (!in_range && (toc->point[n].present || s))
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, s ? s->line : toc->point[n].line, "track %u "
				 "is outside the TOC's tracks %ld to %ld (A0 and A1): fix A0/A1 or remove it", n,
				 toc->first, toc->last);
	if (in_range && !s)
		return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, toc->point[n].line, "the TOC lists track %u "
				 "but there is no [TRACK %u] section: add it with MODE and INDEX 1", n, n);
	return RAWCD_OK;
}

static const struct rawcd_index *index1(const struct ccd_track *t)
{
	return &t->idx[t->idx[0].number == 0 ? 1 : 0];
}

/* Each track after the one before, the TOC's start = INDEX 1, all before the lead-out. */
static int check_order(const struct reader *r)
{
	const struct rcd_ccd_doc *doc = &r->doc;
	for (size_t i = 0; i < r->track_count; i++) {
		const struct ccd_track *t = &r->tracks[i];
		const struct rawcd_index *one = index1(t), *last = &t->idx[t->idx_count - 1];
		int32_t toc_lba = r->toc.point[t->number].lba;
		if (one->lba != toc_lba)
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, one->line, "INDEX 1=%d of track %u, "
					 "but its TOC entry (line %u) says LBA %d: the two must agree", one->lba, t->number,
					 r->toc.point[t->number].line, toc_lba);
		if (i > 0 && t->idx[0].lba <= r->tracks[i - 1].idx[r->tracks[i - 1].idx_count - 1].lba)
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, t->idx[0].line, "track %u starts at "
					 "LBA %d, not after the last index of track %u: fix the INDEX lines", t->number,
					 t->idx[0].lba, r->tracks[i - 1].number);
		int32_t leadout = r->ses.s[rcd_ccd_session_of(&r->ses, t->number)].leadout;
		if (last->lba >= leadout)
			return rcd_error(doc->diag, RAWCD_E_SYNTAX, doc->path, last->line, "INDEX %u=%d of track %u is "
					 "not before its session's lead-out at LBA %d (the A2 entry): fix one of them",
					 last->number, last->lba, t->number, leadout);
	}
	return RAWCD_OK;
}

/* INDEX values count from the session's first stored sector: into LBAs, and offsets into the .img
 * (session 1: both are the value). */
static int place_indexes(struct reader *r)
{
	int32_t toc_lba[RAWCD_MAX_TRACKS + 1] = {0}, index1_value[RAWCD_MAX_TRACKS + 1] = {0};
	unsigned index1_line[RAWCD_MAX_TRACKS + 1] = {0};
	for (size_t i = 0; i < r->track_count; i++) {
		unsigned n = r->tracks[i].number;
		toc_lba[n] = r->toc.point[n].lba;
		index1_value[n] = (int32_t)index1(&r->tracks[i])->offset;
		index1_line[n] = index1(&r->tracks[i])->line;
	}
	int rc = rcd_ccd_sessions_place(&r->ses, &r->doc, toc_lba, index1_value, index1_line);
	for (size_t i = 0; i < r->track_count && rc == RAWCD_OK; i++) {
		struct ccd_track *t = &r->tracks[i];
		const struct rcd_ccd_session *ses = &r->ses.s[rcd_ccd_session_of(&r->ses, t->number)];
		for (size_t j = 0; j < t->idx_count; j++) {
			t->idx[j].lba = ses->base + (int32_t)t->idx[j].offset;
			t->idx[j].offset += ses->img_pos;
		}
	}
	return rc;
}

static int read_tracks(struct reader *r)
{
	r->tracks = calloc(RAWCD_MAX_TRACKS, sizeof(*r->tracks));
	if (!r->tracks)
		return RAWCD_E_NOMEM;
	for (unsigned n = 1; n <= RAWCD_MAX_TRACKS; n++) {
		int rc = match_toc(r, n);
		if (rc == RAWCD_OK && r->known.track[n])
			rc = read_track(r, r->known.track[n], &r->tracks[r->track_count++]);
		if (rc)
			return rc;
	}
	int rc = place_indexes(r);
	return rc ? rc : check_order(r);
}

/* STEM + @p ext, STEM being @p ccd_path without a .ccd extension (any case). */
static char *sibling(const char *ccd_path, const char *ext)
{
	size_t n = strlen(ccd_path);
	if (n >= 4 && strcasecmp(ccd_path + n - 4, ".ccd") == 0)
		n -= 4;
	char *out = malloc(n + strlen(ext) + 1);
	if (out) {
		memcpy(out, ccd_path, n);
		strcpy(out + n, ext);
	}
	return out;
}

/* Audio: PRE, DCP, 4CH from CONTROL bits 0, 1, 3; data: DCP (IEC 60908 §17.5.1). */
static unsigned flags_of(uint8_t control, bool audio)
{
	unsigned f = control & 0x02 ? RAWCD_FLAG_DCP : 0;
	if (audio)
		f |= (control & 0x01 ? RAWCD_FLAG_PRE : 0) | (control & 0x08 ? RAWCD_FLAG_4CH : 0);
	return f;
}

static int fill_track(const struct reader *r, const struct ccd_track *src, struct rawcd_track *t)
{
	static const enum rawcd_track_mode modes[3] = {RAWCD_MODE_AUDIO, RAWCD_MODE_MODE1_2352, RAWCD_MODE_MODE2_2352};
	uint8_t control = r->toc.point[src->number].control;
	bool audio = src->mode == 0;
	if (!(control & CONTROL_DATA) != audio)
		rcd_warn(r->doc.diag, r->doc.path, src->line, "track %u is MODE=%ld but its TOC entry's Control=0x%02x "
			 "says %s: the sectors are checked as MODE=%ld says", src->number, src->mode, control,
			 audio ? "data" : "audio", src->mode);
	*t = (struct rawcd_track){.number = src->number, .session = (unsigned)rcd_ccd_session_of(&r->ses, src->number),
				  .mode = modes[src->mode],
				  .flags = flags_of(control, audio), .line = src->line};
	memcpy(t->isrc, src->isrc, sizeof(t->isrc));
	t->indexes = malloc(src->idx_count * sizeof(*t->indexes));
	if (!t->indexes)
		return RAWCD_E_NOMEM;
	memcpy(t->indexes, src->idx, src->idx_count * sizeof(*t->indexes));
	t->index_count = src->idx_count;
	return RAWCD_OK;
}

static int build_disc(const struct reader *r, struct rawcd_disc *d, const char *ccd_path)
{
	d->sheet_path = strdup(ccd_path);
	d->files = calloc(1, sizeof(*d->files));
	d->tracks = calloc(r->track_count, sizeof(*d->tracks));
	if (!d->sheet_path || !d->files || !d->tracks)
		return RAWCD_E_NOMEM;
	d->file_count = 1;
	struct rawcd_file *f = &d->files[0];
	f->path = sibling(ccd_path, ".img");
	f->name = f->path ? strdup(rcd_path_base(f->path)) : NULL;
	if (!f->name)
		return RAWCD_E_NOMEM;
	f->type = RAWCD_FILE_BINARY;
	f->loaded = true;
	int32_t toc_lba[RAWCD_MAX_TRACKS + 1];
	for (unsigned n = 0; n <= RAWCD_MAX_TRACKS; n++)
		toc_lba[n] = r->toc.point[n].lba;
	if (rcd_ccd_sessions_build(&r->ses, &r->doc, d, toc_lba, &f->sectors))
		return RAWCD_E_NOMEM;
	f->bytes = (uint64_t)f->sectors * RAWCD_SECTOR_SIZE;
	for (size_t i = 0; i < r->track_count; i++, d->track_count++)
		if (fill_track(r, &r->tracks[i], &d->tracks[i]))
			return RAWCD_E_NOMEM;
	struct rawcd_layout_options lo = RAWCD_LAYOUT_OPTIONS_INIT;
	lo.capacity_lba = RAWCD_LBA_MAX;
	return rawcd_disc_layout(d, &lo, r->doc.diag);
}

void rawcd_ccd_info_finish(struct rawcd_ccd_info *info)
{
	if (!info)
		return;
	free(info->sub_path);
	*info = (struct rawcd_ccd_info){0};
}

static int parse(struct reader *r, struct rawcd_disc *d, struct rawcd_ccd_info *info, const char *text, size_t len,
		 const char *ccd_path, rawcd_diag *diag)
{
	int rc = rcd_ccd_lex(&r->doc, text, len, ccd_path, diag);
	if (rc == RAWCD_OK)
		rc = index_sections(r);
	if (rc == RAWCD_OK)
		rc = read_disc(r, d, info);
	if (rc == RAWCD_OK)
		rc = read_entries(r);
	if (rc == RAWCD_OK)
		rc = read_tracks(r);
	if (rc == RAWCD_OK)
		rc = build_disc(r, d, ccd_path);
	if (rc == RAWCD_OK)
		rc = rcd_ccd_read_cdtext(&r->doc, r->known.cdtext, r->known.disc, d);
	if (rc == RAWCD_OK)
		d->files[0].scrambled = info->data_scrambled; /* the stream descrambles its data sectors */
	if (rc == RAWCD_OK)
		info->sub_path = sibling(ccd_path, ".sub");
	return rc == RAWCD_OK && !info->sub_path ? RAWCD_E_NOMEM : rc;
}

int rawcd_ccd_parse(struct rawcd_disc **out, struct rawcd_ccd_info *info, const char *text, size_t len,
		    const char *ccd_path, rawcd_diag *diag)
{
	if (!out || !text || !ccd_path)
		return RAWCD_E_ARG;
	struct reader *r = calloc(1, sizeof(*r));
	struct rawcd_disc *d = calloc(1, sizeof(*d));
	struct rawcd_ccd_info got = {0};
	int rc = r && d ? parse(r, d, &got, text, len, ccd_path, diag) : RAWCD_E_NOMEM;
	if (r) {
		rcd_ccd_doc_free(&r->doc);
		free(r->tracks);
		free(r);
	}
	if (rc) {
		rawcd_disc_free(d);
		rawcd_ccd_info_finish(&got);
		return rc;
	}
	*out = d;
	if (info)
		*info = got;
	else
		rawcd_ccd_info_finish(&got);
	return RAWCD_OK;
}
