//! Compressed copies beside the files of a build (`ia-map-….wasm.gz`,
//! `….wasm.br`), which a web server sends as they are instead of compressing
//! on every request (nginx `gzip_static`, Caddy's `precompressed`;
//! docs/deploy.md, "MIME types and compression"). Feature `ssr` only: run by
//! `ia-prerender` at the end of `make build` and again on the server after a
//! data update, so a copy is never older than its file.
//!
//! Each run keeps every copy in step: a copy whose content is not exactly its
//! file compressed is written anew, a copy whose file is gone (a removed
//! agency's page) is removed. `config.json` and the dataset get no copies:
//! a host replaces them by hand, without running anything, and a server
//! would go on sending the old copy.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The extensions of the files that get compressed copies: text and Wasm.
/// (Images are compressed already.)
pub const COMPRESSIBLE: &[&str] = &[
    "wasm",
    "js",
    "css",
    "json",
    "geojson",
    "html",
    "webmanifest",
    "svg",
    "xml",
    "txt",
    "csv",
    "ttl",
];

/// A content encoding of the copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// `.gz`, gzip at level 9 (nginx `gzip_static`, every browser).
    Gzip,
    /// `.br`, brotli at quality 11 (Caddy, nginx with ngx_brotli; HTTPS only
    /// in browsers).
    Brotli,
}

impl Encoding {
    pub const ALL: [Encoding; 2] = [Encoding::Gzip, Encoding::Brotli];

    /// The extension added to the file's name.
    pub fn extension(self) -> &'static str {
        match self {
            Encoding::Gzip => "gz",
            Encoding::Brotli => "br",
        }
    }

    /// The file's bytes compressed (deterministic: no name or time in the
    /// gzip header).
    pub fn compress(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            Encoding::Gzip => {
                let mut encoder =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                encoder.write_all(bytes).expect("writing to a Vec");
                encoder.finish().expect("writing to a Vec")
            }
            Encoding::Brotli => {
                let params = brotli::enc::BrotliEncoderParams {
                    quality: 11,
                    lgwin: 22,
                    ..Default::default()
                };
                let mut out = Vec::new();
                brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
                    .expect("reading a slice, writing to a Vec");
                out
            }
        }
    }

    /// A copy's bytes decompressed, `None` if they are not valid.
    pub fn decompress(self, bytes: &[u8]) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        match self {
            Encoding::Gzip => flate2::read::GzDecoder::new(bytes)
                .read_to_end(&mut out)
                .ok()?,
            Encoding::Brotli => {
                brotli::BrotliDecompress(&mut &bytes[..], &mut out).ok()?;
                0
            }
        };
        Some(out)
    }
}

/// What a run did, for `ia-prerender`'s summary line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Files that have copies now.
    pub files: usize,
    /// Copies written (new or out of date), kept (already exact), removed.
    pub written: usize,
    pub kept: usize,
    pub removed: usize,
    /// Bytes of those files, and of their `.gz` and `.br` copies.
    pub bytes: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "compressed copies of {} files ({} KB; .gz {} KB, .br {} KB): {} written, {} unchanged, {} removed",
            self.files,
            self.bytes / 1024,
            self.gzip / 1024,
            self.brotli / 1024,
            self.written,
            self.kept,
            self.removed
        )
    }
}

/// Whether `path` (relative to the folder, `/`-separated) gets compressed
/// copies: a compressible extension, and not one of `hand_kept` (config.json
/// and the dataset).
pub fn wants_copies(path: &str, hand_kept: &[&str]) -> bool {
    let extension = path.rsplit_once('.').map_or("", |(_, ext)| ext);
    COMPRESSIBLE.contains(&extension) && !hand_kept.contains(&path)
}

