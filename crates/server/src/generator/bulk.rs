//! Fast loading of generated data: rows are buffered per table and written with multi-row
//! INSERTs (what one `put_*` per entity would store, a hundred times faster). Feed rows keep
//! the order entities were added in.

use std::collections::BTreeMap;

use arbiter_contract::codec::{to_ms, wire_name};
use arbiter_contract::feed::{team_feed_id, POLICY_ENTITY_ID};
use arbiter_contract::*;
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::AnyConnection;

use crate::store::rows::{bind, to_json, Val};
use crate::store::service_history;
use crate::store::Scope;

/// Bind parameters per statement (SQLite allows 32,766, PostgreSQL 65,535); a few thousand
/// keep statements quick to prepare and repeat, so they come from the statement cache.
const MAX_PARAMS: usize = 4_000;

/// When (ms) the customer first wrote, and when and by whom a person first replied.
type FirstMessages = (Option<i64>, Option<(i64, i64)>);

struct Table {
    columns: &'static [&'static str],
    rows: Vec<Vec<Val>>,
}

pub struct Bulk<'c> {
    conn: &'c mut AnyConnection,
    /// SQLite looks `$n` parameters up by name, one by one (quadratic in their number), so
    /// bulk statements use anonymous `?` there; PostgreSQL needs `$n`.
    numbered: bool,
    tables: BTreeMap<&'static str, Table>,
    changes: Vec<Vec<Val>>,
    /// Per ticket: the customer's first message, a person's first reply and its author.
    replies: BTreeMap<i64, FirstMessages>,
    pub rows_written: usize,
}

const CHANGE_COLUMNS: &[&str] = &[
    "entity_kind",
    "entity_id",
    "tombstone",
    "scope_global",
    "scope_queue",
    "scope_team",
    "scope_assignee",
    "scope_customer",
    "scope_agent",
    "payload",
];

fn columns_of(table: &str) -> &'static [&'static str] {
    match table {
        "teams" => &["id", "kind", "data"],
        "agents" => &["id", "team", "role", "data"],
        "customers" => &["id", "account_id", "email", "data"],
        "tickets" => &[
            "id",
            "queue",
            "assignee_id",
            "customer_id",
            "status",
            "channel",
            "created_at",
            "updated_at",
            "version",
            "data",
        ],
        "messages" => &["id", "ticket_id", "created_at", "data"],
        "ticket_states" => &["ticket_id", "at", "status", "assignee_id", "queue"],
        "ticket_replies" => &["ticket_id", "first_customer_at", "first_reply_at", "first_reply_agent"],
        "message_files" => &["sha256", "message_id", "ticket_id"],
        "notes" => &["id", "ticket_id", "data"],
        "side_conversations" => &["id", "ticket_id", "version", "data"],
        "side_messages" => &["id", "side_conversation_id", "ticket_id", "data"],
        "macros" | "articles" => &["id", "data"],
        "activity_events" => &["id", "customer_id", "at", "data"],
        "activity_identifiers" => &["kind", "value", "customer_id", "event_id"],
        "dispute_alerts" => &[
            "id",
            "programme",
            "external_id",
            "customer_id",
            "queue",
            "status",
            "respond_by",
            "received_at",
            "version",
            "data",
        ],
        "card_payments" => &["event_id", "customer_id", "card_last4", "arn", "at"],
        "cases" => &["id", "customer_id", "queue", "assignee_id", "version", "data"],
        "case_events" => &["id", "case_id", "at", "data"],
        "escalations" => &["id", "ticket_id", "target_team", "status", "version", "data"],
        "sars" => &["id", "investigator_id", "status", "version", "data"],
        "documents" => &["id", "case_id", "data"],
        "policies" => &["version", "data"],
        "screened_addresses" => &["address", "network", "data"],
        other => panic!("no bulk layout for {other}"),
    }
}

/// About one demo conversation in twenty that took a while was solved, reopened and solved
/// again (chosen by its id, so the demo's random sequence is unchanged): the two moments.
fn demo_reopen(t: &Ticket) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let solved = t.solved_at?;
    let span = solved - t.created_at;
    let pick = (t.id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56;
    (span > chrono::Duration::hours(2) && pick < 13).then(|| (t.created_at + span * 2 / 5, t.created_at + span * 3 / 5))
}

