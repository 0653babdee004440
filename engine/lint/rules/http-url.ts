/** `http` step URLs should be https; plain http (or a malformed URL) is worth a look before it ships. */
import type { Rule } from '../rule';

export const httpUrl: Rule = {
  name: 'http-url',
  check({ sites, report }) {
    for (const { step, path } of sites) {
      const url = step.http?.url;
      if (typeof url !== 'string') continue;
      // Only the scheme matters here; an expression after it is fine, one that yields the whole URL is not checkable.
      if (url.startsWith('https://') || url.trimStart().startsWith('${{')) continue;
      const plain = url.startsWith('http://');
      report({
        code: 'insecure-url',
        message: plain ? `\`${short(url)}\` uses plain http` : `\`${short(url)}\` is not an https URL`,
        hint: plain ? 'use https; the request and any secrets in its headers travel unencrypted' : 'URLs start with `https://`',
        path: [...path, 'http', 'url'],
      });
    }
  },
};

function short(url: string): string {
  return url.length > 60 ? url.slice(0, 57) + '...' : url;
}
