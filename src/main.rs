//! The `leakscan` binary: parse arguments, run the command, exit 0 (done), 1 (done, some
//! inputs unreadable), 2 (usage error, nothing scanned, or an output not written), 130
//! (interrupted by SIGINT or SIGTERM; the report, marked incomplete, is still written).

use anyhow::Context as _;
use clap::Parser;
use leakscan::cli::{Cli, Command, MergeArgs, ReportArgs, ScanArgs, SynthArgs};
use leakscan::output::{html, report, table};
use leakscan::scan::{self, ScanError};
use leakscan::signal::{Interrupt, EXIT_INTERRUPTED};
use leakscan::synth;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(args) => run_scan(&args),
        Command::Merge(args) => run_merge(&args).map(|()| ExitCode::SUCCESS),
        Command::Synth(args) => run_synth(&args).map(|()| ExitCode::SUCCESS),
        Command::Report(args) => run_report(&args).map(|()| ExitCode::SUCCESS),
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
    let summary = scan::run(&opts)?;
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
