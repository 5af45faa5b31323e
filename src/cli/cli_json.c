/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The JSON output of every command (cli_json.h): one place for the keys that all commands share, so
 * that README.md's "JSON output" section describes them once. */
#include "cli/cli_json.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

#define PROGRESS_INTERVAL 0.1 /* seconds between two progress lines of one phase */

static struct {
	const char *command;
	bool final, progress, emitted;
	double start;
	json_object *warnings, *errors; /* collected for the final object */
	char phase[32];                 /* of the last progress line */
	double last_line, first_event;
	uint64_t first_done;
} st;

/* The commands of each mode; drive and inspect print their own --json reports (burn.h, inspect.h). */
static const char *const final_commands[] = {"convert", "burn", "blank", "check"};
static const char *const progress_commands[] = {"convert", "inspect", "burn", "blank"};

static bool listed(const char *command, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(command, list[i]) == 0)
			return true;
	return false;
}

void cli_json_start(const char *command, int argc, char **argv)
{
	st.command = command;
	st.start = cli_now();
	bool final = listed(command, final_commands, sizeof(final_commands) / sizeof(final_commands[0]));
	bool progress = listed(command, progress_commands, sizeof(progress_commands) / sizeof(progress_commands[0]));
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		st.final |= final && strcmp(argv[i], "--json") == 0;
		st.progress |= progress && strcmp(argv[i], "--progress=json") == 0;
	}
	if (st.final) {
		st.warnings = json_object_new_array();
		st.errors = json_object_new_array();
	}
}

bool cli_json_parse_progress(const char *value)
{
	if (strcmp(value, "json") != 0) {
		cli_usage_error("--progress=%s: use --progress=json (one JSON object a line on stderr)", value);
		return false;
	}
	st.progress = true;
	return true;
}

bool cli_json_final(void)
{
	return st.final;
}

bool cli_json_progress(void)
{
	return st.progress;
}

static const char *severity_name(enum rawcd_severity s)
{
	return s == RAWCD_SEV_ERROR ? "error" : s == RAWCD_SEV_NOTE ? "note" : "warning";
}

static json_object *diag_object(enum rawcd_severity severity, const char *file, unsigned line, const char *message)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "file", file ? json_object_new_string(file) : NULL);
	json_object_object_add(o, "line", line ? json_object_new_int64(line) : NULL);
	json_object_object_add(o, "severity", json_object_new_string(severity_name(severity)));
	json_object_object_add(o, "message", json_object_new_string(message));
	return o;
}

static void print_line(json_object *o)
{
	fprintf(stderr, "%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	fflush(stderr);
}

bool cli_json_diag(enum rawcd_severity severity, const char *file, unsigned line, const char *message)
{
	if (st.final)
		json_object_array_add(severity == RAWCD_SEV_ERROR ? st.errors : st.warnings,
				      diag_object(severity, file, line, message));
	if (!st.progress)
		return false;
	json_object *o = json_object_new_object();
	json_object_object_add(o, "type", json_object_new_string("diagnostic"));
	json_object *d = diag_object(severity, file, line, message);
	json_object_object_foreach(d, key, val)
		json_object_object_add(o, key, json_object_get(val));
	json_object_put(d);
	print_line(o);
	json_object_put(o);
	return true;
}

json_object *cli_json_report(void)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "command", json_object_new_string(st.command ? st.command : ""));
	return o;
}

int cli_json_emit(json_object *report, int status)
{
	if (st.emitted || !st.final) {
		json_object_put(report);
		return status;
	}
	st.emitted = true;
	json_object_object_add(report, "warnings", st.warnings);
	json_object_object_add(report, "errors", st.errors);
	st.warnings = st.errors = NULL;
	json_object_object_add(report, "seconds", json_object_new_double(cli_now() - st.start));
	json_object_object_add(report, "exit_status", json_object_new_int(status));
	puts(json_object_to_json_string_ext(report, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE));
	fflush(stdout);
	json_object_put(report);
	return status;
}

int cli_json_finish(int status)
{
	if (!st.final || st.emitted)
		return status;
	json_object *o = cli_json_report();
	json_object_object_add(o, "files", json_object_new_array());
	json_object_object_add(o, "sectors", json_object_new_int(0));
	json_object_object_add(o, "bytes", json_object_new_int(0));
	return cli_json_emit(o, status);
}

json_object *cli_json_strings(const char *const *s, size_t n)
{
	json_object *a = json_object_new_array();
	for (size_t i = 0; i < n; i++)
		json_object_array_add(a, json_object_new_string(s[i]));
	return a;
}

/* Whether this event makes a line: the first, a new phase, the last, or PROGRESS_INTERVAL later. */
static bool due(const char *phase, uint64_t done, uint64_t total, double now)
{
	bool new_phase = strcmp(phase, st.phase) != 0;
	if (!new_phase && done < total && now - st.last_line < PROGRESS_INTERVAL)
		return false;
	snprintf(st.phase, sizeof(st.phase), "%s", phase);
	st.last_line = now;
	return true;
}

void cli_json_progress_line(const char *phase, uint64_t done, uint64_t total, unsigned sector_bytes,
			    json_object *extra)
{
	double now = cli_now();
	if (!st.progress || !due(phase, done, total, now)) {
		json_object_put(extra);
		return;
	}
	if (st.first_event == 0) {
		st.first_event = now;
		st.first_done = done;
	}
	double secs = now - st.first_event, moved = done > st.first_done ? (double)(done - st.first_done) : 0;
	double rate = secs > 0 ? moved * sector_bytes / secs : 0;
	json_object *o = json_object_new_object();
	json_object_object_add(o, "type", json_object_new_string("progress"));
	json_object_object_add(o, "phase", json_object_new_string(phase));
	json_object_object_add(o, "sectors_done", json_object_new_int64((int64_t)done));
	json_object_object_add(o, "sectors_total", json_object_new_int64((int64_t)total));
	json_object_object_add(o, "bytes_per_second", json_object_new_double(rate));
	json_object_object_add(o, "seconds_left", done >= total ? json_object_new_double(0)
						  : rate > 0 ? json_object_new_double((double)(total - done) * sector_bytes / rate)
						  : NULL);
	if (extra) {
		json_object_object_foreach(extra, key, val)
			json_object_object_add(o, key, json_object_get(val));
		json_object_put(extra);
	}
	print_line(o);
	json_object_put(o);
}
