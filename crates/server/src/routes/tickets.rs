use arbiter_contract::TicketDetail;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::Json;

use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::store::{customer_by_id, messages_of_ticket, ticket_by_id};
use crate::AppState;

/// `GET /v1/tickets/{id}`: the ticket, its customer and its conversation.
pub async fn ticket(
    State(state): State<AppState>,
    _caller: Caller,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<TicketDetail>, ApiFailure> {
    let Path(id) = id?;
    let mut conn = state.pool.acquire().await?;
    let ticket = ticket_by_id(&mut conn, id)
        .await?
        .ok_or_else(|| ApiFailure::not_found(format!("ticket {id} does not exist")))?;
    let customer = customer_by_id(&mut conn, ticket.customer_id).await?.ok_or_else(ApiFailure::internal)?;
    let messages = messages_of_ticket(&mut conn, id).await?;
    Ok(Json(TicketDetail { ticket, customer, messages }))
}
