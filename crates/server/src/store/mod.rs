//! Reading and writing the support domain. Every entity write also records the entity in
//! the change feed, in the same transaction and with the scope that says who may see it,
//! so the feed can never miss or invent a change.

pub mod alerts;
pub mod audit;
pub mod controls;
pub mod documents;
pub mod entities;
pub mod feed;
pub mod feed_lists;
pub mod files;
pub mod handovers;
pub mod idempotency;
pub mod links;
pub mod mail;
pub mod outbound;
pub mod outgoing_files;
pub mod reads;
pub mod rescope;
pub mod routing;
pub mod rows;
pub mod scope;
pub mod screening;
pub mod service_history;
pub mod stream_events;
pub mod widget;

pub use rows::{next_id, Val};
pub use scope::{Scope, Visibility};
