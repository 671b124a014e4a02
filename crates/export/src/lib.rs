//! sitrep-export: writers from [`sitrep_model::Event`] records to the export
//! formats of `SPEC.md` §1 and §4.
//!
//! One streaming interface, [`EventWriter`], for every format; get one with
//! [`writer`]:
//!
//! ```
//! use sitrep_export::{writer, Format};
//! let ev = sitrep_model::Event { id: "e1".into(), ..Default::default() };
//! let mut out = Vec::new();
//! let mut w = writer(Format::Jsonl, &mut out);
//! w.write(&ev).unwrap();
//! w.finish().unwrap();
//! drop(w);
//! assert!(String::from_utf8(out).unwrap().starts_with("{\"schema_version\":1"));
//! ```
//!
//! | format | shape |
//! |---|---|
//! | `jsonl` | one event record (SPEC §3) per line |
//! | `json` | one JSON array of event records |
//! | `csv` | the flat view ([`flat::COLUMNS`]): nested fields as dotted columns, lists as JSON strings |
//! | `acled-csv` | ACLED's 30 columns ([`acled::ACLED_COLUMNS`]); verbal events left out |
//! | `geojson` | a FeatureCollection of Points, one per event with coordinates; properties = the flat view |
//! | `parquet` | the flat view, typed columns, zstd, row groups of [`parquet_writer::ROW_GROUP_ROWS`] |
//!
//! Writers never panic on odd records: missing fields become empty cells / nulls.

pub mod acled;
mod countries;
pub mod flat;
pub mod parquet_writer;

use sitrep_model::Event;
use std::fmt;
use std::io::Write;
use std::str::FromStr;

pub use acled::{acled_row, country, CountryInfo, ACLED_COLUMNS};
pub use flat::{flatten, ColumnType, FlatValue, COLUMNS};

/// Errors of the writers.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing to the output failed.
    #[error("cannot write export: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV encoder failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The JSON encoder failed.
    #[error("cannot encode JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The Parquet/Arrow encoder failed.
    #[error("cannot write Parquet: {0}")]
    Parquet(String),
    /// `write` or `finish` was called after `finish`.
    #[error("the writer was already finished")]
    Finished,
    /// An unknown format name.
    #[error(
        "unknown export format {0:?} (expected jsonl, json, csv, acled-csv, geojson or parquet)"
    )]
    UnknownFormat(String),
}

impl ExportError {
    /// The I/O error kind under this error, when it comes from the output
    /// (directly, or through the CSV or JSON encoder).
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        match self {
            ExportError::Io(e) => Some(e.kind()),
            ExportError::Csv(e) => match e.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            },
            ExportError::Json(e) => e.io_error_kind(),
            _ => None,
        }
    }

    /// Whether the reader of the output went away (`sitrep events | head`):
    /// the caller should stop quietly, as on success.
    pub fn is_broken_pipe(&self) -> bool {
        self.io_kind() == Some(std::io::ErrorKind::BrokenPipe)
    }
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
    /// Flat CSV, nested fields as dotted column names.
    Csv,
    /// ACLED's CSV columns (verbal events left out).
    AcledCsv,
    /// GeoJSON FeatureCollection of located events.
    Geojson,
    /// Apache Parquet, flat columns.
    Parquet,
}

impl Format {
    /// Every format.
    pub const ALL: &'static [Format] = &[
        Format::Jsonl,
        Format::Json,
        Format::Csv,
        Format::AcledCsv,
        Format::Geojson,
        Format::Parquet,
    ];

    /// The name used on the command line (`acled-csv`, …).
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::AcledCsv => "acled-csv",
            Format::Geojson => "geojson",
            Format::Parquet => "parquet",
        }
    }

    /// The usual file extension (without dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Csv | Format::AcledCsv => "csv",
            Format::Geojson => "geojson",
            Format::Parquet => "parquet",
        }
    }

    /// The HTTP content type.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Jsonl => "application/x-ndjson",
            Format::Json => "application/json",
            Format::Csv | Format::AcledCsv => "text/csv; charset=utf-8",
            Format::Geojson => "application/geo+json",
            Format::Parquet => "application/vnd.apache.parquet",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = ExportError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase().replace('_', "-");
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name() == t)
            .or(match t.as_str() {
                "ndjson" => Some(Format::Jsonl),
                "acled" => Some(Format::AcledCsv),
                _ => None,
            })
            .ok_or_else(|| ExportError::UnknownFormat(s.to_string()))
    }
}

