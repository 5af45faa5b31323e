/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * rawcd_toc_to_json(): the exact text for a small disc, stable key order, the fields only a disc model
 * gives, and byte-identical output for a computed TOC and the same TOC decoded from format-2 bytes with
 * the MCN and ISRCs a drive reports beside it (what `rawcd toc DEVICE` relies on); without them a
 * decoded TOC prints mcn and isrc null (`rawcd toc --from-bytes`).
 */
#include <criterion/criterion.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "rawcd/error.h"
#include "rawcd/toc.h"

struct fx_track {
	unsigned session;
	enum rawcd_track_mode mode;
	unsigned flags;
	int32_t pregap_lba;
	int32_t start_lba;
};
struct fx_disc {
	struct rawcd_disc disc;
	struct rawcd_track tracks[RAWCD_MAX_TRACKS];
	struct rawcd_session sessions[RAWCD_MAX_TRACKS];
	struct rawcd_index indexes[RAWCD_MAX_TRACKS][2];
};
/* In test_toc_build.c. */
void fx_disc_build(struct fx_disc *fx, unsigned first_number, const struct fx_track *t, size_t n,
		   const int32_t *leadouts);

static struct fx_disc fx;
static struct rawcd_toc toc, decoded;
static uint8_t buf[4 + 11 * RAWCD_TOC_MAX_DESCRIPTORS];

static const char golden_one_mode1_track[] =
	"{\n"
	"  \"first_track\": 1,\n"
	"  \"last_track\": 1,\n"
	"  \"leadout_lba\": 302,\n"
	"  \"mcn\": null,\n"
	"  \"freedb_id\": \"02000401\",\n"
	"  \"musicbrainz_id\": null,\n"
	"  \"accuraterip_id\": null,\n"
	"  \"sessions\": 1,\n"
	"  \"tracks\": [\n"
	"    {\n"
	"      \"number\": 1,\n"
	"      \"session\": 1,\n"
	"      \"adr\": 1,\n"
	"      \"control\": 4,\n"
	"      \"start_lba\": 0,\n"
	"      \"length\": 302,\n"
	"      \"isrc\": null\n"
	"    }\n"
	"  ],\n"
	"  \"full_toc\": [\n"
	"    {\n"
	"      \"session\": 1,\n"
	"      \"adr\": 1,\n"
	"      \"control\": 4,\n"
	"      \"point\": 160,\n"
	"      \"min\": 0,\n"
	"      \"sec\": 0,\n"
	"      \"frame\": 0,\n"
	"      \"pmin\": 1,\n"
	"      \"psec\": 0,\n"
	"      \"pframe\": 0\n"
	"    },\n"
	"    {\n"
	"      \"session\": 1,\n"
	"      \"adr\": 1,\n"
	"      \"control\": 4,\n"
	"      \"point\": 161,\n"
	"      \"min\": 0,\n"
	"      \"sec\": 0,\n"
	"      \"frame\": 0,\n"
	"      \"pmin\": 1,\n"
	"      \"psec\": 0,\n"
	"      \"pframe\": 0\n"
	"    },\n"
	"    {\n"
	"      \"session\": 1,\n"
	"      \"adr\": 1,\n"
	"      \"control\": 4,\n"
	"      \"point\": 162,\n"
	"      \"min\": 0,\n"
	"      \"sec\": 0,\n"
	"      \"frame\": 0,\n"
	"      \"pmin\": 0,\n"
	"      \"psec\": 6,\n"
	"      \"pframe\": 2\n"
	"    },\n"
	"    {\n"
	"      \"session\": 1,\n"
	"      \"adr\": 1,\n"
	"      \"control\": 4,\n"
	"      \"point\": 1,\n"
	"      \"min\": 0,\n"
	"      \"sec\": 0,\n"
	"      \"frame\": 0,\n"
	"      \"pmin\": 0,\n"
	"      \"psec\": 2,\n"
	"      \"pframe\": 0\n"
	"    }\n"
	"  ]\n"
	"}\n";

static char *to_json(const struct rawcd_toc *t, const struct rawcd_disc *disc)
{
	char *s = NULL;
	cr_assert_eq(rawcd_toc_to_json(&s, t, disc), RAWCD_OK);
	cr_assert_not_null(s);
	return s;
}

/* The keys of @p obj in order, joined with ','. */
static void key_list(json_object *obj, char *out, size_t size)
{
	out[0] = '\0';
	json_object_object_foreach(obj, key, val) {
		(void)val;
		if (out[0] != '\0')
			strncat(out, ",", size - strlen(out) - 1);
		strncat(out, key, size - strlen(out) - 1);
	}
}

static json_object *get(json_object *obj, const char *key)
{
	json_object *v = NULL;
	cr_assert(json_object_object_get_ex(obj, key, &v), "key %s present", key);
	return v;
}

