//! Signing in with the company's identity provider, as desktop apps do: OpenID Connect's
//! authorization code flow with PKCE (RFC 7636) in the system browser, the code coming back to
//! a one-time listener on the loopback interface (RFC 8252 §7.3). The desk keeps the access and
//! refresh tokens in the OS keyring, refreshes the access token before it expires and when the
//! company API refuses it (RFC 6749 §6), and revokes the refresh token on sign-out (RFC 7009).
//!
//! The ID token is not what identifies the agent here: the company API checks the access token
//! against the provider's keys and answers who it belongs to (`GET /v1/me`).

use std::sync::Arc;
use std::time::Duration;

use arbiter_client::{ApiToken, ClientError, Refreshed, TokenRefresh};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::Mutex;
use url::Url;

use crate::credentials::CredentialStore;
use crate::error::{DeskError, ErrorCode};
use crate::managed::IdentityProvider;
use crate::messages::sso;
use arbiter_text::Msg;

/// Scopes asked when the company's file names none: who the agent is, and a refresh token.
const DEFAULT_SCOPES: &str = "openid email offline_access";
/// How long the browser step may take before the desk stops listening.
pub const BROWSER_STEP_LIMIT: Duration = Duration::from_secs(10 * 60);
/// The provider's endpoints answer within this, or the desk says it cannot reach them.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(15);

/// The keyring account holding the tokens of a session signed in with the identity provider.
pub fn tokens_account(server_url: &str) -> String {
    format!("sso:{server_url}")
}

fn say(code: ErrorCode, def: &'static arbiter_text::Def, detail: impl std::fmt::Display) -> DeskError {
    DeskError::say(code, Msg::new(def).text("detail", detail.to_string()))
}

/// The parts of the provider's discovery document the desk uses.
#[derive(Debug, Clone, Deserialize)]
struct Metadata {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    revocation_endpoint: Option<String>,
    #[serde(default)]
    code_challenge_methods_supported: Option<Vec<String>>,
}

/// The company's identity provider, found through its discovery document.
#[derive(Debug, Clone)]
pub struct Provider {
    metadata: Metadata,
    client_id: String,
    scopes: String,
    prompt: Option<String>,
    http: reqwest::Client,
}

/// The tokens of a session, as kept in the keyring. Never printed.
#[derive(Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct TokenSet {
    pub issuer: String,
    pub client_id: String,
    pub scopes: String,
    pub access_token: String,
    pub refresh_token: Option<String>,
    /// Unix seconds.
    pub expires_at: i64,
    /// How long the access token was issued for, in seconds.
    pub lifetime_secs: i64,
}

impl std::fmt::Debug for TokenSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenSet")
            .field("issuer", &self.issuer)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl TokenSet {
    /// When to refresh: a fifth of the lifetime before expiry (between 5 s and 2 min), so a
    /// request sent just before never carries an expired token.
    pub fn refresh_at(&self) -> i64 {
        self.expires_at - (self.lifetime_secs / 5).clamp(5, 120)
    }
}

