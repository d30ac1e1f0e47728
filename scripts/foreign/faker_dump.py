#!/usr/bin/env python3
"""Write a small leak-like dump made with Python Faker, and its byte-level ground truth.

leakscan's own accuracy test (tests/accuracy.rs) scores it on dumps from its own generator
(src/synth), which grew up with the detectors. This script makes dumps from a different
generator, Faker (https://faker.readthedocs.io), so the scanner can be measured on values,
column names and layouts it was not built with:

    python3 scripts/foreign/faker_dump.py OUT [--seed N] [--size BYTES]
    leakscan scan OUT/dump --findings OUT/findings.jsonl --reveal -q --report OUT/report.json
    python3 scripts/foreign/score.py OUT        # reads OUT/truth.jsonl and OUT/findings.jsonl

OUT/dump gets, for each locale (en_US, en_IN, en_GB, hi_IN, ta_IN), the same people written
five ways, as real leaks come: a CSV with a header (`users_<loc>.csv`), JSON Lines with nested
keys (`profiles_<loc>.jsonl`), a mysqldump with CREATE TABLE and multi-row INSERTs
(`shop_<loc>.sql`), a pg_dump COPY block (`crm_<loc>.sql`) and application log lines with
key=value pairs and free prose (`app_<loc>.log`). Column names vary per file (`mobile`,
`phone_no`, `contactNumber`, `e_mail`, `dob`, `birthdate`, ...), and decoys sit beside the
personal data (uuid4, order ids, ISBN/EAN, timestamps, versions, prices, card security codes,
msisdn-like internal ids, user agents, hex checksums).

`OUT/truth.jsonl` gets one line per personal value: {"path", "offset", "length", "type", "field",
"record"}, with the span of docs CONTRACT.md ("Findings stream"): bytes of the value as stored,
inside its quotes, escapes included; a phone from its `+`/`(`/first digit to its last digit
(a Faker extension such as `x066` is not part of the number); the whole name, the whole
address (all its lines), `lat, lng` for a position in one value, each coordinate where latitude
and longitude are two fields of the record. `path` is relative to OUT/dump.

What is ground truth follows the contract, not Faker's idea of a type:
- Faker's `aadhaar_id` has a Luhn check digit and may start with 1: its check digit is
  recomputed (Verhoeff) and a leading 1 made 2 (a column of Faker's own values is one of
  random numbers, which leakscan rightly suppresses: src/aggregate/column.rs).
- Faker cards outside real issuer ranges (JCB `35` below 3528, the retired 15-digit JCB
  2131/1800, Maestro 56-58/0604/6390) are written, but are not truth.
- Faker phone numbers in no plan are written, but are not truth: an N11 NANP area or
  exchange code (`211`, `911`); Indian national numbers starting with 0 or 1861; bare 10
  digits that are no Indian mobile; en_GB 02 numbers with 9 national digits (Faker's
  `028 9018###` and `029 2018###` formats).
- Faker's en_GB and en_IN `ssn` (a National Insurance number, a US-shaped number) are not
  written as `us_ssn`.

Faker's name lists are those leakscan's lists were built from (patterns/lists/make_lists.py:
three quarters of each list go to the detector, one to src/synth), so about three in four
Faker name words are listed: `person_name` recall here is optimistic for real names.

Only the standard library and faker are used; the same seed and size write the same bytes.
"""

import argparse
import json
import os
import random
import string
import uuid

from faker import Faker

LOCALES = ["en_US", "en_IN", "en_GB", "hi_IN", "ta_IN"]
INDIAN = {"en_IN", "hi_IN", "ta_IN"}

# --- checksums -------------------------------------------------------------------------------

_VD = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_VP = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_ok(digits):
    """Whether a digit string passes the Verhoeff check."""
    c = 0
    for i, d in enumerate(reversed(digits)):
        c = _VD[c][_VP[i % 8][int(d)]]
    return c == 0


def verhoeff_digit(digits):
    """The Verhoeff check digit to append to `digits`."""
    c = 0
    for i, d in enumerate(reversed(digits)):
        c = _VD[c][_VP[(i + 1) % 8][int(d)]]
    return str(_VINV[c])


# --- values ----------------------------------------------------------------------------------
# A cell is a list of segments (text, type or None); typed segments become truth entries.

CARD_PROVIDERS = ["amex", "diners", "discover", "jcb15", "jcb16", "maestro", "mastercard",
                  "visa13", "visa16", "visa19"]
