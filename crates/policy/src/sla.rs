//! SLA clocks: when a ticket's first response, next response and resolution are due.
//! The desk is 24x7, so targets run on wall-clock time (UTC instants: the agent's or the
//! customer's time zone never changes a deadline). While a ticket is pending — waiting on
//! the customer — its clocks stand still, and its deadlines move by the time it waited.

use arbiter_contract::{Channel, ResponseTarget, SlaPolicy, Ticket, TicketSla, TicketStatus};
use chrono::{DateTime, Duration, Utc};

fn target(targets: &[ResponseTarget], channel: Channel, vip: bool) -> Option<Duration> {
    targets
        .iter()
        .find(|t| t.channel == channel && t.vip == vip)
        .or_else(|| targets.iter().find(|t| t.channel == channel))
        .map(|t| Duration::seconds(t.seconds))
}

/// The clocks of a ticket the customer just opened.
pub fn opened(policy: &SlaPolicy, channel: Channel, vip: bool, at: DateTime<Utc>) -> TicketSla {
    TicketSla {
        first_response_due_at: target(&policy.first_response, channel, vip).map(|d| at + d),
        first_responded_at: None,
        next_response_due_at: None,
        resolution_due_at: Some(at + Duration::seconds(policy.resolution_seconds)),
        paused_at: None,
    }
}

/// The ticket went pending (waiting on the customer): its clocks stop. Pausing twice keeps
/// the first moment.
pub fn pause(sla: &TicketSla, at: DateTime<Utc>) -> TicketSla {
    TicketSla { paused_at: sla.paused_at.or(Some(at)), ..sla.clone() }
}

/// The ticket left pending: every deadline still ahead of the pause moves by the time it
/// waited. (A deadline already missed before the pause stays missed.)
pub fn resume(sla: &TicketSla, at: DateTime<Utc>) -> TicketSla {
    let Some(paused) = sla.paused_at else { return sla.clone() };
    let waited = (at - paused).max(Duration::zero());
    let shift = |due: Option<DateTime<Utc>>| due.map(|d| if d > paused { d + waited } else { d });
    TicketSla {
        first_response_due_at: if sla.first_responded_at.is_none() {
            shift(sla.first_response_due_at)
        } else {
            sla.first_response_due_at
        },
        next_response_due_at: shift(sla.next_response_due_at),
        resolution_due_at: shift(sla.resolution_due_at),
        paused_at: None,
        ..sla.clone()
    }
}

/// The clocks after a status change: pending pauses them, leaving pending resumes them.
pub fn after_status_change(sla: &TicketSla, from: TicketStatus, to: TicketStatus, at: DateTime<Utc>) -> TicketSla {
    match (from == TicketStatus::Pending, to == TicketStatus::Pending) {
        (false, true) => pause(sla, at),
        (true, false) => resume(sla, at),
        _ => sla.clone(),
    }
}

/// Which clock a deadline belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClockKind {
    FirstResponse,
    NextResponse,
    Resolution,
}

/// Where a running clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClockState {
    Ok,
    /// Due within `AT_RISK_MINUTES` (as the "SLA at risk" view counts it).
    AtRisk,
    /// Past due.
    Breached,
    /// Past due by at least `factor` times its target from when it started (the matrix's
    /// "still breached after twice the target").
    Prolonged,
}

/// One running clock of a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub kind: ClockKind,
    pub due: DateTime<Utc>,
    /// How long the target is (due minus start).
    pub target: Duration,
    pub state: ClockState,
    /// From when it is at risk (`AT_RISK_MINUTES` before it is due).
    pub at_risk_from: DateTime<Utc>,
    /// From when a miss counts as prolonged (once also past due). With `due` and
    /// `at_risk_from`, a screen can move the state on by itself, as offline desks do.
    pub prolonged_from: DateTime<Utc>,
}

impl Clock {
    fn new(kind: ClockKind, due: DateTime<Utc>, target: Duration, now: DateTime<Utc>, prolonged_factor: f64) -> Self {
        let started = due - target;
        let prolonged_after = Duration::milliseconds((target.num_milliseconds() as f64 * prolonged_factor) as i64);
        let mut clock = Clock {
            kind,
            due,
            target,
            state: ClockState::Ok,
            at_risk_from: due - Duration::minutes(AT_RISK_MINUTES),
            prolonged_from: started + prolonged_after,
        };
        clock.state = clock.state_at(now);
        clock
    }

