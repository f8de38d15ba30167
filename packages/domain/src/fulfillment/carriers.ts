// Shipping carriers the seller can pick, each with the shape of its tracking numbers and the public
// tracking page. Numbers are normalised (spaces removed, upper case) before they are checked.
export interface CarrierSpec {
  label: string;
  /** Accepted tracking numbers, after normalisation. */
  pattern: RegExp;
  /** A human example for the error message and the form's placeholder. */
  example: string;
  trackingUrl: (trackingNumber: string) => string;
}

export const carriers = {
  dhl: { label: 'DHL', pattern: /^(\d{10,20}|JJD\d{16,20}|[A-Z]{2}\d{9}[A-Z]{2})$/, example: '00340434161094042557', trackingUrl: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}` },
  dpd: { label: 'DPD', pattern: /^\d{14}$/, example: '01234567890123', trackingUrl: (n) => `https://tracking.dpd.de/status/en_US/parcel/${n}` },
  ups: { label: 'UPS', pattern: /^1Z[0-9A-Z]{16}$/, example: '1Z999AA10123456784', trackingUrl: (n) => `https://www.ups.com/track?tracknum=${n}` },
  hermes: { label: 'Hermes / Evri', pattern: /^([A-Z0-9]{14,20})$/, example: 'H1004890123456789', trackingUrl: (n) => `https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#${n}` },
  royal_mail: { label: 'Royal Mail', pattern: /^[A-Z]{2}\d{9}GB$/, example: 'AB123456789GB', trackingUrl: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}` },
  usps: { label: 'USPS', pattern: /^(\d{20,22}|[A-Z]{2}\d{9}US)$/, example: '9400111899223197428490', trackingUrl: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}` },
} as const satisfies Record<string, CarrierSpec>;

export type Carrier = keyof typeof carriers;
export const carrierIds = Object.keys(carriers) as Carrier[];

export function normaliseTrackingNumber(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

export type TrackingCheck = { ok: true; trackingNumber: string; url: string } | { ok: false; message: string };

/** Checks a tracking number against its carrier's format; returns the normalised number and link. */
export function checkTracking(carrier: Carrier, raw: string): TrackingCheck {
  const spec: CarrierSpec = carriers[carrier];
  const trackingNumber = normaliseTrackingNumber(raw);
  if (!spec.pattern.test(trackingNumber)) return { ok: false, message: `That does not look like a ${spec.label} tracking number (for example ${spec.example}).` };
  return { ok: true, trackingNumber, url: spec.trackingUrl(encodeURIComponent(trackingNumber)) };
}

export function trackingUrl(carrier: string, trackingNumber: string): string | null {
  const spec = (carriers as Record<string, CarrierSpec>)[carrier];
  return spec ? spec.trackingUrl(encodeURIComponent(trackingNumber)) : null;
}
