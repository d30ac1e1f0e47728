//! The JSON files: `events.jsonl` (Python-style `", "` separators, non-ASCII as `\uXXXX`),
//! `mongo_customers.json` (mongoexport: compact, `$oid`/`$date`/`$numberLong` wrappers) and
//! `orders_array.json` (one pretty-printed array, `/` escaped as PHP does). Truth fields are
//! key paths: `user.email`, `addresses[].line1`, `payment.card.number`.

use super::out::{Cell, JsonStyle, Out};
use super::values::{Country, Form, Gen, V};
use super::Writer;

/// Where a generated document goes, member by member: JSON text ([`Json`]) or BSON
/// ([`super::dumps::Bson`]). The document generators ([`Mongo`]) write through it, so one
/// generator makes both a mongoexport line and a mongodump document.
pub(super) trait Doc {
    /// Opens an object (`{`) or array (`[`), as member `key` or as an array element / the
    /// top-level document (`None`).
    fn open(&mut self, out: &mut Out<'_>, key: Option<&str>, bracket: u8);
    /// Closes the innermost container with `}` or `]`.
    fn close(&mut self, out: &mut Out<'_>, bracket: u8);
    /// A string member `key` holding `v`, planted under `field`.
    fn str(&mut self, out: &mut Out<'_>, g: &mut Gen, key: &str, field: &'static str, v: V);
    /// A member `key` holding a literal JSON value (`true`, `12`, `"card"`, `["a"]`).
    fn lit(&mut self, out: &mut Out<'_>, key: &str, json: &str);
    /// A typed value as mongoexport wraps it, `{"$wrapper": v}` (`$oid`, `$date`,
    /// `$numberLong`).
    fn wrapped(
        &mut self,
        out: &mut Out<'_>,
        g: &mut Gen,
        key: &str,
        wrapper: &str,
        field: &'static str,
        v: V,
    );
    /// A date given as epoch milliseconds: `{"$date": {"$numberLong": v}}` in mongoexport.
    fn date_ms(&mut self, out: &mut Out<'_>, g: &mut Gen, key: &str, field: &'static str, v: V);
}

/// A streaming JSON writer over [`Out`]: commas, indentation and key quoting.
pub(super) struct Json {
    style: JsonStyle,
    pretty: bool,
    /// `", "` and `": "` between items, as Python writes them.
    spaced: bool,
    /// Per open container: whether it has an item yet.
    open: Vec<bool>,
    cell: Cell,
}

impl Json {
    pub(super) fn new(style: JsonStyle, pretty: bool, spaced: bool) -> Json {
        Json {
            style,
            pretty,
            spaced,
            open: Vec::new(),
            cell: Cell::default(),
        }
    }

    /// The separator and key before an item.
    pub(super) fn item(&mut self, out: &mut Out<'_>, key: Option<&str>) {
        let depth = self.open.len();
        if let Some(has) = self.open.last_mut() {
            if *has {
                out.lit(if self.spaced && !self.pretty {
                    b", "
                } else {
                    b","
                });
            }
            *has = true;
        }
        if self.pretty && depth > 0 {
            out.lit(b"\n");
            for _ in 0..depth {
                out.lit(b"  ");
            }
        }
        if let Some(k) = key {
            out.lit(b"\"");
            out.lit(k.as_bytes());
            out.lit(if self.spaced || self.pretty {
                b"\": "
            } else {
                b"\":"
            });
        }
    }

    /// Opens an object (`{`) or array (`[`).
    pub(super) fn open(&mut self, out: &mut Out<'_>, key: Option<&str>, bracket: u8) {
        self.item(out, key);
        out.lit(&[bracket]);
        self.open.push(false);
    }

    /// Closes the innermost container with `}` or `]`.
    pub(super) fn close(&mut self, out: &mut Out<'_>, bracket: u8) {
        let had_items = self.open.pop().expect("close matches an open");
        if self.pretty && had_items {
            out.lit(b"\n");
            for _ in 0..self.open.len() {
                out.lit(b"  ");
            }
        }
        out.lit(&[bracket]);
    }

    /// A string member `key` holding `v`, planted under `field`.
    pub(super) fn str(
        &mut self,
        out: &mut Out<'_>,
        g: &mut Gen,
        key: &str,
        field: &'static str,
        v: V,
    ) {
        self.cell.clear();
        self.cell.val(g, v, Some(field));
        self.item(out, Some(key));
        let mut style = self.style;
        style.escape_at = v == V::Email && g.chance(3);
        out.json_str(&self.cell, style);
    }

    /// A member `key` holding `v`: a JSON number when `v` came out as a plain decimal
    /// (digits, maybe a point) and `number_percent` says so, else a string.
    fn num_or_str(
        &mut self,
        out: &mut Out<'_>,
        g: &mut Gen,
        key: &str,
        field: &'static str,
        v: V,
        number_percent: u32,
    ) {
        self.cell.clear();
        self.cell.val(g, v, Some(field));
        self.item(out, Some(key));
        let numeric = self
            .cell
            .bytes()
            .iter()
            .all(|&c| c.is_ascii_digit() || c == b'.');
        if numeric && g.chance(number_percent) {
            out.raw(&self.cell);
        } else {
            out.json_str(&self.cell, self.style);
        }
    }

    /// A member `key` holding a literal JSON value (`true`, `12`, `"card"`).
    pub(super) fn lit(&mut self, out: &mut Out<'_>, key: &str, json: &str) {
        self.item(out, Some(key));
        out.lit(json.as_bytes());
    }

    /// `{"$wrapper": v}` (mongoexport's typed values).
    fn wrap(
        &mut self,
        out: &mut Out<'_>,
        g: &mut Gen,
        key: &str,
        wrapper: &str,
        field: &'static str,
        v: V,
    ) {
        self.open(out, Some(key), b'{');
        self.str(out, g, wrapper, field, v);
        self.close(out, b'}');
    }
}

impl Doc for Json {
    fn open(&mut self, out: &mut Out<'_>, key: Option<&str>, bracket: u8) {
        Json::open(self, out, key, bracket)
    }

    fn close(&mut self, out: &mut Out<'_>, bracket: u8) {
        Json::close(self, out, bracket)
    }

    fn str(&mut self, out: &mut Out<'_>, g: &mut Gen, key: &str, field: &'static str, v: V) {
        Json::str(self, out, g, key, field, v)
    }

    fn lit(&mut self, out: &mut Out<'_>, key: &str, json: &str) {
        Json::lit(self, out, key, json)
    }

    fn wrapped(
        &mut self,
        out: &mut Out<'_>,
        g: &mut Gen,
        key: &str,
        wrapper: &str,
        field: &'static str,
        v: V,
    ) {
        self.wrap(out, g, key, wrapper, field, v)
    }

    fn date_ms(&mut self, out: &mut Out<'_>, g: &mut Gen, key: &str, field: &'static str, v: V) {
        Json::open(self, out, Some(key), b'{');
        self.wrap(out, g, "$date", "$numberLong", field, v);
        Json::close(self, out, b'}');
    }
}

/// `events.jsonl`: application events, one JSON document a line.
pub(super) struct Events {
    json: Json,
}

impl Default for Events {
    fn default() -> Events {
        let style = JsonStyle {
            ensure_ascii: true,
            ..JsonStyle::default()
        };
        Events {
            json: Json::new(style, false, true),
        }
    }
}

impl Events {
    fn head(&mut self, out: &mut Out<'_>, g: &mut Gen, kind: &str) {
        let j = &mut self.json;
        j.open(out, None, b'{');
        j.str(out, g, "event_id", "event_id", V::Uuid);
        j.num_or_str(out, g, "ts", "ts", V::EpochMs, 100);
        j.item(out, Some("type"));
        out.lit(b"\"");
        out.lit(kind.as_bytes());
        out.lit(b"\"");
    }

    fn user(&mut self, out: &mut Out<'_>, g: &mut Gen, name: bool, email: bool) {
        let j = &mut self.json;
        j.open(out, Some("user"), b'{');
        j.num_or_str(out, g, "id", "user.id", V::Seq, 100);
        if name {
            j.str(out, g, "name", "user.name", V::FullName);
        }
        if email && g.chance(95) {
            j.str(out, g, "email", "user.email", V::Email);
        }
        j.close(out, b'}');
    }
}

impl Writer for Events {
    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        self.doc(g, out, clean);
        out.lit(b"\n");
        out.end_record();
    }
}

impl Events {
    /// One event document, without its line end (also the `_source` of the Elasticsearch
    /// exports).
    pub(super) fn doc(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        g.new_person();
        g.tick(30);
        if clean {
            let j = &mut self.json;
            j.open(out, None, b'{');
            j.str(out, g, "ts", "ts", V::IsoTime);
            j.lit(out, "type", "\"page_view\"");
            j.item(out, Some("path"));
            out.lit(b"\"/products/");
            j.cell.clear();
            j.cell.val(g, V::Small(5000), None);
            out.raw(&j.cell);
            out.lit(b"\"");
            j.lit(out, "duration_ms", "35");
        } else {
            match g.below(100) {
                0..=29 => {
                    self.head(out, g, "login");
                    self.user(out, g, true, true);
                    let j = &mut self.json;
                    j.str(out, g, "ip", "ip", V::Ip);
                    if g.chance(10) {
                        j.str(out, g, "password", "password", V::PlainPassword);
                    }
                    if g.chance(50) {
                        j.open(out, Some("device"), b'{');
                        j.str(out, g, "imei", "device.imei", V::Imei);
                        j.str(out, g, "app_version", "device.app_version", V::Version);
                        j.close(out, b'}');
                    }
                }
                30..=44 => {
                    self.head(out, g, "kyc_submitted");
                    self.user(out, g, true, false);
                    let j = &mut self.json;
                    j.open(out, Some("kyc"), b'{');
                    match g.person.country {
                        Country::In => {
                            let v = V::Aadhaar(Form::Field);
                            j.num_or_str(out, g, "aadhaar", "kyc.aadhaar", v, 30);
                            j.str(out, g, "pan", "kyc.pan", V::Pan(Form::Field));
                        }
                        Country::Sg => j.str(out, g, "nric", "kyc.nric", V::Nric),
                        Country::Us => j.str(out, g, "ssn", "kyc.ssn", V::Ssn(Form::Field)),
                        Country::Gb => j.lit(out, "status", "\"manual_review\""),
                    }
                    j.str(out, g, "dob", "kyc.dob", V::Dob);
                    if g.chance(35) {
                        let v = V::Passport(Form::Field);
                        j.str(out, g, "passport_no", "kyc.passport_no", v);
                    }
                    j.close(out, b'}');
                }
                45..=64 => {
                    self.head(out, g, "payment");
                    let j = &mut self.json;
                    j.str(out, g, "order_id", "order_id", V::OrderId);
                    j.num_or_str(out, g, "amount", "amount", V::Amount, 100);
                    j.open(out, Some("payment"), b'{');
                    if g.chance(55) {
                        j.lit(out, "method", "\"card\"");
                        j.open(out, Some("card"), b'{');
                        j.str(
                            out,
                            g,
                            "number",
                            "payment.card.number",
                            V::Card(Form::Field),
                        );
                        j.str(out, g, "last4", "payment.card.last4", V::Last4);
                        j.str(out, g, "expiry", "payment.card.expiry", V::Expiry);
                        j.close(out, b'}');
                    } else {
                        j.lit(out, "method", "\"upi\"");
                        j.str(out, g, "upi_id", "payment.upi_id", V::Upi);
                    }
                    j.close(out, b'}');
                }
                65..=79 => {
                    self.head(out, g, "profile_update");
                    self.user(out, g, false, false);
                    let j = &mut self.json;
                    j.open(out, Some("changes"), b'{');
                    j.num_or_str(out, g, "phone", "changes.phone", V::Phone(Form::Field), 30);
                    if g.chance(70) {
                        j.str(out, g, "address", "changes.address", V::Address);
                    }
                    j.close(out, b'}');
                }
                80..=89 => {
                    self.head(out, g, "signup");
                    self.user(out, g, true, true);
                    let j = &mut self.json;
                    j.str(out, g, "phone", "phone", V::Phone(Form::Field));
                    j.str(
                        out,
                        g,
                        "password_hash",
                        "password_hash",
                        V::Hash(Form::Field),
                    );
                    j.str(out, g, "ip", "ip", V::Ip);
                }
                _ => {
                    self.head(out, g, "support_message");
                    self.user(out, g, false, false);
                    let j = &mut self.json;
                    // A message field supports nothing: strong shapes only.
                    j.cell.clear();
                    let f = Some("message");
                    match g.below(3) {
                        0 => {
                            j.cell.lit(b"customer called from ");
                            j.cell.val(g, V::Phone(Form::Strong), f);
                            j.cell.lit(b" about a refund");
                        }
                        1 => {
                            j.cell.lit(b"kyc docs: aadhaar ");
                            j.cell.val(g, V::Aadhaar(Form::Strong), f);
                            j.cell.lit(b", pan ");
                            j.cell.val(g, V::Pan(Form::Strong), f);
                        }
                        _ => {
                            j.cell.lit(b"card ");
                            j.cell.val(g, V::Card(Form::Strong), f);
                            j.cell.lit(b" charged twice / see \"dispute\"");
                        }
                    }
                    j.item(out, Some("message"));
                    out.json_str(&j.cell, j.style);
                }
            }
        }
        self.json.close(out, b'}');
    }
}

/// `mongo_customers.json`: a mongoexport of a customers collection.
pub(super) struct Mongo {
    json: Json,
}

impl Default for Mongo {
    fn default() -> Mongo {
        Mongo {
            json: Json::new(JsonStyle::default(), false, false),
        }
    }
}

/// One customer document (of `mongo_customers.json` and of the mongodump `db/users.bson`).
pub(super) fn customer(j: &mut impl Doc, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
    g.new_person();
    g.tick(600);
    j.open(out, None, b'{');
    j.wrapped(out, g, "_id", "$oid", "_id.$oid", V::ObjectId);
    if clean {
        j.lit(out, "status", "\"inactive\"");
        j.lit(out, "tags", "[\"newsletter\"]");
        j.wrapped(out, g, "createdAt", "$date", "createdAt.$date", V::IsoTime);
    } else {
        j.wrapped(
            out,
            g,
            "customer_id",
            "$numberLong",
            "customer_id.$numberLong",
            V::Seq,
        );
        j.open(out, Some("name"), b'{');
        j.str(out, g, "first", "name.first", V::GivenName);
        j.str(out, g, "last", "name.last", V::Surname);
        j.close(out, b'}');
        if g.chance(95) {
            j.str(out, g, "email", "email", V::Email);
        }
        j.str(out, g, "mobile", "mobile", V::Phone(Form::Field));
        j.str(out, g, "dob", "dob", V::Dob);
        match g.person.country {
            Country::In => {
                j.str(out, g, "aadhaar_no", "aadhaar_no", V::Aadhaar(Form::Field));
                j.str(out, g, "pan", "pan", V::Pan(Form::Field));
                if g.chance(40) {
                    j.str(out, g, "upi_id", "upi_id", V::Upi);
                }
            }
            Country::Sg => j.str(out, g, "nric", "nric", V::Nric),
            Country::Us => j.str(out, g, "ssn", "ssn", V::Ssn(Form::Field)),
            Country::Gb => {}
        }
        j.open(out, Some("addresses"), b'[');
        j.open(out, None, b'{');
        j.lit(out, "type", "\"home\"");
        j.str(out, g, "line1", "addresses[].line1", V::Address);
        j.str(out, g, "city", "addresses[].city", V::City);
        j.str(out, g, "pincode", "addresses[].pincode", V::Zip);
        j.close(out, b'}');
        j.close(out, b']');
        if g.chance(50) {
            j.open(out, Some("cards"), b'[');
            for _ in 0..1 + g.below(2) {
                j.open(out, None, b'{');
                j.str(out, g, "number", "cards[].number", V::Card(Form::Field));
                j.str(out, g, "last4", "cards[].last4", V::Last4);
                j.str(out, g, "expiry", "cards[].expiry", V::Expiry);
                j.close(out, b'}');
            }
            j.close(out, b']');
        }
        j.str(out, g, "password", "password", V::Hash(Form::Field));
        j.str(out, g, "last_login_ip", "last_login_ip", V::Ip);
        if g.chance(30) {
            j.str(out, g, "account_ref", "account_ref", V::AccountRef);
        }
        if g.chance(10) {
            j.str(out, g, "gstin", "gstin", V::Gstin);
        }
        j.wrapped(out, g, "createdAt", "$date", "createdAt.$date", V::IsoTime);
        j.date_ms(
            out,
            g,
            "updatedAt",
            "updatedAt.$date.$numberLong",
            V::EpochMs,
        );
    }
    j.close(out, b'}');
}

impl Writer for Mongo {
    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        customer(&mut self.json, g, out, clean);
        out.lit(b"\n");
        out.end_record();
    }
}

/// `orders_array.json`: an export of orders as one pretty-printed JSON array.
pub(super) struct Orders {
    json: Json,
}

impl Default for Orders {
    fn default() -> Orders {
        let style = JsonStyle {
            escape_slash: true,
            ..JsonStyle::default()
        };
        Orders {
            json: Json::new(style, true, false),
        }
    }
}

impl Writer for Orders {
    fn begin(&mut self, out: &mut Out<'_>) {
        self.json.open(out, None, b'[');
    }

    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        g.new_person();
        g.tick(900);
        let j = &mut self.json;
        j.open(out, None, b'{');
        if clean {
            j.lit(out, "status", "\"draft\"");
            j.open(out, Some("items"), b'[');
            j.close(out, b']');
            let n = 20 + g.below(40) as u16;
            j.str(out, g, "notes", "notes", V::Words(n));
        } else {
            j.str(out, g, "order_id", "order_id", V::OrderId);
            j.str(out, g, "invoice_no", "invoice_no", V::Invoice);
            j.num_or_str(out, g, "created_at", "created_at", V::EpochS, 100);
            j.open(out, Some("customer"), b'{');
            j.str(out, g, "name", "customer.name", V::FullName);
            if g.chance(95) {
                j.str(out, g, "email", "customer.email", V::Email);
            }
            j.str(out, g, "phone", "customer.phone", V::Phone(Form::Field));
            j.close(out, b'}');
            j.open(out, Some("shipping"), b'{');
            j.str(out, g, "address", "shipping.address", V::Address);
            j.str(out, g, "pincode", "shipping.pincode", V::Zip);
            j.close(out, b'}');
            j.open(out, Some("items"), b'[');
            for _ in 0..1 + g.below(3) {
                j.open(out, None, b'{');
                j.str(out, g, "sku", "items[].sku", V::Sku);
                j.num_or_str(out, g, "qty", "items[].qty", V::Small(5), 100);
                j.num_or_str(out, g, "price", "items[].price", V::Amount, 100);
                j.close(out, b'}');
            }
            j.close(out, b']');
            j.open(out, Some("payment"), b'{');
            match g.below(3) {
                0 => {
                    j.lit(out, "method", "\"card\"");
                    j.str(out, g, "card_masked", "payment.card_masked", V::CardMasked);
                }
                1 => {
                    j.lit(out, "method", "\"upi\"");
                    j.str(out, g, "upi_id", "payment.upi_id", V::Upi);
                }
                _ => j.lit(out, "method", "\"cod\""),
            }
            j.close(out, b'}');
            if g.chance(20) {
                j.str(out, g, "gstin", "gstin", V::Gstin);
            }
            j.num_or_str(out, g, "total", "total", V::Amount, 100);
        }
        j.close(out, b'}');
        out.end_record();
    }

    fn end(&mut self, out: &mut Out<'_>) {
        self.json.close(out, b']');
        out.lit(b"\n");
    }
}
