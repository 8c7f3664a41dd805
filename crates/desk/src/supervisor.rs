//! The supervisor's live board: the teams they lead right now (backlog by queue and status,
//! the longest-waiting customer, SLA breaches, open escalations, every member's presence and
//! load). It is the server's view of everyone's work, so it is read live, not from the cache.

use arbiter_contract::{AgentRole, SupervisorOverview};

use crate::desk::{not_signed_in, Desk};
use crate::error::{DeskError, ErrorCode};

impl Desk {
    pub async fn supervisor_overview(&self) -> Result<SupervisorOverview, DeskError> {
        let client = {
            let session = self.session.read().await;
            let session = session.as_ref().ok_or_else(not_signed_in)?;
            if session.info.agent.role != AgentRole::Supervisor {
                return Err(DeskError::new(ErrorCode::Rejected, "The queue board is for supervisors."));
            }
            session.client.clone().ok_or_else(|| {
                DeskError::new(ErrorCode::Unauthorized, "No token is stored for this server. Sign in again.")
            })?
        };
        Ok(client.supervisor_overview().await?)
    }
}
