//! The packet as Stripe's dispute-evidence API takes it (`POST /v1/disputes/{id}` with an
//! `evidence` hash): its field names and its limits — 20,000 characters a text field,
//! 150,000 for all of them together, files by reference, and for Visa Compelling Evidence 3.0
//! an `enhanced_evidence.visa_compelling_evidence_3` block with the disputed transaction and
//! exactly two prior undisputed transactions (device ids of 15+ characters, fingerprints of
//! 20+). Files are named `arbiter_document:<sha256>`: the document store holds them, and a
//! connector uploads each to Stripe and puts its `file_…` id in its place. Prior charges are
//! named by their ARN for the connector to map to Stripe charge ids.

use std::net::IpAddr;

use arbiter_contract::{BillingAddress, ExhibitKind};
use arbiter_policy::compelling_evidence::Programme;
use serde_json::{json, Map, Value};

use crate::Packet;

/// Stripe's limit for one text field.
pub const MAX_FIELD_CHARS: usize = 20_000;
/// Stripe's limit for all the evidence's text together.
pub const MAX_TOTAL_CHARS: usize = 150_000;
/// CE 3.0's prior transactions, exactly.
pub const CE3_PRIORS: usize = 2;
pub const MIN_DEVICE_ID_CHARS: usize = 15;
pub const MIN_DEVICE_FINGERPRINT_CHARS: usize = 20;

/// The text fields of Stripe's `evidence` hash.
pub const TEXT_FIELDS: &[&str] = &[
    "access_activity_log",
    "billing_address",
    "cancellation_policy_disclosure",
    "cancellation_rebuttal",
    "customer_email_address",
    "customer_name",
    "customer_purchase_ip",
    "duplicate_charge_explanation",
    "duplicate_charge_id",
    "product_description",
    "refund_policy_disclosure",
    "refund_refusal_explanation",
    "service_date",
    "shipping_address",
    "shipping_carrier",
    "shipping_date",
    "shipping_tracking_number",
    "uncategorized_text",
];

/// Its file fields (a file id each).
pub const FILE_FIELDS: &[&str] = &[
    "cancellation_policy",
    "customer_communication",
    "customer_signature",
    "duplicate_charge_documentation",
    "receipt",
    "refund_policy",
    "service_documentation",
    "shipping_documentation",
    "uncategorized_file",
];

/// A document-store file as a Stripe file field names it until uploaded.
pub fn file_ref(sha256: &str) -> String {
    format!("arbiter_document:{sha256}")
}

/// Cuts text to `max` characters, saying where the rest is.
fn fit(text: &str, max: usize, rest: &str) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let note = format!("\n[…] {rest}");
    let keep = max.saturating_sub(note.chars().count());
    let mut out: String = text.chars().take(keep).collect();
    out.push_str(&note);
    out
}

fn address(a: &BillingAddress) -> Value {
    json!({ "line1": a.line1, "line2": null, "city": a.city, "postal_code": a.postal_code, "state": null, "country": a.country })
}

fn product(packet: &Packet) -> String {
    format!(
        "Crypto-assets bought with a card on {} for {}, credited at once to account {}.",
        packet.merchant, packet.amount, packet.account_id
    )
}

