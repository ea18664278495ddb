//! Core errors as the UI receives them: a stable code to translate, an English sentence as a
//! fallback, and parameters. Nothing else crosses the bridge.

use serde::Serialize;

/// The rejection value of every command.
#[derive(Debug, Serialize)]
pub struct CommandError {
    code: &'static str,
    message: String,
    params: serde_json::Value,
}

impl From<derbes_core::Error> for CommandError {
    fn from(e: derbes_core::Error) -> Self {
        Self {
            code: e.code(),
            message: e.to_string(),
            params: e.params(),
        }
    }
}

/// Result of a command.
pub type CmdResult<T> = Result<T, CommandError>;
