//! The rules. Each reads the customer's events (oldest first) and, when it fires, says
//! why and which events. Windows are inclusive; amounts are US cents.

use std::collections::BTreeSet;

use arbiter_contract::{
    ActivityDetail, ActivityEvent, DepositMethod, Exposure, ExposureCategory, RiskRule, Screening, ScreeningRating,
    SecurityChangeKind, TradeSide, TransferStatus,
};
use chrono::Duration;

use arbiter_text::{common, Msg};

use crate::links::Links;
use crate::messages::{findings, labels};
use crate::poisoning::{self, PoisoningParams};
use crate::screening;
use crate::{Finding, Subject};

fn param(rule: &RiskRule, name: &str, default: f64) -> f64 {
    rule.params.get(name).copied().unwrap_or(default)
}

fn hours(rule: &RiskRule, default: f64) -> Duration {
    Duration::minutes((param(rule, "window_hours", default) * 60.0).round() as i64)
}

fn usd(cents: i64) -> String {
    let whole = cents / 100;
    let mut digits = whole.abs().to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(",{tail}{grouped}");
    }
    format!("{}{digits}{grouped} USD", if whole < 0 { "-" } else { "" })
}

/// "45 min", "3 h", "2 d": a rule's time span, rounded to the unit that reads best.
fn span(d: Duration) -> Msg {
    let minutes = d.num_minutes();
    if minutes < 90 {
        Msg::new(&common::MINUTES).int("n", minutes)
    } else if minutes < 48 * 60 {
        Msg::new(&common::HOURS).text("n", format!("{:.0}", minutes as f64 / 60.0))
    } else {
        Msg::new(&common::DAYS).text("n", format!("{:.0}", minutes as f64 / 1440.0))
    }
}

fn failed(status: &TransferStatus) -> bool {
    *status == TransferStatus::Failed
}

/// The rule's name: the default's, said in any language, or the company's own as written.
fn name_text(rule: &RiskRule) -> Msg {
    use crate::messages::rules::*;
    let default = match rule.number {
        1 => &RULE_1,
        2 => &RULE_2,
        3 => &RULE_3,
        4 => &RULE_4,
        5 => &RULE_5,
        6 => &RULE_6,
        7 => &RULE_7,
        8 => &RULE_8,
        9 => &RULE_9,
        10 => &RULE_10,
        _ => &OWN_NAME,
    };
    let named = Msg::new(default);
    if named.english() == rule.name {
        named
    } else {
        Msg::new(&OWN_NAME).text("name", rule.name.as_str())
    }
}

fn finding(rule: &RiskRule, text: Msg, mut event_ids: Vec<i64>, linked: Vec<i64>) -> Finding {
    event_ids.sort_unstable();
    event_ids.dedup();
    Finding {
        rule: rule.number as u8,
        name: rule.name.clone(),
        name_text: name_text(rule),
        weight: rule.weight,
        explanation: text.english(),
        text,
        event_ids,
        linked_customer_ids: linked,
    }
}

pub(crate) fn evaluate(
    rule: &RiskRule,
    subject: &Subject,
    events: &[&ActivityEvent],
    links: &Links,
) -> Option<Finding> {
    match rule.number {
        1 => card_then_withdrawal(rule, events),
        2 => security_change_then_withdrawal(rule, events),
        3 => new_device_country_address(rule, events),
        4 => linked_accounts(rule, subject, events, links),
        5 => rapid_cash_out(rule, events),
        6 => risky_p2p(rule, subject, events),
        7 => wash_trading(rule, subject, events, links),
        8 => structuring(rule, events),
        9 => address_poisoning(rule, events),
        10 => risky_destination(rule, events),
        _ => None,
    }
}

/// Rule 1: A card-funded deposit, then a withdrawal to an external address within 72 h.
fn card_then_withdrawal(rule: &RiskRule, events: &[&ActivityEvent]) -> Option<Finding> {
    let window = hours(rule, 72.0);
    for (i, deposit) in events.iter().enumerate() {
        let ActivityDetail::Deposit { method: DepositMethod::Card, usd_cents, card_last4, status, .. } =
            &deposit.detail
        else {
            continue;
        };
        if failed(status) {
            continue;
        }
        let out = events[i + 1..]
            .iter()
            .take_while(|w| w.at - deposit.at <= window)
            .find(|w| matches!(&w.detail, ActivityDetail::Withdrawal { status, .. } if !failed(status)));
        if let Some(out) = out {
            let ActivityDetail::Withdrawal { usd_cents: out_cents, address, .. } = &out.detail else { continue };
            let text = Msg::new(&findings::CARD_THEN_WITHDRAWAL)
                .text("amount", usd(*usd_cents))
                .text("last4", card_last4.as_deref().unwrap_or("????"))
                .msg("after", span(out.at - deposit.at))
                .text("out", usd(*out_cents))
                .text("address", address.as_str());
            return Some(finding(rule, text, vec![deposit.id, out.id], vec![]));
        }
    }
    None
}

