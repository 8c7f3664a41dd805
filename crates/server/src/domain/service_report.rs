//! The service report of a supervisor's teams: the histories the store kept, measured by
//! the policy crate in the teams' staffed hours.

use std::collections::{BTreeSet, HashMap};

use arbiter_contract::{ServiceQuery, ServiceReport};
use arbiter_policy::service::{report, ReportScope};
use chrono::{DateTime, Duration, Utc};
use sqlx::AnyConnection;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::store::{reads, service_history};

/// The longest period one report covers, in days.
pub const MAX_DAYS: i64 = 366;

/// The report for `query` over the caller's teams (or the one it names).
pub async fn of_teams(
    conn: &mut AnyConnection,
    caller: &Caller,
    query: &ServiceQuery,
    now: DateTime<Utc>,
) -> Result<ServiceReport, ApiFailure> {
    if query.to < query.from {
        return Err(ApiFailure::unprocessable("the period ends before it starts ('to' is before 'from')"));
    }
    if (query.to - query.from).num_days() >= MAX_DAYS {
        return Err(ApiFailure::unprocessable(format!("a report covers at most {MAX_DAYS} days")));
    }
    let teams = match &query.team {
        Some(team) if caller.vis.teams.contains(team) => vec![team.clone()],
        Some(team) => return Err(ApiFailure::forbidden(format!("{team} is not one of your teams"))),
        None => caller.vis.teams.clone(),
    };
    let start = query.from.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
    let end = query.to.and_hms_opt(0, 0, 0).expect("midnight").and_utc() + Duration::days(1);
    let histories = service_history::histories(conn, &teams, start, end).await?;
    let hours = reads::policy(conn).await?.routing.hours;

    let mut ids = BTreeSet::new();
    for history in &histories {
        ids.extend(history.first_reply.map(|(_, agent)| agent));
        ids.extend(history.states.iter().filter_map(|s| s.assignee_id));
        ids.extend(history.csat.as_ref().and_then(|c| c.agent_id));
    }
    let ids: Vec<i64> = ids.into_iter().collect();
    let names: HashMap<i64, String> = reads::agents(conn, &ids).await?.into_iter().map(|a| (a.id, a.name)).collect();

    let (from, to) = (query.from, query.to);
    // Months of a busy team are tens of thousands of conversations: off the async threads.
    let built = tokio::task::spawn_blocking(move || {
        let scope = ReportScope { from, to, teams: &teams, hours: &hours, agent_names: &names, now };
        report(&histories, &scope)
    })
    .await
    .map_err(|e| {
        tracing::error!("the service report failed: {e}");
        ApiFailure::internal()
    })?;
    Ok(built)
}
