#include "ledger_summary.hpp"

#include <array>
#include <map>
#include <string>

namespace tampon::xlsx {
namespace {

constexpr int k_status_cols = static_cast<int>(k_status_order.size());
constexpr int k_total_col = 1 + k_status_cols;
constexpr int k_count_col = k_total_col + 1;

struct MonthFigures {
  std::array<Money, k_status_order.size()> by_status{};
  long long count = 0;
};

int status_column(TrancheStatus status) {
  for (int i = 0; i < k_status_cols; ++i)
    if (k_status_order[static_cast<std::size_t>(i)] == status) return 1 + i;
  return 1;
}

std::map<Month, MonthFigures> tally(std::span<const TrancheRow> rows) {
  std::map<Month, MonthFigures> months;
  for (const TrancheRow& row : rows) {
    MonthFigures& m = months[Month::of(row.tranche->due)];
    m.by_status[static_cast<std::size_t>(status_column(row.tranche->status) - 1)] +=
        row.tranche->amount;
    ++m.count;
  }
  return months;
}

struct Ranges {
  std::string amount, due, status;
};

void write_month_row(Sheet& sheet, int row, Month month, const MonthFigures& figures,
                     const Ranges& r) {
  const Formats& f = sheet.formats();
  std::string month_cell = cell_ref(row, 0, false);
  month_cell.insert(0, "$");
  sheet.date(row, 0, month.first_day(), f.month);
  std::string in_month = r.due + ",\">=\"&" + month_cell + "," + r.due + ",\"<\"&DATE(YEAR(" +
                         month_cell + "),MONTH(" + month_cell + ")+1,1)";
  Money total;
  for (int i = 0; i < k_status_cols; ++i) {
    int col = 1 + i;
    Money value = figures.by_status[static_cast<std::size_t>(i)];
    total += value;
    std::string status_header = column_name(col) + "$1";
    sheet.money_formula(
        row, col,
        "SUMIFS(" + r.amount + "," + in_month + "," + r.status + "," + status_header + ")", value,
        f.money);
  }
  sheet.money_formula(row, k_total_col,
                      "SUM(" + cell_ref(row, 1) + ":" + cell_ref(row, k_status_cols) + ")", total,
                      f.money);
  sheet.formula(row, k_count_col, "COUNTIFS(" + in_month + ")", static_cast<double>(figures.count),
                f.integer);
}

void write_totals(Sheet& sheet, int first, int last, const std::map<Month, MonthFigures>& months) {
  const Formats& f = sheet.formats();
  int row = last + 2;
  sheet.text(row, 0, "Total", f.bold);
  for (int col = 1; col <= k_count_col; ++col) {
    Money sum;
    long long count = 0;
    for (const auto& [month, fig] : months) {
      if (col <= k_status_cols)
        sum += fig.by_status[static_cast<std::size_t>(col - 1)];
      else if (col == k_total_col)
        for (Money m : fig.by_status) sum += m;
      count += fig.count;
    }
    std::string range =
        last < first ? "0" : "SUM(" + cell_ref(first, col) + ":" + cell_ref(last, col) + ")";
    if (col == k_count_col)
      sheet.formula(row, col, range, static_cast<double>(count), f.integer);
    else
      sheet.money_formula(row, col, range, sum);
  }
}

}  // namespace

void write_ledger_summary(Sheet& sheet, std::span<const TrancheRow> rows,
                          const StatementLayout& statement) {
  const Formats& f = sheet.formats();
  auto months = tally(rows);
  sheet.table_setup(0, static_cast<int>(months.size()), k_count_col);
  sheet.text(0, 0, "Mois d'échéance", f.header);
  for (int i = 0; i < k_status_cols; ++i)
    sheet.text(0, 1 + i, name(k_status_order[static_cast<std::size_t>(i)]), f.header);
  sheet.text(0, k_total_col, "Total", f.header);
  sheet.text(0, k_count_col, "Nombre de tranches", f.header);
  int last = std::max(statement.last_row, statement.first_row);
  Ranges ranges{range_ref(k_statement_sheet, statement.first_row, last, kColAmount),
                range_ref(k_statement_sheet, statement.first_row, last, kColDue),
                range_ref(k_statement_sheet, statement.first_row, last, kColStatus)};
  int row = 1;
  for (const auto& [month, figures] : months) write_month_row(sheet, row++, month, figures, ranges);
  write_totals(sheet, 1, row - 1, months);
  sheet.fit_columns();
}

}  // namespace tampon::xlsx
