//! Coding conventions applied to assembled events: habits of the coders of
//! one country's reports that hold in a clear majority of their notes (at
//! least two thirds of thirty or more notes with the same cue, checked in
//! both directions), so that a coder of that country would follow them in
//! other years too. Each convention is one small function over the events of
//! one article, run after [`crate::assemble::assemble`].

use sitrep_model::{Actor, ActorType, Event, EventType, Evidence, Span};

use crate::mentions::{generic_actor, non_state_armed, ActorCand, Generic};

/// Which side of a battle between a state force and a non-state armed group
/// a country's coders put first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum First {
    /// The non-state group is actor1, whoever started the fight ("the army
    /// killed three militants of the LeT in an encounter": LeT, then the
    /// military).
    NonState,
    /// No habit: the order the text gives (the side that acts first).
    Text,
}

/// The coders' habit when a country has no row in [`BATTLE_ORDER`]: the
/// armed group first. ACLED 2015 Asia, battles with a state force on one side
/// and an armed group (named or not) on the other, Pakistan left out: 380 of
/// 564 notes put the group first (India 149 of 192, Bangladesh 53 of 68,
/// Myanmar 163 of 260); datasets of attacks (GTD, MUC-4) name the group as
/// the perpetrator of such fights.
const DEFAULT_FIRST: First = First::NonState;

/// Countries whose coders have no such habit: the text's order stays.
/// Pakistan: 135 of 251 notes put the state first (named groups 110 of 161,
/// unnamed militants mostly second); Thailand: 21 of 33.
const BATTLE_ORDER: &[(&str, First)] = &[("Pakistan", First::Text), ("Thailand", First::Text)];

/// A state force (military, police, government).
fn state(a: &Actor) -> bool {
    a.actor_type == Some(ActorType::StateForces)
}

/// The country an event is coded in: its place's, else the article's.
fn event_country<'a>(ev: &'a Event, article_country: Option<&'a str>) -> Option<&'a str> {
    ev.location
        .as_ref()
        .and_then(|l| l.country.as_deref())
        .or(article_country)
}

/// Puts the two sides of a state versus non-state battle in the order the
/// coders of the event's country use ([`BATTLE_ORDER`], else
/// [`DEFAULT_FIRST`]). The evidence of the two roles follows its actor.
pub fn battle_order(events: &mut [Event], article_country: Option<&str>) {
    for ev in events.iter_mut() {
        if ev.event_type != Some(EventType::Battles) {
            continue;
        }
        let first = event_country(ev, article_country)
            .and_then(|c| BATTLE_ORDER.iter().find(|(k, _)| *k == c))
            .map_or(DEFAULT_FIRST, |(_, f)| *f);
        let swap = match (&ev.actor1, &ev.actor2, first) {
            (Some(a), Some(b), First::NonState) => state(a) && non_state_armed(b),
            _ => false,
        };
        if !swap {
            continue;
        }
        std::mem::swap(&mut ev.actor1, &mut ev.actor2);
        for e in &mut ev.evidence {
            match e.field.as_str() {
                "actor1" => e.field = "actor2".into(),
                "actor2" => e.field = "actor1".into(),
                _ => {}
            }
        }
    }
}

/// A battle told from the state's side with militants among the dead and no
/// other side named ("three militants were killed and an army man was
/// wounded in an encounter"): the militants are the other side, an
/// unidentified armed group (ACLED), not nobody.
pub fn militant_side(events: &mut [Event], article_country: Option<&str>) {
    for ev in events.iter_mut() {
        if ev.event_type != Some(EventType::Battles)
            || ev.actor2.is_some()
            || !ev.actor1.as_ref().is_some_and(state)
            || ev.fatalities.militants.unwrap_or(0) == 0
        {
            continue;
        }
        let country = event_country(ev, article_country).map(str::to_string);
        ev.actor2 = Some(generic_actor(Generic::Gunmen, country.as_deref()));
        let said: Vec<Evidence> = ev
            .evidence
            .iter()
            .filter(|e| e.field == "fatalities.militants")
            .map(|e| Evidence {
                field: "actor2".into(),
                ..e.clone()
            })
            .collect();
        ev.evidence.extend(said);
    }
}

/// Words for the police among a state's dead ("seven policemen were
/// killed", "a jawan of the Special Task Force"): else the military's.
const POLICE_WORDS: &[&str] = &[
    "police",
    "constable",
    "special task force",
    "stf",
    "crpf",
    "cobra",
    "rangers",
    "sub-inspector",
];

