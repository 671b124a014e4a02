use super::*;
use sitrep_model::{Plover, SubEventType};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn actor(name: &str, t: ActorType) -> Actor {
    Actor {
        name: name.into(),
        actor_type: Some(t),
        country: Some("PK".into()),
    }
}

fn town(name: &str, admin1: &str, lat: f64, lon: f64) -> Location {
    Location {
        name: name.into(),
        admin1: Some(admin1.into()),
        admin2: Some(name.into()),
        country: Some("Pakistan".into()),
        country_code: Some("PK".into()),
        lat: Some(lat),
        lon: Some(lon),
        geonames_id: None,
        precision: 1,
    }
}

/// A report as the extractor gives it: one source.
#[allow(clippy::too_many_arguments)]
fn report(
    id: &str,
    date: &str,
    t: EventType,
    a1: Option<Actor>,
    a2: Option<Actor>,
    loc: Location,
    best: Option<u32>,
    published: &str,
) -> Event {
    Event {
        id: id.into(),
        event_date: Some(day(date)),
        date_precision: DatePrecision::Day,
        event_type: Some(t),
        actor1: a1,
        actor2: a2,
        location: Some(loc),
        fatalities: Fatalities {
            best,
            low: best,
            ..Fatalities::default()
        },
        sources: vec![Source {
            article_id: format!("art-{id}"),
            published: Some(published.into()),
            fatalities_reported: best,
            ..Source::default()
        }],
        confidence: 0.6,
        ..Event::default()
    }
}

fn quetta() -> Location {
    town("Quetta", "Balochistan", 30.19, 67.01)
}
fn mastung() -> Location {
    town("Mastung", "Balochistan", 29.80, 66.85)
}
fn peshawar() -> Location {
    town("Peshawar", "Khyber Pakhtunkhwa", 34.01, 71.58)
}
fn bla() -> Option<Actor> {
    Some(actor("BLA: Baloch Liberation Army", ActorType::RebelGroups))
}
fn ttp() -> Option<Actor> {
    Some(actor(
        "TTP: Tehrik-i-Taliban Pakistan",
        ActorType::RebelGroups,
    ))
}
fn army() -> Option<Actor> {
    Some(actor(
        "Military Forces of Pakistan (2024-)",
        ActorType::StateForces,
    ))
}
fn police() -> Option<Actor> {
    Some(actor("Police Forces of Pakistan", ActorType::StateForces))
}
fn unidentified() -> Option<Actor> {
    Some(actor(
        "Unidentified Armed Group (Pakistan)",
        ActorType::PoliticalMilitias,
    ))
}

fn fixture() -> Vec<Event> {
    use EventType::*;
    vec![
        report(
            "r1",
            "2026-01-31",
            Battles,
            bla(),
            army(),
            quetta(),
            Some(48),
            "2026-01-31",
        ),
        // Same attack, next-day report, actors crossed, another figure.
        report(
            "r2",
            "2026-01-31",
            Battles,
            army(),
            bla(),
            quetta(),
            Some(191),
            "2026-02-01",
        ),
        // Same attack typed as explosions, target named police, dated the day after.
        report(
            "r3",
            "2026-02-01",
            ExplosionsRemoteViolence,
            unidentified(),
            police(),
            quetta(),
            Some(150),
            "2026-02-01",
        ),
        // Look-alike: same place, other day.
        report(
            "r4",
            "2026-01-25",
            Battles,
            bla(),
            army(),
            quetta(),
            Some(3),
            "2026-01-25",
        ),
        // Look-alike: same day, other district (~45 km away).
        report(
            "r5",
            "2026-01-31",
            Battles,
            bla(),
            army(),
            mastung(),
            Some(2),
            "2026-01-31",
        ),
        // Look-alike: same day and place, other named group.
        report(
            "r6",
            "2026-01-31",
            Battles,
            ttp(),
            army(),
            quetta(),
            Some(4),
            "2026-01-31",
        ),
        // Far away.
        report(
            "r7",
            "2026-01-31",
            Battles,
            ttp(),
            police(),
            peshawar(),
            Some(1),
            "2026-01-31",
        ),
    ]
}

#[test]
fn same_event_is_symmetric_over_the_fixture() {
    let f = fixture();
    for a in &f {
        for b in &f {
            assert_eq!(same_event(a, b), same_event(b, a), "{} vs {}", a.id, b.id);
        }
    }
}

