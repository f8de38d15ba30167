// A message's text as React text nodes (never HTML), with http(s) links as safe anchors: opened in
// a new tab without access to this page (noopener), without a referrer, and not endorsed (nofollow).
import { Anchor, Text } from '@mantine/core';
import { linkify } from '@marketdesk/domain';
import { useMemo } from 'react';

export function MessageText({ body }: { body: string }) {
  const segments = useMemo(() => linkify(body), [body]);
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {segments.map((s, i) =>
        s.kind === 'link' ? (
          <Anchor key={i} href={s.href} target="_blank" rel="noopener noreferrer nofollow" inherit>
            {s.text}
          </Anchor>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </Text>
  );
}
