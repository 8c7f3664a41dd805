//! Where bearer tokens are kept: the OS keyring (Keychain, Credential Manager, Secret
//! Service), never a file.

use std::collections::HashMap;
use std::sync::Mutex;

use arbiter_client::ApiToken;

use crate::error::{DeskError, ErrorCode};

/// The keyring "service" our entries are filed under.
pub const KEYRING_SERVICE: &str = "dev.arbiter.desk";

/// A place for tokens, one per server address. Calls may block (D-Bus, Keychain); callers
/// run them off the async runtime.
pub trait CredentialStore: Send + Sync + 'static {
    fn load(&self, server_url: &str) -> Result<Option<ApiToken>, DeskError>;
    fn save(&self, server_url: &str, token: &ApiToken) -> Result<(), DeskError>;
    fn delete(&self, server_url: &str) -> Result<(), DeskError>;
}

/// The OS keyring, through the `keyring` crate with each platform's native backend.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyringStore;

fn keyring_error(action: &str, error: keyring::Error) -> DeskError {
    let hint = match &error {
        keyring::Error::NoStorageAccess(_) => " (is the keyring locked?)",
        keyring::Error::PlatformFailure(_) => " (is a keyring service such as GNOME Keyring or KWallet running?)",
        _ => "",
    };
    DeskError::new(ErrorCode::Keyring, format!("could not {action} the token in the system keyring: {error}{hint}"))
}

impl CredentialStore for KeyringStore {
    fn load(&self, server_url: &str) -> Result<Option<ApiToken>, DeskError> {
        let entry = keyring::Entry::new(KEYRING_SERVICE, server_url).map_err(|e| keyring_error("read", e))?;
        match entry.get_password() {
            Ok(token) => Ok(Some(ApiToken::new(token))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(keyring_error("read", e)),
        }
    }

    fn save(&self, server_url: &str, token: &ApiToken) -> Result<(), DeskError> {
        let entry = keyring::Entry::new(KEYRING_SERVICE, server_url).map_err(|e| keyring_error("store", e))?;
        entry.set_password(token.expose()).map_err(|e| keyring_error("store", e))
    }

    fn delete(&self, server_url: &str) -> Result<(), DeskError> {
        let entry = keyring::Entry::new(KEYRING_SERVICE, server_url).map_err(|e| keyring_error("remove", e))?;
        match entry.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keyring_error("remove", e)),
        }
    }
}

/// Tokens in memory only: for tests of everything around the keyring.
#[derive(Debug, Default)]
pub struct MemoryStore(Mutex<HashMap<String, ApiToken>>);

impl CredentialStore for MemoryStore {
    fn load(&self, server_url: &str) -> Result<Option<ApiToken>, DeskError> {
        Ok(self.0.lock().expect("lock").get(server_url).cloned())
    }

    fn save(&self, server_url: &str, token: &ApiToken) -> Result<(), DeskError> {
        self.0.lock().expect("lock").insert(server_url.to_owned(), token.clone());
        Ok(())
    }

    fn delete(&self, server_url: &str) -> Result<(), DeskError> {
        self.0.lock().expect("lock").remove(server_url);
        Ok(())
    }
}
