//! The inbox lists: built-in views, the agent's saved views, their pages and live counts.
//!
//! A page selects the view's ids first, from an index holding just that view's rows in
//! display order (migrations 0005 and 0006; the conditions below must match those indexes'
//! WHERE clauses), then the details of those rows only.

use arbiter_contract::codec::{from_ms, from_wire_name, wire_name};
use arbiter_contract::Ticket;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::{QueryBuilder, Row, Sqlite};

use crate::queries::preview;
use crate::rows;
use crate::views::{AssigneeFilter, InboxView, SavedView, TicketFilter, TicketListItem, ViewCount, ViewKey};
use crate::{Cache, CacheError};

/// Longest page of the inbox list.
pub const MAX_LIST_LIMIT: u32 = 500;
const ACTIVE: &str = "('new', 'open', 'pending', 'on_hold')";

/// Where the next page of a list starts: after the row with this sort key (its update time,
/// or for "SLA at risk" its due time, in ms) and id. Opaque to the UI: it passes back the
/// `cursor` of the last row it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ListCursor {
    pub key: i64,
    pub id: i64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    /// Newest activity first.
    Recent,
    /// Soonest SLA due first.
    SoonestDue,
}

impl Order {
    fn key_column(self) -> &'static str {
        match self {
            Order::Recent => "t.updated_at",
            Order::SoonestDue => "t.sla_due_at",
        }
    }
}

/// Which tickets a list shows.
enum Selection<'a> {
    Builtin { view: InboxView, me: i64, at_risk_until: i64 },
    Filtered { filter: &'a TicketFilter, me: i64 },
}

impl Selection<'_> {
    /// Pushes the condition on `tickets t`, with its values bound.
    fn push(&self, sql: &mut QueryBuilder<'_, Sqlite>) -> Order {
        match self {
            Selection::Builtin { view, me, at_risk_until } => push_builtin(sql, *view, *me, *at_risk_until),
            Selection::Filtered { filter, me } => {
                push_filter(sql, filter, *me);
                Order::Recent
            }
        }
    }
}

/// The index that holds a built-in view's rows in its display order (its partial index's
/// condition is the view's, term for term).
pub(crate) fn builtin_index(view: InboxView) -> &'static str {
    match view {
        InboxView::Mine | InboxView::Unassigned => "tickets_active_by_assignee",
        InboxView::Open => "tickets_open_recent",
        InboxView::Pending | InboxView::OnHold => "tickets_by_status",
        InboxView::SlaAtRisk => "tickets_sla_due",
        InboxView::Escalated => "tickets_escalated",
        InboxView::Chargebacks | InboxView::FraudClaims => "tickets_active_by_kind",
        InboxView::Disputes => "tickets_active_disputes",
        InboxView::Solved => "tickets_solved_recent",
        InboxView::All => "tickets_by_updated",
    }
}

/// The view's condition on `tickets t`, with its values bound.
fn push_builtin(sql: &mut QueryBuilder<'_, Sqlite>, view: InboxView, me: i64, at_risk_until: i64) -> Order {
    let active = format!("t.status IN {ACTIVE}");
    match view {
        InboxView::Mine => {
            sql.push("t.assignee_id = ").push_bind(me).push(format!(" AND {active}"));
        }
        InboxView::Unassigned => {
            sql.push(format!("t.assignee_id IS NULL AND {active}"));
        }
        InboxView::Open => {
            sql.push("t.status IN ('new', 'open')");
        }
        InboxView::Pending => {
            sql.push("t.status = 'pending'");
        }
        InboxView::OnHold => {
            sql.push("t.status = 'on_hold'");
        }
        InboxView::SlaAtRisk => {
            sql.push("t.status IN ('new', 'open') AND t.sla_due_at IS NOT NULL AND t.sla_due_at <= ")
                .push_bind(at_risk_until);
            return Order::SoonestDue;
        }
        InboxView::Escalated => {
            sql.push(format!("t.escalation_level <> 'l0' AND {active}"));
        }
        InboxView::Chargebacks => {
            sql.push(format!("t.kind = 'card_chargeback' AND {active}"));
        }
        InboxView::FraudClaims => {
            sql.push(format!("t.kind = 'fraud_claim' AND {active}"));
        }
        InboxView::Disputes => {
            sql.push(format!("t.kind IN ('trade_dispute', 'p2p_dispute') AND {active}"));
        }
        InboxView::Solved => {
            sql.push("t.status IN ('solved', 'closed')");
        }
        InboxView::All => {
            sql.push("1 = 1");
        }
    }
    Order::Recent
}

