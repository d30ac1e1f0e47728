//! The tabular files: `users.csv` (a header, quoted addresses with `""` escapes and the odd
//! newline, padded and missing cells, truncated rows), `contacts_noheader.csv` (no header, so
//! fields are `col1`..; only strong shapes count there) and `payments.tsv`.

use super::out::{Cell, Field, Out};
use super::values::{Country, Form, Gen, V};
use super::Writer;

/// Writes a header row.
fn header(out: &mut Out<'_>, names: &[&str], delim: u8) {
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.lit(&[delim]);
        }
        out.lit(name.as_bytes());
    }
    out.lit(b"\n");
}

/// Puts `v` in the cell, now and then between stray spaces (which stay outside the span).
fn padded(g: &mut Gen, c: &mut Cell, v: V, field: Field, clean: bool) {
    let pad = !clean && g.chance(2);
    if pad {
        c.lit(b" ");
    }
    c.val(g, v, field);
    if pad {
        c.lit(b"  ");
    }
}

/// Columns of `users.csv` (also the columns of the SQL dumps' `users` table).
pub(super) const USERS: [&str; 22] = [
    "user_id",
    "full_name",
    "email",
    "Mobile No",
    "dob",
    "gender",
    "address",
    "city",
    "pincode",
    "country",
    "national_id",
    "pan",
    "password",
    "signup_ip",
    "user_agent",
    "created_at",
    "app_version",
    "status",
    "plan",
    "passport_no",
    "updated_on",
    "notes",
];

/// `users.csv`: one user a row.
#[derive(Default)]
pub(super) struct Users {
    cell: Cell,
}

/// Whether a column that holds planted values is filled in this row: never in clean rows,
/// else `percent` times in a hundred.
fn filled(g: &mut Gen, percent: u32, clean: bool) -> bool {
    !clean && g.chance(percent)
}

impl Users {
    /// What column `name` holds for the current person; `None` leaves the cell empty.
    fn column(g: &mut Gen, name: &str, clean: bool) -> Option<V> {
        let (percent, v) = match name {
            "user_id" => return Some(V::Seq),
            "gender" => return Some(V::Gender),
            "city" => return Some(V::City),
            "country" => return Some(V::Country),
            "status" => return Some(V::Status),
            "plan" => return Some(V::Plan),
            "user_agent" => return g.chance(80).then_some(V::UserAgent),
            "full_name" => (97, V::FullName),
            "email" => (90, V::Email),
            "Mobile No" => (90, V::Phone(Form::Field)),
            "dob" => (55, V::Dob),
            "address" => (55, V::Address),
            "pincode" => (55, V::Zip),
            "national_id" => (35, V::NationalId),
            "pan" if g.person.country == Country::In => (45, V::Pan(Form::Field)),
            "password" if g.chance(4) => (100, V::MaskedPassword),
            "password" if g.chance(4) => (100, V::PasswordPlaceholder),
            "password" if g.chance(20) => (100, V::PlainPassword),
            "passport_no" => (25, V::Passport(Form::Field)),
            "updated_on" => (60, V::RecentDate),
            "password" => (70, V::Hash(Form::Field)),
            "signup_ip" => (45, V::Ip),
            "created_at" => (100, g.pick(&[V::EpochS, V::EpochS, V::EpochMs, V::IsoTime])),
            "app_version" => (35, V::Version),
            _ => return None,
        };
        filled(g, percent, clean).then_some(v)
    }

    /// The cell of column `name` for the current person, its values planted under `field`.
    pub(super) fn cell(g: &mut Gen, c: &mut Cell, name: &str, field: Field, clean: bool) {
        c.clear();
        if name == "notes" {
            Self::notes(g, c, field, clean);
        } else if let Some(v) = Self::column(g, name, clean) {
            padded(g, c, v, field, clean);
        }
    }

    /// The free-text `notes` column: strong shapes only (a notes field supports nothing).
    fn notes(g: &mut Gen, c: &mut Cell, f: Field, clean: bool) {
        if clean {
            if g.chance(50) {
                let n = 20 + g.below(60) as u16;
                c.val(g, V::Words(n), f);
            }
            return;
        }
        match g.below(100) {
            0..=44 => {}
            45..=69 => {
                let n = 4 + g.below(12) as u16;
                c.val(g, V::Words(n), f);
            }
            70..=77 => {
                c.lit(b"Called from ");
                c.val(g, V::Phone(Form::Strong), f);
                c.lit(b", wants a refund");
            }
            78..=82 => {
                c.lit(b"New email ");
                c.val(g, V::Email, f);
            }
            83..=87 => {
                c.lit(b"Order ");
                c.val(g, V::OrderId, f);
                c.lit(b" refunded, see ");
                c.val(g, V::Invoice, f);
            }
            88..=91 => {
                c.lit(b"Customer said \"");
                c.val(g, V::Words(5), f);
                c.lit(b"\" and left");
            }
            92..=96 => {
                // A quoted newline: the row goes on on the next line.
                c.val(g, V::Words(6), f);
                c.lit(b"\n");
                c.val(g, V::Words(6), f);
            }
            _ => {
                c.lit(b"Paid via ");
                c.val(g, V::Upi, f);
            }
        }
    }
}

impl Writer for Users {
    fn begin(&mut self, out: &mut Out<'_>) {
        header(out, &USERS, b',');
    }

    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        g.new_person();
        g.tick(900);
        // Now and then a row is cut short after the password column.
        let cols = if !clean && g.chance(1) {
            13
        } else {
            USERS.len()
        };
        for (i, &name) in USERS[..cols].iter().enumerate() {
            if i > 0 {
                out.lit(b",");
            }
            let c = &mut self.cell;
            Self::cell(g, c, name, Some(name), clean);
            out.csv(c, b',', false);
        }
        out.lit(b"\n");
        out.end_record();
    }
}

