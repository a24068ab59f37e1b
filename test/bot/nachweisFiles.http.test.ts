/**
 * Files for the Verwendungsnachweis through the real server over HTTP: a clerk sends a PDF in her
 * personal chat exactly as Teams delivers it (an attachment of type
 * `application/vnd.microsoft.teams.file.download.info` whose downloadUrl a local server answers); it is
 * stored and listed. A non-PDF, a file too large, a file in a channel: a clear sentence, nothing stored.
 * Another Gemeinde's clerk cannot see it; the coordinator's signed link downloads the exact bytes.
 */
import { rmSync } from 'node:fs';
import { memoryLogger } from '../../src/bot/log';
import { downloadAllowed } from '../../src/bot/nachweisFiles';
import type { RunningBot } from '../../src/bot/start';
import { fixedClock } from '../../src/storage/systemClock';
import { EPPINGEN } from '../fixtures';
import { tempDir } from '../harness';
import { ABSTATT, ANNA, BERT, BRACKENHEIM, KORA, TENANT, messageActivity, type User } from './botHarness';
import type { Connector } from './connector';
import { startLocalBot } from './httpKit';
import { serveFile } from './fileServer';
import { ELLA, seedOpenRound } from './httpSeed';

let dataDir: string;
let connector: Connector;
let bot: RunningBot;
const logger = memoryLogger();
const clock = fixedClock('2026-01-15T09:00:00.000Z');
/** Staff of Eppingen, which the Landkreis served (no decision): no Nachweis of her own to attach to. */
const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';
const PDF = Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  dataDir = tempDir('intm-vnfiles-');
  await seedOpenRound(dataDir, clock, { eigenstaendig: [ABSTATT, BRACKENHEIM], staff: [[BERT, BRACKENHEIM], [ELLA, EPPINGEN]] });
  ({ bot, connector } = await startLocalBot(dataDir, { clock, logger }, { INTM_COORDINATORS: KORA.aadObjectId, INTM_TENANTS: TENANT }));
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Posts an activity to the bot and returns what it sent back (through the connector). */
async function send(activity: object): Promise<any[]> {
  const before = connector.recorded.length;
  const res = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...activity, serviceUrl: connector.url + '/', id: `in-${Math.random()}` }),
  });
  expect(res.status).toBeLessThan(300);
  return connector.recorded.slice(before).filter((r) => r.method === 'POST').map((r) => r.body);
}

/** A file message as Teams sends it: the file behind a download URL, served here by a local server. */
async function sendFile(u: User, bytes: Buffer, name: string, opts: { fileType?: string; lie?: boolean; kind?: 'personal' | 'channel'; text?: string; locale?: string } = {}): Promise<string> {
  const server = await serveFile(bytes, { lie: opts.lie });
  try {
    const attachment = {
      contentType: TEAMS_FILE,
      contentUrl: `https://contoso.sharepoint.com/personal/anna/Documents/Microsoft Teams-Chatdateien/${name}`,
      name,
      content: { downloadUrl: server.url, uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType: opts.fileType ?? 'pdf', etag: '1' },
    };
    const replies = await send({ ...messageActivity(u, opts.text ?? '', { kind: opts.kind, locale: opts.locale }), attachments: [attachment] });
    return replies.map((r) => r.text ?? '').join('\n');
  } finally {
    await server.close();
  }
}

async function textOf(u: User, text: string): Promise<any[]> {
  return send(messageActivity(u, text));
}

test('a clerk sends a PDF in her personal chat: stored with her Gemeinde’s Nachweis and listed; the same file again is not stored twice', async () => {
  const answer = await sendFile(ANNA, PDF, 'Sachbericht 2025.pdf');
  expect(answer).toContain('„Sachbericht 2025.pdf“ (1 KB) ist zum Verwendungsnachweis 2025 von Abstatt gespeichert.');
  expect(answer).toContain('Angehängte Dateien (1):');
  expect(answer).toContain('- Sachbericht 2025.pdf (1 KB), 15.01.2026, Anna Abstatt');
  expect(await sendFile(ANNA, PDF, 'Kopie.pdf')).toContain('Diese Datei ist bereits angehängt (als „Sachbericht 2025.pdf“)');
  const listed = (await textOf(ANNA, 'dateien')).map((r) => r.text).join('\n');
  expect(listed).toContain('Angehängte Dateien (1):');
  // Her Verwendungsnachweis card lists it too (name and size).
  const [card] = await textOf(ANNA, 'verwendungsnachweis');
  const cardJson = JSON.stringify(card.attachments?.[0]?.content);
  expect(cardJson).toContain('"text":"Sachbericht 2025.pdf"');
  expect(cardJson).toContain('"text":" (1 KB)"');
  // The log knows that a file came, not its name.
  const log = logger.lines.join('\n');
  expect(log).toContain('"event":"vn.file"');
  expect(log).not.toContain('Sachbericht');
});

