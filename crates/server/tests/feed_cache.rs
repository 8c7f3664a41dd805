//! Feed pages served from memory (payloads, team lists merged with each agent's own rows)
//! are the pages the database gives, before and after entities change (a change is a new
//! row; the old one leaves the feed).

mod common;

use arbiter_contract::{Agent, AgentRole, Presence};
use arbiter_server::store::entities::{insert_token, put_agent};
use arbiter_server::{demo_database, Config, RunningServer};
use common::{http, key, AVA, MARCUS, OLGA};
use serde_json::{json, Value};

async fn pages(server: &RunningServer, token: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut after = 0;
    loop {
        let url = format!("{}/v1/changes?after={after}&limit=400", server.base_url());
        let text = http().get(url).bearer_auth(token).send().await.unwrap().text().await.unwrap();
        let page: Value = serde_json::from_str(&text).unwrap();
        out.push(text);
        after = page["next_cursor"].as_i64().unwrap();
        if !page["has_more"].as_bool().unwrap() {
            return out;
        }
    }
}

#[tokio::test]
async fn cached_pages_are_the_database_pages_as_entities_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server.db");
    let db = demo_database(path.to_str().unwrap(), &common::options(300)).await.unwrap();
    let listen = "127.0.0.1:0".parse().unwrap();
    let cached = RunningServer::start_with(db.clone(), listen, &Config::default()).await.unwrap();
    let uncached =
        RunningServer::start_with(db, listen, &Config { feed_cache_mib: 0, ..Config::default() }).await.unwrap();

    // A fraud ticket assigned to Ava (a disputes agent) reaches her only as her own row,
    // beside her team's list.
    let fraud_ticket: i64 = sqlx::query_scalar(
        "SELECT id FROM tickets WHERE queue = 'fraud' AND status <> 'closed' AND assignee_id IS NULL ORDER BY id LIMIT 1",
    )
    .fetch_one(&cached.db().pool)
    .await
    .unwrap();
    let version: i64 = sqlx::query_scalar("SELECT version FROM tickets WHERE id = $1")
        .bind(fraud_ticket)
        .fetch_one(&cached.db().pool)
        .await
        .unwrap();
    let answer = http()
        .patch(format!("{}/v1/tickets/{fraud_ticket}", cached.base_url()))
        .bearer_auth(OLGA)
        .header("Idempotency-Key", key())
        .header("If-Match", version.to_string())
        .json(&json!({ "assignee_id": 1 }))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200, "{}", answer.text().await.unwrap());

    for token in [AVA, MARCUS] {
        let first = pages(&cached, token).await;
        assert!(first.len() > 1, "several pages");
        assert!(cached.state.feed_payloads.weight() > 0, "payloads kept");
        assert!(cached.state.feed_lists.weight() > 0, "team lists kept");
        if token == AVA {
            let hers = first.iter().any(|page| {
                let page: Value = serde_json::from_str(page).unwrap();
                page["changes"].as_array().unwrap().iter().any(|change| {
                    change["entity"]["kind"] == "ticket" && change["entity"]["data"]["id"] == json!(fraud_ticket)
                })
            });
            assert!(hers, "her fraud ticket is in her pages");
        }
        assert_eq!(pages(&cached, token).await, first, "the same pages from memory");
        assert_eq!(pages(&uncached, token).await, first);
    }

    // Replies change tickets (their rows move to the head of the feed); the old rows are
    // gone from every page, from memory or not.
    let tickets: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM tickets WHERE queue = 'disputes' AND status <> 'closed' ORDER BY id LIMIT 5",
    )
    .fetch_all(&cached.db().pool)
    .await
    .unwrap();
    for ticket in &tickets {
        let answer = http()
            .post(format!("{}/v1/tickets/{ticket}/replies", cached.base_url()))
            .bearer_auth(AVA)
            .header("Idempotency-Key", key())
            .json(&json!({ "body": "Checked; back to you shortly." }))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 201);
    }
    for token in [AVA, MARCUS] {
        assert_eq!(pages(&cached, token).await, pages(&uncached, token).await);
    }
    // Compaction drops the tombstones (the reassignment left some): gone from the first
    // page (a cursor below the horizon is refused, so pages after it start above).
    let tombstones = "SELECT COUNT(*) FROM changes WHERE tombstone = 1";
    let before: i64 = sqlx::query_scalar(tombstones).fetch_one(&cached.db().pool).await.unwrap();
    assert!(before > 0, "the reassignment left tombstones");
    let first = |server: &RunningServer, token: &'static str| {
        let url = format!("{}/v1/changes?after=0&limit=5000", server.base_url());
        let request = http().get(url).bearer_auth(token);
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let olga = first(&cached, OLGA).await;
    assert!(olga.contains("\"kind\":\"deleted\""), "the fraud queue's list holds the tombstones");
    assert!(!olga.contains("\"has_more\":true"), "one page holds it all");
    let later = chrono::Utc::now().timestamp_millis() + 1_000;
    arbiter_server::store::feed::compact_tombstones(cached.db(), later).await.unwrap();
    for token in [AVA, MARCUS, OLGA] {
        let cached_page = first(&cached, token).await;
        assert_eq!(cached_page, first(&uncached, token).await);
        assert!(!cached_page.contains("\"kind\":\"deleted\""), "no tombstone left below the horizon");
    }
    assert_eq!(uncached.state.feed_payloads.weight(), 0, "a cache of 0 MiB keeps nothing");
    assert_eq!(uncached.state.feed_lists.weight(), 0);
}

