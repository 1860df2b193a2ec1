//! The taxonomy in a positional form for the web app: the same [`TaxonomyData`], written as JSON
//! arrays without field names and read back by a small hand-written reader. The app reads the
//! taxonomy once; serde's derive code for a dozen struct types cost it ~30 kB of code, this reader a
//! tenth of that. The stored format in `data/taxonomy` (and [`crate::Taxonomy::from_json`]) stays.
//!
//! Layout, each record an array in field order (a [`Text`] is two strings, nl then en; a
//! [`Labels`] two arrays; a map a flat array of key, value, key, value):
//! `[sectors, skills, soft_skills, certificates, qualifications, towns]` with
//! sector `[id, icon, label]`, skill `[id, sector, labels, syn, related, esco or null]`,
//! soft skill `[id, icon, group, label, [questions], [levels]]`,
//! certificate `[id, label, syn, sector, hours, note, valid_years, min_age, by_law, law, exam,
//! read_aloud, [sources], implies]` (an unknown number or yes/no is `null`, yes/no is 1/0),
//! qualification `[id, name, level, sector, crebo, cohort, "dossier" or "ours", [sources], [core tasks]]`,
//! core task `[code, title, [work processes]]`, work process `[id, code, title, implies]` followed
//! by `1` when it is official and then by its plain line (two strings) when it has one,
//! town `[name, province, lat, lon]`.

use crate::model::Text;
use crate::taxonomy::{
    Certificate, CoreTask, Labels, Qualification, Sector, Skill, SoftSkill, Source, TaxonomyData, Town, WorkProcess,
};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Writes `data` in the positional form.
pub fn to_packed(data: &TaxonomyData) -> String {
    let mut w = Writer(String::new());
    w.list(&data.sectors, |w, s| {
        w.str(&s.id);
        w.str(&s.icon);
        w.text(&s.label);
    });
    w.list(&data.skills, |w, s| {
        w.str(&s.id);
        w.str(&s.sector);
        w.labels(&s.labels);
        w.labels(&s.syn);
        w.map(&s.related);
        match &s.esco {
            Some(esco) => w.str(esco),
            None => w.0.push_str("null,"),
        }
    });
    w.list(&data.soft_skills, |w, s| {
        w.str(&s.id);
        w.str(&s.icon);
        w.str(&s.group);
        w.text(&s.label);
        w.list(&s.questions, |w, t| w.text(t));
        w.list(&s.levels, |w, t| w.text(t));
    });
    w.list(&data.certificates, |w, c| {
        w.str(&c.id);
        w.text(&c.label);
        w.labels(&c.syn);
        w.str(&c.sector);
        w.num(c.hours);
        w.text(&c.note);
        w.opt(c.valid_years);
        w.opt(c.min_age);
        w.opt(c.by_law.map(u8::from));
        w.str(&c.law);
        w.str(&c.exam);
        w.opt(c.read_aloud.map(u8::from));
        w.values(&c.sources, |w, s| w.str(s));
        w.map(&c.implies);
    });
    w.list(&data.qualifications, |w, q| {
        w.str(&q.id);
        w.text(&q.name);
        w.num(q.level);
        w.str(&q.sector);
        w.str(&q.crebo);
        w.str(&q.cohort);
        w.str(match q.source {
            Source::Dossier => "dossier",
            Source::Ours => "ours",
        });
        w.values(&q.sources, |w, s| w.str(s));
        w.list(&q.core_tasks, |w, t| {
            w.str(&t.code);
            w.text(&t.title);
            w.list(&t.work_processes, |w, p| {
                w.str(&p.id);
                w.str(&p.code);
                w.text(&p.title);
                w.map(&p.implies);
                if p.official {
                    w.num(1);
                }
                if let Some(plain) = &p.plain {
                    w.text(plain);
                }
            });
        });
    });
    w.list(&data.towns, |w, t| {
        w.str(&t.name);
        w.str(&t.province);
        w.num(t.lat);
        w.num(t.lon);
    });
    let mut text = w.0;
    text.pop();
    format!("[{text}]")
}

