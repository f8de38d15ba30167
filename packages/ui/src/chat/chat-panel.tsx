// The conversation panel both apps embed (storefront order page and Messages, console Messages,
// support inbox, the disputes split view): messages with day separators, "sending…" until stored,
// typing, presence, "Seen", edit/delete own, attachments, report, and for staff hide and canned
// replies. Everything a person wrote is rendered as text (MessageText), never as HTML.
import { ActionIcon, Alert, Anchor, Badge, Box, Button, CloseButton, FileButton, Group, Image, Loader, Menu, Modal, Paper, ScrollArea, Select, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { CHAT_EDIT_WINDOW_MS, CHAT_MESSAGE_MAX_LENGTH, hasGrant } from '@marketdesk/domain';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ErrorState } from '../ErrorState/ErrorState';
import { LoadingState } from '../LoadingState/LoadingState';
import { Timestamp } from '../Timestamp/Timestamp';
import { errorMessage } from '../ErrorState/ErrorState';
import { trpc } from '../app/trpc';
import { attachmentUrl, chatFileAccept, formatBytes, receiptFor, uploadChatFile, withDaySeparators } from './chat-format';
import { MessageText } from './message-text';
import { useChatThread, type ChatMessage, type ChatThreadState, type PendingMessage } from './use-chat-thread';

export interface ChatPanelProps {
  threadId: string;
  /** Height of the message list (the composer comes below it). */
  height?: number | string;
  /** Shown above the messages; defaults to who the conversation is with. */
  title?: string;
}

type Dialog = { kind: 'delete' | 'report' | 'hide'; message: ChatMessage } | null;

export function ChatPanel({ threadId, height = 420, title }: ChatPanelProps) {
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
  const chat = useChatThread(threadId, me.data);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const moderator = !!me.data && hasGrant({ id: me.data.id, roles: me.data.roles }, 'chat.moderate');

  if (chat.loading) return <LoadingState label="Loading the conversation…" rows={4} />;
  if (chat.error || !chat.thread) return <ErrorState title="Could not load this conversation" error={chat.error} onRetry={chat.refetch} />;
  const thread = chat.thread;
  const heading = title ?? thread.counterpart;

  return (
    <Paper withBorder radius="md" component="section" aria-label={`Conversation: ${heading}`}>
      <Group justify="space-between" px="md" py="xs" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600} truncate>
            {heading}
          </Text>
          {thread.kind === 'presale' && (
            <Text size="xs" c="dimmed">
              Before you buy, email addresses and phone numbers are hidden: keep the conversation here.
            </Text>
          )}
        </Stack>
        <Presence chat={chat} meId={me.data?.id} />
      </Group>
      {chat.roomError && (
        <Alert color="yellow" variant="light" m="sm">
          Live updates are unavailable: {chat.roomError}
        </Alert>
      )}
      <MessageList chat={chat} height={height} threadId={threadId} editing={editing} setEditing={setEditing} openDialog={setDialog} moderator={moderator} meId={me.data?.id ?? null} />
      <TypingLine chat={chat} />
      {thread.canWrite ? (
        <Composer chat={chat} threadId={threadId} staff={thread.staff} />
      ) : (
        <Text size="sm" c="dimmed" px="md" pb="md">
          Support can read this pre-sale conversation but not write in it.
        </Text>
      )}
      <MessageDialog dialog={dialog} onClose={() => setDialog(null)} onDone={chat.replace} />
    </Paper>
  );
}

function Presence({ chat, meId }: { chat: ChatThreadState; meId: string | undefined }) {
  const others = chat.presence.filter((p) => (p.id ? p.id !== meId : p.role !== chat.thread?.myRole));
  if (others.length === 0) {
    return (
      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
        Nobody else here
      </Text>
    );
  }
  return (
    <Group gap={6} style={{ flexShrink: 0 }} aria-label="Who is here">
      {others.map((p) => (
        <Badge key={`${p.role}-${p.id ?? 'support'}`} variant="dot" color={p.state === 'online' ? 'green' : 'gray'} size="sm">
          {p.name} · {p.state === 'online' ? 'online' : 'away'}
        </Badge>
      ))}
    </Group>
  );
}

