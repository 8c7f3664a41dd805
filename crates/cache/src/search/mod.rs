//! Full-text search over the cache: tickets, messages, notes and customers, with filters.
//!
//! SQLite FTS5 with a contentless index (`search_index`) keyed by `search_docs.doc`. Hits
//! come newest-synced first, so the index can stop after one page however common the word.

pub(crate) mod index;
pub mod text;

use std::collections::HashMap;

use arbiter_contract::codec::{from_ms, to_ms, wire_name};
use arbiter_contract::{Channel, Customer, Message, Note, Ticket, TicketKind, TicketStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::{QueryBuilder, Row, Sqlite};

use crate::{rows, Cache, CacheError};

pub const DEFAULT_SEARCH_LIMIT: u32 = 50;
pub const MAX_SEARCH_LIMIT: u32 = 200;
const SNIPPET_BEFORE: usize = 40;
const SNIPPET_CHARS: usize = 180;

/// What was indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SearchSource {
    /// A ticket's subject, number or tags.
    Ticket,
    Message,
    Note,
    /// A customer's name, legal name, email or account number.
    Customer,
}

impl SearchSource {
    fn as_str(self) -> &'static str {
        match self {
            SearchSource::Ticket => "ticket",
            SearchSource::Message => "message",
            SearchSource::Note => "note",
            SearchSource::Customer => "customer",
        }
    }

    fn parse(kind: &str) -> Option<Self> {
        Some(match kind {
            "ticket" => SearchSource::Ticket,
            "message" => SearchSource::Message,
            "note" => SearchSource::Note,
            "customer" => SearchSource::Customer,
            _ => return None,
        })
    }
}

/// A search: the text as typed and optional filters (an empty list means any). Ticket
/// filters (status, queue, kind, language, channel) leave out customers, who have no ticket.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct SearchQuery {
    pub text: String,
    #[serde(default)]
    pub sources: Vec<SearchSource>,
    #[serde(default)]
    pub statuses: Vec<TicketStatus>,
    #[serde(default)]
    pub queues: Vec<String>,
    #[serde(default)]
    pub kinds: Vec<TicketKind>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// Written at or after.
    #[serde(default)]
    pub from: Option<DateTime<Utc>>,
    /// Written before.
    #[serde(default)]
    pub to: Option<DateTime<Utc>>,
    #[serde(default)]
    pub limit: Option<u32>,
}

impl SearchQuery {
    pub fn text(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }

