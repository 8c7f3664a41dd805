use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::CustomerId;

/// How far the customer's identity has been verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum KycLevel {
    /// Email and phone only.
    None,
    /// Identity document checked.
    Basic,
    /// Document, selfie and address verified.
    Verified,
    /// Source of funds reviewed (high limits).
    Enhanced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VipTier {
    None,
    Silver,
    Gold,
    Platinum,
}

impl VipTier {
    pub fn is_vip(self) -> bool {
        self != VipTier::None
    }
}

/// A customer of the exchange.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Customer {
    pub id: CustomerId,
    /// The exchange's account number, the one customers quote (e.g. `UID 48213391`).
    pub account_id: String,
    /// The name the customer uses with us.
    pub name: String,
    /// The name on the verified identity document; absent below KYC basic.
    pub legal_name: Option<String>,
    pub email: String,
    pub kyc_level: KycLevel,
    pub vip_tier: VipTier,
    /// Preferred language, BCP 47.
    pub language: String,
    /// ISO 3166-1 alpha-2 country of residence.
    pub country: String,
    /// When the account was opened (its age is `now - created_at`).
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
