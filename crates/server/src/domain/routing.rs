//! The router's work on the server: a round places waiting conversations with agents (the
//! pure `arbiter_policy::routing::route` decides), offers run out, and agents accept or
//! decline. Rounds run in `crate::router` whenever something changed and once a second.

use arbiter_contract::widget::WidgetEvent;
use arbiter_contract::*;
use arbiter_policy::routing::{self, Load, RoutingAgent, Waiting};
use chrono::{DateTime, Duration, Utc};

use crate::error::ApiFailure;
use crate::mutation::{Mutation, Versioned};
use crate::store::entities::put_ticket;
use crate::store::{next_id, reads, routing as store, widget as widget_store, Scope};
use crate::AppState;

/// What one round did (tests and logs).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub offered: Vec<(TicketId, AgentId)>,
    pub assigned: Vec<(TicketId, AgentId)>,
    pub expired: Vec<(TicketId, AgentId)>,
    /// Offers taken back because their agent is no longer online.
    pub withdrawn: Vec<(TicketId, AgentId)>,
    /// Chats whose customer left while they waited: out of the queue, tagged missed.
    pub missed: Vec<TicketId>,
}

/// A chat waiting this long whose widget has been gone `GONE_AFTER` was abandoned by its
/// customer: it leaves the routing queue (no agent is offered a customer who left) and
/// stays unassigned in its team's queue, tagged `missed-chat`, to be followed up by email.
pub const MISSED_AFTER: Duration = Duration::minutes(10);
pub const GONE_AFTER: Duration = Duration::minutes(3);
/// How often an open widget stream says the customer is still there (well inside
/// `GONE_AFTER`).
pub const WIDGET_HEARTBEAT: std::time::Duration = std::time::Duration::from_secs(60);
pub const MISSED_CHAT_TAG: &str = "missed-chat";

/// Who sees an offer live: the agent it is for, and the leads of its queue (the board).
fn offer_scopes(offer: &Offer, ticket: &Ticket) -> Vec<Scope> {
    vec![Scope { agent: Some(offer.agent_id), ..Scope::default() }, Scope::leads_of(&ticket.queue)]
}

