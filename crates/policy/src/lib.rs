//! Policies evaluated as pure functions of the policy data, so the server (authoritative)
//! and the desk (offline) compute the same clocks and deadlines.

pub mod advice;
pub mod alerts;
pub mod cases;
pub mod chargeback;
pub mod compelling_evidence;
pub mod controls;
pub mod escalation;
pub mod hours;
pub mod routing;
pub mod service;
pub mod sla;
pub mod teams;
pub mod withdrawals;
