//! The text files: `app.log` (`key=value` lines, free-text messages, access-log lines, stack
//! traces) and `notes.txt` (support tickets and chat, some in Tamil or Devanagari). A record
//! is a line.
//!
//! Free text carries weak shapes only right after a keyword of their type (`mobile 98765...`,
//! `card no. 4111...`); decoys stand where no keyword is within 32 bytes before them, and in
//! `key=value` lines they come before any personal-data key for the same reason.

use super::identity;
use super::out::{Cell, Out};
use super::people;
use super::values::{Country, Form, Gen, V};
use super::Writer;

/// `app.log`: an application log.
#[derive(Default)]
pub(super) struct Log {
    cell: Cell,
}

impl Log {
    /// A line with personal data or decoys in it.
    fn planted(g: &mut Gen, c: &mut Cell) {
        match g.below(23) {
            0 => {
                c.phrase(g, b" INFO auth login ok user=u", V::Seq, b"");
                c.kv(g, "email", V::Email);
                c.kv(g, "ip", V::Ip);
                c.kv(g, "phone", V::Phone(Form::Field));
            }
            1 => {
                c.lit(b" WARN payments declined");
                c.kv(g, "order_id", V::Order10);
                c.kv(g, "amount", V::Amount);
                c.kv(g, "card", V::Card(Form::Field));
            }
            2 => {
                c.lit(b" INFO payments collect request");
                c.kv(g, "txn", V::Uuid);
                c.kv(g, "upi", V::Upi);
            }
            3 => {
                c.phrase(g, b" INFO kyc verified user=u", V::Seq, b"");
                match g.person.country {
                    Country::In => {
                        c.kv(g, "aadhaar", V::Aadhaar(Form::Field));
                        c.kv(g, "pan", V::Pan(Form::Strong));
                    }
                    Country::Sg => c.kv(g, "nric", V::Nric),
                    Country::Us => c.kv(g, "ssn", V::Ssn(Form::Field)),
                    Country::Gb => c.kv(g, "dob", V::Dob),
                }
            }
            4 => {
                c.phrase(g, b" DEBUG auth password changed user=u", V::Seq, b"");
                c.kv(g, "password_hash", V::Hash(Form::Field));
            }
            5 => {
                c.phrase(g, b" INFO profile updated user=u", V::Seq, b"");
                c.kv(g, "name", V::FullName);
                c.kv(g, "dob", V::Dob);
            }
            6 => {
                c.phrase(
                    g,
                    b" INFO support customer called from ",
                    V::Phone(Form::Strong),
                    b" regarding refund",
                );
            }
            7 => {
                c.phrase(g, b" INFO mailer receipt sent to ", V::Email, b"");
            }
            8 => {
                c.phrase(
                    g,
                    b" ERROR kyc mismatch for aadhaar ",
                    V::Aadhaar(Form::Strong),
                    b" and PAN ",
                );
                c.val(g, V::Pan(Form::Strong), None);
            }
            9 => {
                c.phrase(
                    g,
                    b" INFO payments refund to card ",
                    V::Card(Form::Strong),
                    b" initiated",
                );
            }
            10 => {
                c.phrase(g, b" WARN security failed login from ", V::Ip, b" for ");
                c.val(g, V::Email, None);
            }
            11 => {
                c.phrase(
                    g,
                    b" INFO sms otp sent to mobile ",
                    V::Phone(Form::Bare),
                    b"",
                );
            }
            12 => {
                c.phrase(
                    g,
                    b" INFO access ",
                    V::Ip,
                    b" - - \"GET /account/settings HTTP/1.1\" 200 ",
                );
                c.val(g, V::Small(9000), None);
            }
            13 => {
                c.lit(b" INFO orders created");
                c.kv(g, "order_id", V::OrderId);
                c.kv(g, "invoice", V::Invoice);
                c.kv(g, "sku", V::Sku);
                c.kv(g, "total", V::Amount);
            }
            14 => {
                c.lit(b" DEBUG device registered");
                c.kv(g, "imei", V::Imei);
                c.kv(g, "app_version", V::Version);
            }
            15 => {
                c.lit(b" INFO settlement");
                c.kv(g, "account_ref", V::AccountRef);
                c.kv(g, "gstin", V::Gstin);
                c.kv(g, "internal_ref", V::InternalRef);
            }
            16 => {
                c.lit(b" DEBUG request");
                c.kv(g, "request_id", V::Uuid);
                c.kv(g, "ts", V::EpochS);
            }
            17 => {
                c.phrase(g, b" INFO deploy commit ", V::Sha1, b" build ");
                c.val(g, V::Version, None);
            }
            18 => {
                c.phrase(g, b" INFO batch ", V::InternalRef, b" processed");
            }
            20 | 21 => identity::log_line(g, c),
            19 => {
                c.lit(b" INFO checkout");
                c.kv(g, "order_id", V::Order10);
                c.kv(g, "ts", V::EpochMs);
                c.kv(g, "email", V::Email);
                c.kv(g, "phone", V::Phone(Form::Field));
            }
            _ => {
                c.lit(b" ERROR storage checksum mismatch");
                c.kv(g, "checksum", V::Sha256);
            }
        }
    }

