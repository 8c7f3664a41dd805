//! What the composer and the ticket screen read beside the conversation: drafts, the team
//! roster, macros, and a customer's recent activity.

use arbiter_contract::{ActivityEvent, Agent, Article, CustomerLinks, Entity, Macro};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::{rows, Cache, CacheError};

/// What a draft is of: the store is keyed by kind and the id of what it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DraftKind {
    /// A reply to the customer, by ticket id.
    Reply,
    /// An internal note, by ticket id.
    Note,
    /// The analysis of a case's investigation report, by case id.
    Report,
    /// A shift handover being written, by team (the UI's form as JSON).
    Handover,
    /// A chargeback's rebuttal letter being edited, by case id (language and letter as JSON).
    Letter,
}

impl DraftKind {
    fn name(self) -> &'static str {
        match self {
            DraftKind::Reply => "reply",
            DraftKind::Note => "note",
            DraftKind::Report => "report",
            DraftKind::Handover => "handover",
            DraftKind::Letter => "letter",
        }
    }
}

impl Cache {
    /// The saved draft of `kind` for `key`, if any.
    pub async fn draft_of(&self, kind: DraftKind, key: &str) -> Result<Option<String>, CacheError> {
        Ok(sqlx::query_scalar("SELECT body FROM drafts WHERE kind = ? AND key = ?")
            .bind(kind.name())
            .bind(key)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Saves a draft; an empty one is removed.
    pub async fn save_draft_of(&self, kind: DraftKind, key: &str, body: &str) -> Result<(), CacheError> {
        if body.trim().is_empty() {
            sqlx::query("DELETE FROM drafts WHERE kind = ? AND key = ?")
                .bind(kind.name())
                .bind(key)
                .execute(&self.pool)
                .await?;
        } else {
            sqlx::query(
                "INSERT INTO drafts (kind, key, body, updated_at) VALUES (?, ?, ?, ?)
                 ON CONFLICT (kind, key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            )
            .bind(kind.name())
            .bind(key)
            .bind(body)
            .bind(Utc::now().timestamp_millis())
            .execute(&self.pool)
            .await?;
        }
        Ok(())
    }

    /// The saved draft of a reply, if any.
    pub async fn draft(&self, ticket_id: i64) -> Result<Option<String>, CacheError> {
        self.draft_of(DraftKind::Reply, &ticket_id.to_string()).await
    }

    /// Saves a reply draft; an empty one is removed.
    pub async fn save_draft(&self, ticket_id: i64, body: &str) -> Result<(), CacheError> {
        self.save_draft_of(DraftKind::Reply, &ticket_id.to_string(), body).await
    }
}

impl Cache {
    /// The unread counts of the agent's live chats, by ticket.
    pub async fn chat_unread(&self) -> Result<Vec<(i64, i64)>, CacheError> {
        Ok(sqlx::query_as("SELECT ticket_id, unread FROM chat_unread ORDER BY ticket_id").fetch_all(&self.pool).await?)
    }

    /// Sets a chat's unread count; 0 means read.
    pub async fn set_chat_unread(&self, ticket_id: i64, unread: i64) -> Result<(), CacheError> {
        if unread <= 0 {
            sqlx::query("DELETE FROM chat_unread WHERE ticket_id = ?").bind(ticket_id).execute(&self.pool).await?;
        } else {
            sqlx::query(
                "INSERT INTO chat_unread (ticket_id, unread) VALUES (?, ?)
                 ON CONFLICT (ticket_id) DO UPDATE SET unread = excluded.unread",
            )
            .bind(ticket_id)
            .bind(unread)
            .execute(&self.pool)
            .await?;
        }
        Ok(())
    }

    /// Everyone on the roster, by name.
    pub async fn agents(&self) -> Result<Vec<Agent>, CacheError> {
        let found = sqlx::query("SELECT data FROM agents").fetch_all(&self.pool).await?;
        let mut agents: Vec<Agent> = found.iter().map(|r| rows::decode(r, "data")).collect::<Result<_, _>>()?;
        agents.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(agents)
    }

    /// Every macro, in every language.
    pub async fn macros(&self) -> Result<Vec<Macro>, CacheError> {
        let found =
            sqlx::query("SELECT data FROM entities WHERE kind = 'macro' ORDER BY id").fetch_all(&self.pool).await?;
        Ok(rows::entities_of(&found, |e| match e {
            Entity::Macro(x) => Some(x),
            _ => None,
        })?)
    }

    /// Every help-centre article, in every language.
    pub async fn articles(&self) -> Result<Vec<Article>, CacheError> {
        let found =
            sqlx::query("SELECT data FROM entities WHERE kind = 'article' ORDER BY id").fetch_all(&self.pool).await?;
        Ok(rows::entities_of(&found, |e| match e {
            Entity::Article(x) => Some(x),
            _ => None,
        })?)
    }

    /// A customer's newest activity events (logins, deposits, withdrawals, trades…).
    pub async fn recent_activity(&self, customer_id: i64, limit: u32) -> Result<Vec<ActivityEvent>, CacheError> {
        let found = sqlx::query(
            "SELECT data FROM entities
             WHERE kind = 'activity_event' AND json_extract(data, '$.data.customer_id') = ?
             ORDER BY json_extract(data, '$.data.at') DESC LIMIT ?",
        )
        .bind(customer_id)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows::entities_of(&found, |e| match e {
            Entity::ActivityEvent(x) => Some(x),
            _ => None,
        })?)
    }
}

impl Cache {
    /// Every cached event of a customer, oldest first (for their risk and timeline).
    pub async fn customer_activity(&self, customer_id: i64) -> Result<Vec<ActivityEvent>, CacheError> {
        let found = sqlx::query(
            "SELECT data FROM entities
             WHERE kind = 'activity_event' AND json_extract(data, '$.data.customer_id') = ?
             ORDER BY json_extract(data, '$.data.at'), id",
        )
        .bind(customer_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows::entities_of(&found, |e| match e {
            Entity::ActivityEvent(x) => Some(x),
            _ => None,
        })?)
    }

    /// Other customers' events that use an identifier (device, IP, wallet, card) of this
    /// customer's: what links them.
    pub async fn linked_activity(&self, customer_id: i64) -> Result<Vec<ActivityEvent>, CacheError> {
        let found = sqlx::query(
            "SELECT DISTINCT e.data FROM activity_identifiers mine
             JOIN activity_identifiers other
               ON other.kind = mine.kind AND other.value = mine.value AND other.customer_id <> mine.customer_id
             JOIN entities e ON e.kind = 'activity_event' AND e.id = other.event_id
             WHERE mine.customer_id = ?
             LIMIT 5000",
        )
        .bind(customer_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows::entities_of(&found, |e| match e {
            Entity::ActivityEvent(x) => Some(x),
            _ => None,
        })?)
    }

    /// Keeps the company API's answer on a customer's linked accounts. Whether it differs from
    /// the copy kept before (so the screen knows to re-read the score).
    pub async fn put_customer_links(
        &self,
        links: &CustomerLinks,
        fetched_at: DateTime<Utc>,
    ) -> Result<bool, CacheError> {
        let data = serde_json::to_string(links).expect("contract types serialize");
        let before: Option<String> = sqlx::query_scalar("SELECT data FROM customer_links WHERE customer_id = ?")
            .bind(links.customer_id)
            .fetch_optional(&self.pool)
            .await?;
        sqlx::query(
            "INSERT INTO customer_links (customer_id, data, fetched_at) VALUES (?, ?, ?)
             ON CONFLICT (customer_id) DO UPDATE SET data = excluded.data, fetched_at = excluded.fetched_at",
        )
        .bind(links.customer_id)
        .bind(&data)
        .bind(fetched_at.timestamp_millis())
        .execute(&self.pool)
        .await?;
        Ok(before.as_deref() != Some(data.as_str()))
    }

    /// Customers of the agent's active tickets whose linked accounts were never asked of the
    /// company API, or not since `asked_before`: what the desk fetches ahead, for offline.
    pub async fn customers_needing_links(
        &self,
        assignee_id: i64,
        asked_before: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<i64>, CacheError> {
        Ok(sqlx::query_scalar(
            "SELECT DISTINCT t.customer_id FROM tickets t
             LEFT JOIN customer_links l ON l.customer_id = t.customer_id
             WHERE t.assignee_id = ? AND t.status IN ('new', 'open', 'pending', 'on_hold')
               AND (l.fetched_at IS NULL OR l.fetched_at < ?)
             ORDER BY t.customer_id LIMIT ?",
        )
        .bind(assignee_id)
        .bind(asked_before.timestamp_millis())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The tickets of these customers (whose screens show them).
    pub async fn tickets_of_customers(&self, customers: &[i64]) -> Result<Vec<i64>, CacheError> {
        let mut tickets = Vec::new();
        for chunk in customers.chunks(500) {
            let mut sql = sqlx::QueryBuilder::<sqlx::Sqlite>::new("SELECT id FROM tickets WHERE customer_id IN (");
            let mut list = sql.separated(", ");
            for id in chunk {
                list.push_bind(*id);
            }
            sql.push(")");
            tickets.extend(sql.build_query_scalar::<i64>().fetch_all(&self.pool).await?);
        }
        Ok(tickets)
    }

    /// The last answer on a customer's linked accounts, and when it came.
    pub async fn customer_links(&self, customer_id: i64) -> Result<Option<(CustomerLinks, DateTime<Utc>)>, CacheError> {
        let row: Option<(String, i64)> =
            sqlx::query_as("SELECT data, fetched_at FROM customer_links WHERE customer_id = ?")
                .bind(customer_id)
                .fetch_optional(&self.pool)
                .await?;
        let Some((data, at)) = row else { return Ok(None) };
        match serde_json::from_str(&data) {
            Ok(links) => Ok(Some((links, DateTime::from_timestamp_millis(at).unwrap_or_default()))),
            // Kept by an older desk in another shape: as if never asked (it is asked again).
            Err(error) => {
                tracing::warn!(customer_id, %error, "a kept answer on linked accounts is unreadable; ignored");
                Ok(None)
            }
        }
    }
}

impl Cache {
    /// Every team the server told the desk about (support queues and internal teams), by id.
    pub async fn teams(&self) -> Result<Vec<arbiter_contract::Team>, CacheError> {
        let found =
            sqlx::query("SELECT data FROM entities WHERE kind = 'team' ORDER BY id").fetch_all(&self.pool).await?;
        Ok(rows::entities_of(&found, |e| match e {
            Entity::Team(x) => Some(x),
            _ => None,
        })?)
    }
}
