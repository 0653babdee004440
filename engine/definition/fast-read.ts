/**
 * The fast reader: plain YAML → data, about ten times faster than building the `yaml` document, for the
 * common case of a file that uses nothing but mappings, lists and scalars. It reads js-yaml's event stream
 * and declines (returns `undefined`) at the first thing it does not vouch for: anchors, aliases, tags,
 * directives, several documents, non-scalar keys, duplicate, merge or prototype keys, nesting beyond the
 * limit, an oversized file, or any js-yaml error. Declined files take the full path (`load.ts`), which owns
 * every diagnostic; so the contract is narrow: when this returns a value, it equals what the full path
 * builds and the full path finds nothing wrong with the YAML (test/definition/fast-read.test.ts checks
 * this on every fixture, the examples, the benchmark corpus, generated documents and YAML oddities).
 * Plain scalars resolve by the YAML 1.2 core schema, as the `yaml` package resolves them.
 */
import type * as JsYaml from 'js-yaml';
import type { LoadLimits } from './limits';

let lib: typeof JsYaml | undefined;

function jsYaml(): typeof JsYaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (lib ??= require('js-yaml') as typeof JsYaml);
}

const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const POP = 6;
const ABSENT = -1;
const PLAIN = 1;
const LONG_KEY = 1000;

/** Keys the full path reports (merge keys, prototype keys): the fast reader leaves them to it. */
const REFUSED_KEYS = new Set(['<<', '__proto__', 'constructor', 'prototype']);

/** Thrown inside the reader to decline; never escapes it. */
const DECLINE = Symbol('decline');

/** The file's data, or `undefined` when the fast reader declines and the full loader must read it. */
export function readPlainYaml(text: string, limits: LoadLimits): unknown {
  if (text.length > limits.maxChars) return undefined;
  const { parseEvents, getScalarValue } = jsYaml();
  let events: JsYaml.Event[];
  try {
    // One level of slack: the depth the full path refuses is checked below, where it counts the same way.
    events = parseEvents(text, { maxDepth: limits.maxDepth + 1 });
  } catch {
    return undefined;
  }
  const first = events[0];
  if (events.length < 3 || first.type !== DOCUMENT || first.directives.length > 0) return undefined;
  const reader = new EventReader(text, events, limits.maxDepth, getScalarValue);
  try {
    const value = reader.node(0);
    // Exactly one document: its closing event must be the last one.
    return reader.at === events.length - 1 && events[reader.at].type === POP ? value : undefined;
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

/** Builds data from the event stream, one node per call; throws DECLINE at anything it does not vouch for. */
class EventReader {
  /** The next event to read (0 is the document's). */
  at = 1;

  constructor(
    private readonly text: string,
    private readonly events: JsYaml.Event[],
    private readonly maxDepth: number,
    private readonly scalarText: typeof JsYaml.getScalarValue,
  ) {}

  node(depth: number): unknown {
    const event = this.events[this.at++];
    if (event.type !== SCALAR && event.type !== SEQUENCE && event.type !== MAPPING) throw DECLINE;
    if (event.tagStart !== ABSENT || event.anchorStart !== ABSENT) throw DECLINE;
    if (event.type === SCALAR) return this.scalar(event);
    if (depth >= this.maxDepth) throw DECLINE;
    return event.type === SEQUENCE ? this.sequence(depth) : this.mapping(depth);
  }

  private scalar(event: JsYaml.ScalarEvent): unknown {
    const value = this.scalarText(this.text, event);
    return event.style === PLAIN ? resolvePlain(value) : value;
  }

  private sequence(depth: number): unknown[] {
    const list: unknown[] = [];
    while (this.events[this.at].type !== POP) list.push(this.node(depth + 1));
    this.at++;
    return list;
  }

  private mapping(depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    while (this.events[this.at].type !== POP) {
      const key = this.events[this.at++];
      if (key.type !== SCALAR || key.tagStart !== ABSENT || key.anchorStart !== ABSENT) throw DECLINE;
      // An absent key (`: value`) and keys beyond YAML's 1,024-character cap on implicit keys are where
      // js-yaml is more lenient than the full path: leave them to it.
      if (key.valueStart === ABSENT || key.valueEnd - key.valueStart > LONG_KEY) throw DECLINE;
      const resolved = this.scalar(key);
      // As the `yaml` package names keys: a null key is the empty string, others their string form.
      const name = resolved === null ? '' : String(resolved);
      if (REFUSED_KEYS.has(name) || Object.prototype.hasOwnProperty.call(map, name)) throw DECLINE;
      map[name] = this.node(depth + 1);
    }
    this.at++;
    return map;
  }
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const OCTAL = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** A plain scalar's value under the YAML 1.2 core schema (null, bool, int, float, else string). */
export function resolvePlain(text: string): unknown {
  switch (text) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const c = text.charCodeAt(0);
  // Every number starts with a digit, a sign or a dot; anything else is a string without a regex test.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return text;
  if (INT.test(text)) return parseInt(text, 10);
  if (FLOAT.test(text)) return parseFloat(text);
  if (OCTAL.test(text)) return parseInt(text.slice(2), 8);
  if (HEX.test(text)) return parseInt(text.slice(2), 16);
  if (INFINITY.test(text)) return text.charCodeAt(0) === 45 ? -Infinity : Infinity;
  if (NAN.test(text)) return NaN;
  return text;
}
