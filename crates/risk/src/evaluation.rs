//! How well the rules find what was planted: precision and recall per rule and overall,
//! against a ground truth of (rule, customer, events) — the generator's, or a company's
//! labelled cases.

use std::collections::{BTreeMap, BTreeSet};

use crate::RiskScore;

/// One known case of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub rule: u8,
    pub customer_id: i64,
    /// The events that make it (a finding should name them).
    pub event_ids: Vec<i64>,
}

/// The figures of one rule (or of all, with `rule` 0).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleMetrics {
    pub rule: u8,
    /// Planted customers.
    pub expected: usize,
    /// Customers the rule fired on.
    pub flagged: usize,
    pub true_positives: usize,
    pub precision: f64,
    pub recall: f64,
    /// Of the planted events of the customers found, the share the findings name.
    pub events_named: f64,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Per rule 1–10, then overall (rule 0) over (customer, rule) pairs.
pub fn evaluate(scores: &[RiskScore], truth: &[Expected]) -> Vec<RuleMetrics> {
    let mut flagged: BTreeMap<u8, BTreeMap<i64, Vec<i64>>> = BTreeMap::new();
    for score in scores {
        for finding in &score.findings {
            flagged.entry(finding.rule).or_default().insert(score.customer_id, finding.event_ids.clone());
        }
    }
    let mut expected: BTreeMap<u8, BTreeMap<i64, Vec<i64>>> = BTreeMap::new();
    for item in truth {
        expected.entry(item.rule).or_default().insert(item.customer_id, item.event_ids.clone());
    }
    let mut out = Vec::new();
    let mut all = RuleMetrics::default();
    let (mut named, mut planted_events) = (0usize, 0usize);
    for rule in 1..=10u8 {
        let found = flagged.get(&rule).cloned().unwrap_or_default();
        let wanted = expected.get(&rule).cloned().unwrap_or_default();
        let hits: Vec<&i64> = found.keys().filter(|c| wanted.contains_key(c)).collect();
        let (mut rule_named, mut rule_events) = (0usize, 0usize);
        for customer in &hits {
            let names: BTreeSet<i64> = found[customer].iter().copied().collect();
            rule_events += wanted[customer].len();
            rule_named += wanted[customer].iter().filter(|e| names.contains(e)).count();
        }
        out.push(RuleMetrics {
            rule,
            expected: wanted.len(),
            flagged: found.len(),
            true_positives: hits.len(),
            precision: ratio(hits.len(), found.len()),
            recall: ratio(hits.len(), wanted.len()),
            events_named: ratio(rule_named, rule_events),
        });
        all.expected += wanted.len();
        all.flagged += found.len();
        all.true_positives += hits.len();
        named += rule_named;
        planted_events += rule_events;
    }
    all.precision = ratio(all.true_positives, all.flagged);
    all.recall = ratio(all.true_positives, all.expected);
    all.events_named = ratio(named, planted_events);
    out.push(all);
    out
}
