//! The service report a supervisor reads (computed by the server, which holds every team
//! member's conversations and their history) and its CSV export.

use arbiter_contract::{Durations, ServiceQuery, ServiceReport, ServiceRow};

use crate::analytics::{csv_text, write_export_off_thread};
use crate::desk::Desk;
use crate::error::DeskError;

const HEADER: &str = "breakdown,key,name,first_responses,first_response_mean_s,first_response_median_s,\
first_response_p90_s,resolved,resolution_mean_s,resolution_median_s,resolution_p90_s,handled,handle_mean_s,\
handle_median_s,handle_p90_s,solved,reopened,reopen_rate,ratings,csat_mean,csat_satisfied\n";

fn seconds(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn durations(d: &Durations) -> String {
    format!("{},{},{},{}", d.count, seconds(d.mean_seconds), seconds(d.median_seconds), seconds(d.p90_seconds))
}

fn ratio(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.3}")).unwrap_or_default()
}

/// The report as CSV: one line per row of every breakdown, durations in business seconds.
pub fn service_csv(report: &ServiceReport) -> String {
    let mut out = String::from(HEADER);
    let sections: [(&str, &[ServiceRow]); 6] = [
        ("total", std::slice::from_ref(&report.totals)),
        ("day", &report.by_day),
        ("agent", &report.by_agent),
        ("team", &report.by_team),
        ("channel", &report.by_channel),
        ("language", &report.by_language),
    ];
    for (name, rows) in sections {
        for row in rows {
            out.push_str(&format!(
                "{name},{},{},{},{},{},{},{},{},{},{},{}\n",
                csv_text(&row.key),
                csv_text(&row.label),
                durations(&row.first_response),
                durations(&row.resolution),
                durations(&row.handle),
                row.solved,
                row.reopened,
                ratio(row.reopen_rate),
                row.ratings,
                row.csat_mean.map(|v| format!("{v:.2}")).unwrap_or_default(),
                ratio(row.csat_satisfied),
            ));
        }
    }
    out
}

impl Desk {
    /// The service report of the supervisor's teams (online only: it covers every member's
    /// conversations, which no one desk holds).
    pub async fn service_report(&self, query: ServiceQuery) -> Result<ServiceReport, DeskError> {
        let (client, _) = self.supervisor_session().await?;
        Ok(client.service_report(&query).await?)
    }

    /// Saves the report for `query` as CSV at the path chosen in the save dialog.
    pub async fn export_service_csv(&self, query: ServiceQuery, path: &str) -> Result<(), DeskError> {
        let report = self.service_report(query).await?;
        write_export_off_thread(path, "csv", service_csv(&report).into_bytes()).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn csv_has_every_breakdown_and_no_formulas() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let agent = ServiceRow {
            key: "7".into(),
            label: "=HYPERLINK(\"x\")".into(),
            first_response: Durations {
                count: 2,
                mean_seconds: Some(90),
                median_seconds: Some(60),
                p90_seconds: Some(120),
            },
            solved: 3,
            reopened: 1,
            reopen_rate: Some(1.0 / 3.0),
            ratings: 2,
            csat_mean: Some(4.5),
            csat_satisfied: Some(1.0),
            ..ServiceRow::default()
        };
        let report = ServiceReport {
            from: day,
            to: day,
            teams: vec!["payments".into()],
            totals: ServiceRow { key: "all".into(), label: "all".into(), ..agent.clone() },
            by_day: vec![ServiceRow { key: "2026-12-07".into(), label: "2026-12-07".into(), ..ServiceRow::default() }],
            by_agent: vec![agent],
            by_team: vec![],
            by_channel: vec![],
            by_language: vec![],
        };
        let csv = service_csv(&report);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 4);
        let columns = lines[0].split(',').count();
        assert_eq!(columns, 21);
        assert_eq!(lines[3], "agent,\"7\",\"'=HYPERLINK(\"\"x\"\")\",2,90,60,120,0,,,,0,,,,3,1,0.333,2,4.50,1.000");
        assert!(lines[2].starts_with("day,\"2026-12-07\",\"2026-12-07\",0,,,,0"));
    }
}
