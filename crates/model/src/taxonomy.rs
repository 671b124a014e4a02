//! ACLED event types, sub-event types and actor types, and PLOVER event types,
//! spelled exactly as in `shared/taxonomies.json`.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! labelled_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $label)] $variant),+
        }

        impl $name {
            /// Every value, in taxonomy order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The label exactly as the taxonomy spells it.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Parse a label (exact, then case-insensitive).
            pub fn from_label(s: &str) -> Option<Self> {
                let s = s.trim();
                Self::ALL.iter().copied().find(|v| v.label() == s)
                    .or_else(|| Self::ALL.iter().copied().find(|v| v.label().eq_ignore_ascii_case(s)))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

labelled_enum! {
    /// ACLED's six event types.
    EventType {
        /// Battles.
        Battles => "Battles",
        /// Explosions/Remote violence.
        ExplosionsRemoteViolence => "Explosions/Remote violence",
        /// Protests.
        Protests => "Protests",
        /// Riots.
        Riots => "Riots",
        /// Strategic developments.
        StrategicDevelopments => "Strategic developments",
        /// Violence against civilians.
        ViolenceAgainstCivilians => "Violence against civilians",
    }
}

labelled_enum! {
    /// ACLED's 25 sub-event types.
    SubEventType {
        /// Battles.
        ArmedClash => "Armed clash",
        /// Battles.
        GovernmentRegainsTerritory => "Government regains territory",
        /// Battles.
        NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
        /// Explosions/Remote violence.
        ChemicalWeapon => "Chemical weapon",
        /// Explosions/Remote violence.
        AirDroneStrike => "Air/drone strike",
        /// Explosions/Remote violence.
        SuicideBomb => "Suicide bomb",
        /// Explosions/Remote violence.
        ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
        /// Explosions/Remote violence.
        RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
        /// Explosions/Remote violence.
        Grenade => "Grenade",
        /// Protests.
        PeacefulProtest => "Peaceful protest",
        /// Protests.
        ProtestWithIntervention => "Protest with intervention",
        /// Protests.
        ExcessiveForceAgainstProtesters => "Excessive force against protesters",
        /// Riots.
        ViolentDemonstration => "Violent demonstration",
        /// Riots.
        MobViolence => "Mob violence",
        /// Strategic developments.
        Agreement => "Agreement",
        /// Strategic developments.
        Arrests => "Arrests",
        /// Strategic developments.
        ChangeToGroupActivity => "Change to group/activity",
        /// Strategic developments.
        DisruptedWeaponsUse => "Disrupted weapons use",
        /// Strategic developments.
        HeadquartersOrBaseEstablished => "Headquarters or base established",
        /// Strategic developments.
        LootingPropertyDestruction => "Looting/property destruction",
        /// Strategic developments.
        NonViolentTransferOfTerritory => "Non-violent transfer of territory",
        /// Strategic developments.
        Other => "Other",
        /// Violence against civilians.
        SexualViolence => "Sexual violence",
        /// Violence against civilians.
        Attack => "Attack",
        /// Violence against civilians.
        AbductionForcedDisappearance => "Abduction/forced disappearance",
    }
}

impl SubEventType {
    /// The event type this sub-event type belongs to.
    pub fn event_type(self) -> EventType {
        use SubEventType::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => {
                EventType::Battles
            }
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | Grenade => EventType::ExplosionsRemoteViolence,
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
                EventType::Protests
            }
            ViolentDemonstration | MobViolence => EventType::Riots,
            Agreement
            | Arrests
            | ChangeToGroupActivity
            | DisruptedWeaponsUse
            | HeadquartersOrBaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransferOfTerritory
            | Other => EventType::StrategicDevelopments,
            SexualViolence | Attack | AbductionForcedDisappearance => {
                EventType::ViolenceAgainstCivilians
            }
        }
    }
}

labelled_enum! {
    /// ACLED's eight actor types (inter codes 1–8).
    ActorType {
        /// Inter code 1.
        StateForces => "State Forces",
        /// Inter code 2.
        RebelGroups => "Rebel Groups",
        /// Inter code 3.
        PoliticalMilitias => "Political Militias",
        /// Inter code 4.
        IdentityMilitias => "Identity Militias",
        /// Inter code 5.
        Rioters => "Rioters",
        /// Inter code 6.
        Protesters => "Protesters",
        /// Inter code 7.
        Civilians => "Civilians",
        /// Inter code 8.
        ExternalOtherForces => "External/Other Forces",
    }
}

impl ActorType {
    /// ACLED's inter code (1–8).
    pub fn inter_code(self) -> u8 {
        Self::ALL
            .iter()
            .position(|t| *t == self)
            .map(|i| i as u8 + 1)
            .unwrap_or(0)
    }
}

labelled_enum! {
    /// PLOVER event types.
    Plover {
        /// Verbal cooperation.
        Agree => "AGREE",
        /// Verbal cooperation.
        Consult => "CONSULT",
        /// Verbal cooperation.
        Support => "SUPPORT",
        /// Verbal cooperation.
        Concede => "CONCEDE",
        /// Material cooperation.
        Cooperate => "COOPERATE",
        /// Material cooperation.
        Aid => "AID",
        /// Material cooperation.
        Retreat => "RETREAT",
        /// Verbal conflict.
        Request => "REQUEST",
        /// Verbal conflict.
        Accuse => "ACCUSE",
        /// Verbal conflict.
        Reject => "REJECT",
        /// Verbal conflict.
        Threaten => "THREATEN",
        /// Material conflict.
        Protest => "PROTEST",
        /// Material conflict.
        Sanction => "SANCTION",
        /// Material conflict.
        Mobilize => "MOBILIZE",
        /// Material conflict.
        Coerce => "COERCE",
        /// Material conflict.
        Assault => "ASSAULT",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taxonomy_sizes_match_acled() {
        assert_eq!(EventType::ALL.len(), 6);
        assert_eq!(SubEventType::ALL.len(), 25);
        assert_eq!(ActorType::ALL.len(), 8);
        for s in SubEventType::ALL {
            assert!(EventType::ALL.contains(&s.event_type()));
        }
    }

    #[test]
    fn labels_roundtrip() {
        for s in SubEventType::ALL {
            assert_eq!(SubEventType::from_label(s.label()), Some(*s));
        }
        assert_eq!(ActorType::StateForces.inter_code(), 1);
        assert_eq!(ActorType::ExternalOtherForces.inter_code(), 8);
        assert_eq!(
            serde_json::to_string(&EventType::ExplosionsRemoteViolence).unwrap(),
            "\"Explosions/Remote violence\""
        );
    }
}
