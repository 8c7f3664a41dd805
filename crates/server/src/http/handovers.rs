//! Shift handovers (supervisors): the outgoing lead hands a team's shift over with their
//! words and per-ticket notes; the server keeps the team's numbers and open and pending work
//! as they stand; the next shift's lead acknowledges it. Agents get 403.

use std::collections::{BTreeMap, HashMap};

use arbiter_contract::*;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use sqlx::AnyConnection;

use crate::auth::{Caller, Supervisor};
use crate::domain;
use crate::error::ApiFailure;
use crate::http::extract::{text_field, Body, Id, IdempotencyKey, IfMatch};
use crate::http::tickets::visible_ticket;
use crate::mutation::{fingerprint, Mutation};
use crate::store::rows::{get, list, params, to_json, upsert, Val};
use crate::store::{next_id, reads, Scope};
use crate::AppState;

/// The most tickets one handover lists; the rest are counted in `items_omitted`.
pub const MAX_ITEMS: usize = 1_000;
const MAX_NOTES: usize = 200;
const ACTIVE: &str = "('new', 'open', 'pending', 'on_hold')";

async fn visible_handover(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<Handover, ApiFailure> {
    match get::<Handover>(conn, "handovers", id).await? {
        Some(handover) if caller.vis.teams.contains(&handover.team) => Ok(handover),
        _ => Err(ApiFailure::not_found(format!("handover {id} does not exist"))),
    }
}

async fn put_handover(conn: &mut AnyConnection, handover: &Handover) -> Result<(), sqlx::Error> {
    let columns = [
        ("team", Val::from(handover.team.as_str())),
        ("created_at", handover.created_at.timestamp_millis().into()),
        ("version", handover.version.into()),
    ];
    upsert(conn, "handovers", handover.id.into(), &columns, to_json(handover)).await
}

/// The caller's teams' handovers, newest first.
#[utoipa::path(get, path = "/v1/handovers", tag = "supervisor", security(("bearer" = [])),
    params(HandoverQuery),
    responses((status = 200, body = Vec<Handover>), (status = 400, body = ApiError), (status = 403, body = ApiError)))]
pub async fn list_handovers(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    query: Result<Query<HandoverQuery>, QueryRejection>,
) -> Result<Json<Vec<Handover>>, ApiFailure> {
    let Query(query) = query?;
    let teams: Vec<String> = match query.team {
        Some(team) if caller.vis.teams.contains(&team) => vec![team],
        Some(team) => return Err(ApiFailure::forbidden(format!("you do not lead {team}"))),
        None => caller.vis.teams.clone(),
    };
    let limit = query.limit.unwrap_or(20).clamp(1, 100);
    let mut conn = state.db.pool.acquire().await?;
    let sql = format!(
        "SELECT data FROM handovers WHERE team IN ({}) ORDER BY created_at DESC, id DESC LIMIT {limit}",
        params(0, teams.len().max(1))
    );
    let args =
        if teams.is_empty() { vec![Val::Text(None)] } else { teams.iter().map(|t| Val::from(t.as_str())).collect() };
    Ok(Json(list(&mut conn, &sql, args).await?))
}

/// Hands a team's shift over. The answer is the handover as stored, with the team's
/// numbers and work as they stood.
#[utoipa::path(post, path = "/v1/handovers", tag = "supervisor", security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header)),
    request_body = NewHandover,
    responses((status = 201, body = Handover), (status = 400, body = ApiError), (status = 403, body = ApiError)))]
