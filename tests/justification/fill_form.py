#!/usr/bin/python3
"""Fills a justification form as a structure would, with openpyxl (python3-openpyxl).

fill_form.py SOURCE.xlsx DEST.xlsx CELL=VALUE…

VALUE is `n:1234.56` (a number), `s:text` (text), `d:2024-03-29` (a date, shown JJ/MM/AAAA)
or `empty` (the cell cleared). Cells are on the sheet `Justification`.
"""
import datetime
import sys

import openpyxl


def main(source, dest, assignments):
    book = openpyxl.load_workbook(source)
    sheet = book["Justification"]
    for assignment in assignments:
        ref, value = assignment.split("=", 1)
        cell = sheet[ref]
        if value == "empty":
            cell.value = None
        elif value.startswith("n:"):
            cell.value = float(value[2:]) if "." in value else int(value[2:])
        elif value.startswith("s:"):
            cell.value = value[2:]
        elif value.startswith("d:"):
            cell.value = datetime.datetime.strptime(value[2:], "%Y-%m-%d")
            cell.number_format = "dd/mm/yyyy"
        else:
            raise SystemExit("valeur sans type : " + assignment)
    book.save(dest)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
