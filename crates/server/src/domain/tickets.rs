//! Tickets: how an update, an agent's reply and a customer's message change one, and the
//! use cases that read and change them.

use arbiter_contract::widget::WidgetEvent;
use arbiter_contract::*;
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::{access, input};
use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::mutation::{Mutation, Versioned};
use crate::store::rescope::write_ticket;
use crate::store::{reads, Scope};

/// The most tickets one bulk update takes.
pub const BULK_MAX: usize = 500;

impl Versioned for Ticket {
    fn version(&self) -> i64 {
        self.version
    }
    fn stale(&self, base: i64) -> ApiFailure {
        ApiFailure::conflict(
            Entity::Ticket(self.clone()),
            format!("ticket {} changed since version {base}; it is at version {}", self.id, self.version),
        )
    }
}

/// A ticket with its customer and everything said on it.
pub async fn detail(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<TicketDetail, ApiFailure> {
    let ticket = access::ticket(conn, caller, id).await?;
    let customer = reads::customer(conn, ticket.customer_id).await?.ok_or_else(ApiFailure::internal)?;
    let children = reads::ticket_children(conn, id).await?;
    Ok(TicketDetail {
        ticket,
        customer,
        messages: children.messages,
        notes: children.notes,
        side_conversations: children.side_conversations,
        side_messages: children.side_messages,
    })
}

/// Changes status, priority, assignee, queue or tags, on the version the change was made on.
pub async fn update(m: &mut Mutation, id: i64, update: &TicketUpdate) -> Result<Ticket, ApiFailure> {
    if update.is_empty() {
        return Err(ApiFailure::unprocessable("the update changes nothing"));
    }
    let ticket = access::ticket(&mut m.tx, &m.caller, id).await?;
    let ticket = m.at_base(ticket)?;
    let next = apply_update(&mut m.tx, &ticket, update, m.now).await?;
    write_ticket(&mut m.tx, &ticket, &next).await?;
    m.audit("ticket.update", "ticket", id, Some(&ticket), Some(&next)).await?;
    publish_moves(m, &ticket, &next);
    tell_the_chat(m, &ticket, &next).await?;
    Ok(next)
}

/// Supervisors: one update applied to many tickets, each at its current version; the
/// tickets that cannot take it are listed with the reason.
pub async fn bulk_update(m: &mut Mutation, bulk: &BulkTicketUpdate) -> Result<BulkTicketResult, ApiFailure> {
    if bulk.ticket_ids.is_empty() || bulk.ticket_ids.len() > BULK_MAX {
        return Err(ApiFailure::bad_request(format!("give 1 to {BULK_MAX} ticket ids")));
    }
    if bulk.update.is_empty() {
        return Err(ApiFailure::unprocessable("the update changes nothing"));
    }
    // What the request itself must be is checked once, before any ticket is tried.
    check_update(&bulk.update)?;
    let mut result = BulkTicketResult { updated: Vec::new(), failed: Vec::new() };
    for &id in &bulk.ticket_ids {
        let ticket = match access::ticket(&mut m.tx, &m.caller, id).await {
            Ok(ticket) => ticket,
            Err(failure) => {
                result.failed.push(BulkFailure { ticket_id: id, message: failure.body.message });
                continue;
            }
        };
        match apply_update(&mut m.tx, &ticket, &bulk.update, m.now).await {
            Ok(next) => {
                write_ticket(&mut m.tx, &ticket, &next).await?;
                m.audit("ticket.bulk_update", "ticket", id, Some(&ticket), Some(&next)).await?;
                publish_moves(m, &ticket, &next);
                tell_the_chat(m, &ticket, &next).await?;
                result.updated.push(next);
            }
            Err(failure) => result.failed.push(BulkFailure { ticket_id: id, message: failure.body.message }),
        }
    }
    Ok(result)
}

/// A ticket that changed hands or queue is news to its old and new viewers.
fn publish_moves(m: &mut Mutation, before: &Ticket, after: &Ticket) {
    if before.assignee_id != after.assignee_id || before.queue != after.queue {
        m.publish(
            StreamPayload::Assignment { ticket: after.clone() },
            vec![Scope::of_ticket(before), Scope::of_ticket(after)],
        );
    }
}

/// A live chat's customer hears what an agent's change means for them: someone joined, or
/// the chat ended.
async fn tell_the_chat(m: &mut Mutation, before: &Ticket, after: &Ticket) -> Result<(), ApiFailure> {
    if after.channel != Channel::Chat {
        return Ok(());
    }
    if before.status.is_active() && !after.status.is_active() {
        m.tell_customer(after.id, WidgetEvent::Ended);
    } else if let Some(agent_id) = after.assignee_id.filter(|a| before.assignee_id != Some(*a)) {
        if let Some(agent) = reads::agent(&mut m.tx, agent_id).await? {
            m.tell_customer(after.id, WidgetEvent::AgentJoined { agent_name: agent.name });
        }
    }
    Ok(())
}

/// What an update must be whatever ticket it is for: its tags as the document says.
fn check_update(update: &TicketUpdate) -> Result<(), ApiFailure> {
    if let Some(tags) = &update.tags {
        input::normalize_tags(tags)?;
    }
    input::normalize_tags(&update.add_tags)?;
    Ok(())
}

/// Applies a ticket update after checking its values; returns the new state (version +1).
pub async fn apply_update(
    conn: &mut AnyConnection,
    ticket: &Ticket,
    update: &TicketUpdate,
    now: DateTime<Utc>,
) -> Result<Ticket, ApiFailure> {
    let mut next = ticket.clone();
    if let Some(status) = update.status {
        next.status = status;
        // Pending (waiting on the customer) stops the clocks; leaving it moves the deadlines.
        next.sla = arbiter_policy::sla::after_status_change(&ticket.sla, ticket.status, status, now);
        next.solved_at = match status {
            TicketStatus::Solved | TicketStatus::Closed => ticket.solved_at.or(Some(now)),
            _ => None,
        };
    }
    if let Some(priority) = update.priority {
        next.priority = priority;
    }
    if let Some(assignee) = update.assignee_id {
        if let Some(agent_id) = assignee {
            if reads::agent(conn, agent_id).await?.is_none() {
                return Err(ApiFailure::unprocessable(format!("agent {agent_id} does not exist")));
            }
        }
        next.assignee_id = assignee;
    }
    if let Some(queue) = &update.queue {
        match reads::team(conn, queue).await? {
            Some(team) if team.kind == TeamKind::Support => next.queue = team.id,
            Some(_) => return Err(ApiFailure::unprocessable(format!("{queue} is an internal team, not a queue"))),
            None => return Err(ApiFailure::unprocessable(format!("queue {queue:?} does not exist"))),
        }
    }
    if let Some(tags) = &update.tags {
        next.tags = input::normalize_tags(tags)?;
    }
    if !update.add_tags.is_empty() {
        next.tags = input::with_added_tags(&next.tags, &update.add_tags)?;
    }
    next.updated_at = now;
    next.version += 1;
    Ok(next)
}

/// Where a ticket's conversation went after an agent answered: a new ticket opens, an
/// unassigned one goes to whoever answered, the SLA clock stops.
pub fn after_agent_reply(ticket: &Ticket, agent_id: i64, now: DateTime<Utc>) -> Ticket {
    let mut next = ticket.clone();
    if next.status == TicketStatus::New {
        next.status = TicketStatus::Open;
    }
    next.assignee_id = next.assignee_id.or(Some(agent_id));
    next.sla = arbiter_policy::sla::agent_replied(&ticket.sla, now);
    next.updated_at = now;
    next.version += 1;
    next
}

/// Where a ticket went after its customer wrote: it needs us again and the next-response
/// clock starts.
pub fn after_customer_message(ticket: &Ticket, policy: &SlaPolicy, vip: bool, now: DateTime<Utc>) -> Ticket {
    let mut next = ticket.clone();
    next.status = match ticket.status {
        TicketStatus::New => TicketStatus::New,
        _ => TicketStatus::Open,
    };
    next.solved_at = None;
    let resumed = arbiter_policy::sla::after_status_change(&ticket.sla, ticket.status, next.status, now);
    next.sla = arbiter_policy::sla::customer_wrote(policy, &resumed, ticket.channel, vip, now);
    next.updated_at = now;
    next.version += 1;
    next
}

/// The ticket touched by a change under it (a note, a side conversation): a new version.
pub fn touched(ticket: &Ticket, now: DateTime<Utc>) -> Ticket {
    let mut next = ticket.clone();
    next.updated_at = now;
    next.version += 1;
    next
}
