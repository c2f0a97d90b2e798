/*
 * text.h - Unicode text handling for Vietnamese: validation, NFC, folding.
 *
 * Layer: io (uses utf8proc). Every function has an ASCII fast path: a
 * string of bytes < 0x80 is copied without calling utf8proc.
 *
 * Ownership: results are appended to a caller's buf.
 */
#ifndef GN_TEXT_H
#define GN_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/buf.h"
#include "../core/err.h"

/* True when the n bytes at s are well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF). On false, *bad_at (when not NULL)
 * receives the byte offset of the first bad byte. */
bool text_valid_utf8(const char *s, size_t n, size_t *bad_at);
/* Appends the NFC form of s to out. GN_EINPUT on invalid UTF-8. */
gn_err text_nfc(const char *s, size_t n, buf *out);
/* Appends the search key of s: NFC, case-folded, diacritics stripped, and
 * đ/Đ mapped to d, so that "duc" matches "Đức". GN_EINPUT on bad UTF-8. */
gn_err text_fold(const char *s, size_t n, buf *out);
/* Appends the NFC form of s in capitals ("Tỉnh Sơn La" -> "TỈNH SƠN LA"),
 * as official headings write unit names. GN_EINPUT on invalid UTF-8. */
gn_err text_upper(const char *s, size_t n, buf *out);
/* True when the NFC forms of a and b are equal ignoring ASCII case. */
bool text_equal_ci(const char *a, size_t an, const char *b, size_t bn);

/* Appends the Vietnamese sort key of the full name s: keys compare with
 * memcmp (shorter first on a common prefix) in the order of a Vietnamese
 * name list, that is by given name (the last word) first, then by the
 * rest (family and middle names) word by word; letters in the order
 * a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y
 * (z), digits before letters; case, punctuation and other marks ignored.
 * Tone marks only decide between names equal in letters, compared in the
 * same order (given name first), each letter ranked unmarked < huyền (à)
 * < hỏi (ả) < ngã (ã) < sắc (á) < nặng (ạ), the order of Vietnamese
 * dictionaries. Letters of other scripts sort after z by code point.
 * GN_EINPUT on invalid UTF-8. */
gn_err text_vn_sortkey(const char *s, size_t n, buf *out);

#endif
