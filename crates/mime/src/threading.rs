//! The headers that thread a conversation: Message-ID, In-Reply-To, References, and the
//! ticket number the desk writes into its subjects (`[#12345]`).

use chrono::{DateTime, Utc};
use mail_parser::{HeaderValue, Message};
use sha2::{Digest, Sha256};

use crate::{clean_header_text, Warning, MAX_SUBJECT_CHARS};

pub(crate) struct Headers {
    pub message_id: String,
    pub in_reply_to: Vec<String>,
    pub references: Vec<String>,
    pub subject: String,
    pub date: Option<DateTime<Utc>>,
}

impl Headers {
    pub fn of(message: &Message<'_>, raw: &[u8], warnings: &mut Vec<Warning>) -> Self {
        let message_id = match message.message_id().map(normalize_message_id).filter(|id| !id.is_empty()) {
            Some(id) => id,
            None => {
                warnings.push(Warning::NoMessageId);
                synthetic_message_id(raw)
            }
        };
        let (subject, had_controls) = clean_header_text(message.subject().unwrap_or_default());
        if had_controls {
            warnings.push(Warning::ControlCharactersInHeader { header: "Subject".into() });
        }
        let date =
            message.date().filter(|d| d.is_valid()).and_then(|d| DateTime::<Utc>::from_timestamp(d.to_timestamp(), 0));
        Headers {
            message_id,
            in_reply_to: ids(message.in_reply_to()),
            references: ids(message.references()),
            subject: subject.chars().take(MAX_SUBJECT_CHARS).collect(),
            date,
        }
    }
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    let raw: Vec<&str> = match value {
        HeaderValue::Text(id) => vec![id.as_ref()],
        HeaderValue::TextList(list) => list.iter().map(|id| id.as_ref()).collect(),
        _ => Vec::new(),
    };
    raw.into_iter().map(normalize_message_id).filter(|id| !id.is_empty()).collect()
}

/// A Message-ID without its angle brackets or spaces, at most 250 characters, with no
/// control characters: the form stored and compared.
pub fn normalize_message_id(id: &str) -> String {
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(250)
        .collect()
}

/// A stable id for a message that came without one, so a re-delivery of the same bytes is
/// still recognised.
pub(crate) fn synthetic_message_id(raw: &[u8]) -> String {
    format!("sha256-{}@no-message-id.invalid", hex::encode(&Sha256::digest(raw)[..16]))
}

/// The ticket number in a subject the desk wrote: `[#12345]` (also `[Ticket #12345]`, as
/// some mail clients keep it after translating "Re:").
pub fn ticket_number_in_subject(subject: &str) -> Option<i64> {
    let mut rest = subject;
    while let Some(open) = rest.find('[') {
        let inside = &rest[open + 1..];
        let Some(close) = inside.find(']') else { break };
        let tag = &inside[..close];
        if let Some((_, digits)) = tag.rsplit_once('#') {
            if !digits.is_empty() && digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()) {
                return digits.parse().ok();
            }
        }
        rest = &inside[close + 1..];
    }
    None
}

/// The subject of the desk's reply: `Re: ` once, and the ticket number once.
pub fn reply_subject(subject: &str, ticket_id: i64) -> String {
    let (subject, _) = clean_header_text(subject);
    let mut bare = subject.as_str();
    loop {
        let lower = bare.to_ascii_lowercase();
        let stripped = ["re:", "aw:", "sv:", "fw:", "fwd:", "回复:", "答复:"]
            .iter()
            .find(|p| lower.starts_with(*p))
            .map(|p| bare[p.len()..].trim_start());
        match stripped {
            Some(s) => bare = s,
            None => break,
        }
    }
    format!("Re: {}", first_subject(bare, ticket_id))
}

/// The subject of a conversation the desk starts: the agent's subject and the ticket number
/// once, on one line, so the customer's answer finds its ticket.
pub fn first_subject(subject: &str, ticket_id: i64) -> String {
    let (subject, _) = clean_header_text(subject);
    let bare = subject.trim();
    if ticket_number_in_subject(bare) == Some(ticket_id) {
        bare.to_string()
    } else if bare.is_empty() {
        format!("[#{ticket_id}]")
    } else {
        format!("{bare} [#{ticket_id}]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticket_numbers_are_read_from_the_desks_tags_only() {
        assert_eq!(ticket_number_in_subject("Re: Card payment [#12345]"), Some(12345));
        assert_eq!(ticket_number_in_subject("AW: [Ticket #77] Auszahlung"), Some(77));
        assert_eq!(ticket_number_in_subject("Order #12345 refund"), None);
        assert_eq!(ticket_number_in_subject("[#] [#abc] [#9]"), Some(9));
        assert_eq!(ticket_number_in_subject("[#99999999999999999999]"), None);
    }

    #[test]
    fn reply_subjects_carry_one_re_and_one_tag() {
        assert_eq!(reply_subject("Card payment", 5), "Re: Card payment [#5]");
        assert_eq!(reply_subject("RE: Re: Card payment [#5]", 5), "Re: Card payment [#5]");
        assert_eq!(reply_subject("Hi\r\nBcc: x@evil.example", 5), "Re: Hi Bcc: x@evil.example [#5]");
        assert_eq!(reply_subject("", 5), "Re: [#5]");
        assert_eq!(first_subject("Documents for your withdrawal", 9), "Documents for your withdrawal [#9]");
        assert_eq!(first_subject("Proof\r\nBcc: x@evil.example", 9), "Proof Bcc: x@evil.example [#9]");
        assert_eq!(first_subject("Your case [#9]", 9), "Your case [#9]");
    }

    #[test]
    fn message_ids_are_compared_bare() {
        assert_eq!(normalize_message_id(" <abc@host> "), "abc@host");
        assert_eq!(normalize_message_id("<a b\r\n@c>"), "ab@c");
    }
}
