//! A bucket-shaped folder of documents with the truth of what each holds: PDF orders and
//! shipping labels (one with form fields), a spreadsheet of customers, photos with EXIF GPS
//! positions, artists and camera serial numbers, a scan and a screenshot, and an e-mail from a
//! customer. Every file is written by hand-made minimal writers (PDF objects and cross-reference
//! table, an XLSX of inline strings, JPEG segments with an EXIF TIFF block), so tests need no
//! office suite and no camera; values come from the dump generator's value generators.
//!
//! [`write_bucket`] returns one [`Planted`] per value, with the field and record a scan must
//! report it in (CONTRACT.md; for documents, [`crate::input::document`]).

use super::values::{Form, Gen, V};
use crate::types::PiiType;
use std::io::{self, Write};
use std::path::Path;

/// One planted value and where a scan must find it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Planted {
    /// The input, relative to the bucket (`orders/order-1.pdf`).
    pub path: String,
    /// The type it must be reported as.
    #[serde(rename = "type")]
    pub ty: String,
    /// The field it must be reported in (`null`: free text).
    pub field: Option<String>,
    /// The record it must be reported in.
    pub record: u64,
    /// The value as planted.
    pub value: String,
}

/// What a bucket holds besides its values: how many images of each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BucketCounts {
    /// Camera photos (EXIF make, model, GPS, artist).
    pub photos: u64,
    /// Scans (JFIF at 300 DPI, A4 proportions, no camera).
    pub scans: u64,
    /// Screenshots (a phone screen's size, no metadata).
    pub screenshots: u64,
}

