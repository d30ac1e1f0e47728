//! Object-store input against servers the test starts itself on 127.0.0.1: moto's
//! S3-compatible server (tests/requirements-s3.txt) and a tiny HTTP file server that fails the
//! first request for each file. A synthetic corpus (with a .gz and a .zip among its files)
//! scanned through `s3://` gives the findings and report of the same folder scanned locally;
//! a public bucket is read with `--anonymous` and no credentials; failed requests are retried;
//! a missing bucket or key is an error naming it.
//!
//! Without python3 and moto the test is skipped, unless `LEAKSCAN_REQUIRE_S3` is set (CI).

use crate::common::{bin, synth};
use crate::documents::{unfound, Found};
use leakscan::synth::documents::write_bucket;
use serde_json::Value;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Uploads a folder's files, those of its subfolders too, to a bucket (`bucket`, created,
/// `public` for a public-read ACL) under `prefix`, with boto3 (a dependency of moto).
const UPLOAD: &str = r#"
import boto3, os, sys
endpoint, folder, bucket, prefix, public = sys.argv[1:6]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                  aws_access_key_id="testing", aws_secret_access_key="testing")
if public == "public":
    s3.create_bucket(Bucket=bucket, ACL="public-read")
else:
    s3.create_bucket(Bucket=bucket)
for root, dirs, files in sorted(os.walk(folder)):
    for name in sorted(files):
        path = os.path.join(root, name)
        key = os.path.relpath(path, folder).replace(os.sep, "/")
        with open(path, "rb") as f:
            s3.put_object(Bucket=bucket, Key=prefix + key, Body=f.read(),
                          ACL="public-read" if public == "public" else "private")
"#;

/// Serves a folder over HTTP with HEAD and ranged GET; the first GET of each file fails with
/// 503 (and is counted in `failed.log`), as a flaky server's would.
const FLAKY_HTTP: &str = r#"
import os, sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
folder, port = sys.argv[1], int(sys.argv[2])
failed = set()
class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass
    def body(self):
        path = os.path.join(folder, self.path.lstrip("/"))
        if not os.path.isfile(path):
            self.send_error(404)
            return None
        with open(path, "rb") as f:
            return f.read()
    def do_HEAD(self):
        data = self.body()
        if data is not None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
    def do_GET(self):
        if self.path not in failed:
            failed.add(self.path)
            with open(os.path.join(folder, "..", "failed.log"), "a") as log:
                log.write(self.path + "\n")
            self.send_error(503)
            return
        data = self.body()
        if data is None:
            return
        start, end = 0, len(data) - 1
        spec = self.headers.get("Range")
        if spec:
            first, last = spec.split("=", 1)[1].split("-")
            start, end = int(first), min(int(last), len(data) - 1)
            self.send_response(206)
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, end, len(data)))
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(end + 1 - start))
        self.end_headers()
        self.wfile.write(data[start:end + 1])
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
"#;

