#!/usr/bin/env python3
"""Compares our indicators.csv with bin/peer.py's unsuppressed figures, cell by published cell.

    compare_peer.py OURS.csv PEER.csv

Every published (not c, x or z) respondents and count must equal the peer's n and count exactly; means,
sds and percents must agree to their rounding. Prints "checked N cells (S at School level)" and exits 1
on any difference, or when a row of ours has no peer row.
"""
import csv, sys

UNIT = {"School": "school_urn", "Local authority": "old_la_code", "Regional": "region_code",
        "National": "country_code"}
BREAKDOWNS = ["sex", "year_group", "fsm_status", "sen_status", "ethnicity_major"]
# Our column, the peer's, and the largest difference the published rounding allows.
FIGURES = [("respondents", "n", 0), ("count", "count", 0), ("mean", "mean", 0.0051), ("sd", "sd", 0.0051),
           ("percent", "percent", 0.051)]


def main(ours_path, peer_path):
    with open(peer_path, newline="") as file:
        peer = {(row["geographic_level"], row["unit"], row["indicator_id"], row["breakdown"], row["category"]): row
                for row in csv.DictReader(file)}
    checked = school = 0
    problems = []
    with open(ours_path, newline="") as file:
        for row in csv.DictReader(file):
            level = row["geographic_level"]
            split = [name for name in BREAKDOWNS if row[name] != "Total"]
            breakdown, category = (split[0], row[split[0]]) if split else ("total", "Total")
            key = (level, row[UNIT[level]], row["indicator_id"], breakdown, category)
            other = peer.get(key)
            if other is None:
                problems.append(f"no peer row for {key}")
                continue
            for ours, theirs, tolerance in FIGURES:
                if row[ours] in ("c", "x", "z"):
                    continue
                checked += 1
                school += level == "School"
                if abs(float(row[ours]) - float(other[theirs])) > tolerance:
                    problems.append(f"{key} {ours}: ours {row[ours]}, peer {other[theirs]}")
    print(f"checked {checked} cells ({school} at School level)")
    for problem in problems[:20]:
        print(problem)
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
