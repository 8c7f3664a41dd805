//! The server's database: SQLite (a file, or in memory) by default, PostgreSQL for scale,
//! through one set of queries (sqlx's `Any` driver, `$n` placeholders, portable SQL).

use std::time::Duration;

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// The connection URL (it may hold a password: never logged), for the connections that
    /// live outside the pool: the stream bus's listener and the cluster lease.
    url: std::sync::Arc<str>,
}

/// Key of the PostgreSQL advisory lock that serializes writers (see [`Db::begin_write`]).
const WRITE_LOCK: i64 = 0x4152_4249; // "ARBI"

/// Turns what a person typed into a connection URL: `memory`, a bare file path,
/// `sqlite://…` or `postgres://…`.
pub fn normalize_url(input: &str) -> (String, Backend, bool) {
    if input.starts_with("postgres://") || input.starts_with("postgresql://") {
        return (input.to_owned(), Backend::Postgres, false);
    }
    if input == "memory" || input.contains(":memory:") {
        return ("sqlite::memory:".to_owned(), Backend::Sqlite, true);
    }
    let path = input.strip_prefix("sqlite://").or_else(|| input.strip_prefix("sqlite:")).unwrap_or(input);
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let query = if query.is_empty() { "mode=rwc".to_owned() } else { query.to_owned() };
    (format!("sqlite://{path}?{query}"), Backend::Sqlite, false)
}

impl Db {
    /// Connects and brings the schema up to date.
    pub async fn connect(input: &str) -> anyhow::Result<Db> {
        install_default_drivers();
        let (url, backend, in_memory) = normalize_url(input);
        let mut options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(30));
        options = match (backend, in_memory) {
            // Each connection to `:memory:` is a database of its own: keep exactly one.
            (Backend::Sqlite, true) => {
                options.max_connections(1).min_connections(1).idle_timeout(None).max_lifetime(None)
            }
            (Backend::Sqlite, false) => options.max_connections(8),
            (Backend::Postgres, _) => options.max_connections(16),
        };
        if backend == Backend::Sqlite {
            options = options.after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    conn.execute("PRAGMA busy_timeout = 10000").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    Ok(())
                })
            });
        }
        let pool = options.connect(&url).await?;
        match backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await?,
        }
        Ok(Db { pool, backend, url: url.into() })
    }

    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// A transaction that writes. Writers are serialized — SQLite's `BEGIN IMMEDIATE`, a
    /// transaction-scoped advisory lock on PostgreSQL — so change-feed sequence numbers
    /// become visible in order (a reader never sees seq N+1 before N commits) and
    /// check-then-insert steps (idempotency keys, id allocation) cannot race.
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(WRITE_LOCK).execute(&mut *tx).await?;
                Ok(tx)
            }
        }
    }

    /// A read-only snapshot (one transaction), for reads that must agree with each other.
    pub async fn begin_read(&self) -> Result<Tx, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin().await,
            Backend::Postgres => self.pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_normalized() {
        assert_eq!(normalize_url("memory").1, Backend::Sqlite);
        assert!(normalize_url("memory").2);
        assert_eq!(normalize_url("data/x.db").0, "sqlite://data/x.db?mode=rwc");
        assert_eq!(normalize_url("sqlite:///tmp/x.db").0, "sqlite:///tmp/x.db?mode=rwc");
        assert_eq!(normalize_url("postgres://u@h/db").1, Backend::Postgres);
    }
}
