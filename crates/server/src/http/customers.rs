//! What a desk cannot know from its own copy: the accounts linked to a customer's when they
//! are outside the caller's queues.

use arbiter_contract::*;
use axum::extract::State;
use axum::Json;

use crate::auth::Caller;
use crate::domain::customers;
use crate::error::ApiFailure;
use crate::http::extract::Id;
use crate::AppState;

/// The accounts sharing a device, IP address, withdrawal wallet or card with the customer,
/// whichever queues they are in, and what each shares (not their activity).
/// Only for callers who see the customer (any of their tickets).
#[utoipa::path(get, path = "/v1/customers/{id}/links", tag = "customers", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = CustomerLinks), (status = 404, body = ApiError)))]
pub async fn links(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> Result<Json<CustomerLinks>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(customers::links(&mut conn, &caller, id).await?))
}
