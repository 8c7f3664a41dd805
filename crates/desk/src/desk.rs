//! The desk: one signed-in session at a time, its cache, and its sync loop.

use std::sync::Arc;
use std::time::Duration;

use arbiter_cache::{Cache, CacheError, CacheKey, ListCursor, TicketListItem, ViewCount, ViewKey};
use arbiter_client::{normalize_base_url, ApiClient, ApiToken};
use arbiter_contract::{Agent, Presence};
use arbiter_sync::SyncEngine;
use serde::{Deserialize, Serialize};
use specta::Type;
use tokio::sync::RwLock;

use crate::alerts::AlertLoop;
use crate::credentials::{blocking, CredentialStore};
use crate::error::with_detail;
use crate::error::{DeskError, ErrorCode};
use crate::events::{DeskEvents, SyncState, SyncStatus};
use crate::links::LinkPrefetch;
use crate::messages::errors;
use crate::paths::DeskPaths;
use crate::settings::{SavedSession, SettingsStore};
use crate::status::StatusCell;
use crate::sync_loop::{LoopSettings, StreamLoop, SyncLoop};
use arbiter_text::Msg;

/// Who is signed in where; what the UI shows in its header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SessionInfo {
    pub server_url: String,
    pub agent: Agent,
}

pub(crate) struct Session {
    pub info: SessionInfo,
    pub cache: Cache,
    pub sync: Option<SyncLoop>,
    pub stream: Option<StreamLoop>,
    /// Linked accounts of the agent's customers, fetched ahead beside the sync loop.
    pub prefetch: Option<LinkPrefetch>,
    pub alerts: Arc<AlertLoop>,
    /// For what only the server can answer live (the supervisor board, linked accounts).
    pub client: Option<ApiClient>,
    /// Signed in with the company's identity provider: what refreshes and revokes the tokens.
    pub sso: Option<crate::single_sign_on::SsoSession>,
}

#[derive(Clone)]
pub struct Desk {
    pub(crate) paths: DeskPaths,
    pub(crate) credentials: Arc<dyn CredentialStore>,
    pub(crate) settings: Arc<SettingsStore>,
    /// The agent's language, for what is shown outside the window.
    pub(crate) speech: Arc<crate::speech::Speech>,
    pub(crate) status: Arc<StatusCell>,
    pub(crate) session: Arc<RwLock<Option<Session>>>,
    /// Becomes true once `start` has restored (or failed to restore) the session.
    started: tokio::sync::watch::Sender<bool>,
    /// PDF pages of attachments, drawn lately.
    pub(crate) drawn_pages: Arc<crate::drawn_pages::DrawnPages>,
    /// Attachments being fetched now (one download per file however many ask).
    pub(crate) fetching: Arc<crate::file_fetch::InFlight>,
    /// What the company's IT preset for this machine (crate::managed).
    managed: Arc<crate::managed::ManagedSettings>,
    /// The single sign-on under way in the browser (crate::company_sign_in).
    pub(crate) sign_in_pending: Arc<crate::single_sign_on::Pending>,
}

impl Desk {
    pub fn new(paths: DeskPaths, credentials: Arc<dyn CredentialStore>, events: Arc<dyn DeskEvents>) -> Self {
        let settings = Arc::new(SettingsStore::open(paths.settings_file()));
        Self {
            settings,
            speech: Arc::default(),
            paths,
            credentials,
            status: Arc::new(StatusCell::new(events)),
            session: Arc::new(RwLock::new(None)),
            drawn_pages: Arc::default(),
            fetching: Arc::default(),
            started: tokio::sync::watch::Sender::new(false),
            managed: Arc::default(),
            sign_in_pending: Arc::default(),
        }
    }

    /// The company's preset settings for this machine (`managed::load()` in the app).
    pub fn with_managed(mut self, managed: crate::managed::ManagedSettings) -> Self {
        self.managed = Arc::new(managed);
        self
    }

