/**
 * The clicks of the HTTP benchmarks, as a clerk makes them: every click carries the data of a button
 * the bot rendered – the strike form's button for a person as imported (its version 0, its page, an
 * operation id), then "Rückgängig" as the bot's answer to that strike showed it (the data is read from
 * the answer), then, for a later strike, the form again ("Streichen", whose answer carries the new
 * version) and its button. Nothing is made up that a card would not carry.
 *
 * Each person goes strike → undo → form → strike → undo → …, one click at a time (the next only once
 * the answer to the last is read). `next` hands out the next click of the persons a stream owns (a
 * connection, a clerk), in their order, round after round.
 */
import { VERBS } from '../src/cards/actions';
import { listActionData } from '../src/cards/buttons';
import { invokeActivity, YEAR, type Target } from './botData';

export type ClickKind = 'strike' | 'undo' | 'form';

export interface Click {
  target: Target;
  kind: ClickKind;
  body: Buffer;
}

/** What the answer to each kind of click says (checked on every answer). */
export const ANSWER_MARK: Record<ClickKind, string> = { strike: 'Die Person ist gestrichen.', undo: 'Rückgängig gemacht.', form: '"verb":"person.strike"' };

interface PersonState {
  /** The next click for the person, once the last one is answered. */
  next: ClickKind;
  /** The data of the button for that click, as the last answer carried it (strike and undo). */
  data?: Record<string, unknown>;
  busy: boolean;
}

/** Finds the data of a button (`verb`) for `personId` in an answer's JSON, without parsing the whole card. */
function buttonData(text: string, verb: string, personId: string): Record<string, unknown> | undefined {
  const at = text.indexOf(`"verb":"${verb}"`);
  for (let from = at; from >= 0; from = text.indexOf(`"verb":"${verb}"`, from + 1)) {
    const start = text.indexOf('"data":{', from);
    const end = text.indexOf('}', start);
    if (start < 0 || end < 0) return undefined;
    const data = JSON.parse(text.slice(start + 7, end + 1)) as Record<string, unknown>;
    if (data.personId === personId) return data;
  }
  return undefined;
}

export class ClickFlow {
  private readonly state = new Map<Target, PersonState>();
  private readonly streams: Target[][];
  private readonly cursor: number[];
  private readonly rounds: number[];

  /**
   * @param streams the persons each stream clicks, in order (a stream clicks one at a time)
   * @param pages the page each person is on (the card's buttons carry it)
   * @param kinds the kinds of clicks to hand out: ['strike', 'undo'] stops once every person is struck and restored
   */
  constructor(
    streams: Target[][],
    private readonly pages: ReadonlyMap<string, number>,
    private readonly serviceUrl: string,
    options: {
      /** The kinds of clicks to hand out: ['strike', 'undo'] stops once every person is struck and restored. */
      kinds?: readonly ClickKind[];
      /** Persons changed before (their version is not 0): they begin with the form, as a clerk does. */
      beginWithForm?: boolean;
    } = {},
  ) {
    this.kinds = options.kinds ?? ['strike', 'undo', 'form'];
    this.streams = streams;
    this.cursor = streams.map(() => 0);
    this.rounds = streams.map(() => 0);
    for (const stream of streams) {
      for (const t of stream) this.state.set(t, options.beginWithForm ? { next: 'form', busy: false } : { next: 'strike', busy: false, data: this.freshStrike(t) });
    }
  }

  private readonly kinds: readonly ClickKind[];

  /** The strike form's button for a person as imported (version 0). */
  private freshStrike(t: Target): Record<string, unknown> {
    return { ...listActionData({ year: YEAR, ags: t.ags, rev: 0 }, VERBS.strike, { page: this.pages.get(t.personId) ?? 0, personId: t.personId }) };
  }

  /** The next click of `stream`; undefined when the stream has no more to hand out (of the kinds allowed). */
  next(stream: number): Click | undefined {
    const persons = this.streams[stream];
    for (let tried = 0; tried < persons.length; tried++) {
      const i = this.cursor[stream];
      const t = persons[i];
      this.cursor[stream] = (i + 1) % persons.length;
      if (this.cursor[stream] === 0) this.rounds[stream]++;
      const s = this.state.get(t)!;
      if (s.busy) continue;
      if (!this.kinds.includes(s.next)) return undefined;
      s.busy = true;
      return { target: t, kind: s.next, body: this.body(t, s) };
    }
    return undefined;
  }

  private body(t: Target, s: PersonState): Buffer {
    switch (s.next) {
      case 'strike':
        // The data (with its operation id) the form's button carries; `reason` is what the clerk chose in the form.
        return Buffer.from(JSON.stringify(invokeActivity(t.user, VERBS.strike, { ...s.data, reason: 'weggezogen' }, this.serviceUrl)));
      case 'undo':
        return Buffer.from(JSON.stringify(invokeActivity(t.user, VERBS.undo, s.data, this.serviceUrl)));
      default:
        return Buffer.from(JSON.stringify(invokeActivity(t.user, VERBS.strikeForm, { year: YEAR, ags: t.ags, page: this.pages.get(t.personId) ?? 0, personId: t.personId }, this.serviceUrl)));
    }
  }

  /**
   * Takes the answer to `click` and reads the next button's data from it. False when the bot refused the
   * click (it answered, but not with what the click should do – a conflict, say): the person is then
   * taken up again with the form. An answer that is no card at all throws.
   */
  answered(click: Click, status: number, text: string): boolean {
    const s = this.state.get(click.target)!;
    if (status !== 200 || !text.includes('"statusCode":200')) throw new Error(`${click.kind} of ${click.target.personId}: unexpected answer ${status}: ${text.slice(0, 400)}`);
    if (!text.includes(ANSWER_MARK[click.kind])) {
      s.next = 'form';
      s.data = undefined;
      s.busy = false;
      return false;
    }
    const after: Record<ClickKind, { next: ClickKind; verb: string }> = {
      strike: { next: 'undo', verb: VERBS.undo },
      undo: { next: 'form', verb: '' },
      form: { next: 'strike', verb: VERBS.strike },
    };
    const { next, verb } = after[click.kind];
    const data = verb ? buttonData(text, verb, click.target.personId) : undefined;
    if (verb && !data) throw new Error(`${click.kind} of ${click.target.personId}: the answer has no ${verb} button for the person`);
    s.next = next;
    s.data = data;
    s.busy = false;
    return true;
  }

  /** How many times the streams went through all their persons (the least of them). */
  get completedRounds(): number {
    return Math.min(...this.rounds);
  }
}
