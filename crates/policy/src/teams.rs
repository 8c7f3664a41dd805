//! The internal teams an agent can ask about a ticket in a side conversation.

/// The contract's internal teams, in the order the desk offers them. A company's API may
/// know more; the server checks against its own teams, the desk against the synced ones.
pub const INTERNAL_TEAMS: [&str; 5] = ["product", "marketing", "compliance", "risk", "payments"];

/// Whether `team` is one of the contract's internal teams.
pub fn is_internal_team(team: &str) -> bool {
    INTERNAL_TEAMS.contains(&team)
}