MAESTRO = ("5018", "5020", "5038", "5893", "6304", "6759", "6761", "6762", "6763")
DOB_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d-%b-%Y", "%B %d, %Y", "%d.%m.%Y",
               "%Y/%m/%d", "%d %b %Y"]
B64 = string.ascii_letters + string.digits + "./"


class People:
    """Faker values of one locale, with the shapes a leak stores them in."""

    def __init__(self, loc, seed, rnd):
        self.loc = loc
        self.f = Faker(loc)
        self.f.seed_instance(seed * 31 + LOCALES.index(loc))
        self.r = rnd
        # hi_IN and ta_IN have no Indian id providers: those of en_IN, seeded alike.
        self.ids = self.f if loc not in INDIAN or loc == "en_IN" else Faker("en_IN")
        if self.ids is not self.f:
            self.ids.seed_instance(seed * 31 + LOCALES.index(loc))

    def name(self):
        return [(self.f.name(), "person_name")]

    def first(self):
        return [(self.f.first_name(), "person_name")]

    def last(self):
        return [(self.f.last_name(), "person_name")]

    def email(self):
        e = self.r.choice([self.f.email, self.f.free_email, self.f.company_email])()
        return [(e, "email")]

    def phone(self):
        p = self.f.phone_number()
        ty = "phone"
        if self.loc in INDIAN:
            # Faker's Indian formats fill every digit at random: a national number starting
            # with 0 (`+91 0...`, `00...`) is in no plan, a bare 10 digits starting 0-5 is no
            # mobile (a landline is written with its trunk 0), and 1861 leads 13-digit
            # premium-rate numbers, no 10-digit one (libphonenumber's IN metadata). Written,
            # but not truth.
            d = "".join(ch for ch in p if ch.isdigit())
            nsn = d[2:] if p.startswith("+91") else d[1:] if d.startswith("0") else d
            if (len(nsn) != 10 or nsn[0] == "0" or (d == nsn and nsn[0] not in "6789")
                    or nsn.startswith("1861")):
                ty = None
        elif self.loc == "en_GB":
            # Faker's `028 9018###` and `029 2018###` drop a digit of Ofcom's drama ranges
            # (028 9018 0xxx, 029 2018 0xxx): 9 national digits, which no 02 number has
            # (Ofcom's National Telephone Numbering Plan: 02 numbers have 10). Not truth.
            d = "".join(ch for ch in p.replace("(0)", "") if ch.isdigit())
            nsn = d[2:] if p.startswith("+44") else d[1:]
            if nsn[0] == "2" and len(nsn) != 10:
                ty = None
        elif self.loc == "en_US":
            # Faker's NANP area and exchange codes may be N11 (`211`, `911`): no such numbers.
            d = "".join(ch for ch in p.split("x")[0] if ch.isdigit())
            d = d[3:] if d.startswith("001") else d[1:] if len(d) == 11 else d
            if d[1:3] == "11" or d[4:6] == "11":
                ty = None
        if "x" in p:  # a Faker extension: the number ends before it
            n, ext = p.split("x", 1)
            return [(n, ty), ("x" + ext, None)]
        return [(p, ty)]

    def dob(self):
        d = self.f.date_of_birth(minimum_age=18, maximum_age=90)
        fmts = DOB_FORMATS if self.loc == "en_US" else [x for x in DOB_FORMATS if x != "%m/%d/%Y"]
        return [(d.strftime(self.r.choice(fmts)), "date_of_birth")]

    def address(self):
        a = self.f.address()
        if self.r.random() < 0.5:
            a = a.replace("\n", ", ")
        return [(a, "postal_address")]

    def card(self):
        provider = self.r.choice(CARD_PROVIDERS)
        c = self.f.credit_card_number(provider)
        # Faker's JCB prefixes are `35` (JCB issues 3528-3589 only) and 2131/1800 (15-digit
        # ranges JCB retired long ago), its Maestro ones include 56-58, 0604 and 6390 (not
        # Maestro IINs): Luhn-valid, but not "a real issuer range" (CONTRACT.md).
        real = not (provider == "jcb15"
                    or provider == "jcb16" and not 3528 <= int(c[:4]) <= 3589
                    or provider == "maestro" and not c.startswith(MAESTRO))
        if self.r.random() < 0.3 and len(c) == 16:
            c = " ".join(c[i:i + 4] for i in range(0, 16, 4))
        return [(c, "card_number" if real else None)]

    def card_masked(self):
        c = self.f.credit_card_number(self.r.choice(["visa16", "mastercard", "discover"]))
        m = self.r.choice(["XXXX-XXXX-XXXX-" + c[-4:], c[:6] + "*" * (len(c) - 10) + c[-4:],
                           "**** **** **** " + c[-4:]])
        return [(m, "card_partial")]

    def ssn(self):
        s = self.f.ssn()
        if self.r.random() < 0.3:
            s = s.replace("-", "")
        return [(s, "us_ssn")]

    def aadhaar(self):
        # Faker's check digit is Luhn's and its first digit 1-9: the check digit is made
        # Verhoeff's and a leading 1 a 2, or the column would be one of random 12-digit numbers.
        a = self.ids.aadhaar_id()
        a = (a[0] if a[0] != "1" else "2") + a[1:11]
        a += verhoeff_digit(a)
        typed = "aadhaar" if verhoeff_ok(a) else None
        if self.r.random() < 0.4:
            a = " ".join([a[:4], a[4:8], a[8:]])
        return [(a, typed)]

    def pan(self):
        return [(self.ids.pan(), "pan_in")]

    def passport(self):
        return [(self.f.passport_number(), "passport")]

    def password(self):
        return [(self.f.password(length=self.r.randint(8, 14)), "password_plain")]

    def password_hash(self):
        kind = self.r.choice(["md5", "sha1", "sha256", "bcrypt", "bcrypt"])
        if kind == "md5":
            h = self.f.md5()
        elif kind == "sha1":
            h = self.f.sha1()
        elif kind == "sha256":
            h = self.f.sha256()
        else:
            h = "$2%s$%02d$" % (self.r.choice("aby"), self.r.choice([10, 12])) + "".join(
                self.r.choice(B64) for _ in range(53))
        return [(h, "password_hash")]

    def ip(self):
        return [(self.r.choice([self.f.ipv4_public, self.f.ipv4_private, self.f.ipv6])(),
                 "ip_address")]

    def lat(self):
        return [(str(self.f.latitude()), "geo_location")]

    def lng(self):
        return [(str(self.f.longitude()), "geo_location")]

    def location(self):
        la, lo = self.f.latitude(), self.f.longitude()
        return [("%s%s%s" % (la, self.r.choice([", ", ",", " "]), lo), "geo_location")]

    # decoys
    def uuid(self):
        return [(str(uuid.UUID(int=self.r.getrandbits(128), version=4)), None)]

    def order_id(self):
        return [(self.r.choice(["ORD-%d-%06d" % (self.r.randint(2019, 2025),
                                                 self.r.randint(1, 999999)),
                                str(self.r.randint(10 ** 9, 10 ** 12))]), None)]

    def isbn(self):
        return [(self.r.choice([self.f.isbn13, self.f.isbn10, self.f.ean13, self.f.ean8])(), None)]

    def created(self):
        dt = self.f.date_time_between(start_date="-6y")
        return [(self.r.choice([dt.isoformat() + "Z", dt.strftime("%Y-%m-%d %H:%M:%S"),
                                str(int(dt.timestamp()))]), None)]

    def version(self):
        return [(self.r.choice(["%d.%d.%d" % (self.r.randint(1, 12), self.r.randint(0, 30),
                                              self.r.randint(0, 300)),
                                "10.0.%d.%d" % (self.r.randint(10000, 22631),
                                                self.r.randint(1, 4000))]), None)]

    def price(self):
        return [(self.f.pricetag().lstrip("$") if self.r.random() < 0.3 else
                 "%.2f" % (self.r.random() * 5000), None)]

    def cvv(self):
        return [(self.f.credit_card_security_code(), None)]

    def expiry(self):
        return [(self.f.credit_card_expire(), None)]

    def msisdn(self):
        return [(self.f.msisdn(), None)]

    def agent(self):
        return [(self.f.user_agent(), None)]

    def checksum(self):
        return [(self.r.choice([self.f.md5, self.f.sha1])(), None)]

    def city(self):
        return [(self.f.city(), None)]

    def postcode(self):
        return [(self.f.postcode(), None)]

    def company(self):
        return [(self.f.company(), None)]