/// The token endpoint's answer (RFC 6749 §5.1) or error (§5.2).
#[derive(Deserialize)]
struct TokenAnswer {
    access_token: Option<String>,
    token_type: Option<String>,
    /// Seconds, as a number (RFC 6749) or a string (some older endpoints).
    expires_in: Option<serde_json::Value>,
    refresh_token: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

/// A refresh that did not work: the sign-in has ended, or the provider is not there now.
#[derive(Debug)]
pub enum RefreshFailure {
    Ended(String),
    Unreachable(String),
}

impl From<RefreshFailure> for ClientError {
    fn from(failure: RefreshFailure) -> Self {
        match failure {
            RefreshFailure::Ended(detail) => {
                ClientError::Unauthorized(format!("the company sign-in has ended ({detail}); sign in again"))
            }
            RefreshFailure::Unreachable(detail) => ClientError::Network(format!("the identity provider: {detail}")),
        }
    }
}

fn random_url_safe(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

/// PKCE's S256 challenge for a verifier (RFC 7636 §4.2).
pub fn code_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

impl Provider {
    /// Reads the provider's discovery document and checks it names the issuer configured.
    pub async fn discover(idp: &IdentityProvider) -> Result<Self, DeskError> {
        let http = reqwest::Client::builder()
            .timeout(PROVIDER_TIMEOUT)
            .user_agent(concat!("arbiter-desk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| say(ErrorCode::Internal, &sso::UNREACHABLE, e))?;
        let issuer = idp.issuer.trim_end_matches('/');
        let url = format!("{issuer}/.well-known/openid-configuration");
        let answer = http.get(&url).send().await.and_then(|r| r.error_for_status());
        let metadata: Metadata = match answer {
            Ok(response) => {
                response.json().await.map_err(|e| say(ErrorCode::Malformed, &sso::DISCOVERY_UNREADABLE, e))?
            }
            Err(e) => return Err(say(ErrorCode::Offline, &sso::UNREACHABLE, e)),
        };
        if metadata.issuer.trim_end_matches('/') != issuer {
            return Err(say(
                ErrorCode::Malformed,
                &sso::DISCOVERY_UNREADABLE,
                format!("it names the issuer {}", metadata.issuer),
            ));
        }
        if metadata.code_challenge_methods_supported.as_ref().is_some_and(|m| !m.iter().any(|m| m == "S256")) {
            return Err(say(ErrorCode::Rejected, &sso::DISCOVERY_UNREADABLE, "it does not offer PKCE with S256"));
        }
        let scopes = if idp.scopes.is_empty() { DEFAULT_SCOPES.to_owned() } else { idp.scopes.join(" ") };
        Ok(Self { metadata, client_id: idp.client_id.clone(), scopes, prompt: idp.prompt.clone(), http })
    }

    /// The provider of a saved session.
    pub async fn of_tokens(tokens: &TokenSet) -> Result<Self, DeskError> {
        let idp = IdentityProvider {
            issuer: tokens.issuer.clone(),
            client_id: tokens.client_id.clone(),
            scopes: tokens.scopes.split(' ').map(str::to_owned).collect(),
            prompt: None,
        };
        Self::discover(&idp).await
    }

    /// Starts the browser step: a listener on a free loopback port and the address to open.
    pub async fn authorize(&self) -> Result<Authorization, DeskError> {
        let listener =
            TcpListener::bind(("127.0.0.1", 0)).await.map_err(|e| say(ErrorCode::Internal, &sso::NO_LISTENER, e))?;
        let port = listener.local_addr().map_err(|e| say(ErrorCode::Internal, &sso::NO_LISTENER, e))?.port();
        let redirect_uri = format!("http://127.0.0.1:{port}/callback");
        let verifier = random_url_safe(32);
        let state = random_url_safe(16);
        let mut url = Url::parse(&self.metadata.authorization_endpoint)
            .map_err(|e| say(ErrorCode::Malformed, &sso::DISCOVERY_UNREADABLE, e))?;
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.client_id)
            .append_pair("redirect_uri", &redirect_uri)
            .append_pair("scope", &self.scopes)
            .append_pair("state", &state)
            .append_pair("nonce", &random_url_safe(16))
            .append_pair("code_challenge", &code_challenge(&verifier))
            .append_pair("code_challenge_method", "S256");
        if let Some(prompt) = &self.prompt {
            url.query_pairs_mut().append_pair("prompt", prompt);
        }
        Ok(Authorization { url: url.to_string(), listener, redirect_uri, verifier, state })
    }

    /// Trades the code from the browser for tokens.
    pub async fn exchange(&self, code: &AuthorizationCode) -> Result<TokenSet, DeskError> {
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code.code.as_str()),
            ("redirect_uri", code.redirect_uri.as_str()),
            ("client_id", self.client_id.as_str()),
            ("code_verifier", code.verifier.as_str()),
        ];
        let tokens = self.token_request(&form, None).await.map_err(|failure| match failure {
            RefreshFailure::Ended(detail) => say(ErrorCode::Rejected, &sso::REFUSED, detail),
            RefreshFailure::Unreachable(detail) => say(ErrorCode::Offline, &sso::UNREACHABLE, detail),
        })?;
        if tokens.refresh_token.is_none() {
            tracing::warn!(
                "the identity provider issued no refresh token: the session ends when the access token expires"
            );
        }
        Ok(tokens)
    }

    /// A new access token for a refresh token; the provider may hand out a new refresh token
    /// too (rotation), which then replaces the old one.
    pub async fn refresh(&self, refresh_token: &str) -> Result<TokenSet, RefreshFailure> {
        let form =
            [("grant_type", "refresh_token"), ("refresh_token", refresh_token), ("client_id", self.client_id.as_str())];
        self.token_request(&form, Some(refresh_token)).await
    }

    /// Tells the provider the refresh token is no longer wanted (sign-out). Best effort: a
    /// provider without a revocation endpoint lets it expire.
    pub async fn revoke(&self, token: &str) -> Result<(), String> {
        let Some(endpoint) = &self.metadata.revocation_endpoint else { return Ok(()) };
        let form = [("token", token), ("token_type_hint", "refresh_token"), ("client_id", self.client_id.as_str())];
        let response = self.http.post(endpoint).form(&form).send().await.map_err(|e| e.to_string())?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(format!("the provider answered {}", response.status()))
        }
    }

