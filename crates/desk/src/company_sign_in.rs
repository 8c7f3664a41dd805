//! Signing in with the company's single sign-on, as the sign-in screen drives it: `begin`
//! opens the browser and answers its address (shown to copy when no browser opens), then
//! `complete` waits for the browser to come back, checks the account with the company API
//! and starts the session; `cancel` stops waiting.

use crate::credentials::blocking;
use crate::desk::{Desk, SessionInfo};
use crate::error::{DeskError, ErrorCode};
use crate::messages::sso;
use crate::settings::SavedSession;
use crate::single_sign_on::{save_tokens, tokens_account, Provider, BROWSER_STEP_LIMIT};
use arbiter_client::{ApiClient, ApiToken, ClientError};
use arbiter_text::Msg;

fn said(code: ErrorCode, def: &'static arbiter_text::Def) -> DeskError {
    DeskError::say(code, Msg::new(def))
}

impl Desk {
    /// Starts single sign-on with the identity provider the company's file names: opens the
    /// system browser at the provider's sign-in page and answers that address.
    pub async fn begin_company_sign_in(&self) -> Result<String, DeskError> {
        let managed = self.managed();
        let (Some(_), Some(idp)) = (managed.server_url, managed.identity_provider) else {
            return Err(said(ErrorCode::InvalidInput, &sso::NOT_CONFIGURED));
        };
        let provider = Provider::discover(&idp).await?;
        let authorization = provider.authorize().await?;
        let url = authorization.url.clone();
        // A second press starts over: the earlier listener closes with its step.
        *self.sign_in_pending.step.lock().await = Some((provider, authorization));
        if let Err(error) = open::that_detached(&url) {
            tracing::warn!(%error, "could not open the browser for single sign-on; the link is shown to copy");
        }
        Ok(url)
    }

    /// Waits for the browser step begun by `begin_company_sign_in`, then signs in.
    pub async fn complete_company_sign_in(&self) -> Result<SessionInfo, DeskError> {
        // Listening for a cancel before the step is taken, so none falls in between.
        let cancelled = self.sign_in_pending.cancelled.notified();
        tokio::pin!(cancelled);
        cancelled.as_mut().enable();
        let step = self.sign_in_pending.step.lock().await.take();
        let (provider, authorization) = step.ok_or_else(|| said(ErrorCode::InvalidInput, &sso::NOT_STARTED))?;
        let code = tokio::select! {
            code = tokio::time::timeout(BROWSER_STEP_LIMIT, authorization.code()) => {
                code.map_err(|_| said(ErrorCode::Offline, &sso::TIMED_OUT))??
            }
            _ = cancelled => return Err(said(ErrorCode::InvalidInput, &sso::CANCELLED)),
        };
        let tokens = provider.exchange(&code).await?;
        let server_url =
            self.managed().server_url.ok_or_else(|| said(ErrorCode::InvalidInput, &sso::NOT_CONFIGURED))?;
        let agent = ApiClient::new(&server_url, ApiToken::new(tokens.access_token.clone()))?.me().await.map_err(
            |e| match e {
                ClientError::Unauthorized(detail) => {
                    DeskError::say(ErrorCode::Unauthorized, Msg::new(&sso::API_REFUSED).text("detail", detail))
                }
                other => other.into(),
            },
        )?;

        // A session still open (its sign-in ended, or another account's) is closed first, its
        // refresh token revoked, so nothing of it overwrites the new tokens.
        let previous = self.session.read().await.as_ref().and_then(|s| s.sso.as_ref().map(|s| s.refresher.clone()));
        if let Some(refresher) = previous {
            refresher.revoke().await;
        }
        self.stop_session().await;
        save_tokens(&self.credentials, &tokens_account(&server_url), &tokens).await?;
        let (credentials, url) = (self.credentials.clone(), server_url.clone());
        // Single sign-on replaces a personal token kept for this server.
        blocking(move || credentials.delete(&url)).await?;
        let saved = SavedSession { server_url: server_url.clone(), agent: agent.clone() };
        self.settings.update(|s| s.session = Some(saved.clone())).await?;
        self.resume(saved).await?;
        tracing::info!(agent = agent.id, server = %server_url, "signed in with single sign-on");
        Ok(SessionInfo { server_url, agent })
    }

    /// Stops waiting for the browser.
    pub async fn cancel_company_sign_in(&self) {
        self.sign_in_pending.step.lock().await.take();
        self.sign_in_pending.cancelled.notify_waiters();
    }
}