Test(toc_json, golden_without_disc)
{
	const struct fx_track t[] = { { 1, RAWCD_MODE_MODE1_2352, 0, 0, 0 } };
	fx_disc_build(&fx, 1, t, 1, (const int32_t[]){ 302 });
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
	char *s = to_json(&toc, NULL);
	cr_assert_str_eq(s, golden_one_mode1_track);
	free(s);
}

static void cd_extra(void)
{
	/* Ladyhawke's layout (see test_disc_ids.c) with flags, ISRCs and pregaps added. */
	const int32_t starts[] = { 0, 15537, 31691, 50866, 66466, 81202, 99409,
				   115920, 133093, 149847, 161560, 177682 };
	struct fx_track t[13];
	for (size_t i = 0; i < 12; i++)
		t[i] = (struct fx_track){ 1, RAWCD_MODE_AUDIO, 0, i == 1 ? starts[i] - 150 : starts[i], starts[i] };
	t[0].flags = RAWCD_FLAG_DCP | RAWCD_FLAG_PRE;
	t[2].flags = RAWCD_FLAG_4CH | RAWCD_FLAG_SCMS;
	t[12] = (struct fx_track){ 2, RAWCD_MODE_MODE2_2352, 0, 207106 - 150, 207106 };
	fx_disc_build(&fx, 1, t, 13, (const int32_t[]){ 195706, 210385 });
	fx.sessions[1].disc_type = 0x20;
	strcpy(fx.disc.mcn, "0602517818866");
	strcpy(fx.tracks[0].isrc, "GBUM70808708");
	cr_assert_eq(rawcd_toc_from_disc(&toc, &fx.disc), RAWCD_OK);
}

Test(toc_json, decoded_full_toc_prints_identically)
{
	cd_extra();
	size_t len;
	cr_assert_eq(rawcd_toc_encode(&toc, 2, false, buf, sizeof(buf), &len), RAWCD_OK);
	cr_assert_eq(rawcd_toc_decode(&decoded, 2, false, buf, len), RAWCD_OK);
	char *a = to_json(&toc, NULL);
	char *b = to_json(&decoded, NULL);
	/* READ TOC carries no MCN or ISRC: the decoded TOC has none, the computed one the model's */
	cr_assert_str_eq(decoded.mcn, "");
	cr_assert_str_eq(toc.mcn, "0602517818866");
	cr_assert_str_eq(toc.tracks[0].isrc, "GBUM70808708");
	cr_assert_not_null(strstr(a, "\"mcn\": \"0602517818866\""));
	cr_assert_not_null(strstr(a, "\"isrc\": \"GBUM70808708\""));
	cr_assert_not_null(strstr(b, "\"mcn\": null"));
	cr_assert_null(strstr(b, "GBUM70808708"));
	cr_assert_str_neq(a, b);
	free(b);
	/* with them added, as rawcd_drive_read_mcn_isrc() does from a drive, the text is the same */
	memcpy(decoded.mcn, toc.mcn, sizeof(decoded.mcn));
	for (size_t i = 0; i < decoded.track_count; i++)
		memcpy(decoded.tracks[i].isrc, toc.tracks[i].isrc, sizeof(decoded.tracks[i].isrc));
	b = to_json(&decoded, NULL);
	cr_assert_str_eq(a, b);
	cr_assert_not_null(strstr(a, "\"accuraterip_id\": \"012-0013bd5a-00b8d489-c60af50d\""));
	cr_assert_not_null(strstr(a, "\"musicbrainz_id\": \"KnpGsLhvH.lPrNc1PBL21lb9Bg4-\""));
	cr_assert_not_null(strstr(a, "\"sessions\": 2"));
	cr_assert_eq(a[strlen(a) - 1], '\n');
	free(a);
	free(b);
}

