//! The customer's side of a live chat, as the widget speaks it: start a chat from the
//! pre-chat form, write (each message once, whatever the retries), type, end and rate it,
//! or leave a message when nobody can chat. Every rule the widget's routes apply is here.

use arbiter_contract::widget::*;
use arbiter_contract::*;
use chrono::{DateTime, Utc};

use super::inbound::{add_customer_message, customer_typing, escalate_new_vip, message_from};
use super::input;
use super::mail_intake::UNVERIFIED_ACCOUNT_PREFIX;
use super::widget_identity::{self, Refused};
use crate::db::Tx;
use crate::error::ApiFailure;
use crate::store::entities::{put_customer, put_message, put_ticket, token_hash};
use crate::store::mail::customer_by_email;
use crate::store::widget::{self as store, WidgetChat};
use crate::store::{next_id, reads, routing, Scope};
use crate::widget_hub::{for_customer, WIDGET_REF};
use crate::AppState;

/// The languages the desk's demo staff answer in and the widget is translated into.
pub const LANGUAGES: [&str; 11] = ["en", "de", "es", "fr", "ja", "ko", "pt", "ru", "tr", "vi", "zh"];

/// What a chat token is: 32 random bytes, base64url.
fn new_token() -> String {
    use base64::Engine;
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A BCP 47 tag as the widget sends it (`en`, `zh-Hant`, `pt-BR`): letters and digits in
/// subtags of 1–8, the first 2–3 letters; lower-cased primary subtag.
fn language_tag(value: &str) -> Result<String, ApiFailure> {
    let refuse = || ApiFailure::bad_request("the language is a BCP 47 tag such as en or zh-Hant");
    let mut subtags = value.split('-');
    let primary = subtags.next().filter(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    let primary = primary.ok_or_else(refuse)?;
    let rest: Vec<&str> = subtags.collect();
    if value.len() > 35
        || rest.iter().any(|s| s.is_empty() || s.len() > 8 || !s.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return Err(refuse());
    }
    Ok(std::iter::once(primary.to_ascii_lowercase())
        .chain(rest.iter().map(|s| s.to_string()))
        .collect::<Vec<_>>()
        .join("-"))
}

/// An email address as a form takes it: one `@` with something either side, no spaces or
/// control characters, at most 254 characters; lower-cased.
fn email_address(value: &str) -> Result<String, ApiFailure> {
    let value = value.trim();
    let refuse = || ApiFailure::bad_request("give an email address such as name@example.com");
    let (local, domain) = value.split_once('@').ok_or_else(refuse)?;
    let plain = |s: &str| {
        !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control() || c == '@' || c == '<' || c == '>')
    };
    if value.chars().count() > EMAIL_MAX_CHARS || !plain(local) || !plain(domain) || !domain.contains('.') {
        return Err(refuse());
    }
    Ok(value.to_lowercase())
}

/// The pre-chat form's fields, checked.
struct Visitor {
    name: String,
    email: String,
    language: String,
}

fn visitor(name: &str, email: &str, language: &str) -> Result<Visitor, ApiFailure> {
    Ok(Visitor {
        name: input::text_field(name, "your name", NAME_MAX_CHARS)?,
        email: email_address(email)?,
        language: language_tag(language)?,
    })
}

/// The customer the chat is with: the account the company's signed token names (refused
/// when the token does not verify), else the customer who uses this email address, else a
/// new customer known only by it.
async fn customer_for(
    state: &AppState,
    tx: &mut Tx,
    who: &Visitor,
    identity_token: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(Customer, bool), ApiFailure> {
    if let Some(token) = identity_token.filter(|t| !t.is_empty()) {
        let secret = state.widget.identity_secret.as_deref().ok_or_else(|| {
            ApiFailure::unauthorized("this server does not take identity tokens (no widget secret is set)")
        })?;
        let identity = widget_identity::verify(token, secret, now).map_err(|refused| {
            tracing::info!(?refused, "a widget identity token was refused");
            ApiFailure::unauthorized(match refused {
                Refused::Expired | Refused::NotYetValid => "the sign-in token has expired: reload the page",
                _ => "the sign-in token is not valid",
            })
        })?;
        let id = store::customer_by_account(tx, &identity.account_id)
            .await?
            .ok_or_else(|| ApiFailure::unauthorized("the sign-in token names no account of ours"))?;
        let customer = reads::customer(tx, id).await?.ok_or_else(|| ApiFailure::unauthorized("no such account"))?;
        return Ok((customer, true));
    }
    if let Some(id) = customer_by_email(tx, &who.email).await? {
        if let Some(customer) = reads::customer(tx, id).await? {
            return Ok((customer, false));
        }
    }
    let customer = Customer {
        id: next_id(tx, "customers").await?,
        account_id: format!("{UNVERIFIED_ACCOUNT_PREFIX}{}", who.email),
        name: who.name.clone(),
        legal_name: None,
        email: who.email.clone(),
        kyc_level: KycLevel::None,
        vip_tier: VipTier::None,
        language: who.language.clone(),
        country: "ZZ".into(),
        created_at: now,
        updated_at: now,
    };
    put_customer(tx, &customer).await?;
    Ok((customer, false))
}

/// Who a new conversation is with, and what about.
struct Opening<'a> {
    customer: &'a Customer,
    verified: bool,
    language: &'a str,
    topic: ChatTopic,
}

/// A new conversation for the widget (a chat, or an email for a left message).
fn opened(id: TicketId, channel: Channel, opening: &Opening<'_>, policy: &PolicySet, now: DateTime<Utc>) -> Ticket {
    let Opening { customer, verified, language, topic } = *opening;
    // Anyone can type a VIP's address: only a verified customer is treated as one.
    let vip = verified && customer.vip_tier.is_vip();
    let mut tags = vec![if channel == Channel::Chat { "live-chat" } else { "chat-message" }.to_string()];
    if !verified {
        tags.push(UNVERIFIED_SENDER_TAG.into());
    }
    Ticket {
        id,
        channel,
        kind: TicketKind::Inquiry,
        subject: topic_subject(topic, channel).into(),
        status: TicketStatus::New,
        priority: if vip { Priority::High } else { Priority::Normal },
        queue: policy.routing.queue_of(topic).to_owned(),
        assignee_id: None,
        customer_id: customer.id,
        language: language.to_owned(),
        tags,
        sla: arbiter_policy::sla::opened(&policy.sla, channel, vip, now),
        escalation_level: EscalationLevel::L0,
        case_id: None,
        topic: Some(topic),
        routed: None,
        csat: None,
        created_at: now,
        updated_at: now,
        solved_at: None,
        version: 1,
    }
}

fn topic_subject(topic: ChatTopic, channel: Channel) -> &'static str {
    match (channel, topic) {
        (Channel::Chat, ChatTopic::DepositWithdrawal) => "Live chat: deposit or withdrawal",
        (Channel::Chat, ChatTopic::CardPayment) => "Live chat: card payment",
        (Channel::Chat, ChatTopic::Trade) => "Live chat: trade",
        (Channel::Chat, ChatTopic::P2p) => "Live chat: P2P",
        (Channel::Chat, ChatTopic::AccountSecurity) => "Live chat: account security",
        (Channel::Chat, ChatTopic::Other) => "Live chat",
        (Channel::Email, ChatTopic::DepositWithdrawal) => "Message from the chat: deposit or withdrawal",
        (Channel::Email, ChatTopic::CardPayment) => "Message from the chat: card payment",
        (Channel::Email, ChatTopic::Trade) => "Message from the chat: trade",
        (Channel::Email, ChatTopic::P2p) => "Message from the chat: P2P",
        (Channel::Email, ChatTopic::AccountSecurity) => "Message from the chat: account security",
        (Channel::Email, ChatTopic::Other) => "Message from the chat",
    }
}