    pub fn managed(&self) -> crate::managed::ManagedSettings {
        (*self.managed).clone()
    }

    /// Restores the saved session: the cache opens first, so the inbox shows at once even
    /// when the server or the keyring is not there; then syncing starts in the background.
    /// With no saved session, signs in from the provisioning environment if it is set.
    pub async fn start(&self) -> Result<(), DeskError> {
        let result = self.restore().await;
        self.started.send_replace(true);
        result
    }

    /// Waits until `start` has finished, so the UI never mistakes "not restored yet" for
    /// "signed out".
    pub async fn ready(&self) {
        let mut started = self.started.subscribe();
        let _ = started.wait_for(|done| *done).await;
    }

    async fn restore(&self) -> Result<(), DeskError> {
        if let Some(saved) = self.settings.get().session {
            // IT moved the machine to another company API: the agent signs in there.
            if self.managed.check_server(&saved.server_url).is_ok() {
                return self.resume(saved).await;
            }
            tracing::info!("the saved session is for a server other than the managed one; sign in again");
            return Ok(());
        }
        let url = std::env::var(crate::SIGN_IN_URL_ENV).ok();
        let token = std::env::var(crate::SIGN_IN_TOKEN_ENV).ok();
        if let (Some(url), Some(token)) = (url, token) {
            tracing::info!("signing in from the provisioning environment");
            self.sign_in(&url, &token).await?;
        }
        Ok(())
    }

    /// Opens the session's encrypted cache with its key from the keyring (made on first use).
    /// A cache that cannot be decrypted (its key was lost with the keyring) is moved aside
    /// and a fresh one is synced from scratch: the server has the data.
    async fn open_cache(&self, path: &std::path::Path) -> Result<Cache, DeskError> {
        let account = crate::credentials::cache_key_account(
            &path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        );
        let credentials = self.credentials.clone();
        let stored = blocking({
            let account = account.clone();
            move || credentials.get(&account)
        })
        .await?;
        let key = match stored.as_deref().and_then(CacheKey::from_hex) {
            Some(key) => key,
            None => {
                let key = CacheKey::random();
                let credentials = self.credentials.clone();
                let secret = key.to_hex();
                blocking(move || credentials.set(&account, &secret)).await?;
                key
            }
        };
        match Cache::open_encrypted(path, &key).await {
            Err(CacheError::Unreadable(reason)) => {
                let aside = path.with_extension(format!("unreadable-{}", chrono::Utc::now().timestamp()));
                tracing::warn!(%reason, aside = %aside.display(), "moving an unreadable cache aside and starting over");
                std::fs::rename(path, &aside)
                    .map_err(|e| DeskError::say(ErrorCode::Cache, with_detail(&errors::CACHE_ASIDE, e)))?;
                for suffix in ["sqlite-wal", "sqlite-shm"] {
                    let _ = std::fs::remove_file(path.with_extension(suffix));
                }
                Ok(Cache::open_encrypted(path, &key).await?)
            }
            other => Ok(other?),
        }
    }

    /// The client of a saved session: the identity provider's tokens when it was signed in
    /// with single sign-on, else the personal token; `None` when neither is stored.
    async fn stored_client(
        &self,
        server_url: &str,
    ) -> Result<Option<(ApiClient, Option<crate::single_sign_on::SsoSession>)>, DeskError> {
        if let Some(tokens) = crate::single_sign_on::load_tokens(&self.credentials, server_url).await? {
            let (client, sso) = crate::single_sign_on::SsoSession::start(tokens, self.credentials.clone(), server_url)?;
            return Ok(Some((client, Some(sso))));
        }
        let credentials = self.credentials.clone();
        let url = server_url.to_owned();
        match blocking(move || credentials.load(&url)).await? {
            Some(token) => Ok(Some((ApiClient::new(server_url, token)?, None))),
            None => Ok(None),
        }
    }

