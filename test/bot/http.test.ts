/**
 * The real server in local mode over HTTP: Teams-shaped activities in, the recording connector on
 * 127.0.0.1 as the service URL. Also: 401 without a token when BOT_ID is set, malformed requests,
 * health check, and a clean stop on SIGTERM of the built `npm start`.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { translate } from '../../src/i18n/messages';
import { VERBS } from '../../src/cards/actions';
import { loadConfig } from '../../src/bot/config';
import { memoryLogger } from '../../src/bot/log';
import { startBot, type RunningBot } from '../../src/bot/start';
import { fixedClock } from '../../src/storage/systemClock';
import { tempDir } from '../harness';
import { ABSTATT, ANNA, KORA, TENANT, invokeActivity, messageActivity } from './botHarness';
import { startConnector, type Connector } from './connector';
import { seedThreePerGemeinde } from './httpSeed';

let dataDir: string;
const clock = fixedClock('2024-01-10T09:00:00Z');
let connector: Connector;
let bot: RunningBot;
const logger = memoryLogger();


beforeAll(async () => {
  dataDir = tempDir('intm-http-');
  await seedThreePerGemeinde(dataDir);
  connector = await startConnector();
  const config = loadConfig({ INTM_LOCAL: '1', PORT: '0', INTM_DATA_DIR: dataDir, INTM_COORDINATORS: KORA.aadObjectId, INTM_TENANTS: TENANT });
  // The real rate-limited sender, with Teams' windows shortened so 46 channel posts take no seconds.
  bot = await startBot(config, { clock, logger, sender: { limits: [{ windowMs: 50, max: 100 }], windowMarginMs: 0 } });
});
afterAll(async () => {
  await bot.stop();
  await connector.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(body: unknown, init: RequestInit = {}): Promise<{ status: number; json: any }> {
  const res = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

const at = (activity: object) => ({ ...activity, serviceUrl: connector.url + '/', id: `in-${Math.random()}` });

test('listens on 127.0.0.1 only in local mode and answers the health check', async () => {
  expect(bot.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const res = await fetch(`${bot.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
});

test('a message is answered through the connector at the service URL', async () => {
  const before = connector.recorded.length;
  const r = await post(at(messageActivity(KORA, 'hilfe')));
  expect(r.status).toBeLessThan(300);
  const reply = connector.recorded.slice(before).find((x) => x.method === 'POST');
  expect(reply?.conversationId).toBe(`a:personal-${KORA.aadObjectId}`);
  expect(JSON.stringify(reply?.body.attachments)).toContain('listen versenden');
});

test('a card action gets its answer in the HTTP response: the list, for its own staff only', async () => {
  const r = await post(at(invokeActivity(ANNA, VERBS.listOpen, { year: 2025, ags: ABSTATT })));
  expect(r.status).toBe(200);
  expect(r.json).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expect(JSON.stringify(r.json.value)).toContain('Geheim0011');
  const forged = await post(at(invokeActivity(ANNA, VERBS.listOpen, { year: 2025, ags: '08125013' })));
  expect(forged.json).toMatchObject({ statusCode: 403, type: 'application/vnd.microsoft.error' });
  const strike = await post(at(invokeActivity(ANNA, VERBS.strike, { year: 2025, ags: ABSTATT, personId: `${ABSTATT}-1`, rev: 0, op: 'http-1', reason: 'weggezogen' })));
  expect(JSON.stringify(strike.json.value)).toContain('gestrichen');
});

test.each([
  ['invalid JSON', 400, '{"type": "message",'],
  ['not an object', 400, '[1,2,3]'],
  ['no from', 400, { ...messageActivity(ANNA, 'liste'), from: undefined }],
  ['no conversation', 400, { ...messageActivity(ANNA, 'liste'), conversation: undefined }],
  ['an invoke without value', 400, { ...invokeActivity(ANNA, VERBS.listOpen, {}), value: undefined }],
  ['a body of 1 MB', 413, { ...messageActivity(ANNA, 'x'), text: 'x'.repeat(1024 * 1024) }],
])('malformed: %s → %d, the server stays up', async (_name, status, body) => {
  const payload = typeof body === 'string' ? body : at(body);
  const r = await post(payload);
  expect(r.status).toBe(status);
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
});

test('an unknown verb gets an error answer, not a 501', async () => {
  const r = await post(at(invokeActivity(ANNA, 'nope', { year: 2025, ags: ABSTATT })));
  expect(r.status).toBe(200);
  expect(r.json.statusCode).toBe(400);
});

test('privacy over HTTP: channel posts carry no personal data', async () => {
  await post(at(messageActivity(KORA, 'kanal registrieren gemeinden', { kind: 'channel' })));
  const before = connector.recorded.length;
  await post(at(messageActivity(KORA, 'listen versenden')));
  await bot.deps.summaries.idle();
  // Person 2 as imported: its strike button carries version 0.
  const strike = await post(at(invokeActivity(ANNA, VERBS.strike, { year: 2025, ags: ABSTATT, personId: `${ABSTATT}-2`, rev: 0, op: 'http-2', reason: 'doppelt' }, { kind: 'channel' })));
  expect(JSON.stringify(strike.json.value)).toContain(translate('card.struck', {}, 'de'));
  await post(at(messageActivity(ANNA, 'liste', { kind: 'channel' })));
  await bot.deps.summaries.idle();
  const toChannel = connector.recorded.slice(before).filter((r) => r.conversationId.startsWith('19:'));
  // One status card for all Gemeinden, posted once and then updated in place.
  expect(toChannel.filter((r) => r.method === 'POST' && JSON.stringify(r.body).includes('Personenlisten 2025'))).toHaveLength(1);
  expect(toChannel.some((r) => r.method === 'PUT')).toBe(true);
  for (const r of toChannel) expect(JSON.stringify(r.body)).not.toMatch(/Geheim|1990-05-01|01\.05\.1990|08125001-\d/);
  for (const line of logger.lines) expect(line).not.toMatch(/Geheim|1990-05-01|08125001-\d/);
});

test('export downloads: the signed link serves exactly its file; altered and expired links are refused', async () => {
  const links = bot.deps.links!;
  const { url } = links.create({ kind: 'list', year: 2025, ags: ABSTATT });
  expect(url.startsWith(bot.url + '/downloads/')).toBe(true);
  const ok = await fetch(url);
  if (ok.status !== 200) throw new Error(`${ok.status}: ${await ok.text()}`);
  expect(ok.headers.get('content-type')).toContain('spreadsheetml');
  expect(ok.headers.get('content-disposition')).toContain('IntM-Liste-2025-08125001-Abstatt.xlsx');
  expect((await ok.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  const [payload, signature] = url.split('/downloads/')[1].split('~');
  const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ags: '08125013' })).toString('base64url');
  expect((await fetch(`${bot.url}/downloads/${other}~${signature}`)).status).toBe(403);
  expect((await fetch(`${bot.url}/downloads/garbage`)).status).toBe(403);
  clock.set('2024-01-12T09:00:00Z');
  const expired = await fetch(url);
  expect(expired.status).toBe(410);
  expect(await expired.text()).toContain('abgelaufen');
  clock.set('2024-01-10T09:00:00Z');
});

test('with BOT_ID set, a request without a valid token gets 401', async () => {
  const dir = tempDir('intm-auth-');
  const secured = await startBot(
    loadConfig({
      BOT_ID: '11111111-2222-4333-8444-555555555555',
      BOT_PASSWORD: 'secret',
      BOT_TENANT_ID: TENANT,
      PORT: '0',
      INTM_DATA_DIR: dir,
    }),
    { logger: memoryLogger() },
  );
  try {
    const body = JSON.stringify(at(messageActivity(KORA, 'hilfe')));
    const anonymous = await fetch(`${secured.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(anonymous.status).toBe(401);
    const forged = await fetch(`${secured.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiIxMTExIn0.' },
      body,
    });
    expect(forged.status).toBe(401);
  } finally {
    await secured.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm start stops cleanly on SIGTERM', async () => {
  const main = path.join(__dirname, '..', '..', 'dist', 'src', 'bot', 'main.js');
  expect(existsSync(main)).toBe(true);
  const dir = tempDir('intm-main-');
  const child = spawn(process.execPath, [main], { env: { ...process.env, INTM_LOCAL: '1', PORT: '0', INTM_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not started: ' + out)), 15_000);
    child.stdout.on('data', () => {
      if (out.includes('"event":"started"') && out.includes('LOKAL')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  expect(out).toContain('LOKAL');
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).toBe(0);
  expect(out).toContain('"event":"stopped"');
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

test('a bad configuration is refused with a German sentence per problem', () => {
  expect(() => loadConfig({})).toThrow('INTM_LOCAL=1');
  let problems: string[] = [];
  try {
    loadConfig({ BOT_ID: 'nope', BOT_TYPE: 'Weird', PORT: 'abc', INTM_COORDINATORS: 'x' });
  } catch (e) {
    problems = (e as { problems: string[] }).problems;
  }
  expect(problems.join('\n')).toMatch(/BOT_TYPE/);
  expect(problems.join('\n')).toMatch(/BOT_ID/);
  expect(problems.join('\n')).toMatch(/PORT/);
  expect(problems.join('\n')).toMatch(/INTM_COORDINATORS/);
  expect(loadConfig({ INTM_LOCAL: '1' })).toMatchObject({ host: '127.0.0.1', botType: 'SingleTenant', port: 3978 });
});

test('without INTM_TENANTS only the own tenant is allowed, unless the registration is MultiTenant', () => {
  const bot = { BOT_ID: '11111111-2222-4333-8444-555555555555', BOT_PASSWORD: 'secret', BOT_TENANT_ID: TENANT };
  expect(loadConfig(bot).tenants).toEqual([TENANT]);
  expect(loadConfig({ ...bot, BOT_TYPE: 'UserAssignedMSI', BOT_PASSWORD: '' }).tenants).toEqual([TENANT]);
  expect(loadConfig({ ...bot, BOT_TYPE: 'MultiTenant', BOT_TENANT_ID: '' }).tenants).toEqual([]);
  const other = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  expect(loadConfig({ ...bot, INTM_TENANTS: `${TENANT}, ${other}` }).tenants).toEqual([TENANT, other]);
});
