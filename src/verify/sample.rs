//! What `verify` gathers from a sample while it is scanned: per field, identifier matches
//! against the digest, shapes and checksums, formats and ids; per record, whether a strong
//! identifier matched, cross-field consistency and a fingerprint for duplicates; overall,
//! e-mail domains, password hash schemes, dates, and containment in known sketches.

use super::collect::NameDobPairs;
use super::ident::Kind;
use super::key::Key;
use super::plan;
use super::sets::KeyedSets;
use super::signals::{self, DomainKind, FieldRole, Shape};
use crate::scan::{ChunkTap, Tap};
use crate::types::{PiiType, Region};
use siphasher::sip::SipHasher13;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hasher;
use std::sync::Arc;

/// Distinct formats kept per field (the rest are counted together).
const MAX_FORMATS: usize = 256;
/// Ids kept per field for the gap and order figures.
const MAX_IDS: usize = 5_000_000;
/// Card BINs and name+DOB pairs kept to work out weak keys' null rates.
const MAX_WEAK_SAMPLES: usize = 5_000;

/// What the sample is checked against.
pub struct Against {
    /// The digest of one's own customers, and its key.
    pub digest: Option<(KeyedSets, Key)>,
    /// Known dumps' sketches: name, sketch, and the index of its key in `sketch_keys`.
    pub known: Vec<(String, KeyedSets, usize)>,
    /// The keys of the known sketches, each once.
    pub sketch_keys: Vec<Key>,
}

/// Matches of one kind: identifiers checked, and how many the digest holds.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tally {
    /// Values checked.
    pub checked: u64,
    /// Values that passed (matched, validated, agreed).
    pub passed: u64,
}

impl Tally {
    fn add(&mut self, passed: bool) {
        self.checked += 1;
        self.passed += u64::from(passed);
    }

    fn merge(&mut self, o: &Tally) {
        self.checked += o.checked;
        self.passed += o.passed;
    }
}

/// A date as (year, month, day).
pub type Date = (u16, u8, u8);

/// What one field of the sample showed.
#[derive(Clone, Debug, Default)]
pub struct FieldAcc {
    /// The input.
    pub path: String,
    /// The field's name.
    pub name: Option<String>,
    /// Records with a value in it.
    pub records: u64,
    last_record: u64,
    /// Values in it.
    pub values: u64,
    /// Findings per type.
    pub found: [u64; PiiType::COUNT],
    /// Matches against the digest per kind.
    pub matched: [Tally; Kind::COUNT],
    /// Shapes and checksum passes per shape.
    pub checksum: [Tally; 4],
    /// Phone-shaped values per written shape, and those in an allocated range of their plan.
    pub plan: Vec<(plan::Shape, Tally)>,
    /// Values per format class (at most [`MAX_FORMATS`]; `other` beyond).
    pub formats: HashMap<String, u64>,
    /// Values per length in characters.
    pub lengths: HashMap<usize, u64>,
    /// Numeric ids in record order (id fields only).
    pub ids: Vec<u64>,
    /// Values of an id field that were not numeric.
    pub non_numeric_ids: u64,
    /// Dates (event-date fields only): count, oldest, newest.
    pub dates: (u64, Option<Date>, Option<Date>),
    role: Option<FieldRole>,
}

impl FieldAcc {
    fn new(path: String, name: Option<String>) -> FieldAcc {
        let role = name.as_deref().and_then(signals::field_role);
        FieldAcc {
            path,
            name,
            role,
            ..FieldAcc::default()
        }
    }

    fn merge(&mut self, o: FieldAcc) {
        self.records += o.records;
        self.values += o.values;
        for (a, b) in self.found.iter_mut().zip(o.found) {
            *a += b;
        }
        for (a, b) in self.matched.iter_mut().zip(&o.matched) {
            a.merge(b);
        }
        for (a, b) in self.checksum.iter_mut().zip(&o.checksum) {
            a.merge(b);
        }
        for (shape, t) in &o.plan {
            add_plan(&mut self.plan, *shape, t);
        }
        for (k, v) in o.formats {
            add_format(&mut self.formats, k, v);
        }
        for (k, v) in o.lengths {
            *self.lengths.entry(k).or_default() += v;
        }
        let room = MAX_IDS.saturating_sub(self.ids.len());
        self.ids.extend(o.ids.into_iter().take(room));
        self.non_numeric_ids += o.non_numeric_ids;
        self.dates.0 += o.dates.0;
        self.dates.1 = min_opt(self.dates.1, o.dates.1);
        self.dates.2 = self.dates.2.max(o.dates.2);
    }

