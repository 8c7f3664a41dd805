//! What the desk gives the company's IT when something went wrong: the crash notes the
//! panic hook writes beside the logs, and a diagnostics text (versions, sync state, the last
//! warnings and errors, the last crash) the agent copies from the window.
//!
//! Nothing in them is a token, a message or customer data: log lines are the app's own, which
//! never carry those (the end-to-end tests grep the log files for them), and a panic's message
//! has its quoted parts cut out (a slicing panic quotes the text it sliced).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::events::SyncStatus;

/// The log files' names: `arbiter.YYYY-MM-DD.log`, one a day, a week kept.
pub const LOG_PREFIX: &str = "arbiter";
pub const LOG_SUFFIX: &str = "log";
pub const LOG_DAYS_KEPT: usize = 7;
const CRASH_PREFIX: &str = "crash-";
const CRASH_UNSEEN: &str = ".txt";
const CRASH_SEEN: &str = ".seen.txt";
/// Warnings and errors from the logs a diagnostics text carries, newest last.
const LAST_ERRORS: usize = 40;
/// How much of each log file's end is read for them.
const LOG_TAIL_BYTES: u64 = 256 * 1024;

/// What a panic leaves: where, on which thread, and the stack.
pub struct Panic<'a> {
    pub app_version: &'a str,
    pub thread: &'a str,
    pub location: Option<String>,
    pub message: &'a str,
    pub backtrace: &'a str,
}

/// A crash note's text.
pub fn crash_note(panic: &Panic, at: DateTime<Utc>) -> String {
    format!(
        "Arbiter {} stopped on a panic at {}\nOS: {} {}\nThread: {}\nWhere: {}\nWhat: {}\n\nBacktrace:\n{}\n",
        panic.app_version,
        at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        std::env::consts::OS,
        std::env::consts::ARCH,
        panic.thread,
        panic.location.as_deref().unwrap_or("unknown"),
        without_quoted(panic.message),
        panic.backtrace,
    )
}

/// Writes a crash note into `dir` (the log folder); its path.
pub fn write_crash_note(dir: &Path, note: &str, at: DateTime<Utc>) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("{CRASH_PREFIX}{}{CRASH_UNSEEN}", at.format("%Y%m%dT%H%M%S%.3fZ")));
    std::fs::write(&path, note)?;
    Ok(path)
}

/// `text` with whatever it quotes (between backticks, double or single quotes) replaced by
/// `…`: panics quote the values they choked on, and those may be anyone's data.
pub fn without_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open: Option<char> = None;
    for c in text.chars() {
        match open {
            Some(quote) if c == quote => {
                out.push(c);
                open = None;
            }
            Some(_) => {}
            // An apostrophe inside a word ("doesn't") is not a quote.
            None if (c == '`' || c == '"' || (c == '\'' && !out.ends_with(char::is_alphanumeric))) => {
                out.push(c);
                out.push('…');
                open = Some(c);
            }
            None => out.push(c),
        }
    }
    out
}

/// The last crash the agent has not been told about: when, and its note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CrashReport {
    pub file: String,
    pub note: String,
}

fn crash_notes(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut notes: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(CRASH_PREFIX) && n.ends_with(suffix) && (suffix == CRASH_SEEN || !n.ends_with(CRASH_SEEN))
            })
        })
        .collect();
    notes.sort();
    notes
}

/// The newest crash note not yet marked seen.
pub fn unseen_crash(dir: &Path) -> Option<CrashReport> {
    let path = crash_notes(dir, CRASH_UNSEEN).pop()?;
    let note = std::fs::read_to_string(&path).ok()?;
    Some(CrashReport { file: path.file_name()?.to_string_lossy().into_owned(), note })
}

/// Why crash notes could not be marked seen.
pub fn not_marked(detail: String) -> crate::DeskError {
    crate::DeskError::say(
        crate::ErrorCode::Cache,
        arbiter_text::Msg::new(&crate::messages::diagnostics::NOT_MARKED).text("detail", detail),
    )
}

/// Marks every crash note seen (kept for the diagnostics text, not offered again).
pub fn mark_crashes_seen(dir: &Path) -> std::io::Result<()> {
    for path in crash_notes(dir, CRASH_UNSEEN) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let seen = format!("{}{CRASH_SEEN}", name.trim_end_matches(CRASH_UNSEEN));
        std::fs::rename(&path, path.with_file_name(seen))?;
    }
    Ok(())
}

