//! Drafts survive reopening the (encrypted) cache; a customer's recent activity is read newest
//! first by index; the roster comes sorted.

use arbiter_cache::{Cache, CacheKey};
use arbiter_contract::*;
use chrono::{Duration, TimeZone, Utc};

fn login(id: i64, customer_id: i64, minutes: i64) -> Entity {
    Entity::ActivityEvent(ActivityEvent {
        id,
        customer_id,
        at: Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap() + Duration::minutes(minutes),
        session_id: None,
        detail: ActivityDetail::Login {
            device_id: "d1".into(),
            device: "iPhone 15".into(),
            ip: "203.0.113.9".into(),
            ip_country: "DE".into(),
            success: true,
        },
    })
}

#[tokio::test]
async fn drafts_activity_and_roster() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite");
    let key = CacheKey::random();
    let cache = Cache::open_encrypted(&path, &key).await.unwrap();

    cache.save_draft(7, "Dear customer, about your 提币…").await.unwrap();
    cache.save_draft(8, "  ").await.unwrap();
    cache.close().await;
    let cache = Cache::open_encrypted(&path, &key).await.unwrap();
    assert_eq!(cache.draft(7).await.unwrap().as_deref(), Some("Dear customer, about your 提币…"));
    assert_eq!(cache.draft(8).await.unwrap(), None, "a blank draft is not kept");
    cache.save_draft(7, "").await.unwrap();
    assert_eq!(cache.draft(7).await.unwrap(), None);

    let events: Vec<Entity> = (1..=30).map(|n| login(n, if n % 3 == 0 { 2 } else { 1 }, n)).collect();
    cache.put_entities(&events).await.unwrap();
    let recent = cache.recent_activity(1, 5).await.unwrap();
    assert_eq!(recent.iter().map(|e| e.id).collect::<Vec<_>>(), [29, 28, 26, 25, 23]);
    assert!(recent.iter().all(|e| e.customer_id == 1));

    let agent = |id: i64, name: &str| {
        Entity::Agent(Agent {
            id,
            name: name.into(),
            email: format!("{id}@arbiter.example"),
            role: AgentRole::Agent,
            team: "general".into(),
            teams: vec!["general".into()],
            languages: vec!["en".into()],
            presence: Presence::Online,
            presence_since: Utc::now(),
        })
    };
    cache.put_entities(&[agent(1, "Zoe"), agent(2, "Ava"), agent(3, "Marcus")]).await.unwrap();
    let names: Vec<String> = cache.agents().await.unwrap().into_iter().map(|a| a.name).collect();
    assert_eq!(names, ["Ava", "Marcus", "Zoe"]);
}

#[tokio::test]
async fn linked_accounts_from_the_api_are_kept_until_the_customer_goes() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::open_encrypted(&dir.path().join("cache.sqlite"), &CacheKey::random()).await.unwrap();
    let links = CustomerLinks {
        customer_id: 1,
        accounts: vec![LinkedAccount {
            customer_id: 2,
            account_id: "UID 2".into(),
            name: "Ana Lima".into(),
            country: "BR".into(),
            kyc_level: KycLevel::Basic,
            created_at: Utc::now(),
        }],
        shared: vec![SharedIdentifier {
            kind: LinkKind::Device,
            value: "d1".into(),
            customer_id: 2,
            last_used_at: Utc::now(),
        }],
        truncated: false,
    };
    let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    assert_eq!(cache.customer_links(1).await.unwrap(), None);
    assert!(cache.put_customer_links(&links, at).await.unwrap(), "new");
    assert!(!cache.put_customer_links(&links, at + Duration::minutes(5)).await.unwrap(), "the same answer again");
    assert_eq!(cache.customer_links(1).await.unwrap(), Some((links.clone(), at + Duration::minutes(5))));
    let fewer = CustomerLinks { accounts: vec![], shared: vec![], ..links.clone() };
    assert!(cache.put_customer_links(&fewer, at).await.unwrap(), "changed");

    // When the customer leaves the agent's view, what was learnt about them goes too.
    cache.put_customer_links(&links, at).await.unwrap();
    cache.put_entities(&[Entity::Deleted(Tombstone { entity: EntityKind::Customer, id: 1 })]).await.unwrap();
    assert_eq!(cache.customer_links(1).await.unwrap(), None);
    cache.put_customer_links(&links, at).await.unwrap();
    cache.reset().await.unwrap();
    assert_eq!(cache.customer_links(1).await.unwrap(), None);
}

