//! The `leakscan` binary: parse arguments, run the command, exit 0 (done), 1 (done, some
//! inputs unreadable), 2 (usage error, nothing scanned, or an output not written), 130
//! (interrupted by SIGINT or SIGTERM; the report, marked incomplete, is still written).

use anyhow::Context as _;
use clap::Parser;
use leakscan::cli::{
    Cli, Command, DigestArgs, MergeArgs, ReportArgs, ScanArgs, SketchMergeArgs, SynthArgs,
    VerifyArgs, VerifyCommonArgs,
};
use leakscan::output::{html, report, table};
use leakscan::scan::{self, ScanError};
use leakscan::signal::{Interrupt, EXIT_INTERRUPTED};
use leakscan::synth;
use leakscan::verify::{
    self, collect,
    key::Key,
    report::VerifyOptions,
    sets::{KeyedSets, Role},
};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(args) => run_scan(&args),
        Command::Merge(args) => run_merge(&args).map(|()| ExitCode::SUCCESS),
        Command::Synth(args) => run_synth(&args).map(|()| ExitCode::SUCCESS),
        Command::Report(args) => run_report(&args).map(|()| ExitCode::SUCCESS),
        Command::Digest(args) => run_digest(&args).map(|()| ExitCode::SUCCESS),
        Command::Verify(args) => run_verify(&args).map(|()| ExitCode::SUCCESS),
        Command::SketchMerge(args) => run_sketch_merge(&args).map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("leakscan: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().or_else(|| {
            match cause.downcast_ref::<ScanError>() {
                Some(ScanError::Findings(e)) => Some(e),
                _ => None,
            }
        });
        io.is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run_scan(args: &ScanArgs) -> anyhow::Result<ExitCode> {
    let mut opts = args
        .options(std::io::stderr().is_terminal())
        .context("reading the sketch key")?;
    opts.interrupt = Interrupt::on_signals().context("installing the SIGINT handler")?;
    let summary = match &args.sketch {
        None => scan::run(&opts)?,
        Some(path) => {
            let key = sketch_key(path, args.sketch_key.as_deref())?;
            let (sketch, summary) = collect::build(&opts, &key, Role::Sketch)?;
            sketch
                .write(path)
                .with_context(|| format!("writing the sketch to {}", path.display()))?;
            summary
        }
    };
    for error in &summary.errors {
        eprintln!("leakscan: {error}");
    }
    let built = (args.report.is_some() || args.html.is_some()).then(|| report::build(&summary));
    if let (Some(path), Some(built)) = (&args.html, &built) {
        html::write_atomic(built, path)
            .with_context(|| format!("writing the HTML report to {}", path.display()))?;
    }
    if let (Some(path), Some(built)) = (&args.report, &built) {
        report::write_atomic(built, path)
            .with_context(|| format!("writing the report to {}", path.display()))?;
    } else if args.findings.as_deref() == Some("-") {
        table::render(&summary, &mut std::io::stderr().lock())?;
    } else {
        let mut out = std::io::stdout().lock();
        table::render(&summary, &mut out)?;
        out.flush()?;
    }
    if args.peak_memory {
        match peak_memory() {
            Some(line) => eprintln!("leakscan: peak memory {line}"),
            None => eprintln!("leakscan: peak memory unknown"),
        }
    }
    let nothing_scanned =
        summary.inputs.is_empty() && summary.skipped.is_empty() && !summary.errors.is_empty();
    Ok(if !summary.complete {
        ExitCode::from(EXIT_INTERRUPTED)
    } else if nothing_scanned {
        ExitCode::from(2)
    } else if summary.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The key to sketch with: `--sketch-key`'s, else the one beside the sketch, made if missing.
fn sketch_key(sketch: &std::path::Path, key_file: Option<&std::path::Path>) -> anyhow::Result<Key> {
    let given = key_file.is_some();
    let key_file = key_file.map_or_else(|| Key::beside(sketch), std::path::Path::to_path_buf);
    if !given {
        match Key::write_new(&key_file) {
            Ok(()) => eprintln!(
                "leakscan: no --sketch-key: wrote a new key to {} (mode 0600), where verify \
                 --known finds it; move it elsewhere before the sketch leaves your hands",
                key_file.display()
            ),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => eprintln!(
                "leakscan: no --sketch-key: hashing with the key already beside the sketch, {}",
                key_file.display()
            ),
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("writing a new sketch key to {}", key_file.display()))
            }
        }
    }
    Key::read(&key_file).with_context(|| format!("reading the sketch key {}", key_file.display()))
}

fn run_sketch_merge(args: &SketchMergeArgs) -> anyhow::Result<()> {
    let (first, rest) = args
        .sketches
        .split_first()
        .context("sketch-merge needs sketches")?;
    let mut merged = KeyedSets::read(first, Role::Sketch)?;
    for path in rest {
        let other = KeyedSets::read(path, Role::Sketch)?;
        merged
            .merge(other)
            .with_context(|| format!("{} and {}", first.display(), path.display()))?;
    }
    merged
        .write(&args.out)
        .with_context(|| format!("writing the sketch to {}", args.out.display()))?;
    let filters: u32 = merged
        .header
        .kinds
        .iter()
        .map(|k| k.filters)
        .max()
        .unwrap_or(0);
    println!(
        "merged {} sketches ({} records, at most {filters} filters per type) into {}, key {}",
        args.sketches.len(),
        merged.header.records,
        args.out.display(),
        merged.header.key_fingerprint
    );
    Ok(())
}

