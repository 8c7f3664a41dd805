//! A supervisor's teams right now: backlog by queue and status, the longest-waiting
//! customer, SLA breaches, open escalations by level and age, and every member's presence
//! and load. The board reads it live; a shift handover keeps a copy.

use std::collections::BTreeMap;

use arbiter_contract::*;
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use crate::store::{reads, routing as store};

/// The overview of `teams` (their queues) and `members` (their people) at `now`.
pub async fn of_teams(
    conn: &mut AnyConnection,
    teams: &[String],
    members: &[i64],
    now: DateTime<Utc>,
) -> Result<SupervisorOverview, sqlx::Error> {
    let tickets = reads::active_tickets_of_queues(&mut *conn, teams).await?;
    let escalations = reads::open_escalations_of_teams(&mut *conn, teams).await?;

    let mut queues: BTreeMap<String, QueueStats> = BTreeMap::new();
    for team in teams {
        queues.insert(
            team.clone(),
            QueueStats {
                queue: team.clone(),
                new: 0,
                open: 0,
                pending: 0,
                on_hold: 0,
                unassigned: 0,
                oldest_waiting_since: None,
                oldest_waiting_ticket_id: None,
                sla_breached: 0,
                sla_at_risk: 0,
                open_escalations: 0,
                open_escalations_by_level: [0; 3],
                oldest_escalation_at: None,
            },
        );
    }
    let mut load: BTreeMap<i64, i64> = BTreeMap::new();
    // New or open, per agent: (chats, emails), what the router counts against capacity.
    let mut working: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
    for ticket in &tickets {
        let Some(stats) = queues.get_mut(&ticket.queue) else { continue };
        match ticket.status {
            TicketStatus::New => stats.new += 1,
            TicketStatus::Open => stats.open += 1,
            TicketStatus::Pending => stats.pending += 1,
            TicketStatus::OnHold => stats.on_hold += 1,
            _ => {}
        }
        if ticket.assignee_id.is_none() {
            stats.unassigned += 1;
        }
        if let Some(agent) = ticket.assignee_id {
            *load.entry(agent).or_default() += 1;
            if matches!(ticket.status, TicketStatus::New | TicketStatus::Open) {
                let entry = working.entry(agent).or_default();
                match ticket.channel {
                    Channel::Chat => entry.0 += 1,
                    Channel::Email => entry.1 += 1,
                }
            }
        }
        if arbiter_policy::sla::breached(&ticket.sla, now) {
            stats.sla_breached += 1;
        } else if matches!(ticket.status, TicketStatus::New | TicketStatus::Open)
            && arbiter_policy::sla::soonest_due(&ticket.sla)
                .is_some_and(|due| due - now <= chrono::Duration::minutes(arbiter_policy::sla::AT_RISK_MINUTES))
        {
            stats.sla_at_risk += 1;
        }
        // Waiting on us: new or open. Since when: the running response clock's start is not
        // stored, so the ticket's last change stands in for it.
        if matches!(ticket.status, TicketStatus::New | TicketStatus::Open)
            && stats.oldest_waiting_since.is_none_or(|since| ticket.updated_at < since)
        {
            stats.oldest_waiting_since = Some(ticket.updated_at);
            stats.oldest_waiting_ticket_id = Some(ticket.id);
        }
    }
    for escalation in &escalations {
        if let Some(stats) = queues.get_mut(&escalation.target_team) {
            stats.open_escalations += 1;
            let slot = match escalation.level {
                EscalationLevel::L0 | EscalationLevel::L1 => 0,
                EscalationLevel::L2 => 1,
                EscalationLevel::L3 => 2,
            };
            stats.open_escalations_by_level[slot] += 1;
            if stats.oldest_escalation_at.is_none_or(|at| escalation.created_at < at) {
                stats.oldest_escalation_at = Some(escalation.created_at);
            }
        }
    }
    let routing = reads::policy(&mut *conn).await?.routing;
    let offers = store::open_offers(&mut *conn).await?;
    let members = reads::agents(&mut *conn, members).await?;
    let agents = members
        .into_iter()
        .map(|agent| {
            let (capacity, _) = routing.agent(agent.id);
            let (open_chats, open_emails) = working.get(&agent.id).copied().unwrap_or_default();
            AgentLoad {
                agent_id: agent.id,
                name: agent.name,
                team: agent.team,
                presence: agent.presence,
                active_tickets: load.get(&agent.id).copied().unwrap_or(0),
                open_chats,
                open_emails,
                offered_chats: offers.iter().filter(|o| o.agent_id == agent.id).count() as i64,
                chat_capacity: capacity.chat,
                email_capacity: capacity.email,
            }
        })
        .collect();
    let mut waiting = Vec::new();
    for entry in store::queued(&mut *conn).await? {
        let Some(ticket) = tickets.iter().find(|t| t.id == entry.ticket_id && t.assignee_id.is_none()) else {
            continue;
        };
        waiting.push(WaitingConversation {
            ticket_id: ticket.id,
            channel: ticket.channel,
            queue: ticket.queue.clone(),
            language: ticket.language.clone(),
            topic: ticket.topic,
            waiting_since: entry.waiting_since,
            offered_to: offers.iter().find(|o| o.ticket_id == ticket.id).map(|o| o.agent_id),
            passed_over: entry.passed_over.len() as i64,
        });
    }
    Ok(SupervisorOverview { queues: queues.into_values().collect(), agents, waiting, at: now })
}
