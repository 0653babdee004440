/**
 * The fast reader's contract: when it returns a value, the full loader (`yaml` document, structure
 * checks) finds nothing wrong with the file and builds the same value; whatever it is unsure of, it
 * declines. Checked on every example and linter case, the benchmark corpus, YAML oddities and mutated
 * definitions. Also: it reads ordinary files instead of declining them (else the speed-up is gone).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workflowText } from '../../bench/corpus';
import { readPlainYaml } from '../../engine/definition/fast-read';
import { defaultLimits } from '../../engine/definition/limits';
import { loadDefinition } from '../../engine/definition/load';
import { mutation, seeds } from '../support/yaml-mutations';

const root = path.join(__dirname, '..', '..');
const yamlIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml')).map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
const examples = yamlIn(path.join(root, 'workflows'));
const lintCases = [...yamlIn(path.join(root, 'test', 'lint', 'ok')), ...yamlIn(path.join(root, 'test', 'lint', 'err'))];

/** Checks the contract on one text; returns whether the fast reader read it. */
function holds(text: string): boolean {
  const fast = readPlainYaml(text, defaultLimits);
  if (fast === undefined) return false;
  const full = loadDefinition('f.yaml', text);
  expect(full.diagnostics, 'the fast reader read a file the full loader has findings on').toEqual([]);
  expect(fast).toStrictEqual(full.value);
  return true;
}

/** Definitions to mutate: the examples, the clean linter cases and benchmark files (long quoted prompts, block scalars). */
const mutated = [...seeds, ...Array.from({ length: 6 }, (_, n) => workflowText(n))];

