// End-to-end tests of the import worker (src/worker.rs, src/ui/import_worker.rs): files are read
// in a Web Worker, so the page keeps answering while a zip bomb or a 20 MB CSV is read, a read
// can be cancelled at once, and a worker that cannot start gives a clear message.
//
// Responsiveness is measured in the page, from the file input's `change` event to the worker's
// last message (its table or its error; the page's own work on the result comes after and is not
// the reader's): long tasks (PerformanceObserver 'longtask', checked first to be reported at
// all), animation frames, and `page.evaluate` round trips. Files are written to a temporary folder
// and set by path, so no test harness work (decoding a buffer) runs in the page.
//
// Run: node --test --test-concurrency=1 e2e/import_worker.test.mjs   (after `make build`)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { DIST, appSuite, withApp } from './helpers.mjs';
import { startServer } from './server.mjs';
import { MIB, bomb, workbook } from './zipfiles.mjs';

const TEST_TIMEOUT = 120_000;
/** A bomb's message must show within this, from setting the file. */
const LIMIT_MS = 5_000;
/** No task on the page's main thread may take longer while a file is read. */
const LONG_TASK_MS = 100;
/** Animation frames must keep coming while a file is read: 20 per second, none more than 200 ms apart. */
const FRAME_EVERY_MS = 50;
const FRAME_GAP_MS = 200;
/** Most a `page.evaluate` round trip may take while a file is read. */
const ROUND_TRIP_MS = 250;
/** The read-cancelled note must show within this after the click. */
const CANCEL_MS = 1_000;
/** A cancelled worker must have ended by then (Chromium's 2 s grace for a busy worker, and margin). */
const WORKER_GONE_MS = 2_500;

const suite = appSuite();
let tmp;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-import-worker-'));
});
after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Writes `buffer` to the temporary folder as `name` and returns its path. */
function tmpFile(name, buffer) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, buffer);
  return file;
}

/** A customer CSV of `rows` rows (`客户{i},{i*1000},制造,华东`, CRLF) under its Chinese header. */
function customersCsv(rows) {
  const lines = ['客户名称,年采购额,行业,区域'];
  for (let i = 1; i <= rows; i++) lines.push(`客户${i},${i * 1000},制造,华东`);
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

/** 520,000 rows, about 19.5 MB (the import takes up to 20 MiB). */
const LARGE_ROWS = 520_000;
const SMALL_CSV = Buffer.from('客户名称,年采购额,行业,区域\r\n华远通信,1200000,通信,华东\r\n江南新能源,800000,新能源,华东\r\n');

/**
 * Installs the page's instruments (once the app runs): long tasks, animation frames, the file
 * input's `change` time, every text of the reading status and value of its bar, and the arrival
 * time and kind of every message a worker posts (its `Worker` is wrapped to listen first).
 */
async function instrument(page) {
  await page.evaluate(() => {
    const iw = { longTasks: [], frames: [], change: null, statuses: [], bars: [], messages: [] };
    window.__iw = iw;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) iw.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: false });
    const frame = () => {
      iw.frames.push(performance.now());
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    document.addEventListener('change', () => {
      iw.change = performance.now();
    }, true);
    new MutationObserver(() => {
      const now = performance.now();
      const status = document.querySelector('[data-testid=import-reading]');
      if (status && status.textContent !== iw.statuses.at(-1)?.text) iw.statuses.push({ t: now, text: status.textContent });
      const bar = document.querySelector('progress.import-progress');
      const value = bar?.getAttribute('value') ?? null;
      if (bar && value !== iw.bars.at(-1)?.value) iw.bars.push({ t: now, value, max: bar.getAttribute('max') });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const PageWorker = window.Worker;
    window.Worker = class extends PageWorker {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => {
          iw.messages.push({ t: performance.now(), kind: Array.isArray(e.data) ? String(e.data[0]) : typeof e.data });
        });
      }
    };
  });
}

/** Fails loudly when Chromium does not report long tasks (the checks would pass vacuously). */
async function assertLongTasksReported(page) {
  await page.evaluate(() => {
    setTimeout(() => {
      const start = performance.now();
      while (performance.now() - start < 200);
    }, 0);
  });
  const seen = await page
    .waitForFunction(() => window.__iw.longTasks.some((t) => t.duration >= 190), null, { timeout: 5_000 })
    .then(() => true, () => false);
  assert.ok(seen, 'Chromium did not report a 200 ms busy loop as a long task: the long-task checks cannot be trusted');
  await page.evaluate(() => {
    window.__iw.longTasks.length = 0;
  });
}

