//! The company API contract, version 1.
//!
//! Every type that crosses the wire between the company API (or our reference server) and
//! the desk lives here, so the server and the client can never disagree about a field.
//! The TypeScript the UI uses is generated from these types (see `src-tauri/bindings.rs`),
//! and the reference server's OpenAPI document from the same types (feature `openapi`).

pub mod codec;
pub mod defaults;
pub mod entities;
pub mod errors;
pub mod feed;
pub mod letters;
pub mod reports;
pub mod requests;
pub mod stream;
pub mod updates;
pub mod widget;

pub use entities::*;
pub use errors::{ApiError, ErrorCode};
pub use feed::{Change, ChangePage, Entity, EntityKind, Tombstone};
pub use reports::*;
pub use requests::*;
pub use stream::{StreamEvent, StreamPayload};

/// Header that makes a mutation safe to retry: the server stores the first result under
/// this key (per agent) and answers every replay with it.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";

/// Path prefix of API version 1.
pub const API_V1: &str = "/v1";
