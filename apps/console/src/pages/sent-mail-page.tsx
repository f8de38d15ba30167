// Admins see every email the worker sent (or wrote to disk), and can read each one.
import { Code, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState, PageHeader, formatDateTime } from '@marketdesk/ui';
import { useState } from 'react';
import { useLiveEvents } from '@marketdesk/ui/app';
import { trpc, type RouterOutputs } from '../trpc';

type SentMail = RouterOutputs['mail']['listSent'][number];

function MailTable({ mails, onOpen }: { mails: SentMail[]; onOpen: (mail: SentMail) => void }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Sent mail">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>To</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Template</Table.Th>
            <Table.Th>Sent</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mails.map((mail) => (
            <Table.Tr
              key={mail.id}
              onClick={() => onOpen(mail)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onOpen(mail)}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              aria-label={`Open mail "${mail.subject}" to ${mail.toAddress}`}
            >
              <Table.Td>{mail.toAddress}</Table.Td>
              <Table.Td>{mail.subject}</Table.Td>
              <Table.Td>
                <Code>{mail.template}</Code>
              </Table.Td>
              <Table.Td>{formatDateTime(mail.sentAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function SentMailPage() {
  const list = trpc.mail.listSent.useQuery({ limit: 100 });
  const [open, setOpen] = useState<SentMail | null>(null);
  // New mail shows up without a reload: the worker's `mail.sent` event reaches staff via team:all.
  useLiveEvents((event) => {
    if (event.name === 'mail.sent') void list.refetch();
  });

  let body;
  if (list.isPending) body = <LoadingState label="Loading sent mail…" />;
  else if (list.isError) body = <ErrorState title="Could not load sent mail" error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.length === 0) body = <EmptyState title="No mail sent yet" description="Welcome emails appear here after people register." />;
  else body = <MailTable mails={list.data} onOpen={setOpen} />;

  return (
    <>
      <PageHeader title="Sent mail" description="Everything Marketdesk has emailed, newest first." />
      {body}
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open?.subject} size="lg">
        {open && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              To {open.toAddress} · {formatDateTime(open.sentAt)}
            </Text>
            <ScrollArea.Autosize mah={420}>
              <Code block>{open.textBody}</Code>
            </ScrollArea.Autosize>
          </Stack>
        )}
      </Modal>
    </>
  );
}
