//! File exports of the filtered events, written by `sitrep-export` (the same writers as
//! `sitrep export`).

use sitrep_export::Format;
use sitrep_model::Event;

/// GeoJSON FeatureCollection of the located events.
pub fn geojson(events: &[Event]) -> Result<Vec<u8>, String> {
    sitrep_export::to_bytes(Format::Geojson, events).map_err(|e| e.to_string())
}

/// Flat CSV of the events (nested fields as dotted column names).
pub fn csv(events: &[Event]) -> Result<Vec<u8>, String> {
    sitrep_export::to_bytes(Format::Csv, events).map_err(|e| e.to_string())
}