/// The evidence, the metadata and `submit: true`. `pdf_sha256`: the packet's PDF in the
/// document store; `files`: the attachments' hashes (the first goes as supporting document).
pub fn evidence(packet: &Packet, letter: &str, pdf_sha256: &str) -> Value {
    let label_of = |kind| packet.exhibit(kind).map(|e| e.number);
    let mut evidence = Map::new();
    let mut text = |field: &str, value: String| {
        if !value.trim().is_empty() {
            evidence.insert(field.to_owned(), Value::String(value));
        }
    };
    let log = packet.access_log.join("\n");
    text(
        "access_activity_log",
        fit(
            &log,
            MAX_FIELD_CHARS,
            &format!(
                "the full log is exhibit {} of the attached PDF",
                label_of(ExhibitKind::LoginHistory).unwrap_or(0)
            ),
        ),
    );
    if let Some(a) = packet.disputed.as_ref().and_then(|d| d.billing_address.as_ref()) {
        text("billing_address", format!("{}, {} {}, {}", a.line1, a.postal_code, a.city, a.country));
    }
    text("customer_email_address", packet.customer_email.clone());
    text("customer_name", packet.customer_name.clone());
    if let Some(ip) = packet.disputed.as_ref().and_then(|d| d.ip.clone()) {
        text("customer_purchase_ip", ip);
    }
    text("product_description", product(packet));
    if let Some(d) = &packet.disputed {
        text("service_date", d.processed_on.to_string());
    }
    text("uncategorized_text", fit(letter, MAX_FIELD_CHARS, "the full letter is in the attached PDF"));
    evidence.insert("uncategorized_file".into(), Value::String(file_ref(pdf_sha256)));
    if let Some(block) = compelling_evidence_3(packet) {
        evidence.insert("enhanced_evidence".into(), json!({ "visa_compelling_evidence_3": block }));
    }
    // The whole must fit 150,000 characters: the log gives way first.
    let total: usize = evidence.values().map(chars).sum();
    if total > MAX_TOTAL_CHARS {
        if let Some(Value::String(log)) = evidence.get_mut("access_activity_log") {
            let room = MAX_FIELD_CHARS.min(log.chars().count().saturating_sub(total - MAX_TOTAL_CHARS));
            *log = fit(log, room, "the full log is in the attached PDF");
        }
    }
    json!({
        "evidence": evidence,
        "metadata": {
            "arbiter_case_id": packet.case_id.to_string(),
            "arn": packet.arn.clone().unwrap_or_default(),
            "network": match packet.network { arbiter_contract::CardNetwork::Visa => "visa", arbiter_contract::CardNetwork::Mastercard => "mastercard" },
            "reason_code": packet.reason_code,
        },
        "submit": true,
    })
}

/// Visa CE 3.0's block, when the case qualifies for it: the disputed transaction and its two
/// strongest prior undisputed transactions.
fn compelling_evidence_3(packet: &Packet) -> Option<Value> {
    let check = packet.compelling.as_ref()?;
    if check.programme != Some(Programme::VisaCe3) || !check.qualifies || packet.prior_payments.len() < CE3_PRIORS {
        return None;
    }
    let disputed = packet.disputed.as_ref()?;
    let device = |id: &Option<String>| id.clone().filter(|d| d.chars().count() >= MIN_DEVICE_ID_CHARS);
    let priors: Vec<Value> = packet
        .prior_payments
        .iter()
        .take(CE3_PRIORS)
        .map(|p| {
            json!({
                "charge": p.arn,
                "customer_account_id": packet.account_id,
                "customer_device_id": device(&p.device_id),
                "customer_email_address": packet.customer_email,
                "customer_purchase_ip": p.ip,
                "product_description": format!("Crypto-assets bought with a card for {}", p.amount),
                "shipping_address": p.billing_address.as_ref().map(address),
            })
        })
        .collect();
    Some(json!({
        "disputed_transaction": {
            "customer_account_id": packet.account_id,
            "customer_device_id": device(&disputed.device_id),
            "customer_email_address": packet.customer_email,
            "customer_purchase_ip": disputed.ip,
            "merchandise_or_services": "services",
            "product_description": product(packet),
            "shipping_address": disputed.billing_address.as_ref().map(address),
        },
        "prior_undisputed_transactions": priors,
    }))
}

fn chars(value: &Value) -> usize {
    match value {
        Value::String(s) => s.chars().count(),
        Value::Array(items) => items.iter().map(chars).sum(),
        Value::Object(map) => map.values().map(chars).sum(),
        _ => 0,
    }
}

/// A rule of Stripe's the JSON breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breach {
    /// The field's path: `evidence.uncategorized_text`.
    pub field: String,
    pub rule: String,
}

