/**
 * Run a command and measure its wall time and the peak resident memory of its whole process tree
 * (Astro forks workers; `pagefind` is a Node wrapper around a Rust binary), by polling /proc.
 * `/usr/bin/time -v` would report only the largest single process, not the tree's sum.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunResult {
  /** Wall time in milliseconds. */
  ms: number;
  /** Peak of the summed RSS of the process and all its descendants, in bytes. */
  peakRss: number;
  /**
   * CPU seconds (user + system) of the process and the descendants it waited for, from
   * `/usr/bin/time`: robust to other work on the machine, unlike wall time. NaN without it.
   */
  cpuS: number;
  /** The user and system parts of `cpuS` (system time grows when the kernel has to reclaim page cache). */
  userS: number;
  sysS: number;
  /** 1-minute load average when the command started and when it ended. */
  load: [number, number];
  /** Exit code (null when killed by a signal). */
  code: number | null;
  /** The last lines of stdout+stderr (for error reports and log scraping). */
  tail: string;
  /** Tree RSS about once a second: [epoch ms, bytes] (to tell which build step holds the memory). */
  timeline: [number, number][];
  /** The whole of stdout+stderr, when `keepOutput` was set. */
  output?: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Append the full output here. */
  logFile?: string;
  /** Keep the whole output in the result (for per-route timings). */
  keepOutput?: boolean;
  /** Poll interval in ms (default 100). */
  pollMs?: number;
}

const PAGE = 4096;

/** Parent of every process now alive, from /proc/<pid>/stat. */
function parentMap(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: parse after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended between readdir and read.
    }
  }
  return map;
}

/** Summed RSS in bytes of `root` and its descendants. */
export function treeRss(root: number): number {
  const parents = parentMap();
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
      total += Number(statm[1]) * PAGE;
    } catch {
      // Gone.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const load0 = loadavg()[0]!;
    const timed = existsSync('/usr/bin/time');
    const timeDir = mkdtempSync(join(tmpdir(), 'bench-time-'));
    const timeFile = join(timeDir, 'time');
    if (timed) {
      args = ['-f', '%U %S', '-o', timeFile, command, ...args];
      command = '/usr/bin/time';
    }
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
    log?.write(`\n$ ${command} ${args.join(' ')}\n`);
    let tail = '';
    const all: Buffer[] = [];
    const onData = (chunk: Buffer): void => {
      log?.write(chunk);
      if (options.keepOutput) all.push(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-20000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let peakRss = 0;
    const timeline: [number, number][] = [];
    const poll = setInterval(() => {
      if (!child.pid) return;
      const rss = treeRss(child.pid);
      peakRss = Math.max(peakRss, rss);
      const now = Date.now();
      const last = timeline[timeline.length - 1];
      if (!last || now - last[0] >= 1000) timeline.push([now, rss]);
      else if (rss > last[1]) last[1] = rss;
    }, options.pollMs ?? 100);
    child.on('error', (e) => {
      clearInterval(poll);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(poll);
      log?.end();
      let [userS, sysS] = [NaN, NaN];
      if (timed && existsSync(timeFile)) {
        const m = readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.match(/^([\d.]+) ([\d.]+)$/);
        if (m) [userS, sysS] = [Number(m[1]), Number(m[2])];
      }
      rmSync(timeDir, { recursive: true, force: true });
      const output = options.keepOutput ? Buffer.concat(all).toString('utf8') : undefined;
      resolve({ ms: performance.now() - t0, peakRss, cpuS: userS + sysS, userS, sysS, load: [load0, loadavg()[0]!], code, tail, output, timeline });
    });
  });
}

export function formatMs(ms: number): string {
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(0)} MB`;
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/**
 * Astro's build log, summed: the phases (`[types] Generated 11.38s`, `[vite] ✓ built in 51.86s`),
 * the wall seconds of each route (between its `▶ src/pages/…` or `λ src/pages/…` line and the next, so it
 * includes the route's getStaticPaths and its data preparation), and per URL kind the pages
 * written and the render milliseconds Astro reports (`├─ /compare/a/b/index.html (+412ms)`).
 */
export interface AstroLogSummary {
  phases: Record<string, number>;
  routeSeconds: Record<string, number>;
  /** Peak tree RSS while each route was being generated (from the run's timeline). */
  routePeakRss: Record<string, number>;
  /** Peak tree RSS before the first route (content sync, types, vite bundles). */
  setupPeakRss: number;
  pages: Record<string, { pages: number; renderMs: number }>;
}

function seconds(hms: string): number {
  const [h, m, s] = hms.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}

export function summariseAstroLog(output: string, timeline: [number, number][] = []): AstroLogSummary {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const phases: Record<string, number> = {};
  // Astro and Vite write `812ms`, `26.59s` or `1m 24s`.
  const DURATION = String.raw`((?:\d+m )?[\d.]+m?s)`;
  const duration = (d: string): number => {
    const m = d.match(/^(?:(\d+)m )?([\d.]+)(m?s)$/);
    return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) * (m[3] === 'ms' ? 0.001 : 1) : NaN;
  };
  const types = plain.match(new RegExp(String.raw`\[types\] Generated ${DURATION}`));
  if (types) phases.types = duration(types[1]!);
  const built = [...plain.matchAll(new RegExp(String.raw`\[vite\] ✓ built in ${DURATION}`, 'g'))].map((m) => duration(m[1]!));
  if (built[0] !== undefined) phases['vite server bundle'] = built[0];
  if (built[1] !== undefined) phases['vite client bundle'] = built[1];
  const routes = plain.match(/generating static routes[\s\S]*?✓ Completed in ([\d.]+)s/);
  if (routes) phases['static routes'] = Number(routes[1]);
  const total = plain.match(/page\(s\) built in ([\d.]+)s/);
  if (total) phases.total = Number(total[1]);

  const routeSeconds: Record<string, number> = {};
  const routePeakRss: Record<string, number> = {};
  // Astro stamps its log with the local wall clock (HH:MM:SS); match the timeline on the same clock.
  const clock = (ms: number): number => {
    const d = new Date(ms);
    return d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds();
  };
  const peakBetween = (from: number, to: number): number =>
    timeline.filter(([t]) => clock(t) >= from && clock(t) <= to).reduce((m, [, r]) => Math.max(m, r), 0);
  // Pages start with ▶, endpoints (JSON, CSV, TXT) with λ: both start a route.
  const marks = [...plain.matchAll(/^(\d\d:\d\d:\d\d) (?:[▶λ] (src\/pages\/\S+)|✓ Completed in)/gm)];
  for (let i = 0; i < marks.length - 1; i++) {
    const route = marks[i]![2];
    if (!route) continue;
    const from = seconds(marks[i]![1]!);
    const to = seconds(marks[i + 1]![1]!);
    routeSeconds[route] = (routeSeconds[route] ?? 0) + to - from;
    routePeakRss[route] = Math.max(routePeakRss[route] ?? 0, peakBetween(from, to));
  }
  const firstRoute = marks.find((m) => m[2]);
  const setupPeakRss = firstRoute && timeline[0] ? peakBetween(clock(timeline[0][0]), seconds(firstRoute[1]!)) : 0;
  const pages: Record<string, { pages: number; renderMs: number }> = {};
  for (const m of plain.matchAll(/[├└]─ \/([^/\s]*)\S* \(\+(\d+)ms\)/g)) {
    const r = (pages[m[1] || '(root)'] ??= { pages: 0, renderMs: 0 });
    r.pages++;
    r.renderMs += Number(m[2]);
  }
  return { phases, routeSeconds, routePeakRss, setupPeakRss, pages };
}