impl<'c> Bulk<'c> {
    pub fn new(conn: &'c mut AnyConnection, backend: crate::db::Backend) -> Self {
        let numbered = backend == crate::db::Backend::Postgres;
        Self { conn, numbered, tables: BTreeMap::new(), changes: Vec::new(), replies: BTreeMap::new(), rows_written: 0 }
    }

    async fn push_row(&mut self, table: &'static str, row: Vec<Val>) -> Result<(), sqlx::Error> {
        let entry = self.tables.entry(table).or_insert_with(|| Table { columns: columns_of(table), rows: Vec::new() });
        entry.rows.push(row);
        if entry.rows.len() * entry.columns.len() >= MAX_PARAMS {
            self.flush_table(table).await?;
        }
        Ok(())
    }

    /// Stores an entity row (`columns` then its JSON) and its feed record.
    async fn add<T: Serialize>(
        &mut self,
        table: &'static str,
        kind: EntityKind,
        id: i64,
        mut row: Vec<Val>,
        value: &T,
        scope: &Scope,
    ) -> Result<(), sqlx::Error> {
        let data = to_json(value);
        // The feed payload is `{"kind": …, "data": …}` around the same JSON.
        let payload = format!("{{\"kind\":\"{}\",\"data\":{data}}}", kind.as_str());
        row.push(Val::from(data));
        self.push_row(table, row).await?;
        self.changes.push(vec![
            Val::from(kind.as_str()),
            Val::from(id),
            Val::from(0),
            Val::from(i64::from(scope.global)),
            Val::from(scope.queue.clone()),
            Val::from(scope.team.clone()),
            Val::from(scope.assignee),
            Val::from(scope.customer),
            Val::from(scope.agent),
            Val::from(payload),
        ]);
        if self.changes.len() * CHANGE_COLUMNS.len() >= MAX_PARAMS {
            self.flush_changes().await?;
        }
        Ok(())
    }

    pub async fn team(&mut self, t: &Team) -> Result<(), sqlx::Error> {
        let row = vec![Val::from(t.id.as_str()), wire_name(&t.kind).into()];
        self.add("teams", EntityKind::Team, team_feed_id(&t.id), row, t, &Scope::global()).await
    }

    pub async fn agent(&mut self, a: &Agent) -> Result<(), sqlx::Error> {
        let row = vec![a.id.into(), Val::from(a.team.as_str()), wire_name(&a.role).into()];
        self.add("agents", EntityKind::Agent, a.id, row, a, &Scope::global()).await
    }

    pub async fn customer(&mut self, c: &Customer) -> Result<(), sqlx::Error> {
        let row = vec![c.id.into(), Val::from(c.account_id.as_str()), c.email.to_lowercase().into()];
        self.add("customers", EntityKind::Customer, c.id, row, c, &Scope::of_customer(c.id)).await
    }

    pub async fn ticket(&mut self, t: &Ticket) -> Result<(), sqlx::Error> {
        let row = vec![
            t.id.into(),
            Val::from(t.queue.as_str()),
            t.assignee_id.into(),
            t.customer_id.into(),
            wire_name(&t.status).into(),
            wire_name(&t.channel).into(),
            to_ms(t.created_at).into(),
            to_ms(t.updated_at).into(),
            t.version.into(),
        ];
        for state in service_history::generated_states(t, demo_reopen(t)) {
            self.push_row("ticket_states", state).await?;
        }
        self.add("tickets", EntityKind::Ticket, t.id, row, t, &Scope::of_ticket(t)).await
    }

