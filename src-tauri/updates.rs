//! The desk's updater: looks for a signed release at the address the managed file sets,
//! downloads it in the background, and installs it when the agent restarts (never while a
//! reply is being written or actions wait in the outbox). The rules and every message are
//! the desk's (`arbiter_desk::updates`); this module drives the Tauri updater.
//!
//! The public key is built in (`ARBITER_UPDATER_PUBKEY` when the release is built; the
//! private half signs installers and never enters the repository). The plugin checks each
//! installer's signature, and `requireSignedVersion` in tauri.conf.json makes it refuse a
//! genuine older installer announced as a newer version (a downgrade). The plugin's own
//! https rule is off there because the desk applies its own (https, or http to this machine
//! only, for a local mirror and the tests): `arbiter_desk::updates::manifest_url`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arbiter_desk::managed::ManagedSettings;
use arbiter_desk::messages::updates as say;
use arbiter_desk::updates::{ReleaseInfo, UpdateFailure, UpdateState, UpdateStatus, CHECK_EVERY};
use arbiter_desk::{DeskError, ErrorCode};
use arbiter_text::Msg;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_updater::{Error as PluginError, Update, UpdaterExt};
use tauri_specta::Event;
use url::Url;

/// The updater's public key (minisign, base64), given when the release is built.
const PUBKEY: Option<&str> = option_env!("ARBITER_UPDATER_PUBKEY");
/// The first check waits until the window and the sync have started.
const FIRST_CHECK_AFTER: Duration = Duration::from_secs(5);
/// Progress reaches the window at most this often.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);

pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R, tauri_plugin_updater::Config> {
    tauri_plugin_updater::Builder::new().pubkey(PUBKEY.unwrap_or_default()).build()
}

/// The updater changed state: the window shows the new status.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct UpdateChanged(pub UpdateStatus);

/// What the updater knows, shared by the background checks and the commands.
pub struct Updater {
    current_version: String,
    channel: Option<String>,
    manifest: Option<Url>,
    shared: Mutex<Shared>,
}

struct Shared {
    state: UpdateState,
    /// Downloaded and verified, waiting for a restart.
    ready: Option<Arc<(Update, Vec<u8>)>>,
    /// A check or download is under way.
    busy: bool,
}

impl Updater {
    fn new(current_version: String, managed: &ManagedSettings) -> Self {
        let channel = managed
            .updates
            .as_ref()
            .map(|u| u.channel.clone().unwrap_or_else(|| arbiter_desk::managed::DEFAULT_CHANNEL.to_owned()));
        let (manifest, state) = match (PUBKEY.filter(|k| !k.is_empty()), &managed.updates) {
            (None, _) => (None, UpdateState::Off { reason: Msg::new(&say::NO_SIGNING_KEY) }),
            (Some(_), None) => (None, UpdateState::Off { reason: Msg::new(&say::NOT_CONFIGURED) }),
            (Some(_), Some(updates)) => match updates.manifest_url() {
                Ok(url) => (Some(url), UpdateState::Idle),
                Err(reason) => (None, UpdateState::Off { reason }),
            },
        };
        Self { current_version, channel, manifest, shared: Mutex::new(Shared { state, ready: None, busy: false }) }
    }