#[test]
fn reports_of_one_attack_are_grouped_and_look_alikes_kept_apart() {
    let f = fixture();
    let groups: Vec<Vec<String>> = components(&f)
        .into_iter()
        .map(|g| g.into_iter().map(|i| f[i].id.clone()).collect())
        .collect();
    assert_eq!(
        groups,
        vec![
            vec!["r1".to_string(), "r2".into(), "r3".into()],
            vec!["r4".into()],
            vec!["r5".into()],
            vec!["r6".into()],
            vec!["r7".into()],
        ]
    );
}

#[test]
fn undated_reports_never_fuse() {
    let mut a = fixture()[0].clone();
    let mut b = fixture()[1].clone();
    a.event_date = None;
    assert!(!same_event(&a, &b));
    b.event_date = None;
    assert!(!same_event(&a, &b));
}

#[test]
fn verbal_and_violent_reports_do_not_fuse() {
    let f = fixture();
    let mut v = f[0].clone();
    v.id = "v".into();
    v.event_type = None;
    v.plover = Some(Plover::Accuse);
    assert!(!same_event(&f[0], &v));
    let mut w = v.clone();
    w.id = "w".into();
    assert!(same_event(&v, &w));
    w.plover = Some(Plover::Reject);
    assert!(!same_event(&v, &w));
}

#[test]
fn coarse_dates_match_only_the_same_period() {
    let f = fixture();
    let mut a = f[0].clone();
    let mut b = f[1].clone();
    a.date_precision = DatePrecision::Year;
    a.event_date = Some(day("2025-01-01"));
    b.date_precision = DatePrecision::Year;
    b.event_date = Some(day("2025-01-01"));
    assert!(same_event(&a, &b));
    b.event_date = Some(day("2024-01-01"));
    assert!(!same_event(&a, &b));
    b.event_date = Some(day("2025-01-01"));
    b.date_precision = DatePrecision::Day;
    assert!(!same_event(&a, &b));
}

#[test]
fn province_level_location_matches_towns_in_that_province_only() {
    let f = fixture();
    let mut coarse = f[0].clone();
    coarse.id = "c".into();
    coarse.location = Some(Location {
        name: "Balochistan".into(),
        admin1: Some("Balochistan".into()),
        country_code: Some("PK".into()),
        precision: 3,
        ..Location::default()
    });
    assert!(same_event(&coarse, &f[0]));
    let mut kp = f[6].clone();
    kp.actor1 = bla();
    kp.actor2 = army();
    assert!(!same_event(&coarse, &kp));
}

#[test]
fn other_country_never_fuses() {
    let f = fixture();
    let mut b = f[1].clone();
    if let Some(l) = b.location.as_mut() {
        l.country_code = Some("AF".into());
    }
    assert!(!same_event(&f[0], &b));
}

#[test]
fn fuse_is_order_independent_and_keeps_every_source() {
    let f = fixture();
    let g = vec![f[0].clone(), f[1].clone(), f[2].clone()];
    let a = fuse(&g);
    let mut rev = g.clone();
    rev.reverse();
    let b = fuse(&rev);
    let c = fuse(&[g[1].clone(), g[0].clone(), g[2].clone()]);
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(a.id, "r1");
    assert_eq!(a.sources.len(), 3);
    let reported: Vec<Option<u32>> = a.sources.iter().map(|s| s.fatalities_reported).collect();
    assert!(reported.contains(&Some(48)));
    assert!(reported.contains(&Some(191)));
    assert!(reported.contains(&Some(150)));
}

#[test]
fn fatalities_rule_conservative_current_best_and_ucdp_bounds() {
    let f = fixture();
    let e = fuse(&[f[0].clone(), f[1].clone(), f[2].clone()]);
    // Current reports are those of 2026-02-01 (191 and 150): best = the smaller.
    assert_eq!(e.fatalities.best, Some(150));
    assert_eq!(e.fatalities.low, Some(150));
    // UCDP high: the largest figure any source gave.
    assert_eq!(e.fatalities.high, Some(191));
    assert_eq!(e.event_type, Some(EventType::Battles));
    assert_eq!(e.event_date, Some(day("2026-01-31")));
    // Named actor wins over the unidentified one.
    assert_eq!(
        e.actor1.as_ref().map(|a| a.name.as_str()),
        Some("BLA: Baloch Liberation Army")
    );
}

#[test]
fn unknown_stays_null_and_zero_stays_zero() {
    let f = fixture();
    let mut a = f[0].clone();
    let mut b = f[1].clone();
    a.fatalities = Fatalities::default();
    b.fatalities = Fatalities::default();
    a.wounded = Bounds::default();
    let e = fuse(&[a.clone(), b.clone()]);
    assert!(e.fatalities.is_unknown());
    assert_eq!(e.wounded, Bounds::default());
    b.fatalities.best = Some(0);
    let e = fuse(&[a, b]);
    assert_eq!(e.fatalities.best, Some(0));
    assert_eq!(e.fatalities.low, Some(0));
    assert_eq!(e.fatalities.high, None);
}

