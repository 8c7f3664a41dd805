//! The files the demo's customers attach, with real bytes: a phone screenshot, a photo of a
//! card, two PDFs with text (a bank statement, a receipt) and a screenshot of a chat. Drawn
//! once per process, the same every time, so each is one content-addressed file however
//! many messages carry it.

use std::io::Cursor;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

pub struct SampleFile {
    pub name: &'static str,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
    pub sha256: String,
}

/// Every sample, built on first use.
pub fn samples() -> &'static [SampleFile] {
    static SAMPLES: OnceLock<Vec<SampleFile>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        vec![
            file("screenshot.png", "image/png", picture(720, 1280, 11, image::ImageFormat::Png)),
            file("IMG_4021.jpg", "image/jpeg", picture(1600, 1200, 23, image::ImageFormat::Jpeg)),
            file("bank_statement.pdf", "application/pdf", text_pdf("Bank statement", STATEMENT)),
            file("transaction_receipt.pdf", "application/pdf", text_pdf("Card payment receipt", RECEIPT)),
            file("chat_with_seller.png", "image/png", picture(640, 1100, 37, image::ImageFormat::Png)),
        ]
    })
}

fn file(name: &'static str, content_type: &'static str, bytes: Vec<u8>) -> SampleFile {
    let sha256 = hex::encode(Sha256::digest(&bytes));
    SampleFile { name, content_type, bytes, sha256 }
}

/// A phone-shaped picture: a header bar, rows of "messages" and a soft gradient.
fn picture(width: u32, height: u32, seed: u32, format: image::ImageFormat) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        let row = y / 90;
        let header = y < 110;
        let bubble = !header && (y % 90) > 18 && (y % 90) < 78 && {
            let left = (row + seed).is_multiple_of(2);
            if left {
                x > 30 && x < width * 2 / 3
            } else {
                x > width / 3 && x < width - 30
            }
        };
        let shade = ((x + y + seed * 7) % 64) as u8;
        match (header, bubble) {
            (true, _) => image::Rgb([40, 60 + (seed % 80) as u8, 140]),
            (_, true) => image::Rgb([225 - shade / 4, 235 - shade / 4, 250]),
            _ => image::Rgb([245 - shade / 8, 245 - shade / 8, 245 - shade / 8]),
        }
    });
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(picture)
        .write_to(&mut Cursor::new(&mut bytes), format)
        .expect("encoding a sample picture in memory");
    bytes
}

const STATEMENT: &[&str] = &[
    "Account holder: J. Customer        Period: 01 Nov - 30 Nov",
    "",
    "03 Nov   CARD PURCHASE  EXCHANGE.EXAMPLE        -250.00 EUR",
    "03 Nov   CARD PURCHASE  EXCHANGE.EXAMPLE        -250.00 EUR",
    "07 Nov   SALARY                                 2,410.00 EUR",
    "12 Nov   SEPA TRANSFER  EXCHANGE.EXAMPLE        -1,000.00 EUR",
    "21 Nov   CARD REFUND    EXCHANGE.EXAMPLE          +250.00 EUR",
    "",
    "Closing balance                                 3,118.42 EUR",
];

const RECEIPT: &[&str] = &[
    "Merchant: EXCHANGE.EXAMPLE",
    "Card: VISA **** 4242",
    "Amount: 1,358.70 USD",
    "Authorisation code: 08K41Q",
    "Status: APPROVED",
];

/// A one-page PDF with a title and lines of text in Helvetica (a standard PDF font).
fn text_pdf(title: &str, lines: &[&str]) -> Vec<u8> {
    let escape = |s: &str| s.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    let mut content = format!("BT /F1 18 Tf 72 740 Td ({}) Tj ET\n", escape(title));
    for (i, line) in lines.iter().enumerate() {
        content.push_str(&format!("BT /F2 10 Tf 72 {} Td ({}) Tj ET\n", 700 - 16 * i as i32, escape(line)));
    }
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>".to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>".to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_real_files_of_their_type() {
        for sample in samples() {
            let sniffed = arbiter_mime::sniff_content_type(&sample.bytes, "application/octet-stream");
            assert_eq!(sniffed, sample.content_type, "{}", sample.name);
            assert_eq!(sample.sha256, hex::encode(Sha256::digest(&sample.bytes)));
        }
        let again: Vec<&str> = samples().iter().map(|s| s.sha256.as_str()).collect();
        assert_eq!(again.len(), 5);
    }
}
