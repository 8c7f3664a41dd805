//! Customers' email HTML is untrusted: it may carry scripts, tracking pixels, forms, frames,
//! CSS tricks and links that pretend to go elsewhere. The desk shows it only after this
//! crate has cleaned it (an allow-list of tags and attributes, by ammonia), and only inside
//! a sandboxed frame of an opaque origin whose CSP runs one script: ours, by nonce, which
//! hands link clicks and the content's height to the desk. No script of the email survives
//! the cleaning, and none could run past the CSP. Remote images load only when the agent
//! asks, for that one message.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use specta::Type;

pub mod quoted;

/// Bodies longer than this are cut before cleaning (the plain text is always shown whole).
pub const MAX_HTML_BYTES: usize = 2 * 1024 * 1024;

/// An email body ready for the sandboxed frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SafeEmail {
    /// A complete document for the frame's `srcdoc`, with its own restrictive CSP.
    pub document: String,
    /// Remote images held back (shown after the agent allows them for this message).
    pub blocked_images: u32,
    /// The body was longer than `MAX_HTML_BYTES` and was cut.
    pub truncated: bool,
}

/// Cleans `html`. With `remote_images`, `https` images are kept; otherwise every remote image
/// is removed and counted. Links keep only `https`, `http` and `mailto` targets. With
/// `quoted_label`, quoted history is folded under a summary that says it.
pub fn sanitize(html: &str, remote_images: bool, quoted_label: Option<&str>) -> SafeEmail {
    sanitize_with_inline(html, remote_images, quoted_label, &HashMap::new())
}

/// `sanitize`, with the email's inline images (`<img src="cid:…">`) shown from `inline`: each
/// Content-ID (without angle brackets) to a `data:` URL of the picture as the desk drew it
/// (never the sender's bytes). An inline image not in `inline` is left out.
pub fn sanitize_with_inline(
    html: &str,
    remote_images: bool,
    quoted_label: Option<&str>,
    inline: &HashMap<String, String>,
) -> SafeEmail {
    let (html, truncated) = if html.len() > MAX_HTML_BYTES {
        let mut cut = MAX_HTML_BYTES;
        while !html.is_char_boundary(cut) {
            cut -= 1;
        }
        (&html[..cut], true)
    } else {
        (html, false)
    };
    let blocked = Arc::new(AtomicU32::new(0));
    let counter = blocked.clone();
    // The cleaner keeps its filter for its own lifetime: it gets its own copy.
    let inline = inline.clone();
    let body = ammonia::Builder::default()
        .url_schemes(HashSet::from(["https", "http", "mailto", "data", "cid"]))
        .link_rel(Some("noopener noreferrer nofollow"))
        .add_tag_attributes("img", &["width", "height"])
        .add_tag_attributes("td", &["align", "valign", "colspan", "rowspan"])
        .add_tag_attributes("th", &["align", "valign", "colspan", "rowspan"])
        // What marks quoted history (see `quoted`), and nothing else of classes and ids.
        .add_tag_attributes("blockquote", &["type"])
        .add_tag_attributes("div", &["id"])
        .add_allowed_classes("div", quoted::QUOTE_CLASSES)
        .add_allowed_classes("blockquote", &["gmail_quote"])
        .attribute_filter(move |element, attribute, value| match (element, attribute) {
            ("div", "id") => quoted::QUOTE_IDS.contains(&value).then(|| Cow::Owned(value.to_owned())),
            ("blockquote", "type") => (value == "cite").then(|| Cow::Owned(value.to_owned())),
            ("img", "src") if value.trim().get(..4).is_some_and(|s| s.eq_ignore_ascii_case("cid:")) => {
                let id = value.trim()[4..].trim_matches(['<', '>', ' ']);
                inline.get(id).filter(|url| url.starts_with("data:image/")).map(|url| Cow::Owned(url.clone()))
            }
            ("img", "src") => {
                let lower = value.trim().to_ascii_lowercase();
                let inline = lower.starts_with("data:image/") && !lower.starts_with("data:image/svg");
                if inline || (remote_images && lower.starts_with("https://")) {
                    Some(Cow::Owned(value.to_owned()))
                } else {
                    counter.fetch_add(1, Ordering::Relaxed);
                    None
                }
            }
            // `data:` is only for inline images; a link to one is a phishing classic. `cid:`
            // names a part of the email, never a place to go.
            (_, "href" | "src" | "background" | "cite")
                if ["data:", "cid:"].iter().any(|s| value.trim().to_ascii_lowercase().starts_with(s)) =>
            {
                None
            }
            _ => Some(Cow::Owned(value.to_owned())),
        })
        .clean(html)
        .to_string();
    let body = match quoted_label {
        Some(label) => quoted::fold_html(&body, label),
        None => body,
    };
    let img_src = if remote_images { "data: https:" } else { "data:" };
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    let document = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src {img_src}; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'\">\
         <base target=\"_blank\">\
         <script nonce=\"{nonce}\">{FRAME_SCRIPT}</script>\
         <style>body{{margin:0;font:14px/1.5 system-ui,sans-serif;color:#1b1e28;background:#fff;overflow-wrap:anywhere}}\
         img{{max-width:100%;height:auto}}table{{max-width:100%}}blockquote{{margin:0 0 0 8px;padding-left:8px;border-left:2px solid #ccc;color:#555}}\
         details.arbiter-quoted>summary{{cursor:pointer;color:#555;font-size:12px;margin:8px 0;list-style:none}}\
         details.arbiter-quoted>summary::before{{content:\"\\22EF  \"}}</style>\
         </head><body>{body}</body></html>"
    );
    SafeEmail { document, blocked_images: blocked.load(Ordering::Relaxed), truncated }
}

