//! One generated ticket with everything around it: the conversation (script plus the usual
//! small talk), SLA clocks, internal notes, side conversations, the case for disputes and
//! chargebacks with its audit trail, the escalations the matrix would raise, and for some
//! closed cases the investigation report in the document store.

use arbiter_contract::*;
use chrono::{DateTime, Duration, Utc};
use rand::seq::IndexedRandom;
use rand::Rng;

use super::corpus::{Scenario, Script, Turn, Who};
use super::facts::Facts;
use super::fillers::fillers;
use crate::domain::{money, text_to_email_html};

/// The next id of each entity.
#[derive(Debug, Clone)]
pub struct Ids {
    pub message: i64,
    pub note: i64,
    pub side: i64,
    pub side_message: i64,
    pub case: i64,
    pub case_event: i64,
    pub escalation: i64,
    pub document: i64,
}

impl Default for Ids {
    fn default() -> Self {
        Self { message: 1, note: 1, side: 1, side_message: 1, case: 5_001, case_event: 1, escalation: 1, document: 1 }
    }
}

fn take(counter: &mut i64) -> i64 {
    let id = *counter;
    *counter += 1;
    id
}

pub struct Bundle {
    pub ticket: Ticket,
    pub messages: Vec<Message>,
    pub notes: Vec<Note>,
    pub sides: Vec<SideConversation>,
    pub side_messages: Vec<SideMessage>,
    pub case: Option<Case>,
    pub case_events: Vec<CaseEvent>,
    pub escalations: Vec<Escalation>,
    pub document: Option<(Document, Vec<u8>)>,
}

/// Everything a ticket needs to know about the world.
pub struct World<'a> {
    pub agents: &'a [Agent],
    pub policy: &'a PolicySet,
    pub now: DateTime<Utc>,
}

impl World<'_> {
    fn team_agents(&self, team: &str) -> Vec<&Agent> {
        self.agents.iter().filter(|a| a.team == team && a.role == AgentRole::Agent).collect()
    }

    fn lead_of(&self, team: &str) -> Option<&Agent> {
        self.agents.iter().find(|a| a.role == AgentRole::Supervisor && a.teams.iter().any(|t| t == team))
    }
}

/// Where a conversation stands, which decides how much of its script has happened.
fn pick_status<R: Rng>(rng: &mut R, age: Duration, turns: &[Turn]) -> (TicketStatus, usize) {
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
    // New tickets hold only their opening; open ones end with the customer (the ball is in
    // our court); pending and on-hold ones end with us.
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
                status = TicketStatus::Open;
            }
            n
        }
    };
    (status, shown)
}

fn maybe_attachments<R: Rng>(rng: &mut R, text: &str) -> Vec<Attachment> {
    let hinted = [
        "screenshot",
        "photo",
        "statement",
        "receipt",
        "captura",
        "comprovante",
        "beleg",
        "截圖",
        "スクリーンショット",
    ]
    .iter()
    .any(|w| text.to_lowercase().contains(w));
    if !(hinted || rng.random_bool(0.06)) {
        return Vec::new();
    }
    // Real files, stored once (generator::sample_files): the desk can open them.
    let sample = super::sample_files::samples().choose(rng).expect("sample files");
    // The draws the made-up hash and size took before the files were real: kept, so a seed
    // still generates the same demo (tests and demos rely on what seed 3 holds).
    for _ in 0..64 {
        rng.random_range(0..16usize);
    }
    rng.random_range(0..5_000i64);
    vec![Attachment {
        name: sample.name.into(),
        content_type: sample.content_type.into(),
        size_bytes: sample.bytes.len() as i64,
        sha256: sample.sha256.clone(),
        content_id: None,
    }]
}

/// Legal, regulator, police or media words (the escalation matrix's list) in `text`.
pub fn sensitive_word<'a>(matrix: &'a EscalationMatrix, language: &str, text: &str) -> Option<&'a str> {
    let lower = text.to_lowercase();
    [language, "en"].iter().filter_map(|l| matrix.sensitive_words.get(*l)).flatten().find_map(|word| {
        let found = if word.chars().all(|c| c.is_ascii_alphabetic()) {
            lower.split(|c: char| !c.is_alphanumeric()).any(|token| token == word.as_str())
        } else {
            lower.contains(word.as_str())
        };
        found.then_some(word.as_str())
    })
}