/// Writes a bucket of `n` order PDFs, `n` photos (each padded with `photo_bytes` of
/// compressed-looking image data), a scan, a screenshot, a spreadsheet of `4 * n` customers
/// and an e-mail into `dir`, from `seed`; returns what was planted.
pub fn write_bucket(
    dir: &Path,
    seed: u64,
    n: usize,
    photo_bytes: usize,
) -> io::Result<(Vec<Planted>, BucketCounts)> {
    let mut g = Gen::new(seed, 0xd0c5);
    let mut truth = Vec::new();
    for sub in ["orders", "photos", "customers", "mail", "scans"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    for i in 1..=n {
        let path = format!("orders/order-{i}.pdf");
        let bytes = order_pdf(&mut g, &path, i % 2 == 0, &mut truth);
        std::fs::write(dir.join(&path), bytes)?;
    }
    let path = "customers/customers.xlsx".to_string();
    std::fs::write(
        dir.join(&path),
        customers_xlsx(&mut g, &path, 4 * n, &mut truth)?,
    )?;
    for i in 1..=n {
        let path = format!("photos/IMG_{i:04}.jpg");
        let mut photo = photo_jpeg(&mut g, &path, &mut truth);
        pad_jpeg(&mut g, &mut photo, photo_bytes);
        std::fs::write(dir.join(&path), photo)?;
    }
    std::fs::write(
        dir.join("scans/id-card.jpg"),
        plain_jpeg(2480, 3508, Some(300)),
    )?;
    std::fs::write(dir.join("scans/screen.jpg"), plain_jpeg(1080, 2340, None))?;
    let path = "mail/customer.eml".to_string();
    std::fs::write(dir.join(&path), customer_eml(&mut g, &path, &mut truth))?;
    let counts = BucketCounts {
        photos: n as u64,
        scans: 1,
        screenshots: 1,
    };
    Ok((truth, counts))
}

/// A new person whose name is plain ASCII (the PDF writer's font encoding).
fn ascii_person(g: &mut Gen) -> String {
    loop {
        g.new_person();
        let name = text(g, V::FullName);
        if name.is_ascii() {
            return name;
        }
    }
}

/// A generated value as text, on one line.
fn text(g: &mut Gen, v: V) -> String {
    let mut b = Vec::new();
    g.gen(v, &mut b);
    String::from_utf8_lossy(&b).replace(['\n', '\r'], ", ")
}

/// Plants `value` of `ty` in `path`.
fn plant(
    truth: &mut Vec<Planted>,
    path: &str,
    ty: PiiType,
    field: Option<&str>,
    record: u64,
    value: &str,
) {
    truth.push(Planted {
        path: path.to_string(),
        ty: ty.name().to_string(),
        field: field.map(str::to_string),
        record,
        value: value.to_string(),
    });
}

/// An order (page 1) and its shipping label (page 2); with `form`, also AcroForm fields
/// `customer.phone` and `customer.email`.
fn order_pdf(g: &mut Gen, path: &str, form: bool, truth: &mut Vec<Planted>) -> Vec<u8> {
    let name = ascii_person(g);
    let email = text(g, V::Email);
    let phone = text(g, V::Phone(Form::Strong));
    let address = text(g, V::Address).replace(|c: char| !c.is_ascii(), "");
    let order = text(g, V::OrderId);
    let amount = text(g, V::Amount);
    let page1 = vec![
        vec![format!("Order {order}")],
        vec!["Customer:".into(), name.clone()],
        vec!["Email:".into(), email.clone()],
        vec!["Phone:".into(), phone.clone()],
        vec!["Order total:".into(), format!("INR {amount}")],
    ];
    let label_phone = text(g, V::Phone(Form::Strong));
    let page2 = vec![
        vec!["SHIP TO".into()],
        vec![name.clone()],
        vec![address],
        vec!["Tel".into(), label_phone.clone()],
    ];
    plant(truth, path, PiiType::Email, None, 1, &email);
    plant(truth, path, PiiType::Phone, None, 1, &phone);
    plant(truth, path, PiiType::Phone, None, 2, &label_phone);
    let mut fields = Vec::new();
    if form {
        let form_phone = text(g, V::Phone(Form::Strong));
        let form_email = text(g, V::Email);
        plant(
            truth,
            path,
            PiiType::Phone,
            Some("customer.phone"),
            3,
            &form_phone,
        );
        plant(
            truth,
            path,
            PiiType::Email,
            Some("customer.email"),
            4,
            &form_email,
        );
        fields = vec![
            ("phone".to_string(), form_phone),
            ("email".to_string(), form_email),
        ];
    }
    pdf(&[page1, page2], &fields)
}

/// A PDF string literal.
fn pdf_string(s: &str) -> String {
    let mut out = String::from("(");
    for c in s.chars() {
        if matches!(c, '(' | ')' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push(')');
    out
}

/// A minimal PDF: Helvetica pages of lines (each line's pieces placed side by side with
/// `Td`) in deflated content streams, and AcroForm text fields under a parent field
/// `customer`.
pub fn pdf(pages: &[Vec<Vec<String>>], form: &[(String, String)]) -> Vec<u8> {
    let mut objects: Vec<String> = Vec::new();
    // Content streams, deflated as PDF writers do: (object index, bytes).
    let mut streams: Vec<(usize, Vec<u8>)> = Vec::new();
    // 1 catalog, 2 pages, 3 font; then page and content pairs; then form fields.
    let first_page = 4;
    let first_field = first_page + 2 * pages.len();
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", first_page + 2 * i))
        .collect();
    let acroform = if form.is_empty() {
        String::new()
    } else {
        format!(" /AcroForm << /Fields [{first_field} 0 R] >>")
    };
    objects.push(format!("<< /Type /Catalog /Pages 2 0 R{acroform} >>"));
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    ));
    objects.push(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    );
    for (i, lines) in pages.iter().enumerate() {
        let mut content = String::new();
        for (j, pieces) in lines.iter().enumerate() {
            let y = 780 - 18 * j;
            content.push_str(&format!("BT /F1 11 Tf 50 {y} Td"));
            for (k, piece) in pieces.iter().enumerate() {
                if k > 0 {
                    content.push_str(" 90 0 Td");
                }
                content.push_str(&format!(" {} Tj", pdf_string(piece)));
            }
            content.push_str(" ET\n");
        }
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            first_page + 2 * i + 1
        ));
        let mut deflate =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        deflate
            .write_all(content.as_bytes())
            .expect("writing to memory");
        let stream = deflate.finish().expect("writing to memory");
        streams.push((objects.len(), stream));
        objects.push(String::new());
    }
    if !form.is_empty() {
        let kids: Vec<String> = (0..form.len())
            .map(|i| format!("{} 0 R", first_field + 1 + i))
            .collect();
        objects.push(format!("<< /T (customer) /Kids [{}] >>", kids.join(" ")));
        for (name, value) in form {
            objects.push(format!(
                "<< /FT /Tx /Parent {first_field} 0 R /T {} /V {} >>",
                pdf_string(name),
                pdf_string(value)
            ));
        }
    }
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).bytes());
        match streams.iter().find(|(at, _)| *at == i) {
            Some((_, stream)) => {
                out.extend(
                    format!(
                        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
                        stream.len()
                    )
                    .bytes(),
                );
                out.extend(stream);
                out.extend(b"\nendstream");
            }
            None => out.extend(object.bytes()),
        }
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

