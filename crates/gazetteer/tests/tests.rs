//! Behaviour tests of the gazetteer: word boundaries, case rules, ambiguity,
//! aliases, historical names, generic mentions, precision, user files.
//! Fixtures are written for the project (in the style of wire copy).

use sitrep_gazetteer::{ActorMentionKind, DocContext, Gazetteer, GenericKind, PlaceKind};
use sitrep_model::{ActorType, Span};

mod common;
use common::{gaz, place, places};

#[test]
fn gazetteer_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Gazetteer>();
}

#[test]
fn word_boundaries_hold() {
    let text = "Police said the blast hit a shop in Bannuwal village, not in Bannu city.";
    let ps = places(text);
    assert!(place(&ps, text, "Bannuwal").is_none());
    let b = place(&ps, text, "Bannu").expect("Bannu found");
    assert_eq!(b.location.country_code.as_deref(), Some("PK"));
    assert!(ps.iter().all(|p| text[p.span.start..p.span.end] != *"Bannu"
        || p.span.start == text.find("in Bannu city").map(|i| i + 3).unwrap_or(0)));
}

#[test]
fn case_rules_and_common_words() {
    // "said" is never a place; "Said" at sentence start without a cue is not either.
    let text =
        "Said the officer: the police station in Mardan was attacked. Officials said nothing.";
    let ps = places(text);
    assert!(ps
        .iter()
        .all(|p| !text[p.span.start..p.span.end].eq_ignore_ascii_case("said")));
    assert!(place(&ps, text, "Mardan").is_some());
    assert!(place(&ps, text, "Police").is_none());
}

#[test]
fn same_named_towns_are_told_apart_by_context() {
    let pk = "Gunmen opened fire at a market in Hyderabad, Sindh, on Sunday, police said.";
    let ps = places(pk);
    let h = place(&ps, pk, "Hyderabad").expect("Hyderabad");
    assert_eq!(h.location.country_code.as_deref(), Some("PK"));
    assert_eq!(h.location.admin1.as_deref(), Some("Sindh"));

    let ind = "Students marched in Hyderabad, Telangana, against the fee increase.";
    let ps = places(ind);
    let h = place(&ps, ind, "Hyderabad").expect("Hyderabad");
    assert_eq!(h.location.country_code.as_deref(), Some("IN"));
    assert_eq!(h.location.admin1.as_deref(), Some("Telangana"));
}

#[test]
fn dateline_sets_the_country_context() {
    let g = gaz();
    let text = "Two soldiers were wounded when a mine exploded near Hyderabad on Monday.";
    let rec = g.recognise(text);
    let ctx = DocContext {
        dateline: Some("KARACHI".into()),
        title: None,
    };
    let ps = g.resolve(text, &rec, &ctx);
    let h = place(&ps, text, "Hyderabad").expect("Hyderabad");
    assert_eq!(h.location.country_code.as_deref(), Some("PK"));
    assert_eq!(h.location.precision, 2, "near X is precision 2");
    assert!(h.near);
    assert_eq!(&text[h.evidence.start..h.evidence.end], "near Hyderabad");
}

#[test]
fn precision_follows_acled() {
    let text = "Militants attacked a checkpoint near Kabul. In Balochistan, a bomb killed two. \
                Pakistan said it would respond. A blast hit Quetta.";
    let ps = places(text);
    assert_eq!(
        place(&ps, text, "Kabul").map(|p| p.location.precision),
        Some(2)
    );
    let b = place(&ps, text, "Balochistan").expect("Balochistan");
    assert_eq!(b.location.precision, 3);
    assert_eq!(b.location.admin1.as_deref(), Some("Balochistan"));
    assert!(
        b.location.lat.is_some(),
        "province gets its capital's coordinates"
    );
    let p = place(&ps, text, "Pakistan").expect("Pakistan");
    assert_eq!(p.location.precision, 3);
    assert_eq!(p.location.admin1, None);
    let q = place(&ps, text, "Quetta").expect("Quetta");
    assert_eq!(q.location.precision, 1);
    assert_eq!(q.location.admin1.as_deref(), Some("Balochistan"));
    assert_eq!(q.location.geonames_id, Some(1167528));
}

