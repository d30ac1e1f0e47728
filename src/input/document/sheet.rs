//! Spreadsheets (XLSX, XLS, ODS, read with `calamine`): a record per row, the field of a cell
//! `Sheet!header`. A sheet's first row is its header when CSV sniffing would take it for one
//! (the same judgement: names above cells of another kind); otherwise columns are
//! `Sheet!col1`, `Sheet!col2`, ... Numbers are written as they read (`9876543210`, not
//! `9.87e9`), dates as ISO `YYYY-MM-DD` (with the time when it is not midnight).

use super::{Builder, DocError, Extracted};
use calamine::{Data, Reader};
use std::io::Cursor;

/// How many rows below the first are looked at to judge whether it is a header.
const SNIFF_ROWS: usize = 20;

/// Extracts the cells of a workbook of report format `format` (`xlsx`, `xls`, `ods`).
pub fn extract(data: &[u8], format: &'static str) -> Result<Extracted, DocError> {
    let cursor = Cursor::new(data);
    let mut out = Builder::new(format);
    match format {
        "xlsx" => read(
            calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(cursor)
                .map_err(|_| unreadable(format))?,
            &mut out,
        ),
        "ods" => read(
            calamine::open_workbook_from_rs::<calamine::Ods<_>, _>(cursor)
                .map_err(|_| unreadable(format))?,
            &mut out,
        ),
        _ => read(
            calamine::open_workbook_from_rs::<calamine::Xls<_>, _>(cursor)
                .map_err(|_| unreadable(format))?,
            &mut out,
        ),
    }
    Ok(out.finish())
}

/// The error of a workbook that cannot be opened.
fn unreadable(format: &'static str) -> DocError {
    DocError::new(format, "cannot be parsed as a workbook")
}

/// Reads every sheet of `book` in order; a sheet that cannot be read is left out.
fn read<RS, R>(mut book: R, out: &mut Builder)
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
{
    for sheet in book.sheet_names() {
        let Ok(range) = book.worksheet_range(&sheet) else {
            continue;
        };
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|row| row.iter().map(cell_text).collect())
            .collect();
        let header = header(&rows);
        let body = if header.is_some() {
            &rows[1..]
        } else {
            &rows[..]
        };
        for row in body {
            for (j, cell) in row.iter().enumerate() {
                let name = match header.and_then(|h| h.get(j)).filter(|n| !n.is_empty()) {
                    Some(name) => format!("{sheet}!{name}"),
                    None => format!("{sheet}!col{}", j + 1),
                };
                out.value(Some(&name), cell);
            }
            out.end_record();
        }
    }
}

/// The first row, if it is a header above the rows below (CSV sniffing's judgement).
fn header(rows: &[Vec<String>]) -> Option<&Vec<String>> {
    let first = rows.first()?;
    let names: Option<Vec<Vec<u8>>> = first
        .iter()
        .map(|c| {
            let c = c.trim();
            (!c.is_empty()).then(|| c.as_bytes().to_vec())
        })
        .collect();
    let below: Vec<Vec<Option<Vec<u8>>>> = rows[1..]
        .iter()
        .take(SNIFF_ROWS)
        .map(|row| {
            row.iter()
                .map(|c| {
                    let c = c.trim();
                    (!c.is_empty()).then(|| c.as_bytes().to_vec())
                })
                .collect()
        })
        .collect();
    names
        .filter(|n| !n.is_empty() && crate::format::sniff::header(n, &below))
        .map(|_| first)
}

/// A cell as text: numbers as they read, dates in ISO form.
fn cell_text(cell: &Data) -> String {
    match cell {
        // Durations are rare in customer sheets; without calamine's `dates` feature (and
        // chrono) they cannot be told from dates and read as dates too.
        Data::DateTime(dt) => iso_date(dt.as_f64()),
        other => other.to_string(),
    }
}

/// An Excel date serial (days since 1899-12-30; workbooks in the 1904 system are rare and
/// read as if in the 1900 one) as `YYYY-MM-DD[ HH:MM:SS]`.
fn iso_date(serial: f64) -> String {
    // Serial 25569 is 1970-01-01.
    let (year, month, day) = crate::calendar::civil_from_days(serial.floor() as i64 - 25569);
    let secs = ((serial - serial.floor()) * 86400.0).round() as i64;
    if secs == 0 {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
        format!("{year:04}-{month:02}-{day:02} {h:02}:{m:02}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_are_iso_dates() {
        assert_eq!(iso_date(25569.0), "1970-01-01");
        assert_eq!(iso_date(32874.0), "1990-01-01");
        assert_eq!(iso_date(45292.5), "2024-01-01 12:00:00");
        assert_eq!(iso_date(60.0), "1900-02-28");
    }

    #[test]
    fn a_header_is_told_as_csv_tells_it() {
        let rows = |r: &[&[&str]]| -> Vec<Vec<String>> {
            r.iter()
                .map(|row| row.iter().map(|c| c.to_string()).collect())
                .collect()
        };
        let named = rows(&[&["name", "phone"], &["Asha Rao", "9876543210"]]);
        assert!(header(&named).is_some());
        let data = rows(&[&["Asha Rao", "9876543210"], &["Ravi", "9876543211"]]);
        assert!(header(&data).is_none());
    }
}
