//! A ticket that changes queue or assignee changes who sees it and everything under it. The
//! feed tells the old viewers to drop it (tombstones scoped to the old place) and then
//! records it all again under the new scope, so new viewers — whose cursors are past the
//! old rows — receive it, and viewers who still see it get it back right after the tombstone.

use arbiter_contract::{Entity, EntityKind, Ticket};
use sqlx::AnyConnection;

use super::entities::put_ticket;
use super::feed::{record_change, record_tombstone};
use super::reads::{activity_of, customer, ticket_children};
use super::scope::Scope;

/// Stores `after` (a new state of `before`), moving its whole subtree when its scope changed.
pub async fn write_ticket(conn: &mut AnyConnection, before: &Ticket, after: &Ticket) -> Result<(), sqlx::Error> {
    let old = Scope::of_ticket(before);
    let new = Scope::of_ticket(after);
    if old == new {
        return put_ticket(conn, after).await;
    }
    let children = ticket_children(conn, after.id).await?;
    let customer = customer(conn, after.customer_id).await?;
    let activity = activity_of(conn, after.customer_id).await?;

    let mut gone: Vec<(EntityKind, i64)> = vec![(EntityKind::Ticket, after.id)];
    gone.extend(children.messages.iter().map(|m| (EntityKind::Message, m.id)));
    gone.extend(children.notes.iter().map(|n| (EntityKind::Note, n.id)));
    gone.extend(children.side_conversations.iter().map(|s| (EntityKind::SideConversation, s.id)));
    gone.extend(children.side_messages.iter().map(|s| (EntityKind::SideMessage, s.id)));
    gone.extend(children.escalations.iter().map(|e| (EntityKind::Escalation, e.id)));
    if customer.is_some() {
        gone.push((EntityKind::Customer, after.customer_id));
        gone.extend(activity.iter().map(|e| (EntityKind::ActivityEvent, e.id)));
    }
    for (kind, id) in gone {
        record_tombstone(conn, kind, id, &old, false).await?;
    }

    put_ticket(conn, after).await?;
    for message in children.messages {
        record_change(conn, &Entity::Message(message), &new).await?;
    }
    for note in children.notes {
        record_change(conn, &Entity::Note(note), &new).await?;
    }
    for side in children.side_conversations {
        record_change(conn, &Entity::SideConversation(side), &new).await?;
    }
    for message in children.side_messages {
        record_change(conn, &Entity::SideMessage(message), &new).await?;
    }
    for escalation in children.escalations {
        let scope = Scope::of_escalation(&escalation, Some(after));
        record_change(conn, &Entity::Escalation(escalation), &scope).await?;
    }
    if let Some(customer) = customer {
        let scope = Scope::of_customer(customer.id);
        record_change(conn, &Entity::Customer(customer), &scope).await?;
        for event in activity {
            record_change(conn, &Entity::ActivityEvent(event), &scope).await?;
        }
    }
    Ok(())
}