/// A server process of the test's own, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `python3 args...` with `{port}` replaced by a free port; waits until it accepts.
    fn start(args: &[&str]) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let args: Vec<String> = args
            .iter()
            .map(|arg| arg.replace("{port}", &port.to_string()))
            .collect();
        let child = Command::new("python3")
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 starts");
        let server = Server { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "server {args:?} did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

/// Whether moto can run here; when it cannot, the test is skipped with a message, unless
/// `LEAKSCAN_REQUIRE_S3` is set (then it fails).
fn moto_runs(test: &str) -> bool {
    let probe = Command::new("python3")
        .args(["-c", "import moto.server, boto3, flask_cors"])
        .output();
    let why = match probe {
        Ok(out) if out.status.success() => return true,
        Ok(out) => String::from_utf8_lossy(&out.stderr).trim().to_string(),
        Err(err) => format!("python3: {err}"),
    };
    if std::env::var_os("LEAKSCAN_REQUIRE_S3").is_some() {
        panic!("LEAKSCAN_REQUIRE_S3 is set, but moto cannot run: {why}");
    }
    eprintln!(
        "{test} skipped (python3/moto unavailable: {why}); \
         pip install -r tests/requirements-s3.txt"
    );
    false
}

/// A scan's outcome.
struct Scan {
    code: i32,
    stderr: String,
    report: Value,
    findings: String,
    seconds: f64,
}

/// Runs `leakscan scan args...` with test credentials for the S3 server (or none at all:
/// `anonymous`) and `env`, writing its report and findings into `out`.
fn scan(args: &[&str], out: &Path, anonymous: bool, env: &[(&str, &str)]) -> Scan {
    let report = out.join("report.json");
    let findings = out.join("findings.jsonl");
    let key = out.join("sketch.key");
    std::fs::write(&key, b"bucket test sketch key").unwrap();
    let mut cmd = Command::new(bin());
    cmd.arg("scan")
        .args(args)
        .arg("--report")
        .arg(&report)
        .arg("--findings")
        .arg(&findings)
        .arg("--sketch-key")
        .arg(&key)
        .arg("--quiet");
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if name.starts_with("AWS_") || name.starts_with("GOOGLE_") || name.starts_with("AZURE_") {
            cmd.env_remove(&*name);
        }
    }
    if !anonymous {
        cmd.env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env("AWS_REGION", "us-east-1");
    }
    cmd.envs(env.iter().copied());
    let started = Instant::now();
    let Output { status, stderr, .. } = cmd.output().expect("leakscan runs");
    let seconds = started.elapsed().as_secs_f64();
    let read = |path: &Path| std::fs::read_to_string(path).unwrap_or_default();
    let scan = Scan {
        code: status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        report: serde_json::from_str(&read(&report)).unwrap_or(Value::Null),
        findings: read(&findings),
        seconds,
    };
    let _ = std::fs::remove_file(&report);
    let _ = std::fs::remove_file(&findings);
    scan
}

/// The report with `prefix` taken off every path, and what differs from run to run removed.
fn comparable(report: &Value, prefix: &str) -> Value {
    let text = serde_json::to_string(report).unwrap().replace(prefix, "");
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["scanned"]
        .as_object_mut()
        .expect("the report says what was scanned")
        .remove("seconds");
    value
}

/// The synthetic corpus: the files `leakscan synth` writes (not its truth), plus a gzip of
/// one and a zip of two of them.
fn corpus(dir: &Path, bytes: u64) -> Vec<PathBuf> {
    synth(dir, bytes, 17);
    std::fs::remove_file(dir.join("truth.jsonl")).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 4, "the corpus has several formats");
    let first = std::fs::read(&files[0]).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&first).unwrap();
    std::fs::write(dir.join("packed.gz"), gz.finish().unwrap()).unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for file in &files[1..3] {
        let name = file.file_name().unwrap().to_string_lossy();
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(&std::fs::read(file).unwrap()).unwrap();
    }
    std::fs::write(dir.join("packed.zip"), zip.finish().unwrap().into_inner()).unwrap();
    files
}

fn upload(server: &Server, folder: &Path, bucket: &str, prefix: &str, public: bool) {
    let status = Command::new("python3")
        .args(["-c", UPLOAD, &server.url()])
        .arg(folder)
        .args([bucket, prefix, if public { "public" } else { "private" }])
        .status()
        .expect("python3 runs");
    assert!(status.success(), "upload to {bucket} failed");
}

fn megabytes_per_second(report: &Value, seconds: f64) -> f64 {
    report["inputs"].as_array().map_or(0, |inputs| {
        inputs
            .iter()
            .filter_map(|input| input["bytes_on_disk"].as_u64())
            .sum::<u64>()
    }) as f64
        / 1e6
        / seconds
}

