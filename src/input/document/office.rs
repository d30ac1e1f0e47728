//! Zip-based office files: told by their parts, spreadsheets (`xl/workbook.xml`, ODF
//! `mimetype` of a spreadsheet) go to [`super::sheet`], texts (`word/document.xml`, ODF
//! text) are read here with `quick-xml`: a record per paragraph (or heading), field `null`,
//! the body first, then headers and footers. Other office files (presentations) are not
//! documents read here.

use super::{sheet, Builder, DocError, Extracted, MAX_DOCUMENT_BYTES};
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// The mimetype of ODF spreadsheets and texts.
const ODS: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
const ODT: &[u8] = b"application/vnd.oasis.opendocument.text";

/// Extracts a spreadsheet or a text; `None` for other office files.
pub fn extract(data: &[u8]) -> Result<Option<Extracted>, DocError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(data))
        .map_err(|_| DocError::new("office", "broken zip"))?;
    let has = |zip: &zip::ZipArchive<_>, name: &str| zip.index_for_name(name).is_some();
    if has(&zip, "xl/workbook.xml") {
        return sheet::extract(data, "xlsx").map(Some);
    }
    if has(&zip, "word/document.xml") {
        let mut parts = vec!["word/document.xml".to_string()];
        let mut extra: Vec<String> = zip
            .file_names()
            .filter(|n| {
                (n.starts_with("word/header") || n.starts_with("word/footer"))
                    && n.ends_with(".xml")
            })
            .map(str::to_string)
            .collect();
        extra.sort();
        parts.extend(extra);
        return text(&mut zip, "docx", &parts).map(Some);
    }
    let mimetype = member(&mut zip, "mimetype", "odf").unwrap_or_default();
    if mimetype.trim_ascii() == ODS {
        return sheet::extract(data, "ods").map(Some);
    }
    if mimetype.trim_ascii() == ODT {
        return text(&mut zip, "odt", &["content.xml".to_string()]).map(Some);
    }
    Ok(None)
}

/// A member's bytes, read up to [`MAX_DOCUMENT_BYTES`] (a bomb stops there).
fn member(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    format: &'static str,
) -> Result<Vec<u8>, DocError> {
    let file = zip
        .by_name(name)
        .map_err(|_| DocError::new(format, "missing or unreadable part"))?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|_| DocError::new(format, "corrupt part"))?;
    Ok(bytes)
}

/// The paragraphs of the XML `parts` of a text document.
fn text(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    format: &'static str,
    parts: &[String],
) -> Result<Extracted, DocError> {
    let mut out = Builder::new(format);
    for part in parts {
        let xml = member(zip, part, format)?;
        paragraphs(&xml, format, &mut out)?;
    }
    Ok(out.finish())
}

/// Hands each paragraph (`w:p`, `text:p`, `text:h`) of `xml` to `out` as a record; tabs,
/// line breaks and ODF's `text:s` are spaces.
fn paragraphs(xml: &[u8], format: &'static str, out: &mut Builder) -> Result<(), DocError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut line = String::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| DocError::new(format, "malformed XML part"))?;
        match event {
            Event::Text(t) => match t.unescape() {
                Ok(text) => line.push_str(&text),
                Err(_) => line.push_str(&String::from_utf8_lossy(&t)),
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" | b"br" | b"cr" | b"s" | b"line-break" => line.push(' '),
                // An empty paragraph is still one.
                b"p" | b"h" => out.end_record(),
                _ => {}
            },
            Event::End(e) if matches!(e.local_name().as_ref(), b"p" | b"h") => {
                out.value(None, &line);
                out.end_record();
                line.clear();
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip of `parts` (stored).
    fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, body) in parts {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn lines(doc: &Extracted) -> Vec<String> {
        String::from_utf8_lossy(doc.text())
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn docx_paragraphs_are_records() {
        let body = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Name: Asha</w:t></w:r>\
            <w:r><w:tab/><w:t>Rao</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>Ph &amp; +91 98765 \
            43210</w:t></w:r></w:p></w:body></w:document>";
        let footer =
            "<w:ftr xmlns:w=\"w\"><w:p><w:r><w:t>asha@example.com</w:t></w:r></w:p></w:ftr>";
        let docx = zip_of(&[
            ("[Content_Types].xml", "<Types/>"),
            ("word/document.xml", body),
            ("word/footer1.xml", footer),
        ]);
        let doc = extract(&docx).unwrap().unwrap();
        assert_eq!(doc.format, "docx");
        assert_eq!(
            lines(&doc),
            ["Name: Asha Rao", "Ph & +91 98765 43210", "asha@example.com"]
        );
        assert_eq!(doc.records(), 4);
    }

    #[test]
    fn odt_text_and_other_office_files() {
        let content = "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\">\
            <office:body><office:text><text:h>Customer</text:h><text:p>Asha<text:s/>Rao\
            </text:p></office:text></office:body></office:document-content>";
        let odt = zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
        ]);
        let doc = extract(&odt).unwrap().unwrap();
        assert_eq!(
            (doc.format, lines(&doc)),
            ("odt", vec!["Customer".into(), "Asha Rao".into()])
        );
        let pptx = zip_of(&[
            ("[Content_Types].xml", "<Types/>"),
            ("ppt/presentation.xml", "<p/>"),
        ]);
        assert!(extract(&pptx).unwrap().is_none());
        assert!(extract(b"PK\x03\x04 broken").is_err());
    }
}
