//! Writing on a ticket: replies to the customer, internal notes, side conversations with
//! internal teams, and the typing indicator.

use arbiter_contract::stream::Typist;
use arbiter_contract::*;
use chrono::{DateTime, Utc};

use super::{access, email, input, tickets};
use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::mailroom::MailConfig;
use crate::mutation::Mutation;
use crate::store::entities::{put_message, put_note, put_side_conversation, put_side_message, put_ticket};
use crate::store::rescope::write_ticket;
use crate::store::{next_id, reads, Scope};
use crate::AppState;

pub const SUBJECT_MAX: usize = 300;

/// Answers the customer: the ticket opens, goes to whoever answered if it had no one, and
/// its response clock stops. On an email ticket of a server with a sending mailbox, the
/// reply is queued for SMTP (`mailroom::smtp`) with its Message-ID fixed now.
pub async fn reply(
    m: &mut Mutation,
    ticket_id: i64,
    body: &PostReply,
    mail: Option<&MailConfig>,
) -> Result<Message, ApiFailure> {
    let text = input::text_field(&body.body, "the reply", REPLY_MAX_CHARS)?;
    let ticket = access::ticket(&mut m.tx, &m.caller, ticket_id).await?;
    let files = super::attachments::outgoing(&mut m.tx, &m.caller, &body.attachments).await?;
    let id = next_id(&mut m.tx, "messages").await?;
    let mut message = agent_message(id, &ticket, &m.caller.agent, &text, m.now, Some(m.key().to_owned()));
    message.attachments = files;
    if ticket.channel == Channel::Email {
        if let Some(mail) = mail {
            let (key, now) = (m.key().to_owned(), m.now);
            super::mail_outbound::queue(&mut m.tx, mail, &ticket, &mut message, &key, now).await?;
        }
    }
    let next = tickets::after_agent_reply(&ticket, m.caller.id(), m.now);
    // The ticket may gain an assignee; its messages then belong to the new scope.
    write_ticket(&mut m.tx, &ticket, &next).await?;
    put_message(&mut m.tx, &message, &Scope::of_ticket(&next)).await?;
    for file in &message.attachments {
        crate::store::mail::link_file(&mut m.tx, &file.sha256, message.id, ticket_id).await?;
    }
    m.audit("ticket.reply", "message", id, None, Some(&message)).await?;
    m.publish(
        StreamPayload::MessageCreated { message: message.clone(), ticket: Some(Box::new(next.clone())) },
        vec![Scope::of_ticket(&next)],
    );
    if ticket.assignee_id != next.assignee_id {
        m.publish(StreamPayload::Assignment { ticket: next.clone() }, vec![Scope::of_ticket(&next)]);
    }
    Ok(message)
}

/// An internal note, for agents only.
pub async fn note(m: &mut Mutation, ticket_id: i64, body: &PostNote) -> Result<Note, ApiFailure> {
    let text = input::text_field(&body.body, "the note", REPLY_MAX_CHARS)?;
    let ticket = access::ticket(&mut m.tx, &m.caller, ticket_id).await?;
    let attachments = super::attachments::outgoing(&mut m.tx, &m.caller, &body.attachments).await?;
    let note = Note {
        id: next_id(&mut m.tx, "notes").await?,
        ticket_id,
        author_agent_id: m.caller.id(),
        author_name: m.caller.agent.name.clone(),
        text,
        created_at: m.now,
        client_ref: Some(m.key().to_owned()),
        attachments,
    };
    put_note(&mut m.tx, &note, &Scope::of_ticket(&ticket)).await?;
    for file in &note.attachments {
        crate::store::outgoing_files::link_note_file(&mut m.tx, &file.sha256, note.id, ticket_id).await?;
    }
    put_ticket(&mut m.tx, &tickets::touched(&ticket, m.now)).await?;
    m.audit("ticket.note", "note", note.id, None, Some(&note)).await?;
    Ok(note)
}

