//! The word lists behind event coding: triggers (what happened), outcome
//! words (killed, wounded, abducted, arrested), person nouns and the side
//! they belong to. Matched in one Aho-Corasick pass over the article text,
//! ASCII case-insensitive, whole words only (a pattern ending in `*` may be
//! followed by more letters: `clash*` matches "clashes", "clashed").

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// What a trigger word says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Trig {
    /// Air or drone strike.
    Air,
    /// Shelling, artillery, mortar, rocket, missile.
    Shell,
    /// Suicide bombing.
    Suicide,
    /// Grenade.
    Grenade,
    /// Bomb, IED, blast, landmine.
    Bomb,
    /// Chemical or gas weapon.
    Chemical,
    /// Armed clash, gunfight, encounter.
    Clash,
    /// Attack, raid, ambush, storming, shooting (one-sided or unknown).
    Attack,
    /// Killing verbs that also type an event ("shot dead", "gunned down").
    Kill,
    /// Abduction, kidnapping.
    Abduct,
    /// Arrests, detentions.
    Arrest,
    /// A bomb defused, explosives seized, a plot foiled.
    Defuse,
    /// Inmates freed, jailbreak.
    Jailbreak,
    /// Looting, ransacking, arson, property destruction.
    Loot,
    /// An area sealed off, curfew, lockdown.
    Seal,
    /// Protest, demonstration, rally, strike.
    Protest,
    /// Riot, violent crowd.
    Riot,
    /// Mob violence (lynching).
    Mob,
    /// Ceasefire, agreement.
    Agree,
    /// Talks, negotiations.
    Consult,
    /// Accusation.
    Accuse,
    /// Denial, rejection.
    Deny,
    /// Threat, vow of retaliation.
    Threaten,
    /// Claim of responsibility.
    Claim,
    /// Territory captured by a non-state actor.
    Capture,
    /// Territory regained by the state.
    Recapture,
    /// Sexual violence.
    Sexual,
    /// Base or headquarters established.
    Base,
}

/// Outcome words: what happened to the people counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Killed, dead, died.
    Killed,
    /// Wounded, injured.
    Wounded,
    /// Abducted, kidnapped.
    Abducted,
    /// Arrested, detained.
    Arrested,
}

/// Which side a person noun puts the people on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// Civilians.
    Civilians,
    /// Army, police, paramilitary.
    State,
    /// Non-state armed (attackers included).
    Militants,
    /// Not stated ("people", "others").
    Unknown,
}

/// What a matched word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// An event trigger.
    Trigger(Trig),
    /// An outcome word (passive or active form).
    Outcome(Outcome),
}

