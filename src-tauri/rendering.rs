//! How the window draws on Linux. WebKitGTK composites the page with OpenGL; on a machine
//! without a GPU (a virtual machine, a VDI or remote-desktop session, Xvfb) that GL is Mesa's
//! software rasteriser, which on the bench cost ≈ 40 ms of every frame and ≈ 100 MB of the web
//! process (docs/PERFORMANCE.md). Such machines draw without compositing. WebKit's own
//! variable still decides when it is set: `WEBKIT_DISABLE_COMPOSITING_MODE=0` keeps
//! compositing, any other value turns it off.

use std::ffi::OsStr;
use std::path::Path;

/// WebKitGTK's switch: set to anything but "0", it draws without compositing.
pub const DISABLE_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Whether to turn compositing off: only when nobody chose (the variable is unset) and the
/// machine has no GPU render node.
pub fn should_disable_compositing(chosen: Option<&OsStr>, has_render_node: bool) -> bool {
    chosen.is_none() && !has_render_node
}

/// Whether `dri` (normally /dev/dri) holds a DRM render node (`renderD128` …): a GPU that GL
/// can draw with.
pub fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri)
        .map(|entries| entries.flatten().any(|entry| entry.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false)
}

/// Sets WebKit's switch when this machine has no GPU. Call first thing, before any thread
/// starts (changing the environment is only sound then) and before the window is made.
/// Says whether it turned compositing off.
#[cfg(target_os = "linux")]
pub fn choose() -> bool {
    let off = should_disable_compositing(
        std::env::var_os(DISABLE_COMPOSITING).as_deref(),
        has_render_node(Path::new("/dev/dri")),
    );
    if off {
        std::env::set_var(DISABLE_COMPOSITING, "1");
    }
    off
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
    fn compositing_goes_off_only_without_a_gpu_and_without_a_choice() {
        assert!(should_disable_compositing(None, false));
        assert!(!should_disable_compositing(None, true));
        assert!(!should_disable_compositing(Some(OsStr::new("0")), false), "IT kept compositing on");
        assert!(!should_disable_compositing(Some(OsStr::new("1")), true), "already off: left as set");
    }

    #[test]
    fn a_render_node_is_a_gpu_a_card_node_alone_or_no_folder_is_not() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!has_render_node(&dir.path().join("missing")));
        std::fs::write(dir.path().join("card0"), "").unwrap();
        assert!(!has_render_node(dir.path()));
        std::fs::write(dir.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dir.path()));
    }
}