    /// The field's role by its name.
    pub fn role(&self) -> Option<FieldRole> {
        self.role
    }
}

fn min_opt<T: Ord>(a: Option<T>, b: Option<T>) -> Option<T> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn add_plan(plans: &mut Vec<(plan::Shape, Tally)>, shape: plan::Shape, t: &Tally) {
    match plans.iter_mut().find(|p| p.0 == shape) {
        Some(p) => p.1.merge(t),
        None => plans.push((shape, *t)),
    }
}

fn add_format(formats: &mut HashMap<String, u64>, class: String, n: u64) {
    if formats.len() < MAX_FORMATS || formats.contains_key(&class) {
        *formats.entry(class).or_default() += n;
    } else {
        *formats.entry("other".to_string()).or_default() += n;
    }
}

/// Phones' calling codes against the country another field of the record names: agreement,
/// and the marginals that give its chance rate.
#[derive(Clone, Debug, Default)]
pub struct RegionCheck {
    /// Phones whose calling code is the other field's country.
    pub agree: Tally,
    /// Phones per calling code, in records where the other field names a country.
    pub phone_codes: BTreeMap<String, u64>,
    /// Records per calling code of the other field's country, in records with a phone.
    pub other_codes: BTreeMap<String, u64>,
}

impl RegionCheck {
    /// Counts a record's phones against the calling code `other` of its country.
    fn add(&mut self, phones: &[String], other: &str) {
        if phones.is_empty() {
            return;
        }
        *self.other_codes.entry(other.to_string()).or_default() += 1;
        for cc in phones {
            self.agree.add(cc == other);
            *self.phone_codes.entry(cc.clone()).or_default() += 1;
        }
    }

    fn merge(&mut self, o: RegionCheck) {
        self.agree.merge(&o.agree);
        for (k, v) in o.phone_codes {
            *self.phone_codes.entry(k).or_default() += v;
        }
        for (k, v) in o.other_codes {
            *self.other_codes.entry(k).or_default() += v;
        }
    }

    /// The rate unrelated phones and countries agree at: the sum over calling codes of the
    /// product of their shares on either side.
    pub fn chance(&self) -> f64 {
        let phones: u64 = self.phone_codes.values().sum();
        let others: u64 = self.other_codes.values().sum();
        if phones == 0 || others == 0 {
            return 0.0;
        }
        self.phone_codes
            .iter()
            .map(|(cc, n)| {
                *n as f64 / phones as f64 * *self.other_codes.get(cc).unwrap_or(&0) as f64
                    / others as f64
            })
            .sum()
    }
}

/// Cross-field checks.
#[derive(Clone, Debug, Default)]
pub struct Cross {
    /// PAN 5th letter vs surname initial (individuals).
    pub pan_surname: Tally,
    /// NRIC digits vs birth year (citizens born 1968 or later).
    pub nric_birth: Tally,
    /// Phone calling code vs the record's country field.
    pub phone_country: RegionCheck,
    /// Phone calling code vs the country of the record's postal address.
    pub phone_address: RegionCheck,
}

impl Cross {
    fn merge(&mut self, o: Cross) {
        self.pan_surname.merge(&o.pan_surname);
        self.nric_birth.merge(&o.nric_birth);
        self.phone_country.merge(o.phone_country);
        self.phone_address.merge(o.phone_address);
    }
}