const TRIGGERS: &[(&str, Trig)] = &[
    // air
    ("airstrike*", Trig::Air),
    ("air strike*", Trig::Air),
    ("air-strike*", Trig::Air),
    ("air raid*", Trig::Air),
    ("airraid*", Trig::Air),
    ("drone strike*", Trig::Air),
    ("drone attack*", Trig::Air),
    ("drone-strike*", Trig::Air),
    ("missile strike*", Trig::Air),
    ("aerial bombardment*", Trig::Air),
    ("aerial attack*", Trig::Air),
    ("air attack*", Trig::Air),
    ("aerial strike*", Trig::Air),
    ("airal strike*", Trig::Air),
    ("aerial raid*", Trig::Air),
    ("aerial fire", Trig::Air),
    ("aerial offensive", Trig::Air),
    ("aerial precision strike*", Trig::Air),
    ("precision strike*", Trig::Air),
    ("aerial bombing*", Trig::Air),
    ("jet fighter*", Trig::Air),
    ("fighter aircraft", Trig::Air),
    ("fighter plane*", Trig::Air),
    ("military plane*", Trig::Air),
    ("military aircraft", Trig::Air),
    ("combat aircraft", Trig::Air),
    ("warplane*", Trig::Air),
    ("fighter jet*", Trig::Air),
    ("jets", Trig::Air),
    ("helicopter gunship*", Trig::Air),
    ("gunship*", Trig::Air),
    ("bombed from the air", Trig::Air),
    ("drone", Trig::Air),
    ("drones", Trig::Air),
    ("unmanned aircraft", Trig::Air),
    ("unmanned plane*", Trig::Air),
    ("pilotless aircraft", Trig::Air),
    ("pilotless plane*", Trig::Air),
    ("spy plane*", Trig::Air),
    // a missile of a force that strikes from the air ("a US missile hit a compound")
    ("US missile*", Trig::Air),
    ("U.S. missile*", Trig::Air),
    ("American missile*", Trig::Air),
    ("NATO missile*", Trig::Air),
    // shelling
    ("shelling", Trig::Shell),
    ("shelled", Trig::Shell),
    ("shells", Trig::Shell),
    ("artillery", Trig::Shell),
    ("mortar*", Trig::Shell),
    ("rocket", Trig::Shell),
    ("rockets", Trig::Shell),
    ("missile*", Trig::Shell),
    ("rocket-propelled grenade*", Trig::Shell),
    ("RPG*", Trig::Shell),
    ("cross-border firing", Trig::Shell),
    ("ceasefire violation*", Trig::Shell),
    // suicide
    ("suicide bomb*", Trig::Suicide),
    ("suicide attack*", Trig::Suicide),
    ("suicide blast*", Trig::Suicide),
    ("suicide car bomb*", Trig::Suicide),
    ("suicide bomber*", Trig::Suicide),
    ("suicide vest*", Trig::Suicide),
    ("suicide jacket*", Trig::Suicide),
    ("blew himself up", Trig::Suicide),
    ("blew herself up", Trig::Suicide),
    ("blew themselves up", Trig::Suicide),
    ("self-detonat*", Trig::Suicide),
    // grenade
    ("grenade*", Trig::Grenade),
    ("hand grenade*", Trig::Grenade),
    ("hand-grenade*", Trig::Grenade),
    // bomb
    ("bomb", Trig::Bomb),
    ("bombs", Trig::Bomb),
    ("bombing*", Trig::Bomb),
    ("bombed", Trig::Bomb),
    ("blast*", Trig::Bomb),
    ("explosion*", Trig::Bomb),
    ("exploded", Trig::Bomb),
    ("explosive*", Trig::Bomb),
    ("detonated", Trig::Bomb),
    ("detonation*", Trig::Bomb),
    ("IED", Trig::Bomb),
    ("IEDs", Trig::Bomb),
    ("landmine*", Trig::Bomb),
    ("land mine*", Trig::Bomb),
    ("land-mine*", Trig::Bomb),
    ("set off a mine", Trig::Bomb),
    ("stepped on a mine", Trig::Bomb),
    ("mine blast*", Trig::Bomb),
    ("mine explosion*", Trig::Bomb),
    ("roadside bomb*", Trig::Bomb),
    ("car bomb*", Trig::Bomb),
    ("improvised explosive device*", Trig::Bomb),
    ("time bomb*", Trig::Bomb),
    ("crude bomb*", Trig::Bomb),
    ("petrol bomb*", Trig::Attack),
    ("petrol-bomb*", Trig::Attack),
    ("molotov*", Trig::Attack),
    ("cocktail*", Trig::Attack),
    ("blown up", Trig::Bomb),
    ("blew up", Trig::Bomb),
    // dynamite: the explosive of Andean and Central American wire stories
    // ("a dynamite attack against", "a powerful dynamite charge", "sticks of
    // dynamite exploded", "guerrillas dynamited a bus"); not the bare noun
    // ("dynamite fishing", "dynamite was found")
    ("dynamite attack*", Trig::Bomb),
    ("dynamite charge*", Trig::Bomb),
    ("dynamite stick*", Trig::Bomb),
    ("sticks of dynamite", Trig::Bomb),
    ("stick of dynamite", Trig::Bomb),
    ("charge of dynamite", Trig::Bomb),
    ("charges of dynamite", Trig::Bomb),
    ("dynamited", Trig::Bomb),
    // "blew a hole in a gas pipeline"
    ("blew a hole", Trig::Bomb),
    // chemical
    ("chemical attack*", Trig::Chemical),
    ("chemical weapon*", Trig::Chemical),
    ("poison gas", Trig::Chemical),
    ("nerve agent*", Trig::Chemical),
    // clash
    ("clash", Trig::Clash),
    ("clashes", Trig::Clash),
    ("clashed", Trig::Clash),
    ("gunfight*", Trig::Clash),
    ("gun fight*", Trig::Clash),
    ("gun-fight*", Trig::Clash),
    ("gunbattle*", Trig::Clash),
    ("gun battle*", Trig::Clash),
    ("gun-battle*", Trig::Clash),
    ("firefight*", Trig::Clash),
    ("fire fight*", Trig::Clash),
    ("exchange of fire", Trig::Clash),
    ("exchanged fire", Trig::Clash),
    ("exchanging fire", Trig::Clash),
    ("exchange fire", Trig::Clash),
    ("crossfire", Trig::Clash),
    ("fighting", Trig::Clash),
    ("fought", Trig::Clash),
    ("skirmish*", Trig::Clash),
    // fighting between factions of one group
    ("infighting", Trig::Clash),
    ("in-fighting", Trig::Clash),
    ("encounter", Trig::Clash),
    ("encounters", Trig::Clash),
    ("shootout*", Trig::Clash),
    ("shoot-out*", Trig::Clash),
    ("battle", Trig::Clash),
    ("battled", Trig::Clash),
    ("military operation*", Trig::Clash),
    ("security operation*", Trig::Clash),
    ("search operation*", Trig::Clash),
    ("operations", Trig::Clash),
    ("operation", Trig::Clash),
    ("offensive", Trig::Clash),
    ("retaliated", Trig::Clash),
    ("returned fire", Trig::Clash),
    ("fired back", Trig::Clash),
    ("exchanged gunfire", Trig::Clash),
    ("exchanged gun fire", Trig::Clash),
    ("exchange of gunfire", Trig::Clash),
    ("fire exchange", Trig::Clash),
    ("firing between", Trig::Clash),
    ("unprovoked firing", Trig::Clash),
    ("targeted each other", Trig::Clash),
    ("engaged in battle", Trig::Clash),
    ("engaged in a battle", Trig::Clash),
    ("battling", Trig::Clash),
    // attack
    ("attack", Trig::Attack),
    ("attacks", Trig::Attack),
    ("attacked", Trig::Attack),
    ("attacking", Trig::Attack),
    ("ambush*", Trig::Attack),
    ("stormed", Trig::Attack),
    ("raid", Trig::Attack),
    ("raids", Trig::Attack),
    ("raided", Trig::Attack),
    ("opened fire", Trig::Attack),
    ("open fire", Trig::Attack),
    ("fired at", Trig::Attack),
    ("fired on", Trig::Attack),
    ("fired upon", Trig::Attack),
    ("firing on", Trig::Attack),
    ("slaughtered", Trig::Kill),
    ("resorted to firing", Trig::Clash),
    ("firing", Trig::Attack),
    ("shot", Trig::Attack),
    ("shooting", Trig::Attack),
    ("shootings", Trig::Attack),
    ("mass shooting", Trig::Attack),
    ("assault", Trig::Attack),
    ("assaulted", Trig::Attack),
    ("targeted killing*", Trig::Attack),
    ("target killing*", Trig::Attack),
    ("stabbed", Trig::Attack),
    ("stabbing", Trig::Attack),
    ("hacked", Trig::Attack),
    ("beat", Trig::Attack),
    ("beaten", Trig::Attack),
    ("thrashed", Trig::Attack),
    ("beaten up", Trig::Attack),
    ("beat up", Trig::Attack),
    ("beating up", Trig::Attack),
    ("roughed up", Trig::Attack),
    ("manhandled", Trig::Attack),
    ("tortured", Trig::Attack),
    ("massacre*", Trig::Attack),
    // "the murders of six Jesuits", "political murders": killings told as
    // a series or a case, with no count of their own
    ("murders", Trig::Attack),
    ("siege", Trig::Attack),
    // killing verbs
    ("shot dead", Trig::Kill),
    ("gunned down", Trig::Kill),
    // headlines in the present: "Militants gun down two policemen"
    ("gun down", Trig::Kill),
    ("guns down", Trig::Kill),
    ("murdered", Trig::Kill),
    ("murder", Trig::Kill),
    ("assassinat*", Trig::Kill),
    ("beheaded", Trig::Kill),
    ("decapitated", Trig::Kill),
    ("executed", Trig::Kill),
    ("hacked to death", Trig::Kill),
    ("beaten to death", Trig::Kill),
    ("stabbed to death", Trig::Kill),
    ("chopped to death", Trig::Kill),
    ("axed to death", Trig::Kill),
    ("clobbered to death", Trig::Kill),
    ("bludgeoned to death", Trig::Kill),
    ("beat to death", Trig::Kill),
    ("shot at", Trig::Attack),
    // "machinegunned a bus", "were machine-gunned"
    ("machinegunned", Trig::Attack),
    ("machine-gunned", Trig::Attack),
    ("machine gunned", Trig::Attack),
    ("machinegunning", Trig::Attack),
    ("machine-gunning", Trig::Attack),
    ("lynched", Trig::Mob),
    ("lynching", Trig::Mob),
    ("mob", Trig::Mob),
    // abduction
    ("abduct*", Trig::Abduct),
    // "hijacked a container", "grabbed a militia chief from his home"
    // (gated on a vehicle or a person as the object)
    ("hijacked", Trig::Abduct),
    ("grabbed", Trig::Abduct),
    ("kidnap*", Trig::Abduct),
    ("taken hostage", Trig::Abduct),
    ("took hostage", Trig::Abduct),
    ("hostage*", Trig::Abduct),
    ("forcibly disappeared", Trig::Abduct),
    ("picked up", Trig::Abduct),
    ("took away", Trig::Abduct),
    ("taken away", Trig::Abduct),
    ("whisked away", Trig::Abduct),
    ("dragged away", Trig::Abduct),
    ("enforced disappearance*", Trig::Abduct),
    // arrests
    ("arrest", Trig::Arrest),
    ("arrests", Trig::Arrest),
    ("arrested", Trig::Arrest),
    ("detained", Trig::Arrest),
    ("apprehended", Trig::Arrest),
    ("taken into custody", Trig::Arrest),
    ("took into custody", Trig::Arrest),
    ("rounded up", Trig::Arrest),
    ("nabbed", Trig::Arrest),
    // disrupted weapons use
    ("defused", Trig::Defuse),
    ("defuse", Trig::Defuse),
    ("bomb disposal", Trig::Defuse),
    ("foiled", Trig::Defuse),
    ("thwarted", Trig::Defuse),
    ("averted", Trig::Defuse),
    ("recovered", Trig::Defuse),
    ("seized", Trig::Defuse),
    ("confiscated", Trig::Defuse),
    ("cache", Trig::Defuse),
    ("intercepted", Trig::Defuse),
    ("shot down", Trig::Defuse),
    // jailbreak
    ("jailbreak*", Trig::Jailbreak),
    ("jail break*", Trig::Jailbreak),
    ("prison break*", Trig::Jailbreak),
    ("freed", Trig::Jailbreak),
    ("broke out", Trig::Jailbreak),
    ("escaped", Trig::Jailbreak),
    // looting / destruction
    ("looted", Trig::Loot),
    // "militants stole a van loaded with arms" (gated on what was stolen)
    ("stole", Trig::Loot),
    ("looting", Trig::Loot),
    ("ransacked", Trig::Loot),
    ("plundered", Trig::Loot),
    ("torched", Trig::Loot),
    ("set ablaze", Trig::Loot),
    ("set on fire", Trig::Loot),
    ("set fire", Trig::Loot),
    ("set afire", Trig::Loot),
    ("set alight", Trig::Loot),
    ("firebombed", Trig::Loot),
    // "set a truck on fire": the split arson verb, only after "set"
    ("on fire", Trig::Loot),
    ("afire", Trig::Loot),
    ("ablaze", Trig::Loot),
    ("burnt", Trig::Loot),
    ("burned", Trig::Loot),
    ("vandalis*", Trig::Loot),
    ("vandaliz*", Trig::Loot),
    ("demolished", Trig::Loot),
    ("destroyed", Trig::Loot),
    ("damaged", Trig::Loot),
    // sealed
    ("sealed off", Trig::Seal),
    ("cordoned off", Trig::Seal),
    ("curfew", Trig::Seal),
    ("lockdown", Trig::Seal),
    ("sealed", Trig::Seal),
    // protest
    ("protest", Trig::Protest),
    ("protests", Trig::Protest),
    ("protested", Trig::Protest),
    ("protesting", Trig::Protest),
    ("protester*", Trig::Protest),
    ("protestor*", Trig::Protest),
    ("demonstrat*", Trig::Protest),
    ("rally", Trig::Protest),
    ("rallies", Trig::Protest),
    ("rallied", Trig::Protest),
    ("march", Trig::Protest),
    ("marched", Trig::Protest),
    ("marches", Trig::Protest),
    ("sit-in*", Trig::Protest),
    ("sit in", Trig::Protest),
    ("dharna*", Trig::Protest),
    ("hunger strike*", Trig::Protest),
    ("strike", Trig::Protest),
    ("strikes", Trig::Protest),
    ("hartal*", Trig::Protest),
    ("bandh*", Trig::Protest),
    ("shutdown*", Trig::Protest),
    ("shutter-down*", Trig::Protest),
    ("shutter down", Trig::Protest),
    ("wheel-jam*", Trig::Protest),
    ("blockade*", Trig::Protest),
    ("blocked", Trig::Protest),
    ("picket*", Trig::Protest),
    ("gherao*", Trig::Protest),
    ("human chain*", Trig::Protest),
    ("procession*", Trig::Protest),
    ("walkout*", Trig::Protest),
    ("boycott*", Trig::Protest),
    ("agitation*", Trig::Protest),
    ("agitat*", Trig::Protest),
    ("chanted", Trig::Protest),
    ("slogans", Trig::Protest),
    ("effigy", Trig::Protest),
    ("effigies", Trig::Protest),
    ("vigil*", Trig::Protest),
    ("candlelight", Trig::Protest),
    ("torch rally", Trig::Protest),
    ("staged", Trig::Protest),
    ("took to the streets", Trig::Protest),
    ("taken to the streets", Trig::Protest),
    ("take to the streets", Trig::Protest),
    ("gathered", Trig::Protest),
    ("demanding", Trig::Protest),
    ("obstruct*", Trig::Protest),
    ("took out", Trig::Protest),
    ("padlock*", Trig::Protest),
    ("burnt effigies", Trig::Protest),
    ("memorandum", Trig::Protest),
    ("fast-unto-death", Trig::Protest),
    ("fast unto death", Trig::Protest),
    ("hunger-strike*", Trig::Protest),
    ("torch-light", Trig::Protest),
    ("road blockade*", Trig::Protest),
    ("stalled", Trig::Protest),
    ("hit the streets", Trig::Protest),
    ("tear gas", Trig::Protest),
    ("teargas", Trig::Protest),
    ("tear-gas", Trig::Protest),
    ("tear gas shell*", Trig::Protest),
    ("teargas shell*", Trig::Protest),
    ("tear-gas shell*", Trig::Protest),
    ("tear gas canister*", Trig::Protest),
    ("striking", Trig::Protest),
    ("strikers", Trig::Protest),
    ("sat on a", Trig::Protest),
    ("observed a fast", Trig::Protest),
    ("relay fast", Trig::Protest),
    ("black flags", Trig::Protest),
    ("blocking traffic", Trig::Protest),
    ("blocked traffic", Trig::Protest),
    ("blocked the road", Trig::Protest),
    ("blocked the highway", Trig::Protest),
    ("blocked the main road", Trig::Protest),
    ("block traffic", Trig::Protest),
    ("block a train", Trig::Protest),
    ("block trains", Trig::Protest),
    ("block the road", Trig::Protest),
    ("block the highway", Trig::Protest),
    ("block the railway", Trig::Protest),
    ("blocking the road", Trig::Protest),
    ("blocking the highway", Trig::Protest),
    ("blocking the railway", Trig::Protest),
    ("blocking roads", Trig::Protest),
    ("blocked the railway", Trig::Protest),
    ("blocked the rail", Trig::Protest),
    ("blocked trains", Trig::Protest),
    ("laid siege", Trig::Protest),
    ("laid seige", Trig::Protest),
    ("laid a siege", Trig::Protest),
    ("hungerstrike*", Trig::Protest),
    ("on strike", Trig::Protest),
    ("continued their strike", Trig::Protest),
    ("continued a strike", Trig::Protest),
    ("continued the strike", Trig::Protest),
    ("protest march*", Trig::Protest),
    ("held a march", Trig::Protest),
    ("shut their shops", Trig::Protest),
    ("blocked roads", Trig::Protest),
    ("road roko", Trig::Protest),
    ("rail roko", Trig::Protest),
    ("rasta roko", Trig::Protest),
    ("chakka jam", Trig::Protest),
    ("indefinite strike", Trig::Protest),
    ("transport strike", Trig::Protest),
    ("general strike", Trig::Protest),
    ("smoke shell*", Trig::Protest),
    // gathering/occupation/obstruction verbs: a protest only with a crowd
    // noun as their subject (see `CROWD_GATED`)
    ("converged", Trig::Protest),
    ("flocked", Trig::Protest),
    ("camped outside", Trig::Protest),
    ("camped in front", Trig::Protest),
    ("sat outside", Trig::Protest),
    ("sat in front", Trig::Protest),
    ("demanded", Trig::Protest),
    ("disrupted traffic", Trig::Protest),
    ("faced off", Trig::Protest),
    ("convened", Trig::Protest),
    ("resisted", Trig::Protest),
    ("disrupted", Trig::Protest),
    ("disrupt", Trig::Protest),
    ("shut down", Trig::Protest),
    ("stopped the traffic", Trig::Protest),
    ("stopped traffic", Trig::Protest),
    ("stopped construction", Trig::Protest),
    ("continued to block", Trig::Protest),
    ("lathicharge*", Trig::Protest),
    ("lathi-charge*", Trig::Protest),
    ("lathi charge*", Trig::Protest),
    ("baton charge*", Trig::Protest),
    ("baton-charge*", Trig::Protest),
    ("smoke-shell*", Trig::Protest),
    // riot
    ("riot", Trig::Riot),
    ("riots", Trig::Riot),
    ("rioted", Trig::Riot),
    ("rioting", Trig::Riot),
    ("rioter*", Trig::Riot),
    ("stone pelting", Trig::Riot),
    ("stone-pelting", Trig::Riot),
    ("stone-throwing", Trig::Riot),
    ("stone throwing", Trig::Riot),
    ("pelting stones", Trig::Riot),
    ("pelted", Trig::Riot),
    ("hurled stones", Trig::Riot),
    ("threw bricks", Trig::Riot),
    ("hurled bricks", Trig::Riot),
    ("threw stones", Trig::Riot),
    ("brickbats", Trig::Riot),
    ("turned violent", Trig::Riot),
    ("went on a rampage", Trig::Riot),
    ("rampage*", Trig::Riot),
    ("violent protest*", Trig::Riot),
    ("scuffle*", Trig::Riot),
    ("exchanged blows", Trig::Riot),
    ("came to blows", Trig::Riot),
    ("went berserk", Trig::Riot),
    ("brick-batting", Trig::Riot),
    ("brickbatting", Trig::Riot),
    // a crowd's violence told in other words (ACLED's rioters)
    ("pelting", Trig::Riot),
    ("throwing stones", Trig::Riot),
    ("throwing rocks", Trig::Riot),
    ("threw rocks", Trig::Riot),
    ("hurling stones", Trig::Riot),
    ("hurled brick*", Trig::Riot),
    ("hurling brick*", Trig::Riot),
    ("brick chips", Trig::Riot),
    ("chase and counter chase", Trig::Riot),
    ("chase and counter-chase", Trig::Riot),
    ("became unruly", Trig::Riot),
    ("turned unruly", Trig::Riot),
    ("got violent", Trig::Riot),
    ("became violent", Trig::Riot),
    ("protested violently", Trig::Riot),
    ("violence erupted", Trig::Riot),
    ("violent confrontation", Trig::Riot),
    ("confrontation with the police", Trig::Riot),
    ("confrontation with police", Trig::Riot),
    ("confrontation with security", Trig::Riot),
    ("altercation with the police", Trig::Riot),
    ("altercation with police", Trig::Riot),
    ("altercations between", Trig::Riot),
    // agreement
    ("ceasefire", Trig::Agree),
    ("cease-fire", Trig::Agree),
    ("truce", Trig::Agree),
    ("peace deal", Trig::Agree),
    ("peace agreement", Trig::Agree),
    ("peace accord", Trig::Agree),
    ("agreed", Trig::Agree),
    ("signed an agreement", Trig::Agree),
    ("signed a deal", Trig::Agree),
    // talks
    ("talks", Trig::Consult),
    ("negotiation*", Trig::Consult),
    ("peace talks", Trig::Consult),
    ("held talks", Trig::Consult),
    ("met with", Trig::Consult),
    // verbal conflict
    ("accuse*", Trig::Accuse),
    ("accusing", Trig::Accuse),
    ("blamed", Trig::Accuse),
    ("blames", Trig::Accuse),
    ("blaming", Trig::Accuse),
    ("claimed without", Trig::Accuse),
    ("alleged that", Trig::Accuse),
    ("alleges that", Trig::Accuse),
    ("links to", Trig::Accuse),
    ("backed by", Trig::Accuse),
    ("supported by", Trig::Accuse),
    ("sponsored by", Trig::Accuse),
    ("denied", Trig::Deny),
    ("denies", Trig::Deny),
    ("deny", Trig::Deny),
    ("rejected", Trig::Deny),
    ("rejects", Trig::Deny),
    ("refuted", Trig::Deny),
    ("dismissed the allegation*", Trig::Deny),
    ("threaten*", Trig::Threaten),
    ("would mean", Trig::Threaten),
    ("vowed to", Trig::Threaten),
    ("vowing to", Trig::Threaten),
    ("vows to", Trig::Threaten),
    ("warned of", Trig::Threaten),
    ("pledged to", Trig::Threaten),
    // claims
    ("claimed responsibility", Trig::Claim),
    ("claiming responsibility", Trig::Claim),
    ("claims responsibility", Trig::Claim),
    ("claim responsibility", Trig::Claim),
    // "claimed full responsibility", "claimed the responsibility"
    ("claimed full responsibility", Trig::Claim),
    ("claiming full responsibility", Trig::Claim),
    ("claims full responsibility", Trig::Claim),
    ("claim full responsibility", Trig::Claim),
    ("claimed the responsibility", Trig::Claim),
    ("claiming the responsibility", Trig::Claim),
    ("claims the responsibility", Trig::Claim),
    ("claimed the attack", Trig::Claim),
    ("claimed the bombing", Trig::Claim),
    ("claimed the killing", Trig::Claim),
    ("claimed credit", Trig::Claim),
    ("accepted responsibility", Trig::Claim),
    ("took responsibility", Trig::Claim),
    ("takes responsibility", Trig::Claim),
    ("taken responsibility", Trig::Claim),
    ("assumed responsibility", Trig::Claim),
    ("owned responsibility", Trig::Claim),
    // the passive told in a sentence of its own ("It was claimed by the
    // Taliban."): the claimant follows the verb (`passive_claim`)
    ("was claimed by", Trig::Claim),
    ("were claimed by", Trig::Claim),
    ("been claimed by", Trig::Claim),
    // territory
    ("captured", Trig::Capture),
    ("overran", Trig::Capture),
    ("seized control", Trig::Capture),
    ("took control", Trig::Capture),
    ("taken control", Trig::Capture),
    ("recaptured", Trig::Recapture),
    ("retook", Trig::Recapture),
    ("regained control", Trig::Recapture),
    ("cleared of militants", Trig::Recapture),
    // sexual violence
    ("raped", Trig::Sexual),
    ("rape", Trig::Sexual),
    ("gang-raped", Trig::Sexual),
    ("gangraped", Trig::Sexual),
    ("sexually assaulted", Trig::Sexual),
    // bases
    ("set up a base", Trig::Base),
    ("established a base", Trig::Base),
    ("set up a camp", Trig::Base),
];

