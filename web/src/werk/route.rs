//! Screens as URL fragments (`#openings`, `#opening/{id}`, `#attest/{token}` …): every screen has
//! an address, and the browser's back and forward buttons move between them.

/// A screen of the work app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// Log in.
    Login,
    /// Employer: own openings.
    Openings,
    /// Employer: a new opening.
    NewOpening,
    /// Employer: change an opening.
    EditOpening(String),
    /// Employer: one opening with its candidates and advice.
    Opening(String),
    /// Employer: one candidate for one opening.
    Candidate(String, String),
    /// Employer: contact requests.
    Contacts,
    /// Jobhunter: the region's candidates and openings.
    Pool,
    /// Jobhunter: candidates ranked for an opening.
    RankCandidates(String),
    /// Jobhunter: openings ranked for a candidate.
    RankOpenings(String),
    /// Jobhunter: what if a candidate had more.
    WhatIf(String),
    /// Jobhunter: shortlists.
    Shortlists,
    /// Jobhunter: one shortlist.
    Shortlist(String),
    /// Jobhunter: the match table.
    Table,
    /// Jobhunter: make a trainer link for a candidate.
    Link(String),
    /// Trainer: confirm work processes.
    Attest(String),
}

impl Route {
    /// The route of a fragment (with or without `#`); unknown fragments go to the start.
    pub fn parse(hash: &str) -> Route {
        let hash = hash.trim_start_matches('#');
        let decode = |s: &str| js_decode(s);
        let mut parts = hash.splitn(3, '/');
        let head = parts.next().unwrap_or_default();
        let a = parts.next().map(decode).filter(|s| !s.is_empty());
        let b = parts.next().map(decode).filter(|s| !s.is_empty());
        match (head, a, b) {
            ("openings", None, None) => Route::Openings,
            ("new", None, None) => Route::NewOpening,
            ("edit", Some(id), None) => Route::EditOpening(id),
            ("opening", Some(id), None) => Route::Opening(id),
            ("opening", Some(id), Some(c)) => Route::Candidate(id, c),
            ("contacts", None, None) => Route::Contacts,
            ("pool", None, None) => Route::Pool,
            ("rank-candidates", Some(id), None) => Route::RankCandidates(id),
            ("rank-openings", Some(id), None) => Route::RankOpenings(id),
            ("what-if", Some(id), None) => Route::WhatIf(id),
            ("shortlists", None, None) => Route::Shortlists,
            ("shortlist", Some(id), None) => Route::Shortlist(id),
            ("table", None, None) => Route::Table,
            ("link", Some(id), None) => Route::Link(id),
            ("attest", Some(token), None) => Route::Attest(token),
            _ => Route::Login,
        }
    }

    /// The fragment of a route, with `#`.
    pub fn href(&self) -> String {
        let e = |s: &str| js_encode(s);
        match self {
            Route::Login => "#login".into(),
            Route::Openings => "#openings".into(),
            Route::NewOpening => "#new".into(),
            Route::EditOpening(id) => format!("#edit/{}", e(id)),
            Route::Opening(id) => format!("#opening/{}", e(id)),
            Route::Candidate(id, c) => format!("#opening/{}/{}", e(id), e(c)),
            Route::Contacts => "#contacts".into(),
            Route::Pool => "#pool".into(),
            Route::RankCandidates(id) => format!("#rank-candidates/{}", e(id)),
            Route::RankOpenings(id) => format!("#rank-openings/{}", e(id)),
            Route::WhatIf(id) => format!("#what-if/{}", e(id)),
            Route::Shortlists => "#shortlists".into(),
            Route::Shortlist(id) => format!("#shortlist/{}", e(id)),
            Route::Table => "#table".into(),
            Route::Link(id) => format!("#link/{}", e(id)),
            Route::Attest(token) => format!("#attest/{}", e(token)),
        }
    }

    /// Where an account starts.
    pub fn home(role: vaardig_api::Role) -> Route {
        if role == vaardig_api::Role::Jobhunter {
            Route::Pool
        } else {
            Route::Openings
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn js_decode(s: &str) -> String {
    js_sys::decode_uri_component(s).map(String::from).unwrap_or_else(|_| s.to_string())
}

#[cfg(target_arch = "wasm32")]
fn js_encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

// Natively (tests) ids are plain: nothing to escape.
#[cfg(not(target_arch = "wasm32"))]
fn js_decode(s: &str) -> String {
    s.to_string()
}

#[cfg(not(target_arch = "wasm32"))]
fn js_encode(s: &str) -> String {
    s.to_string()
}

/// Goes to `route`: a new history entry, so back returns.
pub fn go(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.href());
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn every_route_reads_back_from_its_fragment() {
        let id = || "o-7".to_string();
        let all = [
            Route::Login,
            Route::Openings,
            Route::NewOpening,
            Route::EditOpening(id()),
            Route::Opening(id()),
            Route::Candidate(id(), "c-1".into()),
            Route::Contacts,
            Route::Pool,
            Route::RankCandidates(id()),
            Route::RankOpenings(id()),
            Route::WhatIf(id()),
            Route::Shortlists,
            Route::Shortlist("3".into()),
            Route::Table,
            Route::Link(id()),
            Route::Attest("tok".into()),
        ];
        for r in all {
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(Route::parse("#nonsense/1/2"), Route::Login);
        assert_eq!(Route::parse(""), Route::Login);
    }
}
