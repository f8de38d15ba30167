import { describe, expect, it } from 'vitest';
import { objectOfInput, redactForAudit } from './write-audit.js';

describe('what a staff call records', () => {
  it('drops secrets, cuts long values and brackets prototype keys', () => {
    const input = JSON.parse('{"password":"hunter2","newPassword":"x","token":"t","code":"refund","note":"' + 'a'.repeat(600) + '","__proto__":{"admin":true},"nested":{"recoveryCode":"r","list":[1,2,3]}}') as unknown;
    const out = redactForAudit(input) as Record<string, unknown>;
    expect(out.password).toBe('[redacted]');
    expect(out.newPassword).toBe('[redacted]');
    expect(out.token).toBe('[redacted]');
    expect(out.code).toBe('refund');
    expect(String(out.note)).toHaveLength(501);
    expect(Object.keys(out)).toContain('[__proto__]');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out.nested).toEqual({ recoveryCode: '[redacted]', list: [1, 2, 3] });
    expect(redactForAudit(10n)).toBe('10');
  });

  it('names the object from the input ids', () => {
    expect(objectOfInput('orders.cancel', { id: 'o1', version: 2 })).toEqual({ objectType: 'orders', objectId: 'o1' });
    expect(objectOfInput('chat.report', { messageId: 'm1', reason: 'spam' })).toEqual({ objectType: 'message', objectId: 'm1' });
    expect(objectOfInput('ledger.reconcileNow', undefined)).toEqual({ objectType: 'ledger', objectId: null });
  });
});