const OUTCOMES: &[(&str, Outcome)] = &[
    ("killed", Outcome::Killed),
    ("killing", Outcome::Killed),
    ("kills", Outcome::Killed),
    ("kill", Outcome::Killed),
    ("dead", Outcome::Killed),
    ("died", Outcome::Killed),
    // headlines: "Three die, nine injured by shelling", "13 die in firing"
    ("die", Outcome::Killed),
    ("dies", Outcome::Killed),
    ("deaths", Outcome::Killed),
    ("death toll", Outcome::Killed),
    ("toll", Outcome::Killed),
    ("fatalities", Outcome::Killed),
    ("slain", Outcome::Killed),
    ("perished", Outcome::Killed),
    ("passed away", Outcome::Killed),
    ("martyred", Outcome::Killed),
    ("lost their lives", Outcome::Killed),
    ("lost his life", Outcome::Killed),
    ("lost her life", Outcome::Killed),
    ("lives", Outcome::Killed),
    ("bodies", Outcome::Killed),
    ("shot dead", Outcome::Killed),
    ("fatally shot", Outcome::Killed),
    ("fatally wounded", Outcome::Killed),
    ("fatally injured", Outcome::Killed),
    ("shot and killed", Outcome::Killed),
    ("shot to death", Outcome::Killed),
    // "a student was riddled with bullets", "riddled him with bullets"
    ("riddled with bullets", Outcome::Killed),
    // "the bullet-riddled body of a trader was found" (the count:
    // casualties::riddled_body)
    ("bullet-riddled body", Outcome::Killed),
    ("bullet-ridden body", Outcome::Killed),
    ("bullet-riddled corpse", Outcome::Killed),
    ("bullet-ridden corpse", Outcome::Killed),
    ("killed on the spot", Outcome::Killed),
    ("gunned down", Outcome::Killed),
    ("gun down", Outcome::Killed),
    ("guns down", Outcome::Killed),
    ("murdered", Outcome::Killed),
    ("beheaded", Outcome::Killed),
    ("executed", Outcome::Killed),
    ("lynched", Outcome::Killed),
    ("massacred", Outcome::Killed),
    ("assassinated", Outcome::Killed),
    ("hacked to death", Outcome::Killed),
    ("beaten to death", Outcome::Killed),
    ("stabbed to death", Outcome::Killed),
    ("burnt to death", Outcome::Killed),
    ("burned to death", Outcome::Killed),
    ("succumbed", Outcome::Killed),
    ("wounded", Outcome::Wounded),
    ("wounding", Outcome::Wounded),
    ("injured", Outcome::Wounded),
    ("injuring", Outcome::Wounded),
    // "twin blasts kill 73 people and injure 36"
    ("injure", Outcome::Wounded),
    ("injures", Outcome::Wounded),
    ("injuries", Outcome::Wounded),
    ("wounds", Outcome::Wounded),
    ("hurt", Outcome::Wounded),
    ("abducted", Outcome::Abducted),
    ("abducting", Outcome::Abducted),
    ("kidnapped", Outcome::Abducted),
    ("kidnapping", Outcome::Abducted),
    ("taken hostage", Outcome::Abducted),
    ("held hostage", Outcome::Abducted),
    ("arrested", Outcome::Arrested),
    ("arresting", Outcome::Arrested),
    ("detained", Outcome::Arrested),
    ("detaining", Outcome::Arrested),
    ("apprehended", Outcome::Arrested),
    ("taken into custody", Outcome::Arrested),
    ("rounded up", Outcome::Arrested),
    ("nabbed", Outcome::Arrested),
];

