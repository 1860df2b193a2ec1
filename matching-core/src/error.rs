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
    /// A serde error with the field it is about. Most errors are at a value, whose path the
    /// scanner finds; an unknown field is reported at its key and a missing one at the closing
    /// brace of its object, where the last value read is a neighbour's (issue 16:
    /// `practical.shifts[1]` for an unknown `hobby` in `practical`). For those two, the text is
    /// completed at the error into a value of the field in question, and the path is that
    /// value's (`practical.hobby`): it names the object the field is (or should be) in.
    pub(crate) fn from_json(error: serde_json::Error, json: &str) -> FormatError {
        let message = error.to_string();
        // serde_json appends " at line L column C"; keep the message without it.
        let message = match message.rfind(" at line ") {
            Some(cut) => message[..cut].to_string(),
            None => message,
        };
        // serde_json counts columns in bytes, 1-based: the byte at `end - 1` is the last one it read.
        let line_start: usize = json.split_inclusive('\n').take(error.line().saturating_sub(1)).map(str::len).sum();
        let end = line_start + error.column();
        let last = end.checked_sub(1).and_then(|i| json.as_bytes().get(i)).copied();
        let completed = if message.starts_with("unknown field") && last == Some(b'"') {
            json.get(..end).map(|head| format!("{head}:0"))
        } else if let (Some(name), Some(b'}')) = (message.strip_prefix("missing field `"), last) {
            let name = name.split('`').next().unwrap_or_default();
            json.get(..end - 1).map(|head| format!("{head},\"{name}\":0"))
        } else {
            None
        };
        let field = match completed {
            Some(text) => crate::format::field_at(&text, usize::MAX, usize::MAX),
            None => crate::format::field_at(json, error.line(), error.column()),
        };
        FormatError { line: error.line(), column: error.column(), field, message }
    }

    pub(crate) fn semantic(json: &str, field: String, message: String) -> FormatError {
        let (line, column) = crate::format::locate(json, &field);
        FormatError { line, column, field: Some(field), message }
    }
}
