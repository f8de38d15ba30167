// "Tue 4 Mar – Fri 7 Mar": a delivery window is counted in UTC business days (the domain's
// deliveryEstimate), so its days are written in UTC for every viewer — a day does not move with the
// reader's zone — in the viewer's language.
import { Timestamp, type DateInput } from '@marketdesk/ui';

export function DeliveryWindow({ earliest, latest }: { earliest: DateInput; latest: DateInput }) {
  return (
    <>
      <Timestamp value={earliest} shape="weekdayDate" timeZone="UTC" /> – <Timestamp value={latest} shape="weekdayDate" timeZone="UTC" />
    </>
  );
}
