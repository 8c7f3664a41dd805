//! The cache file is encrypted at rest: unreadable without its key, as a copy or with the
//! wrong key, and readable again with the right one.

use arbiter_cache::{Action, Cache, CacheError, CacheKey};

#[tokio::test]
async fn a_copied_cache_file_is_unreadable_without_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite");
    let key = CacheKey::random();
    let cache = Cache::open_encrypted(&path, &key).await.unwrap();
    let secret = "Customer Zyxwvut says the password is hunter2";
    cache.enqueue("k1", &Action::Note { ticket_id: 1, body: secret.into(), files: vec![] }).await.unwrap();
    cache.close().await;

    // The bytes on disk hold none of it.
    let mut bytes = std::fs::read(&path).unwrap();
    if let Ok(wal) = std::fs::read(path.with_extension("sqlite-wal")) {
        bytes.extend(wal);
    }
    assert!(!bytes.windows(7).any(|w| w == b"Zyxwvut"), "plaintext found on disk");
    assert!(!bytes.starts_with(b"SQLite format 3"), "not a plain SQLite file");

    // A copy opened without the key, or with another key, cannot be read.
    let copy = dir.path().join("copy.sqlite");
    std::fs::copy(&path, &copy).unwrap();
    let plain = sqlx::SqlitePool::connect(&format!("sqlite://{}", copy.display())).await.unwrap();
    assert!(sqlx::query("SELECT * FROM outbox").fetch_all(&plain).await.is_err());
    plain.close().await;
    let wrong = Cache::open_encrypted(&copy, &CacheKey::random()).await;
    assert!(matches!(wrong, Err(CacheError::Unreadable(_))), "{:?}", wrong.err());

    // The right key reads it, and reports its size.
    let again = Cache::open_encrypted(&path, &key).await.unwrap();
    let report = again.storage_report(90).await.unwrap();
    assert!(report.database_bytes > 0);
    assert_eq!(again.outbox_item("k1").await.unwrap().unwrap().id, "k1");
    assert_eq!(CacheKey::from_hex(&key.to_hex()), Some(key.clone()));
    assert_eq!(format!("{key:?}"), "CacheKey(***)");
}
