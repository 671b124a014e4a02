//! The OpenAPI description, generated from the handlers' annotations and the
//! schema types below, so it cannot drift from the code: a test checks that every
//! key of a fully populated record appears in its schema, and the reverse.
//!
//! The record types live in `sitrep-model` and `sitrep-store`, which know nothing
//! of OpenAPI; the `*Doc` types here mirror their JSON shape.

#![allow(dead_code)]

use serde::Serialize;
use std::sync::OnceLock;
use utoipa::openapi::schema::{Object, ObjectBuilder, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, PartialSchema, ToSchema};

fn string_schema() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

/// Schema of the `type` filter: the ACLED event types, by exact label.
pub fn event_type_param() -> Object {
    string_schema()
        .enum_values(Some(sitrep_model::EventType::ALL.iter().map(|t| t.label())))
        .build()
}

/// Schema of `group` (`GET /api/stats`).
pub fn group_param() -> Object {
    string_schema()
        .enum_values(Some(["day", "week", "month", "admin1", "actor", "type"]))
        .build()
}

/// The pattern of `bbox`: four plain decimals W,S,E,N within -180..180 and -90..90.
pub fn bbox_pattern() -> String {
    let frac = r"(?:\.[0-9]+)?";
    let lon = format!(r"-?0*(?:180(?:\.0+)?|(?:1[0-7][0-9]|[1-9]?[0-9]){frac})");
    let lat = format!(r"-?0*(?:90(?:\.0+)?|[1-8]?[0-9]{frac})");
    format!("^{lon},{lat},{lon},{lat}$")
}

/// Schema of `bbox`.
pub fn bbox_param() -> Object {
    string_schema().pattern(Some(bbox_pattern())).build()
}

/// Hex of literal ASCII text.
fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

/// Hex of one ASCII digit from the class `c` (e.g. `0-9`, `13578`).
fn hex_digit(c: &str) -> String {
    format!("3[{c}]")
}

/// A valid `YYYY-MM-DD` calendar date, as a pattern over its hex encoding.
fn hex_date() -> String {
    let d = hex_digit;
    let dash = hex("-");
    let year = format!("(?:{}){{4}}", d("0-9"));
    let d31 = format!(
        "(?:{}{}|{}{}|{}{})",
        d("0"),
        d("1-9"),
        d("12"),
        d("0-9"),
        d("3"),
        d("01")
    );
    let d30 = format!(
        "(?:{}{}|{}{}|{})",
        d("0"),
        d("1-9"),
        d("12"),
        d("0-9"),
        hex("30")
    );
    let d28 = format!(
        "(?:{}{}|{}{}|{}{})",
        d("0"),
        d("1-9"),
        d("1"),
        d("0-9"),
        d("2"),
        d("0-8")
    );
    let m31 = format!("(?:{}{}|{}{})", d("0"), d("13578"), d("1"), d("02"));
    let m30 = format!("(?:{}{}|{})", d("0"), d("469"), hex("11"));
    let two = format!("(?:{}){{2}}", d("0-9"));
    let by4 = format!(
        "(?:{}{}|{}{}|{}{})",
        d("0"),
        d("48"),
        d("2468"),
        d("048"),
        d("13579"),
        d("26")
    );
    let by4_no0 = format!("(?:{}{}|{}{})", d("02468"), d("048"), d("13579"), d("26"));
    // a year divisible by 4 but not by 100, or by 400
    let leap = format!("(?:{two}{by4}|{by4_no0}{})", hex("00"));
    format!(
        "(?:{year}{dash}{m31}{dash}{d31}|{year}{dash}{m30}{dash}{d30}|{year}{dash}{feb}{dash}{d28}|{leap}{dash}{feb}{dash}{d29})",
        feb = hex("02"),
        d29 = hex("29"),
    )
}

/// The pattern of a cursor: the hex of `v1|DATE|ID` (DATE a calendar date or empty, ID
/// printable ASCII), the keyset position both store backends hand out.
pub fn cursor_pattern() -> String {
    format!(
        "^{}(?:{})?{}(?:[2-6][0-9a-f]|7[0-9a-e])+$",
        hex("v1|"),
        hex_date(),
        hex("|")
    )
}

