#!/usr/bin/python3
"""Writes the global ledger with Python XlsxWriter, cell for cell like tranches-xlsx does (same
sheets, formats, formulas with cached values, widths, filter, print set-up), from the rows that
`bench_xlsx --tsv` dumps. Prints the time spent writing (reading the TSV excluded).

Usage: /usr/bin/python3 xlsxwriter_ledger.py ROWS.tsv OUT.xlsx [--constant-memory] [--repeat N]

With --repeat N it writes the file N times and prints the best and the median times.
"""
import datetime
import sys
import time

import xlsxwriter

HEADERS = ["Convention", "Structure", "Poste", "Conseiller", "Tranche", "Pourcentage",
           "Échéance", "Montant", "Date de versement", "Montant versé", "Statut"]
STATUSES = ["a-venir", "exigible", "versee", "suspendue", "risque-suspension", "provisoire"]


def read_rows(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            rows.append((c[0], c[1], int(c[2]), c[3], int(c[4]), int(c[5]),
                         datetime.date.fromisoformat(c[6]), int(c[7]),
                         datetime.date.fromisoformat(c[8]) if c[8] else None,
                         int(c[9]) if c[9] else None, c[10], c[11] == "1"))
    return rows


def formats(book):
    header = book.add_format({"bold": True, "valign": "top", "bg_color": "#E3E3FD",
                              "bottom": 1})
    return {
        "header": header,
        "money": book.add_format({"num_format": '#,##0.00 "€"'}),
        "money_total": book.add_format({"num_format": '#,##0.00 "€"', "bold": True, "top": 1}),
        "date": book.add_format({"num_format": "dd/mm/yyyy"}),
        "month": book.add_format({"num_format": "mm/yyyy"}),
        "pct": book.add_format({"num_format": "0%"}),
        "int": book.add_format({"num_format": "0"}),
        "flag": book.add_format({"bg_color": "#FFD8B2"}),
        "bold": book.add_format({"bold": True}),
    }


def setup(ws, last_row, last_col):
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(last_row, 0), last_col)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.set_footer("&L&A&RPage &P / &N")


def write_statement(ws, f, rows):
    n = len(rows)
    setup(ws, n, 10)
    widths = [len(h) * 1.1 for h in HEADERS]
    for col, h in enumerate(HEADERS):
        ws.write_string(0, col, h, f["header"])
    total = paid_total = 0
    for i, r in enumerate(rows, start=1):
        ws.write_string(i, 0, r[0])
        ws.write_string(i, 1, r[1])
        ws.write_number(i, 2, r[2], f["int"])
        if r[3]:
            ws.write_string(i, 3, r[3])
        ws.write_number(i, 4, r[4], f["int"])
        ws.write_number(i, 5, r[5] / 100, f["pct"])
        ws.write_datetime(i, 6, r[6], f["date"])
        ws.write_number(i, 7, r[7] / 100, f["money"])
        if r[8]:
            ws.write_datetime(i, 8, r[8], f["date"])
        if r[9] is not None:
            ws.write_number(i, 9, r[9] / 100, f["money"])
            paid_total += r[9]
        ws.write_string(i, 10, r[10], f["flag"] if r[11] else None)
        total += r[7]
        for col in (0, 1, 3, 10):
            widths[col] = max(widths[col], len(r[col]))
    t = n + 2
    ws.write_string(t, 0, "Total", f["bold"])
    ws.write_formula(t, 7, "=SUM(H2:H%d)" % (n + 1), f["money_total"], total / 100)
    ws.write_formula(t, 9, "=SUM(J2:J%d)" % (n + 1), f["money_total"], paid_total / 100)
    for col, w in enumerate(widths):
        ws.set_column(col, col, min(max(w + 2, 12), 60))
    return n


def write_summary(ws, f, rows, n):
    months = {}
    for r in rows:
        key = r[6].replace(day=1)
        m = months.setdefault(key, [[0] * 6, 0])
        m[0][STATUSES.index(r[10])] += r[7]
        m[1] += 1
    setup(ws, len(months), 8)
    ws.write_string(0, 0, "Mois d'échéance", f["header"])
    for i, s in enumerate(STATUSES):
        ws.write_string(0, 1 + i, s, f["header"])
    ws.write_string(0, 7, "Total", f["header"])
    ws.write_string(0, 8, "Nombre de tranches", f["header"])
    last = max(n, 1) + 1
    rng = lambda col: "'Échéancier'!$%s$2:$%s$%d" % (col, col, last)
    for row, (month, (by_status, count)) in enumerate(sorted(months.items()), start=1):
        ws.write_datetime(row, 0, month, f["month"])
        a = "$A%d" % (row + 1)
        in_month = '%s,">="&%s,%s,"<"&DATE(YEAR(%s),MONTH(%s)+1,1)' % (rng("G"), a, rng("G"), a, a)
        for i in range(6):
            col = chr(ord("B") + i)
            ws.write_formula(row, 1 + i, "=SUMIFS(%s,%s,%s,%s$1)" % (rng("H"), in_month, rng("K"), col),
                             f["money"], by_status[i] / 100)
        ws.write_formula(row, 7, "=SUM(B%d:G%d)" % (row + 1, row + 1), f["money"],
                         sum(by_status) / 100)
        ws.write_formula(row, 8, "=COUNTIFS(%s)" % in_month, f["int"], count)
    t = len(months) + 2
    ws.write_string(t, 0, "Total", f["bold"])
    sums = [sum(m[0][i] for m in months.values()) / 100 for i in range(6)]
    sums += [sum(sums), sum(m[1] for m in months.values())]
    for col in range(1, 9):
        letter = chr(ord("A") + col)
        ws.write_formula(t, col, "=SUM(%s2:%s%d)" % (letter, letter, len(months) + 1),
                         f["int"] if col == 8 else f["money_total"], sums[col - 1])
    ws.set_column(0, 8, 16)


def write_book(rows, path, constant_memory):
    book = xlsxwriter.Workbook(path, {"constant_memory": constant_memory})
    book.set_properties({"title": "Échéancier global des conventions Conseiller numérique",
                         "author": "Tampon", "created": datetime.datetime(2022, 6, 15)})
    f = formats(book)
    n = write_statement(book.add_worksheet("Échéancier"), f, rows)
    write_summary(book.add_worksheet("Par mois et statut"), f, rows, n)
    book.close()


def main():
    constant_memory = "--constant-memory" in sys.argv
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 1
    rows = read_rows(sys.argv[1])
    wall, cpu = [], []
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        write_book(rows, sys.argv[2], constant_memory)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    wall.sort()
    cpu.sort()
    print("xlsxwriter%s: %d rows in %.3f s (cpu %.3f s), median %.3f s (cpu %.3f s) of %d" % (
        " (constant_memory)" if constant_memory else "", len(rows), wall[0], cpu[0],
        wall[len(wall) // 2], cpu[len(cpu) // 2], repeat))


if __name__ == "__main__":
    main()