# (generator, column names a leak uses for it, JSON path group, SQL type)
COLUMNS = [
    ("uuid", ["uuid", "guid", "external_id"], "", "char(36)"),
    ("name", ["name", "full_name", "customer_name", "fullName", "display_name"], "profile", "varchar(120)"),
    ("first", ["first_name", "fname", "firstName", "given_name"], "profile", "varchar(60)"),
    ("last", ["last_name", "surname", "lname", "lastName"], "profile", "varchar(60)"),
    ("email", ["email", "e_mail", "emailAddress", "mail", "email_id"], "contact", "varchar(255)"),
    ("phone", ["mobile", "phone_no", "contactNumber", "phone", "tel", "mobile_number"], "contact", "varchar(32)"),
    ("dob", ["dob", "birthdate", "date_of_birth", "birth_date", "DOB"], "profile", "varchar(20)"),
    ("address", ["addr", "shipping_address", "address", "billing_address"], "shipping", "text"),
    ("city", ["city", "town"], "shipping", "varchar(60)"),
    ("postcode", ["zip", "pincode", "postcode"], "shipping", "varchar(12)"),
    ("card", ["cc", "card_no", "cardNumber", "credit_card", "cc_number"], "payment", "varchar(24)"),
    ("card_masked", ["card_masked", "masked_card", "card_display"], "payment", "varchar(24)"),
    ("cvv", ["cvv", "cvc", "security_code"], "payment", "varchar(4)"),
    ("expiry", ["exp", "card_expiry", "expiry"], "payment", "varchar(7)"),
    ("ssn", ["ssn", "social_security_number", "ssn_no"], "profile", "varchar(11)"),
    ("aadhaar", ["aadhaar", "aadhaar_no", "aadhar_number", "aadhaarNumber"], "kyc", "varchar(14)"),
    ("pan", ["pan", "pan_no", "PAN", "panNumber"], "kyc", "char(10)"),
    ("passport", ["passport_no", "passport", "passportNumber", "passport_number"], "kyc", "varchar(12)"),
    ("password", ["pwd", "password", "pass", "user_pass"], "auth", "varchar(64)"),
    ("password_hash", ["password_hash", "passwd", "pass_hash", "hashed_password"], "auth", "varchar(80)"),
    ("ip", ["last_ip", "ip", "ip_address", "login_ip", "client_ip"], "meta", "varchar(45)"),
    ("lat", ["lat", "latitude"], "geo", "decimal(9,6)"),
    ("lng", ["lng", "lon", "longitude"], "geo", "decimal(9,6)"),
    ("location", ["location", "coordinates", "gps"], "meta", "varchar(40)"),
    ("order_id", ["order_id", "last_order", "order_no"], "meta", "varchar(20)"),
    ("isbn", ["isbn", "ean", "barcode", "sku"], "meta", "varchar(20)"),
    ("created", ["created_at", "updated_at", "last_login", "ts"], "meta", "varchar(25)"),
    ("version", ["app_version", "client_version", "build"], "meta", "varchar(24)"),
    ("price", ["price", "amount", "total", "balance"], "meta", "varchar(12)"),
    ("msisdn", ["account_ref", "device_id", "ref_no", "internal_id"], "meta", "varchar(16)"),
    ("agent", ["user_agent", "ua"], "meta", "text"),
    ("checksum", ["etag", "checksum", "session_token"], "meta", "char(40)"),
    ("company", ["company", "employer"], "profile", "varchar(80)"),
]
ONLY = {"ssn": {"en_US"}, "aadhaar": INDIAN, "pan": INDIAN}


