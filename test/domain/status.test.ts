import { assessDecision, emptyDecisionBook } from '../../src/domain/decision';
import { markSent, strikePerson, submitList } from '../../src/domain/list';
import { gemeindeStatus, summarise } from '../../src/domain/status';
import { ABSTATT, BRACKENHEIM, campaign2025, changeContext, coordinator, listWith, person, staff } from '../fixtures';

describe('status per Gemeinde', () => {
  const c = campaign2025();
  const decisions = emptyDecisionBook(2025);
  const assess = (ags: string) => assessDecision(decisions, ags, new Map(), c);

  test('across the steps, with due date, days left and overdue', () => {
    const fresh = listWith(ABSTATT, [person('P1'), person('P2')]);
    const s = gemeindeStatus('Abstatt', fresh, assess(ABSTATT), c, '2024-01-10');
    expect(s).toMatchObject({ listState: 'importiert', due: '2024-01-15', daysLeft: 5, overdue: false, decision: 'offen', decisionDefaulted: false });
    // Never sent: past the due date, but not overdue (the Gemeinde never got it).
    expect(gemeindeStatus('Abstatt', fresh, assess(ABSTATT), c, '2024-01-16')).toMatchObject({ listState: 'importiert', overdue: false, daysLeft: -1 });
    const sent = markSent(fresh, changeContext(coordinator)).list;
    const working = strikePerson(sent, { personId: 'P1', reason: 'weggezogen' }, changeContext(staff(ABSTATT))).list;
    expect(gemeindeStatus('Abstatt', working, assess(ABSTATT), c, '2024-01-16')).toMatchObject({ listState: 'in-bearbeitung', overdue: true, daysLeft: -1 });
    const done = submitList(working, changeContext(staff(ABSTATT))).list;
    const s2 = gemeindeStatus('Abstatt', done, assess(ABSTATT), c, '2024-06-01');
    expect(s2).toMatchObject({ listState: 'eingereicht', overdue: false, submittedBy: 'Gerd Gemeinde', decisionDefaulted: true });
    expect(s2.counts.persons).toBe(1);
  });

  test('summary counts', () => {
    const a = gemeindeStatus('Abstatt', markSent(listWith(ABSTATT, []), changeContext(coordinator)).list, assess(ABSTATT), c, '2024-01-20');
    const b = gemeindeStatus('Brackenheim', submitList(listWith(BRACKENHEIM, []), changeContext(staff(BRACKENHEIM))).list, assess(BRACKENHEIM), c, '2024-01-20');
    const never = gemeindeStatus('Abstatt', listWith(ABSTATT, []), assess(ABSTATT), c, '2024-01-20');
    expect(summarise([a, b, never])).toEqual({
      byState: { importiert: 1, versendet: 1, 'in-bearbeitung': 0, eingereicht: 1 },
      overdue: 1,
      submitted: 1,
      total: 3,
      decisions: { offen: 3, landkreis: 0, eigenstaendig: 0, verbund: 0 },
    });
  });
});
