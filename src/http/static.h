/*
 * static.h - serving the web UI from the embedded asset table (assets.h).
 * Layer: http.
 */
#ifndef GN_HTTP_STATIC_H
#define GN_HTTP_STATIC_H

#include "server.h"

/* Answers GET/HEAD of an embedded file ("/" is "/index.html"): 200 with
 * its MIME type, 404 when there is no such file, 405 for other methods.
 * Returns the status. */
int http_serve_static(http_req *rq);

#endif
