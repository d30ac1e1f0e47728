"""leakscan on Apache Spark: the same binary on every executor, one report merged exactly.

    spark-submit --master 'local[2]' spark/leakscan_job.py \
        --binary target/release/leakscan dumps/ --out scan-out

The driver lists the inputs in leakscan's walk order (directories recursively, entries in
byte order of their names), cuts every file larger than --part-size that the executors can
read by path into byte ranges, and runs one task per part: `leakscan scan FILE --range S-E`
(or, for a whole input that only a file system client can read, `leakscan scan -
--input-name URI` with the bytes streamed to its standard input). Every part is hashed with
one sketch key, made by the driver unless --sketch-key gives one. The findings are written
as JSON Lines (or Parquet, partitioned by type); the part reports are merged with
`leakscan merge` in a tree on the executors, then once more on the driver, into
OUT/report.json: the report a single `leakscan scan` of the same inputs with the same key
gives, apart from `seconds`.

A retried or speculative task cannot count twice: a part's report and findings are the
output of its partition, which Spark keeps from exactly one attempt, the driver checks that
it holds exactly one report per part id before merging, and `leakscan merge` refuses parts
that overlap.

Outputs (OUT must not exist; any Hadoop URI or a local path):
    OUT/report.json      the merged report
    OUT/findings/        part-00000... (JSON Lines; in name order, the findings of a
                         single scan, except that a part past byte 0 of a file gives
                         `part_record` instead of `record`), or Parquet by type
    OUT/parts/           one JSON line per part: id, path, range, its report
"""

import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType

# How many reports one `leakscan merge` call takes in the merge tree.
FAN_IN = 64

# Findings travel from a scan to Spark in blocks of about this many bytes of whole lines.
FINDINGS_BLOCK = 1 << 20

# Magic bytes of compressed files and archives: such an input is one part (its byte ranges
# are not ranges of its records).
MAGIC = (b"\x1f\x8b", b"\x28\xb5\x2f\xfd", b"BZh", b"\xfd7zXZ\x00", b"PK\x03\x04")

FINDINGS_SCHEMA = StructType(
    [
        StructField("path", StringType()),
        StructField("offset", LongType()),
        StructField("length", LongType()),
        StructField("type", StringType()),
        StructField("field", StringType()),
        StructField("record", LongType()),
        StructField("part_record", LongType()),
        StructField("record_id", StringType()),
        StructField("masked", StringType()),
        StructField("value", StringType()),
        StructField("basis", ArrayType(StringType())),
    ]
)


def parse_size(text):
    """`4194304`, `4MiB`, `1GiB`, `500MB` (as `leakscan synth --size` reads them)."""
    units = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6,
             "g": 10**9, "gb": 10**9, "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30}
    t = text.strip()
    digits = len(t) - len(t.lstrip("0123456789"))
    if digits == 0 or t[digits:].strip().lower() not in units:
        raise argparse.ArgumentTypeError(f"`{text}` is not a size")
    return int(t[:digits]) * units[t[digits:].strip().lower()]


def is_local(uri):
    return "://" not in uri and not uri.startswith("file:")


def local_path(uri):
    """The local path of a plain path or a `file:` URI; None for other schemes."""
    if is_local(uri):
        return uri
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("file:"):
        return uri[len("file:"):]
    return None


def walk_local(path, out, seen=()):
    """Appends the leaf inputs under `path` in leakscan's walk order: a directory's entries
    in byte order of their names, symlinks followed; a directory already being walked (a
    loop) is left out. Anything that is not a directory (or cannot be read as one) is a
    leaf: leakscan reports it as scanned, skipped or an error."""
    try:
        st = os.stat(path)
    except OSError:
        out.append(path)
        return
    if not stat.S_ISDIR(st.st_mode):
        out.append(path)
        return
    ident = (st.st_dev, st.st_ino)
    if ident in seen:
        return
    try:
        names = sorted(os.listdir(path), key=os.fsencode)
    except OSError:
        out.append(path)
        return
    for name in names:
        walk_local(os.path.join(path, name), out, seen + (ident,))


