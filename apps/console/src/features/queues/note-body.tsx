// A note's markdown as React elements (see note-markdown.ts: nothing becomes raw HTML).
import { Anchor, Code, List, Text } from '@mantine/core';
import { Fragment, useMemo } from 'react';
import { parseNote, type Inline } from './note-markdown';

function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((n, i) => {
        switch (n.type) {
          case 'br':
            return <br key={i} />;
          case 'strong':
            return <strong key={i}>{n.text}</strong>;
          case 'em':
            return <em key={i}>{n.text}</em>;
          case 'code':
            return <Code key={i}>{n.text}</Code>;
          case 'link':
            return (
              <Anchor key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
                {n.text}
              </Anchor>
            );
          case 'mention':
            return (
              <Text key={i} span fw={600} c="blue">
                {n.text}
              </Text>
            );
          default:
            return <Fragment key={i}>{n.text}</Fragment>;
        }
      })}
    </>
  );
}

export function NoteBody({ markdown }: { markdown: string }) {
  const blocks = useMemo(() => parseNote(markdown), [markdown]);
  return (
    <>
      {blocks.map((b, i) =>
        b.type === 'ul' ? (
          <List key={i} size="sm" withPadding>
            {b.items.map((item, j) => (
              <List.Item key={j}>
                <InlineNodes nodes={item} />
              </List.Item>
            ))}
          </List>
        ) : (
          <Text key={i} size="sm" mb={4}>
            <InlineNodes nodes={b.lines} />
          </Text>
        ),
      )}
    </>
  );
}
