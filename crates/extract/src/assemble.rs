//! Mentions → events: merge the mentions of one happening (same family,
//! compatible day, place, actors and weapon), split the rest, resolve
//! inherited dates, reconcile counts (repetition is not addition; a stated
//! total that covers its parts is not added; "that figure includes …" moves
//! a count to its own event and out of the figure), attach claims, and code
//! types, notes, evidence and confidence.

use crate::casualties::Count;
use crate::lexicon::{Outcome, Side, Trig};
use crate::mentions::{generic_actor, DateCue, Family, Generic, Mention, RoleActor};
use chrono::{Duration, NaiveDate};
use sitrep_model::{
    stable_id, Accusation, Actor, ActorType, Article, Bounds, Claim, DatePrecision, Denial, Event,
    EventType, Evidence, Fatalities, Location, Plover, Source, Span, SubEventType,
};
use sitrep_text::timex::Resolved;

/// Per-article context for assembling events.
pub struct Ctx<'a> {
    /// The article.
    pub article: &'a Article,
    /// Publication date used for resolution.
    pub published: Option<NaiveDate>,
    /// Country name of the article's focus.
    pub country: Option<String>,
    /// The fallback location (dateline / focus), coarse.
    pub fallback_location: Option<Location>,
    /// Resolves a claimant name to a dictionary actor.
    pub actor_lookup: &'a dyn Fn(&str) -> Option<Actor>,
}

#[derive(Debug, Clone)]
struct Draft {
    family: Family,
    mentions: Vec<usize>,
    date: Option<DateCue>,
    inherited: Option<Resolved>,
    background: bool,
}

fn class(t: Trig) -> Option<u8> {
    match t {
        Trig::Air | Trig::Shell => Some(1),
        Trig::Bomb | Trig::Suicide | Trig::Grenade | Trig::Chemical => Some(2),
        Trig::Clash => Some(3),
        _ => None,
    }
}

fn is_background(r: Option<&Resolved>, published: Option<NaiveDate>) -> bool {
    match (r, published) {
        (Some(r), Some(p)) => r.latest() < p - Duration::days(30),
        _ => false,
    }
}

fn overlap(a: &Resolved, b: &Resolved) -> bool {
    a.date <= b.latest() && b.date <= a.latest()
}

fn loc_conflict(a: &Location, b: &Location) -> bool {
    if let (Some(x), Some(y)) = (&a.country_code, &b.country_code) {
        if x != y {
            return true;
        }
    }
    a.precision == 1 && b.precision == 1 && a.name != b.name
}

fn compatible(ms: &[Mention], d: &Draft, m: &Mention, strict_date: bool) -> bool {
    if d.family != m.family {
        return false;
    }
    if let (Some(md), Some(dd)) = (
        m.date.and_then(|x| x.resolved),
        d.date.and_then(|x| x.resolved),
    ) {
        let coarse = |p: DatePrecision| matches!(p, DatePrecision::Month | DatePrecision::Year);
        if !overlap(&md, &dd) || coarse(md.precision) != coarse(dd.precision) {
            return false;
        }
    } else if strict_date && m.date.is_some() != d.date.is_some() {
        // a dated mention never joins an undated draft in the strict pass
        return false;
    }
    for &i in &d.mentions {
        let o = &ms[i];
        if let (Some(a), Some(b)) = (&o.location, &m.location) {
            if loc_conflict(&a.0, &b.0) {
                return false;
            }
        }
        if let (Some(a), Some(b), false) = (
            &o.actor1,
            &m.actor1,
            matches!(m.family, Family::Consult | Family::Agree),
        ) {
            let reversed = o
                .actor2
                .as_ref()
                .is_some_and(|x| x.actor.name == b.actor.name);
            if a.actor.name != b.actor.name && !reversed {
                return false;
            }
        }
        if m.family == Family::Violent {
            let cm: Vec<u8> = m.trigs.iter().filter_map(|t| class(t.0)).collect();
            let co: Vec<u8> = o.trigs.iter().filter_map(|t| class(t.0)).collect();
            if !cm.is_empty() && !co.is_empty() && !cm.iter().any(|c| co.contains(c)) {
                return false;
            }
        }
        if m.family == Family::Accuse {
            if let (Some(a), Some(b)) = (o.accused.first(), m.accused.first()) {
                if a.1 != b.1 {
                    return false;
                }
            }
        }
    }
    true
}

/// Arrests and property destruction around a protest are part of it.
pub fn relabel(ms: &mut [Mention]) {
    let protest_sents: Vec<usize> = ms
        .iter()
        .filter(|m| m.family == Family::Protest)
        .map(|m| m.sent)
        .collect();
    for m in ms.iter_mut() {
        let near_protest = protest_sents.iter().any(|&s| s.abs_diff(m.sent) <= 2);
        match m.family {
            Family::Arrest if near_protest => m.family = Family::Protest,
            Family::Loot if near_protest => m.family = Family::Protest,
            _ => {}
        }
    }
}

/// "… The attacker was shot dead by police": the mention joins the violent
/// draft of the attack told before it (returns whether it did).
fn join_perpetrator_down(ms: &[Mention], drafts: &mut [Draft], i: usize, text: &str) -> bool {
    let m = &ms[i];
    if !perpetrator_down(m, text) {
        return false;
    }
    // (or the hostage-taking: "took a woman hostage before he was killed")
    let attack = drafts.iter_mut().rev().find(|d| {
        matches!(d.family, Family::Violent | Family::Abduct)
            && !d.background
            && d.mentions
                .iter()
                .any(|&j| j < i && ms[j].sent <= m.sent && !perpetrator_down(&ms[j], text))
    });
    match attack {
        Some(d) => {
            d.mentions.push(i);
            true
        }
        None => false,
    }
}

/// Whether a draft is dated by a relative past ("three weeks ago", "last
/// month", "earlier this year") more than a week before publication: an
/// earlier happening the story refers back to.
fn stale_relative(d: &Draft, ctx: &Ctx<'_>) -> bool {
    let old = d.date.and_then(|x| x.resolved).is_some_and(|r| {
        ctx.published
            .is_some_and(|p| r.latest() < p - Duration::days(7))
    });
    old && d.date.is_some_and(|x| {
        ctx.article
            .text
            .get(x.span.start..x.span.end)
            .is_some_and(|w| {
                let w = w.to_ascii_lowercase();
                w.contains("ago") || w.contains("last ") || w.contains("earlier")
            })
    })
}

fn group(ms: &[Mention], ctx: &Ctx<'_>) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    let dated = |m: &Mention| m.date.is_some_and(|d| d.resolved.is_some());
    // pass 1: mentions with their own date
    for (i, m) in ms.iter().enumerate() {
        if !dated(m) || (m.trigs.is_empty() && !m.claims.is_empty()) {
            continue;
        }
        let bg = is_background(m.date.and_then(|d| d.resolved).as_ref(), ctx.published)
            || past_only(m, ctx.article.text.as_str());
        if !bg && join_perpetrator_down(ms, &mut drafts, i, ctx.article.text.as_str()) {
            continue;
        }
        // a victim who later dies of the wounds: the attack's own toll
        if !bg && later_death(m, ctx.article.text.as_str()) {
            if let Some(d) = drafts.iter_mut().rev().find(|d| {
                d.family == Family::Violent
                    && !d.background
                    && d.mentions.iter().any(|&j| ms[j].sent <= m.sent && j < i)
            }) {
                d.mentions.push(i);
                continue;
            }
        }
        if let Some(d) = drafts
            .iter_mut()
            .find(|d| d.background == bg && compatible(ms, d, m, true) && !m.includes_into_previous)
        {
            d.mentions.push(i);
            // the draft spans the union of its mentions' days
            if let (Some(dc), Some(mr)) = (d.date.as_mut(), m.date.and_then(|x| x.resolved)) {
                if let Some(dr) = dc.resolved.as_mut() {
                    let end = dr.latest().max(mr.latest());
                    if mr.date < dr.date {
                        dr.date = mr.date;
                        dc.span = m.date.map(|x| x.span).unwrap_or(dc.span);
                    }
                    if end > dr.date
                        && matches!(dr.precision, DatePrecision::Day | DatePrecision::Days)
                    {
                        dr.date_end = Some(end);
                        dr.precision = DatePrecision::Days;
                    }
                }
            }
            continue;
        }
        drafts.push(Draft {
            family: m.family,
            mentions: vec![i],
            date: m.date,
            inherited: None,
            background: bg,
        });
    }
    // pass 2: the rest join the nearest compatible draft, else stand alone
    for (i, m) in ms.iter().enumerate() {
        if dated(m) || m.trigs.is_empty() {
            continue;
        }
        // a past event named only as the reason or the charge stands apart
        if past_only(m, ctx.article.text.as_str()) {
            drafts.push(Draft {
                family: m.family,
                mentions: vec![i],
                date: None,
                inherited: None,
                background: true,
            });
            continue;
        }
        if join_perpetrator_down(ms, &mut drafts, i, ctx.article.text.as_str()) {
            continue;
        }
        // "Four US personnel were among the dead": a clause whose only cue is
        // a part of the dead details the violent event before it
        let detail = m.family == Family::Violent
            && m.trigs.iter().all(|t| t.0 == Trig::Kill)
            && m.counts.iter().any(|c| c.included)
            && m.counts
                .iter()
                .filter(|c| c.outcome == Outcome::Killed)
                .all(|c| c.included);
        if detail {
            if let Some(d) = drafts.iter_mut().rev().find(|d| {
                d.family == Family::Violent
                    && !d.background
                    && d.mentions.iter().any(|&j| ms[j].sent < m.sent)
            }) {
                d.mentions.push(i);
                continue;
            }
        }
        // an undated act told before a draft dated by a relative past over a
        // week back ("ONE SOLDIER WAS KILLED … THE VICTIMS OF AN AIR FORCE
        // BOMBING THREE WEEKS AGO") is the day's news, not that one (a
        // calendar date told later, "ARRESTED ON 9 DECEMBER", may be its own)
        let stale_later =
            |d: &Draft| stale_relative(d, ctx) && d.mentions.iter().all(|&j| ms[j].sent > m.sent);
        let best = drafts
            .iter()
            .enumerate()
            .filter(|(_, d)| !d.background && !stale_later(d) && compatible(ms, d, m, false))
            .map(|(k, d)| {
                let dist = d
                    .mentions
                    .iter()
                    .map(|&j| {
                        let s = ms[j].sent as i64 - m.sent as i64;
                        // prefer what came before on ties
                        (s.abs() * 2 + i64::from(s > 0), j)
                    })
                    .min()
                    .unwrap_or((i64::MAX, 0));
                (dist, k)
            })
            .min();
        let near_enough =
            best.is_some_and(|((d, _), _)| m.family != Family::Violent || d <= 2 * 12);
        if let (Some((_, k)), true) = (best, near_enough) {
            drafts[k].mentions.push(i);
            continue;
        }
        // inherit the date of the nearest dated mention shortly before
        let inherited = ms[..i]
            .iter()
            .rev()
            .take_while(|p| m.sent.saturating_sub(p.sent) <= 2)
            .find_map(|p| p.date.and_then(|d| d.resolved))
            .filter(|r| !is_background(Some(r), ctx.published));
        drafts.push(Draft {
            family: m.family,
            mentions: vec![i],
            date: None,
            inherited,
            background: false,
        });
    }
    drafts
}

#[derive(Debug, Clone, Default)]
struct SideTotal {
    best: u32,
    low: Option<u32>,
    high: Option<u32>,
    spans: Vec<Span>,
    /// The part of `best` stated as in addition to the rest ("along with
    /// the four attackers", "two more soldiers").
    add: u32,
    /// The evidence of the counts in `add`.
    add_spans: Vec<Span>,
}

fn sum_counts<'c>(cs: impl Iterator<Item = &'c Count>) -> SideTotal {
    let mut t = SideTotal {
        low: Some(0),
        high: Some(0),
        ..SideTotal::default()
    };
    let mut any = false;
    for c in cs {
        any = true;
        t.best = t.best.saturating_add(c.best);
        if c.additive {
            t.add = t.add.saturating_add(c.best);
            t.add_spans.push(c.span);
        }
        t.low = match (t.low, c.low) {
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
            _ => None,
        };
        t.high = match (t.high, c.high) {
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
            _ => None,
        };
        t.spans.push(c.span);
    }
    if !any {
        return SideTotal::default();
    }
    t
}

/// The largest per-mention total of counts matching `f` (repetition across
/// sentences is not addition; parts within one sentence add up).
///
/// Clauses of one sentence count as one: "militants shot and killed a man
/// and his wife" may be split into two clauses, each holding one member of
/// the list (a count shared by two clauses is taken once).
fn max_over(ms: &[Mention], idx: &[usize], f: impl Fn(&Count) -> bool) -> Option<SideTotal> {
    let mut per: Vec<(usize, SideTotal)> = Vec::new();
    let mut seen_sent: Vec<usize> = Vec::new();
    for &i in idx {
        if seen_sent.contains(&ms[i].sent) {
            continue;
        }
        seen_sent.push(ms[i].sent);
        let mut cs: Vec<&Count> = Vec::new();
        for &j in idx.iter().filter(|&&j| ms[j].sent == ms[i].sent) {
            for c in ms[j].counts.iter().filter(|c| f(c)) {
                if !cs.iter().any(|d| d.span == c.span && d.side == c.side) {
                    cs.push(c);
                }
            }
        }
        let t = sum_counts(cs.into_iter());
        if !t.spans.is_empty() {
            per.push((i, t));
        }
    }
    let (ci, mut best) = per.iter().max_by_key(|(_, t)| t.best).cloned()?;
    // "the attack also killed two others": additions from other sentences
    for &(i, _) in &per {
        if i == ci {
            continue;
        }
        let add = sum_counts(
            idx.iter()
                .filter(|&&j| ms[j].sent == ms[i].sent)
                .flat_map(|&j| ms[j].counts.iter())
                .filter(|c| f(c) && c.additive),
        );
        if !add.spans.is_empty() {
            best.best = best.best.saturating_add(add.best);
            best.add = best.add.saturating_add(add.best);
            best.add_spans.extend(add.spans.iter().copied());
            best.low = best.low.zip(add.low).map(|(a, b)| a + b);
            best.high = best.high.zip(add.high).map(|(a, b)| a + b);
            best.spans.extend(add.spans);
        }
    }
    Some(best)
}

