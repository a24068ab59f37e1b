/**
 * Malformed and hostile requests against the running bot (`npm start` as a child process): each gets
 * a 4xx, or an invoke answer with a 4xx status in its body, or – for what a form refuses – the form
 * again with the reason; the process stays up (health check after every request) and nothing in the
 * data directory changes.
 */
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { promises as fs, rmSync } from 'node:fs';
import { DownloadLinks } from '../../src/bot/downloads';
import { VERBS } from '../../src/cards/actions';
import { translate } from '../../src/i18n/messages';
import { tempDir } from '../harness';
import { TENANT, type User } from '../bot/botHarness';
import { startConnector, type Connector } from '../bot/connector';
import {
  BotProcess,
  cardAction,
  cardTexts,
  fingerprint,
  GEMEINDEN,
  health,
  KORA,
  KORA_ID,
  NOW,
  personId,
  postActivity,
  seedDataDir,
  startBotProcess,
  staffUser,
  stopProcess,
  YEAR,
  type HttpAnswer,
} from './support';

const SECRET = 'fault-tests-link-secret-0123456789abcdef';
const ABSTATT = GEMEINDEN[0];
const BRACKENHEIM = '08125013';
const ANNA = staffUser(ABSTATT, 0);
const STRANGER: User = { aadObjectId: '0000000f-0000-4000-8000-00000000000f', name: 'Nora Niemand', teamsId: '29:nobody' };

let dataDir: string;
let tmp: string;
let connector: Connector;
let bot: BotProcess | undefined;
let before: Record<string, string>;

beforeAll(async () => {
  dataDir = tempDir('intm-faults-hostile-');
  tmp = tempDir('intm-faults-hostile-tmp-');
  await seedDataDir(dataDir, { perGemeinde: 6 });
  connector = await startConnector();
  // TMPDIR of its own: downloads render into it, so what they leave behind can be seen.
  bot = await startBotProcess({ INTM_DATA_DIR: dataDir, INTM_COORDINATORS: KORA_ID, INTM_TENANTS: TENANT, INTM_LINK_SECRET: SECRET, TMPDIR: tmp });
  before = await fingerprint(dataDir);
}, 30_000);