    /// A line without anything planted; returns whether a stack trace follows.
    fn clean(g: &mut Gen, c: &mut Cell) -> bool {
        match g.below(5) {
            0 => {
                c.phrase(
                    g,
                    b" INFO http GET /api/v1/products?page=",
                    V::Small(50),
                    b" 200 ",
                );
                c.val(g, V::Small(900), None);
                c.lit(b"ms");
            }
            1 => {
                c.phrase(
                    g,
                    b" DEBUG cache warmed entries=",
                    V::Small(90_000),
                    b" took_ms=",
                );
                c.val(g, V::Small(900), None);
            }
            2 => {
                c.phrase(g, b" INFO scheduler tick jobs=", V::Small(40), b"");
            }
            3 => {
                c.phrase(
                    g,
                    b" WARN worker slow upstream after ",
                    V::Small(9000),
                    b"ms",
                );
            }
            _ => {
                c.lit(b" ERROR worker task failed, retrying");
                return true;
            }
        }
        false
    }
}

impl Writer for Log {
    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        g.new_person();
        g.tick(5);
        let c = &mut self.cell;
        c.clear();
        c.val(g, V::IsoTime, None);
        let trace = if clean {
            Self::clean(g, c)
        } else {
            Self::planted(g, c);
            false
        };
        out.raw(c);
        out.lit(b"\n");
        out.end_record();
        if trace {
            for _ in 0..2 + g.below(3) {
                out.lit(b"    at com.example.orders.Worker.run(Worker.java:");
                c.clear();
                c.val(g, V::Small(900), None);
                out.raw(c);
                out.lit(b")\n");
                out.end_record();
            }
        }
    }
}

/// `notes.txt`: support tickets, a few lines each, a blank line between tickets.
#[derive(Default)]
pub(super) struct Notes {
    cell: Cell,
}

