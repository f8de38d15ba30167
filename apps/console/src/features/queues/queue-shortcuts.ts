// Keyboard triage: j/k move the selection, Enter opens it, c claims, a accepts, r rejects, x ticks
// it for a bulk action, ? shows the list, Escape closes. Keys typed into a field, or pressed with a
// modifier (browser and screen-reader shortcuts), are never taken.
export type QueueShortcut = 'next' | 'prev' | 'open' | 'claim' | 'accept' | 'reject' | 'toggle' | 'help' | 'close';

export const queueShortcutHelp: { keys: string; does: string }[] = [
  { keys: 'j / k', does: 'Move the selection down / up' },
  { keys: 'Enter', does: 'Open the selected item' },
  { keys: 'c', does: 'Claim the selected item' },
  { keys: 'a', does: 'Accept (opens the confirmation)' },
  { keys: 'r', does: 'Reject (asks for a reason)' },
  { keys: 'x', does: 'Tick the item for a bulk action' },
  { keys: 'Esc', does: 'Close the drawer or this help' },
  { keys: '?', does: 'Show these shortcuts' },
];

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}

/** Typing somewhere: inputs, text areas, selects, rich text and ARIA text boxes or comboboxes. */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  const el = target as (HTMLElement & { isContentEditable?: boolean }) | null | undefined;
  if (!el || typeof el.tagName !== 'string') return false;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return true;
  if (el.isContentEditable) return true;
  const role = el.getAttribute?.('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox';
}

const keyMap: Record<string, QueueShortcut> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'prev',
  ArrowUp: 'prev',
  Enter: 'open',
  c: 'claim',
  a: 'accept',
  r: 'reject',
  x: 'toggle',
  '?': 'help',
  Escape: 'close',
};

export function queueShortcut(e: KeyLike): QueueShortcut | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const shortcut = keyMap[e.key] ?? null;
  if (!shortcut) return null;
  // Escape still closes things from a field; every other key there is just typing.
  if (shortcut !== 'close' && isTypingTarget(e.target)) return null;
  // Enter on a button or link already does that control's job.
  if (shortcut === 'open' && e.target && ['BUTTON', 'A'].includes((e.target as HTMLElement).tagName)) return null;
  return shortcut;
}

/** The next selection for j/k: stays within the list, starts at the top when nothing is selected. */
export function moveSelection(ids: readonly string[], current: string | null, by: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = current ? ids.indexOf(current) : -1;
  if (at < 0) return by === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[Math.min(ids.length - 1, Math.max(0, at + by))]!;
}
