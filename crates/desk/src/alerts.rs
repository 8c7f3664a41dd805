//! Desktop alerts: which live events concern the agent (an escalation on their ticket or
//! aimed at them, a ticket assigned to them by someone else; for a supervisor, escalations
//! aimed at the teams they lead) and what the notification says — title, level, reason,
//! customer, time left. Repeats of one event collapse (an escalation alerts once; a ticket
//! has one notification, replaced by its newest alert). Do-not-disturb holds everything
//! below L2. The shell shows them (notify-rust) and brings the window to the ticket.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use arbiter_cache::Cache;
use arbiter_contract::{
    Agent, AgentRole, Escalation, EscalationLevel, EscalationStatus, Handover, Offer, OfferStatus, StreamEvent,
    StreamPayload, Ticket,
};
use chrono::{DateTime, Utc};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use arbiter_text::Msg;

use crate::events::{Alert, DeskEvents};
use crate::messages::{self, alerts as text};

/// Whether `escalation` is the agent's to know about at once.
/// `assignee` is the escalated ticket's assignee, if any.
pub fn concerns(me: &Agent, escalation: &Escalation, assignee: Option<i64>) -> bool {
    if escalation.status != EscalationStatus::Open {
        return false;
    }
    let mine = escalation.target_agent_id == Some(me.id) || assignee == Some(me.id);
    let my_team = me.role == AgentRole::Supervisor
        && (me.teams.contains(&escalation.target_team) || me.team == escalation.target_team);
    mine || my_team
}

fn level_name(level: EscalationLevel) -> &'static str {
    match level {
        EscalationLevel::L0 => "L0",
        EscalationLevel::L1 => "L1",
        EscalationLevel::L2 => "L2",
        EscalationLevel::L3 => "L3",
    }
}

/// "due in 12 min" / "23 min over", from the ticket's soonest running clock.
fn time_left(ticket: &Ticket, now: DateTime<Utc>) -> Option<Msg> {
    let due = arbiter_policy::sla::soonest_due(&ticket.sla)?;
    Some(if due >= now {
        Msg::new(&text::DUE_IN).msg("span", messages::span(due - now))
    } else {
        Msg::new(&text::OVER).msg("span", messages::span(now - due))
    })
}

/// "a · b · c": the parts of a line, in order.
fn joined(parts: Vec<Msg>) -> Option<Msg> {
    parts.into_iter().reduce(|first, second| Msg::new(&text::PARTS).msg("first", first).msg("second", second))
}

fn alert(
    key: String,
    title: Msg,
    body: Msg,
    ticket_id: Option<i64>,
    escalation_id: Option<i64>,
    urgent: bool,
) -> Alert {
    Alert {
        key,
        title: title.english(),
        body: body.english(),
        title_text: title,
        body_text: body,
        ticket_id,
        escalation_id,
        urgent,
    }
}

/// The notification for an escalation.
pub fn escalation_alert(
    escalation: &Escalation,
    ticket: Option<&Ticket>,
    customer_name: Option<&str>,
    now: DateTime<Utc>,
) -> Alert {
    let place = match (escalation.ticket_id, ticket) {
        (Some(id), Some(t)) => Msg::new(&text::PLACE_TICKET).int("id", id).text("subject", t.subject.as_str()),
        (Some(id), None) => Msg::new(&text::PLACE_TICKET_ID).int("id", id),
        _ => escalation.case_id.map_or_else(
            || Msg::new(&text::PLACE_TICKET_ID).text("id", ""),
            |c| Msg::new(&text::PLACE_CASE).int("id", c),
        ),
    };
    let title = Msg::new(&text::ESCALATION_TITLE).text("level", level_name(escalation.level)).msg("place", place);
    let reason = Msg::new(&text::REASON_LINE)
        .msg("reason", messages::reason(escalation.reason))
        .text("detail", escalation.detail.as_str());
    let who: Vec<Msg> =
        [customer_name.map(|name| Msg::new(&text::NAME).text("name", name)), ticket.and_then(|t| time_left(t, now))]
            .into_iter()
            .flatten()
            .collect();
    let body = match joined(who) {
        Some(who) => Msg::new(&text::LINES).msg("first", reason).msg("second", who),
        None => reason,
    };
    alert(
        escalation.ticket_id.map_or_else(|| format!("escalation-{}", escalation.id), |t| format!("ticket-{t}")),
        title,
        body,
        escalation.ticket_id,
        Some(escalation.id),
        escalation.level >= EscalationLevel::L2,
    )
}