/// What a writer did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Events written.
    pub written: usize,
    /// Events left out by the format (verbal events in ACLED CSV, events without
    /// coordinates in GeoJSON).
    pub skipped: usize,
}

/// A streaming writer of events in one format.
///
/// Call [`write`](EventWriter::write) per event, then [`finish`](EventWriter::finish)
/// once: it writes the closing bytes (JSON `]`, GeoJSON `]}`, the Parquet footer)
/// and flushes. A writer dropped without `finish` leaves an incomplete file.
pub trait EventWriter {
    /// Writes one event (or skips it when the format leaves it out).
    fn write(&mut self, ev: &Event) -> Result<(), ExportError>;
    /// Completes the output and flushes it.
    fn finish(&mut self) -> Result<(), ExportError>;
    /// Counts so far.
    fn stats(&self) -> WriteStats;
}

/// A writer of `format` into `out`. Output is buffered inside; pass the raw
/// file or socket.
pub fn writer<'a, W: Write + 'a>(format: Format, out: W) -> Box<dyn EventWriter + 'a> {
    match format {
        Format::Jsonl => Box::new(JsonWriter::new(out, false)),
        Format::Json => Box::new(JsonWriter::new(out, true)),
        Format::Csv => Box::new(FlatCsvWriter::new(out)),
        Format::AcledCsv => Box::new(AcledCsvWriter::new(out)),
        Format::Geojson => Box::new(GeoJsonWriter::new(out)),
        Format::Parquet => Box::new(parquet_writer::ParquetWriter::new(out)),
    }
}

/// Writes all `events` in `format` into `out` and finishes.
pub fn write_all<'e, W: Write>(
    format: Format,
    out: W,
    events: impl IntoIterator<Item = &'e Event>,
) -> Result<WriteStats, ExportError> {
    let mut w = writer(format, out);
    for ev in events {
        w.write(ev)?;
    }
    w.finish()?;
    Ok(w.stats())
}

/// All `events` in `format`, as bytes (for HTTP responses and tests).
pub fn to_bytes<'e>(
    format: Format,
    events: impl IntoIterator<Item = &'e Event>,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    write_all(format, &mut out, events)?;
    Ok(out)
}

/// JSONL (one record per line) or a JSON array.
struct JsonWriter<W: Write> {
    out: Option<std::io::BufWriter<W>>,
    array: bool,
    stats: WriteStats,
    /// One event's JSON, reused from event to event.
    buf: Vec<u8>,
}

impl<W: Write> JsonWriter<W> {
    fn new(out: W, array: bool) -> Self {
        JsonWriter {
            out: Some(std::io::BufWriter::new(out)),
            array,
            stats: WriteStats::default(),
            buf: Vec::new(),
        }
    }
}

impl<W: Write> EventWriter for JsonWriter<W> {
    fn write(&mut self, ev: &Event) -> Result<(), ExportError> {
        let out = self.out.as_mut().ok_or(ExportError::Finished)?;
        if self.array {
            out.write_all(if self.stats.written == 0 {
                b"[\n"
            } else {
                b",\n"
            })?;
        }
        // (into a reused buffer, then one write: the serialiser's many small
        // writes cost less on a `Vec` than through the writer)
        self.buf.clear();
        serde_json::to_writer(&mut self.buf, ev)?;
        if !self.array {
            self.buf.push(b'\n');
        }
        out.write_all(&self.buf)?;
        self.stats.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        let mut out = self.out.take().ok_or(ExportError::Finished)?;
        if self.array {
            out.write_all(if self.stats.written == 0 {
                b"[]\n"
            } else {
                b"\n]\n"
            })?;
        }
        out.flush()?;
        Ok(())
    }

    fn stats(&self) -> WriteStats {
        self.stats
    }
}

/// Flat CSV: a header of [`COLUMNS`], one row per event.
struct FlatCsvWriter<W: Write> {
    out: Option<csv::Writer<W>>,
    header_done: bool,
    stats: WriteStats,
}

impl<W: Write> FlatCsvWriter<W> {
    fn new(out: W) -> Self {
        FlatCsvWriter {
            out: Some(csv::Writer::from_writer(out)),
            header_done: false,
            stats: WriteStats::default(),
        }
    }

    fn header(&mut self) -> Result<(), ExportError> {
        if !self.header_done {
            let out = self.out.as_mut().ok_or(ExportError::Finished)?;
            out.write_record(flat::column_names())?;
            self.header_done = true;
        }
        Ok(())
    }
}

