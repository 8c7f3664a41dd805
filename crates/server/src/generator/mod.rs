//! Seeded demo data: staff and teams, customers with their activity (fraud patterns planted,
//! with ground truth), and tickets whose conversations read like real support at a crypto
//! exchange, with cases, escalations, notes, side conversations, macros and articles.
//! The same seed, ticket count and anchor time give the same database.

mod activity;
mod alerts;
mod bulk;
mod card_history;
mod conversations;
mod destinations;
pub use conversations::sensitive_word;
pub mod corpus;
mod facts;
mod fillers;
pub mod knowledge_corpus;
mod roster;
mod sample_files;

use std::collections::{BTreeMap, HashMap};

use arbiter_contract::*;
use chrono::{DateTime, Duration, Utc};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use crate::db::Db;
use crate::store::entities::insert_token;
use activity::{customer_activity, plan_customers, Plan};
pub use activity::{Decoy, GroundTruth, Planted};
use bulk::Bulk;
pub use card_history::{CardDisputeTruth, Shape as CardHistoryShape};
use conversations::{make_ticket, Ids, World};
use corpus::{Locale, Scenario, Script, LOCALES, SCENARIOS};
pub use destinations::KnownAddress;
pub use roster::{demo_token, SHIFT_LEADS, STAFF, TEAMS};

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
    pub activity_events: usize,
    pub dispute_alerts: usize,
    pub tickets: usize,
    pub messages: usize,
    pub cases: usize,
    pub escalations: usize,
    pub rows: usize,
    #[serde(skip)]
    pub ground_truth: GroundTruth,
}

/// First ticket number; real desks are years old, so numbers are not small.
pub const FIRST_TICKET_ID: i64 = 100_001;
/// Tickets are spread over this many days before `now`.
const HISTORY_DAYS: i64 = 90;

/// The demo agents and their tokens, in roster order.
pub fn demo_tokens() -> Vec<(&'static str, String)> {
    STAFF.iter().chain(SHIFT_LEADS).map(|s| (s.name, demo_token(s.name))).collect()
}

/// The other shift's leads: offline since their shift ended, no random draws (see SHIFT_LEADS).
fn shift_lead_agents(now: DateTime<Utc>) -> Vec<Agent> {
    SHIFT_LEADS
        .iter()
        .enumerate()
        .map(|(index, member)| Agent {
            id: (STAFF.len() + index) as i64 + 1,
            name: member.name.to_owned(),
            email: format!("{}@arbiter.example", demo_token(member.name).trim_start_matches("demo-")),
            role: member.role,
            team: member.team.to_owned(),
            teams: std::iter::once(member.team).chain(member.also_leads.iter().copied()).map(str::to_owned).collect(),
            languages: member.languages.iter().map(|l| l.to_string()).collect(),
            presence: Presence::Offline,
            presence_since: now - Duration::hours(8),
        })
        .collect()
}

pub async fn is_empty(db: &Db) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM agents").fetch_one(&db.pool).await?;
    Ok(count == 0)
}

