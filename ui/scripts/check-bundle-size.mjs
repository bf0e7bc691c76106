// Bundle size budget: sums the gzip size of every JS and CSS file in dist/ and fails the build
// when it is over the budget (KUBETEL_UI_BUDGET_KB, default 120 kB gzip).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKb = Number(process.env.KUBETEL_UI_BUDGET_KB ?? 120);
const dist = new URL('../dist/', import.meta.url).pathname;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

let total = 0;
for (const f of files(dist).filter((f) => /\.(js|css|html)$/.test(f))) {
  const gz = gzipSync(readFileSync(f), { level: 9 }).length;
  total += gz;
  console.log(`bundle: ${(gz / 1024).toFixed(1).padStart(7)} kB gzip  ${f.slice(dist.length)}`);
}
const kb = total / 1024;
console.log(`bundle: total ${kb.toFixed(1)} kB gzip (budget ${budgetKb} kB)`);
if (kb > budgetKb) {
  console.error(`bundle: over budget by ${(kb - budgetKb).toFixed(1)} kB`);
  process.exit(1);
}
