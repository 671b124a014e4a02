//! The request handlers of SPEC §5.

use crate::error::ApiError;
use crate::params::{self, EventsParams, ExportParams, StatsParams};
use crate::{assets, AppState};
use axum::body::{to_bytes, Body};
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sitrep_model::Event;
use sitrep_store::{
    ArticleReports, EventJsonPage, EventPage, EventQuery, IngestReport, StatsGroup, StatsRow, Store,
};

/// Run a store read on the blocking pool, at most [`crate::ServeConfig::store_readers`]
/// at a time: more concurrent reads than cores only queue inside SQLite, and more than the
/// store's pool of read connections would open (and drop) a connection per request.
async fn blocking<T, F>(st: &AppState, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&dyn Store) -> Result<T, sitrep_store::StoreError> + Send + 'static,
{
    let permit = st
        .readers
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| ApiError::internal("the server is shutting down"))?;
    let store = st.store.clone();
    tokio::task::spawn_blocking(move || {
        let out = f(store.as_ref());
        drop(permit);
        out
    })
    .await
    .map_err(|e| {
        tracing::error!("store task failed: {e}");
        ApiError::internal("the store task failed")
    })?
    .map_err(ApiError::from)
}

/// A JSON response (`no-cache`: the store changes under it).
fn json<T: Serialize>(value: &T) -> Result<Response, ApiError> {
    json_sized(value, 1024)
}

/// A JSON response from bytes already encoded.
fn json_bytes(body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// [`json`] into a buffer of `capacity` bytes to begin with (a large answer then grows
/// without copying itself over and over).
fn json_sized<T: Serialize>(value: &T, capacity: usize) -> Result<Response, ApiError> {
    let mut body = Vec::with_capacity(capacity);
    serde_json::to_writer(&mut body, value)
        .map_err(|e| ApiError::internal(format!("cannot encode the answer: {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response())
}

/// Ids are short printable tokens; anything else cannot name a stored record.
fn check_id(id: &str) -> Result<(), ApiError> {
    if !id_ok(id) {
        return Err(ApiError::not_found("no record has this id"));
    }
    Ok(())
}

/// An event as listed: the whole record, with `evidence` only on request.
#[derive(Serialize)]
struct ListItem<'a> {
    schema_version: u32,
    id: &'a str,
    event_date: &'a Option<chrono::NaiveDate>,
    date_end: &'a Option<chrono::NaiveDate>,
    date_precision: &'a sitrep_model::DatePrecision,
    event_type: &'a Option<sitrep_model::EventType>,
    sub_event_type: &'a Option<sitrep_model::SubEventType>,
    plover: &'a Option<sitrep_model::Plover>,
    plover_mode: &'a Option<String>,
    actor1: &'a Option<sitrep_model::Actor>,
    actor2: &'a Option<sitrep_model::Actor>,
    location: &'a Option<sitrep_model::Location>,
    fatalities: &'a sitrep_model::Fatalities,
    wounded: &'a sitrep_model::Bounds,
    abducted: Option<u32>,
    arrested: Option<u32>,
    claimed_by: &'a [sitrep_model::Claim],
    accused: &'a [sitrep_model::Accusation],
    denied_by: &'a [sitrep_model::Denial],
    background: bool,
    notes: &'a str,
    sources: &'a [sitrep_model::Source],
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a [sitrep_model::Evidence]>,
    confidence: f32,
}

/// The list form of `e` (every field named, so a field added to [`Event`] fails to
/// compile here instead of going missing from the list).
fn list_item(e: &Event, with_evidence: bool) -> ListItem<'_> {
    let Event {
        schema_version,
        id,
        event_date,
        date_end,
        date_precision,
        event_type,
        sub_event_type,
        plover,
        plover_mode,
        actor1,
        actor2,
        location,
        fatalities,
        wounded,
        abducted,
        arrested,
        claimed_by,
        accused,
        denied_by,
        background,
        notes,
        sources,
        evidence,
        confidence,
    } = e;
    ListItem {
        schema_version: *schema_version,
        id,
        event_date,
        date_end,
        date_precision,
        event_type,
        sub_event_type,
        plover,
        plover_mode,
        actor1,
        actor2,
        location,
        fatalities,
        wounded,
        abducted: *abducted,
        arrested: *arrested,
        claimed_by,
        accused,
        denied_by,
        background: *background,
        notes,
        sources,
        evidence: with_evidence.then_some(evidence.as_slice()),
        confidence: *confidence,
    }
}

#[utoipa::path(get, path = "/api/events", tag = "events",
    params(EventsParams),
    responses(
        (status = 200, description = "A page of fused events, newest first (without their evidence unless `evidence=true`)", body = crate::openapi::EventPageDoc),
        (status = 400, description = "A parameter is invalid or unknown", body = crate::openapi::ErrorDoc),
    ))]