/// A matched word or phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexHit {
    /// Byte start in the text.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// What it is.
    pub hit: Hit,
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    ac: AhoCorasick,
    /// Per pattern: what it is and whether it may be followed by more letters.
    meta: Vec<(Hit, bool)>,
}

impl Lexicon {
    /// Builds the automaton (a few hundred patterns; microseconds).
    pub fn new() -> Lexicon {
        let mut pats = Vec::new();
        let mut meta = Vec::new();
        for (p, t) in TRIGGERS {
            let (p, star) = p.strip_suffix('*').map_or((*p, false), |s| (s, true));
            pats.push(p.to_string());
            meta.push((Hit::Trigger(*t), star));
        }
        for (p, o) in OUTCOMES {
            pats.push(p.to_string());
            meta.push((Hit::Outcome(*o), false));
        }
        // The patterns are fixed literals: building cannot fail in practice;
        // fall back to an automaton that matches nothing rather than panic.
        // a DFA: built once (about a millisecond), it scans every article
        // without following failure links (the scan is run over all input)
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&pats)
            .expect("the fixed trigger lexicon always compiles");
        Lexicon { ac, meta }
    }

    /// Every trigger and outcome word in `text`, in order, whole words.
    /// Outcome words that are also triggers ("shot dead") are reported as
    /// both (two hits with the same span).
    pub fn scan(&self, text: &str) -> Vec<LexHit> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        for m in self.ac.find_iter(text) {
            let (hit, star) = self.meta[m.pattern().as_usize()];
            let s = m.start();
            let mut e = m.end();
            if s > 0 && (b[s - 1].is_ascii_alphanumeric()) {
                continue;
            }
            if star {
                while e < b.len() && (b[e].is_ascii_alphabetic()) {
                    e += 1;
                }
            } else if e < b.len() && b[e].is_ascii_alphanumeric() {
                continue;
            }
            // "RPG" and "IED" are acronyms: require capitals in the text.
            let word = &text[s..e];
            if (word.starts_with("rpg") || word.starts_with("ied"))
                && !word.as_bytes()[0].is_ascii_uppercase()
            {
                continue;
            }
            // "wearing a fake suicide vest", "a dummy bomb", "a toy gun": no
            // weapon at all
            if matches!(
                hit,
                Hit::Trigger(Trig::Suicide | Trig::Bomb | Trig::Grenade | Trig::Chemical)
            ) {
                let before = text[..s].trim_end();
                let prev = before
                    .rsplit(|c: char| !c.is_ascii_alphabetic())
                    .next()
                    .unwrap_or("");
                if ["fake", "dummy", "replica", "toy", "imitation", "hoax"]
                    .iter()
                    .any(|f| prev.eq_ignore_ascii_case(f))
                {
                    continue;
                }
            }
            // "picked up", "took away" are abductions only with people as
            // their object; "seized a dozen labourers" is one too
            let lw = word.to_ascii_lowercase();
            let weak_abduct = matches!(
                lw.as_str(),
                "picked up" | "took away" | "taken away" | "whisked away" | "dragged away"
            );
            if weak_abduct && !people_follow(text, e) {
                continue;
            }
            // "stole a van", "stole weapons"; "hijacked a bus", "grabbed a
            // militia chief": not "stole the show", "grabbed headlines"
            let gated = match lw.as_str() {
                "stole" => object_follows(text, e, VEHICLES) || object_follows(text, e, GOODS),
                "hijacked" => object_follows(text, e, VEHICLES) || people_follow(text, e),
                "grabbed" => any_person_object(text, e),
                _ => true,
            };
            if !gated {
                continue;
            }
            // "staged" is a protest only of a protest ("staged a sit-in", "a
            // rally was staged"), not "the attack staged by urban commandos"
            if lw == "staged" && !staged_protest(text, s, e) {
                continue;
            }
            // "demonstrated" as "showed": "demonstrated that", "as
            // demonstrated by", "can demonstrate its willingness"
            if matches!(
                lw.as_str(),
                "demonstrate" | "demonstrates" | "demonstrated" | "demonstrating"
            ) && shows_not_protests(text, s, e)
            {
                continue;
            }
            // gathering verbs are a protest only when a crowd is their subject
            if CROWD_GATED.contains(&lw.as_str()) && !crowd_before(text, s, lw == "demanded") {
                continue;
            }
            // "slaughtered" is a killing only of people: passive with a
            // person subject ("an activist was slaughtered") or a person
            // object ("slaughtered two villagers"); not "slaughtered a cow"
            if lw == "slaughtered" && !(people_object(text, e) || passive_person(text, s)) {
                continue;
            }
            // "on fire" is arson only as the end of "set … on fire" (not
            // "caught on fire", "under fire")
            if lw == "on fire" && !set_before(text, s) {
                continue;
            }
            // "shot at" needs people as its object ("shot at a police
            // officer"); otherwise it is the bare "shot" ("a shot at the title")
            if lw == "shot at" && !(people_follow(text, e) || any_people_follow(text, e)) {
                e = s + "shot".len();
            }
            // "who lives in the Miramontes neighbourhood": the verb "to
            // live", not lives lost
            if lw == "lives" && lives_verb(text, e) {
                continue;
            }
            if lw == "seized" && people_follow(text, e) {
                out.push(LexHit {
                    start: s,
                    end: e,
                    hit: Hit::Trigger(Trig::Abduct),
                });
            }
            out.push(LexHit {
                start: s,
                end: e,
                hit,
            });
            // outcome words that also say what happened
            if let Hit::Outcome(o) = hit {
                let w = word.to_ascii_lowercase();
                let t = match o {
                    Outcome::Abducted => Some(Trig::Abduct),
                    Outcome::Arrested => Some(Trig::Arrest),
                    Outcome::Killed
                        if matches!(
                            w.as_str(),
                            "shot dead"
                                | "gunned down"
                                | "gun down"
                                | "guns down"
                                | "murdered"
                                | "beheaded"
                                | "executed"
                                | "shot and killed"
                                | "fatally shot"
                                | "shot to death"
                                | "riddled with bullets"
                                | "massacred"
                                | "assassinated"
                                | "hacked to death"
                                | "beaten to death"
                                | "stabbed to death"
                                | "burnt to death"
                                | "burned to death"
                        ) =>
                    {
                        Some(Trig::Kill)
                    }
                    Outcome::Killed if w == "lynched" => Some(Trig::Mob),
                    _ => None,
                };
                if let Some(t) = t {
                    out.push(LexHit {
                        start: s,
                        end: e,
                        hit: Hit::Trigger(t),
                    });
                }
            }
            // phrases that are both a trigger and an outcome
            if let Hit::Trigger(Trig::Kill) = hit {
                out.push(LexHit {
                    start: s,
                    end: e,
                    hit: Hit::Outcome(Outcome::Killed),
                });
            }
            if let Hit::Trigger(Trig::Abduct) = hit {
                let w = word.to_ascii_lowercase();
                if w == "abducted" || w == "kidnapped" || w == "taken hostage" {
                    out.push(LexHit {
                        start: s,
                        end: e,
                        hit: Hit::Outcome(Outcome::Abducted),
                    });
                }
            }
            if let Hit::Trigger(Trig::Arrest) = hit {
                let w = word.to_ascii_lowercase();
                if w != "arrest" && w != "arrests" {
                    out.push(LexHit {
                        start: s,
                        end: e,
                        hit: Hit::Outcome(Outcome::Arrested),
                    });
                }
            }
            if let Hit::Trigger(Trig::Mob) = hit {
                if word.eq_ignore_ascii_case("lynched") {
                    out.push(LexHit {
                        start: s,
                        end: e,
                        hit: Hit::Outcome(Outcome::Killed),
                    });
                }
            }
        }
        out
    }
}