/// Runs one routing round at `now`: expired offers go back to the queue, conversations
/// that ended or found an agent leave it, and what can be placed is offered (chats) or
/// assigned (emails).
pub async fn round(state: &AppState, now: DateTime<Utc>) -> Result<Round, sqlx::Error> {
    // Most rounds find nothing to do: they say so from a read, without the write lock.
    {
        let mut conn = state.db.pool.acquire().await?;
        if store::nothing_waiting(&mut conn).await? {
            return Ok(Round::default());
        }
    }
    let mut tx = state.db.begin_write().await?;
    let policy = reads::policy(&mut tx).await?.routing;
    let mut report = Round::default();
    let mut events: Vec<(StreamPayload, Vec<Scope>)> = Vec::new();
    let mut widget_events: Vec<(TicketId, WidgetEvent)> = Vec::new();

    let mut open = Vec::new();
    let offers = store::open_offers(&mut tx).await?;
    // An agent who went away, busy or offline stops receiving at once: their offers go back
    // (not passed over: back online, they may be offered the chat again).
    let present: Vec<AgentId> = if offers.is_empty() {
        Vec::new()
    } else {
        store::all_agents(&mut tx).await?.into_iter().filter(|a| a.presence == Presence::Online).map(|a| a.id).collect()
    };
    for offer in offers {
        if offer.expires_at > now && !present.contains(&offer.agent_id) {
            let Some(ticket) = reads::ticket(&mut tx, offer.ticket_id).await? else { continue };
            let withdrawn = answer(offer, OfferStatus::Withdrawn, now);
            store::put_offer(&mut tx, &withdrawn).await?;
            report.withdrawn.push((withdrawn.ticket_id, withdrawn.agent_id));
            events.push((
                StreamPayload::Offer { offer: withdrawn.clone(), ticket: Box::new(ticket.clone()) },
                offer_scopes(&withdrawn, &ticket),
            ));
            continue;
        }
        if offer.expires_at > now {
            open.push(offer);
            continue;
        }
        let Some(ticket) = reads::ticket(&mut tx, offer.ticket_id).await? else { continue };
        let expired = answer(offer, OfferStatus::Expired, now);
        store::put_offer(&mut tx, &expired).await?;
        store::pass_over(&mut tx, expired.ticket_id, expired.agent_id).await?;
        report.expired.push((expired.ticket_id, expired.agent_id));
        events.push((
            StreamPayload::Offer { offer: expired.clone(), ticket: Box::new(ticket.clone()) },
            offer_scopes(&expired, &ticket),
        ));
    }

    let mut tickets = Vec::new();
    let mut queued = Vec::new();
    for entry in store::queued(&mut tx).await? {
        let ticket = reads::ticket(&mut tx, entry.ticket_id).await?;
        match ticket {
            Some(ticket) if ticket.status.is_active() && ticket.assignee_id.is_none() => {
                let no_agent_after = Duration::seconds(policy.no_agent_after_seconds);
                if ticket.channel == Channel::Chat
                    && policy.no_agent_after_seconds > 0
                    && now - entry.waiting_since >= no_agent_after
                    && widget_store::mark_no_agent(&mut tx, ticket.id).await?
                {
                    widget_events.push((ticket.id, WidgetEvent::NoAgent));
                }
                if ticket.channel == Channel::Chat && now - entry.waiting_since >= MISSED_AFTER {
                    let seen = widget_store::seen_at(&mut tx, ticket.id).await?;
                    if seen.is_none_or(|at| now - at >= GONE_AFTER) {
                        store::dequeue(&mut tx, ticket.id).await?;
                        let mut next = ticket.clone();
                        next.tags.push(MISSED_CHAT_TAG.into());
                        next.updated_at = now;
                        next.version += 1;
                        put_ticket(&mut tx, &next).await?;
                        report.missed.push(next.id);
                        if let Some(offer) = open.iter().position(|o| o.ticket_id == next.id) {
                            let withdrawn = answer(open.remove(offer), OfferStatus::Withdrawn, now);
                            store::put_offer(&mut tx, &withdrawn).await?;
                            events.push((
                                StreamPayload::Offer { offer: withdrawn.clone(), ticket: Box::new(next.clone()) },
                                offer_scopes(&withdrawn, &next),
                            ));
                        }
                        events.push((
                            StreamPayload::TicketUpdated { ticket: next.clone() },
                            vec![Scope::of_ticket(&next)],
                        ));
                        continue;
                    }
                }
                if !open.iter().any(|o| o.ticket_id == ticket.id) {
                    tickets.push(ticket);
                    queued.push(entry);
                }
            }
            _ => {
                // Ended, or an agent has it: it waits no more, and its offer is withdrawn.
                store::dequeue(&mut tx, entry.ticket_id).await?;
                if let Some(offer) = open.iter().position(|o| o.ticket_id == entry.ticket_id) {
                    let withdrawn = answer(open.remove(offer), OfferStatus::Withdrawn, now);
                    store::put_offer(&mut tx, &withdrawn).await?;
                    if let Some(ticket) = ticket {
                        events.push((
                            StreamPayload::Offer { offer: withdrawn.clone(), ticket: Box::new(ticket.clone()) },
                            offer_scopes(&withdrawn, &ticket),
                        ));
                    }
                }
            }
        }
    }

    if !tickets.is_empty() {
        let agents = store::all_agents(&mut tx).await?;
        let loads = store::loads(&mut tx).await?;
        let last = store::last_offered(&mut tx).await?;
        let candidates: Vec<RoutingAgent<'_>> = agents
            .iter()
            .map(|agent| {
                let (chat, email) = loads.get(&agent.id).copied().unwrap_or_default();
                let offered = open.iter().filter(|o| o.agent_id == agent.id).count() as i64;
                let idle_since = last.get(&agent.id).map_or(agent.presence_since, |at| (*at).max(agent.presence_since));
                RoutingAgent { agent, load: Load { chat: chat + offered, email }, idle_since }
            })
            .collect();
        let waiting: Vec<Waiting<'_>> = tickets
            .iter()
            .zip(&queued)
            .map(|(ticket, entry)| Waiting {
                ticket_id: ticket.id,
                channel: ticket.channel,
                queue: &ticket.queue,
                language: &ticket.language,
                topic: ticket.topic.or_else(|| ChatTopic::of_kind(ticket.kind)),
                waiting_since: entry.waiting_since,
                passed_over: &entry.passed_over,
            })
            .collect();
        for decision in routing::route(&policy, &candidates, &waiting, now) {
            let ticket = tickets.iter().find(|t| t.id == decision.ticket_id).expect("routed a waiting ticket");
            let customer_name = reads::customer(&mut tx, ticket.customer_id).await?.map(|c| c.name).unwrap_or_default();
            let offer = Offer {
                id: next_id(&mut tx, "offers").await?,
                ticket_id: ticket.id,
                agent_id: decision.agent_id,
                status: OfferStatus::Offered,
                why: decision.why,
                subject: ticket.subject.clone(),
                customer_name,
                language: ticket.language.clone(),
                topic: ticket.topic,
                offered_at: now,
                expires_at: now + Duration::seconds(policy.offer_seconds.max(1)),
                answered_at: None,
                version: 1,
            };
            if ticket.channel == Channel::Chat {
                store::put_offer(&mut tx, &offer).await?;
                report.offered.push((ticket.id, offer.agent_id));
                events.push((
                    StreamPayload::Offer { offer: offer.clone(), ticket: Box::new(ticket.clone()) },
                    offer_scopes(&offer, ticket),
                ));
            } else {
                // An email waits for its agent anyway: it is theirs at once.
                let accepted = answer(offer, OfferStatus::Accepted, now);
                store::put_offer(&mut tx, &accepted).await?;
                let next = assigned(ticket, &accepted, now);
                put_ticket(&mut tx, &next).await?;
                store::dequeue(&mut tx, ticket.id).await?;
                report.assigned.push((ticket.id, accepted.agent_id));
                events.push((
                    StreamPayload::Assignment { ticket: next.clone() },
                    vec![Scope::of_ticket(ticket), Scope::of_ticket(&next)],
                ));
            }
        }
    }
    tx.commit().await?;
    for (payload, scopes) in events {
        state.hub.publish(payload, scopes);
    }
    for (chat, event) in widget_events {
        state.hub.tell_widgets(chat, event);
    }
    Ok(report)
}

