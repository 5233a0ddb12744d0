// Gives the WebAssembly module's imports and exports short names, in the module and in
// wasm-bindgen's loader together (issue 9; README, Size).
//
// wasm-bindgen names each of the ~230 functions the module imports from its loader after the
// Rust item and a 16-digit hash (`__wbg_createElement_8c9931a732ee2fea`), under the module name
// "./kra-kpi-wasm_bg.js". Every name is written twice, once in the module's import section and
// once as a key of the loader's import object, and the hashes do not compress: 12 KB of names.
// Exports are fewer, but the closures' (`wasm_bindgen__convert__closures_____invoke__h…`) are as
// long. Only the two files use these names, so both get `a`, `b`, … `aB` (and "w" for the module).
//
// A name is renamed only where the loader's use of it is unambiguous; anything else keeps its long
// name, which still works:
// - an import, when the loader has its name exactly once, as a key of an object (its import
//   object): not when the name is also written anywhere else;
// - an export, when the loader reads it only as `wasm.name` (its instance's exports) and never
//   writes it in quotes. The loader's own exported functions (`mountWidget`, …) are JavaScript
//   names of their own and are not touched.
// The result is checked before it is written: the module must compile, each of its imports must
// be a key of the loader, and every `wasm.name` the loader reads must be an export.
//
// Used by scripts/minify.mjs before the loader is minified (release builds only); tested by
// scripts/wasm_names.test.mjs. scripts/unused_classes.mjs reads and writes exports with the same
// helpers.

const SECTION_IMPORT = 2;
export const SECTION_EXPORT = 7;

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** Writes an unsigned LEB128. */
export function toLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const utf8 = new TextEncoder();
const text = new TextDecoder('utf-8', { fatal: true });

/** The length-prefixed UTF-8 string at `at`; returns [string, next offset]. */
function name(bytes, at) {
  const [length, start] = leb(bytes, at);
  return [text.decode(bytes.subarray(start, start + length)), start + length];
}