fn run_digest(args: &VerifyCommonArgs<DigestArgs>) -> anyhow::Result<()> {
    if let Some(path) = &args.command.new_key {
        Key::write_new(path).with_context(|| format!("writing a new key to {}", path.display()))?;
        eprintln!(
            "leakscan: wrote a new key to {} (mode 0600); keep it apart from any digest made with it",
            path.display()
        );
        return Ok(());
    }
    let (Some(key_file), Some(out)) = (&args.command.key_file, &args.command.out) else {
        anyhow::bail!("digest needs --new-key FILE, or PATH... --key-file KEY --out FILE");
    };
    anyhow::ensure!(
        !args.paths.is_empty(),
        "digest needs the export to read (PATH...)"
    );
    let key =
        Key::read(key_file).with_context(|| format!("reading the key {}", key_file.display()))?;
    let started = std::time::Instant::now();
    let (digest, summary) = collect::build(
        &args.scan_options(std::io::stderr().is_terminal()),
        &key,
        Role::Digest,
    )?;
    for error in &summary.errors {
        eprintln!("leakscan: {error}");
    }
    digest
        .write(out)
        .with_context(|| format!("writing the digest to {}", out.display()))?;
    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    let kinds: Vec<String> = digest
        .header
        .kinds
        .iter()
        .map(|k| format!("{} {}", k.kind, k.entries))
        .collect();
    println!(
        "digest of {} records ({}) written to {}: {size} bytes in {:.2} s, key {}",
        digest.header.records,
        kinds.join(", "),
        out.display(),
        started.elapsed().as_secs_f64(),
        digest.header.key_fingerprint
    );
    Ok(())
}

fn run_verify(args: &VerifyCommonArgs<VerifyArgs>) -> anyhow::Result<()> {
    anyhow::ensure!(
        !args.paths.is_empty(),
        "verify needs the sample to read (PATH...)"
    );
    let v = &args.command;
    let opts = VerifyOptions {
        against: v.against.clone().zip(v.key_file.clone()),
        known: v.known.clone(),
        sketch_key: v.sketch_key.clone(),
    };
    let report =
        verify::report::verify(&args.scan_options(std::io::stderr().is_terminal()), &opts)?;
    match &v.report {
        Some(path) => verify::report::write(&report, path)
            .with_context(|| format!("writing the report to {}", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            verify::report::render(&report, &mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}

fn run_report(args: &ReportArgs) -> anyhow::Result<()> {
    let file = std::fs::File::open(&args.report)
        .with_context(|| format!("opening {}", args.report.display()))?;
    let report: report::Report = serde_json::from_reader(std::io::BufReader::new(file))
        .with_context(|| format!("reading the report {}", args.report.display()))?;
    anyhow::ensure!(
        report.schema == report::SCHEMA,
        "{} is a `{}` report; this version reads `{}`",
        args.report.display(),
        report.schema,
        report::SCHEMA
    );
    html::write_atomic(&report, &args.html)
        .with_context(|| format!("writing the HTML report to {}", args.html.display()))
}

/// The process's peak resident set (`VmHWM: 12345 kB`), where /proc tells it.
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    Some(line["VmHWM:".len()..].trim().to_string())
}

fn run_merge(args: &MergeArgs) -> anyhow::Result<()> {
    let merged = leakscan::merge::merge_files(&args.reports)?;
    report::write_atomic(&merged, &args.report)
        .with_context(|| format!("writing the report to {}", args.report.display()))
}

fn run_synth(args: &SynthArgs) -> anyhow::Result<()> {
    if let Some(customers) = args.company {
        let files = synth::company::write(&args.out, customers, args.sample_rows, args.seed)
            .with_context(|| format!("writing the company to {}", args.out.display()))?;
        println!(
            "wrote {} ({customers} customers), {} and {} claimed samples",
            files.export.display(),
            files.old_dump.display(),
            files.claims.len()
        );
        return Ok(());
    }
    let config = if args.sample {
        synth::sample_config(&args.out)
    } else {
        synth::SynthConfig {
            out_dir: args.out.clone(),
            total_bytes: args.size,
            seed: args.seed,
            density: match args.density.as_str() {
                "sparse" => synth::Density::Sparse,
                _ => synth::Density::Dense,
            },
            kinds: Vec::new(),
        }
    };
    let summary = synth::generate(&config)
        .with_context(|| format!("writing the synthetic dump to {}", args.out.display()))?;
    let bytes: u64 = summary.files.iter().map(|(_, b)| b).sum();
    println!(
        "wrote {} files ({bytes} bytes) and {} truth entries to {}",
        summary.files.len(),
        summary.truth_entries,
        args.out.display()
    );
    Ok(())
}
