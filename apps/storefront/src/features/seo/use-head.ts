// Keeps <head> in step with the page after client-side navigation. The server already wrote the
// same tags (renderHeadTags), so on first load this replaces them with identical ones.
import { useEffect } from 'react';
import { renderHeadTags, type Head } from './head';

export function applyHead(head: Head, doc: Document = document): void {
  doc.head.querySelectorAll('[data-md-head]').forEach((el) => el.remove());
  const template = doc.createElement('template');
  template.innerHTML = renderHeadTags(head);
  doc.head.append(...Array.from(template.content.childNodes).filter((n) => n.nodeType === 1));
}

/** Set this page's head; pass null while its data is loading (the previous head stays). */
export function useHead(head: Head | null): void {
  const key = head ? JSON.stringify(head) : null;
  useEffect(() => {
    if (key) applyHead(JSON.parse(key) as Head);
  }, [key]);
}
