//! Reading files customers send, which may be hostile, without ever handing their bytes to
//! the web view: the type is told from the bytes (never the name or the sender's label);
//! images and PDF pages are decoded here, within limits, and drawn again as a fresh PNG;
//! text is decoded to UTF-8. Anything else is only ever saved, after the agent confirms.

mod image_preview;
mod kind;
mod pdf;
mod text;

pub use image_preview::{draw_image, MAX_PREVIEW_SIDE};
pub use kind::{disguise, sniff, FileKind, Sniffed};
pub use pdf::{draw_pdf_page, pdf_page_count, PDF_PAGE_WIDTH};
pub use text::{read_text, MAX_TEXT_CHARS};

/// A picture the desk drew itself: PNG or JPEG bytes (see [`picture_type`]) and their size
/// in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The media type of a picture the desk drew (JPEG or PNG).
pub fn picture_type(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\xff\xd8") {
        "image/jpeg"
    } else {
        "image/png"
    }
}

/// Why a file could not be shown (it can still be saved).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FileError {
    #[error("the image could not be read: {0}")]
    Image(String),
    #[error("the image is too large to show ({width} × {height} pixels)")]
    ImageTooLarge { width: u32, height: u32 },
    #[error("the PDF could not be read{0}")]
    Pdf(String),
    #[error("the PDF has no page {0}")]
    NoSuchPage(u32),
}