#[test]
fn historical_admin_names_report_current_names() {
    let g = gaz();
    for old in [
        "NWFP",
        "North-West Frontier Province",
        "FATA",
        "Federally Administered Tribal Areas",
        "KPK",
    ] {
        assert_eq!(
            g.canonical_admin1("PK", old).as_deref(),
            Some("Khyber Pakhtunkhwa"),
            "{old}"
        );
    }
    assert_eq!(
        g.canonical_admin1("IN", "Orissa").as_deref(),
        Some("Odisha")
    );
    assert_eq!(
        g.canonical_admin1("PK", "Islamabad Capital Territory")
            .as_deref(),
        Some("Islamabad")
    );
    let text = "A roadside bomb exploded in Bajaur, FATA, killing a tribal elder.";
    let ps = places(text);
    let f = place(&ps, text, "FATA").expect("FATA recognised");
    assert_eq!(f.location.admin1.as_deref(), Some("Khyber Pakhtunkhwa"));
}

#[test]
fn border_phrases_resolve_to_a_country_not_a_town() {
    let text = "Pakistani troops clashed with militants near the border with Afghanistan in the \
                north-west of Pakistan.";
    let ps = places(text);
    let b = ps
        .iter()
        .find(|p| p.kind == PlaceKind::Region)
        .expect("border phrase recognised");
    assert_eq!(b.location.country_code.as_deref(), Some("PK"));
    assert_eq!(b.location.precision, 3);
    let (loc, ev) = gaz()
        .locate(text, &ps, Span::new(0, text.len()))
        .expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("PK"));
    assert!(text[ev.start..ev.end].contains("border"));
}

#[test]
fn actor_aliases_are_canonical() {
    let g = gaz();
    let text = "The Pakistani Taliban, or TTP, claimed the attack; the Frontier Corps and the CTD \
                responded, while the BLA denied any role.";
    let rec = g.recognise(text);
    let names: Vec<String> = rec
        .actors
        .iter()
        .filter(|a| a.kind == ActorMentionKind::Named)
        .filter_map(|a| a.actor.as_ref().map(|x| x.name.clone()))
        .collect();
    assert!(
        names
            .iter()
            .filter(|n| *n == "TTP: Tehreek-i-Taliban Pakistan")
            .count()
            >= 2,
        "{names:?}"
    );
    assert!(
        names.contains(&"Military Forces of Pakistan".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"Police Forces of Pakistan".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"BLA: Baloch Liberation Army".to_string()),
        "{names:?}"
    );
    let ttp = g
        .actor("Tehrik-e-Taliban Pakistan")
        .expect("lookup by alias");
    assert_eq!(ttp.actor_type, Some(ActorType::RebelGroups));
    assert_eq!(ttp.country.as_deref(), Some("PK"));
}

#[test]
fn generic_mentions_resolve_by_country() {
    let g = gaz();
    let text = "Gunmen killed two villagers; security forces and police later arrived, and \
                Pakistani soldiers cordoned off the area.";
    let rec = g.recognise(text);
    let by = |w: &str| {
        let s = text.find(w).expect("word in text");
        rec.actors
            .iter()
            .find(|a| a.span.start == s)
            .unwrap_or_else(|| panic!("no actor mention at {w}"))
    };
    let a = g.actor_for_generic(by("Gunmen"), Some("PK"));
    assert_eq!(a.name, "Unidentified Armed Group (Pakistan)");
    assert_eq!(a.actor_type, Some(ActorType::PoliticalMilitias));
    assert_eq!(
        g.actor_for_generic(by("villagers"), Some("PK")).name,
        "Civilians (Pakistan)"
    );
    assert_eq!(
        g.actor_for_generic(by("security forces"), Some("PK")).name,
        "Military Forces of Pakistan"
    );
    assert_eq!(
        g.actor_for_generic(by("police"), Some("PK")).name,
        "Police Forces of Pakistan"
    );
    let soldiers = by("soldiers");
    assert_eq!(soldiers.generic, Some(GenericKind::Military));
    assert_eq!(soldiers.country_hint.as_deref(), Some("PK"));
    // the mention's own country wins over the document's
    assert_eq!(
        g.actor_for_generic(soldiers, Some("IN")).name,
        "Military Forces of Pakistan"
    );
    assert_eq!(
        g.actor_for_generic(by("Gunmen"), Some("IN")).name,
        "Unidentified Armed Group (India)"
    );
}

