/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The TOC as the JSON object of DESIGN.md §3 (`rawcd toc --format json`). Keys come in a fixed order so
 * that output can be compared byte for byte: a TOC read from a drive (format 2 and READ SUB-CHANNEL)
 * prints exactly like the TOC computed from the sheet when no disc model is passed.
 */
#include "rawcd/toc.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "rawcd/error.h"

/* json-c calls return NULL or non-zero when out of memory; collect that in one flag and check once. */
struct builder {
	bool failed;
};

static json_object *checked(struct builder *b, json_object *o)
{
	if (o == NULL)
		b->failed = true;
	return o;
}

static void add(struct builder *b, json_object *obj, const char *key, json_object *value)
{
	/* A NULL value is JSON null; only a failed insertion is an error here. */
	if (obj == NULL || json_object_object_add(obj, key, value) != 0) {
		json_object_put(value);
		b->failed = true;
	}
}

static void add_int(struct builder *b, json_object *obj, const char *key, int64_t value)
{
	add(b, obj, key, checked(b, json_object_new_int64(value)));
}

/* A string, or null when it is empty (an id that does not apply, no MCN, no ISRC). */
static void add_str_or_null(struct builder *b, json_object *obj, const char *key, const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	add(b, obj, key, n == 0 ? NULL : checked(b, json_object_new_string_len(s, (int)n)));
}

static void push(struct builder *b, json_object *array, json_object *value)
{
	if (value == NULL || array == NULL || json_object_array_add(array, value) != 0) {
		json_object_put(value);
		b->failed = true;
	}
}

static const struct rawcd_track *disc_track(const struct rawcd_disc *disc, unsigned number)
{
	for (size_t i = 0; i < disc->track_count; i++)
		if (disc->tracks[i].number == number)
			return &disc->tracks[i];
	return NULL;
}

/* CUE FLAGS words in bit order: PRE, DCP, 4CH, SCMS. */
static json_object *flags_json(struct builder *b, unsigned flags)
{
	json_object *a = checked(b, json_object_new_array());
	for (unsigned bit = 1; bit <= RAWCD_FLAG_SCMS; bit <<= 1)
		if ((flags & bit) && rawcd_track_flag_name(bit))
			push(b, a, checked(b, json_object_new_string(rawcd_track_flag_name(bit))));
	return a;
}

static void index_json(struct builder *b, json_object *a, unsigned number, int32_t lba)
{
	json_object *o = checked(b, json_object_new_object());
	add_int(b, o, "number", (int)number);
	add_int(b, o, "lba", lba);
	push(b, a, o);
}

/* The disc's indexes, not the sheet's: a pregap the sheet generates (PREGAP) or implies (track 1 starting
 * inside its file) is index 0 on the disc, as in the BIN sheet `convert` writes. */
static json_object *indexes_json(struct builder *b, const struct rawcd_track *t)
{
	json_object *a = checked(b, json_object_new_array());
	if (t->pregap_lba < t->start_lba && t->indexes[0].number != 0)
		index_json(b, a, 0, t->pregap_lba);
	for (size_t i = 0; i < t->index_count; i++)
		index_json(b, a, t->indexes[i].number, t->indexes[i].lba);
	return a;
}

/* Key order: number, session, mode*, adr, control, flags*, start_lba, length, pregap*, indexes*, isrc
 * (* only with a disc model; isrc from the model when there is one, else from the TOC). */
static json_object *track_json(struct builder *b, const struct rawcd_toc_track *t,
			       const struct rawcd_disc *disc)
{
	const struct rawcd_track *dt = disc != NULL ? disc_track(disc, t->number) : NULL;
	json_object *o = checked(b, json_object_new_object());
	add_int(b, o, "number", t->number);
	add_int(b, o, "session", t->session);
	if (disc != NULL)
		add(b, o, "mode",
		    dt == NULL ? NULL : checked(b, json_object_new_string(rawcd_track_mode_name(dt->mode))));
	add_int(b, o, "adr", t->adr);
	add_int(b, o, "control", t->control);
	if (disc != NULL)
		add(b, o, "flags", dt == NULL ? NULL : flags_json(b, dt->flags));
	add_int(b, o, "start_lba", t->start_lba);
	add_int(b, o, "length", t->length);
	if (disc != NULL) {
		if (dt == NULL) {
			add(b, o, "pregap", NULL);
			add(b, o, "indexes", NULL);
			add(b, o, "isrc", NULL);
		} else {
			add_int(b, o, "pregap", (int64_t)dt->start_lba - dt->pregap_lba);
			add(b, o, "indexes", indexes_json(b, dt));
			add_str_or_null(b, o, "isrc", dt->isrc, sizeof(dt->isrc));
		}
	} else {
		add_str_or_null(b, o, "isrc", t->isrc, sizeof(t->isrc));
	}
	return o;
}

