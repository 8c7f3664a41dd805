//! Stopping the loss from the desk: an account's controls, its pending withdrawals and the
//! requests made on it, from the local copy (offline too); actions and approvals queued like
//! every action and never applied here — the server decides (at once, or after a second
//! person approves) and its answer comes back through the outbox and the feed.

use arbiter_cache::{Action, OutboxItem};
use arbiter_contract::{
    AccountAction, AccountControls, ActionRequest, ActivityDetail, ActivityEvent, Approver, CustomerId, Entity,
    EntityKind, ReasonCodeDef, RequestAction, RequestStatus, TransferStatus,
};
use arbiter_policy::controls::{self as rules, PendingWithdrawal};
use arbiter_risk::poisoning::PoisoningParams;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use crate::withdrawal_notes::{notes, WithdrawalNotes};
use arbiter_text::Msg;

/// The account as the desk shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AccountPanel {
    pub controls: AccountControls,
    /// Pending (or held) withdrawals, newest first.
    pub pending_withdrawals: Vec<ActivityEvent>,
    /// Requests on the account, newest first.
    pub requests: Vec<ActionRequest>,
    /// This agent's actions on the account not yet answered by the server, or refused.
    pub outbox: Vec<OutboxItem>,
    /// The policy's reason codes, for the action form.
    pub reason_codes: Vec<ReasonCodeDef>,
    /// What the rules that fired on this customer point at, pre-filled (only what would
    /// still change the account).
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
    /// Per pending withdrawal: why it waits, its screening and Travel Rule state, and a
    /// lookalike-address warning.
    #[serde(default)]
    pub withdrawal_notes: Vec<WithdrawalNotes>,
}

/// The actions a finding suggests, with their reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Suggestion {
    pub rule: u8,
    pub actions: Vec<AccountAction>,
    pub reason: String,
}

/// A request waiting for this agent's approval, with who it is about and who asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ApprovalItem {
    pub request: ActionRequest,
    pub customer_name: Option<String>,
    pub requester_name: Option<String>,
    /// The policy's words for the request's reason.
    pub reason_label: Option<String>,
}

/// The withdrawals still waiting (pending or held), newest first.
pub(crate) fn pending_of(events: &[ActivityEvent]) -> Vec<ActivityEvent> {
    let mut pending: Vec<ActivityEvent> = events
        .iter()
        .filter(|e| {
            matches!(
                e.detail,
                ActivityDetail::Withdrawal { status: TransferStatus::Pending | TransferStatus::Held, .. }
            )
        })
        .cloned()
        .collect();
    pending.sort_by_key(|e| std::cmp::Reverse((e.at, e.id)));
    pending
}

fn as_rules(events: &[ActivityEvent]) -> Vec<PendingWithdrawal> {
    events
        .iter()
        .filter_map(|e| match e.detail {
            ActivityDetail::Withdrawal { usd_cents, .. } => Some(PendingWithdrawal { id: e.id, usd_cents }),
            _ => None,
        })
        .collect()
}

/// Each finding's suggested actions that would still change the account (a hold already in
/// force is not suggested again), under a reason the policy has.
fn suggestions(
    findings: &[arbiter_risk::Finding],
    controls: &AccountControls,
    pending: &[PendingWithdrawal],
    reasons: &[ReasonCodeDef],
) -> Vec<Suggestion> {
    let now = chrono::Utc::now();
    let mut out: Vec<Suggestion> = Vec::new();
    for finding in findings {
        let (actions, reason) = rules::suggested_for_rule(finding.rule);
        if !reasons.iter().any(|r| r.code == reason) {
            continue;
        }
        let probe = arbiter_contract::Control {
            reason: reason.to_owned(),
            note: String::new(),
            placed_by: arbiter_contract::PlacedBy::Rule { rule: format!("rule {}", finding.rule) },
            placed_at: now,
            expires_at: None,
        };
        let still: Vec<AccountAction> = actions
            .into_iter()
            .filter(|a| match a {
                // Revoking always "applies": suggested until it was done once.
                AccountAction::RevokeSessions => controls.sessions_revoked_at.is_none(),
                _ => rules::apply(controls, a, probe.clone(), pending, now).is_ok(),
            })
            .filter(|a| !out.iter().any(|s| s.actions.contains(a)))
            .collect();
        if !still.is_empty() {
            out.push(Suggestion { rule: finding.rule, actions: still, reason: reason.to_owned() });
        }
    }
    out
}

