//! The HTTP surface of API v1. Every route is registered through utoipa-axum, so the router
//! and the OpenAPI document (`/openapi.json`) come from the same list and cannot disagree.

pub mod alerts;
pub mod attachments;
pub mod cases;
pub mod controls;
pub mod conversation;
pub mod customers;
pub mod documents;
pub mod escalations;
pub mod extract;
pub mod feed;
mod file_download;
pub mod handovers;
pub mod inbound;
mod integral_floats;
pub mod me;
pub mod offers;
mod openapi;
pub mod policies;
mod request_log;
pub mod sars;
pub mod stream;
pub mod supervisor;
pub mod tickets;
pub mod updates;
pub mod widget;
mod widget_assets;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::{middleware, Json, Router};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use crate::error::ApiFailure;
use crate::AppState;

/// Largest JSON body accepted, in bytes (documents have their own limit).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Files for the document store (evidence: screenshots, statements, PDFs) may be larger.
pub const MAX_DOCUMENT_BYTES: usize = 20 * 1024 * 1024;
/// A file an agent sends with a reply or a note: as large as a whole message's files.
pub const MAX_UPLOAD_BYTES: usize = arbiter_contract::MAX_OUTGOING_BYTES as usize;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Arbiter company API",
        version = "1",
        description = "The API a support desk syncs from: the change feed, the live stream and the mutations of \
                       tickets, cases, escalations and reports. Every request carries `Authorization: Bearer <token>`; \
                       errors are JSON `{code, message}`; mutations take an `Idempotency-Key`; updates take `If-Match`."
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "session", description = "Who is calling"),
        (name = "sync", description = "Change feed and live stream"),
        (name = "tickets", description = "Tickets and conversations"),
        (name = "customers", description = "What a desk's copy cannot hold: accounts linked to a customer's from outside the \
                                            caller's queues"),
        (name = "cases", description = "Disputes, chargebacks and fraud investigations"),
        (name = "escalations", description = "The escalation matrix"),
        (name = "compliance", description = "Suspicious-activity reports and documents"),
        (name = "supervisor", description = "Supervisor-only views and actions"),
        (name = "controls", description = "Stopping the loss: account controls, actions and their four-eyes approvals"),
        (name = "widget", description = "The customers' chat widget (`/widget/v1`): a separate API for customers' browsers, \
                                         with its own origin check and rate limits. Starting a chat answers a token that \
                                         speaks for that chat only (`Authorization: Bearer <chat token>`)."),
        (name = "updates", description = "Desk releases a company hosts here for the desks' updaters (`--updates-dir`): \
                                          the Tauri updater's manifest and the signed installers. Public: the desk trusts \
                                          an installer's signature, not this server."),
        (name = "gateway", description = "What the company's channels bring in: customers' messages and typing from the \
                                          chat widget and mail gateway, internal teams' answers from their tools. Only \
                                          the gateway's token may call these."),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
        components.add_security_scheme("chat_token", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

/// The API's routes and their OpenAPI document.
pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(me::me))
        .routes(routes!(me::set_presence))
        .routes(routes!(offers::my_offers))
        .routes(routes!(offers::accept))
        .routes(routes!(offers::decline))
        .routes(routes!(offers::seen))
        .routes(routes!(feed::changes))
        .routes(routes!(stream::stream))
        .routes(routes!(tickets::start_email))
        .routes(routes!(tickets::ticket, tickets::update))
        .routes(routes!(tickets::bulk_update))
        .routes(routes!(handovers::list_handovers, handovers::create_handover))
        .routes(routes!(handovers::acknowledge_handover))
        .routes(routes!(conversation::reply))
        .routes(routes!(conversation::note))
        .routes(routes!(conversation::create_side_conversation))
        .routes(routes!(conversation::side_message))
        .routes(routes!(conversation::forward))
        .routes(routes!(conversation::typing))
        .routes(routes!(customers::links))
        .routes(routes!(escalations::escalate))
        .routes(routes!(escalations::acknowledge))
        .routes(routes!(cases::create))
        .routes(routes!(cases::case, cases::update))
        .routes(routes!(cases::add_evidence))
        .routes(routes!(cases::events))
        .routes(routes!(sars::create))
        .routes(routes!(sars::update))
        .routes(routes!(sars::submit))
        .routes(routes!(sars::acknowledge))
        .routes(routes!(documents::upload).layer(DefaultBodyLimit::max(MAX_DOCUMENT_BYTES)))
        .routes(routes!(documents::document))
        .routes(routes!(documents::content))
        .routes(routes!(attachments::content))
        .routes(routes!(attachments::upload).layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES)))
        .routes(routes!(policies::current, policies::replace))
        .routes(routes!(controls::account))
        .routes(routes!(controls::evidence))
        .routes(routes!(controls::act))
        .routes(routes!(controls::approve))
        .routes(routes!(controls::decline))
        .routes(routes!(controls::cancel))
        .routes(routes!(controls::approvals))
        .routes(routes!(controls::report))
        .routes(routes!(controls::screening))
        .routes(routes!(supervisor::overview))
        .routes(routes!(supervisor::service_report))
        .routes(routes!(supervisor::audit))
        .routes(routes!(supervisor::quarantine))
        .routes(routes!(supervisor::quarantined_original))
        .routes(routes!(inbound::customer_message))
        .routes(routes!(inbound::customer_typing))
        .routes(routes!(inbound::team_message))
        .routes(routes!(alerts::receive))
        .routes(routes!(alerts::answers))
        .routes(routes!(alerts::list))
        .routes(routes!(alerts::alert))
        .routes(routes!(alerts::answer))
        .routes(routes!(updates::manifest))
        .routes(routes!(updates::artifact))
}

