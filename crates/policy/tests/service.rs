//! The service report's rules on hand-made histories with exact expected figures: business
//! hours only, people's replies only, reopens counted once, transfers split where they happen.

use std::collections::HashMap;

use arbiter_contract::{Channel, Csat, OpenSpan, ServiceRow, TeamHours, TicketStatus};
use arbiter_policy::service::{durations, report, ReportScope, StateChange, TicketHistory};
use chrono::{DateTime, NaiveDate, Utc};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn state(when: &str, status: TicketStatus, assignee: Option<i64>, queue: &str) -> StateChange {
    StateChange { at: at(when), status, assignee_id: assignee, queue: queue.into() }
}

/// Payments works 09:00–17:00 UTC on weekdays; general around the clock.
fn hours() -> Vec<TeamHours> {
    vec![TeamHours {
        team: "payments".into(),
        time_zone: "UTC".into(),
        weekly: (1..=5).map(|d| OpenSpan { weekday: d, opens: "09:00".into(), closes: "17:00".into() }).collect(),
        closed_dates: vec![],
    }]
}

fn email(created: &str, states: Vec<StateChange>) -> TicketHistory {
    TicketHistory {
        channel: Channel::Email,
        language: "en".into(),
        created_at: at(created),
        first_customer_at: Some(at(created)),
        first_reply: None,
        states,
        csat: None,
    }
}

struct Fixture {
    hours: Vec<TeamHours>,
    teams: Vec<String>,
    names: HashMap<i64, String>,
}

impl Fixture {
    fn new() -> Self {
        Fixture {
            hours: hours(),
            teams: vec!["payments".into(), "general".into()],
            names: HashMap::from([(7, "Ana".to_owned()), (8, "Ben".to_owned())]),
        }
    }

    /// December 7–11 2026 (Monday to Friday), "now" the following Monday.
    fn scope(&self) -> ReportScope<'_> {
        ReportScope {
            from: day("2026-12-07"),
            to: day("2026-12-11"),
            teams: &self.teams,
            hours: &self.hours,
            agent_names: &self.names,
            now: at("2026-12-14T00:00:00Z"),
        }
    }
}

fn find<'a>(rows: &'a [ServiceRow], key: &str) -> &'a ServiceRow {
    rows.iter().find(|r| r.key == key).unwrap_or_else(|| panic!("no row {key}"))
}

#[test]
fn first_response_counts_business_hours_and_only_a_person_s_reply() {
    let fixture = Fixture::new();
    // Written Monday 16:30, answered Tuesday 09:15 by Ana: 30 + 15 staffed minutes.
    let mut overnight =
        email("2026-12-07T16:30:00Z", vec![state("2026-12-07T16:30:00Z", TicketStatus::Open, Some(7), "payments")]);
    overnight.first_reply = Some((at("2026-12-08T09:15:00Z"), 7));
    // A conversation Ben started: no first response at all.
    let mut outbound =
        email("2026-12-08T10:00:00Z", vec![state("2026-12-08T10:00:00Z", TicketStatus::Pending, Some(8), "payments")]);
    outbound.first_customer_at = Some(at("2026-12-08T12:00:00Z"));
    outbound.first_reply = Some((at("2026-12-08T10:00:00Z"), 8));
    // Not answered yet (a system line does not count, so first_reply is empty).
    let waiting =
        email("2026-12-09T10:00:00Z", vec![state("2026-12-09T10:00:00Z", TicketStatus::New, None, "payments")]);

    let fixture_scope = fixture.scope();
    let report = report(&[overnight, outbound, waiting], &fixture_scope);
    assert_eq!(report.totals.first_response.count, 1);
    assert_eq!(report.totals.first_response.median_seconds, Some(45 * 60));
    let ana = find(&report.by_agent, "7");
    assert_eq!(ana.label, "Ana");
    assert_eq!(ana.first_response.count, 1);
    assert!(report.by_agent.iter().all(|r| r.key != "8" || r.first_response.count == 0));
    assert_eq!(find(&report.by_day, "2026-12-08").first_response.count, 1);
    assert_eq!(report.by_day.len(), 5, "every day of the period, empty ones too");
}

