//! SLA clocks: when a ticket's first response, next response and resolution are due.
//! The desk is 24x7, so targets run on wall-clock time.

use arbiter_contract::{Channel, ResponseTarget, SlaPolicy, TicketSla};
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
    }
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
}
