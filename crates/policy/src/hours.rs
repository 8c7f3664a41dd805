//! Teams' staffed hours (a policy): whether a team is staffed at an instant, and how much of
//! an interval fell within its hours (service metrics count business time only). Times are
//! the team's wall clock in its IANA time zone, so daylight-saving changes are handled.

use arbiter_contract::{OpenSpan, TeamHours};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Longest interval `business_seconds` walks day by day; longer ones are counted in full.
const MAX_DAYS: i64 = 400;

/// Checks a team's hours as a supervisor wrote them; says what is wrong.
pub fn check(hours: &TeamHours) -> Result<(), String> {
    hours.time_zone.parse::<Tz>().map_err(|_| format!("{}: unknown time zone {}", hours.team, hours.time_zone))?;
    for span in &hours.weekly {
        if !(1..=7).contains(&span.weekday) {
            return Err(format!("{}: weekdays are 1 (Monday) to 7 (Sunday)", hours.team));
        }
        for time in [&span.opens, &span.closes] {
            clock(time).ok_or_else(|| format!("{}: {time} is not a time as HH:MM", hours.team))?;
        }
    }
    Ok(())
}

fn clock(value: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(value, "%H:%M").ok().filter(|_| value.len() == 5)
}

/// The team's hours, if the policy names them (none: staffed around the clock).
fn of<'a>(hours: &'a [TeamHours], team: &str) -> Option<(&'a TeamHours, Tz)> {
    let found = hours.iter().find(|h| h.team == team)?;
    Some((found, found.time_zone.parse().unwrap_or(chrono_tz::UTC)))
}

/// Whether the team is staffed at `at`.
pub fn staffed(hours: &[TeamHours], team: &str, at: DateTime<Utc>) -> bool {
    let Some((team_hours, zone)) = of(hours, team) else { return true };
    let day = at.with_timezone(&zone).date_naive();
    [day.pred_opt(), Some(day)]
        .into_iter()
        .flatten()
        .flat_map(|d| open_intervals(team_hours, zone, d))
        .any(|(from, to)| from <= at && at < to)
}

/// Seconds of `[from, to)` within the team's staffed hours.
pub fn business_seconds(hours: &[TeamHours], team: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    if to <= from {
        return 0;
    }
    let Some((team_hours, zone)) = of(hours, team) else { return (to - from).num_seconds() };
    let first = from.with_timezone(&zone).date_naive().pred_opt().unwrap_or(NaiveDate::MIN);
    let last = to.with_timezone(&zone).date_naive();
    if (last - first).num_days() > MAX_DAYS {
        return (to - from).num_seconds();
    }
    let mut total = 0;
    let mut day = first;
    while day <= last {
        for (open, close) in open_intervals(team_hours, zone, day) {
            let (a, b) = (open.max(from), close.min(to));
            if b > a {
                total += (b - a).num_seconds();
            }
        }
        day = day.succ_opt().expect("a date within range");
    }
    total
}

/// The instants the team opens and closes for the spans that start on `day` (a span whose
/// close is not after its open runs to the next day). Closed dates close the spans that
/// start on them.
fn open_intervals(hours: &TeamHours, zone: Tz, day: NaiveDate) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    if hours.closed_dates.contains(&day) {
        return Vec::new();
    }
    let weekday = i64::from(day.weekday().number_from_monday());
    hours
        .weekly
        .iter()
        .filter(|span| span.weekday == weekday)
        .filter_map(|span: &OpenSpan| {
            let (opens, closes) = (clock(&span.opens)?, clock(&span.closes)?);
            let close_day = if closes <= opens { day.succ_opt()? } else { day };
            Some((instant(zone, day, opens), instant(zone, close_day, closes)))
        })
        .collect()
}

/// A wall-clock time as an instant: in a gap (spring forward) the first valid instant after
/// it, in a fold (fall back) the earlier one.
fn instant(zone: Tz, day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = day.and_time(time);
    match zone.from_local_datetime(&local).earliest() {
        Some(at) => at.with_timezone(&Utc),
        None => zone
            .from_local_datetime(&(local + Duration::hours(1)))
            .earliest()
            .map_or_else(|| Utc.from_utc_datetime(&local), |at| at.with_timezone(&Utc)),
    }
}
