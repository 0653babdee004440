/** Live refresh by polling: one timer per view, paused while the tab is hidden, stopped when the view goes. */

/** Calls `tick` every `ms` (after the previous call finished) until the returned stop is called or it answers false. */
export function poll(tick: () => Promise<boolean | void>, ms: number): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = () => {
    if (!stopped) timer = setTimeout(run, document.hidden ? ms * 4 : ms);
  };
  const run = async () => {
    try {
      if ((await tick()) === false) return;
    } catch {
      // A failed refresh (server restarting) is retried on the next tick.
    }
    next();
  };
  next();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