/// `GET /api/events`: a filtered page of events.
pub async fn list_events(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p: EventsParams = params::parse(raw.as_deref())?;
    let evidence = params::with_evidence(&p)?;
    let Some(q) = params::events_query(&p)? else {
        return json(&EventPage::default());
    };
    // The store hands out each record as the JSON it keeps; the page is spliced from
    // those texts without decoding them into events and encoding them again.
    let body = blocking(&st, move |s| {
        let page = s.events_json(&q)?;
        list_body(&page, evidence).map_err(|m| sitrep_store::StoreError::Backend {
            db: String::new(),
            reason: format!("a stored event is unreadable: {m}"),
        })
    })
    .await?;
    Ok(json_bytes(body))
}

/// The body of `GET /api/events` from a page of stored JSON records.
fn list_body(page: &EventJsonPage, evidence: bool) -> Result<Vec<u8>, String> {
    let size: usize = page.events.iter().map(|e| e.len() + 1).sum();
    let mut out = Vec::with_capacity(64 + size + page.next_cursor.as_ref().map_or(0, String::len));
    out.extend_from_slice(b"{\"events\":[");
    for (i, stored) in page.events.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_item(&mut out, stored, evidence)?;
    }
    out.extend_from_slice(b"],\"next_cursor\":");
    serde_json::to_writer(&mut out, &page.next_cursor).map_err(|e| e.to_string())?;
    out.push(b'}');
    Ok(out)
}

/// The members of one JSON object, in order, each value as its raw text.
struct Members<'a>(Vec<(&'a str, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Self::Value, A::Error> {
                let mut v = Vec::with_capacity(24);
                while let Some((k, raw)) = m.next_entry::<&'de str, &'de RawValue>()? {
                    v.push((k, raw));
                }
                Ok(Members(v))
            }
        }
        d.deserialize_map(V)
    }
}

/// Append one listed event to `out`: the stored record as is when `evidence` is asked
/// for, else the same members in the same order without `evidence`.
fn push_item(out: &mut Vec<u8>, stored: &str, evidence: bool) -> Result<(), String> {
    if evidence {
        out.extend_from_slice(stored.as_bytes());
        return Ok(());
    }
    match serde_json::from_str::<Members<'_>>(stored) {
        Ok(Members(members)) => {
            out.push(b'{');
            let mut first = true;
            for (k, v) in members.into_iter().filter(|(k, _)| *k != "evidence") {
                if !first {
                    out.push(b',');
                }
                first = false;
                // a key borrowed from the text has no escapes: quoting it is exact
                out.push(b'"');
                out.extend_from_slice(k.as_bytes());
                out.extend_from_slice(b"\":");
                out.extend_from_slice(v.get().as_bytes());
            }
            out.push(b'}');
            Ok(())
        }
        Err(_) => {
            // a key written with escapes, or not an object: decode it as a record
            let ev: Event = serde_json::from_str(stored).map_err(|e| e.to_string())?;
            serde_json::to_writer(&mut *out, &list_item(&ev, false)).map_err(|e| e.to_string())
        }
    }
}

#[utoipa::path(get, path = "/api/events/{id}", tag = "events",
    params(("id" = String, Path, description = "Event id")),
    responses(
        (status = 200, description = "The event with its sources and evidence", body = crate::openapi::EventDoc),
        (status = 404, description = "No such event", body = crate::openapi::ErrorDoc),
    ))]
/// `GET /api/events/{id}`: one event.
pub async fn get_event(
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    check_id(&id)?;
    let found = blocking(&st, move |s| s.event(&id)).await?;
    match found {
        Some(ev) => json(&ev),
        None => Err(ApiError::not_found("no event has this id")),
    }
}

