//! The taxonomy: skills, soft skills, certificates, qualifications with work processes, and towns.
//! [`TaxonomyData`] is the serde shape of `data/taxonomy`; [`Taxonomy`] checks it and builds the
//! dense indices that scoring, ranking, lookup and advice use.

use crate::error::TaxonomyError;
use crate::lookup::LookupIndex;
use crate::model::{ItemKind, ItemRef, Level, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Labels or search words per language; the first label is the preferred name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Dutch.
    pub nl: Vec<String>,
    /// English.
    pub en: Vec<String>,
}

/// A sector young people enter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Sector {
    /// Short id, such as `log`.
    pub id: String,
    /// Pictogram name.
    pub icon: String,
    /// Name.
    pub label: Text,
}

/// A hard skill.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// Stable id, `<sector>.<name>`.
    pub id: String,
    /// Sector id.
    pub sector: String,
    /// Names; the first per language is preferred.
    pub labels: Labels,
    /// Extra search words: job titles, compounds, abbreviations.
    pub syn: Labels,
    /// Skills that partly transfer, with a strength in (0, 1). Read both ways.
    pub related: BTreeMap<String, f64>,
    /// ESCO URI, only where we are sure of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub esco: Option<String>,
}

/// A soft skill: a behaviour with questions and four level descriptions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SoftSkill {
    /// Stable id, `soft.<name>`.
    pub id: String,
    /// Pictogram name.
    pub icon: String,
    /// Group: werkhouding, samenwerken, communiceren, zelfstandig or leren.
    pub group: String,
    /// Name.
    pub label: Text,
    /// Behavioural questions (2-4).
    pub questions: Vec<Text>,
    /// Descriptions of levels 1-4, first person; they are also the four answers.
    pub levels: Vec<Text>,
}

/// A certificate, licence or diploma.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// Stable id, `cert.<name>`.
    pub id: String,
    /// Name.
    pub label: Text,
    /// Extra search words and abbreviations.
    pub syn: Labels,
    /// Most typical sector id.
    pub sector: String,
    /// Typical course length in hours, course and exam together.
    pub hours: u32,
    /// What it takes, in one sentence.
    pub note: Text,
    /// Years it stays valid (0: it does not expire); `None` where no source was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_years: Option<u8>,
    /// The lowest age at which a person can get it or use it on their own; `None` where no source
    /// was found. Shown with a step ("vanaf 18"); it never enters scoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u8>,
    /// Whether a law requires it for the work it is asked for; `None` where no source was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_law: Option<bool>,
    /// Which law or agreement asks for it (a law, a CAO), where one does; else empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub law: String,
    /// How the exam is taken, in a few words; empty where no source was found.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub exam: String,
    /// Whether a read-aloud (voorlees) exam exists; `None` where no source was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_aloud: Option<bool>,
    /// Keys of the sources in `data/taxonomy/SOURCES.md` these facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Skills that holding it shows, with the level (like a work process's `implies`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub implies: BTreeMap<String, u8>,
}

/// Where a qualification's core tasks and work processes come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The published SBB kwalificatiedossier: the processes marked `official` carry its codes
    /// and titles exactly, with the dossier named in `sources`.
    Dossier,
    /// Our own description of the work: its codes are positions inside our description, never
    /// shown as if they were SBB's.
    Ours,
}

/// A qualification (kwalificatiedossier profile) at entree or mbo level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Qualification {
    /// Stable id, `q.<name>`.
    pub id: String,
    /// Name.
    pub name: Text,
    /// mbo level: 1 is Entree.
    pub level: u8,
    /// Sector id.
    pub sector: String,
    /// Crebo number (erkende opleidingscode) where a source gives it, else empty.
    pub crebo: String,
    /// The dossier's version or cohort where a source gives it, else empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cohort: String,
    /// Where the core tasks and work processes come from.
    pub source: Source,
    /// Keys of the sources in `data/taxonomy/SOURCES.md` for the name, level and what else is
    /// sourced (crebo, cohort, official work processes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Core tasks (kerntaken).
    pub core_tasks: Vec<CoreTask>,
}

