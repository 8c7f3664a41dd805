//! The widget API's guard: a browser page on another site may not drive it (its `Origin`
//! must be this server's own or one the company allowed), and each visitor has a rate
//! (by address and chat), so a flood gets 429s and the desk never notices.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{AUTHORIZATION, HOST, ORIGIN};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiFailure;
use crate::AppState;

/// Whether a request with these headers may use the widget API: no `Origin` (not a
/// browser's cross-site request), the server's own origin (its widget page), or a listed one.
fn origin_allowed(headers: &HeaderMap, allowed: &[String]) -> Result<Option<HeaderValue>, ()> {
    let Some(origin) = headers.get(ORIGIN) else { return Ok(None) };
    let text = origin.to_str().map_err(|_| ())?;
    let host = headers.get(HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    let own = text.strip_prefix("http://").or_else(|| text.strip_prefix("https://")).is_some_and(|rest| rest == host);
    if own {
        return Ok(None); // same origin: no CORS headers needed
    }
    if allowed.iter().any(|a| a == text) {
        return Ok(Some(origin.clone()));
    }
    Err(())
}

/// The visitor's bucket: their address, and for a chat's own routes the chat's token too (so
/// one busy chat does not slow others behind the same address). The open doors (settings,
/// starting a chat, leaving a message) take no token, so a header the caller makes up must
/// not buy a fresh bucket there: they count by address alone.
fn rate_key(request: &Request) -> u64 {
    let mut hasher = DefaultHasher::new();
    request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()).hash(&mut hasher);
    let chat_route = request.uri().path().starts_with("/widget/v1/chat/") || request.uri().path() == "/widget/v1/chat";
    if chat_route {
        request.headers().get(AUTHORIZATION).map(|v| v.as_bytes()).hash(&mut hasher);
    }
    hasher.finish()
}

/// Runs for every request (so CORS preflights, which match no route, are answered too) and
/// acts on the widget API's only.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with(arbiter_contract::widget::WIDGET_V1) {
        return next.run(request).await;
    }
    let cors = match origin_allowed(request.headers(), &state.widget.origins) {
        Ok(cors) => cors,
        Err(()) => return ApiFailure::forbidden("this site may not use the chat").into_response(),
    };
    if request.method() == Method::OPTIONS {
        let mut response = StatusCode::NO_CONTENT.into_response();
        add_cors(&mut response, cors, true);
        return response;
    }
    if let Err(retry_after) = state.widget_limiter.check(rate_key(&request)) {
        let mut response = ApiFailure::rate_limited(retry_after).into_response();
        add_cors(&mut response, cors, false);
        return response;
    }
    let mut response = next.run(request).await;
    add_cors(&mut response, cors, false);
    response
}

fn add_cors(response: &mut Response, origin: Option<HeaderValue>, preflight: bool) {
    let Some(origin) = origin else { return };
    let headers = response.headers_mut();
    headers.insert("access-control-allow-origin", origin);
    headers.insert("vary", HeaderValue::from_static("Origin"));
    if preflight {
        headers.insert("access-control-allow-methods", HeaderValue::from_static("GET, POST"));
        headers.insert("access-control-allow-headers", HeaderValue::from_static("authorization, content-type"));
        headers.insert("access-control-max-age", HeaderValue::from_static("600"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(origin: Option<&str>, host: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(HOST, host.parse().unwrap());
        if let Some(o) = origin {
            h.insert(ORIGIN, o.parse().unwrap());
        }
        h
    }

    #[test]
    fn own_listed_and_absent_origins_pass_others_do_not() {
        let allowed = vec!["https://www.exchange.example".to_string()];
        assert_eq!(origin_allowed(&headers(None, "127.0.0.1:8080"), &allowed), Ok(None));
        assert_eq!(origin_allowed(&headers(Some("http://127.0.0.1:8080"), "127.0.0.1:8080"), &allowed), Ok(None));
        assert!(origin_allowed(&headers(Some("https://www.exchange.example"), "chat.example"), &allowed)
            .unwrap()
            .is_some());
        assert!(origin_allowed(&headers(Some("https://evil.example"), "chat.example"), &allowed).is_err());
        assert!(origin_allowed(&headers(Some("https://www.exchange.example.evil.example"), "chat.example"), &allowed)
            .is_err());
        assert!(origin_allowed(&headers(Some("null"), "chat.example"), &allowed).is_err());
    }
}
