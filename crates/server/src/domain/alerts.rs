//! Pre-dispute alerts: the programmes' connector delivers them through the gateway; each is
//! matched to its card payment (by ARN, else by card and time), queued for the team that
//! answers its kind with the programme's clock, refunded at once when the policy says so, and
//! answered by an agent with an outcome that is final once sent. The sweep expires alerts
//! whose deadline passed unanswered.

use arbiter_contract::*;
use arbiter_policy::alerts::{self as rules, AlertRefusal, CryptoWhereabouts};
use chrono::{DateTime, Duration, Utc};
use sqlx::AnyConnection;

use super::controls::SERVER_ACTOR;
use super::input;
use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::mutation::Mutation;
use crate::store::alerts as store;
use crate::store::{next_id, reads};
use crate::AppState;

/// Longest programme id, issuer reason and agent note.
pub const EXTERNAL_ID_MAX: usize = 100;
pub const REASON_MAX: usize = 1_000;
pub const NOTE_MAX: usize = 2_000;
/// How far from the alert's transaction time a payment on the same card may be to be the
/// one it means (programmes give the authorisation time; deposits settle within a day).
const MATCH_WINDOW_HOURS: i64 = 48;
/// The rule named on an answer the policy gave.
pub const AUTO_REFUND_RULE: &str = "auto_refund";
/// The list's look-back when none is asked for (and its longest), and its longest page.
pub const LIST_DAYS: u32 = 90;
pub const LIST_DAYS_MAX: u32 = 366;
pub const LIST_MAX: i64 = 2_000;
/// The connector's page of answers: its default and its largest.
pub const ANSWERS_PAGE: u32 = 100;
pub const ANSWERS_PAGE_MAX: u32 = 500;
/// An acquirer reference number as programmes send it.
pub const ARN_PATTERN: &str = "^[A-Za-z0-9]{1,40}$";
/// Largest alert amount, in minor units.
pub const AMOUNT_MAX: i64 = 100_000_000_000;
/// The policy's bounds: deadlines in hours, amounts in US cents, teams by slug.
pub const DEADLINE_HOURS_MAX: i64 = 720;
pub const POLICY_CENTS_MAX: i64 = 100_000_000;
pub const TEAM_PATTERN: &str = "^[a-z0-9_-]{1,64}$";

fn refused(refusal: AlertRefusal) -> ApiFailure {
    match refusal {
        AlertRefusal::Answered(_) => {
            ApiFailure::new(axum::http::StatusCode::CONFLICT, ErrorCode::Conflict, refusal.to_string())
        }
        _ => ApiFailure::unprocessable(refusal.to_string()),
    }
}

/// The delivery, checked: what a connector may send.
fn checked(incoming: &IncomingAlert) -> Result<(i64, String), ApiFailure> {
    let external_id = input::text_field(&incoming.external_id, "the alert's id", EXTERNAL_ID_MAX)?;
    if incoming.card_last4.len() != 4 || !incoming.card_last4.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiFailure::bad_request("card_last4 is four digits"));
    }
    if incoming
        .arn
        .as_deref()
        .is_some_and(|a| a.is_empty() || a.len() > 40 || !a.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return Err(ApiFailure::bad_request("an ARN is 1–40 letters and digits"));
    }
    if incoming.issuer_reason.chars().count() > REASON_MAX {
        return Err(ApiFailure::bad_request(format!("the issuer's reason is at most {REASON_MAX} characters")));
    }
    if !(1..=AMOUNT_MAX).contains(&incoming.amount_minor) {
        return Err(ApiFailure::bad_request("the amount is a positive number of minor units"));
    }
    let usd = super::money::usd_cents(incoming.amount_minor, &incoming.currency).ok_or_else(|| {
        ApiFailure::unprocessable(format!("{} is not a currency this server knows", incoming.currency))
    })?;
    Ok((usd, external_id))
}

/// The payment the alert is about: its ARN's, else the one on the card nearest in time and
/// then in amount.
async fn matched_payment(
    conn: &mut AnyConnection,
    incoming: &IncomingAlert,
    usd_cents: i64,
) -> Result<Option<ActivityEvent>, sqlx::Error> {
    let candidates = store::candidate_payments(
        conn,
        &incoming.card_last4,
        incoming.arn.as_deref(),
        incoming.transaction_at,
        Duration::hours(MATCH_WINDOW_HOURS),
    )
    .await?;
    let amount_of = |e: &ActivityEvent| match &e.detail {
        ActivityDetail::Deposit { usd_cents, .. } => *usd_cents,
        _ => 0,
    };
    Ok(candidates.into_iter().min_by_key(|e| {
        ((e.at - incoming.transaction_at).num_seconds().abs() / 3_600, (amount_of(e) - usd_cents).abs(), e.id)
    }))
}

