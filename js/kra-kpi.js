// kra-kpi embedding API, version 1. README, "Embedding", documents it.
//
//   import { mount } from "./kra-kpi.js";
//   const widget = await mount(document.querySelector("#scorecard"), { storageKey: "portal:emp-1042" });
//   widget.addEventListener("change", (e) => console.log(e.detail.scores.overall));
//
// or, with no script of one's own beyond loading this module:
//
//   <script type="module" src="./kra-kpi.js"></script>
//   <kra-kpi-scorecard storage-key="portal:emp-1042" read-only theme="dark"></kra-kpi-scorecard>
//
// Every file is found relative to this module, so the folder can be served from any path. No
// inline script or style is needed: a page with the CSP
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// runs it.

import init, { mountWidget } from "./kra-kpi-wasm.js";

/** The version of this API; it changes only when something a host page relies on changes. */
export const apiVersion = 1;

const here = import.meta.url;
let starting = null;

/**
 * The live widget of each element. A second `mount()` on an element that still holds one is
 * refused: the first would go on running (and saving) unseen behind the second.
 */
const hosted = new WeakMap();

/** Destroys `inner`, the widget mounted in `element`, and frees the element for a new one. */
function release(element, inner) {
  if (hosted.get(element) === inner) hosted.delete(element);
  inner.destroy();
  inner.free();
}

