//! Golden outputs of every writer, the ACLED conventions, and an independent check
//! of the files with Python readers (`validate_exports.py`).

use chrono::NaiveDate;
use sitrep_export::{acled, to_bytes, writer, ExportError, Format, ACLED_COLUMNS, COLUMNS};
use sitrep_model::*;
use std::path::{Path, PathBuf};

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn actor(name: &str, t: Option<ActorType>, c: Option<&str>) -> Option<Actor> {
    Some(Actor {
        name: name.into(),
        actor_type: t,
        country: c.map(Into::into),
    })
}

/// Hand-built events that cover the shapes the writers must handle.
fn sample_events() -> Vec<Event> {
    let located = Event {
        id: "a1b2c3d4e5f60718".into(),
        event_date: day(2026, 1, 31),
        date_precision: DatePrecision::Day,
        event_type: Some(EventType::Battles),
        sub_event_type: Some(SubEventType::ArmedClash),
        plover: Some(Plover::Assault),
        plover_mode: Some("firearms".into()),
        actor1: actor(
            "BLA: Baloch Liberation Army",
            Some(ActorType::RebelGroups),
            Some("PK"),
        ),
        actor2: actor(
            "Military Forces of Pakistan",
            Some(ActorType::StateForces),
            Some("PK"),
        ),
        location: Some(Location {
            name: "Kalat".into(),
            admin1: Some("Balochistan".into()),
            admin2: Some("Kalat".into()),
            country: Some("Pakistan".into()),
            country_code: Some("PK".into()),
            lat: Some(29.0225),
            lon: Some(66.5916),
            geonames_id: Some(1174451),
            precision: 1,
        }),
        fatalities: Fatalities {
            best: Some(12),
            low: Some(12),
            high: None,
            civilians: None,
            state_forces: Some(5),
            militants: Some(7),
            unknown: None,
        },
        wounded: Bounds {
            best: Some(3),
            low: Some(3),
            high: None,
        },
        claimed_by: vec![Claim {
            actor: "BLA: Baloch Liberation Army".into(),
        }],
        notes: "On 31 January 2026, BLA militants attacked a checkpoint in Kalat, \"killing\" 5 soldiers; 7 militants died.".into(),
        sources: vec![Source {
            article_id: "fixture-1".into(),
            title: Some("Checkpoint attacked".into()),
            url: None,
            publisher: Some("Example Wire".into()),
            published: Some("2026-02-01T06:30:00Z".into()),
            fatalities_reported: Some(12),
        }],
        evidence: vec![Evidence {
            field: "fatalities.state_forces".into(),
            article_id: "fixture-1".into(),
            start: 10,
            end: 26,
            text: "five soldiers, é".into(),
        }],
        confidence: 0.87,
        ..Event::default()
    };
    let civilians = Event {
        sources: vec![
            Source {
                article_id: "fixture-2".into(),
                url: Some("https://www.example.org/news/2026/01/abduction?ref=1".into()),
                published: Some("2026-01-20".into()),
                ..Source::default()
            },
            Source {
                article_id: "fixture-3".into(),
                title: Some("A headline is not a source name".into()),
                ..Source::default()
            },
        ],
        id: "0000000000000002".into(),
        event_date: day(2026, 1, 1),
        date_precision: DatePrecision::Month,
        event_type: Some(EventType::ViolenceAgainstCivilians),
        sub_event_type: Some(SubEventType::AbductionForcedDisappearance),
        actor1: actor(
            "Unidentified Armed Group (Pakistan)",
            Some(ActorType::PoliticalMilitias),
            Some("PK"),
        ),
        actor2: actor(
            "Civilians (Pakistan)",
            Some(ActorType::Civilians),
            Some("PK"),
        ),
        location: Some(Location {
            name: "Balochistan".into(),
            admin1: Some("Balochistan".into()),
            country: Some("Pakistan".into()),
            country_code: Some("PK".into()),
            lat: Some(30.1833),
            lon: Some(67.0),
            precision: 3,
            ..Location::default()
        }),
        abducted: Some(4),
        background: true,
        notes: "Early in January 2026, gunmen abducted 4 labourers in Balochistan.".into(),
        confidence: 0.5,
        ..Event::default()
    };
    let verbal = Event {
        id: "0000000000000003".into(),
        event_date: day(2026, 2, 1),
        date_precision: DatePrecision::Day,
        plover: Some(Plover::Reject),
        actor1: actor(
            "Government of India",
            Some(ActorType::StateForces),
            Some("IN"),
        ),
        denied_by: vec![Denial {
            actor: "Government of India".into(),
        }],
        accused: vec![Accusation {
            by: "Government of Pakistan".into(),
            target: "Government of India".into(),
        }],
        notes: "India denied any involvement.".into(),
        ..Event::default()
    };
    let unlocated = Event {
        id: "0000000000000004".into(),
        event_type: Some(EventType::ExplosionsRemoteViolence),
        sub_event_type: Some(SubEventType::RemoteExplosiveLandmineIed),
        actor1: actor("Unnamed bombers", None, None),
        fatalities: Fatalities {
            best: None,
            ..Fatalities::default()
        },
        notes: "A bomb, with commas, went off; date unknown.\nSecond line.".into(),
        ..Event::default()
    };
    vec![located, civilians, verbal, unlocated]
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Compares with a committed golden file; `UPDATE_GOLDEN=1` rewrites it.
fn assert_golden(name: &str, got: &[u8]) {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, got).expect("write golden");
        return;
    }
    let want = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create)",
            path.display()
        )
    });
    assert_eq!(
        String::from_utf8_lossy(got),
        String::from_utf8_lossy(&want),
        "output differs from {}",
        path.display()
    );
}

