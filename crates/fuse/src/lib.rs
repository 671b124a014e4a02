//! sitrep-fuse: one event per real event.
//!
//! Many articles report the same event, and one article may restate an event
//! (headline, bullets, body). This crate decides which per-article *reports*
//! (the [`Event`]s that `sitrep extract` yields, one source each) describe the
//! same real event, and merges each group into one fused [`Event`] that keeps
//! every source with the figure it reported.
//!
//! Pure logic, no I/O. The rule, in short (`docs/FUSION.md` has it in full):
//!
//! * [`same_event`] is a **symmetric** predicate: same or adjacent day, same
//!   country, same or nearby place, compatible type, compatible actors.
//! * Reports are grouped by the **connected components** of that predicate
//!   (single linkage): [`components`].
//! * [`fuse`] is a deterministic function of the *set* of reports (their order
//!   does not matter); the fused id is the smallest report id in the group, so
//!   re-ingesting or ingesting in another order gives the same events and ids.
//! * Figures: every source keeps its own `fatalities_reported`; the fused
//!   `best` is ACLED's conservative figure over the latest reporting day,
//!   `low`/`high` are UCDP-style bounds over all sources ([`fuse`] documents it).

use chrono::NaiveDate;
use sitrep_model::{
    Accusation, Actor, ActorType, Bounds, Claim, DatePrecision, Denial, Event, EventType,
    Fatalities, Location, Source,
};
use std::collections::BTreeMap;

/// Places closer than this (km) are "the same place" when both are towns (precision 1).
pub const NEAR_KM_TOWN: f64 = 30.0;
/// Places closer than this (km) are "nearby" when one is only known to the district (precision 2).
pub const NEAR_KM_DISTRICT: f64 = 60.0;

/// Whether two reports describe the same real event. Symmetric: `same_event(a, b) == same_event(b, a)`.
///
/// Two reports are the same event when all of these hold:
/// 1. **Date**: both dated; day-precise dates at most one day apart; coarser dates
///    (week, month, year) equal with equal precision.
/// 2. **Type**: the same ACLED event type, or Battles with Explosions/Remote
///    violence (one attack coded either way) — then the place must be finer than
///    the province; purely verbal events (no ACLED type) only match verbal events of
///    the same PLOVER type on the same day.
/// 3. **Place**: same country when both know it; then by precision: two towns
///    within [`NEAR_KM_TOWN`], or [`NEAR_KM_DISTRICT`] when one is a district-level
///    location, or the same admin1 when one is only known to the province;
///    a report without location matches only when everything else matches
///    exactly (same day, same type, same named actor1).
/// 4. **Actors**: the actor pairs agree, in either order (one report's initiator
///    may be the other's target in a clash). Two actors agree when either is
///    unknown or unidentified, their names are equal (case, punctuation and
///    parenthesised parts ignored), or both are state forces / civilians of the
///    same country. A named claimant on one side must not contradict a different
///    named actor1 on the other. When type and day are the same and both places
///    are towns or districts that match, actors that do not agree still match
///    unless both reports name armed non-state actors (rebels, militias,
///    external forces, claimants) and no name is shared: reports of one attack
///    code its sides inconsistently, two groups' look-alike attacks name them.
pub fn same_event(a: &Event, b: &Event) -> bool {
    // 1. date
    let (Some(da), Some(db)) = (a.event_date, b.event_date) else {
        return false;
    };
    let day_like = |p: DatePrecision| matches!(p, DatePrecision::Day | DatePrecision::Days);
    let date_ok = if day_like(a.date_precision) && day_like(b.date_precision) {
        let lo_a = da;
        let hi_a = a.date_end.unwrap_or(da).max(da);
        let lo_b = db;
        let hi_b = b.date_end.unwrap_or(db).max(db);
        // Intervals [lo, hi] at most one day apart.
        (lo_b - hi_a).num_days() <= 1 && (lo_a - hi_b).num_days() <= 1
    } else {
        a.date_precision == b.date_precision && da == db
    };
    if !date_ok {
        return false;
    }

    // 2. type
    let same_type = a.event_type == b.event_type;
    match (a.event_type, b.event_type) {
        (None, None) => {
            if a.plover != b.plover || da != db {
                return false;
            }
        }
        (Some(_), None) | (None, Some(_)) => return false,
        (Some(ta), Some(tb)) => {
            if ta != tb && !one_attack_pair(ta, tb) {
                return false;
            }
        }
    }

    // 3. place
    let place = place_match(a.location.as_ref(), b.location.as_ref(), same_type);
    let mut strong = false;
    match place {
        PlaceMatch::No => return false,
        PlaceMatch::Yes => {
            // Same type, same day, same town or district: the actors only need
            // not to contradict each other by name.
            let fine = |e: &Event| e.location.as_ref().is_some_and(|l| l.precision <= 2);
            strong = same_type && da == db && fine(a) && fine(b);
        }
        PlaceMatch::Unknown => {
            let named = |e: &Event| {
                e.actor1
                    .as_ref()
                    .filter(|x| !is_wildcard(x))
                    .map(|x| norm_name(&x.name))
            };
            let strict = same_type && da == db && named(a).is_some() && named(a) == named(b);
            if !strict {
                return false;
            }
        }
    }

    // 4. actors
    actors_compatible(a, b) || (strong && !armed_conflict(&armed_names(a), &armed_names(b)))
}