/** Loads the WebAssembly and the stylesheet once, for every widget on the page. */
function start() {
  starting ??= Promise.all([
    init({ module_or_path: new URL("kra-kpi-wasm_bg.wasm", here) }),
    fetch(new URL("kra-kpi.css", here)).then((r) => {
      if (!r.ok) throw new Error(`kra-kpi.css: HTTP ${r.status}`);
      return r.text();
    }),
  ]).then(([, css]) => {
    // One constructed sheet, shared by every widget's shadow root (no <style>, no inline style).
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  // A failed start may be retried (a network hiccup), so the failure is not cached.
  starting.catch(() => (starting = null));
  return starting;
}

/**
 * Starts work the browser does once per page, and slowly, while the WebAssembly downloads and
 * compiles (off the main thread) instead of after it: the number formatter's locale data and
 * the origin's localStorage, each loaded on first use (20 to 60 ms together in Chromium). The
 * widget then finds both ready. Nothing is read or kept; any failure is the widget's to report.
 */
function warmUp(options) {
  try {
    new Intl.NumberFormat(typeof options?.locale === "string" ? options.locale : undefined, { maximumFractionDigits: 2 });
  } catch {}
  if (options?.storage !== "none") {
    try {
      void localStorage.length;
    } catch {}
  }
}

function failure(code, message, cause) {
  const error = new Error(message, { cause });
  error.code = code;
  return error;
}

/** Shows a short, readable message in `element` when the widget cannot start at all. */
function showFailure(element, message) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.setAttribute("part", "error");
  p.textContent = message;
  root.replaceChildren(p);
}

function startFailure(cause) {
  const blocked = cause instanceof WebAssembly.CompileError || /wasm|WebAssembly|Content Security/i.test(String(cause));
  return blocked
    ? failure(
        "wasm-unavailable",
        "The scorecard cannot start: this page or browser does not allow WebAssembly " +
          "(a Content-Security-Policy needs 'wasm-unsafe-eval' in script-src).",
        cause,
      )
    : failure("assets-unavailable", `The scorecard cannot start: its files could not be loaded (${cause?.message ?? cause}).`, cause);
}

/**
 * Mounts a widget into `element` and gives events to `target` (an EventTarget).
 * Resolves to the wasm handle; rejects with an Error that has a `code`. `remount`: the custom
 * element replacing its own widget, whose out-of-date mounts it releases itself.
 */
async function attach(element, options, target, remount = false) {
  if (!(element instanceof HTMLElement)) {
    throw failure("cannot-host", "mount(element, options): element must be an HTML element");
  }
  let sheet;
  try {
    const started = start();
    warmUp(options);
    sheet = await started;
  } catch (cause) {
    const error = startFailure(cause);
    showFailure(element, error.message);
    // mount() rejects, so its widget never reaches the host: the element hears the error.
    const to = target instanceof Widget ? element : target;
    setTimeout(() => to.dispatchEvent(new CustomEvent("error", { detail: { code: error.code, message: error.message } })));
    throw error;
  }
  let inner = null;
  const emit = (type, detail) => {
    if (type === "change" && inner) {
      // The new scores, worked out only if a listener reads them (then kept for this event).
      let scores;
      const live = inner;
      Object.defineProperty(detail, "scores", { enumerable: true, get: () => (scores ??= live.scores()) });
    }
    target.dispatchEvent(new CustomEvent(type, { detail }));
  };
  options = { ...(options ?? {}) };
  if (typeof options.locale === "string") {
    try {
      [options.locale] = Intl.getCanonicalLocales(options.locale);
    } catch {
      throw failure("invalid-option", `the option "locale" must be a BCP 47 language tag such as "en-IN", not "${options.locale}"`);
    }
  }
  if (!remount && hosted.has(element)) {
    throw failure(
      "cannot-host",
      "mount(element, options): this element already holds a scorecard; call destroy() on it first",
    );
  }
  inner = mountWidget(element, options, emit);
  hosted.set(element, inner);
  element.shadowRoot.adoptedStyleSheets = [sheet];
  return inner;
}

/**
 * A mounted widget. Events: `ready`, `change` (`detail`: `{ source, kind, description, scores }`;
 * read `scores` inside the listener: it is worked out when first read)
 * and `error` (`detail`: `{ code, message }`).
 */
class Widget extends EventTarget {
  #inner = null;
  #element;

  constructor(element) {
    super();
    this.#element = element;
  }

  /** @internal */
  _attach(inner) {
    this.#inner = inner;
  }

  #live() {
    if (!this.#inner) throw failure("destroyed", "this widget was destroyed; mount a new one");
    return this.#inner;
  }

  /** The element the widget is mounted in. */
  get element() {
    return this.#element;
  }
  /** Whether the widget accepts edits now. */
  get editable() {
    return this.#inner?.editable ?? false;
  }
  /** The whole scorecard as saved-format JSON text. */
  getData() {
    return this.#live().getData();
  }
  /** Replaces the scorecard (JSON text or object); throws, and emits `error`, if refused. */
  setData(data) {
    this.#live().setData(data);
  }
  /** The review period's scores: `{ period, overall, kras: [{ ..., kpis: [...] }] }`. */
  scores() {
    return this.#live().scores();
  }
  /** Turns the read-only view on or off. */
  setReadOnly(readOnly) {
    this.#live().setReadOnly(Boolean(readOnly));
  }
  /** "light", "dark" or "auto". */
  setTheme(theme) {
    this.#live().setTheme(String(theme));
  }
  /** Saves what is unsaved, unmounts, and writes nothing more. Safe to call twice. */
  destroy() {
    const inner = this.#inner;
    this.#inner = null;
    if (inner) release(this.#element, inner);
  }
}

/**
 * Mounts a scorecard into `element`. Options: `storageKey`, `storage` ("local" | "none"),
 * `data`, `template`, `readOnly`, `theme` ("light" | "dark" | "auto"), `today` ("YYYY-MM-DD"),
 * `locale` (a BCP 47 tag, the widget's `lang`), `shareLinks` (make and open `#share=` links).
 * Resolves to a Widget (an EventTarget); rejects with an Error whose `code` says why.
 */
export async function mount(element, options = {}) {
  const widget = new Widget(element);
  widget._attach(await attach(element, options, widget));
  return widget;
}

const BOOLEAN = new Set(["read-only"]);
const REMOUNT = ["storage-key", "storage", "template", "today", "locale"];

/**
 * `<kra-kpi-scorecard storage-key="…" storage="none" read-only theme="dark" template="…">`.
 * `read-only` and `theme` change the live widget; the other attributes remount it (after
 * saving). The element has the Widget's methods and dispatches its events; `ready` is also a
 * promise property that resolves once the widget is mounted.
 *
 * With `storage="none"` the scorecard lives only in the widget, so the element keeps it across
 * its own remounts (a changed `locale` or `today`, being moved or re-inserted): the new widget
 * starts from it. A changed `template` or `storage` starts afresh, as asked.
 */
class KraKpiScorecard extends HTMLElement {
  static observedAttributes = [...BOOLEAN, "theme", ...REMOUNT];
  #widget = null;
  /** The scorecard of a `storage="none"` widget that was unmounted, for the next mount. */
  #kept = null;
  #generation = 0;
  #ready = null;
  #resolve = null;

  constructor() {
    super();
    this.#reset();
  }

  #reset() {
    this.#ready = new Promise((resolve) => (this.#resolve = resolve));
    this.#ready.catch(() => {});
  }

  /** Resolves when the widget is mounted (again, after a remount). */
  get ready() {
    return this.#ready;
  }

  #options() {
    const o = {};
    const key = this.getAttribute("storage-key");
    if (key !== null) o.storageKey = key;
    const storage = this.getAttribute("storage");
    if (storage !== null) o.storage = storage;
    const template = this.getAttribute("template");
    if (template !== null) o.template = template;
    const today = this.getAttribute("today");
    if (today !== null) o.today = today;
    const locale = this.getAttribute("locale");
    if (locale !== null) o.locale = locale;
    const theme = this.getAttribute("theme");
    if (theme !== null) o.theme = theme;
    if (this.hasAttribute("read-only")) o.readOnly = true;
    if (this.#kept !== null && o.storage === "none") o.data = this.#kept;
    return o;
  }

  async #mount() {
    const generation = ++this.#generation;
    const widget = new Widget(this);
    let inner;
    try {
      inner = await attach(this, this.#options(), this, true);
    } catch (error) {
      if (error.code !== "wasm-unavailable" && error.code !== "assets-unavailable") {
        showFailure(this, `The scorecard cannot start: ${error.message}`);
        this.dispatchEvent(new CustomEvent("error", { detail: { code: error.code, message: error.message } }));
      }
      return;
    }
    if (generation !== this.#generation) {
      // Disconnected or remounted while starting: this mount is already out of date.
      release(this, inner);
      return;
    }
    widget._attach(inner);
    hosted.set(this, inner);
    this.#widget = widget;
    this.#kept = null;
    // The attributes may have changed while the WebAssembly was loading.
    widget.setReadOnly(this.hasAttribute("read-only"));
    this.#applyTheme();
    this.#resolve(this);
  }

  /** Gives the widget the `theme` attribute's colours. A value it does not know is an `error`
   * event (an exception here would surface in whatever code set the attribute), and the
   * colours stay as they were. */
  #applyTheme() {
    try {
      this.#widget?.setTheme(this.getAttribute("theme") ?? "auto");
    } catch (error) {
      const detail = { code: error.code ?? "invalid-option", message: error.message };
      this.dispatchEvent(new CustomEvent("error", { detail }));
    }
  }

  #unmount() {
    this.#generation++;
    if (this.#widget && this.getAttribute("storage") === "none") {
      try {
        this.#kept = this.#widget.getData();
      } catch {}
    }
    this.#widget?.destroy();
    this.#widget = null;
  }

  connectedCallback() {
    this.#mount();
  }

  disconnectedCallback() {
    this.#unmount();
    this.#reset();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.isConnected || before === after) return;
    if (name === "read-only") {
      this.#widget?.setReadOnly(after !== null);
    } else if (name === "theme") {
      this.#applyTheme();
    } else if (this.#widget || this.#generation) {
      this.#unmount();
      if (name === "template" || name === "storage") this.#kept = null;
      this.#reset();
      this.#mount();
    }
  }

  #live() {
    if (!this.#widget) throw failure("not-ready", "the scorecard is not mounted yet; await element.ready first");
    return this.#widget;
  }

  /** Whether the widget accepts edits now. */
  get editable() {
    return this.#widget?.editable ?? false;
  }
  /** The whole scorecard as saved-format JSON text. */
  getData() {
    return this.#live().getData();
  }
  /** Replaces the scorecard; throws, and emits `error`, if refused. */
  setData(data) {
    this.#live().setData(data);
  }
  /** The review period's scores. */
  scores() {
    return this.#live().scores();
  }
  /** Sets or removes the `read-only` attribute. */
  setReadOnly(readOnly) {
    this.toggleAttribute("read-only", Boolean(readOnly));
  }
  /** Sets the `theme` attribute: "light", "dark" or "auto". */
  setTheme(theme) {
    this.setAttribute("theme", String(theme));
  }
  /** Saves what is unsaved and unmounts, as removing the element does; `mount()` or
   * re-inserting the element starts it again. */
  destroy() {
    this.#unmount();
    this.#reset();
  }
}

if (!customElements.get("kra-kpi-scorecard")) {
  customElements.define("kra-kpi-scorecard", KraKpiScorecard);
}
