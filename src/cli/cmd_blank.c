/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd blank DEV --minimal|--all: blank a CD-RW (MMC BLANK with Immed, then wait for the drive). */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/cli_json.h"
#include "rawcd/burn.h"
#include "rawcd/transport.h"

int cmd_blank(int argc, char **argv)
{
	static const struct option opts[] = {{"minimal", no_argument, NULL, 'm'}, {"all", no_argument, NULL, 'a'},
					     {"help", no_argument, NULL, 'h'}, {"json", no_argument, NULL, 'j'},
					     {"progress", required_argument, NULL, 'P'}, {0}};
	int c, chosen = 0;
	enum rawcd_blank_type type = RAWCD_BLANK_MINIMAL;
	while ((c = getopt_long(argc, argv, "mah", opts, NULL)) != -1) {
		switch (c) {
		case 'm': type = RAWCD_BLANK_MINIMAL; chosen++; break;
		case 'a': type = RAWCD_BLANK_ALL; chosen++; break;
		case 'j': break; /* cli_json_final() */
		case 'P':
			if (!cli_json_parse_progress(optarg))
				return EXIT_BAD_INPUT;
			break;
		case 'h': cli_help("blank"); return 0;
		default: return EXIT_BAD_INPUT;
		}
	}
	if (optind + 1 != argc || chosen != 1)
		return cli_usage_error("usage: rawcd blank DEV --minimal|--all (exactly one of the two)");
	const char *dev = argv[optind];
	rawcd_diag *diag = rawcd_diag_new();
	rawcd_transport *t = NULL;
	int rc = cli_open_recorder(&t, dev, diag);
	if (rc == RAWCD_OK) {
		cli_json_progress_line("blanking", 0, 1, 0, NULL);
		rc = rawcd_blank(t, type, diag);
	}
	cli_print_diag(diag);
	if (rc == RAWCD_OK)
		cli_json_progress_line("blanked", 1, 1, 0, NULL);
	if (rc == RAWCD_OK && !cli_json_final() && !cli_json_progress())
		fprintf(stderr, "rawcd: %s: blanked (%s)\n", dev, type == RAWCD_BLANK_ALL ? "whole disc" : "minimal");
	if (cli_json_final())
		cli_json_blank(dev, type == RAWCD_BLANK_ALL, rc == RAWCD_OK, rawcd_error_exit_status(rc));
	rawcd_transport_close(t);
	rawcd_diag_free(diag);
	return rawcd_error_exit_status(rc);
}
