//! The API's OpenAPI document, generated (utoipa) from the API types of `vaardig-api` and
//! `matching-core` (their `openapi` features) and the handlers' `#[utoipa::path]` annotations;
//! built once and served at `GET /api/openapi.json`, printed by `vaardig-server openapi`.
//! `server/tests/openapi_routes.py` checks in CI that its paths and methods are exactly the
//! router's.

use std::sync::OnceLock;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, ObjectBuilder, RefOr, Type};
use utoipa::{Modify, OpenApi, ToSchema};
use vaardig_api::ErrorBody;

/// The document as JSON, built on first use.
pub fn document() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| ApiDoc::openapi().to_pretty_json().expect("the OpenAPI document serialises"))
}

/// What `GET /api/health` answers.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct Health {
    /// Always `ok`.
    status: HealthStatus,
}

/// The only status.
#[derive(ToSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum HealthStatus {
    /// Up.
    Ok,
}

/// The pool's DID document (`did:web`), with the keys its credentials are signed with.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct DidDocument {
    /// The pool's DID.
    id: String,
    /// Its public keys (JSON Web Keys).
    #[schema(rename = "verificationMethod", value_type = Vec<Object>)]
    verification_method: Vec<serde_json::Value>,
    /// The keys that sign credentials.
    #[schema(rename = "assertionMethod")]
    assertion_method: Vec<String>,
}

