//! Pagination of every list: `?offset=&limit=` in, `{items, total, offset, limit}` out. A limit
//! outside 1-100 or an offset beyond [`MAX_OFFSET`] is refused, not quietly changed.

use serde::{Deserialize, Serialize};

/// Items per page when the client does not say.
pub const DEFAULT_LIMIT: usize = 20;

/// The most items one page may hold.
pub const MAX_LIMIT: usize = 100;

/// The furthest a page may start: no list here is longer, and it keeps `offset + limit` small.
pub const MAX_OFFSET: usize = 1_000_000;

/// A page size, 1 to [`MAX_LIMIT`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "usize", into = "usize")]
pub struct Limit(usize);

impl TryFrom<usize> for Limit {
    type Error = String;

    fn try_from(n: usize) -> Result<Limit, String> {
        if (1..=MAX_LIMIT).contains(&n) {
            Ok(Limit(n))
        } else {
            Err(format!("limit must be 1 to {MAX_LIMIT}"))
        }
    }
}

/// Where a page starts, 0 to [`MAX_OFFSET`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "usize", into = "usize")]
pub struct Offset(usize);

impl TryFrom<usize> for Offset {
    type Error = String;

    fn try_from(n: usize) -> Result<Offset, String> {
        if n <= MAX_OFFSET {
            Ok(Offset(n))
        } else {
            Err(format!("offset must be 0 to {MAX_OFFSET}"))
        }
    }
}

/// The schemas of what serde reads and writes: integers in their ranges, with their defaults.
#[cfg(feature = "openapi")]
mod schemas {
    use super::{Limit, Offset, DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET};
    use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
    use utoipa::openapi::RefOr;

    fn range(min: usize, max: usize, default: usize, description: &str) -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(min as f64))
            .maximum(Some(max as f64))
            .default(Some(default.into()))
            .description(Some(description))
            .into()
    }

    impl utoipa::PartialSchema for Limit {
        fn schema() -> RefOr<Schema> {
            range(1, MAX_LIMIT, DEFAULT_LIMIT, "Items per page, 1 to 100 (default 20); a value outside gives 400.")
        }
    }

    impl utoipa::ToSchema for Limit {}

    impl utoipa::PartialSchema for Offset {
        fn schema() -> RefOr<Schema> {
            range(0, MAX_OFFSET, 0, "How many items to skip, 0 to 1000000 (default 0); a larger value gives 400.")
        }
    }

    impl utoipa::ToSchema for Offset {}
}

/// The page a client asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    /// How many items to skip.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(inline))]
    pub offset: Offset,
    /// How many items to return (default 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(inline))]
    pub limit: Option<Limit>,
}

impl From<Limit> for usize {
    fn from(l: Limit) -> usize {
        l.0
    }
}

impl From<Offset> for usize {
    fn from(o: Offset) -> usize {
        o.0
    }
}

impl PageQuery {
    /// The page size.
    pub fn limit(&self) -> usize {
        self.limit.map_or(DEFAULT_LIMIT, |l| l.0)
    }

    /// How many items to skip.
    pub fn offset(&self) -> usize {
        self.offset.0
    }

    /// One page of a whole list.
    pub fn of<T>(&self, all: Vec<T>) -> Page<T> {
        let total = all.len();
        let items = all.into_iter().skip(self.offset()).take(self.limit()).collect();
        Page { items, total, offset: self.offset(), limit: self.limit() }
    }
}

/// One page of a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// How many items the whole list has.
    pub total: usize,
    /// How many were skipped.
    pub offset: usize,
    /// The page size used.
    pub limit: usize,
}
