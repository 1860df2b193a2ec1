//! Small closed vocabularies shared by every format: levels, evidence, languages, items.
//! They are newtypes and enums so a wrong value is a parse error, not a silent zero.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A skill level, 1 to 4: 1 with help · 2 on my own, simple work · 3 on my own · 4 can teach others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

/// The schema of what serde reads and writes: an integer 1 to 4.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Level {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(1))
            .maximum(Some(4))
            .description(Some("Skill level: 1 with help, 2 on my own in simple work, 3 on my own, 4 can teach others."))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Level {}

impl Level {
    /// The lowest level: can do it with help.
    pub const WITH_HELP: Level = Level(1);
    /// On my own, in simple work: the default minimum level of a requirement (DESIGN.md).
    pub const ON_MY_OWN_SIMPLE: Level = Level(2);
    /// On my own.
    pub const ON_MY_OWN: Level = Level(3);
    /// Can teach others: the highest level.
    pub const CAN_TEACH: Level = Level(4);

    /// Makes a level from 1-4; `None` for anything else.
    pub fn new(value: u8) -> Option<Level> {
        (1..=4).contains(&value).then_some(Level(value))
    }

    /// The level as a number 1-4.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Level {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Level::new(value).ok_or_else(|| format!("level must be 1, 2, 3 or 4, not {value}"))
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Who says a claim is true, weakest first. The order is the contract: `Self_ < Coach < Practice < Formal`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The young person's own estimate.
    #[default]
    #[serde(rename = "self")]
    Self_,
    /// Confirmed by a coach or jobhunter.
    Coach,
    /// Shown at work: a praktijkverklaring or an employer's reference.
    Practice,
    /// A diploma or certificate.
    Formal,
}

impl Evidence {
    /// All values, weakest first.
    pub const ALL: [Evidence; 4] = [Evidence::Self_, Evidence::Coach, Evidence::Practice, Evidence::Formal];

    /// The name in the file formats: "self", "coach", "practice" or "formal".
    pub fn code(self) -> &'static str {
        match self {
            Evidence::Self_ => "self",
            Evidence::Coach => "coach",
            Evidence::Practice => "practice",
            Evidence::Formal => "formal",
        }
    }

    /// Reads a name written by [`Evidence::code`].
    pub fn from_code(code: &str) -> Option<Evidence> {
        Evidence::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// The two languages of every text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Parses "nl" or "en".
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in Dutch and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Dutch.
    pub nl: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// The four kinds of things a requirement or a claim can be about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A hard skill.
    Skill,
    /// A soft skill (behaviour, work attitude).
    SoftSkill,
    /// A certificate, licence or diploma.
    Certificate,
    /// A work process (werkproces) of a qualification.
    WorkProcess,
}

impl ItemKind {
    /// All kinds, in the order sub-scores are shown.
    pub const ALL: [ItemKind; 4] = [ItemKind::Skill, ItemKind::SoftSkill, ItemKind::Certificate, ItemKind::WorkProcess];

    /// Position in [`ItemKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether the kind is hard (skill, certificate, work process): what a person can do or has
    /// shown. Soft skills refine a ranking; they do not make a job fit (see `explain::Relevance`).
    pub fn is_hard(self) -> bool {
        self != ItemKind::SoftSkill
    }
}

/// A reference to one taxonomy item, written in JSON as `{"skill": "log.heftruck_rijden"}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemRef {
    /// A hard skill id.
    Skill(String),
    /// A soft skill id.
    SoftSkill(String),
    /// A certificate id.
    Certificate(String),
    /// A work process id.
    WorkProcess(String),
}

impl ItemRef {
    /// The kind of item referred to.
    pub fn kind(&self) -> ItemKind {
        match self {
            ItemRef::Skill(_) => ItemKind::Skill,
            ItemRef::SoftSkill(_) => ItemKind::SoftSkill,
            ItemRef::Certificate(_) => ItemKind::Certificate,
            ItemRef::WorkProcess(_) => ItemKind::WorkProcess,
        }
    }

    /// The id inside the reference.
    pub fn id(&self) -> &str {
        match self {
            ItemRef::Skill(id) | ItemRef::SoftSkill(id) | ItemRef::Certificate(id) | ItemRef::WorkProcess(id) => id,
        }
    }

    /// Builds a reference of `kind` to `id`.
    pub fn new(kind: ItemKind, id: impl Into<String>) -> ItemRef {
        let id = id.into();
        match kind {
            ItemKind::Skill => ItemRef::Skill(id),
            ItemKind::SoftSkill => ItemRef::SoftSkill(id),
            ItemKind::Certificate => ItemRef::Certificate(id),
            ItemKind::WorkProcess => ItemRef::WorkProcess(id),
        }
    }
}

/// Kinds of opening: the routes into work a region offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RouteType {
    /// A regular job.
    Job,
    /// A development job (ontwikkelbaan): paid work with learning, often 24-28 h/week.
    Ontwikkelbaan,
    /// A work placement (stage).
    Stage,
    /// A BBL place: work four days, school one day, towards an mbo diploma.
    Bbl,
    /// A learning-work route (leerwerktraject).
    Leerwerktraject,
    /// A praktijkverklaring route: agreed work processes attested at the workplace.
    PraktijkverklaringRoute,
}

impl RouteType {
    /// All route types.
    pub const ALL: [RouteType; 6] = [
        RouteType::Job,
        RouteType::Ontwikkelbaan,
        RouteType::Stage,
        RouteType::Bbl,
        RouteType::Leerwerktraject,
        RouteType::PraktijkverklaringRoute,
    ];
}

/// Parts of the week an opening needs someone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Shift {
    /// Weekdays, daytime.
    Day,
    /// Evenings.
    Evening,
    /// Nights.
    Night,
    /// Saturday and Sunday.
    Weekend,
}

impl Shift {
    /// All shifts.
    pub const ALL: [Shift; 4] = [Shift::Day, Shift::Evening, Shift::Night, Shift::Weekend];

    pub(crate) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Whether a requirement must be met or is nice to have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    /// Must have: unmet makes a near match.
    Must,
    /// Nice to have.
    Nice,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_codes_are_the_serde_names() {
        for e in Evidence::ALL {
            assert_eq!(serde_json::to_string(&e).unwrap(), format!("\"{}\"", e.code()));
            assert_eq!(Evidence::from_code(e.code()), Some(e));
        }
        assert_eq!(Evidence::from_code("none"), None);
    }
}