/// The frame's one script. A sandboxed frame without `allow-same-origin` cannot be reached
/// by the desk (and WebKit runs no listener the desk adds to a script-less frame), so the
/// frame reports: a clicked link's address (never followed here: the desk shows it and asks)
/// and the content's height (so the frame fits its email).
const FRAME_SCRIPT: &str = r#"(function(){var p=function(m){parent.postMessage(m,"*")};document.addEventListener("click",function(e){var t=e.target,a=t&&t.closest?t.closest("a[href]"):null;if(!a)return;e.preventDefault();p({arbiterEmail:"link",href:a.getAttribute("href")})},true);var s=function(){p({arbiterEmail:"height",height:document.documentElement.scrollHeight})};addEventListener("load",s);if(window.ResizeObserver)new ResizeObserver(s).observe(document.documentElement)})();"#;

/// Whether the desk may hand `url` to the system browser or mail client: `https` and
/// `mailto` only, well-formed, without credentials.
pub fn openable(url: &str) -> Option<url::Url> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    match parsed.scheme() {
        "https" if parsed.host_str().is_some() && parsed.username().is_empty() && parsed.password().is_none() => {
            Some(parsed)
        }
        "mailto" => Some(parsed),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str, images: bool) -> String {
        let doc = sanitize(html, images, None).document;
        let start = doc.find("<body>").unwrap() + "<body>".len();
        doc[start..doc.rfind("</body>").unwrap()].to_owned()
    }

    #[test]
    fn scripts_handlers_frames_forms_and_tricks_do_not_survive() {
        let hostile = r#"<p onclick="steal()">Hi<script>alert(1)</script></p>
            <img src=x onerror=alert(1)><svg onload=alert(1)><circle/></svg>
            <iframe src="https://evil.example"></iframe><object data="x"></object><embed src="x">
            <form action="https://evil.example"><input name=p><button>Go</button></form>
            <a href="javascript:alert(1)">js</a><a href="data:text/html,<script>x</script>">data</a>
            <a href="vbscript:x">vb</a><meta http-equiv="refresh" content="0;url=https://evil.example">
            <base href="https://evil.example/"><link rel=stylesheet href="https://evil.example/x.css">
            <style>body{background:url(https://track.example/p.gif)}</style>
            <div style="background:url(https://track.example/q.gif)">styled</div>
            <math><mi xlink:href="javascript:alert(1)">m</mi></math>"#;
        let clean = body(hostile, true).to_ascii_lowercase();
        for bad in [
            "<script",
            "onclick",
            "onerror",
            "onload",
            "<svg",
            "<iframe",
            "<object",
            "<embed",
            "<form",
            "<input",
            "javascript:",
            "vbscript:",
            "data:text",
            "<meta",
            "<base",
            "<link",
            "<style",
            "style=",
            "track.example",
            "evil.example",
        ] {
            assert!(!clean.contains(bad), "{bad} survived: {clean}");
        }
        assert!(clean.contains("hi") && clean.contains("styled"), "the text stays: {clean}");
    }

    #[test]
    fn remote_images_wait_for_the_agent() {
        let html = r#"<p>Receipt</p><img src="https://cdn.example/logo.png"><img src="http://x.example/t.gif">
            <img src="cid:part1"><img src="data:image/png;base64,iVBORw0KGgo="><img src="data:image/svg+xml,<svg/>">"#;
        // `cid:` (an attachment) is not a scheme the cleaner keeps: dropped outright.
        let held = sanitize(html, false, None);
        assert!(!held.document.contains("cid:"));
        assert_eq!(held.blocked_images, 3);
        assert!(!held.document.contains("cdn.example"));
        assert!(held.document.contains("data:image/png;base64"));
        assert!(held.document.contains("img-src data:;"));
        let shown = sanitize(html, true, None);
        assert!(shown.document.contains("https://cdn.example/logo.png"));
        assert_eq!(shown.blocked_images, 2, "plain http and svg stay out");
        assert!(shown.document.contains("img-src data: https:"));
    }

    #[test]
    fn inline_images_show_as_the_desk_drew_them() {
        let drawn = "data:image/png;base64,iVBORw0KGgo=".to_string();
        let inline = HashMap::from([("logo@mail.example".to_string(), drawn.clone())]);
        let html =
            r#"<img src="cid:logo@mail.example"><img src="CID:<missing@x>"><a href="cid:logo@mail.example">x</a>"#;
        let shown = sanitize_with_inline(html, false, None, &inline);
        assert_eq!(shown.document.matches(&drawn).count(), 1, "{}", shown.document);
        assert!(!shown.document.to_ascii_lowercase().contains("cid:"));
        assert_eq!(shown.blocked_images, 0, "a missing inline image is not a remote one");
        // Only pictures: a mapping to anything else is not used.
        let odd = HashMap::from([("logo@mail.example".to_string(), "https://evil.example/x.png".to_string())]);
        assert!(!sanitize_with_inline(html, true, None, &odd).document.contains("evil.example"));
    }

    #[test]
    fn only_the_frames_own_script_may_run() {
        let email = sanitize("<p>Hi</p><script>alert(1)</script>", false, None).document;
        let nonce = email.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap().to_owned();
        assert_eq!(nonce.len(), 32, "a fresh 128-bit nonce");
        assert!(email.contains(&format!("script-src 'nonce-{nonce}'")));
        assert_eq!(email.matches("<script").count(), 1, "the email's script is gone; ours stays");
        assert!(email.contains(&format!("<script nonce=\"{nonce}\">")));
        assert_ne!(sanitize("<p>Hi</p>", false, None).document.split("'nonce-").nth(1).unwrap()[..32], nonce[..]);
    }

    /// A srcdoc frame also obeys the app's CSP, so tauri.conf.json allows exactly this
    /// script by hash; change the script and this test names the new hash.
    #[test]
    fn the_app_csp_allows_the_frame_script_by_hash() {
        use base64::Engine;
        use sha2::Digest;
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(FRAME_SCRIPT.as_bytes()));
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../../../tauri.conf.json")).expect("tauri.conf.json is JSON");
        let script_src = config["app"]["security"]["csp"]["script-src"].as_str().expect("a script-src");
        assert!(
            script_src.split_whitespace().any(|source| source == format!("'sha256-{hash}'")),
            "tauri.conf.json's script-src must allow 'sha256-{hash}': {script_src}"
        );
        assert!(!script_src.contains("unsafe-inline"), "no inline script is allowed wholesale");
    }

    #[test]
    fn links_keep_safe_targets_and_cannot_reach_the_desk() {
        let clean =
            body(r#"<a href="https://arbiter.example/help">help</a> <a href="mailto:a@b.example">mail</a>"#, false);
        assert!(clean.contains(r#"href="https://arbiter.example/help""#));
        assert!(clean.contains("noopener noreferrer"));
        assert!(clean.contains("mailto:a@b.example"));
    }

    #[test]
    fn huge_and_odd_bodies_are_handled() {
        let huge = format!("<p>{}</p>", "ä".repeat(MAX_HTML_BYTES));
        let cut = sanitize(&huge, false, None);
        assert!(cut.truncated);
        assert!(cut.document.len() < MAX_HTML_BYTES + 4096);
        let odd = sanitize("<p>\u{202e}gnp.exe\u{0}<b>unclosed <i>tags", false, None);
        assert!(!odd.truncated && odd.document.contains("<b>unclosed <i>tags</i></b>"));
    }

    #[test]
    fn quoted_history_folds_and_no_other_class_or_id_survives() {
        let html = r#"<div class="x" id="main">Yes, it was me.</div><div class="gmail_quote evil" id="divRplyFwdMsg"><blockquote type="cite" class="gmail_quote">Old</blockquote></div><p id="other">tail</p>"#;
        let folded = sanitize(html, false, Some("Show quoted text")).document;
        let folded = body_of(&folded);
        assert!(
            folded
                .contains("Yes, it was me.</div><details class=\"arbiter-quoted\"><summary>Show quoted text</summary>"),
            "{folded}"
        );
        assert!(folded.contains(r#"<div class="gmail_quote" id="divRplyFwdMsg"><blockquote type="cite" class="gmail_quote">Old</blockquote></div>"#), "{folded}");
        assert!(!folded.contains("evil") && !folded.contains("main") && !folded.contains("other"), "{folded}");
        let unfolded = sanitize(html, false, None).document;
        let unfolded = body_of(&unfolded);
        assert!(!unfolded.contains("<details"), "{unfolded}");
    }

    fn body_of(document: &str) -> &str {
        document.split("<body>").nth(1).unwrap().trim_end_matches("</body></html>")
    }

    #[test]
    fn only_https_and_mailto_open_outside() {
        assert!(openable("https://arbiter.example/a?b=c").is_some());
        assert!(openable("mailto:support@arbiter.example").is_some());
        for bad in [
            "http://x.example",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://user:pw@x.example",
            "ftp://x",
            "not a url",
            "data:text/html,x",
        ] {
            assert!(openable(bad).is_none(), "{bad}");
        }
    }
}
