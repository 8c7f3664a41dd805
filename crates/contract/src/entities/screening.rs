//! Where a withdrawal goes: the screening of its address (the way the KYT services exchanges
//! use — Chainalysis, TRM, Elliptic — rate an address, normalised to one scale) and the Travel
//! Rule status of the transfer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

/// One scale for every provider's rating, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScreeningRating {
    Low,
    Medium,
    High,
    Severe,
}

/// What kind of entity an address's funds come from or go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExposureCategory {
    Sanctions,
    Mixer,
    DarknetMarket,
    Scam,
    StolenFunds,
    Gambling,
    Exchange,
}

/// How much of the address's flow touches a category, and whether directly (the address
/// belongs to such an entity or dealt with it) or through intermediaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Exposure {
    pub category: ExposureCategory,
    pub direct: bool,
    /// Share of the address's received value, 0–100.
    pub share_percent: u8,
}

/// A screening's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Screening {
    pub rating: ScreeningRating,
    /// Largest share first.
    pub exposures: Vec<Exposure>,
    /// The entity the address belongs to when the provider knows it ("Kraken", "a sanctioned
    /// mixer").
    pub entity: Option<String>,
    /// Who rated it, and their own rating before it was normalised ("Chainalysis: Severe").
    pub source: String,
    pub screened_at: DateTime<Utc>,
}

/// `GET /v1/address-screenings`: the screening of one address on one network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddressScreening {
    pub address: String,
    pub network: String,
    pub screening: Screening,
}

/// Where a transfer goes, for the Travel Rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Beneficiary {
    /// Another exchange or custodian (a VASP).
    Vasp { name: String },
    /// A wallet the customer (or someone) holds themselves.
    SelfHosted,
}

/// The Travel Rule's state of one withdrawal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TravelRuleStatus {
    /// The beneficiary data went to the receiving VASP and was accepted.
    Sent,
    /// The beneficiary data is not complete yet: the transfer waits.
    Missing,
    /// The receiving VASP refused the data (name mismatch, unknown customer).
    Rejected,
    /// A self-hosted wallet above the threshold whose ownership the customer proved.
    OwnershipProven,
    /// A self-hosted wallet above the threshold without ownership proof: the transfer waits.
    OwnershipMissing,
    /// Below the threshold to a self-hosted wallet.
    NotRequired,
}

impl TravelRuleStatus {
    /// The transfer may not leave in this state.
    pub fn blocks(self) -> bool {
        matches!(self, Self::Missing | Self::Rejected | Self::OwnershipMissing)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TravelRule {
    pub beneficiary: Beneficiary,
    pub status: TravelRuleStatus,
}

/// A withdrawal to a self-hosted wallet from this amount on needs the customer's proof that
/// the wallet is theirs (the EU Transfer of Funds Regulation's 1,000 EUR, in US cents).
pub const OWNERSHIP_PROOF_FROM_USD_CENTS: i64 = 100_000;

/// The reference KYT's name, as the screening's `source` says it.
pub const REFERENCE_KYT: &str = "Arbiter reference KYT";

/// `GET /v1/address-screenings` query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ScreeningQuery {
    /// As withdrawals name it: `Bitcoin`, `ERC20`, `TRC20` …
    pub network: String,
    pub address: String,
}
