"""Independent check of indicators.json and indicators.xlsx against indicators.csv (Python's csv module).

usage: compare_formats.py json|xlsx EXPORT_DIR [SCHEMA]
Prints one JSON object: {"errors": [...], "names": [school names as the format gives them], "cells": N}.
"""
import csv
import json
import sys
from pathlib import Path

mode, folder = sys.argv[1], Path(sys.argv[2])
errors = []
MAX_ERRORS = 20


def error(message):
    if len(errors) < MAX_ERRORS:
        errors.append(message)


with open(folder / "indicators.csv", newline="", encoding="utf-8") as f:
    table = list(csv.reader(f, strict=True))
header, rows = table[0], table[1:]
dp = {}
with open(folder / "indicators.meta.csv", newline="", encoding="utf-8") as f:
    for meta in csv.DictReader(f):
        if meta["col_type"] == "Indicator":
            dp[meta["col_name"]] = int(meta["indicator_dp"])
names = []
cells = 0

if mode == "json":
    import jsonschema
    text = (folder / "indicators.json").read_text(encoding="utf-8")
    document = json.loads(text)
    schema = json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for problem in validator.iter_errors(document):
        error(f"schema: {'/'.join(map(str, problem.absolute_path))}: {problem.message}")
    # Numbers as their exact text, so "20.40" must be written 20.40, not 20.4.
    exact = json.loads(text, parse_float=str, parse_int=str)
    if exact["columns"] != header:
        error("columns differ from the CSV header")
    if len(exact["rows"]) != len(rows):
        error(f"{len(exact['rows'])} JSON rows, {len(rows)} CSV rows")
    for number, (json_row, csv_row) in enumerate(zip(exact["rows"], rows), start=2):
        for column, value, expected in zip(header, json_row, csv_row):
            cells += 1
            got = "" if value is None else value
            if got != expected:
                error(f"line {number} {column}: JSON {value!r}, CSV {expected!r}")
            if column == "school_name" and value is not None:
                names.append(value)
    if document["provenance"]["catalogue"]["version"] != document["catalogue"]["version"]:
        error("provenance and catalogue disagree on the catalogue version")

elif mode == "xlsx":
    import openpyxl
    import zipfile
    with zipfile.ZipFile(folder / "indicators.xlsx") as archive:
        damaged = archive.testzip()
    if damaged is not None:
        error(f"the ZIP entry {damaged} fails its CRC check")
    workbook = openpyxl.load_workbook(folder / "indicators.xlsx")
    sheets = workbook.sheetnames
    if sheets[0] != "Contents" or sheets[-1] != "Notes":
        error(f"sheets are {sheets}; want Contents first and Notes last")
    notes = " ".join(str(c) for row in workbook["Notes"].iter_rows(values_only=True) for c in row if c)
    for word in ["Confidential", "Not applicable", "Not available", "Wilson", "t(0.975", "SHA-256"]:
        if word not in notes:
            error(f"the Notes sheet does not mention {word}")
    generated = json.loads((folder / "provenance.json").read_text(encoding="utf-8"))["generated"]
    created = workbook.properties.created.strftime("%Y-%m-%dT%H:%M:%SZ")
    if created != generated:
        error(f"the workbook says it was created {created}, provenance {generated}")
    contents = [row for row in workbook["Contents"].iter_rows(values_only=True)]
    listed = {row[0]: row[2] for row in contents if row[0] in sheets[1:-1]}
    xlsx_rows = []
    for name in sheets[1:-1]:
        sheet = workbook[name]
        if sheet.freeze_panes != "A2":
            error(f"{name}: header row not frozen ({sheet.freeze_panes})")
        values = list(sheet.iter_rows())
        if not sheet.auto_filter.ref or sheet.auto_filter.ref != f"A1:AE{len(values)}":
            error(f"{name}: autofilter {sheet.auto_filter.ref!r}, want A1:AE{len(values)}")
        if [c.value for c in values[0]] != header:
            error(f"{name}: header differs from the CSV")
        if listed.get(name) != len(values) - 1:
            error(f"{name}: Contents lists {listed.get(name)} rows, the sheet has {len(values) - 1}")
        for row in values[1:]:
            if len(row) != len(header):
                error(f"{name}: a row of {len(row)} cells")
            texts = []
            for column, cell in zip(header, row):
                if cell.value is None:
                    texts.append("")
                elif isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    if column not in dp:
                        error(f"{name} {cell.coordinate}: a number in text column {column}")
                    places = cell.number_format.split(".")[1].count("0") if "." in cell.number_format else 0
                    if places != dp.get(column):
                        error(f"{name} {cell.coordinate}: format {cell.number_format} for {dp.get(column)} dp")
                    texts.append(f"{cell.value:.{dp.get(column, 0)}f}")
                else:
                    if column in dp and cell.value not in ("c", "z", "x", "u", "low"):
                        error(f"{name} {cell.coordinate}: text {cell.value!r} in measure {column}")
                    texts.append(cell.value)
                if column == "school_name" and cell.value is not None:
                    names.append(cell.value)
            xlsx_rows.append(texts)
    # Level sheets hold the CSV's rows grouped by level, each level in CSV order.
    levels = ["National", "Regional", "Local authority", "School"]
    ordered = sorted(rows, key=lambda r: levels.index(r[2]))
    if len(xlsx_rows) != len(ordered):
        error(f"{len(xlsx_rows)} rows in the level sheets, {len(ordered)} in the CSV")
    for xlsx_row, csv_row in zip(xlsx_rows, ordered):
        for column, got, expected in zip(header, xlsx_row, csv_row):
            cells += 1
            if got != expected:
                error(f"{csv_row[2]} {column}: XLSX {got!r}, CSV {expected!r}")
else:
    error(f"unknown mode {mode}")

print(json.dumps({"errors": errors, "names": sorted(set(names)), "cells": cells}, ensure_ascii=False))