#[utoipa::path(get, path = "/api/articles/{id}", tag = "articles",
    params(("id" = String, Path, description = "Article id (`sources[].article_id`, `evidence[].article_id`)")),
    responses(
        (status = 200, description = "The stored article; evidence offsets index its `text` (UTF-8 bytes)", body = crate::openapi::ArticleDoc),
        (status = 404, description = "No such article", body = crate::openapi::ErrorDoc),
    ))]
/// `GET /api/articles/{id}`: one stored article, for showing evidence in context.
pub async fn get_article(
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    check_id(&id)?;
    let found = blocking(&st, move |s| s.article(&id)).await?;
    match found {
        Some(a) => json(&a),
        None => Err(ApiError::not_found("no article has this id")),
    }
}

/// The answer of `GET /api/stats`.
#[derive(Debug, Serialize)]
pub struct StatsAnswer {
    /// The grouping used.
    pub group: StatsGroup,
    /// One row per group (and per event type, for the time groups).
    pub rows: Vec<StatsRow>,
}

#[utoipa::path(get, path = "/api/stats", tag = "events",
    params(StatsParams),
    responses(
        (status = 200, description = "Counts and fatalities per group over the filtered events", body = crate::openapi::StatsDoc),
        (status = 400, description = "A parameter is invalid or unknown", body = crate::openapi::ErrorDoc),
    ))]
/// `GET /api/stats`: counts and fatalities for charts.
pub async fn stats(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p: StatsParams = params::parse(raw.as_deref())?;
    let (q, group) = params::stats_query(&p)?;
    let rows = match q {
        Some(q) => blocking(&st, move |s| s.stats(&q, group)).await?,
        None => Vec::new(),
    };
    json(&StatsAnswer { group, rows })
}

/// The answer of `GET /api/meta`.
#[derive(Debug, Serialize)]
pub struct Meta {
    /// sitrep's version.
    pub version: &'static str,
    /// The event record's schema version.
    pub schema_version: u32,
    /// Whether `POST /api/articles` is enabled (a token was configured).
    pub writable: bool,
    /// What the store holds.
    pub counts: sitrep_store::StoreCounts,
}

#[utoipa::path(get, path = "/api/meta", tag = "meta",
    responses((status = 200, description = "Version, write mode and store counts", body = crate::openapi::MetaDoc)))]
/// `GET /api/meta`: what this server is and what the store holds.
pub async fn meta(State(st): State<AppState>) -> Result<Response, ApiError> {
    let counts = blocking(&st, |s| s.counts()).await?;
    json(&Meta {
        version: env!("CARGO_PKG_VERSION"),
        schema_version: sitrep_model::SCHEMA_VERSION,
        writable: st.config.token.is_some(),
        counts,
    })
}

/// Collect up to `cap` events of a query, page by page.
fn collect_events(
    s: &dyn Store,
    mut q: EventQuery,
    cap: usize,
) -> Result<Vec<Event>, sitrep_store::StoreError> {
    let mut out = Vec::new();
    q.cursor = None;
    loop {
        q.limit = Some((cap - out.len()).min(params::MAX_LIMIT));
        let page = s.events(&q)?;
        let empty = page.events.is_empty();
        out.extend(page.events);
        match page.next_cursor {
            Some(c) if !empty && out.len() < cap => q.cursor = Some(c),
            _ => break,
        }
    }
    out.truncate(cap);
    Ok(out)
}

