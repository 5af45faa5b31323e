/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Machine-readable output shared by the commands (README.md, "JSON output"): with --json one final
 * object on stdout, with --progress=json one object a line on stderr (progress events and every
 * diagnostic). Everything is built with json-c. */
#ifndef RAWCD_CLI_JSON_H
#define RAWCD_CLI_JSON_H

#include <json-c/json.h>
#include <stdbool.h>
#include <stdint.h>

#include "rawcd/burn.h"
#include "rawcd/rawcd.h"

/* Look for --json and --progress=json among a command's arguments (up to "--"), before its options are
 * parsed, so that even a usage error comes out as JSON; start the clock of "seconds". */
void cli_json_start(const char *command, int argc, char **argv);

/* The value of --progress: "json" turns cli_json_progress() on; anything else is a usage error
 * (printed; returns false). */
bool cli_json_parse_progress(const char *value);

/* --json was given: the command ends with one object on stdout. */
bool cli_json_final(void);

/* --progress=json was given: progress and diagnostics are JSON lines on stderr. */
bool cli_json_progress(void);

/* A diagnostic for JSON: kept for the final object's "warnings" or "errors" (with --json) and printed as a
 * {"type":"diagnostic", ...} line on stderr (with --progress=json). Returns true when the plain
 * "rawcd: ..." line must not be printed (--progress=json). @p file may be NULL, @p line 0. */
bool cli_json_diag(enum rawcd_severity severity, const char *file, unsigned line, const char *message);

/* A new final object holding "command"; the command adds its own keys, then calls cli_json_emit(). */
json_object *cli_json_report(void);

/* Add "warnings", "errors", "seconds" and "exit_status" (@p status) to @p report, print it on stdout
 * and free it; once per run (a second call only frees). Returns @p status. */
int cli_json_emit(json_object *report, int status);

/* For main, after the command: with --json, a command that stopped before cli_json_emit() (bad usage,
 * an input that did not load) still prints its object: "command", "files" [], "sectors" 0, "bytes" 0,
 * "warnings", "errors", "seconds", "exit_status". Returns @p status. */
int cli_json_finish(int status);

/* An array of strings. */
json_object *cli_json_strings(const char *const *s, size_t n);

/* One --progress=json line on stderr, if --progress=json: {"type":"progress", "phase", "sectors_done",
 * "sectors_total", "bytes_per_second" (@p sector_bytes a sector, since the first event), "seconds_left"
 * (null until known)} and the keys of @p extra (taken over; NULL for none). At most 10 lines a second,
 * but always the first, each change of phase and the last (done == total). Frees @p extra. */
void cli_json_progress_line(const char *phase, uint64_t done, uint64_t total, unsigned sector_bytes,
			    json_object *extra);

/* ---- the final objects of convert, burn and blank (cli_json_reports.c) ---- */

/* Bytes a sector that a convert to @p format writes (every file together): 2352 (bin), 2448 (clonecd:
 * .img and .sub; raw96, packed96), 2368 (pq16). */
unsigned cli_json_sector_bytes(enum rawcd_image_format format);

/* convert's object: "files" (what was written, [] when @p disc is NULL: nothing was), "sectors",
 * "first_lba", "bytes" (of all the files), "format", "sector_bytes", "lead_in_sectors",
 * "lead_out_sectors"; then cli_json_emit(). Returns @p status. */
int cli_json_convert(const char *output, const struct rawcd_image_options *opts, const struct rawcd_disc *disc,
		     int status);

/* burn's object from what rawcd_burn() reported (@p r NULL when it did not run); then cli_json_emit(). */
int cli_json_burn(const char *input, const char *device, const struct rawcd_burn_options *opts,
		  const struct rawcd_burn_result *r, int status);

/* blank's object; then cli_json_emit(). */
int cli_json_blank(const char *device, bool all, bool blanked, int status);

/* A burn's progress event as a --progress=json line, with IMAPI2 IDiscFormat2RawCDEventArgs' keys. */
void cli_json_burn_progress(const struct rawcd_burn_progress *p);

#endif
