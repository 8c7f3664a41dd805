//! Seeded demo data: support staff, customers, and tickets whose conversations read like
//! real support at a crypto exchange. The same seed, ticket count and anchor time give the
//! same database.

pub mod corpus;
mod facts;
mod roster;

use std::collections::HashMap;

use arbiter_contract::{Agent, AgentRole, AuthorKind, Channel, Customer, Message, Priority, Ticket, TicketStatus};
use chrono::{DateTime, Duration, Utc};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use sqlx::SqlitePool;

use crate::codec::{text_to_email_html, to_ms};
use crate::store::{insert_token, put_agent, put_customer, put_message, put_ticket};
use corpus::{Locale, Scenario, Script, Who, LOCALES, SCENARIOS};
use facts::Facts;
pub use roster::{demo_token, STAFF};

#[derive(Debug, Clone)]
pub struct GeneratorOptions {
    pub seed: u64,
    pub tickets: u32,
    /// Every generated time lies before this moment.
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub agents: usize,
    pub customers: usize,
    pub tickets: usize,
    pub messages: usize,
}

/// First ticket number; real desks are years old, so numbers are not small.
const FIRST_TICKET_ID: i64 = 100_001;
/// Tickets are spread over this many days before `now`.
const HISTORY_DAYS: i64 = 90;

/// The demo agents and their tokens, in roster order.
pub fn demo_tokens() -> Vec<(&'static str, String)> {
    STAFF.iter().map(|s| (s.name, demo_token(s.name))).collect()
}

pub async fn is_empty(pool: &SqlitePool) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM agents").fetch_one(pool).await?;
    Ok(count == 0)
}

pub async fn generate(pool: &SqlitePool, options: &GeneratorOptions) -> anyhow::Result<Summary> {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let mut summary = Summary::default();
    let mut tx = pool.begin().await?;

    let agents = staff_agents();
    for agent in &agents {
        put_agent(&mut tx, agent).await?;
        insert_token(&mut tx, agent.id, &demo_token(&agent.name), to_ms(options.now)).await?;
    }
    summary.agents = agents.len();

    let customer_count = (options.tickets as usize * 3 / 5).max(1);
    let mut customers = Vec::with_capacity(customer_count);
    for index in 0..customer_count {
        let customer = make_customer(&mut rng, index as i64 + 1, options.now);
        put_customer(&mut tx, &customer).await?;
        customers.push(customer);
    }
    summary.customers = customers.len();

    let by_language = scenarios_by_language();
    let mut times: Vec<DateTime<Utc>> = (0..options.tickets).map(|_| ticket_time(&mut rng, options.now)).collect();
    times.sort();
    for (index, created_at) in times.into_iter().enumerate() {
        let customer = customers.choose(&mut rng).expect("at least one customer");
        let (scenario, script) = pick_script(&mut rng, &by_language, &customer.language);
        let id = FIRST_TICKET_ID + index as i64;
        let (ticket, messages) =
            make_ticket(&mut rng, id, created_at, options.now, customer, scenario, script, &agents);
        put_ticket(&mut tx, &ticket).await?;
        for message in &messages {
            put_message(&mut tx, message).await?;
        }
        summary.tickets += 1;
        summary.messages += messages.len();
    }
    tx.commit().await?;
    Ok(summary)
}

fn staff_agents() -> Vec<Agent> {
    STAFF
        .iter()
        .enumerate()
        .map(|(index, member)| Agent {
            id: index as i64 + 1,
            name: member.name.to_owned(),
            email: format!("{}@arbiter.example", demo_token(member.name).trim_start_matches("demo-")),
            role: member.role,
            team: member.team.to_owned(),
            languages: member.languages.iter().map(|l| l.to_string()).collect(),
        })
        .collect()
}