/// Starts a chat: its ticket, its token, and its place in the routing queue.
pub async fn start(state: &AppState, body: &StartChat) -> Result<ChatSession, ApiFailure> {
    let who = visitor(&body.name, &body.email, &body.language)?;
    let now = Utc::now();
    let mut tx = state.db.begin_write().await?;
    let (customer, verified) = customer_for(state, &mut tx, &who, body.identity_token.as_deref(), now).await?;
    let policy = reads::policy(&mut tx).await?;
    let mut ticket = opened(
        next_id(&mut tx, "tickets").await?,
        Channel::Chat,
        &Opening { customer: &customer, verified, language: &who.language, topic: body.topic },
        &policy,
        now,
    );
    put_ticket(&mut tx, &ticket).await?;
    let escalation = match verified {
        true => escalate_new_vip(&mut tx, &ticket, &customer).await?,
        false => None,
    };
    if let Some((escalated, _)) = &escalation {
        ticket = escalated.clone();
    }
    let token = new_token();
    store::insert_chat(&mut tx, ticket.id, &token_hash(&token), verified).await?;
    if policy.routing.auto_assign_chats {
        routing::enqueue(&mut tx, ticket.id, now).await?;
    }
    tx.commit().await?;
    if let Some((escalated, escalation)) = escalation {
        state.hub.publish(
            StreamPayload::Escalation { escalation: escalation.clone() },
            vec![Scope::of_escalation(&escalation, Some(&escalated))],
        );
    }
    state.wake_router();
    Ok(ChatSession { chat_id: ticket.id, token, verified })
}

