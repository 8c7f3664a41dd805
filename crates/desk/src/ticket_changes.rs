//! Changing a ticket (status, priority, assignee, queue, tags) and taking an escalation, on
//! the version the agent sees; both go through the outbox.

use arbiter_cache::{Action, OutboxItem};
use arbiter_contract::TicketUpdate;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

impl Desk {
    /// Changes status, priority, assignee, queue or tags, on the version the agent sees.
    pub async fn update_ticket(
        &self,
        ticket_id: i64,
        update: TicketUpdate,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        if update.is_empty() {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::CHANGE_EMPTY)));
        }
        let base_version = self.require_ticket(ticket_id).await?;
        self.queue(client_key, Action::UpdateTicket { ticket_id, base_version, update }).await
    }

    /// Takes an escalation: it stops ringing for everyone else. (To take the ticket too, the
    /// UI also assigns it.)
    pub async fn acknowledge_escalation(&self, escalation_id: i64, client_key: &str) -> Result<OutboxItem, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let Some(arbiter_contract::Entity::Escalation(escalation)) =
            cache.entity(arbiter_contract::EntityKind::Escalation, escalation_id).await?
        else {
            return Err(DeskError::say(ErrorCode::NotFound, Msg::new(&errors::ESCALATION_NOT_CACHED)));
        };
        if escalation.status != arbiter_contract::EscalationStatus::Open {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::ESCALATION_TAKEN)));
        }
        let action = Action::AcknowledgeEscalation {
            escalation_id,
            ticket_id: escalation.ticket_id,
            base_version: escalation.version,
        };
        self.queue(client_key, action).await
    }

    /// The ticket's server version, or NotFound.
    pub(crate) async fn require_ticket(&self, ticket_id: i64) -> Result<i64, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let view = cache.ticket_view(ticket_id).await?.ok_or_else(|| {
            DeskError::say(ErrorCode::NotFound, Msg::new(&errors::TICKET_NOT_CACHED).int("id", ticket_id))
        })?;
        Ok(view.ticket.version)
    }
}
