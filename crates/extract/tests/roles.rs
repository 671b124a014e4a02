//! Actor roles, claims and attribution (`mentions.rs`): invented reports in
//! the style of wire stories and hand-coded notes, one rule per test, and a
//! bound on the cost of a run-on line.

use std::sync::{Arc, OnceLock};

use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_gazetteer::Gazetteer;
use sitrep_model::{Article, Event, EventType};

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(Arc::new(Gazetteer::embedded().expect("embedded gazetteer"))))
}

fn extract(text: &str) -> Vec<Event> {
    extract_on(text, "2021-03-10")
}

fn extract_on(text: &str, published: &str) -> Vec<Event> {
    let art = Article {
        id: "t".into(),
        input: "test".into(),
        published: Some(published.into()),
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
        "Security forces killed five Lashkar-e-Jhangvi militants in a gunfight in Mastung, \
         Balochistan, Pakistan, on Friday.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Military Forces"), "{}", actor1(e));
    assert!(actor2(e).contains("Lashkar-e-Jhangvi"), "{}", actor2(e));
}

#[test]
fn indian_coders_put_the_armed_group_of_a_battle_first() {
    // ACLED's India desk: the group first, whoever started the fight
    let evs = extract(
        "Security forces killed five Lashkar-e-Taiba militants in a gunfight in Kupwara, \
         Jammu and Kashmir, India, on Friday.",
    );
    let e = primary(&evs);
    assert!(actor1(e).contains("Lashkar-e-Taiba"), "{}", actor1(e));
    assert!(actor2(e).starts_with("Military Forces"), "{}", actor2(e));
}

