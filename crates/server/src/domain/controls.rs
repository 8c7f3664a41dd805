//! Stopping the loss: agents ask for actions on an account (freeze, hold withdrawals …);
//! what the policy lets one person do applies at once, the rest waits for a second person
//! (four-eyes) who never is the requester. Every request, answer and change is audited with
//! the controls before and after; a held withdrawal shows held on the customer's timeline.

use arbiter_contract::*;
use arbiter_policy::controls::{self as rules, Refusal};
use chrono::{DateTime, Duration, Utc};
use sqlx::AnyConnection;

use super::{access, input};
use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::mutation::Mutation;
use crate::store::controls as store;
use crate::store::entities::put_activity;
use crate::store::{next_id, reads, Scope};

/// Longest note on a request, and longest reason on an answer.
pub const NOTE_MAX: usize = 2_000;

fn refused(refusal: Refusal) -> ApiFailure {
    ApiFailure::unprocessable(refusal.to_string())
}

fn changed_meanwhile(controls: &AccountControls, base: i64) -> ApiFailure {
    // The controls as they are now go with the answer, for the desk to show and to ask again on.
    ApiFailure::conflict(
        Entity::AccountControls(controls.clone()),
        format!(
            "the account changed since you looked (version {base}, now {}): look again before acting",
            controls.version
        ),
    )
}

/// The account's controls as they stand now (lapsed ones gone).
async fn current(
    conn: &mut AnyConnection,
    customer_id: CustomerId,
    now: DateTime<Utc>,
) -> Result<AccountControls, ApiFailure> {
    let mut controls = store::controls(conn, customer_id, now).await?;
    rules::lapse(&mut controls, now);
    Ok(controls)
}

/// Who hears of a request live: as in the change feed, the requester's team's leads, and
/// whoever works a queue the customer has tickets in (live events cannot ask the database
/// whether a viewer sees the customer, so the queues are named).
async fn scopes(
    conn: &mut AnyConnection,
    request: &ActionRequest,
    requester_team: &str,
) -> Result<Vec<Scope>, ApiFailure> {
    let mut scopes = vec![store::request_scope(request, requester_team)];
    if request.approvers.contains(&Approver::TeamSupervisor) {
        scopes.push(Scope::leads_of(requester_team));
    }
    for queue in store::queues_of_customer(conn, request.customer_id).await? {
        scopes.push(Scope { queue: Some(queue), ..Scope::default() });
    }
    Ok(scopes)
}

/// Whether the caller may look at the account: they see the customer, or a request on it
/// waits for them.
async fn may_look(conn: &mut AnyConnection, caller: &Caller, customer_id: CustomerId) -> Result<(), ApiFailure> {
    if access::customer(conn, caller, customer_id).await.is_ok() {
        return Ok(());
    }
    for request in store::requests_of(conn, customer_id).await? {
        if request.status != RequestStatus::AwaitingApproval {
            continue;
        }
        let Some(requester) = reads::agent(conn, request.requested_by).await? else { continue };
        if rules::may_answer(&request, &caller.agent, &requester).is_ok() {
            return Ok(());
        }
    }
    Err(ApiFailure::not_found(format!("customer {customer_id} does not exist")))
}

/// The account's controls, pending withdrawals and requests.
pub async fn view(
    conn: &mut AnyConnection,
    caller: &Caller,
    customer_id: CustomerId,
    now: DateTime<Utc>,
) -> Result<AccountView, ApiFailure> {
    may_look(conn, caller, customer_id).await?;
    Ok(AccountView {
        controls: current(conn, customer_id, now).await?,
        pending_withdrawals: store::pending_withdrawals(conn, customer_id).await?,
        requests: store::requests_of(conn, customer_id).await?,
    })
}

/// The customer, their activity and linked accounts, for whoever may look at the account
/// (who sees the customer, or may answer a request waiting on it).
pub async fn evidence(
    conn: &mut AnyConnection,
    caller: &Caller,
    customer_id: CustomerId,
) -> Result<AccountEvidence, ApiFailure> {
    may_look(conn, caller, customer_id).await?;
    let not_found = || ApiFailure::not_found(format!("customer {customer_id} does not exist"));
    let customer = reads::customer(conn, customer_id).await?.ok_or_else(not_found)?;
    let mut activity = reads::activity_of(conn, customer_id).await?;
    activity.drain(..activity.len().saturating_sub(EVIDENCE_MAX_EVENTS));
    let links = super::customers::linked_accounts(conn, customer_id).await?;
    Ok(AccountEvidence { customer, activity, links })
}

