//! The default policies (DOMAIN.md's values). The server seeds them as version 1; an
//! administrator changes them through `PUT /v1/policies`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::entities::*;

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;

fn target(channel: Channel, vip: bool, seconds: i64) -> ResponseTarget {
    ResponseTarget { channel, vip, seconds }
}

pub fn sla_policy() -> SlaPolicy {
    SlaPolicy {
        first_response: vec![
            target(Channel::Chat, false, 60),
            target(Channel::Chat, true, 60),
            target(Channel::Email, false, 4 * HOUR),
            target(Channel::Email, true, HOUR),
        ],
        next_response: vec![
            target(Channel::Chat, false, 2 * MINUTE),
            target(Channel::Chat, true, 2 * MINUTE),
            target(Channel::Email, false, 8 * HOUR),
            target(Channel::Email, true, 8 * HOUR),
        ],
        resolution_seconds: 72 * HOUR,
        chargeback_margin_days: 5,
    }
}

fn trigger(
    reason: EscalationReason,
    level: EscalationLevel,
    threshold: Option<f64>,
    target_team: Option<&str>,
    description: &str,
) -> EscalationTrigger {
    EscalationTrigger {
        reason,
        level,
        threshold,
        target_team: target_team.map(str::to_owned),
        description: description.to_owned(),
    }
}

pub fn escalation_matrix() -> EscalationMatrix {
    use EscalationLevel::*;
    use EscalationReason::*;
    let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let mut sensitive_words = BTreeMap::new();
    sensitive_words.insert(
        "en".to_owned(),
        words(&[
            "lawyer",
            "attorney",
            "legal action",
            "sue",
            "court",
            "regulator",
            "sec",
            "fca",
            "police",
            "journalist",
            "press",
            "media",
            "ombudsman",
        ]),
    );
    sensitive_words.insert(
        "es".into(),
        words(&["abogado", "demanda", "denuncia", "policía", "regulador", "periodista", "prensa"]),
    );
    sensitive_words.insert(
        "pt".into(),
        words(&["advogado", "processo", "polícia", "procon", "regulador", "jornalista", "imprensa"]),
    );
    sensitive_words.insert(
        "de".into(),
        words(&["anwalt", "klage", "polizei", "bafin", "verbraucherzentrale", "presse", "journalist"]),
    );
    sensitive_words.insert(
        "fr".into(),
        words(&["avocat", "plainte", "police", "gendarmerie", "amf", "régulateur", "journaliste", "presse"]),
    );
    sensitive_words.insert("tr".into(), words(&["avukat", "dava", "polis", "savcılık", "spk", "gazeteci", "basın"]));
    sensitive_words
        .insert("ru".into(), words(&["юрист", "адвокат", "суд", "полиция", "регулятор", "журналист", "сми"]));
    sensitive_words.insert(
        "zh".into(),
        words(&[
            "律師", "律师", "起訴", "起诉", "警察", "報警", "报警", "監管", "监管", "記者", "记者", "媒體", "媒体",
        ]),
    );
    sensitive_words.insert("ja".into(), words(&["弁護士", "訴訟", "警察", "金融庁", "記者", "マスコミ"]));
    sensitive_words.insert("ko".into(), words(&["변호사", "소송", "경찰", "금융감독원", "기자", "언론"]));
    sensitive_words.insert("vi".into(), words(&["luật sư", "kiện", "công an", "cảnh sát", "nhà báo", "báo chí"]));
    EscalationMatrix {
        levels: vec![
            LevelTitle { level: L0, title: "Agent".into() },
            LevelTitle { level: L1, title: "Team lead".into() },
            LevelTitle { level: L2, title: "Operations manager".into() },
            LevelTitle { level: L3, title: "Head of support / compliance".into() },
        ],
        triggers: vec![
            trigger(SlaBreach, L1, None, None, "An SLA target was missed."),
            trigger(SlaBreachProlonged, L2, Some(2.0), None, "Still breached after twice the target."),
            trigger(HighValueDispute, L1, Some(10_000.0), None, "Amount in dispute at or above 10,000 USD."),
            trigger(HighValueDispute, L2, Some(100_000.0), None, "Amount in dispute at or above 100,000 USD."),
            trigger(VipCustomer, L1, None, None, "The customer has a VIP tier."),
            trigger(SensitiveLanguage, L2, None, Some("compliance"), "Legal, regulator, police or media words."),
            trigger(RepeatContact, L1, Some(3.0), None, "Third contact on the same issue within 7 days."),
            trigger(FraudScore, L2, None, Some("risk"), "Fraud score at decline level."),
            trigger(ChargebackDeadline, L2, Some(48.0), None, "Chargeback due within 48 h and unanswered."),
        ],
        sensitive_words,
    }
}

fn rule(number: i64, name: &str, weight: f64, params: &[(&str, f64)]) -> RiskRule {
    RiskRule {
        number,
        name: name.to_owned(),
        weight,
        params: params.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
    }
}

pub fn risk_policy() -> RiskPolicy {
    RiskPolicy {
        rules: vec![
            rule(1, "Card deposit then external withdrawal", 30.0, &[("window_hours", 72.0)]),
            rule(2, "Security change then withdrawal (account takeover)", 45.0, &[("window_hours", 24.0)]),
            rule(3, "New device, new country and new withdrawal address in one session", 40.0, &[]),
            rule(4, "Linked accounts (shared device, IP, wallet or card)", 20.0, &[("min_accounts", 2.0)]),
            rule(
                5,
                "Rapid cash-out after first deposit",
                30.0,
                &[("window_hours", 24.0), ("balance_share", 0.8), ("large_first_deposit_usd", 10_000.0)],
            ),
            rule(
                6,
                "Risky P2P counterparty or third-party payer",
                25.0,
                &[("min_counterparty_age_days", 30.0), ("min_counterparty_trades", 100.0)],
            ),
            rule(7, "Wash trading between linked accounts or self-trades", 35.0, &[]),
            rule(
                8,
                "Structuring just under a reporting threshold",
                35.0,
                &[("threshold_usd", 10_000.0), ("band_share", 0.1), ("min_count", 3.0), ("window_hours", 24.0)],
            ),
            rule(
                9,
                "Withdrawal to a lookalike of a known address (address poisoning)",
                50.0,
                &[("min_matching_chars", 4.0), ("dust_usd", 5.0), ("window_hours", 720.0)],
            ),
            // Ratings: 1 low, 2 medium, 3 high, 4 severe.
            rule(10, "Withdrawal to a high-risk address (screening)", 60.0, &[("min_rating", 3.0)]),
        ],
        review_at: 30.0,
        block_at: 60.0,
        decline_at: 90.0,
    }
}

pub fn policy_set(now: DateTime<Utc>) -> PolicySet {
    PolicySet {
        version: 1,
        sla: sla_policy(),
        escalation: escalation_matrix(),
        risk: risk_policy(),
        routing: RoutingPolicy::default(),
        actions: ActionPolicy::default(),
        disputes: DisputePolicy::default(),
        alerts: AlertPolicy::default(),
        updated_by: None,
        updated_at: now,
    }
}
