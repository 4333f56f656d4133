// Preloaded into a benchmarked child process: reports its peak resident set size on exit.
import { peakRssMb } from './peak-rss.js';

process.on('exit', () => {
  process.stderr.write(`maxrss_kb=${Math.round(peakRssMb() * 1024)}\n`);
});