#[test]
fn a_reopened_conversation_counts_once_and_is_resolved_only_when_solved_again() {
    let fixture = Fixture::new();
    // Solved Monday, reopened Tuesday by the customer, solved again Wednesday: one solved
    // conversation, reopened; resolution from creation to Wednesday's solve.
    let twice = email(
        "2026-12-07T09:00:00Z",
        vec![
            state("2026-12-07T09:00:00Z", TicketStatus::Open, Some(7), "general"),
            state("2026-12-07T10:00:00Z", TicketStatus::Solved, Some(7), "general"),
            state("2026-12-08T09:00:00Z", TicketStatus::Open, Some(7), "general"),
            state("2026-12-09T09:00:00Z", TicketStatus::Solved, Some(7), "general"),
            state("2026-12-10T09:00:00Z", TicketStatus::Closed, Some(7), "general"),
        ],
    );
    // Solved and reopened, still open: solved once, reopened, not resolved.
    let open_again = email(
        "2026-12-07T09:00:00Z",
        vec![
            state("2026-12-07T09:00:00Z", TicketStatus::Open, Some(8), "general"),
            state("2026-12-07T11:00:00Z", TicketStatus::Solved, Some(8), "general"),
            state("2026-12-08T11:00:00Z", TicketStatus::Open, Some(8), "general"),
        ],
    );
    // Solved once and stayed solved.
    let once = email(
        "2026-12-07T09:00:00Z",
        vec![
            state("2026-12-07T09:00:00Z", TicketStatus::Open, Some(8), "general"),
            state("2026-12-07T12:00:00Z", TicketStatus::Solved, Some(8), "general"),
        ],
    );
    let scope = fixture.scope();
    let report = report(&[twice, open_again, once], &scope);
    assert_eq!(report.totals.solved, 3);
    assert_eq!(report.totals.reopened, 2);
    assert_eq!(report.totals.reopen_rate, Some(2.0 / 3.0));
    assert_eq!(report.totals.resolution.count, 2, "the one open again is not resolved");
    let ana = find(&report.by_agent, "7");
    assert_eq!(ana.resolution.median_seconds, Some(48 * 3600), "general is staffed around the clock");
    let ben = find(&report.by_agent, "8");
    assert_eq!((ben.solved, ben.reopened, ben.resolution.count), (2, 1, 1));
    assert_eq!(ben.resolution.median_seconds, Some(3 * 3600));
}

#[test]
fn handle_time_is_open_time_with_an_agent_split_where_a_transfer_happened() {
    let fixture = Fixture::new();
    // Ana has it 10:00–11:00 on Monday, it waits on the customer until 13:00 (not handled),
    // Ben has it 13:00–14:30 in general, then it is solved.
    let moved = email(
        "2026-12-07T10:00:00Z",
        vec![
            state("2026-12-07T10:00:00Z", TicketStatus::Open, Some(7), "payments"),
            state("2026-12-07T11:00:00Z", TicketStatus::Pending, Some(7), "payments"),
            state("2026-12-07T13:00:00Z", TicketStatus::Open, Some(8), "general"),
            state("2026-12-07T14:30:00Z", TicketStatus::Solved, Some(8), "general"),
        ],
    );
    // Unassigned while new: nobody handles it; Ana takes it Friday 16:00 and it is still open
    // when the period ends: one staffed hour (payments closes at 17:00).
    let late = email(
        "2026-12-11T08:00:00Z",
        vec![
            state("2026-12-11T08:00:00Z", TicketStatus::New, None, "payments"),
            state("2026-12-11T16:00:00Z", TicketStatus::Open, Some(7), "payments"),
        ],
    );
    let scope = fixture.scope();
    let report = report(&[moved, late], &scope);
    let ana = find(&report.by_agent, "7");
    assert_eq!(ana.handle.count, 2);
    assert_eq!(ana.handle.mean_seconds, Some(3600));
    let ben = find(&report.by_agent, "8");
    assert_eq!(ben.handle.median_seconds, Some(5400));
    assert_eq!(find(&report.by_team, "payments").handle.count, 2);
    assert_eq!(find(&report.by_team, "general").handle.count, 1);
    assert_eq!(report.totals.handle.count, 2, "per conversation, not per stretch");
    assert_eq!(report.totals.handle.median_seconds, Some(3600));
    assert_eq!(report.by_agent[0].key, "7", "busiest first");
}

#[test]
fn ratings_count_for_the_agent_rated_and_other_teams_are_left_out() {
    let mut fixture = Fixture::new();
    fixture.teams = vec!["general".into()];
    let rated = |score, agent| {
        let mut chat = email(
            "2026-12-08T10:00:00Z",
            vec![state("2026-12-08T10:00:00Z", TicketStatus::Solved, Some(agent), "general")],
        );
        chat.channel = Channel::Chat;
        chat.language = "de".into();
        chat.csat = Some(Csat { score, comment: None, rated_at: at("2026-12-08T10:05:00Z"), agent_id: Some(agent) });
        chat
    };
    let mut elsewhere = rated(1, 8);
    elsewhere.states[0].queue = "payments".into();
    let mut before = rated(1, 7);
    before.csat.as_mut().unwrap().rated_at = at("2026-12-06T23:59:59Z");
    let scope = fixture.scope();
    let report = report(&[rated(5, 7), rated(4, 7), rated(2, 8), elsewhere, before], &scope);
    assert_eq!(report.totals.ratings, 3);
    assert_eq!(report.totals.csat_mean, Some(11.0 / 3.0));
    assert_eq!(report.totals.csat_satisfied, Some(2.0 / 3.0));
    let chat = find(&report.by_channel, "chat");
    assert_eq!(chat.ratings, 3);
    assert_eq!(find(&report.by_language, "de").ratings, 3);
    assert_eq!(find(&report.by_agent, "7").csat_satisfied, Some(1.0));
    assert!(report.by_team.iter().all(|r| r.key == "general"));
}

#[test]
fn durations_use_the_nearest_rank() {
    let d = durations((1..=10).collect());
    assert_eq!((d.count, d.mean_seconds, d.median_seconds, d.p90_seconds), (10, Some(6), Some(5), Some(9)));
    assert_eq!(durations(vec![]).median_seconds, None);
    assert_eq!(durations(vec![7]).p90_seconds, Some(7));
}
