//! The backend-agnostic store test suite. Every backend runs it:
//!
//! ```ignore
//! sitrep_store::suite::all(&|| Box::new(MyStore::open_fresh()) as Box<dyn Store>);
//! ```
//!
//! `make` must return a new, EMPTY store on each call. Each check panics with a
//! message naming itself on failure (it is test code); [`all`] runs them all,
//! and each check is also public so that a backend can run one at a time.
//! Fixtures are written for the project (invented places-and-numbers reports in
//! the style of wire stories), never real news text.

use crate::{ArticleReports, EventQuery, StatsGroup, Store, StoreError};
use chrono::NaiveDate;
use sitrep_model::{
    Actor, ActorType, Article, DatePrecision, Event, EventType, Evidence, Fatalities, Location,
    Source, SubEventType,
};

/// A factory of fresh, empty stores.
pub type MakeStore<'a> = &'a dyn Fn() -> Box<dyn Store>;

/// One named check of the suite.
pub type Check = (&'static str, fn(MakeStore<'_>));

/// Every check, by name.
pub const CHECKS: &[Check] = &[
    ("empty_store", empty_store),
    ("reingest_adds_nothing", reingest_adds_nothing),
    (
        "identical_text_other_id_is_unchanged",
        identical_text_other_id_is_unchanged,
    ),
    (
        "corrected_article_replaces_its_reports",
        corrected_article_replaces_its_reports,
    ),
    (
        "corrected_article_by_url_replaces",
        corrected_article_by_url_replaces,
    ),
    (
        "reports_of_one_event_fuse_and_look_alikes_stay_apart",
        reports_of_one_event_fuse_and_look_alikes_stay_apart,
    ),
    (
        "ingest_order_does_not_change_events_or_ids",
        ingest_order_does_not_change_events_or_ids,
    ),
    ("correction_splits_an_event", correction_splits_an_event),
    (
        "within_article_duplicates_are_one_event",
        within_article_duplicates_are_one_event,
    ),
    (
        "multi_day_report_links_by_its_end",
        multi_day_report_links_by_its_end,
    ),
    ("filters", filters),
    (
        "pagination_covers_everything_once",
        pagination_covers_everything_once,
    ),
    ("bad_queries_are_refused", bad_queries_are_refused),
    ("hostile_strings_are_data", hostile_strings_are_data),
    ("stats", stats),
    ("article_and_event_lookup", article_and_event_lookup),
];

/// Runs every check of the suite, each on a fresh store from `make`.
pub fn all(make: MakeStore<'_>) {
    for (name, check) in CHECKS {
        eprintln!("store suite: {name}");
        check(make);
    }
}

// ---------------------------------------------------------------- fixtures

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn place(name: &str, admin1: &str, cc: &str, lat: f64, lon: f64) -> Location {
    Location {
        name: name.into(),
        admin1: Some(admin1.into()),
        admin2: Some(name.into()),
        country: Some(
            if cc == "AF" {
                "Afghanistan"
            } else {
                "Pakistan"
            }
            .into(),
        ),
        country_code: Some(cc.into()),
        lat: Some(lat),
        lon: Some(lon),
        geonames_id: None,
        precision: 1,
    }
}

fn loc(key: &str) -> Location {
    match key {
        "quetta" => place("Quetta", "Balochistan", "PK", 30.19, 67.01),
        "mastung" => place("Mastung", "Balochistan", "PK", 29.80, 66.85),
        "turbat" => place("Turbat", "Balochistan", "PK", 26.00, 63.04),
        "peshawar" => place("Peshawar", "Khyber Pakhtunkhwa", "PK", 34.01, 71.58),
        "bannu" => place("Bannu", "Khyber Pakhtunkhwa", "PK", 32.99, 70.60),
        // Pabbi lies about 19 km from Peshawar and from Nowshera, which are 37 km apart.
        "pabbi" => place("Pabbi", "Khyber Pakhtunkhwa", "PK", 34.01, 71.79),
        "nowshera" => place("Nowshera", "Khyber Pakhtunkhwa", "PK", 34.015, 71.98),
        _ => place("Jalalabad", "Nangarhar", "AF", 34.43, 70.45),
    }
}

