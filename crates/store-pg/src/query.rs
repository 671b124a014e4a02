//! Reading events: the filters of [`EventQuery`], keyset pagination, stats.
//! Every value is a bound parameter; only fixed SQL fragments are concatenated.

use crate::PgStore;
use chrono::NaiveDate;
use postgres::types::{Json, ToSql};
use sitrep_model::Event;
use sitrep_store::{
    decode_cursor, encode_cursor, EventPage, EventQuery, StatsGroup, StatsRow, StoreError,
};

/// Bound parameters of a query under construction.
#[derive(Default)]
struct Params {
    values: Vec<Box<dyn ToSql + Sync>>,
}

impl Params {
    fn push<T: ToSql + Sync + 'static>(&mut self, v: T) -> String {
        self.values.push(Box::new(v));
        format!("${}", self.values.len())
    }

    fn refs(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.values.iter().map(|b| b.as_ref()).collect()
    }
}

/// The WHERE conditions of a query (ANDed), over the `events` table aliased `e`.
fn conditions(q: &EventQuery, p: &mut Params) -> Result<Vec<String>, StoreError> {
    q.validate()?;
    for s in [&q.country, &q.admin1, &q.actor, &q.text, &q.cursor]
        .into_iter()
        .flatten()
    {
        if s.contains('\0') {
            return Err(StoreError::BadQuery(
                "a filter contains a NUL character".into(),
            ));
        }
    }
    let mut w = Vec::new();
    if let Some(f) = q.from {
        w.push(format!("e.event_date >= {}", p.push(f)));
    }
    if let Some(t) = q.to {
        w.push(format!("e.event_date <= {}", p.push(t)));
    }
    if let Some(c) = q
        .country
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        w.push(format!(
            "e.country_code = {}",
            p.push(c.to_ascii_uppercase())
        ));
    }
    if let Some(a) = q.admin1.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        w.push(format!("e.admin1_lc = {}", p.push(a.to_lowercase())));
    }
    if let Some(t) = q.event_type {
        w.push(format!("e.event_type = {}", p.push(t.label().to_string())));
    }
    if let Some(a) = q.actor.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        let n = p.push(a.to_lowercase());
        w.push(format!(
            "(strpos(coalesce(e.actor1_lc, ''), {n}) > 0 OR strpos(coalesce(e.actor2_lc, ''), {n}) > 0)"
        ));
    }
    if let Some([west, south, east, north]) = q.bbox {
        let (s, n) = (p.push(south), p.push(north));
        let (wv, ev) = (p.push(west), p.push(east));
        let lon = if west <= east {
            format!("e.lon BETWEEN {wv} AND {ev}")
        } else {
            // Crossing the antimeridian.
            format!("(e.lon >= {wv} OR e.lon <= {ev})")
        };
        w.push(format!("e.lat BETWEEN {s} AND {n} AND {lon}"));
    }
    if let Some(t) = q.text.as_deref().filter(|t| !t.trim().is_empty()) {
        // Every word (letters and digits), as the SQLite backend's FTS query.
        let words: Vec<&str> = t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return Err(StoreError::BadQuery(format!(
                "text query {t:?} has no words"
            )));
        }
        let tq = p.push(words.join(" "));
        w.push(format!(
            // ARRAY(…) runs once, first: the matching articles from the GIN index,
            // then their events by primary key (the planner misjudges tsquery
            // selectivity and would walk the date index instead).
            "e.id = ANY(ARRAY(SELECT r.event_id FROM articles a JOIN reports r ON r.article_id = a.id
                              WHERE a.tsv @@ plainto_tsquery('simple', {tq})))"
        ));
    }
    Ok(w)
}

fn where_sql(w: &[String]) -> String {
    if w.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", w.join(" AND "))
    }
}

/// Decodes the JSON event in column `col`.
pub(crate) fn decode_event(db: &str, row: &postgres::Row, col: usize) -> Result<Event, StoreError> {
    let v: Result<Json<Event>, _> = row.try_get(col);
    v.map(|j| j.0).map_err(|e| StoreError::NotAStore {
        db: db.to_string(),
        reason: format!("stored event does not decode: {e}"),
    })
}