/// Where the crypto bought with the payment went, from the customer's activity.
pub async fn crypto_of(
    conn: &mut AnyConnection,
    alert: &DisputeAlert,
) -> Result<Option<CryptoWhereabouts>, sqlx::Error> {
    let Some(customer) = alert.customer_id else { return Ok(None) };
    let activity = reads::activity_of(conn, customer).await?;
    let paid_at = alert
        .payment_event_id
        .and_then(|id| activity.iter().find(|e| e.id == id).map(|e| e.at))
        .unwrap_or(alert.transaction_at);
    Ok(Some(rules::whereabouts(paid_at, &activity)))
}

/// Takes in an alert a programme delivered. The same programme id again answers the alert
/// made the first time (`false`: nothing new). Refunded at once when the policy says so.
pub async fn receive(state: &AppState, incoming: &IncomingAlert) -> Result<(DisputeAlert, bool), ApiFailure> {
    let (usd_cents, external_id) = checked(incoming)?;
    let programme = incoming.kind.programme();
    let now = Utc::now();
    let mut tx = state.db.begin_write().await?;
    if let Some(known) = store::by_external(&mut tx, programme, &external_id).await? {
        return Ok((known, false));
    }
    let policy = reads::policy(&mut tx).await?.alerts;
    let payment = matched_payment(&mut tx, incoming, usd_cents).await?;
    let raised_at = incoming.raised_at.min(now);
    let mut alert = DisputeAlert {
        id: next_id(&mut tx, "dispute_alerts").await?,
        kind: incoming.kind,
        programme,
        external_id,
        queue: policy.queue_for(incoming.kind).to_owned(),
        customer_id: payment.as_ref().map(|p| p.customer_id),
        payment_event_id: payment.as_ref().map(|p| p.id),
        network: incoming.network,
        card_last4: incoming.card_last4.clone(),
        arn: incoming.arn.clone(),
        amount_minor: incoming.amount_minor,
        currency: incoming.currency.clone(),
        usd_cents,
        transaction_at: incoming.transaction_at,
        issuer_reason: incoming.issuer_reason.trim().to_owned(),
        received_at: raised_at,
        respond_by: rules::respond_by(&policy, incoming.kind, raised_at),
        status: AlertStatus::Open,
        answer: None,
        version: 1,
    };
    if alert.respond_by <= now {
        alert.status = AlertStatus::Expired;
    } else if let Some(crypto) = crypto_of(&mut tx, &alert).await? {
        if rules::auto_refunds(&policy, &alert, &crypto) {
            alert.status = AlertStatus::Answered;
            alert.answer = Some(AlertAnswer {
                outcome: AlertOutcome::Refunded,
                note: String::new(),
                answered_by: None,
                rule: Some(AUTO_REFUND_RULE.to_owned()),
                answered_at: now,
                refund_usd_cents: usd_cents,
            });
        }
    }
    store::put(&mut tx, &alert).await?;
    audit(&mut tx, "alert.receive", None, &alert, now).await?;
    tx.commit().await?;
    state.hub.publish(StreamPayload::DisputeAlert { alert: Box::new(alert.clone()) }, vec![store::scope(&alert)]);
    Ok((alert, true))
}

async fn audit(
    tx: &mut AnyConnection,
    action: &'static str,
    before: Option<&DisputeAlert>,
    after: &DisputeAlert,
    now: DateTime<Utc>,
) -> Result<(), ApiFailure> {
    let record = crate::store::audit::AuditRecord {
        actor_id: SERVER_ACTOR,
        action,
        entity_kind: "dispute_alert",
        entity_id: after.id,
        before: before.map(serde_json::to_value).transpose()?,
        after: Some(serde_json::to_value(after)?),
        idempotency_key: None,
        at: now,
    };
    crate::store::audit::record(tx, record).await?;
    Ok(())
}

