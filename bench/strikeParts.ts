/**
 * Where the time of a strike (benchmark 4) and of a question turn (benchmark 5) goes: the steps the bot
 * runs for them, each measured on its own in this process over a fresh copy of the prepared data
 * directory – CPU time (user + system, all threads: fsyncs run in the thread pool) per call, median of
 * 5 batches of 100 after one of warm-up. Reported beside the HTTP figures, measured in the same run.
 */
import path from 'node:path';
import { TurnContext } from 'botbuilder';
import { answerQuestion } from '../src/app/questions/answer';
import { recognize } from '../src/app/questions/recognize';
import { ConversationStore } from '../src/bot/conversations';
import { listView } from '../src/bot/views';
import { invokeBody } from '../src/bot/invoke';
import type { BotDeps } from '../src/bot/deps';
import { listCard, type AdaptiveCard, type ListView } from '../src/cards';
import { jsonBytes } from '../src/cards/keptParts';
import type { GemeindeListe } from '../src/domain/list';
import type { CampaignRecord } from '../src/app/ports';
import { openApp } from '../src/compose';
import type { Actor } from '../src/domain/actor';
import { RACY_MS } from '../src/storage/documentCache';
import { writeFileDurably } from '../src/storage/durableJsonFile';
import { LockManager } from '../src/storage/fileLock';
import { fixedClock } from '../src/storage/systemClock';
import { type BotData, messageActivity, NOW, TENANT, type Target, YEAR } from './botData';
import { percentile } from './report';

export interface Part {
  step: string;
  where: string;
  cpuMs: number;
}

const BATCHES = 5;
const CALLS = 100;

/** CPU per call of each step, median of BATCHES batches after one batch of warm-up. */
async function measureSteps(steps: { step: string; where: string; run: (i: number) => Promise<unknown> | unknown }[]): Promise<Part[]> {
  const samples = new Map(steps.map((s) => [s.step, [] as number[]]));
  for (let b = 0; b < BATCHES + 1; b++) {
    for (const s of steps) {
      const before = process.cpuUsage();
      for (let i = 0; i < CALLS; i++) await s.run(i);
      const used = process.cpuUsage(before);
      if (b > 0) samples.get(s.step)!.push((used.user + used.system) / 1000 / CALLS);
    }
  }
  return steps.map((s) => ({ step: s.step, where: s.where, cpuMs: percentile(samples.get(s.step)!, 0.5) }));
}

