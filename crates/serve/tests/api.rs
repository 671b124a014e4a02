//! The HTTP API against an in-memory store double: every endpoint, errors, auth,
//! hostile parameters, path traversal, oversized and malformed bodies, and
//! property tests over the query parameters.

#![allow(missing_docs)]

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use proptest::prelude::*;
use sitrep_serve::ServeConfig;
use std::collections::BTreeSet;

fn ids(v: &serde_json::Value) -> Vec<String> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn events_page_is_newest_first_and_paginates_without_gaps() {
    let app = app();
    let (s, v) = get(&app, "/api/events?limit=7").await;
    assert_eq!(s, StatusCode::OK);
    let first = ids(&v);
    assert_eq!(first.len(), 7);
    assert_eq!(first[0], "ev29");
    assert_eq!(v["events"][0]["schema_version"], 1);
    let mut seen = BTreeSet::new();
    let mut cursor = v["next_cursor"].as_str().map(String::from);
    seen.extend(first);
    while let Some(c) = cursor {
        let (s, v) = get(&app, &format!("/api/events?limit=7&cursor={c}")).await;
        assert_eq!(s, StatusCode::OK);
        for id in ids(&v) {
            assert!(seen.insert(id), "duplicate across pages");
        }
        cursor = v["next_cursor"].as_str().map(String::from);
    }
    assert_eq!(seen.len(), 30);
}

#[tokio::test]
async fn filters_narrow_the_events() {
    let app = app();
    let count = |v: &serde_json::Value| v["events"].as_array().unwrap().len();
    let cases = [
        ("country=PK", 30),
        ("country=pk", 30),
        ("country=AF", 0),
        ("admin1=balochistan", 10),
        ("type=Battles", 15),
        ("type=Explosions%2FRemote%20violence", 15),
        ("from=2026-01-10&to=2026-01-19", 10),
        ("actor=ttp", 8),
        ("bbox=66,29,68,31", 10),
        ("text=Peshawar", 10),
        ("admin1=Sindh&type=Battles", 5),
        ("admin1=&actor=%20", 30),
        // selects nothing, without an error
        ("from=2026-01-19&to=2026-01-10", 0),
        ("bbox=66,31,68,29", 0),
        ("text=%2B%2B", 0),
    ];
    for (q, n) in cases {
        let (s, v) = get(&app, &format!("/api/events?limit=500&{q}")).await;
        assert_eq!(s, StatusCode::OK, "{q}: {v}");
        assert_eq!(count(&v), n, "{q}");
    }
}

