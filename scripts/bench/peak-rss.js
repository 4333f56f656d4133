// Peak resident set size of this process in MB. On Linux it is VmHWM from /proc/self/status, the
// high-water mark of this program's own memory: getrusage's maxRSS survives exec, so a child
// spawned by a big parent (the bench itself, after the simulator section) would report the
// parent's peak. Elsewhere, getrusage's maxRSS.
import { readFileSync } from 'node:fs';

export function peakRssMb() {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // no /proc: not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