    pub fn status(&self) -> UpdateStatus {
        UpdateStatus {
            current_version: self.current_version.clone(),
            channel: self.channel.clone(),
            state: self.lock().state.clone(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn set<R: Runtime>(&self, app: &AppHandle<R>, state: UpdateState) {
        self.lock().state = state;
        if let Err(error) = UpdateChanged(self.status()).emit(app) {
            tracing::warn!(%error, "could not tell the window about the update");
        }
    }

    fn failed<R: Runtime>(&self, app: &AppHandle<R>, failure: UpdateFailure) {
        tracing::warn!(?failure, "update failed");
        self.set(app, UpdateState::Failed { message: failure.message(&self.current_version) });
    }
}

/// Sets the updater up from the managed settings and starts its background checks.
pub fn start(app: &tauri::App, managed: &ManagedSettings) {
    let updater = Updater::new(app.package_info().version.to_string(), managed);
    let enabled = updater.manifest.is_some();
    app.manage(updater);
    if !enabled {
        return;
    }
    let handle = app.handle().clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(FIRST_CHECK_AFTER).await;
        loop {
            check(&handle).await;
            tokio::time::sleep(CHECK_EVERY).await;
        }
    });
}

/// Looks for a newer release and, when there is one, downloads and verifies it. Does nothing
/// while another check runs or an update already waits for a restart.
pub async fn check<R: Runtime>(app: &AppHandle<R>) {
    let updater = app.state::<Updater>();
    let Some(manifest) = updater.manifest.clone() else { return };
    {
        let mut shared = updater.lock();
        if shared.busy || shared.ready.is_some() {
            return;
        }
        shared.busy = true;
    }
    updater.set(app, UpdateState::Checking);
    let outcome = check_and_download(app, &updater, manifest).await;
    let mut shared = updater.lock();
    shared.busy = false;
    if let Some(ready) = outcome {
        shared.ready = Some(Arc::new(ready));
    }
}

async fn check_and_download<R: Runtime>(
    app: &AppHandle<R>,
    updater: &Updater,
    manifest: Url,
) -> Option<(Update, Vec<u8>)> {
    let found = match app.updater_builder().endpoints(vec![manifest]).and_then(|b| b.build()) {
        Ok(plugin) => plugin.check().await,
        Err(error) => Err(error),
    };
    let update = match found {
        Ok(Some(update)) => update,
        Ok(None) => {
            updater.set(app, UpdateState::UpToDate { checked_at: chrono::Utc::now() });
            return None;
        }
        Err(error) => {
            updater.failed(app, UpdateFailure::Manifest { detail: error.to_string() });
            return None;
        }
    };
    let release = ReleaseInfo {
        version: update.version.clone(),
        notes: update.body.clone().unwrap_or_default(),
        date: update.date.and_then(|d| chrono::DateTime::from_timestamp(d.unix_timestamp(), 0)),
    };
    tracing::info!(version = %release.version, "an update is available; downloading");
    updater.set(app, UpdateState::Downloading { release: release.clone(), received: 0, total: None });
    let mut received = 0u64;
    let mut last_told = Instant::now();
    let downloaded = update
        .download(
            |chunk, total| {
                received += chunk as u64;
                if last_told.elapsed() >= PROGRESS_EVERY {
                    last_told = Instant::now();
                    updater.set(app, UpdateState::Downloading { release: release.clone(), received, total });
                }
            },
            || {},
        )
        .await;
    match downloaded {
        Ok(bytes) => {
            tracing::info!(version = %release.version, bytes = bytes.len(), "update downloaded and its signature checked");
            updater.set(app, UpdateState::Ready { release });
            Some((update, bytes))
        }
        Err(error) => {
            let version = release.version;
            let failure = if is_signature(&error) {
                UpdateFailure::Signature { version }
            } else {
                UpdateFailure::Download { version, detail: error.to_string() }
            };
            updater.failed(app, failure);
            None
        }
    }
}

fn is_signature(error: &PluginError) -> bool {
    matches!(
        error,
        PluginError::Minisign(_)
            | PluginError::Base64(_)
            | PluginError::SignatureUtf8(_)
            | PluginError::SignedVersionMismatch { .. }
            | PluginError::MissingSignedVersion
    )
}

/// Installs the downloaded update and restarts into it, unless the agent is writing a reply
/// (`composing`) or actions wait in the outbox: then the error says which.
pub async fn restart_into_update<R: Runtime>(
    app: &AppHandle<R>,
    desk: &arbiter_desk::Desk,
    composing: bool,
) -> Result<(), DeskError> {
    if let Some(why) = desk.update_restart_refusal(composing).await {
        return Err(DeskError::say(ErrorCode::Rejected, why));
    }
    let updater = app.state::<Updater>();
    let ready = updater.lock().ready.clone();
    let Some(ready) = ready else {
        return Err(DeskError::say(ErrorCode::NotFound, Msg::new(&say::NOTHING_READY)));
    };
    let version = ready.0.version.clone();
    tracing::info!(%version, "installing the update, then restarting");
    // A package manager (dpkg through pkexec, an MSI) takes seconds and may ask for a password.
    let installing = Arc::clone(&ready);
    let installed = tauri::async_runtime::spawn_blocking(move || installing.0.install(&installing.1)).await;
    let detail = match installed {
        Ok(Ok(())) => app.restart(),
        Ok(Err(error)) => error.to_string(),
        Err(error) => error.to_string(),
    };
    let failure = UpdateFailure::Install { version, detail };
    tracing::warn!(?failure, "update not installed");
    // The download stays: the agent can try again (say, after entering the password).
    Err(DeskError::say(ErrorCode::Rejected, failure.message(&updater.current_version)))
}
