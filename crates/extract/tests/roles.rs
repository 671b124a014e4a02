//! Actor roles, claims and attribution (`mentions.rs`): invented reports in
//! the style of wire stories and hand-coded notes, one rule per test, and a
//! bound on the cost of a run-on line.

use std::sync::{Arc, OnceLock};

use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_gazetteer::Gazetteer;
use sitrep_model::{Article, Event};

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(Arc::new(Gazetteer::embedded().expect("embedded gazetteer"))))
}

fn extract(text: &str) -> Vec<Event> {
    let art = Article {
        id: "t".into(),
        input: "test".into(),
        published: Some("2021-03-10".into()),
        text: text.into(),
        ..Article::default()
    };
    extractor().extract(&art, &ExtractOptions::default())
}

/// The event with an ACLED type and the most fatalities (the scorer's primary
/// event), else the first.
fn primary(evs: &[Event]) -> &Event {
    evs.iter()
        .filter(|e| !e.background && e.event_type.is_some())
        .max_by_key(|e| e.fatalities.best.unwrap_or(0))
        .or(evs.first())
        .expect("at least one event")
}

fn actor1(e: &Event) -> &str {
    e.actor1.as_ref().map(|a| a.name.as_str()).unwrap_or("")
}

fn actor2(e: &Event) -> &str {
    e.actor2.as_ref().map(|a| a.name.as_str()).unwrap_or("")
}

#[test]
fn a_group_believed_responsible_is_the_perpetrator_but_not_a_claimant() {
    let evs = extract(
        "On Tuesday, in Turbat, Balochistan, Pakistan, assailants detonated an improvised \
         explosive device near a passenger bus, killing three civilians. No group claimed \
         responsibility, although it was widely believed that the Baloch Liberation Army was \
         responsible.",
    );
    let e = primary(&evs);
    assert!(
        actor1(e).contains("Baloch Liberation Army"),
        "{}",
        actor1(e)
    );
    assert!(e.claimed_by.is_empty(), "{:?}", e.claimed_by);
    // the evidence of actor1 is the group's name
    let ev = e
        .evidence
        .iter()
        .find(|x| x.field == "actor1")
        .expect("actor1 evidence");
    assert_eq!(ev.text, "Baloch Liberation Army");
}

#[test]
fn a_group_that_denies_a_role_is_not_the_perpetrator() {
    let evs = extract(
        "On Tuesday, in Turbat, Balochistan, Pakistan, assailants detonated an improvised \
         explosive device near a passenger bus, killing three civilians. The Baloch Liberation \
         Army denied any role in the blast.",
    );
    let e = primary(&evs);
    assert!(
        !actor1(e).contains("Baloch Liberation Army"),
        "{}",
        actor1(e)
    );
}

#[test]
fn a_counted_group_that_acts_is_the_agent_not_a_victim() {
    let evs = extract(
        "On Friday, nine Lashkar-e-Taiba militants abducted four labourers from a brick kiln \
         near Kupwara, Jammu and Kashmir, India.",
    );
    let e = primary(&evs);
    assert!(actor1(e).contains("Lashkar-e-Taiba"), "{}", actor1(e));
}

#[test]
fn counted_militants_who_were_killed_stay_victims() {
    let evs = extract(
        "Security forces killed five Lashkar-e-Taiba militants in a gunfight in Kupwara, \
         Jammu and Kashmir, India, on Friday.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Military Forces"), "{}", actor1(e));
    assert!(actor2(e).contains("Lashkar-e-Taiba"), "{}", actor2(e));
}

#[test]
fn a_country_closing_a_place_phrase_is_not_a_target() {
    let evs = extract(
        "On Monday, gunmen shot dead a schoolteacher in Hangu, Khyber Pakhtunkhwa, Pakistan.",
    );
    let e = primary(&evs);
    assert!(!actor2(e).starts_with("Military Forces"), "{}", actor2(e));
    assert!(!actor2(e).starts_with("Government"), "{}", actor2(e));
}

#[test]
fn a_country_as_the_object_of_an_attack_is_a_target() {
    let evs = extract(
        "On Monday, militants based across the border launched rocket attacks against \
         Pakistan, killing two soldiers in Chaman.",
    );
    let e = primary(&evs);
    assert!(actor2(e).contains("Pakistan"), "{}", actor2(e));
}

#[test]
fn a_crowd_that_clashes_and_pelts_stones_is_coded_as_rioters() {
    let evs = extract(
        "Supporters of a local trader staged a protest in Bogura on Sunday [8 March] and \
         clashed with police, pelting stones at passing vehicles.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Rioters"), "{}", actor1(e));
}

#[test]
fn a_crowd_whose_violence_is_told_in_the_next_sentence_is_coded_as_rioters() {
    let evs = extract(
        "Local traders staged a protest in Birgunj on Monday [9 March] demanding lower taxes. \
         The protesters later vandalised a tax office.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Rioters"), "{}", actor1(e));
}

#[test]
fn a_peaceful_crowd_stays_protesters() {
    let evs = extract(
        "Hundreds of schoolteachers staged a sit-in protest in front of the press club in \
         Lahore on Monday [9 March], demanding the regularisation of their jobs.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Protesters"), "{}", actor1(e));
}

/// One long line without sentence breaks (it is coded in bounded pieces):
/// every piece's events are still found, with exact evidence. Its cost is
/// measured by `scripts/hostile_bench.sh` (1–50 MB lines), not timed here:
/// a timed assertion fails on a loaded machine.
#[test]
fn a_run_on_line_is_coded_piece_by_piece() {
    let unit = "militants attacked a police post and security forces killed two gunmen, \
                while protesters clashed with police and a bomb wounded three civilians, ";
    let text = unit.repeat(1000);
    let evs = extract(&text);
    assert!(!evs.is_empty());
    let killed: u32 = evs.iter().filter_map(|e| e.fatalities.best).sum();
    assert!(
        killed >= 2,
        "the killings of the run-on line are coded: {killed}"
    );
    for e in &evs {
        for ev in &e.evidence {
            assert_eq!(&text[ev.start..ev.end], ev.text, "evidence slices the text");
        }
    }
}
