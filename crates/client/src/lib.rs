//! A typed client for the company API. It knows the contract and nothing of the desk.

mod error;
mod token;

use std::sync::Arc;
use std::time::Duration;

use arbiter_contract::{
    AccountEvidence, AccountView, ActionRequest, AddEvidence, Agent, AnswerAlert, AnswerRequest, ApiError, Attachment,
    BulkTicketResult, BulkTicketUpdate, Case, CaseUpdate, ChangePage, ControlsReportQuery, CreateCase, CreateSar,
    CreateSideConversation, CustomerLinks, DisputeAlert, Document, Escalation, ForwardMessage, Handover, Message,
    NewHandover, Note, Offer, OutgoingFile, PendingApproval, PolicySet, PolicyUpdate, PostNote, PostReply,
    PostSideMessage, Presence, QuarantinedMail, RequestAction, Sar, SarUpdate, SeenUpTo, ServiceQuery, ServiceReport,
    SetPresence, SideConversation, SideMessage, StartEmailConversation, StartedConversation, SupervisorOverview,
    Ticket, TicketDetail, TicketUpdate, Typing, IDEMPOTENCY_KEY_HEADER,
};
use reqwest::header::{HeaderValue, AUTHORIZATION};
use reqwest::{Method, RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;
use url::Url;

pub use error::ClientError;
use token::Auth;
pub use token::{ApiToken, Refreshed, TokenRefresh};

/// Talks to one company API as one agent.
#[derive(Clone)]
pub struct ApiClient {
    http: reqwest::Client,
    base: Url,
    auth: Arc<Auth>,
}

impl std::fmt::Debug for ApiClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiClient").field("base", &self.base.as_str()).finish_non_exhaustive()
    }
}

