//! The few settings that survive a restart. The token is never among them: it lives in the
//! OS keyring.
//!
//! They are held in memory by one `SettingsStore` per desk: reads never touch the disk, and
//! changes go through one writer that changes the value in memory and saves it before the
//! next change starts, so two quick changes (do-not-disturb, then retention) cannot lose one.

use std::path::{Path, PathBuf};

use arbiter_contract::Agent;
use serde::{Deserialize, Serialize};
use tokio::sync::{watch, Mutex};

use crate::error::with_detail;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The signed-in session, if any.
    pub session: Option<SavedSession>,
    /// Closed tickets older than this many days leave the cache (default 90).
    #[serde(default)]
    pub retention_days: Option<u32>,
    /// Desktop alerts below L2 are held (L2 and above still come through).
    #[serde(default)]
    pub do_not_disturb: bool,
    /// Megabytes of attachments kept in the cache (default 1024); files waiting in the
    /// outbox are kept whatever this says.
    #[serde(default)]
    pub file_budget_mb: Option<u32>,
}

/// Attachments kept in the cache unless the agent chose otherwise.
pub const DEFAULT_FILE_BUDGET_MB: u32 = 1024;

impl Settings {
    pub fn retention_days(&self) -> u32 {
        self.retention_days.unwrap_or(arbiter_cache::DEFAULT_RETENTION_DAYS).clamp(1, 3650)
    }

    pub fn file_budget_bytes(&self) -> i64 {
        i64::from(self.file_budget_mb.unwrap_or(DEFAULT_FILE_BUDGET_MB).clamp(64, 65_536)) * 1024 * 1024
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedSession {
    pub server_url: String,
    pub agent: Agent,
}

impl Settings {
    /// Reads the settings; a missing or unreadable file means "no settings" (and is logged),
    /// never a desk that cannot start.
    pub fn load(path: &Path) -> Settings {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|error| {
                tracing::warn!(%error, path = %path.display(), "ignoring unreadable settings");
                Settings::default()
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Settings::default(),
            Err(error) => {
                tracing::warn!(%error, path = %path.display(), "cannot read settings");
                Settings::default()
            }
        }
    }

    /// Writes atomically: a crash leaves the old file or the new one, never half of one.
    async fn save(&self, path: &Path) -> Result<(), DeskError> {
        let io = |e: std::io::Error| DeskError::say(ErrorCode::Internal, with_detail(&errors::SETTINGS_NOT_SAVED, e));
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await.map_err(io)?;
        }
        let tmp = path.with_extension("json.tmp");
        let json = serde_json::to_vec_pretty(self)
            .map_err(|e| DeskError::say(ErrorCode::Internal, with_detail(&errors::SETTINGS_NOT_SAVED, e)))?;
        tokio::fs::write(&tmp, json).await.map_err(io)?;
        tokio::fs::rename(&tmp, path).await.map_err(io)
    }
}

/// The settings of one desk, in memory, with one writer.
pub struct SettingsStore {
    path: PathBuf,
    /// Held while a change is made and saved: changes happen one after the other.
    writer: Mutex<()>,
    current: watch::Sender<Settings>,
}

impl SettingsStore {
    /// Reads the file once; from here on the store is the truth and the file its copy.
    pub fn open(path: PathBuf) -> Self {
        let settings = Settings::load(&path);
        Self { path, writer: Mutex::new(()), current: watch::Sender::new(settings) }
    }

    /// The settings now (no disk read).
    pub fn get(&self) -> Settings {
        self.current.borrow().clone()
    }

    /// Changes the settings and saves them; a change that cannot be saved is not made.
    pub async fn update<R>(&self, change: impl FnOnce(&mut Settings) -> R) -> Result<R, DeskError> {
        let _one_at_a_time = self.writer.lock().await;
        let mut next = self.get();
        let out = change(&mut next);
        next.save(&self.path).await?;
        self.current.send_replace(next);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn two_changes_at_once_both_land_in_memory_and_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        let store = std::sync::Arc::new(SettingsStore::open(path.clone()));
        for round in 0..50u32 {
            let (a, b) = (store.clone(), store.clone());
            let (x, y) = tokio::join!(
                tokio::spawn(async move { a.update(|s| s.do_not_disturb = round % 2 == 0).await }),
                tokio::spawn(async move { b.update(|s| s.retention_days = Some(round + 1)).await }),
            );
            x.unwrap().unwrap();
            y.unwrap().unwrap();
            let expected = (round % 2 == 0, Some(round + 1));
            let now = store.get();
            assert_eq!((now.do_not_disturb, now.retention_days), expected, "in memory, round {round}");
            let saved = Settings::load(&path);
            assert_eq!((saved.do_not_disturb, saved.retention_days), expected, "on disk, round {round}");
        }
    }

    #[tokio::test]
    async fn a_change_that_cannot_be_saved_is_not_made() {
        let dir = tempfile::tempdir().unwrap();
        // The settings file's folder is a file: nothing can be saved there.
        let blocker = dir.path().join("config");
        std::fs::write(&blocker, b"not a folder").unwrap();
        let store = SettingsStore::open(blocker.join("settings.json"));
        assert!(store.update(|s| s.do_not_disturb = true).await.is_err());
        assert!(!store.get().do_not_disturb);
    }
}
