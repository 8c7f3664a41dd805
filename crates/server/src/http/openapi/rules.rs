//! What each request field must be, as JSON Schema keywords merged into the document, from
//! the constants the server checks with (`domain::input` and the domain modules). Rules a
//! field cannot state (a queue that must exist, thresholds that must rise) are the domain's:
//! they answer 422 with the rule in the message.

use arbiter_contract::{widget, EscalationLevel, FEED_MAX_LIMIT, REPLY_MAX_CHARS};
use serde_json::{json, Value};

use crate::domain::input::{not_blank_pattern, RISK_RULES, TAGS_MAX, TAG_MAX_CHARS};
use crate::domain::{
    alerts, attachments, audit, cases, controls, conversation, documents, escalations, forwards, handovers, inbound,
    money, quarantine, sars, tickets,
};

pub(super) fn apply(doc: &mut Value) {
    for (schema, property, keywords) in field_rules() {
        let field = doc
            .pointer_mut(&format!("/components/schemas/{schema}/properties/{property}"))
            .unwrap_or_else(|| panic!("the document has no {schema}.{property} for its rule"));
        super::merge(field, &keywords);
    }
    for (path, name, keywords) in query_rules() {
        let param = parameter(doc, path, name);
        super::merge(&mut param["schema"], &keywords);
    }
    for (_, _, op) in super::operations(doc) {
        for param in op.get_mut("parameters").and_then(Value::as_array_mut).into_iter().flatten() {
            if param["in"] == "query" {
                param["schema"] = not_nullable(param["schema"].take());
            }
            if param["in"] == "path" && param["name"] == "sha256" {
                param["schema"] = json!({"type": "string", "pattern": attachments::SHA256_PATTERN});
            }
            if param["in"] == "header" && param["name"] == documents_sha_header() {
                param["schema"] = json!({"type": "string", "pattern": documents::SHA256_PATTERN});
            }
        }
    }
    document_bodies(doc);
    stream_events(doc);
}

/// A text field the server trims: not blank, at most `max` characters as sent.
fn text(max: usize) -> Value {
    json!({"minLength": 1, "maxLength": max, "pattern": not_blank_pattern()})
}

fn tags() -> Value {
    json!({"maxItems": TAGS_MAX, "items": {"maxLength": TAG_MAX_CHARS}})
}

fn rule_numbers() -> Value {
    json!({"items": {"minimum": 1, "maximum": RISK_RULES}})
}

