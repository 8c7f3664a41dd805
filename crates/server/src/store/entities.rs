//! One function per entity: store it and record it in the feed with who may see it.

use arbiter_contract::codec::{to_ms, wire_name};
use arbiter_contract::*;
use sqlx::AnyConnection;

use super::feed::record_change;
use super::rows::{to_json, upsert, Val};
use super::scope::Scope;

pub async fn put_team(conn: &mut AnyConnection, team: &Team) -> Result<(), sqlx::Error> {
    upsert(conn, "teams", Val::from(team.id.as_str()), &[("kind", wire_name(&team.kind).into())], to_json(team))
        .await?;
    record_change(conn, &Entity::Team(team.clone()), &Scope::global()).await?;
    Ok(())
}

pub async fn put_agent(conn: &mut AnyConnection, agent: &Agent) -> Result<(), sqlx::Error> {
    let columns = [("team", Val::from(agent.team.as_str())), ("role", wire_name(&agent.role).into())];
    upsert(conn, "agents", agent.id.into(), &columns, to_json(agent)).await?;
    record_change(conn, &Entity::Agent(agent.clone()), &Scope::global()).await?;
    Ok(())
}

pub async fn put_customer(conn: &mut AnyConnection, customer: &Customer) -> Result<(), sqlx::Error> {
    let columns =
        [("account_id", Val::from(customer.account_id.as_str())), ("email", customer.email.to_lowercase().into())];
    upsert(conn, "customers", customer.id.into(), &columns, to_json(customer)).await?;
    record_change(conn, &Entity::Customer(customer.clone()), &Scope::of_customer(customer.id)).await?;
    Ok(())
}

pub async fn put_ticket(conn: &mut AnyConnection, ticket: &Ticket) -> Result<(), sqlx::Error> {
    let columns = [
        ("queue", Val::from(ticket.queue.as_str())),
        ("assignee_id", ticket.assignee_id.into()),
        ("customer_id", ticket.customer_id.into()),
        ("status", wire_name(&ticket.status).into()),
        ("channel", wire_name(&ticket.channel).into()),
        ("created_at", to_ms(ticket.created_at).into()),
        ("updated_at", to_ms(ticket.updated_at).into()),
        ("version", ticket.version.into()),
    ];
    super::service_history::record_state(conn, ticket).await?;
    upsert(conn, "tickets", ticket.id.into(), &columns, to_json(ticket)).await?;
    record_change(conn, &Entity::Ticket(ticket.clone()), &Scope::of_ticket(ticket)).await?;
    Ok(())
}

/// `scope` is the message's ticket's scope.
pub async fn put_message(conn: &mut AnyConnection, message: &Message, scope: &Scope) -> Result<(), sqlx::Error> {
    let columns = [("ticket_id", message.ticket_id.into()), ("created_at", to_ms(message.created_at).into())];
    upsert(conn, "messages", message.id.into(), &columns, to_json(message)).await?;
    super::service_history::record_message(conn, message).await?;
    record_change(conn, &Entity::Message(message.clone()), scope).await?;
    Ok(())
}

pub async fn put_note(conn: &mut AnyConnection, note: &Note, scope: &Scope) -> Result<(), sqlx::Error> {
    upsert(conn, "notes", note.id.into(), &[("ticket_id", note.ticket_id.into())], to_json(note)).await?;
    record_change(conn, &Entity::Note(note.clone()), scope).await?;
    Ok(())
}

pub async fn put_side_conversation(
    conn: &mut AnyConnection,
    side: &SideConversation,
    scope: &Scope,
) -> Result<(), sqlx::Error> {
    let columns = [("ticket_id", side.ticket_id.into()), ("version", side.version.into())];
    upsert(conn, "side_conversations", side.id.into(), &columns, to_json(side)).await?;
    record_change(conn, &Entity::SideConversation(side.clone()), scope).await?;
    Ok(())
}

pub async fn put_side_message(
    conn: &mut AnyConnection,
    message: &SideMessage,
    scope: &Scope,
) -> Result<(), sqlx::Error> {
    let columns =
        [("side_conversation_id", message.side_conversation_id.into()), ("ticket_id", message.ticket_id.into())];
    upsert(conn, "side_messages", message.id.into(), &columns, to_json(message)).await?;
    record_change(conn, &Entity::SideMessage(message.clone()), scope).await?;
    Ok(())
}

