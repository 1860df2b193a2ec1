//! The stored JSON formats (profile, openings) and where in a file a problem is: a small scanner
//! turns serde_json's line/column into a field path, and a field path back into line/column.

use crate::error::FormatError;
use crate::opening::{Opening, OpeningSet};
use crate::profile::Profile;
use crate::taxonomy::Taxonomy;

/// The `format` tag of a profile file.
pub const PROFILE_FORMAT: &str = "vaardig.profile";
/// The `format` tag of an openings file.
pub const OPENINGS_FORMAT: &str = "vaardig.openings";
/// The version of both formats this library writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Reads a profile from JSON and checks it against the taxonomy.
pub fn parse_profile(json: &str, taxonomy: &Taxonomy) -> Result<Profile, FormatError> {
    let profile: Profile = serde_json::from_str(json).map_err(|e| FormatError::from_json(e, json))?;
    check_envelope(json, &profile.format, PROFILE_FORMAT, profile.version)?;
    if let Some((field, message)) = profile.check(taxonomy) {
        return Err(FormatError::semantic(json, field, message));
    }
    Ok(profile)
}

/// Reads a set of openings from JSON and checks each against the taxonomy.
pub fn parse_openings(json: &str, taxonomy: &Taxonomy) -> Result<OpeningSet, FormatError> {
    let set: OpeningSet = serde_json::from_str(json).map_err(|e| FormatError::from_json(e, json))?;
    check_envelope(json, &set.format, OPENINGS_FORMAT, set.version)?;
    let mut seen = std::collections::BTreeSet::new();
    for (i, opening) in set.openings.iter().enumerate() {
        if !seen.insert(opening.id.as_str()) {
            return Err(FormatError::semantic(
                json,
                format!("openings[{i}].id"),
                format!("opening id {:?} is used twice", opening.id),
            ));
        }
        if let Some((field, message)) = opening.check(taxonomy) {
            return Err(FormatError::semantic(json, format!("openings[{i}].{field}"), message));
        }
    }
    Ok(set)
}

/// Reads one opening (not a set) from JSON.
pub fn parse_opening(json: &str, taxonomy: &Taxonomy) -> Result<Opening, FormatError> {
    let opening: Opening = serde_json::from_str(json).map_err(|e| FormatError::from_json(e, json))?;
    if let Some((field, message)) = opening.check(taxonomy) {
        return Err(FormatError::semantic(json, field, message));
    }
    Ok(opening)
}

fn check_envelope(json: &str, format: &str, expected: &str, version: u32) -> Result<(), FormatError> {
    if format != expected {
        return Err(FormatError::semantic(
            json,
            "format".into(),
            format!("expected format {expected:?}, found {format:?}"),
        ));
    }
    if version != FORMAT_VERSION {
        return Err(FormatError::semantic(
            json,
            "version".into(),
            format!("version {version} is not supported; this build reads version {FORMAT_VERSION}"),
        ));
    }
    Ok(())
}

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

