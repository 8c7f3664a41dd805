//! How the company answers card networks: the rebuttal letters' templates (policy data, in the
//! languages it answers networks in) and the exhibits a representment packet is made of.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::ReasonCategory;

/// A kind of exhibit in a representment packet, in the order packets number them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExhibitKind {
    /// The disputed payment as processed: ARN, authorization, amount.
    Payment,
    ThreeDSecure,
    /// Logins, devices and IP addresses around the purchase.
    LoginHistory,
    /// Earlier undisputed payments on the card (CE 3.0 / First-Party Trust).
    PriorPayments,
    /// The verified identity.
    Kyc,
    /// The crypto bought: the trades filled after the payment.
    TradeFills,
    /// Withdrawals to the customer's own address, with their on-chain hashes.
    Withdrawals,
    /// The customer's own messages.
    CustomerMessages,
    /// A file from the ticket.
    Attachment,
}

impl ExhibitKind {
    /// Every kind, in the order packets number them.
    pub const ALL: [ExhibitKind; 9] = [
        ExhibitKind::Payment,
        ExhibitKind::ThreeDSecure,
        ExhibitKind::LoginHistory,
        ExhibitKind::PriorPayments,
        ExhibitKind::Kyc,
        ExhibitKind::TradeFills,
        ExhibitKind::Withdrawals,
        ExhibitKind::CustomerMessages,
        ExhibitKind::Attachment,
    ];
}

/// What one kind of exhibit shows, as the letter says it; `{{exhibit}}` names the exhibit
/// ("Exhibit 3").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExhibitArgument {
    pub exhibit: ExhibitKind,
    pub text: String,
}

/// A rebuttal letter for one family of reason codes in one language. Placeholders:
/// `{{merchant}}`, `{{network}}`, `{{code}}`, `{{title}}`, `{{arn}}`, `{{amount}}`, `{{date}}`,
/// `{{case}}`, `{{customer}}`, `{{account}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RebuttalTemplate {
    pub family: ReasonCategory,
    /// BCP 47.
    pub language: String,
    /// What the cardholder claims and why we contest it.
    pub opening: String,
    pub closing: String,
}

/// The sentences a letter cites its exhibits with, in one language. `history` is said when
/// the card's history qualifies (`{{programme}}`, `{{exhibit}}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LetterPhrases {
    pub language: String,
    /// How the letter names an exhibit: `Exhibit {{n}}`, `Anlage {{n}}`.
    pub exhibit_label: String,
    pub history: String,
    pub arguments: Vec<ExhibitArgument>,
}

/// How the company answers card networks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DisputePolicy {
    /// The name letters are signed with.
    pub merchant_name: String,
    /// The languages the company answers networks in; the first is the default.
    pub letter_languages: Vec<String>,
    pub templates: Vec<RebuttalTemplate>,
    pub phrases: Vec<LetterPhrases>,
    /// What representing a chargeback costs in work and fees (US cents): the recommendation
    /// represents when the expected recovery beats it.
    #[serde(default = "default_representment_cost")]
    pub representment_cost_usd_cents: i64,
    /// Decided cases of a reason code before its win rate is trusted.
    #[serde(default = "default_advice_min_decided")]
    pub advice_min_decided: u32,
}

fn default_representment_cost() -> i64 {
    2_500
}

fn default_advice_min_decided() -> u32 {
    5
}

impl Default for DisputePolicy {
    fn default() -> Self {
        crate::letters::dispute_policy()
    }
}

impl DisputePolicy {
    /// The template for a family in a language (the first language's when it has none).
    pub fn template(&self, family: ReasonCategory, language: &str) -> Option<&RebuttalTemplate> {
        let of = |lang: &str| self.templates.iter().find(|t| t.family == family && t.language == lang);
        of(language).or_else(|| self.letter_languages.first().and_then(|l| of(l)))
    }

    /// The phrases in a language (the first language's when it has none).
    pub fn phrases(&self, language: &str) -> Option<&LetterPhrases> {
        let of = |lang: &str| self.phrases.iter().find(|p| p.language == lang);
        of(language).or_else(|| self.letter_languages.first().and_then(|l| of(l)))
    }
}
