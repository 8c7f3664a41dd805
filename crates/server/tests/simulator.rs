//! The traffic simulator writes through the same storage and stream as real traffic.

mod common;

use std::time::Duration;

use arbiter_contract::StreamPayload;
use rand::SeedableRng;

#[tokio::test]
async fn simulated_traffic_lands_in_the_database_and_on_the_stream() {
    for db in common::databases().await {
        let server = common::server(&db, 150).await;
        let count = |sql: &'static str| {
            let pool = server.db().pool.clone();
            async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.unwrap() }
        };
        let tickets = count("SELECT COUNT(*) FROM tickets").await;
        let messages = count("SELECT COUNT(*) FROM messages").await;
        let mut events = server.state.hub.subscribe(None).0;
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        for _ in 0..60 {
            arbiter_server::simulator::step(&server.state, &mut rng).await.expect("a simulated event");
        }
        assert!(count("SELECT COUNT(*) FROM tickets").await > tickets, "new chats and emails arrived");
        assert!(count("SELECT COUNT(*) FROM messages").await > messages + 20, "customers wrote");
        server.state.hub.caught_up().await;
        let mut kinds = std::collections::BTreeSet::new();
        while let Ok(Ok(event)) = tokio::time::timeout(Duration::from_millis(50), events.recv()).await {
            kinds.insert(event.name.to_string());
        }
        assert!(kinds.contains("message_created"), "{kinds:?}");
        assert!(kinds.contains("typing"), "{kinds:?}");
        assert!(kinds.contains("escalation"), "alarming messages escalate: {kinds:?}");
        let escalated =
            count("SELECT COUNT(*) FROM escalations WHERE data LIKE '%sensitive_language%' AND status = 'open'").await;
        assert!(escalated > 0);
        let _ = StreamPayload::Reset;
    }
}