#[test]
fn unqualified_taliban_in_pakistan_is_the_ttp() {
    let g = gaz();
    let text =
        "Taliban fighters attacked a police post in Swat. Afghan Taliban officials denied it.";
    let rec = g.recognise(text);
    let first = rec
        .actors
        .iter()
        .find(|a| a.kind == ActorMentionKind::Named)
        .expect("Taliban");
    assert_eq!(
        g.actor_for_generic(first, Some("PK")).name,
        "TTP: Tehreek-i-Taliban Pakistan"
    );
    assert_eq!(g.actor_for_generic(first, Some("AF")).name, "Taliban");
    let afghan = rec
        .actors
        .iter()
        .find(|a| text[a.span.start..a.span.end].starts_with("Afghan Taliban"))
        .expect("Afghan Taliban");
    assert_eq!(g.actor_for_generic(afghan, Some("PK")).name, "Taliban");
}

#[test]
fn taliban_in_a_text_about_afghanistan_stays_afghan() {
    let g = gaz();
    let text = "Pakistan accused the Taliban of sheltering militants; Afghanistan denied it. \
                The Taliban government said it wanted talks.";
    let rec = g.recognise(text);
    let names: Vec<String> = rec
        .actors
        .iter()
        .filter(|a| a.kind == ActorMentionKind::Named)
        .map(|a| g.actor_for_generic(a, Some("PK")).name)
        .collect();
    assert!(!names.is_empty());
    assert!(names.iter().all(|n| n == "Taliban"), "{names:?}");
}

#[test]
fn metonyms_are_a_distinct_kind() {
    let g = gaz();
    let text = "Kabul rejected the claim, and Islamabad said talks would continue.";
    let rec = g.recognise(text);
    let m: Vec<String> = rec
        .actors
        .iter()
        .filter(|a| a.kind == ActorMentionKind::Metonym)
        .filter_map(|a| a.actor.as_ref().map(|x| x.name.clone()))
        .collect();
    assert_eq!(
        m,
        vec![
            "Government of Afghanistan".to_string(),
            "Government of Pakistan".to_string()
        ]
    );
}

#[test]
fn unknown_organisations_are_recognised_by_shape() {
    let g = gaz();
    let text =
        "A little-known outfit calling itself the Karakoram Freedom Front claimed the attack, \
                as did Lashkar-e-Zulfiqar.";
    let rec = g.recognise(text);
    let shapes: Vec<&str> = rec
        .actors
        .iter()
        .filter(|a| a.kind == ActorMentionKind::Shape)
        .map(|a| &text[a.span.start..a.span.end])
        .collect();
    assert!(shapes.contains(&"Karakoram Freedom Front"), "{shapes:?}");
    assert!(shapes.contains(&"Lashkar-e-Zulfiqar"), "{shapes:?}");
}

#[test]
fn locate_prefers_the_town_in_the_focus_sentence() {
    let g = gaz();
    let text = "Violence has risen in Khyber Pakhtunkhwa. On Friday a suicide bomber struck a \
                mosque in Peshawar, police said.";
    let ps = places(text);
    let second = text.find("On Friday").expect("sentence");
    let (loc, ev) = g
        .locate(text, &ps, Span::new(second, text.len()))
        .expect("located");
    assert_eq!(loc.name, "Peshawar");
    assert_eq!(loc.precision, 1);
    assert_eq!(&text[ev.start..ev.end], "in Peshawar");
    let (loc1, _) = g.locate(text, &ps, Span::new(0, second)).expect("located");
    assert_eq!(loc1.admin1.as_deref(), Some("Khyber Pakhtunkhwa"));
    assert_eq!(loc1.precision, 3);
    assert!(g.locate(text, &ps, Span::new(0, 8)).is_none());
}

