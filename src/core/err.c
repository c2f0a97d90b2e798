/* err.c - descriptions of gn_err codes. Layer: core. */
#include "err.h"

const char *gn_strerror(gn_err rc)
{
	static const char *const text[] = {
		[GN_OK] = "success",
		[GN_ENOMEM] = "out of memory or size limit reached",
		[GN_EIO] = "input/output error",
		[GN_EINPUT] = "bad input",
		[GN_EUSAGE] = "bad command line",
		[GN_ENOTFOUND] = "not found",
		[GN_EEXIST] = "already exists",
		[GN_ERANGE] = "value out of range",
		[GN_EINTERNAL] = "internal error",
	};
	if ((unsigned)rc >= sizeof text / sizeof text[0] || !text[rc])
		return "unknown error";
	return text[rc];
}
