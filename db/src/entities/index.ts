import { ListingSchema, Listing } from './listing.entity.js';
import { ListingImageSchema, ListingImage } from './listing-image.entity.js';
import { SearchWordSchema, SearchWord } from './search-word.entity.js';
// Discovery: recommendations, wishlist, markdowns, catalog enrichment.
import { ListingCoPurchaseSchema, ListingCoPurchase } from './listing-co-purchase.entity.js';
import { BuyerPurchaseSchema, BuyerPurchase } from './buyer-purchase.entity.js';
import { DiscoveryProcessedOrderSchema, DiscoveryProcessedOrder } from './discovery-processed-order.entity.js';
import { ListingPopularitySchema, ListingPopularity } from './listing-popularity.entity.js';
import { ListingViewSchema, ListingView } from './listing-view.entity.js';
import { WishlistItemSchema, WishlistItem } from './wishlist-item.entity.js';
import { PricingPolicyVersionSchema, PricingPolicyVersion } from './pricing-policy-version.entity.js';
import { ListingPricingSchema, ListingPricing } from './listing-pricing.entity.js';
import { ListingPriceChangeSchema, ListingPriceChange } from './listing-price-change.entity.js';
import { DiscogsCacheEntrySchema, DiscogsCacheEntry } from './discogs-cache-entry.entity.js';
import { AddressSchema, Address } from './address.entity.js';
import { CartLineSchema, CartLine } from './cart-line.entity.js';
import { CheckoutSchema, Checkout } from './checkout.entity.js';
import { OrderSchema, Order } from './order.entity.js';
import { OrderItemSchema, OrderItem } from './order-item.entity.js';
import { StockReservationSchema, StockReservation } from './stock-reservation.entity.js';
import { IdempotencyRecordSchema, IdempotencyRecord } from './idempotency-record.entity.js';
import { PayoutSchema, Payout } from './payout.entity.js';
import { SellerAccountSchema, SellerAccount } from './seller-account.entity.js';
import { ReviewSchema, Review } from './review.entity.js';
import { ChatThreadSchema, ChatThread } from './chat-thread.entity.js';
import { ChatParticipantSchema, ChatParticipant } from './chat-participant.entity.js';
import { ChatMessageSchema, ChatMessage } from './chat-message.entity.js';
import { ChatMessageReportSchema, ChatMessageReport } from './chat-message-report.entity.js';
import { ChatCannedReplySchema, ChatCannedReply } from './chat-canned-reply.entity.js';
import { NotificationSchema, Notification, NotificationPreferenceSchema, NotificationPreference } from './notification.entity.js';
import { FileUploadSchema, FileUpload } from './file-upload.entity.js';
import { ReconciliationRunSchema, ReconciliationRun } from './reconciliation-run.entity.js';
import { QueueExportSchema, QueueExport } from './queue-export.entity.js';
import { CategorySchema, Category } from './category.entity.js';
import { LedgerAccountSchema, LedgerAccount } from './ledger-account.entity.js';
import { LedgerPostingSchema, LedgerPosting } from './ledger-posting.entity.js';
import { LedgerTransferSchema, LedgerTransfer } from './ledger-transfer.entity.js';
import { OutboxEventSchema, OutboxEvent } from './outbox-event.entity.js';
import { ProviderWebhookEventSchema, ProviderWebhookEvent } from './provider-webhook-event.entity.js';
import { SentMailSchema, SentMail } from './sent-mail.entity.js';
import { SessionSchema, Session } from './session.entity.js';
import { AuthTokenSchema, AuthToken } from './auth-token.entity.js';
import { StreamSequenceSchema, StreamSequence } from './stream-sequence.entity.js';
import { UserSchema, User } from './user.entity.js';
import { QueueItemSchema, QueueItem } from './queue-item.entity.js';
import { QueueNoteSchema, QueueNote } from './queue-note.entity.js';
import { QueueFilterPresetSchema, QueueFilterPreset } from './queue-filter-preset.entity.js';
import { SubmissionSchema, Submission } from './submission.entity.js';
import { SubmissionItemSchema, SubmissionItem } from './submission-item.entity.js';
import { KycCheckSchema, KycCheck } from './kyc-check.entity.js';
import { KycDocumentSchema, KycDocument } from './kyc-document.entity.js';
import { DisputeSchema, Dispute } from './dispute.entity.js';
import { DisputeEvidenceSchema, DisputeEvidence } from './dispute-evidence.entity.js';
// Trust and safety: the append-only audit log, roles as data.
import { AuditLogEntrySchema, AuditLogEntry } from './audit-log-entry.entity.js';
import { RoleRecordSchema, RoleRecord } from './role.entity.js';
import { RiskRuleVersionSchema, RiskRuleVersion } from './risk-rules.entity.js';
import { UserFlagSchema, UserFlag } from './user-flag.entity.js';

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

/**
 * The entity classes above, each under its entity name (the class name: the key is written as a
 * shorthand, so it cannot differ). Types derived from the entities read it — the repositories'
 * typed SQL names tables by these keys (apps/api/src/repositories/db.ts) — and a test checks it
 * holds exactly the classes of `entities`.
 */
export const entityClasses = {
  User,
  AuthToken,
  Session,
  OutboxEvent,
  StreamSequence,
  SentMail,
  Category,
  LedgerAccount,
  LedgerTransfer,
  LedgerPosting,
  ProviderWebhookEvent,
  Listing,
  ListingImage,
  SearchWord,
  ListingCoPurchase, BuyerPurchase, DiscoveryProcessedOrder, ListingPopularity, ListingView, WishlistItem, PricingPolicyVersion, ListingPricing, ListingPriceChange, DiscogsCacheEntry,
  Address,
  CartLine,
  Checkout,
  Order,
  OrderItem,
  StockReservation,
  IdempotencyRecord,
  Payout,
  SellerAccount,
  Review,
  ChatThread, ChatParticipant, ChatMessage, ChatMessageReport, ChatCannedReply,
  Notification,
  NotificationPreference,
  FileUpload,
  ReconciliationRun,
  QueueItem, QueueNote, QueueFilterPreset, Submission, SubmissionItem,
  QueueExport,
  KycCheck,
  KycDocument,
  Dispute,
  DisputeEvidence,
  RiskRuleVersion,
  UserFlag,
  AuditLogEntry,
  RoleRecord,
};
