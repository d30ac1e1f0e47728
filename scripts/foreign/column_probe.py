#!/usr/bin/env python3
"""Column-level precision probe with data from other generators (Faker or Mimesis).

Writes, for each of twelve locales, one table of personal and decoy columns in three
layouts (CSV with a header, JSON Lines with the row under one key, a mysqldump with
multi-row INSERTs), each column holding one type or none; scans the dump with leakscan
(no `--region`: each input's region is read from its numbers); and counts per type the rows
whose column gave a finding of its own type, and every finding of a type its column does
not hold (a decoy column read as a name, an ISSN read as a phone):

    python3 scripts/foreign/column_probe.py OUT [--generator faker|mimesis] [--rows 300]
        [--seed 3] [--bin target/release/leakscan]

No byte-level truth: a column of names counts as found when a name finding comes from it,
whatever its span. Needs `pip install faker` or `pip install mimesis`.
"""

import argparse
import collections
import csv
import json
import os
import random
import subprocess
import uuid


def faker_columns(loc, seed):
    """Faker (https://faker.readthedocs.io): (column, type or None, generator) triples."""
    from faker import Faker
    f = Faker(loc)
    f.seed_instance(seed)
    return [
        ("name", "person_name", f.name), ("first_name", "person_name", f.first_name),
        ("last_name", "person_name", f.last_name), ("email", "email", f.email),
        ("address", "postal_address", lambda: f.address().replace("\n", ", ")),
        ("date_of_birth", "date_of_birth", lambda: f.date_of_birth().isoformat()),
        ("ipv4", "ip_address", f.ipv4_public), ("ipv6", "ip_address", f.ipv6),
        ("password_hash", "password_hash", f.sha256),
        ("company", None, f.company), ("catch_phrase", None, f.catch_phrase),
        ("job", None, f.job), ("license_plate", None, f.license_plate), ("vin", None, f.vin),
        ("iban", None, f.iban), ("swift", None, f.swift), ("ean13", None, f.ean13),
        ("isbn13", None, f.isbn13), ("file_path", None, f.file_path), ("uri", None, f.uri),
        ("mac", None, f.mac_address), ("user_agent", None, f.user_agent),
        ("color", None, f.color_name), ("currency", None, f.currency_name),
        ("crypto", None, f.cryptocurrency_name), ("country", None, f.country),
        ("city", None, f.city), ("building", None, f.building_number),
        ("postcode", None, f.postcode), ("created", None, lambda: f.date_time().isoformat()),
        ("unix", None, lambda: str(f.unix_time())), ("sentence", None, f.sentence),
        ("word", None, f.word), ("md5", None, f.md5), ("uuid", None, f.uuid4),
        ("amount", None, lambda: str(f.pydecimal(left_digits=6, right_digits=2, positive=True))),
        ("random_number", None, lambda: str(f.random_number(digits=12))),
        ("cc_expire", None, f.credit_card_expire), ("cvv", None, f.credit_card_security_code),
        ("hex_color", None, f.hex_color), ("port", None, lambda: str(f.port_number())),
        ("hostname", None, f.hostname), ("latitude", None, lambda: str(f.latitude())),
        ("day_of_week", None, f.day_of_week), ("month_name", None, f.month_name),
        ("language_name", None, f.language_name),
    ]


def mimesis_columns(loc, seed):
    """Mimesis (https://mimesis.name): (column, type or None, generator) triples."""
    from mimesis import (Address, Code, Datetime, Development, Finance, Hardware, Internet,
                         Payment, Person, Text)
    from mimesis.locales import Locale
    L = Locale(loc)
    p, a, d, t = Person(L, seed=seed), Address(L, seed=seed), Datetime(L, seed=seed), Text(L, seed=seed)
    i, c, dev, h = Internet(seed=seed), Code(seed=seed), Development(seed=seed), Hardware(seed=seed)
    fin, pay = Finance(L, seed=seed), Payment(seed=seed)
    return [
        ("full_name", "person_name", p.full_name), ("first_name", "person_name", p.first_name),
        ("last_name", "person_name", p.last_name), ("email", "email", p.email),
        ("telephone", "phone", p.telephone),
        ("address", "postal_address", lambda: f"{a.address()}, {a.city()}, {a.postal_code()}"),
        ("birthdate", "date_of_birth", lambda: p.birthdate().isoformat()),
        ("last_ip", "ip_address", i.ip_v4), ("ipv6", "ip_address", i.ip_v6),
        ("card_number", "card_number", pay.credit_card_number),
        ("password", "password_hash", lambda: p.password(hashed=True)),
        ("city", None, a.city), ("state", None, a.state), ("country", None, a.country),
        ("mac", None, i.mac_address), ("cvv", None, lambda: str(pay.cvv())),
        ("username", None, p.username), ("occupation", None, p.occupation),
        ("nationality", None, p.nationality), ("language", None, p.language),
        ("university", None, p.university), ("degree", None, p.academic_degree),
        ("blood_type", None, p.blood_type), ("title", None, p.title), ("gender", None, p.gender),
        ("identifier", None, p.identifier), ("company", None, fin.company),
        ("stock", None, fin.stock_name), ("price", None, lambda: str(fin.price())),
        ("isbn", None, c.isbn), ("ean", None, c.ean), ("imei", None, c.imei),
        ("issn", None, c.issn), ("pin", None, c.pin), ("version", None, dev.version),
        ("os", None, dev.os), ("cpu", None, h.cpu), ("phone_model", None, h.phone_model),
        ("created_at", None, lambda: d.datetime().isoformat()),
        ("ts", None, lambda: str(d.timestamp())), ("date", None, d.formatted_date),
        ("comment", None, t.sentence), ("color", None, t.color), ("word", None, t.word),
        ("user_agent", None, i.user_agent), ("url", None, i.url),
        ("customer_uuid", None, lambda: str(uuid.UUID(int=random.getrandbits(128)))),
        ("order_no", None, lambda: str(random.randrange(10**9, 10**10))),
    ]