impl<W: Write> EventWriter for FlatCsvWriter<W> {
    fn write(&mut self, ev: &Event) -> Result<(), ExportError> {
        self.header()?;
        let out = self.out.as_mut().ok_or(ExportError::Finished)?;
        out.write_record(flatten(ev).iter().map(FlatValue::to_cell))?;
        self.stats.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.header()?;
        let mut out = self.out.take().ok_or(ExportError::Finished)?;
        out.flush()?;
        Ok(())
    }

    fn stats(&self) -> WriteStats {
        self.stats
    }
}

/// ACLED CSV: [`ACLED_COLUMNS`], verbal events left out.
struct AcledCsvWriter<W: Write> {
    out: Option<csv::Writer<W>>,
    header_done: bool,
    stats: WriteStats,
}

impl<W: Write> AcledCsvWriter<W> {
    fn new(out: W) -> Self {
        AcledCsvWriter {
            out: Some(csv::Writer::from_writer(out)),
            header_done: false,
            stats: WriteStats::default(),
        }
    }

    fn header(&mut self) -> Result<(), ExportError> {
        if !self.header_done {
            let out = self.out.as_mut().ok_or(ExportError::Finished)?;
            out.write_record(ACLED_COLUMNS)?;
            self.header_done = true;
        }
        Ok(())
    }
}

impl<W: Write> EventWriter for AcledCsvWriter<W> {
    fn write(&mut self, ev: &Event) -> Result<(), ExportError> {
        self.header()?;
        let out = self.out.as_mut().ok_or(ExportError::Finished)?;
        match acled_row(ev) {
            Some(row) => {
                out.write_record(&row)?;
                self.stats.written += 1;
            }
            None => self.stats.skipped += 1,
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.header()?;
        let mut out = self.out.take().ok_or(ExportError::Finished)?;
        out.flush()?;
        Ok(())
    }

    fn stats(&self) -> WriteStats {
        self.stats
    }
}

/// GeoJSON FeatureCollection, streamed: one Point feature per event with both
/// coordinates (`[lon, lat]`), properties = the flat view; events without
/// coordinates are left out.
struct GeoJsonWriter<W: Write> {
    out: Option<std::io::BufWriter<W>>,
    stats: WriteStats,
}

impl<W: Write> GeoJsonWriter<W> {
    fn new(out: W) -> Self {
        GeoJsonWriter {
            out: Some(std::io::BufWriter::new(out)),
            stats: WriteStats::default(),
        }
    }
}

/// The GeoJSON feature of an event, or `None` when it has no valid coordinates.
/// Properties keep the flat column order.
pub fn geojson_feature(ev: &Event) -> Option<GeoFeature> {
    let loc = ev.location.as_ref()?;
    let (lat, lon) = (loc.lat?, loc.lon?);
    if !(lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
        return None;
    }
    Some(GeoFeature {
        id: ev.id.clone(),
        lon,
        lat,
        properties: COLUMNS
            .iter()
            .zip(flatten(ev))
            .map(|((name, _), v)| (*name, v.to_json()))
            .collect(),
    })
}

/// One GeoJSON Point feature; serialises as `{"type":"Feature","id",…,"geometry",
/// "properties"}` with the properties in flat column order.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoFeature {
    /// The event id.
    pub id: String,
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// The flat view, in column order.
    pub properties: Vec<(&'static str, serde_json::Value)>,
}

struct OrderedProps<'a>(&'a [(&'static str, serde_json::Value)]);

impl serde::Serialize for OrderedProps<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl serde::Serialize for GeoFeature {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("type", "Feature")?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry(
            "geometry",
            &serde_json::json!({"type": "Point", "coordinates": [self.lon, self.lat]}),
        )?;
        m.serialize_entry("properties", &OrderedProps(&self.properties))?;
        m.end()
    }
}

impl<W: Write> EventWriter for GeoJsonWriter<W> {
    fn write(&mut self, ev: &Event) -> Result<(), ExportError> {
        let out = self.out.as_mut().ok_or(ExportError::Finished)?;
        let Some(feature) = geojson_feature(ev) else {
            self.stats.skipped += 1;
            return Ok(());
        };
        out.write_all(if self.stats.written == 0 {
            b"{\"type\":\"FeatureCollection\",\"features\":[\n"
        } else {
            b",\n"
        })?;
        serde_json::to_writer(&mut *out, &feature)?;
        self.stats.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        let mut out = self.out.take().ok_or(ExportError::Finished)?;
        if self.stats.written == 0 {
            out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[]}\n")?;
        } else {
            out.write_all(b"\n]}\n")?;
        }
        out.flush()?;
        Ok(())
    }

    fn stats(&self) -> WriteStats {
        self.stats
    }
}
