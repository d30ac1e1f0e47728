//! The command line: clap derive types, turned into the options of each stage.

use crate::format::Format;
use crate::input::container::{
    Limits, DEFAULT_MAX_DECODED_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_MEMBERS, DEFAULT_MAX_RATIO,
};
use crate::input::document::ocr::Ocr;
use crate::input::remote::{RemoteOptions, DEFAULT_DOWNLOADS, DEFAULT_RETRIES};
use crate::part::ByteRange;
use crate::scan::{ScanOptions, DEFAULT_CHUNK};
use crate::signal::Interrupt;
use crate::types::{PiiType, Region};
use clap::{Args, Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;

/// leakscan: what personal data does a leaked dump expose?
#[derive(Debug, Parser)]
#[command(name = "leakscan", version, about, long_about = None)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// leakscan's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan files, directories or standard input for personal data.
    #[command(after_help = "Examples:\n  \
        leakscan scan samples/\n  \
        leakscan scan dump/ --report report.json --findings findings.jsonl\n  \
        leakscan scan dump/ --report report.json --html report.html\n  \
        zcat users.csv.gz | leakscan scan - --format csv --types email,phone\n  \
        leakscan scan big.csv --range 0-1GiB --sketch-key key --report part0.json\n  \
        leakscan scan s3://bucket/exports/ --report report.json\n  \
        leakscan scan s3://open-bucket --anonymous --endpoint http://127.0.0.1:9000")]
    Scan(Box<ScanArgs>),
    /// Merge the reports of scans of disjoint parts into the report of their union.
    #[command(after_help = "Examples:\n  \
        leakscan merge part0.json part1.json part2.json --report whole.json")]
    Merge(MergeArgs),
    /// Write a synthetic dump with byte-level ground truth (truth.jsonl).
    #[command(after_help = "Examples:\n  \
        leakscan synth --out /tmp/dump --size 100MB\n  \
        leakscan synth --out samples --sample\n  \
        leakscan synth --out /tmp/company --company 20000")]
    Synth(SynthArgs),
    /// Make a key, or a keyed digest of your own customers' identifiers (for `verify`).
    #[command(after_help = "Examples:\n  \
        leakscan digest --new-key own.key\n  \
        leakscan digest export/customers.csv --key-file own.key --out own.lsdigest\n\n\
        Keep the key and the digest apart: phones and ids can be enumerated, so a digest is\n\
        only as private as its key.")]
    Digest(VerifyCommonArgs<DigestArgs>),
    /// Check a claimed breach sample: is it ours, how fresh, recycled or fabricated?
    #[command(after_help = "Examples:\n  \
        leakscan verify sample.csv --against own.lsdigest --key-file own.key\n  \
        leakscan verify sample.csv --known sketches/ --sketch-key sketch.key --report v.json")]
    Verify(VerifyCommonArgs<VerifyArgs>),
    /// Unite the sketches of a dump's shards (`scan --sketch`, one key) into one sketch.
    #[command(after_help = "Examples:\n  \
        leakscan sketch-merge part0.lssketch part1.lssketch --out dump.lssketch")]
    SketchMerge(SketchMergeArgs),
    /// Turn a saved (or merged) JSON report into a self-contained HTML page.
    #[command(after_help = "Examples:\n  \
        leakscan report report.json --html report.html")]
    Report(ReportArgs),
}

