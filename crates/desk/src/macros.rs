//! Macros for the composer: the variant in the customer's language, with placeholders filled
//! from the ticket, the customer and the agent.

use arbiter_cache::TicketView;
use arbiter_contract::{Agent, Macro, TicketStatus};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

/// A macro ready to insert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MacroChoice {
    pub id: i64,
    pub key: String,
    pub title: String,
    /// The language of this variant (the customer's when there is one).
    pub language: String,
    /// The text with placeholders filled; unknown ones are left visible for the agent.
    pub body: String,
    pub set_status: Option<TicketStatus>,
    pub add_tags: Vec<String>,
}

/// The name someone is addressed by: the first word of a Western name, a CJK name whole.
fn first_name(name: &str) -> &str {
    match name.split_whitespace().next() {
        Some(first) if name.contains(' ') => first,
        _ => name.trim(),
    }
}

/// Fills `{{customer.first_name}}`, `{{customer.name}}`, `{{customer.account_id}}`,
/// `{{agent.first_name}}`, `{{agent.name}}` and `{{ticket.id}}`.
pub fn fill(template: &str, view: &TicketView, agent: &Agent) -> String {
    let customer = view.customer.as_ref();
    let value = |name: &str| -> Option<String> {
        Some(match name {
            "customer.first_name" => first_name(&customer?.name).to_owned(),
            "customer.name" => customer?.name.clone(),
            "customer.account_id" => customer?.account_id.clone(),
            "agent.first_name" => first_name(&agent.name).to_owned(),
            "agent.name" => agent.name.clone(),
            "ticket.id" => view.ticket.id.to_string(),
            _ => return None,
        })
    };
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let name = after[..end].trim();
                match value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[start..start + 2 + end + 2]),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// One variant per macro key: the customer's language, else the ticket's, else English,
/// else any; only macros meant for the ticket's kind.
pub fn choose(macros: &[Macro], view: &TicketView, agent: &Agent) -> Vec<MacroChoice> {
    let meant_for_ticket = macros.iter().filter(|m| m.kinds.is_empty() || m.kinds.contains(&view.ticket.kind));
    let best = crate::language::best_variants(meant_for_ticket, view, |m| (&m.key, &m.language));
    let mut out: Vec<MacroChoice> = best
        .into_iter()
        .map(|m| MacroChoice {
            id: m.id,
            key: m.key.clone(),
            title: m.title.clone(),
            language: m.language.clone(),
            body: fill(&m.body, view, agent),
            set_status: m.set_status,
            add_tags: m.add_tags.clone(),
        })
        .collect();
    out.sort_by(|a, b| a.title.cmp(&b.title));
    out
}

impl Desk {
    /// The macros for a ticket, ready to insert.
    pub async fn macros_for(&self, ticket_id: i64) -> Result<Vec<MacroChoice>, DeskError> {
        let (cache, me) = self.cache_and_me().await?;
        let view = cache.ticket_view(ticket_id).await?.ok_or_else(|| {
            DeskError::say(ErrorCode::NotFound, Msg::new(&errors::TICKET_NOT_CACHED).int("id", ticket_id))
        })?;
        let agent = match cache.agent(me).await? {
            Some(agent) => agent,
            None => self.session_info().await.map(|s| s.agent).ok_or_else(crate::desk::not_signed_in)?,
        };
        Ok(choose(&cache.macros().await?, &view, &agent))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_of_western_and_cjk_names() {
        assert_eq!(first_name("Lucía Fernández"), "Lucía");
        assert_eq!(first_name("王伟"), "王伟");
        assert_eq!(first_name(""), "");
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_stay_visible() {
        let view: TicketView = serde_json::from_value(serde_json::json!({
            "ticket": {"id": 100234, "channel": "email", "kind": "card_chargeback", "subject": "s", "status": "open",
                "priority": "normal", "queue": "disputes", "assignee_id": null, "customer_id": 7, "language": "es",
                "tags": [], "sla": {"first_response_due_at": null, "first_responded_at": null,
                "next_response_due_at": null, "resolution_due_at": null}, "escalation_level": "l0", "case_id": null,
                "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z", "solved_at": null,
                "version": 1},
            "customer": {"id": 7, "account_id": "UID 48213391", "name": "Lucía Fernández", "legal_name": null,
                "email": "l@example.com", "kyc_level": "verified", "vip_tier": "none", "language": "es",
                "country": "ES", "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"},
            "assignee": null, "conversation": {"messages": [], "notes": [], "earlier": 0, "before": null, "quoted": []}, "side_conversations": [], "escalations": [], "outbox": [], "recent_activity": []
        }))
        .unwrap();
        let agent: Agent = serde_json::from_value(serde_json::json!({
            "id": 1, "name": "Ava Chen", "email": "ava@arbiter.example", "role": "agent", "team": "disputes",
            "teams": ["disputes"], "languages": ["en"], "presence": "online", "presence_since": "2026-11-01T00:00:00Z"
        }))
        .unwrap();
        let text = "Hola {{customer.first_name}}, caso {{ticket.id}} ({{ customer.account_id }}). {{weird}} {{agent.first_name}}{{";
        assert_eq!(fill(text, &view, &agent), "Hola Lucía, caso 100234 (UID 48213391). {{weird}} Ava{{");

        let m = |id: i64, key: &str, language: &str| Macro {
            id,
            key: key.into(),
            language: language.into(),
            title: format!("{key} {language}"),
            body: "{{customer.first_name}}".into(),
            kinds: vec![],
            set_status: None,
            add_tags: vec![],
            updated_at: "2026-11-01T00:00:00Z".parse().unwrap(),
        };
        let chosen =
            choose(&[m(1, "refund", "en"), m(2, "refund", "es"), m(3, "kyc", "en"), m(4, "kyc", "de")], &view, &agent);
        let picked: Vec<(&str, &str)> = chosen.iter().map(|c| (c.key.as_str(), c.language.as_str())).collect();
        assert_eq!(picked, [("kyc", "en"), ("refund", "es")]);
        assert_eq!(chosen[1].body, "Lucía");
    }
}
