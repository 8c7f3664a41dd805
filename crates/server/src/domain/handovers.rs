//! Shift handovers (supervisors): the outgoing lead hands a team's shift over with their
//! words and per-ticket notes; the server keeps the team's numbers and open and pending work
//! as they stand; the next shift's lead acknowledges it.

use std::collections::{BTreeMap, HashMap};

use arbiter_contract::*;
use sqlx::AnyConnection;

use super::{access, input, overview};
use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::mutation::{Mutation, Versioned};
use crate::store::handovers::{self, put_handover};
use crate::store::{next_id, reads, Scope};

/// The most tickets one handover lists; the rest are counted in `items_omitted`.
pub const MAX_ITEMS: usize = 1_000;
pub const MAX_NOTES: usize = 200;
pub const SUMMARY_MAX: usize = 20_000;
pub const NOTE_MAX: usize = 2_000;
pub const LIST_DEFAULT: u32 = 20;
pub const LIST_MAX: u32 = 100;

impl Versioned for Handover {
    fn version(&self) -> i64 {
        self.version
    }
    fn stale(&self, _base: i64) -> ApiFailure {
        let by = self.acknowledged_by_name.as_deref().unwrap_or("someone");
        ApiFailure::new(
            axum::http::StatusCode::CONFLICT,
            ErrorCode::Conflict,
            format!("handover {} was already acknowledged by {by} (version {})", self.id, self.version),
        )
    }
}

/// The caller's teams' handovers (or one team's), newest first.
pub async fn list(
    conn: &mut AnyConnection,
    caller: &Caller,
    query: &HandoverQuery,
) -> Result<Vec<Handover>, ApiFailure> {
    let teams: Vec<String> = match &query.team {
        Some(team) if caller.vis.teams.contains(team) => vec![team.clone()],
        Some(team) => return Err(ApiFailure::forbidden(format!("you do not lead {team}"))),
        None => caller.vis.teams.clone(),
    };
    let limit = input::page_size(query.limit, LIST_DEFAULT, LIST_MAX)?;
    Ok(handovers::of_teams(conn, &teams, limit).await?)
}

/// Hands a team's shift over: the answer is the handover as stored, with the team's numbers
/// and work as they stood.
pub async fn create(m: &mut Mutation, body: &NewHandover) -> Result<Handover, ApiFailure> {
    if !m.caller.vis.teams.contains(&body.team) {
        return Err(ApiFailure::forbidden(format!("you do not lead {}", body.team)));
    }
    let summary = input::text_field(&body.summary, "the summary", SUMMARY_MAX)?;
    if body.notes.len() > MAX_NOTES {
        return Err(ApiFailure::bad_request(format!("at most {MAX_NOTES} ticket notes")));
    }
    if body.shift_started_at > m.now {
        return Err(ApiFailure::unprocessable("the shift cannot start in the future"));
    }
    // The lead's notes, on tickets they can see (the last note on a ticket wins).
    let mut notes: HashMap<TicketId, String> = HashMap::new();
    let mut noted: Vec<Ticket> = Vec::new();
    for note in &body.notes {
        let text = input::text_field(&note.note, &format!("the note on ticket {}", note.ticket_id), NOTE_MAX)?;
        let ticket = access::ticket(&mut m.tx, &m.caller, note.ticket_id).await?;
        if notes.insert(ticket.id, text).is_none() {
            noted.push(ticket);
        }
    }
    let team = body.team.clone();
    let members = handovers::members(&mut m.tx, &team).await?;
    let overview = overview::of_teams(&mut m.tx, std::slice::from_ref(&team), &members, m.now).await?;
    let totals = overview.queues.into_iter().next().ok_or_else(ApiFailure::internal)?;

    // The work: every assigned active ticket of the queue, unassigned ones that press, noted ones.
    let mut tickets = handovers::active_tickets(&mut m.tx, &team).await?;
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
    let omitted = cap_items(&mut items);
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
    Ok(handover)
}

/// Keeps the first `MAX_ITEMS` (and every noted ticket: the lead wrote about them); returns
/// how many were left out.
fn cap_items(items: &mut Vec<HandoverItem>) -> usize {
    let omitted = items.len().saturating_sub(MAX_ITEMS);
    if omitted > 0 {
        let mut kept = 0;
        items.retain(|item| {
            kept += 1;
            kept <= MAX_ITEMS || item.note.is_some()
        });
    }
    omitted
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

/// The next shift's lead takes the handover over. The author cannot; one already
/// acknowledged answers 409 with who did.
pub async fn acknowledge(m: &mut Mutation, id: i64) -> Result<Handover, ApiFailure> {
    let handover = access::handover(&mut m.tx, &m.caller, id).await?;
    if handover.author_id == m.caller.id() {
        return Err(ApiFailure::forbidden("the next shift acknowledges a handover, not its author"));
    }
    let handover = m.at_base(handover)?;
    if handover.acknowledged_at.is_some() {
        return Err(handover.stale(handover.version));
    }
    let mut next = handover.clone();
    next.acknowledged_by = Some(m.caller.id());
    next.acknowledged_by_name = Some(m.caller.agent.name.clone());
    next.acknowledged_at = Some(m.now);
    next.version += 1;
    put_handover(&mut m.tx, &next).await?;
    m.audit("handover.acknowledge", "handover", id, Some(&handover), Some(&next)).await?;
    m.publish(StreamPayload::Handover { handover: Box::new(next.clone()) }, vec![Scope::leads_of(&next.team)]);
    Ok(next)
}
