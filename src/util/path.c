/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util/path.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *rcd_path_base(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

char *rcd_path_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

char *rcd_path_join(const char *folder, const char *name)
{
	char *out = NULL;
	if (name[0] == '/')
		return strdup(name);
	return asprintf(&out, "%s/%s", folder, name) < 0 ? NULL : out;
}

char *rcd_path_beside(const char *sibling, const char *name)
{
	char *folder = rcd_path_folder(sibling);
	char *out = folder ? rcd_path_join(folder, name) : NULL;
	free(folder);
	return out;
}

char *rcd_path_find_nocase(const char *folder, const char *base)
{
	DIR *dir = opendir(folder);
	if (!dir)
		return NULL;
	char *found = NULL;
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (strcasecmp(e->d_name, base) == 0) {
			free(found);
			found = strdup(e->d_name);
			if (strcmp(e->d_name, base) == 0)
				break;
		}
	}
	closedir(dir);
	return found;
}