fn actor(key: &str) -> Option<Actor> {
    let (name, t, c) = match key {
        "bla" => ("BLA: Baloch Liberation Army", ActorType::RebelGroups, "PK"),
        "ttp" => (
            "TTP: Tehrik-i-Taliban Pakistan",
            ActorType::RebelGroups,
            "PK",
        ),
        "isk" => (
            "Islamic State Khorasan Province",
            ActorType::RebelGroups,
            "AF",
        ),
        "army" => ("Military Forces of Pakistan", ActorType::StateForces, "PK"),
        "police" => ("Police Forces of Pakistan", ActorType::StateForces, "PK"),
        "civ" => ("Civilians (Pakistan)", ActorType::Civilians, "PK"),
        "unid" => (
            "Unidentified Armed Group (Pakistan)",
            ActorType::PoliticalMilitias,
            "PK",
        ),
        _ => return None,
    };
    Some(Actor {
        name: name.into(),
        actor_type: Some(t),
        country: Some(c.into()),
    })
}

/// One per-article report, as the extractor would give it.
#[derive(Clone)]
struct R {
    date: &'static str,
    t: EventType,
    a1: &'static str,
    a2: &'static str,
    place: &'static str,
    killed: Option<u32>,
}

fn r(
    date: &'static str,
    t: EventType,
    a1: &'static str,
    a2: &'static str,
    place: &'static str,
    killed: Option<u32>,
) -> R {
    R {
        date,
        t,
        a1,
        a2,
        place,
        killed,
    }
}

/// An article with its reports. `text` is the article body; each report's
/// evidence points at the first sentence of it.
fn art(id: &str, url: Option<&str>, published: &str, text: &str, reports: &[R]) -> ArticleReports {
    let article = Article {
        id: id.into(),
        input: "suite".into(),
        title: Some(format!("Report {id}")),
        published: Some(published.into()),
        dateline: None,
        url: url.map(str::to_string),
        publisher: Some("Suite Wire".into()),
        summary: Vec::new(),
        text: text.into(),
    };
    let first_end = text.find('.').map(|i| i + 1).unwrap_or(text.len());
    let events = reports
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let sub = match x.t {
                EventType::Battles => Some(SubEventType::ArmedClash),
                EventType::ExplosionsRemoteViolence => Some(SubEventType::SuicideBomb),
                EventType::ViolenceAgainstCivilians => Some(SubEventType::Attack),
                _ => None,
            };
            Event {
                id: sitrep_model::stable_id(&[id, &i.to_string()]),
                event_date: Some(day(x.date)),
                date_precision: DatePrecision::Day,
                event_type: Some(x.t),
                sub_event_type: sub,
                actor1: actor(x.a1),
                actor2: actor(x.a2),
                location: Some(loc(x.place)),
                fatalities: Fatalities {
                    best: x.killed,
                    low: x.killed,
                    ..Fatalities::default()
                },
                notes: format!("{} in {}", x.t, x.place),
                sources: vec![Source {
                    article_id: id.into(),
                    title: article.title.clone(),
                    url: article.url.clone(),
                    publisher: article.publisher.clone(),
                    published: article.published.clone(),
                    fatalities_reported: x.killed,
                }],
                evidence: vec![Evidence {
                    field: "event_type".into(),
                    article_id: id.into(),
                    start: 0,
                    end: first_end,
                    text: text[..first_end].to_string(),
                }],
                confidence: 0.7,
                ..Event::default()
            }
        })
        .collect();
    ArticleReports { article, events }
}

