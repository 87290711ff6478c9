// A minimal LSP client over a child's stdio, for timing: it records every publishDiagnostics with
// the time it arrived, answers workspace/configuration from a settings object, and reads the
// child's memory from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { rootRequire } from './paths.mjs';

/** USER_HZ: the unit of /proc/<pid>/stat times (100 on Linux; getconf CLK_TCK). */
const CLOCK_TICKS = 100;

const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
} = rootRequire('vscode-languageserver-protocol/node');

export class LspServer {
  /**
   * @param {object} o
   * @param {string} o.name
   * @param {string} o.node   the Node binary that runs the server
   * @param {string[]} o.args the server's entry and flags
   * @param {Record<string, unknown>} o.settings section name -> value, for workspace/configuration
   */
  constructor({ name, node, args, settings }) {
    this.name = name;
    this.settings = settings;
    this.child = spawn(node, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (chunk) => { this.stderr += chunk; });
    /** @type {{ uri: string, version?: number, diagnostics: any[], at: number }[]} */
    this.published = [];
    this.waiters = [];
    this.configRequests = 0;
    this.lastConfigAt = 0;
    const c = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection = c;
    c.onNotification('textDocument/publishDiagnostics', (p) => {
      this.published.push({ ...p, at: performance.now() });
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    });
    c.onNotification(() => {}); // window/logMessage, telemetry, custom notifications
    c.onRequest('workspace/configuration', (p) => {
      this.configRequests++;
      this.lastConfigAt = performance.now();
      return p.items.map((item) => this.settings[item.section] ?? null);
    });
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest(() => null);
    c.listen();
  }

  get pid() {
    return this.child.pid;
  }

  async initialize(rootUri) {
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          synchronization: { dynamicRegistration: false, didSave: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    this.connection.sendNotification('initialized', {});
  }

  /** Waits until `quietMs` pass with no configuration request (servers pull settings after `initialized`). */
  async settle(quietMs = 300, minConfigRequests = 0, timeoutMs = 20_000) {
    const start = performance.now();
    for (;;) {
      const now = performance.now();
      if (this.configRequests >= minConfigRequests && now - Math.max(this.lastConfigAt, start) >= quietMs) return;
      if (now - start > timeoutMs) throw new Error(`${this.name}: no settings request after initialized`);
      await sleep(20);
    }
  }

  open(uri, languageId, text, version = 1) {
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri, version, range, text) {
    this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  close(uri) {
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * The first diagnostics for `uri` published after index `fromIndex` of the log that satisfy `accept`.
   * Resolves with the entry (its `at` is the arrival time).
   */
  async diagnostics(uri, fromIndex, accept = () => true, timeoutMs = 120_000) {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      for (let i = fromIndex; i < this.published.length; i++) {
        const p = this.published[i];
        if (p.uri === uri && accept(p)) return p;
      }
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited (${this.child.exitCode}): ${this.stderr.slice(-500)}`);
      if (performance.now() > deadline) throw new Error(`${this.name}: no diagnostics for ${uri} in ${timeoutMs} ms`);
      await new Promise((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 250);
      });
    }
  }

  /** Sends a request and returns [result, milliseconds]. */
  async timed(method, params) {
    const t0 = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return [result, performance.now() - t0];
  }

  /** VmRSS and VmHWM of the server process, in MB (1 MB = 2^20 bytes). */
  memory() {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
  }

  /**
   * CPU time (user + system) the server process has used, in ms: unlike wall time, barely moved by
   * other work on the machine. /proc/<pid>/stat counts in clock ticks (10 ms at the usual 100 Hz).
   */
  cpuMs() {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  }

  async stop() {
    const exited = new Promise((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      else this.child.once('exit', resolve);
    });
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), sleep(5000)]);
      this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
