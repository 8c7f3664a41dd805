//! `arbiter://` links from other tools (an escalation email, an internal tool, a chat): what
//! they point at, and whether this agent's desk has it. `arbiter://ticket/123` opens ticket
//! 123, `arbiter://case/45` the ticket of case 45 on its case tab. The link is read strictly:
//! it comes from outside, so anything but those two shapes is refused, not guessed at.

use arbiter_text::Msg;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use crate::Desk;

/// The scheme the packages register with the OS.
pub const SCHEME: &str = "arbiter";
/// Longest link worth reading (a ticket or case link is ≈ 30 characters).
const MAX_LINK: usize = 512;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeepLink {
    Ticket(i64),
    Case(i64),
}

/// Where the window goes for a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LinkTarget {
    pub ticket_id: i64,
    /// Set for a case link: the ticket opens on its case tab.
    pub case_id: Option<i64>,
}

/// Whether a command-line argument is meant as an `arbiter:` link (any case); other
/// arguments (flags, odd Unicode) are not links and are left alone.
pub fn looks_like_link(arg: &str) -> bool {
    arg.get(..SCHEME.len() + 1)
        .is_some_and(|head| head.strip_suffix(':').is_some_and(|scheme| scheme.eq_ignore_ascii_case(SCHEME)))
}

/// Reads `arbiter://ticket/<id>` or `arbiter://case/<id>` (scheme and kind in any case, one
/// trailing slash, a query or fragment ignored); anything else is `None`.
pub fn parse(link: &str) -> Option<DeepLink> {
    let link = link.trim();
    if link.len() > MAX_LINK {
        return None;
    }
    let (scheme, rest) = link.split_once("://")?;
    if !scheme.eq_ignore_ascii_case(SCHEME) {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (kind, id) = rest.split_once('/')?;
    let id = positive_id(id)?;
    match kind.to_ascii_lowercase().as_str() {
        "ticket" => Some(DeepLink::Ticket(id)),
        "case" => Some(DeepLink::Case(id)),
        _ => None,
    }
}

/// ASCII digits only (no sign, no other scripts' digits), 1 to i64::MAX.
fn positive_id(text: &str) -> Option<i64> {
    if text.is_empty() || text.len() > 19 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<i64>().ok().filter(|id| *id > 0)
}

impl Desk {
    /// Where `link` leads in this agent's desk, or why it cannot be followed: not a ticket or
    /// case link, or pointing at something this agent's local copy does not hold (not
    /// visible to them, or not synced yet).
    pub async fn follow_link(&self, link: &str) -> Result<LinkTarget, DeskError> {
        let shown: String = link.trim().chars().take(80).collect();
        match parse(link) {
            None => {
                Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::LINK_UNREADABLE).text("link", shown)))
            }
            Some(DeepLink::Ticket(id)) => match self.ticket(id).await {
                Ok(_) => Ok(LinkTarget { ticket_id: id, case_id: None }),
                Err(error) if error.code == ErrorCode::NotFound => Err(hidden(&errors::LINK_TICKET_HIDDEN, id)),
                Err(error) => Err(error),
            },
            Some(DeepLink::Case(id)) => match self.case_view(id).await {
                Ok(view) => match view.case.ticket_ids.first() {
                    Some(ticket_id) => Ok(LinkTarget { ticket_id: *ticket_id, case_id: Some(id) }),
                    None => Err(hidden(&errors::LINK_CASE_HIDDEN, id)),
                },
                Err(error) if error.code == ErrorCode::NotFound => Err(hidden(&errors::LINK_CASE_HIDDEN, id)),
                Err(error) => Err(error),
            },
        }
    }
}

fn hidden(def: &'static arbiter_text::Def, id: i64) -> DeskError {
    DeskError::say(ErrorCode::NotFound, Msg::new(def).int("id", id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ticket_and_case_links() {
        assert_eq!(parse("arbiter://ticket/123"), Some(DeepLink::Ticket(123)));
        assert_eq!(parse("arbiter://case/45"), Some(DeepLink::Case(45)));
        assert_eq!(parse("  ARBITER://Ticket/7/  "), Some(DeepLink::Ticket(7)));
        assert_eq!(parse("arbiter://ticket/9?from=email#top"), Some(DeepLink::Ticket(9)));
        assert_eq!(parse("arbiter://ticket/9223372036854775807"), Some(DeepLink::Ticket(i64::MAX)));
    }

    #[test]
    fn tells_link_arguments_from_others() {
        assert!(looks_like_link("arbiter://ticket/1"));
        assert!(looks_like_link("ARBITER://case/2"));
        for arg in ["--flag", "", "arbiter", "abcdefgé", "arbitreé://x", "日本語のテキスト"] {
            assert!(!looks_like_link(arg), "{arg:?}");
        }
    }

    #[test]
    fn refuses_anything_else() {
        for link in [
            "",
            "arbiter:ticket/1",
            "https://ticket/1",
            "arbiter://ticket",
            "arbiter://ticket/",
            "arbiter://ticket/0",
            "arbiter://ticket/-3",
            "arbiter://ticket/+3",
            "arbiter://ticket/1.5",
            "arbiter://ticket/1/2",
            "arbiter://ticket/12abc",
            "arbiter://ticket/٣",
            "arbiter://ticket/１２",
            "arbiter://ticket/9223372036854775808",
            "arbiter://ticket/99999999999999999999",
            "arbiter://customer/1",
            "arbiter://ticket/1%00",
            "arbiter://../ticket/1",
        ] {
            assert_eq!(parse(link), None, "{link:?}");
        }
        assert_eq!(parse(&format!("arbiter://ticket/1?{}", "x".repeat(600))), None);
    }
}
