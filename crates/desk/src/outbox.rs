//! The outbox, as the agent works it: every action is stored in it first (so it survives
//! going offline, a crash or a restart), shown at once, and sent by the sync loop in order;
//! what the server refused waits here for the agent (keep mine, take theirs, dismiss).

use arbiter_cache::{Action, OutboxItem};

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::events::TicketsChanged;
use crate::messages::errors;
use arbiter_text::Msg;

/// An action's client key (its `Idempotency-Key`): 1–255 visible ASCII characters.
pub(crate) fn check_key(key: &str) -> Result<&str, DeskError> {
    let key = key.trim();
    if key.is_empty() || key.len() > 255 || !key.chars().all(|c| c.is_ascii_graphic()) {
        return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::CLIENT_KEY)));
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
        let changed = match ticket {
            Some(ticket) => TicketsChanged { ids: vec![ticket], others: false },
            // An action about no ticket (an alert's answer): its screen shows it waiting.
            None => TicketsChanged { ids: Vec::new(), others: true },
        };
        self.status.events().tickets_changed(&changed);
        self.refresh_outbox_counts().await;
        if let Some(sync) = self.session.read().await.as_ref().and_then(|s| s.sync.as_ref()) {
            sync.wake();
        }
        Ok(item)
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
            .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::ACTION_GONE)))?;
        if keep_mine {
            cache.keep_mine(id, check_key(new_key)?).await?;
        } else {
            cache.discard(id).await?;
        }
        if let Some(ticket) = item.action.ticket_id() {
            self.status.events().tickets_changed(&TicketsChanged { ids: vec![ticket], others: false });
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

    /// Why the desk cannot restart into a downloaded update now (`composing`: the window
    /// has a reply being written), counting the outbox afresh; `None` when it can.
    pub async fn update_restart_refusal(&self, composing: bool) -> Option<Msg> {
        self.refresh_outbox_counts().await;
        crate::updates::restart_refusal(composing, self.status.get().outbox_pending)
    }

    /// Counts the outbox again for the status the UI shows.
    pub(crate) async fn refresh_outbox_counts(&self) {
        let Ok((cache, _)) = self.cache_and_me().await else { return };
        self.status.refresh_outbox(&cache).await;
    }
}
