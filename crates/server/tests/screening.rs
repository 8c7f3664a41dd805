//! Withdrawal address screening over real HTTP (SQLite and PostgreSQL): every withdrawal the
//! generator screened answers the same rating from the API; the planted clusters answer their
//! category; an unknown address screens clean; checksum case does not matter; a malformed
//! address is refused with 422 and nothing is answered without a token.

mod common;

use arbiter_contract::*;
use arbiter_server::RunningServer;
use common::{http, HARUTO};
use serde_json::Value;

async fn screen(server: &RunningServer, token: Option<&str>, network: &str, address: &str) -> (u16, Value) {
    let mut request = http()
        .get(format!("{}/v1/address-screenings", server.base_url()))
        .query(&[("network", network), ("address", address)]);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let answer = request.send().await.unwrap();
    (answer.status().as_u16(), answer.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_api_screens_as_the_exchange_did_and_refuses_what_is_not_an_address() {
    for db in common::databases().await {
        let server = common::server(&db, 1_500).await;
        let rows: Vec<String> =
            sqlx::query_scalar("SELECT data FROM activity_events").fetch_all(&server.db().pool).await.unwrap();
        let screened: Vec<(String, String, Screening)> = rows
            .iter()
            .filter_map(|row| match serde_json::from_str::<ActivityEvent>(row).unwrap().detail {
                ActivityDetail::Withdrawal { address, network, screening: Some(s), .. } => Some((address, network, s)),
                _ => None,
            })
            .collect();
        let risky: Vec<_> = screened.iter().filter(|(_, _, s)| s.rating >= ScreeningRating::High).collect();
        assert!(!risky.is_empty(), "the generator plants withdrawals to risky addresses");
        assert!(screened.iter().any(|(_, _, s)| s.exposures.iter().any(|e| e.category == ExposureCategory::Exchange)));
        // The ones that were flagged, and a sample of the clean ones.
        for (address, network, recorded) in risky.iter().copied().chain(screened.iter().step_by(97)) {
            let (status, body) = screen(&server, Some(HARUTO), network, address).await;
            assert_eq!(status, 200, "{body}");
            let answer: AddressScreening = serde_json::from_value(body).unwrap();
            assert_eq!(&answer.address, address);
            assert_eq!(answer.screening.rating, recorded.rating, "{address}");
            assert_eq!(answer.screening.exposures, recorded.exposures, "{address}");
            assert_eq!(answer.screening.source, REFERENCE_KYT);
        }

        // A sanctioned cluster's address is severe with a direct sanctions exposure.
        let sanctioned: String = sqlx::query_scalar(
            "SELECT address FROM screened_addresses WHERE network = 'ERC20' AND data LIKE '%\"severe\"%' \
             AND data LIKE '%\"direct\":true%' ORDER BY address LIMIT 1",
        )
        .fetch_one(&server.db().pool)
        .await
        .unwrap();
        let (_, body) = screen(&server, Some(HARUTO), "ERC20", &sanctioned).await;
        let answer: AddressScreening = serde_json::from_value(body).unwrap();
        assert_eq!(answer.screening.rating, ScreeningRating::Severe);
        assert!(answer.screening.exposures.iter().any(|e| e.category == ExposureCategory::Sanctions && e.direct));
        // The same address in checksum case is the same address.
        let checksummed = format!("0x{}", sanctioned[2..].to_uppercase());
        let (_, body) = screen(&server, Some(HARUTO), "ERC20", &checksummed).await;
        assert_eq!(body["screening"]["rating"], "severe", "{body}");

        // An address nobody flagged screens clean.
        let (status, body) = screen(&server, Some(HARUTO), "ERC20", "0x00000000000000000000000000000000000c1ea0").await;
        assert_eq!(status, 200);
        assert_eq!(body["screening"]["rating"], "low");
        assert_eq!(body["screening"]["exposures"], serde_json::json!([]));

        // Not an address: 422, said plainly; no token: 401.
        for (network, address) in [("ERC20", "0x123"), ("Bitcoin", "bc1q <script>"), ("TRC20", ""), ("ERC20", "０x12")]
        {
            let (status, body) = screen(&server, Some(HARUTO), network, address).await;
            assert_eq!(status, 422, "{network} {address}: {body}");
            assert!(body["message"].as_str().unwrap().contains("is not an address on"), "{body}");
        }
        let (status, _) = screen(&server, None, "ERC20", &sanctioned).await;
        assert_eq!(status, 401);
    }
}
