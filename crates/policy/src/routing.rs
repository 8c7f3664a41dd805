//! Automatic assignment: which online agent gets which waiting conversation. A pure function
//! of the routing policy, the agents as they stand and the waiting conversations, so the
//! server's router and the tests (and a supervisor's "why") agree exactly.
//!
//! The rules, in order: the oldest waiting conversation is placed first; an agent can take
//! it when they are online, work for its queue, have a free place for its channel (open
//! conversations plus outstanding offers below their capacity), have not passed on it
//! already, and speak its language and handle its topic. A conversation that has waited past
//! the policy's relaxing time may go to any such agent without the language and topic. Among
//! those who can, the strategy picks (longest idle, or most spare places), then the other
//! criterion, then the lowest id, so every decision is reproducible.

use arbiter_contract::*;
use chrono::{DateTime, Utc};

/// An agent as the router sees them.
#[derive(Debug, Clone)]
pub struct RoutingAgent<'a> {
    pub agent: &'a Agent,
    /// Open conversations (new or open) assigned to them, plus offers waiting on them.
    pub load: Load,
    /// When they were last given work (or came online, if later): idle time counts from here.
    pub idle_since: DateTime<Utc>,
}

/// Conversations an agent holds, per channel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Load {
    pub chat: i64,
    pub email: i64,
}

impl Load {
    pub fn of(&self, channel: Channel) -> i64 {
        match channel {
            Channel::Chat => self.chat,
            Channel::Email => self.email,
        }
    }

    fn add(&mut self, channel: Channel) {
        match channel {
            Channel::Chat => self.chat += 1,
            Channel::Email => self.email += 1,
        }
    }
}

fn capacity_of(capacity: ChannelCapacity, channel: Channel) -> i64 {
    match channel {
        Channel::Chat => capacity.chat,
        Channel::Email => capacity.email,
    }
}

/// A conversation waiting for an agent.
#[derive(Debug, Clone)]
pub struct Waiting<'a> {
    pub ticket_id: TicketId,
    pub channel: Channel,
    pub queue: &'a str,
    /// BCP 47; matched on the primary language (`zh-Hant` is spoken by a `zh` agent).
    pub language: &'a str,
    pub topic: Option<ChatTopic>,
    pub waiting_since: DateTime<Utc>,
    /// Agents who declined it or let its offer run out: never offered it again.
    pub passed_over: &'a [AgentId],
}

/// One conversation placed with one agent, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub ticket_id: TicketId,
    pub agent_id: AgentId,
    pub why: RoutingReason,
}

/// An online agent during one routing round: their settings looked up once.
struct Seat<'a> {
    agent: &'a Agent,
    load: Load,
    idle_since: DateTime<Utc>,
    capacity: ChannelCapacity,
    topics: &'a [ChatTopic],
}

impl Seat<'_> {
    fn spare(&self, channel: Channel) -> i64 {
        capacity_of(self.capacity, channel) - self.load.of(channel)
    }

    fn handles(&self, topic: ChatTopic) -> bool {
        self.topics.is_empty() || self.topics.contains(&topic)
    }
}

/// Places as many waiting conversations as can be placed now. Conversations whose channel
/// the policy does not assign automatically, or that nobody can take, are left waiting.
pub fn route(
    policy: &RoutingPolicy,
    agents: &[RoutingAgent<'_>],
    waiting: &[Waiting<'_>],
    now: DateTime<Utc>,
) -> Vec<Decision> {
    let settings: std::collections::HashMap<AgentId, &AgentRouting> =
        policy.agents.iter().map(|a| (a.agent_id, a)).collect();
    let mut seats: Vec<Seat<'_>> = agents
        .iter()
        .filter(|a| a.agent.presence == Presence::Online)
        .map(|a| {
            let (capacity, topics) = match settings.get(&a.agent.id) {
                Some(s) => (s.capacity, s.topics.as_slice()),
                None => (policy.default_capacity, &[][..]),
            };
            Seat { agent: a.agent, load: a.load, idle_since: a.idle_since, capacity, topics }
        })
        .collect();
    let mut order: Vec<&Waiting<'_>> = waiting.iter().filter(|w| assigns(policy, w.channel)).collect();
    order.sort_by_key(|w| (w.waiting_since, w.ticket_id));
    let mut decisions = Vec::new();
    for conversation in order {
        let waited = (now - conversation.waiting_since).num_seconds().max(0);
        let relaxable = policy.relax_skills_after_seconds > 0 && waited >= policy.relax_skills_after_seconds;
        let chosen = best(policy.strategy, &seats, conversation, true, now).map(|i| (i, false)).or_else(|| {
            if relaxable {
                best(policy.strategy, &seats, conversation, false, now).map(|i| (i, true))
            } else {
                None
            }
        });
        let Some((index, relaxed)) = chosen else { continue };
        let seat = &mut seats[index];
        let why = RoutingReason {
            strategy: policy.strategy,
            language_matched: speaks(seat.agent, conversation.language),
            topic_matched: conversation.topic.is_some_and(|t| seat.handles(t)),
            skills_relaxed: relaxed,
            load_before: seat.load.of(conversation.channel),
            capacity: capacity_of(seat.capacity, conversation.channel),
            idle_seconds: (now - seat.idle_since).num_seconds().max(0),
            waited_seconds: waited,
        };
        decisions.push(Decision { ticket_id: conversation.ticket_id, agent_id: seat.agent.id, why });
        seat.load.add(conversation.channel);
        seat.idle_since = now;
    }
    decisions
}

/// Whether the policy assigns this channel's conversations automatically.
pub fn assigns(policy: &RoutingPolicy, channel: Channel) -> bool {
    match channel {
        Channel::Chat => policy.auto_assign_chats,
        Channel::Email => policy.auto_assign_emails,
    }
}

/// The index of the seat the strategy picks among those who can take `conversation`.
fn best(
    strategy: RoutingStrategy,
    seats: &[Seat<'_>],
    conversation: &Waiting<'_>,
    with_skills: bool,
    now: DateTime<Utc>,
) -> Option<usize> {
    let channel = conversation.channel;
    seats
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.spare(channel) > 0
                && s.agent.teams.iter().any(|t| t == conversation.queue)
                && !conversation.passed_over.contains(&s.agent.id)
                && (!with_skills
                    || (speaks(s.agent, conversation.language) && conversation.topic.is_none_or(|t| s.handles(t))))
        })
        .max_by(|(_, x), (_, y)| {
            let by_idle = (now - x.idle_since).cmp(&(now - y.idle_since));
            let by_spare = x.spare(channel).cmp(&y.spare(channel));
            let (first, second) = match strategy {
                RoutingStrategy::LongestIdle => (by_idle, by_spare),
                RoutingStrategy::MostSpareCapacity => (by_spare, by_idle),
            };
            // `max_by` keeps the last of equals: the lower id must compare greater.
            first.then(second).then(y.agent.id.cmp(&x.agent.id))
        })
        .map(|(i, _)| i)
}

/// Whether the agent speaks the conversation's language (primary subtags compared).
pub fn speaks(agent: &Agent, language: &str) -> bool {
    let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    let wanted = primary(language);
    agent.languages.iter().any(|l| primary(l) == wanted)
}

/// Whether the agent handles the topic (an agent with no topics handles them all).
pub fn handles(policy: &RoutingPolicy, agent_id: AgentId, topic: ChatTopic) -> bool {
    let (_, topics) = policy.agent(agent_id);
    topics.is_empty() || topics.contains(&topic)
}
