#!/usr/bin/env python3
"""Score `leakscan scan --findings` output against a foreign dump's truth.jsonl.

    python3 scripts/foreign/score.py OUT [OUT2 ...] [--top N] [--examples K]

Each OUT is a directory written by scripts/foreign/faker_dump.py (OUT/dump, OUT/truth.jsonl)
and scanned into OUT/findings.jsonl (`leakscan scan OUT/dump --findings OUT/findings.jsonl
--reveal -q`; `--findings NAME` to score another file of OUT, e.g. the concatenated findings
of scans of each locale's files with its `--region`). Several OUTs (seeds) are scored
together.

A finding matches a truth entry with the same path and type whose bytes overlap it,
one-to-one, as tests/accuracy.rs does (both sorted by offset, a greedy sweep). Printed:
per-type truth / found / matched / precision / recall; matches whose field or record differ;
then the misses and the false positives grouped by (type, field, shape) with examples. A
shape is the value with digits as `9`, ASCII letters as `a`/`A` (runs of letters as `a+`),
other letters as `L+`; a miss that a finding of another type overlaps says `as <type>`, a false
positive that overlaps a truth entry of another type says `on <type>`.
"""

import argparse
import collections
import json
import os
import unicodedata


def shape(value):
    """The value's shape: digits kept as 9 each, letter runs collapsed."""
    out = []
    for ch in value:
        if ch.isdigit() and ch.isascii():
            c = "9"
        elif ch.isascii() and ch.isalpha():
            c = "A" if ch.isupper() else "a"
        elif ch.isalpha() or unicodedata.category(ch).startswith("M"):
            c = "L"
        elif ch == "\n":
            c = "\\n"
        else:
            c = ch
        if c in "aAL" and out and out[-1] in (c, c + "+"):
            out[-1] = c + "+"
        else:
            out.append(c)
    return "".join(out)


def load(out_dir, name):
    """Truth and findings of one OUT directory, paths relative to OUT/dump."""
    dump = os.path.join(out_dir, "dump")
    truth = [json.loads(line) for line in open(os.path.join(out_dir, "truth.jsonl"))]
    findings = []
    for line in open(os.path.join(out_dir, name)):
        f = json.loads(line)
        f["path"] = f["path"].rsplit("dump/", 1)[-1]  # as scanned: any prefix, then dump/
        findings.append(f)
    data = {}

    def text(span):
        b = data.get(span["path"])
        if b is None:
            b = data[span["path"]] = open(os.path.join(dump, span["path"]), "rb").read()
        return b[span["offset"]:span["offset"] + span["length"]].decode("utf-8", "replace")

    for s in truth + findings:
        s["text"] = text(s)
        s["seed"] = out_dir
    return truth, findings


def overlaps(a, b):
    return a["offset"] < b["offset"] + b["length"] and b["offset"] < a["offset"] + a["length"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", nargs="+")
    ap.add_argument("--top", type=int, default=40, help="groups listed of each kind")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--findings", default="findings.jsonl", help="file name in each OUT")
    a = ap.parse_args()
    truth, findings = [], []
    for d in a.out:
        t, f = load(d, a.findings)
        truth += t
        findings += f
    by_key = collections.defaultdict(lambda: ([], []))
    for t in truth:
        by_key[(t["seed"], t["path"], t["type"])][0].append(t)
    for f in findings:
        by_key[(f["seed"], f["path"], f["type"])][1].append(f)
    stats = collections.defaultdict(lambda: [0, 0, 0])  # truth, found, matched
    misses, false_pos, field_diff = [], [], []
    for (_, _, ty), (ts, fs) in by_key.items():
        ts.sort(key=lambda s: s["offset"])
        fs.sort(key=lambda s: s["offset"])
        stats[ty][0] += len(ts)
        stats[ty][1] += len(fs)
        used = set()
        j = 0
        for t in ts:
            while j < len(fs) and fs[j]["offset"] + fs[j]["length"] <= t["offset"]:
                j += 1
            if j < len(fs) and fs[j]["offset"] < t["offset"] + t["length"]:
                stats[ty][2] += 1
                used.add(j)
                if fs[j].get("field") != t["field"] or fs[j].get("record") != t["record"]:
                    field_diff.append((t, fs[j]))
                j += 1
            else:
                misses.append(t)
        false_pos += [f for k, f in enumerate(fs) if k not in used]

    # Spans of every type per file, to say what a miss was taken for.
    spans = collections.defaultdict(list)
    for s in truth:
        spans[(s["seed"], s["path"], "truth")].append(s)
    for s in findings:
        spans[(s["seed"], s["path"], "found")].append(s)

    def other(s, kind):
        for o in spans[(s["seed"], s["path"], kind)]:
            if o["type"] != s["type"] and overlaps(o, s):
                return o["type"]
        return None

    print("%-16s %7s %7s %7s %9s %7s" % ("type", "truth", "found", "matched", "precision",
                                         "recall"))
    tot = [0, 0, 0]
    for ty in sorted(stats):
        t, f, m = stats[ty]
        tot = [tot[0] + t, tot[1] + f, tot[2] + m]
        print("%-16s %7d %7d %7d %9s %7s" % (ty, t, f, m, "%.3f" % (m / f) if f else "-",
                                            "%.3f" % (m / t) if t else "-"))
    print("%-16s %7d %7d %7d %9.3f %7.3f" % ("all", tot[0], tot[1], tot[2], tot[2] / max(tot[1], 1),
                                            tot[2] / max(tot[0], 1)))
    print("\nmatches with another field or record: %d" % len(field_diff))
    for t, f in field_diff[: a.examples * 3]:
        print("  %s %s truth field=%r record=%r, found field=%r record=%r" % (
            t["path"], t["type"], t["field"], t["record"], f.get("field"), f.get("record")))

    def groups(title, items, kind, word):
        g = collections.defaultdict(list)
        for s in items:
            o = other(s, kind)
            g[(s["type"], s.get("field"), shape(s["text"]), (word + " " + o) if o else "")].append(s)
        print("\n%s: %d in %d groups (type | field | shape | overlap: count, examples)" % (
            title, len(items), len(g)))
        for (ty, field, shp, o), ss in sorted(g.items(), key=lambda kv: -len(kv[1]))[: a.top]:
            ex = "; ".join(repr(s["text"]) + "@" + s["path"] for s in ss[: a.examples])
            print("  %-14s | %-28s | %-30s | %-20s: %4d  %s" % (ty, field, shp[:30], o, len(ss), ex))

    per_field = collections.defaultdict(lambda: [0, 0])
    for t in truth:
        per_field[(t["type"], t["field"])][0] += 1
    for t in misses:
        per_field[(t["type"], t["field"])][1] += 1
    print("\nfields with misses (type | field: missed of truth)")
    for (ty, field), (n, m) in sorted(per_field.items(), key=lambda kv: -kv[1][1]):
        if m:
            print("  %-14s | %-32s: %4d of %4d" % (ty, field, m, n))
    groups("MISSES", misses, "found", "as")
    groups("FALSE POSITIVES", false_pos, "truth", "on")


if __name__ == "__main__":
    main()
