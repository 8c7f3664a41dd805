//! The traffic simulator: keeps new chats and emails, customer replies, typing and
//! escalation-worthy events arriving at a given rate, through the same storage and live
//! stream as real traffic, so the desk can be watched live and load-tested.

use std::time::Duration as StdDuration;

use arbiter_contract::stream::Typist;
use arbiter_contract::*;
use chrono::{Duration, Utc};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use tokio::task::JoinHandle;

use crate::domain::inbound;
use crate::generator::corpus::{Who, SCENARIOS};
use crate::store::entities::{put_message, put_ticket};
use crate::store::rows::list;
use crate::store::{next_id, reads, Scope};
use crate::AppState;

/// Lines that make the escalation matrix raise a ticket (legal, regulator, police, media).
const ALARMING: &[(&str, &str)] = &[
    ("en", "If this is not fixed today I will hand it to my lawyer and report you to the regulator."),
    ("en", "I already filed a police report. I want my money back now."),
    ("en", "I'm a journalist and I'm writing about how you treat customers."),
    ("es", "Si no lo solucionan hoy, mi abogado presentará una denuncia."),
    ("de", "Wenn das nicht heute gelöst wird, schalte ich meinen Anwalt ein."),
    ("pt", "Se não resolverem hoje vou procurar um advogado e o Procon."),
];

#[derive(Debug, Clone, Copy)]
pub struct SimulatorOptions {
    /// Events per second.
    pub rate: f64,
    pub seed: u64,
}

pub struct Simulator {
    task: JoinHandle<()>,
}

impl Simulator {
    pub fn spawn(state: AppState, options: SimulatorOptions) -> Self {
        let task = tokio::spawn(async move {
            let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
            let pause = StdDuration::from_secs_f64(1.0 / options.rate.max(0.01));
            loop {
                tokio::time::sleep(pause).await;
                if let Err(error) = step(&state, &mut rng).await {
                    tracing::warn!(%error, "simulator step failed");
                }
            }
        });
        Self { task }
    }

    pub fn stop(&self) {
        self.task.abort();
    }
}

impl Drop for Simulator {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// One simulated event.
pub async fn step(state: &AppState, rng: &mut ChaCha8Rng) -> anyhow::Result<()> {
    match rng.random_range(0..100) {
        0..=29 => new_ticket(state, rng, Channel::Chat).await,
        30..=44 => new_ticket(state, rng, Channel::Email).await,
        45..=79 => customer_reply(state, rng, None).await,
        80..=86 => typing(state, rng).await,
        87..=89 => team_reply(state, rng).await,
        _ => {
            let (_, line) = *ALARMING.choose(rng).expect("lines");
            customer_reply(state, rng, Some(line)).await
        }
    }
}

async fn random_customer(state: &AppState, rng: &mut ChaCha8Rng) -> anyhow::Result<Customer> {
    let max: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM customers").fetch_one(&state.db.pool).await?;
    let id = rng.random_range(1..=max.unwrap_or(1));
    let mut conn = state.db.pool.acquire().await?;
    reads::customer(&mut conn, id).await?.ok_or_else(|| anyhow::anyhow!("no customers"))
}

async fn new_ticket(state: &AppState, rng: &mut ChaCha8Rng, channel: Channel) -> anyhow::Result<()> {
    let customer = random_customer(state, rng).await?;
    let candidates: Vec<_> = SCENARIOS.iter().filter(|s| s.channel == channel).collect();
    let scenario = candidates.choose(rng).expect("scenarios");
    let script = scenario.scripts.iter().find(|s| s.lang == customer.language).unwrap_or(&scenario.scripts[0]);
    let Some(opening) = script.turns.iter().find(|t| t.who == Who::Customer) else { return Ok(()) };
    let now = Utc::now();
    let mut tx = state.db.begin_write().await?;
    let policy = reads::policy(&mut tx).await?;
    let id = next_id(&mut tx, "tickets").await?;
    let text = opening
        .text
        .replace("{customer_first}", customer.name.split_whitespace().next().unwrap_or(&customer.name))
        .replace("{customer_name}", &customer.name)
        .replace("{account_id}", &customer.account_id)
        .replace("{ticket_id}", &format!("#{id}"));
    let text = strip_placeholders(&text);
    let ticket = Ticket {
        id,
        channel,
        kind: scenario.kind,
        subject: script.subject.to_owned(),
        status: TicketStatus::New,
        priority: if customer.vip_tier.is_vip() { Priority::High } else { Priority::Normal },
        queue: scenario.queue.to_owned(),
        assignee_id: None,
        customer_id: customer.id,
        language: script.lang.to_owned(),
        tags: scenario.tags.iter().map(|t| t.to_string()).collect(),
        sla: arbiter_policy::sla::opened(&policy.sla, channel, customer.vip_tier.is_vip(), now),
        escalation_level: EscalationLevel::L0,
        case_id: None,
        topic: None,
        routed: None,
        csat: None,
        created_at: now,
        updated_at: now,
        solved_at: None,
        version: 1,
    };
    let message = inbound::message_from(next_id(&mut tx, "messages").await?, &ticket, &customer, &text, now);
    put_ticket(&mut tx, &ticket).await?;
    let scope = Scope::of_ticket(&ticket);
    put_message(&mut tx, &message, &scope).await?;
    let (ticket, escalation) = match inbound::escalate_new_vip(&mut tx, &ticket, &customer).await? {
        Some((escalated, escalation)) => (escalated, Some(escalation)),
        None => (ticket, None),
    };
    tx.commit().await?;
    state.hub.publish(
        StreamPayload::MessageCreated { message, ticket: Some(Box::new(ticket.clone())) },
        vec![scope.clone()],
    );
    if let Some(escalation) = escalation {
        state.hub.publish(
            StreamPayload::Escalation { escalation: escalation.clone() },
            vec![Scope::of_escalation(&escalation, Some(&ticket))],
        );
    }
    Ok(())
}

/// Scripts have placeholders the simulator does not roll facts for; drop what is left.
fn strip_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.replace("  ", " ")
}

