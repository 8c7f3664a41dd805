use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, RwLock};

use crate::ClientError;

/// A bearer token. It is never printed: `Debug` shows only that one is present.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiToken(String);

impl ApiToken {
    pub fn new(token: impl Into<String>) -> Self {
        Self(token.into())
    }

    /// The token itself, for the Authorization header and the keyring only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ApiToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiToken(***)")
    }
}

/// What a refresh answers: a new token, later.
pub type Refreshed<'a> = Pin<Box<dyn Future<Output = Result<ApiToken, ClientError>> + Send + 'a>>;

/// Gets a new access token when the server refuses the one in use (an identity provider's
/// refresh token). Given the refused token, so that many requests refused at once cause one
/// refresh: an implementation answers the newer token it already has.
pub trait TokenRefresh: Send + Sync {
    fn refresh<'a>(&'a self, refused: &'a ApiToken) -> Refreshed<'a>;
}

/// The token every clone of a client uses: replaced in one place when it is refreshed, so a
/// sync, the stream and the outbox all move to the new token together.
pub(crate) struct Auth {
    current: RwLock<ApiToken>,
    refresh: Option<Arc<dyn TokenRefresh>>,
}

impl Auth {
    pub(crate) fn new(token: ApiToken, refresh: Option<Arc<dyn TokenRefresh>>) -> Self {
        Self { current: RwLock::new(token), refresh }
    }

    pub(crate) fn current(&self) -> ApiToken {
        self.current.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(crate) fn replace(&self, token: ApiToken) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = token;
    }

    /// A new token after `refused` was refused, when this client can get one.
    pub(crate) async fn refreshed(&self, refused: &ApiToken) -> Option<Result<ApiToken, ClientError>> {
        let refresh = self.refresh.as_ref()?;
        let result = refresh.refresh(refused).await;
        if let Ok(token) = &result {
            self.replace(token.clone());
        }
        Some(result)
    }
}
