//! The use cases of the API and the rules they apply. HTTP handlers parse a request, call
//! one function here, and present its answer; these functions own the rules (what may
//! change, how, who may see it) and leave SQL to `store` and the request frame (replay,
//! `If-Match`, audit, publishing after commit) to `mutation`. The generator and the traffic
//! simulator reuse the same rules.

pub mod access;
pub mod alerts;
pub mod attachments;
pub mod audit;
pub mod cases;
pub mod controls;
pub mod conversation;
pub mod customers;
pub mod documents;
pub mod email;
pub mod escalations;
pub mod feed;
pub mod forwards;
pub mod handovers;
pub mod inbound;
pub mod input;
pub mod mail_intake;
pub mod mail_outbound;
pub mod money;
pub mod new_email;
pub mod overview;
pub mod policies;
pub mod presence;
pub mod quarantine;
pub mod routing;
pub mod sars;
pub mod screening;
pub mod service_report;
pub mod tickets;
pub mod widget;
pub mod widget_identity;

pub use email::{escape_html, text_to_email_html};