fn path_string(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Walks `json`, calling `visit(path, line, column)` at the start of every value; stops when it
/// returns true. Tolerates broken JSON: it only needs to be right up to the point of interest.
fn walk(json: &str, mut visit: impl FnMut(&[Step], usize, usize) -> bool) {
    // Containers on the stack; for arrays, the index of the current element.
    enum Frame {
        Object,
        Array(usize),
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut path: Vec<Step> = Vec::new();
    let (mut line, mut column) = (1usize, 0usize);
    let mut chars = json.chars().peekable();
    let mut expecting_key = false;
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
            column = 0;
            continue;
        }
        column += 1;
        match c {
            ' ' | '\t' | '\r' | ':' => {}
            ',' => match stack.last_mut() {
                Some(Frame::Array(i)) => {
                    *i += 1;
                    path.pop();
                    path.push(Step::Index(*i));
                }
                Some(Frame::Object) => expecting_key = true,
                None => {}
            },
            '{' | '[' => {
                if visit(&path, line, column) {
                    return;
                }
                if c == '{' {
                    stack.push(Frame::Object);
                    expecting_key = true;
                    path.push(Step::Key(String::new()));
                } else {
                    stack.push(Frame::Array(0));
                    path.push(Step::Index(0));
                }
            }
            '}' | ']' => {
                stack.pop();
                path.pop();
                expecting_key = false;
            }
            '"' => {
                let mut text = String::new();
                let (start_line, start_column) = (line, column);
                while let Some(d) = chars.next() {
                    column += 1;
                    match d {
                        '\\' => {
                            if let Some(e) = chars.next() {
                                column += 1;
                                text.push(e);
                            }
                        }
                        '"' => break,
                        '\n' => {
                            line += 1;
                            column = 0;
                        }
                        _ => text.push(d),
                    }
                }
                if expecting_key {
                    path.pop();
                    path.push(Step::Key(text));
                    expecting_key = false;
                } else if visit(&path, start_line, start_column) {
                    return;
                }
            }
            _ => {
                if visit(&path, line, column) {
                    return;
                }
                // Skip the rest of a number or literal.
                while let Some(&d) = chars.peek() {
                    if matches!(d, ',' | '}' | ']' | '\n' | ' ' | '\t' | '\r') {
                        break;
                    }
                    chars.next();
                    column += 1;
                }
            }
        }
    }
}

/// The field path of the value being read at `line`/`column`, if any.
pub(crate) fn field_at(json: &str, line: usize, column: usize) -> Option<String> {
    let mut found = None;
    walk(json, |path, l, c| {
        if (l, c) > (line, column) {
            return true;
        }
        found = Some(path_string(path));
        false
    });
    // serde reports an unknown or missing field at the position of the key or the closing brace:
    // the last value started before that position is the closest honest answer.
    found.filter(|p| !p.is_empty())
}

/// Line and column where the value at `field` starts; (1, 1) if it is not found.
pub(crate) fn locate(json: &str, field: &str) -> (usize, usize) {
    let mut at = (1, 1);
    walk(json, |path, l, c| {
        if path_string(path) == field {
            at = (l, c);
            return true;
        }
        false
    });
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_point_into_the_file() {
        let json = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": true\n}";
        assert_eq!(locate(json, "a[1].b"), (2, 18));
        assert_eq!(locate(json, "c"), (3, 8));
        assert_eq!(field_at(json, 2, 18).as_deref(), Some("a[1].b"));
    }

    fn field(json: &str) -> Option<String> {
        let e = serde_json::from_str::<Profile>(json).expect_err("a broken profile");
        FormatError::from_json(e, json).field
    }

    #[test]
    fn an_unknown_or_missing_field_is_named_by_its_own_path() {
        let head = r#"{"format":"vaardig.profile","version":1,"id":"x","#;
        let claim = r#""claims":[{"item":{"skill":"a"},"level":2}"#;
        assert_eq!(field(&format!(r#"{head}"extra":1}}"#)).as_deref(), Some("extra"));
        assert_eq!(field(&format!(r#"{head}"claims":[{{"extra":1}}]}}"#)).as_deref(), Some("claims[0].extra"));
        assert_eq!(field(&format!(r#"{head}{claim},{{"level":2,"é":1}}]}}"#)).as_deref(), Some("claims[1].é"));
        assert_eq!(
            field(&format!(r#"{head}{claim},{{"item":{{"skill":"a"}}}}]}}"#)).as_deref(),
            Some("claims[1].level")
        );
        assert_eq!(field(&format!(r#"{head}"claims":[{{}}]}}"#)).as_deref(), Some("claims[0].item"));
        assert_eq!(field(r#"{"format":"vaardig.profile","version":1}"#).as_deref(), Some("id"));
        assert_eq!(field("{\n\"format\": \"vaardig.profile\",\n\"version\": 1,\n\"idd\": 1}").as_deref(), Some("idd"));
        // Issue 16: this used to name `practical.shifts[1]`, the value read before the key.
        let practical = r#""practical":{"shifts":["day","night"],"hobby":"voetbal"}}"#;
        assert_eq!(field(&format!("{head}{practical}")).as_deref(), Some("practical.hobby"));
    }
}
