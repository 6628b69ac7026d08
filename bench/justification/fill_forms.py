#!/usr/bin/python3
"""Fills quarterly justification forms as structures would, for bench/justification/run.sh.

fill_forms.py OUT_DIR DEST_DIR COUNT

Takes the first COUNT forms of OUT_DIR/justifications/<structure>/<YYYY>-T<n>.xlsx (sorted by
path), types amounts on every line with a conseiller, a reference and the attestation with
openpyxl (Debian's python3-openpyxl), and saves them as DEST_DIR/<structure>-<YYYY>-T<n>.xlsx.
Two processes share the work. Deterministic: amounts come from the line's position.
"""
import datetime
import multiprocessing
import pathlib
import sys

import openpyxl


def fill(job):
    index, source, dest = job
    book = openpyxl.load_workbook(source)
    sheet = book["Justification"]
    quarter = source.stem  # 2024-T1
    year, number = int(quarter[:4]), int(quarter[-1])
    last_month = number * 3
    row = 21
    while sheet.cell(row, 1).value:
        if sheet.cell(row, 3).value:  # a conseiller: the structure declares its expenses
            sheet.cell(row, 5).value = 4500 + (index * 7 + row) % 900 + 0.25
            sheet.cell(row, 6).value = 1800 + (index * 3 + row) % 300 + 0.5
            sheet.cell(row, 7).value = (index + row) % 250 + 0.75
            sheet.cell(row, 13).value = f"Bulletins de paie {quarter}, état de frais {index}"
            day = sheet.cell(row, 14)
            day.value = datetime.datetime(year, last_month, 15)
            day.number_format = "dd/mm/yyyy"
        row += 1
    sheet["C15"] = "Camille Martin"
    sheet["C16"] = "Directrice générale des services"
    sheet["C17"] = datetime.datetime(year, last_month, 28)
    sheet["C17"].number_format = "dd/mm/yyyy"
    sheet["C18"] = "Mairie"
    book.save(dest)


def main(out_dir, dest_dir, count):
    forms = sorted(pathlib.Path(out_dir, "justifications").glob("*/*.xlsx"))[:count]
    if len(forms) < count:
        raise SystemExit(f"{len(forms)} justifications seulement, {count} demandées")
    dest = pathlib.Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    jobs = [(i, f, dest / f"{f.parent.name}-{f.name}") for i, f in enumerate(forms)]
    with multiprocessing.Pool(2) as pool:
        pool.map(fill, jobs, chunksize=16)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
