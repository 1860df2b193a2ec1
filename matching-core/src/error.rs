//! Errors a person can act on: what was wrong and where.

use std::fmt;

/// A taxonomy that does not hold together; lists every problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaxonomyError {
    /// One line per problem.
    pub problems: Vec<String>,
}

impl fmt::Display for TaxonomyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the taxonomy has {} problem(s):", self.problems.len())?;
        for p in &self.problems {
            writeln!(f, "  - {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TaxonomyError {}

/// A profile or opening file that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// Line (1-based) where the problem is, when known.
    pub line: usize,
    /// Column (1-based) where the problem is, when known.
    pub column: usize,
    /// The field (JSON path like `requirements[2].item`) where known.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)?;
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for FormatError {}

impl FormatError {
    pub(crate) fn from_json(error: serde_json::Error, json: &str) -> FormatError {
        let message = error.to_string();
        // serde_json appends " at line L column C"; keep the message without it.
        let message = match message.rfind(" at line ") {
            Some(cut) => message[..cut].to_string(),
            None => message,
        };
        let field = crate::format::field_at(json, error.line(), error.column());
        FormatError { line: error.line(), column: error.column(), field, message }
    }

    pub(crate) fn semantic(json: &str, field: String, message: String) -> FormatError {
        let (line, column) = crate::format::locate(json, &field);
        FormatError { line, column, field: Some(field), message }
    }
}
