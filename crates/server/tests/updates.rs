//! Hosted desk releases: the manifest the desk's updater reads, links that follow the
//! address the desk used (or the configured public one), installers served whole, and
//! nothing served from a server without releases or outside a release.

mod common;

use arbiter_contract::updates::UpdateManifest;
use arbiter_server::{Config, UpdatesConfig};

fn publish(root: &std::path::Path, version: &str, installer: &[u8]) {
    let dir = root.join("stable").join(version);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("release.json"),
        r#"{"notes": "Signed updates\nSingle sign-on", "pub_date": "2026-12-07T10:00:00Z",
            "platforms": {"linux-x86_64-deb": "arbiter.deb"}}"#,
    )
    .unwrap();
    std::fs::write(dir.join("arbiter.deb"), installer).unwrap();
    std::fs::write(dir.join("arbiter.deb.sig"), format!("signature of {version}\n")).unwrap();
}

fn hosting(dir: &std::path::Path, public_url: Option<&str>) -> Config {
    Config {
        updates: Some(UpdatesConfig { dir: dir.to_owned(), public_url: public_url.map(str::to_owned) }),
        ..Config::default()
    }
}

#[tokio::test]
async fn the_newest_release_is_announced_and_its_installer_downloads_whole() {
    let root = tempfile::tempdir().unwrap();
    publish(root.path(), "0.9.0", b"old");
    let installer: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    publish(root.path(), "0.10.0", &installer);
    let server = common::server_with("memory", 20, &hosting(root.path(), None)).await;
    let base = server.base_url();

    let answer = common::http().get(format!("{base}/v1/updates/stable/latest.json")).send().await.unwrap();
    assert_eq!(answer.status(), 200);
    let manifest: UpdateManifest = answer.json().await.unwrap();
    assert_eq!(manifest.version, "0.10.0");
    assert_eq!(manifest.notes, "Signed updates\nSingle sign-on");
    let deb = &manifest.platforms["linux-x86_64-deb"];
    assert_eq!(deb.signature, "signature of 0.10.0");
    assert_eq!(deb.url, format!("{base}/v1/updates/stable/0.10.0/arbiter.deb"), "the address the desk used");

    let download = common::http().get(&deb.url).send().await.unwrap();
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/octet-stream");
    assert_eq!(download.headers()["content-length"], installer.len().to_string().as_str());
    assert_eq!(download.bytes().await.unwrap(), installer);

    // Not named by the release, not a release, not a channel.
    for path in [
        "stable/0.10.0/arbiter.deb.sig",
        "stable/0.10.0/release.json",
        "stable/0.11.0/arbiter.deb",
        "stable/0.10.0/..%2F0.9.0%2Farbiter.deb",
    ] {
        let answer = common::http().get(format!("{base}/v1/updates/{path}")).send().await.unwrap();
        assert_eq!(answer.status(), 404, "{path}");
    }
    let empty = common::http().get(format!("{base}/v1/updates/beta/latest.json")).send().await.unwrap();
    assert_eq!(empty.status(), 204, "a channel without a release: no update");
}

#[tokio::test]
async fn links_use_the_public_address_when_one_is_set() {
    let root = tempfile::tempdir().unwrap();
    publish(root.path(), "1.0.0", b"x");
    let server = common::server_with("memory", 20, &hosting(root.path(), Some("https://support.example.com/"))).await;
    let manifest: UpdateManifest = common::http()
        .get(format!("{}/v1/updates/stable/latest.json", server.base_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        manifest.platforms["linux-x86_64-deb"].url,
        "https://support.example.com/v1/updates/stable/1.0.0/arbiter.deb"
    );
}

#[tokio::test]
async fn a_server_without_releases_says_so() {
    let server = common::server("memory", 20).await;
    let answer =
        common::http().get(format!("{}/v1/updates/stable/latest.json", server.base_url())).send().await.unwrap();
    assert_eq!(answer.status(), 404);
    let error: serde_json::Value = answer.json().await.unwrap();
    assert_eq!(error["message"], "this server hosts no desk releases");
}
