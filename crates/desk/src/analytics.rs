//! Loss analytics from the local copy: chargeback and fraud losses and recoveries by month,
//! reason code, network and channel, win rates, for a period and the teams chosen. The desk
//! holds the cases of the agent's queues (a supervisor's: their teams'), so it answers
//! offline and at once.

use std::collections::BTreeMap;

use arbiter_cache::CaseFact;
use arbiter_contract::{CaseKind, CaseOutcome};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::Desk;
use crate::error::with_detail;
use crate::error::DeskError;
use crate::error::ErrorCode;
use crate::messages::analytics as rows;
use crate::messages::errors;
use arbiter_text::Msg;

/// Which cases count: those decided (or, open, opened) within the period, of these teams.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LossQuery {
    /// First day, inclusive (UTC).
    pub from: Option<NaiveDate>,
    /// Last day, inclusive (UTC).
    pub to: Option<NaiveDate>,
    /// Empty: every team in the local copy.
    #[serde(default)]
    pub teams: Vec<String>,
}

/// One bar of a chart: the cases behind a key and what they cost or brought back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct LossRow {
    /// What the row is of (a month, "Visa 10.4 · …", a channel): stable, and the CSV's.
    pub key: String,
    /// The same, to be said in the agent's language.
    pub label: Msg,
    pub cases: i64,
    /// Closed with an outcome.
    pub decided: i64,
    /// Decided for the exchange: represented and won, resolved for the exchange, false positives.
    pub won: i64,
    pub lost_usd_cents: i64,
    pub recovered_usd_cents: i64,
    /// Still in dispute (open cases' amounts).
    pub open_usd_cents: i64,
    /// `won / decided`, when anything was decided.
    pub win_rate: Option<f64>,
}

impl LossRow {
    fn named(key: String, label: Msg) -> Self {
        LossRow {
            key,
            label,
            cases: 0,
            decided: 0,
            won: 0,
            lost_usd_cents: 0,
            recovered_usd_cents: 0,
            open_usd_cents: 0,
            win_rate: None,
        }
    }