/// Rule 2: A password, 2FA, email or phone change, then a withdrawal or a new withdrawal address
/// within 24 h: the exchange's own ban window, the usual account-takeover shape.
fn security_change_then_withdrawal(rule: &RiskRule, events: &[&ActivityEvent]) -> Option<Finding> {
    let window = hours(rule, 24.0);
    for (i, change) in events.iter().enumerate() {
        let ActivityDetail::SecurityChange { change: kind, ip_country, .. } = &change.detail else { continue };
        if !matches!(
            kind,
            SecurityChangeKind::Password
                | SecurityChangeKind::TwoFactor
                | SecurityChangeKind::Email
                | SecurityChangeKind::Phone
        ) {
            continue;
        }
        let after = events[i + 1..].iter().take_while(|e| e.at - change.at <= window).find(|e| match &e.detail {
            ActivityDetail::Withdrawal { status, .. } => !failed(status),
            ActivityDetail::SecurityChange { change: SecurityChangeKind::WithdrawalAddress, .. } => true,
            _ => false,
        });
        if let Some(after) = after {
            let what = match &after.detail {
                ActivityDetail::Withdrawal { usd_cents, address, new_address, .. } => {
                    Msg::new(if *new_address { &findings::WITHDRAWAL_TO_NEW } else { &findings::WITHDRAWAL_TO })
                        .text("amount", usd(*usd_cents))
                        .text("address", address.as_str())
                }
                _ => Msg::new(&findings::NEW_ADDRESS),
            };
            let text = Msg::new(&findings::CHANGE_THEN_OUT)
                .msg("change", change_name(kind))
                .text("country", ip_country.as_str())
                .msg("what", what)
                .msg("after", span(after.at - change.at));
            return Some(finding(rule, text, vec![change.id, after.id], vec![]));
        }
    }
    None
}

fn change_name(kind: &SecurityChangeKind) -> Msg {
    Msg::new(match kind {
        SecurityChangeKind::Password => &labels::CHANGE_PASSWORD,
        SecurityChangeKind::TwoFactor => &labels::CHANGE_TWO_FACTOR,
        SecurityChangeKind::Email => &labels::CHANGE_EMAIL,
        SecurityChangeKind::Phone => &labels::CHANGE_PHONE,
        SecurityChangeKind::ApiKey => &labels::CHANGE_API_KEY,
        SecurityChangeKind::WithdrawalAddress => &labels::CHANGE_WITHDRAWAL_ADDRESS,
    })
}

/// Rule 3: In one session: a login from a device and a country never seen before, and a new
/// withdrawal address (added, or withdrawn to).
fn new_device_country_address(rule: &RiskRule, events: &[&ActivityEvent]) -> Option<Finding> {
    let mut devices: BTreeSet<&str> = BTreeSet::new();
    let mut countries: BTreeSet<&str> = BTreeSet::new();
    for (i, login) in events.iter().enumerate() {
        let ActivityDetail::Login { device_id, device, ip_country, success, .. } = &login.detail else { continue };
        if !success {
            continue;
        }
        let new_device = !devices.is_empty() && !devices.contains(device_id.as_str());
        let new_country = !countries.is_empty() && !countries.contains(ip_country.as_str());
        if new_device && new_country {
            if let Some(session) = &login.session_id {
                let address = events[i + 1..].iter().filter(|e| e.session_id.as_ref() == Some(session)).find(|e| {
                    matches!(
                        &e.detail,
                        ActivityDetail::SecurityChange { change: SecurityChangeKind::WithdrawalAddress, .. }
                            | ActivityDetail::Withdrawal { new_address: true, .. }
                    )
                });
                if let Some(address) = address {
                    let mut ids = vec![login.id, address.id];
                    ids.extend(
                        events[i + 1..]
                            .iter()
                            .filter(|e| e.session_id.as_ref() == Some(session))
                            .filter(|e| matches!(e.detail, ActivityDetail::Withdrawal { .. }))
                            .map(|e| e.id),
                    );
                    let text = Msg::new(&findings::NEW_DEVICE_COUNTRY)
                        .text("device", device.as_str())
                        .text("country", ip_country.as_str());
                    return Some(finding(rule, text, ids, vec![]));
                }
            }
        }
        devices.insert(device_id);
        countries.insert(ip_country);
    }
    None
}

