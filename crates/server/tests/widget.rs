//! The customers' chat widget over real HTTP: a chat starts from the pre-chat form, the
//! router offers it to the right online agent, both sides hear each other live, messages
//! sent twice are stored once, the customer ends and rates it; and what a hostile page or
//! visitor sends is refused without harm.

mod common;

use std::time::Duration;

use arbiter_contract::widget::*;
use arbiter_contract::*;
use arbiter_server::store::entities::put_agent;
use arbiter_server::store::reads;
use arbiter_server::{Config, RunningServer, WidgetConfig};
use common::{http, key, AVA};
use serde_json::json;

const LUCIA: i64 = 3; // disputes, es/en/pt
const JONAS: i64 = 4; // disputes, de/en
const AVA_ID: i64 = 1; // disputes, en/zh
const INGRID: i64 = 19; // general's supervisor
const AISHA: i64 = 15; // p2p's supervisor

/// Everyone offline but `online` (so the test knows who the router may pick).
async fn only_online(server: &RunningServer, online: &[i64]) {
    let mut conn = server.db().pool.acquire().await.unwrap();
    let agents: Vec<i64> = sqlx::query_scalar("SELECT id FROM agents").fetch_all(&mut *conn).await.unwrap();
    for id in agents {
        let mut agent = reads::agent(&mut conn, id).await.unwrap().unwrap();
        agent.presence = if online.contains(&id) { Presence::Online } else { Presence::Offline };
        put_agent(&mut conn, &agent).await.unwrap();
    }
}

fn token_of(agent_id: i64) -> String {
    arbiter_server::generator::demo_token(arbiter_server::generator::STAFF[agent_id as usize - 1].name)
}

fn chat_form(topic: &str, language: &str) -> serde_json::Value {
    json!({ "name": "Siti Rahman", "email": "siti.rahman@mail.example", "language": language, "topic": topic })
}

async fn start(server: &RunningServer, body: &serde_json::Value) -> ChatSession {
    let answer = http().post(format!("{}/widget/v1/chats", server.base_url())).json(body).send().await.unwrap();
    assert_eq!(answer.status(), 201, "{}", answer.text().await.unwrap());
    answer.json().await.unwrap()
}

/// The widget's live events, read as a browser would.
struct Events {
    response: reqwest::Response,
    buffer: String,
}

impl Events {
    async fn open(server: &RunningServer, token: &str) -> Self {
        let response =
            http().get(format!("{}/widget/v1/chat/events", server.base_url())).bearer_auth(token).send().await.unwrap();
        assert_eq!(response.status(), 200);
        Self { response, buffer: String::new() }
    }

    /// The next event, or `None` after `timeout`.
    async fn next(&mut self, timeout: Duration) -> Option<WidgetEvent> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let data: String = block.lines().filter_map(|l| l.strip_prefix("data:")).map(str::trim_start).collect();
                if !data.is_empty() {
                    return Some(serde_json::from_str(&data).expect("widget events are JSON"));
                }
                continue;
            }
            match tokio::time::timeout_at(deadline, self.response.chunk()).await {
                Ok(Ok(Some(chunk))) => self.buffer.push_str(&String::from_utf8_lossy(&chunk)),
                _ => return None,
            }
        }
    }

    /// Waits for the first event `want` accepts, skipping others.
    async fn until(&mut self, what: &str, want: impl Fn(&WidgetEvent) -> bool) -> WidgetEvent {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while tokio::time::Instant::now() < deadline {
            if let Some(event) = self.next(Duration::from_secs(10)).await {
                if want(&event) {
                    return event;
                }
            }
        }
        panic!("the widget never heard {what}")
    }
}

