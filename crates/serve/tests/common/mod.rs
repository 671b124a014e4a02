//! Test doubles: an in-memory `Store` and a tiny `Analyzer`. The router tests use
//! them; the end-to-end tests in `crates/sitrep/tests/` use the real store.

#![allow(dead_code, missing_docs)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use sitrep_model::*;
use sitrep_serve::{Analyzer, ServeConfig};
use sitrep_store::*;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use tower::ServiceExt;

/// An in-memory store with the trait's semantics (newest first, offset cursors).
#[derive(Default)]
pub struct MemStore {
    pub inner: Mutex<(Vec<Event>, BTreeMap<String, Article>)>,
    pub delay_ms: u64,
}

fn matches(e: &Event, q: &EventQuery, arts: &BTreeMap<String, Article>) -> bool {
    if let Some(f) = q.from {
        if e.event_date.is_none_or(|d| d < f) {
            return false;
        }
    }
    if let Some(t) = q.to {
        if e.event_date.is_none_or(|d| d > t) {
            return false;
        }
    }
    let loc = e.location.as_ref();
    if let Some(c) = &q.country {
        if loc.and_then(|l| l.country_code.as_deref()) != Some(c.as_str()) {
            return false;
        }
    }
    if let Some(a) = &q.admin1 {
        if !loc
            .and_then(|l| l.admin1.as_deref())
            .is_some_and(|x| x.eq_ignore_ascii_case(a))
        {
            return false;
        }
    }
    if let Some(t) = q.event_type {
        if e.event_type != Some(t) {
            return false;
        }
    }
    if let Some(a) = &q.actor {
        let a = a.to_lowercase();
        let hit = [&e.actor1, &e.actor2].iter().any(|x| {
            x.as_ref()
                .is_some_and(|x| x.name.to_lowercase().contains(&a))
        });
        if !hit {
            return false;
        }
    }
    if let Some([w, s, ea, n]) = q.bbox {
        match loc.and_then(|l| Some((l.lon?, l.lat?))) {
            Some((x, y)) if x >= w && x <= ea && y >= s && y <= n => {}
            _ => return false,
        }
    }
    if let Some(t) = &q.text {
        let t = t.to_lowercase();
        if !e.sources.iter().any(|s| {
            arts.get(&s.article_id)
                .is_some_and(|a| a.text.to_lowercase().contains(&t))
        }) {
            return false;
        }
    }
    true
}

impl MemStore {
    pub fn with(events: Vec<Event>, articles: Vec<Article>) -> Self {
        MemStore {
            inner: Mutex::new((
                events,
                articles.into_iter().map(|a| (a.id.clone(), a)).collect(),
            )),
            delay_ms: 0,
        }
    }

    fn filtered(&self, q: &EventQuery) -> Vec<Event> {
        let g = self.inner.lock().unwrap();
        let mut v: Vec<Event> =
            g.0.iter()
                .filter(|e| matches(e, q, &g.1))
                .cloned()
                .collect();
        v.sort_by(|a, b| b.event_date.cmp(&a.event_date).then(b.id.cmp(&a.id)));
        v
    }
}

impl Store for MemStore {
    fn ingest(&self, batch: &[ArticleReports]) -> Result<IngestReport, StoreError> {
        let mut g = self.inner.lock().unwrap();
        let mut r = IngestReport::default();
        for ar in batch {
            if g.1.contains_key(&ar.article.id) {
                r.unchanged += 1;
                continue;
            }
            g.1.insert(ar.article.id.clone(), ar.article.clone());
            r.added += 1;
            r.events_touched += ar.events.len();
            g.0.extend(ar.events.iter().cloned());
        }
        Ok(r)
    }