fn field_rules() -> Vec<(&'static str, &'static str, Value)> {
    let raised: Vec<String> = [EscalationLevel::L1, EscalationLevel::L2, EscalationLevel::L3]
        .iter()
        .map(arbiter_contract::codec::wire_name)
        .collect();
    let currencies: Vec<&str> = money::CURRENCIES.iter().map(|(code, _)| *code).collect();
    vec![
        ("PostReply", "body", text(REPLY_MAX_CHARS)),
        ("PostNote", "body", text(REPLY_MAX_CHARS)),
        ("StartEmailConversation", "subject", text(conversation::SUBJECT_MAX)),
        ("StartEmailConversation", "body", text(REPLY_MAX_CHARS)),
        ("OutgoingFile", "name", file_name()),
        ("OutgoingFile", "sha256", json!({"pattern": attachments::SHA256_PATTERN})),
        ("CreateSideConversation", "subject", text(conversation::SUBJECT_MAX)),
        ("CreateSideConversation", "body", text(REPLY_MAX_CHARS)),
        ("PostSideMessage", "body", text(REPLY_MAX_CHARS)),
        ("ForwardMessage", "to", json!({"minLength": 3, "maxLength": forwards::ADDRESS_MAX})),
        ("ForwardMessage", "body", json!({"maxLength": REPLY_MAX_CHARS})),
        ("InboundMessage", "text", text(REPLY_MAX_CHARS)),
        ("InboundSideMessage", "text", text(REPLY_MAX_CHARS)),
        ("InboundSideMessage", "author_name", text(inbound::AUTHOR_NAME_MAX)),
        ("TicketUpdate", "tags", tags()),
        ("TicketUpdate", "add_tags", tags()),
        ("BulkTicketUpdate", "ticket_ids", json!({"minItems": 1, "maxItems": tickets::BULK_MAX})),
        ("CreateCase", "amount_minor", json!({"minimum": 0})),
        ("CreateCase", "currency", json!({"enum": currencies})),
        ("CreateCase", "summary", text(cases::SUMMARY_MAX)),
        ("NewCardDispute", "card_last4", json!({"pattern": cases::LAST4_PATTERN})),
        ("CaseUpdate", "summary", text(cases::SUMMARY_MAX)),
        ("AddEvidence", "title", text(cases::EVIDENCE_TITLE_MAX)),
        ("Escalate", "detail", text(escalations::DETAIL_MAX)),
        ("Escalate", "level", json!({"type": "string", "enum": raised, "description": "L1 or above"})),
        ("CreateSar", "rules_fired", rule_numbers()),
        ("CreateSar", "narrative", json!({"maxLength": sars::NARRATIVE_MAX})),
        ("SarUpdate", "rules_fired", rule_numbers()),
        ("SarUpdate", "narrative", json!({"maxLength": sars::NARRATIVE_MAX})),
        ("NewHandover", "summary", text(handovers::SUMMARY_MAX)),
        ("NewHandover", "notes", json!({"maxItems": handovers::MAX_NOTES})),
        ("HandoverNote", "note", text(handovers::NOTE_MAX)),
        ("ResponseTarget", "seconds", json!({"minimum": 1})),
        ("SlaPolicy", "resolution_seconds", json!({"minimum": 1})),
        ("SlaPolicy", "chargeback_margin_days", json!({"minimum": 0})),
        ("RiskRule", "number", json!({"minimum": 1, "maximum": RISK_RULES})),
        ("RiskRule", "weight", json!({"minimum": 0})),
        ("StartChat", "name", text(widget::NAME_MAX_CHARS)),
        ("StartChat", "email", email()),
        ("StartChat", "language", language()),
        ("LeaveMessage", "name", text(widget::NAME_MAX_CHARS)),
        ("LeaveMessage", "email", email()),
        ("LeaveMessage", "language", language()),
        ("LeaveMessage", "text", text(REPLY_MAX_CHARS)),
        ("SendChatMessage", "client_id", client_id()),
        ("SendChatMessage", "text", text(REPLY_MAX_CHARS)),
        ("RateChat", "score", json!({"minimum": 1, "maximum": 5})),
        ("RateChat", "comment", json!({"maxLength": widget::COMMENT_MAX_CHARS})),
        ("SeenUpTo", "up_to", json!({"minimum": 0})),
        ("RequestAction", "note", json!({"maxLength": controls::NOTE_MAX})),
        ("AnswerRequest", "reason", text(controls::NOTE_MAX)),
        ("IncomingAlert", "external_id", text(alerts::EXTERNAL_ID_MAX)),
        ("IncomingAlert", "card_last4", json!({"pattern": cases::LAST4_PATTERN})),
        ("IncomingAlert", "arn", json!({"pattern": alerts::ARN_PATTERN})),
        ("IncomingAlert", "amount_minor", json!({"minimum": 1, "maximum": alerts::AMOUNT_MAX})),
        ("IncomingAlert", "currency", json!({"enum": currencies})),
        ("IncomingAlert", "issuer_reason", json!({"maxLength": alerts::REASON_MAX})),
        ("AnswerAlert", "note", json!({"maxLength": alerts::NOTE_MAX})),
        ("AlertDeadline", "hours", json!({"minimum": 1, "maximum": alerts::DEADLINE_HOURS_MAX})),
        ("AlertPolicy", "auto_refund_under_usd_cents", json!({"minimum": 0, "maximum": alerts::POLICY_CENTS_MAX})),
        ("AlertPolicy", "chargeback_fee_usd_cents", json!({"minimum": 0, "maximum": alerts::POLICY_CENTS_MAX})),
        ("AlertPolicy", "fraud_queue", json!({"pattern": alerts::TEAM_PATTERN})),
        ("AlertPolicy", "disputes_queue", json!({"pattern": alerts::TEAM_PATTERN})),
        ("OpenSpan", "weekday", json!({"minimum": 1, "maximum": 7})),
        ("OpenSpan", "opens", json!({"pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"})),
        ("OpenSpan", "closes", json!({"pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"})),
    ]
}

