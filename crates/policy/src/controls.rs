//! Account controls as pure rules: what each action does to an account's controls and what
//! the state forbids, whose approval a request needs (four-eyes), and who may give it. The
//! server applies them (authoritative); the desk runs the same to pre-fill and explain.

use std::fmt;

use arbiter_contract::{
    AccountAction, AccountControls, ActionKind, ActionPolicy, ActionRequest, AddressBlock, Agent, AgentRole,
    ApprovalWhen, Approver, Control, RequestStatus, WithdrawalHold, SANCTIONS_HIT,
};
use chrono::{DateTime, Utc};

/// The teams whose members approve as risk and as compliance.
pub const RISK_TEAM: &str = "risk";
pub const COMPLIANCE_TEAM: &str = "compliance";
/// Longest address a block takes (the longest chains' addresses are well under it).
pub const ADDRESS_MAX_CHARS: usize = 128;

/// A pending withdrawal of the customer, as far as the rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingWithdrawal {
    pub id: i64,
    pub usd_cents: i64,
}

/// Why an action or an approval is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    UnknownReason(String),
    /// The control the action would place is already there.
    AlreadyInForce(ActionKind),
    /// The control the action would lift is not there.
    NotInForce(ActionKind),
    NoSuchPendingWithdrawal(i64),
    BadAddress,
    ExpiryInThePast,
    OwnRequest,
    NotAwaiting(RequestStatus),
    NotAnApprover(Vec<Approver>),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::UnknownReason(code) => write!(f, "{code} is not a reason code of the policy"),
            Refusal::AlreadyInForce(kind) => write!(f, "nothing to do: {} is already in force", noun(*kind)),
            Refusal::NotInForce(kind) => write!(f, "nothing to lift: {} is not in force", noun(*kind)),
            Refusal::NoSuchPendingWithdrawal(id) => write!(f, "withdrawal {id} is not pending on this account"),
            Refusal::BadAddress => write!(f, "the address is empty, too long or has spaces in it"),
            Refusal::ExpiryInThePast => write!(f, "the expiry is in the past"),
            Refusal::OwnRequest => write!(f, "a request is approved by someone else than who asked (four-eyes)"),
            Refusal::NotAwaiting(status) => write!(f, "the request is no longer awaiting approval ({status:?})"),
            Refusal::NotAnApprover(who) => write!(f, "only {} may approve this request", names(who)),
        }
    }
}

fn noun(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::Freeze | ActionKind::Unfreeze => "the freeze",
        ActionKind::HoldWithdrawals | ActionKind::ReleaseWithdrawals => "the hold on all withdrawals",
        ActionKind::HoldWithdrawal | ActionKind::ReleaseWithdrawal => "the hold on this withdrawal",
        ActionKind::BlockTrading | ActionKind::UnblockTrading => "the trading block",
        ActionKind::RevokeSessions => "revoking sessions",
        ActionKind::ForceReset => "the forced password and 2FA reset",
        ActionKind::BlockAddress | ActionKind::UnblockAddress => "the block on this address",
        ActionKind::RequireKyc => "the renewed identity check",
    }
}

fn names(who: &[Approver]) -> String {
    let said: Vec<&str> = who
        .iter()
        .map(|a| match a {
            Approver::TeamSupervisor => "a supervisor of the requester's team",
            Approver::Risk => "risk",
            Approver::Compliance => "compliance",
        })
        .collect();
    said.join(" or ")
}

/// The policy's defaults (the contract's `ActionPolicy::default`).
pub fn default_policy() -> ActionPolicy {
    ActionPolicy::default()
}

/// Whether `reason` is one of the policy's codes.
pub fn check_reason(policy: &ActionPolicy, reason: &str) -> Result<(), Refusal> {
    match policy.reason_codes.iter().any(|r| r.code == reason) {
        true => Ok(()),
        false => Err(Refusal::UnknownReason(reason.to_owned())),
    }
}

fn clean_address(address: &str) -> Result<String, Refusal> {
    let address = address.trim();
    if address.is_empty() || address.chars().count() > ADDRESS_MAX_CHARS || address.chars().any(char::is_whitespace) {
        return Err(Refusal::BadAddress);
    }
    Ok(address.to_owned())
}