/// The held withdrawal's status follows its hold on the customer's timeline.
async fn mark_withdrawals(
    m: &mut Mutation,
    before: &AccountControls,
    after: &AccountControls,
) -> Result<(), ApiFailure> {
    let held = |c: &AccountControls, id: i64| c.held_withdrawals.iter().any(|h| h.withdrawal_id == id);
    for event in store::pending_withdrawals(&mut m.tx, after.customer_id).await? {
        let (was, is) = (held(before, event.id), held(after, event.id));
        if was == is {
            continue;
        }
        let mut next = event.clone();
        if let ActivityDetail::Withdrawal { status, .. } = &mut next.detail {
            *status = if is { TransferStatus::Held } else { TransferStatus::Pending };
        }
        put_activity(&mut m.tx, &next).await?;
    }
    Ok(())
}

/// Applies `request` to the account as it stands; stores the controls and the request.
async fn carry_out(
    m: &mut Mutation,
    mut request: ActionRequest,
    controls: AccountControls,
    pending: &[rules::PendingWithdrawal],
) -> Result<ActionRequest, ApiFailure> {
    let control = Control {
        reason: request.reason.clone(),
        note: request.note.clone(),
        placed_by: PlacedBy::Agent { agent_id: request.requested_by, request_id: request.id },
        placed_at: m.now,
        expires_at: request.expires_at,
    };
    let after = rules::apply(&controls, &request.action, control, pending, m.now).map_err(refused)?;
    store::put_controls(&mut m.tx, &after).await?;
    mark_withdrawals(m, &controls, &after).await?;
    m.audit("account.controls", "customer", after.customer_id, Some(&controls), Some(&after)).await?;
    request.status = RequestStatus::Applied;
    request.lapses_at = None;
    request.before = Some(Box::new(controls));
    request.after = Some(Box::new(after));
    Ok(request)
}

/// Asks for `body.action` on the account, made against the controls' version `base`: it
/// applies at once when the policy lets one person do it, otherwise it waits for an approver.
pub async fn request(
    m: &mut Mutation,
    customer_id: CustomerId,
    body: &RequestAction,
) -> Result<ActionRequest, ApiFailure> {
    let customer = access::customer(&mut m.tx, &m.caller, customer_id).await?;
    let policy = reads::policy(&mut m.tx).await?.actions;
    rules::check_reason(&policy, &body.reason).map_err(refused)?;
    let note = match body.note.trim() {
        "" => String::new(),
        note => input::text_field(note, "the note", NOTE_MAX)?,
    };
    let controls = current(&mut m.tx, customer_id, m.now).await?;
    if let Some(base) = m.base() {
        if base != controls.version {
            return Err(changed_meanwhile(&controls, base));
        }
    }
    let pending = store::as_pending(&store::pending_withdrawals(&mut m.tx, customer_id).await?);
    let approvers = rules::approvers_needed(&policy, &controls, &body.action, &pending, customer.vip_tier.is_vip());
    let mut request = ActionRequest {
        id: next_id(&mut m.tx, "action_requests").await?,
        customer_id,
        action: body.action.clone(),
        reason: body.reason.clone(),
        note,
        expires_at: body.expires_at,
        requested_by: m.caller.id(),
        requested_at: m.now,
        approvers: approvers.clone(),
        status: RequestStatus::AwaitingApproval,
        approval: None,
        before: None,
        after: None,
        lapses_at: Some(m.now + Duration::hours(policy.request_ttl_hours)),
        version: 1,
    };
    // Refused now if it could not apply now (nothing to lift, already in force …), whoever
    // would approve it.
    let probe = Control {
        reason: request.reason.clone(),
        note: String::new(),
        placed_by: PlacedBy::Agent { agent_id: request.requested_by, request_id: request.id },
        placed_at: m.now,
        expires_at: request.expires_at,
    };
    rules::apply(&controls, &request.action, probe, &pending, m.now).map_err(refused)?;
    if approvers.is_empty() {
        request = carry_out(m, request, controls, &pending).await?;
    }
    let team = m.caller.agent.team.clone();
    store::put_request(&mut m.tx, &request, &team).await?;
    m.audit("account.request", "action_request", request.id, None, Some(&request)).await?;
    let heard = scopes(&mut m.tx, &request, &team).await?;
    m.publish(StreamPayload::ActionRequest { request: Box::new(request.clone()) }, heard);
    Ok(request)
}