/// The corpus most checks use: one attack in Quetta reported by four articles
/// (figures rising, dates one day apart, actors crossed), a clash in Bannu by
/// two, and look-alikes that must stay apart.
fn corpus() -> Vec<ArticleReports> {
    use EventType::*;
    vec![
        art("a1", Some("https://wire.example/a1"), "2026-01-31",
            "QUETTA: Militants stormed a camp on the edge of the city on Saturday. Nearly 50 people were killed.",
            &[r("2026-01-31", Battles, "bla", "army", "quetta", Some(48))]),
        art("a2", Some("https://daily.example/a2"), "2026-02-01",
            "Security officials said on Sunday that the assault on the camp in Quetta had left more than 190 dead.",
            &[r("2026-01-31", Battles, "army", "bla", "quetta", Some(191))]),
        art("a3", None, "2026-02-01",
            "A bomber rammed the gate of the camp in Quetta before gunmen went in, police said.",
            &[r("2026-02-01", ExplosionsRemoteViolence, "unid", "police", "quetta", Some(150))]),
        art("a4", Some("https://radio.example/a4"), "2026-02-01",
            "The separatist group said its fighters attacked the Quetta camp; officials gave a toll of 152.",
            &[r("2026-01-31", Battles, "bla", "army", "quetta", Some(152))]),
        // Look-alike: same place, another week.
        art("a5", None, "2026-01-24",
            "QUETTA: Gunmen fired on a checkpoint in Quetta on Friday, killing three soldiers.",
            &[r("2026-01-23", Battles, "bla", "army", "quetta", Some(3))]),
        // Look-alike: same day, another district.
        art("a6", None, "2026-01-31",
            "MASTUNG: Two soldiers died in a clash with separatists near Mastung on Saturday.",
            &[r("2026-01-31", Battles, "bla", "army", "mastung", Some(2))]),
        // Look-alike: same day and type, other actors, other province.
        art("a7", None, "2026-01-31",
            "BANNU: Taliban fighters attacked a police post in Bannu on Saturday night; four policemen were killed.",
            &[r("2026-01-31", Battles, "ttp", "police", "bannu", Some(4))]),
        art("a8", None, "2026-02-01",
            "Officials in Bannu said the attack on the police post killed five policemen.",
            &[r("2026-01-31", Battles, "ttp", "police", "bannu", Some(5))]),
        // Another country, civilians.
        art("a9", None, "2026-01-15",
            "JALALABAD: A blast at a market in Jalalabad killed nine people.",
            &[r("2026-01-15", ExplosionsRemoteViolence, "isk", "civ", "jalalabad", Some(9))]),
        // Unknown toll in Turbat.
        art("a10", None, "2026-02-10",
            "TURBAT: Gunmen abducted and shot labourers near Turbat; the toll was not known.",
            &[r("2026-02-09", ViolenceAgainstCivilians, "unid", "civ", "turbat", None)]),
    ]
}

fn all_events(s: &dyn Store, mut q: EventQuery) -> Vec<Event> {
    let mut out = Vec::new();
    q.limit = Some(q.limit.unwrap_or(1000));
    loop {
        let page = s.events(&q).expect("events page");
        out.extend(page.events);
        match page.next_cursor {
            Some(c) => q.cursor = Some(c),
            None => break,
        }
    }
    out
}

fn ids(evs: &[Event]) -> Vec<String> {
    let mut v: Vec<String> = evs.iter().map(|e| e.id.clone()).collect();
    v.sort();
    v
}

fn sources_of(evs: &[Event]) -> Vec<Vec<String>> {
    let mut v: Vec<Vec<String>> = evs
        .iter()
        .map(|e| {
            let mut s: Vec<String> = e.sources.iter().map(|s| s.article_id.clone()).collect();
            s.sort();
            s
        })
        .collect();
    v.sort();
    v
}

fn ingest_each(s: &dyn Store, arts: &[ArticleReports]) {
    for a in arts {
        s.ingest(std::slice::from_ref(a)).expect("ingest");
    }
}

// ---------------------------------------------------------------- checks

/// A new store is empty and answers queries.
pub fn empty_store(make: MakeStore<'_>) {
    let s = make();
    let c = s.counts().expect("counts");
    assert_eq!((c.articles, c.reports, c.events), (0, 0, 0));
    let page = s.events(&EventQuery::default()).expect("events");
    assert!(page.events.is_empty() && page.next_cursor.is_none());
    assert!(s.event("nope").expect("event").is_none());
    assert!(s.article("nope").expect("article").is_none());
    assert!(s
        .stats(&EventQuery::default(), StatsGroup::Week)
        .expect("stats")
        .is_empty());
}

/// Ingesting the same articles twice adds nothing and keeps every id.
pub fn reingest_adds_nothing(make: MakeStore<'_>) {
    let s = make();
    let c = corpus();
    let first = s.ingest(&c).expect("ingest");
    assert_eq!(first.added, c.len(), "{first:?}");
    let counts = s.counts().expect("counts");
    let before = all_events(&*s, EventQuery::default());
    let again = s.ingest(&c).expect("ingest again");
    assert_eq!(again.unchanged, c.len(), "{again:?}");
    assert_eq!(
        (again.added, again.replaced, again.events_touched),
        (0, 0, 0)
    );
    assert_eq!(s.counts().expect("counts"), counts);
    let after = all_events(&*s, EventQuery::default());
    assert_eq!(
        serde_json::to_value(&before).ok(),
        serde_json::to_value(&after).ok()
    );
    assert_eq!(counts.articles, c.len() as u64);
    assert_eq!(counts.reports, c.len() as u64);
}