/// The notification for a ticket someone else assigned to the agent.
pub fn assignment_alert(ticket: &Ticket, customer_name: Option<&str>, now: DateTime<Utc>) -> Alert {
    let customer =
        customer_name.map_or_else(|| Msg::new(&text::A_CUSTOMER), |name| Msg::new(&text::NAME).text("name", name));
    let body = joined([Some(customer), time_left(ticket, now)].into_iter().flatten().collect()).expect("a customer");
    let title = Msg::new(&text::ASSIGNED_TITLE).int("id", ticket.id).text("subject", ticket.subject.as_str());
    alert(format!("ticket-{}", ticket.id), title, body, Some(ticket.id), None, false)
}

/// The notification for a live chat the router offers the agent (urgent: the offer runs out
/// in seconds, so do-not-disturb does not hold it).
pub fn offer_alert(offer: &Offer, ticket: &Ticket, customer_name: Option<&str>, now: DateTime<Utc>) -> Alert {
    let customer = customer_name.unwrap_or("?");
    let title = Msg::new(&text::OFFER_TITLE).text("customer", customer);
    let seconds = (offer.expires_at - now).num_seconds().max(0);
    let body = Msg::new(&text::OFFER_BODY)
        .text("subject", ticket.subject.as_str())
        .text("language", ticket.language.as_str())
        .int("seconds", seconds);
    alert(format!("offer-{}", offer.id), title, body, Some(ticket.id), None, true)
}

/// The notification for a shift handover waiting for the next shift's lead.
pub fn handover_alert(handover: &Handover) -> Alert {
    let first_line = handover.summary.lines().next().unwrap_or_default();
    let mut words: String = first_line.chars().take(140).collect();
    if words.chars().count() < first_line.chars().count() {
        words.push('…');
    }
    let title = Msg::new(&text::HANDOVER_TITLE).text("team", handover.team.as_str());
    let body = Msg::new(&text::HANDOVER_BODY).text("author", handover.author_name.as_str()).text("words", words);
    alert(format!("handover-{}", handover.id), title, body, None, None, false)
}

/// A request waits for this agent's approval (four-eyes): urgent, because money may be
/// leaving while it waits.
pub fn approval_alert(
    request: &arbiter_contract::ActionRequest,
    customer: Option<&str>,
    requester: Option<&str>,
) -> Alert {
    let action = arbiter_contract::codec::wire_name(&request.action.kind()).replace('_', " ");
    let title = Msg::new(&text::APPROVAL_TITLE).text("action", action);
    let customer = customer.map_or_else(|| format!("customer {}", request.customer_id), str::to_owned);
    let body = Msg::new(&text::APPROVAL_BODY)
        .text("requester", requester.unwrap_or("A colleague"))
        .text("customer", customer)
        .text("reason", request.reason.as_str());
    alert(format!("approval-{}", request.id), title, body, None, None, true)
}

/// A new pre-dispute alert for one of the agent's teams: its clock runs in hours. A
/// confirmed fraud is urgent (the crypto may still leave): it comes through do-not-disturb.
pub fn dispute_alert_alert(
    alert_in: &arbiter_contract::DisputeAlert,
    customer: Option<&str>,
    now: DateTime<Utc>,
) -> Alert {
    let amount = format!("{:.2} USD", alert_in.usd_cents as f64 / 100.0);
    let title = Msg::new(&text::DISPUTE_ALERT_TITLE).text("card", alert_in.card_last4.as_str()).text("amount", amount);
    let who = customer.map_or_else(|| Msg::new(&text::A_CUSTOMER), |name| Msg::new(&text::NAME).text("name", name));
    let body = Msg::new(&text::DISPUTE_ALERT_BODY)
        .msg("customer", who)
        .text("reason", alert_in.issuer_reason.as_str())
        .msg("span", messages::span(alert_in.respond_by - now));
    let urgent = alert_in.kind == arbiter_contract::AlertKind::ConfirmedFraud;
    alert(format!("dispute-alert-{}", alert_in.id), title, body, None, None, urgent)
}

