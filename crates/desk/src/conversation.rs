//! Writing on a ticket: replies to the customer, internal notes, and side conversations with
//! internal teams. Each goes through the outbox.

use arbiter_cache::{Action, OutboxItem};
use arbiter_contract::{OutgoingFile, REPLY_MAX_CHARS};
use arbiter_policy::teams::INTERNAL_TEAMS;

use crate::desk::Desk;
use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

pub(crate) const SUBJECT_MAX_CHARS: usize = 300;

/// What an agent writes: a reply, a note, a message to a team.
#[derive(Clone, Copy)]
pub(crate) enum Writing {
    Reply,
    Note,
    Message,
}

pub(crate) fn text(body: &str, what: Writing) -> Result<String, DeskError> {
    let (empty, too_long) = match what {
        Writing::Reply => (&errors::REPLY_EMPTY, &errors::REPLY_TOO_LONG),
        Writing::Note => (&errors::NOTE_EMPTY, &errors::NOTE_TOO_LONG),
        Writing::Message => (&errors::MESSAGE_EMPTY, &errors::MESSAGE_TOO_LONG),
    };
    let body = body.trim();
    if body.is_empty() {
        return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(empty)));
    }
    if body.chars().count() > REPLY_MAX_CHARS {
        return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(too_long).int("max", REPLY_MAX_CHARS as i64)));
    }
    Ok(body.to_owned())
}

impl Desk {
    /// Queues a reply with the files attached to it (see `prepare_file`).
    pub async fn send_reply(
        &self,
        ticket_id: i64,
        body: &str,
        files: Vec<OutgoingFile>,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        let body = text(body, Writing::Reply)?;
        self.require_ticket(ticket_id).await?;
        crate::outgoing_files::hold_files(&self.cache_and_me().await?.0, &files).await?;
        self.queue(client_key, Action::Reply { ticket_id, body, files }).await
    }

    pub async fn add_note(
        &self,
        ticket_id: i64,
        body: &str,
        files: Vec<OutgoingFile>,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        let body = text(body, Writing::Note)?;
        self.require_ticket(ticket_id).await?;
        crate::outgoing_files::hold_files(&self.cache_and_me().await?.0, &files).await?;
        self.queue(client_key, Action::Note { ticket_id, body, files }).await
    }

    /// Asks an internal team about the ticket in a side conversation of its own.
    pub async fn start_side_conversation(
        &self,
        ticket_id: i64,
        team: &str,
        subject: &str,
        body: &str,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        let team = team.trim().to_ascii_lowercase();
        let teams = self.internal_teams().await?;
        if !teams.contains(&team) {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::SIDE_TEAMS).text("teams", teams.join(", ")),
            ));
        }
        let subject = subject.trim();
        if subject.is_empty() || subject.chars().count() > SUBJECT_MAX_CHARS {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::SUBJECT_LENGTH).int("max", SUBJECT_MAX_CHARS as i64),
            ));
        }
        let body = text(body, Writing::Message)?;
        self.require_ticket(ticket_id).await?;
        let action = Action::StartSideConversation { ticket_id, team, subject: subject.to_owned(), body };
        self.queue(client_key, action).await
    }

    /// Forwards one of the ticket's messages (with its files) by email to an outside address,
    /// with a note above it: a side conversation by email, out of the customer's sight.
    pub async fn forward_message(
        &self,
        ticket_id: i64,
        message_id: i64,
        to: &str,
        note: &str,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        let to = to.trim().to_ascii_lowercase();
        if !is_one_plain_address(&to) {
            return Err(DeskError::say(ErrorCode::InvalidInput, Msg::new(&errors::NOT_ONE_ADDRESS).text("to", to)));
        }
        let note = note.trim();
        if note.chars().count() > REPLY_MAX_CHARS {
            return Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::MESSAGE_TOO_LONG).int("max", REPLY_MAX_CHARS as i64),
            ));
        }
        let (cache, _) = self.cache_and_me().await?;
        cache
            .message(ticket_id, message_id)
            .await?
            .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::MESSAGE_NOT_CACHED)))?;
        let action = Action::Forward { ticket_id, message_id, to, body: note.to_owned() };
        self.queue(client_key, action).await
    }

    /// Writes in one of the ticket's side conversations, closing it if `close`.
    pub async fn post_side_message(
        &self,
        side_conversation_id: i64,
        body: &str,
        close: bool,
        client_key: &str,
    ) -> Result<OutboxItem, DeskError> {
        let body = text(body, Writing::Message)?;
        let (cache, _) = self.cache_and_me().await?;
        let ticket_id = cache
            .side_conversation_ticket(side_conversation_id)
            .await?
            .ok_or_else(|| DeskError::say(ErrorCode::NotFound, Msg::new(&errors::SIDE_NOT_CACHED)))?;
        self.queue(client_key, Action::SideMessage { ticket_id, side_conversation_id, body, close }).await
    }

    /// The internal teams a side conversation can go to: the server's (as synced), in the
    /// contract's order, or the contract's own before the teams have synced.
    pub async fn internal_teams(&self) -> Result<Vec<String>, DeskError> {
        let (cache, _) = self.cache_and_me().await?;
        let mut teams: Vec<String> = cache
            .teams()
            .await?
            .into_iter()
            .filter(|t| t.kind == arbiter_contract::TeamKind::Internal)
            .map(|t| t.id)
            .collect();
        if teams.is_empty() {
            return Ok(INTERNAL_TEAMS.iter().map(|t| (*t).to_owned()).collect());
        }
        let rank = |t: &String| INTERNAL_TEAMS.iter().position(|known| known == t).unwrap_or(INTERNAL_TEAMS.len());
        teams.sort_by_key(|t| (rank(t), t.clone()));
        Ok(teams)
    }
}

/// One address as mail servers take it (`name@domain`), with nothing that could make it a
/// list or a header: the server checks it fully; this catches typing slips offline.
fn is_one_plain_address(to: &str) -> bool {
    let Some((local, domain)) = to.split_once('@') else { return false };
    let plain = |part: &str| {
        !part.is_empty() && !part.chars().any(|c| c.is_whitespace() || c.is_control() || "@,;<>\"()[]\\".contains(c))
    };
    to.len() <= 254
        && plain(local)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_forward_goes_to_one_plain_address() {
        assert!(super::is_one_plain_address("chargebacks@bank.example"));
        for bad in
            ["", "bank", "a@b", "a@b.example,c@d.example", "Bank <a@b.example>", "a b@c.example", "a@b.example\nBcc: x"]
        {
            assert!(!super::is_one_plain_address(bad), "{bad:?}");
        }
    }
}
