//! The reference implementation of the company API that Arbiter syncs from.
//!
//! axum over sqlx (SQLite by default, PostgreSQL with `--database postgres://…`). One
//! binary: `serve` runs the API (optionally with the traffic simulator), `generate` fills a
//! database with the seeded demo data.

pub mod auth;
pub mod cluster;
pub mod db;
pub mod domain;
pub mod error;
pub mod escalator;
pub mod generator;
pub mod http;
pub mod hub;
pub mod mailroom;
pub mod mutation;
pub mod oidc;
pub mod rate_limit;
pub mod releases;
pub mod risk;
pub mod router;
pub mod simulator;
pub mod store;
pub mod widget_guard;
pub mod widget_hub;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use db::{Backend, Db};
use hub::Hub;
use rate_limit::{RateLimit, RateLimiter};

/// Settings of a running server.
#[derive(Debug, Clone)]
pub struct Config {
    pub rate_limit: RateLimit,
    /// The bearer token of the channel gateway (chat widget, mail gateway, internal teams'
    /// tools) for the `/v1/inbound` routes; without one those routes answer 403.
    pub gateway_token: Option<String>,
    /// The support mailboxes (`--mail-config`): replies on their tickets are mailed.
    pub mail: Option<mailroom::MailConfig>,
    pub widget: WidgetConfig,
    pub background: Background,
    /// Feed payloads kept in memory (`store::feed::PayloadCache`), in MiB; the team lists
    /// (`store::feed_lists`) take up to a quarter as much again. 0 keeps nothing.
    pub feed_cache_mib: u64,
    /// Desk releases this server hosts (`--updates-dir`); see `releases`.
    pub updates: Option<UpdatesConfig>,
    /// The company's identity provider, whose access tokens are accepted beside personal ones.
    pub oidc: Option<oidc::OidcConfig>,
}

/// Where the hosted desk releases are, and the address desks reach this server at.
#[derive(Debug, Clone)]
pub struct UpdatesConfig {
    pub dir: std::path::PathBuf,
    /// The server's public address (`https://support-api.example.com`), for the installers'
    /// links in a manifest; without it they follow the request's `Host` and
    /// `X-Forwarded-Proto`.
    pub public_url: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            rate_limit: RateLimit::default(),
            gateway_token: None,
            mail: None,
            widget: WidgetConfig::default(),
            background: Background::default(),
            feed_cache_mib: 256,
            updates: None,
            oidc: None,
        }
    }
}

/// The work a server does besides answering requests, beyond routing chats (always on). It
/// runs on one instance of a cluster at a time (`cluster::lease`).
#[derive(Debug, Clone, Default)]
pub struct Background {
    /// How often the escalation sweep runs (none: never).
    pub escalation_every: Option<std::time::Duration>,
    /// Feed tombstones older than this are compacted, hourly (none: never).
    pub tombstone_retention: Option<chrono::Duration>,
    /// Read and send the support mailboxes of `Config::mail`.
    pub mail_room: bool,
}

/// The customers' chat widget.
#[derive(Debug, Clone)]
pub struct WidgetConfig {
    /// Sites (origins, e.g. `https://www.exchange.example`) whose pages may embed the widget
    /// and call its API, besides this server's own.
    pub origins: Vec<String>,
    /// The secret the company's site signs identity tokens with (HS256); none: the widget
    /// takes no identity tokens.
    pub identity_secret: Option<Vec<u8>>,
    /// Each visitor's rate (by address and chat).
    pub rate_limit: RateLimit,
    /// Event streams one address may hold open at once.
    pub streams_per_address: usize,
}

