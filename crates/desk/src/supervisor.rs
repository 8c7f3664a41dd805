//! The supervisor's live board: the teams they lead right now (backlog by queue and status,
//! the longest-waiting customer, SLA breaches, open escalations, every member's presence and
//! load). It is the server's view of everyone's work, so it is read live, not from the cache.
//! Bulk changes (reassign, move, status, priority, tags) are applied by the server at each
//! ticket's current version, so they happen online, and their answer goes into the cache.

use arbiter_cache::Cache;
use arbiter_client::ApiClient;
use arbiter_contract::{
    AgentRole, BulkFailure, BulkTicketUpdate, Entity, Handover, NewHandover, PolicyUpdate, RoutingPolicy,
    SupervisorOverview, TicketUpdate,
};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::{not_signed_in, Desk};
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

/// The most tickets one bulk action changes (the API's limit).
pub const BULK_LIMIT: usize = 500;

/// What a bulk action did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct BulkOutcome {
    pub updated: Vec<i64>,
    /// Tickets the server would not change, with why.
    pub failed: Vec<BulkFailure>,
}

impl Desk {
    /// The supervisor's live client and cache; agents are refused.
    pub(crate) async fn supervisor_session(&self) -> Result<(ApiClient, Cache), DeskError> {
        let role = self.session.read().await.as_ref().ok_or_else(not_signed_in)?.info.agent.role;
        if role != AgentRole::Supervisor {
            return Err(DeskError::say(ErrorCode::Rejected, Msg::new(&errors::SUPERVISORS_ONLY)));
        }
        self.client_and_cache().await
    }

    /// The routing in force, read live (supervisors edit it on their board).
    pub async fn routing_policy(&self) -> Result<RoutingPolicy, DeskError> {
        let (client, _) = self.supervisor_session().await?;
        Ok(client.policies().await?.routing)
    }

    /// Puts new routing in force, keeping the rest of the policies as the server has them
    /// (re-read, so a colleague's change to the SLA targets is never overwritten). The server
    /// checks it; the new policies go into the cache.
    pub async fn save_routing(
        &self,
        routing: RoutingPolicy,
        idempotency_key: &str,
    ) -> Result<RoutingPolicy, DeskError> {
        let (client, cache) = self.supervisor_session().await?;
        let current = client.policies().await?;
        let update = PolicyUpdate {
            sla: current.sla,
            escalation: current.escalation,
            risk: current.risk,
            routing: Some(routing),
            actions: None,
            disputes: None,
            alerts: None,
        };
        let saved = client.replace_policies(&update, current.version, idempotency_key).await?;
        cache.put_entities(&[Entity::Policy(saved.clone())]).await?;
        Ok(saved.routing)
    }

    pub async fn supervisor_overview(&self) -> Result<SupervisorOverview, DeskError> {
        let (client, _) = self.supervisor_session().await?;
        Ok(client.supervisor_overview().await?)
    }

    /// The mail quarantine of the supervisor's teams' mailboxes, newest first (online only:
    /// the originals stay on the server).
    pub async fn quarantined_mail(
        &self,
        before: Option<i64>,
    ) -> Result<Vec<arbiter_contract::QuarantinedMail>, DeskError> {
        let (client, _) = self.supervisor_session().await?;
        Ok(client.quarantine(before).await?)
    }

    /// Saves a quarantined email exactly as it arrived to `path` (chosen in the save dialog);
    /// the desk never opens it.
    pub async fn save_quarantined_mail(&self, id: i64, path: &str) -> Result<(), DeskError> {
        let (client, _) = self.supervisor_session().await?;
        let bytes = client.quarantined_original(id).await?;
        let path = std::path::PathBuf::from(path);
        crate::file_fetch::blocking(move || crate::reports::write_whole(&path, &bytes)).await?
    }

    /// Applies one change to many tickets (supervisors). `idempotency_key` makes a retried
    /// click harmless. The changed tickets are stored at once, so lists move before the feed.
    pub async fn bulk_update(
        &self,
        ticket_ids: Vec<i64>,
        update: TicketUpdate,
        idempotency_key: &str,
    ) -> Result<BulkOutcome, DeskError> {
        if update.is_empty() {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::CHOOSE_CHANGE)));
        }
        let mut ids = ticket_ids;
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() || ids.len() > BULK_LIMIT {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::SELECT_TICKETS).int("max", BULK_LIMIT as i64),
            ));
        }
        let (client, cache) = self.supervisor_session().await?;
        let result = client.bulk_update(&BulkTicketUpdate { ticket_ids: ids, update }, idempotency_key).await?;
        let entities: Vec<Entity> = result.updated.iter().cloned().map(Entity::Ticket).collect();
        cache.put_entities(&entities).await?;
        Ok(BulkOutcome { updated: result.updated.iter().map(|t| t.id).collect(), failed: result.failed })
    }

    /// The shift handovers of the supervisor's teams, newest first (read live).
    pub async fn handovers(&self) -> Result<Vec<Handover>, DeskError> {
        let (client, _) = self.supervisor_session().await?;
        Ok(client.handovers(None, 30).await?)
    }

    /// Hands a team's shift over; the server adds the team's numbers and work as they stand.
    pub async fn write_handover(&self, handover: NewHandover, idempotency_key: &str) -> Result<Handover, DeskError> {
        if handover.summary.trim().is_empty() {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::HANDOVER_WORDS)));
        }
        let (client, _) = self.supervisor_session().await?;
        Ok(client.create_handover(&handover, idempotency_key).await?)
    }

    /// The next shift takes a handover over.
    pub async fn acknowledge_handover(
        &self,
        handover_id: i64,
        version: i64,
        idempotency_key: &str,
    ) -> Result<Handover, DeskError> {
        let (client, _) = self.supervisor_session().await?;
        Ok(client.acknowledge_handover(handover_id, version, idempotency_key).await?)
    }
}