async fn recent_active_ticket(state: &AppState, rng: &mut ChaCha8Rng) -> anyhow::Result<Option<Ticket>> {
    let mut conn = state.db.pool.acquire().await?;
    let since = (Utc::now() - Duration::days(3)).timestamp_millis();
    let tickets: Vec<Ticket> = list(
        &mut conn,
        "SELECT data FROM tickets WHERE status IN ('pending', 'open', 'new') AND updated_at > $1 ORDER BY updated_at DESC LIMIT 200",
        vec![since.into()],
    )
    .await?;
    Ok(tickets.choose(rng).cloned())
}

async fn customer_reply(state: &AppState, rng: &mut ChaCha8Rng, line: Option<&str>) -> anyhow::Result<()> {
    let Some(ticket) = recent_active_ticket(state, rng).await? else { return Ok(()) };
    inbound::customer_typing(state, &ticket, true);
    let text = line.map(str::to_owned).unwrap_or_else(|| {
        crate::generator::corpus::SCENARIOS
            .iter()
            .find(|s| s.kind == ticket.kind)
            .and_then(|s| s.scripts.iter().find(|sc| sc.lang == ticket.language))
            .and_then(|sc| sc.turns.iter().filter(|t| t.who == Who::Customer).nth(1))
            .map(|t| strip_placeholders(t.text))
            .unwrap_or_else(|| "Hello? Is anyone there? I'm still waiting.".to_owned())
    });
    inbound::customer_message(state, ticket.id, &text, None).await?;
    Ok(())
}

/// Lines an internal team answers with.
const TEAM_ANSWERS: &[&str] = &[
    "Checked on our side: the transaction is confirmed on chain, you can tell the customer.",
    "We need the customer's bank statement showing the charge before we can go further.",
    "Known issue, the fix ships tonight. Please keep the ticket on hold until tomorrow.",
    "Approved. Go ahead and release the hold on the account.",
    "Not approved: the account stays restricted pending our review. Use the standard wording.",
];

/// An internal team answers one of the open side conversations.
async fn team_reply(state: &AppState, rng: &mut ChaCha8Rng) -> anyhow::Result<()> {
    let mut conn = state.db.pool.acquire().await?;
    let open: Vec<SideConversation> = list(
        &mut conn,
        "SELECT data FROM side_conversations WHERE data LIKE '%\"status\":\"open\"%' ORDER BY id DESC LIMIT 50",
        vec![],
    )
    .await?;
    drop(conn);
    let Some(side) = open.choose(rng) else { return Ok(()) };
    let answer = TEAM_ANSWERS.choose(rng).expect("answers");
    let team = side.team.chars().next().map(|c| c.to_uppercase().collect::<String>() + &side.team[1..]);
    let author = format!("{} team", team.unwrap_or_default());
    inbound::team_reply(state, side.id, &author, answer).await?;
    Ok(())
}

async fn typing(state: &AppState, rng: &mut ChaCha8Rng) -> anyhow::Result<()> {
    if let Some(ticket) = recent_active_ticket(state, rng).await? {
        state.hub.publish(
            StreamPayload::Typing {
                ticket_id: ticket.id,
                typist: Typist::Customer,
                agent_id: None,
                typing: rng.random_bool(0.5),
            },
            vec![Scope::of_ticket(&ticket)],
        );
    }
    Ok(())
}