/// XML text with `&`, `<`, `>` and `"` escaped.
fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A workbook with one sheet `Customers`: a header row, then `rows` customers.
fn customers_xlsx(
    g: &mut Gen,
    path: &str,
    rows: usize,
    truth: &mut Vec<Planted>,
) -> io::Result<Vec<u8>> {
    let header = ["name", "email", "phone", "city", "order_total"];
    let mut table: Vec<Vec<String>> = vec![header.iter().map(|h| h.to_string()).collect()];
    for r in 1..=rows {
        g.new_person();
        let row = vec![
            text(g, V::FullName),
            text(g, V::Email),
            text(g, V::Phone(Form::Strong)),
            text(g, V::City),
            text(g, V::Amount),
        ];
        plant(
            truth,
            path,
            PiiType::Email,
            Some("Customers!email"),
            r as u64,
            &row[1],
        );
        plant(
            truth,
            path,
            PiiType::Phone,
            Some("Customers!phone"),
            r as u64,
            &row[2],
        );
        table.push(row);
    }
    xlsx("Customers", &table)
}

/// Writes `app.db` and `app.db-wal` into `dir` as a copy of a live SQLite database in WAL
/// mode holds them: a table `users (email)` whose rows `checkpointed` are in the database
/// file and whose rows `logged` are still only in the log.
pub fn write_live_database_copy(
    dir: &Path,
    checkpointed: &[&str],
    logged: &[&str],
) -> io::Result<()> {
    let live = tempfile::tempdir()?;
    let db = rusqlite::Connection::open(live.path().join("app.db")).map_err(io::Error::other)?;
    let run = |sql: &str, email: Option<&str>| {
        match email {
            Some(email) => db.execute(sql, [email]).map(drop),
            None => db.execute_batch(sql),
        }
        .map_err(io::Error::other)
    };
    run(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;",
        None,
    )?;
    run("CREATE TABLE users (email TEXT);", None)?;
    for email in checkpointed {
        run("INSERT INTO users VALUES (?1)", Some(email))?;
    }
    run("PRAGMA wal_checkpoint(TRUNCATE);", None)?;
    for email in logged {
        run("INSERT INTO users VALUES (?1)", Some(email))?;
    }
    // Copied while the connection is open: closing it would checkpoint the log away.
    for name in ["app.db", "app.db-wal"] {
        std::fs::copy(live.path().join(name), dir.join(name))?;
    }
    Ok(())
}

/// A minimal XLSX of one sheet: inline strings, numbers where a cell parses as one.
pub fn xlsx(sheet: &str, table: &[Vec<String>]) -> io::Result<Vec<u8>> {
    let mut data = String::new();
    for (r, row) in table.iter().enumerate() {
        data.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", (b'A' + c as u8) as char, r + 1);
            if r > 0 && cell.parse::<f64>().is_ok() && !cell.starts_with(['+', '0']) {
                data.push_str(&format!("<c r=\"{at}\"><v>{cell}</v></c>"));
            } else {
                data.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                    xml_escape(cell)
                ));
            }
        }
        data.push_str("</row>");
    }
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>".to_string(),
        ),
        (
            "_rels/.rels",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
        ),
        (
            "xl/workbook.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{main}\" xmlns:r=\"{rel}\"><sheets><sheet name=\"{}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", xml_escape(sheet)),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{main}\"><sheetData>{data}</sheetData></worksheet>"),
        ),
    ];
    let mut zip = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        zip.start_file(name, options).map_err(io::Error::other)?;
        zip.write_all(body.as_bytes())?;
    }
    Ok(zip.finish().map_err(io::Error::other)?.into_inner())
}

