//! Opening the server's database and bringing its schema up to date.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

/// Opens `url` (`sqlite://path/to/file.db`, `sqlite::memory:`, or a bare path) and migrates it.
pub async fn connect(url: &str) -> anyhow::Result<SqlitePool> {
    let in_memory = url == "memory" || url.contains(":memory:");
    let url = if in_memory {
        "sqlite::memory:".to_string()
    } else if url.starts_with("sqlite:") {
        url.to_string()
    } else {
        format!("sqlite://{url}")
    };
    let options = SqliteConnectOptions::from_str(&url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    // Each connection to `:memory:` is a database of its own, so an in-memory server keeps
    // exactly one connection for its whole life.
    let pool = if in_memory {
        SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await?
    } else {
        SqlitePoolOptions::new().max_connections(8).connect_with(options).await?
    };
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

/// The id of this database's change feed, created with the database.
pub async fn feed_id(pool: &SqlitePool) -> Result<String, sqlx::Error> {
    let fresh = {
        use rand::Rng;
        let bytes: [u8; 12] = rand::rng().random();
        hex::encode(bytes)
    };
    sqlx::query("INSERT OR IGNORE INTO server_meta (key, value) VALUES ('feed_id', ?)")
        .bind(fresh)
        .execute(pool)
        .await?;
    sqlx::query_scalar("SELECT value FROM server_meta WHERE key = 'feed_id'").fetch_one(pool).await
}
