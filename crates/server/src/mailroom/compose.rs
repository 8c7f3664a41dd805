//! The desk's emails as they go out: a reply to the customer (threaded on the ticket's mail,
//! the ticket number in the subject) or a message in a side conversation by email (threaded
//! on that conversation's mail only, to the outside address). Both are multipart/alternative
//! (the text and the HTML the server renders) from the agent's name over the mailbox's
//! address, with the message's files beside them (multipart/mixed).

use anyhow::Context;
use arbiter_contract::{Attachment, Message};
use lettre::message::header::{ContentDisposition, ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, MessageBuilder, MultiPart, SinglePart};
use sqlx::AnyConnection;

use crate::store::mail as store;
use crate::store::{files, reads};

/// An email ready for the SMTP server.
pub struct Composed {
    pub raw: Vec<u8>,
    pub envelope: lettre::address::Envelope,
}

/// Reply `message_id` as an email from `address`.
pub async fn reply(conn: &mut AnyConnection, address: &str, message_id: i64) -> anyhow::Result<Composed> {
    let message: Message = store::message(conn, message_id).await?.context("the reply is gone")?;
    let ticket = reads::ticket(conn, message.ticket_id).await?.context("the ticket is gone")?;
    let customer = reads::customer(conn, ticket.customer_id).await?.context("the customer is gone")?;
    let envelope = message.email.as_ref().context("the reply has no envelope")?;
    let own_id = envelope.message_id.trim_matches(['<', '>']).to_string();
    // The thread so far: everything before this reply, the customer's newest as In-Reply-To.
    let thread: Vec<(String, String)> =
        store::email_ids_of_ticket(conn, ticket.id).await?.into_iter().filter(|(id, _)| *id != own_id).collect();
    let in_reply_to = thread.iter().rev().find(|(_, d)| d != "sent").map(|(id, _)| id.clone());
    let ids: Vec<String> = thread.iter().map(|(id, _)| id.clone()).collect();
    let subject = if thread.is_empty() {
        // The desk writes first: no "Re:", nothing to answer.
        arbiter_mime::first_subject(&ticket.subject, ticket.id)
    } else {
        arbiter_mime::reply_subject(&ticket.subject, ticket.id)
    };
    let to = Mailbox::new(Some(customer.name.clone()), customer.email.parse().context("the customer's address")?);
    let builder = headers(&message.author_name, address, to, &subject, &own_id, in_reply_to, &ids)?;
    let html = message.html.clone().unwrap_or_else(|| crate::domain::text_to_email_html(&message.text));
    finish(conn, builder, &message.text, html, &message.attachments).await
}

/// Side message `side_message_id` as an email from `address` to its conversation's outside
/// address.
pub async fn side_message(conn: &mut AnyConnection, address: &str, side_message_id: i64) -> anyhow::Result<Composed> {
    let message = store::side_message(conn, side_message_id).await?.context("the message is gone")?;
    let side = reads::side_conversation(conn, message.side_conversation_id).await?.context("the thread is gone")?;
    let to = side.email_to.as_deref().context("the side conversation is not by email")?;
    let own_id = store::side_email_id(conn, side_message_id).await?.context("the message has no Message-ID")?;
    let thread: Vec<(String, bool)> = store::email_ids_of_side_conversation(conn, side.id)
        .await?
        .into_iter()
        .filter(|(id, _)| *id != own_id)
        .collect();
    // The outside party's newest answer, else the desk's own last email.
    let in_reply_to = thread.iter().rev().find(|(_, theirs)| *theirs).or(thread.last()).map(|(id, _)| id.clone());
    let ids: Vec<String> = thread.iter().map(|(id, _)| id.clone()).collect();
    let subject = if thread.is_empty() { side.subject.clone() } else { format!("Re: {}", side.subject) };
    let to = Mailbox::new(None, to.parse().context("the outside address")?);
    let builder = headers(&message.author_name, address, to, &subject, &own_id, in_reply_to, &ids)?;
    let html = crate::domain::text_to_email_html(&message.text);
    finish(conn, builder, &message.text, html, &message.attachments).await
}

fn headers(
    author: &str,
    address: &str,
    to: Mailbox,
    subject: &str,
    own_id: &str,
    in_reply_to: Option<String>,
    thread: &[String],
) -> anyhow::Result<MessageBuilder> {
    let from = Mailbox::new(Some(author.to_owned()), address.parse()?);
    let mut builder =
        lettre::Message::builder().from(from).to(to).subject(subject).message_id(Some(format!("<{own_id}>")));
    if let Some(parent) = in_reply_to {
        builder = builder.in_reply_to(format!("<{parent}>"));
    }
    // The newest 20 are enough for any mail program to thread on.
    let references: Vec<String> = thread.iter().rev().take(20).rev().map(|id| format!("<{id}>")).collect();
    if !references.is_empty() {
        builder = builder.references(references.join(" "));
    }
    Ok(builder)
}

/// The text and HTML alone (no files).
pub fn finish_plain(builder: MessageBuilder, text: &str, html: String) -> anyhow::Result<Composed> {
    let body = MultiPart::alternative()
        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(text.to_owned()))
        .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(html));
    let email = builder.multipart(body)?;
    Ok(Composed { raw: email.formatted(), envelope: email.envelope().clone() })
}

/// The text and HTML, and the files beside them.
async fn finish(
    conn: &mut AnyConnection,
    builder: MessageBuilder,
    text: &str,
    html: String,
    files: &[Attachment],
) -> anyhow::Result<Composed> {
    let body = MultiPart::alternative()
        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(text.to_owned()))
        .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(html));
    let email = if files.is_empty() {
        builder.multipart(body)?
    } else {
        let mut mixed = MultiPart::mixed().multipart(body);
        for file in files {
            let bytes = files::file(conn, &file.sha256).await?.with_context(|| format!("{} is gone", file.name))?;
            let content_type =
                ContentType::parse(&file.content_type).unwrap_or(ContentType::parse("application/octet-stream")?);
            // Always base64: a file that happens to look like text must not have its line
            // endings rewritten on the way (a PDF is text up to its first binary stream).
            let body = lettre::message::Body::new_with_encoding(bytes, ContentTransferEncoding::Base64)
                .map_err(|_| anyhow::anyhow!("{} could not be encoded", file.name))?;
            mixed = mixed.singlepart(
                SinglePart::builder()
                    .header(content_type)
                    .header(ContentDisposition::attachment(&file.name))
                    .body(body),
            );
        }
        builder.multipart(mixed)?
    };
    Ok(Composed { raw: email.formatted(), envelope: email.envelope().clone() })
}