/// Two sets of named armed non-state actors that are both known and disjoint.
fn armed_conflict(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x))
}

/// Battles and Explosions/Remote violence: one attack (a bomb, then a gunfight)
/// that some reports code as the one and some as the other. Other type pairs
/// (a shooting of a civilian vs a market bomb in the same city on the same day)
/// are different events.
fn one_attack_pair(a: EventType, b: EventType) -> bool {
    use EventType::{Battles, ExplosionsRemoteViolence};
    matches!(
        (a, b),
        (Battles, ExplosionsRemoteViolence) | (ExplosionsRemoteViolence, Battles)
    )
}

enum PlaceMatch {
    Yes,
    No,
    /// One side has no usable location.
    Unknown,
}

fn place_match(a: Option<&Location>, b: Option<&Location>, same_type: bool) -> PlaceMatch {
    let (Some(a), Some(b)) = (a, b) else {
        return PlaceMatch::Unknown;
    };
    if let (Some(ca), Some(cb)) = (&a.country_code, &b.country_code) {
        if !ca.eq_ignore_ascii_case(cb) {
            return PlaceMatch::No;
        }
    }
    let coarse = a.precision.max(b.precision);
    if coarse >= 3 {
        // One side only knows the province (or the country): the other must lie in it.
        // Types that differ need a finer place than that.
        if !same_type {
            return PlaceMatch::No;
        }
        return match (&a.admin1, &b.admin1) {
            (Some(x), Some(y)) if norm_name(x) == norm_name(y) => PlaceMatch::Yes,
            (Some(_), Some(_)) => PlaceMatch::No,
            // A country-only location: the country matched above.
            _ if a.country_code.is_some() && b.country_code.is_some() => PlaceMatch::Yes,
            _ => PlaceMatch::Unknown,
        };
    }
    // Two places each known only to its district, in two named districts,
    // are two places, however near their points lie.
    if a.precision == 2 && b.precision == 2 {
        if let (Some(x), Some(y)) = (&a.admin2, &b.admin2) {
            if norm_name(x) != norm_name(y) {
                return PlaceMatch::No;
            }
        }
    }
    let limit = if coarse == 2 {
        NEAR_KM_DISTRICT
    } else {
        NEAR_KM_TOWN
    };
    match (a.lat, a.lon, b.lat, b.lon) {
        (Some(la), Some(lo), Some(lb), Some(lob)) => {
            if haversine_km(la, lo, lb, lob) <= limit {
                PlaceMatch::Yes
            } else {
                PlaceMatch::No
            }
        }
        _ => {
            // No coordinates: compare names down the hierarchy.
            if norm_name(&a.name) == norm_name(&b.name) && !a.name.trim().is_empty() {
                return PlaceMatch::Yes;
            }
            match (&a.admin2, &b.admin2) {
                (Some(x), Some(y)) if coarse == 2 && norm_name(x) == norm_name(y) => {
                    PlaceMatch::Yes
                }
                (Some(_), Some(_)) => PlaceMatch::No,
                _ => PlaceMatch::Unknown,
            }
        }
    }
}