def walk_hadoop(sc, uri, out):
    """The same for a Hadoop URI (hdfs://, s3a://, ...), through the driver's JVM."""
    jvm = sc._jvm
    root = jvm.org.apache.hadoop.fs.Path(uri)
    fs = root.getFileSystem(sc._jsc.hadoopConfiguration())

    def visit(status):
        if not status.isDirectory():
            out.append((status.getPath().toString(), status.getLen()))
            return
        children = sorted(fs.listStatus(status.getPath()),
                          key=lambda s: s.getPath().getName().encode("utf-8", "surrogateescape"))
        for child in children:
            visit(child)

    visit(fs.getFileStatus(root))


def plan(sc, inputs, part_size, stream):
    """The parts, in walk order: dicts with id, uri, path (local) and range."""
    parts = []

    def add(uri, path, rng=None):
        parts.append({"id": len(parts), "uri": uri, "path": path, "range": rng})

    for uri in inputs:
        path = local_path(uri)
        if path is None:
            files = []
            walk_hadoop(sc, uri, files)
            for name, _size in files:
                add(name, None)
            continue
        leaves = []
        walk_local(path, leaves)
        for leaf in leaves:
            try:
                st = os.stat(leaf)
                regular, size = stat.S_ISREG(st.st_mode), st.st_size
            except OSError:
                regular, size = False, 0
            if regular and stream:
                add(leaf, None)
            elif not regular or size <= part_size or compressed(leaf):
                # leakscan itself reports what it cannot scan (skipped, errors).
                add(leaf, leaf)
            else:
                for start in range(0, size, part_size):
                    add(leaf, leaf, [start, min(start + part_size, size)])
    return parts


def compressed(path):
    try:
        with open(path, "rb") as f:
            head = f.read(262)
    except OSError:
        return False
    return head.startswith(MAGIC) or head[257:262] == b"ustar"


# Per Python worker: the binary made executable, and the key in a private file, both in
# the application's SparkFiles directory, which Spark deletes when the application ends.
_WORKER = {}


def worker_files(key, binary_name):
    if "dir" not in _WORKER:
        d = tempfile.mkdtemp(prefix="leakscan-", dir=SparkFiles.getRootDirectory())
        exe = os.path.join(d, "leakscan")
        shutil.copyfile(SparkFiles.get(binary_name), exe)
        os.chmod(exe, 0o700)
        key_file = os.path.join(d, "sketch.key")
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(key)
        _WORKER.update(dir=d, exe=exe, key=key_file)
    return _WORKER["exe"], _WORKER["key"]


def open_input(uri):
    """A binary stream of `uri`: a local file, or a file system client's (pyarrow)."""
    path = local_path(uri)
    if path is not None:
        return open(path, "rb")
    from pyarrow import fs as pafs  # only needed for inputs on remote storage

    if uri.startswith("s3a://"):
        uri = "s3://" + uri[len("s3a://"):]
    filesystem, inner = pafs.FileSystem.from_uri(uri)
    return filesystem.open_input_stream(inner)


def feed(source_uri, sink, failures):
    """Copies the input into the scanner's standard input (a thread); a read error goes to
    `failures`, so that the part fails rather than scans a truncated input."""
    try:
        with open_input(source_uri) as src:
            while True:
                block = src.read(1 << 20)
                if not block:
                    break
                sink.write(block)
    except BrokenPipeError:
        pass  # the scanner stopped early; its exit status says why
    except Exception as err:  # noqa: BLE001 - any read failure fails the part
        failures.append(err)
    finally:
        try:
            sink.close()
        except BrokenPipeError:
            pass