pub async fn put_macro(conn: &mut AnyConnection, item: &Macro) -> Result<(), sqlx::Error> {
    upsert(conn, "macros", item.id.into(), &[], to_json(item)).await?;
    record_change(conn, &Entity::Macro(item.clone()), &Scope::global()).await?;
    Ok(())
}

pub async fn put_article(conn: &mut AnyConnection, article: &Article) -> Result<(), sqlx::Error> {
    upsert(conn, "articles", article.id.into(), &[], to_json(article)).await?;
    record_change(conn, &Entity::Article(article.clone()), &Scope::global()).await?;
    Ok(())
}

pub async fn put_activity(conn: &mut AnyConnection, event: &ActivityEvent) -> Result<(), sqlx::Error> {
    let columns = [("customer_id", event.customer_id.into()), ("at", to_ms(event.at).into())];
    upsert(conn, "activity_events", event.id.into(), &columns, to_json(event)).await?;
    super::links::index_identifiers(conn, event).await?;
    super::alerts::index_card_payment(conn, event).await?;
    record_change(conn, &Entity::ActivityEvent(event.clone()), &Scope::of_customer(event.customer_id)).await?;
    Ok(())
}

pub async fn put_case(conn: &mut AnyConnection, case: &Case) -> Result<(), sqlx::Error> {
    let columns = [
        ("customer_id", case.customer_id.into()),
        ("queue", Val::from(case.queue.as_str())),
        ("assignee_id", case.assignee_id.into()),
        ("version", case.version.into()),
    ];
    upsert(conn, "cases", case.id.into(), &columns, to_json(case)).await?;
    record_change(conn, &Entity::Case(case.clone()), &Scope::of_case(case)).await?;
    Ok(())
}

pub async fn put_case_event(conn: &mut AnyConnection, event: &CaseEvent, scope: &Scope) -> Result<(), sqlx::Error> {
    let columns = [("case_id", event.case_id.into()), ("at", to_ms(event.at).into())];
    upsert(conn, "case_events", event.id.into(), &columns, to_json(event)).await?;
    record_change(conn, &Entity::CaseEvent(event.clone()), scope).await?;
    Ok(())
}

pub async fn put_escalation(
    conn: &mut AnyConnection,
    escalation: &Escalation,
    ticket: Option<&Ticket>,
) -> Result<(), sqlx::Error> {
    let columns = [
        ("ticket_id", escalation.ticket_id.into()),
        ("target_team", Val::from(escalation.target_team.as_str())),
        ("status", wire_name(&escalation.status).into()),
        ("version", escalation.version.into()),
    ];
    upsert(conn, "escalations", escalation.id.into(), &columns, to_json(escalation)).await?;
    record_change(conn, &Entity::Escalation(escalation.clone()), &Scope::of_escalation(escalation, ticket)).await?;
    Ok(())
}

pub async fn put_sar(conn: &mut AnyConnection, sar: &Sar) -> Result<(), sqlx::Error> {
    let columns = [
        ("investigator_id", sar.investigator_id.into()),
        ("status", wire_name(&sar.status).into()),
        ("version", sar.version.into()),
    ];
    upsert(conn, "sars", sar.id.into(), &columns, to_json(sar)).await?;
    record_change(conn, &Entity::Sar(sar.clone()), &Scope::of_sar(sar)).await?;
    Ok(())
}

pub async fn put_document(conn: &mut AnyConnection, document: &Document, scope: &Scope) -> Result<(), sqlx::Error> {
    upsert(conn, "documents", document.id.into(), &[("case_id", document.case_id.into())], to_json(document)).await?;
    record_change(conn, &Entity::Document(document.clone()), scope).await?;
    Ok(())
}

/// Stores a new policy version and makes it the one in force.
pub async fn put_policy(conn: &mut AnyConnection, policy: &PolicySet) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO policies (version, data) VALUES ($1, $2)")
        .bind(policy.version)
        .bind(to_json(policy))
        .execute(&mut *conn)
        .await?;
    record_change(conn, &Entity::Policy(policy.clone()), &Scope::global()).await?;
    Ok(())
}

pub async fn insert_token(
    conn: &mut AnyConnection,
    agent_id: i64,
    token: &str,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO agent_tokens (token_sha256, agent_id, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (token_sha256) DO UPDATE SET agent_id = excluded.agent_id",
    )
    .bind(token_hash(token))
    .bind(agent_id)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

pub fn token_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(token.as_bytes()))
}