/// Whether a pre-dispute alert is news for the agent: open, new, for a team of theirs.
pub fn alert_concerns(me: &Agent, alert_in: &arbiter_contract::DisputeAlert) -> bool {
    alert_in.status == arbiter_contract::AlertStatus::Open
        && alert_in.answer.is_none()
        && (me.teams.contains(&alert_in.queue) || me.team == alert_in.queue)
}

/// Tells the shell how many open escalations concern the agent (the tray shows it).
async fn report_waiting(me: &Agent, cache: &Cache, events: &dyn DeskEvents) {
    match cache.open_escalations().await {
        Ok(open) => {
            let count = open.iter().filter(|(e, assignee)| concerns(me, e, *assignee)).count();
            events.waiting_escalations(count);
        }
        Err(error) => tracing::warn!(%error, "could not count the open escalations"),
    }
}

/// How long the agent's own action on a ticket keeps its assignment events quiet.
const OWN_ACTION_WINDOW: std::time::Duration = std::time::Duration::from_secs(600);

/// Turns live events into alerts, off the stream's path (it reads the cache).
pub struct AlertLoop {
    sender: mpsc::UnboundedSender<StreamEvent>,
    /// Tickets the agent just acted on (a reply assigns an unassigned ticket to whoever
    /// answered; "Take it" assigns it): their assignment events are not news to them.
    own: Arc<Mutex<HashMap<i64, Instant>>>,
    task: JoinHandle<()>,
}

impl AlertLoop {
    /// `do_not_disturb` is read for each alert, so the setting applies at once.
    pub fn spawn(
        me: Agent,
        cache: Cache,
        events: Arc<dyn DeskEvents>,
        do_not_disturb: impl Fn() -> bool + Send + 'static,
    ) -> Self {
        let (sender, mut receiver) = mpsc::unbounded_channel::<StreamEvent>();
        let own: Arc<Mutex<HashMap<i64, Instant>>> = Arc::default();
        let own_actions = own.clone();
        let task = tokio::spawn(async move {
            let mut seen: HashSet<i64> = HashSet::new();
            let mut seen_handovers: HashSet<i64> = HashSet::new();
            let mut seen_alerts: HashSet<i64> = HashSet::new();
            report_waiting(&me, &cache, events.as_ref()).await;
            while let Some(event) = receiver.recv().await {
                if matches!(event.payload, StreamPayload::Escalation { .. }) {
                    // Raised or taken: the count of what waits for the agent changed.
                    report_waiting(&me, &cache, events.as_ref()).await;
                }
                let alert = match &event.payload {
                    StreamPayload::Escalation { escalation } => {
                        if !seen.insert(escalation.id) {
                            continue;
                        }
                        let ticket = match escalation.ticket_id {
                            Some(id) => cache.ticket_view(id).await.ok().flatten(),
                            None => None,
                        };
                        if !concerns(&me, escalation, ticket.as_ref().and_then(|v| v.ticket.assignee_id)) {
                            continue;
                        }
                        let customer = ticket.as_ref().and_then(|v| v.customer.as_ref()).map(|c| c.name.clone());
                        escalation_alert(
                            escalation,
                            ticket.as_ref().map(|v| &v.ticket),
                            customer.as_deref(),
                            Utc::now(),
                        )
                    }
                    StreamPayload::Assignment { ticket } => {
                        // Only when someone else gave it to the agent.
                        let by_me = own_actions
                            .lock()
                            .expect("alerts lock")
                            .get(&ticket.id)
                            .is_some_and(|at| at.elapsed() < OWN_ACTION_WINDOW);
                        if ticket.assignee_id != Some(me.id) || by_me {
                            continue;
                        }
                        let view = cache.ticket_view(ticket.id).await.ok().flatten();
                        let customer = view.as_ref().and_then(|v| v.customer.as_ref()).map(|c| c.name.clone());
                        assignment_alert(ticket, customer.as_deref(), Utc::now())
                    }
                    StreamPayload::Offer { offer, ticket } => {
                        if offer.agent_id != me.id || offer.status != OfferStatus::Offered {
                            continue;
                        }
                        let customer = cache.ticket_view(ticket.id).await.ok().flatten().and_then(|v| v.customer);
                        offer_alert(offer, ticket, customer.as_ref().map(|c| c.name.as_str()), Utc::now())
                    }
                    StreamPayload::ActionRequest { request } => {
                        if request.status != arbiter_contract::RequestStatus::AwaitingApproval {
                            continue;
                        }
                        let Ok(Some(requester)) = cache.agent(request.requested_by).await else { continue };
                        if arbiter_policy::controls::may_answer(request, &me, &requester).is_err() {
                            continue;
                        }
                        let customer = cache.customer(request.customer_id).await.ok().flatten().map(|c| c.name);
                        approval_alert(request, customer.as_deref(), Some(requester.name.as_str()))
                    }
                    StreamPayload::DisputeAlert { alert: incoming } => {
                        if !alert_concerns(&me, incoming) || !seen_alerts.insert(incoming.id) {
                            continue;
                        }
                        let customer = match incoming.customer_id {
                            Some(id) => cache.customer(id).await.ok().flatten().map(|c| c.name),
                            None => None,
                        };
                        dispute_alert_alert(incoming, customer.as_deref(), Utc::now())
                    }
                    StreamPayload::Handover { handover } => {
                        // A new handover is news for the next shift, not for its author.
                        let new = handover.acknowledged_at.is_none() && seen_handovers.insert(handover.id);
                        if handover.author_id == me.id || !new {
                            continue;
                        }
                        handover_alert(handover)
                    }
                    _ => continue,
                };
                if do_not_disturb() && !alert.urgent {
                    tracing::debug!(key = %alert.key, "alert held by do-not-disturb");
                    continue;
                }
                events.alert(&alert);
            }
        });
        Self { sender, own, task }
    }

