//! The rebuttal letter: drafted from the company's template for the reason code's family in the
//! chosen language, citing every exhibit in order; the agent edits it before it is sent.

use arbiter_contract::{DisputePolicy, ExhibitKind, LetterPhrases, ReasonCategory};

use crate::{programme_name, Packet};

/// How the letter names exhibit `n` in its language.
pub fn label(phrases: &LetterPhrases, n: u32) -> String {
    phrases.exhibit_label.replace("{{n}}", &n.to_string())
}

/// The exhibit numbers the letter cites, in the order it first cites them.
pub fn citations(letter: &str, exhibit_label: &str) -> Vec<u32> {
    let (prefix, _) = exhibit_label.split_once("{{n}}").unwrap_or((exhibit_label, ""));
    let prefix = prefix.to_lowercase();
    if prefix.trim().is_empty() {
        return Vec::new();
    }
    let lower = letter.to_lowercase();
    let mut cited = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find(&prefix) {
        let start = from + at + prefix.len();
        let digits: String = lower[start..].chars().take_while(|c| c.is_ascii_digit()).collect();
        if let Ok(n) = digits.parse::<u32>() {
            if !cited.contains(&n) {
                cited.push(n);
            }
        }
        from = start;
    }
    cited
}

fn fill(text: &str, packet: &Packet) -> String {
    let network = match packet.network {
        arbiter_contract::CardNetwork::Visa => "Visa",
        arbiter_contract::CardNetwork::Mastercard => "Mastercard",
    };
    [
        ("{{merchant}}", packet.merchant.as_str()),
        ("{{network}}", network),
        ("{{code}}", packet.reason_code.as_str()),
        ("{{title}}", packet.reason_title.as_str()),
        ("{{arn}}", packet.arn.as_deref().unwrap_or("—")),
        ("{{amount}}", packet.amount.as_str()),
        ("{{customer}}", packet.customer_name.as_str()),
        ("{{account}}", packet.account_id.as_str()),
    ]
    .iter()
    .fold(text.to_owned(), |t, (k, v)| t.replace(k, v))
    .replace("{{date}}", &packet.transaction_date.to_string())
    .replace("{{case}}", &packet.case_id.to_string())
}

/// The letter in `language` (the policy's first language when it has none); none when the
/// policy holds no template at all.
pub fn draft(packet: &Packet, policy: &DisputePolicy, language: &str) -> Option<String> {
    let family = packet.family.unwrap_or(ReasonCategory::ConsumerDispute);
    let template = policy.template(family, language)?;
    let phrases = policy.phrases(&template.language)?;
    let mut paragraphs = vec![fill(&template.opening, packet)];
    // Cited in exhibit order; the earlier payments, when they qualify the case, are cited with
    // the programme's name.
    let qualifying = packet.compelling.as_ref().filter(|c| c.history_matches);
    let mut arguments = Vec::new();
    for exhibit in &packet.exhibits {
        let text = match (exhibit.kind, qualifying) {
            (ExhibitKind::PriorPayments, Some(check)) => {
                phrases.history.replace("{{programme}}", programme_name(check.programme))
            }
            _ => match phrases.arguments.iter().find(|a| a.exhibit == exhibit.kind) {
                Some(argument) => argument.text.clone(),
                None => continue,
            },
        };
        let mut sentence = fill(&text, packet).replace("{{exhibit}}", &label(phrases, exhibit.number));
        if let Some(file) = &exhibit.file {
            // "… a document from the customer's file." → "… (receipt.pdf)."
            let name = format!(" ({})", file.name);
            match sentence.strip_suffix('.') {
                Some(body) => sentence = format!("{body}{name}."),
                None => sentence.push_str(&name),
            }
        }
        arguments.push(sentence);
    }
    if !arguments.is_empty() {
        paragraphs.push(arguments.join(" "));
    }
    paragraphs.push(fill(&template.closing, packet));
    Some(paragraphs.join("\n\n"))
}
