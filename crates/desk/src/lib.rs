//! The desk's application core, everything the Tauri shell exposes, testable without a
//! window: sign-in with the token kept in the OS keyring, the local cache, the background
//! sync loop, and sending replies.

mod account_controls;
mod agent_language;
pub mod alerts;
pub mod analytics;
mod approval_evidence;
mod attachments;
mod cases;
mod chats;
mod company_sign_in;
mod compelling_evidence;
mod conversation;
mod credentials;
pub mod deep_links;
mod desk;
pub mod diagnostics;
mod dispute_alerts;
mod drafts;
mod drawn_pages;
mod email;
mod error;
mod events;
mod file_fetch;
mod knowledge;
mod language;
mod links;
mod macros;
pub mod managed;
pub mod messages;
mod new_email;
mod outbox;
mod outgoing_files;
mod paths;
mod preferences;
mod reports;
mod representment;
pub mod risk;
mod routing;
mod sars;
mod service_report;
mod settings;
pub mod single_sign_on;
mod speech;
mod status;
mod storage;
mod supervisor;
mod sync_loop;
mod thread;
mod ticket_changes;
pub mod updates;
mod views;
mod withdrawal_notes;

pub use account_controls::{AccountPanel, ApprovalItem, Suggestion};
pub use analytics::{LossQuery, LossReport, LossRow};
pub use approval_evidence::ApprovalEvidence;
pub use arbiter_cache::DraftKind;
pub use attachments::{AttachmentContent, OpenedAttachment};
pub use cases::{reason_codes, CaseTicket, CaseView, ChecklistLine, ReasonCodeInfo};
pub use chats::ChatUnread;
pub use compelling_evidence::{CompellingEvidence, PaymentLine, PriorLine};
pub use credentials::{CredentialStore, KeyringStore, MemoryStore};
pub use deep_links::LinkTarget;
pub use desk::{Desk, SessionInfo};
pub use dispute_alerts::{AlertDetail, AlertQueue, AlertRow};
pub use error::{DeskError, ErrorCode};
pub use events::Alert;
pub use events::{DeskEvents, NoEvents, SyncState, SyncStatus, TicketsChanged};
pub use knowledge::ArticleHit;
pub use macros::MacroChoice;
pub use managed::ManagedSettings;
pub use new_email::NewEmail;
pub use outgoing_files::PreparedFile;
pub use paths::DeskPaths;
pub use reports::{report_document, EvidenceFile, ReportOutcome};
pub use representment::{ExhibitLine, RepresentmentDraft, RepresentmentOutcome, ReviewLine};
pub use risk::{CustomerRisk, LinkedCustomer};
pub use sars::SarDraft;
pub use supervisor::{BulkOutcome, BULK_LIMIT};

/// Environment variables that sign the desk in at start when it has no session yet, so a
/// deployment script (or the demo) can provision it without anyone typing a token.
pub const SIGN_IN_URL_ENV: &str = "ARBITER_SIGN_IN_URL";
pub const SIGN_IN_TOKEN_ENV: &str = "ARBITER_SIGN_IN_TOKEN";
