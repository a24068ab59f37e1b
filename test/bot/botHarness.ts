/**
 * The bot under test with botbuilder's TestAdapter: real application services over a temporary data
 * directory, a recording outbound sender and an in-memory log. Activities are shaped as Teams sends them.
 */
import { TestAdapter, type Activity } from 'botbuilder';
import { IntmApp } from '../../src/app';
import { createBot } from '../../src/bot/bot';
import { ConversationStore } from '../../src/bot/conversations';
import { DownloadLinks } from '../../src/bot/downloads';
import type { BotDeps } from '../../src/bot/deps';
import { memoryLogger } from '../../src/bot/log';
import { RecordingOutbound } from '../../src/bot/outbound';
import { SummaryCards } from '../../src/bot/summaryCards';
import { ExcelWorkbookWriter } from '../../src/excel/workbookWriter';
import { SpreadsheetTableReader } from '../../src/excel/tableReader';
import { LowdbRepository } from '../../src/storage/lowdbRepository';
import { fixedClock } from '../../src/storage/systemClock';
import { coordinator, listWith, person, verzeichnis } from '../fixtures';
import { tempDir } from '../harness';
import { rmSync } from 'node:fs';

export const TENANT = 'f0000000-0000-4000-8000-00000000000f';

export interface User {
  aadObjectId: string;
  name: string;
  teamsId: string;
}

function user(n: number, name: string): User {
  return { aadObjectId: `0000000${n}-0000-4000-8000-000000000000`, name, teamsId: `29:user-${n}` };
}

export const KORA = user(1, 'Kora Koordinatorin');
export const ANNA = user(2, 'Anna Abstatt');
export const BERT = user(3, 'Bert Brackenheim');
export const NOBODY = user(4, 'Nora Niemand');

export const ABSTATT = '08125001';
export const BRACKENHEIM = '08125013';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface SendOptions {
  kind?: ConversationKind;
  locale?: string;
}