/// The control an action lifts, if it lifts one that is in force.
fn lifted<'a>(controls: &'a AccountControls, action: &AccountAction) -> Option<&'a Control> {
    match action {
        AccountAction::Unfreeze => controls.frozen.as_ref(),
        AccountAction::ReleaseWithdrawals => controls.withdrawals_held.as_ref(),
        AccountAction::ReleaseWithdrawal { withdrawal_id } => {
            controls.held_withdrawals.iter().find(|h| h.withdrawal_id == *withdrawal_id).map(|h| &h.control)
        }
        AccountAction::UnblockTrading => controls.trading_blocked.as_ref(),
        AccountAction::UnblockAddress { address } => {
            controls.blocked_addresses.iter().find(|b| b.address == address.trim()).map(|b| &b.control)
        }
        _ => None,
    }
}

/// `controls` after `action`, placing `control` where it places one; refused when the state
/// forbids it (nothing to lift, already in force, a withdrawal that is not pending).
pub fn apply(
    controls: &AccountControls,
    action: &AccountAction,
    control: Control,
    pending: &[PendingWithdrawal],
    now: DateTime<Utc>,
) -> Result<AccountControls, Refusal> {
    if control.expires_at.is_some_and(|at| at <= now) {
        return Err(Refusal::ExpiryInThePast);
    }
    let kind = action.kind();
    let mut next = controls.clone();
    let place = |slot: &mut Option<Control>| match slot {
        Some(_) => Err(Refusal::AlreadyInForce(kind)),
        None => {
            *slot = Some(control.clone());
            Ok(())
        }
    };
    let lift = |slot: &mut Option<Control>| match slot.take() {
        Some(_) => Ok(()),
        None => Err(Refusal::NotInForce(kind)),
    };
    match action {
        AccountAction::Freeze => place(&mut next.frozen)?,
        AccountAction::Unfreeze => lift(&mut next.frozen)?,
        AccountAction::HoldWithdrawals => place(&mut next.withdrawals_held)?,
        AccountAction::ReleaseWithdrawals => lift(&mut next.withdrawals_held)?,
        AccountAction::BlockTrading => place(&mut next.trading_blocked)?,
        AccountAction::UnblockTrading => lift(&mut next.trading_blocked)?,
        AccountAction::ForceReset => place(&mut next.reset_required)?,
        AccountAction::RequireKyc => place(&mut next.kyc_required)?,
        AccountAction::RevokeSessions => next.sessions_revoked_at = Some(now),
        AccountAction::HoldWithdrawal { withdrawal_id } => {
            if !pending.iter().any(|w| w.id == *withdrawal_id) {
                return Err(Refusal::NoSuchPendingWithdrawal(*withdrawal_id));
            }
            if next.held_withdrawals.iter().any(|h| h.withdrawal_id == *withdrawal_id) {
                return Err(Refusal::AlreadyInForce(kind));
            }
            next.held_withdrawals.push(WithdrawalHold { withdrawal_id: *withdrawal_id, control });
        }
        AccountAction::ReleaseWithdrawal { withdrawal_id } => {
            let before = next.held_withdrawals.len();
            next.held_withdrawals.retain(|h| h.withdrawal_id != *withdrawal_id);
            if next.held_withdrawals.len() == before {
                return Err(Refusal::NotInForce(kind));
            }
        }
        AccountAction::BlockAddress { address } => {
            let address = clean_address(address)?;
            if next.blocked_addresses.iter().any(|b| b.address == address) {
                return Err(Refusal::AlreadyInForce(kind));
            }
            next.blocked_addresses.push(AddressBlock { address, control });
        }
        AccountAction::UnblockAddress { address } => {
            let address = clean_address(address)?;
            let before = next.blocked_addresses.len();
            next.blocked_addresses.retain(|b| b.address != address);
            if next.blocked_addresses.len() == before {
                return Err(Refusal::NotInForce(kind));
            }
        }
    }
    next.version = controls.version + 1;
    next.updated_at = now;
    Ok(next)
}

/// Controls whose time ran out lift by themselves; true when any did.
pub fn lapse(controls: &mut AccountControls, now: DateTime<Utc>) -> bool {
    let live = |c: &Control| c.expires_at.is_none_or(|at| at > now);
    let mut changed = false;
    for slot in [
        &mut controls.frozen,
        &mut controls.withdrawals_held,
        &mut controls.trading_blocked,
        &mut controls.kyc_required,
        &mut controls.reset_required,
    ] {
        if slot.as_ref().is_some_and(|c| !live(c)) {
            *slot = None;
            changed = true;
        }
    }
    let (holds, blocks) = (controls.held_withdrawals.len(), controls.blocked_addresses.len());
    controls.held_withdrawals.retain(|h| live(&h.control));
    controls.blocked_addresses.retain(|b| live(&b.control));
    changed |= holds != controls.held_withdrawals.len() || blocks != controls.blocked_addresses.len();
    if changed {
        controls.version += 1;
        controls.updated_at = now;
    }
    changed
}

