/**
 * A template part expanded once per shape of its data instead of once per data: a person's row is
 * expanded again after every change of that person (a strike, an undo), and expanding it with
 * adaptivecards-templating costs more than all the rest of a click's card. Most of a row's data are
 * texts and numbers that the template only places (`"text": "${name}"`); what decides the expanded
 * structure – which elements exist (`$when`, `$data` arrays), booleans, values a property may be
 * left out for (finishCard) – is the shape.
 *
 * For a new shape the template is expanded with stand-ins for the placed values; the expansion with
 * the real values must then be that JSON with each stand-in replaced by the value's JSON. That is
 * checked once per shape against the template's own expansion with the real data; a shape where it
 * does not hold (a value inside a longer text) is always expanded in full; a template whose bindings
 * decide on a placed value (`${name == 'X'}`) is refused when it is made.
 * test/cards/listCardParts.test.ts compares every row state with the whole template expanded at once.
 */
import { isDefaultValue } from './render';

/** A stand-in for the placed value number i: a control character no text on a card contains, around the number. */
const standIn = (i: number) => `\u0001${i}\u0001`;
/** A stand-in as it appears in the expansion's JSON (a whole JSON string). */
const STAND_IN_JSON = /"\\u0001(\d+)\\u0001"/g;

interface Shape {
  /** The expansion's JSON between the stand-ins. */
  between: string[];
  /** Which placed value goes after between[i]. */
  values: number[];
  /** The expansion as an object with a Slot for each stand-in: the node is built from it (undefined: parsed from the JSON). */
  skeleton?: unknown;
}

/** Where placed value number i goes in a shape's skeleton. */
class Slot {
  constructor(readonly i: number) {}
}

const STAND_IN = /^\u0001(\d+)\u0001$/;

/** The stand-in expansion's JSON as a skeleton; undefined for one with a `__proto__` key (not to be copied by assignment). */
function skeletonOf(json: string): unknown {
  let plain = true;
  const skeleton = JSON.parse(json, (key, v: unknown) => {
    if (key === '__proto__') plain = false;
    const m = typeof v === 'string' ? STAND_IN.exec(v) : null;
    return m ? new Slot(Number(m[1])) : v;
  }) as unknown;
  return plain ? skeleton : undefined;
}

/**
 * A copy of the skeleton with the values in the slots: what JSON.parse of the expansion's JSON gives
 * (placed values are texts and finite numbers; -0 is written as 0), built without reading the JSON again.
 */
function fill(skeleton: unknown, values: readonly unknown[]): unknown {
  if (skeleton === null || typeof skeleton !== 'object') return skeleton;
  if (skeleton instanceof Slot) {
    const v = values[skeleton.i];
    return v === 0 ? 0 : v;
  }
  if (Array.isArray(skeleton)) {
    const out = new Array<unknown>(skeleton.length);
    for (let i = 0; i < skeleton.length; i++) out[i] = fill(skeleton[i], values);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(skeleton)) out[key] = fill((skeleton as Record<string, unknown>)[key], values);
  return out;
}

/** A value placed as it is (a stand-in can take its place) – not one the structure may depend on. */
function placed(value: unknown): value is string | number {
  return (typeof value === 'string' && value !== '' && !isDefaultValue(value)) || (typeof value === 'number' && Number.isFinite(value));
}

/** The shape of `data` (everything but its placed values) as a key, and its placed values in order. */
function shapeOf(data: unknown, values: unknown[]): string {
  return addShape(data, values, '');
}

/** Object keys as JSON (a row's data has a dozen, the same on every click). */
const keyJson = new Map<string, string>();
const jsonOfKey = (k: string) => {
  let json = keyJson.get(k);
  if (json === undefined) {
    // The keys are the templates' data names; a bound only against a caller's mistake.
    if (keyJson.size >= MAX_SHAPES) keyJson.clear();
    keyJson.set(k, (json = JSON.stringify(k)));
  }
  return json;
};

