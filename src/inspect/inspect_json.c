/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The inspect report as JSON (DESIGN.md §3: `inspect --json`), keys in a fixed order so that outputs can
 * be compared byte for byte. json-c calls fail only when out of memory: that is one flag, checked once. */
#include "rawcd/inspect.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"

struct builder {
	bool failed;
};

static json_object *checked(struct builder *b, json_object *o)
{
	b->failed |= o == NULL;
	return o;
}

static void add(struct builder *b, json_object *obj, const char *key, json_object *value)
{
	if (!obj || json_object_object_add(obj, key, value) != 0) {
		json_object_put(value);
		b->failed = true;
	}
}

static void add_int(struct builder *b, json_object *obj, const char *key, int64_t v)
{
	add(b, obj, key, checked(b, json_object_new_int64(v)));
}

static void add_str(struct builder *b, json_object *obj, const char *key, const char *s)
{
	add(b, obj, key, s && *s ? checked(b, json_object_new_string(s)) : NULL);
}

static void push(struct builder *b, json_object *arr, json_object *v)
{
	if (!v || !arr || json_object_array_add(arr, v) != 0) {
		json_object_put(v);
		b->failed = true;
	}
}

static void add_hex(struct builder *b, json_object *obj, const char *key, const uint8_t *p, size_t n, bool set)
{
	char hex[2 * 20 + 1];
	for (size_t i = 0; i < n; i++)
		snprintf(hex + 2 * i, 3, "%02x", p[i]);
	add_str(b, obj, key, set ? hex : NULL);
}

/* The JSON key of each finding bit's count (DESIGN.md §3 names bad_sync ... bad_subq). */
static const char *const finding_keys[RAWCD_FINDING_COUNT] = {
	"bad_sync", "bad_header", "mode_mismatch", "bad_edc", "bad_ecc", "bad_subheader", "bad_zero",
	"bad_subq_crc", "bad_subq_position", "bad_subp", "missing",
};

static void add_counts(struct builder *b, json_object *o, const struct rawcd_inspect_counts *c)
{
	add_int(b, o, "sectors", (int64_t)c->sectors);
	add_int(b, o, "errors", (int64_t)c->bad_sectors);
	for (unsigned i = 0; i < RAWCD_FINDING_COUNT; i++)
		add_int(b, o, finding_keys[i], (int64_t)c->finding[i]);
	add_int(b, o, "bad_subq", (int64_t)c->bad_subq);
	add_int(b, o, "no_edc", (int64_t)c->no_edc);
	add_int(b, o, "mcn_frames", (int64_t)c->mcn_frames);
	add_int(b, o, "isrc_frames", (int64_t)c->isrc_frames);
	json_object *cls = checked(b, json_object_new_object());
	for (int i = 0; i < RAWCD_INSPECT_CLASS_COUNT; i++)
		add_int(b, cls, rawcd_inspect_class_name((enum rawcd_inspect_class)i), (int64_t)c->cls[i]);
	add(b, o, "classes", cls);
}

static json_object *findings_json(struct builder *b, unsigned findings)
{
	json_object *a = checked(b, json_object_new_array());
	for (unsigned i = 0; i < RAWCD_FINDING_COUNT; i++)
		if (findings & (1u << i))
			push(b, a, checked(b, json_object_new_string(rawcd_inspect_finding_name(1u << i))));
	return a;
}

static void add_bad(struct builder *b, json_object *o, const struct rawcd_inspect_track *t)
{
	json_object *lbas = checked(b, json_object_new_array()), *list = checked(b, json_object_new_array());
	for (size_t i = 0; i < t->bad_listed; i++) {
		push(b, lbas, checked(b, json_object_new_int64(t->bad[i].lba)));
		json_object *e = checked(b, json_object_new_object());
		add_int(b, e, "lba", t->bad[i].lba);
		add(b, e, "findings", findings_json(b, t->bad[i].findings));
		push(b, list, e);
	}
	add(b, o, "first_bad_lbas", lbas);
	add(b, o, "first_bad", list);
	add_int(b, o, "more_bad", (int64_t)(t->counts.bad_sectors - t->bad_listed));
}

static json_object *track_json(struct builder *b, const struct rawcd_inspect_track *t)
{
	json_object *o = checked(b, json_object_new_object());
	add_int(b, o, "number", t->number);
	add_str(b, o, "mode", rawcd_track_mode_name(t->mode));
	add(b, o, "mode_from_content", checked(b, json_object_new_boolean(t->mode_from_content)));
	add_int(b, o, "first_lba", t->first_lba);
	add_counts(b, o, &t->counts);
	add_bad(b, o, t);
	add_str(b, o, "isrc", t->isrc);
	add_hex(b, o, "xxh3_128", t->xxh3_128, sizeof(t->xxh3_128), t->hashed);
	char crc[9];
	snprintf(crc, sizeof(crc), "%08x", (unsigned)t->crc32);
	add_str(b, o, "crc32", t->hashed ? crc : NULL);
	add_hex(b, o, "md5", t->md5, sizeof(t->md5), t->hashed);
	add_hex(b, o, "sha1", t->sha1, sizeof(t->sha1), t->hashed);
	return o;
}

static const char *source_name(enum rawcd_inspect_source s)
{
	static const char *const names[] = {"cue", "ccd", "raw", "toc"};
	return (unsigned)s <= RAWCD_INSPECT_TOC ? names[s] : "raw";
}

int rawcd_inspect_report_json(char **out, const struct rawcd_inspect_report *r)
{
	if (!out || !r)
		return RAWCD_E_ARG;
	struct builder b = {false};
	json_object *o = checked(&b, json_object_new_object());
	add_str(&b, o, "image", r->image);
	add_str(&b, o, "source", source_name(r->source));
	add_int(&b, o, "sector_size", r->sector_size);
	add_int(&b, o, "first_lba", r->first_lba);
	add_int(&b, o, "descrambled", (int64_t)r->descrambled);
	add(&b, o, "subcode", checked(&b, json_object_new_boolean(r->subcode)));
	add_counts(&b, o, &r->total);
	add_str(&b, o, "mcn", r->mcn);
	json_object *tracks = checked(&b, json_object_new_array());
	for (size_t i = 0; i < r->track_count; i++)
		push(&b, tracks, track_json(&b, &r->tracks[i]));
	add(&b, o, "tracks", tracks);
	const char *text = b.failed ? NULL : json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
									    JSON_C_TO_STRING_SPACED);
	size_t n = text ? strlen(text) : 0;
	char *s = text ? malloc(n + 2) : NULL;
	if (s) {
		memcpy(s, text, n);
		memcpy(s + n, "\n", 2);
	}
	json_object_put(o);
	if (!s)
		return RAWCD_E_NOMEM;
	*out = s;
	return RAWCD_OK;
}
