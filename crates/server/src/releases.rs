//! Desk releases this server hosts for a company with nowhere else to put them
//! (`--updates-dir`). The folder holds one folder per channel, one per version inside it, and
//! in each version the installers, their `.sig` files and a `release.json`:
//!
//! ```text
//! updates/stable/0.2.0/release.json
//!                      Arbiter_0.2.0_amd64.deb
//!                      Arbiter_0.2.0_amd64.deb.sig
//! ```
//!
//! ```json
//! { "notes": "What is new, in plain text", "pub_date": "2026-12-07T10:00:00Z",
//!   "platforms": { "linux-x86_64-deb": "Arbiter_0.2.0_amd64.deb" } }
//! ```
//!
//! The newest version whose release is whole (readable `release.json`, every installer and
//! its signature present) is the one announced: a release still being copied in is skipped,
//! never half-announced. Only files a release names are ever served.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use semver::Version;
use serde::Deserialize;

/// The folder of releases.
#[derive(Debug, Clone)]
pub struct Releases {
    dir: PathBuf,
}

/// A whole release of one channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Release {
    pub version: Version,
    pub notes: String,
    pub pub_date: Option<DateTime<Utc>>,
    /// Updater target → installer.
    pub platforms: BTreeMap<String, Artifact>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Artifact {
    pub file: String,
    /// The `.sig` file's text.
    pub signature: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReleaseFile {
    #[serde(default)]
    notes: String,
    pub_date: Option<DateTime<Utc>>,
    platforms: BTreeMap<String, String>,
}

/// Release notes longer than this are cut (the desk shows them in a banner's panel).
const MAX_NOTES_CHARS: usize = 20_000;
/// A `release.json` or `.sig` larger than this is not a real one.
const MAX_SMALL_FILE: u64 = 256 * 1024;

impl Releases {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The newest whole release on `channel`; `None` when it has none (or no such channel).
    pub fn latest(&self, channel: &str) -> Option<Release> {
        if !is_name(channel) {
            return None;
        }
        let entries = std::fs::read_dir(self.dir.join(channel)).ok()?;
        let mut versions: Vec<Version> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter_map(|e| e.file_name().to_str().and_then(|n| Version::parse(n).ok()))
            .collect();
        versions.sort_unstable_by(|a, b| b.cmp(a));
        versions.into_iter().find_map(|version| match self.read(channel, &version) {
            Ok(release) => Some(release),
            Err(problem) => {
                tracing::warn!(channel, %version, problem, "release skipped: not whole");
                None
            }
        })
    }

    /// The installer `file` of `channel`'s `version`, when that release names it.
    pub fn artifact(&self, channel: &str, version: &str, file: &str) -> Option<PathBuf> {
        if !is_name(channel) || !is_file_name(file) {
            return None;
        }
        let version = Version::parse(version).ok()?;
        let release = self.read(channel, &version).ok()?;
        release.platforms.values().any(|a| a.file == file).then(|| self.folder(channel, &version).join(file))
    }

    fn folder(&self, channel: &str, version: &Version) -> PathBuf {
        self.dir.join(channel).join(version.to_string())
    }

    fn read(&self, channel: &str, version: &Version) -> Result<Release, String> {
        let folder = self.folder(channel, version);
        let text = read_small(&folder.join("release.json"))?;
        let file: ReleaseFile = serde_json::from_str(&text).map_err(|e| format!("release.json: {e}"))?;
        if file.platforms.is_empty() {
            return Err("release.json names no platforms".into());
        }
        let mut platforms = BTreeMap::new();
        for (target, name) in file.platforms {
            if !is_name(&target) || !is_file_name(&name) {
                return Err(format!("release.json: unusable entry {target:?}: {name:?}"));
            }
            let installer = folder.join(&name);
            if !installer.metadata().is_ok_and(|m| m.is_file()) {
                return Err(format!("{name} is missing"));
            }
            let signature = read_small(&folder.join(format!("{name}.sig")))?.trim().to_owned();
            if signature.is_empty() {
                return Err(format!("{name}.sig is empty"));
            }
            platforms.insert(target, Artifact { file: name, signature });
        }
        Ok(Release {
            version: version.clone(),
            notes: file.notes.chars().take(MAX_NOTES_CHARS).collect(),
            pub_date: file.pub_date,
            platforms,
        })
    }
}

fn read_small(path: &Path) -> Result<String, String> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match path.metadata() {
        Ok(m) if m.is_file() && m.len() <= MAX_SMALL_FILE => {}
        Ok(_) => return Err(format!("{name} is not a small file")),
        Err(e) => return Err(format!("{name}: {e}")),
    }
    std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))
}

/// A channel or updater target: lower-case letters, digits, `-`, `_` and `.`, not leading.
fn is_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
}

/// A file in the release's own folder: no separators, nothing hidden, no `..`.
fn is_file_name(name: &str) -> bool {
    (1..=200).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.+".contains(c))
        && !name.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(root: &Path, channel: &str, version: &str, json: &str, files: &[(&str, &str)]) {
        let dir = root.join(channel).join(version);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("release.json"), json).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }

    const DEB: &str = r#"{"notes": "Faster search", "platforms": {"linux-x86_64-deb": "a.deb"}}"#;

    #[test]
    fn the_newest_whole_release_is_announced() {
        let root = tempfile::tempdir().unwrap();
        release(root.path(), "stable", "0.9.0", DEB, &[("a.deb", "old"), ("a.deb.sig", "sig9")]);
        release(root.path(), "stable", "0.10.0", DEB, &[("a.deb", "new"), ("a.deb.sig", " sig10\n")]);
        // Being copied in: the signature is not there yet.
        release(root.path(), "stable", "0.11.0", DEB, &[("a.deb", "newer")]);
        release(root.path(), "stable", "1.0.0", "{not json", &[]);
        std::fs::create_dir_all(root.path().join("stable/not-a-version")).unwrap();
        let latest = Releases::new(root.path()).latest("stable").unwrap();
        assert_eq!(latest.version, Version::new(0, 10, 0), "semver order, not text order");
        assert_eq!(latest.notes, "Faster search");
        assert_eq!(latest.platforms["linux-x86_64-deb"], Artifact { file: "a.deb".into(), signature: "sig10".into() });
    }

    #[test]
    fn only_files_a_release_names_are_served() {
        let root = tempfile::tempdir().unwrap();
        release(root.path(), "stable", "1.0.0", DEB, &[("a.deb", "x"), ("a.deb.sig", "s"), ("other.bin", "y")]);
        let releases = Releases::new(root.path());
        assert!(releases.artifact("stable", "1.0.0", "a.deb").is_some());
        for (channel, version, file) in [
            ("stable", "1.0.0", "other.bin"),
            ("stable", "1.0.0", "release.json"),
            ("stable", "1.0.0", "../1.0.0/a.deb"),
            ("stable", "1.0.0", ".a.deb"),
            ("stable", "../stable/1.0.0", "a.deb"),
            ("../stable", "1.0.0", "a.deb"),
            ("Stable", "1.0.0", "a.deb"),
            ("stable", "2.0.0", "a.deb"),
        ] {
            assert!(releases.artifact(channel, version, file).is_none(), "{channel} {version} {file}");
        }
        assert!(releases.latest("..").is_none());
        assert!(releases.latest("beta").is_none());
    }
}
