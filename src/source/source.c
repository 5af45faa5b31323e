/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Track payload from input files: BINARY and MOTOROLA with pread(), audio files through libsndfile
 * (sample frames as 16-bit integers, whatever the container: WAVE, AIFF, FLAC, MP3). */
#include "source/source.h"

#include <errno.h>
#include <fcntl.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rawcd/error.h"
#include "util/diag.h"

struct rcd_source {
	const struct rawcd_disc *disc;
	const struct rawcd_file *file;
	int fd;            /* BINARY, MOTOROLA */
	SNDFILE *sf;       /* audio files */
	sf_count_t frame;  /* libsndfile's read position, to skip needless seeks */
};

int rcd_source_open(struct rcd_source **out, const struct rawcd_disc *disc, size_t f, rawcd_diag *diag)
{
	const struct rawcd_file *file = &disc->files[f];
	struct rcd_source *s = calloc(1, sizeof(*s));
	if (!s)
		return RAWCD_E_NOMEM;
	*s = (struct rcd_source){.disc = disc, .file = file, .fd = -1};
	if (file->type == RAWCD_FILE_BINARY || file->type == RAWCD_FILE_MOTOROLA) {
		s->fd = open(file->path, O_RDONLY | O_CLOEXEC);
		if (s->fd >= 0)
			posix_fadvise(s->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	} else {
		SF_INFO info = {0};
		s->sf = sf_open(file->path, SFM_READ, &info);
	}
	if (s->fd < 0 && !s->sf) {
		int rc = rcd_error(diag, RAWCD_E_INPUT, disc->sheet_path, file->line,
				   "FILE \"%s\" cannot be opened any more (%s)", file->path,
				   s->fd < 0 && file->type <= RAWCD_FILE_MOTOROLA ? strerror(errno) : sf_strerror(NULL));
		free(s);
		return rc;
	}
	*out = s;
	return RAWCD_OK;
}

static int read_binary(struct rcd_source *s, uint64_t pos, size_t bytes, uint8_t *out, rawcd_diag *diag)
{
	size_t done = 0;
	while (done < bytes) {
		ssize_t n = pread(s->fd, out + done, bytes - done, (off_t)(pos + done));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return rcd_error(diag, RAWCD_E_IO, s->file->path, 0, "read failed at byte %llu: %s",
					 (unsigned long long)(pos + done), strerror(errno));
		if (n == 0)
			break;
		done += (size_t)n;
	}
	memset(out + done, 0, bytes - done);
	/* A lone last byte is the high half of a sample whose low half is the zero padding. */
	if (s->file->type == RAWCD_FILE_MOTOROLA)
		for (size_t i = 0; i < done && i + 1 < bytes; i += 2) {
			uint8_t t = out[i];
			out[i] = out[i + 1];
			out[i + 1] = t;
		}
	return RAWCD_OK;
}

static int read_audio(struct rcd_source *s, uint64_t pos, size_t bytes, uint8_t *out, rawcd_diag *diag)
{
	sf_count_t frame = (sf_count_t)(pos / 4), frames = (sf_count_t)(bytes / 4);
	if (frame != s->frame && sf_seek(s->sf, frame, SEEK_SET) < 0)
		return rcd_error(diag, RAWCD_E_IO, s->file->path, 0, "cannot seek to sample frame %lld: %s",
				 (long long)frame, sf_strerror(s->sf));
	/* short is 16 bits on every platform rawcd builds for; the bytes are stored little-endian. */
	int16_t *pcm = (int16_t *)(void *)out;
	sf_count_t got = sf_readf_short(s->sf, pcm, frames);
	if (got < 0 || (got < frames && sf_error(s->sf))) {
		/* libsndfile's SF_ERR_SYSTEM is a failed read (I/O); anything else is the file's content */
		int code = sf_error(s->sf) == SF_ERR_SYSTEM ? RAWCD_E_IO : RAWCD_E_INPUT;
		return rcd_error(diag, code, s->file->path, 0, "cannot %s audio at sample frame %lld: %s",
				 code == RAWCD_E_IO ? "read" : "decode", (long long)frame, sf_strerror(s->sf));
	}
	s->frame = frame + got;
	memset(out + got * 4, 0, (size_t)(frames - got) * 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	for (size_t i = 0; i < (size_t)got * 2; i++)
		pcm[i] = (int16_t)__builtin_bswap16((uint16_t)pcm[i]);
#endif
	return RAWCD_OK;
}

int rcd_source_read(struct rcd_source *src, uint32_t first, size_t count, size_t sector_size, uint8_t *out,
		    rawcd_diag *diag)
{
	uint64_t pos = (uint64_t)first * sector_size;
	size_t bytes = count * sector_size;
	return src->sf ? read_audio(src, pos, bytes, out, diag) : read_binary(src, pos, bytes, out, diag);
}

void rcd_source_close(struct rcd_source *src)
{
	if (!src)
		return;
	if (src->fd >= 0)
		close(src->fd);
	if (src->sf)
		sf_close(src->sf);
	free(src);
}
