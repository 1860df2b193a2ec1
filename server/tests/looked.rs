//! "Who looked" (issue 15, item 7): every read of a young person's data by an employer or a
//! jobhunter is in their list, and a jobhunter's notes about them are shown to them.
//!
//! - a sweep over every employer and jobhunter operation of the OpenAPI document: whenever the
//!   request or the answer names the candidate, the candidate's log grows;
//! - the three reads issue 15 found missing (a shortlist with full cards, adding to a shortlist,
//!   the employer's contact-request list), each counted exactly, also in parallel;
//! - a jobhunter's note reaches the young person with the author's organisation, as it is now
//!   (changed, emptied, on two shortlists), and nobody else can write or read one.

mod common;

use common::*;
use serde_json::{json, Value};
use vaardig_server::auth::Role;

const NOTE: &str = "Sterk in orders verzamelen. Wil graag vroege diensten.";

/// One region with an employer, a jobhunter of an organisation, a jobhunter of another region,
/// one opening and one published candidate.
struct World {
    server: Server,
    opening: String,
    candidate: String,
    secret: String,
}

fn world() -> World {
    let server = Server::start();
    server.account("emp@test.nl", Role::Employer, Some("midden-brabant"), "Bedrijf A");
    server.account("jh@test.nl", Role::Jobhunter, Some("midden-brabant"), "Werkplein Hart van Brabant");
    server.account("jh-west@test.nl", Role::Jobhunter, Some("west-brabant"), "");
    let (candidate, secret) = publish(&server, &full_profile(), consent(all_fields(), "midden-brabant"));
    let opening = json!({
        "title": "Orderpicker", "route": "ontwikkelbaan", "hours": {"min": 24, "max": 32}, "place": "Tilburg",
        "shifts": ["day"],
        "requirements": [{"item": {"skill": "log.orders_verzamelen"}, "importance": "must"}]
    });
    let (s, o) = server.login("emp@test.nl").call("POST", "/api/openings", Some(opening));
    assert_eq!(s, 201, "{o}");
    World { opening: o["id"].as_str().unwrap().into(), candidate, secret, server }
}

/// Everything logged about a candidate: audit lines plus every counted showing in a list.
fn logged(server: &Server, candidate: &str) -> i64 {
    server.sql_count("SELECT COUNT(*) FROM audit WHERE candidate_id = ?1", candidate)
        + server.sql_count("SELECT COALESCE(SUM(times), 0) FROM listed WHERE candidate_id = ?1", candidate)
}

/// Showings of a candidate in one kind of list.
fn listed_as(server: &Server, candidate: &str, detail: &str) -> i64 {
    let sql = format!("SELECT COALESCE(SUM(times), 0) FROM listed WHERE candidate_id = ?1 AND detail = '{detail}'");
    server.sql_count(&sql, candidate)
}

/// Another client on the same session (for parallel calls).
fn twin(client: &Client) -> Client {
    let mut c = Client::new(&client.base);
    c.cookie = client.cookie.clone();
    c.csrf = client.csrf.clone();
    c
}

/// The young person's "who looked".
fn views(w: &World) -> Vec<Value> {
    let mut device = w.server.anonymous().with_bearer(&w.secret);
    let (s, v) = device.call("GET", &format!("/api/candidates/{}/views", w.candidate), None);
    assert_eq!(s, 200, "{v}");
    v["items"].as_array().unwrap().clone()
}

fn new_shortlist(jobhunter: &mut Client, name: &str) -> i64 {
    let (s, l) = jobhunter.call("POST", "/api/shortlists", Some(json!({"name": name})));
    assert_eq!(s, 201, "{l}");
    l["id"].as_i64().unwrap()
}