/// The error answers many operations share: each a component, `{"error": {code, message}}`.
macro_rules! error_responses {
    ($($(#[$doc:meta])* $name:ident = ($description:expr, $retry:expr),)*) => {
        $(
            $(#[$doc])*
            pub struct $name;

            impl<'r> utoipa::ToResponse<'r> for $name {
                fn response() -> (&'r str, RefOr<Response>) {
                    (stringify!($name), error_response($description, $retry).into())
                }
            }
        )*
    };
}

error_responses! {
    /// `bad_request`: the body, a path parameter or the query string is malformed or invalid.
    BadRequest = (r#"`bad_request`: the body, a path parameter or the query string is malformed or invalid."#, false),
    /// `bad_request`: a malformed query string or path parameter, a query parameter other than `offset` and `limit`, a `limit` outside 1-100 or an `offset` above 1000000.
    BadPage = (r#"`bad_request`: a malformed query string or path parameter, a query parameter other than `offset` and `limit`, a `limit` outside 1-100 or an `offset` above 1000000."#, false),
    /// `unauthorized`: no valid session cookie (or no `Authorization: Bearer` secret).
    Unauthorized = (r#"`unauthorized`: no valid session cookie (or no `Authorization: Bearer` secret)."#, false),
    /// `not_found`: there is no such thing, or the caller may not know it exists.
    NotFound = (r#"`not_found`: there is no such thing, or the caller may not know it exists."#, false),
    /// `conflict`: the state does not allow this.
    Conflict = (r#"`conflict`: the state does not allow this."#, false),
    /// `too_large`: the body is larger than 256 kB.
    TooLarge = (r#"`too_large`: the body is larger than 256 kB."#, false),
    /// `unsupported_media_type`: the body must be sent with `Content-Type: application/json`.
    UnsupportedMediaType = (r#"`unsupported_media_type`: the body must be sent with `Content-Type: application/json`."#, false),
    /// `internal`: something went wrong on the server.
    Internal = (r#"`internal`: something went wrong on the server."#, false),
    /// `rate_limited`: too many of these from your client address this hour; try again after `Retry-After` seconds.
    RateLimited = (r#"`rate_limited`: too many of these from your client address this hour; try again after `Retry-After` seconds."#, true),
}

/// An error answer: JSON [`ErrorBody`], with `Retry-After` where the client is to wait.
fn error_response(description: &str, retry: bool) -> Response {
    let mut response = ResponseBuilder::new()
        .description(description)
        .content("application/json", ContentBuilder::new().schema(Some(ErrorBody::schema_ref())).build());
    if retry {
        let seconds = ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1));
        response = response
            .header("Retry-After", HeaderBuilder::new().schema(seconds).description(Some("Seconds to wait.")).build());
    }
    response.build()
}

/// `$ref` to a component schema.
trait SchemaRef {
    fn schema_ref() -> RefOr<utoipa::openapi::schema::Schema>;
}

impl<T: ToSchema> SchemaRef for T {
    fn schema_ref() -> RefOr<utoipa::openapi::schema::Schema> {
        RefOr::Ref(utoipa::openapi::Ref::from_schema_name(T::name()))
    }
}

/// The three ways of calling: the session cookie, its CSRF token, a young person's device secret.
struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::COOKIE,
                r#"The session cookie set by `POST /api/login` (12 hours)."#,
            ))),
        );
        components.add_security_scheme(
            "csrf",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-CSRF-Token",
                r#"The session's CSRF token (`csrf` in the login answer or `GET /api/session`); needed with the session on every POST, PUT and DELETE."#,
            ))),
        );
        components.add_security_scheme(
            "deviceSecret",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(r#"`Authorization: Bearer <secret>` (the word `Bearer` in any case): the young person's secret from publishing (`secret`), or for an attestation result the link's `claim` secret. At most 100 characters."#))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Vaardig server API",
        description = r#"The regional candidate pool of Vaardig. Young people publish the parts of their profile they consent to (no account: the secret handed out on publishing proves ownership); employers put in openings and see the consenting candidates of their region ranked and explained; jobhunters work the whole pool of their region; workplace trainers attest work processes through a one-time link; admins create accounts.

**Sessions.** `POST /api/login` sets the `vaardig_session` cookie (HttpOnly, SameSite=Strict). Every POST, PUT and DELETE made with a session must send the session's CSRF token (from the login answer or `GET /api/session`) as `X-CSRF-Token`, or it gets 403 `csrf`. Any POST, PUT or DELETE whose `Origin` header is not exactly this server's scheme, host and port gets 403 `csrf`, whatever it carries. Any request whose `Host` header names another host (a rebound DNS name) gets 421 `wrong_host`.

**Errors** are always JSON: `{"error": {"code": …, "message": …}}`. A method a path does not take gives 405 `method_not_allowed`; an unknown path under `/api` gives 404 `not_found`. Bodies are JSON (`Content-Type: application/json`, at most 256 kB); unknown fields are refused. A request whose head does not arrive within the header timeout (10 s by default) is closed; one not answered within the request timeout (30 s, which bounds reading the body) gets 408 `timeout` and the connection is closed.

**Limits.** Anonymous publishes (`POST /api/candidates`), trainer links (`POST /api/attestations`) and contact requests (`POST /api/contact-requests`) are counted per client address, each kind 60 an hour by default (`--writes-per-hour`); past it they get 429 `rate_limited` with `Retry-After`. Behind a reverse proxy named with `--trusted-proxy`, the client address is the rightmost address in `X-Forwarded-For` that is not such a proxy.

**Lists** take `?offset=&limit=` (offset 0-1000000, default 0; limit 1-100, default 20; a value outside gives 400 `bad_request`, it is not clamped) and answer `{items, total, offset, limit}`; the query string takes no other parameters."#,
        license(name = "EUPL-1.2", url = "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"),
    ),
    tags(
        (name = "public", description = r#"No account needed."#),
        (name = "young person", description = r#"The young person's device: publish, update, withdraw, contact requests, who looked. Authenticated by the publish secret."#),
        (name = "attestation", description = r#"Workplace trainer attestation through a one-time link."#),
        (name = "employer", description = r#"Employer accounts: own openings, the region's candidates ranked for them, contact requests."#),
        (name = "jobhunter", description = r#"Jobhunter accounts: the whole pool of one region, ranking both ways, what-if, shortlists, coach evidence."#),
        (name = "admin", description = r#"Admin accounts: account management."#)
    ),
    paths(
        crate::handlers::health,
        crate::handlers::openapi,
        crate::handlers::regions,
        crate::handlers::login,
        crate::handlers::logout,
        crate::handlers::session,
        crate::handlers::list_accounts,
        crate::handlers::create_account,
        crate::handlers::youth::publish,
        crate::handlers::youth::show,
        crate::handlers::youth::update,
        crate::handlers::youth::withdraw,
        crate::handlers::youth::requests,
        crate::handlers::youth::answer,
        crate::handlers::youth::views,
        crate::attest::create,
        crate::attest::show,
        crate::attest::confirm,
        crate::attest::result,
        crate::attest::status_list,
        crate::attest::did_document,
        crate::handlers::employer::list,
        crate::handlers::employer::create,
        crate::handlers::employer::show,
        crate::handlers::employer::update,
        crate::handlers::employer::delete,
        crate::handlers::employer::candidates,
        crate::handlers::employer::candidate,
        crate::handlers::employer::contacts,
        crate::handlers::employer::request_contact,
        crate::handlers::employer::preview,
        crate::handlers::employer::advice,
        crate::handlers::jobhunter::candidates,
        crate::handlers::jobhunter::openings,
        crate::handlers::jobhunter::rank_candidates,
        crate::handlers::jobhunter::rank_openings,
        crate::handlers::jobhunter::what_if,
        crate::handlers::jobhunter::record_evidence,
        crate::handlers::jobhunter::shortlists,
        crate::handlers::jobhunter::create_shortlist,
        crate::handlers::jobhunter::shortlist,
        crate::handlers::jobhunter::delete_shortlist,
        crate::handlers::jobhunter::add_to_shortlist,
        crate::handlers::jobhunter::remove_from_shortlist,
        crate::handlers::jobhunter::match_table,
        crate::handlers::jobhunter::attestation_link
    ),
    components(
        schemas(ErrorBody),
        responses(BadRequest, BadPage, Unauthorized, NotFound, Conflict, TooLarge, UnsupportedMediaType, Internal, RateLimited),
    ),
    modifiers(&Security),
)]
struct ApiDoc;
