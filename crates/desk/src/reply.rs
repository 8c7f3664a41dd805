//! The agent's actions: each is stored in the outbox first (so it survives going offline,
//! a crash or a restart), shown at once, and sent by the sync loop in order.

use arbiter_cache::{Action, OutboxItem};
use arbiter_contract::{TicketUpdate, REPLY_MAX_CHARS};
use arbiter_policy::teams::INTERNAL_TEAMS;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::events::TicketsChanged;

const SUBJECT_MAX_CHARS: usize = 300;

fn text(body: &str, what: &str) -> Result<String, DeskError> {
    let body = body.trim();
    if body.is_empty() {
        return Err(DeskError::new(ErrorCode::InvalidInput, format!("The {what} is empty.")));
    }
    if body.chars().count() > REPLY_MAX_CHARS {
        return Err(DeskError::new(
            ErrorCode::InvalidInput,
            format!("A {what} may hold at most {REPLY_MAX_CHARS} characters."),
        ));
    }
    Ok(body.to_owned())
}

fn check_key(key: &str) -> Result<&str, DeskError> {
    let key = key.trim();
    if key.is_empty() || key.len() > 255 || !key.chars().all(|c| c.is_ascii_graphic()) {
        return Err(DeskError::new(ErrorCode::InvalidInput, "The action's client key is not valid."));
    }
    Ok(key)
}

impl Desk {
    /// Queues an action under `client_key` (the UI makes one per action and reuses it when
    /// the agent clicks again, so a double click is one action) and wakes the sender.
    pub(crate) async fn queue(&self, client_key: &str, action: Action) -> Result<OutboxItem, DeskError> {
        let key = check_key(client_key)?;
        let (cache, me) = self.cache_and_me().await?;
        let ticket = action.ticket_id();
        // A reply assigns an unassigned ticket to whoever answered, and "Take it" assigns it:
        // the assignment that comes back is not news to the agent.
        let takes = match &action {
            Action::Reply { ticket_id, .. } => Some(*ticket_id),
            Action::UpdateTicket { ticket_id, update, .. } if update.assignee_id == Some(Some(me)) => Some(*ticket_id),
            _ => None,
        };
        if let (Some(ticket_id), Some(session)) = (takes, self.session.read().await.as_ref()) {
            session.alerts.acted_on(ticket_id);
        }
        let item = cache.enqueue(key, &action).await?;
        if let Some(ticket) = ticket {
            self.status.events().tickets_changed(&TicketsChanged { ids: vec![ticket] });
        }
        self.refresh_outbox_counts().await;
        if let Some(sync) = self.session.read().await.as_ref().and_then(|s| s.sync.as_ref()) {
            sync.wake();
        }
        Ok(item)
    }

    pub async fn send_reply(&self, ticket_id: i64, body: &str, client_key: &str) -> Result<OutboxItem, DeskError> {
        let body = text(body, "reply")?;
        self.require_ticket(ticket_id).await?;
        self.queue(client_key, Action::Reply { ticket_id, body }).await
    }

    pub async fn add_note(&self, ticket_id: i64, body: &str, client_key: &str) -> Result<OutboxItem, DeskError> {
        let body = text(body, "note")?;
        self.require_ticket(ticket_id).await?;
        self.queue(client_key, Action::Note { ticket_id, body }).await
    }

    /// Changes status, priority, assignee, queue or tags, on the version the agent sees.
    pub async fn update_ticket(
        &self,
        ticket_id: i64,
        update: TicketUpdate,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        if update.is_empty() {
            return Err(DeskError::new(ErrorCode::InvalidInput, "The change is empty."));
        }
        let base_version = self.require_ticket(ticket_id).await?;
        self.queue(client_key, Action::UpdateTicket { ticket_id, base_version, update }).await
    }

    /// Asks an internal team about the ticket in a side conversation of its own.
    pub async fn start_side_conversation(
        &self,
        ticket_id: i64,
        team: &str,
        subject: &str,
        body: &str,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        let team = team.trim().to_ascii_lowercase();
        let teams = self.internal_teams().await?;
        if !teams.contains(&team) {
            return Err(DeskError::new(
                ErrorCode::InvalidInput,
                format!("Side conversations go to {}.", teams.join(", ")),
            ));
        }
        let subject = subject.trim();
        if subject.is_empty() || subject.chars().count() > SUBJECT_MAX_CHARS {
            return Err(DeskError::new(
                ErrorCode::InvalidInput,
                format!("The subject must hold 1 to {SUBJECT_MAX_CHARS} characters."),
            ));
        }
        let body = text(body, "message")?;
        self.require_ticket(ticket_id).await?;
        let action = Action::StartSideConversation { ticket_id, team, subject: subject.to_owned(), body };
        self.queue(client_key, action).await
    }