impl Default for WidgetConfig {
    fn default() -> Self {
        Self {
            origins: Vec::new(),
            identity_secret: None,
            rate_limit: RateLimit { per_second: 5.0, burst: 30.0 },
            streams_per_address: widget_hub::STREAMS_PER_ADDRESS,
        }
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    /// Names this database's feed; see `ChangePage::feed_id`.
    pub feed_id: Arc<str>,
    pub hub: Arc<Hub>,
    pub limiter: Arc<RateLimiter>,
    /// SHA-256 (hex) of the channel gateway's token, if one is configured.
    pub gateway_token_sha256: Option<Arc<str>>,
    /// Customers' fraud decisions between escalation sweeps.
    pub risk: Arc<risk::RiskCache>,
    /// The support mailboxes, when the server handles real email.
    pub mail: Option<Arc<mailroom::MailConfig>>,
    pub widget: Arc<WidgetConfig>,
    pub widget_limiter: Arc<RateLimiter>,
    /// Wakes the router for a round (a chat started, an offer was answered).
    pub router: Arc<tokio::sync::Notify>,
    pub feed_payloads: Arc<store::feed::PayloadCache>,
    /// What each team scope sees of the feed, shared by its desks' syncs.
    pub feed_lists: Arc<store::feed_lists::FeedLists>,
    pub releases: Option<Arc<releases::Releases>>,
    pub oidc: Option<Arc<oidc::OidcVerifier>>,
    pub public_url: Option<Arc<str>>,
}

impl AppState {
    /// Wakes the chat router for a round, on whichever instance it runs.
    pub fn wake_router(&self) {
        match self.hub.bus() {
            Some(bus) => bus.wake_router(),
            None => self.router.notify_one(),
        }
    }

