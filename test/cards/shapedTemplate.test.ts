/**
 * ShapedTemplate (src/cards/shapedTemplate.ts) puts values into an expansion learnt once per shape of
 * the data: what it gives must be exactly the template's own expansion, for every shape and value –
 * including texts that look like bindings, values a property is left out for, and values placed
 * inside a longer text (never learnt, always expanded in full).
 */
import { renderCard } from '../../src/cards/render';
import { ShapedTemplate } from '../../src/cards/shapedTemplate';

const template = {
  type: 'AdaptiveCard',
  body: [
    { type: 'TextBlock', text: '${name}', color: '${color}', isSubtle: '${quiet}' },
    { type: 'TextBlock', text: '${n}' },
    { $data: '${items}', type: 'TextBlock', text: '${label}', $when: '${count(items) > 0}' },
    { type: 'ActionSet', actions: [{ $data: '${buttons}', type: 'Action.Execute', verb: '${verb}', data: '${data}', style: '${style}' }] },
  ],
};

const expand = (data: object) => renderCard(template, data);

function expectSame(shaped: ShapedTemplate, data: object): void {
  const { node, json } = shaped.expandWithJson(data);
  const whole = JSON.stringify(expand(data));
  expect(json).toBe(whole);
  expect(JSON.stringify(node)).toBe(whole);
  // The node, built from the learnt shape's skeleton, is what parsing the JSON gives: plain objects and arrays only.
  expect(node).toStrictEqual(JSON.parse(whole));
}

describe('ShapedTemplate', () => {
  test('equals the full expansion for every shape and value, learnt or not', () => {
    const shaped = new ShapedTemplate(template, expand);
    const datas = [
      { name: 'Anna', color: 'Good', quiet: false, n: 1, items: [], buttons: [] },
      { name: 'Bert „B“ ${x} \u0001', color: 'Default', quiet: true, n: 2, items: [{ label: 'a' }], buttons: [{ verb: 'v', data: { year: 2025, rev: 3, op: 'o-1' }, style: 'default' }] },
      { name: '', color: 'Attention', quiet: false, n: 0, items: [{ label: 'a' }, { label: '' }], buttons: [{ verb: 'v', data: { year: 2025, rev: 4, op: 'o-2' }, style: 'positive' }] },
      { name: 'Default', color: 'Good', quiet: false, n: -1.5, items: [], buttons: [] },
      { name: 'Dora', color: 'Good', quiet: false, n: 3, items: [{ label: '__proto__' }], buttons: [{ verb: 'v', data: { year: 2025, rev: 0, op: '\u0001' }, style: 'default' }] },
      // A key __proto__ in the data (an own property, as JSON.parse makes it): never copied by assignment.
      { name: 'Emil', color: 'Good', quiet: false, n: 4, items: [], buttons: [{ verb: 'v', data: JSON.parse('{"__proto__":{"x":1},"year":2025}') as object, style: 'default' }] },
      // The first one's shape, with a colour finishCard leaves out: that must not come from the learnt expansion.
      { name: 'Carl', color: 'Default', quiet: false, n: 5, items: [], buttons: [] },
    ];
    // Each twice: the second time from the learnt shape.
    for (const data of [...datas, ...datas, ...datas.map((d) => ({ ...d, name: `${d.name}!`, n: d.n + 10 }))]) expectSame(shaped, data);
  });

  test('a value inside a longer text: never learnt, always the full expansion', () => {
    const inText = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Nr. ${n} von ${name}' }] };
    const shaped = new ShapedTemplate(inText, (data) => renderCard(inText, data));
    for (const data of [{ n: 1, name: 'A' }, { n: 2, name: 'B' }]) expect(shaped.expandWithJson(data).json).toBe(JSON.stringify(renderCard(inText, data)));
  });

  test('refuses a template that decides on a value', () => {
    expect(() => new ShapedTemplate({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x', $when: "${name == 'X'}" }] }, expand)).toThrow(/decides on a value/);
  });
});