/// The chat a token speaks for; 401 for a token that is not (or no longer) one.
pub async fn chat_of_token(state: &AppState, token: &str) -> Result<WidgetChat, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    store::chat_of_token(&mut conn, &token_hash(token))
        .await?
        .ok_or_else(|| ApiFailure::unauthorized("this chat token is not valid: start a new chat"))
}

fn phase(ticket: &Ticket) -> ChatPhase {
    if !ticket.status.is_active() {
        ChatPhase::Ended
    } else if ticket.assignee_id.is_some() {
        ChatPhase::Active
    } else {
        ChatPhase::Waiting
    }
}

/// The whole chat as the customer sees it, from after `after` (a message id) on.
/// The whole chat as it is now, its widget record read again.
pub async fn chat_state_now(state: &AppState, ticket_id: TicketId) -> Result<ChatState, ApiFailure> {
    let chat = {
        let mut conn = state.db.pool.acquire().await?;
        store::chat_of_ticket(&mut conn, ticket_id).await?.ok_or_else(|| ApiFailure::not_found("the chat is gone"))?
    };
    chat_state(state, &chat, None).await
}

pub async fn chat_state(
    state: &AppState,
    chat: &WidgetChat,
    after: Option<MessageId>,
) -> Result<ChatState, ApiFailure> {
    let mut tx = state.db.begin_read().await?;
    let ticket =
        reads::ticket(&mut tx, chat.ticket_id).await?.ok_or_else(|| ApiFailure::not_found("the chat is gone"))?;
    let agent_name = match ticket.assignee_id {
        Some(id) => reads::agent(&mut tx, id).await?.map(|a| a.name),
        None => None,
    };
    let messages = store::messages_after(&mut tx, ticket.id, after).await?;
    Ok(ChatState {
        chat_id: ticket.id,
        phase: phase(&ticket),
        agent_name,
        messages: messages.iter().map(for_customer).collect(),
        read_up_to: chat.read_up_to,
        no_agent: chat.no_agent && ticket.assignee_id.is_none(),
        rating: ticket.csat.map(|c| RateChat { score: c.score, comment: c.comment }),
    })
}

/// What a widget message id must be: 1–64 letters, digits, `-` or `_` (a UUID fits).
fn client_id(value: &str) -> Result<&str, ApiFailure> {
    let ok = !value.is_empty()
        && value.len() <= CLIENT_ID_MAX_CHARS
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then_some(value).ok_or_else(|| ApiFailure::bad_request("client_id is 1–64 letters, digits, - or _"))
}

/// Where a customer's message with this widget id goes.
enum Writing {
    /// Sent before: the message stored then is the answer.
    Stored(WidgetMessage),
    /// New: the chat (still going) and its customer to store it with.
    Open { ticket: Box<Ticket>, customer: Box<Customer> },
}

async fn writing(tx: &mut Tx, chat: &WidgetChat, client: &str) -> Result<Writing, ApiFailure> {
    if let Some(id) = store::receipt(tx, chat.ticket_id, client).await? {
        if let Some(message) = store::message(tx, id).await? {
            return Ok(Writing::Stored(for_customer(&message)));
        }
    }
    let gone = || ApiFailure::not_found("the chat is gone");
    let ticket = reads::ticket(tx, chat.ticket_id).await?.ok_or_else(gone)?;
    if !ticket.status.is_active() {
        return Err(chat_conflict("the chat has ended"));
    }
    let customer = reads::customer(tx, ticket.customer_id).await?.ok_or_else(gone)?;
    Ok(Writing::Open { ticket: Box::new(ticket), customer: Box::new(customer) })
}

