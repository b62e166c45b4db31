#!/usr/bin/env node
// `node scripts/corpus-fetch.mjs [--mirrors DIR]`
//
// Writes the real-page corpus's HTML (not committed: the pages belong to their authors) into
// $PROSPECTOR_CORPUS (default ../corpus beside the repository): for each test/corpus/pages/<id>.json,
// the byte-exact file at its source's repository, path and commit (`.gz` sources decompressed),
// as <id>.html. Pages already there are kept.
//
// Where the repositories come from: with `--mirrors DIR`, local git directories named
// `owner+name` (bare, or a clone with a work tree), as `fetch` leaves them; without it, each
// repository is fetched from GitHub at the one commit (`git fetch --depth 1`), which needs network.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = process.env.PROSPECTOR_CORPUS || join(ROOT, '../corpus');
const args = process.argv.slice(2);
const MIRRORS = args.includes('--mirrors') ? args[args.indexOf('--mirrors') + 1] : '';
const PAGES = join(ROOT, 'test/corpus/pages');

const git = (gitDir, ...rest) =>
  execFileSync('git', [`--git-dir=${gitDir}`, ...rest], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });

/** A git directory that holds `repo` at `commit`, or null. */
function gitDirFor(repo, commit, scratch) {
  if (MIRRORS) {
    const base = join(MIRRORS, repo.replace('/', '+'));
    for (const dir of [join(base, 'repo/.git'), join(base, 'repo'), join(base, '.git'), base])
      if (existsSync(join(dir, 'HEAD'))) return dir;
    return null;
  }
  const dir = join(scratch, repo.replace('/', '+'));
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    git(dir, 'init', '--bare', '-q');
  }
  try {
    git(dir, 'fetch', '-q', '--depth', '1', `https://github.com/${repo}.git`, commit);
    return dir;
  } catch {
    return null;
  }
}

mkdirSync(OUT, { recursive: true });
const scratch = MIRRORS ? '' : mkdtempSync(join(tmpdir(), 'corpus-'));
let kept = 0;
let written = 0;
const failed = [];
for (const file of readdirSync(PAGES).filter((f) => f.endsWith('.json'))) {
  const id = file.slice(0, -5);
  const target = join(OUT, `${id}.html`);
  if (existsSync(target)) {
    kept++;
    continue;
  }
  const { repo, path, commit } = JSON.parse(readFileSync(join(PAGES, file), 'utf8')).source;
  const dir = gitDirFor(repo, commit, scratch);
  try {
    if (!dir) throw new Error('repository not available');
    const bytes = git(dir, 'show', `${commit}:${path}`);
    writeFileSync(target, path.endsWith('.gz') ? gunzipSync(bytes) : bytes);
    written++;
  } catch (error) {
    failed.push(`${id} (${repo} ${commit.slice(0, 10)} ${path}): ${String(error).split('\n')[0]}`);
  }
}
if (scratch) rmSync(scratch, { recursive: true, force: true });
console.log(`corpus in ${OUT}: ${written} written, ${kept} already there, ${failed.length} failed`);
for (const line of failed) console.log(`  ✘ ${line}`);
process.exit(failed.length ? 1 : 0);
