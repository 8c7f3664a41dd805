//! Routing as policy data: which conversations are assigned automatically, each agent's
//! capacity and skills, how long an offer waits, and the teams' staffed hours.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{AgentId, TicketKind};

/// What a customer says the chat is about (the widget's pre-chat form). It picks the queue
/// and the skill an agent needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChatTopic {
    DepositWithdrawal,
    CardPayment,
    Trade,
    P2p,
    AccountSecurity,
    Other,
}

impl ChatTopic {
    pub const ALL: [ChatTopic; 6] = [
        ChatTopic::DepositWithdrawal,
        ChatTopic::CardPayment,
        ChatTopic::Trade,
        ChatTopic::P2p,
        ChatTopic::AccountSecurity,
        ChatTopic::Other,
    ];

    /// The skill an email of this kind needs (emails have no pre-chat topic); `None` when
    /// any agent of the queue can take it.
    pub fn of_kind(kind: TicketKind) -> Option<ChatTopic> {
        match kind {
            TicketKind::CardChargeback => Some(ChatTopic::CardPayment),
            TicketKind::TradeDispute => Some(ChatTopic::Trade),
            TicketKind::P2pDispute => Some(ChatTopic::P2p),
            TicketKind::FraudClaim => Some(ChatTopic::AccountSecurity),
            TicketKind::Inquiry | TicketKind::Complaint => None,
        }
    }
}

/// How many conversations of each channel an agent works at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChannelCapacity {
    pub chat: i64,
    pub email: i64,
}

/// One agent's routing settings; agents without an entry get the default capacity and
/// every topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentRouting {
    pub agent_id: AgentId,
    pub capacity: ChannelCapacity,
    /// The topics the agent is skilled for; empty means every topic. (Languages are the
    /// agent's own `languages`.)
    pub topics: Vec<ChatTopic>,
}

/// Which agent a conversation goes to when several can take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoutingStrategy {
    /// The one who has waited longest since they were last given work.
    LongestIdle,
    /// The one with the most free places for the channel.
    MostSpareCapacity,
}

/// The queue a topic's chats go to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicQueue {
    pub topic: ChatTopic,
    pub queue: String,
}

/// A weekly opening span in the team's time zone, e.g. Monday 08:00–20:00. `closes` at or
/// before `opens` runs past midnight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenSpan {
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub weekday: i64,
    /// `HH:MM`, 24-hour clock.
    pub opens: String,
    pub closes: String,
}

/// When a team is staffed. Teams without hours are staffed around the clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamHours {
    pub team: String,
    /// IANA time zone, e.g. `Europe/Berlin`.
    pub time_zone: String,
    pub weekly: Vec<OpenSpan>,
    /// Whole days the team is closed (holidays), in its time zone.
    pub closed_dates: Vec<NaiveDate>,
}

/// Automatic assignment (issue 17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoutingPolicy {
    /// New chats are offered to agents automatically.
    pub auto_assign_chats: bool,
    /// New emails are assigned automatically (no offer: an email waits for its agent).
    pub auto_assign_emails: bool,
    pub strategy: RoutingStrategy,
    pub default_capacity: ChannelCapacity,
    pub agents: Vec<AgentRouting>,
    pub topic_queues: Vec<TopicQueue>,
    /// A chat offered and not accepted in this many seconds goes to the next agent.
    pub offer_seconds: i64,
    /// After waiting this long, a conversation may go to any agent of its queue even
    /// without its language or topic (0: never).
    pub relax_skills_after_seconds: i64,
    /// A chat nobody accepted in this many seconds: the widget offers to leave a message.
    pub no_agent_after_seconds: i64,
    pub hours: Vec<TeamHours>,
}

impl RoutingPolicy {
    /// The agent's capacity and topics (the defaults when the policy does not name them).
    pub fn agent(&self, agent_id: AgentId) -> (ChannelCapacity, &[ChatTopic]) {
        match self.agents.iter().find(|a| a.agent_id == agent_id) {
            Some(a) => (a.capacity, &a.topics),
            None => (self.default_capacity, &[]),
        }
    }

    /// The queue a topic's chats go to (`general` when the policy does not say).
    pub fn queue_of(&self, topic: ChatTopic) -> &str {
        self.topic_queues.iter().find(|t| t.topic == topic).map_or("general", |t| t.queue.as_str())
    }
}

impl Default for RoutingPolicy {
    /// Chats offered for 30 s to agents with up to 3 chats and 10 emails, any topic;
    /// emails stay with supervisors; skills relax after 2 minutes; staffed 24x7.
    fn default() -> Self {
        let queue = |topic, queue: &str| TopicQueue { topic, queue: queue.into() };
        Self {
            auto_assign_chats: true,
            auto_assign_emails: false,
            strategy: RoutingStrategy::LongestIdle,
            default_capacity: ChannelCapacity { chat: 3, email: 10 },
            agents: Vec::new(),
            topic_queues: vec![
                queue(ChatTopic::DepositWithdrawal, "payments"),
                queue(ChatTopic::CardPayment, "payments"),
                queue(ChatTopic::Trade, "disputes"),
                queue(ChatTopic::P2p, "p2p"),
                queue(ChatTopic::AccountSecurity, "fraud"),
                queue(ChatTopic::Other, "general"),
            ],
            offer_seconds: 30,
            relax_skills_after_seconds: 120,
            no_agent_after_seconds: 180,
            hours: Vec::new(),
        }
    }
}

/// Why the router gave a conversation to an agent (shown to the agent and supervisors).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoutingReason {
    pub strategy: RoutingStrategy,
    /// The agent speaks the conversation's language.
    pub language_matched: bool,
    /// The agent is skilled for its topic (false when it has none).
    pub topic_matched: bool,
    /// It had waited past the relaxing time, and nobody with the skills was free.
    pub skills_relaxed: bool,
    /// The agent's open conversations of the channel before this one, and their capacity.
    pub load_before: i64,
    pub capacity: i64,
    /// How long the agent had been without new work.
    pub idle_seconds: i64,
    /// How long the customer had waited.
    pub waited_seconds: i64,
}

/// Where an offer of a conversation to an agent stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfferStatus {
    /// Waiting for the agent to accept, until `expires_at`.
    Offered,
    Accepted,
    Declined,
    /// Not accepted in time: it went to the next agent.
    Expired,
    /// The conversation ended or was taken otherwise before the agent answered.
    Withdrawn,
}

/// A conversation the router offered to one agent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Offer {
    pub id: i64,
    pub ticket_id: super::TicketId,
    pub agent_id: AgentId,
    pub status: OfferStatus,
    pub why: RoutingReason,
    /// What the agent's card shows before they accept: the conversation's subject, the
    /// customer's name, its language and topic.
    pub subject: String,
    pub customer_name: String,
    pub language: String,
    pub topic: Option<ChatTopic>,
    pub offered_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub answered_at: Option<chrono::DateTime<chrono::Utc>>,
    pub version: i64,
}
