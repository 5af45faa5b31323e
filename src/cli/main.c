/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rawcd: raw CD images from CUE sheets. Subcommand dispatch, --help and --version. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_json.h"

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{"convert", cmd_convert, "write the raw image of a CUE sheet's disc (2352-byte sectors + CUE)"},
	{"check", cmd_check, "validate a CUE sheet alone, then with its files"},
	{"toc", cmd_toc, "print the expected TOC of a CUE sheet, or read a disc's TOC from a drive"},
	{"inspect", cmd_inspect, "verify an image's sectors and subcode, hash its tracks"},
	{"burn", cmd_burn, "burn a sheet's, TOC file's or image's disc in raw DAO or SAO on a CD-R or CD-RW"},
	{"drive", cmd_drive, "show what a drive is, can write, and what disc is in it"},
	{"blank", cmd_blank, "blank a CD-RW (--minimal or --all)"},
};

static void usage(FILE *out)
{
	fputs("Usage: rawcd COMMAND [OPTIONS] ...\n\nCommands:\n", out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("\nrawcd COMMAND --help shows a command's options.\n"
	      "Exit status: 0 success, 1 problems found, 2 bad usage or input, 3 I/O failure.\n", out);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("rawcd %s\n", rawcd_version());
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			cli_json_start(commands[i].name, argc - 1, argv + 1);
			return cli_json_finish(commands[i].fn(argc - 1, argv + 1));
		}
	fprintf(stderr, "rawcd: unknown command \"%s\"\n", argv[1]);
	usage(stderr);
	return EXIT_BAD_INPUT;
}
