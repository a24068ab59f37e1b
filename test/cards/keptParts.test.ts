/**
 * Kept parts (src/cards/keptParts.ts): a template expanded part by part, each part taken from the last
 * expansion of its context while the values it binds are alike, must give what the whole template gives
 * – also when a value changes only deep inside an object or is a new object with the same content; and
 * jsonBytes, which writes a card from its kept parts' bytes, must give exactly JSON.stringify's bytes.
 */
import { assembledFromKept, jsonBytes, keep, lastExpansions, sameData, TemplateInParts } from '../../src/cards/keptParts';
import { renderCard } from '../../src/cards/render';

const template = {
  type: 'AdaptiveCard',
  version: '1.5',
  lang: '${lang}',
  body: [
    { type: 'TextBlock', text: '${heading}' },
    { $data: '${notices}', type: 'TextBlock', text: '${text}', color: '${color}' },
    { type: 'ActionSet', actions: [{ $data: '${buttons}', type: 'Action.Execute', verb: '${verb}', title: '${title}', data: '${data}' }] },
  ],
  actions: [{ $data: '${footer}', type: 'Action.Execute', verb: '${verb}', title: '${title}', data: '${data}' }],
};

type Data = Record<string, unknown>;

const data = (overrides: Data = {}): Data => ({
  lang: 'de',
  heading: 'Liste',
  notices: [{ text: 'Gespeichert', color: 'Good' }],
  buttons: [{ verb: 'list.page', title: 'Weiter', data: { year: 2025, ags: '08125001', page: 1 } }],
  footer: [{ verb: 'list.submit', title: 'Abschließen', data: { year: 2025, ags: '08125001', rev: 3 } }],
  ...overrides,
});

describe('TemplateInParts with the last expansions of a context', () => {
  const parts = new TemplateInParts(template as never, () => false);

  test('card after card in one context: each equals the whole expansion, whatever changed', () => {
    const last = lastExpansions();
    const sequence: Data[] = [
      data(),
      data(),
      data({ heading: 'Liste 2' }),
      // A value that differs only deep inside an object (the page of a button's data).
      data({ buttons: [{ verb: 'list.page', title: 'Weiter', data: { year: 2025, ags: '08125001', page: 2 } }] }),
      // The same content with the keys in another order: another JSON, another card.
      data({ buttons: [{ title: 'Weiter', verb: 'list.page', data: { year: 2025, ags: '08125001', page: 2 } }] }),
      data({ notices: [] }),
      data({ notices: [{ text: 'Gespeichert', color: 'Good' }], lang: 'en' }),
      data({ footer: [{ verb: 'list.submit', title: 'Abschließen', data: { year: 2025, ags: '08125001', rev: 4 } }] }),
      data({ footer: [] }),
      data(),
    ];
    for (const d of sequence) expect(JSON.stringify(parts.expand(d, last))).toBe(JSON.stringify(renderCard(template, d)));
  });

  test('a part whose values are alike (a new object with the same content) is the very element of the last card', () => {
    const last = lastExpansions();
    const first = parts.expand(data(), last);
    const second = parts.expand(data({ heading: 'Liste 2' }), last);
    const body = (card: object) => (card as { body: unknown[] }).body;
    expect(body(second)[1]).toBe(body(first)[1]);
    expect(body(second)[2]).toBe(body(first)[2]);
    expect(body(second)[0]).not.toBe(body(first)[0]);
  });

  test('two contexts do not take each other’s parts', () => {
    const a = lastExpansions();
    const b = lastExpansions();
    const forA = data();
    const forB = data({ buttons: [], notices: [], lang: 'en' });
    for (let i = 0; i < 3; i++) {
      expect(JSON.stringify(parts.expand(forA, a))).toBe(JSON.stringify(renderCard(template, forA)));
      expect(JSON.stringify(parts.expand(forB, b))).toBe(JSON.stringify(renderCard(template, forB)));
    }
  });
});

describe('sameData', () => {
  test('alike as JSON with the same key order; other objects only when the same', () => {
    expect(sameData({ a: 1, b: [1, 'x', null] }, { a: 1, b: [1, 'x', null] })).toBe(true);
    expect(sameData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData({ a: [] }, { a: {} })).toBe(false);
    expect(sameData({ a: undefined }, {})).toBe(false);
    expect(sameData(null, undefined)).toBe(false);
    expect(sameData(new Date(0), new Date(1))).toBe(false);
    const d = new Date(0);
    expect(sameData(d, d)).toBe(true);
    expect(sameData(NaN, NaN)).toBe(false);
  });
});

describe('jsonBytes', () => {
  test('a card assembled from kept parts: the bytes of JSON.stringify, whatever values lie around the parts', () => {
    const part = keep({ type: 'TextBlock', text: 'Grüße „X“ \u2028 😀 "quoted" \\ ${x}' });
    const other = keep({ type: 'Container', items: [part, { type: 'TextBlock', text: 'ä' }] });
    const card = assembledFromKept({
      type: 'AdaptiveCard',
      lang: 'de',
      skipped: undefined,
      fn: () => 1,
      at: new Date(Date.UTC(2024, 0, 1)),
      withToJson: { toJSON: () => ({ replaced: true }) },
      numbers: [1, -0, NaN, Infinity, 1e21, 0.1],
      holes: [undefined, () => 1, null, part],
      nested: { deeper: [[part, other], { part }], 'key "quoted"': 'ö' },
      body: [part, other, part],
      empty: {},
      none: [],
    });
    const expected = JSON.stringify(card);
    expect(jsonBytes(card).toString('utf8')).toBe(expected);
    expect(jsonBytes(card).equals(Buffer.from(expected))).toBe(true);
    const answer = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
    expect(jsonBytes(answer).equals(Buffer.from(JSON.stringify(answer)))).toBe(true);
  });

  test('anything not assembled from kept parts: as JSON.stringify', () => {
    for (const value of [{ a: 1 }, [1, 'ü'], 'text', 3, null, undefined]) expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value) ?? 'null');
  });
});