/** `key` with the shape of `data` appended (one string grown, no array or text per element: it runs on every click). */
function addShape(data: unknown, values: unknown[], key: string): string {
  if (placed(data)) {
    values.push(data);
    return key + (typeof data === 'number' ? 'n' : 's');
  }
  if (Array.isArray(data)) {
    key += '[';
    for (let i = 0; i < data.length; i++) key = addShape(data[i], values, i ? key + ',' : key);
    return key + ']';
  }
  if (data && typeof data === 'object') {
    key += '{';
    for (const k of Object.keys(data)) key = addShape((data as Record<string, unknown>)[k], values, key + jsonOfKey(k) + ':') + ',';
    return key + '}';
  }
  return key + (JSON.stringify(data) ?? 'u');
}

/** `data` with stand-ins for its placed values (numbered in the order shapeOf lists them). */
function withStandIns(data: unknown, next: { i: number }): unknown {
  if (placed(data)) return standIn(next.i++);
  if (Array.isArray(data)) return data.map((d) => withStandIns(d, next));
  if (data && typeof data === 'object') return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, withStandIns(v, next)]));
  return data;
}

/** How many shapes are kept (a district's rows have a few dozen); past it, they are learnt again. */
const MAX_SHAPES = 1_000;

/** A binding that only places a value: `${name}`, `${button.title}`. */
const PLACING = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;
/** A binding that asks whether an array (a shape) has elements: `${count(buttons) > 0}`. */
const NON_EMPTY = /^count\([A-Za-z_]\w*\) > 0$/;

/**
 * Whether every binding of the template either places a value or asks about an array's length: a
 * condition on a text or a number (`${name == 'X'}`) would make the structure depend on a placed value.
 */
export function placesOnly(template: object): boolean {
  for (const [, expression] of JSON.stringify(template).matchAll(/\$\{([^}]*)\}/g)) {
    if (!PLACING.test(expression) && !NON_EMPTY.test(expression)) return false;
  }
  return true;
}

export class ShapedTemplate {
  private readonly shapes = new Map<string, Shape | null>();

  /** `expand` is the template's own expansion (adaptivecards-templating, via renderCard): the reference. */
  constructor(
    template: object,
    private readonly expand: (data: object) => object,
  ) {
    if (!placesOnly(template)) throw new Error('ShapedTemplate: a binding of the template decides on a value');
  }

  /** The expansion of `data` and its JSON – exactly JSON.stringify of what `expand(data)` gives. */
  expandWithJson(data: object): { node: object; json: string } {
    const values: unknown[] = [];
    const key = shapeOf(data, values);
    let shape = this.shapes.get(key);
    if (shape === undefined) {
      const node = this.expand(data);
      const json = JSON.stringify(node);
      shape = this.learn(data, values, json);
      if (this.shapes.size >= MAX_SHAPES) this.shapes.clear();
      this.shapes.set(key, shape);
      return { node, json };
    }
    if (shape === null) {
      const node = this.expand(data);
      return { node, json: JSON.stringify(node) };
    }
    let json = shape.between[0];
    for (let i = 0; i < shape.values.length; i++) json += JSON.stringify(values[shape.values[i]]) + shape.between[i + 1];
    return { node: (shape.skeleton ? fill(shape.skeleton, values) : JSON.parse(json)) as object, json };
  }

  /** The shape's expansion with stand-ins, if putting the values in gives `expected` (the real expansion's JSON); else null. */
  private learn(data: object, values: unknown[], expected: string): Shape | null {
    const template = JSON.stringify(this.expand(withStandIns(data, { i: 0 }) as object));
    const between: string[] = [];
    const order: number[] = [];
    let from = 0;
    for (const m of template.matchAll(STAND_IN_JSON)) {
      between.push(template.slice(from, m.index));
      order.push(Number(m[1]));
      from = m.index + m[0].length;
    }
    between.push(template.slice(from));
    // A stand-in left inside a longer text, or one the template changed: not a placed value after all.
    if (between.some((text) => text.includes('\\u0001'))) return null;
    let json = between[0];
    for (let i = 0; i < order.length; i++) json += JSON.stringify(values[order[i]]) + between[i + 1];
    if (json !== expected) return null;
    // The node from the skeleton, checked once like the JSON: else it is parsed from the JSON every time.
    const skeleton = skeletonOf(template);
    return { between, values: order, ...(skeleton !== undefined && JSON.stringify(fill(skeleton, values)) === expected ? { skeleton } : {}) };
  }
}