/// A saved view's condition on `tickets t`.
fn push_filter(sql: &mut QueryBuilder<'_, Sqlite>, filter: &TicketFilter, me: i64) {
    sql.push("1 = 1");
    rows::push_in_list(sql, "t.status", filter.statuses.iter().map(wire_name));
    rows::push_in_list(sql, "t.queue", filter.queues.iter().cloned());
    rows::push_in_list(sql, "t.kind", filter.kinds.iter().map(wire_name));
    rows::push_in_list(sql, "t.channel", filter.channels.iter().map(wire_name));
    rows::push_in_list(sql, "t.language", filter.languages.iter().cloned());
    rows::push_in_list(sql, "t.priority", filter.priorities.iter().map(wire_name));
    if !filter.tags.is_empty() {
        sql.push(" AND t.id IN (SELECT ticket_id FROM ticket_tags WHERE tag IN (");
        let mut list = sql.separated(", ");
        for tag in &filter.tags {
            list.push_bind(tag.clone());
        }
        sql.push("))");
    }
    match filter.assignee {
        Some(AssigneeFilter::Me) => {
            sql.push(" AND t.assignee_id = ").push_bind(me);
        }
        Some(AssigneeFilter::Nobody) => {
            sql.push(" AND t.assignee_id IS NULL");
        }
        Some(AssigneeFilter::Agent(agent)) => {
            sql.push(" AND t.assignee_id = ").push_bind(agent);
        }
        Some(AssigneeFilter::Anyone) | None => {}
    }
    if filter.escalated {
        sql.push(" AND t.escalation_level <> 'l0'");
    }
}

/// The end of the SLA at-risk window from now, in ms.
fn at_risk_until(now: DateTime<Utc>) -> i64 {
    (now + chrono::Duration::minutes(arbiter_policy::sla::AT_RISK_MINUTES)).timestamp_millis()
}

/// The statement of one list page (prefixed with `prefix`, e.g. `EXPLAIN QUERY PLAN `), and
/// the order it lists in.
fn page_query<'a>(
    selection: Selection<'a>,
    after: Option<ListCursor>,
    limit: u32,
    prefix: &str,
) -> (QueryBuilder<'a, Sqlite>, Order) {
    let limit = limit.clamp(1, MAX_LIST_LIMIT);
    let mut sql = QueryBuilder::<Sqlite>::new(format!(
        "{prefix}WITH page AS MATERIALIZED (SELECT t.id, t.updated_at, t.sla_due_at FROM tickets t "
    ));
    // Each built-in view reads the index that holds its rows in display order, whatever the
    // statistics say: with them (`PRAGMA optimize` runs ANALYZE), SQLite took the status
    // index for several views and sorted thousands of rows before the first page — 10–15 ms
    // instead of 1–2 on 114,000 tickets, and only on the connections that had read the
    // statistics, so pages were slow on every other connection of the pool.
    if let Selection::Builtin { view, .. } = selection {
        sql.push(format!("INDEXED BY {} ", builtin_index(view)));
    }
    sql.push("WHERE ");
    let order = selection.push(&mut sql);
    let key = order.key_column();
    if let Some(after) = after {
        let op = if order == Order::Recent { "<" } else { ">" };
        sql.push(format!(" AND ({key}, t.id) {op} (")).push_bind(after.key).push(", ").push_bind(after.id).push(")");
    }
    let direction = if order == Order::Recent { "DESC" } else { "ASC" };
    sql.push(format!(" ORDER BY {key} {direction}, t.id {direction} LIMIT ")).push_bind(i64::from(limit)).push(
        format!(
            ") SELECT t.data AS ticket, p.sla_due_at, json_extract(a.data, '$.name') AS assignee_name,
         json_extract(c.data, '$.name') AS customer_name, json_extract(lm.data, '$.text') AS last_text,
         json_extract(lm.data, '$.author_kind') AS last_author
         FROM page p
         JOIN tickets t ON t.id = p.id
         LEFT JOIN agents a ON a.id = t.assignee_id
         LEFT JOIN customers c ON c.id = t.customer_id
         LEFT JOIN messages lm ON lm.id = (
             SELECT m.id FROM messages m WHERE m.ticket_id = t.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1)
         ORDER BY p.{} {direction}, p.id {direction}",
            key.trim_start_matches("t.")
        ),
    );
    (sql, order)
}

