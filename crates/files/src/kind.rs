//! What a file is, from its bytes.

/// How the desk may show a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// PNG, JPEG, GIF, WebP or BMP: decoded and drawn again.
    Image,
    /// Rendered page by page by a PDF rasterizer without scripts or forms.
    Pdf,
    /// Valid text in some charset: shown as text.
    Text,
    /// Anything else (archives, office files, executables…): saved only.
    Other,
}

/// The type told from the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sniffed {
    pub kind: FileKind,
    /// A MIME type (`application/octet-stream` when nothing fits).
    pub content_type: String,
}

/// Tells a file's type from its first bytes; text is what has no NUL and decodes cleanly
/// in its first 8 KB.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if let Some(found) = infer::get(bytes) {
        let content_type = found.mime_type().to_owned();
        let kind = match content_type.as_str() {
            "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "image/bmp" => FileKind::Image,
            "application/pdf" => FileKind::Pdf,
            _ => FileKind::Other,
        };
        return Sniffed { kind, content_type };
    }
    if looks_like_text(bytes) {
        return Sniffed { kind: FileKind::Text, content_type: "text/plain".into() };
    }
    Sniffed { kind: FileKind::Other, content_type: "application/octet-stream".into() }
}

/// The extension of `name` when it names a type other than `content_type` (the type told
/// from the bytes): "invoice.pdf" that is a zip. Extensions the desk does not know say nothing.
pub fn disguise(name: &str, content_type: &str) -> Option<String> {
    let extension = name.rsplit_once('.')?.1.trim().to_ascii_lowercase();
    let named: &[&str] = match extension.as_str() {
        "pdf" => &["application/pdf"],
        "png" => &["image/png"],
        "jpg" | "jpeg" => &["image/jpeg"],
        "gif" => &["image/gif"],
        "webp" => &["image/webp"],
        "bmp" => &["image/bmp"],
        "txt" | "csv" | "log" => &["text/plain"],
        "zip" => &["application/zip"],
        // Office files are zip (OOXML) or OLE containers underneath.
        "docx" | "xlsx" | "pptx" => &[
            "application/zip",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ],
        _ => return None,
    };
    (!named.contains(&content_type)).then_some(extension)
}

fn looks_like_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return false;
    }
    // A cut in the middle of a UTF-8 sequence at the end of the head is not an error.
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) if e.error_len().is_none() => true,
        Err(_) => {
            // Legacy charsets: printable, mostly, once decoded by the guessed charset.
            let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
            detector.feed(head, head.len() == bytes.len());
            let (text, _, _) = detector.guess(None, chardetng::Utf8Detection::Allow).decode(head);
            let odd = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c')).count();
            odd * 100 <= text.chars().count()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n...").kind, FileKind::Pdf);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").kind, FileKind::Image);
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0").content_type, "application/zip");
        assert_eq!(sniff("Bonjour, voici le relevé".as_bytes()).kind, FileKind::Text);
        assert_eq!(sniff(b"caf\xe9 cr\xe8me").kind, FileKind::Text);
        assert_eq!(sniff(b"MZ\x90\0\x03\0\0\0").kind, FileKind::Other);
        assert_eq!(sniff(b"\x01\x02\x03\0\xff").kind, FileKind::Other);
        assert_eq!(sniff(b"").kind, FileKind::Text);
    }

    #[test]
    fn a_name_that_lies_about_the_bytes_is_told() {
        assert_eq!(disguise("invoice.pdf", "application/zip").as_deref(), Some("pdf"));
        assert_eq!(disguise("Photo.JPG", "application/x-msdownload").as_deref(), Some("jpg"));
        assert_eq!(disguise("statement.pdf", "application/pdf"), None);
        assert_eq!(disguise("report.docx", "application/zip"), None);
        assert_eq!(disguise("no-extension", "application/zip"), None);
        assert_eq!(disguise("archive.7z", "application/x-7z-compressed"), None);
    }
}
