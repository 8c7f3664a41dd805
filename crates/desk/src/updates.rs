//! Signed updates: what the agent is told at each step, and when the desk may restart into
//! a new version (where it looks is the managed file's: `managed::Updates::manifest_url`). The Tauri
//! updater (src-tauri/updates.rs) fetches, checks the signature and installs; the rules are
//! here.

use arbiter_text::Msg;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::messages::updates as say;

/// How often a running desk looks for a new release.
pub const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(4 * 60 * 60);

/// A release the manifest announced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ReleaseInfo {
    pub version: String,
    /// What is new: plain text from the manifest, shown as text, never as HTML.
    pub notes: String,
    pub date: Option<DateTime<Utc>>,
}

/// Where the updater is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum UpdateState {
    /// No updates for this install, and why (no signing key in the build, no address set).
    Off {
        reason: Msg,
    },
    /// Not looked yet.
    Idle,
    Checking,
    /// The newest release is this one.
    UpToDate {
        checked_at: DateTime<Utc>,
    },
    /// Fetching a newer release in the background.
    Downloading {
        release: ReleaseInfo,
        received: u64,
        total: Option<u64>,
    },
    /// Downloaded and its signature checked: installed when the agent restarts.
    Ready {
        release: ReleaseInfo,
    },
    /// What went wrong; the running version carries on.
    Failed {
        message: Msg,
    },
}

impl UpdateState {
    /// In a line of English, for the diagnostics text.
    pub fn describe(&self) -> String {
        match self {
            Self::Off { reason } => format!("off: {}", reason.english()),
            Self::Idle => "not checked yet".into(),
            Self::Checking => "checking".into(),
            Self::UpToDate { checked_at } => format!("up to date (checked {})", checked_at.to_rfc3339()),
            Self::Downloading { release, received, total } => {
                format!("downloading {} ({received} of {} bytes)", release.version, total.unwrap_or(0))
            }
            Self::Ready { release } => format!("{} downloaded, installs on restart", release.version),
            Self::Failed { message } => format!("failed: {}", message.english()),
        }
    }
}

/// What the window shows of updates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct UpdateStatus {
    pub current_version: String,
    pub channel: Option<String>,
    pub state: UpdateState,
}

/// Whether the desk can restart into the downloaded version now, and if not, why: never
/// while the agent is writing a reply, or while actions wait in the outbox to reach the
/// server (a restart would not lose them, but would interrupt a send under way).
pub fn restart_refusal(composing: bool, outbox_pending: i64) -> Option<Msg> {
    if composing {
        Some(Msg::new(&say::REPLY_OPEN))
    } else if outbox_pending > 0 {
        Some(Msg::new(&say::OUTBOX_PENDING).int("count", outbox_pending))
    } else {
        None
    }
}

/// The step an update failed at, and what the updater said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpdateFailure {
    /// The manifest could not be fetched or read.
    Manifest { detail: String },
    /// The installer does not carry a valid signature by this app's key, or was signed for
    /// another version than the manifest announced.
    Signature { version: String },
    /// The installer did not arrive whole.
    Download { version: String, detail: String },
    /// The system did not install it (a package manager's refusal, no permission).
    Install { version: String, detail: String },
}

impl UpdateFailure {
    pub fn message(&self, current_version: &str) -> Msg {
        let (def, version, detail) = match self {
            Self::Manifest { detail } => (&say::MANIFEST_FAILED, None, Some(detail)),
            Self::Signature { version } => (&say::SIGNATURE_REFUSED, Some(version), None),
            Self::Download { version, detail } => (&say::DOWNLOAD_FAILED, Some(version), Some(detail)),
            Self::Install { version, detail } => (&say::INSTALL_FAILED, Some(version), Some(detail)),
        };
        let mut msg = Msg::new(def).text("current", current_version);
        if let Some(version) = version {
            msg = msg.text("version", version.clone());
        }
        if let Some(detail) = detail {
            msg = msg.text("detail", detail.clone());
        }
        msg
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arbiter_text::Arg;

    #[test]
    fn a_restart_waits_for_the_reply_and_the_outbox() {
        assert_eq!(restart_refusal(false, 0), None);
        assert_eq!(restart_refusal(true, 0).unwrap().key, say::REPLY_OPEN.key);
        let waiting = restart_refusal(false, 2).unwrap();
        assert_eq!(waiting.key, say::OUTBOX_PENDING.key);
        assert_eq!(waiting.args.get("count"), Some(&Arg::Int(2)));
    }

    #[test]
    fn failures_name_the_versions() {
        let msg = UpdateFailure::Signature { version: "0.2.0".into() }.message("0.1.0");
        assert_eq!(msg.key, say::SIGNATURE_REFUSED.key);
        assert_eq!(msg.args.get("version"), Some(&Arg::Text("0.2.0".into())));
        assert_eq!(msg.args.get("current"), Some(&Arg::Text("0.1.0".into())));
    }
}
