// Preloaded into a benchmarked child process: reports its peak resident set size on exit.
process.on('exit', () => {
  process.stderr.write(`maxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
