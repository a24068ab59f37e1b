/**
 * The list card answers every click, and most of it does not change from one click to the next. This
 * keeps what does not: parts of a card expanded once from their template and shared by every answer
 * that shows them – frozen, and serialised to JSON once (`keep`), so an answer is written out from the
 * kept JSON instead of walking those parts again (`jsonBytes`, the bot's JSON formatter).
 *
 * `TemplateInParts` expands a template element by element: each top-level element of its body and
 * its actions is kept per value of the data it binds, so a click that changes the counts expands the
 * count line again and takes everything else as kept. The result is what expanding the whole template
 * gives (test/cards/listCardParts.test.ts holds that byte for byte).
 */
import { randomBytes } from 'node:crypto';
import type { AdaptiveCard } from './index';
import { renderCard } from './render';
import { placesOnly, ShapedTemplate } from './shapedTemplate';

type Node = Record<string, unknown>;

/** JSON of kept parts, by the part itself. */
const keptJson = new WeakMap<object, string>();
/** Cards assembled with kept parts: only these are serialised with the look-up (anything else as JSON.stringify does). */
const assembled = new WeakSet<object>();

/** Marks a card as assembled from kept parts (jsonBytes then writes their kept JSON). */
export function assembledFromKept<T extends object>(card: T): T {
  assembled.add(card);
  return card;
}

function freeze(node: unknown): void {
  if (!node || typeof node !== 'object' || Object.isFrozen(node)) return;
  for (const value of Object.values(node)) freeze(value);
  Object.freeze(node);
}

/** Marks an expanded part as kept: frozen (it is shared by every answer) and serialised once (kept parts in it from their JSON). */
export function keep<T extends object>(part: T): T {
  freeze(part);
  keptJson.set(part, withKept(part));
  return part;
}

/** The JSON a kept part was serialised to. */
export function keptJsonOf(part: object): string {
  const json = keptJson.get(part);
  if (json === undefined) throw new Error('not a kept part');
  return json;
}

/** Marks a part as kept whose JSON is known already (the caller built it from kept parts' JSON). */
export function keepWithJson<T extends object>(part: T, json: string): T {
  freeze(part);
  keptJson.set(part, json);
  return part;
}

/** A marker no data can contain (a random nonce per process): where a kept part's JSON goes. */
const NONCE = randomBytes(12).toString('hex');
const MARKER = new RegExp(`"\\\\u0000${NONCE}:(\\d+)\\\\u0000"`, 'g');

/**
 * `value` as JSON in UTF-8, for the HTTP answer (the bot's JSON formatter): the bytes of JSON.stringify.
 * A card assembled from kept parts (or an invoke answer carrying one in `value`) is joined from the
 * parts' bytes – encoded once per part and kept with it – so a click encodes only what it changed,
 * instead of walking the whole card, building it as one string and encoding that.
 */
export function jsonBytes(value: unknown): Buffer {
  const card = (value as { value?: unknown } | undefined)?.value;
  if (!(value && typeof value === 'object' && assembled.has(value)) && !(card && typeof card === 'object' && assembled.has(card))) return Buffer.from(JSON.stringify(value) ?? 'null');
  const { text, parts } = withMarkers(value);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const m of text.matchAll(MARKER)) {
    chunks.push(Buffer.from(text.slice(from, m.index)), bytesOf(parts[Number(m[1])]));
    from = m.index + m[0].length;
  }
  chunks.push(Buffer.from(text.slice(from)));
  return Buffer.concat(chunks);
}

/** A kept part's JSON as UTF-8, encoded on first use and kept as long as the part. */
function bytesOf(part: object): Buffer {
  let bytes = keptBytes.get(part);
  if (!bytes) keptBytes.set(part, (bytes = Buffer.from(keptJson.get(part)!)));
  return bytes;
}

const keptBytes = new WeakMap<object, Buffer>();

/** JSON.stringify of `value` with a marker where each kept part inside it goes (`parts`, by index). */
function withMarkers(value: unknown): { text: string; parts: object[] } {
  const parts: object[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && v !== value && keptJson.has(v)) return `\u0000${NONCE}:${parts.push(v) - 1}\u0000`;
    return v;
  });
  return { text, parts };
}