#[tokio::test]
async fn bad_parameters_get_stable_json_errors() {
    let app = app();
    let cases = [
        ("/api/events?colour=red", "unknown_parameter"),
        ("/api/events?from=yesterday", "invalid_parameter"),
        ("/api/events?from=", "invalid_parameter"),
        ("/api/events?from=2026-2-01", "invalid_parameter"),
        ("/api/events?country=", "invalid_parameter"),
        ("/api/events?type=battles", "invalid_parameter"),
        ("/api/events?bbox=0,0,1e2,1", "invalid_parameter"),
        ("/api/events?country=Pakistan", "invalid_parameter"),
        ("/api/events?type=War", "invalid_parameter"),
        ("/api/events?bbox=1,2,3", "invalid_parameter"),
        ("/api/events?bbox=0,0,200,1", "invalid_parameter"),
        ("/api/events?limit=100000", "invalid_parameter"),
        ("/api/events?limit=ten", "invalid_parameter"),
        ("/api/events?cursor=o:notanumber", "invalid_parameter"),
        ("/api/events?cursor=76317c7c", "invalid_parameter"),
        ("/api/events?limit=1&limit=2", "invalid_parameter"),
        ("/api/stats?group=century", "invalid_parameter"),
        ("/api/stats?limit=3", "unknown_parameter"),
        ("/api/events.csv?cursor=x", "unknown_parameter"),
    ];
    for (uri, code) in cases {
        let (s, v) = get(&app, uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(error_code(&v), code, "{uri}");
    }
}

#[tokio::test]
async fn sql_metacharacters_are_plain_values() {
    let app = app();
    let nasty = [
        "' OR '1'='1",
        "\"; DROP TABLE events; --",
        "%",
        "_",
        "\\",
        "') UNION SELECT * FROM articles --",
        "*",
        "\"quoted\" AND NOT x",
        "NEAR(a b)",
    ];
    for value in nasty {
        let enc: String = url_encode(value);
        for param in [
            "admin1", "actor", "text", "country", "type", "from", "to", "bbox", "cursor", "limit",
        ] {
            let uri = format!("/api/events?{param}={enc}");
            let (s, v) = get(&app, &uri).await;
            assert!(
                s == StatusCode::OK || s == StatusCode::BAD_REQUEST,
                "{uri}: {s}"
            );
            if s == StatusCode::OK {
                // a free-text value matches literally, so none of these matches anything
                assert_eq!(v["events"].as_array().unwrap().len(), 0, "{uri}");
            } else {
                error_code(&v);
            }
        }
    }
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn one_event_and_its_articles() {
    let app = app();
    let (s, v) = get(&app, "/api/events/ev03").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["id"], "ev03");
    let ev = &v["evidence"][0];
    let aid = ev["article_id"].as_str().unwrap();
    let (s, a) = get(&app, &format!("/api/articles/{aid}")).await;
    assert_eq!(s, StatusCode::OK);
    let text = a["text"].as_str().unwrap();
    let (st, en) = (
        ev["start"].as_u64().unwrap() as usize,
        ev["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[st..en], ev["text"].as_str().unwrap());

    for uri in [
        "/api/events/nope",
        "/api/articles/nope",
        "/api/events/..%2F..%2Fetc%2Fpasswd",
        "/api/articles/%00",
        "/api/events/%20",
    ] {
        let (s, v) = get(&app, uri).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(error_code(&v), "not_found");
    }
}

#[tokio::test]
async fn stats_group_and_filter() {
    let app = app();
    let (s, v) = get(&app, "/api/stats?group=admin1").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["group"], "admin1");
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r["events"] == 10));
    let (_, v) = get(&app, "/api/stats?group=type&admin1=Sindh").await;
    let total: u64 = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["events"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 10);
    let (s, v) = get(&app, "/api/stats").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["group"], "week");
    for g in ["day", "month", "actor"] {
        let (s, _) = get(&app, &format!("/api/stats?group={g}")).await;
        assert_eq!(s, StatusCode::OK);
    }
}

#[tokio::test]
async fn meta_reports_counts_and_write_mode() {
    let (s, v) = get(&app(), "/api/meta").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["counts"]["events"], 30);
    assert_eq!(v["writable"], false);
    let app = app_with(
        fixture(),
        ServeConfig {
            token: Some("t".into()),
            ..ServeConfig::default()
        },
    );
    let (_, v) = get(&app, "/api/meta").await;
    assert_eq!(v["writable"], true);
}

fn post(body: &str, token: Option<&str>) -> Request<Body> {
    let mut b = Request::post("/api/articles").header("content-type", "application/json");
    if let Some(t) = token {
        b = b.header("authorization", format!("Bearer {t}"));
    }
    b.body(Body::from(body.to_string())).unwrap()
}

fn writable() -> axum::Router {
    app_with(
        fixture(),
        ServeConfig {
            token: Some("s3cret".into()),
            body_limit: 64 * 1024,
            max_batch: 5,
            ..ServeConfig::default()
        },
    )
}

async fn status_code(app: &axum::Router, req: Request<Body>) -> (StatusCode, String) {
    let (s, h, b) = send(app, req).await;
    assert!(
        h.get("content-type")
            .is_some_and(|v| v.as_bytes().starts_with(b"application/json")),
        "not JSON"
    );
    let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
    let code = if s.is_success() {
        String::new()
    } else {
        error_code(&v)
    };
    (s, code)
}

