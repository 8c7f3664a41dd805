//! What the window's WebKitGTK processes keep in memory. A desk stays open for a whole shift,
//! taking in every message of its queues over the live stream and opening threads of
//! thousands of messages; left to their defaults, sized for a browser on a machine with
//! plenty of memory, the web process grew by ≈ 170 MB over the long-thread bench and never
//! gave it back (docs/PERFORMANCE.md, "The window's memory").

use std::ffi::OsStr;

/// JavaScriptCore's option (read from the environment by the web process) for its lean mode:
/// every collection is a full one and freed memory goes back to the system sooner, where by
/// default the heap may double between collections on a machine with much memory. On the
/// bench, the window with the 5,000-message thread open held 412 MB instead of 507–570, for
/// some ms more on opening the longest threads. `JSC_forceMiniVMMode=false` in the environment keeps the
/// default.
pub const LEAN_JAVASCRIPT: &str = "JSC_forceMiniVMMode";

/// Whether to ask for the lean mode: unless somebody already chose.
pub fn should_lean_javascript(chosen: Option<&OsStr>) -> bool {
    chosen.is_none()
}

/// Sets JavaScriptCore's lean mode for the web process unless the environment chose. Call
/// first thing, before any thread starts (changing the environment is only sound then) and
/// before the window is made. Says whether it set it.
#[cfg(target_os = "linux")]
pub fn choose() -> bool {
    let lean = should_lean_javascript(std::env::var_os(LEAN_JAVASCRIPT).as_deref());
    if lean {
        std::env::set_var(LEAN_JAVASCRIPT, "true");
    }
    lean
}

/// WebKitGTK's caches sized for one app page rather than a browser (its "document viewer"
/// model): no back-forward cache (the page never navigates), no memory kept for decoded
/// resources no longer shown (the pictures of emails scrolled past), and no room in the
/// network process's disk cache, so the remote images an agent lets a customer's email load
/// are not kept in clear under the app's data folder. Set once the window exists.
#[cfg(target_os = "linux")]
pub fn cache_as_document_viewer(window: &tauri::WebviewWindow) {
    let applied = window.with_webview(|webview| {
        use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
        if let Some(context) = webview.inner().context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    });
    if let Err(error) = applied {
        tracing::warn!(%error, "could not size the window's caches");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lean_javascript_unless_it_was_chosen() {
        assert!(should_lean_javascript(None));
        assert!(!should_lean_javascript(Some(OsStr::new("false"))), "IT kept the default");
        assert!(!should_lean_javascript(Some(OsStr::new("true"))), "already set: left as set");
    }
}
