// What a seller declares for identity verification (KYC); reviewers decide through queues.decide. A company
// names its registration number; a person their date of birth (18 or older). Documents are the
// seller's own private uploads (POST /uploads/kyc-documents); an identity document is required.
import { z } from 'zod';

export const kycDocumentKinds = ['identity', 'proof_of_address', 'business_registration'] as const;
export const kycDocumentLabels: Record<(typeof kycDocumentKinds)[number], string> = {
  identity: 'Identity document (passport or ID card)',
  proof_of_address: 'Proof of address',
  business_registration: 'Business registration',
};

const documents = z
  .array(z.object({ kind: z.enum(kycDocumentKinds), uploadId: z.string().uuid() }))
  .max(10, 'At most 10 documents')
  .refine((d) => new Set(d.map((x) => x.uploadId)).size === d.length, 'Each document may be attached once');

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function isAdultOn(dateOfBirth: string, now: Date): boolean {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(birth.getTime()) || birth.getUTCMonth() !== m - 1) return false;
  const eighteenth = new Date(Date.UTC(y + 18, m - 1, d));
  return eighteenth.getTime() <= now.getTime();
}

export const submitKycSchema = z
  .object({
    businessType: z.enum(['individual', 'company'], { message: 'Choose individual or company' }),
    legalName: z.string().trim().min(2, 'Give your full legal name').max(200),
    country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use the two-letter country code'),
    registrationNumber: z.string().trim().max(60).optional(),
    taxId: z.string().trim().max(60).optional(),
    addressLine1: z.string().trim().min(3, 'Give your street address').max(200),
    city: z.string().trim().min(1, 'Give your city').max(100),
    postalCode: z.string().trim().min(2, 'Give your postal code').max(20),
    dateOfBirth: z.string().regex(isoDate, 'Use YYYY-MM-DD').optional(),
    documents: documents.refine((d) => d.some((x) => x.kind === 'identity'), 'Attach an identity document'),
  })
  .superRefine((v, ctx) => {
    if (v.businessType === 'company' && !v.registrationNumber) ctx.addIssue({ code: 'custom', path: ['registrationNumber'], message: 'A company needs its registration number' });
    if (v.businessType === 'individual' && !v.dateOfBirth) ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'Give your date of birth' });
    if (v.dateOfBirth && !isAdultOn(v.dateOfBirth, new Date())) ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'Sellers must be 18 or older' });
  });
export type SubmitKycInput = z.infer<typeof submitKycSchema>;

export const provideKycInfoSchema = z.object({
  kycId: z.string().uuid(),
  version: z.number().int().positive(),
  response: z.string().trim().min(1, 'Answer the question').max(2000),
  documents: documents.default([]),
});
export type ProvideKycInfoInput = z.infer<typeof provideKycInfoSchema>;
