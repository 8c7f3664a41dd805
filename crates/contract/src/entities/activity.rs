use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{CustomerId, KycLevel};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DepositMethod {
    Card,
    BankTransfer,
    Crypto,
    P2p,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TradeSide {
    Buy,
    Sell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SecurityChangeKind {
    Password,
    TwoFactor,
    Email,
    Phone,
    ApiKey,
    /// A withdrawal address added to the address book.
    WithdrawalAddress,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TransferStatus {
    Pending,
    Completed,
    Failed,
    /// Held by a risk rule or compliance.
    Held,
}

/// The other side of a P2P order, as the marketplace knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct P2pCounterparty {
    /// Set when the counterparty is one of our customers (they always are on our marketplace).
    pub customer_id: Option<CustomerId>,
    pub nickname: String,
    /// The counterparty's verified (KYC) name.
    pub legal_name: String,
    pub account_age_days: i64,
    pub completed_trades: i64,
}

/// What happened, with the details that matter for support and risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ActivityDetail {
    Login {
        /// Stable fingerprint of the device.
        device_id: String,
        /// What the device looks like ("iPhone 15, iOS 18").
        device: String,
        ip: String,
        /// ISO 3166-1 alpha-2 country of the IP.
        ip_country: String,
        success: bool,
    },
    Deposit {
        method: DepositMethod,
        /// Fiat amount in minor units, or crypto quantity as a decimal string in `quantity`.
        amount_minor: Option<i64>,
        currency: Option<String>,
        asset: Option<String>,
        quantity: Option<String>,
        usd_cents: i64,
        /// Card deposits: the card's fingerprint and last digits.
        card_fingerprint: Option<String>,
        card_last4: Option<String>,
        /// Crypto deposits: the transaction.
        tx_hash: Option<String>,
        /// Crypto deposits: the address it came from.
        #[serde(default)]
        from_address: Option<String>,
        /// Card deposits: the payment as the acquirer processed it.
        #[serde(default)]
        card_payment: Option<super::CardPayment>,
        status: TransferStatus,
    },
    Withdrawal {
        asset: String,
        quantity: String,
        usd_cents: i64,
        address: String,
        network: String,
        /// The address was not used by this customer before.
        new_address: bool,
        tx_hash: Option<String>,
        status: TransferStatus,
        /// A withdrawal asked for in the lock after a security change waits until then.
        #[serde(default)]
        locked_until: Option<DateTime<Utc>>,
        /// The address's screening when the withdrawal was asked for.
        #[serde(default)]
        screening: Option<super::Screening>,
        /// The Travel Rule's state: the beneficiary data, or the self-hosted wallet's proof.
        #[serde(default)]
        travel_rule: Option<super::TravelRule>,
    },
    Trade {
        pair: String,
        side: TradeSide,
        quantity: String,
        price: String,
        usd_cents: i64,
        /// Set when the other side of the fill is known to be a customer (OTC, self-trade checks).
        counterparty_customer_id: Option<CustomerId>,
    },
    SecurityChange {
        change: SecurityChangeKind,
        device_id: String,
        ip: String,
        ip_country: String,
    },
    P2pOrder {
        order_id: String,
        side: TradeSide,
        asset: String,
        quantity: String,
        fiat_amount_minor: i64,
        fiat_currency: String,
        usd_cents: i64,
        counterparty: P2pCounterparty,
        /// The name on the fiat payment: when the customer sells, the counterparty pays and
        /// this should be the counterparty's legal name; when the customer buys, the customer's.
        payer_name: String,
        status: TransferStatus,
    },
}

impl ActivityDetail {
    /// The event type's wire name: `login`, `deposit`, …
    pub fn type_name(&self) -> &'static str {
        match self {
            ActivityDetail::Login { .. } => "login",
            ActivityDetail::Deposit { .. } => "deposit",
            ActivityDetail::Withdrawal { .. } => "withdrawal",
            ActivityDetail::Trade { .. } => "trade",
            ActivityDetail::SecurityChange { .. } => "security_change",
            ActivityDetail::P2pOrder { .. } => "p2p_order",
        }
    }
}

/// Something a customer did on the exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityEvent {
    pub id: i64,
    pub customer_id: CustomerId,
    pub at: DateTime<Utc>,
    /// The session the event happened in (logins start one).
    pub session_id: Option<String>,
    pub detail: ActivityDetail,
}

/// Another account linked to a customer's, as anyone who sees the customer may know it: who
/// they are, not their contact details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedAccount {
    pub customer_id: CustomerId,
    pub account_id: String,
    pub name: String,
    pub country: String,
    pub kyc_level: KycLevel,
    pub created_at: DateTime<Utc>,
}

/// What can tie accounts together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// A device fingerprint (logins, security changes).
    Device,
    /// An IP address (logins, security changes).
    Ip,
    /// A withdrawal address.
    Wallet,
    /// A card fingerprint (card deposits).
    Card,
}

impl LinkKind {
    /// The wire name: `device`, `ip`, `wallet`, `card`.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Device => "device",
            LinkKind::Ip => "ip",
            LinkKind::Wallet => "wallet",
            LinkKind::Card => "card",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        [LinkKind::Device, LinkKind::Ip, LinkKind::Wallet, LinkKind::Card].into_iter().find(|k| k.as_str() == name)
    }
}

/// An identifier a linked account shares with the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SharedIdentifier {
    pub kind: LinkKind,
    /// The device fingerprint, IP address, withdrawal address or card fingerprint.
    pub value: String,
    /// The linked account.
    pub customer_id: CustomerId,
    /// When that account last used it.
    pub last_used_at: DateTime<Utc>,
}

/// The accounts linked to a customer's — anyone else who used one of their devices, IP
/// addresses, withdrawal wallets or cards — whichever queues those accounts are in. Only
/// what links them is told, not the linked accounts' activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerLinks {
    pub customer_id: CustomerId,
    /// Most shared identifiers first.
    pub accounts: Vec<LinkedAccount>,
    /// What each listed account shares with the customer.
    pub shared: Vec<SharedIdentifier>,
    /// More accounts share these identifiers than the answer lists.
    pub truncated: bool,
}