/// What releasing would let go, in cents: the one withdrawal, or every pending one.
fn released_usd_cents(action: &AccountAction, pending: &[PendingWithdrawal]) -> i64 {
    match action {
        AccountAction::ReleaseWithdrawal { withdrawal_id } => {
            pending.iter().filter(|w| w.id == *withdrawal_id).map(|w| w.usd_cents).sum()
        }
        AccountAction::ReleaseWithdrawals | AccountAction::Unfreeze => pending.iter().map(|w| w.usd_cents).sum(),
        _ => 0,
    }
}

/// Who must approve `action` before it applies (empty: nobody, it applies at once). The
/// approver must fit every rule that applies; when no one role fits them all, compliance
/// decides. Lifting what a sanctions hit placed is compliance's whatever the policy says.
pub fn approvers_needed(
    policy: &ActionPolicy,
    controls: &AccountControls,
    action: &AccountAction,
    pending: &[PendingWithdrawal],
    vip: bool,
) -> Vec<Approver> {
    let sanctions = lifted(controls, action).is_some_and(|c| c.reason == SANCTIONS_HIT);
    let mut applying: Vec<Vec<Approver>> = policy
        .approvals
        .iter()
        .filter(|rule| match &rule.when {
            ApprovalWhen::Action { action: kind } => action.kind() == *kind,
            ApprovalWhen::ReleaseOver { usd_cents } => released_usd_cents(action, pending) > *usd_cents,
            ApprovalWhen::Vip => vip,
            ApprovalWhen::SanctionsHit => sanctions,
        })
        .map(|rule| rule.approvers.clone())
        .collect();
    if sanctions {
        applying.push(vec![Approver::Compliance]);
    }
    let Some(first) = applying.first() else { return Vec::new() };
    let mut common: Vec<Approver> =
        first.iter().copied().filter(|a| applying.iter().all(|list| list.contains(a))).collect();
    if common.is_empty() {
        common = vec![Approver::Compliance];
    }
    common.sort();
    common.dedup();
    common
}

/// Whether `agent` fits the approver role.
pub fn fits(agent: &Agent, role: Approver, requester: &Agent) -> bool {
    let member_of = |team: &str| agent.team == team || agent.teams.iter().any(|t| t == team);
    match role {
        Approver::TeamSupervisor => agent.role == AgentRole::Supervisor && member_of(&requester.team),
        Approver::Risk => member_of(RISK_TEAM),
        Approver::Compliance => member_of(COMPLIANCE_TEAM),
    }
}

/// Whether `approver` may answer `request` (made by `requester`): never their own, only
/// while it waits, only in a role it names.
pub fn may_answer(request: &ActionRequest, approver: &Agent, requester: &Agent) -> Result<(), Refusal> {
    if approver.id == request.requested_by {
        return Err(Refusal::OwnRequest);
    }
    if request.status != RequestStatus::AwaitingApproval {
        return Err(Refusal::NotAwaiting(request.status));
    }
    if !request.approvers.iter().any(|role| fits(approver, *role, requester)) {
        return Err(Refusal::NotAnApprover(request.approvers.clone()));
    }
    Ok(())
}

/// What stops the loss a risk rule points at, and the reason code it is taken for: offered
/// pre-filled on the finding (rule 2, an account takeover: hold withdrawals, revoke sessions,
/// force a reset).
pub fn suggested_for_rule(rule: u8) -> (Vec<AccountAction>, &'static str) {
    use AccountAction::*;
    match rule {
        1 => (vec![HoldWithdrawals], "card_fraud"),
        2 => (vec![HoldWithdrawals, RevokeSessions, ForceReset], "account_takeover"),
        3 => (vec![HoldWithdrawals, RevokeSessions], "account_takeover"),
        4 => (vec![HoldWithdrawals], "linked_accounts"),
        5 => (vec![HoldWithdrawals], "scam_victim"),
        6 => (vec![BlockTrading], "scam_victim"),
        7 => (vec![BlockTrading], "linked_accounts"),
        8 => (vec![RequireKyc], "aml_review"),
        9 => (vec![HoldWithdrawals], "scam_victim"),
        10 => (vec![HoldWithdrawals], "aml_review"),
        _ => (Vec::new(), "resolved"),
    }
}
