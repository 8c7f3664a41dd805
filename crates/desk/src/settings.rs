//! The few settings that survive a restart. The token is never among them: it lives in the
//! OS keyring.

use std::path::Path;

use arbiter_contract::Agent;
use serde::{Deserialize, Serialize};

use crate::error::{DeskError, ErrorCode};

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
}

impl Settings {
    pub fn retention_days(&self) -> u32 {
        self.retention_days.unwrap_or(arbiter_cache::DEFAULT_RETENTION_DAYS).clamp(1, 3650)
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
    pub fn save(&self, path: &Path) -> Result<(), DeskError> {
        let io = |e: std::io::Error| DeskError::new(ErrorCode::Internal, format!("cannot save settings: {e}"));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let tmp = path.with_extension("json.tmp");
        let json = serde_json::to_vec_pretty(self).map_err(|e| DeskError::new(ErrorCode::Internal, e.to_string()))?;
        std::fs::write(&tmp, json).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }
}