/// The approver's answer: approving applies the request to the account as it stands now (if
/// the account changed so that it no longer can, 409 says why and the request keeps
/// waiting); declining closes it.
pub async fn answer(
    m: &mut Mutation,
    id: i64,
    approve: bool,
    body: &AnswerRequest,
) -> Result<ActionRequest, ApiFailure> {
    let reason = input::text_field(&body.reason, "the reason", NOTE_MAX)?;
    let not_found = || ApiFailure::not_found(format!("request {id} does not exist"));
    let request = store::request(&mut m.tx, id).await?.ok_or_else(not_found)?;
    let requester = reads::agent(&mut m.tx, request.requested_by).await?.ok_or_else(ApiFailure::internal)?;
    // Past its time it has lapsed, whether or not the sweep has marked it yet.
    if request.status == RequestStatus::AwaitingApproval && request.lapses_at.is_some_and(|at| at <= m.now) {
        return Err(ApiFailure::new(
            axum::http::StatusCode::CONFLICT,
            ErrorCode::Conflict,
            "the request lapsed: ask again",
        ));
    }
    if let Err(refusal) = rules::may_answer(&request, &m.caller.agent, &requester) {
        return Err(match refusal {
            Refusal::NotAwaiting(_) => {
                ApiFailure::new(axum::http::StatusCode::CONFLICT, ErrorCode::Conflict, refusal.to_string())
            }
            _ => ApiFailure::forbidden(refusal.to_string()),
        });
    }
    let mut next = request.clone();
    next.approval = Some(Approval { agent_id: m.caller.id(), approved: approve, reason, at: m.now });
    next.version += 1;
    if approve {
        let controls = current(&mut m.tx, request.customer_id, m.now).await?;
        let pending = store::as_pending(&store::pending_withdrawals(&mut m.tx, request.customer_id).await?);
        next = carry_out(m, next, controls, &pending).await.map_err(|e| {
            ApiFailure::new(
                axum::http::StatusCode::CONFLICT,
                ErrorCode::Conflict,
                format!("the account changed meanwhile: {}", e.body.message),
            )
        })?;
    } else {
        next.status = RequestStatus::Declined;
        next.lapses_at = None;
    }
    store::put_request(&mut m.tx, &next, &requester.team).await?;
    let action = if approve { "account.approve" } else { "account.decline" };
    m.audit(action, "action_request", id, Some(&request), Some(&next)).await?;
    let heard = scopes(&mut m.tx, &next, &requester.team).await?;
    m.publish(StreamPayload::ActionRequest { request: Box::new(next.clone()) }, heard);
    Ok(next)
}

/// The requester takes back a request still waiting.
pub async fn cancel(m: &mut Mutation, id: i64) -> Result<ActionRequest, ApiFailure> {
    let not_found = || ApiFailure::not_found(format!("request {id} does not exist"));
    let request = store::request(&mut m.tx, id).await?.ok_or_else(not_found)?;
    if request.requested_by != m.caller.id() {
        return Err(ApiFailure::forbidden("only who asked may take a request back"));
    }
    if request.status != RequestStatus::AwaitingApproval {
        return Err(ApiFailure::new(
            axum::http::StatusCode::CONFLICT,
            ErrorCode::Conflict,
            format!("the request is no longer waiting ({:?})", request.status),
        ));
    }
    let mut next = request.clone();
    next.status = RequestStatus::Cancelled;
    next.lapses_at = None;
    next.version += 1;
    let team = m.caller.agent.team.clone();
    store::put_request(&mut m.tx, &next, &team).await?;
    m.audit("account.cancel", "action_request", id, Some(&request), Some(&next)).await?;
    let heard = scopes(&mut m.tx, &next, &team).await?;
    m.publish(StreamPayload::ActionRequest { request: Box::new(next.clone()) }, heard);
    Ok(next)
}

/// The requests the caller may approve, oldest first, with who they are about.
pub async fn approvals(conn: &mut AnyConnection, caller: &Caller) -> Result<Vec<PendingApproval>, ApiFailure> {
    let mut out = Vec::new();
    for request in store::awaiting(conn).await? {
        let Some(requester) = reads::agent(conn, request.requested_by).await? else { continue };
        if rules::may_answer(&request, &caller.agent, &requester).is_err() {
            continue;
        }
        let Some(customer) = reads::customer(conn, request.customer_id).await? else { continue };
        out.push(PendingApproval {
            request,
            customer_name: customer.name,
            account_id: customer.account_id,
            vip: customer.vip_tier.is_vip(),
            requester_name: requester.name,
        });
    }
    Ok(out)
}