/// The same text under another id (or with other whitespace) is the same article.
pub fn identical_text_other_id_is_unchanged(make: MakeStore<'_>) {
    let s = make();
    let c = corpus();
    s.ingest(&c[..2]).expect("ingest");
    let mut copy = c[0].clone();
    copy.article.id = "mirror-of-a1".into();
    copy.article.url = None;
    copy.article.text = format!("  {}\n", copy.article.text.replace(' ', "  "));
    let rep = s.ingest(&[copy]).expect("ingest copy");
    assert_eq!(rep.unchanged, 1, "{rep:?}");
    assert_eq!(s.counts().expect("counts").articles, 2);
    assert!(s.article("mirror-of-a1").expect("article").is_none());
}

/// A corrected version (same id, changed text) replaces the earlier reports.
pub fn corrected_article_replaces_its_reports(make: MakeStore<'_>) {
    let s = make();
    let c = corpus();
    s.ingest(&c).expect("ingest");
    let before = s.counts().expect("counts");
    // a9 corrected: the toll rose to eleven.
    let fixed = art(
        "a9",
        None,
        "2026-01-16",
        "JALALABAD: A blast at a market in Jalalabad killed eleven people, officials said.",
        &[r(
            "2026-01-15",
            EventType::ExplosionsRemoteViolence,
            "isk",
            "civ",
            "jalalabad",
            Some(11),
        )],
    );
    let rep = s.ingest(&[fixed]).expect("ingest fix");
    assert_eq!(rep.replaced, 1, "{rep:?}");
    assert_eq!(s.counts().expect("counts"), before);
    let af = all_events(
        &*s,
        EventQuery {
            country: Some("AF".into()),
            ..EventQuery::default()
        },
    );
    assert_eq!(af.len(), 1);
    assert_eq!(af[0].fatalities.best, Some(11));
    assert_eq!(af[0].sources.len(), 1);
    assert_eq!(af[0].sources[0].published.as_deref(), Some("2026-01-16"));
    let stored = s.article("a9").expect("article").expect("a9 kept");
    assert!(stored.text.contains("eleven"));
}

/// A corrected version under another id but the same URL replaces the earlier one.
pub fn corrected_article_by_url_replaces(make: MakeStore<'_>) {
    let s = make();
    let c = corpus();
    s.ingest(&c).expect("ingest");
    let before = s.counts().expect("counts");
    let fixed = art(
        "a7-v2",
        Some("https://wire.example/a1"),
        "2026-02-01",
        "QUETTA: Militants stormed a camp on the edge of the city on Saturday. At least 60 people were killed.",
        &[r("2026-01-31", EventType::Battles, "bla", "army", "quetta", Some(60))],
    );
    let rep = s.ingest(&[fixed]).expect("ingest fix");
    assert_eq!(rep.replaced, 1, "{rep:?}");
    assert_eq!(s.counts().expect("counts"), before);
    assert!(s.article("a1").expect("article").is_none());
    assert!(s.article("a7-v2").expect("article").is_some());
    let q = all_events(
        &*s,
        EventQuery {
            admin1: Some("balochistan".into()),
            from: Some(day("2026-01-30")),
            ..EventQuery::default()
        },
    );
    let big = q
        .iter()
        .find(|e| e.sources.len() == 4)
        .expect("the Quetta attack keeps four sources");
    assert!(big.sources.iter().any(|s| s.article_id == "a7-v2"));
    assert!(!big.sources.iter().any(|s| s.article_id == "a1"));
}

/// Four reports of the Quetta attack become one event with four sources and
/// their own figures; the look-alikes stay separate.
pub fn reports_of_one_event_fuse_and_look_alikes_stay_apart(make: MakeStore<'_>) {
    let s = make();
    let c = corpus();
    s.ingest(&c).expect("ingest");
    let evs = all_events(&*s, EventQuery::default());
    let groups = sources_of(&evs);
    let expect: Vec<Vec<String>> = {
        let mut v: Vec<Vec<String>> = vec![
            vec!["a1", "a2", "a3", "a4"],
            vec!["a10"],
            vec!["a5"],
            vec!["a6"],
            vec!["a7", "a8"],
            vec!["a9"],
        ]
        .into_iter()
        .map(|g| g.into_iter().map(str::to_string).collect())
        .collect();
        v.sort();
        v
    };
    assert_eq!(groups, expect);
    assert_eq!(s.counts().expect("counts").events, 6);
    let big = evs
        .iter()
        .find(|e| e.sources.len() == 4)
        .expect("fused attack");
    let mut figures: Vec<Option<u32>> = big.sources.iter().map(|s| s.fatalities_reported).collect();
    figures.sort();
    assert_eq!(figures, vec![Some(48), Some(150), Some(152), Some(191)]);
    assert_eq!(big.fatalities.best, Some(150));
    assert_eq!(big.fatalities.high, Some(191));
    assert_eq!(big.event_type, Some(EventType::Battles));
    assert_eq!(big.event_date, Some(day("2026-01-31")));
    // The fused id is the smallest report id of the group.
    let smallest = ["a1", "a2", "a3", "a4"]
        .iter()
        .map(|a| sitrep_model::stable_id(&[a, "0"]))
        .min()
        .unwrap_or_default();
    assert_eq!(big.id, smallest);
    // Unknown toll stays unknown.
    let turbat = evs
        .iter()
        .find(|e| e.sources[0].article_id == "a10")
        .expect("a10");
    assert_eq!(turbat.fatalities.best, None);
}