/// A scope whose list is bigger than the whole budget is read from the database, and its list
/// is not built again for every page (it was, once: a head of support's scope on 114,000
/// tickets made each page a scan of the whole feed).
#[tokio::test]
async fn a_team_list_over_the_budget_is_built_once_and_pages_come_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server.db");
    let db = demo_database(path.to_str().unwrap(), &common::options(1500)).await.unwrap();
    // A head of support in every team: a list of most of the feed.
    let head = Agent {
        id: 900,
        name: "Head of Support".into(),
        email: "head@arbiter.example".into(),
        role: AgentRole::Supervisor,
        team: "general".into(),
        teams: ["general", "payments", "disputes", "fraud", "p2p", "feedback"].map(String::from).to_vec(),
        languages: vec!["en".into()],
        presence: Presence::Online,
        presence_since: chrono::Utc::now(),
    };
    let mut tx = db.begin_write().await.unwrap();
    put_agent(&mut tx, &head).await.unwrap();
    insert_token(&mut tx, head.id, "head-of-support", chrono::Utc::now().timestamp_millis()).await.unwrap();
    tx.commit().await.unwrap();
    let listen = "127.0.0.1:0".parse().unwrap();
    // 1 MiB of payloads, 256 KiB of lists: less than her list on this data.
    let small = RunningServer::start_with(db.clone(), listen, &Config { feed_cache_mib: 1, ..Config::default() })
        .await
        .unwrap();
    let uncached =
        RunningServer::start_with(db, listen, &Config { feed_cache_mib: 0, ..Config::default() }).await.unwrap();
    let first = pages(&small, "head-of-support").await;
    assert!(first.len() > 5, "many pages: {}", first.len());
    assert_eq!(small.state.feed_lists.too_big(), (1, 0), "her team list is over the budget");
    assert_eq!(small.state.feed_lists.builds(), 1, "built once, not per page");
    assert_eq!(pages(&small, "head-of-support").await, first);
    assert_eq!(small.state.feed_lists.builds(), 1);
    assert_eq!(pages(&uncached, "head-of-support").await, first, "the database's pages");
    // A scope that fits is still served from its list.
    assert_eq!(pages(&small, MARCUS).await, pages(&uncached, MARCUS).await);
    assert_eq!(small.state.feed_lists.builds(), 2);
    assert!(small.state.feed_lists.weight() > 0, "Marcus's list kept");

    // On a budget her team list fits but her own rows (every member's tickets) do not, they
    // are read once, not for every page.
    let roomy =
        RunningServer::start_with(uncached.db().clone(), listen, &Config { feed_cache_mib: 8, ..Config::default() })
            .await
            .unwrap();
    assert_eq!(pages(&roomy, "head-of-support").await, first);
    assert_eq!(roomy.state.feed_lists.too_big(), (0, 1), "her own rows are too many to keep");
    assert_eq!(pages(&roomy, "head-of-support").await, first);
    assert_eq!(roomy.state.feed_lists.builds(), 1);
}

/// Pages for the scopes too wide for a team list look up each row's customer instead of
/// working out the scope's customers once; both must pick the same rows, for every agent.
#[tokio::test]
async fn both_customer_rules_pick_the_same_rows_for_every_agent() {
    use arbiter_server::store::rows::bind;
    use arbiter_server::store::scope::CustomerRule;
    use arbiter_server::store::{reads, Visibility};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server.db");
    let db = demo_database(path.to_str().unwrap(), &common::options(300)).await.unwrap();
    let mut tx = db.begin_read().await.unwrap();
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM agents ORDER BY id").fetch_all(&mut *tx).await.unwrap();
    let agents = reads::agents(&mut tx, &ids).await.unwrap();
    assert!(agents.len() > 5 && agents.iter().any(|a| a.role == AgentRole::Supervisor));
    for agent in &agents {
        let who = Visibility::of(&mut tx, agent).await.unwrap();
        let mut picked = Vec::new();
        for rule in [CustomerRule::Once, CustomerRule::PerRow] {
            let (condition, args) = who.feed_condition(0, rule);
            let sql = format!("SELECT c.seq FROM changes c WHERE {condition} ORDER BY c.seq");
            let mut query = sqlx::query(&sql);
            for value in args {
                query = bind(query, value);
            }
            let rows = query.fetch_all(&mut *tx).await.unwrap();
            picked.push(rows.iter().map(|row| sqlx::Row::get::<i64, _>(row, 0)).collect::<Vec<_>>());
        }
        assert!(!picked[0].is_empty(), "{} sees something", agent.name);
        assert_eq!(picked[0], picked[1], "{}: the same rows either way", agent.name);
    }
}
