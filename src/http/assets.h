/*
 * assets.h - the web UI's files, compiled into the binary.
 *
 * Layer: http. The table is generated at build time from web/ by
 * scripts/embed-web.sh into the build directory (web_assets.c), sorted by
 * path (byte order) so that it can be searched by halves. Paths start
 * with '/' ("/index.html"). The data is static: never freed.
 */
#ifndef GN_ASSETS_H
#define GN_ASSETS_H

#include <stddef.h>

struct web_asset {
	const char *path, *mime;
	const unsigned char *data;
	size_t len;
};

extern const struct web_asset web_assets[];
extern const size_t web_nassets;

/* The asset at path, or NULL. */
const struct web_asset *web_asset_find(const char *path);

#endif
