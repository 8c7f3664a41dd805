//! A ticket's conversation read a page at a time, newest first: the screen holds what the
//! agent looks at, whether the thread has 5 messages or 5,000.

use arbiter_contract::{Message, Note};
use sqlx::{Row, SqliteConnection};

use crate::rows;
use crate::views::{ConversationCursor, ConversationPage, EntryKind};
use crate::{Cache, CacheError};

/// Entries a ticket opens with: a few screens' worth.
pub const CONVERSATION_WINDOW: u32 = 50;
/// The most entries one page may ask for.
pub const MAX_CONVERSATION_PAGE: u32 = 500;

impl Cache {
    /// The `limit` newest entries of a ticket's conversation before `before` (the newest of
    /// all without it), oldest first, with how many are earlier still.
    pub async fn conversation_before(
        &self,
        ticket_id: i64,
        before: Option<ConversationCursor>,
        limit: u32,
    ) -> Result<ConversationPage, CacheError> {
        let mut conn = self.pool.acquire().await?;
        Ok(page(&mut conn, ticket_id, before, limit.clamp(1, MAX_CONVERSATION_PAGE)).await?)
    }

    /// The messages customers wrote in a ticket, oldest first (a chargeback's packet quotes
    /// them and carries their files).
    pub async fn customer_messages(&self, ticket_id: i64) -> Result<Vec<Message>, CacheError> {
        let rows = sqlx::query(
            "SELECT data FROM messages WHERE ticket_id = ? AND json_extract(data, '$.author_kind') = 'customer'
             ORDER BY created_at, id",
        )
        .bind(ticket_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(|r| rows::decode(r, "data")).collect::<Result<_, _>>()?)
    }

    /// One message of a ticket, without reading the rest of its thread.
    pub async fn message(&self, ticket_id: i64, message_id: i64) -> Result<Option<Message>, CacheError> {
        let row = sqlx::query("SELECT data FROM messages WHERE id = ? AND ticket_id = ?")
            .bind(message_id)
            .bind(ticket_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| rows::decode(&r, "data")).transpose()?)
    }
}

/// Reads at most `limit` rows from each table by their `(ticket_id, created_at)` index and
/// merges them, so a page costs the same at the end of a long thread as of a short one.
pub(crate) async fn page(
    conn: &mut SqliteConnection,
    ticket_id: i64,
    before: Option<ConversationCursor>,
    limit: u32,
) -> Result<ConversationPage, sqlx::Error> {
    let end = before.unwrap_or(ConversationCursor { at_ms: i64::MAX, kind: EntryKind::Note, id: i64::MAX });
    let messages = newest::<Message>(conn, "messages", EntryKind::Message, ticket_id, end, limit).await?;
    let notes = newest::<Note>(conn, "notes", EntryKind::Note, ticket_id, end, limit).await?;
    // Newest first across both, cut at `limit`.
    let mut entries: Vec<(ConversationCursor, Entry)> = messages
        .into_iter()
        .map(|(at, m)| (at, Entry::Message(Box::new(m))))
        .chain(notes.into_iter().map(|(at, n)| (at, Entry::Note(n))))
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    entries.truncate(limit as usize);
    let oldest = entries.last().map(|(at, _)| *at);
    let earlier = match oldest {
        Some(at) => count_before(conn, ticket_id, at).await?,
        None => 0,
    };
    let mut page = ConversationPage { earlier, before: oldest.filter(|_| earlier > 0), ..ConversationPage::default() };
    for (_, entry) in entries.into_iter().rev() {
        match entry {
            Entry::Message(m) => page.messages.push(*m),
            Entry::Note(n) => page.notes.push(n),
        }
    }
    Ok(page)
}

enum Entry {
    // Boxed: a message (envelope, delivery, warnings) is several times a note's size.
    Message(Box<Message>),
    Note(Note),
}

/// The `limit` newest rows of `table` strictly before `end`, newest first.
async fn newest<T: serde::de::DeserializeOwned>(
    conn: &mut SqliteConnection,
    table: &str,
    kind: EntryKind,
    ticket_id: i64,
    end: ConversationCursor,
    limit: u32,
) -> Result<Vec<(ConversationCursor, T)>, sqlx::Error> {
    // Rows at the cursor's instant come before it when their kind or id does.
    let same_instant = if kind < end.kind {
        "1"
    } else if kind == end.kind {
        "id < ?"
    } else {
        "0"
    };
    let sql = format!(
        "SELECT id, created_at, data FROM {table} WHERE ticket_id = ? AND created_at <= ? \
         AND (created_at < ? OR {same_instant}) ORDER BY created_at DESC, id DESC LIMIT ?"
    );
    let mut query = sqlx::query(&sql).bind(ticket_id).bind(end.at_ms).bind(end.at_ms);
    if kind == end.kind {
        query = query.bind(end.id);
    }
    let found = query.bind(limit as i64).fetch_all(&mut *conn).await?;
    found
        .iter()
        .map(|row| {
            let at = ConversationCursor { at_ms: row.try_get("created_at")?, kind, id: row.try_get("id")? };
            Ok((at, rows::decode(row, "data")?))
        })
        .collect()
}

/// How many entries come before `at`.
async fn count_before(conn: &mut SqliteConnection, ticket_id: i64, at: ConversationCursor) -> Result<u32, sqlx::Error> {
    let (message_id, note_id) = match at.kind {
        // Notes at that instant come after any message.
        EntryKind::Message => (at.id, i64::MIN),
        EntryKind::Note => (i64::MAX, at.id),
    };
    let count: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM messages WHERE ticket_id = ?1 AND (created_at < ?2 OR (created_at = ?2 AND id < ?3)))
              + (SELECT COUNT(*) FROM notes WHERE ticket_id = ?1 AND (created_at < ?2 OR (created_at = ?2 AND id < ?4)))",
    )
    .bind(ticket_id)
    .bind(at.at_ms)
    .bind(message_id)
    .bind(note_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}