/// Checks and normalizes a server address typed by a person: http(s) only, no trailing slash.
pub fn normalize_base_url(input: &str) -> Result<Url, ClientError> {
    let trimmed = input.trim().trim_end_matches('/');
    let url = Url::parse(trimmed).map_err(|e| ClientError::InvalidUrl(format!("{trimmed:?}: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(ClientError::InvalidUrl(format!("{trimmed:?}: use an http:// or https:// address")));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(ClientError::InvalidUrl(format!("{trimmed:?}: remove the ?query or #fragment")));
    }
    Ok(url)
}

impl ApiClient {
    pub fn new(base_url: &str, token: ApiToken) -> Result<Self, ClientError> {
        Self::build(base_url, Auth::new(token, None))
    }

    /// A client whose token is refreshed by `refresh` when the server refuses it (signed in
    /// with the company's identity provider); the request is then sent once more.
    pub fn with_refresh(base_url: &str, token: ApiToken, refresh: Arc<dyn TokenRefresh>) -> Result<Self, ClientError> {
        Self::build(base_url, Auth::new(token, Some(refresh)))
    }

    fn build(base_url: &str, auth: Auth) -> Result<Self, ClientError> {
        let base = normalize_base_url(base_url)?;
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(60))
            .user_agent(concat!("arbiter-desk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ClientError::Network(e.to_string()))?;
        Ok(Self { http, base, auth: Arc::new(auth) })
    }

    /// The token requests carry now.
    pub fn token(&self) -> ApiToken {
        self.auth.current()
    }

    /// Moves this client and all its clones to a new token (refreshed ahead of expiry).
    pub fn replace_token(&self, token: ApiToken) {
        self.auth.replace(token);
    }

    pub fn base_url(&self) -> &str {
        self.base.as_str().trim_end_matches('/')
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let url = format!("{}{}", self.base_url(), path);
        self.http.request(method, url).bearer_auth(self.auth.current().expose())
    }

    async fn send<T: DeserializeOwned>(&self, request: RequestBuilder) -> Result<T, ClientError> {
        let (status, bytes) = self.send_for_bytes(request).await?;
        serde_json::from_slice(&bytes).map_err(|e| ClientError::Malformed(format!("{status}: {e}")))
    }

    /// The body of a successful answer as it came; an error answer as [`ClientError`].
    async fn send_for_bytes(&self, request: RequestBuilder) -> Result<(StatusCode, bytes::Bytes), ClientError> {
        let response = self.send_refreshing(request).await?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let bytes = response.bytes().await.map_err(ClientError::from_transport)?;
        if status.is_success() {
            return Ok((status, bytes));
        }
        let error = serde_json::from_slice::<ApiError>(&bytes).unwrap_or_else(|_| {
            ApiError::new(
                arbiter_contract::ErrorCode::Internal,
                format!("{status}: {}", String::from_utf8_lossy(&bytes[..bytes.len().min(200)])),
            )
        });
        Err(match status {
            StatusCode::UNAUTHORIZED => ClientError::Unauthorized(error.message),
            StatusCode::TOO_MANY_REQUESTS => ClientError::RateLimited { retry_after_secs: retry_after },
            s if s.is_server_error() => ClientError::Server { status: s.as_u16(), message: error.message },
            s => ClientError::Rejected { status: s.as_u16(), error },
        })
    }

    /// An attachment's bytes, as the server keeps them; the caller checks them against the
    /// hash, which is what names them.
    pub async fn attachment(&self, sha256: &str) -> Result<Vec<u8>, ClientError> {
        let (_, bytes) = self.send_for_bytes(self.request(Method::GET, &format!("/v1/attachments/{sha256}"))).await?;
        Ok(bytes.to_vec())
    }

    /// The agent this client's token belongs to; the way to check a token.
    pub async fn me(&self) -> Result<Agent, ClientError> {
        self.send(self.request(Method::GET, "/v1/me")).await
    }

    /// The teams the caller leads, right now (supervisors; others get 403).
    pub async fn supervisor_overview(&self) -> Result<SupervisorOverview, ClientError> {
        self.send(self.request(Method::GET, "/v1/supervisor/overview")).await
    }

    /// Supervisors: first response, handle and resolution times, CSAT and reopens of their
    /// teams for a period.
    pub async fn service_report(&self, query: &ServiceQuery) -> Result<ServiceReport, ClientError> {
        let mut request =
            self.request(Method::GET, "/v1/reports/service").query(&[("from", query.from), ("to", query.to)]);
        if let Some(team) = &query.team {
            request = request.query(&[("team", team)]);
        }
        self.send(request).await
    }

    /// Supervisors: the mail quarantine of their teams' mailboxes, newest first, below `before`.
    pub async fn quarantine(&self, before: Option<i64>) -> Result<Vec<QuarantinedMail>, ClientError> {
        let mut request = self.request(Method::GET, "/v1/supervisor/quarantine");
        if let Some(before) = before {
            request = request.query(&[("before", before)]);
        }
        self.send(request).await
    }

    /// Supervisors: a quarantined email exactly as it arrived.
    pub async fn quarantined_original(&self, id: i64) -> Result<Vec<u8>, ClientError> {
        let request = self.request(Method::GET, &format!("/v1/supervisor/quarantine/{id}/raw"));
        let (_, bytes) = self.send_for_bytes(request).await?;
        Ok(bytes.to_vec())
    }

    /// The feed page after `after`; `horizon` is the last applied page's (`FeedQuery::horizon`).
    pub async fn changes(&self, after: i64, limit: u32, horizon: Option<i64>) -> Result<ChangePage, ClientError> {
        let mut query = vec![("after", after), ("limit", i64::from(limit))];
        query.extend(horizon.map(|h| ("horizon", h)));
        self.send(self.request(Method::GET, "/v1/changes").query(&query)).await
    }

    pub async fn ticket(&self, id: i64) -> Result<TicketDetail, ClientError> {
        self.send(self.request(Method::GET, &format!("/v1/tickets/{id}"))).await
    }

    /// The accounts linked to a customer's, whichever queues they are in.
    pub async fn customer_links(&self, customer_id: i64) -> Result<CustomerLinks, ClientError> {
        self.send(self.request(Method::GET, &format!("/v1/customers/{customer_id}/links"))).await
    }

    /// Posts a reply. Sending again with the same `idempotency_key` is safe: the server
    /// answers with the message it stored the first time.
    pub async fn post_reply(
        &self,
        ticket_id: i64,
        body: &str,
        files: &[OutgoingFile],
        idempotency_key: &str,
    ) -> Result<Message, ClientError> {
        let request = self
            .request(Method::POST, &format!("/v1/tickets/{ticket_id}/replies"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .json(&PostReply { body: body.to_owned(), attachments: files.to_vec() });
        self.send(request).await
    }

    /// Forwards one of the ticket's messages by email to an outside address (a side
    /// conversation by email).
    pub async fn forward_message(
        &self,
        ticket_id: i64,
        forward: &ForwardMessage,
        idempotency_key: &str,
    ) -> Result<SideConversation, ClientError> {
        let request = self
            .request(Method::POST, &format!("/v1/tickets/{ticket_id}/forwards"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .json(forward);
        self.send(request).await
    }

    /// Starts a new email conversation with a customer (a new ticket and its first message).
    pub async fn start_email_conversation(
        &self,
        start: &StartEmailConversation,
        idempotency_key: &str,
    ) -> Result<StartedConversation, ClientError> {
        let request =
            self.request(Method::POST, "/v1/tickets").header(IDEMPOTENCY_KEY_HEADER, idempotency_key).json(start);
        self.send(request).await
    }

    /// Uploads a file to send with a reply or a note; the store checks it against `sha256`.
    pub async fn upload_attachment(
        &self,
        name: &str,
        content: Vec<u8>,
        sha256: &str,
        idempotency_key: &str,
    ) -> Result<Attachment, ClientError> {
        let request = self
            .request(Method::POST, "/v1/attachments")
            .query(&[("name", name)])
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
            .header("X-Content-SHA256", sha256)
            .body(content);
        self.send(request).await
    }
}

impl ApiClient {
    /// Sends `request`; when its token is refused and this client can refresh it, sends it
    /// once more with the new token (a request whose body streams is not sent twice).
    async fn send_refreshing(&self, request: RequestBuilder) -> Result<reqwest::Response, ClientError> {
        let request = request.build().map_err(ClientError::from_transport)?;
        let again = request.try_clone();
        let used = request
            .headers()
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(ApiToken::new);
        let response = self.http.execute(request).await.map_err(ClientError::from_transport)?;
        let (Some(mut again), Some(used)) = (again, used) else { return Ok(response) };
        if response.status() != StatusCode::UNAUTHORIZED {
            return Ok(response);
        }
        match self.auth.refreshed(&used).await {
            Some(Ok(token)) => {
                let mut value = HeaderValue::from_str(&format!("Bearer {}", token.expose()))
                    .map_err(|_| ClientError::Unauthorized("the refreshed token is not a valid header".into()))?;
                value.set_sensitive(true);
                again.headers_mut().insert(AUTHORIZATION, value);
                self.http.execute(again).await.map_err(ClientError::from_transport)
            }
            Some(Err(error)) => Err(error),
            None => Ok(response),
        }
    }

    /// Opens the live stream (server-sent events), resuming after `last_event_id`.
    /// The response has no overall timeout: it stays open while events flow.
    pub async fn stream(&self, last_event_id: Option<i64>) -> Result<reqwest::Response, ClientError> {
        let mut request = self.request(Method::GET, "/v1/stream").timeout(Duration::from_secs(60 * 60 * 24 * 365));
        if let Some(id) = last_event_id {
            request = request.header("Last-Event-ID", id.to_string());
        }
        let response = self.send_refreshing(request).await?;
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        Err(match status {
            StatusCode::UNAUTHORIZED => ClientError::Unauthorized("the stream refused the token".into()),
            StatusCode::TOO_MANY_REQUESTS => ClientError::RateLimited { retry_after_secs: None },
            s if s.is_server_error() => {
                ClientError::Server { status: s.as_u16(), message: "stream unavailable".into() }
            }
            s => ClientError::Rejected {
                status: s.as_u16(),
                error: ApiError::new(arbiter_contract::ErrorCode::BadRequest, "stream refused"),
            },
        })
    }

    pub async fn post_note(
        &self,
        ticket_id: i64,
        body: &str,
        files: &[OutgoingFile],
        idempotency_key: &str,
    ) -> Result<Note, ClientError> {
        let request = self
            .request(Method::POST, &format!("/v1/tickets/{ticket_id}/notes"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .json(&PostNote { body: body.to_owned(), attachments: files.to_vec() });
        self.send(request).await
    }

    /// Opens a side conversation with an internal team about a ticket.
    pub async fn create_side_conversation(
        &self,
        ticket_id: i64,
        team: &str,
        subject: &str,
        body: &str,
        idempotency_key: &str,
    ) -> Result<SideConversation, ClientError> {
        let request = self
            .request(Method::POST, &format!("/v1/tickets/{ticket_id}/side-conversations"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .json(&CreateSideConversation {
                team: team.to_owned(),
                subject: subject.to_owned(),
                body: body.to_owned(),
            });
        self.send(request).await
    }

    /// Writes in a side conversation, closing it if `close`.
    pub async fn post_side_message(
        &self,
        side_conversation_id: i64,
        body: &str,
        close: bool,
        idempotency_key: &str,
    ) -> Result<SideMessage, ClientError> {
        let request = self
            .request(Method::POST, &format!("/v1/side-conversations/{side_conversation_id}/messages"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .json(&PostSideMessage { body: body.to_owned(), close });
        self.send(request).await
    }

    /// Updates a ticket made on `base_version`; a newer server version answers 409
    /// (`ClientError::Rejected` with the current ticket in `error.current`).
    pub async fn update_ticket(
        &self,
        ticket_id: i64,
        base_version: i64,
        update: &TicketUpdate,
        idempotency_key: &str,
    ) -> Result<Ticket, ClientError> {
        let request = self
            .request(Method::PATCH, &format!("/v1/tickets/{ticket_id}"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .header(reqwest::header::IF_MATCH, format!("\"{base_version}\""))
            .json(update);
        self.send(request).await
    }

    /// Supervisors: one update applied to many tickets at their current versions; the answer
    /// lists what changed and, per ticket, what could not.
    pub async fn bulk_update(
        &self,
        bulk: &BulkTicketUpdate,
        idempotency_key: &str,
    ) -> Result<BulkTicketResult, ClientError> {
        let request =
            self.request(Method::POST, "/v1/tickets/bulk").header(IDEMPOTENCY_KEY_HEADER, idempotency_key).json(bulk);
        self.send(request).await
    }

    /// Supervisors: the shift handovers of one of their teams (all of them when `team` is
    /// None), newest first.
    pub async fn handovers(&self, team: Option<&str>, limit: u32) -> Result<Vec<Handover>, ClientError> {
        let mut request = self.request(Method::GET, "/v1/handovers").query(&[("limit", limit)]);
        if let Some(team) = team {
            request = request.query(&[("team", team)]);
        }
        self.send(request).await
    }

    /// Supervisors: hands a team's shift over.
    pub async fn create_handover(
        &self,
        handover: &NewHandover,
        idempotency_key: &str,
    ) -> Result<Handover, ClientError> {
        let request =
            self.request(Method::POST, "/v1/handovers").header(IDEMPOTENCY_KEY_HEADER, idempotency_key).json(handover);
        self.send(request).await
    }

    /// Supervisors: the next shift takes a handover at `version`; one already taken answers 409.
    pub async fn acknowledge_handover(
        &self,
        handover_id: i64,
        version: i64,
        idempotency_key: &str,
    ) -> Result<Handover, ClientError> {
        let request = self
            .request(Method::POST, &format!("/v1/handovers/{handover_id}/acknowledge"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .header(reqwest::header::IF_MATCH, format!("\"{version}\""));
        self.send(request).await
    }

    /// Stores a file in the company's document store, on a case when `case_id` is given. The
    /// store checks the content against `sha256`.
    pub async fn upload_document(
        &self,
        name: &str,
        case_id: Option<i64>,
        content_type: &str,
        sha256: &str,
        content: Vec<u8>,
        idempotency_key: &str,
    ) -> Result<Document, ClientError> {
        let mut query = vec![("name", name.to_owned())];
        if let Some(case_id) = case_id {
            query.push(("case_id", case_id.to_string()));
        }
        let request = self
            .request(Method::POST, "/v1/documents")
            .query(&query)
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .header("X-Content-SHA256", sha256)
            .body(content);
        self.send(request).await
    }

    /// Starts a suspicious-activity report (a draft).
    pub async fn create_sar(&self, sar: &CreateSar, idempotency_key: &str) -> Result<Sar, ClientError> {
        let request = self.request(Method::POST, "/v1/sars").header(IDEMPOTENCY_KEY_HEADER, idempotency_key).json(sar);
        self.send(request).await
    }

    /// Edits a draft report made on `version`.
    pub async fn update_sar(
        &self,
        sar_id: i64,
        version: i64,
        update: &SarUpdate,
        idempotency_key: &str,
    ) -> Result<Sar, ClientError> {
        let request = self
            .request(Method::PATCH, &format!("/v1/sars/{sar_id}"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .header(reqwest::header::IF_MATCH, format!("\"{version}\""))
            .json(update);
        self.send(request).await
    }

    /// Sends a draft report at `version` to compliance.
    pub async fn submit_sar(&self, sar_id: i64, version: i64, idempotency_key: &str) -> Result<Sar, ClientError> {
        let request = self
            .request(Method::POST, &format!("/v1/sars/{sar_id}/submit"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .header(reqwest::header::IF_MATCH, format!("\"{version}\""));
        self.send(request).await
    }

    /// Opens an investigation from a ticket.
    pub async fn create_case(&self, case: &CreateCase, idempotency_key: &str) -> Result<Case, ClientError> {
        let request =
            self.request(Method::POST, "/v1/cases").header(IDEMPOTENCY_KEY_HEADER, idempotency_key).json(case);
        self.send(request).await
    }

    /// Changes a case made on `base_version`; a newer server version answers 409.
    pub async fn update_case(
        &self,
        case_id: i64,
        base_version: i64,
        update: &CaseUpdate,
        idempotency_key: &str,
    ) -> Result<Case, ClientError> {
        let request = self
            .request(Method::PATCH, &format!("/v1/cases/{case_id}"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .header(reqwest::header::IF_MATCH, format!("\"{base_version}\""))
            .json(update);
        self.send(request).await
    }

    /// Adds evidence to a case made on `base_version`; a newer server version answers 409.
    pub async fn add_evidence(
        &self,
        case_id: i64,
        base_version: i64,
        evidence: &AddEvidence,
        idempotency_key: &str,
    ) -> Result<Case, ClientError> {
        let request = self
            .request(Method::POST, &format!("/v1/cases/{case_id}/evidence"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .header(reqwest::header::IF_MATCH, format!("\"{base_version}\""))
            .json(evidence);
        self.send(request).await
    }

    /// Takes an escalation made on `version`; one already taken answers 409 with who did.
    pub async fn acknowledge_escalation(
        &self,
        escalation_id: i64,
        version: i64,
        idempotency_key: &str,
    ) -> Result<Escalation, ClientError> {
        let request = self
            .request(Method::POST, &format!("/v1/escalations/{escalation_id}/acknowledge"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .header(reqwest::header::IF_MATCH, format!("\"{version}\""));
        self.send(request).await
    }

    /// An account's controls, pending withdrawals and requests.
    pub async fn account_controls(&self, customer_id: i64) -> Result<AccountView, ClientError> {
        self.send(self.request(Method::GET, &format!("/v1/customers/{customer_id}/controls"))).await
    }

    /// The customer, their activity and linked accounts, for an approver outside their queues.
    pub async fn account_evidence(&self, customer_id: i64) -> Result<AccountEvidence, ClientError> {
        self.send(self.request(Method::GET, &format!("/v1/customers/{customer_id}/evidence"))).await
    }

    /// Asks for an action on an account, made on the controls' `version`.
    pub async fn request_action(
        &self,
        customer_id: i64,
        body: &RequestAction,
        version: i64,
        idempotency_key: &str,
    ) -> Result<ActionRequest, ClientError> {
        let request = self
            .request(Method::POST, &format!("/v1/customers/{customer_id}/actions"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .header(reqwest::header::IF_MATCH, format!("\"{version}\""))
            .json(body);
        self.send(request).await
    }

    /// Approves (or declines) a request waiting for the caller.
    pub async fn answer_action_request(
        &self,
        request_id: i64,
        approve: bool,
        reason: &str,
        idempotency_key: &str,
    ) -> Result<ActionRequest, ClientError> {
        let verb = if approve { "approve" } else { "decline" };
        let request = self
            .request(Method::POST, &format!("/v1/action-requests/{request_id}/{verb}"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .json(&AnswerRequest { reason: reason.to_owned() });
        self.send(request).await
    }

    /// Answers a pre-dispute alert; the answer is final once the server has it.
    pub async fn answer_alert(
        &self,
        alert_id: i64,
        answer: &AnswerAlert,
        idempotency_key: &str,
    ) -> Result<DisputeAlert, ClientError> {
        let request = self
            .request(Method::POST, &format!("/v1/dispute-alerts/{alert_id}/answer"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .json(answer);
        self.send(request).await
    }

    /// Takes back one's own request still waiting.
    pub async fn cancel_action_request(
        &self,
        request_id: i64,
        idempotency_key: &str,
    ) -> Result<ActionRequest, ClientError> {
        let request = self
            .request(Method::POST, &format!("/v1/action-requests/{request_id}/cancel"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key);
        self.send(request).await
    }

    /// The account actions applied in a period, as the server's CSV.
    pub async fn controls_report(&self, query: &ControlsReportQuery) -> Result<Vec<u8>, ClientError> {
        let request =
            self.request(Method::GET, "/v1/reports/controls").query(&[("from", query.from), ("to", query.to)]);
        let (_, bytes) = self.send_for_bytes(request).await?;
        Ok(bytes.to_vec())
    }

    /// The requests waiting for the caller's approval.
    pub async fn approvals(&self) -> Result<Vec<PendingApproval>, ClientError> {
        self.send(self.request(Method::GET, "/v1/approvals")).await
    }

    /// The policies in force.
    pub async fn policies(&self) -> Result<PolicySet, ClientError> {
        self.send(self.request(Method::GET, "/v1/policies")).await
    }

    /// Supervisors: a new version of the policies, made on `version` (409 when it moved on).
    pub async fn replace_policies(
        &self,
        update: &PolicyUpdate,
        version: i64,
        idempotency_key: &str,
    ) -> Result<PolicySet, ClientError> {
        let request = self
            .request(Method::PUT, "/v1/policies")
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .header(reqwest::header::IF_MATCH, format!("\"{version}\""))
            .json(update);
        self.send(request).await
    }

    /// Sets the caller's presence (online agents receive chats; away, busy and offline do not).
    pub async fn set_presence(&self, presence: Presence, idempotency_key: &str) -> Result<Agent, ClientError> {
        let request = self
            .request(Method::PUT, "/v1/me/presence")
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key)
            .json(&SetPresence { presence });
        self.send(request).await
    }

    /// The caller's chat offers still waiting for an answer.
    pub async fn my_offers(&self) -> Result<Vec<Offer>, ClientError> {
        self.send(self.request(Method::GET, "/v1/me/offers")).await
    }

    /// Accepts (`true`) or declines an offer; an answered or expired one answers 409.
    pub async fn answer_offer(&self, offer_id: i64, accept: bool, idempotency_key: &str) -> Result<Offer, ClientError> {
        let verb = if accept { "accept" } else { "decline" };
        let request = self
            .request(Method::POST, &format!("/v1/offers/{offer_id}/{verb}"))
            .header(IDEMPOTENCY_KEY_HEADER, idempotency_key);
        self.send(request).await
    }

    /// Tells the customer (and colleagues) the agent is, or stopped, typing.
    pub async fn typing(&self, ticket_id: i64, typing: bool) -> Result<(), ClientError> {
        let request = self.request(Method::POST, &format!("/v1/tickets/{ticket_id}/typing")).json(&Typing { typing });
        self.send_for_bytes(request).await.map(|_| ())
    }

    /// The agent has seen the conversation up to `up_to` (the customer's widget shows it read).
    pub async fn seen(&self, ticket_id: i64, up_to: i64) -> Result<(), ClientError> {
        let request = self.request(Method::POST, &format!("/v1/tickets/{ticket_id}/seen")).json(&SeenUpTo { up_to });
        self.send_for_bytes(request).await.map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_checked_and_normalized() {
        assert_eq!(normalize_base_url(" http://127.0.0.1:8080/ ").unwrap().as_str(), "http://127.0.0.1:8080/");
        assert!(normalize_base_url("ftp://example.com").is_err());
        assert!(normalize_base_url("example.com").is_err());
        assert!(normalize_base_url("https://api.example.com/?x=1").is_err());
        let client = ApiClient::new("https://api.example.com/support/", ApiToken::new("t")).unwrap();
        assert_eq!(client.base_url(), "https://api.example.com/support");
    }

    #[test]
    fn debug_output_never_shows_the_token() {
        let client = ApiClient::new("https://api.example.com", ApiToken::new("very-secret")).unwrap();
        assert!(!format!("{client:?}").contains("very-secret"));
    }
}
