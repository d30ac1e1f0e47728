//! Database exports: a `mongodump` folder (`db/users.bson` and `db/users.metadata.json`), an
//! Elasticsearch `_bulk` body (`es_bulk.ndjson`) and `elasticdump` output
//! (`es_dump.json`).
//!
//! The documents come from the generators of [`super::json`]: the customer documents of the
//! mongoexport file, written as BSON through [`Bson`], and the event documents of
//! `events.jsonl` as the Elasticsearch sources. Truth fields are the key paths a scan
//! reports: `name.first`, `cards[].number` in BSON, the `_source` fields without their
//! prefix in Elasticsearch, and `_id` where an e-mail address is a document's id.

use super::json::{customer, Doc, Events, Json};
use super::out::{Cell, JsonStyle, Out};
use super::values::{Gen, V};
use super::Writer;

/// A BSON writer over [`Out`]: length prefixes patched when a container closes.
#[derive(Default)]
pub(super) struct Bson {
    /// Per open container: the offset of its length prefix, and the next array index (for
    /// an array) or `None` (for a document).
    open: Vec<(u64, Option<u32>)>,
    cell: Cell,
}

impl Bson {
    /// Writes an element's type byte and key (an array element's index as its key).
    fn element(&mut self, out: &mut Out<'_>, ty: u8, key: &str) {
        out.lit(&[ty]);
        match self.open.last_mut() {
            Some((_, Some(index))) => {
                out.lit(index.to_string().as_bytes());
                *index += 1;
            }
            _ => out.lit(key.as_bytes()),
        }
        out.lit(b"\0");
    }

    /// A string element holding the cell.
    fn string(&mut self, out: &mut Out<'_>, key: &str) {
        self.element(out, 0x02, key);
        let len = self.cell.bytes().len() as i32 + 1;
        out.lit(&len.to_le_bytes());
        out.raw(&self.cell);
        out.lit(b"\0");
    }

    /// The cell's digits as a number (0 when it holds none).
    fn number(&self) -> i64 {
        let digits = self.cell.bytes().iter().filter(|b| b.is_ascii_digit());
        digits.fold(0i64, |n, d| {
            n.wrapping_mul(10).wrapping_add(i64::from(d - b'0'))
        })
    }
}

impl Doc for Bson {
    fn open(&mut self, out: &mut Out<'_>, key: Option<&str>, bracket: u8) {
        if !self.open.is_empty() {
            let ty = if bracket == b'[' { 0x04 } else { 0x03 };
            self.element(out, ty, key.unwrap_or_default());
        }
        self.open.push((out.pos(), (bracket == b'[').then_some(0)));
        out.lit(&[0; 4]);
    }

    fn close(&mut self, out: &mut Out<'_>, _bracket: u8) {
        out.lit(b"\0");
        let (start, _) = self.open.pop().expect("close matches an open");
        let len = (out.pos() - start) as i32;
        out.patch(start, &len.to_le_bytes());
    }

    fn str(&mut self, out: &mut Out<'_>, g: &mut Gen, key: &str, field: &'static str, v: V) {
        self.cell.clear();
        self.cell.val(g, v, Some(field));
        self.string(out, key);
    }

    fn lit(&mut self, out: &mut Out<'_>, key: &str, json: &str) {
        if let Some(items) = json.strip_prefix('[').and_then(|j| j.strip_suffix(']')) {
            self.open(out, Some(key), b'[');
            for item in items.split(',').filter(|i| !i.is_empty()) {
                self.lit(out, "", item);
            }
            self.close(out, b']');
        } else if let Some(text) = json.strip_prefix('"').and_then(|j| j.strip_suffix('"')) {
            self.cell.clear();
            self.cell.lit(text.as_bytes());
            self.string(out, key);
        } else if let Ok(n) = json.parse::<i32>() {
            self.element(out, 0x10, key);
            out.lit(&n.to_le_bytes());
        } else {
            self.element(out, 0x08, key);
            out.lit(&[u8::from(json == "true")]);
        }
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
        self.cell.clear();
        self.cell.val(g, v, Some(field));
        match wrapper {
            "$oid" => {
                self.element(out, 0x07, key);
                let hex = self.cell.bytes();
                let byte = |i: usize| {
                    let digit = |c: u8| char::from(c).to_digit(16).unwrap_or(0) as u8;
                    hex.get(2 * i..2 * i + 2)
                        .map_or(0, |p| digit(p[0]) << 4 | digit(p[1]))
                };
                let oid: Vec<u8> = (0..12).map(byte).collect();
                out.lit(&oid);
            }
            "$numberLong" => {
                self.element(out, 0x12, key);
                out.lit(&self.number().to_le_bytes());
            }
            _ => {
                // `$date` of an ISO time: a date element (its value is not scanned).
                self.element(out, 0x09, key);
                out.lit(&self.number().to_le_bytes());
            }
        }
    }