    fn add(&mut self, group: &CaseFact) {
        self.cases += group.cases;
        if group.outcome.is_some() {
            self.decided += group.cases;
        }
        if matches!(
            group.outcome,
            Some(CaseOutcome::RepresentedWon | CaseOutcome::ResolvedInFavourOfExchange | CaseOutcome::FalsePositive)
        ) {
            self.won += group.cases;
        }
        self.lost_usd_cents += group.lost_usd_cents;
        self.recovered_usd_cents += group.recovered_usd_cents;
        if group.outcome.is_none() {
            self.open_usd_cents += group.amount_usd_cents;
        }
        self.win_rate = (self.decided > 0).then(|| self.won as f64 / self.decided as f64);
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct LossReport {
    pub query: LossQuery,
    pub totals: LossRow,
    /// Oldest month first, every month of the period (empty ones too).
    pub by_month: Vec<LossRow>,
    /// Most lost first.
    pub by_reason: Vec<LossRow>,
    pub by_network: Vec<LossRow>,
    pub by_channel: Vec<LossRow>,
    pub by_kind: Vec<LossRow>,
    /// The teams the local copy has cases of, for the filter.
    pub teams: Vec<String>,
    /// What pre-dispute alerts received in the period saved: chargebacks prevented and their
    /// fees, refunds, missed alerts (the teams filter applies to the team that answers them).
    #[serde(default)]
    pub alerts: arbiter_policy::alerts::AlertSavings,
}

fn network_name(network: arbiter_contract::CardNetwork) -> &'static str {
    match network {
        arbiter_contract::CardNetwork::Visa => "Visa",
        arbiter_contract::CardNetwork::Mastercard => "Mastercard",
    }
}

/// The reason row a case counts in: its network's code, or its kind when it has none.
fn reason_row(case: &CaseFact) -> (String, Msg) {
    match (case.network, &case.reason_code, case.kind) {
        (Some(network), Some(code), _) => match arbiter_policy::chargeback::reason_code(network, code) {
            Some(entry) => {
                let title =
                    arbiter_policy::chargeback::title_text(network, entry.code).expect("catalog codes have titles");
                let label = Msg::new(&rows::REASON)
                    .text("network", network_name(network))
                    .text("code", entry.code)
                    .msg("title", title);
                (label.english(), label)
            }
            None => {
                let label =
                    Msg::new(&rows::UNKNOWN_REASON).text("network", network_name(network)).text("code", code.as_str());
                (label.english(), label)
            }
        },
        (_, _, CaseKind::FraudClaim) => named(&rows::FRAUD_CLAIM),
        (_, _, CaseKind::Dispute) => named(&rows::DISPUTE),
        (_, _, CaseKind::Chargeback) => named(&rows::CHARGEBACK),
    }
}

/// A row named by a message: its English is its key.
fn named(def: &'static arbiter_text::Def) -> (String, Msg) {
    let label = Msg::new(def);
    (label.english(), label)
}

fn network_row(case: &CaseFact) -> (String, Msg) {
    match case.network {
        Some(network) => {
            let label = Msg::new(&rows::NETWORK).text("network", network_name(network));
            (label.english(), label)
        }
        None => named(&rows::NO_NETWORK),
    }
}

fn channel_row(case: &CaseFact) -> (String, Msg) {
    match case.channel.as_deref() {
        Some("email") => named(&rows::CHANNEL_EMAIL),
        Some("chat") => named(&rows::CHANNEL_CHAT),
        // A channel this desk has no word for is shown as the server named it.
        Some(other) => (other.to_owned(), Msg::new(&rows::NETWORK).text("network", other)),
        None => named(&rows::CHANNEL_UNKNOWN),
    }
}

fn kind_row(case: &CaseFact) -> (String, Msg) {
    named(match case.kind {
        CaseKind::Chargeback => &rows::CHARGEBACKS,
        CaseKind::FraudClaim => &rows::FRAUD_CLAIMS,
        CaseKind::Dispute => &rows::DISPUTES,
    })
}

fn month_row(month: &str) -> LossRow {
    LossRow::named(month.to_owned(), Msg::new(&rows::MONTH).text("month", month))
}

fn sorted_by_loss(map: BTreeMap<String, LossRow>) -> Vec<LossRow> {
    let mut rows: Vec<LossRow> = map.into_values().collect();
    rows.sort_by(|a, b| b.lost_usd_cents.cmp(&a.lost_usd_cents).then(b.cases.cmp(&a.cases)).then(a.key.cmp(&b.key)));
    rows
}

/// The report over the cases of the period (`groups` are already within `query`'s days;
/// the teams are narrowed here). `teams` lists every team there are cases of.
pub fn loss_report(groups: &[CaseFact], query: &LossQuery, teams: Vec<String>) -> LossReport {
    let within = |case: &CaseFact| query.teams.is_empty() || query.teams.contains(&case.queue);
    let (all, all_label) = named(&rows::ALL_CASES);
    let mut totals = LossRow::named(all, all_label);
    let mut months: BTreeMap<String, LossRow> = BTreeMap::new();
    let mut reasons: BTreeMap<String, LossRow> = BTreeMap::new();
    let mut networks: BTreeMap<String, LossRow> = BTreeMap::new();
    let mut channels: BTreeMap<String, LossRow> = BTreeMap::new();
    let mut kinds: BTreeMap<String, LossRow> = BTreeMap::new();
    let bump = |map: &mut BTreeMap<String, LossRow>, (key, label): (String, Msg), case: &CaseFact| {
        map.entry(key.clone()).or_insert_with(|| LossRow::named(key, label)).add(case);
    };
    for case in groups.iter().filter(|c| within(c)) {
        totals.add(case);
        months.entry(case.month.clone()).or_insert_with(|| month_row(&case.month)).add(case);
        bump(&mut reasons, reason_row(case), case);
        bump(&mut networks, network_row(case), case);
        bump(&mut channels, channel_row(case), case);
        bump(&mut kinds, kind_row(case), case);
    }
    // Every month of the period, so gaps show as gaps.
    if let (Some(first), Some(last)) = (months.keys().next().cloned(), months.keys().last().cloned()) {
        let start = query.from.map(|d| d.format("%Y-%m").to_string()).unwrap_or(first);
        let end = query.to.map(|d| d.format("%Y-%m").to_string()).unwrap_or(last);
        let mut month = start;
        while month <= end && months.len() < 240 {
            months.entry(month.clone()).or_insert_with(|| month_row(&month));
            month = next_month(&month);
        }
    }
    LossReport {
        query: query.clone(),
        totals,
        by_month: months.into_values().collect(),
        by_reason: sorted_by_loss(reasons),
        by_network: sorted_by_loss(networks),
        by_channel: sorted_by_loss(channels),
        by_kind: sorted_by_loss(kinds),
        teams,
        alerts: Default::default(),
    }
}

/// What the alerts received within `query`'s days, of its teams, saved.
pub fn alert_savings(
    alerts: &[arbiter_contract::DisputeAlert],
    query: &LossQuery,
    policy: &arbiter_contract::AlertPolicy,
) -> arbiter_policy::alerts::AlertSavings {
    let mut savings = arbiter_policy::alerts::AlertSavings::default();
    for alert in alerts {
        let day = alert.received_at.date_naive();
        let within = query.from.is_none_or(|from| day >= from)
            && query.to.is_none_or(|to| day <= to)
            && (query.teams.is_empty() || query.teams.contains(&alert.queue));
        if within {
            savings.add(alert, policy);
        }
    }
    savings
}

fn next_month(month: &str) -> String {
    let (year, m) = month.split_once('-').unwrap_or(("1970", "01"));
    let (year, m): (i32, u32) = (year.parse().unwrap_or(1970), m.parse().unwrap_or(1));
    if m == 12 {
        format!("{:04}-01", year + 1)
    } else {
        format!("{year:04}-{:02}", m + 1)
    }
}

/// Text as one CSV cell: quoted, and never read as a formula by a spreadsheet (a leading
/// = + - @ gets an apostrophe).
pub(crate) fn csv_text(text: &str) -> String {
    let escaped = text.replace('"', "\"\"");
    if text.starts_with(['=', '+', '-', '@']) {
        format!("\"'{escaped}\"")
    } else {
        format!("\"{escaped}\"")
    }
}

/// The report as CSV: one line per breakdown row, money in US dollars.
pub fn loss_csv(report: &LossReport) -> String {
    let mut out = String::from("breakdown,key,cases,decided,won,win_rate,lost_usd,recovered_usd,open_usd\n");
    let sections: [(&str, &[LossRow]); 6] = [
        ("total", std::slice::from_ref(&report.totals)),
        ("month", &report.by_month),
        ("reason_code", &report.by_reason),
        ("network", &report.by_network),
        ("channel", &report.by_channel),
        ("kind", &report.by_kind),
    ];
    for (name, rows) in sections {
        for row in rows {
            let key = csv_text(&row.key);
            out.push_str(&format!(
                "{name},{key},{},{},{},{},{:.2},{:.2},{:.2}\n",
                row.cases,
                row.decided,
                row.won,
                row.win_rate.map(|r| format!("{r:.3}")).unwrap_or_default(),
                row.lost_usd_cents as f64 / 100.0,
                row.recovered_usd_cents as f64 / 100.0,
                row.open_usd_cents as f64 / 100.0,
            ));
        }
    }
    let a = &report.alerts;
    out.push_str("\nalerts,answered,prevented_chargebacks,fees_avoided_usd,chargebacks_avoided_usd,refunded_usd,auto_refunded,missed,open\n");
    out.push_str(&format!(
        "{},{},{},{:.2},{:.2},{:.2},{},{},{}\n",
        a.alerts,
        a.answered,
        a.prevented,
        a.fees_avoided_usd_cents as f64 / 100.0,
        a.chargebacks_avoided_usd_cents as f64 / 100.0,
        a.refunded_usd_cents as f64 / 100.0,
        a.auto_refunded,
        a.missed,
        a.open,
    ));
    out
}

impl Desk {
    pub async fn loss_analytics(&self, query: LossQuery) -> Result<LossReport, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let groups = cache.case_fact_groups(query.from, query.to).await?;
        let mut report = loss_report(&groups, &query, cache.case_teams().await?);
        let policy = cache.policies().await?.map(|p| p.alerts).unwrap_or_default();
        report.alerts = alert_savings(&self.cached_alerts().await?, &query, &policy);
        Ok(report)
    }

