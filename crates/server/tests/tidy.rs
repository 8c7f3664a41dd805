//! The server's shape, checked: HTTP handlers parse, call one domain function and present;
//! domain functions own the rules; SQL lives only in `store` (and the runners beside it);
//! the mutation frame alone looks up idempotent replays and checks `If-Match`.

use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let mut found = Vec::new();
    let mut pending = vec![root];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("read source dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read source");
                found.push((path, text));
            }
        }
    }
    assert!(!found.is_empty(), "no sources under src/{dir}");
    found
}

/// Lines that are code, not comments.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l)).filter(|(_, l)| !l.trim_start().starts_with("//"))
}

/// SQL in a line of Rust: a query call or a statement keyword inside a string.
fn sql_in(line: &str) -> Option<&'static str> {
    const CALLS: [&str; 5] = ["sqlx::query", "query_scalar(", "query_as(", ".execute(", ".fetch_"];
    const KEYWORDS: [&str; 7] =
        ["\"SELECT ", "\"INSERT ", "\"UPDATE ", "\"DELETE ", "\"CREATE ", "\"ALTER ", "\"WITH "];
    CALLS.iter().chain(KEYWORDS.iter()).find(|needle| line.contains(*needle)).copied()
}

fn offences(dirs: &[&str], what: impl Fn(&str) -> Option<&'static str>) -> Vec<String> {
    let mut found = Vec::new();
    for dir in dirs {
        for (path, text) in sources(dir) {
            for (number, line) in code_lines(&text) {
                if let Some(needle) = what(line) {
                    found.push(format!("{}:{number}: {needle:?} in `{}`", path.display(), line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn no_sql_in_handlers_or_domain() {
    let found = offences(&["http", "domain"], sql_in);
    assert!(found.is_empty(), "SQL belongs in src/store; found:\n{}", found.join("\n"));
}

#[test]
fn handlers_leave_replay_and_versions_to_the_mutation_frame() {
    let found = offences(&["http", "domain"], |line| {
        ["Mutation::begin", "idempotency::", ".version != base", "!= base", ".finish("]
            .into_iter()
            .find(|needle| line.contains(needle))
    });
    assert!(found.is_empty(), "replay and If-Match checks live in src/mutation.rs; found:\n{}", found.join("\n"));
}

#[test]
fn every_mutation_handler_runs_in_the_frame() {
    // A handler taking an Idempotency-Key mutates; it must run its work through the frame.
    let mut found = Vec::new();
    for (path, text) in sources("http") {
        for handler in text.split("pub async fn ").skip(1) {
            let body = handler.split("\n}\n").next().unwrap_or(handler);
            if body.contains("IdempotencyKey") && !body.contains("Mutation::run") {
                let name = body.split('(').next().unwrap_or("?");
                found.push(format!("{}: {name}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "mutations that skip Mutation::run:\n{}", found.join("\n"));
}

#[test]
fn the_checks_see_what_they_look_for() {
    assert_eq!(sql_in(r#"let x = sqlx::query("SELECT 1");"#), Some("sqlx::query"));
    assert_eq!(sql_in(r#"list(conn, "SELECT data FROM t", vec![])"#), Some("\"SELECT "));
    assert_eq!(sql_in("let selected = tickets.select();"), None);
}
