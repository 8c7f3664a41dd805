//! The window's size, position and maximised state, restored on start
//! (tauri-plugin-window-state, in the app's config folder). The plugin saves when the app
//! exits normally; the app also saves once the agent has stopped moving or resizing the
//! window for a moment, so a crash, a killed process or a power cut keeps the layout too.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tauri::{Manager, WindowEvent, Wry};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// How long the window must stay put before its state is written.
const SETTLED: Duration = Duration::from_millis(800);

/// Everything but whether it was shown: an app left in the tray comes back with its window.
fn remembered() -> StateFlags {
    StateFlags::all().difference(StateFlags::VISIBLE)
}

pub fn plugin() -> tauri::plugin::TauriPlugin<Wry> {
    tauri_plugin_window_state::Builder::new().with_state_flags(remembered()).build()
}

/// Saves the main window's state once a move or resize has settled.
pub fn save_when_settled(app: &tauri::App) {
    let Some(window) = app.get_webview_window("main") else { return };
    let handle = app.handle().clone();
    let latest = Arc::new(AtomicU64::new(0));
    window.on_window_event(move |event| {
        if !matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
            return;
        }
        let this = latest.fetch_add(1, Ordering::SeqCst) + 1;
        let (handle, latest) = (handle.clone(), latest.clone());
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(SETTLED).await;
            if latest.load(Ordering::SeqCst) == this {
                if let Err(error) = handle.save_window_state(remembered()) {
                    tracing::warn!(%error, "could not save the window's size and position");
                }
            }
        });
    });
}
