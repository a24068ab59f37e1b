/**
 * What the bot could not send – Teams unreachable, or the bot stopping before it got through – kept
 * in the named document `outbox` (Repository port) and sent after the next start.
 *
 * An item says WHAT to bring up to date, not the message itself: "the status card of 2025 in the
 * Gemeinden channel". Sent later, it shows the state of that moment, not a stale one; and the document holds no
 * card content (and so no personal data).
 *
 * Several bot instances may share one database: an instance takes items (`claim`) inside one
 * `updateDocument` call, so the same item is never handed to two instances at once. A claimed item stays
 * in the document, marked with the claim and its end (`CLAIM_MS`): the instance removes it once the card
 * is delivered (`done`); what it fails to send it puts back (`keep` clears the claim). An instance that
 * dies between claim and delivery leaves its items marked; after the claim has run out another instance
 * (or the restarted one) takes them. The update is then sent twice at worst – harmless, since each
 * update brings the same card to the current state – but never lost.
 */
import type { Repository } from '../app/ports';

export const OUTBOX_DOCUMENT = 'outbox';

/** The year's status card in the municipalities' channel, behind the lists' state. */
export interface StatusCardItem {
  kind: 'statusCard';
  year: number;
}

export type OutboxItem = StatusCardItem;

/** An item as stored: with the time it was first kept (for the log and for operators), and its claim if taken. */
export type KeptItem = OutboxItem & { since: string; claim?: { id: string; until: string } };

/** How long a claim holds before another instance may take the item: far longer than one delivery takes. */
export const CLAIM_MS = 5 * 60_000;

interface OutboxDocument {
  items: KeptItem[];
}

const itemKey = (item: OutboxItem): string => `${item.kind}:${item.year}`;

export class Outbox {
  constructor(
    private readonly repo: Repository,
    private readonly now: () => string,
  ) {}

  /** Keeps items for later; an item already kept stays once (its time is kept too) and is free to claim again. */
  async keep(items: OutboxItem[]): Promise<void> {
    if (!items.length) return;
    await this.repo.updateDocument<OutboxDocument, void>(OUTBOX_DOCUMENT, (current) => {
      const kept = current?.items ?? [];
      const wanted = new Set(items.map(itemKey));
      let changed = false;
      const next = kept.map((item) => {
        if (!wanted.has(itemKey(item))) return item;
        wanted.delete(itemKey(item));
        if (!item.claim) return item;
        changed = true;
        return { kind: item.kind, year: item.year, since: item.since };
      });
      for (const item of items) {
        if (!wanted.has(itemKey(item))) continue;
        wanted.delete(itemKey(item));
        changed = true;
        next.push({ kind: item.kind, year: item.year, since: this.now() });
      }
      return changed ? { next: { items: next }, result: undefined } : { result: undefined };
    });
  }

  /**
   * Takes every item that is free (or whose claim ran out), atomically, for `claimId`: the caller sends
   * them, then calls `done` – or `keep` for what it cannot send.
   */
  claim(claimId: string): Promise<KeptItem[]> {
    return this.repo.updateDocument<OutboxDocument, KeptItem[]>(OUTBOX_DOCUMENT, (current) => {
      const now = this.now();
      const until = new Date(Date.parse(now) + CLAIM_MS).toISOString();
      const taken: KeptItem[] = [];
      const next = (current?.items ?? []).map((item) => {
        if (item.claim && item.claim.until > now) return item;
        const claimed = { kind: item.kind, year: item.year, since: item.since, claim: { id: claimId, until } };
        taken.push(claimed);
        return claimed;
      });
      return taken.length ? { next: { items: next }, result: taken } : { result: [] };
    });
  }

  /** Removes the items this claim delivered; an item put back meanwhile (`keep`) or taken over by another claim stays. */
  async done(claimId: string, items: readonly OutboxItem[]): Promise<void> {
    if (!items.length) return;
    const delivered = new Set(items.map(itemKey));
    await this.repo.updateDocument<OutboxDocument, void>(OUTBOX_DOCUMENT, (current) => {
      const kept = current?.items ?? [];
      const next = kept.filter((item) => !(delivered.has(itemKey(item)) && item.claim?.id === claimId));
      return next.length !== kept.length ? { next: { items: next }, result: undefined } : { result: undefined };
    });
  }

  /** What is waiting (status, tests); does not claim. */
  async pending(): Promise<KeptItem[]> {
    return (await this.repo.readDocument<OutboxDocument>(OUTBOX_DOCUMENT))?.items ?? [];
  }
}