#[derive(Debug, Clone, Default)]
struct Tally {
    sides: [Option<SideTotal>; 4],
    wounded: Option<SideTotal>,
    abducted: Option<SideTotal>,
    arrested: Option<SideTotal>,
}

const SIDES: [Side; 4] = [Side::Civilians, Side::State, Side::Militants, Side::Unknown];

fn tally(ms: &[Mention], idx: &[usize]) -> Tally {
    let mut t = Tally::default();
    let own_of = |s: Side| {
        max_over(ms, idx, |c| {
            c.outcome == Outcome::Killed && c.side == s && !c.included
        })
    };
    let owns: Vec<Option<SideTotal>> = SIDES.iter().map(|s| own_of(*s)).collect();
    for (k, s) in SIDES.iter().enumerate() {
        let own = owns[k].clone();
        let inc = max_over(ms, idx, |c| {
            c.outcome == Outcome::Killed && c.side == *s && c.included
        });
        // "killing six security personnel, including one police chief": a
        // part stated inside another side's count is already in that count
        let inside_other_side = |b: &SideTotal| {
            b.spans.iter().all(|ip| {
                (0..3).filter(|&o| o != k).any(|o| {
                    owns[o].as_ref().is_some_and(|ot| {
                        ot.spans
                            .iter()
                            .any(|op| op.start < ip.end && ip.start < op.end)
                    })
                })
            })
        };
        t.sides[k] = match (own, inc) {
            (Some(a), Some(b)) if *s != Side::Unknown && b.best > a.best => Some(b),
            (None, Some(b)) if *s != Side::Unknown && !inside_other_side(&b) => Some(b),
            (a, _) => a,
        };
    }
    t.wounded = max_over(ms, idx, |c| c.outcome == Outcome::Wounded && !c.included);
    t.abducted = max_over(ms, idx, |c| c.outcome == Outcome::Abducted && !c.included);
    t.arrested = max_over(ms, idx, |c| c.outcome == Outcome::Arrested && !c.included);
    t
}

/// Whether the unknown-side count `u` sits in one list with the sided
/// counts ("a village elder and his nephew", "the informant, his son and
/// two guards"): every unknown span is joined to a sided span by only a
/// comma or "and", so it names more people, not a total over them.
fn listed_with_parts(t: &Tally, u: &SideTotal, text: &str) -> bool {
    let sided: Vec<Span> = t.sides[..3]
        .iter()
        .flatten()
        .flat_map(|s| s.spans.iter().copied())
        .collect();
    let joined = |a: Span, b: Span| {
        a.end <= b.start
            && text.get(a.end..b.start).is_some_and(|gap| {
                let g = gap.trim_matches(|c: char| c == ',' || c.is_whitespace());
                g.is_empty() || g.eq_ignore_ascii_case("and")
            })
    };
    // "the suicide bomber and one other were killed": the sided span runs on
    // over the later member, which follows "and" inside it
    let inside = |outer: Span, inner: Span| {
        outer.start < inner.start
            && inner.end <= outer.end
            && text.get(outer.start..inner.start).is_some_and(|head| {
                let h = head.trim_end();
                h.ends_with(',') || h.to_ascii_lowercase().ends_with(" and")
            })
    };
    // "killed a man and his wife": the sided span starts with the unknown
    // person and runs on over "and" to a possessive member of its own
    let prefix = |outer: Span, inner: Span| {
        u.best == 1
            && outer.start == inner.start
            && inner.end < outer.end
            && text.get(inner.end..outer.end).is_some_and(|rest| {
                let r = rest.trim_start().to_ascii_lowercase();
                ["and his ", "and her ", "and their "]
                    .iter()
                    .any(|p| r.starts_with(p))
            })
    };
    !u.spans.is_empty()
        && u.spans.iter().all(|&us| {
            sided
                .iter()
                .any(|&ss| joined(ss, us) || joined(us, ss) || inside(ss, us) || prefix(ss, us))
        })
}

fn fatalities(t: &Tally, text: &str, evidence: &mut Vec<(String, Span)>) -> Fatalities {
    let mut f = Fatalities::default();
    let part = |k: usize| t.sides[k].as_ref().map(|s| s.best).unwrap_or(0);
    let parts = part(0) + part(1) + part(2);
    let unknown = t.sides[3].as_ref();
    // sided parts stated in addition to a total through its own verb ("26
    // people were killed, along with the four attackers": the two spans
    // share "killed"); an addition elsewhere ("50 attackers were also
    // killed", "killed 85 soldiers along with 50 civilians, while others
    // said 300 were killed") may be inside the total
    let shares_verb = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    let add_parts: u32 = t.sides[..3]
        .iter()
        .flatten()
        .filter(|s| {
            !s.add_spans.is_empty()
                && unknown.is_some_and(|u| {
                    s.add_spans
                        .iter()
                        .all(|a| u.spans.iter().any(|b| shares_verb(*a, *b)))
                })
        })
        .map(|s| s.add.min(s.best))
        .sum();
    // militants all stated as also killed, in a clause of their own
    let mil_apart: u32 = t.sides[2]
        .as_ref()
        .filter(|s| {
            s.add > 0
                && s.add == s.best
                && unknown.is_some_and(|u| {
                    !s.add_spans
                        .iter()
                        .all(|a| u.spans.iter().any(|b| shares_verb(*a, *b)))
                })
        })
        .map(|s| s.best)
        .unwrap_or(0);
    let names = [
        "fatalities.civilians",
        "fatalities.state_forces",
        "fatalities.militants",
    ];
    let mut any_part = false;
    for (k, name) in names.iter().enumerate() {
        if let Some(s) = &t.sides[k] {
            if s.best > 0 || parts == 0 {
                let v = Some(s.best);
                match k {
                    0 => f.civilians = v,
                    1 => f.state_forces = v,
                    _ => f.militants = v,
                }
                any_part = true;
                for sp in &s.spans {
                    evidence.push(((*name).into(), *sp));
                }
            }
        }
    }
    let mut low: Option<u32> = if any_part {
        (0..3)
            .filter_map(|k| t.sides[k].as_ref())
            .try_fold(0u32, |acc, s| s.low.map(|l| acc + l))
    } else {
        None
    };
    let mut high: Option<u32> = if any_part {
        (0..3)
            .filter_map(|k| t.sides[k].as_ref())
            .try_fold(0u32, |acc, s| s.high.map(|h| acc + h))
    } else {
        None
    };
    let mut best = if any_part { Some(parts) } else { None };
    if let Some(u) = unknown {
        if !any_part {
            best = Some(u.best);
            low = u.low;
            high = u.high;
            if u.best > 0 {
                f.unknown = Some(u.best);
                for sp in &u.spans {
                    evidence.push(("fatalities.unknown".into(), *sp));
                }
            }
        } else if u.best > 0 && (u.add >= u.best || listed_with_parts(t, u, text)) {
            // "six militants were killed, along with nine of their
            // relatives", "two others also died": more people besides the parts
            // one more name in the list of the dead: in addition to the parts
            f.unknown = Some(u.best);
            best = Some(parts.saturating_add(u.best));
            low = low.zip(u.low).map(|(a, b)| a.saturating_add(b));
            high = high.zip(u.high).map(|(a, b)| a.saturating_add(b));
            for sp in &u.spans {
                evidence.push(("fatalities.unknown".into(), *sp));
            }
        } else if add_parts > 0 && u.best > parts - add_parts {
            // "26 people were killed, along with the four attackers": the
            // total covers the other parts only, the added part comes on top
            let rest = u.best - (parts - add_parts);
            f.unknown = Some(rest);
            best = Some(u.best.saturating_add(add_parts));
            low = u.low.map(|l| l.saturating_add(add_parts));
            high = u.high.map(|h| h.saturating_add(add_parts));
            for sp in &u.spans {
                evidence.push(("fatalities.unknown".into(), *sp));
            }
        } else if mil_apart > 0 && u.best > parts {
            // "At least 45 people were killed … Five attackers were also
            // killed": the attackers told apart as also killed come on top of
            // the total of their victims (a total that already reaches the
            // sum of all the parts, "more than 80 … 22 civilians and 9
            // policemen … 50 attackers were also killed", covers them)
            let rest = u.best - (parts - mil_apart);
            if rest > 0 {
                f.unknown = Some(rest);
            }
            best = Some(u.best.saturating_add(mil_apart));
            low = u.low.map(|l| l.saturating_add(mil_apart));
            high = u.high.map(|h| h.saturating_add(mil_apart));
            for sp in &u.spans {
                evidence.push(("fatalities.unknown".into(), *sp));
            }
        } else if u.best > parts {
            // a total larger than its stated parts: the rest are of unknown side
            let rest = u.best - parts;
            f.unknown = Some(rest);
            best = Some(u.best);
            low = u.low.or(low);
            high = u.high;
            for sp in &u.spans {
                evidence.push(("fatalities.unknown".into(), *sp));
            }
        } else {
            // the stated total covers the parts ("more than 190 … in two days")
            for sp in &u.spans {
                evidence.push(("fatalities.best".into(), *sp));
            }
        }
    }
    f.best = best;
    f.low = low.filter(|_| best.is_some());
    f.high = high.filter(|h| best.is_some_and(|b| *h >= b));
    if f.best.is_some() {
        for k in 0..4 {
            if let Some(s) = &t.sides[k] {
                for sp in &s.spans {
                    evidence.push(("fatalities.best".into(), *sp));
                }
            }
        }
        if f.low.is_some() {
            if let Some(sp) = evidence
                .iter()
                .find(|e| e.0 == "fatalities.best")
                .map(|e| e.1)
            {
                evidence.push(("fatalities.low".into(), sp));
            }
        }
        if f.high.is_some() {
            if let Some(sp) = evidence
                .iter()
                .find(|e| e.0 == "fatalities.best")
                .map(|e| e.1)
            {
                evidence.push(("fatalities.high".into(), sp));
            }
        }
    }
    f
}

/// Shelling or firing across a border or a ceasefire line whose target is
/// civilians (actor2 "Civilians (X)"): the dead it counts without a side are
/// villagers on the receiving side ("Indian shelling kills three in
/// Kashmir", "four killed in border firing"; UCDP codes 117 of 123 such
/// headlines as civilian deaths). Not when any armed side's dead are
/// stated, not in a battle, not an air or drone strike (whose unsided dead
/// are as often militants).
fn civilian_target_dead(ev: &mut Event, words: &str, evidence: &mut [(String, Span)]) {
    let f = &mut ev.fatalities;
    let civilian_target = ev
        .actor2
        .as_ref()
        .is_some_and(|a| a.actor_type == Some(ActorType::Civilians));
    let shelled = ["shelling", "shells", "shelled", "artillery", "mortar"]
        .iter()
        .any(|w| words.contains(w));
    let across = (words.contains("firing") || words.contains("fire"))
        && [
            "border",
            "frontier",
            "across the",
            "line of control",
            "loc ",
            "ceasefire violation",
            "cease-fire violation",
        ]
        .iter()
        .any(|w| words.contains(w));
    // "Indian firing", "Israeli fire": a nation's troops firing (the
    // receiving side's report), not a gunman's
    let national_fire = words
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| {
            matches!(w[1], "fire" | "firing")
                && w[0] != "civilian"
                && ["ian", "ani", "ese", "eli", "ish", "ghan", "ean"]
                    .iter()
                    .any(|e| w[0].len() > 4 && w[0].ends_with(e))
        });
    if !civilian_target
        || !(shelled || across || national_fire)
        || ev.sub_event_type == Some(SubEventType::AirDroneStrike)
        || ev.event_type == Some(EventType::Battles)
        || f.state_forces.is_some()
        || f.militants.is_some()
        || f.unknown.is_none_or(|u| u == 0)
    {
        return;
    }
    f.civilians = Some(f.civilians.unwrap_or(0) + f.unknown.unwrap_or(0));
    f.unknown = None;
    for e in evidence.iter_mut() {
        if e.0 == "fatalities.unknown" {
            e.0 = "fatalities.civilians".into();
        }
    }
}

fn recompute_best(f: &mut Fatalities) {
    let parts: Option<u32> = [f.civilians, f.state_forces, f.militants, f.unknown]
        .iter()
        .flatten()
        .copied()
        .reduce(|a, b| a + b);
    if let Some(p) = parts {
        f.best = Some(p);
        if f.low.is_some_and(|l| l > p) {
            f.low = Some(p);
        }
        if f.high.is_some_and(|h| h < p) {
            f.high = None;
        }
    }
}

fn country_of(loc: Option<&Location>, ctx: &Ctx<'_>) -> Option<String> {
    loc.and_then(|l| l.country.clone())
        .or_else(|| ctx.country.clone())
}

/// Armed in the fighting sense: soldiers, rebels, unidentified armed men —
/// not a party's supporters.
fn fighting(a: &Actor) -> bool {
    match a.actor_type {
        Some(ActorType::StateForces) => !a.name.starts_with("Government of"),
        Some(ActorType::RebelGroups | ActorType::ExternalOtherForces) => true,
        Some(ActorType::PoliticalMilitias | ActorType::IdentityMilitias) => {
            a.name.starts_with("Unidentified Armed Group")
        }
        _ => false,
    }
}