/// The rule, for every operation an employer or jobhunter can call: if the request or the answer
/// names the candidate (id or pseudonym), the candidate's log has grown when the answer arrives.
/// The list is checked against the OpenAPI document, so a new operation cannot be forgotten.
/// Before issue 15 item 7, `GET /api/shortlists/{id}`, `PUT /api/shortlists/{id}/candidates/{c}`
/// and `GET /api/contact-requests` broke it.
#[test]
fn every_employer_and_jobhunter_answer_about_a_candidate_is_logged() {
    let w = world();
    let (ca, oa) = (w.candidate.as_str(), w.opening.as_str());
    let mut employer = w.server.login("emp@test.nl");
    let mut jobhunter = w.server.login("jh@test.nl");
    let (_, pool) = jobhunter.call("GET", "/api/region/candidates", None);
    let pseudonym = pool["items"][0]["pseudonym"].as_str().unwrap().to_string();
    let (s, spare) = employer.call(
        "POST",
        "/api/openings",
        Some(json!({
            "title": "Tweede", "route": "job", "hours": {"min": 24, "max": 32}, "place": "Tilburg",
            "requirements": [{"item": {"skill": "log.heftruck_rijden"}, "importance": "must"}]
        })),
    );
    assert_eq!(s, 201, "{spare}");
    let spare = spare["id"].as_str().unwrap().to_string();
    let sl = new_shortlist(&mut jobhunter, "Maandag");
    let wp = first_work_process();
    let opening_body = json!({
        "title": "Orderpicker", "route": "ontwikkelbaan", "hours": {"min": 24, "max": 32}, "place": "Tilburg",
        "requirements": [{"item": {"skill": "log.orders_verzamelen"}, "importance": "must"}]
    });
    // (employer?, method, openapi path, path, body); the order leaves every id valid until its delete.
    let calls: Vec<(bool, &str, &str, String, Option<Value>)> = vec![
        (true, "GET", "/api/session", "/api/session".into(), None),
        (true, "GET", "/api/openings", "/api/openings".into(), None),
        (true, "POST", "/api/openings", "/api/openings".into(), Some(opening_body.clone())),
        (true, "GET", "/api/openings/{id}", format!("/api/openings/{oa}"), None),
        (true, "PUT", "/api/openings/{id}", format!("/api/openings/{oa}"), Some(opening_body.clone())),
        (true, "POST", "/api/openings/preview", "/api/openings/preview".into(), Some(opening_body)),
        (true, "GET", "/api/openings/{id}/advice", format!("/api/openings/{oa}/advice"), None),
        (true, "GET", "/api/openings/{id}/candidates", format!("/api/openings/{oa}/candidates"), None),
        (true, "GET", "/api/openings/{id}/candidates/{candidate}", format!("/api/openings/{oa}/candidates/{ca}"), None),
        (
            true,
            "POST",
            "/api/contact-requests",
            "/api/contact-requests".into(),
            Some(json!({"candidate": ca, "opening": oa, "message": "Kom je langs?"})),
        ),
        (true, "GET", "/api/contact-requests", "/api/contact-requests".into(), None),
        (true, "DELETE", "/api/openings/{id}", format!("/api/openings/{spare}"), None),
        (false, "GET", "/api/region/candidates", "/api/region/candidates".into(), None),
        (false, "GET", "/api/region/openings", "/api/region/openings".into(), None),
        (
            false,
            "POST",
            "/api/region/rank/candidates",
            "/api/region/rank/candidates".into(),
            Some(json!({"opening": oa})),
        ),
        (
            false,
            "POST",
            "/api/region/rank/openings",
            "/api/region/rank/openings".into(),
            Some(json!({"candidate": ca})),
        ),
        (
            false,
            "POST",
            "/api/region/what-if",
            "/api/region/what-if".into(),
            Some(
                json!({"candidate": ca, "add": [{"item": {"certificate": "cert.heftruck"}, "level": 2, "evidence": "formal"}]}),
            ),
        ),
        (
            false,
            "POST",
            "/api/region/candidates/{id}/evidence",
            format!("/api/region/candidates/{ca}/evidence"),
            Some(json!({"item": {"skill": "log.heftruck_rijden"}, "level": 3})),
        ),
        (
            false,
            "POST",
            "/api/region/candidates/{id}/attestations",
            format!("/api/region/candidates/{ca}/attestations"),
            Some(json!({"work_processes": [wp]})),
        ),
        (
            false,
            "POST",
            "/api/region/match-table",
            "/api/region/match-table".into(),
            Some(json!({"openings": [oa], "candidates": [ca]})),
        ),
        (false, "GET", "/api/shortlists", "/api/shortlists".into(), None),
        (false, "POST", "/api/shortlists", "/api/shortlists".into(), Some(json!({"name": "Dinsdag"}))),
        (
            false,
            "PUT",
            "/api/shortlists/{id}/candidates/{candidate}",
            format!("/api/shortlists/{sl}/candidates/{ca}"),
            Some(json!({"note": NOTE})),
        ),
        (false, "GET", "/api/shortlists/{id}", format!("/api/shortlists/{sl}"), None),
        (false, "GET", "/api/session", "/api/session".into(), None),
    ];
    // Calls that name the candidate but show nothing of them: taking someone off one's own list.
    let shows_nothing: Vec<(bool, &str, &str, String, Option<Value>)> = vec![
        (
            false,
            "DELETE",
            "/api/shortlists/{id}/candidates/{candidate}",
            format!("/api/shortlists/{sl}/candidates/{ca}"),
            None,
        ),
        (false, "DELETE", "/api/shortlists/{id}", format!("/api/shortlists/{sl}"), None),
    ];
    let mut unlogged = Vec::new();
    let mut naming = 0;
    for (is_employer, method, _, path, body) in &calls {
        let client = if *is_employer { &mut employer } else { &mut jobhunter };
        let before = logged(&w.server, ca);
        let request = format!("{path} {}", body.as_ref().map(Value::to_string).unwrap_or_default());
        let (status, answer) = client.raw(method, path, body.as_ref().map(Value::to_string), "application/json");
        assert!((200..300).contains(&status), "{method} {path}: {status} {answer}");
        let names = |text: &str| text.contains(ca) || text.contains(pseudonym.as_str());
        if names(&request) || names(&answer) {
            naming += 1;
            if logged(&w.server, ca) <= before {
                unlogged.push(format!("{method} {path}"));
            }
        }
    }
    assert!(unlogged.is_empty(), "answered about the candidate without a line in who looked: {unlogged:?}");
    assert_eq!(naming, 13, "the calls that name the candidate");
    for (_, method, _, path, body) in &shows_nothing {
        let (status, answer) = jobhunter.raw(method, path, body.as_ref().map(Value::to_string), "application/json");
        assert_eq!((status, answer.as_str()), (204, ""), "{method} {path}");
    }
    // Every employer and jobhunter operation of the document is in one of the two lists (logout,
    // which ends the session and answers nothing, apart).
    let document: Value = serde_json::from_str(vaardig_server::openapi::document()).unwrap();
    let covered: Vec<(String, String)> = calls
        .iter()
        .chain(&shows_nothing)
        .map(|(_, m, p, _, _)| (m.to_string(), p.to_string()))
        .chain([("POST".to_string(), "/api/logout".to_string())])
        .collect();
    let mut missing = Vec::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let tags = op["tags"].as_array().map(|t| t.iter().filter_map(Value::as_str).collect::<Vec<_>>());
            let worker = tags.is_some_and(|t| t.contains(&"employer") || t.contains(&"jobhunter"));
            let key = (method.to_uppercase(), path.clone());
            if worker && !covered.contains(&key) {
                missing.push(format!("{} {}", key.0, key.1));
            }
        }
    }
    assert!(missing.is_empty(), "operations this test does not try: {missing:?}");
}