/// Opens a thread with an internal team about the ticket; the ticket goes on hold.
pub async fn create_side_conversation(
    m: &mut Mutation,
    ticket_id: i64,
    body: &CreateSideConversation,
) -> Result<SideConversation, ApiFailure> {
    let subject = input::text_field(&body.subject, "the subject", SUBJECT_MAX)?;
    let text = input::text_field(&body.body, "the message", REPLY_MAX_CHARS)?;
    match reads::team(&mut m.tx, &body.team).await? {
        Some(team) if team.kind == TeamKind::Internal => {}
        _ => {
            let teams = reads::teams_of_kind(&mut m.tx, TeamKind::Internal).await?;
            let names: Vec<String> = teams.into_iter().map(|t| t.id).collect();
            return Err(ApiFailure::unprocessable(format!("side conversations go to {}", names.join(", "))));
        }
    }
    let ticket = access::ticket(&mut m.tx, &m.caller, ticket_id).await?;
    let side = SideConversation {
        id: next_id(&mut m.tx, "side_conversations").await?,
        ticket_id,
        team: body.team.clone(),
        subject,
        status: SideConversationStatus::Open,
        created_by: m.caller.id(),
        created_at: m.now,
        updated_at: m.now,
        version: 1,
        email_to: None,
    };
    let first = SideMessage {
        id: next_id(&mut m.tx, "side_messages").await?,
        side_conversation_id: side.id,
        ticket_id,
        author_agent_id: Some(m.caller.id()),
        author_name: m.caller.agent.name.clone(),
        text,
        created_at: m.now,
        client_ref: Some(m.key().to_owned()),
        attachments: Vec::new(),
        delivery: None,
    };
    let scope = Scope::of_ticket(&ticket);
    put_side_conversation(&mut m.tx, &side, &scope).await?;
    put_side_message(&mut m.tx, &first, &scope).await?;
    let mut next = tickets::touched(&ticket, m.now);
    if next.status.is_active() {
        next.sla = arbiter_policy::sla::after_status_change(&ticket.sla, ticket.status, TicketStatus::OnHold, m.now);
        next.status = TicketStatus::OnHold;
    }
    put_ticket(&mut m.tx, &next).await?;
    m.audit("side_conversation.create", "side_conversation", side.id, None, Some(&side)).await?;
    m.publish(StreamPayload::SideMessageCreated { conversation: side.clone(), message: first }, vec![scope]);
    Ok(side)
}

/// Writes in a side conversation (optionally closing it); in one by email, it is mailed.
pub async fn side_message(
    m: &mut Mutation,
    side_id: i64,
    body: &PostSideMessage,
    mail: Option<&MailConfig>,
) -> Result<SideMessage, ApiFailure> {
    let text = input::text_field(&body.body, "the message", REPLY_MAX_CHARS)?;
    let (side, ticket) = access::side_conversation(&mut m.tx, &m.caller, side_id).await?;
    let scope = Scope::of_ticket(&ticket);
    let mut message = SideMessage {
        id: next_id(&mut m.tx, "side_messages").await?,
        side_conversation_id: side_id,
        ticket_id: ticket.id,
        author_agent_id: Some(m.caller.id()),
        author_name: m.caller.agent.name.clone(),
        text,
        created_at: m.now,
        client_ref: Some(m.key().to_owned()),
        attachments: Vec::new(),
        delivery: None,
    };
    // In a thread by email (a forward), the desk's words go to the outside party too.
    if let (Some(mail), Some(_)) = (mail, &side.email_to) {
        let (key, now) = (m.key().to_owned(), m.now);
        super::mail_outbound::queue_side(&mut m.tx, mail, &ticket, &side, &mut message, &key, now).await?;
    }
    put_side_message(&mut m.tx, &message, &scope).await?;
    let mut next = side.clone();
    next.updated_at = m.now;
    next.version += 1;
    if body.close {
        next.status = SideConversationStatus::Closed;
    }
    put_side_conversation(&mut m.tx, &next, &scope).await?;
    m.audit("side_conversation.message", "side_message", message.id, None, Some(&message)).await?;
    m.publish(StreamPayload::SideMessageCreated { conversation: next, message: message.clone() }, vec![scope]);
    Ok(message)
}

/// The agent started or stopped typing on a ticket; sent live to its viewers, never stored.
pub async fn typing(state: &AppState, caller: &Caller, ticket_id: i64, typing: bool) -> Result<(), ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    let ticket = access::ticket(&mut conn, caller, ticket_id).await?;
    state.hub.publish(
        StreamPayload::Typing { ticket_id, typist: Typist::Agent, agent_id: Some(caller.id()), typing },
        vec![Scope::of_ticket(&ticket)],
    );
    Ok(())
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
    let is_email = ticket.channel == Channel::Email;
    Message {
        id,
        ticket_id: ticket.id,
        author_kind: AuthorKind::Agent,
        author_agent_id: Some(agent.id),
        author_name: agent.name.clone(),
        text: text.to_owned(),
        html: is_email.then(|| email::text_to_email_html(text)),
        email: is_email.then(|| EmailEnvelope {
            from: format!("support+{}@arbiter.example", ticket.id),
            to: Vec::new(),
            cc: Vec::new(),
            message_id: format!("<{}.{}@arbiter.example>", ticket.id, id),
        }),
        attachments: Vec::new(),
        mail_warnings: Vec::new(),
        delivery: None,
        created_at: now,
        client_ref,
    }
}
