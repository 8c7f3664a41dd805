//! Work that must run once across the cluster — the escalation sweep, the chat router, the
//! mail room, compaction — runs on the instance that holds the lease: a PostgreSQL
//! session-level advisory lock on a connection of its own. When the holder dies its
//! connection closes, PostgreSQL releases the lock, and another instance takes it within a
//! second and starts the work. An instance that cannot reach the database to confirm it
//! still holds the lease stops the work first. On SQLite there is one instance: the work
//! just runs.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::{Connection, PgConnection};

use super::Tasks;
use crate::db::{Backend, Db};

/// Key of the lease's advisory lock ("ARBL").
const LEASE: i64 = 0x4152_424C;
/// How often a waiting instance tries for the lease, and the holder checks it still has it.
const BEAT: Duration = Duration::from_secs(1);
/// How long the holder waits on the database before giving the lease up.
const CHECK_TIMEOUT: Duration = Duration::from_secs(5);

/// Starts the cluster's singleton work on this instance while it holds the lease.
pub struct Singletons {
    _task: Tasks,
    held: Arc<AtomicBool>,
}

impl Singletons {
    /// `start` starts the work (its tasks are stopped when the lease is lost).
    pub fn spawn(db: Db, start: impl Fn() -> Tasks + Send + Sync + 'static) -> Self {
        let held = Arc::new(AtomicBool::new(false));
        let task = match db.backend {
            Backend::Sqlite => {
                held.store(true, Ordering::SeqCst);
                let running = start();
                tokio::spawn(async move {
                    let _running = running;
                    std::future::pending::<()>().await
                })
            }
            Backend::Postgres => tokio::spawn(hold(db, start, held.clone())),
        };
        Self { _task: Tasks::new(vec![task]), held }
    }

    /// This instance runs the singletons now.
    pub fn held(&self) -> bool {
        self.held.load(Ordering::SeqCst)
    }
}

async fn hold(db: Db, start: impl Fn() -> Tasks, held: Arc<AtomicBool>) {
    loop {
        let mut conn = match PgConnection::connect(db.url()).await {
            Ok(conn) => conn,
            Err(error) => {
                tracing::warn!(%error, "could not reach the database for the lease");
                tokio::time::sleep(BEAT).await;
                continue;
            }
        };
        loop {
            let taken = tokio::time::timeout(
                CHECK_TIMEOUT,
                sqlx::query_scalar::<_, bool>("SELECT pg_try_advisory_lock($1)").bind(LEASE).fetch_one(&mut conn),
            )
            .await;
            match taken {
                Ok(Ok(true)) => break,
                Ok(Ok(false)) => tokio::time::sleep(BEAT).await,
                _ => break,
            }
        }
        // Either the lease is ours or the connection failed; find out which.
        if !still_held(&mut conn).await {
            continue;
        }
        tracing::info!("this instance holds the lease: sweeps, routing and mail run here");
        held.store(true, Ordering::SeqCst);
        let running = start();
        while still_held(&mut conn).await {
            tokio::time::sleep(BEAT).await;
        }
        held.store(false, Ordering::SeqCst);
        drop(running);
        tracing::warn!("the lease was lost: sweeps, routing and mail stopped here");
    }
}

/// The lease's lock is still this connection's.
async fn still_held(conn: &mut PgConnection) -> bool {
    let check = sqlx::query_scalar::<_, bool>(
        "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()
             AND granted AND ((classid::bigint << 32) | objid::bigint) = $1)",
    )
    .bind(LEASE)
    .fetch_one(conn);
    matches!(tokio::time::timeout(CHECK_TIMEOUT, check).await, Ok(Ok(true)))
}
