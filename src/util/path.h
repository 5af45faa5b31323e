/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Internal: file names as the sheets and images name them. */
#ifndef RCD_UTIL_PATH_H
#define RCD_UTIL_PATH_H

/* The last component of @p path (a pointer into it). */
const char *rcd_path_base(const char *path);

/* The folder of @p path: "." for a bare name, "/" for a file in the root. malloc'd; NULL if out of memory. */
char *rcd_path_folder(const char *path);

/* @p name inside @p folder, or @p name itself when it is absolute. malloc'd; NULL if out of memory. */
char *rcd_path_join(const char *folder, const char *name);

/* @p name in the folder of @p sibling (FILE and CDTEXTFILE names are relative to the sheet). */
char *rcd_path_beside(const char *sibling, const char *name);

/* The name of the entry of @p folder that equals @p base without regard to case (the exact one when there
 * is one), or NULL: real sheets say CDDA.BIN for cdda.bin. malloc'd. */
char *rcd_path_find_nocase(const char *folder, const char *base);

#endif
