/**
 * The archive's shape over time as bar charts: articles per year, and per
 * month of one year (all twelve months, empty ones included).
 */
import type { YearGroup } from "../archive/archive.ts";
import { periodUrl } from "../archive/periods.ts";
import { barChartSvg } from "./barChart.ts";

const MONTH_LABELS = ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function yearsChart(years: readonly YearGroup[]): string {
  const bars = years.map((year) => ({ label: year.year, value: year.count, href: periodUrl(year.year) }));
  return barChartSvg(bars, `Articles per year, ${years[0]?.year ?? ""} to ${years[years.length - 1]?.year ?? ""}`);
}

export function monthsChart(year: YearGroup): string {
  const counts = new Map(year.months.map((month) => [month.month, month.articles.length]));
  const bars = MONTH_LABELS.map((label, index) => {
    const month = `${year.year}-${String(index + 1).padStart(2, "0")}`;
    const value = counts.get(month) ?? 0;
    return value > 0 ? { label, value, href: periodUrl(month) } : { label, value };
  });
  return barChartSvg(
    bars,
    `Articles per month in ${year.year}: ${MONTH_NAMES.map((name, index) => `${name} ${bars[index]?.value ?? 0}`).join(", ")}`,
  );
}