async fn offers_of(server: &RunningServer, token: &str) -> Vec<Offer> {
    http()
        .get(format!("{}/v1/me/offers", server.base_url()))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Waits until the agent has an offer for `ticket`.
async fn offered(server: &RunningServer, token: &str, ticket: TicketId) -> Offer {
    for _ in 0..100 {
        if let Some(offer) = offers_of(server, token).await.into_iter().find(|o| o.ticket_id == ticket) {
            return offer;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no offer of chat {ticket} reached {token}")
}

async fn detail(server: &RunningServer, token: &str, ticket: TicketId) -> TicketDetail {
    let answer =
        http().get(format!("{}/v1/tickets/{ticket}", server.base_url())).bearer_auth(token).send().await.unwrap();
    assert_eq!(answer.status(), 200);
    answer.json().await.unwrap()
}

async fn send(server: &RunningServer, token: &str, client_id: &str, text: &str) -> reqwest::Response {
    http()
        .post(format!("{}/widget/v1/chat/messages", server.base_url()))
        .bearer_auth(token)
        .json(&json!({ "client_id": client_id, "text": text }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_chat_reaches_the_agent_with_its_language_and_both_sides_talk_live_until_it_is_rated() {
    for db in common::databases().await {
        let server = common::server(&db, 120).await;
        only_online(&server, &[AVA_ID, LUCIA, JONAS]).await;
        let base = server.base_url();
        // A German-speaking customer about a trade: the disputes queue, and only Jonas speaks German.
        let chat = start(&server, &chat_form("trade", "de-AT")).await;
        assert!(!chat.verified);
        let mut events = Events::open(&server, &chat.token).await;
        match events.next(Duration::from_secs(5)).await {
            Some(WidgetEvent::State { state }) => {
                assert_eq!((state.phase, state.messages.len(), state.no_agent), (ChatPhase::Waiting, 0, false))
            }
            other => panic!("the stream opens with the chat's state, not {other:?}"),
        }
        let offer = offered(&server, &token_of(JONAS), chat.chat_id).await;
        assert!(offers_of(&server, AVA).await.iter().all(|o| o.ticket_id != chat.chat_id));
        assert!(offer.why.language_matched && offer.why.topic_matched);
        assert_eq!((offer.why.load_before, offer.why.capacity), (0, 3));

        // The customer writes while waiting; the same message again (a retry) is stored once.
        let first = send(&server, &chat.token, "c-1", "Hallo, meine Auszahlung hängt seit gestern.").await;
        assert_eq!(first.status(), 201);
        let first: WidgetMessage = first.json().await.unwrap();
        assert_eq!(first.client_id.as_deref(), Some("c-1"));
        let again = send(&server, &chat.token, "c-1", "Hallo, meine Auszahlung hängt seit gestern.").await;
        assert_eq!(again.status(), 200);
        assert_eq!(again.json::<WidgetMessage>().await.unwrap().id, first.id);

        let accepted = http()
            .post(format!("{base}/v1/offers/{}/accept", offer.id))
            .bearer_auth(token_of(JONAS))
            .header(IDEMPOTENCY_KEY_HEADER, key())
            .send()
            .await
            .unwrap();
        assert_eq!(accepted.status(), 200);
        let joined = events.until("the agent joining", |e| matches!(e, WidgetEvent::AgentJoined { .. })).await;
        assert_eq!(joined, WidgetEvent::AgentJoined { agent_name: "Jonas Becker".into() });
        let view = detail(&server, &token_of(JONAS), chat.chat_id).await;
        assert_eq!(view.ticket.assignee_id, Some(JONAS));
        assert_eq!(view.ticket.status, TicketStatus::Open);
        assert_eq!(view.ticket.topic, Some(ChatTopic::Trade));
        assert!(view.ticket.routed.as_ref().is_some_and(|r| r.language_matched));
        assert_eq!(view.messages.iter().filter(|m| m.author_kind == AuthorKind::Customer).count(), 1);

        // The agent types and answers; the customer's widget hears both.
        let typing = http()
            .post(format!("{base}/v1/tickets/{}/typing", chat.chat_id))
            .bearer_auth(token_of(JONAS))
            .json(&json!({ "typing": true }))
            .send()
            .await
            .unwrap();
        assert_eq!(typing.status(), 204);
        events.until("the agent typing", |e| e == &WidgetEvent::Typing { typing: true }).await;
        let reply = http()
            .post(format!("{base}/v1/tickets/{}/replies", chat.chat_id))
            .bearer_auth(token_of(JONAS))
            .header(IDEMPOTENCY_KEY_HEADER, key())
            .json(&json!({ "body": "Ich sehe mir das sofort an." }))
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 201);
        let WidgetEvent::Message { message } = events
            .until(
                "the agent's answer",
                |e| matches!(e, WidgetEvent::Message { message } if message.author == WidgetAuthor::Agent),
            )
            .await
        else {
            unreachable!()
        };
        assert_eq!(
            (message.text.as_str(), message.author_name.as_str()),
            ("Ich sehe mir das sofort an.", "Jonas Becker")
        );

        // The agent has read the customer's message: the widget shows it as read.
        let seen = http()
            .post(format!("{base}/v1/tickets/{}/seen", chat.chat_id))
            .bearer_auth(token_of(JONAS))
            .json(&json!({ "up_to": first.id }))
            .send()
            .await
            .unwrap();
        assert_eq!(seen.status(), 204);
        events.until("the read mark", |e| e == &WidgetEvent::Read { up_to: first.id }).await;

        // A reload: the chat comes back whole, from the start or after the last message seen.
        let state: ChatState = http()
            .get(format!("{base}/widget/v1/chat"))
            .bearer_auth(&chat.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(state.phase, ChatPhase::Active);
        assert_eq!(state.agent_name.as_deref(), Some("Jonas Becker"));
        assert_eq!(state.read_up_to, Some(first.id));
        assert_eq!(
            state.messages.iter().map(|m| m.author).collect::<Vec<_>>(),
            [WidgetAuthor::Customer, WidgetAuthor::Agent]
        );
        let after: ChatState = http()
            .get(format!("{base}/widget/v1/chat?after={}", first.id))
            .bearer_auth(&chat.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(after.messages.len(), 1);

        // Rating before the end is refused; the customer ends it, then rates it.
        let early = http()
            .post(format!("{base}/widget/v1/chat/rating"))
            .bearer_auth(&chat.token)
            .json(&json!({ "score": 5 }))
            .send()
            .await
            .unwrap();
        assert_eq!(early.status(), 409);
        let ended = http().post(format!("{base}/widget/v1/chat/end")).bearer_auth(&chat.token).send().await.unwrap();
        assert_eq!(ended.status(), 204);
        events.until("the end", |e| e == &WidgetEvent::Ended).await;
        let late = send(&server, &chat.token, "c-2", "noch etwas").await;
        assert_eq!(late.status(), 409, "an ended chat takes no more messages");
        let rated = http()
            .post(format!("{base}/widget/v1/chat/rating"))
            .bearer_auth(&chat.token)
            .json(&json!({ "score": 4, "comment": "Schnell und freundlich" }))
            .send()
            .await
            .unwrap();
        assert_eq!(rated.status(), 200);
        let view = detail(&server, &token_of(JONAS), chat.chat_id).await;
        assert_eq!(view.ticket.status, TicketStatus::Solved);
        let csat = view.ticket.csat.expect("the rating is on the ticket");
        assert_eq!(
            (csat.score, csat.comment.as_deref(), csat.agent_id),
            (4, Some("Schnell und freundlich"), Some(JONAS))
        );
        assert!(view.messages.iter().any(|m| m.author_kind == AuthorKind::System && m.text.contains("ended")));
    }
}

#[tokio::test]
async fn an_offer_that_runs_out_or_is_declined_goes_to_the_next_agent_and_never_back() {
    for db in common::databases().await {
        let server = common::server(&db, 120).await;
        only_online(&server, &[AVA_ID, LUCIA, JONAS]).await;
        let chat = start(&server, &chat_form("trade", "en")).await;
        // All three speak English; each is idle since they came online, so the longest
        // idle goes first and each pass moves it on.
        let mut seen = Vec::new();
        let first = loop {
            let mut found = None;
            for agent in [AVA_ID, LUCIA, JONAS] {
                if let Some(o) =
                    offers_of(&server, &token_of(agent)).await.into_iter().find(|o| o.ticket_id == chat.chat_id)
                {
                    found = Some(o);
                }
            }
            if let Some(o) = found {
                break o;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        seen.push(first.agent_id);
        // The first agent declines.
        let declined = http()
            .post(format!("{}/v1/offers/{}/decline", server.base_url(), first.id))
            .bearer_auth(token_of(first.agent_id))
            .header(IDEMPOTENCY_KEY_HEADER, key())
            .send()
            .await
            .unwrap();
        assert_eq!(declined.status(), 200);
        let second = next_offer(&server, chat.chat_id, &seen).await;
        seen.push(second.agent_id);
        // The second lets it run out: a round after its expiry hands it on.
        let later = second.expires_at + chrono::Duration::seconds(1);
        let round = arbiter_server::domain::routing::round(&server.state, later).await.unwrap();
        assert_eq!(round.expired, vec![(chat.chat_id, second.agent_id)]);
        let third = next_offer(&server, chat.chat_id, &seen).await;
        seen.push(third.agent_id);
        seen.sort();
        assert_eq!(seen, [AVA_ID, LUCIA, JONAS], "each agent was offered it once");
        // An answered offer cannot be answered again; someone else's offer does not exist.
        let again = http()
            .post(format!("{}/v1/offers/{}/accept", server.base_url(), first.id))
            .bearer_auth(token_of(first.agent_id))
            .header(IDEMPOTENCY_KEY_HEADER, key())
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 409);
        let stolen = http()
            .post(format!("{}/v1/offers/{}/accept", server.base_url(), third.id))
            .bearer_auth(token_of(first.agent_id))
            .header(IDEMPOTENCY_KEY_HEADER, key())
            .send()
            .await
            .unwrap();
        assert_eq!(stolen.status(), 404);
        // Nobody is left: after the third passes too, the chat waits and nobody gets it.
        let declined = http()
            .post(format!("{}/v1/offers/{}/decline", server.base_url(), third.id))
            .bearer_auth(token_of(third.agent_id))
            .header(IDEMPOTENCY_KEY_HEADER, key())
            .send()
            .await
            .unwrap();
        assert_eq!(declined.status(), 200);
        let round = arbiter_server::domain::routing::round(&server.state, chrono::Utc::now()).await.unwrap();
        assert!(round.offered.is_empty());
    }
}

#[tokio::test]
async fn an_agent_who_goes_away_stops_receiving_and_their_offer_goes_on_at_once() {
    let server = common::server("memory", 120).await;
    only_online(&server, &[AVA_ID, LUCIA]).await;
    let chat = start(&server, &chat_form("trade", "en")).await;
    let first = next_offer(&server, chat.chat_id, &[]).await;
    let other = if first.agent_id == AVA_ID { LUCIA } else { AVA_ID };
    let away = http()
        .put(format!("{}/v1/me/presence", server.base_url()))
        .bearer_auth(token_of(first.agent_id))
        .header(IDEMPOTENCY_KEY_HEADER, key())
        .json(&json!({ "presence": "away" }))
        .send()
        .await
        .unwrap();
    assert_eq!(away.status(), 200);
    // Well before the 30 s offer would run out, the other agent has it.
    let second = next_offer(&server, chat.chat_id, &[first.agent_id]).await;
    assert_eq!(second.agent_id, other);
    assert!(second.offered_at < first.expires_at - chrono::Duration::seconds(20));
    assert!(offers_of(&server, &token_of(first.agent_id)).await.is_empty());
}

#[tokio::test]
async fn an_offer_of_a_chat_that_ended_or_was_taken_cannot_be_accepted() {
    let server = common::server("memory", 120).await;
    only_online(&server, &[AVA_ID]).await;
    let chat = start(&server, &chat_form("trade", "en")).await;
    let offer = offered(&server, AVA, chat.chat_id).await;
    let ended =
        http().post(format!("{}/widget/v1/chat/end", server.base_url())).bearer_auth(&chat.token).send().await.unwrap();
    assert_eq!(ended.status(), 204);
    assert!(offers_of(&server, AVA).await.is_empty(), "ending the chat withdrew its offer");
    let late = http()
        .post(format!("{}/v1/offers/{}/accept", server.base_url(), offer.id))
        .bearer_auth(AVA)
        .header(IDEMPOTENCY_KEY_HEADER, key())
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), 409);

    // Taken by hand before the agent answered: the offer cannot take it back.
    let other = start(&server, &chat_form("trade", "en")).await;
    let offer = offered(&server, AVA, other.chat_id).await;
    let taken = http()
        .patch(format!("{}/v1/tickets/{}", server.base_url(), other.chat_id))
        .bearer_auth(common::MARCUS)
        .header(IDEMPOTENCY_KEY_HEADER, key())
        .header("If-Match", "1")
        .json(&json!({ "assignee_id": 2 }))
        .send()
        .await
        .unwrap();
    assert_eq!(taken.status(), 200);
    let late = http()
        .post(format!("{}/v1/offers/{}/accept", server.base_url(), offer.id))
        .bearer_auth(AVA)
        .header(IDEMPOTENCY_KEY_HEADER, key())
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), 409);
}

/// The open offer of `ticket` made to someone not in `passed`.
async fn next_offer(server: &RunningServer, ticket: TicketId, passed: &[i64]) -> Offer {
    for _ in 0..100 {
        for agent in [AVA_ID, LUCIA, JONAS].into_iter().filter(|a| !passed.contains(a)) {
            if let Some(o) = offers_of(server, &token_of(agent)).await.into_iter().find(|o| o.ticket_id == ticket) {
                return o;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("chat {ticket} was not offered on")
}

#[tokio::test]
async fn when_nobody_takes_the_chat_the_widget_says_so_and_a_left_message_becomes_an_email_ticket() {
    for db in common::databases().await {
        let server = common::server(&db, 120).await;
        only_online(&server, &[]).await;
        let chat = start(&server, &chat_form("p2p", "en")).await;
        let mut events = Events::open(&server, &chat.token).await;
        // A round past the policy's wait (3 minutes by default).
        let later = chrono::Utc::now() + chrono::Duration::seconds(181);
        arbiter_server::domain::routing::round(&server.state, later).await.unwrap();
        events.until("nobody is free", |e| e == &WidgetEvent::NoAgent).await;
        // The p2p lead's board shows it waiting, offered to nobody, and the team's capacities.
        let board: SupervisorOverview = http()
            .get(format!("{}/v1/supervisor/overview", server.base_url()))
            .bearer_auth(token_of(AISHA))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let waiting = board.waiting.iter().find(|w| w.ticket_id == chat.chat_id).expect("the chat waits on the board");
        assert_eq!((waiting.channel, waiting.offered_to, waiting.topic), (Channel::Chat, None, Some(ChatTopic::P2p)));
        assert!(board.agents.iter().all(|a| a.chat_capacity == 3 && a.email_capacity == 10));
        let left = http()
            .post(format!("{}/widget/v1/messages", server.base_url()))
            .json(
                &json!({ "name": "Siti Rahman", "email": "Siti.Rahman@mail.example", "language": "en", "topic": "p2p",
                           "text": "My P2P seller never released the USDT." }),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(left.status(), 201);
        let left: MessageLeft = left.json().await.unwrap();
        let mut conn = server.db().pool.acquire().await.unwrap();
        let ticket = reads::ticket(&mut conn, left.ticket_id).await.unwrap().unwrap();
        assert_eq!(
            (ticket.channel, ticket.queue.as_str(), ticket.topic),
            (Channel::Email, "p2p", Some(ChatTopic::P2p))
        );
        let customer = reads::customer(&mut conn, ticket.customer_id).await.unwrap().unwrap();
        assert_eq!(customer.email, "siti.rahman@mail.example", "the same customer as the chat's");
    }
}

#[tokio::test]
async fn a_signed_in_customer_is_known_by_the_sites_token_and_a_forged_one_is_refused() {
    const SECRET: &[u8] = b"the-company-site-widget-secret";
    for db in common::databases().await {
        let config = Config {
            widget: WidgetConfig { identity_secret: Some(SECRET.to_vec()), ..WidgetConfig::default() },
            ..Config::default()
        };
        let server = common::server_with(&db, 120, &config).await;
        let mut conn = server.db().pool.acquire().await.unwrap();
        let customer = reads::customer(&mut conn, 5).await.unwrap().unwrap();
        drop(conn); // the in-memory database has one connection, which the server needs
        let exp = chrono::Utc::now().timestamp() + 600;
        let token =
            arbiter_server::domain::widget_identity::sign(&json!({ "sub": customer.account_id, "exp": exp }), SECRET);
        let mut form = chat_form("account_security", "en");
        form["identity_token"] = json!(token);
        let chat = start(&server, &form).await;
        assert!(chat.verified);
        let mut conn = server.db().pool.acquire().await.unwrap();
        let ticket = reads::ticket(&mut conn, chat.chat_id).await.unwrap().unwrap();
        assert_eq!(ticket.customer_id, customer.id, "the chat is on the signed-in account");
        assert!(!ticket.tags.contains(&"unverified-sender".to_string()));
        drop(conn);

        let forged =
            arbiter_server::domain::widget_identity::sign(&json!({ "sub": customer.account_id, "exp": exp }), b"guess");
        form["identity_token"] = json!(forged);
        let refused = http().post(format!("{}/widget/v1/chats", server.base_url())).json(&form).send().await.unwrap();
        assert_eq!(refused.status(), 401);
        let body: ApiError = refused.json().await.unwrap();
        assert!(body.current.is_none() && body.message.contains("not valid"));
    }
}

#[tokio::test]
async fn hostile_input_is_kept_as_text_refused_or_slowed_never_run_or_crashed() {
    let config = Config {
        widget: WidgetConfig {
            origins: vec!["https://www.exchange.example".into()],
            rate_limit: arbiter_server::rate_limit::RateLimit { per_second: 2.0, burst: 20.0 },
            ..WidgetConfig::default()
        },
        ..Config::default()
    };
    let server = common::server_with("memory", 120, &config).await;
    let base = server.base_url();
    // Another site's page may not drive the API; the company's may (with CORS), and so may
    // the server's own widget page.
    let evil = http()
        .post(format!("{base}/widget/v1/chats"))
        .header("Origin", "https://evil.example")
        .json(&chat_form("other", "en"))
        .send()
        .await
        .unwrap();
    assert_eq!(evil.status(), 403);
    let preflight = http()
        .request(reqwest::Method::OPTIONS, format!("{base}/widget/v1/chats"))
        .header("Origin", "https://www.exchange.example")
        .send()
        .await
        .unwrap();
    assert_eq!(preflight.status(), 204);
    assert_eq!(preflight.headers()["access-control-allow-origin"], "https://www.exchange.example");
    let own = http().get(format!("{base}/widget/v1/settings")).header("Origin", base.as_str()).send().await.unwrap();
    assert_eq!(own.status(), 200);

    // Names and messages with markup and odd text come back exactly as written, as text.
    let naughty = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(document.cookie)>",
        "Robert'); DROP TABLE tickets;--",
        "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
        "\u{202e}evil\u{202d} 👩🏽‍🚀 田中さんにあげて下さい",
        "../../../../etc/passwd%00",
    ];
    let mut form = chat_form("other", "en");
    form["name"] = json!(naughty[1]);
    let chat = start(&server, &form).await;
    for (i, text) in naughty.iter().enumerate() {
        let sent = send(&server, &chat.token, &format!("n-{i}"), text).await;
        assert_eq!(sent.status(), 201, "{text}");
        assert_eq!(sent.json::<WidgetMessage>().await.unwrap().text, text.trim());
    }
    // Oversized, empty, a bad client id, a bad language, a bad email: 400, nothing stored.
    let huge = "x".repeat(REPLY_MAX_CHARS + 1);
    assert_eq!(send(&server, &chat.token, "big", &huge).await.status(), 400);
    assert_eq!(send(&server, &chat.token, "blank", " \n\t ").await.status(), 400);
    assert_eq!(send(&server, &chat.token, "no spaces allowed", "hi").await.status(), 400);
    for (field, value) in [("language", "<en>"), ("email", "not-an-email"), ("name", "")] {
        let mut form = chat_form("other", "en");
        form[field] = json!(value);
        let answer = http().post(format!("{base}/widget/v1/chats")).json(&form).send().await.unwrap();
        assert_eq!(answer.status(), 400, "{field} = {value:?}");
    }
    // No token, someone else's made-up token: 401.
    let anonymous = http().get(format!("{base}/widget/v1/chat")).send().await.unwrap();
    assert_eq!(anonymous.status(), 401);
    let guessed = http()
        .get(format!("{base}/widget/v1/chat"))
        .bearer_auth("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .send()
        .await
        .unwrap();
    assert_eq!(guessed.status(), 401);
    // A flood: 429 with Retry-After, and the chat still works once it has passed.
    let mut limited = 0;
    for i in 0..60 {
        let answer = send(&server, &chat.token, &format!("f-{i}"), "flood").await;
        if answer.status() == 429 {
            assert!(answer.headers().contains_key("retry-after"));
            limited += 1;
        }
    }
    assert!(limited > 20, "only {limited} of 60 were slowed");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(send(&server, &chat.token, "after", "still here").await.status(), 201);
    let view = detail(&server, &token_of(INGRID), chat.chat_id).await;
    assert_eq!(view.customer.name, naughty[1], "the name is kept as written");
}

#[tokio::test]
async fn customers_send_pictures_and_pdfs_and_only_their_chat_can_fetch_them() {
    let server = common::server("memory", 120).await;
    let base = server.base_url();
    let chat = start(&server, &chat_form("card_payment", "en")).await;
    let other = start(&server, &chat_form("other", "en")).await;
    let png = {
        let mut bytes = Vec::new();
        let image = image::RgbImage::from_pixel(4, 4, image::Rgb([200, 30, 30]));
        image::DynamicImage::ImageRgb8(image)
            .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
            .unwrap();
        bytes
    };
    let upload = |token: String, name: &str, client: &str, bytes: Vec<u8>| {
        http()
            .post(format!("{base}/widget/v1/chat/files?name={name}&client_id={client}"))
            .bearer_auth(token)
            .header("Content-Type", "application/octet-stream")
            .body(bytes)
            .send()
    };
    let sent = upload(chat.token.clone(), "receipt.png", "f-1", png.clone()).await.unwrap();
    assert_eq!(sent.status(), 201);
    let message: WidgetMessage = sent.json().await.unwrap();
    assert_eq!(message.files.len(), 1);
    assert_eq!(message.files[0].content_type, "image/png");
    let again = upload(chat.token.clone(), "receipt.png", "f-1", png.clone()).await.unwrap();
    assert_eq!(again.status(), 200, "the same file sent again is the same message");
    let exe = upload(chat.token.clone(), "invoice.pdf", "f-2", b"MZ\x90\x00\x03\x00\x00\x00this is a program".to_vec())
        .await
        .unwrap();
    assert_eq!(exe.status(), 422, "a program named .pdf is not a PDF");
    let url = format!("{base}/widget/v1/chat/files/{}", message.files[0].sha256);
    let mine = http().get(&url).bearer_auth(&chat.token).send().await.unwrap();
    assert_eq!(mine.status(), 200);
    assert!(mine.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    assert_eq!(mine.bytes().await.unwrap().as_ref(), png.as_slice());
    let theirs = http().get(&url).bearer_auth(&other.token).send().await.unwrap();
    assert_eq!(theirs.status(), 404, "another chat's customer cannot fetch it");
    // The agent sees the file on the customer's message.
    let mut conn = server.db().pool.acquire().await.unwrap();
    let stored: Vec<Message> =
        arbiter_server::store::widget::messages_after(&mut conn, chat.chat_id, None).await.unwrap();
    assert_eq!(stored[0].attachments[0].sha256, message.files[0].sha256);
}

#[tokio::test]
async fn the_widget_page_runs_only_its_own_script_and_only_allowed_sites_may_frame_it() {
    let config = Config {
        widget: WidgetConfig { origins: vec!["https://www.exchange.example".into()], ..WidgetConfig::default() },
        ..Config::default()
    };
    let server = common::server_with("memory", 50, &config).await;
    let page = http().get(format!("{}/widget/chat", server.base_url())).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'self' https://www.exchange.example"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    let html = page.text().await.unwrap();
    assert!(html.contains("/widget/chat.js") && !html.contains("<script>"));
    for asset in ["embed.js", "chat.js", "strings.js", "chat.css"] {
        let answer = http().get(format!("{}/widget/{asset}", server.base_url())).send().await.unwrap();
        assert_eq!(answer.status(), 200, "{asset}");
        assert_eq!(answer.headers()["x-content-type-options"], "nosniff");
    }
}

#[tokio::test]
async fn an_agent_who_takes_the_chat_joins_it_and_solving_it_ends_it_for_the_customer() {
    let server = common::server("memory", 120).await;
    only_online(&server, &[]).await;
    let chat = start(&server, &chat_form("trade", "en")).await;
    let mut events = Events::open(&server, &chat.token).await;
    let base = server.base_url();
    let patch = |version: i64, body: serde_json::Value| {
        http()
            .patch(format!("{base}/v1/tickets/{}", chat.chat_id))
            .bearer_auth(AVA)
            .header(IDEMPOTENCY_KEY_HEADER, key())
            .header("If-Match", version.to_string())
            .json(&body)
            .send()
    };
    let taken = patch(1, json!({ "assignee_id": AVA_ID })).await.unwrap();
    assert_eq!(taken.status(), 200);
    let taken: Ticket = taken.json().await.unwrap();
    events.until("the agent joining", |e| e == &WidgetEvent::AgentJoined { agent_name: "Ava Chen".into() }).await;
    let solved = patch(taken.version, json!({ "status": "solved" })).await.unwrap();
    assert_eq!(solved.status(), 200);
    events.until("the end", |e| e == &WidgetEvent::Ended).await;
}

#[tokio::test]
async fn without_mail_the_transcript_is_not_offered_and_asking_says_why() {
    for db in common::databases().await {
        let server = common::server(&db, 60).await;
        let settings: WidgetSettings =
            http().get(format!("{}/widget/v1/settings", server.base_url())).send().await.unwrap().json().await.unwrap();
        assert!(!settings.transcripts);
        let chat = start(&server, &chat_form("other", "en")).await;
        let end = http()
            .post(format!("{}/widget/v1/chat/end", server.base_url()))
            .bearer_auth(&chat.token)
            .send()
            .await
            .unwrap();
        assert_eq!(end.status(), 204);
        let asked = http()
            .post(format!("{}/widget/v1/chat/transcript", server.base_url()))
            .bearer_auth(&chat.token)
            .send()
            .await
            .unwrap();
        assert_eq!(asked.status(), 422);
        let body: ApiError = asked.json().await.unwrap();
        assert!(body.message.contains("does not send email"), "{}", body.message);
    }
}

#[tokio::test]
async fn a_vip_s_address_typed_into_the_chat_is_not_treated_as_the_vip() {
    for db in common::databases().await {
        let server = common::server(&db, 120).await;
        let vip: Customer = {
            let rows: Vec<String> = sqlx::query_scalar("SELECT data FROM customers ORDER BY id")
                .fetch_all(&server.db().pool)
                .await
                .unwrap();
            rows.iter().map(|d| serde_json::from_str::<Customer>(d).unwrap()).find(|c| c.vip_tier.is_vip()).unwrap()
        };
        let mut form = chat_form("deposit_withdrawal", "en");
        form["email"] = json!(vip.email);
        let chat = start(&server, &form).await;
        assert!(!chat.verified);
        let mut conn = server.db().pool.acquire().await.unwrap();
        let ticket = reads::ticket(&mut conn, chat.chat_id).await.unwrap().unwrap();
        drop(conn);
        assert_eq!(ticket.customer_id, vip.id, "filed under the account with that address");
        assert!(ticket.sender_unverified());
        assert_eq!(ticket.priority, Priority::Normal, "no VIP priority for an unproven claim");
        assert_eq!(ticket.escalation_level, EscalationLevel::L0, "and no VIP escalation");
    }
}

#[tokio::test]
async fn a_flood_of_event_streams_on_one_chat_is_refused_and_closed_ones_make_room() {
    let server = common::server("memory", 60).await;
    let chat = start(&server, &chat_form("other", "en")).await;
    let mut open = Vec::new();
    for _ in 0..arbiter_server::widget_hub::STREAMS_PER_CHAT {
        open.push(Events::open(&server, &chat.token).await);
    }
    let url = format!("{}/widget/v1/chat/events", server.base_url());
    let refused = http().get(&url).bearer_auth(&chat.token).send().await.unwrap();
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    drop(open.pop());
    // The server notices the closed stream when it next writes to it, or at once on hang-up.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let again = http().get(&url).bearer_auth(&chat.token).timeout(Duration::from_millis(500)).send().await;
        if again.as_ref().is_ok_and(|r| r.status() == 200) {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "the closed stream never gave its place back");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_chat_whose_customer_left_leaves_the_queue_as_missed_and_one_still_there_waits() {
    use arbiter_server::domain::routing::{MISSED_AFTER, MISSED_CHAT_TAG};
    use arbiter_server::store::widget as widget_store;
    for db in common::databases().await {
        let server = common::server(&db, 60).await;
        only_online(&server, &[]).await; // nobody to take them: both wait
        let gone = start(&server, &chat_form("other", "en")).await;
        let here = start(&server, &chat_form("trade", "en")).await;
        let later = chrono::Utc::now() + MISSED_AFTER + chrono::Duration::minutes(1);
        // `here`'s widget is still open: its heartbeat a minute ago.
        let mut conn = server.db().pool.acquire().await.unwrap();
        widget_store::seen(&mut conn, here.chat_id, later - chrono::Duration::minutes(1)).await.unwrap();
        drop(conn);

        let round = arbiter_server::domain::routing::round(&server.state, later).await.unwrap();
        assert_eq!(round.missed, vec![gone.chat_id]);
        let queued: Vec<i64> = sqlx::query_scalar("SELECT ticket_id FROM routing_queue ORDER BY ticket_id")
            .fetch_all(&server.db().pool)
            .await
            .unwrap();
        assert_eq!(queued, vec![here.chat_id], "the customer still there keeps their place");
        let mut conn = server.db().pool.acquire().await.unwrap();
        let missed = reads::ticket(&mut conn, gone.chat_id).await.unwrap().unwrap();
        drop(conn);
        assert!(missed.tags.contains(&MISSED_CHAT_TAG.to_string()));
        assert_eq!((missed.status, missed.assignee_id), (TicketStatus::New, None), "left in the queue for follow-up");

        // Opening the chat's events notes its customer as there.
        let before = chrono::Utc::now() - chrono::Duration::seconds(1);
        let _events = Events::open(&server, &here.token).await;
        let mut conn = server.db().pool.acquire().await.unwrap();
        let seen = widget_store::seen_at(&mut conn, here.chat_id).await.unwrap().unwrap();
        assert!(seen >= before, "{seen} is not after {before}");
    }
}