/** YAML the two readers could disagree on, one feature each. */
const oddities: Record<string, string> = {
  anchorAlias: 'a: &x 1\nb: *x\n',
  tagStr: 'a: !!str 1\n',
  tagCustom: 'a: !custom 1\n',
  tagVerbatim: 'a: !<tag:yaml.org,2002:str> 1\n',
  mergeKey: 'base: {a: 1}\nother:\n  <<: {b: 2}\n',
  duplicateKey: 'a: 1\na: 2\n',
  protoKey: '__proto__: {x: 1}\n',
  constructorKey: 'a:\n  constructor: 1\n',
  directive: '%YAML 1.1\n---\na: yes\n',
  tagDirective: '%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n',
  twoDocuments: 'a: 1\n---\nb: 2\n',
  startMarker: '---\na: 1\n',
  endMarker: 'a: 1\n...\n',
  complexKeySeq: '[a, b]: 1\n',
  complexKeyMap: '{a: 1}: 2\n',
  explicitKey: '? a\n: 1\n',
  absentKey: 'a:\n  : 1\n',
  absentKeyCompact: 'a:\n  :  b: 1\n',
  explicitComplexKey: '? [a]\n: 1\n',
  flowComplexKey: 'x: {[a]: 1}\n',
  nullKey: '~: 1\nnull: 2\n',
  emptyKey: '"": 1\n: 2\n',
  numericKeys: '1: a\n1.0: b\n0x1: c\n',
  boolKey: 'true: 1\nTrue: 2\n',
  numbers: 'a: [0, -0, +12, 0o17, 0x1F, 1e3, 1E-3, .5, 1., -.inf, +.INF, .nan, .NaN, 1_000, 0b101, 012, 1:20, 0o8, 0xG, 1e, -]\n',
  booleans: 'a: [true, True, TRUE, tRUE, false, False, FALSE, yes, no, on, off, y, n]\n',
  nulls: 'a: [~, null, Null, NULL, nULL, ""]\nb:\nc: ~\n',
  quoted: `a: "\\x41\\u00e9\\t\\n\\\\ \\" \\/ \\N\\_\\L\\P \\0 \\e"\nb: 'it''s'\nc: "multi\n  line"\n`,
  badEscape: 'a: "\\q"\n',
  blocks: 'a: |\n  one\n  two\n\nb: |-\n  x\nc: |+\n  y\n\nd: >\n  folded\n  text\n\n  para\ne: >2\n   indented\nf: |1\n  lead\n',
  blockKeepEnd: 'a: |+\n  y\n\n\n',
  multilinePlain: 'a: one\n  two\n\n  three\nb: x',
  comments: '# c\na: 1 # trailing\nb: "x"#no space\nc: d#e\n',
  flow: 'a: {b: [1, 2, {c: d}], e: "f", g: }\nh: [ ]\ni: {}\n',
  flowMultiline: 'a: [\n  1,\n  2\n]\nb: {\n  c: 1\n}\n',
  flowTrailingComma: 'a: [1, 2,]\nb: {c: 1,}\n',
  nestedSeq: 'a:\n- - 1\n  - 2\n- b: 1\n  c: 2\n',
  compactNested: 'a: - 1\n',
  tabs: 'a:\n\tb: 1\n',
  tabAfterValue: 'a: 1\t\nb:\t2\n',
  crlf: 'a: 1\r\nb:\r\n  - x\r\n',
  bom: '\uFEFFa: 1\n',
  unicode: 'a: "é😀"\nb: ünïcödé\nc: \u2028x\n',
  noSpaceColon: 'a:b\nc: d:e\n',
  colonInFlow: 'a: [b:c, d: e]\n',
  longKey: `${'k'.repeat(1100)}: 1\n`,
  badIndent: 'a:\n  b: 1\n c: 2\n',
  scalarDocument: 'just text\n',
  listDocument: '- a\n- b\n',
  empty: '',
  commentsOnly: '# nothing\n',
  deep: `${Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n')} 1\n`,
  templates: 'a: ${{ input.x }}\nb: "${{ a != b }}"\nc: x ${{ y * 2 }}\n',
  question: 'a: ?x\nb: -x\nc: :x\n',
  percentValue: 'a: 50%\nb: "%"\n',
  atAndBacktick: 'a: "@x"\nb: "`y`"\n',
  multiLineDouble: 'a: "one\n  two\n\n  three  \n   four"\nb: 1\n',
  multiLineSingle: "a: 'it''s\n  here'\n",
  multiLineInList: 'l:\n  - "one\n    two"\n  - x\n',
  multiLineUnderIndented: 'a:\n  b: "one\n  two"\n',
  multiLineAtColumnZero: 'a: "one\ntwo"\n',
  multiLineEscapedBreak: 'a: "one\\\n  two"\n',
  multiLineEmptyFirst: 'a: "\n  two"\n',
  multiLineEmptyLast: 'a: "one\n  "\n',
  multiLineUnclosed: 'a: "one\n  two\n',
  multiLineThenMore: 'a: "one\n  two" x\n',
  quotedTrailing: 'a: "x" y\n',
  quotedComment: 'a: "x" # c\nb: \'y\'   \n',
  blockInList: 'l:\n  - |\n    x\n  - >-\n    y\n    z\n',
  blockLeadingBlank: 'a: |\n\n  x\n',
  blockLeadingLongBlank: 'a: |\n      \n  x\n',
  blockMoreIndentedBlank: 'a: |\n  x\n    \n  y\n',
  blockMoreIndentedLine: 'a: |\n  x\n    y\n  z\n',
  blockFoldedMore: 'a: >\n  x\n    y\n  z\n',
  blockFoldedLeadingBlank: 'a: >\n\n  x\n',
  blockEmptyAtEnd: 'a: |\n',
  blockEmptyBeforeKey: 'a: |\nb: 1\n',
  blockComment: 'a: | # c\n  x\n# after\nb: 1\n',
  blockNoNewlineAtEnd: 'a: |\n  x',
  blockBadHeader: 'a: |x\n  y\n',
  blockUnderIndented: 'a:\n  b: |\n  x\n',
  blockInSequenceMap: 'l:\n  - a: |\n      x\n    b: 1\n',
  seqCompact: 'a:\n- x\n- y\nb: 1\n',
  seqMapEntries: 'l:\n- a: 1\n  b: 2\n-   c: 3\n    d: 4\n',
  seqEmptyEntry: 'a:\n  -\n  - x\n  - # c\n',
  seqAfterValue: 'a: 1\n- x\n',
  commentBeforeMarker: '# c\n---\na: 1\n',
  markerWithComment: '--- # c\na: 1\n',
  markerWithContent: '--- a: 1\n',
  rootIndented: '  a: 1\n',
  quotedKeys: '"a b": 1\n\'c\'\'d\': 2\n"": 3\n',
  keySpaces: 'a b : 1\n',
  keyUrl: 'http://x: 1\n',
  trailingSpaces: 'a: x   \nb: "y"   \n',
  flowNested: 'a: [[1, 2], {b: c}, "d", \'e\']\n',
  flowSpaces: 'a: [ a , b ]\nb: { c : 1 }\n',
  flowNoSpace: 'a: {b:1}\n',
  flowComment: 'a: [1, 2] # c\n',
  flowUnclosed: 'a: [1, 2\n',
  flowKeys: 'a: {1: x, null: y, "q": z}\n',
  flowEmptyEntry: 'a: [1, , 2]\n',
  flowDeep: `a: ${'['.repeat(70)}${']'.repeat(70)}\n`,
  escapes: 'a: "\\\\ \\" \\/ \\n \\t \\r \\u00e9"\nb: "\\ud83d\\ude00"\n',
  loneCarriageReturn: 'a: 1\rb: 2\n',
  nestedMapping: 'a: b: c\n',
  compactInList: '- - a\n',
  valueIndicators: 'a: &x\nb: *y\nc: !t\nd: %x\ne: @x\nf: `x`\ng: ,x\nh: ]x\n',
  emptyValues: 'a:\nb: # c\nc:\n  # only a comment\nd: ~\n',
  plainNumbers: 'a: 0x1A\nb: 0xff\nc: 30s\nd: 2d\ne: 0o7\nf: 1e3\ng: -.Inf\nh: .NaN\ni: 1.\nj: +5\nk: 0xG\nl: 1_0\nm: 12.5e-3\n',
};

