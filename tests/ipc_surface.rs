//! One IPC surface: the commands the window may call are named once (`src-tauri/commands/
//! list.rs`); the bindings builder registers exactly those, `capabilities/main.json` grants
//! exactly those, and each is a function of a module under `src-tauri/commands/`.

use std::collections::BTreeSet;

use arbiter_app::commands::COMMANDS;

fn listed() -> BTreeSet<String> {
    let names: BTreeSet<String> = COMMANDS.iter().map(|c| (*c).to_owned()).collect();
    assert_eq!(names.len(), COMMANDS.len(), "a command is listed twice");
    names
}

fn source(relative: &str) -> String {
    std::fs::read_to_string(format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"))).expect("read source")
}

/// The command names the generated bindings invoke: `__TAURI_INVOKE("name"` or, for
/// commands that cannot fail, `__TAURI_INVOKE<Type>("name"`.
fn invoked_in_bindings() -> BTreeSet<String> {
    let bindings = arbiter_app::bindings::typescript();
    bindings
        .split("__TAURI_INVOKE")
        .skip(1)
        .filter_map(|rest| {
            let call = rest.split_once('(')?.1;
            call.strip_prefix('"').map(|name| name.split('"').next().unwrap_or_default().to_owned())
        })
        .collect()
}

#[test]
fn the_builder_registers_exactly_the_listed_commands() {
    assert_eq!(invoked_in_bindings(), listed());
}

#[test]
fn the_window_is_granted_exactly_the_listed_commands() {
    let capability: serde_json::Value = serde_json::from_str(&source("src-tauri/capabilities/main.json")).unwrap();
    let permissions: Vec<&str> =
        capability["permissions"].as_array().expect("a permissions list").iter().filter_map(|p| p.as_str()).collect();
    let granted: BTreeSet<String> = permissions
        .iter()
        .filter(|p| !p.contains(':'))
        .map(|p| p.strip_prefix("allow-").expect("app permissions are allow-<command>").replace('-', "_"))
        .collect();
    assert_eq!(granted, listed());
    // Beyond the app's own commands: events, asking the OS for attention (chats), and the
    // save dialog (where a report copy or an export goes). Nothing else.
    let others: Vec<&str> = permissions.into_iter().filter(|p| p.contains(':')).collect();
    assert_eq!(
        others,
        [
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "core:window:allow-request-user-attention",
            "dialog:allow-save"
        ]
    );
}

#[test]
fn every_listed_command_is_a_command_function_and_every_command_function_is_listed() {
    let dir = format!("{}/src-tauri/commands", env!("CARGO_MANIFEST_DIR"));
    let mut defined = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for block in text.split("#[tauri::command]").skip(1) {
            let name = block
                .lines()
                .find_map(|l| l.trim().strip_prefix("pub async fn ").or_else(|| l.trim().strip_prefix("pub fn ")))
                .and_then(|l| l.split('(').next())
                .unwrap_or_else(|| panic!("a #[tauri::command] without a function in {}", path.display()));
            assert!(defined.insert(name.to_owned()), "{name} is defined twice");
        }
    }
    assert_eq!(defined, listed());
}

#[test]
fn commands_that_touch_files_do_not_block_the_window() {
    // Synchronous commands run on the main thread: nothing that writes a file may be one.
    for (file, name) in [("preferences.rs", "set_do_not_disturb"), ("analytics.rs", "export_png")] {
        let text = source(&format!("src-tauri/commands/{file}"));
        assert!(text.contains(&format!("pub async fn {name}(")), "{name} must be async");
    }
}