    pub(crate) async fn resume(&self, saved: SavedSession) -> Result<(), DeskError> {
        let cache = self.open_cache(&self.paths.cache_file(&saved.server_url, saved.agent.id)).await?;
        let position = cache.position().await?;
        self.status.update(|s| {
            s.state = SyncState::Offline;
            s.cursor = position.cursor;
            s.head = position.head;
            s.from = position.cursor;
            s.last_synced_at = position.synced_at;
        });
        let (client, sso) = match self.stored_client(&saved.server_url).await {
            Ok(Some((client, sso))) => (Some(client), sso),
            Ok(None) => {
                self.status.update(|s| {
                    s.state = SyncState::AuthFailed;
                    s.message = Some(Msg::new(&errors::NO_STORED_TOKEN));
                });
                (None, None)
            }
            Err(error) => {
                self.status.update(|s| {
                    s.state = SyncState::Error;
                    s.message = Some(error.text.clone());
                });
                (None, None)
            }
        };
        let synced = Arc::new(tokio::sync::Notify::new());
        let sync = client.clone().map(|c| {
            let settings = LoopSettings { settings: self.settings.clone(), synced: synced.clone() };
            SyncLoop::spawn(SyncEngine::new(c, cache.clone()), cache.clone(), self.status.clone(), settings)
        });
        let prefetch = client.clone().map(|c| {
            let budget = self.settings.get().file_budget_bytes();
            LinkPrefetch::spawn(c, cache.clone(), saved.agent.id, budget, self.status.events().clone(), synced.clone())
        });
        let settings = self.settings.clone();
        let alerts =
            Arc::new(AlertLoop::spawn(saved.agent.clone(), cache.clone(), self.status.events().clone(), move || {
                settings.get().do_not_disturb
            }));
        let stream = match (client.clone(), &sync) {
            (Some(client), Some(sync)) => {
                Some(StreamLoop::spawn(client, cache.clone(), self.status.clone(), sync.waker(), alerts.clone()))
            }
            _ => None,
        };
        // At the desk means available for chats (the agent sets Away or Busy when not).
        if let Some(client) = client.clone() {
            tokio::spawn(async move {
                let key = format!("presence-{}", uuid::Uuid::new_v4());
                if let Err(error) = client.set_presence(Presence::Online, &key).await {
                    tracing::debug!(%error, "could not say the agent is online");
                }
            });
        }
        let info = SessionInfo { server_url: saved.server_url, agent: saved.agent };
        *self.session.write().await = Some(Session { info, cache, sync, stream, prefetch, alerts, client, sso });
        self.refresh_outbox_counts().await;
        Ok(())
    }

