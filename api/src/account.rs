//! Accounts and sessions: the login body, what a session is, the admin's account list.

use serde::{Deserialize, Serialize};

/// What an account may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Puts in openings, browses the region's consenting candidates, asks for contact.
    Employer,
    /// Works the whole pool of one region.
    Jobhunter,
    /// Creates accounts.
    Admin,
}

impl Role {
    /// The name on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Employer => "employer",
            Role::Jobhunter => "jobhunter",
            Role::Admin => "admin",
        }
    }

    /// The role of a name, if it is one.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "employer" => Some(Role::Employer),
            "jobhunter" => Some(Role::Jobhunter),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// The login body (`POST /api/login`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(examples(json!({"email": "werkgever@example.nl", "password": "correct horse battery"}))))]
#[serde(deny_unknown_fields)]
pub struct Login {
    /// The account's e-mail address (compared without case and surrounding space).
    pub email: String,
    /// The password.
    pub password: String,
}

/// A logged-in account, as the API shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    /// Row id.
    pub id: i64,
    /// Login name.
    pub email: String,
    /// What it may do.
    pub role: Role,
    /// The region an employer or jobhunter works in.
    pub region: Option<String>,
    /// The employer's company name (shown to young people who were looked at).
    pub company: String,
}

/// What a session is: the account and the CSRF token to echo on changes (`X-CSRF-Token`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// The account.
    pub account: Account,
    /// The token to send as `X-CSRF-Token` on every POST, PUT and DELETE.
    pub csrf: String,
}

/// A new account (from the command line or by an admin).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewAccount {
    /// Login name.
    #[cfg_attr(feature = "openapi", schema(pattern = "@", max_length = 200))]
    pub email: String,
    /// At least 10 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10))]
    pub password: String,
    /// What it may do.
    pub role: Role,
    /// Required for employers and jobhunters.
    #[serde(default)]
    pub region: Option<String>,
    /// The employer's company.
    #[serde(default)]
    pub company: String,
}

/// One account in the admin's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountRow {
    /// Row id.
    pub id: i64,
    /// Login name.
    pub email: String,
    /// `employer`, `jobhunter` or `admin`.
    pub role: String,
    /// The region an employer or jobhunter works in.
    pub region: Option<String>,
    /// The employer's company.
    pub company: String,
}

/// The id of something just created.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Created {
    /// Its id.
    pub id: i64,
}
