//! The pool server tried as its users would, over HTTP: every test starts its own server on a
//! loopback port with its own database file.
//!
//! - the authorization matrix: every role × every endpoint, with no session and another region;
//! - a property test that a part without consent never appears in any answer to an employer or
//!   jobhunter;
//! - withdrawal and expiry delete the rows; CSRF, same-origin, rate limiting and body limits;
//! - the contact flow, who looked, attestation signatures, what-if and weights.

mod common;

use common::*;
use matching_core::{Evidence, ItemRef, Profile};
use rusqlite::Connection;
use serde_json::{json, Value};
use std::sync::atomic::Ordering;
use vaardig_server::auth::{self, NewAccount, Role};
use vaardig_server::{AppState, Config};

fn opening_body(title: &str) -> Value {
    json!({
        "title": title, "route": "ontwikkelbaan", "hours": {"min": 24, "max": 32}, "place": "Tilburg", "shifts": ["day"],
        "requirements": [
            {"item": {"skill": "log.heftruck_rijden"}, "importance": "must"},
            {"item": {"soft_skill": "soft.op_tijd"}, "importance": "must"},
            {"item": {"certificate": "cert.vca_basis"}, "importance": "nice"}
        ]
    })
}

/// Two regions with an employer and a jobhunter each, an admin, one opening per employer,
/// one published candidate per region, a shortlist per jobhunter.
struct World {
    server: Server,
    opening_a: String,
    opening_b: String,
    candidate_a: String,
    secret_a: String,
    candidate_b: String,
    shortlist_a: i64,
}

fn world() -> World {
    let server = Server::start();
    server.account("emp-a@test.nl", Role::Employer, Some("midden-brabant"), "Bedrijf A");
    server.account("emp-b@test.nl", Role::Employer, Some("west-brabant"), "Bedrijf B");
    server.account("jh-a@test.nl", Role::Jobhunter, Some("midden-brabant"), "");
    server.account("jh-b@test.nl", Role::Jobhunter, Some("west-brabant"), "");
    server.account("admin@test.nl", Role::Admin, None, "");
    let (candidate_a, secret_a) = publish(&server, &full_profile(), consent(all_fields(), "midden-brabant"));
    let (candidate_b, _) = publish(&server, &full_profile(), consent(all_fields(), "west-brabant"));
    let (s, a) = server.login("emp-a@test.nl").call("POST", "/api/openings", Some(opening_body("Heftruckchauffeur")));
    assert_eq!(s, 201, "{a}");
    let (s, b) = server.login("emp-b@test.nl").call("POST", "/api/openings", Some(opening_body("Magazijn")));
    assert_eq!(s, 201, "{b}");
    let (s, l) = server.login("jh-a@test.nl").call("POST", "/api/shortlists", Some(json!({"name": "Maandag"})));
    assert_eq!(s, 201, "{l}");
    World {
        opening_a: a["id"].as_str().unwrap().into(),
        opening_b: b["id"].as_str().unwrap().into(),
        candidate_a,
        secret_a,
        candidate_b,
        shortlist_a: l["id"].as_i64().unwrap(),
        server,
    }
}

