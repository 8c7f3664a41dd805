//! The reads behind the desk's screens. All are index-backed and local.

use arbiter_contract::codec::from_ms;
use arbiter_contract::{Agent, Customer, Entity, Escalation, EscalationStatus, SideConversation, SideMessage, Ticket};
use sqlx::Row;

use crate::rows;
use crate::views::{SideThread, SyncPosition, TicketListItem, TicketView};
use crate::{Action, OutboxState};
use crate::{Cache, CacheError};

/// Activity events shown with a ticket.
const RECENT_ACTIVITY: u32 = 20;
const PREVIEW_CHARS: usize = 160;

/// A whitespace-collapsed beginning of a message, for one-line previews.
pub(crate) fn preview(text: &str) -> String {
    let mut out = String::with_capacity(PREVIEW_CHARS + 4);
    for (count, word) in text.split_whitespace().enumerate() {
        if count > 0 {
            out.push(' ');
        }
        out.push_str(word);
        if out.chars().count() >= PREVIEW_CHARS {
            let cut: String = out.chars().take(PREVIEW_CHARS).collect();
            return cut + "…";
        }
    }
    out
}

impl Cache {
    pub async fn position(&self) -> Result<SyncPosition, CacheError> {
        let row = sqlx::query("SELECT feed_id, cursor, head, horizon, synced_at FROM sync_state WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(SyncPosition {
            feed_id: row.try_get("feed_id")?,
            cursor: row.try_get("cursor")?,
            head: row.try_get("head")?,
            horizon: row.try_get("horizon")?,
            synced_at: row.try_get::<Option<i64>, _>("synced_at")?.map(from_ms),
        })
    }

    /// Shows the agent's unconfirmed ticket updates on list rows, and marks rows with
    /// pending, conflicting or rejected actions.
    pub(crate) async fn overlay_list(&self, mut items: Vec<TicketListItem>) -> Result<Vec<TicketListItem>, CacheError> {
        let open = self.outbox_open().await?;
        if open.is_empty() {
            return Ok(items);
        }
        for item in &mut items {
            for action in open.iter().filter(|a| a.action.ticket_id() == Some(item.id)) {
                item.outbox = Some(match (item.outbox, action.state) {
                    (Some(OutboxState::Conflict), _) | (_, OutboxState::Conflict) => OutboxState::Conflict,
                    (Some(OutboxState::Rejected), _) | (_, OutboxState::Rejected) => OutboxState::Rejected,
                    _ => OutboxState::Pending,
                });
                if let (Action::UpdateTicket { update, .. }, OutboxState::Pending | OutboxState::Sending) =
                    (&action.action, action.state)
                {
                    item.status = update.status.unwrap_or(item.status);
                    item.priority = update.priority.unwrap_or(item.priority);
                }
            }
        }
        Ok(items)
    }

    pub async fn ticket_view(&self, id: i64) -> Result<Option<TicketView>, CacheError> {
        // The outbox first: an item delivered after this read has its answer written (in the
        // same transaction) before the entities below are read, so a change shows either as
        // pending or as the server's — never reverted in between.
        let outbox = self.outbox_for_ticket(id).await?;
        let mut conn = self.pool.acquire().await?;
        let Some(row) =
            sqlx::query("SELECT data FROM tickets WHERE id = ?").bind(id).fetch_optional(&mut *conn).await?
        else {
            return Ok(None);
        };
        let ticket: Ticket = rows::decode(&row, "data")?;
        let customer = sqlx::query("SELECT data FROM customers WHERE id = ?")
            .bind(ticket.customer_id)
            .fetch_optional(&mut *conn)
            .await?
            .map(|r| rows::decode(&r, "data"))
            .transpose()?;
        let assignee = match ticket.assignee_id {
            Some(agent_id) => self.agent_on(&mut conn, agent_id).await?,
            None => None,
        };
        let conversation =
            crate::conversation::page(&mut conn, id, None, crate::conversation::CONVERSATION_WINDOW).await?;
        let side_conversations = side_threads(&mut conn, id).await?;
        let mut escalations: Vec<Escalation> = sqlx::query(
            "SELECT data FROM entities WHERE kind = 'escalation' AND json_extract(data, '$.data.ticket_id') = ?",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::decode::<Entity>(r, "data"))
        .filter_map(|e| match e {
            Ok(Entity::Escalation(e)) => Some(Ok(e)),
            Ok(_) => None,
            Err(error) => Some(Err(error)),
        })
        .collect::<Result<_, _>>()?;
        drop(conn);
        let recent_activity = self.recent_activity(ticket.customer_id, RECENT_ACTIVITY).await?;
        let mut ticket = ticket;
        for item in &outbox {
            match (&item.action, item.state) {
                (Action::UpdateTicket { update, .. }, OutboxState::Pending | OutboxState::Sending) => {
                    overlay_update(&mut ticket, update);
                }
                (Action::AcknowledgeEscalation { escalation_id, .. }, OutboxState::Pending | OutboxState::Sending) => {
                    for e in escalations.iter_mut().filter(|e| e.id == *escalation_id) {
                        e.status = EscalationStatus::Acknowledged;
                    }
                }
                _ => {}
            }
        }
        escalations.sort_by_key(|e| (e.status != EscalationStatus::Open, std::cmp::Reverse(e.created_at)));
        let sla_clocks = match self.policies().await? {
            Some(policy) => {
                let vip = customer.as_ref().is_some_and(|c: &Customer| c.vip_tier.is_vip());
                let factor = arbiter_policy::sla::prolonged_factor(&policy.escalation);
                arbiter_policy::sla::clocks(&policy.sla, &ticket, vip, chrono::Utc::now(), factor)
                    .into_iter()
                    .map(crate::views::SlaClock::from)
                    .collect()
            }
            None => Vec::new(),
        };
        let case_kind = arbiter_policy::cases::case_kind_for(ticket.kind);
        let sender_unverified = ticket.sender_unverified();
        Ok(Some(TicketView {
            sender_unverified,
            ticket,
            case_kind,
            customer,
            assignee,
            conversation,
            side_conversations,
            escalations,
            recent_activity,
            outbox,
            sla_clocks,
        }))
    }

    /// The policies in force, once synced.
    pub async fn policies(&self) -> Result<Option<arbiter_contract::PolicySet>, CacheError> {
        let entity =
            self.entity(arbiter_contract::EntityKind::Policy, arbiter_contract::feed::POLICY_ENTITY_ID).await?;
        Ok(match entity {
            Some(Entity::Policy(policy)) => Some(policy),
            _ => None,
        })
    }

    /// Every open escalation with its ticket's assignee (when the ticket is cached).
    pub async fn open_escalations(&self) -> Result<Vec<(Escalation, Option<i64>)>, CacheError> {
        let rows = sqlx::query(
            "SELECT e.data, t.assignee_id FROM entities e
             LEFT JOIN tickets t ON t.id = json_extract(e.data, '$.data.ticket_id')
             WHERE e.kind = 'escalation' AND json_extract(e.data, '$.data.status') = 'open'",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            if let Entity::Escalation(e) = rows::decode::<Entity>(row, "data")? {
                out.push((e, row.try_get::<Option<i64>, _>("assignee_id")?));
            }
        }
        Ok(out)
    }

    /// One entity kept as contract JSON in the generic table (escalations, cases, …).
    pub async fn entity(&self, kind: arbiter_contract::EntityKind, id: i64) -> Result<Option<Entity>, CacheError> {
        let row = sqlx::query("SELECT data FROM entities WHERE kind = ? AND id = ?")
            .bind(kind.as_str())
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| rows::decode(&r, "data")).transpose()?)
    }

    /// The ticket a side conversation belongs to.
    pub async fn side_conversation_ticket(&self, id: i64) -> Result<Option<i64>, CacheError> {
        Ok(sqlx::query_scalar("SELECT ticket_id FROM side_conversations WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    pub async fn customer(&self, id: i64) -> Result<Option<Customer>, CacheError> {
        let row = sqlx::query("SELECT data FROM customers WHERE id = ?").bind(id).fetch_optional(&self.pool).await?;
        Ok(row.map(|r| rows::decode(&r, "data")).transpose()?)
    }

    /// The names of the cached customers among `ids`, in one read (lists of many rows).
    pub async fn customer_names(&self, ids: &[i64]) -> Result<std::collections::HashMap<i64, String>, CacheError> {
        let mut names = std::collections::HashMap::new();
        for chunk in ids.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let sql = format!("SELECT id, json_extract(data, '$.name') FROM customers WHERE id IN ({marks})");
            let mut query = sqlx::query_as::<_, (i64, Option<String>)>(&sql);
            for id in chunk {
                query = query.bind(id);
            }
            names.extend(query.fetch_all(&self.pool).await?.into_iter().filter_map(|(id, name)| Some((id, name?))));
        }
        Ok(names)
    }

    pub async fn agent(&self, id: i64) -> Result<Option<Agent>, CacheError> {
        let mut conn = self.pool.acquire().await?;
        self.agent_on(&mut conn, id).await
    }

    async fn agent_on(&self, conn: &mut sqlx::SqliteConnection, id: i64) -> Result<Option<Agent>, CacheError> {
        let row = sqlx::query("SELECT data FROM agents WHERE id = ?").bind(id).fetch_optional(conn).await?;
        Ok(row.map(|r| rows::decode(&r, "data")).transpose()?)
    }

    /// Row counts per table, for diagnostics and tests.
    pub async fn table_counts(&self) -> Result<Vec<(String, i64)>, CacheError> {
        let mut out = Vec::new();
        for table in
            ["agents", "customers", "tickets", "messages", "notes", "side_conversations", "side_messages", "entities"]
        {
            let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&self.pool).await?;
            out.push((table.to_owned(), count));
        }
        Ok(out)
    }
}

