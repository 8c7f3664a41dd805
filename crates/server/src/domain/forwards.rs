//! Forwarding a ticket's message to someone outside (a card network's contact, the customer's
//! bank, law enforcement) by email. It becomes a side conversation by email: out of the
//! customer's sight, mailed from the ticket's mailbox with the message's files, and whatever
//! the outside party answers (threaded by Message-ID) joins that side conversation, never the
//! customer's thread. The agent's later messages in it are mailed to them too.

use arbiter_contract::*;
use arbiter_mime::{InboundMail, Mailbox};
use chrono::{DateTime, Utc};

use super::{access, tickets};
use crate::db::Tx;
use crate::error::ApiFailure;
use crate::mailroom::MailConfig;
use crate::mutation::Mutation;
use crate::store::entities::{put_side_conversation, put_side_message, put_ticket};
use crate::store::{files, mail as mail_store, next_id, outgoing_files, reads, Scope};

/// Side conversations by email name this as their team.
pub const EMAIL_TEAM: &str = "email";
/// Longest outside address accepted (RFC 5321's path limit).
pub const ADDRESS_MAX: usize = 254;

/// Forwards message `body.message_id` of the ticket to `body.to`, with the agent's note above.
pub async fn forward(
    m: &mut Mutation,
    ticket_id: i64,
    body: &ForwardMessage,
    mail: Option<&MailConfig>,
) -> Result<SideConversation, ApiFailure> {
    let to = outside_address(&body.to, mail)?;
    let note = body.body.trim();
    if note.chars().count() > REPLY_MAX_CHARS {
        return Err(ApiFailure::bad_request(format!("the note may hold at most {REPLY_MAX_CHARS} characters")));
    }
    let ticket = access::ticket(&mut m.tx, &m.caller, ticket_id).await?;
    let original = mail_store::message(&mut m.tx, body.message_id)
        .await?
        .filter(|message| message.ticket_id == ticket.id)
        .ok_or_else(|| ApiFailure::not_found(format!("ticket {ticket_id} has no message {}", body.message_id)))?;
    let subject = format!("Fwd: {}", arbiter_mime::first_subject(&ticket.subject, ticket.id));
    let side = SideConversation {
        id: next_id(&mut m.tx, "side_conversations").await?,
        ticket_id,
        team: EMAIL_TEAM.into(),
        subject: subject.chars().take(super::conversation::SUBJECT_MAX).collect(),
        status: SideConversationStatus::Open,
        created_by: m.caller.id(),
        created_at: m.now,
        updated_at: m.now,
        version: 1,
        email_to: Some(to),
    };
    let mut first = SideMessage {
        id: next_id(&mut m.tx, "side_messages").await?,
        side_conversation_id: side.id,
        ticket_id,
        author_agent_id: Some(m.caller.id()),
        author_name: m.caller.agent.name.clone(),
        text: forwarded_text(note, &original),
        created_at: m.now,
        client_ref: Some(m.key().to_owned()),
        attachments: original.attachments.clone(),
        delivery: None,
    };
    let scope = Scope::of_ticket(&ticket);
    if let Some(mail) = mail {
        let (key, now) = (m.key().to_owned(), m.now);
        super::mail_outbound::queue_side(&mut m.tx, mail, &ticket, &side, &mut first, &key, now).await?;
    }
    put_side_conversation(&mut m.tx, &side, &scope).await?;
    put_side_message(&mut m.tx, &first, &scope).await?;
    for file in &first.attachments {
        outgoing_files::link_side_file(&mut m.tx, &file.sha256, first.id, ticket_id).await?;
    }
    put_ticket(&mut m.tx, &tickets::touched(&ticket, m.now)).await?;
    m.audit("ticket.forward", "side_conversation", side.id, None, Some(&side)).await?;
    m.publish(StreamPayload::SideMessageCreated { conversation: side.clone(), message: first }, vec![scope]);
    Ok(side)
}

/// The outside party's answer in side conversation `side_id` by email: a side message with
/// its files, and the conversation open again. None when it is no thread by email (the mail
/// then goes the ordinary way).
pub async fn outside_answer(
    tx: &mut Tx,
    side_id: i64,
    mail: &InboundMail,
    from: &Mailbox,
    now: DateTime<Utc>,
) -> Result<Option<(SideConversation, SideMessage, Scope)>, sqlx::Error> {
    let Some(side) = reads::side_conversation(tx, side_id).await?.filter(|s| s.email_to.is_some()) else {
        return Ok(None);
    };
    let Some(ticket) = reads::ticket(tx, side.ticket_id).await? else { return Ok(None) };
    let message = SideMessage {
        id: next_id(tx, "side_messages").await?,
        side_conversation_id: side.id,
        ticket_id: ticket.id,
        author_agent_id: None,
        author_name: from.name.clone().unwrap_or_else(|| from.address.clone()),
        text: mail.text.clone(),
        created_at: now,
        client_ref: None,
        attachments: super::mail_intake::attachments_of(mail),
        delivery: None,
    };
    for part in &mail.attachments {
        files::put_file(tx, &part.sha256, &part.bytes).await?;
        outgoing_files::link_side_file(tx, &part.sha256, message.id, ticket.id).await?;
    }
    let scope = Scope::of_ticket(&ticket);
    put_side_message(tx, &message, &scope).await?;
    let mut next = side;
    next.status = SideConversationStatus::Open;
    next.updated_at = now;
    next.version += 1;
    put_side_conversation(tx, &next, &scope).await?;
    Ok(Some((next, message, scope)))
}

/// One plain address outside the desk: no display name, no list, not one of the desk's own
/// mailboxes (that would loop back in as a new ticket).
fn outside_address(to: &str, mail: Option<&MailConfig>) -> Result<String, ApiFailure> {
    let to = to.trim().to_ascii_lowercase();
    let refused = |why: &str| ApiFailure::unprocessable(format!("{to:?} {why}"));
    if to.len() > ADDRESS_MAX || to.parse::<lettre::Address>().is_err() {
        return Err(refused("is not one email address"));
    }
    if mail.is_some_and(|mail| mail.own_addresses().contains(&to)) {
        return Err(refused("is one of the desk's own mailboxes"));
    }
    Ok(to)
}

/// The agent's note, then the message as mail programs forward one.
fn forwarded_text(note: &str, original: &Message) -> String {
    let from = match &original.email {
        Some(envelope) if !envelope.from.is_empty() => format!("{} <{}>", original.author_name, envelope.from),
        _ => original.author_name.clone(),
    };
    let mut text = String::new();
    if !note.is_empty() {
        text.push_str(note);
        text.push_str("\n\n");
    }
    text.push_str("---------- Forwarded message ----------\n");
    text.push_str(&format!("From: {from}\nDate: {}\n", header_date(original.created_at)));
    if let Some(envelope) = &original.email {
        if !envelope.to.is_empty() {
            text.push_str(&format!("To: {}\n", envelope.to.join(", ")));
        }
    }
    text.push('\n');
    text.push_str(&original.text);
    text
}

fn header_date(at: DateTime<Utc>) -> String {
    at.format("%a, %d %b %Y %H:%M UTC").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_addresses_are_one_plain_address() {
        assert_eq!(outside_address(" Disputes@Bank.Example ", None).unwrap(), "disputes@bank.example");
        for bad in ["", "bank", "a@b.example, c@d.example", "Bank <a@b.example>", "a@b.example\r\nBcc: x@y.example"] {
            assert!(outside_address(bad, None).is_err(), "{bad:?}");
        }
    }
}