/// Everything gathered from the sample.
#[derive(Default)]
pub struct Gathered {
    /// Inputs, as reported.
    pub inputs: Vec<String>,
    /// Records.
    pub records: u64,
    /// Records with at least one strong identifier in the digest.
    pub records_matched: u64,
    /// Records with at least one strong identifier.
    pub records_with_strong: u64,
    /// Per field, in input order, then first appearance.
    pub fields: Vec<FieldAcc>,
    /// Name+date-of-birth matches (record level).
    pub name_dob: Tally,
    /// Cross-field consistency.
    pub cross: Cross,
    /// E-mail addresses per domain.
    pub domains: HashMap<String, u64>,
    /// Password hashes per scheme.
    pub hash_schemes: BTreeMap<String, u64>,
    /// Dates of events per month (`YYYY-MM`).
    pub by_month: BTreeMap<String, u64>,
    /// Per record with values, its fingerprint (for duplicates).
    pub record_prints: Vec<u64>,
    /// Per known sketch, per kind: identifiers checked and found.
    pub known: Vec<[Tally; Kind::COUNT]>,
    /// Card BINs seen (for the BIN+last-4 null rate), with counts.
    pub bins: HashMap<[u8; 6], u64>,
    /// Name and date-of-birth normal forms of records (for the name+DOB null rate).
    pub name_dobs: Vec<(Vec<u8>, Vec<u8>)>,
}

/// The verify consumer of the scan.
pub struct SampleTap {
    against: Arc<Against>,
    region: Region,
    /// What was gathered so far.
    pub gathered: Gathered,
    index: HashMap<(String, Option<String>), usize>,
}

impl SampleTap {
    /// A consumer checking against `against`, reading numbers written without a country code
    /// as `region`'s.
    pub fn new(against: Arc<Against>, region: Region) -> SampleTap {
        let known = vec![[Tally::default(); Kind::COUNT]; against.known.len()];
        SampleTap {
            against,
            region,
            gathered: Gathered {
                known,
                ..Gathered::default()
            },
            index: HashMap::new(),
        }
    }

    /// The checks' inputs: digest, known sketches, keys.
    pub fn against(&self) -> &Against {
        &self.against
    }
}

/// One record's identifiers and the values the cross-field checks need.
#[derive(Default)]
struct RecordState {
    strong: bool,
    strong_matched: bool,
    values: u32,
    print: Option<SipHasher13>,
    pans: Vec<[u8; 10]>,
    nrics: Vec<[u8; 9]>,
    phone_codes: Vec<String>,
    surname_initial: Option<u8>,
    birth_year: Option<u16>,
    country: Option<&'static str>,
    address_country: Option<&'static str>,
    pairs: NameDobPairs,
}

struct SampleChunk {
    against: Arc<Against>,
    region: Region,
    /// The keyed hash of the identifier being checked under each known sketch's key.
    key_hashes: Vec<u64>,
    nsn: [u8; 10],
    fields: Vec<FieldAcc>,
    g: Gathered,
    rec: RecordState,
    buf: Vec<u8>,
    class: String,
}

impl Tap for SampleTap {
    fn chunk(&self) -> Box<dyn ChunkTap> {
        Box::new(SampleChunk {
            against: self.against.clone(),
            region: self.region,
            key_hashes: Vec::with_capacity(self.against.sketch_keys.len()),
            nsn: [0; 10],
            fields: Vec::new(),
            g: Gathered {
                known: vec![[Tally::default(); Kind::COUNT]; self.against.known.len()],
                ..Gathered::default()
            },
            rec: RecordState::default(),
            buf: Vec::new(),
            class: String::new(),
        })
    }

    fn absorb(&mut self, path: &str, _records_before: u64, chunk: Box<dyn ChunkTap>) {
        let c = *chunk
            .into_any()
            .downcast::<SampleChunk>()
            .expect("a sample tap's chunks are its own");
        let g = &mut self.gathered;
        if g.inputs.last().map(String::as_str) != Some(path) {
            g.inputs.push(path.to_string());
        }
        for mut f in c.fields {
            f.path = path.to_string();
            match self.index.get(&(f.path.clone(), f.name.clone())) {
                Some(&i) => g.fields[i].merge(f),
                None => {
                    self.index
                        .insert((f.path.clone(), f.name.clone()), g.fields.len());
                    g.fields.push(f);
                }
            }
        }
        let o = c.g;
        g.records += o.records;
        g.records_matched += o.records_matched;
        g.records_with_strong += o.records_with_strong;
        g.name_dob.merge(&o.name_dob);
        g.cross.merge(o.cross);
        for (k, v) in o.domains {
            *g.domains.entry(k).or_default() += v;
        }
        for (k, v) in o.hash_schemes {
            *g.hash_schemes.entry(k).or_default() += v;
        }
        for (k, v) in o.by_month {
            *g.by_month.entry(k).or_default() += v;
        }
        g.record_prints.extend(o.record_prints);
        for (mine, theirs) in g.known.iter_mut().zip(&o.known) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                a.merge(b);
            }
        }
        for (k, v) in o.bins {
            if g.bins.len() < MAX_WEAK_SAMPLES || g.bins.contains_key(&k) {
                *g.bins.entry(k).or_default() += v;
            }
        }
        let room = MAX_WEAK_SAMPLES.saturating_sub(g.name_dobs.len());
        g.name_dobs.extend(o.name_dobs.into_iter().take(room));
    }
}