/// A core task (kerntaak) of a qualification.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CoreTask {
    /// Code, such as `P1-K1`; shown only through [`CoreTask::shown_code`].
    pub code: String,
    /// Title.
    pub title: Text,
    /// Work processes.
    pub work_processes: Vec<WorkProcess>,
}

/// A work process (werkproces): a unit of work that can be shown and attested.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WorkProcess {
    /// Stable id, `wp.<qualification>.<code>`.
    pub id: String,
    /// Code, such as `P1-K1-W2`: the dossier's where `official`, else a position inside our own
    /// description. Show it only through [`WorkProcess::shown_code`].
    pub code: String,
    /// Title.
    pub title: Text,
    /// Skills and soft skills that doing this work process shows, with the level.
    pub implies: BTreeMap<String, u8>,
    /// Code and title are exactly the dossier's (its qualification has `source: dossier` and
    /// names the dossier in `sources`; the check refuses an official process anywhere else).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub official: bool,
    /// The title said plainly at B1 (a short sentence, common words), shown beside the title.
    /// Ours, not the dossier's; every official process has one (checked), because the dossier's
    /// wording is hard to read for the young person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain: Option<Text>,
}

impl WorkProcess {
    /// The code to show next to the title: the dossier's code for an official process, `None`
    /// for ours, so our own numbering is never shown as if it were SBB's. Every screen, the CLI
    /// and every export show a code only through this function.
    pub fn shown_code(&self) -> Option<&str> {
        self.official.then_some(self.code.as_str())
    }
}

impl CoreTask {
    /// The core task's code when every one of its processes is official, else `None`.
    pub fn shown_code(&self) -> Option<&str> {
        (!self.work_processes.is_empty() && self.work_processes.iter().all(|w| w.official))
            .then_some(self.code.as_str())
    }
}

/// A town with its position, for travel distances.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Town {
    /// Name as people write it.
    pub name: String,
    /// Province.
    pub province: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
}

/// Everything in `data/taxonomy`, as read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TaxonomyData {
    /// Sectors.
    pub sectors: Vec<Sector>,
    /// Hard skills.
    pub skills: Vec<Skill>,
    /// Soft skills.
    pub soft_skills: Vec<SoftSkill>,
    /// Certificates.
    pub certificates: Vec<Certificate>,
    /// Qualifications with core tasks and work processes.
    pub qualifications: Vec<Qualification>,
    /// Towns with positions.
    pub towns: Vec<Town>,
}

/// Dense index of an item inside a [`Taxonomy`].
pub(crate) type ItemIdx = u32;

/// One item of any kind, with its place in the data.
#[derive(Clone, Debug)]
pub(crate) struct ItemInfo {
    pub kind: ItemKind,
    pub id: String,
    /// Position in the vector of its kind (for work processes: qualification, core task, process).
    pub pos: (usize, usize, usize),
}

/// A relation strength in per-mille (0-1000).
pub(crate) type Permille = u32;

/// A checked taxonomy with the indices the rest of the library needs.
#[derive(Clone, Debug)]
pub struct Taxonomy {
    data: TaxonomyData,
    pub(crate) items: Vec<ItemInfo>,
    by_id: BTreeMap<String, ItemIdx>,
    /// Per item: related skills with strength, both directions, strongest kept.
    pub(crate) related: Vec<Vec<(ItemIdx, Permille)>>,
    /// Per work process and certificate item: the items it implies with their level.
    pub(crate) implies: Vec<Vec<(ItemIdx, u8)>>,
    /// Town positions in micro-degrees (lat, lon), and their index by normalised name.
    pub(crate) towns: Vec<(i64, i64)>,
    town_index: BTreeMap<String, u16>,
    /// Built on first use: a phone that never searches never pays for it.
    lookup: std::sync::OnceLock<LookupIndex>,
}

/// Micro-degrees per degree: town positions are kept as integers so distances are exact everywhere.
const MICRO: f64 = 1_000_000.0;

