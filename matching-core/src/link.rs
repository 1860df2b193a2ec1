//! A shared profile in a few bytes, for the "show an employer" link and its QR code. A profile cut
//! to the chosen parts ([`Profile::only`]) is written as taxonomy positions instead of ids, so a
//! profile of 20 claims takes about 70 bytes instead of 1,500 characters of JSON, and the QR code
//! stays coarse enough for a phone camera.
//!
//! Layout (version 1): the version byte; the taxonomy's fingerprint (4 bytes, little endian: a
//! link made against other data is refused, never misread); a flags byte; the hours, shifts,
//! travel distance and start day where the flags say so; the claims (count, then per claim the
//! item's position and a byte with level and evidence); the "I don't know" items (count, then
//! positions). Counts, positions and numbers are LEB128 varints. Never in it: the home town, the
//! way of travelling, wishes and the id, which the reader gives.

use crate::date::Date;
use crate::model::{Evidence, Level, Shift};
use crate::profile::{Answered, Claim, Practical, Profile};
use crate::taxonomy::Taxonomy;

/// The first byte of every code.
pub const VERSION: u8 = 1;

/// Why a code cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not a code of ours, or cut short.
    Broken,
    /// Made against another version of the taxonomy: ask for a new link.
    OtherTaxonomy,
}

const CERTIFICATES: u8 = 1;
const WORK_PROCESSES: u8 = 2;
const HOURS: u8 = 4;
const SHIFTS: u8 = 8;
const TRAVEL: u8 = 16;
const START: u8 = 32;
/// Made-up demo data stays marked as made up.
const SYNTHETIC: u8 = 64;

/// FNV-1a over every item's kind and id in taxonomy order: positions mean the same items only
/// where this is equal.
pub fn fingerprint(taxonomy: &Taxonomy) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for item in &taxonomy.items {
        for &b in [item.kind as u8].iter().chain(item.id.as_bytes()).chain(&[0]) {
            hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    hash
}

fn put(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The profile's shareable parts as a code. Claims and "I don't know" answers on items this
/// taxonomy does not know are left out (validate profiles first).
pub fn encode(taxonomy: &Taxonomy, profile: &Profile) -> Vec<u8> {
    let p = &profile.practical;
    let mut out = vec![VERSION];
    out.extend_from_slice(&fingerprint(taxonomy).to_le_bytes());
    let flags = [
        (profile.answered.certificates, CERTIFICATES),
        (profile.answered.work_processes, WORK_PROCESSES),
        (p.max_hours_per_week.is_some(), HOURS),
        (p.shifts.is_some(), SHIFTS),
        (p.max_travel_km.is_some(), TRAVEL),
        (p.available_from.is_some(), START),
        (profile.synthetic, SYNTHETIC),
    ]
    .iter()
    .filter(|(set, _)| *set)
    .fold(0, |flags, (_, bit)| flags | bit);
    out.push(flags);
    if let Some(h) = p.max_hours_per_week {
        out.push(h);
    }
    if let Some(shifts) = &p.shifts {
        out.push(Shift::ALL.iter().enumerate().filter(|(_, s)| shifts.contains(s)).map(|(i, _)| 1 << i).sum());
    }
    if let Some(km) = p.max_travel_km {
        put(&mut out, u64::from(km));
    }
    if let Some(day) = p.available_from {
        // Zigzag, so days before 1970 stay short too.
        let d = day.day_number();
        put(&mut out, ((d << 1) ^ (d >> 63)) as u64);
    }
    let claims: Vec<(u32, &Claim)> =
        profile.claims.iter().filter_map(|c| Some((taxonomy.index_of(&c.item)?, c))).collect();
    put(&mut out, claims.len() as u64);
    for (item, claim) in claims {
        put(&mut out, u64::from(item));
        out.push((claim.level.get() - 1) | (claim.evidence as u8) << 2);
    }
    let unsure: Vec<u32> = profile.answered.unsure.iter().filter_map(|i| taxonomy.index_of(i)).collect();
    put(&mut out, unsure.len() as u64);
    for item in unsure {
        put(&mut out, u64::from(item));
    }
    out
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, LinkError> {
        let (&b, rest) = self.0.split_first().ok_or(LinkError::Broken)?;
        self.0 = rest;
        Ok(b)
    }

    fn number(&mut self) -> Result<u64, LinkError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(LinkError::Broken)
    }

    fn item(&mut self, taxonomy: &Taxonomy) -> Result<crate::model::ItemRef, LinkError> {
        let i = u32::try_from(self.number()?).map_err(|_| LinkError::Broken)?;
        if i as usize >= taxonomy.items.len() {
            return Err(LinkError::Broken);
        }
        Ok(taxonomy.item_ref(i))
    }

    /// A count that cannot be more than the bytes left (each entry takes at least one).
    fn count(&mut self) -> Result<usize, LinkError> {
        let n = self.number()?;
        usize::try_from(n).ok().filter(|&n| n <= self.0.len()).ok_or(LinkError::Broken)
    }
}

/// Reads a code back into a profile with the id `id`.
pub fn decode(taxonomy: &Taxonomy, code: &[u8], id: &str) -> Result<Profile, LinkError> {
    let mut r = Reader(code);
    if r.byte()? != VERSION {
        return Err(LinkError::Broken);
    }
    let print = [r.byte()?, r.byte()?, r.byte()?, r.byte()?];
    if u32::from_le_bytes(print) != fingerprint(taxonomy) {
        return Err(LinkError::OtherTaxonomy);
    }
    let flags = r.byte()?;
    if flags & !(CERTIFICATES | WORK_PROCESSES | HOURS | SHIFTS | TRAVEL | START | SYNTHETIC) != 0 {
        return Err(LinkError::Broken);
    }
    let mut practical = Practical::default();
    if flags & HOURS != 0 {
        practical.max_hours_per_week = Some(r.byte()?);
    }
    if flags & SHIFTS != 0 {
        let bits = r.byte()?;
        practical.shifts =
            Some(Shift::ALL.iter().enumerate().filter(|(i, _)| bits >> i & 1 != 0).map(|(_, &s)| s).collect());
    }
    if flags & TRAVEL != 0 {
        practical.max_travel_km = Some(u16::try_from(r.number()?).map_err(|_| LinkError::Broken)?);
    }
    if flags & START != 0 {
        let z = r.number()?;
        let day = (z >> 1) as i64 ^ -((z & 1) as i64);
        // Days far outside the calendar the app uses are not a date anyone shared.
        if day.unsigned_abs() > 3_000_000 {
            return Err(LinkError::Broken);
        }
        practical.available_from = Some(Date::from_day_number(day));
    }
    let mut profile = Profile::new(id);
    for _ in 0..r.count()? {
        let item = r.item(taxonomy)?;
        let b = r.byte()?;
        let level = Level::new((b & 3) + 1).ok_or(LinkError::Broken)?;
        let evidence = *Evidence::ALL.get(usize::from(b >> 2)).ok_or(LinkError::Broken)?;
        profile.claims.push(Claim { item, level, evidence });
    }
    let mut unsure = Vec::new();
    for _ in 0..r.count()? {
        unsure.push(r.item(taxonomy)?);
    }
    if !r.0.is_empty() {
        return Err(LinkError::Broken);
    }
    profile.answered =
        Answered { certificates: flags & CERTIFICATES != 0, work_processes: flags & WORK_PROCESSES != 0, unsure };
    profile.practical = practical;
    profile.synthetic = flags & SYNTHETIC != 0;
    Ok(profile)
}