/// Great-circle distance in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let r = 6371.0_f64;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * r * h.sqrt().min(1.0).asin()
}

/// An actor name reduced for comparison: lower case, parenthesised parts and
/// punctuation dropped, whitespace collapsed.
pub fn norm_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
        }
    }
    out.trim_end().to_string()
}

/// Unknown or unidentified actors match anything.
fn is_wildcard(a: &Actor) -> bool {
    let n = norm_name(&a.name);
    n.is_empty()
        || n.starts_with("unidentified")
        || n.starts_with("unknown")
        || n.starts_with("unnamed")
}

fn actor_match(a: Option<&Actor>, b: Option<&Actor>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    if is_wildcard(a) || is_wildcard(b) {
        return true;
    }
    if norm_name(&a.name) == norm_name(&b.name) {
        return true;
    }
    // Reports of one attack name the target forces differently (army, police,
    // Frontier Corps), or the civilians differently: same kind and country agree.
    let same_country = match (&a.country, &b.country) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => true,
    };
    match (a.actor_type, b.actor_type) {
        (Some(ActorType::StateForces), Some(ActorType::StateForces))
        | (Some(ActorType::Civilians), Some(ActorType::Civilians)) => same_country,
        _ => false,
    }
}

fn actors_compatible(a: &Event, b: &Event) -> bool {
    let (a1, a2, b1, b2) = (
        a.actor1.as_ref(),
        a.actor2.as_ref(),
        b.actor1.as_ref(),
        b.actor2.as_ref(),
    );
    let straight = actor_match(a1, b1) && actor_match(a2, b2);
    let crossed = actor_match(a1, b2) && actor_match(a2, b1);
    if !(straight || crossed) {
        return false;
    }
    // A claimant named on one side must not be contradicted by a different named
    // claimant on the other (two groups claiming look-alike attacks).
    let claims = |e: &Event| -> Vec<String> {
        e.claimed_by
            .iter()
            .map(|c| norm_name(&c.actor))
            .filter(|n| !n.is_empty())
            .collect()
    };
    let (ca, cb) = (claims(a), claims(b));
    if !ca.is_empty() && !cb.is_empty() && !ca.iter().any(|x| cb.contains(x)) {
        // Different claimants are fine only when the actors already agree by name.
        let named = |x: Option<&Actor>| x.filter(|x| !is_wildcard(x)).is_some();
        if !(named(a1) && named(b1) && straight) {
            return false;
        }
    }
    true
}

/// Groups reports into the connected components of [`same_event`] (single
/// linkage), with two guards against chaining: two groups whose named armed
/// non-state actors (actor1, actor2, claimants) are disjoint are never joined,
/// even through an "unidentified gunmen" report that matches both; and two
/// groups are never joined when some member of one is dated more than one day
/// away from some member of the other (day-precise dates; a chain Saturday →
/// Sunday → Monday would otherwise merge two attacks two days apart).
///
/// Links are taken strongest first (same type, same day, same named actor,
/// same place), ties by report id, so the result depends only on the set of
/// reports, not on their order. Each component lists indices into `reports`,
/// ascending; the components are ordered by their smallest report id.
pub fn components(reports: &[Event]) -> Vec<Vec<usize>> {
    let n = reports.len();
    let mut edges: Vec<(u32, &str, &str, usize, usize)> = Vec::new();
    for i in 0..n {
        for j in (i + 1)..n {
            if same_event(&reports[i], &reports[j]) {
                let (a, b) = if reports[i].id <= reports[j].id {
                    (i, j)
                } else {
                    (j, i)
                };
                edges.push((
                    link_strength(&reports[a], &reports[b]),
                    reports[a].id.as_str(),
                    reports[b].id.as_str(),
                    a,
                    b,
                ));
            }
        }
    }
    edges.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then_with(|| x.1.cmp(y.1))
            .then_with(|| x.2.cmp(y.2))
            .then_with(|| (x.3, x.4).cmp(&(y.3, y.4)))
    });
    let mut parent: Vec<usize> = (0..n).collect();
    let mut armed: Vec<Vec<String>> = reports.iter().map(armed_names).collect();
    let mut span: Vec<Option<DaySpan>> = reports.iter().map(DaySpan::of).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for (_, _, _, i, j) in edges {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri == rj {
            continue;
        }
        if armed_conflict(&armed[ri], &armed[rj]) {
            continue;
        }
        let joined = DaySpan::join(span[ri], span[rj]);
        if joined.is_some_and(|s| !s.within_tolerance()) {
            continue;
        }
        span[rj] = joined;
        let moved = std::mem::take(&mut armed[ri]);
        for m in moved {
            if !armed[rj].contains(&m) {
                armed[rj].push(m);
            }
        }
        parent[ri] = rj;
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    let key = |g: &Vec<usize>| -> (String, usize) {
        g.iter()
            .map(|&i| (reports[i].id.clone(), i))
            .min()
            .unwrap_or_default()
    };
    out.sort_by_cached_key(key);
    out
}