afterAll(async () => {
  try {
    await stopProcess(bot);
  } finally {
    await connector?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
});

/** The cases are built before the connector listens: their serviceUrl is put in when they are sent. */
const SERVICE = 'http://service.placeholder.invalid/';
const action = (u: User, verb: unknown, data: unknown, extra: Record<string, unknown> = {}) => cardAction(u, verb, data, SERVICE, extra);
const list = (extra: Record<string, unknown> = {}) => ({ year: YEAR, ags: ABSTATT, page: 0, ...extra });
const strikeData = (extra: Record<string, unknown> = {}) => list({ personId: personId(ABSTATT, 1), op: 'hostile-1', reason: 'weggezogen', ...extra });
const without = (o: Record<string, unknown>, key: string) => {
  const { [key]: _gone, ...rest } = o;
  return rest;
};
const json = { 'content-type': 'application/json' };

/**
 * What a request must get:
 * - http: an HTTP status 400–499 (the exact one given), never reaching a turn;
 * - invoke: HTTP 200 with an invoke error body, its statusCode the one given;
 * - form: HTTP 200 with the card again and the refusal's text on it (what Teams shows for a refused input).
 */
type Expect = { http: number } | { invoke: number } | { form: string };

interface Case {
  name: string;
  send: () => Promise<HttpAnswer>;
  expect: Expect;
}

const post = (body: unknown, headers: Record<string, string> = json) => () =>
  postActivity(bot!.url, (typeof body === 'string' ? body : JSON.stringify(body) ?? '').replaceAll(SERVICE, connector.url + '/'), headers);
const tooLong = (max: number) => translate('input.tooLong', { max }, 'de');

/** A deep nest of arrays as JSON text, without building it as a value. */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

const cases: Case[] = [
  // The envelope: refused before any turn.
  { name: 'invoke without from', send: post(without(action(ANNA, VERBS.strike, strikeData()), 'from')), expect: { http: 400 } },
  { name: 'from without id', send: post(action(ANNA, VERBS.strike, strikeData(), { from: { aadObjectId: ANNA.aadObjectId } })), expect: { http: 400 } },
  { name: 'from as a string', send: post(action(ANNA, VERBS.strike, strikeData(), { from: ANNA.aadObjectId })), expect: { http: 400 } },
  { name: 'invoke without conversation', send: post(without(action(ANNA, VERBS.strike, strikeData()), 'conversation')), expect: { http: 400 } },
  { name: 'conversation id as an object', send: post(action(ANNA, VERBS.strike, strikeData(), { conversation: { id: { $ne: null } } })), expect: { http: 400 } },
  { name: 'recipient missing', send: post(without(action(ANNA, VERBS.strike, strikeData()), 'recipient')), expect: { http: 400 } },
  { name: 'adaptiveCard/action without value', send: post(without(action(ANNA, VERBS.strike, strikeData()), 'value')), expect: { http: 400 } },
  { name: 'value without action', send: post(action(ANNA, VERBS.strike, strikeData(), { value: { trigger: 'manual' } })), expect: { http: 400 } },
  { name: 'value as a string', send: post(action(ANNA, VERBS.strike, strikeData(), { value: 'person.strike' })), expect: { http: 400 } },
  { name: 'value.action as an array', send: post(action(ANNA, VERBS.strike, strikeData(), { value: { action: [VERBS.strike] } })), expect: { http: 400 } },
  { name: 'no type', send: post(without(action(ANNA, VERBS.strike, strikeData()), 'type')), expect: { http: 400 } },
  { name: 'type as a number', send: post(action(ANNA, VERBS.strike, strikeData(), { type: 1 })), expect: { http: 400 } },
  { name: 'serviceUrl javascript:', send: post(action(ANNA, VERBS.strike, strikeData(), { serviceUrl: 'javascript:alert(1)' })), expect: { http: 400 } },
  { name: 'no channelId', send: post(without(action(ANNA, VERBS.strike, strikeData()), 'channelId')), expect: { http: 400 } },
  { name: 'entities as an object', send: post(action(ANNA, VERBS.strike, strikeData(), { entities: { type: 'mention' } })), expect: { http: 400 } },
  { name: 'message text as a number', send: post(action(ANNA, VERBS.strike, strikeData(), { type: 'message', text: 12 })), expect: { http: 400 } },
  { name: 'message text of 100 000 characters', send: post(action(ANNA, VERBS.strike, strikeData(), { type: 'message', text: 'liste '.repeat(20_000) })), expect: { http: 400 } },
  { name: 'a body of 1 MB', send: post(action(ANNA, VERBS.strike, strikeData({ note: 'x'.repeat(1024 * 1024) }))), expect: { http: 413 } },
  { name: 'invalid JSON', send: post('{"type":"invoke","name":"adaptiveCard/action",'), expect: { http: 400 } },
  { name: 'a JSON array', send: post('[{"type":"invoke"}]'), expect: { http: 400 } },
  { name: 'JSON null', send: post('null'), expect: { http: 400 } },
  { name: 'a JSON string', send: post('"invoke"'), expect: { http: 400 } },
  { name: 'arrays nested 100 000 deep', send: post(nested(100_000)), expect: { http: 400 } },
  { name: 'an empty body', send: post(''), expect: { http: 400 } },
  { name: 'an empty body without content-type', send: post('', {}), expect: { http: 400 } },
  { name: 'content-type text/plain with an activity', send: post(JSON.stringify(action(ANNA, VERBS.strike, strikeData())), { 'content-type': 'text/plain' }), expect: { http: 400 } },
  { name: 'content-type form-urlencoded', send: post('type=invoke&name=adaptiveCard%2Faction&from[id]=x', { 'content-type': 'application/x-www-form-urlencoded' }), expect: { http: 400 } },
  { name: 'content-type multipart', send: post('--b\r\ncontent-disposition: form-data; name="type"\r\n\r\ninvoke\r\n--b--\r\n', { 'content-type': 'multipart/form-data; boundary=b' }), expect: { http: 400 } },
  { name: 'content-type xml', send: post('<activity type="invoke"/>', { 'content-type': 'application/xml' }), expect: { http: 400 } },
  { name: 'content-encoding br', send: post(JSON.stringify(action(ANNA, VERBS.strike, strikeData())), { ...json, 'content-encoding': 'br' }), expect: { http: 415 } },
  { name: 'a header of 64 KB', send: post(action(ANNA, VERBS.strike, strikeData()), { ...json, 'x-pad': 'h'.repeat(64 * 1024) }), expect: { http: 431 } },
  {
    name: 'arrays nested 100 000 deep inside the card data',
    send: post(JSON.stringify(action(ANNA, VERBS.strike, {})).replace('"data":{}', `"data":${JSON.stringify(strikeData({ reason: 'x' })).replace(/}$/, `,"deep":${nested(100_000)}}`)}`)),
    expect: { form: translate('list.badReason', { reason: 'x' }, 'de') },
  },
  {
    name: 'GET /api/messages',
    send: async () => {
      const res = await fetch(`${bot!.url}/api/messages`);
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text(), json: undefined };
    },
    expect: { http: 405 },
  },

  // The action: refused inside the turn with an error body.
  { name: 'unknown verb', send: post(action(ANNA, 'person.delete', strikeData())), expect: { invoke: 400 } },
  { name: 'no verb', send: post(action(ANNA, undefined, strikeData())), expect: { invoke: 400 } },
  { name: 'verb as a number', send: post(action(ANNA, 42, strikeData())), expect: { invoke: 400 } },
  { name: 'verb as an object', send: post(action(ANNA, { toString: 'person.strike' }, strikeData())), expect: { invoke: 400 } },
  { name: 'verb "constructor"', send: post(action(ANNA, 'constructor', strikeData())), expect: { invoke: 400 } },
  { name: 'verb "__proto__"', send: post(action(ANNA, '__proto__', strikeData())), expect: { invoke: 400 } },
  { name: 'verb of 100 000 characters', send: post(action(ANNA, 'x'.repeat(100_000), strikeData())), expect: { invoke: 400 } },
  { name: 'no data', send: post(action(ANNA, VERBS.strike, undefined)), expect: { invoke: 400 } },
  { name: 'data null', send: post(action(ANNA, VERBS.strike, null)), expect: { invoke: 400 } },
  { name: 'data as an array', send: post(action(ANNA, VERBS.strike, [strikeData()])), expect: { invoke: 400 } },
  { name: 'data as a string', send: post(action(ANNA, VERBS.strike, JSON.stringify(strikeData()))), expect: { invoke: 400 } },
  { name: 'year as a word', send: post(action(ANNA, VERBS.strike, strikeData({ year: 'zweitausendfünfundzwanzig' }))), expect: { invoke: 400 } },
  { name: 'year as a fraction', send: post(action(ANNA, VERBS.strike, strikeData({ year: 2025.5 }))), expect: { invoke: 400 } },
  { name: 'year as a string fraction', send: post(action(ANNA, VERBS.strike, strikeData({ year: '2025.0' }))), expect: { invoke: 400 } },
  { name: 'year 1e300', send: post(action(ANNA, VERBS.strike, strikeData({ year: 1e300 }))), expect: { invoke: 400 } },
  { name: 'year as an array', send: post(action(ANNA, VERBS.strike, strikeData({ year: [2025] }))), expect: { invoke: 400 } },
  { name: 'year as an object', send: post(action(ANNA, VERBS.strike, strikeData({ year: { valueOf: 2025 } }))), expect: { invoke: 400 } },
  { name: 'ags as a number', send: post(action(ANNA, VERBS.strike, strikeData({ ags: 8125001 }))), expect: { invoke: 400 } },
  { name: 'ags as a query object', send: post(action(ANNA, VERBS.strike, strikeData({ ags: { $gt: '' } }))), expect: { invoke: 400 } },
  { name: 'ags as an array', send: post(action(ANNA, VERBS.strike, strikeData({ ags: [ABSTATT] }))), expect: { invoke: 400 } },
  { name: 'ags with a path', send: post(action(ANNA, VERBS.strike, strikeData({ ags: '../../meta' }))), expect: { invoke: 400 } },
  { name: 'ags with a newline', send: post(action(ANNA, VERBS.strike, strikeData({ ags: `${ABSTATT}\n` }))), expect: { invoke: 400 } },
  { name: 'personId as an object', send: post(action(ANNA, VERBS.strike, strikeData({ personId: { id: personId(ABSTATT, 1) } }))), expect: { invoke: 400 } },
  { name: 'personId as an array', send: post(action(ANNA, VERBS.strike, strikeData({ personId: [personId(ABSTATT, 1), personId(ABSTATT, 2)] }))), expect: { invoke: 400 } },
  { name: 'personId as a number', send: post(action(ANNA, VERBS.strike, strikeData({ personId: 1 }))), expect: { invoke: 400 } },
  { name: 'personId of 100 000 characters', send: post(action(ANNA, VERBS.strike, strikeData({ personId: 'p'.repeat(100_000) }))), expect: { invoke: 400 } },
  { name: 'rev as a word', send: post(action(ANNA, VERBS.strike, strikeData({ rev: 'latest' }))), expect: { invoke: 400 } },
  { name: 'rev negative', send: post(action(ANNA, VERBS.strike, strikeData({ rev: -1 }))), expect: { invoke: 400 } },
  { name: 'rev as an object', send: post(action(ANNA, VERBS.strike, strikeData({ rev: { $gte: 0 } }))), expect: { invoke: 400 } },
  { name: 'page negative', send: post(action(ANNA, VERBS.listPage, list({ page: -1 }))), expect: { invoke: 400 } },
  { name: 'page 10^9', send: post(action(ANNA, VERBS.listPage, list({ page: 1e9 }))), expect: { invoke: 400 } },
  { name: 'page as a fraction', send: post(action(ANNA, VERBS.listPage, list({ page: 1.5 }))), expect: { invoke: 400 } },
  { name: 'year 1e308', send: post(action(ANNA, VERBS.listOpen, list({ year: 1e308 }))), expect: { invoke: 400 } },
  { name: 'year -2025', send: post(action(ANNA, VERBS.listOpen, list({ year: -2025 }))), expect: { invoke: 400 } },
  { name: 'rev 2^53', send: post(action(ANNA, VERBS.strike, strikeData({ rev: 2 ** 53 }))), expect: { invoke: 400 } },
  { name: 'rev 10^15', send: post(action(ANNA, VERBS.strike, strikeData({ rev: 1e15 }))), expect: { invoke: 400 } },
  { name: 'decision: year 1e308', send: post(action(ANNA, VERBS.decisionOpen, { year: 1e308, ags: ABSTATT })), expect: { invoke: 400 } },
  { name: 'decision: state 10^15', send: post(action(ANNA, VERBS.decisionSet, { year: YEAR, ags: ABSTATT, choice: 'landkreis', state: 1e15 })), expect: { invoke: 400 } },
  { name: 'dashboard: year 1e308', send: post(action(KORA, VERBS.dashboard, { year: 1e308 })), expect: { invoke: 400 } },
  { name: 'dashboard: page -1', send: post(action(KORA, VERBS.dashboard, { year: YEAR, page: -1 })), expect: { invoke: 400 } },
  { name: 'additions: year 2025.5', send: post(action(KORA, VERBS.additions, { year: 2025.5 })), expect: { invoke: 400 } },
  { name: 'publication: year 1e308', send: post(action(KORA, VERBS.allocation, { year: 1e308 })), expect: { invoke: 400 } },
  { name: 'campaign: year 1e308 in the card data', send: post(action(KORA, VERBS.campaignCreate, { year: 1e308, kreisAmount: '1508000' })), expect: { invoke: 400 } },
  { name: 'publication: year as a fraction', send: post(action(KORA, VERBS.publish, { year: 2025.5 })), expect: { invoke: 400 } },
  { name: 'op as an object', send: post(action(ANNA, VERBS.strike, strikeData({ op: { id: 'x' } }))), expect: { invoke: 400 } },
  { name: 'op of 100 000 characters', send: post(action(ANNA, VERBS.strike, strikeData({ op: 'o'.repeat(100_000) }))), expect: { invoke: 400 } },
  { name: 'op with a newline', send: post(action(ANNA, VERBS.strike, strikeData({ op: 'op\nforged' }))), expect: { invoke: 400 } },
  { name: 'householdId of 100 000 characters', send: post(action(ANNA, VERBS.childForm, list({ householdId: 'h'.repeat(100_000) }))), expect: { invoke: 400 } },
  { name: '__proto__ instead of data', send: post(JSON.stringify(action(ANNA, VERBS.strike, {})).replace('"data":{}', `"data":{"__proto__":${JSON.stringify(strikeData())}}`)), expect: { invoke: 400 } },

  // Who may: refused by role, never by what the card data claims.
  { name: 'a user without a role', send: post(action(STRANGER, VERBS.strike, strikeData())), expect: { invoke: 403 } },
  { name: 'staff of another Gemeinde', send: post(action(staffUser(BRACKENHEIM, 0), VERBS.strike, strikeData())), expect: { invoke: 403 } },
  { name: 'another Gemeinde\'s list via list.open', send: post(action(ANNA, VERBS.listOpen, list({ ags: BRACKENHEIM }))), expect: { invoke: 403 } },
  { name: 'a coordinator\'s verb from staff', send: post(action(ANNA, VERBS.additionAccept, strikeData())), expect: { invoke: 403 } },
  { name: 'a foreign tenant', send: post(action(ANNA, VERBS.strike, strikeData(), { conversation: { id: 'a:x', conversationType: 'personal', tenantId: '99999999-0000-4000-8000-000000000000' }, channelData: { tenant: { id: '99999999-0000-4000-8000-000000000000' } } })), expect: { invoke: 403 } },
  { name: 'a year without a campaign', send: post(action(KORA, VERBS.listOpen, { year: 2031, ags: ABSTATT })), expect: { invoke: 404 } },
  { name: 'an AGS outside the Landkreis', send: post(action(KORA, VERBS.listOpen, { year: YEAR, ags: '09162000' })), expect: { invoke: 404 } },

  // Form inputs: the domain's refusal, on the form again.
  { name: 'a note of 400 000 characters', send: post(action(ANNA, VERBS.strike, strikeData({ reason: 'sonstiges', note: 'n'.repeat(400_000) }))), expect: { form: tooLong(500) } },
  { name: 'a surname of 100 000 characters', send: post(action(ANNA, VERBS.childAdd, list({ op: 'hostile-2', householdId: `${ABSTATT}-H1`, parentId: personId(ABSTATT, 1), surname: 's'.repeat(100_000), givenName: 'Kind', birthDate: '2022-06-01' }))), expect: { form: tooLong(100) } },
  { name: 'reason as a number', send: post(action(ANNA, VERBS.strike, strikeData({ reason: 3 }))), expect: { form: translate('bot.reasonRequired', {}, 'de') } },
  { name: 'reason as an object', send: post(action(ANNA, VERBS.strike, strikeData({ reason: { toString: 'weggezogen' } }))), expect: { form: translate('bot.reasonRequired', {}, 'de') } },
  { name: 'birthDate as an array', send: post(action(ANNA, VERBS.childAdd, list({ op: 'hostile-3', householdId: `${ABSTATT}-H1`, parentId: personId(ABSTATT, 1), surname: 'Kind', givenName: 'Kind', birthDate: ['2022-06-01'] }))), expect: { form: translate('bot.birthDateRequired', {}, 'de') } },
  { name: 'birthDate 31.02.', send: post(action(ANNA, VERBS.childAdd, list({ op: 'hostile-4', householdId: `${ABSTATT}-H1`, parentId: personId(ABSTATT, 1), surname: 'Kind', givenName: 'Kind', birthDate: '2022-02-31' }))), expect: { form: translate('input.badDate', { value: '2022-02-31', field: 'Geburtsdatum' }, 'de') } },
  { name: 'a person id that names a path', send: post(action(ANNA, VERBS.strike, strikeData({ personId: '../../meta.json' }))), expect: { form: translate('list.personNotFound', { ags: ABSTATT }, 'de') } },
];

