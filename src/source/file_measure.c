/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Lengths of a disc's input files: BINARY/MOTOROLA by size and their tracks' sector size, audio files by
 * sample frames through libsndfile (it reads WAVE, AIFF, FLAC and, from 1.1, MP3, by content). */
#include <errno.h>
#include <sndfile.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rawcd/disc.h"
#include "rawcd/error.h"
#include "util/diag.h"

/* The sector size of the tracks that read from file @p f; 0 if they disagree, *mode gets one of them. */
static unsigned file_sector_size(const struct rawcd_disc *d, size_t f, enum rawcd_track_mode *mode)
{
	unsigned size = 0;
	for (size_t i = 0; i < d->track_count; i++)
		for (size_t j = 0; j < d->tracks[i].index_count; j++) {
			if (d->tracks[i].indexes[j].file != f)
				continue;
			unsigned s = rawcd_track_mode_file_sector_size(d->tracks[i].mode);
			if (size && s != size)
				return 0;
			size = s;
			*mode = d->tracks[i].mode;
		}
	return size;
}

/* Whether an INDEX points into FILE @p f (the parser warns about one that none does). */
static bool file_used(const struct rawcd_disc *d, size_t f)
{
	for (size_t i = 0; i < d->track_count; i++)
		for (size_t j = 0; j < d->tracks[i].index_count; j++)
			if (d->tracks[i].indexes[j].file == f)
				return true;
	return false;
}

static bool is_audio_file(enum rawcd_file_type t)
{
	return t == RAWCD_FILE_WAVE || t == RAWCD_FILE_AIFF || t == RAWCD_FILE_MP3 || t == RAWCD_FILE_FLAC;
}

/* libsndfile's name of a sample format ("Signed 24 bit PCM"); its table is indexed, not keyed. */
static const char *subtype_name(int subtype)
{
	int count = 0;
	sf_command(NULL, SFC_GET_FORMAT_SUBTYPE_COUNT, &count, sizeof(count));
	for (int i = 0; i < count; i++) {
		SF_FORMAT_INFO fi = {.format = i};
		if (sf_command(NULL, SFC_GET_FORMAT_SUBTYPE, &fi, sizeof(fi)) == 0 && fi.format == subtype)
			return fi.name;
	}
	return "an unknown sample format";
}

/* The bytes the disc uses of a file of @p size bytes: from byte_offset on, byte_length of them (cdrdao's
 * start and length) or up to the end. */
static int apply_range(struct rawcd_file *f, uint64_t size, const char *sheet, rawcd_diag *diag)
{
	if (f->byte_offset > size)
		return rcd_error(diag, RAWCD_E_INPUT, sheet, f->line, "FILE \"%s\" is %llu bytes, but its data is "
				 "to start at byte %llu: give a start inside the file", f->name,
				 (unsigned long long)size, (unsigned long long)f->byte_offset);
	uint64_t left = size - f->byte_offset;
	if (f->byte_length > left)
		return rcd_error(diag, RAWCD_E_INPUT, sheet, f->line, "FILE \"%s\" has %llu bytes from byte %llu "
				 "on, fewer than the %llu asked for: give a shorter length or the right file",
				 f->name, (unsigned long long)left, (unsigned long long)f->byte_offset,
				 (unsigned long long)f->byte_length);
	f->bytes = f->byte_length ? f->byte_length : left;
	return RAWCD_OK;
}

static int measure_audio(struct rawcd_file *f, const char *sheet, rawcd_diag *diag)
{
	SF_INFO info = {0};
	SNDFILE *sf = sf_open(f->path, SFM_READ, &info);
	if (!sf)
		return rcd_error(diag, RAWCD_E_INPUT, sheet, f->line,
				 "FILE \"%s\": libsndfile cannot read it (%s): give a WAVE, AIFF or FLAC file",
				 f->name, sf_strerror(NULL));
	sf_close(sf);
	int sub = info.format & SF_FORMAT_SUBMASK;
	bool pcm16 = sub == SF_FORMAT_PCM_16 || sub == SF_FORMAT_MPEG_LAYER_III;
	if (info.samplerate != 44100 || info.channels != 2 || !pcm16) {
		return rcd_error(diag, RAWCD_E_INPUT, sheet, f->line,
				 "FILE \"%s\" is %d Hz, %s, %d channel%s; CD audio is 44100 Hz, 16-bit, 2 channels: "
				 "convert it first (e.g. sox IN -r 44100 -b 16 -c 2 OUT.wav)", f->name,
				 info.samplerate, subtype_name(sub), info.channels,
				 info.channels == 1 ? "" : "s");
	}
	int rc = apply_range(f, (uint64_t)info.frames * 4, sheet, diag);
	if (rc)
		return rc;
	info.frames = (sf_count_t)(f->bytes / 4);
	uint64_t sectors = ((uint64_t)info.frames + RAWCD_AUDIO_FRAMES_PER_SECTOR - 1) / RAWCD_AUDIO_FRAMES_PER_SECTOR;
	if (info.frames % RAWCD_AUDIO_FRAMES_PER_SECTOR)
		rcd_warn(diag, sheet, f->line,
			 "FILE \"%s\" has %lld sample frames, not a whole number of sectors (588 each): the last "
			 "sector is padded with silence", f->name, (long long)info.frames);
	f->sectors = sectors > UINT32_MAX ? UINT32_MAX : (uint32_t)sectors;
	return RAWCD_OK;
}

