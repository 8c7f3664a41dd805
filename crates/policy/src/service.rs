//! The service report as a pure function of each conversation's history: first response,
//! resolution and handle times in the team's staffed hours (`hours`), CSAT and reopens, by
//! agent, team, channel, language and day.
//!
//! The rules, where service metrics usually go wrong:
//! - only replies people wrote count as a response (system lines and automatic messages
//!   never stop the clock), and a conversation an agent started has no first response;
//! - resolution is created → the latest solve, counted only while the conversation is still
//!   solved, once per conversation however often it was solved;
//! - a reopen is a solved (or closed) conversation going back to work; a conversation solved
//!   in the period counts once in the reopen rate, reopened or not;
//! - each event is counted for the team the conversation was in and the agent who had it
//!   at that moment, so a transfer splits the work where it happened.

use std::collections::{BTreeMap, HashMap};

use arbiter_contract::{AgentId, Channel, Csat, Durations, ServiceReport, ServiceRow, TeamHours, TicketStatus};
use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::hours::business_seconds;

/// A conversation's status, assignee or team from `at` on.
#[derive(Debug, Clone, PartialEq)]
pub struct StateChange {
    pub at: DateTime<Utc>,
    pub status: TicketStatus,
    pub assignee_id: Option<AgentId>,
    pub queue: String,
}

/// What the report needs of one conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketHistory {
    pub channel: Channel,
    pub language: String,
    pub created_at: DateTime<Utc>,
    /// The customer's first message, if the customer has written.
    pub first_customer_at: Option<DateTime<Utc>>,
    /// The first message an agent wrote (not a system line), and who wrote it.
    pub first_reply: Option<(DateTime<Utc>, AgentId)>,
    /// Oldest first; the first is the state it was created in.
    pub states: Vec<StateChange>,
    pub csat: Option<Csat>,
}

/// What the report is over.
#[derive(Debug, Clone)]
pub struct ReportScope<'a> {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Events in other teams are left out.
    pub teams: &'a [String],
    pub hours: &'a [TeamHours],
    /// Names for the agent rows.
    pub agent_names: &'a HashMap<AgentId, String>,
    /// Time handled runs up to now for conversations still open.
    pub now: DateTime<Utc>,
}

impl ReportScope<'_> {
    fn start(&self) -> DateTime<Utc> {
        self.from.and_hms_opt(0, 0, 0).expect("midnight").and_utc()
    }

    fn end(&self) -> DateTime<Utc> {
        self.start_of(self.to) + Duration::days(1)
    }

    fn start_of(&self, day: NaiveDate) -> DateTime<Utc> {
        day.and_hms_opt(0, 0, 0).expect("midnight").and_utc()
    }

    fn within(&self, at: DateTime<Utc>) -> bool {
        self.start() <= at && at < self.end()
    }

    fn covers(&self, team: &str) -> bool {
        self.teams.iter().any(|t| t == team)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Dim {
    All,
    Day,
    Agent,
    Team,
    Channel,
    Language,
}

#[derive(Default)]
struct Tally {
    first_response: Vec<i64>,
    resolution: Vec<i64>,
    /// Seconds per conversation.
    handle: BTreeMap<usize, i64>,
    solved: i64,
    reopened: i64,
    scores: Vec<i64>,
}

/// Where one event of one conversation counts.
struct Event<'a> {
    history: &'a TicketHistory,
    at: DateTime<Utc>,
    team: &'a str,
    agent: Option<AgentId>,
}

#[derive(Default)]
struct Tallies(BTreeMap<(Dim, String), Tally>);

impl Tallies {
    fn each(&mut self, event: &Event<'_>, mut apply: impl FnMut(&mut Tally)) {
        let mut keys = vec![
            (Dim::All, "all".to_owned()),
            (Dim::Day, event.at.date_naive().to_string()),
            (Dim::Team, event.team.to_owned()),
            (Dim::Channel, channel_key(event.history.channel).to_owned()),
            (Dim::Language, event.history.language.clone()),
        ];
        if let Some(agent) = event.agent {
            keys.push((Dim::Agent, agent.to_string()));
        }
        for key in keys {
            apply(self.0.entry(key).or_default());
        }
    }
}

