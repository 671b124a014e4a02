//! File exports of the filtered events, written by `sitrep-export`.

use sitrep_model::Event;

/// GeoJSON FeatureCollection of the located events.
pub fn geojson(_events: &[Event]) -> Result<Vec<u8>, String> {
    Err("TODO(serve): wire sitrep-export's GeoJSON writer".into())
}

/// Flat CSV of the events.
pub fn csv(_events: &[Event]) -> Result<Vec<u8>, String> {
    Err("TODO(serve): wire sitrep-export's CSV writer".into())
}
