//! Golden tests for the casualty counts of one sentence
//! (`casualties::counts`): invented sentences in the style of wire stories,
//! one per line of `tests/fixtures/counts/sentences.tsv`, with the counts a
//! careful coder would read from them.
//!
//! Line format: `sentence<TAB>expected`, where `expected` lists the counts
//! separated by `;`, each `outcome side best` (outcome `killed`, `wounded`,
//! `abducted`, `arrested`; side `civ`, `state`, `mil`, `unk`), with a
//! trailing `+` for a count stated as part of another ("including two
//! civilians"); `-` expects no count at all. Lines starting with `#` are
//! comments. The comparison is on the set of non-included counts per
//! outcome, summed by side, so a list read as one count or as several
//! counts of the same side compares equal.

use std::collections::BTreeMap;

use sitrep_extract::casualties::counts;
use sitrep_extract::lexicon::{Lexicon, Outcome, Side};

fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Killed => "killed",
        Outcome::Wounded => "wounded",
        Outcome::Abducted => "abducted",
        Outcome::Arrested => "arrested",
    }
}

fn side_name(s: Side) -> &'static str {
    match s {
        Side::Civilians => "civ",
        Side::State => "state",
        Side::Militants => "mil",
        Side::Unknown => "unk",
    }
}

/// The counts of `sent` as `outcome side` -> summed best, `+` marking
/// included counts.
fn read(lx: &Lexicon, sent: &str) -> BTreeMap<String, u32> {
    let hits = lx.scan(sent);
    let mut m = BTreeMap::new();
    for c in counts(sent, 0, &hits) {
        assert!(
            c.span.start <= c.span.end && c.span.end <= sent.len(),
            "span out of the sentence: {c:?} in {sent:?}"
        );
        let key = format!(
            "{} {}{}",
            outcome_name(c.outcome),
            side_name(c.side),
            if c.included { "+" } else { "" }
        );
        *m.entry(key).or_insert(0) += c.best;
    }
    m
}

fn expected(spec: &str) -> BTreeMap<String, u32> {
    let mut m = BTreeMap::new();
    if spec.trim() == "-" {
        return m;
    }
    for part in spec.split(';') {
        let w: Vec<&str> = part.split_whitespace().collect();
        assert_eq!(w.len(), 3, "bad expectation {part:?}");
        let (side, inc) = match w[1].strip_suffix('+') {
            Some(s) => (s, "+"),
            None => (w[1], ""),
        };
        let n: u32 = w[2].parse().expect("a number");
        *m.entry(format!("{} {side}{inc}", w[0])).or_insert(0) += n;
    }
    m
}

