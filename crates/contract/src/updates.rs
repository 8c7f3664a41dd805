//! The desk's update manifest (`GET /v1/updates/{channel}/latest.json`): the shape the
//! Tauri updater reads (its "static JSON" format, as the Tauri build action writes it), so a
//! company can host the same file anywhere else instead.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Path prefix of the updates a server hosts.
pub const UPDATES_V1: &str = "/v1/updates";

/// The newest release on a channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateManifest {
    /// SemVer, without a leading `v`.
    pub version: String,
    /// What is new, as plain text (the desk never renders it as HTML).
    pub notes: String,
    pub pub_date: Option<DateTime<Utc>>,
    /// By updater target: `{os}-{arch}-{installer}` (`linux-x86_64-deb`,
    /// `windows-x86_64-nsis`, `darwin-aarch64-app`) or `{os}-{arch}`.
    pub platforms: BTreeMap<String, UpdatePlatform>,
}

/// One installer of a release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdatePlatform {
    /// Absolute address of the installer.
    pub url: String,
    /// The installer's minisign signature, as `tauri signer sign` writes it (`.sig`).
    pub signature: String,
}
