//! Inbox views and their counts stay right through inserts, updates, deletions and pruning
//! (the counts are kept by triggers, the pages come from partial indexes).

use arbiter_cache::{Cache, InboxView};
use arbiter_contract::*;
use chrono::{Duration, TimeZone, Utc};

fn ticket(id: i64, status: TicketStatus, assignee: Option<i64>, version: i64) -> Ticket {
    let at = Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap() + Duration::minutes(id);
    Ticket {
        id,
        channel: Channel::Email,
        kind: TicketKind::Inquiry,
        subject: format!("Ticket {id}"),
        status,
        priority: Priority::Normal,
        queue: "general".into(),
        assignee_id: assignee,
        customer_id: 1,
        language: "en".into(),
        tags: vec![],
        sla: TicketSla::default(),
        escalation_level: EscalationLevel::L0,
        case_id: None,
        created_at: at,
        updated_at: at,
        solved_at: None,
        version,
    }
}

/// Every view's count and full listing, checked against a count of the listing itself.
async fn check(cache: &Cache, me: i64) {
    for count in cache.view_counts(me).await.unwrap() {
        let mut listed = Vec::new();
        let mut after = None;
        loop {
            let page = cache.list_tickets(count.view, me, after, 7).await.unwrap();
            let Some(last) = page.last() else { break };
            after = Some(arbiter_cache::ListCursor { updated_at_ms: last.updated_at.timestamp_millis(), id: last.id });
            listed.extend(page.iter().map(|t| (t.updated_at, t.id)));
        }
        assert!(listed.windows(2).all(|w| w[0] > w[1]), "{:?}: newest first, no repeats", count.view);
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
    check(&cache, 1).await;
    let counts = cache.view_counts(1).await.unwrap();
    assert_eq!(counts.iter().find(|c| c.view == InboxView::All).unwrap().count, 60);

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
    assert!(cache.view_counts(1).await.unwrap().iter().all(|c| c.view != InboxView::Solved || c.count > 0));
    cache.reset().await.unwrap();
    assert!(cache.view_counts(1).await.unwrap().iter().all(|c| c.count == 0));
    check(&cache, 1).await;
}