fn channel_key(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "email",
        Channel::Chat => "chat",
    }
}

fn is_done(status: TicketStatus) -> bool {
    matches!(status, TicketStatus::Solved | TicketStatus::Closed)
}

fn is_worked(status: TicketStatus) -> bool {
    matches!(status, TicketStatus::New | TicketStatus::Open)
}

/// The state in force at `at` (the first one for an instant before it).
fn state_at(states: &[StateChange], at: DateTime<Utc>) -> Option<&StateChange> {
    states.iter().take_while(|s| s.at <= at).last().or(states.first())
}

/// The indices of the states that solved the conversation (a solve after work, not a
/// closing after a solve).
fn solves(states: &[StateChange]) -> impl Iterator<Item = usize> + '_ {
    (0..states.len()).filter(|&i| is_done(states[i].status) && (i == 0 || !is_done(states[i - 1].status)))
}

fn first_response(scope: &ReportScope<'_>, tallies: &mut Tallies, history: &TicketHistory) {
    let (Some(asked), Some((answered, agent))) = (history.first_customer_at, history.first_reply) else { return };
    if answered < asked || !scope.within(answered) {
        return;
    }
    let Some(state) = state_at(&history.states, answered) else { return };
    if !scope.covers(&state.queue) {
        return;
    }
    let seconds = business_seconds(scope.hours, &state.queue, asked, answered);
    let event = Event { history, at: answered, team: &state.queue, agent: Some(agent) };
    tallies.each(&event, |t| t.first_response.push(seconds));
}

fn solved_and_reopened(scope: &ReportScope<'_>, tallies: &mut Tallies, history: &TicketHistory) {
    let states = &history.states;
    let all: Vec<usize> = solves(states).collect();
    // Counted once, at its first solve in the period.
    if let Some(&i) = all.iter().find(|&&i| scope.within(states[i].at)) {
        let state = &states[i];
        if scope.covers(&state.queue) {
            let reopened = states[i + 1..].iter().any(|s| !is_done(s.status));
            let event = Event { history, at: state.at, team: &state.queue, agent: state.assignee_id };
            tallies.each(&event, |t| {
                t.solved += 1;
                t.reopened += i64::from(reopened);
            });
        }
    }
    // Resolved: the latest solve, if it still stands.
    let still_done = states.last().is_some_and(|s| is_done(s.status));
    if let (true, Some(&i)) = (still_done, all.last()) {
        let state = &states[i];
        if scope.within(state.at) && scope.covers(&state.queue) {
            let seconds = business_seconds(scope.hours, &state.queue, history.created_at, state.at);
            let event = Event { history, at: state.at, team: &state.queue, agent: state.assignee_id };
            tallies.each(&event, |t| t.resolution.push(seconds));
        }
    }
}

fn handled(scope: &ReportScope<'_>, tallies: &mut Tallies, ticket: usize, history: &TicketHistory) {
    let states = &history.states;
    let limit = scope.end().min(scope.now);
    for (i, state) in states.iter().enumerate() {
        let (true, Some(agent)) = (is_worked(state.status), state.assignee_id) else { continue };
        if !scope.covers(&state.queue) {
            continue;
        }
        let until = states.get(i + 1).map_or(limit, |next| next.at.min(limit));
        let mut from = state.at.max(scope.start());
        // Split at midnights (UTC) so each day gets its own share.
        while from < until {
            let midnight = scope.start_of(from.date_naive()) + Duration::days(1);
            let to = until.min(midnight);
            let seconds = business_seconds(scope.hours, &state.queue, from, to);
            let event = Event { history, at: from, team: &state.queue, agent: Some(agent) };
            tallies.each(&event, |t| *t.handle.entry(ticket).or_default() += seconds);
            from = to;
        }
    }
}

fn rated(scope: &ReportScope<'_>, tallies: &mut Tallies, history: &TicketHistory) {
    let Some(csat) = &history.csat else { return };
    if !scope.within(csat.rated_at) {
        return;
    }
    let Some(state) = state_at(&history.states, csat.rated_at) else { return };
    if !scope.covers(&state.queue) {
        return;
    }
    let event = Event { history, at: csat.rated_at, team: &state.queue, agent: csat.agent_id };
    tallies.each(&event, |t| t.scores.push(csat.score));
}

