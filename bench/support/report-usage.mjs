// Preloaded into a measured process (`node --import`): on exit it writes its peak RSS (MB) to stderr as `usage {...}`,
// with the heap and external memory at that moment (to tell a JavaScript leak from native memory).
process.on('exit', () => {
  const m = process.memoryUsage();
  const r = process.resourceUsage();
  const mb = (n) => Math.round(n / 1048576);
  process.stderr.write(`usage ${JSON.stringify({ maxRssMb: Math.round(r.maxRSS / 1024), cpuMs: Math.round((r.userCPUTime + r.systemCPUTime) / 1000), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external) })}\n`);
});