    pub async fn message(&mut self, m: &Message, scope: &Scope) -> Result<(), sqlx::Error> {
        let row = vec![m.id.into(), m.ticket_id.into(), to_ms(m.created_at).into()];
        let at = to_ms(m.created_at);
        let replies = self.replies.entry(m.ticket_id).or_default();
        match (m.author_kind, m.author_agent_id) {
            (AuthorKind::Customer, _) => replies.0 = Some(replies.0.map_or(at, |t| t.min(at))),
            (AuthorKind::Agent, Some(agent)) if replies.1.is_none_or(|(t, _)| at < t) => replies.1 = Some((at, agent)),
            _ => {}
        }
        // Who may download a file is who may see a message carrying it.
        for file in &m.attachments {
            self.push_row("message_files", vec![file.sha256.clone().into(), m.id.into(), m.ticket_id.into()]).await?;
        }
        self.add("messages", EntityKind::Message, m.id, row, m, scope).await
    }

    pub async fn note(&mut self, n: &Note, scope: &Scope) -> Result<(), sqlx::Error> {
        self.add("notes", EntityKind::Note, n.id, vec![n.id.into(), n.ticket_id.into()], n, scope).await
    }

    pub async fn side_conversation(&mut self, s: &SideConversation, scope: &Scope) -> Result<(), sqlx::Error> {
        let row = vec![s.id.into(), s.ticket_id.into(), s.version.into()];
        self.add("side_conversations", EntityKind::SideConversation, s.id, row, s, scope).await
    }

    pub async fn side_message(&mut self, m: &SideMessage, scope: &Scope) -> Result<(), sqlx::Error> {
        let row = vec![m.id.into(), m.side_conversation_id.into(), m.ticket_id.into()];
        self.add("side_messages", EntityKind::SideMessage, m.id, row, m, scope).await
    }

    pub async fn macro_(&mut self, m: &Macro) -> Result<(), sqlx::Error> {
        self.add("macros", EntityKind::Macro, m.id, vec![m.id.into()], m, &Scope::global()).await
    }

    pub async fn article(&mut self, a: &Article) -> Result<(), sqlx::Error> {
        self.add("articles", EntityKind::Article, a.id, vec![a.id.into()], a, &Scope::global()).await
    }

    pub async fn activity(&mut self, e: &ActivityEvent) -> Result<(), sqlx::Error> {
        for (kind, value) in crate::store::links::identifier_rows(e) {
            self.push_row(
                "activity_identifiers",
                vec![Val::from(kind), Val::from(value), e.customer_id.into(), e.id.into()],
            )
            .await?;
        }
        if let Some((last4, arn)) = crate::store::alerts::card_of(e) {
            let row = vec![e.id.into(), e.customer_id.into(), Val::from(last4), Val::from(arn), to_ms(e.at).into()];
            self.push_row("card_payments", row).await?;
        }
        let row = vec![e.id.into(), e.customer_id.into(), to_ms(e.at).into()];
        self.add("activity_events", EntityKind::ActivityEvent, e.id, row, e, &Scope::of_customer(e.customer_id)).await
    }

    /// An address the reference screening knows (not an entity of the feed: it is asked for).
    pub async fn screened_address(&mut self, address: &str, network: &str, s: &Screening) -> Result<(), sqlx::Error> {
        let row = vec![Val::from(crate::store::screening::key(address)), Val::from(network), Val::from(to_json(s))];
        self.push_row("screened_addresses", row).await
    }

    pub async fn case(&mut self, c: &Case) -> Result<(), sqlx::Error> {
        let row = vec![
            c.id.into(),
            c.customer_id.into(),
            Val::from(c.queue.as_str()),
            c.assignee_id.into(),
            c.version.into(),
        ];
        self.add("cases", EntityKind::Case, c.id, row, c, &Scope::of_case(c)).await
    }

    pub async fn case_event(&mut self, e: &CaseEvent, scope: &Scope) -> Result<(), sqlx::Error> {
        let row = vec![e.id.into(), e.case_id.into(), to_ms(e.at).into()];
        self.add("case_events", EntityKind::CaseEvent, e.id, row, e, scope).await
    }

    pub async fn escalation(&mut self, e: &Escalation, ticket: Option<&Ticket>) -> Result<(), sqlx::Error> {
        let row = vec![
            e.id.into(),
            e.ticket_id.into(),
            Val::from(e.target_team.as_str()),
            wire_name(&e.status).into(),
            e.version.into(),
        ];
        self.add("escalations", EntityKind::Escalation, e.id, row, e, &Scope::of_escalation(e, ticket)).await
    }