impl SampleChunk {
    /// The field's index; a chunk holds few fields, so a scan of their names beats hashing
    /// (and allocating) a key per value.
    fn field(&mut self, name: Option<&str>) -> usize {
        if let Some(i) = self.fields.iter().position(|f| f.name.as_deref() == name) {
            return i;
        }
        self.fields
            .push(FieldAcc::new(String::new(), name.map(str::to_string)));
        self.fields.len() - 1
    }

    /// Checks an identifier against the digest and the known sketches.
    fn check(&mut self, kind: Kind, field: usize) {
        let against = &*self.against;
        if let Some((digest, key)) = &against.digest {
            if digest.has(kind) || kind.is_weak() {
                let hit = digest.contains(kind, key.hash(kind, &self.buf));
                if kind == Kind::NameDob {
                    self.g.name_dob.add(hit);
                } else {
                    self.fields[field].matched[kind.index()].add(hit);
                }
                if !kind.is_weak() {
                    self.rec.strong_matched |= hit;
                }
            }
        }
        if !against.known.is_empty() {
            self.key_hashes.clear();
            let buf = &self.buf;
            self.key_hashes
                .extend(against.sketch_keys.iter().map(|k| k.hash(kind, buf)));
            for (tally, (_, sketch, key)) in self.g.known.iter_mut().zip(&against.known) {
                tally[kind.index()].add(sketch.contains(kind, self.key_hashes[*key]));
            }
        }
        if !kind.is_weak() {
            self.rec.strong = true;
        }
    }
}

impl ChunkTap for SampleChunk {
    fn value(&mut self, field: Option<&str>, record: u64, raw: &[u8]) {
        let i = self.field(field);
        let f = &mut self.fields[i];
        if f.last_record != record {
            f.last_record = record;
            f.records += 1;
        }
        f.values += 1;
        signals::shapes(raw, |shape, ok| f.checksum[shape.index()].add(ok));
        if let Some((shape, n)) = plan::read(raw, self.region, &mut self.nsn) {
            let mut t = Tally::default();
            t.add(plan::in_plan(shape, &self.nsn[..n]));
            add_plan(&mut f.plan, shape, &t);
        }
        let length = signals::format_class(raw, &mut self.class);
        *f.lengths.entry(length).or_default() += 1;
        if let Some(n) = f.formats.get_mut(self.class.as_str()) {
            *n += 1;
        } else {
            add_format(&mut f.formats, self.class.clone(), 1);
        }
        let rec = &mut self.rec;
        rec.values += 1;
        let print = rec
            .print
            .get_or_insert_with(|| SipHasher13::new_with_keys(1, 2));
        print.write(field.unwrap_or("").as_bytes());
        print.write_u8(0);
        print.write(raw);
        print.write_u8(0);
        match f.role {
            // A surname field wins over a full name's last word.
            Some(role @ (FieldRole::Surname | FieldRole::FullName))
                if role == FieldRole::Surname || rec.surname_initial.is_none() =>
            {
                rec.surname_initial = signals::surname_initial(raw, role);
            }
            Some(FieldRole::Birth) => {
                rec.birth_year = signals::parse_date(raw).map(|d| d.0).or(rec.birth_year);
            }
            Some(FieldRole::Country) => rec.country = signals::country_calling_code(raw),
            Some(FieldRole::Address) => {
                rec.address_country = signals::address_calling_code(raw).or(rec.address_country);
            }
            Some(FieldRole::Id) => match signals::parse_id(raw) {
                Some(id) if f.ids.len() < MAX_IDS => f.ids.push(id),
                Some(_) => {}
                None => f.non_numeric_ids += 1,
            },
            Some(FieldRole::EventDate) => {
                if let Some(d) = signals::parse_date(raw) {
                    f.dates.0 += 1;
                    f.dates.1 = min_opt(f.dates.1, Some(d));
                    f.dates.2 = f.dates.2.max(Some(d));
                    *self
                        .g
                        .by_month
                        .entry(format!("{:04}-{:02}", d.0, d.1))
                        .or_default() += 1;
                }
            }
            _ => {}
        }
    }