async fn export(
    st: AppState,
    raw: Option<String>,
    render: fn(&[Event]) -> Result<Vec<u8>, String>,
    content_type: &'static str,
    file_name: &'static str,
) -> Result<Response, ApiError> {
    let p: ExportParams = params::parse(raw.as_deref())?;
    let (q, cap) = params::export_query(&p, st.config.max_export)?;
    let events = match q {
        Some(q) => blocking(&st, move |s| collect_events(s, q, cap)).await?,
        None => Vec::new(),
    };
    let body = tokio::task::spawn_blocking(move || render(&events))
        .await
        .map_err(|_| ApiError::internal("the export task failed"))?
        .map_err(|e| ApiError::internal(format!("cannot write the export: {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
            (header::CONTENT_DISPOSITION, file_name),
        ],
        body,
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/events.geojson", tag = "exports",
    params(ExportParams),
    responses(
        (status = 200, description = "GeoJSON FeatureCollection of the located filtered events (SPEC §4)", content_type = "application/geo+json", body = serde_json::Value),
        (status = 400, description = "A parameter is invalid or unknown", body = crate::openapi::ErrorDoc),
    ))]
/// `GET /api/events.geojson`.
pub async fn events_geojson(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    export(
        st,
        raw,
        crate::exports::geojson,
        "application/geo+json",
        "inline; filename=\"events.geojson\"",
    )
    .await
}

#[utoipa::path(get, path = "/api/events.csv", tag = "exports",
    params(ExportParams),
    responses(
        (status = 200, description = "Flat CSV of the filtered events, nested fields as dotted columns (SPEC §1)", content_type = "text/csv", body = String),
        (status = 400, description = "A parameter is invalid or unknown", body = crate::openapi::ErrorDoc),
    ))]
/// `GET /api/events.csv`.
pub async fn events_csv(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    export(
        st,
        raw,
        crate::exports::csv,
        "text/csv; charset=utf-8",
        "attachment; filename=\"events.csv\"",
    )
    .await
}

/// One article accepted by `POST /api/articles`.
#[derive(Debug, Serialize)]
pub struct Accepted {
    /// Position in the posted batch (0 for a single object).
    pub index: usize,
    /// The article's id.
    pub id: String,
    /// How many events were extracted from it.
    pub events: usize,
}

/// One article refused by `POST /api/articles`.
#[derive(Debug, Serialize)]
pub struct Rejected {
    /// Position in the posted batch.
    pub index: usize,
    /// Why it was refused.
    pub message: String,
}

/// The answer of `POST /api/articles`.
#[derive(Debug, Serialize)]
pub struct IngestAnswer {
    /// What the store did.
    pub report: IngestReport,
    /// Articles read and ingested.
    pub accepted: Vec<Accepted>,
    /// Articles that could not be read (the rest of the batch was still ingested).
    pub rejected: Vec<Rejected>,
}

/// Whether `id` can name a stored record in a URL path (see [`check_id`]).
fn id_ok(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 256
        && id
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'/' && b != b'\\')
}

/// Checks a posted article against the `ArticleIn` schema of the description, strictly:
/// `text` a string with a visible character, `id` an id that `GET /api/articles/{id}`
/// can name, the other documented fields strings (or null), `summary` a list of strings.
fn check_article_json(v: &serde_json::Value) -> Result<(), String> {
    use serde_json::Value;
    let Some(obj) = v.as_object() else {
        return Err("not a JSON object".into());
    };
    match obj.get("text") {
        Some(Value::String(t))
            if t.chars()
                .any(|c| !c.is_whitespace() && !('\u{1c}'..='\u{1f}').contains(&c)) => {}
        Some(Value::String(_)) => return Err("`text` is blank".into()),
        Some(_) => return Err("`text` is not a string".into()),
        None => return Err("no `text`".into()),
    }
    match obj.get("id") {
        None | Some(Value::Null) => {}
        Some(Value::String(id)) if id_ok(id) => {}
        Some(_) => {
            return Err(
                "`id` must be 1 to 256 printable ASCII characters without `/` or `\\`".into(),
            )
        }
    }
    for k in ["title", "url", "published", "source", "dateline"] {
        if !matches!(obj.get(k), None | Some(Value::Null | Value::String(_))) {
            return Err(format!("`{k}` is not a string"));
        }
    }
    match obj.get("summary") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {}
        Some(_) => return Err("`summary` is not a list of strings".into()),
    }
    Ok(())
}

/// Constant-time comparison of two byte strings.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Refuse writes from another site: when the browser says where the request comes from,
/// it must be this server.
fn check_origin(headers: &HeaderMap) -> Result<(), ApiError> {
    let forbidden = |m: &str| ApiError::new(StatusCode::FORBIDDEN, "cross_origin", m);
    if let Some(site) = headers.get("sec-fetch-site") {
        let site = site.to_str().unwrap_or("");
        if site == "cross-site" || site == "same-site" {
            return Err(forbidden("cross-site writes are refused"));
        }
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        let authority = origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"));
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
        match (authority, host) {
            (Some(a), Some(h)) if a.eq_ignore_ascii_case(h) => {}
            _ => return Err(forbidden("the Origin of this write is not this server")),
        }
    }
    Ok(())
}

