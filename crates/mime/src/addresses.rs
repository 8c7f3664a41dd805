//! Who wrote and to whom: display names and addresses as the headers give them.

use mail_parser::{Address, Message};

/// One address with its display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub name: Option<String>,
    /// Lower-cased: addresses are matched to customers and to the desk's own mailboxes.
    pub address: String,
}

impl Mailbox {
    /// `Name <address>`, or the address alone.
    pub fn display(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} <{}>", self.address),
            None => self.address.clone(),
        }
    }
}

pub(crate) struct Addresses {
    pub from: Option<Mailbox>,
    pub reply_to: Option<Mailbox>,
    pub to: Vec<Mailbox>,
    pub cc: Vec<Mailbox>,
}

impl Addresses {
    pub fn of(message: &Message<'_>) -> Self {
        Addresses {
            from: message.from().and_then(|a| list(a).into_iter().next()),
            reply_to: message.reply_to().and_then(|a| list(a).into_iter().next()),
            to: message.to().map(list).unwrap_or_default(),
            cc: message.cc().map(list).unwrap_or_default(),
        }
    }
}

fn list(address: &Address<'_>) -> Vec<Mailbox> {
    address
        .iter()
        .filter_map(|a| {
            let address = a.address.as_deref()?.trim().to_lowercase();
            if !plausible(&address) {
                return None;
            }
            let name =
                a.name.as_deref().map(|n| crate::clean_header_text(n).0).filter(|n| !n.is_empty() && *n != address);
            Some(Mailbox { name, address })
        })
        .collect()
}

/// `local@domain` with nothing that could break a header or a SQL-free lookup.
fn plausible(address: &str) -> bool {
    let Some((local, domain)) = address.rsplit_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && address.len() <= 254
        && !address.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plausible_addresses_count() {
        assert!(plausible("ana@example.com"));
        assert!(!plausible("ana@localhost"));
        assert!(!plausible("ana example.com"));
        assert!(!plausible("a\r\nb@example.com"));
    }
}
