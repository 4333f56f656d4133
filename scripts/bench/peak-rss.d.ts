/** Peak resident set size of this process in MB (VmHWM on Linux: see peak-rss.js). */
export function peakRssMb(): number;
