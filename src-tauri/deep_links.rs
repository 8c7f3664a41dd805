//! `arbiter://` links reaching the app: the URL it was launched with, one the OS hands over
//! later (macOS), and a second launch's (the single-instance plugin passes its arguments
//! here, then that second process exits). Links wait in `PendingLinks` until the window
//! asks for them (`follow_pending_link`): at start-up the window is not listening yet, and
//! following one needs the signed-in desk.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, Manager};
use tauri_plugin_deep_link::DeepLinkExt;
use tauri_specta::Event;

/// Links kept at most; more in the time the window takes to ask are dropped, oldest first.
const MAX_PENDING: usize = 16;

/// Links received and not yet followed by the window.
#[derive(Default)]
pub struct PendingLinks(Mutex<VecDeque<String>>);

impl PendingLinks {
    pub fn next(&self) -> Option<String> {
        self.0.lock().expect("pending links lock").pop_front()
    }

    fn push(&self, link: String) {
        let mut links = self.0.lock().expect("pending links lock");
        if links.len() == MAX_PENDING {
            links.pop_front();
        }
        links.push_back(link);
    }
}

/// A link is waiting: the window asks for it with `follow_pending_link`.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct LinkArrived;

/// Takes in the links the app was started with and listens for later ones.
pub fn listen(app: &tauri::App) {
    app.manage(PendingLinks::default());
    let handle = app.handle().clone();
    app.deep_link().on_open_url(move |event| {
        for url in event.urls() {
            receive(&handle, url.as_str());
        }
    });
    if let Ok(Some(urls)) = app.deep_link().get_current() {
        for url in urls {
            receive(app.handle(), url.as_str());
        }
    }
    // An installed package registers the scheme with the desktop; a build run from elsewhere
    // (development, a copied binary) registers itself for the agent on Linux and Windows,
    // off the start-up path (on Linux it runs xdg-mime).
    #[cfg(any(target_os = "linux", target_os = "windows"))]
    if tauri::utils::platform::bundle_type().is_none() {
        let handle = app.handle().clone();
        std::thread::spawn(move || {
            if let Err(error) = handle.deep_link().register_all() {
                tracing::warn!(%error, "could not register the arbiter:// scheme");
            }
        });
    }
}

/// A second launch: its `arbiter://` arguments are this instance's links; either way the
/// window comes forward.
pub fn second_launch(app: &AppHandle, args: Vec<String>) {
    crate::notifications::show_window(app);
    for arg in args.iter().skip(1).filter(|a| arbiter_desk::deep_links::looks_like_link(a)) {
        receive(app, arg);
    }
}

fn receive(app: &AppHandle, link: &str) {
    // The link itself names a ticket, not a customer; still, only its length is logged.
    tracing::info!(length = link.len(), "a link arrived");
    if let Some(pending) = app.try_state::<PendingLinks>() {
        pending.push(link.to_owned());
    }
    crate::notifications::show_window(app);
    if let Err(error) = LinkArrived.emit(app) {
        tracing::warn!(%error, "could not tell the window a link arrived");
    }
}
