use arbiter_contract::{FeedQuery, FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::store::{read_changes, FeedPage};
use crate::AppState;

/// `GET /v1/changes?after=N&limit=L`: the changes with a sequence number above N, oldest first.
pub async fn changes(
    State(state): State<AppState>,
    _caller: Caller,
    query: Result<Query<FeedQuery>, QueryRejection>,
) -> Result<Json<FeedPage>, ApiFailure> {
    let Query(query) = query.map_err(|e| ApiFailure::bad_request(e.body_text()))?;
    if query.after < 0 {
        return Err(ApiFailure::bad_request("`after` must not be negative"));
    }
    let limit = query.limit.unwrap_or(FEED_DEFAULT_LIMIT);
    if limit == 0 || limit > FEED_MAX_LIMIT {
        return Err(ApiFailure::bad_request(format!("`limit` must be between 1 and {FEED_MAX_LIMIT}")));
    }
    Ok(Json(read_changes(&state.pool, &state.feed_id, query.after, limit).await?))
}
