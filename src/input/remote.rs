//! Object-store input: `s3://bucket/prefix`, `gs://bucket/prefix`, `az://container/prefix` and
//! `http(s)://host/path`, listed and read through Apache Arrow's `object_store`.
//!
//! A URL names one object (when an object has exactly that key) or every object under it as a
//! folder (`s3://b/dump` lists `dump/...`, not `dumpling`); objects come in byte order of
//! their keys, each reported as `s3://bucket/key` (its members as `s3://bucket/key.zip!member`).
//!
//! `object_store` is async: tokio stays inside this module. [`walk`] lists on a small runtime
//! owned by the returned [`Objects`], which then downloads up to [`RemoteOptions::downloads`]
//! objects at once, in listing order, each in ranged reads of [`BLOCK`] bytes (a few blocks
//! ahead, retried with backoff by the store's [`RetryConfig`]), never a whole local copy.
//! [`Objects::open`] hands the next object to the scan as a blocking [`Read`]: the same
//! streamed path that standard input takes (sniffing, containers, chunking).
//!
//! Credentials are the stores' usual chains (`from_env` of each builder: `AWS_*`, `GOOGLE_*`,
//! `AZURE_*` variables, instance and workload identities); `--anonymous` sends unsigned
//! requests (public buckets); `--endpoint` (or `AWS_ENDPOINT_URL`) points `s3://` (and
//! `az://`) at a compatible server.

use super::walk;
use super::Entry;
use crate::error::{ErrorKind, InputError};
use bytes::Bytes;
use futures::{StreamExt, TryStreamExt};
use object_store::path::Path;
use object_store::{BackoffConfig, ObjectMeta, ObjectStore, RetryConfig};
use std::ffi::{OsStr, OsString};
use std::io::{self, Read};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, OwnedSemaphorePermit, Semaphore};

/// Bytes asked for in one ranged read.
pub const BLOCK: u64 = 4 << 20;
/// Ranged reads of one object in flight at once.
const BLOCKS_AHEAD: usize = 2;
/// Default of [`RemoteOptions::downloads`].
pub const DEFAULT_DOWNLOADS: usize = 8;
/// URL schemes read through an object store.
const SCHEMES: &[&str] = &[
    "s3", "s3a", "gs", "az", "azure", "abfs", "abfss", "http", "https",
];

/// How object-store URLs are reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemoteOptions {
    /// Unsigned requests (public buckets): no credentials are looked up.
    pub anonymous: bool,
    /// An S3-compatible (or Azurite) server instead of the cloud's own endpoint; `None`:
    /// `AWS_ENDPOINT_URL` / `AWS_ENDPOINT` if set, else the cloud's.
    pub endpoint: Option<String>,
    /// Objects downloaded at once (at least 1).
    pub downloads: usize,
    /// Retries of a failed request (5xx, 429, timeouts, broken connections), with
    /// exponential backoff from 100 ms up to 10 s, for at most two minutes per request.
    pub retries: usize,
}

impl Default for RemoteOptions {
    fn default() -> Self {
        RemoteOptions {
            anonymous: false,
            endpoint: None,
            downloads: DEFAULT_DOWNLOADS,
            retries: DEFAULT_RETRIES,
        }
    }
}

/// Default of [`RemoteOptions::retries`].
pub const DEFAULT_RETRIES: usize = 6;

impl RemoteOptions {
    fn retry(&self) -> RetryConfig {
        RetryConfig {
            backoff: BackoffConfig {
                init_backoff: Duration::from_millis(100),
                max_backoff: Duration::from_secs(10),
                base: 2.0,
            },
            max_retries: self.retries,
            retry_timeout: Duration::from_secs(120),
        }
    }

    /// The endpoint to use for `s3://`: `--endpoint`, else the environment's.
    fn s3_endpoint(&self) -> Option<String> {
        self.endpoint.clone().or_else(|| {
            ["AWS_ENDPOINT_URL", "AWS_ENDPOINT"]
                .iter()
                .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        })
    }
}

/// Whether `arg` is a URL read through an object store (`s3://`, `gs://`, `az://`,
/// `https://`, ...).
///
/// ```
/// use leakscan::input::remote::is_url;
///
/// assert!(is_url("s3://bucket/dump".as_ref()));
/// assert!(is_url("HTTPS://host/users.csv".as_ref()));
/// assert!(!is_url("dump/users.csv".as_ref()));
/// assert!(!is_url("ftp://host/users.csv".as_ref()));
/// ```
pub fn is_url(arg: &OsStr) -> bool {
    arg.to_str()
        .and_then(|text| text.split_once("://"))
        .is_some_and(|(scheme, _)| SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()))
}