    fn events(&self, q: &EventQuery) -> Result<EventPage, StoreError> {
        if self.delay_ms > 0 {
            std::thread::sleep(std::time::Duration::from_millis(self.delay_ms));
        }
        let all = self.filtered(q);
        // keyset cursor in the store's shared format: the (date, id) of the last item
        let key = |e: &Event| {
            (
                e.event_date.map(|d| d.to_string()).unwrap_or_default(),
                e.id.clone(),
            )
        };
        let start = match &q.cursor {
            None => 0,
            Some(c) => {
                let (d, id) = decode_cursor(c)?;
                all.iter()
                    .position(|e| key(e) == (d.clone(), id.clone()))
                    .map(|i| i + 1)
                    .ok_or_else(|| StoreError::BadQuery("stale cursor".into()))?
            }
        };
        let limit = q.limit.unwrap_or(50);
        let events: Vec<Event> = all.iter().skip(start).take(limit).cloned().collect();
        let next = start + events.len();
        Ok(EventPage {
            next_cursor: (next < all.len())
                .then(|| {
                    events.last().map(|e| {
                        let (d, id) = key(e);
                        encode_cursor(&d, &id)
                    })
                })
                .flatten(),
            events,
        })
    }

    fn event(&self, id: &str) -> Result<Option<Event>, StoreError> {
        Ok(self
            .inner
            .lock()
            .unwrap()
            .0
            .iter()
            .find(|e| e.id == id)
            .cloned())
    }

    fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        Ok(self.inner.lock().unwrap().1.get(id).cloned())
    }

    fn stats(&self, q: &EventQuery, group: StatsGroup) -> Result<Vec<StatsRow>, StoreError> {
        let mut m: BTreeMap<(String, Option<String>), (u64, u64)> = BTreeMap::new();
        for e in self.filtered(q) {
            let ty = e.event_type.map(|t| t.label().to_string());
            let key = match group {
                StatsGroup::Day => (e.event_date.map(|d| d.to_string()), ty),
                StatsGroup::Month => (e.event_date.map(|d| d.format("%Y-%m").to_string()), ty),
                StatsGroup::Week => (e.event_date.map(|d| d.to_string()), ty),
                StatsGroup::Admin1 => (e.location.as_ref().and_then(|l| l.admin1.clone()), None),
                StatsGroup::Actor => (e.actor1.as_ref().map(|a| a.name.clone()), None),
                StatsGroup::Type => (ty, None),
            };
            let slot = m.entry((key.0.unwrap_or_default(), key.1)).or_default();
            slot.0 += 1;
            slot.1 += u64::from(e.fatalities.best.unwrap_or(0));
        }
        Ok(m.into_iter()
            .map(|((key, event_type), (events, fatalities))| StatsRow {
                key,
                event_type,
                events,
                fatalities,
            })
            .collect())
    }

    fn counts(&self) -> Result<StoreCounts, StoreError> {
        let g = self.inner.lock().unwrap();
        Ok(StoreCounts {
            articles: g.1.len() as u64,
            reports: g.0.len() as u64,
            events: g.0.len() as u64,
        })
    }
}

/// Reads `{"id"?, "text", "title"?}`; extracts one Battles event when the text says "killed".
pub struct TestAnalyzer;

impl Analyzer for TestAnalyzer {
    fn read(&self, v: &serde_json::Value, _index: usize) -> Result<Article, String> {
        let text = v
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or("`text` is required")?;
        let id = v
            .get("id")
            .and_then(|t| t.as_str())
            .map(String::from)
            .unwrap_or_else(|| stable_id(&["http", text]));
        Ok(Article {
            id,
            input: "http".into(),
            title: v.get("title").and_then(|t| t.as_str()).map(String::from),
            text: text.to_string(),
            ..Article::default()
        })
    }

    fn extract(&self, a: &Article) -> Vec<Event> {
        match a.text.find("killed") {
            None => vec![],
            Some(i) => vec![Event {
                id: stable_id(&["ev", &a.id]),
                event_type: Some(EventType::Battles),
                event_date: NaiveDateExt::d("2026-03-01"),
                sources: vec![Source {
                    article_id: a.id.clone(),
                    ..Source::default()
                }],
                evidence: vec![Evidence {
                    field: "event_type".into(),
                    article_id: a.id.clone(),
                    start: i,
                    end: i + 6,
                    text: "killed".into(),
                }],
                ..Event::default()
            }],
        }
    }
}

