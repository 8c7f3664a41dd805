//! Search over a real cache file: tickets, messages, notes and customers; filters; any text
//! the agent may type; updates and deletions reaching the index; retention and the size report.

use arbiter_cache::{Cache, SearchQuery, SearchSource};
use arbiter_contract::*;
use chrono::{DateTime, Duration, TimeZone, Utc};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, day, 12, 0, 0).unwrap()
}

fn ticket(id: i64, subject: &str, status: TicketStatus, queue: &str, language: &str, channel: Channel) -> Ticket {
    Ticket {
        id,
        channel,
        kind: if queue == "disputes" { TicketKind::CardChargeback } else { TicketKind::Inquiry },
        subject: subject.into(),
        status,
        priority: Priority::Normal,
        queue: queue.into(),
        assignee_id: None,
        customer_id: id * 10,
        language: language.into(),
        tags: vec!["vip-watch".into()],
        sla: TicketSla::default(),
        escalation_level: EscalationLevel::L0,
        case_id: None,
        topic: None,
        routed: None,
        csat: None,
        created_at: at(1),
        updated_at: at(2),
        solved_at: None,
        version: 1,
    }
}

fn message(id: i64, ticket_id: i64, text: &str, day: u32) -> Message {
    Message {
        id,
        ticket_id,
        author_kind: AuthorKind::Customer,
        author_agent_id: None,
        author_name: "Customer".into(),
        text: text.into(),
        html: None,
        email: None,
        attachments: vec![],
        mail_warnings: Vec::new(),
        delivery: None,
        created_at: at(day),
        client_ref: None,
    }
}

fn note(id: i64, ticket_id: i64, text: &str) -> Note {
    Note {
        id,
        ticket_id,
        author_agent_id: 1,
        author_name: "Ava Chen".into(),
        text: text.into(),
        created_at: at(3),
        client_ref: None,
        attachments: vec![],
    }
}

fn customer(id: i64, name: &str, email: &str) -> Customer {
    Customer {
        id,
        account_id: format!("UID {}", 48_000_000 + id),
        name: name.into(),
        legal_name: None,
        email: email.into(),
        kyc_level: KycLevel::Verified,
        vip_tier: VipTier::None,
        language: "en".into(),
        country: "DE".into(),
        created_at: at(1),
        updated_at: at(1),
    }
}

async fn seeded() -> (tempfile::TempDir, Cache) {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::open(&dir.path().join("cache.sqlite")).await.unwrap();
    let entities = vec![
        Entity::Ticket(ticket(
            1,
            "Visa chargeback on card purchase",
            TicketStatus::Open,
            "disputes",
            "en",
            Channel::Email,
        )),
        Entity::Ticket(ticket(2, "提币没有到账", TicketStatus::Pending, "payments", "zh", Channel::Chat)),
        Entity::Ticket(ticket(3, "Withdrawal delayed", TicketStatus::Closed, "payments", "en", Channel::Email)),
        Entity::Message(message(11, 1, "My bank says the Visa dispute was filed on 3 October.", 3)),
        Entity::Message(message(12, 2, "你好，我的提币还没有到账，交易哈希是 0xabc123。", 4)),
        Entity::Message(message(13, 3, "The withdrawal to my wallet is still pending, please check.", 5)),
        Entity::Message(message(14, 1, "Ich habe die Rückbuchung über meine Bank beantragt.", 6)),
        Entity::Note(note(21, 1, "Representment evidence: delivery logs and IP match.")),
        Entity::Customer(customer(10, "Lucía Fernández", "lucia.fernandez@example.com")),
        Entity::Customer(customer(20, "王伟", "wang.wei@example.net")),
    ];
    cache.put_entities(&entities).await.unwrap();
    (dir, cache)
}

fn ids(results: &arbiter_cache::SearchResults) -> Vec<(SearchSource, i64)> {
    results.hits.iter().map(|h| (h.source, h.entity_id)).collect()
}

