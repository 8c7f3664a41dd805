//! Quoted history: the earlier messages a customer's mail client copies under their reply.
//! In a thread of hundreds of emails it is most of the text, so the desk folds it away (shown
//! on request). Only history at the end of a message is folded: an inline answer between
//! quoted lines stays as written, and a forwarded message (evidence from a bank, say) is
//! never folded.

/// Where the quoted history at the end of `text` begins (a byte offset at a line start), or
/// `None` when there is none or the whole message is quoted (nothing would be left to show).
pub fn text_quote_start(text: &str) -> Option<usize> {
    let lines: Vec<(usize, &str)> = line_starts(text).collect();
    // An Outlook-style header block or separator: everything after it is the older message.
    let by_header = lines.iter().position(|(_, line)| is_original_message_separator(line));
    // Otherwise the last run of `>` lines that only blank lines follow.
    let by_marks = {
        let mut start = None;
        for (i, (_, line)) in lines.iter().enumerate().rev() {
            let trimmed = line.trim();
            if trimmed.starts_with('>') {
                start = Some(i);
            } else if !trimmed.is_empty() {
                break;
            }
        }
        start
    };
    let mut first = match (by_header, by_marks) {
        (Some(h), Some(m)) => h.min(m),
        (h, m) => h.or(m)?,
    };
    // The attribution line ("On Monday, Ava wrote:") belongs with the quote, across blank lines
    // and a line it wrapped onto.
    let mut i = first;
    while i > 0 && lines[i - 1].1.trim().is_empty() {
        i -= 1;
    }
    if i > 0 && is_attribution(lines[i - 1].1) {
        first = i - 1;
    } else if i > 1 && is_attribution(&format!("{} {}", lines[i - 2].1.trim(), lines[i - 1].1.trim())) {
        first = i - 2;
    }
    let start = lines[first].0;
    (!text[..start].trim().is_empty()).then_some(start)
}

/// The same offset counted in UTF-16 code units, as the UI's strings count.
pub fn utf16_offset(text: &str, byte: usize) -> u32 {
    text[..byte].encode_utf16().count() as u32
}

fn line_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = at;
        at += line.len();
        (start, line.trim_end_matches(['\n', '\r']))
    })
}

fn is_original_message_separator(line: &str) -> bool {
    let t = line.trim().to_lowercase();
    let dashed = t.trim_matches(|c| c == '-' || c == ' ');
    const SEPARATORS: [&str; 4] =
        ["original message", "mensaje original", "message d'origine", "ursprüngliche nachricht"];
    (t.starts_with("---") && SEPARATORS.contains(&dashed)) || t == "________________________________"
}

/// "On … wrote:" and its counterparts in the desk's languages.
fn is_attribution(line: &str) -> bool {
    let t = line.trim();
    let lower = t.to_lowercase();
    let ends = |suffixes: &[&str]| suffixes.iter().any(|s| lower.ends_with(s));
    (lower.starts_with("on ") && ends(&["wrote:"]))
        || (lower.starts_with("le ") && ends(&["a écrit :", "a écrit:"]))
        || (lower.starts_with("am ") && (ends(&["geschrieben:"]) || lower.contains(" schrieb ")))
        || (lower.starts_with("el ") && ends(&["escribió:"]))
        || (lower.starts_with("em ") && ends(&["escreveu:"]))
        || (lower.starts_with("il ") && ends(&["ha scritto:"]))
        || (lower.starts_with("op ") && ends(&["geschreven:"]))
        || ends(&["написал(а):", "написал:", "написала:"])
        || t.ends_with("写道：")
        || t.ends_with("寫道：")
        || t.ends_with("のメッセージ:")
        || (lower.contains(" tarihinde ") && ends(&["yazdı:"]))
        || ends(&["님이 작성:"])
        || (lower.starts_with("vào ") && ends(&["đã viết:"]))
}

/// Markers mail clients put on the quoted part of an HTML email, as the cleaned HTML spells
/// them (attribute values quoted; `sanitize` keeps exactly these classes and ids).
const HTML_QUOTE_MARKERS: &[&str] = &[
    "type=\"cite\"",                                  // Apple Mail, Thunderbird
    "class=\"gmail_quote",                            // Gmail
    "class=\"gmail_quote_container",                  // Gmail (newer)
    "class=\"moz-cite-prefix\"",                      // Thunderbird's attribution line
    "class=\"yahoo_quoted\"",                         // Yahoo
    "id=\"appendonsend\"",                            // Outlook
    "id=\"divRplyFwdMsg\"",                           // Outlook
    "id=\"mail-editor-reference-message-container\"", // new Outlook
];

/// Classes and ids of [`HTML_QUOTE_MARKERS`], for the cleaner's allow-list.
pub const QUOTE_CLASSES: &[&str] = &["gmail_quote", "gmail_quote_container", "moz-cite-prefix", "yahoo_quoted"];
pub const QUOTE_IDS: &[&str] = &["appendonsend", "divRplyFwdMsg", "mail-editor-reference-message-container"];

