#!/usr/bin/python3
"""Checks that results.xlsx holds exactly the numbers of series.csv (issue 27).

usage: xlsx_matches_series.py RESULTS.xlsx SERIES.csv
Reads the workbook with the standard library only (an xlsx is a zip of XML). Every value cell of
the statistic sheets must be a number (not text), every header a real date, year number or
half-year label, and every (metric, when, statistic) of series.csv must appear with the same value.
"""
import csv
import datetime
import math
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
EPOCH = datetime.date(1899, 12, 30)


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def load_sheets(path):
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    sheets = {}
    for s in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS):
        target = rels[s.get("{%s}id" % NS["r"])]
        rows = []
        for row in ET.fromstring(z.read("xl/" + target.lstrip("/").replace("xl/", ""))).iter("{%s}row" % NS["m"]):
            cells = {}
            for c in row.findall("m:c", NS):
                v = c.find("m:v", NS)
                if v is None:
                    continue
                if c.get("t") == "s":
                    cells[col_index(c.get("r"))] = ("s", strings[int(v.text)])
                else:
                    cells[col_index(c.get("r"))] = ("n", float(v.text))
            rows.append((int(row.get("r")), cells))
        sheets[s.get("name")] = rows
    return sheets


def header_label(block, cell):
    kind, v = cell
    if block == "Flows per half-year or quarter":
        assert kind == "s", cell
        return v
    assert kind == "n", ("a header that should be a date or year is text", cell)
    if block == "Flows per year":
        return "%d" % v
    d = EPOCH + datetime.timedelta(days=int(v))
    return d.strftime("%Y-%m") if block == "Flows per month" else d.isoformat()


def xlsx_values(sheet_rows, stat):
    out = {}
    rows = {r: cells for r, cells in sheet_rows}
    r = 1
    last = max(rows) if rows else 0
    while r <= last:
        title = rows.get(r, {}).get(0)
        if not title:
            r += 1
            continue
        block = title[1]
        header = rows[r + 1]
        labels = {c: header_label(block, cell) for c, cell in header.items() if c >= 1}
        r += 2
        while r in rows and rows[r].get(0):
            metric = rows[r][0][1]
            for c, cell in rows[r].items():
                if c == 0:
                    continue
                assert cell[0] == "n", ("a value stored as text", metric, cell)
                out[(metric, labels[c], stat)] = cell[1]
            r += 1
    return out


def main():
    sheets = load_sheets(sys.argv[1])
    for needed in ("mean", "p05", "p95", "settings", "warnings"):
        assert needed in sheets, "sheet %s missing" % needed
    values = {}
    for stat in ("mean", "sd", "min", "p05", "p25", "p50", "p75", "p95", "max"):
        values.update(xlsx_values(sheets[stat], stat))
    compared = 0
    with open(sys.argv[2], newline="") as f:
        for row in csv.DictReader(f):
            key = (row["metric"], row["when"], row["statistic"])
            if row["value"] == "":  # missing: an empty cell in the workbook too
                if key in values:
                    print("MISMATCH", key, "missing in series.csv", "xlsx", values[key])
                    return 1
                continue
            want = float(row["value"])
            got = values.get(key)
            if got is None or not math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-9):
                print("MISMATCH", key, "series.csv", want, "xlsx", got)
                return 1
            compared += 1
    if compared != len(values):
        print("the workbook has %d values, series.csv %d" % (len(values), compared))
        return 1
    print("results.xlsx equals series.csv: %d values" % compared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