/// Rule 4: Accounts sharing a device, IP, withdrawal wallet or card.
fn linked_accounts(rule: &RiskRule, subject: &Subject, events: &[&ActivityEvent], links: &Links) -> Option<Finding> {
    let min = param(rule, "min_accounts", 2.0).max(2.0) as usize;
    let shared: Vec<_> = links
        .of_customer(subject.customer_id, events)
        .into_iter()
        .filter(|l| l.customer_ids.len() + 1 >= min)
        .collect();
    if shared.is_empty() {
        return None;
    }
    let mut others: Vec<i64> = shared.iter().flat_map(|l| l.customer_ids.iter().copied()).collect();
    others.sort_unstable();
    others.dedup();
    let items: Vec<Msg> = shared
        .iter()
        .map(|l| {
            let kind = Msg::new(match l.kind {
                crate::LinkKind::Device => &labels::DEVICE,
                crate::LinkKind::Ip => &labels::IP,
                crate::LinkKind::Wallet => &labels::WALLET,
                crate::LinkKind::Card => &labels::CARD,
            });
            // "card ··4242" already names its kind; "iPhone 15, iOS 18" does not.
            let names_its_kind =
                l.kind == crate::LinkKind::Card || (l.kind == crate::LinkKind::Device && l.label == "device");
            let what = if names_its_kind {
                l.label_text.clone()
            } else {
                Msg::new(&findings::KIND_LABEL).msg("kind", kind).msg("label", l.label_text.clone())
            };
            Msg::new(&findings::SHARED_WITH).msg("what", what).count(l.customer_ids.len())
        })
        .collect();
    let ids = shared.iter().flat_map(|l| l.event_ids.iter().copied()).collect();
    Some(finding(rule, Msg::new(&findings::SHARES).list("items", items), ids, others))
}

/// Rule 5: Most of the first deposit withdrawn within 24 h of it.
fn rapid_cash_out(rule: &RiskRule, events: &[&ActivityEvent]) -> Option<Finding> {
    let window = hours(rule, 24.0);
    let share = param(rule, "balance_share", 0.8);
    let large = (param(rule, "large_first_deposit_usd", 10_000.0) * 100.0) as i64;
    let (i, first) = events
        .iter()
        .enumerate()
        .find(|(_, e)| matches!(&e.detail, ActivityDetail::Deposit { status, .. } if !failed(status)))?;
    let ActivityDetail::Deposit { usd_cents: deposited, .. } = &first.detail else { return None };
    let outs: Vec<&&ActivityEvent> = events[i + 1..]
        .iter()
        .take_while(|e| e.at - first.at <= window)
        .filter(|e| matches!(&e.detail, ActivityDetail::Withdrawal { status, .. } if !failed(status)))
        .collect();
    let out: i64 = outs
        .iter()
        .map(|e| if let ActivityDetail::Withdrawal { usd_cents, .. } = &e.detail { *usd_cents } else { 0 })
        .sum();
    if *deposited <= 0 || (out as f64) <= share * *deposited as f64 {
        return None;
    }
    let text = Msg::new(if *deposited >= large { &findings::CASH_OUT_LARGE } else { &findings::CASH_OUT })
        .text("share", format!("{:.0}", out as f64 / *deposited as f64 * 100.0))
        .text("amount", usd(*deposited))
        .msg("within", span(outs.last().map_or(Duration::zero(), |last| last.at - first.at)))
        .text("large", usd(large));
    let mut ids = vec![first.id];
    ids.extend(outs.iter().map(|e| e.id));
    Some(finding(rule, text, ids, vec![]))
}

fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ");
    norm(a) == norm(b)
}

