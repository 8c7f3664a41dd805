//! Answering a chargeback with the response a processor expects: a cover sheet, a rebuttal
//! letter written from the company's template for the reason code's family, and numbered
//! exhibits each cited in the letter — the payment, 3-D Secure, the logins around it, the
//! card's earlier undisputed payments (CE 3.0), the verified identity, the trades, the
//! withdrawals to the customer's own address, the customer's own words, the ticket's files.
//!
//! Pure: `assemble` makes the packet from what the desk holds, `letter` drafts the text the
//! agent then edits, `review` says what the checklist still lacks and what weakens the case,
//! `render` lays it out as one PDF (through arbiter_report, exhibits bookmarked) and `stripe`
//! writes it as Stripe's dispute-evidence JSON, checked against Stripe's limits.

mod assemble;
pub mod letter;
pub mod render;
pub mod review;
pub mod stripe;

pub use assemble::{assemble, Inputs};

use arbiter_contract::{BillingAddress, CardNetwork, ExhibitKind, ReasonCategory, ThreeDsOutcome};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

/// A message the customer wrote in one of the case's tickets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CustomerWords {
    pub message_id: i64,
    pub ticket_id: i64,
    pub at: DateTime<Utc>,
    pub text: String,
}

/// A file from one of the case's tickets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FileRef {
    pub ticket_id: i64,
    pub name: String,
    pub content_type: String,
    pub size_bytes: u64,
    pub sha256: String,
    pub received_at: DateTime<Utc>,
}

/// The disputed payment, as the packet cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct DisputedPayment {
    pub event_id: i64,
    pub arn: String,
    pub authorization_code: String,
    pub processed_on: NaiveDate,
    pub at: DateTime<Utc>,
    pub amount: String,
    pub usd_cents: i64,
    pub three_ds: ThreeDsOutcome,
    pub device_id: Option<String>,
    pub ip: Option<String>,
    pub billing_address: Option<BillingAddress>,
}

/// One numbered exhibit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Exhibit {
    /// From 1, in the order the letter cites them.
    pub number: u32,
    pub kind: ExhibitKind,
    pub title: String,
    /// What it shows, in one sentence.
    pub summary: String,
    pub facts: Vec<(String, String)>,
    /// Lines of a record (logins, trades, withdrawals), oldest first.
    pub rows: Vec<String>,
    /// Words quoted as written.
    pub quotes: Vec<String>,
    /// The reason code's checklist items it answers.
    pub answers: Vec<String>,
    /// The file it is (attachments).
    pub file: Option<FileRef>,
}

/// A chargeback's answer before the letter: cover facts and exhibits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Packet {
    pub case_id: i64,
    pub network: CardNetwork,
    pub reason_code: String,
    pub reason_title: String,
    /// None for a code outside the catalog.
    pub family: Option<ReasonCategory>,
    pub arn: Option<String>,
    pub card_last4: String,
    pub transaction_date: NaiveDate,
    pub amount: String,
    pub amount_usd_cents: i64,
    pub customer_name: String,
    pub customer_email: String,
    pub account_id: String,
    pub merchant: String,
    /// When our response is due (the network's deadline less the margin).
    pub respond_by: Option<DateTime<Utc>>,
    pub network_deadline: Option<DateTime<Utc>>,
    pub cover: Vec<(String, String)>,
    pub disputed: Option<DisputedPayment>,
    pub exhibits: Vec<Exhibit>,
    /// The compelling-evidence check the packet cites.
    pub compelling: Option<arbiter_policy::compelling_evidence::Check>,
    /// The qualifying earlier payments, strongest first.
    pub prior_payments: Vec<DisputedPayment>,
    /// The logins the access log lists (for Stripe's `access_activity_log`).
    pub access_log: Vec<String>,
}

impl Packet {
    pub fn exhibit(&self, kind: ExhibitKind) -> Option<&Exhibit> {
        self.exhibits.iter().find(|e| e.kind == kind)
    }
}

/// Money in its currency's minor units, as a letter writes it: `1,250.00 EUR`.
pub fn money(minor: i64, currency: &str) -> String {
    let digits: u32 = match currency {
        "JPY" | "KRW" | "VND" | "CLP" | "XOF" => 0,
        _ => 2,
    };
    let scale = 10i64.pow(digits);
    let whole = (minor / scale).abs();
    let grouped = whole
        .to_string()
        .as_bytes()
        .rchunks(3)
        .rev()
        .map(|c| std::str::from_utf8(c).expect("digits"))
        .collect::<Vec<_>>()
        .join(",");
    let sign = if minor < 0 { "-" } else { "" };
    if digits == 0 {
        format!("{sign}{grouped} {currency}")
    } else {
        format!("{sign}{grouped}.{:0width$} {currency}", (minor % scale).abs(), width = digits as usize)
    }
}

/// The programme's name as letters and exhibits say it.
pub fn programme_name(programme: Option<arbiter_policy::compelling_evidence::Programme>) -> &'static str {
    use arbiter_policy::compelling_evidence::Programme;
    match programme {
        Some(Programme::VisaCe3) => "Visa Compelling Evidence 3.0",
        Some(Programme::MastercardFirstPartyTrust) => "Mastercard First-Party Trust",
        None => "the networks' compelling-evidence rules",
    }
}

/// US cents as `1,358.70 USD`.
pub fn usd(cents: i64) -> String {
    money(cents, "USD")
}
