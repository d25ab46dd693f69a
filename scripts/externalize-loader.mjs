#!/usr/bin/env node
// First step of trunk's post_build hook (scripts/post-build.mjs; see Trunk.toml): moves the
// inline scripts trunk writes into index.html into files of their own, so that the page runs under
// `script-src 'self'` — no 'unsafe-inline', no hash or nonce that would have to change with every
// build.
//
//   node scripts/externalize-loader.mjs            # in a trunk hook: works on $TRUNK_STAGING_DIR
//   node scripts/externalize-loader.mjs <dir>      # on a built directory holding index.html
//
// Two inline scripts are known, anything else fails the build:
// - trunk's loader, `<script type="module">import init from './kam-planner-<hash>.js'; …</script>`,
//   exactly one, whose imports must exist next to index.html. It becomes `loader-<hash>.js` beside
//   index.html (so its relative imports resolve exactly as they did inline) and the tag becomes
//   `<script type="module" src="./loader-<hash>.js" integrity="sha384-…"></script>`.
// - `trunk serve`'s autoreload script (a classic script that opens `.well-known/trunk/ws`). Trunk
//   fills in its address and websocket path only inside HTML responses, so the address becomes
//   `window.location.host` (trunk's own fallback) and the path is read from a
//   `<meta name="trunk-ws-base">` that trunk fills in instead.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HTML_FILE = 'index.html';
const SCRIPT_RE = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const WS_BASE_PLACEHOLDER = '{{__TRUNK_WS_BASE__}}';
const ADDRESS_PLACEHOLDER = "'{{__TRUNK_ADDRESS__}}'";

/** A failure that names what was expected; the hook prints it and exits non-zero. */
export class HookError extends Error {}

/** The value of attribute `name` in a tag's attribute text (`undefined` when absent). */
function attr(attrs, name) {
  const m = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?(?=\\s|$)`, 'i').exec(attrs);
  if (!m) return undefined;
  return m[1] ?? m[2] ?? m[3] ?? '';
}

const sha = (algorithm, text) => crypto.createHash(algorithm).update(text, 'utf8');

/** The specifiers of the static imports and string literals ending in .js/.wasm in `code`. */
function referencedFiles(code) {
  const out = new Set();
  for (const m of code.matchAll(/['"`]([^'"`\s]+\.(?:js|wasm))['"`]/g)) out.add(m[1]);
  return [...out];
}

const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Trunk's loader, made to choose the module: a link straight to a view only the tools module
 * carries (`<meta name="kam-tools-routes">`, `<meta name="kam-tools">`: src/ui/modules.rs,
 * scripts/name-worker.mjs) starts the tools module alone; anything else starts the page's own
 * module as trunk would, its bindings (a dynamic import instead of trunk's static one) and its
 * wasm fetched side by side.
 */
export function chooseModule(code) {
  const IMPORT_RE = /^import init(, \* as bindings)? from '(\.\/[^']+\.js)';\s*$/m;
  const WASM_RE = /module_or_path: '(\.\/[^']+\.wasm)'/;
  const imp = IMPORT_RE.exec(code);
  const wasm = WASM_RE.exec(code);
  if (!imp || !wasm) {
    throw new HookError(`trunk's loader is not in the form this hook rewrites (import init … from '….js'; init({ module_or_path: '….wasm' })):\n${code.trim()}`);
  }
  const rest = code.replace(IMPORT_RE, '').replace(WASM_RE, 'module_or_path: wasmResponse').trim().replace(/\n{2,}/g, '\n');
  const body = rest.split('\n').map((line) => (line.trim() ? `  ${line}` : '')).join('\n');
  return `// trunk's loader, rewritten by scripts/externalize-loader.mjs (chooseModule).
const meta = (name) => document.querySelector(\`meta[name="\${name}"]\`)?.getAttribute('content') ?? '';
const view = location.hash.replace(/^#\\/?/, '').split('/')[0];
const tools = meta('kam-tools');
if (tools && view && meta('kam-tools-routes').split(/\\s+/).includes(view)) {
  const script = document.createElement('script');
  script.src = tools;
  script.setAttribute('data-kam-tools', '');
  document.head.append(script);
} else {
  const wasmResponse = fetch('${wasm[1]}');
  const bindings = await import('${imp[2]}');
  const init = bindings.default;
${body}
}
`;
}

/**
 * Rewrites `<dir>/index.html`. Returns the names of the files written.
 * @param {string} dir the directory holding index.html and trunk's outputs
 * @param {string} publicUrl trunk's public_url (`./` here), the prefix of the new `src`
 */