/// Protest verbs that say nothing of a protest on their own ("converged",
/// "demanded"): they count only with a crowd noun as their subject.
const CROWD_GATED: &[&str] = &[
    "converged",
    "flocked",
    "camped outside",
    "camped in front",
    "sat outside",
    "sat in front",
    "demanded",
    "disrupted traffic",
    "faced off",
    "convened",
    "resisted",
    "disrupted",
    "disrupt",
    "shut down",
    "stopped the traffic",
    "stopped traffic",
    "stopped construction",
    "continued to block",
];

/// Plural nouns of a crowd that can demonstrate ("villagers", "workers",
/// "party supporters"). `strict` leaves out the nouns that as often make
/// statements or state wishes ("women", "people", "organisations").
fn crowd_noun(w: &str, strict: bool) -> bool {
    if strict
        && matches!(
            w,
            "women"
                | "people"
                | "members"
                | "organisations"
                | "organizations"
                | "parents"
                | "villages"
                | "volunteers"
                | "scholars"
                | "agents"
                | "lawyers"
                | "doctors"
        )
    {
        return false;
    }
    matches!(
        w,
        "protesters"
            | "protestors"
            | "demonstrators"
            | "students"
            | "activists"
            | "villagers"
            | "workers"
            | "traders"
            | "residents"
            | "farmers"
            | "supporters"
            | "cadres"
            | "employees"
            | "hawkers"
            | "vendors"
            | "teachers"
            | "lawyers"
            | "doctors"
            | "nurses"
            | "labourers"
            | "laborers"
            | "locals"
            | "scholars"
            | "organisations"
            | "organizations"
            | "agents"
            | "drivers"
            | "transporters"
            | "shopkeepers"
            | "youths"
            | "tribesmen"
            | "women"
            | "people"
            | "members"
            | "volunteers"
            | "parents"
            | "villages"
    )
}

/// Acts of force that "staged" may carry out: "the attack staged by urban
/// commandos", "staged an ambush", "the raid staged by the rebels".
const STAGED_FORCE: &[&str] = &[
    "attack",
    "attacks",
    "raid",
    "raids",
    "ambush",
    "ambushes",
    "assault",
    "assaults",
    "offensive",
    "action",
    "actions",
    "operation",
    "operations",
    "bombing",
    "bombings",
    "coup",
    "incursion",
    "incursions",
    "kidnapping",
    "robbery",
    "hold-up",
    "holdup",
];

/// Whether "staged" (at `s..e`) stages a protest: a protest word among the
/// next four words or the three before it, typos and all ("staged a sit-in",
/// "a rally was staged", "staged aprotest", "staged domonstrations"), and no
/// act of force ("the attack staged by urban commandos", "staged an armed
/// attack", "the raid staged by the rebels").
fn staged_protest(text: &str, s: usize, e: usize) -> bool {
    let is_force = |w: &str| {
        let lw = w.to_ascii_lowercase();
        STAGED_FORCE.contains(&lw.as_str())
    };
    let is_protest = |w: &str| {
        let lw = w.to_ascii_lowercase();
        lw.contains("protest")
            || lw.contains("onstrat")
            || lw == "pro-test"
            || [
                "rall",
                "march",
                "sit",
                "strik",
                "walk",
                "dharn",
                "vigil",
                "boycot",
                "blockad",
                "shutdown",
                "hartal",
                "bandh",
                "picket",
                "gherao",
                "wheel",
                "procession",
                "hunger",
                "token",
                "agitat",
                "uprising",
            ]
            .iter()
            .any(|p| lw.starts_with(p))
    };
    let after = || next_words(text, e).take(4);
    let before = || sentence_words_before(text, s, 40).take(3);
    (after().any(is_protest) || before().any(is_protest))
        && !(after().take(3).any(is_force) || before().any(is_force))
}

