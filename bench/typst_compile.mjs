#!/usr/bin/env node
// The Typst peer of `make bench`: compiles a .typ file to PDF with typst.ts's
// Node compiler (Typst 0.14.2, the npm package pinned in bench/package.json,
// installed into bench/node_modules by tests/bench.sh).
//
//   node bench/typst_compile.mjs IN.typ [OUT.pdf]        one document, as a user runs it
//   node bench/typst_compile.mjs --repeat N IN.typ [OUT.pdf]
//        N documents in one Node process: the compiler (and its font book) is
//        created once and one document compiled as a warm-up, then N documents
//        are compiled from scratch (Typst's memoisation cache is cleared before
//        each, as for a different department) and written; prints
//        "repeat N: wall X ms, CPU Y ms per document" on stdout.
//   node bench/typst_compile.mjs --version                the Typst version (sys.version)
//
// Fonts: the files budgetgen uses (bench/peer.ini, fc-match): AR PL UMing CN
// (/usr/share/fonts/truetype/arphic/uming.ttc) for the body, WenQuanYi Zen Hei
// (/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc) for headings, given as font
// paths.  The compiler also reads the system fonts, as `typst compile` does.
// Typst names the first face of uming.ttc "AR PL UMing" (it drops the "CN",
// apparently as a width suffix like "condensed"): bench/disclosure.typ uses that
// name; "AR PL UMing CN" is an unknown family to Typst.
//
// The file's folder is the Typst root: disclosure.typ reads data.json next to
// it.  Exit status 0 when the PDF was written, 1 on Typst errors (printed), 2
// on usage errors.
import { createRequire } from "node:module";
import { writeFileSync, renameSync } from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);
const FONT_PATHS = ["/usr/share/fonts/truetype/arphic", "/usr/share/fonts/truetype/wqy"];

function usage() {
  process.stderr.write("usage: typst_compile.mjs [--repeat N] IN.typ [OUT.pdf]\n");
  process.exit(2);
}

const argv = process.argv.slice(2);
const PKG = "@myriaddreamin/typst-ts-node-compiler-linux-x64-gnu";
// The platform package's main file is the napi binary itself.
const { NodeCompiler } = require(PKG);

if (argv[0] === "--version") {
  const c = NodeCompiler.create({});
  const res = c.compile({ mainFileContent: "#metadata(str(sys.version)) <v>" });
  const v = c.query(res.result, { selector: "<v>", field: "value" });
  const pv = require(PKG + "/package.json").version;
  process.stdout.write(`Typst ${v[0]} (typst.ts Node compiler, ${PKG} ${pv})\n`);
  process.exit(0);
}

let repeat = 0;
if (argv[0] === "--repeat") {
  repeat = parseInt(argv[1], 10);
  if (!(repeat > 0)) usage();
  argv.splice(0, 2);
}
if (argv.length < 1 || argv.length > 2) usage();
const input = path.resolve(argv[0]);
const output = path.resolve(argv[1] || input.replace(/\.typ$/, "") + ".pdf");

const compiler = NodeCompiler.create({
  workspace: path.dirname(input),
  fontArgs: [{ fontPaths: FONT_PATHS }],
});

function once() {
  const res = compiler.compile({ mainFilePath: input });
  if (res.hasError() || !res.result) {
    res.printDiagnostics();
    process.exit(1);
  }
  const warnings = res.takeWarnings();
  if (warnings) res.printDiagnostics();
  // A fixed date, as budgetgen does (1 January of the budget year): same input, same bytes.
  const pdf = compiler.pdf(res.result, { creationTimestamp: Date.UTC(2020, 0, 1) / 1000 });
  const tmp = output + ".tmp";
  writeFileSync(tmp, pdf);
  renameSync(tmp, output);
}

if (repeat) {
  once(); // warm-up: fonts parsed, code paths loaded
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage(); // the whole process: every thread
  for (let i = 0; i < repeat; i++) {
    compiler.evictCache(0);
    once();
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e3;
  process.stdout.write(`repeat ${repeat}: wall ${(ms / repeat).toFixed(1)} ms, ` +
                       `CPU ${(cpu / repeat).toFixed(1)} ms per document\n`);
} else {
  once();
}