#[tokio::test]
async fn finds_tickets_messages_notes_and_customers() {
    let (_dir, cache) = seeded().await;
    let found = cache.search(&SearchQuery::text("visa")).await.unwrap();
    assert_eq!(ids(&found), [(SearchSource::Message, 11), (SearchSource::Ticket, 1)], "newest first");
    assert_eq!(found.hits[1].title, "Visa chargeback on card purchase");
    assert_eq!(found.hits[0].ticket_status, Some(TicketStatus::Open));

    let notes = cache.search(&SearchQuery::text("representment")).await.unwrap();
    assert_eq!(ids(&notes), [(SearchSource::Note, 21)]);
    assert!(notes.hits[0].snippet.contains("Representment evidence"));

    // Diacritics, email addresses, account numbers, ticket numbers, prefixes while typing.
    assert_eq!(ids(&cache.search(&SearchQuery::text("lucia")).await.unwrap()), [(SearchSource::Customer, 10)]);
    let by_email = cache.search(&SearchQuery::text("lucia.fernandez@example.com")).await.unwrap();
    assert_eq!(ids(&by_email), [(SearchSource::Customer, 10)]);
    assert_eq!(ids(&cache.search(&SearchQuery::text("48000020")).await.unwrap()), [(SearchSource::Customer, 20)]);
    // A ticket number is matched whole ("3 October" holds it too).
    let number = cache.search(&SearchQuery::text("#3")).await.unwrap();
    assert_eq!(ids(&number), [(SearchSource::Ticket, 3), (SearchSource::Message, 11)], "the ticket itself first");
    let typing = cache.search(&SearchQuery::text("withdr")).await.unwrap();
    assert_eq!(ids(&typing), [(SearchSource::Message, 13), (SearchSource::Ticket, 3)]);
    let german = cache.search(&SearchQuery::text("ruckbuchung")).await.unwrap();
    assert_eq!(ids(&german), [(SearchSource::Message, 14)]);
}

#[tokio::test]
async fn finds_chinese_text_without_spaces() {
    let (_dir, cache) = seeded().await;
    let found = cache.search(&SearchQuery::text("提币")).await.unwrap();
    assert_eq!(ids(&found), [(SearchSource::Message, 12), (SearchSource::Ticket, 2)]);
    assert!(found.hits[0].snippet.contains("提币还没有到账"));
    assert_eq!(ids(&cache.search(&SearchQuery::text("王伟")).await.unwrap()), [(SearchSource::Customer, 20)]);
    // Characters apart are not the phrase.
    assert!(cache.search(&SearchQuery::text("提到")).await.unwrap().hits.is_empty());
}

#[tokio::test]
async fn filters_narrow_by_ticket_fields_source_and_date() {
    let (_dir, cache) = seeded().await;
    let pending = SearchQuery { statuses: vec![TicketStatus::Pending], ..SearchQuery::text("提币") };
    assert_eq!(ids(&cache.search(&pending).await.unwrap()), [(SearchSource::Message, 12), (SearchSource::Ticket, 2)]);
    let open = SearchQuery { statuses: vec![TicketStatus::Open], ..SearchQuery::text("提币") };
    assert!(cache.search(&open).await.unwrap().hits.is_empty());

    let by_queue = SearchQuery { queues: vec!["payments".into()], ..SearchQuery::text("withdrawal") };
    assert_eq!(cache.search(&by_queue).await.unwrap().hits.len(), 2);
    let by_kind = SearchQuery { kinds: vec![TicketKind::CardChargeback], ..SearchQuery::text("bank") };
    assert_eq!(ids(&cache.search(&by_kind).await.unwrap()), [(SearchSource::Message, 14), (SearchSource::Message, 11)]);
    let by_language = SearchQuery { languages: vec!["zh".into()], ..SearchQuery::text("0xabc123") };
    assert_eq!(ids(&cache.search(&by_language).await.unwrap()), [(SearchSource::Message, 12)]);
    let by_channel = SearchQuery { channels: vec![Channel::Chat], ..SearchQuery::text("withdrawal") };
    assert!(cache.search(&by_channel).await.unwrap().hits.is_empty());

    let only_messages = SearchQuery { sources: vec![SearchSource::Message], ..SearchQuery::text("visa") };
    assert_eq!(ids(&cache.search(&only_messages).await.unwrap()), [(SearchSource::Message, 11)]);
    let in_range = SearchQuery { from: Some(at(5)), to: Some(at(7)), ..SearchQuery::text("bank") };
    assert_eq!(ids(&cache.search(&in_range).await.unwrap()), [(SearchSource::Message, 14)]);
    let limited = SearchQuery { limit: Some(1), ..SearchQuery::text("withdrawal") };
    let page = cache.search(&limited).await.unwrap();
    assert_eq!((page.hits.len(), page.more), (1, true));
}

