//! Stopping the loss: the controls on a customer's account (frozen, withdrawals held, trading
//! blocked …), the actions that change them, and the requests that wait for a second person
//! (four-eyes) before they apply. The policy part (`ActionPolicy`) says the reason codes and
//! which actions need whose approval.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{AgentId, CustomerId};

/// Why an action was taken: a code from the policy's list (`account_takeover`,
/// `card_fraud`, `scam_victim`, `law_enforcement`, `sanctions_hit`, `chargeback_pending`,
/// `customer_request` …).
pub type ReasonCode = String;

/// The reason that makes a control compliance's to lift.
pub const SANCTIONS_HIT: &str = "sanctions_hit";
/// The reason the server holds withdrawals by itself (the policy's auto-hold).
pub const RISK_DECLINE: &str = "risk_decline";

/// Who placed a control: an agent's approved request, or the server's own rule (the
/// automatic hold when a risk score reaches the decline band).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PlacedBy {
    Agent { agent_id: AgentId, request_id: i64 },
    Rule { rule: String },
}

/// One control in force: why, by whom, since when, until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Control {
    pub reason: ReasonCode,
    pub note: String,
    pub placed_by: PlacedBy,
    pub placed_at: DateTime<Utc>,
    /// Lifts by itself at this time (none: until lifted).
    pub expires_at: Option<DateTime<Utc>>,
}

/// A withdrawal address the customer may not send to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddressBlock {
    pub address: String,
    pub control: Control,
}

/// One pending withdrawal held on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WithdrawalHold {
    /// The withdrawal's activity event.
    pub withdrawal_id: i64,
    pub control: Control,
}

/// The account's controls as the exchange applies them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountControls {
    pub customer_id: CustomerId,
    /// Nothing moves: no login, trading, deposit or withdrawal.
    pub frozen: Option<Control>,
    /// Every withdrawal waits.
    pub withdrawals_held: Option<Control>,
    /// Single pending withdrawals held.
    #[serde(default)]
    pub held_withdrawals: Vec<WithdrawalHold>,
    pub trading_blocked: Option<Control>,
    /// The customer must verify their identity again before anything else.
    pub kyc_required: Option<Control>,
    /// The customer must set a new password and 2FA at the next sign-in.
    pub reset_required: Option<Control>,
    /// When every session and API key was last revoked.
    pub sessions_revoked_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub blocked_addresses: Vec<AddressBlock>,
    /// Bumped on every change; a request names the version it was made against.
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

/// What an agent asks to be done to an account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AccountAction {
    Freeze,
    Unfreeze,
    HoldWithdrawals,
    ReleaseWithdrawals,
    HoldWithdrawal { withdrawal_id: i64 },
    ReleaseWithdrawal { withdrawal_id: i64 },
    BlockTrading,
    UnblockTrading,
    RevokeSessions,
    ForceReset,
    BlockAddress { address: String },
    UnblockAddress { address: String },
    RequireKyc,
}

/// An action's kind without its target, for policy rules and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Freeze,
    Unfreeze,
    HoldWithdrawals,
    ReleaseWithdrawals,
    HoldWithdrawal,
    ReleaseWithdrawal,
    BlockTrading,
    UnblockTrading,
    RevokeSessions,
    ForceReset,
    BlockAddress,
    UnblockAddress,
    RequireKyc,
}

impl AccountAction {
    pub fn kind(&self) -> ActionKind {
        match self {
            AccountAction::Freeze => ActionKind::Freeze,
            AccountAction::Unfreeze => ActionKind::Unfreeze,
            AccountAction::HoldWithdrawals => ActionKind::HoldWithdrawals,
            AccountAction::ReleaseWithdrawals => ActionKind::ReleaseWithdrawals,
            AccountAction::HoldWithdrawal { .. } => ActionKind::HoldWithdrawal,
            AccountAction::ReleaseWithdrawal { .. } => ActionKind::ReleaseWithdrawal,
            AccountAction::BlockTrading => ActionKind::BlockTrading,
            AccountAction::UnblockTrading => ActionKind::UnblockTrading,
            AccountAction::RevokeSessions => ActionKind::RevokeSessions,
            AccountAction::ForceReset => ActionKind::ForceReset,
            AccountAction::BlockAddress { .. } => ActionKind::BlockAddress,
            AccountAction::UnblockAddress { .. } => ActionKind::UnblockAddress,
            AccountAction::RequireKyc => ActionKind::RequireKyc,
        }
    }

    /// Whether it lifts a control (lifting is what four-eyes guards most).
    pub fn lifts(&self) -> bool {
        matches!(
            self.kind(),
            ActionKind::Unfreeze
                | ActionKind::ReleaseWithdrawals
                | ActionKind::ReleaseWithdrawal
                | ActionKind::UnblockTrading
                | ActionKind::UnblockAddress
        )
    }
}

/// Who may approve a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Approver {
    /// A supervisor of the requester's team.
    TeamSupervisor,
    /// A member of the risk team.
    Risk,
    /// A member of the compliance team.
    Compliance,
}

/// When a request needs a second person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "when", rename_all = "snake_case")]
pub enum ApprovalWhen {
    /// Always for this kind of action.
    Action { action: ActionKind },
    /// Releasing withdrawals (one, or all) worth more than this.
    ReleaseOver { usd_cents: i64 },
    /// Any action on a VIP's account.
    Vip,
    /// Lifting anything a sanctions hit placed.
    SanctionsHit,
}

