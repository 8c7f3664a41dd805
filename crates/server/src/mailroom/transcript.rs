//! A chat's transcript as the email its customer asked for: every message of the chat in
//! order with its author and time (UTC), in the chat's language, from the mailbox of the
//! chat's team. Internal notes are never part of it (they are not messages).

use anyhow::Context;
use arbiter_contract::{AuthorKind, Message, Ticket};
use lettre::message::Mailbox;
use sqlx::AnyConnection;

use super::compose::{finish_plain, Composed};
use crate::store::reads;

/// The words of the email in one language: its subject, the line above the messages, what
/// the customer is called in it, and how files are shown.
struct Words {
    subject: &'static str,
    intro: &'static str,
    you: &'static str,
    file: &'static str,
}

fn words(language: &str) -> Words {
    let w = |subject, intro, you, file| Words { subject, intro, you, file };
    match language.split('-').next().unwrap_or("en") {
        "de" => w("Ihr Chat mit dem Support", "Hier ist Ihr Chat mit unserem Support vom {date}.", "Sie", "Datei"),
        "es" => w("Tu chat con soporte", "Esta es tu conversación con nuestro soporte del {date}.", "Tú", "Archivo"),
        "fr" => w(
            "Votre conversation avec le support",
            "Voici votre conversation avec notre support du {date}.",
            "Vous",
            "Fichier",
        ),
        "ja" => w("サポートとのチャット記録", "{date} のサポートとのチャット記録です。", "あなた", "ファイル"),
        "ko" => w("고객지원 채팅 기록", "{date} 고객지원과 나눈 대화입니다.", "고객님", "파일"),
        "pt" => w(
            "A sua conversa com o suporte",
            "Esta é a sua conversa com o nosso suporte de {date}.",
            "Você",
            "Ficheiro",
        ),
        "ru" => w("Ваш чат с поддержкой", "Ваша переписка с поддержкой от {date}.", "Вы", "Файл"),
        "tr" => w("Destek ile sohbetiniz", "{date} tarihli destek sohbetinizin dökümü.", "Siz", "Dosya"),
        "vi" => w(
            "Cuộc trò chuyện của bạn với bộ phận hỗ trợ",
            "Đây là cuộc trò chuyện của bạn với bộ phận hỗ trợ ngày {date}.",
            "Bạn",
            "Tệp",
        ),
        "zh" => w("您与客服的聊天记录", "以下是您在 {date} 与客服的聊天记录。", "您", "文件"),
        _ => w("Your chat with support", "Here is your chat with our support on {date}.", "You", "File"),
    }
}

/// The transcript's text: the intro, then one block per message.
pub fn text(ticket: &Ticket, messages: &[Message]) -> String {
    let words = words(&ticket.language);
    let date = ticket.created_at.format("%Y-%m-%d").to_string();
    let mut out = format!("{}\n{} #{}\n", words.intro.replace("{date}", &date), ticket.subject, ticket.id);
    for message in messages {
        let who = match message.author_kind {
            AuthorKind::Customer => words.you,
            AuthorKind::Agent => message.author_name.as_str(),
            AuthorKind::System => "—",
        };
        out.push_str(&format!("\n[{} UTC] {who}:\n", message.created_at.format("%H:%M")));
        if !message.text.is_empty() {
            out.push_str(message.text.trim_end());
            out.push('\n');
        }
        for file in &message.attachments {
            out.push_str(&format!("({}: {})\n", words.file, file.name));
        }
    }
    out
}

/// The Message-ID of chat `ticket_id`'s transcript from `address` (the same on every try).
pub fn message_id(ticket_id: i64, address: &str) -> String {
    let domain = address.rsplit_once('@').map_or("arbiter.invalid", |(_, d)| d);
    format!("transcript-{ticket_id}@{domain}")
}

/// Chat `ticket_id`'s transcript as an email from `address` to its customer.
pub async fn compose(conn: &mut AnyConnection, address: &str, ticket_id: i64) -> anyhow::Result<Composed> {
    let ticket = reads::ticket(conn, ticket_id).await?.context("the chat is gone")?;
    let customer = reads::customer(conn, ticket.customer_id).await?.context("the customer is gone")?;
    let messages = reads::messages_of(conn, ticket_id).await?;
    let text = text(&ticket, &messages);
    let html = crate::domain::text_to_email_html(&text);
    let from = Mailbox::new(None, address.parse().context("the mailbox's address")?);
    let to = Mailbox::new(Some(customer.name.clone()), customer.email.parse().context("the customer's address")?);
    let builder = lettre::Message::builder()
        .from(from)
        .to(to)
        .subject(words(&ticket.language).subject)
        .message_id(Some(format!("<{}>", message_id(ticket_id, address))));
    finish_plain(builder, &text, html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_of_the_widget_has_its_words() {
        for language in ["en", "de", "es", "fr", "ja", "ko", "pt", "ru", "tr", "vi", "zh", "zh-Hant"] {
            let w = words(language);
            assert!(w.intro.contains("{date}"), "{language}");
            assert!(!w.subject.is_empty() && !w.you.is_empty() && !w.file.is_empty());
        }
        assert_eq!(words("xx").you, "You");
    }
}
