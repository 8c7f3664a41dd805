use arbiter_contract::{ApiError, ChangePage, FeedQuery, FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::mutation::json_response;
use crate::store::feed::{caller_feed_id, horizon, read_changes};
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
    query: Result<Query<FeedQuery>, QueryRejection>,
) -> Result<Response, ApiFailure> {
    let Query(query) = query?;
    if query.after < 0 {
        return Err(ApiFailure::bad_request("`after` must not be negative"));
    }
    let limit = query.limit.unwrap_or(FEED_DEFAULT_LIMIT);
    if limit == 0 || limit > FEED_MAX_LIMIT {
        return Err(ApiFailure::bad_request(format!("`limit` must be between 1 and {FEED_MAX_LIMIT}")));
    }
    let horizon = horizon(&state.db).await?;
    if query.after > 0 && query.after < horizon {
        return Err(ApiFailure::cursor_expired(horizon));
    }
    let feed_id = caller_feed_id(&state.db, &state.feed_id, caller.id()).await?;
    let page = read_changes(&state.db, &caller.vis, feed_id, query.after, limit).await?;
    Ok(json_response(StatusCode::OK, page.json))
}
