/**
 * The run inspector as HTTP answers: one HTML shell for every page path (the browser app routes by the
 * URL), plus its script and style sheet. The same answers serve `sluice serve` (page at `/`, runs at
 * `/runs/<id>`, workflows at `/workflows`) and the Azure app (under `/api/inspector/`, behind function keys).
 * A strict Content-Security-Policy keeps the page on its own origin: no CDN, no other network.
 */
import { inspectorAssets } from './assets';

/** An answer to a page request. */
export interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Where the page is mounted: `base` prefixes page and asset paths, `api` is the API root. */
export interface PageMount {
  base: string;
  api: string;
  /** A function key the page was opened with (Azure): asset URLs carry it, since `<script src>` sends no header. */
  key?: string;
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/** Local paths the page answers on `sluice serve` (everything else goes to the API and the Durable API). */
export function isLocalPagePath(method: string, pathname: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  return pathname === '/' || pathname === '/workflows' || /^\/runs\/[^/]+\/?$/.test(pathname) || /^\/static\/app\.(js|css)$/.test(pathname);
}

/** The answer for `subpath` (the path below the mount: `/`, `/runs/abc`, `/static/app.js`). */
export async function pageAnswer(root: string, subpath: string, mount: PageMount): Promise<PageAnswer> {
  const asset = /^\/static\/app\.(js|css)$/.exec(subpath)?.[1];
  if (asset) {
    try {
      const assets = await inspectorAssets(root);
      const type = asset === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
      return { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': type }, body: asset === 'js' ? assets.script : assets.style };
    } catch (error) {
      return { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: (error as Error).message };
    }
  }
  return { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' }, body: shell(mount) };
}

function shell(mount: PageMount): string {
  const key = mount.key ? `?code=${encodeURIComponent(mount.key)}` : '';
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sluice runs</title>
<link rel="stylesheet" href="${attr(`${mount.base}/static/app.css${key}`)}">
</head>
<body data-base="${attr(mount.base)}" data-api="${attr(mount.api)}">
<div id="app"><p class="loading">Loading…</p></div>
<script src="${attr(`${mount.base}/static/app.js${key}`)}"></script>
</body>
</html>
`;
}
