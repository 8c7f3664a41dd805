//! The text and HTML bodies, decoded right even when the sender's charset label is wrong.

use std::borrow::Cow;

use mail_parser::decoders::base64::base64_decode;
use mail_parser::decoders::html::html_to_text;
use mail_parser::decoders::quoted_printable::quoted_printable_decode;
use mail_parser::{Encoding, Message, MessagePart, MimeHeaders, PartType};

use crate::{Warning, MAX_HTML_BYTES, MAX_TEXT_CHARS};

pub(crate) struct Bodies {
    pub text: String,
    pub html: Option<String>,
    /// An HTML body too big to show, to be kept as an attachment.
    pub oversized_html: Option<String>,
}

impl Bodies {
    pub fn of(message: &Message<'_>, raw: &[u8], warnings: &mut Vec<Warning>) -> Self {
        let text_part = message.text_body.first().and_then(|&i| message.parts.get(i as usize));
        let html_part = message.html_body.first().and_then(|&i| message.parts.get(i as usize));
        let text = text_part.and_then(|p| decoded_text(p, raw, false, warnings));
        let html = html_part.and_then(|p| decoded_text(p, raw, true, warnings));
        let (html, oversized_html) = match html {
            Some(html) if html.len() > MAX_HTML_BYTES => {
                warnings.push(Warning::HtmlTooLarge { bytes: html.len() as i64 });
                (None, Some(html))
            }
            html => (html, None),
        };
        let text = match text {
            Some(text) => text,
            None => html
                .as_deref()
                .or(oversized_html.as_deref())
                .map(|h| html_to_text(h).trim().to_string())
                .unwrap_or_default(),
        };
        let chars = text.chars().count();
        let text = if chars > MAX_TEXT_CHARS {
            warnings.push(Warning::TextTruncated { chars: chars as i64 });
            text.chars().take(MAX_TEXT_CHARS).collect()
        } else {
            text
        };
        Bodies { text, html, oversized_html }
    }
}

/// A text part's content. mail-parser decodes by the declared charset and puts U+FFFD where
/// the bytes do not fit it; then the bytes are read again with the charset they look like.
fn decoded_text(part: &MessagePart<'_>, raw: &[u8], html: bool, warnings: &mut Vec<Warning>) -> Option<String> {
    // mail-parser lists a message's only body under both kinds; each kind takes its own.
    let decoded: &Cow<'_, str> = match (&part.body, html) {
        (PartType::Text(text), false) | (PartType::Html(text), true) => text,
        _ => return None,
    };
    if !decoded.contains('\u{FFFD}') {
        return Some(decoded.to_string());
    }
    let declared =
        part.content_type().and_then(|ct| ct.attribute("charset")).unwrap_or("us-ascii").to_ascii_lowercase();
    let Some(bytes) = transfer_decoded(part, raw) else { return Some(decoded.to_string()) };
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(&bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, had_errors) = guess.decode(&bytes);
    if had_errors || guess.name().eq_ignore_ascii_case(&declared) {
        return Some(decoded.to_string());
    }
    warnings.push(Warning::CharsetGuessed { declared, used: guess.name().to_ascii_lowercase() });
    Some(text.into_owned())
}

/// The part's bytes with the transfer encoding (base64, quoted-printable) undone.
fn transfer_decoded(part: &MessagePart<'_>, raw: &[u8]) -> Option<Vec<u8>> {
    let body = raw.get(part.offset_body as usize..part.offset_end as usize)?;
    match part.encoding {
        Encoding::Base64 => base64_decode(body),
        Encoding::QuotedPrintable => quoted_printable_decode(body),
        Encoding::None => Some(body.to_vec()),
    }
}
