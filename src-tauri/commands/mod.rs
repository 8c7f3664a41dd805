//! The IPC surface, by feature (mirroring the desk's modules). Each command is one call into
//! the desk core; errors cross as `DeskError {code, message}`. `list.rs` names every command
//! once; a test keeps the builder, the capabilities and these modules in step with it.

pub mod alerts;
pub mod analytics;
pub mod attachments;
pub mod cases;
pub mod chats;
pub mod controls;
pub mod conversation;
pub mod diagnostics;
pub mod drafts;
pub mod links;
pub mod outbox;
pub mod preferences;
pub mod reports;
pub mod risk;
pub mod service_report;
pub mod session;
pub mod storage;
pub mod supervisor;
pub mod tickets;
pub mod updates;
pub mod views;

include!("list.rs");

/// What every command module uses.
mod prelude {
    pub use arbiter_cache::{ListCursor, SavedView, TicketFilter, TicketListItem, TicketView, ViewCount, ViewKey};
    pub use arbiter_cache::{OutboxItem, SearchQuery, SearchResults, StorageReport};
    pub use arbiter_contract::TicketUpdate;
    pub use arbiter_desk::{Desk, DeskError, SessionInfo, SyncStatus};
    pub use tauri::State;

    pub type Result<T> = std::result::Result<T, DeskError>;
}
