//! The escalation matrix (DOMAIN.md): which of its triggers apply to a ticket now. Each
//! raise names its reason, level, target team and a detail in words, so a notification or
//! the console can say why without looking anything up. Pure: the server runs it to raise
//! escalations, the desk to show what is coming while offline.

use arbiter_contract::{EscalationLevel, EscalationMatrix, EscalationReason, SlaPolicy, Ticket};
use chrono::{DateTime, Duration, Utc};

use crate::sla::{self, ClockKind, ClockState};

/// What the matrix needs to know about a ticket beyond the ticket itself.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The customer has a VIP tier.
    pub vip: bool,
    /// The disputed amount of the ticket's case, in USD.
    pub disputed_usd: Option<f64>,
    /// Tickets the customer opened on the same issue (the same kind) in the 7 days up to
    /// this one, this one included.
    pub contacts_in_7_days: u32,
    /// A sensitive word (legal, regulator, police, media) in the customer's messages.
    pub sensitive_word: Option<String>,
    /// The customer's fraud score is at decline level.
    pub fraud_decline: bool,
    /// The ticket's chargeback must be answered by then, and is not answered yet.
    pub chargeback_unanswered_due: Option<DateTime<Utc>>,
}

/// One trigger that applies.
#[derive(Debug, Clone, PartialEq)]
pub struct Raise {
    pub reason: EscalationReason,
    pub level: EscalationLevel,
    /// The trigger's team, or the ticket's queue.
    pub team: String,
    pub detail: String,
}

/// The triggers that apply to `ticket` at `now`: for each reason, the highest level whose
/// condition holds (10,000 USD raises to L1, 100,000 USD to L2). Solved and closed tickets
/// raise nothing; pending ones raise nothing on time (their clocks are paused).
pub fn evaluate(
    matrix: &EscalationMatrix,
    policy: &SlaPolicy,
    ticket: &Ticket,
    facts: &Facts,
    now: DateTime<Utc>,
) -> Vec<Raise> {
    if !ticket.status.is_active() {
        return Vec::new();
    }
    let clocks = sla::clocks(policy, ticket, facts.vip, now, sla::prolonged_factor(matrix));
    let worst = clocks.first();
    let mut raises: Vec<Raise> = Vec::new();
    for trigger in &matrix.triggers {
        let detail = match trigger.reason {
            EscalationReason::SlaBreach => worst
                .filter(|c| c.state >= ClockState::Breached)
                .map(|c| format!("{} missed by {}", clock_name(c.kind), span(now - c.due))),
            EscalationReason::SlaBreachProlonged => worst.filter(|c| c.state == ClockState::Prolonged).map(|c| {
                format!(
                    "{} still missed after {} (target {})",
                    clock_name(c.kind),
                    span(now - (c.due - c.target)),
                    span(c.target)
                )
            }),
            EscalationReason::HighValueDispute => facts
                .disputed_usd
                .filter(|usd| *usd >= trigger.threshold.unwrap_or(f64::INFINITY))
                .map(|usd| format!("{} USD in dispute", thousands(usd))),
            EscalationReason::VipCustomer => facts.vip.then(|| "VIP customer".to_owned()),
            EscalationReason::SensitiveLanguage => {
                facts.sensitive_word.as_ref().map(|word| format!("the customer wrote \u{201c}{word}\u{201d}"))
            }
            EscalationReason::RepeatContact => (f64::from(facts.contacts_in_7_days)
                >= trigger.threshold.unwrap_or(3.0))
            .then(|| format!("contact number {} on this issue within 7 days", facts.contacts_in_7_days)),
            EscalationReason::FraudScore => facts.fraud_decline.then(|| "fraud score at decline level".to_owned()),
            EscalationReason::ChargebackDeadline => facts.chargeback_unanswered_due.and_then(|due| {
                let window = Duration::minutes((trigger.threshold.unwrap_or(48.0) * 60.0) as i64);
                (due - now <= window).then(|| {
                    if due < now {
                        format!("chargeback response overdue by {}", span(now - due))
                    } else {
                        format!("chargeback response due in {}, unanswered", span(due - now))
                    }
                })
            }),
            EscalationReason::Manual => None,
        };
        let Some(detail) = detail else { continue };
        let raise = Raise {
            reason: trigger.reason,
            level: trigger.level,
            team: trigger.target_team.clone().unwrap_or_else(|| ticket.queue.clone()),
            detail,
        };
        match raises.iter_mut().find(|r| r.reason == raise.reason) {
            Some(existing) if existing.level < raise.level => *existing = raise,
            Some(_) => {}
            None => raises.push(raise),
        }
    }
    raises.sort_by_key(|r| std::cmp::Reverse(r.level));
    raises
}