export function conversationFor(u: User, kind: ConversationKind = 'personal') {
  if (kind === 'channel') return { id: '19:gemeinden@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true, tenantId: TENANT };
  if (kind === 'groupChat') return { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: TENANT };
  return { id: `a:personal-${u.aadObjectId}`, conversationType: 'personal', tenantId: TENANT };
}

const BOT = { id: '28:intm-bot', name: 'IntM-Bot' };

export function messageActivity(u: User, text: string, opts: SendOptions = {}): Partial<Activity> {
  return {
    type: 'message',
    text,
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.invalid/',
    from: { id: u.teamsId, name: u.name, aadObjectId: u.aadObjectId },
    recipient: BOT,
    conversation: conversationFor(u, opts.kind) as never,
    locale: opts.locale ?? 'de-DE',
    channelData: { tenant: { id: TENANT } },
  };
}

export function invokeActivity(u: User, verb: string | undefined, data: unknown, opts: SendOptions = {}): Partial<Activity> {
  return {
    ...messageActivity(u, '', opts),
    type: 'invoke',
    text: undefined,
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', ...(verb !== undefined ? { verb } : {}), data }, trigger: 'manual' },
  };
}

export interface InvokeResult {
  status: number;
  body: { statusCode: number; type: string; value: any };
}

export interface BotHarness {
  dataDir: string;
  deps: BotDeps;
  outbound: RecordingOutbound;
  logger: ReturnType<typeof memoryLogger>;
  clock: ReturnType<typeof fixedClock>;
  /** Every activity the bot sent as a reply, with the conversation it went to. */
  replies: Partial<Activity>[];
  send(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
  say(u: User, text: string, opts?: SendOptions): Promise<Partial<Activity>[]>;
  invoke(u: User, verb: string | undefined, data: unknown, opts?: SendOptions): Promise<InvokeResult>;
  cleanup(keepData?: boolean): Promise<void>;
}

/** Campaign 2025 with `perGemeinde` persons in every Gemeinde (ids `<ags>-<n>`, households of three), Anna for Abstatt, Bert for Brackenheim. */
export async function openBotHarness(perGemeinde = 6, at = '2024-01-10T09:00:00.000Z', existingDir?: string): Promise<BotHarness> {
  const dataDir = existingDir ?? tempDir('intm-bot-');
  const repo = await LowdbRepository.open(dataDir);
  const clock = fixedClock(at);
  const app = new IntmApp({
    repo,
    clock,
    verzeichnis,
    tableReader: new SpreadsheetTableReader(),
    workbooks: new ExcelWorkbookWriter(),
    coordinators: [KORA.aadObjectId],
  });
  if (!existingDir) await seedYear(app, repo, perGemeinde);
  const outbound = new RecordingOutbound();
  const logger = memoryLogger();
  const conversations = new ConversationStore(repo);
  const summaries = new SummaryCards(app, conversations, outbound, logger);
  const links = new DownloadLinks(Buffer.alloc(32, 7), 'https://intm.example.invalid', () => Date.parse(clock.now()));
  const deps: BotDeps = { app, conversations, outbound, summaries, logger, tenants: [TENANT], reminderDays: [7, 1], links };
  const bot = createBot(deps);
  const adapter = new TestAdapter(async (context) => {
    await bot.run(context);
  });
  const replies: Partial<Activity>[] = [];

  const send = async (activity: Partial<Activity>) => {
    adapter.activeQueue.splice(0);
    await adapter.processActivity(activity);
    // Work the turn started in the background (channel cards) is part of what the test observes.
    await summaries.idle();
    const out = adapter.activeQueue.splice(0).map((a) => ({ ...a, conversation: activity.conversation }));
    replies.push(...out);
    return out;
  };
  return {
    dataDir,
    deps,
    outbound,
    logger,
    clock,
    replies,
    send,
    say: (u, text, opts) => send(messageActivity(u, text, opts)),
    async invoke(u, verb, data, opts) {
      const out = await send(invokeActivity(u, verb, data, opts));
      const response = out.find((a) => a.type === 'invokeResponse');
      if (!response) throw new Error('no invoke response');
      return response.value as InvokeResult;
    },
    async cleanup(keepData = false) {
      await summaries.idle();
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Campaign 2025, one list per Gemeinde, Anna for Abstatt and Bert for Brackenheim. */
async function seedYear(app: IntmApp, repo: LowdbRepository, perGemeinde: number): Promise<void> {
  await app.campaigns.create({ year: 2025, kreisAmount: '1508000' }, { actor: coordinator });
  const lists = verzeichnis.all.map((g) =>
    listWith(
      g.ags,
      Array.from({ length: perGemeinde }, (_, i) =>
        person(`${g.ags}-${i + 1}`, { householdId: `${g.ags}-H${Math.floor(i / 3) + 1}`, surname: `Nachname${g.ags.slice(-3)}x${i + 1}`, givenName: `Vorname${i + 1}` }),
      ),
    ),
  );
  await repo.replaceLists(2025, lists, (current) => ({ next: { ...current, revision: current.revision + 1 }, result: undefined }));
  const kora = { id: KORA.aadObjectId, name: KORA.name, role: 'koordination' as const };
  await app.roster.assign({ aadObjectId: ANNA.aadObjectId, name: ANNA.name, role: 'gemeinde', ags: ABSTATT, tenantId: TENANT }, kora);
  await app.roster.assign({ aadObjectId: BERT.aadObjectId, name: BERT.name, role: 'gemeinde', ags: BRACKENHEIM, tenantId: TENANT }, kora);
}

/** All texts of a card, including TextRuns and action titles, for assertions. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title' || k === 'value' || k === 'label' || k === 'placeholder') && typeof v === 'string') parts.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return parts.join('\n');
}

/** All Action.Execute buttons of a card. */
export function actionsOf(card: unknown): { verb: string; title: string; data: Record<string, unknown> }[] {
  const found: { verb: string; title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute') found.push({ verb: o.verb as string, title: o.title as string, data: (o.data ?? {}) as Record<string, unknown> });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The card of an attachment reply. */
export function attachedCard(reply: Partial<Activity> | undefined): any {
  return reply?.attachments?.[0]?.content;
}
