//! Which support mailboxes the server reads, from a JSON file the deployment writes:
//!
//! ```json
//! { "mailboxes": [ {
//!     "address": "support@exchange.example", "queue": "general", "language": "en",
//!     "imap": { "host": "imap.exchange.example", "port": 993, "security": "tls",
//!               "username": "support", "password_env": "SUPPORT_IMAP_PASSWORD" },
//!     "smtp": { "host": "smtp.exchange.example", "port": 465, "security": "tls",
//!               "username": "support", "password_env": "SUPPORT_SMTP_PASSWORD" },
//!     "folder": "INBOX", "processed_folder": "Arbiter/Processed", "poll_seconds": 30 } ] }
//! ```
//!
//! With `smtp`, agents' replies on the mailbox's tickets are sent from its address.
//!
//! Passwords come from the environment (`password_env`) or a file only the server's user
//! reads (`password_file`), never from the command line or this file. A mail server with a
//! certificate from the company's own CA is trusted with `"ca_file": "/etc/ssl/company-ca.pem"`
//! (PEM) beside the public roots.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::Deserialize;

use crate::domain::mail_intake::SupportAddress;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailConfig {
    pub mailboxes: Vec<MailboxConfig>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailboxConfig {
    pub address: String,
    pub queue: String,
    #[serde(default = "english")]
    pub language: String,
    pub imap: ImapConfig,
    /// Where replies go out; without it replies are stored but not mailed.
    #[serde(default)]
    pub smtp: Option<ImapConfig>,
    #[serde(default = "inbox")]
    pub folder: String,
    /// Where read mail goes once stored; without one it is only flagged `\Seen`.
    #[serde(default)]
    pub processed_folder: Option<String>,
    /// How often to look for mail when the server offers no IDLE (and, with IDLE, the longest
    /// wait before looking anyway).
    #[serde(default = "thirty")]
    pub poll_seconds: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// TLS from the first byte (port 993).
    Tls,
    /// Plain, then STARTTLS before logging in (port 143).
    Starttls,
    /// No TLS: only to a server on loopback (tests, a local relay).
    Plain,
}

/// A mail server to sign in to (IMAP to read, SMTP to send): the same fields.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImapConfig {
    pub host: String,
    pub port: u16,
    pub security: Security,
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub password_env: Option<String>,
    #[serde(default)]
    pub password_file: Option<PathBuf>,
    /// A private CA (PEM) to trust for this server, beside the public roots.
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
}

impl std::fmt::Debug for ImapConfig {
    // No password here, but keep the shape obvious in logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "imap://{}@{}:{} ({:?})", self.username, self.host, self.port, self.security)
    }
}

fn english() -> String {
    "en".into()
}
fn inbox() -> String {
    "INBOX".into()
}
fn thirty() -> u64 {
    30
}

impl MailConfig {
    pub fn load(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let config: MailConfig =
            serde_json::from_str(&text).with_context(|| format!("{} is not a mail configuration", path.display()))?;
        for mailbox in &config.mailboxes {
            mailbox.check()?;
        }
        Ok(config)
    }

    /// Every address the desk sends from: mail from these is never taken in (a loop).
    pub fn own_addresses(&self) -> Vec<String> {
        self.mailboxes.iter().map(|m| m.address.to_lowercase()).collect()
    }

    /// The mailbox mail on a ticket goes out from: the one its customer wrote to, else the
    /// one feeding the ticket's queue (a conversation the desk started), else the first that
    /// can send.
    pub fn sender(&self, address: Option<&str>, queue: &str) -> Option<&MailboxConfig> {
        let sending = || self.mailboxes.iter().filter(|m| m.smtp.is_some());
        address
            .and_then(|a| sending().find(|m| m.address.eq_ignore_ascii_case(a)))
            .or_else(|| sending().find(|m| m.queue == queue))
            .or_else(|| sending().next())
    }
}

