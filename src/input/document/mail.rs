//! E-mail (`.eml`, `.mbox`, read with `mail-parser`): a record per message; each header a
//! field (`From`, `To`, `Subject`, `Date`, `Received`, `X-...`: one value per address, encoded
//! words decoded), the text of each body part with field `null` (HTML parts as text).
//! Signatures, message ids and MIME framing headers (`DKIM-Signature`, `Message-ID`,
//! `Content-*`, ...) are left out.

use super::{Builder, Extracted};
use mail_parser::{Address, HeaderValue, Message, MessageParser};

/// Headers that hold no personal data: signatures, message ids and MIME framing.
const LEFT_OUT: &[&str] = &[
    "message-id",
    "in-reply-to",
    "references",
    "content-type",
    "content-transfer-encoding",
    "content-disposition",
    "content-id",
    "mime-version",
    "dkim-signature",
    "arc-seal",
    "arc-message-signature",
    "x-google-dkim-signature",
];

/// One message.
pub fn eml(data: &[u8]) -> Extracted {
    let mut out = Builder::new("eml");
    message(data, &mut out);
    out.finish()
}

/// A mailbox: its messages in order (`From ` lines split them, `>From ` unquoted).
pub fn mbox(data: &[u8]) -> Extracted {
    let mut out = Builder::new("mbox");
    for message_bytes in mail_parser::mailbox::mbox::MessageIterator::new(data).flatten() {
        message(message_bytes.contents(), &mut out);
    }
    out.finish()
}

/// Hands one message's headers and body text to `out` as one record.
fn message(data: &[u8], out: &mut Builder) {
    if let Some(parsed) = MessageParser::default().parse(data) {
        headers(&parsed, data, out);
        for i in 0..parsed.text_body_count() {
            if let Some(text) = parsed.body_text(i) {
                out.value(None, &text);
            }
        }
    }
    out.end_record();
}

/// The headers of `parsed` (whose raw bytes are `data`), each as a field.
fn headers(parsed: &Message<'_>, data: &[u8], out: &mut Builder) {
    for header in parsed.headers() {
        let name = header.name.as_str();
        if LEFT_OUT.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            continue;
        }
        match &header.value {
            HeaderValue::Address(address) => {
                let addrs: Vec<_> = match address {
                    Address::List(list) => list.iter().collect(),
                    Address::Group(groups) => groups.iter().flat_map(|g| &g.addresses).collect(),
                };
                for addr in addrs {
                    let text = match (addr.name(), addr.address()) {
                        (Some(n), Some(a)) => format!("{n} <{a}>"),
                        (Some(n), None) => n.to_string(),
                        (None, Some(a)) => a.to_string(),
                        (None, None) => continue,
                    };
                    out.value(Some(name), &text);
                }
            }
            HeaderValue::Text(text) => out.value(Some(name), text),
            HeaderValue::TextList(list) => {
                for text in list {
                    out.value(Some(name), text);
                }
            }
            HeaderValue::DateTime(date) => out.value(Some(name), &date.to_rfc3339()),
            _ => {
                // Received and the like: the header as written, unfolded.
                let (start, end) = (header.offset_start as usize, header.offset_end as usize);
                if let Some(raw) = data.get(start..end) {
                    let raw = String::from_utf8_lossy(raw).replace(['\r', '\n'], " ");
                    out.value(Some(name), &raw);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{FieldRef, FieldSink, Value};

    /// (field, value, record) of every value.
    #[derive(Default)]
    struct Values(Vec<(Option<String>, String, usize)>, usize);

    impl FieldSink for Values {
        fn value(&mut self, field: FieldRef<'_>, value: Value<'_>) {
            let field = match field {
                FieldRef::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
                _ => None,
            };
            let text = String::from_utf8_lossy(value.bytes).into_owned();
            self.0.push((field, text, self.1 + 1));
        }

        fn end_record(&mut self) {
            self.1 += 1;
        }
    }

    fn values(doc: &Extracted) -> Vec<(Option<String>, String, usize)> {
        let mut all = Values::default();
        doc.tokenize(0..doc.records(), 0, &mut all);
        all.0
    }

    #[test]
    fn headers_are_fields_and_messages_records() {
        let mailbox = b"From a@example.com Tue Mar  5 10:00:00 2024\n\
            From: =?utf-8?q?Asha_Rao?= <asha@example.com>\nTo: b@example.org, c@example.org\n\
            Subject: hi\nMessage-ID: <x1@example.com>\n\nCall +91 98765 43210\n\
            >From here on\n\
            From b@example.org Tue Mar  5 11:00:00 2024\nFrom: b@example.org\nSubject: re\n\nok\n";
        let doc = mbox(mailbox);
        assert_eq!(doc.records(), 2);
        let all = values(&doc);
        let has = |field: Option<&str>, text: &str, record: usize| {
            all.iter()
                .any(|(f, t, r)| f.as_deref() == field && t.contains(text) && *r == record)
        };
        assert!(
            has(Some("From"), "Asha Rao <asha@example.com>", 1),
            "{all:?}"
        );
        assert!(has(Some("To"), "c@example.org", 1));
        assert!(has(None, "Call +91 98765 43210", 1));
        assert!(has(Some("From"), "b@example.org", 2));
        assert!(!all
            .iter()
            .any(|(f, _, _)| f.as_deref() == Some("Message-ID")));
        assert_eq!(eml(b"Subject: x\n\nbody").records(), 1);
    }
}