function check(c: Case, a: HttpAnswer): string | undefined {
  const got = `HTTP ${a.status} ${a.text.slice(0, 160)}`;
  if ('http' in c.expect) return a.status === c.expect.http ? undefined : `expected HTTP ${c.expect.http}, got ${got}`;
  if (a.status !== 200) return `expected an invoke answer, got ${got}`;
  if ('invoke' in c.expect) {
    const ok = a.json?.statusCode === c.expect.invoke && a.json?.type === 'application/vnd.microsoft.error' && typeof a.json?.value?.message === 'string';
    return ok ? undefined : `expected invoke ${c.expect.invoke}, got ${got}`;
  }
  const ok = a.json?.statusCode === 200 && a.json?.type === 'application/vnd.microsoft.card.adaptive' && cardTexts(a.json.value).includes(c.expect.form);
  return ok ? undefined : `expected the form with "${c.expect.form}", got ${got}`;
}

test(`${cases.length} malformed and hostile requests: each refused with a 4xx, the process stays up, the data directory is unchanged`, async () => {
  const problems: string[] = [];
  for (const c of cases) {
    let answer: HttpAnswer;
    try {
      answer = await c.send();
    } catch (e) {
      problems.push(`${c.name}: request failed: ${(e as Error).message} ${(e as { cause?: Error }).cause?.message ?? ''}`);
      if (bot!.hasExited()) break;
      continue;
    }
    const problem = check(c, answer);
    if (problem) problems.push(`${c.name}: ${problem}`);
    if (answer.status >= 500) problems.push(`${c.name}: a 5xx`);
    if (bot!.hasExited() || (await health(bot!.url)) !== 200) {
      problems.push(`${c.name}: the bot is down`);
      break;
    }
  }
  expect(problems).toEqual([]);
  expect(bot!.hasExited()).toBe(false);
  expect(await fingerprint(dataDir)).toEqual(before);
  // Nothing reached the connector: refusals are answered in the HTTP response.
  expect(connector.recorded).toEqual([]);
  // The log names no input (the 100 000-character values, the forged ids).
  expect(bot!.output()).not.toMatch(/xxxxxxxxxx|pppppppppp|nnnnnnnnnn|ssssssssss|\.\.\/\.\.\/meta/);
  // Every line is one JSON object, however hostile the request (no stack traces from restify or botbuilder).
  for (const line of bot!.output().split('\n').filter((l) => l.trim())) expect(() => JSON.parse(line)).not.toThrow();
}, 60_000);