    /// Checks the token against the server, keeps it in the OS keyring, and starts syncing.
    pub async fn sign_in(&self, server_url: &str, token: &str) -> Result<SessionInfo, DeskError> {
        let token = token.trim();
        if token.is_empty() {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::ENTER_TOKEN)));
        }
        let server_url = normalize_base_url(server_url)?.as_str().trim_end_matches('/').to_owned();
        self.managed.check_server(&server_url)?;
        let token = ApiToken::new(token);
        let client = ApiClient::new(&server_url, token.clone())?;
        let agent = client.me().await?;

        let credentials = self.credentials.clone();
        let url = server_url.clone();
        blocking(move || {
            credentials.save(&url, &token)?;
            // A personal token replaces a single sign-on session for this server.
            credentials.remove_long(&crate::single_sign_on::tokens_account(&url))
        })
        .await?;

        self.stop_session().await;
        let saved = SavedSession { server_url: server_url.clone(), agent: agent.clone() };
        self.settings.update(|s| s.session = Some(saved.clone())).await?;
        self.resume(saved).await?;
        tracing::info!(agent = agent.id, server = %server_url, "signed in");
        Ok(SessionInfo { server_url, agent })
    }

    /// Stops syncing and forgets the token. The cache stays for the next sign-in.
    pub async fn sign_out(&self) -> Result<(), DeskError> {
        let server_url = self.session.read().await.as_ref().map(|s| s.info.server_url.clone());
        // Signed out means no more chats; best effort, briefly (offline, the server never
        // hears, and the router keeps offering until the agent is away by other means).
        let client = self.session.read().await.as_ref().and_then(|s| s.client.clone());
        if let Some(client) = client {
            let key = format!("presence-{}", uuid::Uuid::new_v4());
            let _ = tokio::time::timeout(Duration::from_secs(2), client.set_presence(Presence::Offline, &key)).await;
        }
        // Signed in with the identity provider: the refresh token is revoked there too.
        let refresher = self.session.read().await.as_ref().and_then(|s| s.sso.as_ref().map(|s| s.refresher.clone()));
        if let Some(refresher) = refresher {
            refresher.revoke().await;
        }
        self.stop_session().await;
        self.settings.update(|s| s.session = None).await?;
        if let Some(url) = server_url {
            let credentials = self.credentials.clone();
            blocking(move || {
                credentials.delete(&url)?;
                credentials.remove_long(&crate::single_sign_on::tokens_account(&url))
            })
            .await?;
        }
        self.status.update(|s| *s = SyncStatus::signed_out());
        Ok(())
    }

    pub(crate) async fn stop_session(&self) {
        if let Some(session) = self.session.write().await.take() {
            if let Some(sync) = &session.sync {
                sync.stop();
            }
            if let Some(stream) = &session.stream {
                stream.stop();
            }
            if let Some(prefetch) = &session.prefetch {
                prefetch.stop();
            }
            session.cache.close().await;
        }
    }

    pub async fn session_info(&self) -> Option<SessionInfo> {
        self.session.read().await.as_ref().map(|s| s.info.clone())
    }

    pub fn sync_status(&self) -> SyncStatus {
        self.status.get()
    }

    /// Pull from the server now.
    pub async fn sync_now(&self) -> Result<(), DeskError> {
        let session = self.session.read().await;
        let session = session.as_ref().ok_or_else(not_signed_in)?;
        match &session.sync {
            Some(sync) => {
                sync.wake();
                Ok(())
            }
            None => Err(DeskError::say(ErrorCode::Unauthorized, Msg::new(&errors::SIGN_IN_TO_SYNC))),
        }
    }

    /// The live client, for what only the server can answer, and the cache.
    pub(crate) async fn client_and_cache(&self) -> Result<(ApiClient, Cache), DeskError> {
        let session = self.session.read().await;
        let session = session.as_ref().ok_or_else(not_signed_in)?;
        let client = session
            .client
            .clone()
            .ok_or_else(|| DeskError::say(ErrorCode::Unauthorized, Msg::new(&errors::NO_STORED_TOKEN)))?;
        Ok((client, session.cache.clone()))
    }

    pub(crate) async fn cache_and_me(&self) -> Result<(Cache, i64), DeskError> {
        let session = self.session.read().await;
        let session = session.as_ref().ok_or_else(not_signed_in)?;
        Ok((session.cache.clone(), session.info.agent.id))
    }

    /// One page of a built-in or saved view.
    pub async fn list_tickets(
        &self,
        view: impl Into<ViewKey>,
        after: Option<ListCursor>,
        limit: u32,
    ) -> Result<Vec<TicketListItem>, DeskError> {
        let (cache, me) = self.cache_and_me().await?;
        match cache.list_view(&view.into(), me, after, limit).await {
            Err(CacheError::NotFound(_)) => Err(DeskError::say(ErrorCode::NotFound, Msg::new(&errors::VIEW_GONE))),
            other => Ok(other?),
        }
    }

    pub async fn view_counts(&self) -> Result<Vec<ViewCount>, DeskError> {
        let (cache, me) = self.cache_and_me().await?;
        Ok(cache.view_counts(me).await?)
    }
}

pub(crate) fn not_signed_in() -> DeskError {
    DeskError::say(ErrorCode::NotSignedIn, Msg::new(&errors::NOT_SIGNED_IN))
}
