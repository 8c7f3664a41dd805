//! Rules for what people type into requests. The OpenAPI document states the same rules
//! (`http::openapi::rules`), built from these constants, so a request the document calls
//! valid passes them and one it calls invalid does not.

use crate::error::ApiFailure;

/// The characters `str::trim` removes (Unicode White_Space), as ranges.
const WHITE_SPACE: &[(char, char)] = &[
    ('\t', '\r'),
    (' ', ' '),
    ('\u{85}', '\u{85}'),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
];

/// A regular expression (ECMA-262, as JSON Schema has them) that text matches when it has
/// something besides white space: what the document says of a field [`text_field`] checks.
/// The class names the characters one by one, so every regex engine agrees with `trim`.
pub fn not_blank_pattern() -> String {
    let code = |c: char| format!("\\u{:04x}", c as u32);
    let class: String =
        WHITE_SPACE.iter().map(|&(a, b)| if a == b { code(a) } else { format!("{}-{}", code(a), code(b)) }).collect();
    format!("[^{class}]")
}

/// Fraud rules are numbered 1 to this (DOMAIN.md's patterns).
pub const RISK_RULES: i64 = 10;

/// Most tags on a ticket, and longest tag.
pub const TAGS_MAX: usize = 32;
pub const TAG_MAX_CHARS: usize = 40;

/// A text field of a request: at most `max` characters as sent, not blank; trimmed.
pub fn text_field(value: &str, what: &str, max: usize) -> Result<String, ApiFailure> {
    if value.chars().count() > max {
        return Err(ApiFailure::bad_request(format!("{what} may hold at most {max} characters")));
    }
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(ApiFailure::bad_request(format!("{what} is empty")));
    }
    Ok(trimmed.to_owned())
}

/// A page size: `default` when absent, else 1 to `max`.
pub fn page_size(limit: Option<u32>, default: u32, max: u32) -> Result<u32, ApiFailure> {
    match limit {
        None => Ok(default),
        Some(n) if (1..=max).contains(&n) => Ok(n),
        Some(_) => Err(ApiFailure::bad_request(format!("`limit` must be between 1 and {max}"))),
    }
}

/// Tags as sent: at most 32, each at most 40 characters. Then trimmed, lower-case, spaces
/// as dashes, blank ones dropped, each once.
pub fn normalize_tags(tags: &[String]) -> Result<Vec<String>, ApiFailure> {
    if tags.len() > TAGS_MAX {
        return Err(ApiFailure::bad_request(format!("give at most {TAGS_MAX} tags")));
    }
    if let Some(long) = tags.iter().find(|t| t.chars().count() > TAG_MAX_CHARS) {
        return Err(ApiFailure::bad_request(format!("tag {long:?} is longer than {TAG_MAX_CHARS} characters")));
    }
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().to_lowercase().replace(char::is_whitespace, "-");
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    Ok(out)
}

/// A ticket's tags with more added: a ticket holds at most 32 (a rule of the ticket, not
/// of the request: 422).
pub fn with_added_tags(current: &[String], added: &[String]) -> Result<Vec<String>, ApiFailure> {
    let mut tags = current.to_vec();
    for tag in normalize_tags(added)? {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > TAGS_MAX {
        return Err(ApiFailure::unprocessable(format!("a ticket may have at most {TAGS_MAX} tags")));
    }
    Ok(tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalized() {
        let tags = normalize_tags(&[" VIP ".into(), "card chargeback".into(), "vip".into(), "".into()]).unwrap();
        assert_eq!(tags, vec!["vip", "card-chargeback"]);
        assert!(normalize_tags(&["x".repeat(41)]).is_err());
        assert!(normalize_tags(&vec!["a".to_owned(); 33]).is_err(), "counted as sent");
        let full: Vec<String> = (0..32).map(|i| format!("t{i}")).collect();
        assert_eq!(with_added_tags(&full, &["t1".into()]).unwrap().len(), 32);
        assert_eq!(with_added_tags(&full, &["new".into()]).unwrap_err().status, 422);
    }

    #[test]
    fn text_fields_are_trimmed_and_bounded_as_sent() {
        assert_eq!(text_field("  hi ", "the note", 5).unwrap(), "hi");
        assert_eq!(text_field("   ", "the note", 5).unwrap_err().body.message, "the note is empty");
        assert_eq!(text_field("abcdef", "the note", 5).unwrap_err().status, 400);
        assert_eq!(text_field(" abcde", "the note", 5).unwrap_err().status, 400, "the limit counts what was sent");
    }

    #[test]
    fn page_sizes_are_bounded() {
        assert_eq!(page_size(None, 20, 100).unwrap(), 20);
        assert_eq!(page_size(Some(100), 20, 100).unwrap(), 100);
        assert!(page_size(Some(0), 20, 100).is_err());
        assert!(page_size(Some(101), 20, 100).is_err());
    }

    #[test]
    fn blank_means_what_trim_removes() {
        let listed: Vec<char> = WHITE_SPACE.iter().flat_map(|&(a, b)| a..=b).collect();
        let trimmed: Vec<char> = (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        assert_eq!(listed, trimmed);
        assert!(not_blank_pattern().starts_with("[^\\u0009-\\u000d\\u0020\\u0085"));
    }
}