/// Whether a state actor was read from a bare country name ("in Hangu,
/// Pakistan"), not from a word for armed men ("Pakistani troops").
fn bare_country(text: &str, r: &RoleActor) -> bool {
    if r.actor.actor_type != Some(ActorType::StateForces) {
        return false;
    }
    let w = text
        .get(r.span.start..r.span.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    ![
        "force",
        "army",
        "troop",
        "soldier",
        "police",
        "military",
        "security",
        "paramilitar",
        "corps",
        "ranger",
        "levies",
        "navy",
        "naval",
        "air",
        "personnel",
        "guard",
        "fc",
        "jawan",
        "cop",
        "constable",
        "officer",
        "commando",
        "marine",
        "militia",
    ]
    .iter()
    .any(|k| w.contains(k))
}

/// Whether a role actor is the agent of a passive verb ("was shot dead by
/// unidentified militants"): the attacker, not the target.
fn passive_agent(text: &str, r: &RoleActor) -> bool {
    let mut a = r.span.start.saturating_sub(24);
    while a > 0 && !text.is_char_boundary(a) {
        a -= 1;
    }
    let before = text.get(a..r.span.start).unwrap_or("").to_ascii_lowercase();
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    words.first() == Some(&"by")
        || (words.get(1) == Some(&"by")
            && words.first().is_some_and(|w| {
                matches!(
                    *w,
                    "the" | "unidentified" | "unknown" | "armed" | "suspected" | "masked"
                )
            }))
        || (words.get(2) == Some(&"by")
            && words
                .first()
                .is_some_and(|w| matches!(*w, "armed" | "unidentified" | "unknown")))
}

/// Non-state armed: rebels, unidentified armed groups, foreign forces.
fn nonstate_fighting(a: &Actor) -> bool {
    fighting(a) && a.actor_type != Some(ActorType::StateForces)
}

fn code_violent(
    trigs: &[Trig],
    f: &Fatalities,
    a1: Option<&Actor>,
    a2: Option<&Actor>,
    words: &str,
    armed_hurt: bool,
) -> (SubEventType, &'static str) {
    let has = |t: Trig| trigs.contains(&t);
    if has(Trig::Sexual) {
        return (SubEventType::SexualViolence, "sexual");
    }
    if has(Trig::Chemical) {
        return (SubEventType::ChemicalWeapon, "unconventional");
    }
    if has(Trig::Air) {
        return (
            SubEventType::AirDroneStrike,
            if words.contains("drone") {
                "drone"
            } else {
                "aerial"
            },
        );
    }
    // shelling, a grenade, a bomb or a suicide blast in the course of a
    // fight between two armed sides is a battle
    if has(Trig::Clash)
        && [Trig::Shell, Trig::Grenade, Trig::Bomb, Trig::Suicide]
            .iter()
            .any(|t| has(*t))
    {
        return (
            SubEventType::ArmedClash,
            if has(Trig::Shell) {
                "heavy-weapons"
            } else {
                "explosives"
            },
        );
    }
    if has(Trig::Suicide) {
        return (SubEventType::SuicideBomb, "suicide-attack");
    }
    if has(Trig::Shell) {
        return (
            SubEventType::ShellingArtilleryMissileAttack,
            "heavy-weapons",
        );
    }
    if has(Trig::Grenade) {
        return (SubEventType::Grenade, "explosives");
    }
    if has(Trig::Bomb) {
        return (SubEventType::RemoteExplosiveLandmineIed, "explosives");
    }
    let state1 = a1.is_some_and(|a| a.actor_type == Some(ActorType::StateForces));
    if has(Trig::Recapture) || (has(Trig::Capture) && state1) {
        return (SubEventType::GovernmentRegainsTerritory, "firearms");
    }
    if has(Trig::Capture) {
        return (SubEventType::NonStateActorOvertakesTerritory, "firearms");
    }
    // killing a captive or executing a "spy" is one-sided, whoever the
    // victim: an attack, not a battle
    if !has(Trig::Clash)
        && [
            "kidnapped",
            "abducted",
            "beheaded",
            "executed",
            "hanged",
            "decapitated",
            "slaughtered",
            "hostage",
            "captive",
            "spying",
            "in custody",
        ]
        .iter()
        .any(|w| words.contains(w))
    {
        return (SubEventType::Attack, "targeted");
    }
    let armed_victims =
        f.state_forces.is_some_and(|x| x > 0) || f.militants.is_some_and(|x| x > 0) || armed_hurt;
    // an attack on armed men (unknown attackers count as armed) is a battle
    let armed_pair = a1.is_none_or(fighting)
        && a2.is_some_and(fighting)
        && a1.is_none_or(|x| a2.is_none_or(|y| x.name != y.name));
    let mode = if has(Trig::Kill) && !has(Trig::Clash) {
        if words.contains("beaten") || words.contains("hacked") || words.contains("stabbed") {
            "primitive"
        } else {
            "targeted"
        }
    } else {
        "firearms"
    };
    // the dead are all civilians and nobody fought back: an attack on civilians
    // (a killing verb whose dead are not said to be armed counts too)
    let civilian_victims = (f.civilians.is_some_and(|x| x > 0)
        || (has(Trig::Kill) && f.best.is_some_and(|x| x > 0)))
        && !armed_victims;
    if has(Trig::Clash) || armed_victims || (armed_pair && !civilian_victims) {
        return (SubEventType::ArmedClash, "firearms");
    }
    (SubEventType::Attack, mode)
}

/// The date of an act told in the sentence right after `after` by a
/// sentence that opens on the act itself: "The attack took place at 2100 on
/// 15 January", "The explosion occurred at approximately 2200 yesterday",
/// "The murder happened on Sunday night" (the act's own sentence gave no
/// day). Returns the resolved date and the span of its expression.
fn told_date(text: &str, after: usize, published: Option<NaiveDate>) -> Option<(Resolved, Span)> {
    let mut end = (after + 400).min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    let win = text.get(after..end)?;
    // the next sentence: right here when the clause ended its sentence,
    // else after the first ". "
    let ended = text
        .get(..after)
        .is_some_and(|b| b.trim_end().ends_with(['.', '!', '?']));
    let start = if ended {
        0
    } else {
        win.find(". ").map(|i| i + 2)?
    };
    let rest = win[start..].trim_start();
    let off = after + (win.len() - rest.len());
    let stop = rest.find(". ").map_or(rest.len(), |i| i + 1);
    let sent = &rest[..stop];
    let low = sent.to_ascii_lowercase();
    let opens = [
        "the attack ",
        "the explosion ",
        "the blast ",
        "the bombing ",
        "the killing ",
        "the murder ",
        "the massacre ",
        "the ambush ",
        "the assassination ",
        "the kidnapping ",
        "the abduction ",
        "the shooting ",
        "the incident ",
    ];
    let noun = opens.iter().find(|o| low.starts_with(**o))?;
    let verb_at = noun.len();
    let verb_ok = [
        "took place",
        "occurred",
        "happened",
        "was carried out",
        "was perpetrated",
    ]
    .iter()
    .any(|v| low[verb_at..].starts_with(v));
    if !verb_ok {
        return None;
    }
    sitrep_text::timex::find_timexes(sent)
        .into_iter()
        .find_map(|t| {
            let sp = Span {
                start: off + t.span.start,
                end: off + t.span.end,
            };
            let r = sitrep_text::timex::Timex {
                span: sp,
                kind: t.kind,
            }
            .resolve_against(published, published)?;
            // a date after the story's own day is no date of its act
            (published.is_none_or(|p| r.date <= p)).then_some((r, sp))
        })
}

/// Whether a trigger is a weapon that types an event on its own (air,
/// shelling, a bomb, a grenade, a suicide blast, a chemical weapon).
fn weapon_trig(t: Trig) -> bool {
    matches!(
        t,
        Trig::Air | Trig::Shell | Trig::Suicide | Trig::Grenade | Trig::Bomb | Trig::Chemical
    )
}

/// Whether a trigger word tells a killing or an attack by gun or by hand
/// ("murdered", "assassinated", "shot dead", "gunned down", "machinegunned",
/// "opened fire", "stabbed"): the manner of the act is said.
fn manner_trig(t: Trig, word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    match t {
        Trig::Kill | Trig::Attack => {
            [
                "murdered",
                "assassinated",
                "shot",
                "gunned down",
                "gun down",
                "guns down",
                "executed",
                "beheaded",
                "decapitated",
                "hacked",
                "stabbed",
                "beaten to death",
                "beat to death",
                "chopped to death",
                "axed to death",
                "bludgeoned",
                "strangled",
                "machinegunn",
                "machine-gunn",
                "machine gunn",
                "opened fire",
                "open fire",
                "fired at",
                "fired on",
            ]
            .iter()
            .any(|m| w.starts_with(m))
                && w != "shooting"
                && w != "shootings"
        }
        _ => false,
    }
}

/// The triggers that type an event: those of all its mentions, except the
/// weapons of other sentences when the event's first mention tells a killing
/// by gun or by hand and names no weapon ("Gunmen murdered four members of
/// a family. After the killing, they used explosives against the town hall":
/// the murders are not an explosion; the explosives are another act told
/// with them). A bomb told in the first mention's own sentence, or a first
/// mention that names no manner ("Five people were killed on Monday. A bomb
/// went off …"), keeps every weapon.
fn typing_trigs(ms: &[Mention], idx: &[usize], text: &str) -> Vec<Trig> {
    let mut trigs = typing_trigs_inner(ms, idx, text);
    // a campaign word ("the government's offensive", "a large-scale security
    // operation") names no fight of its own: a bomb, a grenade or shelling
    // told with it is still an explosion, not a battle
    // (an operation told in the weapon's own sentence may be the fight: "when
    // the forces encircled the area for the rescue operation, the suicide
    // bombers blew themselves up")
    let weapon_sents: Vec<usize> = idx
        .iter()
        .filter(|&&i| {
            ms[i].trigs.iter().any(|t| {
                matches!(
                    t.0,
                    Trig::Bomb | Trig::Grenade | Trig::Shell | Trig::Suicide
                )
            })
        })
        .map(|&i| ms[i].sent)
        .collect();
    let campaign_only = idx.iter().all(|&i| {
        ms[i].trigs.iter().filter(|t| t.0 == Trig::Clash).all(|t| {
            let w = text
                .get(t.1.start..t.1.end)
                .unwrap_or("")
                .to_ascii_lowercase();
            w == "offensive"
                || ((w.ends_with("operation") || w.ends_with("operations"))
                    && !weapon_sents.contains(&ms[i].sent))
        })
    });
    let weapon = trigs
        .iter()
        .any(|t| matches!(t, Trig::Bomb | Trig::Grenade | Trig::Shell | Trig::Suicide));
    if campaign_only && weapon {
        trigs.retain(|t| *t != Trig::Clash);
    }
    trigs
}

/// [`typing_trigs`] before campaign words are set aside.
fn typing_trigs_inner(ms: &[Mention], idx: &[usize], text: &str) -> Vec<Trig> {
    let all = || idx.iter().flat_map(|&i| ms[i].trigs.iter().map(|t| t.0));
    let Some(&lead) = idx.iter().min() else {
        return Vec::new();
    };
    let lead_m = &ms[lead];
    let lead_manner = lead_m
        .trigs
        .iter()
        .any(|t| manner_trig(t.0, text.get(t.1.start..t.1.end).unwrap_or("")));
    let lead_weapon = idx
        .iter()
        .filter(|&&i| ms[i].sent == lead_m.sent)
        .any(|&i| ms[i].trigs.iter().any(|t| weapon_trig(t.0)));
    if !lead_manner || lead_weapon {
        return all().collect();
    }
    idx.iter()
        .flat_map(|&i| {
            let same = ms[i].sent == lead_m.sent;
            ms[i]
                .trigs
                .iter()
                .map(|t| t.0)
                .filter(move |t| same || !weapon_trig(*t))
        })
        .collect()
}

/// How many suicide bombers died, from "two suicide bombers", "a suicide
/// bomber blew himself up" (0 when the text names no bomber).
fn suicide_bombers(words: &str) -> u32 {
    let mut n = 0;
    for pat in [
        "suicide bombers",
        "suicide attackers",
        "suicide bomber",
        "suicide attacker",
    ] {
        if let Some(at) = words.find(pat) {
            let before: Vec<&str> = words[..at].split_whitespace().rev().take(1).collect();
            let num = before.first().and_then(|w| {
                sitrep_text::numbers::find_quantities(w)
                    .first()
                    .map(|q| q.best)
            });
            n = if pat.ends_with('s') {
                num.unwrap_or(2)
            } else {
                1
            };
            break;
        }
    }
    if n == 0 && (words.contains("blew himself up") || words.contains("blew herself up")) {
        n = 1;
    }
    n.min(20)
}

fn fmt_date(d: Option<NaiveDate>, p: DatePrecision) -> String {
    match (d, p) {
        (Some(d), DatePrecision::Year) => format!("In {}", d.format("%Y")),
        (Some(d), DatePrecision::Month) => format!("In {}", d.format("%B %Y")),
        (Some(d), DatePrecision::Week) => format!("In the week of {}", d.format("%-d %B %Y")),
        (Some(d), DatePrecision::Days) => format!("From {}", d.format("%-d %B %Y")),
        (Some(d), _) => format!("On {}", d.format("%-d %B %Y")),
        (None, _) => "On an unknown date".into(),
    }
}

fn notes(e: &Event) -> String {
    let date = fmt_date(e.event_date, e.date_precision);
    let a1 = e
        .actor1
        .as_ref()
        .map(|a| a.name.as_str())
        .unwrap_or("unidentified actors");
    let a2 = e.actor2.as_ref().map(|a| a.name.clone());
    let verb = match (e.sub_event_type, e.plover) {
        (Some(SubEventType::ArmedClash), _) => "clashed with".to_string(),
        (Some(SubEventType::AirDroneStrike), _) => "carried out an air/drone strike on".into(),
        (Some(SubEventType::ShellingArtilleryMissileAttack), _) => "shelled".into(),
        (Some(SubEventType::SuicideBomb), _) => "carried out a suicide bombing against".into(),
        (Some(SubEventType::RemoteExplosiveLandmineIed), _) => {
            "detonated an explosive device targeting".into()
        }
        (Some(SubEventType::Grenade), _) => "threw a grenade at".into(),
        (Some(SubEventType::AbductionForcedDisappearance), _) => "abducted".into(),
        (Some(SubEventType::Arrests), _) => "arrested".into(),
        (Some(SubEventType::PeacefulProtest), _) => "protested".into(),
        (Some(SubEventType::ProtestWithIntervention), _) => "protested and were met by".into(),
        (Some(SubEventType::ExcessiveForceAgainstProtesters), _) => {
            "protested and faced excessive force from".into()
        }
        (Some(SubEventType::ViolentDemonstration), _) => "rioted against".into(),
        (Some(SubEventType::MobViolence), _) => "carried out mob violence against".into(),
        (Some(SubEventType::Agreement), _) => "reached an agreement with".into(),
        (Some(SubEventType::DisruptedWeaponsUse), _) => "disrupted weapons use by".into(),
        (Some(SubEventType::LootingPropertyDestruction), _) => {
            "looted or destroyed property of".into()
        }
        (Some(SubEventType::NonStateActorOvertakesTerritory), _) => "took territory from".into(),
        (Some(SubEventType::GovernmentRegainsTerritory), _) => "regained territory from".into(),
        (Some(SubEventType::SexualViolence), _) => "committed sexual violence against".into(),
        (Some(SubEventType::Attack), _) => "attacked".into(),
        (_, Some(Plover::Consult)) => "held talks with".into(),
        (_, Some(Plover::Accuse)) => "accused".into(),
        (_, Some(Plover::Reject)) => "rejected allegations by".into(),
        (_, Some(Plover::Threaten)) => "threatened".into(),
        (Some(s), _) => format!("was involved in an event ({s}) with"),
        _ => "acted against".into(),
    };
    let mut s = format!("{date}, {a1} {verb}");
    if e.plover == Some(Plover::Accuse) {
        if let Some(a) = e.accused.first() {
            s.push_str(&format!(" {}", a.target));
        }
    } else if let Some(a2) = a2 {
        s.push_str(&format!(" {a2}"));
    } else if verb.ends_with(" with")
        || verb.ends_with(" on")
        || verb.ends_with(" at")
        || verb.ends_with(" of")
        || verb.ends_with(" by")
        || verb.ends_with(" from")
        || verb.ends_with(" against")
        || verb.ends_with(" targeting")
    {
        s.push_str(" unidentified targets");
    }
    if let Some(l) = &e.location {
        let mut place = l.name.clone();
        if let Some(a) = &l.admin1 {
            if a != &l.name {
                place.push_str(&format!(" ({a})"));
            }
        }
        if let Some(c) = &l.country {
            if c != &l.name {
                place.push_str(&format!(", {c}"));
            }
        }
        s.push_str(if l.precision >= 2 { " near " } else { " in " });
        s.push_str(&place);
    }
    let f = &e.fatalities;
    if let Some(b) = f.best {
        let mut parts = Vec::new();
        for (v, n) in [
            (f.civilians, "civilians"),
            (f.state_forces, "state forces"),
            (f.militants, "militants"),
            (f.unknown, "of unknown affiliation"),
        ] {
            if let Some(v) = v {
                if v > 0 {
                    parts.push(format!("{v} {n}"));
                }
            }
        }
        if parts.len() > 1 {
            s.push_str(&format!(", leaving {b} dead ({})", parts.join(", ")));
        } else {
            s.push_str(&format!(", leaving {b} dead"));
        }
    }
    if let Some(w) = e.wounded.best {
        s.push_str(&format!(" and {w} wounded"));
    }
    if let Some(a) = e.abducted {
        s.push_str(&format!("; {a} abducted"));
    }
    if let Some(a) = e.arrested {
        if e.sub_event_type != Some(SubEventType::Arrests) || a > 0 {
            s.push_str(&format!("; {a} arrested"));
        }
    }
    if let Some(c) = e.claimed_by.first() {
        s.push_str(&format!("; {} claimed responsibility", c.actor));
    }
    s.push('.');
    s
}

/// A violent happening named as the reason for a protest in the same
/// sentence ("residents protested after a girl was killed", "gathered to
/// protest the bombing") is context for the protest, not a new report:
/// its drafts become background.
/// Whether a nominal weapon or attack word names a past event the story
/// explains with ("was involved in the killing … in a missile strike", "in
/// revenge for a drone attack", "blamed for the bombing").
fn past_reference(text: &str, sp: Span) -> bool {
    let w = window_before(text, sp.start, 70);
    let word = text
        .get(sp.start..sp.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    !word.ends_with("ed")
        && [
            "involved in",
            "responsible for",
            "blamed for",
            "accused of",
            "revenge",
            "retaliation for",
            "avenge",
            "mastermind",
            "reconnaissance",
            "wanted in",
            "suspect in",
            "suspects in",
            "convicted",
            "sentenced",
            "anniversary",
            "role in",
        ]
        .iter()
        .any(|c| w.contains(c))
}

/// Whether a violent mention only reports that someone died of wounds
/// received earlier ("He succumbed to his injuries on Monday", "died in
/// hospital"): the later death belongs to the attack.
fn later_death(m: &Mention, text: &str) -> bool {
    if m.family != Family::Violent || m.trigs.is_empty() {
        return false;
    }
    let clause = text
        .get(m.clause.start..m.clause.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    m.trigs.iter().all(|(t, sp)| {
        *t == Trig::Kill
            && text.get(sp.start..sp.end).is_some_and(|w| {
                let w = w.to_ascii_lowercase();
                w == "succumbed" || w == "died"
            })
    }) && ["succumbed", "injuries", "wounds", "hospital", "later"]
        .iter()
        .any(|c| clause.contains(c))
}

/// Whether a violent mention only reports the attack's own perpetrator
/// killed or hurt by the police or troops ("The attacker was shot dead by
/// police", "police shot the gunman", "all 4 attackers were killed by the
/// police"): every count in it is of the attacker, and a force is named.
fn perpetrator_down(m: &Mention, text: &str) -> bool {
    // the lone attacker's nouns ("suspects" and "militants" killed by
    // police are as often the other side of a fight)
    const PERP: &[&str] = &[
        "attacker",
        "attackers",
        "assailant",
        "assailants",
        "gunman",
        "gunmen",
        "perpetrator",
        "perpetrators",
        "shooter",
        "shooters",
        "stabber",
        "knifeman",
        "hijacker",
        "hijackers",
    ];
    const FORCE: &[&str] = &[
        "police",
        "officer",
        "security forces",
        "troops",
        "soldiers",
        "commando",
        "guards",
        "sniper",
    ];
    if m.family != Family::Violent {
        return false;
    }
    let Some(clause) = text.get(m.clause.start..m.clause.end) else {
        return false;
    };
    let clause = clause.to_ascii_lowercase();
    if !FORCE.iter().any(|f| clause.contains(f)) {
        return false;
    }
    if m.counts.is_empty() {
        return shot_by_force(&clause, PERP, FORCE);
    }
    // "before he was killed by police": the pronoun's count is the attacker
    let pronoun = |w: &str| {
        w.split(|c: char| !c.is_ascii_alphabetic())
            .any(|x| matches!(x, "he" | "him" | "she" | "her" | "they" | "them"))
    };
    if shot_by_force(&clause, PERP, FORCE)
        && m.counts.iter().all(|c| {
            c.best <= 3
                && text
                    .get(c.span.start..c.span.end)
                    .is_some_and(|w| pronoun(&w.to_ascii_lowercase()))
        })
    {
        return true;
    }
    if !m.counts.iter().any(|c| c.outcome == Outcome::Killed) {
        return false;
    }
    m.counts.iter().all(|c| {
        matches!(c.outcome, Outcome::Killed | Outcome::Wounded)
            && c.side == Side::Militants
            && text.get(c.span.start..c.span.end).is_some_and(|w| {
                let w = w.to_ascii_lowercase();
                w.split(|c: char| !c.is_ascii_alphabetic())
                    .any(|x| PERP.contains(&x))
            })
    })
}

/// A clause without counts that tells the attacker shot by a force: "he
/// was shot dead by police officers", "before being killed by police",
/// "police who shot him", "police shot the gunman".
fn shot_by_force(clause: &str, perp: &[&str], force: &[&str]) -> bool {
    let w: Vec<&str> = clause
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|x| !x.is_empty())
        .collect();
    let shot = |x: &str| matches!(x, "shot" | "killed" | "neutralised" | "neutralized");
    // (each force's words split once, not at every word of the clause)
    let forces: Vec<Vec<&str>> = force.iter().map(|f| f.split(' ').collect()).collect();
    let is_force = |k: usize| {
        forces.iter().any(|fw| {
            w.get(k..k + fw.len()).is_some_and(|s| {
                s.iter()
                    .zip(fw)
                    .all(|(a, b)| *a == *b || a.strip_suffix('s') == Some(b))
            })
        })
    };
    let attacker =
        |x: &str| matches!(x, "he" | "him" | "she" | "her" | "they" | "them") || perp.contains(&x);
    (0..w.len()).any(|k| {
        // passive: "<he|the attacker> was shot (dead) by (the) police"
        (shot(w[k])
            && (w[..k].iter().rev().take(4).any(|x| attacker(x))
                // "… before being shot by police": the main clause's subject
                || (k >= 2 && w[k - 1] == "being" && matches!(w[k - 2], "before" | "after")))
            && w[k + 1..].iter().take(3).position(|x| *x == "by").is_some_and(|b| {
                let at = k + 1 + b + 1;
                (at..at + 3).any(&is_force)
            }))
        // active: "police (who) shot him", "police shot dead the gunman"
        || (is_force(k)
            && w[k + 1..].iter().take(3).any(|x| shot(x))
            && w[k + 1..].iter().take(5).any(|x| attacker(x)))
    })
}

/// Whether every violent word of a violent mention names a past event.
fn past_only(m: &Mention, text: &str) -> bool {
    m.family == Family::Violent && {
        let mut vt = m.trigs.iter().filter(|t| violent_trig(t.0)).peekable();
        vt.peek().is_some() && vt.all(|t| past_reference(text, t.1))
    }
}

fn mark_causes(ms: &[Mention], drafts: &mut [Draft], text: &str) {
    const BECAUSE: &[&str] = &[
        "after",
        "over",
        "against",
        "following",
        "demanding",
        "condemning",
        "protest",
        "seeking",
        "for",
        "sparked",
        "triggered",
        "denouncing",
        "in protest",
    ];
    let protests: Vec<&Mention> = ms.iter().filter(|m| m.family == Family::Protest).collect();
    if protests.is_empty() {
        return;
    }
    for d in drafts.iter_mut() {
        if d.background || !matches!(d.family, Family::Violent | Family::Abduct) {
            continue;
        }
        let cause = d.mentions.iter().all(|&i| {
            let m = &ms[i];
            let Some(mt) = m.trigs.first().map(|t| t.1) else {
                return false;
            };
            // named as the grievance next to a protest: "rallied against
            // the attack", "the killing of X sparked a protest" (a clause
            // that states its own toll still reports the attack)
            let own_toll = m
                .counts
                .iter()
                .any(|c| matches!(c.outcome, Outcome::Killed | Outcome::Wounded) && c.best > 0);
            let named = !own_toll
                && m.trigs.iter().filter(|t| violent_trig(t.0)).all(|t| {
                    grievance_cue(text, t.1)
                        && protests.iter().any(|p| p.sent.abs_diff(m.sent) <= 1)
                        || nominal_reference(text, t.1) && protests.iter().any(|p| p.sent == m.sent)
                })
                && m.trigs.iter().any(|t| violent_trig(t.0));
            if named {
                return true;
            }
            protests.iter().any(|p| {
                p.sent == m.sent
                    && p.trigs.first().is_some_and(|(_, pt)| {
                        pt.end <= mt.start
                            && text.get(pt.end..mt.start).is_some_and(|between| {
                                let b = between.to_ascii_lowercase();
                                b.len() < 160
                                    && b.split(|c: char| !c.is_ascii_alphanumeric())
                                        .any(|w| BECAUSE.contains(&w))
                            })
                    })
            })
        });
        if cause {
            d.background = true;
        }
    }
}

/// The killing of a captive told with the abduction (GTD's hostage taking
/// and MUC-4's kidnapping keep the kidnapping as the event, with its dead):
/// "militants kidnapped and beheaded two men", "X, who was kidnapped on 5
/// January, was found dead", "shot to death after he was kidnapped", or a
/// later sentence that goes back to the captive ("The perpetrators later
/// killed seven of the victims", "X was then shot dead", "the kidnapped
/// informant was beheaded"). The violent draft joins the abduction's. Not a
/// rescue that kills the kidnappers, not a fight or a bombing, not an
/// attempt ("tried to kidnap"), not an abduction told only after the killing
/// in another sentence ("The woman had been abducted the day before").
fn captive_killings(ms: &[Mention], drafts: &mut Vec<Draft>, text: &str) {
    let mut k = 0;
    while k < drafts.len() {
        let v = &drafts[k];
        if v.family != Family::Violent || v.background || !captive_killing(ms, &v.mentions) {
            k += 1;
            continue;
        }
        let vm = &ms[v.mentions[0]];
        let target = drafts.iter().position(|a| {
            a.family == Family::Abduct
                && !a.background
                && a.mentions.iter().any(|&j| {
                    let am = &ms[j];
                    !attempted_abduction(am, text)
                        && (am.sent == vm.sent
                            || (am.sent < vm.sent
                                && vm.sent - am.sent <= 2
                                && back_to_captive(text, vm.clause)))
                })
        });
        let Some(a) = target else {
            k += 1;
            continue;
        };
        let v = drafts.remove(k);
        let a = if a > k { a - 1 } else { a };
        let d = &mut drafts[a];
        d.mentions.extend(v.mentions);
        d.mentions.sort_unstable();
        if d.date.is_none() {
            d.date = v.date;
        }
    }
}

/// Whether the mentions of a violent draft are a killing by hand or gun
/// only (no fight, no explosive, no air strike) whose dead are not all
/// militants (the kidnappers killed in a rescue).
fn captive_killing(ms: &[Mention], idx: &[usize]) -> bool {
    let mut killed = false;
    for &i in idx {
        let m = &ms[i];
        if m.trigs.iter().any(|t| {
            matches!(
                t.0,
                Trig::Clash
                    | Trig::Air
                    | Trig::Shell
                    | Trig::Bomb
                    | Trig::Suicide
                    | Trig::Grenade
                    | Trig::Chemical
            )
        }) {
            return false;
        }
        for c in &m.counts {
            if c.outcome == Outcome::Killed && c.best > 0 {
                if c.side == Side::Militants {
                    return false;
                }
                killed = true;
            }
        }
    }
    killed
}

/// "tried to kidnap", "an attempt to abduct", "foiled … attempt to kidnap".
fn attempted_abduction(m: &Mention, text: &str) -> bool {
    m.trigs.iter().all(|(_, sp)| {
        let w = window_before(text, sp.start, 40);
        [
            "attempt",
            "tried to",
            "trying to",
            "foiled",
            "plot to",
            "plan to",
        ]
        .iter()
        .any(|c| w.contains(c))
    })
}

/// Whether a clause goes back to a captive told before: "later", "then",
/// "the following day", "the victims", "the hostages", "the kidnapped …".
fn back_to_captive(text: &str, clause: Span) -> bool {
    let c = text
        .get(clause.start..clause.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    let c = format!(
        " {} ",
        c.replace(|ch: char| !ch.is_ascii_alphanumeric(), " ")
    );
    [
        " later ",
        " then ",
        " subsequently ",
        " afterwards ",
        " the following day ",
        " the next day ",
        " the victim ",
        " the victims ",
        " the hostage ",
        " the hostages ",
        " the captive ",
        " the captives ",
        " the kidnapped ",
        " the abducted ",
        " the abductee ",
        " the abductees ",
    ]
    .iter()
    .any(|w| c.contains(w))
}

/// The lower-cased text from the start of a clause to the end of its
/// sentence (the next ". " or the end of the text).
fn sentence_rest(text: &str, clause: Span) -> String {
    let rest = text.get(clause.start..).unwrap_or("");
    let end = rest.find(". ").unwrap_or(rest.len());
    rest[..end].to_ascii_lowercase()
}

/// The lower-cased text of up to `n` bytes before `at`, cut after the last
/// sentence end (". ") so that a cue never comes from the sentence before.
fn window_before(text: &str, at: usize, n: usize) -> String {
    let mut a = at.saturating_sub(n);
    while a > 0 && !text.is_char_boundary(a) {
        a -= 1;
    }
    let w = text.get(a..at).unwrap_or("").to_ascii_lowercase();
    match w.rfind(". ") {
        Some(k) => w[k + 2..].to_string(),
        None => w,
    }
}

/// Whether a violent trigger names the grievance of a protest rather than a
/// new happening: "rally against the X attack", "protested the killing of",
/// "over the bombing", "condemning the blast", "in the wake of the attack".
fn grievance_cue(text: &str, sp: Span) -> bool {
    let w = window_before(text, sp.start, 60);
    [
        "against",
        "condemn",
        "denounc",
        "over the",
        "over a ",
        "over an ",
        "over his",
        "over her",
        "over their",
        "over its",
        "to protest",
        "protesting the",
        "protested the",
        "protest the",
        "in the wake of",
        "following the",
        "justice for",
        "mourn",
    ]
    .iter()
    .any(|c| w.contains(c))
}

/// Whether a protest draft's crowd turned violent ([`crowd_act`]): read from
/// the start of its paragraph to the end of it (up to 400 bytes past its
/// last clause), where reports go on to tell what the same crowd did ("They
/// also clashed with the police", "when a group of bandh enforcers started
/// vandalising vehicles"). Returns the first act.
fn crowd_violence(ms: &[Mention], idx: &[usize], lower: &str) -> Option<Span> {
    let s0 = idx.iter().map(|&i| ms[i].clause.start).min()?;
    let e0 = idx
        .iter()
        .map(|&i| ms[i].clause.end)
        .max()
        .unwrap_or(s0)
        .min(lower.len());
    let head = lower.get(..s0).unwrap_or("");
    let start = head.rfind("\n\n").map(|k| k + 2).unwrap_or(0);
    let mut end = (e0 + 400).min(lower.len());
    while end > e0 && !lower.is_char_boundary(end) {
        end -= 1;
    }
    let tail = lower.get(e0..end).unwrap_or("");
    let end = e0 + tail.find("\n\n").unwrap_or(tail.len());
    let region = lower.get(start..end)?;
    lexicon()
        .scan(region)
        .into_iter()
        .find_map(|h| match h.hit {
            crate::lexicon::Hit::Trigger(t) => {
                let sp = Span::new(start + h.start, start + h.end);
                crowd_act(lower, t, sp).then_some(sp)
            }
            _ => None,
        })
}

/// Whether the trigger `t` at `sp` (of the lower-case text `l`) reports a
/// crowd's own violence in a protest story: stone pelting, a clash, arson,
/// vandalism or an attack by the crowd (ACLED's line between protesters and
/// rioters). Not the grievance it protests ("against the attack on", "the
/// 1984 riots", "after bulls destroyed the crops", "the sexual assault on"),
/// not what others did ("the culprits who attacked", "was assaulted by the
/// police", "police opened fire"), not an earlier act ("had clashed the
/// previous day"), not symbols burnt ("burnt an effigy", "burned tyres").
fn crowd_act(l: &str, t: Trig, sp: Span) -> bool {
    let word = l.get(sp.start..sp.end).unwrap_or("");
    let verb = word.ends_with("ed") || word.ends_with("ing") || word.contains(' ');
    let own = match t {
        // "riot police" and "riot control" are no riot
        Trig::Riot => {
            !(matches!(word, "riot" | "riots")
                && l.get(sp.end..)
                    .is_some_and(|r| r.starts_with(" police") || r.starts_with(" control")))
        }
        // a clash or a fight, not the forces' operation or encounter nor a
        // figure of speech ("battling corruption charges")
        Trig::Clash => {
            word.starts_with("clash")
                || matches!(word, "fought" | "gunfight" | "shoot-out" | "retaliated")
        }
        // an attack reported as the crowd's act (a verb), not a noun that
        // names the grievance ("the attack", "sexual assault", "massacre")
        Trig::Attack => {
            (verb || word.starts_with("petrol bomb") || word.starts_with("cocktail"))
                && !matches!(word, "shooting" | "killings" | "targeted killings")
        }
        // crude bombs blasted by the crowd ("they blasted several crude
        // bombs"), not a planted bomb
        Trig::Bomb => {
            word.starts_with("crude bomb")
                || matches!(word, "bomb" | "bombs")
                    && window_before(l, sp.start, 16)
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| {
                            matches!(
                                w,
                                "crude" | "hand-made" | "handmade" | "country-made" | "sound"
                            )
                        })
        }
        // buildings demolished, crops destroyed or damaged: the grievance,
        // unless the crowd is named doing it
        Trig::Loot => {
            (!matches!(word, "demolished" | "destroyed" | "damaged" | "looting")
                || crowd_subject(l, sp.start))
                && !crate::mentions::symbolic_burning(l, sp.end)
                && !burnt_symbol(l, sp.end)
        }
        _ => false,
    };
    if !own {
        return false;
    }
    let before = window_before(l, sp.start, 60);
    let bw: Vec<&str> = before
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let last = |n: usize| bw.iter().rev().take(n);
    // "no clashes were reported", "without any violence", "non-violent"
    let negated = last(2).any(|w| {
        matches!(
            *w,
            "no" | "not" | "without" | "never" | "any" | "non" | "nor"
        )
    });
    if negated {
        return false;
    }
    // an act reported as alleged ("allegedly set fire to a bus") is still one
    let alleged = last(1).any(|w| matches!(*w, "allegedly" | "reportedly" | "also"));
    // someone else's act told as the grievance: "the culprits who attacked",
    // "alleging that he assaulted", "accused of attacking", "involved in"
    let others = t != Trig::Clash
        && last(6).any(|w| {
            matches!(
                *w,
                "who" | "whom" | "alleging" | "accused" | "accusing" | "involved" | "accusation"
            )
        });
    // the crowd as the victim: "was attacked by", "were assaulted"
    let victim = t == Trig::Attack
        && last(2).any(|w| matches!(*w, "was" | "were" | "being" | "been" | "got"));
    // the forces' act: "police opened fire", "in police firing"
    let forces = t == Trig::Attack
        && last(4).any(|w| {
            matches!(
                *w,
                "police" | "policemen" | "security" | "forces" | "troops" | "army" | "soldiers"
            )
        });
    // an earlier act: "had rioted the previous day", "clashes two days prior"
    let mut e = (sp.end + 40).min(l.len());
    while e < l.len() && !l.is_char_boundary(e) {
        e += 1;
    }
    let after = l.get(sp.end..e).unwrap_or("");
    let after = after.split(". ").next().unwrap_or("");
    let earlier = [
        "previous",
        "prior",
        " ago",
        "last year",
        "last week",
        "last month",
    ]
    .iter()
    .any(|w| after.contains(w))
        || last(2).any(|w| matches!(*w, "previously" | "earlier"));
    !others
        && !victim
        && !forces
        && !earlier
        && (alleged || verb || !crate::mentions::grievance(l, sp) && !grievance_cue(l, sp))
}

/// Whether a crowd word is the subject right before `at` ("protesters have
/// also damaged", "villagers destroyed the gates"): within the six words
/// before it, in the same sentence.
fn crowd_subject(l: &str, at: usize) -> bool {
    window_before(l, at, 60)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(6)
        .any(|w| {
            CROWD_AGENTS.contains(&w)
                || matches!(
                    w,
                    "protesters"
                        | "protestors"
                        | "demonstrators"
                        | "agitators"
                        | "pickets"
                        | "picketers"
                        | "blockaders"
                        | "enforcers"
                        | "rioters"
                )
        })
}

/// Whether a burning verb ending at `end` of the lower-case text `l` burns a
/// symbol further on in its clause ("burnt Punjab's chief minister's effigy",
/// "burnt portraits of", "burned textbooks"): street theatre, not arson.
fn burnt_symbol(l: &str, end: usize) -> bool {
    let mut stop = (end + 70).min(l.len());
    while stop > end && !l.is_char_boundary(stop) {
        stop -= 1;
    }
    let rest = l.get(end..stop).unwrap_or("");
    let rest = rest.split([',', ';', '.']).next().unwrap_or("");
    rest.split(|c: char| !c.is_ascii_alphanumeric())
        .take(9)
        .any(|w| {
            matches!(
                w,
                "effigy"
                    | "effigies"
                    | "effies"
                    | "portrait"
                    | "portraits"
                    | "photo"
                    | "photos"
                    | "photographs"
                    | "pictures"
                    | "textbooks"
                    | "books"
                    | "copies"
                    | "flag"
                    | "flags"
                    | "posters"
                    | "banners"
                    | "tyres"
                    | "tires"
                    | "torches"
                    | "candles"
            )
        })
}

/// Whether a trigger is a bare nominal reference ("the attack", "the
/// torture and murder of"): an article or a possessive right before it.
fn nominal_reference(text: &str, sp: Span) -> bool {
    let word = text
        .get(sp.start..sp.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    if word.ends_with("ed") {
        return false;
    }
    let w = window_before(text, sp.start, 40);
    let before: Vec<&str> = w.split_whitespace().rev().take(4).collect();
    before
        .iter()
        .take_while(|x| !matches!(**x, "was" | "were" | "is" | "are" | "has" | "have"))
        .any(|x| {
            matches!(
                *x,
                "the" | "this" | "that" | "its" | "their" | "his" | "her"
            )
        })
}

/// Whether the words around a clash name a crowd on one side (villagers,
/// youths, students, party workers or supporters) and no armed group.
fn crowd_around(text: &str, sp: Span) -> bool {
    let before = window_before(text, sp.start, 90);
    let mut b = (sp.end + 90).min(text.len());
    while b < text.len() && !text.is_char_boundary(b) {
        b += 1;
    }
    let after = text.get(sp.end..b).unwrap_or("").to_ascii_lowercase();
    let after = after.split(". ").next().unwrap_or("");
    let w = format!("{before} {after}");
    let has = |list: &[&str]| {
        w.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|x| list.contains(&x))
    };
    has(&[
        "villagers",
        "youths",
        "youth",
        "locals",
        "residents",
        "students",
        "protesters",
        "protestors",
        "demonstrators",
        "supporters",
        "activists",
        "workers",
        "cadres",
        "mob",
        "mobs",
        "farmers",
        "crowd",
        "agitators",
        "followers",
        "rioters",
        "traders",
        "devotees",
        "miners",
        "villages",
    ]) && !has(&[
        "militant",
        "militants",
        "rebel",
        "rebels",
        "insurgent",
        "insurgents",
        "terrorist",
        "terrorists",
        "maoist",
        "maoists",
        "naxal",
        "naxals",
        "naxalites",
        "taliban",
        "gunmen",
        "separatists",
        "guerrillas",
        "fighters",
        "encounter",
    ])
}

/// Words for an unarmed crowd or a party's rank and file acting together.
const CROWD_AGENTS: &[&str] = &[
    "activists",
    "activist",
    "supporters",
    "cadres",
    "cadre",
    "workers",
    "members",
    "followers",
    "villagers",
    "locals",
    "residents",
    "youths",
    "students",
    "farmers",
    "mob",
    "crowd",
    "goons",
];

/// Words that make the actors armed fighters rather than a crowd.
const ARMED_WORDS: &[&str] = &[
    "militant",
    "militants",
    "rebel",
    "rebels",
    "insurgent",
    "insurgents",
    "terrorist",
    "terrorists",
    "maoist",
    "maoists",
    "naxal",
    "naxals",
    "naxalites",
    "taliban",
    "gunmen",
    "gunman",
    "separatists",
    "guerrillas",
    "fighters",
    "armed",
    "gun",
    "guns",
    "pistol",
    "pistols",
    "rifles",
    "firearms",
    "soldiers",
    "troops",
    "police",
    "policemen",
];

/// Whether the clauses name a road or rail vehicle, a river launch or the
/// railway (as whole words): "torched a bus", "vandalised several vehicles",
/// "a covered van was set ablaze", "set fire to the railway track".
fn street_vehicle(words: &str) -> bool {
    const VEHICLES: &[&str] = &[
        "bus",
        "buses",
        "busses",
        "minibus",
        "microbus",
        "truck",
        "trucks",
        "lorry",
        "lorries",
        "vehicle",
        "vehicles",
        "car",
        "cars",
        "rickshaw",
        "rickshaws",
        "auto-rickshaw",
        "auto-rickshaws",
        "cng",
        "hauler",
        "haulers",
        "tempo",
        "van",
        "vans",
        "motorcycle",
        "motorcycles",
        "motorbike",
        "motorbikes",
        "train",
        "trains",
        "coaches",
        "rail",
        "railway",
        "launch",
    ];
    words
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .any(|w| VEHICLES.contains(&w))
}

/// Whether the attacker of a violent trigger is a crowd or a party's men:
/// "activists of the Jubo League attacked them", "ruling party men attacked
/// the motorcade", "was beaten up by supporters of the rival candidate".
fn crowd_agent(text: &str, sp: Span) -> bool {
    let split = |w: &str| -> Vec<String> {
        w.split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    };
    let before = split(&window_before(text, sp.start, 70));
    let mut b = (sp.end + 70).min(text.len());
    while b < text.len() && !text.is_char_boundary(b) {
        b += 1;
    }
    let after_s = text.get(sp.end..b).unwrap_or("").to_ascii_lowercase();
    let after = split(after_s.split(". ").next().unwrap_or(""));
    let armed = |ws: &[String]| ws.iter().any(|w| ARMED_WORDS.contains(&w.as_str()));
    // active: the crowd word is the last noun before the verb
    let active = before
        .iter()
        .rposition(|w| CROWD_AGENTS.contains(&w.as_str()))
        .is_some_and(|k| {
            let rest = &before[k + 1..];
            rest.len() <= 5
                && !rest.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "was" | "were" | "been" | "injured" | "killed" | "wounded" | "by" | "and"
                    )
                })
        })
        && !armed(&before);
    // passive: "by (a group of) <party> supporters"
    let passive = after
        .iter()
        .take(3)
        .position(|w| w == "by")
        .is_some_and(|k| {
            let agent: Vec<String> = after.iter().skip(k + 1).take(7).cloned().collect();
            agent.iter().any(|w| CROWD_AGENTS.contains(&w.as_str())) && !armed(&agent)
        });
    active || passive
}