#[test]
fn golden_jsonl() {
    let out = to_bytes(Format::Jsonl, &sample_events()).unwrap();
    assert_golden("events.jsonl", &out);
    // Each line is a full event record that reads back unchanged.
    let back: Vec<Event> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(back, sample_events());
}

#[test]
fn golden_json() {
    let out = to_bytes(Format::Json, &sample_events()).unwrap();
    assert_golden("events.json", &out);
    let back: Vec<Event> = serde_json::from_slice(&out).unwrap();
    assert_eq!(back, sample_events());
}

#[test]
fn golden_csv() {
    let out = to_bytes(Format::Csv, &sample_events()).unwrap();
    assert_golden("events.csv", &out);
    let mut r = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let want: Vec<&str> = COLUMNS.iter().map(|c| c.0).collect();
    assert_eq!(header, want);
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 4);
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    assert_eq!(&rows[0][col("fatalities.best")], "12");
    assert_eq!(&rows[0][col("location.lat")], "29.0225");
    assert_eq!(&rows[0][col("confidence")], "0.87");
    assert_eq!(&rows[0][col("actor1.type")], "Rebel Groups");
    // Unknown stays empty, never 0.
    assert_eq!(&rows[3][col("fatalities.best")], "");
    assert_eq!(&rows[3][col("location.name")], "");
    assert_eq!(&rows[3][col("event_date")], "");
    // Lists are JSON strings.
    let denied: Vec<Denial> = serde_json::from_str(&rows[2][col("denied_by")]).unwrap();
    assert_eq!(denied[0].actor, "Government of India");
    assert_eq!(&rows[1][col("claimed_by")], "[]");
    // Quotes, commas and newlines survive.
    assert_eq!(&rows[3][col("notes")], sample_events()[3].notes);
}

#[test]
fn golden_acled_csv() {
    let out = to_bytes(Format::AcledCsv, &sample_events()).unwrap();
    assert_golden("events.acled.csv", &out);
    let mut r = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ACLED_COLUMNS);
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
    // The verbal REJECT event is left out.
    assert_eq!(rows.len(), 3);
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let r0 = &rows[0];
    assert!(r0[col("event_id_cnty")].starts_with("PAK"));
    assert_eq!(&r0[col("event_date")], "2026-01-31");
    assert_eq!(&r0[col("year")], "2026");
    assert_eq!(&r0[col("time_precision")], "1");
    assert_eq!(&r0[col("inter1")], "2");
    assert_eq!(&r0[col("inter2")], "1");
    assert_eq!(&r0[col("interaction")], "12");
    assert_eq!(&r0[col("civilian_targeting")], "");
    assert_eq!(&r0[col("iso")], "586");
    assert_eq!(&r0[col("region")], "Southern Asia");
    assert_eq!(&r0[col("country")], "Pakistan");
    assert_eq!(&r0[col("geo_precision")], "1");
    assert_eq!(&r0[col("source")], "Example Wire");
    assert_eq!(&r0[col("fatalities")], "12");
    assert_eq!(&r0[col("timestamp")], "1769927400");
    let r1 = &rows[1];
    assert_eq!(&r1[col("time_precision")], "3");
    assert_eq!(&r1[col("interaction")], "37");
    assert_eq!(&r1[col("civilian_targeting")], "Civilian targeting");
    assert_eq!(&r1[col("fatalities")], "0");
    assert_eq!(&r1[col("source")], "example.org");
    assert_eq!(&r1[col("timestamp")], "1768867200");
    // Unknown actor type: empty inter code; no actor2: 0; no country: XXX.
    let r2 = &rows[2];
    assert_eq!(&r2[col("inter1")], "");
    assert_eq!(&r2[col("inter2")], "0");
    assert_eq!(&r2[col("interaction")], "");
    assert!(r2[col("event_id_cnty")].starts_with("XXX"));
    assert_eq!(&r2[col("fatalities")], "0");
}