fn pick_locale<R: Rng>(rng: &mut R) -> &'static Locale {
    let total: u32 = LOCALES.iter().map(|l| l.weight).sum();
    let mut roll = rng.random_range(0..total);
    for locale in LOCALES {
        if roll < locale.weight {
            return locale;
        }
        roll -= locale.weight;
    }
    &LOCALES[0]
}

fn make_customer<R: Rng>(rng: &mut R, id: i64, now: DateTime<Utc>) -> Customer {
    let locale = pick_locale(rng);
    let first = *locale.first_names.choose(rng).expect("names");
    let last = *locale.last_names.choose(rng).expect("names");
    let name = locale.full_name(first, last);
    let local_part: String = if first.is_ascii() && last.is_ascii() {
        let sep = ["", ".", "_"].choose(rng).expect("separators");
        format!("{}{}{}", first.to_lowercase(), sep, last.to_lowercase().replace([' ', '\''], ""))
    } else {
        format!("user{}", rng.random_range(10_000..99_999))
    };
    let digits = rng.random_range(10..99);
    let domain = ["example.com", "example.net", "example.org", "mail.example"].choose(rng).expect("domains");
    Customer {
        id,
        account_id: format!("UID {}", rng.random_range(10_000_000u64..99_999_999)),
        name,
        email: format!("{local_part}{digits}@{domain}"),
        language: locale.lang.to_owned(),
        country: locale.countries.choose(rng).expect("countries").to_string(),
        created_at: now - Duration::days(rng.random_range(3..2_000)),
    }
}

/// Tickets arrive more often lately: the square of a uniform draw leans toward `now`.
fn ticket_time<R: Rng>(rng: &mut R, now: DateTime<Utc>) -> DateTime<Utc> {
    let x: f64 = rng.random();
    let age_minutes = (x * x * (HISTORY_DAYS * 24 * 60) as f64) as i64;
    now - Duration::minutes(age_minutes + 3)
}

type ScriptIndex = HashMap<&'static str, Vec<(&'static Scenario, &'static Script)>>;

fn scenarios_by_language() -> ScriptIndex {
    let mut index: ScriptIndex = HashMap::new();
    for scenario in SCENARIOS {
        for script in scenario.scripts {
            index.entry(script.lang).or_default().push((scenario, script));
        }
    }
    index
}

/// A script in the customer's language when the corpus has one; many customers of
/// smaller languages write in English, so the rest fall back to it.
fn pick_script<R: Rng>(rng: &mut R, index: &ScriptIndex, language: &str) -> (&'static Scenario, &'static Script) {
    let native = index.get(language).filter(|_| rng.random_bool(0.8));
    let pool = native.unwrap_or_else(|| &index["en"]);
    *pool.choose(rng).expect("scripts")
}

/// Where a conversation stands, which decides how much of its script has happened.
fn pick_status<R: Rng>(rng: &mut R, age: Duration, turns: &[corpus::Turn]) -> (TicketStatus, usize) {
    let roll: f64 = rng.random();
    let mut status = if age < Duration::hours(2) {
        if roll < 0.45 {
            TicketStatus::New
        } else if roll < 0.85 {
            TicketStatus::Open
        } else {
            TicketStatus::Pending
        }
    } else if age < Duration::days(3) {
        match roll {
            r if r < 0.10 => TicketStatus::New,
            r if r < 0.40 => TicketStatus::Open,
            r if r < 0.60 => TicketStatus::Pending,
            r if r < 0.72 => TicketStatus::OnHold,
            _ => TicketStatus::Solved,
        }
    } else if age < Duration::days(14) {
        match roll {
            r if r < 0.08 => TicketStatus::Open,
            r if r < 0.16 => TicketStatus::Pending,
            r if r < 0.22 => TicketStatus::OnHold,
            r if r < 0.70 => TicketStatus::Solved,
            _ => TicketStatus::Closed,
        }
    } else if roll < 0.03 {
        TicketStatus::OnHold
    } else {
        TicketStatus::Closed
    };
    // How much has happened: a new ticket has only its opening; an open one ends with the
    // customer (the ball is in our court); a pending or on-hold one ends with us.
    let last_by = |n: usize, who: Who| turns.get(n.wrapping_sub(1)).is_some_and(|t| t.who == who);
    let shown = match status {
        TicketStatus::New => 1,
        TicketStatus::Solved | TicketStatus::Closed => turns.len(),
        TicketStatus::Open => {
            let mut n = rng.random_range(1..=turns.len());
            while n > 1 && !last_by(n, Who::Customer) {
                n -= 1;
            }
            n
        }
        TicketStatus::Pending | TicketStatus::OnHold => {
            let mut n = rng.random_range(2..=turns.len().max(2)).min(turns.len());
            while n > 1 && !last_by(n, Who::Agent) {
                n -= 1;
            }
            if !last_by(n, Who::Agent) {
                // The script never has us answer: it can only be waiting on us.
                status = TicketStatus::Open;
            }
            n
        }
    };
    (status, shown)
}