    async fn token_request(
        &self,
        form: &[(&str, &str)],
        refresh_token: Option<&str>,
    ) -> Result<TokenSet, RefreshFailure> {
        let response = self
            .http
            .post(&self.metadata.token_endpoint)
            .form(form)
            .send()
            .await
            .map_err(|e| RefreshFailure::Unreachable(e.to_string()))?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(|e| RefreshFailure::Unreachable(e.to_string()))?;
        let answer: TokenAnswer = serde_json::from_slice(&bytes)
            .map_err(|_| RefreshFailure::Unreachable(format!("the token endpoint answered {status} without JSON")))?;
        if let Some(error) = answer.error {
            let detail = answer.error_description.map(|d| format!("{error}: {d}")).unwrap_or(error);
            return Err(if status.is_server_error() {
                RefreshFailure::Unreachable(detail)
            } else {
                RefreshFailure::Ended(detail)
            });
        }
        if status.is_server_error() {
            return Err(RefreshFailure::Unreachable(format!("the token endpoint answered {status}")));
        }
        let access_token = answer
            .access_token
            .filter(|t| !t.is_empty())
            .ok_or_else(|| RefreshFailure::Ended("no access token in the answer".into()))?;
        if !answer.token_type.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("bearer")) {
            return Err(RefreshFailure::Ended("the access token is not a bearer token".into()));
        }
        let lifetime_secs = match &answer.expires_in {
            Some(serde_json::Value::Number(n)) => n.as_i64(),
            Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        }
        .unwrap_or(300)
        .max(1);
        Ok(TokenSet {
            issuer: self.metadata.issuer.clone(),
            client_id: self.client_id.clone(),
            scopes: self.scopes.clone(),
            access_token,
            refresh_token: answer.refresh_token.or_else(|| refresh_token.map(str::to_owned)),
            expires_at: chrono::Utc::now().timestamp() + lifetime_secs,
            lifetime_secs,
        })
    }
}

/// The browser step under way, at most one (the desk's; `company_sign_in` drives it).
#[derive(Default)]
pub(crate) struct Pending {
    pub step: Mutex<Option<(Provider, Authorization)>>,
    pub cancelled: tokio::sync::Notify,
}

/// The browser step under way: where to send the agent, and the listener the code comes to.
pub struct Authorization {
    pub url: String,
    listener: TcpListener,
    redirect_uri: String,
    verifier: String,
    state: String,
}

/// The code the browser brought back, with what trading it needs.
pub struct AuthorizationCode {
    code: String,
    redirect_uri: String,
    verifier: String,
}