#[test]
fn militants_killed_in_an_encounter_are_its_other_side() {
    let evs = extract(
        "Two militants were killed and an army man was injured in an encounter in Rajouri, \
         Jammu and Kashmir, India, on Monday.",
    );
    let e = primary(&evs);
    assert!(
        actor1(e).starts_with("Unidentified Armed Group"),
        "{}",
        actor1(e)
    );
    assert!(actor2(e).starts_with("Military Forces"), "{}", actor2(e));
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

#[test]
fn a_protest_against_an_attack_is_peaceful_and_its_crowd_are_protesters() {
    let evs = extract(
        "SUKKUR: Hundreds of traders staged a rally in Sukkur, Sindh, on Monday protesting the \
         attack on a shrine in Jacobabad last week.",
    );
    let e = evs
        .iter()
        .find(|e| actor1(e).starts_with("Protesters") || actor1(e).starts_with("Rioters"))
        .expect("a demonstration");
    assert_eq!(actor1(e), "Protesters (Pakistan)");
}

#[test]
fn burning_an_effigy_is_a_protest_not_a_riot() {
    let evs = extract(
        "GUWAHATI: Activists of a students' union burnt an effigy of the education minister in \
         Guwahati, Assam, India, on Friday to protest against the fee hike.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Protesters (India)");
    // the same crowd burning a bus is a riot
    let evs = extract(
        "GUWAHATI: Activists of a students' union burnt a bus in Guwahati, Assam, India, on \
         Friday to protest against the fee hike.",
    );
    assert_eq!(actor1(primary(&evs)), "Rioters (India)");
}

#[test]
fn militants_killed_in_a_clash_with_police_make_the_police_actor1() {
    let evs = extract(
        "PESHAWAR: Three militants were killed in an exchange of fire with police in Swabi \
         district of Khyber Pakhtunkhwa, Pakistan, on Sunday.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Police Forces of Pakistan");
    // villagers who clash with police are no armed side: the state is not made actor1
    let evs = extract(
        "PESHAWAR: Villagers clashed with police in Swabi district of Khyber Pakhtunkhwa, \
         Pakistan, on Sunday over a land dispute.",
    );
    assert!(
        evs.iter().all(|e| !actor1(e).starts_with("Police")),
        "{:?}",
        evs.iter().map(actor1).collect::<Vec<_>>()
    );
}

#[test]
fn a_passive_agent_after_by_the_is_actor1() {
    let evs = extract(
        "QUETTA: Six insurgents were killed in a search operation by the Frontier Corps in \
         Awaran district of Balochistan, Pakistan, on Tuesday.",
    );
    assert_eq!(actor1(primary(&evs)), "Military Forces of Pakistan");
}

#[test]
fn an_air_strike_without_a_named_perpetrator_is_the_countrys_air_force() {
    let evs = extract(
        "PESHAWAR: At least nine militants were killed in air strikes on hideouts in Tirah \
         valley of Khyber district, Pakistan, on Wednesday.",
    );
    assert_eq!(actor1(primary(&evs)), "Military Forces of Pakistan");
    // a drone strike is left open
    let evs = extract(
        "PESHAWAR: At least nine militants were killed in a drone strike on a compound in \
         North Waziristan, Pakistan, on Wednesday.",
    );
    assert_ne!(actor1(primary(&evs)), "Military Forces of Pakistan");
}

#[test]
fn riot_police_and_reported_calm_make_no_riot() {
    let evs = extract(
        "DHAKA: Hundreds of garment workers staged a demonstration in Dhaka, Bangladesh, on \
         Monday demanding unpaid wages. Riot police stood guard outside the factory but no \
         clashes were reported.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Protesters (Bangladesh)");
}

#[test]
fn party_supporters_who_torch_a_bus_are_rioters() {
    let evs = extract(
        "DHAKA: Supporters of the opposition set fire to a bus in Dhaka, Bangladesh, on \
         Monday during a countrywide blockade.",
    );
    assert_eq!(actor1(primary(&evs)), "Rioters (Bangladesh)");
}

#[test]
fn a_named_group_killing_a_spy_or_leaving_a_note_has_claimed_it() {
    // a note on the body
    let evs = extract(
        "PESHAWAR: Gunmen shot dead a shopkeeper in Bajaur, Khyber Pakhtunkhwa, Pakistan, on \
         Monday. A note left on the body said the Lashkar-e-Islam had punished him.",
    );
    assert!(!primary(&evs).claimed_by.is_empty(), "note: no claim");
    // a named group killing a man as a spy
    let evs = extract(
        "PESHAWAR: Lashkar-e-Islam militants shot dead a shopkeeper in Bajaur, Khyber \
         Pakhtunkhwa, Pakistan, on Monday for allegedly spying for the government.",
    );
    let e = primary(&evs);
    assert_eq!(
        e.claimed_by.first().map(|c| c.actor.as_str()),
        Some("LeI: Lashkar-e-Islam")
    );
    // ... unless the report says nobody claimed it
    let evs = extract(
        "PESHAWAR: Lashkar-e-Islam militants shot dead a shopkeeper in Bajaur, Khyber \
         Pakhtunkhwa, Pakistan, on Monday for allegedly spying for the government. No group \
         claimed responsibility.",
    );
    assert!(primary(&evs).claimed_by.is_empty());
}

#[test]
fn police_who_arrest_or_charge_a_demonstration_are_its_actor2() {
    let evs = extract(
        "LUCKNOW: Farmers staged a protest in Lucknow, Uttar Pradesh, India, on Monday against \
         the new land law. Police arrested 12 of them.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Protesters (India)");
    assert_eq!(actor2(e), "Police Forces of India");
    // an intervention without the word police implies them
    let evs = extract(
        "LUCKNOW: Farmers staged a protest in Lucknow, Uttar Pradesh, India, on Monday against \
         the new land law and 12 of them were detained.",
    );
    assert_eq!(actor2(primary(&evs)), "Police Forces of India");
}

#[test]
fn people_of_no_stated_side_hurt_by_an_armed_group_are_civilians() {
    let evs = extract(
        "MINGORA: Taliban militants killed two men in Swat, Khyber Pakhtunkhwa, Pakistan, on \
         Monday.",
    );
    assert_eq!(actor2(primary(&evs)), "Civilians (Pakistan)");
}

#[test]
fn a_crowd_clashing_with_police_is_actor1_and_the_police_actor2() {
    let evs = extract(
        "KATHMANDU: Police clashed with activists of a royalist party outside the parliament \
         in Kathmandu, Nepal, on Friday.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Rioters (Nepal)");
    assert_eq!(actor2(e), "Police Forces of Nepal");
    // police clashing with militants stay actor1
    let evs = extract(
        "QUETTA: Police clashed with militants in Quetta, Balochistan, Pakistan, on Friday.",
    );
    assert!(actor1(primary(&evs)).starts_with("Police Forces"));
}

#[test]
fn a_fight_that_hurt_both_sides_makes_the_state_forces_actor1() {
    let evs = extract(
        "QUETTA: Nine militants were killed and two soldiers were injured in an exchange of \
         fire in Kalat, Balochistan, Pakistan, on Friday.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Military Forces of Pakistan");
}

#[test]
fn a_crowd_gathered_to_voice_concerns_is_a_demonstration() {
    let evs = extract(
        "PHNOM PENH: About 300 villagers gathered in Kampong Speu, Cambodia, on Monday to voice \
         concerns over the loss of their farmland to a sugar company.",
    );
    assert_eq!(actor1(primary(&evs)), "Protesters (Cambodia)");
    // people gathered for a wedding are no demonstration
    let evs = extract(
        "PHNOM PENH: About 300 villagers gathered in Kampong Speu, Cambodia, on Monday for a \
         wedding.",
    );
    assert!(
        evs.is_empty(),
        "{:?}",
        evs.iter().map(actor1).collect::<Vec<_>>()
    );
}

#[test]
fn a_text_with_no_place_takes_its_country_from_the_parties_it_names() {
    // no place resolves: the parties named (BNP, Awami League: Bangladesh)
    // give the country of the generic crowd
    let evs = extract(
        "Police fired rubber bullets on protesters who blocked a road during a \
         hartal called by the BNP against the Awami League government.",
    );
    let e = primary(&evs);
    assert!(
        evs.iter().any(|e| actor1(e).ends_with("(Bangladesh)")
            || actor2(e).ends_with("(Bangladesh)")
            || actor1(e).ends_with("of Bangladesh")),
        "no Bangladeshi generic actor: {} / {}",
        actor1(e),
        actor2(e)
    );
}

#[test]
fn insurgents_in_a_country_with_one_main_insurgency_are_its_group() {
    // Thailand's deep south: unnamed insurgents are the southern separatists;
    // unnamed gunmen stay an unidentified armed group
    let evs = extract(
        "Insurgents ambushed a ranger patrol in Raman district of Yala, Thailand, \
         wounding three rangers.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Southern Muslim Separatists (Thailand)");
    let evs =
        extract("Gunmen shot and wounded a rubber tapper in Raman district of Yala, Thailand.");
    let e = primary(&evs);
    assert_eq!(actor1(e), "Unidentified Armed Group (Thailand)");
}

#[test]
fn militants_killed_in_a_search_operation_are_the_states_target() {
    // no operator is named: the operation is the country's military
    let evs =
        extract("Six militants were killed in a search operation in Khyber Agency on Monday.");
    let e = primary(&evs);
    assert_eq!(actor1(e), "Military Forces of Pakistan");
    assert_eq!(actor2(e), "Unidentified Armed Group (Pakistan)");
    // an attack by gunmen is not an operation
    let evs = extract("Gunmen killed two policemen in an attack on a checkpoint in Quetta.");
    let e = primary(&evs);
    assert_eq!(actor1(e), "Unidentified Armed Group (Pakistan)");
}

#[test]
fn city_rangers_are_police_and_border_rangers_the_military() {
    // ACLED codes the Rangers policing Karachi as police, the Pakistan
    // Rangers on the border as the military
    let evs =
        extract("Sindh Rangers killed three militants in a shootout in Orangi Town, Karachi.");
    assert_eq!(actor1(primary(&evs)), "Police Forces of Pakistan");
    let evs = extract(
        "Pakistan Rangers fired mortar shells on border posts in Sialkot, killing two soldiers.",
    );
    assert_eq!(actor1(primary(&evs)), "Military Forces of Pakistan");
}

#[test]
fn a_hedged_passive_agent_is_still_the_attacker() {
    // "by suspected X": the hedge does not turn the agent into the target
    let evs =
        extract("A police constable was shot dead by suspected Baloch separatists near Mastung.");
    let e = primary(&evs);
    assert_eq!(actor1(e), "Baloch Separatists");
    assert_eq!(actor2(e), "Police Forces of Pakistan");
}

#[test]
fn the_noun_after_a_named_group_is_that_group() {
    // "TTP militants" is one actor: the target is the policeman, not "militants"
    let evs = extract("A police constable was shot dead by TTP militants near Bannu.");
    let e = primary(&evs);
    assert_eq!(actor1(e), "TTP: Tehreek-i-Taliban Pakistan");
    assert_eq!(actor2(e), "Police Forces of Pakistan");
}

#[test]
fn a_parenthesised_qualifier_tells_two_parties_apart() {
    // "CPI(M)" is the Marxist party (a crowd), not the Maoist insurgents
    let evs = extract(
        "CPI(M) workers and BJP supporters clashed in Kannur on Sunday, leaving five people \
         injured.",
    );
    let e = primary(&evs);
    assert!(!actor1(e).contains("Maoist"), "{}", actor1(e));
    assert!(!actor2(e).contains("Maoist"), "{}", actor2(e));
    let evs =
        extract("Suspected CPI (Maoist) cadres blew up a culvert in Gaya district on Monday.");
    let e = primary(&evs);
    assert!(actor1(e).starts_with("CPI (Maoist)"), "{}", actor1(e));
}

#[test]
fn a_party_acting_in_the_street_is_a_crowd_and_its_gunmen_its_militia() {
    // an organisation ACLED codes as protesters never is the actor of violence
    let evs = extract("ABVP activists vandalised the principal's office in Indore on Monday.");
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Rioters"), "{}", actor1(e));
    // its armed men are its militia
    let evs = extract(
        "Two passengers were killed when BNP militants hurled petrol bombs at a bus in Feni \
         on Tuesday.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "BNP: Bangladesh Nationalist Party Militia");
    // rival groups of one party fighting it out
    let evs = extract(
        "Two people were killed in a gunfight between two rival groups of the Awami League \
         over supremacy in Sandwip on Friday.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Bangladesh Awami League Militia");
}

#[test]
fn party_men_in_a_clash_with_police_are_coded_first_as_rioters() {
    let evs = extract(
        "Ten people were injured in a clash between police and Jamaat activists in Bogura on \
         Tuesday.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Rioters"), "{}", actor1(e));
    assert!(actor2(e).starts_with("Police Forces"), "{}", actor2(e));
}

#[test]
fn fire_across_the_line_of_control_is_between_the_two_armies() {
    // no stated initiator: ACLED's order
    let evs =
        extract("A soldier was injured in firing across the Line of Control in Poonch on Sunday.");
    let e = primary(&evs);
    assert_eq!(actor1(e), "Military Forces of Pakistan");
    assert_eq!(actor2(e), "Military Forces of India");
    // a stated initiator leads
    let evs = extract(
        "A civilian was killed when Indian troops fired across the LoC in Kotli on Sunday.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Military Forces of India");
    // militants firing across a border are no army
    let evs = extract(
        "Militants based across the border fired rockets at a checkpost in Chaman, injuring \
         two soldiers.",
    );
    let e = primary(&evs);
    assert!(!actor1(e).starts_with("Military Forces"), "{}", actor1(e));
}

#[test]
fn insurgents_blamed_in_a_country_with_one_insurgency_are_its_group() {
    let evs = extract(
        "A bomb exploded near a rubber plantation in Bannang Sata district of Yala province on \
         Monday, wounding two rangers. Police blamed insurgents for the attack.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Southern Muslim Separatists (Thailand)");
}

#[test]
fn a_fight_named_in_another_clause_of_the_sentence_still_has_its_sides() {
    // the dead are told in one clause, the encounter in the next: the state
    // forces of the operation are actor1, the militants their target
    let evs = extract(
        "Five militants and two soldiers were killed, while three others were injured in an \
         exchange of fire during a search operation in Khyber district.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Military Forces of Pakistan");
    assert!(
        actor2(e).starts_with("Unidentified Armed Group"),
        "{}",
        actor2(e)
    );
}

#[test]
fn the_firing_side_named_in_another_clause_leads_a_border_exchange() {
    let evs = extract(
        "Indian troops fired across the Line of Control on Thursday and killed two civilians \
         in Kotli.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Military Forces of India");
    assert!(actor2(e).starts_with("Civilians"), "{}", actor2(e));
}

#[test]
fn a_land_clash_between_two_village_groups_is_between_communal_militias() {
    let evs = extract(
        "A farmer was killed in a clash between two rival groups over a land dispute at \
         Bajitpur on Saturday.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Bajitpur Communal Militia");
    // a named party's men are no communal militia
    let evs = extract(
        "A farmer was killed in a clash between two rival groups of the Awami League over \
         supremacy at Bajitpur on Saturday.",
    );
    let e = primary(&evs);
    assert!(!actor1(e).contains("Communal"), "{}", actor1(e));
}

#[test]
fn a_party_militia_held_responsible_is_the_perpetrator() {
    let evs = extract(
        "A crude bomb exploded near a bus stand in Feni on Monday, injuring two rickshaw \
         pullers. It can be assumed that the BNP militia was behind the blast.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "BNP: Bangladesh Nationalist Party Militia");
}

#[test]
fn men_suspected_to_be_a_named_group_are_that_group() {
    let evs = extract(
        "Unidentified men suspected to be Baloch separatists blew up a gas pipeline in Sui on \
         Monday.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Baloch Separatists"), "{}", actor1(e));
    assert!(
        !actor2(e).starts_with("Baloch Separatists"),
        "{}",
        actor2(e)
    );
}

#[test]
fn two_communities_clashing_are_rioters_on_both_sides() {
    let evs = extract(
        "Six people were injured when members of two communities clashed over a temple \
         procession in Meerut district of Uttar Pradesh on Sunday.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Rioters"), "{}", actor1(e));
}

