//! The Tauri shell: wires the desk core (crates/desk) to the window. Commands are one-line
//! calls into the desk; the desk's pushes become typed Tauri events.

pub mod bindings;
pub mod commands;
mod deep_links;
mod events;
mod logging;
mod notifications;
mod pictures;
#[cfg(target_os = "linux")]
mod rendering;
mod updates;
#[cfg(target_os = "linux")]
mod web_memory;
mod window_state;

use std::sync::Arc;

use arbiter_desk::{Desk, DeskPaths, KeyringStore};
use tauri::Manager;

pub fn run() {
    #[cfg(target_os = "linux")]
    let compositing_off = rendering::choose();
    #[cfg(target_os = "linux")]
    let lean_javascript = web_memory::choose();

    let specta = bindings::builder();
    tauri::Builder::default()
        // First, so a second launch hands its arguments (an arbiter:// link) to this one and
        // exits before building anything.
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| deep_links::second_launch(app, args)))
        .plugin(tauri_plugin_deep_link::init())
        .plugin(window_state::plugin())
        .plugin(tauri_plugin_dialog::init())
        .plugin(updates::plugin())
        .invoke_handler(specta.invoke_handler())
        .register_asynchronous_uri_scheme_protocol(pictures::SCHEME, pictures::serve)
        .setup(move |app| {
            let log_dir = app.path().app_log_dir()?;
            logging::init(&log_dir);
            logging::write_crash_notes(log_dir.clone(), app.package_info().version.to_string());
            #[cfg(target_os = "linux")]
            if compositing_off {
                tracing::info!(
                    "no GPU render node: the window draws without compositing (set {}=0 to keep it)",
                    rendering::DISABLE_COMPOSITING
                );
            }
            #[cfg(target_os = "linux")]
            {
                if lean_javascript {
                    tracing::info!(
                        "the window's JavaScript runs lean ({}=false keeps the default)",
                        web_memory::LEAN_JAVASCRIPT
                    );
                }
                if let Some(window) = app.get_webview_window("main") {
                    web_memory::cache_as_document_viewer(&window);
                }
            }
            tracing::info!(version = %app.package_info().version, "Arbiter starting");
            app.manage(commands::diagnostics::LogDir(log_dir));
            #[cfg(debug_assertions)]
            logging::panic_if_asked();
            specta.mount_events(app);
            deep_links::listen(app);
            window_state::save_when_settled(app);
            // A desktop without a tray host still runs the app; the count then shows only
            // where the desktop has badges.
            if let Err(error) = notifications::create_tray(app) {
                tracing::warn!(%error, "no tray icon");
            }
            let paths = DeskPaths { config_dir: app.path().app_config_dir()?, data_dir: app.path().app_data_dir()? };
            let managed = arbiter_desk::managed::load();
            updates::start(app, &managed);
            let desk =
                Desk::new(paths, Arc::new(KeyringStore), Arc::new(events::TauriEvents::new(app.handle().clone())))
                    .with_managed(managed);
            app.manage(desk.clone());
            // Opening the cache takes milliseconds; signing in from the provisioning
            // environment may wait on the network, so it happens in the background and
            // the `session` command waits for it.
            tauri::async_runtime::spawn(async move {
                if let Err(error) = desk.start().await {
                    tracing::error!(%error, "the desk could not start its session");
                }
            });
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running Arbiter");
}
