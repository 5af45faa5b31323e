/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Per-track hashes of 2352-byte sectors with well-kept libraries, none of our own: XXH3-128 (libxxhash,
 * streaming API), CRC-32 (zlib's crc32(), the Redump CRC), MD5 and SHA-1 (OpenSSL libcrypto's EVP API). */
#include "inspect/inspect_internal.h"

#include <openssl/evp.h>
#include <stdlib.h>
#include <xxhash.h>
#include <zlib.h>

#include "rawcd/error.h"

struct rcd_ihash {
	XXH3_state_t *xxh;
	uLong crc;
	EVP_MD_CTX *md5, *sha1;
};

void rcd_ihash_free(struct rcd_ihash *h)
{
	if (!h)
		return;
	XXH3_freeState(h->xxh);
	EVP_MD_CTX_free(h->md5);
	EVP_MD_CTX_free(h->sha1);
	free(h);
}

int rcd_ihash_new(struct rcd_ihash **out)
{
	struct rcd_ihash *h = calloc(1, sizeof(*h));
	if (!h)
		return RAWCD_E_NOMEM;
	h->xxh = XXH3_createState();
	h->md5 = EVP_MD_CTX_new();
	h->sha1 = EVP_MD_CTX_new();
	h->crc = crc32(0L, Z_NULL, 0);
	if (!h->xxh || !h->md5 || !h->sha1 || XXH3_128bits_reset(h->xxh) != XXH_OK) {
		rcd_ihash_free(h);
		return RAWCD_E_NOMEM;
	}
	if (EVP_DigestInit_ex(h->md5, EVP_md5(), NULL) != 1 || EVP_DigestInit_ex(h->sha1, EVP_sha1(), NULL) != 1) {
		rcd_ihash_free(h);
		return RAWCD_E_INTERNAL;
	}
	*out = h;
	return RAWCD_OK;
}

void rcd_ihash_update(struct rcd_ihash *h, unsigned which, const uint8_t *data, size_t n)
{
	if (which & RCD_HASH_XXH3)
		XXH3_128bits_update(h->xxh, data, n);
	if (which & RCD_HASH_CRC32)
		/* crc32_z takes a size_t; a batch is far below 4 GiB anyway. */
		h->crc = crc32_z(h->crc, data, n);
	if (which & RCD_HASH_MD5)
		EVP_DigestUpdate(h->md5, data, n);
	if (which & RCD_HASH_SHA1)
		EVP_DigestUpdate(h->sha1, data, n);
}

int rcd_ihash_final(struct rcd_ihash *h, struct rawcd_inspect_track *t)
{
	XXH128_canonical_t c;
	XXH128_canonicalFromHash(&c, XXH3_128bits_digest(h->xxh));
	for (size_t i = 0; i < sizeof(t->xxh3_128); i++)
		t->xxh3_128[i] = c.digest[i];
	t->crc32 = (uint32_t)h->crc;
	unsigned n5 = 0, n1 = 0;
	if (EVP_DigestFinal_ex(h->md5, t->md5, &n5) != 1 || EVP_DigestFinal_ex(h->sha1, t->sha1, &n1) != 1 ||
	    n5 != sizeof(t->md5) || n1 != sizeof(t->sha1))
		return RAWCD_E_INTERNAL;
	t->hashed = true;
	return RAWCD_OK;
}
