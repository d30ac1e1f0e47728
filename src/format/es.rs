//! Elasticsearch exports: `_bulk` bodies and `elasticdump` output, both JSON a line, read
//! with the JSON walker ([`super::json::tokenize_lines`]).
//!
//! - **`_bulk`** (`es-bulk`): an action line, `{"index": {…}}`, `create`, `update` or
//!   `delete` (the line's first key is one of these and its value an object), is followed by
//!   its document, except for `delete`. A record is an action and its document. The
//!   action's `_id` is the record's `record_id` and is scanned as the value of field `_id`;
//!   nothing else of an action line is. An `update`'s body (`{"doc": {…}}`,
//!   `{"upsert": {…}}`) is named without its `doc.` / `upsert.` prefix. Chunk edges fall
//!   only before action lines, so an action stays with its document.
//! - **`elasticdump`**: one search hit a line, `{"_index": …, "_id": …, "_source": {…}}`. A
//!   record is a line; fields are named without the `_source.` prefix (`_source.email` is
//!   `email`); `_id` is the `record_id` and is scanned as field `_id`; the other metadata
//!   (`_index`, `_type`, `_score`, `_routing`) are scanned under their own names.
//! - Both are sniffed from the first non-blank line (an action line; a line holding
//!   `"_source"` and `"_id"`), before the `.json`/`.ndjson` extension would make them JSON
//!   Lines.

use super::json::tokenize_lines;
use super::text::{for_each_line, is_blank, EdgePicker};
use super::{FieldRef, FieldSink, Format, Scratch, Value};
use memchr::{memchr, memrchr};
use std::ops::Range;

/// The actions of a bulk body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Index,
    Create,
    Update,
    Delete,
}

impl Action {
    /// The field the action's `_id` is reported under by the JSON walker.
    fn id_path(self) -> &'static [u8] {
        match self {
            Action::Index => b"index._id",
            Action::Create => b"create._id",
            Action::Update => b"update._id",
            Action::Delete => b"delete._id",
        }
    }
}

/// The action of a bulk action line: its first key is `index`, `create`, `update` or
/// `delete` and that key's value starts an object. Only the line's start is looked at, so
/// a line cut at a window's end is told the same way once its first bytes are there.
fn action(line: &[u8]) -> Option<Action> {
    let ws = |at: usize| {
        at + line[at.min(line.len())..]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\r'))
            .count()
    };
    let at = ws(0);
    if line.get(at) != Some(&b'{') {
        return None;
    }
    let at = ws(at + 1);
    if line.get(at) != Some(&b'"') {
        return None;
    }
    let key_end = at + 1 + memchr(b'"', line.get(at + 1..)?)?;
    let action = match &line[at + 1..key_end] {
        b"index" => Action::Index,
        b"create" => Action::Create,
        b"update" => Action::Update,
        b"delete" => Action::Delete,
        _ => return None,
    };
    let colon = ws(key_end + 1);
    if line.get(colon) != Some(&b':') {
        return None;
    }
    (line.get(ws(colon + 1)) == Some(&b'{')).then_some(action)
}

/// Whether the line starting at `at` is an action line (as far as `window` tells).
fn starts_action(window: &[u8], at: usize) -> bool {
    let end = memchr(b'\n', &window[at..]).map_or(window.len(), |k| at + k);
    action(&window[at..end]).is_some()
}

/// The Elasticsearch format of an input whose body starts with `body`, if it is one.
pub fn sniff(body: &[u8]) -> Option<Format> {
    let mut at = 0;
    while at < body.len() {
        let end = memchr(b'\n', &body[at..]).map_or(body.len(), |k| at + k);
        let line = &body[at..end];
        if !is_blank(line) {
            if action(line).is_some() {
                return Some(Format::EsBulk);
            }
            let has = |word: &[u8]| memchr::memmem::find(line, word).is_some();
            let object = line.trim_ascii_start().starts_with(b"{");
            return (object && has(b"\"_source\"") && has(b"\"_id\""))
                .then_some(Format::Elasticdump);
        }
        at = end + 1;
    }
    None
}

/// The most a stream window of a bulk body grows to without an action line in it.
const MAX_CARRY: usize = 64 << 20;

