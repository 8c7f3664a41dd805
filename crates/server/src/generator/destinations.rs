//! Where withdrawals go: the address clusters the reference screening knows (sanctioned,
//! mixers, darknet markets, scams, stolen funds, gambling, and clean exchanges), and, planted
//! on chosen ordinary customers after their own activity, with ground truth:
//! - rule 9, address poisoning: a tiny transfer in from a lookalike of an address the customer
//!   withdrew to before, then a withdrawal to the lookalike;
//! - rule 10, a withdrawal to an address the screening rates high or severe;
//! - their near misses (an address sharing only its first characters; a medium-rated casino);
//! - withdrawals to other exchanges with their Travel Rule status, some held for it.
//!
//! It draws from its own seeded generator, so the demo data made before it stays the same.

use arbiter_contract::*;
use chrono::{DateTime, Duration, Utc};
use rand::seq::IndexedRandom;
use rand::Rng;
use serde::Serialize;

use super::activity::{hex, price_of, wallet, wallet_of, Decoy, Planted};

/// An address the reference screening knows, as the generator planted it.
#[derive(Debug, Clone, Serialize)]
pub struct KnownAddress {
    pub address: String,
    pub network: String,
    pub screening: Screening,
}

/// What the extra pass planted.
#[derive(Debug, Default)]
pub struct Destinations {
    pub known: Vec<KnownAddress>,
    pub planted: Vec<Planted>,
    pub decoys: Vec<Decoy>,
}

/// A clean screening: a wallet nobody flagged.
pub fn clean(at: DateTime<Utc>) -> Screening {
    Screening {
        rating: ScreeningRating::Low,
        exposures: vec![],
        entity: None,
        source: REFERENCE_KYT.into(),
        screened_at: at,
    }
}

/// The Travel Rule's word on a withdrawal to a self-hosted wallet.
pub fn self_hosted(usd_cents: i64, proven: bool) -> TravelRule {
    let status = match (usd_cents >= OWNERSHIP_PROOF_FROM_USD_CENTS, proven) {
        (false, _) => TravelRuleStatus::NotRequired,
        (true, true) => TravelRuleStatus::OwnershipProven,
        (true, false) => TravelRuleStatus::OwnershipMissing,
    };
    TravelRule { beneficiary: Beneficiary::SelfHosted, status }
}

/// A crypto deposit's sending address, made from its transaction hash (the baseline draws
/// nothing for it).
pub fn sender_of(asset: &str, tx_hash: &str) -> String {
    match asset {
        "BTC" => format!("bc1q{}", &tx_hash[..38]),
        "ETH" => format!("0x{}", &tx_hash[..40]),
        _ => format!("T{}", &tx_hash[..33]),
    }
}

const EXCHANGES: &[&str] = &["Kestrel Exchange", "Atlas Markets", "Meridian Custody", "Harbor Digital"];

/// The entities behind each risky category (fictional, like the rest of the demo).
fn entity_of(category: ExposureCategory) -> &'static str {
    match category {
        ExposureCategory::Sanctions => "Sanctioned exchange (SDN list)",
        ExposureCategory::Mixer => "Tumbler mixing service",
        ExposureCategory::DarknetMarket => "Midnight Bazaar darknet market",
        ExposureCategory::Scam => "Pig-butchering investment scam",
        ExposureCategory::StolenFunds => "Bridge exploit proceeds",
        ExposureCategory::Gambling => "LuckyChain casino",
        ExposureCategory::Exchange => "Exchange",
    }
}

fn screening(exposures: Vec<Exposure>, entity: Option<String>, at: DateTime<Utc>) -> Screening {
    let rating = arbiter_risk::screening::rating(&exposures);
    Screening { rating, exposures, entity, source: REFERENCE_KYT.into(), screened_at: at }
}

/// A new address on `network` that imitates `known`: same kind of address, the first and
/// last `keep` characters after its fixed prefix the same, a different middle.
fn lookalike_of<R: Rng>(rng: &mut R, known: &str, keep: usize) -> String {
    let prefix = ["bc1q", "0x", "T"].into_iter().find(|p| known.starts_with(p)).unwrap_or("");
    let body = &known[prefix.len()..];
    loop {
        let middle = hex(rng, body.len() - 2 * keep);
        if middle.as_bytes()[0] != body.as_bytes()[keep]
            && middle.as_bytes()[middle.len() - 1] != body.as_bytes()[body.len() - keep - 1]
        {
            return format!("{prefix}{}{middle}{}", &body[..keep], &body[body.len() - keep..]);
        }
    }
}

