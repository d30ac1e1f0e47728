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
                c.lit(b" INFO auth login ok user=u");
                c.val(g, V::Seq, None);
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
                c.lit(b" INFO kyc verified user=u");
                c.val(g, V::Seq, None);
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
                c.lit(b" DEBUG auth password changed user=u");
                c.val(g, V::Seq, None);
                c.kv(g, "password_hash", V::Hash(Form::Field));
            }
            5 => {
                c.lit(b" INFO profile updated user=u");
                c.val(g, V::Seq, None);
                c.kv(g, "name", V::FullName);
                c.kv(g, "dob", V::Dob);
            }
            6 => {
                c.lit(b" INFO support customer called from ");
                c.val(g, V::Phone(Form::Strong), None);
                c.lit(b" regarding refund");
            }
            7 => {
                c.lit(b" INFO mailer receipt sent to ");
                c.val(g, V::Email, None);
            }
            8 => {
                c.lit(b" ERROR kyc mismatch for aadhaar ");
                c.val(g, V::Aadhaar(Form::Strong), None);
                c.lit(b" and PAN ");
                c.val(g, V::Pan(Form::Strong), None);
            }
            9 => {
                c.lit(b" INFO payments refund to card ");
                c.val(g, V::Card(Form::Strong), None);
                c.lit(b" initiated");
            }
            10 => {
                c.lit(b" WARN security failed login from ");
                c.val(g, V::Ip, None);
                c.lit(b" for ");
                c.val(g, V::Email, None);
            }
            11 => {
                c.lit(b" INFO sms otp sent to mobile ");
                c.val(g, V::Phone(Form::Bare), None);
            }
            12 => {
                c.lit(b" INFO access ");
                c.val(g, V::Ip, None);
                c.lit(b" - - \"GET /account/settings HTTP/1.1\" 200 ");
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
                c.lit(b" INFO deploy commit ");
                c.val(g, V::Sha1, None);
                c.lit(b" build ");
                c.val(g, V::Version, None);
            }
            18 => {
                c.lit(b" INFO batch ");
                c.val(g, V::InternalRef, None);
                c.lit(b" processed");
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
                c.lit(b" INFO http GET /api/v1/products?page=");
                c.val(g, V::Small(50), None);
                c.lit(b" 200 ");
                c.val(g, V::Small(900), None);
                c.lit(b"ms");
            }
            1 => {
                c.lit(b" DEBUG cache warmed entries=");
                c.val(g, V::Small(90_000), None);
                c.lit(b" took_ms=");
                c.val(g, V::Small(900), None);
            }
            2 => {
                c.lit(b" INFO scheduler tick jobs=");
                c.val(g, V::Small(40), None);
            }
            3 => {
                c.lit(b" WARN worker slow upstream after ");
                c.val(g, V::Small(9000), None);
                c.lit(b"ms");
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
                c.lit(b"hi, my aadhaar is ");
                c.val(g, V::Aadhaar(Form::Strong), None);
                c.lit(b", the app says invalid");
            }
            1 => {
                c.lit(b"aadhaar no ");
                c.val(g, V::Aadhaar(Form::Bare), None);
                c.lit(b" pls update kyc");
            }
            2 => {
                c.lit(b"please call me on ");
                c.val(g, V::Phone(Form::Strong), None);
                c.lit(b" after 6pm");
            }
            3 => {
                c.lit(b"my mobile ");
                c.val(g, V::Phone(Form::Bare), None);
                c.lit(b" is not getting the otp");
            }
            4 => {
                c.lit(b"ph ");
                c.val(g, V::Phone(Form::Bare), None);
            }
            5 => {
                c.lit(b"card ");
                c.val(g, V::Card(Form::Strong), None);
                c.lit(b" was charged twice");
            }
            6 => {
                c.lit(b"refund to card no. ");
                c.val(g, V::Card(Form::Bare), None);
                c.lit(b" please");
            }
            7 => {
                c.lit(b"card ending ");
                c.val(g, V::CardMasked, None);
                c.lit(b" declined at checkout");
            }
            8 => {
                c.lit(b"my PAN is ");
                c.val(g, V::Pan(Form::Strong), None);
            }
            9 => {
                c.lit(b"NRIC ");
                c.val(g, V::Nric, None);
                c.lit(b" for verification");
            }
            10 => {
                c.lit(b"my SSN is ");
                c.val(g, V::Ssn(Form::Strong), None);
            }
            11 => {
                c.lit(b"SSN ");
                c.val(g, V::Ssn(Form::Bare), None);
                c.lit(b" for the tax form");
            }
            12 => {
                c.lit(b"email me at ");
                c.val(g, V::Email, None);
            }
            13 => {
                c.lit(b"paid via upi to ");
                c.val(g, V::Upi, None);
                c.lit(b" but order not confirmed");
            }
            14 => {
                c.lit(b"I logged in from ");
                c.val(g, V::Ip, None);
                c.lit(b" and got locked out");
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
                c.lit(b"order ");
                c.val(g, V::OrderId, None);
                c.lit(b" still not delivered, invoice ");
                c.val(g, V::Invoice, None);
            }
            18 => {
                c.lit(b"refund of Rs ");
                c.val(g, V::Amount, None);
                c.lit(b" for order ");
                c.val(g, V::Order10, None);
                c.lit(b" is pending");
            }
            19 => {
                c.lit(b"app version ");
                c.val(g, V::Version, None);
                c.lit(b" keeps crashing");
            }
            20 => {
                c.lit(b"GSTIN ");
                c.val(g, V::Gstin, None);
                c.lit(b" on the invoice is wrong");
            }
            21 => {
                c.lit(b"device IMEI ");
                c.val(g, V::Imei, None);
                c.lit(b" blocked after update");
            }
            22 => {
                c.lit(b"reference ");
                c.val(g, V::AccountRef, None);
                c.lit(b" from the bank statement");
            }
            24 | 25 => identity::note(g, c),
            23 => {
                c.lit(b"batch ");
                c.val(g, V::InternalRef, None);
                c.lit(b" failed at ");
                c.val(g, V::EpochS, None);
            }
            27..=30 => people::customer(g, c),
            _ => {
                c.lit(b"tracking ");
                c.val(g, V::Uuid, None);
                c.lit(b" shows delivered");
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
                c.lit(b"we have updated your number to ");
                c.val(g, V::Phone(Form::Strong), None);
            }
            1 => {
                c.lit(b"your registered email is ");
                c.val(g, V::Email, None);
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
            c.lit(b"[");
            c.val(g, V::ShortTime, None);
            c.lit(b"] #");
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
