//! sitrep-gazetteer: the places and actors sitrep knows, and the recognition
//! and resolution that use them.
//!
//! The compiled data (GeoNames-derived places, admin units, countries,
//! demonyms, and the actor dictionary) ships inside the crate
//! (`data/*.tsv.gz`, rebuilt by `cargo xtask gazetteer`), so a fresh clone
//! needs nothing else. A [`Gazetteer`] is built once (≤ 500 ms) and shared
//! read-only between threads (`Send + Sync`).
//!
//! The flow for one document:
//! 1. [`Gazetteer::recognise`] finds every place and actor mention in one
//!    pass (leftmost-longest, word boundaries, case rules);
//! 2. [`Gazetteer::resolve`] picks, for every place mention, the one place
//!    the document means (country context, dateline, admin names nearby,
//!    population), and drops common-word mentions that lack evidence;
//! 3. [`Gazetteer::locate`] gives the event location of one clause or
//!    sentence, with its evidence span;
//! 4. [`Gazetteer::actor_for_generic`] turns "gunmen", "security forces",
//!    "villagers" into ACLED actors of the document's country.
//!
//! Users extend the dictionaries with [`Gazetteer::add_places_file`] and
//! [`Gazetteer::add_actors_file`] (formats in `docs/DICTIONARIES.md`).

mod actors;
mod data;
mod matcher;
mod phrase;
mod resolve;
mod text;

use std::path::{Path, PathBuf};

use sitrep_model::{Actor, ActorType, Location, Span};

pub use actors::normalise_actor_name;
pub use data::CountryInfo;

/// Everything that can go wrong while loading dictionaries.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// A dictionary file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A line of a dictionary file is malformed.
    #[error("{path}:{line}: {message}")]
    Parse {
        /// The file (or `<embedded>`).
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The embedded data is damaged (should not happen in a release).
    #[error("embedded gazetteer data: {0}")]
    Embedded(String),
    /// The pattern automaton could not be built.
    #[error("cannot build the matcher: {0}")]
    Matcher(String),
}

/// What kind of place a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    /// A country name ("Pakistan", "Türkiye").
    Country,
    /// A demonym or nationality adjective ("Pakistani", "Afghan", "Baloch"):
    /// evidence for the country, never an event location by itself.
    Demonym,
    /// A first-level unit (province/state), current or historical name.
    Admin1,
    /// A second-level unit (district, agency).
    Admin2,
    /// A populated place (town, city, village).
    Populated,
    /// A border or region phrase ("along the Durand Line", "the Afghan border",
    /// "tribal districts"): a country (and sometimes admin1) at precision 3.
    Region,
}

/// Generic (unnamed) actor kinds, resolved by country with
/// [`Gazetteer::actor_for_generic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GenericKind {
    /// "gunmen", "unknown assailants", "armed men", "attackers".
    Gunmen,
    /// "militants", "insurgents", "terrorists", "extremists".
    Militants,
    /// "security forces", "law enforcement agencies".
    SecurityForces,
    /// "troops", "soldiers", "the army", "military".
    Military,
    /// "police", "policemen", "constables".
    Police,
    /// "paramilitary", "paramilitaries".
    Paramilitary,
    /// "civilians", "villagers", "passengers", "residents", "worshippers"…
    Civilians,
    /// "protesters", "demonstrators".
    Protesters,
    /// "rioters", "mob".
    Rioters,
    /// "the government", "authorities", "officials".
    Government,
}

/// How an actor mention was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorMentionKind {
    /// A dictionary name or alias ("TTP", "Frontier Corps"): `actor` is set.
    Named,
    /// A generic noun ("gunmen", "Pakistani soldiers"): `generic` is set,
    /// `actor` is set only when `country_hint` made it resolvable.
    Generic,
    /// A capital or country used for its government ("Kabul said", "Islamabad
    /// accused"): `actor` is the government; only valid in a speaking/acting
    /// role, which the caller decides.
    Metonym,
    /// An unknown organisation recognised from its shape (capitalised name +
    /// cue word: "Jamaat-ul-Ahrar", "the Khorasan Diary group"): `actor` holds
    /// the name as written and a best-guess type.
    Shape,
}

/// One place mention found by [`Gazetteer::recognise`].
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Byte span in the text.
    pub span: Span,
    /// The broadest kind among the candidates (country > admin1 > admin2 >
    /// town > region > demonym); resolution may choose another candidate.
    pub kind: PlaceKind,
    /// Opaque candidate ids (same-named places); resolved by
    /// [`Gazetteer::resolve`].
    pub candidates: Vec<PlaceId>,
    /// Whether the mention is also an English common word / person name
    /// ("Said", "Bar", "Police"): it needs evidence to count as a place.
    pub common_word: bool,
}

/// Opaque id of a gazetteer entry (a place, admin unit, country or region).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub(crate) u32);

