//! The router against many simulated agents: capacities, skills, presence, refusals, with
//! the exact assignment each situation must give.

use arbiter_contract::*;
use arbiter_policy::routing::{route, Load, RoutingAgent, Waiting};
use chrono::{DateTime, Duration, TimeZone, Utc};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap()
}

fn agent(id: AgentId, teams: &[&str], languages: &[&str], presence: Presence) -> Agent {
    Agent {
        id,
        name: format!("Agent {id}"),
        email: format!("a{id}@arbiter.example"),
        role: AgentRole::Agent,
        team: teams[0].into(),
        teams: teams.iter().map(|t| t.to_string()).collect(),
        languages: languages.iter().map(|l| l.to_string()).collect(),
        presence,
        presence_since: now() - Duration::hours(1),
    }
}

fn on(agent: &Agent, chats: i64, idle_minutes: i64) -> RoutingAgent<'_> {
    RoutingAgent { agent, load: Load { chat: chats, email: 0 }, idle_since: now() - Duration::minutes(idle_minutes) }
}

fn chat<'a>(ticket_id: TicketId, queue: &'a str, language: &'a str, topic: ChatTopic, waited_s: i64) -> Waiting<'a> {
    Waiting {
        ticket_id,
        channel: Channel::Chat,
        queue,
        language,
        topic: Some(topic),
        waiting_since: now() - Duration::seconds(waited_s),
        passed_over: &[],
    }
}

fn placed(decisions: &[arbiter_policy::routing::Decision]) -> Vec<(TicketId, AgentId)> {
    decisions.iter().map(|d| (d.ticket_id, d.agent_id)).collect()
}

#[test]
fn the_longest_idle_online_agent_of_the_queue_who_speaks_the_language_gets_the_chat() {
    let policy = RoutingPolicy::default();
    let a = [
        agent(1, &["payments"], &["en"], Presence::Online),
        agent(2, &["payments"], &["en", "ms"], Presence::Online),
        agent(3, &["payments"], &["ms"], Presence::Away), // idle longest, but away
        agent(4, &["general"], &["ms"], Presence::Online), // another queue
        agent(5, &["payments"], &["ms"], Presence::Online),
    ];
    let agents = [on(&a[0], 0, 50), on(&a[1], 1, 10), on(&a[2], 0, 90), on(&a[3], 0, 80), on(&a[4], 2, 20)];
    let waiting = [chat(100, "payments", "ms", ChatTopic::DepositWithdrawal, 5)];
    let d = route(&policy, &agents, &waiting, now());
    assert_eq!(placed(&d), vec![(100, 5)]);
    let why = &d[0].why;
    assert!(why.language_matched && why.topic_matched && !why.skills_relaxed);
    assert_eq!((why.load_before, why.capacity, why.idle_seconds, why.waited_seconds), (2, 3, 1200, 5));
}

#[test]
fn oldest_waiting_customer_first_and_each_placement_counts_against_capacity() {
    let policy = RoutingPolicy::default();
    let a = [agent(1, &["general"], &["en"], Presence::Online), agent(2, &["general"], &["en"], Presence::Online)];
    // Agent 1 has one place left, agent 2 two; agent 1 idle longer.
    let agents = [on(&a[0], 2, 30), on(&a[1], 1, 10)];
    let waiting = [
        chat(10, "general", "en", ChatTopic::Other, 10),
        chat(11, "general", "en", ChatTopic::Other, 60), // oldest
        chat(12, "general", "en", ChatTopic::Other, 30),
        chat(13, "general", "en", ChatTopic::Other, 20),
    ];
    let d = route(&policy, &agents, &waiting, now());
    // 11 → 1 (idle 30 min); then 1 is full and just busy: 12 → 2; 13 → 2; 10 waits.
    assert_eq!(placed(&d), vec![(11, 1), (12, 2), (13, 2)]);
}

#[test]
fn most_spare_capacity_strategy_balances_load() {
    let policy = RoutingPolicy {
        strategy: RoutingStrategy::MostSpareCapacity,
        agents: vec![AgentRouting { agent_id: 2, capacity: ChannelCapacity { chat: 6, email: 10 }, topics: vec![] }],
        ..RoutingPolicy::default()
    };
    let a = [agent(1, &["general"], &["en"], Presence::Online), agent(2, &["general"], &["en"], Presence::Online)];
    let agents = [on(&a[0], 0, 60), on(&a[1], 2, 1)];
    let waiting: Vec<_> = (0..5).map(|i| chat(20 + i, "general", "en", ChatTopic::Other, 100 - i)).collect();
    let d = route(&policy, &agents, &waiting, now());
    // Spare places: 1 has 3, 2 has 4. 20 → 2 (4 vs 3); 21 → 1 (3 vs 3, idle longer);
    // 22 → 2 (3 vs 2); 23: 2 vs 2, both just busy → lower id 1; 24 → 2 (2 vs 1).
    assert_eq!(placed(&d), vec![(20, 2), (21, 1), (22, 2), (23, 1), (24, 2)]);
}

