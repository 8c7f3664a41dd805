//! What a company's IT presets for every agent on a machine, so nobody types a URL: a
//! system-wide JSON file the app reads at start and never writes. The paths, per OS:
//! Linux `/etc/arbiter/config.json`, macOS `/Library/Application Support/Arbiter/config.json`,
//! Windows `%ProgramData%\Arbiter\config.json`; `ARBITER_MANAGED_CONFIG` names another file
//! (a staged rollout, tests). A file that cannot be used is not half-used: nothing of it
//! applies, and the sign-in screen says why.
//!
//! ```json
//! { "server_url": "https://support-api.example.com",
//!   "identity_provider": { "issuer": "https://login.example.com", "client_id": "arbiter-desk" },
//!   "updates": { "manifest_url": "https://support-api.example.com/v1/updates/{{channel}}/latest.json", "channel": "stable" } }
//! ```

use std::path::{Path, PathBuf};

use arbiter_client::normalize_base_url;
use arbiter_text::Msg;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{DeskError, ErrorCode};
use crate::messages::errors;

/// Names a managed file other than the OS's (tests, a staged rollout).
pub const MANAGED_CONFIG_ENV: &str = "ARBITER_MANAGED_CONFIG";
/// Far above any real file; a larger one is not read.
const MAX_FILE: u64 = 64 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManagedFile {
    server_url: Option<String>,
    identity_provider: Option<IdentityProvider>,
    updates: Option<Updates>,
}

/// The company's OpenID provider, for signing in with single sign-on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct IdentityProvider {
    pub issuer: String,
    pub client_id: String,
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Sent as the sign-in request's `prompt` (e.g. `consent`: providers that follow OpenID
    /// Connect Core §11 to the letter issue a refresh token only after a consent prompt).
    #[serde(default)]
    pub prompt: Option<String>,
}

/// Where the desk looks for updates, and which channel it follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Updates {
    pub manifest_url: String,
    pub channel: Option<String>,
}

/// The channel a managed file without one follows.
pub const DEFAULT_CHANNEL: &str = "stable";

impl Updates {
    /// The manifest's address, its `{{channel}}` filled in. Only `https`, or plain `http` to
    /// this machine (a test, a local mirror): the manifest says which installer to fetch, so
    /// it must not be rewritten on the way.
    pub fn manifest_url(&self) -> Result<url::Url, Msg> {
        let channel = self.channel.as_deref().unwrap_or(DEFAULT_CHANNEL);
        let address = self.manifest_url.replace("{{channel}}", channel);
        let unusable = || Msg::new(&crate::messages::updates::ADDRESS_UNUSABLE).text("url", address.clone());
        let url = url::Url::parse(&address).map_err(|_| unusable())?;
        let loopback = match url.host() {
            Some(url::Host::Domain(name)) => name == "localhost",
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            None => false,
        };
        match url.scheme() {
            "https" => Ok(url),
            "http" if loopback => Ok(url),
            _ => Err(unusable()),
        }
    }
}

/// The managed settings in force, as the sign-in screen and diagnostics show them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ManagedSettings {
    /// The company API every agent signs in to; the address cannot be changed in the app.
    pub server_url: Option<String>,
    pub identity_provider: Option<IdentityProvider>,
    pub updates: Option<Updates>,
    /// The file they came from; `None` when there is none.
    pub source: Option<String>,
    /// Why the file was not used (unreadable, not JSON, unknown keys, a bad address).
    pub problem: Option<Msg>,
}

/// The managed file's path on this OS (or the one `ARBITER_MANAGED_CONFIG` names).
pub fn managed_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(MANAGED_CONFIG_ENV) {
        return Some(PathBuf::from(path));
    }
    if cfg!(target_os = "windows") {
        std::env::var_os("ProgramData").map(|dir| PathBuf::from(dir).join("Arbiter").join("config.json"))
    } else if cfg!(target_os = "macos") {
        Some(PathBuf::from("/Library/Application Support/Arbiter/config.json"))
    } else {
        Some(PathBuf::from("/etc/arbiter/config.json"))
    }
}

/// Reads the managed settings of this machine; none when there is no file.
pub fn load() -> ManagedSettings {
    managed_path().map(|path| load_from(&path)).unwrap_or_default()
}

/// Reads the managed settings in `path`: none when it does not exist, and only the reason
/// (with the source) when it cannot be used as a whole.
pub fn load_from(path: &Path) -> ManagedSettings {
    let source = Some(path.display().to_string());
    let refused = |detail: String| {
        tracing::error!(path = %path.display(), %detail, "the managed configuration is not used");
        ManagedSettings {
            source: source.clone(),
            problem: Some(
                Msg::new(&errors::MANAGED_UNUSABLE).text("path", path.display().to_string()).text("detail", detail),
            ),
            ..ManagedSettings::default()
        }
    };
    match std::fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return ManagedSettings::default(),
        Err(error) => return refused(error.to_string()),
        Ok(meta) if meta.len() > MAX_FILE => return refused(format!("larger than {MAX_FILE} bytes")),
        Ok(_) => {}
    }
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => return refused(error.to_string()),
    };
    let file: ManagedFile = match serde_json::from_str(&text) {
        Ok(file) => file,
        Err(error) => return refused(error.to_string()),
    };
    match checked(file) {
        Ok(mut settings) => {
            settings.source = source;
            tracing::info!(path = %path.display(), "managed configuration in force");
            settings
        }
        Err(detail) => refused(detail),
    }
}