#[test]
fn golden_geojson() {
    let out = to_bytes(Format::Geojson, &sample_events()).unwrap();
    assert_golden("events.geojson", &out);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let feats = v["features"].as_array().unwrap();
    assert_eq!(feats.len(), 2, "only located events");
    assert_eq!(feats[0]["geometry"]["coordinates"][0], 66.5916);
    assert_eq!(feats[0]["geometry"]["coordinates"][1], 29.0225);
    assert_eq!(feats[0]["properties"]["fatalities.best"], 12);
    assert!(feats[1]["properties"]["fatalities.best"].is_null());
    assert_eq!(feats[1]["properties"]["background"], true);
}

#[test]
fn empty_outputs_are_valid() {
    let none: Vec<Event> = Vec::new();
    let j: serde_json::Value =
        serde_json::from_slice(&to_bytes(Format::Json, &none).unwrap()).unwrap();
    assert_eq!(j, serde_json::json!([]));
    let g: serde_json::Value =
        serde_json::from_slice(&to_bytes(Format::Geojson, &none).unwrap()).unwrap();
    assert_eq!(g["features"], serde_json::json!([]));
    let c = String::from_utf8(to_bytes(Format::AcledCsv, &none).unwrap()).unwrap();
    assert_eq!(c.trim_end(), ACLED_COLUMNS.join(","));
    assert!(to_bytes(Format::Jsonl, &none).unwrap().is_empty());
    let p = to_bytes(Format::Parquet, &none).unwrap();
    assert!(p.starts_with(b"PAR1") && p.ends_with(b"PAR1"));
}

#[test]
fn writer_reports_stats_and_refuses_use_after_finish() {
    let evs = sample_events();
    let mut out = Vec::new();
    let mut w = writer(Format::AcledCsv, &mut out);
    for e in &evs {
        w.write(e).unwrap();
    }
    w.finish().unwrap();
    assert_eq!(w.stats().written, 3);
    assert_eq!(w.stats().skipped, 1);
    assert!(matches!(w.write(&evs[0]), Err(ExportError::Finished)));
    assert!(matches!(w.finish(), Err(ExportError::Finished)));
}

#[test]
fn parquet_reads_back_with_the_parquet_reader() {
    use arrow_array::{Array, UInt32Array};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let bytes = to_bytes(Format::Parquet, &sample_events()).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes))
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<_> = reader.map(|b| b.unwrap()).collect();
    let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
    assert_eq!(rows, 4);
    let b = &batches[0];
    let names: Vec<String> = b
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        names,
        COLUMNS.iter().map(|c| c.0.to_string()).collect::<Vec<_>>()
    );
    let best = b
        .column_by_name("fatalities.best")
        .unwrap()
        .as_any()
        .downcast_ref::<UInt32Array>()
        .unwrap();
    assert_eq!(best.value(0), 12);
    assert!(best.is_null(3));
}

#[test]
fn parquet_spans_row_groups() {
    let base = sample_events();
    let many: Vec<Event> = (0..sitrep_export::parquet_writer::ROW_GROUP_ROWS + 10)
        .map(|i| {
            let mut e = base[i % base.len()].clone();
            e.id = format!("ev{i}");
            e
        })
        .collect();
    let bytes = to_bytes(Format::Parquet, &many).unwrap();
    let meta = parquet::file::reader::SerializedFileReader::new(bytes::Bytes::from(bytes)).unwrap();
    use parquet::file::reader::FileReader;
    assert_eq!(meta.metadata().num_row_groups(), 2);
    assert_eq!(
        meta.metadata().file_metadata().num_rows() as usize,
        many.len()
    );
}