/// Issue 15: a jobhunter's shortlist answered full cards and left no line. Now each read counts
/// one showing per candidate on it, exactly, however many arrive at once.
#[test]
fn every_read_of_a_shortlist_is_counted_also_in_parallel() {
    let w = world();
    let ca = &w.candidate;
    let mut jobhunter = w.server.login("jh@test.nl");
    let sl = new_shortlist(&mut jobhunter, "Maandag");
    assert_eq!(jobhunter.call("PUT", &format!("/api/shortlists/{sl}/candidates/{ca}"), Some(json!({}))).0, 204);
    assert_eq!(listed_as(&w.server, ca, "shortlist"), 0);
    const READS: usize = 24;
    std::thread::scope(|s| {
        let threads: Vec<_> = (0..READS)
            .map(|_| {
                let mut client = twin(&jobhunter);
                s.spawn(move || client.call("GET", &format!("/api/shortlists/{sl}"), None))
            })
            .collect();
        for t in threads {
            let (status, list) = t.join().unwrap();
            assert_eq!(status, 200, "{list}");
            assert_eq!(list["candidates"][0]["candidate"]["id"], json!(ca), "{list}");
        }
    });
    assert_eq!(listed_as(&w.server, ca, "shortlist"), READS as i64);
    // The young person sees one line for them, with the jobhunter's organisation.
    let lines: Vec<Value> = views(&w).into_iter().filter(|v| v["action"] == "listed").collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["times"], json!(READS), "{lines:?}");
    assert_eq!(lines[0]["who"], json!("Jobhunter Werkplein Hart van Brabant"), "{lines:?}");
    // After a withdrawal the entries are gone with the candidate: a read shows and logs nothing.
    let (s, _) = w.server.anonymous().with_bearer(&w.secret).call("DELETE", &format!("/api/candidates/{ca}"), None);
    assert_eq!(s, 204);
    let (s, list) = jobhunter.call("GET", &format!("/api/shortlists/{sl}"), None);
    assert_eq!((s, list["candidates"].as_array().map(Vec::len)), (200, Some(0)), "{list}");
    assert_eq!(logged(&w.server, ca), 0);
}

