use super::prelude::*;
use crate::deep_links::PendingLinks;
use arbiter_desk::LinkTarget;

/// The next `arbiter://` link that arrived, followed: where the window goes, `None` when no
/// link waits, or why it cannot be followed (not a ticket or case link, not in this desk).
#[tauri::command]
#[specta::specta]
pub async fn follow_pending_link(
    desk: State<'_, Desk>,
    pending: State<'_, PendingLinks>,
) -> Result<Option<LinkTarget>> {
    match pending.next() {
        Some(link) => desk.follow_link(&link).await.map(Some),
        None => Ok(None),
    }
}
