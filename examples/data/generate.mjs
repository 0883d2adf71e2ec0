// Writes the example KPI data of motor-claim (run: node examples/data/generate.mjs).
// Synthetic and seeded, so the same files come out every time:
// - survey-responses.csv: about 3,000 raw post-stage survey answers over six months
//   (CES after reporting, CSAT after the assessment and the repair, NPS after closure),
//   with the free-text comments and respondent ids a real export has: cjm never reads them;
// - claim-funnel.csv: the weekly funnel export of the claims app (conversion, drop-off).
import { writeFileSync } from 'node:fs';

let seed = 20260501;
/** mulberry32: a small seeded generator, so the files do not change between runs. */
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
function shuffle(list) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const DAYS = [31, 30, 31, 31, 30, 31];

/** Answers with exact shares per month, so each month's aggregate is the planned one. */
function answers(counts) {
  return shuffle(Object.entries(counts).flatMap(([score, count]) => Array(count).fill(Number(score))));
}

/** 100 answers: 30 - fewer detractors (0-6), 30 + more promoters (9-10), passives between; NPS = fewer + more. */
function npsAnswers(fewer, more) {
  return { 2: 6, 5: 10, 6: 14 - fewer, 7: 20, 8: 20 - more + fewer, 9: 16 + more, 10: 14 };
}

// Per month: answer counts per score. Planned aggregates in the comments.
const PLAN = {
  // CES (1..7, mean) of 150 answers: 4.1 4.14 4.18 4.22 4.26 4.3
  report: { column: 'effort', months: [0, 1, 2, 3, 4, 5].map((m) => ({ 2: 20, 3: 35 - 3 * m, 4: 40, 5: 30 + 3 * m, 6: 15, 7: 10 })) },
  // CSAT (1..5, top-2-box %): 66 68 69 67 65 62, falling since July
  assess: { column: 'satisfaction', months: [66, 68, 69, 67, 65, 62].map((share) => ({ 1: 10, 2: 14, 3: 100 - share - 24, 4: share - 30, 5: 30 })) },
  // CSAT after the repair: 74 75 76 77 76 77
  repair: { column: 'satisfaction', months: [74, 75, 76, 77, 76, 77].map((share) => ({ 1: 6, 2: 8, 3: 100 - share - 14, 4: share - 40, 5: 40 })) },
  // NPS (0..10, % promoters - % detractors) of 100 answers: 4 6 8 9 11 12
  settle: { column: 'likelihood_to_recommend', months: [4, 6, 8, 9, 11, 12].map((nps) => npsAnswers(Math.floor(nps / 2), nps - Math.floor(nps / 2))) },
};
const COMMENTS = ['', '', '', 'Took too long', 'The app kept asking for the same photo', 'Friendly handler, thank you', 'Nobody told me what happens next', 'Quick and easy', 'Had to call three times'];

const rows = [];
MONTHS.forEach((month, m) => {
  for (const [stage, { column, months }] of Object.entries(PLAN)) {
    for (const score of answers(months[m])) {
      const day = 1 + Math.floor(random() * DAYS[m]);
      const time = `${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z`;
      rows.push({ at: `${month}-${String(day).padStart(2, '0')}T${time}`, stage, column, score });
    }
  }
});
rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
const header = ['response_id', 'submitted_at', 'stage', 'likelihood_to_recommend', 'satisfaction', 'effort', 'comment'];
const lines = [header.join(',')];
rows.forEach((row, index) => {
  const cells = { response_id: `R${String(100000 + index * 7).padStart(7, '0')}`, submitted_at: row.at, stage: row.stage, [row.column]: row.score };
  const comment = pick(COMMENTS);
  lines.push([...header.slice(0, -1).map((name) => cells[name] ?? ''), comment.includes(',') ? `"${comment}"` : comment].join(','));
});
writeFileSync(new URL('survey-responses.csv', import.meta.url), `${lines.join('\n')}\n`);

// The funnel export: one row per week, step and metric, as the analytics tool writes it.
const funnel = ['Week,Step,Metric,Value'];
for (let week = 0; week < 26; week++) {
  const monday = new Date(Date.UTC(2026, 4, 4) + week * 7 * 86_400_000).toISOString().slice(0, 10);
  const conversion = 52 + (week * 5) / 25 + (random() - 0.5) * 2;
  const dropoff = 22 - (week * 3) / 25 + (random() - 0.5) * 2;
  funnel.push(`${monday},open-claim,conversion,${conversion.toFixed(1)}`);
  funnel.push(`${monday},upload-photos,dropoff,${dropoff.toFixed(1)}`);
}
writeFileSync(new URL('claim-funnel.csv', import.meta.url), `${funnel.join('\n')}\n`);
