//! The widget's own files: `embed.js` (the one script tag a site adds: a launcher button and
//! the chat in a frame of this server's origin) and the chat page the frame shows, with a
//! policy that lets it run only its own script and be framed only by the allowed sites.

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::AppState;

const EMBED_JS: &str = include_str!("../../widget/embed.js");
const CHAT_HTML: &str = include_str!("../../widget/chat.html");
const CHAT_JS: &str = include_str!("../../widget/chat.js");
const CHAT_CSS: &str = include_str!("../../widget/chat.css");
const STRINGS_JS: &str = include_str!("../../widget/strings.js");
const DEMO_HTML: &str = include_str!("../../widget/demo.html");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/widget/embed.js", get(|| async { asset(EMBED_JS, "text/javascript; charset=utf-8") }))
        .route("/widget/chat.js", get(|| async { asset(CHAT_JS, "text/javascript; charset=utf-8") }))
        .route("/widget/strings.js", get(|| async { asset(STRINGS_JS, "text/javascript; charset=utf-8") }))
        .route("/widget/chat.css", get(|| async { asset(CHAT_CSS, "text/css; charset=utf-8") }))
        .route("/widget/chat", get(chat_page))
        .route("/widget/demo", get(|| async { page(DEMO_HTML, "'self'") }))
}

fn asset(body: &'static str, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    // embed.js runs on the company's pages: they must be able to load it.
    headers.insert("cross-origin-resource-policy", HeaderValue::from_static("cross-origin"));
    response
}

/// The chat page, framed by the company's pages (and this server's demo page) only.
async fn chat_page(State(state): State<AppState>) -> Response {
    let mut ancestors = String::from("'self'");
    for origin in &state.widget.origins {
        // Origins come from the operator's configuration; anything unlike one is left out.
        if origin.chars().all(|c| c.is_ascii_alphanumeric() || ":/.-[]".contains(c)) {
            ancestors.push(' ');
            ancestors.push_str(origin);
        }
    }
    page(CHAT_HTML, &ancestors)
}

fn page(body: &'static str, frame_ancestors: &str) -> Response {
    let mut response = body.into_response();
    let csp = format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; \
         frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors {frame_ancestors}"
    );
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_str(&csp).expect("a plain header value"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}
