//! Knock-outs: the practical reasons an opening does not fit (hours, travel, shifts, start date),
//! and the practical questions still open. They never touch the skill score.

use crate::date::Date;
use crate::model::Shift;
use crate::opening::Opening;
use crate::profile::Profile;
use crate::taxonomy::Taxonomy;
use serde::{Deserialize, Serialize};

/// Kilometres on the road per kilometre as the crow flies between Dutch towns: cycling and bus
/// routes are about a quarter longer than the straight line.
pub const ROAD_FACTOR: f64 = 1.25;
/// Days a start date may slip: employers usually wait two weeks for the right person.
pub const START_GRACE_DAYS: i64 = 14;
/// Kilometres per degree of latitude.
const KM_PER_DEGREE: f64 = 111.195;
/// cos(52.1°), the middle of the Netherlands: close enough for every Dutch town pair (error < 3 %)
/// and, unlike calling `cos`, the same bits on every platform.
const COS_MID_LATITUDE: f64 = 0.6143;

/// Travel distance in metres between two positions in micro-degrees, road factor included.
pub(crate) fn distance_m(a: (i64, i64), b: (i64, i64)) -> u32 {
    let dy = (a.0 - b.0) as f64 / 1_000_000.0 * KM_PER_DEGREE;
    let dx = (a.1 - b.1) as f64 / 1_000_000.0 * KM_PER_DEGREE * COS_MID_LATITUDE;
    ((dx * dx + dy * dy).sqrt() * ROAD_FACTOR * 1000.0) as u32
}

/// Why an opening does not fit, in practical terms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum KnockOut {
    /// The work needs more hours than the person can work.
    Hours {
        /// Fewest hours per week the work needs.
        needed: u8,
        /// Most hours the person can work.
        available: u8,
    },
    /// The work is further than the person can travel.
    Travel {
        /// Travel distance in km.
        km: u16,
        /// Most the person can travel, in km.
        max_km: u16,
    },
    /// The work needs a shift the person cannot do.
    Shift {
        /// The shift.
        shift: Shift,
    },
    /// The work starts before the person can.
    Start {
        /// The opening's start date.
        start: Date,
        /// The person's first possible day.
        available_from: Date,
    },
}

/// A practical fact that is not known, so it could not be checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OpenQuestion {
    /// Maximum hours per week.
    Hours,
    /// Which shifts.
    Shifts,
    /// Home town or how far the person can travel (or the opening's town is not known).
    Travel,
    /// From when the person can start.
    StartDate,
}

/// The practical side of a profile, resolved against the taxonomy.
#[derive(Clone, Debug)]
pub(crate) struct PracticalView {
    max_hours: Option<u8>,
    shifts: Option<u8>,
    home: Option<u16>,
    max_travel_km: Option<u16>,
    available_from: Option<Date>,
    /// Openings starting before this day number are knocked out (`available_from` less the grace).
    latest_start: Option<i64>,
}

/// A person's knock-outs prepared for ranking a pool: gives exactly what
/// [`PracticalView::knocks_out`] gives (a test checks), with no distance computed per opening.
pub(crate) struct KnockFilter<'v> {
    view: &'v PracticalView,
    /// Per town: within travel distance. Empty when home or distance is unknown (no knock-out).
    reach: Vec<bool>,
}

impl KnockFilter<'_> {
    /// True when any knock-out applies.
    #[inline]
    pub fn knocks_out(&self, opening: &OpeningPractical) -> bool {
        self.view.out_without_travel(opening)
            || opening.town.is_some_and(|t| self.reach.get(t as usize).is_some_and(|ok| !ok))
    }
}

/// The practical side of an opening, resolved against the taxonomy.
#[derive(Clone, Debug)]
pub(crate) struct OpeningPractical {
    pub min_hours: u8,
    pub shifts: u8,
    pub town: Option<u16>,
    pub start: Option<Date>,
    /// `start` as a day number, worked out once for ranking.
    pub start_day: Option<i64>,
}

impl OpeningPractical {
    /// Distance from this opening's town to every town, for [`PracticalView::knocks_out_near`].
    pub fn metres_to_towns(&self, taxonomy: &Taxonomy) -> Vec<u32> {
        self.town.map_or_else(Vec::new, |t| {
            taxonomy.towns.iter().map(|&town| distance_m(town, taxonomy.towns[t as usize])).collect()
        })
    }

    pub fn new(taxonomy: &Taxonomy, opening: &Opening) -> OpeningPractical {
        OpeningPractical {
            min_hours: opening.hours.min,
            shifts: opening.shifts.iter().fold(0, |m, s| m | s.bit()),
            town: taxonomy.town(&opening.place),
            start: opening.start,
            start_day: opening.start.map(Date::day_number),
        }
    }
}

impl PracticalView {
    pub fn new(taxonomy: &Taxonomy, profile: &Profile) -> PracticalView {
        let p = &profile.practical;
        PracticalView {
            max_hours: p.max_hours_per_week,
            shifts: p.shifts.as_ref().map(|s| s.iter().fold(0, |m, s| m | s.bit())),
            home: p.home_town.as_deref().and_then(|t| taxonomy.town(t)),
            max_travel_km: p.max_travel_km,
            available_from: p.available_from,
            latest_start: p.available_from.map(|from| from.day_number() - START_GRACE_DAYS),
        }
    }

    /// The knock-outs that need no distance: hours, shifts and start date.
    #[inline]
    fn out_without_travel(&self, opening: &OpeningPractical) -> bool {
        self.max_hours.is_some_and(|h| h < opening.min_hours)
            || self.shifts.is_some_and(|can| opening.shifts & !can != 0)
            || opening.start_day.zip(self.latest_start).is_some_and(|(start, latest)| start < latest)
    }