/// Schema of `cursor`.
pub fn cursor_param() -> Object {
    string_schema()
        .pattern(Some(cursor_pattern()))
        .max_length(Some(512))
        .build()
}

/// An error answer.
#[derive(Serialize, ToSchema)]
#[schema(as = Error)]
pub struct ErrorDoc {
    error: ErrorInnerDoc,
}

/// The body of an error answer.
#[derive(Serialize, ToSchema)]
#[schema(as = ErrorInner)]
pub struct ErrorInnerDoc {
    /// Stable code: invalid_parameter, unknown_parameter, invalid_json, bad_request,
    /// unauthorized, read_only, cross_origin, not_found, method_not_allowed,
    /// payload_too_large, unsupported_media_type, invalid_article, store_error,
    /// internal, timeout.
    #[schema(example = "invalid_parameter")]
    code: String,
    /// What went wrong.
    message: String,
}

/// An actor (ACLED naming).
#[derive(Serialize, ToSchema)]
#[schema(as = Actor)]
pub struct ActorDoc {
    #[schema(example = "BLA: Baloch Liberation Army")]
    name: String,
    /// ACLED actor type (inter-code label).
    #[serde(rename = "type")]
    #[schema(example = "Rebel Groups")]
    actor_type: Option<String>,
    /// ISO 3166-1 alpha-2.
    country: Option<String>,
}

/// Where an event happened (coordinates from the gazetteer only).
#[derive(Serialize, ToSchema)]
#[schema(as = Location)]
pub struct LocationDoc {
    name: String,
    admin1: Option<String>,
    admin2: Option<String>,
    country: Option<String>,
    country_code: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    geonames_id: Option<u64>,
    /// 1 town, 2 near a town / district, 3 province, region or country.
    precision: u8,
}

/// Deaths: bounds and split by side; null is unknown, 0 is "nobody died".
#[derive(Serialize, ToSchema)]
#[schema(as = Fatalities)]
pub struct FatalitiesDoc {
    best: Option<u32>,
    low: Option<u32>,
    high: Option<u32>,
    civilians: Option<u32>,
    state_forces: Option<u32>,
    militants: Option<u32>,
    unknown: Option<u32>,
}

/// Bounds of a count (wounded).
#[derive(Serialize, ToSchema)]
#[schema(as = Bounds)]
pub struct BoundsDoc {
    best: Option<u32>,
    low: Option<u32>,
    high: Option<u32>,
}

/// A claim of responsibility.
#[derive(Serialize, ToSchema)]
#[schema(as = Claim)]
pub struct ClaimDoc {
    actor: String,
}

/// An accusation.
#[derive(Serialize, ToSchema)]
#[schema(as = Accusation)]
pub struct AccusationDoc {
    by: String,
    target: String,
}

/// A denial.
#[derive(Serialize, ToSchema)]
#[schema(as = Denial)]
pub struct DenialDoc {
    actor: String,
}

/// One report behind an event.
#[derive(Serialize, ToSchema)]
#[schema(as = Source)]
pub struct SourceDoc {
    article_id: String,
    title: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
    published: Option<String>,
    /// The death toll this source reported.
    fatalities_reported: Option<u32>,
}

/// The text behind one coded field: UTF-8 byte offsets into the article's `text`.
#[derive(Serialize, ToSchema)]
#[schema(as = Evidence)]
pub struct EvidenceDoc {
    /// Dotted field name: event_type, actor1, location, fatalities.civilians, …
    field: String,
    article_id: String,
    start: usize,
    end: usize,
    text: String,
}

/// The event record (SPEC §3, schema_version 1).
#[derive(Serialize, ToSchema)]
#[schema(as = Event)]
pub struct EventDoc {
    #[schema(example = 1)]
    schema_version: u32,
    id: String,
    #[schema(format = Date)]
    event_date: Option<String>,
    #[schema(format = Date)]
    date_end: Option<String>,
    /// day, days, week, month, year or unknown.
    #[schema(example = "day")]
    date_precision: String,
    /// ACLED event type, or null for verbal events.
    #[schema(example = "Explosions/Remote violence")]
    event_type: Option<String>,
    /// ACLED sub-event type.
    #[schema(example = "Suicide bomb")]
    sub_event_type: Option<String>,
    /// PLOVER event type.
    #[schema(example = "ASSAULT")]
    plover: Option<String>,
    plover_mode: Option<String>,
    actor1: Option<ActorDoc>,
    actor2: Option<ActorDoc>,
    location: Option<LocationDoc>,
    fatalities: FatalitiesDoc,
    wounded: BoundsDoc,
    abducted: Option<u32>,
    arrested: Option<u32>,
    claimed_by: Vec<ClaimDoc>,
    accused: Vec<AccusationDoc>,
    denied_by: Vec<DenialDoc>,
    /// Recalled from more than a month before publication.
    background: bool,
    notes: String,
    sources: Vec<SourceDoc>,
    evidence: Vec<EvidenceDoc>,
    confidence: f32,
}