static json_object *descriptor_json(struct builder *b, const struct rawcd_toc_descriptor *d)
{
	json_object *o = checked(b, json_object_new_object());
	add_int(b, o, "session", d->session);
	add_int(b, o, "adr", d->adr);
	add_int(b, o, "control", d->control);
	add_int(b, o, "point", d->point);
	add_int(b, o, "min", d->min);
	add_int(b, o, "sec", d->sec);
	add_int(b, o, "frame", d->frame);
	add_int(b, o, "pmin", d->pmin);
	add_int(b, o, "psec", d->psec);
	add_int(b, o, "pframe", d->pframe);
	return o;
}

/* Key order: first_track, last_track, leadout_lba, mcn (the model's, else the TOC's), freedb_id,
 * musicbrainz_id, accuraterip_id, sessions, tracks, full_toc. */
static json_object *toc_json(struct builder *b, const struct rawcd_toc *toc, const struct rawcd_disc *disc)
{
	struct rawcd_disc_ids ids;
	if (rawcd_toc_disc_ids(&ids, toc) != RAWCD_OK)
		memset(&ids, 0, sizeof(ids)); /* no ids for this TOC (e.g. format 1: no lead-out): nulls */

	json_object *root = checked(b, json_object_new_object());
	add_int(b, root, "first_track", toc->first_track);
	add_int(b, root, "last_track", toc->last_track);
	add_int(b, root, "leadout_lba", toc->leadout_lba);
	if (disc != NULL)
		add_str_or_null(b, root, "mcn", disc->mcn, sizeof(disc->mcn));
	else
		add_str_or_null(b, root, "mcn", toc->mcn, sizeof(toc->mcn));
	add_str_or_null(b, root, "freedb_id", ids.freedb, sizeof(ids.freedb));
	add_str_or_null(b, root, "musicbrainz_id", ids.musicbrainz, sizeof(ids.musicbrainz));
	add_str_or_null(b, root, "accuraterip_id", ids.accuraterip, sizeof(ids.accuraterip));
	unsigned sessions = toc->last_session >= toc->first_session && toc->first_session > 0
				    ? toc->last_session - toc->first_session + 1
				    : 0;
	add_int(b, root, "sessions", sessions);

	json_object *tracks = checked(b, json_object_new_array());
	for (size_t i = 0; i < toc->track_count && i < RAWCD_MAX_TRACKS; i++)
		push(b, tracks, track_json(b, &toc->tracks[i], disc));
	add(b, root, "tracks", tracks);

	json_object *full = checked(b, json_object_new_array());
	for (size_t i = 0; i < toc->full_count && i < RAWCD_TOC_MAX_DESCRIPTORS; i++)
		push(b, full, descriptor_json(b, &toc->full[i]));
	add(b, root, "full_toc", full);
	return root;
}

int rawcd_toc_to_json(char **out, const struct rawcd_toc *toc, const struct rawcd_disc *disc)
{
	if (out == NULL || toc == NULL)
		return RAWCD_E_ARG;

	struct builder b = { .failed = false };
	json_object *root = toc_json(&b, toc, disc);
	const char *text = b.failed ? NULL
				    : json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
									   JSON_C_TO_STRING_SPACED |
									   JSON_C_TO_STRING_NOSLASHESCAPE);
	char *copy = NULL;
	if (text != NULL) {
		size_t n = strlen(text);
		copy = malloc(n + 2);
		if (copy != NULL) {
			memcpy(copy, text, n);
			copy[n] = '\n';
			copy[n + 1] = '\0';
		}
	}
	json_object_put(root);
	if (copy == NULL)
		return RAWCD_E_NOMEM;
	*out = copy;
	return RAWCD_OK;
}