fn check_token(headers: &HeaderMap, token: Option<&str>) -> Result<(), ApiError> {
    let Some(token) = token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "read_only",
            "this server is read-only: start it with --token (or SITREP_TOKEN) to accept writes",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, rest) = v.split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        });
    match given {
        Some(g) if same_secret(g.as_bytes(), token.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "the bearer token is wrong",
        )),
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "send `Authorization: Bearer TOKEN`",
        )),
    }
}

#[utoipa::path(post, path = "/api/articles", tag = "articles",
    request_body(content = crate::openapi::ArticlesInDoc, description = "One article object, or an array of 1 to 1,000 of them; only `text` is required", content_type = "application/json"),
    responses(
        (status = 200, description = "What was ingested; unreadable articles are listed and the rest still ingested", body = crate::openapi::IngestAnswerDoc),
        (status = 400, description = "The body is not JSON, or not an object or array of objects", body = crate::openapi::ErrorDoc),
        (status = 401, description = "Missing or wrong bearer token", body = crate::openapi::ErrorDoc),
        (status = 403, description = "The server is read-only (no token configured), or the write came from another site", body = crate::openapi::ErrorDoc),
        (status = 413, description = "Body or batch too large", body = crate::openapi::ErrorDoc),
        (status = 415, description = "The body is not application/json", body = crate::openapi::ErrorDoc),
        (status = 422, description = "The single posted article could not be read", body = crate::openapi::ErrorDoc),
    ),
    security(("bearer" = [])))]
/// `POST /api/articles`: read, extract and ingest articles.
pub async fn post_articles(State(st): State<AppState>, req: Request) -> Result<Response, ApiError> {
    let headers = req.headers();
    check_origin(headers)?;
    check_token(headers, st.config.token.as_deref())?;
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            let v = v.trim_start().to_ascii_lowercase();
            v.starts_with("application/json")
        })
        .unwrap_or(false);
    if !is_json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the article(s) as application/json",
        ));
    }
    let limit = st.config.body_limit;
    let bytes = to_bytes(req.into_body(), limit).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("the body is larger than {limit} bytes"),
        )
    })?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            format!("not JSON: {e}"),
        )
    })?;
    let (items, single) = match value {
        serde_json::Value::Array(items) => (items, false),
        obj @ serde_json::Value::Object(_) => (vec![obj], true),
        _ => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_json",
                "expected an article object or an array of article objects",
            ))
        }
    };
    if items.is_empty() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            "the batch is empty",
        ));
    }
    if items.len() > st.config.max_batch {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("at most {} articles per request", st.config.max_batch),
        ));
    }
    if let Some(i) = items.iter().position(|v| !v.is_object()) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            format!("item {i} of the batch is not a JSON object"),
        ));
    }
    let analyzer = st.analyzer.clone();
    let store = st.store.clone();
    let answer = tokio::task::spawn_blocking(move || -> Result<IngestAnswer, ApiError> {
        let mut batch = Vec::new();
        let mut accepted = Vec::new();
        let mut rejected = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let read = check_article_json(item)
                .map_err(|m| format!("article {index}: {m}"))
                .and_then(|()| analyzer.read(item, index));
            match read {
                Ok(article) => {
                    let events = analyzer.extract(&article);
                    accepted.push(Accepted {
                        index,
                        id: article.id.clone(),
                        events: events.len(),
                    });
                    batch.push(ArticleReports { article, events });
                }
                Err(message) => rejected.push(Rejected { index, message }),
            }
        }
        if batch.is_empty() && single {
            let why = rejected
                .first()
                .map(|r| r.message.clone())
                .unwrap_or_default();
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_article",
                format!("no article could be read: {why}"),
            ));
        }
        // a batch of which nothing could be read: every object is listed in `rejected`
        let report = if batch.is_empty() {
            IngestReport::default()
        } else {
            store.ingest(&batch)?
        };
        Ok(IngestAnswer {
            report,
            accepted,
            rejected,
        })
    })
    .await
    .map_err(|_| ApiError::internal("the ingest task failed"))??;
    json(&answer)
}