impl Notes {
    /// What the customer wrote.
    fn customer(g: &mut Gen, c: &mut Cell) {
        match g.below(31) {
            0 => {
                c.phrase(
                    g,
                    b"hi, my aadhaar is ",
                    V::Aadhaar(Form::Strong),
                    b", the app says invalid",
                );
            }
            1 => {
                c.phrase(
                    g,
                    b"aadhaar no ",
                    V::Aadhaar(Form::Bare),
                    b" pls update kyc",
                );
            }
            2 => {
                c.phrase(
                    g,
                    b"please call me on ",
                    V::Phone(Form::Strong),
                    b" after 6pm",
                );
            }
            3 => {
                c.phrase(
                    g,
                    b"my mobile ",
                    V::Phone(Form::Bare),
                    b" is not getting the otp",
                );
            }
            4 => {
                c.phrase(g, b"ph ", V::Phone(Form::Bare), b"");
            }
            5 => {
                c.phrase(g, b"card ", V::Card(Form::Strong), b" was charged twice");
            }
            6 => {
                c.phrase(g, b"refund to card no. ", V::Card(Form::Bare), b" please");
            }
            7 => {
                c.phrase(g, b"card ending ", V::CardMasked, b" declined at checkout");
            }
            8 => {
                c.phrase(g, b"my PAN is ", V::Pan(Form::Strong), b"");
            }
            9 => {
                c.phrase(g, b"NRIC ", V::Nric, b" for verification");
            }
            10 => {
                c.phrase(g, b"my SSN is ", V::Ssn(Form::Strong), b"");
            }
            11 => {
                c.phrase(g, b"SSN ", V::Ssn(Form::Bare), b" for the tax form");
            }
            12 => {
                c.phrase(g, b"email me at ", V::Email, b"");
            }
            13 => {
                c.phrase(g, b"paid via upi to ", V::Upi, b" but order not confirmed");
            }
            14 => {
                c.phrase(g, b"I logged in from ", V::Ip, b" and got locked out");
            }
            15 => {
                c.lit("नमस्ते, मेरा आधार ".as_bytes());
                c.val(g, V::Aadhaar(Form::Strong), None);
                c.lit(" है, कृपया अपडेट करें".as_bytes());
            }
            16 => {
                c.lit("வணக்கம், என் மொபைல் ".as_bytes());
                c.val(g, V::Phone(Form::Strong), None);
            }
            17 => {
                c.phrase(g, b"order ", V::OrderId, b" still not delivered, invoice ");
                c.val(g, V::Invoice, None);
            }
            18 => {
                c.phrase(g, b"refund of Rs ", V::Amount, b" for order ");
                c.val(g, V::Order10, None);
                c.lit(b" is pending");
            }
            19 => {
                c.phrase(g, b"app version ", V::Version, b" keeps crashing");
            }
            20 => {
                c.phrase(g, b"GSTIN ", V::Gstin, b" on the invoice is wrong");
            }
            21 => {
                c.phrase(g, b"device IMEI ", V::Imei, b" blocked after update");
            }
            22 => {
                c.phrase(g, b"reference ", V::AccountRef, b" from the bank statement");
            }
            24 | 25 => identity::note(g, c),
            23 => {
                c.phrase(g, b"batch ", V::InternalRef, b" failed at ");
                c.val(g, V::EpochS, None);
            }
            27..=30 => people::customer(g, c),
            _ => {
                c.phrase(g, b"tracking ", V::Uuid, b" shows delivered");
            }
        }
        if g.chance(30) {
            c.lit(b". ");
            let n = 5 + g.below(15) as u16;
            c.val(g, V::Words(n), None);
        }
    }

    /// What the agent answered: now and then the customer's details, in strong shapes.
    fn agent(g: &mut Gen, c: &mut Cell) {
        match g.below(13) {
            0 => {
                c.phrase(
                    g,
                    b"we have updated your number to ",
                    V::Phone(Form::Strong),
                    b"",
                );
            }
            1 => {
                c.phrase(g, b"your registered email is ", V::Email, b"");
            }
            10..=12 => people::agent(g, c),
            2..=5 => {
                let n = 2 + g.below(4) as u16;
                c.val(g, V::Words(n), None);
            }
            _ => {
                c.lit(b"Thanks, ");
                let n = 6 + g.below(10) as u16;
                c.val(g, V::Words(n), None);
            }
        }
    }
}

impl Writer for Notes {
    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        g.new_person();
        let ticket = 10_000 + u64::from(g.below(90_000));
        let c = &mut self.cell;
        for k in 0..2 + g.below(3) {
            g.tick(600);
            c.clear();
            c.phrase(g, b"[", V::ShortTime, b"] #");
            c.num(ticket);
            if clean {
                c.lit(b" note> ");
                let n = 40 + g.below(160) as u16;
                c.val(g, V::Words(n), None);
            } else if k == 0 || g.chance(60) {
                c.lit(b" customer> ");
                Self::customer(g, c);
            } else {
                c.lit(b" agent> ");
                Self::agent(g, c);
            }
            out.raw(c);
            out.lit(b"\n");
            out.end_record();
        }
        out.lit(b"\n");
        out.end_record();
    }
}
