//! Writes a sample report to the path given (for looking at the layout).
use arbiter_report::{to_pdf, Block, Document};

fn main() {
    let path = std::env::args().nth(1).expect("a path");
    let doc = Document {
        title: "Investigation report — Case 5099".into(),
        footer: "Case 5099 · Investigation report · 2026-11-27 09:30 UTC".into(),
        created: "20261127093000Z".into(),
        blocks: vec![
            Block::Heading("Case facts".into()),
            Block::Facts(vec![
                ("Case".into(), "5099 (chargeback)".into()),
                ("Customer".into(), "Lucía Fernández-Núñez (UID 48213391)".into()),
                ("Tickets".into(), "#100248 Why is my account frozen??\n#100249 Unknown charge".into()),
                ("Amount in dispute".into(), "1250.00 EUR (1358.70 USD)".into()),
            ]),
            Block::Heading("Timeline".into()),
            Block::List(vec!["2026-11-24 09:12 UTC · Priya Raman · created".into(), "2026-11-24 09:30 UTC · Priya Raman · evidence added: evidence “BTC credited”".into()]),
            Block::Heading("Evidence".into()),
            Block::List(vec!["#1 BTC credited to the account (activity event), added 2026-11-24 09:30 UTC. Answers: Proof the crypto bought was credited to the account".into()]),
            Block::Quote("WHY IS MY ACCOUNT FROZEN?! I can't withdraw or trade anything.\nLerato Santos · 李雷".into()),
            Block::List(vec!["✓ Proof the crypto bought was credited — #1".into(), "✗ Proof the crypto was used — missing".into()]),
            Block::Heading("Analysis".into()),
            Block::Paragraph("The BTC was credited two minutes after the card payment and withdrawn to an address the customer used before. ".repeat(4)),
        ],
    };
    std::fs::write(path, to_pdf(&doc).unwrap()).unwrap();
}
