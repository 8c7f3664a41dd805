//! A stored file as a download: streamed a chunk at a time from the store, so a 25 MB
//! attachment never sits whole in the server's memory, with the headers every file the
//! server hands out carries (never sniffed, sandboxed should anything render it).

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue};
use axum::response::Response;
use futures::TryStreamExt;
use sqlx::AnyPool;

use crate::error::ApiFailure;
use crate::store::files::{self, StoredFile};

/// How a download is named and kept.
pub struct Download<'a> {
    pub content_type: &'a str,
    /// `Content-Disposition`: always `attachment…`.
    pub disposition: &'a str,
    pub cache_control: &'static str,
}

/// The response for file `sha256`, which `stored` says is whole in the store.
pub fn response(pool: &AnyPool, sha256: &str, stored: StoredFile, how: Download) -> Result<Response, ApiFailure> {
    let (pool, sha256, chunks) = (pool.clone(), sha256.to_owned(), stored.chunks);
    let stream = futures::stream::try_unfold(0i64, move |seq| {
        let (pool, sha256) = (pool.clone(), sha256.clone());
        async move {
            if seq >= chunks {
                return Ok(None);
            }
            let mut conn = pool.acquire().await?;
            let part =
                files::chunk(&mut conn, &sha256, seq).await?.ok_or_else(|| files::missing_chunk(&sha256, seq))?;
            Ok::<_, sqlx::Error>(Some((Bytes::from(part), seq + 1)))
        }
    })
    // Headers are gone by now: the client sees a cut body (shorter than Content-Length).
    .inspect_err(|error| tracing::error!(error = %error, "a file download broke off"));
    let mut response = Response::new(Body::from_stream(stream));
    let headers = response.headers_mut();
    let value = |text: &str| HeaderValue::from_str(text).map_err(|_| ApiFailure::internal());
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(stored.size.max(0) as u64));
    headers.insert(
        header::CONTENT_TYPE,
        value(how.content_type).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(header::CONTENT_DISPOSITION, value(how.disposition)?);
    headers.insert("X-Content-Type-Options", HeaderValue::from_static("nosniff"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox; default-src 'none'"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(how.cache_control));
    Ok(response)
}
