//! Inbox views and their counts stay right through inserts, updates, deletions and pruning
//! (the counts are kept by triggers, the pages come from partial indexes).

use arbiter_cache::{AssigneeFilter, Cache, InboxView, SavedView, TicketFilter, ViewKey};
use arbiter_contract::*;
use chrono::{Duration, TimeZone, Utc};

fn ticket(id: i64, status: TicketStatus, assignee: Option<i64>, version: i64) -> Ticket {
    let at = Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap() + Duration::minutes(id);
    let kinds = [TicketKind::Inquiry, TicketKind::CardChargeback, TicketKind::FraudClaim, TicketKind::TradeDispute];
    Ticket {
        id,
        channel: if id % 2 == 0 { Channel::Email } else { Channel::Chat },
        kind: kinds[(id % 4) as usize],
        subject: format!("Ticket {id}"),
        status,
        priority: Priority::Normal,
        queue: "general".into(),
        assignee_id: assignee,
        customer_id: 1,
        language: "en".into(),
        tags: if id % 5 == 0 { vec!["vip".into(), "refund".into()] } else { vec![] },
        // Some are due (or overdue) soon, some later, some have no clock running.
        sla: TicketSla {
            first_response_due_at: (id % 4 != 0).then(|| Utc::now() + Duration::minutes(id - 20)),
            resolution_due_at: (id % 7 == 0).then(|| Utc::now() + Duration::days(2)),
            ..TicketSla::default()
        },
        escalation_level: if id % 9 == 0 { EscalationLevel::L2 } else { EscalationLevel::L0 },
        case_id: None,
        topic: None,
        routed: None,
        csat: None,
        created_at: at,
        updated_at: at,
        solved_at: None,
        version,
    }
}

/// Every view's count and full listing (in pages of 7), checked against each other and
/// against the view's order: newest first, or soonest due first for "SLA at risk".
async fn check(cache: &Cache, me: i64) {
    for count in cache.view_counts(me).await.unwrap() {
        let mut listed = Vec::new();
        let mut after = None;
        loop {
            let page = cache.list_view(&count.view, me, after, 7).await.unwrap();
            let Some(last) = page.last() else { break };
            after = Some(last.cursor);
            listed.extend(page.iter().map(|t| (t.cursor.key, t.id)));
        }
        let at_risk = count.view == ViewKey::Builtin(InboxView::SlaAtRisk);
        let ordered = listed.windows(2).all(|w| if at_risk { w[0] < w[1] } else { w[0] > w[1] });
        assert!(ordered, "{:?}: in order, no repeats: {listed:?}", count.view);
        assert_eq!(listed.len() as i64, count.count, "{:?}", count.view);
    }
}

#[tokio::test]
async fn counts_and_pages_agree_through_every_kind_of_change() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::open(&dir.path().join("cache.sqlite")).await.unwrap();
    let statuses = [
        TicketStatus::New,
        TicketStatus::Open,
        TicketStatus::Pending,
        TicketStatus::OnHold,
        TicketStatus::Solved,
        TicketStatus::Closed,
    ];
    let tickets: Vec<Entity> = (1..=60)
        .map(|id| {
            let assignee = [None, Some(1), Some(2)][(id % 3) as usize];
            Entity::Ticket(ticket(id, statuses[(id % 6) as usize], assignee, 1))
        })
        .collect();
    cache.put_entities(&tickets).await.unwrap();
    let saved = |id: &str, filter: TicketFilter| SavedView { id: id.into(), name: id.into(), filter };
    cache
        .save_view(&saved(
            "mine-vip-email",
            TicketFilter {
                tags: vec!["vip".into()],
                channels: vec![Channel::Email],
                assignee: Some(AssigneeFilter::Me),
                ..TicketFilter::default()
            },
        ))
        .await
        .unwrap();
    cache
        .save_view(&saved(
            "escalated-chargebacks",
            TicketFilter { kinds: vec![TicketKind::CardChargeback], escalated: true, ..TicketFilter::default() },
        ))
        .await
        .unwrap();
    check(&cache, 1).await;
    let counts = cache.view_counts(1).await.unwrap();
    let count = |view: ViewKey| counts.iter().find(|c| c.view == view).unwrap().count;
    assert_eq!(count(ViewKey::Builtin(InboxView::All)), 60);
    assert!(count(ViewKey::Builtin(InboxView::SlaAtRisk)) > 0);
    assert!(count(ViewKey::Builtin(InboxView::Escalated)) > 0);
    assert!(count(ViewKey::Saved("mine-vip-email".into())) > 0);
    assert_eq!(counts.len(), InboxView::ALL.len() + 2);
    assert_eq!(cache.saved_views().await.unwrap()[0].id, "mine-vip-email");
    assert!(cache.delete_view("escalated-chargebacks").await.unwrap());
    assert!(!cache.delete_view("escalated-chargebacks").await.unwrap());

    // Status and assignee changes, a stale version (ignored), a ticket twice in one batch.
    cache
        .put_entities(&[
            Entity::Ticket(ticket(1, TicketStatus::Solved, Some(1), 2)),
            Entity::Ticket(ticket(2, TicketStatus::Open, None, 2)),
            Entity::Ticket(ticket(3, TicketStatus::New, Some(1), 0)),
            Entity::Ticket(ticket(4, TicketStatus::Pending, Some(1), 2)),
            Entity::Ticket(ticket(4, TicketStatus::Closed, Some(2), 3)),
        ])
        .await
        .unwrap();
    check(&cache, 1).await;
    check(&cache, 2).await;

    // Deletions, pruning, and a fresh start.
    cache.put_entities(&[Entity::Deleted(Tombstone { entity: EntityKind::Ticket, id: 5 })]).await.unwrap();
    check(&cache, 1).await;
    cache.prune_closed(Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap()).await.unwrap();
    check(&cache, 1).await;
    assert!(cache
        .view_counts(1)
        .await
        .unwrap()
        .iter()
        .all(|c| c.view != ViewKey::Builtin(InboxView::Solved) || c.count > 0));
    cache.reset().await.unwrap();
    assert!(cache.view_counts(1).await.unwrap().iter().all(|c| c.count == 0));
    check(&cache, 1).await;
}