/// The offer answered (`status`) at `now`.
fn answer(mut offer: Offer, status: OfferStatus, now: DateTime<Utc>) -> Offer {
    offer.status = status;
    offer.answered_at = Some(now);
    offer.version += 1;
    offer
}

/// The ticket as the agent who accepted its offer has it.
fn assigned(ticket: &Ticket, offer: &Offer, now: DateTime<Utc>) -> Ticket {
    let mut next = ticket.clone();
    next.assignee_id = Some(offer.agent_id);
    next.routed = Some(offer.why.clone());
    if next.status == TicketStatus::New {
        next.status = TicketStatus::Open;
    }
    next.updated_at = now;
    next.version += 1;
    next
}

impl Versioned for Offer {
    fn version(&self) -> i64 {
        self.version
    }
    fn stale(&self, base: i64) -> ApiFailure {
        ApiFailure::unprocessable(format!("the offer changed (version {} after {base})", self.version))
    }
}

/// The caller's offer, still open; 404 for anyone else's (it is not theirs to see), 409
/// when it was already answered or ran out.
async fn own_open_offer(m: &mut Mutation, offer_id: i64) -> Result<(Offer, Ticket), ApiFailure> {
    let offer = store::offer(&mut m.tx, offer_id)
        .await?
        .filter(|o| o.agent_id == m.caller.id())
        .ok_or_else(|| ApiFailure::not_found(format!("offer {offer_id} does not exist")))?;
    let ticket = reads::ticket(&mut m.tx, offer.ticket_id)
        .await?
        .ok_or_else(|| ApiFailure::not_found(format!("offer {offer_id} does not exist")))?;
    if offer.status != OfferStatus::Offered || offer.expires_at <= m.now {
        let said = if offer.status == OfferStatus::Offered { "ran out" } else { "was already answered" };
        return Err(ApiFailure::conflict(Entity::Ticket(ticket), format!("offer {offer_id} {said}")));
    }
    // Taken by someone else meanwhile (by hand, or by answering it), or ended by the
    // customer: the next round withdraws the offer; until then it cannot be accepted.
    if ticket.assignee_id.is_some() || !ticket.status.is_active() {
        return Err(ApiFailure::conflict(
            Entity::Ticket(ticket),
            format!("the chat of offer {offer_id} was taken or ended"),
        ));
    }
    Ok((offer, ticket))
}