/// One TIFF directory entry: tag, type (2 ASCII, 4 LONG, 5 RATIONAL, 1 BYTE), count, value.
struct Entry {
    tag: u16,
    ty: u16,
    count: u32,
    value: Vec<u8>,
}

fn ascii(tag: u16, s: &str) -> Entry {
    let mut value = s.as_bytes().to_vec();
    value.push(0);
    Entry {
        tag,
        ty: 2,
        count: value.len() as u32,
        value,
    }
}

fn long(tag: u16, v: u32) -> Entry {
    Entry {
        tag,
        ty: 4,
        count: 1,
        value: v.to_be_bytes().to_vec(),
    }
}

fn rationals(tag: u16, parts: &[(u32, u32)]) -> Entry {
    Entry {
        tag,
        ty: 5,
        count: parts.len() as u32,
        value: parts
            .iter()
            .flat_map(|(n, d)| n.to_be_bytes().into_iter().chain(d.to_be_bytes()))
            .collect(),
    }
}

/// The size of a directory of `entries` with its out-of-line values.
fn ifd_len(entries: &[Entry]) -> usize {
    2 + 12 * entries.len()
        + 4
        + entries
            .iter()
            .map(|e| if e.value.len() > 4 { e.value.len() } else { 0 })
            .sum::<usize>()
}

/// A big-endian TIFF directory at `at` (offset in the TIFF block), values after it.
fn ifd(entries: &[Entry], at: usize) -> Vec<u8> {
    let mut head = (entries.len() as u16).to_be_bytes().to_vec();
    let mut data: Vec<u8> = Vec::new();
    let data_at = at + 2 + 12 * entries.len() + 4;
    for e in entries {
        head.extend(e.tag.to_be_bytes());
        head.extend(e.ty.to_be_bytes());
        head.extend(e.count.to_be_bytes());
        if e.value.len() <= 4 {
            let mut v = e.value.clone();
            v.resize(4, 0);
            head.extend(v);
        } else {
            head.extend(((data_at + data.len()) as u32).to_be_bytes());
            data.extend(&e.value);
        }
    }
    head.extend(0u32.to_be_bytes());
    head.extend(data);
    head
}

/// A degree value as EXIF degrees, minutes and seconds (1/10000 s), and the decimal the
/// reader computes from them.
fn dms(value: f64) -> ([(u32, u32); 3], f64) {
    let value = value.abs();
    let d = value.floor();
    let m = ((value - d) * 60.0).floor();
    let s = (((value - d) * 60.0 - m) * 60.0 * 10000.0).round() as u32;
    let parts = [(d as u32, 1), (m as u32, 1), (s, 10000)];
    let back = parts[0].0 as f64 / 1.0
        + (parts[1].0 as f64 / 1.0) / 60.0
        + (parts[2].0 as f64 / 10000.0) / 3600.0;
    (parts, back)
}

