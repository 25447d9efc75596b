/**
 * Heavy charts mount one at a time, each in a task of its own: a run that
 * sends forty plots at once then costs the page forty short tasks instead of
 * one long one, and typing, scrolling and Stop stay responsive in between.
 */

/** Pause between two mounts: long enough for React to commit the first and for input to be handled. */
const GAP_MS = 16;

const waiting: Array<() => void> = [];
let draining = false;

function drainNext(): void {
  const mount = waiting.shift();
  if (!mount) {
    draining = false;
    return;
  }
  mount();
  setTimeout(drainNext, GAP_MS);
}

/** Queues `mount` behind the charts already waiting; the returned function takes it back out. */
export function queueMount(mount: () => void): () => void {
  waiting.push(mount);
  if (!draining) {
    draining = true;
    setTimeout(drainNext, 0);
  }
  return () => {
    const index = waiting.indexOf(mount);
    if (index >= 0) waiting.splice(index, 1);
  };
}