pub async fn create_handover(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    key: IdempotencyKey,
    Body(body): Body<NewHandover>,
) -> Result<Response, ApiFailure> {
    if !caller.vis.teams.contains(&body.team) {
        return Err(ApiFailure::forbidden(format!("you do not lead {}", body.team)));
    }
    let summary = text_field(&body.summary, "the summary", 20_000)?;
    if body.notes.len() > MAX_NOTES {
        return Err(ApiFailure::bad_request(format!("at most {MAX_NOTES} ticket notes")));
    }
    let print = fingerprint("handover.create", &[&serde_json::to_string(&body)?]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    if body.shift_started_at > m.now {
        return Err(ApiFailure::bad_request("the shift cannot start in the future"));
    }
    // The lead's notes, on tickets they can see (the last note on a ticket wins).
    let mut notes: HashMap<TicketId, String> = HashMap::new();
    let mut noted: Vec<Ticket> = Vec::new();
    for note in &body.notes {
        let text = text_field(&note.note, &format!("the note on ticket {}", note.ticket_id), 2_000)?;
        let ticket = visible_ticket(&mut m.tx, &m.caller, note.ticket_id).await?;
        if notes.insert(ticket.id, text).is_none() {
            noted.push(ticket);
        }
    }
    let team = body.team.clone();
    let members: Vec<i64> = list_ids(&mut m.tx, "SELECT id FROM agents WHERE team = $1", &team).await?;
    let overview = domain::overview::of_teams(&mut m.tx, std::slice::from_ref(&team), &members, m.now).await?;
    let totals = overview.queues.into_iter().next().ok_or_else(ApiFailure::internal)?;

    // The work: every assigned active ticket of the queue, unassigned ones that press, noted ones.
    let sql = format!("SELECT data FROM tickets WHERE queue = $1 AND status IN {ACTIVE}");
    let mut tickets: Vec<Ticket> = list(&mut m.tx, &sql, vec![Val::from(team.as_str())]).await?;
    tickets.retain(|t| {
        t.assignee_id.is_some()
            || t.escalation_level > EscalationLevel::L0
            || t.priority >= Priority::High
            || notes.contains_key(&t.id)
    });
    for ticket in noted {
        if !tickets.iter().any(|t| t.id == ticket.id) {
            tickets.push(ticket);
        }
    }
    let mut names: BTreeMap<AgentId, String> = BTreeMap::new();
    for id in tickets.iter().filter_map(|t| t.assignee_id) {
        if let std::collections::btree_map::Entry::Vacant(slot) = names.entry(id) {
            if let Some(agent) = reads::agent(&mut m.tx, id).await? {
                slot.insert(agent.name);
            }
        }
    }
    let mut items: Vec<HandoverItem> = tickets
        .into_iter()
        .map(|t| HandoverItem {
            ticket_id: t.id,
            assignee_name: t.assignee_id.and_then(|id| names.get(&id).cloned()),
            note: notes.remove(&t.id),
            subject: t.subject,
            status: t.status,
            priority: t.priority,
            escalation_level: t.escalation_level,
            assignee_id: t.assignee_id,
        })
        .collect();
    items.sort_by_key(pressing_order);
    // Noted tickets are kept whatever the cap: the lead wrote about them.
    let omitted = items.len().saturating_sub(MAX_ITEMS);
    if omitted > 0 {
        let mut kept = 0;
        items.retain(|item| {
            kept += 1;
            kept <= MAX_ITEMS || item.note.is_some()
        });
    }
    let handover = Handover {
        id: next_id(&mut m.tx, "handovers").await?,
        team: team.clone(),
        author_id: m.caller.id(),
        author_name: m.caller.agent.name.clone(),
        shift_started_at: body.shift_started_at,
        created_at: m.now,
        summary,
        totals,
        agents: overview.agents,
        items_omitted: omitted as i64,
        items,
        acknowledged_by: None,
        acknowledged_by_name: None,
        acknowledged_at: None,
        version: 1,
    };
    put_handover(&mut m.tx, &handover).await?;
    m.audit("handover.create", "handover", handover.id, None, Some(&handover)).await?;
    m.publish(StreamPayload::Handover { handover: Box::new(handover.clone()) }, vec![Scope::leads_of(&team)]);
    m.finish(&state, StatusCode::CREATED, &handover).await
}

/// Per agent by name (unassigned last), then the highest escalation, priority, and the
/// ones waiting on us before the ones waiting on the customer.
fn pressing_order(
    item: &HandoverItem,
) -> (bool, String, std::cmp::Reverse<EscalationLevel>, std::cmp::Reverse<Priority>, u8, i64) {
    let waiting_on_us = matches!(item.status, TicketStatus::New | TicketStatus::Open);
    (
        item.assignee_id.is_none(),
        item.assignee_name.clone().unwrap_or_default(),
        std::cmp::Reverse(item.escalation_level),
        std::cmp::Reverse(item.priority),
        u8::from(!waiting_on_us),
        item.ticket_id,
    )
}

async fn list_ids(conn: &mut AnyConnection, sql: &str, arg: &str) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar::<_, i64>(sql).bind(arg.to_owned()).fetch_all(conn).await
}

/// The next shift's lead takes the handover over. The author cannot; a handover already
/// acknowledged answers 409 with who did.
#[utoipa::path(post, path = "/v1/handovers/{id}/acknowledge", tag = "supervisor", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    responses((status = 200, body = Handover), (status = 400, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub async fn acknowledge_handover(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
) -> Result<Response, ApiFailure> {
    let print = fingerprint("handover.ack", &[&id.to_string(), &base.to_string()]);
    let mut m = match Mutation::begin(&state, caller, key, print).await? {
        Ok(m) => m,
        Err(replay) => return Ok(replay),
    };
    let handover = visible_handover(&mut m.tx, &m.caller, id).await?;
    if handover.author_id == m.caller.id() {
        return Err(ApiFailure::bad_request("the next shift acknowledges a handover, not its author"));
    }
    if handover.version != base || handover.acknowledged_at.is_some() {
        let by = handover.acknowledged_by_name.as_deref().unwrap_or("someone");
        return Err(ApiFailure::new(
            StatusCode::CONFLICT,
            ErrorCode::Conflict,
            format!("handover {id} was already acknowledged by {by} (version {})", handover.version),
        ));
    }
    let mut next = handover.clone();
    next.acknowledged_by = Some(m.caller.id());
    next.acknowledged_by_name = Some(m.caller.agent.name.clone());
    next.acknowledged_at = Some(m.now);
    next.version += 1;
    put_handover(&mut m.tx, &next).await?;
    m.audit("handover.acknowledge", "handover", id, Some(&handover), Some(&next)).await?;
    m.publish(StreamPayload::Handover { handover: Box::new(next.clone()) }, vec![Scope::leads_of(&next.team)]);
    m.finish(&state, StatusCode::OK, &next).await
}