/// Whether a "demonstrate" verb (at `s..e`) means "show": its object is a
/// clause or a thing ("demonstrated that", "demonstrated the need",
/// "demonstrate its willingness", "demonstrated how") or it stands in the
/// passive ("as demonstrated by", "can be demonstrated"), unless a crowd
/// is its subject.
fn shows_not_protests(text: &str, s: usize, e: usize) -> bool {
    let next = next_words(text, e)
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let prev = sentence_words_before(text, s, 20)
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    // (a crowd that demonstrates protests: "hundreds of students
    // demonstrated the headquarters")
    if crowd_before(text, s, false) {
        return false;
    }
    let passive = text
        .get(s..e)
        .is_some_and(|w| w.eq_ignore_ascii_case("demonstrated"))
        && matches!(prev.as_str(), "be" | "been" | "is" | "was" | "were" | "as");
    passive
        || matches!(
            next.as_str(),
            "that"
                | "the"
                | "a"
                | "an"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "my"
                | "how"
                | "what"
                | "this"
                | "these"
                | "those"
                | "by"
                | "once"
                | "clearly"
                | "again"
                | "why"
                | "beyond"
        )
}

/// Whether a crowd noun stands as the subject just before `at`: among the
/// last twelve words of the same sentence ("About 100 villagers … converged",
/// "BJP workers demanded"); `strict` as in [`crowd_noun`].
fn crowd_before(text: &str, at: usize, strict: bool) -> bool {
    sentence_words_before(text, at, 130)
        .take(12)
        .any(|w| crowd_noun(&w.to_ascii_lowercase(), strict))
}

/// The words of `at`'s sentence before `at`, nearest first, looking back at
/// most `reach` bytes.
fn sentence_words_before(text: &str, at: usize, reach: usize) -> impl Iterator<Item = &str> {
    let mut a = at.saturating_sub(reach);
    while a > 0 && !text.is_char_boundary(a) {
        a -= 1;
    }
    let before = text.get(a..at).unwrap_or("");
    let before = before
        .rfind(['.', ';', '!', '?', '\n'])
        .map_or(before, |i| &before[i + 1..]);
    before
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .rev()
}

/// Whether the object right after `at` is people: a person noun after at
/// most a determiner, a number or an adjective of age ("shot a sarpanch",
/// "shot two young students"; not "shot basketball hoops with students").
fn people_object(text: &str, at: usize) -> bool {
    let mut b = (at + 50).min(text.len());
    while b < text.len() && !text.is_char_boundary(b) {
        b += 1;
    }
    for w in text
        .get(at..b)
        .unwrap_or("")
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(4)
    {
        let lw = w.to_ascii_lowercase();
        if matches!(lw.as_str(), "him" | "her" | "them") || person_side(&lw).is_some() {
            return true;
        }
        let filler = matches!(
            lw.as_str(),
            "a" | "an"
                | "the"
                | "his"
                | "their"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "young"
                | "local"
                | "unarmed"
                | "elderly"
                | "retired"
                | "off-duty"
        ) || lw.bytes().all(|c| c.is_ascii_digit());
        if !filler {
            return false;
        }
    }
    false
}

/// Whether the verb at `at` is a passive ("was", "were", "been" right
/// before) whose subject, among the eight words before it in the same
/// sentence, is a person noun ("an activist of the party was slaughtered").
fn passive_person(text: &str, at: usize) -> bool {
    let words: Vec<&str> = sentence_words_before(text, at, 90).take(8).collect();
    words.first().is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "was" | "were" | "been" | "being"
        )
    }) && words.iter().any(|w| person_side(w).is_some())
}

/// Whether "lives" ending at `at` is the verb "to live": a place or a
/// companion follows ("lives in", "lives with his family", "lives near the
/// market"), which never follows lives lost ("claimed 12 lives in the
/// attack" has its count before the word).
fn lives_verb(text: &str, at: usize) -> bool {
    let before_count = sentence_words_before(text, at.saturating_sub("lives".len()), 30)
        .next()
        .is_some_and(|w| {
            w.as_bytes().first().is_some_and(u8::is_ascii_digit)
                || sitrep_text::numbers::word_value(&w.to_ascii_lowercase()).is_some()
                || matches!(
                    w.to_ascii_lowercase().as_str(),
                    "their" | "his" | "her" | "many" | "several" | "innocent" | "civilian"
                )
        });
    !before_count
        && next_words(text, at).next().is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "in" | "at" | "with" | "near" | "on" | "there" | "here" | "alone" | "abroad"
            )
        })
}

/// Whether the verb "set" stands among the six words before `at` in the
/// same sentence ("set two buses on fire").
fn set_before(text: &str, at: usize) -> bool {
    sentence_words_before(text, at, 70)
        .take(6)
        .any(|w| w.eq_ignore_ascii_case("set"))
}

/// Whether a single "rocket" is a weapon in use: a firing verb a few words
/// before it ("fired a rocket at", "launched a rocket") or a hit right after
/// it ("a rocket hit a house"), not "prices rocket" or "a rocket launch".
fn rocket_fired(text: &str, h: &LexHit) -> bool {
    let fired = sentence_words_before(text, h.start, 40).take(3).any(|w| {
        ["fired", "fire", "firing", "launched", "lobbed", "shot"]
            .iter()
            .any(|v| w.eq_ignore_ascii_case(v))
    });
    let hit = text
        .get(h.end..)
        .unwrap_or("")
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|w| !w.is_empty())
        .is_some_and(|w| {
            ["hit", "landed", "struck", "slammed", "exploded", "crashed"]
                .iter()
                .any(|v| w.eq_ignore_ascii_case(v))
        });
    fired || hit
}

/// Whether a count of people follows `at` ("Indian fire kills four in
/// Kashmir", "shells kill two, destroy 25 shops"): a number not followed by
/// a unit of time or measure.
fn number_follows(text: &str, at: usize) -> bool {
    let mut words = text
        .get(at..)
        .unwrap_or("")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2);
    let Some(n) = words.next() else {
        return false;
    };
    let number = n.bytes().all(|c| c.is_ascii_digit())
        || sitrep_text::numbers::word_value(&n.to_ascii_lowercase()).is_some();
    let unit = words.next().is_some_and(|u| {
        matches!(
            u.to_ascii_lowercase().as_str(),
            "minutes"
                | "minute"
                | "hours"
                | "hour"
                | "days"
                | "seconds"
                | "percent"
                | "points"
                | "birds"
                | "per"
                | "times"
        )
    });
    number && !unit
}

/// Whether a number ends right before `at` ("Two die", "13 dies").
fn number_before(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end();
    let w = before
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    !w.is_empty()
        && (w.bytes().all(|c| c.is_ascii_digit())
            || sitrep_text::numbers::word_value(&w.to_ascii_lowercase()).is_some())
}

/// Whether a person noun of any side follows `at` within a few words
/// ("kills 35 militants", "kill two policemen").
fn any_people_follow(text: &str, at: usize) -> bool {
    next_words(text, at).any(|w| person_side(w).is_some())
}

/// The first five words (letters, digits, hyphens) within 60 bytes after `at`.
fn next_words(text: &str, at: usize) -> impl Iterator<Item = &str> + '_ {
    let mut b = (at + 60).min(text.len());
    while b < text.len() && !text.is_char_boundary(b) {
        b += 1;
    }
    text.get(at..b)
        .unwrap_or("")
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(5)
}

/// Whether the next few words after `at` name unarmed people or state
/// personnel as an object ("a dozen labourers", "two policemen", "him").
/// Vehicles: what is hijacked or stolen in an attack.
const VEHICLES: &[&str] = &[
    "vehicle",
    "vehicles",
    "truck",
    "trucks",
    "tanker",
    "tankers",
    "bus",
    "buses",
    "van",
    "vans",
    "container",
    "containers",
    "lorry",
    "lorries",
    "car",
    "cars",
    "jeep",
    "jeeps",
    "plane",
    "aircraft",
    "airliner",
    "ship",
    "boat",
    "trailer",
    "trailers",
    "ambulance",
    "convoy",
    "train",
];

/// Arms and money: what else is stolen in an attack.
const GOODS: &[&str] = &[
    "arms",
    "weapons",
    "ammunition",
    "ammunitions",
    "explosives",
    "rifles",
    "guns",
    "money",
    "cash",
    "payroll",
    "funds",
];

/// The words after `at` up to the first preposition, at most five.
fn object_words(text: &str, at: usize) -> impl Iterator<Item = String> + '_ {
    next_words(text, at)
        .map(|w| w.to_ascii_lowercase())
        .take_while(|w| {
            !matches!(
                w.as_str(),
                "from" | "of" | "in" | "at" | "on" | "to" | "with"
            )
        })
}

/// Whether one of `words` is the object right after `at` ("stole a van").
fn object_follows(text: &str, at: usize, words: &[&str]) -> bool {
    object_words(text, at).any(|w| words.contains(&w.as_str()))
}

/// Whether a person of any side is the object right after `at` ("grabbed a
/// militia chief from his home", "grabbed him").
fn any_person_object(text: &str, at: usize) -> bool {
    object_words(text, at).enumerate().any(|(k, w)| {
        (k == 0 && matches!(w.as_str(), "him" | "her" | "them")) || person_side(&w).is_some()
    })
}

