/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What rawcd_drive_probe() found, as the JSON object `rawcd drive DEV --json` prints (burn.h lists the
 * keys). Keys come in a fixed order; a part the drive did not answer is null. */
#include "rawcd/burn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "rawcd/error.h"

/* json-c returns NULL or non-zero when out of memory: one flag collects that, checked once. */
struct jb {
	bool failed;
};

static json_object *chk(struct jb *b, json_object *o)
{
	if (o == NULL)
		b->failed = true;
	return o;
}

static void put(struct jb *b, json_object *obj, const char *key, json_object *value)
{
	if (obj == NULL || json_object_object_add(obj, key, value) != 0) {
		json_object_put(value);
		b->failed = true;
	}
}

static void put_int(struct jb *b, json_object *obj, const char *key, int64_t v)
{
	put(b, obj, key, chk(b, json_object_new_int64(v)));
}

static void put_bool(struct jb *b, json_object *obj, const char *key, bool v)
{
	put(b, obj, key, chk(b, json_object_new_boolean(v)));
}

static void put_str(struct jb *b, json_object *obj, const char *key, const char *s)
{
	put(b, obj, key, chk(b, json_object_new_string(s)));
}

static void push(struct jb *b, json_object *array, json_object *value)
{
	if (value == NULL || array == NULL || json_object_array_add(array, value) != 0) {
		json_object_put(value);
		b->failed = true;
	}
}

static json_object *profile_obj(struct jb *b, uint16_t number, const bool *current)
{
	json_object *o = chk(b, json_object_new_object());
	put_int(b, o, "number", number);
	put_str(b, o, "name", rawcd_mmc_profile_name(number));
	if (current)
		put_bool(b, o, "current", *current);
	return o;
}

static json_object *mastering_obj(struct jb *b, const struct rawcd_drive_info *in)
{
	if (!in->has_cd_mastering)
		return NULL;
	const struct rawcd_mmc_cd_mastering *m = &in->cd_mastering;
	json_object *o = chk(b, json_object_new_object());
	put_bool(b, o, "current", m->current);
	put_bool(b, o, "buf", m->buf);
	put_bool(b, o, "sao", m->sao);
	put_bool(b, o, "raw", m->raw);
	put_bool(b, o, "raw_ms", m->raw_ms);
	put_bool(b, o, "test_write", m->test_write);
	put_bool(b, o, "cd_rw", m->cd_rw);
	put_bool(b, o, "rw", m->rw);
	put_int(b, o, "max_cue_sheet_length", m->max_cue_sheet_length);
	return o;
}

static json_object *tao_obj(struct jb *b, const struct rawcd_drive_info *in)
{
	if (!in->has_cd_tao)
		return NULL;
	const struct rawcd_mmc_cd_tao *t = &in->cd_tao;
	json_object *o = chk(b, json_object_new_object());
	put_bool(b, o, "current", t->current);
	put_bool(b, o, "buf", t->buf);
	put_bool(b, o, "rw_raw", t->rw_raw);
	put_bool(b, o, "rw_pack", t->rw_pack);
	put_bool(b, o, "test_write", t->test_write);
	put_bool(b, o, "cd_rw", t->cd_rw);
	put_bool(b, o, "rw_subcode", t->rw_subcode);
	put_int(b, o, "data_types", t->data_types);
	return o;
}

static json_object *capabilities_obj(struct jb *b, const struct rawcd_drive_info *in)
{
	if (!in->has_capabilities)
		return NULL;
	const struct rawcd_mmc_capabilities *c = &in->capabilities;
	json_object *o = chk(b, json_object_new_object());
	put_bool(b, o, "buf", c->buf);
	put_bool(b, o, "test_write", c->test_write);
	put_bool(b, o, "cd_r_write", c->cd_r_write);
	put_bool(b, o, "cd_rw_write", c->cd_rw_write);
	put_int(b, o, "max_read_speed", c->max_read_speed);
	put_int(b, o, "max_write_speed", c->max_write_speed);
	put_int(b, o, "current_write_speed", c->current_write_speed);
	put_int(b, o, "buffer_size", c->buffer_size);
	json_object *speeds = chk(b, json_object_new_array());
	for (size_t i = 0; i < c->write_speed_count && i < RAWCD_MMC_MAX_WRITE_SPEEDS; i++)
		push(b, speeds, chk(b, json_object_new_int(c->write_speeds[i])));
	put(b, o, "write_speeds", speeds);
	return o;
}