test('not a PDF (by its content, whatever the name), too large, or sent in a channel: a clear sentence, nothing stored', async () => {
  const docx = Buffer.from('PK\u0003\u0004[Content_Types].xml word/document.xml');
  expect(await sendFile(ANNA, docx, 'Beleg.pdf')).toContain('„Beleg.pdf“ ist keine PDF-Datei');
  expect(await sendFile(ANNA, docx, 'Beleg.docx', { fileType: 'docx' })).toContain('„Beleg.docx“ ist keine PDF-Datei');
  expect(await sendFile(ANNA, docx, 'Beleg.pdf', { locale: 'en-US' })).toBe('"Beleg.pdf" is not a PDF file. Please send attachments to the Verwendungsnachweis as PDF; nothing was stored.');
  const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
  expect(await sendFile(ANNA, big, 'Scan.pdf', { lie: true })).toContain('eine Anlage darf höchstens 10 MB groß sein');
  expect(await sendFile(ANNA, Buffer.from('%PDF-1.4\nim Kanal\n'), 'Kanal.pdf', { kind: 'channel' })).toContain('im persönlichen Chat');
  // No Nachweis of her own open: a PDF is refused with the reason; a spreadsheet is the import's, as before.
  expect(await sendFile(ELLA, PDF, 'Bericht.pdf')).toContain('zurzeit ist keiner offen. Gespeichert wurde nichts.');
  expect(await sendFile(ELLA, docx, 'Liste.xlsx', { fileType: 'xlsx' })).toBe('Das darf nur die Koordinierungsstelle im Landratsamt.');
  const listed = (await textOf(ANNA, 'dateien')).map((r) => r.text).join('\n');
  expect(listed).toContain('Angehängte Dateien (1):');
  expect(listed).not.toMatch(/Beleg|Scan|Kanal/);
});

test('another Gemeinde’s clerk cannot see the files; the coordinator’s link downloads the exact bytes as a PDF', async () => {
  const other = (await textOf(BERT, 'dateien Abstatt')).map((r) => r.text).join('\n');
  expect(other).toContain('nur die Daten Ihrer eigenen Gemeinde');
  expect(other).not.toContain('Sachbericht');
  expect((await textOf(BERT, 'dateien')).map((r) => r.text).join('\n')).toBe('Zum Verwendungsnachweis 2025 von Brackenheim sind keine Dateien angehängt.');

  const [reply] = await textOf(KORA, 'dateien Abstatt');
  expect(reply.text).toBe('Dateien zum Verwendungsnachweis 2025 von Abstatt');
  const card = reply.attachments[0].content;
  const link = JSON.stringify(card).match(/"url":"(http:\/\/127\.0\.0\.1:\d+\/downloads\/[^"]+)"/)?.[1];
  expect(link).toBeDefined();
  expect(JSON.stringify(card)).toContain('Sachbericht 2025.pdf (1 KB)');
  const res = await fetch(link!);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('content-disposition')).toBe('attachment; filename="Verwendungsnachweis-2025-08125001-Sachbericht_2025.pdf"');
  expect(Buffer.from(await res.arrayBuffer())).toEqual(PDF);
  // The link names this one file: altered, it is refused.
  expect((await fetch(link!.replace(/~.*$/, '~x'))).status).toBe(403);
  // A genuine link to a file no longer there (or never attached): 404 with a German sentence.
  const gone = bot.deps.links!.create({ kind: 'nachweisFile', year: 2025, ags: ABSTATT, id: 'f'.repeat(64) });
  const missing = await fetch(gone.url);
  expect(missing.status).toBe(404);
  expect(await missing.text()).toContain('nicht (mehr) angehängt');
  // Only a Gemeinde's AGS and a sha256 make a file link, even signed.
  const odd = bot.deps.links!.create({ kind: 'nachweisFile', year: 2025, ags: ABSTATT, id: '../secret' });
  expect((await fetch(odd.url)).status).toBe(403);
});

test('where a file may come from: https; plain http only in local mode and only from this machine', () => {
  expect(downloadAllowed('https://contoso.sharepoint.com/download?x=1', false)).toBe(true);
  expect(downloadAllowed('http://contoso.sharepoint.com/download', false)).toBe(false);
  expect(downloadAllowed('http://127.0.0.1:1234/f.pdf', false)).toBe(false);
  expect(downloadAllowed('http://127.0.0.1:1234/f.pdf', true)).toBe(true);
  expect(downloadAllowed('http://example.org/f.pdf', true)).toBe(false);
  expect(downloadAllowed('file:///etc/passwd', true)).toBe(false);
  expect(downloadAllowed('kein Link', true)).toBe(false);
});
