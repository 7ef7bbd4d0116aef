// Every message bundle of the UI — the shell's and each fragment's in every module — has the same keys in
// 简体中文 and English, and every literal key a script passes to t(...) exists in its bundle. Fails naming each gap.
//
// Usage: node messages.test.mjs <repository root>

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.argv[2];
const shell = join(root, 'receivables.ui/src/main/resources/static/shell');
const { missingKeys, LANGUAGES } = await import(pathToFileURL(join(shell, 'i18n.js')));
// The shell's scripts run only in a page; their texts are the bundle of shell/messages.js.
const shellMessages = (await import(pathToFileURL(join(shell, 'messages.js')))).messages;

function scripts(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'target' ? [] : scripts(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

const files = readdirSync(root).filter((module) => module.startsWith('receivables.'))
  .map((module) => join(root, module, 'src/main/resources'))
  .filter((directory) => { try { return statSync(directory).isDirectory(); } catch (none) { return false; } })
  .flatMap(scripts);

let checked = 0;
const problems = [];
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const name = relative(root, file);
  const module = file.startsWith(shell) ? { messages: shellMessages } : await import(pathToFileURL(file));
  if (!module.messages) {
    if (/\bt\(\s*'/.test(source)) problems.push(`${name}: calls t(...) but exports no messages`);
    continue;
  }
  checked += 1;
  missingKeys(module.messages).forEach((gap) => problems.push(`${name}: missing ${gap}`));
  if (typeof module.render === 'function' && LANGUAGES.some(({ code }) => !(module.messages[code] && module.messages[code].title))) {
    problems.push(`${name}: a fragment needs a title in every language`);
  }
  for (const [, key] of source.matchAll(/\bt\(\s*'([^'$]+)'/g)) {
    for (const { code } of LANGUAGES) {
      if (!(module.messages[code] && key in module.messages[code])) problems.push(`${name}: t('${key}') has no ${code} message`);
    }
  }
}
problems.forEach((problem) => console.log(`FAIL ${problem}`));
console.log(`${checked} message bundles checked`);
console.log(`${problems.length === 0 ? 1 : 0} passed, ${problems.length === 0 ? 0 : 1} failed`);
process.exit(problems.length === 0 && checked > 0 ? 0 : 1);
