import { compareFindings, type FileResult, type Finding } from '../findings.js';

/**
 * Findings about rows of a data file are found while a journey is checked (a
 * row that matches none of its KPIs), or while the data is read. Each is
 * listed under the file it points at, as every formatter expects: the run's
 * results get one entry per data file, after the journeys.
 */
export function withDataFiles<T extends FileResult>(results: readonly T[], dataFindings: readonly Finding[]): (T | FileResult)[] {
  const byFile = new Map<string, Finding[]>();
  const add = (finding: Finding) => byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const kept = results.map((result) => {
    if (!result.findings.some((finding) => finding.file !== result.file)) return result;
    const own = result.findings.filter((finding) => finding.file === result.file);
    for (const finding of result.findings) if (finding.file !== result.file) add(finding);
    return { ...result, findings: own };
  });
  for (const finding of dataFindings) add(finding);
  const merged: (T | FileResult)[] = kept.map((result) => {
    const more = byFile.get(result.file);
    if (!more) return result;
    byFile.delete(result.file);
    return { ...result, findings: [...result.findings, ...more].sort(compareFindings) };
  });
  for (const [file, findings] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) merged.push({ file, findings: dedupe(findings).sort(compareFindings) });
  return merged;
}

/** Two journeys can point at the same row (each sees it unmatched when a journey id is shared): say it once. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.line}:${finding.column}:${finding.ruleId}:${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