/// Field names of `contacts_noheader.csv`, as a scan names columns of a file without header.
pub(super) const CONTACTS: [&str; 13] = [
    "col1", "col2", "col3", "col4", "col5", "col6", "col7", "col8", "col9", "col10", "col11",
    "col12", "col13",
];

/// `contacts_noheader.csv`: an address-book export without header, text quoted throughout.
#[derive(Default)]
pub(super) struct Contacts {
    cell: Cell,
}

impl Contacts {
    /// What column `i` (0-based) holds for the current person.
    pub(super) fn column(g: &mut Gen, i: usize, clean: bool) -> Option<V> {
        let (percent, v) = match i {
            0 => return Some(V::Seq),
            7 => return Some(V::City),
            10 => return Some(V::Status),
            11 => return g.chance(60).then_some(V::Merchant),
            12 if g.chance(40) => {
                let n = 3 + g.below(8) as u16;
                return Some(V::Words(n));
            }
            1 => (95, V::GivenName),
            2 => (95, V::Surname),
            // Without a header nothing supports a weak shape: strong ones only.
            3 => (90, V::Phone(Form::Strong)),
            4 => (80, V::Email),
            5 if g.person.country == Country::In => (50, V::Upi),
            6 => (30, V::NationalId),
            8 => (100, V::EpochMs),
            9 => (30, V::InternalRef),
            _ => return None,
        };
        filled(g, percent, clean).then_some(v)
    }
}

impl Writer for Contacts {
    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        g.new_person();
        g.tick(900);
        for (i, &name) in CONTACTS.iter().enumerate() {
            if i > 0 {
                out.lit(b",");
            }
            let c = &mut self.cell;
            c.clear();
            if let Some(v) = Self::column(g, i, clean) {
                c.val(g, v, Some(name));
            }
            let text = matches!(i, 1 | 2 | 4 | 5 | 7 | 10 | 11 | 12);
            out.csv(c, b',', text && !c.is_empty());
        }
        out.lit(b"\n");
        out.end_record();
    }
}

/// Columns of `payments.tsv` (also of the SQL dumps' `payments` table).
pub(super) const PAYMENTS: [&str; 20] = [
    "txn_id",
    "order_id",
    "created_ms",
    "customer_name",
    "card_number",
    "card_last4",
    "card_masked",
    "expiry",
    "amount",
    "currency",
    "upi_id",
    "merchant",
    "description",
    "status",
    "internal_ref",
    "device_imei",
    "account_ref",
    "billing_zip",
    "ip_address",
    "ssn",
];

/// `payments.tsv`: one payment a row, by card or by UPI.
#[derive(Default)]
pub(super) struct Payments {
    cell: Cell,
}

impl Payments {
    /// What column `name` holds in a card (or UPI) payment.
    fn column(g: &mut Gen, name: &str, card: bool, clean: bool) -> Option<V> {
        let (percent, v) = match name {
            "txn_id" => return Some(V::PayId),
            "currency" => return Some(V::Currency),
            "merchant" => return Some(V::Merchant),
            "order_id" => (80, V::Order10),
            "created_ms" => (100, V::EpochMs),
            "customer_name" => (90, V::FullName),
            "card_number" if card => (95, V::Card(Form::Field)),
            "card_last4" if card => (80, V::Last4),
            "card_masked" if card => (40, V::CardMasked),
            "expiry" if card => return Some(V::Expiry),
            "amount" => (100, V::Amount),
            "upi_id" if !card => (95, V::Upi),
            "internal_ref" => (25, V::InternalRef),
            "device_imei" => (12, V::Imei),
            "account_ref" => (15, V::AccountRef),
            "billing_zip" => (40, V::Zip),
            "ip_address" => (50, V::Ip),
            "ssn" if g.person.country == Country::Us => (70, V::Ssn(Form::Field)),
            _ => return None,
        };
        filled(g, percent, clean).then_some(v)
    }
}

impl Payments {
    /// Starts a payment for a new person; returns whether it is by card (else UPI).
    pub(super) fn new_payment(g: &mut Gen) -> bool {
        g.new_person();
        g.tick(120);
        g.chance(55)
    }

    /// The cell of column `name` of the current payment, its values planted under `field`.
    pub(super) fn cell(
        g: &mut Gen,
        c: &mut Cell,
        name: &str,
        field: Field,
        card: bool,
        clean: bool,
    ) {
        c.clear();
        match name {
            "status" => {
                let status = g.pick(&["captured", "captured", "failed", "refunded", "pending"]);
                c.lit(status.as_bytes());
            }
            "description" => {
                c.lit(if card {
                    b"Card payment, "
                } else {
                    b"UPI payment, "
                });
                let n = 3 + g.below(8) as u16;
                c.val(g, V::Words(n), None);
            }
            _ => {
                if let Some(v) = Self::column(g, name, card, clean) {
                    c.val(g, v, field);
                }
            }
        }
    }
}

impl Writer for Payments {
    fn begin(&mut self, out: &mut Out<'_>) {
        header(out, &PAYMENTS, b'\t');
    }

    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        let card = Self::new_payment(g);
        for (i, &name) in PAYMENTS.iter().enumerate() {
            if i > 0 {
                out.lit(b"\t");
            }
            let c = &mut self.cell;
            Self::cell(g, c, name, Some(name), card, clean);
            out.csv(c, b'\t', false);
        }
        out.lit(b"\n");
        out.end_record();
    }
}