impl Taxonomy {
    /// Checks `data` (unique ids, every reference resolves, both languages filled, levels 1-4) and
    /// builds the indices. Every problem found is returned, not only the first.
    pub fn new(data: TaxonomyData) -> Result<Taxonomy, TaxonomyError> {
        let mut problems = crate::validate::check(&data);
        let mut items = Vec::new();
        let mut by_id = BTreeMap::new();
        let mut add = |kind, id: &str, pos, problems: &mut Vec<String>| {
            let idx = items.len() as ItemIdx;
            if by_id.insert(id.to_string(), idx).is_some() {
                problems.push(format!("id {id:?} is used twice"));
            }
            items.push(ItemInfo { kind, id: id.to_string(), pos });
        };
        for (i, s) in data.skills.iter().enumerate() {
            add(ItemKind::Skill, &s.id, (i, 0, 0), &mut problems);
        }
        for (i, s) in data.soft_skills.iter().enumerate() {
            add(ItemKind::SoftSkill, &s.id, (i, 0, 0), &mut problems);
        }
        for (i, c) in data.certificates.iter().enumerate() {
            add(ItemKind::Certificate, &c.id, (i, 0, 0), &mut problems);
        }
        for (q, qual) in data.qualifications.iter().enumerate() {
            for (t, task) in qual.core_tasks.iter().enumerate() {
                for (w, wp) in task.work_processes.iter().enumerate() {
                    add(ItemKind::WorkProcess, &wp.id, (q, t, w), &mut problems);
                }
            }
        }
        let n = items.len();
        let mut related: Vec<Vec<(ItemIdx, Permille)>> = vec![Vec::new(); n];
        for (i, skill) in data.skills.iter().enumerate() {
            for (other, &strength) in &skill.related {
                match by_id.get(other).map(|&j| (j, items[j as usize].kind)) {
                    Some((j, ItemKind::Skill)) if j as usize != i => {
                        let permille = (strength * 1000.0).round().clamp(1.0, 999.0) as Permille;
                        link(&mut related[i], j, permille);
                        link(&mut related[j as usize], i as ItemIdx, permille);
                    }
                    _ => problems.push(format!("skill {:?}: related {other:?} is not another skill", skill.id)),
                }
            }
        }
        let mut implies = vec![Vec::new(); n];
        for qual in &data.qualifications {
            for wp in qual.core_tasks.iter().flat_map(|t| &t.work_processes) {
                let Some(&w) = by_id.get(&wp.id) else { continue };
                for (target, &level) in &wp.implies {
                    match by_id.get(target).map(|&j| (j, items[j as usize].kind)) {
                        Some((j, ItemKind::Skill | ItemKind::SoftSkill)) if Level::new(level).is_some() => {
                            implies[w as usize].push((j, level));
                        }
                        _ => problems.push(format!(
                            "work process {:?}: implies {target:?} at level {level}, which is not a skill or soft skill at level 1-4",
                            wp.id
                        )),
                    }
                }
            }
        }
        for cert in &data.certificates {
            let Some(&c) = by_id.get(&cert.id) else { continue };
            for (target, &level) in &cert.implies {
                match by_id.get(target).map(|&j| (j, items[j as usize].kind)) {
                    Some((j, ItemKind::Skill)) if Level::new(level).is_some() => implies[c as usize].push((j, level)),
                    _ => problems.push(format!(
                        "certificate {:?}: implies {target:?} at level {level}, which is not a skill at level 1-4",
                        cert.id
                    )),
                }
            }
        }
        let mut towns = Vec::new();
        let mut town_index = BTreeMap::new();
        for town in &data.towns {
            let key = crate::lookup::normalize(&town.name);
            if town_index.insert(key, towns.len() as u16).is_some() {
                problems.push(format!("town {:?} is listed twice", town.name));
            }
            towns.push(((town.lat * MICRO).round() as i64, (town.lon * MICRO).round() as i64));
        }
        if !problems.is_empty() {
            return Err(TaxonomyError { problems });
        }
        let lookup = std::sync::OnceLock::new();
        Ok(Taxonomy { data, items, by_id, related, implies, towns, town_index, lookup })
    }

