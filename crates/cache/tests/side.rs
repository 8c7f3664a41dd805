//! Side conversations with internal teams: stored by ticket, newest activity first, never
//! rolled back by a stale version, removed with their ticket, and moved out of the generic
//! entity table by the migration.

use arbiter_cache::Cache;
use arbiter_contract::*;
use chrono::{DateTime, Duration, TimeZone, Utc};

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 1, 12, 0, 0).unwrap() + Duration::minutes(minute)
}

fn ticket(id: i64, status: TicketStatus) -> Ticket {
    Ticket {
        id,
        channel: Channel::Email,
        kind: TicketKind::Inquiry,
        subject: format!("Ticket {id}"),
        status,
        priority: Priority::Normal,
        queue: "general".into(),
        assignee_id: None,
        customer_id: 1,
        language: "en".into(),
        tags: vec![],
        sla: TicketSla::default(),
        escalation_level: EscalationLevel::L0,
        case_id: None,
        topic: None,
        routed: None,
        csat: None,
        created_at: at(0),
        updated_at: at(0),
        solved_at: None,
        version: 1,
    }
}

fn side(id: i64, ticket_id: i64, team: &str, updated: i64, version: i64, status: SideConversationStatus) -> Entity {
    Entity::SideConversation(SideConversation {
        id,
        ticket_id,
        team: team.into(),
        subject: format!("Question {id}"),
        status,
        created_by: 1,
        created_at: at(0),
        updated_at: at(updated),
        version,
        email_to: None,
    })
}

fn said(id: i64, side_conversation_id: i64, ticket_id: i64, minute: i64, text: &str) -> Entity {
    Entity::SideMessage(SideMessage {
        id,
        side_conversation_id,
        ticket_id,
        author_agent_id: None,
        author_name: "Risk team".into(),
        text: text.into(),
        created_at: at(minute),
        client_ref: None,
        attachments: Vec::new(),
        delivery: None,
    })
}

fn texts(view: &arbiter_cache::TicketView) -> Vec<(i64, Vec<&str>)> {
    view.side_conversations
        .iter()
        .map(|t| (t.conversation.id, t.messages.iter().map(|m| m.text.as_str()).collect()))
        .collect()
}

#[tokio::test]
async fn threads_group_order_and_go_with_their_ticket() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::open(&dir.path().join("cache.sqlite")).await.unwrap();
    use SideConversationStatus::*;
    cache
        .put_entities(&[
            Entity::Ticket(ticket(1, TicketStatus::Open)),
            Entity::Ticket(ticket(2, TicketStatus::Closed)),
            side(10, 1, "risk", 5, 2, Open),
            side(11, 1, "payments", 9, 1, Open),
            said(102, 10, 1, 4, "second"),
            said(101, 10, 1, 1, "first"),
            said(111, 11, 1, 9, "payments asks"),
            side(20, 2, "product", 1, 1, Closed),
            said(201, 20, 2, 1, "old"),
        ])
        .await
        .unwrap();
    let view = cache.ticket_view(1).await.unwrap().unwrap();
    assert_eq!(texts(&view), [(11, vec!["payments asks"]), (10, vec!["first", "second"])], "newest activity first");

    // A stale version (a late event) does not undo a newer state.
    cache.put_entities(&[side(10, 1, "risk", 2, 1, Closed)]).await.unwrap();
    let view = cache.ticket_view(1).await.unwrap().unwrap();
    assert_eq!(view.side_conversations[1].conversation.status, Open);

    // A removed conversation takes its messages; a removed ticket takes its conversations.
    cache.put_entities(&[Entity::Deleted(Tombstone { entity: EntityKind::SideConversation, id: 11 })]).await.unwrap();
    assert_eq!(texts(&cache.ticket_view(1).await.unwrap().unwrap()), [(10, vec!["first", "second"])]);
    cache.put_entities(&[Entity::Deleted(Tombstone { entity: EntityKind::SideMessage, id: 101 })]).await.unwrap();
    assert_eq!(texts(&cache.ticket_view(1).await.unwrap().unwrap()), [(10, vec!["second"])]);
    cache.put_entities(&[Entity::Deleted(Tombstone { entity: EntityKind::Ticket, id: 1 })]).await.unwrap();
    let counts: Vec<_> = cache.table_counts().await.unwrap();
    let rows = |t: &str| counts.iter().find(|(name, _)| name == t).unwrap().1;
    assert_eq!((rows("side_conversations"), rows("side_messages")), (1, 1), "only ticket 2's thread is left");

    // Retention prunes the closed ticket's threads too; a reset forgets everything.
    cache.prune_closed(at(60 * 24)).await.unwrap();
    let counts: Vec<_> = cache.table_counts().await.unwrap();
    let rows = |t: &str| counts.iter().find(|(name, _)| name == t).unwrap().1;
    assert_eq!((rows("side_conversations"), rows("side_messages")), (0, 0));
}

#[tokio::test]
async fn the_migration_moves_cached_threads_out_of_the_entity_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    let cache = Cache::open(&path).await.unwrap();
    cache.put_entities(&[Entity::Ticket(ticket(1, TicketStatus::Open))]).await.unwrap();
    cache.close().await;
    // As a cache from before version 8 held them: JSON in the generic table.
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    sqlx::query(
        "DROP TABLE side_messages; DROP TABLE side_conversations; DELETE FROM _sqlx_migrations WHERE version = 8",
    )
    .execute(&pool)
    .await
    .unwrap();
    for entity in [side(10, 1, "compliance", 3, 4, SideConversationStatus::Open), said(101, 10, 1, 2, "from before")] {
        sqlx::query("INSERT INTO entities (kind, id, data) VALUES (?, ?, ?)")
            .bind(entity.kind().as_str())
            .bind(entity.id())
            .bind(serde_json::to_string(&entity).unwrap())
            .execute(&pool)
            .await
            .unwrap();
    }
    pool.close().await;
    let cache = Cache::open(&path).await.unwrap();
    let view = cache.ticket_view(1).await.unwrap().unwrap();
    assert_eq!(texts(&view), [(10, vec!["from before"])]);
    assert_eq!(view.side_conversations[0].conversation.version, 4);
    assert_eq!(view.side_conversations[0].messages[0].created_at, at(2));
    let counts = cache.table_counts().await.unwrap();
    assert_eq!(counts.iter().find(|(t, _)| t == "entities").unwrap().1, 0);
}
