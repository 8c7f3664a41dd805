//! Runs the router's rounds (`domain::routing::round`): at once when something that
//! changes the placement happened (a chat started, an offer was answered), and every second
//! for offers that run out, agents who came online and chats that waited too long.

use std::time::Duration;

use tokio::task::JoinHandle;

use crate::AppState;

/// How often a round runs when nothing wakes it.
pub const TICK: Duration = Duration::from_secs(1);

pub fn spawn(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = state.router.notified() => {}
                _ = tokio::time::sleep(TICK) => {}
            }
            match crate::domain::routing::round(&state, chrono::Utc::now()).await {
                Ok(round) if round != Default::default() => tracing::debug!(?round, "routing round"),
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "a routing round failed"),
            }
        }
    })
}
