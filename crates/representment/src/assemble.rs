//! From what the desk holds to the numbered exhibits, in the order the letter cites them.

use std::collections::BTreeSet;

use arbiter_contract::{ActivityDetail, ActivityEvent, Case, Customer, ExhibitKind, TransferStatus, TravelRuleStatus};
use arbiter_policy::chargeback;
use arbiter_policy::compelling_evidence::{self as ce, Check};
use chrono::{DateTime, Duration, Utc};

use crate::{money, usd, CustomerWords, DisputedPayment, Exhibit, FileRef, Packet};

/// What the packet is made from.
pub struct Inputs<'a> {
    pub case: &'a Case,
    pub customer: &'a Customer,
    /// The customer's activity, any order.
    pub events: &'a [ActivityEvent],
    /// The customer's own messages in the case's tickets.
    pub messages: &'a [CustomerWords],
    /// The files of the case's tickets.
    pub files: &'a [FileRef],
    /// The compelling-evidence check (arbiter_policy), when the case is a chargeback.
    pub compelling: Option<&'a Check>,
    pub respond_by: Option<DateTime<Utc>>,
    pub network_deadline: Option<DateTime<Utc>>,
    /// Who signs the letter.
    pub merchant: &'a str,
}

/// Logins listed: this long before the payment, and after it.
const LOGINS_BEFORE: i64 = 30;
const LOGINS_AFTER: i64 = 7;
const MAX_LOGINS: usize = 40;
/// Trades and withdrawals listed: this long after the payment.
const USE_WINDOW_DAYS: i64 = 30;
const MAX_ROWS: usize = 30;
const MAX_QUOTES: usize = 10;
const MAX_QUOTE_CHARS: usize = 1_500;

/// "1 trade", "3 trades".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn when(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn wire(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(|s| s.replace('_', " "))).unwrap_or_default()
}

/// A card payment event as the packet cites it.
fn payment_of(event: &ActivityEvent) -> Option<DisputedPayment> {
    let ActivityDetail::Deposit { card_payment: Some(p), amount_minor, currency, usd_cents, .. } = &event.detail else {
        return None;
    };
    let amount = match (amount_minor, currency) {
        (Some(minor), Some(currency)) => money(*minor, currency),
        _ => usd(*usd_cents),
    };
    Some(DisputedPayment {
        event_id: event.id,
        arn: p.arn.clone(),
        authorization_code: p.authorization_code.clone(),
        processed_on: p.processed_on,
        at: event.at,
        amount,
        usd_cents: *usd_cents,
        three_ds: p.three_ds,
        device_id: p.device_id.clone(),
        ip: p.ip.clone(),
        billing_address: p.billing_address.clone(),
    })
}

fn disputed_payment(inputs: &Inputs) -> Option<DisputedPayment> {
    let card = inputs.case.card.as_ref()?;
    let event = match inputs.compelling.and_then(|c| c.disputed_event_id) {
        Some(id) => inputs.events.iter().find(|e| e.id == id),
        None => ce::disputed_payment(card, inputs.case.amount_usd_cents, inputs.events),
    }?;
    payment_of(event)
}

fn address_line(a: &arbiter_contract::BillingAddress) -> String {
    format!("{}, {} {}, {}", a.line1, a.postal_code, a.city, a.country)
}

