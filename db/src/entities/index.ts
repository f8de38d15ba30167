import { ListingSchema } from './listing.entity.js';
import { ListingImageSchema } from './listing-image.entity.js';
import { SearchWordSchema } from './search-word.entity.js';
// Discovery: recommendations, wishlist, markdowns, catalog enrichment.
import { ListingCoPurchaseSchema } from './listing-co-purchase.entity.js';
import { BuyerPurchaseSchema } from './buyer-purchase.entity.js';
import { DiscoveryProcessedOrderSchema } from './discovery-processed-order.entity.js';
import { ListingPopularitySchema } from './listing-popularity.entity.js';
import { ListingViewSchema } from './listing-view.entity.js';
import { WishlistItemSchema } from './wishlist-item.entity.js';
import { PricingPolicyVersionSchema } from './pricing-policy-version.entity.js';
import { ListingPricingSchema } from './listing-pricing.entity.js';
import { ListingPriceChangeSchema } from './listing-price-change.entity.js';
import { DiscogsCacheEntrySchema } from './discogs-cache-entry.entity.js';
import { AddressSchema } from './address.entity.js';
import { CartLineSchema } from './cart-line.entity.js';
import { CheckoutSchema } from './checkout.entity.js';
import { OrderSchema } from './order.entity.js';
import { OrderItemSchema } from './order-item.entity.js';
import { StockReservationSchema } from './stock-reservation.entity.js';
import { IdempotencyRecordSchema } from './idempotency-record.entity.js';
import { PayoutSchema } from './payout.entity.js';
import { SellerAccountSchema } from './seller-account.entity.js';
import { ReviewSchema } from './review.entity.js';
import { ChatThreadSchema } from './chat-thread.entity.js';
import { ChatParticipantSchema } from './chat-participant.entity.js';
import { ChatMessageSchema } from './chat-message.entity.js';
import { ChatMessageReportSchema } from './chat-message-report.entity.js';
import { ChatCannedReplySchema } from './chat-canned-reply.entity.js';
import { NotificationSchema, NotificationPreferenceSchema } from './notification.entity.js';
import { FileUploadSchema } from './file-upload.entity.js';
import { ReconciliationRunSchema } from './reconciliation-run.entity.js';
import { QueueExportSchema } from './queue-export.entity.js';
import { CategorySchema } from './category.entity.js';
import { LedgerAccountSchema } from './ledger-account.entity.js';
import { LedgerPostingSchema } from './ledger-posting.entity.js';
import { LedgerTransferSchema } from './ledger-transfer.entity.js';
import { OutboxEventSchema } from './outbox-event.entity.js';
import { ProviderWebhookEventSchema } from './provider-webhook-event.entity.js';
import { SentMailSchema } from './sent-mail.entity.js';
import { SessionSchema } from './session.entity.js';
import { AuthTokenSchema } from './auth-token.entity.js';
import { StreamSequenceSchema } from './stream-sequence.entity.js';
import { UserSchema } from './user.entity.js';
import { QueueItemSchema } from './queue-item.entity.js';
import { QueueNoteSchema } from './queue-note.entity.js';
import { QueueFilterPresetSchema } from './queue-filter-preset.entity.js';
import { SubmissionSchema } from './submission.entity.js';
import { SubmissionItemSchema } from './submission-item.entity.js';
import { KycCheckSchema } from './kyc-check.entity.js';
import { KycDocumentSchema } from './kyc-document.entity.js';
import { DisputeSchema } from './dispute.entity.js';
import { DisputeEvidenceSchema } from './dispute-evidence.entity.js';
// Trust and safety: the append-only audit log, roles as data.
import { AuditLogEntrySchema } from './audit-log-entry.entity.js';
import { RoleRecordSchema } from './role.entity.js';
import { RiskRuleVersionSchema } from './risk-rules.entity.js';
import { UserFlagSchema } from './user-flag.entity.js';

