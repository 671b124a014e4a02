//! `sitrep serve`: the HTTP JSON API and the dashboard on one port (SPEC §5).
//!
//! Prints the URL once it listens (with `--addr 127.0.0.1:0` the OS picks a free
//! port, which the printed URL names). Writes (`POST /api/articles`) are enabled only
//! when a token is given with `--token` or `SITREP_TOKEN`.

use anyhow::Context;
use sitrep_extract::{ExtractOptions, Extractor};
use sitrep_model::{Article, Event};
use sitrep_serve::{Analyzer, ServeConfig};
use std::io::Write;
use std::process::ExitCode;
use std::sync::{Arc, OnceLock};

/// Reads posted JSON articles with the ingest stage's JSONL reader and codes them with
/// the extractor (built on first use, so the server starts at once).
struct Pipeline {
    extractor: OnceLock<Result<Extractor, String>>,
    read: sitrep_ingest::ReadOptions,
    extract: ExtractOptions,
}

impl Pipeline {
    fn extractor(&self) -> Result<&Extractor, String> {
        self.extractor
            .get_or_init(|| {
                sitrep_gazetteer::Gazetteer::embedded()
                    .map(|g| Extractor::new(Arc::new(g)))
                    .map_err(|e| format!("cannot load the gazetteer: {e}"))
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl Analyzer for Pipeline {
    fn read(&self, value: &serde_json::Value, index: usize) -> Result<Article, String> {
        sitrep_ingest::article_from_json(value, "http", index, &self.read)
            .map_err(|e| e.to_string())
    }

    fn extract(&self, article: &Article) -> Vec<Event> {
        match self.extractor() {
            Ok(ex) => ex.extract(article, &self.extract),
            Err(e) => {
                tracing::error!("{e}");
                Vec::new()
            }
        }
    }
}

/// Runs `sitrep serve`.
pub fn run(args: crate::cli::ServeArgs) -> anyhow::Result<ExitCode> {
    let token = args.token.filter(|t| !t.trim().is_empty());
    let writable = token.is_some();
    // A read-only server also answers from a store it cannot write (read-only media,
    // no write permission); with a token it needs a writable store.
    let store = if writable {
        crate::db::open(&args.db.db)?
    } else {
        crate::db::open_for_reading(&args.db.db)?
    };
    let config = ServeConfig {
        token,
        ..ServeConfig::default()
    };
    let pipeline = Arc::new(Pipeline {
        extractor: OnceLock::new(),
        read: sitrep_ingest::ReadOptions::default(),
        extract: ExtractOptions::default(),
    });
    let app = sitrep_serve::router(store, pipeline, config);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr().context("reading the bound address")?;
        let mode = if writable {
            "POST /api/articles enabled (bearer token)"
        } else {
            "read-only"
        };
        println!("sitrep: serving {} at http://{addr}/ ({mode})", args.db.db);
        std::io::stdout().flush().ok();
        sitrep_serve::serve(listener, app, async {
            // Ctrl-C or SIGTERM: finish the requests in flight, then stop.
            let ctrl_c = async {
                tokio::signal::ctrl_c().await.ok();
            };
            #[cfg(unix)]
            let term = async {
                match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                    Ok(mut s) => {
                        s.recv().await;
                    }
                    Err(_) => std::future::pending::<()>().await,
                }
            };
            #[cfg(not(unix))]
            let term = std::future::pending::<()>();
            tokio::select! {
                _ = ctrl_c => {}
                _ = term => {}
            }
        })
        .await
        .context("serving")?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