static json_object *disc_obj(struct jb *b, const struct rawcd_drive_info *in)
{
	static const char *const status[] = {"blank", "appendable", "complete", "other"};
	if (!in->has_disc_info)
		return NULL;
	const struct rawcd_mmc_disc_info *d = &in->disc_info;
	json_object *o = chk(b, json_object_new_object());
	put_str(b, o, "status", status[d->disc_status & 3]);
	put_bool(b, o, "erasable", d->erasable);
	put_int(b, o, "sessions", d->sessions);
	put_int(b, o, "first_track", d->first_track);
	put_int(b, o, "last_track", d->last_track_last_session);
	put_int(b, o, "disc_type", d->disc_type);
	/* IMAPI StartOfNextSession of an appendable disc (bytes 17-19), else null */
	if ((d->disc_status & 3) == 1 && d->leadin_valid)
		put_int(b, o, "next_session_lba", d->leadin_start_lba);
	else
		json_object_object_add(o, "next_session_lba", NULL);
	return o;
}

static void put_msf(struct jb *b, json_object *o, const char *key, struct rawcd_msf msf)
{
	char text[16];
	snprintf(text, sizeof(text), "%02u:%02u:%02u", msf.m, msf.s, msf.f);
	put_str(b, o, key, text);
}

static json_object *atip_obj(struct jb *b, const struct rawcd_drive_info *in)
{
	if (!in->has_atip)
		return NULL;
	const struct rawcd_mmc_atip *a = &in->atip;
	json_object *o = chk(b, json_object_new_object());
	put_str(b, o, "disc", a->disc_is_rw ? "CD-RW" : "CD-R");
	put_msf(b, o, "leadin_start", a->leadin_start);
	put_int(b, o, "leadin_start_lba", a->leadin_start_lba);
	put_msf(b, o, "last_leadout_start", a->last_leadout_start);
	put_int(b, o, "last_leadout_start_lba", a->last_leadout_start_lba);
	return o;
}

static json_object *modes_obj(struct jb *b, const struct rawcd_drive_info *in)
{
	json_object *o = chk(b, json_object_new_object());
	put_str(b, o, "raw96r", rawcd_mode_support_name(in->raw96r));
	put_str(b, o, "raw16", rawcd_mode_support_name(in->raw16));
	put_str(b, o, "raw96p", rawcd_mode_support_name(in->raw96p));
	put_str(b, o, "sao", rawcd_mode_support_name(in->sao));
	return o;
}

static json_object *info_obj(struct jb *b, const struct rawcd_drive_info *in)
{
	json_object *o = chk(b, json_object_new_object());
	put_str(b, o, "vendor", in->inquiry.vendor);
	put_str(b, o, "product", in->inquiry.product);
	put_str(b, o, "revision", in->inquiry.revision);
	put_int(b, o, "device_type", in->inquiry.device_type);
	put_bool(b, o, "medium_present", in->medium_present);
	put_bool(b, o, "read_only", in->read_only);
	put(b, o, "current_profile", in->has_profiles ? profile_obj(b, in->profiles.current_profile, NULL) : NULL);
	json_object *list = chk(b, json_object_new_array());
	for (size_t i = 0; in->has_profiles && i < in->profiles.count; i++)
		push(b, list, profile_obj(b, in->profiles.list[i].number, &in->profiles.list[i].current));
	put(b, o, "profiles", list);
	put(b, o, "cd_mastering", mastering_obj(b, in));
	put(b, o, "cd_tao", tao_obj(b, in));
	put_bool(b, o, "ignores_rt", in->ignores_rt);
	put(b, o, "capabilities", capabilities_obj(b, in));
	put(b, o, "disc", disc_obj(b, in));
	put(b, o, "atip", atip_obj(b, in));
	put_bool(b, o, "buf", in->buf);
	put(b, o, "write_modes", modes_obj(b, in));
	return o;
}

int rawcd_drive_info_to_json(char **out, const struct rawcd_drive_info *info)
{
	if (!out || !info)
		return RAWCD_E_ARG;
	struct jb b = {false};
	json_object *root = info_obj(&b, info);
	const char *text = b.failed ? NULL
				    : json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
									   JSON_C_TO_STRING_SPACED |
									   JSON_C_TO_STRING_NOSLASHESCAPE);
	char *copy = NULL;
	if (text) {
		size_t n = strlen(text);
		copy = malloc(n + 2);
		if (copy) {
			memcpy(copy, text, n);
			copy[n] = '\n';
			copy[n + 1] = '\0';
		}
	}
	json_object_put(root);
	if (!copy)
		return RAWCD_E_NOMEM;
	*out = copy;
	return RAWCD_OK;
}