#[test]
fn buckets_scan_like_their_local_copy() {
    if !moto_runs("bucket test") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let local = tmp.path().join("corpus");
    let files = corpus(&local, 6_000_000);
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let moto = Server::start(&["-m", "moto.server", "-H", "127.0.0.1", "-p", "{port}"]);
    upload(&moto, &local, "leaks", "dump/", false);
    let endpoint = moto.url();

    // The same findings and report, whether read from the folder or from the bucket; with one
    // object at a time or many, and whichever the block boundaries.
    let want = scan(&[local.to_str().unwrap()], &out, false, &[]);
    assert_eq!(want.code, 0, "{}", want.stderr);
    let local_prefix = format!("{}/", local.display());
    let want_report = comparable(&want.report, &local_prefix);
    let want_findings = want.findings.replace(&local_prefix, "");
    assert!(
        want_findings.lines().count() > 1000,
        "the corpus has findings"
    );
    for downloads in ["1", "8"] {
        let got = scan(
            &[
                "s3://leaks/dump",
                "--endpoint",
                &endpoint,
                "--downloads",
                downloads,
            ],
            &out,
            false,
            &[],
        );
        assert_eq!(got.code, 0, "{}", got.stderr);
        let prefix = "s3://leaks/dump/";
        assert_eq!(
            got.findings.replace(prefix, ""),
            want_findings,
            "downloads {downloads}"
        );
        assert_eq!(
            comparable(&got.report, prefix),
            want_report,
            "downloads {downloads}"
        );
        let paths: Vec<&str> = got.report["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|input| input["path"].as_str().unwrap())
            .collect();
        assert!(paths.contains(&"s3://leaks/dump/packed.gz"), "{paths:?}");
        assert!(
            paths
                .iter()
                .any(|path| path.starts_with("s3://leaks/dump/packed.zip!")),
            "{paths:?}"
        );
        eprintln!(
            "bucket: local {:.1} MB/s, moto S3 (--downloads {downloads}) {:.1} MB/s",
            megabytes_per_second(&want.report, want.seconds),
            megabytes_per_second(&got.report, got.seconds),
        );
    }

    // One object, named by its key; AWS_ENDPOINT_URL instead of --endpoint.
    let name = files[0].file_name().unwrap().to_str().unwrap();
    let one = scan(&[files[0].to_str().unwrap()], &out, false, &[]);
    let url = format!("s3://leaks/dump/{name}");
    let got = scan(&[&url], &out, false, &[("AWS_ENDPOINT_URL", &endpoint)]);
    assert_eq!(got.code, 0, "{}", got.stderr);
    let one_findings = one.findings.replace(&local_prefix, "");
    assert!(!one_findings.is_empty());
    assert_eq!(got.findings.replace("s3://leaks/dump/", ""), one_findings);

    // A public bucket, read without credentials.
    let public = tmp.path().join("public");
    std::fs::create_dir(&public).unwrap();
    std::fs::copy(&files[0], public.join(name)).unwrap();
    upload(&moto, &public, "open-data", "", true);
    let got = scan(
        &["s3://open-data", "--anonymous", "--endpoint", &endpoint],
        &out,
        true,
        &[],
    );
    assert_eq!(got.code, 0, "{}", got.stderr);
    assert_eq!(got.findings.replace("s3://open-data/", ""), one_findings);

    // A missing bucket, or nothing under a key: errors naming them; exit 2 when nothing could
    // be scanned, 1 beside an input that could.
    let missing = scan(
        &["s3://no-such-bucket/dump", "--endpoint", &endpoint],
        &out,
        false,
        &[],
    );
    assert_eq!(missing.code, 2, "{}", missing.stderr);
    assert!(
        missing
            .stderr
            .contains("s3://no-such-bucket/dump: bucket `no-such-bucket` not found"),
        "{}",
        missing.stderr
    );
    let nothing = scan(
        &[
            "s3://leaks/no/such/key.csv",
            files[0].to_str().unwrap(),
            "--endpoint",
            &endpoint,
        ],
        &out,
        false,
        &[],
    );
    assert_eq!(nothing.code, 1, "{}", nothing.stderr);
    assert!(
        nothing
            .stderr
            .contains("s3://leaks/no/such/key.csv: not found"),
        "{}",
        nothing.stderr
    );
    assert_eq!(
        nothing.report["errors"][0]["path"],
        "s3://leaks/no/such/key.csv"
    );
    assert_eq!(nothing.report["inputs"].as_array().unwrap().len(), 1);
}

/// The generated bucket of documents (order PDFs, a spreadsheet, photos with EXIF GPS and
/// artists, a scan, a screenshot, an e-mail) gives the same findings and report read from the
/// S3 server as from the folder, and every planted value is found with its field and record.
#[test]
fn a_bucket_of_documents_scans_like_its_local_copy() {
    if !moto_runs("document bucket test") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let local = tmp.path().join("bucket");
    let (truth, _) = write_bucket(&local, 11, 4, 2048).unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let moto = Server::start(&["-m", "moto.server", "-H", "127.0.0.1", "-p", "{port}"]);
    upload(&moto, &local, "kyc", "uploads/", false);

    let want = scan(&[local.to_str().unwrap(), "--reveal"], &out, false, &[]);
    assert_eq!(want.code, 0, "{}", want.stderr);
    let got = scan(
        &["s3://kyc/uploads", "--endpoint", &moto.url(), "--reveal"],
        &out,
        false,
        &[],
    );
    assert_eq!(got.code, 0, "{}", got.stderr);
    let local_prefix = format!("{}/", local.display());
    let prefix = "s3://kyc/uploads/";
    assert_eq!(
        got.findings.replace(prefix, ""),
        want.findings.replace(&local_prefix, "")
    );
    assert_eq!(
        comparable(&got.report, prefix),
        comparable(&want.report, &local_prefix)
    );
    let found: Vec<Found> = got
        .findings
        .lines()
        .map(|line| serde_json::from_str(line).expect("a findings line"))
        .collect();
    let missing = unfound(&truth, &found, prefix);
    assert!(missing.is_empty(), "not found through S3: {missing:#?}");
    let formats: Vec<&str> = got.report["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|input| input["format"].as_str().unwrap())
        .collect();
    for format in ["pdf", "xlsx", "jpeg", "eml"] {
        assert!(formats.contains(&format), "{format} in {formats:?}");
    }
    assert_eq!(got.report["images"]["with_gps"], 4, "{}", got.report);
}

#[test]
fn failed_requests_are_retried_and_then_reported() {
    if !crate::common::tool_runs("python3", "LEAKSCAN_REQUIRE_S3", "apt-get install python3") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let served = tmp.path().join("served");
    let files = corpus(&served, 400_000);
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let server = Server::start(&["-c", FLAKY_HTTP, served.to_str().unwrap(), "{port}"]);
    let local_prefix = format!("{}/", served.display());
    let log = tmp.path().join("failed.log");

    // Each file's first GET fails with 503: retried, the scan is that of the local file.
    for file in [&files[0], &served.join("packed.zip")] {
        let name = file.file_name().unwrap().to_str().unwrap();
        let want = scan(&[file.to_str().unwrap()], &out, false, &[]);
        let url = format!("{}/{name}", server.url());
        let got = scan(&[&url], &out, false, &[]);
        assert_eq!(got.code, 0, "{url}: {}", got.stderr);
        assert!(!got.findings.is_empty());
        assert_eq!(
            got.findings.replace(&format!("{}/", server.url()), ""),
            want.findings.replace(&local_prefix, ""),
            "{url}"
        );
        assert_eq!(
            comparable(&got.report, &format!("{}/", server.url())),
            comparable(&want.report, &local_prefix),
        );
        let failed = std::fs::read_to_string(&log).unwrap();
        assert!(
            failed.lines().any(|line| line == format!("/{name}")),
            "{failed}"
        );
    }

    // Without retries the failure is the object's error, named; nothing else could be read.
    let url = format!(
        "{}/{}",
        server.url(),
        files[1].file_name().unwrap().to_str().unwrap()
    );
    let got = scan(&[&url, "--retries", "0"], &out, false, &[]);
    assert_eq!(got.code, 2, "{}", got.stderr);
    assert_eq!(
        got.report["errors"][0]["path"],
        url.as_str(),
        "{}",
        got.report
    );
    assert!(got.stderr.contains(&url), "{}", got.stderr);
    // A missing file is not found.
    let missing = format!("{}/missing.csv", server.url());
    let got = scan(&[&missing], &out, false, &[]);
    assert_eq!(got.code, 2, "{}", got.stderr);
    assert!(
        got.stderr.contains(&format!("{missing}: not found")),
        "{}",
        got.stderr
    );
}
