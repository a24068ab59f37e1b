/** `intm allocate --what-if`: the allocation for another Kreis amount, marked as such, and nothing stored. */
import { runCli } from '../../src/cli/main';
import { ABSTATT } from '../fixtures';
import { Harness, openHarness } from '../harness';
import { seedYear } from '../riskSeed';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
  await seedYear(h.app, 2025, (ags) => (ags === ABSTATT ? 17 : 5));
});
afterEach(() => h.cleanup());

async function intm(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data-dir', h.dataDir, ...argv], { out: (t) => out.push(t), err: (t) => err.push(t), env: { INTM_USER: 'kora' } }, { openApp: async () => h.app });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('the what-if table: marked, per Gemeinde with the difference, the store unchanged', async () => {
  const before = JSON.stringify(await h.repo.readCampaign(2025));
  for (const typed of ['1.400.000 €', '1400000', '1,4 Mio']) {
    const r = await intm('allocate', '--year', '2025', '--what-if', typed);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Was-wäre-wenn 2025: Verteilung bei einem Kreisbetrag von 1.400.000\u00a0€ (gespeichert: 1.508.000\u00a0€)');
    expect(r.out).toContain('Nur zur Ansicht – nicht gespeichert.');
    expect(r.out).toMatch(/Summe\s+242\s+1\.508\.000\u00a0€\s+1\.400\.000\u00a0€\s+\u2212108\.000\u00a0€/);
    expect(r.out).toMatch(/Abstatt\s+17\s+/);
  }
  const json = JSON.parse((await intm('allocate', '--year', '2025', '--what-if', '1400000', '--json')).out);
  expect(json).toMatchObject({ whatIf: true, kreisAmount: '1400000.00', totals: { difference: '-108000.00' } });
  expect(JSON.stringify(await h.repo.readCampaign(2025))).toBe(before);
  expect(JSON.parse((await intm('allocate', '--year', '2025', '--json')).out).kreisAmount).toBe('1508000.00');
});

test('bad amounts: exit 1 with a clear German message, nothing stored', async () => {
  const before = JSON.stringify(await h.repo.readCampaign(2025));
  for (const [typed, message] of [
    ['viel', '„viel“ ist kein Betrag'],
    ['0', 'muss größer als 0\u00a0€ sein'],
    ['5000 Mio', 'unplausibel hoch'],
  ]) {
    const r = await intm('allocate', '--year', '2025', '--what-if', typed);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
  }
  expect(JSON.stringify(await h.repo.readCampaign(2025))).toBe(before);
});
