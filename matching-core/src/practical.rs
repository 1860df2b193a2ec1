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
}

/// The practical side of an opening, resolved against the taxonomy.
#[derive(Clone, Debug)]
pub(crate) struct OpeningPractical {
    pub min_hours: u8,
    pub shifts: u8,
    pub town: Option<u16>,
    pub start: Option<Date>,
}

impl OpeningPractical {
    pub fn new(taxonomy: &Taxonomy, opening: &Opening) -> OpeningPractical {
        OpeningPractical {
            min_hours: opening.hours.min,
            shifts: opening.shifts.iter().fold(0, |m, s| m | s.bit()),
            town: taxonomy.town(&opening.place),
            start: opening.start,
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
        }
    }

    /// True when any knock-out applies; the fast path for ranking.
    pub fn knocks_out(&self, taxonomy: &Taxonomy, opening: &OpeningPractical) -> bool {
        let mut out = false;
        self.visit(taxonomy, opening, |_| out = true, |_| {});
        out
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
