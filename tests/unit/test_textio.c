/*
 * Unit tests for gen/textio.c: encodings of the text files (duties.txt,
 * notes.txt, templates), and positions in its messages.  Files are written
 * to a mkdtemp directory under /tmp, which becomes the working directory so
 * that messages carry short names; it is removed at the end.
 */
#include "fixture.h"
#include "harness.h"

#include "arena.h"
#include "diag.h"
#include "textio.h"

#include <iconv.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/test_textio.XXXXXX";

/* Writes a literal and reads it back. */
#define READ(f, name, lit, enc)                                                                    \
    (fx_write((name), (lit), sizeof(lit) - 1),                                                     \
     textio_read_utf8((f)->a, &(f)->d, (name), 1 << 20, &len, (enc)))

static char *to_gbk(const char *s, size_t *n)
{
    iconv_t cd = iconv_open("GBK", "UTF-8");
    size_t il = strlen(s), ol = il * 2 + 1;
    char *out = malloc(ol), *op = out, *ip = (char *)s;
    if (cd == (iconv_t)-1 || !out || iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
        printf("iconv to GBK failed\n");
        exit(2);
    }
    iconv_close(cd);
    *n = (size_t)(op - out);
    return out;
}

/* A whole GBK file is converted, with a note. */
static void test_gbk(void)
{
    fixture f;
    size_t len, n;
    const char *enc = NULL;
    fx_init(&f);
    char *g = to_gbk("负责全市示例工作。\n", &n);
    fx_write("gbk.txt", g, n);
    free(g);
    char *s = textio_read_utf8(f.a, &f.d, "gbk.txt", 1 << 20, &len, &enc);
    CHECK_STR(s, "负责全市示例工作。\n");
    CHECK_STR(enc, "GB18030");
    CHECK_STR(fx_msgs(&f), "gbk.txt: note: read as GB18030 (GBK), converted to UTF-8\n");
    fx_done(&f);
}

/* UTF-8 with a word pasted from a GBK file (示例 = CA BE C0 FD) is valid
 * GB18030 as a whole: it used to be converted into mojibake ("璐熻矗示例
 * 宸ヤ綔") with only a note.  It is refused at the first bad byte. */
static void test_mixed(void)
{
    fixture f;
    size_t len;
    const char *enc;
    fx_init(&f);
    CHECK(READ(&f, "mixed.txt", "负责\xca\xbe\xc0\xfd工作\n", &enc) == NULL);
    CHECK_STR(fx_msgs(&f), "mixed.txt:1:4: error: invalid byte 0xC0: the rest of the file is "
                           "UTF-8, but not this: retype the characters here (pasted from a file "
                           "saved as GBK?)\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

/* A UTF-8 byte-order mark promises UTF-8: no GB18030 fallback after it. */
static void test_bom_not_utf8(void)
{
    fixture f;
    size_t len, n;
    const char *enc;
    fx_init(&f);
    char *g = to_gbk("示例\n", &n);
    char buf[64] = "\xEF\xBB\xBF";
    memcpy(buf + 3, g, n);
    free(g);
    fx_write("bomgbk.txt", buf, n + 3);
    CHECK(textio_read_utf8(f.a, &f.d, "bomgbk.txt", 1 << 20, &len, &enc) == NULL);
    /* CA BE (the GBK 示) happens to be valid UTF-8: C0 is the first bad byte. */
    CHECK_STR(fx_msgs(&f), "bomgbk.txt:1:2: error: invalid byte 0xC0: the file starts with a "
                           "UTF-8 byte-order mark but is not valid UTF-8: save it as UTF-8\n");
    fx_done(&f);
}

/* Columns count characters, as an editor shows them (they were bytes). */
static void test_columns(void)
{
    fixture f;
    size_t len;
    const char *enc;
    fx_init(&f);
    CHECK(READ(&f, "nul.txt", "第一行\n其主要职责\0是\n", &enc) == NULL);
    CHECK(READ(&f, "ff.txt", "第一行\n其主要职责\xff\xfe\n", &enc) == NULL);
    CHECK_STR(fx_msgs(&f), "nul.txt:2:6: error: NUL byte: this is a binary file, not text\n"
                           "ff.txt:2:6: error: invalid byte 0xFF: the rest of the file is UTF-8, "
                           "but not this: retype the characters here (pasted from a file saved "
                           "as GBK?)\n");
    fx_done(&f);

    /* GBK with a bad byte on line 2: the GB18030 position is shown (in
     * bytes: the line is not UTF-8), not the first byte of the file. */
    fx_init(&f);
    size_t n;
    char *g = to_gbk("第一行\n职责", &n);
    char buf[64];
    memcpy(buf, g, n);
    memcpy(buf + n, "\xff\n", 2);
    free(g);
    fx_write("gbkff.txt", buf, n + 2);
    CHECK(textio_read_utf8(f.a, &f.d, "gbkff.txt", 1 << 20, &len, &enc) == NULL);
    CHECK_STR(fx_msgs(&f), "gbkff.txt:2:5: error: neither UTF-8 nor GBK/GB18030 (byte 0xFF): "
                           "save the file as UTF-8\n");
    fx_done(&f);
}

/* Only a regular file is read: a FIFO nobody writes (it hung), a device
 * (read without end) and a folder are refused at once.  alarm: a hang
 * fails the test instead of the suite. */
static void test_not_regular(void)
{
    fixture f;
    fx_init(&f);
    unlink("fifo.txt");
    CHECK_INT(mkfifo("fifo.txt", 0600), 0);
    alarm(20);
    size_t len;
    const char *enc;
    CHECK(textio_read_utf8(f.a, &f.d, "fifo.txt", 1 << 20, &len, &enc) == NULL);
    CHECK(textio_read_utf8(f.a, &f.d, "/dev/zero", 1 << 20, &len, &enc) == NULL);
    CHECK(textio_read_utf8(f.a, &f.d, ".", 1 << 20, &len, &enc) == NULL);
    alarm(0);
    unlink("fifo.txt");
    CHECK_STR(fx_msgs(&f),
              "fifo.txt: error: not a regular file (a FIFO): budgetgen reads only regular files; "
              "put the file itself here\n"
              "/dev/zero: error: not a regular file (a character device): budgetgen reads only "
              "regular files; put the file itself here\n"
              ".: error: not a regular file (a folder): budgetgen reads only regular files; put "
              "the file itself here\n");
    CHECK_INT(f.d.errors, 3);
    fx_done(&f);
}

/* Read from the descriptor, the size limit still holds. */
static void test_fd_limit(void)
{
    fx_write("big.txt", "0123456789\n", 11);
    fixture f;
    fx_init(&f);
    size_t len;
    const char *enc;
    int fd = open("big.txt", O_RDONLY);
    CHECK(textio_read_utf8_fd(f.a, &f.d, fd, "big.txt", 10, &len, &enc) == NULL);
    CHECK_STR(fx_msgs(&f), "big.txt: error: file is 11 bytes, more than the limit of 10\n");
    fd = open("big.txt", O_RDONLY);
    const char *s = textio_read_utf8_fd(f.a, &f.d, fd, "big.txt", 11, &len, &enc);
    CHECK_STR(s, "0123456789\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

int main(void)
{
    if (fx_tmp_enter(tmpdir) != 0) {
        perror(tmpdir);
        return 2;
    }
    RUN(test_gbk);
    RUN(test_mixed);
    RUN(test_bom_not_utf8);
    RUN(test_columns);
    RUN(test_not_regular);
    RUN(test_fd_limit);
    if (fx_tmp_leave() != 0)
        perror(tmpdir);
    return harness_end();
}
