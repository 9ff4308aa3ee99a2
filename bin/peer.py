#!/usr/bin/env python3
"""The peer pipeline of performance.md: what a researcher would write instead of `wellbeing aggregate`.

Streams returns with lxml's iterparse (clearing each pupil once read), then computes the same
indicators as the shipped catalogue defines with pandas groupby, at School, Local authority, Regional
and National level for the total and each breakdown: n (respondents) and count and percent for
proportion indicators, n, mean and sample sd for mean indicators, n for counts. No validation beyond
what the indicators need and no suppression: the returns are taken to be valid.

    bin/peer.py returns/*.xml --out peer.csv

It is also an independent check of ours: on the same valid returns its unsuppressed figures equal the
published cells of indicators.csv (Tests/WellbeingCLITests/PeerPipelineTests.swift).
"""
import argparse, csv, json, os, sys
from array import array

import numpy as np
import pandas as pd
from lxml import etree

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Sources", "WellbeingResources", "Data")
NS = "{urn:school-wellbeing:return:1}"

# Category labels as indicators.csv writes them (Sources/WellbeingCore/Model/PupilCharacteristics.swift).
SEX = {"F": "Female", "M": "Male", "O": "Other", "U": "Unknown"}
FSM = {"true": "FSM eligible", "1": "FSM eligible", "false": "Not FSM eligible", "0": "Not FSM eligible"}
SEN = {"N": "No SEN", "K": "SEN support", "E": "EHC plan"}
ETHNICITY = {code: group for group, codes in {
    "White": "WBRI WIRI WIRT WOTH WROM", "Mixed": "MWBC MWBA MWAS MOTH", "Asian": "AIND APKN ABAN AOTH",
    "Black": "BCRB BAFR BOTH", "Chinese": "CHNE", "Any other ethnic group": "OOTH", "Unclassified": "REFU NOBT",
}.items() for code in codes.split()}
BREAKDOWNS = ["sex", "year_group", "fsm_status", "sen_status", "ethnicity_major"]
MISSING = -1


def read_returns(paths, items):
    """Every pupil of every return as columns: characteristics, and one int8 column per item (-1 missing).

    A school in two returns counts from the later file, as a resubmission would.
    """
    index = {code: i for i, code in enumerate(items)}
    schools, las, years, sexes, fsms, sens, ethnicities = [], [], array("b"), [], [], [], []
    answers = [array("b") for _ in items]
    file_of_school = {}
    file_of_row = array("i")
    for number, path in enumerate(paths):
        la = urn = None
        row = [MISSING] * len(items)
        for event, element in etree.iterparse(path, events=("start", "end"),
                                              tag=(NS + "LocalAuthority", NS + "School", NS + "Pupil")):
            tag = element.tag
            if event == "start":
                if tag == NS + "School":
                    urn = element.get("urn")
                    file_of_school[urn] = number
                elif tag == NS + "LocalAuthority":
                    la = element.get("laCode")
                continue
            if tag != NS + "Pupil":
                if tag == NS + "School":
                    release(element)
                continue
            year = element.get("yearGroup")
            for i in range(len(row)):
                row[i] = MISSING
            for answer in element:
                i = index.get(answer.get("item"))
                if i is not None and answer.get("missing") is None and answer.text is not None:
                    row[i] = int(answer.text)
            schools.append(urn)
            las.append(la)
            years.append(0 if year == "R" else int(year))
            sexes.append(SEX[element.get("sex")])
            fsms.append(FSM.get(element.get("fsm"), "Unknown"))
            sens.append(SEN.get(element.get("sen"), "Unknown"))
            ethnicities.append(ETHNICITY.get(element.get("ethnicity"), "Unclassified"))
            file_of_row.append(number)
            for i, value in enumerate(row):
                answers[i].append(value)
            release(element)
    frame = pd.DataFrame({"school_urn": schools, "la_code": las, "year": np.frombuffer(years, dtype=np.int8),
                          "sex": sexes, "fsm_status": fsms, "sen_status": sens, "ethnicity_major": ethnicities})
    for code, column in zip(items, answers):
        frame[code] = np.frombuffer(column, dtype=np.int8)
    latest = frame["school_urn"].map(file_of_school).to_numpy()
    return frame[np.frombuffer(file_of_row, dtype=np.int32) == latest].reset_index(drop=True)


def release(element):
    """Frees an element read to its end and its earlier siblings, so the tree stays small however long the file."""
    element.clear()
    while element.getprevious() is not None:
        del element.getparent()[0]


def score_values(frame, score):
    """A score per pupil: the raw sum of its items through the conversion table (NaN when any is missing)."""
    values = frame[score["items"]].to_numpy(dtype=np.int64)
    complete = (values != MISSING).all(axis=1)
    sums = values.sum(axis=1)
    if "table" not in score:
        return np.where(complete, sums, np.nan).astype(float)
    table = {int(raw): metric for raw, metric in score["table"].items()}
    converted = pd.Series(sums).map(table).to_numpy(dtype=float)
    return np.where(complete, converted, np.nan)


def test(values, rule):
    """Whether each value passes a catalogue value test (equals, in, min, max, below, above)."""
    result = ~np.isnan(values)
    if "equals" in rule: result &= values == rule["equals"]
    if "in" in rule: result &= np.isin(values, rule["in"])
    if "min" in rule: result &= values >= rule["min"]
    if "max" in rule: result &= values <= rule["max"]
    if "below" in rule: result &= values < rule["below"]
    if "above" in rule: result &= values > rule["above"]
    return result


