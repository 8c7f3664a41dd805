//! Shift handovers and what one is written from: a team's members and its active tickets.

use arbiter_contract::{Handover, Ticket};
use sqlx::AnyConnection;

use super::rows::{get, list, params, to_json, upsert, Val};

/// The statuses of work still in hand.
const ACTIVE: &str = "('new', 'open', 'pending', 'on_hold')";

pub async fn handover(conn: &mut AnyConnection, id: i64) -> Result<Option<Handover>, sqlx::Error> {
    get(conn, "handovers", id).await
}

pub async fn put_handover(conn: &mut AnyConnection, handover: &Handover) -> Result<(), sqlx::Error> {
    let columns = [
        ("team", Val::from(handover.team.as_str())),
        ("created_at", handover.created_at.timestamp_millis().into()),
        ("version", handover.version.into()),
    ];
    upsert(conn, "handovers", handover.id.into(), &columns, to_json(handover)).await
}

/// The newest `limit` handovers of `teams`, newest first.
pub async fn of_teams(conn: &mut AnyConnection, teams: &[String], limit: u32) -> Result<Vec<Handover>, sqlx::Error> {
    if teams.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT data FROM handovers WHERE team IN ({}) ORDER BY created_at DESC, id DESC LIMIT {limit}",
        params(0, teams.len())
    );
    list(conn, &sql, teams.iter().map(|t| Val::from(t.as_str())).collect()).await
}

/// The ids of a team's members.
pub async fn members(conn: &mut AnyConnection, team: &str) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar::<_, i64>("SELECT id FROM agents WHERE team = $1").bind(team.to_owned()).fetch_all(conn).await
}

/// A queue's tickets that are new, open, pending or on hold.
pub async fn active_tickets(conn: &mut AnyConnection, queue: &str) -> Result<Vec<Ticket>, sqlx::Error> {
    let sql = format!("SELECT data FROM tickets WHERE queue = $1 AND status IN {ACTIVE}");
    list(conn, &sql, vec![Val::from(queue)]).await
}
