//! Detectors as data: the schema of the pattern files in `patterns/` and their loader.
//!
//! Each file describes one detector: its contract type, the field-name words and free-text
//! keywords that support the type, an optional validator, shape regexes, and examples and
//! negative examples that the test suite runs against the real engine. The built-in files
//! are compiled into the binary; `--patterns DIR` loads more of the same schema.

use crate::detect::validate;
use crate::types::PiiType;
use serde::Deserialize;
use siphasher::sip::SipHasher13;
use std::hash::Hasher;
use std::path::Path;

/// One example of a pattern file: a value to scan, and what it must (or must not) yield.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The text scanned: a field's value when `field` is given, else a line of free text.
    pub text: String,
    /// The name of the field the text is the value of.
    #[serde(default)]
    pub field: Option<String>,
    /// For a positive example, the exact span expected (default: the whole text).
    #[serde(default, rename = "match")]
    pub expect: Option<String>,
    /// Another field of the same record and its value, `[name, value]`, after `field`: the
    /// longitude of a latitude in `field` (or the other way round).
    #[serde(default)]
    pub pair: Option<(String, String)>,
}

/// One pattern file.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PatternFile {
    /// Unique detector id.
    pub id: String,
    /// The contract type it reports.
    #[serde(rename = "type")]
    pub type_name: String,
    /// What it detects, for people.
    #[serde(default)]
    pub description: String,
    /// A validator by name (see [`validate::by_name`]).
    #[serde(default)]
    pub validator: Option<String>,
    /// Lower-case field-name words that support the type.
    #[serde(default)]
    pub field_names: Vec<String>,
    /// Field-name words that cancel the support of `field_names` (a `password_hash`
    /// field holds no clear-text password, a `passport_expiry` field no passport number).
    #[serde(default)]
    pub exclude_field_words: Vec<String>,
    /// Field-name words that say a field holds another thing altogether (`company`,
    /// `employer`): they cancel support as `exclude_field_words` do, and the type is not
    /// read in free text there either.
    #[serde(default)]
    pub other_field_words: Vec<String>,
    /// `geo_location` only: field-name words of a field that holds a latitude alone (`lat`),
    /// paired with a longitude field of the same record ([`super::geo::Pairing`]).
    #[serde(default)]
    pub latitude_field_names: Vec<String>,
    /// `geo_location` only: field-name words of a field that holds a longitude alone (`lng`).
    #[serde(default)]
    pub longitude_field_names: Vec<String>,
    /// Free-text keywords that support the type shortly before a value.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Shape regexes: the specification the built-in detector is tested against, and the
    /// confirmation of added detectors.
    #[serde(default)]
    pub regexes: Vec<String>,
    /// Texts that must yield this type.
    #[serde(default)]
    pub examples: Vec<Example>,
    /// Texts that must not yield this type.
    #[serde(default)]
    pub negative_examples: Vec<Example>,
}

/// The shared context file (`patterns/context.toml`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextFile {
    /// Field-name words that deny weak shapes (ids, order numbers, timestamps, amounts...).
    #[serde(default)]
    pub deny_field_words: Vec<String>,
    /// Field-name words that name a part or form of what the path before them names
    /// (`number`, `value`, `last`): the only last segments the path lends its support to.
    #[serde(default)]
    pub part_field_words: Vec<String>,
}

/// A pattern file checked and tied to its type.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// The file as written.
    pub file: PatternFile,
    /// Its type.
    pub ty: PiiType,
    /// Where it came from (`builtin:aadhaar.toml` or a path), for error messages.
    pub origin: String,
    /// Its validator, resolved.
    pub validator: Option<fn(&[u8]) -> bool>,
    /// Its shape regexes, compiled for added patterns, which confirm with them (built-in
    /// ones are confirmed by hand-written code; their regexes are checked by the test suite,
    /// and compiling them at every start would cost ~20 ms).
    pub regexes: Vec<regex::bytes::Regex>,
    /// Whether it came with the binary (built-in types are confirmed by hand-written code;
    /// added ones by their regexes).
    pub builtin: bool,
}

