/**
 * Signed export links over HTTP against the real server (startBot, local mode, a clock the test
 * moves): a link is good for 24 hours to the second, then 410; an altered or foreign link is 403 –
 * also when it is expired, so a forger learns nothing from the answer. Links survive a restart.
 */
import { rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/bot/config';
import { DownloadLinks, linkSecret } from '../../src/bot/downloads';
import { memoryLogger } from '../../src/bot/log';
import { startBot, type RunningBot } from '../../src/bot/start';
import { fixedClock } from '../../src/storage/systemClock';
import { tempDir } from '../harness';
import { TENANT } from '../bot/botHarness';
import { fingerprint, GEMEINDEN, KORA_ID, NOW, seedDataDir, YEAR } from './support';

const ABSTATT = GEMEINDEN[0];
const clock = fixedClock(NOW);
const logger = memoryLogger();
let dataDir: string;
let bot: RunningBot | undefined;
const t0 = Date.parse(NOW);
const DAY = 24 * 3600 * 1000;

const config = () => loadConfig({ INTM_LOCAL: '1', PORT: '0', INTM_DATA_DIR: dataDir, INTM_COORDINATORS: KORA_ID, INTM_TENANTS: TENANT, INTM_SCHEDULER: 'off' });

beforeAll(async () => {
  // The signing key comes from the data directory here (no INTM_LINK_SECRET), as in a default installation.
  delete process.env.INTM_LINK_SECRET;
  dataDir = tempDir('intm-faults-links-');
  await seedDataDir(dataDir, { perGemeinde: 3 });
  bot = await startBot(config(), { clock, logger });
}, 30_000);

afterAll(async () => {
  try {
    await bot?.stop();
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});

afterEach(() => clock.set(NOW));

async function get(url: string): Promise<{ status: number; type: string; cache: string; text: string; bytes: number }> {
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', cache: res.headers.get('cache-control') ?? '', text: body.toString('utf8'), bytes: body.length };
}

function expectServed(r: Awaited<ReturnType<typeof get>>): void {
  if (r.status !== 200) throw new Error(`${r.status}: ${r.text}`);
  expect(r.type).toContain('spreadsheetml');
  expect(r.bytes).toBeGreaterThan(1000);
}

function expectRefused(r: Awaited<ReturnType<typeof get>>, status: 403 | 410): void {
  expect({ status: r.status, plain: r.type.startsWith('text/plain'), noStore: r.cache === 'no-store' }).toEqual({ status, plain: true, noStore: true });
  expect(r.text).toContain(status === 410 ? 'abgelaufen' : 'ungültig');
}

const tokenOf = (url: string) => url.split('/downloads/')[1];
const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

test('a link is served for exactly 24 hours, then refused with 410', async () => {
  const { url, expiresAt } = bot!.deps.links!.create({ kind: 'list', year: YEAR, ags: ABSTATT });
  expect(Date.parse(expiresAt)).toBe(t0 + DAY);
  expectServed(await get(url));
  clock.set(new Date(t0 + DAY - 1000));
  expectServed(await get(url));
  clock.set(new Date(t0 + DAY));
  expectServed(await get(url));
  clock.set(new Date(t0 + DAY + 1000));
  expectRefused(await get(url), 410);
  clock.set(new Date(t0 + 400 * DAY));
  expectRefused(await get(url), 410);
  // The overview link follows the same rule.
  clock.set(NOW);
  const overview = bot!.deps.links!.create({ kind: 'overview', year: YEAR }).url;
  clock.set(new Date(t0 + DAY + 1000));
  expectRefused(await get(overview), 410);
});

test('forged links are refused with 403 – expired or not, and never as "expired"', async () => {
  const links = bot!.deps.links!;
  const genuine = tokenOf(links.create({ kind: 'list', year: YEAR, ags: ABSTATT }).url);
  const [payload, signature] = genuine.split('~');
  const claims = decode(payload);
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const foreign = tokenOf(new DownloadLinks(Buffer.alloc(32, 9), bot!.url, () => t0).create({ kind: 'list', year: YEAR, ags: ABSTATT }).url);
  const foreignExpired = tokenOf(new DownloadLinks(Buffer.alloc(32, 9), bot!.url, () => t0 - 30 * DAY).create({ kind: 'list', year: YEAR, ags: ABSTATT }).url);
  const standardBase64 = Buffer.from(JSON.stringify(claims)).toString('base64');

  const forged: [string, string][] = [
    ['one character of the signature changed', `${payload}~${flip(signature, 5)}`],
    ['the last character of the signature changed', `${payload}~${flip(signature, signature.length - 1)}`],
    ['the signature cut short', `${payload}~${signature.slice(0, -2)}`],
    ['the signature in upper case', `${payload}~${signature.toUpperCase()}`],
    ['the signature twice', `${payload}~${signature}${signature}`],
    ['the expiry moved a year on', `${encode({ ...claims, exp: claims.exp + 365 * 86400 })}~${signature}`],
    ['the expiry as text', `${encode({ ...claims, exp: String(claims.exp) })}~${signature}`],
    ['the same claims in standard base64', `${standardBase64}~${signature}`],
    ['the claims with a space added', `${Buffer.from(JSON.stringify(claims) + ' ').toString('base64url')}~${signature}`],
    ['signed with another key', foreign],
    ['signed with another key and expired', foreignExpired],
    ['an expired payload with the genuine signature', `${encode({ ...claims, exp: claims.exp - 2 * 86400 })}~${signature}`],
    ['no signature', `${payload}~`],
    ['no payload', `~${signature}`],
    ['"none" as signature', `${payload}~none`],
  ];
  for (const [name, token] of forged) {
    const r = await get(`${bot!.url}/downloads/${token}`);
    if (r.status !== 403) throw new Error(`${name}: expected 403, got ${r.status} ${r.text.slice(0, 100)}`);
    expectRefused(r, 403);
  }
  // Long after expiry a forged link is still "invalid", the genuine one "expired".
  clock.set(new Date(t0 + 10 * DAY));
  expectRefused(await get(`${bot!.url}/downloads/${payload}~${flip(signature, 5)}`), 403);
  expectRefused(await get(`${bot!.url}/downloads/${genuine}`), 410);
  // The log says why, never the token.
  const refusals = logger.lines.filter((l) => l.includes('download.refused'));
  expect(refusals.length).toBeGreaterThanOrEqual(forged.length + 2);
  for (const line of logger.lines) expect(line).not.toContain(signature);
});

test('the signing key lives in the data directory (owner only) and links survive a restart; nothing else changes', async () => {
  const keyFile = path.join(dataDir, 'link-secret.key');
  expect(statSync(keyFile).mode & 0o077).toBe(0);
  const { url } = bot!.deps.links!.create({ kind: 'list', year: YEAR, ags: ABSTATT });
  const token = tokenOf(url);
  const before = await fingerprint(dataDir);
  await bot!.stop();
  bot = undefined;
  bot = await startBot(config(), { clock, logger });
  // A new port, the same key: the token of the old link is good on the new server.
  expectServed(await get(`${bot.url}/downloads/${token}`));
  clock.set(new Date(t0 + DAY + 1000));
  expectRefused(await get(`${bot.url}/downloads/${token}`), 410);
  expect(await fingerprint(dataDir)).toEqual(before);
});

test('a damaged key file (emptied, or a short passphrase put there) stops the start instead of signing forgeable links', async () => {
  const dir = tempDir('intm-faults-linkkey-');
  try {
    const keyFile = path.join(dir, 'link-secret.key');
    for (const content of ['', '\n', 'geheim', Buffer.alloc(31).toString('base64')]) {
      writeFileSync(keyFile, content);
      await expect(linkSecret({}, dir)).rejects.toThrow(/Der Schlüssel für Download-Links .* ist beschädigt/);
    }
    writeFileSync(keyFile, Buffer.alloc(32, 7).toString('base64'));
    expect(await linkSecret({}, dir)).toEqual(Buffer.alloc(32, 7));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