/// The triggers a mention reports the happening with (its violent words).
fn violent_trig(t: Trig) -> bool {
    matches!(
        t,
        Trig::Air
            | Trig::Shell
            | Trig::Suicide
            | Trig::Grenade
            | Trig::Bomb
            | Trig::Chemical
            | Trig::Clash
            | Trig::Attack
            | Trig::Kill
            | Trig::Abduct
    )
}

/// The shared trigger lexicon, for re-reading a clause (and the
/// [`crate::Extractor`]'s scan: one build per process).
pub(crate) fn lexicon() -> &'static crate::lexicon::Lexicon {
    static LEX: std::sync::OnceLock<crate::lexicon::Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(crate::lexicon::Lexicon::new)
}

/// Corrections of a mention's family that need the words around it:
/// - a clause whose weapon words only name what a crowd protests against
///   ("gathered to protest the deadly bomb blast") reports the protest;
/// - a "procession" in the same sentence as a bombing is its target (a
///   funeral or religious procession), not a protest: its counts are the
///   bombing's.
///
/// Returns `None` when nothing changes.
fn retype(ms: &[Mention], text: &str) -> Option<Vec<Mention>> {
    let mut out: Option<Vec<Mention>> = None;
    let strong = |m: &Mention| {
        m.family == Family::Violent
            && m.trigs.iter().any(|t| {
                matches!(
                    t.0,
                    Trig::Air | Trig::Shell | Trig::Suicide | Trig::Grenade | Trig::Bomb
                )
            })
    };
    for (i, m) in ms.iter().enumerate() {
        let own_toll = m
            .counts
            .iter()
            .any(|c| matches!(c.outcome, Outcome::Killed | Outcome::Wounded) && c.best > 0);
        if m.family == Family::Violent
            && !own_toll
            && m.trigs
                .iter()
                .filter(|t| violent_trig(t.0))
                .all(|t| grievance_cue(text, t.1))
            && m.trigs.iter().any(|t| violent_trig(t.0))
        {
            let first = m
                .trigs
                .iter()
                .map(|t| t.1.start)
                .min()
                .unwrap_or(m.clause.end);
            let Some(clause) = text.get(m.clause.start..first) else {
                continue;
            };
            let protest: Vec<(Trig, Span)> = lexicon()
                .scan(clause)
                .into_iter()
                .filter(|h| {
                    matches!(
                        h.hit,
                        crate::lexicon::Hit::Trigger(Trig::Protest | Trig::Riot)
                    ) && crate::lexicon::is_conflict_signal(clause, h)
                        // "attacks … to protest the murder": a purpose, not a crowd
                        && !window_before(clause, h.start, 4).ends_with("to ")
                })
                .map(|h| {
                    let t = match h.hit {
                        crate::lexicon::Hit::Trigger(t) => t,
                        _ => Trig::Protest,
                    };
                    (
                        t,
                        Span::new(m.clause.start + h.start, m.clause.start + h.end),
                    )
                })
                .collect();
            if !protest.is_empty() {
                let v = out.get_or_insert_with(|| ms.to_vec());
                let n = &mut v[i];
                n.family = Family::Protest;
                n.trigs = protest;
                n.counts.retain(|c| c.outcome == Outcome::Arrested);
                n.actor2 = None;
                continue;
            }
        }
        if m.family == Family::Protest
            && !m.trigs.is_empty()
            && m.trigs.iter().all(|(t, sp)| {
                !matches!(t, Trig::Protest | Trig::Riot | Trig::Mob)
                    || text
                        .get(sp.start..sp.end)
                        .is_some_and(|w| w.to_ascii_lowercase().starts_with("procession"))
            })
            && ms.iter().any(|o| o.sent == m.sent && strong(o))
        {
            let v = out.get_or_insert_with(|| ms.to_vec());
            let n = &mut v[i];
            n.family = Family::Violent;
            n.trigs = n
                .counts
                .iter()
                .find(|c| matches!(c.outcome, Outcome::Killed | Outcome::Wounded))
                .map(|c| vec![(Trig::Kill, c.span)])
                .unwrap_or_default();
            n.counts
                .retain(|c| matches!(c.outcome, Outcome::Killed | Outcome::Wounded));
        }
    }
    out
}