/// Rule 6: P2P with a counterparty younger than 30 days or with fewer than 100 trades, or paid by
/// someone else than the buyer (triangulation).
fn risky_p2p(rule: &RiskRule, subject: &Subject, events: &[&ActivityEvent]) -> Option<Finding> {
    let min_age = param(rule, "min_counterparty_age_days", 30.0) as i64;
    let min_trades = param(rule, "min_counterparty_trades", 100.0) as i64;
    let mut reasons = Vec::new();
    let mut ids = Vec::new();
    for event in events {
        let ActivityDetail::P2pOrder { side, counterparty, payer_name, usd_cents, status, .. } = &event.detail else {
            continue;
        };
        if failed(status) {
            continue;
        }
        let mut why: Vec<Msg> = Vec::new();
        if counterparty.account_age_days < min_age {
            why.push(Msg::new(&findings::YOUNG_COUNTERPARTY).int("days", counterparty.account_age_days));
        }
        if counterparty.completed_trades < min_trades {
            why.push(Msg::new(&findings::FEW_TRADES).int("trades", counterparty.completed_trades));
        }
        let expected = match side {
            TradeSide::Sell => Some(counterparty.legal_name.as_str()),
            TradeSide::Buy => subject.legal_name.as_deref(),
        };
        if let Some(expected) = expected {
            if !same_name(payer_name, expected) {
                why.push(
                    Msg::new(&findings::OTHER_PAYER).text("payer", payer_name.as_str()).text("expected", expected),
                );
            }
        }
        if let Some(why) =
            why.into_iter().reduce(|first, second| Msg::new(&findings::AND).msg("first", first).msg("second", second))
        {
            let side = Msg::new(if *side == TradeSide::Sell { &findings::P2P_SALE } else { &findings::P2P_PURCHASE });
            reasons.push(Msg::new(&findings::P2P).msg("side", side).text("amount", usd(*usd_cents)).msg("why", why));
            ids.push(event.id);
        }
    }
    let text = reasons
        .into_iter()
        .reduce(|first, second| Msg::new(&findings::REASONS).msg("first", first).msg("second", second));
    text.map(|text| finding(rule, text, ids, vec![]))
}

/// Rule 7: Trades with oneself, or with an account linked to this one.
fn wash_trading(rule: &RiskRule, subject: &Subject, events: &[&ActivityEvent], links: &Links) -> Option<Finding> {
    let linked: BTreeSet<i64> =
        links.of_customer(subject.customer_id, events).iter().flat_map(|l| l.customer_ids.iter().copied()).collect();
    let mut ids = Vec::new();
    let mut others = BTreeSet::new();
    let mut total = 0;
    for event in events {
        let ActivityDetail::Trade { counterparty_customer_id: Some(other), usd_cents, .. } = &event.detail else {
            continue;
        };
        if *other == subject.customer_id || linked.contains(other) {
            ids.push(event.id);
            total += usd_cents;
            if *other != subject.customer_id {
                others.insert(*other);
            }
        }
    }
    if ids.is_empty() {
        return None;
    }
    let with = if others.is_empty() {
        Msg::new(&findings::WITH_ITSELF)
    } else {
        Msg::new(&findings::WITH_LINKED).text("ids", format!("{others:?}"))
    };
    let text = Msg::new(&findings::WASH).int("count", ids.len() as i64).text("amount", usd(total)).msg("with", with);
    Some(finding(rule, text, ids, others.into_iter().collect()))
}

/// Rule 8: Several deposits just under a reporting threshold within 24 h.
fn structuring(rule: &RiskRule, events: &[&ActivityEvent]) -> Option<Finding> {
    let threshold = (param(rule, "threshold_usd", 10_000.0) * 100.0) as i64;
    let floor = (threshold as f64 * (1.0 - param(rule, "band_share", 0.1))) as i64;
    let min = param(rule, "min_count", 3.0).max(1.0) as usize;
    let window = hours(rule, 24.0);
    let near: Vec<&&ActivityEvent> = events
        .iter()
        .filter(|e| {
            matches!(&e.detail, ActivityDetail::Deposit { usd_cents, status, .. }
                if (floor..threshold).contains(usd_cents) && !failed(status))
        })
        .collect();
    for (i, first) in near.iter().enumerate() {
        let run: Vec<&&&ActivityEvent> = near[i..].iter().take_while(|e| e.at - first.at <= window).collect();
        if run.len() >= min {
            let total: i64 = run
                .iter()
                .map(|e| if let ActivityDetail::Deposit { usd_cents, .. } = &e.detail { *usd_cents } else { 0 })
                .sum();
            let text = Msg::new(&findings::STRUCTURING)
                .int("count", run.len() as i64)
                .text("floor", usd(floor))
                .text("threshold", usd(threshold))
                .msg("within", span(run.last().map_or(Duration::zero(), |l| l.at - first.at)))
                .text("total", usd(total));
            return Some(finding(rule, text, run.iter().map(|e| e.id).collect(), vec![]));
        }
    }
    None
}

