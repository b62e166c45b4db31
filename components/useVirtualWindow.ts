import { useCallback, useEffect, useState } from 'preact/hooks';

export interface VirtualWindow {
  /** First row index to render. */
  start: number;
  /** One past the last row index to render. */
  end: number;
  /** Pixels above the first rendered row (a spacer keeps the scrollbar honest). */
  before: number;
  /** Pixels below the last rendered row. */
  after: number;
}

/** The rows [start, end) that fit the scroll viewport of `container`, plus `overscan` rows each side. */
export function windowFor(
  scrollTop: number,
  viewport: number,
  count: number,
  rowHeight: number,
  overscan: number,
): VirtualWindow {
  const first = Math.floor(scrollTop / rowHeight);
  const visible = Math.ceil(viewport / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, before: start * rowHeight, after: Math.max(0, (count - end) * rowHeight) };
}

/**
 * Virtual scrolling for fixed-height rows: only the rows in view are in the DOM, so a
 * list of 50,000 costs what one screenful does. Scroll handling is coalesced into one
 * animation frame.
 */
export function useVirtualWindow(
  container: { current: HTMLElement | null },
  count: number,
  rowHeight: number,
  overscan = 6,
): VirtualWindow & { scrollToRow: (index: number) => void } {
  const [metrics, setMetrics] = useState({ scrollTop: 0, viewport: 600 });
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setMetrics((m) =>
        m.scrollTop === el.scrollTop && m.viewport === el.clientHeight
          ? m
          : { scrollTop: el.scrollTop, viewport: el.clientHeight || 600 },
      );
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [container]);
  const scrollToRow = useCallback(
    (index: number) => {
      const el = container.current;
      if (!el) return;
      // Rows sit below a sticky table header, when there is one.
      const header = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const top = header + index * rowHeight;
      if (top < el.scrollTop + header) el.scrollTop = Math.max(0, top - header);
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    },
    [container, rowHeight],
  );
  return { ...windowFor(metrics.scrollTop, metrics.viewport, count, rowHeight, overscan), scrollToRow };
}