    /// True when any knock-out applies: the reference the fast tests ([`KnockFilter`],
    /// [`PracticalView::knocks_out_near`]) are checked against.
    #[cfg(test)]
    pub fn knocks_out(&self, taxonomy: &Taxonomy, opening: &OpeningPractical) -> bool {
        let mut out = false;
        self.visit(taxonomy, opening, |_| out = true, |_| {});
        out
    }

    /// The same test as [`PracticalView::knocks_out`] for ranking many people against one
    /// opening: `metres` is the distance from the opening's town to every town (empty when the
    /// opening has no known town).
    #[inline]
    pub fn knocks_out_near(&self, opening: &OpeningPractical, metres: &[u32]) -> bool {
        self.out_without_travel(opening)
            || match (self.home, self.max_travel_km) {
                (Some(home), Some(max_km)) => metres.get(home as usize).is_some_and(|&m| m > u32::from(max_km) * 1000),
                _ => false,
            }
    }

    /// The same test as [`PracticalView::knocks_out`], prepared for a whole pool: the distance to
    /// every town is worked out once instead of once per opening.
    pub fn filter(&self, taxonomy: &Taxonomy) -> KnockFilter<'_> {
        let reach = match (self.home, self.max_travel_km) {
            (Some(home), Some(max_km)) => taxonomy
                .towns
                .iter()
                .map(|&town| distance_m(taxonomy.towns[home as usize], town) <= u32::from(max_km) * 1000)
                .collect(),
            _ => Vec::new(),
        };
        KnockFilter { view: self, reach }
    }

    /// Every knock-out and open question for this opening.
    pub fn check(&self, taxonomy: &Taxonomy, opening: &OpeningPractical) -> (Vec<KnockOut>, Vec<OpenQuestion>) {
        let (mut outs, mut open) = (Vec::new(), Vec::new());
        self.visit(taxonomy, opening, |k| outs.push(k), |q| open.push(q));
        (outs, open)
    }

    fn visit(
        &self,
        taxonomy: &Taxonomy,
        opening: &OpeningPractical,
        mut out: impl FnMut(KnockOut),
        mut open: impl FnMut(OpenQuestion),
    ) {
        match self.max_hours {
            Some(available) if available < opening.min_hours => {
                out(KnockOut::Hours { needed: opening.min_hours, available })
            }
            Some(_) => {}
            None => open(OpenQuestion::Hours),
        }
        match (self.home, opening.town, self.max_travel_km) {
            (Some(home), Some(town), Some(max_km)) => {
                let metres = distance_m(taxonomy.towns[home as usize], taxonomy.towns[town as usize]);
                if metres > u32::from(max_km) * 1000 {
                    out(KnockOut::Travel { km: (metres / 1000) as u16, max_km });
                }
            }
            _ => open(OpenQuestion::Travel),
        }
        match self.shifts {
            Some(can) => {
                for shift in Shift::ALL {
                    if opening.shifts & shift.bit() != 0 && can & shift.bit() == 0 {
                        out(KnockOut::Shift { shift });
                    }
                }
            }
            None if opening.shifts != 0 => open(OpenQuestion::Shifts),
            None => {}
        }
        match (opening.start, self.available_from) {
            (Some(start), Some(from)) if from.day_number() > start.day_number() + START_GRACE_DAYS => {
                out(KnockOut::Start { start, available_from: from })
            }
            (Some(_), None) => open(OpenQuestion::StartDate),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pool's filter and the explanation's check must never disagree.
    #[test]
    fn filter_agrees_with_the_full_check() {
        let taxonomy = &Taxonomy::from_json(&vaardig_taxonomy::compact_json()).expect("the embedded taxonomy");
        let towns: Vec<Option<String>> = std::iter::once(None)
            .chain(taxonomy.data().towns.iter().step_by(9).map(|t| Some(t.name.clone())))
            .collect();
        let dates = [None, Date::parse("2027-01-04"), Date::parse("2027-03-01")];
        let shift_sets = [None, Some(vec![]), Some(vec![Shift::Day]), Some(vec![Shift::Day, Shift::Weekend])];
        let mut openings = Vec::new();
        for town in towns.iter().flatten() {
            for start in dates {
                for (min_hours, shifts) in [(8, 0), (24, Shift::Day.bit()), (36, Shift::Night.bit() | Shift::Day.bit())]
                {
                    let start_day = start.map(Date::day_number);
                    openings.push(OpeningPractical { min_hours, shifts, town: taxonomy.town(town), start, start_day });
                }
            }
        }
        let mut checked = 0;
        for home in &towns {
            for max_travel_km in [None, Some(5), Some(40)] {
                for max_hours in [None, Some(16), Some(32)] {
                    for shifts in &shift_sets {
                        for available_from in dates {
                            let profile = Profile {
                                practical: crate::profile::Practical {
                                    max_hours_per_week: max_hours,
                                    shifts: shifts.clone(),
                                    home_town: home.clone(),
                                    max_travel_km,
                                    available_from,
                                    ..Default::default()
                                },
                                ..Profile::new("p")
                            };
                            let view = PracticalView::new(taxonomy, &profile);
                            let filter = view.filter(taxonomy);
                            for opening in &openings {
                                assert_eq!(filter.knocks_out(opening), view.knocks_out(taxonomy, opening));
                                let metres = opening.metres_to_towns(taxonomy);
                                assert_eq!(view.knocks_out_near(opening, &metres), view.knocks_out(taxonomy, opening));
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }
}
