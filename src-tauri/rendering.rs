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