#[test]
fn a_government_s_troops_are_its_military() {
    let evs = extract(
        "Myanmar government troops shelled a village in Kachin State on Monday, killing two \
         civilians.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Military Forces of Myanmar");
}

fn claimants(e: &Event) -> Vec<&str> {
    e.claimed_by.iter().map(|c| c.actor.as_str()).collect()
}

#[test]
fn an_attacker_who_was_a_member_of_a_group_makes_it_the_perpetrator() {
    let evs = extract(
        "A gunman opened fire at a bus stop in Hebron on Monday, killing two people. The \
         shooter was a member of Hamas, police said.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Hamas Movement");
    assert!(e.claimed_by.is_empty(), "{:?}", e.claimed_by);
}

#[test]
fn members_of_a_group_who_were_killed_do_not_make_it_the_perpetrator() {
    let evs = extract(
        "Gunmen shot dead two members of Lashkar-e-Islam in Bara, Khyber district, on Monday. \
         Police said they were investigating.",
    );
    let e = primary(&evs);
    assert!(!actor1(e).contains("Lashkar"), "{}", actor1(e));
}

#[test]
fn a_denial_by_one_group_does_not_clear_the_group_suspected() {
    let evs = extract(
        "A suicide bomber killed 30 people at a wedding hall in Kabul, Afghanistan, on \
         Tuesday. No group has claimed responsibility, but the Islamic State is suspected, \
         while the Taliban denied any involvement.",
    );
    let e = primary(&evs);
    // an unqualified "Islamic State" in Afghanistan is its Khorasan branch (ACLED)
    assert_eq!(actor1(e), "Islamic State (Khorasan)");
}