/// One actor mention found by [`Gazetteer::recognise`].
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// Byte span in the text.
    pub span: Span,
    /// How it was recognised.
    pub kind: ActorMentionKind,
    /// The canonical actor when named (or resolvable from a country hint).
    pub actor: Option<Actor>,
    /// The generic kind, for generic mentions.
    pub generic: Option<GenericKind>,
    /// ISO2 country of the mention: stated in it ("Pakistani soldiers" →
    /// `PK`), or the named actor's own country. `None` for a bare name that
    /// reads differently by country ("Taliban" in a text that does not name
    /// Afghanistan): [`Gazetteer::actor_for_generic`] then applies the
    /// document's country.
    pub country_hint: Option<String>,
}

/// Everything recognised in one text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Recognition {
    /// Place mentions, in text order, not overlapping.
    pub places: Vec<PlaceMention>,
    /// Actor mentions, in text order, not overlapping.
    pub actors: Vec<ActorMention>,
}

/// Document-level context used to resolve place mentions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocContext {
    /// The dateline place as written (`QUETTA`), if any.
    pub dateline: Option<String>,
    /// The headline, if any (its place and country names count as context).
    pub title: Option<String>,
}

/// A place mention resolved to one gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedPlace {
    /// Byte span of the name in the text.
    pub span: Span,
    /// Evidence span: the name with its cue ("near Kabul", "Lakki Marwat
    /// district"); always contains `span`.
    pub evidence: Span,
    /// The location, with ACLED precision (1 town, 2 near a town / district,
    /// 3 province, region or country).
    pub location: Location,
    /// The kind of the chosen entry.
    pub kind: PlaceKind,
    /// "near X", "outskirts of X", "X's suburbs".
    pub near: bool,
    /// Preceded by a locative cue ("in", "at", "near", "of", "from").
    pub locative: bool,
}

/// The gazetteer: place and actor dictionaries plus the matcher.
///
/// Build once with [`Gazetteer::embedded`], extend with the `add_*_file`
/// methods, then share (`&Gazetteer` or `Arc<Gazetteer>`) across threads.
pub struct Gazetteer {
    pub(crate) data: data::Data,
    pub(crate) matcher: matcher::Matcher,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.data.entries.len())
            .field("actors", &self.data.actors.len())
            .field("patterns", &self.matcher.pattern_count())
            .finish()
    }
}

impl Gazetteer {
    /// The gazetteer compiled into the crate (GeoNames places, admin units,
    /// countries, demonyms, region phrases, actors). Ready to match in well
    /// under 500 ms.
    pub fn embedded() -> Result<Gazetteer, GazetteerError> {
        let t0 = std::time::Instant::now();
        let data = data::Data::embedded()?;
        let t1 = t0.elapsed();
        let matcher = matcher::Matcher::build(&data)?;
        if std::env::var_os("SITREP_GAZ_TIMING").is_some() {
            eprintln!("data {t1:?} matcher {:?}", t0.elapsed() - t1);
        }
        Ok(Gazetteer { data, matcher })
    }

    /// Add (or override) places from a user TSV file (see
    /// `docs/DICTIONARIES.md`). Rebuilds the matcher.
    pub fn add_places_file(&mut self, path: &Path) -> Result<(), GazetteerError> {
        let text = read_file(path)?;
        self.data.add_places_tsv(&text, path)?;
        self.matcher = matcher::Matcher::build(&self.data)?;
        Ok(())
    }

    /// Add (or override) actors from a user TSV file (see
    /// `docs/DICTIONARIES.md`). Rebuilds the matcher.
    pub fn add_actors_file(&mut self, path: &Path) -> Result<(), GazetteerError> {
        let text = read_file(path)?;
        self.data.add_actors_tsv(&text, path)?;
        self.matcher = matcher::Matcher::build(&self.data)?;
        Ok(())
    }

    /// Find every place and actor mention in `text` in one pass
    /// (leftmost-longest, whole words only, place names capitalised).
    pub fn recognise(&self, text: &str) -> Recognition {
        self.matcher.recognise(&self.data, text)
    }

    /// Resolve all place mentions of a document to one place each, using
    /// the document's country context, the dateline, admin names nearby,
    /// population and feature class. Common-word mentions without evidence
    /// are dropped. Demonyms are not returned (they only inform context).
    pub fn resolve(&self, text: &str, rec: &Recognition, ctx: &DocContext) -> Vec<ResolvedPlace> {
        resolve::resolve(&self.data, &self.matcher, text, rec, ctx)
    }

    /// The event location of the clause or sentence `focus`: the most
    /// specific resolved place inside it (town > near town / district >
    /// province / region / country), preferring places with a locative cue.
    /// Returns the location and its evidence span. `None` when the focus
    /// names no place.
    pub fn locate(
        &self,
        text: &str,
        places: &[ResolvedPlace],
        focus: Span,
    ) -> Option<(Location, Span)> {
        resolve::locate(text, places, focus)
    }