#[test]
fn user_files_add_and_override() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pf = dir.path().join("places.tsv");
    std::fs::write(
        &pf,
        "# name\tcc\tadmin1\tadmin2\tlat\tlon\tpopulation\taliases\n\
         Zarghunabad\tPK\tBalochistan\t\t30.5\t67.2\t2500\tZarghun Abad\n",
    )
    .expect("write");
    let af = dir.path().join("actors.tsv");
    std::fs::write(
        &af,
        "Zarghun Defence Committee\tIdentity Militias\tPK\tZDC\n",
    )
    .expect("write");
    let mut g = Gazetteer::embedded().expect("load");
    g.add_places_file(&pf).expect("places file");
    g.add_actors_file(&af).expect("actors file");
    let text = "The ZDC said its men clashed with raiders in Zarghun Abad, Balochistan.";
    let rec = g.recognise(text);
    let ps = g.resolve(text, &rec, &DocContext::default());
    let z = place(&ps, text, "Zarghun Abad").expect("user place");
    assert_eq!(z.location.name, "Zarghunabad");
    assert_eq!(z.location.admin1.as_deref(), Some("Balochistan"));
    assert_eq!(z.location.lat, Some(30.5));
    let a = rec
        .actors
        .iter()
        .find(|a| a.kind == ActorMentionKind::Named)
        .expect("user actor");
    assert_eq!(
        a.actor.as_ref().map(|x| x.name.as_str()),
        Some("Zarghun Defence Committee")
    );
    assert_eq!(
        a.actor.as_ref().and_then(|x| x.actor_type),
        Some(ActorType::IdentityMilitias)
    );

    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "Nowhere\tXX\t\t\t1\t2\n").expect("write");
    assert!(
        g.add_places_file(&bad).is_err(),
        "unknown country is an error, not a panic"
    );
    assert!(g.add_places_file(&dir.path().join("missing.tsv")).is_err());
}

#[test]
fn odd_input_never_panics() {
    let g = gaz();
    for t in [
        "",
        " ",
        "“Quetta”—",
        "in\u{2019}Kabul",
        "near",
        "in the the the",
        "É in Ü near Ö",
        "Lashkar-",
        "-Front",
        "QUETTA: ALL CAPS TEXT IN BALOCHISTAN",
        "a\u{0}b in Peshawar\u{301}",
    ] {
        let rec = g.recognise(t);
        let ps = g.resolve(
            t,
            &rec,
            &DocContext {
                dateline: Some(t.into()),
                title: Some(t.into()),
            },
        );
        for p in &ps {
            assert!(t.get(p.evidence.start..p.evidence.end).is_some());
            assert!(p.evidence.contains(p.span));
        }
        let _ = g.locate(t, &ps, Span::new(0, t.len()));
    }
}

/// The seed article (read from ../shared at test time, never copied).
#[test]
fn seed_places_resolve() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seed/000_9c0721aa9306303c.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("SKIPPED seed_places_resolve: {} not found", path.display());
        return;
    };
    let g = gaz();
    let rec = g.recognise(&text);
    let ps = g.resolve(&text, &rec, &DocContext::default());
    let find = |name: &str| {
        ps.iter()
            .find(|p| p.location.name == name)
            .unwrap_or_else(|| panic!("{name} not resolved"))
    };
    assert_eq!(
        find("Quetta").location.admin1.as_deref(),
        Some("Balochistan")
    );
    assert_eq!(find("Nushki").location.country_code.as_deref(), Some("PK"));
    assert_eq!(
        find("Istanbul").location.country_code.as_deref(),
        Some("TR")
    );
    assert_eq!(find("Doha").location.country_code.as_deref(), Some("QA"));
    assert_eq!(find("Kabul").location.country_code.as_deref(), Some("AF"));
    assert_eq!(find("Balochistan").location.precision, 3);
    assert!(
        ps.iter()
            .all(|p| p.location.country_code.as_deref().is_some_and(|c| {
                ["PK", "AF", "TR", "QA", "IN", "US", "CN", "IR", "SG"].contains(&c)
            })),
        "no stray foreign towns: {:?}",
        ps.iter()
            .map(|p| (&p.location.name, &p.location.country_code))
            .collect::<Vec<_>>()
    );
    let names: Vec<String> = rec
        .actors
        .iter()
        .map(|a| g.actor_for_generic(a, Some("PK")).name)
        .collect();
    for want in [
        "BLA: Baloch Liberation Army",
        "Military Forces of Pakistan",
        "Taliban",
        "Government of India",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "{want} missing from {names:?}"
        );
    }
}