/// The day-precise dates of a group of reports, kept to stop single linkage from
/// chaining across days: `latest_start` is the latest first day of any member,
/// `earliest_end` the earliest last day (a report's `date_end`, else its date).
/// Every pair of members is within [`same_event`]'s one-day tolerance exactly when
/// `latest_start - earliest_end <= 1`.
#[derive(Debug, Clone, Copy)]
struct DaySpan {
    latest_start: NaiveDate,
    earliest_end: NaiveDate,
}

impl DaySpan {
    /// The span of one report; `None` for undated or coarsely dated reports (those
    /// only link to reports of the very same period anyway).
    fn of(e: &Event) -> Option<DaySpan> {
        let d = e.event_date?;
        if !matches!(e.date_precision, DatePrecision::Day | DatePrecision::Days) {
            return None;
        }
        Some(DaySpan {
            latest_start: d,
            earliest_end: e.date_end.unwrap_or(d).max(d),
        })
    }

    fn join(a: Option<DaySpan>, b: Option<DaySpan>) -> Option<DaySpan> {
        match (a, b) {
            (Some(a), Some(b)) => Some(DaySpan {
                latest_start: a.latest_start.max(b.latest_start),
                earliest_end: a.earliest_end.min(b.earliest_end),
            }),
            (a, b) => a.or(b),
        }
    }

    fn within_tolerance(self) -> bool {
        (self.latest_start - self.earliest_end).num_days() <= 1
    }
}

/// Named armed non-state actors of a report (normalised names).
fn armed_names(e: &Event) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in [e.actor1.as_ref(), e.actor2.as_ref()].into_iter().flatten() {
        let armed = matches!(
            a.actor_type,
            Some(
                ActorType::RebelGroups
                    | ActorType::PoliticalMilitias
                    | ActorType::IdentityMilitias
                    | ActorType::ExternalOtherForces
            )
        );
        if armed && !is_wildcard(a) {
            out.push(norm_name(&a.name));
        }
    }
    for c in &e.claimed_by {
        let n = norm_name(&c.actor);
        if !n.is_empty() && !n.starts_with("unidentified") && !n.starts_with("unknown") {
            out.push(n);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// How strongly two matching reports agree (higher links first).
fn link_strength(a: &Event, b: &Event) -> u32 {
    let mut s = 0;
    if a.event_type == b.event_type {
        s += 4;
    }
    if a.event_date == b.event_date {
        s += 2;
    }
    let named = |e: &Event| {
        e.actor1
            .as_ref()
            .filter(|x| !is_wildcard(x))
            .map(|x| norm_name(&x.name))
    };
    if named(a).is_some() && named(a) == named(b) {
        s += 2;
    }
    if let (Some(la), Some(lb)) = (a.location.as_ref(), b.location.as_ref()) {
        if let (Some(x1), Some(y1), Some(x2), Some(y2)) = (la.lat, la.lon, lb.lat, lb.lon) {
            if haversine_km(x1, y1, x2, y2) < 5.0 {
                s += 1;
            }
        }
    }
    s
}

/// Groups and fuses in one call: one fused event per component of [`components`].
pub fn fuse_all(reports: &[Event]) -> Vec<Event> {
    components(reports)
        .into_iter()
        .map(|g| {
            let members: Vec<Event> = g.into_iter().map(|i| reports[i].clone()).collect();
            fuse(&members)
        })
        .collect()
}

/// Most frequent value; ties go to the first in `items` order (callers sort first).
fn mode<T: PartialEq + Clone>(items: impl IntoIterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for it in items {
        if let Some(c) = counts.iter_mut().find(|(v, _)| *v == it) {
            c.1 += 1;
        } else {
            counts.push((it, 1));
        }
    }
    let mut best: Option<(T, usize)> = None;
    for (v, c) in counts {
        if best.as_ref().is_none_or(|(_, bc)| c > *bc) {
            best = Some((v, c));
        }
    }
    best.map(|(v, _)| v)
}

fn precision_rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Days => 1,
        DatePrecision::Week => 2,
        DatePrecision::Month => 3,
        DatePrecision::Year => 4,
        DatePrecision::Unknown => 5,
    }
}

