//! The agent writes first: a new email conversation with a customer, through the outbox like
//! a reply (offline it waits there; the ticket appears when the server has made it).

use arbiter_cache::{Action, OutboxItem};
use arbiter_contract::{OutgoingFile, TeamKind};
use arbiter_text::Msg;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::conversation::{text, Writing, SUBJECT_MAX_CHARS};
use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;

/// What the agent writes in the new-email form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NewEmail {
    pub customer_id: i64,
    /// The ticket it was written from, if any (a refusal shows there).
    pub from_ticket: Option<i64>,
    pub queue: String,
    pub subject: String,
    pub body: String,
    /// Files kept by `prepare_file` first.
    pub files: Vec<OutgoingFile>,
}

impl Desk {
    /// The support queues the agent may start a conversation in: their home team first.
    pub async fn email_queues(&self) -> Result<Vec<String>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let agent = self.session_info().await.map(|info| info.agent).ok_or_else(crate::desk::not_signed_in)?;
        let support: Vec<String> =
            cache.teams().await?.into_iter().filter(|t| t.kind == TeamKind::Support).map(|t| t.id).collect();
        // Before the teams have synced, the agent's own teams are all there is to go by.
        Ok(agent.teams.into_iter().filter(|t| support.is_empty() || support.contains(t)).collect())
    }

    /// Queues a new email conversation with the files attached to it (see `prepare_file`).
    pub async fn start_email(&self, email: NewEmail, client_key: &str) -> Result<OutboxItem, DeskError> {
        let subject = email.subject.trim();
        if subject.is_empty() || subject.chars().count() > SUBJECT_MAX_CHARS {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::SUBJECT_LENGTH).int("max", SUBJECT_MAX_CHARS as i64),
            ));
        }
        let body = text(&email.body, Writing::Reply)?;
        let (cache, _) = self.cache_and_me().await?;
        let customer = cache
            .customer(email.customer_id)
            .await?
            .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::CUSTOMER_NOT_CACHED)))?;
        if !customer.email.contains('@') {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::CUSTOMER_NO_EMAIL).text("name", customer.name),
            ));
        }
        let queues = self.email_queues().await?;
        let queue = email.queue.trim().to_ascii_lowercase();
        if !queues.contains(&queue) {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::NOT_YOUR_QUEUE).text("queues", queues.join(", ")),
            ));
        }
        crate::outgoing_files::hold_files(&cache, &email.files).await?;
        let action = Action::StartEmail {
            ticket_id: email.from_ticket,
            customer_id: customer.id,
            queue,
            subject: subject.to_owned(),
            body,
            files: email.files,
        };
        self.queue(client_key, action).await
    }
}
