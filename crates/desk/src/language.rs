//! Content that exists in several languages (macros, articles): which variant a ticket gets.

use std::collections::BTreeMap;

use arbiter_cache::TicketView;

/// The languages to answer a ticket in, best first: the customer's, the ticket's, English.
fn preferred(view: &TicketView) -> Vec<&str> {
    [view.customer.as_ref().map(|c| c.language.as_str()), Some(view.ticket.language.as_str()), Some("en")]
        .into_iter()
        .flatten()
        .collect()
}

/// "pt-BR" → "pt".
fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// One variant per key (`key_and_language` gives both for an item): the one in the most
/// preferred language for the ticket, else any. Ordered by key.
pub fn best_variants<'a, T>(
    items: impl IntoIterator<Item = &'a T>,
    view: &TicketView,
    key_and_language: impl Fn(&T) -> (&str, &str),
) -> Vec<&'a T> {
    let wanted = preferred(view);
    let rank = |language: &str| wanted.iter().position(|l| primary(l) == primary(language)).unwrap_or(wanted.len());
    let mut best: BTreeMap<&'a str, &'a T> = BTreeMap::new();
    for item in items {
        let (key, language) = key_and_language(item);
        if best.get(key).is_none_or(|current| rank(language) < rank(key_and_language(current).1)) {
            best.insert(key, item);
        }
    }
    best.into_values().collect()
}