def schema(loc, r):
    """A file's columns: (generator, name, group, sql type), most columns, names varied."""
    cols = []
    for gen, names, group, sqlt in COLUMNS:
        if gen in ONLY and loc not in ONLY[gen]:
            continue
        if gen not in ("name", "email", "phone") and r.random() < 0.25:
            continue
        cols.append((gen, r.choice(names), group, sqlt))
    if not any(c[0] == "lat" for c in cols) or not any(c[0] == "lng" for c in cols):
        cols = [c for c in cols if c[0] not in ("lat", "lng")]
    return cols


def row(people, cols):
    """One record: a cell (list of segments) or None (empty) per column."""
    cells = []
    for gen, _, _, _ in cols:
        if gen not in ("uuid",) and people.r.random() < 0.08:
            cells.append(None)
        else:
            cells.append(getattr(people, gen)())
    return cells


# --- writers ---------------------------------------------------------------------------------


class Out:
    """A file being written, with the truth spans of what went into it."""

    def __init__(self, rel):
        self.rel = rel
        self.parts = []
        self.n = 0
        self.truth = []

    def raw(self, s):
        b = s.encode("utf-8")
        self.parts.append(b)
        self.n += len(b)

    def cell(self, segs, esc, field, record):
        """Writes a cell's segments escaped by `esc`, recording spans of typed ones."""
        for text, ty in segs:
            start = self.n
            self.raw(esc(text))
            if ty:
                self.truth.append({"path": self.rel, "offset": start, "length": self.n - start,
                                   "type": ty, "field": field, "record": record})

    def save(self, root):
        with open(os.path.join(root, self.rel), "wb") as fh:
            fh.write(b"".join(self.parts))