#[test]
fn every_role_reaches_only_its_own_endpoints_and_region() {
    let w = world();
    let (oa, ob, ca, cb, sl) = (&w.opening_a, &w.opening_b, &w.candidate_a, &w.candidate_b, w.shortlist_a);
    let wp = first_work_process();
    let new_account =
        json!({"email": "new@test.nl", "password": PASSWORD, "role": "employer", "region": "midden-brabant"});
    let contact = json!({"candidate": ca, "message": "Wil je komen kennismaken?"});
    let contact_b = json!({"candidate": cb, "message": "Wil je komen kennismaken?"});
    let evidence = json!({"item": {"skill": "log.heftruck_rijden"}, "level": 3});
    let what_if =
        json!({"candidate": ca, "add": [{"item": {"certificate": "cert.heftruck"}, "level": 2, "evidence": "formal"}]});
    // Columns: no session, employer B and jobhunter B (the other region), admin, jobhunter A,
    // employer A. The roles that own the data go last, so their deletes do not disturb the others.
    let roles = ["", "emp-b@test.nl", "jh-b@test.nl", "admin@test.nl", "jh-a@test.nl", "emp-a@test.nl"];
    type Row = (&'static str, String, Option<Value>, [u16; 6]);
    let rows: Vec<Row> = vec![
        ("GET", "/api/health".into(), None, [200, 200, 200, 200, 200, 200]),
        ("GET", "/api/openapi.json".into(), None, [200, 200, 200, 200, 200, 200]),
        ("GET", "/api/regions".into(), None, [200, 200, 200, 200, 200, 200]),
        ("GET", "/api/session".into(), None, [401, 200, 200, 200, 200, 200]),
        ("GET", "/api/accounts".into(), None, [401, 403, 403, 200, 403, 403]),
        ("POST", "/api/accounts".into(), Some(new_account), [401, 403, 403, 201, 403, 403]),
        ("GET", "/api/openings".into(), None, [401, 200, 403, 403, 403, 200]),
        ("POST", "/api/openings".into(), Some(opening_body("Nieuw")), [401, 201, 403, 403, 403, 201]),
        ("GET", format!("/api/openings/{oa}"), None, [401, 404, 403, 403, 403, 200]),
        ("PUT", format!("/api/openings/{oa}"), Some(opening_body("Heftruck")), [401, 404, 403, 403, 403, 200]),
        ("GET", format!("/api/openings/{oa}/candidates"), None, [401, 404, 403, 403, 403, 200]),
        ("GET", format!("/api/openings/{oa}/candidates/{ca}"), None, [401, 404, 403, 403, 403, 200]),
        ("GET", format!("/api/openings/{oa}/candidates/{cb}"), None, [401, 404, 403, 403, 403, 404]),
        ("GET", format!("/api/openings/{ob}/candidates"), None, [401, 200, 403, 403, 403, 404]),
        ("POST", "/api/contact-requests".into(), Some(contact_b), [401, 201, 403, 403, 403, 404]),
        ("POST", "/api/contact-requests".into(), Some(contact), [401, 404, 403, 403, 403, 201]),
        ("GET", "/api/contact-requests".into(), None, [401, 200, 403, 403, 403, 200]),
        ("GET", "/api/region/candidates".into(), None, [401, 403, 200, 403, 200, 403]),
        ("GET", "/api/region/openings".into(), None, [401, 403, 200, 403, 200, 403]),
        ("POST", "/api/region/rank/candidates".into(), Some(json!({"opening": oa})), [401, 403, 404, 403, 200, 403]),
        ("POST", "/api/region/rank/openings".into(), Some(json!({"candidate": ca})), [401, 403, 404, 403, 200, 403]),
        ("POST", "/api/region/what-if".into(), Some(what_if), [401, 403, 404, 403, 200, 403]),
        ("POST", format!("/api/region/candidates/{ca}/evidence"), Some(evidence), [401, 403, 404, 403, 204, 403]),
        ("GET", "/api/shortlists".into(), None, [401, 403, 200, 403, 200, 403]),
        ("POST", "/api/shortlists".into(), Some(json!({"name": "Dinsdag"})), [401, 403, 201, 403, 201, 403]),
        ("GET", format!("/api/shortlists/{sl}"), None, [401, 403, 404, 403, 200, 403]),
        (
            "PUT",
            format!("/api/shortlists/{sl}/candidates/{ca}"),
            Some(json!({"note": "sterk"})),
            [401, 403, 404, 403, 204, 403],
        ),
        ("PUT", format!("/api/shortlists/{sl}/candidates/{cb}"), Some(json!({})), [401, 403, 404, 403, 404, 403]),
        ("DELETE", format!("/api/shortlists/{sl}/candidates/{ca}"), None, [401, 403, 404, 403, 204, 403]),
        ("POST", "/api/openings/preview".into(), Some(opening_body("Voorbeeld")), [401, 200, 403, 403, 403, 200]),
        ("GET", format!("/api/openings/{oa}/advice"), None, [401, 404, 403, 403, 403, 200]),
        (
            "POST",
            "/api/region/match-table".into(),
            Some(json!({"openings": [oa], "candidates": [ca]})),
            [401, 403, 404, 403, 200, 403],
        ),
        (
            "POST",
            format!("/api/region/candidates/{ca}/attestations"),
            Some(json!({"work_processes": [wp]})),
            [401, 403, 404, 403, 201, 403],
        ),
        ("DELETE", format!("/api/shortlists/{sl}"), None, [401, 403, 404, 403, 204, 403]),
        ("DELETE", format!("/api/openings/{oa}"), None, [401, 404, 403, 403, 403, 204]),
        // Young people's endpoints take the device secret, not a session.
        ("GET", format!("/api/candidates/{ca}"), None, [401, 401, 401, 401, 401, 401]),
        ("DELETE", format!("/api/candidates/{ca}"), None, [401, 401, 401, 401, 401, 401]),
        ("POST", "/api/attestations".into(), Some(json!({"work_processes": [wp]})), [401, 401, 401, 401, 401, 401]),
    ];
    let mut clients: Vec<Client> =
        roles.iter().map(|r| if r.is_empty() { w.server.anonymous() } else { w.server.login(r) }).collect();
    let mut wrong = Vec::new();
    for (method, path, body, expected) in &rows {
        for (i, client) in clients.iter_mut().enumerate() {
            let (status, answer) = client.call(method, path, body.clone());
            if status != expected[i] {
                wrong.push(format!("{method} {path} as {:?}: {status}, expected {} ({answer})", roles[i], expected[i]));
            }
        }
    }
    assert!(wrong.is_empty(), "{} wrong:\n{}", wrong.len(), wrong.join("\n"));
    // The device secret: none, another profile's, the right one.
    let (other_id, other_secret) = publish(&w.server, &full_profile(), consent(all_fields(), "midden-brabant"));
    let youth: Vec<(&str, String, Option<Value>, u16)> = vec![
        ("GET", format!("/api/candidates/{ca}"), None, 200),
        ("GET", format!("/api/candidates/{ca}/requests"), None, 200),
        ("GET", format!("/api/candidates/{ca}/views"), None, 200),
        (
            "PUT",
            format!("/api/candidates/{ca}"),
            Some(json!({"profile": full_profile(), "consent": consent(all_fields(), "midden-brabant")})),
            200,
        ),
        ("DELETE", format!("/api/candidates/{ca}"), None, 204),
    ];
    for (method, path, body, ok) in youth {
        let (none, _) = w.server.anonymous().call(method, &path, body.clone());
        assert_eq!(none, 401, "{method} {path} without a secret");
        let (other, _) = w.server.anonymous().with_bearer(&other_secret).call(method, &path, body.clone());
        assert_eq!(other, 404, "{method} {path} with another profile's secret");
        let (own, answer) = w.server.anonymous().with_bearer(&w.secret_a).call(method, &path, body.clone());
        assert_eq!(own, ok, "{method} {path} with its own secret: {answer}");
    }
    assert_ne!(other_id, *ca);
}

#[test]
fn withdrawing_deletes_the_profile_and_everything_derived_from_it() {
    let w = world();
    let (ca, oa) = (&w.candidate_a, &w.opening_a);
    let mut employer = w.server.login("emp-a@test.nl");
    assert_eq!(employer.call("GET", &format!("/api/openings/{oa}/candidates"), None).0, 200);
    let (s, _) = employer.call("GET", &format!("/api/openings/{oa}/candidates/{ca}"), None);
    assert_eq!(s, 200);
    let (s, _) = employer.call("POST", "/api/contact-requests", Some(json!({"candidate": ca, "message": "Hoi"})));
    assert_eq!(s, 201);
    let mut jobhunter = w.server.login("jh-a@test.nl");
    let sl = w.shortlist_a;
    assert_eq!(jobhunter.call("PUT", &format!("/api/shortlists/{sl}/candidates/{ca}"), Some(json!({}))).0, 204);
    let evidence = json!({"item": {"skill": "log.heftruck_rijden"}, "level": 4});
    assert_eq!(jobhunter.call("POST", &format!("/api/region/candidates/{ca}/evidence"), Some(evidence)).0, 204);
    let tables = [
        "SELECT COUNT(*) FROM candidates WHERE id = ?1",
        "SELECT COUNT(*) FROM consents WHERE candidate_id = ?1",
        "SELECT COUNT(*) FROM contact_requests WHERE candidate_id = ?1",
        "SELECT COUNT(*) FROM audit WHERE candidate_id = ?1",
        "SELECT COUNT(*) FROM listed WHERE candidate_id = ?1",
        "SELECT COUNT(*) FROM shortlist_entries WHERE candidate_id = ?1",
        "SELECT COUNT(*) FROM coach_evidence WHERE candidate_id = ?1",
    ];
    for sql in tables {
        assert!(w.server.sql_count(sql, ca) > 0, "before withdrawal: {sql}");
    }
    let (s, _) = w.server.anonymous().with_bearer(&w.secret_a).call("DELETE", &format!("/api/candidates/{ca}"), None);
    assert_eq!(s, 204);
    for sql in tables {
        assert_eq!(w.server.sql_count(sql, ca), 0, "after withdrawal: {sql}");
    }
    // The profile text itself is gone from the file, not just unlinked: no row holds the id.
    let conn = Connection::open(&w.server.db).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    let (s, page) = employer.call("GET", &format!("/api/openings/{oa}/candidates"), None);
    assert_eq!(s, 200);
    assert!(!page.to_string().contains(ca.as_str()), "still listed: {page}");
    let (s, _) = employer.call("GET", &format!("/api/openings/{oa}/candidates/{ca}"), None);
    assert_eq!(s, 404);
}

#[test]
fn a_cached_browse_page_is_logged_every_time_and_never_outlives_a_change() {
    let w = world();
    let (ca, oa) = (&w.candidate_a, &w.opening_a);
    let mut employer = w.server.login("emp-a@test.nl");
    let path = format!("/api/openings/{oa}/candidates");
    let (s, first) = employer.raw("GET", &path, None, "");
    assert_eq!(s, 200);
    assert!(first.contains(ca.as_str()), "not listed: {first}");
    // The second answer comes from the page cache: the same bytes, and logged again.
    let (s, second) = employer.raw("GET", &path, None, "");
    assert_eq!((s, &second), (200, &first));
    let listed = "SELECT COALESCE(SUM(times), 0) FROM listed WHERE candidate_id = ?1";
    assert_eq!(w.server.sql_count(listed, ca), 2);
    // The young person sees one line for the two showings of the same list.
    let mut device = w.server.anonymous().with_bearer(&w.secret_a);
    let (s, views) = device.call("GET", &format!("/api/candidates/{ca}/views"), None);
    assert_eq!(s, 200);
    let lines: Vec<&Value> = views["items"].as_array().unwrap().iter().filter(|v| v["action"] == "listed").collect();
    assert_eq!(lines.len(), 1, "{views}");
    assert_eq!(lines[0]["times"], json!(2), "{views}");
    assert_eq!(lines[0]["who"], json!("Bedrijf A"), "{views}");
    // Another page size is another page.
    let (s, small) = employer.call("GET", &format!("{path}?limit=1"), None);
    assert_eq!((s, small["limit"].as_u64()), (200, Some(1)));
    // The opening changes: the next page is ranked for the new requirements.
    let mut hard = opening_body("Heftruck met diploma");
    hard["requirements"] = json!([{"item": {"certificate": "cert.heftruck"}, "importance": "must"}]);
    assert_eq!(employer.call("PUT", &format!("/api/openings/{oa}"), Some(hard)).0, 200);
    let (s, changed) = employer.call("GET", &path, None);
    assert_eq!(s, 200);
    assert_eq!(changed["items"][0]["explanation"]["musts"]["total"], json!(1), "{changed}");
    // The candidate withdraws: gone from the very next answer, and no line is written about them.
    let (s, _) = w.server.anonymous().with_bearer(&w.secret_a).call("DELETE", &format!("/api/candidates/{ca}"), None);
    assert_eq!(s, 204);
    let (s, after) = employer.raw("GET", &path, None, "");
    assert_eq!(s, 200);
    assert!(!after.contains(ca.as_str()), "still listed after withdrawal: {after}");
    assert_eq!(w.server.sql_count(listed, ca), 0);
    // The opening is deleted: its candidates are no longer answered.
    assert_eq!(employer.call("DELETE", &format!("/api/openings/{oa}"), None).0, 204);
    assert_eq!(employer.call("GET", &path, None).0, 404);
}

#[test]
fn a_session_cached_in_memory_ends_with_logout() {
    let w = world();
    let mut employer = w.server.login("emp-a@test.nl");
    // Checked twice: the second time from the session cache.
    assert_eq!(employer.call("GET", "/api/session", None).0, 200);
    assert_eq!(employer.call("GET", &format!("/api/openings/{}/candidates", w.opening_a), None).0, 200);
    let cookie = employer.cookie.clone();
    assert_eq!(employer.call("POST", "/api/logout", None).0, 204);
    // The old cookie, sent again after logout, is refused at once.
    employer.cookie = cookie;
    assert_eq!(employer.call("GET", "/api/session", None).0, 401);
    assert_eq!(employer.call("GET", &format!("/api/openings/{}/candidates", w.opening_a), None).0, 401);
    // Another session of the same account lives on.
    assert_eq!(w.server.login("emp-a@test.nl").call("GET", "/api/session", None).0, 200);
}

#[test]
fn an_expired_consent_is_deleted() {
    let w = world();
    let ca = &w.candidate_a;
    let conn = Connection::open(&w.server.db).unwrap();
    conn.execute("UPDATE consents SET until_ts = 1 WHERE candidate_id = ?1", [ca]).unwrap();
    // Until the sweep runs, the pool already leaves it out.
    w.server.state.pools.invalidate("midden-brabant");
    let (_, page) = w.server.login("jh-a@test.nl").call("GET", "/api/region/candidates", None);
    assert!(!page.to_string().contains(ca.as_str()), "an expired candidate is listed: {page}");
    assert_eq!(vaardig_server::sweep_expired(&w.server.state).unwrap(), 1);
    assert_eq!(w.server.sql_count("SELECT COUNT(*) FROM candidates WHERE id = ?1", ca), 0);
    assert_eq!(w.server.sql_count("SELECT COUNT(*) FROM consents WHERE candidate_id = ?1", ca), 0);
    // A consent date in the past or too far ahead is refused.
    let mut c = consent(all_fields(), "midden-brabant");
    c["until"] = json!("2020-01-01");
    let (s, e) =
        w.server.anonymous().call("POST", "/api/candidates", Some(json!({"profile": full_profile(), "consent": c})));
    assert_eq!((s, e["error"]["code"].as_str()), (400, Some("bad_request")));
}

#[test]
fn state_changes_need_the_csrf_token_and_this_site() {
    let w = world();
    let mut employer = w.server.login("emp-a@test.nl");
    let token = employer.csrf.take();
    let (s, e) = employer.call("POST", "/api/openings", Some(opening_body("Zonder token")));
    assert_eq!((s, e["error"]["code"].as_str()), (403, Some("csrf")));
    employer.csrf = Some("not-the-token".into());
    assert_eq!(employer.call("DELETE", &format!("/api/openings/{}", w.opening_a), None).0, 403);
    employer.csrf = token;
    employer.origin = Some("https://evil.example".into());
    let (s, e) = employer.call("POST", "/api/openings", Some(opening_body("Van elders")));
    assert_eq!((s, e["error"]["code"].as_str()), (403, Some("csrf")));
    employer.origin = Some(w.server.base.clone());
    assert_eq!(employer.call("POST", "/api/openings", Some(opening_body("Van hier"))).0, 201);
    // Reading needs no token.
    employer.csrf = None;
    assert_eq!(employer.call("GET", "/api/openings", None).0, 200);
}

#[test]
fn the_session_cookie_is_httponly_and_strict() {
    let server = Server::start();
    server.account("emp@test.nl", Role::Employer, Some("midden-brabant"), "A");
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let response = agent
        .post(&format!("{}/api/login", server.base))
        .header("content-type", "application/json")
        .send(json!({"email": "emp@test.nl", "password": PASSWORD}).to_string())
        .unwrap();
    let cookie = response.headers().get("set-cookie").unwrap().to_str().unwrap().to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    let mut client = server.login("emp@test.nl");
    assert_eq!(client.call("POST", "/api/logout", None).0, 204);
    assert_eq!(client.call("GET", "/api/session", None).0, 401);
}

#[test]
fn logins_are_rate_limited() {
    let server = Server::start();
    server.account("emp@test.nl", Role::Employer, Some("midden-brabant"), "A");
    let mut client = server.anonymous();
    for _ in 0..auth::LIMIT_PER_ADDRESS_AND_ACCOUNT {
        let (s, e) =
            client.call("POST", "/api/login", Some(json!({"email": "emp@test.nl", "password": "wrong password"})));
        assert_eq!((s, e["error"]["code"].as_str()), (401, Some("bad_login")));
    }
    // Even the right password is refused now.
    let (s, e) = client.call("POST", "/api/login", Some(json!({"email": "emp@test.nl", "password": PASSWORD})));
    assert_eq!((s, e["error"]["code"].as_str()), (429, Some("rate_limited")));
    // Another address is not blocked by this one's failures.
    server.account("other@test.nl", Role::Employer, Some("midden-brabant"), "B");
    server.login("other@test.nl");
}

#[test]
fn bad_bodies_get_json_errors() {
    let w = world();
    let mut employer = w.server.login("emp-a@test.nl");
    // Too large: refused once the limit is passed (the server may stop reading the rest).
    let head = format!(
        "POST /api/openings HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\nCookie: {}\r\nX-CSRF-Token: {}\r\n\r\n{{",
        w.server.base.trim_start_matches("http://"),
        vaardig_server::BODY_LIMIT + 1,
        employer.cookie.clone().unwrap(),
        employer.csrf.clone().unwrap()
    );
    let mut stream = std::net::TcpStream::connect(w.server.base.trim_start_matches("http://")).unwrap();
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    std::io::Write::write_all(&mut stream, head.as_bytes()).unwrap();
    let _ = std::io::Write::write_all(&mut stream, " ".repeat(vaardig_server::BODY_LIMIT).as_bytes());
    let mut answer = String::new();
    let _ = std::io::Read::read_to_string(&mut stream, &mut answer);
    assert!(answer.starts_with("HTTP/1.1 413") && answer.contains("\"too_large\""), "{answer}");
    let (s, _) = employer.raw("POST", "/api/openings", Some("{".into()), "application/json");
    assert_eq!(s, 400);
    let (s, _) = employer.raw("POST", "/api/openings", Some("title=x".into()), "application/x-www-form-urlencoded");
    assert_eq!(s, 415);
    let mut unknown = opening_body("Met extra veld");
    unknown["salary"] = json!(1);
    let (s, e) = employer.call("POST", "/api/openings", Some(unknown));
    assert_eq!(s, 400, "{e}");
    let mut wrong = opening_body("Onbekende skill");
    wrong["requirements"][0]["item"] = json!({"skill": "log.bestaat_niet"});
    let (s, e) = employer.call("POST", "/api/openings", Some(wrong));
    assert!(s == 400 && e["error"]["message"].as_str().unwrap().contains("requirements[0]"), "{e}");
    let (s, _) = employer.call("GET", "/api/openings?limit=abc", None);
    assert_eq!(s, 400);
    let (s, _) = employer.call("PATCH", "/api/openings", None);
    assert_eq!(s, 405);
    let (s, _) = employer.call("GET", "/api/does-not-exist", None);
    assert_eq!(s, 404);
}

#[test]
fn a_contact_request_goes_to_the_young_person_and_only_the_asker_sees_the_answer() {
    let w = world();
    let (ca, oa) = (&w.candidate_a, &w.opening_a);
    let mut employer = w.server.login("emp-a@test.nl");
    let (s, page) = employer.call("GET", &format!("/api/openings/{oa}/candidates"), None);
    assert_eq!(s, 200);
    let first = &page["items"][0];
    assert_eq!(first["candidate"]["id"], json!(ca));
    assert!(first["explanation"]["lines"].as_array().is_some_and(|l| l.len() == 3));
    assert_eq!(first["explanation"]["musts"]["met"], json!(2));
    let request = json!({"candidate": ca, "opening": oa, "message": "Wil je langskomen?"});
    let (s, r) = employer.call("POST", "/api/contact-requests", Some(request.clone()));
    assert_eq!(s, 201, "{r}");
    assert_eq!(employer.call("POST", "/api/contact-requests", Some(request)).0, 409);
    let mut device = w.server.anonymous().with_bearer(&w.secret_a);
    let (_, requests) = device.call("GET", &format!("/api/candidates/{ca}/requests"), None);
    assert_eq!(requests["items"][0]["company"], json!("Bedrijf A"));
    assert_eq!(requests["items"][0]["opening_title"], json!("Heftruckchauffeur"));
    let rid = requests["items"][0]["id"].as_str().unwrap().to_string();
    let (_, before) = employer.call("GET", "/api/contact-requests", None);
    assert!(before["items"][0].get("contact").is_none(), "contact shown before accepting: {before}");
    let accept = json!({"accept": true, "contact": {"name": "Sam", "phone": "06-12345678"}});
    assert_eq!(device.call("POST", &format!("/api/candidates/{ca}/requests/{rid}"), Some(accept.clone())).0, 204);
    assert_eq!(device.call("POST", &format!("/api/candidates/{ca}/requests/{rid}"), Some(accept)).0, 409);
    let (_, after) = employer.call("GET", "/api/contact-requests", None);
    assert_eq!(after["items"][0]["contact"]["phone"], json!("06-12345678"));
    // Another employer of the region never sees it.
    w.server.account("emp-a2@test.nl", Role::Employer, Some("midden-brabant"), "Bedrijf C");
    let (_, other) = w.server.login("emp-a2@test.nl").call("GET", "/api/contact-requests", None);
    assert_eq!(other["total"], json!(0));
    assert!(!other.to_string().contains("06-12345678"));
    // A "no" is final for that employer.
    let (s, _) = w.server.login("emp-a2@test.nl").call(
        "POST",
        "/api/contact-requests",
        Some(json!({"candidate": ca, "message": "Hoi"})),
    );
    assert_eq!(s, 201);
    let (_, requests) = device.call("GET", &format!("/api/candidates/{ca}/requests"), None);
    let open = requests["items"].as_array().unwrap().iter().find(|r| r["status"] == json!("open")).unwrap().clone();
    let second = open["id"].as_str().unwrap().to_string();
    assert_eq!(
        device.call("POST", &format!("/api/candidates/{ca}/requests/{second}"), Some(json!({"accept": false}))).0,
        204
    );
    let (s, _) = w.server.login("emp-a2@test.nl").call(
        "POST",
        "/api/contact-requests",
        Some(json!({"candidate": ca, "message": "Nog eens?"})),
    );
    assert_eq!(s, 409);
    // Who looked: the employer's views and request are in the young person's list.
    let (_, views) = device.call("GET", &format!("/api/candidates/{ca}/views"), None);
    let actions: Vec<&str> = views["items"].as_array().unwrap().iter().filter_map(|v| v["action"].as_str()).collect();
    assert!(actions.contains(&"listed") && actions.contains(&"contact_requested"), "{views}");
    assert!(views.to_string().contains("Bedrijf A"));
}

/// The payload of a compact JWS, unchecked (the server checks; this reads what it says).
fn jws_payload(jws: &str) -> Value {
    use base64::Engine;
    let part = jws.split('.').nth(1).unwrap();
    serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
}

/// Whether status index `index` of list 1 is set, read from the served status list credential
/// (the stored-gzip form the server writes: a 10-byte header, one 5-byte block header).
fn revoked_in_status_list(server: &Server, index: u64) -> bool {
    use base64::Engine;
    let (status, text) = server.anonymous().raw("GET", "/api/status/1", None, "application/json");
    assert_eq!(status, 200, "{text}");
    let list = jws_payload(text.trim_matches('"'));
    let encoded = list["credentialSubject"]["encodedList"].as_str().unwrap();
    let gz = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(encoded.strip_prefix('u').unwrap()).unwrap();
    let bits = &gz[15..gz.len() - 8];
    assert_eq!(bits.len(), 16_384, "131,072 entries");
    bits[(index / 8) as usize] & (0x80 >> (index % 8)) != 0
}

/// A publication's update with attestations sent along.
fn update(server: &Server, id: &str, secret: &str, profile: &Profile, consent: Value, attestations: Value) -> Value {
    let (s, body) = server.anonymous().with_bearer(secret).call(
        "PUT",
        &format!("/api/candidates/{id}"),
        Some(json!({"profile": profile, "consent": consent, "attestations": attestations})),
    );
    assert_eq!(s, 200, "update: {body}");
    body
}

fn with_practice(mut profile: Profile) -> Profile {
    for c in &mut profile.claims {
        if matches!(c.item, ItemRef::WorkProcess(_)) {
            c.evidence = Evidence::Practice;
        }
    }
    profile
}

/// Asks a trainer link for a publication with its secret, has a trainer confirm it, collects the
/// attestations with the link's claim secret.
fn attested(server: &Server, id: &str, secret: &str, wp: &str, level: u8) -> Value {
    let mut device = server.anonymous().with_bearer(secret);
    let (s, link) = device.call(
        "POST",
        "/api/attestations",
        Some(json!({"candidate": id, "work_processes": [wp], "company": "Magazijn Tilburg"})),
    );
    assert_eq!(s, 201, "{link}");
    let (token, claim) = (link["token"].as_str().unwrap(), link["claim"].as_str().unwrap());
    let confirm = json!({"name": "Ria de Vries", "confirmed": [{"work_process": wp, "level": level}]});
    assert_eq!(server.anonymous().call("POST", &format!("/api/attestations/{token}"), Some(confirm)).0, 204);
    let (_, result) =
        server.anonymous().with_bearer(claim).call("GET", &format!("/api/attestations/{token}/result"), None);
    assert_eq!(result["done"], json!(true));
    result["attestations"].clone()
}

#[test]
fn workplace_evidence_is_a_credential_bound_to_its_publication() {
    let server = Server::start();
    let wp = first_work_process();
    let (id, secret) = publish(&server, &full_profile(), consent(all_fields(), "midden-brabant"));
    let mut trainer = server.anonymous();
    // Only the publication's device asks (or a jobhunter with consent, below).
    let body = json!({"candidate": id, "work_processes": [wp], "company": "Magazijn Tilburg"});
    assert_eq!(trainer.call("POST", "/api/attestations", Some(body.clone())).0, 401);
    assert_eq!(trainer.with_bearer("not-the-secret").call("POST", "/api/attestations", Some(body.clone())).0, 404);
    let (s, link) = server.anonymous().with_bearer(&secret).call("POST", "/api/attestations", Some(body));
    assert_eq!(s, 201, "{link}");
    let (token, claim) = (link["token"].as_str().unwrap().to_string(), link["claim"].as_str().unwrap().to_string());
    let (_, shown) = trainer.call("GET", &format!("/api/attestations/{token}"), None);
    assert_eq!((&shown["work_processes"][0]["id"], &shown["company"]), (&json!(wp), &json!("Magazijn Tilburg")));
    let confirm = |name: &str, company: Option<&str>| json!({"name": name, "company": company, "confirmed": [{"work_process": wp, "level": 3}]});
    // The device confirming its own link is refused, so is another company or a two-line name.
    let (s, own) = server.anonymous().with_bearer(&secret).call(
        "POST",
        &format!("/api/attestations/{token}"),
        Some(confirm("Ria", None)),
    );
    assert_eq!((s, own["error"]["code"].as_str()), (403, Some("self_confirmation")), "{own}");
    assert_eq!(
        trainer.call("POST", &format!("/api/attestations/{token}"), Some(confirm("Ria", Some("Ander BV")))).0,
        400
    );
    assert_eq!(trainer.call("POST", &format!("/api/attestations/{token}"), Some(confirm("Ria\nGroot", None))).0, 400);
    let ok = confirm("Ria de Vries", Some("magazijn tilburg"));
    assert_eq!(trainer.call("POST", &format!("/api/attestations/{token}"), Some(ok.clone())).0, 204);
    assert_eq!(trainer.call("POST", &format!("/api/attestations/{token}"), Some(ok)).0, 409, "a link works once");
    assert_eq!(server.anonymous().call("GET", &format!("/api/attestations/{token}/result"), None).0, 401);
    let (_, result) =
        server.anonymous().with_bearer(&claim).call("GET", &format!("/api/attestations/{token}/result"), None);
    let signed = result["attestations"].clone();
    assert_eq!(signed.as_array().map(Vec::len), Some(1));
    // The credential: VC 2.0 + Open Badges 3.0, bound to this publication, trainer and company as evidence.
    let jws = signed[0]["credential"].as_str().unwrap();
    let vc = jws_payload(jws);
    assert_eq!(vc["type"], json!(["VerifiableCredential", "OpenBadgeCredential"]));
    // did:web of the public URL, the port's colon percent-encoded (did:web spec).
    let did =
        format!("did:web:{}", server.base.trim_start_matches("http://").trim_end_matches('/').replace(':', "%3A"));
    assert_eq!(vc["issuer"]["id"], json!(did));
    assert_eq!(vc["credentialSubject"]["id"], json!(format!("urn:vaardig:publication:{id}")));
    assert_eq!(vc["credentialSubject"]["result"][0]["value"], json!("3"));
    assert_eq!(
        (&vc["evidence"][0]["name"], &vc["evidence"][0]["description"]),
        (&json!("Ria de Vries"), &json!("Magazijn Tilburg"))
    );
    assert!(vc["validFrom"].as_str().unwrap() < vc["validUntil"].as_str().unwrap());
    let index = vc["credentialStatus"]["statusListIndex"].as_str().unwrap().parse::<u64>().unwrap();
    assert!(!revoked_in_status_list(&server, index));
    let (s, did) = server.anonymous().call("GET", "/.well-known/did.json", None);
    assert_eq!(
        (s, &did["verificationMethod"][0]["id"]),
        (200, &json!(format!("{}#key-1", vc["issuer"]["id"].as_str().unwrap())))
    );
    // `vaardig verify`, offline with the DID document: what it proves in plain words, or why not.
    let now = vaardig_server::db::now();
    let checked = vaardig::verify::check(jws, Some(&did), now, matching_core::Lang::Nl);
    assert!(checked.valid, "{:?}", checked.lines);
    assert_eq!(checked.lines[0], "Dit bewijs klopt.");
    assert!(
        checked.lines[1].starts_with("Ria de Vries van Magazijn Tilburg zag dit op het werk: "),
        "{:?}",
        checked.lines
    );
    assert!(checked.lines[1].ends_with("op niveau 3 van 4."), "{:?}", checked.lines);
    let bundle = json!({"credential": jws, "did_document": did}).to_string();
    assert!(vaardig::verify::check(&bundle, None, now, matching_core::Lang::En).valid);
    let late = vaardig::verify::check(jws, Some(&did), now + 3 * 365 * 86_400, matching_core::Lang::Nl);
    assert!(!late.valid && late.lines[0].starts_with("Dit bewijs is verlopen op "), "{:?}", late.lines);
    let no_did = vaardig::verify::check(jws, None, now, matching_core::Lang::En);
    assert!(!no_did.valid && no_did.lines[0].contains("--did FILE"), "{:?}", no_did.lines);

    // Sent back with this publication, it keeps "shown at work" at the level seen.
    let practice = with_practice(full_profile());
    let kept = update(&server, &id, &secret, &practice, consent(all_fields(), "midden-brabant"), signed.clone());
    assert_eq!(kept["downgraded"], json!([]), "{kept}");
    let (_, stored) = server.anonymous().with_bearer(&secret).call("GET", &format!("/api/candidates/{id}"), None);
    let claim_of = |stored: &Value| {
        stored["profile"]["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["item"]["work_process"] == json!(wp))
            .unwrap()
            .clone()
    };
    assert_eq!(
        (claim_of(&stored)["evidence"].as_str(), claim_of(&stored)["level"].as_u64()),
        (Some("practice"), Some(3))
    );
    // The level raised beside the credential, or inside it with the signature as it was: refused.
    let mut forged = signed.clone();
    forged[0]["level"] = json!(4);
    let lowered = update(&server, &id, &secret, &practice, consent(all_fields(), "midden-brabant"), forged);
    assert_eq!(lowered["downgraded"], json!([{"work_process": wp}]), "{lowered}");
    let mut parts: Vec<String> = jws.split('.').map(str::to_string).collect();
    let mut payload = vc.clone();
    payload["credentialSubject"]["result"][0]["value"] = json!("4");
    use base64::Engine;
    parts[1] = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(payload.to_string());
    let mut tampered = signed.clone();
    tampered[0]["credential"] = json!(parts.join("."));
    tampered[0]["level"] = json!(4);
    let forged_jws = tampered[0]["credential"].as_str().unwrap().to_string();
    let checked = vaardig::verify::check(&forged_jws, Some(&did), vaardig_server::db::now(), matching_core::Lang::Nl);
    assert!(!checked.valid && checked.lines[0].starts_with("Dit bewijs klopt niet."), "{:?}", checked.lines);
    let lowered = update(&server, &id, &secret, &practice, consent(all_fields(), "midden-brabant"), tampered);
    assert_eq!(lowered["downgraded"], json!([{"work_process": wp}]), "{lowered}");
    // Withdrawal revokes: the status list says so.
    assert_eq!(server.anonymous().with_bearer(&secret).call("DELETE", &format!("/api/candidates/{id}"), None).0, 204);
    assert!(revoked_in_status_list(&server, index), "withdrawal revokes the credential");
}

/// Probe 2 of issue 15, as it was tried: links without an account confirmed by the asker under any
/// name, an attestation replayed on another profile after its link was gone, `formal` taken from
/// the device, and a name with a newline re-split across name and company.
#[test]
fn forged_workplace_evidence_is_refused() {
    let server = Server::start();
    let wp = first_work_process();
    // Before: 201 for anyone. Now a link needs a publication and its secret.
    let (s, _) = server.anonymous().call("POST", "/api/attestations", Some(json!({"work_processes": [wp]})));
    assert_eq!(s, 401);
    let (id, secret) = publish(&server, &full_profile(), consent(all_fields(), "midden-brabant"));
    let (s, _) = server.anonymous().with_bearer(&secret).call(
        "POST",
        "/api/attestations",
        Some(json!({"work_processes": [wp]})),
    );
    assert_eq!(s, 400, "the link names the publication");
    // Confirming one's own link, in parallel and repeatedly, never issues anything.
    let (_, link) = server.anonymous().with_bearer(&secret).call(
        "POST",
        "/api/attestations",
        Some(json!({"candidate": id, "work_processes": [wp], "company": "Groot Bedrijf"})),
    );
    let token = link["token"].as_str().unwrap().to_string();
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                scope.spawn(|| {
                    let confirm = json!({"name": "Ik Zelf", "confirmed": [{"work_process": wp, "level": 4}]});
                    server
                        .anonymous()
                        .with_bearer(&secret)
                        .call("POST", &format!("/api/attestations/{token}"), Some(confirm))
                        .0
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(statuses.iter().all(|&s| s == 403), "{statuses:?}");
    // A name with a newline could be re-split ("Ria\nGroot Bedrijf"): refused.
    let confirm =
        json!({"name": "Ria\nGroot", "company": "Groot Bedrijf", "confirmed": [{"work_process": wp, "level": 4}]});
    assert_eq!(server.anonymous().call("POST", &format!("/api/attestations/{token}"), Some(confirm)).0, 400);
    // A real confirmation, then replayed on another publication after its link row is gone.
    let signed = attested(&server, &id, &secret, &wp, 4);
    let conn = Connection::open(&server.db).unwrap();
    conn.execute("DELETE FROM attestations", []).unwrap();
    let practice = with_practice(full_profile());
    let (s, other) = server.anonymous().call(
        "POST",
        "/api/candidates",
        Some(json!({"profile": practice, "consent": consent(all_fields(), "midden-brabant"), "attestations": signed})),
    );
    assert_eq!((s, &other["downgraded"]), (201, &json!([{"work_process": wp}])), "{other}");
    let other_id = other["id"].as_str().unwrap();
    let other_secret = other["secret"].as_str().unwrap();
    let again =
        update(&server, other_id, other_secret, &practice, consent(all_fields(), "midden-brabant"), signed.clone());
    assert_eq!(again["downgraded"], json!([{"work_process": wp}]), "bound to the publication it was made for");
    let own = update(&server, &id, &secret, &practice, consent(all_fields(), "midden-brabant"), signed);
    assert_eq!(own["downgraded"], json!([]), "{own}");
    // `formal` is not taken from a device, on a certificate neither: it needs a credential from the
    // issuing body, which the pool cannot get yet (issue 15, probe 2).
    let mut formal = full_profile();
    for c in &mut formal.claims {
        if c.item.id() != "soft.aanwezig" {
            c.evidence = Evidence::Formal;
        }
    }
    let certificates = formal.claims.iter().filter(|c| matches!(c.item, ItemRef::Certificate(_))).count();
    assert!(certificates > 0, "the profile has a certificate to try");
    let (_, lowered) = server.anonymous().call(
        "POST",
        "/api/candidates",
        Some(json!({"profile": formal, "consent": consent(all_fields(), "midden-brabant")})),
    );
    let lowered_ids: Vec<String> = lowered["downgraded"].as_array().unwrap().iter().map(|i| i.to_string()).collect();
    assert_eq!(lowered_ids.len(), 4 + certificates, "{lowered}");
    assert_eq!(lowered_ids.iter().filter(|i| i.contains("certificate")).count(), certificates, "{lowered}");
    let formal_left = server.sql_count(
        "SELECT COUNT(*) FROM candidates, json_each(candidates.profile, '$.claims') AS c
         WHERE candidates.id = ?1 AND json_extract(c.value, '$.evidence') <> 'self'",
        lowered["id"].as_str().unwrap(),
    );
    assert_eq!(formal_left, 0, "the stored profile holds only the person's own word");
    // Coach evidence is recorded on the server by a jobhunter, never taken from the device.
    let mut coached = full_profile();
    coached.claims[0].evidence = Evidence::Coach;
    let (_, lowered) = server.anonymous().call(
        "POST",
        "/api/candidates",
        Some(json!({"profile": coached, "consent": consent(all_fields(), "midden-brabant")})),
    );
    assert_eq!(lowered["downgraded"], json!([{"skill": "log.heftruck_rijden"}]), "{lowered}");
}

/// Probe 1 of issue 15, as it was tried: a jobhunter's trainer link, consent narrowed to skills
/// only, the old link confirmed anyway; and a work process written into the stored profile behind
/// the consent's back never reaches an employer.
#[test]
fn narrowing_consent_holds_for_pending_links_and_every_read() {
    let w = world();
    let wp = first_work_process();
    let mut jobhunter = w.server.login("jh-a@test.nl");
    let path = format!("/api/region/candidates/{}/attestations", w.candidate_a);
    let (s, link) = jobhunter.call("POST", &path, Some(json!({"work_processes": [wp]})));
    assert_eq!(s, 201, "{link}");
    let token = link["token"].as_str().unwrap();
    // The jobhunter who asked cannot confirm it in their own session.
    let confirm = json!({"name": "Ria", "confirmed": [{"work_process": wp, "level": 4}]});
    let (s, own) = jobhunter.call("POST", &format!("/api/attestations/{token}"), Some(confirm.clone()));
    assert_eq!((s, own["error"]["code"].as_str()), (403, Some("self_confirmation")), "{own}");
    let skills_only = json!({"skills": true});
    update(
        &w.server,
        &w.candidate_a,
        &w.secret_a,
        &full_profile(),
        consent(skills_only.clone(), "midden-brabant"),
        json!([]),
    );
    assert_eq!(jobhunter.call("POST", &path, Some(json!({"work_processes": [wp]}))).0, 403, "new links refused");
    // Before: 204 and the employer saw the work process at level 4. Now the link is gone.
    assert_eq!(w.server.anonymous().call("POST", &format!("/api/attestations/{token}"), Some(confirm)).0, 404);
    let card = |w: &World| {
        let (s, card) = w.server.login("emp-a@test.nl").call(
            "GET",
            &format!("/api/openings/{}/candidates/{}", w.opening_a, w.candidate_a),
            None,
        );
        assert_eq!(s, 200, "{card}");
        card
    };
    let shown = card(&w);
    assert!(!shown.to_string().contains("work_process\":\""), "{shown}");
    // Whatever is in the stored row, the read is cut to the consent of this moment.
    let conn = Connection::open(&w.server.db).unwrap();
    let mut behind = full_profile();
    behind.claims.retain(|c| matches!(c.item, ItemRef::Skill(_) | ItemRef::WorkProcess(_)));
    conn.execute(
        "UPDATE candidates SET profile = ?2 WHERE id = ?1",
        rusqlite::params![w.candidate_a, serde_json::to_string(&with_practice(behind)).unwrap()],
    )
    .unwrap();
    w.server.state.pools.invalidate_all();
    let shown = card(&w);
    assert!(!shown.to_string().contains(&wp), "the stored work process reached the employer: {shown}");
    let claims = shown["candidate"]["claims"].as_array().unwrap();
    assert!(claims.iter().all(|c| c["item"].get("skill").is_some()), "{shown}");
}

#[test]
fn what_if_and_weights_move_the_ranking_and_store_nothing() {
    let w = world();
    let mut jobhunter = w.server.login("jh-a@test.nl");
    let mut employer = w.server.login("emp-a@test.nl");
    // A second opening that asks for the forklift certificate as a must-have.
    let mut body = opening_body("Heftruck met certificaat");
    body["requirements"][2] = json!({"item": {"certificate": "cert.heftruck"}, "importance": "must"});
    let (_, second) = employer.call("POST", "/api/openings", Some(body));
    let ca = &w.candidate_a;
    let what_if = json!({"candidate": ca, "add": [{"item": {"certificate": "cert.heftruck"}, "level": 2, "evidence": "formal"}],
                         "opening": second["id"]});
    let (s, answer) = jobhunter.call("POST", "/api/region/what-if", Some(what_if));
    assert_eq!(s, 200, "{answer}");
    let change = answer["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["opening"] == second["id"])
        .expect("the opening changes")
        .clone();
    assert!(change["before"]["rank"].is_null() && change["after"]["rank"].is_number(), "{change}");
    assert_eq!(answer["fits_after"].as_u64().unwrap(), answer["fits_before"].as_u64().unwrap() + 1);
    let (before, after) = (&answer["among_candidates"][0], &answer["among_candidates"][1]);
    assert!(before["rank"].is_null() && after["rank"] == json!(1), "{answer}");
    // Nothing stored: the real ranking is as it was.
    let (_, real) = jobhunter.call("POST", "/api/region/rank/candidates", Some(json!({"opening": second["id"]})));
    assert_eq!(real["items"][0]["explanation"]["musts"]["unmet"], json!(1), "{real}");
    // Weights per search change the score, within bounds.
    let oa = &w.opening_a;
    let (_, plain) = jobhunter.call(
        "POST",
        "/api/region/rank/openings",
        Some(json!({"candidate": ca, "include_knocked_out": true})),
    );
    let weights = json!({"skill": 500, "soft_skill": 10, "certificate": 10, "work_process": 100});
    let (_, heavy) = jobhunter.call(
        "POST",
        "/api/region/rank/openings",
        Some(json!({"candidate": ca, "weights": weights, "include_knocked_out": true})),
    );
    let weights_of = |page: &Value| -> Vec<Value> {
        let item = page["items"].as_array().unwrap().iter().find(|i| i["opening"]["id"] == json!(oa)).unwrap().clone();
        // The opening is shown as the employer wrote it; the explanation carries this search's weights.
        assert!(item["opening"]["requirements"][0].get("weight").is_none(), "{item}");
        item["explanation"]["lines"].as_array().unwrap().iter().map(|l| l["weight"].clone()).collect()
    };
    assert_eq!(weights_of(&plain), vec![json!(3), json!(3), json!(1)]);
    assert_eq!(weights_of(&heavy), vec![json!(15), json!(1), json!(1)]);
    let (s, _) =
        jobhunter.call("POST", "/api/region/rank/openings", Some(json!({"candidate": ca, "weights": {"skill": 0}})));
    assert_eq!(s, 400);
}

mod consent_property {
    use super::*;
    use proptest::prelude::*;

    fn kinds(skills: bool, soft: bool, certs: bool, wps: bool, availability: bool, region: bool) -> Value {
        json!({"skills": skills, "soft_skills": soft, "certificates": certs, "work_processes": wps, "availability": availability, "region": region})
    }

    /// The consent field that covers a kind of item.
    fn field_of(kind: &str) -> &'static str {
        match kind {
            "skill" => "skills",
            "soft_skill" => "soft_skills",
            "certificate" => "certificates",
            "work_process" => "work_processes",
            other => panic!("unknown kind {other}"),
        }
    }

    /// Every id of a claimed item the opening does not ask for; these may appear in an answer
    /// only as a published claim.
    fn private_ids(profile: &Profile, fields: &Value) -> Vec<String> {
        let allowed = |item: &ItemRef| match item {
            ItemRef::Skill(_) => fields["skills"] == json!(true),
            ItemRef::SoftSkill(_) => fields["soft_skills"] == json!(true),
            ItemRef::Certificate(_) => fields["certificates"] == json!(true),
            ItemRef::WorkProcess(_) => fields["work_processes"] == json!(true),
        };
        let asked = ["log.heftruck_rijden", "soft.op_tijd", "cert.vca_basis"];
        profile
            .claims
            .iter()
            .filter(|c| !allowed(&c.item) && !asked.contains(&c.item.id()))
            .map(|c| c.item.id().to_string())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
        #[test]
        fn a_part_without_consent_never_reaches_an_employer_or_jobhunter(
            (skills, soft, certs, wps, availability, region) in (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>())
                .prop_filter("publish something", |f| f.0 || f.1 || f.2 || f.3 || f.4 || f.5)
        ) {
            thread_local!(static WORLD: World = world());
            WORLD.with(|w| {
                let fields = kinds(skills, soft, certs, wps, availability, region);
                let profile = full_profile();
                // Published with everything, evidence added on the server, then narrowed to `fields`:
                // what entered later passes the consent of now, and a pending link goes.
                let (id, secret) = publish(&w.server, &profile, consent(all_fields(), "midden-brabant"));
                let oa = &w.opening_a;
                let mut employer = w.server.login("emp-a@test.nl");
                let mut jobhunter = w.server.login("jh-a@test.nl");
                let coach = json!({"item": {"skill": "log.orders_verzamelen"}, "level": 4});
                prop_assert_eq!(jobhunter.call("POST", &format!("/api/region/candidates/{id}/evidence"), Some(coach)).0, 204);
                let wp = first_work_process();
                let (_, link) = jobhunter.call("POST", &format!("/api/region/candidates/{id}/attestations"), Some(json!({"work_processes": [wp]})));
                let token = link["token"].as_str().unwrap().to_string();
                update(&w.server, &id, &secret, &profile, consent(fields.clone(), "midden-brabant"), json!([]));
                let confirm = json!({"name": "Ria", "company": "Magazijn", "confirmed": [{"work_process": wp, "level": 4}]});
                let confirmed = w.server.anonymous().call("POST", &format!("/api/attestations/{token}"), Some(confirm)).0;
                prop_assert_eq!(confirmed, if wps { 204 } else { 404 }, "a pending link outlived the consent");
                let (_, list) = jobhunter.call("POST", "/api/shortlists", Some(json!({"name": format!("Lijst {id}")})));
                let list = list["id"].as_i64().unwrap();
                prop_assert_eq!(jobhunter.call("PUT", &format!("/api/shortlists/{list}/candidates/{id}"), Some(json!({}))).0, 204);
                let what_if = json!({"candidate": id, "add": [{"item": {"skill": "log.heftruck_rijden"}, "level": 4, "evidence": "self"}], "opening": oa});
                let answers = [
                    employer.call("GET", &format!("/api/openings/{oa}/candidates?limit=100"), None).1,
                    employer.call("GET", &format!("/api/openings/{oa}/candidates/{id}"), None).1,
                    jobhunter.call("GET", "/api/region/candidates?limit=100", None).1,
                    jobhunter.call("POST", "/api/region/rank/candidates", Some(json!({"opening": oa, "include_knocked_out": true, "limit": 100}))).1,
                    jobhunter.call("POST", "/api/region/rank/openings", Some(json!({"candidate": id, "include_knocked_out": true}))).1,
                    jobhunter.call("GET", &format!("/api/shortlists/{list}"), None).1,
                    jobhunter.call("POST", "/api/region/what-if", Some(what_if)).1,
                    jobhunter.call("POST", "/api/region/match-table", Some(json!({"openings": [oa], "candidates": [id]}))).1,
                    employer.call("POST", "/api/openings/preview", Some(opening_body("Voorbeeld"))).1,
                    employer.call("GET", &format!("/api/openings/{oa}/advice"), None).1,
                ];
                for answer in &answers {
                    prop_assert!(answer.get("error").is_none(), "{answer}");
                }
                // What each answer says about this candidate (the lists also hold others).
                let about = |answer: &Value| -> Vec<Value> {
                    match answer["items"].as_array() {
                        Some(items) => items.iter().filter(|i| i["candidate"]["id"] == json!(id) || i["id"] == json!(id) || i["explanation"]["profile"] == json!(id)).cloned().collect(),
                        None => vec![answer.clone()],
                    }
                };
                let answers: Vec<Value> = answers.iter().flat_map(about).collect();
                prop_assert!(answers.len() >= 4, "the candidate is missing from an answer");
                let private = private_ids(&profile, &fields);
                for answer in &answers {
                    let text = answer.to_string();
                    for secret in &private {
                        prop_assert!(!text.contains(secret.as_str()), "{secret} leaked in {text}");
                    }
                    for never in ["fiets", "on-my-phone", "hours_per_week\":30", "wishes"] {
                        prop_assert!(!text.contains(never), "{never} leaked in {text}");
                    }
                    if !region {
                        prop_assert!(!text.contains("Goirle"), "home town leaked in {text}");
                    }
                }
                // Structurally: the card holds only published kinds, availability only when published,
                // and every line scored from the candidate's own claim is of a published kind.
                let card = &answers[1]["candidate"];
                for claim in card["claims"].as_array().unwrap() {
                    let kind = claim["item"].as_object().unwrap().keys().next().unwrap().clone();
                    prop_assert_eq!(&fields[field_of(&kind)], &json!(true), "{} published without consent", kind);
                }
                prop_assert_eq!(card["availability"].is_null(), !availability);
                for line in answers[1]["explanation"]["lines"].as_array().unwrap() {
                    if line["route"] == json!("direct") {
                        let kind = line["kind"].as_str().unwrap();
                        prop_assert_eq!(&fields[field_of(kind)], &json!(true), "a line used an unpublished {} claim", kind);
                    }
                }
                if !availability {
                    let knock_outs = answers[1]["explanation"]["knock_outs"].to_string();
                    prop_assert!(!knock_outs.contains("hours") && !knock_outs.contains("shift"), "{knock_outs}");
                }
                Ok(())
            })?;
        }
    }
}

#[test]
fn every_operation_in_the_openapi_document_is_served() {
    let server = Server::start();
    let (status, document) = server.anonymous().call("GET", "/api/openapi.json", None);
    assert_eq!(status, 200);
    let mut checked = 0;
    for (path, operations) in document["paths"].as_object().unwrap() {
        let concrete: String =
            path.split('/').map(|part| if part.starts_with('{') { "1" } else { part }).collect::<Vec<_>>().join("/");
        for method in
            operations.as_object().unwrap().keys().filter(|m| ["get", "post", "put", "delete"].contains(&m.as_str()))
        {
            let (status, answer) = server.anonymous().call(&method.to_uppercase(), &concrete, None);
            let unrouted = status == 405 || answer["error"]["message"].as_str().is_some_and(|m| m.contains("API path"));
            assert!(!unrouted, "{method} {path} is in the document but not served: {status} {answer}");
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} operations");
}

#[test]
fn the_served_openapi_document_is_the_generated_one() {
    let server = Server::start();
    let (status, served) = server.anonymous().call("GET", "/api/openapi.json", None);
    assert_eq!(status, 200);
    let generated: serde_json::Value = serde_json::from_str(vaardig_server::openapi::document()).unwrap();
    assert_eq!(served, generated);
    assert!(generated["openapi"].as_str().is_some_and(|v| v.starts_with("3.")), "{}", generated["openapi"]);
    let mut ids = std::collections::BTreeSet::new();
    for (path, operations) in generated["paths"].as_object().unwrap() {
        for (method, op) in operations.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap_or_else(|| panic!("{method} {path}: no operationId"));
            assert!(ids.insert(id.to_string()), "{method} {path}: operationId {id} used twice");
            assert!(op["tags"].as_array().is_some_and(|t| !t.is_empty()), "{method} {path}: no tag");
            assert!(op["responses"].as_object().is_some_and(|r| !r.is_empty()), "{method} {path}: no responses");
        }
    }
    assert_eq!(ids.len(), 46, "every route of the router has one operation");
    // The examples are bodies the server reads (`cargo xtask api-fuzz` publishes Publish's).
    let example = |name: &str| generated["components"]["schemas"][name]["examples"][0].clone();
    fn reads<T: serde::de::DeserializeOwned>(example: serde_json::Value) -> Result<T, String> {
        serde_json::from_value(example.clone()).map_err(|e| format!("{e}: {example}"))
    }
    reads::<vaardig_api::Login>(example("Login")).unwrap();
    reads::<vaardig_api::OpeningIn>(example("OpeningIn")).unwrap();
    reads::<vaardig_api::CreateIn>(example("CreateIn")).unwrap();
    reads::<vaardig_api::Publish>(example("Publish")).unwrap();
    let example = example("Publish");
    assert_eq!(example["consent"]["text_version"], vaardig_api::CONSENT_TEXT_VERSION);
}

#[test]
fn employers_see_their_reach_and_what_would_widen_it() {
    let w = world();
    let mut employer = w.server.login("emp-a@test.nl");
    let (s, reach) = employer.call("POST", "/api/openings/preview", Some(opening_body("Voorbeeld")));
    assert_eq!(s, 200, "{reach}");
    assert_eq!(reach, json!({"fits": 1, "near": 0, "knocked_out": 0, "total": 1}));
    // A must-have the candidate lacks: making it a nice-to-have would add them.
    let mut body = opening_body("Met heftruckcertificaat");
    body["requirements"][2] = json!({"item": {"certificate": "cert.heftruck"}, "importance": "must"});
    let (_, narrow) = employer.call("POST", "/api/openings/preview", Some(body.clone()));
    assert_eq!((narrow["fits"].as_u64(), narrow["near"].as_u64()), (Some(0), Some(1)), "{narrow}");
    let (_, opening) = employer.call("POST", "/api/openings", Some(body));
    let (s, advice) = employer.call("GET", &format!("/api/openings/{}/advice", opening["id"].as_str().unwrap()), None);
    assert_eq!(s, 200, "{advice}");
    assert_eq!(advice["fits"], json!(0));
    assert_eq!(
        advice["changes"][0]["change"],
        json!({"kind": "make_nice", "item": {"certificate": "cert.heftruck"}}),
        "{advice}"
    );
    assert_eq!(advice["changes"][0]["gain"], json!(1));
}

#[test]
fn a_jobhunter_gets_a_match_table_and_trainer_evidence_for_a_candidate() {
    let w = world();
    let mut jobhunter = w.server.login("jh-a@test.nl");
    let (s, table) = jobhunter.call(
        "POST",
        "/api/region/match-table",
        Some(json!({"openings": [w.opening_a], "candidates": [w.candidate_a]})),
    );
    assert_eq!(s, 200, "{table}");
    assert_eq!(table["cells"], json!([[{"low": 1000, "high": 1000, "fits": true}]]));
    assert_eq!(table["candidates"][0]["id"], json!(w.candidate_a));
    let wp = first_work_process();
    let (s, link) = jobhunter.call(
        "POST",
        &format!("/api/region/candidates/{}/attestations", w.candidate_a),
        Some(json!({"work_processes": [wp]})),
    );
    assert_eq!(s, 201, "{link}");
    assert!(link.get("claim").is_none() && link["link"].as_str().unwrap().contains("/werk.html#attest/"), "{link}");
    let token = link["token"].as_str().unwrap();
    let confirm =
        json!({"name": "Ria", "company": "Magazijn Tilburg", "confirmed": [{"work_process": wp, "level": 4}]});
    assert_eq!(w.server.anonymous().call("POST", &format!("/api/attestations/{token}"), Some(confirm)).0, 204);
    let (_, pool) = jobhunter.call("GET", "/api/region/candidates", None);
    let card = pool["items"].as_array().unwrap().iter().find(|c| c["id"] == json!(w.candidate_a)).unwrap().clone();
    let claim =
        card["claims"].as_array().unwrap().iter().find(|c| c["item"]["work_process"] == json!(wp)).unwrap().clone();
    assert_eq!((claim["evidence"].as_str(), claim["level"].as_u64()), (Some("practice"), Some(4)), "{card}");
}

/// The real binary as a child process, for crash tests.
struct Process {
    child: std::process::Child,
    base: String,
}

impl Process {
    fn start(db: &std::path::Path) -> Process {
        use std::io::BufRead;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vaardig-server"))
            .args(["serve", "--port", "0", "--writes-per-hour", "1000000", "--db"])
            .arg(db)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
        let base = loop {
            let line = lines.next().expect("the server says where it serves").unwrap();
            if let Some(rest) = line.strip_prefix("Vaardig serves on ") {
                break rest.split_whitespace().next().unwrap().to_string();
            }
        };
        // Keep draining its output so it never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Process { child, base }
    }
}

#[test]
fn acknowledged_writes_survive_sigkill_and_withdrawn_profiles_stay_gone() {
    use std::sync::Mutex;
    let dir = std::env::temp_dir().join(format!("vaardig-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("pool.sqlite");
    {
        let state = AppState::open(Config::new(db.clone(), "http://127.0.0.1")).unwrap();
        let new = NewAccount {
            email: "emp@test.nl".into(),
            password: PASSWORD.into(),
            role: Role::Employer,
            region: Some("midden-brabant".into()),
            company: "A".into(),
        };
        auth::create_account(&state.db, &new).unwrap();
    }
    // What the server acknowledged: live profiles (id, secret), withdrawn ids, contact requests.
    let live: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
    let withdrawn: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let requests: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
    // Withdrawals sent but not answered: the kill may have come before or after their commit.
    let in_doubt: Mutex<Vec<String>> = Mutex::new(Vec::new());
    for round in 0..3 {
        let mut process = Process::start(&db);
        let stop = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|s| {
            for writer in 0..3 {
                let (base, live, withdrawn, requests, in_doubt, stop) =
                    (&process.base, &live, &withdrawn, &requests, &in_doubt, &stop);
                s.spawn(move || {
                    let mut employer = None;
                    let mut n = 0u32;
                    while !stop.load(Ordering::SeqCst) {
                        n += 1;
                        let mut client = Client::new(base);
                        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match (writer, n % 3) {
                            (0, _) | (1, 0) => {
                                let body = json!({"profile": full_profile(), "consent": consent(all_fields(), "midden-brabant")});
                                let (status, answer) = client.call("POST", "/api/candidates", Some(body));
                                if status == 201 {
                                    let pair = (answer["id"].as_str().unwrap().to_string(), answer["secret"].as_str().unwrap().to_string());
                                    live.lock().unwrap().push(pair);
                                }
                            }
                            (1, _) => {
                                let victim = live.lock().unwrap().pop();
                                if let Some((id, secret)) = victim {
                                    in_doubt.lock().unwrap().push(id.clone());
                                    let (status, _) = client.with_bearer(&secret).call("DELETE", &format!("/api/candidates/{id}"), None);
                                    in_doubt.lock().unwrap().retain(|d| d != &id);
                                    if status == 204 {
                                        withdrawn.lock().unwrap().push(id);
                                    } else {
                                        live.lock().unwrap().push((id, secret));
                                    }
                                }
                            }
                            _ => {
                                if employer.is_none() {
                                    let mut c = Client::new(base);
                                    let (_, login) = c.call("POST", "/api/login", Some(json!({"email": "emp@test.nl", "password": PASSWORD})));
                                    c.csrf = login["csrf"].as_str().map(str::to_string);
                                    employer = Some(c);
                                }
                                let target = live.lock().unwrap().last().cloned();
                                if let (Some(c), Some((id, _))) = (employer.as_mut(), target) {
                                    let (status, answer) = c.call("POST", "/api/contact-requests", Some(json!({"candidate": id, "message": "Hoi"})));
                                    if status == 201 {
                                        requests.lock().unwrap().push((answer["id"].as_str().unwrap().to_string(), id));
                                    }
                                }
                            }
                        }));
                        // A request cut off by the kill is neither acknowledged nor an error.
                        if result.is_err() {
                            break;
                        }
                    }
                });
            }
            std::thread::sleep(std::time::Duration::from_millis(1500 + 500 * round));
            process.child.kill().unwrap(); // SIGKILL
            process.child.wait().unwrap();
            stop.store(true, Ordering::SeqCst);
        });
        // Restarted, the database holds every acknowledged write and none of the withdrawn.
        let mut process = Process::start(&db);
        let conn = Connection::open(&db).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        let count = |sql: &str, id: &str| -> i64 { conn.query_row(sql, [id], |r| r.get(0)).unwrap() };
        // A withdrawal acknowledged after a contact request removes that request too.
        let gone: Vec<String> = withdrawn.lock().unwrap().clone();
        for id in &gone {
            assert_eq!(count("SELECT COUNT(*) FROM candidates WHERE id = ?1", id), 0, "withdrawn {id} is back");
            assert_eq!(count("SELECT COUNT(*) FROM contact_requests WHERE candidate_id = ?1", id), 0);
            assert_eq!(count("SELECT COUNT(*) FROM consents WHERE candidate_id = ?1", id), 0);
        }
        let alive = live.lock().unwrap().clone();
        for (id, secret) in &alive {
            assert_eq!(count("SELECT COUNT(*) FROM candidates WHERE id = ?1", id), 1, "acknowledged {id} is lost");
            let (status, _) =
                Client::new(&process.base).with_bearer(secret).call("GET", &format!("/api/candidates/{id}"), None);
            assert_eq!(status, 200);
        }
        let asked = requests.lock().unwrap().clone();
        let doubtful = in_doubt.lock().unwrap().clone();
        for (r, candidate) in &asked {
            // A request lives exactly as long as its candidate: kept for the acknowledged live ones,
            // gone with the acknowledged withdrawals, and following the candidate row where the
            // withdrawal was cut off by the kill.
            let expected = if doubtful.contains(candidate) {
                count("SELECT COUNT(*) FROM candidates WHERE id = ?1", candidate)
            } else {
                i64::from(!gone.contains(candidate))
            };
            assert_eq!(
                count("SELECT COUNT(*) FROM contact_requests WHERE id = ?1", r),
                expected,
                "acknowledged request {r}"
            );
        }
        eprintln!(
            "round {round}: {} live, {} withdrawn, {} contact requests acknowledged, all as acknowledged; {} withdrawals cut off",
            alive.len(),
            gone.len(),
            asked.len(),
            doubtful.len()
        );
        assert!(!alive.is_empty(), "round {round}: nothing was written before the kill");
        process.child.kill().unwrap();
        process.child.wait().unwrap();
    }
}
