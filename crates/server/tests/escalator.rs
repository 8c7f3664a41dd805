//! The server runs the escalation matrix over the active tickets: it raises what applies
//! once per ticket and reason, raises again only for a higher level, leaves pending tickets
//! alone (their clocks are paused), marks the ticket's level and tells desks on the stream.

mod common;

use std::collections::HashMap;
use std::time::Duration as StdDuration;

use arbiter_contract::*;
use arbiter_server::escalator::sweep;
use chrono::{Duration, Utc};

async fn all<T: serde::de::DeserializeOwned>(server: &arbiter_server::RunningServer, sql: &str) -> Vec<T> {
    sqlx::query_scalar::<_, String>(sql)
        .fetch_all(&server.db().pool)
        .await
        .unwrap()
        .iter()
        .map(|json| serde_json::from_str(json).unwrap())
        .collect()
}

#[tokio::test]
async fn the_matrix_raises_once_per_reason_and_level_and_skips_paused_tickets() {
    for db in common::databases().await {
        let server = common::server(&db, 150).await;
        let now = Utc::now();
        let first = sweep(&server.state, now).await.unwrap();
        assert!(!first.is_empty(), "the demo backlog has breached and high-value tickets");
        assert!(first
            .iter()
            .all(|e| !e.detail.is_empty() && e.raised_by.is_none() && e.status == EscalationStatus::Open));
        assert_eq!(sweep(&server.state, now).await.unwrap(), vec![], "nothing new a second time");

        // The ticket's level follows its highest escalation.
        let tickets: HashMap<i64, Ticket> =
            all::<Ticket>(&server, "SELECT data FROM tickets").await.into_iter().map(|t| (t.id, t)).collect();
        for e in &first {
            assert!(tickets[&e.ticket_id.unwrap()].escalation_level >= e.level, "{e:?}");
        }
        // Every ticket with a case of 10,000 USD or more that is still active was raised for it.
        let cases: HashMap<i64, Case> =
            all::<Case>(&server, "SELECT data FROM cases").await.into_iter().map(|c| (c.id, c)).collect();
        let escalations: Vec<Escalation> = all(&server, "SELECT data FROM escalations").await;
        for t in tickets.values().filter(|t| t.status.is_active()) {
            if let Some(case) = t.case_id.and_then(|id| cases.get(&id)).filter(|c| c.amount_usd_cents >= 1_000_000) {
                let want = if case.amount_usd_cents >= 10_000_000 { EscalationLevel::L2 } else { EscalationLevel::L1 };
                assert!(
                    escalations.iter().any(|e| e.ticket_id == Some(t.id)
                        && e.reason == EscalationReason::HighValueDispute
                        && e.level >= want),
                    "ticket {} with {} USD in dispute",
                    t.id,
                    case.amount_usd_cents / 100
                );
            }
        }

        // A hundred days on, every running ticket is long past every target: prolonged (L2),
        // raised once, on the stream; pending tickets stay paused.
        let mut events = server.state.hub.subscribe(None).0;
        let later = now + Duration::days(100);
        let second = sweep(&server.state, later).await.unwrap();
        let running: Vec<&Ticket> =
            tickets.values().filter(|t| t.status.is_active() && t.status != TicketStatus::Pending).collect();
        assert!(!running.is_empty());
        for t in &running {
            let prolonged = |list: &[Escalation]| {
                list.iter().any(|e| e.ticket_id == Some(t.id) && e.reason == EscalationReason::SlaBreachProlonged)
            };
            assert!(prolonged(&second) || prolonged(&escalations), "ticket {} ({:?})", t.id, t.status);
        }
        for t in tickets.values().filter(|t| t.status == TicketStatus::Pending) {
            assert!(
                !second.iter().any(|e| e.ticket_id == Some(t.id)
                    && matches!(e.reason, EscalationReason::SlaBreach | EscalationReason::SlaBreachProlonged)),
                "pending ticket {} is paused",
                t.id
            );
        }
        let mut streamed = 0;
        while let Ok(Ok(event)) = tokio::time::timeout(StdDuration::from_millis(100), events.recv()).await {
            streamed += usize::from(event.name == "escalation");
        }
        assert_eq!(streamed, second.len(), "each new escalation went out on the stream");
        assert_eq!(sweep(&server.state, later).await.unwrap(), vec![]);
    }
}