/** `page.evaluate` round trips every 100 ms until `stop()`: [{ms, at}] (`at`: page time it ran). */
function roundTrips(page) {
  const trips = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const sent = Date.now();
      const at = await page.evaluate(() => performance.now()).catch(() => null);
      if (at !== null) trips.push({ ms: Date.now() - sent, at });
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return trips;
    },
  };
}

/**
 * What the instruments saw of the read that began with the last `change`: the window from that
 * event to the worker's final message (`table` or `error`), the long tasks in it (those that end
 * before the message: the task that handles the message is the page's work on the result), the
 * frames in it and the longest gap between them, and the page's task on the result.
 */
async function readWindow(page, trips = []) {
  const iw = await page.evaluate(() => window.__iw);
  assert.ok(iw.change !== null, 'the file input fired change');
  const last = iw.messages.find((m) => m.t >= iw.change && (m.kind === 'table' || m.kind === 'error'));
  assert.ok(last, `a worker sent the table or the error (messages: ${iw.messages.map((m) => m.kind).join(', ') || 'none'})`);
  const [from, to] = [iw.change, last.t];
  const inside = iw.longTasks.filter((t) => t.start + t.duration > from && t.start + t.duration < to);
  const onResult = iw.longTasks.find((t) => t.start <= to && to <= t.start + t.duration);
  const frames = iw.frames.filter((f) => f >= from && f <= to);
  let gap = 0;
  for (const [a, b] of [from, ...frames, to].map((f, i, all) => [f, all[i + 1]]).slice(0, -1)) gap = Math.max(gap, b - a);
  const during = trips.filter((r) => r.at >= from && r.at < to);
  return {
    kind: last.kind,
    ms: to - from,
    longTasks: inside,
    longest: Math.max(0, ...inside.map((t) => t.duration)),
    onResult: onResult?.duration ?? 0,
    frames: frames.length,
    fps: frames.length / ((to - from) / 1000),
    frameGap: gap,
    trips: during.length,
    slowestTrip: Math.max(0, ...during.map((r) => r.ms)),
    statuses: iw.statuses.filter((s) => s.t >= from),
    bars: iw.bars.filter((b) => b.t >= from),
    from,
    to,
  };
}

/** The main thread was free over the read: no long task, frames at 20 per second, quick round trips. */
function assertResponsive(w, what) {
  assert.deepEqual(
    w.longTasks.filter((t) => t.duration > LONG_TASK_MS).map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.start - w.from)} ms`),
    [],
    `${what}: no long task over ${LONG_TASK_MS} ms on the main thread during the read`,
  );
  assert.ok(
    w.frames >= Math.floor(w.ms / FRAME_EVERY_MS),
    `${what}: ${w.frames} animation frames in ${Math.round(w.ms)} ms (at least one per ${FRAME_EVERY_MS} ms)`,
  );
  assert.ok(w.frameGap <= FRAME_GAP_MS, `${what}: no animation frame for ${Math.round(w.frameGap)} ms`);
  assert.ok(w.slowestTrip < ROUND_TRIP_MS, `${what}: an evaluate round trip took ${w.slowestTrip} ms`);
}

function figures(w) {
  return `read ${Math.round(w.ms)} ms, ${w.frames} frames (${w.fps.toFixed(0)}/s, longest gap ${Math.round(w.frameGap)} ms), ` +
    `longest task ${Math.round(w.longest)} ms, ${w.trips} round trips (slowest ${w.slowestTrip} ms), ` +
    `then the page's task on the result ${Math.round(w.onResult)} ms`;
}

// ---- 1. zip bombs ------------------------------------------------------------------------------

const CELLS = Buffer.from('<c/>'.repeat(256 * 1024)); // 1 MiB of empty cells
const BOMBS = [
  {
    what: 'a sheet of 4 GiB declared as such',
    // Refused from the central directory, before anything is inflated.
    file: () => workbook(bomb('xl/worksheets/sheet1.xml', CELLS, 4095)),
    zh: /^这个工作簿解压后超过 256\.0 MB（可能是压缩炸弹或超大表）；请另存为 CSV 或拆分后再导入。$/,
  },
  {
    what: 'a sheet of 4 GiB declared as 255 MiB',
    // Under the size and ratio caps by its header, so the worker inflates 255 MiB before the lie shows.
    file: () => workbook(bomb('xl/worksheets/sheet1.xml', CELLS, 4096, 255 * MIB)),
    zh: /^工作簿中的 xl\/worksheets\/sheet1\.xml 声明大小为 267386880 字节，实际内容不符/,
  },
];