/// The customer writes. Sent again with the same `client_id`, the stored message is
/// answered (`false`: nothing new was stored).
pub async fn send(
    state: &AppState,
    chat: &WidgetChat,
    body: &SendChatMessage,
) -> Result<(WidgetMessage, bool), ApiFailure> {
    let client = client_id(&body.client_id)?;
    let text = input::text_field(&body.text, "the message", REPLY_MAX_CHARS)?;
    let now = Utc::now();
    let mut tx = state.db.begin_write().await?;
    let (ticket, customer) = match writing(&mut tx, chat, client).await? {
        Writing::Stored(message) => return Ok((message, false)),
        Writing::Open { ticket, customer } => (*ticket, *customer),
    };
    let mut message = message_from(next_id(&mut tx, "messages").await?, &ticket, &customer, &text, now);
    message.client_ref = Some(format!("{WIDGET_REF}{client}"));
    let added = add_customer_message(&mut tx, &ticket, &customer, message, now).await?;
    store::put_receipt(&mut tx, ticket.id, client, added.message.id).await?;
    tx.commit().await?;
    added.publish(state, &ticket);
    Ok((for_customer(&added.message), true))
}

/// 409 without the ticket: the customer never sees the desk's record of their chat.
fn chat_conflict(message: &str) -> ApiFailure {
    ApiFailure::new(axum::http::StatusCode::CONFLICT, ErrorCode::Conflict, message)
}

/// The customer started or stopped typing.
pub async fn typing(state: &AppState, chat: &WidgetChat, typing: bool) -> Result<(), ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    let ticket =
        reads::ticket(&mut conn, chat.ticket_id).await?.ok_or_else(|| ApiFailure::not_found("the chat is gone"))?;
    if ticket.status.is_active() {
        customer_typing(state, &ticket, typing);
    }
    Ok(())
}

/// A line the system writes into the chat (it ended), seen by both sides.
fn system_line(id: MessageId, ticket: &Ticket, text: &str, now: DateTime<Utc>) -> Message {
    Message {
        id,
        ticket_id: ticket.id,
        author_kind: AuthorKind::System,
        author_agent_id: None,
        author_name: "Arbiter".into(),
        text: text.into(),
        html: None,
        email: None,
        attachments: Vec::new(),
        mail_warnings: Vec::new(),
        delivery: None,
        created_at: now,
        client_ref: None,
    }
}

/// The customer ends the chat: it is solved, and both sides are told.
pub async fn end(state: &AppState, chat: &WidgetChat) -> Result<(), ApiFailure> {
    let now = Utc::now();
    let mut tx = state.db.begin_write().await?;
    let ticket =
        reads::ticket(&mut tx, chat.ticket_id).await?.ok_or_else(|| ApiFailure::not_found("the chat is gone"))?;
    if !ticket.status.is_active() {
        return Ok(()); // ended already: ending again changes nothing
    }
    let mut next = ticket.clone();
    next.status = TicketStatus::Solved;
    next.sla = arbiter_policy::sla::after_status_change(&ticket.sla, ticket.status, TicketStatus::Solved, now);
    next.solved_at = Some(now);
    next.updated_at = now;
    next.version += 1;
    let line = system_line(next_id(&mut tx, "messages").await?, &next, "The customer ended the chat.", now);
    put_ticket(&mut tx, &next).await?;
    put_message(&mut tx, &line, &Scope::of_ticket(&next)).await?;
    routing::dequeue(&mut tx, ticket.id).await?;
    // An agent offered it can no longer take it.
    let withdrawn = super::routing::withdraw_offer_of(&mut tx, &next, now).await?;
    tx.commit().await?;
    if let Some((payload, scopes)) = withdrawn {
        state.hub.publish(payload, scopes);
    }
    state.hub.publish(
        StreamPayload::MessageCreated { message: line, ticket: Some(Box::new(next.clone())) },
        vec![Scope::of_ticket(&next)],
    );
    state.hub.tell_widgets(ticket.id, WidgetEvent::Ended);
    state.wake_router();
    Ok(())
}

