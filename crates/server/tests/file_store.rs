//! The document store in chunks (store/files.rs), on SQLite and PostgreSQL: files of every
//! size around the chunk boundary read back whole and by their head, and files stored before
//! chunking (the 0005 schema's one blob each) are carried over by the migration.

mod common;

use std::borrow::Cow;

use arbiter_server::db::Db;
use arbiter_server::store::files::{self, StoredFile, CHUNK_BYTES};
use common::databases;
use sqlx::any::{install_default_drivers, AnyPoolOptions};

#[tokio::test]
async fn files_of_every_size_read_back_whole() {
    for database in databases().await {
        let db = Db::connect(&database).await.unwrap();
        let sizes = [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 17];
        let mut tx = db.begin_write().await.unwrap();
        for (i, size) in sizes.into_iter().enumerate() {
            let bytes: Vec<u8> = (0..size).map(|b| (b * 31 + i) as u8).collect();
            let sha = format!("{i:064}");
            files::put_file(&mut tx, &sha, &bytes).await.unwrap();
            // Stored once: a second put of the same file changes nothing.
            files::put_file(&mut tx, &sha, &bytes).await.unwrap();
            let chunks = size.div_ceil(CHUNK_BYTES) as i64;
            assert_eq!(files::stored(&mut tx, &sha).await.unwrap(), Some(StoredFile { size: size as i64, chunks }));
            assert!(files::file(&mut tx, &sha).await.unwrap().unwrap() == bytes, "{size} bytes on {database}");
            let head = files::file_head(&mut tx, &sha, CHUNK_BYTES as i64 + 5).await.unwrap().unwrap();
            assert!(head == bytes[..bytes.len().min(CHUNK_BYTES + 5)], "the head of {size} bytes");
        }
        assert_eq!(files::file(&mut tx, &"f".repeat(64)).await.unwrap(), None);
        tx.commit().await.unwrap();
    }
}

#[tokio::test]
async fn files_stored_before_chunking_are_carried_over() {
    install_default_drivers();
    let dir = tempfile::tempdir().unwrap();
    let sqlite = format!("sqlite://{}?mode=rwc", dir.path().join("old.db").display());
    for database in databases().await {
        let (url, before) = if database == "memory" {
            (sqlite.clone(), sqlx::migrate!("./migrations/sqlite"))
        } else {
            (database.clone(), sqlx::migrate!("./migrations/postgres"))
        };
        // The schema as it was before 0008, with a file in it.
        let mut old = before;
        old.migrations = Cow::Owned(old.migrations.iter().filter(|m| m.version < 8).cloned().collect());
        let pool = AnyPoolOptions::new().max_connections(1).connect(&url).await.unwrap();
        old.run(&pool).await.unwrap();
        let blob: Vec<u8> = (0..(2 * CHUNK_BYTES + 3)).map(|b| (b % 251) as u8).collect();
        let sha = "a".repeat(64);
        sqlx::query("INSERT INTO file_contents (sha256, content) VALUES ($1, $2)")
            .bind(&sha)
            .bind(blob.clone())
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;

        let db = Db::connect(&url).await.unwrap();
        let mut conn = db.pool.acquire().await.unwrap();
        assert_eq!(
            files::stored(&mut conn, &sha).await.unwrap(),
            Some(StoredFile { size: blob.len() as i64, chunks: 1 })
        );
        assert!(files::file(&mut conn, &sha).await.unwrap().unwrap() == blob);
        assert_eq!(files::file_head(&mut conn, &sha, 10).await.unwrap().unwrap(), blob[..10]);
    }
}
