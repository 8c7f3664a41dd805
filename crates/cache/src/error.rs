#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("the local cache could not be read or written: {0}")]
    Database(#[from] sqlx::Error),
    #[error("the local cache could not be upgraded: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("the local cache folder is not usable: {0}")]
    Io(String),
    #[error("not in the local cache: {0}")]
    NotFound(String),
    #[error("the local cache cannot be opened: {0}")]
    Unreadable(String),
    #[error("something stored in the local cache is damaged: {0}")]
    Corrupt(String),
}
