# The fuzzing hours per target from the ledger (tests/fuzz/hours.tsv), for
# `scripts/fuzz-hours --total`: CPU time in all, runs, executions, the highest coverage
# reached, crashes, and whether the target has had its hour (issue 20's bar).
# Columns: date, commit, target, CPU seconds, executions, coverage, outcome.
/^#/ || NF < 7 { next }
{
  t = $3
  if (!(t in runs)) order[++n] = t
  runs[t]++
  if ($4 ~ /^[0-9]+$/) cpu[t] += $4
  if ($5 ~ /^[0-9]+$/) execs[t] += $5
  if ($6 ~ /^[0-9]+$/ && $6 + 0 > cov[t] + 0) cov[t] = $6
  if ($7 != "ok") crashes[t]++
}
END {
  printf "%-18s %9s %5s %13s %9s %7s  %s\n", "cible", "CPU (min)", "runs", "exécutions",
    "couverture", "plantés", "une heure"
  for (i = 1; i <= n; i++) {
    t = order[i]
    printf "%-18s %9.1f %5d %13d %9d %7d  %s\n", t, cpu[t] / 60, runs[t], execs[t], cov[t],
      crashes[t], (cpu[t] >= 3600 ? "oui" : "non")
  }
}
