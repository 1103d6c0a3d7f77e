/** The resilience run's own machinery: a private PostgreSQL cluster, a private nginx and Kramek processes, all in one temp dir and all removed afterwards. */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

const isRoot = process.getuid?.() === 0;

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000, everyMs = 50): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return Date.now() - started;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** PostgreSQL's binaries from Debian (the newest version installed). */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const version = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error('PostgreSQL server binaries not found in /usr/lib/postgresql (apt-get install postgresql)');
  return path.join(root, version, 'bin');
}

/** A PostgreSQL cluster of our own (never the machine's shared one): it may be restarted at will. */
export class PrivateCluster {
  readonly dir: string;
  readonly bin = postgresBin();
  constructor(root: string, readonly port: number) {
    this.dir = path.join(root, 'pg');
  }

  /** As the postgres user when we are root: PostgreSQL refuses to run as root. */
  private run(tool: string, args: string[]) {
    const command = path.join(this.bin, tool);
    if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe', cwd: '/' });
    else execFileSync(command, args, { stdio: 'pipe' });
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async init(): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true });
    if (isRoot) execFileSync('chown', ['-R', 'postgres:', this.dir]);
    this.run('initdb', ['-D', path.join(this.dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await this.start();
  }

  async start(): Promise<void> {
    // No fsync: the machine does not crash during the run, and an "immediate" stop still exercises crash recovery.
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c synchronous_commit=on -c full_page_writes=off -c max_connections=120`;
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-l', path.join(this.dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
  }

  /** `immediate`: the server stops without a checkpoint, as after a crash, and recovers from its WAL on start. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', mode, '-w', '-t', '60', 'stop']);
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      // not running
    }
  }
}

/** A private nginx in front of the app servers, with its config, logs and temp files in our temp dir. */
export class Nginx {
  private child: ChildProcess | null = null;
  readonly dir: string;
  constructor(root: string, readonly port: number, private readonly upstreams: number[]) {
    this.dir = path.join(root, 'nginx');
  }

  static binary(): string {
    for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(candidate)) return candidate;
    throw new Error('nginx not found (apt-get install nginx)');
  }

  async start(template: string): Promise<void> {
    fs.mkdirSync(path.join(this.dir, 'temp'), { recursive: true });
    // The documented example config, with this run's ports and paths put in.
    const servers = this.upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=0;`).join('\n');
    const config = template
      .replace(/^(\s*)server 127\.0\.0\.1:3001.*\n(\s*server 127\.0\.0\.1:3002.*\n)/m, `${servers}\n`)
      .replace('listen 80;', `listen 127.0.0.1:${this.port};`)
      .replace(/^user .*\n/m, '');
    const main = [
      'daemon off;',
      'worker_processes 1;',
      `pid ${this.dir}/nginx.pid;`,
      `error_log ${this.dir}/error.log warn;`,
      'events { worker_connections 1024; }',
      'http {',
      `  access_log ${this.dir}/access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${this.dir}/temp/${t};`),
      config,
      '}',
    ].join('\n');
    fs.writeFileSync(path.join(this.dir, 'nginx.conf'), main);
    if (isRoot) execFileSync('chmod', ['-R', 'a+rwX', this.dir]);
    this.child = spawn(Nginx.binary(), ['-c', path.join(this.dir, 'nginx.conf'), '-p', this.dir, '-e', path.join(this.dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    this.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitFor(async () => {
      if (this.child!.exitCode !== null) throw new Error(`nginx stopped: ${stderr}`);
      return canConnect(this.port);
    }, 'nginx to listen', 20_000);
  }

  async stop(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGTERM');
    await exited(this.child);
    this.child = null;
  }
}

export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** One `kramek serve` or `kramek worker` process (run from the sources with tsx), its output in a log file. */
export class KramekProcess {
  child: ChildProcess | null = null;
  readonly logFile: string;
  constructor(readonly name: string, private readonly args: string[], private readonly env: Record<string, string>, root: string, readonly port?: number) {
    this.logFile = path.join(root, `${name}.log`);
  }

  start(): void {
    const log = fs.openSync(this.logFile, 'a');
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...this.args], {
      env: { PATH: process.env.PATH ?? '', ...this.env, ...(this.port ? { PORT: String(this.port) } : {}) },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
  }

  /** Resolves with the milliseconds until /ready answers 200. */
  async ready(timeoutMs = 180_000): Promise<number> {
    return waitFor(async () => {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) throw new Error(`${this.name} exited: ${fs.readFileSync(this.logFile, 'utf8').slice(-2000)}`);
      try {
        return (await fetch(`http://127.0.0.1:${this.port}/ready`)).status === 200;
      } catch {
        return false;
      }
    }, `${this.name} to be ready`, timeoutMs, 100);
  }

  async kill(signal: NodeJS.Signals): Promise<number | string | null> {
    const child = this.child;
    if (!child) return null;
    child.kill(signal);
    await exited(child);
    this.child = null;
    return child.exitCode ?? child.signalCode;
  }
}
