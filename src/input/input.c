/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Any image in: recognise the kind of an input by its first bytes (then by its extension), and hand it to
 * the reader of that kind. Every reader returns the same laid-out disc model. */
#include "rawcd/input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rawcd/ccd.h"
#include "rawcd/cue.h"
#include "rawcd/error.h"
#include "rawcd/rawimage.h"
#include "rawcd/tocfile.h"
#include "util/diag.h"

#define SNIFF_BYTES (64 * 1024)

const char *rawcd_input_kind_name(enum rawcd_input_kind kind)
{
	static const char *const names[] = {"CUE sheet", "cdrdao TOC file", "CloneCD image", "raw image"};
	return (unsigned)kind <= RAWCD_INPUT_RAW ? names[kind] : "?";
}

static int read_head(const char *path, uint8_t *buf, size_t *len, rawcd_diag *diag)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "cannot be opened (%s): check the name",
				 strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return rcd_error(diag, RAWCD_E_INPUT, path, 0, "is not a regular file (a folder, a FIFO or a "
				 "device): name a CUE sheet, a TOC file, a .ccd or a raw image");
	}
	size_t done = 0;
	while (done < SNIFF_BYTES) {
		ssize_t n = read(fd, buf + done, SNIFF_BYTES - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			return rcd_error(diag, RAWCD_E_IO, path, 0, "cannot be read (%s)", strerror(e));
		}
		if (n == 0)
			break;
		done += (size_t)n;
	}
	close(fd);
	*len = done;
	return RAWCD_OK;
}

/* "[CloneCD]" as the first section, past a BOM and blank lines, in any case. */
static bool sniff_ccd(const uint8_t *p, size_t len)
{
	size_t i = 0;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	return len - i >= 9 && strncasecmp((const char *)p + i, "[CloneCD]", 9) == 0;
}

static bool has_extension(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && strcasecmp(path + n - e, ext) == 0;
}

int rawcd_input_detect(const char *path, enum rawcd_input_kind *out, rawcd_diag *diag)
{
	if (!path || !out)
		return RAWCD_E_ARG;
	uint8_t *buf = malloc(SNIFF_BYTES);
	if (!buf)
		return RAWCD_E_NOMEM;
	size_t len = 0;
	int rc = read_head(path, buf, &len, diag);
	if (rc == RAWCD_OK) {
		if (sniff_ccd(buf, len))
			*out = RAWCD_INPUT_CCD;
		else if (rawcd_rawimage_sniff(buf, len))
			*out = RAWCD_INPUT_RAW;
		else if (rawcd_tocfile_sniff((const char *)buf, len))
			*out = RAWCD_INPUT_TOC;
		else if (has_extension(path, ".ccd"))
			*out = RAWCD_INPUT_CCD;
		else if (has_extension(path, ".toc"))
			*out = RAWCD_INPUT_TOC;
		else
			*out = RAWCD_INPUT_CUE;
	}
	free(buf);
	return rc;
}

/* The .img must hold every sector up to the lead-out: inspect reports the missing ones, but a command that
 * uses the disc would make them up as zeros. */
static int ccd_img_whole(const struct rawcd_disc *d, rawcd_diag *diag)
{
	const struct rawcd_file *f = &d->files[0];
	uint64_t want = (uint64_t)f->sectors * RAWCD_SECTOR_SIZE;
	if (f->bytes >= want)
		return RAWCD_OK;
	return rcd_error(diag, RAWCD_E_INPUT, f->path, 0, "holds %llu whole sectors, fewer than the %u up to the "
			 "lead-out the .ccd gives (its A2 entry): the image is cut short; give the whole .img",
			 (unsigned long long)(f->bytes / RAWCD_SECTOR_SIZE), f->sectors);
}

static int load_ccd(struct rawcd_disc **out, const char *path, rawcd_diag *diag)
{
	struct rawcd_ccd_info info = {0};
	int rc = rawcd_ccd_load(out, &info, path, diag);
	if (rc == RAWCD_OK && (rc = ccd_img_whole(*out, diag)) != RAWCD_OK) {
		rawcd_disc_free(*out);
		*out = NULL;
	}
	if (rc == RAWCD_OK && info.sub_path) {
		struct rawcd_recorded_subcode *rs = &(*out)->recorded_subcode;
		*rs = (struct rawcd_recorded_subcode){.store = RAWCD_SUBSTORE_CHANNELS, .path = info.sub_path,
						      .record_size = 96, .first_lba = 0,
						      .sessions_back_to_back = true};
		struct stat st;
		uint64_t records = stat(info.sub_path, &st) == 0 ? (uint64_t)st.st_size / 96 : 0;
		rs->sectors = records > UINT32_MAX ? UINT32_MAX : (uint32_t)records;
		info.sub_path = NULL;
	}
	rawcd_ccd_info_finish(&info);
	return rc;
}

int rawcd_input_load(struct rawcd_disc **out, const char *path, const struct rawcd_layout_options *opts,
		     rawcd_diag *diag)
{
	if (!out || !path)
		return RAWCD_E_ARG;
	enum rawcd_input_kind kind;
	int rc = rawcd_input_detect(path, &kind, diag);
	if (rc)
		return rc;
	struct rawcd_disc *d = NULL;
	switch (kind) {
	case RAWCD_INPUT_CCD: rc = load_ccd(&d, path, diag); break;
	case RAWCD_INPUT_RAW: rc = rawcd_rawimage_load(&d, path, opts, diag); break;
	case RAWCD_INPUT_TOC: rc = rawcd_tocfile_load(&d, path, opts, diag); break;
	default: rc = rawcd_cue_load(&d, path, opts, diag); break;
	}
	if (rc)
		return rc;
	d->input_kind = kind;
	*out = d;
	return RAWCD_OK;
}