function TypingLine({ chat }: { chat: ChatThreadState }) {
  const names = chat.typing.map((p) => p.name);
  return (
    <Text size="xs" c="dimmed" px="md" h={20} aria-live="polite">
      {names.length === 0 ? '' : names.length === 1 ? `${names[0]} is typing…` : `${names.join(' and ')} are typing…`}
    </Text>
  );
}

interface ListProps {
  chat: ChatThreadState;
  threadId: string;
  height: number | string;
  editing: string | null;
  setEditing: (id: string | null) => void;
  openDialog: (d: Dialog) => void;
  moderator: boolean;
  meId: string | null;
}

function MessageList({ chat, threadId, height, editing, setEditing, openDialog, moderator, meId }: ListProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const rows = useMemo(() => withDaySeparators(chat.messages, Date.now()), [chat.messages]);
  const receipt = useMemo(
    () => receiptFor(chat.messages.map((m) => ({ id: m.id, seq: m.seq, kind: m.kind, mine: chat.isMine(m) })), chat.reads, { id: meId ?? '', role: chat.thread?.myRole ?? null }),
    [chat, meId],
  );
  const count = chat.messages.length + chat.pending.length;
  // Follow new messages only when already at the bottom, so reading older ones is not disturbed.
  useLayoutEffect(() => {
    const el = viewport.current;
    if (el && nearBottom.current) el.scrollTop = el.scrollHeight;
  }, [count, chat.typing.length]);

  return (
    <ScrollArea h={height} viewportRef={viewport} onScrollPositionChange={({ y }) => (nearBottom.current = !!viewport.current && viewport.current.scrollHeight - viewport.current.clientHeight - y < 80)} px="md" type="auto">
      <Stack gap="xs" py="sm" role="log" aria-label="Messages" aria-live="polite">
        {chat.hasOlder && (
          <Button
            variant="subtle"
            size="xs"
            loading={loadingOlder}
            onClick={() => {
              setLoadingOlder(true);
              void chat.loadOlder().finally(() => setLoadingOlder(false));
            }}
          >
            Load earlier messages
          </Button>
        )}
        {rows.length === 0 && chat.pending.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="lg">
            No messages yet. Say hello.
          </Text>
        )}
        {rows.map((row) =>
          row.kind === 'day' ? (
            <Text key={row.key} size="xs" c="dimmed" ta="center" fw={600} role="separator" aria-label={row.label}>
              {row.label}
            </Text>
          ) : (
            <MessageBubble
              key={row.key}
              message={row.message}
              threadId={threadId}
              mine={chat.isMine(row.message)}
              moderator={moderator}
              editing={editing === row.message.id}
              setEditing={setEditing}
              openDialog={openDialog}
              onEdited={chat.replace}
              receipt={receipt?.messageId === row.message.id ? (receipt.seen ? 'Seen' : 'Sent') : null}
            />
          ),
        )}
        {chat.pending.map((p) => (
          <PendingBubble key={p.clientId} pending={p} onRetry={() => chat.retry(p.clientId)} onDiscard={() => chat.discard(p.clientId)} />
        ))}
      </Stack>
    </ScrollArea>
  );
}

function Attachments({ message, threadId }: { message: ChatMessage; threadId: string }) {
  if (message.attachments.length === 0) return null;
  return (
    <Group gap="xs" mt={4}>
      {message.attachments.map((a) =>
        a.contentType.startsWith('image/') ? (
          <Anchor key={a.id} href={attachmentUrl(threadId, a.id)} target="_blank" rel="noopener noreferrer">
            <Image src={attachmentUrl(threadId, a.id)} alt="Attached image" w={120} h={90} fit="cover" radius="sm" />
          </Anchor>
        ) : (
          <Anchor key={a.id} href={attachmentUrl(threadId, a.id)} target="_blank" rel="noopener noreferrer" size="sm">
            PDF · {formatBytes(a.bytes)}
          </Anchor>
        ),
      )}
    </Group>
  );
}

