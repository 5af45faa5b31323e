/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli/cli.h"
#include "cli/cli_json.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

void cli_print_diag(const rawcd_diag *diag)
{
	for (size_t i = 0; i < rawcd_diag_count(diag); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(diag, i);
		const char *kind = e->severity == RAWCD_SEV_WARNING ? "warning: "
				   : e->severity == RAWCD_SEV_NOTE  ? "note: " : "";
		if (cli_json_diag(e->severity, e->file, e->line, e->message))
			continue;
		if (e->file && e->line)
			fprintf(stderr, "rawcd: %s:%u: %s%s\n", e->file, e->line, kind, e->message);
		else if (e->file)
			fprintf(stderr, "rawcd: %s: %s%s\n", e->file, kind, e->message);
		else
			fprintf(stderr, "rawcd: %s%s\n", kind, e->message);
	}
}

int cli_usage_error(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cli_message(RAWCD_SEV_ERROR, "%s", msg);
	return EXIT_BAD_INPUT;
}

void cli_message(enum rawcd_severity severity, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!cli_json_diag(severity, NULL, 0, msg))
		fprintf(stderr, "rawcd: %s\n", msg);
}

bool cli_parse_capacity(const char *text, int32_t *out_lba)
{
	uint32_t frames;
	if (rawcd_msf_parse(text, &frames)) {
		if (frames < RAWCD_MSF_LBA_OFFSET || frames > RAWCD_LBA_MAX + RAWCD_MSF_LBA_OFFSET)
			return false;
		*out_lba = (int32_t)frames - RAWCD_MSF_LBA_OFFSET;
		return true;
	}
	char *end;
	long v = strtol(text, &end, 10);
	if (*text == '\0' || *end != '\0' || v < 0 || v > RAWCD_LBA_MAX)
		return false;
	*out_lba = (int32_t)v;
	return true;
}

volatile sig_atomic_t cli_stop_signal;

static void on_stop_signal(int sig)
{
	cli_stop_signal = sig;
}

void cli_catch_stop_signals(void)
{
	struct sigaction sa = {.sa_handler = on_stop_signal, .sa_flags = SA_RESTART};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

const char *cli_stop_signal_name(void)
{
	return cli_stop_signal == SIGTERM ? "SIGTERM" : "SIGINT";
}

double cli_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