/// The publication day of a report (of its first source).
fn published_day(e: &Event) -> Option<NaiveDate> {
    e.sources
        .iter()
        .filter_map(|s| s.published.as_deref())
        .filter_map(|p| NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok())
        .max()
}

/// Merges the reports of one real event into one event. A deterministic
/// function of the set of reports: their order does not matter.
///
/// * `id`: the smallest report id.
/// * Date: the most reported date among the most precise ones (ties: earliest);
///   `date_end` the latest stated end.
/// * Type, sub-type, PLOVER type and mode, actors: the most reported value
///   (ties: the value of the report with the smallest id); unknown or
///   unidentified actors give way to named ones.
/// * Location: the most precise (ties: most reported, then smallest report id).
/// * Fatalities (the documented rule, also in `docs/FUSION.md`): every source
///   keeps its own `fatalities_reported`. Death tolls rise as bodies are counted,
///   so the *current* reports are those published on the latest publication day
///   among reports that give a figure (reports without a publication day count
///   as current). `best` = the smallest current `best` (ACLED: the most
///   conservative of the current figures), and the split by side comes from that
///   same report so that it stays consistent with `best`; `low` = the smallest
///   current lower bound (a report's `low`, else its `best`); `high` = the largest
///   upper bound of any report (`high`, else `best`), as UCDP's high estimate.
///   Unknown stays unknown (`None`), a reported 0 stays 0. Wounded follow the
///   same rule; `abducted` / `arrested` take the smallest current count.
/// * Claims, accusations, denials: the union, deduplicated.
/// * `background`: only when every report recalls it as background.
/// * Sources and evidence: all of them, sorted by publication then article id.
/// * `confidence`: the highest, raised by agreeing sources: `1 - Π(1 - cᵢ)`, capped at 0.99.
pub fn fuse(reports: &[Event]) -> Event {
    let mut rs: Vec<&Event> = reports.iter().collect();
    rs.sort_by(|a, b| a.id.cmp(&b.id));
    let Some(first) = rs.first() else {
        return Event::default();
    };
    if rs.len() == 1 {
        return (*first).clone();
    }
    let mut out = Event {
        id: first.id.clone(),
        ..Event::default()
    };

    // Date.
    let best_prec = rs
        .iter()
        .filter(|e| e.event_date.is_some())
        .map(|e| precision_rank(e.date_precision))
        .min();
    if let Some(bp) = best_prec {
        let mut dated: Vec<&Event> = rs
            .iter()
            .copied()
            .filter(|e| e.event_date.is_some() && precision_rank(e.date_precision) == bp)
            .collect();
        dated.sort_by_key(|e| e.event_date);
        out.event_date = mode(dated.iter().map(|e| e.event_date)).flatten();
        out.date_precision = dated
            .iter()
            .find(|e| e.event_date == out.event_date)
            .map(|e| e.date_precision)
            .unwrap_or_default();
    }
    out.date_end = rs.iter().filter_map(|e| e.date_end).max();
    if out.date_end.is_some() && out.date_end <= out.event_date {
        out.date_end = None;
    }

    // Type: the most reported (ties: smallest report id).
    out.event_type = mode(rs.iter().filter_map(|e| e.event_type))
        .or(first.event_type)
        .or_else(|| rs.iter().find_map(|e| e.event_type));
    out.sub_event_type = mode(
        rs.iter()
            .filter_map(|e| e.sub_event_type)
            .filter(|s| Some(s.event_type()) == out.event_type),
    );
    out.plover = mode(
        rs.iter()
            .filter(|e| e.event_type == out.event_type)
            .filter_map(|e| e.plover),
    )
    .or_else(|| mode(rs.iter().filter_map(|e| e.plover)));
    out.plover_mode = mode(rs.iter().filter_map(|e| e.plover_mode.clone()));

    // Actors: named ones before unidentified ones.
    let pick_actor = |f: &dyn Fn(&Event) -> Option<&Actor>| -> Option<Actor> {
        let named = mode(
            rs.iter()
                .filter_map(|e| f(e))
                .filter(|a| !is_wildcard(a))
                .cloned(),
        );
        named.or_else(|| mode(rs.iter().filter_map(|e| f(e)).cloned()))
    };
    out.actor1 = pick_actor(&|e| e.actor1.as_ref());
    out.actor2 = pick_actor(&|e| e.actor2.as_ref());
    if let (Some(a1), Some(a2)) = (&out.actor1, &out.actor2) {
        if norm_name(&a1.name) == norm_name(&a2.name) {
            // Reports that coded the pair crossed: keep the representative's pair.
            out.actor1 = first.actor1.clone().or(out.actor1.take());
            out.actor2 = first.actor2.clone();
        }
    }

    // Location: most precise, then most reported.
    let best_loc_prec = rs
        .iter()
        .filter_map(|e| e.location.as_ref())
        .map(|l| l.precision)
        .min();
    if let Some(p) = best_loc_prec {
        out.location = mode(
            rs.iter()
                .filter_map(|e| e.location.as_ref())
                .filter(|l| l.precision == p)
                .cloned(),
        );
    }

    out.fatalities = fuse_fatalities(&rs);
    out.wounded = fuse_bounds(&rs, |e| e.wounded);
    out.abducted = current_min(&rs, |e| e.abducted);
    out.arrested = current_min(&rs, |e| e.arrested);

    let mut claims: Vec<Claim> = Vec::new();
    let mut accused: Vec<Accusation> = Vec::new();
    let mut denied: Vec<Denial> = Vec::new();
    for e in &rs {
        for c in &e.claimed_by {
            if !claims
                .iter()
                .any(|x| norm_name(&x.actor) == norm_name(&c.actor))
            {
                claims.push(c.clone());
            }
        }
        for a in &e.accused {
            if !accused.contains(a) {
                accused.push(a.clone());
            }
        }
        for d in &e.denied_by {
            if !denied
                .iter()
                .any(|x| norm_name(&x.actor) == norm_name(&d.actor))
            {
                denied.push(d.clone());
            }
        }
    }
    out.claimed_by = claims;
    out.accused = accused;
    out.denied_by = denied;
    out.background = rs.iter().all(|e| e.background);

    // Notes: from the report with the most sources of information (evidence), ties smallest id.
    out.notes = rs
        .iter()
        .filter(|e| !e.notes.is_empty())
        .max_by(|a, b| {
            a.evidence
                .len()
                .cmp(&b.evidence.len())
                .then_with(|| b.id.cmp(&a.id))
        })
        .map(|e| e.notes.clone())
        .unwrap_or_default();

    let mut sources: Vec<Source> = Vec::new();
    for e in &rs {
        for s in &e.sources {
            if !sources
                .iter()
                .any(|x| x.article_id == s.article_id && x == s)
            {
                sources.push(s.clone());
            }
        }
    }
    sources.sort_by(|a, b| {
        a.published
            .cmp(&b.published)
            .then_with(|| a.article_id.cmp(&b.article_id))
            .then_with(|| a.fatalities_reported.cmp(&b.fatalities_reported))
    });
    out.sources = sources;
    let mut evidence: Vec<_> = rs.iter().flat_map(|e| e.evidence.iter().cloned()).collect();
    evidence.sort_by(|a, b| {
        (&a.article_id, a.start, a.end, &a.field).cmp(&(&b.article_id, b.start, b.end, &b.field))
    });
    evidence.dedup();
    out.evidence = evidence;

    let miss: f64 = rs
        .iter()
        .map(|e| 1.0 - f64::from(e.confidence.clamp(0.0, 1.0)))
        .product();
    let max_c = rs.iter().map(|e| e.confidence).fold(0.0_f32, f32::max);
    out.confidence = if max_c >= 0.99 {
        max_c
    } else {
        ((1.0 - miss) as f32).clamp(max_c, 0.99)
    };
    out
}