interface BubbleProps {
  message: ChatMessage;
  threadId: string;
  mine: boolean;
  moderator: boolean;
  editing: boolean;
  setEditing: (id: string | null) => void;
  openDialog: (d: Dialog) => void;
  onEdited: (m: ChatMessage) => void;
  receipt: 'Seen' | 'Sent' | null;
}

function MessageBubble({ message: m, threadId, mine, moderator, editing, setEditing, openDialog, onEdited, receipt }: BubbleProps) {
  if (m.kind === 'system') {
    return (
      <Text size="xs" c="dimmed" ta="center" fs="italic">
        {m.body} · <Timestamp value={m.createdAtMs} shape="time" />
      </Text>
    );
  }
  const deleted = m.deletedAtMs !== null;
  const canEdit = mine && !deleted && !m.hidden && Date.now() - m.createdAtMs < CHAT_EDIT_WINDOW_MS;
  return (
    <Group justify={mine ? 'flex-end' : 'flex-start'} wrap="nowrap" align="flex-start">
      <Stack gap={2} maw="80%" align={mine ? 'flex-end' : 'flex-start'}>
        <Paper px="sm" py={6} radius="md" bg={mine ? 'var(--mantine-primary-color-light)' : 'var(--mantine-color-default-hover)'} aria-label={`Message from ${mine ? 'you' : m.author.name}`} role="article">
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Text size="xs" fw={600} c={m.author.role === 'support' ? 'var(--mantine-primary-color-filled)' : undefined}>
              {mine ? 'You' : m.author.name}
            </Text>
            {!deleted && !editing && <MessageMenu message={m} mine={mine} canEdit={canEdit} moderator={moderator} setEditing={setEditing} openDialog={openDialog} />}
          </Group>
          {deleted ? (
            <Text size="sm" c="dimmed" fs="italic">
              Message deleted
            </Text>
          ) : m.hidden && !m.body ? (
            <Text size="sm" c="dimmed" fs="italic">
              Message hidden by Marketdesk
            </Text>
          ) : editing ? (
            <EditForm message={m} onDone={(updated) => {
              if (updated) onEdited(updated);
              setEditing(null);
            }} />
          ) : (
            <>
              {m.hidden && (
                <Text size="xs" c="red">
                  Hidden{m.moderation ? ` by ${m.moderation.hiddenBy ?? 'staff'}: ${m.moderation.hiddenReason ?? ''}` : ''}
                </Text>
              )}
              {m.body && <MessageText body={m.body} />}
              <Attachments message={m} threadId={threadId} />
            </>
          )}
        </Paper>
        <Text size="xs" c="dimmed">
          <Timestamp value={m.createdAtMs} shape="time" />
          {m.editedAtMs && !deleted ? ' · edited' : ''}
          {m.masked && !deleted ? ' · contact details hidden' : ''}
          {receipt && ` · ${receipt}`}
        </Text>
      </Stack>
    </Group>
  );
}

function MessageMenu({ message, mine, canEdit, moderator, setEditing, openDialog }: { message: ChatMessage; mine: boolean; canEdit: boolean; moderator: boolean; setEditing: (id: string | null) => void; openDialog: (d: Dialog) => void }) {
  const items = [
    canEdit && (
      <Menu.Item key="edit" onClick={() => setEditing(message.id)}>
        Edit
      </Menu.Item>
    ),
    mine && !message.hidden && (
      <Menu.Item key="delete" color="red" onClick={() => openDialog({ kind: 'delete', message })}>
        Delete
      </Menu.Item>
    ),
    !mine && (
      <Menu.Item key="report" onClick={() => openDialog({ kind: 'report', message })}>
        Report
      </Menu.Item>
    ),
    moderator && !message.hidden && (
      <Menu.Item key="hide" color="red" onClick={() => openDialog({ kind: 'hide', message })}>
        Hide
      </Menu.Item>
    ),
  ].filter(Boolean);
  if (items.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" size="xs" aria-label="Message actions">
          ⋯
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{items}</Menu.Dropdown>
    </Menu>
  );
}

