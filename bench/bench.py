#!/usr/bin/env python3
"""The measurements behind `make bench` and docs/performance.md.  Prints
figures; never passes or fails on them.

Each measurement runs the whole process (as a user or a cron job would):
wall time with time.perf_counter around it, CPU time (user + system, the
process and its children) from wait4, and peak resident memory from
/usr/bin/time -v ("Maximum resident set size": the largest process of the
tree).  One warm-up run first (page cache, font caches), then --runs runs;
the median is reported.  The machine load is printed before each block:
figures taken while other work runs on the machine are not comparable.

  bench/bench.py [--runs 7] [--batch 200] [--large 1000] [--jobs 2]
Environment: BIN (default build/release/budgetgen), TYPST (a Typst CLI
compiler, run as `$TYPST compile`; default: the npm Node compiler in
bench/node_modules that tests/bench.sh installs (bench/typst_compile.mjs),
else `typst` on PATH, else the Typst peer is skipped).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BIN = os.environ.get("BIN", os.path.join(ROOT, "build", "release", "budgetgen"))
PY = "/usr/bin/python3"  # Debian's, where python3-reportlab lives
TYPST_NODE_PKG = os.path.join(ROOT, "bench", "node_modules", "@myriaddreamin",
                              "typst-ts-node-compiler-linux-x64-gnu", "package.json")
TYPST_FONT_PATHS = ["/usr/share/fonts/truetype/arphic", "/usr/share/fonts/truetype/wqy"]


def run_once(cmd, cwd=ROOT, env=None):
    """(wall s, cpu s, peak RSS KB, stdout) of one run of cmd."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ["/usr/bin/time", "-v", "-o", tf.name] + cmd
        t0 = time.perf_counter()
        p = subprocess.Popen(full, cwd=cwd, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
        out = p.stdout.read()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        text = tf.read()
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    rss = int(m.group(1)) if m else 0
    if p.returncode not in (0,):
        print("  (exit status %d: %s)" % (p.returncode, " ".join(cmd)))
    return wall, ru.ru_utime + ru.ru_stime, rss, out.decode("utf-8", "replace")


def measure(cmd, runs, before=None, **kw):
    """Median wall, median CPU, median peak RSS over runs, after a warm-up."""
    if before:
        before()
    run_once(cmd, **kw)
    walls, cpus, rsss, out = [], [], [], ""
    for _ in range(runs):
        if before:
            before()
        w, c, r, out = run_once(cmd, **kw)
        walls.append(w)
        cpus.append(c)
        rsss.append(r)
    return statistics.median(walls), statistics.median(cpus), statistics.median(rsss), out


def load():
    return "load %.2f %.2f %.2f" % os.getloadavg()


def size(path):
    return os.path.getsize(path) if os.path.exists(path) else 0


def pages(path):
    try:
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    except Exception:
        return 0


def row(label, wall, cpu, rss, pdf=None, extra=""):
    pdf_s = "%4d pp %6.0f KB" % (pages(pdf), size(pdf) / 1024) if pdf else " " * 17
    print("  %-34s %8.1f ms %8.1f ms %7.1f MB  %s %s" % (label, wall * 1e3, cpu * 1e3, rss / 1024,
                                                           pdf_s, extra))


def typst_compiler():
    """(label, command prefix taking IN.typ) of the Typst peer, or None.
    TYPST=/path/to/typst (a CLI) wins; then the npm Node compiler installed in
    bench/node_modules (bench/package.json); then `typst` on PATH."""
    cli = os.environ.get("TYPST")
    node = shutil.which("node")
    if not cli and node and os.path.exists(TYPST_NODE_PKG):
        cmd = [node, os.path.join(ROOT, "bench", "typst_compile.mjs")]
        p = subprocess.run(cmd + ["--version"], capture_output=True, text=True)
        if p.returncode == 0:
            return p.stdout.strip(), cmd
        print("  Typst (npm, bench/node_modules) does not start: %s" % p.stderr.strip()[-300:])
    cli = cli or shutil.which("typst")
    if cli:
        p = subprocess.run([cli, "--version"], capture_output=True, text=True)
        fonts = [a for d in TYPST_FONT_PATHS for a in ("--font-path", d)]
        return (p.stdout.strip() or cli) + " (CLI)", [cli, "compile"] + fonts
    return None


def ratio(w, c, w_bg, c_bg):
    return "(%.1fx budgetgen's wall, %.1fx its CPU)" % (w / w_bg, c / c_bg)


def header():
    print("  %-34s %11s %11s %10s  %17s" % ("", "wall", "CPU", "peak RSS", "PDF"))


def fresh(d):
    def f():
        shutil.rmtree(d, ignore_errors=True)
    return f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--large", type=int, default=1000, help="0: skip the large batch")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    work = os.path.join(ROOT, "build", "bench")
    os.makedirs(work, exist_ok=True)
    cpu_model = ""
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu_model = line.split(":", 1)[1].strip()
            break
    print("budgetgen benchmark: %d online cores (%s); %s; median of %d runs after a warm-up"
          % (os.cpu_count(), cpu_model, load(), a.runs))
    if os.getloadavg()[0] > 0.5:
        print("  NOTE: the machine is busy (load above 0.5): figures will be slower than on an "
              "idle machine")

    # ---- 1. the sample, and the same document from the peers ---------------------
    print("\n1. The sample (config/cangzhou-2020.ini) and the benchmark document (bench/peer.tpl:")
    print("   title, narrative, the 三公 table, the 131-row performance table), same CSV input; " + load())
    header()
    out = os.path.join(work, "sample")
    w, c, r, _ = measure([BIN, "build", "-q", "-o", out, "config/cangzhou-2020.ini"], a.runs,
                         before=fresh(out))
    pdf = os.path.join(out, "沧州经济开发区管理委员会-2020.pdf")
    xlsx = os.path.join(out, "沧州经济开发区管理委员会-2020.xlsx")
    row("budgetgen sample, PDF + XLSX", w, c, r, pdf, "+ XLSX %.0f KB" % (size(xlsx) / 1024))
    w, c, r, _ = measure([BIN, "build", "-q", "-f", "pdf", "-o", out, "config/cangzhou-2020.ini"],
                         a.runs, before=fresh(out))
    row("budgetgen sample, PDF only", w, c, r, pdf)
    # issue 17: the sample's size per page (target: under 8 KB, in the
    # KB of this benchmark, 1,024 bytes), as the file was when the target
    # was set, without its open data, and as published, with it attached
    n_pp = pages(pdf)
    with_data = size(pdf)
    sample_nd = os.path.join(work, "sample-nodata.ini")
    with open(os.path.join(ROOT, "config", "cangzhou-2020.ini"), encoding="utf-8") as f:
        text = f.read()
    with open(sample_nd, "w", encoding="utf-8") as f:
        f.write(text.replace("[output]\n", "[output]\ndata = no\n", 1))
    fresh(out)()
    subprocess.run([BIN, "build", "-q", "-f", "pdf", "-o", out, sample_nd], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if n_pp:
        nd = size(pdf)
        print("  sample: %d bytes per page, %.2f KB (%d bytes, %d pages) without its open data;"
              " %d bytes per page with it attached" % (nd // n_pp, nd / n_pp / 1024, nd, n_pp,
                                                      with_data // n_pp))
    w, c, r, _ = measure([BIN, "check", "-q", "config/cangzhou-2020.ini"], a.runs)
    row("budgetgen check (sample)", w, c, r)

    out = os.path.join(work, "peer")
    # The peers write a PDF only: budgetgen is compared without its open data
    # (NAME.data/ and the PDF's attachments, [output] data = no), then timed
    # with them, as it publishes by default.
    nodata = os.path.join(work, "peer-nodata.ini")
    with open(os.path.join(ROOT, "bench", "peer.ini"), encoding="utf-8") as f:
        text = f.read()
    with open(nodata, "w", encoding="utf-8") as f:
        f.write(text.replace("[output]\n", "[output]\ndata = no\n", 1))
    w_bg, c_bg, r, _ = measure([BIN, "build", "-q", "-f", "pdf", "-o", out, nodata],
                               a.runs, before=fresh(out))
    row("budgetgen, benchmark document", w_bg, c_bg, r,
        os.path.join(out, "沧州经济开发区管理委员会-2020.pdf"))
    w, c, r, _ = measure([BIN, "build", "-q", "-f", "pdf", "-o", out, "bench/peer.ini"],
                         a.runs, before=fresh(out))
    row("  the same with its open data", w, c, r,
        os.path.join(out, "沧州经济开发区管理委员会-2020.pdf"))
    rl = os.path.join(work, "reportlab.pdf")
    have_rl = subprocess.run([PY, "-c", "import reportlab"], capture_output=True).returncode == 0
    if have_rl:
        w, c, r, _ = measure([PY, "bench/reportlab_doc.py", "input/cangzhou-2020",
                              "input/cangzhou-2019", rl], a.runs)
        row("ReportLab 3.6, same document", w, c, r, rl, ratio(w, c, w_bg, c_bg))
    else:
        print("  ReportLab: not installed (apt-get install python3-reportlab): skipped")
    typst = typst_compiler()
    if typst:
        label, tcmd = typst
        print("  Typst peer: " + label)
        tdir = os.path.join(work, "typst")
        os.makedirs(tdir, exist_ok=True)
        shutil.copy(os.path.join(ROOT, "bench", "disclosure.typ"), tdir)
        tin = os.path.join(tdir, "disclosure.typ")
        tpdf = os.path.join(tdir, "disclosure.pdf")
        # Two processes, as an office would run them: the CSV → JSON converter (Python),
        # then the compiler.  Timed separately; the sum is the figure to compare.
        w, c, r, _ = measure([PY, "bench/typst_convert.py", "input/cangzhou-2020",
                              "input/cangzhou-2019", os.path.join(tdir, "data.json")], a.runs)
        row("  CSV → JSON converter (Python)", w, c, r)
        w2, c2, r2, _ = measure(tcmd + [tin], a.runs)
        row("  Typst compile only", w2, c2, r2, tpdf, ratio(w2, c2, w_bg, c_bg))
        row("Typst, converter + compile", w + w2, c + c2, max(r, r2), tpdf,
            ratio(w + w2, c + c2, w_bg, c_bg))
        if tcmd[-1].endswith(".mjs"):  # the npm compiler: also N documents in one process
            n = 20
            _, _, rr, text = run_once(tcmd + ["--repeat", str(n), tin,
                                              os.path.join(tdir, "repeat.pdf")])
            m = re.search(r"wall ([\d.]+) ms, CPU ([\d.]+) ms", text)
            if m:
                wr, cr = float(m.group(1)) / 1e3, float(m.group(2)) / 1e3
                print("  Typst in one Node process: %d documents after a warm-up, Typst's cache "
                      "cleared before each;\n  per document, compile and write only (no process "
                      "start-up), peak RSS of the process:" % n)
                row("  Typst in-process, per document", wr, cr, rr, None, ratio(wr, cr, w_bg, c_bg))
    else:
        print("  Typst: no compiler (make bench installs the npm one into bench/node_modules; "
              "or TYPST=/path/to/typst): skipped; see docs/performance.md")

    # ---- 2. time against the size of the performance table ------------------------
    print("\n2. One synthetic department, performance table of 50, 500 and 5,000 rows "
          "(tools/synth.py --perf-rows); " + load())
    header()
    pts = []
    for n in (50, 500, 5000):
        d = os.path.join(work, "rows%d" % n)
        shutil.rmtree(d, ignore_errors=True)
        subprocess.run([PY, "tools/synth.py", "--out", os.path.relpath(d, ROOT), "-n", "1",
                        "--seed", "3", "--perf-rows", str(n)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        out = os.path.join(d, "output")
        cfg = os.path.relpath(os.path.join(d, "config", "d0001.ini"), ROOT)
        runs = a.runs if n < 5000 else max(3, a.runs // 2)
        w, c, r, _ = measure([BIN, "build", "-q", "-f", "pdf", cfg], runs, before=fresh(out))
        pdfs = [f for f in os.listdir(out) if f.endswith(".pdf")] if os.path.isdir(out) else []
        row("%5d rows, PDF only" % n, w, c, r, os.path.join(out, pdfs[0]) if pdfs else None)
        pts.append((n, w, c))
    (n0, w0, c0), (n1, w1, c1), (n2, w2, c2) = pts
    print("  extra time per 1,000 rows: 50→500 %.0f ms (CPU %.0f ms), 500→5,000 %.0f ms "
          "(CPU %.0f ms)" % ((w1 - w0) / (n1 - n0) * 1e6, (c1 - c0) / (n1 - n0) * 1e6,
                             (w2 - w1) / (n2 - n1) * 1e6, (c2 - c1) / (n2 - n1) * 1e6))

    # ---- 3. a bureau: many departments with -j ---------------------------------------
    for n, runs in ((a.batch, 3), (a.large, 1)):
        if n <= 0:
            continue
        d = os.path.join(work, "bureau%d" % n)
        if not os.path.isdir(os.path.join(d, "config")) or \
                len(os.listdir(os.path.join(d, "config"))) != n:
            shutil.rmtree(d, ignore_errors=True)
            t0 = time.perf_counter()
            subprocess.run([PY, "tools/synth.py", "--out", os.path.relpath(d, ROOT), "-n", str(n),
                            "--seed", "1"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            gen = time.perf_counter() - t0
        else:
            gen = 0
        out = os.path.join(d, "output")
        print("\n3. A bureau of %d synthetic departments, build -j %d --all (PDF + XLSX + index%s); %s"
              % (n, a.jobs, ", generated in %.1f s" % gen if gen else "", load()))
        header()
        w, c, r, text = measure([BIN, "build", "-j", str(a.jobs), "--all",
                                 os.path.relpath(os.path.join(d, "config"), ROOT)], runs,
                                before=fresh(out))
        total = sum(size(os.path.join(out, f)) for f in os.listdir(out)) if os.path.isdir(out) else 0
        row("%d departments, -j %d" % (n, a.jobs), w, c, r, None,
            "%.1f docs/s, CPU %.1f ms/doc, output %.1f MB" % (n / w, c / n * 1e3, total / 1048576))
        m = re.search(r"largest worker ([\d.]+) MB, parent ([\d.]+) MB", text)
        if m:
            print("  peak memory of the largest worker %s MB, of the parent %s MB" % m.groups())
    print("\n(" + load() + ")")


if __name__ == "__main__":
    main()