/// A battle with a named armed group whose other side is only the state's
/// dead ("seven policemen were killed in a gunbattle with Naxals"): that
/// side is the state force the dead belonged to, not an unnamed armed group
/// (the default actor of a fight with no subject).
pub fn state_side(events: &mut [Event], article_country: Option<&str>) {
    for ev in events.iter_mut() {
        if ev.event_type != Some(EventType::Battles)
            || ev.fatalities.state_forces.unwrap_or(0) == 0
            || !ev
                .actor2
                .as_ref()
                .is_some_and(|a| non_state_armed(a) && !a.name.starts_with("Unidentified"))
        {
            continue;
        }
        let told = ev.evidence.iter().any(|e| e.field == "actor1");
        let unnamed = ev
            .actor1
            .as_ref()
            .is_none_or(|a| a.name.starts_with("Unidentified Armed Group") && !told);
        if !unnamed {
            continue;
        }
        let Some((force, dead)) = force_of_the_dead(ev, article_country) else {
            continue;
        };
        ev.actor1 = Some(force);
        ev.evidence.push(Evidence {
            field: "actor1".into(),
            ..dead
        });
    }
}

/// The state force the event's state dead belonged to (police when the
/// sentence telling them names a police rank or unit, else the military, of
/// the event's country), with that sentence's evidence.
fn force_of_the_dead(ev: &Event, article_country: Option<&str>) -> Option<(Actor, Evidence)> {
    let dead = ev
        .evidence
        .iter()
        .find(|e| e.field == "fatalities.state_forces")
        .cloned()?;
    let l = dead.text.to_ascii_lowercase();
    let g = if POLICE_WORDS.iter().any(|w| l.contains(w)) {
        Generic::Police
    } else {
        Generic::Military
    };
    let force = generic_actor(g, event_country(ev, article_country));
    Some((force, dead))
}

/// The article the events were coded from, as the conventions read it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The article text.
    pub text: &'a str,
    /// Its sentences, in order.
    pub sentences: &'a [Span],
    /// Its actor mentions, in text order.
    pub actors: &'a [ActorCand],
    /// The country the article is about.
    pub country: Option<&'a str>,
}

/// Words for an exchange of fire: the men on both sides carry guns.
const GUNFIGHT_WORDS: &[&str] = &[
    "gunfight",
    "gun-fight",
    "gun fight",
    "gunbattle",
    "gun battle",
    "gun-battle",
    "shootout",
    "shoot-out",
    "crossfire",
    "cross-fire",
    "exchange of fire",
    "exchanged fire",
    "encounter",
];

/// The sentence of `text` around `sp`.
fn sentence_of(src: &Source<'_>, sp: &Evidence) -> Option<Span> {
    let i = src.sentences.partition_point(|s| s.end <= sp.start);
    src.sentences
        .get(i)
        .filter(|s| s.start <= sp.start)
        .copied()
}

/// Words for a party's people.
const MEMBER_WORDS: &[&str] = &["activist", "supporter", "cadre", "worker", "member", "men"];

/// Whether the party mention at `sp` names its people: "BNP activists",
/// "activists of Jamaat-e-Islami" (not its leaders: "the BJP leader
/// said" is a speaker).
fn party_men(text: &str, sp: Span) -> bool {
    let mut a = sp.start.saturating_sub(24);
    while a > 0 && !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (sp.end + 12).min(text.len());
    while b < text.len() && !text.is_char_boundary(b) {
        b += 1;
    }
    let before = text.get(a..sp.start).unwrap_or("").to_ascii_lowercase();
    let after = text.get(sp.end..b).unwrap_or("").to_ascii_lowercase();
    MEMBER_WORDS.iter().any(|w| {
        after.trim_start().starts_with(w)
            || before.contains(&format!("{w}s of"))
            || before.contains(&format!("{w} of"))
    })
}

/// A party's men in a gunfight ("two BNP activists sustained bullet
/// injuries in a 'gunfight' with police", "a gunfight between police and
/// Jamaat-e-Islami activists") are its armed wing, not a street crowd:
/// "<Party> Militia" for a party ACLED codes as a crowd, the organisation
/// itself when it is coded as a militia (ACLED 2015 Bangladesh: 24 of 28
/// such notes). Only battles whose own word is a gunfight.
pub fn armed_party_men(events: &mut [Event], src: &Source<'_>) {
    for ev in events.iter_mut() {
        if ev.event_type != Some(EventType::Battles) {
            continue;
        }
        let Some(trig) = ev.evidence.iter().find(|e| e.field == "event_type") else {
            continue;
        };
        let t = trig.text.to_ascii_lowercase();
        if !GUNFIGHT_WORDS.iter().any(|w| t.contains(w)) {
            continue;
        }
        // a street crowd or unnamed armed men, where the party's men are
        // named as such ("two BNP activists", "activists of Jamaat")
        let crowd = |a: &Option<Actor>| {
            a.as_ref().is_none_or(|a| {
                matches!(
                    a.actor_type,
                    Some(ActorType::Rioters | ActorType::Protesters)
                ) && (a.name.starts_with("Rioters") || a.name.starts_with("Protesters"))
                    || a.name.starts_with("Unidentified Armed Group")
            })
        };
        let slot = match (crowd(&ev.actor1), crowd(&ev.actor2)) {
            (true, false) if ev.actor1.is_some() => 1,
            (false, true) if ev.actor2.is_some() => 2,
            _ => continue,
        };
        let other = if slot == 1 { &ev.actor2 } else { &ev.actor1 };
        // (the forces in the field, not "the local government")
        if !other.as_ref().is_some_and(|a| {
            state(a) && (a.name.starts_with("Police") || a.name.starts_with("Military"))
        }) {
            continue;
        }
        let Some(sent) = sentence_of(src, trig) else {
            continue;
        };
        let party = src.actors.iter().find(|c| {
            sent.contains(c.span)
                && c.generic.is_none()
                && !c.country
                && matches!(
                    c.actor.actor_type,
                    Some(ActorType::Rioters | ActorType::Protesters | ActorType::PoliticalMilitias)
                )
                && !["Rioters", "Protesters", "Unidentified"]
                    .iter()
                    .any(|g| c.actor.name.starts_with(g))
                && party_men(src.text, c.span)
        });
        let Some(party) = party else {
            continue;
        };
        let armed = if party.actor.actor_type == Some(ActorType::PoliticalMilitias) {
            party.actor.clone()
        } else {
            Actor {
                name: format!("{} Militia", party.actor.name),
                actor_type: Some(ActorType::PoliticalMilitias),
                country: party.actor.country.clone(),
            }
        };
        if slot == 1 {
            ev.actor1 = Some(armed);
        } else {
            ev.actor2 = Some(armed);
        }
    }
}