#[allow(clippy::too_many_arguments)]
fn make_ticket<R: Rng>(
    rng: &mut R,
    id: i64,
    created_at: DateTime<Utc>,
    now: DateTime<Utc>,
    customer: &Customer,
    scenario: &Scenario,
    script: &Script,
    agents: &[Agent],
) -> (Ticket, Vec<Message>) {
    let facts = Facts::roll(rng, id, customer, created_at);
    let (mut status, shown) = pick_status(rng, now - created_at, script.turns);
    let team: Vec<&Agent> = agents.iter().filter(|a| a.team == scenario.queue && a.role == AgentRole::Agent).collect();
    let assignee =
        if status == TicketStatus::New { None } else { team.choose(rng).copied().or_else(|| agents.first()) };
    let agent_first = assignee.map_or("Sam", |a| a.name.split_whitespace().next().unwrap_or("Sam"));

    let step = |rng: &mut R| match scenario.channel {
        Channel::Chat => Duration::seconds(rng.random_range(15..180)),
        Channel::Email => Duration::minutes(rng.random_range(20..1_200)),
    };
    let mut at = created_at;
    let mut messages = Vec::with_capacity(shown);
    for turn in script.turns.iter().take(shown) {
        if !messages.is_empty() {
            at += step(rng);
        }
        if at >= now {
            break;
        }
        let text = facts.fill(turn.text, agent_first);
        let (author_kind, author_agent_id, author_name) = match turn.who {
            Who::Customer => (AuthorKind::Customer, None, customer.name.clone()),
            Who::Agent => {
                let agent = assignee.or_else(|| team.first().copied()).unwrap_or(&agents[0]);
                (AuthorKind::Agent, Some(agent.id), agent.name.clone())
            }
            Who::System => (AuthorKind::System, None, "Arbiter".to_owned()),
        };
        let html = (scenario.channel == Channel::Email && turn.who != Who::System).then(|| email_html(rng, &text));
        messages.push(Message {
            id: 0,
            ticket_id: id,
            author_kind,
            author_agent_id,
            author_name,
            text,
            html,
            created_at: at,
            client_ref: None,
        });
    }
    // A very recent conversation may be cut short by `now`: its status follows who spoke last.
    if messages.len() < shown {
        status = match messages.last().map(|m| m.author_kind) {
            Some(AuthorKind::Agent) => TicketStatus::Pending,
            _ if messages.len() <= 1 => TicketStatus::New,
            _ => TicketStatus::Open,
        };
    }
    let updated_at = messages.last().map_or(created_at, |m| m.created_at);
    let priority = bump_priority(rng, scenario.priority);
    let mut tags: Vec<String> = scenario.tags.iter().map(|t| t.to_string()).collect();
    if customer.language != script.lang {
        tags.push(format!("customer-lang-{}", customer.language));
    }
    let ticket = Ticket {
        id,
        channel: scenario.channel,
        kind: scenario.kind,
        subject: facts.fill(script.subject, agent_first),
        status,
        priority,
        queue: scenario.queue.to_owned(),
        assignee_id: assignee.map(|a| a.id),
        customer_id: customer.id,
        language: script.lang.to_owned(),
        tags,
        created_at,
        updated_at,
        version: 1 + messages.len() as i64,
    };
    (ticket, messages)
}