/// What an ordinary customer's history must leave room for: nothing that would make rules
/// 1, 2 or 5 fire on a withdrawal at `at` (card deposits 4 days clear, security changes 2
/// days, the first deposit a week).
fn leaves_room(events: &[ActivityEvent], at: DateTime<Utc>) -> bool {
    let first_deposit =
        events.iter().filter(|e| matches!(e.detail, ActivityDetail::Deposit { .. })).map(|e| e.at).min();
    first_deposit.is_some_and(|first| at - first > Duration::days(7))
        && events.iter().all(|e| match &e.detail {
            ActivityDetail::Deposit { method: DepositMethod::Card, .. } => at - e.at > Duration::days(4),
            ActivityDetail::SecurityChange { .. } => at - e.at > Duration::days(2),
            _ => true,
        })
}

/// The customer's ordinary login to reuse for a new session (home device and IP).
fn home_login(events: &[ActivityEvent]) -> Option<ActivityDetail> {
    events
        .iter()
        .rev()
        .find(|e| matches!(e.detail, ActivityDetail::Login { success: true, .. }))
        .map(|e| e.detail.clone())
}

/// Builds the new events for one customer, numbered from `next_id` once sorted.
struct Plant<'a> {
    customer_id: i64,
    session: String,
    events: Vec<(DateTime<Utc>, ActivityDetail)>,
    next_id: &'a mut i64,
}

impl Plant<'_> {
    fn push(&mut self, at: DateTime<Utc>, detail: ActivityDetail) -> usize {
        self.events.push((at, detail));
        self.events.len() - 1
    }

    /// Numbers the events (they come after all of the customer's others in time) and returns
    /// them with the ids of the marked ones.
    fn finish(self, marked: &[usize]) -> (Vec<ActivityEvent>, Vec<i64>) {
        let mut out = Vec::new();
        let mut ids = vec![0; self.events.len()];
        let mut order: Vec<usize> = (0..self.events.len()).collect();
        order.sort_by_key(|&i| self.events[i].0);
        for i in order {
            let (at, detail) = self.events[i].clone();
            ids[i] = *self.next_id;
            out.push(ActivityEvent {
                id: *self.next_id,
                customer_id: self.customer_id,
                at,
                session_id: Some(self.session.clone()),
                detail,
            });
            *self.next_id += 1;
        }
        let mut marked: Vec<i64> = marked.iter().map(|&i| ids[i]).collect();
        marked.sort_unstable();
        (out, marked)
    }
}

#[allow(clippy::too_many_arguments)]
fn withdrawal(
    asset: &str,
    network: &str,
    address: String,
    usd_cents: i64,
    status: TransferStatus,
    screening: Screening,
    travel_rule: TravelRule,
    tx_hash: Option<String>,
) -> ActivityDetail {
    ActivityDetail::Withdrawal {
        asset: asset.into(),
        quantity: format!("{:.6}", usd_cents as f64 / 100.0 / price_of(asset)),
        usd_cents,
        address,
        network: network.into(),
        new_address: true,
        tx_hash: if status == TransferStatus::Completed { tx_hash } else { None },
        status,
        locked_until: None,
        screening: Some(screening),
        travel_rule: Some(travel_rule),
    }
}

/// A rule (planted, or near-missed) and what was done.
type Labelled = Option<(u8, String)>;

/// What one ordinary customer gets, if anything.
enum Pick {
    Poisoning,
    Risky,
    NearPoisoning,
    NearRisky,
    TravelRuleHold,
    OtherExchange,
}

fn pick<R: Rng>(rng: &mut R) -> Option<Pick> {
    let u: f64 = rng.random();
    Some(match u {
        u if u < 0.012 => Pick::Poisoning,
        u if u < 0.024 => Pick::Risky,
        u if u < 0.030 => Pick::NearPoisoning,
        u if u < 0.036 => Pick::NearRisky,
        u if u < 0.044 => Pick::TravelRuleHold,
        u if u < 0.070 => Pick::OtherExchange,
        _ => return None,
    })
}

