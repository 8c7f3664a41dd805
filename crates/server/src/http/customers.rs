//! What a desk cannot know from its own copy: the accounts linked to a customer's when they
//! are outside the caller's queues.

use std::collections::BTreeSet;

use arbiter_contract::*;
use axum::extract::State;
use axum::Json;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::http::extract::Id;
use crate::store::{links, reads};
use crate::AppState;

/// Linked accounts listed at most; a shared public IP could otherwise list thousands.
pub const MAX_LINKED_ACCOUNTS: usize = 200;

/// The accounts sharing a device, IP address, withdrawal wallet or card with the customer,
/// whichever queues they are in, with each account's latest event carrying what it shares.
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
    let uses = links::shared_uses(&mut conn, &[id]).await?;
    let (ranked, truncated) = links::rank_accounts(&uses, MAX_LINKED_ACCOUNTS);
    let kept: BTreeSet<CustomerId> = ranked.iter().copied().collect();
    let event_ids: Vec<i64> = uses.iter().filter(|u| kept.contains(&u.customer_id)).map(|u| u.event_id).collect();
    let events = links::events(&mut conn, &event_ids).await?;
    let mut accounts = Vec::with_capacity(ranked.len());
    for customer_id in ranked {
        if let Some(c) = reads::customer(&mut conn, customer_id).await? {
            accounts.push(LinkedAccount {
                customer_id,
                account_id: c.account_id,
                name: c.name,
                country: c.country,
                kyc_level: c.kyc_level,
                created_at: c.created_at,
            });
        }
    }
    Ok(Json(CustomerLinks { customer_id: id, accounts, events, truncated }))
}
