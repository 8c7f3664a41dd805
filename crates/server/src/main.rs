//! `arbiter-server`: the reference company API.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use arbiter_server::generator::{self, GeneratorOptions};
use arbiter_server::mailroom::MailConfig;
use arbiter_server::rate_limit::RateLimit;
use arbiter_server::simulator::{Simulator, SimulatorOptions};
use arbiter_server::{Background, Config, Db, RunningServer, UpdatesConfig, WidgetConfig};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(version, about = "Reference implementation of Arbiter's company API")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
// Parsed once at start: the size of the larger variant does not matter.
#[allow(clippy::large_enum_variant)]
enum Command {
    /// Serve the API.
    Serve {
        /// `sqlite://path.db`, a bare file path, `memory`, or `postgres://user@host/db`.
        #[arg(long, env = "ARBITER_DATABASE", default_value = "arbiter-server.db")]
        database: String,
        /// Address to listen on; port 0 picks a free port (printed on stdout).
        #[arg(long, env = "ARBITER_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Fill an empty database with seeded demo data before serving.
        #[arg(long)]
        demo: bool,
        #[command(flatten)]
        generator: GeneratorArgs,
        /// Requests per second each token may make, sustained.
        #[arg(long, default_value_t = 50.0)]
        rate_limit: f64,
        /// Requests each token may make in a burst.
        #[arg(long, default_value_t = 200.0)]
        rate_burst: f64,
        /// Keep simulated traffic (new chats and emails, customer replies, typing,
        /// escalation-worthy messages) arriving at this many events per second.
        #[arg(long)]
        simulate: Option<f64>,
        /// Tombstones older than this are compacted away (hourly); desks whose cursor is older
        /// get `cursor_expired` and sync from scratch.
        #[arg(long, default_value_t = 30)]
        tombstone_retention_days: u32,
        /// The channel gateway's bearer token for `/v1/inbound` (customers' messages and
        /// typing, internal teams' answers). Prefer the environment: arguments show in `ps`.
        #[arg(long, env = "ARBITER_GATEWAY_TOKEN", hide_env_values = true)]
        gateway_token: Option<String>,
        /// How often the escalation matrix is evaluated over the active tickets (SLA breaches,
        /// amounts, repeat contacts, chargeback deadlines); 0 turns it off.
        #[arg(long, default_value_t = 15)]
        escalation_interval_secs: u64,
        /// Memory for feed payloads shared by every desk's sync (MiB), and a quarter as much
        /// for what each team scope sees: a herd of desks syncing the same rows costs the
        /// database close to once, not once per desk. 0 keeps nothing.
        #[arg(long, default_value_t = 256)]
        feed_cache_mib: u64,
        /// Support mailboxes to read over IMAP (a JSON file; see `mailroom::config`).
        #[arg(long, env = "ARBITER_MAIL_CONFIG")]
        mail_config: Option<PathBuf>,
        /// Sites whose pages may embed the chat widget (origins, comma-separated, e.g.
        /// `https://www.exchange.example`), besides this server's own.
        #[arg(long, env = "ARBITER_WIDGET_ORIGINS", value_delimiter = ',')]
        widget_origins: Vec<String>,
        /// The secret the company's site signs customers' identity tokens with (HS256).
        /// Prefer the environment: arguments show in `ps`.
        #[arg(long, env = "ARBITER_WIDGET_SECRET", hide_env_values = true)]
        widget_secret: Option<String>,
        /// Requests per second each chat widget visitor may make, sustained, and in a burst.
        #[arg(long, default_value_t = 5.0)]
        widget_rate_limit: f64,
        #[arg(long, default_value_t = 30.0)]
        widget_rate_burst: f64,
        /// Chat widget event streams one address may hold open at once (an office's NAT).
        #[arg(long, default_value_t = arbiter_server::widget_hub::STREAMS_PER_ADDRESS)]
        widget_streams_per_address: usize,
        /// A folder of desk releases to serve to desks' updaters (`/v1/updates/…`): one
        /// folder per channel, one per version, each with a `release.json`, the installers
        /// and their `.sig` files (see docs/DEPLOYMENT.md).
        #[arg(long, env = "ARBITER_UPDATES_DIR")]
        updates_dir: Option<PathBuf>,
        /// This server's public address, for the installers' links in update manifests
        /// (default: the request's Host and X-Forwarded-Proto).
        #[arg(long, env = "ARBITER_PUBLIC_URL")]
        public_url: Option<String>,
        /// The company's OpenID provider (its issuer, exactly as in its tokens): its JWT
        /// access tokens are accepted beside the agents' personal tokens.
        #[arg(long, env = "ARBITER_OIDC_ISSUER", requires = "oidc_audience")]
        oidc_issuer: Option<String>,
        /// This API as the provider's access tokens name it (`aud`).
        #[arg(long, env = "ARBITER_OIDC_AUDIENCE")]
        oidc_audience: Option<String>,
        /// The token claim holding the agent's email.
        #[arg(long, env = "ARBITER_OIDC_AGENT_CLAIM", default_value = "email")]
        oidc_agent_claim: String,
    },
    /// Fill an empty database with seeded demo data and exit.
    Generate {
        #[arg(long, env = "ARBITER_DATABASE", default_value = "arbiter-server.db")]
        database: String,
        #[command(flatten)]
        generator: GeneratorArgs,
    },
}