/// The customer rates the ended chat (again: the new rating replaces the old).
pub async fn rate(state: &AppState, chat: &WidgetChat, body: &RateChat) -> Result<Csat, ApiFailure> {
    if !(1..=5).contains(&body.score) {
        return Err(ApiFailure::bad_request("the rating is 1 to 5"));
    }
    let comment = match body.comment.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(input::text_field(c, "the comment", COMMENT_MAX_CHARS)?),
        None => None,
    };
    let now = Utc::now();
    let mut tx = state.db.begin_write().await?;
    let ticket =
        reads::ticket(&mut tx, chat.ticket_id).await?.ok_or_else(|| ApiFailure::not_found("the chat is gone"))?;
    if ticket.status.is_active() {
        return Err(chat_conflict("a chat is rated once it has ended"));
    }
    let csat = Csat { score: body.score, comment, rated_at: now, agent_id: ticket.assignee_id };
    let mut next = ticket.clone();
    next.csat = Some(csat.clone());
    next.updated_at = now;
    next.version += 1;
    put_ticket(&mut tx, &next).await?;
    tx.commit().await?;
    state.hub.publish(StreamPayload::TicketUpdated { ticket: next.clone() }, vec![Scope::of_ticket(&next)]);
    Ok(csat)
}

/// Notes that the chat's widget is connected (a customer still there is not a missed chat).
/// A failure only delays the note: it is logged, never the stream's end.
pub async fn still_here(state: &AppState, ticket_id: TicketId) {
    let noted = async {
        let mut tx = state.db.begin_write().await?;
        store::seen(&mut tx, ticket_id, Utc::now()).await?;
        tx.commit().await?;
        Ok::<_, ApiFailure>(())
    };
    if let Err(error) = noted.await {
        tracing::warn!(chat = ticket_id, ?error, "could not note the widget as connected");
    }
}

/// Emails the ended chat's transcript to the chat's address, once however often asked (the
/// mail room sends it; a customer who asks again is told the same).
pub async fn transcript(state: &AppState, chat: &WidgetChat) -> Result<TranscriptRequested, ApiFailure> {
    let mut tx = state.db.begin_write().await?;
    let ticket =
        reads::ticket(&mut tx, chat.ticket_id).await?.ok_or_else(|| ApiFailure::not_found("the chat is gone"))?;
    if ticket.status.is_active() {
        return Err(chat_conflict("the transcript is sent once the chat has ended"));
    }
    let Some(mailbox) = state.mail.as_deref().and_then(|m| m.sender(None, &ticket.queue)) else {
        return Err(ApiFailure::unprocessable("this site does not send email, so it cannot send the transcript"));
    };
    let customer = reads::customer(&mut tx, ticket.customer_id).await?.ok_or_else(ApiFailure::internal)?;
    // The sender looks at its queue every fraction of a second; asked twice, it is queued once.
    crate::store::outbound::queue_transcript(
        &mut tx,
        ticket.id,
        &mailbox.address.to_lowercase(),
        Utc::now().timestamp_millis(),
    )
    .await?;
    tx.commit().await?;
    Ok(TranscriptRequested { to: customer.email })
}

/// Nobody can chat: the customer's message becomes an email conversation.
pub async fn leave_message(state: &AppState, body: &LeaveMessage) -> Result<MessageLeft, ApiFailure> {
    let who = visitor(&body.name, &body.email, &body.language)?;
    let text = input::text_field(&body.text, "the message", REPLY_MAX_CHARS)?;
    let now = Utc::now();
    let mut tx = state.db.begin_write().await?;
    let (customer, verified) = customer_for(state, &mut tx, &who, body.identity_token.as_deref(), now).await?;
    let policy = reads::policy(&mut tx).await?;
    let ticket = opened(
        next_id(&mut tx, "tickets").await?,
        Channel::Email,
        &Opening { customer: &customer, verified, language: &who.language, topic: body.topic },
        &policy,
        now,
    );
    let message = message_from(next_id(&mut tx, "messages").await?, &ticket, &customer, &text, now);
    let added = add_customer_message(&mut tx, &ticket, &customer, message, now).await?;
    if policy.routing.auto_assign_emails {
        routing::enqueue(&mut tx, ticket.id, now).await?;
    }
    tx.commit().await?;
    added.publish(state, &ticket);
    state.wake_router();
    Ok(MessageLeft { ticket_id: ticket.id })
}