/// Makes the packet: cover facts and the exhibits there is material for, numbered in order;
/// none for a case that is not a chargeback.
pub fn assemble(inputs: &Inputs) -> Option<Packet> {
    let case = inputs.case;
    let card = case.card.clone()?;
    let reason = chargeback::reason_code(card.network, &card.reason_code);
    let reason_title = reason.map_or_else(String::new, |r| r.title.to_owned());
    let disputed = disputed_payment(inputs);
    let mut events: Vec<&ActivityEvent> = inputs.events.iter().collect();
    events.sort_by_key(|e| (e.at, e.id));
    let customer = inputs.customer;
    let amount = money(case.amount_minor, &case.currency);
    let arn = card.arn.clone().or_else(|| disputed.as_ref().map(|d| d.arn.clone()));

    let mut exhibits: Vec<Exhibit> = Vec::new();
    let mut push = |kind, title: &str, summary: String, facts, rows, quotes, answers: &[&str], file| {
        exhibits.push(Exhibit {
            number: 0,
            kind,
            title: title.to_owned(),
            summary,
            facts,
            rows,
            quotes,
            answers: answers.iter().map(|a| (*a).to_owned()).collect(),
            file,
        })
    };

    // 1. The payment as processed.
    if let Some(d) = &disputed {
        let mut facts = vec![
            ("ARN".to_owned(), d.arn.clone()),
            ("Authorization code".to_owned(), d.authorization_code.clone()),
            ("Amount".to_owned(), format!("{} ({})", d.amount, usd(d.usd_cents))),
            ("Processed on".to_owned(), d.processed_on.to_string()),
            ("Paid at".to_owned(), when(d.at)),
            ("Card".to_owned(), format!("{} ending {}", wire(&card.network), card.card_last4)),
        ];
        if let Some(a) = &d.billing_address {
            facts.push(("Billing address".to_owned(), address_line(a)));
        }
        if let Some(ip) = &d.ip {
            facts.push(("Checkout IP address".to_owned(), ip.clone()));
        }
        if let Some(device) = &d.device_id {
            facts.push(("Checkout device".to_owned(), device.clone()));
        }
        push(
            ExhibitKind::Payment,
            "Payment record",
            format!("The disputed payment, approved by the issuer and processed once on {}.", d.processed_on),
            facts,
            Vec::new(),
            Vec::new(),
            &["authorization_record", "transaction_record"],
            None,
        );
        // 2. 3-D Secure.
        push(
            ExhibitKind::ThreeDSecure,
            "3-D Secure authentication",
            if d.three_ds.shifts_liability() {
                format!("3-D Secure {}: fraud liability shifted to the issuer.", wire(&d.three_ds))
            } else {
                format!("3-D Secure {}: no liability shift.", wire(&d.three_ds))
            },
            vec![
                ("Result".to_owned(), wire(&d.three_ds)),
                ("Liability shift".to_owned(), if d.three_ds.shifts_liability() { "yes" } else { "no" }.to_owned()),
            ],
            Vec::new(),
            Vec::new(),
            if d.three_ds.shifts_liability() { &["three_ds"] } else { &[] },
            None,
        );
    }

    // 3. Logins around the purchase.
    let around = disputed.as_ref().map_or(card.filed_at, |d| d.at);
    let logins: Vec<String> = events
        .iter()
        .filter(|e| e.at >= around - Duration::days(LOGINS_BEFORE) && e.at <= around + Duration::days(LOGINS_AFTER))
        .filter_map(|e| match &e.detail {
            ActivityDetail::Login { device_id, device, ip, ip_country, success } => {
                let same = disputed.as_ref().is_some_and(|d| {
                    d.device_id.as_deref() == Some(device_id.as_str()) || d.ip.as_deref() == Some(ip.as_str())
                });
                Some(format!(
                    "{} · {} ({device_id}) · {ip} ({ip_country}){}{}",
                    when(e.at),
                    device,
                    if *success { "" } else { " · failed" },
                    if same { " · same device or IP as the checkout" } else { "" }
                ))
            }
            _ => None,
        })
        .collect();
    let access_log: Vec<String> = logins.iter().rev().take(MAX_LOGINS).rev().cloned().collect();
    if !access_log.is_empty() {
        push(
            ExhibitKind::LoginHistory,
            "Login, device and IP history",
            format!(
                "Every login to account {} from {} days before the payment to {} days after it.",
                customer.account_id, LOGINS_BEFORE, LOGINS_AFTER
            ),
            Vec::new(),
            access_log.clone(),
            Vec::new(),
            &["login_history"],
            None,
        );
    }

    // 4. The card's earlier undisputed payments.
    if let Some(check) = inputs.compelling.filter(|c| c.qualifying().next().is_some()) {
        let rows = check
            .qualifying()
            .map(|p| {
                let arn = payment_arn(&events, p.event_id).unwrap_or_default();
                let elements: Vec<String> = p.elements.iter().map(wire).collect();
                format!(
                    "{} · {} days before · {} · ARN {arn} · shares: {}",
                    p.processed_on,
                    p.days_before,
                    usd(p.usd_cents),
                    elements.join(", ")
                )
            })
            .collect();
        let programme = crate::programme_name(check.programme);
        push(
            ExhibitKind::PriorPayments,
            "Earlier undisputed payments with the same card",
            format!(
                "{}, 120 to 365 days before, never disputed nor reported as fraud, sharing the account and the device or IP address: {}.",
                counted(check.qualifying().count(), "earlier payment", "earlier payments"),
                if check.history_matches { format!("the history meets {programme}") } else { format!("short of {programme}") }
            ),
            Vec::new(),
            rows,
            Vec::new(),
            &["prior_transactions"],
            None,
        );
    }

    // 5. The verified identity.
    let verified = customer.kyc_level >= arbiter_contract::KycLevel::Basic;
    push(
        ExhibitKind::Kyc,
        "Verified identity (KYC)",
        if verified {
            format!("The account holder's identity was verified ({}).", wire(&customer.kyc_level))
        } else {
            "The account holder's identity was not verified beyond email and phone.".to_owned()
        },
        vec![
            ("Account".to_owned(), customer.account_id.clone()),
            ("Legal name".to_owned(), customer.legal_name.clone().unwrap_or_else(|| "not verified".into())),
            ("Verification level".to_owned(), wire(&customer.kyc_level)),
            ("Country of residence".to_owned(), customer.country.clone()),
            ("Email".to_owned(), customer.email.clone()),
            ("Account opened".to_owned(), when(customer.created_at)),
        ],
        Vec::new(),
        Vec::new(),
        if verified { &["kyc_match"] } else { &[] },
        None,
    );

    // 6. The crypto bought: trades after the payment.
    let after = |e: &&&ActivityEvent| e.at >= around && e.at <= around + Duration::days(USE_WINDOW_DAYS);
    let trades: Vec<String> = events
        .iter()
        .filter(after)
        .filter_map(|e| match &e.detail {
            ActivityDetail::Trade { pair, side, quantity, price, usd_cents, .. } => {
                Some(format!("{} · {} {quantity} {pair} at {price} · {}", when(e.at), wire(side), usd(*usd_cents)))
            }
            _ => None,
        })
        .take(MAX_ROWS)
        .collect();
    if !trades.is_empty() {
        push(
            ExhibitKind::TradeFills,
            "Trades filled after the payment",
            format!(
                "{} in the {USE_WINDOW_DAYS} days after the payment, on the account it credited.",
                counted(trades.len(), "trade", "trades")
            ),
            Vec::new(),
            trades,
            Vec::new(),
            &["crypto_credited", "crypto_used"],
            None,
        );
    }

    // 7. Withdrawals to the customer's own address.
    let mut used_before: BTreeSet<&str> = BTreeSet::new();
    let mut withdrawals = Vec::new();
    for e in &events {
        if let ActivityDetail::Withdrawal {
            address,
            asset,
            quantity,
            usd_cents,
            network,
            tx_hash,
            status,
            travel_rule,
            ..
        } = &e.detail
        {
            if e.at >= around
                && e.at <= around + Duration::days(USE_WINDOW_DAYS)
                && *status == TransferStatus::Completed
            {
                let proven = travel_rule.as_ref().is_some_and(|t| t.status == TravelRuleStatus::OwnershipProven);
                let own = if used_before.contains(address.as_str()) {
                    "the customer's own address, used before"
                } else if proven {
                    "the customer's own address, ownership proven"
                } else {
                    "an address not used before"
                };
                withdrawals.push(format!(
                    "{} · {quantity} {asset} ({}) on {network} to {address} ({own}) · tx {}",
                    when(e.at),
                    usd(*usd_cents),
                    tx_hash.as_deref().unwrap_or("pending")
                ));
            }
            if *status == TransferStatus::Completed {
                used_before.insert(address);
            }
        }
    }
    if !withdrawals.is_empty() {
        withdrawals.truncate(MAX_ROWS);
        push(
            ExhibitKind::Withdrawals,
            "Withdrawals with their on-chain transactions",
            format!(
                "{} in the {USE_WINDOW_DAYS} days after the payment, each with its transaction hash.",
                counted(withdrawals.len(), "withdrawal", "withdrawals")
            ),
            Vec::new(),
            withdrawals,
            Vec::new(),
            &["crypto_used"],
            None,
        );
    }

    // 8. The customer's own words.
    if !inputs.messages.is_empty() {
        let mut messages: Vec<&CustomerWords> = inputs.messages.iter().collect();
        messages.sort_by_key(|m| (m.at, m.message_id));
        let quotes: Vec<String> = messages
            .iter()
            .take(MAX_QUOTES)
            .map(|m| {
                let text: String = m.text.trim().chars().take(MAX_QUOTE_CHARS).collect();
                let cut = if m.text.trim().chars().count() > MAX_QUOTE_CHARS { " […]" } else { "" };
                format!("{} · ticket #{}:\n{text}{cut}", when(m.at), m.ticket_id)
            })
            .collect();
        push(
            ExhibitKind::CustomerMessages,
            "The customer's own messages",
            format!(
                "{} the account holder wrote to us, quoted as written.",
                counted(quotes.len(), "message", "messages")
            ),
            Vec::new(),
            Vec::new(),
            quotes,
            &["customer_communication"],
            None,
        );
    }

    // 9. The tickets' files, one exhibit each.
    let mut files: Vec<&FileRef> = inputs.files.iter().collect();
    files.sort_by_key(|f| (f.received_at, f.name.clone()));
    for file in files {
        push(
            ExhibitKind::Attachment,
            &format!("Document: {}", file.name),
            format!("A file from ticket #{}, submitted alongside this packet.", file.ticket_id),
            vec![
                ("File".to_owned(), file.name.clone()),
                ("Type".to_owned(), file.content_type.clone()),
                ("Size".to_owned(), format!("{} KB", file.size_bytes.div_ceil(1024))),
                ("SHA-256".to_owned(), file.sha256.clone()),
                ("Received".to_owned(), when(file.received_at)),
            ],
            Vec::new(),
            Vec::new(),
            &[],
            Some(file.clone()),
        );
    }
    for (i, exhibit) in exhibits.iter_mut().enumerate() {
        exhibit.number = i as u32 + 1;
    }

    let mut cover = vec![
        ("Case".to_owned(), case.id.to_string()),
        ("ARN".to_owned(), arn.clone().unwrap_or_else(|| "not known".into())),
        ("Card network".to_owned(), format!("{} (card ending {})", wire(&card.network), card.card_last4)),
        (
            "Reason code".to_owned(),
            if reason_title.is_empty() {
                card.reason_code.clone()
            } else {
                format!("{} · {reason_title}", card.reason_code)
            },
        ),
        ("Transaction date".to_owned(), card.transaction_date.to_string()),
        ("Amount in dispute".to_owned(), format!("{amount} ({})", usd(case.amount_usd_cents))),
        ("Stage".to_owned(), wire(&card.stage)),
        ("Filed with the network".to_owned(), when(card.filed_at)),
        (
            "Account holder".to_owned(),
            format!("{} ({})", customer.legal_name.as_ref().unwrap_or(&customer.name), customer.account_id),
        ),
    ];
    if let Some(deadline) = inputs.network_deadline {
        cover.push(("Network deadline".to_owned(), when(deadline)));
    }
    if let Some(due) = inputs.respond_by {
        cover.push(("Our response due".to_owned(), when(due)));
    }
    cover.push(("Exhibits".to_owned(), exhibits.len().to_string()));

    Some(Packet {
        case_id: case.id,
        network: card.network,
        reason_code: card.reason_code.clone(),
        reason_title,
        family: reason.map(|r| r.category),
        arn,
        card_last4: card.card_last4.clone(),
        transaction_date: card.transaction_date,
        amount,
        amount_usd_cents: case.amount_usd_cents,
        customer_name: customer.legal_name.clone().unwrap_or_else(|| customer.name.clone()),
        customer_email: customer.email.clone(),
        account_id: customer.account_id.clone(),
        merchant: inputs.merchant.to_owned(),
        respond_by: inputs.respond_by,
        network_deadline: inputs.network_deadline,
        cover,
        disputed,
        exhibits,
        compelling: inputs.compelling.cloned(),
        prior_payments: inputs
            .compelling
            .map(|c| {
                c.qualifying()
                    .filter_map(|p| inputs.events.iter().find(|e| e.id == p.event_id).and_then(payment_of))
                    .collect()
            })
            .unwrap_or_default(),
        access_log,
    })
}

fn payment_arn(events: &[&ActivityEvent], id: i64) -> Option<String> {
    events.iter().find(|e| e.id == id).and_then(|e| match &e.detail {
        ActivityDetail::Deposit { card_payment: Some(p), .. } => Some(p.arn.clone()),
        _ => None,
    })
}