#[test]
fn claims_are_united_and_background_needs_all() {
    let f = fixture();
    let mut a = f[0].clone();
    let mut b = f[1].clone();
    a.claimed_by = vec![Claim {
        actor: "BLA: Baloch Liberation Army".into(),
    }];
    b.claimed_by = vec![Claim {
        actor: "BLA: Baloch Liberation Army".into(),
    }];
    a.background = true;
    let e = fuse(&[a.clone(), b.clone()]);
    assert_eq!(e.claimed_by.len(), 1);
    assert!(!e.background);
    b.background = true;
    assert!(fuse(&[a, b]).background);
}

#[test]
fn sub_type_follows_the_fused_type() {
    let f = fixture();
    let mut a = f[0].clone();
    let mut b = f[1].clone();
    let mut c = f[2].clone();
    a.sub_event_type = Some(SubEventType::ArmedClash);
    b.sub_event_type = Some(SubEventType::ArmedClash);
    c.sub_event_type = Some(SubEventType::SuicideBomb);
    let e = fuse(&[a, b, c]);
    assert_eq!(e.sub_event_type, Some(SubEventType::ArmedClash));
}

#[test]
fn norm_name_drops_case_punctuation_and_parentheses() {
    assert_eq!(
        norm_name("Military Forces of Pakistan (2024-)"),
        "military forces of pakistan"
    );
    assert_eq!(
        norm_name("BLA: Baloch  Liberation Army"),
        "bla baloch liberation army"
    );
}

#[test]
fn haversine_is_plausible() {
    let d = haversine_km(30.19, 67.01, 29.80, 66.85);
    assert!((40.0..50.0).contains(&d), "{d}");
}

#[test]
fn a_shooting_and_a_bombing_in_one_city_on_one_day_stay_apart() {
    let bomb = report(
        "b",
        "2026-03-18",
        EventType::ExplosionsRemoteViolence,
        unidentified(),
        Some(actor("Civilians (Pakistan)", ActorType::Civilians)),
        peshawar(),
        Some(20),
        "2026-03-18",
    );
    let shot = report(
        "s",
        "2026-03-18",
        EventType::ViolenceAgainstCivilians,
        unidentified(),
        Some(actor("Civilians (Pakistan)", ActorType::Civilians)),
        peshawar(),
        Some(1),
        "2026-03-18",
    );
    assert!(!same_event(&bomb, &shot));
}

#[test]
fn grouping_does_not_depend_on_input_order() {
    let f = fixture();
    let names = |v: &[Event]| -> Vec<Vec<String>> {
        components(v)
            .into_iter()
            .map(|g| g.into_iter().map(|i| v[i].id.clone()).collect::<Vec<_>>())
            .map(|mut g| {
                g.sort();
                g
            })
            .collect()
    };
    let base = names(&f);
    for k in 0..f.len() {
        let mut v = f.clone();
        v.rotate_left(k);
        if k % 2 == 1 {
            v.reverse();
        }
        assert_eq!(names(&v), base, "rotation {k}");
        let fused: Vec<Event> = fuse_all(&v);
        assert_eq!(fused, fuse_all(&f), "rotation {k}");
    }
}

#[test]
fn same_day_same_town_same_type_tolerates_inconsistent_sides_but_not_other_groups() {
    let civ = Some(actor("Civilians (Pakistan)", ActorType::Civilians));
    let afghan = Some(Actor {
        name: "Military Forces of Afghanistan".into(),
        actor_type: Some(ActorType::StateForces),
        country: Some("AF".into()),
    });
    let a = report(
        "a",
        "2026-03-24",
        EventType::Battles,
        army(),
        civ,
        quetta(),
        Some(3),
        "2026-03-24",
    );
    let b = report(
        "b",
        "2026-03-24",
        EventType::Battles,
        afghan,
        army(),
        quetta(),
        Some(3),
        "2026-03-25",
    );
    assert!(same_event(&a, &b));
    // Another day: the sides must agree.
    let mut c = b.clone();
    c.event_date = Some(day("2026-03-25"));
    assert!(!same_event(&a, &c));
    // Two named groups on the same day in the same town: two events.
    let x = report(
        "x",
        "2026-03-24",
        EventType::Battles,
        bla(),
        army(),
        quetta(),
        Some(3),
        "2026-03-24",
    );
    let y = report(
        "y",
        "2026-03-24",
        EventType::Battles,
        ttp(),
        police(),
        quetta(),
        Some(3),
        "2026-03-24",
    );
    assert!(!same_event(&x, &y));
}

