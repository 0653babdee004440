/**
 * Seeds and mutations for property tests on definition text: the example workflows and the linter's
 * `ok/` cases, mutated by dropping, inserting (YAML punctuation, anchors, tags, merge keys…), swapping,
 * duplicating and removing characters or lines.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

const root = path.join(__dirname, '..', '..');
const okCases = path.join(root, 'test', 'lint', 'ok');
/** Valid definitions to mutate. */
export const seeds: string[] = [
  ...readdirSync(path.join(root, 'workflows')).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml')).map((f) => readFileSync(path.join(root, 'workflows', f), 'utf8')),
  ...readdirSync(okCases).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(path.join(okCases, f), 'utf8')),
];
const tokens = [':', '-', ' ', '\n', '{', '}', '[', ']', '"', "'", '&a', '*a', '<<', '${{', '}}', '#', '|', '>', '\t', 'steps.', 'id: x', '__proto__', '!!str', '%'];

/** One change to a text. */
export type Mutation = (text: string) => string;

/** A random mutation. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 8 })).map(([at, length]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + length)),
  fc.tuple(fc.nat(), fc.constantFrom(...tokens)).map(([at, token]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + token + t.slice(at % (t.length + 1))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => {
    const lines = t.split('\n');
    const [i, j] = [a % lines.length, b % lines.length];
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  }),
  fc.nat().map((a): Mutation => (t) => {
    const lines = t.split('\n');
    lines.splice(a % lines.length, 0, lines[a % lines.length]);
    return lines.join('\n');
  }),
  fc.nat().map((a): Mutation => (t) => t.split('\n').filter((_, index, all) => index !== a % all.length).join('\n')),
);

