// Reads every test result file under the artifacts folder, however many parts wrote them (xunit/MSTest .trx files,
// node's junit .xml), prints one line per file with its path, the runner's own count and the count parsed from the
// file, and closes with one line: "N passed, N failed". Exits 1 when anything failed or when no test ran at all.
//
// The closing line adds up each runner's OWN count, so it agrees with what each runner printed:
//   .trx: the <Counters> element (passed; failed + error + timeout + aborted); parsed: the <UnitTestResult> outcomes.
//   junit from node --test: the summary node writes at the end as comments (<!-- tests N -->, pass, fail, cancelled,
//   skipped, todo, suites). Parsed: the <testcase> elements. They differ by design: a test with subtests (t.test) is a
//   test to node but a <testsuite> in junit, like a describe() block; so parsed tests = testcases + testsuites - suites.
//   Skipped and todo tests are neither passed nor failed (node counts them apart from pass).
// A file whose parsed count disagrees with its runner's count is reported (MISMATCH) and fails the run.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2];
if (!root) {
  console.error('usage: node tests/summarize.mjs <artifacts folder>');
  process.exit(2);
}

const files = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : [p];
}).sort();

const count = (text, name) => Number(new RegExp(`\\s${name}="(\\d+)"`).exec(text)?.[1] ?? 0);
const all = (xml, re) => xml.match(re) ?? [];

function trx(xml) {
  const counters = /<Counters\s[^>]*>/.exec(xml)?.[0] ?? '';
  const runner = {
    total: count(counters, 'total'),
    passed: count(counters, 'passed'),
    failed: count(counters, 'failed') + count(counters, 'error') + count(counters, 'timeout') + count(counters, 'aborted'),
    skipped: count(counters, 'notExecuted'),
  };
  const outcomes = all(xml, /<UnitTestResult\b[^>]*>/g).map((r) => /\soutcome="([^"]+)"/.exec(r)?.[1] ?? '');
  const parsed = {
    total: outcomes.length,
    passed: outcomes.filter((o) => o === 'Passed').length,
    failed: outcomes.filter((o) => ['Failed', 'Error', 'Timeout', 'Aborted'].includes(o)).length,
    skipped: outcomes.filter((o) => o === 'NotExecuted').length,
  };
  return { kind: 'trx', runner: counters ? runner : null, parsed };
}

function junit(xml) {
  const cases = all(xml, /<testcase\b[\s\S]*?(?:\/>|<\/testcase>)/g);
  const summary = Object.fromEntries(all(xml, /<!--\s*(tests|suites|pass|fail|cancelled|skipped|todo)\s+(\d+)\s*-->/g)
    .map((c) => /<!--\s*(\w+)\s+(\d+)/.exec(c)).map((m) => [m[1], Number(m[2])]));
  const failedCases = cases.filter((c) => /<failure\b/.test(c)).length;
  const skippedCases = cases.filter((c) => /<skipped\b/.test(c)).length;
  const testsuites = all(xml, /<testsuite\s/g).length;
  const runner = 'tests' in summary ? {
    total: summary.tests,
    passed: summary.pass ?? 0,
    failed: (summary.fail ?? 0) + (summary.cancelled ?? 0),
    skipped: (summary.skipped ?? 0) + (summary.todo ?? 0),
  } : null;
  const parsed = {
    // Tests with subtests are <testsuite> elements beside the describe() suites node counts as "suites".
    total: cases.length + (runner ? testsuites - (summary.suites ?? 0) : 0),
    passed: cases.length - failedCases - skippedCases,
    failed: failedCases,
    skipped: skippedCases,
    note: runner ? ` (${cases.length} <testcase> + ${testsuites - (summary.suites ?? 0)} tests with subtests)` : '',
  };
  return { kind: 'junit', runner, parsed };
}

let passed = 0;
let failed = 0;
let mismatches = 0;
const show = (c) => `${c.total} tests: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${c.note ?? ''}`;
for (const file of files(root)) {
  let result;
  if (file.endsWith('.trx')) {
    result = trx(readFileSync(file, 'utf8'));
  } else if (file.endsWith('.xml')) {
    const xml = readFileSync(file, 'utf8');
    if (!/<testsuites?\b/.test(xml)) continue;
    result = junit(xml);
  } else {
    continue;
  }

  const { runner, parsed } = result;
  const counted = runner ?? parsed;
  passed += counted.passed;
  failed += counted.failed;
  console.log(`${relative(process.cwd(), file) || file}`);
  console.log(`    runner's own count: ${runner ? show(runner) : '(none in the file)'}`);
  console.log(`    parsed from the file: ${show(parsed)}`);
  // Tests with subtests pass or fail as their subtests do; the comparable figures are the totals and the failures.
  if (runner && (runner.total !== parsed.total || (runner.failed === 0) !== (parsed.failed === 0))) {
    mismatches++;
    console.log(`    MISMATCH between the runner's count and the file (${result.kind})`);
  }
}

if (mismatches > 0) console.log(`${mismatches} result file(s) disagree with their runner's own count: see MISMATCH above`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || mismatches > 0 || passed === 0 ? 1 : 0);