/// Chunk edges of a bulk body: line starts that begin an action line.
pub fn bulk_chunk_edges(window: &[u8], target: usize, at_eof: bool) -> Vec<usize> {
    let mut picker = EdgePicker::new(target);
    let mut from = picker.next_at() - 1;
    while let Some(k) = window.get(from..).and_then(|rest| memchr(b'\n', rest)) {
        let at = from + k + 1;
        if starts_action(window, at) {
            picker.boundary(at);
            from = picker.next_at() - 1;
        } else {
            from = at;
        }
    }
    if !at_eof {
        // The last action line starts the rest, carried into the next window. A window of
        // [`MAX_CARRY`] bytes without one is cut at its last line end, so that the carry
        // stays bounded (an action may then lose its document there).
        let mut end = window.len();
        let mut last = None;
        while let Some(p) = memrchr(b'\n', &window[..end]) {
            if starts_action(window, p + 1) {
                last = Some(p + 1);
                break;
            }
            end = p;
        }
        let fallback = || match window.len() >= MAX_CARRY {
            true => memrchr(b'\n', window).map_or(0, |p| p + 1),
            false => 0,
        };
        picker.boundary(last.unwrap_or_else(fallback));
    }
    picker.finish(window.len(), at_eof)
}

/// Hands values on under other names: `strip` prefixes removed, the record id taken from
/// field `id`, and with `only_id` nothing but that id passed on.
struct Rename<'a, S> {
    inner: &'a mut S,
    strip: &'static [&'static [u8]],
    id: &'static [u8],
    only_id: bool,
    /// Whether `end_record` is passed on.
    records: bool,
}

impl<S: FieldSink> FieldSink for Rename<'_, S> {
    fn value(&mut self, field: FieldRef<'_>, value: Value<'_>) {
        let field = match field {
            FieldRef::Name(name) if name == self.id => {
                self.inner.record_id(value.bytes);
                FieldRef::Name(b"_id")
            }
            _ if self.only_id => return,
            FieldRef::Name(name) => {
                let stripped = self.strip.iter().find_map(|p| name.strip_prefix(*p));
                FieldRef::Name(stripped.unwrap_or(name))
            }
            other => other,
        };
        self.inner.value(field, value);
    }

    fn end_record(&mut self) {
        if self.records {
            self.inner.end_record();
        }
    }
}

/// Tokenises `elasticdump` lines.
pub fn tokenize_elasticdump(
    data: &[u8],
    range: Range<usize>,
    base: u64,
    scratch: &mut Scratch,
    sink: &mut impl FieldSink,
) {
    let mut rename = Rename {
        inner: sink,
        strip: &[b"_source."],
        id: b"_id",
        only_id: false,
        records: true,
    };
    tokenize_lines(data, range, base, scratch, &mut rename);
}

