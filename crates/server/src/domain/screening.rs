//! Withdrawal address screening, the reference KYT: an address in the planted clusters
//! answers its recorded exposures; any other address of the right shape screens clean.

use arbiter_contract::{AddressScreening, Screening, ScreeningQuery, ScreeningRating, REFERENCE_KYT};
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use crate::error::ApiFailure;
use crate::store;

pub async fn screen(
    conn: &mut AnyConnection,
    query: &ScreeningQuery,
    now: DateTime<Utc>,
) -> Result<AddressScreening, ApiFailure> {
    let (network, address) = (query.network.trim(), query.address.trim());
    if !arbiter_risk::screening::address_fits(network, address) {
        return Err(ApiFailure::unprocessable(format!("{address:?} is not an address on {network}")));
    }
    let screening = match store::screening::known(conn, network, address).await? {
        Some(known) => Screening { screened_at: now, ..known },
        None => Screening {
            rating: ScreeningRating::Low,
            exposures: vec![],
            entity: None,
            source: REFERENCE_KYT.into(),
            screened_at: now,
        },
    };
    Ok(AddressScreening { address: address.to_owned(), network: network.to_owned(), screening })
}