impl Desk {
    async fn cached_requests(&self) -> Result<Vec<ActionRequest>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let mut requests: Vec<ActionRequest> = cache
            .entities_of_kind(EntityKind::ActionRequest)
            .await?
            .into_iter()
            .filter_map(|e| match e {
                Entity::ActionRequest(r) => Some(r),
                _ => None,
            })
            .collect();
        requests.sort_by_key(|r| std::cmp::Reverse(r.id));
        Ok(requests)
    }

    pub(crate) async fn cached_controls(&self, customer_id: CustomerId) -> Result<AccountControls, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let found = cache.entities_of_kind(EntityKind::AccountControls).await?.into_iter().find_map(|e| match e {
            Entity::AccountControls(c) if c.customer_id == customer_id => Some(c),
            _ => None,
        });
        let now = chrono::Utc::now();
        let mut controls =
            found.unwrap_or(AccountControls { customer_id, version: 1, updated_at: now, ..AccountControls::default() });
        rules::lapse(&mut controls, now);
        Ok(controls)
    }

    /// The account's controls, pending withdrawals, requests and this agent's unanswered
    /// actions on it, from the local copy.
    pub async fn account_panel(&self, customer_id: CustomerId) -> Result<AccountPanel, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let activity = cache.customer_activity(customer_id).await?;
        let requests = self.cached_requests().await?.into_iter().filter(|r| r.customer_id == customer_id).collect();
        let outbox = cache
            .outbox_open()
            .await?
            .into_iter()
            .filter(|item| item.action.account_of() == Some(customer_id))
            .collect();
        let policies = cache.policies().await?;
        let reason_codes = policies.as_ref().map(|p| p.actions.reason_codes.clone()).unwrap_or_default();
        let poisoning = policies.as_ref().map(|p| PoisoningParams::of_policy(&p.risk)).unwrap_or_default();
        let controls = self.cached_controls(customer_id).await?;
        let pending = pending_of(&activity);
        let label =
            |code: &str| reason_codes.iter().find(|r| r.code == code).map_or(code.to_owned(), |r| r.label.clone());
        let withdrawal_notes = notes(&pending, &activity, &controls, &poisoning, &label, chrono::Utc::now());
        let suggestions = match crate::risk::customer_risk(&cache, customer_id).await {
            Ok(risk) => suggestions(&risk.risk.findings, &controls, &as_rules(&pending), &reason_codes),
            Err(_) => Vec::new(), // no risk without the customer: nothing to suggest
        };
        Ok(AccountPanel {
            controls,
            pending_withdrawals: pending,
            requests,
            outbox,
            reason_codes,
            suggestions,
            withdrawal_notes,
        })
    }

    /// Who would have to approve `action` on the account as the desk knows it (empty: it
    /// applies at once). The server decides; this tells the agent before they ask.
    pub async fn approvers_for(
        &self,
        customer_id: CustomerId,
        action: AccountAction,
    ) -> Result<Vec<Approver>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let policy = cache.policies().await?.map(|p| p.actions).unwrap_or_default();
        let vip = cache.customer(customer_id).await?.is_some_and(|c| c.vip_tier.is_vip());
        let pending = as_rules(&pending_of(&cache.customer_activity(customer_id).await?));
        let controls = self.cached_controls(customer_id).await?;
        Ok(rules::approvers_needed(&policy, &controls, &action, &pending, vip))
    }

    /// Asks for an action on the account (queued; the server applies it or waits for an
    /// approver). Made on the controls' version the desk holds, so a change meanwhile comes
    /// back as a conflict, never overwritten.
    pub async fn request_account_action(
        &self,
        customer_id: CustomerId,
        ticket_id: Option<i64>,
        request: RequestAction,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        if cache.customer(customer_id).await?.is_none() {
            return Err(DeskError::say(ErrorCode::NotFound, Msg::new(&errors::CUSTOMER_NOT_CACHED)));
        }
        let policy = cache.policies().await?.map(|p| p.actions).unwrap_or_default();
        if rules::check_reason(&policy, &request.reason).is_err() {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::UNKNOWN_REASON_CODE)));
        }
        let base_version = self.cached_controls(customer_id).await?.version;
        self.queue(client_key, Action::AccountAction { customer_id, ticket_id, base_version, request }).await
    }

    /// Approves or declines a request waiting for this agent (queued; the server checks
    /// again that they may).
    pub async fn answer_action_request(
        &self,
        request_id: i64,
        approve: bool,
        reason: String,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        let request = self
            .cached_requests()
            .await?
            .into_iter()
            .find(|r| r.id == request_id)
            .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::REQUEST_NOT_CACHED)))?;
        if reason.trim().is_empty() {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::ANSWER_NEEDS_REASON)));
        }
        let action = Action::AnswerActionRequest {
            request_id,
            customer_id: request.customer_id,
            ticket_id: None,
            approve,
            reason,
        };
        self.queue(client_key, action).await
    }

    /// The requests waiting for this agent's approval, oldest first (never their own).
    pub async fn approvals(&self) -> Result<Vec<ApprovalItem>, DeskError> {
        let (cache, me) = self.cache_and_me().await?;
        let Some(me) = cache.agent(me).await? else { return Ok(Vec::new()) };
        let reasons = cache.policies().await?.map(|p| p.actions.reason_codes).unwrap_or_default();
        let mut out = Vec::new();
        for request in self.cached_requests().await?.into_iter().rev() {
            if request.status != RequestStatus::AwaitingApproval {
                continue;
            }
            let requester = cache.agent(request.requested_by).await?;
            let Some(requester_agent) = requester.as_ref() else { continue };
            if rules::may_answer(&request, &me, requester_agent).is_err() {
                continue;
            }
            let customer_name = cache.customer(request.customer_id).await?.map(|c| c.name);
            let reason_label = reasons.iter().find(|r| r.code == request.reason).map(|r| r.label.clone());
            out.push(ApprovalItem { request, customer_name, requester_name: requester.map(|a| a.name), reason_label });
        }
        Ok(out)
    }

    /// Saves the account actions applied in a period (the server's CSV, for compliance) where
    /// the agent chose in the save dialog.
    pub async fn export_controls_csv(
        &self,
        query: arbiter_contract::ControlsReportQuery,
        path: &str,
    ) -> Result<(), DeskError> {
        let (client, _) = self.client_and_cache().await?;
        let csv = client.controls_report(&query).await?;
        crate::analytics::write_export_off_thread(path, "csv", csv).await
    }
}