/**
 * restify's body reader counts the bytes on the wire against maxBodySize (server.ts, 512 KB), not the
 * bytes a gzip body inflates to: 8 KB on the wire become an 8 MB activity that is parsed and handled
 * like any other (a 400 KB request inflates to 400 MB, takes seconds of CPU and ~1.8 GB of memory –
 * a few at once and the process is gone, without any sign-in: the body is read before the token check).
 */
test('regression: a gzip-compressed body bypasses the 512 KB limit', async () => {
  const activity = action(ANNA, VERBS.listOpen, list(), { pad: 'p'.repeat(8 * 1024 * 1024) });
  const compressed = gzipSync(JSON.stringify(activity).replaceAll(SERVICE, connector.url + '/'), { level: 9 });
  expect(compressed.length).toBeLessThan(64 * 1024);
  const res = await fetch(`${bot!.url}/api/messages`, { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: compressed });
  await res.text();
  expect(await health(bot!.url)).toBe(200);
  // Refused like the same body sent uncompressed (413), or as an encoding Teams never uses (415).
  expect([413, 415]).toContain(res.status);
});

/** GET with the path sent exactly as written (fetch would resolve `..`). */
function rawGet(pathname: string): Promise<{ status: number; body: string; type: string }> {
  const url = new URL(bot!.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: 'GET', path: pathname }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('download tokens: path traversal and tokens for another file are refused, the process stays up, nothing changes', async () => {
  const base = bot!.url;
  const links = new DownloadLinks(Buffer.from(SECRET), base, () => Date.parse(NOW));
  const mine = links.create({ kind: 'list', year: YEAR, ags: ABSTATT }).url.split('/downloads/')[1];
  const [payload, signature] = mine.split('~');
  const swap = (change: Record<string, unknown>) =>
    Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...change })).toString('base64url');
  // Signed with the right secret, but naming something that is not a list or overview of the Landkreis.
  const signedBad = (shape: Record<string, unknown>) => new DownloadLinks(Buffer.from(SECRET), base, () => Date.parse(NOW)).create(shape as never).url.split('/downloads/')[1];

  const refused: [string, string, number[]][] = [
    ['traversal, raw', '/downloads/../../meta.json', [404]],
    ['traversal, raw, deeper', '/downloads/../../../../../../etc/passwd', [404]],
    ['traversal, encoded slashes', '/downloads/..%2F..%2Fmeta.json', [403]],
    ['traversal, encoded dots', '/downloads/%2e%2e%2f%2e%2e%2f2025%2fcampaign.json', [403]],
    ['traversal after a valid token', `/downloads/${mine}/../../meta.json`, [404]],
    ['a NUL byte', `/downloads/${payload}%00~${signature}`, [403]],
    ['another Gemeinde with my signature', `/downloads/${swap({ ags: BRACKENHEIM })}~${signature}`, [403]],
    ['the overview with my signature', `/downloads/${swap({ kind: 'overview', ags: undefined })}~${signature}`, [403]],
    ['another year with my signature', `/downloads/${swap({ year: 2024 })}~${signature}`, [403]],
    ['an AGS with a path, signed', `/downloads/${signedBad({ kind: 'list', year: YEAR, ags: '../../../etc/passwd' })}`, [403]],
    ['a kind "file", signed', `/downloads/${signedBad({ kind: 'file', year: YEAR, ags: 'meta.json' })}`, [403]],
    ['a year as text, signed', `/downloads/${signedBad({ kind: 'overview', year: '2025' })}`, [403]],
    ['payload only', `/downloads/${payload}`, [403]],
    ['three parts', `/downloads/${mine}~${signature}`, [403]],
    ['an empty signature', `/downloads/${payload}~`, [403]],
    ['a token of 5 000 characters (over the router\'s 1 000)', `/downloads/${'a'.repeat(5000)}`, [404]],
  ];
  const problems: string[] = [];
  for (const [name, pathname, statuses] of refused) {
    const r = await rawGet(pathname);
    if (!statuses.includes(r.status)) problems.push(`${name}: expected ${statuses.join('/')}, got ${r.status} ${r.body.slice(0, 120)}`);
    if (r.type.includes('spreadsheetml') || r.body.includes('schemaVersion') || r.body.includes('root:')) problems.push(`${name}: served content`);
    if ((await health(base)) !== 200) problems.push(`${name}: the bot is down`);
  }
  expect(problems).toEqual([]);
  // The genuine link still serves its file: the refusals were not a blanket failure.
  const ok = await fetch(`${base}/downloads/${mine}`);
  expect(ok.status).toBe(200);
  expect(ok.headers.get('content-disposition')).toContain(`IntM-Liste-${YEAR}-${ABSTATT}-Abstatt.xlsx`);
  await ok.arrayBuffer();
  expect(bot!.hasExited()).toBe(false);
  expect(await fingerprint(dataDir)).toEqual(before);
});