/// The audit log's actor for what the server does by itself (a request lapsing).
pub const SERVER_ACTOR: i64 = 0;

/// Requests nobody approved in time lapse: they never apply, their requester and approvers
/// hear of it. Returns how many lapsed.
pub async fn lapse_due(state: &crate::AppState, now: DateTime<Utc>) -> Result<usize, ApiFailure> {
    let mut tx = state.db.begin_write().await?;
    let due = store::lapsed(&mut tx, now).await?;
    let mut events = Vec::new();
    for request in &due {
        let team = reads::agent(&mut tx, request.requested_by).await?.map(|a| a.team).unwrap_or_default();
        let mut next = request.clone();
        next.status = RequestStatus::Lapsed;
        next.lapses_at = None;
        next.version += 1;
        store::put_request(&mut tx, &next, &team).await?;
        let record = crate::store::audit::AuditRecord {
            actor_id: SERVER_ACTOR,
            action: "account.lapse",
            entity_kind: "action_request",
            entity_id: next.id,
            before: Some(serde_json::to_value(request)?),
            after: Some(serde_json::to_value(&next)?),
            idempotency_key: None,
            at: now,
        };
        crate::store::audit::record(&mut tx, record).await?;
        let heard = scopes(&mut tx, &next, &team).await?;
        events.push((StreamPayload::ActionRequest { request: Box::new(next.clone()) }, heard));
    }
    tx.commit().await?;
    for (payload, scopes) in events {
        state.hub.publish(payload, scopes);
    }
    Ok(due.len())
}

/// The policy's auto-hold: the server holds the withdrawals of customers whose risk score
/// reached the decline band, once per customer (released by a person, it is not placed
/// again), as a request of the server's own so the desk shows who placed it and why.
/// Returns the customers it held.
pub async fn auto_hold(
    state: &crate::AppState,
    declining: &std::collections::HashSet<CustomerId>,
    now: DateTime<Utc>,
) -> Result<Vec<CustomerId>, ApiFailure> {
    if declining.is_empty() {
        return Ok(Vec::new());
    }
    let mut tx = state.db.begin_write().await?;
    let policy = reads::policy(&mut tx).await?.actions;
    if !policy.auto_hold_at_decline {
        return Ok(Vec::new());
    }
    let mut held = Vec::new();
    let mut events = Vec::new();
    let mut customers: Vec<CustomerId> = declining.iter().copied().collect();
    customers.sort_unstable();
    for customer_id in customers {
        let earlier = store::requests_of(&mut tx, customer_id).await?;
        if earlier.iter().any(|r| r.requested_by == SERVER_ACTOR && r.action == AccountAction::HoldWithdrawals) {
            continue;
        }
        let controls = current(&mut tx, customer_id, now).await?;
        if controls.withdrawals_held.is_some() || controls.frozen.is_some() {
            continue;
        }
        let id = next_id(&mut tx, "action_requests").await?;
        let control = Control {
            reason: RISK_DECLINE.into(),
            note: "The customer's risk score reached the decline band.".into(),
            placed_by: PlacedBy::Rule { rule: "risk score at decline (policy auto-hold)".into() },
            placed_at: now,
            expires_at: None,
        };
        let after =
            rules::apply(&controls, &AccountAction::HoldWithdrawals, control.clone(), &[], now).map_err(refused)?;
        store::put_controls(&mut tx, &after).await?;
        let request = ActionRequest {
            id,
            customer_id,
            action: AccountAction::HoldWithdrawals,
            reason: RISK_DECLINE.into(),
            note: control.note.clone(),
            expires_at: None,
            requested_by: SERVER_ACTOR,
            requested_at: now,
            approvers: Vec::new(),
            status: RequestStatus::Applied,
            approval: None,
            before: Some(Box::new(controls.clone())),
            after: Some(Box::new(after.clone())),
            lapses_at: None,
            version: 1,
        };
        store::put_request(&mut tx, &request, "").await?;
        let record = crate::store::audit::AuditRecord {
            actor_id: SERVER_ACTOR,
            action: "account.auto_hold",
            entity_kind: "customer",
            entity_id: customer_id,
            before: Some(serde_json::to_value(&controls)?),
            after: Some(serde_json::to_value(&after)?),
            idempotency_key: None,
            at: now,
        };
        crate::store::audit::record(&mut tx, record).await?;
        events
            .push((StreamPayload::ActionRequest { request: Box::new(request) }, vec![Scope::of_customer(customer_id)]));
        held.push(customer_id);
    }
    tx.commit().await?;
    for (payload, scopes) in events {
        state.hub.publish(payload, scopes);
    }
    Ok(held)
}