/// Every loaded pattern plus the shared context.
#[derive(Clone, Debug, Default)]
pub struct PatternSet {
    /// Patterns, built-in first, in file-name order.
    pub patterns: Vec<Pattern>,
    /// The deny words of `context.toml` (and of added context files).
    pub deny_field_words: Vec<String>,
    /// The part words of `context.toml` (and of added context files).
    pub part_field_words: Vec<String>,
    /// Every file loaded, folded into one hash in load order (see [`PatternSet::fingerprint`]).
    digest: u64,
}

/// A pattern file that could not be loaded: names the file, the detector and the problem.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {detector}: {message}")]
pub struct PatternError {
    /// The file.
    pub origin: String,
    /// The detector id, or `-` before it is known.
    pub detector: String,
    /// What is wrong.
    pub message: String,
}

/// The built-in pattern files, compiled in.
const BUILTIN: &[(&str, &str)] = &[
    ("aadhaar.toml", include_str!("../../patterns/aadhaar.toml")),
    (
        "card_number.toml",
        include_str!("../../patterns/card_number.toml"),
    ),
    (
        "card_partial.toml",
        include_str!("../../patterns/card_partial.toml"),
    ),
    (
        "date_of_birth.toml",
        include_str!("../../patterns/date_of_birth.toml"),
    ),
    ("email.toml", include_str!("../../patterns/email.toml")),
    (
        "geo_location.toml",
        include_str!("../../patterns/geo_location.toml"),
    ),
    (
        "ip_address.toml",
        include_str!("../../patterns/ip_address.toml"),
    ),
    ("pan_in.toml", include_str!("../../patterns/pan_in.toml")),
    (
        "passport.toml",
        include_str!("../../patterns/passport.toml"),
    ),
    (
        "password_hash.toml",
        include_str!("../../patterns/password_hash.toml"),
    ),
    (
        "password_plain.toml",
        include_str!("../../patterns/password_plain.toml"),
    ),
    (
        "person_name.toml",
        include_str!("../../patterns/person_name.toml"),
    ),
    ("phone.toml", include_str!("../../patterns/phone.toml")),
    (
        "postal_address.toml",
        include_str!("../../patterns/postal_address.toml"),
    ),
    ("sg_nric.toml", include_str!("../../patterns/sg_nric.toml")),
    ("upi_id.toml", include_str!("../../patterns/upi_id.toml")),
    ("us_ssn.toml", include_str!("../../patterns/us_ssn.toml")),
];

const BUILTIN_CONTEXT: &str = include_str!("../../patterns/context.toml");

/// The settings of a built-in pattern file: its text up to its first `[[` table header.
/// TOML puts every top-level key before the first table header, so this parses to the whole
/// file less its `[[examples]]` and `[[negative_examples]]` tables. Those are ~80 % of the
/// text and only tests read them: parsing them cost ~14 M instructions at every start.
fn settings(text: &str) -> &str {
    match text.find("\n[[") {
        Some(at) => &text[..=at],
        None => text,
    }
}

/// Parses the text of the pattern file `origin`.
fn parse(origin: &str, text: &str) -> Result<PatternFile, PatternError> {
    toml::from_str(text).map_err(|e| PatternError {
        origin: origin.into(),
        detector: "-".into(),
        message: e.to_string(),
    })
}

impl PatternSet {
    /// The built-in patterns as a scan needs them: without their examples and negative
    /// examples (see [`PatternSet::builtin_with_examples`]), otherwise the same.
    pub fn builtin() -> Result<PatternSet, PatternError> {
        PatternSet::builtin_parsed(settings)
    }

    /// The built-in patterns with their examples and negative examples, which the test
    /// suite runs against the engine.
    pub fn builtin_with_examples() -> Result<PatternSet, PatternError> {
        PatternSet::builtin_parsed(|text| text)
    }

