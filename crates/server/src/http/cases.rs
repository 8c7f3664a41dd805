//! Investigations: disputes, chargebacks and fraud claims, with an append-only audit trail.

use arbiter_contract::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::AnyConnection;

use crate::auth::Caller;
use crate::domain::money;
use crate::error::ApiFailure;
use crate::http::extract::{text_field, Body, Id, IdempotencyKey, IfMatch};
use crate::http::tickets::visible_ticket;
use crate::mutation::{fingerprint, Mutation};
use crate::store::entities::{put_case, put_case_event, put_ticket};
use crate::store::rows::list;
use crate::store::{next_id, reads, Scope};
use crate::AppState;

/// The case if the caller sees it (its queue or assignee, or any of its tickets).
pub async fn visible_case(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Case, ApiFailure> {
    let not_found = || ApiFailure::not_found(format!("case {id} does not exist"));
    let case = reads::case(conn, id).await?.ok_or_else(not_found)?;
    if caller.vis.sees(&Scope::of_case(&case)) {
        return Ok(case);
    }
    for ticket_id in &case.ticket_ids {
        if let Some(ticket) = reads::ticket(conn, *ticket_id).await? {
            if caller.vis.sees_ticket(&ticket.queue, ticket.assignee_id) {
                return Ok(case);
            }
        }
    }
    Err(not_found())
}

/// When the next response on a case is due: the network's deadline less the policy margin
/// for chargebacks, the resolution target for other cases.
pub fn due_at(case: &Case, stage_began: DateTime<Utc>, policy: &PolicySet) -> Option<DateTime<Utc>> {
    if case.status == CaseStatus::Closed {
        return None;
    }
    match &case.card {
        Some(card) => arbiter_policy::chargeback::response_due(
            card.network,
            card.stage,
            stage_began,
            policy.sla.chargeback_margin_days,
        ),
        None => Some(stage_began + chrono::Duration::seconds(policy.sla.resolution_seconds)),
    }
}

async fn append_event(
    m: &mut Mutation,
    case: &Case,
    action: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), ApiFailure> {
    let event = CaseEvent {
        id: next_id(&mut m.tx, "case_events").await?,
        case_id: case.id,
        actor_id: Some(m.caller.id()),
        actor_name: m.caller.agent.name.clone(),
        action: action.to_owned(),
        before,
        after,
        at: m.now,
    };
    put_case_event(&mut m.tx, &event, &Scope::of_case(case)).await?;
    Ok(())
}

/// Opens an investigation from a ticket; the ticket links to it.
#[utoipa::path(post, path = "/v1/cases", tag = "cases", security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header)),
    request_body = CreateCase,
    responses((status = 201, body = Case), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Body(body): Body<CreateCase>,
) -> Result<Response, ApiFailure> {
    let summary = text_field(&body.summary, "the summary", 5_000)?;
    if body.amount_minor < 0 {
        return Err(ApiFailure::bad_request("the amount must not be negative"));
    }
    let amount_usd_cents = money::usd_cents(body.amount_minor, &body.currency)
        .ok_or_else(|| ApiFailure::bad_request(format!("unknown currency {:?}", body.currency)))?;
    if (body.kind == CaseKind::Chargeback) != body.card.is_some() {
        return Err(ApiFailure::bad_request("chargeback cases, and only they, carry card details"));
    }
    let print = fingerprint("case.create", &[&serde_json::to_string(&body)?]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let ticket = visible_ticket(&mut m.tx, &m.caller, body.ticket_id).await?;
    if let Some(existing) = ticket.case_id {
        return Err(ApiFailure::bad_request(format!("ticket {} already belongs to case {existing}", ticket.id)));
    }
    let policy = reads::policy(&mut m.tx).await?;
    let card = body.card.as_ref().map(|c| CardDispute {
        network: c.network,
        reason_code: c.reason_code.clone(),
        stage: ChargebackStage::FirstChargeback,
        card_last4: c.card_last4.clone(),
        transaction_date: c.transaction_date,
        filed_at: c.filed_at,
        stage_began_at: Some(c.filed_at),
    });
    let mut case = Case {
        id: next_id(&mut m.tx, "cases").await?,
        kind: body.kind,
        customer_id: ticket.customer_id,
        ticket_ids: vec![ticket.id],
        status: CaseStatus::Open,
        amount_minor: body.amount_minor,
        currency: body.currency.clone(),
        amount_usd_cents,
        card,
        due_at: None,
        decision: None,
        outcome: None,
        recovered_usd_cents: 0,
        lost_usd_cents: 0,
        evidence: Vec::new(),
        assignee_id: Some(m.caller.id()),
        queue: ticket.queue.clone(),
        summary,
        created_at: m.now,
        updated_at: m.now,
        closed_at: None,
        version: 1,
    };
    let began = case.card.as_ref().map_or(m.now, |c| c.filed_at);
    case.due_at = due_at(&case, began, &policy);
    put_case(&mut m.tx, &case).await?;
    let mut linked = ticket.clone();
    linked.case_id = Some(case.id);
    linked.updated_at = m.now;
    linked.version += 1;
    put_ticket(&mut m.tx, &linked).await?;
    append_event(&mut m, &case, "created", None, Some(serde_json::to_value(&case)?)).await?;
    m.audit("case.create", "case", case.id, None, Some(&case)).await?;
    m.finish(&state, StatusCode::CREATED, &case).await
}

/// A case with its evidence.
#[utoipa::path(get, path = "/v1/cases/{id}", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Case), (status = 404, body = ApiError)))]
pub async fn case(State(state): State<AppState>, caller: Caller, Id(id): Id) -> Result<Json<Case>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(visible_case(&mut conn, &caller, id).await?))
}

