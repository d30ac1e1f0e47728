//! Broken and hostile inputs, one table: each case is a file (or a path) built here, with what
//! leakscan must do with it — scan it (`ok`, in a format and encoding), keep what came before
//! the damage (`partial`, with an error naming the file), pass over it with a reason
//! (`skipped`), or name it in `errors`. All cases sit in one folder beside a good file, and
//! one scan of the folder must handle each as the table says, print a one-line message naming
//! every file it could not read, and still find the good file's values.
//!
//! Cases the suite covers elsewhere are not repeated: truncated and corrupt `.gz`, cut `.tar`,
//! `.tar.gz` and `.zip`, zip checksum errors (tests/containers.rs); bombs (ibid.); FIFOs,
//! symlink loops, unreadable directories, non-UTF-8 names (src/input/walk.rs); binary files
//! and containers not read through (tests/cli.rs).

use crate::common::bin;
use serde_json::Value;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What leakscan must do with one case.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// Scanned to its end, read in this format and encoding, with at least this many
    /// findings in it.
    Ok(&'static str, &'static str, u64),
    /// Scanned up to damage; the error's message starts with this.
    Partial(&'static str),
    /// Listed in `skipped` with this reason.
    Skipped(&'static str),
    /// Listed in `errors` with this message (no input entry).
    Error(&'static str),
}

/// One case: a file name, its bytes, what must happen.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    expect: Expect,
}

/// A CSV row with an e-mail and a phone in it.
const ROW: &str = "Asha Rao,asha.rao@example.com,+91 98765 43210\n";

fn csv(rows: usize) -> Vec<u8> {
    let mut text = String::from("name,email,mobile\n");
    for _ in 0..rows {
        text += ROW;
    }
    text.into_bytes()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn zstd(data: &[u8]) -> Vec<u8> {
    zstd::encode_all(data, 3).unwrap()
}

fn bzip2(data: &[u8]) -> Vec<u8> {
    let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn xz(data: &[u8]) -> Vec<u8> {
    let mut e = liblzma::write::XzEncoder::new(Vec::new(), 6);
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn zip(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in members {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file(*name, options).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn tar(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in members {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        b.append_data(&mut header, name, *data).unwrap();
    }
    b.into_inner().unwrap()
}

/// The first `keep` parts in 1000 of `data`.
fn cut(data: Vec<u8>, keep: usize) -> Vec<u8> {
    data[..data.len() * keep / 1000].to_vec()
}

/// A zip whose central directory is overwritten with garbage (its local headers intact).
fn zip_bad_directory() -> Vec<u8> {
    let mut data = zip(&[("a.csv", &csv(200)), ("b.csv", &csv(200))]);
    let eocd = data.len() - 22;
    let cd = u32::from_le_bytes(data[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
    for b in &mut data[cd..eocd] {
        *b = 0xA5;
    }
    data
}

/// UTF-16LE without a byte-order mark.
fn utf16le(text: &[u8]) -> Vec<u8> {
    text.iter().flat_map(|&b| [b, 0]).collect()
}

fn cases() -> Vec<Case> {
    let data = csv(2000);
    let case = |name, bytes, expect| Case {
        name,
        bytes,
        expect,
    };
    let mut field = b"id,note\n1,\"".to_vec();
    field.extend(vec![b'x'; 2 << 20]);
    field.extend_from_slice(b" asha.rao@example.com\"\n");
    let mut deep = vec![b'['; 100_000];
    deep.extend_from_slice(b"\"asha.rao@example.com\"");
    deep.extend(vec![b']'; 100_000]);
    let mut invalid = csv(20);
    invalid.extend_from_slice(b"R\xe9my \xff\xfe,remy@example.com,+91 98765 43210\n");
    let mut nuls = csv(1_000);
    nuls.extend_from_slice(b"Zoe,zoe@example.com\0\0\0,+91 98765 43210\n");
    nuls.extend_from_slice(&csv(20)[18..]);
    let mut nul_head = csv(20);
    nul_head.extend_from_slice(b"Zoe,zoe@example.com\0\0\0,+91 98765 43210\n");
    vec![
        case("empty.csv", Vec::new(), Expect::Ok("csv", "utf-8", 0)),
        case("zero.gz", Vec::new(), Expect::Ok("text", "utf-8", 0)),
        case(
            "empty-content.csv.gz",
            gzip(b""),
            Expect::Ok("csv", "utf-8", 0),
        ),
        case("empty.zip", zip(&[]), Expect::Skipped("empty")),
        // An empty tar is two blocks of zeros: no magic tells it from any file of zeros.
        case("empty.tar", tar(&[]), Expect::Skipped("binary")),
        // One zstd block, one bzip2 block: nothing decodes before the cut.
        case(
            "cut.csv.zst",
            cut(zstd(&data), 500),
            Expect::Error("zstd: unexpected end"),
        ),
        case(
            "cut-late.csv.zst",
            cut(zstd(&csv(20_000)), 900),
            Expect::Partial("zstd: "),
        ),
        case(
            "cut.csv.bz2",
            cut(bzip2(&data), 500),
            Expect::Error("bzip2: unexpected end"),
        ),
        case("cut.csv.xz", cut(xz(&data), 500), Expect::Partial("xz: ")),
        case(
            "bad-directory.zip",
            zip_bad_directory(),
            Expect::Error("zip: "),
        ),
        case(
            "gzip-named.csv",
            gzip(&data),
            Expect::Ok("csv", "utf-8", 4000),
        ),
        case(
            "text-named.gz",
            data.clone(),
            Expect::Ok("csv", "utf-8", 4000),
        ),
        case("long-field.csv", field, Expect::Ok("csv", "utf-8", 1)),
        case(
            "unbalanced.csv",
            [&data[..], b"2,\"never closed, asha@example.com\n3,x,y\n"].concat(),
            Expect::Ok("csv", "utf-8", 4000),
        ),
        case(
            "ragged.csv",
            b"a,b,c\n1\n2,asha.rao@example.com,3,4,5,6\n\n7,8\n".to_vec(),
            Expect::Ok("csv", "utf-8", 1),
        ),
        case("deep.json", deep, Expect::Ok("json", "utf-8", 1)),
        case("invalid-utf8.csv", invalid, Expect::Ok("csv", "utf-8", 41)),
        case("nul-bytes.csv", nuls, Expect::Ok("csv", "utf-8", 2_041)),
        // NUL bytes within the first 8 KiB (what content is told from) make a file binary.
        case("nul-head.csv", nul_head, Expect::Skipped("binary")),
        case(
            "no-bom-utf16.txt",
            utf16le(b"contact: asha.rao@example.com\nphone: +91 98765 43210\n"),
            Expect::Ok("text", "utf-16le", 2),
        ),
    ]
}

/// Runs the binary on `dir`; returns exit code, report and stderr.
fn scan(dir: &Path, report: &Path) -> (Option<i32>, Value, String) {
    let out = Command::new(bin())
        .args(["scan", "-q", "--report"])
        .arg(report)
        .arg(dir)
        .output()
        .expect("leakscan runs");
    let json = std::fs::read_to_string(report).expect("report written");
    (
        out.status.code(),
        serde_json::from_str(&json).expect("report is JSON"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The entries of `list` in the report whose path is `path` or a member of it.
fn entries<'r>(report: &'r Value, list: &str, path: &str) -> Vec<&'r Value> {
    let member = format!("{path}!");
    report[list]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            let p = e["path"].as_str().unwrap();
            p == path || p.starts_with(&member)
        })
        .collect()
}

/// What the report and stderr say of `path`, checked against `expect`; `Err` says how not.
fn check(report: &Value, stderr: &str, path: &str, expect: Expect) -> Result<(), String> {
    let inputs = entries(report, "inputs", path);
    let skipped = entries(report, "skipped", path);
    let errors = entries(report, "errors", path);
    let seen = format!("inputs {inputs:?}, skipped {skipped:?}, errors {errors:?}");
    let message_named = |prefix: &str| {
        let error = errors
            .iter()
            .find(|e| e["error"].as_str().unwrap().starts_with(prefix));
        let Some(error) = error else {
            return Err(format!("no error starting `{prefix}`: {seen}"));
        };
        let line = format!(
            "leakscan: {}: {}",
            error["path"].as_str().unwrap(),
            error["error"].as_str().unwrap()
        );
        match stderr.lines().filter(|l| l.starts_with(&line)).count() {
            1 => Ok(()),
            n => Err(format!("{n} stderr lines start `{line}`")),
        }
    };
    match expect {
        Expect::Ok(format, encoding, findings) => {
            let [input] = inputs[..] else {
                return Err(format!("not one input: {seen}"));
            };
            if !skipped.is_empty() || !errors.is_empty() {
                return Err(format!("not clean: {seen}"));
            }
            if input["status"] != "ok" || input["format"] != format || input["encoding"] != encoding
            {
                return Err(format!("want ok {format} {encoding}: {input}"));
            }
            if input["bytes_scanned"] != input["bytes_decoded"] {
                return Err(format!("not all scanned: {input}"));
            }
            let count: u64 = report["fields"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["path"] == input["path"])
                .flat_map(|f| f["types"].as_object().unwrap().values())
                .map(|t| t["count"].as_u64().unwrap())
                .sum();
            if count < findings {
                return Err(format!("{count} findings, want at least {findings}"));
            }
            Ok(())
        }
        Expect::Partial(prefix) => {
            if !inputs
                .iter()
                .any(|i| i["status"] == "partial" && i["bytes_scanned"].as_u64() > Some(0))
            {
                return Err(format!("no partial input with bytes scanned: {seen}"));
            }
            message_named(prefix)
        }
        Expect::Skipped(reason) => match skipped.iter().any(|s| s["reason"] == reason) {
            true if inputs.is_empty() && errors.is_empty() => Ok(()),
            _ => Err(format!("want skipped `{reason}` only: {seen}")),
        },
        Expect::Error(prefix) => message_named(prefix),
    }
}

#[test]
fn broken_inputs_are_each_handled_and_named() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    let cases = cases();
    for case in &cases {
        std::fs::write(dir.join(case.name), &case.bytes).unwrap();
    }
    std::fs::write(dir.join("zz-good.csv"), csv(10)).unwrap();
    // A directory that vanished after it was listed: a link to it is left dangling.
    std::fs::create_dir(tmp.path().join("gone")).unwrap();
    std::os::unix::fs::symlink(tmp.path().join("gone"), dir.join("vanished")).unwrap();
    std::fs::remove_dir(tmp.path().join("gone")).unwrap();
    // Permission denied (not producible as root, who reads any file).
    let locked = dir.join("locked.csv");
    std::fs::write(&locked, csv(10)).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root = std::fs::File::open(&locked).is_ok();

    let (code, report, stderr) = scan(&dir, &tmp.path().join("report.json"));
    let shown = |name: &str| dir.join(name).display().to_string();
    let mut failures = Vec::new();
    for case in &cases {
        if let Err(why) = check(&report, &stderr, &shown(case.name), case.expect) {
            failures.push(format!("{}: {why}", case.name));
        }
    }
    let extra = [
        ("vanished", Expect::Error("broken symlink")),
        ("zz-good.csv", Expect::Ok("csv", "utf-8", 20)),
    ];
    for (name, expect) in extra {
        if let Err(why) = check(&report, &stderr, &shown(name), expect) {
            failures.push(format!("{name}: {why}"));
        }
    }
    if root {
        eprintln!("running as root: the permission-denied case is not checked");
    } else if let Err(why) = check(
        &report,
        &stderr,
        &shown("locked.csv"),
        Expect::Error("permission denied"),
    ) {
        failures.push(format!("locked.csv: {why}"));
    }
    assert!(
        failures.is_empty(),
        "{}\nstderr:\n{stderr}",
        failures.join("\n")
    );
    assert_eq!(code, Some(1), "some inputs could not be read: exit 1");
}

/// Sums `key` over the entries of `list`.
fn sum(report: &Value, list: &str, key: &str) -> u64 {
    report[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e[key].as_u64().unwrap())
        .sum()
}

/// Decoded bytes a gzip stream yields before it fails or ends, by flate2 itself.
fn gunzip_len(data: &[u8]) -> u64 {
    let mut decoder = flate2::read::MultiGzDecoder::new(data);
    let mut buf = [0u8; 4096];
    let mut total = 0;
    while let Ok(n @ 1..) = decoder.read(&mut buf) {
        total += n as u64;
    }
    total
}

/// Every byte is accounted for: scanned, plus skipped inside inputs, plus skipped inputs,
/// plus errors, is what the inputs hold. A plain file holds its size, a compressed file or
/// archive the decoded content of its members (up to the damage in a damaged one), and a file
/// that cannot be read, or a document that cannot be parsed, its size.
#[test]
fn every_byte_is_scanned_skipped_or_in_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mixed");
    std::fs::create_dir(&dir).unwrap();
    let plain = csv(300);
    let mut binary = vec![0x7f, b'E', b'L', b'F'];
    binary.extend((0..70_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    let other = csv(50);
    let damaged = cut(gzip(&csv(3000)), 600);
    let mut held = 0u64;
    let mut put = |name: &str, bytes: &[u8], holds: u64| {
        std::fs::write(dir.join(name), bytes).unwrap();
        held += holds;
    };
    put("plain.csv", &plain, plain.len() as u64);
    put("binary.bin", &binary, binary.len() as u64);
    put("empty.csv", b"", 0);
    put(
        "pack.tar.gz",
        &gzip(&tar(&[("a.csv", &plain), ("b.csv", &other)])),
        (plain.len() + other.len()) as u64,
    );
    put(
        "pack.zip",
        &zip(&[("c.csv", &other), ("d.bin", &binary)]),
        (other.len() + binary.len()) as u64,
    );
    put("damaged.csv.gz", &damaged, gunzip_len(&damaged));
    // A document that cannot be parsed: all its bytes are its error's.
    let broken_pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage\n";
    put("broken.pdf", broken_pdf, broken_pdf.len() as u64);
    let blobs = blob_lines(20);
    put("blobs.jsonl", &blobs, blobs.len() as u64);
    // A file that cannot be read: without read permission, or (as root, who reads any file)
    // one that fails at its first byte.
    let locked = dir.join("locked.csv");
    std::fs::write(&locked, &plain).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&locked).is_ok() {
        std::fs::remove_file(&locked).unwrap();
        std::os::unix::fs::symlink("/proc/self/mem", &locked).unwrap();
    } else {
        held += plain.len() as u64;
    }

    let (code, report, stderr) = scan(&dir, &tmp.path().join("report.json"));
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(report["errors"].as_array().unwrap().len(), 3, "{report}");
    let accounted = report["scanned"]["bytes"].as_u64().unwrap()
        + sum(&report, "inputs", "bytes_skipped")
        + sum(&report, "skipped", "bytes")
        + sum(&report, "errors", "bytes");
    assert_eq!(
        accounted,
        held,
        "scanned {} + skipped in inputs {} + skipped {} + errors {}",
        report["scanned"]["bytes"],
        sum(&report, "inputs", "bytes_skipped"),
        sum(&report, "skipped", "bytes"),
        sum(&report, "errors", "bytes")
    );
    // Per input: scanned and skipped make up what was decoded.
    for input in report["inputs"].as_array().unwrap() {
        assert_eq!(
            input["bytes_scanned"].as_u64().unwrap() + input["bytes_skipped"].as_u64().unwrap(),
            input["bytes_decoded"].as_u64().unwrap(),
            "{input}"
        );
    }
}

/// JSON lines, each an e-mail beside a 4 KB base64 photo whose bytes spell nothing.
fn blob_lines(n: usize) -> Vec<u8> {
    use base64::Engine;
    let mut out = Vec::new();
    for i in 0..n as u32 {
        let raw: Vec<u8> = (0..3072u32)
            .map(|j| ((i * 3072 + j).wrapping_mul(2_654_435_761) >> 24) as u8)
            .collect();
        let photo = base64::engine::general_purpose::STANDARD.encode(raw);
        out.extend(
            format!("{{\"email\":\"user{i}@example.com\",\"photo\":\"{photo}\"}}\n").bytes(),
        );
    }
    out
}

/// Long base64 values are passed over and counted as skipped; the values beside them are
/// still scanned.
#[test]
fn blobs_are_skipped_and_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("blobs.jsonl"), blob_lines(20)).unwrap();
    let (code, report, stderr) = scan(&dir, &tmp.path().join("report.json"));
    assert_eq!(code, Some(0), "{stderr}");
    let input = &report["inputs"][0];
    // Each photo is 4096 bytes of base64; its escaped form in the file is as long.
    assert_eq!(input["bytes_skipped"].as_u64(), Some(20 * 4096), "{input}");
    assert_eq!(
        report["types"]["email"]["count"].as_u64(),
        Some(20),
        "{report}"
    );
    assert!(report["fields"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["field"] != "photo" || f["types"].as_object().unwrap().is_empty()));
}

/// Waits up to `limit` for `child` to exit.
fn wait_for(child: &mut std::process::Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

/// SIGINT during a scan of an endless stream: the scan stops within a second or two, writes
/// a report marked incomplete with what it scanned, lists the input it did not start as
/// `interrupted`, leaves whole findings lines, and exits 130.
#[test]
fn sigint_stops_the_scan_and_writes_an_incomplete_report() {
    let tmp = tempfile::tempdir().unwrap();
    let later = tmp.path().join("later.csv");
    std::fs::write(&later, csv(10)).unwrap();
    let report = tmp.path().join("report.json");
    let findings = tmp.path().join("findings.jsonl");
    let mut child = Command::new(bin())
        .args(["scan", "-q", "--report"])
        .arg(&report)
        .arg("--findings")
        .arg(&findings)
        .arg("-")
        .arg(&later)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let block = csv(20_000);
    let feeder = std::thread::spawn(move || {
        let mut fed = 0u64;
        while stdin.write_all(&block).is_ok() {
            fed += block.len() as u64;
        }
        fed
    });
    // Let it scan a while (several windows).
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "an endless stream is still being scanned"
    );
    let sent = Instant::now();
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = wait_for(&mut child, Duration::from_secs(20));
    let took = sent.elapsed();
    let Some(status) = status else {
        child.kill().unwrap();
        panic!("still running 20 s after SIGINT");
    };
    let fed = feeder.join().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(
        took < Duration::from_secs(2),
        "stopped {took:?} after SIGINT"
    );

    let report: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(report["complete"], false);
    let input = &report["inputs"][0];
    assert_eq!(input["path"], "-");
    let scanned = input["bytes_scanned"].as_u64().unwrap();
    assert!(scanned > 0, "what was scanned is reported: {input}");
    assert_eq!(
        scanned + input["bytes_skipped"].as_u64().unwrap(),
        input["bytes_decoded"].as_u64().unwrap()
    );
    // (The last block may have been written in part when the pipe closed.)
    assert!(input["bytes_decoded"].as_u64().unwrap() <= fed + csv(20_000).len() as u64);
    assert_eq!(
        report["skipped"][0],
        serde_json::json!({"path": later.display().to_string(), "reason": "interrupted",
                           "bytes": csv(10).len()})
    );
    // Findings are whole lines, as many as the report counts.
    let text = std::fs::read_to_string(&findings).unwrap();
    for line in text.lines() {
        serde_json::from_str::<Value>(line).expect("a whole findings line");
    }
    let counted: u64 = report["types"]
        .as_object()
        .unwrap()
        .values()
        .map(|t| t["count"].as_u64().unwrap())
        .sum();
    assert_eq!(text.lines().count() as u64, counted);
}