/// Ingesting in another order (and in other batch sizes) gives the same events and ids.
pub fn ingest_order_does_not_change_events_or_ids(make: MakeStore<'_>) {
    let c = corpus();
    let a = make();
    a.ingest(&c).expect("ingest");
    let ea = all_events(&*a, EventQuery::default());
    let orders: Vec<Vec<usize>> = vec![
        (0..c.len()).rev().collect(),
        vec![2, 9, 0, 7, 4, 1, 8, 3, 6, 5],
        vec![3, 1, 5, 0, 2, 4, 6, 8, 7, 9],
    ];
    for order in orders {
        let b = make();
        let arts: Vec<ArticleReports> = order.iter().map(|&i| c[i].clone()).collect();
        ingest_each(&*b, &arts);
        let eb = all_events(&*b, EventQuery::default());
        assert_eq!(ids(&ea), ids(&eb), "order {order:?}");
        assert_eq!(
            serde_json::to_value(&ea).ok(),
            serde_json::to_value(&eb).ok(),
            "order {order:?}"
        );
    }
}

/// A correction that moves a bridging report away splits its event again, with
/// ids that depend only on the members.
pub fn correction_splits_an_event(make: MakeStore<'_>) {
    use EventType::*;
    let s = make();
    // x1 (Peshawar) and x3 (Nowshera, 37 km away) are joined only through x2 (Pabbi, between them).
    let arts = vec![
        art(
            "x1",
            None,
            "2026-01-10",
            "Clash one near Peshawar.",
            &[r(
                "2026-01-10",
                Battles,
                "ttp",
                "police",
                "peshawar",
                Some(1),
            )],
        ),
        art(
            "x2",
            None,
            "2026-01-10",
            "Clash two near Pabbi.",
            &[r("2026-01-10", Battles, "ttp", "police", "pabbi", Some(2))],
        ),
        art(
            "x3",
            None,
            "2026-01-10",
            "Clash three near Nowshera.",
            &[r(
                "2026-01-10",
                Battles,
                "ttp",
                "police",
                "nowshera",
                Some(3),
            )],
        ),
    ];
    s.ingest(&arts).expect("ingest");
    assert_eq!(s.counts().expect("counts").events, 1);
    let moved = art(
        "x2",
        None,
        "2026-01-20",
        "Clash two near Pabbi, corrected date.",
        &[r("2026-01-20", Battles, "ttp", "police", "pabbi", Some(2))],
    );
    let rep = s.ingest(std::slice::from_ref(&moved)).expect("ingest fix");
    assert_eq!(rep.replaced, 1);
    assert_eq!(s.counts().expect("counts").events, 3);
    // Same as a clean store holding the corrected version only.
    let clean = make();
    clean
        .ingest(&[arts[0].clone(), moved, arts[2].clone()])
        .expect("ingest clean");
    assert_eq!(
        serde_json::to_value(all_events(&*s, EventQuery::default())).ok(),
        serde_json::to_value(all_events(&*clean, EventQuery::default())).ok()
    );
}

/// An article that restates one event (headline, bullets, body) yields one event.
pub fn within_article_duplicates_are_one_event(make: MakeStore<'_>) {
    use EventType::*;
    let s = make();
    let a = art(
        "dup",
        None,
        "2026-03-02",
        "PESHAWAR: A suicide bomber killed 12 at a police station. The bombing at the police station killed 12, police said.",
        &[
            r("2026-03-02", ExplosionsRemoteViolence, "ttp", "police", "peshawar", Some(12)),
            r("2026-03-02", ExplosionsRemoteViolence, "ttp", "police", "peshawar", Some(12)),
        ],
    );
    s.ingest(&[a]).expect("ingest");
    let c = s.counts().expect("counts");
    assert_eq!((c.reports, c.events), (2, 1));
    let evs = all_events(&*s, EventQuery::default());
    assert_eq!(evs[0].fatalities.best, Some(12));
}

