//! Text in images (`scan --ocr`): photos and scans of ID cards, read with the `tesseract`
//! command of the system packages (`apt-get install tesseract-ocr`). The image goes to its
//! standard input and the text comes back on its standard output; each non-empty line is a
//! value of field [`FIELD`] in the image's record, scanned like any extracted text.
//!
//! Tesseract runs with one thread per image (`OMP_THREAD_LIMIT=1`): images are read in
//! parallel by the scan's own threads, and the same image always gives the same text.

use super::DocError;
use std::io::Write;
use std::process::{Command, Stdio};

/// The field of the lines read from an image.
pub const FIELD: &str = "ocr";

/// The image formats read: those Tesseract (Leptonica) decodes.
pub const FORMATS: &[&str] = &["jpeg", "png", "tiff"];

/// How images are read: the Tesseract program to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ocr {
    /// The program (`tesseract`, found on `PATH`).
    pub program: String,
}

impl Default for Ocr {
    fn default() -> Self {
        Ocr {
            program: "tesseract".into(),
        }
    }
}

impl Ocr {
    /// Checks that the program runs (`tesseract --version`); the error says how to get it.
    pub fn check(&self) -> Result<(), String> {
        let out = Command::new(&self.program)
            .arg("--version")
            .stdin(Stdio::null())
            .output();
        match out {
            Ok(out) if out.status.success() => Ok(()),
            Ok(out) => Err(format!(
                "--ocr: `{} --version` failed ({})",
                self.program, out.status
            )),
            Err(err) => Err(format!(
                "--ocr needs the `{}` command (Tesseract; on Debian/Ubuntu: apt-get install \
                 tesseract-ocr): {}",
                self.program,
                crate::error::io_message(&err)
            )),
        }
    }

    /// The text Tesseract reads in an image of report format `format`.
    pub fn read(&self, format: &'static str, image: &[u8]) -> Result<String, DocError> {
        let failed = |why: String| DocError::new(format, format!("ocr: {why}"));
        let mut child = Command::new(&self.program)
            .args(["stdin", "stdout", "quiet"])
            .env("OMP_THREAD_LIMIT", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                failed(format!(
                    "{}: {}",
                    self.program,
                    crate::error::io_message(&e)
                ))
            })?;
        let mut stdin = child.stdin.take();
        // Written from another thread while this one reads the output: neither pipe fills up.
        let out = std::thread::scope(|s| {
            s.spawn(move || {
                if let Some(stdin) = stdin.as_mut() {
                    // Tesseract stops reading an image it cannot decode: its exit says so.
                    let _ = stdin.write_all(image);
                }
            });
            child.wait_with_output()
        })
        .map_err(|e| failed(crate::error::io_message(&e)))?;
        if !out.status.success() {
            return Err(failed(format!("tesseract failed ({})", out.status)));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}
