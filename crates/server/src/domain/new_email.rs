//! The agent writes first: a new email conversation with a customer (documents a withdrawal
//! needs, a follow-up to a chat, news of a case). It is a ticket like any other, in a queue
//! the agent works and assigned to them, waiting on the customer; the first message is
//! mailed from the queue's mailbox and the customer's answer threads into it.

use arbiter_contract::*;

use super::{access, attachments, input, tickets};
use crate::error::ApiFailure;
use crate::mailroom::MailConfig;
use crate::mutation::Mutation;
use crate::store::entities::{put_message, put_ticket};
use crate::store::{next_id, reads, Scope};

use super::conversation::{agent_message, SUBJECT_MAX};

/// Opens the ticket and queues its first message for SMTP (when the server sends mail).
pub async fn start(
    m: &mut Mutation,
    body: &StartEmailConversation,
    mail: Option<&MailConfig>,
) -> Result<StartedConversation, ApiFailure> {
    let subject = input::text_field(&body.subject, "the subject", SUBJECT_MAX)?;
    let text = input::text_field(&body.body, "the message", REPLY_MAX_CHARS)?;
    let customer = access::customer(&mut m.tx, &m.caller, body.customer_id).await?;
    let queue = queue_of_caller(m, &body.queue).await?;
    if customer.email.trim().is_empty() {
        return Err(ApiFailure::unprocessable(format!("{} has no email address on file", customer.name)));
    }
    let files = attachments::outgoing(&mut m.tx, &m.caller, &body.attachments).await?;
    let policy = reads::policy(&mut m.tx).await?;
    let vip = customer.vip_tier.is_vip();
    let opened = Ticket {
        id: next_id(&mut m.tx, "tickets").await?,
        channel: Channel::Email,
        kind: TicketKind::Inquiry,
        subject,
        status: TicketStatus::New,
        priority: if vip { Priority::High } else { Priority::Normal },
        queue,
        assignee_id: Some(m.caller.id()),
        customer_id: customer.id,
        language: customer.language.clone(),
        tags: vec!["email".into(), "outbound".into()],
        sla: arbiter_policy::sla::opened(&policy.sla, Channel::Email, vip, m.now),
        escalation_level: EscalationLevel::L0,
        case_id: None,
        topic: None,
        routed: None,
        csat: None,
        created_at: m.now,
        updated_at: m.now,
        solved_at: None,
        version: 1,
    };
    // Answered by its own first message, then waiting on the customer (its clocks paused).
    let mut ticket = tickets::after_agent_reply(&opened, m.caller.id(), m.now);
    ticket.sla = arbiter_policy::sla::after_status_change(&ticket.sla, ticket.status, TicketStatus::Pending, m.now);
    ticket.status = TicketStatus::Pending;
    ticket.version = 1;

    let id = next_id(&mut m.tx, "messages").await?;
    let mut message = agent_message(id, &ticket, &m.caller.agent, &text, m.now, Some(m.key().to_owned()));
    message.attachments = files;
    if let Some(mail) = mail {
        let (key, now) = (m.key().to_owned(), m.now);
        super::mail_outbound::queue(&mut m.tx, mail, &ticket, &mut message, &key, now).await?;
    }
    let scope = Scope::of_ticket(&ticket);
    put_ticket(&mut m.tx, &ticket).await?;
    put_message(&mut m.tx, &message, &scope).await?;
    for file in &message.attachments {
        crate::store::mail::link_file(&mut m.tx, &file.sha256, message.id, ticket.id).await?;
    }
    m.audit("ticket.start_email", "ticket", ticket.id, None, Some(&ticket)).await?;
    m.publish(
        StreamPayload::MessageCreated { message: message.clone(), ticket: Some(Box::new(ticket.clone())) },
        vec![scope],
    );
    Ok(StartedConversation { ticket, message })
}

/// The queue named, if it is a support queue the caller works.
async fn queue_of_caller(m: &mut Mutation, queue: &str) -> Result<String, ApiFailure> {
    let queue = queue.trim().to_ascii_lowercase();
    let works_it = m.caller.vis.teams.contains(&queue);
    match reads::team(&mut m.tx, &queue).await? {
        Some(team) if team.kind == TeamKind::Support && works_it => Ok(queue),
        _ => {
            let mut own: Vec<String> = Vec::new();
            for team in &m.caller.vis.teams {
                if reads::team(&mut m.tx, team).await?.is_some_and(|t| t.kind == TeamKind::Support) {
                    own.push(team.clone());
                }
            }
            Err(ApiFailure::unprocessable(if own.is_empty() {
                "you work no support queue to write from".to_string()
            } else {
                format!("a new conversation belongs to one of your queues: {}", own.join(", "))
            }))
        }
    }
}
