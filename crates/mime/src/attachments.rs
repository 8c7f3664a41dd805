//! Attachments and inline images with their bytes, their type told from those bytes.

use mail_parser::decoders::base64::base64_decode;
use mail_parser::decoders::quoted_printable::quoted_printable_decode;
use mail_parser::{Encoding, Message, MessagePart, MimeHeaders, PartType};
use sha2::{Digest, Sha256};

use crate::{Warning, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES};

/// The longest file name kept (characters).
pub const NAME_MAX: usize = 200;

/// One file from a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// A plain file name (no path), never empty.
    pub name: String,
    /// Told from the bytes (`sniff_content_type`), not taken from the sender.
    pub content_type: String,
    /// What the sender said it was.
    pub declared_type: String,
    /// `Content-ID` without brackets, for an image the HTML shows as `cid:`.
    pub content_id: Option<String>,
    pub inline: bool,
    pub bytes: Vec<u8>,
    /// SHA-256 of `bytes`, hex.
    pub sha256: String,
}

impl Part {
    pub fn new(name: &str, declared_type: &str, content_id: Option<String>, inline: bool, bytes: Vec<u8>) -> Part {
        let content_type = sniff_content_type(&bytes, declared_type);
        Part {
            name: clean_name(name, &content_type),
            declared_type: declared_type.to_string(),
            content_type,
            content_id,
            inline,
            sha256: hex::encode(Sha256::digest(&bytes)),
            bytes,
        }
    }
}

/// Takes the files out of `message` (a binary part's decoded bytes are moved, not copied: a
/// 22 MB attachment is held once), so the message is read last for its files.
pub(crate) fn collect(
    message: &mut Message<'_>,
    raw: &[u8],
    oversized_html: Option<&str>,
    warnings: &mut Vec<Warning>,
) -> Vec<Part> {
    let mut parts = Vec::new();
    if let Some(html) = oversized_html {
        parts.push(Part::new("message.html", "text/html", None, false, html.as_bytes().to_vec()));
    }
    let mut dropped = 0;
    for index in message.attachments.clone() {
        let Some(part) = message.parts.get_mut(index as usize) else { continue };
        let Some(bytes) = take_bytes(part, raw) else { continue };
        let declared = declared_type(part);
        let name = part.attachment_name().unwrap_or("");
        if bytes.len() > MAX_ATTACHMENT_BYTES {
            warnings.push(Warning::AttachmentTooLarge { name: clean_name(name, &declared), bytes: bytes.len() as i64 });
            continue;
        }
        if parts.len() >= MAX_ATTACHMENTS {
            dropped += 1;
            continue;
        }
        let content_id = part.content_id().map(crate::normalize_message_id).filter(|id| !id.is_empty());
        let inline = part.content_disposition().is_some_and(|d| d.is_inline())
            || (content_id.is_some() && part.content_disposition().is_none());
        parts.push(Part::new(name, &declared, content_id, inline, bytes));
    }
    if dropped > 0 {
        warnings.push(Warning::TooManyAttachments { dropped: dropped as i64 });
    }
    parts
}

fn declared_type(part: &MessagePart<'_>) -> String {
    part.content_type()
        .map(|ct| match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub),
            None => ct.ctype().to_string(),
        })
        .unwrap_or_else(|| "application/octet-stream".into())
        .to_ascii_lowercase()
}

/// The bytes as sent: binary parts decoded (taken out of the part), text parts undone from
/// their transfer encoding only (not re-encoded from the decoded text), attached emails whole.
fn take_bytes(part: &mut MessagePart<'_>, raw: &[u8]) -> Option<Vec<u8>> {
    match &part.body {
        PartType::Binary(_) | PartType::InlineBinary(_) => {
            match std::mem::replace(&mut part.body, PartType::Binary(Default::default())) {
                PartType::Binary(bytes) | PartType::InlineBinary(bytes) => Some(bytes.into_owned()),
                _ => None,
            }
        }
        PartType::Text(text) | PartType::Html(text) => {
            let body = raw.get(part.offset_body as usize..part.offset_end as usize);
            let decoded = body.and_then(|body| match part.encoding {
                Encoding::Base64 => base64_decode(body),
                Encoding::QuotedPrintable => quoted_printable_decode(body),
                Encoding::None => Some(body.to_vec()),
            });
            Some(decoded.unwrap_or_else(|| text.as_bytes().to_vec()))
        }
        PartType::Message(nested) => Some(nested.raw_message().to_vec()),
        PartType::Multipart(_) => None,
    }
}

/// The media type the bytes are. Magic numbers first (infer); then text the sender called
/// text; everything else is opaque. A sender's label alone never makes a file an image or
/// a PDF the desk would render.
pub fn sniff_content_type(bytes: &[u8], declared: &str) -> String {
    if let Some(kind) = infer::get(bytes) {
        return kind.mime_type().to_string();
    }
    let declared = declared.to_ascii_lowercase();
    let texty = declared.starts_with("text/") || declared == "message/rfc822" || declared == "message/delivery-status";
    if texty && std::str::from_utf8(bytes).is_ok() && !bytes.contains(&0) {
        // A text type never becomes HTML by its label: HTML is shown as text or sanitized.
        return if declared == "text/html" || declared.starts_with("message/") {
            declared
        } else {
            "text/plain".into()
        };
    }
    "application/octet-stream".into()
}

/// A plain file name: no path, no control characters, at most `NAME_MAX` characters, and
/// never empty (`attachment.<ext>` from the type).
fn clean_name(name: &str, content_type: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .chars()
        .take(NAME_MAX)
        .collect();
    if !cleaned.is_empty() {
        return cleaned;
    }
    let ext = match content_type {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "application/pdf" => "pdf",
        "text/plain" => "txt",
        "text/html" => "html",
        "message/rfc822" => "eml",
        _ => "bin",
    };
    format!("attachment.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(sniff_content_type(png, "application/octet-stream"), "image/png");
        assert_eq!(sniff_content_type(b"%PDF-1.7\n", "image/png"), "application/pdf");
        // Never an image because it says so: markup is text/html, shown as text or sanitized.
        assert_eq!(sniff_content_type(b"<script>alert(1)</script>", "image/png"), "text/html");
        assert_eq!(sniff_content_type(b"\x00\x01garbage", "image/png"), "application/octet-stream");
        assert_eq!(sniff_content_type(b"hello", "text/csv"), "text/plain");
        assert_eq!(sniff_content_type(b"PK\x03\x04\x14\0\0\0", "text/plain"), "application/zip");
    }

    #[test]
    fn names_are_plain() {
        assert_eq!(clean_name("../../etc/passwd", "text/plain"), "passwd");
        assert_eq!(clean_name("C:\\Users\\a\\statement.pdf", "application/pdf"), "statement.pdf");
        assert_eq!(clean_name("", "image/png"), "attachment.png");
        assert_eq!(clean_name(".bashrc", "text/plain"), "bashrc");
        assert_eq!(clean_name("a\r\nb.txt", "text/plain"), "ab.txt");
    }
}