/// What the browser tab shows once the desk has the answer.
const PAGE_DONE: &str = "<!doctype html><meta charset=utf-8><title>Arbiter</title><body style=\"font:16px system-ui;margin:3em\"><h1>You are signed in</h1><p>Go back to Arbiter; you can close this tab.</p>";
const PAGE_REFUSED: &str = "<!doctype html><meta charset=utf-8><title>Arbiter</title><body style=\"font:16px system-ui;margin:3em\"><h1>Sign-in did not finish</h1><p>Go back to Arbiter and try again.</p>";

impl Authorization {
    /// Waits for the browser to come back with the code. Requests to other paths, or with
    /// another `state` (not from this sign-in), are answered and ignored.
    pub async fn code(self) -> Result<AuthorizationCode, DeskError> {
        loop {
            let (mut stream, _) =
                self.listener.accept().await.map_err(|e| say(ErrorCode::Internal, &sso::NO_LISTENER, e))?;
            let Some(target) = read_request_target(&mut stream).await else { continue };
            let Ok(url) = Url::parse(&format!("http://127.0.0.1{target}")) else { continue };
            if url.path() != "/callback" {
                let _ = respond(&mut stream, "404 Not Found", "").await;
                continue;
            }
            let query: std::collections::HashMap<String, String> = url.query_pairs().into_owned().collect();
            if query.get("state") != Some(&self.state) {
                let _ = respond(&mut stream, "400 Bad Request", PAGE_REFUSED).await;
                continue;
            }
            if let Some(error) = query.get("error") {
                let _ = respond(&mut stream, "200 OK", PAGE_REFUSED).await;
                let detail =
                    query.get("error_description").map(|d| format!("{error}: {d}")).unwrap_or_else(|| error.clone());
                return Err(say(ErrorCode::Rejected, &sso::REFUSED, detail));
            }
            let Some(code) = query.get("code").filter(|c| !c.is_empty()) else {
                let _ = respond(&mut stream, "400 Bad Request", PAGE_REFUSED).await;
                continue;
            };
            let _ = respond(&mut stream, "200 OK", PAGE_DONE).await;
            return Ok(AuthorizationCode {
                code: code.clone(),
                redirect_uri: self.redirect_uri,
                verifier: self.verifier,
            });
        }
    }
}

/// The target of an HTTP request's first line (`GET /callback?… HTTP/1.1`); `None` when it
/// is not a GET or does not arrive within 5 s and 8 KiB.
async fn read_request_target(stream: &mut tokio::net::TcpStream) -> Option<String> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    let read = async {
        while !head.windows(2).any(|w| w == b"\r\n") && head.len() < 8192 {
            let n = stream.read(&mut buf).await.ok()?;
            if n == 0 {
                return None;
            }
            head.extend_from_slice(&buf[..n]);
        }
        Some(())
    };
    tokio::time::timeout(Duration::from_secs(5), read).await.ok()??;
    let line = String::from_utf8_lossy(&head);
    let mut parts = line.lines().next()?.split(' ');
    (parts.next()? == "GET").then_some(())?;
    parts.next().filter(|t| t.starts_with('/')).map(str::to_owned)
}

async fn respond(stream: &mut tokio::net::TcpStream, status: &str, body: &str) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body.as_bytes()).await?;
    stream.shutdown().await
}

/// Keeps a session's tokens fresh: one refresh at a time however many requests were refused
/// together, the new tokens in the keyring before anyone uses them.
pub struct Refresher {
    state: Mutex<RefresherState>,
    credentials: Arc<dyn CredentialStore>,
    account: String,
}

struct RefresherState {
    tokens: TokenSet,
    provider: Option<Provider>,
    /// Signed out: nothing is refreshed or saved any more.
    closed: bool,
}

impl Refresher {
    pub fn new(tokens: TokenSet, credentials: Arc<dyn CredentialStore>, server_url: &str) -> Self {
        Self {
            state: Mutex::new(RefresherState { tokens, provider: None, closed: false }),
            credentials,
            account: tokens_account(server_url),
        }
    }

    pub async fn tokens(&self) -> TokenSet {
        self.state.lock().await.tokens.clone()
    }