#[test]
fn topic_skills_and_refusals_are_respected() {
    let policy = RoutingPolicy {
        agents: vec![
            AgentRouting {
                agent_id: 1,
                capacity: ChannelCapacity { chat: 3, email: 10 },
                topics: vec![ChatTopic::DepositWithdrawal],
            },
            AgentRouting {
                agent_id: 2,
                capacity: ChannelCapacity { chat: 3, email: 10 },
                topics: vec![ChatTopic::CardPayment],
            },
        ],
        ..RoutingPolicy::default()
    };
    let a = [
        agent(1, &["payments"], &["en"], Presence::Online),
        agent(2, &["payments"], &["en"], Presence::Online),
        agent(3, &["payments"], &["en"], Presence::Online),
    ];
    let agents = [on(&a[0], 0, 90), on(&a[1], 0, 80), on(&a[2], 0, 5)];
    let refused = [2];
    let mut card = chat(31, "payments", "en", ChatTopic::CardPayment, 20);
    card.passed_over = &refused;
    let waiting = [chat(30, "payments", "en", ChatTopic::CardPayment, 30), card];
    let d = route(&policy, &agents, &waiting, now());
    // 30 → 2 (the card skill; 1 only handles deposits). 31: 2 refused it → 3 (every topic).
    assert_eq!(placed(&d), vec![(30, 2), (31, 3)]);
}

#[test]
fn skills_relax_only_after_the_wait_the_policy_names() {
    let policy = RoutingPolicy::default(); // relax after 120 s
    let a = [agent(1, &["general"], &["en"], Presence::Online)];
    let agents = [on(&a[0], 0, 10)];
    let waiting = [chat(40, "general", "th", ChatTopic::Other, 119), chat(41, "general", "vi", ChatTopic::Other, 121)];
    let d = route(&policy, &agents, &waiting, now());
    assert_eq!(placed(&d), vec![(41, 1)]);
    assert!(d[0].why.skills_relaxed && !d[0].why.language_matched);
}

#[test]
fn language_subtags_match_on_the_primary_language() {
    let policy = RoutingPolicy::default();
    let a = [agent(1, &["general"], &["zh"], Presence::Online), agent(2, &["general"], &["en-GB"], Presence::Online)];
    let agents = [on(&a[0], 0, 1), on(&a[1], 0, 1)];
    let waiting = [chat(50, "general", "zh-Hant", ChatTopic::Other, 1), chat(51, "general", "EN", ChatTopic::Other, 0)];
    assert_eq!(placed(&route(&policy, &agents, &waiting, now())), vec![(50, 1), (51, 2)]);
}

#[test]
fn busy_offline_and_full_agents_and_unassigned_channels_receive_nothing() {
    let mut policy = RoutingPolicy {
        agents: vec![AgentRouting { agent_id: 4, capacity: ChannelCapacity { chat: 0, email: 10 }, topics: vec![] }],
        ..RoutingPolicy::default()
    };
    let a = [
        agent(1, &["general"], &["en"], Presence::Busy),
        agent(2, &["general"], &["en"], Presence::Offline),
        agent(3, &["general"], &["en"], Presence::Online),
        agent(4, &["general"], &["en"], Presence::Online), // takes no chats
    ];
    let agents = [on(&a[0], 0, 60), on(&a[1], 0, 60), on(&a[2], 3, 60), on(&a[3], 0, 60)];
    let mut email = chat(61, "general", "en", ChatTopic::Other, 10);
    email.channel = Channel::Email;
    let waiting = [chat(60, "general", "en", ChatTopic::Other, 10), email];
    // Chats: nobody free. Emails: not assigned automatically by default.
    assert!(route(&policy, &agents, &waiting, now()).is_empty());
    policy.auto_assign_emails = true;
    assert_eq!(placed(&route(&policy, &agents, &waiting, now())), vec![(61, 3)]);
}

#[test]
fn many_agents_many_chats_every_placement_is_within_the_rules() {
    // 500 agents across 6 queues and 5 languages, 300 chats: nobody over capacity, every
    // placement in the agent's queue and language, each chat placed at most once, and a
    // chat left waiting only when nobody with its queue and language had a free place.
    let queues = ["general", "payments", "disputes", "fraud", "p2p", "feedback"];
    let languages = ["en", "ms", "zh", "vi", "th"];
    let staff: Vec<Agent> = (0..500)
        .map(|i| {
            let presence = if i % 7 == 0 { Presence::Away } else { Presence::Online };
            agent(i, &[queues[i as usize % 6]], &[languages[i as usize % 5]], presence)
        })
        .collect();
    let agents: Vec<_> = staff.iter().enumerate().map(|(i, a)| on(a, (i % 4) as i64, (i % 37) as i64)).collect();
    let waiting: Vec<_> = (0..300)
        .map(|i| chat(1000 + i, queues[i as usize % 6], languages[(i as usize / 6) % 5], ChatTopic::Other, 90 - i % 90))
        .collect();
    let policy = RoutingPolicy::default();
    let d = route(&policy, &agents, &waiting, now());
    let mut load: std::collections::HashMap<AgentId, i64> = agents.iter().map(|a| (a.agent.id, a.load.chat)).collect();
    let mut seen = std::collections::HashSet::new();
    for decision in &d {
        assert!(seen.insert(decision.ticket_id));
        let w = waiting.iter().find(|w| w.ticket_id == decision.ticket_id).unwrap();
        let a = &staff[decision.agent_id as usize];
        assert_eq!(a.presence, Presence::Online);
        assert!(a.teams.contains(&w.queue.to_string()) && a.languages.contains(&w.language.to_string()));
        *load.get_mut(&a.id).unwrap() += 1;
        assert!(load[&a.id] <= 3);
    }
    for w in waiting.iter().filter(|w| !seen.contains(&w.ticket_id)) {
        assert!(staff.iter().all(|a| a.presence != Presence::Online
            || !a.teams.contains(&w.queue.to_string())
            || !a.languages.contains(&w.language.to_string())
            || load[&a.id] >= 3));
    }
    assert!(d.len() > 200, "placed {}", d.len());
}