/// Reads the positional form; `None` if it is not exactly that.
pub fn from_packed(text: &str) -> Option<TaxonomyData> {
    let mut r = Reader { bytes: text.as_bytes(), at: 0 };
    let data = r.record(|r| {
        Some(TaxonomyData {
            sectors: r.list(|r| Some(Sector { id: r.str()?, icon: r.str()?, label: r.text()? }))?,
            skills: r.list(|r| {
                Some(Skill {
                    id: r.str()?,
                    sector: r.str()?,
                    labels: r.labels()?,
                    syn: r.labels()?,
                    related: r.map(Reader::num)?,
                    esco: if r.null() { None } else { Some(r.str()?) },
                })
            })?,
            soft_skills: r.list(|r| {
                Some(SoftSkill {
                    id: r.str()?,
                    icon: r.str()?,
                    group: r.str()?,
                    label: r.text()?,
                    questions: r.list(Reader::text)?,
                    levels: r.list(Reader::text)?,
                })
            })?,
            certificates: r.list(|r| {
                Some(Certificate {
                    id: r.str()?,
                    label: r.text()?,
                    syn: r.labels()?,
                    sector: r.str()?,
                    hours: r.int()?,
                    note: r.text()?,
                    valid_years: r.opt()?,
                    min_age: r.opt()?,
                    by_law: r.opt_bool()?,
                    law: r.str()?,
                    exam: r.str()?,
                    read_aloud: r.opt_bool()?,
                    sources: r.values(Reader::str)?,
                    implies: r.map(Reader::int)?,
                })
            })?,
            qualifications: r.list(|r| {
                Some(Qualification {
                    id: r.str()?,
                    name: r.text()?,
                    level: r.int()?,
                    sector: r.str()?,
                    crebo: r.str()?,
                    cohort: r.str()?,
                    source: match r.str()?.as_str() {
                        "dossier" => Source::Dossier,
                        "ours" => Source::Ours,
                        _ => return None,
                    },
                    sources: r.values(Reader::str)?,
                    core_tasks: r.list(|r| {
                        Some(CoreTask {
                            code: r.str()?,
                            title: r.text()?,
                            work_processes: r.list(|r| {
                                Some(WorkProcess {
                                    id: r.str()?,
                                    code: r.str()?,
                                    title: r.text()?,
                                    implies: r.map(Reader::int)?,
                                    official: match r.peek()? {
                                        b'0'..=b'9' => r.int::<u8>()? == 1,
                                        _ => false,
                                    },
                                    plain: match r.peek()? {
                                        b'"' => Some(r.text()?),
                                        _ => None,
                                    },
                                })
                            })?,
                        })
                    })?,
                })
            })?,
            towns: r.list(|r| Some(Town { name: r.str()?, province: r.str()?, lat: r.num()?, lon: r.num()? }))?,
        })
    })?;
    (r.peek().is_none()).then_some(data)
}

/// Appends values, each followed by a comma (the one before a `]` is taken off again).
struct Writer(String);

impl Writer {
    fn str(&mut self, s: &str) {
        self.0.push('"');
        for c in s.chars() {
            match c {
                '"' | '\\' => {
                    self.0.push('\\');
                    self.0.push(c);
                }
                c if u32::from(c) < 0x20 => {
                    let _ = write!(self.0, "\\u{:04x}", u32::from(c));
                }
                c => self.0.push(c),
            }
        }
        self.0.push_str("\",");
    }

    /// A number as Rust's `Display` writes it: the shortest digits that read back to the same
    /// value, never an exponent.
    fn num(&mut self, n: impl std::fmt::Display) {
        let _ = write!(self.0, "{n},");
    }

    /// A number, or `null`.
    fn opt(&mut self, n: Option<u8>) {
        match n {
            Some(n) => self.num(n),
            None => self.0.push_str("null,"),
        }
    }