    fn has_ticket_filters(&self) -> bool {
        !(self.statuses.is_empty()
            && self.queues.is_empty()
            && self.kinds.is_empty()
            && self.languages.is_empty()
            && self.channels.is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SearchHit {
    pub source: SearchSource,
    pub entity_id: i64,
    pub ticket_id: Option<i64>,
    pub customer_id: Option<i64>,
    /// The ticket's subject, or the customer's name.
    pub title: String,
    /// The matching part of the text, cut around the first match.
    pub snippet: String,
    pub ticket_status: Option<TicketStatus>,
    pub channel: Option<Channel>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// More hits exist than were returned.
    pub more: bool,
    /// Why there are no hits although the text is not empty (e.g. nothing searchable in it).
    pub notice: Option<String>,
}

impl Cache {
    /// Searches the cache. Any text is accepted: FTS syntax is treated as text.
    pub async fn search(&self, query: &SearchQuery) -> Result<SearchResults, CacheError> {
        let Some(fts) = text::fts_query(&query.text) else {
            let notice = (!query.text.trim().is_empty())
                .then(|| "Type some letters or numbers to search for; punctuation alone matches nothing.".to_owned());
            return Ok(SearchResults { hits: Vec::new(), more: false, notice });
        };
        let limit = query.limit.unwrap_or(DEFAULT_SEARCH_LIMIT).clamp(1, MAX_SEARCH_LIMIT);
        let mut sql = QueryBuilder::<Sqlite>::new(
            "SELECT d.kind, d.entity_id, d.ticket_id, d.customer_id, d.at
             FROM search_index f JOIN search_docs d ON d.doc = f.rowid ",
        );
        if query.has_ticket_filters() {
            sql.push("JOIN tickets t ON t.id = d.ticket_id ");
        }
        sql.push("WHERE search_index MATCH ").push_bind(fts);
        rows::push_in_list(&mut sql, "d.kind", query.sources.iter().map(|s| s.as_str().to_owned()));
        rows::push_in_list(&mut sql, "t.status", query.statuses.iter().map(wire_name));
        rows::push_in_list(&mut sql, "t.queue", query.queues.iter().cloned());
        rows::push_in_list(&mut sql, "t.kind", query.kinds.iter().map(wire_name));
        rows::push_in_list(&mut sql, "t.language", query.languages.iter().cloned());
        rows::push_in_list(&mut sql, "t.channel", query.channels.iter().map(wire_name));
        if let Some(from) = query.from {
            sql.push(" AND d.at >= ").push_bind(to_ms(from));
        }
        if let Some(to) = query.to {
            sql.push(" AND d.at < ").push_bind(to_ms(to));
        }
        // "#100234" (or the bare number) means that ticket first: numbers match few documents,
        // so sorting all the matches costs nothing here.
        match ticket_number(&query.text) {
            Some(number) => {
                sql.push(" ORDER BY (d.kind = 'ticket' AND d.entity_id = ")
                    .push_bind(number)
                    .push(") DESC, f.rowid DESC");
            }
            None => {
                sql.push(" ORDER BY f.rowid DESC");
            }
        }
        sql.push(" LIMIT ").push_bind(i64::from(limit) + 1);

        let rows = sql.build().fetch_all(&self.pool).await?;
        let more = rows.len() > limit as usize;
        let mut found = Vec::with_capacity(rows.len().min(limit as usize));
        for row in rows.iter().take(limit as usize) {
            let kind: String = row.try_get(0)?;
            let Some(source) = SearchSource::parse(&kind) else { continue };
            found.push(Found {
                source,
                entity_id: row.try_get(1)?,
                ticket_id: row.try_get(2)?,
                customer_id: row.try_get(3)?,
                at: row.try_get(4)?,
            });
        }
        let hits = self.hydrate(&found, &text::tokens(&query.text)).await?;
        Ok(SearchResults { hits, more, notice: None })
    }

    /// Turns doc ids into hits with titles and snippets, from the entity tables.
    async fn hydrate(&self, found: &[Found], words: &[String]) -> Result<Vec<SearchHit>, CacheError> {
        let mut conn = self.pool.acquire().await?;
        let ids = |source: SearchSource| found.iter().filter(move |f| f.source == source).map(|f| f.entity_id);
        let ticket_ids = found.iter().filter_map(|f| f.ticket_id);
        let tickets: HashMap<i64, Ticket> = fetch_by_ids(&mut conn, "tickets", ticket_ids).await?;
        let messages: HashMap<i64, Message> = fetch_by_ids(&mut conn, "messages", ids(SearchSource::Message)).await?;
        let notes: HashMap<i64, Note> = fetch_by_ids(&mut conn, "notes", ids(SearchSource::Note)).await?;
        let customers: HashMap<i64, Customer> =
            fetch_by_ids(&mut conn, "customers", ids(SearchSource::Customer)).await?;

        let mut hits = Vec::with_capacity(found.len());
        for f in found {
            let ticket = f.ticket_id.and_then(|id| tickets.get(&id));
            let (title, body) = match f.source {
                SearchSource::Ticket => match ticket {
                    Some(t) => (t.subject.clone(), format!("#{} {}", t.id, t.tags.join(" "))),
                    None => continue,
                },
                SearchSource::Message => match messages.get(&f.entity_id) {
                    Some(m) => (ticket.map(|t| t.subject.clone()).unwrap_or_default(), m.text.clone()),
                    None => continue,
                },
                SearchSource::Note => match notes.get(&f.entity_id) {
                    Some(n) => (ticket.map(|t| t.subject.clone()).unwrap_or_default(), n.text.clone()),
                    None => continue,
                },
                SearchSource::Customer => match customers.get(&f.entity_id) {
                    Some(c) => (c.name.clone(), format!("{} · {} · {}", c.email, c.account_id, c.country)),
                    None => continue,
                },
            };
            hits.push(SearchHit {
                source: f.source,
                entity_id: f.entity_id,
                ticket_id: f.ticket_id,
                customer_id: f.customer_id.or(ticket.map(|t| t.customer_id)),
                title,
                snippet: snippet(&body, words),
                ticket_status: ticket.map(|t| t.status),
                channel: ticket.map(|t| t.channel),
                at: from_ms(f.at),
            });
        }
        Ok(hits)
    }

    /// Indexes rows that were cached before the index existed (once, on open).
    pub(crate) async fn build_search_index_if_needed(&self) -> Result<(), CacheError> {
        let built: i64 =
            sqlx::query_scalar("SELECT search_built FROM sync_state WHERE id = 1").fetch_one(&self.pool).await?;
        if built != 0 {
            return Ok(());
        }
        let mut tx = self.pool.begin().await?;
        for table in ["tickets", "messages", "notes", "customers"] {
            let mut after = i64::MIN;
            loop {
                let batch: Vec<(i64, String)> =
                    sqlx::query_as(&format!("SELECT id, data FROM {table} WHERE id > ? ORDER BY id LIMIT 1000"))
                        .bind(after)
                        .fetch_all(&mut *tx)
                        .await?;
                let Some(last) = batch.last() else { break };
                after = last.0;
                let docs = batch
                    .iter()
                    .filter_map(|(_, data)| entity_of(table, data))
                    .filter_map(|e| index::doc_of(&e))
                    .collect();
                index::index_docs(&mut tx, docs).await?;
            }
        }
        sqlx::query("UPDATE sync_state SET search_built = 1 WHERE id = 1").execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }
}

struct Found {
    source: SearchSource,
    entity_id: i64,
    ticket_id: Option<i64>,
    customer_id: Option<i64>,
    at: i64,
}

fn entity_of(table: &str, data: &str) -> Option<arbiter_contract::Entity> {
    use arbiter_contract::Entity;
    Some(match table {
        "tickets" => Entity::Ticket(serde_json::from_str(data).ok()?),
        "messages" => Entity::Message(serde_json::from_str(data).ok()?),
        "notes" => Entity::Note(serde_json::from_str(data).ok()?),
        "customers" => Entity::Customer(serde_json::from_str(data).ok()?),
        _ => return None,
    })
}

/// The ticket number a query is, if it is one: "#100234" or "100234".
fn ticket_number(text: &str) -> Option<i64> {
    let digits = text.trim().trim_start_matches('#');
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

async fn fetch_by_ids<T: serde::de::DeserializeOwned>(
    conn: &mut sqlx::SqliteConnection,
    table: &str,
    ids: impl Iterator<Item = i64>,
) -> Result<HashMap<i64, T>, CacheError> {
    let mut ids: Vec<i64> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut sql = QueryBuilder::<Sqlite>::new(format!("SELECT id, data FROM {table} WHERE id IN ("));
    let mut list = sql.separated(", ");
    for id in ids {
        list.push_bind(id);
    }
    sql.push(")");
    let mut out = HashMap::new();
    for row in sql.build().fetch_all(&mut *conn).await? {
        out.insert(row.try_get(0)?, rows::decode(&row, "data")?);
    }
    Ok(out)
}

/// About `SNIPPET_CHARS` characters of `text` around the first of `words` found in it,
/// whitespace collapsed, with "…" where it was cut.
pub fn snippet(text: &str, words: &[String]) -> String {
    let chars: Vec<char> = text.split_whitespace().collect::<Vec<_>>().join(" ").chars().collect();
    let lower: Vec<char> = chars.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    let hit = words
        .iter()
        .filter_map(|word| {
            let needle: Vec<char> = word.chars().collect();
            (!needle.is_empty()).then(|| lower.windows(needle.len()).position(|w| w == needle.as_slice())).flatten()
        })
        .min()
        .unwrap_or(0);
    let start = hit.saturating_sub(SNIPPET_BEFORE);
    let end = (start + SNIPPET_CHARS).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::snippet;

    #[test]
    fn snippets_centre_on_the_first_match() {
        let text = format!("{} the withdrawal is late {}", "lorem ".repeat(30), "ipsum ".repeat(40));
        let cut = snippet(&text, &["withdrawal".into()]);
        assert!(cut.starts_with('…') && cut.ends_with('…'));
        assert!(cut.contains("the withdrawal is late"));
        assert_eq!(snippet("short text", &["nothing".into()]), "short text");
        assert_eq!(snippet("我的提币还没有到账", &["提".into()]), "我的提币还没有到账");
    }
}
