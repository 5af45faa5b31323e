/* SPDX-License-Identifier: GPL-2.0-or-later */
/**
 * @file error.h
 * @brief The one error convention of librawcd.
 *
 * Every fallible library call returns an `int`: 0 (RAWCD_OK) on success or one of the negative codes
 * below. Details (sheet file and line, errno, what to do) travel in a ::rawcd_diag list passed by the
 * caller; the library never prints and never exits.
 */
#ifndef RAWCD_ERROR_H
#define RAWCD_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes. Stable: new codes are only ever appended. */
enum rawcd_error {
	RAWCD_OK = 0,
	RAWCD_E_NOMEM = -1,       /**< an allocation failed */
	RAWCD_E_ARG = -2,         /**< a caller broke a documented precondition (NULL, out of range) */
	RAWCD_E_SYNTAX = -3,      /**< a CUE sheet breaks the syntax or a rule of the format */
	RAWCD_E_LAYOUT = -4,      /**< the disc cannot be laid out (capacity, sessions, lengths) */
	RAWCD_E_INPUT = -5,       /**< an input file is missing, unreadable or of the wrong kind */
	RAWCD_E_IO = -6,          /**< reading or writing failed (errno in the diagnostic) */
	RAWCD_E_UNSUPPORTED = -7, /**< well-formed, but not supported (yet) */
	RAWCD_E_FORMAT = -8,      /**< bytes (a TOC response, an image) are not of the expected format */
	RAWCD_E_INTERNAL = -9,    /**< a bug in librawcd: please report it */
	RAWCD_E_CANCELED = -10,   /**< the caller's cancel flag was raised; nothing was left behind */
	RAWCD_E_STATE = -11       /**< the call does not fit the object's state (a rawcd_creator frozen by
	                               rawcd_creator_create_result_image(), tracks already added, no tracks
	                               yet; a rawcd_writer whose media is not prepared or is writing) */
};

/**
 * Name an error code.
 * @param err a value returned by a librawcd call.
 * @return a static English sentence fragment such as "syntax error in CUE sheet"; never NULL
 *         ("unknown error" for a value not in ::rawcd_error).
 */
const char *rawcd_strerror(int err);

/**
 * The CLI's exit status for an error code (DESIGN.md §3): 0 for RAWCD_OK; 3 for RAWCD_E_IO,
 * RAWCD_E_NOMEM and RAWCD_E_INTERNAL; 130 for RAWCD_E_CANCELED (as a shell reports SIGINT); 2 for every
 * other failure (bad usage or bad input).
 */
int rawcd_error_exit_status(int err);

#ifdef __cplusplus
}
#endif
#endif