/// Plants on one ordinary customer (after their `events`, which are all in the past), or
/// nothing when their history has no room for it.
pub fn plant<R: Rng>(
    rng: &mut R,
    customer: &Customer,
    events: &[ActivityEvent],
    now: DateTime<Utc>,
    next_id: &mut i64,
    out: &mut Destinations,
) -> Vec<ActivityEvent> {
    let Some(choice) = pick(rng) else { return vec![] };
    let Some(login) = home_login(events) else { return vec![] };
    let last = events.iter().map(|e| e.at).max().unwrap_or(now - Duration::days(30));
    // Half the withdrawals (three in four lookalikes) are still waiting (asked for 20 minutes
    // ago), for the desk to stop.
    let waiting = rng.random_bool(if matches!(choice, Pick::Poisoning) { 0.75 } else { 0.5 });
    let at = if waiting { now - Duration::minutes(20) } else { now - Duration::hours(rng.random_range(2..6)) };
    if last >= at - Duration::hours(2) || !leaves_room(events, at) {
        return vec![];
    }
    let mut plant = Plant { customer_id: customer.id, session: hex(rng, 12), events: vec![], next_id };
    plant.push(at - Duration::minutes(4), login);
    let status = if waiting { TransferStatus::Pending } else { TransferStatus::Completed };
    let usd_cents = rng.random_range(300..4_000) * 100;
    let tx_hash = Some(hex(rng, 64));
    let (marked, planted, decoy): (Vec<usize>, Labelled, Labelled) = match choice {
        Pick::Poisoning => {
            let known = events.iter().rev().find_map(|e| match &e.detail {
                ActivityDetail::Withdrawal { address, asset, network, status: TransferStatus::Completed, .. } => {
                    Some((e.id, address.clone(), asset.clone(), network.clone()))
                }
                _ => None,
            });
            let Some((known_id, known, asset, network)) = known else { return vec![] };
            let keep = rng.random_range(4..=6);
            let lookalike = lookalike_of(rng, &known, keep);
            let dust_cents = rng.random_range(1..200);
            let dust_at = at - Duration::minutes(rng.random_range(60..90));
            let dust = plant.push(
                dust_at,
                ActivityDetail::Deposit {
                    method: DepositMethod::Crypto,
                    amount_minor: None,
                    currency: None,
                    asset: Some(asset.clone()),
                    quantity: Some(format!("{:.8}", dust_cents as f64 / 100.0 / price_of(&asset))),
                    usd_cents: dust_cents,
                    card_fingerprint: None,
                    card_last4: None,
                    tx_hash: Some(hex(rng, 64)),
                    from_address: Some(lookalike.clone()),
                    card_payment: None,
                    status: TransferStatus::Completed,
                },
            );
            // Under the Travel Rule's threshold: nothing else stops it.
            let usd_cents = usd_cents.min(OWNERSHIP_PROOF_FROM_USD_CENTS - 100) / 4;
            let travel = self_hosted(usd_cents, true);
            let out_index = plant.push(
                at,
                withdrawal(&asset, &network, lookalike.clone(), usd_cents, status, clean(at), travel, tx_hash),
            );
            let (events, mut ids) = plant.finish(&[dust, out_index]);
            ids.push(known_id);
            ids.sort_unstable();
            out.planted.push(Planted {
                rule: 9,
                customer_id: customer.id,
                event_ids: ids,
                linked_customer_ids: vec![],
                description: format!("withdrawal to {lookalike}, a lookalike of {known}, after dust from it"),
            });
            return events;
        }
        Pick::Risky => {
            let category = *[
                ExposureCategory::Sanctions,
                ExposureCategory::Mixer,
                ExposureCategory::DarknetMarket,
                ExposureCategory::Scam,
                ExposureCategory::StolenFunds,
            ]
            .choose(rng)
            .expect("categories");
            // A third of them are one step removed: most of the address's funds came through
            // a sanctioned entity.
            let (exposures, entity) = if rng.random_bool(0.33) {
                let share = rng.random_range(30..80);
                (
                    vec![
                        Exposure { category: ExposureCategory::Sanctions, direct: false, share_percent: share },
                        Exposure { category: ExposureCategory::Exchange, direct: false, share_percent: 100 - share },
                    ],
                    None,
                )
            } else {
                (vec![Exposure { category, direct: true, share_percent: 100 }], Some(entity_of(category).to_owned()))
            };
            let (asset, network, address) = wallet(rng);
            let result = screening(exposures, entity, at);
            out.known.push(KnownAddress {
                address: address.clone(),
                network: network.into(),
                screening: result.clone(),
            });
            // The exchange stops a severe address by itself; a high one goes out unless someone acts.
            let result_rating = result.rating;
            let status = if result.rating == ScreeningRating::Severe { TransferStatus::Held } else { status };
            let travel = self_hosted(usd_cents, true);
            let index =
                plant.push(at, withdrawal(asset, network, address.clone(), usd_cents, status, result, travel, tx_hash));
            let description = format!("withdrawal to {address}, screened {:?}", result_rating);
            (vec![index], Some((10, description)), None)
        }
        Pick::NearPoisoning => {
            let known = events.iter().find_map(|e| match &e.detail {
                ActivityDetail::Withdrawal { address, asset, network, .. } => {
                    Some((address.clone(), asset.clone(), network.clone()))
                }
                _ => None,
            });
            let Some((known, asset, network)) = known else { return vec![] };
            // The same first four characters after the prefix, everything after them new.
            let keep = ["bc1q", "0x", "T"].into_iter().find(|p| known.starts_with(p)).map_or(0, str::len) + 4;
            let near = loop {
                let candidate = format!("{}{}", &known[..keep], hex(rng, known.len() - keep));
                if candidate[candidate.len() - 4..] != known[known.len() - 4..] {
                    break candidate;
                }
            };
            let travel = self_hosted(usd_cents, true);
            let index =
                plant.push(at, withdrawal(&asset, &network, near, usd_cents, status, clean(at), travel, tx_hash));
            (vec![index], None, Some((9, "new address sharing only its first characters with a known one".into())))
        }
        Pick::NearRisky => {
            let exposures = if rng.random_bool(0.5) {
                vec![Exposure { category: ExposureCategory::Gambling, direct: true, share_percent: 100 }]
            } else {
                vec![
                    Exposure { category: ExposureCategory::Exchange, direct: false, share_percent: 88 },
                    Exposure { category: ExposureCategory::Mixer, direct: false, share_percent: 12 },
                ]
            };
            let entity = exposures[0].direct.then(|| entity_of(ExposureCategory::Gambling).to_owned());
            let (asset, network, address) = wallet(rng);
            let result = screening(exposures, entity, at);
            out.known.push(KnownAddress {
                address: address.clone(),
                network: network.into(),
                screening: result.clone(),
            });
            let travel = self_hosted(usd_cents, true);
            let index = plant.push(at, withdrawal(asset, network, address, usd_cents, status, result, travel, tx_hash));
            (vec![index], None, Some((10, "withdrawal to a medium-rated address".into())))
        }
        Pick::TravelRuleHold if rng.random_bool(0.34) => {
            // A large withdrawal to a self-hosted wallet without the proof that it is theirs.
            let (asset, network, address) = wallet(rng);
            let usd_cents = usd_cents.max(OWNERSHIP_PROOF_FROM_USD_CENTS + 50_000);
            let travel = self_hosted(usd_cents, false);
            let held = TransferStatus::Held;
            let index =
                plant.push(at, withdrawal(asset, network, address, usd_cents, held, clean(at), travel, tx_hash));
            (vec![index], None, None)
        }
        Pick::TravelRuleHold | Pick::OtherExchange => {
            let name = *EXCHANGES.choose(rng).expect("exchanges");
            let (asset, network, address) = wallet(rng);
            let exposures = vec![Exposure { category: ExposureCategory::Exchange, direct: true, share_percent: 100 }];
            let result = screening(exposures, Some(name.to_owned()), at);
            out.known.push(KnownAddress {
                address: address.clone(),
                network: network.into(),
                screening: result.clone(),
            });
            let (travel, status) = match choice {
                Pick::TravelRuleHold if rng.random_bool(0.5) => (TravelRuleStatus::Missing, TransferStatus::Held),
                Pick::TravelRuleHold => (TravelRuleStatus::Rejected, TransferStatus::Held),
                _ => (TravelRuleStatus::Sent, status),
            };
            let travel = TravelRule { beneficiary: Beneficiary::Vasp { name: name.into() }, status: travel };
            let index = plant.push(at, withdrawal(asset, network, address, usd_cents, status, result, travel, tx_hash));
            (vec![index], None, None)
        }
    };
    let (events, ids) = plant.finish(&marked);
    if let Some((rule, description)) = planted {
        out.planted.push(Planted {
            rule,
            customer_id: customer.id,
            event_ids: ids.clone(),
            linked_customer_ids: vec![],
            description,
        });
    }
    if let Some((near_rule, description)) = decoy {
        out.decoys.push(Decoy { near_rule, customer_id: customer.id, event_ids: ids, description });
    }
    events
}

/// Addresses of each kind (two on each network) nobody withdrew to yet, for trying the screening by hand.
pub fn spare_addresses<R: Rng>(rng: &mut R, now: DateTime<Utc>) -> Vec<KnownAddress> {
    let mut out = Vec::new();
    for category in [
        ExposureCategory::Sanctions,
        ExposureCategory::Mixer,
        ExposureCategory::DarknetMarket,
        ExposureCategory::Scam,
        ExposureCategory::StolenFunds,
        ExposureCategory::Gambling,
        ExposureCategory::Exchange,
    ] {
        for kind in 0..6 {
            let (_, network, address) = wallet_of(rng, kind % 3);
            let entity = if category == ExposureCategory::Exchange {
                (*EXCHANGES.choose(rng).expect("exchanges")).to_owned()
            } else {
                entity_of(category).to_owned()
            };
            let exposures = vec![Exposure { category, direct: true, share_percent: 100 }];
            out.push(KnownAddress {
                address,
                network: network.into(),
                screening: screening(exposures, Some(entity), now),
            });
        }
    }
    out
}