    pub async fn new(db: Db, config: &Config) -> anyhow::Result<Self> {
        let feed_id = store::feed::feed_id(&db).await?;
        Ok(Self {
            db,
            feed_id: feed_id.into(),
            hub: Arc::new(Hub::new()),
            limiter: Arc::new(RateLimiter::new(config.rate_limit)),
            gateway_token_sha256: config.gateway_token.as_deref().map(|t| store::entities::token_hash(t).into()),
            risk: Arc::default(),
            mail: config.mail.clone().map(Arc::new),
            widget: Arc::new(config.widget.clone()),
            widget_limiter: Arc::new(RateLimiter::new(config.widget.rate_limit)),
            router: Arc::default(),
            feed_payloads: Arc::new(store::feed::PayloadCache::new(config.feed_cache_mib * 1024 * 1024)),
            // A quarter as much again: a list costs 8 bytes a row, a payload hundreds.
            feed_lists: Arc::new(store::feed_lists::FeedLists::new(config.feed_cache_mib * 1024 * 1024 / 4)),
            releases: config.updates.as_ref().map(|u| Arc::new(releases::Releases::new(&u.dir))),
            oidc: config.oidc.clone().map(|c| Arc::new(oidc::OidcVerifier::new(c))),
            public_url: config
                .updates
                .as_ref()
                .and_then(|u| u.public_url.as_deref())
                .map(|u| u.trim_end_matches('/').into()),
        })
    }
}

/// Demo data ready to serve: a migrated database filled by the generator.
pub async fn demo_database(url: &str, options: &generator::GeneratorOptions) -> anyhow::Result<Db> {
    let db = Db::connect(url).await?;
    if generator::is_empty(&db).await? {
        generator::generate(&db, options).await?;
    }
    Ok(db)
}

/// Starts what `background` asks for, and the chat router.
fn background_work(state: &AppState, background: &Background) -> cluster::Tasks {
    let mut tasks = cluster::Tasks::new(vec![router::spawn(state.clone())]);
    if let Some(every) = background.escalation_every {
        tasks.append(escalator::Escalator::spawn(state.clone(), every).into_task());
    }
    if let Some(retention) = background.tombstone_retention {
        tasks.push(tokio::spawn(compact_tombstones(state.db.clone(), retention)));
    }
    if let (true, Some(mail)) = (background.mail_room, state.mail.as_deref()) {
        tasks.append(mailroom::MailRoom::spawn(state.clone(), mail).into_tasks());
    }
    if state.db.backend == Backend::Postgres {
        tasks.push(tokio::spawn(prune_stream(state.db.clone())));
    }
    tasks
}

async fn compact_tombstones(db: Db, retention: chrono::Duration) {
    loop {
        let before = (chrono::Utc::now() - retention).timestamp_millis();
        match store::feed::compact_tombstones(&db, before).await {
            Ok(horizon) => tracing::debug!(horizon, "feed tombstones compacted"),
            Err(error) => tracing::warn!(%error, "compacting the feed failed"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
    }
}

async fn prune_stream(db: Db) {
    loop {
        match cluster::bus::prune(&db, chrono::Utc::now()).await {
            Ok(0) => {}
            Ok(dropped) => tracing::debug!(dropped, "old stream events pruned"),
            Err(error) => tracing::warn!(%error, "pruning the stream failed"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    }
}

/// A server running on a socket of its own, for the CLI and for tests.
pub struct RunningServer {
    pub addr: SocketAddr,
    pub state: AppState,
    task: JoinHandle<()>,
    /// The stream bus (PostgreSQL), and the work run while this instance holds the lease.
    _bus: cluster::Tasks,
    pub singletons: cluster::lease::Singletons,
}

/// Accepts connections and serves each on a task of this one's set, so that aborting this
/// task (`kill`) drops every open connection, as a crash would. (`axum::serve` leaves its
/// connections serving on tasks of their own.)
async fn serve(listener: TcpListener, app: axum::Router) {
    let mut connections = tokio::task::JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((socket, peer)) => {
                    let _ = socket.set_nodelay(true);
                    connections.spawn(serve_connection(socket, peer, app.clone()));
                }
                Err(error) => {
                    // Out of file descriptors, say: wait a moment rather than spin.
                    tracing::warn!(%error, "could not accept a connection");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn serve_connection(socket: tokio::net::TcpStream, peer: SocketAddr, app: axum::Router) {
    // The peer's address, for the widget's per-visitor rate.
    let app = tower::ServiceExt::map_request(app, move |mut request: axum::http::Request<_>| {
        request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
        request
    });
    let service = hyper_util::service::TowerToHyperService::new(app);
    let builder = hyper_util::server::conn::auto::Builder::new(hyper_util::rt::TokioExecutor::new());
    if let Err(error) = builder.serve_connection_with_upgrades(hyper_util::rt::TokioIo::new(socket), service).await {
        tracing::debug!(%error, "connection ended");
    }
}

impl RunningServer {
    /// Binds `listen` (port 0 picks a free one) and serves `db` until stopped.
    pub async fn start(db: Db, listen: SocketAddr) -> anyhow::Result<Self> {
        Self::start_with(db, listen, &Config::default()).await
    }

    pub async fn start_with(db: Db, listen: SocketAddr, config: &Config) -> anyhow::Result<Self> {
        let state = AppState::new(db, config).await?;
        let bus = match state.db.backend {
            Backend::Postgres => cluster::bus::start(&state.db, state.hub.clone(), state.router.clone()).await?,
            Backend::Sqlite => cluster::Tasks::default(),
        };
        let listener = TcpListener::bind(listen).await?;
        let addr = listener.local_addr()?;
        let (app, _) = http::router(state.clone());
        let singletons = {
            let (state, background) = (state.clone(), config.background.clone());
            cluster::lease::Singletons::spawn(state.db.clone(), move || background_work(&state, &background))
        };
        let task = tokio::spawn(serve(listener, app));
        Ok(Self { addr, state, task, _bus: bus, singletons })
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn db(&self) -> &Db {
        &self.state.db
    }

    /// A handle that stops the server from synchronous code (e.g. a callback), like a crash.
    pub fn abort_handle(&self) -> tokio::task::AbortHandle {
        self.task.abort_handle()
    }

    /// Stops at once, cutting open connections, like a crashed server.
    pub async fn kill(self) {
        self.task.abort();
        let _ = self.task.await;
    }

    /// Serves until the process ends.
    pub async fn wait(self) {
        let _ = self.task.await;
    }
}
