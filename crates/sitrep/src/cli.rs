//! Command-line definitions (SPEC §1). Each subcommand's behaviour lives in its `cmd_*.rs`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// sitrep turns raw news into a conflict-event database.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read news and print the articles as read (no extraction).
    Articles(ReadArgs),
    /// Read news and print the events found in it (stateless, no database).
    Extract(ExtractArgs),
    /// Read news into the store: idempotent, fuses reports of the same event.
    Ingest(IngestArgs),
    /// Query stored events.
    Events(EventsArgs),
    /// Export stored events to a file.
    Export(ExportArgs),
    /// Serve the HTTP API and the dashboard.
    Serve(ServeArgs),
    /// Agreement of `extract` with a hand-coded dataset.
    Eval(EvalArgs),
    /// Register inputs in a shared (PostgreSQL) work queue for `sitrep worker`.
    Queue(QueueArgs),
    /// Process queued inputs from a shared (PostgreSQL) store until the queue is empty.
    Worker(WorkerArgs),
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
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
    /// Apache Parquet (export only).
    Parquet,
}

/// Flags shared by every command that reads news.
#[derive(Debug, Args, Clone)]
pub struct ReadArgs {
    /// Files or folders to read; `-` or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Publication date for inputs that carry none (YYYY-MM-DD).
    #[arg(long)]
    pub published: Option<String>,
    /// The moment of retrieval, for "Updated 5 sec ago" (RFC 3339 or YYYY-MM-DD).
    /// Default: the input's own retrieval time (a file's modification time).
    #[arg(long)]
    pub now: Option<String>,
    /// Print no progress or warnings, only errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Flags of `extract`.
#[derive(Debug, Args, Clone)]
pub struct ExtractArgs {
    /// Reading flags.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Extra actor dictionary entries (overrides or adds).
    #[arg(long)]
    pub actors: Option<PathBuf>,
    /// Extra gazetteer entries (overrides or adds).
    #[arg(long)]
    pub places: Option<PathBuf>,
}

/// The store to use.
#[derive(Debug, Args, Clone)]
pub struct DbArgs {
    /// Store URL: a file path (SQLite) or postgres://…
    #[arg(long, env = "SITREP_DB", default_value = "sitrep.db")]
    pub db: String,
}

/// Flags of `ingest`.
#[derive(Debug, Args, Clone)]
pub struct IngestArgs {
    /// Reading and extraction flags.
    #[command(flatten)]
    pub extract: ExtractArgs,
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
}

/// Event filters (SPEC §1).
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// First day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[arg(long)]
    pub country: Option<String>,
    /// Province/state name.
    #[arg(long)]
    pub admin1: Option<String>,
    /// ACLED event type.
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// Actor name (substring).
    #[arg(long)]
    pub actor: Option<String>,
    /// Bounding box W,S,E,N.
    #[arg(long)]
    pub bbox: Option<String>,
    /// Full-text query over the source articles.
    #[arg(long)]
    pub text: Option<String>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
}

/// Flags of `events`.
#[derive(Debug, Args, Clone)]
pub struct EventsArgs {
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
}

/// Flags of `export`.
#[derive(Debug, Args, Clone)]
pub struct ExportArgs {
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Output file.
    #[arg(long)]
    pub out: PathBuf,
}

/// Flags of `serve`.
#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Bearer token that enables `POST /api/articles`; without it the server is read-only.
    #[arg(long, env = "SITREP_TOKEN")]
    pub token: Option<String>,
}

/// Gold dataset kinds for `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GoldKind {
    /// Global Terrorism Database (GeoJSON).
    Gtd,
    /// ACLED CSV.
    Acled,
    /// UCDP GED CSV.
    Ucdp,
    /// MUC-3/4 messages and keys.
    Muc,
    /// Wikipedia's list of major terrorist incidents (JSON).
    Wiki,
    /// Pakistan drone strikes (Kaggle CSV).
    Drone,
    /// Pakistan suicide bombings (Kaggle CSV; place descriptions: use --recognition).
    Suicide,
}

/// Flags of `eval`.
#[derive(Debug, Args, Clone)]
pub struct EvalArgs {
    /// The hand-coded dataset.
    #[arg(long)]
    pub gold: PathBuf,
    /// Which kind of dataset it is.
    #[arg(long, value_enum)]
    pub kind: GoldKind,
    /// Score recognition alone (places and actors found), not events.
    #[arg(long)]
    pub recognition: bool,
    /// Only records of this country (ISO2 or name).
    #[arg(long)]
    pub country: Option<String>,
    /// At most this many records.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Give each text its gold event's date as the publication date (SPEC §6's
    /// protocol) where the dataset codes a day, instead of the dataset's own date
    /// (MUC: the message's dateline).
    #[arg(long)]
    pub published_from_gold: bool,
    /// Output: a text table, or the figures as one JSON object.
    #[arg(long, value_enum, default_value = "table")]
    pub format: EvalFormat,
}

/// Output formats of `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// One row per field beside its baseline.
    Table,
    /// One JSON object: the counts and, per field, n, correct, accuracy and baseline.
    Json,
}

/// Flags of `queue`.
#[derive(Debug, Args, Clone)]
pub struct QueueArgs {
    /// What to do with the queue.
    #[command(subcommand)]
    pub action: QueueAction,
}

/// Queue actions.
#[derive(Debug, Subcommand, Clone)]
pub enum QueueAction {
    /// Register files or folders as work items (each once).
    Add {
        /// Files or folders.
        paths: Vec<PathBuf>,
        /// The store.
        #[command(flatten)]
        db: DbArgs,
    },
    /// Show queue counts (pending, leased, done, failed).
    Status {
        /// The store.
        #[command(flatten)]
        db: DbArgs,
    },
}

/// Flags of `worker`.
#[derive(Debug, Args, Clone)]
pub struct WorkerArgs {
    /// Reading and extraction flags (paths are ignored: work comes from the queue).
    #[command(flatten)]
    pub extract: ExtractArgs,
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
    /// Lease length in seconds: an item whose worker died is retried after this.
    #[arg(long, default_value_t = 300)]
    pub lease_secs: u64,
    /// Exit when the queue is empty instead of waiting for more work.
    #[arg(long)]
    pub exit_when_empty: bool,
}
