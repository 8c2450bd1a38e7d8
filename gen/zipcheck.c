/*
 * zipcheck — a written zip read back: central directory, every part
 * inflated and checked, every XML part well formed (see zipcheck.h).
 */
#include "zipcheck.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static uint32_t u16(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t u32(const unsigned char *p)
{
    return u16(p) | u16(p + 2) << 16;
}

static uint64_t u64(const unsigned char *p)
{
    return (uint64_t)u32(p) | (uint64_t)u32(p + 4) << 32;
}

static zc_status fail(zc_result *r, zc_status st, const char *part, size_t part_len,
                      const char *fmt, ...)
{
    r->status = st;
    if (part) {
        size_t n = part_len < sizeof r->part - 1 ? part_len : sizeof r->part - 1;
        memcpy(r->part, part, n);
        r->part[n] = '\0';
    } else
        r->part[0] = '\0';
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->why, sizeof r->why, fmt, ap);
    va_end(ap);
    return st;
}

/* ---- XML well-formedness --------------------------------------------------- */

typedef struct name_ref {
    size_t at, len;
} name_ref;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int is_name_end(char c)
{
    return is_space(c) || c == '/' || c == '>' || c == '=' || c == '<' || c == '"' || c == '\'';
}

/* Where needle starts in s[i..n), or n. */
static size_t find(const char *s, size_t n, size_t i, const char *needle)
{
    size_t k = strlen(needle);
    for (; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return i;
    return n;
}

static int xml_fail(char *why, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, size, fmt, ap);
    va_end(ap);
    return -1;
}

