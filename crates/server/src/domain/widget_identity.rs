//! A signed-in exchange customer, as the company's site vouches for them: a JWT (RFC 7519)
//! signed with HMAC-SHA256 (`alg` HS256) under the widget secret the server holds, with
//! `sub` = the exchange account id and `exp`. Any other algorithm (`none` included), a bad
//! signature, an expired or not-yet-valid token is refused; nothing in it is trusted before
//! the signature is checked.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

/// Longest identity token read (a JWT with a few claims is a few hundred bytes).
pub const TOKEN_MAX_BYTES: usize = 4_096;
/// Clock difference tolerated between the company's site and this server.
const LEEWAY_SECONDS: i64 = 60;

/// Who the token says the customer is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub account_id: String,
}

/// Why a token was refused (said to the widget as one sentence; the details are logged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Malformed,
    Algorithm,
    Signature,
    Expired,
    NotYetValid,
}

#[derive(Deserialize)]
struct Header {
    alg: String,
}

#[derive(Deserialize)]
struct Claims {
    sub: String,
    exp: i64,
    #[serde(default)]
    nbf: Option<i64>,
}

/// Verifies `token` under `secret` at `now`.
pub fn verify(token: &str, secret: &[u8], now: DateTime<Utc>) -> Result<Identity, Refused> {
    if token.len() > TOKEN_MAX_BYTES {
        return Err(Refused::Malformed);
    }
    let mut parts = token.split('.');
    let (Some(header), Some(claims), Some(signature), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refused::Malformed);
    };
    let decode = |part: &str| URL_SAFE_NO_PAD.decode(part).map_err(|_| Refused::Malformed);
    let header: Header = serde_json::from_slice(&decode(header)?).map_err(|_| Refused::Malformed)?;
    if header.alg != "HS256" {
        return Err(Refused::Algorithm);
    }
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(&token.as_bytes()[..token.len() - signature.len() - 1]);
    mac.verify_slice(&decode(signature)?).map_err(|_| Refused::Signature)?;
    let claims: Claims = serde_json::from_slice(&decode(claims)?).map_err(|_| Refused::Malformed)?;
    let now = now.timestamp();
    if claims.exp + LEEWAY_SECONDS < now {
        return Err(Refused::Expired);
    }
    if claims.nbf.is_some_and(|nbf| nbf - LEEWAY_SECONDS > now) {
        return Err(Refused::NotYetValid);
    }
    let account_id = claims.sub.trim();
    if account_id.is_empty() || account_id.len() > 64 {
        return Err(Refused::Malformed);
    }
    Ok(Identity { account_id: account_id.to_owned() })
}

/// Signs claims as the company's site would (the demo page and tests).
pub fn sign(claims: &serde_json::Value, secret: &[u8]) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let body = URL_SAFE_NO_PAD.encode(claims.to_string());
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(format!("{header}.{body}").as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    format!("{header}.{body}.{signature}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SECRET: &[u8] = b"a-widget-secret-of-the-company";

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap()
    }

    #[test]
    fn a_token_the_site_signed_names_the_account() {
        let token = sign(&json!({"sub": "UID48213391", "exp": 1_800_000_600}), SECRET);
        assert_eq!(verify(&token, SECRET, now()), Ok(Identity { account_id: "UID48213391".into() }));
    }

    #[test]
    fn forged_expired_and_unsigned_tokens_are_refused() {
        let good = sign(&json!({"sub": "UID1", "exp": 1_800_000_600}), SECRET);
        assert_eq!(verify(&good, b"another secret", now()), Err(Refused::Signature));
        // The claims swapped for another account, the signature kept.
        let parts: Vec<&str> = good.split('.').collect();
        let other = URL_SAFE_NO_PAD.encode(json!({"sub": "UID2", "exp": 1_800_000_600}).to_string());
        assert_eq!(verify(&format!("{}.{other}.{}", parts[0], parts[2]), SECRET, now()), Err(Refused::Signature));
        let expired = sign(&json!({"sub": "UID1", "exp": 1_799_999_000}), SECRET);
        assert_eq!(verify(&expired, SECRET, now()), Err(Refused::Expired));
        let early = sign(&json!({"sub": "UID1", "exp": 1_800_009_000, "nbf": 1_800_005_000}), SECRET);
        assert_eq!(verify(&early, SECRET, now()), Err(Refused::NotYetValid));
        let none = format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#),
            URL_SAFE_NO_PAD.encode(json!({"sub": "UID1", "exp": 1_800_000_600}).to_string())
        );
        assert_eq!(verify(&none, SECRET, now()), Err(Refused::Algorithm));
        for junk in ["", "a.b", "a.b.c.d", "!!!.???.***", &"x".repeat(5_000)] {
            assert_eq!(verify(junk, SECRET, now()), Err(Refused::Malformed), "{junk:.20}");
        }
    }
}