def holds(condition, frame, scores):
    """A catalogue condition over every pupil at once."""
    if "all" in condition:
        return np.logical_and.reduce([holds(part, frame, scores) for part in condition["all"]])
    if "any" in condition:
        return np.logical_or.reduce([holds(part, frame, scores) for part in condition["any"]])
    if "atLeast" in condition:
        met = sum(holds(part, frame, scores).astype(int) for part in condition["of"])
        return met >= condition["atLeast"]
    if "item" in condition:
        values = frame[condition["item"]].to_numpy(dtype=float)
        return test(np.where(values == MISSING, np.nan, values), condition)
    return test(scores[condition["score"]], condition)


def outcomes(frame, catalogue):
    """One row per pupil and indicator the pupil counts in: the indicator, whether it holds, the score."""
    instrument = catalogue["instrument"]
    item_codes = [item["code"] for item in instrument["items"]]
    scores = {score["id"]: score_values(frame, score) for score in catalogue["scores"]}
    valid = frame[item_codes] != MISSING
    parts = []
    for indicator in catalogue["indicators"]:
        years = indicator["years"]
        eligible = frame["year"].between(years["from"], years["to"]).to_numpy().copy()
        denominator = indicator["denominator"]
        if denominator.get("anyItemValid"):
            eligible &= valid.any(axis=1).to_numpy()
        else:
            eligible &= valid[denominator["allValid"]].all(axis=1).to_numpy()
        hit = np.ones(len(frame), dtype=bool)
        value = np.full(len(frame), np.nan)
        if indicator["type"] == "proportion":
            hit = holds(indicator["numerator"], frame, scores)
        elif indicator["type"] == "mean":
            value = scores[indicator["score"]]
            eligible &= ~np.isnan(value)
        part = frame.loc[eligible, KEYS].copy()
        part["indicator_id"] = indicator["id"]
        part["hit"] = hit[eligible]
        part["value"] = value[eligible]
        parts.append(part)
    rows = pd.concat(parts, ignore_index=True)
    rows["indicator_id"] = rows["indicator_id"].astype("category")
    return rows


KEYS = ["school_urn", "la_code", "region_code", "sex", "year_group", "fsm_status", "sen_status", "ethnicity_major"]
LEVELS = [("School", "school_urn"), ("Local authority", "la_code"), ("Regional", "region_code"),
          ("National", None)]


def aggregate(rows, catalogue):
    """n, count, percent, mean and sd per level, unit, indicator and breakdown category (pandas groupby)."""
    kinds = {indicator["id"]: indicator["type"] for indicator in catalogue["indicators"]}
    tables = []
    for level, key in LEVELS:
        for breakdown in ["total"] + BREAKDOWNS:
            by = ([key] if key else []) + ["indicator_id"] + ([breakdown] if breakdown != "total" else [])
            grouped = rows.groupby(by, sort=False, observed=True).agg(
                n=("hit", "size"), count=("hit", "sum"), mean=("value", "mean"), sd=("value", "std"))
            grouped = grouped.reset_index()
            grouped["geographic_level"] = level
            grouped["unit"] = grouped[key] if key else "E92000001"
            grouped["breakdown"] = breakdown
            grouped["category"] = grouped[breakdown] if breakdown != "total" else "Total"
            tables.append(grouped[["geographic_level", "unit", "indicator_id", "breakdown", "category", "n", "count",
                                   "mean", "sd"]])
    table = pd.concat(tables, ignore_index=True)
    kind = table["indicator_id"].map(kinds)
    table["percent"] = np.where(kind == "proportion", 100 * table["count"] / table["n"], np.nan)
    table.loc[kind != "proportion", "count"] = pd.NA
    table.loc[kind != "mean", ["mean", "sd"]] = np.nan
    return table


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", metavar="FILE", help="return files (XML)")
    parser.add_argument("--out", required=True, help="the CSV to write")
    parser.add_argument("--catalogue", default=os.path.join(DATA, "catalogue.json"))
    parser.add_argument("--hierarchy", default=os.path.join(DATA, "region_la_hierarchy.csv"))
    args = parser.parse_args()

    with open(args.catalogue) as file:
        catalogue = json.load(file)
    with open(args.hierarchy, newline="") as file:
        regions = {row["old_la_code"]: row["region_code"] for row in csv.DictReader(file)}
    instrument = catalogue["instrument"]
    items = [item["code"] for item in instrument["items"]]

    frame = read_returns(args.files, items)
    frame["region_code"] = frame["la_code"].map(regions)
    frame["year_group"] = "Year " + frame["year"].astype(str)
    # An answer from a year the item is not asked in is ignored; a pupil with no answer left is not counted.
    for item in instrument["items"]:
        outside = ~frame["year"].between(item["years"]["from"], item["years"]["to"])
        frame.loc[outside, item["code"]] = MISSING
    frame = frame[(frame[items] != MISSING).any(axis=1)].copy()
    # Categorical keys: what pandas' groupby is fast with (it factorizes strings on every call otherwise).
    for key in KEYS:
        frame[key] = frame[key].astype("category")

    table = aggregate(outcomes(frame, catalogue), catalogue)
    table.to_csv(args.out, index=False, float_format="%.4f")
    print(f"{args.out}: {len(table)} rows from {len(frame)} pupils", file=sys.stderr)


if __name__ == "__main__":
    main()
