//! The OpenAPI document as served: utoipa's, from the route list, completed in two passes
//! that keep the handlers' annotations to what is their own:
//! - `answers`: what every operation can answer besides its results (401, 429, 400 for a
//!   bad header or parameter, 413/415 for bodies, 409/428 with `If-Match`, 422 with an
//!   `Idempotency-Key`, 500), and the exact shape of the shared headers;
//! - `rules`: what each request field must be (lengths, patterns, ranges, enums), built
//!   from the same constants the server checks with.
//!
//! Schemathesis checks the result against the running server (`scripts/contract.sh`):
//! a request the document calls valid is never answered 400, one it calls invalid never
//! succeeds, and every status and shape answered is documented.

mod answers;
mod rules;

use serde_json::Value;

/// The document a company can implement the API from.
pub fn complete(doc: utoipa::openapi::OpenApi) -> Value {
    let mut doc = serde_json::to_value(doc).expect("the OpenAPI document serializes");
    rules::apply(&mut doc);
    answers::apply(&mut doc);
    doc
}

/// Every operation of the document, with its path and method.
fn operations(doc: &mut Value) -> impl Iterator<Item = (String, &'static str, &mut serde_json::Map<String, Value>)> {
    const METHODS: [&str; 5] = ["get", "put", "post", "patch", "delete"];
    doc["paths"].as_object_mut().into_iter().flat_map(|paths| paths.iter_mut()).flat_map(|(path, item)| {
        let path = path.clone();
        item.as_object_mut().into_iter().flat_map(|i| i.iter_mut()).filter_map(move |(method, op)| {
            let method = METHODS.into_iter().find(|m| m == method)?;
            Some((path.clone(), method, op.as_object_mut()?))
        })
    })
}

/// Merges `extra` into `target`: objects key by key (recursively), anything else replaced.
fn merge(target: &mut Value, extra: &Value) {
    match (target, extra) {
        (Value::Object(target), Value::Object(extra)) => {
            for (key, value) in extra {
                merge(target.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
        (target, extra) => *target = extra.clone(),
    }
}
