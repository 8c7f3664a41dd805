//! The reference implementation of the company API that Arbiter syncs from.
//!
//! axum over sqlx. One binary: `serve` runs the API, `--demo` fills an empty database with
//! the generator's seeded demo data first.

pub mod auth;
pub mod codec;
pub mod db;
pub mod error;
pub mod generator;
pub mod idempotency;
pub mod routes;
pub mod store;

/// Demo data ready to serve: a migrated database filled by the generator.
pub async fn demo_database(url: &str, options: &generator::GeneratorOptions) -> anyhow::Result<SqlitePool> {
    let pool = db::connect(url).await?;
    if generator::is_empty(&pool).await? {
        generator::generate(&pool, options).await?;
    }
    Ok(pool)
}

use std::net::SocketAddr;

use sqlx::SqlitePool;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub pool: SqlitePool,
    /// See `ChangePage::feed_id`.
    pub feed_id: std::sync::Arc<str>,
}

/// A server running on a socket of its own, for the CLI and for tests.
pub struct RunningServer {
    pub addr: SocketAddr,
    pub pool: SqlitePool,
    task: JoinHandle<()>,
}

impl RunningServer {
    /// Binds `listen` (port 0 picks a free one) and serves `pool` until stopped.
    pub async fn start(pool: SqlitePool, listen: SocketAddr) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(listen).await?;
        let addr = listener.local_addr()?;
        let feed_id = db::feed_id(&pool).await?;
        let app = routes::router(AppState { pool: pool.clone(), feed_id: feed_id.into() });
        let task = tokio::spawn(async move {
            if let Err(error) = axum::serve(listener, app).await {
                tracing::error!(%error, "server stopped");
            }
        });
        Ok(Self { addr, pool, task })
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A handle that stops the server from synchronous code (e.g. a callback), like a crash.
    pub fn abort_handle(&self) -> tokio::task::AbortHandle {
        self.task.abort_handle()
    }

    /// Stops at once, cutting open connections, like a crashed server.
    pub async fn kill(self) {
        self.task.abort();
        let _ = self.task.await;
    }

    /// Serves until the process ends.
    pub async fn wait(self) {
        let _ = self.task.await;
    }
}
