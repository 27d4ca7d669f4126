// Reads the test results under the artifacts folder (xunit .trx files, node's junit XML) and prints one line:
// "N passed, N failed". Exits 1 when anything failed or when no test ran at all.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
const files = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : [p];
});

let passed = 0;
let failed = 0;
for (const file of files(root)) {
  const xml = readFileSync(file, 'utf8');
  if (file.endsWith('.trx')) {
    const counters = /<Counters\s[^>]*>/.exec(xml)?.[0] ?? '';
    const count = (name) => Number(new RegExp(`\\s${name}="(\\d+)"`).exec(counters)?.[1] ?? 0);
    passed += count('passed');
    failed += count('failed') + count('error') + count('timeout') + count('aborted');
    console.log(`${file}: ${count('passed')} passed, ${count('failed')} failed`);
  } else if (file.endsWith('.xml')) {
    const cases = xml.match(/<testcase\b[\s\S]*?(?:\/>|<\/testcase>)/g) ?? [];
    const bad = cases.filter((c) => /<failure\b/.test(c)).length;
    passed += cases.length - bad;
    failed += bad;
    console.log(`${file}: ${cases.length - bad} passed, ${bad} failed`);
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