    fn text(&mut self, t: &Text) {
        self.str(&t.nl);
        self.str(&t.en);
    }

    fn labels(&mut self, l: &Labels) {
        self.values(&l.nl, |w, s| w.str(s));
        self.values(&l.en, |w, s| w.str(s));
    }

    fn map<V: std::fmt::Display>(&mut self, map: &BTreeMap<String, V>) {
        self.0.push('[');
        for (key, value) in map {
            self.str(key);
            self.num(value);
        }
        self.close();
    }

    /// An array of values.
    fn values<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.0.push('[');
        for item in items {
            each(self, item);
        }
        self.close();
    }

    /// An array of records.
    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.values(items, |w, item| {
            w.0.push('[');
            each(w, item);
            w.close();
        });
    }

    fn close(&mut self) {
        if self.0.ends_with(',') {
            self.0.pop();
        }
        self.0.push_str("],");
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    /// The next byte that is not white space or a comma (commas only separate).
    fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.at) {
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b',') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    /// `[`, what `body` reads, `]`.
    fn record<T>(&mut self, body: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if !self.eat(b'[') {
            return None;
        }
        let value = body(self)?;
        self.eat(b']').then_some(value)
    }

    /// An array of values, each read by `item`.
    fn values<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.record(|r| {
            let mut all = Vec::new();
            while r.peek()? != b']' {
                all.push(item(r)?);
            }
            Some(all)
        })
    }

    /// An array of records.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.values(|r| r.record(&mut item))
    }

    fn map<V>(&mut self, mut value: impl FnMut(&mut Self) -> Option<V>) -> Option<BTreeMap<String, V>> {
        self.record(|r| {
            let mut map = BTreeMap::new();
            while r.peek()? != b']' {
                map.insert(r.str()?, value(r)?);
            }
            Some(map)
        })
    }

    fn null(&mut self) -> bool {
        let found = self.peek() == Some(b'n') && self.bytes[self.at..].starts_with(b"null");
        self.at += if found { 4 } else { 0 };
        found
    }

    /// A small number or `null`; `None` if neither.
    fn opt(&mut self) -> Option<Option<u8>> {
        if self.null() {
            Some(None)
        } else {
            self.int().map(Some)
        }
    }

    /// 1, 0 or `null`.
    fn opt_bool(&mut self) -> Option<Option<bool>> {
        match self.opt()? {
            None => Some(None),
            Some(0) => Some(Some(false)),
            Some(1) => Some(Some(true)),
            Some(_) => None,
        }
    }

    fn text(&mut self) -> Option<Text> {
        Some(Text { nl: self.str()?, en: self.str()? })
    }

    fn labels(&mut self) -> Option<Labels> {
        Some(Labels { nl: self.values(Reader::str)?, en: self.values(Reader::str)? })
    }

    /// A JSON string: escapes `\"`, `\\`, `\/`, `\n`, `\r`, `\t` and `\uXXXX` outside surrogates.
    fn str(&mut self) -> Option<String> {
        if !self.eat(b'"') {
            return None;
        }
        let mut out = Vec::new();
        loop {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            match b {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = *self.bytes.get(self.at)?;
                    self.at += 1;
                    let c = match e {
                        b'"' | b'\\' | b'/' => char::from(e),
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hex = std::str::from_utf8(self.bytes.get(self.at..self.at + 4)?).ok()?;
                            self.at += 4;
                            char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
                        }
                        _ => return None,
                    };
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                b => out.push(b),
            }
        }
    }

    /// Digits, an optional fraction: the mantissa as an integer and the number of fraction digits.
    fn digits(&mut self) -> Option<(bool, u64, u32)> {
        let negative = self.eat(b'-');
        let (mut mantissa, mut scale, mut fraction, mut any) = (0u64, 0u32, false, false);
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                    scale += u32::from(fraction);
                    any = true;
                }
                b'.' if !fraction => fraction = true,
                _ => break,
            }
            self.at += 1;
        }
        any.then_some((negative, mantissa, scale))
    }

    fn int<T: TryFrom<u64>>(&mut self) -> Option<T> {
        match self.digits()? {
            (false, n, 0) => T::try_from(n).ok(),
            _ => None,
        }
    }

    /// A decimal number, exactly as a correctly rounding parser reads it: the mantissa and 10^scale
    /// are both exact in an f64 (below 2^53 and 10^22), so one division rounds once.
    fn num(&mut self) -> Option<f64> {
        let (negative, mantissa, scale) = self.digits()?;
        if mantissa >= 1 << 53 || scale > 22 {
            return None;
        }
        let power = (0..scale).fold(1.0, |p, _| p * 10.0);
        let value = mantissa as f64 / power;
        Some(if negative { -value } else { value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_taxonomy_reads_back_exactly() {
        let json = vaardig_taxonomy::compact_json();
        let data: TaxonomyData = serde_json::from_str(&json).expect("the embedded taxonomy");
        let packed = to_packed(&data);
        assert_eq!(from_packed(&packed), Some(data));
        // It is JSON too, and smaller than the stored form.
        assert!(serde_json::from_str::<serde_json::Value>(&packed).is_ok());
        assert!(packed.len() < json.len());
    }

    #[test]
    fn strings_and_numbers_survive() {
        let mut data = TaxonomyData::default();
        data.towns.push(Town { name: "a\"b\\c\nd\u{1}é/".into(), province: String::new(), lat: 51.5555, lon: -0.1 });
        let packed = to_packed(&data);
        assert_eq!(from_packed(&packed), Some(data));
        assert_eq!(
            from_packed(r#"[[],[],[],[],[],[["\u00e9\/","p",1,2.5]]]"#).map(|d| d.towns[0].name.clone()),
            Some("é/".into())
        );
    }

    #[test]
    fn work_processes_keep_official_and_plain() {
        let text = |nl: &str, en: &str| Text { nl: nl.into(), en: en.into() };
        let process = |n: &str, official: bool, plain: Option<Text>| WorkProcess {
            id: format!("wp.q.b1_k1_{n}"),
            code: format!("B1-K1-{}", n.to_uppercase()),
            title: text("Titel", "Title"),
            implies: BTreeMap::from([("a.b".to_string(), 2), ("a.c".to_string(), 1)]),
            official,
            plain,
        };
        let mut data = TaxonomyData::default();
        data.qualifications.push(Qualification {
            id: "q.q".into(),
            name: text("Naam", "Name"),
            level: 2,
            sector: "alg".into(),
            crebo: "12345".into(),
            cohort: "2025".into(),
            source: Source::Dossier,
            sources: vec!["Q4".into()],
            core_tasks: vec![CoreTask {
                code: "B1-K1".into(),
                title: text("Kerntaak", "Core task"),
                work_processes: vec![
                    process("w1", true, Some(text("Je doet \"dit\".", "You do this."))),
                    process("w2", true, None),
                    process("w3", false, Some(text("Je doet dat.", "You do that."))),
                    process("w4", false, None),
                ],
            }],
        });
        let packed = to_packed(&data);
        assert_eq!(from_packed(&packed), Some(data));
        // The layout the app reads: official as a trailing 1, then the plain line's two strings.
        assert!(packed.contains(r#"["a.b",2,"a.c",1],1,"Je doet \"dit\".","You do this."]"#), "{packed}");
        assert!(packed.contains(r#"["a.b",2,"a.c",1],"Je doet dat.","You do that."]"#), "{packed}");
        // Half a plain line is refused.
        let half = packed.replace(r#","You do that.""#, "");
        assert_eq!(from_packed(&half), None);
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in
            ["", "[]", "[[],[],[],[],[],[]] x", "[[],[],[],[],[],[[\"t\",\"p\",1e3,2]]]", "[[[\"a\"]],[],[],[],[],[]]"]
        {
            assert_eq!(from_packed(bad), None, "{bad}");
        }
    }
}