/// The last warnings and errors in the log files of `dir`, oldest first.
pub fn last_errors(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut logs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(LOG_PREFIX) && n.ends_with(LOG_SUFFIX))
        })
        .collect();
    logs.sort();
    let mut lines = Vec::new();
    for path in logs.iter().rev() {
        let mut found: Vec<String> =
            tail(path).lines().filter(|l| l.contains(" WARN ") || l.contains(" ERROR ")).map(str::to_owned).collect();
        found.append(&mut lines);
        lines = found;
        if lines.len() >= LAST_ERRORS {
            break;
        }
    }
    let skip = lines.len().saturating_sub(LAST_ERRORS);
    lines.split_off(skip)
}

fn tail(path: &Path) -> String {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut file) = std::fs::File::open(path) else { return String::new() };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if file.seek(SeekFrom::Start(len.saturating_sub(LOG_TAIL_BYTES))).is_err() {
        return String::new();
    }
    let mut bytes = Vec::new();
    let _ = file.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    // A tail starts mid-line; the first (partial) one goes.
    if len > LOG_TAIL_BYTES {
        text.split_once('\n').map(|(_, rest)| rest.to_owned()).unwrap_or_default()
    } else {
        text
    }
}

/// What the shell knows of itself, for the diagnostics text.
#[derive(Debug, Clone, Default)]
pub struct AppFacts {
    pub app_version: String,
    pub tauri_version: String,
    pub webview_version: Option<String>,
    pub log_dir: PathBuf,
    pub update: Option<String>,
}

/// The diagnostics text, and the crash the agent has not been told about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Diagnostics {
    pub text: String,
    pub crash: Option<CrashReport>,
}

impl crate::Desk {
    /// Versions, where the desk syncs from and how that goes, the managed file, the last
    /// warnings and errors, the last crash: what the company's IT asks for first.
    pub async fn diagnostics(&self, app: &AppFacts) -> Diagnostics {
        let server = self.session.read().await.as_ref().map(|s| s.info.server_url.clone());
        let managed = self.managed().source.clone();
        let crash = unseen_crash(&app.log_dir)
            .or_else(|| crash_notes(&app.log_dir, CRASH_SEEN).pop().and_then(|p| seen_report(&p)));
        let text = report(
            app,
            server.as_deref(),
            managed.as_deref(),
            &self.status.get(),
            &last_errors(&app.log_dir),
            crash.as_ref(),
            Utc::now(),
        );
        Diagnostics { text, crash: unseen_crash(&app.log_dir) }
    }
}

fn seen_report(path: &Path) -> Option<CrashReport> {
    let note = std::fs::read_to_string(path).ok()?;
    Some(CrashReport { file: path.file_name()?.to_string_lossy().into_owned(), note })
}

