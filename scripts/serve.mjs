#!/usr/bin/env node
// A tiny static file server for the demo page: serves the project root on 127.0.0.1 only, so
// web/ can load ../wasm/worker.mjs and ../dist/presslens-core.mjs by relative URL. Nothing
// here touches the network beyond the loopback interface.
//
//   node scripts/serve.mjs            # PORT from the environment, else 8080, else a free port
//   import { serve } from './serve.mjs'; const { url, close } = await serve({ port: 0 });
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

function handler(root) {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      send(res, 400, 'bad request\n');
      return;
    }
    if (path === '/') {
      send(res, 302, 'see /web/\n', { location: '/web/' });
      return;
    }
    // No dot-files or dot-directories (.git, .cache), and nothing outside the root.
    if (path.includes('\0') || path.split('/').some((part) => part.startsWith('.'))) {
      send(res, 404, 'not found\n');
      return;
    }
    let file = resolve(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      send(res, 404, 'not found\n');
      return;
    }
    let stat;
    try {
      stat = statSync(file);
      if (stat.isDirectory()) {
        if (!path.endsWith('/')) {
          send(res, 301, 'moved\n', { location: `${path}/` });
          return;
        }
        file = join(file, 'index.html');
        stat = statSync(file);
      }
    } catch {
      send(res, 404, 'not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };
}

function listen(server, port, host) {
  return new Promise((ok, fail) => {
    const onError = (e) => { server.off('listening', onListening); fail(e); };
    const onListening = () => { server.off('error', onError); ok(); };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Serves `root` (default: the project) on `host`:`port`. If the port is taken, falls back to a
 * free one. Returns { url, demoURL, port, close }.
 */
export async function serve({ root = ROOT, port = 8080, host = '127.0.0.1' } = {}) {
  const server = createServer(handler(resolve(root)));
  try {
    await listen(server, port, host);
  } catch (e) {
    if (e.code !== 'EADDRINUSE' && e.code !== 'EACCES') throw e;
    await listen(server, 0, host);
  }
  const actual = server.address().port;
  const url = `http://${host}:${actual}`;
  return {
    url,
    demoURL: `${url}/web/`,
    port: actual,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const wanted = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
    console.error(`serve: PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
    process.exit(2);
  }
  const server = await serve({ port: wanted });
  if (server.port !== wanted && wanted !== 0) console.log(`Port ${wanted} is taken; using ${server.port}.`);
  console.log(`presslens demo: ${server.demoURL}`);
  console.log('Serving on 127.0.0.1 only. Press Ctrl+C to stop.');
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