/// One rule of four-eyes: when it applies and who may approve. Several rules may apply; a
/// request needs one approver who fits any of them (the strictest rule's list when one
/// names compliance: see `arbiter_policy::controls`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApprovalRule {
    pub when: ApprovalWhen,
    pub approvers: Vec<Approver>,
}

/// A reason code as the desk offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReasonCodeDef {
    pub code: ReasonCode,
    pub label: String,
}

/// Account actions as policy data (PolicySet.actions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionPolicy {
    pub reason_codes: Vec<ReasonCodeDef>,
    pub approvals: Vec<ApprovalRule>,
    /// How long a request may wait for its approver before it lapses.
    pub request_ttl_hours: i64,
    /// The server holds a customer's withdrawals by itself when their risk score reaches the
    /// decline band.
    pub auto_hold_at_decline: bool,
}

/// The defaults: the reason codes an exchange's risk desk uses, and four-eyes on lifting a
/// freeze, releasing a hold over 10,000 USD, anything on a VIP, and lifting anything a
/// sanctions hit placed (compliance).
impl Default for ActionPolicy {
    fn default() -> Self {
        let code = |code: &str, label: &str| ReasonCodeDef { code: code.into(), label: label.into() };
        let rule = |when, approvers: &[Approver]| ApprovalRule { when, approvers: approvers.to_vec() };
        let lead_or_risk = [Approver::TeamSupervisor, Approver::Risk];
        ActionPolicy {
            reason_codes: vec![
                code("account_takeover", "Account takeover"),
                code("card_fraud", "Card fraud"),
                code("scam_victim", "Scam victim"),
                code("law_enforcement", "Law-enforcement request"),
                code(SANCTIONS_HIT, "Sanctions hit"),
                code("chargeback_pending", "Chargeback pending"),
                code("linked_accounts", "Linked accounts"),
                code("aml_review", "AML review (structuring)"),
                code(RISK_DECLINE, "Risk score in the decline band"),
                code("customer_request", "Customer request"),
                code("resolved", "Resolved after review"),
            ],
            approvals: vec![
                rule(ApprovalWhen::Action { action: ActionKind::Unfreeze }, &lead_or_risk),
                rule(ApprovalWhen::ReleaseOver { usd_cents: 1_000_000 }, &lead_or_risk),
                rule(ApprovalWhen::Vip, &lead_or_risk),
                rule(ApprovalWhen::SanctionsHit, &[Approver::Compliance]),
            ],
            request_ttl_hours: 24,
            auto_hold_at_decline: true,
        }
    }
}

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    AwaitingApproval,
    Applied,
    Declined,
    /// Nobody approved it in time.
    Lapsed,
    /// The requester took it back.
    Cancelled,
}

/// The second person's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Approval {
    pub agent_id: AgentId,
    pub approved: bool,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// A request to act on an account: applied at once, or waiting for its approver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionRequest {
    pub id: i64,
    pub customer_id: CustomerId,
    pub action: AccountAction,
    pub reason: ReasonCode,
    pub note: String,
    pub expires_at: Option<DateTime<Utc>>,
    pub requested_by: AgentId,
    pub requested_at: DateTime<Utc>,
    /// Who may approve it (empty: it needed nobody).
    pub approvers: Vec<Approver>,
    pub status: RequestStatus,
    pub approval: Option<Approval>,
    /// The controls before and after it applied.
    pub before: Option<Box<AccountControls>>,
    pub after: Option<Box<AccountControls>>,
    /// Lapses at this time if nobody approves it.
    pub lapses_at: Option<DateTime<Utc>>,
    pub version: i64,
}

/// `POST /v1/customers/{id}/actions` (`If-Match`: the controls' version the agent saw).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RequestAction {
    pub action: AccountAction,
    pub reason: ReasonCode,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
}

/// `POST /v1/action-requests/{id}/approve` and `/decline`: the approver's reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerRequest {
    pub reason: String,
}

/// `GET /v1/customers/{id}/controls`: the account's controls, its pending withdrawals and
/// the requests made on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountView {
    pub controls: AccountControls,
    /// Withdrawals not yet sent (pending or held), newest first.
    pub pending_withdrawals: Vec<super::ActivityEvent>,
    /// Newest first.
    pub requests: Vec<ActionRequest>,
}

/// `GET /v1/approvals`: a request the caller may approve, with who it is about and who asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingApproval {
    pub request: ActionRequest,
    pub customer_name: String,
    pub account_id: String,
    pub vip: bool,
    pub requester_name: String,
}

/// Most of a customer's activity events in an `AccountEvidence` (the latest).
pub const EVIDENCE_MAX_EVENTS: usize = 5_000;

/// `GET /v1/customers/{id}/evidence`: what an approver judges a request on when the customer
/// is in none of their queues — who it is, what they did, and the accounts linked to theirs —
/// for the desk to score with the same rules as its own copy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountEvidence {
    pub customer: super::Customer,
    /// Oldest first; the latest `EVIDENCE_MAX_EVENTS`.
    pub activity: Vec<super::ActivityEvent>,
    pub links: super::CustomerLinks,
}
