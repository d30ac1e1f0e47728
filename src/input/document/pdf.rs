//! PDF: the text of each page (a record, field `null`), then the AcroForm fields that hold a
//! value (a record each, field = the field's full name, `parent.child`).
//!
//! Read with `lopdf`: page content streams are parsed and the strings of their text
//! operators decoded through each font's encoding. Text positioning makes the layout: a move
//! to another line (`Td` with a vertical offset, `T*`, `Tm`, `'`, the end of a text object)
//! ends a line, a move along the line or a wide kerning gap is a space. Each line of a page
//! is a value. A page whose content cannot be parsed is an empty record; a file that cannot
//! be parsed, or is encrypted with a password, is an error.

use super::{Builder, DocError, Extracted};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};
use std::collections::BTreeMap;

/// How deep AcroForm field trees are followed (they may loop in broken files).
const MAX_FIELD_DEPTH: usize = 16;

/// Extracts the pages' text and the form fields of a PDF.
pub fn extract(data: &[u8]) -> Result<Extracted, DocError> {
    let doc = Document::load_mem(data).map_err(|e| DocError::new("pdf", reason(&e)))?;
    if doc.is_encrypted() {
        return Err(DocError::new("pdf", "encrypted"));
    }
    let mut out = Builder::new("pdf");
    for page in doc.get_pages().values() {
        if let Ok(text) = page_text(&doc, *page) {
            for line in text.lines() {
                out.value(None, line);
            }
        }
        out.end_record();
    }
    if let Ok(fields) = form_fields(&doc) {
        for field in fields.iter().filter_map(|f| doc.dereference(f).ok()) {
            if let Object::Dictionary(dict) = field.1 {
                form_field(&doc, dict, "", 0, &mut out);
            }
        }
    }
    Ok(out.finish())
}

/// The text of a page, laid out in lines.
fn page_text(doc: &Document, page: ObjectId) -> lopdf::Result<String> {
    let encodings: BTreeMap<Vec<u8>, Encoding<'_>> = doc
        .get_page_fonts(page)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(name, font)| Some((name, font.get_font_encoding(doc).ok()?)))
        .collect();
    let content = Content::decode(&doc.get_page_content(page)?)?;
    let mut text = String::new();
    let mut encoding = None;
    for op in &content.operations {
        let operands = &op.operands;
        match op.operator.as_str() {
            "Tf" => {
                encoding = operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| encodings.get(name));
            }
            "Tj" | "TJ" => strings(&mut text, encoding, operands),
            "'" | "\"" => {
                break_line(&mut text);
                strings(&mut text, encoding, operands);
            }
            "Td" | "TD" => {
                let dy = operands.get(1).and_then(|o| o.as_float().ok());
                if dy.is_some_and(|dy| dy != 0.0) {
                    break_line(&mut text);
                } else if !text.ends_with([' ', '\n']) && !text.is_empty() {
                    text.push(' ');
                }
            }
            "T*" | "Tm" | "ET" => break_line(&mut text),
            _ => {}
        }
    }
    Ok(text)
}

/// Ends the current line (once).
fn break_line(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

/// Appends the strings of a text operator's operands; a kerning gap wider than a fifth of
/// the font size is a space.
fn strings(text: &mut String, encoding: Option<&Encoding<'_>>, operands: &[Object]) {
    for operand in operands {
        match operand {
            Object::String(bytes, _) => match encoding {
                Some(encoding) => match Document::decode_text(encoding, bytes) {
                    Ok(decoded) => text.push_str(&decoded),
                    Err(_) => text.push_str(&String::from_utf8_lossy(bytes)),
                },
                None => text.push_str(&String::from_utf8_lossy(bytes)),
            },
            Object::Array(items) => strings(text, encoding, items),
            Object::Integer(_) | Object::Real(_)
                if operand.as_float().is_ok_and(|gap| gap < -200.0) && !text.ends_with(' ') =>
            {
                text.push(' ');
            }
            _ => {}
        }
    }
}

/// A fixed description of a load error (lopdf's messages may quote the file's bytes).
fn reason(e: &lopdf::Error) -> &'static str {
    match e {
        lopdf::Error::Decryption(_) | lopdf::Error::UnsupportedSecurityHandler(_) => "encrypted",
        lopdf::Error::Xref(_) | lopdf::Error::InvalidOffset(_) | lopdf::Error::MissingXrefEntry => {
            "broken cross-reference table"
        }
        lopdf::Error::IO(_) => "truncated or unreadable",
        _ => "cannot be parsed",
    }
}

/// The `/Fields` array of the document's AcroForm.
fn form_fields(doc: &Document) -> lopdf::Result<&Vec<Object>> {
    let form = doc.catalog()?.get(b"AcroForm")?;
    let (_, form) = doc.dereference(form)?;
    let fields = form.as_dict()?.get(b"Fields")?;
    doc.dereference(fields)?.1.as_array()
}

/// One AcroForm field and its kids: a value with a name becomes a record.
fn form_field(doc: &Document, dict: &Dictionary, parent: &str, depth: usize, out: &mut Builder) {
    if depth > MAX_FIELD_DEPTH {
        return;
    }
    let own = dict
        .get(b"T")
        .ok()
        .and_then(|t| lopdf::decode_text_string(t).ok());
    let name = match (parent, own) {
        ("", Some(own)) => own,
        (parent, Some(own)) => format!("{parent}.{own}"),
        (parent, None) => parent.to_string(),
    };
    if let Ok(value) = dict.get(b"V") {
        let text = match doc.dereference(value).map(|(_, v)| v) {
            Ok(v @ Object::String(..)) => lopdf::decode_text_string(v).ok(),
            Ok(Object::Name(n)) => Some(String::from_utf8_lossy(n).into_owned()),
            _ => None,
        };
        if let Some(text) = text.filter(|t| !t.trim().is_empty() && t != "Off") {
            let field = (!name.is_empty()).then_some(name.as_str());
            out.value(field, &text);
            out.end_record();
        }
    }
    if let Ok(Object::Array(kids)) = dict.get(b"Kids") {
        for kid in kids {
            if let Ok((_, Object::Dictionary(kid))) = doc.dereference(kid) {
                form_field(doc, kid, &name, depth + 1, out);
            }
        }
    }
}
