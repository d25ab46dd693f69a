// Unit tests of the static server used by the browser tests (no browser needed).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import { negotiateEncoding, startServer } from './server.mjs';

let root;
let outside;
let srv;
let corsSrv;
let preSrv;
let gzipSrv;

const WASM = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
/** What the precompressed siblings hold: marked, so a test sees which file was sent. */
const BR_TEXT = 'export const x = "from .br";';
const GZ_TEXT = 'export const x = "from .gz";';

before(async () => {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'kam-e2e-server-'));
  root = path.join(base, 'root');
  outside = path.join(base, 'secret.txt');
  await fs.mkdir(path.join(root, 'sub'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>root</title>');
  await fs.writeFile(path.join(root, 'app-1a2b.js'), 'export const x = 1;');
  await fs.writeFile(path.join(root, 'app-1a2b_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  await fs.writeFile(path.join(root, 'style.css'), 'body{}');
  await fs.writeFile(path.join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await fs.writeFile(path.join(root, 'data.json'), '{}');
  await fs.writeFile(path.join(root, 'sub', 'index.html'), 'sub');
  await fs.writeFile(path.join(root, '中文 名.txt'), 'hi');
  await fs.writeFile(outside, 'top secret');
  // Siblings as scripts/precompress.mjs writes them; style.css has only a .gz, data.json none.
  await fs.writeFile(path.join(root, 'app-1a2b.js.br'), zlib.brotliCompressSync(BR_TEXT));
  await fs.writeFile(path.join(root, 'app-1a2b.js.gz'), zlib.gzipSync(GZ_TEXT));
  await fs.writeFile(path.join(root, 'app-1a2b_bg.wasm.br'), zlib.brotliCompressSync(WASM));
  await fs.writeFile(path.join(root, 'app-1a2b_bg.wasm.gz'), zlib.gzipSync(WASM));
  await fs.writeFile(path.join(root, 'index.html.br'), zlib.brotliCompressSync('<!doctype html><title>root</title>'));
  await fs.writeFile(path.join(root, 'style.css.gz'), zlib.gzipSync('body{}'));
  await fs.symlink(outside, path.join(root, 'data.json.br'));
  srv = await startServer(root, { extraHeaders: { 'X-Test': 'yes' } });
  corsSrv = await startServer(root, { cors: true });
  preSrv = await startServer(root, { precompressed: true });
  gzipSrv = await startServer(root, { precompressed: ['gzip'] });
});

after(async () => {
  for (const s of [srv, corsSrv, preSrv, gzipSrv]) await s?.close();
  if (root) await fs.rm(path.dirname(root), { recursive: true, force: true });
});

/** Raw GET (no URL normalization by the client, so `..` reaches the server). */
function get(port, rawPath, method = 'GET', headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('binds to 127.0.0.1 with a picked port', () => {
  assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.ok(srv.port > 0);
});

test('/ serves index.html', async () => {
  const res = await get(srv.port, '/');
  assert.equal(res.status, 200);
  assert.match(res.headers['content-type'], /^text\/html/);
  assert.equal(res.body.toString(), '<!doctype html><title>root</title>');
  assert.equal(res.headers['x-test'], 'yes', 'extraHeaders are sent');
  assert.equal(res.headers['access-control-allow-origin'], undefined, 'no CORS unless asked');
});

test('MIME types', async () => {
  const cases = {
    '/index.html': /^text\/html/,
    '/app-1a2b.js': /^text\/javascript/,
    '/app-1a2b_bg.wasm': /^application\/wasm$/,
    '/style.css': /^text\/css/,
    '/icon.svg': /^image\/svg\+xml$/,
    '/data.json': /^application\/json/,
  };
  for (const [p, re] of Object.entries(cases)) {
    const res = await get(srv.port, p);
    assert.equal(res.status, 200, p);
    assert.match(res.headers['content-type'], re, p);
  }
});

test('directories serve their index.html; query strings are ignored', async () => {
  assert.equal((await get(srv.port, '/sub/')).body.toString(), 'sub');
  assert.equal((await get(srv.port, '/index.html?v=1#x')).status, 200);
});

test('percent-encoded names', async () => {
  const res = await get(srv.port, '/' + encodeURIComponent('中文 名.txt'));
  assert.equal(res.status, 200);
  assert.equal(res.body.toString(), 'hi');
});

test('missing files are 404 (no SPA fallback)', async () => {
  assert.equal((await get(srv.port, '/nope.js')).status, 404);
  assert.equal((await get(srv.port, '/customers')).status, 404);
});

test('path traversal is refused', async () => {
  for (const p of [
    '/../secret.txt',
    '/sub/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/sub/..%5c..%5csecret.txt',
    '/%00index.html',
    '/%E0%A4%A',
  ]) {
    const res = await get(srv.port, p);
    assert.equal(res.status, 404, p);
    assert.ok(!res.body.toString().includes('top secret'), p);
  }
});

test('HEAD has headers but no body; other methods are 405', async () => {
  const head = await get(srv.port, '/app-1a2b.js', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(head.headers['content-length'], String('export const x = 1;'.length));
  assert.equal((await get(srv.port, '/', 'POST')).status, 405);
});

test('cors option sends Access-Control-Allow-Origin: *', async () => {
  const res = await get(corsSrv.port, '/app-1a2b_bg.wasm');
  assert.equal(res.status, 200);
  assert.equal(res.headers['access-control-allow-origin'], '*');
});

test('close() stops listening', async () => {
  const s = await startServer(root);
  await s.close();
  await assert.rejects(get(s.port, '/'));
});

// ---- precompressed siblings ---------------------------------------------------------------

/** The decoded body of a response, by its Content-Encoding. */
function decoded(res) {
  const coding = res.headers['content-encoding'];
  if (coding === 'br') return zlib.brotliDecompressSync(res.body);
  if (coding === 'gzip') return zlib.gunzipSync(res.body);
  assert.equal(coding, undefined, 'a known Content-Encoding');
  return res.body;
}

test('Accept-Encoding negotiation: brotli preferred, q-values, *, x-gzip', () => {
  const both = ['br', 'gzip'];
  const cases = [
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip, deflate, br, zstd', 'br'], // what Chromium sends
    ['gzip, deflate', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['gzip;q=0.8, br;q=0.8', 'br'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['gzip;q=0, br;q=0', null],
    ['br;q=abc, gzip', 'gzip'],
  ];
  for (const [header, want] of cases) assert.equal(negotiateEncoding(header, both), want, `${header}`);
  assert.equal(negotiateEncoding('gzip, br', ['gzip']), 'gzip', 'only what is offered');
  assert.equal(negotiateEncoding('br', ['gzip']), null);
});

test('precompressed: x.br for a client that accepts br, x.gz for gzip only, x otherwise', async () => {
  const br = await get(preSrv.port, '/app-1a2b.js', 'GET', { 'Accept-Encoding': 'gzip, deflate, br' });
  assert.equal(br.status, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.match(br.headers['content-type'], /^text\/javascript/, 'the MIME type of the file, not of .br');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.equal(Number(br.headers['content-length']), br.body.length);
  assert.equal(decoded(br).toString(), BR_TEXT);

  const gz = await get(preSrv.port, '/app-1a2b.js', 'GET', { 'Accept-Encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gz.headers.vary, 'Accept-Encoding');
  assert.equal(decoded(gz).toString(), GZ_TEXT);

  for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
    const plain = await get(preSrv.port, '/app-1a2b.js', 'GET', accept ? { 'Accept-Encoding': accept } : {});
    assert.equal(plain.headers['content-encoding'], undefined, `${accept}`);
    assert.equal(plain.headers.vary, 'Accept-Encoding', 'the uncompressed answer varies too');
    assert.equal(plain.body.toString(), 'export const x = 1;', `${accept}`);
  }
});

test('precompressed: the wasm keeps application/wasm; index.html and / use their siblings', async () => {
  const wasm = await get(preSrv.port, '/app-1a2b_bg.wasm', 'GET', { 'Accept-Encoding': 'gzip, br' });
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(wasm.headers['content-encoding'], 'br');
  assert.deepEqual(decoded(wasm), WASM);
  for (const p of ['/', '/index.html']) {
    const res = await get(preSrv.port, p, 'GET', { 'Accept-Encoding': 'br' });
    assert.equal(res.headers['content-encoding'], 'br', p);
    assert.match(res.headers['content-type'], /^text\/html/, p);
    assert.equal(decoded(res).toString(), '<!doctype html><title>root</title>', p);
  }
});

test('precompressed: a missing sibling falls back to the next coding, then to the file', async () => {
  const css = await get(preSrv.port, '/style.css', 'GET', { 'Accept-Encoding': 'br, gzip' });
  assert.equal(css.headers['content-encoding'], 'gzip', 'style.css has a .gz only');
  assert.equal(decoded(css).toString(), 'body{}');
  const cssBr = await get(preSrv.port, '/style.css', 'GET', { 'Accept-Encoding': 'br' });
  assert.equal(cssBr.headers['content-encoding'], undefined);
  assert.equal(cssBr.body.toString(), 'body{}');
  const svg = await get(preSrv.port, '/icon.svg', 'GET', { 'Accept-Encoding': 'br, gzip' });
  assert.equal(svg.headers['content-encoding'], undefined, 'no sibling at all');
  assert.equal(svg.headers.vary, undefined);
});

test('precompressed: a sibling that links out of the root is never sent', async () => {
  const res = await get(preSrv.port, '/data.json', 'GET', { 'Accept-Encoding': 'br' });
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-encoding'], undefined);
  assert.equal(res.body.toString(), '{}');
});

test('precompressed: HEAD gives the compressed length and no body', async () => {
  const head = await get(preSrv.port, '/app-1a2b.js', 'HEAD', { 'Accept-Encoding': 'gzip' });
  assert.equal(head.headers['content-encoding'], 'gzip');
  assert.equal(head.body.length, 0);
  const gz = await fs.readFile(path.join(root, 'app-1a2b.js.gz'));
  assert.equal(head.headers['content-length'], String(gz.length));
});

test('precompressed: [\'gzip\'] never sends brotli, even to a client that prefers it', async () => {
  const res = await get(gzipSrv.port, '/app-1a2b.js', 'GET', { 'Accept-Encoding': 'br, gzip' });
  assert.equal(res.headers['content-encoding'], 'gzip');
  assert.equal(decoded(res).toString(), GZ_TEXT);
  const brOnly = await get(gzipSrv.port, '/app-1a2b.js', 'GET', { 'Accept-Encoding': 'br' });
  assert.equal(brOnly.headers['content-encoding'], undefined);
  assert.equal(brOnly.body.toString(), 'export const x = 1;');
});

test('by default the files are sent as they are, whatever lies beside them', async () => {
  for (const p of ['/app-1a2b.js', '/app-1a2b_bg.wasm', '/', '/style.css']) {
    const res = await get(srv.port, p, 'GET', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    assert.equal(res.status, 200, p);
    assert.equal(res.headers['content-encoding'], undefined, p);
    assert.equal(res.headers.vary, undefined, p);
  }
  const js = await get(srv.port, '/app-1a2b.js', 'GET', { 'Accept-Encoding': 'br' });
  assert.equal(js.body.toString(), 'export const x = 1;');
});

test('precompressed accepts true, false or a list of br / gzip', async () => {
  await assert.rejects(startServer(root, { precompressed: ['deflate'] }), /precompressed must be/);
  await assert.rejects(startServer(root, { precompressed: 'br' }), /precompressed must be/);
});