    /// Where the clock stands at `now`.
    pub fn state_at(&self, now: DateTime<Utc>) -> ClockState {
        if now >= self.prolonged_from && now > self.due {
            ClockState::Prolonged
        } else if now > self.due {
            ClockState::Breached
        } else if now >= self.at_risk_from {
            ClockState::AtRisk
        } else {
            ClockState::Ok
        }
    }
}

/// The matrix's factor for a prolonged breach ("still breached after twice the target"): the
/// prolonged-breach trigger's threshold, 2 when the matrix does not say.
pub fn prolonged_factor(matrix: &arbiter_contract::EscalationMatrix) -> f64 {
    matrix
        .triggers
        .iter()
        .find(|t| t.reason == arbiter_contract::EscalationReason::SlaBreachProlonged)
        .and_then(|t| t.threshold)
        .unwrap_or(2.0)
}

/// The ticket's running clocks at `now`, worst first. Solved, closed and pending tickets
/// have none (pending ones are paused). `prolonged_factor` is the matrix's threshold for
/// a prolonged breach (2.0: twice the target).
pub fn clocks(policy: &SlaPolicy, ticket: &Ticket, vip: bool, now: DateTime<Utc>, prolonged_factor: f64) -> Vec<Clock> {
    if !ticket.status.is_active() || ticket.status == TicketStatus::Pending || ticket.sla.paused_at.is_some() {
        return Vec::new();
    }
    let sla = &ticket.sla;
    let mut out = Vec::new();
    let response = if sla.first_responded_at.is_none() {
        sla.first_response_due_at
            .zip(target(&policy.first_response, ticket.channel, vip))
            .map(|(due, target)| (ClockKind::FirstResponse, due, target))
    } else {
        sla.next_response_due_at
            .zip(target(&policy.next_response, ticket.channel, vip))
            .map(|(due, target)| (ClockKind::NextResponse, due, target))
    };
    out.extend(response);
    if let Some(due) = sla.resolution_due_at {
        out.push((ClockKind::Resolution, due, Duration::seconds(policy.resolution_seconds)));
    }
    let mut clocks: Vec<Clock> =
        out.into_iter().map(|(kind, due, target)| Clock::new(kind, due, target, now, prolonged_factor)).collect();
    clocks.sort_by(|a, b| b.state.cmp(&a.state).then(a.due.cmp(&b.due)));
    clocks
}

/// The customer wrote again: if we had answered, the next response is now due.
pub fn customer_wrote(
    policy: &SlaPolicy,
    sla: &TicketSla,
    channel: Channel,
    vip: bool,
    at: DateTime<Utc>,
) -> TicketSla {
    let mut next = sla.clone();
    if sla.first_responded_at.is_some() && sla.next_response_due_at.is_none() {
        next.next_response_due_at = target(&policy.next_response, channel, vip).map(|d| at + d);
    }
    next
}

/// We answered: the first response is given (once), and nothing is due until the customer writes.
pub fn agent_replied(sla: &TicketSla, at: DateTime<Utc>) -> TicketSla {
    TicketSla { first_responded_at: sla.first_responded_at.or(Some(at)), next_response_due_at: None, ..sla.clone() }
}

/// The response clock that runs now, if any: the first response until given, then the next.
pub fn running_due(sla: &TicketSla) -> Option<DateTime<Utc>> {
    if sla.first_responded_at.is_none() {
        sla.first_response_due_at
    } else {
        sla.next_response_due_at
    }
}

/// A ticket is at risk when its soonest running clock is due within this many minutes (or is
/// past due). Chats, with targets of a minute or two, are at risk whenever we owe an answer.
pub const AT_RISK_MINUTES: i64 = 30;

