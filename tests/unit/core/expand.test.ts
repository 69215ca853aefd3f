import { describe, expect, test } from 'vitest';
import { isExpandKey, matchExpansion, TRIGGER_PATTERN } from '../../../utils/core/expand';

const templates = [
  { id: 'thanks', shortcut: 'thanks' },
  { id: 'ack-hu', shortcut: 'Ack-HU' },
  { id: 'old', shortcut: 'old', deletedAt: 1 },
  { id: 'none' },
];

describe('matchExpansion', () => {
  test('a shortcut typed after the trigger at the start of the box or after a blank matches, with its range', () => {
    expect(matchExpansion(';thanks', ';', templates)).toEqual({ start: 0, end: 7, templateId: 'thanks' });
    expect(matchExpansion('@anna ;thanks', ';', templates)).toEqual({ start: 6, end: 13, templateId: 'thanks' });
    expect(matchExpansion('Szia!\n;ack-hu', ';', templates)).toEqual({ start: 6, end: 13, templateId: 'ack-hu' });
    expect(matchExpansion('(;thanks', ';', templates)?.templateId).toBe('thanks');
  });

  test('never inside a word, in any script', () => {
    expect(matchExpansion('a;thanks', ';', templates)).toBeNull();
    expect(matchExpansion('köszi;thanks', ';', templates)).toBeNull();
    expect(matchExpansion('ধন্যবাদ;thanks', ';', templates)).toBeNull();
    expect(matchExpansion('អរគុណ;thanks', ';', templates)).toBeNull();
    expect(matchExpansion('2;thanks', ';', templates)).toBeNull();
  });

  test('only a whole shortcut of a live template, compared without case', () => {
    expect(matchExpansion(';than', ';', templates)).toBeNull();
    expect(matchExpansion(';thanksx', ';', templates)).toBeNull();
    expect(matchExpansion(';THANKS', ';', templates)?.templateId).toBe('thanks');
    expect(matchExpansion(';old', ';', templates)).toBeNull();
    expect(matchExpansion(';', ';', templates)).toBeNull();
    expect(matchExpansion('; thanks', ';', templates)).toBeNull();
    expect(matchExpansion('thanks', ';', templates)).toBeNull();
  });

  test('the caret must stand right after the shortcut: text after it is not looked at', () => {
    expect(matchExpansion(';thanks and more', ';', templates)).toBeNull();
  });

  test('another trigger character, and none at all', () => {
    expect(matchExpansion('hi /thanks', '/', templates)?.templateId).toBe('thanks');
    expect(matchExpansion('hi ;thanks', '/', templates)).toBeNull();
    expect(matchExpansion(';thanks', '', templates)).toBeNull();
    expect(matchExpansion('xthanks', 'x', templates)).toBeNull();
  });
});

describe('the trigger setting', () => {
  test('one sign that is not a letter, digit or blank, or empty', () => {
    for (const ok of [';', '/', '#', '\\', '!', '', '¤']) expect(TRIGGER_PATTERN.test(ok)).toBe(true);
    for (const bad of ['a', '1', ' ', ';;', 'ক', 'ក', '\t']) expect(TRIGGER_PATTERN.test(bad)).toBe(false);
  });
});

describe('isExpandKey', () => {
  const key = (k: string, extra: object = {}) => ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...extra,
  });
  test('Tab and Space alone complete a shortcut; with a modifier, held down or while composing they do not', () => {
    expect(isExpandKey(key('Tab'))).toBe(true);
    expect(isExpandKey(key(' '))).toBe(true);
    expect(isExpandKey(key('Enter'))).toBe(false);
    expect(isExpandKey(key('Tab', { shiftKey: true }))).toBe(false);
    expect(isExpandKey(key(' ', { ctrlKey: true }))).toBe(false);
    expect(isExpandKey(key(' ', { repeat: true }))).toBe(false);
    expect(isExpandKey(key(' ', { isComposing: true }))).toBe(false);
  });
});