/// An event as `GET /api/events` lists it: the record of SPEC §3, with `evidence` only
/// when asked for (`evidence=true`).
#[derive(Serialize, ToSchema)]
#[schema(as = EventItem)]
pub struct EventItemDoc {
    #[schema(example = 1)]
    schema_version: u32,
    id: String,
    #[schema(format = Date)]
    event_date: Option<String>,
    #[schema(format = Date)]
    date_end: Option<String>,
    /// day, days, week, month, year or unknown.
    #[schema(example = "day")]
    date_precision: String,
    /// ACLED event type, or null for verbal events.
    #[schema(example = "Explosions/Remote violence")]
    event_type: Option<String>,
    /// ACLED sub-event type.
    #[schema(example = "Suicide bomb")]
    sub_event_type: Option<String>,
    /// PLOVER event type.
    #[schema(example = "ASSAULT")]
    plover: Option<String>,
    plover_mode: Option<String>,
    actor1: Option<ActorDoc>,
    actor2: Option<ActorDoc>,
    location: Option<LocationDoc>,
    fatalities: FatalitiesDoc,
    wounded: BoundsDoc,
    abducted: Option<u32>,
    arrested: Option<u32>,
    claimed_by: Vec<ClaimDoc>,
    accused: Vec<AccusationDoc>,
    denied_by: Vec<DenialDoc>,
    /// Recalled from more than a month before publication.
    background: bool,
    notes: String,
    sources: Vec<SourceDoc>,
    /// Only with `evidence=true`.
    #[serde(default)]
    evidence: Vec<EvidenceDoc>,
    confidence: f32,
}

/// A page of events.
#[derive(Serialize, ToSchema)]
#[schema(as = EventPage)]
pub struct EventPageDoc {
    events: Vec<EventItemDoc>,
    /// Pass as `cursor` for the next page; null on the last page.
    next_cursor: Option<String>,
}

/// A stored article.
#[derive(Serialize, ToSchema)]
#[schema(as = Article)]
pub struct ArticleDoc {
    id: String,
    input: String,
    title: Option<String>,
    published: Option<String>,
    dateline: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
    /// Bullet summary lines (omitted when empty).
    #[serde(default)]
    summary: Vec<String>,
    /// The body; evidence offsets are UTF-8 byte offsets into it.
    text: String,
}

/// An article to ingest (the JSONL fields of SPEC §2). Fields other than these are
/// ignored.
#[derive(Serialize, ToSchema)]
#[schema(as = ArticleIn)]
pub struct ArticleInDoc {
    /// Your id for it (default: derived from the URL or the text).
    #[schema(pattern = "^[!-.0-\\[\\]-~]{1,256}$")]
    id: Option<String>,
    title: Option<String>,
    /// The only required field: the body, with at least one non-blank character.
    #[schema(pattern = "\\S")]
    text: String,
    url: Option<String>,
    /// Publication date or moment, ISO 8601 (unreadable values are ignored).
    published: Option<String>,
    /// Publisher.
    source: Option<String>,
    /// Place named in the dateline.
    dateline: Option<String>,
    /// Bullet summary lines.
    summary: Option<Vec<String>>,
}

/// The body of `POST /api/articles`: one article (read strictly: a malformed one is
/// refused with 422), or a batch of 1 to 1,000 objects, where each object that is not a
/// readable article is listed in `rejected` and the others are still ingested.
pub struct ArticlesInDoc;