Test(toc_json, with_disc_model)
{
	cd_extra();
	/* with a model, the MCN and ISRCs are the model's, whatever the TOC holds */
	toc.mcn[0] = '\0';
	toc.tracks[0].isrc[0] = '\0';
	char *s = to_json(&toc, &fx.disc);
	json_object *root = json_tokener_parse(s);
	cr_assert_not_null(root, "valid JSON");
	char keys[512];
	key_list(root, keys, sizeof(keys));
	cr_assert_str_eq(keys, "first_track,last_track,leadout_lba,mcn,freedb_id,musicbrainz_id,accuraterip_id,"
			       "sessions,tracks,full_toc");
	cr_assert_str_eq(json_object_get_string(get(root, "mcn")), "0602517818866");
	cr_assert_eq(json_object_get_int(get(root, "leadout_lba")), 210385);
	cr_assert_str_eq(json_object_get_string(get(root, "freedb_id")), "c60af50d");

	json_object *tracks = get(root, "tracks");
	cr_assert_eq(json_object_array_length(tracks), 13);
	json_object *t1 = json_object_array_get_idx(tracks, 0);
	key_list(t1, keys, sizeof(keys));
	cr_assert_str_eq(keys, "number,session,mode,adr,control,flags,start_lba,length,pregap,indexes,isrc");
	cr_assert_str_eq(json_object_get_string(get(t1, "mode")), "AUDIO");
	cr_assert_eq(json_object_get_int(get(t1, "control")), 3);
	json_object *flags = get(t1, "flags");
	cr_assert_eq(json_object_array_length(flags), 2);
	cr_assert_str_eq(json_object_get_string(json_object_array_get_idx(flags, 0)), "PRE");
	cr_assert_str_eq(json_object_get_string(json_object_array_get_idx(flags, 1)), "DCP");
	cr_assert_str_eq(json_object_get_string(get(t1, "isrc")), "GBUM70808708");
	cr_assert_eq(json_object_get_int(get(t1, "pregap")), 0);

	json_object *t2 = json_object_array_get_idx(tracks, 1);
	cr_assert(json_object_is_type(get(t2, "isrc"), json_type_null));
	cr_assert_eq(json_object_get_int(get(t2, "pregap")), 150);
	cr_assert_eq(json_object_get_int(get(t2, "length")), 31691 - 15537);
	json_object *idx = get(t2, "indexes");
	cr_assert_eq(json_object_array_length(idx), 2);
	cr_assert_eq(json_object_get_int(get(json_object_array_get_idx(idx, 0), "number")), 0);
	cr_assert_eq(json_object_get_int(get(json_object_array_get_idx(idx, 0), "lba")), 15387);
	cr_assert_eq(json_object_get_int(get(json_object_array_get_idx(idx, 1), "number")), 1);
	cr_assert_eq(json_object_get_int(get(json_object_array_get_idx(idx, 1), "lba")), 15537);

	json_object *t3 = json_object_array_get_idx(tracks, 2);
	json_object *f3 = get(t3, "flags");
	cr_assert_eq(json_object_array_length(f3), 2);
	cr_assert_str_eq(json_object_get_string(json_object_array_get_idx(f3, 0)), "4CH");
	cr_assert_str_eq(json_object_get_string(json_object_array_get_idx(f3, 1)), "SCMS");
	cr_assert_eq(json_object_get_int(get(t3, "control")), 8);

	json_object *t13 = json_object_array_get_idx(tracks, 12);
	cr_assert_str_eq(json_object_get_string(get(t13, "mode")), "MODE2/2352");
	cr_assert_eq(json_object_get_int(get(t13, "session")), 2);
	cr_assert_eq(json_object_array_length(get(t13, "flags")), 0);

	json_object *full = get(root, "full_toc");
	cr_assert_eq(json_object_array_length(full), 3 + 12 + 2 + 3 + 1);
	json_object *b0 = json_object_array_get_idx(full, 15);
	key_list(b0, keys, sizeof(keys));
	cr_assert_str_eq(keys, "session,adr,control,point,min,sec,frame,pmin,psec,pframe");
	cr_assert_eq(json_object_get_int(get(b0, "point")), 0xB0);
	cr_assert_eq(json_object_get_int(get(b0, "adr")), 5);
	/* 195706 + 6750 + 4500 = 206956, + 150 = 207106 frames = 46:01:31 */
	cr_assert_eq(json_object_get_int(get(b0, "min")), 46);
	cr_assert_eq(json_object_get_int(get(b0, "sec")), 1);
	cr_assert_eq(json_object_get_int(get(b0, "frame")), 31);
	json_object_put(root);
	free(s);
}

Test(toc_json, session_info_has_no_ids)
{
	cd_extra();
	size_t len;
	cr_assert_eq(rawcd_toc_encode(&toc, 1, false, buf, sizeof(buf), &len), RAWCD_OK);
	cr_assert_eq(rawcd_toc_decode(&decoded, 1, false, buf, len), RAWCD_OK);
	char *s = to_json(&decoded, NULL);
	json_object *root = json_tokener_parse(s);
	cr_assert_not_null(root);
	cr_assert(json_object_is_type(get(root, "freedb_id"), json_type_null));
	cr_assert(json_object_is_type(get(root, "musicbrainz_id"), json_type_null));
	cr_assert_eq(json_object_get_int(get(root, "leadout_lba")), 0);
	cr_assert_eq(json_object_get_int(get(root, "sessions")), 2);
	cr_assert_eq(json_object_array_length(get(root, "full_toc")), 0);
	json_object *t = json_object_array_get_idx(get(root, "tracks"), 0);
	cr_assert_eq(json_object_get_int(get(t, "number")), 13);
	cr_assert_eq(json_object_get_int(get(t, "start_lba")), 207106);
	json_object_put(root);
	free(s);
}

Test(toc_json, errors)
{
	char *s = (char *)"untouched";
	cr_assert_eq(rawcd_toc_to_json(&s, NULL, NULL), RAWCD_E_ARG);
	cr_assert_str_eq(s, "untouched");
	cr_assert_eq(rawcd_toc_to_json(NULL, &toc, NULL), RAWCD_E_ARG);
}
