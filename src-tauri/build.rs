// Each app command gets an `allow-<command>` permission; capabilities/main.json grants the
// main window exactly these, so the IPC surface is the list in commands/list.rs and nothing else.
include!("commands/list.rs");

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
