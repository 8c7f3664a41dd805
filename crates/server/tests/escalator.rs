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
        server.state.hub.caught_up().await; // the first sweep's events are out
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
        server.state.hub.caught_up().await;
        let mut streamed = 0;
        while let Ok(Ok(event)) = tokio::time::timeout(StdDuration::from_millis(100), events.recv()).await {
            streamed += usize::from(event.name == "escalation");
        }
        assert_eq!(streamed, second.len(), "each new escalation went out on the stream");
        assert_eq!(sweep(&server.state, later).await.unwrap(), vec![]);
    }
}

/// A customer whose activity scores at decline level (here: a card deposit, a password
/// change and a new device from abroad adding an address, a self-trade, then the money out:
/// rules 1, 2, 3 and 7) gets an L2 escalation to the risk team on their active ticket — once, and
/// again only when new activity changes the score.
#[tokio::test]
async fn a_fraud_score_at_decline_level_raises_an_escalation_to_risk() {
    for db in common::databases().await {
        let server = common::server(&db, 150).await;
        let now = Utc::now();
        sweep(&server.state, now).await.unwrap(); // the backlog's own escalations first
        let tickets: Vec<Ticket> =
            all(&server, "SELECT data FROM tickets WHERE status IN ('new', 'open', 'on_hold') ORDER BY id").await;
        let ticket = tickets.iter().find(|t| t.kind == TicketKind::FraudClaim).unwrap_or(&tickets[0]).clone();
        let customer = ticket.customer_id;
        let next: i64 =
            sqlx::query_scalar("SELECT MAX(id) FROM activity_events").fetch_one(&server.db().pool).await.unwrap();
        let at = now - Duration::hours(6);
        let event = |id: i64, minutes: i64, detail: ActivityDetail| ActivityEvent {
            id,
            customer_id: customer,
            at: at + Duration::minutes(minutes),
            session_id: Some("takeover".into()),
            detail,
        };
        let events = [
            event(
                next + 1,
                0,
                ActivityDetail::Login {
                    device_id: "never-seen".into(),
                    device: "Windows 10".into(),
                    ip: "185.9.9.9".into(),
                    ip_country: "ZZ".into(),
                    success: true,
                },
            ),
            event(
                next + 2,
                1,
                ActivityDetail::Deposit {
                    method: DepositMethod::Card,
                    amount_minor: Some(100_000),
                    currency: Some("USD".into()),
                    asset: None,
                    quantity: None,
                    usd_cents: 100_000,
                    card_fingerprint: Some("stolen-card".into()),
                    card_last4: Some("0001".into()),
                    tx_hash: None,
                    from_address: None,
                    card_payment: None,
                    status: TransferStatus::Completed,
                },
            ),
            event(
                next + 3,
                2,
                ActivityDetail::SecurityChange {
                    change: SecurityChangeKind::Password,
                    device_id: "never-seen".into(),
                    ip: "185.9.9.9".into(),
                    ip_country: "ZZ".into(),
                },
            ),
            event(
                next + 4,
                3,
                ActivityDetail::SecurityChange {
                    change: SecurityChangeKind::WithdrawalAddress,
                    device_id: "never-seen".into(),
                    ip: "185.9.9.9".into(),
                    ip_country: "ZZ".into(),
                },
            ),
            // A trade with itself too (rule 7), so the score declines even without a history
            // of logins for rule 3 to compare with.
            event(
                next + 6,
                4,
                ActivityDetail::Trade {
                    pair: "BTC/USDT".into(),
                    side: TradeSide::Buy,
                    quantity: "0.01".into(),
                    price: "91000".into(),
                    usd_cents: 91_000,
                    counterparty_customer_id: Some(customer),
                },
            ),
            event(
                next + 5,
                5,
                ActivityDetail::Withdrawal {
                    asset: "BTC".into(),
                    quantity: "0.01".into(),
                    usd_cents: 95_000,
                    address: "bc1qthief".into(),
                    network: "Bitcoin".into(),
                    new_address: true,
                    tx_hash: None,
                    status: TransferStatus::Completed,
                    locked_until: None,
                    screening: None,
                    travel_rule: None,
                },
            ),
        ];
        let mut tx = server.db().pool.begin().await.unwrap();
        for e in &events {
            arbiter_server::store::entities::put_activity(&mut tx, e).await.unwrap();
        }
        tx.commit().await.unwrap();

        let raised = sweep(&server.state, now).await.unwrap();
        let fraud: Vec<_> = raised.iter().filter(|e| e.reason == EscalationReason::FraudScore).collect();
        assert!(!fraud.is_empty(), "{raised:?}");
        assert!(fraud.iter().all(|e| e.level == EscalationLevel::L2 && e.target_team == "risk"));
        assert!(fraud.iter().any(|e| e.ticket_id == Some(ticket.id)));
        assert!(fraud.iter().all(|e| {
            tickets.iter().find(|t| Some(t.id) == e.ticket_id).is_some_and(|t| t.customer_id == customer)
        }));
        let again = sweep(&server.state, now).await.unwrap();
        assert!(again.iter().all(|e| e.reason != EscalationReason::FraudScore), "once");

        // The policy's auto-hold stopped the customer's withdrawals, saying what placed it.
        let mut conn = server.db().pool.acquire().await.unwrap();
        let controls = arbiter_server::store::controls::controls(&mut conn, customer, now).await.unwrap();
        let hold = controls.withdrawals_held.clone().expect("withdrawals held at the decline band");
        assert_eq!(hold.reason, RISK_DECLINE);
        assert!(matches!(hold.placed_by, PlacedBy::Rule { .. }));
        let requests = arbiter_server::store::controls::requests_of(&mut conn, customer).await.unwrap();
        assert_eq!(requests.len(), 1, "placed once, however often the sweep runs");
        assert_eq!((requests[0].requested_by, requests[0].status), (0, RequestStatus::Applied));
        // Released by a person, it is not placed again.
        let mut released = controls.clone();
        released.withdrawals_held = None;
        released.version += 1;
        arbiter_server::store::controls::put_controls(&mut conn, &released).await.unwrap();
        drop(conn);
        sweep(&server.state, now).await.unwrap();
        let mut conn = server.db().pool.acquire().await.unwrap();
        let after = arbiter_server::store::controls::controls(&mut conn, customer, now).await.unwrap();
        assert!(after.withdrawals_held.is_none(), "the person's release stands");
    }
}

