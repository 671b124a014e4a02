#!/usr/bin/env python3
"""How many ACLED notes name their own place at all.

For each row of an ACLED CSV (old 2015 schema or current), checks whether any of
the gold LOCATION, ADMIN3, ADMIN2 or ADMIN1 names occurs in the NOTES as a whole
word sequence (case, accents and punctuation folded). A note that names none of
them can only be placed by inference (a regional party, a "district town"), so
this share bounds what text-based place recognition can reach on the set.

usage: python3 bench/eval/acled_place_ceiling.py ../shared/data/dev/acled_asia_2015.csv
"""
import csv
import re
import sys
import unicodedata
from collections import Counter


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return " " + " ".join(re.sub(r"[^a-z0-9 ]", " ", s).split()) + " "


def main(path: str) -> None:
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit(f"{path}: no rows")
    up = {k.upper(): k for k in rows[0]}
    need = ["NOTES", "COUNTRY", "LOCATION", "ADMIN1"]
    missing = [c for c in need if c not in up]
    if missing:
        sys.exit(f"{path}: not an ACLED file (missing {', '.join(missing)})")
    cols = [up[c] for c in ("LOCATION", "ADMIN3", "ADMIN2", "ADMIN1") if c in up]
    total, named = Counter(), Counter()
    for r in rows:
        notes = norm(r[up["NOTES"]])
        names = [norm(r[c]) for c in cols if r[c] and len(norm(r[c]).strip()) > 2]
        ok = any(n in notes for n in names)
        for key in (r[up["COUNTRY"]], "all rows"):
            total[key] += 1
            named[key] += ok
    print(f"{'country':<14}{'notes':>7}{'name their place':>18}")
    for key in sorted(total, key=lambda k: (k == "all rows", -total[k])):
        print(f"{key:<14}{total[key]:>7}{100 * named[key] / total[key]:>17.1f}%")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