/// An email address as the widget's forms take it (`domain::widget::email_address`).
fn email() -> Value {
    // No white space, controls, `@`, `<` or `>` either side of the one `@`; a dot in the domain.
    let plain = r"[^\s\u0000-\u001f\u007f-\u009f@<>]";
    json!({"maxLength": widget::EMAIL_MAX_CHARS, "pattern": format!("^{plain}+@{plain}*\\.{plain}*$")})
}

/// A BCP 47 language tag as the widget sends it.
fn language() -> Value {
    json!({"maxLength": 35, "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"})
}

/// The widget's own id for a message.
fn client_id() -> Value {
    json!({"pattern": format!("^[A-Za-z0-9_-]{{1,{}}}$", widget::CLIENT_ID_MAX_CHARS)})
}

/// A file's name: not blank, at most `NAME_MAX` characters, no path separators or NUL.
fn file_name() -> Value {
    let plain_name = format!(
        "^[^{}]*$",
        documents::FORBIDDEN_IN_NAMES.iter().map(|c| format!("\\u{:04x}", *c as u32)).collect::<String>()
    );
    let mut name = text(documents::NAME_MAX);
    name["allOf"] = json!([{"pattern": plain_name}]);
    name
}

fn query_rules() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        ("/v1/changes", "after", json!({"minimum": 0})),
        ("/v1/changes", "limit", json!({"minimum": 1, "maximum": FEED_MAX_LIMIT})),
        ("/v1/audit", "limit", json!({"minimum": 1, "maximum": audit::PAGE_MAX})),
        ("/v1/supervisor/quarantine", "limit", json!({"minimum": 1, "maximum": quarantine::PAGE_MAX})),
        ("/v1/handovers", "limit", json!({"minimum": 1, "maximum": handovers::LIST_MAX})),
        ("/v1/dispute-alerts", "days", json!({"minimum": 1, "maximum": alerts::LIST_DAYS_MAX})),
        ("/v1/inbound/dispute-alerts/answers", "after", json!({"minimum": 0})),
        ("/v1/inbound/dispute-alerts/answers", "limit", json!({"minimum": 1, "maximum": alerts::ANSWERS_PAGE_MAX})),
        ("/v1/documents", "name", file_name()),
        ("/v1/attachments", "name", file_name()),
        ("/widget/v1/chat/files", "name", file_name()),
        ("/widget/v1/chat/files", "client_id", client_id()),
        ("/v1/address-screenings", "network", json!({"minLength": 1, "maxLength": 32})),
        ("/v1/address-screenings", "address", json!({"minLength": 1, "maxLength": 128})),
    ]
}

fn documents_sha_header() -> &'static str {
    crate::http::documents::CONTENT_SHA256_HEADER
}

fn parameter<'a>(doc: &'a mut Value, path: &str, name: &str) -> &'a mut Value {
    let item = doc["paths"].get_mut(path).unwrap_or_else(|| panic!("the document has no {path}"));
    let found = item
        .as_object_mut()
        .into_iter()
        .flat_map(|ops| ops.values_mut())
        .filter_map(|op| op.get_mut("parameters").and_then(Value::as_array_mut))
        .flatten()
        .find(|p| p["name"] == name);
    found.unwrap_or_else(|| panic!("{path} has no parameter {name}"))
}

