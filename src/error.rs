//! The crate's error type.

use std::fmt;

/// An error from building a pipeline, reading its data, or an input it cannot take. Opaque: its
/// `Display` says what went wrong and where (`user units line 1: expected 4 tab-separated
/// fields, found 3`); it is a `std::error::Error`, `Send + Sync`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    /// A line of a data table is malformed.
    Data {
        table: String,
        line: usize,
        message: String,
    },
    /// A dictionary or automaton could not be built.
    Build(String),
    /// An option value is not valid.
    Option(String),
    /// Reading a user file failed.
    Io { path: String, message: String },
    /// The input is too large to map with 32-bit offsets.
    InputTooLarge(usize),
}

impl Error {
    pub(crate) fn data(table: &str, line: usize, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Data {
                table: table.to_string(),
                line,
                message: message.into(),
            },
        }
    }

    pub(crate) fn build(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Build(message.into()),
        }
    }

    pub(crate) fn option(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Option(message.into()),
        }
    }

    pub(crate) fn io(path: &str, err: &std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io {
                path: path.to_string(),
                message: err.to_string(),
            },
        }
    }

    pub(crate) fn input_too_large(len: usize) -> Error {
        Error {
            kind: ErrorKind::InputTooLarge(len),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Data {
                table,
                line,
                message,
            } => write!(f, "{table} line {line}: {message}"),
            ErrorKind::Build(m) => write!(f, "cannot build the pipeline: {m}"),
            ErrorKind::Option(m) => write!(f, "invalid option: {m}"),
            ErrorKind::Io { path, message } => write!(f, "{path}: {message}"),
            ErrorKind::InputTooLarge(n) => {
                write!(
                    f,
                    "input of {n} bytes is too large (the limit is 4 GiB - 1)"
                )
            }
        }
    }
}

impl std::error::Error for Error {}
