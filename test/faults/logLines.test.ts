/**
 * The running bot (`npm start` as a child process) with a bot id, so every request needs a token, and
 * Microsoft's key endpoint pointed at a closed port on 127.0.0.1 (BOT_OPENID_METADATA_URL): as when
 * login.botframework.com cannot be reached. A forged but well-formed token (RS256, a key id, the right
 * audience and issuer) then cannot be checked: the answer is 401 or 503 without any internal detail,
 * never 500 with the network error's text. And whatever is sent – forged, malformed, oversized –
 * every line the process writes, on stdout and stderr, is one JSON object without a stack trace or
 * anything the requests carried.
 */
import { generateKeyPairSync, createSign } from 'node:crypto';
import net from 'node:net';
import { rmSync } from 'node:fs';
import { tempDir } from '../harness';
import { TENANT } from '../bot/botHarness';
import { cardAction, KORA, postActivity, startBotProcess, stopProcess, type BotProcess, type HttpAnswer } from './support';

const BOT_ID = '11111111-2222-4333-8444-555555555555';
/** Looks like data a forged request could carry; must never appear in a log line. */
const PERSONAL = ['Geheimname', '1990-05-01', '08125001-0042'];

let dataDir: string;
let bot: BotProcess | undefined;
let metadataUrl: string;

/** A port that was free a moment ago and is closed now: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token shaped exactly like the Bot Connector's, signed with a key nobody published. */
function forgedToken(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const header = b64({ alg: 'RS256', typ: 'JWT', kid: 'forged-key-1', x5t: 'forged-key-1' });
  const payload = b64({ iss: 'https://api.botframework.com', aud: BOT_ID, serviceurl: 'https://smba.trafficmanager.net/emea/', nbf: now - 60, exp: now + 3600 });
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

beforeAll(async () => {
  dataDir = tempDir('intm-faults-log-');
  metadataUrl = `http://127.0.0.1:${await closedPort()}/v1/.well-known/openidconfiguration`;
  bot = await startBotProcess({
    INTM_LOCAL: '',
    INTM_NOW: '',
    BOT_ID,
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_TENANT_ID: TENANT,
    BOT_OPENID_METADATA_URL: metadataUrl,
    INTM_DATA_DIR: dataDir,
  });
}, 30_000);

afterAll(async () => {
  await stopProcess(bot);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const activity = () => {
  const a = cardAction(KORA, 'list.open', { year: 2025, ags: '08125001', note: PERSONAL.join(' ') }, 'https://smba.trafficmanager.net/emea/');
  return { ...a, text: `Frau ${PERSONAL[0]}, geboren ${PERSONAL[1]}` };
};
const post = (body: unknown, headers: Record<string, string> = {}) => postActivity(bot!.url.replace('0.0.0.0', '127.0.0.1'), body, { 'content-type': 'application/json', ...headers });

/** No internal detail: not the network error, not the endpoint, not botbuilder's words. */
function expectNoDetail(a: HttpAnswer): void {
  expect(a.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|openid|fetch|request to|Signing Key|Unauthorized Access|stack|at \w/i);
}

test('a forged, well-formed token while the key endpoint is unreachable: 401 or 503, no internal detail; the bot stays up', async () => {
  const token = forgedToken();
  for (let i = 0; i < 3; i++) {
    const a = await post(activity(), { authorization: `Bearer ${token}` });
    expect([401, 503]).toContain(a.status);
    expectNoDetail(a);
  }
  const health = await fetch(`${bot!.url.replace('0.0.0.0', '127.0.0.1')}/healthz`);
  expect(health.status).toBe(200);
});

test('without a token, with alg "none", with garbage: 401, no detail', async () => {
  for (const authorization of [undefined, 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiIxMTExIn0.', 'Bearer x.y.z', 'Basic Zm9vOmJhcg==']) {
    const a = await post(activity(), authorization ? { authorization } : {});
    expect([authorization, a.status]).toEqual([authorization, 401]);
    expectNoDetail(a);
  }
});

test('malformed requests are refused with 4xx', async () => {
  expect((await post('{"type": "message",')).status).toBe(400);
  expect((await post('[1,2]')).status).toBe(400);
  expect((await post({ ...activity(), text: 'x'.repeat(1024 * 1024) })).status).toBe(413);
  const base = bot!.url.replace('0.0.0.0', '127.0.0.1');
  // Routes restify answers by itself: unknown paths, wrong methods, a broken escape in the path.
  for (const [path, method] of [['/nope', 'GET'], ['/api/messages', 'DELETE'], ['/downloads/%E0%A4%A', 'GET'], ['/healthz', 'POST']] as const) {
    const res = await fetch(base + path, { method });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await res.text();
  }
});

test('every line on stdout and stderr is one JSON object: no stack trace, nothing the requests carried', async () => {
  const p = bot!;
  p.child.kill('SIGTERM');
  const exit = await p.exited;
  expect(exit.code).toBe(0);
  const lines = p.output().split('\n').filter((l) => l.trim() !== '');
  expect(lines.length).toBeGreaterThan(3);
  const events: string[] = [];
  for (const line of lines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`not a JSON line: ${line.slice(0, 200)}`);
    }
    expect(parsed).toEqual(expect.objectContaining({ level: expect.any(String), event: expect.any(String) }));
    events.push((parsed as { event: string }).event);
    expect(line).not.toMatch(/\bat [\w.<>]+ \(|node:internal|\.js:\d+:\d+/);
    for (const secret of [...PERSONAL, 'not-a-real-secret']) expect(line).not.toContain(secret);
  }
  // The forged token reached the key lookup (auth.unavailable), the others were refused before it.
  expect(events).toEqual(expect.arrayContaining(['started', 'auth.unavailable', 'request.unauthorized', 'stopped']));
}, 30_000);