impl Cache {
    /// One page of a built-in view.
    pub async fn list_tickets(
        &self,
        view: InboxView,
        me: i64,
        after: Option<ListCursor>,
        limit: u32,
    ) -> Result<Vec<TicketListItem>, CacheError> {
        self.list_page(Selection::Builtin { view, me, at_risk_until: at_risk_until(Utc::now()) }, after, limit).await
    }

    /// One page of a built-in or saved view.
    pub async fn list_view(
        &self,
        view: &ViewKey,
        me: i64,
        after: Option<ListCursor>,
        limit: u32,
    ) -> Result<Vec<TicketListItem>, CacheError> {
        match view {
            ViewKey::Builtin(view) => self.list_tickets(*view, me, after, limit).await,
            ViewKey::Saved(id) => {
                let saved = self.saved_view(id).await?.ok_or_else(|| CacheError::NotFound(format!("view {id}")))?;
                self.list_page(Selection::Filtered { filter: &saved.filter, me }, after, limit).await
            }
            ViewKey::Filter(filter) => self.list_page(Selection::Filtered { filter, me }, after, limit).await,
        }
    }

    /// How SQLite reads the first page of a built-in view (`EXPLAIN QUERY PLAN` of the very
    /// statement `list_tickets` runs), a line per step: the bench prints it beside the view's
    /// time, so a plan that changes is seen.
    pub async fn list_plan(&self, view: InboxView, me: i64) -> Result<Vec<String>, CacheError> {
        let selection = Selection::Builtin { view, me, at_risk_until: at_risk_until(Utc::now()) };
        let (mut sql, _) = page_query(selection, None, 100, "EXPLAIN QUERY PLAN ");
        let rows = sql.build().fetch_all(&self.pool).await?;
        rows.iter()
            .map(|row| {
                let (id, parent): (i64, i64) = (row.try_get("id")?, row.try_get("parent")?);
                let detail: String = row.try_get("detail")?;
                Ok(format!("{id}<{parent} {detail}"))
            })
            .collect()
    }