/// Issue 15: adding a young person to a shortlist left no line. Now every add (and every change
/// of the note, which is the same call) is an audit line, also when many arrive at once.
#[test]
fn adding_to_a_shortlist_is_a_line_in_who_looked() {
    let w = world();
    let ca = &w.candidate;
    let mut jobhunter = w.server.login("jh@test.nl");
    let lists: Vec<i64> = (0..8).map(|i| new_shortlist(&mut jobhunter, &format!("Lijst {i}"))).collect();
    let shortlisted = "SELECT COUNT(*) FROM audit WHERE candidate_id = ?1 AND action = 'shortlisted'";
    assert_eq!(w.server.sql_count(shortlisted, ca), 0);
    std::thread::scope(|s| {
        for sl in &lists {
            let mut client = twin(&jobhunter);
            s.spawn(move || {
                let (status, e) = client.call("PUT", &format!("/api/shortlists/{sl}/candidates/{ca}"), Some(json!({})));
                assert_eq!(status, 204, "{e}");
            });
        }
    });
    assert_eq!(w.server.sql_count(shortlisted, ca), lists.len() as i64);
    let lines: Vec<Value> = views(&w).into_iter().filter(|v| v["action"] == "shortlisted").collect();
    assert_eq!(lines.len(), lists.len(), "{lines:?}");
    assert!(lines.iter().all(|l| l["who"] == "Jobhunter Werkplein Hart van Brabant" && l["note"].is_null()));
    // Another region's jobhunter, someone else's shortlist, an unknown candidate: refused, no line.
    let mut west = w.server.login("jh-west@test.nl");
    let west_list = new_shortlist(&mut west, "West");
    let sl = lists[0];
    for (from_west, path) in [
        (true, format!("/api/shortlists/{west_list}/candidates/{ca}")),
        (true, format!("/api/shortlists/{sl}/candidates/{ca}")),
        (false, format!("/api/shortlists/{sl}/candidates/c-forged")),
    ] {
        let client = if from_west { &mut west } else { &mut jobhunter };
        let (status, e) = client.call("PUT", &path, Some(json!({"note": "ingebroken"})));
        assert_eq!(status, 404, "{path}: {e}");
    }
    assert_eq!(w.server.sql_count(shortlisted, ca), lists.len() as i64);
    assert!(!views(&w).iter().any(|v| v.to_string().contains("ingebroken")));
}

/// Issue 15: the employer's list of contact requests showed pseudonyms (and, once accepted, the
/// details given) and left no line. Now each read counts one showing per request on the page.
#[test]
fn the_employers_contact_request_list_is_counted() {
    let w = world();
    let ca = &w.candidate;
    let mut employer = w.server.login("emp@test.nl");
    let ask = json!({"candidate": ca, "opening": w.opening, "message": "Kom je langs?"});
    let (s, r) = employer.call("POST", "/api/contact-requests", Some(ask));
    assert_eq!(s, 201, "{r}");
    assert_eq!(listed_as(&w.server, ca, "contact requests"), 0);
    const READS: usize = 12;
    std::thread::scope(|s| {
        for _ in 0..READS {
            let mut client = twin(&employer);
            s.spawn(move || {
                let (status, list) = client.call("GET", "/api/contact-requests", None);
                assert_eq!((status, &list["items"][0]["candidate"]), (200, &json!(ca)), "{list}");
            });
        }
    });
    assert_eq!(listed_as(&w.server, ca, "contact requests"), READS as i64);
    // A page that does not hold the request shows nothing of the candidate and counts nothing.
    let (s, empty) = employer.call("GET", "/api/contact-requests?offset=1", None);
    assert_eq!((s, empty["items"].as_array().map(Vec::len)), (200, Some(0)), "{empty}");
    assert_eq!(listed_as(&w.server, ca, "contact requests"), READS as i64);
    let lines: Vec<Value> = views(&w).into_iter().filter(|v| v["action"] == "listed").collect();
    assert!(lines.iter().any(|l| l["who"] == "Bedrijf A" && l["times"] == json!(READS)), "{lines:?}");
}

