//! SQL dumps (issue 5): the generator's mysqldump, pg_dump (`COPY` and `--column-inserts`)
//! and SQLite dump are scored against their ground truth at least as well as its CSV and TSV
//! files, with `table.column` fields; trigger and function bodies are never read as rows;
//! findings do not depend on chunk size, thread count or read path (a multi-megabyte
//! extended insert included); standard input is sniffed as SQL; a `.sql.gz` reads like its
//! plain form; a SQL Server script (UTF-16, `GO` batches, no `;`) is read too.

use crate::common::BUILT as SCORED;
use crate::common::{
    bin, findings_of, read_spans, same_as_scan_with, scan_with, synth, Score, Span,
};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// The SQL files of the generated corpus and the table each dumps.
const DUMPS: [(&str, &str); 4] = [
    ("mysql_users.sql", "users"),
    ("pg_payments.sql", "payments"),
    ("pg_users.sql", "users"),
    ("sqlite_people.sql", "people"),
];

fn is_sql(path: &str) -> bool {
    path.ends_with(".sql")
}

fn is_csv(path: &str) -> bool {
    path.ends_with(".csv") || path.ends_with(".tsv")
}

#[test]
fn sql_dumps_score_at_least_as_well_as_csv() {
    let corpus = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    synth(corpus.path(), 2_000_000, 12);
    let truth = read_spans(&corpus.path().join("truth.jsonl"));
    let findings = findings_of(corpus.path(), out.path());
    let part = |spans: &[Span], keep: fn(&str) -> bool| -> Vec<Span> {
        spans.iter().filter(|s| keep(&s.path)).cloned().collect()
    };
    let sql = Score::new(&part(&truth, is_sql), &part(&findings, is_sql));
    let csv = Score::new(&part(&truth, is_csv), &part(&findings, is_csv));
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for ty in SCORED.map(|t| t.name()) {
        let (sql_p, sql_r) = sql.precision_recall(ty);
        let (csv_p, csv_r) = csv.precision_recall(ty);
        report.push(format!(
            "{ty:<14} sql truth {:>5} P {sql_p:.4} R {sql_r:.4} | csv truth {:>5} P {csv_p:.4} R {csv_r:.4}",
            sql.truth(ty),
            csv.truth(ty)
        ));
        if sql.truth(ty) == 0 || sql_p < csv_p || sql_r < csv_r {
            failures.push(ty);
        }
    }
    println!("{}", report.join("\n"));
    assert!(
        failures.is_empty(),
        "SQL below CSV: {failures:?}\n{}",
        report.join("\n")
    );
    assert!(
        sql.field_errors.is_empty(),
        "{:?}",
        &sql.field_errors[..sql.field_errors.len().min(5)]
    );

    // Fields are `table.column`, of the file's table.
    let data = |name: &str| std::fs::read(corpus.path().join(name)).unwrap();
    for (name, table) in DUMPS {
        let of_file: Vec<&Span> = findings.iter().filter(|f| f.path == name).collect();
        assert!(of_file.len() > 100, "{name}: {}", of_file.len());
        for f in of_file {
            let field = f.field.as_deref().unwrap_or_default();
            let column = field.strip_prefix(table).and_then(|c| c.strip_prefix('.'));
            assert!(
                column.is_some_and(|c| !c.is_empty() && !c.contains('.')),
                "{name}: {f:?}"
            );
        }
        // The decoy insert inside a trigger or function body is no row.
        let bytes = data(name);
        let decoy = memchr::memmem::find_iter(&bytes, b"audit.bot@example.com").collect::<Vec<_>>();
        if name != "sqlite_people.sql" {
            assert!(!decoy.is_empty(), "{name} has its decoy body");
        }
        for at in decoy {
            assert!(
                !findings
                    .iter()
                    .any(|f| f.path == name && f.offset as usize == at),
                "{name}: the body at {at} was read as a row"
            );
        }
    }
}

/// Writes a dump whose one extended insert holds `rows` tuples (several MB), then a COPY
/// block and SQLite-style inserts.
fn big_dump(path: &Path, rows: usize) {
    let mut s = String::from(
        "-- MySQL dump 10.13\nCREATE TABLE `users` (`id` int, `email` text, `mobile` bigint, \
         `note` text);\nINSERT INTO `users` VALUES ",
    );
    for i in 0..rows {
        if i > 0 {
            s.push(',');
        }
        s += &format!(
            "({i},'user{i}@example.com',9198765{:05},'it\\'s (n;{i}), ''q'' \\\\ 0x41'),(NULL,_binary 'b{i}@example.org',NULL,0x{})",
            i % 100_000,
            "6340".repeat(1 + i % 3)
        );
    }
    s += ";\nCOPY public.contacts (name, phone) FROM stdin;\n";
    for i in 0..rows / 10 {
        s += &format!("Asha\\t{i}\t+91 98765 {:05}\n\\N\t\\N\n", i % 100_000);
    }
    s += "\\.\n";
    std::fs::write(path, s).unwrap();
}