/// The reports whose figures are current for a count `get`: those published on
/// the latest publication day among reports that state it (and those without a
/// publication day).
fn current<'a>(rs: &[&'a Event], get: impl Fn(&Event) -> bool) -> Vec<&'a Event> {
    let with: Vec<&Event> = rs.iter().copied().filter(|e| get(e)).collect();
    let latest = with.iter().filter_map(|e| published_day(e)).max();
    with.into_iter()
        .filter(|e| match (published_day(e), latest) {
            (Some(d), Some(l)) => d == l,
            _ => true,
        })
        .collect()
}

fn current_min(rs: &[&Event], get: impl Fn(&Event) -> Option<u32>) -> Option<u32> {
    current(rs, |e| get(e).is_some())
        .iter()
        .filter_map(|e| get(e))
        .min()
}

fn fuse_fatalities(rs: &[&Event]) -> Fatalities {
    let cur = current(rs, |e| e.fatalities.best.is_some());
    // The conservative current report: smallest best (ties: smallest id, rs is sorted).
    let Some(rep) = cur
        .iter()
        .copied()
        .min_by_key(|e| e.fatalities.best.unwrap_or(u32::MAX))
    else {
        // No report gives a total: keep side counts of the first report that has any.
        return rs
            .iter()
            .map(|e| e.fatalities)
            .find(|f| !f.is_unknown())
            .unwrap_or_default();
    };
    let mut f = rep.fatalities;
    let low = cur
        .iter()
        .filter_map(|e| e.fatalities.low.or(e.fatalities.best))
        .min();
    let high = rs
        .iter()
        .filter_map(|e| e.fatalities.high.or(e.fatalities.best))
        .max();
    f.low = low.map(|l| f.best.map_or(l, |b| l.min(b)));
    f.high = match (high, f.best) {
        (Some(h), Some(b)) if h > b => Some(h),
        // A high bound equal to best adds nothing unless some report stated one.
        (Some(h), _) if rs.iter().any(|e| e.fatalities.high.is_some()) => Some(h),
        _ => None,
    };
    f
}

fn fuse_bounds(rs: &[&Event], get: impl Fn(&Event) -> Bounds) -> Bounds {
    let cur = current(rs, |e| get(e).best.is_some());
    let Some(rep) = cur
        .iter()
        .copied()
        .min_by_key(|e| get(e).best.unwrap_or(u32::MAX))
    else {
        return Bounds::default();
    };
    let mut b = get(rep);
    b.low = cur
        .iter()
        .filter_map(|e| get(e).low.or(get(e).best))
        .min()
        .map(|l| b.best.map_or(l, |x| l.min(x)));
    let high = rs.iter().filter_map(|e| get(e).high.or(get(e).best)).max();
    b.high = match (high, b.best) {
        (Some(h), Some(x)) if h > x => Some(h),
        (Some(h), _) if rs.iter().any(|e| get(e).high.is_some()) => Some(h),
        _ => None,
    };
    b
}

#[cfg(test)]
mod tests;