/// The ticket screen's SLA clocks come from the policy engine over the synced policies,
/// with the instants their state changes at; a pending ticket's stand still.
#[tokio::test]
async fn a_ticket_carries_its_running_clocks_once_the_policies_have_synced() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::open(&dir.path().join("cache.sqlite")).await.unwrap();
    let opened = Utc::now() - Duration::hours(10);
    let policy = arbiter_contract::defaults::policy_set(opened - Duration::days(1));
    let mut email = ticket(2, TicketStatus::Open, Some(1), 1);
    email.sla = arbiter_policy::sla::opened(&policy.sla, Channel::Email, false, opened);
    let mut pending = email.clone();
    pending.id = 4;
    pending.status = TicketStatus::Pending;
    cache.put_entities(&[Entity::Ticket(email.clone()), Entity::Ticket(pending)]).await.unwrap();
    assert!(cache.ticket_view(2).await.unwrap().unwrap().sla_clocks.is_empty(), "no policies yet: no clocks");

    cache.put_entities(&[Entity::Policy(policy)]).await.unwrap();
    let view = cache.ticket_view(2).await.unwrap().unwrap();
    let first = view.sla_clocks.iter().find(|c| c.kind == arbiter_cache::SlaClockKind::FirstResponse).unwrap();
    // Email: 4 h to answer, opened 10 h ago: missed 6 h ago, prolonged since 2 h ago (2 × 4 h).
    assert_eq!(first.due_at, opened + Duration::hours(4));
    assert_eq!(first.at_risk_from, opened + Duration::hours(4) - Duration::minutes(30));
    assert_eq!(first.prolonged_from, opened + Duration::hours(8));
    assert_eq!(view.sla_clocks[0].kind, arbiter_cache::SlaClockKind::FirstResponse, "the worst first");
    assert!(cache.ticket_view(4).await.unwrap().unwrap().sla_clocks.is_empty(), "pending: paused");
}

