//! The change feed as a caller reads it: checked bounds, the horizon below which a cursor
//! expired, and the page of what the caller may see.

use arbiter_contract::{FeedQuery, FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT};

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::store::feed::{caller_feed_id, read_changes, FeedAnswer, PageRequest};
use crate::AppState;

/// The page after `query.after`, as JSON ready to send.
pub async fn page(state: &AppState, caller: &Caller, query: &FeedQuery) -> Result<String, ApiFailure> {
    if query.after < 0 {
        return Err(ApiFailure::bad_request("`after` must not be negative"));
    }
    let limit = super::input::page_size(query.limit, FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT)?;
    let feed_id = caller_feed_id(&state.db, &state.feed_id, caller.id()).await?;
    let request = PageRequest { after: query.after, limit, horizon: query.horizon };
    match read_changes(&state.db, (&state.feed_payloads, &state.feed_lists), &caller.vis, feed_id, request).await? {
        FeedAnswer::Page(page) => Ok(page.json),
        FeedAnswer::Expired { horizon } => Err(ApiFailure::cursor_expired(horizon)),
    }
}
