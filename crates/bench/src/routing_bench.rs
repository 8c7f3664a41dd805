//! `arbiter-routing-bench`: how long the router takes to place a new chat with 500 agents
//! online (target < 5 ms), and a busy round (100 chats waiting at once). Prints a table for
//! docs/PERFORMANCE.md; never asserts.
//!
//! cargo run --release -p arbiter-bench --bin arbiter-routing-bench

use std::time::Instant;

use arbiter_contract::*;
use arbiter_policy::routing::{route, Load, RoutingAgent, Waiting};
use chrono::{Duration, Utc};

const QUEUES: [&str; 6] = ["general", "payments", "disputes", "fraud", "p2p", "feedback"];
const LANGUAGES: [&str; 11] = ["en", "de", "es", "fr", "ja", "ko", "pt", "ru", "tr", "vi", "zh"];

fn staff(count: usize) -> Vec<Agent> {
    let now = Utc::now();
    (0..count)
        .map(|i| Agent {
            id: i as i64 + 1,
            name: format!("Agent {i}"),
            email: format!("agent{i}@arbiter.example"),
            role: AgentRole::Agent,
            team: QUEUES[i % QUEUES.len()].into(),
            teams: vec![QUEUES[i % QUEUES.len()].into(), QUEUES[(i + 1) % QUEUES.len()].into()],
            languages: vec!["en".into(), LANGUAGES[i % LANGUAGES.len()].into()],
            presence: if i % 10 == 0 { Presence::Away } else { Presence::Online },
            presence_since: now - Duration::minutes((i % 240) as i64),
        })
        .collect()
}

/// Every agent with their own capacity and two topics: the policy a big desk has.
fn policy(agents: &[Agent]) -> RoutingPolicy {
    RoutingPolicy {
        agents: agents
            .iter()
            .map(|a| AgentRouting {
                agent_id: a.id,
                capacity: ChannelCapacity { chat: 2 + a.id % 4, email: 10 },
                topics: vec![ChatTopic::ALL[a.id as usize % 6], ChatTopic::ALL[(a.id as usize + 2) % 6]],
            })
            .collect(),
        ..RoutingPolicy::default()
    }
}

fn percentiles(mut samples: Vec<f64>) -> (f64, f64, f64) {
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95), *samples.last().unwrap_or(&0.0))
}

fn main() {
    let agents = staff(500);
    let policy = policy(&agents);
    let now = Utc::now();
    let candidates: Vec<RoutingAgent<'_>> = agents
        .iter()
        .map(|a| RoutingAgent {
            agent: a,
            load: Load { chat: a.id % 3, email: a.id % 7 },
            idle_since: now - Duration::seconds(a.id * 7 % 900),
        })
        .collect();
    let passed: Vec<i64> = (1..=5).collect();
    let chat = |i: usize| Waiting {
        ticket_id: 10_000 + i as i64,
        channel: Channel::Chat,
        queue: QUEUES[i % QUEUES.len()],
        language: LANGUAGES[i % LANGUAGES.len()],
        topic: Some(ChatTopic::ALL[i % 6]),
        waiting_since: now - Duration::seconds((i % 200) as i64),
        passed_over: &passed,
    };
    let runs = 1_000;
    let mut one = Vec::with_capacity(runs);
    let mut placed = 0;
    for i in 0..runs {
        let waiting = [chat(i)];
        let start = Instant::now();
        placed += route(&policy, &candidates, &waiting, now).len();
        one.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let waiting: Vec<Waiting<'_>> = (0..100).map(chat).collect();
    let mut busy = Vec::with_capacity(100);
    let mut busy_placed = 0;
    for _ in 0..100 {
        let start = Instant::now();
        busy_placed = route(&policy, &candidates, &waiting, now).len();
        busy.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let (p50, p95, max) = percentiles(one);
    let (b50, b95, bmax) = percentiles(busy);
    println!("## Routing decisions (`cargo run --release -p arbiter-bench --bin arbiter-routing-bench`)\n");
    println!("500 agents (450 online, 2–5 chats each, two topics and two languages each), the policy naming each.\n");
    println!("| What | p50 | p95 | max |\n| --- | --- | --- | --- |");
    println!("| Place one new chat ({runs} runs, {placed} placed) | {p50:.3} ms | **{p95:.3} ms** | {max:.3} ms |");
    println!("| A round with 100 chats waiting (100 runs, {busy_placed} placed) | {b50:.3} ms | {b95:.3} ms | {bmax:.3} ms |");
}