for (const b of BOMBS) {
  test(`zh: ${b.what} ends in its limit message within 5 s while the page answers`, { timeout: TEST_TIMEOUT }, async (t) => {
    await withApp(suite, { slug: `worker-bomb-${b.what.replace(/\W+/g, '-')}`, hash: '#/customers', consoleClean: true }, async (page) => {
      const buffer = b.file();
      assert.ok(buffer.length < 20 * MIB, `a small file (${buffer.length} bytes)`);
      const file = tmpFile('bomb.xlsx', buffer);
      await instrument(page);
      await assertLongTasksReported(page);
      await page.getByTestId('customers-import').click();

      const trips = roundTrips(page);
      const started = Date.now();
      await page.getByTestId('import-file').setInputFiles(file);
      const error = page.getByTestId('import-error');
      await error.waitFor({ timeout: LIMIT_MS });
      const elapsed = Date.now() - started;
      const w = await readWindow(page, await trips.stop());
      t.diagnostic(`${b.what}: message after ${elapsed} ms; ${figures(w)}`);

      assert.ok(elapsed < LIMIT_MS, `the message took ${elapsed} ms`);
      assert.match(await error.textContent(), b.zh);
      assert.equal(w.kind, 'error', 'the worker sent the error');
      assertResponsive(w, b.what);
      // The dialog still closes.
      await page.getByTestId('import-cancel').click();
      await page.getByTestId('import-dialog').waitFor({ state: 'detached', timeout: LIMIT_MS });
    });
  });
}

// ---- 2. cancelling a large read ---------------------------------------------------------------

test('zh: cancelling a 19.5 MB CSV while it is read: the note at once, nothing imported, the worker ended; the next file imports', { timeout: TEST_TIMEOUT }, async (t) => {
  await withApp(suite, { slug: 'worker-cancel', hash: '#/customers', consoleClean: true }, async (page) => {
    const file = tmpFile('大客户.csv', customersCsv(LARGE_ROWS));
    await instrument(page);
    const workers = [];
    page.on('worker', (worker) => {
      const w = { worker, closed: null };
      worker.on('close', () => {
        w.closed = Date.now();
      });
      workers.push(w);
    });
    await page.getByTestId('customers-import').click();
    await page.evaluate(() => {
      document.addEventListener('click', (e) => {
        window.__iw.clickedAt = document.querySelector('[data-testid=import-reading]')?.textContent ?? null;
        window.__iw.clickedOn = e.target.closest('button')?.textContent ?? null;
      }, { capture: true, once: true });
    });
    await page.getByTestId('import-file').setInputFiles(file);

    // As soon as rows are counted, a real click on "取消读取".
    await page.waitForFunction(
      () => /已读取 [\d,]+ 行$/.test(document.querySelector('[data-testid=import-reading]')?.textContent ?? ''),
      null,
      { polling: 'raf', timeout: 20_000 },
    );
    const cancel = page.getByTestId('import-cancel-read');
    const box = await cancel.boundingBox();
    const clicked = Date.now();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const note = page.getByTestId('import-read-cancelled');
    await note.waitFor({ timeout: CANCEL_MS });
    const noteAfter = Date.now() - clicked;
    assert.equal(await note.textContent(), '已取消读取 大客户.csv，未导入任何内容。可以重新选择文件。');

    const iw = await page.evaluate(() => window.__iw);
    assert.equal(iw.clickedOn, '取消读取', 'the click hit the cancel-read button');
    assert.match(iw.clickedAt ?? '', /^正在读取 大客户\.csv… 已读取 [\d,]+ 行$/, 'the click landed while the file was read');
    const values = iw.bars.filter((b) => b.value !== null).map((b) => Number(b.value));
    assert.ok(values.some((v) => v >= 1 && v <= 999), `the bar showed a share of the file (values ${values.join(', ')})`);
    assert.ok(iw.bars.every((b) => b.value === null || b.max === '1000'), 'the bar counts to 1000');
    assert.ok(!iw.messages.some((m) => m.kind === 'table' || m.kind === 'error'), 'the worker never sent a result');

    assert.equal(await cancel.count(), 0, 'the cancel-read button is gone');

    // Nothing comes of the cancelled read.
    await page.waitForTimeout(3_000);
    // The worker has ended: Chromium lets a worker that is running script go on for up to 2 s
    // after terminate() (Blink's kForcibleTerminationDelay) before it stops it by force.
    assert.equal(workers.length, 1, 'one worker was started');
    assert.ok(workers[0].closed !== null && workers[0].closed - clicked <= WORKER_GONE_MS,
      `the worker ended within ${WORKER_GONE_MS} ms of the click (${workers[0].closed === null ? 'still running' : `${workers[0].closed - clicked} ms`})`);
    t.diagnostic(`cancelled at "${iw.clickedAt}": note after ${noteAfter} ms, worker ended after ${workers[0].closed - clicked} ms; bar values ${values.slice(0, 3).join(', ')}…`);
    assert.equal(await page.getByTestId('import-mapping').count(), 0, 'no mapping step after cancelling');
    assert.equal(await page.getByTestId('import-error').count(), 0, 'no error after cancelling');
    assert.equal(await page.getByTestId('import-reading').count(), 0, 'no reading status after cancelling');
    assert.ok(await note.isVisible(), 'the note stays');

    // A small file then reads as usual.
    await page.getByTestId('import-file').setInputFiles(tmpFile('小客户.csv', SMALL_CSV));
    await page.getByTestId('import-mapping').waitFor({ timeout: LIMIT_MS });
    assert.match(await page.getByTestId('import-summary').textContent(), /^可导入 2 行；有错误 0 行/);
    assert.equal(workers.length, 2, 'a new worker read the second file');
  });
});

