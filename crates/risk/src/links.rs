//! Identifiers that tie customers together: a device fingerprint, an IP address, a
//! withdrawal wallet, a card. Indexed across every customer's events, so one customer's links
//! are a lookup; events can be added as they sync.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use arbiter_contract::{ActivityDetail, ActivityEvent, CustomerId, LinkKind};
use arbiter_text::Msg;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::messages::labels;

/// Something this customer shares with other customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Link {
    pub kind: LinkKind,
    /// The identifier: a device fingerprint, an IP, an address, a card fingerprint.
    pub value: String,
    /// For people: "iPhone 15, iOS 18", "BTC on Bitcoin", "card ··4242".
    pub label: String,
    /// The same, to be said in the agent's language.
    pub label_text: Msg,
    /// The other customers that use it.
    pub customer_ids: Vec<CustomerId>,
    /// This customer's events that use it.
    pub event_ids: Vec<i64>,
}

/// What an identifier is, for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Label {
    /// A device by its name ("iPhone 15, iOS 18").
    Device(String),
    /// A device known only by its fingerprint (a security change names none).
    AnyDevice,
    Ip(String),
    Wallet {
        asset: String,
        network: String,
    },
    Card {
        last4: String,
    },
}

impl Label {
    pub(crate) fn english(&self) -> String {
        self.text().english()
    }

    pub(crate) fn text(&self) -> Msg {
        match self {
            Label::Device(name) | Label::Ip(name) => Msg::new(&labels::AS_SHOWN).text("label", name.as_str()),
            Label::AnyDevice => Msg::new(&labels::DEVICE),
            Label::Wallet { asset, network } => {
                Msg::new(&labels::WALLET_ON).text("asset", asset.as_str()).text("network", network.as_str())
            }
            Label::Card { last4 } => Msg::new(&labels::CARD_ENDING).text("last4", last4.as_str()),
        }
    }
}

/// The identifiers an event carries, with a label for each.
pub(crate) fn labelled_identifiers(event: &ActivityEvent) -> Vec<(LinkKind, String, Label)> {
    match &event.detail {
        ActivityDetail::Login { device_id, device, ip, .. } => vec![
            (LinkKind::Device, device_id.clone(), Label::Device(device.clone())),
            (LinkKind::Ip, ip.clone(), Label::Ip(ip.clone())),
        ],
        ActivityDetail::SecurityChange { device_id, ip, .. } => {
            vec![
                (LinkKind::Device, device_id.clone(), Label::AnyDevice),
                (LinkKind::Ip, ip.clone(), Label::Ip(ip.clone())),
            ]
        }
        ActivityDetail::Withdrawal { address, asset, network, .. } => {
            vec![(LinkKind::Wallet, address.clone(), Label::Wallet { asset: asset.clone(), network: network.clone() })]
        }
        ActivityDetail::Deposit { card_fingerprint: Some(fingerprint), card_last4, .. } => vec![(
            LinkKind::Card,
            fingerprint.clone(),
            Label::Card { last4: card_last4.clone().unwrap_or_else(|| "????".into()) },
        )],
        _ => Vec::new(),
    }
}

/// The identifiers an event carries, with a label for each (the one definition of what links
/// accounts; the server's identifier index is filled from it).
pub fn identifiers(event: &ActivityEvent) -> Vec<(LinkKind, String, String)> {
    labelled_identifiers(event).into_iter().map(|(kind, value, label)| (kind, value, label.english())).collect()
}

/// Who uses which identifier.
#[derive(Debug, Clone, Default)]
pub struct Links {
    users: HashMap<(LinkKind, String), BTreeSet<CustomerId>>,
}

impl Links {
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a ActivityEvent>) -> Self {
        let mut links = Links::default();
        for event in events {
            links.add(event);
        }
        links
    }

    /// Indexes one more event (as activity syncs).
    pub fn add(&mut self, event: &ActivityEvent) {
        for (kind, value, _) in identifiers(event) {
            if value.is_empty() {
                continue;
            }
            self.users.entry((kind, value)).or_default().insert(event.customer_id);
        }
    }

    /// Records that `customer` uses an identifier (as the company API tells of accounts
    /// outside the local copy).
    pub fn add_use(&mut self, kind: LinkKind, value: &str, customer: CustomerId) {
        if !value.is_empty() {
            self.users.entry((kind, value.to_owned())).or_default().insert(customer);
        }
    }

    /// Every customer using this identifier.
    pub fn users(&self, kind: LinkKind, value: &str) -> Option<&BTreeSet<CustomerId>> {
        self.users.get(&(kind, value.to_owned()))
    }

    /// What `customer`'s events share with other customers, most widely shared first.
    pub fn of_customer(&self, customer: CustomerId, events: &[&ActivityEvent]) -> Vec<Link> {
        let mut found: BTreeMap<(LinkKind, String), Link> = BTreeMap::new();
        let mut labels: BTreeMap<(LinkKind, String), Label> = BTreeMap::new();
        for event in events.iter().filter(|e| e.customer_id == customer) {
            for (kind, value, label) in labelled_identifiers(event) {
                let Some(users) = self.users(kind, &value) else { continue };
                if users.len() < 2 {
                    continue;
                }
                let link = found.entry((kind, value.clone())).or_insert_with(|| Link {
                    kind,
                    value: value.clone(),
                    label: String::new(),
                    label_text: Msg::new(&labels::DEVICE),
                    customer_ids: users.iter().copied().filter(|c| *c != customer).collect(),
                    event_ids: Vec::new(),
                });
                // A login names the device; a security change only has its fingerprint.
                let known = labels.entry((kind, value)).or_insert_with(|| label.clone());
                if *known == Label::AnyDevice {
                    *known = label;
                }
                link.event_ids.push(event.id);
            }
        }
        for (key, link) in found.iter_mut() {
            if let Some(label) = labels.get(key) {
                link.label = label.english();
                link.label_text = label.text();
            }
        }
        let mut links: Vec<Link> = found.into_values().collect();
        links.sort_by(|a, b| b.customer_ids.len().cmp(&a.customer_ids.len()).then(a.kind.cmp(&b.kind)));
        links
    }
}