/// `leakscan scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files, directories (walked recursively), `-` for standard input, or object-store
    /// URLs (`s3://bucket/prefix`, `gs://`, `az://`, `https://`: every object under them).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<OsString>,
    /// Write the summary report (JSON) to FILE, atomically.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Write the report as a self-contained HTML page to FILE (masked; loads nothing).
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Write every finding as JSON Lines to FILE (`-` for stdout).
    #[arg(long, value_name = "FILE")]
    pub findings: Option<String>,
    /// How records and fields are found.
    #[arg(long, default_value = "auto", value_parser = ["auto", "csv", "tsv", "jsonl", "json", "sql", "text", "bson", "es-bulk", "elasticdump"])]
    pub format: String,
    /// Only these detectors (comma-separated type names).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_type)]
    pub types: Option<Vec<PiiType>>,
    /// Load extra pattern files from DIR.
    #[arg(long, value_name = "DIR")]
    pub patterns: Option<PathBuf>,
    /// Country for numbers written without one (default: each input's, read from the
    /// international numbers or e-mail domains at its start, else IN).
    #[arg(long, value_name = "CC", value_parser = parse_region)]
    pub region: Option<Region>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
    /// Put raw matched values in findings.
    #[arg(long)]
    pub reveal: bool,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Hash distinct sketches with the key in FILE (parts to be merged share one key);
    /// default: a random key per scan.
    #[arg(long, value_name = "FILE")]
    pub sketch_key: Option<PathBuf>,
    /// Stop reading a compressed input once its decompressors produced SIZE bytes (`500GB`).
    #[arg(long, value_name = "SIZE", default_value_t = DEFAULT_MAX_DECODED_BYTES, value_parser = parse_size)]
    pub max_decoded_bytes: u64,
    /// Stop reading a compressed input once it decoded to more than N times the bytes read
    /// (checked past its first 16 MiB): decompression bombs.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_RATIO)]
    pub max_ratio: u64,
    /// Read through at most N containers nested in one another (`.csv.gz` in `.tar.gz`: 3).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_DEPTH)]
    pub max_depth: u32,
    /// Read at most N archive members per input given.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_MEMBERS)]
    pub max_members: u64,
    /// Scan only the records that begin in bytes [START, END) of the one PATH (a part: the
    /// header and offsets are the whole file's).
    #[arg(long, value_name = "START-END")]
    pub range: Option<ByteRange>,
    /// Report the one input (standard input, `-`) under this path.
    #[arg(long, value_name = "PATH")]
    pub input_name: Option<String>,
    /// Also write a sketch of the identifiers found (per type a HyperLogLog and a filter of
    /// keyed hashes) to FILE, for `verify --known`, hashed with the --sketch-key key; without
    /// one, with the key in FILE.key (written, mode 0600, if it does not exist yet).
    #[arg(long, value_name = "FILE")]
    pub sketch: Option<PathBuf>,
    /// Object-store URLs: send unsigned requests (public buckets), look up no credentials.
    #[arg(long)]
    pub anonymous: bool,
    /// Object-store URLs: the S3-compatible (or Azure-compatible) server to use
    /// (default: `AWS_ENDPOINT_URL`, else the cloud's own).
    #[arg(long, value_name = "URL")]
    pub endpoint: Option<String>,
    /// Object-store URLs: objects downloaded at once.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_DOWNLOADS)]
    pub downloads: usize,
    /// Object-store URLs: retries of a failed request, with exponential backoff.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_RETRIES)]
    pub retries: usize,
    /// Read text in images (JPEG, PNG, TIFF: photos and scans of ID cards) with the
    /// `tesseract` command (apt-get install tesseract-ocr); off by default.
    #[arg(long)]
    pub ocr: bool,
    /// With --ocr: read text in at most N images, the first N in walk order.
    #[arg(long, value_name = "N", requires = "ocr")]
    pub ocr_sample: Option<u64>,
    /// Target chunk size in bytes (for tests and tuning).
    #[arg(long, hide = true, default_value_t = DEFAULT_CHUNK)]
    pub chunk_size: usize,
    /// Read every input as a stream instead of memory-mapping files (for tests).
    #[arg(long, hide = true)]
    pub no_mmap: bool,
    /// Print the peak resident memory (Linux `VmHWM`) to stderr at exit (for tests).
    #[arg(long, hide = true)]
    pub peak_memory: bool,
}

/// Options `digest` and `verify` share: the inputs and how they are read, and the command's own.
#[derive(Debug, Args)]
pub struct VerifyCommonArgs<T: Args> {
    /// Files, directories (walked recursively) or `-` for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<OsString>,
    /// How records and fields are found.
    #[arg(long, default_value = "auto", value_parser = ["auto", "csv", "tsv", "jsonl", "json", "sql", "text"])]
    pub format: String,
    /// Default country for numbers written without one.
    #[arg(long, value_name = "CC", default_value = "IN", value_parser = parse_region)]
    pub region: Region,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// The command's own options.
    #[command(flatten)]
    pub command: T,
}

impl<T: Args> VerifyCommonArgs<T> {
    /// The options of the scan underneath.
    pub fn scan_options(&self, progress: bool) -> ScanOptions {
        ScanOptions {
            paths: self.paths.clone(),
            format: Format::from_name(&self.format),
            region: self.region,
            threads: self.threads,
            progress: progress && !self.quiet,
            ..ScanOptions::default()
        }
    }
}

/// `leakscan digest`'s own options.
#[derive(Debug, Args)]
pub struct DigestArgs {
    /// Write a new key of 32 random bytes to FILE (readable by you only) and stop.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["key_file", "out"])]
    pub new_key: Option<PathBuf>,
    /// The key to hash identifiers with.
    #[arg(long, value_name = "FILE", requires = "out")]
    pub key_file: Option<PathBuf>,
    /// Where to write the digest.
    #[arg(long, value_name = "FILE", requires = "key_file")]
    pub out: Option<PathBuf>,
}

/// `leakscan verify`'s own options.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// A digest of your own customers (`leakscan digest`).
    #[arg(long, value_name = "FILE", requires = "key_file")]
    pub against: Option<PathBuf>,
    /// The key the digest was made with.
    #[arg(long, value_name = "FILE", requires = "against")]
    pub key_file: Option<PathBuf>,
    /// A directory of sketches of known dumps (`scan --sketch`, `*.lssketch`).
    #[arg(long, value_name = "DIR")]
    pub known: Option<PathBuf>,
    /// The key the known sketches were made with (default: each sketch's `NAME.lssketch.key`
    /// beside it).
    #[arg(long, value_name = "FILE", requires = "known")]
    pub sketch_key: Option<PathBuf>,
    /// Write the report (JSON, `leakscan.verify/1`) to FILE; without it, a summary on stdout.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

