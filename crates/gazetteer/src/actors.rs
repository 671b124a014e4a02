//! Actor dictionary look-ups and generic mentions.

use sitrep_model::Actor;

use crate::data::Data;
use crate::ActorMention;

/// Resolve a generic mention by country.
pub(crate) fn actor_for_generic(_data: &Data, mention: &ActorMention, _cc: Option<&str>) -> Actor {
    mention.actor.clone().unwrap_or(Actor {
        name: "Unidentified Armed Group".into(),
        actor_type: None,
        country: None,
    })
}

/// Look up an actor by name or alias.
pub(crate) fn lookup(data: &Data, name: &str) -> Option<Actor> {
    data.actors
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(name) || a.aliases.iter().any(|x| x.eq_ignore_ascii_case(name)))
        .map(|a| Actor {
            name: a.name.clone(),
            actor_type: a.actor_type,
            country: a.country.clone(),
        })
}
