// Chat rules shared by the API and both clients: who a message is shown as, how long it can be
// edited, what the masking policy is per kind of thread, and canned replies with variables.
import { maskContactDetails, type MaskResult, type PhoneNumberFinder } from './mask-contacts.js';

export const chatThreadKinds = ['order', 'presale'] as const;
export type ChatThreadKind = (typeof chatThreadKinds)[number];
export const chatRoles = ['buyer', 'seller', 'support'] as const;
export type ChatRole = (typeof chatRoles)[number];

/** Authors may correct a message for this long; after that it stands (they may still delete it). */
export const CHAT_EDIT_WINDOW_MS = 5 * 60_000;
export const CHAT_MESSAGE_MAX_LENGTH = 4000;
export const CHAT_ATTACHMENTS_MAX = 4;
/** How staff appear to buyers and sellers: never by name. */
export const SUPPORT_LABEL = 'Support';

export interface ContactPolicy {
  maskEmails: boolean;
  maskPhones: boolean;
}

/** Pre-sale threads mask contact details; order threads (the parties already transact) do not. */
export function contactPolicyFor(kind: ChatThreadKind): ContactPolicy {
  return kind === 'presale' ? { maskEmails: true, maskPhones: true } : { maskEmails: false, maskPhones: false };
}

/** The thread's contact policy applied to a message; phone numbers are found by `findPhoneNumbers` (a parser at the edge). */
export function applyContactPolicy(kind: ChatThreadKind, text: string, findPhoneNumbers: PhoneNumberFinder): MaskResult {
  const policy = contactPolicyFor(kind);
  if (!policy.maskEmails && !policy.maskPhones) return { text, emails: 0, phones: 0 };
  return maskContactDetails(text, findPhoneNumbers);
}

export interface MessageFacts {
  authorId: string | null;
  kind: 'text' | 'system';
  createdAtMs: number;
  deleted: boolean;
  hidden: boolean;
}

export type MessageChangeRefusal = 'NOT_AUTHOR' | 'EDIT_WINDOW_CLOSED' | 'DELETED' | 'HIDDEN' | 'SYSTEM';
export type MessageChangeDecision = { ok: true } | { ok: false; reason: MessageChangeRefusal };

export function decideEdit(message: MessageFacts, actorId: string, nowMs: number): MessageChangeDecision {
  const base = decideDelete(message, actorId);
  if (!base.ok) return base;
  return nowMs - message.createdAtMs > CHAT_EDIT_WINDOW_MS ? { ok: false, reason: 'EDIT_WINDOW_CLOSED' } : { ok: true };
}

/** Authors delete their own messages at any time (a tombstone stays); hidden ones are staff's call. */
export function decideDelete(message: MessageFacts, actorId: string): MessageChangeDecision {
  if (message.kind === 'system') return { ok: false, reason: 'SYSTEM' };
  if (message.authorId !== actorId) return { ok: false, reason: 'NOT_AUTHOR' };
  if (message.deleted) return { ok: false, reason: 'DELETED' };
  if (message.hidden) return { ok: false, reason: 'HIDDEN' };
  return { ok: true };
}

/** When the edit window of a message closes (for the client's "Edit" button). */
export function editableUntilMs(createdAtMs: number): number {
  return createdAtMs + CHAT_EDIT_WINDOW_MS;
}

export const cannedReplyVariables = ['buyer_name', 'seller_name', 'order_number'] as const;
export type CannedReplyVariable = (typeof cannedReplyVariables)[number];

const variablePattern = /\{([a-z_]+)\}/g;

/** Variables a template uses that we do not know (refused when an admin saves it). */
export function unknownCannedVariables(template: string): string[] {
  const known = new Set<string>(cannedReplyVariables);
  return [...new Set([...template.matchAll(variablePattern)].map((m) => m[1]!).filter((v) => !known.has(v)))];
}

/**
 * Fills `{buyer_name}`, `{seller_name}`, `{order_number}`. A value the thread does not have (no
 * order on a pre-sale thread) becomes a neutral word rather than a raw placeholder.
 */
export function renderCannedReply(template: string, values: Partial<Record<CannedReplyVariable, string | null>>): string {
  const fallback: Record<CannedReplyVariable, string> = { buyer_name: 'there', seller_name: 'the seller', order_number: 'your order' };
  return template.replace(variablePattern, (whole, name: string) => {
    if (!(cannedReplyVariables as readonly string[]).includes(name)) return whole;
    const key = name as CannedReplyVariable;
    const value = values[key];
    return value && value.trim() ? value : fallback[key];
  });
}
