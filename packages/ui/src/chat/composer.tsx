// Writing in a thread: text (Enter sends, Shift+Enter breaks the line), attached photos or PDFs,
// and for staff the canned replies. Typing tells the others ("typing…").
import { ActionIcon, Badge, Button, CloseButton, FileButton, Group, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { CHAT_MESSAGE_MAX_LENGTH } from '@marketdesk/domain';
import { useState, type KeyboardEvent } from 'react';
import { CannedReplies } from './canned-replies';
import { chatFileAccept, formatBytes, uploadChatFile } from './chat-format';
import type { ChatThreadState } from './use-chat-thread';

interface Attached {
  id: string;
  name: string;
  bytes: number;
}

export function Composer({ chat, threadId, staff }: { chat: ChatThreadState; threadId: string; staff: boolean }) {
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
