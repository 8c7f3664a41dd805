//! Accounts' controls and the requests to change them.

use arbiter_contract::codec::{to_ms, wire_name};
use arbiter_contract::{AccountControls, ActionRequest, ActivityDetail, ActivityEvent, CustomerId, TransferStatus};
use arbiter_policy::controls::PendingWithdrawal;
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::rows::{from_json, list, to_json, upsert, Val};

/// The account's controls; an account nobody acted on has none in force (version 1).
pub async fn controls(
    conn: &mut AnyConnection,
    customer_id: CustomerId,
    now: DateTime<Utc>,
) -> Result<AccountControls, sqlx::Error> {
    let data: Option<String> = sqlx::query_scalar("SELECT data FROM account_controls WHERE customer_id = $1")
        .bind(customer_id)
        .fetch_optional(conn)
        .await?;
    match data {
        Some(data) => from_json(&data),
        None => Ok(AccountControls { customer_id, version: 1, updated_at: now, ..AccountControls::default() }),
    }
}

pub async fn put_controls(conn: &mut AnyConnection, controls: &AccountControls) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO account_controls (customer_id, version, data) VALUES ($1, $2, $3)
         ON CONFLICT (customer_id) DO UPDATE SET version = excluded.version, data = excluded.data",
    )
    .bind(controls.customer_id)
    .bind(controls.version)
    .bind(to_json(controls))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn put_request(conn: &mut AnyConnection, request: &ActionRequest) -> Result<(), sqlx::Error> {
    let columns = [
        ("customer_id", Val::from(request.customer_id)),
        ("requested_by", Val::from(request.requested_by)),
        ("status", Val::from(wire_name(&request.status))),
        ("lapses_at", Val::from(request.lapses_at.map(to_ms))),
        ("version", Val::from(request.version)),
    ];
    upsert(conn, "action_requests", request.id.into(), &columns, to_json(request)).await
}

pub async fn request(conn: &mut AnyConnection, id: i64) -> Result<Option<ActionRequest>, sqlx::Error> {
    super::rows::get(conn, "action_requests", id).await
}

/// The account's requests, newest first.
pub async fn requests_of(conn: &mut AnyConnection, customer_id: CustomerId) -> Result<Vec<ActionRequest>, sqlx::Error> {
    list(conn, "SELECT data FROM action_requests WHERE customer_id = $1 ORDER BY id DESC", vec![customer_id.into()])
        .await
}

/// Every request waiting for an approver, oldest first.
pub async fn awaiting(conn: &mut AnyConnection) -> Result<Vec<ActionRequest>, sqlx::Error> {
    let status = wire_name(&arbiter_contract::RequestStatus::AwaitingApproval);
    list(conn, "SELECT data FROM action_requests WHERE status = $1 ORDER BY id", vec![status.into()]).await
}

/// Requests whose approver did not come in time.
pub async fn lapsed(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<Vec<ActionRequest>, sqlx::Error> {
    let status = wire_name(&arbiter_contract::RequestStatus::AwaitingApproval);
    list(
        conn,
        "SELECT data FROM action_requests WHERE status = $1 AND lapses_at <= $2 ORDER BY id",
        vec![status.into(), to_ms(now).into()],
    )
    .await
}

/// The customer's withdrawals still pending (or held), newest first.
pub async fn pending_withdrawals(
    conn: &mut AnyConnection,
    customer_id: CustomerId,
) -> Result<Vec<ActivityEvent>, sqlx::Error> {
    let events: Vec<ActivityEvent> = list(
        conn,
        "SELECT data FROM activity_events WHERE customer_id = $1 ORDER BY at DESC, id DESC",
        vec![customer_id.into()],
    )
    .await?;
    Ok(events
        .into_iter()
        .filter(|e| {
            matches!(
                e.detail,
                ActivityDetail::Withdrawal { status: TransferStatus::Pending | TransferStatus::Held, .. }
            )
        })
        .collect())
}

/// What the rules need of pending withdrawals.
pub fn as_pending(events: &[ActivityEvent]) -> Vec<PendingWithdrawal> {
    events
        .iter()
        .filter_map(|e| match e.detail {
            ActivityDetail::Withdrawal { usd_cents, .. } => Some(PendingWithdrawal { id: e.id, usd_cents }),
            _ => None,
        })
        .collect()
}
