/**
 * The origin feed links are absolute against: the configured public URL, else the address the
 * connection reached this server on, never the request's Host (or X-Forwarded-Host) header, which
 * the client writes: `Host: evil.example` must not put `http://evil.example/…` links in a feed
 * that caches and readers then share.
 */
import type { Context } from 'hono';
import { isIPv4, isIPv6, type Socket } from 'node:net';

/** Origin when the app runs outside a node HTTP server (`app.request` in tests). */
const IN_PROCESS_ORIGIN = 'http://localhost';

/**
 * `http://<local address>:<port>` of the connection `c` came in on (@hono/node-server passes
 * the node request as `c.env.incoming`); with a wildcard listener, the interface it reached.
 */
function listeningOrigin(c: Context): string | undefined {
  const socket = (c.env as { incoming?: { socket?: Socket } } | undefined)?.incoming?.socket;
  const address = socket?.localAddress;
  const port = socket?.localPort;
  if (address === undefined || port === undefined) return undefined;
  // A dual-stack listener reports IPv4 clients as ::ffff:a.b.c.d.
  const host = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
  return `http://${isIPv6(host) ? `[${host}]` : host}:${port}`;
}

/**
 * The origin (no trailing slash) for absolute links in responses to `c`.
 * @example feedOrigin(c, undefined) // 'http://127.0.0.1:8080'
 */
export function feedOrigin(c: Context, publicUrl: string | undefined): string {
  return (publicUrl ?? listeningOrigin(c) ?? IN_PROCESS_ORIGIN).replace(/\/+$/, '');
}