fn checked(file: ManagedFile) -> Result<ManagedSettings, String> {
    let server_url = file.server_url.as_deref().map(base_url).transpose()?;
    if let Some(idp) = &file.identity_provider {
        base_url(&idp.issuer)?;
        if idp.client_id.trim().is_empty() {
            return Err("identity_provider.client_id is empty".into());
        }
    }
    if let Some(updates) = &file.updates {
        let channel = updates.channel.as_deref().unwrap_or(DEFAULT_CHANNEL);
        if !channel.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
            || channel.is_empty()
            || channel.len() > 64
        {
            return Err(format!(
                "updates.channel {channel:?} is not a channel name (lower-case letters, digits, - _ .)"
            ));
        }
        updates.manifest_url().map_err(|msg| msg.english())?;
    }
    Ok(ManagedSettings {
        server_url,
        identity_provider: file.identity_provider,
        updates: file.updates,
        source: None,
        problem: None,
    })
}

/// An address as the desk keeps it: http(s), a host, no trailing slash.
fn base_url(text: &str) -> Result<String, String> {
    normalize_base_url(text).map(|url| url.as_str().trim_end_matches('/').to_owned()).map_err(|error| error.to_string())
}

impl ManagedSettings {
    /// Refuses a server other than the managed one (the address is the company's choice).
    pub fn check_server(&self, server_url: &str) -> Result<(), DeskError> {
        match &self.server_url {
            Some(managed) if managed != server_url => Err(DeskError::say(
                ErrorCode::InvalidInput,
                Msg::new(&errors::MANAGED_SERVER).text("url", managed.clone()),
            )),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn no_file_is_nothing_managed() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_from(&dir.path().join("config.json")), ManagedSettings::default());
    }

    fn updates(url: &str, channel: Option<&str>) -> Updates {
        Updates { manifest_url: url.into(), channel: channel.map(Into::into) }
    }

    #[test]
    fn the_channel_is_filled_in_and_only_safe_addresses_are_used() {
        let url = updates("https://api.example.com/v1/updates/{{channel}}/latest.json", None).manifest_url().unwrap();
        assert_eq!(url.as_str(), "https://api.example.com/v1/updates/stable/latest.json");
        let url = updates("https://api.example.com/v1/updates/{{channel}}/latest.json", Some("beta")).manifest_url();
        assert_eq!(url.unwrap().path(), "/v1/updates/beta/latest.json");
        for local in ["http://127.0.0.1:9/latest.json", "http://localhost:9/latest.json", "http://[::1]:9/x.json"] {
            assert!(updates(local, None).manifest_url().is_ok(), "{local}");
        }
        for bad in ["http://updates.example.com/latest.json", "ftp://127.0.0.1/x", "file:///etc/passwd", "latest.json"]
        {
            let refused = updates(bad, None).manifest_url().unwrap_err();
            assert_eq!(refused.key, crate::messages::updates::ADDRESS_UNUSABLE.key, "{bad}");
        }
    }

    #[test]
    fn a_good_file_presets_the_server_provider_and_updates() {
        let (_dir, path) = file(
            r#"{"server_url": "https://api.example.com/", "identity_provider": {"issuer": "https://login.example.com", "client_id": "desk"},
                "updates": {"manifest_url": "https://api.example.com/v1/updates/latest.json", "channel": "stable"}}"#,
        );
        let settings = load_from(&path);
        assert_eq!(settings.problem, None);
        assert_eq!(settings.server_url.as_deref(), Some("https://api.example.com"));
        assert_eq!(settings.identity_provider.unwrap().client_id, "desk");
        assert_eq!(settings.updates.unwrap().channel.as_deref(), Some("stable"));
        assert_eq!(settings.source, Some(path.display().to_string()));
    }

    #[test]
    fn a_bad_file_is_not_half_used_and_says_why() {
        for (text, says) in [
            ("not json", "expected"),
            (r#"{"server_url": "ftp://api.example.com"}"#, "http"),
            (r#"{"server_url": "https://api.example.com", "sever_url": "typo"}"#, "unknown field"),
            (
                r#"{"server_url": "https://api.example.com", "identity_provider": {"issuer": "https://x", "client_id": " "}}"#,
                "client_id",
            ),
            (r#"{"updates": {"manifest_url": "latest.json"}}"#, "latest.json"),
            (r#"{"updates": {"manifest_url": "http://updates.example.com/latest.json"}}"#, "must be https"),
            (r#"{"updates": {"manifest_url": "https://u.example.com/{{channel}}", "channel": "../x"}}"#, "channel"),
        ] {
            let (_dir, path) = file(text);
            let settings = load_from(&path);
            assert_eq!(settings.server_url, None, "{text}");
            let problem = settings.problem.expect(text).english();
            assert!(problem.contains(says), "{text}: {problem}");
        }
        let (_dir, path) = file(&format!(r#"{{"server_url": "https://a.example", "pad": "{}"}}"#, "x".repeat(70_000)));
        assert!(load_from(&path).problem.unwrap().english().contains("larger than"));
    }

    #[test]
    fn only_the_managed_server_is_accepted() {
        let settings =
            ManagedSettings { server_url: Some("https://api.example.com".into()), ..ManagedSettings::default() };
        assert!(settings.check_server("https://api.example.com").is_ok());
        let refused = settings.check_server("https://elsewhere.example.com").unwrap_err();
        assert_eq!(refused.code, ErrorCode::InvalidInput);
        assert!(refused.message.contains("https://api.example.com"));
        assert!(ManagedSettings::default().check_server("https://anywhere.example.com").is_ok());
    }
}
