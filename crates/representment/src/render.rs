//! The packet as one document: the cover sheet and the exhibit index, the letter, then each
//! exhibit on pages of its own, bookmarked under the label the letter cites it by.

use arbiter_report::{Block, Document};
use chrono::{DateTime, Utc};

use crate::Packet;

/// Lays the packet and the letter out; `label` names exhibit `n` as the letter does.
pub fn document(
    packet: &Packet,
    letter: &str,
    label: &dyn Fn(u32) -> String,
    prepared_by: &str,
    now: DateTime<Utc>,
) -> Document {
    let stamp = now.format("%Y-%m-%d %H:%M UTC").to_string();
    let mut blocks = vec![Block::Bookmark("Cover sheet".into()), Block::Heading("Cover sheet".into())];
    let mut cover = packet.cover.clone();
    cover.push(("Prepared by".into(), format!("{prepared_by}, {}", packet.merchant)));
    cover.push(("Prepared".into(), stamp.clone()));
    blocks.push(Block::Facts(cover));
    blocks.push(Block::Heading("Exhibits".into()));
    blocks.push(Block::List(packet.exhibits.iter().map(|e| format!("{} — {}", label(e.number), e.title)).collect()));

    blocks.push(Block::PageBreak);
    blocks.push(Block::Bookmark("Rebuttal letter".into()));
    blocks.push(Block::Heading("Rebuttal letter".into()));
    for paragraph in letter.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        blocks.push(Block::Paragraph(paragraph.to_owned()));
    }

    for exhibit in &packet.exhibits {
        let heading = format!("{} — {}", label(exhibit.number), exhibit.title);
        blocks.push(Block::PageBreak);
        blocks.push(Block::Bookmark(heading.clone()));
        blocks.push(Block::Heading(heading));
        blocks.push(Block::Paragraph(exhibit.summary.clone()));
        if !exhibit.facts.is_empty() {
            blocks.push(Block::Facts(exhibit.facts.clone()));
        }
        if !exhibit.rows.is_empty() {
            blocks.push(Block::List(exhibit.rows.clone()));
        }
        for quote in &exhibit.quotes {
            blocks.push(Block::Quote(quote.clone()));
        }
    }
    let arn = packet.arn.as_deref().unwrap_or("ARN not known");
    Document {
        title: format!("Chargeback response — Case {} — {}", packet.case_id, packet.merchant),
        footer: format!("Case {} · ARN {arn} · Representment", packet.case_id),
        created: now.format("%Y%m%d%H%M%SZ").to_string(),
        blocks,
    }
}