/// `leakscan merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Reports of scans of disjoint parts (whole inputs or `--range` parts), in any order.
    #[arg(required = true, value_name = "REPORT")]
    pub reports: Vec<PathBuf>,
    /// Write the merged report (JSON) to FILE, atomically.
    #[arg(long, value_name = "FILE", required = true)]
    pub report: PathBuf,
}

/// `leakscan sketch-merge`.
#[derive(Debug, Args)]
pub struct SketchMergeArgs {
    /// Sketches of disjoint or overlapping shards, made with one key.
    #[arg(required = true, num_args = 2.., value_name = "SKETCH")]
    pub sketches: Vec<PathBuf>,
    /// Write the united sketch to FILE, atomically.
    #[arg(long, value_name = "FILE", required = true)]
    pub out: PathBuf,
}

/// `leakscan synth`.
#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Directory to write the dump and its truth.jsonl into.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Total size (`500KB`, `100MB`, `2GB`).
    #[arg(long, default_value = "10MB", value_parser = parse_size)]
    pub size: u64,
    /// Random seed: the same seed writes the same bytes.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Dense (a PII-shaped token every ~65 bytes) or sparse (one per ~2 KB).
    #[arg(long, default_value = "dense", value_parser = ["dense", "sparse"])]
    pub density: String,
    /// Write the small committed sample (`samples/`), ignoring --size and --seed.
    #[arg(long)]
    pub sample: bool,
    /// Instead of a dump, a fictional company of N customers and breach claims made from it
    /// (for `verify`): export/, old_dump/ and claims/.
    #[arg(long, value_name = "N", conflicts_with_all = ["sample", "size", "density"])]
    pub company: Option<usize>,
    /// Rows of each claimed sample (with --company).
    #[arg(long, value_name = "N", default_value_t = 500, requires = "company")]
    pub sample_rows: usize,
}

/// `leakscan report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A JSON report written by `scan --report` (or `merge`).
    #[arg(value_name = "REPORT")]
    pub report: PathBuf,
    /// Write the report as a self-contained HTML page to FILE.
    #[arg(long, value_name = "FILE", required = true)]
    pub html: PathBuf,
}

impl ScanArgs {
    /// The scan options these arguments ask for (reading the sketch key file).
    pub fn options(&self, progress: bool) -> std::io::Result<ScanOptions> {
        let sketch_key = match &self.sketch_key {
            Some(path) => Some(std::fs::read(path)?),
            None => None,
        };
        Ok(ScanOptions {
            paths: self.paths.clone(),
            format: Format::from_name(&self.format),
            types: self.types.clone(),
            patterns: self.patterns.clone(),
            region: self.region.unwrap_or(Region::IN),
            infer_region: self.region.is_none(),
            threads: self.threads,
            reveal: self.reveal,
            findings: self.findings.clone(),
            chunk_size: self.chunk_size.max(1),
            mmap: !self.no_mmap,
            progress: progress && !self.quiet,
            sketch_key,
            limits: Limits {
                max_decoded_bytes: self.max_decoded_bytes,
                max_ratio: self.max_ratio,
                max_depth: self.max_depth,
                max_members: self.max_members,
            },
            range: self.range,
            input_name: self.input_name.clone(),
            interrupt: Interrupt::new(),
            remote: RemoteOptions {
                anonymous: self.anonymous,
                endpoint: self.endpoint.clone(),
                downloads: self.downloads.max(1),
                retries: self.retries,
            },
            ocr: self.ocr.then(Ocr::default),
            ocr_sample: self.ocr_sample,
        })
    }
}

fn parse_type(name: &str) -> Result<PiiType, String> {
    PiiType::from_name(name.trim()).ok_or_else(|| {
        let known: Vec<&str> = PiiType::ALL.iter().map(|t| t.name()).collect();
        format!("unknown type `{name}` (known: {})", known.join(", "))
    })
}

fn parse_region(code: &str) -> Result<Region, String> {
    Region::parse(code).ok_or_else(|| format!("`{code}` is not a two-letter country code"))
}

/// Parses `123`, `500KB`, `100MB`, `2GB` (powers of 1000; `KiB`/`MiB`/`GiB` powers of 1024).
///
/// ```
/// use leakscan::cli::parse_size;
/// assert_eq!(parse_size("2GB"), Ok(2_000_000_000));
/// assert_eq!(parse_size("1MiB"), Ok(1 << 20));
/// ```
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num.parse().map_err(|_| format!("`{text}` is not a size"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" | "k" => 1_000,
        "mb" | "m" => 1_000_000,
        "gb" | "g" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => return Err(format!("`{text}`: unknown unit")),
    };
    n.checked_mul(mult)
        .ok_or_else(|| format!("`{text}` is too large"))
}
