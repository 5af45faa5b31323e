/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The final --json objects of convert, burn and blank, and burn's --progress=json events (README.md,
 * "JSON output"). Each command's own keys are here; the shared ones are added by cli_json_emit(). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/cli_json.h"

static const char *const format_names[] = {"bin", "clonecd", "raw96", "packed96", "pq16"};

unsigned cli_json_sector_bytes(enum rawcd_image_format format)
{
	static const unsigned bytes[] = {2352, 2448, 2448, 2448, 2368};
	return (unsigned)format <= RAWCD_IMAGE_PQ16 ? bytes[format] : 2352;
}

static json_object *int64(int64_t v)
{
	return json_object_new_int64(v);
}

/* "files" and the sum of their sizes: the files the write made (none when @p written is false). */
static int64_t add_files(json_object *o, const char *output, enum rawcd_image_format format, bool written)
{
	json_object *files = json_object_new_array();
	char **paths = NULL;
	int64_t bytes = 0;
	if (written && rawcd_image_output_paths(&paths, output, format) == RAWCD_OK)
		for (size_t i = 0; paths[i]; i++) {
			struct stat sb;
			json_object_array_add(files, json_object_new_string(paths[i]));
			if (stat(paths[i], &sb) == 0)
				bytes += sb.st_size;
		}
	rawcd_image_output_paths_free(paths);
	json_object_object_add(o, "files", files);
	return bytes;
}

int cli_json_convert(const char *output, const struct rawcd_image_options *opts, const struct rawcd_disc *disc,
		     int status)
{
	json_object *o = cli_json_report();
	int64_t first = -(int64_t)opts->leadin_sectors;
	int64_t sectors = disc ? rawcd_disc_leadout_lba(disc) - first + opts->leadout_sectors : 0;
	int64_t bytes = add_files(o, output, opts->format, disc != NULL);
	json_object_object_add(o, "sectors", int64(sectors));
	json_object_object_add(o, "first_lba", disc ? int64(first) : NULL);
	json_object_object_add(o, "bytes", int64(bytes));
	json_object_object_add(o, "format", json_object_new_string(format_names[opts->format]));
	json_object_object_add(o, "sector_bytes", int64(cli_json_sector_bytes(opts->format)));
	json_object_object_add(o, "lead_in_sectors", int64(opts->leadin_sectors));
	json_object_object_add(o, "lead_out_sectors", int64(opts->leadout_sectors));
	return cli_json_emit(o, status);
}

/* What --verify found: null when it did not run. */
static json_object *verify_object(const struct rawcd_burn_result *r)
{
	static const struct {
		unsigned bit;
		const char *name;
	} parts[] = {{RAWCD_VERIFY_TOC, "toc"}, {RAWCD_VERIFY_MCN, "mcn"}, {RAWCD_VERIFY_ISRC, "isrc"},
		     {RAWCD_VERIFY_CDTEXT, "cdtext"}};
	if (!r->verified)
		return NULL;
	json_object *v = json_object_new_object(), *unchecked = json_object_new_array();
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (r->verify_unchecked & parts[i].bit)
			json_object_array_add(unchecked, json_object_new_string(parts[i].name));
	bool matched = r->verify_mismatches == 0 && !(r->verify_unchecked & RAWCD_VERIFY_TOC);
	json_object_object_add(v, "matched", json_object_new_boolean(matched));
	json_object_object_add(v, "mismatches", int64(r->verify_mismatches));
	json_object_object_add(v, "unchecked", unchecked);
	return v;
}

/* The image format whose blocks a write mode sends: raw96r the raw96 blocks, raw16 pq16, sao bin. */
static json_object *burn_format(enum rawcd_write_mode mode)
{
	return mode == RAWCD_WRITE_RAW96R ? json_object_new_string("raw96")
	       : mode == RAWCD_WRITE_RAW16 ? json_object_new_string("pq16")
	       : mode == RAWCD_WRITE_SAO   ? json_object_new_string("bin") : NULL;
}

