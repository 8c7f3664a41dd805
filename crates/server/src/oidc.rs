//! Access tokens from the company's identity provider (OpenID Connect), accepted beside the
//! agents' personal tokens (`--oidc-issuer`, `--oidc-audience`, `--oidc-agent-claim`).
//!
//! A token is a JWT access token signed by a key of the issuer's JWKS (found through its
//! discovery document, fetched again when a token names a key not seen yet, at most every
//! 30 s), issued by the configured issuer for the configured audience, within its `nbf`/`exp`.
//! RFC 9068 says `typ: at+jwt`, but Keycloak and Entra ID send `JWT` and Okta none, so those
//! are accepted too; an ID token is told apart by its `nonce` (and its audience, the desk's
//! client id, is not this API's). The agent is the one whose email (or the claim configured)
//! the token carries; an `email` must be verified (`email_verified: true`), since at some
//! providers people can set it themselves. Everything else is refused with 401 — except a
//! token whose key cannot be fetched because the provider is down: that is not the token's
//! fault, so it is answered 503 with Retry-After and the desk keeps its session and retries.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tokio::sync::RwLock;

/// How a company's identity provider is trusted.
#[derive(Debug, Clone)]
pub struct OidcConfig {
    /// The issuer exactly as its tokens name it (`iss`).
    pub issuer: String,
    /// This API as the provider's tokens name it (`aud`).
    pub audience: String,
    /// The claim matched with the agents' emails (`email` unless set).
    pub agent_claim: String,
}

/// Why a token was refused (said in the 401's message).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenRefused {
    #[error("the token is not a JWT access token (typ at+jwt)")]
    NotAnAccessToken,
    #[error("the token is signed with a key the identity provider does not publish")]
    UnknownKey,
    #[error("the token's signature does not verify")]
    BadSignature,
    #[error("the token has expired")]
    Expired,
    #[error("the token is for another API (aud)")]
    WrongAudience,
    #[error("the token is from another issuer (iss)")]
    WrongIssuer,
    #[error("the token does not say who the agent is ({0})")]
    NoAgentClaim(String),
    #[error("the token's email is not verified by the identity provider (email_verified)")]
    EmailNotVerified,
    #[error("the identity provider cannot be reached to check the token: {0}")]
    ProviderUnreachable(String),
    #[error("the token cannot be read: {0}")]
    Malformed(String),
}

/// The issuer's keys, fetched on demand.
pub struct OidcVerifier {
    config: OidcConfig,
    http: reqwest::Client,
    keys: RwLock<Keys>,
    /// One fetch of the keys at a time, without holding `keys`: requests with known keys
    /// never wait on the provider.
    fetching: tokio::sync::Mutex<()>,
}

#[derive(Default)]
struct Keys {
    by_kid: HashMap<String, (DecodingKey, Algorithm)>,
    /// The last fetch, and why it failed if it did.
    fetched: Option<(Instant, Option<String>)>,
}

/// Keys are fetched again no more often than this (a token naming an unknown key cannot
/// make the server hammer the provider).
const REFETCH_AFTER: Duration = Duration::from_secs(30);
/// After a failed fetch, the provider is asked again this soon; until then tokens with an
/// unknown key are answered 503 at once instead of each waiting for the provider.
pub const RETRY_UNREACHABLE_AFTER: Duration = Duration::from_secs(5);
/// Clocks differ a little between the provider and this server.
const LEEWAY_SECS: u64 = 30;

#[derive(Deserialize)]
struct Discovery {
    issuer: String,
    jwks_uri: String,
}

impl OidcVerifier {
    pub fn new(config: OidcConfig) -> Self {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().expect("an HTTP client");
        Self { config, http, keys: RwLock::default(), fetching: tokio::sync::Mutex::default() }
    }

    pub fn agent_claim(&self) -> &str {
        &self.config.agent_claim
    }

    /// Whether `token` looks like a JWT (three base64url parts) rather than a personal token.
    pub fn looks_like_jwt(token: &str) -> bool {
        let parts: Vec<&str> = token.split('.').collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    }