    /// Saves the report for `query` as CSV at the path the agent chose in the save dialog.
    pub async fn export_loss_csv(&self, query: LossQuery, path: &str) -> Result<(), DeskError> {
        let report = self.loss_analytics(query).await?;
        write_export_off_thread(path, "csv", loss_csv(&report).into_bytes()).await
    }

    /// Saves a chart the UI drew as PNG at the path the agent chose in the save dialog.
    pub async fn export_png(&self, path: &str, png: &[u8]) -> Result<(), DeskError> {
        if !png.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::NOT_PNG)));
        }
        write_export_off_thread(path, "png", png.to_vec()).await
    }
}

/// `write_export` on a blocking thread: a slow disk never stalls the desk's async work.
pub(crate) async fn write_export_off_thread(
    path: &str,
    extension: &'static str,
    bytes: Vec<u8>,
) -> Result<(), DeskError> {
    let path = path.to_owned();
    tokio::task::spawn_blocking(move || write_export(&path, extension, &bytes))
        .await
        .unwrap_or_else(|e| Err(DeskError::say(ErrorCode::Internal, with_detail(&errors::EXPORT_FAILED, e))))
}

/// Writes an export where the agent chose, only with the expected extension, whole or not
/// at all (the IPC can write nothing else).
fn write_export(path: &str, extension: &str, bytes: &[u8]) -> Result<(), DeskError> {
    let path = std::path::Path::new(path);
    if !path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case(extension)) {
        return Err(DeskError::say(
            ErrorCode::InvalidInput,
            Msg::new(&errors::EXPORT_EXTENSION).text("extension", extension),
        ));
    }
    crate::reports::write_whole(path, bytes)
}