/// A filtered page of events, newest first (event_date DESC, nulls last, then id).
pub(crate) fn events(store: &PgStore, q: &EventQuery) -> Result<EventPage, StoreError> {
    let mut p = Params::default();
    let mut w = conditions(q, &mut p)?;
    if let Some(c) = q.cursor.as_deref() {
        let (date, id) = decode_cursor(c)?;
        let idp = p.push(id);
        match NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok() {
            Some(d) => {
                let dp = p.push(d);
                w.push(format!(
                    "(e.event_date < {dp} OR (e.event_date = {dp} AND e.id > {idp}) OR e.event_date IS NULL)"
                ));
            }
            None => w.push(format!("(e.event_date IS NULL AND e.id > {idp})")),
        }
    }
    let limit = q.page_size();
    let limit_sql = format!("LIMIT {}", p.push((limit + 1) as i64));
    let sql = format!(
        "SELECT e.event, e.event_date, e.id FROM events e {} \
         ORDER BY e.event_date DESC NULLS LAST, e.id {limit_sql}",
        where_sql(&w)
    );
    let mut c = store.conn()?;
    let rows = c.query(&sql, &p.refs()).map_err(|e| store.err(e))?;
    let mut events = Vec::with_capacity(rows.len());
    let mut next_cursor = None;
    for (i, r) in rows.iter().enumerate() {
        if i >= limit {
            if let Some(last) = rows.get(i.wrapping_sub(1)) {
                let d: Option<NaiveDate> = last.get(1);
                let d = d.map(|d| d.to_string()).unwrap_or_default();
                next_cursor = Some(encode_cursor(&d, &last.get::<_, String>(2)));
            }
            break;
        }
        events.push(decode_event(store.db(), r, 0)?);
    }
    Ok(EventPage {
        events,
        next_cursor,
    })
}

/// Counts and fatalities grouped for charts.
pub(crate) fn stats(
    store: &PgStore,
    q: &EventQuery,
    group: StatsGroup,
) -> Result<Vec<StatsRow>, StoreError> {
    let mut p = Params::default();
    let mut w = conditions(q, &mut p)?;
    // Keys and order as the SQLite backend gives them.
    let (key, stacked) = match group {
        // Grouped on dates (cheap), formatted after grouping.
        StatsGroup::Week => ("date_trunc('week', e.event_date)::date", true),
        StatsGroup::Month => ("date_trunc('month', e.event_date)::date", true),
        StatsGroup::Day => ("e.event_date", true),
        StatsGroup::Admin1 => ("coalesce(e.admin1, '(unknown)')", false),
        StatsGroup::Actor => ("coalesce(e.actor1, '(unknown)')", false),
        StatsGroup::Type => ("coalesce(e.event_type, '(verbal)')", false),
    };
    let fmt = if group == StatsGroup::Month {
        "YYYY-MM"
    } else {
        "YYYY-MM-DD"
    };
    let sql = if stacked {
        w.push("e.event_date IS NOT NULL".into());
        format!(
            "SELECT to_char(k, '{fmt}'), t, n, f FROM (
                SELECT {key} AS k, e.event_type AS t, count(*) AS n,
                       coalesce(sum(e.fatalities_best), 0)::int8 AS f
                FROM events e {} GROUP BY 1, 2) s
             ORDER BY k, t NULLS FIRST",
            where_sql(&w)
        )
    } else {
        format!(
            "SELECT {key} COLLATE \"C\" AS k, NULL::text AS t, count(*) AS n,
                    coalesce(sum(e.fatalities_best), 0)::int8 AS f
             FROM events e {} GROUP BY 1 ORDER BY 3 DESC, 1",
            where_sql(&w)
        )
    };
    let mut c = store.conn()?;
    let rows = c.query(&sql, &p.refs()).map_err(|e| store.err(e))?;
    Ok(rows
        .iter()
        .map(|r| StatsRow {
            key: r.get(0),
            event_type: r.get(1),
            events: r.get::<_, i64>(2).max(0) as u64,
            fatalities: r.get::<_, i64>(3).max(0) as u64,
        })
        .collect())
}