    /// [`Gazetteer::locate`] for `places` sorted by `span.start` (a stable
    /// sort keeps the answer identical): logarithmic in the number of places,
    /// so that a text with many mentions and places stays linear. Unsorted
    /// input gives wrong answers.
    pub fn locate_sorted(
        &self,
        text: &str,
        places: &[ResolvedPlace],
        focus: Span,
    ) -> Option<(Location, Span)> {
        resolve::locate_sorted(text, places, focus)
    }

    /// The country (ISO2) a document is mostly about, from its resolved
    /// places (countries, admin units and towns, weighted), or `None`.
    pub fn focus_country(&self, places: &[ResolvedPlace]) -> Option<String> {
        resolve::focus_country(places)
    }

    /// The ACLED actor for a generic mention in a country: "gunmen" in PK →
    /// `Unidentified Armed Group (Pakistan)`, "security forces" → `Military
    /// Forces of Pakistan`, "police" → `Police Forces of Pakistan`,
    /// "villagers" → `Civilians (Pakistan)`. The mention's own country hint
    /// wins over `country_code`. Named mentions return their actor.
    pub fn actor_for_generic(&self, mention: &ActorMention, country_code: Option<&str>) -> Actor {
        actors::actor_for_generic(&self.data, mention, country_code)
    }

    /// Look up an actor by canonical name or alias (case-insensitive).
    pub fn actor(&self, name: &str) -> Option<Actor> {
        actors::lookup(&self.data, name)
    }

    /// Country facts by ISO2 code (case-insensitive).
    pub fn country(&self, iso2: &str) -> Option<CountryInfo> {
        self.data.country_info(iso2)
    }

    /// Every country the gazetteer knows, in ISO2 order.
    pub fn countries(&self) -> Vec<CountryInfo> {
        let mut isos: Vec<&String> = self
            .data
            .country_by_iso
            .keys()
            .filter(|k| k.len() == 2 && k.bytes().all(|b| b.is_ascii_uppercase()))
            .collect();
        isos.sort_unstable();
        isos.into_iter()
            .filter_map(|k| self.data.country_info(k))
            .collect()
    }

    /// Resolve a bare place name (e.g. a dataset's city column) within an
    /// optional country: the most populous matching town, else admin unit.
    pub fn lookup_place(&self, name: &str, country_code: Option<&str>) -> Option<Location> {
        resolve::lookup_place(&self.data, &self.matcher, name, country_code)
    }
}

impl Gazetteer {
    /// The current name of a first-level unit given any of its names, old or
    /// new, in a country: ("PK", "NWFP") → "Khyber Pakhtunkhwa";
    /// ("PK", "Federally Administered Tribal Areas") → "Khyber Pakhtunkhwa".
    pub fn canonical_admin1(&self, iso2: &str, name: &str) -> Option<String> {
        let ci = *self.data.country_by_iso.get(&iso2.to_ascii_uppercase())?;
        let idx = self.data.find_admin1(ci, name.trim())?;
        Some(self.data.entries[idx as usize].name.to_string())
    }

    /// The populated place nearest to a point (optionally within a country),
    /// as a precision-1 location. Linear scan: meant for evaluation, not for
    /// the hot path.
    pub fn nearest_place(&self, lat: f64, lon: f64, iso2: Option<&str>) -> Option<Location> {
        resolve::nearest(&self.data, lat, lon, iso2)
    }

    /// ISO2 code of a country given its name, an alias or its code
    /// ("Pakistan", "Türkiye", "Turkey", "PK").
    pub fn country_code(&self, name: &str) -> Option<String> {
        let n = name.trim();
        if n.len() == 2 {
            if let Some(c) = self.data.country_info(n) {
                return Some(c.iso2);
            }
        }
        self.matcher
            .entries_named(&self.data, n)
            .into_iter()
            .map(|i| &self.data.entries[i as usize])
            .find(|e| e.kind == PlaceKind::Country)
            .map(|e| self.data.countries[e.country as usize].iso2.clone())
    }
}

pub use resolve::km as distance_km;

fn read_file(path: &Path) -> Result<String, GazetteerError> {
    let bytes = std::fs::read(path).map_err(|source| GazetteerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Parse an ACLED actor-type label ("State Forces", …) or inter code ("1".."8").
pub fn parse_actor_type(s: &str) -> Option<ActorType> {
    let s = s.trim();
    if let Ok(n) = s.parse::<usize>() {
        return ActorType::ALL.get(n.checked_sub(1)?).copied();
    }
    ActorType::ALL
        .iter()
        .copied()
        .find(|t| t.to_string().eq_ignore_ascii_case(s))
}
