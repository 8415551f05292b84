// Medians, p90 and p99 with the ratio to a baseline measured in the same run,
// and a verdict: a bench whose figure is over its budget exits non-zero.
// Every sample counts: one that failed or timed out fails the bench instead of
// being dropped.

export function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, median: at(0.5), p90: at(0.9), p99: at(0.99), max: s[s.length - 1] };
}

const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/**
 * Prints one row. `budget` is { median?, p99?, ratio?, under? } in ms or as a
 * ratio of the baseline's median; returns false (and sets the exit code)
 * when a budget is exceeded.
 */
export function report(label, samples, { baseline, budget = {}, unit = 'ms' } = {}) {
  const st = stats(samples);
  const ratio = baseline ? st.median / stats(baseline).median : undefined;
  const over = [];
  if (budget.median !== undefined && st.median > budget.median) over.push(`median over ${budget.median} ${unit}`);
  if (budget.p99 !== undefined && st.p99 > budget.p99) over.push(`p99 over ${budget.p99} ${unit}`);
  if (budget.ratio !== undefined && ratio !== undefined && ratio > budget.ratio) over.push(`ratio over ${budget.ratio}x`);
  if (budget.under !== undefined && st.median >= budget.under) over.push(`not under ${fmt(budget.under)} ${unit}`);
  const r = ratio === undefined ? '' : `  ratio ${ratio.toFixed(2)}x`;
  const verdict = over.length ? `  OVER BUDGET (${over.join(', ')})` : '';
  console.log(
    `  ${label.padEnd(44)} median ${fmt(st.median).padStart(7)} ${unit}  p90 ${fmt(st.p90).padStart(7)}  p99 ${fmt(st.p99).padStart(7)}  (n=${st.n})${r}${verdict}`,
  );
  if (over.length) process.exitCode = 1;
  return over.length === 0;
}

/** Fails the bench for a sample that could not be taken (never dropped silently). */
export function failSample(label, why) {
  console.log(`  ${label}: a sample failed: ${why}`);
  process.exitCode = 1;
}
