//! Staffed hours in a team's own time zone, across midnight and daylight-saving changes.

use arbiter_contract::{OpenSpan, TeamHours};
use arbiter_policy::hours::{business_seconds, check, staffed};
use chrono::{DateTime, NaiveDate, Utc};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn span(weekday: i64, opens: &str, closes: &str) -> OpenSpan {
    OpenSpan { weekday, opens: opens.into(), closes: closes.into() }
}

fn berlin_weekdays() -> Vec<TeamHours> {
    vec![TeamHours {
        team: "payments".into(),
        time_zone: "Europe/Berlin".into(),
        weekly: (1..=5).map(|d| span(d, "08:00", "20:00")).collect(),
        closed_dates: vec![NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()],
    }]
}

#[test]
fn a_team_is_staffed_in_its_own_hours_and_teams_without_hours_always() {
    let hours = berlin_weekdays();
    // Monday 7 December 2026: Berlin is UTC+1.
    assert!(!staffed(&hours, "payments", at("2026-12-07T06:59:00Z")));
    assert!(staffed(&hours, "payments", at("2026-12-07T07:00:00Z")));
    assert!(staffed(&hours, "payments", at("2026-12-07T18:59:59Z")));
    assert!(!staffed(&hours, "payments", at("2026-12-07T19:00:00Z")));
    assert!(!staffed(&hours, "payments", at("2026-12-12T12:00:00Z")), "Saturday");
    assert!(!staffed(&hours, "payments", at("2026-12-25T12:00:00Z")), "a closed date");
    assert!(staffed(&hours, "general", at("2026-12-12T03:00:00Z")), "no hours: 24x7");
}

#[test]
fn a_night_shift_runs_past_midnight() {
    let hours = vec![TeamHours {
        team: "fraud".into(),
        time_zone: "Asia/Kuala_Lumpur".into(), // UTC+8, no daylight saving
        weekly: vec![span(1, "22:00", "06:00")],
        closed_dates: vec![],
    }];
    assert!(staffed(&hours, "fraud", at("2026-12-07T14:00:00Z")), "Monday 22:00 there");
    assert!(staffed(&hours, "fraud", at("2026-12-07T21:59:00Z")), "Tuesday 05:59 there");
    assert!(!staffed(&hours, "fraud", at("2026-12-07T22:00:00Z")));
    assert_eq!(business_seconds(&hours, "fraud", at("2026-12-07T00:00:00Z"), at("2026-12-09T00:00:00Z")), 8 * 3600);
}

#[test]
fn business_time_counts_only_open_hours_and_knows_daylight_saving() {
    let hours = berlin_weekdays();
    // Friday 18:00 to Monday 09:00 Berlin time: 2 h on Friday, 1 h on Monday.
    assert_eq!(business_seconds(&hours, "payments", at("2026-12-04T17:00:00Z"), at("2026-12-07T08:00:00Z")), 3 * 3600);
    // Sunday 29 March 2026 the clocks go forward; Monday 08:00 CEST is 06:00 UTC.
    assert!(staffed(&hours, "payments", at("2026-03-30T06:00:00Z")));
    assert!(!staffed(&hours, "payments", at("2026-03-30T05:59:00Z")));
    // A week: five days of 12 hours.
    assert_eq!(
        business_seconds(&hours, "payments", at("2026-11-30T00:00:00Z"), at("2026-12-07T00:00:00Z")),
        5 * 12 * 3600
    );
    assert_eq!(business_seconds(&hours, "general", at("2026-11-30T00:00:00Z"), at("2026-11-30T01:00:00Z")), 3600);
    assert_eq!(business_seconds(&hours, "payments", at("2026-12-07T10:00:00Z"), at("2026-12-07T09:00:00Z")), 0);
}

#[test]
fn hours_a_supervisor_writes_are_checked() {
    let mut hours = berlin_weekdays().remove(0);
    assert!(check(&hours).is_ok());
    hours.time_zone = "Mars/Olympus".into();
    assert!(check(&hours).unwrap_err().contains("unknown time zone"));
    hours.time_zone = "UTC".into();
    hours.weekly.push(span(8, "08:00", "09:00"));
    assert!(check(&hours).is_err());
    hours.weekly.pop();
    hours.weekly.push(span(1, "8:00", "25:00"));
    assert!(check(&hours).is_err());
}