/// A ticket's messages or notes (`table`), oldest first.
async fn thread<T: serde::de::DeserializeOwned>(
    conn: &mut sqlx::SqliteConnection,
    table: &str,
    ticket_id: i64,
) -> Result<Vec<T>, sqlx::Error> {
    sqlx::query(&format!("SELECT data FROM {table} WHERE ticket_id = ? ORDER BY created_at, id"))
        .bind(ticket_id)
        .fetch_all(conn)
        .await?
        .iter()
        .map(|r| rows::decode(r, "data"))
        .collect()
}

/// A ticket's side conversations with their messages, the most recently active first.
async fn side_threads(conn: &mut sqlx::SqliteConnection, ticket_id: i64) -> Result<Vec<SideThread>, sqlx::Error> {
    let conversations: Vec<SideConversation> = sqlx::query("SELECT data FROM side_conversations WHERE ticket_id = ?")
        .bind(ticket_id)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::decode(r, "data"))
        .collect::<Result<_, _>>()?;
    let mut messages: Vec<SideMessage> = thread(conn, "side_messages", ticket_id).await?;
    let mut threads: Vec<SideThread> = conversations
        .into_iter()
        .map(|conversation| {
            let id = conversation.id;
            let (mine, rest) = std::mem::take(&mut messages).into_iter().partition(|m| m.side_conversation_id == id);
            messages = rest;
            SideThread { conversation, messages: mine }
        })
        .collect();
    threads.sort_by(|a, b| {
        b.conversation.updated_at.cmp(&a.conversation.updated_at).then(b.conversation.id.cmp(&a.conversation.id))
    });
    Ok(threads)
}