#[test]
fn chunks_threads_and_read_path_do_not_change_sql_findings() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    big_dump(&dir.path().join("big.sql"), 40_000);
    assert!(std::fs::metadata(dir.path().join("big.sql")).unwrap().len() > 4 << 20);
    let (want_findings, want_report) = scan_with(dir.path(), out.path(), usize::MAX / 2, 1, true);
    assert!(
        want_findings.lines().count() > 80_000,
        "the dump has findings"
    );
    for (chunk, threads, mmap) in [
        (1, 2, true),
        (333, 8, false),
        (4096, 1, true),
        (1 << 20, 2, false),
    ] {
        same_as_scan_with(
            dir.path(),
            out.path(),
            (chunk, threads, mmap),
            &want_findings,
            &want_report,
        );
    }
}

/// Findings lines without their `path`.
fn without_paths(findings: &str) -> Vec<serde_json::Value> {
    findings
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("path");
            v
        })
        .collect()
}

/// Runs `leakscan scan <arg> --findings - -q` with `stdin`; (findings, report JSON).
fn scan_cli(arg: &Path, stdin: Stdio, report: &Path) -> (String, serde_json::Value) {
    let out = Command::new(bin())
        .arg("scan")
        .arg(arg)
        .args(["--findings", "-", "-q", "--report"])
        .arg(report)
        .stdin(stdin)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = serde_json::from_str(&std::fs::read_to_string(report).unwrap()).unwrap();
    (String::from_utf8(out.stdout).unwrap(), report)
}

#[test]
fn standard_input_and_gzip_read_like_the_plain_file() {
    let corpus = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    synth(corpus.path(), 400_000, 13);
    let report = out.path().join("r.json");
    for (name, _) in DUMPS {
        let path = corpus.path().join(name);
        let (plain, _) = scan_cli(&path, Stdio::null(), &report);
        assert!(plain.lines().count() > 20, "{name}");
        // Standard input: no name to go by, the content says SQL.
        let file = std::fs::File::open(&path).unwrap();
        let (piped, piped_report) = scan_cli(Path::new("-"), Stdio::from(file), &report);
        assert_eq!(piped_report["inputs"][0]["format"], "sql", "{name}");
        assert_eq!(
            without_paths(&piped),
            without_paths(&plain),
            "{name} from stdin"
        );
        // Gzipped, as a file and through a pipe.
        let gz = out.path().join(format!("{name}.gz"));
        let mut enc = flate2::write::GzEncoder::new(
            std::fs::File::create(&gz).unwrap(),
            flate2::Compression::fast(),
        );
        enc.write_all(&std::fs::read(&path).unwrap()).unwrap();
        enc.finish().unwrap();
        let (gzipped, _) = scan_cli(&gz, Stdio::null(), &report);
        assert_eq!(without_paths(&gzipped), without_paths(&plain), "{name}.gz");
        let file = std::fs::File::open(&gz).unwrap();
        let (piped, _) = scan_cli(Path::new("-"), Stdio::from(file), &report);
        assert_eq!(
            without_paths(&piped),
            without_paths(&plain),
            "{name}.gz from stdin"
        );
    }
}

/// An SSMS "Generate Scripts" data script, saved as SSMS saves it (UTF-16LE with a BOM):
/// rows of `INSERT [dbo].[t] (…) VALUES (N'…')` without `;`, `GO` batches, a `CAST` date;
/// a procedure body's `INSERT` is no row.
#[test]
fn sql_server_scripts_are_read() {
    let script = "USE [shop]\r\nGO\r\nSET ANSI_NULLS ON\r\nGO\r\n\
CREATE PROCEDURE [dbo].[Seed] AS\r\nBEGIN\r\n\tSET NOCOUNT ON;\r\n\
\tINSERT INTO [dbo].[Customers] ([Email]) VALUES (N'proc.body@example.com');\r\nEND\r\nGO\r\n\
SET IDENTITY_INSERT [dbo].[Customers] ON \r\n\r\n\
INSERT [dbo].[Customers] ([CustomerID], [FullName], [Email], [Mobile], [DateOfBirth]) VALUES (1, N'Asha Rao', N'asha.rao@example.com', N'+91 98765 43210', CAST(N'1985-03-04T00:00:00.000' AS DateTime))\r\n\
INSERT [dbo].[Customers] ([CustomerID], [FullName], [Email], [Mobile], [DateOfBirth]) VALUES (2, N'John O''Neil', N'john.oneil@example.org', N'+1 415 555 0100', NULL)\r\n\
SET IDENTITY_INSERT [dbo].[Customers] OFF\r\nGO\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(script.encode_utf16().flat_map(u16::to_le_bytes));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("customers.sql");
    std::fs::write(&path, bytes).unwrap();
    let (findings, report) = scan_cli(&path, Stdio::null(), &dir.path().join("r.json"));
    assert_eq!(report["inputs"][0]["format"], "sql");
    assert_eq!(report["inputs"][0]["records"], 2);
    let mut got: Vec<(String, String)> = findings
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["field"].as_str().unwrap().to_owned(),
                v["type"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    got.sort();
    let want = [
        ("dbo.Customers.DateOfBirth", "date_of_birth"),
        ("dbo.Customers.Email", "email"),
        ("dbo.Customers.Email", "email"),
        ("dbo.Customers.FullName", "person_name"),
        ("dbo.Customers.FullName", "person_name"),
        ("dbo.Customers.Mobile", "phone"),
        ("dbo.Customers.Mobile", "phone"),
    ];
    assert_eq!(got, want.map(|(f, t)| (f.to_owned(), t.to_owned())));
}
