// Last-resort peak-memory probe for `npm run bench` when neither GNU time nor
// python3 is available: preloaded with `node --require`, it writes this
// process's own max RSS (kB) to $PV_BENCH_RSS_FILE when the process exits.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  writeFileSync(process.env.PV_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