export * from './listing.entity.js';
export * from './listing-image.entity.js';
export * from './search-word.entity.js';
export * from './listing-co-purchase.entity.js';
export * from './buyer-purchase.entity.js';
export * from './discovery-processed-order.entity.js';
export * from './listing-popularity.entity.js';
export * from './listing-view.entity.js';
export * from './wishlist-item.entity.js';
export * from './pricing-policy-version.entity.js';
export * from './listing-pricing.entity.js';
export * from './listing-price-change.entity.js';
export * from './discogs-cache-entry.entity.js';
export * from './address.entity.js';
export * from './cart-line.entity.js';
export * from './checkout.entity.js';
export * from './order.entity.js';
export * from './order-item.entity.js';
export * from './stock-reservation.entity.js';
export * from './idempotency-record.entity.js';
export * from './payout.entity.js';
export * from './seller-account.entity.js';
export * from './review.entity.js';
export * from './chat-thread.entity.js';
export * from './chat-participant.entity.js';
export * from './chat-message.entity.js';
export * from './chat-message-report.entity.js';
export * from './chat-canned-reply.entity.js';
export * from './notification.entity.js';
export * from './file-upload.entity.js';
export * from './reconciliation-run.entity.js';
export * from './queue-export.entity.js';
export * from './category.entity.js';
export * from './ledger-account.entity.js';
export * from './ledger-posting.entity.js';
export * from './ledger-transfer.entity.js';
export * from './outbox-event.entity.js';
export * from './provider-webhook-event.entity.js';
export * from './sent-mail.entity.js';
export * from './session.entity.js';
export * from './auth-token.entity.js';
export * from './stream-sequence.entity.js';
export * from './user.entity.js';
export * from './queue-item.entity.js';
export * from './queue-note.entity.js';
export * from './queue-filter-preset.entity.js';
export * from './submission.entity.js';
export * from './submission-item.entity.js';
export * from './kyc-check.entity.js';
export * from './kyc-document.entity.js';
export * from './dispute.entity.js';
export * from './dispute-evidence.entity.js';
export * from './audit-log-entry.entity.js';
export * from './role.entity.js';
export * from './risk-rules.entity.js';
export * from './user-flag.entity.js';

export const entities = [
  UserSchema,
  AuthTokenSchema,
  SessionSchema,
  OutboxEventSchema,
  StreamSequenceSchema,
  SentMailSchema,
  CategorySchema,
  LedgerAccountSchema,
  LedgerTransferSchema,
  LedgerPostingSchema,
  ProviderWebhookEventSchema,
  ListingSchema,
  ListingImageSchema,
  SearchWordSchema,
  ListingCoPurchaseSchema, BuyerPurchaseSchema, DiscoveryProcessedOrderSchema, ListingPopularitySchema, ListingViewSchema, WishlistItemSchema, PricingPolicyVersionSchema, ListingPricingSchema, ListingPriceChangeSchema, DiscogsCacheEntrySchema,
  AddressSchema,
  CartLineSchema,
  CheckoutSchema,
  OrderSchema,
  OrderItemSchema,
  StockReservationSchema,
  IdempotencyRecordSchema,
  PayoutSchema,
  SellerAccountSchema,
  ReviewSchema,
  ChatThreadSchema, ChatParticipantSchema, ChatMessageSchema, ChatMessageReportSchema, ChatCannedReplySchema,
  NotificationSchema,
  NotificationPreferenceSchema,
  FileUploadSchema,
  ReconciliationRunSchema,
  QueueItemSchema, QueueNoteSchema, QueueFilterPresetSchema, SubmissionSchema, SubmissionItemSchema,
  QueueExportSchema,
  KycCheckSchema,
  KycDocumentSchema,
  DisputeSchema,
  DisputeEvidenceSchema,
  RiskRuleVersionSchema,
  UserFlagSchema,
  AuditLogEntrySchema,
  RoleRecordSchema,
];
