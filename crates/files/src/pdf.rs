//! PDFs, rendered page by page by a rasterizer in safe Rust: no scripts, forms, links or
//! embedded files are acted on, only what the page draws.

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{render, PixmapSettings, RenderCache, RenderSettings};

use crate::{Drawn, FileError};

/// The width a page is drawn at, in pixels.
pub const PDF_PAGE_WIDTH: u32 = 1200;
/// The tallest page drawn (a page 40 times longer than wide is drawn squeezed).
const MAX_PAGE_HEIGHT: f32 = 6000.0;

fn open(bytes: &[u8]) -> Result<Pdf, FileError> {
    Pdf::new(bytes.to_vec()).map_err(|e| {
        FileError::Pdf(match e {
            hayro::hayro_syntax::LoadPdfError::Decryption(_) => ": it is encrypted".into(),
            _ => String::new(),
        })
    })
}

/// How many pages the PDF has.
pub fn pdf_page_count(bytes: &[u8]) -> Result<u32, FileError> {
    guarded(|| Ok(open(bytes)?.pages().len() as u32))
}

/// Draws page `page` (from 0) [`PDF_PAGE_WIDTH`] pixels wide, as a PNG.
pub fn draw_pdf_page(bytes: &[u8], page: u32) -> Result<Drawn, FileError> {
    guarded(|| {
        let pdf = open(bytes)?;
        let pages = pdf.pages();
        let page = pages.get(page as usize).ok_or(FileError::NoSuchPage(page))?;
        let (width, height) = page.render_dimensions();
        if !(width.is_finite() && height.is_finite()) || width < 1.0 || height < 1.0 {
            return Err(FileError::Pdf(": a page has no size".into()));
        }
        let x_scale = PDF_PAGE_WIDTH as f32 / width;
        let y_scale = x_scale.min(MAX_PAGE_HEIGHT / height);
        let cache = RenderCache::new();
        let pixmap = render(
            page,
            &cache,
            &InterpreterSettings::default(),
            &RenderSettings::default(),
            &PixmapSettings { x_scale, y_scale, bg_color: WHITE },
        );
        let (width, height) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
        let png = pixmap.into_png().map_err(|e| FileError::Pdf(format!(": {e}")))?;
        Ok(Drawn { png, width, height })
    })
}

/// A PDF is the most complex thing a customer can send; a page the rasterizer cannot cope
/// with is an error for that page, never a crash of the desk.
fn guarded<T>(work: impl FnOnce() -> Result<T, FileError> + std::panic::UnwindSafe) -> Result<T, FileError> {
    std::panic::catch_unwind(work).unwrap_or_else(|_| Err(FileError::Pdf(": the file is damaged".into())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page PDF (A4) that draws a black square, written out with its cross-reference.
    pub(crate) fn square_pdf() -> Vec<u8> {
        let content = b"0 0 0 rg 100 600 200 200 re f";
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_string(),
            format!("<< /Length {} >>\nstream\n{}\nendstream", content.len(), std::str::from_utf8(content).unwrap()),
        ];
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, object) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
        }
        let xref = pdf.len();
        pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
        for offset in offsets {
            pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        pdf.extend_from_slice(
            format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
        );
        pdf
    }

    #[test]
    fn a_page_is_drawn_at_screen_width() {
        let pdf = square_pdf();
        assert_eq!(pdf_page_count(&pdf).unwrap(), 1);
        let drawn = draw_pdf_page(&pdf, 0).unwrap();
        assert_eq!(drawn.width, PDF_PAGE_WIDTH);
        assert!((1690..1700).contains(&drawn.height), "{}", drawn.height);
        let picture = image::load_from_memory(&drawn.png).unwrap().into_rgb8();
        // The square is black, the page around it white.
        let scale = PDF_PAGE_WIDTH as f32 / 595.0;
        let inside = picture.get_pixel((200.0 * scale) as u32, drawn.height - (700.0 * scale) as u32);
        assert_eq!(inside.0, [0, 0, 0]);
        assert_eq!(picture.get_pixel(5, 5).0, [255, 255, 255]);
        assert_eq!(draw_pdf_page(&pdf, 1), Err(FileError::NoSuchPage(1)));
    }

    #[test]
    fn a_damaged_pdf_is_an_error() {
        assert!(pdf_page_count(b"%PDF-1.7\n1 0 obj << /Type /Catalog").is_err());
        let pdf = square_pdf();
        assert!(draw_pdf_page(&pdf[..pdf.len() / 3], 0).is_err());
        assert!(pdf_page_count(b"").is_err());
    }
}