const NOTE_TEMPLATES: &[&str] = &[
    "Checked login history for the last 30 days: all sessions from the customer's usual devices and country.",
    "Verified identity via the account's registered email and last deposit amount before discussing details.",
    "Payments confirmed the transaction reference; waiting for the acquirer's response.",
    "Customer sounds distressed — offered a call back. Do not promise a refund before risk signs off.",
    "Withdrawal lock applied at 14:20 UTC per ATO procedure; 2FA reset requires video verification.",
    "Reviewed the order book at the time of the fill: slippage within the documented limits.",
    "P2P order chat reviewed: seller asked the buyer to pay outside the platform. Flagged to risk.",
    "Duplicate of an earlier ticket from the same customer; keeping this one as the main thread.",
    "Chargeback evidence pack started: 3DS result, device fingerprint, prior undisputed purchases.",
];

fn side_team(kind: TicketKind) -> &'static str {
    match kind {
        TicketKind::CardChargeback => "payments-ops",
        TicketKind::FraudClaim | TicketKind::P2pDispute => "risk",
        TicketKind::TradeDispute | TicketKind::Complaint => "product",
        TicketKind::Inquiry => "compliance",
    }
}

fn side_texts(kind: TicketKind, ticket_id: i64) -> (&'static str, String, String) {
    match kind {
        TicketKind::CardChargeback => (
            "Acquirer data for a disputed card purchase",
            format!("Hi payments team, could you pull the acquirer record and 3DS result for the card purchase disputed in #{ticket_id}? The customer says they don't recognise it."),
            "3DS was frictionless and approved; the card was used 4 times before without dispute. Sending the acquirer extract to the case.".to_owned(),
        ),
        TicketKind::FraudClaim | TicketKind::P2pDispute => (
            "Please review account activity",
            format!("Risk team, please review the last 7 days of activity on the account in #{ticket_id}. Customer reports transactions they did not make."),
            "Looked at it: new device from a different country right before the withdrawal. We've restricted withdrawals and opened an ATO review.".to_owned(),
        ),
        TicketKind::TradeDispute | TicketKind::Complaint => (
            "Customer-facing issue to check",
            format!("Product on-call: the customer in #{ticket_id} reports an execution problem. Can you confirm whether there was an incident at that time?"),
            "Confirmed a matching-engine latency spike of ~40 s at that time. Post-mortem in progress; affected orders will be reviewed case by case.".to_owned(),
        ),
        TicketKind::Inquiry => (
            "Verification question",
            format!("Compliance, the customer in #{ticket_id} asks why enhanced verification is required. Can we share the reason?"),
            "Enhanced due diligence was triggered by the deposit volume. You can say it's a regulatory requirement; no further detail.".to_owned(),
        ),
    }
}

/// The card network's stage a chargeback reached, from its age and whether it is settled.
fn chargeback_stage<R: Rng>(rng: &mut R, age: Duration, settled: bool) -> (ChargebackStage, Option<CaseOutcome>) {
    if settled {
        return match rng.random_range(0..10) {
            0..=4 => (ChargebackStage::Won, Some(CaseOutcome::RepresentedWon)),
            5..=7 => (ChargebackStage::Lost, Some(CaseOutcome::RepresentedLost)),
            _ => (ChargebackStage::FirstChargeback, Some(CaseOutcome::Refunded)),
        };
    }
    let stage = if age < Duration::days(10) {
        ChargebackStage::FirstChargeback
    } else if age < Duration::days(30) {
        ChargebackStage::Representment
    } else if age < Duration::days(60) {
        ChargebackStage::PreArbitration
    } else {
        ChargebackStage::Arbitration
    };
    (stage, None)
}

