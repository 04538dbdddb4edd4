//! PNG files from SVG at build time (resvg, with DejaVu Sans embedded so the
//! images look the same on every machine that runs `ia-prerender`), and the
//! pages' QR codes as PNG (drawn by `crate::qr`). Native only (feature `ssr`): none of
//! this is in the app's Wasm.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};

/// Turns SVG into PNG; holds the parsed fonts, so make one and reuse it.
pub struct Rasterizer {
    options: usvg::Options<'static>,
}

impl Default for Rasterizer {
    fn default() -> Self {
        Rasterizer::new()
    }
}

impl Rasterizer {
    pub fn new() -> Rasterizer {
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_font_data(dejavu::sans::regular().to_vec());
        fonts.load_font_data(dejavu::sans::bold().to_vec());
        fonts.set_sans_serif_family(ia_core::pages::preview::FONT);
        let options = usvg::Options {
            font_family: ia_core::pages::preview::FONT.to_owned(),
            fontdb: Arc::new(fonts),
            ..usvg::Options::default()
        };
        Rasterizer { options }
    }

    /// The SVG drawn at `scale` times its own size, as PNG bytes.
    pub fn png(&self, svg: &str, scale: f32) -> Result<Vec<u8>, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let size = tree
            .size()
            .to_int_size()
            .scale_by(scale)
            .ok_or("empty picture")?;
        let mut pixmap =
            tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("picture too large")?;
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        encode(&pixmap).map_err(|e| e.to_string())
    }
}

/// The picture as PNG without alpha (every picture here has an opaque
/// background): with a palette when it has at most 256 colours (QR codes),
/// else RGB. Smaller than tiny-skia's RGBA encoding, so previews stay well
/// under messengers' limits. zlib level 5 with the "Sub" filter on every
/// row: on the site's 262 images 3.6 % smaller than level 9 with adaptive
/// filters, in a quarter of the time (the publication package makes them in
/// the browser, issue 29).
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let mut rgb = vec![0; pixmap.pixels().len() * 3];
    for (out, pixel) in rgb.chunks_exact_mut(3).zip(pixmap.pixels()) {
        let c = pixel.demultiply();
        out.copy_from_slice(&[c.red(), c.green(), c.blue()]);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(5));
    encoder.set_filter(png::Filter::Sub);
    let data = match indexed(&rgb) {
        Some((palette, indices)) => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(palette);
            indices
        }
        None => {
            encoder.set_color(png::ColorType::Rgb);
            rgb
        }
    };
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&data)?;
    writer.finish()?;
    Ok(out)
}

/// The picture (RGB, 3 bytes a pixel) as a palette of at most 256 colours in
/// the order they first appear, and each pixel's index into it; `None` with
/// more colours. A bit per possible colour (2 MB) finds new colours without
/// a search or a hash per pixel: the preview images have thousands of
/// colours and this is the first thing done with each of their pixels.
fn indexed(rgb: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut seen = vec![0u64; 1 << 18];
    let mut palette: Vec<[u8; 3]> = Vec::new();
    for pixel in rgb.chunks_exact(3) {
        let key =
            (usize::from(pixel[0]) << 16) | (usize::from(pixel[1]) << 8) | usize::from(pixel[2]);
        let (word, bit) = (key >> 6, 1u64 << (key & 63));
        if seen[word] & bit == 0 {
            if palette.len() == 256 {
                return None;
            }
            seen[word] |= bit;
            palette.push([pixel[0], pixel[1], pixel[2]]);
        }
    }
    // At most 256 colours: each pixel's index, the last colour tried first.
    let mut indices = Vec::with_capacity(rgb.len() / 3);
    let mut last: Option<([u8; 3], u8)> = None;
    for pixel in rgb.chunks_exact(3) {
        let colour = [pixel[0], pixel[1], pixel[2]];
        let index = match last {
            Some((seen, index)) if seen == colour => index,
            _ => {
                let index = palette.iter().position(|&p| p == colour)? as u8;
                last = Some((colour, index));
                index
            }
        };
        indices.push(index);
    }
    Some((palette.concat(), indices))
}

/// Pixels per module in the PNG: a 300–500 px image, sharp in print at
/// a few centimetres.
pub const QR_PNG_SCALE: f32 = 10.0;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qr::qr_svg;

    #[test]
    fn svg_becomes_png_of_the_scaled_size() {
        let raster = Rasterizer::new();
        let svg = qr_svg("x", "x").unwrap();
        let png = raster.png(&svg, 2.0).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        // IHDR: width and height, big-endian, at bytes 16..24.
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        assert_eq!(width, 2 * (21 + 8));
        assert!(raster.png("<svg", 1.0).is_err());
    }

    /// Colours in the order they first appear, each pixel's index; none
    /// with more than 256 colours.
    #[test]
    fn a_palette_is_made_where_256_colours_suffice() {
        let (palette, indices) = indexed(&[9, 9, 9, 1, 2, 3, 9, 9, 9, 1, 2, 3, 4, 5, 6]).unwrap();
        assert_eq!(palette, [9, 9, 9, 1, 2, 3, 4, 5, 6]);
        assert_eq!(indices, [0, 1, 0, 1, 2]);
        let many: Vec<u8> = (0..=256u32)
            .flat_map(|i| [(i % 256) as u8, (i / 256) as u8, 0])
            .collect();
        assert!(indexed(&many[..256 * 3]).is_some_and(|(p, _)| p.len() == 256 * 3));
        assert!(indexed(&many).is_none());
    }

    #[test]
    fn the_embedded_font_draws_text() {
        let raster = Rasterizer::new();
        let blank = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><rect width="200" height="50" fill="#fff"/></svg>"##;
        let text = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><rect width="200" height="50" fill="#fff"/><text x="5" y="35" font-size="30" font-family="DejaVu Sans" font-weight="bold">Köln</text></svg>"##;
        assert_ne!(
            raster.png(blank, 1.0).unwrap(),
            raster.png(text, 1.0).unwrap()
        );
    }
}