int zipcheck_xml(const char *s, size_t n, char *why, size_t size)
{
    name_ref *stack = NULL;
    size_t depth = 0, cap = 0, roots = 0, i = 0;
    int rc = -1;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n) {
        char c = s[i];
        if (c == '<') {
            size_t at = i;
            const char *close = NULL;
            if (i + 1 < n && s[i + 1] == '?')
                close = "?>";
            else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
                close = "-->";
            else if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
                if (depth == 0) {
                    xml_fail(why, size, "CDATA outside the root element at byte %zu", at);
                    goto out;
                }
                close = "]]>";
            } else if (i + 1 < n && s[i + 1] == '!')
                close = ">";
            if (close) {
                size_t e = find(s, n, i + 2, close);
                if (e == n) {
                    xml_fail(why, size, "ends inside a declaration or comment begun at byte %zu "
                             "(%zu bytes: cut short?)", at, n);
                    goto out;
                }
                i = e + strlen(close);
                continue;
            }
            int end_tag = i + 1 < n && s[i + 1] == '/';
            i += end_tag ? 2 : 1;
            size_t name = i;
            while (i < n && !is_name_end(s[i]))
                i++;
            size_t name_len = i - name;
            if (i == n) {
                xml_fail(why, size, "ends inside a tag begun at byte %zu (%zu bytes: cut short?)",
                         at, n);
                goto out;
            }
            if (name_len == 0) {
                xml_fail(why, size, "a tag without a name at byte %zu", at);
                goto out;
            }
            if (end_tag) {
                while (i < n && is_space(s[i]))
                    i++;
                if (i == n || s[i] != '>') {
                    xml_fail(why, size, i == n ? "ends inside the end tag begun at byte %zu "
                                                 "(cut short?)"
                                               : "a malformed end tag at byte %zu",
                             at);
                    goto out;
                }
                i++;
                if (depth == 0) {
                    xml_fail(why, size, "the end tag </%.*s> at byte %zu closes nothing",
                             (int)name_len, s + name, at);
                    goto out;
                }
                name_ref *top = &stack[depth - 1];
                if (top->len != name_len || memcmp(s + top->at, s + name, name_len) != 0) {
                    xml_fail(why, size, "</%.*s> at byte %zu closes <%.*s>", (int)name_len,
                             s + name, at, (int)top->len, s + top->at);
                    goto out;
                }
                depth--;
                continue;
            }
            /* Attributes: name = "value" or 'value', '<' never inside. */
            int empty = 0;
            for (;;) {
                while (i < n && is_space(s[i]))
                    i++;
                if (i == n)
                    break;
                if (s[i] == '>') {
                    i++;
                    break;
                }
                if (s[i] == '/' && i + 1 < n && s[i + 1] == '>') {
                    i += 2;
                    empty = 1;
                    break;
                }
                size_t an = i;
                while (i < n && !is_name_end(s[i]))
                    i++;
                if (i == an) {
                    xml_fail(why, size, "a malformed attribute at byte %zu", i);
                    goto out;
                }
                while (i < n && is_space(s[i]))
                    i++;
                if (i < n && s[i] != '=') {
                    xml_fail(why, size, "an attribute without a value at byte %zu", an);
                    goto out;
                }
                i++;
                while (i < n && is_space(s[i]))
                    i++;
                if (i < n && s[i] != '"' && s[i] != '\'') {
                    xml_fail(why, size, "an attribute value without quotes at byte %zu", i);
                    goto out;
                }
                if (i >= n)
                    break;
                char q = s[i++];
                while (i < n && s[i] != q && s[i] != '<')
                    i++;
                if (i < n && s[i] == '<') {
                    xml_fail(why, size, "'<' inside an attribute value at byte %zu", i);
                    goto out;
                }
                if (i < n)
                    i++;
            }
            if (i == n && s[n - 1] != '>') {
                xml_fail(why, size, "ends inside the tag <%.*s begun at byte %zu (%zu bytes: "
                         "cut short?)", (int)name_len, s + name, at, n);
                goto out;
            }
            if (depth == 0 && ++roots > 1) {
                xml_fail(why, size, "a second root element <%.*s> at byte %zu", (int)name_len,
                         s + name, at);
                goto out;
            }
            if (!empty) {
                if (depth == cap) {
                    size_t ncap = cap ? cap * 2 : 32;
                    name_ref *ns = realloc(stack, ncap * sizeof *ns);
                    if (!ns) {
                        xml_fail(why, size, "out of memory");
                        goto out;
                    }
                    stack = ns;
                    cap = ncap;
                }
                stack[depth++] = (name_ref){name, name_len};
            }
            continue;
        }
        if (c == '&') {
            size_t e = i + 1;
            while (e < n && e - i <= 12 && s[e] != ';' &&
                   ((s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z') ||
                    (s[e] >= '0' && s[e] <= '9') || s[e] == '#'))
                e++;
            if (e == n || s[e] != ';' || e == i + 1) {
                xml_fail(why, size, e == n ? "ends inside an entity at byte %zu (cut short?)"
                                           : "an unterminated entity at byte %zu",
                         i);
                goto out;
            }
            i = e + 1;
            continue;
        }
        if (depth == 0 && !is_space(c)) {
            xml_fail(why, size, "text outside the root element at byte %zu", i);
            goto out;
        }
        i++;
    }
    if (depth > 0)
        xml_fail(why, size, "ends inside <%.*s> after %zu bytes (cut short?)",
                 (int)stack[depth - 1].len, s + stack[depth - 1].at, n);
    else if (roots == 0)
        xml_fail(why, size, "no root element (%zu bytes)", n);
    else
        rc = 0;
out:
    free(stack);
    return rc;
}

/* ---- the zip ------------------------------------------------------------------ */

static int is_xml_name(const char *name, size_t len)
{
    return (len >= 4 && memcmp(name + len - 4, ".xml", 4) == 0) ||
           (len >= 5 && memcmp(name + len - 5, ".rels", 5) == 0);
}