/** JSON.stringify with every kept part inside `value` written from its kept JSON. */
function withKept(value: unknown): string {
  const { text, parts } = withMarkers(value);
  return parts.length ? text.replace(MARKER, (_m, i: string) => keptJson.get(parts[Number(i)])!) : text;
}

/** The names a part's bindings use (`${counts}`, `$data: ${notices}`): what it is kept by. */
function boundNames(part: unknown): string[] {
  const names = new Set<string>();
  for (const binding of JSON.stringify(part).match(/\$\{[^}]*\}/g) ?? []) for (const name of binding.match(/[A-Za-z_]\w*/g) ?? []) names.add(name);
  return [...names].sort();
}

/** How many expansions of one part are kept before they are dropped (counts change with every click). */
const MAX_KEPT_PER_PART = 256;

class Part {
  private readonly template: object;
  private readonly names: string[];
  private readonly kept = new Map<string, readonly unknown[]>();
  /** Where the part's bindings only place values: expanded once per shape (the counts line changes with every click). */
  private readonly shaped?: ShapedTemplate;

  constructor(
    private readonly element: Node,
    field: 'body' | 'actions',
  ) {
    this.template = { type: 'AdaptiveCard', [field]: [element] };
    this.names = boundNames(element);
    if (placesOnly(this.template)) this.shaped = new ShapedTemplate(this.template, (data) => renderCard(this.template, data));
  }

  /** The elements this part expands to for `data` (none, one, or one per item of a `$data` array). */
  expand(data: Node, field: 'body' | 'actions', isSlot: (e: Node) => boolean): readonly unknown[] {
    if (isSlot(this.element)) return [this.element];
    const key = JSON.stringify(this.names.map((n) => data[n] ?? null));
    let elements = this.kept.get(key);
    if (!elements) {
      // The part binds only its names: expanded with those alone, as with all the data.
      const card = this.shaped ? this.shaped.expandWithJson(Object.fromEntries(this.names.map((n) => [n, data[n]]))).node : renderCard(this.template, data);
      elements = ((card as Node)[field] as unknown[] | undefined) ?? [];
      elements.forEach((e) => keep(e as object));
      if (this.kept.size >= MAX_KEPT_PER_PART) this.kept.clear();
      this.kept.set(key, elements);
    }
    return elements;
  }
}

/**
 * A card template expanded element by element (see the file's comment). Elements whose `type` is a
 * slot name are left as they are, for the caller to replace (the list's households).
 */
export class TemplateInParts {
  private readonly body: Part[];
  private readonly actions: Part[];
  /** The card's own properties (lang, refresh, …): a template without body and actions, kept per data like a part. */
  private readonly head: { body: [] };
  private readonly headNames: string[];
  private readonly heads = new Map<string, Node>();

  constructor(
    template: { body: Node[]; actions?: Node[] },
    private readonly isSlot: (element: Node) => boolean,
  ) {
    this.body = template.body.map((e) => new Part(e, 'body'));
    this.actions = (template.actions ?? []).map((e) => new Part(e, 'actions'));
    const { body: _body, actions: _actions, ...head } = template;
    this.head = { ...head, body: [] };
    this.headNames = boundNames(head);
  }

  expand(data: Node): AdaptiveCard {
    const key = JSON.stringify(this.headNames.map((n) => data[n] ?? null));
    let head = this.heads.get(key);
    if (!head) {
      head = keep(renderCard(this.head, data) as Node);
      if (this.heads.size >= MAX_KEPT_PER_PART) this.heads.clear();
      this.heads.set(key, head);
    }
    const card: Node = {};
    for (const key of Object.keys(head)) if (key !== 'body') card[key] = head[key];
    card.body = this.body.flatMap((p) => p.expand(data, 'body', this.isSlot));
    const actions = this.actions.flatMap((p) => p.expand(data, 'actions', this.isSlot));
    // As renderCard: no empty action bar.
    if (actions.length) card.actions = actions;
    return assembledFromKept(card) as AdaptiveCard;
  }
}
