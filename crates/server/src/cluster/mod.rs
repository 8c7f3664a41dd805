//! Several instances of the server on one PostgreSQL database, behind a load balancer: the
//! live stream crosses instances through the database (`bus`), and the work that must run
//! once runs on the instance holding the lease (`lease`). Rate limits stay per instance: a
//! balancer that sends each token to one instance (nginx `hash $http_authorization
//! consistent`) keeps them exact; round robin over N instances allows up to N times the rate.

pub mod bus;
pub mod lease;

use tokio::task::JoinHandle;

/// Background tasks that stop when this is dropped.
#[derive(Default)]
pub struct Tasks(Vec<JoinHandle<()>>);

impl Tasks {
    pub fn new(tasks: Vec<JoinHandle<()>>) -> Self {
        Self(tasks)
    }

    pub fn push(&mut self, task: JoinHandle<()>) {
        self.0.push(task);
    }

    pub fn append(&mut self, mut other: Tasks) {
        self.0.append(&mut other.0);
    }
}

impl Drop for Tasks {
    fn drop(&mut self) {
        for task in &self.0 {
            task.abort();
        }
    }
}
