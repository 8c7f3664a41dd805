//! Represent or accept: the recommendation on a chargeback from how the company's earlier
//! chargebacks of the same network and reason code ended, the amount at stake, what
//! representing costs, and the compelling-evidence check. A case the card's history
//! qualifies for CE 3.0 / First-Party Trust is represented whatever the history says (the
//! programmes move the liability to the issuer); otherwise the expected recovery —
//! win rate × amount — must beat the cost of the work, on enough decided cases to trust the
//! rate.

use serde::{Deserialize, Serialize};
use specta::Type;

/// How earlier chargebacks of one network's reason code ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ReasonHistory {
    /// Represented and won.
    pub won: u32,
    /// Represented and lost.
    pub lost: u32,
    /// Accepted (refunded) without representing.
    pub accepted: u32,
    pub recovered_usd_cents: i64,
}

impl ReasonHistory {
    /// Represented and decided: won or lost.
    pub fn decided(&self) -> u32 {
        self.won + self.lost
    }

    /// Won of those represented, when any was.
    pub fn win_rate(&self) -> Option<f64> {
        (self.decided() > 0).then(|| f64::from(self.won) / f64::from(self.decided()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Advice {
    Represent,
    Accept,
    /// Too little history to say: the evidence decides.
    Weigh,
}

/// Why the advice is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The card's history qualifies the case for a compelling-evidence programme.
    CompellingEvidence,
    /// The win rate makes the expected recovery worth the work.
    WinRate,
    /// The win rate does not.
    NotWorthIt,
    /// Fewer decided cases than the policy trusts a rate on.
    TooLittleHistory,
}

/// The recommendation with the history behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Recommendation {
    pub advice: Advice,
    pub basis: Basis,
    pub history: ReasonHistory,
    pub win_rate: Option<f64>,
    /// Win rate × amount, less the cost of representing (US cents; 0 without a rate).
    pub expected_usd_cents: i64,
    pub cost_usd_cents: i64,
}

/// The recommendation for a chargeback of `amount_usd_cents`.
pub fn recommend(
    history: ReasonHistory,
    amount_usd_cents: i64,
    qualifies: bool,
    cost_usd_cents: i64,
    min_decided: u32,
) -> Recommendation {
    let win_rate = history.win_rate();
    let expected_usd_cents = win_rate.map_or(0, |p| (p * amount_usd_cents as f64).round() as i64 - cost_usd_cents);
    let (advice, basis) = if qualifies {
        (Advice::Represent, Basis::CompellingEvidence)
    } else if history.decided() < min_decided.max(1) {
        (Advice::Weigh, Basis::TooLittleHistory)
    } else if expected_usd_cents > 0 {
        (Advice::Represent, Basis::WinRate)
    } else {
        (Advice::Accept, Basis::NotWorthIt)
    };
    Recommendation { advice, basis, history, win_rate, expected_usd_cents, cost_usd_cents }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(won: u32, lost: u32) -> ReasonHistory {
        ReasonHistory { won, lost, accepted: 3, recovered_usd_cents: 0 }
    }

    #[test]
    fn compelling_evidence_represents_whatever_the_history() {
        let r = recommend(history(0, 9), 10_000, true, 2_500, 5);
        assert_eq!((r.advice, r.basis), (Advice::Represent, Basis::CompellingEvidence));
    }

    #[test]
    fn the_expected_recovery_must_beat_the_cost() {
        // 60 % of 100 USD is 60 USD, less 25 USD of work: represent.
        let r = recommend(history(6, 4), 10_000, false, 2_500, 5);
        assert_eq!((r.advice, r.basis, r.expected_usd_cents), (Advice::Represent, Basis::WinRate, 3_500));
        assert_eq!(r.win_rate, Some(0.6));
        // 20 % of 100 USD is 20 USD: not worth 25 USD of work.
        let r = recommend(history(2, 8), 10_000, false, 2_500, 5);
        assert_eq!((r.advice, r.basis, r.expected_usd_cents), (Advice::Accept, Basis::NotWorthIt, -500));
        // The same rate on 1,000 USD is worth it.
        assert_eq!(recommend(history(2, 8), 100_000, false, 2_500, 5).advice, Advice::Represent);
        // Exactly break-even is not.
        assert_eq!(recommend(history(1, 3), 10_000, false, 2_500, 4).advice, Advice::Accept);
    }

    #[test]
    fn too_few_decided_cases_leave_it_to_the_evidence() {
        let r = recommend(history(3, 1), 10_000, false, 2_500, 5);
        assert_eq!((r.advice, r.basis), (Advice::Weigh, Basis::TooLittleHistory));
        assert_eq!(r.expected_usd_cents, 5_000, "the rate is still said");
        let none = recommend(ReasonHistory::default(), 10_000, false, 2_500, 5);
        assert_eq!((none.win_rate, none.expected_usd_cents), (None, 0));
    }
}