/// Rule 9: A withdrawal to a new address that imitates one the customer withdrew to before
/// (address poisoning), worse when a tiny transfer came in from the lookalike shortly before.
fn address_poisoning(rule: &RiskRule, events: &[&ActivityEvent]) -> Option<Finding> {
    let params = PoisoningParams::of_rule(rule);
    events.iter().rev().find_map(|withdrawal| {
        let ActivityDetail::Withdrawal { usd_cents, status, .. } = &withdrawal.detail else { return None };
        if failed(status) {
            return None;
        }
        let warning = poisoning::check(events, withdrawal, &params)?;
        let text = Msg::new(&findings::POISONING)
            .text("amount", usd(*usd_cents))
            .text("address", warning.address.as_str())
            .text("imitated", warning.lookalike.imitated.as_str())
            .int("start", warning.lookalike.same_start as i64)
            .int("end", warning.lookalike.same_end as i64);
        let mut ids = vec![warning.imitated_event_id, withdrawal.id];
        let text = match (warning.dust_event_id, warning.dust_usd_cents) {
            (Some(dust), Some(cents)) => {
                ids.push(dust);
                let at = events.iter().find(|e| e.id == dust).map_or(withdrawal.at, |e| e.at);
                Msg::new(&findings::POISONING_DUST)
                    .msg("lookalike", text)
                    .text("dust", usd_exact(cents))
                    .msg("before", span(withdrawal.at - at))
            }
            _ => text,
        };
        Some(finding(rule, text, ids, vec![]))
    })
}

/// Rule 10: A withdrawal to an address whose screening is rated at least `min_rating`
/// (1 low … 4 severe; 3, high, by default): sanctions, mixers, darknet markets, scams,
/// stolen funds.
fn risky_destination(rule: &RiskRule, events: &[&ActivityEvent]) -> Option<Finding> {
    let min = param(rule, "min_rating", 3.0).round() as u8;
    let flagged: Vec<(&&ActivityEvent, &Screening)> = events
        .iter()
        .filter_map(|e| match &e.detail {
            ActivityDetail::Withdrawal { screening: Some(s), status, .. }
                if !failed(status) && screening::level(s.rating) >= min =>
            {
                Some((e, s))
            }
            _ => None,
        })
        .collect();
    let (worst, result) = flagged.iter().max_by_key(|(e, s)| (s.rating, e.at))?;
    let ActivityDetail::Withdrawal { usd_cents, address, .. } = &worst.detail else { return None };
    let exposure = result
        .exposures
        .first()
        .map(exposure_text)
        .unwrap_or_else(|| Msg::new(&labels::AS_SHOWN).text("label", result.entity.clone().unwrap_or_default()));
    let text = Msg::new(&findings::SCREENED)
        .text("amount", usd(*usd_cents))
        .text("address", address.as_str())
        .msg("rating", rating_text(result.rating))
        .text("source", result.source.as_str())
        .msg("exposure", exposure);
    Some(finding(rule, text, flagged.iter().map(|(e, _)| e.id).collect(), vec![]))
}

/// "12.50 USD": dust is worth saying to the cent.
fn usd_exact(cents: i64) -> String {
    format!("{}.{:02} USD", cents / 100, (cents % 100).abs())
}

pub fn rating_text(rating: ScreeningRating) -> Msg {
    Msg::new(match rating {
        ScreeningRating::Low => &labels::RATING_LOW,
        ScreeningRating::Medium => &labels::RATING_MEDIUM,
        ScreeningRating::High => &labels::RATING_HIGH,
        ScreeningRating::Severe => &labels::RATING_SEVERE,
    })
}

pub fn category_text(category: ExposureCategory) -> Msg {
    Msg::new(match category {
        ExposureCategory::Sanctions => &labels::SANCTIONS,
        ExposureCategory::Mixer => &labels::MIXER,
        ExposureCategory::DarknetMarket => &labels::DARKNET_MARKET,
        ExposureCategory::Scam => &labels::SCAM,
        ExposureCategory::StolenFunds => &labels::STOLEN_FUNDS,
        ExposureCategory::Gambling => &labels::GAMBLING,
        ExposureCategory::Exchange => &labels::EXCHANGE,
    })
}

/// "100 % direct sanctions exposure".
pub fn exposure_text(exposure: &Exposure) -> Msg {
    Msg::new(if exposure.direct { &labels::DIRECT } else { &labels::INDIRECT })
        .int("share", exposure.share_percent as i64)
        .msg("category", category_text(exposure.category))
}
