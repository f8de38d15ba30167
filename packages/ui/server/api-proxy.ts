// Forwards the API's paths (api-paths.ts) from an app server to the API, for a machine without a
// reverse proxy (`npm run start:prod`, the browser tests on the compiled build: PROXY_API=true). In
// production HAProxy routes these paths and the app servers never see them.
//
// HTTP requests are streamed both ways; WebSocket upgrades (Socket.IO) are tunnelled: the API's
// 101 answer goes back to the browser and the two sockets are joined. The Host header is kept, as
// Vite's dev proxy (changeOrigin off) and HAProxy keep it: the API picks the app's own session
// cookie by it.
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';

// RFC 9110 §7.6.1: these describe one connection, not the message, and are not forwarded.
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

function endToEndHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const listed = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.has(name) && !listed.has(name)));
}

/** The raw head of an HTTP/1.1 response, for answering on a socket that left the HTTP parser. */
function responseHead(status: number, message: string, rawHeaders: readonly string[]): string {
  const lines = [`HTTP/1.1 ${status} ${message}`];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) lines.push(`${rawHeaders[i]}: ${rawHeaders[i + 1]}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export interface ApiProxy {
  /** Forwards one HTTP request; answers 502 when the API cannot be reached. */
  web(req: IncomingMessage, res: ServerResponse): void;
  /** Tunnels an Upgrade request (WebSocket). */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export function createApiProxy(apiUrl: string): ApiProxy {
  const target = new URL(apiUrl);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const options = (req: IncomingMessage, headers: IncomingHttpHeaders) => ({
    protocol: target.protocol,
    hostname: target.hostname,
    port: target.port || undefined,
    method: req.method,
    path: req.url,
    headers,
  });

  return {
    web(req, res) {
      const upstream = send(options(req, endToEndHeaders(req.headers)), (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      });
      upstream.on('error', () => {
        if (res.headersSent) res.destroy();
        else res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The API is not reachable.');
      });
      // The browser went away: stop the API's side too.
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      req.pipe(upstream);
    },

    upgrade(req, socket, head) {
      socket.on('error', () => socket.destroy());
      // Connection: Upgrade and Upgrade: websocket are what this request is about: they travel on.
      const upstream = send(options(req, req.headers));
      // The browser went away (before or after the upgrade): drop the API's side too.
      socket.on('close', () => upstream.destroy());
      upstream.on('upgrade', (answer, apiSocket, apiHead) => {
        apiSocket.on('error', () => socket.destroy());
        apiSocket.on('close', () => socket.destroy());
        socket.write(responseHead(101, answer.statusMessage ?? 'Switching Protocols', answer.rawHeaders));
        if (apiHead.length) socket.write(apiHead);
        if (head.length) apiSocket.write(head);
        apiSocket.pipe(socket).pipe(apiSocket);
      });
      // The API declined the upgrade (e.g. 400 for an unknown Socket.IO session): its answer goes
      // back as it came, its body ended by closing the connection (Node decoded any chunking).
      upstream.on('response', (answer) => {
        const raw = answer.rawHeaders.flatMap((value, i, all) => (i % 2 === 0 && !hopByHop.has(value.toLowerCase()) ? [value, all[i + 1]!] : []));
        socket.write(responseHead(answer.statusCode ?? 502, answer.statusMessage ?? '', [...raw, 'Connection', 'close']));
        answer.pipe(socket);
      });
      upstream.on('error', () => {
        if (socket.writable) socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        else socket.destroy();
      });
      upstream.end();
    },
  };
}