/// A copy of a case older than the one the cache holds (a feed page fetched before the
/// agent's own change came back) does not roll it back; a newer one replaces it.
#[tokio::test]
async fn versioned_entities_are_never_rolled_back() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::open(&dir.path().join("cache.sqlite")).await.unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    let case = |version: i64, summary: &str| {
        Entity::Case(Case {
            id: 7,
            kind: CaseKind::Dispute,
            customer_id: 1,
            ticket_ids: vec![1],
            status: CaseStatus::Open,
            amount_minor: 100,
            currency: "USD".into(),
            amount_usd_cents: 100,
            card: None,
            due_at: None,
            decision: None,
            outcome: None,
            recovered_usd_cents: 0,
            lost_usd_cents: 0,
            evidence: vec![],
            assignee_id: None,
            queue: "disputes".into(),
            summary: summary.into(),
            created_at: at,
            updated_at: at,
            closed_at: None,
            version,
        })
    };
    let summary = |cache: &Cache| {
        let cache = cache.clone();
        async move {
            match cache.entity(EntityKind::Case, 7).await.unwrap() {
                Some(Entity::Case(c)) => (c.version, c.summary),
                other => panic!("{other:?}"),
            }
        }
    };
    cache.put_entities(&[case(3, "mine")]).await.unwrap();
    cache.put_entities(&[case(2, "stale")]).await.unwrap();
    assert_eq!(summary(&cache).await, (3, "mine".to_string()));
    cache.put_entities(&[case(4, "newer")]).await.unwrap();
    assert_eq!(summary(&cache).await, (4, "newer".to_string()));

    // The analytics' narrow copy follows: decided, then gone with its tombstone.
    let facts = cache.case_fact_groups(None, None).await.unwrap();
    assert_eq!(facts.len(), 1);
    assert_eq!((facts[0].outcome, facts[0].month.as_str(), facts[0].cases), (None, "2026-11", 1));
    assert_eq!(facts[0].channel, None, "its ticket is not here yet");
    cache.put_entities(&[Entity::Ticket(ticket(1, TicketStatus::Open, None, 1))]).await.unwrap();
    assert_eq!(
        cache.case_fact_groups(None, None).await.unwrap()[0].channel.as_deref(),
        Some("chat"),
        "the ticket came"
    );
    let Entity::Case(mut decided) = case(5, "decided") else { unreachable!() };
    decided.outcome = Some(CaseOutcome::RepresentedLost);
    decided.lost_usd_cents = 100;
    decided.closed_at = Some(at + chrono::Duration::days(40));
    cache.put_entities(&[Entity::Case(decided)]).await.unwrap();
    let facts = cache.case_fact_groups(None, None).await.unwrap();
    assert_eq!(facts[0].outcome, Some(CaseOutcome::RepresentedLost));
    assert_eq!(facts[0].lost_usd_cents, 100);
    assert_eq!(facts[0].month, "2026-12");
    let december = chrono::NaiveDate::from_ymd_opt(2026, 12, 1);
    assert_eq!(cache.case_fact_groups(december, None).await.unwrap().len(), 1);
    assert!(cache.case_fact_groups(None, chrono::NaiveDate::from_ymd_opt(2026, 11, 30)).await.unwrap().is_empty());
    cache.put_entities(&[Entity::Deleted(Tombstone { entity: EntityKind::Case, id: 7 })]).await.unwrap();
    assert!(cache.case_fact_groups(None, None).await.unwrap().is_empty());
}

/// Every built-in view's first page reads the index that holds its rows in display order, and
/// never sorts them first — with the planner's statistics too (ANALYZE), which made SQLite
/// take the status index and sort thousands of tickets for several views. The kinds include
/// P2P disputes so the Disputes view's two kinds are both there.
#[tokio::test]
async fn each_view_reads_its_own_index_without_sorting_whatever_the_statistics() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::open(&dir.path().join("cache.sqlite")).await.unwrap();
    let statuses =
        [TicketStatus::New, TicketStatus::Open, TicketStatus::Pending, TicketStatus::Solved, TicketStatus::Closed];
    let tickets: Vec<Entity> = (1..=2_000)
        .map(|id| {
            let mut t = ticket(id, statuses[(id % 5) as usize], [None, Some(1), Some(2)][(id % 3) as usize], 1);
            if id % 11 == 0 {
                t.kind = TicketKind::P2pDispute;
            }
            Entity::Ticket(t)
        })
        .collect();
    cache.put_entities(&tickets).await.unwrap();
    cache.analyze().await.unwrap();
    let expected = [
        (InboxView::Mine, "tickets_active_by_assignee"),
        (InboxView::Unassigned, "tickets_active_by_assignee"),
        (InboxView::Open, "tickets_open_recent"),
        (InboxView::Pending, "tickets_by_status"),
        (InboxView::OnHold, "tickets_by_status"),
        (InboxView::SlaAtRisk, "tickets_sla_due"),
        (InboxView::Escalated, "tickets_escalated"),
        (InboxView::Chargebacks, "tickets_active_by_kind"),
        (InboxView::FraudClaims, "tickets_active_by_kind"),
        (InboxView::Disputes, "tickets_active_disputes"),
        (InboxView::Solved, "tickets_solved_recent"),
        (InboxView::All, "tickets_by_updated"),
    ];
    assert_eq!(expected.len(), InboxView::ALL.len());
    for (view, index) in expected {
        let plan = cache.list_plan(view, 1).await.unwrap();
        // The page's own steps come before the outer query scans it (`SCAN p`).
        let page: Vec<&String> = plan.iter().take_while(|l| !l.ends_with("SCAN p")).collect();
        let reads = |l: &&String| l.contains("INDEX") && l.split_whitespace().any(|w| w == index);
        assert!(page.iter().any(reads), "{view:?} reads {index}: {plan:#?}");
        assert!(!page.iter().any(|l| l.contains("TEMP B-TREE")), "{view:?} sorts before its first page: {plan:#?}");
        // And the page is still right.
        let listed = cache.list_tickets(view, 1, None, 50).await.unwrap();
        let counted =
            cache.view_counts(1).await.unwrap().into_iter().find(|c| c.view == ViewKey::Builtin(view)).unwrap();
        assert_eq!(listed.len() as i64, counted.count.min(50), "{view:?}");
    }
}