#[tokio::test]
async fn writes_are_refused_without_a_configured_token() {
    let app = app();
    let (s, code) = status_code(&app, post(r#"{"text":"x killed"}"#, Some("anything"))).await;
    assert_eq!((s, code.as_str()), (StatusCode::FORBIDDEN, "read_only"));
    let (_, v) = get(&app, "/api/meta").await;
    assert_eq!(v["counts"]["articles"], 30, "nothing was written");
}

#[tokio::test]
async fn wrong_or_missing_token_is_401() {
    let app = writable();
    let (s, h, _) = send(&app, post(r#"{"text":"a"}"#, Some("wrong"))).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(h.get("www-authenticate").is_some());
    let (s, code) = status_code(&app, post(r#"{"text":"a"}"#, None)).await;
    assert_eq!(
        (s, code.as_str()),
        (StatusCode::UNAUTHORIZED, "unauthorized")
    );
    let (s, _) = status_code(&app, post(r#"{"text":"a"}"#, Some("s3cre"))).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn right_token_ingests_and_the_event_is_served() {
    let app = writable();
    let body = r#"[{"id":"new1","text":"Two soldiers were killed in Zhob."},{"title":"no text"},{"id":"new2","text":"Talks resumed."}]"#;
    let (s, _, b) = send(&app, post(body, Some("s3cret"))).await;
    assert_eq!(s, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(v["report"]["added"], 2);
    assert_eq!(v["accepted"].as_array().unwrap().len(), 2);
    assert_eq!(v["accepted"][0]["events"], 1);
    assert_eq!(v["rejected"][0]["index"], 1);
    let (s, a) = get(&app, "/api/articles/new1").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(a["text"], "Two soldiers were killed in Zhob.");
    let (_, v) = get(&app, "/api/events?text=Zhob").await;
    assert_eq!(v["events"].as_array().unwrap().len(), 1);
    // idempotent
    let (_, _, b) = send(&app, post(body, Some("s3cret"))).await;
    let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(v["report"]["added"], 0);
    assert_eq!(v["report"]["unchanged"], 2);
}

#[tokio::test]
async fn bad_bodies_are_refused_with_fitting_codes() {
    let app = writable();
    let t = Some("s3cret");
    let cases: Vec<(Request<Body>, StatusCode, &str)> = vec![
        (
            post("{not json", t),
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        (post("", t), StatusCode::BAD_REQUEST, "invalid_json"),
        (post("42", t), StatusCode::BAD_REQUEST, "invalid_json"),
        (post("[]", t), StatusCode::BAD_REQUEST, "invalid_json"),
        (
            post(r#"[{"text":"a"}, 7]"#, t),
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        (
            post(r#"{"title":"no text"}"#, t),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            post(r#"{"text": 5}"#, t),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        // read as strictly as the OpenAPI description says
        (
            post(r#"{"text": " \n\t"}"#, t),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            post(r#"{"text": "x", "title": ["a"]}"#, t),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            post(r#"{"text": "x", "published": 12}"#, t),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            post(r#"{"text": "x", "summary": "one line"}"#, t),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        // an id that GET /api/articles/{id} could not name is refused, not stored
        (
            post(r#"{"text": "x", "id": "a/b"}"#, t),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            post(r#"{"text": "x", "id": ""}"#, t),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_article",
        ),
        (
            post(&format!("[{}]", [r#"{"text":"a"}"#; 6].join(",")), t),
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
        ),
        (
            post(&format!(r#"{{"text":"{}"}}"#, "a".repeat(200 * 1024)), t),
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
        ),
        (
            Request::post("/api/articles")
                .header("authorization", "Bearer s3cret")
                .header("content-type", "text/plain")
                .body(Body::from("hello"))
                .unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            Request::post("/api/articles")
                .header("authorization", "Bearer s3cret")
                .header("content-type", "application/json")
                .header("origin", "http://evil.example")
                .header("host", "127.0.0.1:8080")
                .body(Body::from(r#"{"text":"a"}"#))
                .unwrap(),
            StatusCode::FORBIDDEN,
            "cross_origin",
        ),
        (
            Request::post("/api/articles")
                .header("authorization", "Bearer s3cret")
                .header("content-type", "application/json")
                .header("sec-fetch-site", "cross-site")
                .body(Body::from(r#"{"text":"a"}"#))
                .unwrap(),
            StatusCode::FORBIDDEN,
            "cross_origin",
        ),
    ];
    for (req, status, code) in cases {
        let (s, c) = status_code(&app, req).await;
        assert_eq!((s, c.as_str()), (status, code));
    }
    // a batch of objects none of which is an article: answered, every one listed
    let (s, _, b) = send(&app, post(r#"[{}, {"text": ""}]"#, t)).await;
    assert_eq!(s, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(v["rejected"].as_array().unwrap().len(), 2);
    assert_eq!(v["report"]["added"], 0);
    // a same-origin write is fine
    let req = Request::post("/api/articles")
        .header("authorization", "Bearer s3cret")
        .header("content-type", "application/json")
        .header("origin", "http://127.0.0.1:8080")
        .header("host", "127.0.0.1:8080")
        .body(Body::from(r#"{"text":"ok"}"#))
        .unwrap();
    assert_eq!(status_code(&app, req).await.0, StatusCode::OK);
}

#[tokio::test]
async fn static_route_serves_only_embedded_names() {
    let app = app();
    let (s, h, b) = send(&app, Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(h["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(String::from_utf8_lossy(&b).contains("/assets/app.js"));
    assert!(h.get("content-security-policy").is_some());
    assert_eq!(h["x-content-type-options"], "nosniff");
    for name in [
        "app.js",
        "app.css",
        "vendor/leaflet.js",
        "countries-50m.json",
    ] {
        let (s, _, b) = send(
            &app,
            Request::get(format!("/assets/{name}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{name}");
        assert!(!b.is_empty());
    }
    let (s, _, _) = send(
        &app,
        Request::get("/event/ev01").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    for uri in [
        "/assets/../Cargo.toml",
        "/assets/..%2F..%2FCargo.toml",
        "/assets/%2e%2e/%2e%2e/src/lib.rs",
        "/assets/vendor/../app.js",
        "/assets//etc/passwd",
        "/assets/app.js%00.png",
        "/assets/",
        "/../../etc/passwd",
        "/event/..%2F..",
    ] {
        let (s, v) = get(&app, uri).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(error_code(&v), "not_found", "{uri}");
    }
}

#[tokio::test]
async fn wrong_method_and_unknown_route_are_json() {
    let app = app();
    let (s, _, b) = send(
        &app,
        Request::delete("/api/events").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(error_code(&v), "method_not_allowed");
    let (s, v) = get(&app, "/api/nothing").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&v), "not_found");
}

#[tokio::test]
async fn slow_store_times_out_with_json() {
    let mut store = fixture();
    store.delay_ms = 400;
    let app = app_with(
        store,
        ServeConfig {
            timeout: std::time::Duration::from_millis(50),
            ..ServeConfig::default()
        },
    );
    let (s, v) = get(&app, "/api/events").await;
    assert_eq!(s, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(error_code(&v), "timeout");
}

/// Keys of a JSON object schema, following `$ref`s and `oneOf` wrappers.
fn schema_keys<'a>(
    doc: &'a serde_json::Value,
    schema: &'a serde_json::Value,
) -> &'a serde_json::Value {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap();
        return schema_keys(doc, &doc["components"]["schemas"][name]);
    }
    for k in ["oneOf", "anyOf", "allOf"] {
        if let Some(alts) = schema[k].as_array() {
            for a in alts {
                if a.get("$ref").is_some() || a.get("properties").is_some() {
                    return schema_keys(doc, a);
                }
            }
        }
    }
    schema
}

/// Every key of `value` is a property of `schema` and the reverse, recursively.
fn same_shape(
    doc: &serde_json::Value,
    schema: &serde_json::Value,
    value: &serde_json::Value,
    path: &str,
) {
    let schema = schema_keys(doc, schema);
    match value {
        serde_json::Value::Object(map) => {
            let props = schema["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{path}: schema has no properties: {schema}"));
            let have: BTreeSet<&String> = map.keys().collect();
            let doc_keys: BTreeSet<&String> = props.keys().collect();
            assert_eq!(
                have, doc_keys,
                "{path}: record keys and OpenAPI properties differ"
            );
            for (k, v) in map {
                same_shape(doc, &props[k], v, &format!("{path}.{k}"));
            }
        }
        serde_json::Value::Array(items) => {
            if let Some(first) = items.first() {
                let item_schema = if schema["items"].is_null() {
                    // Option<Vec<_>> style wrappers
                    &schema["oneOf"][0]["items"]
                } else {
                    &schema["items"]
                };
                same_shape(doc, item_schema, first, &format!("{path}[]"));
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn openapi_describes_every_route_and_matches_the_records() {
    let app = writable();
    let (s, doc) = get(&app, "/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/api/events",
        "/api/events/{id}",
        "/api/articles",
        "/api/articles/{id}",
        "/api/stats",
        "/api/meta",
        "/api/events.geojson",
        "/api/events.csv",
        "/openapi.json",
        "/",
    ] {
        assert!(paths.contains_key(p), "{p} undocumented");
    }
    let params: BTreeSet<&str> = doc["paths"]["/api/events"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    let want: BTreeSet<&str> = [
        "from", "to", "country", "admin1", "type", "actor", "bbox", "text", "limit", "cursor",
        "evidence",
    ]
    .into_iter()
    .collect();
    assert_eq!(params, want);
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());

    // A fully populated event, as the store returns it, has exactly the documented shape.
    let mut ev = fixture().inner.lock().unwrap().0[3].clone();
    ev.claimed_by
        .push(sitrep_model::Claim { actor: "x".into() });
    ev.accused.push(sitrep_model::Accusation {
        by: "a".into(),
        target: "b".into(),
    });
    ev.denied_by
        .push(sitrep_model::Denial { actor: "y".into() });
    let (_, page) = get(&app, "/api/events?limit=1&evidence=true").await;
    same_shape(
        &doc,
        &serde_json::json!({"$ref": "#/components/schemas/EventPage"}),
        &page,
        "EventPage",
    );
    // the light list: the same item without `evidence`, which is documented as optional
    let (_, light) = get(&app, "/api/events?limit=1").await;
    let mut item = light["events"][0].clone();
    assert!(item.get("evidence").is_none(), "{item}");
    let full = &page["events"][0];
    item["evidence"] = full["evidence"].clone();
    assert_eq!(&item, full);
    let item_schema = &doc["components"]["schemas"]["EventItem"];
    let required: Vec<&str> = item_schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(!required.contains(&"evidence") && required.contains(&"sources"));
    // the list item and the whole record are the same record
    let (_, one) = get(
        &app,
        &format!("/api/events/{}", full["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(&one, full);
    let evv = serde_json::to_value(&ev).unwrap();
    same_shape(
        &doc,
        &serde_json::json!({"$ref": "#/components/schemas/Event"}),
        &evv,
        "Event",
    );
    let (_, art) = get(&app, "/api/articles/art01").await;
    let mut art = art;
    art["summary"] = serde_json::json!(["line"]);
    same_shape(
        &doc,
        &serde_json::json!({"$ref": "#/components/schemas/Article"}),
        &art,
        "Article",
    );
    let (_, meta) = get(&app, "/api/meta").await;
    same_shape(
        &doc,
        &serde_json::json!({"$ref": "#/components/schemas/Meta"}),
        &meta,
        "Meta",
    );
    let (_, stats) = get(&app, "/api/stats?group=week").await;
    same_shape(
        &doc,
        &serde_json::json!({"$ref": "#/components/schemas/Stats"}),
        &stats,
        "Stats",
    );
    let (_, _, b) = send(
        &app,
        post(r#"[{"text":"x killed"},{"nope":1}]"#, Some("s3cret")),
    )
    .await;
    let ans: serde_json::Value = serde_json::from_slice(&b).unwrap();
    same_shape(
        &doc,
        &serde_json::json!({"$ref": "#/components/schemas/IngestAnswer"}),
        &ans,
        "IngestAnswer",
    );
    let (_, err) = get(&app, "/api/events?x=1").await;
    same_shape(
        &doc,
        &serde_json::json!({"$ref": "#/components/schemas/Error"}),
        &err,
        "Error",
    );
}

fn param_value() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[0-9,.\\-]{0,30}",
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]",
        Just("Battles".to_string()),
        Just("60,20,80,40".to_string()),
        "[\\x00-\\x7f]{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever the query, the answer is 200 with a page or 400 with a stable error:
    /// never a 5xx, never a non-JSON body.
    #[test]
    fn any_query_gets_a_page_or_a_json_error(
        pairs in proptest::collection::vec((prop_oneof![
            Just("from"), Just("to"), Just("country"), Just("admin1"), Just("type"),
            Just("actor"), Just("bbox"), Just("text"), Just("limit"), Just("cursor"),
            Just("group"), Just("zzz")
        ], param_value()), 0..5),
        endpoint in prop_oneof![Just("/api/events"), Just("/api/stats"), Just("/api/events.csv")],
    ) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let q = serde_urlencoded::to_string(&pairs).unwrap();
        let uri = format!("{endpoint}?{q}");
        let app = app();
        let (s, h, b) = rt.block_on(send(&app, Request::get(&uri).body(Body::empty()).unwrap()));
        prop_assert!(!s.is_server_error(), "{} -> {}", uri, s);
        if s.is_client_error() {
            prop_assert!(h["content-type"].to_str().unwrap().starts_with("application/json"));
            let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
            error_code(&v);
        } else if endpoint == "/api/events" {
            let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
            prop_assert!(v["events"].is_array());
        }
    }
}

#[tokio::test]
async fn exports_follow_the_filters() {
    let app = app();
    let (s, h, b) = send(
        &app,
        Request::get("/api/events.geojson?admin1=Sindh")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(h["content-type"], "application/geo+json");
    let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    assert_eq!(v["features"].as_array().unwrap().len(), 10);
    assert_eq!(v["features"][0]["geometry"]["type"], "Point");

    let (s, h, b) = send(
        &app,
        Request::get("/api/events.csv?type=Battles&limit=4")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(h["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = String::from_utf8(b).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(header.contains("fatalities.best"), "{header}");
    assert_eq!(lines.count(), 4);
}