/// Appends `s` to `out` in ASCII lower case with every whitespace char
/// (Unicode's, NBSP included) written as one space: byte by byte when `s` is
/// ASCII (nearly always), char by char otherwise.
fn push_spaced_lower(out: &mut Vec<u8>, s: &str) {
    if s.is_ascii() {
        // (ASCII whitespace by `char::is_whitespace`: U+0009..U+000D, U+0020)
        out.extend(s.bytes().map(|b| match b {
            b'\t'..=b'\r' | b' ' => b' ',
            _ => b.to_ascii_lowercase(),
        }));
    } else {
        for c in s.chars() {
            let c = if c.is_whitespace() {
                ' '
            } else {
                c.to_ascii_lowercase()
            };
            out.extend_from_slice(c.encode_utf8(&mut [0u8; 4]).as_bytes());
        }
    }
}

/// Assembles the events of one article from its mentions.
pub fn assemble(ms: &[Mention], ctx: &Ctx<'_>) -> Vec<Event> {
    let art = ctx.article;
    let text = art.text.as_str();
    let retyped = retype(ms, text);
    let ms: &[Mention] = retyped.as_deref().unwrap_or(ms);
    // the story is set in a campaign of shutdowns or blockades
    let lower = text.to_ascii_lowercase();
    let unrest = ["hartal", "blockade", "blockage", "bandh", "shutdown"]
        .iter()
        .any(|w| lower.contains(w));
    // a note that speaks of (no) claim of responsibility frames the act as
    // an attack by an organised group, not as street violence
    let responsibility = lower.contains("responsibility");
    let mut drafts = group(ms, ctx);
    mark_causes(ms, &mut drafts, text);
    captive_killings(ms, &mut drafts, text);
    // main date: the first dated, non-background violent draft
    let main_date = drafts
        .iter()
        .find(|d| {
            d.family == Family::Violent
                && !d.background
                && d.date.is_some()
                && !stale_relative(d, ctx)
        })
        .and_then(|d| d.date.and_then(|x| x.resolved));
    let mut events: Vec<(Event, Vec<usize>)> = Vec::new();
    for d in &drafts {
        // the attack's own perpetrator shot by police: a death of the
        // attack, not its actor, target or kind
        // (not in a fight: "militants opened fire … the forces retaliated
        // and killed two attackers" is one battle)
        let core: Vec<usize> = d
            .mentions
            .iter()
            .copied()
            .filter(|&i| !perpetrator_down(&ms[i], text))
            .collect();
        let fight = core
            .iter()
            .any(|&i| ms[i].trigs.iter().any(|t| t.0 == Trig::Clash));
        let core = if fight { Vec::new() } else { core };
        let perp_idx: Vec<usize> = if core.is_empty() {
            Vec::new()
        } else {
            d.mentions
                .iter()
                .copied()
                .filter(|i| !core.contains(i))
                .collect()
        };
        let idx: &Vec<usize> = if core.is_empty() { &d.mentions } else { &core };
        let first = &ms[idx[0]];
        let mut ev_e: Vec<(String, Span)> = Vec::new();
        // date
        let (resolved, date_span) = match d.date {
            Some(c) => (c.resolved, Some(c.span)),
            None => {
                // "… THE ATTACK TOOK PLACE AT 2100 ON 15 JANUARY": the date
                // the next sentence gives the act
                let told = if matches!(d.family, Family::Violent | Family::Abduct) {
                    idx.iter()
                        .map(|&i| ms[i].clause.end)
                        .max()
                        .and_then(|end| told_date(text, end, ctx.published))
                } else {
                    None
                };
                if let Some((r, sp)) = told {
                    (Some(r), Some(sp))
                } else {
                    let r = d.inherited.or(main_date).or_else(|| {
                        ctx.published.map(|p| Resolved {
                            date: p,
                            date_end: None,
                            precision: DatePrecision::Day,
                        })
                    });
                    // evidence for an inherited date: the expression it came from
                    let sp = d.inherited.and_then(|r| {
                        ms.iter()
                            .filter_map(|m| m.date)
                            .find(|c| c.resolved == Some(r))
                            .map(|c| c.span)
                    });
                    (r, sp)
                }
            }
        };
        // location: the most precise stated; else the article's focus
        let loc = idx
            .iter()
            .filter_map(|&i| ms[i].location.clone())
            .min_by_key(|l| l.0.precision);
        let location = match loc {
            Some((l, sp)) => {
                ev_e.push(("location".into(), sp));
                Some(l)
            }
            None if !d.family.verbal() => ctx.fallback_location.clone(),
            None => None,
        };
        let country = country_of(location.as_ref(), ctx);
        // actors
        let a1: Option<RoleActor> = idx.iter().find_map(|&i| ms[i].actor1.clone());
        let a2: Option<RoleActor> = idx
            .iter()
            .filter_map(|&i| ms[i].actor2.clone())
            .find(|x| a1.as_ref().is_none_or(|y| y.actor.name != x.actor.name));
        let mut actor1 = a1.as_ref().map(|a| a.actor.clone());
        let mut actor2 = a2.as_ref().map(|a| a.actor.clone());
        if let Some(a) = &a1 {
            ev_e.push(("actor1".into(), a.span));
        }
        if let Some(a) = &a2 {
            ev_e.push(("actor2".into(), a.span));
        }
        // counts
        let t = tally(ms, idx);
        let fat = fatalities(&t, text, &mut ev_e);
        let wounded = t.wounded.as_ref().map(|w| {
            for sp in &w.spans {
                ev_e.push(("wounded".into(), *sp));
            }
            Bounds {
                best: Some(w.best),
                low: w.low,
                high: w.high,
            }
        });
        // the wounded who later died are counted once, as dead
        let late_dead: u32 = idx
            .iter()
            .filter(|&&i| later_death(&ms[i], text))
            .flat_map(|&i| ms[i].counts.iter())
            .filter(|c| c.outcome == Outcome::Killed)
            .map(|c| c.best)
            .sum();
        let wounded = wounded
            .map(|mut w| {
                if late_dead > 0 {
                    w.best = w.best.map(|b| b.saturating_sub(late_dead));
                    w.low = w.low.map(|b| b.saturating_sub(late_dead));
                    w.high = w.high.map(|b| b.saturating_sub(late_dead));
                }
                w
            })
            .filter(|w| w.best != Some(0) || late_dead == 0);
        if wounded.is_none() {
            ev_e.retain(|(f, _)| f != "wounded");
        }
        let abducted = t.abducted.as_ref().map(|a| {
            for sp in &a.spans {
                ev_e.push(("abducted".into(), *sp));
            }
            a.best
        });
        let arrested = t.arrested.as_ref().map(|a| {
            for sp in &a.spans {
                ev_e.push(("arrested".into(), *sp));
            }
            a.best
        });
        let trigs: Vec<Trig> = typing_trigs(ms, idx, text);
        let trig_span = idx
            .iter()
            .find_map(|&i| ms[i].trigs.first().map(|t| t.1))
            .unwrap_or(first.clause);
        ev_e.push(("event_type".into(), trig_span));
        // the clauses, lower-cased, any Unicode space (NBSP) read as a space
        let mut words = Vec::new();
        for (k, &i) in idx.iter().enumerate() {
            if k > 0 {
                words.push(b' ');
            }
            push_spaced_lower(&mut words, &text[ms[i].clause.start..ms[i].clause.end]);
        }
        // (whole chars were written: the fallback is never taken)
        let words = String::from_utf8(words).unwrap_or_default();
        let (sub, plover, mode): (Option<SubEventType>, Plover, Option<&str>) = match d.family {
            Family::Violent => {
                let strong = trigs.iter().any(|t| {
                    matches!(
                        t,
                        Trig::Air
                            | Trig::Shell
                            | Trig::Suicide
                            | Trig::Grenade
                            | Trig::Bomb
                            | Trig::Chemical
                    )
                });
                let armed_any = idx.iter().any(|&i| {
                    [&ms[i].actor1, &ms[i].actor2]
                        .iter()
                        .any(|a| a.as_ref().is_some_and(|a| nonstate_fighting(&a.actor)))
                });
                let armed_dead = fat.militants.is_some_and(|x| x > 0);
                let protest_article = drafts.iter().any(|d| d.family == Family::Protest);
                // "clash"/"fighting" with no armed side is a crowd fight; a
                // gunfight, encounter or exchange of fire is armed by nature
                let plain_clash = idx.iter().any(|&i| {
                    ms[i].trigs.iter().any(|(t, sp)| {
                        *t == Trig::Clash && {
                            let w = text[sp.start..sp.end].to_ascii_lowercase();
                            matches!(
                                w.as_str(),
                                "clash"
                                    | "clashes"
                                    | "clashed"
                                    | "fighting"
                                    | "fought"
                                    | "skirmish"
                                    | "skirmishes"
                            )
                        }
                    })
                }) && !trigs.iter().any(|t| matches!(t, Trig::Attack))
                    && !words.contains("gunfight")
                    && !words.contains("encounter")
                    && !words.contains("exchange of fire")
                    && !words.contains("firing");
                // an army on either side is never a crowd fight
                let army = idx.iter().any(|&i| {
                    [&ms[i].actor1, &ms[i].actor2].iter().any(|a| {
                        a.as_ref().is_some_and(|a| {
                            a.actor.actor_type == Some(ActorType::StateForces)
                                && a.actor.name.starts_with("Military Forces")
                                && !bare_country(text, a)
                        })
                    })
                });
                // a deadly fight between rival factions or groups is an
                // armed clash between militias, not a riot
                let has_clash = trigs.contains(&Trig::Clash);
                let factional = fat.best.is_some_and(|b| b > 0)
                    && [
                        "rival group",
                        "rival faction",
                        "two groups",
                        "two factions",
                        "two rival",
                        "supremacy",
                        "dominance",
                    ]
                    .iter()
                    .any(|w| words.contains(w))
                    // a fight over land, water or local supremacy is one
                    // between (communal or political) militias, dead or not
                    || has_clash
                        && [
                            "supremacy",
                            "dominance",
                            "land dispute",
                            "land-related",
                            "land related",
                            "disputed land",
                            "over land",
                            "over a land",
                            "over the land",
                            "piece of land",
                            "water body",
                            "enmity",
                            "ownership",
                            "two communities",
                            "communal clash",
                        ]
                        .iter()
                        .any(|w| words.contains(w));
                // a crowd (villagers, youths, party workers) fighting police
                // or another crowd: a riot, even against soldiers
                let crowd_clash = idx.iter().any(|&i| {
                    ms[i].trigs.iter().any(|(t, sp)| {
                        *t == Trig::Clash && {
                            let w = text[sp.start..sp.end].to_ascii_lowercase();
                            matches!(w.as_str(), "clash" | "clashes" | "clashed" | "clashing")
                                && crowd_around(text, *sp)
                        }
                    })
                }) && !words.contains("gunfight")
                    && !words.contains("encounter")
                    && !words.contains("exchange of fire");
                // hand-thrown crude or incendiary bombs ("crude bombs",
                // "cocktails", "petrol bombs") that kill nobody are street
                // violence, not remote violence
                let hand_bomb = [
                    "crude bomb",
                    "cocktail",
                    "petrol bomb",
                    "petrol-bomb",
                    "molotov",
                    "hand bomb",
                    "hand-made bomb",
                    "handmade bomb",
                    "country-made bomb",
                    "country made bomb",
                    "sound bomb",
                ]
                .iter()
                .any(|w| words.contains(w))
                    && !trigs.iter().any(|t| {
                        matches!(t, Trig::Air | Trig::Shell | Trig::Suicide | Trig::Chemical)
                    })
                    && !army;
                // a hand-thrown bomb that kills, or burns the people in a
                // bus or truck, is an attack on them (ACLED), not a riot
                let vehicles = [
                    "bus",
                    "buses",
                    "truck",
                    "trucks",
                    "rickshaw",
                    "train",
                    "vehicle",
                    "microbus",
                    "van",
                    "passengers",
                    "car",
                ];
                // (the cheap substring test first; then one pass over the
                // words for all the vehicle nouns at once)
                let burnt_riders = words.contains("burn")
                    && words
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|w| vehicles.contains(&w));
                let hand_attack = hand_bomb
                    && !armed_dead
                    && (fat.best.unwrap_or(0) > 0 || burnt_riders)
                    && fat.state_forces.is_none_or(|x| x == 0);
                let improvised = hand_bomb && fat.best.unwrap_or(0) == 0 && !hand_attack;
                // a party's men or a crowd setting upon someone: mob violence
                let crowd_attack = !strong
                    && fat.best.unwrap_or(0) == 0
                    && !armed_any
                    && !armed_dead
                    && !army
                    && !factional
                    && (idx.iter().any(|&i| {
                        ms[i].trigs.iter().any(|(t, sp)| {
                            matches!(t, Trig::Attack | Trig::Kill) && crowd_agent(text, *sp)
                        })
                    })
                        // an attack on a campaign's motorcade or a polling
                        // centre: election street violence
                        || trigs.contains(&Trig::Attack)
                            && ["motorcade", "polling centre", "polling center", "polling station"]
                                .iter()
                                .any(|w| words.contains(w)));
                let crowd = improvised
                    || crowd_attack
                    || (!strong
                        && !armed_any
                        && !factional
                        && !armed_dead
                        && (crowd_clash
                            || !army
                                && (plain_clash
                                    || (protest_article && !trigs.contains(&Trig::Kill)))));
                if crowd {
                    let demo = protest_article
                        || [
                            "protest",
                            "demonstrat",
                            "rally",
                            "strike",
                            "agitat",
                            "hartal",
                            "blockade",
                        ]
                        .iter()
                        .any(|w| words.contains(w));
                    if actor1
                        .as_ref()
                        .is_none_or(|a| a.actor_type == Some(ActorType::Civilians))
                    {
                        actor1 = Some(generic_actor(Generic::Rioters, country.as_deref()));
                    }
                    (
                        Some(if demo {
                            SubEventType::ViolentDemonstration
                        } else {
                            SubEventType::MobViolence
                        }),
                        Plover::Protest,
                        Some("riot"),
                    )
                } else {
                    // a target read from a bare country name ("…, Pakistan") is
                    // no armed side: it does not make a battle
                    let target = actor2.as_ref().filter(|_| {
                        a2.as_ref()
                            .is_none_or(|r| !bare_country(text, r) && !passive_agent(text, r))
                    });
                    // soldiers, police or militants among the wounded
                    let armed_hurt = idx.iter().any(|&i| {
                        ms[i].counts.iter().any(|c| {
                            c.outcome == Outcome::Wounded
                                && c.best > 0
                                && matches!(c.side, Side::State | Side::Militants)
                        })
                    });
                    let (s, m) = if hand_attack {
                        (SubEventType::Attack, "explosives")
                    } else {
                        code_violent(&trigs, &fat, actor1.as_ref(), target, &words, armed_hurt)
                    };
                    (Some(s), Plover::Assault, Some(m))
                }
            }
            Family::Protest => {
                // the crowd's own violence (not what it protests against, not
                // an effigy burnt): what makes rioters of protesters (ACLED)
                let act = crowd_violence(ms, idx, &lower);
                let riot = act.is_some();
                let mob =
                    trigs.iter().any(|t| matches!(t, Trig::Mob)) && !trigs.contains(&Trig::Protest);
                let state2 = actor2
                    .as_ref()
                    .is_some_and(|a| a.actor_type == Some(ActorType::StateForces));
                let killed = fat.best.is_some_and(|b| b > 0);
                let intervention = state2
                    || [
                        "baton",
                        "lathi",
                        "tear gas",
                        "teargas",
                        "tear-gas",
                        "water cannon",
                        "dispersed",
                        "disperse",
                        "arrested",
                        "detained",
                        "charged",
                        "rubber bullets",
                    ]
                    .iter()
                    .any(|w| words.contains(w));
                if mob {
                    (
                        Some(SubEventType::MobViolence),
                        Plover::Protest,
                        Some("riot"),
                    )
                } else if riot {
                    (
                        Some(SubEventType::ViolentDemonstration),
                        Plover::Protest,
                        Some("riot"),
                    )
                } else if killed && state2 {
                    (
                        Some(SubEventType::ExcessiveForceAgainstProtesters),
                        Plover::Protest,
                        Some("demo"),
                    )
                } else if intervention {
                    (
                        Some(SubEventType::ProtestWithIntervention),
                        Plover::Protest,
                        Some("demo"),
                    )
                } else {
                    let strike = words.contains("strike")
                        || words.contains("hartal")
                        || words.contains("bandh")
                        || words.contains("shutdown");
                    (
                        Some(SubEventType::PeacefulProtest),
                        Plover::Protest,
                        Some(if strike { "strike" } else { "demo" }),
                    )
                }
            }
            Family::Abduct => (
                Some(SubEventType::AbductionForcedDisappearance),
                Plover::Assault,
                Some("abduct"),
            ),
            Family::Arrest => (Some(SubEventType::Arrests), Plover::Coerce, Some("arrest")),
            Family::Defuse => (
                Some(SubEventType::DisruptedWeaponsUse),
                Plover::Coerce,
                Some("seize"),
            ),
            Family::Jailbreak => (Some(SubEventType::Other), Plover::Assault, None),
            Family::Loot => {
                // arson and vandalism by party men, supporters or unnamed
                // assailants is street violence; by militants it is property
                // destruction
                let militant = [
                    "militant",
                    "taliban",
                    "insurgent",
                    "terrorist",
                    "rebel",
                    "maoist",
                    "naxal",
                    "extremist",
                    "armed",
                    "gunmen",
                    "explosive",
                ]
                .iter()
                .any(|w| words.contains(w))
                    || actor1.as_ref().is_some_and(|a| {
                        nonstate_fighting(a) && !a.name.starts_with("Unidentified Armed Group")
                            || a.actor_type == Some(ActorType::StateForces)
                    });
                // the political or crowd setting that makes it a riot
                let street = [
                    "supporter",
                    "activist",
                    "cadre",
                    "party",
                    "league",
                    "hartal",
                    "blockade",
                    "strike",
                    "bandh",
                    "election",
                    "poll",
                    "procession",
                    "mob",
                    "crowd",
                    "protest",
                    "demonstrat",
                    "enforcer",
                    "picket",
                    "rival",
                    "villagers",
                    "residents",
                    "students",
                    "workers",
                    "agitat",
                    "members",
                    "candidate",
                ]
                .iter()
                .any(|w| words.contains(w))
                    // a story set in a shutdown or blockade campaign
                    || unrest
                    // buses, trucks and cars torched or smashed in the street:
                    // the stock target of street violence (militants who burn
                    // convoys are caught by `militant` above)
                    || street_vehicle(&words) && !responsibility
                    // the target is a party or its men ("set fire to the BNP
                    // office"): political street violence
                    || actor2.as_ref().is_some_and(|a| {
                        matches!(
                            a.actor_type,
                            Some(ActorType::PoliticalMilitias | ActorType::Rioters)
                        )
                    })
                    || actor1.as_ref().is_some_and(|a| {
                        matches!(
                            a.actor_type,
                            Some(
                                ActorType::PoliticalMilitias
                                    | ActorType::Rioters
                                    | ActorType::Protesters
                                    | ActorType::Civilians
                            )
                        ) && !a.name.starts_with("Unidentified Armed Group")
                    });
                // "activists of the party torched a bus", "was vandalised by
                // supporters of …": the crowd is named as the agent
                let crowd_did = idx.iter().any(|&i| {
                    ms[i]
                        .trigs
                        .iter()
                        .any(|(t, sp)| *t == Trig::Loot && crowd_agent(text, *sp))
                });
                if !crowd_did && (militant || !street) || fat.best.unwrap_or(0) > 0 {
                    (
                        Some(SubEventType::LootingPropertyDestruction),
                        Plover::Assault,
                        Some("destroy"),
                    )
                } else {
                    if actor1.as_ref().is_none_or(|a| {
                        a.name.starts_with("Unidentified Armed Group")
                            || a.actor_type == Some(ActorType::Civilians)
                    }) {
                        actor1 = Some(generic_actor(Generic::Rioters, country.as_deref()));
                    }
                    (
                        Some(SubEventType::MobViolence),
                        Plover::Protest,
                        Some("riot"),
                    )
                }
            }
            Family::Seal => (
                Some(SubEventType::Other),
                Plover::Coerce,
                Some(if words.contains("curfew") {
                    "curfew"
                } else {
                    "restrict"
                }),
            ),
            Family::Agree => (Some(SubEventType::Agreement), Plover::Agree, None),
            Family::Consult => (
                None,
                Plover::Consult,
                if words.contains("mediat") || words.contains("host") {
                    Some("third-party")
                } else {
                    None
                },
            ),
            Family::Accuse => (None, Plover::Accuse, Some("allege")),
            Family::Deny => (None, Plover::Reject, None),
            Family::Threaten => (None, Plover::Threaten, Some("violence")),
        };
        // default actors the family implies
        if actor1.is_none() {
            actor1 = match d.family {
                Family::Violent | Family::Abduct | Family::Jailbreak | Family::Loot => {
                    Some(generic_actor(Generic::Gunmen, country.as_deref()))
                }
                Family::Arrest | Family::Seal | Family::Defuse => {
                    Some(generic_actor(Generic::Police, country.as_deref()))
                }
                Family::Protest => Some(generic_actor(
                    if matches!(
                        sub,
                        Some(SubEventType::ViolentDemonstration | SubEventType::MobViolence)
                    ) {
                        Generic::Rioters
                    } else {
                        Generic::Protesters
                    },
                    country.as_deref(),
                )),
                _ => None,
            };
        }
        // a riot's crowd are rioters (ACLED), not protesters, and an unnamed
        // crowd of "assailants" or a party's men in a riot are no armed group
        // either ("BNP militants hurled cocktails" in a street riot)
        let militia_named = a1.as_ref().is_some_and(|r| {
            let mut e = (r.span.end + 12).min(lower.len());
            while e > r.span.end && !lower.is_char_boundary(e) {
                e -= 1;
            }
            lower
                .get(r.span.start..e)
                .is_some_and(|w| w.contains("militia") || w.contains("militant"))
        });
        let riot_sub = matches!(
            sub,
            Some(SubEventType::ViolentDemonstration | SubEventType::MobViolence)
        );
        if riot_sub
            && actor1.as_ref().is_some_and(|a| {
                a.name.starts_with("Protesters")
                    || a.name.starts_with("Unidentified Armed Group")
                    || a.actor_type == Some(ActorType::PoliticalMilitias)
                        && a.name.ends_with(" Militia")
                        // unless the text itself says "militia" or "militants"
                        && !militia_named
            })
        {
            actor1 = Some(generic_actor(Generic::Rioters, country.as_deref()));
        }
        // the forces a crowd riots against come second: "lawyers clashed with
        // police" is Rioters (X) against Police Forces of X
        if riot_sub
            && actor1
                .as_ref()
                .is_some_and(|a| a.actor_type == Some(ActorType::StateForces))
            && actor2.as_ref().is_none_or(|b| {
                matches!(
                    b.actor_type,
                    Some(ActorType::Rioters | ActorType::Protesters | ActorType::Civilians)
                )
            })
        {
            actor2 = actor1.take();
            actor1 = Some(generic_actor(Generic::Rioters, country.as_deref()));
        }
        // and a protest whose crowd did no violence is one of protesters,
        // whatever the police did to them ("lathi-charged the rally")
        if d.family == Family::Protest
            && matches!(
                sub,
                Some(
                    SubEventType::PeacefulProtest
                        | SubEventType::ProtestWithIntervention
                        | SubEventType::ExcessiveForceAgainstProtesters
                )
            )
            && actor1.as_ref().is_some_and(|a| {
                a.actor_type == Some(ActorType::Rioters) && a.name.starts_with("Rioters")
            })
        {
            actor1 = Some(generic_actor(Generic::Protesters, country.as_deref()));
        }
        // the other side of a crowd's fight or one-sided violence (ACLED)
        let actor2 = crate::mentions::crowd_counterpart(
            ms,
            idx,
            &words,
            actor1.as_ref(),
            actor2,
            country.as_deref(),
        );
        // the claimed-by group is the perpetrator
        let mut claimed: Vec<(String, Span)> =
            idx.iter().flat_map(|&i| ms[i].claims.clone()).collect();
        claimed.dedup_by(|a, b| a.0 == b.0);
        let mut ev = Event {
            event_date: resolved.map(|r| r.date),
            date_end: resolved.and_then(|r| r.date_end),
            date_precision: resolved
                .map(|r| r.precision)
                .unwrap_or(DatePrecision::Unknown),
            event_type: sub.map(|s| s.event_type()).filter(|_| {
                !matches!(
                    d.family,
                    Family::Consult | Family::Accuse | Family::Deny | Family::Threaten
                )
            }),
            sub_event_type: sub,
            plover: Some(plover),
            plover_mode: mode.map(str::to_string),
            actor1,
            actor2,
            location,
            wounded: wounded.unwrap_or_default(),
            abducted,
            arrested,
            accused: idx
                .iter()
                .flat_map(|&i| {
                    ms[i].accused.iter().map(|a| Accusation {
                        by: a.0.clone(),
                        target: a.1.clone(),
                    })
                })
                .collect(),
            denied_by: idx
                .iter()
                .flat_map(|&i| ms[i].denied.iter().map(|a| Denial { actor: a.0.clone() }))
                .collect(),
            background: d.background,
            ..Event::default()
        };
        ev.accused.dedup();
        ev.denied_by.dedup();
        for &i in idx {
            for a in &ms[i].accused {
                ev_e.push(("accused".into(), a.2));
            }
            for a in &ms[i].denied {
                ev_e.push(("denied_by".into(), a.1));
            }
        }
        if let Some(sp) = date_span {
            ev_e.push(("event_date".into(), sp));
        }
        if ev.event_type.is_none() && d.family == Family::Agree {
            ev.event_type = Some(EventType::StrategicDevelopments);
        }
        ev.fatalities = fat;
        civilian_target_dead(&mut ev, &words, &mut ev_e);
        // a suicide bomber dies in the attack: ACLED and GTD count the bomber
        if ev.sub_event_type == Some(SubEventType::SuicideBomb)
            && ev.fatalities.militants.is_none()
            && !words.contains("survived")
            && !words.contains("arrested")
        {
            let bombers = suicide_bombers(&words);
            if bombers > 0 {
                let f = &mut ev.fatalities;
                f.militants = Some(bombers);
                f.best = Some(f.best.unwrap_or(0) + bombers);
                f.low = Some(f.low.unwrap_or(0) + bombers);
                f.high = f.high.map(|b| b + bombers);
                ev_e.push(("fatalities.militants".into(), trig_span));
                ev_e.push(("fatalities.best".into(), trig_span));
            }
        }
        // "set off a grenade …, killing himself", "shot dead three people
        // before killing himself": the attacker dies by his own act (ACLED
        // and GTD count him, as they count a suicide bomber)
        if ev.fatalities.militants.is_none()
            && matches!(
                ev.event_type,
                Some(
                    EventType::Battles
                        | EventType::ViolenceAgainstCivilians
                        | EventType::ExplosionsRemoteViolence
                )
            )
            && ev.sub_event_type != Some(SubEventType::SuicideBomb)
            && (lower.contains("himself") || lower.contains("herself"))
            && idx.iter().any(|&i| {
                let rest = sentence_rest(text, ms[i].clause);
                [
                    "killing himself",
                    "killing herself",
                    "shooting himself",
                    "shot himself",
                    "turned the gun on himself",
                ]
                .iter()
                .any(|w| rest.contains(w))
            })
        {
            let f = &mut ev.fatalities;
            f.militants = Some(1);
            f.best = Some(f.best.unwrap_or(0) + 1);
            f.low = Some(f.low.unwrap_or(0) + 1);
            f.high = f.high.map(|b| b + 1);
            ev_e.push(("fatalities.militants".into(), trig_span));
            ev_e.push(("fatalities.best".into(), trig_span));
        }
        let perp_dead = max_over(ms, &perp_idx, |c| {
            c.outcome == Outcome::Killed && !c.included
        });
        // (once: "two militants were killed … the forces killed two
        // attackers" repeats the toll)
        if let Some(pd) = perp_dead.filter(|p| p.best > 0 && ev.fatalities.militants.is_none()) {
            let f = &mut ev.fatalities;
            f.militants = Some(f.militants.unwrap_or(0) + pd.best);
            f.best = Some(f.best.unwrap_or(0) + pd.best);
            f.low = f.low.zip(pd.low).map(|(a, b)| a + b);
            f.high = f.high.zip(pd.high).map(|(a, b)| a + b);
            for sp in &pd.spans {
                ev_e.push(("fatalities.militants".into(), *sp));
                ev_e.push(("fatalities.best".into(), *sp));
            }
        }
        events.push((ev, d.mentions.clone()));
        // keep the claim data on the side until the main event is known
        if let Some(last) = events.last_mut() {
            for (c, sp) in claimed {
                last.0.claimed_by.push(Claim { actor: c });
                ev_e.push(("claimed_by".into(), sp));
            }
        }
        if let Some(last) = events.last_mut() {
            last.0.evidence = ev_e
                .into_iter()
                .filter_map(|(f, sp)| {
                    text.get(sp.start..sp.end).map(|s| Evidence {
                        field: f,
                        article_id: art.id.clone(),
                        start: sp.start,
                        end: sp.end,
                        text: s.to_string(),
                    })
                })
                .collect();
        }
    }
    // "that figure includes …": move the included count out of the figure
    for (k, m) in ms.iter().enumerate() {
        if !m.includes_into_previous {
            continue;
        }
        let Some(src) = events.iter().position(|(_, idx)| idx.contains(&k)) else {
            continue;
        };
        let prev = ms[..k]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, p)| p.family == Family::Violent && !p.counts.is_empty())
            .map(|(j, _)| j);
        let Some(prev) = prev else { continue };
        let Some(dst) = events.iter().position(|(_, idx)| idx.contains(&prev)) else {
            continue;
        };
        if dst == src {
            continue;
        }
        let sf = events[src].0.fatalities;
        let df = &mut events[dst].0.fatalities;
        let sub = |a: Option<u32>, b: Option<u32>| match (a, b) {
            (Some(x), Some(y)) => Some(x.saturating_sub(y)),
            (x, _) => x,
        };
        df.civilians = sub(df.civilians, sf.civilians);
        df.state_forces = sub(df.state_forces, sf.state_forces);
        df.militants = sub(df.militants, sf.militants);
        if df.civilians.is_none() && df.state_forces.is_none() && df.militants.is_none() {
            df.unknown = sub(df.unknown, sf.best);
        }
        df.low = sub(df.low, sf.low);
        recompute_best(df);
    }
    // claims with no event of their own go to the main violent event
    let main = events
        .iter()
        .enumerate()
        .filter(|(_, (e, _))| !e.background && e.plover == Some(Plover::Assault))
        .max_by_key(|(i, (e, _))| (e.fatalities.best.unwrap_or(0), std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    let carriers: Vec<&Mention> = ms
        .iter()
        .filter(|m| m.trigs.is_empty() && !m.claims.is_empty())
        .collect();
    if let Some(mi) = main {
        for m in carriers {
            for (c, sp) in &m.claims {
                let e = &mut events[mi].0;
                if !e.claimed_by.iter().any(|x| &x.actor == c) {
                    e.claimed_by.push(Claim { actor: c.clone() });
                    if let Some(s) = text.get(sp.start..sp.end) {
                        e.evidence.push(Evidence {
                            field: "claimed_by".into(),
                            article_id: art.id.clone(),
                            start: sp.start,
                            end: sp.end,
                            text: s.to_string(),
                        });
                    }
                }
            }
        }
    }
    // the claimant is the perpetrator when the text named none
    for (e, _) in events.iter_mut() {
        if let Some(c) = e.claimed_by.first() {
            let generic = e
                .actor1
                .as_ref()
                .is_none_or(|a| a.name.starts_with("Unidentified"));
            if generic {
                let actor = (ctx.actor_lookup)(&c.actor).unwrap_or(Actor {
                    name: c.actor.clone(),
                    actor_type: Some(ActorType::RebelGroups),
                    country: None,
                });
                e.claimed_by[0].actor = actor.name.clone();
                e.actor1 = Some(actor);
                if let Some(ev) = e.evidence.iter().find(|x| x.field == "claimed_by").cloned() {
                    e.evidence.retain(|x| x.field != "actor1");
                    e.evidence.push(Evidence {
                        field: "actor1".into(),
                        ..ev
                    });
                }
            }
        }
    }
    // events in reading order: the one told first comes first (pass 1 made
    // the dated drafts before the undated ones)
    events.sort_by_key(|(_, idx)| idx.iter().min().copied());
    // finish: notes, confidence, sources, ids
    let mut out = Vec::with_capacity(events.len());
    let mut seen: Vec<String> = Vec::new();
    for (mut e, idx) in events {
        e.notes = notes(&e);
        let mut c: f32 = 0.35;
        if idx.iter().any(|&i| ms[i].date.is_some()) {
            c += 0.15;
        }
        if e.location.as_ref().is_some_and(|l| l.precision <= 2) {
            c += 0.15;
        }
        if e.actor1
            .as_ref()
            .is_some_and(|a| !a.name.starts_with("Unidentified"))
        {
            c += 0.1;
        }
        if e.fatalities.best.is_some() {
            c += 0.1;
        }
        if idx.len() > 1 {
            c += 0.1;
        }
        e.confidence = c.min(0.95);
        e.sources = vec![Source {
            article_id: art.id.clone(),
            title: art.title.clone(),
            url: art.url.clone(),
            publisher: art.publisher.clone(),
            published: art.published.clone(),
            fatalities_reported: e.fatalities.best,
        }];
        let key = format!(
            "{}|{}|{}|{}|{}",
            e.sub_event_type.map(|s| s.label()).unwrap_or(""),
            e.plover.map(|p| p.label()).unwrap_or(""),
            e.event_date.map(|d| d.to_string()).unwrap_or_default(),
            e.location.as_ref().map(|l| l.name.as_str()).unwrap_or(""),
            e.actor1.as_ref().map(|a| a.name.as_str()).unwrap_or("")
        );
        let n = seen.iter().filter(|k| **k == key).count();
        seen.push(key.clone());
        e.id = stable_id(&[&art.id, &key, &n.to_string()]);
        out.push(e);
    }
    out
}