static void add_burn_result(json_object *o, const struct rawcd_burn_result *r)
{
	int32_t leadin = r->first_lba < -150 ? -150 - r->first_lba : 0;
	json_object_object_add(o, "sectors", int64((int64_t)r->written));
	json_object_object_add(o, "sectors_total", int64((int64_t)r->total));
	json_object_object_add(o, "bytes", int64((int64_t)(r->written * r->block_size)));
	json_object_object_add(o, "format", burn_format(r->mode));
	json_object_object_add(o, "write_mode", r->mode == RAWCD_WRITE_AUTO ? NULL
						 : json_object_new_string(rawcd_write_mode_name(r->mode)));
	json_object_object_add(o, "write_type", int64(r->write_type));
	json_object_object_add(o, "data_block_type", int64(r->data_block_type));
	json_object_object_add(o, "block_size", int64((int64_t)r->block_size));
	json_object_object_add(o, "first_lba", r->started ? int64(r->first_lba) : NULL);
	json_object_object_add(o, "leadout_lba", int64(r->leadout_lba));
	json_object_object_add(o, "lead_in_sectors", int64(leadin));
	json_object_object_add(o, "simulated", json_object_new_boolean(r->test_write));
	json_object_object_add(o, "bufe", json_object_new_boolean(r->bufe));
	json_object_object_add(o, "cdtext_written", json_object_new_boolean(r->cdtext_written));
	json_object_object_add(o, "busy_resends", int64(r->retries));
	json_object_object_add(o, "recovered_errors", int64(r->recovered));
	json_object_object_add(o, "disc_unusable", json_object_new_boolean(r->disc_unusable));
	json_object_object_add(o, "verify", verify_object(r));
}

int cli_json_burn(const char *input, const char *device, const struct rawcd_burn_options *opts,
		  const struct rawcd_burn_result *r, int status)
{
	json_object *o = cli_json_report();
	json_object_object_add(o, "input", json_object_new_string(input));
	json_object_object_add(o, "device", json_object_new_string(device));
	json_object_object_add(o, "files", json_object_new_array());
	if (r) {
		add_burn_result(o, r);
	} else {
		json_object_object_add(o, "sectors", int64(0));
		json_object_object_add(o, "bytes", int64(0));
		json_object_object_add(o, "simulated", json_object_new_boolean(opts->simulate));
		json_object_object_add(o, "verify", NULL);
	}
	return cli_json_emit(o, status);
}

int cli_json_blank(const char *device, bool all, bool blanked, int status)
{
	json_object *o = cli_json_report();
	json_object_object_add(o, "device", json_object_new_string(device));
	json_object_object_add(o, "blank_type", json_object_new_string(all ? "all" : "minimal"));
	json_object_object_add(o, "blanked", json_object_new_boolean(blanked));
	json_object_object_add(o, "files", json_object_new_array());
	json_object_object_add(o, "sectors", int64(0));
	json_object_object_add(o, "bytes", int64(0));
	json_object_object_add(o, "format", NULL);
	return cli_json_emit(o, status);
}

/* IMAPI2's IMAPI_FORMAT2_RAW_CD_WRITE_ACTION for each phase: PREPARING, WRITING, FINISHING. */
static const char *current_action(enum rawcd_burn_phase phase)
{
	return phase == RAWCD_BURN_PREPARING ? "preparing" : phase >= RAWCD_BURN_FINISHING ? "finishing" : "writing";
}

void cli_json_burn_progress(const struct rawcd_burn_progress *p)
{
	static const char *const phase[] = {"preparing", "lead-in", "program", "lead-out", "finishing", "verifying"};
	static double first;
	static uint64_t first_done;
	double now = cli_now();
	if (first == 0) {
		first = now;
		first_done = p->done;
	}
	double elapsed = now - first, moved = p->done > first_done ? (double)(p->done - first_done) : 0;
	json_object *x = json_object_new_object();
	json_object_object_add(x, "current_action", json_object_new_string(current_action(p->phase)));
	json_object_object_add(x, "elapsed_time", json_object_new_double(elapsed));
	json_object_object_add(x, "remaining_time", p->done >= p->total ? json_object_new_double(0)
				: moved > 0 ? json_object_new_double(elapsed * (double)(p->total - p->done) / moved) : NULL);
	json_object_object_add(x, "last_written_lba", p->done ? int64(p->next_lba - 1) : NULL);
	json_object_object_add(x, "buffer_fill", p->buffer_fill >= 0 ? int64(p->buffer_fill) : NULL);
	cli_json_progress_line(phase[p->phase], p->done, p->total, RAWCD_SECTOR_SIZE, x);
}
