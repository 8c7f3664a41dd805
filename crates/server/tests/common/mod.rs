//! Test databases: every server test runs on SQLite (in memory) and, when
//! `ARBITER_TEST_POSTGRES` names a server, on a fresh PostgreSQL database too.
//! `scripts/test.sh` starts one and sets `ARBITER_REQUIRE_POSTGRES=1`, so CI cannot skip it.

#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};

use arbiter_server::generator::GeneratorOptions;
use arbiter_server::{demo_database, Config, RunningServer};
use sqlx::Connection;

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The databases to run on: `memory`, and a new PostgreSQL database when configured.
pub async fn databases() -> Vec<String> {
    let mut out = vec!["memory".to_owned()];
    match std::env::var("ARBITER_TEST_POSTGRES") {
        Ok(admin) => {
            let name = format!("arbiter_test_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst));
            let mut conn = sqlx::PgConnection::connect(&admin).await.expect("connect to the test PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.expect("create a test database");
            let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
            out.push(format!("{base}/{name}"));
        }
        Err(_) if std::env::var_os("ARBITER_REQUIRE_POSTGRES").is_some() => {
            panic!("ARBITER_REQUIRE_POSTGRES is set but ARBITER_TEST_POSTGRES is not")
        }
        Err(_) => eprintln!("PostgreSQL tests skipped: ARBITER_TEST_POSTGRES is not set"),
    }
    out
}

pub fn options(tickets: u32) -> GeneratorOptions {
    GeneratorOptions { seed: 11, tickets, now: chrono::Utc::now() - chrono::Duration::minutes(5) }
}

/// A server with demo data on `url`.
pub async fn server(url: &str, tickets: u32) -> RunningServer {
    server_with(url, tickets, &Config::default()).await
}

pub async fn server_with(url: &str, tickets: u32, config: &Config) -> RunningServer {
    let db = demo_database(url, &options(tickets)).await.expect("demo database");
    RunningServer::start_with(db, "127.0.0.1:0".parse().unwrap(), config).await.expect("server starts")
}

/// Demo tokens of the roster (see generator/roster.rs).
pub const AVA: &str = "demo-ava"; // disputes agent, id 1
pub const MARCUS: &str = "demo-marcus"; // disputes supervisor, id 2
pub const HARUTO: &str = "demo-haruto"; // fraud agent, id 9
pub const OLGA: &str = "demo-olga"; // fraud supervisor, id 10
pub const FATIMA: &str = "demo-fatima"; // compliance supervisor

pub fn http() -> reqwest::Client {
    reqwest::Client::new()
}

/// A fresh idempotency key.
pub fn key() -> String {
    format!("test-{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst))
}
