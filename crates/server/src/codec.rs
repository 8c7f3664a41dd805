//! Conversions between contract values and their stored form, and email text → HTML.

use serde::de::DeserializeOwned;
use serde::Serialize;

pub use arbiter_contract::codec::{from_ms, to_ms};

pub fn enum_to_str<T: Serialize>(value: &T) -> String {
    arbiter_contract::codec::wire_name(value)
}

pub fn enum_from_str<T: DeserializeOwned>(stored: &str) -> Result<T, sqlx::Error> {
    arbiter_contract::codec::from_wire_name(stored)
        .map_err(|e| sqlx::Error::Decode(format!("bad stored value {stored:?}: {e}").into()))
}

pub fn json_list(stored: &str) -> Result<Vec<String>, sqlx::Error> {
    serde_json::from_str(stored).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

pub fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serializable")
}

/// Minimal HTML escaping for text placed in element content.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The HTML part of an email written as plain text: one paragraph per blank-line block.
pub fn text_to_email_html(text: &str) -> String {
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", escape_html(p).replace('\n', "<br>")))
        .collect();
    format!("<div>{}</div>", paragraphs.join(""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use arbiter_contract::TicketStatus;

    #[test]
    fn bad_stored_enums_are_decode_errors() {
        assert_eq!(enum_from_str::<TicketStatus>("open").unwrap(), TicketStatus::Open);
        assert!(matches!(enum_from_str::<TicketStatus>("bogus"), Err(sqlx::Error::Decode(_))));
    }

    #[test]
    fn email_html_escapes_and_splits_paragraphs() {
        let html = text_to_email_html("Hi <b>Ana</b>,\n\nline one\nline two");
        assert_eq!(html, "<div><p>Hi &lt;b&gt;Ana&lt;/b&gt;,</p><p>line one<br>line two</p></div>");
    }
}
