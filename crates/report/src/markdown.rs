//! The report as Markdown: readable as plain text, rendered anywhere.

use crate::{Block, Document};

/// Escapes what Markdown would read as markup, so a customer's words stay words.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn to_markdown(doc: &Document) -> String {
    let mut out = format!("# {}\n\n", escape(&doc.title));
    for block in &doc.blocks {
        match block {
            Block::Heading(text) => out.push_str(&format!("## {}\n\n", escape(text))),
            Block::Paragraph(text) => {
                for line in text.lines() {
                    out.push_str(&escape(line));
                    out.push_str("  \n");
                }
                out.push('\n');
            }
            Block::Facts(facts) => {
                for (label, value) in facts {
                    out.push_str(&format!("- **{}:** {}\n", escape(label), escape(value).replace('\n', " ")));
                }
                out.push('\n');
            }
            Block::List(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", escape(item).replace('\n', "\n  ")));
                }
                out.push('\n');
            }
            Block::Quote(text) => {
                for line in text.lines() {
                    out.push_str(&format!("> {}\n", escape(line)));
                }
                out.push('\n');
            }
            Block::PageBreak => out.push_str("---\n\n"),
            Block::Bookmark(_) => {}
        }
    }
    out.push_str(&format!("---\n{}\n", escape(&doc.footer)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_words_cannot_become_markup() {
        let doc = Document {
            title: "Case 1".into(),
            footer: "f".into(),
            created: "20261127000000Z".into(),
            blocks: vec![
                Block::Heading("Evidence".into()),
                Block::Quote("# not a heading\n<script>alert(1)</script> [link](javascript:x)".into()),
                Block::Facts(vec![("Customer".into(), "Ana *bold* 李".into())]),
            ],
        };
        let md = to_markdown(&doc);
        assert!(md.contains("## Evidence"));
        assert!(md.contains("> \\# not a heading"));
        assert!(md.contains("\\<script\\>"));
        assert!(md.contains("\\[link\\](javascript:x)"));
        assert!(md.contains("- **Customer:** Ana \\*bold\\* 李"));
    }
}
