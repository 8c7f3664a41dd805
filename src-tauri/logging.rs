//! Where the app's own account of itself goes: a log file a day in the OS's log folder (a
//! week kept; tracing-appender), besides stderr for a developer; and a crash note beside
//! them when the app panics, offered to the agent on the next start (`diagnostics`).
//!
//! The file takes the app's crates at `info` (`ARBITER_LOG` sets another filter, e.g.
//! `debug` when IT asks); what they log never holds a token, a message or customer data
//! (tests/e2e/diagnostics.e2e.test.mjs greps the files after a session).

use std::path::{Path, PathBuf};

use arbiter_desk::diagnostics::{self, Panic, LOG_DAYS_KEPT, LOG_PREFIX, LOG_SUFFIX};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// Names the log file's filter instead of the default.
const FILE_FILTER_ENV: &str = "ARBITER_LOG";
const FILE_FILTER: &str =
    "warn,arbiter_app=info,arbiter_desk=info,arbiter_sync=info,arbiter_cache=info,arbiter_client=info";
const STDERR_FILTER: &str = "info,arbiter=debug,sqlx=warn,tao=warn,wry=warn";

/// Starts logging to stderr and, when `dir` can be used, to the daily files in it.
pub fn init(dir: &Path) {
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| STDERR_FILTER.into()));
    // The appender prunes old files as it starts and says so on stderr when the folder is
    // not there yet (a first start); it would create it itself right after.
    let _ = std::fs::create_dir_all(dir);
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix(LOG_PREFIX)
        .filename_suffix(LOG_SUFFIX)
        .max_log_files(LOG_DAYS_KEPT)
        .build(dir);
    // Written as they happen (no background writer), so the lines before a crash are there.
    let (file, problem) = match appender {
        Ok(appender) => {
            let filter = std::env::var(FILE_FILTER_ENV).ok().and_then(|f| EnvFilter::try_new(f).ok());
            let layer = tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(appender)
                .with_filter(filter.unwrap_or_else(|| FILE_FILTER.into()));
            (Some(layer), None)
        }
        Err(error) => (None, Some(error)),
    };
    tracing_subscriber::registry().with(stderr).with(file).init();
    if let Some(error) = problem {
        tracing::warn!(%error, dir = %dir.display(), "no log files: the folder cannot be written");
    }
}

/// On a panic, writes a crash note into `dir` (then Rust's own report goes to stderr).
pub fn write_crash_notes(dir: PathBuf, app_version: String) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let thread = std::thread::current();
        let backtrace = std::backtrace::Backtrace::force_capture().to_string();
        let panic = Panic {
            app_version: &app_version,
            thread: thread.name().unwrap_or("unnamed"),
            location: info.location().map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column())),
            message: &message,
            backtrace: &backtrace,
        };
        let note = diagnostics::crash_note(&panic, chrono::Utc::now());
        let location = panic.location.as_deref().unwrap_or("unknown");
        match diagnostics::write_crash_note(&dir, &note, chrono::Utc::now()) {
            Ok(path) => tracing::error!(location, note = %path.display(), "panic: crash note written"),
            Err(error) => tracing::error!(location, %error, "panic: the crash note could not be written"),
        }
        // Rust's own report quotes the panic's values: a developer's terminal may see them,
        // a release's stderr (often the desktop's journal) may not.
        if cfg!(debug_assertions) {
            default(info);
        } else {
            eprintln!("Arbiter panicked at {location}; see the crash note in {}", dir.display());
        }
    }));
}

/// For the end-to-end test of crash notes only (debug builds): a worker thread panics with
/// a message quoting customer data, as a slicing bug would; the app itself carries on.
#[cfg(debug_assertions)]
pub fn panic_if_asked() {
    if std::env::var_os("ARBITER_TEST_PANIC").is_some() {
        std::thread::Builder::new()
            .name("test-panic".into())
            .spawn(|| panic!("test panic inside `ana.customer@mail.example`"))
            .ok();
    }
}
