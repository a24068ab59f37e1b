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

/**
 * The string made flat (one piece in memory) before it is kept: a JSON built by concatenation is a tree
 * of pieces, and joining it into a household's or a card's JSON on every click would walk that tree again
 * each time. Converting a string to a number flattens it in place (V8), whatever the number turns out to be.
 */
function flat(json: string): string {
  void Number(json);
  return json;
}

/** Marks an expanded part as kept: frozen (it is shared by every answer) and serialised once (kept parts in it from their JSON). */
export function keep<T extends object>(part: T): T {
  freeze(part);
  keptJson.set(part, flat(withKept(part)));
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
  keptJson.set(part, flat(json));
  return part;
}

/**
 * `value` as JSON in UTF-8, for the HTTP answer (the bot's JSON formatter): the bytes of JSON.stringify.
 * A card assembled from kept parts (or an invoke answer carrying one in `value`) is joined from the
 * parts' bytes – encoded once per part and kept with it – so a click encodes only what it changed,
 * instead of walking the whole card, building it as one string and encoding that.
 */
export function jsonBytes(value: unknown): Buffer {
  const card = (value as { value?: unknown } | undefined)?.value;
  if (!(value && typeof value === 'object' && assembled.has(value)) && !(card && typeof card === 'object' && assembled.has(card))) return Buffer.from(JSON.stringify(value) ?? 'null');
  const pieces = piecesOf(value);
  let length = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (typeof piece === 'string') length += Buffer.byteLength(piece);
    else length += (pieces[i] = bytesOf(piece)).length;
  }
  const bytes = Buffer.allocUnsafe(length);
  let at = 0;
  for (const piece of pieces) at = typeof piece === 'string' ? writeText(bytes, piece, at) : at + (piece as Buffer).copy(bytes, at);
  return bytes;
}

/** Writes a text at `at` as UTF-8; the short ASCII texts between kept parts (`,`, `],"actions":[`) without a call into the runtime. */
function writeText(bytes: Buffer, text: string, at: number): number {
  if (text.length <= 32) {
    let i = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) break;
      bytes[at + i] = c;
    }
    if (i === text.length) return at + i;
  }
  return at + bytes.write(text, at);
}

/** A kept part's JSON as UTF-8, encoded on first use and kept as long as the part. */
function bytesOf(part: object): Buffer {
  let bytes = keptBytes.get(part);
  if (!bytes) keptBytes.set(part, (bytes = Buffer.from(keptJson.get(part)!)));
  return bytes;
}

const keptBytes = new WeakMap<object, Buffer>();

/** A value JSON.stringify leaves out of an object and writes as null in an array. */
const unwritten = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * JSON.stringify of `value` in pieces: texts, and the kept parts inside it (not `value` itself) where
 * their JSON goes. Arrays and plain objects are walked as JSON.stringify walks them (keys in the same
 * order, undefined left out or null); anything else – a primitive, a Date – is written by JSON.stringify.
 */
function piecesOf(value: unknown): (string | object)[] {
  const pieces: (string | object)[] = [];
  let text = '';
  const write = (v: unknown): void => {
    if (v && typeof v === 'object') {
      if (v !== value && keptJson.has(v)) {
        if (text) pieces.push(text);
        text = '';
        pieces.push(v);
        return;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto === Array.prototype) {
        const items = v as unknown[];
        text += '[';
        for (let i = 0; i < items.length; i++) {
          if (i) text += ',';
          if (unwritten(items[i])) text += 'null';
          else write(items[i]);
        }
        text += ']';
        return;
      }
      if (proto === Object.prototype && typeof (v as Node).toJSON !== 'function') {
        let first = true;
        text += '{';
        for (const key of Object.keys(v)) {
          const x = (v as Node)[key];
          if (unwritten(x)) continue;
          text += (first ? '' : ',') + JSON.stringify(key) + ':';
          first = false;
          write(x);
        }
        text += '}';
        return;
      }
    }
    text += JSON.stringify(v);
  };
  write(value);
  if (text) pieces.push(text);
  return pieces;
}

/** JSON.stringify with every kept part inside `value` written from its kept JSON. */
function withKept(value: unknown): string {
  let json = '';
  for (const piece of piecesOf(value)) json += typeof piece === 'string' ? piece : keptJson.get(piece)!;
  return json;
}

/** The names a part's bindings use (`${counts}`, `$data: ${notices}`): what it is kept by. */
function boundNames(part: unknown): string[] {
  const names = new Set<string>();
  for (const binding of JSON.stringify(part).match(/\$\{[^}]*\}/g) ?? []) for (const name of binding.match(/[A-Za-z_]\w*/g) ?? []) names.add(name);
  return [...names].sort();
}

/** How many expansions of one part are kept before they are dropped (counts change with every click). */
const MAX_KEPT_PER_PART = 256;

/** A part's expansion for the values its names had: what a context (one list's card) expanded it to last. */
interface Expanded {
  values: readonly unknown[];
  elements: readonly unknown[];
}

