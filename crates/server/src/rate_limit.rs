//! Per-token rate limiting: a token bucket for each bearer token (requests without one share
//! a bucket). Over the limit: 429 with `Retry-After`.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiFailure;
use crate::AppState;

#[derive(Debug, Clone, Copy)]
pub struct RateLimit {
    /// Sustained requests per second.
    pub per_second: f64,
    /// Requests allowed in a burst.
    pub burst: f64,
}

impl Default for RateLimit {
    fn default() -> Self {
        Self { per_second: 50.0, burst: 200.0 }
    }
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

pub struct RateLimiter {
    limit: RateLimit,
    buckets: Mutex<HashMap<u64, Bucket>>,
}

impl RateLimiter {
    pub fn new(limit: RateLimit) -> Self {
        Self { limit, buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes one request from `key`'s bucket; `Err(seconds)` says when to retry.
    pub fn check(&self, key: u64) -> Result<(), u64> {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().expect("rate limiter lock");
        if buckets.len() > 100_000 {
            // Forget idle buckets (full ones) so random tokens cannot grow the map forever.
            buckets.retain(|_, b| b.tokens < self.limit.burst - 1.0);
        }
        let bucket = buckets.entry(key).or_insert(Bucket { tokens: self.limit.burst, at: now });
        let refill = now.duration_since(bucket.at).as_secs_f64() * self.limit.per_second;
        bucket.tokens = (bucket.tokens + refill).min(self.limit.burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - bucket.tokens) / self.limit.per_second;
            Err(wait.ceil().max(1.0) as u64)
        }
    }
}

/// Hashes the Authorization header, so tokens are never kept as map keys.
fn key_of(request: &Request) -> u64 {
    let mut hasher = DefaultHasher::new();
    request.headers().get(AUTHORIZATION).map(|v| v.as_bytes()).unwrap_or(b"anonymous").hash(&mut hasher);
    hasher.finish()
}

pub async fn limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match state.limiter.check(key_of(&request)) {
        Ok(()) => next.run(request).await,
        Err(retry_after) => ApiFailure::rate_limited(retry_after).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_allow_a_burst_then_refill() {
        let limiter = RateLimiter::new(RateLimit { per_second: 10.0, burst: 3.0 });
        assert!(limiter.check(1).is_ok());
        assert!(limiter.check(1).is_ok());
        assert!(limiter.check(1).is_ok());
        assert_eq!(limiter.check(1), Err(1));
        assert!(limiter.check(2).is_ok(), "other tokens have their own bucket");
        std::thread::sleep(std::time::Duration::from_millis(120));
        assert!(limiter.check(1).is_ok(), "refilled");
    }
}