    /// Refreshes unless the token in use is already newer than `stale`.
    pub async fn refresh_if_current(&self, stale: &str) -> Result<ApiToken, RefreshFailure> {
        let mut state = self.state.lock().await;
        if state.closed {
            return Err(RefreshFailure::Ended("signed out".into()));
        }
        if state.tokens.access_token != stale {
            return Ok(ApiToken::new(state.tokens.access_token.clone()));
        }
        let Some(refresh_token) = state.tokens.refresh_token.clone() else {
            return Err(RefreshFailure::Ended("no refresh token was issued".into()));
        };
        if state.provider.is_none() {
            let provider =
                Provider::of_tokens(&state.tokens).await.map_err(|e| RefreshFailure::Unreachable(e.message))?;
            state.provider = Some(provider);
        }
        let provider = state.provider.as_ref().expect("discovered above");
        let fresh = provider.refresh(&refresh_token).await?;
        // The provider may have spent the old refresh token: the new one is kept whatever
        // the keyring says (a failed save costs a sign-in after a restart, not the session).
        state.tokens = fresh.clone();
        if let Err(error) = save_tokens(&self.credentials, &self.account, &fresh).await {
            tracing::warn!(error = %error.message, "could not keep the refreshed tokens in the keyring");
        }
        tracing::info!(expires_at = fresh.expires_at, "access token refreshed");
        Ok(ApiToken::new(fresh.access_token))
    }

    /// Revokes the refresh token at the provider (sign-out); a failure is only logged. Holds
    /// the session's lock throughout and closes it, so no refresh rotates the token after.
    pub async fn revoke(&self) {
        let mut state = self.state.lock().await;
        state.closed = true;
        let tokens = state.tokens.clone();
        let Some(refresh_token) = tokens.refresh_token.as_deref() else { return };
        let revoked = async {
            let provider = Provider::of_tokens(&tokens).await.map_err(|e| e.message)?;
            provider.revoke(refresh_token).await
        };
        match tokio::time::timeout(Duration::from_secs(5), revoked).await {
            Ok(Ok(())) => tracing::info!("refresh token revoked"),
            Ok(Err(error)) => tracing::warn!(%error, "could not revoke the refresh token"),
            Err(_) => tracing::warn!("could not revoke the refresh token: the provider did not answer"),
        }
    }
}

impl TokenRefresh for Refresher {
    fn refresh<'a>(&'a self, refused: &'a ApiToken) -> Refreshed<'a> {
        Box::pin(async move { Ok(self.refresh_if_current(refused.expose()).await?) })
    }
}

/// Refreshes the access token ahead of its expiry for as long as the session lasts, and
/// moves `client` to each new one. A provider that is not there is tried again every 30 s;
/// a sign-in that has ended stops the loop (the next refused request says so).
pub fn spawn_refresh_ahead(
    refresher: Arc<Refresher>,
    client: arbiter_client::ApiClient,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let tokens = refresher.tokens().await;
            // At least 5 s between refreshes, even for tokens that live less than that.
            let wait = (tokens.refresh_at() - chrono::Utc::now().timestamp()).max(5) as u64;
            tokio::time::sleep(Duration::from_secs(wait)).await;
            match refresher.refresh_if_current(&tokens.access_token).await {
                Ok(token) => client.replace_token(token),
                Err(RefreshFailure::Unreachable(error)) => {
                    tracing::warn!(%error, "could not refresh the access token; trying again in 30 s");
                    tokio::time::sleep(Duration::from_secs(30)).await;
                }
                Err(RefreshFailure::Ended(error)) => {
                    tracing::warn!(%error, "the company sign-in has ended");
                    return;
                }
            }
        }
    })
}

/// A session signed in with the identity provider: its refresher and the loop refreshing
/// ahead of expiry (stopped with the session).
pub(crate) struct SsoSession {
    pub refresher: Arc<Refresher>,
    ahead: tokio::task::JoinHandle<()>,
}

impl SsoSession {
    /// A client for `server_url` carrying the session's access token, refreshed as needed.
    pub fn start(
        tokens: TokenSet,
        credentials: Arc<dyn CredentialStore>,
        server_url: &str,
    ) -> Result<(arbiter_client::ApiClient, Self), DeskError> {
        let token = ApiToken::new(tokens.access_token.clone());
        let refresher = Arc::new(Refresher::new(tokens, credentials, server_url));
        let client = arbiter_client::ApiClient::with_refresh(server_url, token, refresher.clone())?;
        let ahead = spawn_refresh_ahead(refresher.clone(), client.clone());
        Ok((client, Self { refresher, ahead }))
    }
}

