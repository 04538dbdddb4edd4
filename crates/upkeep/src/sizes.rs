//! Gzip sizes (1 KB = 1000 bytes; gzip at the default level 6, as a web
//! server would compress on the fly) and the dataset's budget.

use crate::Result;

/// The dataset may be at most this many bytes gzip.
pub const DATASET_BUDGET: usize = 30_000;

/// Gzip size of some bytes: a 10-byte header, the deflate stream at level 6
/// (miniz_oxide, the compressor the committed sizes were measured with; not
/// flate2, whose backend other crates in the build may switch) and an 8-byte
/// trailer.
pub fn gzip_len(bytes: &[u8]) -> Result<usize> {
    Ok(10 + miniz_oxide::deflate::compress_to_vec(bytes, 6).len() + 8)
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