#[test]
fn foreign_homonyms_in_a_pakistani_story_are_not_places() {
    // A person named like a Yemeni district, a brand named like a Japanese city, a
    // road named after a Russian town: none is where it happened.
    let text = "Gunmen kidnapped a doctor, Mazhar Khan, and fired at a Toyota pickup on \
                Darband Road in Dera Ismail Khan, North West Frontier, Pakistan.";
    let ps = places(text);
    for name in ["Mazhar", "Toyota", "Darband"] {
        assert!(place(&ps, text, name).is_none(), "{name} resolved: {ps:?}");
    }
    let d = place(&ps, text, "Dera Ismail Khan").expect("Dera Ismail Khan found");
    assert_eq!(d.location.country_code.as_deref(), Some("PK"));
    // A district named on its own, with nothing pointing elsewhere, still sets
    // the country.
    let text = "Three policemen were killed in Jacobabad on Sunday.";
    let ps = places(text);
    let j = place(&ps, text, "Jacobabad").expect("Jacobabad found");
    assert_eq!(j.location.country_code.as_deref(), Some("PK"));
}

#[test]
fn a_dateline_homonym_is_read_in_the_texts_country() {
    // "Hangu" is a Pakistani district and a bigger Chinese town: the story's
    // own district mention decides which one the dateline names.
    let g = gaz();
    let text = "Gunmen opened fire on a passenger van in Hangu district on Saturday, \
                killing three passengers.";
    let rec = g.recognise(text);
    let ctx = DocContext {
        dateline: Some("HANGU".into()),
        title: None,
    };
    let ps = g.resolve(text, &rec, &ctx);
    let h = place(&ps, text, "Hangu").expect("Hangu");
    assert_eq!(h.location.country_code.as_deref(), Some("PK"), "{ps:?}");
    assert_eq!(g.focus_country(&ps).as_deref(), Some("PK"));
}

#[test]
fn a_small_town_name_ending_a_longer_local_name_is_no_place() {
    // "Mandi" is a small Pakistani town's alias; here it ends a village name the
    // gazetteer lacks. A city after a capitalised word stays.
    let text = "Gunmen shot two men in the border village of Lowara Mandi, in North \
                Waziristan. In Pir Colony Peshawar, a shopkeeper was killed.";
    let ps = places(text);
    assert!(place(&ps, text, "Mandi").is_none(), "{ps:?}");
    assert!(place(&ps, text, "North Waziristan").is_some());
    assert!(place(&ps, text, "Peshawar").is_some());
}

#[test]
fn without_country_evidence_the_region_the_text_speaks_of_breaks_ties() {
    // Mansa is a district in Indian Punjab and a Zambian provincial town; a
    // note that also names a town of India's neighbour Nepal reads it in
    // that region. No region of the world is preferred otherwise: with no
    // evidence at all, the larger place (the Zambian town) wins.
    let text = "Farmers from Birgunj blocked a highway in Mansa on Tuesday.";
    let ps = places(text);
    let m = place(&ps, text, "Mansa").expect("Mansa");
    assert_eq!(m.location.country_code.as_deref(), Some("IN"), "{ps:?}");
    let text = "Farmers blocked a highway in Mansa on Tuesday to demand compensation.";
    let ps = places(text);
    let m = place(&ps, text, "Mansa").expect("Mansa");
    assert_eq!(m.location.country_code.as_deref(), Some("ZM"));
    // Country evidence in the text still wins.
    let text = "Miners marched through Mansa, the capital of Zambia's Luapula Province.";
    let ps = places(text);
    let m = place(&ps, text, "Mansa").expect("Mansa");
    assert_eq!(m.location.country_code.as_deref(), Some("ZM"));
}

#[test]
fn pak_in_a_headline_is_pakistan() {
    // Headline shorthand, not the Malaysian town Paka (alias "Pak").
    let text = "Six militants killed in Pak";
    let ps = places(text);
    let p = place(&ps, text, "Pak").expect("Pak");
    assert_eq!(p.kind, PlaceKind::Country);
    assert_eq!(p.location.country_code.as_deref(), Some("PK"));
}

#[test]
fn month_names_are_dates_not_places() {
    let text = "Militants attacked a checkpoint in Badakhshan on March 15 and again in May.";
    let ps = places(text);
    assert!(place(&ps, text, "March").is_none(), "{ps:?}");
    assert!(place(&ps, text, "May").is_none(), "{ps:?}");
    assert!(place(&ps, text, "Badakhshan").is_some());
}