/// Writes, checks and removes the compressed copies in `dir` (see the module
/// docs). With `enabled` false every copy of a compressible file is removed
/// instead (for hosts that do not use them). Files named `*.gz`/`*.br` whose
/// name without that is not a compressible file's (an archive offered for
/// download) are left alone.
pub fn refresh(dir: &Path, hand_kept: &[&str], enabled: bool) -> Result<Summary, String> {
    let mut files = Vec::new();
    list_files(dir, dir, &mut files)?;
    let names: std::collections::HashSet<&str> =
        files.iter().map(|(rel, _)| rel.as_str()).collect();
    let mut summary = Summary::default();
    // Copies without their file, or of a file that must have none.
    for (rel, path) in &files {
        for encoding in Encoding::ALL {
            let Some(original) = rel.strip_suffix(&format!(".{}", encoding.extension())) else {
                continue;
            };
            let compressible = wants_copies(original, &[]);
            let orphan = compressible && !names.contains(original);
            if orphan || (compressible && !(enabled && wants_copies(original, hand_kept))) {
                std::fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
                summary.removed += 1;
            }
        }
    }
    if !enabled {
        return Ok(summary);
    }
    let work: Vec<&(String, PathBuf)> = files
        .iter()
        .filter(|(rel, _)| wants_copies(rel, hand_kept))
        .collect();
    // Brotli at quality 11 is slow (about 1 MB/s): the files are shared out
    // over the machine's cores.
    let next = AtomicUsize::new(0);
    let total = Mutex::new(Ok(summary));
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut own = Summary::default();
                let mut failed = None;
                while let Some((_, path)) = work.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Err(err) = copies_of(path, &mut own) {
                        failed = Some(err);
                        break;
                    }
                }
                let mut total = total.lock().expect("no thread panics holding it");
                match (&mut *total, failed) {
                    (Ok(_), Some(err)) => *total = Err(err),
                    (Ok(sum), None) => {
                        sum.files += own.files;
                        sum.written += own.written;
                        sum.kept += own.kept;
                        sum.removed += own.removed;
                        sum.bytes += own.bytes;
                        sum.gzip += own.gzip;
                        sum.brotli += own.brotli;
                    }
                    (Err(_), _) => {}
                }
            });
        }
    });
    total.into_inner().expect("no thread panics holding it")
}

/// Brings one file's copies in step. A copy that would not be smaller than
/// the file is not kept.
fn copies_of(path: &Path, summary: &mut Summary) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut any = false;
    for encoding in Encoding::ALL {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(encoding.extension());
        let copy_path = PathBuf::from(name);
        let existing = std::fs::read(&copy_path).ok();
        let exact = existing
            .as_deref()
            .and_then(|copy| encoding.decompress(copy))
            .is_some_and(|plain| plain == bytes);
        let copy = match existing {
            Some(copy) if exact => {
                summary.kept += 1;
                copy
            }
            _ => {
                let copy = encoding.compress(&bytes);
                if copy.len() >= bytes.len() {
                    if existing.is_some() {
                        std::fs::remove_file(&copy_path)
                            .map_err(|e| format!("{}: {e}", copy_path.display()))?;
                        summary.removed += 1;
                    }
                    continue;
                }
                std::fs::write(&copy_path, &copy)
                    .map_err(|e| format!("{}: {e}", copy_path.display()))?;
                summary.written += 1;
                copy
            }
        };
        any = true;
        match encoding {
            Encoding::Gzip => summary.gzip += copy.len() as u64,
            Encoding::Brotli => summary.brotli += copy.len() as u64,
        }
    }
    if any {
        summary.files += 1;
        summary.bytes += bytes.len() as u64;
    }
    Ok(())
}

