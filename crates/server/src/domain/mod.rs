//! Business rules the handlers, the generator and the simulator share.

pub mod money;
pub mod overview;

use arbiter_contract::*;
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use crate::error::ApiFailure;
use crate::store::{reads, rows};

/// The HTML part of an email written as plain text: one paragraph per blank-line block.
pub fn text_to_email_html(text: &str) -> String {
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", escape_html(p).replace('\n', "<br>")))
        .collect();
    format!("<div>{}</div>", paragraphs.join(""))
}

/// Minimal HTML escaping for text placed in element content.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Tags are trimmed, lower-case, without spaces, unique, at most 32 of 40 characters each.
pub fn normalize_tags(tags: &[String]) -> Result<Vec<String>, ApiFailure> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().to_lowercase().replace(char::is_whitespace, "-");
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > 40 {
            return Err(ApiFailure::bad_request(format!("tag {tag:?} is longer than 40 characters")));
        }
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > 32 {
        return Err(ApiFailure::bad_request("a ticket may have at most 32 tags"));
    }
    Ok(out)
}

/// Applies a ticket update after checking its values; returns the new state (version +1).
pub async fn update_ticket(
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
                return Err(ApiFailure::bad_request(format!("agent {agent_id} does not exist")));
            }
        }
        next.assignee_id = assignee;
    }
    if let Some(queue) = &update.queue {
        match reads::team(conn, queue).await? {
            Some(team) if team.kind == TeamKind::Support => next.queue = team.id,
            Some(_) => return Err(ApiFailure::bad_request(format!("{queue} is an internal team, not a queue"))),
            None => return Err(ApiFailure::bad_request(format!("queue {queue:?} does not exist"))),
        }
    }
    if let Some(tags) = &update.tags {
        next.tags = normalize_tags(tags)?;
    }
    if !update.add_tags.is_empty() {
        let mut tags = next.tags.clone();
        tags.extend(update.add_tags.iter().cloned());
        next.tags = normalize_tags(&tags)?;
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

/// A message by an agent, with the email parts for email tickets.
pub fn agent_message(
    id: i64,
    ticket: &Ticket,
    agent: &Agent,
    text: &str,
    now: DateTime<Utc>,
    client_ref: Option<String>,
) -> Message {
    let email = ticket.channel == Channel::Email;
    Message {
        id,
        ticket_id: ticket.id,
        author_kind: AuthorKind::Agent,
        author_agent_id: Some(agent.id),
        author_name: agent.name.clone(),
        text: text.to_owned(),
        html: email.then(|| text_to_email_html(text)),
        email: email.then(|| EmailEnvelope {
            from: format!("support+{}@arbiter.example", ticket.id),
            to: Vec::new(),
            cc: Vec::new(),
            message_id: format!("<{}.{}@arbiter.example>", ticket.id, id),
        }),
        attachments: Vec::new(),
        created_at: now,
        client_ref,
    }
}

/// Stores a ticket's new state and its message in one go (used by replies and the simulator).
pub async fn next_message_id(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    rows::next_id(conn, "messages").await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_html_escapes_and_splits_paragraphs() {
        let html = text_to_email_html("Hi <b>Ana</b>,\n\nline one\nline two");
        assert_eq!(html, "<div><p>Hi &lt;b&gt;Ana&lt;/b&gt;,</p><p>line one<br>line two</p></div>");
    }

    #[test]
    fn tags_are_normalized() {
        let tags = normalize_tags(&[" VIP ".into(), "card chargeback".into(), "vip".into(), "".into()]).unwrap();
        assert_eq!(tags, vec!["vip", "card-chargeback"]);
        assert!(normalize_tags(&["x".repeat(41)]).is_err());
    }
}