/// An optional query parameter is absent, never `null`: its schema is the value's.
fn not_nullable(mut schema: Value) -> Value {
    if let Some(types) = schema.get_mut("type").and_then(Value::as_array_mut) {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            schema["type"] = types[0].clone();
        }
    }
    if let Some(branches) = schema.get("oneOf").and_then(Value::as_array) {
        let value: Vec<&Value> = branches.iter().filter(|b| b["type"] != "null").collect();
        if let [only] = value.as_slice() {
            return match only.get("$ref").and_then(Value::as_str) {
                Some("#/components/schemas/i64") => json!({"type": "integer", "format": "int64"}),
                _ => (*only).clone(),
            };
        }
    }
    schema
}

/// The document store takes the file as the body, in one of the media types it keeps, and
/// gives it back in the type it was stored with.
fn document_bodies(doc: &mut Value) {
    let file = json!({"type": "string", "format": "binary", "minLength": 1});
    // A JSON document is stored as sent: any JSON value is a file (even `""`, two bytes), so
    // its schema is "any", not a binary string a client would read as JSON.
    let content: serde_json::Map<String, Value> = documents::ALLOWED_TYPES
        .iter()
        .map(|t| {
            let schema =
                if *t == "application/json" { json!({"description": "Any JSON document"}) } else { file.clone() };
            ((*t).to_owned(), json!({"schema": schema}))
        })
        .collect();
    let body = doc.pointer_mut("/paths/~1v1~1documents/post/requestBody").expect("the document has POST /v1/documents");
    body["content"] = Value::Object(content);
    body["required"] = json!(true);
    let upload =
        doc.pointer_mut("/paths/~1v1~1attachments/post/requestBody").expect("the document has POST /v1/attachments");
    upload["content"] = json!({"application/octet-stream": {"schema": file}});
    upload["required"] = json!(true);
    let answer = doc
        .pointer_mut("/paths/~1v1~1documents~1{id}~1content/get/responses/200")
        .expect("the document has GET /v1/documents/{id}/content");
    let stored = json!({"type": "string", "format": "binary"});
    answer["content"] = documents::ALLOWED_TYPES
        .iter()
        .map(|t| {
            let schema = if *t == "application/json" {
                json!({"description": "The JSON document as stored"})
            } else {
                stored.clone()
            };
            ((*t).to_owned(), json!({"schema": schema}))
        })
        .collect();
    answer["headers"] = json!({
        documents_sha_header(): {"description": "The content's SHA-256, hex", "schema": {"type": "string", "pattern": documents::SHA256_PATTERN}},
        "Content-Disposition": {"description": "`attachment`: a file to save, never to render", "schema": {"type": "string"}}
    });
}

/// Server-sent events: each has an `event` name and JSON `data` (a StreamEvent); those the
/// desk can resume from carry an `id`.
fn stream_events(doc: &mut Value) {
    let content = doc
        .pointer_mut("/paths/~1v1~1stream/get/responses/200/content/text~1event-stream")
        .expect("the document has GET /v1/stream");
    content["schema"] = json!({
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {"type": "string", "description": "The payload's `type`: message_created, typing, presence, …, reset"},
            "id": {"type": "string", "pattern": "^[0-9]+$", "description": "Resume with it as Last-Event-ID"},
            "data": {
                "type": "string",
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/StreamEvent"}
            }
        }
    });
    let widget = doc
        .pointer_mut("/paths/~1widget~1v1~1chat~1events/get/responses/200/content/text~1event-stream")
        .expect("the document has GET /widget/v1/chat/events");
    widget["schema"] = json!({
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {"type": "string", "description": "The event's `type`: state, message, typing, agent_joined, read, no_agent, ended"},
            "data": {
                "type": "string",
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": "#/components/schemas/WidgetEvent"}
            }
        }
    });
}
