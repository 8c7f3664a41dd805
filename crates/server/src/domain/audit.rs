//! The audit log as a supervisor reads it: their team members' actions only.

use arbiter_contract::{AuditEntry, AuditQuery};
use sqlx::AnyConnection;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::store::audit;

use super::input;

/// Entries a page holds when the supervisor does not say, and at most.
pub const PAGE_DEFAULT: u32 = 100;
pub const PAGE_MAX: u32 = 1_000;

/// The entries of `query` whose actor is one of the caller's team members, newest first.
pub async fn of_members(
    conn: &mut AnyConnection,
    caller: &Caller,
    query: &AuditQuery,
) -> Result<Vec<AuditEntry>, ApiFailure> {
    let limit = input::page_size(query.limit, PAGE_DEFAULT, PAGE_MAX)?;
    let entries = audit::query(conn, query, limit).await?;
    let members = &caller.vis.members;
    Ok(entries.into_iter().filter(|e| members.contains(&e.actor_id)).collect())
}
