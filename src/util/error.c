/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Names of the error codes and the CLI exit status each maps to (DESIGN.md §3). */
#include "rawcd/error.h"
#include "rawcd/rawcd.h"

#include "rawcd_config.h"

const char *rawcd_strerror(int err)
{
	switch (err) {
	case RAWCD_OK: return "success";
	case RAWCD_E_NOMEM: return "out of memory";
	case RAWCD_E_ARG: return "invalid argument";
	case RAWCD_E_SYNTAX: return "error in CUE sheet";
	case RAWCD_E_LAYOUT: return "the disc cannot be laid out";
	case RAWCD_E_INPUT: return "bad input file";
	case RAWCD_E_IO: return "input/output error";
	case RAWCD_E_UNSUPPORTED: return "not supported";
	case RAWCD_E_FORMAT: return "unexpected data format";
	case RAWCD_E_INTERNAL: return "internal error";
	case RAWCD_E_CANCELED: return "canceled";
	case RAWCD_E_STATE: return "not allowed in the object's current state";
	default: return "unknown error";
	}
}

int rawcd_error_exit_status(int err)
{
	switch (err) {
	case RAWCD_OK: return 0;
	case RAWCD_E_IO:
	case RAWCD_E_NOMEM:
	case RAWCD_E_INTERNAL: return 3;
	case RAWCD_E_CANCELED: return 130;
	default: return 2;
	}
}

const char *rawcd_version(void)
{
	return RAWCD_VERSION_STRING;
}
