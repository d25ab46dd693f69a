// Unit tests of the static server used by the browser tests (no browser needed).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { startServer } from './server.mjs';

let root;
let outside;
let srv;
let corsSrv;

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
  srv = await startServer(root, { extraHeaders: { 'X-Test': 'yes' } });
  corsSrv = await startServer(root, { cors: true });
});

after(async () => {
  await srv?.close();
  await corsSrv?.close();
  if (root) await fs.rm(path.dirname(root), { recursive: true, force: true });
});

/** Raw GET (no URL normalization by the client, so `..` reaches the server). */
function get(port, rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
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
