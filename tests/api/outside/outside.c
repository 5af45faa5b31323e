/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A program from outside the tree: built by tests/api/test_pkgconfig.sh against an installed rawcd with
 * nothing but `pkg-config --cflags --libs rawcd`; makes a one-track image and counts its records. */
#include <rawcd/rawcd.h>
#include <stdio.h>
#include <string.h>

static int silence(void *ctx, uint8_t *buf, size_t bytes)
{
	(void)ctx;
	memset(buf, 0, bytes);
	return RAWCD_OK;
}

int main(void)
{
	rawcd_creator *c = NULL;
	rawcd_stream *img = NULL;
	static uint8_t buf[64 * 2448];
	size_t n = 0;
	unsigned long long records = 0;
	int rc = rawcd_creator_new(&c, NULL);
	if (!rc) rc = rawcd_creator_add_track(c, RAWCD_MODE_AUDIO, silence, NULL, 300, NULL);
	if (!rc) rc = rawcd_creator_create_result_image(c, &img);
	while (!rc && (rc = rawcd_stream_read_records(img, buf, 64, &n, NULL)) == RAWCD_OK && n)
		records += n;
	printf("rawcd %s: %llu records, lead-out at LBA %d: %s\n", rawcd_version(), records,
	       rawcd_creator_start_of_leadout(c), rawcd_strerror(rc));
	rawcd_stream_free(img);
	rawcd_creator_free(c);
	return rc == RAWCD_OK && records == 22650 + 300 + 6750 ? 0 : 1;
}
