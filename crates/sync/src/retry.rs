//! When to try again: exponential backoff with full jitter, capped, and never sooner than
//! the server's `Retry-After`.

use std::time::Duration;

use arbiter_client::ClientError;
use rand::Rng;

use crate::SyncError;

pub const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// Delay before retry number `failures` (1-based): 0.5 s doubling to 60 s, with full jitter
/// so a desk full of agents does not hammer a recovering server in lockstep.
pub fn backoff(failures: u32) -> Duration {
    let ceiling = Duration::from_millis(500).saturating_mul(1u32 << failures.min(8)).min(MAX_BACKOFF);
    let ms = rand::rng().random_range(ceiling.as_millis() as u64 / 2..=ceiling.as_millis() as u64);
    Duration::from_millis(ms)
}

/// The delay after `error`, the `failures`-th in a row.
pub fn delay_after(error: &SyncError, failures: u32) -> Duration {
    match error {
        SyncError::Client(ClientError::RateLimited { retry_after_secs: Some(secs) }) => {
            Duration::from_secs(*secs).max(backoff(failures).min(Duration::from_secs(*secs + 1)))
        }
        _ => backoff(failures),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_with_jitter_and_is_capped() {
        for failures in 1..20 {
            let d = backoff(failures);
            assert!(d <= MAX_BACKOFF, "{failures}: {d:?}");
            assert!(d >= Duration::from_millis(500), "{failures}: {d:?}");
        }
        assert!(backoff(1) <= Duration::from_secs(1));
        assert!(backoff(12) >= MAX_BACKOFF / 2);
    }

    #[test]
    fn retry_after_is_honoured() {
        let limited = SyncError::Client(ClientError::RateLimited { retry_after_secs: Some(3) });
        for failures in 1..10 {
            let d = delay_after(&limited, failures);
            assert!(d >= Duration::from_secs(3) && d <= Duration::from_secs(4), "{d:?}");
        }
    }
}
