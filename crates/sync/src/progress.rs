//! Progress of a sync run for a progress bar: how far, how fast, how long still.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use specta::Type;

/// The rate is measured over this much recent time, so it follows changes in speed.
const WINDOW: Duration = Duration::from_secs(5);

/// Feed positions are the unit: `done` of `total` positions between where the run started and
/// the server's head. (Positions the agent cannot see are skipped by the server, so they pass
/// quickly; the rate accounts for that.)
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Type)]
pub struct SyncProgress {
    pub done: i64,
    pub total: i64,
    /// Changes stored so far in this run.
    pub changes: i64,
    /// Feed positions per second, recently.
    pub per_second: f64,
    /// Seconds left at the recent rate; absent until there is a rate.
    pub eta_seconds: Option<f64>,
}

impl SyncProgress {
    pub fn fraction(&self) -> f64 {
        if self.total <= 0 {
            1.0
        } else {
            (self.done as f64 / self.total as f64).clamp(0.0, 1.0)
        }
    }
}

pub struct ProgressMeter {
    from: i64,
    samples: VecDeque<(Instant, i64)>,
    changes: i64,
}

impl ProgressMeter {
    pub fn new(from: i64, now: Instant) -> Self {
        Self { from, samples: VecDeque::from([(now, from)]), changes: 0 }
    }

    /// Records that the cache now stands at `cursor` of `head`, after `changes` more changes.
    pub fn record(&mut self, now: Instant, cursor: i64, head: i64, changes: usize) -> SyncProgress {
        self.changes += changes as i64;
        self.samples.push_back((now, cursor));
        while self.samples.len() > 2 && now.duration_since(self.samples[1].0) >= WINDOW {
            self.samples.pop_front();
        }
        let (first_at, first_cursor) = self.samples[0];
        let seconds = now.duration_since(first_at).as_secs_f64();
        let per_second = if seconds > 0.0 { (cursor - first_cursor).max(0) as f64 / seconds } else { 0.0 };
        let total = (head - self.from).max(0);
        let done = (cursor - self.from).clamp(0, total);
        let eta_seconds = (per_second > 0.0).then(|| (total - done) as f64 / per_second);
        SyncProgress { done, total, changes: self.changes, per_second, eta_seconds }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_and_time_left_follow_recent_progress() {
        let start = Instant::now();
        let mut meter = ProgressMeter::new(1_000, start);
        let p = meter.record(start + Duration::from_secs(1), 2_000, 11_000, 900);
        assert_eq!((p.done, p.total, p.changes), (1_000, 10_000, 900));
        assert!((p.per_second - 1_000.0).abs() < 1e-6);
        assert!((p.eta_seconds.unwrap() - 9.0).abs() < 1e-6);
        assert!((p.fraction() - 0.1).abs() < 1e-9);
        // Faster later: after the window has moved on, the rate is the recent one.
        for second in 2..=10 {
            meter.record(start + Duration::from_secs(second), 2_000 + (second as i64 - 1) * 100, 11_000, 100);
        }
        let p = meter.record(start + Duration::from_secs(11), 3_000, 11_000, 100);
        assert!(p.per_second < 200.0, "recent rate, not the average: {}", p.per_second);
    }

    #[test]
    fn nothing_to_do_is_complete() {
        let start = Instant::now();
        let mut meter = ProgressMeter::new(50, start);
        let p = meter.record(start, 50, 50, 0);
        assert_eq!((p.done, p.total), (0, 0));
        assert_eq!(p.fraction(), 1.0);
        assert_eq!(p.eta_seconds, None);
    }
}
