//! The reads behind the desk's screens. All are index-backed and local.

use arbiter_contract::codec::from_ms;
use arbiter_contract::{Agent, Customer, Message, Ticket};
use sqlx::Row;

use crate::rows;
use crate::views::{InboxView, SyncPosition, TicketListItem, TicketView, ViewCount};
use crate::{Action, OutboxState};
use crate::{Cache, CacheError};

/// Longest page of the inbox list.
pub const MAX_LIST_LIMIT: u32 = 500;
const PREVIEW_CHARS: usize = 160;

/// The SQL condition selecting a view's tickets; `?1` is the signed-in agent. Each matches
/// the condition of a partial index in migration 0005, so a page is an index range scan.
fn view_condition(view: InboxView) -> &'static str {
    match view {
        InboxView::Mine => "t.assignee_id = ?1 AND t.status IN ('new', 'open', 'pending', 'on_hold')",
        InboxView::Unassigned => "t.assignee_id IS NULL AND t.status IN ('new', 'open', 'pending', 'on_hold')",
        InboxView::Open => "t.status IN ('new', 'open')",
        InboxView::Pending => "t.status = 'pending'",
        InboxView::OnHold => "t.status = 'on_hold'",
        InboxView::Solved => "t.status IN ('solved', 'closed')",
        InboxView::All => "?1 = ?1",
    }
}

/// The same views over `ticket_counts` (assignee 0 is nobody).
fn count_condition(view: InboxView) -> &'static str {
    match view {
        InboxView::Mine => "assignee = ?1 AND status IN ('new', 'open', 'pending', 'on_hold')",
        InboxView::Unassigned => "assignee = 0 AND status IN ('new', 'open', 'pending', 'on_hold')",
        InboxView::Open => "status IN ('new', 'open')",
        InboxView::Pending => "status = 'pending'",
        InboxView::OnHold => "status = 'on_hold'",
        InboxView::Solved => "status IN ('solved', 'closed')",
        InboxView::All => "?1 = ?1",
    }
}

/// Where the next page of a list starts: after this row in (updated_at, id) descending order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
pub struct ListCursor {
    pub updated_at_ms: i64,
    pub id: i64,
}

/// A whitespace-collapsed beginning of a message, for one-line previews.
fn preview(text: &str) -> String {
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
        let row = sqlx::query("SELECT feed_id, cursor, head, synced_at FROM sync_state WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(SyncPosition {
            feed_id: row.try_get("feed_id")?,
            cursor: row.try_get("cursor")?,
            head: row.try_get("head")?,
            synced_at: row.try_get::<Option<i64>, _>("synced_at")?.map(from_ms),
        })
    }

    /// One page of a view, newest activity first.
    pub async fn list_tickets(
        &self,
        view: InboxView,
        me: i64,
        after: Option<ListCursor>,
        limit: u32,
    ) -> Result<Vec<TicketListItem>, CacheError> {
        let limit = limit.clamp(1, MAX_LIST_LIMIT);
        let keyset =
            if after.is_some() { "AND (t.updated_at, t.id) < (?2, ?3)" } else { "AND ?2 IS NULL AND ?3 IS NULL" };
        // The page's ids first (an index range), then its rows' details: joining before the
        // LIMIT would look up every matching ticket's last message.
        let sql = format!(
            "WITH page AS MATERIALIZED (
                 SELECT t.id, t.updated_at FROM tickets t
                 WHERE {} {keyset}
                 ORDER BY t.updated_at DESC, t.id DESC
                 LIMIT ?4)
             SELECT t.data AS ticket, a.data AS assignee, c.data AS customer, lm.data AS last_message
             FROM page p
             JOIN tickets t ON t.id = p.id
             LEFT JOIN agents a ON a.id = t.assignee_id
             LEFT JOIN customers c ON c.id = t.customer_id
             LEFT JOIN messages lm ON lm.id = (
                 SELECT m.id FROM messages m WHERE m.ticket_id = t.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1)
             ORDER BY p.updated_at DESC, p.id DESC",
            view_condition(view)
        );
        let rows = sqlx::query(&sql)
            .bind(me)
            .bind(after.map(|a| a.updated_at_ms))
            .bind(after.map(|a| a.id))
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let ticket: Ticket = rows::decode(row, "ticket")?;
                let assignee: Option<Agent> = rows::decode_opt(row, "assignee")?;
                let customer: Option<Customer> = rows::decode_opt(row, "customer")?;
                let last: Option<Message> = rows::decode_opt(row, "last_message")?;
                Ok(TicketListItem {
                    id: ticket.id,
                    subject: ticket.subject,
                    channel: ticket.channel,
                    kind: ticket.kind,
                    status: ticket.status,
                    priority: ticket.priority,
                    queue: ticket.queue,
                    assignee_name: assignee.map(|a| a.name),
                    customer_name: customer.map(|c| c.name),
                    language: ticket.language,
                    updated_at: ticket.updated_at,
                    preview: last.as_ref().map(|m| preview(&m.text)),
                    last_author_kind: last.map(|m| m.author_kind),
                    outbox: None,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()
            .map_err(CacheError::from)
            .map(|items| self.overlay_list(items))?
            .await
    }

    /// Shows the agent's unconfirmed ticket updates on list rows, and marks rows with
    /// pending, conflicting or rejected actions.
    async fn overlay_list(&self, mut items: Vec<TicketListItem>) -> Result<Vec<TicketListItem>, CacheError> {
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

    /// How many tickets each built-in view holds, from the trigger-kept counts.
    pub async fn view_counts(&self, me: i64) -> Result<Vec<ViewCount>, CacheError> {
        let sums: Vec<String> = InboxView::ALL
            .iter()
            .map(|view| format!("COALESCE(SUM(CASE WHEN {} THEN n END), 0)", count_condition(*view)))
            .collect();
        let sql = format!("SELECT {} FROM ticket_counts", sums.join(", "));
        let row = sqlx::query(&sql).bind(me).fetch_one(&self.pool).await?;
        InboxView::ALL
            .iter()
            .enumerate()
            .map(|(index, view)| Ok(ViewCount { view: *view, count: row.try_get(index)? }))
            .collect()
    }

    pub async fn ticket_view(&self, id: i64) -> Result<Option<TicketView>, CacheError> {
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
        let messages = sqlx::query("SELECT data FROM messages WHERE ticket_id = ? ORDER BY created_at, id")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| rows::decode(r, "data"))
            .collect::<Result<_, _>>()?;
        let notes = sqlx::query("SELECT data FROM notes WHERE ticket_id = ? ORDER BY created_at, id")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| rows::decode(r, "data"))
            .collect::<Result<_, _>>()?;
        let outbox = self.outbox_for_ticket(id).await?;
        let mut ticket = ticket;
        for item in &outbox {
            if let (Action::UpdateTicket { update, .. }, OutboxState::Pending | OutboxState::Sending) =
                (&item.action, item.state)
            {
                overlay_update(&mut ticket, update);
            }
        }
        Ok(Some(TicketView { ticket, customer, assignee, messages, notes, outbox }))
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
        for table in ["agents", "customers", "tickets", "messages", "notes", "entities"] {
            let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&self.pool).await?;
            out.push((table.to_owned(), count));
        }
        Ok(out)
    }
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
