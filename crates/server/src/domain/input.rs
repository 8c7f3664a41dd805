//! Rules for what people type into requests.

use crate::error::ApiFailure;

/// A text field of a request: trimmed, non-empty, at most `max` characters.
pub fn text_field(value: &str, what: &str, max: usize) -> Result<String, ApiFailure> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(ApiFailure::bad_request(format!("{what} is empty")));
    }
    if trimmed.chars().count() > max {
        return Err(ApiFailure::too_large(format!("{what} may hold at most {max} characters")));
    }
    Ok(trimmed.to_owned())
}

/// Tags are trimmed, lower-case, without spaces, unique, at most 32 of 40 characters each.
pub fn normalize_tags(tags: &[String]) -> Result<Vec<String>, ApiFailure> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().to_lowercase().replace(char::is_whitespace, "-");
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > 40 {
            return Err(ApiFailure::bad_request(format!("tag {tag:?} is longer than 40 characters")));
        }
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > 32 {
        return Err(ApiFailure::bad_request("a ticket may have at most 32 tags"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalized() {
        let tags = normalize_tags(&[" VIP ".into(), "card chargeback".into(), "vip".into(), "".into()]).unwrap();
        assert_eq!(tags, vec!["vip", "card-chargeback"]);
        assert!(normalize_tags(&["x".repeat(41)]).is_err());
    }

    #[test]
    fn text_fields_are_trimmed_and_bounded() {
        assert_eq!(text_field("  hi ", "the note", 5).unwrap(), "hi");
        assert_eq!(text_field("   ", "the note", 5).unwrap_err().body.message, "the note is empty");
        assert_eq!(text_field("abcdef", "the note", 5).unwrap_err().status, 413);
    }
}