/// The sweep links accounts through the server's identifier index, whoever's queue they are
/// in: a customer whose own activity scores "block" declines once an account with no ticket
/// at all starts using their device — and that other account's activity is what re-scores them.
#[tokio::test]
async fn a_link_from_an_account_outside_every_active_ticket_can_tip_a_score_to_decline() {
    for db in common::databases().await {
        let server = common::server(&db, 150).await;
        let now = Utc::now();
        sweep(&server.state, now).await.unwrap();
        let policy = arbiter_contract::defaults::risk_policy();
        let score_of = async |customer: &Customer| {
            let events: Vec<ActivityEvent> = all(&server, "SELECT data FROM activity_events ORDER BY at, id").await;
            let links = arbiter_risk::Links::from_events(&events);
            let mine: Vec<ActivityEvent> = events.into_iter().filter(|e| e.customer_id == customer.id).collect();
            let subject = arbiter_risk::Subject { customer_id: customer.id, legal_name: customer.legal_name.clone() };
            arbiter_risk::score(&policy, &subject, &mine, &links, now)
        };

        // A customer with an active ticket and a clean score.
        let tickets: Vec<Ticket> =
            all(&server, "SELECT data FROM tickets WHERE status IN ('new', 'open', 'on_hold') ORDER BY id").await;
        let customers: HashMap<i64, Customer> =
            all::<Customer>(&server, "SELECT data FROM customers").await.into_iter().map(|c| (c.id, c)).collect();
        let mut chosen = None;
        for ticket in &tickets {
            let customer = &customers[&ticket.customer_id];
            if score_of(customer).await.score == 0.0 {
                chosen = Some((ticket.clone(), customer.clone()));
                break;
            }
        }
        let (ticket, customer) = chosen.expect("a clean customer with an active ticket");
        let active: std::collections::HashSet<i64> = tickets.iter().map(|t| t.customer_id).collect();
        let outsider =
            customers.keys().copied().filter(|c| !active.contains(c)).min().expect("a customer without tickets");

        let next: i64 =
            sqlx::query_scalar("SELECT MAX(id) FROM activity_events").fetch_one(&server.db().pool).await.unwrap();
        let at = now - Duration::hours(3);
        let event = |id: i64, who: i64, minutes: i64, detail: ActivityDetail| ActivityEvent {
            id,
            customer_id: who,
            at: at + Duration::minutes(minutes),
            session_id: None,
            detail,
        };
        let device = "device-shared-with-an-outsider";
        let theirs = [
            event(
                next + 1,
                customer.id,
                0,
                ActivityDetail::Deposit {
                    method: DepositMethod::Card,
                    amount_minor: Some(50_000),
                    currency: Some("USD".into()),
                    asset: None,
                    quantity: None,
                    usd_cents: 50_000,
                    card_fingerprint: Some("card-of-the-chosen-one".into()),
                    card_last4: Some("4242".into()),
                    tx_hash: None,
                    from_address: None,
                    card_payment: None,
                    status: TransferStatus::Completed,
                },
            ),
            event(
                next + 2,
                customer.id,
                5,
                ActivityDetail::SecurityChange {
                    change: SecurityChangeKind::Password,
                    device_id: device.into(),
                    ip: "10.1.2.3".into(),
                    ip_country: customer.country.clone(),
                },
            ),
            event(
                next + 3,
                customer.id,
                30,
                ActivityDetail::Withdrawal {
                    asset: "USDT".into(),
                    quantity: "490".into(),
                    usd_cents: 49_000,
                    address: "0xchosen-ones-own-wallet".into(),
                    network: "Ethereum".into(),
                    new_address: false,
                    tx_hash: None,
                    status: TransferStatus::Completed,
                    locked_until: None,
                    screening: None,
                    travel_rule: None,
                },
            ),
        ];
        let put = async |events: &[ActivityEvent]| {
            let mut tx = server.db().pool.begin().await.unwrap();
            for e in events {
                arbiter_server::store::entities::put_activity(&mut tx, e).await.unwrap();
            }
            tx.commit().await.unwrap();
        };
        put(&theirs).await;
        let before = score_of(&customer).await;
        assert_eq!(before.band, arbiter_risk::Band::BlockAndReview, "{:?}", before.findings);
        let raised = sweep(&server.state, now).await.unwrap();
        assert!(!raised.iter().any(|e| e.reason == EscalationReason::FraudScore && e.ticket_id == Some(ticket.id)));

        // An account with no ticket logs in from the same device.
        put(&[event(
            next + 4,
            outsider,
            60,
            ActivityDetail::Login {
                device_id: device.into(),
                device: "Pixel 8".into(),
                ip: "10.9.9.9".into(),
                ip_country: "NL".into(),
                success: true,
            },
        )])
        .await;
        let after = score_of(&customer).await;
        assert_eq!(after.band, arbiter_risk::Band::Decline, "{:?}", after.findings);
        let raised = sweep(&server.state, now).await.unwrap();
        assert!(
            raised.iter().any(|e| e.reason == EscalationReason::FraudScore && e.ticket_id == Some(ticket.id)),
            "{raised:?}"
        );
    }
}