    /// The agent claim's value of a valid access token.
    pub async fn verify(&self, token: &str) -> Result<String, TokenRefused> {
        let header = jsonwebtoken::decode_header(token).map_err(|e| TokenRefused::Malformed(e.to_string()))?;
        let typ = header.typ.as_deref().map(str::to_ascii_lowercase);
        if !matches!(typ.as_deref(), None | Some("at+jwt" | "application/at+jwt" | "jwt")) {
            return Err(TokenRefused::NotAnAccessToken);
        }
        let kid = header.kid.ok_or(TokenRefused::UnknownKey)?;
        let (key, alg) = self.key(&kid).await?;
        if header.alg != alg {
            return Err(TokenRefused::BadSignature);
        }
        let mut validation = Validation::new(alg);
        validation.set_issuer(&[&self.config.issuer]);
        validation.set_audience(&[&self.config.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = LEEWAY_SECS;
        validation.validate_nbf = true;
        let data =
            jsonwebtoken::decode::<HashMap<String, serde_json::Value>>(token, &key, &validation).map_err(|e| {
                use jsonwebtoken::errors::ErrorKind;
                match e.kind() {
                    ErrorKind::ExpiredSignature | ErrorKind::ImmatureSignature => TokenRefused::Expired,
                    ErrorKind::InvalidAudience => TokenRefused::WrongAudience,
                    ErrorKind::InvalidIssuer => TokenRefused::WrongIssuer,
                    ErrorKind::InvalidSignature => TokenRefused::BadSignature,
                    _ => TokenRefused::Malformed(e.to_string()),
                }
            })?;
        if data.claims.contains_key("nonce") {
            return Err(TokenRefused::NotAnAccessToken);
        }
        if self.config.agent_claim == "email"
            && data.claims.get("email_verified") != Some(&serde_json::Value::Bool(true))
        {
            return Err(TokenRefused::EmailNotVerified);
        }
        data.claims
            .get(&self.config.agent_claim)
            .and_then(|v| v.as_str())
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .ok_or_else(|| TokenRefused::NoAgentClaim(self.config.agent_claim.clone()))
    }

    async fn key(&self, kid: &str) -> Result<(DecodingKey, Algorithm), TokenRefused> {
        if let Some(found) = self.keys.read().await.by_kid.get(kid) {
            return Ok(found.clone());
        }
        let _one_fetch = self.fetching.lock().await;
        {
            let keys = self.keys.read().await;
            if let Some(found) = keys.by_kid.get(kid) {
                return Ok(found.clone());
            }
            match &keys.fetched {
                Some((at, None)) if at.elapsed() < REFETCH_AFTER => return Err(TokenRefused::UnknownKey),
                Some((at, Some(why))) if at.elapsed() < RETRY_UNREACHABLE_AFTER => {
                    return Err(TokenRefused::ProviderUnreachable(why.clone()))
                }
                _ => {}
            }
        }
        let fetched = self.fetch_keys().await;
        let mut keys = self.keys.write().await;
        match fetched {
            Ok(fetched) => {
                keys.by_kid = fetched;
                keys.fetched = Some((Instant::now(), None));
                keys.by_kid.get(kid).cloned().ok_or(TokenRefused::UnknownKey)
            }
            Err(refused) => {
                tracing::warn!(issuer = %self.config.issuer, %refused, "identity provider keys could not be fetched");
                keys.fetched = Some((Instant::now(), Some(refused.to_string())));
                Err(refused)
            }
        }
    }

    /// A JSON document of the provider's; any failure is "the provider cannot be reached".
    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, TokenRefused> {
        let unreachable = |e: reqwest::Error| TokenRefused::ProviderUnreachable(e.to_string());
        let response = self.http.get(url).send().await.and_then(|r| r.error_for_status()).map_err(unreachable)?;
        response.json().await.map_err(unreachable)
    }

    async fn fetch_keys(&self) -> Result<HashMap<String, (DecodingKey, Algorithm)>, TokenRefused> {
        let discovery_url = format!("{}/.well-known/openid-configuration", self.config.issuer.trim_end_matches('/'));
        let discovery: Discovery = self.get_json(&discovery_url).await?;
        if discovery.issuer != self.config.issuer {
            return Err(TokenRefused::ProviderUnreachable(format!(
                "the discovery document names issuer {} instead of {}",
                discovery.issuer, self.config.issuer
            )));
        }
        let set: JwkSet = self.get_json(&discovery.jwks_uri).await?;
        let mut keys = HashMap::new();
        for jwk in &set.keys {
            let (Some(kid), Some(alg)) = (jwk.common.key_id.clone(), jwk_algorithm(jwk)) else { continue };
            if let Ok(key) = DecodingKey::from_jwk(jwk) {
                keys.insert(kid, (key, alg));
            }
        }
        tracing::info!(keys = keys.len(), issuer = %self.config.issuer, "identity provider keys fetched");
        Ok(keys)
    }
}

/// The algorithm a JWK is for: its `alg`, or RS256 for an RSA key without one. `none` and
/// symmetric keys never verify a token here.
fn jwk_algorithm(jwk: &jsonwebtoken::jwk::Jwk) -> Option<Algorithm> {
    use jsonwebtoken::jwk::{AlgorithmParameters, KeyAlgorithm};
    let alg = match jwk.common.key_algorithm {
        Some(KeyAlgorithm::RS256) => Algorithm::RS256,
        Some(KeyAlgorithm::RS384) => Algorithm::RS384,
        Some(KeyAlgorithm::RS512) => Algorithm::RS512,
        Some(KeyAlgorithm::PS256) => Algorithm::PS256,
        Some(KeyAlgorithm::PS384) => Algorithm::PS384,
        Some(KeyAlgorithm::PS512) => Algorithm::PS512,
        Some(KeyAlgorithm::ES256) => Algorithm::ES256,
        Some(KeyAlgorithm::ES384) => Algorithm::ES384,
        Some(KeyAlgorithm::EdDSA) => Algorithm::EdDSA,
        Some(_) => return None,
        None => match jwk.algorithm {
            AlgorithmParameters::RSA(_) => Algorithm::RS256,
            _ => return None,
        },
    };
    Some(alg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_tokens_are_not_taken_for_jwts() {
        assert!(!OidcVerifier::looks_like_jwt("demo-ava"));
        assert!(!OidcVerifier::looks_like_jwt("a.b"));
        assert!(!OidcVerifier::looks_like_jwt("a..c"));
        assert!(!OidcVerifier::looks_like_jwt("a.b.c d"));
        assert!(OidcVerifier::looks_like_jwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"));
    }
}
