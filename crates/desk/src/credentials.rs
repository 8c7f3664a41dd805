//! Where bearer tokens are kept: the OS keyring (Keychain, Credential Manager, Secret
//! Service), never a file.

use std::collections::HashMap;
use std::sync::Mutex;

use arbiter_client::ApiToken;

use crate::error::{with_detail, DeskError, ErrorCode};
use crate::messages::errors;
use arbiter_text::Msg;

/// The keyring "service" our entries are filed under.
pub const KEYRING_SERVICE: &str = "dev.arbiter.desk";

/// A place for tokens, one per server address. Calls may block (D-Bus, Keychain); callers
/// run them off the async runtime.
pub trait CredentialStore: Send + Sync + 'static {
    /// The secret stored under `account`.
    fn get(&self, account: &str) -> Result<Option<String>, DeskError>;
    fn set(&self, account: &str, secret: &str) -> Result<(), DeskError>;
    fn remove(&self, account: &str) -> Result<(), DeskError>;

    /// The API token for a server (stored under the server's address).
    fn load(&self, server_url: &str) -> Result<Option<ApiToken>, DeskError> {
        Ok(self.get(server_url)?.map(ApiToken::new))
    }
    fn save(&self, server_url: &str, token: &ApiToken) -> Result<(), DeskError> {
        self.set(server_url, token.expose())
    }
    fn delete(&self, server_url: &str) -> Result<(), DeskError> {
        self.remove(server_url)
    }

    /// A secret that may be longer than one entry holds (Windows' Credential Manager takes
    /// 2,560 bytes of UTF-16, less than an identity provider's tokens): kept in pieces under
    /// `account#1`, `account#2`…, with `account` saying how many.
    fn set_long(&self, account: &str, secret: &str) -> Result<(), DeskError> {
        let before = self.pieces(account)?;
        let chars: Vec<char> = secret.chars().collect();
        let pieces: Vec<String> = chars.chunks(LONG_PIECE_CHARS).map(|c| c.iter().collect()).collect();
        for (i, piece) in pieces.iter().enumerate() {
            self.set(&format!("{account}#{}", i + 1), piece)?;
        }
        self.set(account, &format!("{LONG_HEADER}{}", pieces.len()))?;
        for i in pieces.len() + 1..=before {
            self.remove(&format!("{account}#{i}"))?;
        }
        Ok(())
    }

    /// A secret kept with `set_long`; `None` when there is none or a piece is missing.
    fn get_long(&self, account: &str) -> Result<Option<String>, DeskError> {
        let count = self.pieces(account)?;
        let mut secret = String::new();
        for i in 1..=count {
            match self.get(&format!("{account}#{i}"))? {
                Some(piece) => secret.push_str(&piece),
                None => return Ok(None),
            }
        }
        Ok((count > 0).then_some(secret))
    }

    fn remove_long(&self, account: &str) -> Result<(), DeskError> {
        for i in 1..=self.pieces(account)? {
            self.remove(&format!("{account}#{i}"))?;
        }
        self.remove(account)
    }

    /// How many pieces `account` says it has (0 when it is not a long secret's header).
    fn pieces(&self, account: &str) -> Result<usize, DeskError> {
        Ok(self.get(account)?.and_then(|h| h.strip_prefix(LONG_HEADER).and_then(|n| n.parse().ok())).unwrap_or(0))
    }
}

/// Characters per piece of a long secret: 1,000 fits every platform's keyring entry.
const LONG_PIECE_CHARS: usize = 1000;
const LONG_HEADER: &str = "arbiter-pieces:";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_secret_is_kept_in_pieces_and_shrinks_cleanly() {
        let store = MemoryStore::default();
        let long: String = "é".repeat(2_500) + "end";
        store.set_long("sso:https://api", &long).unwrap();
        assert_eq!(store.get_long("sso:https://api").unwrap().as_deref(), Some(long.as_str()));
        assert!(store.get("sso:https://api#3").unwrap().is_some());
        store.set_long("sso:https://api", "short").unwrap();
        assert_eq!(store.get_long("sso:https://api").unwrap().as_deref(), Some("short"));
        assert!(store.get("sso:https://api#2").unwrap().is_none(), "the old pieces are gone");
        store.remove_long("sso:https://api").unwrap();
        assert!(store.0.lock().unwrap().is_empty());
        assert_eq!(store.get_long("sso:https://api").unwrap(), None);
    }
}

/// The keyring account holding a cache file's encryption key.
pub fn cache_key_account(file_name: &str) -> String {
    format!("cache-key:{file_name}")
}

/// The OS keyring, through the `keyring` crate with each platform's native backend.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyringStore;

/// What the desk was doing with the keyring.
#[derive(Clone, Copy)]
enum KeyringAction {
    Read,
    Store,
    Remove,
}

fn keyring_error(action: KeyringAction, error: keyring::Error) -> DeskError {
    let action = Msg::new(match action {
        KeyringAction::Read => &errors::KEYRING_READ,
        KeyringAction::Store => &errors::KEYRING_STORE,
        KeyringAction::Remove => &errors::KEYRING_REMOVE,
    });
    let def = match &error {
        keyring::Error::NoStorageAccess(_) => &errors::KEYRING_LOCKED,
        keyring::Error::PlatformFailure(_) => &errors::KEYRING_MISSING,
        _ => &errors::KEYRING,
    };
    DeskError::say(ErrorCode::Keyring, Msg::new(def).msg("action", action).text("detail", error.to_string()))
}

impl CredentialStore for KeyringStore {
    fn get(&self, account: &str) -> Result<Option<String>, DeskError> {
        let entry = keyring::Entry::new(KEYRING_SERVICE, account).map_err(|e| keyring_error(KeyringAction::Read, e))?;
        match entry.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(keyring_error(KeyringAction::Read, e)),
        }
    }

    fn set(&self, account: &str, secret: &str) -> Result<(), DeskError> {
        let entry =
            keyring::Entry::new(KEYRING_SERVICE, account).map_err(|e| keyring_error(KeyringAction::Store, e))?;
        entry.set_password(secret).map_err(|e| keyring_error(KeyringAction::Store, e))
    }

    fn remove(&self, account: &str) -> Result<(), DeskError> {
        let entry =
            keyring::Entry::new(KEYRING_SERVICE, account).map_err(|e| keyring_error(KeyringAction::Remove, e))?;
        match entry.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keyring_error(KeyringAction::Remove, e)),
        }
    }
}

/// Tokens in memory only: for tests of everything around the keyring.
#[derive(Debug, Default)]
pub struct MemoryStore(Mutex<HashMap<String, String>>);

impl CredentialStore for MemoryStore {
    fn get(&self, account: &str) -> Result<Option<String>, DeskError> {
        Ok(self.0.lock().expect("lock").get(account).cloned())
    }

    fn set(&self, account: &str, secret: &str) -> Result<(), DeskError> {
        self.0.lock().expect("lock").insert(account.to_owned(), secret.to_owned());
        Ok(())
    }

    fn remove(&self, account: &str) -> Result<(), DeskError> {
        self.0.lock().expect("lock").remove(account);
        Ok(())
    }
}

/// Runs a blocking keyring call off the async runtime.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, DeskError> + Send + 'static,
) -> Result<T, DeskError> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(DeskError::say(ErrorCode::Internal, with_detail(&errors::KEYRING_TASK, e))))
}