#[allow(clippy::too_many_arguments)]
pub fn make_ticket<R: Rng>(
    rng: &mut R,
    ids: &mut Ids,
    id: i64,
    created_at: DateTime<Utc>,
    customer: &Customer,
    scenario: &Scenario,
    script: &Script,
    world: &World<'_>,
) -> Bundle {
    let now = world.now;
    let facts = Facts::roll(rng, id, customer, created_at);
    let (mut status, shown) = pick_status(rng, now - created_at, script.turns);
    let team = world.team_agents(scenario.queue);
    let assignee =
        if status == TicketStatus::New { None } else { team.choose(rng).copied().or_else(|| world.agents.first()) };
    let agent_first = assignee.map_or("Sam", |a| a.name.split_whitespace().next().unwrap_or("Sam"));
    let small_talk = fillers(script.lang);
    let vip = customer.vip_tier.is_vip();

    // The turns that happened: the script so far, plus the usual small talk.
    let mut turns: Vec<(Who, String)> =
        script.turns.iter().take(shown).map(|t| (t.who, facts.fill(t.text, agent_first))).collect();
    // Real threads wander: the customer chases, we ask for patience, sometimes twice.
    if turns.len() >= 3 && rng.random_bool(0.7) {
        turns.insert(2, (Who::Agent, facts.fill(small_talk.holding, agent_first)));
        turns.insert(2, (Who::Customer, facts.fill(small_talk.followup, agent_first)));
        if turns.len() >= 6 && rng.random_bool(0.4) {
            turns.insert(4, (Who::Agent, facts.fill(small_talk.holding, agent_first)));
            turns.insert(4, (Who::Customer, facts.fill(small_talk.followup, agent_first)));
        }
    }
    if matches!(status, TicketStatus::Solved | TicketStatus::Closed) && rng.random_bool(0.6) {
        turns.push((Who::Customer, facts.fill(small_talk.thanks, agent_first)));
        turns.push((Who::Agent, facts.fill(small_talk.closing, agent_first)));
    }
    if status == TicketStatus::Open && turns.len() > 1 && rng.random_bool(0.25) {
        turns.push((Who::Customer, facts.fill(small_talk.followup, agent_first)));
    }
    if scenario.channel == Channel::Email && turns.first().is_some_and(|t| t.0 == Who::Customer) {
        turns.insert(
            1,
            (Who::System, format!("Automatic reply sent: request #{id} received; we answer within 4 hours.")),
        );
    }
    if scenario.channel == Channel::Chat {
        let how = ["the mobile app", "the web widget", "the help centre"].choose(rng).expect("sources");
        turns.insert(0, (Who::System, format!("Chat started from {how}.")));
        if matches!(status, TicketStatus::Solved | TicketStatus::Closed) {
            let rating = rng.random_range(3..=5);
            turns.push((Who::System, format!("Chat ended. The customer rated it {rating}/5.")));
        }
    }

    let step = |rng: &mut R| match scenario.channel {
        Channel::Chat => Duration::seconds(rng.random_range(15..180)),
        Channel::Email => Duration::minutes(rng.random_range(20..1_200)),
    };
    let mut sla = arbiter_policy::sla::opened(&world.policy.sla, scenario.channel, vip, created_at);
    let mut at = created_at;
    let mut messages = Vec::with_capacity(turns.len());
    let mut seen_customer = false;
    for (who, text) in turns {
        if !messages.is_empty() {
            at += step(rng);
        }
        if at >= now {
            break;
        }
        let message_id = take(&mut ids.message);
        let (author_kind, author_agent_id, author_name) = match who {
            Who::Customer => {
                if seen_customer {
                    sla = arbiter_policy::sla::customer_wrote(&world.policy.sla, &sla, scenario.channel, vip, at);
                }
                seen_customer = true;
                (AuthorKind::Customer, None, customer.name.clone())
            }
            Who::Agent => {
                sla = arbiter_policy::sla::agent_replied(&sla, at);
                let agent = assignee.or_else(|| team.first().copied()).unwrap_or(&world.agents[0]);
                (AuthorKind::Agent, Some(agent.id), agent.name.clone())
            }
            Who::System => (AuthorKind::System, None, "Arbiter".to_owned()),
        };
        let email = scenario.channel == Channel::Email && who != Who::System;
        let envelope = email.then(|| EmailEnvelope {
            from: if who == Who::Customer { customer.email.clone() } else { format!("support+{id}@arbiter.example") },
            to: vec![if who == Who::Customer { "support@arbiter.example".to_owned() } else { customer.email.clone() }],
            cc: Vec::new(),
            message_id: format!(
                "<{id}.{message_id}@{}>",
                if who == Who::Customer { "mail.example" } else { "arbiter.example" }
            ),
        });
        let html = email.then(|| {
            let body = text_to_email_html(&text);
            match rng.random_range(0..4) {
                0 if who == Who::Customer => {
                    format!("<html><body>{body}<br><div style=\"color:#888\">Sent from my iPhone</div></body></html>")
                }
                1 => format!("<html><head><style>p{{margin:0 0 8px}}</style></head><body>{body}</body></html>"),
                _ => body,
            }
        });
        let attachments = if who == Who::Customer { maybe_attachments(rng, &text) } else { Vec::new() };
        messages.push(Message {
            id: message_id,
            ticket_id: id,
            author_kind,
            author_agent_id,
            author_name,
            text,
            html,
            email: envelope,
            attachments,
            mail_warnings: Vec::new(),
            delivery: None,
            created_at: at,
            client_ref: None,
        });
    }
    // A conversation cut short by `now` takes its status from who spoke last.
    let spoken: Vec<&Message> = messages.iter().filter(|m| m.author_kind != AuthorKind::System).collect();
    if spoken.len() < script.turns.len().min(shown) {
        status = match spoken.last().map(|m| m.author_kind) {
            Some(AuthorKind::Agent) => TicketStatus::Pending,
            _ if spoken.len() <= 1 => TicketStatus::New,
            _ => TicketStatus::Open,
        };
    }
    let updated_at = messages.last().map_or(created_at, |m| m.created_at);
    let solved = matches!(status, TicketStatus::Solved | TicketStatus::Closed);
    let mut priority = match scenario.priority {
        super::corpus::Priority::Low => Priority::Low,
        super::corpus::Priority::Normal => Priority::Normal,
        super::corpus::Priority::High => Priority::High,
        super::corpus::Priority::Urgent => Priority::Urgent,
    };
    if vip && priority < Priority::High {
        priority = Priority::High;
    } else if rng.random_bool(0.1) && priority < Priority::Urgent {
        priority = if priority == Priority::Low { Priority::Normal } else { Priority::Urgent };
    }
    let mut tags: Vec<String> = scenario.tags.iter().map(|t| t.to_string()).collect();
    if customer.language != script.lang {
        tags.push(format!("customer-lang-{}", customer.language));
    }
    if vip {
        tags.push("vip".into());
    }
    let mut ticket = Ticket {
        id,
        channel: scenario.channel,
        kind: scenario.kind,
        subject: facts.fill(script.subject, agent_first),
        status,
        priority,
        queue: scenario.queue.to_owned(),
        assignee_id: if status == TicketStatus::New { None } else { assignee.map(|a| a.id) },
        customer_id: customer.id,
        language: script.lang.to_owned(),
        tags,
        sla,
        escalation_level: EscalationLevel::L0,
        case_id: None,
        topic: None,
        routed: None,
        csat: if solved { demo_rating(id, assignee.map(|a| a.id), updated_at) } else { None },
        created_at,
        updated_at,
        solved_at: solved.then_some(updated_at),
        version: 1 + messages.len() as i64,
    };

    // Internal notes by whoever works the ticket.
    let mut notes = Vec::new();
    if let Some(agent) = assignee.filter(|_| ticket.status != TicketStatus::New && rng.random_bool(0.25)) {
        for _ in 0..rng.random_range(1..=2) {
            let when = (created_at + Duration::minutes(rng.random_range(2..600))).min(updated_at);
            notes.push(Note {
                id: take(&mut ids.note),
                ticket_id: id,
                author_agent_id: agent.id,
                author_name: agent.name.clone(),
                text: NOTE_TEMPLATES.choose(rng).expect("notes").to_string(),
                created_at: when,
                client_ref: None,
                attachments: Vec::new(),
            });
        }
    }

    // On-hold tickets wait on an internal team.
    let mut sides = Vec::new();
    let mut side_messages = Vec::new();
    if let Some(agent) = assignee.filter(|_| ticket.status == TicketStatus::OnHold || (solved && rng.random_bool(0.05)))
    {
        let (subject, ask, answer) = side_texts(scenario.kind, id);
        let team = side_team(scenario.kind);
        let opened = (created_at + Duration::minutes(rng.random_range(5..120))).min(updated_at);
        let answered = ticket.status != TicketStatus::OnHold || rng.random_bool(0.4);
        let side = SideConversation {
            id: take(&mut ids.side),
            ticket_id: id,
            team: team.into(),
            subject: subject.into(),
            status: if solved { SideConversationStatus::Closed } else { SideConversationStatus::Open },
            created_by: agent.id,
            created_at: opened,
            updated_at: opened,
            version: 1,
            email_to: None,
        };
        side_messages.push(SideMessage {
            id: take(&mut ids.side_message),
            side_conversation_id: side.id,
            ticket_id: id,
            author_agent_id: Some(agent.id),
            author_name: agent.name.clone(),
            text: ask,
            created_at: opened,
            client_ref: None,
            attachments: Vec::new(),
            delivery: None,
        });
        if answered {
            let when = (opened + Duration::minutes(rng.random_range(10..300))).min(now - Duration::minutes(1));
            side_messages.push(SideMessage {
                id: take(&mut ids.side_message),
                side_conversation_id: side.id,
                ticket_id: id,
                author_agent_id: None,
                author_name: format!("{} team", team),
                text: answer,
                created_at: when,
                client_ref: None,
                attachments: Vec::new(),
                delivery: None,
            });
        }
        sides.push(side);
    }

    // The case behind disputes, chargebacks and fraud claims.
    let case_kind = match scenario.kind {
        TicketKind::CardChargeback => Some(CaseKind::Chargeback),
        TicketKind::FraudClaim if rng.random_bool(0.6) => Some(CaseKind::FraudClaim),
        TicketKind::TradeDispute | TicketKind::P2pDispute if rng.random_bool(0.4) => Some(CaseKind::Dispute),
        _ => None,
    };
    let mut case_events = Vec::new();
    let mut document = None;
    let case = case_kind.filter(|_| ticket.status != TicketStatus::New).map(|kind| {
        let case_id = take(&mut ids.case);
        let currency = facts.currency;
        let amount_usd_cents = (facts.amount_usd * 100.0).round() as i64;
        let amount_minor = money::from_usd_cents(amount_usd_cents, currency);
        let owner = assignee.unwrap_or(&world.agents[0]);
        let age = now - created_at;
        let (card, outcome) = if kind == CaseKind::Chargeback {
            let network = if facts.card_network == "Visa" { CardNetwork::Visa } else { CardNetwork::Mastercard };
            let (stage, outcome) = chargeback_stage(rng, age, solved);
            (
                Some(CardDispute {
                    network,
                    reason_code: facts.reason_code.to_owned(),
                    stage,
                    card_last4: facts.card_last4.clone(),
                    transaction_date: facts.transaction_date,
                    filed_at: created_at - Duration::hours(rng.random_range(1..48)),
                    stage_began_at: None,
                    arn: None,
                    payment_event_id: None,
                }),
                outcome,
            )
        } else if solved {
            let outcome = match (kind, rng.random_range(0..3)) {
                (CaseKind::FraudClaim, 0) => CaseOutcome::FalsePositive,
                (CaseKind::FraudClaim, _) => CaseOutcome::ConfirmedFraud,
                (_, 0) => CaseOutcome::ResolvedInFavourOfCustomer,
                _ => CaseOutcome::ResolvedInFavourOfExchange,
            };
            (None, Some(outcome))
        } else {
            (None, None)
        };
        let decision = card.as_ref().map(|c| {
            if outcome == Some(CaseOutcome::Refunded) || (c.stage == ChargebackStage::FirstChargeback && rng.random_bool(0.3)) {
                CaseDecision::Accept
            } else {
                CaseDecision::Represent
            }
        });
        let (recovered, lost) = match outcome {
            Some(CaseOutcome::RepresentedWon) | Some(CaseOutcome::ResolvedInFavourOfExchange) | Some(CaseOutcome::FalsePositive) => {
                (amount_usd_cents, 0)
            }
            Some(CaseOutcome::RepresentedLost) | Some(CaseOutcome::Refunded) | Some(CaseOutcome::ConfirmedFraud)
            | Some(CaseOutcome::ResolvedInFavourOfCustomer) => (0, amount_usd_cents),
            None => (0, 0),
        };
        let mut evidence = Vec::new();
        if let Some(first) = messages.iter().find(|m| m.author_kind == AuthorKind::Customer) {
            evidence.push(Evidence {
                id: 1,
                kind: EvidenceKind::Message,
                title: "Customer's account of events".into(),
                description: first.text.chars().take(400).collect(),
                reference_id: Some(first.id),
                checklist: Vec::new(),
                added_by: owner.id,
                added_at: first.created_at + Duration::minutes(10),
            });
        }
        if kind == CaseKind::Chargeback {
            evidence.push(Evidence {
                id: evidence.len() as i64 + 1,
                kind: EvidenceKind::File,
                title: "3-D Secure authentication result".into(),
                description: "Frictionless authentication approved by the issuer at the time of purchase.".into(),
                reference_id: None,
                checklist: Vec::new(),
                added_by: owner.id,
                added_at: created_at + Duration::hours(2),
            });
        }
        let status = if solved {
            CaseStatus::Closed
        } else if ticket.status == TicketStatus::Pending {
            CaseStatus::AwaitingCustomer
        } else if card.is_some() && decision == Some(CaseDecision::Represent) {
            CaseStatus::AwaitingNetwork
        } else {
            CaseStatus::Investigating
        };
        let stage_began = card.as_ref().map_or(created_at, |c| c.filed_at + (age / 2).min(Duration::days(20)));
        let mut case = Case {
            id: case_id,
            kind,
            customer_id: customer.id,
            ticket_ids: vec![id],
            status,
            amount_minor,
            currency: currency.into(),
            amount_usd_cents,
            card,
            due_at: None,
            decision,
            outcome,
            recovered_usd_cents: recovered,
            lost_usd_cents: lost,
            evidence,
            assignee_id: Some(owner.id),
            queue: scenario.queue.into(),
            summary: format!("{} — {}", facts.fill(script.subject, agent_first), customer.account_id),
            created_at: created_at + Duration::minutes(5),
            updated_at,
            closed_at: solved.then_some(updated_at),
            version: 1,
        };
        case.due_at = crate::domain::cases::due_at(&case, stage_began, world.policy);
        // The evidence answers the reason code's checklist where it can (no random draws here).
        if let Some(card) = case.card.as_mut() {
            card.stage_began_at = Some(stage_began);
            // Visa's allocation flow has no representment: contested, it is pre-arbitration.
            let flow = arbiter_policy::chargeback::flow(card.network, &card.reason_code);
            if flow == arbiter_policy::chargeback::DisputeFlow::Allocation && card.stage == ChargebackStage::Representment {
                card.stage = ChargebackStage::PreArbitration;
            }
            let wanted = arbiter_policy::chargeback::reason_code(card.network, &card.reason_code)
                .map(|r| r.checklist.iter().map(|i| i.key).collect::<Vec<_>>())
                .unwrap_or_default();
            for item in &mut case.evidence {
                let key = if item.kind == EvidenceKind::Message { "customer_communication" } else { "three_ds" };
                if wanted.contains(&key) {
                    item.checklist.push(key.to_owned());
                }
            }
        }
        let mut event = |action: &str, at: DateTime<Utc>, after: serde_json::Value| {
            case_events.push(CaseEvent {
                id: take(&mut ids.case_event),
                case_id,
                actor_id: Some(owner.id),
                actor_name: owner.name.clone(),
                action: action.into(),
                before: None,
                after: Some(after),
                at,
            });
        };
        event("created", case.created_at, serde_json::json!({"kind": kind, "amount_usd_cents": amount_usd_cents}));
        for e in &case.evidence {
            event("evidence_added", e.added_at, serde_json::json!({"title": e.title}));
        }
        if let Some(decision) = case.decision {
            event("decided", created_at + Duration::hours(6), serde_json::json!({"decision": decision}));
        }
        if let Some(outcome) = case.outcome {
            event("outcome_recorded", updated_at, serde_json::json!({"outcome": outcome}));
            if rng.random_bool(0.3) {
                let body = format!(
                    "# Investigation report — case {case_id}\n\nCustomer: {} ({})\nOutcome: {outcome:?}\nAmount: {:.2} USD\n\n## Summary\n{}\n",
                    customer.name,
                    customer.account_id,
                    amount_usd_cents as f64 / 100.0,
                    case.summary
                );
                let sha256 = {
                    use sha2::{Digest, Sha256};
                    hex::encode(Sha256::digest(body.as_bytes()))
                };
                document = Some((
                    Document {
                        id: take(&mut ids.document),
                        case_id: Some(case_id),
                        name: format!("case-{case_id}-investigation-report.md"),
                        content_type: "text/markdown".into(),
                        size_bytes: body.len() as i64,
                        sha256,
                        uploaded_by: owner.id,
                        uploaded_at: updated_at,
                    },
                    body.into_bytes(),
                ));
            }
        }
        case.version = 1 + case_events.len() as i64;
        case
    });
    ticket.case_id = case.as_ref().map(|c| c.id);

    // What the escalation matrix raises.
    let mut escalations = Vec::new();
    let mut raise =
        |level: EscalationLevel, reason: EscalationReason, detail: String, team: &str, at: DateTime<Utc>| {
            let acknowledged = solved || (now - at > Duration::hours(4) && rng.random_bool(0.7));
            let taker = world.lead_of(team).or(assignee);
            escalations.push(Escalation {
                id: take(&mut ids.escalation),
                ticket_id: Some(id),
                case_id: ticket.case_id,
                customer_id: Some(customer.id),
                level,
                reason,
                detail,
                target_team: team.into(),
                target_agent_id: None,
                status: if solved {
                    EscalationStatus::Resolved
                } else if acknowledged {
                    EscalationStatus::Acknowledged
                } else {
                    EscalationStatus::Open
                },
                raised_by: None,
                acknowledged_by: if acknowledged { taker.map(|a| a.id) } else { None },
                acknowledged_at: acknowledged.then_some(at + Duration::minutes(rng.random_range(2..90))),
                created_at: at,
                updated_at: at,
                version: if acknowledged { 2 } else { 1 },
            });
        };
    let queue = scenario.queue;
    if vip {
        raise(
            EscalationLevel::L1,
            EscalationReason::VipCustomer,
            format!("{:?} tier customer", customer.vip_tier),
            queue,
            created_at,
        );
    }
    if let Some(case) = &case {
        let usd = case.amount_usd_cents / 100;
        if usd >= 100_000 {
            raise(
                EscalationLevel::L2,
                EscalationReason::HighValueDispute,
                format!("{usd} USD in dispute ≥ 100,000 USD"),
                queue,
                case.created_at,
            );
        } else if usd >= 10_000 {
            raise(
                EscalationLevel::L1,
                EscalationReason::HighValueDispute,
                format!("{usd} USD in dispute ≥ 10,000 USD"),
                queue,
                case.created_at,
            );
        }
        if let (Some(due), None) = (case.due_at, case.decision) {
            if case.card.is_some() && due - now < Duration::hours(48) {
                raise(
                    EscalationLevel::L2,
                    EscalationReason::ChargebackDeadline,
                    format!("network response due {due}"),
                    queue,
                    now - Duration::minutes(30),
                );
            }
        }
    }
    if let Some((word, message)) = messages
        .iter()
        .filter(|m| m.author_kind == AuthorKind::Customer)
        .find_map(|m| sensitive_word(&world.policy.escalation, &ticket.language, &m.text).map(|w| (w, m)))
    {
        raise(
            EscalationLevel::L2,
            EscalationReason::SensitiveLanguage,
            format!("the customer wrote \u{201c}{word}\u{201d}"),
            "compliance",
            message.created_at,
        );
    }
    if ticket.status.is_active() {
        if let Some(due) = arbiter_policy::sla::running_due(&ticket.sla).filter(|due| *due < now) {
            let target = ticket.sla.first_response_due_at.map_or(Duration::hours(1), |d| d - created_at);
            if now - due > target * 2 {
                raise(
                    EscalationLevel::L2,
                    EscalationReason::SlaBreachProlonged,
                    format!("response overdue since {due}"),
                    queue,
                    due + target * 2,
                );
            } else {
                raise(EscalationLevel::L1, EscalationReason::SlaBreach, format!("response due {due}"), queue, due);
            }
        }
    }
    ticket.escalation_level = escalations.iter().map(|e| e.level).max().unwrap_or_default();
    Bundle { ticket, messages, notes, sides, side_messages, case, case_events, escalations, document }
}

/// About a third of solved demo conversations were rated when they were solved, mostly well
/// (chosen by the ticket's id, so the demo's random sequence is unchanged).
fn demo_rating(id: TicketId, agent_id: Option<AgentId>, solved_at: DateTime<Utc>) -> Option<Csat> {
    let bits = (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17);
    if bits % 100 >= 35 {
        return None;
    }
    let score = match (bits >> 8) % 100 {
        0..48 => 5,
        48..73 => 4,
        73..83 => 3,
        83..91 => 2,
        _ => 1,
    };
    Some(Csat { score, comment: None, rated_at: solved_at, agent_id })
}