/// A report of a multi-day event (`date_end` set) fuses with a report of its
/// last day, whichever comes first.
pub fn multi_day_report_links_by_its_end(make: MakeStore<'_>) {
    use EventType::*;
    let mut long = art(
        "span-long",
        None,
        "2026-04-12",
        "Fighting in Bannu went on for ten days, officials said.",
        &[r("2026-04-01", Battles, "ttp", "army", "bannu", Some(20))],
    );
    long.events[0].date_end = Some(day("2026-04-10"));
    long.events[0].date_precision = DatePrecision::Days;
    let last = art(
        "span-last",
        None,
        "2026-04-11",
        "Clashes in Bannu on Friday killed three soldiers.",
        &[r("2026-04-11", Battles, "ttp", "army", "bannu", Some(3))],
    );
    for order in [[long.clone(), last.clone()], [last, long]] {
        let s = make();
        ingest_each(&*s, &order);
        assert_eq!(s.counts().expect("counts").events, 1, "one event");
    }
}

/// Every SPEC filter, alone and combined.
pub fn filters(make: MakeStore<'_>) {
    let s = make();
    s.ingest(&corpus()).expect("ingest");
    let n = |q: EventQuery| all_events(&*s, q).len();
    let q = EventQuery::default;
    assert_eq!(n(q()), 6);
    assert_eq!(
        n(EventQuery {
            country: Some("af".into()),
            ..q()
        }),
        1
    );
    assert_eq!(
        n(EventQuery {
            country: Some("PK".into()),
            ..q()
        }),
        5
    );
    assert_eq!(
        n(EventQuery {
            admin1: Some("KHYBER PAKHTUNKHWA".into()),
            ..q()
        }),
        1
    );
    assert_eq!(
        n(EventQuery {
            event_type: Some(EventType::ViolenceAgainstCivilians),
            ..q()
        }),
        1
    );
    assert_eq!(
        n(EventQuery {
            actor: Some("taliban".into()),
            ..q()
        }),
        1
    );
    assert_eq!(
        n(EventQuery {
            actor: Some("civilians".into()),
            ..q()
        }),
        2
    );
    assert_eq!(
        n(EventQuery {
            from: Some(day("2026-01-31")),
            to: Some(day("2026-01-31")),
            ..q()
        }),
        3
    );
    assert_eq!(
        n(EventQuery {
            from: Some(day("2026-02-01")),
            ..q()
        }),
        1
    );
    assert_eq!(
        n(EventQuery {
            to: Some(day("2026-01-20")),
            ..q()
        }),
        1
    );
    // bbox around Quetta and Mastung.
    assert_eq!(
        n(EventQuery {
            bbox: Some([66.0, 29.5, 67.5, 30.5]),
            ..q()
        }),
        3
    );
    assert_eq!(
        n(EventQuery {
            bbox: Some([0.0, 0.0, 1.0, 1.0]),
            ..q()
        }),
        0
    );
    // Full text over the articles behind the events (any of its sources).
    assert_eq!(
        n(EventQuery {
            text: Some("bomber rammed".into()),
            ..q()
        }),
        1
    );
    assert_eq!(
        n(EventQuery {
            text: Some("MARKET".into()),
            ..q()
        }),
        1
    );
    assert_eq!(
        n(EventQuery {
            text: Some("zeppelin".into()),
            ..q()
        }),
        0
    );
    assert_eq!(
        n(EventQuery {
            country: Some("PK".into()),
            event_type: Some(EventType::Battles),
            from: Some(day("2026-01-30")),
            actor: Some("baloch".into()),
            ..q()
        }),
        2
    );
}