/// One object to scan, in listing order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectSpec {
    /// The object as reported: `s3://bucket/key`.
    pub display: String,
    /// Its size as listed.
    pub size: u64,
    /// Its place among all objects listed (the order [`Objects::open`] hands them out).
    pub index: usize,
}

/// An object listed, to download.
struct Download {
    store: Arc<dyn ObjectStore>,
    location: Path,
    size: u64,
}

/// A reader of one object handed out in order: its index and its blocks.
type Ready = (usize, mpsc::Receiver<io::Result<Bytes>>);

/// The objects of a scan, downloaded in listing order, a bounded number at once, on a runtime
/// of their own. Empty (and without a runtime) when no URL was given.
#[derive(Default)]
pub struct Objects {
    runtime: Option<tokio::runtime::Runtime>,
    ready: Option<mpsc::Receiver<Ready>>,
}

impl std::fmt::Debug for Objects {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Objects")
            .field("started", &self.ready.is_some())
            .finish()
    }
}

impl Objects {
    /// The runtime, started on first use: two threads are plenty to wait on the network.
    fn runtime(&mut self) -> io::Result<&tokio::runtime::Runtime> {
        if self.runtime.is_none() {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("leakscan-objects")
                .enable_all()
                .build()?;
            self.runtime = Some(runtime);
        }
        Ok(self.runtime.as_ref().expect("just started"))
    }

    /// Starts downloading `downloads`, in order, at most `at_once` at a time.
    fn start(&mut self, downloads: Vec<Download>, at_once: usize) {
        let Some(runtime) = &self.runtime else {
            return;
        };
        let at_once = at_once.max(1);
        let (send, ready) = mpsc::channel(at_once);
        runtime.spawn(dispatch(downloads, Arc::new(Semaphore::new(at_once)), send));
        self.ready = Some(ready);
    }

    /// The next object, as a blocking reader of its bytes. Objects must be opened in listing
    /// order, each once (as the scan walks its entries); call it outside any async context.
    pub fn open(&mut self, object: &ObjectSpec) -> ObjectReader {
        let next = self.ready.as_mut().and_then(mpsc::Receiver::blocking_recv);
        match next {
            Some((index, blocks)) if index == object.index => ObjectReader {
                blocks: Some(blocks),
                block: Bytes::new(),
                size: object.size,
                read: 0,
                failed: None,
            },
            _ => ObjectReader::failed(object.size, "object not scheduled for download"),
        }
    }
}

impl Drop for Objects {
    fn drop(&mut self) {
        self.ready = None;
        if let Some(runtime) = self.runtime.take() {
            // Downloads still running (a scan that stopped early) are dropped, not awaited.
            runtime.shutdown_background();
        }
    }
}

/// Hands out the objects' readers in order, starting each download once one of `at_once`
/// permits is free. Permits go strictly in listing order, so the object the scan waits for
/// always gets one: the downloads ahead of it only fill their bounded buffers.
async fn dispatch(downloads: Vec<Download>, at_once: Arc<Semaphore>, ready: mpsc::Sender<Ready>) {
    for (index, download) in downloads.into_iter().enumerate() {
        let Ok(permit) = at_once.clone().acquire_owned().await else {
            return;
        };
        let (send, blocks) = mpsc::channel(1);
        if ready.send((index, blocks)).await.is_err() {
            return;
        }
        tokio::spawn(fetch(download, send, permit));
    }
}

/// Downloads one object in ranged reads of [`BLOCK`] bytes, [`BLOCKS_AHEAD`] in flight, and
/// sends them in order; stops at the first failure (sent on) or once the reader is dropped.
async fn fetch(
    download: Download,
    blocks: mpsc::Sender<io::Result<Bytes>>,
    _permit: OwnedSemaphorePermit,
) {
    let Download {
        store,
        location,
        size,
    } = download;
    let ranges = (0..size.div_ceil(BLOCK)).map(move |i| i * BLOCK..size.min((i + 1) * BLOCK));
    let mut reads = futures::stream::iter(ranges)
        .map(|range| {
            let (store, location) = (store.clone(), location.clone());
            async move { store.get_range(&location, range).await }
        })
        .buffered(BLOCKS_AHEAD);
    while let Some(read) = reads.next().await {
        let read = read.map_err(|e| io_error(&e));
        let failed = read.is_err();
        if blocks.send(read).await.is_err() || failed {
            return;
        }
    }
}

