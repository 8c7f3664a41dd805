//! Email as it travels. `read` turns a raw RFC 5322 message, as an IMAP server hands it over,
//! into what the support desk stores: who wrote, the text and HTML bodies decoded from their
//! charsets, the attachments with their bytes and a type sniffed from those bytes, the
//! threading headers, whether it is an auto-reply or a bounce, and the language it is
//! written in. Reading never fails: whatever could not be read is named in `warnings`, and
//! the caller keeps the raw message, so nothing is lost.
//!
//! No I/O here: the reference server's mail room fetches and sends, this crate only reads and
//! writes the bytes.

mod addresses;
mod attachments;
mod bodies;
mod language;
mod signals;
mod threading;

pub use addresses::Mailbox;
pub use attachments::{sniff_content_type, Part};
pub use language::detect_language;
pub use signals::{Bounce, MailKind};
pub use threading::{first_subject, normalize_message_id, reply_subject, ticket_number_in_subject};

use chrono::{DateTime, Utc};
use mail_parser::MessageParser;

/// The largest raw message the desk reads; a bigger one is quarantined unread.
pub const MAX_MESSAGE_BYTES: usize = 40 * 1024 * 1024;
/// The most attachments one message keeps; the rest stay in the raw message.
pub const MAX_ATTACHMENTS: usize = 100;
/// The largest single attachment kept as a file of its own.
pub const MAX_ATTACHMENT_BYTES: usize = 25 * 1024 * 1024;
/// The largest HTML body shown as the message; a bigger one becomes an attachment.
pub const MAX_HTML_BYTES: usize = 1024 * 1024;
/// The longest text body kept on the message (characters); the rest stays in the raw message.
pub const MAX_TEXT_CHARS: usize = 200_000;
/// The longest subject kept (characters).
pub const MAX_SUBJECT_CHARS: usize = 300;

/// What could not be read as sent: the contract's type, stored on the message.
pub use arbiter_contract::MailWarning as Warning;

/// One inbound email, read.
#[derive(Debug, Clone)]
pub struct InboundMail {
    /// Without angle brackets; made from the content's hash when the message had none.
    pub message_id: String,
    pub in_reply_to: Vec<String>,
    /// Oldest first, as the header lists them.
    pub references: Vec<String>,
    pub from: Option<Mailbox>,
    pub reply_to: Option<Mailbox>,
    pub to: Vec<Mailbox>,
    pub cc: Vec<Mailbox>,
    pub subject: String,
    pub date: Option<DateTime<Utc>>,
    /// Always present: the text part, or text made from the HTML part.
    pub text: String,
    /// The HTML part as sent (untrusted; the desk sanitizes it before showing it).
    pub html: Option<String>,
    /// Files and inline images (with their `content_id`), bytes decoded.
    pub attachments: Vec<Part>,
    pub kind: MailKind,
    /// BCP 47 primary tag of the text's language, when it can be told.
    pub language: Option<String>,
    pub warnings: Vec<Warning>,
}

/// Reads a raw message. Never fails: a message mail-parser cannot make sense of at all comes
/// back with its raw text as the body and `Warning::Malformed`.
pub fn read(raw: &[u8]) -> InboundMail {
    let mut warnings = Vec::new();
    let Some(mut message) = MessageParser::default().parse(raw) else {
        return unreadable(raw);
    };
    if message.parts.iter().any(|p| p.is_encoding_problem) {
        warnings.push(Warning::Malformed);
    }
    let headers = threading::Headers::of(&message, raw, &mut warnings);
    let addresses = addresses::Addresses::of(&message);
    if addresses.from.is_none() {
        warnings.push(Warning::NoSender);
    }
    let bodies = bodies::Bodies::of(&message, raw, &mut warnings);
    let kind = signals::classify(&message, &addresses);
    let attachments = attachments::collect(&mut message, raw, bodies.oversized_html.as_deref(), &mut warnings);
    let language = detect_language(&bodies.text);
    InboundMail {
        message_id: headers.message_id,
        in_reply_to: headers.in_reply_to,
        references: headers.references,
        from: addresses.from,
        reply_to: addresses.reply_to,
        to: addresses.to,
        cc: addresses.cc,
        subject: headers.subject,
        date: headers.date,
        text: bodies.text,
        html: bodies.html,
        attachments,
        kind,
        language,
        warnings,
    }
}

/// The Message-ID alone, from the headers (for a message too big to read whole); made from
/// the content's hash when there is none, as `read` does.
pub fn message_id_of(raw: &[u8]) -> String {
    MessageParser::default()
        .parse_headers(raw)
        .and_then(|m| m.message_id().map(normalize_message_id))
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| threading::synthetic_message_id(raw))
}

/// Who wrote and about what, from the headers alone (a quarantined message is not read
/// whole): the sender as `Name <address>` and the subject on one line, when there are any.
pub fn sender_and_subject(raw: &[u8]) -> (Option<String>, Option<String>) {
    // Headers end at the first blank line; a hostile message gets no more than this read.
    let head = &raw[..raw.len().min(256 * 1024)];
    let Some(message) = MessageParser::default().parse_headers(head) else { return (None, None) };
    let from = addresses::Addresses::of(&message).from.map(|m| clean_header_text(&m.display()).0);
    let subject = message.subject().map(|s| clean_header_text(s).0).filter(|s| !s.trim().is_empty());
    (from, subject)
}

fn unreadable(raw: &[u8]) -> InboundMail {
    let text: String = String::from_utf8_lossy(raw).chars().take(MAX_TEXT_CHARS).collect();
    InboundMail {
        message_id: threading::synthetic_message_id(raw),
        in_reply_to: Vec::new(),
        references: Vec::new(),
        from: None,
        reply_to: None,
        to: Vec::new(),
        cc: Vec::new(),
        subject: String::new(),
        date: None,
        language: detect_language(&text),
        text,
        html: None,
        attachments: Vec::new(),
        kind: MailKind::Ordinary,
        warnings: vec![Warning::Malformed, Warning::NoMessageId, Warning::NoSender],
    }
}

/// Replaces line breaks and other control characters by spaces and trims, so a decoded
/// header value can never become two headers when it is written again (a reply's subject).
pub fn clean_header_text(value: &str) -> (String, bool) {
    let mut changed = false;
    let cleaned: String = value
        .chars()
        .map(|c| {
            if c.is_control() {
                changed = true;
                ' '
            } else {
                c
            }
        })
        .collect();
    (cleaned.split_whitespace().collect::<Vec<_>>().join(" "), changed)
}