fn bump_priority<R: Rng>(rng: &mut R, base: corpus::Priority) -> Priority {
    let base = match base {
        corpus::Priority::Low => Priority::Low,
        corpus::Priority::Normal => Priority::Normal,
        corpus::Priority::High => Priority::High,
        corpus::Priority::Urgent => Priority::Urgent,
    };
    if rng.random_bool(0.1) {
        match base {
            Priority::Low => Priority::Normal,
            Priority::Normal => Priority::High,
            _ => Priority::Urgent,
        }
    } else {
        base
    }
}

/// Customer email clients add their own furniture around the text.
fn email_html<R: Rng>(rng: &mut R, text: &str) -> String {
    let body = text_to_email_html(text);
    match rng.random_range(0..4) {
        0 => format!("<html><body>{body}<br><div style=\"color:#888\">Sent from my iPhone</div></body></html>"),
        1 => format!("<html><head><style>p{{margin:0 0 8px}}</style></head><body>{body}</body></html>"),
        _ => body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(tickets: u32) -> GeneratorOptions {
        GeneratorOptions { seed: 7, tickets, now: "2026-11-20T12:00:00Z".parse().unwrap() }
    }

    async fn dump(pool: &SqlitePool) -> Vec<(String, String)> {
        sqlx::query_as("SELECT entity_kind, payload FROM changes ORDER BY seq").fetch_all(pool).await.unwrap()
    }

    #[tokio::test]
    async fn same_seed_gives_the_same_data() {
        let a = crate::db::connect("memory").await.unwrap();
        let b = crate::db::connect("memory").await.unwrap();
        let sa = generate(&a, &options(300)).await.unwrap();
        generate(&b, &options(300)).await.unwrap();
        assert_eq!(sa.tickets, 300);
        assert!(sa.messages > 600, "conversations have several turns: {sa:?}");
        assert_eq!(dump(&a).await, dump(&b).await);
    }

    #[tokio::test]
    async fn demo_data_covers_channels_kinds_languages_and_statuses() {
        let pool = crate::db::connect("memory").await.unwrap();
        generate(&pool, &options(2_000)).await.unwrap();
        let distinct = |column: &'static str| {
            let pool = pool.clone();
            async move {
                let q = format!("SELECT COUNT(DISTINCT {column}) FROM tickets");
                sqlx::query_scalar::<_, i64>(&q).fetch_one(&pool).await.unwrap()
            }
        };
        assert_eq!(distinct("channel").await, 2);
        assert_eq!(distinct("kind").await, 6);
        assert!(distinct("language").await >= 8);
        assert_eq!(distinct("status").await, 6);
        let placeholders: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM messages WHERE text LIKE '%{%}%'").fetch_one(&pool).await.unwrap();
        assert_eq!(placeholders, 0, "every placeholder is filled");
        // Statuses agree with the conversation: open tickets wait on us, pending ones on the customer.
        let disagreeing: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM tickets t WHERE
               (t.status = 'open' AND (SELECT author_kind FROM messages m WHERE m.ticket_id = t.id
                                      ORDER BY created_at DESC, id DESC LIMIT 1) = 'agent')
            OR (t.status IN ('pending', 'on_hold') AND (SELECT author_kind FROM messages m WHERE m.ticket_id = t.id
                                      ORDER BY created_at DESC, id DESC LIMIT 1) = 'customer')",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(disagreeing, 0);
        let future: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages WHERE created_at > ?")
            .bind(to_ms(options(1).now))
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(future, 0);
    }
}