pub struct NaiveDateExt;
impl NaiveDateExt {
    pub fn d(s: &str) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }
}

/// A small fixture set: 30 events over three provinces, two types, with articles.
pub fn fixture() -> MemStore {
    let provinces = [
        ("Balochistan", 30.19, 67.0, "Quetta"),
        ("Khyber Pakhtunkhwa", 34.0, 71.5, "Peshawar"),
        ("Sindh", 24.86, 67.0, "Karachi"),
    ];
    let mut events = Vec::new();
    let mut articles = Vec::new();
    for i in 0..30u32 {
        let (admin1, lat, lon, town) = provinces[(i % 3) as usize];
        let aid = format!("art{i:02}");
        let text = format!(
            "{town}: Gunmen attacked a checkpost on day {i}, killing {} policemen, officials said.",
            i % 5
        );
        let start = text.find("killing").unwrap();
        articles.push(Article {
            id: aid.clone(),
            input: "fixture".into(),
            title: Some(format!("Attack in {town}")),
            text: text.clone(),
            ..Article::default()
        });
        events.push(Event {
            id: format!("ev{i:02}"),
            event_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1 + i),
            date_precision: DatePrecision::Day,
            event_type: Some(if i % 2 == 0 {
                EventType::Battles
            } else {
                EventType::ExplosionsRemoteViolence
            }),
            actor1: Some(Actor {
                name: if i % 4 == 0 {
                    "TTP: Tehreek-i-Taliban Pakistan".into()
                } else {
                    "Unidentified Armed Group (Pakistan)".into()
                },
                actor_type: Some(ActorType::RebelGroups),
                country: Some("PK".into()),
            }),
            actor2: Some(Actor {
                name: "Police Forces of Pakistan".into(),
                actor_type: Some(ActorType::StateForces),
                country: Some("PK".into()),
            }),
            location: Some(Location {
                name: town.into(),
                admin1: Some(admin1.into()),
                country: Some("Pakistan".into()),
                country_code: Some("PK".into()),
                lat: Some(lat),
                lon: Some(lon),
                precision: 1,
                ..Location::default()
            }),
            fatalities: Fatalities {
                best: Some(i % 5),
                state_forces: Some(i % 5),
                ..Fatalities::default()
            },
            sources: vec![Source {
                article_id: aid.clone(),
                title: Some(format!("Attack in {town}")),
                fatalities_reported: Some(i % 5),
                ..Source::default()
            }],
            evidence: vec![Evidence {
                field: "fatalities.state_forces".into(),
                article_id: aid,
                start,
                end: start + 7,
                text: "killing".into(),
            }],
            ..Event::default()
        });
    }
    MemStore::with(events, articles)
}

pub fn app_with(store: MemStore, config: ServeConfig) -> axum::Router {
    sitrep_serve::router(Arc::new(store), Arc::new(TestAnalyzer), config)
}

pub fn app() -> axum::Router {
    app_with(fixture(), ServeConfig::default())
}

/// Send a request; answer status, headers and body.
pub async fn send(
    app: &axum::Router,
    req: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = resp
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

pub async fn get(app: &axum::Router, uri: &str) -> (StatusCode, serde_json::Value) {
    let (s, h, b) = send(app, Request::get(uri).body(Body::empty()).unwrap()).await;
    let ct = h
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let v = if ct.starts_with("application/json") {
        serde_json::from_slice(&b).unwrap_or_else(|e| panic!("{uri}: bad JSON {e}"))
    } else {
        serde_json::Value::String(String::from_utf8_lossy(&b).into_owned())
    };
    (s, v)
}

/// Assert the stable error shape and return the code.
pub fn error_code(v: &serde_json::Value) -> String {
    let code = v["error"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("not an error body: {v}"));
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "error without message: {v}"
    );
    assert!(
        sitrep_serve::ERROR_CODES.iter().any(|(c, _)| *c == code),
        "undocumented code {code}"
    );
    code.to_string()
}
