import { describe, expect, it } from 'vitest';
import { isTypingTarget, moveSelection, queueShortcut } from './queue-shortcuts';

const el = (tag: string, attrs: Record<string, string> = {}) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
};

describe('queueShortcut', () => {
  it('maps the triage keys', () => {
    expect(['j', 'k', 'Enter', 'c', 'a', 'r', 'x', '?', 'Escape'].map((key) => queueShortcut({ key, target: document.body }))).toEqual(['next', 'prev', 'open', 'claim', 'accept', 'reject', 'toggle', 'help', 'close']);
    expect(queueShortcut({ key: 'q', target: document.body })).toBeNull();
  });

  it('leaves typing alone, except Escape', () => {
    for (const target of [el('input'), el('textarea'), el('select'), el('div', { role: 'textbox' }), el('input', { role: 'combobox' })]) {
      expect(queueShortcut({ key: 'a', target })).toBeNull();
      expect(queueShortcut({ key: 'j', target })).toBeNull();
    }
    expect(queueShortcut({ key: 'Escape', target: el('input') })).toBe('close');
  });

  it('leaves modified keys and Enter on controls to the browser', () => {
    expect(queueShortcut({ key: 'c', ctrlKey: true, target: document.body })).toBeNull();
    expect(queueShortcut({ key: 'r', metaKey: true, target: document.body })).toBeNull();
    expect(queueShortcut({ key: 'Enter', target: el('button') })).toBeNull();
    expect(queueShortcut({ key: 'Enter', target: el('tr') })).toBe('open');
  });

  it('knows a typing target', () => {
    expect(isTypingTarget(el('input'))).toBe(true);
    expect(isTypingTarget(el('button'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('moveSelection', () => {
  it('starts at an end, moves one step and stops at the edges', () => {
    const ids = ['a', 'b', 'c'];
    expect(moveSelection(ids, null, 1)).toBe('a');
    expect(moveSelection(ids, null, -1)).toBe('c');
    expect(moveSelection(ids, 'a', 1)).toBe('b');
    expect(moveSelection(ids, 'c', 1)).toBe('c');
    expect(moveSelection(ids, 'a', -1)).toBe('a');
    expect(moveSelection(ids, 'gone', 1)).toBe('a');
    expect(moveSelection([], 'a', 1)).toBeNull();
  });
});