// ---- 3. no long task while a 20 MB CSV is read ------------------------------------------------

test('zh: no long task on the main thread while a 20 MB CSV is read', { timeout: TEST_TIMEOUT }, async (t) => {
  await withApp(suite, { slug: 'worker-no-long-task', hash: '#/customers', consoleClean: true }, async (page) => {
    const rows = 540_000;
    const buffer = customersCsv(rows);
    assert.ok(buffer.length > 20_000_000 && buffer.length <= 20 * MIB, `a file near the 20 MiB cap (${buffer.length} bytes)`);
    const file = tmpFile('large.csv', buffer);
    await instrument(page);
    await assertLongTasksReported(page);
    await page.getByTestId('customers-import').click();

    const trips = roundTrips(page);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor({ timeout: 60_000 });
    const w = await readWindow(page, await trips.stop());
    const counted = w.statuses
      .map((s) => s.text.match(/已读取 ([\d,]+) 行$/)?.[1])
      .filter(Boolean)
      .map((n) => Number(n.replaceAll(',', '')));
    const lastProgress = w.statuses.filter((s) => /已读取/.test(s.text)).at(-1);
    t.diagnostic(`${(buffer.length / MIB).toFixed(1)} MiB, ${rows} rows: ${figures(w)}; ` +
      `${counted.length} progress texts, the first at +${Math.round(w.statuses.find((s) => /已读取/.test(s.text))?.t - w.from)} ms, ` +
      `the last (${counted.at(-1)} rows) at +${Math.round(lastProgress?.t - w.from)} ms`);

    assert.equal(w.kind, 'table', 'the worker sent the table');
    // Progress was shown all along the read, every 4096 rows, in order, and at the end the whole
    // file: its last row (the header is row 1).
    assert.ok(counted.length >= 50, `${counted.length} progress texts`);
    const steps = counted.slice(0, -1);
    assert.ok(steps.every((n, i) => n % 4096 === 0 && (i === 0 || n > steps[i - 1])), `rows read in steps of 4096: ${steps.slice(0, 5).join(', ')}…`);
    assert.equal(counted.at(-1), rows + 1, `the last progress text counts the file's last row`);
    assert.ok(lastProgress.t <= w.to, 'the last progress text came before the result');
    assertResponsive(w, 'a 20 MB CSV');
  });
});

// ---- 4. a worker that cannot start -------------------------------------------------------------

/** The worker's loader named in dist/index.html's meta, e.g. `import-worker-<hash>_loader.js`. */
function workerLoader() {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const name = html.match(/<meta name="kam-import-worker" content="\.\/([^"]+_loader\.js)"/)?.[1];
  assert.ok(name, 'dist/index.html names the import worker in its meta');
  return name;
}