fn people_follow(text: &str, at: usize) -> bool {
    let mut b = (at + 60).min(text.len());
    while b < text.len() && !text.is_char_boundary(b) {
        b += 1;
    }
    let after = text.get(at..b).unwrap_or("");
    for (k, w) in after
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(5)
        .enumerate()
    {
        let lw = w.to_ascii_lowercase();
        if k == 0 && matches!(lw.as_str(), "him" | "them" | "her") {
            return true;
        }
        match person_side(&lw) {
            Some(Side::Civilians | Side::State) => return true,
            Some(_) => return false,
            None => {}
        }
        if matches!(lw.as_str(), "from" | "of" | "in" | "at" | "on" | "control") {
            return false;
        }
    }
    false
}

/// Whether an ambiguous protest word ("marched", "rallied", "striking")
/// stands near a word that makes it a protest ("to demand", "peaceful",
/// "slogans", "workers").
fn protest_context(text: &str, h: &LexHit) -> bool {
    let mut a = h.start.saturating_sub(100);
    while a > 0 && !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (h.end + 100).min(text.len());
    while b < text.len() && !text.is_char_boundary(b) {
        b += 1;
    }
    let win = text.get(a..b).unwrap_or("").to_ascii_lowercase();
    [
        "demand",
        "peaceful",
        "slogan",
        "protest",
        "workers",
        "activists",
        "students",
        "wage",
        "in support of",
        "to press",
        "condemn",
        "against",
        "petition",
        "union",
        "farmers",
        "villagers",
    ]
    .iter()
    .any(|c| win.contains(c))
}

