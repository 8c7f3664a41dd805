//! The change feed as a caller reads it: checked bounds, the horizon below which a cursor
//! expired, and the page of what the caller may see.

use arbiter_contract::{FeedQuery, FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT};

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::store::feed::{caller_feed_id, horizon, read_changes};
use crate::AppState;

/// The page after `query.after`, as JSON ready to send.
pub async fn page(state: &AppState, caller: &Caller, query: &FeedQuery) -> Result<String, ApiFailure> {
    if query.after < 0 {
        return Err(ApiFailure::bad_request("`after` must not be negative"));
    }
    let limit = super::input::page_size(query.limit, FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT)?;
    let horizon = horizon(&state.db).await?;
    if query.after > 0 && query.after < horizon {
        return Err(ApiFailure::cursor_expired(horizon));
    }
    let feed_id = caller_feed_id(&state.db, &state.feed_id, caller.id()).await?;
    Ok(read_changes(&state.db, (&state.feed_payloads, &state.feed_lists), &caller.vis, feed_id, query.after, limit)
        .await?
        .json)
}
