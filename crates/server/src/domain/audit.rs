//! The audit log as a supervisor reads it: their team members' actions only.

use arbiter_contract::{AuditEntry, AuditQuery};
use sqlx::AnyConnection;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::store::audit;

/// The entries of `query` whose actor is one of the caller's team members, newest first.
pub async fn of_members(
    conn: &mut AnyConnection,
    caller: &Caller,
    query: &AuditQuery,
) -> Result<Vec<AuditEntry>, ApiFailure> {
    let entries = audit::query(conn, query).await?;
    let members = &caller.vis.members;
    Ok(entries.into_iter().filter(|e| members.contains(&e.actor_id)).collect())
}
