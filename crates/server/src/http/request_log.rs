//! The request log (tower-http's trace layer) with one change to how failures are told:
//! a 503 is the server saying "not now" — the identity provider unreachable, the instance
//! shutting down — and every request in such a stretch gets one, so logging each at ERROR
//! would bury the errors that need a person. Those are warnings; other 5xx and failed
//! responses stay errors.

use std::time::Duration;

use axum::http::StatusCode;
use tower_http::classify::{ServerErrorsAsFailures, ServerErrorsFailureClass, SharedClassifier};
use tower_http::trace::{
    DefaultMakeSpan, DefaultOnBodyChunk, DefaultOnEos, DefaultOnRequest, DefaultOnResponse, TraceLayer,
};
use tracing::{Level, Span};

type OnFailure = fn(ServerErrorsFailureClass, Duration, &Span);

/// The trace layer the router uses.
pub fn layer() -> TraceLayer<
    SharedClassifier<ServerErrorsAsFailures>,
    DefaultMakeSpan,
    DefaultOnRequest,
    DefaultOnResponse,
    DefaultOnBodyChunk,
    DefaultOnEos,
    OnFailure,
> {
    TraceLayer::new_for_http().on_failure(log_failure as OnFailure)
}

/// How loud a failed response is in the log.
pub fn failure_level(failure: &ServerErrorsFailureClass) -> Level {
    match failure {
        ServerErrorsFailureClass::StatusCode(StatusCode::SERVICE_UNAVAILABLE) => Level::WARN,
        _ => Level::ERROR,
    }
}

fn log_failure(failure: ServerErrorsFailureClass, latency: Duration, _span: &Span) {
    let latency = format!("{} ms", latency.as_millis());
    if failure_level(&failure) == Level::WARN {
        tracing::warn!(classification = %failure, %latency, "response failed");
    } else {
        tracing::error!(classification = %failure, %latency, "response failed");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_503_is_a_warning_other_failures_are_errors() {
        let status = |code| ServerErrorsFailureClass::StatusCode(code);
        assert_eq!(failure_level(&status(StatusCode::SERVICE_UNAVAILABLE)), Level::WARN);
        assert_eq!(failure_level(&status(StatusCode::INTERNAL_SERVER_ERROR)), Level::ERROR);
        assert_eq!(failure_level(&status(StatusCode::BAD_GATEWAY)), Level::ERROR);
        assert_eq!(failure_level(&ServerErrorsFailureClass::Error("connection reset".into())), Level::ERROR);
    }
}
