//! What a desk cannot know from its own copy: the accounts linked to a customer's when they
//! are outside the caller's queues.

use arbiter_contract::*;
use axum::extract::State;
use axum::Json;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::http::extract::Id;
use crate::store::rows::{list, params, Val};
use crate::store::{links, reads};
use crate::AppState;

/// Linked accounts listed at most; a shared public IP could otherwise list thousands.
pub const MAX_LINKED_ACCOUNTS: usize = 200;

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
    let not_found = || ApiFailure::not_found(format!("customer {id} does not exist"));
    if reads::customer(&mut conn, id).await?.is_none() || !caller.vis.sees_customer(&mut conn, id).await? {
        return Err(not_found());
    }
    let (shared, truncated) = links::linked(&mut conn, id, MAX_LINKED_ACCOUNTS).await?;
    let mut ids: Vec<CustomerId> = Vec::new();
    for s in &shared {
        if !ids.contains(&s.customer_id) {
            ids.push(s.customer_id);
        }
    }
    let people: Vec<Customer> = if ids.is_empty() {
        Vec::new()
    } else {
        let sql = format!("SELECT data FROM customers WHERE id IN ({})", params(0, ids.len()));
        list(&mut conn, &sql, ids.iter().map(|c| Val::from(*c)).collect()).await?
    };
    // In rank order; who they are, not how to reach them.
    let accounts = ids
        .iter()
        .filter_map(|c| people.iter().find(|p| p.id == *c))
        .map(|c| LinkedAccount {
            customer_id: c.id,
            account_id: c.account_id.clone(),
            name: c.name.clone(),
            country: c.country.clone(),
            kyc_level: c.kyc_level,
            created_at: c.created_at,
        })
        .collect();
    Ok(Json(CustomerLinks { customer_id: id, accounts, shared, truncated }))
}
