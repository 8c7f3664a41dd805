//! Card-network deadlines (DOMAIN.md): Visa gives 30 days to respond to a chargeback and to
//! pre-arbitration, and 10 days to file arbitration after pre-arbitration; Mastercard 45
//! days at each step. The desk answers `margin` days before the network's deadline.

use arbiter_contract::{CardNetwork, ChargebackStage};
use chrono::{DateTime, Duration, Utc};

/// Days the network allows to act at `stage`, counted from when the stage began; `None`
/// when nothing is due (decided).
pub fn days_to_act(network: CardNetwork, stage: ChargebackStage) -> Option<i64> {
    use ChargebackStage::*;
    match (network, stage) {
        (_, Won | Lost) => None,
        (CardNetwork::Visa, Inquiry | FirstChargeback | Representment | PreArbitration) => Some(30),
        (CardNetwork::Visa, Arbitration) => Some(10),
        (CardNetwork::Mastercard, _) => Some(45),
    }
}

/// The network's deadline for the stage that began at `stage_began`.
pub fn network_deadline(
    network: CardNetwork,
    stage: ChargebackStage,
    stage_began: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    days_to_act(network, stage).map(|days| stage_began + Duration::days(days))
}

/// When our response is due: the network deadline less the policy's margin.
pub fn response_due(
    network: CardNetwork,
    stage: ChargebackStage,
    stage_began: DateTime<Utc>,
    margin_days: i64,
) -> Option<DateTime<Utc>> {
    network_deadline(network, stage, stage_began).map(|deadline| deadline - Duration::days(margin_days))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn visa_and_mastercard_deadlines() {
        let filed = at("2026-11-01T00:00:00Z");
        let cases = [
            (CardNetwork::Visa, ChargebackStage::FirstChargeback, Some("2026-12-01T00:00:00Z")),
            (CardNetwork::Visa, ChargebackStage::PreArbitration, Some("2026-12-01T00:00:00Z")),
            (CardNetwork::Visa, ChargebackStage::Arbitration, Some("2026-11-11T00:00:00Z")),
            (CardNetwork::Mastercard, ChargebackStage::FirstChargeback, Some("2026-12-16T00:00:00Z")),
            (CardNetwork::Mastercard, ChargebackStage::Arbitration, Some("2026-12-16T00:00:00Z")),
            (CardNetwork::Visa, ChargebackStage::Won, None),
            (CardNetwork::Mastercard, ChargebackStage::Lost, None),
        ];
        for (network, stage, expected) in cases {
            assert_eq!(network_deadline(network, stage, filed), expected.map(at), "{network:?} {stage:?}");
        }
        assert_eq!(
            response_due(CardNetwork::Visa, ChargebackStage::FirstChargeback, filed, 5),
            Some(at("2026-11-26T00:00:00Z"))
        );
    }
}