/// The agent takes the offered conversation: it is theirs, and the customer hears that
/// they joined.
pub async fn accept(m: &mut Mutation, offer_id: i64) -> Result<Offer, ApiFailure> {
    let (offer, ticket) = own_open_offer(m, offer_id).await?;
    let accepted = answer(offer, OfferStatus::Accepted, m.now);
    store::put_offer(&mut m.tx, &accepted).await?;
    let next = assigned(&ticket, &accepted, m.now);
    put_ticket(&mut m.tx, &next).await?;
    store::dequeue(&mut m.tx, ticket.id).await?;
    m.audit("offer.accept", "ticket", ticket.id, Some(&ticket), Some(&next)).await?;
    m.publish(
        StreamPayload::Offer { offer: accepted.clone(), ticket: Box::new(next.clone()) },
        offer_scopes(&accepted, &next),
    );
    m.publish(
        StreamPayload::Assignment { ticket: next.clone() },
        vec![Scope::of_ticket(&ticket), Scope::of_ticket(&next)],
    );
    m.tell_customer(ticket.id, WidgetEvent::AgentJoined { agent_name: m.caller.agent.name.clone() });
    Ok(accepted)
}

/// The agent passes: the conversation goes to the next agent, never back to them.
pub async fn decline(m: &mut Mutation, offer_id: i64) -> Result<Offer, ApiFailure> {
    let (offer, ticket) = own_open_offer(m, offer_id).await?;
    let declined = answer(offer, OfferStatus::Declined, m.now);
    store::put_offer(&mut m.tx, &declined).await?;
    store::pass_over(&mut m.tx, ticket.id, declined.agent_id).await?;
    m.audit("offer.decline", "ticket", ticket.id, None::<&Ticket>, None).await?;
    m.publish(
        StreamPayload::Offer { offer: declined.clone(), ticket: Box::new(ticket.clone()) },
        offer_scopes(&declined, &ticket),
    );
    Ok(declined)
}

/// Withdraws the open offer of a conversation that ended or was taken (in `tx`); the event to
/// publish after the commit, if there was one.
pub(crate) async fn withdraw_offer_of(
    tx: &mut crate::db::Tx,
    ticket: &Ticket,
    now: DateTime<Utc>,
) -> Result<Option<(StreamPayload, Vec<Scope>)>, sqlx::Error> {
    let Some(offer) = store::open_offer_of_ticket(tx, ticket.id).await? else { return Ok(None) };
    let withdrawn = answer(offer, OfferStatus::Withdrawn, now);
    store::put_offer(tx, &withdrawn).await?;
    let scopes = offer_scopes(&withdrawn, ticket);
    Ok(Some((StreamPayload::Offer { offer: withdrawn, ticket: Box::new(ticket.clone()) }, scopes)))
}

/// The caller's offers still waiting for an answer (a desk asks when it (re)connects).
pub async fn open_offers(state: &AppState, agent_id: AgentId) -> Result<Vec<Offer>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(store::open_offers_of(&mut conn, agent_id).await?)
}

/// The agent has seen a chat up to `up_to`: its widget shows the customer's messages up to
/// there as read. Only the widget's chats keep a mark; for others this changes nothing.
pub async fn seen(
    state: &AppState,
    caller: &crate::auth::Caller,
    ticket_id: TicketId,
    up_to: MessageId,
) -> Result<(), ApiFailure> {
    let mut tx = state.db.begin_write().await?;
    super::access::ticket(&mut tx, caller, ticket_id).await?;
    let moved = widget_store::mark_read(&mut tx, ticket_id, up_to).await?;
    tx.commit().await?;
    if moved {
        state.hub.tell_widgets(ticket_id, WidgetEvent::Read { up_to });
    }
    Ok(())
}
