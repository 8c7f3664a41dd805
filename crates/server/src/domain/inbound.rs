//! What arrives from outside the desk: a customer writing or typing (through the company's
//! chat widget or mail gateway) and an internal team answering a side conversation (through
//! the tool the team works in). The channel gateway's HTTP routes and the traffic simulator
//! both write through here, so simulated and real traffic take one path.

use arbiter_contract::stream::Typist;
use arbiter_contract::*;
use chrono::{DateTime, Utc};

use super::{email, input, tickets};
use crate::error::ApiFailure;
use crate::store::entities::{put_escalation, put_message, put_side_conversation, put_side_message, put_ticket};
use crate::store::{next_id, reads, Scope};
use crate::AppState;

/// Longest name an internal team's tool may give the person who answered.
pub const AUTHOR_NAME_MAX: usize = 200;

/// Tells the agents on the ticket that the customer is (or stopped) typing; never stored.
pub fn customer_typing(state: &AppState, ticket: &Ticket, typing: bool) {
    state.hub.publish(
        StreamPayload::Typing { ticket_id: ticket.id, typist: Typist::Customer, agent_id: None, typing },
        vec![Scope::of_ticket(ticket)],
    );
}

/// Stores a customer's message on a ticket: the ticket reopens and its clocks move, and a
/// message in the escalation matrix's sensitive language raises an L2 escalation. `None`
/// when the ticket does not exist.
pub async fn customer_message(
    state: &AppState,
    ticket_id: TicketId,
    text: &str,
    html: Option<String>,
) -> Result<Option<Message>, sqlx::Error> {
    let now = Utc::now();
    let mut tx = state.db.begin_write().await?;
    let Some(current) = reads::ticket(&mut tx, ticket_id).await? else { return Ok(None) };
    let Some(customer) = reads::customer(&mut tx, current.customer_id).await? else { return Ok(None) };
    let mut message = message_from(next_id(&mut tx, "messages").await?, &current, &customer, text, now);
    if let Some(html) = html.filter(|_| current.channel == Channel::Email) {
        message.html = Some(html);
    }
    let added = add_customer_message(&mut tx, &current, &customer, message, now).await?;
    tx.commit().await?;
    added.publish(state, &current);
    Ok(Some(added.message))
}

/// A customer's message stored on its ticket, to announce once committed.
pub(crate) struct AddedMessage {
    pub message: Message,
    /// The ticket as it now is (escalated, when the message raised one).
    pub ticket: Ticket,
    pub escalation: Option<Escalation>,
}

impl AddedMessage {
    /// Tells the desks; `before` is the ticket as it was (its viewers stop seeing typing).
    pub fn publish(&self, state: &AppState, before: &Ticket) {
        customer_typing(state, before, false);
        let scope = Scope::of_ticket(&self.ticket);
        state.hub.publish(
            StreamPayload::MessageCreated {
                message: self.message.clone(),
                ticket: Some(Box::new(self.ticket.clone())),
            },
            vec![scope],
        );
        if let Some(escalation) = &self.escalation {
            state.hub.publish(
                StreamPayload::Escalation { escalation: escalation.clone() },
                vec![Scope::of_escalation(escalation, Some(&self.ticket))],
            );
        }
    }
}

/// Writes a customer's message on `current` in `tx`: the ticket's status and clocks move,
/// and sensitive language raises an L2 escalation to compliance.
pub(crate) async fn add_customer_message(
    tx: &mut crate::db::Tx,
    current: &Ticket,
    customer: &Customer,
    message: Message,
    now: DateTime<Utc>,
) -> Result<AddedMessage, sqlx::Error> {
    let policy = reads::policy(tx).await?;
    let next = tickets::after_customer_message(current, &policy.sla, customer.vip_tier.is_vip(), now);
    put_ticket(tx, &next).await?;
    put_message(tx, &message, &Scope::of_ticket(&next)).await?;
    let Some(word) = crate::generator::sensitive_word(&policy.escalation, &next.language, &message.text) else {
        return Ok(AddedMessage { message, ticket: next, escalation: None });
    };
    let escalation = raise(
        tx,
        &next,
        EscalationLevel::L2,
        EscalationReason::SensitiveLanguage,
        format!("the customer wrote \u{201c}{word}\u{201d}"),
        "compliance",
    )
    .await?;
    let mut escalated = next;
    escalated.escalation_level = escalated.escalation_level.max(EscalationLevel::L2);
    escalated.version += 1;
    put_ticket(tx, &escalated).await?;
    Ok(AddedMessage { message, ticket: escalated, escalation: Some(escalation) })
}