    /// Writes in one of the ticket's side conversations, closing it if `close`.
    pub async fn post_side_message(
        &self,
        side_conversation_id: i64,
        body: &str,
        close: bool,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        let body = text(body, "message")?;
        let (cache, _) = self.cache_and_me().await?;
        let ticket_id = cache
            .side_conversation_ticket(side_conversation_id)
            .await?
            .ok_or_else(|| DeskError::new(ErrorCode::NotFound, "That side conversation is not in the local copy."))?;
        self.queue(client_key, Action::SideMessage { ticket_id, side_conversation_id, body, close }).await
    }

    /// Takes an escalation: it stops ringing for everyone else. (To take the ticket too, the
    /// UI also assigns it.)
    pub async fn acknowledge_escalation(&self, escalation_id: i64, client_key: &str) -> Result<OutboxItem, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let Some(arbiter_contract::Entity::Escalation(escalation)) =
            cache.entity(arbiter_contract::EntityKind::Escalation, escalation_id).await?
        else {
            return Err(DeskError::new(ErrorCode::NotFound, "That escalation is not in the local copy."));
        };
        if escalation.status != arbiter_contract::EscalationStatus::Open {
            return Err(DeskError::new(ErrorCode::InvalidInput, "That escalation was already taken."));
        }
        let action = Action::AcknowledgeEscalation {
            escalation_id,
            ticket_id: escalation.ticket_id,
            base_version: escalation.version,
        };
        self.queue(client_key, action).await
    }

    /// The internal teams a side conversation can go to: the server's (as synced), in the
    /// contract's order, or the contract's own before the teams have synced.
    pub async fn internal_teams(&self) -> Result<Vec<String>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let mut teams: Vec<String> = cache
            .teams()
            .await?
            .into_iter()
            .filter(|t| t.kind == arbiter_contract::TeamKind::Internal)
            .map(|t| t.id)
            .collect();
        if teams.is_empty() {
            return Ok(INTERNAL_TEAMS.iter().map(|t| (*t).to_owned()).collect());
        }
        let rank = |t: &String| INTERNAL_TEAMS.iter().position(|known| known == t).unwrap_or(INTERNAL_TEAMS.len());
        teams.sort_by_key(|t| (rank(t), t.clone()));
        Ok(teams)
    }

    /// The ticket's server version, or NotFound.
    async fn require_ticket(&self, ticket_id: i64) -> Result<i64, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let view = cache.ticket_view(ticket_id).await?.ok_or_else(|| {
            DeskError::new(ErrorCode::NotFound, format!("Ticket #{ticket_id} is not in the local copy."))
        })?;
        Ok(view.ticket.version)
    }

    /// Actions not confirmed yet, or refused: what the offline banner and conflict dialog show.
    pub async fn outbox(&self) -> Result<Vec<OutboxItem>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        Ok(cache.outbox_open().await?)
    }

    /// Settles a conflict: `keep_mine` sends the agent's change again on the server's current
    /// version (under `new_key`); otherwise the server's version stands and the change goes.
    pub async fn resolve_conflict(&self, id: &str, keep_mine: bool, new_key: &str) -> Result<(), DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let item = cache
            .outbox_item(id)
            .await?
            .ok_or_else(|| DeskError::new(ErrorCode::NotFound, "That action is no longer waiting."))?;
        if keep_mine {
            cache.keep_mine(id, check_key(new_key)?).await?;
        } else {
            cache.discard(id).await?;
        }
        if let Some(ticket) = item.action.ticket_id() {
            self.status.events().tickets_changed(&TicketsChanged { ids: vec![ticket] });
        }
        self.refresh_outbox_counts().await;
        if let Some(sync) = self.session.read().await.as_ref().and_then(|s| s.sync.as_ref()) {
            sync.wake();
        }
        Ok(())
    }

    /// Drops a rejected action the agent has read.
    pub async fn dismiss_action(&self, id: &str) -> Result<(), DeskError> {
        self.resolve_conflict(id, false, "unused").await
    }

    pub(crate) async fn refresh_outbox_counts(&self) {
        let Ok((cache, _)) = self.cache_and_me().await else { return };
        if let Ok(open) = cache.outbox_open().await {
            let pending = open
                .iter()
                .filter(|i| {
                    matches!(i.state, arbiter_cache::OutboxState::Pending | arbiter_cache::OutboxState::Sending)
                })
                .count() as i64;
            let failed = open.len() as i64 - pending;
            self.status.update(|s| {
                s.outbox_pending = pending;
                s.outbox_failed = failed;
            });
        }
    }
}
