//! The support domain's entities as the API serves them (DOMAIN.md).
//!
//! Ids are server-assigned integers. Times are UTC. Fiat amounts are integer minor units
//! with their ISO 4217 currency; crypto quantities are decimal strings (no float rounding).

mod activity;
mod agents;
mod alerts;
mod audit;
mod cases;
mod controls;
mod customers;
mod disputes;
mod documents;
mod escalations;
mod handovers;
mod knowledge;
mod payments;
mod policies;
mod quarantine;
mod routing;
mod sars;
mod screening;
mod tickets;

pub use activity::*;
pub use agents::*;
pub use alerts::*;
pub use audit::*;
pub use cases::*;
pub use controls::*;
pub use customers::*;
pub use disputes::*;
pub use documents::*;
pub use escalations::*;
pub use handovers::*;
pub use knowledge::*;
pub use payments::*;
pub use policies::*;
pub use quarantine::*;
pub use routing::*;
pub use sars::*;
pub use screening::*;
pub use tickets::*;

pub type AgentId = i64;
pub type CustomerId = i64;
pub type TicketId = i64;
pub type MessageId = i64;
pub type CaseId = i64;
/// A team's slug, which is also its queue's name: `payments`, `fraud`, `compliance`…
pub type TeamId = String;
