import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, FIXTURES, runCli } from '../helpers/cli.js';

const AS_IS = 'examples/motor-claim.journey.yaml';
const TO_BE = 'examples/motor-claim-future.journey.yaml';
const golden = (name: string) => join(FIXTURES, 'diff', 'goldens', name);

async function scenario(name: string, args: string[]) {
  const result = await runCli(args);
  await expectGolden(golden(name), args, result);
  return result;
}

describe('cjm diff OLD NEW (built binary)', () => {
  it('as-is against to-be, text: grouped by stage, with the planned improvement; exit 0', async () => {
    const result = await scenario('motor-claim.txt', ['diff', AS_IS, TO_BE]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('    upload-photos: emotion -1 → 0 (better)\n');
    expect(result.stdout).toContain('    choose-shop: moved from stage repair to assess\n');
    expect(result.stdout).toContain('    call-hotline: name "Calls the 24/7 claims line" → "Gets a callback from the claims line"\n');
    expect(result.stdout).toContain('    owner "partner-network" → "repair-network"\n');
    expect(result.stdout).toMatch(/Planned improvement \(as-is → to-be\)\n {4}average emotion -0\.11 → \+0\.86 \(better\)/);
    // One pain count on the screen: the improvement, the summary line and the listed changes agree.
    const counts = [...result.stdout.matchAll(/(\d+) resolved, (\d+) added/g)].map((match) => `${match[1]}/${match[2]}`);
    const listed = `${result.stdout.match(/: pain resolved: /g)!.length}/${result.stdout.match(/: pain added: /g)!.length}`;
    expect(counts).toEqual([listed, listed]);
  });

  it('markdown for a pull request comment', async () => {
    const result = await scenario('motor-claim.md', ['diff', '--format', 'markdown', AS_IS, TO_BE]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^\*\*cjm diff:\*\* 1 journey changed; 3 steps added, 2 removed, 1 moved/);
    expect(lines).toContain('| Step | Stage | Emotion | Trend |');
    expect(lines).toContain('| KPI | On | Target | Actual |');
    expect(result.stdout).toContain('| Uploads photos of the damage `upload-photos` | `report` | -1 → 0 | 🟢 better |');
  });

  it('json: the structured diff', async () => {
    const result = await scenario('motor-claim.json.txt', ['diff', '--format', 'json', AS_IS, TO_BE]);
    const report = JSON.parse(result.stdout);
    expect(report.cjmDiff).toBe(1);
    expect(report.files).toHaveLength(1);
    const [file] = report.files;
    expect(file.old).toEqual({ id: 'motor-claim', title: 'Motor claim, from accident to repair', state: 'current' });
    expect(file.improvement.kpiTargets).toEqual({ better: 12, worse: 0 });
    const assess = file.stages.find((stage: { id: string }) => stage.id === 'assess');
    expect(assess.steps.map((step: { id: string; status: string }) => `${step.id}:${step.status}`)).toEqual([
      'instant-estimate:added',
      'video-assessment:kept',
      'receive-estimate:kept',
      'choose-shop:kept',
      'book-assessment:removed',
      'chase-status:removed',
    ]);
  });

  it('a file against itself: no differences, exit 0 even with --exit-code', async () => {
    const result = await runCli(['diff', '--exit-code', AS_IS, AS_IS]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('no differences in 1 journey\n');
  });

  it('--exit-code: 1 when something differs', async () => {
    expect((await runCli(['diff', '--exit-code', AS_IS, TO_BE])).code).toBe(1);
  });

  it('a missing file: exit 2, one line, no stack', async () => {
    const result = await scenario('missing.txt', ['diff', AS_IS, 'examples/nope.journey.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an invalid journey: exit 2 with the validation findings on stderr', async () => {
    const result = await scenario('invalid.txt', ['diff', AS_IS, 'test/fixtures/diff/invalid.journey.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('test/fixtures/diff/invalid.journey.yaml');
    expect(result.stderr).toMatch(/10:\d+ +error/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('one file without --rev is a usage error: exit 2', async () => {
    const result = await scenario('usage.txt', ['diff', AS_IS]);
    expect(result.code).toBe(2);
  });
});
