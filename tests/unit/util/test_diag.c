/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <criterion/criterion.h>
#include <string.h>

#include "rawcd/error.h"
#include "util/diag.h"

Test(diag, entries_keep_order_and_text)
{
	rawcd_diag *d = rawcd_diag_new();
	cr_assert_eq(rcd_error(d, RAWCD_E_SYNTAX, "a.cue", 3, "bad %s", "thing"), RAWCD_E_SYNTAX);
	rcd_warn(d, "a.cue", 5, "odd");
	cr_assert_eq(rawcd_diag_count(d), 2);
	cr_assert_eq(rawcd_diag_error_count(d), 1);
	const struct rawcd_diag_entry *e = rawcd_diag_get(d, 0);
	cr_assert_str_eq(e->message, "bad thing");
	cr_assert_str_eq(e->file, "a.cue");
	cr_assert_eq(e->line, 3);
	cr_assert_eq(rawcd_diag_get(d, 1)->severity, RAWCD_SEV_WARNING);
	cr_assert_null(rawcd_diag_get(d, 2));
	rawcd_diag_clear(d);
	cr_assert_eq(rawcd_diag_count(d), 0);
	rawcd_diag_free(d);
}

Test(diag, null_list_is_allowed)
{
	cr_assert_eq(rcd_error(NULL, RAWCD_E_IO, NULL, 0, "x"), RAWCD_E_IO);
	cr_assert_eq(rawcd_diag_count(NULL), 0);
	rawcd_diag_free(NULL);
}

Test(error, names_and_exit_statuses)
{
	cr_assert_str_eq(rawcd_strerror(RAWCD_E_SYNTAX), "error in CUE sheet");
	cr_assert_str_eq(rawcd_strerror(12345), "unknown error");
	cr_assert_eq(rawcd_error_exit_status(RAWCD_OK), 0);
	cr_assert_eq(rawcd_error_exit_status(RAWCD_E_SYNTAX), 2);
	cr_assert_eq(rawcd_error_exit_status(RAWCD_E_INPUT), 2);
	cr_assert_eq(rawcd_error_exit_status(RAWCD_E_IO), 3);
}
