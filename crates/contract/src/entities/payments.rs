//! Card payments as the acquirer processed them: what a chargeback is answered with (the
//! networks' compelling-evidence programmes match a disputed payment against the card's
//! earlier ones by these fields).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::CardNetwork;

/// How 3-D Secure went for a card payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ThreeDsOutcome {
    /// The cardholder passed the issuer's challenge.
    Authenticated,
    /// The issuer authenticated without a challenge.
    Frictionless,
    /// Attempted; the issuer did not take part (liability still shifts).
    Attempted,
    /// The cardholder failed or abandoned the challenge.
    Failed,
    /// Not asked for.
    NotRequested,
}

impl ThreeDsOutcome {
    /// The fraud liability moved to the issuer (a fraud chargeback can be answered with it).
    pub fn shifts_liability(self) -> bool {
        matches!(self, ThreeDsOutcome::Authenticated | ThreeDsOutcome::Frictionless | ThreeDsOutcome::Attempted)
    }
}

/// The billing address given at checkout (checked by the issuer's address verification).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BillingAddress {
    pub line1: String,
    pub city: String,
    pub postal_code: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

impl BillingAddress {
    /// The address compared as the networks compare it: case, spacing and punctuation aside.
    pub fn normalised(&self) -> String {
        [&self.line1, &self.city, &self.postal_code, &self.country]
            .iter()
            .map(|part| part.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>())
            .collect::<Vec<_>>()
            .join("|")
    }
}

/// A card deposit as the acquirer processed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardPayment {
    pub network: CardNetwork,
    /// Acquirer reference number: the 23 digits the networks trace the payment by.
    pub arn: String,
    /// The issuer's approval code.
    pub authorization_code: String,
    /// The day the acquirer processed it; the networks count their windows from here.
    pub processed_on: NaiveDate,
    pub three_ds: ThreeDsOutcome,
    /// The device fingerprint at checkout.
    pub device_id: Option<String>,
    /// The IP address at checkout.
    pub ip: Option<String>,
    pub billing_address: Option<BillingAddress>,
    /// The cardholder disputed it with their issuer.
    #[serde(default)]
    pub disputed: bool,
    /// The issuer reported it as fraud (Visa TC40, Mastercard SAFE).
    #[serde(default)]
    pub fraud_reported: bool,
}
