//! Demo mode: on an empty database, seeds demo accounts, the synthetic opening pool over
//! Midden-Brabant (the same generator as the web app's demo) and synthetic candidates who
//! "published" everything. Every generated item is marked synthetic.

use crate::auth::{self, NewAccount, Role};
use crate::consent::{CONSENT_TEXT_VERSION, DEFAULT_CONSENT_DAYS};
use crate::db::now;
use crate::{secret, AppState};
use matching_core::{Date, Parts};
use rusqlite::params;
use vaardig_demo::{self as demo, DemoSize};

/// The demo region.
pub const REGION: &str = "midden-brabant";

/// Openings in the demo pool (as many as the web app's demo).
pub const OPENINGS: usize = 2_400;

/// Synthetic candidates in the demo pool.
pub const CANDIDATES: usize = 400;

/// The seed: the same pool on every machine.
pub const SEED: u64 = 2026;

/// The demo accounts: (e-mail, password, role, region, company). Passwords are public: demo only.
pub const ACCOUNTS: &[(&str, &str, Role, Option<&str>, &str)] = &[
    ("admin@demo.vaardig.nl", "demo-admin-2026", Role::Admin, None, ""),
    (
        "werkgever@demo.vaardig.nl",
        "demo-werkgever-2026",
        Role::Employer,
        Some(REGION),
        "Demo Logistiek Tilburg (verzonnen)",
    ),
    (
        "werkgever-west@demo.vaardig.nl",
        "demo-werkgever-2026",
        Role::Employer,
        Some("west-brabant"),
        "Demo Zorg Breda (verzonnen)",
    ),
    ("jobhunter@demo.vaardig.nl", "demo-jobhunter-2026", Role::Jobhunter, Some(REGION), ""),
];

/// Seeds an empty database with the demo's size; does nothing when accounts exist. Returns
/// whether it seeded.
pub fn seed(state: &AppState) -> Result<bool, String> {
    seed_sized(state, DemoSize::new(OPENINGS, CANDIDATES))
}

/// Seeds an empty database with `size.openings` openings and `size.profiles` candidates (the load
/// benchmark uses 5,000 and 50,000).
pub fn seed_sized(state: &AppState, size: DemoSize) -> Result<bool, String> {
    let accounts: i64 =
        state.db.lock().query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0)).map_err(|e| e.to_string())?;
    if accounts > 0 {
        return Ok(false);
    }
    let mut ids = Vec::new();
    for (email, password, role, region, company) in ACCOUNTS {
        let new = NewAccount {
            email: email.to_string(),
            password: password.to_string(),
            role: *role,
            region: region.map(str::to_string),
            company: company.to_string(),
        };
        ids.push(auth::create_account(&state.db, &new).map_err(|e| e.message)?);
    }
    let employer = ids[1];
    let openings = demo::openings(state.taxonomy, size, SEED).openings;
    let profiles = demo::profiles(state.taxonomy, size, SEED);
    let mut conn = state.db.lock();
    let tx = conn.transaction().map_err(|e| e.to_string())?;
    let at = now();
    for mut opening in openings {
        opening.employer = ACCOUNTS[1].4.to_string();
        tx.execute(
            "INSERT INTO openings (id, account_id, region, body, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![opening.id, employer, REGION, serde_json::to_string(&opening).map_err(|e| e.to_string())?, at],
        )
        .map_err(|e| e.to_string())?;
    }
    let all = Parts::ALL;
    let until = Date::from_day_number(at.div_euclid(86_400) + DEFAULT_CONSENT_DAYS);
    for profile in profiles {
        let id = secret::id("c");
        let cut = profile.only(&all, &id);
        let pseudonym = format!("Demo {}", &profile.id[2..]);
        tx.execute(
            "INSERT INTO candidates (id, pseudonym, secret_hash, region, profile, published, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![id, pseudonym, secret::hash(&secret::token()), REGION, serde_json::to_string(&cut).map_err(|e| e.to_string())?, at],
        )
        .map_err(|e| e.to_string())?;
        tx.execute(
            "INSERT INTO consents (candidate_id, fields, region, given, until, until_ts, text_version, coach_evidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
            params![
                id,
                serde_json::to_string(&all).unwrap_or_default(),
                REGION,
                at,
                until.to_string(),
                (until.day_number() + 1) * 86_400,
                CONSENT_TEXT_VERSION
            ],
        )
        .map_err(|e| e.to_string())?;
    }
    tx.commit().map_err(|e| e.to_string())?;
    Ok(true)
}

/// The lines printed on start in demo mode.
pub fn banner() -> String {
    let mut out = String::from("Demo accounts (synthetic data; passwords are public, for trying only):\n");
    for (email, password, role, region, _) in ACCOUNTS {
        out.push_str(&format!("  {:<10} {email:<32} {password}  {}\n", role.as_str(), region.unwrap_or("")));
    }
    out
}
