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