/// Who reads the controls report: compliance and risk see every account's; a supervisor,
/// what their team members asked for.
fn reads_all(caller: &Caller) -> bool {
    let member = |team: &str| caller.agent.team == team || caller.agent.teams.iter().any(|t| t == team);
    member(rules::COMPLIANCE_TEAM) || member(rules::RISK_TEAM)
}

/// A text as one CSV cell: quoted, never read as a formula by a spreadsheet.
fn cell(text: &str) -> String {
    let escaped = text.replace('"', "\"\"");
    if text.starts_with(['=', '+', '-', '@']) {
        format!("\"'{escaped}\"")
    } else {
        format!("\"{escaped}\"")
    }
}

/// The account actions applied from `from` to `to` (days, UTC) as CSV, oldest first: when,
/// whose account, what, why, who asked and who approved (the server for its auto-hold).
pub async fn controls_report(
    conn: &mut AnyConnection,
    caller: &Caller,
    query: &ControlsReportQuery,
) -> Result<String, ApiFailure> {
    if query.to < query.from || (query.to - query.from).num_days() >= super::service_report::MAX_DAYS {
        return Err(ApiFailure::unprocessable("the period must run forwards and cover at most 366 days"));
    }
    let all = reads_all(caller);
    if !all && !caller.is_supervisor() {
        return Err(ApiFailure::forbidden("the controls report is for compliance, risk and supervisors"));
    }
    let start = query.from.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
    let end = query.to.and_hms_opt(0, 0, 0).expect("midnight").and_utc() + Duration::days(1);
    let mut rows: Vec<(DateTime<Utc>, ActionRequest)> = store::applied(conn)
        .await?
        .into_iter()
        .map(|r| (r.approval.as_ref().map_or(r.requested_at, |a| a.at), r))
        .filter(|(at, r)| *at >= start && *at < end && (all || caller.vis.members.contains(&r.requested_by)))
        .collect();
    rows.sort_by_key(|(at, r)| (*at, r.id));
    let mut names = std::collections::HashMap::new();
    let mut out = String::from(
        "applied_at,customer_id,account_id,action,target,reason,note,requested_by,requested_at,approved_by,approval_reason,expires_at\n",
    );
    for (at, r) in rows {
        let mut name = async |id: i64| -> Result<String, ApiFailure> {
            if id == SERVER_ACTOR {
                return Ok("the server (policy auto-hold)".into());
            }
            if let Some(known) = names.get(&id) {
                return Ok(String::clone(known));
            }
            let said = reads::agent(conn, id).await?.map_or_else(|| format!("agent {id}"), |a| a.name);
            names.insert(id, said.clone());
            Ok(said)
        };
        let requester = name(r.requested_by).await?;
        let approver = match &r.approval {
            Some(a) => name(a.agent_id).await?,
            None => String::new(),
        };
        let account = reads::customer(conn, r.customer_id).await?.map(|c| c.account_id).unwrap_or_default();
        let target = match &r.action {
            AccountAction::HoldWithdrawal { withdrawal_id } | AccountAction::ReleaseWithdrawal { withdrawal_id } => {
                format!("withdrawal {withdrawal_id}")
            }
            AccountAction::BlockAddress { address } | AccountAction::UnblockAddress { address } => address.clone(),
            _ => String::new(),
        };
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{}\n",
            at.to_rfc3339(),
            r.customer_id,
            cell(&account),
            arbiter_contract::codec::wire_name(&r.action.kind()),
            cell(&target),
            cell(&r.reason),
            cell(&r.note),
            cell(&requester),
            r.requested_at.to_rfc3339(),
            cell(&approver),
            cell(r.approval.as_ref().map_or("", |a| a.reason.as_str())),
            r.expires_at.map(|e| e.to_rfc3339()).unwrap_or_default(),
        ));
    }
    Ok(out)
}