/// The chat widget's API: customers' browsers call it, so it has a guard of its own.
pub fn widget_api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(widget::settings))
        .routes(routes!(widget::start))
        .routes(routes!(widget::leave_message))
        .routes(routes!(widget::chat))
        .routes(routes!(widget::events))
        .routes(routes!(widget::send))
        .routes(routes!(widget::send_file).layer(DefaultBodyLimit::max(crate::domain::widget::WIDGET_FILE_MAX_BYTES)))
        .routes(routes!(widget::file))
        .routes(routes!(widget::typing))
        .routes(routes!(widget::end))
        .routes(routes!(widget::rate))
        .routes(routes!(widget::transcript))
}

/// Runs each request on a task of its own, so a client that hangs up mid-request (a
/// crashed desk, a cut network) does not cancel the handler half-way through a database
/// transaction: the work finishes, commits or rolls back cleanly, and a retry with the same
/// Idempotency-Key gets its stored answer.
async fn run_to_completion(request: axum::extract::Request, next: middleware::Next) -> axum::response::Response {
    match tokio::spawn(next.run(request)).await {
        Ok(response) => response,
        Err(error) => {
            tracing::error!(%error, "request handler panicked");
            axum::response::IntoResponse::into_response(ApiFailure::internal())
        }
    }
}

/// Answers of text are compressed for clients that accept it, zstd first (the desk's
/// choice: a 1,000-change feed page of 625 KB goes out as 150 KB; figures in
/// docs/PERFORMANCE.md), gzip for the rest (160 KB), each at its default level: JSON, CSV,
/// Markdown and other text, the widget's script. Files (PDFs, images, archives, what
/// customers sent) go as they are: mostly compressed already, and their length stays
/// known for a download's progress. Event streams and answers under 1 KiB are not
/// compressed either.
fn compression() -> tower_http::compression::CompressionLayer<impl tower_http::compression::Predicate> {
    use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
    let text = |_: axum::http::StatusCode,
                _: axum::http::Version,
                headers: &axum::http::HeaderMap,
                _: &axum::http::Extensions| {
        headers.get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| {
            t.starts_with("application/json") || t.starts_with("text/") || t.starts_with("application/javascript")
        })
    };
    tower_http::compression::CompressionLayer::new()
        .no_br()
        .no_deflate()
        .quality(tower_http::CompressionLevel::Default)
        .compress_when(SizeAbove::new(1024).and(NotForContentType::SSE).and(text))
}

/// The router the server runs, and the document it serves at `/openapi.json`.
pub fn router(state: AppState) -> (Router, serde_json::Value) {
    let (api, mut doc) = api().split_for_parts();
    let (widget_api, widget_doc) = widget_api().split_for_parts();
    doc.merge(widget_doc);
    let doc = openapi::complete(doc);
    let served = doc.clone();
    let router = api
        .layer(middleware::from_fn(run_to_completion))
        .layer(middleware::from_fn_with_state(state.clone(), crate::rate_limit::limit))
        .merge(widget_api.layer(middleware::from_fn(run_to_completion)))
        .merge(widget_assets::routes())
        .route("/health", get(|| async { "ok" }))
        .route("/openapi.json", get(move || async move { Json(served) }))
        .fallback(|| async { ApiFailure::not_found("no such route") })
        .method_not_allowed_fallback(|| async {
            ApiFailure::new(
                axum::http::StatusCode::METHOD_NOT_ALLOWED,
                arbiter_contract::ErrorCode::BadRequest,
                "this route does not take that method",
            )
        })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(state.clone(), crate::widget_guard::guard))
        .layer(compression())
        .layer(request_log::layer())
        .with_state(state);
    (router, doc)
}