#[tokio::test]
async fn new_activity_marks_its_customers_tickets_changed_so_their_risk_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::open_encrypted(&dir.path().join("cache.sqlite"), &CacheKey::random()).await.unwrap();
    let ticket = |id: i64, customer_id: i64| {
        Entity::Ticket(Ticket {
            id,
            channel: Channel::Chat,
            kind: TicketKind::FraudClaim,
            subject: format!("Ticket {id}"),
            status: TicketStatus::Open,
            priority: Priority::High,
            queue: "fraud".into(),
            assignee_id: None,
            customer_id,
            language: "en".into(),
            tags: vec![],
            sla: TicketSla::default(),
            escalation_level: EscalationLevel::L0,
            case_id: None,
            topic: None,
            routed: None,
            csat: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
            solved_at: None,
            version: 1,
        })
    };
    cache.put_entities(&[ticket(10, 1), ticket(11, 1), ticket(12, 2)]).await.unwrap();
    let applied = cache.put_entities(&[login(50, 1, 0), login(51, 3, 1)]).await.unwrap();
    assert_eq!(applied.tickets.into_iter().collect::<Vec<_>>(), [10, 11], "customer 1's tickets; 3 has none");
}

#[tokio::test]
async fn one_draft_store_keyed_by_kind_and_id_and_chat_unread_counts() {
    use arbiter_cache::DraftKind;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite");
    let key = CacheKey::random();
    let cache = Cache::open_encrypted(&path, &key).await.unwrap();

    // The same id under different kinds are different drafts.
    cache.save_draft_of(DraftKind::Reply, "5001", "Dear customer").await.unwrap();
    cache.save_draft_of(DraftKind::Report, "5001", "The 3DS log shows the cardholder approved.").await.unwrap();
    let handover = r#"{"summary":"Quiet night","notes":{"42":"VIP, call back"}}"#;
    cache.save_draft_of(DraftKind::Handover, "disputes", handover).await.unwrap();
    cache.set_chat_unread(100002, 3).await.unwrap();
    cache.set_chat_unread(100004, 1).await.unwrap();
    cache.set_chat_unread(100004, 0).await.unwrap();
    cache.close().await;

    let cache = Cache::open_encrypted(&path, &key).await.unwrap();
    assert_eq!(cache.draft(5001).await.unwrap().as_deref(), Some("Dear customer"), "a reply draft is one of these");
    assert_eq!(
        cache.draft_of(DraftKind::Report, "5001").await.unwrap().as_deref(),
        Some("The 3DS log shows the cardholder approved.")
    );
    assert_eq!(cache.draft_of(DraftKind::Handover, "disputes").await.unwrap().as_deref(), Some(handover));
    assert_eq!(cache.draft_of(DraftKind::Handover, "fraud").await.unwrap(), None);
    assert_eq!(cache.chat_unread().await.unwrap(), vec![(100002, 3)], "read chats are not kept");
    cache.save_draft_of(DraftKind::Report, "5001", " ").await.unwrap();
    assert_eq!(cache.draft_of(DraftKind::Report, "5001").await.unwrap(), None);
    // Re-syncing from scratch keeps what the agent wrote and has not read.
    cache.reset().await.unwrap();
    assert!(cache.draft_of(DraftKind::Handover, "disputes").await.unwrap().is_some());
    assert_eq!(cache.chat_unread().await.unwrap(), vec![(100002, 3)]);
    cache.close().await;
    // None of it is readable on disk.
    for needle in ["Dear customer", "Quiet night", "VIP, call back"] {
        for file in std::fs::read_dir(dir.path()).unwrap() {
            // The write-ahead log may go away as the pool closes: only what is there counts.
            let Ok(bytes) = std::fs::read(file.unwrap().path()) else { continue };
            assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_bytes()), "{needle} is on disk in the clear");
        }
    }
}

#[tokio::test]
async fn reply_drafts_written_before_the_draft_store_are_kept() {
    // A cache made before drafts were keyed by kind: its reply drafts move over.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        use sqlx::ConnectOptions;
        let mut conn =
            sqlx::sqlite::SqliteConnectOptions::new().filename(&path).create_if_missing(true).connect().await.unwrap();
        sqlx::query(
            "CREATE TABLE drafts (ticket_id INTEGER PRIMARY KEY, body TEXT NOT NULL, updated_at INTEGER NOT NULL)",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        sqlx::query("INSERT INTO drafts VALUES (77, 'Half a reply', 1)").execute(&mut conn).await.unwrap();
    }
    let migration = include_str!("../migrations/0017_drafts_by_kind.sql");
    let mut conn = {
        use sqlx::ConnectOptions;
        sqlx::sqlite::SqliteConnectOptions::new().filename(&path).connect().await.unwrap()
    };
    sqlx::raw_sql(migration).execute(&mut conn).await.unwrap();
    let moved: (String, String, String) =
        sqlx::query_as("SELECT kind, key, body FROM drafts").fetch_one(&mut conn).await.unwrap();
    assert_eq!(moved, ("reply".into(), "77".into(), "Half a reply".into()));
}
