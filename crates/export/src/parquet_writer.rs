//! Parquet: the flat view ([`crate::flat::COLUMNS`]) as typed columns, zstd-compressed.
//!
//! Column names are the dotted flat names (`fatalities.best`); types: text → UTF8,
//! counts → UInt32, GeoNames id → UInt64, coordinates/confidence → Float64,
//! `background` → Boolean, dates → Date32. Unknown values are nulls. Rows are
//! buffered and written in row groups of [`ROW_GROUP_ROWS`].

use crate::flat::{flatten, ColumnType, FlatValue, COLUMNS};
use crate::{EventWriter, ExportError, WriteStats};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, StringBuilder, UInt32Builder, UInt64Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use sitrep_model::Event;
use std::io::Write;
use std::sync::{Arc, Mutex};

/// Rows per Parquet row group.
pub const ROW_GROUP_ROWS: usize = 16 * 1024;

/// The Arrow schema of the flat view.
pub fn schema() -> SchemaRef {
    let fields: Vec<Field> = COLUMNS
        .iter()
        .map(|(name, t)| {
            let dt = match t {
                ColumnType::Str => DataType::Utf8,
                ColumnType::U32 => DataType::UInt32,
                ColumnType::U64 => DataType::UInt64,
                ColumnType::F64 => DataType::Float64,
                ColumnType::Bool => DataType::Boolean,
                ColumnType::Date => DataType::Date32,
            };
            let required = matches!(*name, "schema_version" | "id" | "background");
            Field::new(*name, dt, !required)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

fn perr(e: impl std::fmt::Display) -> ExportError {
    ExportError::Parquet(e.to_string())
}

/// Days since 1970-01-01 (Arrow Date32).
fn days(d: chrono::NaiveDate) -> i32 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MAX)
}

fn column(t: ColumnType, rows: &[Vec<FlatValue>], i: usize) -> ArrayRef {
    macro_rules! build {
        ($builder:expr, $pat:pat => $val:expr) => {{
            let mut b = $builder;
            for r in rows {
                match &r[i] {
                    $pat => b.append_value($val),
                    _ => b.append_null(),
                }
            }
            Arc::new(b.finish()) as ArrayRef
        }};
    }
    match t {
        ColumnType::Str => build!(StringBuilder::new(), FlatValue::Str(s) => s),
        ColumnType::U32 => build!(UInt32Builder::new(), FlatValue::U32(n) => *n),
        ColumnType::U64 => build!(UInt64Builder::new(), FlatValue::U64(n) => *n),
        ColumnType::F64 => build!(Float64Builder::new(), FlatValue::F64(x) => *x),
        ColumnType::Bool => build!(BooleanBuilder::new(), FlatValue::Bool(b) => *b),
        ColumnType::Date => build!(Date32Builder::new(), FlatValue::Date(d) => days(*d)),
    }
}

/// A `Send` byte sink that the Arrow writer fills and [`ParquetWriter`] drains into
/// the caller's (possibly non-`Send`) output after each row group.
#[derive(Clone, Default)]
struct SharedBuf(Arc<Mutex<Vec<u8>>>);

impl SharedBuf {
    fn take(&self) -> Vec<u8> {
        let mut g = self.0.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut *g)
    }
}

impl Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut g = self.0.lock().unwrap_or_else(|e| e.into_inner());
        g.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Streams events into a Parquet file. Memory holds at most one row group.
pub struct ParquetWriter<W: Write> {
    out: W,
    buf: SharedBuf,
    inner: Option<ArrowWriter<SharedBuf>>,
    /// Set when the writer could not be created; reported on first use.
    init_error: Option<String>,
    schema: SchemaRef,
    rows: Vec<Vec<FlatValue>>,
    stats: WriteStats,
}

impl<W: Write> ParquetWriter<W> {
    /// A writer into `out` (zstd level 3).
    pub fn new(out: W) -> Self {
        let schema = schema();
        let buf = SharedBuf::default();
        let props = ZstdLevel::try_new(3)
            .map(|lvl| {
                WriterProperties::builder()
                    .set_compression(Compression::ZSTD(lvl))
                    .set_max_row_group_size(ROW_GROUP_ROWS)
                    .build()
            })
            .map_err(perr);
        let made = props
            .and_then(|p| ArrowWriter::try_new(buf.clone(), schema.clone(), Some(p)).map_err(perr));
        let (inner, init_error) = match made {
            Ok(w) => (Some(w), None),
            Err(e) => (None, Some(e.to_string())),
        };
        ParquetWriter {
            out,
            buf,
            inner,
            init_error,
            schema,
            rows: Vec::new(),
            stats: WriteStats::default(),
        }
    }

    fn drain(&mut self) -> Result<(), ExportError> {
        let bytes = self.buf.take();
        if !bytes.is_empty() {
            self.out.write_all(&bytes)?;
        }
        Ok(())
    }

    fn flush_rows(&mut self) -> Result<(), ExportError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let w = self.inner.as_mut().ok_or(ExportError::Finished)?;
        let cols: Vec<ArrayRef> = COLUMNS
            .iter()
            .enumerate()
            .map(|(i, (_, t))| column(*t, &self.rows, i))
            .collect();
        let batch = RecordBatch::try_new(self.schema.clone(), cols).map_err(perr)?;
        w.write(&batch).map_err(perr)?;
        // Close the row group so its bytes can leave memory.
        w.flush().map_err(perr)?;
        self.rows.clear();
        self.drain()
    }

    fn check(&self) -> Result<(), ExportError> {
        match (&self.init_error, &self.inner) {
            (Some(e), _) => Err(ExportError::Parquet(e.clone())),
            (None, None) => Err(ExportError::Finished),
            _ => Ok(()),
        }
    }
}

impl<W: Write> EventWriter for ParquetWriter<W> {
    fn write(&mut self, ev: &Event) -> Result<(), ExportError> {
        self.check()?;
        self.rows.push(flatten(ev));
        self.stats.written += 1;
        if self.rows.len() >= ROW_GROUP_ROWS {
            self.flush_rows()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.check()?;
        self.flush_rows()?;
        let w = self.inner.take().ok_or(ExportError::Finished)?;
        w.close().map_err(perr)?;
        self.drain()?;
        self.out.flush()?;
        Ok(())
    }

    fn stats(&self) -> WriteStats {
        self.stats
    }
}