/// Folds cleaned HTML's quoted history into a `<details>` whose summary says `label`: from the
/// first marked element to the end of the element holding it (the browser closes the
/// `<details>` there). Works without scripts, so the frame stays as locked as it is. Nothing
/// is folded when the marker opens the message.
pub fn fold_html(clean: &str, label: &str) -> String {
    let Some(at) = first_marker(clean) else { return clean.to_owned() };
    if visible_text_before(&clean[..at]).is_empty() {
        return clean.to_owned();
    }
    let mut out = String::with_capacity(clean.len() + 128);
    out.push_str(&clean[..at]);
    out.push_str("<details class=\"arbiter-quoted\"><summary>");
    push_escaped(&mut out, label);
    out.push_str("</summary>");
    out.push_str(&clean[at..]);
    out.push_str("</details>");
    out
}

/// The offset of the first start tag carrying a quote marker. The cleaner escapes `<` in text
/// and `"` in attribute values, so a match is always a real tag.
fn first_marker(html: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = html[from..].find('<') {
        let at = from + rel;
        let rest = &html[at + 1..];
        let tag_end = rest.find('>').map(|e| at + 1 + e).unwrap_or(html.len());
        let tag = &html[at..tag_end];
        if (rest.starts_with("div ") || rest.starts_with("blockquote "))
            && HTML_QUOTE_MARKERS.iter().any(|m| tag.contains(m))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The text of cleaned HTML with its tags dropped (enough to tell whether anything shows).
fn visible_text_before(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => text.push(c),
            _ => {}
        }
    }
    text.replace("&nbsp;", "")
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Option<&str> {
        text_quote_start(text).map(|at| &text[at..])
    }

    #[test]
    fn trailing_quotes_fold_with_their_attribution() {
        let gmail = "Thanks, that helps.\n\nOn Mon, 1 Dec 2026 at 10:02, Ava Chen <support@x.example> wrote:\n> Could you send the receipt?\n>\n> Ava\n";
        assert_eq!(folded(gmail), Some("On Mon, 1 Dec 2026 at 10:02, Ava Chen <support@x.example> wrote:\n> Could you send the receipt?\n>\n> Ava\n"));
        let wrapped =
            "Here it is.\n\nOn Mon, 1 Dec 2026 at 10:02, Ava Chen <support@x.example>\nwrote:\n\n> Could you send it?";
        assert!(folded(wrapped).unwrap().starts_with("On Mon"), "{:?}", folded(wrapped));
        let french = "Merci.\n\nLe lun. 1 déc. 2026 à 10:02, Ava a écrit :\n> Bonjour";
        assert!(folded(french).unwrap().starts_with("Le lun."));
        let chinese = "谢谢。\n\n2026年12月1日 10:02，Ava 写道：\n> 您好";
        assert!(folded(chinese).unwrap().starts_with("2026年"));
    }

    #[test]
    fn outlook_headers_fold_everything_after() {
        let outlook = "Please see attached.\r\n\r\n-----Original Message-----\r\nFrom: Support\r\nSent: Monday\r\n\r\nDear customer";
        assert!(folded(outlook).unwrap().starts_with("-----Original Message-----"));
        let line = "Done.\n\n________________________________\nFrom: Support <s@x>\nSent: Monday\nOld text";
        assert!(folded(line).unwrap().starts_with("____"));
    }

    #[test]
    fn inline_answers_forwards_and_whole_quotes_stay() {
        let inline = "> Did you make this payment?\nNo, I did not.\n> And the second one?\nNeither.";
        assert_eq!(text_quote_start(inline), None, "an answer after the quotes keeps them in view");
        let forward = "See below.\n\n---------- Forwarded message ---------\nFrom: Bank\nYour card was charged.";
        assert_eq!(text_quote_start(forward), None, "forwarded evidence is never folded");
        assert_eq!(text_quote_start("> only a quote\n> nothing else"), None);
        assert_eq!(text_quote_start("no quote at all"), None);
    }

    #[test]
    fn offsets_count_what_the_ui_counts() {
        let text = "日本 ok\n> quoted";
        let at = text_quote_start(text).unwrap();
        assert_eq!(utf16_offset(text, at), 6);
    }

    #[test]
    fn html_quotes_fold_into_details_and_nothing_else_changes() {
        let gmail = r#"<div>Thanks!</div><div class="gmail_quote"><div class="gmail_attr">On Mon, Ava wrote:</div><blockquote class="gmail_quote">Old</blockquote></div>"#;
        let out = fold_html(gmail, "Show quoted text");
        assert!(out.starts_with("<div>Thanks!</div><details class=\"arbiter-quoted\"><summary>Show quoted text</summary><div class=\"gmail_quote\">"));
        assert!(out.ends_with("</details>"));
        let apple = r#"<p>Yes.</p><blockquote type="cite">Old</blockquote>"#;
        assert!(fold_html(apple, "<Show>").contains("<summary>&lt;Show&gt;</summary><blockquote type=\"cite\">"));
        let only_quote = r#"<blockquote type="cite">Old</blockquote>"#;
        assert_eq!(fold_html(only_quote, "x"), only_quote, "nothing to show otherwise");
        let fake = r#"<p title="&quot;type=&quot;cite">Hi</p><p>&lt;div class="gmail_quote"&gt;</p>"#;
        assert_eq!(fold_html(fake, "x"), fake, "text and attribute values are not markers");
    }
}
