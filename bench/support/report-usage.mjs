// Preloaded into a measured process (`node --import`): on exit it writes its peak RSS (MB) to stderr as `usage {...}`.
process.on('exit', () => {
  process.stderr.write(`usage ${JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
});