    fn hit(&mut self, field: Option<&str>, _record: u64, ty: PiiType, raw: &[u8], normal: &[u8]) {
        let i = self.field(field);
        self.fields[i].found[ty.index()] += 1;
        self.rec.pairs.note(ty, normal);
        match ty {
            PiiType::PanIn => {
                if let Ok(p) = normal.try_into() {
                    self.rec.pans.push(p);
                }
            }
            PiiType::SgNric => {
                if let Ok(p) = normal.try_into() {
                    self.rec.nrics.push(p);
                }
            }
            PiiType::Phone => {
                if let Some(cc) = signals::phone_calling_code(normal) {
                    self.rec.phone_codes.push(cc);
                }
            }
            PiiType::Email => {
                if let Some(at) = normal.iter().rposition(|&b| b == b'@') {
                    let domain = String::from_utf8_lossy(&normal[at + 1..]).into_owned();
                    *self.g.domains.entry(domain).or_default() += 1;
                }
            }
            PiiType::PasswordHash => {
                *self
                    .g
                    .hash_schemes
                    .entry(signals::hash_scheme(raw))
                    .or_default() += 1;
            }
            PiiType::PersonName if self.rec.surname_initial.is_none() => {
                self.rec.surname_initial = signals::surname_initial(normal, FieldRole::FullName);
            }
            PiiType::PostalAddress if self.rec.address_country.is_none() => {
                self.rec.address_country = signals::address_calling_code(raw);
            }
            PiiType::DateOfBirth if self.rec.birth_year.is_none() => {
                self.rec.birth_year = signals::parse_date(normal).map(|d| d.0);
            }
            _ => {}
        }
        if let Some(kind) = Kind::of_finding(ty, normal, &mut self.buf) {
            if kind == Kind::CardBinLast4 {
                if let Ok(bin) = self.buf[..6].try_into() {
                    *self.g.bins.entry(bin).or_default() += 1;
                }
            }
            self.check(kind, i);
        }
    }

    fn end_record(&mut self, _record: u64) {
        let mut rec = std::mem::take(&mut self.rec);
        let mut pairs = std::mem::take(&mut rec.pairs);
        let mut name_dobs = Vec::new();
        let mut buf = std::mem::take(&mut self.buf);
        pairs.finish(&mut buf, |_, name, dob| {
            name_dobs.push((name.to_vec(), dob.to_vec()))
        });
        for (name, dob) in name_dobs {
            super::ident::name_dob(&name, &dob, &mut buf);
            self.buf = std::mem::take(&mut buf);
            self.check(Kind::NameDob, 0);
            buf = std::mem::take(&mut self.buf);
            if self.g.name_dobs.len() < MAX_WEAK_SAMPLES {
                self.g.name_dobs.push((name, dob));
            }
        }
        self.buf = buf;
        let g = &mut self.g;
        g.records += 1;
        g.records_with_strong += u64::from(self.rec.strong || rec.strong);
        g.records_matched += u64::from(self.rec.strong_matched || rec.strong_matched);
        self.rec = RecordState::default();
        if let Some(print) = rec.print {
            g.record_prints.push(print.finish());
        }
        if let Some(initial) = rec.surname_initial {
            for pan in &rec.pans {
                if let Some(ok) = signals::pan_matches_surname(pan, initial) {
                    g.cross.pan_surname.add(ok);
                }
            }
        }
        if let Some(year) = rec.birth_year {
            for id in &rec.nrics {
                if let Some(ok) = signals::nric_matches_birth_year(id, year) {
                    g.cross.nric_birth.add(ok);
                }
            }
        }
        if let Some(country) = rec.country {
            g.cross.phone_country.add(&rec.phone_codes, country);
        }
        if let Some(country) = rec.address_country {
            g.cross.phone_address.add(&rec.phone_codes, country);
        }
    }

    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
        self
    }
}

