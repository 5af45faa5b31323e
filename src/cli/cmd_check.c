/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd check IN.cue [--json]: the sheet alone first, then with its files when they all exist. */
#include <getopt.h>
#include <json-c/json.h>
#include <stdio.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/cli_json.h"

/* Files are checked only when the sheet names them all and they all exist. */
static bool all_files_exist(const struct rawcd_disc *d)
{
	struct stat st;
	for (size_t i = 0; i < d->track_count; i++)
		for (size_t j = 0; j < d->tracks[i].index_count; j++)
			if (d->tracks[i].indexes[j].file == RAWCD_NO_FILE)
				return false;
	for (size_t i = 0; i < d->file_count; i++)
		if (stat(d->files[i].path, &st) != 0)
			return false;
	return true;
}

/* The report reads the disc through the creator (creator.h): NumberOfExistingTracks, and StartOfLeadout
 * once the disc is laid out (negative before). */
static void print_json(const char *sheet, int rc, const rawcd_creator *cr, bool files_checked,
		       const rawcd_diag *diag)
{
	json_object *o = cli_json_report();
	int32_t leadout = rawcd_creator_start_of_leadout(cr);
	json_object_object_add(o, "sheet", json_object_new_string(sheet));
	json_object_object_add(o, "valid", json_object_new_boolean(rc == RAWCD_OK));
	json_object_object_add(o, "files_checked", json_object_new_boolean(files_checked));
	json_object_object_add(o, "tracks", json_object_new_int((int)rawcd_creator_track_count(cr)));
	json_object_object_add(o, "leadout_lba", leadout >= 0 ? json_object_new_int(leadout) : NULL);
	json_object *list = json_object_new_array();
	for (size_t i = 0; i < rawcd_diag_count(diag); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(diag, i);
		json_object *x = json_object_new_object();
		json_object_object_add(x, "severity",
				       json_object_new_string(e->severity == RAWCD_SEV_ERROR ? "error" : e->severity == RAWCD_SEV_NOTE ? "note" : "warning"));
		json_object_object_add(x, "file", e->file ? json_object_new_string(e->file) : NULL);
		json_object_object_add(x, "line", json_object_new_int((int)e->line));
		json_object_object_add(x, "message", json_object_new_string(e->message));
		json_object_array_add(list, x);
		cli_json_diag(e->severity, e->file, e->line, e->message); /* for "warnings" and "errors" */
	}
	json_object_object_add(o, "diagnostics", list);
	cli_json_emit(o, rawcd_error_exit_status(rc));
}

int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'}, {0}};
	bool json = false;
	int c;
	while ((c = getopt_long(argc, argv, "jh", opts, NULL)) != -1) {
		if (c == 'j')
			json = true;
		else if (c == 'h')
			return cli_help("check"), 0;
		else
			return EXIT_BAD_INPUT;
	}
	if (optind + 1 != argc)
		return cli_usage_error("check takes one input: rawcd check IN (a CUE sheet, a cdrdao TOC file, a .ccd or a raw image)");
	const char *sheet = argv[optind];
	rawcd_diag *diag = rawcd_diag_new();
	struct rawcd_disc *disc = NULL;
	enum rawcd_input_kind kind = RAWCD_INPUT_CUE;
	int rc = rawcd_input_detect(sheet, &kind, diag);
	bool files = false;
	if (rc == RAWCD_OK && kind != RAWCD_INPUT_CUE) {
		/* TOC files, CloneCD and raw images: read with their files, as every command reads them */
		rc = rawcd_input_load(&disc, sheet, NULL, diag);
		files = true;
	} else if (rc == RAWCD_OK) {
		rc = rawcd_cue_parse_file(&disc, sheet, diag);
		files = rc == RAWCD_OK && all_files_exist(disc);
	}
	bool measured = kind != RAWCD_INPUT_CUE;
	if (files && !measured)
		rc = rawcd_disc_load_files(disc, diag);
	if (files && !measured && rc == RAWCD_OK)
		rc = rawcd_disc_layout(disc, NULL, diag);
	if (files && rc == RAWCD_OK)
		rc = rawcd_cdtext_file_check(disc, diag);
	rawcd_creator *cr = NULL;
	if (disc && rawcd_creator_new_from_disc(&cr, disc, diag) != RAWCD_OK && rc == RAWCD_OK)
		rc = RAWCD_E_NOMEM; /* the disc is freed */
	if (json) {
		print_json(sheet, rc, cr, files, diag);
	} else {
		cli_print_diag(diag);
		if (rc == RAWCD_OK && files)
			printf("%s: valid, %u tracks, lead-out at LBA %d\n", sheet, rawcd_creator_track_count(cr),
			       rawcd_creator_start_of_leadout(cr));
		else if (rc == RAWCD_OK)
			printf("%s: sheet valid, %u tracks; its files were not all found, so they were not "
			       "checked\n", sheet, rawcd_creator_track_count(cr));
	}
	rawcd_creator_free(cr);
	rawcd_diag_free(diag);
	return rawcd_error_exit_status(rc);
}