/** Serves a copy of dist without `file`, runs `fn(server)`, then stops and removes it. */
async function withoutFile(file, fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-no-worker-'));
  let server;
  try {
    fs.cpSync(DIST, dir, { recursive: true });
    fs.rmSync(path.join(dir, file));
    server = await startServer(dir);
    await fn(server);
  } finally {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const READER_FAILED = '文件读取程序无法运行，文件未导入。请刷新页面后重试；如果本工具嵌入在门户页面中，其框架需要允许脚本和同源访问（见部署说明）。';

/** In the open import dialog `prefix`: a small file gives the reader's failure with its detail. */
async function readerFails(page, prefix, name, buffer, detail) {
  const started = Date.now();
  await page.getByTestId(`${prefix}-file`).setInputFiles({ name, mimeType: 'text/csv', buffer });
  const error = page.getByTestId(`${prefix}-error`);
  await error.waitFor({ timeout: LIMIT_MS });
  assert.ok(Date.now() - started < LIMIT_MS, 'the message came at once');
  assert.equal(await error.textContent(), READER_FAILED);
  const details = page.locator(`[data-testid=${prefix}-dialog] [data-testid=banner-details]`);
  assert.equal(await details.locator('summary').textContent(), '技术细节');
  await details.locator('summary').click();
  const text = await details.locator('p').textContent();
  assert.match(text, detail);
  return text;
}

const MISSING = [
  {
    what: 'its loader script is missing',
    file: (loader) => loader,
    detail: /could not be loaded/,
  },
  {
    what: 'its wasm glue script is missing',
    file: (loader) => loader.replace(/_loader\.js$/, '.js'),
    detail: /importScripts.*failed to load/,
  },
  {
    what: 'its wasm is missing',
    file: (loader) => loader.replace(/_loader\.js$/, '_bg.wasm'),
    detail: /^the reader could not start: .*404/,
  },
];

for (const m of MISSING) {
  test(`zh: when the import worker cannot start (${m.what}) the dialog says so; the page stays usable`, { timeout: TEST_TIMEOUT, todo: m.todo }, async (t) => {
    await withoutFile(m.file(workerLoader()), async (server) => {
      await withApp({ browser: suite.browser, server }, { slug: `worker-missing-${m.what.replace(/\W+/g, '-')}`, hash: '#/customers' }, async (page) => {
        await page.getByTestId('customers-import').click();
        const detail = await readerFails(page, 'import', '客户.csv', SMALL_CSV, m.detail);
        t.diagnostic(`${m.what}: "${detail}"`);
        // The file step is back: another file can be chosen, the dialog closes, the app goes on.
        assert.equal(await page.getByTestId('import-reading').count(), 0, 'not reading any more');
        assert.ok(await page.getByTestId('import-file').isVisible(), 'the file input is back');
        await page.getByTestId('import-cancel').click();
        await page.getByTestId('import-dialog').waitFor({ state: 'detached', timeout: LIMIT_MS });
        await page.getByTestId('nav-tiering').click();
        await page.getByTestId('distribution-table').waitFor({ timeout: LIMIT_MS });
        assert.match(page.url(), /#\/tiering$/);
      });
    });
  });
}

// ---- 5. the people and KPI imports use the worker too -------------------------------------------

test('zh: the people and KPI imports read through the worker too (its wasm missing: the same message)', { timeout: TEST_TIMEOUT }, async () => {
  await withoutFile(workerLoader().replace(/_loader\.js$/, '_bg.wasm'), async (server) => {
    const broken = { browser: suite.browser, server };
    await withApp(broken, { slug: 'worker-missing-people', hash: '#/team' }, async (page) => {
      await page.getByTestId('team-tab-people').click();
      await page.getByTestId('people-import').click();
      await readerFails(page, 'people-import', '人员.csv', Buffer.from('姓名,角色,产能\r\n张三,AR,1\r\n'), /404/);
    });
    await withApp(broken, { slug: 'worker-missing-kpi', hash: '#/kpi' }, async (page) => {
      await page.getByTestId('kpi-view').waitFor();
      await page.getByTestId('kpi-tab-people').click();
      await page.getByTestId('kpi-import').click();
      await readerFails(page, 'kpi-import', 'actuals.csv', Buffer.from('姓名,订货达成率\r\n周强,120%\r\n'), /404/);
    });
  });
});
