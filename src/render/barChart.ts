/**
 * Small bar charts as inline SVG, drawn at build time: counts by year or
 * month that read without JavaScript. Each bar is a link when it has one,
 * and the chart carries a text alternative.
 */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly href?: string;
}

/** Bars wide enough for their labels: month initials need less room than years. */
const CHAR_WIDTH = 6;
const MIN_BAR_WIDTH = 14;
const GAP = 4;
const HEIGHT = 60;
const LABEL_SPACE = 14;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** `title` names the chart for screen readers; bars are drawn in the order given. */
export function barChartSvg(bars: readonly Bar[], title: string): string {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const barWidth = Math.max(MIN_BAR_WIDTH, ...bars.map((bar) => bar.label.length * CHAR_WIDTH));
  const width = Math.max(1, bars.length * (barWidth + GAP));
  const every = Math.max(1, Math.ceil(bars.length / 24));
  const description = bars.map((bar) => `${bar.label}: ${bar.value}`).join(", ");
  const shapes = bars.map((bar, index) => {
    const height = bar.value === 0 ? 0 : Math.max(2, Math.round((bar.value / max) * HEIGHT));
    const x = index * (barWidth + GAP);
    const rect = `<rect x="${x}" y="${HEIGHT - height}" width="${barWidth}" height="${height}"><title>${escapeXml(`${bar.label}: ${bar.value}`)}</title></rect>`;
    const label =
      index % every === 0
        ? `<text x="${x + barWidth / 2}" y="${HEIGHT + LABEL_SPACE - 3}" text-anchor="middle">${escapeXml(bar.label)}</text>`
        : "";
    return bar.href === undefined
      ? rect + label
      : `<a href="${escapeXml(bar.href)}" aria-label="${escapeXml(`${bar.label}: ${bar.value}`)}">${rect}</a>${label}`;
  });
  return (
    // A group, not an image: its bars are links, and an image may not hold links.
    `<svg class="bar-chart" role="group" aria-label="${escapeXml(`${title}. ${description}`)}" viewBox="0 0 ${width} ${HEIGHT + LABEL_SPACE}" width="${width}" height="${HEIGHT + LABEL_SPACE}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>${shapes.join("")}</svg>`
  );
}