    /// Hands a live event over (only escalations, assignments, offers, approvals, handovers
    /// and pre-dispute alerts can alert).
    pub fn push(&self, event: &StreamEvent) {
        if matches!(
            event.payload,
            StreamPayload::Escalation { .. }
                | StreamPayload::Assignment { .. }
                | StreamPayload::Handover { .. }
                | StreamPayload::Offer { .. }
                | StreamPayload::ActionRequest { .. }
                | StreamPayload::DisputeAlert { .. }
        ) {
            let _ = self.sender.send(event.clone());
        }
    }

    /// The agent acted on this ticket: an assignment to them that follows is their own doing.
    pub fn acted_on(&self, ticket_id: i64) {
        let mut own = self.own.lock().expect("alerts lock");
        own.retain(|_, at| at.elapsed() < OWN_ACTION_WINDOW);
        own.insert(ticket_id, Instant::now());
    }
}

impl Drop for AlertLoop {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arbiter_contract::EscalationReason;

    fn agent(id: i64, role: AgentRole, teams: &[&str]) -> Agent {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": "A", "email": "a@x", "role": role, "team": teams[0],
            "teams": teams, "languages": ["en"], "presence": "online", "presence_since": "2026-11-24T08:00:00Z"
        }))
        .unwrap()
    }

    fn escalation(level: EscalationLevel, team: &str, target: Option<i64>) -> Escalation {
        Escalation {
            id: 7,
            ticket_id: Some(100),
            case_id: None,
            customer_id: Some(5),
            level,
            reason: EscalationReason::SensitiveLanguage,
            detail: "the customer wrote \u{201c}lawyer\u{201d}".into(),
            target_team: team.into(),
            target_agent_id: target,
            status: EscalationStatus::Open,
            raised_by: None,
            acknowledged_by: None,
            acknowledged_at: None,
            created_at: "2026-11-24T10:00:00Z".parse().unwrap(),
            updated_at: "2026-11-24T10:00:00Z".parse().unwrap(),
            version: 1,
        }
    }

    fn ticket(assignee: Option<i64>) -> Ticket {
        serde_json::from_value(serde_json::json!({
            "id": 100, "channel": "email", "kind": "card_chargeback", "subject": "Charged twice", "status": "open",
            "priority": "high", "queue": "disputes", "assignee_id": assignee, "customer_id": 5, "language": "en",
            "tags": [], "sla": { "first_response_due_at": "2026-11-24T10:12:00Z", "first_responded_at": null,
            "next_response_due_at": null, "resolution_due_at": "2026-11-27T10:00:00Z" },
            "escalation_level": "l2", "case_id": null, "created_at": "2026-11-24T09:00:00Z",
            "updated_at": "2026-11-24T10:00:00Z", "solved_at": null, "version": 3
        }))
        .unwrap()
    }

    #[test]
    fn who_is_concerned() {
        let ava = agent(1, AgentRole::Agent, &["disputes"]);
        let marcus = agent(2, AgentRole::Supervisor, &["disputes"]);
        let olga = agent(10, AgentRole::Supervisor, &["fraud"]);
        let e = escalation(EscalationLevel::L2, "disputes", None);
        // (who, ticket's assignee, expected)
        for (who, assignee, expected) in [
            (&ava, Some(1), true),    // her ticket
            (&ava, Some(3), false),   // a colleague's
            (&ava, None, false),      // unassigned: her lead hears of it
            (&marcus, Some(3), true), // his team's
            (&olga, Some(3), false),  // another team's
        ] {
            assert_eq!(concerns(who, &e, ticket(assignee).assignee_id), expected, "{} / {assignee:?}", who.id);
        }
        assert!(concerns(&ava, &escalation(EscalationLevel::L1, "compliance", Some(1)), None), "aimed at her");
        let mut acknowledged = escalation(EscalationLevel::L2, "disputes", Some(1));
        acknowledged.status = EscalationStatus::Acknowledged;
        assert!(!concerns(&ava, &acknowledged, None), "already taken");
    }

    #[test]
    fn the_notification_says_level_reason_customer_and_time_left() {
        let now = "2026-11-24T10:00:00Z".parse().unwrap();
        let alert = escalation_alert(
            &escalation(EscalationLevel::L2, "compliance", None),
            Some(&ticket(Some(1))),
            Some("Lucas Moreau"),
            now,
        );
        assert_eq!(alert.title, "L2 escalation · #100 Charged twice");
        assert_eq!(
            alert.body,
            "Legal or media language: the customer wrote \u{201c}lawyer\u{201d}\nLucas Moreau · due in 12 min"
        );
        assert_eq!((alert.key.as_str(), alert.ticket_id, alert.urgent), ("ticket-100", Some(100), true));
        let late = escalation_alert(
            &escalation(EscalationLevel::L1, "disputes", None),
            Some(&ticket(Some(1))),
            None,
            "2026-11-24T10:30:00Z".parse().unwrap(),
        );
        assert!(late.body.ends_with("18 min over") && !late.urgent, "{}", late.body);
        let assigned = assignment_alert(&ticket(Some(1)), Some("Lucas Moreau"), now);
        assert_eq!(assigned.title, "Assigned to you · #100 Charged twice");
        assert_eq!(assigned.key, "ticket-100", "one notification per ticket");
    }

    #[test]
    fn a_pre_dispute_alert_for_my_team_says_card_amount_and_time_to_answer() {
        let now: DateTime<Utc> = "2026-11-24T10:00:00Z".parse().unwrap();
        let ava = agent(1, AgentRole::Agent, &["disputes"]);
        let mut alert_in = arbiter_contract::DisputeAlert {
            id: 7,
            kind: arbiter_contract::AlertKind::CustomerDispute,
            programme: arbiter_contract::AlertProgramme::Ethoca,
            external_id: "ETH-1".into(),
            queue: "disputes".into(),
            customer_id: Some(3),
            payment_event_id: None,
            network: arbiter_contract::CardNetwork::Visa,
            card_last4: "4242".into(),
            arn: None,
            amount_minor: 25_000,
            currency: "USD".into(),
            usd_cents: 25_000,
            transaction_at: now,
            issuer_reason: "Cardholder does not recognise the transaction".into(),
            received_at: now,
            respond_by: now + chrono::Duration::hours(3),
            status: arbiter_contract::AlertStatus::Open,
            answer: None,
            version: 1,
        };
        assert!(alert_concerns(&ava, &alert_in));
        let shown = dispute_alert_alert(&alert_in, Some("Lucas Moreau"), now);
        assert_eq!(shown.title, "Pre-dispute alert · card 4242 · 250.00 USD");
        assert!(
            shown.body.starts_with("Lucas Moreau · Cardholder does not recognise the transaction · answer within 3"),
            "{}",
            shown.body
        );
        assert!(!shown.urgent && shown.key == "dispute-alert-7");
        alert_in.kind = arbiter_contract::AlertKind::ConfirmedFraud;
        assert!(dispute_alert_alert(&alert_in, None, now).urgent, "fraud comes through do-not-disturb");
        alert_in.queue = "fraud".into();
        assert!(!alert_concerns(&ava, &alert_in), "another team's");
        alert_in.queue = "disputes".into();
        alert_in.status = arbiter_contract::AlertStatus::Answered;
        assert!(!alert_concerns(&ava, &alert_in), "answered: no news");
    }
}
