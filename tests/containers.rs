//! Compressed files and archives. The same corpus, plain and packed every supported way
//! (gzip, also multi-member; zstd; bzip2; xz; zip deflated, stored, and streamed with data
//! descriptors; tar; tar.gz; tar.zst; a zip inside a tar.gz), gives the same findings — type,
//! field, record, offset in the decoded content — read from memory maps, streams and standard
//! input. Truncated and corrupt archives keep what came before the damage and say where it
//! is; bombs stop at a limit; what cannot be read is named; memory stays bounded. UTF-16
//! text gives the UTF-8 findings, at offsets in its stored bytes.

// A finding as compared across forms: the fields the contract fixes.
use crate::common::Span as Found;
use crate::common::{bin, csv_block, scan_tuned, synth};
use leakscan::input::container::Limits;
use leakscan::output::report;
use leakscan::scan::{self, ScanOptions, DEFAULT_CHUNK};
use serde::Deserialize;
use serde_json::Value;
use std::io::{Cursor, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn parse_findings(text: &str) -> Vec<Found> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("a findings line"))
        .collect()
}

/// The dump files `leakscan synth` writes (not its truth), by name.
fn corpus(dir: &Path) -> Vec<(String, Vec<u8>)> {
    synth(dir, 240_000, 11);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().unwrap() != "truth.jsonl")
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the corpus has several formats");
    files
}

/// Scans `path` in-process; returns findings and the report (as JSON).
fn scan_path(path: &Path, out: &Path, tune: impl FnOnce(&mut ScanOptions)) -> (Vec<Found>, Value) {
    let (text, report) = scan_tuned(path, out, b"containers test", tune);
    (parse_findings(&text), report)
}

/// The plain file a reported path stands for: the member after the last `!`, or the file
/// name without its compression extension.
fn plain_name(path: &str) -> String {
    if let Some((_, member)) = path.rsplit_once('!') {
        return member.to_string();
    }
    let name = path.rsplit('/').next().unwrap();
    for ext in [".gz", ".zst", ".bz2", ".xz"] {
        if let Some(stem) = name.strip_suffix(ext) {
            return stem.to_string();
        }
    }
    name.to_string()
}

/// Findings with paths mapped to plain names, in a canonical order.
fn by_plain_name(found: &[Found]) -> Vec<Found> {
    let mut mapped: Vec<Found> = found
        .iter()
        .map(|f| Found {
            path: plain_name(&f.path),
            ..f.clone()
        })
        .collect();
    mapped.sort();
    mapped
}