    async fn list_page(
        &self,
        selection: Selection<'_>,
        after: Option<ListCursor>,
        limit: u32,
    ) -> Result<Vec<TicketListItem>, CacheError> {
        let (mut sql, order) = page_query(selection, after, limit, "");
        let rows = sql.build().fetch_all(&self.pool).await?;
        let items = rows
            .iter()
            .map(|row| {
                let ticket: Ticket = rows::decode(row, "ticket")?;
                let sla_due_at: Option<i64> = row.try_get("sla_due_at")?;
                // Only the fields a row shows: a last message may carry a long HTML body.
                let assignee_name: Option<String> = row.try_get("assignee_name")?;
                let customer_name: Option<String> = row.try_get("customer_name")?;
                let last_text: Option<String> = row.try_get("last_text")?;
                let last_author: Option<String> = row.try_get("last_author")?;
                let cursor = ListCursor {
                    key: match order {
                        Order::Recent => ticket.updated_at.timestamp_millis(),
                        Order::SoonestDue => sla_due_at.unwrap_or(i64::MAX),
                    },
                    id: ticket.id,
                };
                let owes_answer =
                    matches!(ticket.status, arbiter_contract::TicketStatus::New | arbiter_contract::TicketStatus::Open);
                Ok(TicketListItem {
                    id: ticket.id,
                    subject: ticket.subject,
                    channel: ticket.channel,
                    kind: ticket.kind,
                    status: ticket.status,
                    priority: ticket.priority,
                    queue: ticket.queue,
                    assignee_name,
                    customer_name,
                    language: ticket.language,
                    updated_at: ticket.updated_at,
                    preview: last_text.as_deref().map(preview),
                    last_author_kind: last_author.and_then(|a| from_wire_name(&a).ok()),
                    outbox: None,
                    escalation_level: ticket.escalation_level,
                    sla_due_at: sla_due_at.filter(|_| owes_answer).map(from_ms),
                    tags: ticket.tags,
                    cursor,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        self.overlay_list(items).await
    }

    /// How many tickets each built-in and saved view holds.
    pub async fn view_counts(&self, me: i64) -> Result<Vec<ViewCount>, CacheError> {
        let mut conn = self.pool.acquire().await?;
        // Everything but "SLA at risk" from the trigger-kept counts; ?1 is me.
        let active = format!("status IN {ACTIVE}");
        let conditions: Vec<(InboxView, String)> = vec![
            (InboxView::Mine, format!("assignee = ?1 AND {active}")),
            (InboxView::Unassigned, format!("assignee = 0 AND {active}")),
            (InboxView::Open, "status IN ('new', 'open')".into()),
            (InboxView::Pending, "status = 'pending'".into()),
            (InboxView::OnHold, "status = 'on_hold'".into()),
            (InboxView::Escalated, format!("escalated = 1 AND {active}")),
            (InboxView::Chargebacks, format!("kind = 'card_chargeback' AND {active}")),
            (InboxView::FraudClaims, format!("kind = 'fraud_claim' AND {active}")),
            (InboxView::Disputes, format!("kind IN ('trade_dispute', 'p2p_dispute') AND {active}")),
            (InboxView::Solved, "status IN ('solved', 'closed')".into()),
            (InboxView::All, "?1 = ?1".into()),
        ];
        let sums: Vec<String> =
            conditions.iter().map(|(_, c)| format!("COALESCE(SUM(CASE WHEN {c} THEN n END), 0)")).collect();
        let row = sqlx::query(&format!("SELECT {} FROM ticket_counts", sums.join(", ")))
            .bind(me)
            .fetch_one(&mut *conn)
            .await?;
        let mut counts = Vec::with_capacity(InboxView::ALL.len());
        for (index, (view, _)) in conditions.iter().enumerate() {
            counts.push(ViewCount { view: ViewKey::Builtin(*view), count: row.try_get(index)? });
        }
        let at_risk: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM tickets t INDEXED BY tickets_sla_due
             WHERE t.status IN ('new', 'open') AND t.sla_due_at IS NOT NULL AND t.sla_due_at <= ?",
        )
        .bind(at_risk_until(Utc::now()))
        .fetch_one(&mut *conn)
        .await?;
        counts.push(ViewCount { view: ViewKey::Builtin(InboxView::SlaAtRisk), count: at_risk });
        counts.sort_by_key(|c| match &c.view {
            ViewKey::Builtin(view) => InboxView::ALL.iter().position(|v| v == view).unwrap_or(usize::MAX),
            ViewKey::Saved(_) | ViewKey::Filter(_) => usize::MAX,
        });
        drop(conn);
        for saved in self.saved_views().await? {
            let mut sql = QueryBuilder::<Sqlite>::new("SELECT COUNT(*) FROM tickets t WHERE ");
            push_filter(&mut sql, &saved.filter, me);
            let count: i64 = sql.build_query_scalar().fetch_one(&self.pool).await?;
            counts.push(ViewCount { view: ViewKey::Saved(saved.id), count });
        }
        Ok(counts)
    }

    /// The agent's saved views, in their order.
    pub async fn saved_views(&self) -> Result<Vec<SavedView>, CacheError> {
        let rows: Vec<(String, String, String)> =
            sqlx::query_as("SELECT id, name, filter FROM saved_views ORDER BY position, created_at")
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter()
            .map(|(id, name, filter)| {
                let filter =
                    serde_json::from_str(&filter).map_err(|e| CacheError::Corrupt(format!("saved view {id}: {e}")))?;
                Ok(SavedView { id, name, filter })
            })
            .collect()
    }

    pub async fn saved_view(&self, id: &str) -> Result<Option<SavedView>, CacheError> {
        Ok(self.saved_views().await?.into_iter().find(|v| v.id == id))
    }

    /// Creates or updates a saved view (new ones go last).
    pub async fn save_view(&self, view: &SavedView) -> Result<(), CacheError> {
        sqlx::query(
            "INSERT INTO saved_views (id, name, filter, position, created_at)
             VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM saved_views), ?)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, filter = excluded.filter",
        )
        .bind(&view.id)
        .bind(&view.name)
        .bind(serde_json::to_string(&view.filter).expect("filters serialize"))
        .bind(Utc::now().timestamp_millis())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn delete_view(&self, id: &str) -> Result<bool, CacheError> {
        let done = sqlx::query("DELETE FROM saved_views WHERE id = ?").bind(id).execute(&self.pool).await?;
        Ok(done.rows_affected() > 0)
    }
}
