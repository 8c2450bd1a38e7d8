#!/usr/bin/env bash
# make bench: timings, memory and sizes of budgetgen and of its peers
# (bench/bench.py; figures are printed, never pass or fail).  Installs, as
# root and only if absent, the Debian packages the measurements need: time
# (/usr/bin/time -v for peak memory), python3-reportlab (the ReportLab peer)
# and nodejs + npm (the Typst peer).  Typst has no Debian package: its Node
# compiler comes from the npm registry, pinned with its sha512 in
# bench/package-lock.json, and is installed into bench/node_modules with
# `npm ci --ignore-scripts` when that folder lacks it (x86-64 glibc only; see
# docs/performance.md).  TYPST=/path/to/typst uses a Typst CLI instead.
# Arguments go to bench/bench.py (--runs N, --batch N, --large N, --jobs N).
set -u
cd "$(dirname "$0")/.."
missing=
[ -x /usr/bin/time ] || missing="$missing time"
/usr/bin/python3 -c 'import reportlab' 2>/dev/null || missing="$missing python3-reportlab"
typst_pkg=bench/node_modules/@myriaddreamin/typst-ts-node-compiler-linux-x64-gnu/package.json
want_typst=
if [ -z "${TYPST:-}" ] && [ ! -e "$typst_pkg" ] && [ "$(uname -m)" = x86_64 ]; then
    want_typst=1
    command -v node >/dev/null || missing="$missing nodejs"
    command -v npm >/dev/null || missing="$missing npm"
fi
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
if [ -n "$want_typst" ] && command -v npm >/dev/null; then
    # Exactly the lockfile's package and sha512, from the registry; no install scripts.
    echo "bench: installing the Typst peer into bench/node_modules (npm ci --ignore-scripts)"
    (cd bench && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) ||
        echo "bench: npm ci failed; continuing without Typst"
fi
export LC_ALL=C.UTF-8
exec /usr/bin/python3 bench/bench.py "$@"