/// A blocking reader of one object's bytes, block by block as they are downloaded.
pub struct ObjectReader {
    blocks: Option<mpsc::Receiver<io::Result<Bytes>>>,
    /// What is left of the block being read.
    block: Bytes,
    /// The object's size as listed, and the bytes received so far.
    size: u64,
    read: u64,
    /// The failure that stopped the download, returned by every later read.
    failed: Option<(io::ErrorKind, String)>,
}

impl ObjectReader {
    fn failed(size: u64, message: &str) -> ObjectReader {
        ObjectReader {
            blocks: None,
            block: Bytes::new(),
            size,
            read: 0,
            failed: Some((io::ErrorKind::Other, message.to_string())),
        }
    }
}

impl Read for ObjectReader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            if !self.block.is_empty() {
                let n = out.len().min(self.block.len());
                out[..n].copy_from_slice(&self.block[..n]);
                bytes::Buf::advance(&mut self.block, n);
                return Ok(n);
            }
            if let Some((kind, message)) = &self.failed {
                return Err(io::Error::new(*kind, message.clone()));
            }
            let Some(blocks) = &mut self.blocks else {
                return Ok(0);
            };
            match blocks.blocking_recv() {
                Some(Ok(block)) => {
                    self.read += block.len() as u64;
                    self.block = block;
                }
                Some(Err(err)) => {
                    self.failed = Some((err.kind(), err.to_string()));
                    self.blocks = None;
                }
                None if self.read < self.size => {
                    self.failed = Some((
                        io::ErrorKind::UnexpectedEof,
                        "download ended before the end of the object".into(),
                    ));
                    self.blocks = None;
                }
                None => self.blocks = None,
            }
        }
    }
}

/// A store error as an I/O error: not found and permission denied keep their kind (and so
/// their short message in the report), the rest keep the store's message.
fn io_error(err: &object_store::Error) -> io::Error {
    match err {
        object_store::Error::NotFound { .. } => io::ErrorKind::NotFound.into(),
        object_store::Error::PermissionDenied { .. }
        | object_store::Error::Unauthenticated { .. } => io::ErrorKind::PermissionDenied.into(),
        other => io::Error::other(short_message(other)),
    }
}

/// A URL split into its store and where in it.
struct Place {
    store: Arc<dyn ObjectStore>,
    /// What object keys are appended to in reported paths: `s3://bucket/`.
    root: String,
    /// The key or prefix (empty: the whole bucket).
    prefix: Path,
    /// Whether the URL ends with `/` (a folder, never one object).
    folder: bool,
    /// The bucket or container, for messages.
    bucket: String,
}

impl Place {
    /// Whether the store is a web server (`http(s)://`) rather than a bucket.
    fn is_web(&self) -> bool {
        self.root.starts_with("http://") || self.root.starts_with("https://")
    }
}

/// Builds the store `url` names, with the credential chain of its kind.
fn place(url: &str, opts: &RemoteOptions) -> Result<Place, String> {
    let (scheme, rest) = url.split_once("://").ok_or("not a URL")?;
    let scheme = scheme.to_ascii_lowercase();
    let (bucket, key) = rest.split_once('/').unwrap_or((rest, ""));
    if bucket.is_empty() {
        return Err("no bucket in the URL".into());
    }
    let base = format!("{scheme}://{bucket}");
    let retry = opts.retry();
    let built: object_store::Result<Arc<dyn ObjectStore>> = match scheme.as_str() {
        "s3" | "s3a" => {
            let mut builder = object_store::aws::AmazonS3Builder::from_env()
                .with_url(&base)
                .with_retry(retry)
                .with_skip_signature(opts.anonymous);
            if let Some(endpoint) = opts.s3_endpoint() {
                builder = builder
                    .with_allow_http(endpoint.starts_with("http://"))
                    .with_endpoint(endpoint);
            }
            builder.build().map(|store| Arc::new(store) as _)
        }
        "gs" => object_store::gcp::GoogleCloudStorageBuilder::from_env()
            .with_url(&base)
            .with_retry(retry)
            .with_skip_signature(opts.anonymous)
            .build()
            .map(|store| Arc::new(store) as _),
        "az" | "azure" | "abfs" | "abfss" => {
            let mut builder = object_store::azure::MicrosoftAzureBuilder::from_env()
                .with_url(&base)
                .with_retry(retry)
                .with_skip_signature(opts.anonymous);
            if let Some(endpoint) = &opts.endpoint {
                builder = builder
                    .with_allow_http(endpoint.starts_with("http://"))
                    .with_endpoint(endpoint.clone());
            }
            builder.build().map(|store| Arc::new(store) as _)
        }
        _ => object_store::http::HttpBuilder::new()
            .with_url(&base)
            .with_retry(retry)
            .with_client_options(
                object_store::ClientOptions::new().with_allow_http(scheme == "http"),
            )
            .build()
            .map(|store| Arc::new(store) as _),
    };
    let store = built.map_err(|e| e.to_string())?;
    let prefix = if matches!(scheme.as_str(), "http" | "https") {
        Path::from_url_path(key).map_err(|e| e.to_string())?
    } else {
        Path::from(key)
    };
    Ok(Place {
        store,
        root: format!("{base}/"),
        prefix,
        folder: key.is_empty() || key.ends_with('/'),
        bucket: bucket.to_string(),
    })
}

