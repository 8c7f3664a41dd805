//! `arbiter-server`: the reference company API.

use std::net::SocketAddr;

use anyhow::Context;
use arbiter_server::generator::{self, GeneratorOptions};
use arbiter_server::{db, RunningServer};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(version, about = "Reference implementation of Arbiter's company API")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API.
    Serve {
        /// `sqlite://path.db`, a bare file path, or `memory`.
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
}

impl GeneratorArgs {
    fn options(&self) -> GeneratorOptions {
        GeneratorOptions { seed: self.seed, tickets: self.tickets, now: self.now.unwrap_or_else(chrono::Utc::now) }
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
        Command::Serve { database, listen, demo, generator } => {
            let pool = db::connect(&database).await.with_context(|| format!("opening {database}"))?;
            if demo {
                fill_if_empty(&pool, &generator).await?;
            }
            let server = RunningServer::start(pool, listen).await?;
            // Scripts and tests read this line to learn the port.
            println!("arbiter-server listening on {}", server.base_url());
            server.wait().await;
        }
        Command::Generate { database, generator } => {
            let pool = db::connect(&database).await.with_context(|| format!("opening {database}"))?;
            fill_if_empty(&pool, &generator).await?;
        }
    }
    Ok(())
}

async fn fill_if_empty(pool: &sqlx::SqlitePool, args: &GeneratorArgs) -> anyhow::Result<()> {
    if generator::is_empty(pool).await? {
        let started = std::time::Instant::now();
        let summary = generator::generate(pool, &args.options()).await?;
        tracing::info!(?summary, elapsed_ms = started.elapsed().as_millis() as u64, "demo data generated");
    } else {
        tracing::info!("database already holds data; not generating");
    }
    Ok(())
}