def run_parts(parts, key, binary_name, scan_args, threads, want_findings):
    """Scans each part; yields (part id, "f", findings line) then (part id, "r", report)."""
    exe, key_file = worker_files(key, binary_name)
    for part in parts:
        work = tempfile.mkdtemp(prefix="part-", dir=_WORKER["dir"])
        try:
            report = os.path.join(work, "report.json")
            cmd = [exe, "scan", part["path"] or "-", "--quiet", "--threads", str(threads),
                   "--sketch-key", key_file, "--report", report] + scan_args
            if want_findings:
                cmd += ["--findings", "-"]
            if part["range"]:
                cmd += ["--range", "%d-%d" % tuple(part["range"])]
            if part["path"] is None:
                cmd += ["--input-name", part["uri"]]
            proc = subprocess.Popen(
                cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                stdin=subprocess.PIPE if part["path"] is None else subprocess.DEVNULL)
            feeder, failures = None, []
            if part["path"] is None:
                feeder = threading.Thread(target=feed,
                                          args=(part["uri"], proc.stdin, failures))
                feeder.start()
            errors = []
            drain = threading.Thread(target=lambda: errors.append(proc.stderr.read()))
            drain.start()
            # Findings pass on in blocks of whole lines: one Spark record per line would
            # cost more than the scan that found them.
            rest = b""
            while True:
                block = proc.stdout.read(FINDINGS_BLOCK)
                if not block:
                    break
                block = rest + block
                cut = block.rfind(b"\n")
                if cut < 0:
                    rest = block
                    continue
                rest = block[cut + 1:]
                yield (part["id"], "f", block[:cut].decode("utf-8"))
            if rest:
                yield (part["id"], "f", rest.decode("utf-8"))
            code = proc.wait()
            drain.join()
            if feeder:
                feeder.join()
            if failures:
                raise RuntimeError("reading %s: %s" % (part["uri"], failures[0]))
            # 1: done, some input unreadable (in the report's errors); 2: nothing done.
            if code not in (0, 1):
                raise RuntimeError("leakscan failed on part %d (%s %s): %s" % (
                    part["id"], part["uri"], part["range"],
                    b"".join(errors).decode("utf-8", "replace")))
            with open(report, encoding="utf-8") as f:
                yield (part["id"], "r", f.read())
        finally:
            shutil.rmtree(work, ignore_errors=True)


def merge_texts(exe, texts):
    """Merges report texts with `leakscan merge`; the merged report's text."""
    work = tempfile.mkdtemp(prefix="merge-")
    try:
        names = []
        for i, text in enumerate(texts):
            names.append(os.path.join(work, "%d.json" % i))
            with open(names[-1], "w", encoding="utf-8") as f:
                f.write(text)
        out = os.path.join(work, "merged.json")
        done = subprocess.run([exe, "merge"] + names + ["--report", out],
                              capture_output=True)
        if done.returncode != 0:
            raise RuntimeError("leakscan merge failed: "
                               + done.stderr.decode("utf-8", "replace"))
        with open(out, encoding="utf-8") as f:
            return f.read()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def merge_batch(texts, key, binary_name):
    texts = list(texts)
    if texts:
        exe, _ = worker_files(key, binary_name)
        yield merge_texts(exe, texts)


def hadoop_fs(sc, uri):
    path = sc._jvm.org.apache.hadoop.fs.Path(uri)
    return path.getFileSystem(sc._jsc.hadoopConfiguration()), path


