//! Helpers shared by the gazetteer's behaviour tests.

use std::sync::OnceLock;

use sitrep_gazetteer::{DocContext, Gazetteer, ResolvedPlace};

/// The embedded gazetteer, loaded once per test binary.
pub fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::embedded().expect("embedded gazetteer loads"))
}

/// The places resolved in `text` with no document context.
pub fn places(text: &str) -> Vec<ResolvedPlace> {
    let g = gaz();
    let rec = g.recognise(text);
    g.resolve(text, &rec, &DocContext::default())
}

/// The resolved place whose span reads `name`.
pub fn place<'a>(ps: &'a [ResolvedPlace], text: &str, name: &str) -> Option<&'a ResolvedPlace> {
    ps.iter().find(|p| &text[p.span.start..p.span.end] == name)
}
