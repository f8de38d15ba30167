// The chat's phone number finder (find-phone-numbers.ts), loaded with the first message it reads:
// libphonenumber-js with its full ("max") numbering plans is half a megabyte of code and data that
// a process serving no chat never needs.
import type { PhoneNumberFinder } from '@marketdesk/domain';

let loading: Promise<PhoneNumberFinder> | undefined;

export function phoneNumberFinder(): Promise<PhoneNumberFinder> {
  loading ??= import('./find-phone-numbers.js').then((module) => module.findPhoneNumbers);
  return loading;
}