function EditForm({ message, onDone }: { message: ChatMessage; onDone: (m: ChatMessage | null) => void }) {
  const [body, setBody] = useState(message.body);
  const edit = trpc.chat.edit.useMutation({ onSuccess: (m) => onDone(m) });
  return (
    <Stack gap={4} mt={4}>
      <Textarea aria-label="Edit message" value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={1} maxRows={6} maxLength={CHAT_MESSAGE_MAX_LENGTH} autoFocus />
      {edit.error && (
        <Text size="xs" c="red">
          {errorMessage(edit.error)}
        </Text>
      )}
      <Group gap="xs" justify="flex-end">
        <Button size="xs" variant="default" onClick={() => onDone(null)}>
          Cancel
        </Button>
        <Button size="xs" loading={edit.isPending} disabled={!body.trim()} onClick={() => edit.mutate({ messageId: message.id, body })}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}

function PendingBubble({ pending, onRetry, onDiscard }: { pending: PendingMessage; onRetry: () => void; onDiscard: () => void }) {
  return (
    <Group justify="flex-end">
      <Stack gap={2} maw="80%" align="flex-end">
        <Paper px="sm" py={6} radius="md" bg="var(--mantine-primary-color-light)" style={{ opacity: 0.7 }} role="article" aria-label="Message from you, not sent yet">
          <Text size="xs" fw={600}>
            You
          </Text>
          {pending.body ? <MessageText body={pending.body} /> : <Text size="sm">{pending.cannedReplyId ? 'Canned reply' : `${pending.attachmentIds.length} file(s)`}</Text>}
        </Paper>
        {pending.status === 'sending' ? (
          <Group gap={4}>
            <Loader size={10} />
            <Text size="xs" c="dimmed">
              Sending…
            </Text>
          </Group>
        ) : (
          <Group gap={6}>
            <Text size="xs" c="red" role="alert">
              {pending.error ?? 'Not sent.'}
            </Text>
            <Anchor component="button" size="xs" onClick={onRetry}>
              Retry
            </Anchor>
            <Anchor component="button" size="xs" c="dimmed" onClick={onDiscard}>
              Discard
            </Anchor>
          </Group>
        )}
      </Stack>
    </Group>
  );
}

interface Attached {
  id: string;
  name: string;
  bytes: number;
}

function Composer({ chat, threadId, staff }: { chat: ChatThreadState; threadId: string; staff: boolean }) {
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<Attached[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const canSend = (body.trim().length > 0 || files.length > 0) && !uploading;

  const submit = () => {
    if (!canSend) return;
    chat.send({ body: body.trim(), attachmentIds: files.map((f) => f.id) });
    setBody('');
    setFiles([]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };
  const attach = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      const uploaded = await uploadChatFile(threadId, file);
      setFiles((f) => [...f, { id: uploaded.id, name: file.name, bytes: uploaded.bytes }]);
    } catch (err) {
      setUploadError((err as Error).message);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Stack gap="xs" px="md" pb="md">
      {staff && <CannedReplies threadId={threadId} onSend={(id) => chat.send({ body: '', cannedReplyId: id })} />}
      {files.length > 0 && (
        <Group gap="xs">
          {files.map((f) => (
            <Badge key={f.id} variant="light" rightSection={<CloseButton size="xs" aria-label={`Remove ${f.name}`} onClick={() => setFiles((all) => all.filter((x) => x.id !== f.id))} />}>
              {f.name} · {formatBytes(f.bytes)}
            </Badge>
          ))}
        </Group>
      )}
      {uploadError && (
        <Text size="xs" c="red" role="alert">
          {uploadError}
        </Text>
      )}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <FileButton onChange={(f) => void attach(f)} accept={chatFileAccept}>
          {(props) => (
            <Tooltip label="Attach a photo or PDF">
              <ActionIcon {...props} variant="default" size="lg" aria-label="Attach a file" loading={uploading}>
                {/* An inline paperclip: an emoji depends on the reader's fonts (a blank box without them). */}
                <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
                  <path d="M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48" />
                </svg>
              </ActionIcon>
            </Tooltip>
          )}
        </FileButton>
        <Textarea
          aria-label="Message"
          placeholder="Write a message…"
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            chat.notifyTyping(e.currentTarget.value.length > 0);
          }}
          onBlur={() => chat.notifyTyping(false)}
          onKeyDown={onKeyDown}
          autosize
          minRows={1}
          maxRows={6}
          maxLength={CHAT_MESSAGE_MAX_LENGTH}
          style={{ flex: 1 }}
        />
        <Button onClick={submit} disabled={!canSend}>
          Send
        </Button>
      </Group>
    </Stack>
  );
}