    /// The built-in patterns, each parsed from `part` of its file (the fingerprint is of
    /// the whole files either way).
    fn builtin_parsed(part: fn(&str) -> &str) -> Result<PatternSet, PatternError> {
        let mut set = PatternSet::default();
        set.add_context("builtin:context.toml", BUILTIN_CONTEXT)?;
        for (name, text) in BUILTIN {
            let origin = format!("builtin:{name}");
            set.fold(text);
            let file = parse(&origin, part(text))?;
            set.add_parsed(&origin, file, true)?;
        }
        Ok(set)
    }

    /// Adds the `*.toml` files of `dir` (`context.toml` adds deny and part words), in name order.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), PatternError> {
        let origin = dir.display().to_string();
        let fail = |message: String| PatternError {
            origin: origin.clone(),
            detector: "-".into(),
            message,
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| fail(crate::error::io_message(&e)))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        for path in files {
            let origin = path.display().to_string();
            let text = std::fs::read_to_string(&path).map_err(|e| PatternError {
                origin: origin.clone(),
                detector: "-".into(),
                message: crate::error::io_message(&e),
            })?;
            if path.file_name().is_some_and(|n| n == "context.toml") {
                self.add_context(&origin, &text)?;
            } else {
                self.add_file(&origin, &text, false)?;
            }
        }
        Ok(())
    }

    /// Folds the text of a file being loaded into [`PatternSet::fingerprint`].
    fn fold(&mut self, text: &str) {
        let mut h = SipHasher13::new_with_keys(0x7061_7474_6572_6e73, self.digest);
        h.write(&(text.len() as u64).to_le_bytes());
        h.write(text.as_bytes());
        self.digest = h.finish();
    }

    /// Fingerprint (hex) of the detectors that run: the text of every pattern and context file
    /// loaded, in load order, and the `--types` selection (`None`: all). Reports of scans
    /// with different fingerprints cannot be merged: the same data would give other counts.
    ///
    /// ```
    /// use leakscan::detect::pattern::PatternSet;
    /// use leakscan::types::PiiType;
    /// let set = PatternSet::builtin().unwrap();
    /// assert_eq!(set.fingerprint(None), PatternSet::builtin().unwrap().fingerprint(None));
    /// assert_ne!(set.fingerprint(None), set.fingerprint(Some(&[PiiType::Email])));
    /// ```
    pub fn fingerprint(&self, types: Option<&[PiiType]>) -> String {
        let mut h = SipHasher13::new_with_keys(0x7479_7065_7365_6c65, self.digest);
        if let Some(types) = types {
            let mut bits = 0u64;
            for ty in types {
                bits |= 1 << ty.index();
            }
            h.write(&bits.to_le_bytes());
        }
        format!("{:016x}", h.finish())
    }

    fn add_context(&mut self, origin: &str, text: &str) -> Result<(), PatternError> {
        self.fold(text);
        let ctx: ContextFile = toml::from_str(text).map_err(|e| PatternError {
            origin: origin.into(),
            detector: "context".into(),
            message: e.to_string(),
        })?;
        self.deny_field_words
            .extend(ctx.deny_field_words.into_iter().map(|w| w.to_lowercase()));
        self.part_field_words
            .extend(ctx.part_field_words.into_iter().map(|w| w.to_lowercase()));
        Ok(())
    }

    /// Parses and checks one pattern file and adds it.
    pub fn add_file(
        &mut self,
        origin: &str,
        text: &str,
        builtin: bool,
    ) -> Result<(), PatternError> {
        self.fold(text);
        let file = parse(origin, text)?;
        self.add_parsed(origin, file, builtin)
    }

    /// Checks one parsed pattern file and adds it.
    fn add_parsed(
        &mut self,
        origin: &str,
        file: PatternFile,
        builtin: bool,
    ) -> Result<(), PatternError> {
        let fail = |message: String| PatternError {
            origin: origin.into(),
            detector: file.id.clone(),
            message,
        };
        if self.patterns.iter().any(|p| p.file.id == file.id) {
            return Err(fail("duplicate detector id".into()));
        }
        let ty = PiiType::from_name(&file.type_name)
            .ok_or_else(|| fail(format!("unknown type `{}`", file.type_name)))?;
        let validator = match &file.validator {
            None => None,
            Some(name) => Some(validate::by_name(name).ok_or_else(|| {
                fail(format!(
                    "unknown validator `{name}` (known: {})",
                    validate::NAMES.join(", ")
                ))
            })?),
        };
        let regexes = if builtin {
            Vec::new()
        } else {
            file.regexes
                .iter()
                .map(|r| regex::bytes::Regex::new(r).map_err(|e| fail(format!("regex `{r}`: {e}"))))
                .collect::<Result<Vec<_>, _>>()?
        };
        let axes = !file.latitude_field_names.is_empty() || !file.longitude_field_names.is_empty();
        if axes && ty != PiiType::GeoLocation {
            return Err(fail(
                "latitude_field_names and longitude_field_names are for geo_location".into(),
            ));
        }
        if !builtin && regexes.is_empty() && file.field_names.is_empty() && file.keywords.is_empty()
        {
            return Err(fail(
                "an added pattern needs regexes, field_names or keywords".into(),
            ));
        }
        self.patterns.push(Pattern {
            ty,
            origin: origin.into(),
            validator,
            regexes,
            builtin,
            file,
        });
        Ok(())
    }

    /// Field-name words of every pattern of `ty`.
    pub fn field_words(&self, ty: PiiType) -> impl Iterator<Item = &str> {
        self.of_type(ty)
            .flat_map(|p| p.file.field_names.iter().map(String::as_str))
    }

    /// Keywords of every pattern of `ty`.
    pub fn keywords(&self, ty: PiiType) -> impl Iterator<Item = &str> {
        self.of_type(ty)
            .flat_map(|p| p.file.keywords.iter().map(String::as_str))
    }

    /// Patterns of `ty`.
    pub fn of_type(&self, ty: PiiType) -> impl Iterator<Item = &Pattern> {
        self.patterns.iter().filter(move |p| p.ty == ty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The settings of each built-in file parse to the whole file less its examples, and
    /// the set a scan loads has the fingerprint of the whole files.
    #[test]
    fn builtin_settings_are_the_files_without_examples() {
        let scan = PatternSet::builtin().unwrap();
        let full = PatternSet::builtin_with_examples().unwrap();
        assert_eq!(scan.patterns.len(), BUILTIN.len());
        assert_eq!(scan.patterns.len(), full.patterns.len());
        for (s, f) in scan.patterns.iter().zip(&full.patterns) {
            assert!(!f.file.examples.is_empty() && !f.file.negative_examples.is_empty());
            let without = PatternFile {
                examples: Vec::new(),
                negative_examples: Vec::new(),
                ..f.file.clone()
            };
            assert_eq!(s.file, without, "{}", f.origin);
            assert_eq!((s.ty, &s.origin, s.builtin), (f.ty, &f.origin, f.builtin));
            assert_eq!(s.validator.is_some(), f.validator.is_some());
        }
        assert_eq!(scan.deny_field_words, full.deny_field_words);
        assert_eq!(scan.part_field_words, full.part_field_words);
        assert_eq!(scan.fingerprint(None), full.fingerprint(None));
    }

    #[test]
    fn settings_end_before_the_first_table() {
        let text = "id = 'x'\nkeywords = [\n    'a',\n]\n\n[[examples]]\ntext = 'a'\n";
        assert_eq!(settings(text), "id = 'x'\nkeywords = [\n    'a',\n]\n\n");
        assert_eq!(settings("id = 'x'\n"), "id = 'x'\n");
    }
}
