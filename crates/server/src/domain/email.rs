//! The HTML part of the emails the desk sends.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_html_escapes_and_splits_paragraphs() {
        let html = text_to_email_html("Hi <b>Ana</b>,\n\nline one\nline two");
        assert_eq!(html, "<div><p>Hi &lt;b&gt;Ana&lt;/b&gt;,</p><p>line one<br>line two</p></div>");
    }
}