/// The share of e-mail addresses per kind of domain.
pub fn domain_kinds(domains: &HashMap<String, u64>) -> [u64; 4] {
    let mut out = [0u64; 4];
    for (d, n) in domains {
        let i = match signals::domain_kind(d) {
            DomainKind::Ordinary => 0,
            DomainKind::Reserved => 1,
            DomainKind::Disposable => 2,
            DomainKind::Invalid => 3,
        };
        out[i] += n;
    }
    out
}

/// The chance that a card with one of the sample's BINs and a random last 4 is in the
/// digest: per BIN (the most frequent [`MAX_BINS`]), all 10,000 last-4 values are tried,
/// and the rates are weighted by how often the sample shows each BIN.
pub fn bin_null_rate(bins: &HashMap<[u8; 6], u64>, digest: &KeyedSets, key: &Key) -> f64 {
    let mut by_count: Vec<(&[u8; 6], &u64)> = bins.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut weighted = 0.0;
    let mut weight = 0.0;
    let mut id = Vec::with_capacity(11);
    for (bin, &n) in by_count.into_iter().take(MAX_BINS) {
        let mut hits = 0u32;
        for last in 0..10_000u32 {
            id.clear();
            id.extend_from_slice(bin);
            id.push(b'*');
            id.extend_from_slice(format!("{last:04}").as_bytes());
            hits +=
                u32::from(digest.contains(Kind::CardBinLast4, key.hash(Kind::CardBinLast4, &id)));
        }
        weighted += n as f64 * f64::from(hits) / 10_000.0;
        weight += n as f64;
    }
    let fpr = digest.null_rate(Kind::CardBinLast4);
    if weight == 0.0 {
        fpr
    } else {
        (weighted / weight).max(fpr)
    }
}

/// BINs whose null rate is measured.
pub const MAX_BINS: usize = 64;

/// The chance that a name from the sample with a date of birth from another of its records
/// is in the digest: the sample's names and dates re-paired (each name with the date half the
/// list away), so the rate keeps the sample's mix of common names and birthdays.
pub fn name_dob_null_rate(pairs: &[(Vec<u8>, Vec<u8>)], digest: &KeyedSets, key: &Key) -> f64 {
    let fpr = digest.null_rate(Kind::NameDob);
    let n = pairs.len();
    if n < 2 {
        return fpr;
    }
    let mut hits = 0u64;
    let mut checked = 0u64;
    let mut id = Vec::new();
    for i in 0..n {
        let (name, _) = &pairs[i];
        let (_, dob) = &pairs[(i + n / 2) % n];
        if *dob == pairs[i].1 {
            continue;
        }
        super::ident::name_dob(name, dob, &mut id);
        checked += 1;
        hits += u64::from(digest.contains(Kind::NameDob, key.hash(Kind::NameDob, &id)));
    }
    if checked == 0 {
        fpr
    } else {
        (hits as f64 / checked as f64).max(fpr)
    }
}

/// Shapes of types a field's name or its findings support: a checksum rate is reported for
/// those only (a 12-digit phone with its country code is Aadhaar-shaped, but no Aadhaar).
pub fn reported_shapes(field: &FieldAcc, name_supports: impl Fn(PiiType) -> bool) -> Vec<Shape> {
    Shape::ALL
        .into_iter()
        .filter(|s| field.checksum[s.index()].checked > 0)
        .filter(|s| {
            let ty = s.ty();
            let card = *s == Shape::Card;
            field.found[ty.index()] > 0
                || name_supports(ty)
                || (card
                    && (field.found[PiiType::CardPartial.index()] > 0
                        || name_supports(PiiType::CardPartial)))
        })
        .collect()
}