/// Issue 15: a jobhunter's note about a young person was never shown to them. Now "who looked"
/// holds every note as it is now, with the author's organisation; a changed note replaces the
/// old text, an emptied or removed one disappears, and only the young person's secret reads it.
#[test]
fn a_jobhunters_note_is_shown_to_the_young_person() {
    let w = world();
    let ca = &w.candidate;
    let mut jobhunter = w.server.login("jh@test.nl");
    let (first, second) = (new_shortlist(&mut jobhunter, "Maandag"), new_shortlist(&mut jobhunter, "Heftruck"));
    let put = |client: &mut Client, sl: i64, note: &str| {
        let (s, e) = client.call("PUT", &format!("/api/shortlists/{sl}/candidates/{ca}"), Some(json!({"note": note})));
        assert_eq!(s, 204, "{e}");
    };
    let notes = |w: &World| -> Vec<(String, String)> {
        views(w)
            .into_iter()
            .filter(|v| v["action"] == "note")
            .map(|v| (v["who"].as_str().unwrap().to_string(), v["note"].as_str().unwrap().to_string()))
            .collect()
    };
    put(&mut jobhunter, first, "Eerste indruk: twijfel over op tijd komen.");
    put(&mut jobhunter, first, NOTE);
    put(&mut jobhunter, second, "Heftruckcursus voorstellen.");
    let organisation = "Jobhunter Werkplein Hart van Brabant".to_string();
    let mut seen = notes(&w);
    seen.sort();
    assert_eq!(
        seen,
        vec![
            (organisation.clone(), "Heftruckcursus voorstellen.".to_string()),
            (organisation.clone(), NOTE.to_string())
        ]
    );
    // The old text is nowhere: not in the answer, not kept in the audit table.
    assert!(!views(&w).iter().any(|v| v.to_string().contains("twijfel")));
    assert_eq!(w.server.sql_count("SELECT COUNT(*) FROM audit WHERE detail LIKE '%' || ?1 || '%'", "twijfel"), 0);
    // A note is dated by the last time it was written.
    let note_line = views(&w).into_iter().find(|v| v["note"] == NOTE).unwrap();
    let last_put = w.server.sql_count(
        "SELECT MAX(at) FROM audit WHERE action = 'shortlisted' AND detail = 'shortlist ' || ?1",
        &first.to_string(),
    );
    assert_eq!(note_line["at"], json!(last_put), "{note_line}");
    // Emptied on one list, the entry taken off the other: no note left.
    put(&mut jobhunter, first, "");
    assert_eq!(notes(&w), vec![(organisation, "Heftruckcursus voorstellen.".to_string())]);
    let (s, _) = jobhunter.call("DELETE", &format!("/api/shortlists/{second}/candidates/{ca}"), None);
    assert_eq!(s, 204);
    assert!(notes(&w).is_empty());
    // Only the young person's own secret reads "who looked"; the jobhunter's session does not.
    put(&mut jobhunter, second, NOTE);
    for secret in ["wrong", &w.secret[..w.secret.len() - 1]] {
        let (s, e) = w.server.anonymous().with_bearer(secret).call("GET", &format!("/api/candidates/{ca}/views"), None);
        assert_eq!(s, 404, "{e}");
    }
    let (s, e) = jobhunter.call("GET", &format!("/api/candidates/{ca}/views"), None);
    assert_eq!(s, 401, "{e}");
    assert_eq!(notes(&w).len(), 1);
}
