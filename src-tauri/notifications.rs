//! The desk's alerts as desktop notifications (notify-rust). Acting on one brings the
//! window forward on its ticket. One notification per ticket: a newer alert replaces it
//! rather than stacking (freedesktop `replaces_id`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use arbiter_desk::Alert;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, Manager};
use tauri_specta::Event;

/// The agent acted on a notification: show this ticket.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct OpenTicket {
    pub ticket_id: i64,
}

#[derive(Clone)]
pub struct Notifier {
    app: AppHandle,
    /// The notification shown for each alert key, to replace it.
    shown: Arc<Mutex<HashMap<String, u32>>>,
}

impl Notifier {
    pub fn new(app: AppHandle) -> Self {
        Self { app, shown: Arc::default() }
    }

    pub fn show(&self, alert: &Alert) {
        let mut notification = notify_rust::Notification::new();
        notification.appname("Arbiter").summary(&alert.title).body(&alert.body).icon("mail-message-new");
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            notification
                .urgency(if alert.urgent { notify_rust::Urgency::Critical } else { notify_rust::Urgency::Normal })
                .hint(notify_rust::Hint::Category("im.received".into()))
                .hint(notify_rust::Hint::DesktopEntry("arbiter".into()));
            if alert.ticket_id.is_some() {
                notification.action("default", "Open");
            }
            if let Some(id) = self.shown.lock().expect("notifications lock").get(&alert.key) {
                notification.id(*id);
            }
        }
        let (app, shown, key, ticket) = (self.app.clone(), self.shown.clone(), alert.key.clone(), alert.ticket_id);
        // Showing talks to the notification server, and waiting for the agent's action
        // blocks: a thread of its own per notification.
        std::thread::spawn(move || match notification.show() {
            Ok(handle) => {
                #[cfg(all(unix, not(target_os = "macos")))]
                {
                    shown.lock().expect("notifications lock").insert(key, handle.id());
                    handle.wait_for_action(|action| {
                        if action == "default" {
                            if let Some(ticket_id) = ticket {
                                bring_forward(&app, ticket_id);
                            }
                        }
                    });
                }
                #[cfg(not(all(unix, not(target_os = "macos"))))]
                let _ = (handle, app, shown, key, ticket);
            }
            Err(error) => tracing::warn!(%error, "could not show a desktop notification"),
        });
    }
}

/// Shows the window (restored, focused) on `ticket_id`.
fn bring_forward(app: &AppHandle, ticket_id: i64) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if let Err(error) = (OpenTicket { ticket_id }).emit(app) {
        tracing::warn!(%error, "could not ask the window to open the ticket");
    }
}
