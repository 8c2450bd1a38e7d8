#!/usr/bin/env bash
# make bench: timings, memory and sizes of budgetgen and of its peers
# (bench/bench.py; figures are printed, never pass or fail).  Installs, as
# root and only if absent, the Debian packages the measurements need: time
# (/usr/bin/time -v for peak memory) and python3-reportlab (the ReportLab
# peer).  Typst has no Debian package: set TYPST=/path/to/typst to include it
# (see docs/performance.md).  Arguments go to bench/bench.py (--runs N,
# --batch N, --large N, --jobs N).
set -u
cd "$(dirname "$0")/.."
missing=
[ -x /usr/bin/time ] || missing="$missing time"
/usr/bin/python3 -c 'import reportlab' 2>/dev/null || missing="$missing python3-reportlab"
if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "bench: installing$missing"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
        echo "bench: missing$missing (apt-get install$missing); continuing without"
    fi
fi
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is required"; exit 2; }
export LC_ALL=C.UTF-8
exec /usr/bin/python3 bench/bench.py "$@"
