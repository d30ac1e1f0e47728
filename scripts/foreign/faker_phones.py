#!/usr/bin/env python3
"""Score leakscan's national phone plans on Faker's phone numbers of twelve locales.

For each locale, writes a CSV of 500 rows (`phone`: a Faker phone number; `note`: one in a
sentence after `call`) and scans it with `--region` set to the locale's country, then counts
the rows whose `phone` cell gives a `phone` finding, and those whose `note` does:

    python3 scripts/foreign/faker_phones.py OUT [--bin target/release/leakscan] [--seed 7]

Faker writes some numbers no plan allows (German `00586 492083`, Danish numbers starting
with 0 or 1): a row missed is not always a miss. Only the standard library and faker
(`pip install faker`) are used.
"""

import argparse
import csv
import json
import os
import subprocess

from faker import Faker

LOCALES = ["fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR", "sv_SE", "en_AU",
           "ja_JP", "pt_PT", "da_DK"]
ROWS = 500


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--bin", default="target/release/leakscan")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    total = {"phone": 0, "note": 0}
    for loc in LOCALES:
        fake = Faker(loc)
        fake.seed_instance(args.seed)
        path = os.path.join(args.out, f"{loc}.csv")
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id", "phone", "note"])
            for i in range(ROWS):
                w.writerow([i, fake.phone_number(), f"please call {fake.phone_number()} tomorrow"])
        findings = os.path.join(args.out, f"{loc}.findings.jsonl")
        subprocess.run([args.bin, "scan", path, "--region", loc[3:], "-q", "--findings", findings,
                        "--report", os.path.join(args.out, f"{loc}.report.json")], check=True)
        rows = {"phone": set(), "note": set()}
        with open(findings) as f:
            for line in f:
                hit = json.loads(line)
                if hit["type"] == "phone" and hit.get("field") in rows:
                    rows[hit["field"]].add(hit["record"])
        for cell in total:
            total[cell] += len(rows[cell])
        print(f"{loc}  --region {loc[3:]}  phone cells found {len(rows['phone']):4} of {ROWS}, "
              f"notes {len(rows['note']):4}")
    print(f"all    phone cells found {total['phone']} of {ROWS * len(LOCALES)}, "
          f"notes {total['note']}")


if __name__ == "__main__":
    main()