#[derive(clap::Args)]
struct GeneratorArgs {
    /// Number of tickets to generate.
    #[arg(long, default_value_t = 2_500)]
    tickets: u32,
    /// Seed: the same seed gives the same data.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// The moment the data is anchored to (RFC 3339); defaults to now, so the demo looks current.
    #[arg(long)]
    now: Option<chrono::DateTime<chrono::Utc>>,
    /// Where to write the ground truth of the planted fraud patterns (JSON). Defaults to
    /// `<database>.ground-truth.json` for file databases.
    #[arg(long)]
    ground_truth: Option<PathBuf>,
}

impl GeneratorArgs {
    fn options(&self) -> GeneratorOptions {
        GeneratorOptions { seed: self.seed, tickets: self.tickets, now: self.now.unwrap_or_else(chrono::Utc::now) }
    }

    fn truth_path(&self, database: &str) -> Option<PathBuf> {
        self.ground_truth.clone().or_else(|| {
            let is_file = !database.contains("://") && database != "memory" && !database.contains(":memory:");
            let path = database.strip_prefix("sqlite://").unwrap_or(database);
            (is_file || database.starts_with("sqlite://")).then(|| PathBuf::from(format!("{path}.ground-truth.json")))
        })
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "arbiter_server=info,tower_http=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Serve {
            database,
            listen,
            demo,
            generator,
            rate_limit,
            rate_burst,
            simulate,
            tombstone_retention_days,
            gateway_token,
            escalation_interval_secs,
            mail_config,
            widget_origins,
            widget_secret,
            widget_rate_limit,
            widget_rate_burst,
            widget_streams_per_address,
            feed_cache_mib,
            updates_dir,
            public_url,
            oidc_issuer,
            oidc_audience,
            oidc_agent_claim,
        } => {
            let mail = mail_config.as_deref().map(MailConfig::load).transpose()?;
            let db = Db::connect(&database).await.with_context(|| format!("opening {database}"))?;
            if demo {
                fill_if_empty(&db, &database, &generator).await?;
            }
            let config = Config {
                rate_limit: RateLimit { per_second: rate_limit, burst: rate_burst },
                gateway_token,
                mail,
                widget: WidgetConfig {
                    origins: widget_origins
                        .into_iter()
                        .map(|o| o.trim().trim_end_matches('/').to_owned())
                        .filter(|o| !o.is_empty())
                        .collect(),
                    identity_secret: widget_secret.filter(|s| !s.is_empty()).map(String::into_bytes),
                    rate_limit: RateLimit { per_second: widget_rate_limit, burst: widget_rate_burst },
                    streams_per_address: widget_streams_per_address,
                },
                background: Background {
                    escalation_every: (escalation_interval_secs > 0)
                        .then(|| std::time::Duration::from_secs(escalation_interval_secs)),
                    tombstone_retention: Some(chrono::Duration::days(i64::from(tombstone_retention_days))),
                    mail_room: true,
                },
                feed_cache_mib,
                updates: updates_dir.map(|dir| UpdatesConfig { dir, public_url }),
                oidc: oidc_issuer.zip(oidc_audience).map(|(issuer, audience)| arbiter_server::oidc::OidcConfig {
                    issuer,
                    audience,
                    agent_claim: oidc_agent_claim,
                }),
            };
            let server = RunningServer::start_with(db, listen, &config).await?;
            let _simulator = simulate.map(|rate| {
                tracing::info!(rate, "simulating traffic");
                Simulator::spawn(server.state.clone(), SimulatorOptions { rate, seed: generator.seed })
            });
            // Scripts and tests read this line to learn the port.
            println!("arbiter-server listening on {}", server.base_url());
            server.wait().await;
        }
        Command::Generate { database, generator } => {
            let db = Db::connect(&database).await.with_context(|| format!("opening {database}"))?;
            fill_if_empty(&db, &database, &generator).await?;
            // Closing checkpoints SQLite's write-ahead log into the database file.
            db.pool.close().await;
        }
    }
    Ok(())
}

async fn fill_if_empty(db: &Db, database: &str, args: &GeneratorArgs) -> anyhow::Result<()> {
    if !generator::is_empty(db).await? {
        tracing::info!("database already holds data; not generating");
        return Ok(());
    }
    let started = std::time::Instant::now();
    let summary = generator::generate(db, &args.options()).await?;
    tracing::info!(
        tickets = summary.tickets,
        messages = summary.messages,
        customers = summary.customers,
        activity_events = summary.activity_events,
        cases = summary.cases,
        escalations = summary.escalations,
        rows = summary.rows,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "demo data generated"
    );
    if let Some(path) = args.truth_path(database) {
        std::fs::write(&path, serde_json::to_vec_pretty(&summary.ground_truth)?)
            .with_context(|| format!("writing {}", path.display()))?;
        tracing::info!(path = %path.display(), planted = summary.ground_truth.planted.len(), "ground truth written");
    }
    Ok(())
}
