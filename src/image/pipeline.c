/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A ring of SLOTS buffers between the encoder (the calling thread) and a writer thread: while one batch is
 * written the next is read and encoded, so a convert uses both cores and takes about as long as the
 * slower of the two. Memory: SLOTS * SLOT_SECTORS * (2352 + 120 with subcode) bytes (4.8–5.1 MB). */
#include "image/pipeline.h"

#include <pthread.h>
#include <stdlib.h>

#include "rawcd/error.h"
#include "rawcd/sector.h"
#include "util/diag.h"

#define SLOTS 4
#define SLOT_SECTORS RCD_PIPELINE_BATCH

struct slot {
	uint8_t *data;
	struct rawcd_subchannels *sub; /* NULL without subcode */
	size_t sectors;
};

struct pipeline {
	struct slot slot[SLOTS];
	size_t head, tail, filled; /* the encoder fills slot[head], the writer drains slot[tail] */
	bool done;                 /* the encoder will add nothing more */
	bool abort;                /* the encoder failed: what is not written yet is thrown away */
	int write_rc;              /* the writer's error; it stops at the first */
	pthread_mutex_t lock;
	pthread_cond_t cond;
	const struct rcd_sink *sink;
	rawcd_diag *write_diag;    /* the writer's own list: the caller's is the encoder's meanwhile */
};

static void *writer(void *arg)
{
	struct pipeline *p = arg;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (p->filled == 0 && !p->done && !p->abort)
			pthread_cond_wait(&p->cond, &p->lock);
		if (p->filled == 0 || p->abort)
			break;
		struct slot *s = &p->slot[p->tail];
		pthread_mutex_unlock(&p->lock);
		int rc = p->sink->write(p->sink->ctx, s->data, s->sub, s->sectors, p->write_diag);
		pthread_mutex_lock(&p->lock);
		if (rc) {
			p->write_rc = rc;
			break;
		}
		if (p->abort)
			break;
		p->tail = (p->tail + 1) % SLOTS;
		p->filled--;
		pthread_cond_broadcast(&p->cond);
	}
	pthread_cond_broadcast(&p->cond);
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Fill one slot from the stream: as many sectors as fit, across batch boundaries. */
static int fill(rawcd_stream *stream, struct slot *s)
{
	s->sectors = 0;
	while (s->sectors < SLOT_SECTORS) {
		size_t n;
		int32_t lba;
		int rc = rawcd_stream_read_subcode(stream, s->data + s->sectors * RAWCD_SECTOR_SIZE,
						   s->sub ? s->sub + s->sectors : NULL, SLOT_SECTORS - s->sectors,
						   &n, &lba);
		if (rc)
			return rc;
		if (n == 0)
			break;
		s->sectors += n;
	}
	return RAWCD_OK;
}

/* The encoder's loop: wait for a free slot, fill it, hand it over. */
static int produce(struct pipeline *p, rawcd_stream *stream, const struct rawcd_image_options *opts)
{
	uint64_t done = 0, total = rawcd_stream_total(stream);
	for (;;) {
		pthread_mutex_lock(&p->lock);
		while (p->filled == SLOTS && !p->write_rc)
			pthread_cond_wait(&p->cond, &p->lock);
		int wrc = p->write_rc;
		pthread_mutex_unlock(&p->lock);
		if (wrc)
			return wrc;
		if (opts->cancel && *opts->cancel)
			return RAWCD_E_CANCELED;
		struct slot *s = &p->slot[p->head];
		int rc = fill(stream, s);
		if (rc || s->sectors == 0)
			return rc;
		pthread_mutex_lock(&p->lock);
		p->head = (p->head + 1) % SLOTS;
		p->filled++;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
		done += s->sectors;
		if (opts->progress)
			opts->progress(opts->progress_user, done, total);
	}
}

static void move_diag(rawcd_diag *to, const rawcd_diag *from)
{
	for (size_t i = 0; i < rawcd_diag_count(from); i++) {
		const struct rawcd_diag_entry *e = rawcd_diag_get(from, i);
		rcd_diag_add(to, e->severity, e->code, e->file, e->line, "%s", e->message);
	}
}

int rcd_pipeline_run(rawcd_stream *stream, bool subcode, const struct rcd_sink *sink,
		     const struct rawcd_image_options *opts, rawcd_diag *diag)
{
	struct pipeline p = {.sink = sink, .write_diag = rawcd_diag_new()};
	uint8_t *mem = malloc((size_t)SLOTS * SLOT_SECTORS * RAWCD_SECTOR_SIZE);
	struct rawcd_subchannels *subs = subcode ? malloc((size_t)SLOTS * SLOT_SECTORS * sizeof(*subs)) : NULL;
	if (!mem || !p.write_diag || (subcode && !subs)) {
		free(mem);
		free(subs);
		rawcd_diag_free(p.write_diag);
		return RAWCD_E_NOMEM;
	}
	for (int i = 0; i < SLOTS; i++) {
		p.slot[i].data = mem + (size_t)i * SLOT_SECTORS * RAWCD_SECTOR_SIZE;
		p.slot[i].sub = subs ? subs + (size_t)i * SLOT_SECTORS : NULL;
	}
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.cond, NULL);
	pthread_t thread;
	int rc = pthread_create(&thread, NULL, writer, &p) == 0 ? RAWCD_OK : RAWCD_E_NOMEM;
	if (rc == RAWCD_OK) {
		rc = produce(&p, stream, opts);
		pthread_mutex_lock(&p.lock);
		p.done = true;
		p.abort = rc != RAWCD_OK;
		pthread_cond_broadcast(&p.cond);
		pthread_mutex_unlock(&p.lock);
		pthread_join(thread, NULL);
		if (rc == RAWCD_OK)
			rc = p.write_rc;
	}
	move_diag(diag, p.write_diag);
	rawcd_diag_free(p.write_diag);
	pthread_cond_destroy(&p.cond);
	pthread_mutex_destroy(&p.lock);
	free(mem);
	free(subs);
	return rc;
}
