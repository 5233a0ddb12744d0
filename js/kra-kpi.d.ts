// Types for kra-kpi.js, the embedding API version 1 (README, "Embedding").

/** The version of this API. */
export const apiVersion: 1;

export type Status = "green" | "amber" | "red" | "no-data" | "not-applicable";

export interface KpiScores {
  id: number;
  name: string;
  unit: string;
  value: number | null;
  target: number | null;
  /** A percentage (100 = on target), or null when nothing was reported. */
  score: number | null;
  status: Status;
  readings: number;
}

/** How much of a score has been reported: KPIs due in the period, those with a reading, and
 * the share of the weight (0–100) they carry. */
export interface Coverage {
  reported: number;
  due: number;
  weight: number;
}

export interface KraScores {
  id: number;
  name: string;
  score: number | null;
  status: Status;
  coverage: Coverage;
  /** This period's rating (1 to the rating scale) and comment from its review. */
  rating: number | null;
  /** The employee's self-assessment on the same scale (never changes a score). */
  selfRating: number | null;
  comment: string;
  kpis: KpiScores[];
}

export interface Scores {
  /** `inProgress`: the period contains today, so its scores are so far, not final. */
  period: { label: string; start: string; end: string; inProgress: boolean };
  /** The period's review record: who reviewed, the overall comment, and whether it is closed
   * (`closedOn`, ISO date, and the overall score it was closed with). */
  review: { reviewer: string; comment: string; closed: boolean; closedOn: string | null; closedOverall: number | null };
  overall: { score: number | null; status: Status; coverage: Coverage };
  kras: KraScores[];
}

export interface MountOptions {
  /** The localStorage key (default "kra-kpi:default"); give each scorecard its own. */
  storageKey?: string;
  /** "none": the widget keeps nothing; the host loads (data, setData) and saves on change. */
  storage?: "local" | "none";
  /** Saved-format JSON to start from when there is no saved data. */
  data?: string | object;
  /** A template key, e.g. "sales-executive" or "hr-manager". */
  template?: string;
  /** No edit controls and no writes. */
  readOnly?: boolean;
  theme?: "light" | "dark" | "auto";
  /** "YYYY-MM-DD", for demos and tests. */
  today?: string;
  /** A BCP 47 tag ("en-IN"): the widget's lang and how numbers are written ("₹5,00,000"); the browser's locale by default. */
  locale?: string;
  /** Offer read-only share links to this page (`#share=…`) and open one found in its address. */
  shareLinks?: boolean;
}

export interface ChangeDetail {
  source: "edit" | "undo" | "redo" | "other-tab" | "host" | "switch";
  kind: string;
  description: string;
  /** Worked out when first read: read it in the listener. */
  readonly scores: Scores;
}

export interface ErrorDetail {
  code: string;
  message: string;
}

/** An Error thrown or rejected by the API, with a stable code. */
export interface KraKpiError extends Error {
  code:
    | "invalid-option"
    | "invalid-data"
    | "unknown-template"
    | "cannot-host"
    | "protected"
    | "destroyed"
    | "not-ready"
    | "wasm-unavailable"
    | "assets-unavailable";
}

export interface WidgetEventMap {
  ready: CustomEvent<{ apiVersion: number }>;
  change: CustomEvent<ChangeDetail>;
  error: CustomEvent<ErrorDetail>;
}

export interface Widget extends EventTarget {
  readonly element: HTMLElement;
  readonly editable: boolean;
  getData(): string;
  setData(data: string | object): void;
  scores(): Scores;
  setReadOnly(readOnly: boolean): void;
  setTheme(theme: "light" | "dark" | "auto"): void;
  destroy(): void;
  addEventListener<K extends keyof WidgetEventMap>(type: K, listener: (event: WidgetEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
}

/**
 * Mounts a scorecard into `element` (inside its shadow root). Rejects with `cannot-host` when
 * `element` still holds a mounted widget: `destroy()` that one first.
 */
export function mount(element: HTMLElement, options?: MountOptions): Promise<Widget>;

/**
 * <kra-kpi-scorecard storage-key="…" storage="none" template="…" read-only theme="dark" today="…" locale="…">
 *
 * With `storage="none"` the element keeps its scorecard when it remounts itself (a new `locale`
 * or `today`, moved or re-inserted); a new `template` or `storage` starts afresh. A `theme` it
 * does not know is an `error` event (`invalid-option`), not an exception.
 */
export interface KraKpiScorecardElement extends HTMLElement {
  /** Resolves when the widget is mounted (again, after a remount). */
  readonly ready: Promise<KraKpiScorecardElement>;
  readonly editable: boolean;
  getData(): string;
  setData(data: string | object): void;
  scores(): Scores;
  setReadOnly(readOnly: boolean): void;
  setTheme(theme: "light" | "dark" | "auto"): void;
  destroy(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "kra-kpi-scorecard": KraKpiScorecardElement;
  }
}