/* Sectors of @p size bytes in f->bytes, padded: a warning when it is not a whole number. */
static void count_sectors(struct rawcd_file *f, unsigned size, const char *sheet, rawcd_diag *diag)
{
	uint64_t sectors = (f->bytes + size - 1) / size;
	if (f->bytes % size)
		rcd_warn(diag, sheet, f->line,
			 "FILE \"%s\" is %llu bytes, not a whole number of %u-byte sectors: the last sector "
			 "is padded with zeros", f->name ? f->name : "(zero data)", (unsigned long long)f->bytes, size);
	f->sectors = sectors > UINT32_MAX ? UINT32_MAX : (uint32_t)sectors;
}

static int measure_one(struct rawcd_disc *d, size_t i, rawcd_diag *diag)
{
	struct rawcd_file *f = &d->files[i];
	const char *sheet = d->sheet_path;
	struct stat st, sheet_st;
	if (f->type == RAWCD_FILE_ZERO || f->type == RAWCD_FILE_CALLBACK) {
		enum rawcd_track_mode m = RAWCD_MODE_AUDIO;
		unsigned zsize = file_sector_size(d, i, &m);
		count_sectors(f, zsize ? zsize : RAWCD_SECTOR_SIZE, sheet, diag);
		f->loaded = true;
		return RAWCD_OK;
	}
	if (stat(f->path, &st) != 0)
		return rcd_error(diag, RAWCD_E_INPUT, sheet, f->line, "FILE \"%s\" cannot be opened (%s): check "
				 "the name in the sheet and that the file is beside it", f->name, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return rcd_error(diag, RAWCD_E_INPUT, sheet, f->line,
				 "FILE \"%s\" is a folder: name the file that holds the data", f->name);
	if (!S_ISREG(st.st_mode)) /* a FIFO or a device would block or have no length */
		return rcd_error(diag, RAWCD_E_INPUT, sheet, f->line, "FILE \"%s\" is not a regular file (a FIFO, "
				 "a socket or a device): name an image or audio file", f->name);
	if (stat(sheet, &sheet_st) == 0 && st.st_dev == sheet_st.st_dev && st.st_ino == sheet_st.st_ino)
		return rcd_error(diag, RAWCD_E_INPUT, sheet, f->line,
				 "FILE \"%s\" is the sheet itself: name the image file the sheet describes", f->name);
	enum rawcd_track_mode mode = RAWCD_MODE_AUDIO;
	unsigned size = file_sector_size(d, i, &mode);
	if (size == 0 && !file_used(d, i)) {
		f->loaded = true; /* none of its bytes are on the disc: nothing to measure */
		return RAWCD_OK;
	}
	if (size == 0)
		return rcd_error(diag, RAWCD_E_INPUT, sheet, f->line,
				 "FILE \"%s\" holds tracks of different sector sizes: give each kind its own FILE",
				 f->name);
	int rc = RAWCD_OK;
	if (is_audio_file(f->type)) {
		if (!rawcd_track_mode_is_audio(mode) || mode == RAWCD_MODE_CDG)
			return rcd_error(diag, RAWCD_E_INPUT, sheet, f->line,
					 "FILE \"%s\" is %s audio but holds a %s track: audio files hold AUDIO "
					 "tracks only", f->name, rawcd_file_type_name(f->type), rawcd_track_mode_name(mode));
		rc = measure_audio(f, sheet, diag);
	} else {
		FILE *fp = fopen(f->path, "rb");
		if (!fp)
			return rcd_error(diag, RAWCD_E_INPUT, sheet, f->line, "FILE \"%s\" cannot be read (%s)",
					 f->name, strerror(errno));
		fclose(fp);
		rc = apply_range(f, (uint64_t)st.st_size, sheet, diag);
		if (rc)
			return rc;
		count_sectors(f, f->record_size ? f->record_size : size, sheet, diag);
	}
	f->loaded = rc == RAWCD_OK;
	return rc;
}

int rawcd_disc_load_files(struct rawcd_disc *disc, rawcd_diag *diag)
{
	if (!disc)
		return RAWCD_E_ARG;
	for (size_t i = 0; i < disc->track_count; i++)
		for (size_t j = 0; j < disc->tracks[i].index_count; j++)
			if (disc->tracks[i].indexes[j].file == RAWCD_NO_FILE)
				return rcd_error(diag, RAWCD_E_INPUT, disc->sheet_path, disc->tracks[i].indexes[j].line,
						 "INDEX of track %02u has no FILE: add a FILE line naming the data "
						 "before the TRACK", disc->tracks[i].number);
	for (size_t i = 0; i < disc->file_count; i++) {
		int rc = measure_one(disc, i, diag);
		if (rc)
			return rc;
	}
	return RAWCD_OK;
}
