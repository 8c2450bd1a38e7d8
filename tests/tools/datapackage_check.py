#!/usr/bin/python3
"""Checks a Frictionless Tabular Data Package folder against the rules of
the specifications that budgetgen's datapackage.json relies on
(https://specs.frictionlessdata.io/: Data Package, Tabular Data Package,
Tabular Data Resource, Table Schema, CSV Dialect), written out here so the
test does not depend on python3-frictionless (not in Debian bookworm).

usage: datapackage_check.py FOLDER   (exit 0: valid; 1: the problems, one a line)

Checked:
  - the descriptor is a JSON object with profile "tabular-data-package",
    a name (lower-case ASCII letters, digits, '.', '_', '-') and a
    non-empty list of resources with unique names;
  - each resource: name (same pattern), a relative path with no '..' to a
    file in the folder, profile "tabular-data-resource", format "csv",
    mediatype "text/csv", encoding "utf-8", bytes equal to the file's size,
    a dialect (delimiter ",", header true) and a schema whose fields each
    have a unique string name and a type of string, number or integer;
  - the file: UTF-8 (a BOM allowed), every line ending in the dialect's
    lineTerminator, RFC 4180 CSV; its header equals the schema's field
    names in order; every row has one value per field; every value parses
    as its field's type (number: decimal notation; integer: digits; the
    empty string is the default missing value).
"""
import csv
import io
import json
import os
import re
import sys

NAME = re.compile(r"^[a-z0-9._-]+$")
NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
INTEGER = re.compile(r"^[-+]?\d+$")
TYPES = {"string", "number", "integer"}


def check(folder):
    bad = []
    try:
        pkg = json.load(open(os.path.join(folder, "datapackage.json"), encoding="utf-8"))
    except (OSError, ValueError) as e:
        return ["datapackage.json: %s" % e]
    if not isinstance(pkg, dict):
        return ["datapackage.json: not an object"]
    if pkg.get("profile") != "tabular-data-package":
        bad.append("profile is %r, not tabular-data-package" % pkg.get("profile"))
    if not isinstance(pkg.get("name"), str) or not NAME.match(pkg["name"]):
        bad.append("package name %r does not match %s" % (pkg.get("name"), NAME.pattern))
    res = pkg.get("resources")
    if not isinstance(res, list) or not res:
        return bad + ["resources: not a non-empty list"]
    seen = set()
    for i, r in enumerate(res):
        where = "resources[%d]" % i
        if not isinstance(r, dict):
            bad.append(where + ": not an object")
            continue
        name = r.get("name")
        if not isinstance(name, str) or not NAME.match(name):
            bad.append(where + ": name %r does not match the pattern" % name)
        elif name in seen:
            bad.append(where + ": name %r repeated" % name)
        seen.add(name)
        for key, want in (("profile", "tabular-data-resource"), ("format", "csv"),
                          ("mediatype", "text/csv"), ("encoding", "utf-8")):
            if r.get(key) != want:
                bad.append("%s (%s): %s is %r, expected %r" % (where, name, key, r.get(key), want))
        path = r.get("path")
        if (not isinstance(path, str) or not path or path.startswith("/") or
                ".." in path.split("/") or not os.path.isfile(os.path.join(folder, path))):
            bad.append("%s (%s): path %r is not a relative path to a file here" % (where, name, path))
            continue
        data = open(os.path.join(folder, path), "rb").read()
        if r.get("bytes") != len(data):
            bad.append("%s: bytes %r, the file has %d" % (path, r.get("bytes"), len(data)))
        dialect = r.get("dialect", {})
        if dialect.get("delimiter", ",") != "," or dialect.get("header", True) is not True:
            bad.append("%s: dialect %r" % (path, dialect))
        term = dialect.get("lineTerminator", "\r\n").encode()
        schema = r.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        if not isinstance(fields, list) or not fields:
            bad.append("%s: schema.fields is not a non-empty list" % path)
            continue
        names = []
        for f in fields:
            if not isinstance(f, dict) or not isinstance(f.get("name"), str) or not f["name"]:
                bad.append("%s: a field without a name: %r" % (path, f))
                continue
            if f.get("type", "string") not in TYPES:
                bad.append("%s: field %s has type %r" % (path, f["name"], f.get("type")))
            names.append(f["name"])
        if len(set(names)) != len(names):
            bad.append("%s: field names repeat: %r" % (path, names))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            bad.append("%s: not UTF-8: %s" % (path, e))
            continue
        if text.startswith("\ufeff"):
            text = text[1:]
        # Every line ends in the terminator: no other line end outside
        # quoted values.
        unquoted = re.sub(rb'"(?:[^"]|"")*"', b"", data)
        if re.search(rb"\r(?!\n)|(?<!\r)\n", unquoted) if term == b"\r\n" else False:
            bad.append("%s: a line does not end with %r" % (path, term))
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        if not rows:
            bad.append("%s: empty" % path)
            continue
        if rows[0] != names:
            bad.append("%s: header %r is not the schema's fields %r" % (path, rows[0], names))
        if not data.endswith(term):
            bad.append("%s: does not end with the line terminator" % path)
        types = [f.get("type", "string") for f in fields]
        for n, row in enumerate(rows[1:], start=2):
            if len(row) != len(fields):
                bad.append("%s:%d: %d values for %d fields" % (path, n, len(row), len(fields)))
                continue
            for v, t, fname in zip(row, types, names):
                if v == "":
                    continue
                if (t == "number" and not NUMBER.match(v)) or (t == "integer" and not INTEGER.match(v)):
                    bad.append("%s:%d: %s %r is not a %s" % (path, n, fname, v, t))
    return bad


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    bad = check(sys.argv[1])
    for b in bad[:50]:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