/// Stores an internal team's answer in a side conversation (reopening it if it was closed,
/// since the team has more to say). `None` when the side conversation does not exist.
pub async fn team_reply(
    state: &AppState,
    side_id: i64,
    author_name: &str,
    text: &str,
) -> Result<Option<SideMessage>, sqlx::Error> {
    let now = Utc::now();
    let mut tx = state.db.begin_write().await?;
    let Some(side) = reads::side_conversation(&mut tx, side_id).await? else { return Ok(None) };
    let Some(ticket) = reads::ticket(&mut tx, side.ticket_id).await? else { return Ok(None) };
    let message = SideMessage {
        id: next_id(&mut tx, "side_messages").await?,
        side_conversation_id: side.id,
        ticket_id: ticket.id,
        author_agent_id: None,
        author_name: author_name.to_owned(),
        text: text.to_owned(),
        created_at: now,
        client_ref: None,
        attachments: Vec::new(),
        delivery: None,
    };
    let scope = Scope::of_ticket(&ticket);
    put_side_message(&mut tx, &message, &scope).await?;
    let mut next = side.clone();
    next.status = SideConversationStatus::Open;
    next.updated_at = now;
    next.version += 1;
    put_side_conversation(&mut tx, &next, &scope).await?;
    tx.commit().await?;
    state.hub.publish(StreamPayload::SideMessageCreated { conversation: next, message: message.clone() }, vec![scope]);
    Ok(Some(message))
}

/// A customer's message as the channel delivers it (emails get an envelope and HTML).
pub(crate) fn message_from(id: i64, ticket: &Ticket, customer: &Customer, text: &str, now: DateTime<Utc>) -> Message {
    let email = ticket.channel == Channel::Email;
    Message {
        id,
        ticket_id: ticket.id,
        author_kind: AuthorKind::Customer,
        author_agent_id: None,
        author_name: customer.name.clone(),
        text: text.to_owned(),
        html: email.then(|| email::text_to_email_html(text)),
        email: email.then(|| EmailEnvelope {
            from: customer.email.clone(),
            to: vec!["support@arbiter.example".into()],
            cc: vec![],
            message_id: format!("<{}.{id}@mail.example>", ticket.id),
        }),
        attachments: vec![],
        mail_warnings: Vec::new(),
        delivery: None,
        created_at: now,
        client_ref: None,
    }
}

/// A new conversation from a VIP customer goes to L1 for its queue at once (the escalation
/// matrix). Returns the ticket as it then stands, stored, and the escalation; `None` for
/// anyone else.
pub(crate) async fn escalate_new_vip(
    tx: &mut crate::db::Tx,
    ticket: &Ticket,
    customer: &Customer,
) -> Result<Option<(Ticket, Escalation)>, sqlx::Error> {
    if !customer.vip_tier.is_vip() {
        return Ok(None);
    }
    let detail = format!("{:?} tier customer", customer.vip_tier);
    let escalation =
        raise(tx, ticket, EscalationLevel::L1, EscalationReason::VipCustomer, detail, &ticket.queue).await?;
    let mut escalated = ticket.clone();
    escalated.escalation_level = escalated.escalation_level.max(EscalationLevel::L1);
    escalated.version += 1;
    put_ticket(tx, &escalated).await?;
    Ok(Some((escalated, escalation)))
}

/// Opens an escalation raised by the system (not by an agent).
pub(crate) async fn raise(
    tx: &mut crate::db::Tx,
    ticket: &Ticket,
    level: EscalationLevel,
    reason: EscalationReason,
    detail: String,
    team: &str,
) -> Result<Escalation, sqlx::Error> {
    let now = Utc::now();
    let escalation = Escalation {
        id: next_id(tx, "escalations").await?,
        ticket_id: Some(ticket.id),
        case_id: ticket.case_id,
        customer_id: Some(ticket.customer_id),
        level,
        reason,
        detail,
        target_team: team.to_owned(),
        target_agent_id: None,
        status: EscalationStatus::Open,
        raised_by: None,
        acknowledged_by: None,
        acknowledged_at: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    put_escalation(tx, &escalation, Some(ticket)).await?;
    Ok(escalation)
}

/// The gateway delivers a customer's message: checked, stored, 404 for an unknown ticket.
pub async fn receive_customer_message(
    state: &AppState,
    ticket_id: TicketId,
    body: &InboundMessage,
) -> Result<Message, ApiFailure> {
    let text = input::text_field(&body.text, "the message", REPLY_MAX_CHARS)?;
    customer_message(state, ticket_id, &text, body.html.clone())
        .await?
        .ok_or_else(|| ApiFailure::not_found(format!("ticket {ticket_id} does not exist")))
}

/// The gateway says the customer is (or stopped) typing on a ticket.
pub async fn receive_customer_typing(state: &AppState, ticket_id: TicketId, typing: bool) -> Result<(), ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    let ticket = reads::ticket(&mut conn, ticket_id)
        .await?
        .ok_or_else(|| ApiFailure::not_found(format!("ticket {ticket_id} does not exist")))?;
    customer_typing(state, &ticket, typing);
    Ok(())
}

/// The gateway delivers an internal team's answer in a side conversation.
pub async fn receive_team_message(
    state: &AppState,
    side_id: i64,
    body: &InboundSideMessage,
) -> Result<SideMessage, ApiFailure> {
    let text = input::text_field(&body.text, "the message", REPLY_MAX_CHARS)?;
    let author = input::text_field(&body.author_name, "the author's name", AUTHOR_NAME_MAX)?;
    team_reply(state, side_id, &author, &text)
        .await?
        .ok_or_else(|| ApiFailure::not_found(format!("side conversation {side_id} does not exist")))
}
