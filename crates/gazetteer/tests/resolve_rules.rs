//! Rules of place resolution and event location that read the words around a
//! name: glued capitalised words, tribe names, landmarks placed in another
//! place, and the firmness of a locative cue. Sentences are invented for the
//! project (in the style of wire copy).

use std::sync::OnceLock;

use sitrep_gazetteer::{DocContext, Gazetteer, ResolvedPlace};
use sitrep_model::Span;

fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::embedded().expect("embedded gazetteer loads"))
}

fn places(text: &str) -> Vec<ResolvedPlace> {
    let g = gaz();
    let rec = g.recognise(text);
    g.resolve(text, &rec, &DocContext::default())
}

fn place<'a>(ps: &'a [ResolvedPlace], text: &str, name: &str) -> Option<&'a ResolvedPlace> {
    ps.iter().find(|p| &text[p.span.start..p.span.end] == name)
}

/// The location name of the whole text (and the places, for messages).
fn located(text: &str) -> (String, Vec<ResolvedPlace>) {
    let ps = places(text);
    let name = gaz()
        .locate(text, &ps, Span::new(0, text.len()))
        .map(|(l, _)| l.name)
        .unwrap_or_default();
    (name, ps)
}

/// Whether a resolved place carries the location name `name`.
fn has(ps: &[ResolvedPlace], name: &str) -> bool {
    ps.iter().any(|p| p.location.name == name)
}

#[test]
fn a_neighbouring_place_glues_nothing() {
    // "Jamrud Khyber": a small town followed by its district is two places, not
    // the head of one longer name the gazetteer lacks.
    let text = "Militants torched a girls' school in Jamrud Khyber on Sunday.";
    let ps = places(text);
    assert!(place(&ps, text, "Jamrud").is_some(), "{ps:?}");
    assert!(place(&ps, text, "Khyber").is_some(), "{ps:?}");
    // A small town before a capitalised word that is no place is such a head.
    let text = "Militants torched a girls' school in Jamrud Jirga Hall on Sunday.";
    let ps = places(text);
    assert!(place(&ps, text, "Jamrud").is_none(), "{ps:?}");
}

#[test]
fn a_name_qualifying_a_tribe_is_no_place() {
    let text = "Two elders of the Ali Khel tribe were shot dead in Orakzai Agency.";
    let ps = places(text);
    assert!(!has(&ps, "Ali Khel"), "{ps:?}");
    assert!(has(&ps, "Orakzai"), "{ps:?}");
}

#[test]
fn a_landmark_named_after_a_place_is_where_its_own_place_says() {
    // The Tirah bazaar of Kohat is in Kohat, not in the Tirah valley.
    let text = "A bomb planted on a motorcycle went off in the Tirah bazaar in Kohat, \
                killing four people.";
    let ps = places(text);
    assert!(place(&ps, text, "Tirah").is_none(), "{ps:?}");
    let (at, ps) = located(text);
    assert_eq!(at, "Kohat", "{ps:?}");
    let text = "Police said a grenade was thrown at a shop in Khyber Bazar, Peshawar.";
    let (at, ps) = located(text);
    assert_eq!(at, "Peshawar", "{ps:?}");
}

#[test]
fn the_firmest_locative_cue_places_the_event() {
    // "from Swat" says where the victim came from, "in Mardan" where it happened.
    let text = "A schoolteacher from Swat was shot dead in Mardan on Tuesday.";
    let (at, ps) = located(text);
    assert_eq!(at, "Mardan", "{ps:?}");
    // "the town of X" is as firm as "in X".
    let text = "Troops shelled militant hideouts, Swat officials said, in the town of Matta.";
    let (at, ps) = located(text);
    assert_eq!(at, "Matta", "{ps:?}");
    // A province never outranks a town by its cue.
    let text = "Violence in Sindh continued as a trader was killed at his shop near Larkana.";
    let (at, ps) = located(text);
    assert_eq!(at, "Larkana", "{ps:?}");
    // A place joined by "and" shares the cue of the one before: the precise
    // town wins over the one only "near" ("near Spin Boldak and Chaman").
    let text = "Afghan border guards and Pakistani troops clashed near Spin Boldak and \
                Chaman on Tuesday.";
    let (at, ps) = located(text);
    assert_eq!(at, "Chaman", "{ps:?}");
}