#[test]
fn acled_conventions() {
    assert_eq!(acled::interaction(2, 1), Some(12));
    assert_eq!(acled::interaction(1, 2), Some(12));
    assert_eq!(acled::interaction(6, 0), Some(60));
    assert_eq!(acled::interaction(0, 0), None);
    assert_eq!(acled::interaction(7, 7), Some(77));
    assert_eq!(acled::time_precision(DatePrecision::Week), Some(2));
    assert_eq!(acled::time_precision(DatePrecision::Year), Some(3));
    assert_eq!(acled::time_precision(DatePrecision::Unknown), None);
    let pk = sitrep_export::country("pk").unwrap();
    assert_eq!(
        (pk.alpha3, pk.numeric, pk.region),
        ("PAK", 586, "Southern Asia")
    );
    assert_eq!(sitrep_export::country("AFG").unwrap().alpha2, "AF");
    assert_eq!(sitrep_export::country("India").unwrap().numeric, 356);
    assert_eq!(sitrep_export::country("IR").unwrap().region, "Middle East");
    assert!(sitrep_export::country("ZZ").is_none());
    let evs = sample_events();
    // Stable: same id, same number; different ids, different numbers.
    assert_eq!(
        acled::event_id_cnty(&evs[0]),
        acled::event_id_cnty(&evs[0].clone())
    );
    assert_ne!(acled::event_id_cnty(&evs[0]), acled::event_id_cnty(&evs[1]));
}

#[test]
fn format_names_parse() {
    for f in Format::ALL {
        assert_eq!(f.name().parse::<Format>().unwrap(), *f);
    }
    assert_eq!("ACLED_CSV".parse::<Format>().unwrap(), Format::AcledCsv);
    assert!("xlsx".parse::<Format>().is_err());
}

/// Writes every format into a temporary folder and runs the Python validator on it.
#[test]
fn python_readers_accept_every_export() {
    let require = std::env::var("SITREP_REQUIRE_SERVICES").as_deref() == Ok("1");
    let has_pyarrow = std::process::Command::new("python3")
        .args(["-c", "import pyarrow"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !has_pyarrow {
        assert!(
            !require,
            "SITREP_REQUIRE_SERVICES=1 but python3 with pyarrow is not available"
        );
        eprintln!("SKIPPED python_readers_accept_every_export: python3 with pyarrow not found (pip install pyarrow)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let evs = sample_events();
    for (f, name) in [
        (Format::Jsonl, "events.jsonl"),
        (Format::Json, "events.json"),
        (Format::Csv, "events.csv"),
        (Format::AcledCsv, "events.acled.csv"),
        (Format::Geojson, "events.geojson"),
        (Format::Parquet, "events.parquet"),
    ] {
        let file = std::fs::File::create(dir.path().join(name)).unwrap();
        sitrep_export::write_all(f, file, &evs).unwrap();
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/validate_exports.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "validate_exports.py failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A sink that is not `Send` (like `StdoutLock`): every format must accept it.
struct NotSend(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for NotSend {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn writers_accept_non_send_outputs() {
    for f in Format::ALL {
        let sink = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        sitrep_export::write_all(*f, NotSend(sink.clone()), &sample_events()).unwrap();
        let got = sink.borrow().clone();
        assert_eq!(got, to_bytes(*f, &sample_events()).unwrap(), "{f}");
    }
}

/// An output whose reader went away: every write fails with `BrokenPipe`.
struct ClosedPipe;

impl std::io::Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
}

#[test]
fn a_closed_output_is_a_broken_pipe_in_every_format() {
    let events = sample_events();
    for f in [
        Format::Jsonl,
        Format::Json,
        Format::Csv,
        Format::AcledCsv,
        Format::Geojson,
    ] {
        let mut w = writer(f, ClosedPipe);
        // Small writers buffer: the error may only come at `finish`.
        let mut err = None;
        for ev in &events {
            if let Err(e) = w.write(ev) {
                err = Some(e);
                break;
            }
        }
        let err = match err {
            Some(e) => e,
            None => w.finish().expect_err("finish on a closed pipe fails"),
        };
        assert!(err.is_broken_pipe(), "{f}: {err} ({:?})", err.io_kind());
    }
    // Other errors are not mistaken for one.
    assert!(!ExportError::Finished.is_broken_pipe());
    let other = ExportError::Io(std::io::ErrorKind::StorageFull.into());
    assert!(!other.is_broken_pipe());
}
