//! Investigation reports. A report is a small document — a title, headings, paragraphs,
//! label/value facts, lists and quotes — rendered twice: as a PDF (A4, the DejaVu Sans font
//! subset and embedded, every character mapped back to Unicode so the text can be searched
//! and extracted) and as Markdown. What goes in it is the caller's (the desk builds it from
//! the case); this crate only lays it out.

mod markdown;
mod pdf;

pub use markdown::to_markdown;
pub use pdf::to_pdf;

/// One block of a report, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    /// Label and value pairs, one per line.
    Facts(Vec<(String, String)>),
    /// A bulleted list.
    List(Vec<String>),
    /// Words quoted from someone (a customer's message, evidence).
    Quote(String),
    /// The next block starts a new page (unless the page is still empty).
    PageBreak,
    /// A bookmark (PDF outline entry) pointing here, e.g. an exhibit; nothing is printed.
    Bookmark(String),
}

/// A whole report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    /// Printed at the foot of every page with the page number.
    pub footer: String,
    /// Stamped into the PDF's metadata, `YYYYMMDDHHmmSSZ`.
    pub created: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the report font could not be read: {0}")]
    Font(String),
}