/// A photo: EXIF make, model, artist, dates, body serial number and a GPS position.
fn photo_jpeg(g: &mut Gen, path: &str, truth: &mut Vec<Planted>) -> Vec<u8> {
    let artist = ascii_person(g);
    let lat = 8.0 + f64::from(g.below(22_000_000)) / 1e6;
    let lon = 70.0 + f64::from(g.below(18_000_000)) / 1e6;
    let (lat_dms, lat_back) = dms(lat);
    let (lon_dms, lon_back) = dms(lon);
    let position = format!("{lat_back:.6}, {lon_back:.6}");
    let serial = format!("{}", 100_000_000 + g.below(800_000_000));
    plant(
        truth,
        path,
        PiiType::GeoLocation,
        Some("exif.GPSPosition"),
        1,
        &position,
    );
    let date = "2024:03:05 10:21:07";
    let exif = vec![ascii(0x9003, date), ascii(0xa431, &serial)];
    let gps = vec![
        Entry {
            tag: 0,
            ty: 1,
            count: 4,
            value: vec![2, 3, 0, 0],
        },
        ascii(1, "N"),
        rationals(2, &lat_dms),
        ascii(3, "E"),
        rationals(4, &lon_dms),
    ];
    let ifd0_entries = |exif_at: u32, gps_at: u32| {
        vec![
            ascii(0x010f, "Canon"),
            ascii(0x0110, "Canon EOS 200D"),
            ascii(0x0132, date),
            ascii(0x013b, &artist),
            long(0x8769, exif_at),
            long(0x8825, gps_at),
        ]
    };
    let ifd0_len = ifd_len(&ifd0_entries(0, 0));
    let exif_at = 8 + ifd0_len;
    let gps_at = exif_at + ifd_len(&exif);
    let mut tiff = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    tiff.extend(ifd(&ifd0_entries(exif_at as u32, gps_at as u32), 8));
    tiff.extend(ifd(&exif, exif_at));
    tiff.extend(ifd(&gps, gps_at));
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = b"\xff\xd8".to_vec();
    out.extend([0xff, 0xe1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(frame(4000, 3000));
    out
}

/// Puts `bytes` of scan data (random bytes, `FF` stuffed as in entropy-coded data) before
/// the end of a JPEG, as a camera's image data would sit there.
fn pad_jpeg(g: &mut Gen, jpeg: &mut Vec<u8>, bytes: usize) {
    if bytes == 0 {
        return;
    }
    let end = jpeg.len() - 2;
    let mut scan = vec![
        0xff, 0xda, 0x00, 0x0c, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0,
    ];
    while scan.len() < bytes {
        let b = g.below(256) as u8;
        scan.push(b);
        if b == 0xff {
            scan.push(0);
        }
    }
    jpeg.splice(end..end, scan);
}

/// A JPEG frame header (SOF0) of `width` × `height`, three components, and the end.
fn frame(width: u16, height: u16) -> Vec<u8> {
    let mut out = vec![0xff, 0xc0, 0x00, 0x11, 8];
    out.extend(height.to_be_bytes());
    out.extend(width.to_be_bytes());
    out.extend([3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
    out.extend([0xff, 0xd9]);
    out
}

/// A JPEG without EXIF: a JFIF header with `dpi` if given, and its frame size.
fn plain_jpeg(width: u16, height: u16, dpi: Option<u16>) -> Vec<u8> {
    let mut out = b"\xff\xd8\xff\xe0\x00\x10JFIF\0\x01\x01".to_vec();
    let (units, density) = match dpi {
        Some(d) => (1u8, d),
        None => (0, 1),
    };
    out.push(units);
    out.extend(density.to_be_bytes());
    out.extend(density.to_be_bytes());
    out.extend([0, 0]);
    out.extend(frame(width, height));
    out
}

/// A customer's e-mail asking to change a delivery address.
fn customer_eml(g: &mut Gen, path: &str, truth: &mut Vec<Planted>) -> Vec<u8> {
    let name = ascii_person(g);
    let email = text(g, V::Email);
    let phone = text(g, V::Phone(Form::Strong));
    let address = text(g, V::Address);
    plant(truth, path, PiiType::Email, Some("From"), 1, &email);
    plant(truth, path, PiiType::Phone, None, 1, &phone);
    format!(
        "From: {name} <{email}>\r\nTo: Support <support@example.com>\r\nSubject: Please update my delivery address\r\nDate: Tue, 5 Mar 2024 10:00:00 +0530\r\nMessage-ID: <order-update-1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello,\r\n\r\nplease send my order to {address}.\r\nYou can call me on {phone}.\r\n\r\nThanks,\r\n{name}\r\n"
    )
    .into_bytes()
}