/// Every file under `dir`, with its path relative to `root` (`/`-separated).
fn list_files(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if kind.is_dir() {
            list_files(root, &path, out)?;
        } else if kind.is_file() {
            let rel = path
                .strip_prefix(root)
                .expect("listed under root")
                .components()
                .map(|part| part.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("ia-precompress-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap();
        dir
    }

    fn text(n: usize) -> String {
        (0..n)
            .map(|i| format!("line {i} of a text that compresses well\n"))
            .collect()
    }

    #[test]
    fn both_encodings_round_trip_and_gzip_is_deterministic() {
        let bytes = text(500).into_bytes();
        for encoding in Encoding::ALL {
            let copy = encoding.compress(&bytes);
            assert!(copy.len() < bytes.len() / 5, "{encoding:?}: {}", copy.len());
            assert_eq!(encoding.decompress(&copy).as_deref(), Some(&bytes[..]));
            assert_eq!(
                encoding.compress(&bytes),
                copy,
                "{encoding:?} is deterministic"
            );
            assert_eq!(encoding.decompress(b"not compressed"), None);
        }
    }

    #[test]
    fn which_files_get_copies() {
        let kept = ["config.json", "data/agencies.json"];
        for path in [
            "index.html",
            "ia-map-0123456789abcdef_bg.wasm",
            "data/places.json",
            "data/boundaries/nrw-land.geojson",
            "manifest.webmanifest",
            "sitemap.xml",
            "agentur/x-qr.svg",
        ] {
            assert!(wants_copies(path, &kept), "{path}");
        }
        for path in [
            "config.json",
            "data/agencies.json",
            "icons/icon-192.png",
            "vendor/leaflet/LICENSE",
            "index.html.gz",
            "a.tar.gz",
        ] {
            assert!(!wants_copies(path, &kept), "{path}");
        }
    }

    #[test]
    fn copies_are_written_checked_rewritten_and_removed() {
        let dir = folder("run");
        let write = |rel: &str, content: &[u8]| std::fs::write(dir.join(rel), content).unwrap();
        let read = |rel: &str| std::fs::read(dir.join(rel)).ok();
        write("index.html", text(300).as_bytes());
        write("app.js", text(200).as_bytes());
        write("robots.txt", b"User-agent: *\n"); // too small to gain anything
        write("config.json", text(100).as_bytes());
        write("data/agencies.json", text(100).as_bytes());
        write("icon.png", &[0x89, b'P', b'N', b'G']);
        // A copy that is out of date, one whose file is gone, one of a file
        // that must have none, and an archive that is nobody's copy.
        write("app.js.gz", &Encoding::Gzip.compress(b"an older app.js"));
        write(
            "removed-page.html.br",
            &Encoding::Brotli.compress(text(10).as_bytes()),
        );
        write(
            "config.json.gz",
            &Encoding::Gzip.compress(text(100).as_bytes()),
        );
        write("export.tar.gz", b"an archive");

        let kept = ["config.json", "data/agencies.json"];
        let summary = refresh(&dir, &kept, true).unwrap();
        for rel in ["index.html", "app.js"] {
            let plain = read(rel).unwrap();
            for encoding in Encoding::ALL {
                let copy = read(&format!("{rel}.{}", encoding.extension())).expect(rel);
                assert_eq!(
                    encoding.decompress(&copy),
                    Some(plain.clone()),
                    "{rel} {encoding:?}"
                );
            }
        }
        for gone in [
            "robots.txt.gz",
            "robots.txt.br",
            "config.json.gz",
            "config.json.br",
            "data/agencies.json.gz",
            "icon.png.gz",
            "removed-page.html.br",
        ] {
            assert_eq!(read(gone), None, "{gone}");
        }
        assert_eq!(read("export.tar.gz").as_deref(), Some(&b"an archive"[..]));
        assert_eq!(
            (
                summary.files,
                summary.written,
                summary.kept,
                summary.removed
            ),
            (2, 4, 0, 2)
        );

        // Again: everything is exact already.
        let again = refresh(&dir, &kept, true).unwrap();
        assert_eq!(
            (again.files, again.written, again.kept, again.removed),
            (2, 0, 4, 0)
        );
        assert_eq!((again.gzip, again.brotli), (summary.gzip, summary.brotli));

        // A changed file gets new copies; off removes them all.
        write("index.html", text(301).as_bytes());
        let changed = refresh(&dir, &kept, true).unwrap();
        assert_eq!((changed.written, changed.kept), (2, 2));
        assert_eq!(
            Encoding::Brotli.decompress(&read("index.html.br").unwrap()),
            read("index.html")
        );
        let off = refresh(&dir, &kept, false).unwrap();
        assert_eq!((off.files, off.removed), (0, 4));
        assert_eq!(read("index.html.gz"), None);
        assert_eq!(read("export.tar.gz").as_deref(), Some(&b"an archive"[..]));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