/// An armed group's fight or bombing that killed members of a state force
/// as well as bystanders ("a policeman was killed and a civilian injured
/// when militants fired upon them"): the state force is the other side, not
/// the civilians (ACLED 2015: 20 of 24 such notes).
pub fn state_victims(events: &mut [Event], article_country: Option<&str>) {
    for ev in events.iter_mut() {
        let fight = matches!(
            ev.event_type,
            Some(EventType::Battles | EventType::ExplosionsRemoteViolence)
        );
        let bystanders = ev
            .actor2
            .as_ref()
            .is_some_and(|a| a.actor_type == Some(ActorType::Civilians));
        if !fight
            || !bystanders
            || ev.fatalities.state_forces.unwrap_or(0) == 0
            // (more civilians than state personnel dead: the civilians)
            || ev.fatalities.civilians.unwrap_or(0) > ev.fatalities.state_forces.unwrap_or(0)
            || !ev.actor1.as_ref().is_some_and(non_state_armed)
        {
            continue;
        }
        let Some((force, dead)) = force_of_the_dead(ev, article_country) else {
            continue;
        };
        ev.actor2 = Some(force);
        ev.evidence.retain(|e| e.field != "actor2");
        ev.evidence.push(Evidence {
            field: "actor2".into(),
            ..dead
        });
    }
}

/// Every convention of this module, in order.
pub fn apply(events: &mut [Event], src: &Source<'_>) {
    let article_country = src.country;
    armed_party_men(events, src);
    state_side(events, article_country);
    state_victims(events, article_country);
    militant_side(events, article_country);
    battle_order(events, article_country);
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{Evidence, Location};

    const NO_SOURCE: Source<'static> = Source {
        text: "",
        sentences: &[],
        actors: &[],
        country: None,
    };

    fn actor(name: &str, t: ActorType) -> Actor {
        Actor {
            name: name.into(),
            actor_type: Some(t),
            country: None,
        }
    }

    fn battle(country: &str, a1: Actor, a2: Actor) -> Event {
        Event {
            event_type: Some(EventType::Battles),
            actor1: Some(a1),
            actor2: Some(a2),
            location: Some(Location {
                name: "X".into(),
                country: Some(country.into()),
                ..Location::default()
            }),
            evidence: vec![Evidence {
                field: "actor1".into(),
                article_id: "a".into(),
                start: 0,
                end: 4,
                text: "army".into(),
            }],
            ..Event::default()
        }
    }

    /// In India the armed group comes first, and the evidence follows it;
    /// in a country without a habit the text's order stays.
    #[test]
    fn group_first_where_the_coders_put_it_first() {
        let army = actor("Military Forces of India", ActorType::StateForces);
        let let_ = actor("LeT: Lashkar-e-Taiba", ActorType::RebelGroups);
        let mut evs = vec![
            battle("India", army.clone(), let_.clone()),
            battle("Pakistan", army.clone(), let_.clone()),
        ];
        apply(&mut evs, &NO_SOURCE);
        assert_eq!(
            evs[0].actor1.as_ref().map(|a| a.name.as_str()),
            Some("LeT: Lashkar-e-Taiba")
        );
        assert_eq!(evs[0].evidence[0].field, "actor2");
        assert_eq!(
            evs[1].actor1.as_ref().map(|a| a.name.as_str()),
            Some("Military Forces of India")
        );
    }

    /// Crowds and civilians are no armed group: a riot's order stays.
    #[test]
    fn crowds_keep_their_place() {
        let police = actor("Police Forces of India", ActorType::StateForces);
        let crowd = actor("Rioters (India)", ActorType::Rioters);
        let mut evs = vec![battle("India", police, crowd)];
        apply(&mut evs, &NO_SOURCE);
        assert_eq!(
            evs[0].actor1.as_ref().map(|a| a.name.as_str()),
            Some("Police Forces of India")
        );
    }
}