fn clock_name(kind: ClockKind) -> &'static str {
    match kind {
        ClockKind::FirstResponse => "first response",
        ClockKind::NextResponse => "next response",
        ClockKind::Resolution => "resolution",
    }
}

/// "45 s", "12 min", "3 h 5 min", "2 d 4 h".
pub fn span(d: Duration) -> String {
    let s = d.num_seconds().max(0);
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{} min", s / 60),
        3600..86_400 if (s % 3600) / 60 == 0 => format!("{} h", s / 3600),
        3600..86_400 => format!("{} h {} min", s / 3600, (s % 3600) / 60),
        _ if (s % 86_400) / 3600 == 0 => format!("{} d", s / 86_400),
        _ => format!("{} d {} h", s / 86_400, (s % 86_400) / 3600),
    }
}

fn thousands(usd: f64) -> String {
    let whole = usd.round() as i64;
    let digits = whole.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if whole < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use arbiter_contract::defaults::{escalation_matrix, sla_policy};
    use arbiter_contract::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// A ticket opened at `opened` on `channel`, as the server would open it.
    fn ticket(channel: Channel, opened: &str, vip: bool) -> Ticket {
        let opened = at(opened);
        Ticket {
            id: 1,
            channel,
            kind: TicketKind::CardChargeback,
            subject: "s".into(),
            status: TicketStatus::Open,
            priority: Priority::Normal,
            queue: "disputes".into(),
            assignee_id: Some(1),
            customer_id: 1,
            language: "en".into(),
            tags: vec![],
            sla: sla::opened(&sla_policy(), channel, vip, opened),
            escalation_level: EscalationLevel::L0,
            case_id: None,
            topic: None,
            routed: None,
            csat: None,
            created_at: opened,
            updated_at: opened,
            solved_at: None,
            version: 1,
        }
    }

    fn reasons(raises: &[Raise]) -> Vec<(EscalationReason, EscalationLevel, &str)> {
        raises.iter().map(|r| (r.reason, r.level, r.team.as_str())).collect()
    }

    use EscalationLevel::*;
    use EscalationReason::*;

    #[test]
    fn sla_breaches_by_channel_vip_and_time() {
        let (matrix, policy) = (escalation_matrix(), sla_policy());
        // (channel, vip, opened, now, expected)
        type Case<'a> = (Channel, bool, &'a str, &'a str, &'a [(EscalationReason, EscalationLevel)]);
        let cases: &[Case] = &[
            // Chat: first response within 60 s.
            (Channel::Chat, false, "2026-11-24T10:00:00Z", "2026-11-24T10:00:59Z", &[]),
            (Channel::Chat, false, "2026-11-24T10:00:00Z", "2026-11-24T10:01:01Z", &[(SlaBreach, L1)]),
            // Twice the target (120 s from the start) is prolonged.
            (Channel::Chat, false, "2026-11-24T10:00:00Z", "2026-11-24T10:01:59Z", &[(SlaBreach, L1)]),
            (
                Channel::Chat,
                false,
                "2026-11-24T10:00:00Z",
                "2026-11-24T10:02:00Z",
                &[(SlaBreachProlonged, L2), (SlaBreach, L1)],
            ),
            // Email: 4 h, VIP 1 h (and VIP raises L1 by itself).
            (Channel::Email, false, "2026-11-24T10:00:00Z", "2026-11-24T13:59:00Z", &[]),
            (Channel::Email, false, "2026-11-24T10:00:00Z", "2026-11-24T14:00:01Z", &[(SlaBreach, L1)]),
            (Channel::Email, true, "2026-11-24T10:00:00Z", "2026-11-24T10:59:00Z", &[(VipCustomer, L1)]),
            (
                Channel::Email,
                true,
                "2026-11-24T10:00:00Z",
                "2026-11-24T11:00:01Z",
                &[(SlaBreach, L1), (VipCustomer, L1)],
            ),
            // Time zones do not matter: the same instants written in Tokyo and New York time.
            (Channel::Email, false, "2026-11-24T19:00:00+09:00", "2026-11-24T09:00:01-05:00", &[(SlaBreach, L1)]),
            (Channel::Email, false, "2026-11-24T19:00:00+09:00", "2026-11-24T08:59:00-05:00", &[]),
        ];
        for (channel, vip, opened, now, expected) in cases {
            let t = ticket(*channel, opened, *vip);
            let facts = Facts { vip: *vip, ..Facts::default() };
            let sorted = |mut v: Vec<(EscalationReason, EscalationLevel)>| {
                v.sort_by_key(|(reason, level)| (*level, format!("{reason:?}")));
                v
            };
            let got =
                sorted(evaluate(&matrix, &policy, &t, &facts, at(now)).iter().map(|r| (r.reason, r.level)).collect());
            let want = sorted(expected.to_vec());
            assert_eq!(got, want, "{channel:?} vip={vip} opened {opened}, now {now}");
        }
    }

    #[test]
    fn next_response_and_resolution_clocks() {
        let (matrix, policy) = (escalation_matrix(), sla_policy());
        let mut t = ticket(Channel::Chat, "2026-11-24T10:00:00Z", false);
        t.sla = sla::agent_replied(&t.sla, at("2026-11-24T10:00:30Z"));
        // Nothing runs but resolution (72 h) while we are not owed an answer.
        assert!(evaluate(&matrix, &policy, &t, &Facts::default(), at("2026-11-24T12:00:00Z")).is_empty());
        t.sla = sla::customer_wrote(&policy, &t.sla, Channel::Chat, false, at("2026-11-24T12:00:00Z"));
        let late = evaluate(&matrix, &policy, &t, &Facts::default(), at("2026-11-24T12:02:01Z"));
        assert_eq!(reasons(&late), [(SlaBreach, L1, "disputes")]);
        assert_eq!(late[0].detail, "next response missed by 1 s");
        // Resolution: 72 h after opening, answered or not.
        t.sla = sla::agent_replied(&t.sla, at("2026-11-24T12:01:00Z"));
        let overdue = evaluate(&matrix, &policy, &t, &Facts::default(), at("2026-11-27T10:30:00Z"));
        assert_eq!(overdue[0].detail, "resolution missed by 30 min");
        assert!(evaluate(&matrix, &policy, &t, &Facts::default(), at("2026-11-30T10:00:00Z"))
            .iter()
            .any(|r| r.reason == SlaBreachProlonged && r.detail == "resolution still missed after 6 d (target 3 d)"));
    }

    #[test]
    fn pending_pauses_the_clocks_and_moves_the_deadlines() {
        let (matrix, policy) = (escalation_matrix(), sla_policy());
        let mut t = ticket(Channel::Email, "2026-11-24T10:00:00Z", false);
        // Pending from 11:00 to 15:00 (the first response was due at 14:00).
        t.sla = sla::after_status_change(&t.sla, TicketStatus::Open, TicketStatus::Pending, at("2026-11-24T11:00:00Z"));
        t.status = TicketStatus::Pending;
        assert!(evaluate(&matrix, &policy, &t, &Facts::default(), at("2026-11-24T14:30:00Z")).is_empty(), "paused");
        t.sla = sla::after_status_change(&t.sla, TicketStatus::Pending, TicketStatus::Open, at("2026-11-24T15:00:00Z"));
        t.status = TicketStatus::Open;
        assert_eq!(t.sla.first_response_due_at, Some(at("2026-11-24T18:00:00Z")), "moved by the 4 h it waited");
        assert_eq!(t.sla.resolution_due_at, Some(at("2026-11-27T14:00:00Z")));
        assert_eq!(t.sla.paused_at, None);
        assert!(evaluate(&matrix, &policy, &t, &Facts::default(), at("2026-11-24T17:59:00Z")).is_empty());
        assert_eq!(
            reasons(&evaluate(&matrix, &policy, &t, &Facts::default(), at("2026-11-24T18:00:01Z"))),
            [(SlaBreach, L1, "disputes")]
        );
        // A deadline missed before the pause stays missed; pausing twice keeps the first moment.
        let mut late = ticket(Channel::Chat, "2026-11-24T10:00:00Z", false);
        late.sla = sla::pause(&sla::pause(&late.sla, at("2026-11-24T10:05:00Z")), at("2026-11-24T10:06:00Z"));
        assert_eq!(late.sla.paused_at, Some(at("2026-11-24T10:05:00Z")));
        let resumed = sla::resume(&late.sla, at("2026-11-24T11:05:00Z"));
        assert_eq!(resumed.first_response_due_at, Some(at("2026-11-24T10:01:00Z")));
        assert_eq!(resumed.resolution_due_at, Some(at("2026-11-27T11:00:00Z")));
        // Solved and closed tickets raise nothing.
        let mut solved = ticket(Channel::Chat, "2026-11-24T10:00:00Z", true);
        solved.status = TicketStatus::Solved;
        assert!(evaluate(
            &matrix,
            &policy,
            &solved,
            &Facts { vip: true, ..Facts::default() },
            at("2026-12-24T10:00:00Z")
        )
        .is_empty());
    }

    #[test]
    fn amounts_repeat_contacts_words_fraud_and_chargeback_deadlines() {
        let (matrix, policy) = (escalation_matrix(), sla_policy());
        let now = at("2026-11-24T10:00:30Z");
        let t = ticket(Channel::Email, "2026-11-24T10:00:00Z", false);
        let run = |facts: Facts| {
            reasons(&evaluate(&matrix, &policy, &t, &facts, now))
                .iter()
                .map(|(r, l, team)| (*r, *l, team.to_string()))
                .collect::<Vec<_>>()
        };
        let one = |r, l, team: &str| vec![(r, l, team.to_owned())];
        // Amounts: at and around 10,000 and 100,000 USD; only the highest level per reason.
        assert_eq!(run(Facts { disputed_usd: Some(9_999.99), ..Facts::default() }), vec![]);
        assert_eq!(
            run(Facts { disputed_usd: Some(10_000.0), ..Facts::default() }),
            one(HighValueDispute, L1, "disputes")
        );
        assert_eq!(
            run(Facts { disputed_usd: Some(99_999.0), ..Facts::default() }),
            one(HighValueDispute, L1, "disputes")
        );
        assert_eq!(
            run(Facts { disputed_usd: Some(100_000.0), ..Facts::default() }),
            one(HighValueDispute, L2, "disputes")
        );
        // Third contact within 7 days.
        assert_eq!(run(Facts { contacts_in_7_days: 2, ..Facts::default() }), vec![]);
        assert_eq!(run(Facts { contacts_in_7_days: 3, ..Facts::default() }), one(RepeatContact, L1, "disputes"));
        // Words go to compliance, fraud to risk.
        assert_eq!(
            run(Facts { sensitive_word: Some("lawyer".into()), ..Facts::default() }),
            one(SensitiveLanguage, L2, "compliance")
        );
        assert_eq!(run(Facts { fraud_decline: true, ..Facts::default() }), one(FraudScore, L2, "risk"));
        // Chargeback due within 48 h and unanswered.
        let due = |h: i64| Some(now + Duration::hours(h));
        assert_eq!(run(Facts { chargeback_unanswered_due: due(49), ..Facts::default() }), vec![]);
        assert_eq!(
            run(Facts { chargeback_unanswered_due: due(48), ..Facts::default() }),
            one(ChargebackDeadline, L2, "disputes")
        );
        assert_eq!(
            run(Facts { chargeback_unanswered_due: due(-5), ..Facts::default() }),
            one(ChargebackDeadline, L2, "disputes")
        );
        let details = evaluate(
            &matrix,
            &policy,
            &t,
            &Facts { disputed_usd: Some(123_456.0), chargeback_unanswered_due: due(47), ..Facts::default() },
            now,
        );
        let texts: Vec<_> = details.iter().map(|r| r.detail.as_str()).collect();
        assert!(texts.contains(&"123,456 USD in dispute"), "{texts:?}");
        assert!(texts.contains(&"chargeback response due in 1 d 23 h, unanswered"), "{texts:?}");
    }

    #[test]
    fn spans_read_naturally() {
        for (secs, text) in [
            (0, "0 s"),
            (59, "59 s"),
            (60, "1 min"),
            (3600, "1 h"),
            (3_900, "1 h 5 min"),
            (86_400, "1 d"),
            (90_000, "1 d 1 h"),
        ] {
            assert_eq!(span(Duration::seconds(secs)), text);
        }
    }
}
