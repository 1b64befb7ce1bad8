//! The crate's error type.

use std::fmt;
use std::sync::Arc;

/// An error from building a pipeline, reading its data, or an input it cannot take. Opaque: its
/// `Display` says what went wrong and where (`user units line 1: expected 4 tab-separated
/// fields, found 3`); it is a `std::error::Error` whose `source()` is the I/O error behind a
/// file that could not be read; it is `Send + Sync` and cheap to clone.
#[derive(Debug, Clone)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone)]
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
    /// A name (of a kind, a rule, a word list) is not one of the known names.
    UnknownName {
        what: &'static str,
        name: String,
        known: &'static [&'static str],
    },
    /// Reading a user file failed.
    Io {
        path: String,
        source: Arc<std::io::Error>,
    },
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

    pub(crate) fn unknown_name(
        what: &'static str,
        name: &str,
        known: &'static [&'static str],
    ) -> Error {
        Error {
            kind: ErrorKind::UnknownName {
                what,
                name: name.to_string(),
                known,
            },
        }
    }

    pub(crate) fn io(path: &str, err: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io {
                path: path.to_string(),
                source: Arc::new(err),
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
            ErrorKind::UnknownName { what, name, known } => {
                write!(f, "unknown {what} {name:?} (known: {})", known.join(", "))
            }
            ErrorKind::Io { path, source } => write!(f, "{path}: {source}"),
            ErrorKind::InputTooLarge(n) => {
                write!(
                    f,
                    "input of {n} bytes is too large (the limit is 4 GiB - 1)"
                )
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn io_errors_keep_their_source() {
        let e = Error::io("a.tsv", std::io::Error::from(std::io::ErrorKind::NotFound));
        assert!(e.to_string().starts_with("a.tsv: "));
        let source = e.source().and_then(|s| s.downcast_ref::<std::io::Error>());
        assert_eq!(
            source.map(std::io::Error::kind),
            Some(std::io::ErrorKind::NotFound)
        );
        assert!(Error::option("x").source().is_none());
    }

    #[test]
    fn unknown_names_list_the_known_ones() {
        let e = "pct".parse::<crate::MentionKind>().err();
        let msg = e.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            msg.starts_with("unknown mention kind \"pct\" (known: percent, "),
            "{msg}"
        );
    }

    #[test]
    fn errors_are_send_and_sync() {
        fn check<T: Send + Sync + Clone>() {}
        check::<Error>();
    }
}