/**
 * renderDownload (src/bot/downloads.ts) makes a temporary folder, then asks the export service for
 * the file; when that refuses (a year whose campaign is gone, a list that no longer exists), the
 * folder is never removed. A valid link for such a target leaves one empty folder in TMPDIR per click.
 */
test('regression: a download that is refused with 404 leaves its temporary folder behind', async () => {
  const links = new DownloadLinks(Buffer.from(SECRET), bot!.url, () => Date.parse(NOW));
  const leftovers = async () => (await fs.readdir(tmp)).filter((n) => n.startsWith('intm-download-'));
  // Folders that exist already (the previous test's download is removed when its stream closes) do not count.
  const start = await leftovers();
  for (const target of [{ kind: 'list' as const, year: 2031, ags: ABSTATT }, { kind: 'overview' as const, year: 2031 }]) {
    const res = await fetch(links.create(target).url);
    expect(res.status).toBe(404);
    await res.text();
  }
  expect((await leftovers()).filter((n) => !start.includes(n))).toEqual([]);
});

/**
 * validateActivity.ts checks that `entities` and `membersAdded` are arrays, not what they hold. A
 * `null` or a string among the entities makes botbuilder's mention handling (TurnContext.getMentions,
 * `e.type.toLowerCase()`) throw before any handler runs; a `null` member makes the membersAdded
 * handler in bot.ts throw (`m.id`). The turn dies with "turn.failed TypeError" in the log, the user
 * gets no answer, and HTTP says 200. Sent in a channel, so that nothing is stored either way.
 */
test('regression: entities and membersAdded holding null or strings are not refused with 400 (the turn fails with a TypeError)', async () => {
  const channel = { id: '19:gemeinden@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: TENANT };
  const message = (extra: Record<string, unknown>) =>
    JSON.stringify({ ...action(KORA, undefined, undefined), type: 'message', name: undefined, value: undefined, text: 'hilfe', conversation: channel, ...extra }).replaceAll(SERVICE, connector.url + '/');
  const bodies: [string, string][] = [
    ['entities [null]', message({ entities: [null] })],
    ['entities ["mention"]', message({ entities: ['mention'] })],
    ['membersAdded [null]', message({ type: 'conversationUpdate', text: undefined, membersAdded: [null] })],
  ];
  const logBefore = bot!.output().length;
  const statuses: Record<string, number> = {};
  for (const [name, body] of bodies) {
    statuses[name] = (await postActivity(bot!.url, body)).status;
    expect(await health(bot!.url)).toBe(200);
  }
  expect(await fingerprint(dataDir)).toEqual(before);
  expect({ statuses, turnFailed: bot!.output().slice(logBefore).includes('turn.failed') }).toEqual({
    statuses: Object.fromEntries(bodies.map(([name]) => [name, 400])),
    turnFailed: false,
  });
});