/** Skips an import's description (function, table, memory, global or tag); returns the offset after it. */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p); // minimum
    if (flags & 1) [, p] = leb(bytes, p); // maximum
    return p;
  };
  switch (kind) {
    case 0: return leb(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return leb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind} at byte ${at - 1}`);
  }
}

/** The i-th short name: a JavaScript identifier of letters, `a` … `Z`, `aa` … */
export function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  do {
    out = letters[i % 52] + out;
    i = Math.floor(i / 52) - 1;
  } while (i >= 0);
  return out;
}

export const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Occurrences of `key` in `source` not inside a longer identifier. */
export function occurrences(source, key) {
  return source.match(new RegExp(`(?<![\\w$])${escape(key)}(?![\\w$])`, 'g'))?.length ?? 0;
}

/** The loader's key for `key`: `key:` at the start of an object entry (after `{`, `,` or a newline). */
const keyPattern = (key) => new RegExp(`(?<=[{,\\n]\\s*)${escape(key)}(?=\\s*:)`);

/** The module's sections, in order: `{ id, body }`, the body without its size. */
export function sections(bytes) {
  const out = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    out.push({ id, body: bytes.subarray(start, start + size) });
    at = start + size;
  }
  if (at !== bytes.length) throw new Error('the last section runs past the end of the module');
  return out;
}

/** A module of the header of `bytes` and `list`'s sections. */
export function assemble(bytes, list) {
  const parts = [bytes.subarray(0, 8)];
  for (const { id, body } of list) parts.push(Uint8Array.of(id, ...toLeb(body.length)), body);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A length-prefixed UTF-8 string. */
export const encoded = (s) => {
  const b = utf8.encode(s);
  return [...toLeb(b.length), ...b];
};

/** The import section's entries: `{ module, field, description }`. */
function readImports(body) {
  const [count, first] = leb(body, 0);
  const entries = [];
  let p = first;
  for (let i = 0; i < count; i++) {
    let module, field;
    [module, p] = name(body, p);
    [field, p] = name(body, p);
    const from = p;
    p = skipDescription(body, p);
    entries.push({ module, field, description: body.subarray(from, p) });
  }
  if (p !== body.length) throw new Error('the import section did not end where its size says');
  return entries;
}

/** The export section's entries: `{ field, description }` (kind and index). */
export function readExports(body) {
  const [count, first] = leb(body, 0);
  const entries = [];
  let p = first;
  for (let i = 0; i < count; i++) {
    let field;
    [field, p] = name(body, p);
    const from = p;
    p = leb(body, p + 1)[1];
    entries.push({ field, description: body.subarray(from, p) });
  }
  if (p !== body.length) throw new Error('the export section did not end where its size says');
  return entries;
}

/** An export section's body of `entries`, as `readExports` gives them. */
export function writeExports(entries) {
  return Uint8Array.from([...toLeb(entries.length)].concat(...entries.map((e) => [...encoded(e.field), ...e.description])));
}

/**
 * Renames the imports and exports of `wasm` (a Uint8Array) and the matching names in `loader`
 * (wasm-bindgen's JavaScript, not yet minified). Returns the new module and loader and how many
 * names were renamed; throws when the result would not link.
 *
 * An import is renamed when the loader has its name once, as a key of an object (its import
 * object). An export is renamed when the loader reads it only as `wasm.name` (its instance's
 * exports) and never writes the name in quotes; an export that the loader hands on by name, or
 * that anything else reads, keeps its name.
 *
 * `others` are the texts of the other JavaScript files that use the module (the split's
 * `__wasm_split.js`, which hands the main module's memory, table and globals to the pieces it
 * fetches, and whose functions the module imports): no name they mention is renamed.
 */
export function shortenNames(wasm, loader, others = []) {
  const bytes = wasm instanceof Uint8Array ? wasm : new Uint8Array(wasm);
  const list = sections(bytes);
  let source = loader;
  const importSection = list.find((s) => s.id === SECTION_IMPORT);
  const exportSection = list.find((s) => s.id === SECTION_EXPORT);
  const importEntries = importSection ? readImports(importSection.body) : [];
  const exportEntries = exportSection ? readExports(exportSection.body) : [];
  // A new name is never one the module already uses, nor a key the loader already has.
  const taken = new Set([...importEntries, ...exportEntries].map((e) => e.field));
  let next = 0;
  const fresh = () => {
    let short;
    do short = shortName(next++);
    while (taken.has(short) || keyPattern(short).test(source));
    taken.add(short);
    return short;
  };
  let renamed = 0;
  let imports = 0;
  let exports = 0;

  if (importSection) {
    const entries = importEntries;
    imports = entries.length;
    // Module names: the loader's import object is `{ __proto__: null, "./x_bg.js": import0 }`.
    const modules = new Map();
    for (const module of new Set(entries.map((e) => e.module))) {
      const quoted = JSON.stringify(module);
      const short = `w${modules.size || ''}`;
      const once = source.split(quoted).length === 2 && keyPattern(quoted).test(source);
      if (once && !keyPattern(short).test(source)) source = source.replace(keyPattern(quoted), short);
      modules.set(module, once ? short : module);
    }
    const fields = new Map();
    for (const entry of entries) {
      if (fields.has(entry.field)) continue;
      let short = entry.field;
      const elsewhere = others.some((o) => occurrences(o, entry.field) > 0);
      if (!elsewhere && occurrences(source, entry.field) === 1 && keyPattern(entry.field).test(source)) {
        short = fresh();
        source = source.replace(keyPattern(entry.field), short);
        renamed++;
      }
      fields.set(entry.field, short);
    }
    importSection.body = Uint8Array.from(
      [...toLeb(entries.length)].concat(
        ...entries.map((e) => [...encoded(modules.get(e.module)), ...encoded(fields.get(e.field)), ...e.description]),
      ),
    );
  }

  if (exportSection) {
    const entries = exportEntries;
    exports = entries.length;
    for (const entry of entries) {
      const long = entry.field;
      const property = new RegExp(`(?<![\\w$])(\\w+)\\.${escape(long)}(?![\\w$])`, 'g');
      const readers = [...source.matchAll(property)].map((m) => m[1]);
      const quoted = new RegExp(`["'\`]${escape(long)}["'\`]`).test(source);
      const elsewhere = others.some((o) => occurrences(o, long) > 0);
      if (readers.length === 0 || readers.some((r) => r !== 'wasm') || quoted || elsewhere) continue;
      const short = fresh();
      source = source.replaceAll(new RegExp(`(?<![\\w$])wasm\\.${escape(long)}(?![\\w$])`, 'g'), `wasm.${short}`);
      entry.field = short;
      renamed++;
    }
    exportSection.body = writeExports(entries);
  }

  const out = assemble(bytes, list);
  check(out, source, others);
  return { wasm: out, loader: source, renamed, names: imports + exports };
}

/**
 * The module compiles, each import is a key of the loader (or, for an import from a module the
 * loader imports whole, an export of another file), and each export the loader reads is one.
 */
export function check(wasm, loader, others) {
  const module = new WebAssembly.Module(wasm);
  for (const { module: from, name: field } of WebAssembly.Module.imports(module)) {
    const moduleKey = /^\w+$/.test(from) ? from : JSON.stringify(from);
    if (!keyPattern(moduleKey).test(loader)) throw new Error(`the loader has no import module ${from}`);
    const whole = new RegExp(`import\\s*\\*\\s*as\\s+\\w+\\s+from\\s*${escape(JSON.stringify(from))}`).test(loader);
    const exportedThere = new RegExp(`export\\s+(const|let|function)\\s+${escape(field)}(?![\\w$])`);
    const found = keyPattern(field).test(loader) || (whole && others.some((o) => exportedThere.test(o)));
    if (!found) throw new Error(`the loader has no import ${from}.${field}`);
  }
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  for (const [, field] of loader.matchAll(/(?<![\w$])wasm\.(\w+)/g)) {
    if (!exported.has(field)) throw new Error(`the loader reads wasm.${field}, which the module does not export`);
  }
}
