/**
 * What the bot could not send – Teams unreachable, or the bot stopping before it got through – kept
 * in the named document `outbox` (Repository port) and sent after the next start.
 *
 * An item says WHAT to bring up to date, not the message itself: "the status card of 2025 in the
 * Gemeinden channel". Sent later, it shows the state of that moment, not a stale one; and the document holds no
 * card content (and so no personal data).
 *
 * Several bot instances may share one database: an instance takes the items out (`claim`) inside one
 * `updateDocument` call, so the same item is never handed to two instances; what it then fails to send
 * it puts back (`keep`). An instance that dies between claim and send loses those updates – the status
 * card then shows the new state with the next change or "listen versenden"; nothing is sent twice.
 */
import type { Repository } from '../app/ports';

export const OUTBOX_DOCUMENT = 'outbox';

/** The year's status card in the municipalities' channel, behind the lists' state. */
export interface StatusCardItem {
  kind: 'statusCard';
  year: number;
}

export type OutboxItem = StatusCardItem;

/** An item as stored: with the time it was first kept (for the log and for operators). */
export type KeptItem = OutboxItem & { since: string };

interface OutboxDocument {
  items: KeptItem[];
}

const itemKey = (item: OutboxItem): string => `${item.kind}:${item.year}`;

export class Outbox {
  constructor(
    private readonly repo: Repository,
    private readonly now: () => string,
  ) {}

  /** Keeps items for later; an item already kept stays once (its time is kept too). */
  async keep(items: OutboxItem[]): Promise<void> {
    if (!items.length) return;
    await this.repo.updateDocument<OutboxDocument, void>(OUTBOX_DOCUMENT, (current) => {
      const kept = current?.items ?? [];
      const known = new Set(kept.map(itemKey));
      const added: KeptItem[] = [];
      for (const item of items) {
        if (known.has(itemKey(item))) continue;
        known.add(itemKey(item));
        added.push({ kind: item.kind, year: item.year, since: this.now() });
      }
      return added.length ? { next: { items: [...kept, ...added] }, result: undefined } : { result: undefined };
    });
  }

  /** Takes every item out, atomically: the caller now owns them and must `keep` what it cannot send. */
  claim(): Promise<KeptItem[]> {
    return this.repo.updateDocument<OutboxDocument, KeptItem[]>(OUTBOX_DOCUMENT, (current) => {
      const items = current?.items ?? [];
      return items.length ? { next: { items: [] }, result: items } : { result: [] };
    });
  }

  /** What is waiting (status, tests); does not claim. */
  async pending(): Promise<KeptItem[]> {
    return (await this.repo.readDocument<OutboxDocument>(OUTBOX_DOCUMENT))?.items ?? [];
  }
}