#[cfg(test)]
// Amounts are written as dollars_cents (250_00 is $250.00).
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;
    use arbiter_contract::{CardDispute, CardNetwork, Case, CaseStatus, ChargebackStage};
    use chrono::{DateTime, Utc};

    fn case(
        id: i64,
        queue: &str,
        code: Option<(CardNetwork, &str)>,
        outcome: Option<CaseOutcome>,
        closed: &str,
        usd: i64,
    ) -> Case {
        let at: DateTime<Utc> = closed.parse().unwrap();
        let (lost, recovered) = match outcome {
            Some(CaseOutcome::RepresentedWon | CaseOutcome::FalsePositive) => (0, usd),
            Some(_) => (usd, 0),
            None => (0, 0),
        };
        Case {
            id,
            kind: if code.is_some() { CaseKind::Chargeback } else { CaseKind::FraudClaim },
            customer_id: 1,
            ticket_ids: vec![id],
            status: if outcome.is_some() { CaseStatus::Closed } else { CaseStatus::Investigating },
            amount_minor: usd,
            currency: "USD".into(),
            amount_usd_cents: usd,
            card: code.map(|(network, code)| CardDispute {
                network,
                reason_code: code.into(),
                stage: ChargebackStage::FirstChargeback,
                card_last4: "4242".into(),
                transaction_date: at.date_naive(),
                filed_at: at,
                stage_began_at: None,
                arn: None,
                payment_event_id: None,
            }),
            due_at: None,
            decision: None,
            outcome,
            recovered_usd_cents: recovered,
            lost_usd_cents: lost,
            evidence: vec![],
            assignee_id: None,
            queue: queue.into(),
            summary: "s".into(),
            created_at: at,
            updated_at: at,
            closed_at: outcome.map(|_| at),
            version: 1,
        }
    }

    fn teams() -> Vec<String> {
        vec!["fraud".into(), "payments".into()]
    }

    fn sample() -> Vec<CaseFact> {
        use CaseOutcome::*;
        let visa = Some((CardNetwork::Visa, "13.1"));
        let mc = Some((CardNetwork::Mastercard, "4837"));
        vec![
            CaseFact::of(
                &case(1, "payments", visa, Some(RepresentedWon), "2026-08-03T10:00:00Z", 100_00),
                Some("email".into()),
            ),
            CaseFact::of(
                &case(2, "payments", visa, Some(RepresentedLost), "2026-08-20T10:00:00Z", 250_00),
                Some("chat".into()),
            ),
            CaseFact::of(&case(3, "payments", mc, Some(Refunded), "2026-10-02T10:00:00Z", 40_00), Some("email".into())),
            CaseFact::of(
                &case(4, "fraud", None, Some(ConfirmedFraud), "2026-10-15T10:00:00Z", 900_00),
                Some("email".into()),
            ),
            CaseFact::of(&case(5, "payments", visa, None, "2026-10-20T10:00:00Z", 75_00), None),
        ]
    }

    #[test]
    fn losses_recoveries_and_win_rates_by_each_breakdown() {
        let report = loss_report(&sample(), &LossQuery::default(), teams());
        assert_eq!(report.totals.cases, 5);
        assert_eq!(report.totals.decided, 4);
        assert_eq!(report.totals.won, 1);
        assert_eq!(report.totals.lost_usd_cents, 250_00 + 40_00 + 900_00);
        assert_eq!(report.totals.recovered_usd_cents, 100_00);
        assert_eq!(report.totals.open_usd_cents, 75_00);
        // Every month of the period, September included though nothing happened then.
        let months: Vec<(&str, i64)> = report.by_month.iter().map(|r| (r.key.as_str(), r.lost_usd_cents)).collect();
        assert_eq!(months, vec![("2026-08", 250_00), ("2026-09", 0), ("2026-10", 940_00)]);
        let visa =
            report.by_reason.iter().find(|r| r.key == "Visa 13.1 · Merchandise or services not received").unwrap();
        assert_eq!((visa.cases, visa.decided, visa.won), (3, 2, 1));
        assert_eq!(visa.win_rate, Some(0.5));
        assert_eq!(report.by_reason[0].key, "Fraud claim", "the biggest loss first");
        assert_eq!(
            report.by_network.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(),
            ["No card network", "Visa", "Mastercard"]
        );
        let channels: Vec<(&str, i64)> = report.by_channel.iter().map(|r| (r.key.as_str(), r.cases)).collect();
        assert_eq!(channels, vec![("email", 3), ("chat", 1), ("unknown", 1)]);
        assert_eq!(report.teams, vec!["fraud", "payments"]);
    }

    #[test]
    fn the_period_and_teams_narrow_it() {
        // The cache has narrowed the period (tested there): October's cases.
        let october: Vec<CaseFact> = sample().into_iter().filter(|f| f.month == "2026-10").collect();
        let query = LossQuery {
            from: NaiveDate::from_ymd_opt(2026, 10, 1),
            to: NaiveDate::from_ymd_opt(2026, 10, 31),
            teams: vec!["payments".into()],
        };
        let report = loss_report(&october, &query, teams());
        assert_eq!(report.totals.cases, 2, "case 3 (decided in October) and the open case 5");
        assert_eq!(report.by_month.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["2026-10"]);
        let empty = loss_report(&sample(), &LossQuery { teams: vec!["p2p".into()], ..LossQuery::default() }, teams());
        assert_eq!(empty.totals.cases, 0);
        assert!(empty.by_month.is_empty());
        assert_eq!(empty.totals.win_rate, None);
    }

    #[test]
    fn groups_count_as_many_cases_as_they_hold() {
        let mut one = sample()[1].clone(); // a lost Visa case
        one.cases = 3;
        one.lost_usd_cents *= 3;
        let report = loss_report(&[one], &LossQuery::default(), teams());
        assert_eq!((report.totals.cases, report.totals.decided, report.totals.won), (3, 3, 0));
        assert_eq!(report.totals.lost_usd_cents, 750_00);
    }

    #[test]
    fn csv_has_every_breakdown_and_no_formulas() {
        let mut report = loss_report(&sample(), &LossQuery::default(), teams());
        report.by_reason[0].key = "=HYPERLINK(\"x\")".into();
        let csv = loss_csv(&report);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "breakdown,key,cases,decided,won,win_rate,lost_usd,recovered_usd,open_usd");
        assert_eq!(lines[1], "total,\"All\",5,4,1,0.250,1190.00,100.00,75.00");
        assert!(lines.contains(&"month,\"2026-09\",0,0,0,,0.00,0.00,0.00"));
        assert!(csv.contains("reason_code,\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
        for section in ["month,", "reason_code,", "network,", "channel,", "kind,"] {
            assert!(csv.contains(section));
        }
    }

    #[test]
    fn alerts_of_the_period_and_teams_count_what_they_saved() {
        use arbiter_contract::{AlertAnswer, AlertKind, AlertOutcome, AlertPolicy, AlertStatus, DisputeAlert};
        let alert = |id: i64, day: u32, queue: &str, outcome: Option<AlertOutcome>| {
            let at = NaiveDate::from_ymd_opt(2026, 10, day).unwrap().and_hms_opt(9, 0, 0).unwrap().and_utc();
            DisputeAlert {
                id,
                kind: AlertKind::CustomerDispute,
                programme: AlertKind::CustomerDispute.programme(),
                external_id: format!("E-{id}"),
                queue: queue.into(),
                customer_id: Some(1),
                payment_event_id: None,
                network: arbiter_contract::CardNetwork::Visa,
                card_last4: "4242".into(),
                arn: None,
                amount_minor: 200_00,
                currency: "USD".into(),
                usd_cents: 200_00,
                transaction_at: at,
                issuer_reason: String::new(),
                received_at: at,
                respond_by: at + chrono::Duration::hours(72),
                status: if outcome.is_some() { AlertStatus::Answered } else { AlertStatus::Expired },
                answer: outcome.map(|outcome| AlertAnswer {
                    outcome,
                    note: String::new(),
                    answered_by: Some(1),
                    rule: None,
                    answered_at: at,
                    refund_usd_cents: if outcome == AlertOutcome::Refunded { 200_00 } else { 0 },
                }),
                version: 2,
            }
        };
        let alerts = [
            alert(1, 3, "disputes", Some(AlertOutcome::Refunded)),
            alert(2, 4, "disputes", Some(AlertOutcome::NotResolved)),
            alert(3, 5, "fraud", None),
            alert(4, 28, "disputes", Some(AlertOutcome::Stopped)),
        ];
        let query = LossQuery {
            from: NaiveDate::from_ymd_opt(2026, 10, 1),
            to: NaiveDate::from_ymd_opt(2026, 10, 10),
            teams: vec!["disputes".into()],
        };
        let policy = AlertPolicy::default();
        let savings = alert_savings(&alerts, &query, &policy);
        assert_eq!((savings.alerts, savings.prevented, savings.missed), (2, 1, 0), "the 28th and fraud's are out");
        assert_eq!((savings.fees_avoided_usd_cents, savings.refunded_usd_cents), (25_00, 200_00));
        let mut report = loss_report(&sample(), &LossQuery::default(), teams());
        report.alerts = alert_savings(&alerts, &LossQuery::default(), &policy);
        let csv = loss_csv(&report);
        let tail: Vec<&str> = csv.lines().rev().take(2).collect();
        assert_eq!(tail[1], "alerts,answered,prevented_chargebacks,fees_avoided_usd,chargebacks_avoided_usd,refunded_usd,auto_refunded,missed,open");
        assert_eq!(tail[0], "4,3,2,50.00,400.00,200.00,0,1,0");
    }

    #[test]
    fn exports_are_written_whole_and_only_as_what_they_say() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("losses.csv");
        write_export(csv.to_str().unwrap(), "csv", b"breakdown\n").unwrap();
        assert_eq!(std::fs::read(&csv).unwrap(), b"breakdown\n");
        let sneaky = dir.path().join("autostart.desktop");
        let refused = write_export(sneaky.to_str().unwrap(), "csv", b"x").unwrap_err();
        assert_eq!(refused.code, crate::error::ErrorCode::InvalidInput);
        assert!(!sneaky.exists());
        let missing = dir.path().join("no/folder/losses.csv");
        assert!(write_export(missing.to_str().unwrap(), "csv", b"x").is_err());
    }
}
