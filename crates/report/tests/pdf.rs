//! The PDF read back by a real PDF reader (poppler's pdftotext and pdfinfo): every block and
//! every character comes back, long texts flow over pages with numbered footers, and the
//! same document gives the same bytes.

use std::process::Command;

use arbiter_report::{to_markdown, to_pdf, Block, Document};

fn sample(paragraphs: usize) -> Document {
    let mut blocks = vec![
        Block::Heading("Case facts".into()),
        Block::Facts(vec![
            ("Customer".into(), "Lucía Fernández-Núñez (UID 48213391)".into()),
            ("Also known as".into(), "Дмитрий Петров · Ελένη · 李雷".into()),
            ("Amount".into(), "€1,250.00 (USD 1,358.70)".into()),
        ]),
        Block::Heading("Timeline".into()),
        Block::List(vec![
            "2026-11-24 09:12 UTC · Priya Raman opened the case".into(),
            "2026-11-24 09:30 UTC · Evidence added: BTC credited to the account".into(),
        ]),
        Block::Heading("Evidence".into()),
        Block::Quote("WHY IS MY ACCOUNT FROZEN?! I can't withdraw.\nLerato Santos".into()),
        Block::Heading("Analysis".into()),
        Block::Paragraph(format!("A withdrawal address {} was used.", "bc1q".repeat(40))),
    ];
    for i in 0..paragraphs {
        blocks.push(Block::Paragraph(
            format!("Paragraph {i}: the cardholder's account of events, word for word. ").repeat(6),
        ));
    }
    blocks.push(Block::Heading("Investigator".into()));
    blocks.push(Block::Paragraph("Priya Raman, payments".into()));
    Document {
        title: "Investigation report — Case 5099".into(),
        footer: "Case 5099 · Investigation report".into(),
        created: "20261127093000Z".into(),
        blocks,
    }
}

fn poppler(tool: &str, pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    let args: Vec<&str> =
        if tool == "pdftotext" { vec![path.to_str().unwrap(), "-"] } else { vec![path.to_str().unwrap()] };
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (Debian: poppler-utils): {e}"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_block_and_character_reads_back() {
    let pdf = to_pdf(&sample(0)).unwrap();
    assert!(pdf.starts_with(b"%PDF-1.7"));
    let text = poppler("pdftotext", &pdf);
    for expected in [
        "Investigation report — Case 5099",
        "Case facts",
        "Lucía Fernández-Núñez (UID 48213391)",
        "Дмитрий Петров",
        "Ελένη",
        "李雷", // no glyph in the font, yet it extracts as itself
        "€1,250.00",
        "Timeline",
        "Priya Raman opened the case",
        "Evidence",
        "WHY IS MY ACCOUNT FROZEN?!",
        "Analysis",
        "Investigator",
        "Page 1 of 1",
    ] {
        assert!(text.contains(expected), "{expected:?} is missing from:\n{text}");
    }
    // The long address was cut across lines, not lost.
    assert_eq!(text.replace(['\n', ' '], "").matches("bc1q").count(), 40);
    let info = poppler("pdfinfo", &pdf);
    let pages = info.lines().find(|l| l.starts_with("Pages:")).map(|l| l[6..].trim().to_owned());
    assert_eq!(pages.as_deref(), Some("1"), "{info}");
    assert!(info.contains("Investigation report — Case 5099"), "{info}");
    // Subset fonts keep it small.
    assert!(pdf.len() < 120_000, "{} bytes", pdf.len());
}

#[test]
fn long_reports_flow_over_numbered_pages_and_render_the_same_every_time() {
    let doc = sample(60);
    let pdf = to_pdf(&doc).unwrap();
    let info = poppler("pdfinfo", &pdf);
    let pages: usize = info.lines().find(|l| l.starts_with("Pages:")).unwrap()[6..].trim().parse().unwrap();
    assert!(pages >= 3, "{info}");
    let text = poppler("pdftotext", &pdf);
    assert!(text.contains(&format!("Page {pages} of {pages}")), "{text}");
    assert!(text.contains("Paragraph 59:"));
    assert_eq!(to_pdf(&doc).unwrap(), pdf, "deterministic");
    let md = to_markdown(&doc);
    assert!(md.starts_with("# Investigation report — Case 5099\n"));
    assert!(md.contains("李雷"));
}

/// The outline as qpdf (a real PDF library) reads it: each bookmark's title and 0-based page.
pub fn outline(pdf: &[u8]) -> Vec<(String, usize)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("qpdf")
        .args(["--json", "--json-key=outlines", "--json-key=pages", path.to_str().unwrap()])
        .output()
        .unwrap_or_else(|e| panic!("qpdf is needed (Debian: qpdf): {e}"));
    assert!(out.status.success(), "qpdf: {}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["title"].as_str().unwrap().to_owned(), o["destpageposfrom1"].as_u64().unwrap() as usize - 1))
        .collect()
}

#[test]
fn page_breaks_start_pages_and_bookmarks_point_at_them() {
    let mut doc = sample(0);
    for i in 1..=3 {
        doc.blocks.push(Block::PageBreak);
        doc.blocks.push(Block::Bookmark(format!("Exhibit {i} — Лог входов")));
        doc.blocks.push(Block::Heading(format!("Exhibit {i}")));
        doc.blocks.push(Block::Paragraph("What it shows.".into()));
    }
    // A break on an empty page adds none.
    doc.blocks.push(Block::PageBreak);
    doc.blocks.push(Block::PageBreak);
    doc.blocks.push(Block::Bookmark("End".into()));
    doc.blocks.push(Block::Paragraph("The end.".into()));
    let pdf = to_pdf(&doc).unwrap();
    let info = poppler("pdfinfo", &pdf);
    assert!(info.lines().any(|l| l.starts_with("Pages:") && l.ends_with(" 5")), "{info}");
    assert_eq!(
        outline(&pdf),
        vec![
            ("Exhibit 1 — Лог входов".to_owned(), 1),
            ("Exhibit 2 — Лог входов".to_owned(), 2),
            ("Exhibit 3 — Лог входов".to_owned(), 3),
            ("End".to_owned(), 4),
        ]
    );
    let text = poppler("pdftotext", &pdf);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages[2].contains("Exhibit 2") && !pages[2].contains("Exhibit 3"));
    assert!(!to_markdown(&doc).contains("Лог входов"), "bookmarks print nothing");
}
