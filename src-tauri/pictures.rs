//! `arbiter-picture:` — the pictures the desk drew of attachments (an image, a PDF's page),
//! served to the window's `<img>` straight from the encrypted cache: no base64, no JSON, and
//! WebKit decodes while the bytes arrive. Only a picture of an attachment of a message the
//! desk holds is served (the desk checks, as for every attachment call); anything else is a
//! 404. The URL is `arbiter-picture://localhost/{ticket}%2F{message}%2F{sha256}%2F{page}`
//! (`convertFileSrc` in the UI; `http://arbiter-picture.localhost/…` on Windows).

use arbiter_desk::Desk;
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

pub const SCHEME: &str = "arbiter-picture";

/// Answers one request for a picture, off the main thread.
pub fn serve<R: Runtime>(ctx: UriSchemeContext<'_, R>, request: Request<Vec<u8>>, responder: UriSchemeResponder) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().to_owned();
    tauri::async_runtime::spawn(async move {
        let response = match parse(&path) {
            Some((ticket_id, message_id, sha256, page)) => {
                let desk = app.state::<Desk>();
                match desk.attachment_picture(ticket_id, message_id, &sha256, page).await {
                    Ok(bytes) => Response::builder()
                        .header(header::CONTENT_TYPE, arbiter_files::picture_type(&bytes))
                        .header(header::CACHE_CONTROL, "no-store")
                        .header("X-Content-Type-Options", "nosniff")
                        .body(bytes),
                    Err(error) => plain(StatusCode::NOT_FOUND, error.message),
                }
            }
            None => plain(StatusCode::BAD_REQUEST, "not a picture address".into()),
        };
        responder.respond(response.unwrap_or_else(|_| Response::new(Vec::new())));
    });
}

fn plain(status: StatusCode, message: String) -> Result<Response<Vec<u8>>, tauri::http::Error> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(message.into_bytes())
}

/// `/{ticket}/{message}/{sha256}/{page}`, the slashes possibly percent-encoded.
fn parse(path: &str) -> Option<(i64, i64, String, u32)> {
    let path = path.replace("%2F", "/").replace("%2f", "/");
    let mut parts = path.trim_start_matches('/').split('/');
    let ticket_id = parts.next()?.parse().ok()?;
    let message_id = parts.next()?.parse().ok()?;
    let sha256 = parts.next()?;
    let page = parts.next()?.parse().ok()?;
    let hex = sha256.len() == 64 && sha256.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    (hex && parts.next().is_none()).then(|| (ticket_id, message_id, sha256.to_owned(), page))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn only_well_formed_picture_addresses_are_read() {
        let sha = "ab".repeat(32);
        assert_eq!(parse(&format!("/12%2F34%2F{sha}%2F0")), Some((12, 34, sha.clone(), 0)));
        assert_eq!(parse(&format!("/12/34/{sha}/3")), Some((12, 34, sha.clone(), 3)));
        assert_eq!(parse(&format!("/12/34/{sha}/3/extra")), None);
        assert_eq!(parse("/12/34/../../etc/passwd/0"), None);
        assert_eq!(parse(&format!("/x/34/{sha}/0")), None);
        assert_eq!(parse(&format!("/12/34/{}/0", "AB".repeat(32))), None);
    }
}
