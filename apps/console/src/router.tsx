// Console routes (react-router data mode). Guards are layout routes so every page is covered.
import { Outlet, createBrowserRouter } from 'react-router';
import { RequireConsoleAccess } from './features/auth/require-console-access';
import { RequirePermission } from './features/auth/require-permission';
import { ConsoleShell } from './features/shell/console-shell';
import { ActivityPage } from './pages/activity-page';
import { DashboardPage } from './pages/dashboard-page';
import { EditListingPage, NewListingPage } from './pages/listing-editor-page';
import { ListingReviewPage } from './pages/listing-review-page';
import { MyListingsPage } from './pages/my-listings-page';
import { OrderDetailPage } from './pages/order-detail-page';
import { OrdersPage } from './pages/orders-page';
import { LedgerPage } from './pages/ledger-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { RouteErrorPage } from './pages/route-error-page';
import { PayoutQueuePage } from './pages/payout-queue-page';
import { KycQueuePage } from './pages/kyc-queue-page';
import { MessagesPage } from './pages/messages-page';
import { SupportInboxPage } from './pages/support-inbox-page';
import { DisputesQueuePage } from './pages/disputes-queue-page';
import { OrderReviewPage } from './pages/order-review-page';
import { VerificationPage } from './pages/verification-page';
import { PayoutsPage } from './pages/payouts-page';
import { ProfilePage } from './pages/profile-page';
import { PricingPage } from './pages/pricing-page';
import { SentMailPage } from './pages/sent-mail-page';
import { AuditLogPage } from './pages/audit-log-page';
import { RolesPage } from './pages/roles-page';
import { MySubmissionsPage } from './pages/my-submissions-page';
import { SubmissionDetailPage } from './pages/submission-detail-page';
import { SubmissionsQueuePage } from './pages/submissions-queue-page';
import { RequireQueue } from './features/auth/require-queue';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireConsoleAccess />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <ConsoleShell />,
        children: [
          { index: true, element: <DashboardPage /> },
          {
            path: 'activity',
            element: (
              <RequirePermission permission="activity.view">
                <ActivityPage />
              </RequirePermission>
            ),
          },
          {
            path: 'mail',
            element: (
              <RequirePermission permission="mail.view">
                <SentMailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'listings',
            element: (
              <RequirePermission permission="listings.manage">
                <Outlet />
              </RequirePermission>
            ),
            children: [
              { index: true, element: <MyListingsPage /> },
              { path: 'new', element: <NewListingPage /> },
              { path: ':id/edit', element: <EditListingPage /> },
            ],
          },
          {
            path: 'review/listings',
            element: (
              <RequirePermission permission="listings.review">
                <ListingReviewPage />
              </RequirePermission>
            ),
          },
          {
            path: 'orders',
            children: [
              {
                index: true,
                element: (
                  <RequirePermission permission="orders.ship">
                    <OrdersPage />
                  </RequirePermission>
                ),
              },
              // Sellers open their own orders, staff any (the ledger links here); the API decides.
              {
                path: ':id',
                element: (
                  <RequirePermission permission="orders.view">
                    <OrderDetailPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          {
            path: 'queues/submissions',
            element: (
              <RequireQueue queue="submissions">
                <SubmissionsQueuePage />
              </RequireQueue>
            ),
          },
          {
            path: 'submissions',
            element: (
              <RequirePermission permission="submissions.create">
                <Outlet />
              </RequirePermission>
            ),
            children: [
              { index: true, element: <MySubmissionsPage /> },
              { path: ':id', element: <SubmissionDetailPage /> },
            ],
          },
          {
            path: 'queues/order-review',
            element: (
              <RequireQueue queue="fraud">
                <OrderReviewPage />
              </RequireQueue>
            ),
          },
          {
            path: 'queues/disputes',
            element: (
              <RequireQueue queue="disputes">
                <DisputesQueuePage />
              </RequireQueue>
            ),
          },
          {
            path: 'review/kyc',
            element: (
              <RequirePermission permission="kyc.review">
                <KycQueuePage />
              </RequirePermission>
            ),
          },
          {
            path: 'verification',
            element: (
              <RequirePermission permission="kyc.submit">
                <VerificationPage />
              </RequirePermission>
            ),
          },
          {
            path: 'review/payouts',
            element: (
              <RequirePermission permission="payouts.approve">
                <PayoutQueuePage />
              </RequirePermission>
            ),
          },
          {
            path: 'ledger',
            element: (
              <RequirePermission permission="ledger.reconcile">
                <LedgerPage />
              </RequirePermission>
            ),
          },
          {
            path: 'payouts',
            element: (
              <RequirePermission permission="payouts.view">
                <PayoutsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'pricing',
            element: (
              <RequirePermission permission="users.manage_roles">
                <PricingPage />
              </RequirePermission>
            ),
          },
          {
            path: 'messages',
            element: (
              <RequirePermission permission="chat.send">
                <MessagesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'support/inbox',
            element: (
              <RequirePermission permission="chat.support">
                <SupportInboxPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission permission="audit.view">
                <AuditLogPage />
              </RequirePermission>
            ),
          },
          {
            path: 'roles',
            element: (
              <RequirePermission permission="roles.manage">
                <RolesPage />
              </RequirePermission>
            ),
          },
          { path: 'profile', element: <ProfilePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