/// The soonest running clock: the response clock that runs, or the resolution clock.
pub fn soonest_due(sla: &TicketSla) -> Option<DateTime<Utc>> {
    match (running_due(sla), sla.resolution_due_at) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Whether any clock of an active ticket is past due at `now`.
pub fn breached(sla: &TicketSla, now: DateTime<Utc>) -> bool {
    running_due(sla).is_some_and(|due| due < now) || sla.resolution_due_at.is_some_and(|due| due < now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arbiter_contract::defaults::sla_policy;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn first_response_targets_follow_channel_and_vip() {
        let policy = sla_policy();
        let t0 = at("2026-11-24T10:00:00Z");
        assert_eq!(opened(&policy, Channel::Chat, false, t0).first_response_due_at, Some(at("2026-11-24T10:01:00Z")));
        assert_eq!(opened(&policy, Channel::Email, false, t0).first_response_due_at, Some(at("2026-11-24T14:00:00Z")));
        assert_eq!(opened(&policy, Channel::Email, true, t0).first_response_due_at, Some(at("2026-11-24T11:00:00Z")));
        assert_eq!(opened(&policy, Channel::Email, true, t0).resolution_due_at, Some(at("2026-11-27T10:00:00Z")));
    }

    #[test]
    fn replies_stop_the_clock_and_customer_messages_restart_it() {
        let policy = sla_policy();
        let sla = opened(&policy, Channel::Chat, false, at("2026-11-24T10:00:00Z"));
        let answered = agent_replied(&sla, at("2026-11-24T10:00:40Z"));
        assert_eq!(answered.first_responded_at, Some(at("2026-11-24T10:00:40Z")));
        assert_eq!(running_due(&answered), None);
        let waiting = customer_wrote(&policy, &answered, Channel::Chat, false, at("2026-11-24T10:05:00Z"));
        assert_eq!(running_due(&waiting), Some(at("2026-11-24T10:07:00Z")));
        assert!(!breached(&waiting, at("2026-11-24T10:06:59Z")));
        assert!(breached(&waiting, at("2026-11-24T10:07:01Z")));
        // A second customer message does not move the clock that already runs.
        let again = customer_wrote(&policy, &waiting, Channel::Chat, false, at("2026-11-24T10:06:00Z"));
        assert_eq!(running_due(&again), Some(at("2026-11-24T10:07:00Z")));
        // The first response is recorded once.
        let later = agent_replied(&again, at("2026-11-24T10:06:30Z"));
        assert_eq!(later.first_responded_at, Some(at("2026-11-24T10:00:40Z")));
    }

    #[test]
    fn a_clock_carries_the_instants_its_state_changes_at() {
        let policy = sla_policy();
        let t0 = at("2026-11-24T10:00:00Z");
        let ticket = Ticket {
            id: 1,
            channel: Channel::Email,
            kind: arbiter_contract::TicketKind::CardChargeback,
            subject: "s".into(),
            status: TicketStatus::Open,
            priority: arbiter_contract::Priority::Normal,
            queue: "general".into(),
            assignee_id: None,
            customer_id: 1,
            language: "en".into(),
            tags: vec![],
            sla: opened(&policy, Channel::Email, false, t0),
            escalation_level: arbiter_contract::EscalationLevel::L0,
            case_id: None,
            topic: None,
            routed: None,
            csat: None,
            created_at: t0,
            updated_at: t0,
            solved_at: None,
            version: 1,
        };
        let clock =
            clocks(&policy, &ticket, false, t0, 2.0).into_iter().find(|c| c.kind == ClockKind::FirstResponse).unwrap();
        // Email, 4 h: at risk from 13:30, due 14:00, prolonged from 18:00 (twice the target).
        assert_eq!(clock.due, at("2026-11-24T14:00:00Z"));
        assert_eq!(clock.at_risk_from, at("2026-11-24T13:30:00Z"));
        assert_eq!(clock.prolonged_from, at("2026-11-24T18:00:00Z"));
        let table = [
            ("2026-11-24T13:29:59Z", ClockState::Ok),
            ("2026-11-24T13:30:00Z", ClockState::AtRisk),
            ("2026-11-24T14:00:00Z", ClockState::AtRisk),
            ("2026-11-24T14:00:01Z", ClockState::Breached),
            ("2026-11-24T17:59:59Z", ClockState::Breached),
            ("2026-11-24T18:00:00Z", ClockState::Prolonged),
        ];
        for (now, state) in table {
            assert_eq!(clock.state_at(at(now)), state, "{now}");
            let again = clocks(&policy, &ticket, false, at(now), 2.0);
            let first = again.iter().find(|c| c.kind == ClockKind::FirstResponse).unwrap();
            assert_eq!(first.state, state, "computed afresh at {now}");
        }
        // The same instants written in another zone mean the same.
        assert_eq!(clock.state_at("2026-11-25T03:00:00+09:00".parse().unwrap()), ClockState::Prolonged);
    }
}