/// The sweep keeps scores: with nothing new nobody is scored again; a new event re-scores its
/// customer and everyone sharing an identifier it carries; a changed name re-scores its owner.
#[tokio::test]
async fn scores_are_kept_between_sweeps_and_only_touched_customers_are_scored_again() {
    for db in common::databases().await {
        let server = common::server(&db, 150).await;
        let pool = &server.db().pool;
        let now = Utc::now();
        let policy = arbiter_contract::defaults::risk_policy();
        let mut customers: Vec<i64> =
            sqlx::query_scalar("SELECT DISTINCT customer_id FROM tickets WHERE status IN ('new', 'open', 'on_hold')")
                .fetch_all(pool)
                .await
                .unwrap();
        customers.sort_unstable();
        let risk = arbiter_server::risk::RiskCache::default();
        // A connection per sweep: the in-memory database has only one.
        let sweep = async || {
            let mut conn = pool.acquire().await.unwrap();
            risk.declining(&mut conn, &customers, &policy, now).await.unwrap();
            let mut scored = risk.scored_last().await;
            scored.sort_unstable();
            scored
        };
        assert_eq!(sweep().await, customers, "everyone the first time");
        assert_eq!(sweep().await, Vec::<i64>::new(), "nobody with nothing new");

        // Customer a logs in from customer b's device: both are scored again, nobody else
        // unless they use that device too.
        let (a, b) = (customers[0], customers[1]);
        let device: String = sqlx::query_scalar(
            "SELECT MIN(value) FROM activity_identifiers WHERE customer_id = $1 AND kind = 'device'",
        )
        .bind(b)
        .fetch_one(pool)
        .await
        .unwrap();
        let users: Vec<i64> = sqlx::query_scalar(
            "SELECT DISTINCT customer_id FROM activity_identifiers WHERE kind = 'device' AND value = $1",
        )
        .bind(&device)
        .fetch_all(pool)
        .await
        .unwrap();
        let next: i64 = sqlx::query_scalar("SELECT MAX(id) FROM activity_events").fetch_one(pool).await.unwrap();
        let login = ActivityEvent {
            id: next + 1,
            customer_id: a,
            at: now - Duration::minutes(5),
            session_id: None,
            detail: ActivityDetail::Login {
                device_id: device.clone(),
                device: "Pixel 8".into(),
                ip: "10.20.30.40".into(),
                ip_country: "NL".into(),
                success: true,
            },
        };
        let mut tx = pool.begin().await.unwrap();
        arbiter_server::store::entities::put_activity(&mut tx, &login).await.unwrap();
        tx.commit().await.unwrap();
        let mut want: Vec<i64> = users.into_iter().chain([a]).filter(|c| customers.contains(c)).collect();
        want.sort_unstable();
        want.dedup();
        assert!(want.contains(&a) && want.contains(&b));
        assert_eq!(sweep().await, want);

        // A customer's name changes: only they are scored again.
        let c = customers[2];
        let data: String =
            sqlx::query_scalar("SELECT data FROM customers WHERE id = $1").bind(c).fetch_one(pool).await.unwrap();
        let mut customer: Customer = serde_json::from_str(&data).unwrap();
        customer.legal_name = Some("Someone Else Entirely".into());
        let mut tx = pool.begin().await.unwrap();
        arbiter_server::store::entities::put_customer(&mut tx, &customer).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(sweep().await, vec![c]);
        assert_eq!(sweep().await, Vec::<i64>::new());
    }
}
