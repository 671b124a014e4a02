//! Stable JSON errors: `{"error": {"code": "…", "message": "…"}}` with a fitting status.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sitrep_store::StoreError;

/// An API error: an HTTP status, a stable machine-readable code and a human message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct ApiError {
    /// HTTP status of the response.
    pub status: StatusCode,
    /// Stable code (`invalid_parameter`, `not_found`, …), listed in the OpenAPI description.
    pub code: &'static str,
    /// What went wrong, for people.
    pub message: String,
}

/// Every error code the API can answer with, and its usual status.
pub const ERROR_CODES: &[(&str, u16)] = &[
    ("invalid_parameter", 400),
    ("unknown_parameter", 400),
    ("invalid_json", 400),
    ("bad_request", 400),
    ("unauthorized", 401),
    ("read_only", 403),
    ("cross_origin", 403),
    ("not_found", 404),
    ("method_not_allowed", 405),
    ("payload_too_large", 413),
    ("unsupported_media_type", 415),
    ("invalid_article", 422),
    ("store_error", 500),
    ("internal", 500),
    ("timeout", 503),
];

impl ApiError {
    /// A new error.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// 400 `invalid_parameter`, naming the parameter.
    pub fn invalid(param: &str, why: impl std::fmt::Display) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
            format!("parameter `{param}`: {why}"),
        )
    }

    /// 404 `not_found`.
    pub fn not_found(what: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", what)
    }

    /// 500 `internal`.
    pub fn internal(what: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", what)
    }

    /// The error for a bare status (used for responses made outside the handlers:
    /// unknown routes, wrong methods, time-outs, body limits).
    pub fn from_status(status: StatusCode) -> Self {
        let (code, message) = match status.as_u16() {
            400 => ("bad_request", "the request could not be understood"),
            401 => ("unauthorized", "a valid bearer token is required"),
            403 => ("read_only", "this server does not accept writes"),
            404 => ("not_found", "no such resource"),
            405 => ("method_not_allowed", "this method is not allowed here"),
            408 | 503 | 504 => ("timeout", "the request took too long"),
            413 => ("payload_too_large", "the request body is too large"),
            415 => (
                "unsupported_media_type",
                "the body must be application/json",
            ),
            422 => ("invalid_article", "the body could not be processed"),
            _ if status.is_server_error() => ("internal", "internal server error"),
            _ => ("bad_request", "the request could not be served"),
        };
        let status = if status.as_u16() == 408 || status.as_u16() == 504 {
            StatusCode::SERVICE_UNAVAILABLE
        } else {
            status
        };
        Self::new(status, code, message)
    }
}

#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    code: &'a str,
    message: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&Body {
            error: Inner {
                code: self.code,
                message: &self.message,
            },
        })
        .unwrap_or_else(|_| br#"{"error":{"code":"internal","message":"internal"}}"#.to_vec());
        let mut resp = (self.status, body).into_response();
        let h = resp.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if self.status == StatusCode::UNAUTHORIZED {
            h.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"sitrep\""),
            );
        }
        resp
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::BadQuery(m) => Self::new(StatusCode::BAD_REQUEST, "invalid_parameter", m),
            other => {
                // The message names the database; keep it in the log, not on the wire.
                tracing::error!("store error: {other}");
                Self::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "store_error",
                    "the store failed to answer; see the server log",
                )
            }
        }
    }
}
