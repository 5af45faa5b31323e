/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Track payload from input files: BINARY and MOTOROLA with pread(), audio files through libsndfile
 * (sample frames as 16-bit integers, whatever the container: WAVE, AIFF, FLAC, MP3), ZERO as zeros.
 * A file's data starts at its byte_offset and ends after byte_length bytes (cdrdao's start and length);
 * records of another size than the sector (a raw image's 2448 bytes) give their first sector_size bytes.
 * CALLBACK files (rawcd_creator) come from the caller's rawcd_read_fn, strictly in order: it cannot seek,
 * so a read before its position is refused and a read after it discards the bytes in between. */
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
	uint8_t *records;  /* RECORD_BATCH records, when the file's records are larger than its sectors */
	uint64_t cb_pos;   /* CALLBACK: bytes the callback has given */
};

#define RECORD_BATCH 64

int rcd_source_open(struct rcd_source **out, const struct rawcd_disc *disc, size_t f, rawcd_diag *diag)
{
	const struct rawcd_file *file = &disc->files[f];
	struct rcd_source *s = calloc(1, sizeof(*s));
	if (!s)
		return RAWCD_E_NOMEM;
	*s = (struct rcd_source){.disc = disc, .file = file, .fd = -1};
	if (file->type == RAWCD_FILE_ZERO || file->type == RAWCD_FILE_CALLBACK) {
		*out = s;
		return RAWCD_OK;
	}
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

/* Bytes of the file's data left from @p pos (relative to byte_offset) on, at most @p bytes. */
static size_t within_length(const struct rawcd_file *f, uint64_t pos, size_t bytes)
{
	if (!f->byte_length)
		return bytes;
	if (pos >= f->byte_length)
		return 0;
	return f->byte_length - pos < bytes ? (size_t)(f->byte_length - pos) : bytes;
}

static bool big_endian_audio(const struct rawcd_file *f)
{
	return f->type == RAWCD_FILE_MOTOROLA ? !f->swap : f->swap;
}

static int read_binary(struct rcd_source *s, uint64_t pos, size_t bytes, uint8_t *out, rawcd_diag *diag)
{
	size_t done = 0, want = within_length(s->file, pos, bytes);
	pos += s->file->byte_offset;
	while (done < want) {
		ssize_t n = pread(s->fd, out + done, want - done, (off_t)(pos + done));
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
	if (big_endian_audio(s->file))
		for (size_t i = 0; i < done && i + 1 < bytes; i += 2) {
			uint8_t t = out[i];
			out[i] = out[i + 1];
			out[i + 1] = t;
		}
	return RAWCD_OK;
}

static int read_audio(struct rcd_source *s, uint64_t pos, size_t bytes, uint8_t *out, rawcd_diag *diag)
{
	size_t want = within_length(s->file, pos, bytes);
	memset(out + want, 0, bytes - want);
	bytes = want;
	pos += s->file->byte_offset;
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
	bool swap = s->file->swap; /* cdrdao SWAP on a WAVE file: its samples' bytes the other way round */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	swap = !swap;
#endif
	for (size_t i = 0; swap && i < (size_t)got * 2; i++)
		pcm[i] = (int16_t)__builtin_bswap16((uint16_t)pcm[i]);
	return RAWCD_OK;
}

static const char *label(const struct rawcd_file *f)
{
	return f->name ? f->name : "callback data";
}

static int callback_error(struct rcd_source *s, int rc, uint64_t pos, rawcd_diag *diag)
{
	int code = rc < 0 && rc >= RAWCD_E_STATE ? rc : RAWCD_E_INPUT;
	return rcd_error(diag, code, s->disc->sheet_path, s->file->line, "%s: the read callback failed at byte %llu "
			 "(it returned %d, %s)", label(s->file), (unsigned long long)pos, rc, rawcd_strerror(rc));
}

/* Bytes [pos, pos + bytes) of a CALLBACK file; beyond its length, zeros. */
static int read_callback(struct rcd_source *s, uint64_t pos, size_t bytes, uint8_t *out, rawcd_diag *diag)
{
	const struct rawcd_file *f = s->file;
	if (pos < s->cb_pos)
		return rcd_error(diag, RAWCD_E_INPUT, s->disc->sheet_path, f->line, "%s: byte %llu is wanted again "
				 "after the read callback gave %llu bytes; a rawcd_read_fn cannot seek: read the "
				 "stream once, in order", label(f), (unsigned long long)pos, (unsigned long long)s->cb_pos);
	uint64_t end = pos < f->bytes ? pos : f->bytes;
	while (s->cb_pos < end) { /* a jump forward: read and drop, @p out as scratch */
		size_t n = end - s->cb_pos < bytes ? (size_t)(end - s->cb_pos) : bytes;
		int rc = f->read(f->read_ctx, out, n);
		if (rc)
			return callback_error(s, rc, s->cb_pos, diag);
		s->cb_pos += n;
	}
	size_t want = pos >= f->bytes ? 0 : f->bytes - pos < bytes ? (size_t)(f->bytes - pos) : bytes;
	if (want) {
		int rc = f->read(f->read_ctx, out, want);
		if (rc)
			return callback_error(s, rc, pos, diag);
		s->cb_pos = pos + want;
	}
	memset(out + want, 0, bytes - want);
	return RAWCD_OK;
}

static int read_plain(struct rcd_source *src, uint64_t pos, size_t bytes, uint8_t *out, rawcd_diag *diag)
{
	if (src->file->type == RAWCD_FILE_ZERO) {
		memset(out, 0, bytes);
		return RAWCD_OK;
	}
	if (src->file->type == RAWCD_FILE_CALLBACK)
		return read_callback(src, pos, bytes, out, diag);
	return src->sf ? read_audio(src, pos, bytes, out, diag) : read_binary(src, pos, bytes, out, diag);
}

/* Records larger than the sector: read a batch of them, keep the first sector_size bytes of each. */
static int read_records(struct rcd_source *src, uint32_t first, size_t count, size_t sector_size, uint8_t *out,
			rawcd_diag *diag)
{
	size_t stride = src->file->record_size;
	if (!src->records && !(src->records = malloc(RECORD_BATCH * stride)))
		return RAWCD_E_NOMEM;
	for (size_t k = 0; k < count; k += RECORD_BATCH) {
		size_t m = count - k < RECORD_BATCH ? count - k : RECORD_BATCH;
		int rc = read_plain(src, (uint64_t)(first + k) * stride, m * stride, src->records, diag);
		if (rc)
			return rc;
		for (size_t i = 0; i < m; i++)
			memcpy(out + (k + i) * sector_size, src->records + i * stride, sector_size);
	}
	return RAWCD_OK;
}

int rcd_source_read(struct rcd_source *src, uint32_t first, size_t count, size_t sector_size, uint8_t *out,
		    rawcd_diag *diag)
{
	if (src->file->record_size && src->file->record_size > sector_size)
		return read_records(src, first, count, sector_size, out, diag);
	return read_plain(src, (uint64_t)first * sector_size, count * sector_size, out, diag);
}

void rcd_source_close(struct rcd_source *src)
{
	if (!src)
		return;
	if (src->fd >= 0)
		close(src->fd);
	if (src->sf)
		sf_close(src->sf);
	free(src->records);
	free(src);
}
