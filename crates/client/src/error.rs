use arbiter_contract::ApiError;

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("the server address is not valid: {0}")]
    InvalidUrl(String),
    #[error("the server could not be reached: {0}")]
    Network(String),
    #[error("the server did not accept the token: {0}")]
    Unauthorized(String),
    #[error("the server asked us to slow down")]
    RateLimited { retry_after_secs: Option<u64> },
    #[error("the server failed ({status}): {message}")]
    Server { status: u16, message: String },
    #[error("the server refused the request ({status}): {}", error.message)]
    Rejected { status: u16, error: ApiError },
    #[error("the server sent something that is not a valid answer: {0}")]
    Malformed(String),
}

impl ClientError {
    pub(crate) fn from_transport(error: reqwest::Error) -> Self {
        // reqwest's message names the URL, never the Authorization header.
        let mut message = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(inner) = source {
            message.push_str(": ");
            message.push_str(&inner.to_string());
            source = inner.source();
        }
        ClientError::Network(message)
    }

    /// Worth retrying later with the same request: the network, an overloaded or failing
    /// server, or a cut-off answer.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ClientError::Network(_)
                | ClientError::RateLimited { .. }
                | ClientError::Server { .. }
                | ClientError::Malformed(_)
        )
    }
}