#[test]
fn an_attack_claimed_by_a_group_has_that_claimant() {
    let evs = extract(
        "Two car bombs exploded outside a market in Baghdad, Iraq, on Sunday, killing 40 \
         people. The attack was claimed by the Islamic State.",
    );
    let e = primary(&evs);
    assert_eq!(claimants(e), vec!["Islamic State (Iraq)"]);
    let evs = extract(
        "Two car bombs exploded outside a market in Baghdad, Iraq, on Sunday, killing 40 \
         people. The attack has not been claimed by any group.",
    );
    assert!(primary(&evs).claimed_by.is_empty());
}

#[test]
fn the_affiliate_of_a_group_is_the_perpetrator_not_the_group() {
    let evs = extract(
        "A suicide bomber blew himself up near a police post in Medan, Indonesia, on \
         Wednesday, injuring four officers. The attacker had connections with Islamic State \
         affiliated Jamaah Ansharut Daulah.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "JAD: Jamaah Ansharut Daulah");
}

#[test]
fn a_global_group_is_coded_as_its_branch_in_the_country() {
    let evs = extract(
        "ISIS militants attacked an army checkpoint near Kirkuk, Iraq, on Friday, killing \
         four soldiers.",
    );
    assert_eq!(actor1(primary(&evs)), "Islamic State (Iraq)");
    let evs = extract(
        "Islamic State fighters attacked a military base in Borno State, Nigeria, on Friday, \
         killing twelve soldiers.",
    );
    assert_eq!(actor1(primary(&evs)), "Islamic State (West Africa)");
}

#[test]
fn a_national_liberation_army_is_read_by_country() {
    let evs = extract(
        "Fighters of the National Liberation Army attacked a road crew in Nduga, Papua, \
         Indonesia, on Sunday, killing eight workers.",
    );
    assert_eq!(
        actor1(primary(&evs)),
        "TPNPB: West Papua National Liberation Army"
    );
    let evs = extract(
        "Fighters of the National Liberation Army attacked a police station in Arauca, \
         Colombia, on Sunday, killing two officers.",
    );
    assert_eq!(actor1(primary(&evs)), "ELN: National Liberation Army");
}

#[test]
fn a_group_named_as_the_subject_of_a_later_attack_verb_is_actor1() {
    let evs = extract(
        "Fifteen police personnel were killed when Naxalites triggered a landmine near their \
         vehicle in Gadchiroli, Maharashtra, on Wednesday.",
    );
    assert!(
        actor1(primary(&evs)).starts_with("CPI (Maoist)"),
        "{}",
        actor1(primary(&evs))
    );
}

#[test]
fn a_claim_that_is_the_whole_report_still_reports_the_attack() {
    let evs = extract(
        "The BLA claimed responsibility for a gun attack on a police patrol in Turbat, \
         Balochistan, on Monday.",
    );
    let e = primary(&evs);
    assert!(e.event_type.is_some(), "{e:?}");
    assert!(actor1(e).starts_with("BLA"), "{}", actor1(e));
    assert_eq!(claimants(e), vec!["BLA: Baloch Liberation Army"]);
}

#[test]
fn police_who_allege_an_attack_only_report_it() {
    let evs = extract(
        "Thai police allege a man was shot and killed by southern separatists in Pattani's \
         Nong Chik district on Monday.",
    );
    let e = primary(&evs);
    assert!(!actor1(e).starts_with("Police"), "{}", actor1(e));
    // a group that says it attacked did attack
    let evs = extract("The TTP said its fighters attacked a police post in Bannu on Monday.");
    assert!(!actor1(primary(&evs)).starts_with("Police"));
}

#[test]
fn a_claimant_described_as_a_groups_affiliate_is_itself_the_claimant() {
    let evs = extract(
        "A bomb exploded on a metro train in Volgograd, Russia, on Monday, killing 10 \
         people. Khattab Brigade, an Al Qaeda affiliate, claimed responsibility for the \
         attack.",
    );
    let e = primary(&evs);
    assert_eq!(claimants(e), vec!["Khattab Brigade"]);
}

#[test]
fn an_all_capitals_group_name_with_small_words_is_found() {
    // all-capitals wire copy is title-cased for recognition: "ARMY OF
    // NATIONAL LIBERATION" reads "Army Of National Liberation"
    let evs = extract(
        "CUCUTA, 3 MAR 90 (EFE) -- [TEXT] MEMBERS OF THE ARMY OF NATIONAL LIBERATION \
         ATTACKED A POLICE STATION IN THE TOWN OF TIBU, NORTE DE SANTANDER DEPARTMENT, \
         KILLING TWO POLICEMEN, MILITARY SOURCES REPORTED TODAY.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "ELN: National Liberation Army");
}

#[test]
fn unnamed_guerrillas_are_the_one_rebel_group_the_report_names() {
    let evs = extract(
        "GUATEMALA CITY, 12 MAR 90 (ACAN-EFE) -- [TEXT] A COMMUNIQUE OF THE GUATEMALAN \
         NATIONAL REVOLUTIONARY UNITY (URNG) WAS READ ON A LOCAL RADIO STATION TODAY.  \
         GUERRILLAS KILLED TWO PEASANTS AND BURNED A TRUCK NEAR COBAN, ALTA VERAPAZ \
         DEPARTMENT, A MILITARY SPOKESMAN REPORTED.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "URNG: Guatemalan National Revolutionary Unity");
    // two rebel groups named: the guerrillas stay unidentified
    let evs = extract(
        "BOGOTA, 12 MAR 90 (EFE) -- [TEXT] THE EPL AND THE ELN ISSUED A JOINT STATEMENT \
         TODAY.  GUERRILLAS KILLED TWO PEASANTS NEAR SARAVENA, ARAUCA DEPARTMENT, THE ARMY \
         SAID.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Unidentified"), "{}", actor1(e));
    // unnamed gunmen are not the group's men
    let evs = extract(
        "LIMA, 12 MAR 90 (EFE) -- [TEXT] THE TUPAC AMARU REVOLUTIONARY MOVEMENT (MRTA) \
         ISSUED A STATEMENT TODAY.  UNIDENTIFIED GUNMEN KILLED A MERCHANT IN HUANCAYO.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Unidentified"), "{}", actor1(e));
}

#[test]
fn a_dateline_date_is_not_the_event_date() {
    let evs = extract_on(
        "GUATEMALA CITY, 19 AUG 89 (ACAN-EFE) -- [TEXT] ARMY TROOPS KILLED NINE PEASANTS \
         ON 17 AUGUST IN THE VILLAGE OF SAN JUAN, EL QUICHE DEPARTMENT, HUMAN RIGHTS GROUPS \
         REPORTED TODAY.",
        "1989-08-19",
    );
    let e = primary(&evs);
    assert_eq!(
        e.event_date.map(|d| d.to_string()).as_deref(),
        Some("1989-08-17")
    );
}

/// An event noun dated through the verb that reports it, with the place between
/// ("took place in … yesterday"), as when the day comes first.
#[test]
fn an_event_noun_takes_the_day_told_after_its_verb_and_place() {
    for text in [
        "A bomb attack took place in the northern city of Tarija yesterday. No one was hurt.",
        "A BOMB ATTACK TOOK PLACE IN THE NORTHERN CITY OF TARIJA YESTERDAY. NO ONE WAS HURT.",
        "Two bomb attacks were carried out against a power station in Tarija last night.",
        "A bomb attack took place yesterday in the northern city of Tarija.",
    ] {
        let evs = extract_on(text, "1990-03-12");
        let e = primary(&evs);
        assert_eq!(
            e.event_date.map(|d| d.to_string()).as_deref(),
            Some("1990-03-11"),
            "{text}"
        );
    }
    // A day told with another verb after the event noun is not its date.
    let evs = extract_on(
        "A bomb attack on a power station in the northern city of Tarija was condemned by \
         the minister yesterday.",
        "1990-03-12",
    );
    let e = primary(&evs);
    assert_ne!(
        e.event_date.map(|d| d.to_string()).as_deref(),
        Some("1990-03-11")
    );
}

#[test]
fn a_country_in_a_place_phrase_is_not_the_perpetrator() {
    let evs = extract(
        "A bomb blast at a market in southern Philippines killed three people on Monday. \
         The attack was blamed on the Abu Sayyaf Group.",
    );
    let e = primary(&evs);
    assert!(
        !actor1(e).contains("Forces of Philippines"),
        "{}",
        actor1(e)
    );
    assert_eq!(actor1(e), "Abu Sayyaf Group");
}

#[test]
fn a_group_name_wrapped_over_two_lines_is_found() {
    // hard-wrapped wire copy: the line break inside the name reads as a space
    let evs = extract(
        "SAN SALVADOR, 3 MAR 90 (DPA) -- [TEXT] MEMBERS OF THE FARABUNDO\n\
         MARTI NATIONAL LIBERATION FRONT ATTACKED A POWER SUBSTATION IN\n\
         SOYAPANGO LAST NIGHT, WOUNDING TWO SOLDIERS WHO GUARDED IT.\n",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "FMLN: Farabundo Marti National Liberation Front");
}

#[test]
fn a_passive_agent_named_through_a_unit_of_the_group_is_the_perpetrator() {
    // "by a column of X members", "by alleged members of the 9th front of X"
    for text in [
        "LIMA, 4 MAR 90 -- FOUR MEMBERS OF A VILLAGE SELF-DEFENSE COMMITTEE WERE MURDERED \
         YESTERDAY BY A COLUMN OF SHINING PATH MEMBERS NEAR HUANCAYO, JUNIN DEPARTMENT.",
        "BOGOTA, 9 JUN 90 -- OFFICIALS SAID THAT SIX FARMERS WERE KILLED BY ALLEGED MEMBERS \
         OF THE 9TH FRONT OF THE FARC IN A RURAL AREA OF META DEPARTMENT.",
    ] {
        let evs = extract_on(text, "1990-06-10");
        let e = primary(&evs);
        let a1 = actor1(e);
        assert!(
            a1.contains("Shining Path") || a1.contains("FARC"),
            "{a1}: {evs:#?}"
        );
    }
}

#[test]
fn a_group_name_in_quotation_marks_is_still_a_name() {
    let evs = extract_on(
        "MOSCOW, 8 JUL 89 -- TWELVE SAILORS WERE INJURED BY A BOMB PLANTED UNDER A BUS IN \
         THE PERUVIAN PORT OF CALLAO.  ACCORDING TO THE POLICE, THE BLAST WAS ORGANIZED BY \
         THE \"SENDERO LUMINOSO,\" A REBEL GROUP.",
        "1989-07-08",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Shining Path", "{evs:#?}");
}

#[test]
fn a_group_the_authorities_accuse_is_the_perpetrator_but_not_one_named_after_of() {
    let evs = extract_on(
        "MEDELLIN, 2 OCT 89 -- A CAR BOMB EXPLODED OUTSIDE A BANK IN DOWNTOWN MEDELLIN \
         TODAY, KILLING TWO GUARDS.  THE POLICE ACCUSED THE EXTRADITABLES OF THE ATTACK.",
        "1989-10-02",
    );
    assert_eq!(actor1(primary(&evs)), "Extraditables", "{evs:#?}");
    // the victims were accused of something: the group after "of" is no
    // perpetrator
    let evs = extract(
        "On Friday, in Wana, South Waziristan, Pakistan, armed assailants shot dead two \
         civilians whom they accused of spying for the Afghan National Army.",
    );
    assert!(!actor1(primary(&evs)).contains("Afghanistan"), "{evs:#?}");
}

#[test]
fn maoists_in_peru_are_the_shining_path() {
    let evs = extract_on(
        "LIMA, 12 MAY 89 -- MAOIST GUERRILLAS ATTACKED A POLICE POST IN THE TOWN OF \
         TOCACHE, PERU, KILLING THREE POLICEMEN.",
        "1989-05-12",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Shining Path", "{evs:#?}");
    // in India they stay the CPI (Maoist)
    let evs = extract("Maoist rebels attacked a police camp in Sukma, Chhattisgarh, killing two.");
    assert!(actor1(primary(&evs)).contains("CPI (Maoist)"), "{evs:#?}");
}

#[test]
fn a_described_group_is_no_organisation_name() {
    // "an urban guerrilla group": a description; the guerrillas are the one
    // rebel group the report names
    let evs = extract_on(
        "SAN SALVADOR, 20 APR 89 -- THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] \
         HAS STEPPED UP ITS CAMPAIGN IN THE CAPITAL.  A JUDGE WAS KILLED TODAY BY A BOMB \
         PLACED BY AN URBAN GUERRILLA GROUP ON HIS CAR IN SAN SALVADOR.",
        "1989-04-20",
    );
    for e in &evs {
        assert!(!actor1(e).contains("Guerrilla Group"), "{evs:#?}");
    }
}

#[test]
fn a_capital_after_from_or_to_is_a_place_not_a_state_actor() {
    let evs = extract("Gunmen on the road from Kabul killed three travellers on Monday.");
    assert!(
        !actor2(primary(&evs)).starts_with("Military Forces"),
        "{evs:#?}"
    );
    let evs = extract("A convoy heading to Managua was ambushed, and two soldiers killed.");
    assert!(
        !actor1(primary(&evs)).starts_with("Military Forces"),
        "{evs:#?}"
    );
}

#[test]
fn the_sandinist_army_is_nicaraguas_military() {
    let evs = extract_on(
        "MANAGUA, 3 MAR 90 -- [TEXT] SANDINIST PEOPLE'S ARMY TROOPS KILLED FOUR CONTRA \
         REBELS IN A CLASH NEAR JINOTEGA YESTERDAY.",
        "1990-03-03",
    );
    let e = primary(&evs);
    // (the armed group first: the coders' habit in a battle with the state)
    assert_eq!(actor1(e), "Nicaraguan Resistance", "{evs:#?}");
    assert_eq!(actor2(e), "Military Forces of Nicaragua", "{evs:#?}");
}

#[test]
fn an_attacker_shot_by_police_in_the_same_sentence_is_not_the_police() {
    // "… and he was shot dead by police officers": the police shot the
    // attacker; they did not carry out the attack
    let evs = extract(
        "A man with a knife attacked and killed 2 women at Lahore railway station on Sunday \
         and he was shot dead by police officers.",
    );
    let e = primary(&evs);
    assert!(!actor1(e).starts_with("Police"), "{evs:#?}");
    assert_eq!(actor2(e), "Civilians (Pakistan)", "{evs:#?}");
}

#[test]
fn a_partial_quote_after_the_reports_own_verb_tells_the_act() {
    // the reporter's sentence goes on inside the quotation marks
    let evs = extract_on(
        "BOGOTA, 4 APR 90 -- THE POLICE REPORTED THAT THE LOCAL OFFICE OF THE LIBERAL PARTY \
         IN CALI WAS \"COMPLETELY DESTROYED BY A BOMB EXPLOSION\" EARLY TODAY.",
        "1990-04-04",
    );
    assert!(
        evs.iter()
            .any(|e| e.event_type == Some(EventType::ExplosionsRemoteViolence)),
        "{evs:#?}"
    );
}

#[test]
fn a_new_attack_told_as_carried_out_is_real() {
    let evs = extract_on(
        "BOGOTA, 9 AUG 89 -- A NEW DYNAMITE ATTACK AGAINST THE CANO LIMON PIPELINE WAS \
         CARRIED OUT THIS MORNING NEAR SARAVENA, ARAUCA DEPARTMENT.",
        "1989-08-09",
    );
    assert!(!evs.is_empty(), "{evs:#?}");
    // a new attack threatened is still no event
    let evs = extract_on(
        "BOGOTA, 9 AUG 89 -- THE REBELS THREATENED A NEW ATTACK AGAINST THE PIPELINE.",
        "1989-08-09",
    );
    assert!(
        evs.iter().all(
            |e| e.event_type != Some(EventType::ExplosionsRemoteViolence)
                && e.event_type != Some(EventType::Battles)
        ),
        "{evs:#?}"
    );
}

#[test]
fn guerrilla_forces_in_a_clash_between_two_sides_are_the_named_rebel_group() {
    // "between the guerrilla forces and the army": "forces" here are the
    // guerrillas' own, and unnamed guerrillas are the one group named
    let evs = extract_on(
        "SAN MIGUEL, 6 FEB 90 -- HEAVY CLASHES BETWEEN THE GUERRILLA FORCES AND THE ARMY \
         SHOOK THE OUTSKIRTS OF SAN MIGUEL TODAY, AFTER A COLUMN OF THE FARABUNDO MARTI \
         NATIONAL LIBERATION FRONT (FMLN) ENTERED THE TOWN OF CHAPELTIQUE.",
        "1990-02-06",
    );
    let e = evs
        .iter()
        .find(|e| e.event_type == Some(EventType::Battles))
        .expect("a battle");
    assert!(actor1(e).starts_with("FMLN"), "{evs:#?}");
    assert_eq!(actor2(e), "Military Forces of El Salvador", "{evs:#?}");
}

#[test]
fn the_air_force_in_capitals_is_the_states_military() {
    // title-cased "Air Force" is no organisation of its own name
    let evs = extract_on(
        "SAN SALVADOR, 2 FEB 90 -- THE AIR FORCE BOMBED THE VILLAGE OF LAS FLORES IN \
         CHALATENANGO DEPARTMENT TODAY, KILLING FIVE PEASANTS.",
        "1990-02-02",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Military Forces of El Salvador", "{evs:#?}");
}

#[test]
fn a_communiques_header_tag_is_not_the_subject_of_its_first_sentence() {
    // "[COMMUNIQUE] [<author>] [TEXT]": the author issued the text; the story
    // tells what the air force did
    let evs = extract_on(
        "CLANDESTINE, 14 MAR 90 (RADIO VENCEREMOS) -- [COMMUNIQUE] [FARABUNDO MARTI \
         NATIONAL LIBERATION FRONT (FMLN)] [TEXT] TODAY, AT 1000, THE SALVADORAN AIR FORCE \
         BOMBED A SETTLEMENT OF REFUGEES IN ARCATAO, CHALATENANGO DEPARTMENT, KILLING FOUR \
         PERSONS.",
        "1990-03-14",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Military Forces of El Salvador", "{evs:#?}");
}

#[test]
fn two_parties_workers_clashing_are_rioters_on_both_sides() {
    // ACLED: a street fight of two parties' crowds is Rioters against Rioters
    let evs = extract(
        "Supporters of the BJP and the Congress party clashed at Rampur village in Bareilly \
         district of Uttar Pradesh on Sunday, leaving six people injured.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Rioters"), "{}", actor1(e));
    assert!(actor2(e).starts_with("Rioters"), "{}", actor2(e));
}

#[test]
fn a_faction_fight_with_no_second_side_named_has_rioters_on_both_sides() {
    let evs = extract(
        "Two factions of the Trinamool Congress clashed in Howrah, West Bengal, on Monday \
         over the control of a party office.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Rioters"), "{}", actor1(e));
    assert!(actor2(e).starts_with("Rioters"), "{}", actor2(e));
}

#[test]
fn a_mob_attack_on_a_person_has_the_civilians_as_actor2() {
    let evs = extract(
        "A mob lynched a suspected cattle thief at Ranipur village in Nadia district, West \
         Bengal, early on Tuesday.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Rioters"), "{}", actor1(e));
    assert_eq!(actor2(e), "Civilians (India)");
}

#[test]
fn an_unnamed_gang_hurting_bystanders_has_the_civilians_as_actor2() {
    let evs = extract(
        "Unidentified assailants hurled a petrol bomb at a bus in Kamalpur upazila of \
         Gazipur district, Bangladesh, on Friday night, leaving two passengers burnt.",
    );
    let e = primary(&evs);
    assert_eq!(actor2(e), "Civilians (Bangladesh)");
}

#[test]
fn a_crowd_clashing_with_police_keeps_the_police_as_actor2() {
    // the rule for crowds' fights leaves a state force on the other side alone
    let evs = extract(
        "Hundreds of farmers clashed with police in Karnal district, Haryana, on Monday \
         during a protest over crop prices; ten policemen were injured.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("Rioters"), "{}", actor1(e));
    assert_eq!(actor2(e), "Police Forces of India");
}

#[test]
fn a_describing_word_before_a_claimant_is_no_group() {
    // "claimed by Islamist group X": the claimant is X, not "Islamist"
    let evs = extract(
        "A car bomb exploded outside a police station in Quetta, Balochistan, on Friday, \
         killing five people. It was claimed by Islamist group Tehreek-e-Taliban Pakistan, \
         who said it was a suicide attack.",
    );
    let e = primary(&evs);
    let c = claimants(e);
    assert!(!c.contains(&"Islamist"), "{c:?}");
    assert!(c.iter().any(|x| x.starts_with("TTP")), "{c:?}");
}

#[test]
fn a_counted_group_after_by_is_the_agent() {
    // "by about 15 armed Maoists": the number between "by" and the group
    // does not make the group a victim
    let evs = extract(
        "A village headman was abducted from Kondapalli village in Bijapur district, \
         Chhattisgarh, on Sunday night by about 15 armed Maoists.",
    );
    let e = primary(&evs);
    assert!(actor1(e).contains("Maoist"), "{}", actor1(e));
    assert!(!actor2(e).contains("Maoist"), "{}", actor2(e));
}

#[test]
fn the_one_group_acting_in_a_story_signs_its_unsigned_acts() {
    // a second attack told without its attacker: the story's one acting
    // group's
    let evs = extract(
        "SAN MIGUEL, 4 MAR 90 -- TWO PEOPLE WERE KILLED AND FOUR WOUNDED IN AN ATTACK ON THE \
         NATIONAL GUARD POST IN CHINAMECA BY FMLN [FARABUNDO MARTI NATIONAL LIBERATION FRONT] \
         UNITS.     THE FIGHTING LASTED NEARLY 3 HOURS.  ONE CIVILIAN AND ONE GUARDSMAN WERE \
         KILLED, AND SEVERAL CIVIL DEFENSE MEMBERS WERE WOUNDED.     THE TOWN HALL IN JUCUAPA \
         WAS ALSO ATTACKED ON 2 MARCH, AND ONE PERSON WAS KILLED.",
    );
    let typed: Vec<&Event> = evs
        .iter()
        .filter(|e| !e.background && e.event_type.is_some())
        .collect();
    assert!(typed.len() >= 2, "{}", typed.len());
    for e in typed {
        assert!(actor1(e).starts_with("FMLN"), "{}", actor1(e));
    }
}

#[test]
fn unsigned_acts_stay_unsigned_when_the_state_acts_too() {
    // the group is named in a police raid: the separate shooting is not its
    let evs = extract(
        "Police raided a Lashkar-e-Taiba hideout in Kulgam district of Jammu and Kashmir on \
         Sunday and killed two militants. In a separate incident, a shopkeeper was shot dead \
         in Shopian.",
    );
    assert!(
        evs.iter()
            .filter(|e| e.fatalities.best == Some(1))
            .all(|e| !actor1(e).starts_with("LeT")),
        "{:?}",
        evs.iter().map(actor1).collect::<Vec<_>>()
    );
}

#[test]
fn a_countrys_own_office_word_gives_the_unplaced_note_its_country() {
    // no place resolves, no named actor: "upazila" is Bangladesh's
    let evs = extract(
        "Police fired rubber bullets on a procession of farmers near the upazila parishad \
         office, leaving ten people injured.",
    );
    let e = primary(&evs);
    assert_eq!(actor2(e), "Police Forces of Bangladesh");
}

#[test]
fn unnamed_attackers_against_soldiers_have_the_soldiers_as_actor2() {
    // "an encounter with militants": the militants act, the soldiers suffer
    let evs = extract(
        "Two soldiers were killed and three others injured in an encounter with militants \
         in Keran sector of Kupwara district, Jammu and Kashmir, on Thursday.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Unidentified Armed Group (India)");
    assert_eq!(actor2(e), "Military Forces of India");
}

#[test]
fn a_person_hurt_by_a_thrown_bomb_is_a_civilian_victim() {
    // no count, but a person and his injuries: violence against civilians
    let evs = extract(
        "Rahim Uddin, 35, a hotel employee, sustained splinter injuries as assailants hurled \
         a crude bomb at him in Sylhet, Bangladesh, on Monday.",
    );
    let e = primary(&evs);
    assert_eq!(actor2(e), "Civilians (Bangladesh)");
}

#[test]
fn forces_that_have_reported_an_attack_are_not_its_side() {
    // the subject of "have reported" only tells of the attack; the group
    // that staged it is the attacker
    let evs = extract(
        "SAN MIGUEL, 3 JUN 90 (RADIO) -- [TEXT] THE ARMED FORCES HAVE REPORTED THAT A \
         GROUP OF REBELS BELONGING TO THE FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) \
         THIS MORNING STAGED AN ARMED ATTACK ON THE HOUSE OF A JUDGE.",
    );
    let e = primary(&evs);
    assert!(actor1(e).contains("FMLN"), "actor1 {:?}", e.actor1);
    assert!(!actor2(e).contains("Military"), "actor2 {:?}", e.actor2);
}

#[test]
fn a_passive_claim_in_a_sentence_of_its_own_signs_the_attack() {
    let evs = extract(
        "Three policemen were killed when a roadside bomb struck their patrol in \
         Kandahar province on Sunday. It was claimed by the Taliban.",
    );
    let e = primary(&evs);
    assert!(
        e.claimed_by.iter().any(|c| c.actor.contains("Taliban")),
        "claimed_by {:?}",
        e.claimed_by
    );
    assert!(actor1(e).contains("Taliban"), "actor1 {:?}", e.actor1);
    // a field that two villages claim is no claim of an attack
    let evs = extract(
        "A bomb exploded near a market in Quetta on Monday, killing three people. \
         The disputed field was claimed by both villages.",
    );
    assert!(evs.iter().all(|e| e.claimed_by.is_empty()), "{:?}", evs);
}

#[test]
fn a_self_styled_group_in_quotes_is_the_claimant() {
    let evs = extract_on(
        "LA PAZ, 12 JUN 89 -- [TEXT] TWO FOREIGN ENGINEERS WERE KILLED IN EL ALTO YESTERDAY. \
         THE KILLING WAS CLAIMED BY A SELF- STYLED \"RED DAWN PEOPLE'S COMMANDO\" GROUP.",
        "1989-06-12",
    );
    let e = primary(&evs);
    let names = claimants(e);
    assert!(
        names
            .iter()
            .any(|n| n.eq_ignore_ascii_case("RED DAWN PEOPLE'S COMMANDO")),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|n| n.eq_ignore_ascii_case("self")),
        "{names:?}"
    );
}

#[test]
fn an_all_capitals_clause_with_a_verb_is_no_claimant() {
    let evs = extract_on(
        "LIMA, 3 MAY 89 -- [TEXT] A BOMB EXPLODED AT A BANK IN LIMA TODAY, KILLING TWO GUARDS. \
         THIS IS THE SAME GROUP THAT CLAIMED RESPONSIBILITY FOR THE BOMBING OF A BANK LAST MONTH.",
        "1989-05-03",
    );
    for e in &evs {
        let names = claimants(e);
        assert!(
            !names
                .iter()
                .any(|n| n.to_ascii_lowercase().contains("same group")),
            "{names:?}"
        );
    }
}

#[test]
fn a_joining_word_in_capitals_is_no_actor() {
    let evs = extract_on(
        "SAN SALVADOR, 12 MAR 89 -- [TEXT] THE PRESIDENT ASKED THE CHURCH TO MEDIATE.     IN \
         RECENT WEEKS, THE INSURGENTS HAVE CALLED FOR A BUS STRIKE TO BEGIN ON 20 MARCH, HAVE \
         TOLD SHOP OWNERS TO CLOSE, HAVE SAID THAT THEY WILL BLOW UP BRIDGES, AND THREATENED TO \
         KILL TOWN MAYORS.",
        "1989-03-12",
    );
    for e in &evs {
        assert_ne!(actor1(e).to_ascii_lowercase(), "and", "{evs:#?}");
    }
}

#[test]
fn the_state_dead_of_a_fight_with_a_group_are_its_other_side() {
    let evs = extract(
        "Six policemen were killed and nine others were wounded in a gunbattle with Naxals in \
         Bijapur district of Chhattisgarh, India, on Tuesday.",
    );
    let e = primary(&evs);
    assert!(actor1(e).starts_with("CPI (Maoist)"), "{}", actor1(e));
    assert_eq!(actor2(e), "Police Forces of India");
}

#[test]
fn a_partys_men_in_a_gunfight_are_its_militia() {
    let evs = extract(
        "Two BNP activists sustained bullet injuries in a 'gunfight' with police in Mymensingh \
         town, Bangladesh, early on Thursday.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "BNP: Bangladesh Nationalist Party Militia");
    assert_eq!(actor2(e), "Police Forces of Bangladesh");
    // a party's spokesman is no fighter
    let evs = extract(
        "Two militants were killed in an encounter with police in Sopore, Jammu and Kashmir, \
         India, the BJP leader said.",
    );
    assert!(
        !actor1(primary(&evs)).contains("BJP"),
        "{}",
        actor1(primary(&evs))
    );
}

#[test]
fn subversives_in_a_story_naming_one_rebel_group_are_its_men() {
    let evs = extract_on(
        "SAN SALVADOR, 3 JAN 90 -- [TEXT] THE ARMY HAS REPORTED THAT 20 PEASANTS WERE KIDNAPPED \
         BY TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] IN SAN MIGUEL \
         DEPARTMENT.     MEANWHILE, FOUR SUBVERSIVES WERE KILLED DURING CLASHES YESTERDAY IN \
         MORAZAN DEPARTMENT.",
        "1990-01-03",
    );
    let e = primary(&evs);
    assert!(
        actor1(e).starts_with("FMLN") || actor2(e).starts_with("FMLN"),
        "{evs:#?}"
    );
}

#[test]
fn a_state_force_hurt_beside_bystanders_is_the_other_side() {
    let evs = extract(
        "A policeman was killed and a civilian was injured when militants opened fire on them \
         in Anantnag district of Jammu and Kashmir, India, on Friday.",
    );
    let e = primary(&evs);
    assert_eq!(actor2(e), "Police Forces of India", "{evs:#?}");
}

#[test]
fn a_nations_shelling_across_a_border_is_its_military_against_the_civilians() {
    let evs = extract(
        "MUZAFFARABAD, March 9 - Indian shelling killed three villagers in the Kotli district \
         of Pakistan-administered Kashmir on Monday, a local administrator said.",
    );
    let e = primary(&evs);
    assert_eq!(actor1(e), "Military Forces of India", "{e:?}");
    assert_eq!(actor2(e), "Civilians (Pakistan)", "{e:?}");
}

#[test]
fn a_nations_airstrikes_and_artillery_are_its_military_whichever_the_nation() {
    let evs = extract(
        "KHARKIV, March 9 - Russian artillery hit a residential block in Kharkiv on Monday, \
         killing four people, regional officials said.",
    );
    assert_eq!(
        actor1(primary(&evs)),
        "Military Forces of Russia",
        "{evs:?}"
    );
    let evs = extract(
        "KABUL, March 9 - Pakistani airstrikes killed six people in Khost province on Monday, \
         Afghan officials said.",
    );
    assert_eq!(
        actor1(primary(&evs)),
        "Military Forces of Pakistan",
        "{evs:?}"
    );
}

#[test]
fn rockets_of_a_people_without_a_state_army_are_no_military() {
    let evs = extract(
        "SDEROT, March 9 - Palestinian rockets hit a house in Sderot on Monday, wounding two \
         people, police said.",
    );
    assert!(
        !evs.iter().any(|e| actor1(e).starts_with("Military Forces")),
        "{evs:?}"
    );
}
