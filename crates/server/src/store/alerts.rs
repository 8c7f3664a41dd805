//! Pre-dispute alerts and the card payments they are matched to.

use arbiter_contract::codec::{to_ms, wire_name};
use arbiter_contract::{ActivityDetail, ActivityEvent, AlertProgramme, AlertStatus, DisputeAlert, Entity};
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::feed::record_change;
use super::rows::{list, to_json, upsert, Val};
use super::Scope;

/// Who hears of an alert: the team that answers it, and whoever sees its customer.
pub fn scope(alert: &DisputeAlert) -> Scope {
    Scope { queue: Some(alert.queue.clone()), customer: alert.customer_id, ..Scope::default() }
}

/// Stores the alert and records it in the change feed.
pub async fn put(conn: &mut AnyConnection, alert: &DisputeAlert) -> Result<(), sqlx::Error> {
    let columns = [
        ("programme", Val::from(wire_name(&alert.programme))),
        ("external_id", Val::from(alert.external_id.clone())),
        ("customer_id", Val::from(alert.customer_id)),
        ("queue", Val::from(alert.queue.clone())),
        ("status", Val::from(wire_name(&alert.status))),
        ("respond_by", Val::from(to_ms(alert.respond_by))),
        ("received_at", Val::from(to_ms(alert.received_at))),
        ("version", Val::from(alert.version)),
    ];
    upsert(conn, "dispute_alerts", alert.id.into(), &columns, to_json(alert)).await?;
    if alert.answer.is_some() {
        // Answered: next in the order the connector sends answers back (once).
        sqlx::query(
            "UPDATE dispute_alerts SET answer_seq = (SELECT COALESCE(MAX(answer_seq), 0) + 1 FROM dispute_alerts)
             WHERE id = $1 AND answer_seq IS NULL",
        )
        .bind(alert.id)
        .execute(&mut *conn)
        .await?;
    }
    record_change(conn, &Entity::DisputeAlert(alert.clone()), &scope(alert)).await?;
    Ok(())
}

/// Answers given after `after` in the order they were given (at most `limit`), with each
/// one's place in that order.
pub async fn answers_after(
    conn: &mut AnyConnection,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, DisputeAlert)>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(&format!(
        "SELECT answer_seq, data FROM dispute_alerts WHERE answer_seq > $1 ORDER BY answer_seq LIMIT {limit}"
    ))
    .bind(after)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(seq, data)| Ok((seq, super::rows::from_json(&data)?))).collect()
}

pub async fn get(conn: &mut AnyConnection, id: i64) -> Result<Option<DisputeAlert>, sqlx::Error> {
    super::rows::get(conn, "dispute_alerts", id).await
}

/// The alert a programme delivered under its id, if it came before.
pub async fn by_external(
    conn: &mut AnyConnection,
    programme: AlertProgramme,
    external_id: &str,
) -> Result<Option<DisputeAlert>, sqlx::Error> {
    let found: Vec<DisputeAlert> = list(
        conn,
        "SELECT data FROM dispute_alerts WHERE programme = $1 AND external_id = $2",
        vec![wire_name(&programme).into(), external_id.to_owned().into()],
    )
    .await?;
    Ok(found.into_iter().next())
}

/// Open alerts whose deadline has passed.
pub async fn overdue(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<Vec<DisputeAlert>, sqlx::Error> {
    list(
        conn,
        "SELECT data FROM dispute_alerts WHERE status = $1 AND respond_by <= $2 ORDER BY id",
        vec![wire_name(&AlertStatus::Open).into(), to_ms(now).into()],
    )
    .await
}

/// The alerts of these queues received at or after `since`, newest first (at most `limit`).
pub async fn of_queues(
    conn: &mut AnyConnection,
    queues: &[String],
    since: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<DisputeAlert>, sqlx::Error> {
    if queues.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (0..queues.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT data FROM dispute_alerts WHERE received_at >= $1 AND queue IN ({}) ORDER BY received_at DESC, id DESC LIMIT {limit}",
        marks.join(", ")
    );
    let mut args = vec![Val::from(to_ms(since))];
    args.extend(queues.iter().map(|q| Val::from(q.clone())));
    list(conn, &sql, args).await
}

/// A card deposit's last four digits and ARN (none for other events).
pub fn card_of(event: &ActivityEvent) -> Option<(String, Option<String>)> {
    match &event.detail {
        ActivityDetail::Deposit { card_last4: Some(last4), card_payment, .. } => {
            Some((last4.clone(), card_payment.as_ref().map(|p| p.arn.clone())))
        }
        _ => None,
    }
}

/// Keeps the card-payment index in step with a stored event.
pub async fn index_card_payment(conn: &mut AnyConnection, event: &ActivityEvent) -> Result<(), sqlx::Error> {
    let Some((last4, arn)) = card_of(event) else { return Ok(()) };
    sqlx::query(
        "INSERT INTO card_payments (event_id, customer_id, card_last4, arn, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (event_id) DO UPDATE SET card_last4 = excluded.card_last4, arn = excluded.arn",
    )
    .bind(event.id)
    .bind(event.customer_id)
    .bind(last4)
    .bind(arn)
    .bind(to_ms(event.at))
    .execute(conn)
    .await?;
    Ok(())
}

/// The card payments an alert may be about: the one with its ARN, else the deposits on a
/// card with its last four digits within `window` of the alert's transaction time.
pub async fn candidate_payments(
    conn: &mut AnyConnection,
    last4: &str,
    arn: Option<&str>,
    around: DateTime<Utc>,
    window: chrono::Duration,
) -> Result<Vec<ActivityEvent>, sqlx::Error> {
    if let Some(arn) = arn {
        let found: Vec<ActivityEvent> = list(
            conn,
            "SELECT e.data FROM card_payments p JOIN activity_events e ON e.id = p.event_id WHERE p.arn = $1",
            vec![arn.to_owned().into()],
        )
        .await?;
        if !found.is_empty() {
            return Ok(found);
        }
    }
    list(
        conn,
        "SELECT e.data FROM card_payments p JOIN activity_events e ON e.id = p.event_id
         WHERE p.card_last4 = $1 AND p.at BETWEEN $2 AND $3 ORDER BY p.at, p.event_id",
        vec![last4.to_owned().into(), to_ms(around - window).into(), to_ms(around + window).into()],
    )
    .await
}
