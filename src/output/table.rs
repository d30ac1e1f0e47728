//! The human summary (stdout without `--report`): a header line, then plain-text tables with
//! aligned columns: per type, per field with its exposure, skipped inputs and errors. Only
//! masked examples appear; control characters in names are escaped so that a hostile field
//! name cannot drive the terminal. Column widths count characters (wide CJK glyphs may
//! misalign a column, never the content).

use crate::aggregate::{FieldStats, ScanSummary};
use crate::types::PiiType;
use std::borrow::Cow;
use std::io::{self, Write};

/// Writes the summary of `summary` to `out`.
pub fn render(summary: &ScanSummary, out: &mut impl Write) -> io::Result<()> {
    let bytes: u64 = summary.inputs.iter().map(|i| i.stats.bytes_scanned).sum();
    let records: u64 = summary.inputs.iter().map(|i| i.stats.records).sum();
    let rate = if summary.seconds > 0.0 {
        format!("{:.1} MB/s", bytes as f64 / 1e6 / summary.seconds)
    } else {
        "- MB/s".to_owned()
    };
    writeln!(
        out,
        "Scanned {} inputs: {} bytes, {} records in {:.2} s ({rate})",
        grouped(summary.inputs.len() as u64),
        grouped(bytes),
        grouped(records),
        summary.seconds.max(0.0),
    )?;
    if !summary.complete {
        writeln!(out, "Interrupted: the figures cover only what was scanned.")?;
    }

    let mut types = Table::new(&[("TYPE", false), ("COUNT", true), ("DISTINCT", true)]);
    for (ty, stats) in PiiType::ALL.into_iter().zip(&summary.totals.types) {
        if stats.count > 0 {
            types.row(vec![
                ty.name().into(),
                grouped(stats.count),
                grouped(stats.distinct.estimate()),
            ]);
        }
    }
    if types.rows.is_empty() {
        writeln!(out, "\nNo personal data found.")?;
    } else {
        types.write(out)?;
    }

    let mut fields = Table::new(&[
        ("PATH", false),
        ("FIELD", false),
        ("RECORDS", true),
        ("TYPE", false),
        ("COUNT", true),
        ("RECORDS", true),
        ("EXPOSURE", true),
        ("EXAMPLES", false),
    ]);
    for input in &summary.inputs {
        for field in &input.stats.fields {
            field_rows(&mut fields, &input.path, field);
        }
    }
    fields.write(out)?;

    let mut skipped = Table::new(&[("SKIPPED", false), ("REASON", false), ("BYTES", true)]);
    for s in &summary.skipped {
        skipped.row(vec![escaped(&s.path), escaped(&s.reason), grouped(s.bytes)]);
    }
    skipped.write(out)?;

    let mut errors = Table::new(&[("ERROR IN", false), ("REASON", false), ("AT BYTE", true)]);
    for e in &summary.errors {
        errors.row(vec![
            escaped(&e.path),
            escaped(&e.message),
            grouped(e.offset),
        ]);
    }
    errors.write(out)
}

/// One row per type found in `field`, in contract order; path and field on the first only.
fn field_rows(table: &mut Table, path: &str, field: &FieldStats) {
    let mut types: Vec<_> = field.types.iter().collect();
    types.sort_by_key(|(ty, _)| *ty);
    for (i, (ty, stats)) in types.into_iter().enumerate() {
        let (path, name, records) = if i == 0 {
            let name = field.name.as_deref().map_or("(none)".into(), escaped);
            (escaped(path), name, grouped(field.records))
        } else {
            Default::default()
        };
        let exposure = if field.records > 0 {
            format!(
                "{:.1}%",
                stats.records as f64 * 100.0 / field.records as f64
            )
        } else {
            "-".to_owned()
        };
        let examples: Vec<String> = stats.examples.iter().map(|e| escaped(e.as_str())).collect();
        table.row(vec![
            path,
            name,
            records,
            ty.name().into(),
            grouped(stats.count),
            grouped(stats.records),
            exposure,
            examples.join(", "),
        ]);
    }
}

/// `1234567` as `1,234,567`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// `text` with control characters written as `\u{1b}`.
fn escaped(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// A plain-text table: a header and rows, columns padded to their widest cell.
struct Table {
    header: Vec<(&'static str, bool)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column titles, each with whether it is right-aligned.
    fn new(header: &[(&'static str, bool)]) -> Table {
        Table {
            header: header.to_vec(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.header.len());
        self.rows.push(cells);
    }

    /// Writes a blank line, the header and the rows; nothing if there are no rows.
    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let width = |cell: &str| cell.chars().count();
        let mut widths: Vec<usize> = self.header.iter().map(|(h, _)| width(h)).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(cell));
            }
        }
        writeln!(out)?;
        let header = self.header.iter().map(|(h, _)| Cow::Borrowed(*h));
        self.write_line(out, &widths, header)?;
        for row in &self.rows {
            self.write_line(out, &widths, row.iter().map(|c| Cow::Borrowed(c.as_str())))?;
        }
        Ok(())
    }

    fn write_line<'a>(
        &self,
        out: &mut impl Write,
        widths: &[usize],
        cells: impl Iterator<Item = Cow<'a, str>>,
    ) -> io::Result<()> {
        let mut line = String::new();
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = widths[i].saturating_sub(cell.chars().count());
            if self.header[i].1 {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(&cell);
            } else {
                line.push_str(&cell);
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{}", line.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::report::tests::summary;

    fn rendered(summary: &ScanSummary) -> String {
        let mut out = Vec::new();
        render(summary, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn renders_the_numbers_it_is_given() {
        let text = rendered(&summary());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "Scanned 2 inputs: 1,500 bytes, 11 records in 1.23 s (0.0 MB/s)"
        );
        let expected = "
TYPE         COUNT  DISTINCT
person_name      1         1
email            3         2
phone            3         3

PATH               FIELD    RECORDS  TYPE         COUNT  RECORDS  EXPOSURE  EXAMPLES
dump/users.csv.gz  mobile         4  phone            3        3     75.0%  +91 ••••••3210
dump/users.csv.gz  contact        4  person_name      1        1     25.0%
                                     email            2        2     50.0%
dump/notes.txt     (none)         7  email            1        1     14.3%

SKIPPED    REASON   BYTES
img/1.jpg  binary  48,213

ERROR IN    REASON             AT BYTE
locked.csv  permission denied        0
";
        assert_eq!(&text[lines[0].len() + 1..], expected, "{text}");
    }

    #[test]
    fn throughput_and_interruption() {
        let mut s = summary();
        s.seconds = 0.5;
        s.inputs[0].stats.bytes_scanned = 2_000_000;
        s.complete = false;
        let text = rendered(&s);
        assert!(text.starts_with(
            "Scanned 2 inputs: 2,000,500 bytes, 11 records in 0.50 s (4.0 MB/s)\nInterrupted"
        ));
    }

    #[test]
    fn an_empty_scan_says_so() {
        let text = rendered(&ScanSummary {
            complete: true,
            ..ScanSummary::default()
        });
        assert_eq!(
            text,
            "Scanned 0 inputs: 0 bytes, 0 records in 0.00 s (- MB/s)\n\nNo personal data found.\n"
        );
    }

    #[test]
    fn numbers_are_grouped_and_controls_escaped() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(123_456_789), "123,456,789");
        assert_eq!(escaped("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        let mut s = summary();
        s.inputs[0].stats.fields[0].name = Some("\u{1b}]0;x\u{7}".into());
        assert!(!rendered(&s).contains('\u{1b}'));
    }
}
