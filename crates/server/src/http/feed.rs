use arbiter_contract::{ApiError, ChangePage, FeedQuery};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::auth::Caller;
use crate::domain::feed;
use crate::error::ApiFailure;
use crate::http::extract::Params;
use crate::mutation::json_response;
use crate::AppState;

/// The change feed: what the caller may see that changed after `after`, oldest first.
/// Entities come in their newest state; tombstones say what to drop. Save `next_cursor`
/// with the data and pass it as `after` next time.
#[utoipa::path(get, path = "/v1/changes", tag = "sync", security(("bearer" = [])),
    params(FeedQuery),
    responses((status = 200, body = ChangePage), (status = 400, body = ApiError), (status = 401, body = ApiError),
              (status = 410, body = ApiError, description = "`cursor_expired`: sync again from 0"),
              (status = 429, body = ApiError)))]
pub async fn changes(
    State(state): State<AppState>,
    caller: Caller,
    Params(query): Params<FeedQuery>,
) -> Result<Response, ApiFailure> {
    Ok(json_response(StatusCode::OK, feed::page(&state, &caller, &query).await?))
}