/// Per input (by plain name): format, records and decoded bytes.
fn input_shapes(report: &Value) -> Vec<(String, String, u64, u64, String)> {
    let mut shapes: Vec<_> = report["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|input| {
            (
                plain_name(input["path"].as_str().unwrap()),
                input["format"].as_str().unwrap().to_string(),
                input["records"].as_u64().unwrap(),
                input["bytes_decoded"].as_u64().unwrap(),
                input["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    shapes.sort();
    shapes
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

/// Gzip in three members, cut at arbitrary bytes (inside records).
fn gzip_multi(data: &[u8]) -> Vec<u8> {
    let (a, b) = (data.len() / 3 + 7, data.len() * 2 / 3 + 1);
    [&data[..a], &data[a..b], &data[b..]]
        .iter()
        .flat_map(|part| gzip(part))
        .collect()
}

fn zstd(data: &[u8]) -> Vec<u8> {
    zstd::encode_all(data, 3).unwrap()
}

fn bzip2(data: &[u8]) -> Vec<u8> {
    let mut encoder = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

fn xz(data: &[u8]) -> Vec<u8> {
    let mut encoder = liblzma::write::XzEncoder::new(Vec::new(), 6);
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

fn zip_options(method: zip::CompressionMethod) -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default().compression_method(method)
}

fn zip(files: &[(String, Vec<u8>)], method: zip::CompressionMethod) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in files {
        writer
            .start_file(name.as_str(), zip_options(method))
            .unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// A zip written to a stream: sizes and CRCs follow each member in a data descriptor.
fn zip_streamed(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut writer = zip::ZipWriter::new_stream(&mut out);
    for (name, data) in files {
        writer
            .start_file(name.as_str(), zip_options(zip::CompressionMethod::Deflated))
            .unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap();
    out
}

fn tar(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append_data(&mut header, name, &data[..]).unwrap();
    }
    builder.into_inner().unwrap()
}

/// Writes each packed form of `files` into its own directory under `root`.
fn pack_all(files: &[(String, Vec<u8>)], root: &Path) -> Vec<(&'static str, std::path::PathBuf)> {
    type Packer = fn(&[u8]) -> Vec<u8>;
    let mut forms = Vec::new();
    let per_file: [(&str, &str, Packer); 5] = [
        ("gz", ".gz", gzip),
        ("gz-multi", ".gz", gzip_multi),
        ("zst", ".zst", zstd),
        ("bz2", ".bz2", bzip2),
        ("xz", ".xz", xz),
    ];
    for (label, ext, pack) in per_file {
        let dir = root.join(label);
        std::fs::create_dir(&dir).unwrap();
        for (name, data) in files {
            std::fs::write(dir.join(format!("{name}{ext}")), pack(data)).unwrap();
        }
        forms.push((label, dir));
    }
    let inner_zip = zip(files, zip::CompressionMethod::Deflated);
    let archives: [(&str, &str, Vec<u8>); 7] = [
        ("zip", "pack.zip", inner_zip.clone()),
        (
            "zip-stored",
            "pack.zip",
            zip(files, zip::CompressionMethod::Stored),
        ),
        ("zip-streamed", "pack.zip", zip_streamed(files)),
        ("tar", "pack.tar", tar(files)),
        ("tar.gz", "pack.tar.gz", gzip(&tar(files))),
        ("tar.zst", "pack.tar.zst", zstd(&tar(files))),
        (
            "nested",
            "outer.tar.gz",
            gzip(&tar(&[("dir/inner.zip".to_string(), inner_zip)])),
        ),
    ];
    for (label, name, bytes) in archives {
        let dir = root.join(label);
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
        forms.push((label, dir));
    }
    forms
}

#[test]
fn packed_forms_give_the_plain_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let plain_dir = tmp.path().join("plain");
    std::fs::create_dir(&plain_dir).unwrap();
    let files = corpus(&plain_dir);
    std::fs::remove_file(plain_dir.join("truth.jsonl")).unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let (plain, plain_report) = scan_path(&plain_dir, &out, |_| {});
    let want = by_plain_name(&plain);
    let want_shapes = input_shapes(&plain_report);
    assert!(want.len() > 500, "the corpus has findings");

    let packed = tmp.path().join("packed");
    std::fs::create_dir(&packed).unwrap();
    let mut failures = Vec::new();
    for (label, dir) in pack_all(&files, &packed) {
        // Memory-mapped (zip through its central directory) with default chunks, and read
        // as streams (zip through its local headers) in small chunks on two threads.
        for stream in [false, true] {
            let (found, report) = scan_path(&dir, &out, |opts| {
                if stream {
                    opts.mmap = false;
                    opts.chunk_size = 3000;
                    opts.threads = 2;
                }
            });
            let how = format!("{label} (stream: {stream})");
            if by_plain_name(&found) != want {
                failures.push(format!(
                    "{how}: findings differ ({} vs {})",
                    found.len(),
                    want.len()
                ));
            }
            if input_shapes(&report) != want_shapes {
                failures.push(format!("{how}: inputs differ: {:?}", input_shapes(&report)));
            }
            for key in ["skipped", "errors"] {
                if report[key] != Value::Array(Vec::new()) {
                    failures.push(format!("{how}: {key}: {}", report[key]));
                }
            }
            if label == "nested" {
                let path = report["inputs"][0]["path"].as_str().unwrap();
                assert!(
                    path.ends_with("outer.tar.gz!dir/inner.zip!app.log"),
                    "nested member name: {path}"
                );
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");

    // Sizes: a compressed file's stored size, a zip member's compressed size, a member
    // of a compressed tar unknown.
    let (_, report) = scan_path(&packed.join("gz"), &out, |_| {});
    let first = &report["inputs"][0];
    let on_disk = std::fs::metadata(packed.join("gz").join(format!("{}.gz", files[0].0)))
        .unwrap()
        .len();
    assert_eq!(first["bytes_on_disk"], on_disk);
    assert_eq!(first["bytes_decoded"], files[0].1.len() as u64);
    let (_, report) = scan_path(&packed.join("tar.gz"), &out, |_| {});
    assert_eq!(report["inputs"][0]["bytes_on_disk"], 0);
    let (_, report) = scan_path(&packed.join("zip-stored"), &out, |_| {});
    assert_eq!(
        report["inputs"][0]["bytes_on_disk"],
        files[0].1.len() as u64
    );
}

/// Runs the binary with `stdin` piped in.
fn run_with_stdin(args: &[&str], stdin: Vec<u8>) -> Output {
    let mut child = Command::new(bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("leakscan runs");
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // The scan may stop reading early (an error): a broken pipe is no failure here.
        let _ = pipe.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

#[test]
fn standard_input_is_sniffed_for_every_container() {
    let tmp = tempfile::tempdir().unwrap();
    let files = corpus(tmp.path());
    let (name, csv) = files
        .iter()
        .find(|(name, _)| name.ends_with(".csv"))
        .unwrap();
    let plain_path = tmp.path().join(name);
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let (plain, _) = scan_path(&plain_path, &out, |_| {});
    let (all, _) = scan_path(tmp.path(), &out, |_| {});
    let all: Vec<Found> = by_plain_name(&all)
        .into_iter()
        .filter(|f| f.path != "truth.jsonl")
        .collect();

    let single: [(&str, Vec<u8>); 5] = [
        ("plain", csv.clone()),
        ("gz", gzip(csv)),
        ("zst", zstd(csv)),
        ("bz2", bzip2(csv)),
        ("xz", xz(csv)),
    ];
    for (label, bytes) in single {
        let out = run_with_stdin(&["scan", "-", "--findings", "-", "-q"], bytes);
        assert_eq!(out.status.code(), Some(0), "{label}");
        let found = parse_findings(&String::from_utf8(out.stdout).unwrap());
        assert!(found.iter().all(|f| f.path == "-"), "{label}: named `-`");
        let found: Vec<Found> = found
            .into_iter()
            .map(|f| Found {
                path: plain[0].path.clone(),
                ..f
            })
            .collect();
        assert_eq!(found, plain, "{label} through standard input");
    }
    let archives: [(&str, Vec<u8>); 3] = [
        ("tar.gz", gzip(&tar(&files))),
        ("zip", zip(&files, zip::CompressionMethod::Deflated)),
        ("zip-streamed", zip_streamed(&files)),
    ];
    for (label, bytes) in archives {
        let out = run_with_stdin(&["scan", "-", "--findings", "-", "-q"], bytes);
        assert_eq!(out.status.code(), Some(0), "{label}");
        let found = parse_findings(&String::from_utf8(out.stdout).unwrap());
        assert!(
            found.iter().all(|f| f.path.starts_with("-!")),
            "{label}: `-!member`"
        );
        assert_eq!(by_plain_name(&found), all, "{label} through standard input");
    }
    // A forced format applies to what is inside.
    let out = run_with_stdin(
        &["scan", "-", "--findings", "-", "-q", "--format", "text"],
        gzip(csv),
    );
    let found = parse_findings(&String::from_utf8(out.stdout).unwrap());
    assert!(!found.is_empty() && found.iter().all(|f| f.field.is_none()));
}

/// The findings of `found` that end before `end`, without their path.
fn before(found: &[Found], end: u64) -> Vec<Found> {
    let mut kept: Vec<Found> = found
        .iter()
        .filter(|f| f.offset + f.length < end)
        .map(|f| Found {
            path: String::new(),
            ..f.clone()
        })
        .collect();
    kept.sort();
    kept
}

#[test]
fn damage_keeps_what_came_before_and_says_where() {
    let tmp = tempfile::tempdir().unwrap();
    let files = corpus(tmp.path());
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let (name, csv) = files
        .iter()
        .find(|(name, _)| name.ends_with(".csv"))
        .unwrap();
    let (plain, _) = scan_path(&tmp.path().join(name), &out, |_| {});
    let bad = tmp.path().join("bad");
    std::fs::create_dir(&bad).unwrap();

    // A truncated gzip and one with a byte flipped in its deflate data.
    let packed = gzip(csv);
    let mut flipped = packed.clone();
    flipped[packed.len() / 2] ^= 0x55;
    for (label, bytes) in [
        ("truncated", packed[..packed.len() * 3 / 5].to_vec()),
        ("corrupt", flipped),
    ] {
        let path = bad.join(format!("{label}.csv.gz"));
        std::fs::write(&path, bytes).unwrap();
        for stream in [false, true] {
            let (found, report) = scan_path(&path, &out, |opts| opts.mmap = !stream);
            let input = &report["inputs"][0];
            let error = &report["errors"][0];
            assert_eq!(input["status"], "partial", "{label}: {report}");
            assert_eq!(error["path"], input["path"]);
            assert!(
                error["error"].as_str().unwrap().starts_with("gzip: "),
                "{error}"
            );
            let offset = error["offset"].as_u64().unwrap();
            assert_eq!(offset, input["bytes_decoded"].as_u64().unwrap());
            assert!(offset > 0, "{label}: {offset}");
            if label == "corrupt" {
                // A flipped byte may decode to garbage of any length before the checksum
                // catches it: only the truncated stream has a known good prefix.
                continue;
            }
            assert!(offset <= csv.len() as u64, "{label}: {offset}");
            // Everything before the damage (less the record it cut) is found as in the
            // plain file.
            let safe = offset.saturating_sub(2000);
            assert_eq!(before(&found, safe), before(&plain, safe), "{label}");
            assert!(!before(&found, safe).is_empty() || safe == 0);
        }
        let out = Command::new(bin())
            .args(["scan", "-q"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{label}: exit code");
    }

    // Archives cut in the middle of the third member's data: the members before are whole,
    // the cut one is partial at exactly the bytes that were there, the error names it.
    let (plain_all, plain_report) = scan_path(tmp.path(), &out, |opts| {
        opts.paths = files
            .iter()
            .map(|(name, _)| tmp.path().join(name).into_os_string())
            .collect();
    });
    let plain_all = by_plain_name(&plain_all);
    let plain_shapes = input_shapes(&plain_report);
    let (victim, data) = &files[2];
    let half = data.len() / 2;
    let cut_in_data = |archive: &[u8]| {
        let at = archive
            .windows(data.len())
            .position(|w| w == &data[..])
            .expect("member data stored as is");
        archive[..at + half].to_vec()
    };
    let tar_bytes = tar(&files);
    let cut_tar = cut_in_data(&tar_bytes);
    // A gzip stream flushed where the tar is cut, so the decoded content ends right there.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&cut_tar).unwrap();
    encoder.flush().unwrap();
    let cut_gz = encoder.get_ref().clone();
    encoder.write_all(&tar_bytes[cut_tar.len()..]).unwrap();
    encoder.finish().unwrap();
    let archives = [
        ("cut.tar", cut_tar.clone(), "tar: "),
        ("cut.tar.gz", cut_gz, "gzip: "),
        (
            "cut.zip",
            cut_in_data(&zip(&files, zip::CompressionMethod::Stored)),
            "zip: ",
        ),
    ];
    let whole_names: Vec<&String> = files[..2].iter().map(|(name, _)| name).collect();
    let keep = |f: &&Found| whole_names.contains(&&f.path);
    let plain_whole: Vec<&Found> = plain_all.iter().filter(keep).collect();
    for (name, bytes, message) in archives {
        let path = bad.join(name);
        std::fs::write(&path, bytes).unwrap();
        for stream in [false, true] {
            let (found, report) = scan_path(&path, &out, |opts| opts.mmap = !stream);
            let how = format!("{name} (stream: {stream}): {}", report["errors"]);
            let shapes = input_shapes(&report);
            assert_eq!(shapes.len(), 3, "{how}");
            for shape in &shapes[..2] {
                assert!(plain_shapes.contains(shape), "{how}: {shape:?} is whole");
            }
            assert_eq!(shapes[2].0, *victim);
            assert_eq!(shapes[2].3, half as u64, "{how}: decoded up to the cut");
            assert_eq!(shapes[2].4, "partial", "{how}");
            let errors = report["errors"].as_array().unwrap();
            assert_eq!(errors.len(), 1, "{how}");
            assert_eq!(errors[0]["path"], format!("{}!{victim}", path.display()));
            assert_eq!(errors[0]["offset"], half as u64, "{how}");
            assert!(
                errors[0]["error"].as_str().unwrap().starts_with(message),
                "{how}"
            );
            let found = by_plain_name(&found);
            let found_whole: Vec<&Found> = found.iter().filter(keep).collect();
            assert_eq!(found_whole, plain_whole, "{how}");
        }
    }
    // Cut inside a header: the archive itself is in error, after the members before.
    // (The third member's header is the 512 bytes before its data.)
    let at = cut_tar.len() - half - 512 + 100;
    let path = bad.join("header.tar");
    std::fs::write(&path, &tar_bytes[..at]).unwrap();
    let (_, report) = scan_path(&path, &out, |_| {});
    assert_eq!(input_shapes(&report).len(), 2, "{report}");
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["path"], path.display().to_string());
    assert!(errors[0]["error"].as_str().unwrap().starts_with("tar: "));
    assert_eq!(errors[0]["offset"], at as u64);

    // A stored member whose bytes changed: its checksum fails at its end (everything in it
    // still scanned), and the members after it are read, through either path.
    let mut stored = zip(&files, zip::CompressionMethod::Stored);
    let (victim, data) = &files[1];
    let at = stored
        .windows(data.len())
        .position(|w| w == &data[..])
        .unwrap();
    stored[at + data.len() / 2] ^= 0x20;
    let path = bad.join("crc.zip");
    std::fs::write(&path, &stored).unwrap();
    let mut reports = Vec::new();
    for stream in [false, true] {
        let (_, report) = scan_path(&path, &out, |opts| opts.mmap = !stream);
        let errors = report["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{report}");
        assert_eq!(errors[0]["path"], format!("{}!{victim}", path.display()));
        assert_eq!(errors[0]["offset"], data.len() as u64);
        assert_eq!(
            input_shapes(&report).len(),
            files.len(),
            "every member read"
        );
        reports.push(input_shapes(&report));
    }
    assert_eq!(
        reports[0], reports[1],
        "central directory and local headers agree"
    );
}

/// `n` bytes of `byte`, compressed as one zip member named `name`, between two small CSVs.
fn bomb_zip(name: &str, byte: u8, n: usize) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip_options(zip::CompressionMethod::Deflated);
    writer.start_file("a.csv", options).unwrap();
    writer
        .write_all(b"id,email\n1,asha.rao@example.com\n")
        .unwrap();
    writer.start_file(name, options).unwrap();
    let block = vec![byte; 1 << 20];
    for _ in 0..n >> 20 {
        writer.write_all(&block).unwrap();
    }
    writer.start_file("z.csv", options).unwrap();
    writer
        .write_all(b"id,email\n1,ravi.k@example.org\n")
        .unwrap();
    writer.finish().unwrap().into_inner()
}

fn skipped(report: &Value) -> Vec<(String, String, u64)> {
    report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let path = s["path"].as_str().unwrap();
            (
                path.rsplit('/').next().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
                s["bytes"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn limits_stop_bombs_and_are_overridable() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();

    // 40 MiB of zeros in 40 KB: past the grace, the ratio stops it.
    let bomb = tmp.path().join("bomb.zip");
    std::fs::write(&bomb, bomb_zip("zeros.bin", 0, 40 << 20)).unwrap();
    let (found, report) = scan_path(&bomb, &out, |_| {});
    assert_eq!(found.len(), 1, "a.csv, before the bomb, is scanned");
    let skips = skipped(&report);
    assert_eq!(skips[0].0, "bomb.zip!zeros.bin");
    assert_eq!(skips[0].1, "limit:ratio");
    assert!(skips[0].2 > 16 << 20 && skips[0].2 < 40 << 20, "{skips:?}");
    // The rest of the archive is named, not read.
    assert_eq!(skips[1].0, "bomb.zip!z.csv");
    assert_eq!(skips[1].1, "limit:ratio");
    assert_eq!(report["errors"], Value::Array(Vec::new()));
    // From a stream, the bomb stops reading there too.
    let (_, report) = scan_path(&bomb, &out, |opts| opts.mmap = false);
    assert_eq!(skipped(&report)[0].1, "limit:ratio");
    // A higher ratio lets it through (as binary).
    let (_, report) = scan_path(&bomb, &out, |opts| opts.limits.max_ratio = 10_000);
    assert_eq!(
        skipped(&report)
            .iter()
            .map(|s| (s.0.as_str(), s.1.as_str(), s.2))
            .collect::<Vec<_>>(),
        [("bomb.zip!zeros.bin", "binary", 40 << 20)]
    );

    // A bomb of text is scanned up to the limit, then stopped: partial, and skipped.
    let text = tmp.path().join("text.zip");
    std::fs::write(&text, bomb_zip("lines.csv", b'\n', 40 << 20)).unwrap();
    let (_, report) = scan_path(&text, &out, |_| {});
    let lines = &report["inputs"][1];
    assert_eq!(lines["status"], "partial");
    let skips = skipped(&report);
    assert_eq!(skips[0].1, "limit:ratio");
    assert_eq!(skips[0].2, lines["bytes_decoded"].as_u64().unwrap());

    // --max-decoded-bytes, exactly.
    let files = corpus(&tmp.path().join("c"));
    let (name, csv) = files.iter().find(|(n, _)| n == "users.csv").unwrap();
    assert!(csv.len() > 20_000);
    let gz = tmp.path().join(format!("{name}.gz"));
    std::fs::write(&gz, gzip(csv)).unwrap();
    let (found, report) = scan_path(&gz, &out, |opts| opts.limits.max_decoded_bytes = 20_000);
    assert_eq!(report["inputs"][0]["bytes_decoded"], 20_000);
    assert_eq!(report["inputs"][0]["status"], "partial");
    assert_eq!(skipped(&report)[0].1, "limit:decoded_bytes");
    assert_eq!(skipped(&report)[0].2, 20_000);
    assert!(!found.is_empty() && found.iter().all(|f| f.offset + f.length <= 20_000));

    // --max-depth: the nested zip of a tar.gz is 3 deep.
    let nested = tmp.path().join("outer.tar.gz");
    let inner = zip(&files, zip::CompressionMethod::Deflated);
    std::fs::write(
        &nested,
        gzip(&tar(&[("inner.zip".to_string(), inner.clone())])),
    )
    .unwrap();
    let (_, report) = scan_path(&nested, &out, |opts| opts.limits.max_depth = 1);
    assert_eq!(skipped(&report)[0].0, "outer.tar.gz");
    assert_eq!(skipped(&report)[0].1, "limit:depth");
    let (_, report) = scan_path(&nested, &out, |opts| opts.limits.max_depth = 2);
    assert_eq!(
        skipped(&report),
        [(
            "outer.tar.gz!inner.zip".to_string(),
            "limit:depth".to_string(),
            inner.len() as u64
        )]
    );
    let (_, report) = scan_path(&nested, &out, |opts| opts.limits.max_depth = 3);
    assert_eq!(report["inputs"].as_array().unwrap().len(), files.len());

    // --max-members.
    let pack = tmp.path().join("pack.zip");
    std::fs::write(&pack, &inner).unwrap();
    for stream in [false, true] {
        let (_, report) = scan_path(&pack, &out, |opts| {
            opts.limits.max_members = 2;
            opts.mmap = !stream;
        });
        assert_eq!(report["inputs"].as_array().unwrap().len(), 2);
        let skips = skipped(&report);
        assert_eq!(skips.len(), 1);
        assert_eq!(
            (skips[0].0.as_str(), skips[0].1.as_str()),
            ("pack.zip", "limit:members")
        );
        assert!(skips[0].2 > 0);
    }

    // The flags reach the limits.
    let out = Command::new(bin())
        .args([
            "scan",
            "-q",
            "--max-decoded-bytes",
            "20KB",
            "--max-ratio",
            "7",
        ])
        .args(["--max-depth", "3", "--max-members", "9", "--report"])
        .arg(tmp.path().join("r.json"))
        .arg(&gz)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(report["skipped"][0]["reason"], "limit:decoded_bytes");
    assert_eq!(
        Limits::default().max_ratio,
        500,
        "the README states the default"
    );
}

/// A stored zip of `members`, the first `encrypted` of them flagged as encrypted (the flag is
/// all a reader goes by before decrypting).
fn zip_with_encrypted(members: &[(&str, &[u8])], encrypted: usize) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in members {
        writer
            .start_file(*name, zip_options(zip::CompressionMethod::Stored))
            .unwrap();
        writer.write_all(data).unwrap();
    }
    let mut bytes = writer.finish().unwrap().into_inner();
    let mut flagged = 0;
    for signature in [&b"PK\x03\x04"[..], b"PK\x01\x02"] {
        let flags_at = if signature == b"PK\x03\x04" { 6 } else { 8 };
        let mut at = 0;
        let mut seen = 0;
        while let Some(found) = bytes[at..].windows(4).position(|w| w == signature) {
            let start = at + found;
            if seen < encrypted {
                bytes[start + flags_at] |= 1;
                flagged += 1;
            }
            seen += 1;
            at = start + 4;
        }
    }
    assert_eq!(flagged, encrypted * 2);
    bytes
}

#[test]
fn what_cannot_be_read_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("dump");
    std::fs::create_dir(&dir).unwrap();
    let email = b"id,email\n1,asha.rao@example.com\n";
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("a.7z", b"7z\xbc\xaf\x27\x1c\x00\x04rest of it".to_vec()),
        ("b.rar", b"Rar!\x1a\x07\x01\x00rest".to_vec()),
        (
            "c.pdf",
            b"%PDF-1.7\n%\xe2\xe3 asha.rao@example.com".to_vec(),
        ),
        (
            "d.sqlite",
            b"SQLite format 3\x00\x10\x00 asha.rao@example.com".to_vec(),
        ),
        ("e.dump", b"PGDMP\x01\x0e\x00 asha.rao@example.com".to_vec()),
        ("f.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00".to_vec()),
        ("f2.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec()),
        ("f3.gif", b"GIF89a\x01\x00\x01\x00".to_vec()),
        (
            "g.xlsx",
            zip(
                &[
                    ("[Content_Types].xml".to_string(), b"<Types/>".to_vec()),
                    ("xl/workbook.xml".to_string(), b"<workbook/>".to_vec()),
                    ("xl/sharedStrings.xml".to_string(), email.to_vec()),
                ],
                zip::CompressionMethod::Deflated,
            ),
        ),
        (
            "h.zip",
            zip_with_encrypted(&[("secret.csv", email), ("open.csv", email)], 1),
        ),
        (
            "i.tar",
            tar(&[
                (
                    "inner.7z".to_string(),
                    b"7z\xbc\xaf\x27\x1c\x00\x04".to_vec(),
                ),
                ("inner.csv".to_string(), email.to_vec()),
            ]),
        ),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let size = |name: &str| files.iter().find(|f| f.0 == name).unwrap().1.len() as u64;
    let want = vec![
        (
            "a.7z".to_string(),
            "unsupported:7z".to_string(),
            size("a.7z"),
        ),
        ("b.rar".into(), "unsupported:rar".into(), size("b.rar")),
        (
            "e.dump".into(),
            "unsupported:pgdump_custom".into(),
            size("e.dump"),
        ),
        ("f3.gif".into(), "unsupported:image".into(), size("f3.gif")),
        (
            "h.zip!secret.csv".into(),
            "encrypted".into(),
            email.len() as u64,
        ),
        ("i.tar!inner.7z".into(), "unsupported:7z".into(), 8),
    ];
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    for stream in [false, true] {
        let (found, report) = scan_path(&dir, &out, |opts| opts.mmap = !stream);
        assert_eq!(skipped(&report), want, "stream: {stream}");
        // Documents that claim a kind leakscan reads but cannot be parsed are errors.
        let errors: Vec<(&str, &str)> = report["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let path = e["path"].as_str().unwrap();
                (
                    path.rsplit('/').next().unwrap(),
                    e["error"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            errors,
            [
                ("c.pdf", "pdf: broken cross-reference table"),
                ("d.sqlite", "sqlite: cannot be read: file is not a database"),
                ("g.xlsx", "xlsx: cannot be parsed as a workbook")
            ]
        );
        let paths: Vec<&str> = found
            .iter()
            .map(|f| f.path.rsplit('/').next().unwrap())
            .collect();
        assert_eq!(
            paths,
            ["h.zip!open.csv", "i.tar!inner.csv"],
            "stream: {stream}"
        );
    }
}

/// Generated CSV text of about `bytes`, cut into many gzip members (compressed once,
/// repeated): a multi-member `.gz` made quickly at test time.
fn big_gzip(decoded: usize) -> (Vec<u8>, usize) {
    let (block, _) = csv_block();
    let member = gzip(block.as_bytes());
    let copies = decoded.div_ceil(block.len());
    (member.repeat(copies), block.len() * copies)
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "200 MB through unoptimised decoders: run with --release"
)]
fn memory_stays_bounded_through_a_pipe() {
    let (gz, decoded) = big_gzip(200 << 20);
    let tmp = tempfile::tempdir().unwrap();
    let report_path = tmp.path().join("r.json");
    let report_arg = report_path.to_string_lossy().into_owned();
    let out = run_with_stdin(
        &["scan", "-", "-q", "--peak-memory", "--report", &report_arg],
        gz,
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let peak_kb: u64 = stderr
        .lines()
        .find_map(|line| line.strip_prefix("leakscan: peak memory "))
        .and_then(|figure| figure.strip_suffix(" kB"))
        .expect("peak memory reported (Linux)")
        .parse()
        .unwrap();
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&report_path).unwrap()).unwrap();
    assert_eq!(report["inputs"][0]["bytes_decoded"], decoded as u64);
    assert_eq!(report["inputs"][0]["format"], "csv");
    let peak = peak_kb * 1024;
    eprintln!(
        "peak memory {} MB for {} MB decoded through a pipe",
        peak >> 20,
        decoded >> 20
    );
    assert!(
        peak < decoded as u64 / 3,
        "peak memory {peak} bytes for {decoded} decoded"
    );
}

/// A finding with its revealed value.
#[derive(Debug, Deserialize, PartialEq, Eq)]
struct Revealed {
    offset: u64,
    length: u64,
    #[serde(rename = "type")]
    ty: String,
    field: Option<String>,
    record: Option<u64>,
    value: String,
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian { b"\xfe\xff" } else { b"\xff\xfe" });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_is_scanned_with_offsets_in_its_stored_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let files = corpus(tmp.path());
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let (name, csv) = files.iter().find(|(n, _)| n == "users.csv").unwrap();
    // Excel's "Unicode text" is UTF-16; make the corpus's CSV valid text with a few
    // characters outside the BMP.
    let text = String::from_utf8_lossy(csv).replacen("\n", " \u{1f600}\n", 40);
    let plain_path = tmp.path().join(format!("utf8-{name}"));
    std::fs::write(&plain_path, &text).unwrap();
    let revealed = |path: &Path, tune: &dyn Fn(&mut ScanOptions)| -> (Vec<Revealed>, Value) {
        let findings = out.join("revealed.jsonl");
        let mut opts = ScanOptions {
            paths: vec![path.as_os_str().to_owned()],
            findings: Some(findings.to_string_lossy().into_owned()),
            reveal: true,
            ..ScanOptions::default()
        };
        tune(&mut opts);
        let summary = scan::run(&opts).unwrap();
        let report = serde_json::to_value(report::build(&summary)).unwrap();
        let text = std::fs::read_to_string(&findings).unwrap();
        let found = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (found, report)
    };
    let (want, _) = revealed(&plain_path, &|_| {});
    assert!(want.len() > 100);
    let key = |f: &Revealed| (f.ty.clone(), f.field.clone(), f.record, f.value.clone());
    let want_keys: Vec<_> = want.iter().map(key).collect();

    for (big_endian, bom) in [(false, true), (true, true), (false, false)] {
        let stored = utf16(&text, big_endian, bom);
        let path = tmp.path().join(format!("utf16-{big_endian}-{bom}.csv"));
        std::fs::write(&path, &stored).unwrap();
        let gz = tmp.path().join(format!("utf16-{big_endian}-{bom}.csv.gz"));
        std::fs::write(&gz, gzip(&stored)).unwrap();
        let how = format!("big-endian {big_endian}, BOM {bom}");
        for (source, chunk) in [(&path, DEFAULT_CHUNK), (&path, 777), (&gz, 4096)] {
            let (found, report) = revealed(source, &|opts| {
                opts.chunk_size = chunk;
                opts.threads = 2;
            });
            assert_eq!(
                found.iter().map(key).collect::<Vec<_>>(),
                want_keys,
                "{how}"
            );
            let decode = |bytes: &[u8]| {
                let units: Vec<u16> = bytes
                    .chunks_exact(2)
                    .map(|p| {
                        if big_endian {
                            u16::from_be_bytes([p[0], p[1]])
                        } else {
                            u16::from_le_bytes([p[0], p[1]])
                        }
                    })
                    .collect();
                String::from_utf16(&units).unwrap()
            };
            for f in &found {
                let at = f.offset as usize;
                // The span is the value as stored, a quoted field's `""` escapes included.
                let value = decode(&stored[at..at + f.length as usize]).replace("\"\"", "\"");
                assert_eq!(value, f.value, "{how}: the offset points at the value");
            }
            let input = &report["inputs"][0];
            let encoding = if big_endian { "utf-16be" } else { "utf-16le" };
            assert_eq!(input["encoding"], encoding);
            assert_eq!(input["format"], "csv");
            assert_eq!(input["bytes_decoded"], stored.len() as u64);
            assert_eq!(input["bytes_scanned"], stored.len() as u64);
        }
    }

    // Latin-1 bytes in UTF-8 text, and a UTF-8 BOM, do not stop a scan.
    let mut mixed = b"\xef\xbb\xbfname,email\nJos\xe9 Garc\xeda,jose@example.com\n".to_vec();
    mixed.extend_from_slice("Asha,asha.rao@example.com\n".as_bytes());
    let path = tmp.path().join("mixed.csv");
    std::fs::write(&path, &mixed).unwrap();
    let (found, report) = revealed(&path, &|_| {});
    let values: Vec<&str> = found.iter().map(|f| f.value.as_str()).collect();
    // The Latin-1 name is read with its bytes replaced, as a name in the `name` column.
    assert_eq!(
        values,
        [
            "Jos\u{fffd} Garc\u{fffd}a",
            "jose@example.com",
            "Asha",
            "asha.rao@example.com"
        ]
    );
    assert_eq!(report["inputs"][0]["encoding"], "utf-8-bom");
}
