//! What a desk cannot know from its own copy: the accounts linked to a customer's when they
//! are outside the caller's queues.

use arbiter_contract::*;
use sqlx::AnyConnection;

use super::access;
use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::store::{links, reads};

/// Linked accounts listed at most; a shared public IP could otherwise list thousands.
pub const MAX_LINKED_ACCOUNTS: usize = 200;

/// The accounts sharing a device, IP address, withdrawal wallet or card with the customer,
/// whichever queues they are in, and what each shares (not their activity). Only for
/// callers who see the customer (any of their tickets).
pub async fn links(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<CustomerLinks, ApiFailure> {
    access::customer(conn, caller, id).await?;
    Ok(linked_accounts(conn, id).await?)
}

/// The accounts linked to `id`'s, for a caller already allowed to look.
pub async fn linked_accounts(conn: &mut AnyConnection, id: i64) -> Result<CustomerLinks, sqlx::Error> {
    let (shared, truncated) = links::linked(conn, id, MAX_LINKED_ACCOUNTS).await?;
    let mut ids: Vec<CustomerId> = Vec::new();
    for s in &shared {
        if !ids.contains(&s.customer_id) {
            ids.push(s.customer_id);
        }
    }
    let people = reads::customers(conn, &ids).await?;
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
    Ok(CustomerLinks { customer_id: id, accounts, shared, truncated })
}
