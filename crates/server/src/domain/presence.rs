//! Agents' presence (online, away, busy, offline), seen by everyone live.

use arbiter_contract::*;

use crate::error::ApiFailure;
use crate::mutation::Mutation;
use crate::store::entities::put_agent;
use crate::store::Scope;

/// Sets the caller's presence; unchanged presence changes nothing.
pub async fn set(m: &mut Mutation, body: &SetPresence) -> Result<Agent, ApiFailure> {
    let before = m.caller.agent.clone();
    let mut agent = before.clone();
    if agent.presence != body.presence {
        agent.presence = body.presence;
        agent.presence_since = m.now;
        put_agent(&mut m.tx, &agent).await?;
        m.audit("agent.presence", "agent", agent.id, Some(&Entity::Agent(before)), Some(&Entity::Agent(agent.clone())))
            .await?;
        m.publish(
            StreamPayload::Presence { agent_id: agent.id, presence: agent.presence, since: agent.presence_since },
            vec![Scope::global()],
        );
    }
    Ok(agent)
}
