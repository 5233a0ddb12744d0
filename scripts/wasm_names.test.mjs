// Tests for scripts/wasm_names.mjs: `node --test scripts/wasm_names.test.mjs` (scripts/test.sh).
//
// A module is assembled by hand with the shape wasm-bindgen gives the widget's (hashed imports
// from "./x_bg.js", exports read through `wasm.`), renamed, and then linked and called through the
// renamed loader, so a rename that broke linking or calling fails here as it would in a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortenNames, shortName } from './wasm_names.mjs';

const utf8 = new TextEncoder();
const str = (s) => [utf8.encode(s).length, ...utf8.encode(s)];
const section = (id, body) => [id, body.length, ...body];

/**
 * Imports `answer`, `other` and `kept` (each () -> i32); exports `call_answer` (returns answer() +
 * other()) and `call_kept`. `kept` comes from `keptFrom`.
 */
function module(keptFrom = './x_bg.js') {
  const I32 = 0x7f;
  const types = section(1, [1, 0x60, 0, 1, I32]);
  const imports = section(2, [
    3,
    ...str('./x_bg.js'), ...str('__wbg_answer_0123456789abcdef'), 0, 0,
    ...str('./x_bg.js'), ...str('__wbg_other_fedcba9876543210'), 0, 0,
    ...str(keptFrom), ...str('__wbg_kept_00112233aabbccdd'), 0, 0,
  ]);
  const functions = section(3, [2, 0, 0]);
  const exports = section(7, [
    2,
    ...str('wasm_bindgen__convert__closures_____invoke__h0123456789abcdef'), 0, 3,
    ...str('call_kept'), 0, 4,
  ]);
  const add = [0x10, 0, 0x10, 1, 0x6a, 0x0b]; // call 0; call 1; i32.add; end
  const kept = [0x10, 2, 0x0b];
  const code = section(10, [2, add.length + 1, 0, ...add, kept.length + 1, 0, ...kept]);
  return Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...functions, ...exports, ...code]);
}

const loader = `
function getImports() {
    const import0 = {
        __proto__: null,
        __wbg_answer_0123456789abcdef: function() { return 40; },
        __wbg_other_fedcba9876543210: function() {
            return 2;
        },
        __wbg_kept_00112233aabbccdd: function() { return 7; },
    };
    return {
        __proto__: null,
        "./x_bg.js": import0,
    };
}
// Named twice, so it must keep its name: __wbg_kept_00112233aabbccdd.
let wasm;
function wasm_bindgen__convert__closures_____invoke__h0123456789abcdef() {
    return wasm.wasm_bindgen__convert__closures_____invoke__h0123456789abcdef();
}
const kept = () => wasm["call_kept"]();
return { getImports, setExports: (e) => { wasm = e; }, answer: wasm_bindgen__convert__closures_____invoke__h0123456789abcdef, kept };
`;

/** Links `bytes` to `source`'s import object and returns its callable pieces. */
function link(bytes, source) {
  const js = new Function(source)();
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), js.getImports());
  js.setExports(instance.exports);
  return js;
}

test('the original module links and answers 42', () => {
  const js = link(module(), loader);
  assert.equal(js.answer(), 42);
  assert.equal(js.kept(), 7);
});

test('renamed imports and exports still link and answer the same, in fewer bytes', () => {
  const before = module();
  const { wasm, loader: renamed, renamed: count, names } = shortenNames(before, loader);
  assert.equal(names, 5);
  assert.ok(wasm.length < before.length - 60, `${wasm.length} bytes, was ${before.length}`);

  const compiled = new WebAssembly.Module(wasm);
  const imports = WebAssembly.Module.imports(compiled);
  assert.deepEqual(
    imports.map((i) => i.module),
    ['w', 'w', 'w'],
  );
  // Written once as a key: renamed. Also written in a comment: kept, and still linked.
  assert.ok(imports[0].name.length <= 2 && imports[1].name.length <= 2, JSON.stringify(imports));
  assert.notEqual(imports[0].name, imports[1].name);
  assert.equal(imports[2].name, '__wbg_kept_00112233aabbccdd');
  // Read only as `wasm.name`: renamed. Read by a quoted name: kept.
  const exports = WebAssembly.Module.exports(compiled).map((e) => e.name);
  assert.ok(exports[0].length <= 2, JSON.stringify(exports));
  assert.equal(exports[1], 'call_kept');
  assert.equal(count, 3);

  const js = link(wasm, renamed);
  assert.equal(js.answer(), 42);
  assert.equal(js.kept(), 7);
});

test('names another file of the split uses (__wasm_split.js) keep their names', () => {
  // As the split's loader does: it reads the main module's exports by name.
  const split = 'const { wasm_bindgen__convert__closures_____invoke__h0123456789abcdef, memory } = initSync();';
  const { wasm, loader: renamed, renamed: count } = shortenNames(module(), loader, [split]);
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
  assert.equal(exports[0], 'wasm_bindgen__convert__closures_____invoke__h0123456789abcdef');
  assert.equal(count, 2, 'the two imports only');
  assert.equal(link(wasm, renamed).answer(), 42);
});

test('an import from another file the loader imports whole must be that file\'s export', () => {
  // The split's shape: `import * as import1 from "./s.js"` and `"./s.js": import1` in the loader.
  const split = loader
    .replace('__wbg_kept_00112233aabbccdd: function() { return 7; },', '')
    .replace('"./x_bg.js": import0,', '"./x_bg.js": import0, "./s.js": import1,')
    .replace('function getImports() {', 'import * as import1 from "./s.js";\nfunction getImports() {');
  const other = 'export const __wbg_kept_00112233aabbccdd = () => 7;';
  const { wasm } = shortenNames(module('./s.js'), split, [other]);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
  assert.deepEqual(imports[2], { module: './s.js', name: '__wbg_kept_00112233aabbccdd', kind: 'function' });
  // Only mentioned there, not exported: refused.
  assert.throws(() => shortenNames(module('./s.js'), split, ['const x = __wbg_kept_00112233aabbccdd;']), /no import/);
});

test('a loader that does not match the module is refused, not written', () => {
  const broken = loader.replace('"./x_bg.js": import0,', '"./y_bg.js": import0,');
  assert.throws(() => shortenNames(module(), broken), /no import module/);
});

test('short names are distinct identifiers', () => {
  const names = Array.from({ length: 3000 }, (_, i) => shortName(i));
  assert.equal(new Set(names).size, names.length);
  assert.ok(names.every((n) => /^[A-Za-z]+$/.test(n)));
  assert.deepEqual(names.slice(0, 3), ['a', 'b', 'c']);
  assert.equal(shortName(52), 'aa');
});