export function externalize(dir, publicUrl = './') {
  const htmlPath = path.join(dir, HTML_FILE);
  if (!fs.existsSync(htmlPath)) throw new HookError(`no ${HTML_FILE} in ${dir}`);
  const html = fs.readFileSync(htmlPath, 'utf8');

  const inline = [];
  for (const m of html.matchAll(SCRIPT_RE)) {
    const [tag, attrs, body] = m;
    if (attr(attrs, 'src') !== undefined || body.trim() === '') continue;
    const type = (attr(attrs, 'type') ?? '').toLowerCase();
    let kind;
    if (type === 'module') kind = 'loader';
    else if ((type === '' || type.includes('javascript')) && body.includes('.well-known/trunk/ws')) kind = 'autoreload';
    else {
      throw new HookError(
        `unexpected inline script in ${HTML_FILE} (type=${JSON.stringify(type)}): ` +
          `${body.trim().slice(0, 80)}… — put it in a file of its own; the CSP allows no inline script`,
      );
    }
    inline.push({ tag, attrs, body, kind, index: m.index });
  }

  const loaders = inline.filter((s) => s.kind === 'loader');
  if (loaders.length !== 1) {
    throw new HookError(
      `expected exactly one inline <script type="module"> (trunk's loader) in ${htmlPath}, found ${loaders.length}` +
        (loaders.length === 0 ? ' — did trunk stop injecting it (inject_scripts, pattern_script)?' : ''),
    );
  }
  const loader = loaders[0];
  const refs = referencedFiles(loader.body);
  if (!refs.some((r) => r.endsWith('.js')) || !refs.some((r) => r.endsWith('.wasm'))) {
    throw new HookError(`trunk's loader names no .js and .wasm file:\n${loader.body.trim()}`);
  }
  for (const ref of refs) {
    // Only relative references are checked: they must resolve next to the loader file.
    if (/^[a-z][a-z0-9+.-]*:|^\//i.test(ref)) continue;
    if (!fs.existsSync(path.join(dir, ref))) {
      throw new HookError(`trunk's loader refers to ${ref}, which is not in ${dir}`);
    }
  }

  const written = [];
  let out = '';
  let last = 0;
  let wsBaseMeta = false;
  for (const script of inline) {
    let code = `${script.body.trim()}\n`;
    let prefix;
    if (script.kind === 'autoreload') {
      prefix = 'trunk-autoreload';
      if (code.includes(WS_BASE_PLACEHOLDER)) {
        code = code.replaceAll(
          `'${WS_BASE_PLACEHOLDER}'`,
          `(document.querySelector('meta[name="trunk-ws-base"]')?.content || '/')`,
        );
        wsBaseMeta = true;
      }
      code = code.replaceAll(ADDRESS_PLACEHOLDER, 'window.location.host');
      if (code.includes('{{__TRUNK_')) {
        throw new HookError(`trunk serve's autoreload script has a placeholder this hook does not know:\n${code}`);
      }
    } else {
      prefix = 'loader';
      code = chooseModule(code);
    }
    const name = `${prefix}-${sha('sha256', code).digest('hex').slice(0, 16)}.js`;
    fs.writeFileSync(path.join(dir, name), code);
    written.push(name);
    const integrity = `sha384-${sha('sha384', code).digest('base64')}`;
    const attrs = script.attrs.replace(/\s+$/, '');
    out += html.slice(last, script.index);
    out += `<script${attrs} src="${publicUrl}${name}" integrity="${integrity}"></script>`;
    last = script.index + script.tag.length;
  }
  out += html.slice(last);
  // The loader fetches the page module's bindings and wasm itself, and only when it starts that
  // module: preloading them would fetch them for a link to a view of the tools module too.
  for (const ref of refs) {
    out = out.replace(new RegExp(`<link\\b[^>]*\\brel="(?:modulepreload|preload)"[^>]*\\bhref="${escapeRe(ref)}"[^>]*>\\s*`, 'g'), '');
  }
  if (wsBaseMeta) {
    // Trunk replaces the placeholder in every HTML response it serves.
    out = out.replace(/<head\b[^>]*>/i, (head) => `${head}\n<meta name="trunk-ws-base" content="${WS_BASE_PLACEHOLDER}" />`);
  }

  const left = [...out.matchAll(SCRIPT_RE)].filter(([, a, b]) => attr(a, 'src') === undefined && b.trim() !== '');
  if (left.length) throw new HookError(`${left.length} inline script(s) left in ${HTML_FILE}`);

  fs.writeFileSync(htmlPath, out);
  return written;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  const self = path.relative(process.cwd(), fileURLToPath(import.meta.url));
  try {
    if (!dir) throw new HookError('no directory: pass one or run as a trunk hook (TRUNK_STAGING_DIR)');
    const written = externalize(dir, process.env.TRUNK_PUBLIC_URL || './');
    console.log(`[${self}] ${HTML_FILE}: inline script(s) moved to ${written.join(', ')}`);
  } catch (err) {
    console.error(`[${self}] error: ${err instanceof HookError ? err.message : err.stack}`);
    process.exit(1);
  }
}
