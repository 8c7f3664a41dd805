//! The service report: how fast and how well the caller's teams answered over a period.
//! Computed by the server (it holds every team member's conversations and each ticket's
//! history of states); every duration counts the team's staffed hours only.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// `GET /v1/reports/service` query: the days (UTC, both inclusive) and, optionally, one team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ServiceQuery {
    /// First day, inclusive.
    pub from: NaiveDate,
    /// Last day, inclusive; at most 366 days after `from`.
    pub to: NaiveDate,
    /// One of the caller's teams; none: all of them.
    pub team: Option<String>,
}

/// A distribution of durations in business seconds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Durations {
    pub count: i64,
    pub mean_seconds: Option<i64>,
    pub median_seconds: Option<i64>,
    pub p90_seconds: Option<i64>,
}

/// One group of the report (an agent, a team, a channel, a language, a day, or everything).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceRow {
    /// Stable: an agent's id, a team's id, `email`/`chat`, a language tag, a day `YYYY-MM-DD`,
    /// or `all`. The CSV's key column.
    pub key: String,
    /// What to call it (an agent's name; otherwise the key).
    pub label: String,
    /// Customer's first message to the first reply a person wrote (system and automatic
    /// messages do not count; conversations an agent started are left out).
    pub first_response: Durations,
    /// Created to solved, for conversations whose latest solve fell in the period and that
    /// are still solved (one reopened and not solved again is not resolved).
    pub resolution: Durations,
    /// Per conversation, the time it was open (new or open, not waiting on the customer or
    /// another team) with an agent, within the period.
    pub handle: Durations,
    /// Conversations solved in the period (counted once however often they were solved).
    pub solved: i64,
    /// Of `solved`, those the customer (or anyone) reopened after that solve.
    pub reopened: i64,
    /// `reopened / solved`.
    pub reopen_rate: Option<f64>,
    /// Ratings given in the period.
    pub ratings: i64,
    /// Mean score, 1–5.
    pub csat_mean: Option<f64>,
    /// Share of ratings of 4 or 5 (the usual CSAT score).
    pub csat_satisfied: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The teams the report covers.
    pub teams: Vec<String>,
    pub totals: ServiceRow,
    /// Every day of the period, oldest first (empty days too).
    pub by_day: Vec<ServiceRow>,
    /// Most conversations handled first.
    pub by_agent: Vec<ServiceRow>,
    pub by_team: Vec<ServiceRow>,
    pub by_channel: Vec<ServiceRow>,
    pub by_language: Vec<ServiceRow>,
}

/// `GET /v1/reports/controls`: the account actions applied in a period (UTC days, both
/// inclusive), for compliance, as CSV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct ControlsReportQuery {
    pub from: NaiveDate,
    pub to: NaiveDate,
}