impl Drop for SsoSession {
    fn drop(&mut self) {
        self.ahead.abort();
    }
}

/// Keeps a session's tokens in the keyring.
pub async fn save_tokens(
    credentials: &Arc<dyn CredentialStore>,
    account: &str,
    tokens: &TokenSet,
) -> Result<(), DeskError> {
    let secret = serde_json::to_string(tokens).expect("tokens serialize");
    let (credentials, account) = (credentials.clone(), account.to_owned());
    crate::credentials::blocking(move || credentials.set_long(&account, &secret)).await
}

/// The tokens of a session signed in with the identity provider, if this server's is one.
pub async fn load_tokens(
    credentials: &Arc<dyn CredentialStore>,
    server_url: &str,
) -> Result<Option<TokenSet>, DeskError> {
    let (credentials, account) = (credentials.clone(), tokens_account(server_url));
    let stored = crate::credentials::blocking(move || credentials.get_long(&account)).await?;
    Ok(stored.and_then(|json| match serde_json::from_str(&json) {
        Ok(tokens) => Some(tokens),
        Err(error) => {
            tracing::warn!(%error, "the stored sign-in tokens are unreadable; sign in again");
            None
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_challenge_is_rfc_7636s_example() {
        // RFC 7636 Appendix B.
        assert_eq!(
            code_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn tokens_refresh_a_fifth_of_their_life_before_expiry_within_bounds() {
        let tokens = |lifetime_secs| TokenSet {
            issuer: "i".into(),
            client_id: "c".into(),
            scopes: DEFAULT_SCOPES.into(),
            access_token: "a".into(),
            refresh_token: None,
            expires_at: 10_000,
            lifetime_secs,
        };
        assert_eq!(tokens(300).refresh_at(), 10_000 - 60);
        assert_eq!(tokens(3600).refresh_at(), 10_000 - 120);
        assert_eq!(tokens(10).refresh_at(), 10_000 - 5);
        assert!(!format!("{:?}", tokens(300)).contains("\"a\""));
    }

    #[tokio::test]
    async fn the_listener_takes_only_this_sign_ins_answer() {
        let provider = Provider {
            metadata: Metadata {
                issuer: "https://idp.test".into(),
                authorization_endpoint: "https://idp.test/auth".into(),
                token_endpoint: "https://idp.test/token".into(),
                revocation_endpoint: None,
                code_challenge_methods_supported: None,
            },
            client_id: "arbiter-desk".into(),
            scopes: DEFAULT_SCOPES.into(),
            prompt: None,
            http: reqwest::Client::new(),
        };
        let authorization = provider.authorize().await.unwrap();
        let url = Url::parse(&authorization.url).unwrap();
        let query: std::collections::HashMap<String, String> = url.query_pairs().into_owned().collect();
        assert_eq!(query["code_challenge_method"], "S256");
        assert_eq!(query["code_challenge"], code_challenge(&authorization.verifier));
        let callback = query["redirect_uri"].clone();
        assert!(callback.starts_with("http://127.0.0.1:") && callback.ends_with("/callback"));
        let state = query["state"].clone();
        let waiting = tokio::spawn(authorization.code());
        let http = reqwest::Client::new();
        assert_eq!(http.get(callback.replace("/callback", "/favicon.ico")).send().await.unwrap().status(), 404);
        assert_eq!(http.get(format!("{callback}?code=stolen&state=other")).send().await.unwrap().status(), 400);
        let done = http.get(format!("{callback}?code=the-code&state={state}")).send().await.unwrap();
        assert_eq!(done.status(), 200);
        assert!(done.text().await.unwrap().contains("You are signed in"));
        let code = waiting.await.unwrap().unwrap();
        assert_eq!(code.code, "the-code");
    }
}