/// The alert if the caller sees it: its team's queue, or its customer.
pub async fn visible(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<DisputeAlert, ApiFailure> {
    let not_found = || ApiFailure::not_found(format!("alert {id} does not exist"));
    let alert = store::get(conn, id).await?.ok_or_else(not_found)?;
    if caller.vis.sees(&store::scope(&alert)) {
        return Ok(alert);
    }
    match alert.customer_id {
        Some(customer) if caller.vis.sees_customer(conn, customer).await? => Ok(alert),
        _ => Err(not_found()),
    }
}

/// The alerts of the caller's teams received in the last `days`, newest first.
pub async fn list(
    conn: &mut AnyConnection,
    caller: &Caller,
    query: &AlertQuery,
) -> Result<Vec<DisputeAlert>, ApiFailure> {
    let days = query.days.unwrap_or(LIST_DAYS);
    if !(1..=LIST_DAYS_MAX).contains(&days) {
        return Err(ApiFailure::bad_request(format!("days is 1–{LIST_DAYS_MAX}")));
    }
    let since = Utc::now() - Duration::days(i64::from(days));
    let mut alerts = store::of_queues(conn, &caller.vis.teams, since, LIST_MAX).await?;
    if let Some(status) = query.status {
        alerts.retain(|a| a.status == status);
    }
    Ok(alerts)
}

/// The answering team's answer: checked against the alert's kind and clock, final once stored (a second
/// answer is a conflict carrying the alert as it is). The refund of a `refunded` answer is
/// the payment's amount.
pub async fn answer(m: &mut Mutation, id: i64, body: &AnswerAlert) -> Result<DisputeAlert, ApiFailure> {
    let alert = visible(&mut m.tx, &m.caller, id).await?;
    // A refund is the answering team's to give: who sees the customer from another queue
    // may read the alert, not answer it.
    if !m.caller.vis.teams.contains(&alert.queue) {
        return Err(ApiFailure::forbidden(format!("alerts of this kind are answered by the {} team", alert.queue)));
    }
    let note = match body.note.trim() {
        "" => String::new(),
        note => input::text_field(note, "the note", NOTE_MAX)?,
    };
    if let Err(refusal) = rules::check_answer(&alert, body.outcome, m.now) {
        if let AlertRefusal::Answered(_) = refusal {
            return Err(ApiFailure::conflict(Entity::DisputeAlert(alert), refusal.to_string()));
        }
        return Err(refused(refusal));
    }
    let mut next = alert.clone();
    next.status = AlertStatus::Answered;
    next.answer = Some(AlertAnswer {
        outcome: body.outcome,
        note,
        answered_by: Some(m.caller.id()),
        rule: None,
        answered_at: m.now,
        refund_usd_cents: if body.outcome == AlertOutcome::Refunded { alert.usd_cents } else { 0 },
    });
    next.version += 1;
    store::put(&mut m.tx, &next).await?;
    m.audit("alert.answer", "dispute_alert", id, Some(&alert), Some(&next)).await?;
    m.publish(StreamPayload::DisputeAlert { alert: Box::new(next.clone()) }, vec![store::scope(&next)]);
    Ok(next)
}

/// The answers to send back to the programmes after the connector's cursor (the policy's
/// auto-refunds with the agents' answers), oldest first.
pub async fn answers(conn: &mut AnyConnection, query: &AnswersQuery) -> Result<AnswerPage, ApiFailure> {
    let after = query.after.unwrap_or(0);
    if after < 0 {
        return Err(ApiFailure::bad_request("after is a cursor from an earlier page (0 or more)"));
    }
    let limit = i64::from(input::page_size(query.limit, ANSWERS_PAGE, ANSWERS_PAGE_MAX)?);
    let mut rows = store::answers_after(conn, after, limit + 1).await?;
    let has_more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = rows.last().map_or(after, |(seq, _)| *seq);
    Ok(AnswerPage { alerts: rows.into_iter().map(|(_, alert)| alert).collect(), next_cursor, has_more })
}

/// Marks the open alerts whose deadline passed as expired. Returns how many.
pub async fn expire_due(state: &AppState, now: DateTime<Utc>) -> Result<usize, ApiFailure> {
    let mut tx = state.db.begin_write().await?;
    let due = store::overdue(&mut tx, now).await?;
    let mut events = Vec::new();
    for alert in &due {
        let mut next = alert.clone();
        next.status = AlertStatus::Expired;
        next.version += 1;
        store::put(&mut tx, &next).await?;
        audit(&mut tx, "alert.expire", Some(alert), &next, now).await?;
        events.push(next);
    }
    tx.commit().await?;
    for alert in events {
        let scope = store::scope(&alert);
        state.hub.publish(StreamPayload::DisputeAlert { alert: Box::new(alert) }, vec![scope]);
    }
    Ok(due.len())
}
