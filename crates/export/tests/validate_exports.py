#!/usr/bin/env python3
"""Independent check of sitrep's exports with readers that share no code with it.

Usage: validate_exports.py DIR
DIR holds events.jsonl (the reference), events.json, events.csv, events.acled.csv,
events.geojson and events.parquet, all written from the same events.
Exits 0 when every check passes, 1 with the failures on stderr, 3 when pyarrow is missing.
"""
import csv
import json
import math
import os
import sys

ACLED = ("event_id_cnty event_date year time_precision event_type sub_event_type actor1 "
         "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso "
         "region country admin1 admin2 admin3 location latitude longitude geo_precision source "
         "source_scale notes fatalities tags timestamp").split()

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)


def dotted(ev, name):
    cur = ev
    for part in name.split("."):
        if cur is None:
            return None
        cur = cur.get(part)
    return cur


def main():
    try:
        import pyarrow.parquet as pq
        import pyarrow as pa
    except ImportError:
        print("pyarrow is not installed", file=sys.stderr)
        return 3
    d = sys.argv[1]
    with open(os.path.join(d, "events.jsonl"), encoding="utf-8") as f:
        events = [json.loads(line) for line in f if line.strip()]
    check(len(events) > 0, "no events in events.jsonl")

    with open(os.path.join(d, "events.json"), encoding="utf-8") as f:
        arr = json.load(f)
    check(arr == events, "events.json differs from events.jsonl")

    # Flat CSV
    with open(os.path.join(d, "events.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(d, "events.csv"), encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    check(len(rows) == len(events), f"csv has {len(rows)} rows, jsonl {len(events)}")
    for ev, row in zip(events, rows):
        check(row["id"] == ev["id"], f"csv id {row['id']} != {ev['id']}")
        best = dotted(ev, "fatalities.best")
        check(row["fatalities.best"] == ("" if best is None else str(best)),
              f"csv fatalities.best of {ev['id']}")
        lat = dotted(ev, "location.lat")
        check((row["location.lat"] == "") == (lat is None) and
              (lat is None or math.isclose(float(row["location.lat"]), lat)),
              f"csv location.lat of {ev['id']}")
        check(json.loads(row["claimed_by"]) == ev["claimed_by"], f"csv claimed_by of {ev['id']}")
        check(json.loads(row["evidence"]) == ev["evidence"], f"csv evidence of {ev['id']}")
        check(row["notes"] == ev["notes"], f"csv notes of {ev['id']}")

    # ACLED CSV
    with open(os.path.join(d, "events.acled.csv"), encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        aheader = next(reader)
        arows = [dict(zip(aheader, r)) for r in reader]
    check(aheader == ACLED, f"acled header {aheader}")
    typed = [e for e in events if e["event_type"] is not None]
    check(len(arows) == len(typed), f"acled rows {len(arows)} != typed events {len(typed)}")
    for ev, row in zip(typed, arows):
        check(row["event_type"] == ev["event_type"], "acled event_type")
        check(row["fatalities"].isdigit(), f"acled fatalities {row['fatalities']!r} not an integer")
        check(int(row["fatalities"]) == (dotted(ev, "fatalities.best") or 0), "acled fatalities")
        check(row["interaction"] == "" or (row["interaction"].isdigit() and len(row["interaction"]) == 2),
              f"acled interaction {row['interaction']!r}")
        check(row["event_id_cnty"][:3].isalpha() and row["event_id_cnty"][3:].isdigit(),
              f"acled event_id_cnty {row['event_id_cnty']!r}")

    # GeoJSON
    with open(os.path.join(d, "events.geojson"), encoding="utf-8") as f:
        gj = json.load(f)
    check(gj.get("type") == "FeatureCollection", "geojson type")
    located = [e for e in events
               if e["location"] and e["location"]["lat"] is not None and e["location"]["lon"] is not None]
    feats = gj.get("features", [])
    check(len(feats) == len(located), f"geojson features {len(feats)} != located {len(located)}")
    for ev, ft in zip(located, feats):
        g = ft.get("geometry", {})
        check(ft.get("type") == "Feature" and g.get("type") == "Point", "geojson feature shape")
        lon, lat = g.get("coordinates", [None, None])
        check(math.isclose(lon, ev["location"]["lon"]) and math.isclose(lat, ev["location"]["lat"]),
              "geojson coordinates are [lon, lat]")
        check(list(ft["properties"].keys()) == header, "geojson properties != csv columns")
        check(ft["properties"]["fatalities.best"] == dotted(ev, "fatalities.best"),
              "geojson fatalities.best")

    # Parquet
    t = pq.read_table(os.path.join(d, "events.parquet"))
    check(t.column_names == header, "parquet columns != csv columns")
    check(t.num_rows == len(events), f"parquet rows {t.num_rows} != {len(events)}")
    check(t.schema.field("fatalities.best").type == pa.uint32(), "parquet fatalities.best type")
    check(t.schema.field("event_date").type == pa.date32(), "parquet event_date type")
    check(t.schema.field("location.lat").type == pa.float64(), "parquet location.lat type")
    check(t.schema.field("background").type == pa.bool_(), "parquet background type")
    cols = t.to_pydict()
    for i, ev in enumerate(events):
        check(cols["id"][i] == ev["id"], "parquet id")
        check(cols["fatalities.best"][i] == dotted(ev, "fatalities.best"), "parquet fatalities.best")
        check(cols["wounded.best"][i] == dotted(ev, "wounded.best"), "parquet wounded.best")
        date = cols["event_date"][i]
        check((date.isoformat() if date else None) == ev["event_date"], "parquet event_date")
        check(cols["actor1.name"][i] == dotted(ev, "actor1.name"), "parquet actor1.name")
        check(cols["background"][i] == ev["background"], "parquet background")

    if failures:
        for f in failures:
            print("FAIL:", f, file=sys.stderr)
        return 1
    print(f"ok: {len(events)} events, {len(arows)} ACLED rows, {len(feats)} features, "
          f"{t.num_rows} parquet rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