describe('fast reader', () => {
  it('reads every example workflow and every clean linter case, equal to the full loader', () => {
    for (const { name, text } of [...examples, ...yamlIn(path.join(root, 'test', 'lint', 'ok'))]) {
      if (/&\w|\*\w/.test(text)) continue; // anchors and aliases are the full loader's
      expect(holds(text), `${name} was declined`).toBe(true);
    }
  });

  it('keeps the contract on every linter error case', () => {
    for (const { text } of lintCases) holds(text);
  });

  it('reads the benchmark corpus, equal to the full loader', () => {
    for (let n = 0; n < 60; n++) expect(holds(workflowText(n))).toBe(true);
  });

  it('reads the plain constructs workflows are written in, equal to the full loader', () => {
    const read = ['startMarker', 'commentBeforeMarker', 'markerWithComment', 'booleans', 'nulls', 'emptyValues', 'templates', 'percentValue', 'atAndBacktick', 'trailingSpaces',
      'quotedKeys', 'keySpaces', 'keyUrl', 'quotedComment', 'multiLineDouble', 'multiLineSingle', 'multiLineInList', 'blockInList', 'blockLeadingBlank', 'blockMoreIndentedLine',
      'blockEmptyAtEnd', 'blockEmptyBeforeKey', 'blockComment', 'blockNoNewlineAtEnd', 'blockInSequenceMap', 'seqCompact', 'seqMapEntries', 'seqEmptyEntry', 'flowNested',
      'flowSpaces', 'flowComment', 'flowKeys', 'plainNumbers'];
    for (const name of read) expect(holds(oddities[name]), `${name} was declined`).toBe(true);
  });

  it('declines anchors, aliases, tags, directives, complex keys and the keys the loader refuses', () => {
    const declined = ['anchorAlias', 'tagStr', 'tagCustom', 'tagVerbatim', 'mergeKey', 'duplicateKey', 'protoKey', 'constructorKey', 'directive', 'tagDirective', 'twoDocuments', 'complexKeySeq', 'complexKeyMap', 'explicitComplexKey', 'flowComplexKey', 'absentKey', 'absentKeyCompact', 'longKey', 'empty', 'commentsOnly', 'deep'];
    for (const name of declined) expect(readPlainYaml(oddities[name], defaultLimits), name).toBeUndefined();
  });

  it('keeps the contract on YAML oddities', () => {
    for (const [name, text] of Object.entries(oddities)) {
      try {
        holds(text);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
    }
  });

  it('keeps the contract on mutated definitions', () => {
    fc.assert(
      fc.property(fc.nat({ max: mutated.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
        holds(mutations.reduce((t, m) => m(t), mutated[seed]));
      }),
      { numRuns: 8000, interruptAfterTimeLimit: 20_000 },
    );
  }, 30_000);
});