/// Checks a request body against Stripe's field names and limits.
pub fn check(body: &Value) -> Vec<Breach> {
    let mut breaches = Vec::new();
    let mut breach = |field: &str, rule: &str| breaches.push(Breach { field: field.to_owned(), rule: rule.to_owned() });
    let Some(evidence) = body.get("evidence").and_then(Value::as_object) else {
        breach("evidence", "an object is required");
        return breaches;
    };
    for (field, value) in evidence {
        let path = format!("evidence.{field}");
        if TEXT_FIELDS.contains(&field.as_str()) {
            match value.as_str() {
                Some(s) if s.chars().count() <= MAX_FIELD_CHARS => {}
                Some(_) => breach(&path, "at most 20,000 characters"),
                None => breach(&path, "a string"),
            }
        } else if FILE_FIELDS.contains(&field.as_str()) {
            if value.as_str().is_none_or(str::is_empty) {
                breach(&path, "a file id");
            }
        } else if field == "enhanced_evidence" {
            check_enhanced(value, &mut breach);
        } else {
            breach(&path, "not a field of Stripe's evidence");
        }
    }
    if evidence.values().map(chars).sum::<usize>() > MAX_TOTAL_CHARS {
        breach("evidence", "at most 150,000 characters in all");
    }
    if let Some(ip) = evidence.get("customer_purchase_ip").and_then(Value::as_str) {
        if ip.parse::<IpAddr>().is_err() {
            breach("evidence.customer_purchase_ip", "an IP address");
        }
    }
    match body.get("metadata").and_then(Value::as_object) {
        Some(meta) if meta.len() <= 50 => {
            for (key, value) in meta {
                if key.chars().count() > 40 || value.as_str().is_none_or(|v| v.chars().count() > 500) {
                    breach(&format!("metadata.{key}"), "keys of 40 and string values of 500 characters at most");
                }
            }
        }
        Some(_) => breach("metadata", "at most 50 keys"),
        None => {}
    }
    breaches
}

fn check_enhanced(value: &Value, breach: &mut impl FnMut(&str, &str)) {
    let Some(ce3) = value.get("visa_compelling_evidence_3") else {
        breach("evidence.enhanced_evidence", "visa_compelling_evidence_3 is the programme this desk sends");
        return;
    };
    let device = |v: &Value, path: &str, breach: &mut dyn FnMut(&str, &str)| {
        if let Some(id) = v.get("customer_device_id").and_then(Value::as_str) {
            if id.chars().count() < MIN_DEVICE_ID_CHARS {
                breach(&format!("{path}.customer_device_id"), "at least 15 characters");
            }
        }
        if let Some(fp) = v.get("customer_device_fingerprint").and_then(Value::as_str) {
            if fp.chars().count() < MIN_DEVICE_FINGERPRINT_CHARS {
                breach(&format!("{path}.customer_device_fingerprint"), "at least 20 characters");
            }
        }
        if let Some(ip) = v.get("customer_purchase_ip").and_then(Value::as_str) {
            if ip.parse::<IpAddr>().is_err() {
                breach(&format!("{path}.customer_purchase_ip"), "an IP address");
            }
        }
    };
    let base = "evidence.enhanced_evidence.visa_compelling_evidence_3";
    match ce3.get("disputed_transaction") {
        Some(d) => {
            device(d, &format!("{base}.disputed_transaction"), breach);
            if !matches!(d.get("merchandise_or_services").and_then(Value::as_str), Some("merchandise" | "services")) {
                breach(&format!("{base}.disputed_transaction.merchandise_or_services"), "merchandise or services");
            }
        }
        None => breach(&format!("{base}.disputed_transaction"), "required"),
    }
    match ce3.get("prior_undisputed_transactions").and_then(Value::as_array) {
        Some(priors) if priors.len() == CE3_PRIORS => {
            for (i, p) in priors.iter().enumerate() {
                let path = format!("{base}.prior_undisputed_transactions[{i}]");
                if p.get("charge").and_then(Value::as_str).is_none_or(str::is_empty) {
                    breach(&format!("{path}.charge"), "required");
                }
                device(p, &path, breach);
            }
        }
        _ => breach(&format!("{base}.prior_undisputed_transactions"), "exactly two"),
    }
}
