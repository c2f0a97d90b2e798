/* static.c - the embedded web UI files. Layer: http. See assets.h. */
#include <string.h>

#include "assets.h"
#include "server.h"
#include "static.h"

const struct web_asset *web_asset_find(const char *path)
{
	size_t lo = 0, hi = web_nassets;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(path, web_assets[mid].path);
		if (c == 0)
			return &web_assets[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

int http_serve_static(http_req *rq)
{
	http_method m = http_method_of(rq);
	if (m != HTTP_GET && m != HTTP_HEAD) {
		http_add_header(rq, "Allow", "GET, HEAD");
		buf_puts(http_out(rq), "{\"error\":\"method not allowed\"}");
		return 405;
	}
	const char *path = http_path(rq);
	if (strcmp(path, "/") == 0)
		path = "/index.html";
	const struct web_asset *a = web_asset_find(path);
	if (!a) {
		http_set_type(rq, "text/plain; charset=utf-8");
		buf_puts(http_out(rq), "not found\n");
		return 404;
	}
	http_set_type(rq, a->mime);
	/* The files change with the binary: revalidate, never serve stale. */
	http_add_header(rq, "Cache-Control", "no-cache");
	http_set_static(rq, a->data, a->len);
	return 200;
}