/// The objects `place` names: the one object whose key is the URL's, else every object under
/// it as a folder, in byte order of their keys. Nothing there is an error, as for a path.
async fn list(place: &Place) -> Result<Vec<ObjectMeta>, String> {
    if !place.folder {
        match place.store.head(&place.prefix).await {
            Ok(meta) => return Ok(vec![meta]),
            // A plain web server lists nothing: a file that is not there is all there is to say.
            Err(object_store::Error::NotFound { .. }) if place.is_web() => {
                return Err(NOT_FOUND.into())
            }
            Err(object_store::Error::NotFound { .. }) => {}
            Err(e) => return Err(short_message(&e)),
        }
    }
    let prefix = (!place.folder || !place.prefix.as_ref().is_empty()).then_some(&place.prefix);
    let listed: Result<Vec<ObjectMeta>, _> = place.store.list(prefix).try_collect().await;
    let mut metas = match listed {
        Ok(metas) => metas,
        // Listing a prefix that holds nothing succeeds: a 404 means the bucket is missing.
        Err(e) if is_missing_bucket(&e) => {
            return Err(format!("bucket `{}` not found", place.bucket))
        }
        Err(e) => return Err(short_message(&e)),
    };
    if metas.is_empty() {
        return Err(NOT_FOUND.into());
    }
    metas.sort_unstable_by(|a, b| a.location.as_ref().cmp(b.location.as_ref()));
    Ok(metas)
}

/// The error of a URL with no object at or under it.
const NOT_FOUND: &str = "not found (no object at or under this key)";

/// Whether a failed listing says the bucket or container does not exist (S3's
/// `NoSuchBucket`, Azure's `ContainerNotFound`, a plain 404).
fn is_missing_bucket(err: &object_store::Error) -> bool {
    let text = err.to_string();
    matches!(err, object_store::Error::NotFound { .. })
        || ["NoSuchBucket", "ContainerNotFound", "404 Not Found"]
            .iter()
            .any(|code| text.contains(code))
}

/// A store's error message without the response body it may quote (an XML error document).
fn short_message(err: &object_store::Error) -> String {
    let text = err.to_string();
    let cut = text.find(": <").unwrap_or(text.len());
    text[..cut].trim_end().to_string()
}

/// Expands the PATHs given as [`walk::walk`] does, but lists object-store URLs (`s3://...`)
/// into [`Entry::Object`]s, whose downloads the returned [`Objects`] starts at once. A URL
/// that cannot be listed (no such bucket, nothing under the prefix, refused) is an
/// [`Entry::Error`] naming it.
pub fn walk(paths: &[OsString], opts: &RemoteOptions) -> (Vec<Entry>, Objects) {
    let mut entries = Vec::new();
    let mut objects = Objects::default();
    let mut downloads = Vec::new();
    for arg in paths {
        let Some(url) = arg.to_str().filter(|_| is_url(arg)) else {
            entries.extend(walk::walk(std::slice::from_ref(arg)));
            continue;
        };
        let error = |message: String| Entry::Error(InputError::new(url, ErrorKind::Io, message));
        let listed = match objects.runtime() {
            Ok(runtime) => runtime.block_on(async {
                let place = place(url, opts)?;
                Ok::<_, String>((list(&place).await?, place))
            }),
            Err(e) => Err(format!("cannot start the object-store runtime: {e}")),
        };
        match listed {
            Ok((metas, place)) => {
                for meta in metas {
                    entries.push(Entry::Object(ObjectSpec {
                        display: format!("{}{}", place.root, meta.location),
                        size: meta.size,
                        index: downloads.len(),
                    }));
                    downloads.push(Download {
                        store: place.store.clone(),
                        location: meta.location,
                        size: meta.size,
                    });
                }
            }
            Err(message) => entries.push(error(message)),
        }
    }
    if !downloads.is_empty() {
        objects.start(downloads, opts.downloads);
    }
    (entries, objects)
}

