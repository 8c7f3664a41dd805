//! Reading and writing the support domain. Every write of an entity also records it in the
//! change feed, in the same transaction, so the feed can never miss or invent a change.

mod feed;
mod rows;
mod writes;

pub use feed::{read_changes, FeedPage};
pub use rows::{agent_by_id, customer_by_id, messages_of_ticket, ticket_by_id};
pub use writes::{insert_token, put_agent, put_customer, put_message, put_ticket, record_change, token_hash};