    fn date_ms(&mut self, out: &mut Out<'_>, g: &mut Gen, key: &str, field: &'static str, v: V) {
        self.cell.clear();
        self.cell.val(g, v, Some(field));
        self.element(out, 0x09, key);
        out.lit(&self.number().to_le_bytes());
    }
}

/// The metadata `mongodump` writes beside a collection (indexes, options; no documents).
const USERS_METADATA: &str = r#"{"indexes":[{"v":{"$numberInt":"2"},"key":{"_id":{"$numberInt":"1"}},"name":"_id_"},{"v":{"$numberInt":"2"},"key":{"email":{"$numberInt":"1"}},"name":"email_1","unique":true}],"uuid":"3b241101e2bb42558caf4136c566a962","collectionName":"users","type":"collection"}"#;

/// `db/users.bson`: a mongodump of the customers collection (and its metadata file).
#[derive(Default)]
pub(super) struct MongoDump {
    bson: Bson,
}

impl Writer for MongoDump {
    fn begin(&mut self, out: &mut Out<'_>) {
        out.beside("db/users.metadata.json", USERS_METADATA.as_bytes());
    }

    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        customer(&mut self.bson, g, out, clean);
        out.end_record();
    }
}

/// Writes the `"_id"` member of a document: an e-mail address one time in ten in records that
/// are not clean (planted under field `_id`), else a number.
fn id(json: &mut Json, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
    if !clean && g.chance(10) {
        json.str(out, g, "_id", "_id", V::Email);
    } else {
        json.item(out, Some("_id"));
        let mut cell = Cell::default();
        cell.val(g, V::Seq, None);
        out.lit(b"\"");
        out.raw(&cell);
        out.lit(b"\"");
    }
}

/// `es_bulk.ndjson`: an Elasticsearch `_bulk` body of events: `index`, `create`, `update`
/// (the event as `{"doc": …}`) and `delete` actions.
#[derive(Default)]
pub(super) struct EsBulk {
    events: Events,
}

impl Writer for EsBulk {
    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        let action = match g.below(20) {
            0 => "delete",
            1 => "create",
            2 | 3 => "update",
            _ => "index",
        };
        let mut json = Json::new(JsonStyle::default(), false, false);
        json.open(out, None, b'{');
        json.open(out, Some(action), b'{');
        json.lit(out, "_index", "\"events\"");
        id(&mut json, g, out, clean);
        json.close(out, b'}');
        json.close(out, b'}');
        out.lit(b"\n");
        match action {
            "delete" => {}
            "update" => {
                out.lit(b"{\"doc\":");
                self.events.doc(g, out, clean);
                out.lit(b"}\n");
            }
            _ => {
                self.events.doc(g, out, clean);
                out.lit(b"\n");
            }
        }
        out.end_record();
    }
}

/// `es_dump.json`: `elasticdump` output of the events index, one hit a line.
#[derive(Default)]
pub(super) struct Elasticdump {
    events: Events,
}

impl Writer for Elasticdump {
    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        let mut json = Json::new(JsonStyle::default(), false, false);
        json.open(out, None, b'{');
        json.lit(out, "_index", "\"events\"");
        json.lit(out, "_type", "\"_doc\"");
        id(&mut json, g, out, clean);
        json.lit(out, "_score", "1");
        json.item(out, Some("_source"));
        self.events.doc(g, out, clean);
        out.lit(b"}\n");
        out.end_record();
    }
}
