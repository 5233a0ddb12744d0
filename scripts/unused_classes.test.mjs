// Tests for scripts/unused_classes.mjs: `node --test scripts/unused_classes.test.mjs`
// (scripts/test.sh).
//
// A module is assembled by hand with wasm-bindgen's shape: it imports `answer` from "./x_bg.js"
// and exports `call_answer`, plus the methods of a class `Sink` (`sink_write`, `__wbg_sink_free`)
// and of a class `Kept` (`kept_get`). The loader defines both classes as wasm-bindgen writes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropClasses } from './unused_classes.mjs';

const utf8 = new TextEncoder();
const str = (s) => [utf8.encode(s).length, ...utf8.encode(s)];
const section = (id, body) => [id, body.length, ...body];

function module() {
  const I32 = 0x7f;
  const types = section(1, [1, 0x60, 0, 1, I32]);
  const imports = section(2, [1, ...str('./x_bg.js'), ...str('__wbg_answer_0123456789abcdef'), 0, 0]);
  const functions = section(3, [4, 0, 0, 0, 0]);
  const exports = section(7, [
    4,
    ...str('call_answer'), 0, 1,
    ...str('sink_write'), 0, 2,
    ...str('__wbg_sink_free'), 0, 3,
    ...str('kept_get'), 0, 4,
  ]);
  const call = [0x10, 0, 0x0b]; // call 0 (the import); end
  const constant = (n) => [0x41, n, 0x0b]; // i32.const n; end
  const bodies = [call, constant(1), constant(2), constant(3)];
  const code = section(10, [4, ...bodies.flatMap((b) => [b.length + 1, 0, ...b])]);
  return Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...functions, ...exports, ...code]);
}

const loader = `
export class Sink {
    free() {
        wasm.__wbg_sink_free(this.__wbg_ptr, 0);
    }
    /**
     * @returns {number}
     */
    write() {
        return wasm.sink_write(this.__wbg_ptr);
    }
}
if (Symbol.dispose) Sink.prototype[Symbol.dispose] = Sink.prototype.free;

export class Kept {
    get() {
        return wasm.kept_get();
    }
}
if (Symbol.dispose) Kept.prototype[Symbol.dispose] = Kept.prototype.free;

function getImports() {
    const import0 = {
        __proto__: null,
        __wbg_answer_0123456789abcdef: function() { return 42; },
    };
    return {
        __proto__: null,
        "./x_bg.js": import0,
    };
}
const SinkFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_sink_free(ptr, 1));
let wasm;
const answer = () => wasm.call_answer();
`;

/** Links `bytes` to `source` (made a function body) and returns its answer and its classes. */
function link(bytes, source) {
  const body = source.replace(/^export /gm, '') + '\nreturn { getImports, setExports: (e) => { wasm = e; }, answer, Kept, Sink: typeof Sink === "undefined" ? undefined : Sink };';
  const js = new Function(body)();
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), js.getImports());
  js.setExports(instance.exports);
  return js;
}

const exportsOf = (bytes) => WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);

test('the original loader and module link, with both classes', () => {
  const js = link(module(), loader);
  assert.equal(js.answer(), 42);
  assert.equal(new js.Sink().write(), 1);
  assert.equal(new js.Kept().get(), 3);
});

test('a listed class leaves the loader, and the exports only it read leave the module', () => {
  const { wasm, loader: after, removed, exports } = dropClasses(module(), loader, ['Sink']);
  assert.deepEqual(removed, ['Sink']);
  assert.deepEqual(exports.sort(), ['__wbg_sink_free', 'sink_write']);
  assert.deepEqual(exportsOf(wasm), ['call_answer', 'kept_get']);
  assert.doesNotMatch(after, /Sink/);
  const js = link(wasm, after);
  assert.equal(js.answer(), 42, 'the rest of the loader still links and answers');
  assert.equal(new js.Kept().get(), 3);
  assert.equal(js.Sink, undefined);
});

test('an export another file reads stays, and a class the loader lacks is left alone', () => {
  const split = 'const { sink_write } = exports;';
  const { wasm, removed, exports } = dropClasses(module(), loader, ['Sink', 'Missing'], [split]);
  assert.deepEqual(removed, ['Sink']);
  assert.deepEqual(exports, ['__wbg_sink_free']);
  assert.deepEqual(exportsOf(wasm), ['call_answer', 'sink_write', 'kept_get']);
});

test('a class the rest of the loader still mentions is refused', () => {
  const uses = loader + 'const made = new Sink();\n';
  assert.throws(() => dropClasses(module(), uses, ['Sink']), /still mentions Sink/);
});