#[cfg(test)]
mod tests {
    use super::*;
    use object_store::memory::InMemory;
    use object_store::PutPayload;

    /// A store holding `contents` as `k/0`, `k/1`, ..., and their downloads.
    fn stored(objects: &mut Objects, contents: &[Vec<u8>]) -> (Arc<InMemory>, Vec<Download>) {
        let store = Arc::new(InMemory::new());
        let runtime = objects.runtime().expect("runtime");
        let mut downloads = Vec::new();
        for (i, content) in contents.iter().enumerate() {
            let location = Path::from(format!("k/{i}"));
            runtime
                .block_on(store.put(&location, PutPayload::from(content.clone())))
                .expect("put");
            downloads.push(Download {
                store: store.clone(),
                location,
                size: content.len() as u64,
            });
        }
        (store, downloads)
    }

    fn spec(index: usize, size: usize) -> ObjectSpec {
        ObjectSpec {
            display: format!("mem://k/{index}"),
            size: size as u64,
            index,
        }
    }

    #[test]
    fn objects_come_whole_and_in_order_across_blocks() {
        let block = BLOCK as usize;
        let sizes = [0, 1, block - 1, block, 2 * block + 7, 100, 5000, 3];
        let contents: Vec<Vec<u8>> = sizes
            .iter()
            .enumerate()
            .map(|(i, &n)| (0..n).map(|j| (i * 31 + j * 7 + j / 4099) as u8).collect())
            .collect();
        let mut objects = Objects::default();
        let (_store, downloads) = stored(&mut objects, &contents);
        // Two at a time: objects dropped half read must free their slot for the next ones.
        objects.start(downloads, 2);
        for (index, content) in contents.iter().enumerate() {
            let mut reader = objects.open(&spec(index, content.len()));
            if index == 3 || index == 4 {
                let mut head = [0u8; 10];
                reader.read_exact(&mut head).expect("read a head");
                assert_eq!(head, content[..10]);
                continue;
            }
            let mut got = Vec::new();
            reader.read_to_end(&mut got).expect("read");
            assert!(got == *content, "object {index}: {} bytes", got.len());
        }
    }

    #[test]
    fn a_failed_or_short_download_fails_every_read() {
        let mut objects = Objects::default();
        let (_store, mut downloads) = stored(&mut objects, &[b"name,phone\n".to_vec()]);
        // Listed longer than it is: the ranged read past its end fails.
        downloads[0].size = 100;
        objects.start(downloads, 1);
        let mut reader = objects.open(&spec(0, 100));
        let mut got = Vec::new();
        assert!(reader.read_to_end(&mut got).is_err());
        assert!(reader.read(&mut [0u8; 4]).is_err(), "the failure stays");

        // Blocks that stop before the size listed: never a silent end.
        let (send, blocks) = mpsc::channel(2);
        send.try_send(Ok(Bytes::from_static(b"abc"))).expect("send");
        drop(send);
        let mut reader = ObjectReader {
            blocks: Some(blocks),
            block: Bytes::new(),
            size: 10,
            read: 0,
            failed: None,
        };
        let mut got = Vec::new();
        let err = reader.read_to_end(&mut got).expect_err("short");
        assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
        assert_eq!(got, b"abc");
    }

    #[test]
    fn a_key_is_one_object_else_a_folder_listed_in_byte_order() {
        let mut objects = Objects::default();
        let contents = vec![b"a".to_vec(); 12];
        let (store, _) = stored(&mut objects, &contents);
        let runtime = objects.runtime().expect("runtime");
        let place = |key: &str| Place {
            store: store.clone(),
            root: "mem://b/".into(),
            prefix: Path::from(key),
            folder: key.is_empty() || key.ends_with('/'),
            bucket: "b".into(),
        };
        let keys = |key: &str| {
            runtime.block_on(list(&place(key))).map(|metas| {
                metas
                    .into_iter()
                    .map(|meta| meta.location.to_string())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(keys("k/1"), Ok(vec!["k/1".to_string()]));
        let all = ["k/0", "k/1", "k/10", "k/11", "k/2", "k/3"];
        assert_eq!(keys("k").expect("listed")[..6], all);
        assert_eq!(keys("k/").expect("listed").len(), 12);
        assert_eq!(keys("").expect("listed").len(), 12);
        // A prefix is a folder: `k/1` does not list `k/10`.
        assert_eq!(
            keys("k/1/"),
            Err("not found (no object at or under this key)".into())
        );
        assert_eq!(
            keys("nothing"),
            Err("not found (no object at or under this key)".into())
        );
    }
}