#[tokio::test]
async fn any_text_gives_results_or_a_notice_never_an_error() {
    let (_dir, cache) = seeded().await;
    let hostile = [
        "\"",
        "\"\"",
        "NEAR(",
        "NEAR(visa bank",
        "*",
        "visa*",
        "-visa",
        "^visa",
        "visa OR",
        "AND",
        "NOT visa",
        "body:visa",
        "{visa}",
        "(",
        ")",
        "'",
        "';DROP TABLE tickets;--",
        "\u{0}",
        "\u{202e}visa",
        "👍",
        "visa\"bank",
        "%",
        "_",
        "\\",
        "a".repeat(400).as_str(),
        "ｖｉｓａ",
    ]
    .map(str::to_owned);
    for text in hostile {
        let result = cache.search(&SearchQuery::text(text.clone())).await;
        let result = result.unwrap_or_else(|e| panic!("{text:?} failed: {e}"));
        if result.hits.is_empty() && !text.chars().any(char::is_alphanumeric) {
            assert!(result.notice.is_some(), "{text:?} should explain why nothing matched");
        }
    }
    assert_eq!(cache.search(&SearchQuery::text("visa*")).await.unwrap().hits.len(), 2);
    assert_eq!(cache.search(&SearchQuery::text("ｖｉｓａ")).await.unwrap().hits.len(), 2, "full-width letters");
    assert!(cache.search(&SearchQuery::text("")).await.unwrap().notice.is_none());
}

#[tokio::test]
async fn updates_and_deletions_reach_the_index() {
    let (_dir, cache) = seeded().await;
    let mut renamed = ticket(1, "Mastercard dispute", TicketStatus::Open, "disputes", "en", Channel::Email);
    renamed.version = 2;
    cache.put_entities(&[Entity::Ticket(renamed)]).await.unwrap();
    assert_eq!(ids(&cache.search(&SearchQuery::text("mastercard")).await.unwrap()), [(SearchSource::Ticket, 1)]);
    assert_eq!(ids(&cache.search(&SearchQuery::text("chargeback")).await.unwrap()), []);

    // A ticket leaving the agent's view takes its messages and notes out of search.
    cache.put_entities(&[Entity::Deleted(Tombstone { entity: EntityKind::Ticket, id: 1 })]).await.unwrap();
    assert!(cache.search(&SearchQuery::text("bank")).await.unwrap().hits.is_empty());
    assert!(cache.search(&SearchQuery::text("representment")).await.unwrap().hits.is_empty());
    cache.put_entities(&[Entity::Deleted(Tombstone { entity: EntityKind::Customer, id: 10 })]).await.unwrap();
    assert!(cache.search(&SearchQuery::text("lucia")).await.unwrap().hits.is_empty());
    cache.put_entities(&[Entity::Deleted(Tombstone { entity: EntityKind::Message, id: 12 })]).await.unwrap();
    assert_eq!(ids(&cache.search(&SearchQuery::text("0xabc123")).await.unwrap()), []);
}

#[tokio::test]
async fn the_index_is_built_for_a_cache_from_before_search() {
    // Rows cached before the index existed (as after the migration) are indexed on open.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    let cache = Cache::open(&path).await.unwrap();
    cache.put_entities(&[Entity::Message(message(99, 5, "legacy row about staking rewards", 2))]).await.unwrap();
    cache.close().await;
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    sqlx::query("INSERT INTO search_index (search_index) VALUES ('delete-all'); DELETE FROM search_docs; UPDATE sync_state SET search_built = 0")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let cache = Cache::open(&path).await.unwrap();
    assert_eq!(ids(&cache.search(&SearchQuery::text("staking")).await.unwrap()), [(SearchSource::Message, 99)]);
}

#[tokio::test]
async fn retention_removes_old_closed_tickets_with_their_messages() {
    let (_dir, cache) = seeded().await;
    // Ticket 3 is closed, last changed on 2 October; 1 and 2 are not closed.
    let report = cache.prune_closed(at(2) + Duration::hours(1)).await.unwrap();
    assert_eq!((report.tickets, report.messages, report.notes), (1, 1, 0));
    assert!(cache.ticket_view(3).await.unwrap().is_none());
    assert!(cache.search(&SearchQuery::text("withdrawal")).await.unwrap().hits.is_empty());
    assert!(cache.ticket_view(1).await.unwrap().is_some());
    // A closed ticket with an unsent action stays.
    cache
        .put_entities(&[Entity::Ticket(ticket(
            4,
            "Closed but busy",
            TicketStatus::Closed,
            "general",
            "en",
            Channel::Email,
        ))])
        .await
        .unwrap();
    cache
        .enqueue("k", &arbiter_cache::Action::Note { ticket_id: 4, body: "later".into(), files: vec![] })
        .await
        .unwrap();
    assert_eq!(cache.prune_closed(at(20)).await.unwrap().tickets, 0);

    let storage = cache.storage_report(90).await.unwrap();
    let rows = |t: &str| storage.tables.iter().find(|s| s.table == t).unwrap().rows;
    assert_eq!((rows("tickets"), rows("messages"), rows("notes"), rows("customers")), (3, 3, 1, 2));
    assert!(storage.database_bytes > 0 && storage.retention_days == 90);
    cache.compact().await.unwrap();
}