/// The case's audit trail, oldest first.
#[utoipa::path(get, path = "/v1/cases/{id}/events", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Vec<CaseEvent>), (status = 404, body = ApiError)))]
pub async fn events(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> Result<Json<Vec<CaseEvent>>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    visible_case(&mut conn, &caller, id).await?;
    let events =
        list(&mut conn, "SELECT data FROM case_events WHERE case_id = $1 ORDER BY at, id", vec![id.into()]).await?;
    Ok(Json(events))
}

/// Changes a case's status, stage, decision, outcome, assignee, summary or amounts, with
/// `If-Match`. Every change is appended to the case's audit trail.
#[utoipa::path(patch, path = "/v1/cases/{id}", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    request_body = CaseUpdate,
    responses((status = 200, body = Case), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
    Body(update): Body<CaseUpdate>,
) -> Result<Response, ApiFailure> {
    if update == CaseUpdate::default() {
        return Err(ApiFailure::bad_request("the update changes nothing"));
    }
    let print = fingerprint("case.update", &[&id.to_string(), &base.to_string(), &serde_json::to_string(&update)?]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let case = visible_case(&mut m.tx, &m.caller, id).await?;
    if case.version != base {
        return Err(ApiFailure::conflict(
            Entity::Case(case.clone()),
            format!("case {id} is at version {}", case.version),
        ));
    }
    let policy = reads::policy(&mut m.tx).await?;
    let mut next = case.clone();
    let mut before = serde_json::Map::new();
    let mut after = serde_json::Map::new();
    let mut note = |field: &str, old: serde_json::Value, new: serde_json::Value| {
        if old != new {
            before.insert(field.into(), old);
            after.insert(field.into(), new);
        }
    };
    if let Some(status) = update.status {
        note("status", json!(case.status), json!(status));
        next.status = status;
        next.closed_at = (status == CaseStatus::Closed).then_some(case.closed_at.unwrap_or(m.now));
    }
    if let Some(stage) = update.stage {
        let card = next.card.as_mut().ok_or_else(|| ApiFailure::bad_request("only chargebacks have network stages"))?;
        let flow = arbiter_policy::chargeback::flow(card.network, &card.reason_code);
        if stage != card.stage && !arbiter_policy::chargeback::can_move(flow, card.stage, stage) {
            return Err(ApiFailure::bad_request(format!(
                "a {:?} dispute at {:?} cannot move to {:?}; it can move to {:?}",
                flow,
                card.stage,
                stage,
                arbiter_policy::chargeback::next_stages(flow, card.stage)
            )));
        }
        note("stage", json!(card.stage), json!(stage));
        if stage != card.stage {
            card.stage_began_at = Some(m.now);
        }
        card.stage = stage;
    }
    if let Some(decision) = update.decision {
        note("decision", json!(case.decision), json!(decision));
        next.decision = Some(decision);
    }
    if let Some(outcome) = update.outcome {
        note("outcome", json!(case.outcome), json!(outcome));
        next.outcome = Some(outcome);
    }
    if let Some(assignee) = update.assignee_id {
        if let Some(agent_id) = assignee {
            if reads::agent(&mut m.tx, agent_id).await?.is_none() {
                return Err(ApiFailure::bad_request(format!("agent {agent_id} does not exist")));
            }
        }
        note("assignee_id", json!(case.assignee_id), json!(assignee));
        next.assignee_id = assignee;
    }
    if let Some(summary) = &update.summary {
        let summary = text_field(summary, "the summary", 5_000)?;
        note("summary", json!(case.summary), json!(summary));
        next.summary = summary;
    }
    if let Some(cents) = update.recovered_usd_cents {
        note("recovered_usd_cents", json!(case.recovered_usd_cents), json!(cents));
        next.recovered_usd_cents = cents.max(0);
    }
    if let Some(cents) = update.lost_usd_cents {
        note("lost_usd_cents", json!(case.lost_usd_cents), json!(cents));
        next.lost_usd_cents = cents.max(0);
    }
    if after.is_empty() {
        return Err(ApiFailure::bad_request("the update changes nothing"));
    }
    if update.stage.is_some() || update.status.is_some() {
        next.due_at = due_at(&next, m.now, &policy);
    }
    next.updated_at = m.now;
    next.version += 1;
    put_case(&mut m.tx, &next).await?;
    let action = if update.decision.is_some() {
        "decided"
    } else if update.outcome.is_some() {
        "outcome_recorded"
    } else if update.stage.is_some() {
        "stage_changed"
    } else if update.status.is_some() {
        "status_changed"
    } else {
        "updated"
    };
    append_event(&mut m, &next, action, Some(before.into()), Some(after.into())).await?;
    m.audit("case.update", "case", id, Some(&case), Some(&next)).await?;
    m.finish(&state, StatusCode::OK, &next).await
}

/// Adds a piece of evidence (a file, a quoted message, a pinned activity event, a note).
#[utoipa::path(post, path = "/v1/cases/{id}/evidence", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    request_body = AddEvidence,
    responses((status = 201, body = Case), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn add_evidence(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
    Body(body): Body<AddEvidence>,
) -> Result<Response, ApiFailure> {
    let title = text_field(&body.title, "the title", 300)?;
    let description = body.description.trim().chars().take(20_000).collect::<String>();
    let print = fingerprint("case.evidence", &[&id.to_string(), &base.to_string(), &serde_json::to_string(&body)?]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let case = visible_case(&mut m.tx, &m.caller, id).await?;
    if case.version != base {
        return Err(ApiFailure::conflict(
            Entity::Case(case.clone()),
            format!("case {id} is at version {}", case.version),
        ));
    }
    // Checklist items name the reason code's evidence: chargebacks only, keys from its list.
    let wanted: Vec<&str> = case
        .card
        .as_ref()
        .and_then(|c| arbiter_policy::chargeback::reason_code(c.network, &c.reason_code))
        .map(|r| r.checklist.iter().map(|i| i.key).collect())
        .unwrap_or_default();
    if let Some(unknown) = body.checklist.iter().find(|k| !wanted.contains(&k.as_str())) {
        return Err(ApiFailure::bad_request(format!("{unknown:?} is not on this case's evidence checklist")));
    }
    let evidence = Evidence {
        id: case.evidence.iter().map(|e| e.id).max().unwrap_or(0) + 1,
        kind: body.kind,
        title,
        description,
        reference_id: body.reference_id,
        checklist: body.checklist.clone(),
        added_by: m.caller.id(),
        added_at: m.now,
    };
    let mut next = case.clone();
    next.evidence.push(evidence.clone());
    next.updated_at = m.now;
    next.version += 1;
    put_case(&mut m.tx, &next).await?;
    append_event(&mut m, &next, "evidence_added", None, Some(serde_json::to_value(&evidence)?)).await?;
    m.audit("case.evidence.add", "case", id, Some(&case), Some(&next)).await?;
    m.finish(&state, StatusCode::CREATED, &next).await
}
