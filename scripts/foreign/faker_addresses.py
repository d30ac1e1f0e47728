#!/usr/bin/env python3
"""Score leakscan's addresses in free text on generated addresses of European locales.

For each locale, writes a CSV of 500 rows: `note`, a sentence with one address on one line
(Faker's address with its line breaks written `, `, as people write an address inline; or
Mimesis' street address, postal code and city, joined the same way), and `remark`, a
sentence of the locale's Faker text with no address in it. Scans it, then counts the notes
whose address is found (a `postal_address` finding that covers its house number and its
postal code), the notes where a `person_name` overlaps the address (a street read as a
name), and the `postal_address` findings in remarks (all false):

    python3 scripts/foreign/faker_addresses.py OUT [--bin target/release/leakscan] [--seed 7]
        [--generator faker|mimesis]

Only the standard library, faker (`pip install faker`) and, for `--generator mimesis`,
mimesis (`pip install mimesis`) are used.
"""

import argparse
import csv
import io
import json
import os
import re
import subprocess

from faker import Faker

LOCALES = ["fr_FR", "de_DE", "es_ES", "it_IT", "pt_PT", "pt_BR", "nl_NL", "de_AT", "de_CH",
           "da_DK", "sv_SE", "pl_PL", "fi_FI", "no_NO"]
# Mimesis' locale of each (its own names).
MIMESIS = {"fr_FR": "FR", "de_DE": "DE", "es_ES": "ES", "it_IT": "IT", "pt_PT": "PT",
           "pt_BR": "PT_BR", "nl_NL": "NL", "de_AT": "DE_AT", "de_CH": "DE_CH", "da_DK": "DA",
           "sv_SE": "SV", "pl_PL": "PL", "fi_FI": "FI", "no_NO": "NO"}


def addresses(generator, loc, seed):
    """An endless supply of one-line addresses of `loc` from `generator`."""
    if generator == "faker":
        fake = Faker(loc)
        fake.seed_instance(seed)
        while True:
            yield re.sub(r"\s*\n\s*", ", ", fake.address().strip())
    from mimesis import Address
    from mimesis.locales import Locale
    a = Address(getattr(Locale, MIMESIS[loc]), seed=seed)
    while True:
        yield f"{a.address()}, {a.postal_code()} {a.city()}"
ROWS = 500
LEAD = "Bitte an "
TAIL = " liefern."


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--bin", default="target/release/leakscan")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--generator", choices=["faker", "mimesis"], default="faker")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    total = {"found": 0, "named": 0, "false": 0}
    for loc in LOCALES:
        fake = Faker(loc)
        fake.seed_instance(args.seed)
        supply = addresses(args.generator, loc, args.seed)
        path = os.path.join(args.out, f"{loc}.csv")
        # Where, in the file, each note's address has its first and last digit: a finding
        # must cover both (the house number and the postal code).
        spans = []
        with open(path, "wb") as f:
            f.write(b"id,note,remark\n")
            for i in range(ROWS):
                address = next(supply)
                note = LEAD + address + TAIL
                line = io.StringIO()
                csv.writer(line, lineterminator="\n").writerow(
                    [i, note, fake.sentence(nb_words=12)])
                raw = line.getvalue().encode()
                at = f.tell() + raw.index(note.encode())
                digits = [len(note[:m.start()].encode()) for m in re.finditer(r"\d", note)]
                spans.append((at + digits[0], at + digits[-1]) if digits else None)
                f.write(raw)
        findings = os.path.join(args.out, f"{loc}.findings.jsonl")
        subprocess.run([args.bin, "scan", path, "-q", "--findings", findings,
                        "--report", os.path.join(args.out, f"{loc}.report.json")], check=True)
        found, named, false = set(), set(), 0
        with open(findings) as f:
            for line in f:
                hit = json.loads(line)
                field, record = hit.get("field"), hit.get("record")
                if field == "remark" and hit["type"] == "postal_address":
                    false += 1
                if field != "note" or not 1 <= record <= ROWS:
                    continue
                span = spans[record - 1]
                if span is None:
                    continue
                start, end = hit["offset"], hit["offset"] + hit["length"]
                if hit["type"] == "postal_address" and start <= span[0] and end > span[1]:
                    found.add(record)
                if hit["type"] == "person_name" and start <= span[1] and end > span[0]:
                    named.add(record)
        with_digits = sum(s is not None for s in spans)
        total["found"] += len(found)
        total["named"] += len(named)
        total["false"] += false
        print(f"{loc}  addresses found {len(found):4} of {with_digits}, "
              f"read as names {len(named):3}, false in remarks {false:3}")
    print(f"all    addresses found {total['found']}, read as names {total['named']}, "
          f"false in remarks {total['false']}")


if __name__ == "__main__":
    main()
