// The virus-scan hook every private upload passes through before it is stored. Without a scanner
// configured, files are accepted and recorded as `unscanned`; with CLAMD_HOST set, each file is
// streamed to ClamAV's clamd (INSTREAM) and an infected one is refused.
import { connect } from 'node:net';

export type ScanVerdict = { status: 'clean' | 'unscanned' } | { status: 'infected'; signature: string };

export interface FileScanner {
  readonly kind: 'none' | 'clamd';
  scan(bytes: Buffer): Promise<ScanVerdict>;
}

export const noScanner: FileScanner = { kind: 'none', scan: async () => ({ status: 'unscanned' }) };

/** clamd's INSTREAM: `zINSTREAM\0`, then <4-byte big-endian length><chunk>… and a zero length. */
export function clamdScanner(host: string, port: number, timeoutMs = 15_000): FileScanner {
  return {
    kind: 'clamd',
    scan: (bytes) =>
      new Promise((resolve, reject) => {
        const socket = connect({ host, port });
        let reply = '';
        socket.setTimeout(timeoutMs, () => socket.destroy(new Error('clamd did not answer in time')));
        socket.on('error', reject);
        socket.on('data', (d) => (reply += d.toString('utf8')));
        socket.on('end', () => {
          const text = reply.replace(/\0/g, '').trim();
          if (/: OK$/.test(text)) return resolve({ status: 'clean' });
          const found = /: (.+) FOUND$/.exec(text);
          if (found) return resolve({ status: 'infected', signature: found[1]! });
          reject(new Error(`clamd answered: ${text || '(nothing)'}`));
        });
        socket.write('zINSTREAM\0');
        for (let at = 0; at < bytes.length; at += 64 * 1024) {
          const chunk = bytes.subarray(at, at + 64 * 1024);
          const size = Buffer.alloc(4);
          size.writeUInt32BE(chunk.length);
          socket.write(size);
          socket.write(chunk);
        }
        socket.end(Buffer.alloc(4));
      }),
  };
}

export function createFileScanner(env: { CLAMD_HOST?: string | undefined; CLAMD_PORT: number }): FileScanner {
  return env.CLAMD_HOST ? clamdScanner(env.CLAMD_HOST, env.CLAMD_PORT) : noScanner;
}