    /// Parses taxonomy JSON (the shape of [`TaxonomyData`]) and checks it.
    pub fn from_json(json: &str) -> Result<Taxonomy, TaxonomyError> {
        let data: TaxonomyData =
            serde_json::from_str(json).map_err(|e| TaxonomyError { problems: vec![e.to_string()] })?;
        Taxonomy::new(data)
    }

    /// The data as read.
    pub fn data(&self) -> &TaxonomyData {
        &self.data
    }

    pub(crate) fn index_of(&self, item: &ItemRef) -> Option<ItemIdx> {
        self.by_id.get(item.id()).copied().filter(|&i| self.items[i as usize].kind == item.kind())
    }

    pub(crate) fn item_ref(&self, idx: ItemIdx) -> ItemRef {
        let info = &self.items[idx as usize];
        ItemRef::new(info.kind, info.id.clone())
    }

    /// Whether `item` exists in this taxonomy.
    pub fn contains(&self, item: &ItemRef) -> bool {
        self.index_of(item).is_some()
    }

    /// The preferred name of an item in `lang`; the id itself for an unknown item.
    pub fn name(&self, item: &ItemRef, lang: crate::model::Lang) -> String {
        let Some(idx) = self.index_of(item) else { return item.id().to_string() };
        let (a, b, c) = self.items[idx as usize].pos;
        let first = |labels: &Labels| {
            match lang {
                crate::model::Lang::Nl => labels.nl.first(),
                crate::model::Lang::En => labels.en.first(),
            }
            .cloned()
            .unwrap_or_default()
        };
        match item.kind() {
            ItemKind::Skill => first(&self.data.skills[a].labels),
            ItemKind::SoftSkill => self.data.soft_skills[a].label.get(lang).to_string(),
            ItemKind::Certificate => self.data.certificates[a].label.get(lang).to_string(),
            ItemKind::WorkProcess => {
                let wp = &self.data.qualifications[a].core_tasks[b].work_processes[c];
                match wp.shown_code() {
                    Some(code) => format!("{} ({code})", wp.title.get(lang)),
                    None => wp.title.get(lang).to_string(),
                }
            }
        }
    }

    /// A certificate by id.
    pub fn certificate(&self, id: &str) -> Option<&Certificate> {
        self.data.certificates.iter().find(|c| c.id == id)
    }

    /// The qualification a work process belongs to, with the process itself.
    pub fn work_process(&self, id: &str) -> Option<(&Qualification, &WorkProcess)> {
        let &idx = self.by_id.get(id)?;
        let info = &self.items[idx as usize];
        (info.kind == ItemKind::WorkProcess).then(|| {
            let (q, t, w) = info.pos;
            let qual = &self.data.qualifications[q];
            (qual, &qual.core_tasks[t].work_processes[w])
        })
    }

    /// Straight-line distance in metres between two known towns; `None` if either is unknown.
    pub fn town_distance_m(&self, a: &str, b: &str) -> Option<u32> {
        let (a, b) = (self.town(a)?, self.town(b)?);
        Some(crate::practical::distance_m(self.towns[a as usize], self.towns[b as usize]))
    }

    /// Index of a known town, by name in any case or spelling of diacritics.
    pub(crate) fn town(&self, name: &str) -> Option<u16> {
        self.town_index.get(&crate::lookup::normalize(name)).copied()
    }

    /// Whether a town is known.
    pub fn has_town(&self, name: &str) -> bool {
        self.town(name).is_some()
    }

    /// Number of labels and search words (both languages) over skills, soft skills and certificates.
    pub fn label_count(&self) -> usize {
        self.lookup_index().entry_count()
    }

    /// The lookup index, built on first use.
    pub(crate) fn lookup_index(&self) -> &LookupIndex {
        self.lookup.get_or_init(|| LookupIndex::build(self))
    }
}

fn link(list: &mut Vec<(ItemIdx, Permille)>, target: ItemIdx, permille: Permille) {
    match list.iter_mut().find(|(t, _)| *t == target) {
        Some(existing) => existing.1 = existing.1.max(permille),
        None => list.push((target, permille)),
    }
}
