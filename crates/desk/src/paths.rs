use std::path::PathBuf;

use sha2::{Digest, Sha256};

/// Where the desk keeps its files. The shell passes the OS's per-user folders.
#[derive(Debug, Clone)]
pub struct DeskPaths {
    /// Small settings (server address, who is signed in). Never the token.
    pub config_dir: PathBuf,
    /// The caches, one per server and agent.
    pub data_dir: PathBuf,
}

impl DeskPaths {
    pub fn settings_file(&self) -> PathBuf {
        self.config_dir.join("settings.json")
    }

    /// One cache per (server, agent), so signing in elsewhere never mixes data.
    pub fn cache_file(&self, server_url: &str, agent_id: i64) -> PathBuf {
        let digest = Sha256::digest(format!("{server_url}\n{agent_id}").as_bytes());
        self.data_dir.join("caches").join(format!("{}.sqlite", &hex::encode(digest)[..20]))
    }
}