function CannedReplies({ threadId, onSend }: { threadId: string; onSend: (id: string) => void }) {
  const list = trpc.chat.cannedReplies.list.useQuery(undefined, { staleTime: 60_000 });
  const [picked, setPicked] = useState<string | null>(null);
  const preview = trpc.chat.cannedReplies.preview.useQuery({ threadId, id: picked ?? '' }, { enabled: !!picked });
  useEffect(() => setPicked(null), [threadId]);
  if (!list.data || list.data.replies.length === 0) return null;
  return (
    <Box>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label="Canned reply"
          placeholder="Pick a reply"
          size="xs"
          data={list.data.replies.map((r) => ({ value: r.id, label: r.title }))}
          value={picked}
          onChange={setPicked}
          clearable
          style={{ flex: 1 }}
        />
        <Button
          size="xs"
          variant="light"
          disabled={!picked || !preview.data}
          onClick={() => {
            if (picked) onSend(picked);
            setPicked(null);
          }}
        >
          Send canned reply
        </Button>
      </Group>
      {picked && (
        <Text size="xs" c="dimmed" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {preview.isPending ? 'Preparing…' : (preview.data?.body ?? '')}
        </Text>
      )}
    </Box>
  );
}

function MessageDialog({ dialog, onClose, onDone }: { dialog: Dialog; onClose: () => void; onDone: (m: ChatMessage) => void }) {
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setDone(null);
  }, [dialog]);
  const remove = trpc.chat.delete.useMutation({ onSuccess: (m) => (onDone(m), onClose()) });
  const hide = trpc.chat.hide.useMutation({ onSuccess: (m) => (onDone(m), onClose()) });
  const report = trpc.chat.report.useMutation({ onSuccess: (r) => setDone(r.alreadyReported ? 'You already reported this message. Our team will review it.' : 'Thanks. Our team will review this message.') });
  if (!dialog) return null;
  const titles = { delete: 'Delete this message?', report: 'Report this message', hide: 'Hide this message' } as const;
  const pending = remove.isPending || hide.isPending || report.isPending;
  const error = remove.error ?? hide.error ?? report.error;
  return (
    <Modal opened onClose={onClose} title={titles[dialog.kind]} centered>
      <Stack>
        {dialog.kind === 'delete' ? (
          <Text size="sm">Everyone in the conversation will see that a message was deleted, but not what it said.</Text>
        ) : done ? (
          <Text size="sm">{done}</Text>
        ) : (
          <Textarea
            label={dialog.kind === 'report' ? 'What is wrong with it?' : 'Why is it hidden? (kept for the audit log)'}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            minRows={2}
            autosize
            maxLength={500}
            data-autofocus
          />
        )}
        {error && (
          <Text size="sm" c="red" role="alert">
            {errorMessage(error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </Button>
          {!done && (
            <Button
              color={dialog.kind === 'report' ? undefined : 'red'}
              loading={pending}
              disabled={dialog.kind !== 'delete' && reason.trim().length < 3}
              onClick={() => {
                if (dialog.kind === 'delete') remove.mutate({ messageId: dialog.message.id });
                else if (dialog.kind === 'hide') hide.mutate({ messageId: dialog.message.id, reason: reason.trim() });
                else report.mutate({ messageId: dialog.message.id, reason: reason.trim() });
              }}
            >
              {dialog.kind === 'delete' ? 'Delete' : dialog.kind === 'hide' ? 'Hide message' : 'Send report'}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
