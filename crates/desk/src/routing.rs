//! Live chats the router offers the agent: the open offers (asked for when the agent looks,
//! then kept current by the stream's `offer` events in the UI), the answer, and the signals
//! a live chat needs from the agent's side (typing, how far they have read).

use arbiter_contract::{Agent, Entity, Offer, Presence};

use crate::desk::Desk;
use crate::error::DeskError;
use crate::events::TicketsChanged;

impl Desk {
    /// Sets the agent's presence: online receives chats; away, busy and offline do not.
    pub async fn set_presence(&self, presence: Presence) -> Result<Agent, DeskError> {
        let (client, _) = self.client_and_cache().await?;
        let key = format!("presence-{}", uuid::Uuid::new_v4());
        let agent = client.set_presence(presence, &key).await?;
        if let Some(session) = self.session.write().await.as_mut() {
            session.info.agent.presence = agent.presence;
            session.info.agent.presence_since = agent.presence_since;
        }
        Ok(agent)
    }

    /// The agent's offers still waiting for an answer (online: an offer is live or nothing).
    pub async fn offers(&self) -> Result<Vec<Offer>, DeskError> {
        let (client, _) = self.client_and_cache().await?;
        Ok(client.my_offers().await?)
    }

    /// Accepts or declines an offer. Accepted, the chat is the agent's at once: its ticket
    /// goes into the cache so it opens before the stream brings it.
    pub async fn answer_offer(&self, offer_id: i64, accept: bool, idempotency_key: &str) -> Result<Offer, DeskError> {
        let (client, cache) = self.client_and_cache().await?;
        let offer = client.answer_offer(offer_id, accept, idempotency_key).await?;
        if accept {
            // The assignment that comes back is the agent's own doing, not news.
            if let Some(session) = self.session.read().await.as_ref() {
                session.alerts.acted_on(offer.ticket_id);
            }
            if let Ok(detail) = client.ticket(offer.ticket_id).await {
                cache.put_entities(&[Entity::Ticket(detail.ticket)]).await?;
                self.status.events().tickets_changed(&TicketsChanged { ids: vec![offer.ticket_id], others: false });
            }
        }
        Ok(offer)
    }

    /// The agent is (or stopped) typing in a conversation; best effort, never queued (a
    /// typing signal from the past means nothing).
    pub async fn typing(&self, ticket_id: i64, typing: bool) -> Result<(), DeskError> {
        let (client, _) = self.client_and_cache().await?;
        Ok(client.typing(ticket_id, typing).await?)
    }

    /// The agent has seen the conversation up to `up_to`; best effort, like typing.
    pub async fn seen(&self, ticket_id: i64, up_to: i64) -> Result<(), DeskError> {
        let (client, _) = self.client_and_cache().await?;
        Ok(client.seen(ticket_id, up_to).await?)
    }
}