/// Tokenises a bulk body (a chunk starts at an action line, or at the body's start).
pub fn tokenize_bulk(
    data: &[u8],
    range: Range<usize>,
    base: u64,
    scratch: &mut Scratch,
    sink: &mut impl FieldSink,
) {
    // The action whose document comes next.
    let mut pending: Option<Action> = None;
    for_each_line(data, range, |start, end| {
        if is_blank(&data[start..end]) {
            return;
        }
        let line = start..end;
        match action(&data[line.clone()]) {
            Some(act) => {
                if pending.take().is_some() {
                    // An action without a document.
                    sink.end_record();
                }
                let mut ids = Rename {
                    inner: &mut *sink,
                    strip: &[],
                    id: act.id_path(),
                    only_id: true,
                    records: false,
                };
                tokenize_lines(data, line, base, scratch, &mut ids);
                if act == Action::Delete {
                    sink.end_record();
                } else {
                    pending = Some(act);
                }
            }
            None => {
                let strip: &'static [&'static [u8]] = match pending.take() {
                    Some(Action::Update) => &[b"doc.", b"upsert."],
                    _ => &[],
                };
                let mut doc = Rename {
                    inner: &mut *sink,
                    strip,
                    id: b"",
                    only_id: false,
                    records: false,
                };
                tokenize_lines(data, line, base, scratch, &mut doc);
                sink.end_record();
            }
        }
    });
    if pending.is_some() {
        sink.end_record();
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::testing::{chunked, streamed, Got};
    use super::super::{ChunkState, Layout};
    use super::*;

    fn layout(format: Format) -> Layout {
        Layout {
            format,
            delimiter: b',',
            header: Vec::new(),
            body_start: 0,
        }
    }

    /// Values as `field=value`, record ids as `#id`, record ends as `|`.
    #[derive(Default)]
    struct Events(Vec<String>);

    impl FieldSink for Events {
        fn value(&mut self, field: FieldRef<'_>, value: Value<'_>) {
            let FieldRef::Name(name) = field else {
                panic!("every value has a field")
            };
            let (name, value) = (
                String::from_utf8_lossy(name),
                String::from_utf8_lossy(value.bytes),
            );
            self.0.push(format!("{name}={value}"));
        }

        fn end_record(&mut self) {
            self.0.push("|".into());
        }

        fn record_id(&mut self, id: &[u8]) {
            self.0.push(format!("#{}", String::from_utf8_lossy(id)));
        }
    }

    fn events(format: Format, data: &str) -> Vec<String> {
        let mut sink = Events::default();
        let layout = layout(format);
        let edges = layout.chunk_edges(data.as_bytes(), 1, true, &ChunkState::Start);
        for pair in edges.windows(2) {
            let range = pair[0].at..pair[1].at;
            layout.tokenize(
                data.as_bytes(),
                range,
                0,
                &pair[0].state,
                &mut Scratch::default(),
                &mut sink,
            );
        }
        sink.0
    }

    const BULK: &str = concat!(
        "{\"index\":{\"_index\":\"users\",\"_id\":\"a\\u0040b.co\"}}\n",
        "{\"email\":\"x@y.co\",\"address\":{\"city\":\"Pune\"}}\n",
        "{ \"delete\" : { \"_id\": \"7\" } }\n",
        "{\"update\":{\"_id\":\"8\"}}\n",
        "{\"doc\":{\"phone\":\"+91 98765 43210\"},\"upsert\":{\"name\":\"Asha\"}}\n",
        "\n",
        "{\"create\":{}}\n",
        "{\"index\":\"not an action\",\"k\":\"v\"}\n",
    );

    #[test]
    fn bulk_actions_documents_and_ids() {
        assert_eq!(
            events(Format::EsBulk, BULK),
            [
                "#a@b.co",
                "_id=a@b.co",
                "email=x@y.co",
                "address.city=Pune",
                "|",
                "#7",
                "_id=7",
                "|",
                "#8",
                "_id=8",
                "phone=+91 98765 43210",
                "name=Asha",
                "|",
                "index=not an action",
                "k=v",
                "|",
            ]
        );
        // Edges fall only before action lines.
        let edges = bulk_chunk_edges(BULK.as_bytes(), 1, true);
        let starts: Vec<&str> = edges[..edges.len() - 1]
            .iter()
            .map(|&at| BULK[at..].split('\n').next().unwrap_or_default())
            .collect();
        assert!(
            starts[1..].iter().all(|l| action(l.as_bytes()).is_some()),
            "{starts:?}"
        );
    }

    #[test]
    fn elasticdump_fields_lose_their_source_prefix() {
        let data = "{\"_index\":\"u\",\"_id\":\"42\",\"_score\":1,\"_source\":{\"user\":{\"email\":\"a@b.co\"},\"tags\":[\"x\"]}}\n\n{\"_id\":\"43\",\"_source\":{}}\n";
        assert_eq!(
            events(Format::Elasticdump, data),
            [
                "_index=u",
                "#42",
                "_id=42",
                "_score=1",
                "user.email=a@b.co",
                "tags[]=x",
                "|",
                "#43",
                "_id=43",
                "|"
            ]
        );
    }

    #[test]
    fn sniffed_from_the_first_line() {
        assert_eq!(
            sniff(b"\n{\"index\":{\"_id\":1}}\n{}"),
            Some(Format::EsBulk)
        );
        assert_eq!(
            sniff(b"{\"_index\":\"u\",\"_id\":\"1\",\"_source\":{}}"),
            Some(Format::Elasticdump)
        );
        assert_eq!(sniff(b"{\"a\":1}\n{\"index\":{}}"), None);
        assert_eq!(sniff(b"[{\"index\":{}}]"), None);
    }

    #[test]
    fn any_chunking_gives_the_same_events() {
        let data = BULK.repeat(5);
        let layout = layout(Format::EsBulk);
        let reference = chunked(&layout, data.as_bytes(), usize::MAX);
        assert!(reference.iter().filter(|g| **g == Got::End).count() == 20);
        for target in [1, 13, 200] {
            assert_eq!(chunked(&layout, data.as_bytes(), target), reference);
        }
        for window in [1, 17, 300] {
            assert_eq!(streamed(&layout, data.as_bytes(), window, 9), reference);
        }
    }
}
