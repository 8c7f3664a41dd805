//! The reference KYT's known addresses and their screening.

use arbiter_contract::Screening;
use sqlx::AnyConnection;

use super::rows::from_json;

/// How an address is looked up: hex addresses (`0x…`) in lower case, since their letters'
/// case is only a checksum; every other kind as written (base58 and bech32 are case-exact or
/// lower case already).
pub fn key(address: &str) -> String {
    if address.starts_with("0x") || address.starts_with("0X") {
        address.to_ascii_lowercase()
    } else {
        address.to_owned()
    }
}

/// The screening on record for `address` on `network`; none for an address nobody flagged.
pub async fn known(conn: &mut AnyConnection, network: &str, address: &str) -> Result<Option<Screening>, sqlx::Error> {
    let data: Option<String> =
        sqlx::query_scalar("SELECT data FROM screened_addresses WHERE address = $1 AND network = $2")
            .bind(key(address))
            .bind(network)
            .fetch_optional(conn)
            .await?;
    data.map(|d| from_json(&d)).transpose()
}