/// Pages follow (event_date desc, id) and cover every event exactly once.
pub fn pagination_covers_everything_once(make: MakeStore<'_>) {
    let s = make();
    s.ingest(&corpus()).expect("ingest");
    let whole = all_events(&*s, EventQuery::default());
    let mut paged = Vec::new();
    let mut q = EventQuery {
        limit: Some(2),
        ..EventQuery::default()
    };
    let mut pages = 0;
    loop {
        let p = s.events(&q).expect("page");
        assert!(p.events.len() <= 2);
        pages += 1;
        paged.extend(p.events);
        match p.next_cursor {
            Some(c) => q.cursor = Some(c),
            None => break,
        }
        assert!(pages < 20, "pagination does not end");
    }
    assert_eq!(pages, 3);
    let a: Vec<&str> = whole.iter().map(|e| e.id.as_str()).collect();
    let b: Vec<&str> = paged.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(a, b);
    let dates: Vec<Option<NaiveDate>> = whole.iter().map(|e| e.event_date).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|x, y| y.cmp(x));
    assert_eq!(dates, sorted, "newest first");
    // A default page is at most 50.
    assert!(s.events(&EventQuery::default()).expect("page").events.len() <= 50);
    // The JSON pages are the same pages, record for record, cursor for cursor.
    let mut q = EventQuery {
        limit: Some(2),
        country: Some("PK".into()),
        ..EventQuery::default()
    };
    loop {
        let p = s.events(&q).expect("page");
        let j = s.events_json(&q).expect("json page");
        assert_eq!(j.next_cursor, p.next_cursor);
        let decoded: Vec<serde_json::Value> = j
            .events
            .iter()
            .map(|t| {
                let ev: Event = serde_json::from_str(t).expect("one event record per entry");
                serde_json::to_value(ev).expect("encode")
            })
            .collect();
        let direct: Vec<serde_json::Value> = p
            .events
            .iter()
            .map(|e| serde_json::to_value(e).expect("encode"))
            .collect();
        assert_eq!(decoded, direct);
        match p.next_cursor {
            Some(c) => q.cursor = Some(c),
            None => break,
        }
    }
}

/// Malformed cursors and impossible filters are `BadQuery`, not panics.
pub fn bad_queries_are_refused(make: MakeStore<'_>) {
    let s = make();
    s.ingest(&corpus()).expect("ingest");
    for cursor in ["zz", "abc", "", "00ff", "%%%", "djF8MjAyNnx4"] {
        let q = EventQuery {
            cursor: Some(cursor.into()),
            ..EventQuery::default()
        };
        match s.events(&q) {
            Err(StoreError::BadQuery(_)) => {}
            other => panic!("cursor {cursor:?}: expected BadQuery, got {other:?}"),
        }
    }
    let bad = [
        EventQuery {
            bbox: Some([10.0, 50.0, 20.0, 40.0]),
            ..EventQuery::default()
        },
        EventQuery {
            bbox: Some([f64::NAN, 0.0, 1.0, 1.0]),
            ..EventQuery::default()
        },
        EventQuery {
            bbox: Some([-200.0, 0.0, 1.0, 1.0]),
            ..EventQuery::default()
        },
        EventQuery {
            from: Some(day("2026-02-01")),
            to: Some(day("2026-01-01")),
            ..EventQuery::default()
        },
        EventQuery {
            limit: Some(0),
            ..EventQuery::default()
        },
        EventQuery {
            text: Some("!!! ???".into()),
            ..EventQuery::default()
        },
    ];
    for q in bad {
        match s.events(&q) {
            Err(StoreError::BadQuery(_)) => {}
            other => panic!("{q:?}: expected BadQuery, got {other:?}"),
        }
        match s.stats(&q, StatsGroup::Type) {
            Err(StoreError::BadQuery(_)) => {}
            Ok(_) if q.limit == Some(0) => {}
            other => panic!("stats {q:?}: expected BadQuery, got {other:?}"),
        }
    }
}

/// SQL and FTS metacharacters in every string filter are plain data.
pub fn hostile_strings_are_data(make: MakeStore<'_>) {
    let s = make();
    s.ingest(&corpus()).expect("ingest");
    let hostile = [
        "'; DROP TABLE events; --",
        "\" OR 1=1 --",
        "NEAR(a b)",
        "quetta*",
        "%",
        "_",
        "\\",
        "a\u{0}b",
        "ÄÖÜ ß 𝔘",
    ];
    for h in hostile {
        let qs = [
            EventQuery {
                country: Some(h.into()),
                ..EventQuery::default()
            },
            EventQuery {
                admin1: Some(h.into()),
                ..EventQuery::default()
            },
            EventQuery {
                actor: Some(h.into()),
                ..EventQuery::default()
            },
            EventQuery {
                text: Some(h.into()),
                ..EventQuery::default()
            },
        ];
        for q in qs {
            match s.events(&q) {
                Ok(p) => assert!(p.events.len() <= 6),
                Err(StoreError::BadQuery(_)) => {}
                Err(e) => panic!("{q:?}: {e}"),
            }
        }
        assert!(s.event(h).expect("event lookup").is_none());
        assert!(s.article(h).expect("article lookup").is_none());
    }
    assert_eq!(s.counts().expect("counts").events, 6);
    // "%" and "_" are not wildcards in the actor filter.
    let q = EventQuery {
        actor: Some("%".into()),
        ..EventQuery::default()
    };
    assert_eq!(s.events(&q).expect("events").events.len(), 0);
}

