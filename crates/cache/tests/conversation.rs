//! A long conversation read a page at a time: the ticket opens with the newest entries, pages
//! before a cursor continue exactly where the last one stopped (messages and notes
//! interleaved by time, ties in a fixed order), and the count of what is earlier is right.

use arbiter_cache::{Cache, ConversationCursor, ConversationPage, EntryKind, CONVERSATION_WINDOW};
use arbiter_contract::*;
use chrono::{DateTime, Duration, TimeZone, Utc};

fn at(second: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 1, 12, 0, 0).unwrap() + Duration::seconds(second)
}

fn ticket(id: i64) -> Ticket {
    Ticket {
        id,
        channel: Channel::Email,
        kind: TicketKind::CardChargeback,
        subject: "A long dispute".into(),
        status: TicketStatus::Open,
        priority: Priority::Normal,
        queue: "disputes".into(),
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

fn message(id: i64, ticket_id: i64, second: i64) -> Entity {
    Entity::Message(Message {
        id,
        ticket_id,
        author_kind: AuthorKind::Customer,
        author_agent_id: None,
        author_name: "Maria Lopez".into(),
        text: format!("message {id}"),
        html: None,
        email: None,
        attachments: vec![],
        mail_warnings: Vec::new(),
        delivery: None,
        created_at: at(second),
        client_ref: None,
    })
}

fn note(id: i64, ticket_id: i64, second: i64) -> Entity {
    Entity::Note(Note {
        id,
        ticket_id,
        author_agent_id: 1,
        author_name: "Ava Chen".into(),
        text: format!("note {id}"),
        created_at: at(second),
        client_ref: None,
        attachments: vec![],
    })
}

/// Entries of a page as ("m"|"n", id), oldest first.
fn entries(page: &ConversationPage) -> Vec<(char, i64)> {
    let mut all: Vec<(DateTime<Utc>, u8, i64)> = page
        .messages
        .iter()
        .map(|m| (m.created_at, 0, m.id))
        .chain(page.notes.iter().map(|n| (n.created_at, 1, n.id)))
        .collect();
    all.sort();
    all.into_iter().map(|(_, kind, id)| (if kind == 0 { 'm' } else { 'n' }, id)).collect()
}

#[tokio::test]
async fn pages_walk_back_through_a_long_thread_without_gaps_or_repeats() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::open(&dir.path().join("cache.sqlite")).await.unwrap();
    // 1,200 messages, a note every 10th second, some at the same instant as a message, and
    // pairs of messages sharing an instant; another ticket's entries interleaved.
    let mut all = vec![Entity::Ticket(ticket(1)), Entity::Ticket(ticket(2))];
    let mut expected: Vec<(i64, u8, i64)> = Vec::new();
    for i in 0..1_200i64 {
        let second = i - i % 2; // two messages per instant
        all.push(message(i + 1, 1, second));
        expected.push((second, 0, i + 1));
        all.push(message(100_000 + i, 2, second));
        if i % 10 == 0 {
            all.push(note(i + 1, 1, second));
            expected.push((second, 1, i + 1));
        }
    }
    cache.put_entities(&all).await.unwrap();
    expected.sort();
    let expected: Vec<(char, i64)> =
        expected.into_iter().map(|(_, kind, id)| (if kind == 0 { 'm' } else { 'n' }, id)).collect();

    let view = cache.ticket_view(1).await.unwrap().unwrap();
    let first = &view.conversation;
    assert_eq!(entries(first), expected[expected.len() - CONVERSATION_WINDOW as usize..]);
    assert_eq!(first.earlier as usize, expected.len() - CONVERSATION_WINDOW as usize);

    let mut walked = entries(first);
    let mut before = first.before;
    while let Some(cursor) = before {
        let page = cache.conversation_before(1, Some(cursor), 97).await.unwrap();
        let mut got = entries(&page);
        assert_eq!(page.earlier as usize, expected.len() - walked.len() - got.len(), "the count of what is earlier");
        got.extend(walked);
        walked = got;
        before = page.before;
    }
    assert_eq!(walked, expected, "every entry once, in order");

    // A cursor at a note: messages at its instant come before it, later notes after.
    let at_note = ConversationCursor { at_ms: at(10).timestamp_millis(), kind: EntryKind::Note, id: 11 };
    let page = cache.conversation_before(1, Some(at_note), 3).await.unwrap();
    assert_eq!(entries(&page), vec![('m', 10), ('m', 11), ('m', 12)]);
    assert!(cache.conversation_before(1, None, 0).await.unwrap().messages.len() == 1, "a page holds at least one");
    let empty = cache.conversation_before(3, None, 50).await.unwrap();
    assert_eq!((empty.messages.len(), empty.earlier, empty.before), (0, 0, None));
}

#[tokio::test]
async fn one_message_is_read_alone_and_only_with_its_ticket() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::open(&dir.path().join("cache.sqlite")).await.unwrap();
    cache.put_entities(&[Entity::Ticket(ticket(1)), message(5, 1, 0)]).await.unwrap();
    assert_eq!(cache.message(1, 5).await.unwrap().unwrap().text, "message 5");
    assert!(cache.message(2, 5).await.unwrap().is_none(), "another ticket's id does not reach it");
}