GENERATORS = {
    "faker": (faker_columns, ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL",
                              "pt_BR", "en_IN", "pl_PL", "sv_SE", "en_AU"]),
    "mimesis": (mimesis_columns, ["en", "en-gb", "en-au", "en-ca", "de", "fr", "es", "it",
                                  "pt-br", "nl", "pl", "sv"]),
}


def write(out, name, columns, rows):
    """Writes one table three ways; returns {(file, column): type}."""
    names = [c for c, _, _ in columns]
    truth = {}
    for ext in ("csv", "jsonl", "sql"):
        path = f"{name}.{ext}"
        with open(os.path.join(out, path), "w", newline="", encoding="utf-8") as f:
            if ext == "csv":
                w = csv.writer(f)
                w.writerow(names)
                w.writerows(rows)
            elif ext == "jsonl":
                for r in rows:
                    f.write(json.dumps({"rec": dict(zip(names, r))}, ensure_ascii=False) + "\n")
            else:
                f.write(f"CREATE TABLE `{name}` (\n"
                        + ",\n".join(f"  `{n}` varchar(255)" for n in names) + "\n);\n")
                quote = lambda v: "'" + str(v).replace("\\", "\\\\").replace("'", "\\'") + "'"
                for k in range(0, len(rows), 50):
                    tuples = ",".join("(" + ",".join(map(quote, r)) + ")" for r in rows[k:k + 50])
                    f.write(f"INSERT INTO `{name}` VALUES {tuples};\n")
        truth.update({(path, c): ty for c, ty, _ in columns})
    return truth


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--generator", choices=sorted(GENERATORS), default="faker")
    ap.add_argument("--rows", type=int, default=300)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--bin", default="target/release/leakscan")
    args = ap.parse_args()
    random.seed(args.seed)
    dump = os.path.join(args.out, "dump")
    os.makedirs(dump, exist_ok=True)
    columns_of, locales = GENERATORS[args.generator]
    truth = {}
    for loc in locales:
        columns = columns_of(loc, args.seed)
        rows = [[g() for _, _, g in columns] for _ in range(args.rows)]
        truth.update(write(dump, "people_" + loc.replace("-", "_"), columns, rows))
    findings = os.path.join(args.out, "findings.jsonl")
    subprocess.run([args.bin, "scan", dump, "-q", "--reveal", "--findings", findings,
                    "--report", os.path.join(args.out, "report.json")], check=True)
    found = collections.defaultdict(set)
    wrong = collections.Counter()
    examples = collections.defaultdict(list)
    with open(findings, encoding="utf-8") as f:
        for line in f:
            hit = json.loads(line)
            column = (hit.get("field") or "").split(".")[-1]
            key = (os.path.basename(hit["path"]), column)
            if truth.get(key) == hit["type"]:
                found[key].add(hit["record"])
            else:
                wrong[(column, hit["type"])] += 1
                if len(examples[(column, hit["type"])]) < 4:
                    examples[(column, hit["type"])].append(hit["value"])
    want = collections.Counter()
    got = collections.Counter()
    for key, ty in truth.items():
        if ty:
            want[ty] += args.rows
            got[ty] += len(found[key])
    print(f"{args.generator}, {len(locales)} locales, {args.rows} rows each, three layouts")
    print("type              rows  found  recall")
    for ty in sorted(want):
        print(f"{ty:15} {want[ty]:6} {got[ty]:6}  {got[ty] / want[ty]:.3f}")
    print(f"findings of a type their column does not hold: {sum(wrong.values())}")
    for (column, ty), n in wrong.most_common():
        print(f"  {column:15} {ty:15} {n:6}  {examples[(column, ty)]}")


if __name__ == "__main__":
    main()