/// Time groups stacked by type, and breakdowns.
pub fn stats(make: MakeStore<'_>) {
    let s = make();
    s.ingest(&corpus()).expect("ingest");
    let all = EventQuery::default();
    let weeks = s.stats(&all, StatsGroup::Week).expect("weeks");
    // 2026-01-31 is a Saturday: its ISO week starts Monday 2026-01-26.
    let w = weeks
        .iter()
        .find(|r| r.key == "2026-01-26" && r.event_type.as_deref() == Some("Battles"))
        .expect("week of the attack");
    assert_eq!(w.events, 3);
    assert_eq!(w.fatalities, 150 + 2 + 5);
    let total: u64 = weeks.iter().map(|r| r.events).sum();
    assert_eq!(total, 6);
    let months = s.stats(&all, StatsGroup::Month).expect("months");
    let feb: u64 = months
        .iter()
        .filter(|r| r.key == "2026-02")
        .map(|r| r.events)
        .sum();
    assert_eq!(feb, 1);
    let days = s.stats(&all, StatsGroup::Day).expect("days");
    assert!(days.iter().any(|r| r.key == "2026-01-15"));
    let types = s.stats(&all, StatsGroup::Type).expect("types");
    assert_eq!(types[0].key, "Battles");
    assert_eq!(types[0].events, 4);
    let admin1 = s.stats(&all, StatsGroup::Admin1).expect("admin1");
    let b = admin1
        .iter()
        .find(|r| r.key == "Balochistan")
        .expect("Balochistan");
    assert_eq!(b.events, 4);
    let actors = s.stats(&all, StatsGroup::Actor).expect("actors");
    assert!(actors
        .iter()
        .any(|r| r.key == "TTP: Tehrik-i-Taliban Pakistan" && r.fatalities == 5));
    // Time lines agree with the event list, filtered or not (a backend may
    // answer them from a rollup).
    for q in [
        EventQuery::default(),
        EventQuery {
            country: Some("pk".into()),
            ..EventQuery::default()
        },
        EventQuery {
            from: Some(day("2026-01-24")),
            to: Some(day("2026-01-31")),
            ..EventQuery::default()
        },
        EventQuery {
            event_type: Some(EventType::Battles),
            ..EventQuery::default()
        },
    ] {
        let n = all_events(&*s, q.clone()).len() as u64;
        for g in [StatsGroup::Week, StatsGroup::Month, StatsGroup::Day] {
            let rows = s.stats(&q, g).expect("stats");
            assert_eq!(rows.iter().map(|r| r.events).sum::<u64>(), n, "{g:?} {q:?}");
        }
        let by_type: u64 = s
            .stats(&q, StatsGroup::Type)
            .expect("types")
            .iter()
            .map(|r| r.fatalities)
            .sum();
        let by_week: u64 = s
            .stats(&q, StatsGroup::Week)
            .expect("weeks")
            .iter()
            .map(|r| r.fatalities)
            .sum();
        assert_eq!(by_type, by_week, "{q:?}");
    }
    let pk = EventQuery {
        country: Some("PK".into()),
        ..EventQuery::default()
    };
    let pk_types = s.stats(&pk, StatsGroup::Type).expect("types pk");
    assert!(!pk_types
        .iter()
        .any(|r| r.key == "Explosions/Remote violence"));
}

/// Articles come back as stored; events by id, also by the id of a merged report.
pub fn article_and_event_lookup(make: MakeStore<'_>) {
    let s = make();
    let c = corpus();
    s.ingest(&c).expect("ingest");
    let a = s.article("a3").expect("article").expect("a3");
    assert_eq!(a, c[2].article);
    let evs = all_events(&*s, EventQuery::default());
    for e in &evs {
        let got = s.event(&e.id).expect("event").expect("by id");
        assert_eq!(&got, e);
        for ev in &got.evidence {
            let art = s
                .article(&ev.article_id)
                .expect("article")
                .expect("evidence article");
            assert_eq!(art.text.get(ev.start..ev.end), Some(ev.text.as_str()));
        }
    }
    // The report id of a2 now belongs to the fused attack.
    let a2_report = sitrep_model::stable_id(&["a2", "0"]);
    let fused = s.event(&a2_report).expect("event").expect("redirect");
    assert_eq!(fused.sources.len(), 4);
}