def write_text(sc, uri, text):
    """Writes `text` to `uri` atomically: a temporary file, then a rename."""
    local = local_path(uri)
    if local is not None:
        with open(local + ".tmp", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(local + ".tmp", local)
        return
    fs, path = hadoop_fs(sc, uri)
    temp = sc._jvm.org.apache.hadoop.fs.Path(uri + ".tmp")
    stream = fs.create(temp, True)
    stream.write(bytearray(text.encode("utf-8")))
    stream.close()
    if not fs.rename(temp, path):
        raise RuntimeError("could not rename %s to %s" % (temp, path))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="files or directories: local paths, file:, hdfs://, s3a:// URIs")
    ap.add_argument("--out", required=True, help="output directory (must not exist)")
    ap.add_argument("--binary", help="the leakscan binary on the driver (shipped to the "
                    "executors); default: the one shipped with spark-submit --files")
    ap.add_argument("--part-size", type=parse_size, default=1 << 30,
                    help="cut files larger than this into byte ranges (default 1GiB)")
    ap.add_argument("--sketch-key", help="key file for the distinct sketches (default: a "
                    "random key made for this run and never written out)")
    ap.add_argument("--findings", choices=["jsonl", "parquet", "none"], default="jsonl")
    ap.add_argument("--stream", action="store_true",
                    help="stream every input to leakscan's standard input, as for "
                         "inputs on remote storage (no byte ranges)")
    ap.add_argument("--types", help="passed to leakscan scan")
    ap.add_argument("--region", help="passed to leakscan scan")
    ap.add_argument("--format", help="passed to leakscan scan")
    args = ap.parse_args(argv)

    spark = SparkSession.builder.appName("leakscan").getOrCreate()
    sc = spark.sparkContext
    started = time.time()
    out_fs, out_path = hadoop_fs(sc, args.out)
    if out_fs.exists(out_path):
        sys.exit("leakscan_job: %s exists; give a new output directory" % args.out)
    if args.binary:
        sc.addFile(os.path.abspath(args.binary))
        binary_name = os.path.basename(args.binary)
    else:
        binary_name = "leakscan"
    if args.sketch_key:
        with open(args.sketch_key, "rb") as f:
            key = f.read()
    else:
        key = os.urandom(32)
    scan_args = []
    for flag in ("types", "region", "format"):
        if getattr(args, flag):
            scan_args += ["--" + flag, getattr(args, flag)]
    threads = int(sc.getConf().get("spark.task.cpus", "1"))
    want_findings = args.findings != "none"

    parts = plan(sc, args.inputs, args.part_size, args.stream)
    if not parts:
        sys.exit("leakscan_job: no input found")
    planned = time.time()
    results = (
        sc.parallelize(parts, len(parts))
        .mapPartitions(lambda it: run_parts(it, key, binary_name, scan_args, threads,
                                            want_findings))
        .persist(StorageLevel.DISK_ONLY)
    )
    # The scans run once, for the first action; later ones read the persisted results.
    findings = results.filter(lambda r: r[1] == "f").map(lambda r: r[2])
    if args.findings == "jsonl":
        findings.saveAsTextFile(args.out + "/findings")
    elif args.findings == "parquet":
        lines = findings.flatMap(lambda block: block.split("\n"))
        (spark.read.schema(FINDINGS_SCHEMA).json(lines)
         .write.partitionBy("type").parquet(args.out + "/findings"))
    else:
        results.count()
    # Reports are small: a few tasks of FAN_IN parts each do the rest.
    groups = -(-len(parts) // FAN_IN)
    reports = (results.filter(lambda r: r[1] == "r").map(lambda r: (r[0], r[2]))
               .coalesce(groups).persist(StorageLevel.DISK_ONLY))
    by_id = {p["id"]: p for p in parts}
    (reports.map(lambda r: json.dumps({"part": r[0], "path": by_id[r[0]]["uri"],
                                       "range": by_id[r[0]]["range"],
                                       "report": json.loads(r[1])}))
     .saveAsTextFile(args.out + "/parts"))
    ids = sorted(reports.keys().collect())
    if ids != list(range(len(parts))):
        raise RuntimeError("expected one report per part, got ids %s" % ids)
    scanned = time.time()

    # The merge tree: each task merges the reports of its partition.
    level = reports.values().mapPartitions(lambda it: merge_batch(it, key, binary_name))
    while level.getNumPartitions() > FAN_IN:
        groups = -(-level.getNumPartitions() // FAN_IN)
        level = level.coalesce(groups).mapPartitions(
            lambda it: merge_batch(it, key, binary_name))
    exe, _ = worker_files(key, binary_name)
    merged = merge_texts(exe, level.collect())
    write_text(sc, args.out + "/report.json", merged)
    reports.unpersist()
    results.unpersist()
    done = time.time()
    print("leakscan_job: %d parts; plan %.1fs, scan %.1fs, merge %.1fs, total %.1fs"
          % (len(parts), planned - started, scanned - planned, done - scanned,
             done - started), file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