fn report(
    app: &AppFacts,
    server: Option<&str>,
    managed: Option<&str>,
    sync: &SyncStatus,
    errors: &[String],
    crash: Option<&CrashReport>,
    now: DateTime<Utc>,
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let when = |t: Option<DateTime<Utc>>| t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    let _ = writeln!(out, "Arbiter diagnostics, {}", now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    let _ = writeln!(out, "Arbiter {} (Tauri {})", app.app_version, app.tauri_version);
    let _ = writeln!(out, "OS: {} {}", std::env::consts::OS, std::env::consts::ARCH);
    let _ = writeln!(out, "Web view: {}", app.webview_version.as_deref().unwrap_or("unknown"));
    let _ = writeln!(out, "Company API: {}", server.unwrap_or("not signed in"));
    let _ = writeln!(out, "Managed settings: {}", managed.unwrap_or("none"));
    let _ = writeln!(out, "Updates: {}", app.update.as_deref().unwrap_or("unknown"));
    let _ = writeln!(
        out,
        "Sync: {:?}, last synced {}, feed {} of {}, outbox {} waiting, {} refused",
        sync.state,
        when(sync.last_synced_at).unwrap_or_else(|| "never".into()),
        sync.cursor,
        sync.head,
        sync.outbox_pending,
        sync.outbox_failed,
    );
    if let Some(message) = &sync.message {
        let _ = writeln!(out, "Sync problem: {}", message.english());
    }
    if let Some(retry) = when(sync.retry_at) {
        let _ = writeln!(out, "Next attempt: {retry}");
    }
    let _ = writeln!(out, "Logs: {}", app.log_dir.display());
    let _ = writeln!(out, "\nLast warnings and errors ({}):", errors.len());
    for line in errors {
        let _ = writeln!(out, "{line}");
    }
    match crash {
        Some(crash) => {
            let _ = writeln!(out, "\nLast crash ({}):\n{}", crash.file, crash.note);
        }
        None => {
            let _ = writeln!(out, "\nNo crash recorded.");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_leave_a_panic_message() {
        assert_eq!(
            without_quoted(
                "byte index 8 is not a char boundary; it is inside 'é' (bytes 7..9) of `abcdefgé ana@mail.example`"
            ),
            "byte index 8 is not a char boundary; it is inside '…' (bytes 7..9) of `…`"
        );
        assert_eq!(
            without_quoted(r#"called `Result::unwrap()` on an `Err` value: "secret""#),
            r#"called `…` on an `…` value: "…""#
        );
        assert_eq!(without_quoted("the cache doesn't open"), "the cache doesn't open");
        assert_eq!(without_quoted("unclosed \"rest of it"), "unclosed \"…");
    }

    #[test]
    fn crash_notes_are_offered_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(unseen_crash(dir.path()), None);
        let panic = Panic {
            app_version: "0.1.0",
            thread: "main",
            location: Some("src/x.rs:1:2".into()),
            message: "index out of range for `ana@mail.example`",
            backtrace: "0: arbiter::main",
        };
        let at = DateTime::parse_from_rfc3339("2026-12-07T10:00:00Z").unwrap().with_timezone(&Utc);
        let note = crash_note(&panic, at);
        assert!(note.contains("Arbiter 0.1.0 stopped on a panic at 2026-12-07T10:00:00Z"));
        assert!(note.contains("Where: src/x.rs:1:2"));
        assert!(!note.contains("ana@mail.example"));
        write_crash_note(dir.path(), &note, at).unwrap();
        let later = at + chrono::Duration::seconds(5);
        write_crash_note(dir.path(), &note.replace("10:00:00", "10:00:05"), later).unwrap();
        let unseen = unseen_crash(dir.path()).unwrap();
        assert!(unseen.note.contains("10:00:05"), "the newest");
        mark_crashes_seen(dir.path()).unwrap();
        assert_eq!(unseen_crash(dir.path()), None);
        assert_eq!(crash_notes(dir.path(), CRASH_SEEN).len(), 2, "kept for the diagnostics text");
    }

    #[test]
    fn the_last_warnings_and_errors_come_from_the_newest_logs() {
        let dir = tempfile::tempdir().unwrap();
        let line =
            |day: u32, n: usize, level: &str| format!("2026-12-0{day}T10:00:{n:02}Z {level} arbiter_desk: event {n}\n");
        let older: String = (0..30).map(|n| line(6, n, if n % 2 == 0 { "WARN" } else { "INFO" })).collect();
        let newer: String = (0..30).map(|n| line(7, n, if n % 3 == 0 { "ERROR" } else { "INFO" })).collect();
        std::fs::write(dir.path().join("arbiter.2026-12-06.log"), older).unwrap();
        std::fs::write(dir.path().join("arbiter.2026-12-07.log"), newer).unwrap();
        std::fs::write(dir.path().join("other.log"), line(7, 59, "ERROR")).unwrap();
        let errors = last_errors(dir.path());
        assert_eq!(errors.len(), 25, "15 warnings of the 6th, 10 errors of the 7th");
        assert!(errors[0].starts_with("2026-12-06T10:00:00Z WARN"));
        assert!(errors[24].starts_with("2026-12-07T10:00:27Z ERROR"));
        assert!(!errors.iter().any(|l| l.contains("event 59")));
    }

    #[test]
    fn the_report_says_versions_sync_and_the_crash() {
        let app = AppFacts {
            app_version: "0.1.0".into(),
            tauri_version: "2.12.5".into(),
            webview_version: Some("WebKitGTK 2.48".into()),
            log_dir: "/logs".into(),
            update: Some("up to date".into()),
        };
        let crash = CrashReport { file: "crash-1.txt".into(), note: "Where: src/x.rs:1:2".into() };
        let text = report(
            &app,
            Some("https://api.example.com"),
            None,
            &SyncStatus::signed_out(),
            &["a WARN line".into()],
            Some(&crash),
            Utc::now(),
        );
        for expected in [
            "Arbiter 0.1.0 (Tauri 2.12.5)",
            "Web view: WebKitGTK 2.48",
            "Company API: https://api.example.com",
            "Sync: SignedOut",
            "a WARN line",
            "Last crash (crash-1.txt)",
            "Where: src/x.rs:1:2",
        ] {
            assert!(text.contains(expected), "{expected} in {text}");
        }
    }
}