#[test]
fn a_chain_of_adjacent_days_never_joins_reports_two_days_apart() {
    let bomb = EventType::ExplosionsRemoteViolence;
    // Saturday's attack, a report that dates it by its Sunday publication, and the
    // same group's attack in the same town on Monday: Sunday links to both sides.
    let sat = report(
        "a",
        "2026-03-07",
        bomb,
        ttp(),
        police(),
        peshawar(),
        Some(11),
        "2026-03-07",
    );
    let sun = report(
        "b",
        "2026-03-08",
        bomb,
        police(),
        unidentified(),
        peshawar(),
        Some(14),
        "2026-03-08",
    );
    let mon = report(
        "c",
        "2026-03-09",
        bomb,
        ttp(),
        police(),
        peshawar(),
        Some(3),
        "2026-03-09",
    );
    assert!(same_event(&sat, &sun) && same_event(&sun, &mon));
    assert!(!same_event(&sat, &mon));
    let reports = vec![sat, sun, mon];
    let groups = components(&reports);
    assert_eq!(groups.len(), 2, "{groups:?}");
    // a-b and b-c are equally strong links (same type, same town); ties go by
    // id: a-b is taken first, then b-c would stretch the group to two days.
    assert!(groups.contains(&vec![0, 1]), "{groups:?}");
    assert!(groups.contains(&vec![2]), "{groups:?}");
    // Any input order gives the same grouping.
    let rev: Vec<Event> = reports.iter().rev().cloned().collect();
    let ids = |rs: &[Event], gs: Vec<Vec<usize>>| -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = gs
            .into_iter()
            .map(|g| {
                let mut v: Vec<String> = g.into_iter().map(|i| rs[i].id.clone()).collect();
                v.sort();
                v
            })
            .collect();
        out.sort();
        out
    };
    assert_eq!(
        ids(&reports, components(&reports)),
        ids(&rev, components(&rev))
    );
}

#[test]
fn a_multi_day_report_spans_its_days_in_the_chain_guard() {
    let bomb = EventType::Battles;
    // A three-day operation (date_end) links to a report of its first day and to
    // one of its last day; those two are two days apart, so (as ACLED codes one
    // event per day) only the first, strongest link is taken.
    let mut op = report(
        "a",
        "2026-03-07",
        bomb,
        army(),
        ttp(),
        peshawar(),
        Some(20),
        "2026-03-10",
    );
    op.date_precision = DatePrecision::Days;
    op.date_end = Some(day("2026-03-09"));
    let first = report(
        "b",
        "2026-03-07",
        bomb,
        army(),
        ttp(),
        peshawar(),
        Some(5),
        "2026-03-07",
    );
    let last = report(
        "c",
        "2026-03-09",
        bomb,
        army(),
        ttp(),
        peshawar(),
        Some(9),
        "2026-03-09",
    );
    let groups = components(&[op, first, last]);
    assert_eq!(
        groups,
        vec![vec![0, 1], vec![2]],
        "the two single days stay two days apart"
    );
}

/// Two reports each placed only at its district, in two named districts,
/// are two places however near the districts' points lie; the same district
/// (or no district name) still compares by distance.
#[test]
fn two_named_districts_are_two_places() {
    let district = |name: &str, lat: f64, lon: f64| Location {
        precision: 2,
        ..town(name, "Khyber Pakhtunkhwa", lat, lon)
    };
    let at = |id: &str, loc: Location| {
        report(
            id,
            "2026-03-20",
            EventType::Battles,
            unidentified(),
            police(),
            loc,
            Some(5),
            "2026-03-20",
        )
    };
    // ~50 km apart: within the district radius, but two districts
    let kurram = at("k", district("Kurram", 33.65, 70.37));
    let hangu = at("h", district("Hangu", 33.48, 70.87));
    assert!(!same_event(&kurram, &hangu));
    assert!(!same_event(&hangu, &kurram));
    // the same district named twice, points apart: still one place
    let kurram2 = at("k2", district("Kurram", 33.70, 70.30));
    assert!(same_event(&kurram, &kurram2));
    // a district-level report and a town in it: distance decides, as before
    let mut town_in = town("Sadda", "Khyber Pakhtunkhwa", 33.70, 70.33);
    town_in.admin2 = Some("Kurram".into());
    assert!(same_event(&kurram, &at("s", town_in)));
}
