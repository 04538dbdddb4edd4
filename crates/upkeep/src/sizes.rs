//! Gzip sizes (1 KB = 1000 bytes; gzip at the default level 6, as a web
//! server would compress on the fly) and the dataset's budget.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::{Error, Result};

/// The dataset may be at most this many bytes gzip.
pub const DATASET_BUDGET: usize = 25_000;

/// Gzip size of some bytes.
pub fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder
        .write_all(bytes)
        .and_then(|_| encoder.finish())
        .map(|compressed| compressed.len())
        .map_err(|err| Error(format!("gzip failed: {err}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_shrinks_repetition() {
        let text = "Integrationsagentur ".repeat(1000);
        let size = gzip_len(text.as_bytes()).unwrap_or(usize::MAX);
        assert!(size < 200, "{size}");
    }
}
