//! Markup: HTML as text (tags stripped, `script` and `style` left out, entities decoded; a
//! record per line of text, field `null`), XML as its elements (read with `quick-xml`): a
//! record per child of the root element, the field of a text the name of the element that
//! holds it, of an attribute `element@attribute`.

use super::{Builder, DocError, Extracted};
use quick_xml::events::{BytesStart, Event};

/// Elements whose start or end breaks a line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "title",
    "tr",
    "ul",
];

/// The text of a web page, a record per non-blank line.
pub fn html(data: &[u8]) -> Extracted {
    let page = String::from_utf8_lossy(data);
    let mut text = String::with_capacity(page.len() / 2);
    let mut rest: &str = &page;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode_entities(&rest[..lt]));
        let tag = &rest[lt + 1..];
        if let Some(comment) = tag.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let end = tag.find('>').unwrap_or(tag.len());
        let name: String = tag[..end]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = tag.get(end + 1..).unwrap_or("");
        if (name == "script" || name == "style") && !tag.starts_with('/') {
            // Their content is code, not text: skip to the closing tag.
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(at) => &rest[at..],
                None => "",
            };
        } else if BLOCKS.contains(&name.as_str()) {
            text.push('\n');
        } else if name == "td" || name == "th" {
            text.push('\t');
        }
    }
    text.push_str(&decode_entities(rest));
    let mut out = Builder::new("html");
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            out.value(None, &line);
            out.end_record();
        }
    }
    out.finish()
}

/// `text` with HTML character references decoded (`&amp;`, `&#64;`, `&#x40;`, `&nbsp;`);
/// unknown ones are kept as written.
fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&s| s <= 10);
        let decoded = semi.and_then(|s| {
            let name = &after[..s];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let code =
                        if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                            u32::from_str_radix(hex, 16).ok()
                        } else {
                            name.strip_prefix('#').and_then(|d| d.parse().ok())
                        };
                    char::from_u32(code?)?
                }
            };
            Some((c, s))
        });
        match decoded {
            Some((c, s)) => {
                out.push(c);
                rest = &after[s + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// The elements of an XML document.
pub fn xml(data: &[u8]) -> Result<Extracted, DocError> {
    let mut reader = quick_xml::Reader::from_reader(data);
    reader.config_mut().trim_text(true);
    let mut out = Builder::new("xml");
    let mut stack: Vec<String> = Vec::new();
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| DocError::new("xml", "malformed XML"))?;
        match event {
            Event::Start(e) => stack.push(element(&e, &mut out)),
            Event::Empty(e) => {
                element(&e, &mut out);
                if stack.len() == 1 {
                    out.end_record();
                }
            }
            Event::End(_) => {
                stack.pop();
                if stack.len() == 1 {
                    out.end_record();
                }
            }
            Event::Text(t) => {
                let text = t
                    .unescape()
                    .map(|v| v.into_owned())
                    .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned());
                out.value(stack.last().map(String::as_str), &text);
            }
            Event::CData(t) => {
                out.value(
                    stack.last().map(String::as_str),
                    &String::from_utf8_lossy(&t),
                );
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out.finish())
}

/// An element's attributes as values of `element@attribute`; returns the element's name.
fn element(e: &BytesStart<'_>, out: &mut Builder) -> String {
    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    for attr in e.attributes().flatten() {
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        let raw = String::from_utf8_lossy(&attr.value);
        let value = quick_xml::escape::unescape(&raw)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| raw.to_string());
        out.value(Some(&format!("{name}@{key}")), &value);
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(doc: &Extracted) -> Vec<String> {
        String::from_utf8_lossy(doc.text())
            .lines()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn html_is_text_without_tags_scripts_or_entities() {
        let page = b"<html><head><style>p{}</style><script>var x = '<p>';</script></head>\
            <body><p>Asha&nbsp;Rao &amp; co</p><!-- <p>hidden</p> --><table><tr><td>ph</td>\
            <td>+91&#32;98765 43210</td></tr></table></body></html>";
        let doc = html(page);
        assert_eq!(values(&doc), ["Asha Rao & co", "ph +91 98765 43210"]);
        assert_eq!(doc.records(), 2);
    }

    #[test]
    fn xml_fields_are_element_names_and_records_children_of_the_root() {
        let doc = xml(
            b"<?xml version=\"1.0\"?><users><user id=\"7\"><name>Asha</name>\
            <phone>98765 43210</phone></user><user id=\"8\"/></users>",
        )
        .unwrap();
        assert_eq!(values(&doc), ["7", "Asha", "98765 43210", "8"]);
        assert_eq!(doc.records(), 2);
        assert!(xml(b"<a><b></a>").is_err());
    }
}
