//! What a young person agreed to publish: the consent's terms. The parts themselves are
//! `matching_core::Parts`, and `Profile::only` is the one cut: the server stores only the cut
//! profile and cuts it again at every read (`pool::RegionPool::load`), so nothing outside the
//! consent can reach any response.

/// The version of the consent text the pool page shows; stored with every consent record.
pub use vaardig_api::CONSENT_TEXT_VERSION;

/// How long a consent lasts when the young person picks no date: three months.
pub const DEFAULT_CONSENT_DAYS: i64 = 91;

/// The longest a consent may last: one year, then the young person is asked again.
pub const MAX_CONSENT_DAYS: i64 = 366;
