#!/usr/bin/env python3
"""Names in German prose: false names among capitalised nouns, and names found in comments.

German writes every noun with a capital, so a German comment holds capitalised words side by
side (`Onkel Stadt`) that are no name, and names in German sentences follow German words
(`Bestellung von Anna Schneider`). This probe writes two CSV files with Python Faker's
`de_DE` locale, scans them with leakscan and prints the `person_name` findings per column:

- `prose.csv`: 3,000 Faker `de_DE` lorem sentences in `comment` (no name in them: every
  finding there is false);
- `names.csv`: 3,000 Faker `de_DE` names in `name` and in a German sentence in `comment`
  (each comment holds one name).

    python3 scripts/foreign/german_prose.py OUT [--bin target/release/leakscan]

Needs `pip install faker`.
"""

import argparse
import collections
import csv
import json
import os
import random
import subprocess

from faker import Faker

ROWS = 3000
SENTENCES = [
    "Herr {last} hat die Rechnung bezahlt.",
    "{first} {last} wohnt in {city}.",
    "Bestellung von {first} {last} ist verspätet.",
    "Frau {last} ruft morgen zurück.",
    "Kunde {first} {last} möchte die Lieferung stornieren.",
    "Paket für {first} {last}, {city}.",
    "Rückruf an {first} {last} bitte.",
    "Die Lieferung an {first} {last} kam nicht an.",
]


def write(out):
    fake = Faker("de_DE")
    Faker.seed(7)
    rng = random.Random(7)
    with open(os.path.join(out, "prose.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "comment"])
        for i in range(ROWS):
            w.writerow([i, fake.sentence(nb_words=rng.randint(4, 14))])
    with open(os.path.join(out, "names.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "comment"])
        for i in range(ROWS):
            first, last = fake.first_name(), fake.last_name()
            comment = rng.choice(SENTENCES).format(first=first, last=last, city=fake.city())
            w.writerow([i, f"{first} {last}", comment])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--bin", default="target/release/leakscan")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    write(args.out)
    for name in ("prose.csv", "names.csv"):
        findings = os.path.join(args.out, name + ".findings.jsonl")
        subprocess.run([args.bin, "scan", os.path.join(args.out, name), "-q", "--report",
                        os.path.join(args.out, name + ".report.json"), "--findings", findings],
                       check=False)
        counts = collections.Counter()
        with open(findings, encoding="utf-8") as f:
            for line in f:
                finding = json.loads(line)
                if finding["type"] == "person_name":
                    counts[finding["field"]] += 1
        print(f"{name}: person_name findings per column of {ROWS} rows: {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