impl MailboxConfig {
    fn check(&self) -> anyhow::Result<()> {
        if !self.address.contains('@') {
            bail!("mailbox address {:?} is not an email address", self.address);
        }
        for (what, server) in std::iter::once(("IMAP", &self.imap)).chain(self.smtp.iter().map(|s| ("SMTP", s))) {
            if server.security == Security::Plain && !is_loopback(&server.host) {
                bail!("{}: plain {what} is only allowed to a server on loopback; use tls or starttls", self.address);
            }
            let sources = usize::from(server.password_env.is_some()) + usize::from(server.password_file.is_some());
            // SMTP may go without signing in (a relay that trusts the server's address).
            if sources > 1 || (sources == 0 && what == "IMAP") {
                bail!("{}: give the {what} password as exactly one of password_env or password_file", self.address);
            }
            // A CA file that cannot be used is said at start, not at the first connection.
            server.private_roots().with_context(|| format!("{}: the {what} ca_file", self.address))?;
        }
        Ok(())
    }

    pub fn support_address(&self) -> SupportAddress {
        SupportAddress {
            address: self.address.to_lowercase(),
            queue: self.queue.clone(),
            language: self.language.clone(),
        }
    }

    /// Read when connecting, so a rotated password is picked up without a restart.
    pub fn password(&self) -> anyhow::Result<String> {
        self.imap.password().with_context(|| format!("{}: the IMAP password", self.address))
    }
}

impl ImapConfig {
    /// The certificates of `ca_file` (none without one): a file that is missing, unreadable
    /// or holds no certificate is an error.
    pub fn private_roots(&self) -> anyhow::Result<Vec<rustls::pki_types::CertificateDer<'static>>> {
        use rustls::pki_types::pem::PemObject;
        let Some(path) = &self.ca_file else { return Ok(Vec::new()) };
        let certs = rustls::pki_types::CertificateDer::pem_file_iter(path)
            .with_context(|| format!("reading {}", path.display()))?
            .collect::<Result<Vec<_>, _>>()
            .with_context(|| format!("{} is not PEM", path.display()))?;
        if certs.is_empty() {
            bail!("{} holds no certificate", path.display());
        }
        Ok(certs)
    }

    /// From the environment or the file the configuration names.
    pub fn password(&self) -> anyhow::Result<String> {
        if let Some(name) = &self.password_env {
            return std::env::var(name).with_context(|| format!("${name} is not set"));
        }
        let path = self.password_file.as_ref().context("no password_env or password_file")?;
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        Ok(text.trim_end_matches(['\r', '\n']).to_string())
    }
}

fn is_loopback(host: &str) -> bool {
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> anyhow::Result<MailConfig> {
        let config: MailConfig = serde_json::from_str(json)?;
        for m in &config.mailboxes {
            m.check()?;
        }
        Ok(config)
    }

    #[test]
    fn plain_imap_only_on_loopback_and_one_password_source() {
        let mailbox = |host: &str, security: &str, password: &str| {
            format!(
                r#"{{"mailboxes":[{{"address":"s@x.example","queue":"general","imap":{{"host":"{host}","port":143,"security":"{security}","username":"u",{password}}}}}]}}"#
            )
        };
        assert!(parse(&mailbox("127.0.0.1", "plain", r#""password_env":"P""#)).is_ok());
        assert!(parse(&mailbox("imap.x.example", "plain", r#""password_env":"P""#)).is_err());
        assert!(parse(&mailbox("imap.x.example", "tls", r#""password_env":"P""#)).is_ok());
        assert!(parse(&mailbox("imap.x.example", "tls", r#""password_env":"P","password_file":"/f""#)).is_err());
        assert!(parse(&mailbox("imap.x.example", "tls", r#""password":"inline""#)).is_err());
        let no_ca = r#""password_env":"P","ca_file":"/nonexistent/ca.pem""#;
        let error = parse(&mailbox("imap.x.example", "tls", no_ca)).unwrap_err();
        assert!(format!("{error:#}").contains("ca_file"), "{error:#}");
        let empty = std::env::temp_dir().join(format!("arbiter-empty-ca-{}.pem", std::process::id()));
        std::fs::write(&empty, "not a certificate").unwrap();
        let garbage = format!(r#""password_env":"P","ca_file":{}"#, serde_json::to_string(&empty).unwrap());
        assert!(
            format!("{:#}", parse(&mailbox("imap.x.example", "tls", &garbage)).unwrap_err()).contains("no certificate")
        );
        std::fs::remove_file(empty).ok();
    }
}
