//! The mail room: the server's side of real email. It reads the support mailboxes a
//! deployment configures (`--mail-config`) and hands every message to the intake
//! (`domain::mail_intake`), which threads it, opens tickets and keeps the files; and it
//! mails agents' replies from the mailboxes that have an SMTP server (`smtp`).

pub mod compose;
pub mod config;
pub mod imap;
pub mod smtp;
pub mod transcript;

use std::sync::Arc;

use tokio::task::JoinHandle;

pub use config::MailConfig;

use crate::cluster::Tasks;
use crate::AppState;

/// The running readers, one per mailbox; dropping it stops them.
pub struct MailRoom {
    tasks: Tasks,
}

impl MailRoom {
    pub fn spawn(state: AppState, config: &MailConfig) -> Self {
        let own: Arc<[String]> = config.own_addresses().into();
        let mut tasks: Vec<JoinHandle<()>> = config
            .mailboxes
            .iter()
            .map(|mailbox| tokio::spawn(imap::run(state.clone(), mailbox.clone(), own.clone())))
            .collect();
        if config.mailboxes.iter().any(|m| m.smtp.is_some()) {
            tasks.push(tokio::spawn(smtp::run(state, Arc::new(config.clone()))));
        }
        MailRoom { tasks: Tasks::new(tasks) }
    }

    pub fn into_tasks(self) -> Tasks {
        self.tasks
    }
}
