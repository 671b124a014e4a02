//! The dashboard's files, embedded at compile time. Only these names are served: there is
//! no file-system path behind the static route, so nothing outside this list can be reached.

/// The dashboard page (served at `/` and `/event/{id}`).
pub const INDEX_HTML: &str = include_str!("../assets/index.html");

/// `(name under /assets/, content type, bytes)`.
pub const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/app.js"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/app.css"),
    ),
    (
        "countries-50m.json",
        "application/json",
        include_bytes!("../assets/countries-50m.json"),
    ),
    (
        "vendor/leaflet.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/vendor/leaflet.js"),
    ),
    (
        "vendor/leaflet.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/vendor/leaflet.css"),
    ),
    (
        "vendor/leaflet.markercluster.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/vendor/leaflet.markercluster.js"),
    ),
    (
        "vendor/MarkerCluster.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/vendor/MarkerCluster.css"),
    ),
    (
        "vendor/MarkerCluster.Default.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/vendor/MarkerCluster.Default.css"),
    ),
    (
        "vendor/chart.umd.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/vendor/chart.umd.min.js"),
    ),
    (
        "vendor/topojson-client.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/vendor/topojson-client.min.js"),
    ),
];

/// Look an asset up by its exact name.
pub fn find(name: &str) -> Option<(&'static str, &'static [u8])> {
    ASSETS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, ct, b)| (*ct, *b))
}
