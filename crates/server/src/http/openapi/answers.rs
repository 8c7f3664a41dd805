//! What every operation can answer besides its own results, added in one place. An answer
//! a handler documents itself (with its own description) is kept as it is.

use serde_json::{json, Map, Value};

use crate::http::extract::{IDEMPOTENCY_KEY_PATTERN, IF_MATCH_PATTERN};

const ERROR: &str = "#/components/schemas/ApiError";

pub(super) fn apply(doc: &mut Value) {
    for (_, _, op) in super::operations(doc) {
        shape_shared_headers(op);
        for (status, answer) in common_answers(op) {
            let responses = op.entry("responses").or_insert_with(|| json!({}));
            if let Some(responses) = responses.as_object_mut() {
                responses.entry(status).or_insert(answer);
            }
        }
    }
}

/// The headers several operations take, as exactly as the server reads them.
fn shape_shared_headers(op: &mut Map<String, Value>) {
    for param in op.get_mut("parameters").and_then(Value::as_array_mut).into_iter().flatten() {
        if param["in"] != "header" {
            continue;
        }
        let (pattern, description) = match param["name"].as_str() {
            Some("Idempotency-Key") => (
                IDEMPOTENCY_KEY_PATTERN,
                "One per attempted action, 1–255 visible ASCII characters: a retry with the same key \
                 gets the first answer (`Idempotent-Replayed: true`) and never acts twice.",
            ),
            Some("If-Match") => {
                (IF_MATCH_PATTERN, "The version the change was made on: `7`, or the entity's ETag `\"7\"`.")
            }
            _ => continue,
        };
        param["schema"] = json!({"type": "string", "pattern": pattern});
        param["description"] = json!(description);
        param["required"] = json!(true);
    }
}

fn header_named(op: &Map<String, Value>, name: &str) -> bool {
    op.get("parameters").and_then(Value::as_array).is_some_and(|params| {
        params.iter().any(|p| p["in"] == "header" && p["name"].as_str().is_some_and(|n| n.eq_ignore_ascii_case(name)))
    })
}

fn takes_parameters(op: &Map<String, Value>) -> bool {
    op.get("parameters").and_then(Value::as_array).is_some_and(|params| {
        params.iter().any(|p| p["in"] == "path" || p["in"] == "query" || p.get("required") == Some(&json!(true)))
    })
}

fn error(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": ERROR}}}})
}

fn common_answers(op: &Map<String, Value>) -> Vec<(String, Value)> {
    let secured = op.get("security").is_some();
    let has_body = op.get("requestBody").is_some();
    let keyed = header_named(op, "Idempotency-Key");
    let versioned = header_named(op, "If-Match");
    let mut answers = Vec::new();
    if has_body || takes_parameters(op) {
        answers.push((
            "400",
            error(
                "The request breaks this document: a missing or malformed header, path or query \
                 parameter, or a body that is not JSON or does not fit its schema (`bad_request`; \
                 the message says what).",
            ),
        ));
    }
    if secured {
        let mut unauthorized = error("No bearer token, or one the server does not know (`unauthorized`).");
        unauthorized["headers"] =
            json!({"WWW-Authenticate": {"description": "`Bearer`", "schema": {"type": "string"}}});
        answers.push(("401", unauthorized));
    }
    if versioned {
        answers.push((
            "409",
            error("The change was made on an older version (`conflict`): `current` holds the entity as it is now."),
        ));
    }
    if has_body {
        answers.push(("413", error("The body is larger than the server takes (`payload_too_large`).")));
        answers
            .push(("415", error("The body is not of a media type this operation takes (`unsupported_media_type`).")));
    }
    if keyed {
        answers.push((
            "422",
            error(
                "Valid, but refused: a rule of the domain the message names (`unprocessable`), or an \
                 `Idempotency-Key` already used for a different request (`idempotency_key_reused`).",
            ),
        ));
    }
    if versioned {
        answers.push(("428", error("An update without `If-Match` (`precondition_required`).")));
    }
    if secured {
        let mut limited =
            error("Too many requests from this token (`rate_limited`): retry after `Retry-After` seconds.");
        limited["headers"] =
            json!({"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer", "minimum": 0}}});
        answers.push(("429", limited));
    }
    answers.push((
        "500",
        error("The server failed (`internal`); a mutation may be retried with the same `Idempotency-Key`."),
    ));
    if secured {
        let mut away = error(
            "The bearer token is the identity provider's and the provider cannot be reached to fetch \
             the key it is signed with (`unavailable`): keep the token and retry after `Retry-After` \
             seconds. Only a server that takes identity-provider tokens (`--oidc-issuer`) answers this.",
        );
        away["headers"] =
            json!({"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer", "minimum": 0}}});
        answers.push(("503", away));
    }
    answers.into_iter().map(|(s, a)| (s.to_owned(), a)).collect()
}