/// Whether a hit is a conflict signal on its own: a death, injury,
/// abduction or arrest, a weapon, an attack or a clash, a protest or riot,
/// a ceasefire. Articles without one (sport, business: "shot", "beat",
/// "talks", "deal") are not coded at all.
pub fn is_conflict_signal(text: &str, h: &LexHit) -> bool {
    let w = text.get(h.start..h.end).unwrap_or("").to_ascii_lowercase();
    match h.hit {
        // "Taliban kills 3 policemen": a present-tense kill verb with people
        // as its object is a report (a headline); "kill time" is not
        Hit::Outcome(_) if matches!(w.as_str(), "kill" | "kills" | "injure" | "injures") => {
            any_people_follow(text, h.end) || number_follows(text, h.end)
        }
        // "Two die in shelling": only after a number ("do or die" is none)
        Hit::Outcome(_) if matches!(w.as_str(), "die" | "dies") => number_before(text, h.start),
        Hit::Outcome(_) => !matches!(w.as_str(), "lives" | "toll" | "hurt"),
        Hit::Trigger(t) => match t {
            Trig::Air
            | Trig::Suicide
            | Trig::Grenade
            | Trig::Bomb
            | Trig::Chemical
            | Trig::Kill
            | Trig::Abduct
            | Trig::Riot
            | Trig::Mob
            | Trig::Sexual
            | Trig::Jailbreak => !matches!(
                w.as_str(),
                "drone" | "drones" | "jets" | "freed" | "escaped" | "broke out" | "mob"
            ),
            Trig::Shell => {
                matches!(
                    w.as_str(),
                    "shelling" | "shelled" | "artillery" | "mortar" | "mortars" | "rockets"
                ) || w.starts_with("missile")
                    || (w == "rocket" && rocket_fired(text, h))
            }
            Trig::Clash => !matches!(
                w.as_str(),
                "operation" | "operations" | "battle" | "battled" | "offensive" | "retaliated"
            ),
            Trig::Protest => {
                !matches!(
                    w.as_str(),
                    "march"
                        | "marched"
                        | "marches"
                        | "rallied"
                        | "blocked"
                        | "stalled"
                        | "took out"
                        | "striking"
                ) || protest_context(text, h)
                    || (!w.starts_with("march") && crowd_before(text, h.start, false))
            }
            Trig::Agree => matches!(
                w.as_str(),
                "ceasefire"
                    | "cease-fire"
                    | "truce"
                    | "peace deal"
                    | "peace agreement"
                    | "peace accord"
            ),
            Trig::Arrest | Trig::Seal | Trig::Loot | Trig::Defuse => !matches!(
                w.as_str(),
                "arrest"
                    | "arrests"
                    | "burned"
                    | "burnt"
                    | "destroyed"
                    | "damaged"
                    | "recovered"
                    | "seized"
                    | "cache"
                    | "sealed"
                    | "intercepted"
                    | "confiscated"
                    | "averted"
                    | "shot down"
                    | "foiled"
                    | "thwarted"
                    | "demolished"
            ),
            // "gunmen shot a sarpanch": the bare "shot" with people as its object
            // "gunmen shot a sarpanch", "a lawyer was shot": the bare "shot"
            // with people as its object or its passive subject
            Trig::Attack if w == "shot" => {
                people_object(text, h.end) || passive_person(text, h.start)
            }
            Trig::Attack => {
                w.starts_with("attack")
                    || w.starts_with("ambush")
                    || matches!(
                        w.as_str(),
                        "stormed"
                            | "opened fire"
                            | "open fire"
                            | "fired at"
                            | "fired on"
                            | "fired upon"
                            | "firing on"
                            | "massacre"
                            | "massacres"
                            | "murders"
                            | "targeted killing"
                            | "target killing"
                            | "stabbed"
                            | "stabbing"
                            | "shootings"
                            | "mass shooting"
                            | "shot at"
                            | "tortured"
                            | "raid"
                            | "raided"
                            | "raids"
                            | "siege"
                            | "assaulted"
                            | "hacked"
                            | "petrol bomb"
                            | "petrol bombs"
                            | "cocktail"
                            | "cocktails"
                            | "molotov"
                            | "beaten up"
                            | "beat up"
                            | "beating up"
                            | "roughed up"
                            | "manhandled"
                            | "machinegunned"
                            | "machine-gunned"
                            | "machine gunned"
                            | "machinegunning"
                            | "machine-gunning"
                    )
            }
            _ => false,
        },
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

/// Calls `f` with `w` in ASCII lower case (`str::to_ascii_lowercase`), in a
/// buffer on the stack when the word is short (every word a person noun or a
/// casualty word can be), without a heap copy per word.
pub(crate) fn with_ascii_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if let Some(dst) = buf.get_mut(..w.len()) {
        for (d, c) in dst.iter_mut().zip(w.as_bytes()) {
            *d = c.to_ascii_lowercase();
        }
        // (ASCII lower-casing keeps UTF-8 valid: the first arm always holds)
        if let Ok(l) = std::str::from_utf8(dst) {
            return f(l);
        }
    }
    f(&w.to_ascii_lowercase())
}

/// The side of a person noun (lower-case, singular or plural), if it is one.
pub fn person_side(word: &str) -> Option<Side> {
    with_ascii_lower(word, person_side_lower)
}

/// [`person_side`] of a word already in ASCII lower case.
pub(crate) fn person_side_lower(w: &str) -> Option<Side> {
    use Side::*;
    Some(match w {
        "civilian" | "civilians" | "passenger" | "passengers" | "worshipper" | "worshippers"
        | "worshiper" | "worshipers" | "villager" | "villagers" | "resident" | "residents"
        | "child" | "children" | "woman" | "women" | "student" | "students" | "teacher"
        | "teachers" | "journalist" | "journalists" | "reporter" | "reporters" | "shopkeeper"
        | "shopkeepers" | "pilgrim" | "pilgrims" | "farmer" | "farmers" | "labourer"
        | "labourers" | "laborer" | "laborers" | "worker" | "workers" | "trader" | "traders"
        | "elder" | "elders" | "doctor" | "doctors" | "nurse" | "nurses" | "boy" | "boys"
        | "girl" | "girls" | "bystander" | "bystanders" | "pedestrian" | "pedestrians"
        | "refugee" | "refugees" | "voter" | "voters" | "devotee" | "devotees" | "minor"
        | "minors" | "infant" | "infants" | "mourner" | "mourners" | "guest" | "guests"
        | "driver" | "drivers" | "citizen" | "citizens" | "local" | "locals" | "commuter"
        | "commuters" | "tourist" | "tourists" | "engineer" | "engineers" | "activist"
        | "activists" | "politician" | "politicians" | "councillor" | "councillors" | "cleric"
        | "clerics" | "scholar" | "scholars" | "family" | "tribesman" | "tribesmen"
        | "contractor" | "contractors" | "fishermen" | "fisherman" | "shepherd" | "shepherds"
        | "kids" | "baby" | "babies" | "son" | "sons" | "daughter" | "daughters" | "wife"
        | "husband" | "brother" | "brothers" | "relatives" | "youth" | "youths" | "teenager"
        | "teenagers" | "patients" | "employees" | "employee" | "officials" | "official"
        | "leader" | "leaders" | "supporters" | "supporter" | "candidate" | "candidates"
        | "lawyer" | "lawyers" | "judge" | "judges" | "prisoners" | "inmates" | "villager's"
        | "persons-civilian" | "protester" | "protesters" | "protestor" | "protestors"
        | "demonstrator" | "demonstrators" | "volunteer" | "volunteers" | "chief" | "chieftain"
        | "couple" | "priest" | "priests" | "monk" | "monks" | "pastor" | "imam" | "vendor"
        | "vendors" | "businessman" | "businessmen" | "owner" | "passerby" | "passersby"
        | "tribals" | "adivasi" | "adivasis" | "informer" | "informers" | "spy" | "sarpanch"
        | "headman" | "mayor" | "councilors" | "lawmaker" | "lawmakers" | "legislator"
        | "minister" | "nephew's" | "widow" | "girl's" | "boy's" | "herder" | "herders"
        | "miner" | "miners" | "pilgrim's" | "rickshaw-puller" | "helper" | "helpers"
        | "nationals" | "foreigner" | "foreigners" | "peasant" | "peasants" | "campesino"
        | "campesinos" | "jesuit" | "jesuits" | "nun" | "nuns" | "diplomat" | "diplomats"
        | "ambassador" | "senator" | "senators" | "congressman" | "congressmen" | "unionist"
        | "unionists" | "housewife" | "housewives" | "prosecutor" | "prosecutors"
        | "magistrate" | "magistrates" | "newsman" | "newsmen" | "cameraman" | "cameramen"
        | "photographer" | "photographers" | "secretary" | "chairman" | "chairmen"
        | "chairperson" => Civilians,
        "soldier" | "soldiers" | "troop" | "troops" | "serviceman" | "servicemen" | "policeman"
        | "policemen" | "police" | "policewoman" | "policewomen" | "personnel" | "constable"
        | "constables" | "cop" | "cops" | "guard" | "guards" | "paramilitary"
        | "paramilitaries" | "levies" | "rangers" | "commando" | "commandos" | "jawan"
        | "jawans" | "trooper" | "troopers" | "sepoy" | "sepoys" | "officer" | "officers"
        | "marines" | "sailors" | "airmen" | "army" | "forces" | "cadets" | "fc" | "militiamen"
        | "lawmen" | "enforcers" | "marine" | "sailor" | "airman" | "ranger" | "cadet"
        | "militiaman" | "policemen's" | "inspector" | "sub-inspector" | "havildar"
        | "rifleman" | "riflemen" | "guardsman" | "guardsmen" | "gendarme" | "gendarmes" => State,
        "militant" | "militants" | "insurgent" | "insurgents" | "attacker" | "attackers"
        | "terrorist" | "terrorists" | "rebel" | "rebels" | "fighter" | "fighters" | "gunman"
        | "gunmen" | "assailant" | "assailants" | "bomber" | "bombers" | "maoist" | "maoists"
        | "naxal" | "naxals" | "naxalite" | "naxalites" | "extremist" | "extremists"
        | "separatist" | "separatists" | "jihadist" | "jihadists" | "jihadis" | "miscreants"
        | "kidnappers" | "cadres" | "cadre" | "taliban" | "hijackers" | "raiders" | "dacoits"
        | "criminals" | "robbers" | "suspects" | "commanders" | "commander" | "infiltrators"
        | "intruders" | "ultra" | "ultras" | "kidnapper" | "hijacker" | "raider" | "dacoit"
        | "criminal" | "robber" | "suspect" | "infiltrator" | "intruder" | "guerrilla"
        | "guerrillas" | "guerilla" | "guerillas" | "jihadi" | "mujahid" | "mujahideen"
        | "subversive" | "subversives" | "taleban" => Militants,
        "people" | "persons" | "person" | "men" | "man" | "others" | "individuals" | "members"
        | "member" | "nephew" | "nephews" | "cousin" | "cousins" | "uncle" | "father"
        | "mother" | "sister" | "sisters" | "councilor" | "councillor's" | "individual"
        | "lives" | "victims" | "casualties"
        // "army recruits" are soldiers, "Taliban recruits" are not: the
        // modifier gives the side
        | "recruit" | "recruits" | "trainee" | "trainees" => Unknown,
        _ => return None,
    })
}

/// Words that may stand between a number and its person noun ("five
/// Pakistani soldiers", "17 security personnel", "two unidentified armed men").
pub fn is_noun_modifier(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    matches!(
        w.as_str(),
        "security"
            | "other"
            | "more"
            | "unidentified"
            | "unknown"
            | "armed"
            | "suspected"
            | "alleged"
            // "three presumed terrorists", "two reported militants"
            | "presumed"
            | "reported"
            | "purported"
            // "three wanted militants", "two most-wanted commanders"
            | "wanted"
            | "most-wanted"
            | "innocent"
            | "local"
            | "young"
            | "old"
            | "elderly"
            | "senior"
            | "junior"
            | "police"
            | "army"
            | "military"
            | "paramilitary"
            | "border"
            | "government"
            | "state"
            | "tribal"
            | "foreign"
            | "fellow"
            | "heavily"
            | "masked"
            | "suicide"
            | "female"
            | "male"
            | "school"
            | "university"
            | "college"
            | "polio"
            | "health"
            | "aid"
            | "frontier"
            | "corps"
            | "fc"
            | "levies"
            | "law"
            | "enforcement"
            | "enforcers"
            | "party"
            | "family"
            | "of"
            | "the"
            | "their"
            | "his"
            | "her"
            | "its"
            | "whom"
            | "them"
            | "same"
            | "off-duty"
            | "on-duty"
            | "ordinary"
            | "unarmed"
            | "bus"
            | "rickshaw"
            | "truck"
            | "van"
            | "mosque"
            | "shia"
            | "sunni"
            | "hindu"
            | "muslim"
            | "christian"
            | "sikh"
            | "ahmadi"
            | "hazara"
            | "pashtun"
            | "punjabi"
            | "baloch"
            | "sindhi"
            | "rival"
            | "ruling"
            | "opposition"
            | "political"
            | "religious"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_whole_words_with_stems() {
        let lx = Lexicon::new();
        let t = "Clashes erupted after airstrikes; the attackers were shot dead. Unattacked.";
        let hits = lx.scan(t);
        let words: Vec<&str> = hits.iter().map(|h| &t[h.start..h.end]).collect();
        assert!(words.contains(&"Clashes"));
        assert!(words.contains(&"airstrikes"));
        assert!(words.contains(&"shot dead"));
        assert!(!words.iter().any(|w| w.eq_ignore_ascii_case("attack")));
        assert!(hits
            .iter()
            .any(|h| h.hit == Hit::Outcome(Outcome::Killed) && &t[h.start..h.end] == "shot dead"));
    }

    #[test]
    fn a_missile_is_an_air_strike_only_when_an_air_force_fires_it() {
        let lx = Lexicon::new();
        let trig = |t: &str| {
            lx.scan(t).iter().find_map(|h| match h.hit {
                Hit::Trigger(g) => Some(g),
                _ => None,
            })
        };
        assert_eq!(trig("Two US missiles hit a compound."), Some(Trig::Air));
        assert_eq!(trig("A spy plane targeted a car."), Some(Trig::Air));
        assert_eq!(trig("Missiles hit a house."), Some(Trig::Shell));
    }

    #[test]
    fn staged_and_demonstrated_are_protests_only_as_protests() {
        let lx = Lexicon::new();
        let protest = |t: &str| {
            lx.scan(t)
                .iter()
                .any(|h| h.hit == Hit::Trigger(Trig::Protest))
        };
        assert!(protest("Students staged a sit-in outside the ministry."));
        assert!(protest("A rally was staged in the main square."));
        assert!(!protest(
            "A guard was wounded in the attack staged by commandos."
        ));
        assert!(protest(
            "Hundreds demonstrated against the new tax on Monday."
        ));
        assert!(protest("Workers demonstrated outside the factory."));
        assert!(protest(
            "Teachers have been demonstrating against the cuts."
        ));
        assert!(protest("Hundreds of students demonstrated the town hall."));
        assert!(protest("Students staged a massive pro-test on Monday."));
        assert!(!protest("The inquiry demonstrated that the officer lied."));
        assert!(!protest("Recent events demonstrated the need for a plan."));
        assert!(!protest("As demonstrated by the standstill in the trial."));
        assert!(!protest(
            "The country can demonstrate its willingness to help."
        ));
    }

    #[test]
    fn person_nouns_have_sides() {
        assert_eq!(person_side("Levies"), Some(Side::State));
        assert_eq!(person_side("worshippers"), Some(Side::Civilians));
        assert_eq!(person_side("attackers"), Some(Side::Militants));
        assert_eq!(person_side("people"), Some(Side::Unknown));
        assert_eq!(person_side("hours"), None);
    }
}
