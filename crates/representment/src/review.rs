//! Before submitting: what the reason code's checklist still lacks, what would weaken the
//! case, and what keeps the packet from being sent at all.

use std::collections::BTreeSet;

use arbiter_contract::{ActivityDetail, ActivityEvent, Case, ReasonCategory, ThreeDsOutcome, TransferStatus};
use arbiter_policy::chargeback;
use arbiter_policy::compelling_evidence::Programme;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::letter::citations;
use crate::Packet;

/// The longest letter a processor takes (Stripe: 20,000 characters a text field).
pub const MAX_LETTER_CHARS: usize = 20_000;

/// One thing the review found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PacketFinding {
    /// A checklist item no exhibit and no evidence on the case answers.
    Lacks {
        item: String,
    },
    /// The disputed payment is not in the account's history: nothing proves the purchase.
    PaymentUnknown,
    /// A fraud code without a 3-D Secure liability shift.
    NoLiabilityShift {
        three_ds: ThreeDsOutcome,
    },
    /// A code a programme covers, and the card's history falls short of it.
    HistoryShort {
        programme: Programme,
        qualifying: u32,
    },
    /// The checkout's device and IP were never seen on the account before the payment.
    CheckoutNotSeenBefore,
    /// Crypto from the payment went to addresses the customer had not used before.
    WithdrawnToNewAddresses {
        count: u32,
    },
    /// The letter cites an exhibit the packet does not have.
    CitesMissingExhibit {
        number: u32,
    },
    /// An exhibit the letter never cites.
    NotCited {
        number: u32,
    },
    /// The letter cites exhibits out of their order.
    OutOfOrder,
    LetterEmpty,
    LetterTooLong {
        chars: u32,
        max: u32,
    },
    /// The network's deadline has passed.
    PastDeadline,
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum FindingSeverity {
    /// The packet cannot be sent as it is.
    Blocks,
    /// The checklist lacks it.
    Lacks,
    /// It may lose the case.
    Weakens,
}

impl PacketFinding {
    pub fn severity(&self) -> FindingSeverity {
        use PacketFinding::*;
        match self {
            CitesMissingExhibit { .. } | LetterEmpty | LetterTooLong { .. } | PastDeadline => FindingSeverity::Blocks,
            Lacks { .. } => FindingSeverity::Lacks,
            _ => FindingSeverity::Weakens,
        }
    }
}

/// Reviews the packet and the letter as the agent left it.
pub fn review(
    packet: &Packet,
    case: &Case,
    events: &[ActivityEvent],
    letter: &str,
    exhibit_label: &str,
    now: DateTime<Utc>,
) -> Vec<PacketFinding> {
    let mut found = Vec::new();
    if letter.trim().is_empty() {
        found.push(PacketFinding::LetterEmpty);
    }
    let chars = letter.chars().count();
    if chars > MAX_LETTER_CHARS {
        found.push(PacketFinding::LetterTooLong { chars: chars as u32, max: MAX_LETTER_CHARS as u32 });
    }
    if packet.network_deadline.is_some_and(|deadline| now > deadline) {
        found.push(PacketFinding::PastDeadline);
    }
    let cited = citations(letter, exhibit_label);
    let numbers: BTreeSet<u32> = packet.exhibits.iter().map(|e| e.number).collect();
    for n in &cited {
        if !numbers.contains(n) {
            found.push(PacketFinding::CitesMissingExhibit { number: *n });
        }
    }
    if cited.windows(2).any(|w| w[0] > w[1]) {
        found.push(PacketFinding::OutOfOrder);
    }
    for n in &numbers {
        if !cited.contains(n) {
            found.push(PacketFinding::NotCited { number: *n });
        }
    }

    // The reason code's checklist: answered by an exhibit or by evidence on the case.
    if let Some(card) = &case.card {
        if let Some(reason) = chargeback::reason_code(card.network, &card.reason_code) {
            for item in reason.checklist {
                let by_exhibit = packet.exhibits.iter().any(|e| e.answers.iter().any(|a| a == item.key));
                let by_evidence = case.evidence.iter().any(|e| e.checklist.iter().any(|k| k == item.key));
                if !by_exhibit && !by_evidence {
                    found.push(PacketFinding::Lacks { item: item.key.to_owned() });
                }
            }
        }
    }

    let Some(paid) = &packet.disputed else {
        found.push(PacketFinding::PaymentUnknown);
        return found;
    };
    let fraud = packet.family == Some(ReasonCategory::Fraud);
    if fraud && !paid.three_ds.shifts_liability() {
        found.push(PacketFinding::NoLiabilityShift { three_ds: paid.three_ds });
    }
    if let Some(check) = &packet.compelling {
        if let (Some(programme), false) = (check.programme, check.history_matches) {
            found.push(PacketFinding::HistoryShort { programme, qualifying: check.qualifying().count() as u32 });
        }
    }
    if fraud {
        // Seen before: a login from the checkout's device or IP more than an hour before the
        // payment (the checkout's own login, minutes before, is not history).
        let earlier = events.iter().any(|e| {
            e.at < paid.at - chrono::Duration::hours(1)
                && matches!(&e.detail, ActivityDetail::Login { device_id, ip, success: true, .. }
                    if paid.device_id.as_deref() == Some(device_id.as_str()) || paid.ip.as_deref() == Some(ip.as_str()))
        });
        if !earlier {
            found.push(PacketFinding::CheckoutNotSeenBefore);
        }
        let mut used: BTreeSet<&str> = BTreeSet::new();
        let mut fresh = 0u32;
        let mut sorted: Vec<&ActivityEvent> = events.iter().collect();
        sorted.sort_by_key(|e| (e.at, e.id));
        for e in sorted {
            if let ActivityDetail::Withdrawal { address, status: TransferStatus::Completed, travel_rule, .. } =
                &e.detail
            {
                let proven = travel_rule
                    .as_ref()
                    .is_some_and(|t| t.status == arbiter_contract::TravelRuleStatus::OwnershipProven);
                if e.at >= paid.at && !used.contains(address.as_str()) && !proven {
                    fresh += 1;
                }
                used.insert(address);
            }
        }
        if fresh > 0 {
            found.push(PacketFinding::WithdrawnToNewAddresses { count: fresh });
        }
    }
    found.sort_by_key(|f| f.severity());
    found
}