/// What the widget offers now: the form's choices and which topics' teams are staffed.
pub async fn settings(state: &AppState) -> Result<WidgetSettings, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    let policy = reads::policy(&mut conn).await?;
    let now = Utc::now();
    Ok(WidgetSettings {
        languages: LANGUAGES.iter().map(|l| l.to_string()).collect(),
        topics: ChatTopic::ALL.to_vec(),
        staffed_topics: ChatTopic::ALL
            .into_iter()
            .filter(|t| arbiter_policy::hours::staffed(&policy.routing.hours, policy.routing.queue_of(*t), now))
            .collect(),
        max_message_chars: REPLY_MAX_CHARS as i64,
        max_file_bytes: WIDGET_FILE_MAX_BYTES as i64,
        file_types: WIDGET_FILE_TYPES.iter().map(|t| t.to_string()).collect(),
        transcripts: state.mail.as_deref().is_some_and(|m| m.sender(None, "").is_some()),
    })
}

/// Files a customer may send in a chat: pictures and PDFs, as email attachments are kept.
pub const WIDGET_FILE_TYPES: [&str; 5] = ["image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"];
/// The largest file a customer may send (the email attachment limit).
pub const WIDGET_FILE_MAX_BYTES: usize = 25 * 1024 * 1024;

/// The customer sends a file (a picture or a PDF, told from its bytes, never from what the
/// browser claims). Like a message, sent again with the same `client_id` it is stored once.
pub async fn send_file(
    state: &AppState,
    chat: &WidgetChat,
    client: &str,
    name: &str,
    bytes: &[u8],
) -> Result<(WidgetMessage, bool), ApiFailure> {
    use super::documents::{FORBIDDEN_IN_NAMES, NAME_MAX};
    use sha2::{Digest, Sha256};
    let client = client_id(client)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX || name.contains(FORBIDDEN_IN_NAMES) {
        return Err(ApiFailure::bad_request(format!("give the file a plain name of at most {NAME_MAX} characters")));
    }
    if bytes.is_empty() {
        return Err(ApiFailure::unprocessable("the file is empty"));
    }
    let content_type = arbiter_mime::sniff_content_type(bytes, "application/octet-stream");
    if !WIDGET_FILE_TYPES.contains(&content_type.as_str()) {
        return Err(ApiFailure::unprocessable("send a picture (JPEG, PNG, GIF, WebP) or a PDF"));
    }
    let sha256 = hex::encode(Sha256::digest(bytes));
    let now = Utc::now();
    let mut tx = state.db.begin_write().await?;
    let (ticket, customer) = match writing(&mut tx, chat, client).await? {
        Writing::Stored(message) => return Ok((message, false)),
        Writing::Open { ticket, customer } => (*ticket, *customer),
    };
    crate::store::files::put_file(&mut tx, &sha256, bytes).await?;
    let mut message = message_from(next_id(&mut tx, "messages").await?, &ticket, &customer, name, now);
    message.client_ref = Some(format!("{WIDGET_REF}{client}"));
    message.attachments = vec![Attachment {
        name: name.to_owned(),
        content_type,
        size_bytes: bytes.len() as i64,
        sha256: sha256.clone(),
        content_id: None,
    }];
    crate::store::mail::link_file(&mut tx, &sha256, message.id, ticket.id).await?;
    let added = add_customer_message(&mut tx, &ticket, &customer, message, now).await?;
    store::put_receipt(&mut tx, ticket.id, client, added.message.id).await?;
    tx.commit().await?;
    added.publish(state, &ticket);
    Ok((for_customer(&added.message), true))
}

/// A file of this chat, for its customer: where it is stored and its type; 404 for any
/// file no message of the chat carries.
pub async fn file(
    state: &AppState,
    chat: &WidgetChat,
    sha256: &str,
) -> Result<(String, crate::store::files::StoredFile), ApiFailure> {
    let missing = || ApiFailure::not_found(format!("no file {sha256} in this chat"));
    if sha256.len() != 64 || !sha256.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(missing());
    }
    let mut conn = state.db.pool.acquire().await?;
    let tickets = crate::store::mail::tickets_of_message_file(&mut conn, sha256).await?;
    if !tickets.contains(&chat.ticket_id) {
        return Err(missing());
    }
    let stored = crate::store::files::stored(&mut conn, sha256).await?.ok_or_else(missing)?;
    let head = crate::store::files::file_head(&mut conn, sha256, crate::store::files::CHUNK_BYTES as i64)
        .await?
        .unwrap_or_default();
    Ok((arbiter_mime::sniff_content_type(&head, "application/octet-stream"), stored))
}