/// Count, mean, median and 90th percentile (nearest rank).
pub fn durations(mut seconds: Vec<i64>) -> Durations {
    if seconds.is_empty() {
        return Durations::default();
    }
    seconds.sort_unstable();
    let n = seconds.len();
    let rank = |p: usize| seconds[(n * p).div_ceil(100).clamp(1, n) - 1];
    let sum: i128 = seconds.iter().map(|&s| i128::from(s)).sum();
    Durations {
        count: n as i64,
        mean_seconds: Some((sum as f64 / n as f64).round() as i64),
        median_seconds: Some(rank(50)),
        p90_seconds: Some(rank(90)),
    }
}

fn row(key: String, label: String, tally: Tally) -> ServiceRow {
    let ratings = tally.scores.len() as i64;
    let satisfied = tally.scores.iter().filter(|&&s| s >= 4).count() as i64;
    ServiceRow {
        key,
        label,
        first_response: durations(tally.first_response),
        resolution: durations(tally.resolution),
        handle: durations(tally.handle.into_values().collect()),
        solved: tally.solved,
        reopened: tally.reopened,
        reopen_rate: (tally.solved > 0).then(|| tally.reopened as f64 / tally.solved as f64),
        ratings,
        csat_mean: (ratings > 0).then(|| tally.scores.iter().sum::<i64>() as f64 / ratings as f64),
        csat_satisfied: (ratings > 0).then(|| satisfied as f64 / ratings as f64),
    }
}

fn empty(key: String, label: String) -> ServiceRow {
    row(key, label, Tally::default())
}

/// Busiest first: conversations handled, then answered, then solved.
fn by_volume(mut rows: Vec<ServiceRow>) -> Vec<ServiceRow> {
    rows.sort_by(|a, b| {
        (b.handle.count, b.first_response.count, b.solved)
            .cmp(&(a.handle.count, a.first_response.count, a.solved))
            .then_with(|| a.key.cmp(&b.key))
    });
    rows
}

/// The report over `histories` for `scope`.
pub fn report(histories: &[TicketHistory], scope: &ReportScope<'_>) -> ServiceReport {
    let mut tallies = Tallies::default();
    for (ticket, history) in histories.iter().enumerate() {
        first_response(scope, &mut tallies, history);
        solved_and_reopened(scope, &mut tallies, history);
        handled(scope, &mut tallies, ticket, history);
        rated(scope, &mut tallies, history);
    }
    let mut groups: BTreeMap<Dim, Vec<ServiceRow>> = BTreeMap::new();
    let mut totals = empty("all".into(), "all".into());
    for ((dim, key), tally) in tallies.0 {
        let label = match dim {
            Dim::Agent => key
                .parse::<AgentId>()
                .ok()
                .and_then(|id| scope.agent_names.get(&id).cloned())
                .unwrap_or_else(|| key.clone()),
            _ => key.clone(),
        };
        let built = row(key, label, tally);
        match dim {
            Dim::All => totals = built,
            _ => groups.entry(dim).or_default().push(built),
        }
    }
    let mut take = |dim| groups.remove(&dim).unwrap_or_default();
    let mut days: BTreeMap<String, ServiceRow> = take(Dim::Day).into_iter().map(|r| (r.key.clone(), r)).collect();
    let by_day = scope
        .from
        .iter_days()
        .take_while(|d| *d <= scope.to)
        .map(|d| {
            let key = d.to_string();
            days.remove(&key).unwrap_or_else(|| empty(key.clone(), key))
        })
        .collect();
    ServiceReport {
        from: scope.from,
        to: scope.to,
        teams: scope.teams.to_vec(),
        totals,
        by_day,
        by_agent: by_volume(take(Dim::Agent)),
        by_team: by_volume(take(Dim::Team)),
        by_channel: by_volume(take(Dim::Channel)),
        by_language: by_volume(take(Dim::Language)),
    }
}