#[utoipa::path(get, path = "/openapi.json", tag = "meta",
    responses((status = 200, description = "This description", body = serde_json::Value)))]
/// `GET /openapi.json`.
pub async fn openapi_json() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        crate::openapi::document_json(),
    )
        .into_response()
}

fn page(html: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        html,
    )
        .into_response()
}

#[utoipa::path(get, path = "/", tag = "dashboard",
    responses((status = 200, description = "The dashboard (HTML)", content_type = "text/html", body = String)))]
/// `GET /`: the dashboard.
pub async fn index() -> Response {
    page(assets::INDEX_HTML)
}

#[utoipa::path(get, path = "/event/{id}", tag = "dashboard",
    params(("id" = String, Path, description = "Event id")),
    responses(
        (status = 200, description = "The event page (HTML)", content_type = "text/html", body = String),
        (status = 404, description = "Not a possible event id", body = crate::openapi::ErrorDoc),
    ))]
/// `GET /event/{id}`: the event page (the same single page, which reads the path).
pub async fn event_page(Path(id): Path<String>) -> Result<Response, ApiError> {
    check_id(&id)?;
    Ok(page(assets::INDEX_HTML))
}

#[utoipa::path(get, path = "/assets/{name}", tag = "dashboard",
    params(("name" = String, Path, description = "One of the embedded file names (e.g. `app.js`, `vendor/leaflet.js`)")),
    responses(
        (status = 200, description = "The file", body = String),
        (status = 404, description = "Not an embedded file", body = crate::openapi::ErrorDoc),
    ))]
/// `GET /assets/{*name}`: one of the embedded files, by exact name.
pub async fn asset(Path(name): Path<String>) -> Result<Response, ApiError> {
    let (ct, bytes) = assets::find(&name).ok_or_else(|| ApiError::not_found("no such asset"))?;
    let mut resp = Body::from(bytes).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Event {
        let mut ev = Event {
            id: "e1".into(),
            notes: "a \"quoted\" note, with \\ and é".into(),
            ..Event::default()
        };
        ev.evidence.push(sitrep_model::Evidence {
            field: "event_type".into(),
            article_id: "a1".into(),
            start: 0,
            end: 5,
            text: "Blast".into(),
        });
        ev
    }

    #[test]
    fn listed_items_are_the_record_with_or_without_its_evidence() {
        let ev = record();
        let stored = serde_json::to_string(&ev).unwrap();
        let page = EventJsonPage {
            events: vec![stored.clone(), stored],
            next_cursor: Some("ab".into()),
        };
        let full: serde_json::Value =
            serde_json::from_slice(&list_body(&page, true).unwrap()).unwrap();
        let light: serde_json::Value =
            serde_json::from_slice(&list_body(&page, false).unwrap()).unwrap();
        let whole = serde_json::to_value(&ev).unwrap();
        assert_eq!(full["events"][1], whole);
        assert_eq!(full["next_cursor"], "ab");
        let mut no_ev = whole.clone();
        no_ev.as_object_mut().unwrap().remove("evidence");
        assert_eq!(light["events"][0], no_ev);
        assert_eq!(light["events"].as_array().unwrap().len(), 2);
        // the same members in the same order as the derived encoding without evidence
        let derived = serde_json::to_string(&list_item(&ev, false)).unwrap();
        let mut out = Vec::new();
        push_item(&mut out, &serde_json::to_string(&ev).unwrap(), false).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), derived);
        // an empty page
        let empty = list_body(&EventJsonPage::default(), false).unwrap();
        assert_eq!(empty, br#"{"events":[],"next_cursor":null}"#);
    }

    #[test]
    fn a_stored_record_with_escaped_keys_still_lists() {
        let ev = record();
        let stored = serde_json::to_string(&ev)
            .unwrap()
            .replace("\"notes\"", "\"not\\u0065s\"");
        let mut out = Vec::new();
        push_item(&mut out, &stored, false).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["notes"], ev.notes.as_str());
        assert!(v.get("evidence").is_none());
        let mut out = Vec::new();
        assert!(push_item(&mut out, "[1]", false).is_err());
    }
}