export async function strikeParts(data: BotData, firstTarget: number): Promise<Part[]> {
  const dir = data.copy();
  // Files changed in the last two seconds are confirmed by their text on every read (documentCache.ts):
  // the copy is that fresh, a running bot's files are not.
  await new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));
  const app = await openApp({ dataDir: dir, clock: fixedClock(NOW) });
  try {
    const deps = { app, conversations: new ConversationStore(app.ctx.repo) } as unknown as BotDeps;
    const t = data.targets;
    const actor = (x: Target): Actor => ({ id: x.user.aadObjectId, name: x.user.name, role: 'gemeinde', ags: x.ags });
    const locks = new LockManager(path.join(dir, 'locks'));
    const list = JSON.stringify(await app.ctx.repo.readList(YEAR, t[0].ags)) + '\n';
    const notice = { kind: 'success' as const, text: 'Die Person ist gestrichen.' };
    let next = firstTarget;
    // The last CALLS strikes and each list as they left it: the answer to each shows its list as stored, the
    // person's page (as the server answers, where a list's next strike comes after the answer to the last).
    const struck: Target[] = [];
    const stored = new Map<string, { list: GemeindeListe; campaign?: CampaignRecord }>();
    const answerViews: ListView[] = [];
    const answerCards: AdaptiveCard[] = [];

    const steps: { step: string; where: string; run: (i: number) => Promise<unknown> | unknown }[] = [
      {
        step: 'who is clicking: roster.json (stat-checked cache)',
        where: 'resolveTurn → RosterService.actorFor',
        run: (i) => app.roster.actorFor({ aadObjectId: t[i].user.aadObjectId, tenantId: TENANT, name: t[i].user.name }),
      },
      {
        step: 'the strike stored, one at a time: the lock file, the record appended and fdatasynced',
        where: 'ReviewService.strike → LowdbRepository.changeList → ListJournal',
        run: async (i) => {
          const x = t[next++];
          const outcome = await app.review.strike(YEAR, x.ags, { personId: x.personId, reason: 'weggezogen' }, { actor: actor(x), opId: `bench-parts-${next}` });
          struck[i] = x;
          stored.set(x.ags, { list: outcome.list, ...(outcome.campaign ? { campaign: outcome.campaign } : {}) });
        },
      },
      { step: '… of which the lock file alone', where: 'LockManager.withLock', run: (i) => locks.withLock(`bench-${i % 46}`, async () => undefined) },
      { step: '… of which the durable write alone (temp file, fsync, rename, directory fsync)', where: 'writeFileDurably', run: (i) => writeFileDurably(path.join(dir, 'bench-parts', `${i % 46}.json`), list) },
      {
        step: 'the view for the answer (the stored list and the campaign record the change was decided against handed over)',
        where: 'listActions change → views.listView',
        run: async (i) => {
          const target = struck[i];
          const { list, campaign } = stored.get(target.ags)!;
          answerViews[i] = await listView(deps, actor(target), 'de', YEAR, target.ags, data.pages.get(target.personId) ?? 0, notice, list, undefined, campaign);
        },
      },
      // The page with the person just struck: its row and household are new, the rest of the card is kept.
      { step: 'the list card rendered', where: 'cards.listCard (kept parts; the changed row from its shape)', run: (i) => (answerCards[i] = listCard(answerViews[i])) },
      { step: 'the answer as JSON bytes', where: 'invokeBody, jsonBytes (the server\'s JSON formatter)', run: (i) => jsonBytes(invokeBody({ kind: 'card', card: answerCards[i] })) },
    ];
    return await measureSteps(steps);
  } finally {
    await app.close();
  }
}

/** The steps of a question turn ("Wie hoch ist unsere voraussichtliche Förderung?") by a Gemeinde's staff member. */
export async function questionParts(data: BotData, question: string, serviceUrl: string): Promise<Part[]> {
  const dir = data.copy();
  const app = await openApp({ dataDir: dir, clock: fixedClock(NOW) });
  try {
    const conversations = new ConversationStore(app.ctx.repo);
    const users = data.users;
    const actor = (i: number): Actor => ({ id: users[i % users.length].aadObjectId, name: users[i % users.length].name, role: 'gemeinde', ags: users[i % users.length].ags });
      const intent = recognize(question, { verzeichnis: app.ctx.verzeichnis });
    return await measureSteps([
      {
        step: 'who is asking: roster.json (stat-checked cache)',
        where: 'resolveTurn → RosterService.actorFor',
        run: (i) => app.roster.actorFor({ aadObjectId: users[i % users.length].aadObjectId, tenantId: TENANT, name: '' }),
      },
      {
        step: 'the personal chat remembered (unchanged from the last message: checked, not written)',
        where: 'rememberPersonal → ConversationStore.update',
        run: (i) => {
          const u = users[i % users.length];
          const reference = TurnContext.getConversationReference(messageActivity(u, question, serviceUrl) as never);
          return conversations.rememberPersonal(u.aadObjectId, { ...reference, activityId: `bench-${i}` });
        },
      },
      { step: 'the question recognised', where: 'questions/recognize', run: () => recognize(question, { verzeichnis: app.ctx.verzeichnis }) },
      {
        step: 'the answer computed (the overview of all lists)',
        where: 'answerQuestion → funding → OverviewService.overview',
        run: (i) => answerQuestion(intent, { actor: actor(i), locale: 'de', year: YEAR, app }),
      },
      { step: '… of which reading the lists alone', where: `LowdbRepository.readLists (${data.gemeinden} files)`, run: () => app.ctx.repo.readLists(YEAR) },
    ]);
  } finally {
    await app.close();
  }
}
