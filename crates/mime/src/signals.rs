//! Mail no person wrote: auto-replies (RFC 3834 and the common vendor headers) and bounces
//! (RFC 3464 delivery status notifications), which must never open tickets or loop.

use mail_parser::{HeaderValue, Message, MessageParser, MimeHeaders, PartType};

use crate::addresses::Addresses;
use crate::threading::normalize_message_id;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailKind {
    /// Written by a person.
    Ordinary,
    /// An out-of-office or other machine answer; `reason` names the header that said so.
    AutoReply { reason: String },
    /// A delivery failure report for a message the desk sent.
    Bounce(Bounce),
}

/// What a delivery status notification says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bounce {
    /// The Message-ID of the message that could not be delivered, when the report quotes it.
    pub original_message_id: Option<String>,
    pub recipient: Option<String>,
    /// The RFC 3463 status, e.g. `5.1.1`.
    pub status: Option<String>,
    /// The remote server's words, e.g. `smtp; 550 5.1.1 user unknown`.
    pub diagnostic: Option<String>,
    /// A 4.x.x status: delivery is still being tried.
    pub transient: bool,
}

pub(crate) fn classify(message: &Message<'_>, addresses: &Addresses) -> MailKind {
    if let Some(bounce) = bounce(message, addresses) {
        return MailKind::Bounce(bounce);
    }
    match auto_reply_reason(message) {
        Some(reason) => MailKind::AutoReply { reason },
        None => MailKind::Ordinary,
    }
}

fn text_header(message: &Message<'_>, name: &str) -> Option<String> {
    message.header_raw(name).map(|v| v.trim().to_ascii_lowercase())
}

fn auto_reply_reason(message: &Message<'_>) -> Option<String> {
    if let Some(value) = text_header(message, "Auto-Submitted") {
        if !value.starts_with("no") {
            return Some(format!("Auto-Submitted: {value}"));
        }
    }
    if let Some(value) = text_header(message, "Precedence") {
        if ["bulk", "junk", "list", "auto_reply"].contains(&value.as_str()) {
            return Some(format!("Precedence: {value}"));
        }
    }
    for header in ["X-Autoreply", "X-Autorespond", "X-Auto-Reply-From"] {
        if message.header_raw(header).is_some() {
            return Some(header.to_string());
        }
    }
    if text_header(message, "X-Auto-Response-Suppress").is_none()
        && matches!(message.header("List-Id"), Some(v) if !v.is_empty())
    {
        return Some("List-Id".into());
    }
    None
}

fn bounce(message: &Message<'_>, addresses: &Addresses) -> Option<Bounce> {
    let is_report = message.root_part().content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart")
            && ct.subtype().is_some_and(|s| s.eq_ignore_ascii_case("report"))
            && ct.attribute("report-type").is_some_and(|t| t.eq_ignore_ascii_case("delivery-status"))
    });
    let from_daemon = addresses.from.as_ref().is_some_and(|f| {
        let local = f.address.split('@').next().unwrap_or("");
        local == "mailer-daemon" || local == "postmaster"
    });
    let status_part = message.parts.iter().find(|p| {
        p.content_type().is_some_and(|ct| {
            ct.ctype().eq_ignore_ascii_case("message")
                && ct.subtype().is_some_and(|s| s.eq_ignore_ascii_case("delivery-status"))
        })
    });
    let daemon_report = from_daemon && status_part.is_some();
    if !is_report && !daemon_report {
        return None;
    }
    let fields = status_part.map(|p| String::from_utf8_lossy(p.contents()).into_owned()).unwrap_or_default();
    let field = |name: &str| {
        fields.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim().to_string())
        })
    };
    let status = field("Status");
    Some(Bounce {
        original_message_id: original_message_id(message),
        recipient: field("Final-Recipient")
            .or_else(|| field("Original-Recipient"))
            .map(|r| r.split_once(';').map_or(r.as_str(), |(_, a)| a).trim().to_ascii_lowercase()),
        transient: status.as_deref().is_some_and(|s| s.starts_with('4')),
        status,
        diagnostic: field("Diagnostic-Code"),
    })
}

/// The returned message's Message-ID, from its attached copy or headers.
fn original_message_id(message: &Message<'_>) -> Option<String> {
    for part in &message.parts {
        let id = match &part.body {
            PartType::Message(nested) => nested.message_id().map(normalize_message_id),
            PartType::Text(text)
                if part
                    .content_type()
                    .is_some_and(|ct| ct.subtype().is_some_and(|s| s.eq_ignore_ascii_case("rfc822-headers"))) =>
            {
                MessageParser::default()
                    .parse_headers(text.as_bytes())
                    .and_then(|h| h.message_id().map(normalize_message_id))
            }
            _ => None,
        };
        if let Some(id) = id.filter(|id| !id.is_empty()) {
            return Some(id);
        }
    }
    // Some servers only quote it in the report's own References.
    match message.references() {
        HeaderValue::Text(id) => Some(normalize_message_id(id)),
        HeaderValue::TextList(ids) => ids.last().map(|id| normalize_message_id(id)),
        _ => None,
    }
}