/**
 * Whether two data values expand alike: the same primitive, or arrays and plain objects with the same
 * keys in the same order and such values – what makes their JSON the same. Anything else (a Date, a
 * class instance) only when it is the very same object.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const k = keysA[i];
    if (k !== keysB[i] || !sameData((a as Node)[k], (b as Node)[k])) return false;
  }
  return true;
}

/**
 * The elements of a part's expansion, kept; one element alone (the counts line) with its JSON cut out of
 * the expansion's JSON – `{"type":"AdaptiveCard","body":[` element `]}` – instead of written again.
 */
function keptElements(card: Node, json: string, field: 'body' | 'actions'): readonly unknown[] {
  const elements = (card[field] as unknown[] | undefined) ?? [];
  const prefix = `{"type":"AdaptiveCard","${field}":[`;
  const keys = Object.keys(card);
  if (elements.length === 1 && keys.length === 2 && keys[0] === 'type' && keys[1] === field && json.startsWith(prefix) && json.endsWith(']}')) {
    keepWithJson(elements[0] as object, json.slice(prefix.length, -2));
  } else elements.forEach((e) => keep(e as object));
  return elements;
}

class Part {
  private readonly template: object;
  private readonly names: string[];
  private readonly kept = new Map<string, readonly unknown[]>();
  /** Where the part's bindings only place values: expanded once per shape (the counts line changes with every click). */
  private readonly shaped?: ShapedTemplate;
  /** A slot's expansion: the element itself, whatever the data. */
  private readonly asSlot: Expanded;

  constructor(
    private readonly element: Node,
    field: 'body' | 'actions',
  ) {
    this.template = { type: 'AdaptiveCard', [field]: [element] };
    this.names = boundNames(element);
    this.asSlot = { values: [], elements: [element] };
    if (placesOnly(this.template)) this.shaped = new ShapedTemplate(this.template, (data) => renderCard(this.template, data));
  }

  /**
   * The elements this part expands to for `data` (none, one, or one per item of a `$data` array). `last`
   * is what it expanded to for the same context before: while the values it binds are alike (sameData),
   * that is taken as it is – no key is built, nothing looked up.
   */
  expand(data: Node, field: 'body' | 'actions', isSlot: (e: Node) => boolean, last: Expanded | undefined): Expanded {
    if (isSlot(this.element)) return this.asSlot;
    const { names } = this;
    if (last && names.every((n, i) => sameData(data[n], last.values[i]))) return last;
    const values = names.map((n) => data[n]);
    // JSON.stringify writes an undefined value in an array as null.
    const key = JSON.stringify(values);
    let elements = this.kept.get(key);
    if (!elements) {
      // The part binds only its names: expanded with those alone, as with all the data.
      if (this.shaped) {
        const { node, json } = this.shaped.expandWithJson(Object.fromEntries(names.map((n) => [n, data[n]])));
        elements = keptElements(node as Node, json, field);
      } else {
        elements = ((renderCard(this.template, data) as Node)[field] as unknown[] | undefined) ?? [];
        elements.forEach((e) => keep(e as object));
      }
      if (this.kept.size >= MAX_KEPT_PER_PART) this.kept.clear();
      this.kept.set(key, elements);
    }
    return { values, elements };
  }
}

/**
 * What a template's parts expanded to last in one context (for the list card: one list). Most of a
 * click's data equals the last click's on the same list – only the counts line changes – so each part
 * is compared with its last values instead of being looked up by its data as JSON.
 */
export interface LastExpansions {
  head?: Expanded;
  body: (Expanded | undefined)[];
  actions: (Expanded | undefined)[];
}

export function lastExpansions(): LastExpansions {
  return { body: [], actions: [] };
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

  /**
   * The card for `data`. `last` (kept by the caller per context) is what the parts expanded to there
   * before, and is updated; the data's values must not be changed after they were expanded (the list
   * card builds its data anew for every card).
   */
  expand(data: Node, last: LastExpansions = lastExpansions()): AdaptiveCard {
    if (!(last.head && this.headNames.every((n, i) => sameData(data[n], last.head!.values[i])))) {
      const values = this.headNames.map((n) => data[n]);
      const key = JSON.stringify(values);
      let head = this.heads.get(key);
      if (!head) {
        head = keep(renderCard(this.head, data) as Node);
        if (this.heads.size >= MAX_KEPT_PER_PART) this.heads.clear();
        this.heads.set(key, head);
      }
      last.head = { values, elements: [head] };
    }
    const head = last.head.elements[0] as Node;
    const card: Node = {};
    for (const key of Object.keys(head)) if (key !== 'body') card[key] = head[key];
    card.body = this.expandParts(this.body, data, 'body', last.body);
    const actions = this.expandParts(this.actions, data, 'actions', last.actions);
    // As renderCard: no empty action bar.
    if (actions.length) card.actions = actions;
    return assembledFromKept(card) as AdaptiveCard;
  }

  private expandParts(parts: Part[], data: Node, field: 'body' | 'actions', last: (Expanded | undefined)[]): unknown[] {
    const elements: unknown[] = [];
    for (let i = 0; i < parts.length; i++) {
      const expanded = (last[i] = parts[i].expand(data, field, this.isSlot, last[i]));
      for (const e of expanded.elements) elements.push(e);
    }
    return elements;
  }
}
