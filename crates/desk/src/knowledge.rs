//! Help-centre articles for the composer: found by words, in the customer's language.

use arbiter_cache::TicketView;
use arbiter_contract::Article;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

const MAX_HITS: usize = 20;
const EXCERPT_CHARS: usize = 220;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ArticleHit {
    pub id: i64,
    pub title: String,
    pub language: String,
    /// The public address, to send to the customer.
    pub url: String,
    /// The start of the article as plain text.
    pub excerpt: String,
    /// The whole article (Markdown), to quote from.
    pub body: String,
}

/// The articles matching every word of `query` (in title, text or tags; any case), one
/// language variant per article — the customer's, else the ticket's, else English — titles
/// matching first.
pub fn find(articles: &[Article], view: &TicketView, query: &str) -> Vec<ArticleHit> {
    let best = crate::language::best_variants(articles, view, |a| (&a.key, &a.language));
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut hits: Vec<(bool, &Article)> = best
        .into_iter()
        .filter_map(|a| {
            let title = a.title.to_lowercase();
            let text = format!("{title} {} {}", a.body.to_lowercase(), a.tags.join(" ").to_lowercase());
            words.iter().all(|w| text.contains(w)).then(|| (words.iter().any(|w| title.contains(w)), a))
        })
        .collect();
    hits.sort_by(|(a_title, a), (b_title, b)| b_title.cmp(a_title).then_with(|| a.title.cmp(&b.title)));
    hits.into_iter()
        .take(MAX_HITS)
        .map(|(_, a)| ArticleHit {
            id: a.id,
            title: a.title.clone(),
            language: a.language.clone(),
            url: a.url.clone(),
            excerpt: excerpt(&a.body),
            body: a.body.clone(),
        })
        .collect()
}

/// The first words of a Markdown text, without its markup characters.
fn excerpt(markdown: &str) -> String {
    let plain: String = markdown.chars().filter(|c| !matches!(c, '#' | '*' | '_' | '`' | '>')).collect();
    let collapsed = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= EXCERPT_CHARS {
        collapsed
    } else {
        collapsed.chars().take(EXCERPT_CHARS).collect::<String>() + "…"
    }
}

impl Desk {
    /// Help-centre articles for a ticket's composer.
    pub async fn search_articles(&self, ticket_id: i64, query: &str) -> Result<Vec<ArticleHit>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let view = cache.ticket_view(ticket_id).await?.ok_or_else(|| {
            DeskError::say(ErrorCode::NotFound, Msg::new(&errors::TICKET_NOT_CACHED).int("id", ticket_id))
        })?;
        Ok(find(&cache.articles().await?, &view, query))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: i64, key: &str, language: &str, title: &str, body: &str) -> Article {
        Article {
            id,
            key: key.into(),
            language: language.into(),
            title: title.into(),
            body: body.into(),
            tags: vec!["withdrawals".into()],
            url: format!("https://help.arbiter.example/{language}/{key}"),
            updated_at: "2026-11-01T00:00:00Z".parse().unwrap(),
        }
    }

    #[test]
    fn finds_by_every_word_in_the_customers_language_titles_first() {
        let view: TicketView = serde_json::from_value(serde_json::json!({
            "ticket": {"id": 1, "channel": "email", "kind": "inquiry", "subject": "s", "status": "open",
                "priority": "normal", "queue": "payments", "assignee_id": null, "customer_id": 7, "language": "de",
                "tags": [], "sla": {"first_response_due_at": null, "first_responded_at": null,
                "next_response_due_at": null, "resolution_due_at": null}, "escalation_level": "l0", "case_id": null,
                "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z", "solved_at": null,
                "version": 1},
            "customer": null, "assignee": null, "conversation": {"messages": [], "notes": [], "earlier": 0, "before": null, "quoted": []}, "side_conversations": [], "escalations": [], "outbox": [], "recent_activity": []
        }))
        .unwrap();
        let articles = [
            article(1, "delays", "en", "Why withdrawals are delayed", "Network **congestion** and checks."),
            article(2, "delays", "de", "Warum Auszahlungen dauern", "Netzwerk und Prüfungen; withdrawal delays."),
            article(3, "fees", "en", "Fees", "Withdrawal fees depend on the network."),
        ];
        let hits = find(&articles, &view, "WITHDRAWAL");
        let picked: Vec<(i64, &str)> = hits.iter().map(|h| (h.id, h.language.as_str())).collect();
        assert_eq!(picked, [(3, "en"), (2, "de")], "each article once, in German where there is one");
        let titled = find(&articles, &view, "netzwerk");
        assert_eq!(titled.iter().map(|h| h.id).collect::<Vec<_>>(), [2]);
        let more = [article(4, "about", "en", "About us", "all about fees"), articles[2].clone()];
        let title_first: Vec<i64> = find(&more, &view, "fees").iter().map(|h| h.id).collect();
        assert_eq!(title_first, [3, 4], "a title match comes first");
        assert!(find(&articles, &view, "network fees").iter().all(|h| h.id == 3));
        assert_eq!(find(&articles, &view, "").len(), 2);
        assert_eq!(excerpt("# Title\n\n**Bold** `code`"), "Title Bold code");
    }
}