def text_of(segs):
    return "".join(t for t, _ in segs)


def csv_file(rel, people, cols, rows):
    out = Out(rel)
    out.raw(",".join(c[1] for c in cols) + "\n")
    for i, cells in enumerate(rows, 1):
        for j, (col, cell) in enumerate(zip(cols, cells)):
            if j:
                out.raw(",")
            if cell is None:
                continue
            t = text_of(cell)
            quote = any(ch in t for ch in ',"\n\r') or people.r.random() < 0.1
            if quote:
                out.raw('"')
            out.cell(cell, lambda s: s.replace('"', '""'), col[1], i)
            if quote:
                out.raw('"')
        out.raw("\n")
    return out


def json_str(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


NUMERIC = {"lat", "lng", "price"}


def jsonl_file(rel, people, cols, rows):
    out = Out(rel)
    for i, cells in enumerate(rows, 1):
        groups = {}
        for col, cell in zip(cols, cells):
            groups.setdefault(col[2], []).append((col, cell))
        out.raw("{")
        first = True
        for group, members in groups.items():
            if not first:
                out.raw(",")
            first = False
            if group:
                out.raw('"%s":{' % group)
            for k, (col, cell) in enumerate(members):
                if k:
                    out.raw(",")
                key = col[1]
                path = "%s.%s" % (group, key) if group else key
                if col[0] == "card" and group == "payment":
                    out.raw('"cards":[{"%s":' % key)
                    path = "payment.cards[].%s" % key
                else:
                    out.raw('"%s":' % key)
                if cell is None:
                    out.raw("null")
                elif col[0] in NUMERIC or (col[0] == "phone" and text_of(cell).isdigit()
                                           and text_of(cell)[0] != "0" and people.r.random() < 0.5):
                    out.cell(cell, lambda s: s, path, i)
                else:
                    out.raw('"')
                    out.cell(cell, json_str, path, i)
                    out.raw('"')
                if col[0] == "card" and group == "payment":
                    out.raw("}]")
            if group:
                out.raw("}")
        out.raw("}\n")
    return out


def mysql_str(s):
    return (s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
            .replace("\r", "\\r"))


def mysql_file(rel, people, cols, rows, table):
    out = Out(rel)
    out.raw("-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost"
            "    Database: shop\n-- ------------------------------------------------------\n"
            "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
            "/*!40101 SET NAMES utf8mb4 */;\n\nDROP TABLE IF EXISTS `%s`;\n" % table)
    out.raw("CREATE TABLE `%s` (\n  `id` int NOT NULL AUTO_INCREMENT,\n" % table)
    for col in cols:
        out.raw("  `%s` %s DEFAULT NULL,\n" % (col[1], col[3]))
    out.raw("  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n"
            "LOCK TABLES `%s` WRITE;\n" % table)
    for i, cells in enumerate(rows, 1):
        if (i - 1) % 5 == 0:
            out.raw("INSERT INTO `%s` VALUES " % table)
        out.raw("(%d" % i)
        for col, cell in zip(cols, cells):
            out.raw(",")
            if cell is None:
                out.raw("NULL")
            elif col[0] in ("lat", "lng"):
                out.cell(cell, lambda s: s, "%s.%s" % (table, col[1]), i)
            else:
                out.raw("'")
                out.cell(cell, mysql_str, "%s.%s" % (table, col[1]), i)
                out.raw("'")
        out.raw(")")
        out.raw(";\n" if i % 5 == 0 or i == len(rows) else ",")
    out.raw("UNLOCK TABLES;\n")
    return out


def copy_str(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def pg_file(rel, people, cols, rows, table):
    out = Out(rel)
    out.raw("--\n-- PostgreSQL database dump\n--\n\nSET statement_timeout = 0;\n"
            "SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\n")
    out.raw("CREATE TABLE public.%s (\n    id integer NOT NULL,\n" % table)
    out.raw(",\n".join("    %s %s" % (c[1].lower(), c[3].replace("decimal", "numeric")
                                         .replace("text", "text"))
                       for c in cols) + "\n);\n\n")
    out.raw("COPY public.%s (id, %s) FROM stdin;\n" % (table, ", ".join(c[1].lower()
                                                                       for c in cols)))
    for i, cells in enumerate(rows, 1):
        out.raw(str(i))
        for col, cell in zip(cols, cells):
            out.raw("\t")
            if cell is None:
                out.raw("\\N")
            else:
                out.cell(cell, copy_str, "%s.%s" % (table, col[1].lower()), i)
        out.raw("\n")
    out.raw("\\.\n\n")
    return out


def log_file(rel, people, budget):
    """Application log lines: key=value events and free prose, about `budget` bytes."""
    out = Out(rel)
    p, r = people, people.r
    line = 0
    id_key = ("pan", "pan") if p.loc in INDIAN else ("ssn", "ssn") if p.loc == "en_US" else None
    # Each event: plain text (str), a value in prose ([generator]) or key=value ((key, generator)).
    events = [
        ["INFO [auth] login ok ", ("user_id", "msisdn"), " ", ("email", "email"), " ",
         ("ip", "ip"), " ", ("ua", "agent")],
        ["WARN [payment] declined ", ("order_id", "order_id"), " ", ("card", "card"), " ",
         ("cvv", "cvv"), " ", ("amount", "price")],
        ["INFO [profile] updated ", ("phone", "phone"), " ", ("dob", "dob"), " ",
         ("request_id", "uuid")],
        ["INFO [auth] password reset requested by ", ["name"], " <", ["email"], "> from ",
         ["ip"]],
        ["INFO [shipping] label printed for ", ["name"], ", ", ["address"], " (order ",
         ["order_id"], ")"],
        ["INFO [support] customer ", ["name"], " called from ", ["phone"], " about order ",
         ["order_id"]],
        ["DEBUG [geo] fix ", ("lat", "lat"), " ", ("lng", "lng"), " ", ("gps", "location"),
         " ", ("version", "version")],
        ["ERROR [signup] duplicate ", ("email", "email"), " ", ("password", "password"), " ",
         ("name", "name")],
        ["INFO [kyc] verified ", ("passport_no", "passport")]
        + ([" ", id_key] if id_key else []) + [" build ", ("version", "version")],
    ]
    while out.n < budget:
        line += 1
        dt = p.f.date_time_between(start_date="-1y")
        out.raw("%s.%03dZ " % (dt.replace(microsecond=0).isoformat(), r.randint(0, 999)))
        for it in r.choice(events):
            if isinstance(it, str):
                out.raw(it)
                continue
            gen = it[0] if isinstance(it, list) else it[1]
            cell = [(t.replace("\n", ", "), ty) for t, ty in getattr(p, gen)()]
            if isinstance(it, list):
                out.cell(cell, lambda s: s, None, line)
                continue
            quoted = " " in text_of(cell)
            out.raw(it[0] + "=" + ('"' if quoted else ""))
            out.cell(cell, lambda s: s, it[0], line)
            if quoted:
                out.raw('"')
        out.raw("\n")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size", type=int, default=1_000_000, help="about this many bytes")
    a = ap.parse_args()
    dump = os.path.join(a.out, "dump")
    os.makedirs(dump, exist_ok=True)
    r = random.Random(a.seed)
    per_file = a.size // (len(LOCALES) * 5)
    truth = []
    for loc in LOCALES:
        people = People(loc, a.seed, r)
        tag = loc
        for kind in ("csv", "jsonl", "mysql", "pg"):
            cols = schema(loc, r)
            rows, size = [], 0
            while size < per_file:
                cells = row(people, cols)
                rows.append(cells)
                size += sum(len(text_of(c).encode()) + 3 for c in cells if c) + 2 * len(cols)
            if kind == "csv":
                o = csv_file("users_%s.csv" % tag, people, cols, rows)
            elif kind == "jsonl":
                o = jsonl_file("profiles_%s.jsonl" % tag, people, cols, rows)
            elif kind == "mysql":
                o = mysql_file("shop_%s.sql" % tag, people, cols, rows, "customers")
            else:
                o = pg_file("crm_%s.sql" % tag, people, cols, rows, "contacts")
            o.save(dump)
            truth += o.truth
        o = log_file("app_%s.log" % tag, people, per_file)
        o.save(dump)
        truth += o.truth
    with open(os.path.join(a.out, "truth.jsonl"), "w") as fh:
        for t in truth:
            fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    print("wrote %d files to %s and %d truth entries to %s" % (
        len(LOCALES) * 5, dump, len(truth), os.path.join(a.out, "truth.jsonl")))


if __name__ == "__main__":
    main()
