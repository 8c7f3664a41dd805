//! Images, decoded within limits and drawn again as PNG.

use std::io::Cursor;

use image::{ImageReader, Limits};

use crate::{Drawn, FileError};

/// The longest side of a drawn image: the viewer's width twice over (a HiDPI screen), and
/// small enough for the window to decode and scale within an agent action's 100 ms.
pub const MAX_PREVIEW_SIDE: u32 = 1600;
/// JPEG quality of a drawn photo: indistinguishable on screen from the original at this
/// size, and a third smaller to read and decode than at 88.
const JPEG_QUALITY: u8 = 80;
/// The largest image decoded at all (a decompression bomb claims far more).
const MAX_SOURCE_SIDE: u32 = 20_000;
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// Decodes an image (PNG, JPEG, GIF's first frame, WebP, BMP) and draws it again no larger
/// than [`MAX_PREVIEW_SIDE`] (JPEG when opaque, PNG with transparency), so the web view only
/// ever decodes a file made here.
pub fn draw_image(bytes: &[u8]) -> Result<Drawn, FileError> {
    // The size the header claims, read before anything is decoded.
    let (width, height) = reader(bytes)?.into_dimensions().map_err(|e| FileError::Image(e.to_string()))?;
    if width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE {
        return Err(FileError::ImageTooLarge { width, height });
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SOURCE_SIDE);
    limits.max_image_height = Some(MAX_SOURCE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = reader(bytes)?;
    reader.limits(limits);
    let decoded = reader.decode().map_err(|e| FileError::Image(e.to_string()))?;
    // Triangle filtering is fast and good enough for a downscale to screen size.
    let fitted = if decoded.width() > MAX_PREVIEW_SIDE || decoded.height() > MAX_PREVIEW_SIDE {
        decoded.resize(MAX_PREVIEW_SIDE, MAX_PREVIEW_SIDE, image::imageops::FilterType::Triangle)
    } else {
        decoded
    };
    if fitted.color().has_alpha() {
        encode_png(image::DynamicImage::ImageRgba8(fitted.into_rgba8()))
    } else {
        // A photo as PNG is several times its JPEG: slower to keep, send and decode.
        encode_jpeg(image::DynamicImage::ImageRgb8(fitted.into_rgb8()))
    }
}

fn encode_jpeg(picture: image::DynamicImage) -> Result<Drawn, FileError> {
    let (width, height) = (picture.width(), picture.height());
    let mut jpeg = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY);
    picture.write_with_encoder(encoder).map_err(|e| FileError::Image(e.to_string()))?;
    Ok(Drawn { png: jpeg, width, height })
}

pub(crate) fn encode_png(picture: image::DynamicImage) -> Result<Drawn, FileError> {
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    let (width, height) = (picture.width(), picture.height());
    let mut png = Vec::with_capacity((width * height) as usize);
    // Fast compression: the PNG only travels to the window and sits in the cache.
    let encoder = PngEncoder::new_with_quality(&mut png, CompressionType::Fast, FilterType::Adaptive);
    picture.write_with_encoder(encoder).map_err(|e| FileError::Image(e.to_string()))?;
    Ok(Drawn { png, width, height })
}

/// A reader of `bytes` with its format told from them.
fn reader(bytes: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>, FileError> {
    ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| FileError::Image(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_of(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 9]));
        encode_png(image::DynamicImage::ImageRgb8(picture)).unwrap().png
    }

    #[test]
    fn an_image_is_drawn_again_no_larger_than_a_screen() {
        let drawn = draw_image(&png_of(3000, 1000)).unwrap();
        assert_eq!((drawn.width, drawn.height), (1600, 533));
        assert!(drawn.png.starts_with(b"\xff\xd8"), "an opaque image is drawn as JPEG");
        let small = draw_image(&png_of(40, 30)).unwrap();
        assert_eq!((small.width, small.height), (40, 30));
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_it_is_decoded() {
        // A PNG header claiming 100,000 × 100,000 pixels.
        let mut bomb = png_of(1, 1);
        bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        assert!(matches!(draw_image(&bomb), Err(FileError::ImageTooLarge { .. }) | Err(FileError::Image(_))));
    }

    #[test]
    fn a_cut_or_false_image_is_an_error_not_a_crash() {
        let png = png_of(200, 200);
        assert!(draw_image(&png[..png.len() / 2]).is_err());
        assert!(draw_image(b"\xff\xd8\xff\xe0 not really a jpeg").is_err());
        assert!(draw_image(b"").is_err());
    }
}
