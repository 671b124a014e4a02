//! sitrep-serve: the HTTP JSON API of SPEC §5, its OpenAPI description and the
//! dashboard, on one port.
//!
//! The [`Store`] is synchronous; every call runs on tokio's blocking pool. Reading and
//! extracting posted articles is delegated to an [`Analyzer`] that the binary wires to
//! `sitrep-ingest` and `sitrep-extract`, so this crate depends on no earlier stage.
//!
//! Safety rails: request body limit, request time-out, bearer token for writes (none
//! configured: read-only), `Origin`/`Sec-Fetch-Site` checks on writes, no cookies, no
//! CORS, embedded assets served by exact name only, every parameter validated and
//! handed to the store as a typed value.

mod api;
mod assets;
mod error;
mod exports;
pub mod openapi;
pub mod params;

pub use error::{ApiError, ERROR_CODES};

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use sitrep_model::{Article, Event};
use sitrep_store::Store;
use std::sync::Arc;
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

/// Reads and extracts posted articles (`POST /api/articles`).
pub trait Analyzer: Send + Sync {
    /// Read one posted JSON object (the JSONL article fields of SPEC §2: `id`, `title`,
    /// `text`, `url`, `published`, `source`; only `text` required) into an [`Article`].
    /// `index` is its position in the posted batch. Errors are messages for the client.
    fn read(&self, value: &serde_json::Value, index: usize) -> Result<Article, String>;
    /// The events of one article, as `sitrep extract` gives them.
    fn extract(&self, article: &Article) -> Vec<Event>;
}

/// Server settings.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Bearer token that enables writes; `None`: read-only.
    pub token: Option<String>,
    /// Largest request body, in bytes.
    pub body_limit: usize,
    /// Longest time a request may take.
    pub timeout: Duration,
    /// Most articles per `POST /api/articles`.
    pub max_batch: usize,
    /// Most events in one GeoJSON or CSV export.
    pub max_export: usize,
    /// Most store reads running at once (others wait their turn): about the number of
    /// cores, and no more than the store's pool of read connections.
    pub store_readers: usize,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            token: None,
            body_limit: 10 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            max_batch: 1000,
            max_export: 100_000,
            store_readers: std::thread::available_parallelism()
                .map_or(4, |n| n.get() * 2)
                .clamp(2, 8),
        }
    }
}

/// Shared state of the handlers.
#[derive(Clone)]
pub struct AppState {
    store: Arc<dyn Store>,
    analyzer: Arc<dyn Analyzer>,
    config: Arc<ServeConfig>,
    readers: Arc<tokio::sync::Semaphore>,
}

/// The whole application: API, OpenAPI description and dashboard.
pub fn router(store: Arc<dyn Store>, analyzer: Arc<dyn Analyzer>, config: ServeConfig) -> Router {
    let timeout = config.timeout;
    // The transport limit sits a little above the handler's own, so the handler
    // answers with its precise message where it can.
    let body_limit = config.body_limit.saturating_add(1024);
    let state = AppState {
        store,
        analyzer,
        readers: Arc::new(tokio::sync::Semaphore::new(config.store_readers.max(1))),
        config: Arc::new(config),
    };
    Router::new()
        .route("/", get(api::index))
        .route("/event/{id}", get(api::event_page))
        .route("/assets/{*name}", get(api::asset))
        .route("/openapi.json", get(api::openapi_json))
        .route("/api/meta", get(api::meta))
        .route("/api/events", get(api::list_events))
        .route("/api/events.geojson", get(api::events_geojson))
        .route("/api/events.csv", get(api::events_csv))
        .route("/api/events/{id}", get(api::get_event))
        .route("/api/articles", post(api::post_articles))
        .route("/api/articles/{id}", get(api::get_article))
        .route("/api/stats", get(api::stats))
        .fallback(|| async { ApiError::not_found("no such resource") })
        .with_state(state)
        .layer(RequestBodyLimitLayer::new(body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        .layer(middleware::from_fn(harden))
}

/// Every error answer in the stable JSON shape (also those made by axum and tower:
/// wrong method, body limit, time-out), and security headers on every answer.
async fn harden(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let status = resp.status();
    let is_json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let allow = resp.headers().get(header::ALLOW).cloned();
        resp = ApiError::from_status(status).into_response();
        if let Some(a) = allow {
            resp.headers_mut().insert(header::ALLOW, a);
        }
    }
    let h = resp.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
             script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
             frame-ancestors 'none'; form-action 'self'",
        ),
    );
    resp
}

/// Serve `app` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