/// A ticket as it will be once the agent's update is applied.
fn overlay_update(ticket: &mut Ticket, update: &arbiter_contract::TicketUpdate) {
    if let Some(status) = update.status {
        ticket.status = status;
    }
    if let Some(priority) = update.priority {
        ticket.priority = priority;
    }
    if let Some(assignee) = update.assignee_id {
        ticket.assignee_id = assignee;
    }
    if let Some(queue) = &update.queue {
        ticket.queue = queue.clone();
    }
    if let Some(tags) = &update.tags {
        ticket.tags = tags.clone();
    }
    for tag in &update.add_tags {
        let tag = tag.trim().to_lowercase();
        if !tag.is_empty() && !ticket.tags.contains(&tag) {
            ticket.tags.push(tag);
        }
    }
}

impl Cache {
    /// Every cached entity of a kind held in the generic table (reports, documents…).
    pub async fn entities_of_kind(&self, kind: arbiter_contract::EntityKind) -> Result<Vec<Entity>, CacheError> {
        let rows =
            sqlx::query("SELECT data FROM entities WHERE kind = ?").bind(kind.as_str()).fetch_all(&self.pool).await?;
        rows.iter().map(|r| Ok(rows::decode::<Entity>(r, "data")?)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::preview;

    #[test]
    fn previews_collapse_whitespace_and_cut_long_text() {
        assert_eq!(preview("Hi\n\n  there\tyou"), "Hi there you");
        let long = "word ".repeat(100);
        let cut = preview(&long);
        assert!(cut.ends_with('…'));
        assert_eq!(cut.chars().count(), 161);
        assert_eq!(preview("你好，我的提币还没有到账"), "你好，我的提币还没有到账");
    }
}