#[test]
fn golden_sentences() {
    let lx = Lexicon::new();
    let data = include_str!("fixtures/counts/sentences.tsv");
    let mut bad = Vec::new();
    let mut n = 0;
    for line in data.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((sent, spec)) = line.split_once('\t') else {
            panic!("line without a tab: {line:?}");
        };
        n += 1;
        let got = read(&lx, sent);
        let want = expected(spec);
        if got != want {
            bad.push(format!("{sent}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(n > 20, "too few golden sentences: {n}");
    assert!(
        bad.is_empty(),
        "{} of {n} wrong:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Prints the counts of the sentences in the file named by
/// `SITREP_COUNTS_PRINT` (one per line), for error analysis.
#[test]
#[ignore = "a tool: set SITREP_COUNTS_PRINT=<file of sentences>"]
fn print_counts() {
    let Ok(path) = std::env::var("SITREP_COUNTS_PRINT") else {
        return;
    };
    let lx = Lexicon::new();
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for sent in text.lines() {
        println!("{:?}  <-  {sent}", read(&lx, sent));
        for c in counts(sent, 0, &lx.scan(sent)) {
            let span = sent.get(c.span.start..c.span.end).unwrap_or_default();
            println!(
                "    {:?} {:?} {} {span:?} additive={}",
                c.outcome, c.side, c.best, c.additive
            );
        }
    }
}

mod events {
    //! The event totals built from the counts (`assemble.rs`: `fatalities`).

    use std::sync::{Arc, OnceLock};

    use sitrep_extract::{ExtractOptions, Extractor};
    use sitrep_gazetteer::Gazetteer;
    use sitrep_model::{Article, Event};

    fn extractor() -> &'static Extractor {
        static EX: OnceLock<Extractor> = OnceLock::new();
        EX.get_or_init(|| {
            Extractor::new(Arc::new(Gazetteer::embedded().expect("embedded gazetteer")))
        })
    }

    /// The best fatality figure of the event with the most dead.
    fn dead(text: &str) -> Option<u32> {
        let art = Article {
            id: "t".into(),
            input: "test".into(),
            published: Some("2021-03-10".into()),
            text: text.into(),
            ..Article::default()
        };
        let evs: Vec<Event> = extractor().extract(&art, &ExtractOptions::default());
        evs.iter().filter_map(|e| e.fatalities.best).max()
    }

    #[test]
    fn an_unknown_side_member_of_a_list_adds_to_the_sided_ones() {
        // civilian + unknown side, joined by "and": two dead, not one
        assert_eq!(
            dead("On Monday, gunmen shot dead a village elder and his nephew in Peshawar."),
            Some(2)
        );
        // the unknown member sits inside the sided count's span
        assert_eq!(
            dead("On Monday, the suicide bomber and one other were killed in a blast in Quetta."),
            Some(2)
        );
    }

    #[test]
    fn an_unknown_person_and_his_kin_are_two_dead() {
        // "a man" (side unknown) and "his wife" (civilian) share the verb
        assert_eq!(
            dead("On Tuesday, gunmen shot and killed a man and his wife in a village near Mardan."),
            Some(2)
        );
        assert_eq!(
            dead("On Friday, militants killed a man and his son in Bajaur."),
            Some(2)
        );
    }

    #[test]
    fn a_death_told_as_left_dead_or_the_death_of_counts() {
        assert_eq!(
            dead("On Thursday, assailants hurled a petrol bomb at a truck in Feni, leaving the truck driver dead on the spot."),
            Some(1)
        );
        assert_eq!(
            dead("On Wednesday, a bomb missed its target and exploded on a street in Khulna, resulting in the death of a passer-by."),
            Some(1)
        );
    }

    #[test]
    fn another_person_in_a_subject_list_is_one_more_dead() {
        assert_eq!(
            dead("On Monday, a car bomb exploded in Quetta. A rickshaw driver and another person died and ten others were injured."),
            Some(2)
        );
    }

    #[test]
    fn a_second_source_figure_does_not_replace_the_report() {
        assert_eq!(
            dead("On Monday, gunmen ambushed an ambulance near Parachinar, killing six people. Another source says a rocket hit the ambulance, killing seven."),
            Some(6)
        );
    }

    #[test]
    fn a_part_inside_another_sides_count_is_no_extra_dead() {
        // the chief is one of the six, whatever side his noun reads as
        assert_eq!(
            dead("On Saturday, a bomb hit a vehicle in Swat, killing six security personnel, including one tribal chief, and injuring two others."),
            Some(6)
        );
    }

    #[test]
    fn an_unknown_side_total_still_covers_its_parts() {
        // "17 people ... including 5 policemen": a total, not one more count
        assert_eq!(
            dead("On Monday, 17 people, including five policemen, were killed in a bomb blast in Quetta."),
            Some(17)
        );
    }

    #[test]
    fn people_killed_along_with_others_come_on_top_of_the_total() {
        // "along with": the attackers are not among the 20
        assert_eq!(
            dead("On Monday, gunmen stormed a hotel in Mogadishu. At least 20 people were killed, along with the three attackers."),
            Some(23)
        );
        // an unknown-side count along with a sided one
        assert_eq!(
            dead("On Monday, troops raided a hideout in Mosul. Four militants were killed in the raid, along with six of their relatives."),
            Some(10)
        );
    }

    #[test]
    fn taking_or_assuming_responsibility_is_a_claim() {
        for verb in ["has taken", "assumed", "takes"] {
            let art = Article {
                id: "t".into(),
                input: "test".into(),
                published: Some("2021-03-10".into()),
                text: format!(
                    "On Monday, a bomb killed four soldiers in Kandahar. The Taliban {verb} responsibility for the attack."
                ),
                ..Article::default()
            };
            let evs: Vec<Event> = extractor().extract(&art, &ExtractOptions::default());
            assert!(
                evs.iter().any(|e| !e.claimed_by.is_empty()),
                "{verb}: no claim in {evs:?}"
            );
        }
    }

    #[test]
    fn a_breakdown_in_apposition_is_not_more_dead() {
        assert_eq!(
            dead("On Monday, 30 people, five policemen and 25 civilians, were killed in a blast in Kabul."),
            Some(30)
        );
    }

    #[test]
    fn a_part_among_the_dead_is_not_more_dead() {
        assert_eq!(
            dead("On Monday, a suicide bomber struck a market in Kabul, killing 19 people. Officials said four soldiers were among the dead."),
            Some(20)
        );
    }

    /// The events of `text` published on `published`.
    fn events_of(text: &str, published: &str) -> Vec<Event> {
        let art = Article {
            id: "t".into(),
            input: "test".into(),
            published: Some(published.into()),
            text: text.into(),
            ..Article::default()
        };
        extractor().extract(&art, &ExtractOptions::default())
    }

    #[test]
    fn events_come_in_reading_order() {
        // the dated protest is told second: it must not come first
        let evs = events_of(
            "SANTA ROSA, 12 FEB 91 -- [TEXT] UNIDENTIFIED GUNMEN MACHINEGUNNED A BUS CARRYING FARM WORKERS NEAR SANTA ROSA.\n\n   ON 3 FEBRUARY, HUNDREDS OF FARM WORKERS DEMONSTRATED IN THE TOWN SQUARE TO DEMAND HIGHER WAGES.",
            "1991-02-12",
        );
        let types: Vec<&str> = evs
            .iter()
            .filter_map(|e| e.event_type.map(|t| t.label()))
            .collect();
        assert_eq!(
            types,
            vec!["Violence against civilians", "Protests"],
            "{evs:?}"
        );
    }

    #[test]
    fn a_named_victim_of_a_nominal_killing_is_one_dead() {
        for text in [
            "BOGOTA, 9 SEP 89 -- THE ASSASSINATION OF PRESIDENTIAL CANDIDATE LUIS CARLOS GALAN ON 8 SEPTEMBER SHOCKED THE COUNTRY.",
            "The murder of the judge in Medellin on Monday shocked the country.",
        ] {
            assert_eq!(dead(text), Some(1), "{text}");
        }
        // a grievance is not a toll
        assert_eq!(
            dead("On Monday, students protested against the murder of a teacher in Medellin."),
            None
        );
    }

    #[test]
    fn a_gun_killing_told_first_is_not_retyped_by_explosives_told_after() {
        let evs = events_of(
            "LIMA, 11 MAR 89 (EFE) -- [TEXT] ON 10 MARCH ALLEGED REBELS MURDERED FOUR MEMBERS OF A PEASANT FAMILY IN SANTA ROSA.\n\n   AFTER THE KILLING, THE REBELS USED EXPLOSIVES AGAINST THE TOWN HALL.",
            "1989-03-11",
        );
        let main = evs
            .iter()
            .filter(|e| !e.background && e.event_type.is_some())
            .max_by_key(|e| e.fatalities.best.unwrap_or(0));
        assert_eq!(
            main.and_then(|e| e.event_type).map(|t| t.label()),
            Some("Violence against civilians"),
            "{evs:?}"
        );
        // a bomb in the lead's own sentence still types the event
        let evs = events_of(
            "On Monday, gunmen shot dead two guards and set off a bomb at the gate of a factory in Santa Rosa.",
            "2021-03-10",
        );
        assert!(
            evs.iter()
                .any(|e| e.event_type.map(|t| t.label()) == Some("Explosions/Remote violence")),
            "{evs:?}"
        );
    }

    /// The primary event of SPEC §6: non-background, typed, most dead, first on ties.
    fn primary(evs: &[Event]) -> Option<&Event> {
        let mut best: Option<&Event> = None;
        for e in evs
            .iter()
            .filter(|e| !e.background && e.event_type.is_some())
        {
            let f = e.fatalities.best.unwrap_or(0);
            if best.is_none_or(|b| f > b.fatalities.best.unwrap_or(0)) {
                best = Some(e);
            }
        }
        best
    }

    #[test]
    fn a_captive_killed_is_one_kidnapping_with_its_dead() {
        let sub = |evs: &[Event]| {
            primary(evs)
                .and_then(|e| e.sub_event_type)
                .map(|s| s.label())
        };
        // the killing in the kidnapping's own sentence
        let evs = events_of(
            "LIMA, 12 MAR 90 -- [TEXT] JOSE PEREZ RAMOS, THE MAYOR OF SAN PEDRO, WHO WAS KIDNAPPED ON 8 MARCH BY ALLEGED REBELS, WAS FOUND DEAD TODAY ON A ROAD NEAR THE TOWN.",
            "1990-03-12",
        );
        assert_eq!(sub(&evs), Some("Abduction/forced disappearance"), "{evs:?}");
        assert_eq!(primary(&evs).and_then(|e| e.fatalities.best), Some(1));
        // told in the next sentence, going back to the captive
        let evs = events_of(
            "On Tuesday, gunmen kidnapped a schoolteacher and his driver from Khanpur village. The kidnappers later shot the two men dead and dumped the bodies near a canal.",
            "2021-05-12",
        );
        assert_eq!(sub(&evs), Some("Abduction/forced disappearance"), "{evs:?}");
        assert_eq!(primary(&evs).and_then(|e| e.fatalities.best), Some(2));
        // a killing told first and an abduction only as its background: the killing
        let evs = events_of(
            "On Wednesday, militants shot dead a tribal elder in Khanpur village. He had been abducted from a bus stop a week earlier.",
            "2021-05-12",
        );
        assert_eq!(sub(&evs), Some("Attack"), "{evs:?}");
        // a failed attempt to kidnap is no kidnapping of the dead
        let evs = events_of(
            "Gunmen shot dead a guard when they tried to kidnap a trader in Khanpur on Monday.",
            "2021-05-12",
        );
        assert_ne!(sub(&evs), Some("Abduction/forced disappearance"), "{evs:?}");
    }

    #[test]
    fn the_unsided_dead_of_violence_against_civilians_are_civilians() {
        let evs = events_of(
            "Indian shelling kills three in Kashmir - Pakistan.",
            "2002-01-05",
        );
        let p = primary(&evs);
        assert_eq!(p.and_then(|e| e.fatalities.civilians), Some(3), "{evs:?}");
        assert_eq!(p.and_then(|e| e.fatalities.unknown), None, "{evs:?}");
        // a battle's dead of no stated side stay unknown
        let evs = events_of(
            "Four killed as troops and rebels clash near the border.",
            "2002-01-05",
        );
        let p = primary(&evs);
        assert_eq!(p.and_then(|e| e.fatalities.civilians), None, "{evs:?}");
    }

    #[test]
    fn an_attacker_killing_himself_is_counted_with_the_dead() {
        let evs = events_of(
            "A prisoner set off a grenade while being taken back to jail on Monday, killing himself and injuring three policemen.",
            "2021-05-12",
        );
        let p = primary(&evs);
        assert_eq!(p.and_then(|e| e.fatalities.best), Some(1), "{evs:?}");
        assert_eq!(p.and_then(|e| e.fatalities.militants), Some(1), "{evs:?}");
        let evs = events_of(
            "A gunman shot dead three people in a market on Monday before killing himself.",
            "2021-05-12",
        );
        assert_eq!(
            primary(&evs).and_then(|e| e.fatalities.best),
            Some(4),
            "{evs:?}"
        );
    }

    #[test]
    fn attackers_also_killed_come_on_top_of_the_total() {
        let evs = events_of(
            "At least 45 people were killed and 36 others injured in two car bombings and gunfire at a hotel on Monday. Five attackers were also killed.",
            "2021-05-12",
        );
        let p = primary(&evs);
        assert_eq!(p.and_then(|e| e.fatalities.best), Some(50), "{evs:?}");
        assert_eq!(p.and_then(|e| e.fatalities.militants), Some(5), "{evs:?}");
    }
}
