//! Text as the search index sees it, and the agent's query turned into a safe FTS5 query.
//!
//! The index uses FTS5's `unicode61` tokenizer: letters and digits make tokens, everything
//! else separates them. Chinese, Japanese and Korean-Hanja text has no spaces between words,
//! so each ideograph or kana is indexed as a token of its own and a query's run of them
//! becomes a phrase: "提币" finds "我的提币还没到" without a dictionary.

/// Characters indexed one per token.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F) // Extensions B–F, compatibility supplement
}

/// Compatibility forms folded to their plain letters (full-width "ｖｉｓａ" → "visa", "①" → "1"),
/// as CJK input methods often type them.
fn folded(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};
    if text.is_ascii() || is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfkc().collect())
    }
}

/// The text to index: compatibility forms folded, CJK characters spaced apart.
pub fn index_text(text: &str) -> String {
    let text = folded(text);
    if !text.chars().any(is_cjk) {
        return text.into_owned();
    }
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if is_cjk(c) {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// A stable hash of indexed text, to skip re-indexing unchanged text.
pub fn text_hash(text: &str) -> i64 {
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash as i64
}

/// The tokens the index would make of `text`, lower-cased (so a snippet can find them).
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in folded(text).chars() {
        if is_cjk(c) {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The agent's search box text as an FTS5 query: every word must appear; words in double
/// quotes must appear together; the last word also matches as a prefix while typing.
/// Nothing the agent types is FTS syntax: `NEAR(`, `*`, `OR`, `-`, `^`, `:` and stray quotes
/// are just text. `None` when there is nothing to search for (only punctuation, say).
pub fn fts_query(input: &str) -> Option<String> {
    let mut phrases: Vec<Vec<String>> = Vec::new();
    let mut in_quotes = false;
    let mut quoted: Vec<String> = Vec::new();
    for (index, part) in input.split('"').enumerate() {
        if index > 0 {
            // Each quote toggles a phrase.
            if in_quotes && !quoted.is_empty() {
                phrases.push(std::mem::take(&mut quoted));
            }
            in_quotes = !in_quotes;
        }
        if in_quotes {
            quoted.extend(tokens(part));
        } else {
            for word in part.split_whitespace() {
                let word_tokens = tokens(word);
                if !word_tokens.is_empty() {
                    phrases.push(word_tokens);
                }
            }
        }
    }
    if !quoted.is_empty() {
        phrases.push(quoted); // an unclosed quote runs to the end
    }
    if phrases.is_empty() {
        return None;
    }
    // A "#123" is a ticket number, meant whole.
    let last_word = input.split_whitespace().last().unwrap_or("");
    let typing_last_word =
        !input.ends_with(char::is_whitespace) && !input.trim_end().ends_with('"') && !last_word.starts_with('#');
    let count = phrases.len();
    let parts: Vec<String> = phrases
        .into_iter()
        .enumerate()
        .map(|(index, tokens)| {
            // Tokens are letters and digits only, so quoting them is always valid FTS5.
            let phrase = format!("\"{}\"", tokens.join(" "));
            let last_token_is_cjk = tokens.last().is_some_and(|t| t.chars().all(is_cjk));
            if index + 1 == count && typing_last_word && !last_token_is_cjk {
                phrase + "*"
            } else {
                phrase
            }
        })
        .collect();
    Some(parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_spaced_for_the_index() {
        assert_eq!(index_text("plain text"), "plain text");
        assert_eq!(index_text("提币ok"), " 提  币 ok");
        assert_eq!(tokens("我的提币 Withdrawal-ID: 42"), ["我", "的", "提", "币", "withdrawal", "id", "42"]);
    }

    #[test]
    fn queries_are_phrases_with_a_prefix_on_the_word_being_typed() {
        assert_eq!(fts_query("chargeback vis").as_deref(), Some("\"chargeback\" \"vis\"*"));
        assert_eq!(fts_query("chargeback visa ").as_deref(), Some("\"chargeback\" \"visa\""));
        assert_eq!(fts_query("\"wire transfer\" late").as_deref(), Some("\"wire transfer\" \"late\"*"));
        assert_eq!(fts_query("提币").as_deref(), Some("\"提 币\""));
        assert_eq!(fts_query("john.doe@example.com").as_deref(), Some("\"john doe example com\"*"));
        assert_eq!(fts_query("#100234").as_deref(), Some("\"100234\""));
        assert_eq!(fts_query("ｖｉｓａ ").as_deref(), Some("\"visa\""));
    }

    #[test]
    fn fts_syntax_is_only_text() {
        assert_eq!(fts_query("NEAR(a b)").as_deref(), Some("\"near a\" \"b\"*"));
        assert_eq!(fts_query("a OR b").as_deref(), Some("\"a\" \"or\" \"b\"*"));
        assert_eq!(fts_query("* - ^ : ( )"), None);
        assert_eq!(fts_query("\""), None);
        assert_eq!(fts_query("\"unclosed phrase").as_deref(), Some("\"unclosed phrase\"*"));
        assert_eq!(fts_query(""), None);
        assert_eq!(fts_query("   "), None);
    }
}
