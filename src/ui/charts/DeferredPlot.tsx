/**
 * A plot that is drawn only once it comes near the screen, and then in its
 * turn (mount-queue.ts). Until then it is a figure of the same name and about
 * the same height, so the page does not jump and assistive technology already
 * lists it. This is what keeps a run that sends many plots (honest or not)
 * from blocking the page: what is off-screen costs nothing.
 */
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { PlotSpec } from "../../core/plot/plot-types";
import { queueMount } from "./mount-queue";

const PlotView = lazy(() => import("./PlotView").then((m) => ({ default: m.PlotView })));

/** How far outside the viewport a plot starts drawing, so scrolling rarely shows a placeholder. */
const NEAR_SCREEN = "400px 0px";
const PLACEHOLDER_HEIGHT_PX = 260;

export function DeferredPlot({ plot }: { plot: PlotSpec }) {
  const placeholder = useRef<HTMLElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const element = placeholder.current;
    if (drawn || !element) return;
    let takeBack = () => {};
    const draw = () => {
      takeBack = queueMount(() => setDrawn(true));
    };
    if (typeof IntersectionObserver === "undefined") {
      draw();
      return () => takeBack();
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        draw();
      },
      { rootMargin: NEAR_SCREEN },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      takeBack();
    };
  }, [drawn]);
  const waiting = (
    <figure ref={placeholder} className="chart" aria-label={plot.title} aria-busy="true">
      <figcaption className="chart-title">{plot.title}</figcaption>
      <div className="muted small" style={{ minHeight: PLACEHOLDER_HEIGHT_PX }}>
        Drawing plot…
      </div>
    </figure>
  );
  if (!drawn) return waiting;
  return (
    <Suspense fallback={waiting}>
      <PlotView plot={plot} />
    </Suspense>
  );
}