    pub async fn sar(&mut self, s: &Sar) -> Result<(), sqlx::Error> {
        let row = vec![s.id.into(), s.investigator_id.into(), wire_name(&s.status).into(), s.version.into()];
        self.add("sars", EntityKind::Sar, s.id, row, s, &Scope::of_sar(s)).await
    }

    pub async fn document(&mut self, d: &Document, content: &[u8], scope: &Scope) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO document_contents (id, content) VALUES ($1, $2)")
            .bind(d.id)
            .bind(content.to_vec())
            .execute(&mut *self.conn)
            .await?;
        self.add("documents", EntityKind::Document, d.id, vec![d.id.into(), d.case_id.into()], d, scope).await
    }

    /// The bytes of the files the demo's messages carry (the same few for all of them).
    pub async fn sample_files(&mut self) -> Result<(), sqlx::Error> {
        for sample in super::sample_files::samples() {
            crate::store::files::put_file(self.conn, &sample.sha256, &sample.bytes).await?;
        }
        Ok(())
    }

    pub async fn dispute_alert(&mut self, a: &DisputeAlert) -> Result<(), sqlx::Error> {
        let row = vec![
            a.id.into(),
            Val::from(wire_name(&a.programme)),
            Val::from(a.external_id.as_str()),
            a.customer_id.into(),
            Val::from(a.queue.as_str()),
            wire_name(&a.status).into(),
            to_ms(a.respond_by).into(),
            to_ms(a.received_at).into(),
            a.version.into(),
        ];
        self.add("dispute_alerts", EntityKind::DisputeAlert, a.id, row, a, &crate::store::alerts::scope(a)).await
    }

    pub async fn policy(&mut self, p: &PolicySet) -> Result<(), sqlx::Error> {
        self.add("policies", EntityKind::Policy, POLICY_ENTITY_ID, vec![p.version.into()], p, &Scope::global()).await
    }

    async fn flush_rows(&mut self, table: &str, columns: &[&str], rows: Vec<Vec<Val>>) -> Result<(), sqlx::Error> {
        if rows.is_empty() {
            return Ok(());
        }
        let width = columns.len();
        let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
        for (r, _) in rows.iter().enumerate() {
            if r > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            if self.numbered {
                sql.push_str(&crate::store::rows::params(r * width, width));
            } else {
                sql.push_str(&vec!["?"; width].join(", "));
            }
            sql.push(')');
        }
        let mut query = sqlx::query(&sql);
        self.rows_written += rows.len();
        for row in rows {
            for value in row {
                query = bind(query, value);
            }
        }
        query.execute(&mut *self.conn).await?;
        Ok(())
    }

    async fn flush_table(&mut self, table: &'static str) -> Result<(), sqlx::Error> {
        let Some(entry) = self.tables.get_mut(table) else { return Ok(()) };
        let rows = std::mem::take(&mut entry.rows);
        let columns = entry.columns;
        self.flush_rows(table, columns, rows).await
    }

    async fn flush_changes(&mut self) -> Result<(), sqlx::Error> {
        // Entity rows first, so a feed row never points at an entity not yet stored.
        let tables: Vec<&'static str> = self.tables.keys().copied().collect();
        for table in tables {
            self.flush_table(table).await?;
        }
        let rows = std::mem::take(&mut self.changes);
        self.flush_rows("changes", CHANGE_COLUMNS, rows).await
    }

    /// Writes everything still buffered.
    pub async fn finish(mut self) -> Result<usize, sqlx::Error> {
        for (ticket, (asked, answered)) in std::mem::take(&mut self.replies) {
            let row =
                vec![ticket.into(), asked.into(), answered.map(|(at, _)| at).into(), answered.map(|(_, a)| a).into()];
            self.push_row("ticket_replies", row).await?;
        }
        self.flush_changes().await?;
        Ok(self.rows_written)
    }
}