impl utoipa::PartialSchema for ArticlesInDoc {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ArrayBuilder, OneOfBuilder};
        use utoipa::openapi::Ref;
        OneOfBuilder::new()
            .item(Ref::from_schema_name("ArticleIn"))
            .item(
                ArrayBuilder::new()
                    .items(ObjectBuilder::new().schema_type(Type::Object))
                    .min_items(Some(1))
                    .max_items(Some(1000)),
            )
            .description(Some(
                "One article, read strictly (a malformed one is refused with 422), or a batch \
                 of 1 to 1,000 objects: each that is not a readable `ArticleIn` is listed in \
                 `rejected`, the others are still ingested.",
            ))
            .into()
    }
}

impl ToSchema for ArticlesInDoc {
    fn name() -> std::borrow::Cow<'static, str> {
        "ArticlesIn".into()
    }

    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        schemas.push((ArticleInDoc::name().into(), ArticleInDoc::schema()));
    }
}

/// One stats group.
#[derive(Serialize, ToSchema)]
#[schema(as = StatsRow)]
pub struct StatsRowDoc {
    /// Day or week Monday (YYYY-MM-DD), month (YYYY-MM), admin1, actor name or event type.
    key: String,
    /// For the time groups: the event type of this stack layer.
    event_type: Option<String>,
    events: u64,
    /// Sum of fatalities.best (unknown counts as nothing).
    fatalities: u64,
}

/// The answer of `GET /api/stats`.
#[derive(Serialize, ToSchema)]
#[schema(as = Stats)]
pub struct StatsDoc {
    #[schema(example = "week")]
    group: String,
    rows: Vec<StatsRowDoc>,
}

/// What the store holds.
#[derive(Serialize, ToSchema)]
#[schema(as = StoreCounts)]
pub struct StoreCountsDoc {
    articles: u64,
    reports: u64,
    events: u64,
}

/// The answer of `GET /api/meta`.
#[derive(Serialize, ToSchema)]
#[schema(as = Meta)]
pub struct MetaDoc {
    version: String,
    schema_version: u32,
    /// Whether `POST /api/articles` is enabled.
    writable: bool,
    counts: StoreCountsDoc,
}

/// What one ingest did.
#[derive(Serialize, ToSchema)]
#[schema(as = IngestReport)]
pub struct IngestReportDoc {
    added: usize,
    unchanged: usize,
    replaced: usize,
    events_touched: usize,
}

/// An ingested article.
#[derive(Serialize, ToSchema)]
#[schema(as = Accepted)]
pub struct AcceptedDoc {
    index: usize,
    id: String,
    events: usize,
}

/// A refused article.
#[derive(Serialize, ToSchema)]
#[schema(as = Rejected)]
pub struct RejectedDoc {
    index: usize,
    message: String,
}

/// The answer of `POST /api/articles`.
#[derive(Serialize, ToSchema)]
#[schema(as = IngestAnswer)]
pub struct IngestAnswerDoc {
    report: IngestReportDoc,
    accepted: Vec<AcceptedDoc>,
    rejected: Vec<RejectedDoc>,
}

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "sitrep",
        description = "Conflict events coded from news, with the sentence behind every field (SPEC §5). Errors are `{\"error\": {\"code\", \"message\"}}`.",
    ),
    paths(
        crate::api::list_events,
        crate::api::get_event,
        crate::api::get_article,
        crate::api::stats,
        crate::api::meta,
        crate::api::events_geojson,
        crate::api::events_csv,
        crate::api::post_articles,
        crate::api::openapi_json,
        crate::api::index,
        crate::api::event_page,
        crate::api::asset,
    ),
    components(schemas(ErrorDoc, EventDoc, EventPageDoc, ArticleDoc, ArticleInDoc, ArticlesInDoc, StatsDoc, MetaDoc, IngestAnswerDoc)),
    modifiers(&BearerAuth),
    tags(
        (name = "events", description = "Coded events"),
        (name = "articles", description = "Source articles and ingestion"),
        (name = "exports", description = "Files of the filtered events"),
        (name = "meta", description = "About this server"),
        (name = "dashboard", description = "The web pages"),
    )
)]
pub struct ApiDoc;

/// The description as JSON bytes (built once).
pub fn document_json() -> &'static [u8] {
    static DOC: OnceLock<Vec<u8>> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = ApiDoc::openapi();
        doc.info.version = env!("CARGO_PKG_VERSION").to_string();
        serde_json::to_vec_pretty(&doc).unwrap_or_default()
    })
}
