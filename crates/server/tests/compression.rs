//! Answers are compressed for clients that ask (zstd or gzip), the same JSON once decoded;
//! the live stream is never compressed (each event must go out as it happens).

mod common;

use std::time::Duration;

use common::AVA;
use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING};

/// A client that sends only what it is told and decodes nothing.
fn raw() -> reqwest::Client {
    reqwest::Client::builder().no_gzip().no_zstd().build().unwrap()
}

#[tokio::test]
async fn feed_pages_are_compressed_for_clients_that_accept_it() {
    let server = common::server("memory", 300).await;
    let url = format!("{}/v1/changes?after=0&limit=1000", server.base_url());
    let plain = raw().get(&url).bearer_auth(AVA).send().await.unwrap();
    assert!(plain.headers().get(CONTENT_ENCODING).is_none());
    let plain = plain.bytes().await.unwrap();
    let page: serde_json::Value = serde_json::from_slice(&plain).unwrap();
    assert!(page["changes"].as_array().unwrap().len() > 100);

    for encoding in ["zstd", "gzip"] {
        let answer = raw().get(&url).bearer_auth(AVA).header(ACCEPT_ENCODING, encoding).send().await.unwrap();
        assert_eq!(answer.headers().get(CONTENT_ENCODING).unwrap(), encoding);
        let wire = answer.bytes().await.unwrap().len();
        assert!(wire * 3 < plain.len(), "{encoding}: {wire} bytes on the wire for {} of JSON", plain.len());
        eprintln!("{encoding}: {} → {wire} bytes", plain.len());
    }
    // A client that decodes (the desk's) reads the same page.
    let decoded: serde_json::Value =
        reqwest::Client::new().get(&url).bearer_auth(AVA).send().await.unwrap().json().await.unwrap();
    assert_eq!(decoded, page);
}

#[tokio::test]
async fn the_stream_and_small_answers_are_sent_as_they_are() {
    let server = common::server("memory", 50).await;
    let stream = raw()
        .get(format!("{}/v1/stream", server.base_url()))
        .bearer_auth(AVA)
        .header(ACCEPT_ENCODING, "gzip, zstd")
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    assert!(stream.headers().get(CONTENT_ENCODING).is_none(), "events go out one by one");
    let me = raw()
        .get(format!("{}/v1/me", server.base_url()))
        .bearer_auth(AVA)
        .header(ACCEPT_ENCODING, "gzip, zstd")
        .send()
        .await
        .unwrap();
    assert!(me.headers().get(CONTENT_ENCODING).is_none(), "under 1 KiB: not worth a frame");
}