zc_status zipcheck_mem(const unsigned char *buf, size_t len, zc_result *r)
{
    memset(r, 0, sizeof *r);
    if (len < 22)
        return fail(r, ZC_CONTAINER, NULL, 0, "%zu bytes: too short for a zip (cut short?)", len);
    /* The end of central directory record, with its comment to the end. */
    size_t eocd = len - 22, lowest = len > 22 + 65535 ? len - 22 - 65535 : 0;
    for (;;) {
        if (u32(buf + eocd) == 0x06054b50 && eocd + 22 + u16(buf + eocd + 20) == len)
            break;
        if (eocd == lowest)
            return fail(r, ZC_CONTAINER, NULL, 0,
                        "no end of central directory in its %zu bytes (cut short?)", len);
        eocd--;
    }
    uint64_t entries = u16(buf + eocd + 10), cd_size = u32(buf + eocd + 12),
             cd_off = u32(buf + eocd + 16);
    if (entries == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_off == 0xFFFFFFFFu) {
        if (eocd < 20 || u32(buf + eocd - 20) != 0x07064b50)
            return fail(r, ZC_CONTAINER, NULL, 0, "a zip64 directory without its locator");
        uint64_t z = u64(buf + eocd - 20 + 8);
        if (z > eocd - 20 || eocd - 20 - z < 56 || u32(buf + z) != 0x06064b50)
            return fail(r, ZC_CONTAINER, NULL, 0, "a damaged zip64 directory");
        entries = u64(buf + z + 32);
        cd_size = u64(buf + z + 40);
        cd_off = u64(buf + z + 48);
    }
    if (cd_off > eocd || cd_size > eocd - cd_off)
        return fail(r, ZC_CONTAINER, NULL, 0, "the central directory lies outside the file");
    if (entries == 0)
        return fail(r, ZC_CONTAINER, NULL, 0, "no parts");
    size_t p = (size_t)cd_off, cd_end = (size_t)(cd_off + cd_size);
    for (uint64_t k = 0; k < entries; k++) {
        if (cd_end - p < 46 || u32(buf + p) != 0x02014b50)
            return fail(r, ZC_CONTAINER, NULL, 0, "central directory entry %llu is damaged",
                        (unsigned long long)k + 1);
        uint32_t flags = u16(buf + p + 8), method = u16(buf + p + 10), crc = u32(buf + p + 16);
        uint64_t csize = u32(buf + p + 20), usize = u32(buf + p + 24),
                 loc = u32(buf + p + 42);
        size_t nlen = u16(buf + p + 28), xlen = u16(buf + p + 30), clen = u16(buf + p + 32);
        if (cd_end - p - 46 < nlen + xlen + clen)
            return fail(r, ZC_CONTAINER, NULL, 0, "central directory entry %llu is damaged",
                        (unsigned long long)k + 1);
        const char *name = (const char *)buf + p + 46;
        /* zip64 sizes and offset, in this order, for the fields at ~0. */
        for (size_t x = p + 46 + nlen; x + 4 <= p + 46 + nlen + xlen;) {
            size_t id = u16(buf + x), sz = u16(buf + x + 2), f = x + 4;
            if (f + sz > p + 46 + nlen + xlen)
                break;
            if (id == 1) {
                if (usize == 0xFFFFFFFFu && f + 8 <= x + 4 + sz)
                    usize = u64(buf + f), f += 8;
                if (csize == 0xFFFFFFFFu && f + 8 <= x + 4 + sz)
                    csize = u64(buf + f), f += 8;
                if (loc == 0xFFFFFFFFu && f + 8 <= x + 4 + sz)
                    loc = u64(buf + f);
            }
            x += 4 + sz;
        }
        p += 46 + nlen + xlen + clen;
        if (flags & 1)
            return fail(r, ZC_CONTAINER, name, nlen, "the part is encrypted");
        if (loc > cd_off || cd_off - loc < 30 || u32(buf + loc) != 0x04034b50)
            return fail(r, ZC_CONTAINER, name, nlen, "its local header is missing or damaged");
        size_t data = (size_t)loc + 30 + u16(buf + loc + 26) + u16(buf + loc + 28);
        if (data > cd_off || csize > cd_off - data)
            return fail(r, ZC_CONTAINER, name, nlen, "its data runs past the file's parts");
        if (usize > (uint64_t)1 << 31)
            return fail(r, ZC_CONTAINER, name, nlen, "%llu bytes uncompressed: too large",
                        (unsigned long long)usize);
        unsigned char *out = malloc((size_t)usize + 1);
        if (!out)
            return fail(r, ZC_CONTAINER, name, nlen, "out of memory");
        size_t got = 0;
        if (method == 0) {
            if (csize != usize) {
                free(out);
                return fail(r, ZC_CONTAINER, name, nlen, "stored with %llu bytes for %llu",
                            (unsigned long long)csize, (unsigned long long)usize);
            }
            memcpy(out, buf + data, (size_t)usize);
            got = (size_t)usize;
        } else if (method == 8) {
            z_stream zs;
            memset(&zs, 0, sizeof zs);
            if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) {
                free(out);
                return fail(r, ZC_CONTAINER, name, nlen, "zlib cannot start");
            }
            /* usize < 2^31 (above) and csize < usize + a little: both fit a uInt. */
            if (csize > (uint64_t)1 << 31) {
                inflateEnd(&zs);
                free(out);
                return fail(r, ZC_CONTAINER, name, nlen, "%llu bytes compressed: too large",
                            (unsigned long long)csize);
            }
            zs.next_in = (unsigned char *)(uintptr_t)(buf + data);
            zs.avail_in = (uInt)csize;
            zs.next_out = out;
            zs.avail_out = (uInt)usize + 1; /* one more: a longer part shows */
            int zr = inflate(&zs, Z_FINISH);
            got = (size_t)zs.total_out;
            size_t used = (size_t)csize - zs.avail_in;
            inflateEnd(&zs);
            if (zr != Z_STREAM_END) {
                free(out);
                return fail(r, ZC_CONTAINER, name, nlen, "does not inflate (%s)",
                            got > usize ? "longer than its size" : zr == Z_DATA_ERROR
                                                                       ? "damaged data"
                                                                       : "cut short");
            }
            if (used != csize) {
                free(out);
                return fail(r, ZC_CONTAINER, name, nlen,
                            "its compressed data ends after %zu of %llu bytes", used,
                            (unsigned long long)csize);
            }
        } else {
            free(out);
            return fail(r, ZC_CONTAINER, name, nlen, "compression method %u is unknown",
                        (unsigned)method);
        }
        if (got != usize) {
            free(out);
            return fail(r, ZC_CONTAINER, name, nlen, "inflates to %zu bytes, not %llu", got,
                        (unsigned long long)usize);
        }
        uLong c = crc32(0L, Z_NULL, 0);
        for (size_t off = 0; off < got;) {
            size_t step = got - off > 1u << 30 ? 1u << 30 : got - off;
            c = crc32(c, out + off, (uInt)step);
            off += step;
        }
        if ((uint32_t)c != crc) {
            free(out);
            return fail(r, ZC_CONTAINER, name, nlen, "CRC-32 %08x, not %08x as recorded",
                        (unsigned)c, (unsigned)crc);
        }
        if (is_xml_name(name, nlen)) {
            char why[200];
            if (zipcheck_xml((const char *)out, got, why, sizeof why) != 0) {
                free(out);
                return fail(r, ZC_PART, name, nlen, "%s", why);
            }
        }
        free(out);
        r->parts++;
    }
    return ZC_OK;
}

zc_status zipcheck_fd(int fd, zc_result *r)
{
    memset(r, 0, sizeof *r);
    struct stat st;
    if (fstat(fd, &st) != 0)
        return fail(r, ZC_CONTAINER, NULL, 0, "cannot read it back: %s", strerror(errno));
    if (st.st_size < 22)
        return fail(r, ZC_CONTAINER, NULL, 0, "%lld bytes: too short for a zip (cut short?)",
                    (long long)st.st_size);
    size_t len = (size_t)st.st_size;
    void *m = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED)
        return fail(r, ZC_CONTAINER, NULL, 0, "cannot read it back: %s", strerror(errno));
    zc_status s = zipcheck_mem(m, len, r);
    munmap(m, len);
    return s;
}
