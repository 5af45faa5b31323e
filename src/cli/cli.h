/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The rawcd command: shared helpers of the subcommands. Only the CLI prints and picks exit codes. */
#ifndef RAWCD_CLI_H
#define RAWCD_CLI_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "rawcd/rawcd.h"

/* Exit statuses, DESIGN.md §3. */
#define EXIT_FINDINGS 1
#define EXIT_BAD_INPUT 2
#define EXIT_IO 3

/* Print every entry of @p diag on stderr as "rawcd: FILE:LINE: [warning: ]message". */
void cli_print_diag(const rawcd_diag *diag);

/* Print "rawcd: message" on stderr and return EXIT_BAD_INPUT. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "rawcd: message" on stderr, or, in JSON mode, keep it as a diagnostic object (cli_json.h). */
void cli_message(enum rawcd_severity severity, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Open the recorder DEV names: rawcd_transport_open_sg(), or for "emulated:cd-r" and "emulated:cd-rw"
 * the emulated recorder of emulated.h (a blank disc of that kind; nothing is recorded anywhere). */
int cli_open_recorder(rawcd_transport **out, const char *dev, rawcd_diag *diag);

/* Parse a capacity: sectors ("359849") or the latest lead-out MSF ("79:59:74"). */
bool cli_parse_capacity(const char *text, int32_t *out_lba);

/* Set by SIGINT/SIGTERM once cli_catch_stop_signals() ran: the library polls it as its cancel flag. */
extern volatile sig_atomic_t cli_stop_signal;

/* Catch SIGINT and SIGTERM into cli_stop_signal (SA_RESTART: system calls go on; work stops between
 * batches, cleanly). */
void cli_catch_stop_signals(void);

/* "SIGTERM" or "SIGINT", for the message after a stop. */
const char *cli_stop_signal_name(void);

/* Monotonic seconds, for progress and summaries. */
double cli_now(void);

/* Print a subcommand's help text to stdout. */
void cli_help(const char *command);

int cmd_toc(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_inspect(int argc, char **argv);
int cmd_burn(int argc, char **argv);
int cmd_drive(int argc, char **argv);
int cmd_blank(int argc, char **argv);

#endif
