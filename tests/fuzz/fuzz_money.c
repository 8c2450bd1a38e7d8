/*
 * libFuzzer target for money_parse and money_format (gen/money.c).  The
 * first byte picks the unit (bit 0: 元 or 万元) and the display decimals
 * (bits 1-3), the rest is the text of an amount cell.  For every accepted
 * amount v:
 *   - formatting v at the unit's maximum decimals, with and without
 *     thousands separators and trimming, and parsing it again gives v
 *     exactly (no figure changes between the CSV and the published text);
 *   - formatting at fewer decimals and parsing gives money_round(v), and
 *     the rounding is half-up and within half a step of v;
 *   - the same text read in 万元 is 10,000 times its value in 元 (or too
 *     large), since 万元 holds more decimals than 元;
 *   - the explanation for a refusal is a non-empty string.
 */
#include "fuzz_common.h"

#include "money.h"

#include <inttypes.h>

/* Parses text that money_format wrote; it must be accepted. */
static money reparse(const char *text, money_unit u)
{
    money w = 0;
    char why[128];
    money_status st = money_parse(text, u, &w, why, sizeof why);
    if (st != MONEY_OK) {
        fprintf(stderr, "money_format wrote \"%s\", which money_parse refuses: %s\n", text, why);
        abort();
    }
    return w;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 256)
        return 0;
    money_unit u = (data[0] & 1) ? MONEY_WAN : MONEY_YUAN;
    int maxdec = money_unit_max_decimals(u);
    int dec = ((data[0] >> 1) & 7) % (maxdec + 1);
    char text[257];
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';

    money v = 0;
    char why[160] = "";
    money_status st = money_parse(text, u, &v, why, sizeof why);
    if (st != MONEY_OK) {
        FZ_ASSERT(why[0] != '\0');
        FZ_ASSERT(st == MONEY_EMPTY || st == MONEY_SYNTAX || st == MONEY_PRECISION ||
                  st == MONEY_OVERFLOW);
        return 0;
    }

    /* Round trip at full precision, in all four display styles. */
    char out[64];
    for (int style = 0; style < 4; style++) {
        money_format(v, u, maxdec, style & 1, (style >> 1) & 1, out, sizeof out);
        money w = reparse(out, u);
        if (w != v) {
            fprintf(stderr, "\"%s\" → %" PRId64 " → \"%s\" → %" PRId64 "\n", text, v, out, w);
            abort();
        }
    }

    /* Display rounding: half-up, within half a step, and what is shown
     * parses back to the rounded value. */
    money r = money_round(v, u, dec);
    money step = 1;
    for (int i = dec; i < maxdec; i++)
        step *= 10;
    FZ_ASSERT(r % step == 0);
    money diff = r - v;
    FZ_ASSERT(2 * (diff < 0 ? -diff : diff) <= step);
    if (2 * (diff < 0 ? -diff : diff) == step) /* a tie goes away from zero */
        FZ_ASSERT(v >= 0 ? r > v : r < v);
    money_format(v, u, dec, 1, 0, out, sizeof out);
    FZ_ASSERT(reparse(out, u) == r);

    /* 元 → 万元: the same text is worth 10,000 times as many fen. */
    if (u == MONEY_YUAN) {
        money wv = 0;
        money_status ws = money_parse(text, MONEY_WAN, &wv, NULL, 0);
        FZ_ASSERT(ws == MONEY_OVERFLOW || (ws == MONEY_OK && wv == v * 10000));
    }
    return 0;
}
