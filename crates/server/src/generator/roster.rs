//! The demo support staff: a follow-the-sun desk across time zones and languages.

use arbiter_contract::{AgentRole, TeamKind};

pub struct StaffMember {
    pub name: &'static str,
    pub role: AgentRole,
    pub team: &'static str,
    /// Further teams a supervisor leads.
    pub also_leads: &'static [&'static str],
    pub languages: &'static [&'static str],
}

const fn agent(name: &'static str, team: &'static str, languages: &'static [&'static str]) -> StaffMember {
    StaffMember { name, role: AgentRole::Agent, team, also_leads: &[], languages }
}

const fn lead(name: &'static str, team: &'static str, languages: &'static [&'static str]) -> StaffMember {
    StaffMember { name, role: AgentRole::Supervisor, team, also_leads: &[], languages }
}

/// (slug, name, kind, description)
pub static TEAMS: &[(&str, &str, TeamKind, &str)] = &[
    ("general", "General support", TeamKind::Support, "Account, verification, deposits and everything else first."),
    ("payments", "Deposits & withdrawals", TeamKind::Support, "Fiat and crypto deposits, withdrawals, card purchases."),
    ("disputes", "Disputes & chargebacks", TeamKind::Support, "Trade disputes and card chargebacks."),
    ("fraud", "Fraud & account security", TeamKind::Support, "Account takeovers, scams, unauthorized withdrawals."),
    ("p2p", "P2P marketplace", TeamKind::Support, "Disputes between P2P buyers and sellers."),
    ("feedback", "Complaints & feedback", TeamKind::Support, "Complaints about the product, fees and service."),
    ("product", "Product", TeamKind::Internal, "Product managers and engineering on-call."),
    ("marketing", "Marketing", TeamKind::Internal, "Campaigns, promotions and referral programmes."),
    ("compliance", "Compliance", TeamKind::Internal, "AML, sanctions, regulators and suspicious-activity reports."),
    ("risk", "Risk", TeamKind::Internal, "Fraud models, limits and account restrictions."),
    ("payments-ops", "Payments operations", TeamKind::Internal, "Card acquirers, banks and payment partners."),
];

/// Agent ids are their position here plus one. The first is the demo agent.
pub static STAFF: &[StaffMember] = &[
    agent("Ava Chen", "disputes", &["en", "zh"]),
    lead("Marcus Oyelaran", "disputes", &["en"]),
    agent("Lucía Fernández", "disputes", &["es", "en", "pt"]),
    agent("Jonas Becker", "disputes", &["de", "en"]),
    agent("Priya Raman", "payments", &["en"]),
    lead("Camille Laurent", "payments", &["fr", "en"]),
    agent("Rafael Souza", "payments", &["pt", "es", "en"]),
    agent("Emre Yıldız", "payments", &["tr", "en"]),
    agent("Haruto Sato", "fraud", &["ja", "en"]),
    lead("Olga Petrova", "fraud", &["ru", "en"]),
    agent("Daniel Kim", "fraud", &["ko", "en"]),
    agent("Grace Mensah", "fraud", &["en", "fr"]),
    agent("Nguyễn Minh Anh", "p2p", &["vi", "en"]),
    agent("Mateo García", "p2p", &["es", "en"]),
    lead("Aisha Karimova", "p2p", &["ru", "tr", "en"]),
    agent("Wang Lei", "p2p", &["zh", "en"]),
    agent("Sofia Rossi", "general", &["en", "es"]),
    agent("Liam O'Connor", "general", &["en"]),
    StaffMember {
        name: "Ingrid Hansen",
        role: AgentRole::Supervisor,
        team: "general",
        also_leads: &["feedback"],
        languages: &["en", "de"],
    },
    agent("Yuki Tanaka", "general", &["ja", "en"]),
    agent("Ana Ribeiro", "general", &["pt", "en"]),
    agent("Kemal Aydın", "general", &["tr", "en", "de"]),
    agent("Chloé Martin", "feedback", &["fr", "en"]),
    agent("Noah Williams", "feedback", &["en"]),
    lead("Fatima Al-Sayed", "compliance", &["en", "fr"]),
    agent("Tomasz Nowak", "risk", &["en", "de"]),
];

/// Leads of the other shift, off duty when the data is made: the next shift that reads and
/// acknowledges a team's handover. Kept apart from STAFF, whose members the generated work
/// is drawn from, so adding one changes no ticket. Their ids follow STAFF's.
pub static SHIFT_LEADS: &[StaffMember] = &[lead("Kofi Boateng", "disputes", &["en", "fr"])];

/// The demo token of a staff member: `demo-` and their first name, lower-case ASCII.
/// Only demo databases have these; they are listed in the README.
pub fn demo_token(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or(name);
    let ascii: String = first
        .chars()
        .filter_map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => Some('a'),
            'é' | 'è' | 'ê' | 'ễ' => Some('e'),
            'í' | 'ı' => Some('i'),
            'ó' | 'ö' | 'ô' => Some('o'),
            'ú' | 'ü' => Some('u'),
            'ñ' => Some('n'),
            'ç' => Some('c'),
            'ğ' => Some('g'),
            'ş' => Some('s'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect();
    format!("demo-{}", ascii.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_tokens_are_unique_ascii() {
        let tokens: std::collections::HashSet<String> =
            STAFF.iter().chain(SHIFT_LEADS).map(|s| demo_token(s.name)).collect();
        assert_eq!(tokens.len(), STAFF.len() + SHIFT_LEADS.len());
        assert!(tokens.iter().all(|t| t.is_ascii() && t.len() > "demo-".len()));
        assert_eq!(demo_token("Ava Chen"), "demo-ava");
        assert_eq!(demo_token("Lucía Fernández"), "demo-lucia");
        assert_eq!(demo_token("Emre Yıldız"), "demo-emre");
        assert_eq!(demo_token("Nguyễn Minh Anh"), "demo-nguyen");
    }
}