fn staff_agents<R: Rng>(rng: &mut R, now: DateTime<Utc>) -> Vec<Agent> {
    STAFF
        .iter()
        .enumerate()
        .map(|(index, member)| {
            let mut teams = vec![member.team.to_owned()];
            teams.extend(member.also_leads.iter().map(|t| t.to_string()));
            let presence = match rng.random_range(0..20) {
                0..=11 => Presence::Online,
                12..=14 => Presence::Away,
                15..=16 => Presence::Busy,
                _ => Presence::Offline,
            };
            Agent {
                id: index as i64 + 1,
                name: member.name.to_owned(),
                email: format!("{}@arbiter.example", demo_token(member.name).trim_start_matches("demo-")),
                role: member.role,
                team: member.team.to_owned(),
                teams,
                languages: member.languages.iter().map(|l| l.to_string()).collect(),
                presence,
                presence_since: now - Duration::minutes(rng.random_range(1..240)),
            }
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
        // Two-word names ("Mark Anthony", "Van der Berg") lose their spaces: an address has none.
        let plain = |part: &str| part.to_lowercase().replace([' ', '\''], "");
        format!("{}{}{}", plain(first), sep, plain(last))
    } else {
        format!("user{}", rng.random_range(10_000..99_999))
    };
    let digits = rng.random_range(10..99);
    let domain = ["example.com", "example.net", "example.org", "mail.example"].choose(rng).expect("domains");
    let kyc_level = match rng.random_range(0..100) {
        0..=4 => KycLevel::None,
        5..=24 => KycLevel::Basic,
        25..=89 => KycLevel::Verified,
        _ => KycLevel::Enhanced,
    };
    let vip_tier = match rng.random_range(0..1000) {
        0..=2 => VipTier::Platinum,
        3..=9 => VipTier::Gold,
        10..=29 => VipTier::Silver,
        _ => VipTier::None,
    };
    // A few accounts are brand new: the rapid cash-out pattern needs them.
    let age_days = if rng.random_bool(0.03) { rng.random_range(3..12) } else { rng.random_range(14..2_000) };
    let created_at = now - Duration::days(age_days) - Duration::minutes(rng.random_range(0..1440));
    Customer {
        id,
        account_id: format!("UID {}", 10_000_000 + id * 7_919 % 89_999_999),
        legal_name: (kyc_level >= KycLevel::Basic).then(|| name.clone()),
        name,
        email: format!("{local_part}{digits}@{domain}"),
        kyc_level,
        vip_tier,
        language: locale.lang.to_owned(),
        country: locale.countries.choose(rng).expect("countries").to_string(),
        created_at,
        updated_at: created_at,
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

/// A script in the customer's language when the corpus has one; many customers of smaller
/// languages write in English, so the rest fall back to it.
fn pick_script<R: Rng>(rng: &mut R, index: &ScriptIndex, language: &str) -> (&'static Scenario, &'static Script) {
    let native = index.get(language).filter(|_| rng.random_bool(0.8));
    let pool = native.unwrap_or_else(|| &index["en"]);
    *pool.choose(rng).expect("scripts")
}

fn macros_and_articles(now: DateTime<Utc>) -> (Vec<Macro>, Vec<Article>) {
    let mut macros = Vec::new();
    for template in knowledge_corpus::MACROS {
        for text in template.translations {
            macros.push(Macro {
                id: macros.len() as i64 + 1,
                key: template.key.into(),
                language: text.lang.into(),
                title: text.title.into(),
                body: text.body.into(),
                kinds: template.kinds.to_vec(),
                set_status: template.set_status,
                add_tags: template.add_tags.iter().map(|t| t.to_string()).collect(),
                updated_at: now - Duration::days(30),
            });
        }
    }
    let mut articles = Vec::new();
    for template in knowledge_corpus::ARTICLES {
        for text in template.translations {
            articles.push(Article {
                id: articles.len() as i64 + 1,
                key: template.key.into(),
                language: text.lang.into(),
                title: text.title.into(),
                body: text.body.into(),
                tags: template.tags.iter().map(|t| t.to_string()).collect(),
                url: format!("https://help.arbiter.example/{}/articles/{}", text.lang, template.key),
                updated_at: now - Duration::days(45),
            });
        }
    }
    (macros, articles)
}

pub async fn generate(db: &Db, options: &GeneratorOptions) -> anyhow::Result<Summary> {
    let now = options.now;
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let mut summary = Summary::default();
    let mut tx = db.begin_write().await?;

    let agents = staff_agents(&mut rng, now);
    let policy = defaults::policy_set(now - Duration::days(180));
    let mut bulk = Bulk::new(&mut tx, db.backend);
    bulk.policy(&policy).await?;
    bulk.sample_files().await?;
    for (id, name, kind, description) in TEAMS {
        bulk.team(&Team {
            id: id.to_string(),
            name: name.to_string(),
            kind: *kind,
            description: description.to_string(),
        })
        .await?;
    }
    let shift_leads = shift_lead_agents(now);
    for agent in agents.iter().chain(&shift_leads) {
        bulk.agent(agent).await?;
    }
    summary.agents = agents.len() + shift_leads.len();
    let (macros, articles) = macros_and_articles(now);
    for item in &macros {
        bulk.macro_(item).await?;
    }
    for article in &articles {
        bulk.article(article).await?;
    }

    // Customers and what they did.
    let customer_count = (options.tickets as usize * 3 / 5).max(20);
    let customers: Vec<Customer> = (0..customer_count).map(|i| make_customer(&mut rng, i as i64 + 1, now)).collect();
    let plans = plan_customers(&mut rng, &customers, now);
    let mut truth = GroundTruth { seed: options.seed, now, customers: customers.len(), ..GroundTruth::default() };
    let mut next_event = 1_i64;
    // Where withdrawals go (rules 9 and 10, the Travel Rule) comes from a generator of its own,
    // so the data made before it was added stays the same for the same seed.
    let mut destinations_rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0xD357_1A71);
    let mut planted_destinations = destinations::Destinations::default();
    // What the chargebacks' card payments need to know of each customer's own activity.
    let mut profiles: HashMap<i64, card_history::Profile> = HashMap::new();
    // Recent card deposits, for the demo's pre-dispute alerts.
    let mut card_deposits: Vec<alerts::CardDeposit> = Vec::new();
    for customer in &customers {
        bulk.customer(customer).await?;
        let plan = plans.get(&customer.id).cloned().unwrap_or(Plan::Clean);
        let (mut events, planted, decoy) = customer_activity(&mut rng, customer, &plan, now, &mut next_event);
        if plan == Plan::Clean {
            let extra = destinations::plant(
                &mut destinations_rng,
                customer,
                &events,
                now,
                &mut next_event,
                &mut planted_destinations,
            );
            events.extend(extra);
        }
        profiles.insert(customer.id, card_history::Profile::of(&events, &plan));
        card_deposits.extend(alerts::recent_card_deposits(&events, now));
        for event in &events {
            bulk.activity(event).await?;
        }
        summary.activity_events += events.len();
        truth.planted.extend(planted);
        truth.decoys.extend(decoy);
    }
    truth.events = summary.activity_events;
    truth.planted.append(&mut planted_destinations.planted);
    truth.decoys.append(&mut planted_destinations.decoys);
    planted_destinations.known.extend(destinations::spare_addresses(&mut destinations_rng, now));
    for known in &planted_destinations.known {
        bulk.screened_address(&known.address, &known.network, &known.screening).await?;
    }
    truth.addresses = planted_destinations.known;
    summary.customers = customers.len();

    // Fraud claims and chargebacks come more often from the accounts they concern.
    let mut by_rule: BTreeMap<u8, Vec<&Customer>> = BTreeMap::new();
    for planted in &truth.planted {
        by_rule.entry(planted.rule).or_default().push(&customers[planted.customer_id as usize - 1]);
    }
    let world = World { agents: &agents, policy: &policy, now };
    let scripts = scenarios_by_language();
    let mut ids = Ids::default();
    // Chargebacks' card payments come from a generator of their own too.
    let mut card_rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0xCA4D_0C3E);
    let mut card_histories = card_history::CardHistories::default();
    let mut customers_by_queue: HashMap<String, std::collections::HashSet<i64>> = HashMap::new();
    let mut times: Vec<DateTime<Utc>> = (0..options.tickets).map(|_| ticket_time(&mut rng, now)).collect();
    times.sort();
    for (index, created_at) in times.into_iter().enumerate() {
        let mut customer = customers.choose(&mut rng).expect("customers");
        let (scenario, script) = pick_script(&mut rng, &scripts, &customer.language);
        let related: &[u8] = match scenario.kind {
            // Victims of address poisoning write in too ("my USDT went to the wrong address").
            TicketKind::FraudClaim => &[2, 3, 9],
            TicketKind::CardChargeback => &[1],
            TicketKind::P2pDispute => &[6],
            _ => &[],
        };
        if !related.is_empty() && rng.random_bool(0.3) {
            let rule = *related.choose(&mut rng).expect("rules");
            if let Some(candidate) = by_rule.get(&rule).and_then(|list| list.choose(&mut rng)) {
                customer = candidate;
            }
        }
        let created_at = created_at.max(customer.created_at + Duration::hours(1));
        let id = FIRST_TICKET_ID + index as i64;
        let mut bundle = make_ticket(&mut rng, &mut ids, id, created_at, customer, scenario, script, &world);
        customers_by_queue.entry(bundle.ticket.queue.clone()).or_default().insert(customer.id);
        if let Some(case) = bundle.case.as_mut().filter(|c| c.card.is_some()) {
            let profile = profiles.get(&customer.id).cloned().unwrap_or_default();
            let payments =
                card_history::plant(&mut card_rng, customer, &profile, case, &mut next_event, &mut card_histories);
            for event in &payments {
                bulk.activity(event).await?;
            }
        }
        let scope = crate::store::Scope::of_ticket(&bundle.ticket);
        bulk.ticket(&bundle.ticket).await?;
        for message in &bundle.messages {
            bulk.message(message, &scope).await?;
        }
        for note in &bundle.notes {
            bulk.note(note, &scope).await?;
        }
        for side in &bundle.sides {
            bulk.side_conversation(side, &scope).await?;
        }
        for message in &bundle.side_messages {
            bulk.side_message(message, &scope).await?;
        }
        if let Some(case) = &bundle.case {
            bulk.case(case).await?;
            let case_scope = crate::store::Scope::of_case(case);
            for event in &bundle.case_events {
                bulk.case_event(event, &case_scope).await?;
            }
            if let Some((document, content)) = &bundle.document {
                bulk.document(document, content, &case_scope).await?;
            }
            summary.cases += 1;
        }
        for escalation in &bundle.escalations {
            bulk.escalation(escalation, Some(&bundle.ticket)).await?;
        }
        summary.escalations += bundle.escalations.len();
        summary.tickets += 1;
        summary.messages += bundle.messages.len();
    }

    summary.activity_events += card_histories.events;
    // Pre-dispute alerts come from a generator of their own, and plant no activity.
    let mut alerts_rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0xA1E7_0D15);
    let alert_count = (options.tickets as usize / 100).clamp(12, 300);
    let demo_alerts =
        alerts::make(&mut alerts_rng, &card_deposits, &customers_by_queue, &agents, &policy.alerts, now, alert_count);
    for alert in &demo_alerts {
        bulk.dispute_alert(alert).await?;
    }
    summary.dispute_alerts = demo_alerts.len();
    truth.events = summary.activity_events;
    truth.planted.append(&mut card_histories.planted);
    truth.card_disputes = card_histories.truth;

    // Some of the planted accounts were already reported to compliance.
    let investigators: Vec<&Agent> = agents.iter().filter(|a| a.team == "fraud").collect();
    for (sar_id, planted) in (1..).zip(truth.planted.iter().filter(|p| matches!(p.rule, 2 | 3 | 8)).step_by(4)) {
        let investigator = investigators.choose(&mut rng).expect("fraud agents");
        let created = now - Duration::days(rng.random_range(0..10));
        let status = *[SarStatus::Draft, SarStatus::Submitted, SarStatus::Acknowledged].choose(&mut rng).expect("s");
        let sar = Sar {
            id: sar_id,
            subject_customer_id: planted.customer_id,
            linked_customer_ids: planted.linked_customer_ids.clone(),
            activity_event_ids: planted.event_ids.clone(),
            rules_fired: vec![i64::from(planted.rule)],
            risk_score: Some(rng.random_range(60.0..120.0_f64).round()),
            narrative: format!("Account shows {}. Reported for review.", planted.description),
            case_id: None,
            status,
            investigator_id: investigator.id,
            created_at: created,
            updated_at: created,
            submitted_at: (status != SarStatus::Draft).then_some(created + Duration::hours(2)),
            acknowledged_at: (status == SarStatus::Acknowledged).then_some(created + Duration::hours(20)),
            version: 1,
        };
        bulk.sar(&sar).await?;
    }

    summary.rows = bulk.finish().await?;
    for agent in agents.iter().chain(&shift_leads) {
        insert_token(&mut tx, agent.id, &demo_token(&agent.name), now.timestamp_millis()).await?;
    }
    tx.commit().await?;
    summary.ground_truth = truth;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(tickets: u32) -> GeneratorOptions {
        GeneratorOptions { seed: 7, tickets, now: "2026-11-20T12:00:00Z".parse().unwrap() }
    }

    async fn dump(db: &Db) -> Vec<(String, String)> {
        sqlx::query_as("SELECT entity_kind, payload FROM changes ORDER BY seq").fetch_all(&db.pool).await.unwrap()
    }

    #[tokio::test]
    async fn same_seed_gives_the_same_data() {
        let a = Db::connect("memory").await.unwrap();
        let b = Db::connect("memory").await.unwrap();
        let sa = generate(&a, &options(300)).await.unwrap();
        generate(&b, &options(300)).await.unwrap();
        assert_eq!(sa.tickets, 300);
        assert!(sa.messages > 1_500, "conversations have several turns: {sa:?}");
        assert_eq!(dump(&a).await, dump(&b).await);
    }

    #[tokio::test]
    async fn demo_alerts_cover_every_kind_and_state_on_real_card_deposits() {
        let db = Db::connect("memory").await.unwrap();
        let summary = generate(&db, &options(2_000)).await.unwrap();
        assert_eq!(summary.dispute_alerts, 20);
        let rows: Vec<String> =
            sqlx::query_scalar("SELECT data FROM dispute_alerts").fetch_all(&db.pool).await.unwrap();
        let alerts: Vec<DisputeAlert> = rows.iter().map(|r| serde_json::from_str(r).unwrap()).collect();
        let has = |f: &dyn Fn(&DisputeAlert) -> bool| alerts.iter().any(f);
        assert!(has(&|a| a.status == AlertStatus::Open), "some clocks run");
        assert!(has(&|a| a.status == AlertStatus::Expired), "some were missed");
        assert!(has(&|a| a.answer.as_ref().is_some_and(|x| x.answered_by.is_some())), "the team answered some");
        assert!(has(&|a| a.kind == AlertKind::ConfirmedFraud && a.queue == "fraud"));
        for alert in &alerts {
            let event: String = sqlx::query_scalar("SELECT data FROM activity_events WHERE id = $1")
                .bind(alert.payment_event_id.unwrap())
                .fetch_one(&db.pool)
                .await
                .unwrap();
            let event: ActivityEvent = serde_json::from_str(&event).unwrap();
            assert_eq!(Some(event.customer_id), alert.customer_id);
            assert!(event.at < alert.received_at && alert.received_at < options(1).now, "{alert:?}");
        }
    }

    #[test]
    fn every_customer_has_an_address_mail_can_reach() {
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        let now = "2026-11-20T12:00:00Z".parse().unwrap();
        for id in 0..5_000 {
            let email = make_customer(&mut rng, id, now).email;
            assert!(email.parse::<lettre::Address>().is_ok(), "{email:?}");
        }
    }
}
