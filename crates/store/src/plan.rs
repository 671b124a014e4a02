//! Incremental fusion, shared by every backend.
//!
//! The store keeps the invariant that each fused event is exactly one group of
//! [`sitrep_fuse::components`] over *all* stored reports. When reports arrive
//! (or an article's reports are replaced), only the part of the store they can
//! reach changes: [`plan`] finds it by walking the [`sitrep_fuse::same_event`]
//! links through an indexed window (same country or unknown country, day ± 1),
//! pulling in whole events as it goes, then regroups and refuses just that part.
//! A backend gives it a [`ReportLookup`] and applies the resulting
//! [`FusionPlan`] inside the same transaction as the article writes.

use crate::{country_key, day_number, end_day_number, StoreError};
use sitrep_model::Event;
use std::collections::{BTreeMap, BTreeSet};

/// A report as stored: its id, the fused event it currently belongs to, and the event itself.
#[derive(Debug, Clone)]
pub struct StoredReport {
    /// Report id (unique in the store).
    pub id: String,
    /// The fused event it belongs to (empty for a report not stored yet).
    pub event_id: String,
    /// The per-article event.
    pub event: Event,
}

/// How the planner reads stored reports.
pub trait ReportLookup {
    /// Reports whose days (from [`day_number`] to [`end_day_number`], inclusive)
    /// meet the window `day_lo..=day_hi`, and whose country key is `country` or
    /// `""` (unknown); with `country == ""`, reports of every country. Reports
    /// spanning more than [`MAX_SPAN`] days may be missed. The events may be light ([`crate::fusion_key`]): the
    /// planner only tests [`sitrep_fuse::same_event`] on them and reads the full
    /// reports through [`ReportLookup::members`].
    fn window(
        &mut self,
        country: &str,
        day_lo: i64,
        day_hi: i64,
    ) -> Result<Vec<StoredReport>, StoreError>;
    /// Every report of the fused event `event_id`, in full.
    fn members(&mut self, event_id: &str) -> Result<Vec<StoredReport>, StoreError>;
}

/// What to write: drop `old_events`, insert `new_events`, point every report
/// of each new event at it.
#[derive(Debug, Default)]
pub struct FusionPlan {
    /// Fused events to delete (they are rebuilt below, maybe under the same id).
    pub old_events: BTreeSet<String>,
    /// Fused events to insert, each with the ids of its member reports.
    pub new_events: Vec<(Event, Vec<String>)>,
}

/// Plans the refusion after `seeds` (new reports, not yet attached to an event)
/// were added and the events in `orphaned` lost members. The reports of
/// `seeds` must already be visible to `lookup` or not: the planner adds them
/// itself and ignores stored copies with the same id.
pub fn plan(
    seeds: Vec<StoredReport>,
    orphaned: &BTreeSet<String>,
    lookup: &mut dyn ReportLookup,
) -> Result<FusionPlan, StoreError> {
    let mut set: BTreeMap<String, StoredReport> = BTreeMap::new();
    let mut events_seen: BTreeSet<String> = BTreeSet::new();
    let mut frontier: Vec<String> = Vec::new();

    for r in seeds {
        frontier.push(r.id.clone());
        set.insert(r.id.clone(), r);
    }
    for ev in orphaned {
        if events_seen.insert(ev.clone()) {
            for m in lookup.members(ev)? {
                if !set.contains_key(&m.id) {
                    frontier.push(m.id.clone());
                    set.insert(m.id.clone(), m);
                }
            }
        }
    }
    // Events of reports already in the set are complete once pulled in.
    for r in set.values() {
        if !r.event_id.is_empty() {
            events_seen.insert(r.event_id.clone());
        }
    }

    while !frontier.is_empty() {
        // Group the frontier by country and find each group's day range.
        let mut by_country: BTreeMap<String, (i64, i64, Vec<String>)> = BTreeMap::new();
        for id in &frontier {
            let Some(r) = set.get(id) else { continue };
            let Some(day) = day_number(&r.event) else {
                continue;
            };
            let end = end_day_number(&r.event).unwrap_or(day);
            let e = by_country
                .entry(country_key(&r.event))
                .or_insert((day, end, Vec::new()));
            e.0 = e.0.min(day);
            e.1 = e.1.max(end);
            e.2.push(id.clone());
        }
        let mut next: Vec<String> = Vec::new();
        for (country, (lo, hi, ids)) in by_country {
            // same_event links reports at most one day apart.
            let candidates = lookup.window(&country, lo - 1, hi + 1)?;
            for cand in candidates {
                if set.contains_key(&cand.id) {
                    continue;
                }
                let linked = ids.iter().any(|id| {
                    set.get(id)
                        .is_some_and(|f| sitrep_fuse::same_event(&f.event, &cand.event))
                });
                if !linked {
                    continue;
                }
                let ev = cand.event_id.clone();
                next.push(cand.id.clone());
                set.insert(cand.id.clone(), cand);
                if !ev.is_empty() && events_seen.insert(ev.clone()) {
                    for m in lookup.members(&ev)? {
                        // Full members replace the light window copies.
                        if set.insert(m.id.clone(), m.clone()).is_none() {
                            next.push(m.id);
                        }
                    }
                }
            }
        }
        frontier = next;
    }

    let mut old_events: BTreeSet<String> = orphaned.clone();
    old_events.extend(
        set.values()
            .filter(|r| !r.event_id.is_empty())
            .map(|r| r.event_id.clone()),
    );
    let reports: Vec<&StoredReport> = set.values().collect();
    let events: Vec<Event> = reports.iter().map(|r| r.event.clone()).collect();
    let mut new_events = Vec::new();
    for group in sitrep_fuse::components(&events) {
        let members: Vec<Event> = group.iter().map(|&i| events[i].clone()).collect();
        let ids: Vec<String> = group.iter().map(|&i| reports[i].id.clone()).collect();
        new_events.push((sitrep_fuse::fuse(&members), ids));
    }
    Ok(FusionPlan {
        old_events,
        new_events,
    })
}

/// The longest span (days from `event_date` to `date_end`) the window lookup
/// must find from its end; backends may search no further back than this.
pub const MAX_SPAN: i64 = 400;
